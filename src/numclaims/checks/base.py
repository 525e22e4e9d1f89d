"""Verdicts, the rule that gives them, and what every check returns.

Every check compares **figures** (:class:`Figure`): each claim it reads, with two readings of it.

* the **interval** (full reading): every true value compatible with what was written, rounding and
  qualifier included (:func:`numclaims.claimvalues.claim_interval`);
* the **as-written** reading: each digit written at face value, each qualifier honoured in its direction
  (:func:`numclaims.claimvalues.written_interval`): "2,000" and "about 2,000" are 2,000 (no trailing-zero
  rounding, no "about" margin); "50.2 percent" is what rounds to 50.2; "$2 million" what rounds to 2
  million; "more than 500" is (500, +inf); "up to 100" is [0, 100]; "nearly 2 million" keeps its interval.

Verdicts (:func:`judge`):

``consistent``
    The relation holds as written: with every figure at its as-written reading (reason
    ``holds_as_written``).
``tension``
    It fails as written but holds within the intervals: some figure must move off its written value,
    within its rounding (``holds_within_rounding``: only exact figures moved, inside the rounding that
    trailing zeros imply) or its hedging (``fails_as_written_holds_in_interval``: an "about"/"nearly" margin or an explicit
    interval was needed). The explanation and ``cause`` name the figure and the bound it must move toward.
``inconsistent``
    No values in the intervals satisfy it (``no_overlap``, or ``granularity_fail`` for GRIM);
    ``cause`` names the figure and bound that would have to give way.
``unverifiable``
    The relation cannot be decided from the records: units that do not convert, a date where a number is
    needed, or periods that do not nest or overlap as the relation requires.

Counts (units in :data:`numclaims.rules.DISCRETE_UNITS`) are whole numbers in every figure: both readings
are cut to the integers they hold (``[0, 10)`` persons is ``[0, 9]``), see :meth:`Figure.__post_init__`.

Verdicts are ordered by severity (:data:`SEVERITY`) so reports can list the worst first. Reason codes are
:data:`REASONS`; consumers show an unknown code as its words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from fractions import Fraction
from typing import Any, Callable

from ..claimvalues import digit_step, is_word_fraction, one_significant_digit, written_interval
from ..granularity import BOUND_QUALIFIERS, bound_parts, nearest_parts
from ..intervals import Interval, _fmt, _outward
from ..periods import Period
from ..records import Claim
from ..rules import DISCRETE_UNITS
from ..units import calendar_range, calendar_rate, calendar_unit, conversion
from ..verdicts import (  # noqa: F401
    CONSISTENT,
    INCONSISTENT,
    SEVERITY,
    TENSION,
    UNVERIFIABLE,
    VERDICTS,
)

#: Machine codes of ``CheckResult.reason`` (results.json ``reason``), one per way a verdict is reached.
REASONS: tuple[str, ...] = (
    "holds_as_written",                    # consistent: every figure at its written value
    "holds_within_rounding",               # tension: exact figures moved inside their rounding bands
    "fails_as_written_holds_in_interval",  # tension: a hedge (about, nearly, explicit interval) was needed
    "granularity_holds",                   # consistent: a whole count fits the share as written
    "granularity_within_interval",         # tension: a whole count fits only the share's wider interval
    "no_overlap",                          # inconsistent: no values of the intervals satisfy the relation
    "granularity_fail",                    # inconsistent: no whole count fits the share's interval
    "units_differ",                        # unverifiable: units or rate bases do not convert
    "not_a_rate",                          # unverifiable: rate_duration without a rate or a duration
    "no_interval",                         # unverifiable: an input has no numeric interval (a date)
    "periods_disjoint",                    # unverifiable: the periods share no day
    "period_not_nested",                   # unverifiable: the part's period is not inside the whole's
    "period_unknown",                      # unverifiable: as_rate needs a figure's period, and it is not known
    "denominator_zero",                    # unverifiable: a ratio's denominator may be 0
    "no_comparison",                       # unverifiable: nothing to compare the implied figure with
    "no_source",                           # unverifiable: an external claim cites no comparable row
    "supported",                           # external: a cited row supports the claim
    "supported_but_contradicted",          # external tension: supported, but another row shares no value
)


@dataclass
class CheckResult:
    """The outcome of one check: ``verdict`` (one of :data:`VERDICTS`), a human ``explanation`` that shows
    the arithmetic, and ``details`` (JSON-serialisable numbers: implied intervals, overlaps, GRIM results).
    ``findings`` carries codes for external checks (see :mod:`numclaims.checks.external`)."""

    id: str
    kind: str
    claims: list[str]
    verdict: str
    explanation: str
    details: dict[str, Any] = field(default_factory=dict)
    findings: list[dict[str, Any]] | None = None
    reason: str | None = None
    figures: list["Figure"] = field(default_factory=list)
    cause: dict[str, str] | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The results.json object: ``id, kind, claims, verdict, explanation, details`` (``findings`` for
        external checks), and ``reason``, ``figures``, ``cause``, ``note`` (the results.json contract)."""
        d: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "claims": list(self.claims),
            "verdict": self.verdict,
            "explanation": self.explanation,
            "details": self.details,
        }
        if self.findings is not None:
            d["findings"] = self.findings
        d["reason"] = self.reason
        d["figures"] = [f.to_dict() for f in self.figures]
        d["cause"] = self.cause
        d["note"] = self.note
        return d


