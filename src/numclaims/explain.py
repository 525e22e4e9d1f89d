"""Explanations of checks in a reader's words, built from structured results (never from the engine's
``explanation`` text).

:func:`explain` turns one check of results.json (``kind``, ``verdict``, ``claims``, ``details``, and when
present the ``reason``, ``figures``, ``cause`` and ``findings`` fields) plus the claim records it names
(quotes, qualifiers, units, intervals, periods) into an :class:`Explanation`:

* ``sentence``: one sentence a sub-editor would accept ("The article gives “As many as 1,600” and “over
  4,500” for the same measure; both cannot hold: the second is at least 2.8 times the first.");
* ``as_written``: the arithmetic on the figures as printed;
* ``over_intervals``: the same arithmetic over the ranges of true values the wording allows;
* ``rules``: the reading rules and the verdict rule applied;
* ``cause``: for ``tension`` and ``inconsistent``, the figure and the bound responsible.

Words, never codes: qualifiers in words ("more than", "at most"), dates as dates ("September 2013",
"October 2011 to September 2013"), money without scientific notation ("$2 million"), claim and reference
ids never in the prose (a reference row is named by its publisher when the reference table is given).
One template table (:data:`TEMPLATES`) holds the sentence of every check kind and verdict.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from .checks import KINDS
from .resultmodel import CheckEntry, ClaimResult, ComparedFigure, DerivedFigure

#: A claim's canonical qualifier (:data:`numclaims.rules.QUALIFIERS`) in words, before the number;
#: ``exact`` and ``range`` have none.
QUALIFIER_WORDS = {
    "exact": "", "range": "", "approximately": "about", "nearly": "nearly", "more_than": "more than",
    "at_least": "at least", "less_than": "less than", "up_to": "at most",
}

#: Finding codes of external checks (:mod:`numclaims.checks.external`) as badge words and a clause.
FINDING_WORDS = {
    "qualifier_dropped": ("qualifier dropped", "drops the source's qualifier"),
    "period_changed": ("period changed", "gives another period than its source"),
    "no_source": ("no source", "is backed by none of the figures cited for it"),
    "outlier": ("outlier", "lies far outside the other estimates"),
    "stale_figure": ("old figure", "rests on a figure that was old when the article appeared"),
}

#: The verdict rule, as docs/semantics.md and :mod:`numclaims.checks.base` state it.
VERDICT_RULES = {
    "consistent": "Consistent: the relation holds as written, each figure at its written value and each "
                  "qualifier (more than, up to, about) honoured in its direction.",
    "tension": "Tension: the relation fails as written but holds within the rounding or hedging the "
               "figures' wording allows.",
    "inconsistent": "Inconsistent: no values within the ranges the figures allow satisfy the relation.",
    "unverifiable": "Unverifiable: the records do not allow a decision (units that do not convert, "
                    "periods that do not nest or overlap, or nothing to compare with).",
}


@dataclass(frozen=True)
class Explanation:
    """What the report shows for one check: ``sentence`` (one sentence, ends with a full stop),
    ``as_written`` and ``over_intervals`` (lines of arithmetic), ``rules`` (lines), ``cause`` (sentence or
    None), ``reason`` (words: the producer's ``reason`` code with underscores as spaces, else derived)."""

    sentence: str
    as_written: list[str] = field(default_factory=list)
    over_intervals: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    cause: str | None = None
    reason: str = ""


# ------------------------------------------------------------------------------------------ words
def number_words(x: float) -> str:
    """``4500`` -> ``4,500``; ``2812.45`` -> ``2,812.45``; ``84.15`` -> ``84.15``; ``0.625`` -> ``0.625``;
    never scientific notation. Enough digits that the two ends of a rounding band stay apart ("84.2
    percent" is between 84.15 and 84.25, never "between 84.2 and 84.2"): two decimals from 100 up, four
    significant digits from 1 to 100, three below 1."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "no limit"
    if float(x).is_integer():
        return f"{int(x):,}"
    ax = abs(x)
    if ax >= 100:
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    if ax >= 1:
        return f"{x:,.4g}"
    # below 1: three significant digits in fixed notation, at most six decimals (never "1e-05")
    decimals = min(6, max(1, 2 - math.floor(math.log10(ax))))
    return f"{x:.{decimals}f}".rstrip("0").rstrip(".") or "0"


def _base(unit: str) -> tuple[str, str | None]:
    base, _, per = (unit or "").partition(" per ")
    return base.strip(), (per.strip() or None)


def amount(x: float | None, unit: str) -> str:
    """A value with its unit as a reader writes it: ``$2 million``, ``$60,000 a month``, ``4,500 people``,
    ``42%``, ``62.5%`` (fractions as percentages), ``2.5 years``; other units after the number."""
    base, per = _base(unit)
    tail = f" a {per}" if per else ""
    if x is None:
        return "no limit"
    if base == "USD" or (len(base) == 3 and base.isupper()):
        ax = abs(x)
        if ax >= 1_000_000_000:
            s = number_words(round(x / 1e9, 3)) + " billion"
        elif ax >= 1_000_000:
            s = number_words(round(x / 1e6, 3)) + " million"
        else:
            s = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"
        return (f"${s}" if base == "USD" else f"{s} {base}") + tail
    if base == "percent":
        return f"{number_words(x)}%{tail}"
    if base == "fraction":
        return f"{number_words(round(x * 100, 4))}%{tail}"
    if base == "percentage_points":
        return f"{number_words(x)} percentage point{'' if x == 1 else 's'}{tail}"
    if base in ("persons", "people"):
        return f"{number_words(x)} {'person' if x == 1 else 'people'}{tail}"
    return f"{number_words(x)} {base}{tail}".rstrip()


#: ``{(repr(lo), repr(hi), unit, lc, hc): words}``: a report names each claim's range several times (its
#: reading, each check's explanation); bounded, emptied when full.
_RANGE_WORDS: dict[tuple, str] = {}


def range_words(lo: float | None, hi: float | None, unit: str, closed: Sequence[bool] = (True, True)) -> str:
    """An interval in words: ``between 250 and 350 people``, ``more than 4,500 people``, ``at least 1,500
    people``, ``at most 1,600 people`` (from 0), ``exactly 7 people``, ``any value``."""
    lc, hc = (bool(closed[0]), bool(closed[1])) if len(closed) == 2 else (True, True)
    key = (repr(lo), repr(hi), unit, lc, hc)  # repr: 300 and 300.0, 0.0 and -0.0 are told apart
    try:
        words = _RANGE_WORDS.get(key)
    except TypeError:  # a unit that is not a text (data from disk): no memo
        return _range_words(lo, hi, unit, lc, hc)
    if words is None:
        if len(_RANGE_WORDS) >= 4096:
            _RANGE_WORDS.clear()
        words = _RANGE_WORDS[key] = _range_words(lo, hi, unit, lc, hc)
    return words


def _range_words(lo: float | None, hi: float | None, unit: str, lc: bool, hc: bool) -> str:
    """:func:`range_words` with the closedness read."""
    if lo is None and hi is None:
        return "any value"
    if hi is None:
        return f"{'at least' if lc else 'more than'} {amount(lo, unit)}"
    if lo is None or (lo == 0 and lc):
        return f"{'at most' if hc else 'less than'} {amount(hi, unit)}"
    if lo == hi:
        return f"exactly {amount(lo, unit)}"
    return f"between {amount(lo, unit).split(' a ')[0] if _base(unit)[1] else _bare(lo, unit)} and {amount(hi, unit)}"


def _bare(x: float, unit: str) -> str:
    """The first number of a "between" range without the unit word that the second carries."""
    base, _ = _base(unit)
    s = amount(x, unit)
    if base in ("persons", "people"):
        return number_words(x)
    if base in ("USD",) or base.isupper() or base in ("percent", "fraction"):
        return s
    return number_words(x)


_SINGULAR = {"years": "year", "months": "month", "weeks": "week", "days": "day", "hours": "hour", "percent": "percentage point",
             "percentage_points": "percentage point"}


def step_words(step: float, unit: str) -> str:
    """The rounding step of a figure: ``100`` (people), ``$10,000``, ``year`` (a step of 1 year),
    ``percentage point``, ``25%`` (fractions)."""
    base, _ = _base(unit)
    if base in ("persons", "people", "count"):
        return "whole number" if step == 1 else number_words(step)
    if step == 1 and base in _SINGULAR:
        return _SINGULAR[base]
    if base == "percentage_points":  # "to the nearest 0.1 percentage point"
        return f"{number_words(step)} percentage point"
    return amount(step, base)


def _iso(s: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s))
    except (TypeError, ValueError):
        return None


def _month(d: dt.date) -> str:
    return f"{calendar.month_name[d.month]} {d.year}"


def date_text(iso: Any) -> str:
    """One ISO date as words (``2014-03-04`` -> ``4 March 2014``; empty for none): :func:`date_words` of a
    single day, for the report page, report.md and the review page."""
    return date_words(iso, iso) if iso else ""


def date_words(start: Any, end: Any) -> str:
    """A period as dates: ``2011``, ``September 2013``, ``October 2011 to September 2013``, ``5 October
    2010 to 4 October 2013``; partial ISO dates (``2011-10``, ``2012``) as months and years."""
    def one(s: Any) -> str:
        parts = str(s).split("-")
        if len(parts) == 1 and parts[0].isdigit():
            return parts[0]
        if len(parts) == 2 and all(p.isdigit() for p in parts) and 1 <= int(parts[1]) <= 12:
            return f"{calendar.month_name[int(parts[1])]} {parts[0]}"
        d = _iso(s)
        return f"{d.day} {_month(d)}" if d else str(s)

    a, b = _iso(start), _iso(end)
    if a is None or b is None:
        if not start and not end:
            return "no stated period"
        x, y = one(start or end), one(end or start)
        return x if x == y else f"{x} to {y}"
    first_of_month = a.day == 1
    last_of_month = b.day == calendar.monthrange(b.year, b.month)[1]
    if first_of_month and last_of_month:
        if a.month == 1 and b.month == 12:
            return str(a.year) if a.year == b.year else f"{a.year} to {b.year}"
        if (a.year, a.month) == (b.year, b.month):
            return _month(a)
        return f"{_month(a)} to {_month(b)}"
    if a == b:
        return f"{a.day} {_month(a)}"
    return f"{a.day} {_month(a)} to {b.day} {_month(b)}"


def quoted(claim: ClaimResult | DerivedFigure | None) -> str:
    """The claim's words as printed, in curly quotes: ``“over 4,500”``; a derived figure (a ``derived``
    record of results.json, which has no words of its own) by its arithmetic, never as a quote: ``the
    derived figure 100 - 60 = 40``."""
    if not claim:
        return "another figure"
    words = getattr(claim, "text", None) or getattr(claim, "quote", None)  # a derived figure has neither
    if not words and getattr(claim, "arithmetic", None):
        # money or a measure names its unit ("4,200,000 + 3,100,000 = 7,300,000 in GBP"); counts and shares do not
        u = getattr(claim, "unit", None) or "count"
        unit = "" if _base(u)[0] in ("count", "persons", "percent", "fraction", "ratio") else f" in {u}"
        return f"the derived figure {claim.arithmetic}{unit}"
    return f"\u201c{words}\u201d"


def claim_range(claim: ClaimResult | DerivedFigure) -> str:
    """The values a claim's wording allows, in words (dates as a period)."""
    lo, hi = claim.interval
    if claim.unit == "date":
        return date_words(lo, hi)
    return range_words(lo, hi, claim.unit, claim.interval_closed)


