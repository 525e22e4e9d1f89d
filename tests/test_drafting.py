"""`numclaims new` drafts records in full and proposes checks; `numclaims review accept|drop|confirm`.

The invented article tests/data/drafting/harbour-trafficking-2020.txt (no real events) has a headline
number, parts next to a total (907 + 147 = 1,054), "including", "Nearly half of them", two estimates
from different sources in one sentence ("One NGO ... while the regional government"), reporting phrases.
"""

from __future__ import annotations

import datetime as dt
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
    # the headline number is a claim of the article, with its own id, dated by the headline's year; the year's
    # words are in the figure's own quote, so its period is written inline, as a hand file does
    year_2019 = {"start": dt.date(2019, 1, 1), "end": dt.date(2019, 12, 31)}
    head = by_id["headline-victims-2019-1054"]
    assert head["measure"]["period"] == year_2019
    body = by_id["victims-rescued-2019-1054"]
    # "the Port Authority rescued 1,054 victims in Puno": the verb before the numeral joins the noun;
    # Puno is an ISO 3166-2 region of Peru (PE-PUN)
    assert body["measure"] == {"what": "victims rescued", "where": "Puno, Peru", "period": year_2019}
    # the headline names Peru only: it restates the 1,054 of Puno
    assert head["measure"]["where"] == "Puno, Peru"
    # a headline's year is its numeral ("... Victims in 2019": 2019), without the sentence's "in"
    assert by_id["headline-date-2019"]["text"] == "2019"
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


