"""Write a :class:`numclaims.numerals.Quantity` back as a phrase, for the tests of the parser.

``parse(format(q))`` must give back the value, unit, currency, rate and qualifier of ``q``: the
round-trip properties of ``tests/test_numerals.py`` use this writer to produce phrases in every form the
parser reads. No part of numclaims writes quantities as phrases, so the writer lives with the tests.
"""

from __future__ import annotations

import math
from decimal import Decimal

from numclaims import rules
from numclaims.numerals import FRACTION_WORDS, UNITS, Quantity, parse
from numclaims.vocabulary import UNIT_WORDS as _UNIT_WORDS, VAGUE_PLURALS as _VAGUE


_QUAL_WORD = {
    "exact": "", "approximately": "about ", "nearly": "nearly ", "more_than": "more than ",
    "at_least": "at least ", "less_than": "less than ", "up_to": "up to ",
}
_CUR_PREFIX = {"USD": "$", "EUR": "€", "GBP": "£", "PEN": "S/ ", "BRL": "R$ ", "MXN": "MX$ "}
_PER_SUFFIX = {"day": " a day", "week": " a week", "month": " a month", "year": " a year"}
_FRACTION_NAMES = {den: (one, one + "s") for one, den in FRACTION_WORDS.items()
                   if den <= 10 and not one.endswith("s") and one not in ("fourth", "half")}
_FRACTION_NAMES[2] = ("half", "halves")
_SMALL_WORDS = {v: k for k, v in _UNIT_WORDS.items()}
_VAGUE_NAMES = {(lo, hi): name for name, (lo, hi, _) in _VAGUE.items()}
_VAGUE_CURWORD = {"USD": "dollars", "EUR": "euros", "PEN": "soles", "GBP": "pounds sterling"}


def _digits(x: Decimal) -> str:
    """Write a non-negative decimal with thousands separators and no exponent."""
    if x == x.to_integral_value():
        return f"{int(x):,}"
    return f"{x.normalize():,f}"


def _number_texts(x: float, precision: float, unit: str) -> list[str]:
    """Numerals for ``x``, preferred first (scaled or with the decimals of ``precision``)."""
    d = Decimal(repr(float(x)))
    out = []
    if unit in ("count", "currency") and x >= 1e6 and (precision >= 1e5 or x >= 1e15):
        for k, word in ((12, "trillion"), (9, "billion"), (6, "million")):
            if x >= 10**k:
                out.append(f"{_digits(d.scaleb(-k))} {word}")
                break
    if precision > 0 and math.isfinite(precision):
        e = math.log10(precision)
        if abs(e - round(e)) < 1e-9 and -30 <= round(e) < 0:
            dec = -round(e)
            q = d.quantize(Decimal(1).scaleb(-dec))
            if q == d:
                out.append(f"{q:,f}")
    out.append(_digits(d))
    return out


def _fraction_texts(v: float, precision: float) -> list[str]:
    """Phrases for the share ``v``: words when a small denominator gives it, else "N out of M"."""
    words, others = [], []
    for den, (one, many) in _FRACTION_NAMES.items():
        num = round(v * den)
        if 0 < num <= den and num / den == v:
            numw = ("an" if one[0] in "aeiou" else "a") if num == 1 else _SMALL_WORDS.get(num, str(num))
            text = "half" if (den, num) == (2, 1) else f"{numw} {one if num == 1 else many}"
            # The phrase whose grain is the quantity's step comes first.
            (words if abs(precision * den - 1) < 1e-12 else others).append(text)
    if precision > 0:
        den = round(1 / precision)
        if den >= 1 and abs(den * precision - 1) < 1e-12 and round(v * den) / den == v:
            words.append(f"{round(v * den):,} out of {den:,}")
    d = Decimal(repr(float(v)))
    exp = max(0, -d.as_tuple().exponent)
    others.append(f"{int(d.scaleb(exp)):,} out of {10**exp:,}")
    return words + others


