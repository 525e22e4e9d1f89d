"""Soundness of the verdict engine, proved with properties (hypothesis; derandomized under CI, bounded).

* Interval arithmetic: every ``+ - x /`` holds the exact result of every pair of points, with closed, open
  and unbounded ends (exact rationals from ``fractions`` are the reference).
* For every check kind: widening any input never turns a verdict into ``inconsistent`` (nor makes any
  verdict worse); ``agreement`` is symmetric; ``sum`` and ``product`` do not depend on the order of parts.
* Counts: no verdict depends on a non-integer count (an interval of persons and the whole numbers in it
  give the same verdict).
* ``share_of_total`` against brute force: every share with one decimal and every exact total up to 200.
"""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from numclaims.checks import Context, run_check
from numclaims.checks.base import CONSISTENT, INCONSISTENT, SEVERITY, TENSION, UNVERIFIABLE
from numclaims.claimvalues import claim_interval, written_interval
from numclaims.granularity import grim, share_fit
from numclaims.intervals import Interval
from numclaims.records import (AgreementCheck, Claim, DifferenceCheck, ExternalCheck, FractionOfCheck,
                               PartWholeCheck, ProductCheck, RateDurationCheck, RatioCheck, ShareOfTotalCheck,
                               SumCheck)

PROPS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ------------------------------------------------------------------------------------------- arithmetic
# ends that stress rounding: decimals with no exact float (0.1, 0.3), large and tiny magnitudes, zero
ENDS = st.one_of(
    st.integers(-10**6, 10**6).map(float),
    st.sampled_from([0.0, 0.1, 0.3, 1 / 3, 2.5, 1e-9, 3.55e-15, 1e12, 123456.789]),
    st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False),
).flatmap(lambda x: st.sampled_from([x, -x]))


@st.composite
def intervals(draw) -> Interval:
    a, b = sorted((draw(ENDS), draw(ENDS)))
    lo = None if draw(st.integers(0, 5)) == 0 else a
    hi = None if draw(st.integers(0, 5)) == 0 else b
    if lo is not None and hi is not None and lo == hi:
        return Interval(lo, hi)
    return Interval(lo, hi, draw(st.booleans()), draw(st.booleans()))


def points(iv: Interval) -> list[Fraction]:
    """Exact points of ``iv``: its closed ends, points just inside open ends, far points of unbounded
    sides, and the midpoint."""
    out = []
    lo = Fraction(iv.low) if iv.low is not None else None
    hi = Fraction(iv.high) if iv.high is not None else None
    if lo is not None and iv.low_closed:
        out.append(lo)
    if hi is not None and iv.high_closed:
        out.append(hi)
    if lo is not None and hi is not None:
        if lo < hi:
            out.append((lo + hi) / 2)
            out.append(lo + (hi - lo) / 10**9)
            out.append(hi - (hi - lo) / 10**9)
    elif lo is not None:
        out += [lo + Fraction(1, 10**9), lo + 10**12]
    elif hi is not None:
        out += [hi - Fraction(1, 10**9), hi - 10**12]
    else:
        out += [Fraction(0), Fraction(-10**15), Fraction(10**15)]
    return [p for p in out if iv.contains(p)]


@PROPS
@given(a=intervals(), b=intervals())
def test_arithmetic_holds_every_true_result(a, b):
    for x in points(a):
        for y in points(b):
            assert (a + b).contains(x + y), (a, b, x, y)
            assert (a - b).contains(x - y), (a, b, x, y)
            assert (a * b).contains(x * y), (a, b, x, y)
            if not (b.contains(0.0) or b.lo < 0 < b.hi):
                assert (a / b).contains(x / y), (a, b, x, y)


def test_division_by_an_interval_holding_zero_raises():
    with pytest.raises(ZeroDivisionError):
        Interval(1, 2) / Interval(-1, 1)


def test_three_tenths():
    # 3/10 has no float: the quotient must hold the exact 3/10, and x 100 the exact 30 (the old a * (1/b)
    # gave a point 3.55e-15 away from 30)
    q = Interval.point(3) / Interval.point(10)
    assert q.contains(Fraction(3, 10))
    assert (q * 100).contains(30) and (Interval.point(300) / Interval.point(10)) == Interval.point(30)


# ------------------------------------------------------------------------------------------- check kinds
PUB = dt.date(2020, 6, 30)


def _claim(cid: str, unit: str, value: float = 1.0) -> Claim:
    return Claim(id=cid, quote=f"quote of {cid}", value=value, unit=unit, qualifier="exact",
                 measure={"what": "x"}, attribution=[{"who": "test"}])


