"""Tests for numclaims.granularity (GRIM, GRIMMER, DEBIT).

Every expected value in the tables is worked out by hand in its comment or taken from a named source.
The brute-force section then re-derives the tricky verdicts from integer data sets enumerated right
here, rounded with a reference rounding written independently of the module (floor of twice the value,
integer square roots), so a wrong module answer cannot agree with a wrong expectation by construction.
"""

from __future__ import annotations

import itertools
import math
from fractions import Fraction
from math import isqrt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.granularity import ROUNDING, debit, decimals, grim, grimmer

# --------------------------------------------------------------------------------------------------
# Independent reference rounding (used only by the brute-force tests)
# --------------------------------------------------------------------------------------------------


def _round_twice(f: int, exact: bool, mode: str) -> int:
    """Round s to an integer given f = floor(2*s) and whether 2*s == f exactly."""
    tie = exact and f % 2 == 1  # s = m + 1/2 exactly
    if mode == "floor":
        return f // 2
    if mode == "ceiling":
        return f // 2 if exact and f % 2 == 0 else f // 2 + 1
    if mode == "up":  # ties toward +inf
        return (f + 1) // 2
    if mode == "down":  # ties toward -inf
        return f // 2 if tie else (f + 1) // 2
    if mode == "even":
        if tie:
            return f // 2 if (f // 2) % 2 == 0 else f // 2 + 1
        return (f + 1) // 2
    raise ValueError(mode)


def ref_round(v: Fraction, digits: int, mode: str) -> int:
    """v rounded at `digits` decimals, in units of the last decimal."""
    twice = 2 * v * 10**digits
    f = math.floor(twice)
    return _round_twice(f, twice == f, mode)


def ref_round_sqrt(var: Fraction, digits: int, mode: str) -> int:
    """sqrt(var) rounded at `digits` decimals, in units of the last decimal (exact, no floats)."""
    four_y = 4 * var * 10 ** (2 * digits)  # (2 * sqrt(var) * 10**digits) ** 2
    p, q = four_y.numerator, four_y.denominator
    f = isqrt(p * q) // q  # floor(sqrt(p / q))
    return _round_twice(f, f * f == four_y, mode)


def fmt(units: int, digits: int) -> str:
    """Format an integer count of 10**-digits as the string a paper would print."""
    sign = "-" if units < 0 else ""
    s = str(abs(units)).rjust(digits + 1, "0")
    return sign + (f"{s[:-digits]}.{s[-digits:]}" if digits else s)


def mean_var(data) -> tuple[Fraction, Fraction]:
    n, s, q = len(data), sum(data), sum(v * v for v in data)
    return Fraction(s, n), Fraction(n * q - s * s, n * (n - 1))


def reported_pairs(datasets, dx: int, dsd: int, modes=("up", "down"), items: int = 1) -> set:
    """All (mean, sd) strings that some data set could be reported as (mean and SD each in any mode)."""
    out = set()
    for data in datasets:
        mean, var = mean_var(data)
        mean, var = mean / items, var / (items * items)
        means = {fmt(ref_round(mean, dx, m), dx) for m in modes}
        sds = {fmt(ref_round_sqrt(var, dsd, m), dsd) for m in modes}
        out.update(itertools.product(means, sds))
    return out


def complete_range(x: str, sd: str, n: int, items: int = 1) -> range:
    """Integers (item sums) that any data set reported as (x, sd) with n values can contain.

    A single value is at most sqrt(sum of squared deviations) = sqrt((n - 1) * var) from the mean; the
    true mean is within one last-decimal step of x and the true SD below sd + one step, whatever the
    rounding procedure. Floats are fine here: a tiny margin only widens the search.
    """
    step_x, step_sd = 10.0 ** -decimals(x), 10.0 ** -decimals(sd)
    reach = math.sqrt(n - 1) * (float(sd) + step_sd) * items
    lo = (float(x) - step_x) * items - reach
    hi = (float(x) + step_x) * items + reach
    return range(math.ceil(lo - 1e-9), math.floor(hi + 1e-9) + 1)


def _units(text: str) -> int:
    return int(Fraction(text) * 10 ** decimals(text))


def brute_grimmer(x: str, sd: str, n: int) -> list[tuple[int, ...]]:
    """Every multiset of n integers (from the complete range) reported as (x, sd) under up/down."""
    dx, dsd, xu, su = decimals(x), decimals(sd), _units(x), _units(sd)
    hits = []
    for data in itertools.combinations_with_replacement(complete_range(x, sd, n), n):
        mean, var = mean_var(data)
        if xu in (ref_round(mean, dx, "up"), ref_round(mean, dx, "down")):
            if su in (ref_round_sqrt(var, dsd, "up"), ref_round_sqrt(var, dsd, "down")):
                hits.append(data)
    return hits


