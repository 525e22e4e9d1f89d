"""The ``external`` check: verdicts and findings from the reference rows and the rules, worked by hand.

Intervals follow numclaims.rules (step from trailing zeros; "about" widens by max(step/2, 10 %); "over"
is open above). Periods follow numclaims.periods; the seed article was published on 2013-10-04.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from numclaims.checks import Context, run_check
from numclaims.checks.base import CONSISTENT, INCONSISTENT, TENSION, UNVERIFIABLE
from numclaims.checks.external import OUTLIER_FACTOR, STALE_DAYS
from numclaims.claimvalues import claim_interval
from conftest import results_data as check_article  # results.json data of the typed results
from numclaims.evidence import period_bounds
from numclaims.periods import Period
from numclaims.records import Claim, ExternalCheck

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
PUB = dt.date(2013, 10, 4)


@pytest.fixture(scope="module")
def seed_checks():
    res = check_article(ROOT / "claims" / f"{SEED}.yaml", ROOT)
    return {c["id"]: c for c in res["checks"] if c["kind"] == "external"}


def codes(check):
    return [f["code"] for f in check["findings"]]


def finding(check, code):
    (f,) = [f for f in check["findings"] if f["code"] == code]
    return f


# ---------------------------------------------------------------------------------------- the seed article
def test_every_claim_with_evidence_has_an_external_check(seed_checks):
    res = check_article(ROOT / "claims" / f"{SEED}.yaml", ROOT)
    with_evidence = {c["id"] for c in res["claims"] if c["evidence"]}
    assert {c["claims"][0] for c in seed_checks.values()} == with_evidence
    for c in seed_checks.values():
        assert isinstance(c["findings"], list)
        for f in c["findings"]:
            assert set(f) == {"code", "detail", "evidence"}


def test_300_women_qualifier_dropped_and_period_omitted(seed_checks):
    c = seed_checks["external-women-300"]
    # claim "300" -> step 100 -> [250, 350]; source "about 300" -> [250, 350]: same interval -> consistent
    assert c["verdict"] == CONSISTENT
    assert codes(c) == ["qualifier_dropped", "period_changed"]
    assert finding(c, "qualifier_dropped")["evidence"] == ["ap-es-2013-women"]
    # source period 2010 .. 2013-10: Jan 2010..Oct 2013 = 12*3 + 10 = 46 months at most,
    # Dec 2010..Oct 2013 = 1 + 24 + 10 = 35 at least; the brief gives no period
    assert "2010 to 2013-10 (35 to 46 months); the article gives no period" in finding(c, "period_changed")["detail"]


def test_earnings_24_months_in_the_source_36_in_the_article(seed_checks):
    c = seed_checks["external-earnings-60000"]
    # "$60,000 a month" -> step 10,000 -> [55,000, 65,000]; "about 60,000" -> d = max(5,000, 6,000) -> [54,000, 66,000]
    assert c["verdict"] == CONSISTENT
    assert codes(c) == ["qualifier_dropped", "period_changed"]
    d = finding(c, "period_changed")["detail"]
    # source: Nov 2011..Oct 2013 = 2 + 12 + 10 = 24 months; article: three years back from 2013-10-04 =
    # 2010-10-05..2013-10-04 = 1,096 days / 30.44 = 36 months. 60,000 x 24 = 1.44 million vs x 36 = 2.16 million.
    assert "2011-11 to 2013-10 (24 months)" in d
    assert "2010-10-05 to 2013-10-04 (36 months)" in d


def test_fortune_keeps_its_three_years(seed_checks):
    c = seed_checks["external-fortune-2-million"]
    # source 2010 .. 2013-10 vs article 2010-10-05 .. 2013-10-04: the start falls in 2010 and the end in
    # October 2013, so the period is the same; only the "about" is dropped
    assert (c["verdict"], codes(c)) == (CONSISTENT, ["qualifier_dropped"])


def test_as_many_as_1600_is_a_stale_2011_estimate(seed_checks):
    c = seed_checks["external-prostitutes-1600"]
    assert c["verdict"] == CONSISTENT  # up to 1,600 vs up to 1,600
    f = finding(c, "stale_figure")
    assert codes(c) == ["stale_figure"]
    assert f["evidence"] == ["huarayo-2011-total"]
    # period ends 2011-10-31; to 2013-10-31 is 366 + 365 = 731 days; minus 27 days of October = 704 > 365
    assert "704 days (1.9 years) before the article's publication on 2013-10-04" in f["detail"]
    # components 400 + 1,200 = 1,600 shown against the total
    assert "huarayo-2011-adolescents (400) + huarayo-2011-adults (1,200) = 1,600 = huarayo-2011-total (1,600)" in c["explanation"]


def test_over_4500_has_no_source_and_is_an_outlier(seed_checks):
    c = seed_checks["external-women-4500"]
    # (4,500, +inf) vs about 1,200 = [1,080, 1,320]: no common value -> inconsistent
    assert c["verdict"] == INCONSISTENT
    assert codes(c) == ["no_source", "outlier"]
    ns = finding(c, "no_source")
    assert "4,500 matches rinconada-2012-police, tip2014-rinconada (La Rinconada, Puno) instead" in ns["detail"]
    out = finding(c, "outlier")
    # highest Madre de Dios figure: 1,600 (Huarayo 2011, up to); "over 4,500" persons is at least 4,501
    # whole persons: 4,501 / 1,600 = 2.8131 >= 2
    assert c["details"]["outlier_factor"] == pytest.approx(4501 / 1600, abs=1e-4)
    assert "2.81 times the highest other estimate, 1,600 (huarayo-2011-total)" in out["detail"]
    assert "run from 1,100 to 1,600" in out["detail"]
    assert sorted(out["evidence"]) == sorted(
        ["huarayo-2011-total", "huarayo-2010-minors", "huarayo-2012-victims", "savechildren-2011-minors"])


def test_over_200_holds_against_234_and_293(seed_checks):
    c = seed_checks["external-rescued-200-2011"]
    # (200, +inf) holds 234 and 293; the raid (30 Sep - 2 Oct 2011) lies inside "2011": no period change;
    # the third row is InSight Crime's own report of 4 Oct 2011 ("at least 234", raid of 2 Oct 2011)
    assert (c["verdict"], codes(c)) == (CONSISTENT, [])
    assert [r["supports"] for r in c["details"]["rows"]] == [True, True, True]


def test_up_to_4000_is_the_top_of_a_range_others_say_over_4500(seed_checks):
    c = seed_checks["external-minors-4000-rinconada"]
    # [0, 4,000] holds 1,500 and 4,000 (range row) -> supported; (4,500, +inf) rows share no value -> tension
    assert (c["verdict"], codes(c)) == (TENSION, [])
    verdicts = {r["id"]: (r["verdict"], r["supports"]) for r in c["details"]["rows"]}
    assert verdicts == {
        "rinconada-2013-range": (CONSISTENT, True),
        "rinconada-2012-police": (INCONSISTENT, False),
        "tip2014-rinconada": (INCONSISTENT, False),
    }


def test_2000_rescued_cover_june_2011_to_june_2013(seed_checks):
    c = seed_checks["external-rescued-2000"]
    assert c["verdict"] == CONSISTENT  # "2,000" [1,500, 2,500] vs "about 2,000" [1,500, 2,500]
    assert codes(c) == ["qualifier_dropped", "period_changed"]
    # "in the past two years" counted back from any day of September 2013: 2011-09-02..2013-09-30; the
    # source says June 2011 - June 2013: the start 2011-09-02 is more than 31 days after 2011-06-30
    d = finding(c, "period_changed")["detail"]
    # it lasts two years within that span: 731 days (2011-10-01..2013-09-30) / 30.4375 = 24.02 -> 24 months
    assert "2011-06 to 2013-06 (25 months)" in d and "24 months within 2011-09-02 to 2013-09-30" in d
    # the 664 "identified" in 2013 is another definition: context, not compared
    roles = {r["id"]: r["role"] for r in c["details"]["rows"]}
    assert roles == {"mininter-2013-rescued": "estimate", "tip2015-identified-2013": "context"}


def test_seven_arrests_match(seed_checks):
    c = seed_checks["external-arrests-7"]
    # the arrests are dated (one day), not counted over a period: no period finding
    assert (c["verdict"], codes(c)) == (CONSISTENT, [])


# ---------------------------------------------------------------------------------------- rules in isolation
def claim(cid, value, qualifier="exact", unit="persons", evidence=(), **kw):
    return Claim(id=cid, quote=f"quote of {cid}", value=value, unit=unit, qualifier=qualifier,
                 measure={"what": "x"}, attribution=[{"who": "test"}], evidence=list(evidence), **kw)


def row(rid, value, qualifier="exact", measure="m", low=None, high=None, start="2013", end="2013",
        kind="at", part_of=None):
    if qualifier in ("more_than", "at_least"):
        low = value
    if qualifier == "up_to":
        high = value
    return {"id": rid, "relates_to": None, "measure_id": measure, "part_of": part_of, "value": value,
            "value_low": low, "value_high": high, "unit": "persons", "qualifier": qualifier,
            "qualifier_as_written": qualifier, "measure": "people", "place": "P", "period_start": start,
            "period_end": end, "period_kind": kind, "publisher": "Pub", "title": "T", "published": None,
            "url": "http://x", "note": None, "start_date": period_bounds(start, False),
            "end_date": period_bounds(end, True)}


def run(c, rows, periods=None, evidence=None):
    ctx = Context(claims={c.id: c}, intervals={c.id: claim_interval(c)}, periods=periods or {},
                  published=PUB, reference={r["id"]: r for r in rows})
    return run_check(ExternalCheck(id="ext", kind="external", claim=c.id, evidence=evidence or []), ctx)


def test_no_evidence_is_recorded_as_no_source_not_passed():
    res = run(claim("c", 300), [])
    assert res.verdict == UNVERIFIABLE
    assert [f["code"] for f in res.findings] == ["no_source"]
    assert res.to_dict()["findings"][0]["evidence"] == []


def test_same_figure_same_qualifier_gives_no_findings():
    res = run(claim("c", 7, evidence=["r"]), [row("r", 7)])
    assert (res.verdict, res.findings) == (CONSISTENT, [])


def test_outlier_below_every_estimate():
    # "300" -> [250, 350]; others 1,000 and 1,200 (exact): lowest 1,000 / 350 = 2.857 >= 2 -> outlier;
    # 300 lies in neither [1,000] nor [1,200] -> no support, both share no value -> inconsistent
    res = run(claim("c", 300, evidence=["a", "b"]), [row("a", 1000), row("b", 1200)])
    assert res.verdict == INCONSISTENT
    assert [f["code"] for f in res.findings] == ["no_source", "outlier"]
    assert res.details["outlier_factor"] == pytest.approx(1000 / 350, abs=1e-4)  # stored to 4 decimals


def test_outlier_threshold_is_a_factor_of_two():
    assert OUTLIER_FACTOR == 2.0
    # "over 3,000" -> (3,000, +inf); highest other figure 1,600: 3,000 / 1,600 = 1.875 < 2 -> no outlier
    res = run(claim("c", 3000, "more_than", evidence=["a", "b"]), [row("a", 1600, "up_to"), row("b", 1200)])
    assert "outlier" not in [f["code"] for f in res.findings]
    # "over 3,200": 3,200 / 1,600 = 2.0 -> outlier
    res = run(claim("c", 3200, "more_than", evidence=["a", "b"]), [row("a", 1600, "up_to"), row("b", 1200)])
    assert "outlier" in [f["code"] for f in res.findings]


def test_stale_threshold_is_one_year_before_publication():
    assert STALE_DAYS == 365
    # period ends 2012-10-04: 365 days before 2013-10-04 -> not stale; ends 2012-10-03: 366 days -> stale
    fresh = run(claim("c", 7, evidence=["r"]), [row("r", 7, start="2012-10-04", end="2012-10-04")])
    stale = run(claim("c", 7, evidence=["r"]), [row("r", 7, start="2012-10-03", end="2012-10-03")])
    assert [f["code"] for f in fresh.findings] == []
    assert [f["code"] for f in stale.findings] == ["stale_figure"]
    assert "366 days (1.0 years)" in stale.findings[0]["detail"]
    # a claim that dates itself to the row's period is not presenting it as current
    dated = run(claim("c", 7, evidence=["r"]), [row("r", 7, start="2011", end="2011")],
                periods={"c": Period(dt.date(2011, 1, 1), dt.date(2011, 12, 31))})
    assert [f["code"] for f in dated.findings] == []


def test_hedged_claim_keeps_its_qualifier():
    # "about 300" in the article for "about 300" in the source: nothing dropped
    res = run(claim("c", 300, "approximately", evidence=["r"]), [row("r", 300, "approximately")])
    assert (res.verdict, res.findings) == (CONSISTENT, [])


def test_context_rows_are_not_compared():
    # the first cited row fixes the measure; a row of another measure is listed as context only
    res = run(claim("c", 2000, evidence=["a", "b"]), [row("a", 2000, "approximately"), row("b", 664, measure="other")])
    assert res.verdict == CONSISTENT
    assert [(r["id"], r["role"]) for r in res.details["rows"]] == [("a", "estimate"), ("b", "context")]
    assert "context, not compared: b" in res.explanation


def test_check_level_evidence_overrides_the_claims():
    res = run(claim("c", 7, evidence=["a"]), [row("a", 7), row("b", 70)], evidence=["b"])
    # 7 vs 70: no support, no common value -> inconsistent with no_source
    assert res.verdict == INCONSISTENT
    assert [f["code"] for f in res.findings] == ["no_source"]
