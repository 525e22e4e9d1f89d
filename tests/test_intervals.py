"""Interval arithmetic, worked by hand."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.intervals import Interval, hull_all


def test_sum_of_rounding_bands():
    # [250, 350] + [1,500, 2,500] = [1,750, 2,850]
    s = Interval(250, 350) + Interval(1500, 2500)
    assert (s.low, s.high) == (1750, 2850)


def test_open_end_propagates_through_sum():
    # (4,500, +inf) + [0, 10] = (4,500, +inf): the low end stays open because 4,500 is not attained
    s = Interval(4500, None, False, False) + Interval(0, 10)
    assert s.low == 4500 and s.high is None and not s.low_closed


def test_difference():
    # [10, 20] - [1, 2] = [10 - 2, 20 - 1] = [8, 19]
    d = Interval(10, 20) - Interval(1, 2)
    assert (d.low, d.high) == (8, 19)


def test_product_rate_times_months():
    # [55,000, 65,000] x [30, 42] = [1,650,000, 2,730,000]
    p = Interval(55000, 65000) * Interval(30, 42)
    assert (p.low, p.high) == (1_650_000, 2_730_000)


def test_product_fraction_of_unbounded():
    # [0.625, 0.875] x (4,500, +inf) = (2,812.5, +inf), open because 4,500 is excluded
    p = Interval(0.625, 0.875) * Interval(4500, None, False, False)
    assert p.low == 2812.5 and p.high is None and not p.low_closed


def test_product_with_negative_side():
    # [-2, 3] x [4, 5]: endpoint products -10, -8, 12, 15 -> [-10, 15]
    p = Interval(-2, 3) * Interval(4, 5)
    assert (p.low, p.high) == (-10, 15)


def test_division():
    # [840, 840] / [1,500, 2,500] = [0.336, 0.56]
    q = Interval(840, 840) / Interval(1500, 2500)
    assert math.isclose(q.low, 0.336) and math.isclose(q.high, 0.56)


def test_division_by_interval_with_zero_raises():
    with pytest.raises(ZeroDivisionError):
        Interval(1, 2) / Interval(0, 5)


def test_reciprocal_of_open_zero_end_is_unbounded():
    # 1 / (0, 2] = [0.5, +inf)
    r = Interval(0, 2, False, True).reciprocal()
    assert r.low == 0.5 and r.high is None and r.low_closed


def test_intersection_and_gap():
    a, b = Interval(0, 1600), Interval(4500, None, False, False)
    assert a.intersect(b) is None
    assert a.gap(b) == 2900  # 4,500 - 1,600
    assert Interval(1500, 2500).intersect(Interval(2000, 3000)) == Interval(2000, 2500)


def test_touching_open_and_closed_ends():
    # [0, 5] and (5, 10] share no value; [0, 5] and [5, 10] share 5
    assert not Interval(0, 5).overlaps(Interval(5, 10, False, True))
    assert Interval(0, 5).intersect(Interval(5, 10)) == Interval(5, 5)


def test_integers_of_an_interval():
    # [0, 10) -> [0, 9]; (9, +inf) -> [10, +inf); [2.5, 2.7] holds no whole number; (-inf, 3.5] -> (-inf, 3]
    assert Interval(0, 10, True, False).integers() == Interval(0, 9)
    assert Interval(9, None, False, False).integers() == Interval(10, None, True, False)
    assert Interval(2.5, 2.7).integers() is None
    assert Interval(None, 3.5, False, True).integers() == Interval(None, 3, False, True)


def test_contains_minds_open_ends():
    iv = Interval(200, None, False, False)
    assert 200 not in iv and 200.5 in iv


def test_invalid_intervals_raise():
    with pytest.raises(ValueError):
        Interval(3, 2)
    with pytest.raises(ValueError):
        Interval(float("nan"), 2)
    with pytest.raises(ValueError):
        Interval(2, 2, False, True)
    # every bound that is not a finite number, float or not, on either side (the float fast path and the rest)
    for low, high in ((1.0, float("inf")), (float("-inf"), 1.0), (0.0, float("nan")), (True, 2.0), (0, False)):
        with pytest.raises(ValueError, match="must be a finite number or None"):
            Interval(low, high)
    assert Interval(1, 2.5).to_list() == [1, 2.5]  # an int bound is kept as given


def test_hull_and_str():
    h = hull_all([Interval(1100, 1600), Interval(400, 1200), Interval(4500, None, False, False)])
    assert (h.low, h.high) == (400, None)
    assert str(Interval(1500, 2500)) == "[1,500, 2,500]"
    assert str(Interval(4500, None, False, False)) == "(4,500, +inf)"


def test_product_that_underflows_is_a_point_not_an_error():
    # (0, 5.7e-304) x (0, 5.7e-304): the true products lie in (0, 3.2e-607), below the smallest float;
    # rounded outward the result is (0, 5e-324] (5e-324 the smallest positive float), which holds every
    # true product, not an "empty interval" error (found by hypothesis)
    tiny = Interval(0.0, 5.7e-304, False, False)
    p = tiny * tiny
    assert (p.low, p.high, p.low_closed, p.high_closed) == (0.0, 5e-324, False, True)


# The exact float paths of * and / (every end product or quotient exact in floats) give the interval the
# Fraction arithmetic gives, ends and closedness alike: the same outputs, only without Fractions.
_DECIMALS = st.builds(lambda n, k: n / 10 ** k, st.integers(-10**7, 10**7), st.integers(0, 3))
_ENDS = _DECIMALS | st.floats(allow_nan=False, allow_infinity=False, min_value=-1e300, max_value=1e300) | \
    st.sampled_from([0.0, 1e-310, 5e-324, 2.0 ** 60 + 1, 1.7976931348623157e308])


@st.composite
def _bounded(draw):
    a, b = sorted((draw(_ENDS), draw(_ENDS)))
    lc, hc = draw(st.booleans()), draw(st.booleans())
    return Interval(a, b, True, True) if a == b else Interval(a, b, lc, hc)


def _fraction_ends(iv):
    return (iv._xlo(), iv.low_closed), (iv._xhi(), iv.high_closed)


@settings(max_examples=400, derandomize=True, database=None, deadline=None)
@given(_bounded(), _bounded())
def test_exact_float_products_and_quotients_match_the_fraction_path(a, b):
    from numclaims import intervals

    def same(got, want):
        assert (got.low, got.high, got.low_closed, got.high_closed) == \
            (want.low, want.high, want.low_closed, want.high_closed)

    same(a * b, intervals._xmul(_fraction_ends(a), _fraction_ends(b)))
    if not (b.contains(0.0) or b.lo < 0 < b.hi):
        same(a / b, intervals._xmul(_fraction_ends(a), b._xreciprocal()))


@settings(max_examples=600, derandomize=True, database=None, deadline=None)
@given(_bounded(), _ENDS | st.sampled_from([100.0, 1.0, 12.0, 3.0, 7.0, 0.1, 1e-300, 2.0 ** -1070]))
def test_division_by_a_positive_number_matches_the_fraction_path(a, d):
    # intervals._quotient_by (iv / d for d > 0, in whole-number comparisons) gives the Fraction path's
    # interval: ends (their signs too: a zero high end is -0.0 on both paths) and closedness
    from numclaims import intervals

    if not d > 0:
        return
    got = a / d
    want = intervals._xmul(_fraction_ends(a), Interval.point(d)._xreciprocal())
    assert [(x, math.copysign(1, x)) if x is not None else None for x in (got.low, got.high)] == \
        [(x, math.copysign(1, x)) if x is not None else None for x in (want.low, want.high)]
    assert (got.low_closed, got.high_closed) == (want.low_closed, want.high_closed)


def test_division_by_a_positive_number_by_hand():
    # [20.5, 21.5] x [4,250, 4,350] = [87,125, 93,525]; / 100 = [871.25, 935.25], both exact in floats:
    # the same closed ends. (1, 2) / 3: 1/3 and 2/3 are no floats; the nearest floats, 1.0 / 3 and
    # 2.0 / 3, both lie below them (0.33333333333333331483... and 0.66666666666666662965...), so the low
    # end is 1.0 / 3 itself and the high end the next float above 2.0 / 3; both ends moved, so both closed
    p = Interval(20.5, 21.5) * Interval(4250.0, 4350.0) / 100
    assert (p.low, p.high, p.low_closed, p.high_closed) == (871.25, 935.25, True, True)
    t = Interval(1.0, 2.0, False, False) / 3
    assert Fraction(1.0 / 3) < Fraction(1, 3) and Fraction(2.0 / 3) < Fraction(2, 3)
    assert (t.low, t.high, t.low_closed, t.high_closed) == (1.0 / 3, math.nextafter(2.0 / 3, 1), True, True)
    # [3, 6) / 3 = [1, 2): exact ends keep their closedness
    e = Interval(3.0, 6.0, True, False) / 3
    assert (e.low, e.high, e.low_closed, e.high_closed) == (1.0, 2.0, True, False)


@st.composite
def _any_interval(draw):
    # bounded, unbounded on one side or both, open or closed ends
    iv = draw(_bounded())
    low = None if draw(st.booleans()) and draw(st.booleans()) else iv.low
    high = None if draw(st.booleans()) and draw(st.booleans()) else iv.high
    return Interval(low, high, iv.low_closed, iv.high_closed) if low != high else iv


@settings(max_examples=800, derandomize=True, database=None, deadline=None)
@given(_any_interval(), _any_interval())
def test_overlap_and_at_most_without_the_common_part_built(a, b):
    # overlaps() tests what intersect() would build; checks.base.le reads the ends without lo/hi: the
    # same answers as the forms they replace
    from numclaims.checks.base import le

    assert a.overlaps(b) == (a.intersect(b) is not None)
    assert le(a, b) == (a.lo < b.hi or (a.lo == b.hi and a.low_closed and b.high_closed))


def test_text_made_once_is_no_part_of_the_value():
    # "[1,500, 2,500)" written twice from the kept text; an interval written and one not written are
    # equal and hash alike; repr shows the four ends only
    a, b = Interval(1500.0, 2500.0, True, False), Interval(1500.0, 2500.0, True, False)
    assert str(a) == "[1,500, 2,500)" == str(a)
    assert a == b and hash(a) == hash(b) and b._text is None
    assert repr(a) == "Interval(low=1500.0, high=2500.0, low_closed=True, high_closed=False)"
