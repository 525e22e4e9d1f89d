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
* Time: ``years``, ``months``, ``weeks``, ``days`` with pint's Julian year (1 year = 365.25 days = 12
  months, ISO 80000-3). A rate ``<unit> per <day|week|month|year>`` is a flow; it converts between time
  bases (``$60,000 a month`` = ``$720,000 a year``), but never to a stock (a bare amount).
* Mass and area: ``ounces`` (avoirdupois), ``troy_ounces``, ``kilograms``, ``tonnes``, ``hectares``,
  ``square_kilometres`` convert within their dimension.

Factors are returned as exact fractions (pint's float factor rounded to the nearest fraction with a
denominator below 10**9, which recovers 12, 1/12, 100 and 365.25/7 exactly) so interval arithmetic on
converted figures stays sound.
"""

from __future__ import annotations

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


#: The weeks of a year when a weekly figure and a yearly one are set side by side: from 52 whole weeks (a
#: year of ISO 8601 week-numbering weeks, as a weekly wage or rent is counted 52 times a year) to the 366/7
#: = 52.29 weeks of a leap year's days (365/7 = 52.14 of a common year, 365.25/7 = 52.18 Julian).
WEEKS_PER_YEAR = (Fraction(52), Fraction(366, 7))


def week_year_factors(source: str, target: str) -> tuple[Fraction, Fraction] | None:
    """The factors ``(low, high)`` that turn a rate per ``source`` into one per ``target`` (time bases,
    singular or plural) when one is a week and the other a year, from :data:`WEEKS_PER_YEAR`: per week to
    per year ``(52, 366/7)``, per year to per week ``(7/366, 1/52)``; None for any other pair, which
    converts by the Julian year. A duration converts the other way: years to weeks is
    ``week_year_factors("week", "year")``."""
    pair = (source.rstrip("s"), target.rstrip("s"))
    low, high = WEEKS_PER_YEAR
    if pair == ("week", "year"):  # "$1,000 a week" a year; "one year" in weeks
        return low, high
    if pair == ("year", "week"):
        return 1 / high, 1 / low
    return None
