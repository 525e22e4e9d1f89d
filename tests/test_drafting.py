"""`numclaims new` drafts records in full and proposes checks; `numclaims review accept|drop|confirm`.

The invented article tests/data/drafting/harbour-trafficking-2020.txt (no real events) has a headline
number, parts next to a total (907 + 147 = 1,054), "including", "Nearly half of them", two estimates
from different sources in one sentence ("One NGO ... while the regional government"), reporting phrases.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from numclaims.cli import main
from conftest import results_data as check_article  # results.json data of the typed results
from numclaims.yamlio import load_yaml_text

DATA = Path(__file__).parent / "data" / "drafting"
ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The project's datasets and seed claims file copied into a temporary root."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "datasets", root / "datasets")
    (root / "claims").mkdir()
    shutil.copy(ROOT / "claims" / f"{SEED}.yaml", root / "claims")
    return root


@pytest.fixture
def drafted(repo):
    for f in DATA.iterdir():
        shutil.copy(f, repo / "datasets" / "sources" / f.name)
    assert main(["new", "harbour-trafficking-2020", "--id", "harbour-2020", "--root", str(repo)]) == 0
    return repo, repo / "claims" / "harbour-2020.yaml"


def test_records_are_drafted_from_the_words(drafted):
    repo, path = drafted
    data = load_yaml_text(path.read_text(encoding="utf-8"))
    by_id = {c["id"]: c for c in data["claims"]}
    # the headline number is a claim of the article, with its own id, linked to the headline's year
    head = by_id["headline-victims-2019-1054"]
    assert head["measure"]["period"] == "headline-date-2019"
    body = by_id["victims-rescued-2019-1054"]
    # "the Port Authority rescued 1,054 victims in Puno": the verb before the numeral joins the noun;
    # Puno is an ISO 3166-2 region of Peru (PE-PUN)
    assert body["measure"] == {"what": "victims rescued", "where": "Puno, Peru", "period": "date-2019"}
    assert "value" not in body  # "1,054" gives the value: it is read, not retyped
    assert by_id["foreigners-nearly-half"]["qualifier"] == "nearly"
    # "A third": the value 1/3 is read from the words, never written as 0.3333333333333333
    third = next(c for c in data["claims"] if c.get("text") == "A third")
    assert "value" not in third and third["unit"] == "fraction"
    from numclaims.records import Claim

    assert Claim.model_validate(third).value == 1 / 3
    # "One NGO estimated that 2,000 ... while the regional government has estimated that 1,500"
    # the source as the text names it mid-sentence ("one NGO"), then the outlet that published it
    assert by_id["people-trafficked-2000"]["attribution"] == [{"who": "one NGO", "role": "non-governmental organisation"},
                                                              {"who": "Test Gazette", "role": "outlet"}]
    assert by_id["people-trafficked-1500"]["attribution"][0]["who"] == "the regional government"
    assert all(c["guessed"] for c in data["claims"])


def test_checks_are_proposed_with_their_reason(drafted):
    repo, path = drafted
    data = load_yaml_text(path.read_text(encoding="utf-8"))
    checks = {c["kind"]: c for c in data["checks"] if not c["id"].startswith("headline-")}
    assert all(c["status"] == "proposed" and c["reason"] for c in data["checks"])
    # the headline's "1,054 Victims" against the body's 1,054 (the body count of the same unit nearest in
    # value: |1,054 - 1,054| = 0)
    head = next(c for c in data["checks"] if c["id"].startswith("headline-"))
    assert (head["kind"], head["a"], head["b"]) == ("agreement", "headline-victims-2019-1054", "victims-rescued-2019-1054")
    # 907 + 147 = 1,054: the body's 1,054 (same paragraph), not the headline's
    assert checks["sum"]["parts"] == ["women-2019-907", "men-2019-147"] and checks["sum"]["total"] == "victims-rescued-2019-1054"
    assert "907 + 147 = 1,054" in checks["sum"]["reason"]
    assert (checks["agreement"]["a"], checks["agreement"]["b"]) == ("people-trafficked-2000", "people-trafficked-1500")
    res = check_article(path, repo)
    by = {c["id"]: c for c in res["checks"]}
    # 907 + 147 = 1,054 exactly, so the sum is consistent. "2,000" is read to the thousand, [1,500, 2,500];
    # "1,500" to the hundred, [1,450, 1,550]: they share only [1,500, 1,550], at the edge of the first
    # (its inner 80 % is [1,600, 2,400]), so the two estimates are in tension
    assert by[checks["sum"]["id"]]["verdict"] == "consistent"
    assert by[checks["agreement"]["id"]]["verdict"] == "tension"
    assert res["summary"]["proposed"] == [c["id"] for c in data["checks"]]
    assert all(c["guessed"] for c in res["claims"])


def test_review_accepts_drops_and_confirms(drafted, capsys):
    repo, path = drafted
    data = load_yaml_text(path.read_text(encoding="utf-8"))
    keep, drop = data["checks"][0]["id"], data["checks"][-1]["id"]
    assert main(["review", "accept", keep, "--root", str(repo)]) == 0
    assert main(["review", "drop", drop, "--root", str(repo)]) == 0
    # a decision on a claim with guessed fields is refused until they are confirmed
    assert main(["review", "set", "women-2019-907", "verified", "--reviewer", "A", "--note", "n", "--root", str(repo)]) == 2
    assert "guessed by numclaims new" in capsys.readouterr().err
    assert main(["review", "confirm", "women-2019-907", "--root", str(repo)]) == 0
    assert main(["review", "set", "women-2019-907", "verified", "--reviewer", "A", "--note", "n", "--root", str(repo)]) == 0
    after = load_yaml_text(path.read_text(encoding="utf-8"))
    ids = [c["id"] for c in after["checks"]]
    assert keep in ids and drop not in ids and "status" not in after["checks"][0]
    assert "guessed" not in next(c for c in after["claims"] if c["id"] == "women-2019-907")
    assert main(["review", "accept", keep, "--root", str(repo)]) == 2  # no longer proposed


def test_suggest_proposes_only_what_is_not_declared(repo, capsys):
    seed = repo / "claims" / "insightcrime-2013-10-04-peru-trafficking-ring.yaml"
    assert main(["suggest", str(seed), "--root", str(repo)]) == 0
    out = capsys.readouterr().out
    # the seed declares the share, fraction, rate x duration, agreement and 2011-within-2,000 checks itself
    assert "share_of_total" not in out and "rate_duration" not in out


def test_proposals_count_in_no_verdict_and_no_strict_exit(drafted, capsys):
    # harbour-2020's draft holds only proposed checks (4: a sum, a part/whole, an agreement of 2,000 with
    # 1,500 that is in tension, and the headline's 1,054 against the body's): they rate nothing until
    # accepted, so the summary counts 0 checks and
    # --strict does not fail on them
    repo, path = drafted
    assert main(["check", str(path), "--root", str(repo), "--strict", "--no-write"]) == 0
    out = capsys.readouterr().out
    assert "0 checks: 0 consistent, 0 tension, 0 inconsistent, 0 unverifiable" in out
    assert "findings of harbour-2020" not in out
    res = check_article(path, repo)
    assert (res["summary"]["checks"], res["summary"]["findings"], len(res["summary"]["proposed"])) == (0, [], 4)
    assert sum(res["summary"]["verdicts"].values()) == 0


def test_reports_render_with_proposals_marked(drafted):
    repo, path = drafted
    assert main(["check", str(path), "--root", str(repo), "--quiet"]) == 0
    out = repo / "reports" / "harbour-2020"
    res = json.loads((out / "results.json").read_text(encoding="utf-8"))
    proposed = [c for c in res["checks"] if c.get("status") == "proposed"]
    assert proposed and all(c["proposed_because"] for c in proposed)
    assert res["summary"]["proposed"] == [c["id"] for c in proposed]
    assert (out / "report.md").is_file() and (out / "report.html").is_file()
    # nothing reviewed yet: ClaimReview publishes nothing
    assert json.loads((out / "claimreview.json").read_text(encoding="utf-8")) == []
    # a proposal rates nothing until accepted: the 2,000 verified alone is "Accurate" (5); once the
    # agreement with 1,500 (in tension, see above) is accepted it is "Accurate, at the limit" (4)
    agree = next(c["id"] for c in proposed if c["kind"] == "agreement")
    # a reviewed claim is published as ClaimReview, which needs the reviewing organisation (numclaims.claimreview)
    (repo / "numclaims.toml").write_text('[claimreview]\nauthor = "Fact Desk"\nauthor_url = "https://factdesk.example/"\n'
                                         'base_url = "https://factdesk.example/reports/"\n', encoding="utf-8")
    assert main(["review", "confirm", "people-trafficked-2000", "--root", str(repo)]) == 0
    assert main(["review", "set", "people-trafficked-2000", "verified", "--reviewer", "A", "--note", "n",
                 "--date", "2020-03-01", "--root", str(repo)]) == 0

    def rating() -> int:
        assert main(["check", str(path), "--root", str(repo), "--quiet"]) == 0
        (item,) = json.loads((out / "claimreview.json").read_text(encoding="utf-8"))
        return item["reviewRating"]["ratingValue"]

    assert rating() == 5
    assert main(["review", "accept", agree, "--root", str(repo)]) == 0
    assert rating() == 4


def test_decisions_on_unknown_ids_are_one_line(drafted, capsys):
    repo, path = drafted
    before = path.read_bytes()
    assert main(["review", "accept", "no-such-check", "--root", str(repo)]) == 2
    assert main(["review", "confirm", "no-such-claim", "--root", str(repo)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    # no file holds the id, so no file:line is named (never a fake "claims/:0:")
    assert err == ["check no-such-check: id: in no claims file (claims/*.yaml); give the id of a check as its "
                   "claims file writes it [unknown-claim]",
                   "claim no-such-claim: id: in no claims file (claims/*.yaml); give the id of a claim as its "
                   "claims file writes it [unknown-claim]"]
    assert path.read_bytes() == before
    assert main(["suggest", str(repo / "claims" / "missing.yaml"), "--root", str(repo)]) == 2


def test_suggest_write_appends_to_an_existing_file(drafted, capsys):
    repo, path = drafted
    data = load_yaml_text(path.read_text(encoding="utf-8"))
    first = data["checks"][0]["id"]
    assert main(["review", "drop", first, "--root", str(repo)]) == 0
    text = path.read_text(encoding="utf-8")
    left = load_yaml_text(text)
    assert first not in [c["id"] for c in left["checks"]] and left["dropped"][0]["id"] == first
    # the drop is remembered: suggest finds nothing new to propose, and --write leaves the file as it is
    assert main(["suggest", str(path), "--write", "--root", str(repo)]) == 0
    assert "no new check to propose" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == text
    # with the dropped: entry removed by hand, the proposal (the text still says it) comes back, appended
    # after the untouched claims
    path.write_text(text.split("\ndropped:")[0] + "\n", encoding="utf-8")
    assert main(["suggest", str(path), "--write", "--root", str(repo)]) == 0
    after = path.read_text(encoding="utf-8")
    assert after.startswith(text.split("\nchecks:")[0])
    assert f'id: {first}' in after or f'id: "{first}"' in after


def test_suggest_then_drop_gives_back_the_file_byte_for_byte(repo):
    seed = repo / "claims" / f"{SEED}.yaml"
    # the seed with its rate x duration check taken out: suggest proposes it again from the text
    rate = ("  - id: earnings-times-period-vs-fortune\n    kind: rate_duration\n    rate: earnings-60000-month\n"
            "    duration: fortune-period-3-years\n    total: fortune-2-million\n"
            "    note: Does $60,000 a month over three years add up to a $2 million fortune?\n\n")
    text = seed.read_text(encoding="utf-8")
    assert rate in text
    seed.write_text(text.replace(rate, ""), encoding="utf-8")
    before = seed.read_bytes()
    assert main(["suggest", str(seed), "--write", "--root", str(repo)]) == 0
    declared = len(load_yaml_text(before.decode("utf-8"))["checks"])  # the checks the seed declares, one taken out
    added = load_yaml_text(seed.read_text(encoding="utf-8"))["checks"][declared:]
    assert [c["kind"] for c in added] == ["rate_duration"] and added[0]["status"] == "proposed"
    assert seed.read_bytes().startswith(before.split(b"\nwaived:")[0])
    assert main(["review", "drop", *(c["id"] for c in added), "--root", str(repo)]) == 0
    # the file as it was, and the drop remembered at its end (kind, the claims in its core roles, its id)
    assert seed.read_bytes() == before + (
        b"dropped:\n  - kind: rate_duration\n"
        b"    claims: {rate: earnings-60000-month, duration: fortune-period-3-years, total: fortune-2-million}\n"
        b"    id: earnings-60000-month-times-fortune-period-3-years\n")
    assert main(["suggest", str(seed), "--root", str(repo)]) == 0  # not proposed again


def test_drop_refuses_a_check_that_is_no_proposal(repo, capsys):
    seed = repo / "claims" / f"{SEED}.yaml"
    before = seed.read_bytes()
    # a check declared by hand: refused, one line naming file, line and check, the file untouched
    assert main(["review", "drop", "madre-de-dios-estimates-agree", "--root", str(repo)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("claims/insightcrime-2013-10-04-peru-trafficking-ring.yaml:")
    assert "check madre-de-dios-estimates-agree: status: not a proposed check" in err and "--force" in err
    assert len(err.splitlines()) == 1 and err.endswith(" [review-decision]")
    assert seed.read_bytes() == before
    # --force deletes it, and remembers nothing (it was never a proposal)
    assert main(["review", "drop", "madre-de-dios-estimates-agree", "--force", "--root", str(repo)]) == 0
    after = seed.read_text(encoding="utf-8")
    assert "madre-de-dios-estimates-agree" not in after and "dropped:" not in after


def test_suggest_write_turns_an_empty_check_list_into_a_block(repo):
    for f in DATA.iterdir():
        shutil.copy(f, repo / "datasets" / "sources" / f.name)
    assert main(["new", "harbour-trafficking-2020", "--id", "harbour-2020", "--no-checks", "--root", str(repo)]) == 0
    path = repo / "claims" / "harbour-2020.yaml"
    assert "checks: []" in path.read_text(encoding="utf-8")
    assert main(["suggest", str(path), "--write", "--root", str(repo)]) == 0
    text = path.read_text(encoding="utf-8")
    assert "checks:\n  - id: " in text and "\nwaived: []" in text
    # the same four proposals as `numclaims new` makes: sum, part/whole ("including"), agreement of the
    # two estimates, agreement of the headline with the body
    assert [c["kind"] for c in load_yaml_text(text)["checks"]] == ["sum", "part_whole", "agreement", "agreement"]


def test_headline_and_standfirst_are_a_region_of_their_own():
    from numclaims.draft import article_mentions, lead_spans

    text = ("Home > News > Port Rescues 1,054 Victims\n"          # breadcrumb: not the headline
            "Port Rescues 1,054 Victims\n"                        # 41 chars before; 26 long: 41..67
            "About 40 percent of them were minors, officials say in a new report\n"  # 67 long, from 68
            "CRIME / 3 MAR 2021 BY A. WRITER\n"
            "The port authority rescued 1,054 victims last year, the agency said in a statement.\n")
    body_start = text.index("The port")
    lead = lead_spans(text, "Port Rescues 1,054 Victims", (body_start, len(text) - 1))
    assert lead == [("headline", 41, 67), ("standfirst", 68, 68 + 67)]
    ms = article_mentions(text, None, "Port Rescues 1,054 Victims")
    # the breadcrumb's number stays furniture; headline, standfirst and body numbers are claims
    assert [(m.text, m.region) for m in ms] == [("1,054", "headline"), ("About 40 percent", "standfirst"),
                                                ("1,054", "body")]


def test_comparisons_changes_and_complements_are_proposed_where_the_kinds_exist(repo):
    from numclaims.draft import draft
    from numclaims.claimsfile import CHECK_KINDS
    from numclaims.sources import load_source
    from numclaims.suggest import items_for_drafts, propose

    for f in DATA.iterdir():
        shutil.copy(f, repo / "datasets" / "sources" / f.name)
    # invented text tests/data/drafting/capital-cases-2014.txt
    src = load_source("capital-cases-2014", repo)
    items = items_for_drafts(draft("capital-cases-2014", src))
    # by default only the kinds the check registry knows are proposed, so a draft always validates
    assert {p.kind for p in propose(items, src.text)} <= set(CHECK_KINDS)
    kinds = frozenset(CHECK_KINDS) | {"comparison", "change", "complement"}
    got = [(p.kind, p.fields) for p in propose(items, src.text, kinds)]
    assert got == [
        # "878 kidnappings ..., more than triple the 287 kidnappings recorded in 2006": the multiple is a
        # claim ("more than triple", read as more than 3), so its words carry the relation: 878 = (>3) x 287
        ("comparison", {"a": "kidnappings-recorded-2013-878", "b": "kidnappings-recorded-2006-287",
                        "relation": "eq", "times": "2006-triple"}),
        # "9,433 in 2013, markedly higher than the 5,874 seen in 2007"
        ("comparison", {"a": "homicides-2013-9433", "b": "seen-2007-5874", "relation": "gt"}),
        # "The number of kidnappings was down by around 20 percent from 2012, when 1,100 ...": the
        # kidnappings of the latest year named before (2013), not those of 2006
        ("change", {"earlier": "kidnappings-recorded-2012-1100", "later": "kidnappings-recorded-2013-878",
                    "change": "change-2012-20-percent", "direction": "decrease"}),
        # "About 60 percent of the victims were women and the rest were men"
        ("complement", {"parts": ["women-60-percent"]}),
    ]


def test_a_rise_over_100_percent_drafts_to_a_file_that_checks(repo):
    # "sales rose 150 percent": a percent may exceed 100 (a relative change, "a rise of 900%"); only a share
    # of a whole may not, and the share checks say so. The draft of such a sentence must pass check.
    src = repo / "datasets" / "sources"
    (src / "market-2021.txt").write_text(
        "Market Sales Soar\n\nBUSINESS / 5 MAR 2021 BY A. WRITER\n\nSales at the town market rose 150 percent "
        "last year, to 2,500 stalls, the council said.\n\nShare this article\n", encoding="utf-8")
    (src / "market-2021.meta.yaml").write_text(
        "id: market-2021\ntitle: Market Sales Soar\npublisher: Test Gazette\npublished: 2021-03-05\n"
        "licence: invented test article\nattribution: invented\ncaptured: invented\n", encoding="utf-8")
    assert main(["new", "market-2021", "--id", "market-2021", "--root", str(repo)]) == 0
    data = load_yaml_text((repo / "claims" / "market-2021.yaml").read_text(encoding="utf-8"))
    rise = next(c for c in data["claims"] if "150 percent" in c.get("text", c["quote"]))
    assert rise["unit"] == "percent" and rise.get("value", 150) == 150
    assert main(["check", str(repo / "claims" / "market-2021.yaml"), "--root", str(repo), "-q", "--no-write"]) == 0


def test_faults_a_new_user_found_are_drafted_right(repo):
    # invented text tests/data/drafting/dock-raid-2025.txt (published 3 Apr 2025), one sentence per fault
    import datetime as dt

    from numclaims.periods import Period, resolve

    path, data = _new(repo, "dock-raid-2025", "dock-2025")
    by_id = {c["id"]: c for c in data["claims"]}
    # "Thefts at the port were down by half": the half is extracted, as the size of a change
    half = by_id["change-half"]
    assert (half["text"], half["unit"], half["measure"]["what"]) == ("half", "fraction", "change in thefts at the port")
    # "Arrests were up 10 percent on the 190 arrests of the year before": a change, not a share of the 190;
    # and no change check, since the text gives no later count of arrests
    up = by_id["change-10-percent"]
    assert (up["unit"], up["measure"]["what"]) == ("percent", "change in arrests")
    assert up["quote"] == "Arrests were up 10 percent on the 190 arrests of the year before"  # the clause, not "10 percent on"
    # "the port will hire 40 guards by March": a deadline ahead, March 2026, not the March before 3 Apr 2025
    assert by_id["date-march"]["text"] == "by March" and by_id["guards-40"]["measure"]["period"] == "date-march"
    assert resolve("by March", dt.date(2025, 4, 3)) == Period(dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert by_id["guards-40"]["quote"] == "the port will hire 40 guards by March"
    # "57 people in Puno in 2025, 12 more than in 2024": 12 people (the unit of the 57), dated 2025, the year
    # of the figure, not 2024, the year it is compared with
    more = by_id["increase-2025-12"]
    assert (more["unit"], more["measure"]["period"], more["measure"]["what"]) == \
        ("persons", "date-2025", "increase in people rescued over 2024")
    # "closed for 24 hours": a duration in hours, not a count
    hours = by_id["harbour-period-24-hours"]
    assert (hours["text"], hours["unit"], hours["measure"]["what"]) == ("24 hours", "hours", "period the harbour was closed")
    # "The mayor, who took office in 2023, said ...": the mayor, not the outlet
    assert by_id["guards-40"]["attribution"][0]["who"] == "the mayor"
    # ids: "Of the boats, 2 were seized" is boats-seized-2, not "2"; "recorded 190 recorded thefts" names
    # "recorded" once
    assert "boats-seized-2" in by_id and "thefts-recorded-190" in by_id
    assert not any(c.isdigit() for c in by_id) and not any(len(set(c.split("-"))) < len(c.split("-")) for c in by_id)
    # one proposal: the headline's 57 against the body's 57. Not "57 people rescued" within "300 people live
    # on the docks" (another participle), no share of the 190, no change from the 190
    assert [(c["kind"], c["a"], c["b"]) for c in data["checks"]] == [
        ("agreement", "headline-people-57", "people-rescued-2025-57")]
    assert main(["check", str(path), "--root", str(repo), "--no-write", "--quiet"]) == 0


def test_check_key_reads_a_comparison_in_its_direction():
    from numclaims.suggest import check_key

    # "a lt b" is "b gt a"; ge goes with gt; eq is symmetric; the direction itself counts
    assert check_key("comparison", {"a": "x", "b": "y", "relation": "lt"}) == \
        check_key("comparison", {"a": "y", "b": "x", "relation": "gt"}) == \
        check_key("comparison", {"a": "y", "b": "x", "relation": "ge"})
    assert check_key("comparison", {"a": "x", "b": "y", "relation": "gt"}) != \
        check_key("comparison", {"a": "y", "b": "x", "relation": "gt"})
    assert check_key("comparison", {"a": "x", "b": "y", "relation": "eq", "times": "t"}) == \
        check_key("comparison", {"a": "y", "b": "x", "relation": "eq"})
    # an external check is the claim it checks, whatever rows it cites
    assert check_key("external", {"claim": "c", "evidence": ["r1"]}) == check_key("external", {"claim": "c"})


def test_external_checks_are_proposed_against_reference_rows_of_the_measure():
    from numclaims.draft import draft
    from numclaims.sources import load_source
    from numclaims.suggest import items_for_drafts, propose

    src = load_source(SEED, ROOT)
    got = {p.fields["claim"]: p.fields["evidence"] for p in propose(items_for_drafts(draft(SEED, src)), src.text,
                                                                     None, ROOT) if p.kind == "external"}
    # "a network that sexually exploited 300 women" (drafted where: Peru): row ap-es-2013-women, 300 persons
    # "about" 300 = [250, 350] holds 300, place Madre de Dios (an ISO 3166-2 region of Peru), measure
    # "women sexually exploited ..." shares women and exploited
    assert got["women-exploited-300"] == ["ap-es-2013-women"]
    # "42 percent of the 2,000 ... victims rescued": [1,500, 2,500] holds 2,000, Peru, and shares victims and
    # rescued (two words; huarayo-2012-victims shares only victims, and is in Madre de Dios)
    assert got["victims-rescued-2000"] == ["mininter-2013-rescued"]
    # without a project root nothing is looked up
    assert not [p for p in propose(items_for_drafts(draft(SEED, src)), src.text) if p.kind == "external"]


def test_benchmark_compares_periods_by_the_dates_they_stand_for():
    import datetime as dt
    import importlib.util

    spec = importlib.util.spec_from_file_location("drafting_bench", ROOT / "benchmarks" / "drafting.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    published = dt.date(2011, 10, 4)
    day = {"start": dt.date(2011, 10, 2), "end": dt.date(2011, 10, 2)}
    # a hand period written inline and a drafted link to a date record "on 2 October 2011": one day
    claims = {"raid-day": {"text": "2 October 2011"}, "year": {"text": "in 2011"}}
    assert bench._period(day, claims, published) == bench._period("raid-day", claims, published) == \
        ("dates", "2011-10-02", "2011-10-02")
    assert bench._period("year", claims, published) == ("dates", "2011-01-01", "2011-12-31")
    # a record whose words are no period is compared by its id
    assert bench._period("raid", {"raid": {"text": "the raid"}}, published) == ("claim", "raid")


def test_a_broken_reference_package_stops_new_with_one_line(repo, capsys):
    # fault injection: the data package the external proposals read is not JSON; `numclaims new` and
    # `numclaims suggest` print the package's error lines (no traceback) and write nothing
    for f in DATA.iterdir():
        shutil.copy(f, repo / "datasets" / "sources" / f.name)
    (repo / "datasets" / "datapackage.json").write_text("{ not json", encoding="utf-8")
    seed = repo / "claims" / f"{SEED}.yaml"
    before = seed.read_bytes()
    capsys.readouterr()
    assert main(["new", "harbour-trafficking-2020", "--id", "harbour-2020", "--root", str(repo)]) == 2
    assert main(["suggest", str(seed), "--write", "--root", str(repo)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("datasets/datapackage.json") for line in err), err
    assert "Traceback" not in "\n".join(err)
    assert not (repo / "claims" / "harbour-2020.yaml").exists() and seed.read_bytes() == before


def _new(repo, source, article):
    """``numclaims new SOURCE --id ARTICLE`` on the test sources: the claims file's path and its data."""
    for f in DATA.iterdir():
        shutil.copy(f, repo / "datasets" / "sources" / f.name)
    assert main(["new", source, "--id", article, "--root", str(repo)]) == 0
    path = repo / "claims" / f"{article}.yaml"
    return path, load_yaml_text(path.read_text(encoding="utf-8"))


