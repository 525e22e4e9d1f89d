"""The seed article end to end: records -> intervals -> checks -> results.json and report.md.

Runs `numclaims check` on a temporary copy of the project's claims/ and datasets/ so the committed
reports are not touched. Expected figures are worked by hand in the comments.
"""

import json
import shutil
from pathlib import Path

import pytest

from numclaims.cli import main
from conftest import copy_seed

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    proj = tmp_path_factory.mktemp("proj")
    copy_seed(proj, "all")  # the seed article only, whatever else claims/ holds
    rc = main(["check", "--root", str(proj), "--quiet", str(proj / "claims" / f"{SEED}.yaml")])
    assert rc == 0
    out = proj / "reports" / SEED
    return json.loads((out / "results.json").read_text(encoding="utf-8")), (out / "report.md").read_text(
        encoding="utf-8")


def claim(res, cid):
    return next(c for c in res[0]["claims"] if c["id"] == cid)


def check(res, cid):
    return next(c for c in res[0]["checks"] if c["id"] == cid)


def test_contract_fields(results):
    res = results[0]
    assert res["article"] == SEED
    assert res["source"]["id"] == SEED and res["source"]["published"] == "2013-10-04"
    assert res["source"]["title"] == "Peru Dismantles Sex Trafficking Ring in Illegal Mining Heartland"
    for c in res["claims"]:
        assert {"id", "quote", "start", "end", "value", "unit", "qualifier", "interval"} <= set(c)
        assert len(c["interval"]) == 2
    for ch in res["checks"]:
        assert {"id", "kind", "claims", "verdict", "explanation"} <= set(ch)


def test_every_required_claim_is_recorded(results):
    ids = {c["id"] for c in results[0]["claims"]}
    assert {"women-exploited-300", "suspects-arrested-7", "earnings-60000-month", "fortune-2-million",
            "fortune-period-3-years", "prostitutes-1600", "women-exploited-4500", "minors-three-quarters",
            "rescued-200-2011", "minors-4000-rinconada", "minors-42-percent", "rescued-2000",
            "period-past-two-years", "case-2011", "report-september"} <= ids


def test_quotes_are_anchored(results):
    text = (ROOT / "datasets" / "sources" / f"{SEED}.txt").read_text(encoding="utf-8")
    for c in results[0]["claims"]:
        assert text[c["start"]:c["end"]] == c["quote"]
    # "Seven suspects were arrested" starts the third paragraph of the body
    seven = claim(results, "suspects-arrested-7")
    assert text[seven["start"]:seven["start"] + 5] == "Seven"


@pytest.mark.parametrize(
    "cid, interval, closed",
    [
        ("women-exploited-300", [250, 350], [True, True]),  # step 100: 300 +- 50
        ("suspects-arrested-7", [7, 7], [True, True]),  # "Seven" people: exact
        ("earnings-60000-month", [55000, 65000], [True, True]),  # step 10,000
        ("fortune-2-million", [1500000, 2500000], [True, True]),  # step 1 million
        ("fortune-period-3-years", [2.5, 3.5], [True, True]),  # "three years", step 1
        ("prostitutes-1600", [0, 1600], [True, True]),  # as many as
        # over 4,500 persons: whole numbers above 4,500, so from 4,501 (closed), unbounded above
        ("women-exploited-4500", [4501, None], [True, False]),
        # a word fraction: 0.75 +- min(grain 1/4 / 2, 10 % of 0.75) = +- 0.075
        ("minors-three-quarters", [0.675, 0.825], [True, True]),
        ("rescued-200-2011", [201, None], [True, False]),  # over 200 persons: from 201
        ("minors-4000-rinconada", [0, 4000], [True, True]),
        ("minors-42-percent", [41.5, 42.5], [True, True]),
        ("rescued-2000", [1500, 2500], [True, True]),
        ("case-2011", ["2011-01-01", "2011-12-31"], [True, True]),
        ("report-september", ["2013-09-01", "2013-09-30"], [True, True]),
    ],
)
def test_claim_intervals(results, cid, interval, closed):
    c = claim(results, cid)
    assert c["interval"] == interval
    assert c["interval_closed"] == closed