# --------------------------------------------------------------------------------------------------
# decimals() and the ROUNDING tuple
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [("5.20", 2), ("5.2", 1), ("42", 0), ("42.", 0), (".5", 1), ("-0.050", 3), (" 7.0 ", 1), ("+3.14", 2)],
)
def test_decimals_keeps_trailing_zeros(text, expected):
    assert decimals(text) == expected


def test_rounding_tuple_has_the_documented_options():
    for option in ("up_or_down", "up", "down", "even", "ceiling", "floor", "trunc", "anything"):
        assert option in ROUNDING
    assert ROUNDING[0] == "up_or_down"


# --------------------------------------------------------------------------------------------------
# GRIM table
# --------------------------------------------------------------------------------------------------

GRIM_CASES = [
    # (x, n, kwargs, expected)
    # scrutiny vignette("grim") first example: 5.27*43 = 226.61 -> 226/43 = 5.2558 (5.26)
    #   or 227/43 = 5.2791 (5.28)
    ("5.27", 43, {}, False),
    # scrutiny grim() docs example: 5.19*28 = 145.32 -> 145/28 = 5.1786 (5.18) or 146/28 = 5.2143 (5.21)
    ("5.19", 28, {}, False),
    # scrutiny grim() docs example: 5.19*32 = 166.08 -> 166/32 = 5.1875 -> 5.19
    ("5.19", 32, {}, True),
    # scrutiny tests (seq 5.19..5.30, n = 28): 5.21 T, 5.25 T, 5.29 T
    ("5.21", 28, {}, True),  # 146/28 = 5.2143
    ("5.25", 28, {}, True),  # 147/28 = 5.25 exactly
    ("5.29", 28, {}, True),  # 148/28 = 5.2857
    # trailing zero counts: 5.20*28 = 145.6 -> 145 (5.1786) or 146 (5.2143): neither is 5.20 ...
    ("5.20", 28, {}, False),
    # ... but "5.2" has one decimal and 146/28 = 5.214 -> 5.2
    ("5.2", 28, {}, True),
    # scrutiny pigs1 / README: 7.22*32 = 231.04 -> 231/32 = 7.21875 -> 7.22
    ("7.22", 32, {}, True),
    # pigs1: 4.74*25 = 118.5 -> 118/25 = 4.72, 119/25 = 4.76
    ("4.74", 25, {}, False),
    # pigs1: 2.68*28 = 75.04 -> 75/28 = 2.6786 -> 2.68
    ("2.68", 28, {}, True),
    # pigs1: 0.24*28 = 6.72 -> 6/28 = 0.2143, 7/28 = 0.25
    ("0.24", 28, {}, False),
    # scrutiny docs example, 2 items: 2.84*32 = 90.88 -> 91/32 = 2.84375 -> 2.84
    ("2.84", 16, {"items": 2}, True),
    # scrutiny tests, n = 120, items = 3 (360 values): 0.151*360 = 54.36 -> 54/360 = 0.15, 55/360 = 0.15278
    ("0.151", 120, {"items": 3}, False),
    # same: 0.158*360 = 56.88 -> 57/360 = 0.158333 -> 0.158
    ("0.158", 120, {"items": 3}, True),
    # a whole-number mean is possible for any n: 5*7 = 35
    ("5", 7, {}, True),
    # rigormd.com GRIM explainer (after Brown & Heathers): with n = 20 every mean is a multiple of
    #   0.05, so 3.03 is impossible (60/20 = 3.00, 61/20 = 3.05)
    ("3.03", 20, {}, False),
    # --- percentages ---
    # scrutiny docs example: 71% of 43 = 30.53 -> 30/43 = 69.77%, 31/43 = 72.09%
    ("71", 43, {"percent": True}, False),
    # 42% of 50 = 21 exactly
    ("42", 50, {"percent": True}, True),
    ("42.0", 50, {"percent": True}, True),  # 21/50 = 42.0%
    # 42.1% of 50 = 21.05 -> 21/50 = 42.0%, 22/50 = 44.0%
    ("42.1", 50, {"percent": True}, False),
    # scrutiny tests (6..16 % of 50): 7% of 50 = 3.5 -> 6% or 8%
    ("7", 50, {"percent": True}, False),
    # scrutiny pigs2: 54.0% of 150 = 81 exactly
    ("54.0", 150, {"percent": True}, True),
    # pigs2: 67.4% of 150 = 101.1 -> 101/150 = 67.33% (67.3), 102/150 = 68.0%
    ("67.4", 150, {"percent": True}, False),
    # --- rounding procedures: 9/8 = 1.125 is an exact tie at two decimals ---
    ("1.13", 8, {"rounding": "up"}, True),  # 1.125 half up -> 1.13
    ("1.13", 8, {"rounding": "down"}, False),  # 1.125 half down -> 1.12; 10/8 = 1.25 too far
    ("1.12", 8, {"rounding": "down"}, True),
    ("1.12", 8, {"rounding": "even"}, True),  # tie to the even last digit 2
    ("1.13", 8, {"rounding": "even"}, False),
    ("1.13", 8, {"rounding": "ceiling"}, True),  # ceiling(1.125) = 1.13
    ("1.13", 8, {"rounding": "floor"}, False),  # floor(1.125) = 1.12
    ("1.12", 8, {}, True),  # default up_or_down passes either neighbour of a tie
    ("1.13", 8, {}, True),
    # negatives (scrutiny symmetric = FALSE): -9/8 = -1.125; up -> -1.12 (toward +inf),
    #   trunc -> -1.12, floor -> -1.13
    ("-1.12", 8, {"rounding": "up"}, True),
    ("-1.13", 8, {"rounding": "up"}, False),
    ("-1.12", 8, {"rounding": "trunc"}, True),
    ("-1.13", 8, {"rounding": "trunc"}, False),
    ("-1.13", 8, {"rounding": "floor"}, True),
    # "anything" allows (1.13, 1.15) -> sums in (9.04, 9.2): none
    ("1.14", 8, {"rounding": "anything"}, False),
    # threshold: 1.125 rounded up only from 6 -> 1.12; rounded down only up to 4 -> 1.13
    ("1.13", 8, {"rounding": "up_from", "threshold": 6}, False),
    ("1.12", 8, {"rounding": "up_from", "threshold": 6}, True),
    ("1.13", 8, {"rounding": "down_from", "threshold": 4}, True),
]