def _valley(repo):
    return _new(repo, "valley-clinics-2024", "valley")


def test_agreement_and_shares_are_proposed_only_between_figures_of_one_measure(repo):
    # invented text tests/data/drafting/valley-clinics-2024.txt, one sentence per false proposal found
    path, data = _valley(repo)
    got = {(c["kind"], tuple((k, c[k]) for k in ("a", "b", "share", "total", "part", "earlier", "later") if k in c))
           for c in data["checks"]}
    assert got == {
        # "3,100 of the patients, or 30 percent": 3,100 is the part, the whole the 8,200 patients named
        # before (30 % x 8,200 = 2,460, not 3,100); never 30 % of the 3,100
        ("share_of_total", (("share", "total-30-percent"), ("total", "patients-treated-2023-8200"),
                            ("part", "count-3100"))),
        # "55 percent of them ..., up from 40 percent in 2021": the 55 % is a share of the 600 surveyed; the
        # 40 % is the starting figure of a rise, no share of this survey's 600; "in 2021" dates the 40 %
        # only, not the 600 or the 55 % (ids without 2021)
        ("share_of_total", (("share", "week-55-percent"), ("total", "found-600"))),
        # ... and the 55 % above the 40 % it rose from
        ("comparison", (("a", "week-55-percent"), ("b", "found-2021-40-percent"))),
        # the headline's 8,200 patients and the body's; not the "average of more than 8,000"
        ("agreement", (("a", "headline-patients-8200"), ("b", "patients-treated-2023-8200"))),
        ("comparison", (("a", "2023-9500"), ("b", "tests-2022-4000"))),
        # "has risen from 12 to 19 since 2018": two figures, the later above the earlier
        ("comparison", (("a", "clinics-2018-19"), ("b", "clinics-2018-12"))),
        ("change", (("earlier", "seen-2022-9100"), ("later", "patients-treated-2023-8200"))),
        # no agreement between "3,100" (patients) and 9,500 (screening tests) though both are bare
        # counts from different sources; none between 2 million euros on repairs and 90,000 euros each
    }
    share = next(c for c in data["checks"] if c.get("part") == "count-3100")
    assert "3,100 of the patients, or 30 percent" in share["reason"]


