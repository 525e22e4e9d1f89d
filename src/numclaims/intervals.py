"""Intervals of true values and their arithmetic.

An :class:`Interval` is the set of real values compatible with what an article wrote. Either side may
be unbounded (``None``) and each bounded side is closed or open. Arithmetic follows ordinary interval
arithmetic (Moore, *Interval Analysis*, 1966): the result of ``a op b`` is the smallest interval that
holds ``x op y`` for every ``x`` in ``a`` and ``y`` in ``b``. Bounds are floats, but every operation
is *sound*: each end is computed exactly (as a :class:`fractions.Fraction` of the float ends) and then
rounded outward to the nearest float below (low end) or above (high end) when the exact end is not a
float, so the result contains the true ``x op y`` of every pair of points, open and unbounded ends
included (outward rounding, Moore 1966, ch. 2; IEEE 754-2019, section 4.3, directed rounding). ``3 / 10``
is ``[0.3, 0.30000000000000004]``, which holds 3/10; an exact result (``60,000 x 36``) stays a float
point. The granularity tests that need exact decimals use :mod:`numclaims.granularity`.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Iterable

INF = math.inf


@functools.lru_cache(maxsize=4096, typed=True)
def _fmt(x: float) -> str:
    """Format a bound for explanations: thousands separators, no needless decimals. Remembered for the
    last 4,096 numbers (each bound of an article's figures is written in several explanations)."""
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    if 1e5 <= abs(x) < 1e15:  # never "4.50376e+07": the digits of a large bound, to the cent
        return f"{x:,.2f}".rstrip("0").rstrip(".")
    return f"{x:,.6g}" if abs(x) >= 1 else f"{x:.6g}"


@dataclass(frozen=True, slots=True, init=False)
class Interval:
    """A set of real numbers ``{x : low <= x <= high}`` with optional open ends.

    Attributes:
        low: lower bound, or ``None`` when unbounded below.
        high: upper bound, or ``None`` when unbounded above.
        low_closed: whether ``low`` itself belongs to the interval (ignored when ``low`` is None).
        high_closed: whether ``high`` itself belongs to the interval (ignored when ``high`` is None).

    Raises:
        ValueError: if a bound is NaN or infinite (use ``None``), or ``low > high``, or the interval
            is empty because ``low == high`` with an open end.
    """

    low: float | None
    high: float | None
    low_closed: bool = True
    high_closed: bool = True
    #: the text of :meth:`__str__`, made on first use (an interval is written in several explanations);
    #: no part of its value (not compared, hashed or shown)
    _text: str | None = field(default=None, init=False, repr=False, compare=False)

    def __init__(self, low: float | None, high: float | None, low_closed: bool = True,
                 high_closed: bool = True) -> None:
        # written by hand (init=False): intervals are made by the hundred per article, and the generated
        # frozen __init__ plus a __post_init__ set each field through object.__setattr__ and read it back;
        # a finite float bound (nearly every one) is let through by one comparison, others by _check_bound
        if low is not None and (type(low) is not float or not -INF < low < INF):
            _check_bound("low", low)
        if high is not None and (type(high) is not float or not -INF < high < INF):
            _check_bound("high", high)
        if low is not None and high is not None:
            if low > high:
                raise ValueError(f"interval low {low!r} is above high {high!r}")
            if low == high and not (low_closed and high_closed):
                raise ValueError(f"interval at {low!r} with an open end is empty")
        # Normalise: an unbounded side is open by convention.
        _SET_LOW(self, low)
        _SET_HIGH(self, high)
        _SET_LOW_CLOSED(self, False if low is None else low_closed)
        _SET_HIGH_CLOSED(self, False if high is None else high_closed)
        _SET_TEXT(self, None)

    # ------------------------------------------------------------------ construction
    @classmethod
    def point(cls, x: float) -> "Interval":
        """The degenerate interval ``[x, x]``."""
        return cls(float(x), float(x))

    @classmethod
    def _from_inf(cls, lo: float, hi: float, lc: bool, hc: bool) -> "Interval":
        # Arithmetic on non-empty intervals is never empty; when float rounding collapses the bounds onto
        # one value (0 < x < 1e-300 squared underflows to 0), the result is that point, closed.
        if lo == hi:
            lc = hc = True
        return cls(None if lo == -INF else lo, None if hi == INF else hi, lc, hc)

    # ------------------------------------------------------------------ views
    @property
    def lo(self) -> float:
        """Lower bound with ``-inf`` for unbounded."""
        return -INF if self.low is None else self.low

    @property
    def hi(self) -> float:
        """Upper bound with ``+inf`` for unbounded."""
        return INF if self.high is None else self.high

    @property
    def bounded(self) -> bool:
        """True when both sides are finite."""
        return self.low is not None and self.high is not None

    @property
    def width(self) -> float:
        """``high - low`` (``inf`` when unbounded)."""
        return self.hi - self.lo

    def to_list(self) -> list[float | None]:
        """``[low, high]`` with ``None`` for an unbounded side (the results.json form)."""
        return [self.low, self.high]

    def contains(self, x: float) -> bool:
        """Whether the real number ``x`` lies in the interval, minding open ends."""
        if x < self.lo or x > self.hi:
            return False
        if x == self.low and not self.low_closed:
            return False
        if x == self.high and not self.high_closed:
            return False
        return True

    __contains__ = contains

    def _common(self, other: "Interval") -> tuple[float, float, bool, bool] | None:
        """``(lo, hi, lc, hc)`` of the common part (``-inf``/``+inf`` for an unbounded side), or ``None``
        when the intervals are disjoint: :meth:`intersect` without building the interval."""
        # the ends read once (not through lo/hi: this runs several times per check)
        slo, olo, shi, ohi = self.low, other.low, self.high, other.high
        slo = -INF if slo is None else slo
        olo = -INF if olo is None else olo
        shi = INF if shi is None else shi
        ohi = INF if ohi is None else ohi
        if slo > olo or (slo == olo and not self.low_closed):
            lo, lc = slo, self.low_closed
        else:
            lo, lc = olo, other.low_closed
        if shi < ohi or (shi == ohi and not self.high_closed):
            hi, hc = shi, self.high_closed
        else:
            hi, hc = ohi, other.high_closed
        if lo > hi or (lo == hi and not (lc and hc)):
            return None
        return lo, hi, lc, hc

    def intersect(self, other: "Interval") -> "Interval | None":
        """The common part of two intervals, or ``None`` when they are disjoint."""
        common = self._common(other)
        return None if common is None else Interval._from_inf(*common)

    def overlaps(self, other: "Interval") -> bool:
        """True when the two intervals share at least one value (their :meth:`intersect` is not None;
        the common part is not built)."""
        return self._common(other) is not None

    def gap(self, other: "Interval") -> float:
        """Distance between two disjoint intervals (0.0 when they touch or overlap)."""
        if self.hi < other.lo:
            return other.lo - self.hi
        if other.hi < self.lo:
            return self.lo - other.hi
        return 0.0

    def hull(self, other: "Interval") -> "Interval":
        """The smallest interval containing both."""
        lo, lc = min((self.lo, not self.low_closed), (other.lo, not other.low_closed))
        hi, hc = max((self.hi, self.high_closed), (other.hi, other.high_closed))
        return Interval._from_inf(lo, hi, not lc, hc)

    def integers(self) -> "Interval | None":
        """The whole numbers of the interval, as the smallest closed interval holding them all, or
        ``None`` when it holds none: ``[0, 10)`` -> ``[0, 9]``, ``(9, +inf)`` -> ``[10, +inf)``,
        ``[2.5, 2.7]`` -> None. Used for counts (persons, things), whose true values are whole numbers."""
        low, high = self.low, self.high
        if ((low is None or (type(low) is float and self.low_closed and low.is_integer()))
                and (high is None or (type(high) is float and self.high_closed and high.is_integer()))):
            return self  # already closed on whole-number float ends: the same interval (they are immutable)
        lo, hi = self.lo, self.hi
        if lo != -INF:
            c = math.ceil(lo)
            lo = c + 1 if (c == lo and not self.low_closed) else c
        if hi != INF:
            f = math.floor(hi)
            hi = f - 1 if (f == hi and not self.high_closed) else f
        if lo > hi:
            return None
        return Interval._from_inf(float(lo), float(hi), lo != -INF, hi != INF)

    # ------------------------------------------------------------------ arithmetic
    def __add__(self, other: "Interval | float") -> "Interval":
        o = _as_interval(other)
        if _small_ints(self, o):  # whole numbers below 2**52: float sums are exact
            return Interval._from_inf(self.lo + o.lo, self.hi + o.hi, self.low_closed and o.low_closed,
                                      self.high_closed and o.high_closed)
        return _outward(_xadd(self._xlo(), o._xlo()), _xadd(self._xhi(), o._xhi()),
                        self.low_closed and o.low_closed, self.high_closed and o.high_closed)

    __radd__ = __add__

    def __neg__(self) -> "Interval":
        return Interval._from_inf(-self.hi, -self.lo, self.high_closed, self.low_closed)

    def __sub__(self, other: "Interval | float") -> "Interval":
        return self + (-_as_interval(other))

    def _xlo(self) -> "Fraction | float":
        return -INF if self.low is None else Fraction(self.low)

    def _xhi(self) -> "Fraction | float":
        return INF if self.high is None else Fraction(self.high)

    def __mul__(self, other: "Interval | float") -> "Interval":
        o = _as_interval(other)
        if _small_ints(self, o, 2.0**26):  # whole numbers below 2**26: float products are exact
            return _xmul(((self.lo, self.low_closed), (self.hi, self.high_closed)),
                         ((o.lo, o.low_closed), (o.hi, o.high_closed)))
        if self.bounded and o.bounded:  # every product of the ends exact in floats: no Fraction needed
            ends = [(x, y, _exact_product(x, y)) for x in (self.low, self.high) for y in (o.low, o.high)]
            if all(p is not None for _, _, p in ends):
                return _from_candidates([(p, closed) for (_, _, p), closed in
                                         zip(ends, _closed_pairs(_ends(self), _ends(o)))])
        return _xmul(((self._xlo(), self.low_closed), (self._xhi(), self.high_closed)),
                     ((o._xlo(), o.low_closed), (o._xhi(), o.high_closed)))

    __rmul__ = __mul__

    def _xreciprocal(self) -> tuple[tuple["Fraction | float", bool], tuple["Fraction | float", bool]]:
        """Exact ends ``((low, closed), (high, closed))`` of ``1 / x``; the interval must not hold 0."""
        if self.contains(0.0) or (self.lo < 0 < self.hi):
            raise ZeroDivisionError(f"interval {self} contains 0")
        lo, hi = self._xlo(), self._xhi()
        if self.hi <= 0:  # negative side: 1/x of [lo, hi] is [1/hi, 1/lo]
            rlo = -INF if hi == 0 else 1 / hi
            rhi = Fraction(0) if lo == -INF else 1 / lo
            return (rlo, hi != 0 and self.high_closed), (rhi, lo != -INF and self.low_closed)
        rlo = Fraction(0) if hi == INF else 1 / hi
        rhi = INF if lo == 0 else 1 / lo
        return (rlo, hi != INF and self.high_closed), (rhi, lo != 0 and self.low_closed)

    def reciprocal(self) -> "Interval":
        """``1 / x`` over the interval, rounded outward.

        Raises:
            ZeroDivisionError: when the interval contains 0 (the result would not be an interval).
        """
        (lo, lc), (hi, hc) = self._xreciprocal()
        return _outward(lo, hi, lc, hc)

    def __truediv__(self, other: "Interval | float") -> "Interval":
        """``x / y`` for every ``x`` in self and ``y`` in other, from exact ends (one rounding only).

        Raises:
            ZeroDivisionError: when ``other`` contains 0.
        """
        o = _as_interval(other)
        d = o.low
        if type(d) is float and d > 0 and o.high == d and self.bounded:  # by a positive number ("/ 100")
            got = _quotient_by(self, d)
            if got is not None:
                return got
        if self.bounded and o.bounded and (o.low > 0 or o.high < 0):
            # a divisor away from 0: x / y for each pair of ends, as x x (1 / y) gives them (the end 1/high
            # pairs with high's closedness), when every quotient is exact in floats
            ends = [_exact_quotient(x, y) for x in (self.low, self.high) for y in (o.high, o.low)]
            if all(q is not None for q in ends):
                # the ends of 1 / o (never 0 here) are 1/high and 1/low, closed as high and low are
                recip = ((1.0, o.high_closed), (1.0, o.low_closed))
                return _from_candidates(list(zip(ends, _closed_pairs(_ends(self), recip))))
        return _xmul(((self._xlo(), self.low_closed), (self._xhi(), self.high_closed)), o._xreciprocal())

    # ------------------------------------------------------------------ text
    def __str__(self) -> str:
        text = self._text
        if text is None:
            left = "[" if self.low_closed else "("
            right = "]" if self.high_closed else ")"
            lo = "-inf" if self.low is None else _fmt(self.low)
            hi = "+inf" if self.high is None else _fmt(self.high)
            text = f"{left}{lo}, {hi}{right}"
            _SET_TEXT(self, text)
        return text


def _check_bound(name: str, v: object) -> None:
    """Raise ValueError unless ``v`` is a finite number (not a bool): the rule of :class:`Interval`'s
    bounds for anything other than a finite float."""
    if isinstance(v, bool) or not math.isfinite(v):  # type: ignore[arg-type]
        raise ValueError(f"interval {name} must be a finite number or None, got {v!r}")


#: The slot setters of :class:`Interval` (its __setattr__ refuses: it is frozen).
_SET_LOW, _SET_HIGH = Interval.low.__set__, Interval.high.__set__  # type: ignore[attr-defined]
_SET_LOW_CLOSED, _SET_HIGH_CLOSED = Interval.low_closed.__set__, Interval.high_closed.__set__  # type: ignore[attr-defined]
_SET_TEXT = Interval._text.__set__  # type: ignore[attr-defined]


def _small_ints(a: Interval, b: Interval, limit: float = 2.0**51) -> bool:
    """Whether every finite end of ``a`` and ``b`` is a whole number below ``limit`` in magnitude."""
    for x in (a.low, a.high, b.low, b.high):
        if x is None:
            continue
        if type(x) is float:  # nearly every bound: compared and tested without converting it to an int
            if not (-limit < x < limit and x.is_integer()):
                return False
        elif abs(x) >= limit or x != int(x):
            return False
    return True


def _xadd(a: "Fraction | float", b: "Fraction | float") -> "Fraction | float":
    if a in (INF, -INF) or b in (INF, -INF):
        return a if a in (INF, -INF) else b
    return a + b


def _down(x: "Fraction | float") -> float:
    """The largest float at or below the exact value ``x`` (``-inf`` stays)."""
    if type(x) is float or type(x) is int:  # already exact (an infinite end, or from the exact fast paths)
        return float(x)
    try:
        f = float(x)
    except OverflowError:
        return -INF if x < 0 else _MAX
    if f == INF:
        return _MAX
    return f if Fraction(f) <= x else math.nextafter(f, -INF)


def _up(x: "Fraction | float") -> float:
    """The smallest float at or above the exact value ``x`` (``+inf`` stays)."""
    return -_down(-x)


_MAX = 1.7976931348623157e308


def _outward(lo, hi, lc: bool, hc: bool) -> Interval:
    """An interval from exact ends, each rounded outward to a float (an end past the float range is
    unbounded on that side)."""
    flo, fhi = _down(lo), _up(hi)
    if flo != lo:
        lc = True  # the true end lies strictly inside: the float end may be taken as closed
    if fhi != hi:
        hc = True
    return Interval._from_inf(flo, fhi, lc, hc)


def _xmul(a, b) -> Interval:
    """Product of two intervals given by exact ends ``((low, closed), (high, closed))``."""
    cands = []
    for x, xc in a:
        for y, yc in b:
            if x == 0 or y == 0:
                p = 0
            elif x in (INF, -INF) or y in (INF, -INF):
                p = INF if (x > 0) == (y > 0) else -INF
            else:
                p = x * y
            # A product with a zero factor is attained exactly when that factor is attained.
            closed = (xc and yc) or (x == 0 and xc) or (y == 0 and yc)
            cands.append((p, closed))
    return _from_candidates(cands)


#: The smallest positive normal float: products and quotients at or above it in magnitude lose no bits.
_TINY = 2.2250738585072014e-308


def _bits(x: float) -> int:
    """How many significant bits the finite float ``x`` has (0 for zero): 1.5 -> 2, 1650.0 -> 10."""
    n = abs(x.as_integer_ratio()[0])
    return (n // (n & -n)).bit_length() if n else 0


def _exact_product(x: float, y: float) -> float | None:
    """``x * y`` of two finite floats when the float product is the exact product (as :func:`_xmul` would
    compute it: 0 for a zero factor), else None. Exact when the significant bits of both fit in 53 and the
    product is a finite normal float."""
    if x == 0 or y == 0:
        return 0
    p = x * y
    if _TINY < abs(p) < INF and _bits(x) + _bits(y) <= 53:  # then no rounding: p is the exact product
        return p
    return None


def _exact_quotient(x: float, y: float) -> float | None:
    """``x / y`` (``y`` not 0) of two finite floats when the float quotient is the exact quotient, else
    None (0 for ``x == 0``, as ``x * (1 / y)`` is in :func:`_xmul`). ``q = x / y`` is exact when ``q * y``,
    itself exact (the significant bits of ``q`` and ``y`` fit in 53), gives back ``x``."""
    if x == 0:
        return 0
    q = x / y
    if _TINY < abs(q) < INF and abs(x) > _TINY and _bits(q) + _bits(y) <= 53 and q * y == x:
        return q
    return None


def _quotient_by(iv: Interval, d: float) -> Interval | None:
    """``iv / d`` for a bounded ``iv`` with float ends and a finite float ``d > 0``: the interval the
    Fraction path gives (each end rounded outward, an end closed where rounding moved it), from the float
    quotient and one comparison in whole numbers per end; None (take the Fraction path) when an end is not
    a float or its quotient is not a normal float below the largest (0 excepted).

    IEEE 754 division rounds ``x / d`` to the nearest float ``q``; with ``x = n/m``, ``d = e/f`` and
    ``q = a/b`` (:meth:`float.as_integer_ratio`, denominators positive), ``q`` is below the exact quotient
    ``n f / (m e)`` when ``a m e < n f b``, above it when greater, and the exact quotient when equal; the
    other outward end is the next float on the exact quotient's side."""
    e, f = d.as_integer_ratio()
    out = []
    for x, closed in ((iv.low, iv.low_closed), (iv.high, iv.high_closed)):
        if type(x) is not float:
            return None
        if x == 0:
            out.append((0.0, -0.0, closed))  # 0 / d is 0, attained where 0 is (-0.0 upward, as _up gives it)
            continue
        q = x / d
        if not _TINY < abs(q) < _MAX:
            return None
        n, m = x.as_integer_ratio()
        a, b = q.as_integer_ratio()
        below, exact = a * m * e, n * f * b
        if below == exact:
            out.append((q, q, closed))
        elif below < exact:
            out.append((q, math.nextafter(q, INF), True))  # the true end lies strictly inside: closed
        else:
            out.append((math.nextafter(q, -INF), q, True))
    (lo, _, lc), (_, hi, hc) = out
    return Interval._from_inf(lo, hi, lc, hc)


def _ends(iv: Interval) -> tuple[tuple[float | None, bool], tuple[float | None, bool]]:
    """``((low, closed), (high, closed))`` of ``iv``."""
    return (iv.low, iv.low_closed), (iv.high, iv.high_closed)


def _closed_pairs(a, b) -> list[bool]:
    """Whether each of the four products of the ends ``a`` and ``b`` (``((low, closed), (high, closed))``)
    is attained, in the order of :func:`_xmul` (low x low, low x high, high x low, high x high): as there,
    a product with a zero factor is attained exactly when that factor is attained."""
    return [(xc and yc) or (x == 0 and xc) or (y == 0 and yc) for x, xc in a for y, yc in b]


def _from_candidates(cands: list[tuple["Fraction | float", bool]]) -> Interval:
    """The interval spanned by exact candidate ends ``[(value, attained), ...]`` (:func:`_xmul`)."""
    lo = min(p for p, _ in cands)
    hi = max(p for p, _ in cands)
    lc = any(c for p, c in cands if p == lo) and lo not in (INF, -INF)
    hc = any(c for p, c in cands if p == hi) and hi not in (INF, -INF)
    return _outward(lo, hi, lc, hc)


def _as_interval(x: "Interval | float") -> Interval:
    return x if isinstance(x, Interval) else Interval.point(float(x))


def hull_all(intervals: Iterable[Interval]) -> Interval:
    """The smallest interval that contains every interval given.

    Raises:
        ValueError: when no interval is given.
    """
    it = iter(intervals)
    try:
        acc = next(it)
    except StopIteration:
        raise ValueError("hull_all() needs at least one interval") from None
    for iv in it:
        acc = acc.hull(iv)
    return acc
