"""``numclaims check`` on many articles: the findings instead of the table, and ``--reports json``."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

from conftest import tree_bytes
from numclaims.cli import main
from numclaims.commands.check import TABLE_MAX_ARTICLES

REPO = Path(__file__).resolve().parents[1]


def _scale():
    spec = importlib.util.spec_from_file_location("scale", REPO / "benchmarks" / "scale.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """21 synthetic articles of benchmarks/scale.py (10 claims and 10 checks each), one over the limit."""
    root = tmp_path_factory.mktemp("corpus") / "p"
    _scale().make_corpus(root, (TABLE_MAX_ARTICLES + 1) * 10)
    return root


def _run(root: Path, capsys, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["check", "--root", str(root), "--no-progress", "--jobs", "1", *args])
    out = capsys.readouterr()
    return rc, out.out, out.err


# Article 0 of benchmarks/scale.py: district counts 100 * ((7k + 13i) % 90 + 10) for k = 0, i = 0..8:
# 1000, 2300, 3600, 4900, 6200, 7500, 8800, 1100, 2400. Its checks j = 0..9 cycle through part_whole,
# agreement, share_of_total, sum on districts j % 9, (j + 1) % 9, (j + 2) % 9:
#   agreement 1 (2300 vs 3600), 5 (7500 vs 8800), 9 (1000 vs 2300): different counts, inconsistent;
#   sum 3 (4900 + 6200 != 7500) and 7 (1100 + 2400 != 1000): inconsistent;
#   part_whole 8 (2400 within 1000): inconsistent; 0 (1000 of 2300) and 4 (6200 of 7500) hold.
FINDINGS_0 = ["findings of synthetic-000000:",
              "  INCONSISTENT  s0-check-1 (agreement)",
              "  INCONSISTENT  s0-check-3 (sum)",
              "  INCONSISTENT  s0-check-5 (agreement)",
              "  INCONSISTENT  s0-check-7 (sum)",
              "  INCONSISTENT  s0-check-8 (part_whole)",
              "  INCONSISTENT  s0-check-9 (agreement)"]


def test_above_the_limit_the_findings_not_the_table(corpus, tmp_path, capsys):
    root = tmp_path / "p"
    shutil.copytree(corpus, root)
    rc, out, _ = _run(root, capsys)
    assert rc == 0
    lines = out.splitlines()
    assert "┃" not in out and "s0-minors-share" not in out  # no table: no borders, no claim ids
    assert lines[:7] == FINDINGS_0
    assert f"(no table above {TABLE_MAX_ARTICLES} articles: --table prints it)" in lines
    # the same findings as a run that prints the table (from the cache's slim results this time)
    rc, with_table, _ = _run(root, capsys, "--table")
    assert rc == 0 and "s0-minors-share" in with_table  # a claim id: the table is printed
    assert [ln for ln in with_table.splitlines() if ln.startswith(("findings of", "  "))] == [
        ln for ln in lines if ln.startswith(("findings of", "  "))]


def test_reports_json_writes_results_only_and_the_same_bytes(corpus, tmp_path, capsys):
    full, short = tmp_path / "full", tmp_path / "short"
    shutil.copytree(corpus, full)
    shutil.copytree(corpus, short)
    assert _run(full, capsys, "--quiet")[0] == 0
    assert _run(short, capsys, "--quiet", "--reports", "json")[0] == 0
    every = tree_bytes(full / "reports")
    only = tree_bytes(short / "reports")
    assert len(every) == 4 * 21 and len(only) == 21  # four files per article, or results.json alone
    assert only == {k: v for k, v in every.items() if k.endswith("/results.json")}
    # a later default run does not take the results-only cache entries for complete ones: it renders the rest
    rc, _, err = _run(short, capsys, "--quiet")
    assert rc == 0 and "unchanged since the last check" not in err
    assert tree_bytes(short / "reports") == every
    # and a results-only run after it is answered from the cache (its entries list results.json)
    rc, _, err = _run(short, capsys, "--quiet", "--reports", "json")
    assert rc == 0 and "(21 unchanged since the last check" in err