def test_units_years_and_changes_are_drafted_so_the_checks_run(repo):
    path, data = _valley(repo)
    by_id = {c["id"]: c for c in data["claims"]}
    # "treated 8,200 patients ..., down 5 percent on the 9,100 seen in 2022": the bare 9,100 counts the
    # patients of the count before it, so it is `persons` like the 8,200
    assert (by_id["patients-treated-2023-8200"]["unit"], by_id["seen-2022-9100"]["unit"]) == ("persons", "persons")
    # "to 9,500 in 2023, police said": 2023 is a year (a date record), never a count of police
    assert [c["text"] for c in data["claims"] if "2023" in c["text"]] == ["in 2023", "in 2023"]
    assert all(c["unit"] == "date" for c in data["claims"] if "2023" in c["text"])
    # "from 4,000 in 2022 to 9,500 in 2023": each figure dated by the year right after it
    assert by_id[by_id["tests-2022-4000"]["measure"]["period"]]["text"] == "in 2022"
    assert by_id[by_id["2023-9500"]["measure"]["period"]]["text"] == "in 2023"
    # "has risen from 12 to 19": two counts, no range
    assert [(c["text"], c["unit"], c["value"] if "value" in c else None, c["qualifier"])
            for c in data["claims"] if c["id"].startswith("clinics-")] == \
        [("12", "count", None, "exact"), ("19", "count", None, "exact")]
    by = {c["id"]: c for c in check_article(path, repo)["checks"]}
    # 9,100 at step 100 -> [9,050, 9,150]; 5 % at step 1 -> [4.5, 5.5] %: 9,100 x [0.945, 0.955] over the
    # intervals = [8,552.25, 8,738.25]; 8,200 ([8,150, 8,250]) is outside -> inconsistent (really
    # 1 - 8,200 / 9,100 = 9.9 %)
    assert by["patients-treated-2023-8200-from-seen-2022-9100"]["verdict"] == "inconsistent"
    # 30 % ([29.5, 30.5]) of 8,200 ([8,150, 8,250]) = [2,404.25, 2,516.25] against "3,100" ([3,050,
    # 3,150]) -> inconsistent; the part is the 3,100, never the whole
    assert by["total-30-percent-of-patients-treated-2023-8200"]["verdict"] == "inconsistent"