@pytest.mark.parametrize("edit, line_of, code", [
    # a period start that is no date: the round-trip reader could not build it (an internal error, exit 70,
    # before); check's own line is given instead
    ("date", "start:", "not-a-date"),
    # a check that names a claim the file does not have: the decision was written, then check rejected the file
    ("ref", "total:", "unknown-claim"),
])
def test_no_decision_is_written_into_a_file_check_rejects(drafted, capsys, edit, line_of, code):
    repo, path = drafted
    data = load_yaml_text(path.read_text(encoding="utf-8"))
    sum_check = next(c["id"] for c in data["checks"] if c["kind"] == "sum")
    text = path.read_text(encoding="utf-8")
    if edit == "date":
        text = text.replace("{start: 2019-01-01,", "{start: 2019-13-40,", 1)
    else:
        total = next(c["total"] for c in data["checks"] if c["kind"] == "sum")
        text = text.replace(f'total: "{total}"', 'total: "no-such-claim"', 1)
    assert text != path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    lineno = next(i for i, ln in enumerate(text.splitlines(), 1) if line_of in ln and
                  ("2019-13-40" in ln or "no-such-claim" in ln))
    for args in (["accept", sum_check], ["drop", sum_check], ["confirm", "women-2019-907"],
                 ["set", "men-2019-147", "unreviewed"]):
        capsys.readouterr()
        assert main(["review", *args, "--root", str(repo)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1, err
        assert err[0].startswith(f"claims/harbour-2020.yaml:{lineno}: claim ") and err[0].endswith(f"[{code}]")
        assert "nothing was written" in err[0]
        assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("case", ["claims-5", "checks-5", "empty"])
def test_a_claims_file_with_no_list_to_search_gets_check_s_line_not_an_internal_error(drafted, capsys, case):
    # `claims: 5` had made review confirm/set exit 70 ("TypeError: 'int' object is not iterable"), as had
    # `checks: 5` for accept/drop; an empty file had said the id was "in no claims file"
    repo, path = drafted
    data = load_yaml_text(path.read_text(encoding="utf-8"))
    sum_check = next(c["id"] for c in data["checks"] if c["kind"] == "sum")
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("\nclaims:\n", 1)
    claims_part, checks_part = rest.split("\nchecks:\n", 1)
    text = {"claims-5": head + "\nclaims: 5\n\nchecks:\n" + checks_part,
            "checks-5": head + "\nclaims:\n" + claims_part + "\nchecks: 5\n",
            "empty": ""}[case]
    path.write_text(text, encoding="utf-8")
    want = (1, "[file-empty]") if case == "empty" else \
        (text.splitlines().index(case.replace("-", ": ")) + 1, "[not-a-list]")
    actions = [["accept", sum_check], ["drop", sum_check]] if case != "claims-5" else []
    actions += [["confirm", "women-2019-907"], ["set", "men-2019-147", "unreviewed"]] if case != "checks-5" else []
    for args in actions:
        capsys.readouterr()
        assert main(["review", *args, "--root", str(repo)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(f"claims/harbour-2020.yaml:{want[0]}: ") and \
            err[0].endswith(want[1]), err
        assert path.read_text(encoding="utf-8") == text


def test_a_claim_id_defined_twice_in_one_file_is_named_so(drafted, capsys):
    repo, path = drafted
    text = path.read_text(encoding="utf-8").replace('id: "men-2019-147"', 'id: "women-2019-907"', 1)
    path.write_text(text, encoding="utf-8")
    lines = [i for i, ln in enumerate(text.splitlines(), 1) if ln.strip() == '- id: "women-2019-907"']
    assert len(lines) == 2
    assert main(["review", "set", "women-2019-907", "unreviewed", "--root", str(repo)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"claims/harbour-2020.yaml:{lines[1]}: claim women-2019-907: id: duplicate claim id (first defined at line "
        f"{lines[0]}); rename one [duplicate-id]"]
    assert path.read_text(encoding="utf-8") == text


def test_reports_show_the_guessed_fields_to_confirm_until_confirmed(drafted):
    repo, path = drafted
    data = load_yaml_text(path.read_text(encoding="utf-8"))
    guessed = next(c["guessed"] for c in data["claims"] if c["id"] == "women-2019-907")
    assert main(["check", str(path), "--root", str(repo), "--quiet"]) == 0
    md = (repo / "reports" / "harbour-2020" / "report.md").read_text(encoding="utf-8")
    html = (repo / "reports" / "harbour-2020" / "report.html").read_text(encoding="utf-8")
    block = md[md.index('<a id="claim-women-2019-907"></a>'):]
    block = block[:block.index("\n### ")]
    assert f"- To confirm (guessed by numclaims new): {', '.join(guessed)}" in block
    assert md.count("- To confirm (guessed by numclaims new): ") == sum(bool(c.get("guessed")) for c in data["claims"])
    assert html.count('<dt>To confirm</dt><dd class="guessed">guessed by numclaims new: ') == md.count("- To confirm")
    assert main(["review", "confirm", "women-2019-907", "--root", str(repo)]) == 0
    assert main(["check", str(path), "--root", str(repo), "--quiet"]) == 0
    md = (repo / "reports" / "harbour-2020" / "report.md").read_text(encoding="utf-8")
    block = md[md.index('<a id="claim-women-2019-907"></a>'):]
    assert "To confirm" not in block[:block.index("\n### ")]


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
        # claim ("more than triple", read as more than 3), so its words carry the relation: 878 = (>3) x 287;
        # the multiple is of the sentence's 2013, not of the 2006 of the figure it multiplies
        ("comparison", {"a": "kidnappings-recorded-2013-878", "b": "kidnappings-recorded-2006-287",
                        "relation": "eq", "times": "2013-triple"}),
        # "9,433 in 2013, markedly higher than the 5,874 seen in 2007"
        ("comparison", {"a": "homicides-2013-9433", "b": "seen-2007-5874", "relation": "gt"}),
        # "The number of kidnappings was down by around 20 percent from 2012, when 1,100 ...": the
        # kidnappings of the latest year named before (2013), not those of 2006
        # (the 20 percent is a change from 2012, not a figure of 2012: no year in its id)
        ("change", {"earlier": "kidnappings-recorded-2012-1100", "later": "kidnappings-recorded-2013-878",
                    "change": "change-20-percent", "direction": "decrease"}),
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
    assert by_id["date-march"]["text"] == "by March" and \
        by_id["guards-40"]["measure"]["period"] == {"start": dt.date(2026, 3, 1), "end": dt.date(2026, 3, 31)}
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


def test_no_external_check_is_proposed_against_a_row_whose_source_is_the_article():
    from types import SimpleNamespace

    from numclaims.draft import draft
    from numclaims.sources import load_source
    from numclaims.suggest import is_the_article, items_for_drafts, propose

    # an invented page and two rows: one citing it (another address form of the same page), one not
    meta = SimpleNamespace(url="https://www.example.org/news/flood-count/", title="Flood Leaves 40 Homeless",
                           publisher="Example Wire")
    assert is_the_article({"url": "http://example.org/news/flood-count?ref=rss"}, meta)
    # no address, but the same publisher and title: the article too
    assert is_the_article({"url": "", "title": "flood leaves 40 homeless", "publisher": "Example Wire"}, meta)
    assert not is_the_article({"url": "https://example.org/news/other", "title": "Flood Leaves 40 Homeless",
                               "publisher": "Another Wire"}, meta)
    assert not is_the_article({"url": "https://example.org/news/flood-count"}, None)
    # the seed read as if it were the page of row ap-es-2013-women (its url): "300 women" is no longer
    # checked against that row, which would restate it; "2,000 ... victims rescued" still is (another row)
    src = load_source(SEED, ROOT)
    own = SimpleNamespace(url="https://diariolavoz.net/2013/10/03/cae-red-de-trafico-sexual-que-esclavizo-mas-de-300-mujeres",
                          title=src.meta.title, publisher=src.meta.publisher)
    got = {p.fields["claim"]: p.fields["evidence"] for p in propose(items_for_drafts(draft(SEED, src)), src.text,
                                                                     None, ROOT, own) if p.kind == "external"}
    assert "women-exploited-300" not in got
    assert got["victims-rescued-2000"] == ["mininter-2013-rescued"]


def test_part_whole_and_agreement_only_between_counts_of_the_same_thing(repo):
    # invented text tests/data/drafting/shelter-survey-2025.txt
    path, data = _new(repo, "shelter-survey-2025", "shelter")
    got = {(c["kind"], tuple((k, c[k]) for k in ("a", "b", "part", "whole") if k in c)) for c in data["checks"]}
    assert got == {
        # "760 people sleeping outside, including 120 children": children are people, a part (120 <= 760)
        ("part_whole", (("part", "children-120"), ("whole", "outside-counted-760"))),
        # the headline's 190 households restates the body's
        ("agreement", (("a", "headline-households-190"), ("b", "households-190"))),
        # never "342 children under five" within "190 households" (children are no part of a count of
        # households), and no agreement of the 342 children with the 120 children sleeping outside (the
        # 120 is a part of the 760, the 342 of no such whole: two sub-populations, not two estimates)
    }


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
    # the claims format's own `{expression: ...}`, as the tutorial writes it: the year 2011; "last year"
    # against the anchor "raid-day" (2 October 2011) is 2010
    assert bench._period({"expression": "2011"}, claims, published) == ("dates", "2011-01-01", "2011-12-31")
    assert bench._period({"expression": "last year", "anchor": "raid-day"}, claims, published) == \
        ("dates", "2010-01-01", "2010-12-31")


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
        # before (30 % x 8,200 = 2,460, not 3,100); never 30 % of the 3,100 (which counts persons, as the
        # patients it is "of the" do: id persons-3100)
        ("share_of_total", (("share", "total-30-percent"), ("total", "patients-treated-2023-8200"),
                            ("part", "persons-3100"))),
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
    share = next(c for c in data["checks"] if c.get("part") == "persons-3100")
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
    # "from 4,000 in 2022 to 9,500 in 2023": each figure dated by the year right after it (inside its quote,
    # so written inline)
    assert by_id["tests-2022-4000"]["measure"]["period"] == {"start": dt.date(2022, 1, 1), "end": dt.date(2022, 12, 31)}
    assert by_id["2023-9500"]["measure"]["period"] == {"start": dt.date(2023, 1, 1), "end": dt.date(2023, 12, 31)}
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
    # a missing file: one line naming it and what to write instead
    meta.unlink()
    assert main(["new", "dock-raid-2025", "--id", "dock-2025", "--root", str(repo)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "datasets/sources/dock-raid-2025.meta.yaml: not found; a source is datasets/sources/<id>.txt with "
        "<id>.meta.yaml beside it (see datasets/sources/README.md) [source-missing]"]
    # both missing, one line; a capture elsewhere: where to copy it; a --root that is no folder: that
    assert main(["new", "no-such", "--id", "x", "--root", str(repo)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "datasets/sources/no-such.txt and datasets/sources/no-such.meta.yaml: not found; a source is "
        "datasets/sources/<id>.txt with <id>.meta.yaml beside it (see datasets/sources/README.md) [source-missing]"]
    outside = repo / "capture.txt"
    outside.write_text("Headline\n\nThere were 5 cats.\n", encoding="utf-8")
    assert main(["new", str(outside), "--id", "x", "--root", str(repo)]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"{outside}: a source is read from the project's datasets/sources/ only; copy it there as "
        "datasets/sources/capture.txt and write capture.meta.yaml beside it (see datasets/sources/README.md) "
        "[source-missing]"]
    assert main(["new", "dock-raid-2025", "--id", "x", "--root", str(repo / "nowhere")]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        f"{repo / 'nowhere'}: no such folder (--root names the project folder, which holds claims/ and datasets/) "
        "[root-missing]"]
    assert not (repo / "claims" / "x.yaml").exists()
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
    # a name in apposition after a role is the source, the role its role
    ("Fees rose 5 percent, according to figures presented by the board's head of audit, Mary Quill.",
     "Mary Quill", "the board's head of audit"),
    ("\u201cWe hired 40 nurses,\u201d said the director of health, Tom Rea.", "Tom Rea", "the director of health"),
    # "who wrote the Leaving Certificate exams" is no reporting phrase: an exam is no source
    ("Of the 900 pupils who wrote the Leaving Certificate exams, 800 passed, the department said.",
     "the department", "government"),
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
    # the highest above the second highest, which is at least the figure "In comparison" ("620 of the
    # patients" counts persons, as the patients do)
    assert [(c["a"], c["relation"], c["b"]) for c in data["checks"] if c["kind"] == "comparison"] == [
        ("persons-620", "gt", "count-410"), ("count-410", "ge", "count-270"), ("2023-6500", "gt", "2022-3000")]
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
        ("half", "fraction", "change in crashes", {"start": dt.date(2030, 1, 1), "end": dt.date(2030, 12, 31)})
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
        "up from two in 2023", 2, "days per week", {"start": dt.date(2023, 1, 1), "end": dt.date(2023, 12, 31)}, False)
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
    assert ships["measure"]["period"] == {"start": dt.date(2024, 4, 1), "end": dt.date(2025, 3, 31)}
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


def test_periods_from_expressions_of_several_words_and_of_words_alone(repo):
    # invented text tests/data/drafting/river-boats-2014.txt, published 16 September 2014
    import datetime as dt

    path, data = _new(repo, "river-boats-2014", "river")
    by_id = {c["id"]: c for c in data["claims"]}

    def period(cid):
        return by_id[cid]["measure"].get("period")

    # "Between January and June this year, ... seized 757 boats": 1 January to 30 June 2014, inline (no one
    # record holds the expression)
    assert period("boats-seized-2014-757") == {"start": dt.date(2014, 1, 1), "end": dt.date(2014, 6, 30)}
    # "700 boats in the first six months of 2011, while the second half of 2012 saw 688": each figure the
    # expression nearest it
    assert period("boats-seized-2011-700") == {"start": dt.date(2011, 1, 1), "end": dt.date(2011, 6, 30)}
    assert period("2012-688") == {"start": dt.date(2012, 7, 1), "end": dt.date(2012, 12, 31)}
    # "So far this year": 1 January to publication; "Last year": 2013
    assert period("smugglers-arrested-2014-45") == {"start": dt.date(2014, 1, 1), "end": dt.date(2014, 9, 16)}
    assert period("smugglers-arrested-2013-61") == {"start": dt.date(2013, 1, 1), "end": dt.date(2013, 12, 31)}
    # "Between 2009 and 2012": both years whole (no single year, so none in the id)
    assert period("seizures-recorded-930") == {"start": dt.date(2009, 1, 1), "end": dt.date(2012, 12, 31)}
    # "Since 2010, 300 canoes": the date record keeps "Since", 1 January 2010 to publication
    assert by_id["date-2010"]["text"] == "Since 2010" and period("canoes-burned-2010-300") == "date-2010"
    # "in the two years up to June 2014, 42 percent ..., said the navy spokesman, speaking on Navy Day,
    # September 3": the duration ends with June 2014 and dates the share; September 3 dates the speech
    assert by_id["period-2-years"]["ends"] == "date-june-2014" and period("42-percent") == "period-2-years"
    assert main(["check", str(path), "--root", str(repo), "--no-write", "--quiet"]) == 0


def test_attribution_chains_across_paragraphs_a_wire_and_the_outlets_analysis(repo):
    # invented text tests/data/drafting/lake-smuggling-2015.txt
    path, data = _new(repo, "lake-smuggling-2015", "lake")
    who = {c["id"]: [a["who"] for a in c["attribution"]] for c in data["claims"]}
    # "Authorities in Chile have dismantled ...": the authority with the adjective the article uses; the
    # news part is Reuters' report ("reported Reuters"), so the chain ends at Reuters, not the publisher
    assert who["migrants-smuggled-90"] == ["Chilean authorities", "Reuters"]
    # "Police raided 14 warehouses" (next paragraph): Chilean police, still relayed by Reuters
    assert who["near-raided-14"] == ["Chilean police", "Reuters"]
    # "Eleven suspects were arrested" (a passive with no agent): the authority that acted last before
    assert who["suspects-arrested-11"] == ["Chilean police", "Reuters"]
    # "Officials stated that 10 minors were freed, the youngest of whom is reportedly 13 years old": the
    # clause that says "reportedly" is the publisher's hedge, not the officials' words
    assert who["minors-freed-10"] == ["officials", "Reuters"]
    assert who["youngest-13-years-old"] == ["Test Gazette"]
    # after the heading "Lake Patrol Analysis" the outlet cites its sources itself: the chain is the source
    assert who["cross-2500"] == ["one charity"]
    assert who["boats-seized-2014-300"] == ["Chilean officials"]
    assert who["boats-counted-40"] == ["the charity"]
    # "In comparison, there were 25 boats in April": the paragraph goes on from the charity's; its date is
    # the outlet's own framing
    assert who["boats-25"] == ["the charity"]
    assert who["date-april"] == ["Test Gazette"]
    assert main(["check", str(path), "--root", str(repo), "--no-write", "--quiet"]) == 0


def test_the_adjective_of_a_country_is_the_one_the_text_uses():
    from numclaims.draft import demonym_in

    # "Peruvian" (Peru less nothing, + -vian), "Mexican" (Mexico less its final vowel); no plural
    assert demonym_in("Peruvians arrive. Peruvian police said.", "Peru") == "Peruvian"
    assert demonym_in("the Mexican government", "Mexico") == "Mexican"
    assert demonym_in("Peru is far.", "Peru") is None


def test_changes_after_the_percentage_or_from_a_year_multiples_of_a_year_and_the_remaining(repo):
    from numclaims.claimsfile import CHECK_KINDS
    from numclaims.draft import draft
    from numclaims.sources import load_source
    from numclaims.suggest import items_for_drafts, propose

    for f in DATA.iterdir():
        shutil.copy(f, repo / "datasets" / "sources" / f.name)
    # invented text tests/data/drafting/port-arrests-2016.txt
    src = load_source("port-arrests-2016", repo)
    items = items_for_drafts(draft("port-arrests-2016", src))
    kinds = frozenset(CHECK_KINDS) | {"comparison", "change", "complement"}
    assert [(p.kind, p.fields) for p in propose(items, src.text, kinds)] == [
        # "209 arrests ... in 2015, a 10 percent increase on the 190 arrests of 2014": the change noun after
        # the percentage; 190 x 1.10 = 209
        ("change", {"earlier": "arrests-2014-190", "later": "arrests-2015-209", "change": "change-2015-10-percent",
                    "direction": "increase"}),
        # "The number of kidnappings was down 20 percent from 2012": the 2012 figure of kidnappings two
        # paragraphs before (1,100), to the latest one of kidnappings (878); the percentage is of no year
        ("change", {"earlier": "kidnappings-2012-1100", "later": "kidnappings-2013-878",
                    "change": "change-20-percent", "direction": "decrease"}),
        # "500 in 2014, more than 10 times higher than in 2005, when 45 seizures were made": 500 = (>10) x 45,
        # and 2005 is the 45's year
        ("comparison", {"a": "seizures-2014-500", "b": "seizures-2005-45", "relation": "eq",
                        "times": "2014-10-times"}),
        # "About 60 percent ... and the remaining 40 percent": 60 + 40 = 100
        ("complement", {"parts": ["men-60-percent"], "remainder": "women-40-percent"}),
    ]


def test_external_and_implied_ratio_proposals_of_sums_of_money(repo):
    from numclaims.draft import draft
    from numclaims.sources import load_source
    from numclaims.suggest import items_for_drafts, propose

    # the seed's source against the project's reference rows: "earning $60,000 a month" (drafted in Cusco,
    # Peru; the row is of Madre de Dios, a region of Peru: a sum of money is of a person more than of a
    # place) and "a fortune of $2 million" (a row of no place)
    src = load_source(SEED, repo)
    props = {(p.kind, p.fields.get("claim") or p.fields.get("numerator")): p.fields
             for p in propose(items_for_drafts(draft("seed", src)), src.text, None, repo)}
    assert props[("external", "earning-60000-month")]["evidence"] == ["ap-es-2013-monthly"]
    assert props[("external", "fortune-2-million")]["evidence"] == ["ap-es-2013-fortune"]
    # "$2 million over three years" next to "$60,000 a month": 2,000,000 / 36 months = 55,556 a month, at
    # most the rows of the stated rate
    assert props[("implied_ratio", "fortune-2-million")] == {
        "numerator": "fortune-2-million", "denominator": "fortune-period-3-years",
        "evidence": ["ap-es-2013-monthly"], "relation": "le"}


def test_a_headline_figure_is_of_the_place_of_the_body_figure_it_restates(repo):
    from numclaims.draft import draft
    from numclaims.sources import load_source
    from numclaims.suggest import items_for_drafts, propose

    # "Peru Rescues Over 200 'Trafficking Victims' ..." over "Peruvian authorities rescued at least 234
    # women ... in the remote region of Madre de Dios" (234 / 200 = 1.17, within 1.5)
    src = load_source("insightcrime-2011-10-04-peru-rescues-over-200", repo)
    drafted = draft("pe11", src)
    by_id = {d.record["id"]: d.record for d in drafted}
    assert by_id["headline-victims-200"]["measure"]["where"] == "Madre de Dios, Peru"
    # "as many as 400 adolescents and 1,200 adults": the qualifier governs the 1,200 too, written with the
    # interval it gives (up to 1,200: [0, 1200]), as the hand file writes it
    adults = by_id["adults-1200"]
    assert (adults["text"], adults["qualifier"], adults["interval"]) == ("1,200", "up_to", [0, 1200])
    props = propose(items_for_drafts(drafted), src.text, None, repo)
    # it agrees with the body's 234 and is checked through it: no reference rows, no part of another count
    assert [p.fields for p in props if "headline-victims-200" in p.fields.values()] == \
        [{"a": "headline-victims-200", "b": "women-rescued-234"}]
    assert [p.fields["evidence"] for p in props if p.kind == "external" and p.fields["claim"] == "women-rescued-234"]


def test_a_period_written_inline_is_a_date_or_a_stretch_of_time(repo):
    from numclaims.draft import draft
    from numclaims.sources import load_source
    from numclaims.suggest import items_for_drafts, propose

    # "Police in Peru have rescued around 2,000 ... in the past two years" (inline: 2011-09-25 to 2013-09-24,
    # a stretch of time, not a date) holds "25 women were rescued ... on September 22": a part of it; the
    # 2,000 is no figure of its own day or year
    src = load_source("insightcrime-2013-09-24-peru-rescues-2000", repo)
    drafted = draft("pe13", src)
    by_id = {d.record["id"]: d.record for d in drafted}
    assert by_id["victims-rescued-2000"]["measure"]["period"] == {"start": dt.date(2011, 9, 25),
                                                                  "end": dt.date(2013, 9, 24)}
    props = [(p.kind, p.fields) for p in propose(items_for_drafts(drafted), src.text, None, repo)]
    assert ("part_whole", {"part": "women-rescued-25", "whole": "victims-rescued-2000"}) in props


def test_parts_shares_and_rates_of_a_trial_are_proposed_whole(repo):
    # invented text tests/data/drafting/lakeside-fever-2025.txt, one sentence per fault a trial found: a
    # first part with a long noun ("1,200 were treated at the Northbank clinic, 900 at ..."), groups with
    # age bounds, "1,000 of them, or 25 percent", "Children made up 31 percent of all cases", a rate with
    # "on average" and its total in the next paragraph, a rate with a bracketed conversion, "1,300 adults,
    # or 50 percent of patients"
    path, data = _new(repo, "lakeside-fever-2025", "lf")
    got = {(c["kind"], tuple(tuple(v) if isinstance(v, list) else v for k, v in c.items()
                             if k not in ("id", "kind", "status", "reason"))) for c in data["checks"]}
    assert got == {
        ("sum", (("treated-1200", "count-900", "count-500"), "patients-2600")),
        # the age bounds (under 12, 12 to 59, 60) are no parts; each group is named with its bound
        ("sum", (("children-800", "adults-aged-1500", "aged-300"), "cases-2600")),
        # the total is what "them" stands for, the count beside the share the part
        ("share_of_total", ("total-25-percent", "homes-4000", "homes-1000")),
        ("part_whole", ("homes-1000", "homes-4000")),
        # the subject "Children" names the part: "800 were children"
        ("share_of_total", ("cases-31-percent", "cases-2600", "children-800")),
        ("share_of_total", ("patients-50-percent", "patients-2600", "adults-treated-1300")),
        ("rate_duration", ("patients-20", "patients-period-31-days", "patients-admitted-620")),
        ("rate_duration", ("amount-1-5-million", "amount-period-3-months", "amount-4-5-million")),
        ("agreement", ("headline-cases-2600", "cases-recorded-2025-2600")),
        # "set aside $3 million ... pledged a further $2 million, bringing the fund to $5 million"
        ("sum", (("amount-3-million", "amount-2-million"), "amount-5-million")),
    }
    units = {c["id"]: c["unit"] for c in data["claims"]}
    # the age bounds are no records: each lies in the quote of its count ("800 were children under 12")
    assert not {"under 12", "12 to 59", "60"} & {c["text"] for c in data["claims"]}
    # "Of the 2,600 cases, 800 were children under 12": the group the count is said to be, among the total
    assert next(c for c in data["claims"] if c["text"] == "800")["measure"]["what"] == "children under 12 among cases"
    # "20 fever patients a day on average"; "$1.5 million (about €1.4 million) a month": both per month
    assert (units["patients-20"], units["amount-1-5-million"], units["amount-1-4-million"]) == (
        "persons per day", "USD per month", "EUR per month")
    by = {c["id"]: c["verdict"] for c in check_article(path, repo)["checks"]}
    # every sentence is right: 1,200 + 900 + 500 = 2,600; 800 + 1,500 + 300 = 2,600; 1,000 / 4,000 = 25 %;
    # 800 / 2,600 = 30.8 % ~ 31 %; 1,300 / 2,600 = 50 %; 20 x 31 = 620; 1.5 million x 3 = 4.5 million;
    # 3 + 2 = 5 million
    assert set(by.values()) == {"consistent"}


def test_a_planted_error_in_a_trial_sentence_is_inconsistent(repo, tmp_path):
    # the same article with three errors planted: 1,000 -> 1,200 homes of 4,000 stays "25 percent"
    # (1,200 / 4,000 = 30 %); the age groups 800 + 1,500 + 300 = 2,600 ([750, 850] + [1,450, 1,550] +
    # [250, 350] = [2,450, 2,750]) against 2,900 ([2,850, 2,950]) written in the
    # opening; "620" -> "820" patients over 31 days (20 x 31 = 620, [15, 25] x 31 = [465, 775])
    src = (DATA / "lakeside-fever-2025.txt").read_text(encoding="utf-8")
    planted = src.replace("water at 1,000 of them", "water at 1,200 of them").replace(
        "Of the 2,600 cases, 800", "Of the 2,900 cases, 800").replace("admitted 620", "admitted 820")
    assert planted != src
    for f in DATA.iterdir():
        shutil.copy(f, repo / "datasets" / "sources" / f.name)
    (repo / "datasets" / "sources" / "lakeside-fever-2025.txt").write_text(planted, encoding="utf-8")
    assert main(["new", "lakeside-fever-2025", "--id", "lf", "--root", str(repo)]) == 0
    by = {c["id"]: c["verdict"] for c in check_article(repo / "claims" / "lf.yaml", repo)["checks"]}
    assert by["total-25-percent-of-homes-4000"] == "inconsistent"
    assert by["children-800-adults-aged-1500-sum-cases-2900"] == "inconsistent"
    assert by["patients-20-times-patients-period-31-days"] == "inconsistent"


@pytest.mark.parametrize("sentence, numeral, age", [
    ("800 were children under 12 and", "under 12", True),
    ("1,500 were adults aged 12 to 59.", "12 to 59", True),
    ("300 were aged 60 or over.", "60", True),
    ("300 girls 15 and over were", "15", True),
    ("800 were children under 12 and", "800", False),
    ("They counted 60 or more boats.", "60", False),
])
def test_an_age_bound_is_no_count(sentence, numeral, age):
    from numclaims.extract import find_mentions
    from numclaims.draft import age_bound

    m = next(x for x in find_mentions(sentence) if x.text == numeral)
    assert age_bound(sentence, m) is age


def test_same_period_whole_year_deadline_and_headline_multiple_are_drafted(repo):
    # invented text tests/data/drafting/harbour-arrivals-2024.txt, published 10 July 2024
    path, data = _new(repo, "harbour-arrivals-2024", "ha")
    by_text = {c["text"]: c for c in data["claims"]}
    period = lambda t: by_text[t]["measure"].get("period")  # noqa: E731
    h1 = lambda y: {"start": dt.date(y, 1, 1), "end": dt.date(y, 6, 30)}  # noqa: E731
    # "4,000 ... in the first half of 2024, up 150 percent on the 1,600 who arrived in the same period of
    # 2023": the 4,000's period moved to 2023 (not 2024, nor the whole of 2023)
    assert (period("4,000"), period("1,600")) == (h1(2024), h1(2023))
    # "fell to 12 in the first half of 2024, from 20 in the same period last year": a year before
    assert (period("12"), period("20")) == (h1(2024), h1(2023))
    # "up from five in the whole of 2023": the calendar year, not "so far this year" of the other clause
    assert period("five") == {"start": dt.date(2023, 1, 1), "end": dt.date(2023, 12, 31)}
    # "expects arrivals to fall by August": a deadline, read as August 2024 (July 2024 is before it)
    assert "by August" in by_text
    from numclaims.periods import resolve

    assert str(resolve("by August", dt.date(2024, 7, 10))) == "2024-08-01..2024-08-31"
    # the headline's "More Than Double" is a ratio claim of 2, more than
    head = by_text["More Than Double"]
    assert (head["unit"], head["qualifier"], head["id"]) == ("ratio", "more_than", "headline-double")
    checks = {(c["kind"], c.get("a"), c.get("b"), c.get("times")) for c in data["checks"]}
    later, earlier = by_text["4,000"]["id"], by_text["1,600"]["id"]
    assert ("comparison", later, earlier, "headline-double") in checks
    # "In June alone, 900 people arrived": a part of the 4,000 people who arrived in the half-year
    assert [(c["part"], c["whole"]) for c in data["checks"] if c["kind"] == "part_whole"] == [
        (by_text["900"]["id"], later)]
    verdicts = {c["id"]: c["verdict"] for c in check_article(path, repo)["checks"]}
    # 4,000 / 1,600 = 2.5 > 2; 1,600 x 2.5 = 4,000 (up 150 percent)
    assert verdicts[f"{later}-vs-{earlier}-times-headline-double"] == "consistent"
    assert verdicts[f"{later}-from-{earlier}"] == "consistent"


@pytest.mark.parametrize("words, start, end", [
    ("the whole of 2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ("in the whole of last year", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ("the first half of this year", dt.date(2024, 1, 1), dt.date(2024, 6, 30)),
    ("the first half of last year", dt.date(2023, 1, 1), dt.date(2023, 6, 30)),
])
def test_whole_and_half_years_are_read(words, start, end):
    from numclaims.periods import Period, resolve

    assert resolve(words, dt.date(2024, 7, 18)) == Period(start, end)


def test_no_fraction_of_another_noun_nor_headline_agreement_of_another_measure(repo):
    # invented text tests/data/drafting/town-services-2025.txt: "Fourteen libraries will close, and one in
    # four youth clubs will cut hours" (a fraction of the clubs, not of the 14 libraries); the headline
    # "Town Clinic Visits Top 3,000" and a quoted "We saw 2,800 patients last winter" (no word in common)
    path, data = _new(repo, "town-services-2025", "ts")
    assert [c["kind"] for c in data["checks"]] == []
    # the two burglary counts: a half-year of 2025 and the year 2023 share no day, so no part/whole either
    periods = {c["text"]: c["measure"].get("period") for c in data["claims"]}
    assert periods["640"] == {"start": dt.date(2025, 1, 1), "end": dt.date(2025, 6, 30)}


@pytest.mark.parametrize("a, b, disjoint", [
    ("2024-01-01/2024-06-30", "2023-01-01/2023-12-31", True),
    ("2024-01-01/2024-06-30", "2024-01-01/2024-12-31", False),
    ("2023-12-31/2024-01-05", "2023-01-01/2023-12-31", False),  # one day in common
    ("2024-01-01/2024-06-30", None, False),
    ("date-2023", "2024-01-01/2024-06-30", False),  # a claim id: not inline, not compared here
])
def test_inline_periods_that_share_no_day_are_disjoint(a, b, disjoint):
    from numclaims.suggest import _disjoint

    assert _disjoint(a, b) is disjoint


@pytest.mark.parametrize("t, numeral, who", [
    # a reporting verb at the end after a common noun of an office
    ("The town has set aside $2 million for repairs, the city treasury said.", "$2 million", "the city treasury"),
    # a source's own act, no reporting verb in the sentence
    ("The national Ministry of Works has pledged a further $1 million.", "$1 million", "the national Ministry of Works"),
    ("The NGO Sea Watch counted 310 people at sea.", "310", "NGO Sea Watch"),
    # a reporting verb wins over the act ("The wardens counted 40 boats ..., the charity said")
    ("The rangers counted 52 boats in May, the trust said.", "52", "the trust"),
])
def test_attribution_of_offices_and_acts(t, numeral, who):
    from numclaims.draft import attribution_for, sentences
    from numclaims.extract import find_mentions

    ss = sentences(t, (0, len(t)))
    m = next(x for x in find_mentions(t) if x.text == numeral)
    assert attribution_for(t, m, ss[0], ss, "Pub", {})[0]["who"] == who


@pytest.mark.parametrize("t, places", [
    # an organisation after "according to" is a source, not a place
    ("The boats carried 300 people, according to the Spanish Red Cross.", []),
    # names the text says are places: "Islands", an apposition, "on" after a figure
    ("About 900 people reached the Faroe Islands in May.", ["Faroe Islands"]),
    # a party after "of the" is no place, nor a weekday after "of"; a subdivision of several words is one
    # with no country named (ZA-WC)
    ("Councillor Jo Bloggs of the Green Democrats said 40 families waited.", []),
    ("A programme of Saturday classes cost R2 million.", []),
    ("The Western Cape's pass rate rose to 81 percent.", ["Western Cape"]),
    ("Westmere, the worst-hit ward, recorded 410 cases.", ["Westmere"]),
    ("Of the 700, 500 landed on Isla Norte and 200 on Isla Sur.", ["Isla Norte", "Isla Sur"]),
    # the county in an apposition of a person is no place of theirs
    ("Dr Ana Ruiz, the county's director of health, said 40 were admitted.", []),
])
def test_places_named_by_the_text(t, places):
    from numclaims.draft import places_in

    assert [p.name for p in places_in(t, 0, len(t))] == places


@pytest.mark.parametrize("t, numeral, unit", [
    ("The charity counted 1,200 people who drowned, an average of more than 10 a day.", "more than 10", "persons per day"),
    ("The port counted 4,000 boats, about 20 a day.", "about 20", "count per day"),
    ("The ward took in 25 fever patients a day on average.", "25", "persons per day"),
    ("It spends €2 million (about $2.2 million) a month on care.", "€2 million", "EUR per month"),
    ("It spends €2 million (about $2.2 million) a month on care.", "about $2.2 million", "USD per month"),
    # "a year on" is a year later, no rate
    ("A year on, 300 families are still waiting.", "300", "persons"),
])
def test_rates_read_after_their_noun_a_bracket_or_none(t, numeral, unit):
    from numclaims.extract import find_mentions

    assert next(m.unit for m in find_mentions(t) if m.text == numeral) == unit


#: The user's expected checks of the two trial articles (tests/data/drafting/trial5-*.txt, invented for a
#: usability trial with three planted errors each), as (kind, numerals of the claims in the check's core
#: roles) -> verdict. Each verdict was worked out by the user before drafting; the arithmetic is in the
#: comment.
_TRIAL_EXPECTED = {
    "trial5-mombasa-dengue": {
        ("agreement", ("4,820", "4,820")): "consistent",
        ("comparison", ("4,820", "2,150")): "consistent",  # 4,820 / 2,150 = 2.24, more than double
        ("sum", ("1,510", "2,760", "450", "4,820")): "inconsistent",  # planted: 1,510 + 2,760 + 450 = 4,720
        ("share_of_total", ("31 percent", "4,820")): "consistent",  # 1,510 / 4,820 = 31.3 %
        ("rate_duration", ("38", "30 days", "1,410")): "inconsistent",  # planted: 38 x 30 = 1,140
        ("comparison", ("Twelve", "five")): "consistent",  # 12 > 5
        ("change", ("1,104", "1,236")): "consistent",  # 1,104 x 1.12 = 1,236.5
        ("part_whole", ("1,236", "4,820")): "consistent",  # Kisauni's cases within the county's
        ("share_of_total", ("31 percent", "3,200")): "inconsistent",  # planted: 864 / 3,200 = 27.0 %
        ("sum", ("KSh 65 million", "KSh 20 million", "KSh 85 million")): "consistent",  # KSh 65m + 20m = 85m
    },
    "trial5-canary-arrivals": {
        ("agreement", ("30,808", "30,808")): "consistent",
        ("comparison", ("30,808", "13,632")): "consistent",  # 30,808 / 13,632 = 2.26, more than double
        ("change", ("13,632", "30,808")): "consistent",  # 13,632 x 2.26 = 30,808
        ("sum", ("18,540", "7,320", "3,110", "1,838", "30,808")): "consistent",  # exactly 30,808
        ("share_of_total", ("60 percent", "30,808")): "consistent",  # 18,540 / 30,808 = 60.2 %
        ("comparison", ("5,240", "1,925")): "inconsistent",  # planted: 5,240 / 1,925 = 2.72 < 3
        ("part_whole", ("5,240", "30,808")): "consistent",  # "In September alone": 5,240 <= 30,808
        ("share_of_total", ("42 percent", "30,808")): "inconsistent",  # planted: 11,200 / 30,808 = 36.4 %
        ("rate_duration", ("€5.2 million", "over the past nine months", "€58 million")): "inconsistent",  # 46.8m
        # 5,054 / 152 days = 33.25 > 33: the user's "consistent". A rate of persons is an average, so "more
        # than 33" a day is (33, +inf), and (33 x 152.2, +inf) = (5,022, +inf) holds 5,054 as written
        ("rate_duration", ("more than 33", "five months", "5,054")): "consistent",
    },
}
# Not proposed yet (so not listed above): mombasa standfirst-third, ksh-usd, more-than-half-national; canary per-boat,
# nationalities-within-total, eur-usd.


@pytest.mark.parametrize("article", sorted(_TRIAL_EXPECTED))
def test_the_trial_articles_get_the_users_checks_and_no_correct_sentence_inconsistent(repo, article):
    from numclaims.suggest import CORE_FIELDS

    path, data = _new(repo, article, article)
    text = {c["id"]: c["text"] for c in data["claims"]}
    res = {c["id"]: c["verdict"] for c in check_article(path, repo)["checks"]}
    got = {}
    for c in data["checks"]:
        refs = []
        for f in CORE_FIELDS[c["kind"]]:
            v = c.get(f)
            refs += v if isinstance(v, list) else [v] if v else []
        got[(c["kind"], tuple(text[r] for r in refs))] = res[c["id"]]
    expected = _TRIAL_EXPECTED[article]
    assert {k: got.get(k) for k in expected} == expected
    # the proposals beyond the user's list are true relations, none inconsistent: the headline's multiple
    # against the body's, "864 of them" within the 3,200
    extra = {k: v for k, v in got.items() if k not in expected}
    assert "inconsistent" not in extra.values()
    assert len(extra) == {"trial5-mombasa-dengue": 2, "trial5-canary-arrivals": 0}[article]


def test_a_quote_names_what_a_restated_figure_counts(repo):
    # invented text: "or 30 percent" restates the 540 and takes in its clause; a bracketed conversion is
    # no cut for the figures around it
    # (tests/data/drafting/ward-damp-2025.txt)
    _, data = _new(repo, "ward-damp-2025", "ward")
    quote = {c["text"]: c["quote"] for c in data["claims"]}
    assert quote["30 percent"] == "Ward nurses found damp in the walls of 540 of them, or 30 percent"
    whole = "The trust spends £2.1 million (about $2.7 million) a year on repairs and has spent £6 million since 2022"
    assert quote["£6 million"] == whole
    assert quote["about $2.7 million"] == "about $2.7 million"



def test_hyphen_ranges_fiscal_years_and_month_spans_are_drafted(repo):
    # invented text tests/data/drafting/shire-budget-2025.txt, published 3 June 2025
    _, data = _new(repo, "shire-budget-2025", "shire")
    rec = {c["text"]: c for c in data["claims"]}
    jobs = rec["between 300-400"]
    # "between 300-400 jobs": a range as the en dash reads it, midpoint (300 + 400) / 2 = 350 left to the reader
    assert (jobs["qualifier"], jobs["low"], jobs["high"], jobs["measure"]["what"]) == ("range", 300, 400, "jobs")
    # "2025/26": the UK financial year, 1 April 2025 to 31 March 2026
    assert rec["£4 million"]["measure"]["period"] == {"start": dt.date(2025, 4, 1), "end": dt.date(2026, 3, 31)}
    # "FY2024": the US federal fiscal year, 1 October 2023 to 30 September 2024
    assert rec["£9 million"]["measure"]["period"] == {"start": dt.date(2023, 10, 1), "end": dt.date(2024, 9, 30)}
    # "January–March" before June 2025: the latest such months over, 1 January to 31 March 2025
    assert rec["1,200"]["measure"]["period"] == {"start": dt.date(2025, 1, 1), "end": dt.date(2025, 3, 31)}
    # the date records hold the whole expression, so they read as the same periods
    assert {"in 2025/26", "in January–March"} <= set(rec)


def test_a_list_and_a_table_in_the_story_are_body_with_their_sum_and_column_of_shares(repo):
    # invented text tests/data/drafting/depot-parcels-2025.txt (no body markers): "By route:" leads into a
    # bullet list and a tab table; the "Related Articles" list after the story stays furniture
    path, data = _new(repo, "depot-parcels-2025", "depot")
    text = (DATA / "depot-parcels-2025.txt").read_text(encoding="utf-8")
    assert main(["extract", "depot-parcels-2025", "--root", str(repo)]) == 0
    rec = {c["id"]: c for c in data["claims"]}
    # every figure of the list and table is drafted, with the lead-in's source and the column's noun
    assert [c["text"] for c in data["claims"] if c["unit"] != "date"] == \
        ["5,000", "2,600", "1,500", "800", "2,600", "52%", "1,500", "30%", "800", "16%"]
    assert {rec[i]["measure"]["what"] for i in ("parcels-2600", "parcels-2600-2")} == {"parcels"}
    assert rec["parcels-52-percent"]["measure"]["what"] == "share of parcels"
    assert {c["attribution"][0]["who"] for c in data["claims"]} == {"the operator"}
    checks = {c["id"]: c for c in data["checks"]}
    # the list and the table column: 2,600 + 1,500 + 800 = 4,900 against the lead-in's 5,000 ([4,500, 5,500],
    # so tension, not inconsistent); the shares 52 + 30 + 16 = 98 % of one whole: inconsistent
    assert checks["parcels-2600-parcels-1500-sum-parcels-handled-5000"]["parts"] == \
        ["parcels-2600", "parcels-1500", "parcels-800"]
    assert checks["parcels-2600-2-parcels-1500-2-sum-parcels-handled-5000"]["total"] == "parcels-handled-5000"
    col = checks["parcels-52-percent-parcels-30-percent-column"]
    assert (col["kind"], col["parts"], col["exhaustive"]) == \
        ("complement", ["parcels-52-percent", "parcels-30-percent", "parcels-16-percent"], True)
    assert {c["kind"] for c in data["checks"]} == {"sum", "complement"}  # no share of a row's count, no agreement
    verdicts = {c["id"]: c["verdict"] for c in check_article(path, repo)["checks"]}
    assert verdicts == {"parcels-2600-parcels-1500-sum-parcels-handled-5000": "tension",
                        "parcels-2600-2-parcels-1500-2-sum-parcels-handled-5000": "tension",
                        "parcels-52-percent-parcels-30-percent-column": "inconsistent"}
    assert "Depot hires 40" in text  # the furniture figure is no claim
    assert not any("40" == c["text"] for c in data["claims"])


def test_a_group_within_a_differently_worded_group_is_a_part_whole(repo):
    # invented text tests/data/drafting/eastport-groups-2025.txt: women are adults, so "120 women" may be
    # part of "As many as 900 adolescents and adults" (120 <= [0, 900]); girls are children, but "50 girls
    # freed" is no part of "600 children helped" (another act), nor "80 girls ... in 2024" (a dated part of
    # a whole of no known time)
    path, data = _new(repo, "eastport-groups-2025", "eastport")
    got = {(c["kind"], c.get("part"), c.get("whole")) for c in data["checks"]}
    assert got == {("part_whole", "women-exploited-120", "adolescents-900")}
    verdicts = {c["id"]: c["verdict"] for c in check_article(path, repo)["checks"]}
    assert verdicts == {"women-exploited-120-within-adolescents-900": "consistent"}


def test_age_groups_are_named_with_their_bound_and_the_place_of_the_total_restated(repo):
    # invented text tests/data/drafting/riverton-flu-2025.txt: "Of the 3,000 patients" restates Riverton
    # County's 3,000 and names no place: its figures are of Riverton County; the age bounds are no claims
    _, data = _new(repo, "riverton-flu-2025", "riverton")
    rec = {c["text"]: c for c in data["claims"]}
    assert not {"under 10", "10 to 69", "70", "70 or over"} & set(rec)
    assert [(rec[t]["measure"]["what"], rec[t]["measure"]["where"]) for t in ("900", "1,700", "400")] == [
        ("children under 10 among patients", "Riverton County"),
        ("adults aged 10 to 69 among patients", "Riverton County"),
        ("aged 70 or over among patients", "Riverton County")]
    # 900 + 1,700 + 400 = 3,000: the parts of the total the sentence opens with
    assert [(c["parts"], c["total"]) for c in data["checks"] if c["kind"] == "sum"] == [
        (["children-900", "adults-aged-1700", "aged-400"], "patients-3000")]


def test_a_belief_reported_and_a_figure_a_speaker_called_something_are_attributed(repo):
    # invented text tests/data/drafting/harbour-repairs-2025.txt
    _, data = _new(repo, "harbour-repairs-2025", "hr")
    who = {c["text"]: c["attribution"] for c in data["claims"]}
    # "is believed to have earned": no source named, the authority that acted last, as a belief reported
    assert who["£5,000 a week"][0] == {"who": "police", "role": 'belief reported ("is believed")'}
    # 'a figure Ms Hale called "less than a third ..."': her words, by the name the article first gives her;
    # the £2m offered stays the outlet's report
    assert who["less than a third"] == [{"who": "Joan Hale", "role": "source named in the article"},
                                        {"who": "Test Gazette", "role": "outlet"}]
    assert who["£2m"] == [{"who": "Test Gazette", "role": "the outlet's own reporting"}]


def test_a_pipe_table_is_read_as_the_tab_table(repo):
    # the same invented article with its table cells split by " | " instead of tabs
    src = repo / "datasets" / "sources"
    text = (DATA / "depot-parcels-2025.txt").read_text(encoding="utf-8")
    (src / "depot-pipes-2025.txt").write_text(text.replace("\t", " | "), encoding="utf-8")
    meta = (DATA / "depot-parcels-2025.meta.yaml").read_text(encoding="utf-8")
    (src / "depot-pipes-2025.meta.yaml").write_text(meta.replace("depot-parcels-2025", "depot-pipes-2025"),
                                                    encoding="utf-8")
    _, tabs = _new(repo, "depot-parcels-2025", "depot-tabs")
    assert main(["new", "depot-pipes-2025", "--id", "depot-pipes", "--root", str(repo)]) == 0
    pipes = load_yaml_text((repo / "claims" / "depot-pipes.yaml").read_text(encoding="utf-8"))
    # (ids are unique across the project's claims files, so the second draft's carry -2 suffixes)
    shape = [lambda d: [(c["kind"], len(c.get("parts", [])), c.get("exhaustive")) for c in d["checks"]],
             lambda d: [(c["text"], c["measure"]["what"]) for c in d["claims"]]]
    assert [f(pipes) for f in shape] == [f(tabs) for f in shape]


def test_no_share_of_a_count_that_is_no_base_nor_agreement_or_part_of_another_set(repo):
    # invented text tests/data/drafting/fenmoor-schools-2025.txt, one sentence per false proposal the version
    # before made (six in all; each would have been accepted as it stood):
    # - "9 secondary schools, ... with 88.5 percent": a rate of a school, not 88.5 % of the 9 (no whole count
    #   of 9 gives 88.5 %: a false inconsistent), and the same for the 61.2 %;
    # - "5,600 homes" and "900 new homes by 2028": new homes are not an estimate of the homes there are;
    # - "4,800 full-time students" and "1,300 part-time students": two sets, no agreement;
    # - "halls with 40 or more students": a bound of a hall's size, no part of the 4,800 or the 1,300
    path, data = _new(repo, "fenmoor-schools-2025", "fm")
    assert data["checks"] == []
    assert {c["id"] for c in data["claims"]} >= {"schools-88-5-percent", "homes-2028-900", "sat-1300", "students-40"}


def _checks_of(data):
    return {(c["kind"], tuple((k, tuple(c[k]) if isinstance(c[k], list) else c[k]) for k in c
                              if k not in ("id", "kind", "status", "reason"))) for c in data["checks"]}


def test_money_sums_changes_points_shares_comparisons_and_the_headline_are_proposed(repo):
    # invented text tests/data/drafting/dunmore-budget-2025.txt, one sentence per cue (the version before
    # proposed two of these seventeen, the fraction without its compare)
    path, data = _new(repo, "dunmore-budget-2025", "dm")
    assert _checks_of(data) == {
        # "which enrolled 40 percent of pupils, some 4,000 children": the count set off after the noun is the
        # part, the total the 10,000 pupils named before: 0.40 x 10,000 = 4,000
        ("share_of_total", (("share", "pupils-40-percent"), ("total", "pupils-10000"), ("part", "children-4000"))),
        # "25 percent of the residents who answered are tenants": the relative clause names the total
        # ("6,000 answered"), the part is the count said of the sentence's words ("1,500 were council
        # tenants"): 1,500 / 6,000 = 25 %
        ("share_of_total", (("share", "tenants-25-percent"), ("total", "answered-6000"), ("part", "count-1500"))),
        # "Of the €200 million, €90 million ..., €60 million ... and €30 million ..., while the remaining €20
        # million": 90 + 60 + 30 + 20 = 200
        ("sum", (("parts", ("goes-90-million", "amount-60-million", "amount-30-million", "remaining-20-million")),
                 ("total", "amount-200-million"))),
        # "212 of her 240 pupils passed"
        ("part_whole", (("part", "count-212"), ("whole", "pupils-passed-240"))),
        # "a budget of €200 million ..., up 11 percent on this year's €180 million": 200 / 180 = +11.1 %
        ("change", (("earlier", "amount-2025-180-million"), ("later", "budget-2026-200-million"),
                    ("change", "change-2026-11-percent"), ("direction", "increase"))),
        # "will rise to €6 million ..., from €5 million ..., an increase of 20 percent": 6 / 5 = +20 % (the
        # change between two years takes neither's date: "in 2024" is the €5 million's own)
        ("change", (("earlier", "amount-2025-5-million"), ("later", "year-6-million"),
                    ("change", "change-20-percent"), ("direction", "increase"))),
        # "rose 12 percent to 5,600, from 5,000": 5,600 / 5,000 = +12 %
        ("change", (("earlier", "2024-5000"), ("later", "visitors-5600"), ("change", "change-12-percent"),
                    ("direction", "increase"))),
        # "3,900 households ... in October, up from 3,450 a year earlier" (the month between is the 3,900's;
        # the 3,450 is of October 2024, a year before October 2025, hence its id)
        ("comparison", (("a", "households-3900"), ("b", "2024-3450"), ("relation", "gt"))),
        # the headline's €200 million and the body's first
        ("agreement", (("a", "headline-budget-200-million"), ("b", "budget-2026-200-million"))),
        # "rose to 52.5 percent ..., up 2.5 percentage points on 2024's 50 percent": 52.5 - 50 = 2.5 points
        ("difference", (("minuend", "2025-52-5-percent"), ("subtrahend", "2024-50-percent"),
                        ("result", "2024-2-5-percentage-points"))),
        # "Housing's €90 million is 45 percent of everything we will spend": of the total the sum above has,
        # 90 / 200 = 45 %
        ("ratio", (("numerator", "amount-90-million"), ("denominator", "amount-200-million"),
                   ("ratio", "spend-45-percent"))),
        # "Some 1,900 tenants have asked ..., about a quarter of the 7,600": the fraction restates the other
        # count of its sentence, its compare (0.25 x 7,600 = 1,900); without it the check is unverifiable
        ("fraction_of", (("fraction", "about-a-quarter"), ("whole", "count-7600"), ("compare", "tenants-asked-1900"),
                         ("relation", "eq"))),
        # "The county remains below the national recycling rate of 55 percent but is ahead of Kilkee, which
        # recorded 48 percent": the county's figure is the first one of its recycling rate (52.5 %), below
        # 55 % and above 48 %
        ("comparison", (("a", "2025-52-5-percent"), ("b", "55-percent"), ("relation", "lt"))),
        ("comparison", (("a", "2025-52-5-percent"), ("b", "48-percent"), ("relation", "gt"))),
        # "Dunmore's budget is larger than that of Ennis, which set a budget of €150 million": 200 > 150
        ("comparison", (("a", "budget-2026-200-million"), ("b", "budget-150-million"), ("relation", "gt"))),
        # "The exam pass rate ... rose to 80 percent" and, in the next paragraph, "Of the 2,000 pupils who sat
        # the exams, 1,600 passed": the rate is the quotient, 1,600 / 2,000 = 80 %; and the 1,600 is one part
        # of the total the sentence opens with. No agreement of the 2,000 pupils who sat the exams (a subset,
        # restricted by "who") with the 10,000 pupils of Dunmore: 2,000 would be inconsistent with 10,000
        ("ratio", (("numerator", "passed-1600"), ("denominator", "pupils-2000"), ("ratio", "2025-80-percent"))),
        ("part_whole", (("part", "passed-1600"), ("whole", "pupils-2000"))),
    }
    # every proposal accepted as it stands: all consistent, since every sentence is right
    assert {c["verdict"] for c in check_article(path, repo)["checks"]} == {"consistent"}


def test_planted_errors_in_the_new_cues_are_inconsistent(repo):
    # the same text with three sentences made wrong. "€200 million" is round, read as [150, 250] million
    # (docs/semantics.md), so each error is larger than that rounding: the remaining €20 million written
    # €120 million (90 + 60 + 30 + 120 = 300; at least 85 + 55 + 25 + 115 = 280 > 250), "up 3.5 percentage
    # points" (52.5 - 50 = 2.5; [52.45, 52.55] - [49.5, 50.5] = [1.95, 3.05] against [3.45, 3.55]) and "45 percent" written "75 percent"
    # (90 / 200 = 45 %; at most 95 / 150 = 63.3 % < 74.5 %)
    src = repo / "datasets" / "sources"
    for f in DATA.glob("dunmore-budget-2025.*"):
        shutil.copy(f, src / f.name)
    txt = src / "dunmore-budget-2025.txt"
    t = txt.read_text(encoding="utf-8")
    t = t.replace("remaining €20 million", "remaining €120 million").replace("up 2.5 percentage", "up 3.5 percentage")
    txt.write_text(t.replace("is 45 percent", "is 75 percent"), encoding="utf-8")
    assert main(["new", "dunmore-budget-2025", "--id", "dm", "--root", str(repo)]) == 0
    by = {c["id"]: c["verdict"] for c in check_article(repo / "claims" / "dm.yaml", repo)["checks"]}
    assert (by["goes-90-million-amount-60-million-sum-amount-200-million"],
            by["2025-52-5-percent-minus-2024-50-percent"], by["amount-90-million-over-amount-200-million"]) == \
        ("inconsistent", "inconsistent", "inconsistent")
    # and no other check is inconsistent: every other sentence is still right
    assert sum(v == "inconsistent" for v in by.values()) == 3


def test_the_dateline_places_an_article_that_names_no_country_and_national_is_the_countrys(repo):
    # invented text tests/data/drafting/galway-rents-2025.txt: no country in the body; the dateline
    # "GALWAY, 4 March 2025" is Galway (IE-G, ISO 3166-2: Ireland), the place of the figures whose sentence
    # names none; "the national average of 6 percent", in the sentence of Limerick's figure, is Ireland's
    path, data = _new(repo, "galway-rents-2025", "gr")
    where = {c["text"]: c["measure"].get("where") for c in data["claims"]}
    assert where == {"4 percent": "Galway, Ireland", "Some 1,800": "Galway, Ireland", "5 percent": "Limerick, Ireland",
                     "6 percent": "Ireland"}


def test_periods_of_spending_ahead_a_years_figure_a_record_span_and_a_year_earlier(repo):
    # invented text tests/data/drafting/northport-plan-2025.txt, published 2025-06-03
    path, data = _new(repo, "northport-plan-2025", "np")
    period = {c["text"]: c["measure"].get("period") for c in data["claims"]}
    d = dt.date
    # "adopted a €300 million building programme over three years": spending planned runs forward from
    # publication, 2025-06-03 .. 2028-06-02 (three years less a day), not back to 2022
    assert period["€300 million"] == {"start": d(2025, 6, 3), "end": d(2028, 6, 2)}
    # "this year's €40 million": the figure of the year, the whole of 2025 (not 1 January to publication)
    assert period["€40 million"] == {"start": d(2025, 1, 1), "end": d(2025, 12, 31)}
    # "rose by 5 percent, the first increase in six years": six years is no period of the 5 percent
    assert period["5 percent"] is None
    # "1,200 in May, up from 1,000 a year earlier": May 2024 for the 1,000 (May 2025 for the 1,200)
    assert period["1,000"] == {"start": d(2024, 5, 1), "end": d(2024, 5, 31)}


def test_a_bound_after_a_count_is_at_least_and_pupils_are_persons(repo):
    from numclaims.extract import find_mentions

    path, data = _new(repo, "fenmoor-schools-2025", "fm")
    by_id = {c["id"]: c for c in data["claims"]}
    # "halls with 40 or more students": the bound is written with the numeral, qualifier at_least
    assert (by_id["students-40"]["text"], by_id["students-40"]["qualifier"]) == ("40 or more", "at_least")
    # learners, pupils, candidates are people: unit persons (docs/semantics.md: persons counts people)
    t = "The school has 240 pupils, 31 learners and 12 candidates."
    assert [(m.text, m.unit) for m in find_mentions(t, body=(0, len(t)))] == [
        ("240", "persons"), ("31", "persons"), ("12", "persons")]


def test_the_review_queue_labels_a_claim_in_proposals_only_apart_from_one_in_no_check(drafted, capsys):
    repo, path = drafted
    capsys.readouterr()
    assert main(["review", "--article", "harbour-2020", "--root", str(repo)]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    # every check of a fresh draft is a proposal, which rates nothing: its claims are "IN PROPOSALS", and
    # "NO CHECK" is left to claims that no check names ("checks: -")
    labelled = [(ln.split()[0] + (" PROPOSALS" if ln.split()[0] == "IN" else ""), ln.split("checks: ")[1].split()[0])
                for ln in lines]
    assert {lab for lab, _ in labelled} == {"IN PROPOSALS", "NO"}
    assert all((chk == "-") == (lab == "NO") for lab, chk in labelled)


def test_up_from_compares_the_figure_of_what_the_earlier_one_counts(repo):
    # invented text tests/data/drafting/bakery-prices-2025.txt: "Bread rose to 30 rand for a 700 g loaf in
    # May, up from 22 rand a year earlier": 30 rand > 22 rand, never the loaf's 700 g > 22 rand (accepted,
    # that proposal made the correct sentence inconsistent)
    path, data = _new(repo, "bakery-prices-2025", "bp")
    got = [(c["kind"], c["a"], c["b"], c["relation"]) for c in data["checks"] if c["kind"] == "comparison"]
    texts = {c["id"]: c.get("text", c["quote"]) for c in data["claims"]}
    assert [(k, texts[a], texts[b], rel) for k, a, b, rel in got] == [("comparison", "30", "22", "gt")]


def test_a_unit_of_measure_is_no_measure_and_a_remainder_takes_every_share_listed(repo):
    # invented text tests/data/drafting/hake-quota-2025.txt: the quota's "12,400 tonnes" and the survey's
    # stock of "40,000 tonnes" share only the unit word: no agreement (accepted, it made two correct
    # sentences inconsistent); "55 percent ..., the midshore fleet 30 percent and offshore vessels the
    # remaining 15 percent" is one complement of both shares (55 + 30 + 15 = 100), never 55 + 15 or 30 + 15
    path, data = _new(repo, "hake-quota-2025", "hq")
    texts = {c["id"]: c.get("text", c["quote"]) for c in data["claims"]}
    kinds = [c["kind"] for c in data["checks"]]
    assert "agreement" not in kinds
    comp = [c for c in data["checks"] if c["kind"] == "complement"]
    assert [([texts[p] for p in c["parts"]], texts.get(c.get("remainder"))) for c in comp] == \
        [(["55 percent", "30 percent"], "15 percent")]


def test_a_count_given_with_its_share_is_a_part_no_estimate_of_another_count(repo):
    # invented text tests/data/drafting/kelsey-count-2025.txt. "Some 600 people, about a third of the total"
    # and "one in nine, or 200 people" each come with their share of the count: two parts of it (those
    # homeless over a year, the veterans), as "The 1,050 people in shelters" is a third; the version before
    # proposed the 1,050 (the outlet's own figure) as an estimate of the same measure as the 600 and as the
    # 200 (the trust's): two false agreements, 1,050 against 600 (1.75 times) and against 200 (5.25 times),
    # both inside the tenfold spread. The 1,800 the trust counted and the 2,100 the council counted, the
    # same noun and participle ("people sleeping in the city") from two sources, stay an agreement.
    # "and one in nine, or 200 people" names no base after it: it is of everyone counted (the 1,800), not of
    # the 600, which is a part given with its own share; the version before proposed it as a fraction of the
    # 600 against the 200 (600 / 9 = 66.7, not 200: a false inconsistent). The text gives the fraction no
    # base it names, so no proposal.
    path, data = _new(repo, "kelsey-count-2025", "kc")
    assert [(c["kind"], c.get("a"), c.get("b")) for c in data["checks"]] == [
        ("agreement", "people-counted-1800", "people-counted-2100")]
    assert {c["id"] for c in data["claims"]} >= {"people-1050", "people-600", "people-200"}
