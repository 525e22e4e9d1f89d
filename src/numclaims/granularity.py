"""Granularity tests for reported means, SDs and percentages: GRIM, GRIMMER and DEBIT.

A mean of ``n`` whole numbers is a whole number divided by ``n``; an SD of whole numbers comes from a
whole-number sum of squares. So only some rounded means and SDs are possible for a given ``n``. These
tests ask whether the numbers an article (or the study it cites) printed could have come from any
integer data of the stated size. They mirror the R package scrutiny (Jung, https://lhdjung.github.io/
scrutiny/): :func:`grim` is ``scrutiny::grim()``, :func:`grimmer` is ``scrutiny::grimmer()`` and
:func:`debit` is ``scrutiny::debit()``, with the differences listed in each docstring.

Reported values are strings, because trailing zeros are decimals: ``"5.20"`` reports two decimals and
``"5.2"`` one (scrutiny requires strings for the same reason). Every computation is exact: a reported
value is kept as the integer ``units`` in ``units / 10**places``, its rounding bounds as integer
numerators over a common denominator (the same as :class:`fractions.Fraction` arithmetic, without the
overhead), candidate means as ``sum / n`` compared by cross-multiplication, and SDs through their
squares. No float ever sits at a rounding boundary.

How reported values are read back (``rounding``)
------------------------------------------------

A value reported with ``d`` decimals stands for every true value that the given rounding procedure
turns into it. In units of the last decimal (``u = true * 10**d``) and for a reported ``R`` (also in
those units) the procedures of scrutiny's ``vignette("rounding-options")`` / ``reround()`` give:

================  ============================================================  =====================
``rounding``      rule                                                          true values read as R
================  ============================================================  =====================
``"up"``          nearest; a tie (a cut-off 5) goes up, toward +inf             ``[R-1/2, R+1/2)``
``"down"``        nearest; a tie goes down, toward -inf                         ``(R-1/2, R+1/2]``
``"even"``        nearest; a tie goes to the even neighbour (exact ties only)   closed if R even,
                                                                                open if R odd
``"up_from"``     up from ``threshold`` instead of 5                            ``[R-1+t, R+t)``
``"down_from"``   down from ``threshold`` instead of 5                          ``(R-1+t, R+t]``
``"ceiling"``     always up                                                     ``(R-1, R]``
``"floor"``       always down                                                   ``[R, R+1)``
``"trunc"``       toward zero                                                   floor if R>0, ceiling
                                                                                if R<0, ``(-1, 1)``
                                                                                if R=0
``"anti_trunc"``  away from zero (zero stays zero, as in scrutiny >= 1.0)       ceiling if R>0, floor
                                                                                if R<0, ``[0, 0]``
``"up_or_down"``  either ``"up"`` or ``"down"`` (the default, as in scrutiny)   ``[R-1/2, R+1/2]``
``"up_from_or_down_from"``  either of the two ``*_from`` procedures             union
``"ceiling_or_floor"``      either ``"ceiling"`` or ``"floor"``                 ``(R-1, R+1)``
``"anything"``    any single procedure above (not a scrutiny option; the most   ``(R-1, R+1)``
                  lenient reading when nothing is known about the software)
================  ============================================================  =====================

with ``t = threshold / 10``. Negative numbers follow scrutiny's default ``symmetric = FALSE``: "up"
means toward +inf for them too. A compound option passes a value set if any of its procedures does;
as in scrutiny, a mean and an SD are read back independently, so each may have used either procedure.

Difference from scrutiny >= 1.0 for ``"even"``: scrutiny accepts both neighbours of an exact decimal
tie because R's ``round()`` decides ties by the binary representation of a double; here a tie is
rounded to the even neighbour exactly as written (IEC 60559 / Python ``decimal.ROUND_HALF_EVEN``).
Use the default ``"up_or_down"`` when the software that produced the figure is unknown.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from numbers import Integral, Real

__all__ = ["ROUNDING", "decimals", "grim", "grimmer", "debit", "ShareFit", "share_fit", "nearest_parts", "bound_parts", "word_fraction"]

#: Accepted values of ``rounding`` (scrutiny's options plus ``"anything"``).
ROUNDING: tuple[str, ...] = (
    "up_or_down",
    "up",
    "down",
    "even",
    "ceiling",
    "floor",
    "trunc",
    "anything",
    "anti_trunc",
    "up_from",
    "down_from",
    "up_from_or_down_from",
    "ceiling_or_floor",
)

_SINGLE = ("up", "down", "even", "up_from", "down_from", "ceiling", "floor", "trunc", "anti_trunc")
_COMPOUND = {
    "up_or_down": ("up", "down"),
    "up_from_or_down_from": ("up_from", "down_from"),
    "ceiling_or_floor": ("ceiling", "floor"),
    "anything": _SINGLE,
}

_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


# --------------------------------------------------------------------------------------------------
# Parsing and validation
# --------------------------------------------------------------------------------------------------


def decimals(x: str) -> int:
    """Count the decimal places of a number written as a string, keeping trailing zeros.

    Args:
        x: a plain decimal numeral such as ``"5.20"``, ``"-0.5"``, ``".25"``, ``"42"`` or ``"42."``;
            surrounding whitespace is ignored. Exponents (``"1e3"``), thousands separators, ``"nan"``
            and ``"inf"`` are not numerals here, because their decimal count is not what was printed.

    Returns:
        The number of digits after the decimal point: ``decimals("5.20") == 2``, ``decimals("42") == 0``.

    Raises:
        TypeError: if ``x`` is not a ``str`` (a float has already lost its trailing zeros).
        ValueError: if ``x`` is not a plain decimal numeral; the message quotes it.

    Source: scrutiny ``decimal_places()``, which likewise counts trailing zeros of strings.
    """
    return _parse(x, "x")[1]


def _parse(text: object, name: str) -> tuple[int, int]:
    """Return ``(units, places)`` of a reported numeral: its exact value is ``units / 10**places``."""
    if not isinstance(text, str):
        raise TypeError(
            f"{name} must be a string so that trailing zeros count as decimals, got {type(text).__name__} "
            f"{text!r}"
        )
    s = text.strip()
    if not _NUMBER_RE.fullmatch(s):
        raise ValueError(f"{name} must be a decimal numeral such as '5.20', got {text!r}")
    whole, _, frac = s.partition(".")
    sign = -1 if whole.startswith("-") else 1
    digits = whole.lstrip("+-") + frac
    return sign * int(digits or "0"), len(frac)


def _check_count(value: object, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__} {value!r}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value!r}")
    return int(value)


def _check_rounding(rounding: object, threshold: object) -> Fraction:
    """Validate ``rounding`` and ``threshold``; return ``t = threshold / 10`` exactly."""
    if rounding not in ROUNDING:
        raise ValueError(f"rounding must be one of {', '.join(map(repr, ROUNDING))}; got {rounding!r}")
    if isinstance(threshold, bool) or not isinstance(threshold, (Real, Decimal)):
        raise TypeError(f"threshold must be a number, got {type(threshold).__name__} {threshold!r}")
    try:
        finite = math.isfinite(threshold)
    except ValueError:  # a signalling Decimal NaN
        finite = False
    if not finite:
        raise ValueError(f"threshold must be greater than 0 and less than 10, got {threshold!r}")
    return _tenth(threshold)


@lru_cache(maxsize=64)
def _tenth(threshold: Real | Decimal) -> Fraction:
    """``threshold / 10`` as an exact Fraction, after checking 0 < threshold < 10."""
    # A float threshold is read as written (5.5, not its binary neighbour).
    t = Fraction(Decimal(repr(threshold))) if isinstance(threshold, float) else Fraction(threshold)
    if not 0 < t < 10:
        raise ValueError(f"threshold must be greater than 0 and less than 10, got {threshold!r}")
    return t / 10


# --------------------------------------------------------------------------------------------------
# Exact intervals of true values, in integer arithmetic
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Span:
    """The exact interval ``lo/den .. hi/den`` (``den > 0``) with closed or open ends."""

    lo: int
    hi: int
    den: int
    lo_closed: bool
    hi_closed: bool


def _integers_between(lo: int, hi: int, den: int, lo_closed: bool, hi_closed: bool) -> range:
    """All integers ``k`` with ``lo/den <= k <= hi/den`` (ends as given); ``den > 0``."""
    first = -(-lo // den)  # ceil
    if first * den == lo and not lo_closed:
        first += 1
    last = hi // den  # floor
    if last * den == hi and not hi_closed:
        last -= 1
    return range(first, last + 1)


def _single_span(r: int, method: str, tn: int, td: int, unit: int) -> tuple[int, int, bool, bool]:
    """True values that ``method`` rounds to ``r`` (both in units of the last decimal), as
    ``(lo, hi, lo_closed, hi_closed)`` in units of ``1 / unit``; ``t = tn / td``; ``unit`` is a multiple
    of 2 and of ``td``."""
    half = unit // 2
    if method == "up":
        return r * unit - half, r * unit + half, True, False
    if method == "down":
        return r * unit - half, r * unit + half, False, True
    if method == "even":
        even = r % 2 == 0
        return r * unit - half, r * unit + half, even, even
    if method in ("up_from", "down_from"):
        shift = tn * (unit // td)
        up = method == "up_from"
        return (r - 1) * unit + shift, r * unit + shift, up, not up
    if method == "ceiling" or (method == "trunc" and r < 0) or (method == "anti_trunc" and r > 0):
        return (r - 1) * unit, r * unit, False, True
    if method == "floor" or (method == "trunc" and r > 0) or (method == "anti_trunc" and r < 0):
        return r * unit, (r + 1) * unit, True, False
    if method == "trunc":  # r == 0
        return -unit, unit, False, False
    if method == "anti_trunc":  # r == 0: only zero itself stays zero
        return 0, 0, True, True
    raise AssertionError(method)  # pragma: no cover - guarded by _check_rounding


def _true_values(units: int, places: int, rounding: str, t: Fraction) -> _Span:
    """All true values that ``rounding`` reports as ``units / 10**places``.

    For a compound option this is the union of its procedures' intervals. Every such interval contains
    the reported value itself, so the union is again one interval.
    """
    tn, td = t.numerator, t.denominator
    unit = 2 * td
    spans = [_single_span(units, m, tn, td, unit) for m in _COMPOUND.get(rounding, (rounding,))]
    lo = min(s[0] for s in spans)
    hi = max(s[1] for s in spans)
    return _Span(
        lo,
        hi,
        unit * 10**places,
        any(s[2] for s in spans if s[0] == lo),
        any(s[3] for s in spans if s[1] == hi),
    )


def _variances(sd: _Span) -> _Span | None:
    """Squares of the non-negative values in the SD span, i.e. the variances it allows (or None)."""
    lo, lo_closed = sd.lo, sd.lo_closed
    if lo < 0:
        lo, lo_closed = 0, True
    if sd.hi < lo or (sd.hi == lo and not (lo_closed and sd.hi_closed)):
        return None
    return _Span(lo * lo, sd.hi * sd.hi, sd.den * sd.den, lo_closed, sd.hi_closed)


# --------------------------------------------------------------------------------------------------
# Sums of squares of integer data
# --------------------------------------------------------------------------------------------------


def _min_sum_of_squares(n: int, total: int) -> int:
    """Smallest sum of squares of ``n`` integers summing to ``total``: values as equal as possible."""
    q, r = divmod(total, n)
    return (n - r) * q * q + r * (q + 1) * (q + 1)


def _attainable_small(n: int, total: int, squares: int) -> bool:
    """Exactly: do ``n`` (1 to 4) integers exist with this sum and this sum of squares?"""
    if n == 1:
        return squares == total * total
    if n == 2:
        # a + b = total, a^2 + b^2 = squares  <=>  (a - b)^2 = 2*squares - total^2, a - b = total (mod 2)
        d2 = 2 * squares - total * total
        if d2 < 0:
            return False
        d = math.isqrt(d2)
        return d * d == d2 and (d - total) % 2 == 0
    # Let a be the smallest value. Then a <= total/n and (a - total/n)^2 <= squares - total^2/n, i.e.
    # (n*a - total)^2 <= n*(n*squares - total^2).
    spread = n * squares - total * total
    if spread < 0:
        return False
    reach = math.isqrt(n * spread) + 1
    for a in range((total - reach) // n, total // n + 1):
        if (n * a - total) ** 2 <= n * spread and _attainable_small(n - 1, total - a, squares - a * a):
            return True
    return False


# --------------------------------------------------------------------------------------------------
# Public tests
# --------------------------------------------------------------------------------------------------


def grim(
    x: str,
    n: int,
    items: int = 1,
    percent: bool = False,
    rounding: str = "up_or_down",
    threshold: float = 5,
) -> bool:
    """GRIM test: can ``n`` integer observations have the reported mean (or percentage) ``x``?

    A mean of ``n * items`` integers is ``k / (n * items)`` for some integer ``k``. The test is passed if
    some ``k`` gives a true mean that ``rounding`` reports as ``x`` at ``x``'s own decimals. With
    ``percent=True``, ``x`` is a percentage with its own decimals and the test asks for an integer
    ``0 <= k <= n * items`` with ``100 * k / (n * items)`` reported as ``x``: ``grim("42", 50,
    percent=True)`` needs 21 of 50 (42 %) and passes; ``grim("71", 43, percent=True)`` fails because
    30/43 = 69.77 % and 31/43 = 72.09 %.

    Every integer ``k`` whose mean lies in the interval of true values that round to ``x`` is tried,
    not only the ones next to ``x * n``, so the test is exact for any ``n`` (for ``n * items`` above
    ``10 ** decimals`` every mean passes, as GRIM's authors note).

    Args:
        x: reported mean, or percentage if ``percent``; a decimal numeral string such as ``"5.19"``.
            Trailing zeros count (``"5.20"`` has two decimals). Negative means are allowed.
        n: sample size, an integer >= 1.
        items: number of integer items averaged into each observation (e.g. a 3-item Likert scale
            score), an integer >= 1; the mean is then one of ``k / (n * items)``.
        percent: read ``x`` as a percentage of ``n * items`` (0 to 100).
        rounding: how ``x`` was rounded, one of :data:`ROUNDING` (see the module docstring).
        threshold: the digit from which ``"up_from"`` / ``"down_from"`` round, 0 < threshold < 10;
            irrelevant for other procedures.

    Returns:
        ``True`` if ``x`` is possible for ``n`` (and ``items``), ``False`` if not.

    Raises:
        TypeError: ``x`` not a string, ``n`` or ``items`` not an integer, ``threshold`` not a number.
        ValueError: ``x`` not a decimal numeral (quoted in the message); ``n < 1``; ``items < 1``;
            ``percent`` and ``x`` outside 0-100; unknown ``rounding``; threshold outside (0, 10).

    Sources: Brown, N. J. L., & Heathers, J. A. J. (2017). The GRIM test: A simple technique detects
    numerous anomalies in the reporting of results in psychology. Social Psychological and Personality
    Science 8(4), 363-369 (preprint 2016). R package scrutiny, ``grim()`` (``items``, ``percent``,
    ``rounding`` and ``threshold`` as there; ``percent`` also shifts the decimals by two there).
    """
    units, places = _parse(x, "x")
    n = _check_count(n, "n", 1)
    items = _check_count(items, "items", 1)
    t = _check_rounding(rounding, threshold)
    total_n = n * items
    span = _true_values(units, places, rounding, t)
    if percent:
        if not 0 <= units <= 100 * 10**places:
            raise ValueError(f"a percentage x must lie between 0 and 100, got {x!r}")
        # k / total_n in span / 100, and 0 <= k <= total_n
        sums = _integers_between(
            span.lo * total_n, span.hi * total_n, 100 * span.den, span.lo_closed, span.hi_closed
        )
        sums = range(max(sums.start, 0), min(sums.stop, total_n + 1))
    else:
        sums = _integers_between(
            span.lo * total_n, span.hi * total_n, span.den, span.lo_closed, span.hi_closed
        )
    return len(sums) > 0


def grimmer(
    x: str,
    sd: str,
    n: int,
    items: int = 1,
    rounding: str = "up_or_down",
    threshold: float = 5,
) -> bool:
    """GRIMMER test: can ``n`` integer observations have the reported mean ``x`` *and* SD ``sd``?

    Each observation is ``s_i / items`` with ``s_i`` an integer (the sum of ``items`` integer items;
    ``items=1`` for plain integer data). The test is passed if, for some integer total ``T`` whose mean
    ``T / (n * items)`` is reported as ``x`` (every such ``T`` is tried, not only ``round(x * n)``), there
    is an integer sum of squares ``Q = sum(s_i ** 2)`` with

    1. a sample SD ``sqrt((Q - T**2 / n) / (n - 1)) / items`` that ``rounding`` reports as ``sd`` at
       ``sd``'s own decimals (Allard's A-GRIMMER: the bounds of ``sd`` give bounds on ``Q``);
    2. ``Q`` of the same parity as ``T``, because ``s**2`` and ``s`` are both odd or both even
       (Anaya's parity test; scrutiny's "test 3", applied per candidate ``T``);
    3. ``Q`` at least the sum of squares of ``n`` integers with total ``T`` that are as equal as
       possible (``T = q*n + r``: ``r`` values ``q + 1`` and ``n - r`` values ``q``), the smallest SD
       integer data with that sum can have; and
    4. for ``n <= 4``, ``Q`` actually reached by some ``n`` integers with total ``T``, checked exactly
       by search (e.g. for ``n = 2``, ``2*Q - T**2`` must be a square). For ``n >= 5`` every ``Q``
       passing 2 and 3 is reached (scrutiny >= 1.0 notes that only ``n < 5`` has further gaps; verified
       by exhaustive search for n = 5..7, and it carries over to larger n by adding balanced values).

    The largest SD is not bounded: the scale is taken to be unbounded (no scale minimum or maximum is
    known from a news report), so a larger sum of squares is always possible by spreading the data.
    Conditions 1-4 are therefore necessary and sufficient for integer data to exist: ``True`` means a
    data set of ``n`` integers (item sums) with these rounded summaries exists, ``False`` that none does.

    Args:
        x: reported mean, a decimal numeral string (trailing zeros count).
        sd: reported sample standard deviation (``n - 1`` denominator), a non-negative decimal numeral
            string; its own decimals decide how it was rounded.
        n: sample size, an integer >= 2 (a sample SD needs two observations).
        items: number of integer items averaged into each observation, an integer >= 1.
        rounding: how ``x`` and ``sd`` were rounded, one of :data:`ROUNDING`.
        threshold: digit from which ``"up_from"`` / ``"down_from"`` round, 0 < threshold < 10.

    Returns:
        ``True`` if mean, SD and ``n`` are consistent with integer data, else ``False``.

    Raises:
        TypeError: ``x`` or ``sd`` not a string, ``n`` or ``items`` not an integer.
        ValueError: ``x`` or ``sd`` not a decimal numeral (quoted); ``sd`` negative; ``n < 2``;
            ``items < 1``; unknown ``rounding``; threshold outside (0, 10).

    Differences from scrutiny's ``grimmer()`` up to 0.6, Allard's A-GRIMMER port (read from its source,
    not run here): it tests only ``T = round(x * n)`` (R rounds half to even, so for
    ``grimmer("8.9", "2.81", 25)`` only T = 222 is tried and the case fails, although T = 223,
    Q = 2179 gives mean 8.92 and SD 2.81247); it has no minimum-SD bound and no small-``n`` search (so
    it passes ``grimmer("1.44", "0.17", 9)`` and ``grimmer("1.5", "0.00", 8)``, which no integer data
    can produce); and it treats ``items`` as extra observations, a bug its documentation warns about.
    scrutiny 1.0's documentation describes the same minimum bound and small-``n`` gaps as here.

    Sources: Anaya, J. (2016). The GRIMMER test: A method for testing the validity of reported measures
    of variability. PeerJ Preprints 4:e2400v1. Allard, A. (2018). Analytic-GRIMMER: a new way of
    testing the possibility of standard deviations (blog post; the sum-of-squares bounds and the parity
    test). Heathers, J. A., Anaya, J., van der Zee, T., & Brown, N. J. (2018). Recovering data from
    summary statistics: Sample Parameter Reconstruction via Iterative TEchniques (SPRITE). PeerJ
    Preprints 6:e26968v1 (the GRIMMER/SPRITE family). R package scrutiny, ``grimmer()``.
    """
    units, places = _parse(x, "x")
    sd_units, sd_places = _parse(sd, "sd")
    n = _check_count(n, "n", 2)
    items = _check_count(items, "items", 1)
    t = _check_rounding(rounding, threshold)
    if sd_units < 0:
        raise ValueError(f"sd must not be negative, got {sd!r}")

    mean = _true_values(units, places, rounding, t)
    totals = _integers_between(
        mean.lo * n * items, mean.hi * n * items, mean.den, mean.lo_closed, mean.hi_closed
    )
    var = _variances(_true_values(sd_units, sd_places, rounding, t)) if totals else None
    if var is None:  # GRIM fails, or no SD reads as sd
        return False
    # Sum of squares of the item sums: Q = (n - 1) * items**2 * variance + T**2 / n. Multiplying by
    # n * var.den keeps the window's bounds whole numbers.
    per_var = (n - 1) * items * items * n
    den = n * var.den
    for total in totals:
        offset = total * total * var.den
        window = _integers_between(
            var.lo * per_var + offset, var.hi * per_var + offset, den, var.lo_closed, var.hi_closed
        )
        low = max(window.start, _min_sum_of_squares(n, total))
        if (low - total) % 2:
            low += 1
        for squares in range(low, window.stop, 2):
            if n >= 5 or _attainable_small(n, total, squares):
                return True
    return False


def debit(
    x: str,
    sd: str,
    n: int,
    rounding: str = "up_or_down",
    threshold: float = 5,
) -> bool:
    """DEBIT test: can binary (0/1) data of size ``n`` have the reported mean ``x`` and SD ``sd``?

    With ``k`` ones among ``n`` values the mean is ``p = k / n`` and the sample SD is
    ``sqrt(n / (n - 1) * p * (1 - p)) = sqrt(k * (n - k) / (n * (n - 1)))``. The test is passed if some
    ``k`` in ``0..n`` gives a mean reported as ``x`` (GRIM against ``n``) and, for that same ``k``, an SD
    reported as ``sd``. Every ``p`` the rounded mean allows is tried; since binary data can only have
    ``p = k / n``, this is exact: ``True`` means such 0/1 data exist and ``False`` that they do not.
    Example: ``debit("0.11", "0.32", 40)`` is ``False`` because no ``k / 40`` rounds to 0.11
    (4/40 = 0.100, 5/40 = 0.125).

    Args:
        x: reported mean (proportion of ones), a decimal numeral string between 0 and 1.
        sd: reported sample SD, a decimal numeral string between 0 and 1.
        n: sample size, an integer >= 2.
        rounding: how ``x`` and ``sd`` were rounded, one of :data:`ROUNDING`.
        threshold: digit from which ``"up_from"`` / ``"down_from"`` round, 0 < threshold < 10.

    Returns:
        ``True`` if mean, SD and ``n`` are consistent with binary data, else ``False``.

    Raises:
        TypeError: ``x`` or ``sd`` not a string, ``n`` not an integer.
        ValueError: ``x`` or ``sd`` not a decimal numeral (quoted); ``x`` or ``sd`` outside 0-1
            (``sd`` negative included); ``n < 2``; unknown ``rounding``; threshold outside (0, 10).

    Difference from scrutiny: this is scrutiny >= 1.0's default ``formula = "exact"``. scrutiny <= 0.6
    (``"mean_n"``) instead let ``p`` vary continuously over the rounding interval of ``x``, which
    accepts some SDs that no binary sample has (scrutiny's own example: ``x = "0.05", sd = "0.21",
    n = 20``, which this function rejects).

    Sources: Heathers, J. A. J., & Brown, N. J. L. (2019). DEBIT: A simple consistency test for binary
    data. https://osf.io/5vb3u/. R package scrutiny, ``debit()``.
    """
    units, places = _parse(x, "x")
    sd_units, sd_places = _parse(sd, "sd")
    n = _check_count(n, "n", 2)
    t = _check_rounding(rounding, threshold)
    if not 0 <= units <= 10**places:
        raise ValueError(f"the mean x of binary data must lie between 0 and 1, got {x!r}")
    if not 0 <= sd_units <= 10**sd_places:
        raise ValueError(f"the SD of binary data must lie between 0 and 1, got {sd!r}")

    mean = _true_values(units, places, rounding, t)
    ones = _integers_between(mean.lo * n, mean.hi * n, mean.den, mean.lo_closed, mean.hi_closed)
    ones = range(max(ones.start, 0), min(ones.stop, n + 1))
    var = _variances(_true_values(sd_units, sd_places, rounding, t)) if ones else None
    if var is None:  # GRIM fails, or no SD reads as sd
        return False
    # variance of k ones = k * (n - k) / (n * (n - 1)); compare against var.lo / var.den etc. in integers.
    scale = n * (n - 1)
    low, high = var.lo * scale, var.hi * scale
    for k in ones:
        v = k * (n - k) * var.den
        if (v > low or (var.lo_closed and v == low)) and (v < high or (var.hi_closed and v == high)):
            return True
    return False


# ------------------------------------------------------------------------------------------ shares by interval
@dataclass(frozen=True)
class ShareFit:
    """The outcome of :func:`share_fit`.

    Attributes:
        witness: ``(k, n)``, the first whole count ``k`` of a total ``n`` whose share fits (smallest ``n``
            first), or ``None`` when no whole count fits.
        cannot_fail: True when every total allowed is at least :attr:`threshold`, so some whole count fits
            any share interval this wide: the test carries no information (Brown & Heathers 2017: GRIM is
            uninformative once ``n >= 10 ** decimals``).
        threshold: the smallest total from which the test cannot fail for this interval's width
            (``None`` for a zero-width share, where it can always fail).
        undecided: True when the totals to try exceed :data:`SHARE_FIT_LIMIT` below the threshold; the
            test then does not decide and counts as passed (no alarm without proof).
    """

    witness: tuple[int, int] | None
    cannot_fail: bool
    threshold: int | None
    undecided: bool = False

    @property
    def fits(self) -> bool:
        """Whether a whole count fits (or the test cannot fail, or did not decide)."""
        return self.witness is not None or self.cannot_fail or self.undecided


#: The most totals :func:`share_fit` tries one by one (news shares have at most three decimals, so the
#: threshold is at most 100,001 and a total range of a few thousand values is the common case).
SHARE_FIT_LIMIT = 5000


def _ratio(x) -> tuple[int, int]:
    """``(numerator, denominator)`` of the exact value of ``x`` (a float, an int, a Fraction or anything
    :class:`fractions.Fraction` reads), the denominator positive."""
    t = type(x)
    if t is float or t is int:
        return x.as_integer_ratio()
    f = Fraction(x)
    return f.numerator, f.denominator


def _round_half_even(p: int, q: int) -> int:
    """``round(Fraction(p, q))`` for ``q > 0``: the nearest whole number, a half to the even one."""
    floor, rem = divmod(p, q)
    if 2 * rem != q:
        return floor + (2 * rem > q)
    return floor + (floor % 2)


def _share_ks(ln: int, ld: int, hn: int, hd: int, lc: bool, hc: bool, n: int, scale: int) -> tuple[int, int]:
    """The smallest and largest whole ``k`` in ``0..n`` with ``scale * k / n`` in the share interval from
    ``ln / ld`` to ``hn / hd`` (in integers: ``k >= ln * n / (ld * scale)`` and ``k <= hn * n / (hd * scale)``)."""
    a, ad = ln * n, ld * scale
    kmin = -(-a // ad)
    if not lc and kmin * ad == a:
        kmin += 1
    b, bd = hn * n, hd * scale
    kmax = b // bd
    if not hc and kmax * bd == b:
        kmax -= 1
    return max(kmin, 0), min(kmax, n)


def share_fit(share_low, share_high, low_closed: bool, high_closed: bool, total_low: int,
              total_high: int | None, scale: int = 100, near: float | None = None) -> ShareFit:
    """Does a whole count ``k`` of some whole total ``n`` have a share ``scale * k / n`` in the interval?

    The granularity test of a share *by interval* (GRIM, Brown & Heathers 2017, for percentages as in
    scrutiny's ``grim(percent = TRUE)``, generalised from the rounding band of a written figure to any
    interval of true values: "about 40 percent" -> [36, 44], "more than 42 percent" -> (42, 100]). Exact:
    bounds are read as the exact fractions of the floats given (``float.as_integer_ratio``), and every
    comparison is made between integers (cross-multiplied), which gives what :class:`fractions.Fraction`
    arithmetic gives without building a Fraction (``tests/test_granularity.py`` compares the two).

    Args:
        share_low, share_high: ends of the share interval, in units of ``1/scale`` (percent for 100,
            fraction for 1); ``share_high`` may be None (unbounded: read as ``scale``).
        low_closed, high_closed: whether the ends belong to the interval.
        total_low, total_high: the whole totals allowed, ``total_low >= 0``; ``total_high`` None for
            unbounded. A total of 0 has no share to test: the test cannot fail.
        scale: 100 for a percentage, 1 for a fraction of 1 (a positive whole number).
        near: the written share; the witness's ``k`` is the fitting count nearest to it (default: the
            smallest).

    Returns:
        A :class:`ShareFit`.

    Raises:
        ValueError: ``total_low < 0`` or ``total_high < total_low``.
    """
    if total_low < 0 or (total_high is not None and total_high < total_low):
        raise ValueError(f"totals must satisfy 0 <= low <= high, got {total_low!r}..{total_high!r}")
    if total_low == 0:
        return ShareFit(None, True, None)
    ln, ld = _ratio(max(share_low, 0)) if share_low is not None else (0, 1)
    lc = low_closed if share_low is not None and share_low >= 0 else True
    if share_high is None or share_high >= scale:
        (hn, hd), hc = (scale, 1), True if share_high is None or share_high > scale else high_closed
    else:
        (hn, hd), hc = _ratio(share_high), high_closed
    # lo = ln / ld and hi = hn / hd compared as ln * hd against hn * ld (both denominators positive)
    lo_x, hi_x = ln * hd, hn * ld
    if lo_x > hi_x or (lo_x == hi_x and not (lc and hc)):
        return ShareFit(None, False, None)
    # width = hi - lo = (hi_x - lo_x) / (ld * hd); threshold = floor(scale / width) + 1
    wn = hi_x - lo_x
    threshold = None if wn == 0 else (scale * ld * hd) // wn + 1
    cannot_fail = threshold is not None and total_low >= threshold
    if wn == 0:
        # lo / scale = ln / (ld * scale) in lowest terms has denominator q: n must be a multiple of q
        q = (ld * scale) // math.gcd(ln, ld * scale)
        n = max(-(-total_low // q), 1) * q
        if total_high is not None and n > total_high:
            return ShareFit(None, False, None)
        return ShareFit(((ln * n) // (ld * scale), n), False, None)  # lo >= 0: the floor is int()'s
    last = max(threshold, total_low) if total_high is None else min(total_high, max(threshold, total_low))
    if last - total_low >= SHARE_FIT_LIMIT:
        return ShareFit(None, False, threshold, True)
    nn, nd = _ratio(near) if near is not None else (0, 1)
    for n in range(total_low, last + 1):
        kmin, kmax = _share_ks(ln, ld, hn, hd, lc, hc, n, scale)
        if kmin <= kmax:
            k = kmin if near is None else min(max(_round_half_even(nn * n, nd * scale), kmin), kmax)
            return ShareFit((k, n), cannot_fail, threshold)
    return ShareFit(None, False, threshold)


#: The largest denominator of the simple fraction a word fraction names ("a third" 1/3, "nine out of ten"
#: 9/10, "one in a thousand" 1/1000): a record's ``value: 0.333333333`` is read as the 1/3 its words name.
WORD_FRACTION_DENOMINATOR = 1000


def _nearest_ks(v: Fraction, n: int, qualifier: str) -> tuple[int, int] | None:
    """The smallest and largest whole ``k`` whose share ``k / n`` is the achievable share nearest ``v``
    (both neighbours on a tie), or for ``nearly`` the nearest below ``v``; None when none is. A non-zero
    fraction is at least 1 of the whole and a fraction below 1 at most ``n - 1`` of it (``n`` of ``n`` is
    "all", 0 of ``n`` "none"), so ``k`` is drawn from :func:`_part_range` only."""
    kmin, kmax = _part_range(v, n)
    if kmin > kmax:
        return None
    x = v * n
    floor = x.numerator // x.denominator
    if qualifier == "nearly":
        k = min(-(-x.numerator // x.denominator) - 1, kmax)  # the largest k with k / n < v
        return (k, k) if k >= kmin else None
    rem = x - floor
    lo = floor if rem <= Fraction(1, 2) else floor + 1
    hi = floor + 1 if rem >= Fraction(1, 2) and rem else floor
    return min(max(lo, kmin), kmax), min(max(hi, kmin), kmax)


def _part_range(v: Fraction, n: int) -> tuple[int, int]:
    """The whole parts ``kmin..kmax`` a word fraction ``v`` may name of a whole of ``n``: ``0..0`` for 0 and
    ``n..n`` for 1 ("none", "all"), ``1..n - 1`` for a fraction between, ``1..`` (no top) above 1."""
    if v == 0:
        return 0, 0
    if v == 1:
        return n, n
    return 1, (n - 1 if v < 1 else v.numerator * n)


def word_fraction(share: float) -> Fraction:
    """The simple fraction a word fraction's value names, denominator at most
    :data:`WORD_FRACTION_DENOMINATOR`: a record's 0.333333333 is 1/3 and 0.666666667 is 2/3."""
    return Fraction(share).limit_denominator(WORD_FRACTION_DENOMINATOR)