def _candidates(q: Quantity) -> list[str]:
    unit, qual = q.unit, q.qualifier
    per = _PER_SUFFIX[q.per] if q.per else ""
    if qual == "range":
        if unit == "count" and not q.interval.high_closed and (q.low, q.high) in _VAGUE_NAMES:
            return [_VAGUE_NAMES[(q.low, q.high)] + per]
        if (unit == "currency" and not q.interval.high_closed and (q.low, q.high) in _VAGUE_NAMES
                and q.currency in _VAGUE_CURWORD):
            return [f"{_VAGUE_NAMES[(q.low, q.high)]} of {_VAGUE_CURWORD[q.currency]}{per}"]
        lows = _number_texts(q.low, q.precision, unit)
        highs = _number_texts(q.high, q.precision, unit)
        out = []
        for lo, hi in zip(lows, highs):
            if unit == "percent":
                out.append(f"between {lo} and {hi} percent{per}")
            elif unit == "currency":
                sym = _CUR_PREFIX.get(q.currency or "", f"{q.currency} ")
                out.append(f"between {sym}{lo} and {sym}{hi}{per}")
            elif unit == "duration":
                out.append(f"between {lo} and {hi} {q.duration_unit}s{per}")
            else:
                out.append(f"between {lo} and {hi}{per}")
        return out
    pre = _QUAL_WORD[qual]
    if unit == "fraction":
        return [pre + t for t in _fraction_texts(q.value, q.precision)]
    nums = _number_texts(q.value, q.precision, unit)
    if unit == "percent":
        return [f"{pre}{n} percent{per}" for n in nums]
    if unit == "currency":
        sym = _CUR_PREFIX.get(q.currency or "", f"{q.currency} ")
        return [f"{pre}{sym}{n}{per}" for n in nums]
    if unit == "duration":
        du = q.duration_unit or "year"
        return [f"{pre}{n} {du}{'' if q.value == 1 else 's'}{per}" for n in nums]
    if unit == "ratio":
        return [f"{pre}{n} times" for n in nums]
    return [f"{pre}{n}{per}" for n in nums]


def _same(a: Quantity, b: Quantity) -> bool:
    return (a.value == b.value and a.unit == b.unit and a.currency == b.currency and a.per == b.per
            and a.qualifier == b.qualifier)


def format(q: Quantity) -> str:  # noqa: A001 - as the tests have always called it
    """Write a quantity as a phrase that :func:`parse` reads back to the same quantity.

    ``parse(format(q))`` has the same ``value``, ``unit``, ``currency``, ``per`` and ``qualifier`` as
    ``q`` (and, when a numeral can show it, the same ``precision``): "about $60,000 a month", "more than
    4,500", "three quarters", "between 200 and 300", "tens of thousands", "3 years", "42 percent".

    Args:
        q: a :class:`Quantity`, normally from :func:`parse`. Its value must be finite and non-negative,
            a fraction at most 1, and written in at most 15 integer digits (scaled by "trillion" above
            1e15) and 30 decimals.

    Raises:
        ValueError: no phrase reads back to ``q`` (negative, non-finite or out-of-range values, a unit
            or qualifier this module does not write, a currency amount without a code).
    """
    try:
        if not (isinstance(q.value, (int, float)) and math.isfinite(q.value) and q.value >= 0):
            raise ValueError("value must be finite and non-negative")
        if q.unit not in UNITS or q.qualifier not in rules.QUALIFIERS:
            raise ValueError("unknown unit or qualifier")
        if q.unit == "currency" and not q.currency:
            raise ValueError("a currency amount needs a currency code")
        fallback = None
        for cand in _candidates(q):
            try:
                back = parse(cand)
            except ValueError:
                continue
            if _same(back, q):
                if back.precision == q.precision:
                    return cand
                fallback = fallback or cand
        if fallback is not None:
            return fallback
        raise ValueError("no phrase reads back to it")
    except ValueError as e:
        raise ValueError(f"cannot write {q!r} as a phrase: {e}") from None
    except Exception as e:  # pragma: no cover - defensive
        raise ValueError(f"cannot write {q!r} as a phrase: {type(e).__name__}: {e}") from None
