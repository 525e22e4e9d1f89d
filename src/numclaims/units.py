"""The unit rule: which figures may be compared, added or divided, and how their units convert.

One module decides what the ``unit`` strings of claim records mean to the checks (docs/semantics.md,
"Units and rate bases"), with the units library pint (https://pint.readthedocs.io; chosen over string
comparison for its dimensional analysis and its definitions of time, mass and area units, and over
hand-written factor tables so that every factor has one documented source):

* Counts: ``persons`` and ``count`` are one dimension, a number of units counted (factor 1 between
  them): ``count`` leaves the counted noun to the claim's measure, ``persons`` says it is people, so
  "4,120 people" and a bare "4,690" of the same measure add, subtract and compare in every check kind
  (what is counted is the measure's business, not the unit's). A count never converts to a share.
* Shares: ``fraction`` and ``ratio`` are numbers of 1, ``percent`` is 1/100 (pint's ``percent``): a share
  written "1 out of 5" (fraction 0.2) and one written "22 %" compare as 20 % and 22 %.
* Percentage points: ``percentage_points`` is the unit of the difference of two percentages (ONS Service
  Manual, "Percentages and percentage points": "A percentage point is the difference between
  percentages. A value of 10% falling by 1 percentage point becomes 9%"). A percent figure and a
  percentage-point figure compare number for number (factor 1), so "84.2 %, up 3.1 percentage points on
  81.4 %" is the difference 84.2 - 81.4 = 2.8 points against 3.1, and a ``change`` by a percentage-point
  claim is absolute (added to the earlier percent), never relative. Points are not a share: they never
  convert to a fraction or a count.
* Currencies (ISO 4217 codes) are each their own dimension: no exchange rate is known, so USD and PEN
  never convert ("no exchange rate").
* Time: ``years``, ``months``, ``weeks``, ``days``. Between them a duration or a rate converts over every
  calendar length (:func:`calendar_range`, :func:`calendar_rate`: a year is 365 or 366 days, a month 28
  to 31, the conventional point 365 days, 52 weeks, 12 months); pint's Julian year (1 year = 365.25 days
  = 12 months, ISO 80000-3) converts hours. A rate ``<unit> per <day|week|month|year>`` is a flow; it
  converts between time bases (``$60,000 a month`` = ``$720,000 a year``), but never to a stock.
* Mass and area: ``ounces`` (avoirdupois), ``troy_ounces``, ``kilograms``, ``tonnes``, ``hectares``,
  ``square_kilometres`` convert within their dimension.
* Length: ``millimetres``, ``centimetres``, ``metres``, ``kilometres``, ``miles`` (pint's international
  mile, 1,609.344 m) convert within their dimension.

Factors are returned as exact fractions (pint's float factor rounded to the nearest fraction with a
denominator below 10**9, which recovers 12, 1/12, 100 and 365.25/7 exactly) so interval arithmetic on
converted figures stays sound.
"""

from __future__ import annotations

import calendar
import math
from fractions import Fraction
from functools import lru_cache

from .records import CURRENCIES, PINT_NAMES, split_unit
from .records import pint_registry as registry

#: Counts of persons or things.
COUNTS = frozenset({"persons", "count"})
#: Shares: numbers of 1 (percent as 1/100).
#: Share units and the value that stands for the whole in each (100 %, a fraction or ratio of 1).
SHARE_WHOLE = {"percent": 100, "fraction": 1, "ratio": 1}
SHARES = frozenset(SHARE_WHOLE)
#: Scale of the units a product may multiply without giving its unit (counts, shares): a percent is 0.01.
DIMENSIONLESS = {"persons": 1.0, "count": 1.0, "fraction": 1.0, "ratio": 1.0, "percent": 0.01}


#: A percent figure and a percentage-point figure compare number for number (the module docstring).
_POINTS_PAIR = frozenset({"percent", "percentage_points"})


def _expr(unit: str) -> str:
    base, per = split_unit(unit)
    name = base if base in CURRENCIES else PINT_NAMES[base]
    return f"({name}) / {per}" if per else name


def same_base(a: str, b: str) -> bool:
    """Whether base units ``a`` and ``b`` ("persons", "count", "USD") measure one thing with factor 1: the
    same unit, or both counts (``persons`` and ``count``, module docstring)."""
    return a == b or (a in COUNTS and b in COUNTS)


