"""The unit rule: which figures may be added, compared or divided, and how units convert.

One module decides what the ``unit`` strings of claim records mean to the checks (see docs/semantics.md,
"Units and rate bases").

* Plain numbers: ``persons`` and ``count`` are counts; ``fraction`` and ``ratio`` are numbers of 1;
  ``percent`` is a hundredth of 1. A share written "1 out of 5" (fraction 0.2) and one written "22 %"
  (percent 22) are the same dimension and compare after conversion (0.2 = 20 %).
* Currencies (ISO 4217 codes) are each their own dimension: no exchange rate is known, so USD and PEN
  never compare.
* A rate ``<unit> per <day|week|month|year>`` is a flow; a bare unit is a stock. A flow converts between
  time bases (1 year = 12 months = 365.25/7 weeks = 365.25 days, the Julian year of ISO 80000-3), but a
  flow never compares with a stock.
"""

from __future__ import annotations

from .records import CURRENCIES, split_unit

#: Units that are numbers of 1 after scaling (percent is 1/100).
SCALE_TO_ONE = {"fraction": 1.0, "ratio": 1.0, "percent": 0.01}
#: Counts of persons or things.
COUNTS = frozenset({"persons", "count"})


def quotient_problem(numerator: str, denominator: str, ratio: str) -> str | None:
    """Why ``numerator / denominator`` cannot be compared with a claim in ``ratio``, or None when it can.

    The quotient is a plain number when both have the same unit (rate base included) or both are counts
    (persons per count of things is still a number of 1); the ratio claim must then be a fraction, ratio
    or percent.

    Args:
        numerator, denominator, ratio: unit strings of claim records ("persons", "USD per month").
    """
    nb, nper = split_unit(numerator)
    db, dper = split_unit(denominator)
    rb, _ = split_unit(ratio)
    same = (nb, nper) == (db, dper) or (nb in COUNTS and db in COUNTS and nper == dper)
    if not same:
        return (f"the quotient of {numerator!r} by {denominator!r} has a unit ({numerator} per {denominator}); "
                f"it cannot be compared with a {ratio!r} claim")
    if rb not in SCALE_TO_ONE:
        return f"the quotient is a plain number but the ratio is stated in {ratio!r}"
    return None


def is_currency(unit: str) -> bool:
    """Whether the base of ``unit`` is an ISO 4217 currency code."""
    return split_unit(unit)[0] in CURRENCIES
