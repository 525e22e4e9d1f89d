"""A hedged figure's trailing zeros are rounding, also as written (semantics section 2).

"about $15,400 for each person counted" is a quotient the writer rounded to the hundred and hedged; its
zeros are not digits written at face value, so taken as written it stands for [15,350, 15,450] (the
rounding of its last significant digit), and only the margin of "about" (10 %) is left to the ``tension``
level. Without the hedge, "$15,400" keeps its zeros as written digits ([15,399.5, 15,400.5]), as before.
A held-out trial found the per-person case ``tension`` (52,600,000 / 3,412 = 15,416, "about $15,400").
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from numclaims.checks import Context, run_check
from numclaims.checks.base import CONSISTENT, TENSION
from numclaims.claimvalues import claim_interval, written_interval
from numclaims.intervals import Interval
from numclaims.records import AgreementCheck, Claim, ProductCheck, ShareOfTotalCheck

PUB = dt.date(2026, 3, 18)


def _claim(cid: str, text: str, value: float, unit: str, qualifier: str = "exact") -> Claim:
    return Claim(id=cid, quote=text, text=text, value=value, unit=unit, qualifier=qualifier,
                 measure={"what": "x"}, attribution=[{"who": "t"}])


def _ctx(*claims: Claim) -> Context:
    by_id = {c.id: c for c in claims}
    return Context(claims=by_id, intervals={k: claim_interval(c) for k, c in by_id.items()}, periods={},
                   published=PUB, written={k: written_interval(c) for k, c in by_id.items()})


def test_hedged_round_figures_read_their_zeros_as_rounding():
    # "about $15,400": rounding step 100 (two trailing zeros) -> [15,350, 15,450]; its interval is the
    # 10 % margin, [13,860, 16,940] (15,400 x 0.9 and x 1.1)
    about = _claim("a", "about $15,400", 15400, "USD", "approximately")
    assert claim_interval(about) == Interval(13860, 16940)
    assert written_interval(about) == Interval(15350, 15450)
    # "roughly 3,500" persons: step 100 -> [3,450, 3,550] (was [3,500, 3,500])
    assert written_interval(_claim("r", "roughly 3,500", 3500, "persons", "approximately")) == Interval(3450, 3550)
    # unchanged: the bare figure keeps its zeros as written digits, and a hedged percentage with no
    # trailing-zero rounding (step 1) keeps the band of its last digit
    assert written_interval(_claim("e", "$15,400", 15400, "USD")) == Interval(15399.5, 15400.5)
    assert written_interval(_claim("p", "about 40 percent", 40, "percent", "approximately")) == Interval(39.5, 40.5)


def _per_person(text: str, qualifier: str) -> str:
    # 3,412 counted x the amount per person against "$52.6 million" ([52,550,000, 52,650,000])
    ctx = _ctx(_claim("n", "3,412", 3412, "persons"), _claim("pp", text, 15400, "USD", qualifier),
               _claim("t", "$52.6 million", 52_600_000, "USD"))
    return run_check(ProductCheck(id="k", kind="product", factors=["n", "pp"], product="t"), ctx).verdict


def test_a_hedged_per_person_figure_holds_as_written():
    # 52,600,000 / 3,412 = 15,416.2, "about $15,400"; as written 3,412 x [15,350, 15,450] =
    # [52,374,200, 52,715,400], which holds the stated [52,550,000, 52,650,000]: consistent (was tension,
    # 3,412 x [15,399.5, 15,400.5] = [52,543,094, 52,546,506] falls short of 52,550,000)
    assert _per_person("about $15,400", "approximately") == CONSISTENT
    # without "about" the zeros are written digits: 3,412 x 15,400 = 52,544,800 is short of 52.55 million as
    # written, and holds only within the rounding of "$15,400" to the hundred: tension, as before
    assert _per_person("$15,400", "exact") == TENSION


def _agree(a: Claim, b: Claim) -> str:
    return run_check(AgreementCheck(id="k", kind="agreement", a=a.id, b=b.id), _ctx(a, b)).verdict


def test_a_hedged_estimate_agrees_within_its_rounding_not_its_margin():
    roughly = _claim("u", "roughly 3,500", 3500, "persons", "approximately")
    # 3,460 rounds to 3,500 at the hundred ([3,450, 3,550]): consistent (was tension)
    assert _agree(_claim("c", "3,460", 3460, "persons"), roughly) == CONSISTENT
    # 3,412 rounds to 3,400, so "roughly 3,500" holds only by the margin of "roughly" ([3,150, 3,850]):
    # tension, and the explanation names the hedge's low bound
    assert _agree(_claim("c", "3,412", 3412, "persons"), roughly) == TENSION


def test_the_granularity_witness_is_taken_at_the_written_total():
    # "42 percent of the about 2,500 rescued": as written the total is [2,450, 2,550] (step 100); the
    # witness shown is 42 % x 2,500 = 1,050 of the figure written, not the smallest total of the band
    # (1,029 / 2,450 = 42 % too, but no figure the article writes)
    ctx = _ctx(_claim("s", "42 percent", 42, "percent"),
               _claim("t", "about 2,500", 2500, "persons", "approximately"))
    r = run_check(ShareOfTotalCheck(id="k", kind="share_of_total", share="s", total="t"), ctx)
    assert r.verdict == CONSISTENT
    assert "1,050 / 2,500 = 42%" in r.explanation and "2,450 =" not in r.explanation


@given(st.integers(1, 9_999), st.integers(0, 4), st.sampled_from(["persons", "USD"]))
def test_a_hedge_only_widens_the_as_written_reading_inside_the_interval(digits, zeros, unit):
    # for any round figure d x 10^z: the hedged as-written reading holds the bare one's and lies inside the
    # hedged interval (the hedge never narrows what a figure stands for, nor reaches past its margin)
    v = digits * 10**zeros
    text = f"{v:,}" if unit == "persons" else f"${v:,}"
    bare = written_interval(_claim("e", text, v, unit))
    about = _claim("a", f"about {text}", v, unit, "approximately")
    hedged = written_interval(about)
    full = claim_interval(about)
    assert hedged.lo <= bare.lo and bare.hi <= hedged.hi
    assert full.lo <= hedged.lo and hedged.hi <= full.hi


def test_a_hedged_figure_of_one_significant_digit_keeps_its_value():
    # "about 300": the band of its only digit, [250, 350], is all of its interval (the 10 % margin, 30, is
    # narrower than half the step, 50), so as written it stays 300, and "about 300 is more than 340" holds
    # only if the figure reaches 341: tension, not consistent
    about = _claim("a", "about 300", 300, "persons", "approximately")
    assert claim_interval(about) == Interval(250, 350)
    assert written_interval(about) == Interval(300, 300)
    assert written_interval(_claim("t", "around 2,000", 2000, "persons", "approximately")) == Interval(2000, 2000)