@pytest.mark.parametrize("x, n, kwargs, expected", GRIM_CASES)
def test_grim_table(x, n, kwargs, expected):
    assert grim(x, n, **kwargs) is expected


# --------------------------------------------------------------------------------------------------
# GRIMMER table
# --------------------------------------------------------------------------------------------------

GRIMMER_CASES = [
    # (x, sd, n, kwargs, expected)
    # Brief / every candidate sum: 8.9*25 = 222.5 -> T = 222 (8.88) or 223 (8.92).
    #   sd 2.81 -> var in [2.805^2, 2.815^2] = [7.868, 7.924]; Q = 24*var + T^2/25.
    #   T = 222: Q in [2160.19, 2161.54] -> 2161, odd vs even T: parity fails.
    #   T = 223: Q in [2177.99, 2179.34] -> 2179 odd = T odd;
    #   var = (2179 - 1989.16)/24 = 7.91, sd 2.81247 -> 2.81.
    #   (scrutiny <= 0.6 tries only round(222.5) = 222 in R and says FALSE.)
    ("8.9", "2.81", 25, {}, True),
    # ... and the other way round: 1.2*12 = 14.4 -> T = 14 (1.1667) or 15 (1.25, a tie: up 1.3, down 1.2).
    #   sd 1.27 -> 11*var in [17.60, 17.88]; T = 14: T^2/12 = 16.33 -> Q in [33.94, 34.22] -> 34,
    #   even = T even, >= Qmin 18; sd = sqrt(17.667/11) = 1.2673.
    #   T = 15: T^2/12 = 18.75 -> Q in [36.35, 36.63]: no integer.
    ("1.2", "1.27", 12, {}, True),
    # Brief / minimum SD: 1.44*9 = 12.96 -> T = 13 (1.444). Most equal data: four 2s, five 1s, Q = 21,
    #   sd = sqrt((21 - 169/9)/8) = 0.527 > 0.175.
    #   (A-GRIMMER alone: Q window [18.996, 19.023] -> 19, odd = T odd -> passes.)
    ("1.44", "0.17", 9, {}, False),
    # Brief: 1.5*8 = 12 -> T = 12 only; SD 0.00 means all values equal 1.5, impossible; least SD is
    #   four 1s four 2s: sqrt((20 - 18)/7) = 0.5345.
    ("1.5", "0.00", 8, {}, False),
    # ... and that least SD itself is fine: 0.5345 -> 0.53
    ("1.5", "0.53", 8, {}, True),
    ("1.44", "0.53", 9, {}, True),  # five 1s four 2s: sqrt(20/72) = 0.527 -> 0.53
    # rounding procedures on 0.5345: floor 0.53, ceiling 0.54;
    #   "0.54" under floor: window [0.54, 0.55) -> Q in [20.04, 20.12): no integer
    ("1.5", "0.53", 8, {"rounding": "floor"}, True),
    ("1.5", "0.54", 8, {"rounding": "ceiling"}, True),
    ("1.5", "0.54", 8, {"rounding": "floor"}, False),
    # scrutiny vignette("grimmer") example: 7.3*12 = 87.6 -> T = 87 (7.25) or 88 (7.33).
    #   var in [6.275, 6.325], 11*var in [69.03, 69.58]; T = 87: Q in [699.78, 700.33] -> 700 even vs odd T;
    #   T = 88: Q in [714.36, 714.91] has no integer.
    ("7.3", "2.51", 12, {}, False),
    # scrutiny grimmer() docs example: 5.23*35 = 183.05 -> T = 183 (5.2286); 184/35 = 5.257.
    #   34*var in [220.22, 221.95], T^2/35 = 956.83 -> Q in [1177.05, 1178.78] -> 1178 even vs odd T.
    ("5.23", "2.55", 35, {}, False),
    # scrutiny grimmer() docs example: 5.23*31 = 162.13 -> T = 162 (5.2258). 30*var in [194.31, 195.84],
    #   T^2/31 = 846.58 -> Q in [1040.89, 1042.42] -> 1042 even = T even; sd = sqrt(195.42/30) = 2.5523.
    ("5.23", "2.55", 31, {}, True),
    # scrutiny tests (rsprite2 GRIMMER examples): 5.21*28 -> T = 146; sd 1.6 -> 27*var in [64.87, 73.51],
    #   T^2/28 = 761.29 -> Q in [826.15, 834.79]; 828 is even = T even and >= Qmin 766 (22 fives, 6 sixes).
    ("5.21", "1.6", 28, {}, True),
    # rsprite2 example: 3.44*18 -> T = 62; 17*var in [103.30, 104.14], T^2/18 = 213.56
    #   -> Q in [316.85, 317.69]
    #   -> 317 odd vs even T.
    ("3.44", "2.47", 18, {}, False),
    # small n: two integers with mean 2.5 are (2,3), (1,4), (0,5), ...: SDs 0.71, 2.12, 3.54, never 1.58.
    #   Parity alone passes (Q = 15 odd, T = 5 odd, Q >= 13), but 2*15 - 25 = 5 is not a square.
    ("2.5", "0.71", 2, {}, True),
    ("2.5", "1.58", 2, {}, False),
    # small n: 4 integers with sum 8 and sum of squares 44 do not exist
    #   (sd would be sqrt(28/3) = 3.055 -> 3.06);
    #   neighbours Q = 42 (sd 2.94) and 46 (sd 3.16). Parity and minimum (16) pass; A-GRIMMER says TRUE.
    ("2.00", "3.06", 4, {}, False),
    # items: scrutiny grimmer() docs example with 2 items: N = 126, 2.74*126 = 345.24 -> T = 345 (2.7381);
    #   SD of item sums in [1.91, 1.93] -> Q in [2115.47, 2120.23] -> 2117 odd = T odd, >= Qmin 1905.
    ("2.74", "0.96", 63, {"items": 2}, True),
    # items are not extra observations: two people, 2 items each, mean 1.25 -> item sums total 5:
    #   (2,3) -> scores 1.0, 1.5, sd 0.354; (1,4) -> 0.5, 2.0, sd 1.061. So 0.35 yes, 0.50 no ...
    ("1.25", "0.35", 2, {"items": 2}, True),
    ("1.25", "0.50", 2, {"items": 2}, False),
    # ... while four single integers (1,1,1,2) give mean 1.25, sd 0.50.
    ("1.25", "0.50", 4, {}, True),
    # An SD exactly on a rounding boundary: one 1 and 99 zeros -> mean 0.01,
    #   var = (100*1 - 1)/(100*99) = 0.01, sd = 0.1 exactly. Any data with mean 0.01 and n = 100
    #   have T = 1, and Q = 1 is the least sum of squares.
    #   Truncated, 0.1 stays "0.1", never "0.0" (trunc reads "0.0" as the open (-0.1, 0.1)).
    ("0.01", "0.1", 100, {"rounding": "trunc"}, True),
    ("0.01", "0.0", 100, {"rounding": "trunc"}, False),
    ("0.01", "0.10", 100, {}, True),
]


