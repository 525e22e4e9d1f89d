"""Coverage of body numbers in ``numclaims check`` and the ``numclaims new`` scaffold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from numclaims.cli import main
from numclaims.draft import to_confirm
from numclaims.engine import check_article as check_typed
from numclaims.resultmodel import slim
from conftest import results_data as check_article  # results.json data of the typed results
from numclaims.scaffold import TODO_WHAT, unique_quote

ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "insightcrime-2013-10-04-peru-trafficking-ring"
EXTRA_IDS = [
    "insightcrime-2011-10-04-peru-rescues-over-200",
    "insightcrime-2013-09-24-peru-rescues-2000",
    "insightcrime-2013-02-26-rinconada-underage-girls",
    "insightcrime-2014-04-04-bolivia-trafficking-reports",
    "insightcrime-2013-09-16-mexico-kidnappings",
]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """The project's datasets and seed claims file copied into a temporary root."""
    root = tmp_path / "repo"
    shutil.copytree(ROOT / "datasets", root / "datasets")
    (root / "claims").mkdir()
    shutil.copy(ROOT / "claims" / f"{SEED_ID}.yaml", root / "claims")
    return root


def test_seed_article_is_fully_covered():
    # The 15 body numbers of the seed are all quoted by claim records; no waiver is needed.
    res = check_article(ROOT / "claims" / f"{SEED_ID}.yaml", ROOT)
    assert res["coverage"] == {"mentions": 15, "claimed": 15, "waived": 0, "missing": []}