@dataclass
class Context:
    """What a check may read about its article.

    Attributes:
        claims: ``{id: Claim}``.
        intervals: ``{id: Interval or None}`` (None for dates).
        periods: ``{id: Period or None}``, the period each claim's figure covers when known.
        published: the article's publication date.
        reference: optional reference table rows ``{row id: dict}`` for external checks.
        written: ``{id: Interval or None}``, the as-written reading of each claim
            (:func:`numclaims.claimvalues.written_interval`), filled on first use when missing.
        figures: ``{(id, unit or None): the fields of its Figure}``, kept by :func:`figure` (a claim
            takes part in several checks; its figure is the same each time, whatever its role).
    """

    claims: dict[str, Claim]
    intervals: dict[str, Interval | None]
    periods: dict[str, Period | None]
    published: dt.date
    reference: dict[str, dict[str, Any]] = field(default_factory=dict)
    written: dict[str, Interval | None] = field(default_factory=dict)
    figures: dict[tuple[str, str | None], tuple] = field(default_factory=dict, repr=False)


def whole(iv: Interval | None, unit: str) -> Interval | None:
    """``iv`` cut to the whole numbers it holds when ``unit`` counts things (persons, count, ...): ``None``
    when it holds none (no count can have such a value, so no relation on it holds); other units, a rate
    of a count (``persons per day``: an average need not be whole), and ``None``, unchanged. Monotone: a
    wider interval never loses a whole number."""
    if iv is None or unit not in DISCRETE_UNITS:
        return iv
    return iv.integers()