# (spec, {claim id: unit}) for every check kind but external (below)
KINDS = {
    "rate_duration": (RateDurationCheck(id="k", kind="rate_duration", rate="a", duration="b", total="c"),
                      {"a": "USD per month", "b": "months", "c": "USD"}),
    "sum": (SumCheck(id="k", kind="sum", parts=["a", "b"], total="c"), {"a": "persons", "b": "persons", "c": "persons"}),
    "difference": (DifferenceCheck(id="k", kind="difference", minuend="a", subtrahend="b", result="c"),
                   {"a": "USD", "b": "USD", "c": "USD"}),
    "product": (ProductCheck(id="k", kind="product", factors=["a", "b"], product="c"),
                {"a": "count", "b": "fraction", "c": "count"}),
    "ratio": (RatioCheck(id="k", kind="ratio", numerator="a", denominator="b", ratio="c"),
              {"a": "persons", "b": "persons", "c": "percent"}),
    "share_of_total": (ShareOfTotalCheck(id="k", kind="share_of_total", share="a", total="b", part="c"),
                       {"a": "percent", "b": "persons", "c": "persons"}),
    "fraction_of": (FractionOfCheck(id="k", kind="fraction_of", fraction="a", whole="b", compare="c", relation="le"),
                    {"a": "fraction", "b": "persons", "c": "persons"}),
    "part_whole": (PartWholeCheck(id="k", kind="part_whole", part="a", whole="b"), {"a": "persons", "b": "persons"}),
    "agreement": (AgreementCheck(id="k", kind="agreement", a="a", b="b"), {"a": "persons", "b": "persons"}),
}
# ends of interval inputs: non-negative, whole and fractional, with the 0-1 range of fractions well covered
VALS = st.one_of(st.integers(0, 300).map(float), st.floats(0, 300, allow_nan=False),
                 st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]))


@st.composite
def reading(draw, unit: str):
    """``(interval, as-written reading inside it)`` for a claim in ``unit``; for a count, both hold a whole
    number (a record's interval always holds its value, an integer for a count: numclaims.claimvalues
    rejects an explicit interval that excludes it)."""
    full, written = draw(_reading(unit))
    if unit in ("persons", "count"):
        assume(full.integers() is not None and written.integers() is not None)
    return full, written


@st.composite
def _reading(draw, unit: str):
    top = 1.0 if unit == "fraction" else 100.0 if unit == "percent" else None
    a, b, c, d = sorted(draw(VALS) for _ in range(4))
    if top is not None:
        a, b, c, d = (min(x, top) for x in (a, b, c, d))
    if draw(st.integers(0, 4)) == 0 and top is None:
        full = Interval(a, None, draw(st.booleans()), False)
        written = Interval(b, None, True, False) if b > a else full
        return full, written
    full = Interval(a, d) if a == d else Interval(a, d, draw(st.booleans()), draw(st.booleans()))
    written = Interval(b, c) if b < c or draw(st.booleans()) else Interval.point(b)
    return full, written if full.contains(written.lo) and full.contains(written.hi) else full


@st.composite
def wider(draw, iv: Interval) -> Interval:
    lo = None if iv.low is None or draw(st.integers(0, 6)) == 0 else max(iv.low - draw(VALS), 0.0)
    hi = None if iv.high is None or draw(st.integers(0, 6)) == 0 else iv.high + draw(VALS)
    return Interval(lo, hi, True, True)


def _ctx(units: dict[str, str], full: dict, written: dict) -> Context:
    claims = {cid: _claim(cid, u) for cid, u in units.items()}
    return Context(claims=claims, intervals=dict(full), periods={}, published=PUB, written=dict(written))


def _verdict(spec, units, full, written) -> str:
    return run_check(spec, _ctx(units, full, written)).verdict


@PROPS
@pytest.mark.parametrize("kind", sorted(KINDS))
@given(data=st.data())
def test_widening_never_makes_a_verdict_worse(kind, data):
    spec, units = KINDS[kind]
    full, written = {}, {}
    for cid, u in units.items():
        full[cid], written[cid] = data.draw(reading(u))
    before = _verdict(spec, units, full, written)
    cid = data.draw(st.sampled_from(sorted(units)))
    wide = data.draw(wider(full[cid]))
    if units[cid] in ("fraction", "percent"):
        top = 1.0 if units[cid] == "fraction" else 100.0
        wide = Interval(wide.low, top if wide.high is None else min(wide.high, top))
    full2 = {**full, cid: wide}
    after = _verdict(spec, units, full2, written)
    if before != INCONSISTENT:
        assert after != INCONSISTENT, (kind, full, written, cid, wide)
    if before in (CONSISTENT, TENSION) and after != UNVERIFIABLE:
        assert SEVERITY[after] <= SEVERITY[before], (kind, before, after, full, written, cid, wide)