def _drop_claim(path: Path, claim_id: str) -> None:
    """Remove one claim record and the checks that name it from a claims file."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["claims"] = [c for c in data["claims"] if c["id"] != claim_id]
    data["checks"] = [ch for ch in data.get("checks", []) if claim_id not in json.dumps(ch)]
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_a_number_without_record_is_missing_then_waived(repo, capsys):
    path = repo / "claims" / f"{SEED_ID}.yaml"
    _drop_claim(path, "suspects-arrested-7")
    res = check_article(path, repo)
    # "Seven" is at offsets 818-823 of the capture (the only record quoting it is gone)
    assert res["coverage"] == {"mentions": 15, "claimed": 14, "waived": 0,
                               "missing": [{"start": 818, "end": 823, "text": "Seven"}]}
    assert main(["check", str(path), "--root", str(repo), "--quiet", "--no-write"]) == 0  # a finding, not an error
    out = capsys.readouterr().out
    assert f"{SEED_ID}: coverage: 818-823 'Seven' is neither a claim nor waived" in out

    text = path.read_text(encoding="utf-8")
    text = text.replace("waived: []", "waived:\n  - {text: Seven suspects, reason: test waiver}")
    path.write_text(text, encoding="utf-8")
    res = check_article(path, repo)
    assert res["coverage"] == {"mentions": 15, "claimed": 14, "waived": 1, "missing": []}


def test_results_json_carries_coverage(repo):
    assert main(["check", "--root", str(repo), "--quiet"]) == 0
    res = json.loads((repo / "reports" / SEED_ID / "results.json").read_text(encoding="utf-8"))
    assert res["coverage"]["missing"] == []
    assert res["coverage"]["mentions"] == 15


@pytest.mark.parametrize("source_id, n, lead", [(SEED_ID, 15, 0), (EXTRA_IDS[0], 9, 1), (EXTRA_IDS[1], 12, 2),
                                                (EXTRA_IDS[2], 7, 0), (EXTRA_IDS[3], 16, 0), (EXTRA_IDS[4], 29, 1)])
def test_scaffold_passes_check(repo, source_id, n, lead, capsys):
    # n = number of hand-labelled body mentions of the source (datasets/labels/<id>.json); the Mexico
    # text has 29, "more than triple" (a ratio) included. lead = numbers of the headline line, drafted as
    # claims too: "Over 200" (2011 text), "2,000" and "2 Years" (2,000 text), "16 Years" (Mexico); the
    # Bolivia capture has no headline line.
    assert main(["new", source_id, "--id", "draft-article", "--root", str(repo)]) == 0
    path = repo / "claims" / "draft-article.yaml"
    text = path.read_text(encoding="utf-8")
    records = text.split("\nchecks:")[0]
    assert records.count("\n  - id: ") == n + lead
    # every record lists what was guessed, so nobody mistakes the draft for a reviewed claims file
    assert records.count("\n    guessed: [") == n + lead
    assert text.count('status: "unreviewed"') == n + lead
    proposed = text.count('status: "proposed"')
    capsys.readouterr()
    assert main(["check", str(path), "--root", str(repo), "--quiet", "--no-write"]) == 0
    captured = capsys.readouterr()
    # a draft's checks are all proposed: they rate nothing until accepted, so the summary counts none of them
    assert "1 article(s) checked, 0 invalid, 0 checks:" in captured.err
    assert (f"{proposed} proposed check(s) to accept or drop" in captured.err) == (proposed > 0)
    assert f"{n + lead} claim(s) with guessed fields to confirm" in captured.err
    res = check_article(path, repo)
    assert res["coverage"] == {"mentions": n + lead, "claimed": n + lead, "waived": 0, "missing": []}
    assert all(c["guessed"] and c["measure"]["what"] != TODO_WHAT for c in res["claims"])
    # every drafted claim is still to confirm; slim results (a run that writes reports) keep no guessed fields
    typed = check_typed(path, repo)
    assert [cid for cid, _ in to_confirm(typed)] == [c.id for c in typed.claims] and len(typed.claims) == n + lead
    assert to_confirm(slim(typed)) == []
    assert [ch["id"] for ch in res["checks"] if ch["status"] == "proposed"] == res["summary"].get("proposed", [])


def test_scaffold_records_of_the_seed(repo):
    assert main(["new", f"datasets/sources/{SEED_ID}.txt", "--id", "draft-seed", "--root", str(repo)]) == 0
    res = check_article(repo / "claims" / "draft-seed.yaml", repo)
    by_text = {c["text"]: c for c in res["claims"]}
    assert (by_text["$60,000 a month"]["value"], by_text["$60,000 a month"]["unit"]) == (60000, "USD per month")
    # "over 4,500" persons: whole numbers above 4,500, [4,501, +inf)
    assert (by_text["over 4,500"]["qualifier"], by_text["over 4,500"]["interval"]) == ("more_than", [4501, None])
    assert (by_text["three quarters"]["value"], by_text["three quarters"]["unit"]) == (0.75, "fraction")
    # "In September" is a date (drafted with its preposition, the whole period expression): the engine
    # resolves it to the September before publication (4 Oct 2013)
    assert by_text["In September"]["unit"] == "date"
    assert by_text["In September"]["interval"] == ["2013-09-01", "2013-09-30"]


def test_coordinated_qualifier_becomes_an_explicit_interval(repo):
    # "as many as 400 adolescents and 1,200 adults": the words "1,200" alone say "exact", so the scaffold
    # writes the reading as an explicit interval [0, 1200] with a rule to confirm.
    assert main(["new", EXTRA_IDS[0], "--id", "draft-2011", "--root", str(repo)]) == 0
    res = check_article(repo / "claims" / "draft-2011.yaml", repo)
    c = next(c for c in res["claims"] if c["text"] == "1,200")
    assert c["interval"] == [0, 1200]
    assert c["rule"].startswith("explicit interval: TODO: confirm")


def test_new_refuses_to_overwrite(repo, capsys):
    path = repo / "claims" / f"{SEED_ID}.yaml"
    before = path.read_bytes()
    assert main(["new", SEED_ID, "--id", SEED_ID, "--root", str(repo)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_new_rejects_unknown_source_and_bad_id(repo, capsys):
    assert main(["new", "no-such-source", "--id", "x", "--root", str(repo)]) == 2
    assert "not found" in capsys.readouterr().err
    assert main(["new", SEED_ID, "--id", "Bad Id", "--root", str(repo)]) == 2
    assert "expected a slug" in capsys.readouterr().err
    assert not (repo / "claims" / "x.yaml").exists()


def test_unique_quote_grows_until_unique():
    text = "He paid 300 dollars. She paid 300 euros.\n"
    # "300" occurs twice; one word to the right ("300 dollars") is already unique
    assert unique_quote(text, 8, 11) == ("300 dollars", 8, True)
    text2 = "300 of them. 300 of them. and 300 of those."
    # "300 of" is not unique and ends on a function word; "300 of those" is unique
    assert unique_quote(text2, 30, 33) == ("300 of those", 30, True)


def test_scaffold_adds_start_when_a_quote_repeats(repo):
    # An invented capture (test fixture, not a real article) whose sentence is printed twice, as pages
    # that repeat their lede do: neither "300 women" quote is unique, so each record needs ``start``.
    line = "Police in the town said 300 women were freed on Monday after a long investigation."
    (repo / "datasets" / "sources" / "dup-news.txt").write_text(f"{line}\n\n{line}\n", encoding="utf-8")
    (repo / "datasets" / "sources" / "dup-news.meta.yaml").write_text(
        "id: dup-news\ntitle: Dup\npublisher: Test\npublished: 2020-01-06\nlicence: test fixture\n"
        "attribution: test fixture\ncaptured: written for this test\n", encoding="utf-8")
    assert main(["new", "dup-news", "--id", "dup-article", "--root", str(repo)]) == 0
    res = check_article(repo / "claims" / "dup-article.yaml", repo)
    first, second = res["claims"]
    assert first["quote"] == second["quote"] and "300" in first["quote"]
    # the second line starts 84 characters after the first (82 characters and two newlines)
    assert len(line) == 82 and second["start"] - first["start"] == 84
    assert "start: " in (repo / "claims" / "dup-article.yaml").read_text(encoding="utf-8")
    assert res["coverage"] == {"mentions": 2, "claimed": 2, "waived": 0, "missing": []}