def part_of(share: Interval, total: Interval, scale: int, unit: str, word=None,
            within: bool = True) -> Interval | None:
    """``share x total / scale``, whole numbers when ``unit`` counts things (None: no whole number).

    ``within`` (a percent or a fraction, not a ``ratio``): the share is a share of the whole, so it is
    cut to ``[0, scale]`` first (None when nothing is left): "more than 50 percent of the 4 judges" is
    3 or 4 judges, not 5 (a part is at most its whole, semantics section 6).

    ``word`` (:func:`word_of`: the value and qualifier of a word fraction of a count) reads the parts on
    the exact fraction the words name, never beyond the whole: for "a third", "about half" or "nearly
    half" it adds the parts whose share of a whole total is the achievable share nearest the word
    (:func:`numclaims.granularity.nearest_parts`): "a third" of exactly 8 is 3 (3/8 is the share of 8
    nearest 1/3), though [0.3, 0.3667] x 8 holds no whole number; for "more than", "at least", "less
    than" or "up to" a word fraction the parts are :func:`numclaims.granularity.bound_parts` alone
    ("more than a third of 6" is 3..6, not the 2..6 of the typed 0.333333333; "more than half of 4" 3..4)."""
    totals = total.integers() if word is not None else None
    if totals is not None and totals.hi >= 0:
        n_lo, n_hi = 0 if totals.low is None else max(int(totals.lo), 0), None if totals.high is None else int(totals.hi)
    if totals is not None and totals.hi >= 0 and word[1] in BOUND_QUALIFIERS:
        got = bound_parts(word[0], word[1], n_lo, n_hi)
        return None if got is None else Interval(float(got[0]), None if got[1] is None else float(got[1]))
    if within:
        share = within_whole(share, scale)
        if share is None:
            return None
    prod = share * total
    part = whole(prod / scale if scale != 1 else prod, unit)
    if totals is None or totals.hi < 0:
        return part
    near = nearest_parts(word[0], word[1], n_lo, n_hi)
    if near is None:
        return part
    named = Interval(float(near[0]), None if near[1] is None else float(near[1]))
    return named if part is None else part.hull(named)


def within_whole(share: Interval, scale: float) -> Interval | None:
    """``share`` cut to ``[0, scale]`` (100 for a percent, 1 for a fraction), None when nothing is left: a
    share of a whole, or a fall from it, is at most the whole (semantics section 6). Used by
    :func:`part_of` (``share_of_total``, ``fraction_of``, ``product`` of a share and a count) and by a
    ``change`` decrease ("fell by more than half" is a fall of more than 50 % and at most 100 %)."""
    return share.intersect(Interval(0.0, float(scale)))


def word_of(ctx: "Context", share_id: str, whole_unit: str) -> tuple[float, str] | None:
    """``(value, qualifier)`` of claim ``share_id`` when it is a word fraction ("a third", "about half",
    "nearly half", "more than half") of a whole that counts persons or things, else None (see :func:`part_of`)."""
    c = ctx.claims[share_id]
    if whole_unit not in DISCRETE_UNITS or not is_word_fraction(c) or c.qualifier not in _WORD_QUALIFIERS:
        return None
    return float(c.value), c.qualifier


#: The qualifiers of a word fraction read to the nearest achievable share of a whole count.
NEAREST_QUALIFIERS = ("exact", "approximately", "nearly")
#: ... and with those that bound it in one direction, every qualifier of a word fraction :func:`part_of` reads.
_WORD_QUALIFIERS = NEAREST_QUALIFIERS + BOUND_QUALIFIERS


def shown(iv: Interval | None) -> str:
    """An implied interval for explanations; ``no whole number`` when a count interval holds none."""
    return "no whole number" if iv is None else str(iv)


@dataclass
class Figure:
    """One figure a check compares (results.json ``figures``).

    Attributes:
        role: what the figure is in the relation (``part``, ``whole``, ``total``, ``rate``, ``duration``,
            ``share``, ``a``, ``b``, ``implied``, ``reference`` ...).
        claims: the claim ids (or reference row ids) it comes from.
        written: the value as written (None for a range or a derived figure).
        interval: the full reading (every compatible true value).
        as_written: the as-written reading (see the module docstring); must lie inside ``interval``,
            otherwise the interval is used.
        unit: the unit string; for a count unit both readings are cut to whole numbers.
        label: how explanations name it (the words written and the claim id).
        rounding_only: True when the gap between the two readings is rounding only (an exact figure).
    """

    role: str
    claims: list[str]
    written: float | None
    interval: Interval
    as_written: Interval
    unit: str
    label: str = ""
    rounding_only: bool = True

    def __post_init__(self) -> None:
        # a count written as a whole number is a whole number; a count written 2.5 (an average) is not cut
        same = self.as_written is self.interval  # one reading (a derived figure): cut once, inside itself
        if self.written is None or self.written == int(self.written):
            self.interval = whole(self.interval, self.unit) or self.interval
            self.as_written = self.interval if same else whole(self.as_written, self.unit) or self.interval
        if same:
            return
        inside = self.as_written.intersect(self.interval)
        if inside != self.as_written:
            self.as_written = self.interval

    def to_dict(self) -> dict[str, Any]:
        """``{role, claims, written, interval, unit}`` for results.json."""
        return {"role": self.role, "claims": list(self.claims), "written": self.written,
                "interval": self.interval.to_list(), "unit": self.unit}