@PROPS
@given(data=st.data())
def test_agreement_is_symmetric(data):
    units = {"a": "persons", "b": "persons"}
    full, written = {}, {}
    for cid in units:
        full[cid], written[cid] = data.draw(reading("persons"))
    ab = run_check(AgreementCheck(id="k", kind="agreement", a="a", b="b"), _ctx(units, full, written))
    ba = run_check(AgreementCheck(id="k", kind="agreement", a="b", b="a"), _ctx(units, full, written))
    assert ab.verdict == ba.verdict


@PROPS
@given(data=st.data(), order=st.permutations(["a", "b", "c"]))
def test_sum_and_product_do_not_depend_on_order(data, order):
    units = {"a": "persons", "b": "persons", "c": "persons", "t": "persons"}
    full, written = {}, {}
    for cid in units:
        full[cid], written[cid] = data.draw(reading("persons"))
    c = _ctx(units, full, written)
    base = run_check(SumCheck(id="k", kind="sum", parts=["a", "b", "c"], total="t"), c).verdict
    assert run_check(SumCheck(id="k", kind="sum", parts=list(order), total="t"), c).verdict == base
    punits = {"a": "count", "b": "fraction", "c": "percent", "t": "count"}
    pfull, pwritten = {}, {}
    for cid, u in punits.items():
        pfull[cid], pwritten[cid] = data.draw(reading(u))
    pc = _ctx(punits, pfull, pwritten)
    pbase = run_check(ProductCheck(id="k", kind="product", factors=["a", "b", "c"], product="t"), pc).verdict
    assert run_check(ProductCheck(id="k", kind="product", factors=list(order), product="t"), pc).verdict == pbase


@PROPS
@given(data=st.data())
def test_external_widening_never_makes_inconsistent(data):
    # the claim's interval widened; the reference row fixed: "about 300" ([250, 350] by the rule table)
    row = {"id": "r", "unit": "persons", "qualifier": "approximately", "value": 300.0, "value_low": None,
           "value_high": None, "measure_id": "m", "part_of": None, "publisher": "P", "period_start": None,
           "period_end": None}
    spec = ExternalCheck(id="k", kind="external", claim="a", evidence=["r"])
    full, written = data.draw(reading("persons"))
    units = {"a": "persons"}

    def verdict(iv):
        c = _ctx(units, {"a": iv}, {"a": written})
        c.reference = {"r": row}
        return run_check(spec, c).verdict

    before = verdict(full)
    after = verdict(data.draw(wider(full)))
    if before != INCONSISTENT:
        assert after != INCONSISTENT


# ------------------------------------------------------------------------------------------- counts
COUNT_KINDS = ["sum", "part_whole", "agreement", "share_of_total", "fraction_of"]


@PROPS
@pytest.mark.parametrize("kind", COUNT_KINDS)
@given(data=st.data())
def test_no_verdict_depends_on_a_non_integer_count(kind, data):
    # a count's interval and the whole numbers it holds give the same verdict (when it holds any)
    spec, units = KINDS[kind]
    full, written = {}, {}
    for cid, u in units.items():
        full[cid], written[cid] = data.draw(reading(u))
    snapped = dict(full)
    for cid, u in units.items():
        if u == "persons":
            w = full[cid].integers()
            if w is None or written[cid].integers() is None:
                return
            snapped[cid] = w
            written[cid] = written[cid].integers()
    assert _verdict(spec, units, full, written) == _verdict(spec, units, snapped, written)


def test_fewer_than_10_and_more_than_9_persons_share_no_value():
    # as whole persons "fewer than 10" is [0, 9] and "more than 9" is [10, +inf): no common value; the old
    # reading [0, 10) vs (9, +inf) met on (9, 10) and said tension
    a = Claim(id="a", quote="fewer than 10", text="fewer than 10", value=10, unit="persons", qualifier="fewer than",
              measure={"what": "x"}, attribution=[{"who": "t"}])
    b = Claim(id="b", quote="more than 9", text="more than 9", value=9, unit="persons", qualifier="more than",
              measure={"what": "x"}, attribution=[{"who": "t"}])
    c = Context(claims={"a": a, "b": b}, intervals={"a": claim_interval(a), "b": claim_interval(b)}, periods={},
                published=PUB)
    r = run_check(AgreementCheck(id="k", kind="agreement", a="a", b="b"), c)
    assert (claim_interval(a), claim_interval(b)) == (Interval(0, 9), Interval(10, None, True, False))
    assert r.verdict == INCONSISTENT and r.reason == "no_overlap"


