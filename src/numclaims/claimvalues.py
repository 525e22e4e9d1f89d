"""From a claim record to its interval: the numeral as written, its precision, and the rule applied.

The numeral phrase of a claim (``text``, or the whole ``quote`` when ``text`` is absent) is read with
:func:`numclaims.numerals.parse`. Its precision (rounding step) and qualifier feed
:func:`numclaims.rules.interval_for`, unless the record overrides them (``precision``, ``margin`` or an
explicit ``interval`` with a ``rule``). :func:`value_problems` reports records whose ``value``, ``unit`` or
``qualifier`` contradict the words they quote.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from .intervals import Interval
from .numerals import parse
from .periods import Period
from .records import CURRENCIES, DURATION_UNITS, Claim, split_unit
from .vocabulary import DOLLAR_CURRENCIES
from .rules import (
    DISCRETE_UNITS,
    interval_for,
    interval_for_word_fraction,
    step_of_integer,
)

# numerals.parse units that are compatible with record base units
_UNIT_FAMILY = {
    "count": {"persons", "count", "ounces", "troy_ounces", "kilograms", "tonnes", "hectares", "square_kilometres",
              "millimetres", "centimetres", "metres", "kilometres", "miles"},
    "percent": {"percent", "percentage_points"},
    "percentage_points": {"percentage_points"},
    # "1.5 points": percentage points after a percentage, or a score; the record's unit says which
    "points": {"percentage_points", "count"},
    "fraction": {"fraction", "ratio", "percent"},
    "ratio": {"ratio", "fraction"},
    "duration": set(DURATION_UNITS),
}


#: A no-break space, thin space or narrow no-break space between digit groups of three: the thousands
#: separator of the SI Brochure (9th edition, 2019, section 5.4.4: "numbers may be divided in groups of
#: three in order to facilitate reading; neither dots nor commas are ever inserted in the spaces") and of
#: French and Nordic typesetting ("4 500"). Read as the comma of English notation.
_SPACE_GROUP = re.compile("(?<=\\d)[\u00a0\u2009\u202f](?=\\d{3}(?!\\d))")


@lru_cache(maxsize=65536)
def _parse(text: str):
    try:
        return parse(_SPACE_GROUP.sub(",", text))
    except ValueError:
        return None


def _unreadable_why(text: str) -> str:
    """``": <the parser's reason>"`` for an unreadable ``text`` when the parser names one beyond "no
    quantity phrase" ("topped 5-6 percent": what to write instead), else ``""``."""
    try:
        parse(_SPACE_GROUP.sub(",", text))
    except ValueError as e:
        why = str(e).split(": ", 1)[-1]
        return "" if why in ("no quantity phrase", "empty text") else f": {why}"
    return ""


def written_quantity(c: Claim):
    """The :class:`numclaims.numerals.Quantity` read from the claim's numeral phrase, or None if unreadable."""
    return _parse(c.text if c.text is not None else c.quote)


def _close(a: float, b: float) -> bool:
    """Whether a record's number and the numeral's agree: within a relative 1e-9, or the same to 9
    significant digits ("a sixth" typed 0.166666667, which is 2e-9 from 1/6; semantics section 6)."""
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12) or f"{a:.9g}" == f"{b:.9g}"


def rule_text(c: Claim, precision: float | None = None) -> str:
    """A one-line statement of the rule that gives the claim its interval (for reports). ``precision``:
    :func:`claim_precision` of ``c`` when the caller has it already (:func:`numclaims.engine.claim_record`
    writes both), else computed here."""
    if c.interval is not None:
        return f"explicit interval: {c.rule}"
    q = c.qualifier.replace("_", " ")
    p = claim_precision(c) if precision is None else precision
    return f"{q}, step {p:g}" + (f", margin {c.margin:g}" if c.margin is not None else "")


def claim_precision(c: Claim) -> float:
    """Rounding step of the claim: the record's ``precision``, else the numeral's, else the value's own
    digits: the place of its last decimal ("value: 1.5" -> 0.1, "-0.45" -> 0.01) or, for a whole number,
    its trailing zeros (semantics section 1: the step is the place of the last significant digit)."""
    if c.precision is not None:
        return c.precision
    q = written_quantity(c)
    if q is not None and c.value is not None and _close(q.value, c.value) and q.precision:
        return float(q.precision)
    v = c.value or 0.0
    if v != int(v):
        return _decimal_step(v)
    return step_of_integer(v)


def _decimal_step(v: float) -> float:
    """The place of the last decimal of ``v`` as Python writes it (its shortest repr): 1.5 -> 0.1, 0.25 ->
    0.01, 2.3e-05 -> 1e-06."""
    exp = Decimal(repr(float(v))).as_tuple().exponent
    return float(Decimal(1).scaleb(exp)) if isinstance(exp, int) and exp < 0 else 1.0