def figure(ctx: "Context", role: str, cid: str, unit: str | None = None) -> Figure:
    """The :class:`Figure` of claim ``cid`` (its interval must not be None), converted to ``unit`` when
    given (see :func:`units_problem`, which must have found no problem). Made once per claim and unit
    (:attr:`Context.figures`); each call returns a new Figure with those fields and its own ``role``."""
    c = ctx.claims[cid]
    key = (cid, None if unit is None or unit == c.unit else unit)
    made = ctx.figures.get(key)
    if made is not None:
        return _figure_as(role, cid, made)
    f = _new_figure(ctx, role, cid, unit)
    ctx.figures[key] = (f.written, f.interval, f.as_written, f.unit, f.label, f.rounding_only)
    return f


def one_figure_rate(f: Figure, c: Claim) -> Figure:
    """The rate figure ``f`` of claim ``c`` with its as-written reading narrowed to its written value when
    ``c`` is an exact figure of one significant digit ("$1 million a month": digit step 1,000,000 and a
    value under ten steps), else ``f`` itself. Used where a rate is multiplied by a duration or spread
    over a period (``rate_duration``, ``comparison`` with ``as_rate``) against a flow: the rounding band
    of its only digit ([0.5M, 1.5M]) is all of its interval and, times 3 months, spans from $1.5 million
    to $4.5 million, so "a total of $4 million" would hold as written although 3 x $1M is $3M. The band
    is left to the interval, where it gives ``tension`` ("$1,000,000 a month", whose zeros are written
    digits, is read the same way already: semantics section 2)."""
    step = digit_step(c)
    if c.qualifier != "exact" or c.value is None or not step or not one_significant_digit(c.value, step) \
            or c.interval is not None:
        return f
    point = Interval.point(float(c.value))
    if f.unit != c.unit:  # converted (base.converted): the written value over every calendar length
        point = converted(point, c.unit, f.unit)[0]
    if f.interval.intersect(point) != point:
        return f
    return replace(f, as_written=point, rounding_only=True)


def rate_as_written(ctx: "Context", f: Figure, cid: str, other: str) -> Figure:
    """The figure ``f`` of claim ``cid`` read by :func:`one_figure_rate` when ``cid`` is a rate set against
    claim ``other`` in another time base: a rate in another base ("$1 million a month" against "$13 million
    a year": 12 x $1M is $12M, not $13M) or a flow over a known period; else ``f`` (two rates of one base
    compare digit for digit). Used by ``agreement``, ``comparison`` (with or without ``as_rate``)."""
    c, o = ctx.claims[cid], ctx.claims[other]
    if c.per is None or o.per == c.per or (o.per is None and ctx.periods.get(other) is None):
        return f
    return one_figure_rate(f, c)


def _figure_as(role: str, cid: str, made: tuple) -> Figure:
    """A Figure of claim ``cid`` in ``role`` with the fields ``made`` that :func:`figure` kept (already
    cut to whole numbers and checked by ``__post_init__``, which is not run again)."""
    f = object.__new__(Figure)
    f.role, f.claims = role, [cid]
    f.written, f.interval, f.as_written, f.unit, f.label, f.rounding_only = made
    return f