@lru_cache(maxsize=4096)
def conversion(source: str, target: str) -> tuple[Fraction | None, str]:
    """The factor that turns a figure in unit ``source`` into unit ``target``, or why there is none.

    Args:
        source, target: unit strings of claim records ("USD per month", "percent", "persons").

    Returns:
        ``(factor, "")`` when ``value_in_target = factor x value_in_source`` ("USD per month" ->
        "USD per year": 12; "fraction" -> "percent": 100; "persons" -> "persons": 1), else
        ``(None, reason)`` with the reason in words: ``stock vs flow``, ``no exchange rate``, ``a count is
        not a share`` or ``dimensions differ``.
    """
    if source == target:
        return Fraction(1), ""
    sb, sper = split_unit(source)
    tb, tper = split_unit(target)
    if (sper is None) != (tper is None):
        return None, (f"stock vs flow: {source!r} is {'a rate' if sper else 'an amount'} and {target!r} is "
                      f"{'a rate' if tper else 'an amount'}")
    if {sb, tb} == _POINTS_PAIR and sper is None and tper is None:
        return Fraction(1), ""  # the difference of two percentages is in points (module docstring)
    if sb in CURRENCIES and tb in CURRENCIES and sb != tb:
        return None, f"no exchange rate: {sb} and {tb} are different currencies"
    if (sb in COUNTS) != (tb in COUNTS) and (sb in SHARES or tb in SHARES):
        return None, f"a count is not a share: {source!r} vs {target!r}"
    if sb != tb and same_base(sb, tb):
        # one dimension: the count's time base alone may differ
        return conversion(f"{tb} per {sper}" if sper else tb, target)
    reg = registry()
    q = reg.Quantity(1, _expr(source))
    try:
        factor = q.to(_expr(target)).magnitude
    except Exception:  # pint.DimensionalityError
        return None, f"dimensions differ: {source!r} vs {target!r}"
    return Fraction(factor).limit_denominator(10**9), ""


def quotient_problem(numerator: str, denominator: str, ratio: str) -> str | None:
    """Why ``numerator / denominator`` cannot be compared with a claim in ``ratio``, or None when it can.

    The quotient must be a plain number (its dimensions cancel: persons / persons, USD per month / USD per
    year) and the ratio claim a fraction, ratio or percent; "USD / persons" against a percentage cannot be
    compared.
    """
    if split_unit(ratio)[0] not in SHARES:
        return f"the ratio is stated in {ratio!r}, not as a fraction, ratio or percent"
    q = _quotient(numerator, denominator)
    if not q.dimensionless:
        return (f"units differ: {numerator!r} / {denominator!r} is not a plain number, so it cannot be "
                f"compared with a {ratio!r} claim")
    return None


def quotient_factor(numerator: str, denominator: str) -> Fraction:
    """The factor that makes ``numerator / denominator`` a plain number (1 for equal units; 12 for
    "USD per month" / "USD per year"). Call after :func:`quotient_problem` found none."""
    q = _quotient(numerator, denominator)
    return Fraction(q.to("dimensionless").magnitude).limit_denominator(10**9)


def _quotient(numerator: str, denominator: str):
    """``numerator / denominator`` as a pint quantity of magnitude 1, with ``persons`` and ``count`` taken
    as one dimension (module docstring: 46,820 ballots ``count`` / 124,500 voters ``persons`` is a plain
    number, 0.376)."""
    nb, nper = split_unit(numerator)
    db, _ = split_unit(denominator)
    if nb != db and same_base(nb, db):
        numerator = f"{db} per {nper}" if nper else db
    reg = registry()
    return reg.Quantity(1, _expr(numerator)) / reg.Quantity(1, _expr(denominator))


# ------------------------------------------------------------------------------------------ the calendar
#: The calendar time units, smallest first (a rate base or a duration: day, week, month, year).
CALENDAR = ("day", "week", "month", "year")
#: The conventional calendar, the written point of every conversion (semantics section 7): a year is 12
#: months, 365 days (a common year) or 52 weeks (an ISO 8601 week-numbering year, as weekly pay is counted
#: 52 times a year); a month is a twelfth of that year (365/12 days, 52/12 weeks); a week is 7 days.
CALENDAR_POINT = {("year", "month"): Fraction(12), ("year", "week"): Fraction(52), ("year", "day"): Fraction(365),
                  ("month", "week"): Fraction(13, 3), ("month", "day"): Fraction(365, 12),
                  ("week", "day"): Fraction(7)}
#: Days in a calendar month and in a calendar year (Gregorian calendar, ISO 8601-1:2019 "calendar month",
#: "calendar year"): 28 to 31, 365 or 366.
MONTH_DAYS, YEAR_DAYS = (28, 31), (365, 366)
#: One cycle of the Gregorian calendar: 400 years, 4,800 months, 146,097 days.
_CYCLE_MONTHS, _CYCLE_DAYS = 4800, 146097


@lru_cache(maxsize=1)
def _cycle_prefix() -> tuple[int, ...]:
    """Days before each month of two Gregorian cycles from January 2001 (cumulative, 9,601 entries)."""
    out, total = [0], 0
    for i in range(2 * _CYCLE_MONTHS):
        y, m = divmod(i, 12)
        total += calendar.monthrange(2001 + y, m + 1)[1]
        out.append(total)
    return tuple(out)