#: The fields of a results.json claim that :func:`reading_rule` reads, and its texts remembered by their
#: ``repr`` (a report words each claim's reading several times); bounded, emptied when full.
_READING_FIELDS = ("text", "quote", "unit", "interval", "interval_closed", "qualifier", "precision", "value",
                   "period")
_READINGS: dict[tuple[str, ...], str] = {}


def reading_rule(claim: ClaimResult | DerivedFigure) -> str:
    """How a claim's words were read: ``“300” read as between 250 and 350 people (written to the nearest
    100)``; ``“over 4,500” read as more than 4,500 people (“more than” sets no upper limit)``."""
    key = tuple(repr(getattr(claim, k, _READING_FIELDS)) for k in _READING_FIELDS)  # (the tuple marks a missing field)
    words = _READINGS.get(key)
    if words is None:
        if len(_READINGS) >= 4096:
            _READINGS.clear()
        words = _READINGS[key] = _reading_rule(claim)
    return words


def _reading_rule(claim: ClaimResult | DerivedFigure) -> str:
    """:func:`reading_rule`, worded."""
    if claim.unit == "date":
        return f"{quoted(claim)} read as the period {claim_range(claim)}."
    q = getattr(claim, "qualifier", None) or "exact"  # a derived figure has no qualifier nor precision
    words = QUALIFIER_WORDS.get(q, q.replace("_", " "))
    prec = getattr(claim, "precision", None)
    out = f"{quoted(claim)} read as {claim_range(claim)}"
    bits = []
    if words in ("more than", "at least"):
        bits.append(f"\u201c{words}\u201d sets no upper limit")
    elif words in ("at most", "less than"):
        bits.append(f"\u201c{words}\u201d sets no lower limit but zero")
    elif words:
        bits.append(f"\u201c{words}\u201d allows a margin either side")
    lo, hi = claim.interval
    if lo is not None and lo == hi:
        bits.append("taken as exact")
    elif prec and q in ("exact", "approximately") and claim.value not in (None, 0):
        bits.append(f"written to the nearest {step_words(prec, claim.unit)}")
    if claim.period:
        bits.append(f"for {date_words(*claim.period)}")
    return out + (f" ({'; '.join(bits)})" if bits else "") + "."