#: The qualifiers that bound a word fraction in one direction, read on its exact fraction (:func:`bound_parts`).
BOUND_QUALIFIERS = ("more_than", "at_least", "less_than", "up_to")


def bound_parts(share: float, qualifier: str, total_low: int, total_high: int | None) -> tuple[int, int | None] | None:
    """The whole parts ``k`` of a whole total ``n`` in ``total_low..total_high`` (``None``: unbounded) that a
    word fraction bounded in one direction allows, compared with the exact fraction its words name
    (:func:`word_fraction`), never its typed decimal, and never beyond the whole: ``more_than``
    ``v n < k <= n``, ``at_least`` ``v n <= k <= n``, ``less_than`` ``0 <= k < v n``, ``up_to``
    ``0 <= k <= v n``. "more than a third of the 6 members" is 3..6 (2 is exactly a third, not more than
    it); "more than half of the 4 judges" 3..4 (5 of 4 is no part of them); "less than two-thirds of 3"
    0..1 (2 is exactly two-thirds). Returns ``(smallest k, largest k or None for unbounded)``, or None
    when no total allows one (more than half of 0).

    Raises:
        ValueError: a qualifier not in :data:`BOUND_QUALIFIERS`, ``total_low < 0``,
            ``total_high < total_low`` or a negative ``share``.
    """
    if qualifier not in BOUND_QUALIFIERS:
        raise ValueError(f"qualifier must be one of {BOUND_QUALIFIERS}, got {qualifier!r}")
    if total_low < 0 or (total_high is not None and total_high < total_low) or share < 0:
        raise ValueError(f"need 0 <= share and 0 <= low <= high, got {share!r} of {total_low!r}..{total_high!r}")
    v = word_fraction(share)
    # both ends move up with n: the smallest total that allows a part gives the smallest, the largest the largest
    ends = []
    for n in (total_low, total_low + 1) if total_high is None else (total_low, total_low + 1, total_high):
        if total_high is not None and n > total_high:
            continue
        x = v * n
        floor, ceil = x.numerator // x.denominator, -(-x.numerator // x.denominator)
        lo, hi = {"more_than": (floor + 1, n), "at_least": (ceil, n),
                  "less_than": (0, min(ceil - 1, n)), "up_to": (0, min(floor, n))}[qualifier]
        if lo <= hi:
            ends.append((lo, hi))
    if not ends:
        return None
    return ends[0][0], (None if total_high is None else ends[-1][1])