def test_a_rate_of_persons_is_an_average_not_a_whole_count():
    # "an average of more than 33 a day" over the first five months of 2024 (152 days) against 5,054 deaths:
    # 5,054 / 152 = 33.25 a day, more than 33, so the sentence is right. Read as whole persons the rate was
    # [34, +inf) and 34 x 152 = 5,168 > 5,054 made it a false tension; a rate is (33, +inf), and
    # (33 x 152, +inf) = (5,016, +inf) holds 5,054 as written.
    rate = Claim(id="r", quote="more than 33 a day", text="more than 33", value=33, unit="persons per day",
                 qualifier="more than", measure={"what": "x"}, attribution=[{"who": "t"}])
    days = Claim(id="d", quote="152 days", text="152 days", value=152, unit="days", qualifier="exact",
                 measure={"what": "x"}, attribution=[{"who": "t"}])
    total = Claim(id="t", quote="5,054", text="5,054", value=5054, unit="persons", qualifier="exact",
                  measure={"what": "x"}, attribution=[{"who": "t"}])
    claims = {"r": rate, "d": days, "t": total}
    assert claim_interval(rate) == Interval(33, None, False, False)
    # an exact rate of a count is its rounding band: "38 a day" is [37.5, 38.5], where 38 persons is [38, 38]
    exact = rate.model_copy(update={"qualifier": "exact", "value": 38, "text": "38"})
    assert claim_interval(exact) == Interval(37.5, 38.5)
    c = Context(claims=claims, intervals={k: claim_interval(v) for k, v in claims.items()}, periods={},
                published=PUB, written={k: written_interval(v) for k, v in claims.items()})
    r = run_check(RateDurationCheck(id="k", kind="rate_duration", rate="r", duration="d", total="t"), c)
    assert r.verdict == CONSISTENT


def test_a_share_of_a_rate_of_persons_is_not_cut_to_whole_persons():
    # "half of the 3 patients a day were children: 1.5 a day": 50 % x [2.5, 3.5] = [1.25, 1.75] a day holds
    # the stated [1.45, 1.55]; cut to whole persons the implied part held no whole number (a false
    # inconsistent), and a share of a rate gets no GRIM test (an average need not be whole)
    def rec(cid, text, value, unit):
        return Claim(id=cid, quote=text, text=text, value=value, unit=unit, qualifier="exact",
                     measure={"what": "x"}, attribution=[{"who": "t"}])
    claims = {"s": rec("s", "50 percent", 50, "percent"), "t": rec("t", "3", 3, "persons per day"),
              "p": rec("p", "1.5", 1.5, "persons per day")}
    c = Context(claims=claims, intervals={k: claim_interval(v) for k, v in claims.items()}, periods={},
                published=PUB, written={k: written_interval(v) for k, v in claims.items()})
    r = run_check(ShareOfTotalCheck(id="k", kind="share_of_total", share="s", total="t", part="p"), c)
    assert r.verdict == CONSISTENT


# ------------------------------------------------------------------------------------------- shares, brute force
def _share_ctx(text: str, value: float, n: int, qualifier: str = "exact") -> Context:
    share = Claim(id="s", quote=text, text=text, value=value, unit="percent", qualifier=qualifier,
                  measure={"what": "x"}, attribution=[{"who": "t"}])
    total = Claim(id="t", quote=str(n), text=str(n), value=n, unit="persons", precision=1,
                  measure={"what": "x"}, attribution=[{"who": "t"}])
    claims = {"s": share, "t": total}
    return Context(claims=claims, intervals={k: claim_interval(c) for k, c in claims.items()}, periods={},
                   published=PUB)


SHARE = ShareOfTotalCheck(id="k", kind="share_of_total", share="s", total="t")


def _possible(tenths: int, n: int) -> bool:
    """Brute force: some whole k in 0..n has 100 k / n in [t/10 - 0.05, t/10 + 0.05], i.e. 2000 k in
    [(2t - 1) n, (2t + 1) n] (integers only)."""
    return any((2 * tenths - 1) * n <= 2000 * k <= (2 * tenths + 1) * n for k in range(n + 1))