@pytest.mark.parametrize("x, sd, n, kwargs, expected", GRIMMER_CASES)
def test_grimmer_table(x, sd, n, kwargs, expected):
    assert grimmer(x, sd, n, **kwargs) is expected


# --------------------------------------------------------------------------------------------------
# DEBIT table
# --------------------------------------------------------------------------------------------------

DEBIT_CASES = [
    # (x, sd, n, kwargs, expected); SD of k ones in n: sqrt(k*(n-k)/(n*(n-1)))
    # Brief: 0.11*40 = 4.4 -> 4/40 = 0.100, 5/40 = 0.125: GRIM fails whatever the SD.
    ("0.11", "0.32", 40, {}, False),
    # scrutiny vignette("debit"): 0.35*20 = 7 -> k = 7, sd = sqrt(91/380) = 0.4894 -> 0.49, not 0.18
    ("0.35", "0.18", 20, {}, False),
    ("0.35", "0.49", 20, {}, True),
    # scrutiny debit() docs example: 0.36*20 = 7.2 -> 7/20 = 0.35, 8/20 = 0.40: GRIM fails
    ("0.36", "0.11", 20, {}, False),
    # scrutiny pigs3 (expected T,T,T,F,T,T,T in scrutiny's tests), rows 1, 4, 7:
    #   0.53: k = 892 -> p = 0.53001, sd = sqrt(0.2491*1683/1682) = 0.4993 -> 0.50
    ("0.53", "0.50", 1683, {}, True),
    #   0.19: p in [0.185, 0.195] -> sd in [0.388, 0.397]: never 0.35
    ("0.19", "0.35", 1683, {}, False),
    #   0.12: k = 202..210 gives p in [0.1200, 0.1248], sd in [0.325, 0.331] -> 0.33
    ("0.12", "0.33", 1683, {}, True),
    # scrutiny tests: k = 1 of 20 -> sd = sqrt(19/380) = 0.2236 -> 0.22, not 0.21
    #   (scrutiny's old "mean_n" formula accepted 0.21)
    ("0.05", "0.22", 20, {}, True),
    ("0.05", "0.21", 20, {}, False),
    # scrutiny tests: 50 of 100 -> sqrt(2500/9900) = 0.50252 -> 0.503
    ("0.50", "0.503", 100, {}, True),
    # scrutiny tests: 3 of 9 -> sd = sqrt(18/72) = 0.5 exactly; floor reports 0.5, never 0.4
    ("0.33", "0.5", 9, {"rounding": "floor"}, True),
    ("0.33", "0.4", 9, {"rounding": "floor"}, False),
    # scrutiny tests: all zeros / all ones have SD 0
    ("0.00", "0.00", 50, {}, True),
    ("1.00", "0.00", 50, {}, True),
    ("0.00", "0.50", 50, {}, False),
    # one of two: sd = sqrt(1/2) = 0.7071 -> 0.71 (a binary SD can exceed 0.5 for small n)
    ("0.5", "0.71", 2, {}, True),
]


