"""Every check kind on hand-computed inputs, including the tension boundary.

Claims are built directly from records; intervals come from numclaims.rules, so each expected figure below
is worked from the rule table (step from trailing zeros, qualifier bounds).
"""

import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

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
    quote = kw.pop("quote", f"quote of {cid}")
    return Claim(id=cid, quote=quote, value=value, unit=unit, qualifier=qualifier,
                 measure={"what": "x"}, attribution=[{"who": "test"}], **kw)


def ctx(*claims, periods=None):
    cs = {c.id: c for c in claims}
    return Context(claims=cs, intervals={k: claim_interval(c) for k, c in cs.items()},
                   periods=periods or {}, published=PUB)


# ----------------------------------------------------------------------------------------- rate x duration
def seed_money(duration_years=3, precision=None):
    return ctx(
        claim("rate", 60000, "USD per month", quote="$60,000 a month", text="$60,000 a month"),  # step 10,000
        claim("dur", duration_years, "years", precision=precision),  # step 1 -> [2.5, 3.5] years
        claim("total", 2_000_000, "USD", quote="$2 million", text="$2 million"),  # step 1e6 -> [1.5e6, 2.5e6]
    )


def test_rate_duration_seed_is_consistent():
    # [55,000, 65,000] x [30, 42] months = [1,650,000, 2,730,000]; overlaps [1.5e6, 2.5e6] on [1.65e6, 2.5e6]
    # as written: 60,000 x 36 = 2,160,000, and "$2 million" as written is what rounds to 2 million at its
    # one written digit, [1.5e6, 2.5e6]: 2,160,000 is in it -> consistent (holds as written)
    r = run_check(RateDurationCheck(id="m", kind="rate_duration", rate="rate", duration="dur", total="total"),
                  seed_money())
    assert r.verdict == CONSISTENT
    assert r.details["implied"] == [1_650_000, 2_730_000]
    assert r.details["as_written"] == 2_160_000  # 60,000 x 36
    assert "60,000 x 36 = 2,160,000 vs 2,000,000 (+8 %)" in r.explanation
    assert r.reason == "holds_as_written" and r.cause is None


def test_rate_duration_exact_inputs_inconsistent():
    # with every step set to the grain: 60,000 x 24 = 1,440,000 exactly, vs 2,000,000 exactly -> no overlap
    c = ctx(claim("rate", 60000, "USD per month", precision=0.01), claim("dur", 24, "months", precision=1e-9),
            claim("total", 2_000_000, "USD", precision=0.01))
    r = run_check(RateDurationCheck(id="m", kind="rate_duration", rate="rate", duration="dur", total="total"), c)
    assert r.verdict == INCONSISTENT
    assert "1,440,000" in r.explanation


def test_rate_duration_in_kenyan_shillings_is_inconsistent():
    # "45 million shillings a month" for "18 months" against "1.2 billion shillings": as written 45e6 x 18 =
    # 810e6; over the intervals "45 million" (step 1e6: [44.5e6, 45.5e6]) x "18 months" (step 1: [17.5, 18.5])
    # = [778.75e6, 841.75e6], far below "1.2 billion" (step 1e8: [1.15e9, 1.25e9]) -> no value fits
    c = ctx(claim("rate", 45_000_000, "KES per month", quote="45 million shillings a month", text="45 million"),
            claim("dur", 18, "months", quote="18 months", text="18 months"),
            claim("total", 1_200_000_000, "KES", quote="1.2 billion shillings", text="1.2 billion"))
    r = run_check(RateDurationCheck(id="m", kind="rate_duration", rate="rate", duration="dur", total="total"), c)
    assert r.verdict == INCONSISTENT
    assert r.details["as_written"] == 810_000_000


def test_rate_duration_two_years_is_tension():
    # "2.0 years" (step 0.1, no words: as written exactly 2 years = 24 months): as written 60,000 x 24 =
    # 1,440,000, below [1.5e6, 2.5e6] -> fails as written. Intervals: [1.95, 2.05] years = [23.4, 24.6]
    # months x [55,000, 65,000] = [1,287,000, 1,599,000], which meets [1.5e6, 2.5e6] -> tension. Tried from
    # the stated figure: the total cannot move (as written it is its interval); the duration alone moved
    # up to 2.05 years gives 60,000 x 24.6 = 1,476,000 < 1.5e6, no; the rate alone up to 65,000 gives
    # 65,000 x 24 = 1,560,000 >= 1.5e6 -> the rate's high bound is the cause
    r = run_check(RateDurationCheck(id="m", kind="rate_duration", rate="rate", duration="dur", total="total"),
                  seed_money(2, precision=0.1))
    assert r.verdict == TENSION
    assert r.details["implied"][0] == pytest.approx(1_287_000)
    assert r.details["implied"][1] == pytest.approx(1_599_000)
    assert r.cause == {"role": "rate", "bound": "high"} and r.reason == "holds_within_rounding"
    assert "toward its high bound 65,000" in r.explanation