# ------------------------------------------------------------------------------------------ helpers
def _iv(x: Any) -> tuple[float | None, float | None] | None:
    if isinstance(x, (list, tuple)) and len(x) == 2 and all(v is None or isinstance(v, (int, float)) for v in x):
        return (x[0], x[1])
    return None


def _overlap(a, b):
    lo = max(v for v in (a[0], b[0], -math.inf) if v is not None)
    hi = min(v for v in (a[1], b[1], math.inf) if v is not None)
    if lo > hi:
        return None
    return (None if lo == -math.inf else lo, None if hi == math.inf else hi)


#: The machine ``reason`` codes of :data:`numclaims.checks.base.REASONS` in a sub-editor's words (a code not
#: listed is shown with its underscores as spaces).
REASON_WORDS = {
    "holds_as_written": "it holds as written",
    "holds_within_rounding": "it holds only within the rounding of the figures",
    "fails_as_written_holds_in_interval": "it holds only within the hedging of the figures",
    "granularity_holds": "a whole count fits the share as written",
    "granularity_within_interval": "a whole count fits the share only within its rounding",
    "no_overlap": "no values the figures allow satisfy it",
    "granularity_fail": "no whole count fits the share",
    "units_differ": "the units do not convert",
    "not_a_rate": "a rate and a duration are needed",
    "no_interval": "a figure has no numeric range",
    "periods_disjoint": "the periods do not overlap",
    "period_not_nested": "periods do not nest",
    "period_unknown": "the period of a figure is not known",
    "denominator_zero": "the divisor may be zero",
    "no_comparison": "there is nothing to compare with",
    "no_source": "no cited source gives a comparable figure",
    "supported": "a cited source supports it",
    "supported_but_contradicted": "one cited source supports it and another contradicts it",
}


def reason_words(check: CheckEntry) -> str:
    """Why the verdict, in words: the check's machine ``reason`` code (:data:`numclaims.checks.base.REASONS`,
    which every check the engine writes carries) through :data:`REASON_WORDS`, an unknown code with
    underscores as spaces; for an ``unverifiable`` check without a code (a results.json older than the
    code) ``"cannot decide"``, never guessed again from its claims; else ``""``."""
    code = check.reason
    if isinstance(code, str) and code:
        return REASON_WORDS.get(code, code.replace("_", " "))
    return "cannot decide" if check.verdict == "unverifiable" else ""


def _edge_cause(names: Sequence[str], ivs: Sequence[tuple], unit: str) -> str | None:
    """Which bounds two compared ranges meet at: ``they meet only between X and Y: the top of A and the
    bottom of B``."""
    if len(ivs) < 2:
        return None
    ov = _overlap(ivs[0], ivs[1])
    if ov is None:
        return None
    lo, hi = ov
    parts = []
    for name, iv in zip(names[:2], ivs[:2]):
        if iv[1] is not None and hi is not None and iv[1] == hi and (iv[0] is None or iv[0] < hi):
            parts.append(f"the top of {name}")
        elif iv[0] is not None and lo is not None and iv[0] == lo:
            parts.append(f"the bottom of {name}")
    where = range_words(lo, hi, unit)
    return f"The two meet only {where}" + (f": {' and '.join(parts)}." if parts else ".")


def _at_most_cause(p: str, w: str, part, whole, unit: str) -> str | None:
    """Why ``part <= whole`` fails as written and holds only within the ranges: the bound of each side that
    meets the other."""
    if not part or not whole or whole[1] is None:
        return None
    if part[1] is None or part[1] > whole[1]:
        top = "no upper limit" if part[1] is None else amount(part[1], unit)
        return (f"The top of {p} ({top}) is above the top of {w} ({amount(whole[1], unit)}): the first fits "
                f"only near the bottom of its range.")
    return f"The top of {p} ({amount(part[1], unit)}) is close to the top of {w} ({amount(whole[1], unit)})."


def _row_name(row_id: str, reference: dict[str, dict[str, Any]] | None) -> str:
    r = (reference or {}).get(row_id) or {}
    who = (r.get("publisher") or "").strip()
    if not who:
        return "a cited source"
    when = r.get("published") or ""
    return f"{who}, {date_words(when, when)}" if when else who


def _row_figure(row_id: str, row: dict[str, Any], reference: dict[str, dict[str, Any]] | None, unit: str) -> str:
    ref = (reference or {}).get(row_id) or {}
    q = (ref.get("qualifier_as_written") or ref.get("qualifier") or "").strip()
    v = ref.get("value")
    try:
        v = float(str(v).replace(",", "")) if v not in (None, "") else None
    except ValueError:
        v = None
    runit = ref.get("unit") or unit
    if v is not None and q not in ("range",):
        qw = QUALIFIER_WORDS.get(q.replace(" ", "_"), q)
        return f"{qw + ' ' if qw else ''}{amount(v, runit)}"
    iv = _iv(row.get("interval"))
    return range_words(*iv, runit) if iv else "a figure"


# ------------------------------------------------------------------------------------------ templates
Ctx = dict[str, Any]


def _ctx(check: CheckEntry, claims: dict[str, ClaimResult | DerivedFigure], reference) -> Ctx:
    ids = list(dict.fromkeys(check.claims))
    cs = [claims.get(i) for i in ids]
    return {"check": check, "d": check.details or {}, "cs": cs, "q": [quoted(c) for c in cs],
            "unit": cs[-1].unit if cs and cs[-1] is not None else "", "reference": reference}


def _measure(c: ClaimResult | DerivedFigure | None) -> str:
    return (c.measure.what or "").strip() if c is not None else ""


def _agreement(x: Ctx) -> tuple[str, list[str], list[str], str | None]:
    a, b = x["q"][:2]
    d, unit = x["d"], x["cs"][0].unit
    ia, ib = _iv(d.get("a")), _iv(d.get("b"))
    what = _measure(x["cs"][0])
    v = x["check"].verdict
    over = [f"{a}: {claim_range(x['cs'][0])}.", f"{b}: {claim_range(x['cs'][1])}."]
    cause = None
    if v == "inconsistent":
        f = d.get("factor")
        lowfirst = ia and ib and ia[1] is not None and ib[0] is not None and ib[0] > ia[1]
        fw = f"{f:.2f}" if f and f < 1.1 else f"{f:.1f}" if f else ""  # "1.04 times", never "1.0 times"
        rel = (f"the second is at least {fw} times the first" if lowfirst else
               f"the first is at least {fw} times the second") if f else "their ranges share no value"
        s = f"The article gives {a} and {b} for the same measure ({what}); both cannot hold: {rel}."
        if d.get("gap") is not None:
            over.append(f"No value is in both ranges: a gap of {amount(d['gap'], unit)}.")
        hi_side, lo_side = (b, a) if lowfirst else (a, b)
        cause = f"The lowest value {hi_side} allows is above the highest {lo_side} allows."
    elif v == "tension":
        s = f"{a} and {b} can both describe {what} only within the rounding or hedging their wording allows, not as written."
        cause = _edge_cause([a, b], [ia, ib], unit) if ia and ib else None
    else:
        ov = _overlap(ia, ib) if ia and ib else None
        s = f"{a} and {b} can both describe {what}" + (f": both allow {range_words(*ov, unit)}." if ov else ".")
    written = []
    va, vb = (c.value for c in x["cs"][:2])
    if va is not None and vb is not None and va and vb:
        # the larger against the smaller, as the sentence says it ("the first is at least 1.1 times the second")
        big, small = (va, vb) if abs(va) >= abs(vb) else (vb, va)
        written.append(f"{amount(big, unit)} against {amount(small, unit)}: {number_words(round(big / small, 2))} times.")
    return s, written, over, cause