def claim_interval(c: Claim) -> Interval | None:
    """The interval of true values of a numeric claim; ``None`` for ``unit: date``.

    Raises:
        ValueError: when the record's numbers give no interval (propagated from the rules).
    """
    if c.base_unit == "date":
        return None
    if c.interval is not None:
        lo, hi = c.interval
        iv = Interval(lo, hi)
    elif is_word_fraction(c):
        iv = interval_for_word_fraction(c.value, c.qualifier, c.margin, claim_precision(c))
    else:
        iv = interval_for(
            c.value, c.qualifier, claim_precision(c), unit=_reading_unit(c), margin=c.margin, low=c.low, high=c.high
        )
    return _counted(iv, c)


def _reading_unit(c: Claim) -> str:
    """The unit the qualifier rules read a claim in: its base unit ("persons"), or for a rate its whole
    unit ("persons per day"), which is no whole count: "38 a day" on average is [37.5, 38.5], not 38."""
    base, per = split_unit(c.unit)  # (base_unit, per) of the record, read once
    return base if per is None else c.unit


def is_word_fraction(c: Claim) -> bool:
    """Whether the claim is a share written as a fraction phrase ("half", "three quarters", "one in five",
    "1 out of 5") with no ``precision`` in its record: read by
    :func:`numclaims.rules.interval_for_word_fraction`."""
    if c.base_unit != "fraction" or c.precision is not None or c.qualifier == "range" or c.value is None:
        return False
    q = written_quantity(c)
    return q is not None and q.unit == "fraction" and _close(q.value, c.value)


def _counted(iv: Interval, c: Claim) -> Interval:
    """A count's interval cut to the whole numbers it holds ("fewer than 10" persons -> [0, 9]); other
    units, a rate of a count ("more than 33 a day", ``persons per day``: an average, so (33, +inf), not
    [34, +inf)), a count written with decimals (an average, "2.5 persons"), and a count interval that
    holds no whole number, unchanged."""
    base, per = split_unit(c.unit)
    if base in DISCRETE_UNITS and per is None and (c.value is None or c.value == int(c.value)):
        return iv.integers() or iv
    return iv


#: Qualifiers whose as-written reading is the written value itself (they bound nothing in a direction).
_AT_VALUE = ("exact", "approximately")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def digit_step(c: Claim) -> float:
    """The step of the last digit the claim's numeral *writes*: "50.2 percent" -> 0.1, "2,000" -> 1,
    "$60,000" -> 1, "$2 million" -> 1,000,000, "2.5 million" -> 100,000; 0 for a number in words
    ("seven", "three quarters": the word is the value). Trailing zeros written as digits are digits here
    (unlike :func:`claim_precision`, which reads them as rounding); a record's ``precision`` finer than
    this wins."""
    q = written_quantity(c)
    words = c.text if c.text is not None else c.quote
    runs = _DIGITS.findall(words)
    step = 0.0
    if q is not None and c.value is not None and _close(q.value, c.value) and runs:
        run = runs[-1].replace(",", "")
        places = len(run.split(".")[1]) if "." in run else 0
        digits = float(run)
        mult = q.value / digits if digits else 0.0
        power = round(math.log10(mult)) if mult > 0 else None
        if power is not None and _close(mult, 10.0**power):
            step = 10.0 ** (power - places)  # "2.5 million": 10^6 x 10^-1
        else:
            step = float(q.precision or 0.0)  # "42 and a half": the numeral's own step
    if c.precision is not None:
        step = min(step, c.precision) if step else c.precision
    return step


def one_significant_digit(value: float, step: float) -> bool:
    """Whether ``value``, rounded to ``step`` (> 0), has one significant digit: under ten steps ("$1
    million" at step 1,000,000, "about 300" at step 100). Such a figure's rounding band is as wide as the
    figure allows, so its written value stands for it as written (semantics section 2: a one-figure rate,
    a hedged figure of one digit)."""
    return abs(value) < 10 * step


_UNKNOWN: Any = object()


