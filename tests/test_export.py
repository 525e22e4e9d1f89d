"""Machine output: `numclaims export` (tidy tables, Table Schemas, a Data Package v2 that `frictionless
validate` passes), `check --json` and `review --json`, on temporary copies of the seed project."""

from __future__ import annotations

import json
import subprocess
import sys
from conftest import sketch
from numclaims.resultmodel import Results
from pathlib import Path

import pandas as pd
import pytest

from numclaims.cli import main
from numclaims.export import TABLES, created_date, datapackage, finding_rows
from conftest import copy_seed

SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
FRICTIONLESS = str(Path(sys.executable).with_name("frictionless"))


@pytest.fixture()
def proj(tmp_path: Path) -> Path:
    copy_seed(tmp_path / "p", "all")  # with the reference tables the external checks read
    return tmp_path / "p"


def _validate(pkg: Path) -> subprocess.CompletedProcess:
    return subprocess.run([FRICTIONLESS, "validate", str(pkg)], capture_output=True, text=True, timeout=120)


def test_csv_export_opens_in_pandas_with_the_seed_values(proj, capsys):
    assert main(["export", "--root", str(proj)]) == 0
    out = proj / "export"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["datapackage.json"] + [f"{t}.{x}" for t in TABLES for x in ("csv", "schema.json")])
    claims = pd.read_csv(out / "claims.csv")
    checks = pd.read_csv(out / "checks.csv")
    findings = pd.read_csv(out / "findings.csv")
    # one row per claim (16 records) and per check (18 in the claims file)
    assert len(claims) == 16 and claims["claim"].is_unique
    assert len(checks) == 18
    # 13 consistent, 1 tension, 3 inconsistent, 1 unverifiable: the summary `numclaims check` prints
    assert checks["verdict"].value_counts().to_dict() == {"consistent": 13, "inconsistent": 3, "tension": 1,
                                                           "unverifiable": 1}
    row = claims.set_index("claim").loc["women-exploited-300"]
    # "300" exact, rounded to the hundred: [300 - 50, 300 + 50] = [250, 350], both ends closed
    assert (row["value"], row["interval_low"], row["interval_high"]) == (300, 250, 350)
    assert bool(row["interval_low_closed"]) and bool(row["interval_high_closed"])
    assert row["speaker"] == "Peruvian authorities"
    assert row["attribution"] == "Peruvian authorities > Associated Press (AP)"
    assert row["status"] == "unreviewed" and pd.isna(row["reviewer"])
    # findings: one row per claim of each non-consistent check, worst first:
    # external-women-4500 (1 claim) + madre-de-dios-estimates-agree (2) + minors-three-quarters-vs-1600 (3)
    # + external-minors-4000-rinconada (1) + rescued-2011-within-2000 (2) = 9 rows
    assert len(findings) == 9
    assert findings["rank"].tolist() == [1, 2, 2, 3, 3, 3, 4, 5, 5]
    assert findings["verdict"].tolist()[:6] == ["inconsistent"] * 6
    assert set(findings["claim"]) <= set(claims["claim"])
    assert set(findings["check"]) <= set(checks["check"])
    r = _validate(out / "datapackage.json")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.count("VALID") == 3


@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_other_formats_hold_the_same_rows_and_validate(proj, fmt):
    assert main(["export", "--root", str(proj), "--out", str(proj / "csv")]) == 0
    assert main(["export", "--root", str(proj), "--format", fmt, "--out", str(proj / fmt)]) == 0
    for t in TABLES:
        a = pd.read_csv(proj / "csv" / f"{t}.csv", keep_default_na=False)
        b = pd.read_json(proj / fmt / f"{t}.json", dtype=False) if fmt == "json" else pd.read_parquet(proj / fmt / f"{t}.parquet")
        assert list(b.columns) == [c for c, _, _ in TABLES[t]]
        assert len(a) == len(b)
        assert a["article"].tolist() == b["article"].tolist()
    r = _validate(proj / fmt / "datapackage.json")
    assert r.returncode == 0, r.stdout + r.stderr