def test_share_granularity_against_brute_force_one_decimal():
    # every share 0.0-100.0 % written with one decimal ("42.3 percent", as written [42.25, 42.35]) and
    # every exact total 1-200: the granularity rule of share_of_total (its as-written reading through
    # granularity.share_fit) finds a whole count exactly when brute force does, and agrees with GRIM
    # (granularity.grim, tested against scrutiny)
    wrong = []
    for tenths in range(0, 1001):
        x = f"{tenths // 10}.{tenths % 10}"
        band = written_interval(_share_ctx(f"{x} percent", tenths / 10, 1).claims["s"])
        for n in range(1, 201):
            fit = share_fit(band.low, band.high, band.low_closed, band.high_closed, n, n, 100)
            possible = _possible(tenths, n)
            if (fit.witness is not None) != possible or (n in (7, 120) and possible != grim(x, n, percent=True)):
                wrong.append((x, n))
    assert wrong == []


def test_share_of_total_against_brute_force_sampled():
    # the whole check on every exact total 1-200 for eleven shares (0.0, 10.1, ..., 100.0 %, a stride of
    # 10.1 points): inconsistent exactly when brute force finds no whole count, consistent otherwise
    wrong = []
    for tenths in range(0, 1001, 101):
        for n in range(1, 201):
            r = run_check(SHARE, _share_ctx(f"{tenths // 10}.{tenths % 10} percent", tenths / 10, n))
            if r.verdict != (CONSISTENT if _possible(tenths, n) else INCONSISTENT):
                wrong.append((tenths, n, r.verdict))
    assert wrong == []


@pytest.mark.parametrize("text, value, qualifier, n, verdict", [
    # "about 40 percent" of exactly 12: interval [36, 44]; 5/12 = 41.7 % fits; as written [39.5, 40.5]
    # (the "about" margin dropped) holds no k/12 (4/12 = 33.3, 5/12 = 41.7) -> tension, not inconsistent
    ("about 40 percent", 40, "approximately", 12, TENSION),
    # "more than 42 percent" of 7: (42, 100]; 3/7 = 42.9 % fits as written -> consistent
    ("more than 42 percent", 42, "more_than", 7, CONSISTENT),
    # "42 percent" of 7: [41.5, 42.5]; 2/7 = 28.6, 3/7 = 42.9 -> no whole count -> inconsistent
    ("42 percent", 42, "exact", 7, INCONSISTENT),
    # "42 and a half percent" (step 0.5: [42.25, 42.75]) of 40: 17/40 = 42.5 % fits -> consistent
    ("42 and a half percent", 42.5, "exact", 40, CONSISTENT),
])
def test_share_granularity_by_interval(text, value, qualifier, n, verdict):
    r = run_check(SHARE, _share_ctx(text, value, n, qualifier))
    assert r.verdict == verdict, r.explanation


def test_share_granularity_says_when_it_cannot_fail():
    # "42 percent" ([41.5, 42.5], one point wide) of 150: every total from floor(100 / 1) + 1 = 101 fits
    # some whole count (63/150 = 42 %), so the test carries no information
    r = run_check(SHARE, _share_ctx("42 percent", 42, 150))
    assert r.verdict == CONSISTENT and "cannot fail" in r.explanation and r.details["grim"]["cannot_fail"]
    # of 50 it can fail (50 < 101) and passes: 21/50 = 42 %
    r = run_check(SHARE, _share_ctx("42 percent", 42, 50))
    assert "cannot fail" not in r.explanation and "21 / 50 = 42%" in r.explanation


def test_share_of_an_unbounded_total_beyond_the_threshold_fits():
    # (0, 51) % of "at least 3" persons: from 2 persons on every share this wide has a whole count
    # (floor(100 / 51) + 1 = 2), so 1 of 3 (33 %) fits (found by the widening property: the search of
    # totals stopped at the threshold 2, below the first total 3)
    from numclaims.granularity import share_fit

    fit = share_fit(0, 51, False, False, 3, None)
    assert fit.witness == (1, 3) and fit.cannot_fail


def test_half_step_share_is_written_with_its_half():
    r = run_check(SHARE, _share_ctx("42 and a half percent", 42.5, 40))
    assert "[42.25, 42.75]" in r.explanation and "17 / 40 = 42.5%" in r.explanation
    assert not math.isnan(r.details["grim"]["written"][0])