def _part_whole(x: Ctx):
    p, w = x["q"][:2]
    pc, wc = x["cs"][:2]
    d, unit = x["d"], wc.unit
    v = x["check"].verdict
    over = [f"Part {p}: {claim_range(pc)}.", f"Whole {w}: {claim_range(wc)}."]
    cause = None
    if v == "unverifiable":
        why = reason_words(x["check"])
        pp, wp = pc.period, wc.period
        if pp and wp:
            apart = pp[1] < wp[0] or wp[1] < pp[0]  # ISO dates compare as text
            how = ("the periods do not overlap, so the first cannot be counted in the second" if apart else
                   "the first period is not inside the second, so part of what the first counts may fall "
                   "outside the second")
            s = f"{p} counts {date_words(*pp)} and {w} counts {date_words(*wp)}: {how}."
        else:
            s = f"Whether {p} is part of {w} cannot be decided: {why}."
        return s, [], over, None
    if v == "inconsistent":
        s = (f"{p} cannot be part of {w}: even the smallest value the first allows, "
             f"{amount(d['part'][0], unit)}, is more than the most the second allows, {amount(d['whole'][1], unit)}.")
        cause = f"The bottom of {p} is above the top of {w}."
    elif v == "tension":
        s = f"{p} fits within {w} only within the rounding or hedging their wording allows, not as written."
        cause = _at_most_cause(p, w, _iv(d.get("part")), _iv(d.get("whole")), unit)
    else:
        s = f"{p} ({_measure(pc)}) fits within {w} ({_measure(wc)})."
    written = []
    if pc.value is not None and wc.value is not None:
        ok = pc.value <= wc.value
        written.append(f"{amount(pc.value, unit)} {'is at most' if ok else 'is more than'} "
                       f"{amount(wc.value, unit)}.")
    if not pc.period or not wc.period:
        over.append("No period is stated for one of the two; they are taken as comparable.")
    return s, written, over, cause


def _over(words: str) -> str:
    """``“three years”`` -> ``over “three years”``; a duration whose words start with a preposition
    (``“over three years”``, ``“for two years”``) keeps its own."""
    first = words.strip("\u201c").split(" ")[0].lower()
    return words if first in ("over", "for", "in", "during", "within", "across") else f"over {words}"


def _bound(c: ClaimResult) -> str:
    """A one-sided qualifier of a rate carried to what it gives (:data:`QUALIFIER_WORDS` and a space):
    "more than 33 a day" for 152 days comes to ``"more than "`` 5,022. ``""`` for exact, range and
    approximately (a rate's "about" is said by its own words)."""
    q = c.qualifier or ""
    return "" if q == "approximately" or not QUALIFIER_WORDS.get(q) else QUALIFIER_WORDS[q] + " "


def _rate_duration(x: Ctx):
    r, du, t = x["q"][:3]
    rc, dc, tc = x["cs"][:3]
    d, unit = x["d"], tc.unit
    v = x["check"].verdict
    imp, st = _iv(d.get("implied")), _iv(d.get("stated"))
    written = []
    if d.get("as_written") is not None and tc.value:
        aw, tv = d["as_written"], tc.value
        months = None
        conv = _iv(d.get("duration_converted"))
        if conv and dc.value and dc.interval and dc.interval[0] and conv[0]:
            months = dc.value * conv[0] / dc.interval[0]
        per = d.get("duration_unit") or ""
        step = f"{amount(rc.value, rc.unit)} for {number_words(months)} {per}" if months else f"{r} {_over(du)}"
        pct = round((aw - tv) / tv * 100)
        written.append(f"{_bound(rc)}{step} = {_bound(rc)}{amount(aw, unit)}, against {amount(tv, unit)} stated "
                       f"({'+' if pct >= 0 else ''}{pct}%).")
    over = [f"Rate {r}: {claim_range(rc)}.",
            f"Duration {du}: {claim_range(dc)}"
            + (f" = {range_words(*_iv(d['duration_converted']), d.get('duration_unit', ''))}." if _iv(d.get("duration_converted")) else "."),
            f"Rate \u00d7 duration: {range_words(*imp, unit)}." if imp else "",
            f"Stated total {t}: {claim_range(tc)}."]
    over = [o for o in over if o]
    ov = _overlap(imp, st) if imp and st else None
    cause = None
    if v == "inconsistent":
        s = f"{r} {_over(du)} cannot add up to {t}: the two ranges share no value."
        cause = ("Even the lowest total the rate and duration allow is above the stated total."
                 if imp and st and imp[0] is not None and st[1] is not None and imp[0] > st[1]
                 else "Even the highest total the rate and duration allow falls short of the stated total.")
    elif v == "tension":
        s = f"{r} {_over(du)} reaches {t} only within the rounding or hedging their wording allows, not as written."
        cause = _edge_cause(["rate \u00d7 duration", t], [imp, st], unit) if imp and st else None
    else:
        aw = d.get("as_written")
        s = (f"At {r}, {du} comes to {_bound(rc)}{amount(aw, unit)}" if aw is not None else f"{r} {_over(du)}") + \
            f", which fits {t}" + (f" (both allow {range_words(*ov, unit)})." if ov else ".")
    return s, written, over, cause


def _grim_rule(grim: dict[str, Any], unit: str) -> str:
    """The GRIM line of a share check, from its ``details.grim`` (``numclaims.checks.shares``: the share's
    interval ``share`` and as-written band ``written``, the totals allowed ``totals``, whether some whole
    count fits over the intervals ``fits`` and as written ``fits_as_written``, and ``cannot_fail``)."""
    head = "GRIM test (Brown and Heathers, 2017), by interval: "
    totals = _iv(grim.get("totals"))
    of = f"out of {range_words(*totals, unit)}" if totals else "of the total"
    band = _iv(grim.get("written"))
    share = range_words(*band, "percent") if band else "the share"
    if grim.get("cannot_fail"):
        return head + ("with a total this large some whole number fits any share this wide, so the test "
                       "carries no information here.")
    if grim.get("fits_as_written"):
        return head + f"a whole number {of} gives a share {share}: yes."
    if grim.get("fits"):
        return head + f"no whole number {of} gives a share {share} as written; one does within its full range."
    return head + f"no whole number {of} gives a share {share}."


