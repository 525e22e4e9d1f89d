"""Every check kind on hand-computed inputs, including the tension boundary.

Claims are built directly from records; intervals come from numclaims.rules, so each expected figure below
is worked from the rule table (step from trailing zeros, qualifier bounds).
"""

import datetime as dt

import pytest

from numclaims.checks import Context, run_check
from numclaims.checks.base import CONSISTENT, INCONSISTENT, TENSION, UNVERIFIABLE, decide, overlap
from numclaims.claimvalues import claim_interval
from numclaims.intervals import Interval
from numclaims.periods import Period
from numclaims.records import (
    AgreementCheck,
    Claim,
    DifferenceCheck,
    FractionOfCheck,
    PartWholeCheck,
    ProductCheck,
    RateDurationCheck,
    RatioCheck,
    ShareOfTotalCheck,
    SumCheck,
)

PUB = dt.date(2013, 10, 4)


def claim(cid, value, unit="persons", qualifier="exact", **kw):
    return Claim(id=cid, quote=f"quote of {cid}", value=value, unit=unit, qualifier=qualifier,
                 measure={"what": "x"}, attribution=[{"who": "test"}], **kw)


def ctx(*claims, periods=None):
    cs = {c.id: c for c in claims}
    return Context(claims=cs, intervals={k: claim_interval(c) for k, c in cs.items()},
                   periods=periods or {}, published=PUB)


# ----------------------------------------------------------------------------------------- rate x duration
def seed_money(duration_years=3, precision=None):
    return ctx(
        claim("rate", 60000, "USD per month"),  # step 10,000 -> [55,000, 65,000]
        claim("dur", duration_years, "years", precision=precision),  # step 1 -> [2.5, 3.5] years
        claim("total", 2_000_000, "USD"),  # step 1e6 -> [1.5e6, 2.5e6]
    )


def test_rate_duration_seed_is_consistent():
    # [55,000, 65,000] x [30, 42] months = [1,650,000, 2,730,000]; overlaps [1.5e6, 2.5e6] on [1.65e6, 2.5e6]
    # inner intervals: [56,000, 64,000] x [31.2, 40.8] = [1,747,200, 2,611,200] vs [1.6e6, 2.4e6]: overlap
    r = run_check(RateDurationCheck(id="m", kind="rate_duration", rate="rate", duration="dur", total="total"),
                  seed_money())
    assert r.verdict == CONSISTENT
    assert r.details["implied"] == [1_650_000, 2_730_000]
    assert r.details["as_written"] == 2_160_000  # 60,000 x 36
    assert "60,000 x 36 = 2,160,000 vs 2,000,000 (+8 %)" in r.explanation


def test_rate_duration_exact_inputs_inconsistent():
    # with every step set to the grain: 60,000 x 24 = 1,440,000 exactly, vs 2,000,000 exactly -> no overlap
    c = ctx(claim("rate", 60000, "USD per month", precision=0.01), claim("dur", 24, "months", precision=1e-9),
            claim("total", 2_000_000, "USD", precision=0.01))
    r = run_check(RateDurationCheck(id="m", kind="rate_duration", rate="rate", duration="dur", total="total"), c)
    assert r.verdict == INCONSISTENT
    assert "1,440,000" in r.explanation


def test_rate_duration_two_years_is_tension():
    # two years -> [1.5, 2.5] years = [18, 30] months; x [55,000, 65,000] = [990,000, 1,950,000]
    # overlaps [1.5e6, 2.5e6] on [1.5e6, 1.95e6]. Inner: [56,000, 64,000] x [19.2, 28.8] = [1,075,200,
    # 1,843,200] vs [1.6e6, 2.4e6]: still overlaps -> consistent. With step 0.1 on "2.0 years":
    # [1.95, 2.05] years = [23.4, 24.6] months -> [1,287,000, 1,599,000] overlaps [1.5e6, ...];
    # inner: [56,000, 64,000] x [23.52, 24.48] = [1,317,120, 1,566,720] < 1.6e6 -> only at the edge: tension
    r = run_check(RateDurationCheck(id="m", kind="rate_duration", rate="rate", duration="dur", total="total"),
                  seed_money(2, precision=0.1))
    assert r.verdict == TENSION
    assert r.details["implied"][0] == pytest.approx(1_287_000)
    assert r.details["implied"][1] == pytest.approx(1_599_000)