def _new_figure(ctx: "Context", role: str, cid: str, unit: str | None) -> Figure:
    """:func:`figure`, computed."""
    c, iv = ctx.claims[cid], ctx.intervals[cid]
    if cid not in ctx.written:

        ctx.written[cid] = written_interval(c)
    aw = ctx.written[cid] or iv
    written, label = c.value, f"\u201c{c.text or c.quote}\u201d ({cid})"
    if unit is not None and unit != c.unit:
        (iv, factor), (aw, _) = converted(iv, c.unit, unit), converted(aw, c.unit, unit)
        written = None if written is None else float(written * factor)
        label += f" = {iv} {unit}"

    return Figure(role, [cid], written, iv, aw, unit or c.unit, label,
                  c.interval is None and c.qualifier == "exact" and not is_word_fraction(c))


def converted(iv: Interval, source: str, target: str) -> tuple[Interval, Fraction]:
    """``(interval, point)``: ``iv`` in unit ``source`` converted to unit ``target`` (which
    :func:`numclaims.units.conversion` must allow), and the factor of the written point: a duration or a
    rate between calendar time units over every calendar length (:func:`calendar_between`,
    :func:`numclaims.units.calendar_rate`: "$5 a day" is [1,825, 1,830] a year, its point 5 x 365), any
    other unit by its one factor."""
    if calendar_unit(source) and calendar_unit(target):  # a duration: its calendar lengths
        return calendar_between(iv, source, target), calendar_range(Fraction(1), source, target)[2]
    cal = calendar_rate(source, target)
    if cal is None:
        factor = conversion(source, target)[0]
        return _scaled(iv, factor), factor
    return scaled_between(iv, cal[0]), cal[1]


def _scaled(iv: Interval, factor) -> Interval:
    """``iv x factor`` for an exact fraction ``factor``, rounded outward (sound)."""
    if factor == 1:
        return iv
    out = iv * Interval.point(float(factor.numerator)) if abs(factor.numerator) < 2**53 else iv * float(factor)
    return out / Interval.point(float(factor.denominator)) if factor.denominator != 1 else out


def calendar_between(iv: Interval, unit: str, target: str) -> Interval:
    """A duration ``iv`` in ``unit`` as a duration in ``target`` (day, week, month or year), every calendar
    length included (:func:`numclaims.units.calendar_range`: "six months" of [6, 6] months are [181, 184]
    days); each end mapped by its own calendar range, rounded outward, closed (sound); negative ends,
    which no duration has, are scaled by the conventional point."""
    def end(x: float | None, low: bool):
        if x is None:
            return None
        fx = Fraction(x)
        if fx < 0:
            return fx * calendar_range(Fraction(1), unit, target)[2]
        got = calendar_range(fx, unit, target)
        return got[0] if low else got[1]

    lo, hi = end(iv.low, True), end(iv.high, False)
    return _outward(float("-inf") if lo is None else lo, float("inf") if hi is None else hi, lo is not None, hi is not None)


def scaled_between(iv: Interval, factors: tuple) -> Interval:
    """``iv`` times every factor from ``factors[0]`` to ``factors[1]`` (exact positive fractions), rounded
    outward: the hull of the two scaled intervals (a rate per day is 365 to 366 times a rate per year,
    :func:`numclaims.units.calendar_rate`)."""
    return _scaled(iv, factors[0]).hull(_scaled(iv, factors[1]))


def units_problem(ctx: "Context", ids: list[str], target: str) -> str | None:
    """Why the claims ``ids`` cannot all be converted to unit ``target`` (the first reason found, in
    words, from :func:`numclaims.units.conversion`), or None when they can."""

    for cid in ids:
        factor, why = conversion(ctx.claims[cid].unit, target)
        if factor is None:
            return f"units differ ({cid}): {why}"
    return None


def level_and_points(ctx: "Context", ids: list[str]) -> str | None:
    """Why the claims ``ids`` cannot be compared as estimates or parts of one measure when they mix a
    percentage and percentage points (a level and a change between two levels: "3 percent" and "3
    percentage points" convert number for number for arithmetic, but are never the same measure), else
    None. Used by ``agreement``, ``part_whole`` and ``comparison`` (numclaims.units, percentage points)."""
    bases = {ctx.claims[cid].base_unit for cid in ids}
    if {"percent", "percentage_points"} <= bases:
        return ("units differ: a percentage is a level and percentage points a change between two levels, "
                "so they are not two figures of one measure")
    return None