def _share(x: Ctx):
    sh, t = x["q"][:2]
    sc, tc = x["cs"][:2]
    part = next((c for c in x["cs"][2:] if c), None)
    d, unit = x["d"], tc.unit
    v = x["check"].verdict
    imp = _iv(d.get("implied"))
    grim = d.get("grim") or {}
    written, cause = [], None
    if sc.value is not None and tc.value is not None:
        written.append(f"{number_words(sc.value)}% of {amount(tc.value, unit)} = "
                       f"{amount(sc.value * tc.value / 100, unit)}"
                       + (f", against {quoted(part)} stated." if part is not None else "."))
        if part is not None and part.value is not None and tc.value:
            written.append(f"{quoted(part)} is {number_words(round(part.value / tc.value * 100, 1))}% of "
                           f"{amount(tc.value, unit)}, against {number_words(sc.value)}% stated.")
    over = [f"Share {sh}: {claim_range(sc)}.", f"Total {t}: {claim_range(tc)}."]
    if imp:
        over.append(f"Implied part: {range_words(*imp, unit)}.")
    rules = [_grim_rule(grim, unit)] if grim else []
    if v == "inconsistent" and grim and not grim.get("fits"):
        s = (f"{sh} of {t} is impossible: no whole number out of {claim_range(tc)} gives a share "
             f"{claim_range(sc)}.")
        cause = "No whole count of the total gives the share (GRIM test by interval)."
    elif v in ("inconsistent", "tension") and _iv(d.get("stated")) and imp:
        s = (f"{sh} of {t} implies {range_words(*imp, unit)}, which "
             + ("does not match " if v == "inconsistent" else "matches only within the rounding ")
             + f"{quoted(part)}.")
        cause = _edge_cause(["the implied part", quoted(part)], [imp, _iv(d["stated"])], unit) if v == "tension" else \
            "The implied part and the stated part share no value."
    elif v == "tension" and grim and not grim.get("fits_as_written"):
        s = (f"{sh} of {t} is possible only within the rounding or hedging of the share: as written no whole "
             f"number out of {claim_range(tc)} gives it.")
    else:
        matches = f", which matches {quoted(part)}" if part is not None and v == "consistent" else ""
        s = (f"{sh} of {t} implies {range_words(*imp, unit)}{matches}" + (
            "; the share is possible for a whole number of people." if grim.get("fits_as_written")
            and not grim.get("cannot_fail") else ".")) if imp else f"{sh} of {t} cannot be checked."
    return s, written, over, cause, rules


def _fraction(x: Ctx):
    f, w = x["q"][:2]
    fc, wc = x["cs"][:2]
    cc = x["cs"][2] if len(x["cs"]) > 2 else None
    d, unit = x["d"], wc.unit
    v = x["check"].verdict
    imp, cmp_ = _iv(d.get("implied")), _iv(d.get("compare"))
    rel = x["check"].relation or ("le" if d.get("factor") else "le")
    rel_words = {"le": "fit within", "ge": "be at least", "eq": "match"}.get(rel, "match")
    written = []
    if fc.value is not None and wc.value is not None:
        # the fraction's qualifier carried to what it gives ("more than 50% of 3,400 people = more than 1,700")
        q = QUALIFIER_WORDS.get(fc.qualifier or "exact", "")
        q = q + " " if q else ""
        written.append(f"{q}{amount(fc.value, 'fraction')} of {amount(wc.value, unit)} = "
                       f"{q}{amount(fc.value * wc.value, unit)}"
                       + (f", against {amount(cc.value, unit)}." if cc and cc.value is not None else "."))
    over = [f"Fraction {f}: {claim_range(fc)}.", f"Whole {w}: {claim_range(wc)}."]
    if imp:
        over.append(f"Implied part: {range_words(*imp, unit)}.")
    if cc:
        over.append(f"Compared with {quoted(cc)}: {claim_range(cc)}.")
    cause = None
    if cc is None:
        return f"{f} of {w} implies {range_words(*imp, unit) if imp else 'a part'}; there is no figure to compare it with.", \
            written, over, None
    if v == "inconsistent":
        fac = d.get("factor")
        s = (f"{f} of {w} is {range_words(*imp, unit)}, which cannot {rel_words} {quoted(cc)}"
             + (f": it is at least {fac:.1f} times as many." if fac else "."))
        above = imp is not None and cmp_ is not None and imp[0] is not None and cmp_[1] is not None and imp[0] > cmp_[1]
        cause = (f"The bottom of the implied part (from the bottom of {w}) is above the top of {quoted(cc)}." if above
                 else f"The top of the implied part (from the top of {w}) is below the bottom of {quoted(cc)}.")
    elif v == "tension":
        s = f"{f} of {w} can {rel_words} {quoted(cc)} only within the rounding or hedging their wording allows, not as written."
        cause = (_at_most_cause("the implied part", quoted(cc), imp, cmp_, unit) if rel == "le" else
                 _edge_cause(["the implied part", quoted(cc)], [imp, cmp_], unit)) if imp and cmp_ else None
    else:
        s = f"{f} of {w} is {range_words(*imp, unit)}, which can {rel_words} {quoted(cc)}."
    return s, written, over, cause


_OPS = {"sum": ("+", "sum"), "difference": ("\u2212", "difference"), "product": ("\u00d7", "product"),
        "ratio": ("\u00f7", "ratio")}


def _arith(x: Ctx):
    kind = x["check"].kind
    sym, _name = _OPS.get(kind, ("?", "result"))
    cs, qs = x["cs"], x["q"]
    res = cs[-1]
    unit = res.unit if res is not None else ""
    d, v = x["d"], x["check"].verdict
    imp, st = _iv(d.get("implied")), _iv(d.get("stated"))
    inputs = f" {sym} ".join(qs[:-1])
    written = []
    vals = [c.value for c in cs if c]
    if all(isv is not None for isv in vals) and len(vals) >= 2:
        acc = vals[0]
        for val in vals[1:-1]:
            acc = {"+": acc + val, "\u2212": acc - val, "\u00d7": acc * val}.get(sym, acc / val if val else acc)
        written.append(f"{f' {sym} '.join(number_words(val) for val in vals[:-1])} = {number_words(acc)}, "
                       f"against {number_words(vals[-1])} stated.")
    over = [f"{q}: {claim_range(c)}." for q, c in zip(qs, cs) if c]
    if imp:
        over.append(f"{inputs} = {range_words(*imp, unit)}.")
    cause = None
    if v == "inconsistent":
        s = f"{inputs} cannot give {qs[-1]}: the two ranges share no value."
        cause = "The computed range and the stated figure share no value."
        if d.get("sign_reversed"):  # the size of the difference matches the other way round
            cause += (f" The other way round ({qs[1]} \u2212 {qs[0]}) it matches: if the sentence states a "
                      "fall as its size, record the larger figure as the minuend.")
    elif v == "tension":
        s = f"{inputs} gives {qs[-1]} only within the rounding or hedging their wording allows, not as written."
        cause = _edge_cause(["the computed range", qs[-1]], [imp, st], unit) if imp and st else None
    elif v == "unverifiable":
        s = f"Whether {inputs} gives {qs[-1]} cannot be decided: {reason_words(x['check'])}."
    else:
        s = f"{inputs} {'is' if kind != 'sum' else 'add up to'} {range_words(*imp, unit)}, which fits {qs[-1]}." \
            if imp else f"{inputs} fits {qs[-1]}."
    return s, written, over, cause