def written_interval(c: Claim, interval: Interval | None = _UNKNOWN) -> Interval | None:
    """The claim *as written*: each digit it writes at face value, its qualifier honoured in its direction.

    ``exact`` -> the rounding band of the last written digit (:func:`digit_step`): "2,000" ->
    [1,999.5, 2,000.5] (a count: [2,000, 2,000]), "50.2 percent" -> [50.15, 50.25], "$2 million" ->
    [1.5M, 2.5M] (the trailing-zero rounding of round numbers dropped; ISO 80000-1:2009 Annex B: a written
    figure stands for what rounds to it at its last digit). ``approximately`` -> the same band, but a
    hedged figure of two or more significant digits reads its trailing zeros as rounding, as in its
    interval (the step of :func:`claim_precision`: a hedge says the figure is rounded): "about $15,400" ->
    [15,350, 15,450], "about 40 percent" -> [39.5, 40.5], "about 300" -> [300, 300] (one significant
    digit: its band, [250, 350], would be all of its interval); only the hedge's margin is dropped. Every
    other qualifier (more than, at least, less than, up to, range, nearly), a word fraction, hedged or not ("one in five", "about a third": no digit is
    written, so the word's rounding and hedge are all the wording says) and an explicit ``interval`` -> the
    claim's interval (:func:`claim_interval`): "more than 500" is any value above 500, "up to 100" any value
    from 0 to 100, and "nearly 2 million" names no value it reaches. ``None`` for dates. A relation that
    holds on this reading is ``consistent`` (see :mod:`numclaims.checks.base`). ``interval``, when given, is
    :func:`claim_interval` of ``c`` already computed by the caller.
    """
    iv = claim_interval(c) if interval is _UNKNOWN else interval
    if iv is None or c.interval is not None or c.qualifier not in _AT_VALUE or c.value is None:
        return iv
    if is_word_fraction(c):
        # "one in five", "about a third" write no digit to hold them to: a writer rounds a share to the
        # nearest word, so the word's own rounding (its interval, rules.interval_for_word_fraction) is all
        # the wording says: 172 of 850 (20.2 %) is "one in five" as written
        return iv
    step = digit_step(c)
    if c.qualifier == "approximately" and step:
        # "about $15,400": the hedge says the figure is rounded, so its trailing zeros are rounding, not
        # written digits; a figure of one significant digit ("about 300") keeps its value, since its
        # rounding band would be all of its interval (semantics section 2, "A hedged figure's zeros are rounding")
        rounding = claim_precision(c)
        if not one_significant_digit(c.value, rounding):
            step = max(step, rounding)
    # a whole number of days, weeks, months or years is that many as written, as "ten weeks" is and as a
    # count is: "for 10 weeks" is ten weeks (its band [9.5, 10.5] is left to the interval, semantics section 2)
    whole_time = c.base_unit in DURATION_UNITS and step == 1 and float(c.value).is_integer()
    band = Interval.point(c.value) if step == 0 or whole_time else \
        interval_for(c.value, "exact", step, unit=_reading_unit(c))
    band = _counted(band, c)
    inside = band.intersect(iv)
    return inside if inside is not None else iv


_DOLLARS = frozenset(DOLLAR_CURRENCIES)
#: A text that names the US dollar itself: "US$5", "U.S. $5", "5 US dollars", "USD 5".
_NAMED_US = re.compile(r"\bU\.?S\.?\s?\$|\bU\.?S\.?\s+dollars?\b|\bUSD\b", re.IGNORECASE)