def derived(role: str, claims: list[str], iv: Interval, unit: str) -> Figure:
    """A figure computed by the check (``implied``), reported in ``figures``."""
    return Figure(role, list(claims), None, iv, iv, unit, role)


@dataclass
class Decision:
    """The outcome of :func:`judge` (figures tried from the last, the stated one, to the first): ``verdict``, ``reason`` (one of :data:`REASONS`), ``cause`` (index of
    the figure responsible and the bound, ``low``/``high``/``value``, or None) and ``text``, a clause for
    the explanation naming the figure and bound responsible (empty when consistent)."""

    verdict: str
    reason: str
    cause: tuple[int, str] | None = None
    text: str = ""

    def cause_dict(self, figs: list[Figure]) -> dict[str, str] | None:
        """``{role, bound}`` for results.json ``cause``."""
        if self.cause is None:
            return None
        return {"role": figs[self.cause[0]].role, "bound": self.cause[1]}


def _widen(aw: Interval, full: Interval, side: str) -> Interval:
    """The as-written reading extended to the full interval's low side, high side, or both."""
    if side == "value":
        return full
    if side == "low":
        return Interval._from_inf(full.lo, aw.hi, full.low_closed, aw.high_closed)
    return Interval._from_inf(aw.lo, full.hi, aw.low_closed, full.high_closed)


def _open_side(full: Interval, side: str) -> Interval:
    """The interval with one side made unbounded (what would have to give way for an impossible
    relation to hold)."""
    if side == "low":
        return Interval(None, full.high, False, full.high_closed)
    return Interval(full.low, None, full.low_closed, False)


def _bound_text(f: Figure, side: str) -> str:
    iv = f.interval
    if side == "value":
        return f"{f.label} anywhere in {iv}"
    end = iv.low if side == "low" else iv.high
    where = "-inf" if end is None and side == "low" else "+inf" if end is None else _fmt(end)
    return f"{f.label} toward its {side} bound {where}"


def judge(holds: Callable[..., bool], figs: list[Figure]) -> Decision:
    """Verdict of the relation ``holds(*intervals) -> bool`` (True when some values satisfy it) over
    ``figs``, by the rule of this module's docstring.

    * ``holds`` on every as-written reading -> ``consistent``;
    * else ``holds`` on every interval -> ``tension``; the cause is the first figure that, alone moved to
      its interval on one side (``low`` or ``high``, else ``value`` for both), makes the relation hold;
      when no single figure does, the first of those moved by a greedy widening in order;
    * else ``inconsistent``; the cause is the first figure whose one side, made unbounded, would let the
      relation hold (the bound that has to give way), if any.

    Monotone by construction: ``inconsistent`` depends on the intervals only, so widening any interval
    never turns a verdict into ``inconsistent``.
    """
    fulls = [f.interval for f in figs]
    aws = [f.as_written for f in figs]
    if holds(*aws):
        return Decision(CONSISTENT, "holds_as_written")
    if holds(*fulls):
        for i in reversed(range(len(figs))):  # the stated figure (last) first
            f = figs[i]
            if aws[i] == fulls[i]:
                continue
            for side in ("low", "high", "value"):
                trial = list(aws)
                trial[i] = _widen(aws[i], fulls[i], side)
                if holds(*trial):
                    reason = "holds_within_rounding" if f.rounding_only else "fails_as_written_holds_in_interval"
                    return Decision(TENSION, reason, (i, side),
                                    f"fails as written; holds with {_bound_text(f, side)}")
        trial, moved = list(aws), []
        for i in reversed(range(len(figs))):
            if aws[i] == fulls[i]:
                continue
            trial[i] = fulls[i]
            moved.append(i)
            if holds(*trial):
                break
        reason = ("holds_within_rounding" if all(figs[i].rounding_only for i in moved)
                  else "fails_as_written_holds_in_interval")
        return Decision(TENSION, reason, (moved[0], "value"),
                        "fails as written; holds only with " + " and ".join(
                            _bound_text(figs[i], "value") for i in moved))
    for i in reversed(range(len(figs))):
        f = figs[i]
        for side in ("low", "high"):
            trial = list(fulls)
            trial[i] = _open_side(fulls[i], side)
            if holds(*trial):
                return Decision(INCONSISTENT, "no_overlap", (i, side),
                                f"no values fit; {f.label} would have to pass its {side} bound "
                                f"{_fmt(fulls[i].lo if side == 'low' else fulls[i].hi)}")
    return Decision(INCONSISTENT, "no_overlap")


