"""`numclaims check` exit codes and the issue-2 bad-input cases, on a temporary project."""

import shutil
from pathlib import Path

import pytest

from numclaims.cli import main
from conftest import copy_seed

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"


@pytest.fixture()
def proj(tmp_path):
    copy_seed(tmp_path, "all")  # the seed article only, whatever else claims/ holds
    return tmp_path


def run(proj, *args):
    return main(["check", "--root", str(proj), "--quiet", *args])


def snapshot(proj):
    rep = proj / "reports"
    return {p: p.read_bytes() for p in rep.rglob("*") if p.is_file()} if rep.exists() else {}


def test_ok_and_strict(proj):
    assert run(proj) == 0
    # the seed has inconsistent checks, so --strict exits 1
    assert run(proj, "--strict") == 1


def edit(proj, old, new, count=1):
    p = proj / "claims" / f"{SEED}.yaml"
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, count), encoding="utf-8")
    return text


def line_of(text, needle):
    return text[: text.index(needle)].count("\n") + 1


CASES = [
    # (old, new, expected fragment of the single error line; {line} = line of `old` in the original file)
    ("    quote: a fortune of $2 million\n", "    quote: [a fortune of $2 million\n",
     # the error is found on the next line; the [ was opened in the claim's quote (line 56)
     "{file}:{line2}: claim fortune-2-million: quote: YAML syntax error"),
    ("    unit: USD per month\n", "", "{file}:{claimline}: claim earnings-60000-month: unit: required field is missing"),
    ("    value: 7\n", "    value: seven\n", "{file}:{line}: claim suspects-arrested-7: value: expected a number, got text 'seven'"),
    ("  - id: suspects-arrested-7\n", "  - id: women-exploited-300\n",
     "{file}:{line}: claim women-exploited-300: id: duplicate claim id (first defined at line {first})"),
    ("    quote: Seven suspects were arrested in various parts of Peru\n",
     "    quote: Seven suspects were arrested in many parts of Peru\n",
     "{file}:{line}: claim suspects-arrested-7: quote: quote 'Seven suspects were arrested in many parts of Peru' "
     "is not in the source text"),
    ("    total: fortune-2-million\n", "    total: fortune-3-million\n",
     "{file}:{line}: claim earnings-times-period-vs-fortune (check): checks[0].total: names unknown claim 'fortune-3-million'"),
]


@pytest.mark.parametrize("old, new, expected", CASES)
def test_bad_input_cases(proj, capsys, old, new, expected):
    assert run(proj) == 0
    before = snapshot(proj)
    original = edit(proj, old, new)
    capsys.readouterr()
    assert run(proj) == 2
    err = capsys.readouterr().err
    fname = f"claims/{SEED}.yaml"
    line = line_of(original, old)
    claimline = original[: original.index(old)].rfind("  - id:")
    claimline = original[:claimline].count("\n") + 1
    first = line_of(original, "  - id: women-exploited-300")
    want = expected.format(file=fname, line=line, line2=line + 1, claimline=claimline, first=first)
    # Renaming a claim also leaves the checks that name it (e.g. its `external` check) dangling: those
    # follow-on lines are expected and not counted.
    renamed = old.split("id: ", 1)[1].strip() if old.startswith("  - id: ") else None
    lines = [ln for ln in err.splitlines() if ln.startswith(fname)
             and not (renamed and f"names unknown claim {renamed!r}" in ln)]
    assert len(lines) == 1, err
    assert lines[0].startswith(want), (lines[0], want)
    assert "Traceback" not in err
    # nothing written or changed for the article
    assert snapshot(proj) == before


def test_missing_path(proj, capsys):
    assert run(proj, str(proj / "claims" / "nope.yaml")) == 2
    assert "no such file" in capsys.readouterr().err


def test_help_shows_docstring_markup_as_plain_text(capsys):
    from numclaims.cli import plain

    assert plain("rendered by :func:`numclaims.runner.stage_one` into ``reports/<id>/``") == \
        "rendered by numclaims.runner.stage_one into reports/<id>/"
    for command in ("check", "report", "review", "notebooks", "extract", "new"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        out = capsys.readouterr().out
        assert "``" not in out and ":func:" not in out and ":mod:" not in out, command