@pytest.mark.parametrize("x, sd, n, kwargs, expected", DEBIT_CASES)
def test_debit_table(x, sd, n, kwargs, expected):
    assert debit(x, sd, n, **kwargs) is expected


def test_tables_are_large_enough():
    assert len(GRIM_CASES) + len(GRIMMER_CASES) + len(DEBIT_CASES) >= 40


# --------------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["abc", "5,2", "1e3", "", "nan", "5.2.1", "--1"])
def test_non_numeric_strings_raise_with_the_text_quoted(bad):
    for call in (
        lambda: grim(bad, 10),
        lambda: grimmer(bad, "1.00", 10),
        lambda: grimmer("1.00", bad, 10),
        lambda: debit(bad, "0.50", 10),
        lambda: decimals(bad),
    ):
        with pytest.raises(ValueError, match=repr(bad).replace(".", r"\.")):
            call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: grim("5.19", 0),
        lambda: grim("5.19", -3),
        lambda: grim("5.19", 28, items=0),
        lambda: grim("101", 50, percent=True),
        lambda: grim("-1", 50, percent=True),
        lambda: grim("5.19", 28, rounding="nearest"),
        lambda: grim("5.19", 28, rounding="up_from", threshold=10),
        lambda: grimmer("5.19", "-0.50", 28),
        lambda: grimmer("5.19", "0.50", 1),  # a sample SD needs n >= 2
        lambda: grimmer("5.19", "0.50", 28, items=0),
        lambda: grimmer("5.19", "0.50", 28, rounding="banker"),
        lambda: debit("0.50", "-0.10", 20),
        lambda: debit("1.50", "0.10", 20),
        lambda: debit("0.50", "0.10", 0),
        lambda: debit("0.50", "0.10", 20, rounding="round"),
    ],
)
def test_invalid_arguments_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_non_string_values_raise_type_error():
    with pytest.raises(TypeError):
        grim(5.2, 28)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        grimmer("5.2", 0.5, 28)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        grim("5.2", 28.0)  # type: ignore[arg-type]


def test_unknown_rounding_message_names_the_option():
    with pytest.raises(ValueError, match="'nearest'"):
        grim("5.19", 28, rounding="nearest")


# --------------------------------------------------------------------------------------------------
# Brute force: the required tricky cases
# --------------------------------------------------------------------------------------------------


def test_reference_rounding_sanity():
    # The brute force is only as good as its rounding; pin it on exact ties and on an irrational SD.
    assert ref_round(Fraction(9, 8), 2, "up") == 113 and ref_round(Fraction(9, 8), 2, "down") == 112
    assert ref_round(Fraction(9, 8), 2, "even") == 112 and ref_round(Fraction(-9, 8), 2, "up") == -112
    assert ref_round_sqrt(Fraction(1, 4), 1, "floor") == 5  # sqrt = 0.5 exactly
    assert ref_round_sqrt(Fraction(2, 7), 2, "up") == 53  # 0.5345
    assert ref_round_sqrt(Fraction(2, 7), 2, "ceiling") == 54
    assert fmt(5, 2) == "0.05" and fmt(-112, 2) == "-1.12" and fmt(7, 0) == "7"