@pytest.mark.parametrize(
    "cid, verdict",
    [
        # [55,000, 65,000] x [30, 42] months = [1.65M, 2.73M] overlaps [1.5M, 2.5M]
        ("earnings-times-period-vs-fortune", "consistent"),
        # 42 % of 2,000: implied [622.5, 1,062.5] -> whole persons [623, 1,062]; 840 / 2,000 = 42 %
        ("minors-share-of-rescued", "consistent"),
        # three quarters of over 4,500 = more than 2,812.5 minors > as many as 1,600 in all
        ("minors-three-quarters-vs-1600", "inconsistent"),
        ("ring-within-1600", "consistent"),  # [250, 350] <= [0, 1,600]
        ("ring-within-4500", "consistent"),  # [250, 350] <= (4,500, +inf)
        # 2011 (whole year) is not inside 2011-09-02..2013-09-30 (two years back from a report any day of
        # September 2013: from 2 Sep 2011 if it was the 1st, from 1 Oct 2011 if the 30th)
        ("rescued-2011-within-2000", "unverifiable"),
        # [0, 1,600] vs (4,500, +inf): gap 2,900, factor 2.8
        ("madre-de-dios-estimates-agree", "inconsistent"),
    ],
)
def test_verdicts(results, cid, verdict):
    assert check(results, cid)["verdict"] == verdict


def test_explanations_show_the_arithmetic(results):
    assert "60,000 x 36 = 2,160,000 vs 2,000,000 (+8 %)" in check(results, "earnings-times-period-vs-fortune")["explanation"]
    share = check(results, "minors-share-of-rescued")["explanation"]
    assert "[623, 1,062] persons" in share
    # "42 percent" as written: [41.5, 42.5]; one point wide, so every total from 101 on fits a whole count
    assert "granularity: 840 / 2,000 = 42% fits [41.5, 42.5] (the test cannot fail here" in share
    # over 4,500 persons is at least 4,501: 4,501 / 1,600 = 2.8
    assert "4,501 is 2.8 times the upper bound 1,600" in check(results, "madre-de-dios-estimates-agree")["explanation"]
    # two years back from any day of September 2013: 2011-09-02 (report on 1 Sep) .. 2013-09-30
    assert "2011-09-02..2013-09-30" in check(results, "rescued-2011-within-2000")["explanation"]


def test_summary_lists_worst_first(results):
    s = results[0]["summary"]
    # external-women-4500: "over 4,500" against the Madre de Dios reference estimates (checks/external.py)
    assert s["findings"][:3] == ["external-women-4500", "madre-de-dios-estimates-agree", "minors-three-quarters-vs-1600"]
    assert s["verdicts"]["inconsistent"] >= 3


def test_report_md_has_findings_first(results):
    md = results[1]
    assert md.index("## Findings") < md.index("## Claims")
    assert ('<a id="check-madre-de-dios-estimates-agree"></a>**INCONSISTENT** (two estimates of one measure): '
            "The article gives \u201cAs many as 1,600\u201d and \u201cover 4,500\u201d") in md


def test_period_text_is_a_claim_only_when_it_names_one(tmp_path):
    # "2011" and an all-lower-case anchor ("last september") are date expressions, not claim ids: the claim
    # is checked (exit 0) and its period resolved against the town-news publication date, 3 Mar 2014
    from conftest import PROJECT

    shutil.copytree(PROJECT, tmp_path / "p")
    path = tmp_path / "p" / "claims" / "town-news.yaml"
    text = path.read_text(encoding="utf-8")
    old = "      what: women rescued from the mines\n"
    assert old in text
    text = text.replace(old, old + "      period: {expression: in the past two years, anchor: last september}\n", 1)
    old2 = "      what: people working in the mines\n"
    text = text.replace(old2, old2 + '      period: "2011"\n', 1)
    path.write_text(text, encoding="utf-8")
    assert main(["check", "--root", str(tmp_path / "p"), "--quiet"]) == 0
    res = json.loads((tmp_path / "p" / "reports" / "town-news" / "results.json").read_text(encoding="utf-8"))
    period = {c["id"]: c["period"] for c in res["claims"]}
    # last September before 3 Mar 2014 is September 2013; two years back from any day of it: from 2 Sep
    # 2011 (anchor 1 Sep 2013) to 30 Sep 2013
    assert period["rescued-300"] == ["2011-09-02", "2013-09-30"]
    assert period["workers-1600"] == ["2011-01-01", "2011-12-31"]