def _external(x: Ctx):
    c = x["cs"][0]
    q = x["q"][0]
    d, v = x["d"], x["check"].verdict
    ref = x["reference"]
    rows = [r for r in d.get("rows", []) if r.get("role") == "estimate"]
    support = [r for r in rows if r.get("supports")]
    clash = [r for r in rows if r.get("verdict") == "inconsistent"]
    fw = [FINDING_WORDS.get(f.code, (f.code.replace("_", " "), f.code.replace("_", " ")))[1]
          for f in x["check"].findings or []]
    name = lambda r: _row_name(r["id"], ref)
    fig = lambda r: _row_figure(r["id"], r, ref, c.unit)
    over = [f"{q}: {claim_range(c)}."]
    for r in rows:
        iv = _iv(r.get("interval"))
        per = r.get("period") or []
        over.append(f"{name(r)}: {fig(r)}" + (f" for {date_words(per[0], per[1])}" if len(per) == 2 else "")
                    + (f", read as {range_words(*iv, c.unit)}" if iv and iv[1] is not None else "")
                    + f": {'shares values with the claim' if r.get('verdict') != 'inconsistent' else 'shares no value with the claim'}"
                    + ("; it backs the claim." if r.get("supports") else "."))
    civ = _iv(c.interval) or (None, None)

    def side(r: dict[str, Any]) -> str:
        iv = _iv(r.get("interval")) or (None, None)
        if iv[0] is not None and civ[1] is not None and iv[0] >= civ[1]:
            return f"above the top of {q}"
        if iv[1] is not None and civ[0] is not None and iv[1] <= civ[0]:
            return f"below the bottom of {q}"
        return f"outside {q}"

    def clash_cause() -> str | None:
        if not clash:
            return None
        groups: dict[str, list[str]] = {}
        for r in clash[:4]:
            groups.setdefault(side(r), []).append(f"{name(r)} ({fig(r)})")
        return " ".join(f"The figure of {v[0]} lies {k}." if len(v) == 1 else
                        f"The figures of {', '.join(v[:-1])} and {v[-1]} lie {k}." for k, v in groups.items())

    cause = None
    if not rows:
        s = f"{q} has no cited figure of the same measure to compare with."
    elif v == "inconsistent":
        s = (f"{q} shares no value with " + "; ".join(f"{name(r)}, which gives {fig(r)}" for r in clash[:3])
             + (f"; it {' and '.join(fw)}." if fw else "."))
        cause = clash_cause()
    elif v == "tension":
        s = (f"{q} is backed by {', '.join(name(r) for r in support[:2]) or 'one source'}, but "
             + " and ".join(f"{name(r)} ({fig(r)})" for r in clash[:2])
             + (" shares" if len(clash[:2]) == 1 else " share") + " no value with it"
             + (f"; it {' and '.join(fw)}." if fw else "."))
        cause = clash_cause()
    elif support:
        s = f"{q} matches {name(support[0])}, which gives {fig(support[0])}"
        s += f"; but it {' and '.join(fw)}." if fw else "."
    else:
        s = (f"{q} is compatible with the figures it cites, but none of them backs it: "
             + "; ".join(f"{name(r)} gives {fig(r)}" for r in rows[:3]) + ".")
    return s, [], over, cause


#: kind -> sentence builder (check context -> (sentence, as written, over intervals, cause[, rules])).

_REL_WORDS = {"gt": "more than", "ge": "at least", "lt": "less than", "le": "at most", "eq": "the same as"}


def _fig_name(f: ComparedFigure, claims: dict[str, ClaimResult | DerivedFigure]) -> str:
    """A figure of ``figures`` named by the words of its claim; a figure derived from claims (``derived:``)
    or computed by the check is named by what it is, never by a record id."""
    ids = f.claims or []
    if len(ids) == 1 and ids[0] in claims:
        return quoted(claims[ids[0]])
    return {"implied": "the implied figure", "reference": "the reference figure",
            "ratio": "the implied ratio"}.get(f.role, "a derived figure")


def _quoted_claim(f: ComparedFigure, claims: dict[str, ClaimResult | DerivedFigure]) -> ClaimResult | None:
    """The claim a figure of ``figures`` stands for when it is one quoted claim of the article; ``None`` for
    a derived figure or one the check computed (as :func:`_fig_name` tells them apart)."""
    ids = f.claims or []
    c = claims.get(ids[0]) if len(ids) == 1 else None
    return c if isinstance(c, ClaimResult) else None


def _fig_value(f: ComparedFigure) -> str:
    """A figure's value as written, in words (a count or ratio as the bare number, "a month" for a rate), or
    its range when it has no single written value."""
    if f.written is not None:
        return _fig_value_of(float(f.written), f)
    iv = _iv(f.interval)
    return range_words(*iv, f.unit or "") if iv else "an unknown value"


def _fig_value_of(x: float, like: ComparedFigure) -> str:
    """The number ``x`` in words in the unit of the figure ``like``: a count or ratio as the bare number
    (to one decimal from 10 up; "a month" for a rate), any other unit with it (:func:`amount`)."""
    base, per = _base(like.unit or "")
    if base in ("count", "ratio"):
        return number_words(round(x, 1) if abs(x) >= 10 else x) + (f" a {per}" if per else "")
    return amount(x, like.unit or "")


def _fig_range(f: ComparedFigure) -> str:
    """A figure's range in words; a count or ratio as bare numbers (a rate with "a month"), a range whose
    two ends are the same as one value."""
    iv = _iv(f.interval)
    if not iv:
        return "an unknown value"
    lo, hi = iv
    base, per = _base(f.unit or "")
    if base not in ("count", "ratio"):
        return range_words(lo, hi, f.unit or "")
    tail = f" a {per}" if per else ""

    def nw(v: float) -> str:
        return number_words(round(v, 1) if abs(v) >= 10 else v)
    if lo is not None and hi is not None and math.isclose(lo, hi, rel_tol=1e-9, abs_tol=1e-12):
        return nw(lo) + tail
    if hi is None:
        return f"at least {nw(lo)}{tail}" if lo is not None else "any value"
    if lo is None or lo == 0:
        return f"at most {nw(hi)}{tail}"
    return f"between {nw(lo)} and {nw(hi)}{tail}"