def test_brute_force_grimmer_1_44_0_17_9_is_impossible():
    values = complete_range("1.44", "0.17", 9)
    assert values == range(1, 2)  # 1.44 +- (0.01 + sqrt(8) * 0.18): only 1s can occur
    assert brute_grimmer("1.44", "0.17", 9) == []
    assert grimmer("1.44", "0.17", 9) is False
    # Control: the same search does find data for the SD the most equal data have.
    assert brute_grimmer("1.44", "0.53", 9) and grimmer("1.44", "0.53", 9) is True


def test_brute_force_grimmer_1_5_0_00_8_is_impossible():
    assert brute_grimmer("1.5", "0.00", 8) == []
    assert grimmer("1.5", "0.00", 8) is False
    hits = brute_grimmer("1.5", "0.53", 8)
    assert (1, 1, 1, 1, 2, 2, 2, 2) in hits


def _sum_square_sets(n: int, values: range, totals: range) -> dict[int, int]:
    """Exhaustive over all n-tuples from `values` whose sum lies in `totals`:
    sum -> bitmask of the attainable sums of squares (bit Q set if some tuple has sum of squares Q).
    Partial sums that can no longer end inside `totals` are dropped along the way."""
    layer = {0: 1}
    lo_v, hi_v = values.start, values.stop - 1
    for placed in range(1, n + 1):
        left = n - placed
        nxt: dict[int, int] = {}
        for total, mask in layer.items():
            for v in values:
                t = total + v
                if t + left * hi_v < totals.start or t + left * lo_v > totals.stop - 1:
                    continue
                nxt[t] = nxt.get(t, 0) | (mask << (v * v))
        layer = nxt
    return layer


def test_brute_force_grimmer_8_9_2_81_25_needs_the_second_sum():
    n, x, sd = 25, "8.9", "2.81"
    values = complete_range(x, sd, n)  # every data set reported as (8.9, 2.81) lies in here
    assert values == range(-5, 23)  # 8.9 -+ (0.1 + sqrt(24) * 2.82)
    # Totals whose mean is reported as 8.9 (scan generously around 8.9 * 25 = 222.5).
    totals = [t for t in range(150, 300) if 89 in {ref_round(Fraction(t, n), 1, m) for m in ("up", "down")}]
    assert totals == [222, 223]  # 8.88 and 8.92
    matches = set()
    for total, mask in _sum_square_sets(n, values, range(totals[0], totals[-1] + 1)).items():
        squares = 0
        while mask:
            if mask & 1:
                var = Fraction(n * squares - total * total, n * (n - 1))
                if 281 in (ref_round_sqrt(var, 2, "up"), ref_round_sqrt(var, 2, "down")):
                    matches.add((total, squares))
            mask >>= 1
            squares += 1
    assert matches == {(223, 2179)}  # only T = 223 works; T = 222 (= R's round(222.5)) has no SD 2.81
    assert grimmer(x, sd, n) is True
    # A concrete witness: 25 integers with sum 223 and sum of squares 2179.
    witness = [5, 5, 6, 6, 6, 6, 6, 7, 7, 8, 8, 9, 9, 9, 9, 9, 10, 10, 11, 11, 12, 13, 13, 13, 15]
    mean, var = mean_var(witness)
    assert (len(witness), sum(witness), sum(v * v for v in witness)) == (25, 223, 2179)
    assert fmt(ref_round(mean, 1, "up"), 1) == "8.9" and fmt(ref_round_sqrt(var, 2, "up"), 2) == "2.81"


def test_witness_for_the_lower_candidate_sum():
    # grimmer("1.2", "1.27", 12) is True only through T = 14 (see the table); here is such a data set.
    data = [4, 3, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0]
    mean, var = mean_var(data)
    assert (len(data), sum(data), sum(v * v for v in data)) == (12, 14, 34)
    assert ref_round(mean, 1, "up") == 12 and ref_round_sqrt(var, 2, "up") == 127
    assert grimmer("1.2", "1.27", 12) is True


def test_brute_force_small_n_gaps():
    # n = 2 and n = 4: parity and minimum pass, yet no data exist (see the table).
    assert brute_grimmer("2.5", "1.58", 2) == [] and grimmer("2.5", "1.58", 2) is False
    assert brute_grimmer("2.00", "3.06", 4) == [] and grimmer("2.00", "3.06", 4) is False
    # Control: Q = 42, e.g. (-1, 0, 4, 5): sd = sqrt((42 - 16)/3) = 2.944
    assert (-1, 0, 4, 5) in brute_grimmer("2.00", "2.94", 4) and grimmer("2.00", "2.94", 4) is True