#: digits in groups of three parted by "." ("1.600"): thousands in a notation other than English
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def value_problems(c: Claim) -> list[tuple[str, str, str]]:
    """Fields of ``c`` that contradict its own numeral phrase, as ``(field, code, message)`` triples (the
    codes of :mod:`numclaims.codes`: ``value-differs``, ``unit-differs``, ``qualifier-differs``, ...).

    Claims whose ``text`` is given are compared with it (a claim without ``text`` whose quote holds exactly
    one number is compared with that number by :func:`numclaims.extract.quote_numeral_problems`, which
    needs the mention finder). Dates are not compared. Also: an
    explicit ``interval`` must hold the claim's ``value``, and a ``range`` must hold its ``value``
    (a relation over an interval that excludes the figure itself would check another figure).
    """
    out: list[tuple[str, str, str]] = _interval_problems(c)
    if c.base_unit == "date":
        return out
    if c.text is None:
        return out  # the quote's only number: numclaims.extract.quote_numeral_problems (engine)
    q = written_quantity(c)
    if q is None:
        return [("text", "text-unreadable", f"cannot read a quantity in {c.text!r}{_unreadable_why(c.text)}")]
    euro = _DOT_THOUSANDS.fullmatch(c.text.strip()) and c.base_unit in ("persons", "count")
    if euro and not float(q.value).is_integer():
        # "1.600" is 1.6 in English notation, the notation numerals are read in; a count cannot be 1.6, so
        # the source uses "." between thousands: the record must say so rather than be read as 1.6
        whole = int(c.text.strip().replace(".", ""))
        if not (c.interval is not None and c.value is not None and _close(c.value, whole)):
            return [("text", "thousands-separator", f"{c.text!r} reads as {q.value:g} (numerals are read in English notation, '.' before "
                             f"decimals), but {c.base_unit} are whole; if '.' separates thousands here, write value: "
                             f"{whole} with interval: [{whole}, {whole}] and a rule naming the notation")]
    elif c.value is not None and not _close(q.value, c.value) and not (
        c.base_unit == "percent" and q.unit == "fraction" and _close(q.value * 100, c.value)
    ):
        hint = ""
        if q.value and abs(c.value - q.value) <= 5e-4 * max(1.0, abs(q.value)):  # the exact value, rounded
            hint = f"; {c.value:g} rounds it: write {q.value:.9g} (or more digits)"
        out.append(("value", "value-differs", f"{c.value:g} differs from the numeral written {c.text!r}, read as {q.value:g}{hint}"))
    fam = _UNIT_FAMILY.get(q.unit)
    if q.unit == "currency":
        if q.currency == "USD" and c.base_unit in _DOLLARS and not _NAMED_US.search(c.text):
            pass  # a bare "$" or "dollars" names a dollar; which one is the record's (vocabulary.DOLLAR_CURRENCIES)
        elif c.base_unit != q.currency and q.currency is not None:
            out.append(("unit", "unit-differs", f"{c.unit!r} differs from the currency written in {c.text!r} ({q.currency})"))
        elif c.base_unit not in CURRENCIES:
            out.append(("unit", "unit-differs", f"{c.unit!r} is not a currency but {c.text!r} is an amount of money"))
    elif fam is not None and c.base_unit not in fam and not (q.unit == "count" and c.base_unit in CURRENCIES):
        # (a bare numeral writes no unit: "500" of a currency whose sign the text does not read, "R500")
        out.append(("unit", "unit-differs", f"{c.unit!r} does not fit {c.text!r}, read as {q.unit}"))
    if q.per is not None and c.per != q.per:
        out.append(("unit", "unit-differs", f"{c.unit!r} lacks the rate 'per {q.per}' written in {c.text!r}"))
    if q.qualifier != c.qualifier and c.interval is None:
        out.append(("qualifier", "qualifier-differs", f"{c.qualifier!r} contradicts the words {c.text!r}, read as {q.qualifier!r}"))
    return out


def same_number(q_value: float, c: Claim) -> bool:
    """Whether ``q_value`` read from the words is the claim's ``value`` (a fraction read as the percent)."""
    return _close(q_value, c.value) or (c.base_unit == "percent" and _close(q_value * 100, c.value))


def _interval_problems(c: Claim) -> list[tuple[str, str, str]]:
    """An explicit interval or a range that excludes the claim's own value, as ``(field, code, message)``."""
    out: list[tuple[str, str, str]] = []
    if c.value is None:
        return out
    if c.interval is not None:
        lo, hi = c.interval
        if (lo is not None and c.value < lo) or (hi is not None and c.value > hi):
            shown = f"[{'-inf' if lo is None else f'{lo:g}'}, {'+inf' if hi is None else f'{hi:g}'}]"
            out.append(("interval", "interval-excludes-value", f"{shown} excludes the claim's own value {c.value:g}; write an interval "
                                    "that holds the figure, or correct 'value'"))
    # (a range whose ends are reversed is the rule's error, numclaims.rules: not reported twice)
    if c.qualifier == "range" and c.low is not None and c.high is not None and c.low <= c.high \
            and not c.low <= c.value <= c.high:
        out.append(("value", "interval-excludes-value", f"{c.value:g} lies outside the range {c.low:g}-{c.high:g} it belongs to; write a "
                             "value between 'low' and 'high' (e.g. their midpoint)"))
    return out


def spanned_duration(c: Claim, period: Period | None) -> Interval | None:
    """The interval of a duration whose record gives the span it covers, when that span lasts exactly the
    written whole number of the duration's units: "12 months" with ``measure.period`` 1 March 2025 to 28
    February 2026 (12 calendar months, :meth:`Period.length_in`) is [12, 12] months, not the rounding band
    [11.5, 12.5] of its last digit, which let "$1.45 million a month ... a total of $17.9 million over the
    12 months" hold (1.455M x 12.5 = 18.19M; 1.45M x 12 is 17.4M). ``None`` (the claim's own interval
    stands) for anything else: not an exact duration, an explicit ``interval``, an ``ends`` claim, a period of
    one day (the date a duration is measured on) or of another length (a frame it falls in, "a 2-day
    strike in 2023"). Semantics section 8, "A duration lasts the span its record gives"."""
    if (period is None or c.base_unit not in DURATION_UNITS or c.value is None or c.qualifier != "exact"
            or c.interval is not None or c.ends or c.measure.period is None or period.start == period.end
            or not float(c.value).is_integer()):
        return None
    return Interval.point(c.value) if period.length_in(c.base_unit) == int(c.value) else None