def _relations(x: Ctx):
    """comparison, change, complement and implied_ratio, from the check's ``figures`` (role, claims, value
    as written, interval): one sentence naming the figures with their values, the arithmetic as written
    and over the ranges."""
    ch, v = x["check"], x["check"].verdict
    claims = {c.id: c for c in x["cs"] if c}
    cause = None
    figs = list(ch.figures or [])
    if not figs:
        raise LookupError
    by = {f.role: f for f in figs}
    kind = ch.kind
    # a change with no earlier figure gives only the earlier figure it implies: named so, and shown as written
    earlier_only = kind == "change" and "earlier" not in by and "implied" in by
    name = lambda f: "the implied earlier figure" if earlier_only and f is by["implied"] else _fig_name(f, claims)  # noqa: E731
    written = [f"{name(f)}: {_fig_value(f)} as written." for f in figs
               if f.role != "implied" or (earlier_only and f.written is not None)]
    if kind == "change" and not earlier_only:
        written = _change_arithmetic(by, x["d"].get("mode")) or written
    over = [f"{name(f)}: {_fig_range(f)}." for f in figs if _iv(f.interval)]
    verdict_words = {"consistent": "holds as written", "tension": "holds only within the rounding or hedging "
                     "the wording allows, not as written", "inconsistent": "cannot hold: no values the figures "
                     "allow satisfy it", "unverifiable": "cannot be decided: " + (reason_words(ch) or
                                                                                   "the records do not allow it")}[v]
    if kind == "comparison" and "a" in by and "b" in by:
        rel = _REL_WORDS.get(ch.relation or "gt", "more than")
        fac = by.get("factor")
        times = ""
        if fac is not None:
            named = _fig_name(fac, claims)
            times = (f"{named} ({_fig_value(fac)} times) " if named != "a derived figure"
                     else f"{_fig_value(fac)} times ")
        rel = "" if rel == "the same as" and times else rel + " "  # "878 is more than triple 287"
        # "the article says" of two quoted figures; a derived figure is the check's arithmetic, not the article's
        qa, qb = _quoted_claim(by["a"], claims), _quoted_claim(by["b"], claims)
        says = "the article says " if qa and qb else ""
        said = f"{says}{_fig_name(by['a'], claims)} ({_fig_value(by['a'])}) is {rel}{times}" \
               f"{_fig_name(by['b'], claims)} ({_fig_value(by['b'])})"
        if v in ("tension", "inconsistent") and fac is None and qa and qb and \
                qa.qualifier == qb.qualifier == "exact":
            said += _comparison_as_written(by["a"], by["b"])  # two bare figures: what their digits show
            cause = _comparison_cause(by["a"], by["b"], ch.relation or "gt", claims) if v == "inconsistent" else None
    elif kind == "change" and "later" in by:
        how = by.get("change") or by.get("factor")
        earlier = f"from {_fig_name(by['earlier'], claims)} ({_fig_value(by['earlier'])}) " if "earlier" in by else ""
        said = f"a change {earlier}to {_fig_name(by['later'], claims)} ({_fig_value(by['later'])})" + (
            f" by {_fig_name(how, claims)} ({_fig_value(how)})" if how else "")
        if earlier_only:
            imp = by["implied"]
            said += (f", which implies an earlier figure of {_fig_value(imp)} as written"
                     if imp.written is not None else ", which implies an earlier figure") + \
                f" ({_fig_range(imp)} over the ranges the wording allows)"
        elif "implied" in by:
            said += f", which implies {_fig_range(by['implied'])}"
        reading = x["d"].get("reading")
        if reading and how is not None:  # a percent change between two percentages: the reading kept
            other = {"consistent": "holds", "tension": "holds only within the rounding",
                     "inconsistent": "does not hold"}.get(x["d"].get("other_reading"), "is not decided")
            said += (f" ({_fig_name(how, claims)} read as percentage points; as a relative change it {other})"
                     if reading == "points" else
                     f" ({_fig_name(how, claims)} read as a relative change; in percentage points it {other})")
    elif kind == "complement":
        # each share once: a figure may be listed again under another role (a part that is also the cause)
        shares = list({tuple(f.claims or []) or id(f): f for f in figs if f.role != "implied"}.values())
        said = " and ".join(f"{_fig_name(f, claims)} ({_fig_value(f)})" for f in shares) + " as shares of one whole"
    elif kind == "implied_ratio" and "numerator" in by and "denominator" in by:
        said = (f"{_fig_name(by['numerator'], claims)} ({_fig_value(by['numerator'])}) divided by "
                f"{_fig_name(by['denominator'], claims)} ({_fig_value(by['denominator'])})")
        if "ratio" in by and by["ratio"].written is not None:
            said += f" is {_fig_value(by['ratio'])}"
        if "reference" in by:
            rel = {"le": "at most", "ge": "at least"}.get(ch.relation or "eq")
            said += (f", which must be {rel} the reference figure" if rel else " against the reference figure") \
                + f" ({_fig_value(by['reference'])})"
    else:
        raise LookupError
    sentence = said[:1].upper() + said[1:] + f": the relation {verdict_words}."
    return sentence, written, over, cause


def _comparison_as_written(a: ComparedFigure, b: ComparedFigure) -> str:
    """What the two written values of a failed comparison show ("; as written it is less"), or nothing when
    either has no single written value: the article's word of comparison, not a figure, is then the first
    thing to check ("14.2 weeks is longer than 15.1 weeks")."""
    if a.written is None or b.written is None or float(a.written) == float(b.written):
        return ""
    return "; as written it is " + ("less" if float(a.written) < float(b.written) else "more")


def _comparison_cause(a: ComparedFigure, b: ComparedFigure, relation: str,
                      claims: dict[str, ClaimResult | DerivedFigure]) -> str | None:
    """The cause of an inconsistent comparison without a factor, in a sub-editor's words: the most
    favourable ends of the two ranges still fail, so the word of comparison or a figure is wrong ("Even with
    “14.2 weeks” at its highest, 14.25 weeks, and “15.1 weeks” at its lowest, 15.05 weeks, ..."). ``None``
    for an equality or when an end needed is unbounded."""
    ia, ib = _iv(a.interval), _iv(b.interval)
    if not ia or not ib or relation not in ("gt", "ge", "lt", "le"):
        return None
    up = relation in ("gt", "ge")  # a must be above b: a at its highest, b at its lowest
    ea, eb = (ia[1], ib[0]) if up else (ia[0], ib[1])
    if ea is None or eb is None:
        return None
    na, nb = _fig_name(a, claims), _fig_name(b, claims)
    hi, lo = ("highest", "lowest") if up else ("lowest", "highest")
    return (f"Even with {na} at its {hi}, {_fig_value_of(ea, a)}, and {nb} at its {lo}, {_fig_value_of(eb, b)}, "
            f"the first is not {_REL_WORDS[relation]} the second: the word of comparison is wrong, or one of "
            "the figures is.")

