"""Reference datasets: the data package, the tidy table, load_reference and the evidence hook.

Expected intervals are worked from the rule table of numclaims.rules (step from trailing zeros; "about"
widens by max(step/2, 10 %)).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import shutil
from pathlib import Path

import pytest

from numclaims.cli import main
from numclaims.errors import InputErrors
from numclaims.evidence import COLUMNS, evidence_hook, load_reference, period_bounds, row_problems
from conftest import copy_seed

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
TABLE = Path("datasets") / "reference" / "peru-trafficking-figures.csv"


def _module(path: Path):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture()
def proj(tmp_path):
    copy_seed(tmp_path, "all")  # the seed article only, whatever else claims/ holds
    return tmp_path


def _edit_table(proj: Path, old: str, new: str) -> int:
    """Replace text in the tidy CSV; return the 1-based line it was on."""
    p = proj / TABLE
    text = p.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    line = text[: text.index(old)].count("\n") + 1
    p.write_text(text.replace(old, new), encoding="utf-8")
    return line


# ---------------------------------------------------------------------------------------- the package
def test_datapackage_validates_with_frictionless():
    from frictionless import Package

    report = Package(str(ROOT / "datasets" / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_datapackage_is_what_the_build_script_writes():
    # A source capture added without re-running the script (or an edited capture: its sha256 is in the
    # package) fails here: run `python datasets/build_datapackage.py`.
    build = _module(ROOT / "datasets" / "build_datapackage.py")
    assert (ROOT / "datasets" / "datapackage.json").read_text(encoding="utf-8") == build.render()
    names = {r["path"] for r in build.descriptor()["resources"]}
    on_disk = {f"sources/{p.name}" for p in (ROOT / "datasets" / "sources").iterdir()
               if p.suffix in (".txt", ".yaml")}
    assert on_disk <= names


def test_tidy_table_is_what_the_tidy_script_writes():
    from frictionless import Package

    tidy = _module(ROOT / "datasets" / "reference" / "tidy.py")
    raw = [r.to_dict() for r in
           Package(str(ROOT / "datasets" / "datapackage.json")).get_resource("peru-trafficking-figures-raw").read_rows()]
    assert len(raw) == 23
    assert (ROOT / TABLE).read_text(encoding="utf-8") == tidy.render(tidy.tidy_rows(raw))


# ---------------------------------------------------------------------------------------- load_reference
def test_load_reference_rows_and_contract():
    rows = load_reference(ROOT)
    # 23 rows of the tidy table + 2 added by hand in datasets/reference/added-figures.csv
    assert len(rows) == 23 + 2
    assert sum(r["resource"] == "peru-trafficking-figures" for r in rows.values()) == 23
    for r in rows.values():
        assert set(COLUMNS) <= set(r)
    w = rows["ap-es-2013-women"]
    # "about 300": step 100 -> d = max(100/2, 0.10 x 300 = 30) = 50 -> [250, 350]
    assert (w["value"], w["qualifier"], w["qualifier_as_written"], w["interval"]) == (300.0, "approximately", "about", [250.0, 350.0])
    assert (w["start_date"], w["end_date"]) == (dt.date(2010, 1, 1), dt.date(2013, 10, 31))
    # "about 1,200": step 100 -> d = max(50, 120) = 120 -> [1,080, 1,320]
    assert rows["huarayo-2010-minors"]["interval"] == [1080.0, 1320.0]
    # up to 1,600 -> [0, 1,600]; stated bound in value_high, none in value_low
    t = rows["huarayo-2011-total"]
    assert (t["value_low"], t["value_high"], t["interval"]) == (None, 1600.0, [0.0, 1600.0])
    # range: no single value, both ends
    g = rows["rinconada-2013-range"]
    assert (g["value"], g["value_low"], g["value_high"], g["interval"]) == (None, 1500.0, 4000.0, [1500.0, 4000.0])
    # more than 4,500: (4,500, +inf)
    assert rows["tip2014-rinconada"]["interval"] == [4500.0, None]
    # exact 42 percent: step 1, percent is not a count -> [41.5, 42.5]
    assert rows["mininter-2013-minors-share"]["interval"] == [41.5, 42.5]
    # period filled from the note: "in two years" up to October 2013
    m = rows["ap-es-2013-monthly"]
    assert (m["period_start"], m["period_end"], m["period_kind"]) == ("2011-11", "2013-10", "over")
    assert rows["huarayo-2011-adults"]["part_of"] == "huarayo-2011-total"
    assert rows["huarayo-2010-minors"]["published"] is None  # undated page


def test_load_reference_returns_copies():
    a = load_reference(ROOT)
    a["ap-es-2013-women"]["value"] = -1
    assert load_reference(ROOT)["ap-es-2013-women"]["value"] == 300.0


def test_no_package_means_no_rows(tmp_path):
    assert load_reference(tmp_path) == {}


def test_period_bounds():
    assert period_bounds("2012", False) == dt.date(2012, 1, 1)
    assert period_bounds("2012-02", True) == dt.date(2012, 2, 29)  # leap year
    assert period_bounds("2011-09-30", True) == dt.date(2011, 9, 30)
    assert period_bounds("", True) is None
    with pytest.raises(ValueError):
        period_bounds("2012-13", False)


def test_row_problems_rules_table_schema_cannot_state():
    base = {"value": None, "value_low": 5000.0, "value_high": 4000.0, "qualifier": "range",
            "period_start": "2013-02", "period_end": "2013-02"}
    assert row_problems(base) == [("value_low", "5000 is above value_high 4000")]
    assert row_problems({**base, "value_low": 1500.0}) == []
    assert row_problems({"value": 300.0, "value_low": 300.0, "value_high": None, "qualifier": "approximately",
                         "period_start": "2010", "period_end": None}) == [
        ("value", "qualifier approximately needs value and no value_low/value_high"),
        ("period_end", "give both period_start and period_end, or neither"),
    ]
    assert row_problems({"value": 4500.0, "value_low": None, "value_high": None, "qualifier": "more_than",
                         "period_start": "2013", "period_end": "2012"}) == [
        ("value_low", "qualifier more_than needs value and value_low equal to it, and no value_high"),
        ("period_start", "2013 is after period_end 2012"),
    ]


def test_low_above_high_is_an_input_error_with_file_line_row_and_column(proj):
    line = _edit_table(proj, ",,1500,4000,persons,range,", ",,5000,4000,persons,range,")
    with pytest.raises(InputErrors) as e:
        load_reference(proj)
    assert [str(x) for x in e.value.errors] == [
        f"{TABLE.as_posix()}:{line}: row rinconada-2013-range: value_low: 5000 is above value_high 4000 [reference-row]"]


def test_schema_violation_is_reported_through_frictionless(proj):
    # "about" is not in the enumerated qualifier vocabulary of the Table Schema
    line = _edit_table(proj, "300,,,persons,approximately,", "300,,,persons,about,")
    with pytest.raises(InputErrors) as e:
        load_reference(proj)
    msgs = [str(x) for x in e.value.errors]
    assert len(msgs) == 1
    # the Table Schema's enumeration in words, with what the cell held
    assert msgs == [f"{TABLE.as_posix()}:{line}: row ap-es-2013-women: qualifier: expected one of exact, approximately, "
                    "nearly, more_than, at_least, less_than, up_to, range; got 'about' [reference-cell]"]


def test_a_cell_of_the_wrong_type_says_what_to_write(proj):
    # "eight" where the value column wants a number: one line in words (not frictionless' "type is
    # number/default"), and no second line from the row rules, which would read the refused cell as empty
    line = _edit_table(proj, "300,,,persons,approximately,", "eight,,,persons,approximately,")
    with pytest.raises(InputErrors) as e:
        load_reference(proj)
    assert [str(x) for x in e.value.errors] == [
        f"{TABLE.as_posix()}:{line}: row ap-es-2013-women: value: expected a number in digits, with a point for "
        "decimals and no thousands separator (1144, 21.5); got 'eight' [reference-cell]"]


# ---------------------------------------------------------------------------------------- evidence hook
def test_cited_row_that_does_not_exist_is_an_input_error(proj, capsys):
    p = proj / "claims" / f"{SEED}.yaml"
    text = p.read_text(encoding="utf-8")
    old = "    evidence: [ap-es-2013-women]\n"
    line = text[: text.index(old)].count("\n") + 1
    p.write_text(text.replace(old, "    evidence: [ap-es-2013-woman]\n"), encoding="utf-8")
    assert main(["check", "--root", str(proj), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert (f"claims/{SEED}.yaml:{line}: claim women-exploited-300: evidence: cites reference row "
            "'ap-es-2013-woman', which does not exist in datasets/datapackage.json "
            "(did you mean 'ap-es-2013-women'?) [unknown-reference-row]") in err.splitlines()
    assert not (proj / "reports" / SEED).exists()


def test_hook_reports_check_level_evidence_too(proj):
    from numclaims.loader import parse_claims_file

    p = proj / "claims" / f"{SEED}.yaml"
    text = p.read_text(encoding="utf-8")
    old = "    claim: suspects-arrested-7\n"
    p.write_text(text.replace(old, old + "    evidence: [no-such-row]\n"), encoding="utf-8")
    data, raw = parse_claims_file(p, "x.yaml")
    errs = evidence_hook(proj)(data, raw, "x.yaml")
    assert len(errs) == 1
    e = errs[0]
    assert (e.claim, e.field) == ("external-arrests-7 (check)", f"checks[{[c.id for c in data.checks].index('external-arrests-7')}].evidence")
    assert "'no-such-row', which does not exist" in e.message


def test_the_package_script_copied_into_a_project_of_its_own_lists_only_what_it_holds(tmp_path):
    # a new user's project outside the repository: a capture, no reference tables; the script copied into its
    # datasets/ folder (docs/tutorial.md) wrote a package naming the repository's Peru tables, which the
    # project lacks, and every `numclaims check` then stopped on the missing CSV
    import json
    import subprocess
    import sys

    root = tmp_path / "project"
    (root / "datasets" / "sources").mkdir(parents=True)
    (root / "claims").mkdir()
    for f in (ROOT / "tests" / "data" / "drafting").glob("clinic-list-2025.*"):
        shutil.copy(f, root / "datasets" / "sources" / f.name)
    shutil.copy(ROOT / "datasets" / "build_datapackage.py", root / "datasets")
    subprocess.run([sys.executable, str(root / "datasets" / "build_datapackage.py")], check=True, capture_output=True)
    package = json.loads((root / "datasets" / "datapackage.json").read_text(encoding="utf-8"))
    # one text resource for the capture and one file resource for its .meta.yaml, nothing else
    assert len(package["resources"]) == 2
    assert all("peru" not in r["name"] for r in package["resources"])
    assert load_reference(root) == {}