def test_rate_duration_unit_mismatch_unverifiable():
    c = ctx(claim("rate", 60000, "USD per month"), claim("dur", 3, "years"), claim("total", 2_000_000, "EUR"))
    r = run_check(RateDurationCheck(id="m", kind="rate_duration", rate="rate", duration="dur", total="total"), c)
    assert r.verdict == UNVERIFIABLE


# ----------------------------------------------------------------------------------------- share of total
def test_share_of_total_seed():
    # 42 % -> [41.5, 42.5] %; 2,000 -> [1,500, 2,500]; implied [0.415 x 1,500, 0.425 x 2,500] = [622.5, 1,062.5]
    # GRIM: 0.42 x 2,000 = 840 people, 840 / 2,000 = 42.0 % -> possible
    c = ctx(claim("share", 42, "percent", precision=1), claim("total", 2000))
    r = run_check(ShareOfTotalCheck(id="s", kind="share_of_total", share="share", total="total"), c)
    assert r.verdict == CONSISTENT
    assert r.details["implied"] == pytest.approx([622.5, 1062.5])
    assert r.details["grim"] == {"x": "42", "n": 2000, "percent": True, "consistent": True}


def test_share_grim_fails_on_exact_total():
    # 42 % of exactly 7 people: 2/7 = 28.6 %, 3/7 = 42.857 % -> rounds to 43, never 42 -> impossible
    c = ctx(claim("share", 42, "percent", precision=1), claim("total", 7))
    r = run_check(ShareOfTotalCheck(id="s", kind="share_of_total", share="share", total="total"), c)
    assert r.verdict == INCONSISTENT
    assert r.details["grim"]["consistent"] is False


def test_share_grim_fails_on_rounded_total_is_tension():
    # 42 % of "70" (step 10 -> [65, 75]): 29/70 = 41.43 %, 30/70 = 42.86 % -> no k gives 42 at n = 70,
    # but 70 is rounded, and e.g. 31/74 = 41.9 % would fit -> tension, not inconsistent
    c = ctx(claim("share", 42, "percent", precision=1), claim("total", 70))
    r = run_check(ShareOfTotalCheck(id="s", kind="share_of_total", share="share", total="total"), c)
    assert r.verdict == TENSION


def test_share_with_stated_part():
    # implied [622.5, 1,062.5] vs a stated "about 500" ([450, 550]) -> disjoint -> inconsistent
    c = ctx(claim("share", 42, "percent", precision=1), claim("total", 2000), claim("part", 500, qualifier="about"))
    r = run_check(ShareOfTotalCheck(id="s", kind="share_of_total", share="share", total="total", part="part"), c)
    assert r.verdict == INCONSISTENT


# ----------------------------------------------------------------------------------------- fraction of
def test_fraction_of_bound_vs_1600():
    # three quarters -> [0.625, 0.875]; over 4,500 -> (4,500, +inf); implied (2,812.5, +inf)
    # must be <= as many as 1,600 ([0, 1,600]): 2,812.5 > 1,600 -> inconsistent; 2,812.5 / 1,600 = 1.76
    c = ctx(claim("frac", 0.75, "fraction", precision=0.25), claim("whole", 4500, qualifier="over"),
            claim("cmp", 1600, qualifier="as many as"))
    r = run_check(FractionOfCheck(id="f", kind="fraction_of", fraction="frac", whole="whole", compare="cmp"), c)
    assert r.verdict == INCONSISTENT
    assert r.details["implied"] == [2812.5, None]
    assert r.details["factor"] == pytest.approx(1.758, abs=1e-3)


def test_fraction_of_without_compare_derives_part():
    # half (grain 0.5 -> [0.25, 0.75]) of 2,000 ([1,500, 2,500]) -> [375, 1,875]; nothing to compare it
    # with, so nothing is verified
    c = ctx(claim("frac", 0.5, "fraction", precision=0.5), claim("whole", 2000))
    r = run_check(FractionOfCheck(id="f", kind="fraction_of", fraction="frac", whole="whole"), c)
    assert r.verdict == UNVERIFIABLE and r.details["implied"] == [375, 1875]


def test_fraction_of_eq_relation():
    # a fifth of 1,000 exactly (precision 1) = [200, 200] (fraction precision tiny) vs "about 200" -> consistent
    c = ctx(claim("frac", 0.2, "fraction", precision=1e-9), claim("whole", 1000, precision=1),
            claim("cmp", 200, qualifier="about"))
    r = run_check(FractionOfCheck(id="f", kind="fraction_of", fraction="frac", whole="whole", compare="cmp",
                                  relation="eq"), c)
    assert r.verdict == CONSISTENT