def nearest_parts(share: float, qualifier: str, total_low: int, total_high: int | None) -> tuple[int, int | None] | None:
    """The whole parts a word fraction of a whole count names: for every whole total ``n`` in
    ``total_low..total_high`` (``None``: unbounded), the counts ``k`` whose share ``k / n`` is the
    achievable share nearest the word's value ``share`` (a fraction of 1), both neighbours on a tie; for
    ``nearly``, the nearest share below it. ``k`` is drawn from ``1..n - 1`` for a fraction between 0 and
    1 (a non-zero fraction is at least one of the whole, and short of "all" not all of it: "one in five of
    the 2 residents" is 1, not the 0 nearest 0.4; "half" of 1 names none). Returns ``(smallest k, largest k or None for unbounded)``, or
    None when no total has one.

    A whole of ``n`` has only the shares ``k / n`` (GRIM, Brown & Heathers 2017), so "a third of the 8
    trustees" names the share of 8 nearest 1/3: 3/8 = 0.375 (distance 0.042; 2/8 is 0.083 away), and "half
    of the 5 members" 2/5 or 3/5 (both 0.1 away). ``share`` is read as the simple fraction its words name
    (denominator at most :data:`WORD_FRACTION_DENOMINATOR`: 0.333333333 -> 1/3). ``qualifier`` is
    ``exact``, ``approximately`` or ``nearly`` (the readings of a word fraction's interval,
    :func:`numclaims.rules.interval_for_word_fraction`).

    Raises:
        ValueError: ``total_low < 0``, ``total_high < total_low`` or a negative ``share``.
    """
    if total_low < 0 or (total_high is not None and total_high < total_low) or share < 0:
        raise ValueError(f"need 0 <= share and 0 <= low <= high, got {share!r} of {total_low!r}..{total_high!r}")
    v = word_fraction(share)
    last_n = total_low + 1 if total_high is None else min(total_low + 1, total_high)
    first = next((ks for n in range(total_low, last_n + 1) if (ks := _nearest_ks(v, n, qualifier))), None)
    if first is None:
        return None
    if total_high is None:
        return first[0], None
    last = _nearest_ks(v, total_high, qualifier)
    return first[0], (first[1] if last is None else last[1])