@lru_cache(maxsize=1024)
def months_days(n: int) -> tuple[int, int]:
    """``(fewest, most)`` days that ``n >= 0`` consecutive calendar months last, over every start month
    of the Gregorian calendar: 1 month 28 to 31 days, 6 months 181 to 184, 12 months 365 to 366, 48 months
    1,460 to 1,461 (ISO 8601-1:2019, "calendar month"; a 400-year cycle of 146,097 days repeats).

    Raises:
        ValueError: ``n < 0``."""
    if n < 0:
        raise ValueError(f"a number of months is at least 0, got {n}")
    q, r = divmod(n, _CYCLE_MONTHS)
    pre = _cycle_prefix()
    spans = [pre[i + r] - pre[i] for i in range(_CYCLE_MONTHS)]
    return q * _CYCLE_DAYS + min(spans), q * _CYCLE_DAYS + max(spans)


def calendar_unit(unit: str) -> str | None:
    """``unit`` (singular or plural: "months", "week") as one of :data:`CALENDAR`, else None."""
    u = unit.rstrip("s")
    return u if u in CALENDAR else None


def calendar_range(x: Fraction, unit: str, target: str) -> tuple[Fraction, Fraction, Fraction]:
    """``(low, high, point)``: how long a length of ``x >= 0`` ``unit`` lasts in ``target`` (both
    :data:`CALENDAR` units, singular or plural), over every calendar: a month is 28 to 31 days, a year 365
    or 366 days, and ``x`` whole months or years last what that many consecutive calendar months last
    (:func:`months_days`: six months are 181 to 184 days, 25.86 to 26.29 weeks). ``point`` is the
    conventional length (:data:`CALENDAR_POINT`: one year is 365 days, 52 weeks, 12 months; six months
    are 26 weeks), always inside ``[low, high]`` (a year is 52 to 366/7 weeks: the hull of its days / 7 and
    the 52 weeks of an ISO 8601 year). A fraction of a month or year is bounded by the whole months about
    it (1.5 months: the 28 days of one month to the 62 of two). Examples: ``(1, "year", "day")`` ->
    (365, 366, 365); ``(6, "months", "weeks")`` -> (181/7, 184/7, 26); ``(1, "day", "year")`` -> (1/366,
    1/365, 1/365); ``(1, "week", "year")`` -> (7/366, 1/52, 1/52).

    Raises:
        ValueError: a unit not in :data:`CALENDAR`, or ``x < 0``."""
    u, t = calendar_unit(unit), calendar_unit(target)
    if u is None or t is None or x < 0:
        raise ValueError(f"need a length of at least 0 in day, week, month or year; got {x!r} {unit!r} -> {target!r}")
    if u == t:
        return x, x, x
    larger = CALENDAR.index(u) > CALENDAR.index(t)
    point = x * CALENDAR_POINT[(u, t)] if larger else x / CALENDAR_POINT[(t, u)]
    if {u, t} == {"month", "year"}:
        return point, point, point
    if larger:  # a length of months or years in weeks or days: the days of consecutive calendar months
        months = x * (12 if u == "year" else 1)
        days = (Fraction(months_days(math.floor(months))[0]), Fraction(months_days(math.ceil(months))[1])) \
            if u in ("month", "year") else (x * 7, x * 7)
        low, high = (days[0] / 7, days[1] / 7) if t == "week" else days
    else:  # a length of days or weeks in weeks, months or years: its days over the target's days
        days = x * (7 if u == "week" else 1)
        per = {"week": (7, 7), "month": MONTH_DAYS, "year": YEAR_DAYS}[t]
        low, high = days / per[1], days / per[0]
    return min(low, point), max(high, point), point


def calendar_rate(source: str, target: str) -> tuple[tuple[Fraction, Fraction], Fraction] | None:
    """``((low, high), point)``: the factors that turn a rate in unit ``source`` ("USD per day") into unit
    ``target`` ("USD per year") when their time bases are different :data:`CALENDAR` units: the base
    unit's factor (:func:`conversion`) times the number of the source's time base in one of the target's
    (:func:`calendar_range` of 1: a day rate is 365 to 366 times a year's, a week rate 52 to 366/7 times);
    None for rates of one time base, a month against a year (12 exactly), units that are not rates, or
    bases that do not convert."""
    (sb, sper), (tb, tper) = split_unit(source), split_unit(target)
    if sper is None or tper is None or calendar_unit(sper) is None or calendar_unit(tper) is None:
        return None
    if calendar_unit(sper) == calendar_unit(tper) or {calendar_unit(sper), calendar_unit(tper)} == {"month", "year"}:
        return None  # one base, or 12 months a year exactly: the one factor of conversion()
    base = conversion(f"{sb} per {tper}", target)[0]
    if base is None:
        return None
    low, high, point = calendar_range(Fraction(1), tper, sper)
    return (base * low, base * high), base * point