def test_a_metadata_error_of_new_is_not_followed_by_the_missing_file_hint(repo, capsys):
    src = repo / "datasets" / "sources"
    for f in DATA.iterdir():
        shutil.copy(f, src / f.name)
    meta = src / "dock-raid-2025.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("published: 2025-04-03", "published: 2025-13-45"),
                    encoding="utf-8")
    assert main(["new", "dock-raid-2025", "--id", "dock-2025", "--root", str(repo)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    # both files exist: the metadata error alone, no "sources must be <id>.txt with <id>.meta.yaml"
    assert len(err) == 1 and err[0].startswith("datasets/sources/dock-raid-2025.meta.yaml:4: ") and "published" in err[0]
    assert not (repo / "claims" / "dock-2025.yaml").exists()
    # a missing file: its error line, then the hint
    meta.unlink()
    assert main(["new", "dock-raid-2025", "--id", "dock-2025", "--root", str(repo)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "datasets/sources/dock-raid-2025.meta.yaml:0: source: source file for 'dock-raid-2025' not found [source-missing]",
        "dock-raid-2025: sources must be datasets/sources/<id>.txt with <id>.meta.yaml beside it [source-missing]"]
    # a body with no number: the source file named without a fake line, and what to write instead
    (src / "empty-body.txt").write_text("Nothing Here\n\nNo figures at all in this text.\n", encoding="utf-8")
    (src / "empty-body.meta.yaml").write_text(
        "id: empty-body\ntitle: Nothing Here\npublisher: T\npublished: 2025-01-01\nlicence: test\n"
        "attribution: test\ncaptured: by hand\n", encoding="utf-8")
    assert main(["new", "empty-body", "--id", "empty", "--root", str(repo)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("datasets/sources/empty-body.txt: no numeric mention in the body")
    assert "body: {start: ..., end: ...} in empty-body.meta.yaml" in err[0]


@pytest.mark.parametrize("sentence, who, role", [
    # "and" between capitalised words is part of the name, not its end
    ("Fares rose 4 percent, according to the Office of Rail and Road.", "Office of Rail and Road",
     "source named in the article"),
    ("A spokesperson for the Ministry of Fisheries and Forests said 300 boats were checked.",
     "a spokesperson for the Ministry of Fisheries and Forests", "government"),
    # "and" before a lower-case word still ends it
    ("Gangs killed 30 people, according to police and the army said 40.", "police", "police"),
    # a lower-case source at the end of the sentence
    ("About 900 homes were flooded, the council said.", "the council", "government"),
    ("Some 1,500 meals were served, the trust said.", "the trust", "non-governmental organisation"),
    ("Ships waited 40 hours, the harbour master said.", "the harbour master", "source named in the article"),
    # past a relative clause holding a number with a thousands comma
    ("Bus owners, who run about 12,000 buses, said fares would rise.", "Bus owners", "source named in the article"),
    # a survey owned by someone, with a number in its description
    ("The union’s survey of 2,400 nurses found that 61 percent had worked unpaid hours.", "the union’s survey",
     "source named in the article"),
    # the owner of the figures that "show"
    ("Arrests rose to 300 last year, police figures show.", "police", "police"),
])
def test_sources_are_named_whole(sentence, who, role):
    from numclaims.draft import reporting_phrases

    assert [(s.who, s.role) for s in reporting_phrases(sentence, 0, len(sentence))] == [(who, role)]
    # figures that "show" with no owner name no source
    assert reporting_phrases("New figures show 300 arrests.", 0, 29) == []


def test_parts_of_an_opening_total_and_a_share_after_made_up_are_proposed(repo):
    # invented text tests/data/drafting/ward-survey-2024.txt: "Of the 1,300 patients, 700 were adults and
    # 450 were teenagers, while the remaining 150 were infants. Adults made up 54 percent of the 1,300
    # patients, the trust said." and a ranking in one sentence: "North Ward treated 620 of the patients, the
    # highest of any ward, while East Ward treated 410, the second highest. In comparison, West Ward
    # treated 270." and "Visits more than doubled, from 3,000 in 2022 to 6,500 in 2023." and "20 percent of
    # Oakham's 5,000 residents – roughly 1,000 people – used the wards." and "Of the 800 surveyed, 340 said
    # they waited too long."
    path, data = _new(repo, "ward-survey-2024", "ward")
    checks = {c["kind"]: c for c in data["checks"] if c["kind"] != "agreement"}
    # the three parts (the whole run, never its tail 450 + 150) of the total the sentence opens with
    assert (checks["sum"]["parts"], checks["sum"]["total"]) == (["adults-700", "teenagers-450", "infants-150"], "patients-1300")
    assert [c for c in data["checks"] if c["kind"] == "sum"] == [checks["sum"]]
    # "made up 54 percent of the 1,300": a share, not a change ("up"); "20 percent of Oakham's 5,000
    # residents – roughly 1,000 people": the base after a possessive, the count set off after it the part
    assert [(c["share"], c["total"], c.get("part")) for c in data["checks"] if c["kind"] == "share_of_total"] == [
        ("patients-54-percent", "patients-1300-2", None), ("residents-20-percent", "residents-5000", "people-used-1000")]
    # one part of the total a sentence opens with (the 1,300's parts are a sum, not three part/wholes)
    assert [(c["part"], c["whole"]) for c in data["checks"] if c["kind"] == "part_whole"] == [
        ("count-340", "surveyed-800")]
    # the highest above the second highest, which is at least the figure "In comparison"
    assert [(c["a"], c["relation"], c["b"]) for c in data["checks"] if c["kind"] == "comparison"] == [
        ("count-620", "gt", "count-410"), ("count-410", "ge", "count-270"), ("2023-6500", "gt", "2022-3000")]
    by = {c["id"]: c for c in check_article(path, repo)["checks"]}
    # step 100, 10, 10 from the trailing zeros: [650, 750] + [445, 455] + [145, 155] = [1,240, 1,360] meets
    # 1,300 ([1,250, 1,350]); as written 700 + 450 + 150 = 1,300 -> consistent
    assert by[checks["sum"]["id"]]["verdict"] == "consistent"
    assert by[checks["sum"]["id"]]["details"]["implied"] == [1240, 1360]
    # 20 % ([19.5, 20.5]) of 5,000 ([4,500, 5,500]) = [877.5, 1,127.5] holds "roughly 1,000" -> consistent
    assert by["residents-20-percent-of-residents-5000"]["verdict"] == "consistent"


def test_a_quotation_over_two_sentences_is_the_words_of_the_speaker_after_it():
    from numclaims.draft import attribution_for, sentences
    from numclaims.extract import find_mentions

    # the 40 is in the first sentence of the quotation, the speaker named after it closes in the second
    t = "Staff were busy. \u201cWe fed 40 children on Monday. Now it is 90,\u201d said Ann Bell, the cook."
    ss = sentences(t, (0, len(t)))
    who = {}
    for m in find_mentions(t):
        sent = next(x for x in ss if x.start <= m.start <= x.end)
        who[m.text] = attribution_for(t, m, sent, [x for x in ss if x.para == sent.para], "Pub", {})[0]["who"]
    assert who == {"40": "Ann Bell", "90": "Ann Bell"}


def test_decisions_refuse_an_id_defined_twice(drafted, capsys):
    repo, path = drafted
    text = path.read_text(encoding="utf-8")
    # the claim women-2019-907 written twice (the second copy renamed back by hand)
    data = load_yaml_text(text)
    other = next(c["id"] for c in data["claims"] if c["id"] != "women-2019-907" and "guessed" in c)
    twice = text.replace(f'id: "{other}"', 'id: "women-2019-907"', 1)
    assert twice != text
    path.write_text(twice, encoding="utf-8")
    assert main(["review", "confirm", "women-2019-907", "--root", str(repo)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("claims/harbour-2020.yaml:")
    assert "claim women-2019-907: id: also defined at claims/harbour-2020.yaml:" in err[0]
    assert path.read_text(encoding="utf-8") == twice  # nothing confirmed


def test_multiplier_verbs_a_cut_by_half_and_a_first_line_headline_are_drafted(repo):
    # invented text tests/data/drafting/port-guards-2025.txt: its first line is the headline (equal to the
    # title, nothing before it), "more than doubled", "cut crashes by half by 2030"
    from numclaims.coverage import coverage_for
    from numclaims.loader import load_article

    path, data = _new(repo, "port-guards-2025", "port")
    by_id = {c["id"]: c for c in data["claims"]}
    # "Port Hires 40 Guards": a count of guards in the headline, not a name ("Hires 40"); the headline's
    # claim, checked against the body's 40
    head = by_id["headline-guards-40"]
    assert (head["quote"], head["text"], head["unit"]) == ("Port Hires 40 Guards", "40", "count")
    assert [(c["kind"], c["a"], c["b"]) for c in data["checks"] if c["kind"] == "agreement"] == [
        ("agreement", "headline-guards-40", "guards-40")]
    # "more than doubled": a ratio of 2, more than; its words give the value (none retyped)
    doubled = next(c for c in data["claims"] if c.get("text") == "more than doubled")
    assert (doubled["unit"], doubled["qualifier"], "value" in doubled) == ("ratio", "more_than", False)
    assert doubled["quote"] == "The number of parking fines issued more than doubled"
    # "cut crashes by half by 2030": a change of a half in crashes, dated 2030
    half = by_id["change-2030-half"]
    assert (half["text"], half["unit"], half["measure"]["what"], half["measure"]["period"]) == \
        ("half", "fraction", "change in crashes", "date-2030")
    assert main(["check", str(path), "--root", str(repo), "--no-write", "--quiet"]) == 0
    # coverage counts the headline's 40: 20 mentions (headline 40; 40, March; more than doubled, 3,000, 2023,
    # 7,500, 2024; half, 2030; five days a week, two, 2023; 9,400, the year to March, 30 ships a day, 45,
    # 12 years, £20,000 a month, March 2027; 300, 120, 90, 40, 14 percent, 20,000), all claimed
    cov = coverage_for(load_article(path, repo))
    assert (cov["mentions"], cov["claimed"], cov["missing"]) == (26, 26, [])


def test_days_a_week_is_a_rate_and_what_it_is_up_from_too(repo):
    # "The harbour office is now open five days a week, up from two in 2023." (port-guards-2025.txt)
    from numclaims.extract import find_mentions

    path, data = _new(repo, "port-guards-2025", "port")
    by_id = {c["id"]: c for c in data["claims"]}
    five = by_id["open-5-days-week"]
    # a rate of 5 days per week, not a 5-day duration "period of count"; undated: 2023 is the year of the two
    assert (five["text"], five["unit"], five["measure"]) == (
        "five days a week", "days per week", {"what": "days a week the harbour office is open"})
    # "up from two": the earlier figure of the same measure, 2 days per week in 2023 (the words "two" read as
    # a count, so the value is written)
    two = by_id["open-2023-2"]
    assert (two["quote"], two["value"], two["unit"], two["measure"]["period"], "text" in two) == (
        "up from two in 2023", 2, "days per week", "date-2023-2", False)
    assert by_id["date-2023-2"]["text"] == "in 2023"
    # and the comparison of the two: 5 > 2
    assert ("comparison", "open-5-days-week", "open-2023-2", "gt") in [
        (c["kind"], c.get("a"), c.get("b"), c.get("relation")) for c in data["checks"]]
    assert main(["check", str(path), "--root", str(repo), "--no-write", "--quiet"]) == 0
    # "24 hours a day" is 24 hours per day; "three days a year ago" is a duration (no rate)
    text = "Staff work 24 hours a day. It ran for three days a year ago."
    assert [(m.text, m.unit) for m in find_mentions(text, body=(0, len(text)))] == [
        ("24 hours a day", "hours per day"), ("three days", "days")]


def test_periods_of_the_year_to_a_month_of_a_rate_until_a_date_and_not_of_someones_tenure(repo):
    # port-guards-2025.txt (published 2 June 2025), last paragraph
    import datetime as dt

    from numclaims.periods import Period, resolve

    path, data = _new(repo, "port-guards-2025", "port")
    by_id = {c["id"]: c for c in data["claims"]}
    # "9,400 ships in the year to March": the 12 months ending with the last March over, April 2024 to
    # March 2025, not a month
    ships = by_id["ships-handled-9400"]
    assert ships["measure"]["period"] == "date-the-year-to-march"
    assert by_id["date-the-year-to-march"]["text"] == "in the year to March"
    assert resolve("in the year to March", dt.date(2025, 6, 2)) == Period(dt.date(2024, 4, 1), dt.date(2025, 3, 31))
    # "Now it's 45," said Ann Kerr, who has run the port for 12 years": how long she ran it, no period of the
    # 45; nor the duration of the "30 ships a day" (no rate_duration 30 x 12 years = 45)
    assert "period" not in by_id["count-45"]["measure"]
    assert by_id["period-12-years"]["text"] == "for 12 years"
    assert not [c for c in data["checks"] if c["kind"] == "rate_duration"]
    # "£20,000 a month until the scheme closes in March 2027": from publication to the end of March 2027
    assert by_id["amount-20000-month"]["measure"]["period"] == {"start": dt.date(2025, 6, 2), "end": dt.date(2027, 3, 31)}
    assert "measure.period" in by_id["amount-20000-month"]["guessed"]
    assert main(["check", str(path), "--root", str(repo), "--no-write", "--quiet"]) == 0


def test_what_each_count_is_said_to_be_and_places_named_as_places(repo):
    # port-guards-2025.txt: "Of the 300 crashes, 120 were cyclists and 90 were pedestrians. Harwick County
    # recorded 40 of the crashes, and 14 percent of Harwick’s 20,000 residents cycle."
    path, data = _new(repo, "port-guards-2025", "port")
    by_id = {c["id"]: c for c in data["claims"]}
    # each count takes the noun said of it ("120 were cyclists"), not the noun of the count before it
    assert by_id["cyclists-120"]["measure"]["what"] == "cyclists"
    assert by_id["pedestrians-90"]["measure"]["what"] == "pedestrians"
    # "Harwick County recorded 40": a name ending in "County" is a place, though no preposition precedes it
    # and ISO 3166 does not know it
    assert by_id["count-40"]["measure"]["where"] == "Harwick County"
    # "Harwick’s" (curly apostrophe): the place is Harwick, without the possessive
    assert by_id["cycle-14-percent"]["measure"]["where"] == by_id["cycle-20000"]["measure"]["where"] == "Harwick"


def test_datelines_are_no_claims_and_a_stray_title_or_a_second_draft_warns(repo, capsys):
    from numclaims.extract import classify_line

    # datelines with a place, a separator and a byline are page furniture, not claims
    assert classify_line("NAIROBI, 14 March 2024 / By Wanjiru Kamau") == "dateline"
    assert classify_line("By Tom Ashby · Tuesday 3 June 2025") == "dateline"
    assert classify_line("The 14 March 2024 meeting was held by the council in the town hall of the city.") == "prose"
    src = repo / "datasets" / "sources"
    body = ("Harbour Fees Rise\n\nBy Ann Writer · Tuesday 3 June 2025\n\nThe harbour raised its fees by 12 percent "
            "this year, the harbour master said on Tuesday.\n")
    (src / "fees-2025.txt").write_text(body, encoding="utf-8")
    meta = ("id: fees-2025\ntitle: Harbour Fees Rise Sharply\npublisher: Test Gazette\npublished: 2025-06-03\n"
            "licence: invented test article\nattribution: invented\ncaptured: invented\n")
    (src / "fees-2025.meta.yaml").write_text(meta, encoding="utf-8")
    assert main(["new", "fees-2025", "--id", "fees", "--root", str(repo)]) == 0
    err = capsys.readouterr().err.splitlines()
    # the title (line 2 of the metadata) is not the headline line "Harbour Fees Rise": one warning line
    assert err == ["warning: datasets/sources/fees-2025.meta.yaml:2: title 'Harbour Fees Rise Sharply' is no line of "
                   "fees-2025.txt before the body, so the headline's numbers are not drafted; write the title as the "
                   "headline line reads [title-not-headline]"]
    data = load_yaml_text((repo / "claims" / "fees.yaml").read_text(encoding="utf-8"))
    # the one claim is the 12 percent: not the dateline's 3 June 2025
    assert [c.get("text") for c in data["claims"]] == ["12 percent"]
    # drafting the same source again: one warning naming the file that records it; the ids get -2
    (src / "fees-2025.meta.yaml").write_text(meta.replace("Rise Sharply", "Rise"), encoding="utf-8")
    assert main(["new", "fees-2025", "--id", "fees-again", "--root", str(repo)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == ["warning: datasets/sources/fees-2025.meta.yaml: source 'fees-2025' is already recorded by "
                   "claims/fees.yaml; the draft's ids get -2 suffixes (edit that file, or run numclaims suggest on it) "
                   "[source-drafted-already]"]


def test_a_dropped_comparison_keys_as_the_proposal_it_was():
    # "a lt b" is the relation "b gt a": the dropped: entry keeps the relation, so suggest matches it to the
    # same proposal made again (before, the entry kept only a and b and read as "a gt b": proposed again)
    from numclaims.decisions import dropped_entry
    from numclaims.suggest import check_key

    for check in ({"id": "c", "kind": "comparison", "a": "x", "b": "y", "relation": "lt", "status": "proposed"},
                  {"id": "c", "kind": "comparison", "a": "x", "b": "y", "relation": "eq", "status": "proposed"}):
        entry = dropped_entry(check)
        assert entry["claims"]["relation"] == check["relation"]
        assert check_key(entry["kind"], entry["claims"]) == check_key("comparison", check)
    assert check_key("comparison", {"a": "x", "b": "y", "relation": "lt"}) == \
        check_key("comparison", {"a": "y", "b": "x", "relation": "gt"})
