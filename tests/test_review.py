"""`numclaims review`: the queue order and decisions written into the claims YAML in place (ruamel.yaml
round trip), on a temporary copy of the project."""

from __future__ import annotations

import datetime as dt
import shutil
from conftest import sketch
from numclaims.resultmodel import Results
from pathlib import Path

import pytest

from numclaims.cli import main
from numclaims.loader import load_article
from numclaims.review import ReviewError, edit_review, review_queue
from conftest import copy_seed

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"


@pytest.fixture()
def proj(tmp_path: Path) -> Path:
    copy_seed(tmp_path, "sources")  # the seed article only, whatever else claims/ holds
    return tmp_path


def claims_text(proj: Path) -> str:
    return (proj / "claims" / f"{SEED}.yaml").read_text(encoding="utf-8")


def review(proj: Path, *args: str) -> int:
    return main(["review", "--root", str(proj), *args])


def test_decision_changes_only_the_intended_lines(proj):
    before = claims_text(proj)
    anchor = "    evidence: [ap-es-2013-women]\n"
    assert before.count(anchor) == 1
    assert review(proj, "set", "women-exploited-300", "verified", "--reviewer", "A. Checker",
                  "--note", "Matches the AP wire: 300 women.", "--date", "2026-11-30") == 0
    after = claims_text(proj)
    # four lines added right after the claim's last line; the note is quoted because it holds ": "
    expected = before.replace(anchor, anchor + "    status: verified\n    reviewer: A. Checker\n"
                              "    reviewed_on: 2026-11-30\n    notes: 'Matches the AP wire: 300 women.'\n", 1)
    assert after == expected
    # a second decision rewrites those four lines in place and nothing else; a replaced value keeps the
    # quoting style of the value it replaces (ruamel round trip), so the note stays single-quoted
    assert review(proj, "set", "women-exploited-300", "disputed", "--reviewer", "B. Other",
                  "--note", "AP says 300 girls", "--date", "2026-12-01") == 0
    assert claims_text(proj) == before.replace(
        anchor, anchor + "    status: disputed\n    reviewer: B. Other\n    reviewed_on: 2026-12-01\n"
        "    notes: 'AP says 300 girls'\n", 1)


def test_blank_line_after_a_block_sequence_stays_after_the_claim(proj):
    # fortune-period-3-years ends with a block list (attribution); ruamel keeps the following blank line in
    # that list, so without care the new keys would land after the blank line
    before = claims_text(proj)
    last = "      - {who: Associated Press (AP), role: news agency}\n\n  - id: prostitutes-1600\n"
    assert before.count(last) == 1
    assert review(proj, "set", "fortune-period-3-years", "unverifiable", "--reviewer", "A. Checker",
                  "--note", "No source gives the period.", "--date", "2026-11-30") == 0
    assert claims_text(proj) == before.replace(
        last, "      - {who: Associated Press (AP), role: news agency}\n    status: unverifiable\n"
        "    reviewer: A. Checker\n    reviewed_on: 2026-11-30\n    notes: No source gives the period.\n"
        "\n  - id: prostitutes-1600\n", 1)


def test_reset_to_unreviewed_removes_the_decision(proj):
    before = claims_text(proj)
    assert review(proj, "set", "suspects-arrested-7", "verified", "--reviewer", "A", "--note", "ok",
                  "--date", "2026-11-30") == 0
    assert review(proj, "set", "suspects-arrested-7", "unreviewed") == 0
    after = claims_text(proj)
    anchor = "    evidence: [ap-es-2013-members]\n"
    assert after == before.replace(anchor, anchor + "    status: unreviewed\n", 1)


def test_default_date_is_today(proj):
    lo = dt.date.today()
    assert review(proj, "set", "rescued-2000", "verified", "--reviewer", "A", "--note", "ok") == 0
    hi = dt.date.today()
    text = claims_text(proj)
    assert any(f"    reviewed_on: {d.isoformat()}\n" in text for d in {lo, hi})


def test_unknown_id_or_status_exit_2_and_leave_the_file(proj, capsys):
    before = claims_text(proj)
    assert review(proj, "set", "no-such-claim", "verified", "--reviewer", "A", "--note", "n") == 2
    err = capsys.readouterr().err
    assert f"claims/{SEED}.yaml" in err and "claim no-such-claim" in err and "no such claim" in err
    assert review(proj, "set", "women-exploited-300", "bogus", "--reviewer", "A", "--note", "n") == 2
    err = capsys.readouterr().err
    line = before[: before.index("  - id: women-exploited-300")].count("\n") + 1
    assert err.startswith(f"claims/{SEED}.yaml:{line}: claim women-exploited-300: status: unknown status 'bogus'")
    assert review(proj, "set", "women-exploited-300", "verified", "--note", "n") == 2
    assert "needs --reviewer" in capsys.readouterr().err
    assert claims_text(proj) == before


def test_edit_refuses_changes_outside_the_claim():
    # ruamel would write the flow list [a,b] as [a, b]: a line outside the claim -> refused, not written
    text = ("article: a\nsource: a\nclaims:\n  - id: x\n    quote: 3 dogs\n    value: 3\n    unit: count\n"
            "    measure: {what: dogs}\n    attribution: [{who: me}]\nchecks: []\nwaived: [  ]\nextra_list: [a,b]\n")
    with pytest.raises(ReviewError, match="refusing to write"):
        edit_review(text, "x", "verified", "me", "ok", dt.date(2026, 1, 1), "claims/a.yaml")


