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
from functools import lru_cache

from .intervals import Interval
from .numerals import parse
from .records import CURRENCIES, DURATION_UNITS, Claim
from .rules import interval_for, step_of_integer

# numerals.parse units that are compatible with record base units
_UNIT_FAMILY = {
    "count": {"persons", "count"},
    "percent": {"percent", "percentage_points"},
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


def written_quantity(c: Claim):
    """The :class:`numclaims.numerals.Quantity` read from the claim's numeral phrase, or None if unreadable."""
    return _parse(c.text if c.text is not None else c.quote)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def rule_text(c: Claim) -> str:
    """A one-line statement of the rule that gives the claim its interval (for reports)."""
    if c.interval is not None:
        return f"explicit interval: {c.rule}"
    q = c.qualifier.replace("_", " ")
    p = claim_precision(c)
    return f"{q}, step {p:g}" + (f", margin {c.margin:g}" if c.margin is not None else "")


def claim_precision(c: Claim) -> float:
    """Rounding step of the claim: the record's ``precision``, else the numeral's, else trailing zeros."""
    if c.precision is not None:
        return c.precision
    q = written_quantity(c)
    if q is not None and c.value is not None and _close(q.value, c.value) and q.precision:
        return float(q.precision)
    return step_of_integer(c.value or 0.0)


def claim_interval(c: Claim) -> Interval | None:
    """The interval of true values of a numeric claim; ``None`` for ``unit: date``.

    Raises:
        ValueError: when the record's numbers give no interval (propagated from the rules).
    """
    if c.base_unit == "date":
        return None
    if c.interval is not None:
        lo, hi = c.interval
        return Interval(lo, hi)
    return interval_for(
        c.value, c.qualifier, claim_precision(c), unit=c.base_unit, margin=c.margin, low=c.low, high=c.high
    )


def value_problems(c: Claim) -> list[tuple[str, str]]:
    """Fields of ``c`` that contradict its own numeral phrase, as ``(field, message)`` pairs.

    Only claims whose ``text`` is given are compared (a whole quote may hold words the parser does not
    read). Dates are not compared.
    """
    out: list[tuple[str, str]] = []
    if c.text is None or c.base_unit == "date":
        return out
    q = written_quantity(c)
    if q is None:
        return [("text", f"cannot read a quantity in {c.text!r}")]
    euro = re.fullmatch(r"\d{1,3}(?:\.\d{3})+", c.text.strip()) and c.base_unit in ("persons", "count")
    if euro and not float(q.value).is_integer():
        # "1.600" is 1.6 in English notation, the notation numerals are read in; a count cannot be 1.6, so
        # the source uses "." between thousands: the record must say so rather than be read as 1.6
        whole = int(c.text.strip().replace(".", ""))
        if not (c.interval is not None and c.value is not None and _close(c.value, whole)):
            return [("text", f"{c.text!r} reads as {q.value:g} (numerals are read in English notation, '.' before "
                             f"decimals), but {c.base_unit} are whole; if '.' separates thousands here, write value: "
                             f"{whole} with interval: [{whole}, {whole}] and a rule naming the notation")]
    elif c.value is not None and not _close(q.value, c.value) and not (
        c.base_unit == "percent" and q.unit == "fraction" and _close(q.value * 100, c.value)
    ):
        hint = ""
        if q.value and abs(c.value - q.value) <= 5e-4 * max(1.0, abs(q.value)):  # the exact value, rounded
            hint = f"; {c.value:g} rounds it: write {q.value:.9g} (or more digits)"
        out.append(("value", f"{c.value:g} differs from the numeral written {c.text!r}, read as {q.value:g}{hint}"))
    fam = _UNIT_FAMILY.get(q.unit)
    if q.unit == "currency":
        if c.base_unit != q.currency and q.currency is not None:
            out.append(("unit", f"{c.unit!r} differs from the currency written in {c.text!r} ({q.currency})"))
        elif c.base_unit not in CURRENCIES:
            out.append(("unit", f"{c.unit!r} is not a currency but {c.text!r} is an amount of money"))
    elif fam is not None and c.base_unit not in fam:
        out.append(("unit", f"{c.unit!r} does not fit {c.text!r}, read as {q.unit}"))
    if q.per is not None and c.per != q.per:
        out.append(("unit", f"{c.unit!r} lacks the rate 'per {q.per}' written in {c.text!r}"))
    if q.qualifier != c.qualifier and c.interval is None:
        out.append(("qualifier", f"{c.qualifier!r} contradicts the words {c.text!r}, read as {q.qualifier!r}"))
    return out