# ----------------------------------------------------------------------------------------- part <= whole
def test_part_whole_consistent():
    # 300 ([250, 350]) <= as many as 1,600 ([0, 1,600]): inner [260, 340] vs [160, 1,440] -> consistent
    c = ctx(claim("part", 300), claim("whole", 1600, qualifier="up to"))
    assert run_check(PartWholeCheck(id="p", kind="part_whole", part="part", whole="whole"), c).verdict == CONSISTENT


def test_part_whole_inconsistent():
    # over 2,000 ((2,000, +inf)) cannot be part of up to 1,600 ([0, 1,600])
    c = ctx(claim("part", 2000, qualifier="over"), claim("whole", 1600, qualifier="up to"))
    r = run_check(PartWholeCheck(id="p", kind="part_whole", part="part", whole="whole"), c)
    assert r.verdict == INCONSISTENT
    assert "2,000 exceeds the whole's highest 1,600" in r.explanation


def test_part_whole_tension_at_edge():
    # part "1,500" ([1,450, 1,550]) vs whole "up to 1,500" ([0, 1,500]): holds only for part in [1,450, 1,500]
    # inner part [1,460, 1,540] vs inner whole [150, 1,350]: 1,460 > 1,350 -> only at the edge -> tension
    c = ctx(claim("part", 1500), claim("whole", 1500, qualifier="up to"))
    assert run_check(PartWholeCheck(id="p", kind="part_whole", part="part", whole="whole"), c).verdict == TENSION


def test_part_whole_periods():
    c = ctx(claim("part", 200, qualifier="over"), claim("whole", 2000))
    spec = PartWholeCheck(id="p", kind="part_whole", part="part", whole="whole")
    window = Period(dt.date(2011, 10, 1), dt.date(2013, 9, 30))
    # the whole year 2011 is not inside a window starting 1 Oct 2011 -> unverifiable
    c.periods = {"part": Period(dt.date(2011, 1, 1), dt.date(2011, 12, 31)), "whole": window}
    r = run_check(spec, c)
    assert r.verdict == UNVERIFIABLE and "not inside" in r.explanation
    # a period entirely before the window -> unverifiable, no overlap
    c.periods = {"part": Period(dt.date(2010, 1, 1), dt.date(2010, 12, 31)), "whole": window}
    assert "do not overlap" in run_check(spec, c).explanation
    # nested: (200, +inf) <= [1,500, 2,500]; inner [220, +inf) vs [1,600, 2,400] -> consistent
    c.periods = {"part": Period(dt.date(2012, 3, 1), dt.date(2012, 3, 3)), "whole": window}
    assert run_check(spec, c).verdict == CONSISTENT


# ----------------------------------------------------------------------------------------- agreement
def test_agreement_seed_estimates():
    # [0, 1,600] vs (4,500, +inf): gap 4,500 - 1,600 = 2,900; factor 4,500 / 1,600 = 2.8125
    c = ctx(claim("a", 1600, qualifier="as many as"), claim("b", 4500, qualifier="over"))
    r = run_check(AgreementCheck(id="g", kind="agreement", a="a", b="b"), c)
    assert r.verdict == INCONSISTENT
    assert r.details["gap"] == 2900 and r.details["factor"] == pytest.approx(2.812, abs=1e-3)
    assert "2.8 times" in r.explanation


def test_agreement_overlapping():
    # "about 1,200" ([1,080, 1,320]) vs "at least 1,100" ([1,100, +inf)) -> consistent
    c = ctx(claim("a", 1200, qualifier="about"), claim("b", 1100, qualifier="at least"))
    assert run_check(AgreementCheck(id="g", kind="agreement", a="a", b="b"), c).verdict == CONSISTENT


def test_agreement_disjoint_periods_unverifiable():
    c = ctx(claim("a", 1600, qualifier="up to"), claim("b", 1500))
    c.periods = {"a": Period(dt.date(2010, 1, 1), dt.date(2010, 12, 31)),
                 "b": Period(dt.date(2013, 1, 1), dt.date(2013, 12, 31))}
    assert run_check(AgreementCheck(id="g", kind="agreement", a="a", b="b"), c).verdict == UNVERIFIABLE