def test_brute_force_debit_0_11_with_40():
    n = 40
    means = {fmt(ref_round(Fraction(k, n), 2, m), 2) for k in range(n + 1) for m in ("up", "down")}
    assert "0.11" not in means and {"0.10", "0.13"} <= means  # 4/40 = 0.100, 5/40 = 0.125
    for sd_units in range(0, 61):
        assert debit("0.11", fmt(sd_units, 2), n) is False


@pytest.mark.parametrize(
    "x, n, expected", [("5.19", 28, False), ("5.19", 32, True), ("5.27", 43, False), ("3.03", 20, False)]
)
def test_brute_force_grim_by_sums(x, n, expected):
    # Every integer total k is the sum of some integer data set (k // n and k % n ones more), so
    # enumerating the totals enumerates every attainable mean.
    d = decimals(x)
    centre = int(float(x) * n)
    found = any(
        fmt(ref_round(Fraction(k, n), d, m), d) == x
        for k in range(centre - 3 * n, centre + 3 * n)
        for m in ("up", "down")
    )
    assert found is expected
    assert grim(x, n) is expected


def test_brute_force_grim_by_datasets_small_n():
    # Enumerate actual data sets (values 0..9) for n = 3..6 and compare with grim() on a grid of means.
    for n in (3, 4, 5, 6):
        means = set()
        for data in itertools.combinations_with_replacement(range(10), n):
            m = Fraction(sum(data), n)
            means.update(fmt(ref_round(m, 2, mode), 2) for mode in ("up", "down"))
        for units in range(100, 800, 3):  # 1.00 .. 7.99: totals far from the 0..9 edges
            x = fmt(units, 2)
            assert grim(x, n) is (x in means), (x, n)


# --------------------------------------------------------------------------------------------------
# Brute force: whole grids
# --------------------------------------------------------------------------------------------------


def _search_values(x_lo: str, x_hi: str, sd_hi: str, n: int, items: int = 1) -> range:
    """Integers that can occur in any data set reported with a mean in [x_lo, x_hi] and SD <= sd_hi."""
    a, b = complete_range(x_lo, sd_hi, n, items), complete_range(x_hi, sd_hi, n, items)
    return range(a.start, b.stop)


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6])
def test_grimmer_matches_exhaustive_search(n):
    # All multisets of n integers that a data set with mean 1.50..4.50 and SD <= 1.30 can contain;
    # mean and SD each rounded up or down at two decimals. n <= 4 exercises the exact small-n
    # search, n = 5, 6 the parity-and-minimum rule.
    values = _search_values("1.50", "4.50", "1.30", n)
    reported = reported_pairs(itertools.combinations_with_replacement(values, n), 2, 2)
    checked = 0
    for x_units in range(150, 451, 17):
        for sd_units in range(0, 131):
            x, sd = fmt(x_units, 2), fmt(sd_units, 2)
            assert grimmer(x, sd, n) is ((x, sd) in reported), (x, sd, n)
            checked += 1
    assert checked > 2000


def test_grimmer_items_match_exhaustive_search():
    # Two- and three-item scales: each observation is an item sum s_i divided by `items`.
    for items, n in ((2, 3), (3, 4)):
        values = _search_values("0.60", "2.40", "0.60", n, items)
        reported = reported_pairs(itertools.combinations_with_replacement(values, n), 2, 2, items=items)
        for x_units in range(60, 241, 7):
            for sd_units in range(0, 61):
                x, sd = fmt(x_units, 2), fmt(sd_units, 2)
                assert grimmer(x, sd, n, items=items) is ((x, sd) in reported), (x, sd, n, items)


@pytest.mark.parametrize(
    "n, rounding, modes",
    [
        (2, "up_or_down", ("up", "down")),
        (7, "up_or_down", ("up", "down")),
        (40, "up_or_down", ("up", "down")),
        (20, "even", ("even",)),
        (9, "floor", ("floor",)),
    ],
)
def test_debit_matches_exhaustive_search(n, rounding, modes):
    # Every binary data set: k ones and n - k zeros. The grid is every mean 0.00..1.00 and every SD
    # from 0.00 to above the largest binary SD, sqrt(n / (n - 1)) / 2 (0.71 for n = 2, 0.54 for n = 7).
    binary = [[1] * k + [0] * (n - k) for k in range(n + 1)]
    reported = reported_pairs(binary, 2, 2, modes=modes)
    sd_top = 76 if n == 2 else 60
    for x_units in range(0, 101):
        x = fmt(x_units, 2)
        for sd_units in range(0, sd_top):
            sd = fmt(sd_units, 2)
            assert debit(x, sd, n, rounding=rounding) is ((x, sd) in reported), (x, sd, n, rounding)


def test_a_share_over_100_percent_fits_no_whole_count():
    # a percent claim may exceed 100 (a rise of 150 %), but as a share of a whole it fits no count: k / 10
    # in [149.5 %, 150.5 %) needs k = 15 of 10 people, more than the whole
    from numclaims.granularity import share_fit

    fit = share_fit(149.5, 150.5, True, False, 10, 10, 100, 150)
    assert fit.witness is None and not fit.fits
    # the same share written 50 % fits 5 of 10 (5 / 10 = 50 %)
    assert share_fit(49.5, 50.5, True, False, 10, 10, 100, 50).witness == (5, 10)