def _change_arithmetic(by: dict[str, ComparedFigure], mode: str | None) -> list[str]:
    """The as-written lines of a change with its earlier, later and implied figures written: the later
    figure the change implies ("€276 million + 8% = €298.08 million, against €312 million stated") and the
    change the two figures show ("+13.0%"); empty when a figure has no written value."""
    how = by.get("change") or by.get("factor")
    e, l, imp = (by.get(r) for r in ("earlier", "later", "implied"))
    if None in (e, l, imp, how) or None in (e.written, l.written, imp.written, how.written):
        return []
    ev, lv, iv, cv = (float(f.written) for f in (e, l, imp, how))
    sign = "+" if iv >= ev else "\u2212"
    if mode == "factor":
        step = f"{_fig_value(e)} \u00d7 {number_words(cv)}"
        shown = f"the two figures give a multiple of {number_words(round(lv / ev, 2))}" if ev else ""
    elif mode == "relative":
        step = f"{_fig_value(e)} {sign} {_fig_value(how)}"
        shown = f"the two figures give a change of {(lv - ev) / ev * 100:+.1f}%".replace("-", "\u2212") if ev else ""
    else:
        points = _base(l.unit or "")[0] == "percent"  # a change between two percentages is in points
        step = f"{_fig_value(e)} {sign} " + (amount(abs(cv), "percentage_points") if points else _fig_value(how))
        gap = round(lv - ev, 6)
        shown = "the two figures differ by " + (amount(gap, "percentage_points") if points else
                                                 _fig_value_of(gap, l))
    return [f"{step} = {_fig_value(imp)}, against {_fig_value(l)} stated" + (f"; {shown}." if shown else ".")]


TEMPLATES: dict[str, Callable[[Ctx], tuple]] = {
    "agreement": _agreement,
    "part_whole": _part_whole,
    "rate_duration": _rate_duration,
    "share_of_total": _share,
    "fraction_of": _fraction,
    "sum": _arith, "difference": _arith, "product": _arith, "ratio": _arith,
    "external": _external,
    "comparison": _relations, "change": _relations, "complement": _relations, "implied_ratio": _relations,
}


def _cause_from_field(check: CheckEntry, claims: dict[str, ClaimResult | DerivedFigure]) -> str | None:
    """The producer's ``cause`` ``{role, bound}`` in words, using ``figures`` to name the role's claim: for a
    ``tension``, the figure that must be read toward one end of what its wording allows; for an
    ``inconsistent`` check, the bound that would have to give way."""
    cause = check.cause
    if cause is None or not cause.role:
        return None
    role, bound = str(cause.role), str(cause.bound or "value")
    name = role.replace("_", " ")
    for f in check.figures or []:
        if f.role == role and f.claims:
            cid = f.claims[0]
            if cid in claims:
                name = f"{quoted(claims[cid])} ({name})"
            break
    if check.verdict == "inconsistent":
        if bound in ("low", "high"):
            way = "below its lowest" if bound == "low" else "above its highest"
            return f"No values fit: {name} would have to go {way} value."
        return f"No values fit, whatever value {name} takes."
    if bound in ("low", "high"):
        return (f"As written it fails; it holds only with {name} toward the {bound} end of what its wording "
                "allows.")
    return f"As written it fails; it holds only with {name} somewhere else in the range its wording allows."


def explain(check: CheckEntry, claims: dict[str, ClaimResult | DerivedFigure],
            reference: dict[str, dict[str, Any]] | None = None) -> Explanation:
    """The :class:`Explanation` of one check of the typed results.

    Args:
        check: a :class:`numclaims.resultmodel.CheckEntry` (``kind``, ``verdict``, ``claims``, ``details``;
            optional ``reason``, ``figures``, ``cause``, ``findings``, ``relation``).
        claims: ``{claim id: ClaimResult or DerivedFigure}``; reference: ``{row id: row}`` of the reference
            table (optional; names the publishers of the rows an external check cites).

    Never raises on a well-formed results object: a kind without a template, or a check whose claims are
    missing, gets a generic sentence naming its verdict.
    """
    x = _ctx(check, claims, reference)
    v = check.verdict
    reason = reason_words(check)
    fn = TEMPLATES.get(check.kind)
    rules: list[str] = []
    try:
        # the relation kinds name their figures from ``figures``, derived ones included
        if fn is None or not x["cs"] or (any(c is None for c in x["cs"]) and fn is not _relations):
            raise LookupError
        kind = check.kind
        # an external check whose cited rows were compared but back nothing is told row by row, not as "cannot
        # be compared"
        compared = kind == "external" and any(r.get("role") == "estimate" for r in x["d"].get("rows", []))
        # the sentence its module declares for an unverifiable check (numclaims.checks.registry.CheckKind)
        unverifiable = KINDS[kind].unverifiable if kind in KINDS else None
        if v == "unverifiable" and unverifiable and not compared and not (kind == "fraction_of" and len(x["q"]) < 3):
            q = x["q"] + ["another figure"] * 3
            out = (unverifiable.format(*q, over1=_over(q[1]), reason=reason or "the records do not allow it"),
                   [], [f"{qq}: {claim_range(c)}." for qq, c in zip(x["q"], x["cs"])], None)
        else:
            out = fn(x)
        sentence, written, over, cause = out[:4]
        sentence = sentence[:1].upper() + sentence[1:]  # a sentence that opens with "the derived figure ..."
        if len(out) > 4:
            rules += out[4]
    except (LookupError, TypeError, ValueError, ZeroDivisionError):
        names = " and ".join(x["q"]) or "the figures"
        sentence = f"The check of {names} is {v}" + (f": {reason}." if reason else ".")
        written, over, cause = [], [], None
    # a tension's cause is the producer's (numclaims.checks.base.judge: the figure read beyond its written
    # value); an inconsistency's, and an external check's, the template's words when it has them
    field = _cause_from_field(check, claims)
    if field and v == "tension" and check.kind != "external":
        cause = field
    else:
        cause = cause or field
    if cause is None and v == "tension":
        cause = "The figures fail as written and agree only within the rounding or hedging their wording allows."
    elif cause is None and v == "inconsistent":
        cause = "The ranges the figures allow share no value that satisfies the relation."
    for c in x["cs"]:
        if c:
            rules.append(reading_rule(c))
    if v in VERDICT_RULES:
        rules.append(VERDICT_RULES[v])
    return Explanation(sentence=sentence, as_written=written, over_intervals=over, rules=rules,
                       cause=cause if v in ("tension", "inconsistent") else None, reason=reason)


def finding_badges(check: CheckEntry) -> list[tuple[str, str]]:
    """``[(code, words)]`` of an external check's findings, in order, one per code."""
    out = []
    for f in check.findings or []:
        code = f.code or ""
        if code and code not in [c for c, _ in out]:
            out.append((code, FINDING_WORDS.get(code, (code.replace("_", " "),))[0]))
    return out