# ----------------------------------------------------------------------------------------- arithmetic
def test_sum_of_parts():
    # up to 400 + up to 1,200 = [0, 1,600]; "1,600" is [1,550, 1,650] -> overlap [1,550, 1,600]
    # inner: [40, 360] + [120, 1,080] = [160, 1,440] vs [1,560, 1,640] -> no -> tension
    c = ctx(claim("p1", 400, qualifier="up to"), claim("p2", 1200, qualifier="up to"), claim("t", 1600))
    r = run_check(SumCheck(id="s", kind="sum", parts=["p1", "p2"], total="t"), c)
    assert r.details["implied"] == [0, 1600]
    assert r.verdict == TENSION


def test_difference():
    # 293 - 234 = 59 exactly (counts, step 1) vs "59" -> consistent; vs "about 80" ([72, 88]) -> inconsistent
    c = ctx(claim("later", 293), claim("first", 234), claim("d", 59), claim("d2", 80, qualifier="about", precision=1))
    assert run_check(DifferenceCheck(id="d", kind="difference", minuend="later", subtrahend="first", result="d"),
                     c).verdict == CONSISTENT
    assert run_check(DifferenceCheck(id="d", kind="difference", minuend="later", subtrahend="first", result="d2"),
                     c).verdict == INCONSISTENT


def test_product_units():
    # 1,200 workers x 20 % x $2,900 per year: one factor carries a unit -> the product is in USD per year;
    # 1,200 x 0.2 x 2,900 = 696,000 exactly (steps set to the grain) vs "$696,000 a year" -> consistent
    c = ctx(claim("w", 1200, precision=1), claim("share", 20, "percent", precision=1e-9),
            claim("pay", 2900, "USD per year", precision=1e-9), claim("bill", 696000, "USD per year", precision=1),
            claim("bill-total", 696000, "USD", precision=1))
    spec = ProductCheck(id="x", kind="product", factors=["w", "share", "pay"], product="bill")
    r = run_check(spec, c)
    assert r.verdict == CONSISTENT and r.details["implied"][0] == pytest.approx(696_000)
    # stated as a total without the rate base: the units do not match -> unverifiable, not consistent
    r = run_check(ProductCheck(id="x", kind="product", factors=["w", "share", "pay"], product="bill-total"), c)
    assert r.verdict == UNVERIFIABLE and "'USD per year' but the product is stated in 'USD'" in r.explanation
    # two factors with units (money x money) -> unverifiable
    r = run_check(ProductCheck(id="x", kind="product", factors=["pay", "bill"], product="bill"), c)
    assert r.verdict == UNVERIFIABLE


def test_ratio_as_percent():
    # 445 / 886 = 0.50226 -> 50.2 %; stated "50.2 percent" (step 0.1 -> [50.15, 50.25]) -> consistent
    c = ctx(claim("n", 445), claim("d", 886), claim("r", 50.2, "percent", precision=0.1))
    r = run_check(RatioCheck(id="r", kind="ratio", numerator="n", denominator="d", ratio="r"), c)
    assert r.verdict == CONSISTENT
    assert r.details["implied"][0] == pytest.approx(50.2257, abs=1e-4)


def test_product():
    # 100 brothels x 20 workers x 0.6 girls = 1,200 (the Huarayo arithmetic); stated "1,200" step 100
    c = ctx(claim("b", 100, "count", precision=1), claim("w", 20, "count", precision=1),
            claim("g", 0.6, "fraction", precision=1e-9), claim("p", 1200, "count"))
    r = run_check(ProductCheck(id="x", kind="product", factors=["b", "w", "g"], product="p"), c)
    assert r.verdict == CONSISTENT and r.details["implied"][0] == pytest.approx(1200)


# ----------------------------------------------------------------------------------------- tension boundary
def test_tension_boundary_exact():
    # a = [0, 100] vs b = [x, 200]: inner a is [10, 90]. With x = 90 the inner b starts at 90 + 0.1 x 110 = 101
    # -> no overlap of inners -> tension; with x = 0 the inners overlap -> consistent; with x = 100.5 -> none
    a = Interval(0, 100)
    assert decide(overlap, a, Interval(90, 200)) == TENSION
    assert decide(overlap, a, Interval(0, 200)) == CONSISTENT
    assert decide(overlap, a, Interval(100.5, 200)) == INCONSISTENT
    # touching closed ends count as holding (100 is in both) but only at the edge
    assert decide(overlap, a, Interval(100, 200)) == TENSION
    assert decide(overlap, a, Interval(100, 200, False, True)) == INCONSISTENT