def test_queue_order_worst_first():
    res = {"article": "a", "claims": [
        {"id": "plain", "status": "unreviewed", "quote": "q1"},
        {"id": "uv", "status": "unreviewed", "quote": "q2"},
        {"id": "ten", "status": "unreviewed", "quote": "q3"},
        {"id": "inc", "status": "unreviewed", "quote": "q4"},
        {"id": "done", "status": "verified", "quote": "q5"},
        {"id": "ok", "status": "unreviewed", "quote": "q6"},
        {"id": "nocheck", "status": "unreviewed", "quote": "q7"},
        {"id": "coded", "status": "unreviewed", "quote": "q8"},
    ], "checks": [
        {"id": "c5", "claims": ["coded"], "verdict": "consistent", "findings": [{"code": "qualifier_dropped"}]},
        {"id": "c1", "claims": ["uv", "ok"], "verdict": "unverifiable"},
        {"id": "c2", "claims": ["ten", "ok"], "verdict": "tension"},
        {"id": "c3", "claims": ["inc", "done"], "verdict": "inconsistent"},
        {"id": "c4", "claims": ["plain"], "verdict": "consistent"},
    ]}
    q = review_queue([sketch(Results, res)])
    # inconsistent, then tension (ten and ok, file order), unverifiable, consistent with a finding code,
    # consistent, and last the claim in no check; "done" is reviewed
    assert [it.claim for it in q] == ["inc", "ten", "ok", "uv", "coded", "plain", "nocheck"]
    assert [it.worst for it in q] == ["inconsistent", "tension", "tension", "unverifiable", "consistent",
                                      "consistent", None]
    assert q[2].checks == ("c1", "c2")


def test_review_list_drops_decided_claims(proj, capsys):
    assert review(proj) == 0
    out = capsys.readouterr().out.splitlines()
    n = int(out[0].split()[0])
    assert out[1].split()[0] == "INCONSISTENT"
    assert review(proj, "set", out[1].split()[1], "disputed", "--reviewer", "A", "--note", "n",
                  "--date", "2026-11-30") == 0
    capsys.readouterr()
    assert review(proj, "--article", SEED) == 0
    out2 = capsys.readouterr().out.splitlines()
    assert int(out2[0].split()[0]) == n - 1
    assert out[1] not in out2


def test_words_yaml_reads_as_other_types_are_written_quoted(proj):
    # "yes" and "no" are booleans in YAML 1.1, "4.10" a number (4.1), "2013-10-04" a date: written plain,
    # the claims loader would read them back as such and refuse the file; they are double-quoted instead
    before = claims_text(proj)
    anchor = "    evidence: [ap-es-2013-women]\n"
    assert review(proj, "set", "women-exploited-300", "verified", "--reviewer", "yes", "--note", "no",
                  "--date", "2026-11-30") == 0
    assert claims_text(proj) == before.replace(anchor, anchor + '    status: verified\n    reviewer: "yes"\n'
                                               '    reviewed_on: 2026-11-30\n    notes: "no"\n', 1)
    for note in ("4.10", "2013-10-04", "null"):
        assert review(proj, "set", "women-exploited-300", "verified", "--reviewer", "A. Checker", "--note", note,
                      "--date", "2026-11-30") == 0
        assert f'    notes: "{note}"\n' in claims_text(proj)
    assert main(["check", "--root", str(proj), "-q", "--no-write"]) == 0


def test_line_separators_in_a_note_are_written_as_escapes(proj):
    # a note pasted with LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029) and NEL (U+0085), which YAML
    # 1.1 reads as line breaks: written double-quoted with the YAML escapes \L, \P and \N, and read back
    # by the claims loader as the same text
    note = "first\u2028second\u2029third\x85fourth"
    assert review(proj, "set", "women-exploited-300", "verified", "--reviewer", "A. Checker", "--note", note,
                  "--date", "2026-11-30") == 0
    assert '    notes: "first\\Lsecond\\Pthird\\Nfourth"\n' in claims_text(proj)
    assert main(["check", "--root", str(proj), "-q", "--no-write"]) == 0


    art = load_article(proj / "claims" / f"{SEED}.yaml", proj)
    assert next(c.notes for c in art.data.claims if c.id == "women-exploited-300") == note


def test_an_article_whose_file_is_invalid_gets_that_file_s_lines_only(proj, capsys):
    # review --article / report --article of an article whose claims file fails: the file's own error line,
    # not also "no valid claims file has this article id" (true, but it hid the cause behind a line 0); an
    # article no file declares still gets that line
    path = proj / "claims" / f"{SEED}.yaml"
    lines = claims_text(proj).splitlines(keepends=True)
    k = next(i for i, ln in enumerate(lines) if ln.lstrip().startswith("- id:") and i > 5)
    lines[k] = lines[k].replace("- id:", "- id: [", 1)  # an unclosed flow sequence: a YAML syntax error
    path.write_text("".join(lines), encoding="utf-8")
    for cmd in (["review", "--article", SEED], ["report", "--article", SEED]):
        capsys.readouterr()
        assert main([*cmd, "--root", str(proj)]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and err[0].startswith(f"claims/{SEED}.yaml:") and err[0].endswith("[yaml-syntax]"), err
    assert main(["report", "--article", "no-such-article", "--root", str(proj)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and err[1] == ("claims/:0: article 'no-such-article': no valid claims file has this article id "
                                        "(valid articles: none) [unknown-article]")
