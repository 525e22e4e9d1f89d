"""`numclaims import CLAIMS.csv --article ID`: a sheet of quotes becomes a claims file, anchored and
validated as the YAML path is, with the same one-line errors (the CSV row's line)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from numclaims.cli import main
from numclaims.yamlio import load_yaml_text
from conftest import copy_seed

SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
HEADER = ["claim", "quote", "text", "value", "unit", "qualifier", "measure_what", "attribution", "roles", "notes"]
ROW = {"claim": "women-exploited-300", "quote": "a network that sexually exploited 300 women", "text": "300",
       "value": "300", "unit": "persons", "qualifier": "exact",
       "measure_what": "women sexually exploited by the dismantled network",
       "attribution": "Peruvian authorities > Associated Press (AP)", "roles": "police > news agency", "notes": ""}


@pytest.fixture()
def proj(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    copy_seed(root, "all")
    (root / "claims" / f"{SEED}.yaml").unlink()  # the import writes it
    return root


def _sheet(path: Path, rows: list[dict], header=HEADER, delimiter=",") -> Path:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=header, delimiter=delimiter, lineterminator="\r\n",
                       extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8", newline="")
    return path


def _import(proj, sheet, *extra):
    return main(["import", str(sheet), "--article", SEED, "--root", str(proj), *extra])


def test_export_then_import_gives_the_same_claims(tmp_path, capsys):
    full = tmp_path / "full"
    copy_seed(full, "all")
    assert main(["export", "--root", str(full), "--out", str(tmp_path / "e")]) == 0
    assert main(["check", "--root", str(full), "-q"]) == 0
    seed = json.loads((full / "reports" / SEED / "results.json").read_text(encoding="utf-8"))
    proj = tmp_path / "p"
    copy_seed(proj, "all")
    (proj / "claims" / f"{SEED}.yaml").unlink()
    assert main(["import", str(tmp_path / "e" / "claims.csv"), "--article", SEED, "--root", str(proj)]) == 0
    assert "16 claim(s) imported" in capsys.readouterr().out
    assert main(["check", "--root", str(proj), "-q"]) == 0
    got = json.loads((proj / "reports" / SEED / "results.json").read_text(encoding="utf-8"))
    keys = ("id", "quote", "text", "start", "end", "value", "unit", "precision", "measure", "attribution",
            "evidence", "status")
    # `ends` is no column of the export: the one claim whose record has it (period-past-two-years, ending
    # at report-september) falls back on the publication date, which moves its period (2011-10-01..
    # 2013-09-30 becomes 2011-10-05..2013-10-04) and that of the two claims whose measure.period names it
    # (minors-42-percent, rescued-2000); everything else is equal
    differ = [c["id"] for a, c in zip(seed["claims"], got["claims"])
              if {k: a[k] for k in keys} != {k: c[k] for k in keys}
              or (a["interval"], a["period"]) != (c["interval"], c["period"])]
    assert sorted(differ) == ["minors-42-percent", "period-past-two-years", "rescued-2000"]
    moved = {c["id"]: c["period"] for c in got["claims"]}
    assert moved["period-past-two-years"] == ["2011-10-05", "2013-10-04"]
    assert [c["id"] for c in got["claims"]] == [c["id"] for c in seed["claims"]]


def test_rows_are_anchored_and_written(proj, capsys):
    sheet = _sheet(proj / "sheet.csv", [ROW, {**ROW, "claim": "suspects-arrested-7", "text": "Seven", "value": "7",
                                               "quote": "Seven suspects were arrested in various parts of Peru",
                                               "measure_what": "suspects arrested", "roles": "",
                                               "notes": "line\u2028separator and \x85 NEL"}])
    assert _import(proj, sheet) == 0
    text = (proj / "claims" / f"{SEED}.yaml").read_text(encoding="utf-8")
    assert "\u2028" not in text and "\x85" not in text  # escaped, so YAML reads them as the same characters
    data = load_yaml_text(text)
    assert data["article"] == SEED and data["source"] == SEED
    a, b = data["claims"]
    assert a["attribution"] == [{"who": "Peruvian authorities", "role": "police"},
                                {"who": "Associated Press (AP)", "role": "news agency"}]
    assert a["value"] == 300 and "notes" not in a  # an empty cell is an absent field
    assert b["notes"] == "line\u2028separator and \x85 NEL"
    assert main(["check", "--root", str(proj), "-q"]) == 0
    res = json.loads((proj / "reports" / SEED / "results.json").read_text(encoding="utf-8"))
    # the same anchoring as the YAML path: "a network that sexually exploited 300 women" at 242..285
    assert (res["claims"][0]["start"], res["claims"][0]["end"]) == (242, 285)
    # an existing claims file is replaced only with --force
    assert _import(proj, sheet) == 2
    assert "already exists; pass --force" in capsys.readouterr().err
    assert _import(proj, sheet, "--force") == 0


def _yaml_error(proj, record_lines: str) -> str:
    """The error line the YAML path gives for one claim record (indented block under `claims:`)."""
    p = proj / "claims" / f"{SEED}.yaml"
    p.write_text(f"article: {SEED}\nsource: {SEED}\nclaims:\n{record_lines}checks: []\n", encoding="utf-8")
    out = io.StringIO()
    import contextlib

    with contextlib.redirect_stderr(out):
        assert main(["check", "--root", str(proj), "-q", "--no-write"]) == 2
    p.unlink()
    return [x for x in out.getvalue().splitlines() if x.startswith("claims/")][0]


@pytest.mark.parametrize("field,cell,yaml_value", [
    ("quote", "a network that exploited 300 women", '"a network that exploited 300 women"'),  # not verbatim
    ("value", "1,600", '"1,600"'),  # a thousands separator: text, not a number
    ("value", "3000", "3000"),  # disagrees with the numeral "300"
    ("qualifier", "roughly-ish", '"roughly-ish"'),
])
def test_errors_are_those_of_the_yaml_path_at_the_row_line(proj, capsys, field, cell, yaml_value):
    rows = [ROW, {**ROW, "claim": "second-300", field: cell}]
    sheet = _sheet(proj / "sheet.csv", rows)
    assert _import(proj, sheet) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert not (proj / "claims" / f"{SEED}.yaml").exists()  # nothing written
    rec = {**ROW, field: cell}
    yaml_line = _yaml_error(proj, (
        f"  - id: second-300\n    quote: {json.dumps(rec['quote'])}\n    text: \"300\"\n"
        f"    value: {yaml_value if field == 'value' else 300}\n    unit: persons\n"
        f"    qualifier: {yaml_value if field == 'qualifier' else 'exact'}\n"
        "    measure: {what: women}\n    attribution: [{who: Peruvian authorities}]\n"))
    # the same claim, field and message; the file and line are the sheet's: row 3 (header, first row)
    _, _, rest = yaml_line.partition(": claim ")
    assert err == [f"sheet.csv:3: claim {rest}"]


def test_sheet_structure_errors(proj, capsys):
    # an unknown (misspelt) column and a missing required one, both on the header line
    sheet = _sheet(proj / "s.csv", [{**ROW, "measure_wot": "x"}],
                   header=[h for h in HEADER if h != "unit"] + ["measure_wot"])
    assert _import(proj, sheet) == 2
    err = capsys.readouterr().err.splitlines()
    assert "s.csv:1: measure_wot: unknown column; expected some of claim, quote," in err[0]
    assert err[1] == "s.csv:1: unit: required column is missing [csv-column-missing]"
    # a quoted cell over two lines: the next row's line counts them (header 1, row 2-3, row 4)
    sheet = _sheet(proj / "s.csv", [{**ROW, "notes": "two\nlines"}, {**ROW, "claim": "x-2", "unit": ""}])
    assert _import(proj, sheet) == 2
    assert capsys.readouterr().err.splitlines() == ["s.csv:4: claim x-2: unit: required field is missing (empty cell) [csv-cell-missing]"]
    # semicolon-separated, as spreadsheets in many locales save CSV
    sheet = _sheet(proj / "s.csv", [ROW], delimiter=";")
    assert _import(proj, sheet) == 0
    (proj / "claims" / f"{SEED}.yaml").unlink()
    # not UTF-8: the line of the first bad byte
    (proj / "s.csv").write_bytes(b"claim,quote\nok,fine\nx,caf\xe9\n")
    assert _import(proj, proj / "s.csv") == 2
    assert capsys.readouterr().err.strip() == "s.csv:3: not UTF-8 text; save the sheet as CSV UTF-8 [not-utf8]"
    # a claim id another claims file already has
    shutil.copy(Path(__file__).parent / "data" / "project" / "claims" / "town-news.yaml", proj / "claims")
    shutil.copytree(Path(__file__).parent / "data" / "project" / "datasets" / "sources", proj / "datasets" / "sources",
                    dirs_exist_ok=True)
    sheet = _sheet(proj / "s.csv", [ROW, {**ROW, "claim": "rescued-300"}])
    assert _import(proj, sheet) == 2
    assert ("s.csv:3: claim rescued-300: id: claim id already used in claims/town-news.yaml; ids are unique across "
            "the project [csv-id-exists]") in capsys.readouterr().err.splitlines()
    # an article id another claims file already has
    (proj / "claims" / "town-news.yaml").rename(proj / "claims" / "renamed.yaml")
    assert main(["import", str(_sheet(proj / "s.csv", [{**ROW, "claim": "z-1"}])), "--article", "town-news",
                 "--root", str(proj)]) == 2
    assert ("s.csv:0: article: article 'town-news' is already the article of claims/renamed.yaml; import under "
            "another --article or edit that file [csv-article-exists]") in capsys.readouterr().err.splitlines()
    # an unknown source
    assert main(["import", str(_sheet(proj / "s.csv", [ROW])), "--article", "other-article", "--root", str(proj)]) == 2
    assert "s.csv:0: source:" in capsys.readouterr().err