def test_validation_catches_a_damaged_table(proj):
    """Control: the validation above can fail: a text in the integer column `start` is reported."""
    assert main(["export", "--root", str(proj)]) == 0
    p = proj / "export" / "claims.csv"
    lines = p.read_bytes().decode("utf-8").split("\r\n")
    cells = lines[1].split(",")
    cells[4] = "forty-two"  # start
    lines[1] = ",".join(cells)
    p.write_text("\r\n".join(lines), encoding="utf-8", newline="")
    r = _validate(proj / "export" / "datapackage.json")
    assert r.returncode != 0 and "type-error" in r.stdout


def test_data_package_metadata_is_deterministic(proj):
    assert main(["export", "--root", str(proj)]) == 0
    pkg = json.loads((proj / "export" / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    # no review yet: the newest input date is the article's publication date, 4 October 2013
    assert pkg["created"] == "2013-10-04T00:00:00Z" and pkg["version"] == "2013.10.4"
    assert [r["name"] for r in pkg["resources"]] == ["claims", "checks", "findings"]
    assert {"title": "InSight Crime", "roles": ["rightsHolder"]} in pkg["contributors"]
    assert {"title": "Marguerite Cawley", "roles": ["author"]} in pkg["contributors"]
    assert "fact-checking" in pkg["keywords"]
    before = {p.name: p.read_bytes() for p in (proj / "export").iterdir()}
    assert main(["review", "--root", str(proj), "set", "women-exploited-300", "verified", "--reviewer", "Ana",
                 "--note", "AP wire", "--date", "2026-11-30"]) == 0
    (proj / "numclaims.toml").write_text('[claimreview]\nauthor = "Fact Desk"\nauthor_url = "https://fd.example/"\n'
                                         'base_url = "https://fd.example/r"\n', encoding="utf-8")
    assert main(["export", "--root", str(proj)]) == 0
    pkg = json.loads((proj / "export" / "datapackage.json").read_text(encoding="utf-8"))
    # the review date, 30 November 2026, is now the newest input
    assert pkg["created"] == "2026-11-30T00:00:00Z" and pkg["version"] == "2026.11.30"
    assert pkg["contributors"][0] == {"title": "Fact Desk", "roles": ["publisher"], "path": "https://fd.example/"}
    after = {p.name: p.read_bytes() for p in (proj / "export").iterdir()}
    assert after["checks.csv"] == before["checks.csv"] and after["claims.csv"] != before["claims.csv"]
    # a second export writes the same bytes
    assert main(["export", "--root", str(proj)]) == 0
    assert {p.name: p.read_bytes() for p in (proj / "export").iterdir()} == after
    assert created_date([]) == "1970-01-01T00:00:00Z"
    with pytest.raises(ValueError, match="format must be one of csv, parquet, json"):
        datapackage([], "xlsx")


def test_invalid_input_exports_nothing(proj, capsys):
    p = proj / "claims" / f"{SEED}.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("value: 300\n", "value: three hundred\n", 1), encoding="utf-8")
    assert main(["export", "--root", str(proj)]) == 2
    err = capsys.readouterr().err
    assert f"claims/{SEED}.yaml:" in err and "claim women-exploited-300: value" in err
    assert not (proj / "export").exists()
    assert main(["export", "--root", str(proj), "--article", "nope"]) == 2


def test_check_json_prints_the_results_json_objects(proj, capsys):
    assert main(["check", "--root", str(proj), "--json"]) == 0
    cap = capsys.readouterr()
    (res,) = json.loads(cap.out)
    committed = json.loads((proj / "reports" / SEED / "results.json").read_text(encoding="utf-8"))
    assert res == committed
    assert "1 article(s) checked" in cap.err and "1 article(s) checked" not in cap.out
    # from the cache on a second run: the same objects
    assert main(["check", "--root", str(proj), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [committed]


def test_review_json_queue_and_decision(proj, capsys):
    assert main(["review", "--root", str(proj), "--json"]) == 0
    queue = json.loads(capsys.readouterr().out)
    assert len(queue) == 16  # nothing reviewed yet
    first = queue[0]
    # worst first: prostitutes-1600 takes part in inconsistent checks; its record starts on line 81
    assert first["worst"] == "inconsistent" and first["claim"]["id"] == "prostitutes-1600"
    assert first["location"] == f"claims/{SEED}.yaml:81"
    assert first["claim"]["quote"] == "As many as 1,600 adolescents and adults work as prostitutes there"
    assert "madre-de-dios-estimates-agree" in [c["id"] for c in first["checks"]]
    assert main(["review", "--root", str(proj), "set", "prostitutes-1600", "disputed", "--reviewer", "Ana",
                 "--note", "400 + 1,200", "--date", "2026-11-30", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "file": f"claims/{SEED}.yaml", "line": 81, "claim": "prostitutes-1600", "status": "disputed",
        "reviewer": "Ana", "reviewed_on": "2026-11-30", "notes": "400 + 1,200"}
    assert main(["review", "--root", str(proj), "--json"]) == 0
    assert "prostitutes-1600" not in [q["claim"]["id"] for q in json.loads(capsys.readouterr().out)]


def test_docs_name_every_key_of_the_json_output():
    """docs/review-and-export.md documents the objects `check --json` prints: every top-level key of a
    results object and every key of a claim and of a check appear in its table."""
    docs = (Path(__file__).resolve().parents[1] / "docs" / "review-and-export.md").read_text(encoding="utf-8")
    table = docs.split("## Machine output: `--json`", 1)[1].split("```sh", 1)[0]
    res = json.loads((Path(__file__).resolve().parents[1] / "reports" / SEED / "results.json").read_text(encoding="utf-8"))
    for key in res:
        assert f"| `{key}` |" in table, key
    row = {k: next(ln for ln in table.splitlines() if ln.startswith(f"| `{k}` |")) for k in ("claims", "checks")}
    for c in res["claims"]:
        for key in c:
            assert f"`{key}`" in row["claims"], key
    for ch in res["checks"]:
        for key in ch:
            assert f"`{key}`" in row["checks"], key


def test_docs_list_the_columns_of_each_table():
    """The column tables of docs/review-and-export.md are those of numclaims.export.TABLES, in order."""
    import re

    docs = (Path(__file__).resolve().parents[1] / "docs" / "review-and-export.md").read_text(encoding="utf-8")
    for name, fields in TABLES.items():
        block = docs.split(f"**{name}**\n", 1)[1].lstrip("\n").split("\n\n", 1)[0]
        rows = re.findall(r"^\| `([a-z_]+)` \| (\w+) \| (.*) \|$", block, re.M)
        assert rows == [(c, t, d) for c, t, d in fields], name


def test_findings_rows_are_the_declared_findings_worst_first():
    # three checks: a consistent one (no row), a proposed inconsistent one (a proposal is no finding until
    # accepted: no row) and a declared tension (one row per claim it relates, rank 1)
    res = sketch(Results, {"article": "a", "checks": [
        {"id": "c-ok", "kind": "sum", "claims": ["x", "y"], "verdict": "consistent"},
        {"id": "c-prop", "kind": "agreement", "claims": ["x", "z"], "verdict": "inconsistent", "status": "proposed"},
        {"id": "c-t", "kind": "agreement", "claims": ["y", "z"], "verdict": "tension"},
    ]})


    assert finding_rows(res) == [
        {"article": "a", "rank": 1, "check": "c-t", "verdict": "tension", "claim": "y"},
        {"article": "a", "rank": 1, "check": "c-t", "verdict": "tension", "claim": "z"},
    ]