def test_rate_duration_unit_mismatch_unverifiable():
    c = ctx(claim("rate", 60000, "USD per month"), claim("dur", 3, "years"), claim("total", 2_000_000, "EUR"))
    r = run_check(RateDurationCheck(id="m", kind="rate_duration", rate="rate", duration="dur", total="total"), c)
    assert r.verdict == UNVERIFIABLE


# ----------------------------------------------------------------------------------------- share of total
def test_share_of_total_seed():
    # 42 % -> [41.5, 42.5] %; 2,000 -> [1,500, 2,500]; implied [0.415 x 1,500, 0.425 x 2,500] = [622.5, 1,062.5]
    # persons, whole numbers [623, 1,062]. Granularity as written (share at its record precision 1 ->
    # [41.5, 42.5]; total 2,000): 840 / 2,000 = 42 % fits. A share one point wide fits some whole count of
    # every total from floor(100 / 1) + 1 = 101 on, so with 2,000 the test cannot fail
    c = ctx(claim("share", 42, "percent", precision=1), claim("total", 2000))
    r = run_check(ShareOfTotalCheck(id="s", kind="share_of_total", share="share", total="total"), c)
    assert r.verdict == CONSISTENT
    assert r.details["implied"] == [623, 1062]
    assert r.details["grim"]["fits_as_written"] is True and r.details["grim"]["cannot_fail"] is True
    assert "the test cannot fail here: with a total of 101 or more" in r.explanation
    assert "840 / 2,000 = 42%" in r.explanation


def test_share_grim_fails_on_exact_total():
    # 42 % of exactly 7 people: 2/7 = 28.6 %, 3/7 = 42.857 % -> rounds to 43, never 42 -> impossible
    c = ctx(claim("share", 42, "percent", precision=1), claim("total", 7))
    r = run_check(ShareOfTotalCheck(id="s", kind="share_of_total", share="share", total="total"), c)
    assert r.verdict == INCONSISTENT
    assert r.details["grim"]["fits"] is False and r.reason == "granularity_fail"


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
    # three quarters -> [0.625, 0.875]; over 4,500 persons -> whole numbers [4,501, +inf); implied
    # 0.625 x 4,501 = 2,813.125 -> whole [2,814, +inf) must be <= as many as 1,600 ([0, 1,600]) ->
    # inconsistent; 2,814 / 1,600 = 1.76
    c = ctx(claim("frac", 0.75, "fraction", precision=0.25), claim("whole", 4500, qualifier="over"),
            claim("cmp", 1600, qualifier="as many as"))
    r = run_check(FractionOfCheck(id="f", kind="fraction_of", fraction="frac", whole="whole", compare="cmp"), c)
    assert r.verdict == INCONSISTENT
    assert r.details["implied"] == [2814, None]
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
    # over 2,000 persons ([2,001, +inf) in whole numbers) cannot be part of up to 1,600 ([0, 1,600]); the
    # bound that would have to give way, trying the stated whole first: its high bound 1,600
    c = ctx(claim("part", 2000, qualifier="over"), claim("whole", 1600, qualifier="up to"))
    r = run_check(PartWholeCheck(id="p", kind="part_whole", part="part", whole="whole"), c)
    assert r.verdict == INCONSISTENT
    assert "2,001 exceeds the whole's highest 1,600" in r.explanation
    assert r.cause == {"role": "whole", "bound": "high"} and r.reason == "no_overlap"