def decide(holds: Callable[..., bool], *inputs: "Interval | Figure") -> str:
    """The verdict word of :func:`judge` for figures or bare intervals (a bare interval is its own
    as-written reading, so it gives ``consistent`` or ``inconsistent`` only)."""
    figs = [x if isinstance(x, Figure) else Figure("x", [], None, x, x, "", "an input") for x in inputs]
    return judge(holds, figs).verdict


def overlap(a: Interval | None, b: Interval | None) -> bool:
    """Relation: the two intervals share a value (never when one is ``None``: no whole number)."""
    return a is not None and b is not None and a.overlaps(b)


def le(a: Interval | None, b: Interval | None) -> bool:
    """Relation: some ``x`` in ``a`` and ``y`` in ``b`` have ``x <= y`` (never when one is ``None``)."""
    if a is None or b is None:
        return False
    lo, hi = a.low, b.high  # (not through lo/hi: judge asks this several times per check)
    if lo is None or hi is None or lo < hi:
        return True
    return lo == hi and a.low_closed and b.high_closed


def fmt_iv(iv: Interval | None, unit: str = "") -> str:
    """An interval for explanations, with its unit."""
    if iv is None:
        return "(no numeric interval)"
    return f"{iv} {unit}".rstrip()


def fmt_num(x: float) -> str:
    """A number for explanations: thousands separators, up to six significant digits."""
    return _fmt(x)


def signed_percent(x: float, decimals: int = 0) -> str:
    """A percentage difference for explanations, signed, to ``decimals`` places, and to one significant
    digit when those places would show a non-zero difference as 0 ("+0.07 %", never "+0 %" beside "fails
    as written": 1,826.25 against 1,825 is +0.0685 %); ``0 %`` only when it is 0."""
    if x == 0:
        return "0 %"
    shown = f"{x:+.{decimals}f}"
    if float(shown) == 0:
        shown = f"{x:+.1g}"
    return f"{shown} %"


def describe(c: Claim, iv: Interval | None) -> str:
    """``"$60,000 a month" -> [55,000, 65,000] USD per month`` style description of a claim."""
    words = c.text or c.quote
    return f"\u201c{words}\u201d ({c.id}) -> {fmt_iv(iv, c.unit)}"


def unverifiable(spec, claims: list[str], why: str, reason: str = "units_differ",
                 figures: list[Figure] | None = None, details: dict[str, Any] | None = None) -> CheckResult:
    """A result saying the check cannot be decided, why (``why`` for readers, ``reason`` one of
    :data:`REASONS`), with the check record's ``note``."""
    return CheckResult(spec.id, spec.kind, claims, UNVERIFIABLE, why, details or {}, reason=reason,
                       figures=figures or [], note=getattr(spec, "note", None))


def result(spec, claims: list[str], decision: Decision, figs: list[Figure], lines: list[str],
           details: dict[str, Any]) -> CheckResult:
    """A decided result: the explanation is ``lines`` joined, the decision's clause, and the verdict."""
    text = "; ".join(lines) + (f"; {decision.text}" if decision.text else "") + f" -> {decision.verdict}"
    return CheckResult(spec.id, spec.kind, claims, decision.verdict, text, details, reason=decision.reason,
                       figures=figs, cause=decision.cause_dict(figs), note=getattr(spec, "note", None))
