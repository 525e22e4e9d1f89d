"""Intervals of true values and their arithmetic.

An :class:`Interval` is the set of real values compatible with what an article wrote. Either side may
be unbounded (``None``) and each bounded side is closed or open. Arithmetic follows ordinary interval
arithmetic (Moore, *Interval Analysis*, 1966): the result of ``a op b`` is the smallest interval that
holds ``x op y`` for every ``x`` in ``a`` and ``y`` in ``b``. Bounds are floats; every figure a news
article prints is far inside the range where float arithmetic on sums and products of two or three
numbers is exact to the unit, and the granularity tests that need exact decimals use
:mod:`numclaims.granularity` instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable

INF = math.inf


def _fmt(x: float) -> str:
    """Format a bound for explanations: thousands separators, no needless decimals."""
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}" if abs(x) >= 1 else f"{x:.6g}"


@dataclass(frozen=True, slots=True)
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

    def __post_init__(self) -> None:
        for name in ("low", "high"):
            v = getattr(self, name)
            if v is not None and (isinstance(v, bool) or not math.isfinite(v)):
                raise ValueError(f"interval {name} must be a finite number or None, got {v!r}")
        if self.low is not None and self.high is not None:
            if self.low > self.high:
                raise ValueError(f"interval low {self.low!r} is above high {self.high!r}")
            if self.low == self.high and not (self.low_closed and self.high_closed):
                raise ValueError(f"interval at {self.low!r} with an open end is empty")
        # Normalise: an unbounded side is open by convention.
        if self.low is None and self.low_closed:
            object.__setattr__(self, "low_closed", False)
        if self.high is None and self.high_closed:
            object.__setattr__(self, "high_closed", False)

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

    def intersect(self, other: "Interval") -> "Interval | None":
        """The common part of two intervals, or ``None`` when they are disjoint."""
        if self.lo > other.lo or (self.lo == other.lo and not self.low_closed):
            lo, lc = self.lo, self.low_closed
        else:
            lo, lc = other.lo, other.low_closed
        if self.hi < other.hi or (self.hi == other.hi and not self.high_closed):
            hi, hc = self.hi, self.high_closed
        else:
            hi, hc = other.hi, other.high_closed
        if lo > hi or (lo == hi and not (lc and hc)):
            return None
        return Interval._from_inf(lo, hi, lc, hc)

    def overlaps(self, other: "Interval") -> bool:
        """True when the two intervals share at least one value."""
        return self.intersect(other) is not None

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

    def inner(self, fraction: float = 0.1) -> "Interval":
        """The interval without its outer ``fraction`` at each bounded end.

        A bounded interval ``[a, b]`` becomes ``[a + f(b-a), b - f(b-a)]``. A half-bounded one moves its
        finite end inward by ``f * max(|bound|, 1)`` (there is no width to take a tenth of). An
        unbounded side stays unbounded. Used to define the ``tension`` verdict
        (see :mod:`numclaims.checks.base`).
        """
        if self.bounded:
            d = fraction * self.width
            if d == 0:
                return self
            return Interval(self.low + d, self.high - d)
        lo, hi = self.lo, self.hi
        if self.low is not None:
            lo = self.low + fraction * max(abs(self.low), 1.0)
        if self.high is not None:
            hi = self.high - fraction * max(abs(self.high), 1.0)
        return Interval._from_inf(lo, hi, True, True)

    # ------------------------------------------------------------------ arithmetic
    def __add__(self, other: "Interval | float") -> "Interval":
        o = _as_interval(other)
        return Interval._from_inf(
            self.lo + o.lo,
            self.hi + o.hi,
            self.low_closed and o.low_closed,
            self.high_closed and o.high_closed,
        )

    def __neg__(self) -> "Interval":
        return Interval._from_inf(-self.hi, -self.lo, self.high_closed, self.low_closed)

    def __sub__(self, other: "Interval | float") -> "Interval":
        return self + (-_as_interval(other))

    def __mul__(self, other: "Interval | float") -> "Interval":
        o = _as_interval(other)
        cands = []
        for a, ac in ((self.lo, self.low_closed), (self.hi, self.high_closed)):
            for b, bc in ((o.lo, o.low_closed), (o.hi, o.high_closed)):
                p = 0.0 if (a == 0 or b == 0) else a * b
                # A product with a zero factor is attained exactly when that factor is attained.
                closed = (ac and bc) or (a == 0 and ac) or (b == 0 and bc)
                cands.append((p, closed))
        lo = min(p for p, _ in cands)
        hi = max(p for p, _ in cands)
        lc = any(c for p, c in cands if p == lo)
        hc = any(c for p, c in cands if p == hi)
        return Interval._from_inf(lo, hi, lc, hc)

    __rmul__ = __mul__

    def reciprocal(self) -> "Interval":
        """``1 / x`` over the interval.

        Raises:
            ZeroDivisionError: when the interval contains 0 (the result would not be an interval).
        """
        if self.contains(0.0) or (self.lo < 0 < self.hi):
            raise ZeroDivisionError(f"interval {self} contains 0")
        if self.hi <= 0:
            return -((-self).reciprocal())
        lo = 0.0 if self.high is None else 1.0 / self.high
        hi = INF if self.lo == 0 else 1.0 / self.lo
        return Interval._from_inf(lo, hi, self.high is not None and self.high_closed,
                                  self.lo != 0 and self.low_closed)

    def __truediv__(self, other: "Interval | float") -> "Interval":
        return self * _as_interval(other).reciprocal()

    # ------------------------------------------------------------------ text
    def __str__(self) -> str:
        left = "[" if self.low_closed else "("
        right = "]" if self.high_closed else ")"
        lo = "-inf" if self.low is None else _fmt(self.low)
        hi = "+inf" if self.high is None else _fmt(self.high)
        return f"{left}{lo}, {hi}{right}"


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