def test_part_whole_at_the_bound_holds_as_written():
    # part "1,500" vs whole "up to 1,500" ([0, 1,500]): as written 1,500 <= 1,500 -> consistent (the old
    # inner-80 % rule called this tension); "1,600" as written is above 1,500, and within its rounding
    # ([1,550, 1,650] at step 100) too -> inconsistent; "1,520" (step 10: [1,515, 1,525]) likewise
    c = ctx(claim("part", 1500), claim("whole", 1500, qualifier="up to"), claim("p2", 1600))
    assert run_check(PartWholeCheck(id="p", kind="part_whole", part="part", whole="whole"), c).verdict == CONSISTENT
    assert run_check(PartWholeCheck(id="p", kind="part_whole", part="p2", whole="whole"), c).verdict == INCONSISTENT


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
    # [0, 1,600] vs over 4,500 persons = [4,501, +inf): gap 4,501 - 1,600 = 2,901; factor 4,501 / 1,600 = 2.813
    c = ctx(claim("a", 1600, qualifier="as many as"), claim("b", 4500, qualifier="over"))
    r = run_check(AgreementCheck(id="g", kind="agreement", a="a", b="b"), c)
    assert r.verdict == INCONSISTENT
    assert r.details["gap"] == 2901 and r.details["factor"] == pytest.approx(2.813, abs=1e-3)
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
    # up to 400 + up to 1,200 = [0, 1,600]; "1,600" as written (no words: exactly 1,600) is in it ->
    # consistent (the old inner-80 % rule said tension)
    c = ctx(claim("p1", 400, qualifier="up to"), claim("p2", 1200, qualifier="up to"), claim("t", 1600))
    r = run_check(SumCheck(id="s", kind="sum", parts=["p1", "p2"], total="t"), c)
    assert r.details["implied"] == [0, 1600]
    assert r.verdict == CONSISTENT


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
def test_verdict_levels_on_bare_intervals():
    # a bare interval is its own as-written reading: overlap -> consistent, none -> inconsistent; touching
    # closed ends share 100, an open end does not
    a = Interval(0, 100)
    assert decide(overlap, a, Interval(90, 200)) == CONSISTENT
    assert decide(overlap, a, Interval(100.5, 200)) == INCONSISTENT
    assert decide(overlap, a, Interval(100, 200)) == CONSISTENT
    assert decide(overlap, a, Interval(100, 200, False, True)) == INCONSISTENT


def test_sum_adds_persons_and_a_bare_count_alike():
    # one unit rule (docs/semantics.md 7): `persons` and `count` are one dimension with factor 1.
    # step 10 from the trailing zero: [1,725, 1,735] + [1,145, 1,155] + [1,235, 1,245] = [4,105, 4,135];
    # total "4,120" recorded as `count` ([4,115, 4,125]) overlaps -> consistent (it used to be unverifiable:
    # "dimensions differ"); against 3,950 persons ([3,945, 3,955]) -> inconsistent
    c = ctx(claim("p1", 1730), claim("p2", 1150), claim("p3", 1240, unit="count"), claim("t", 4120, unit="count"),
            claim("t2", 3950))
    r = run_check(SumCheck(id="s", kind="sum", parts=["p1", "p2", "p3"], total="t"), c)
    assert (r.verdict, r.details["implied"]) == (CONSISTENT, [4105, 4135])
    assert run_check(SumCheck(id="s", kind="sum", parts=["p1", "p2", "p3"], total="t2"), c).verdict == INCONSISTENT


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=100_000), min_size=2, max_size=4),
       st.integers(min_value=0, max_value=400_000), st.lists(st.booleans(), min_size=5, max_size=5))
def test_a_check_reads_persons_and_count_alike(parts, total, as_count):
    # whichever figures are recorded as `count` rather than `persons`, the sum check gives the verdict and
    # interval it gives with all of them in `persons` (docs/semantics.md 7: one dimension, factor 1)
    def run(units):
        cs = [claim(f"p{i}", v, unit=u) for i, (v, u) in enumerate(zip(parts, units))] + \
            [claim("t", total, unit=units[-1])]
        r = run_check(SumCheck(id="s", kind="sum", parts=[c.id for c in cs[:-1]], total="t"), ctx(*cs))
        return r.verdict, r.details.get("implied")

    mixed = ["count" if b else "persons" for b in as_count]
    assert run(mixed[:len(parts)] + [mixed[-1]]) == run(["persons"] * (len(parts) + 1))


def test_a_claims_figure_is_made_once_per_unit_and_lent_to_each_role():
    from numclaims.checks.base import _new_figure, figure

    # "about 2,000" persons: 2,000 +- max(1,000 / 2, 10 % of 2,000) = [1,500, 2,500] (its trailing zeros
    # give step 1,000); as written [1,999.5, 2,000.5], cut to the whole number 2,000. One entry per claim
    # and unit: its own unit named is the entry without a unit.
    c = ctx(claim("a", 2000, qualifier="approximately", text="about 2,000", quote="about 2,000"),
            claim("m", 2, "USD", text="$2", quote="$2"))
    first, second = figure(c, "part", "a"), figure(c, "whole", "a")
    fresh = _new_figure(c, "whole", "a", None)
    assert (first.role, second.role) == ("part", "whole") and first.claims is not second.claims
    assert vars(second) == vars(fresh)
    assert (second.interval.low, second.interval.high, second.as_written.low, second.as_written.high) == \
        (1500.0, 2500.0, 2000.0, 2000.0)
    assert list(c.figures) == [("a", None)]
    cents = figure(c, "total", "m", "USD")  # its own unit: the same figure as without one
    assert list(c.figures) == [("a", None), ("m", None)] and vars(cents) == vars(_new_figure(c, "total", "m", None))