# --------------------------------------------------------------------------------------------------
# share_fit in integers against the same rule in Fraction arithmetic
# --------------------------------------------------------------------------------------------------


def _share_fit_by_fractions(share_low, share_high, low_closed, high_closed, total_low, total_high, scale=100,
                            near=None):
    """share_fit as it was written with fractions.Fraction (before its integer arithmetic): the reference."""
    from numclaims.granularity import SHARE_FIT_LIMIT, ShareFit

    if total_low == 0:
        return ShareFit(None, True, None)
    lo = Fraction(max(share_low, 0) if share_low is not None else 0)
    lc = low_closed if share_low is not None and share_low >= 0 else True
    if share_high is None or share_high >= scale:
        hi, hc = Fraction(scale), True if share_high is None or share_high > scale else high_closed
    else:
        hi, hc = Fraction(share_high), high_closed
    if lo > hi or (lo == hi and not (lc and hc)):
        return ShareFit(None, False, None)
    width = hi - lo
    threshold = None if width == 0 else math.floor(scale / width) + 1
    cannot_fail = threshold is not None and total_low >= threshold
    if width == 0:
        q = (lo / scale).denominator
        n = max(-(-total_low // q), 1) * q
        if total_high is not None and n > total_high:
            return ShareFit(None, False, None)
        return ShareFit((int(lo / scale * n), n), False, None)
    last = max(threshold, total_low) if total_high is None else min(total_high, max(threshold, total_low))
    if last - total_low >= SHARE_FIT_LIMIT:
        return ShareFit(None, False, threshold, True)
    for n in range(total_low, last + 1):
        a, b = lo * n / scale, hi * n / scale
        kmin = math.ceil(a) + (1 if math.ceil(a) == a and not lc else 0)
        kmax = math.floor(b) - (1 if math.floor(b) == b and not hc else 0)
        kmin, kmax = max(kmin, 0), min(kmax, n)
        if kmin <= kmax:
            k = kmin if near is None else min(max(round(Fraction(near) * n / scale), kmin), kmax)
            return ShareFit((k, n), cannot_fail, threshold)
    return ShareFit(None, False, threshold)


_SHARE_ENDS = st.one_of(st.builds(lambda n, k: n / 10 ** k, st.integers(-50, 12_000), st.integers(0, 3)),
                        st.floats(-5, 150, allow_nan=False), st.integers(-2, 120), st.none(),
                        st.sampled_from([0.0, 0.5, 1.0, 41.5, 42.5, 100.0, 1 / 3, 2 / 3, 0.1 + 0.2]))


@settings(max_examples=3000, derandomize=True, database=None, deadline=None)
@given(_SHARE_ENDS, _SHARE_ENDS, st.booleans(), st.booleans(), st.integers(0, 3000), st.integers(0, 3000) | st.none(),
       st.sampled_from([1, 100]), _SHARE_ENDS)
def test_share_fit_in_integers_is_the_fraction_rule(a, b, lc, hc, n_lo, n_span, scale, near):
    from numclaims.granularity import share_fit

    if scale == 1:  # a fraction of 1: ends in 0..1
        a, b, near = (None if x is None else x / 100 for x in (a, b, near))
    n_hi = None if n_span is None else n_lo + n_span
    assert share_fit(a, b, lc, hc, n_lo, n_hi, scale, near) == \
        _share_fit_by_fractions(a, b, lc, hc, n_lo, n_hi, scale, near)


def test_share_fit_by_hand():
    from numclaims.granularity import share_fit

    # "42 percent" [41.5, 42.5] of 7 to 7: 2/7 = 28.6 %, 3/7 = 42.86 % (above 42.5): no whole count fits
    assert share_fit(41.5, 42.5, True, True, 7, 7, 100, 42).witness is None
    # of 12: 5/12 = 41.67 % fits (near 42: round(42 * 12 / 100) = round(5.04) = 5); threshold
    # floor(100 / (42.5 - 41.5)) + 1 = 101
    fit = share_fit(41.5, 42.5, True, True, 12, 12, 100, 42)
    assert (fit.witness, fit.threshold, fit.cannot_fail) == ((5, 12), 101, False)
    # a zero-width share: 25 % = 1/4, so n is a multiple of 4: the first from 3 is 4, and 25 * 4 / 100 = 1
    assert share_fit(25.0, 25.0, True, True, 3, None, 100).witness == (1, 4)
    # a half goes to the even count: 50 % of 3 allowed by [0, 100]: near 50 -> round(1.5) = 2
    assert share_fit(0, 100, True, True, 3, 3, 100, 50).witness == (2, 3)
