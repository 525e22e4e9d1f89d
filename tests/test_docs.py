"""The docs: generated reference pages equal a fresh generation, the site builds strictly (a broken link
fails it), README stays one screen with the CI's test command, and the tutorial's claims file checks as
the tutorial says."""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from numclaims.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _generator():
    spec = importlib.util.spec_from_file_location("docs_generate", DOCS / "generate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


GEN = _generator()


@pytest.mark.parametrize("rel", sorted(GEN.pages()))
def test_committed_generated_page_equals_a_fresh_generation(rel):
    assert (DOCS / rel).read_text(encoding="utf-8") == GEN.pages()[rel], "run python docs/generate.py"


def test_results_schema_is_the_results_model():
    schema = json.loads((DOCS / "reference" / "results-schema.json").read_text(encoding="utf-8"))
    assert schema["title"] == "Results"
    assert schema["required"] == ["article", "source", "claims", "checks", "summary", "coverage", "provenance"]
    verdict = schema["$defs"]["CheckEntry"]["properties"]["verdict"]
    assert verdict["enum"] == ["consistent", "tension", "inconsistent", "unverifiable"]


def test_check_kinds_page_has_one_row_per_registered_kind():
    from numclaims.checks import KINDS

    rows = [l for l in (DOCS / "reference" / "check-kinds.md").read_text(encoding="utf-8").splitlines()
            if l.startswith("| `")]
    assert [re.match(r"\| `(\w+)`", r).group(1) for r in rows] == list(KINDS)


def test_generate_check_names_a_stale_page(tmp_path, monkeypatch, capsys):
    # a copy of the docs with one generated page edited: --check exits 1 naming it and writes nothing
    shutil.copytree(DOCS, tmp_path / "docs")
    page = tmp_path / "docs" / "reference" / "codes.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited\n", encoding="utf-8")
    monkeypatch.setattr(GEN, "DOCS", tmp_path / "docs")
    assert GEN.main(["--check"]) == 1
    assert capsys.readouterr().out == "docs/reference/codes.md: stale, run python docs/generate.py\n"
    assert page.read_text(encoding="utf-8").endswith("edited\n")
    assert GEN.main([]) == 0 and GEN.main(["--check"]) == 0


def _build(folder: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                          cwd=folder, capture_output=True, text=True, env=env)


def test_the_site_builds_strictly(tmp_path):
    done = _build(ROOT, tmp_path / "site")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "site" / "reference" / "check-kinds" / "index.html").is_file()
    assert (tmp_path / "site" / "reference" / "results-schema.json").is_file()
    assert not (tmp_path / "site" / "generate.py").exists()


def test_a_broken_link_fails_the_build(tmp_path):
    shutil.copytree(DOCS, tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)
    with open(tmp_path / "docs" / "tutorial.md", "a", encoding="utf-8") as f:
        f.write("\nSee [the missing page](no-such-page.md) and [an anchor](design.md#no-such-anchor).\n")
    done = _build(tmp_path, tmp_path / "site")
    assert done.returncode == 1
    assert "no-such-page.md" in done.stderr and "no-such-anchor" in done.stderr


def test_readme_is_one_screen_with_the_ci_test_command():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) < 8 * 1024
    last = [l for l in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines() if l.strip()][-1]
    assert last == "pytest --nbval --nbval-sanitize-with notebooks/nbval-sanitize.cfg"
    assert f"&& {last}\n" in text
    assert "pip install -c constraints.txt -e . && numclaims check\n" in text


def test_readme_links_lead_to_files():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text)
    local = [l for l in links if not l.startswith(("http://", "https://"))]
    assert len(local) >= 15
    assert [l for l in local if not (ROOT / l).exists()] == []


def test_the_tutorial_claims_file_checks_as_the_tutorial_says(tmp_path):
    text = (DOCS / "tutorial.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if b.startswith("article:"))
    art = "insightcrime-2014-04-04-bolivia-trafficking-reports"
    shutil.copytree(ROOT / "datasets", tmp_path / "datasets")
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / f"{art}.yaml").write_text(block, encoding="utf-8")
    assert main(["check", "--root", str(tmp_path), "--quiet"]) == 0
    res = json.loads((tmp_path / "reports" / art / "results.json").read_text(encoding="utf-8"))
    (check,) = res["checks"]
    # 363 / 35 = 10.3714...: above 10, so "more than 10 times" holds as written -> consistent
    assert (check["id"], check["kind"], check["verdict"], check["reason"]) == (
        "rise-363-over-35", "ratio", "consistent", "holds_as_written")
    assert "[10.3714, 10.3714] ratio" in check["explanation"]
    assert res["coverage"] == {"mentions": 16, "claimed": 13, "waived": 3, "missing": []}
