"""The error codes (:mod:`numclaims.codes`): every code the sources emit is declared, every declared code is
reached by the bad-input corpus or by a test that asserts its whole line, and the line of each code below
(one fault each, on a copy of ``tests/data/project`` or the seed project) ends with it.

The sources are read with :mod:`ast`: a code is written as a literal where an error is made
(``ErrorLine(..., code)``, ``CodedError(code, ...)``, ``YamlInputError(line, message, code)``,
``ReviewError(message, code)``, ``tag(text, code)``, ``Fault(..., code=...)``), in the code tables
(``_ERRNO``, ``_SCHEMA_CODES``) or in the ``(field, code, message)`` triples of the claim-value
rules; each such literal must be a key of :data:`numclaims.codes.CODES`.
"""

from __future__ import annotations

import ast
import errno
import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import PROJECT, copy_seed
from numclaims.cli import main
from numclaims.codes import _TABLE, CODES, GROUPS, CodedError, tag
from numclaims.errors import InputErrors, fault_line
from numclaims.evidence import load_reference
from numclaims.importer import read_rows

HERE = Path(__file__).parent
SRC = HERE.parent / "src" / "numclaims"
BASE = (PROJECT / "claims" / "town-news.yaml").read_text(encoding="utf-8")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

#: call name -> (position of the code among the positional arguments, keyword name)
_CODE_ARGS = {"ErrorLine": (5, "code"), "CodedError": (0, "code"), "YamlInputError": (2, "code"),
              "ReviewError": (1, "code"), "tag": (1, "code"), "Fault": (3, "code")}
#: functions whose returned tuples carry a code: name -> (tuple length, position of the code)
_CODE_TUPLES = {"value_problems": (3, 1), "_interval_problems": (3, 1), "quote_numeral_problems": (3, 1),
                "number_problem": (2, 0)}


def _literals(node: ast.AST) -> list[str]:
    """The string literals in ``node`` that look like codes (``getattr(e, "code", "x")`` gives ``code`` and
    ``x``; ``code`` is no slug of the table and is dropped by the caller's check only if it is declared)."""
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and SLUG.fullmatch(n.value) and n.value != "code"]


def emitted_codes() -> list[tuple[str, int, str]]:
    """``(file, line, code)`` of every code literal of the package's sources (see the module docstring)."""
    out = []
    for path in sorted(SRC.rglob("*.py")):
        if path.name == "codes.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = str(path.relative_to(SRC))
        # ``tag`` is the codes' only where imported from numclaims.codes (explain.py has an HTML tag of its own)
        coded = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)
                 and (n.module or "").endswith("codes") for a in n.names}
        for node in ast.walk(tree):
            found: list[ast.AST] = []
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in _CODE_ARGS and (name != "tag" or "tag" in coded):
                    pos, kw = _CODE_ARGS[name]
                    if len(node.args) > pos:
                        found.append(node.args[pos])
                    found += [k.value for k in node.keywords if k.arg == kw]
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_SCHEMA_CODES"
                                                      for t in node.targets):
                found += list(node.value.values)
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "_ERRNO" for t in node.targets):
                found += [v.elts[0] for v in node.value.values]  # (code, hint) by errno
            elif isinstance(node, ast.Assign):  # code = "yaml-tag"; what, code = ..., "yaml-syntax"
                pairs = [(t, node.value) for t in node.targets if isinstance(t, ast.Name)]
                pairs += [(n, v) for t in node.targets if isinstance(t, ast.Tuple) and isinstance(node.value, ast.Tuple)
                          for n, v in zip(t.elts, node.value.elts)]
                found += [v for n, v in pairs if isinstance(n, ast.Name) and n.id == "code" and isinstance(v, ast.Constant)]
            elif isinstance(node, ast.FunctionDef) and node.name in _CODE_TUPLES:
                size, pos = _CODE_TUPLES[node.name]
                found += [t.elts[pos] for t in ast.walk(node) if isinstance(t, ast.Tuple) and len(t.elts) == size]
            for f in found:
                out += [(rel, node.lineno, c) for c in _literals(f)]
    return out


def test_the_table_is_well_formed():
    assert len(_TABLE) == len(CODES)  # no code declared twice
    for c in CODES.values():
        assert SLUG.fullmatch(c.code) and c.group in GROUPS and c.meaning and c.fix, c
    assert {c.group for c in CODES.values()} == set(GROUPS)  # every group holds a code


def test_every_code_the_sources_emit_is_declared():
    found = emitted_codes()
    assert len(found) > 150  # the scan sees the error sites (about 200 today), so it can fail
    assert [f for f in found if f[2] not in CODES] == []


def test_every_declared_code_is_emitted_and_reached_by_a_test():
    emitted = {c for _, _, c in emitted_codes()}
    assert [c for c in CODES if c not in emitted] == []
    text = "".join(p.read_text(encoding="utf-8") for p in HERE.glob("test_*.py"))
    assert [c for c in CODES if f"[{c}]" not in text] == []  # each in a whole expected line


def test_the_bad_input_corpus_codes_are_declared():
    from test_bad_inputs import CASES

    lines = [line for expected in CASES.values() for line in expected]
    codes = [re.fullmatch(r".* \[([a-z0-9-]+)\]", line) for line in lines]
    assert all(codes) and {m.group(1) for m in codes} <= set(CODES)


def test_a_coded_error_and_tag():
    e = CodedError("not-a-number", "expected a number, got text 'ten'")
    assert isinstance(e, ValueError) and str(e) == "expected a number, got text 'ten'" and e.code == "not-a-number"
    assert tag("x.yaml:1: bad", "yaml-syntax") == "x.yaml:1: bad [yaml-syntax]"


@pytest.mark.parametrize("exc, line", [
    (OSError(errno.EACCES, "Permission denied", "reports/a"),
     "reports/a: permission denied (EACCES): permission denied; check the owner and permissions of the folder "
     "[permission-denied]"),
    (OSError(errno.ENAMETOOLONG, "File name too long", "reports/a"),
     "reports/a: file name too long (ENAMETOOLONG): the file name is too long [path-problem]"),
    (OSError(errno.EMFILE, "Too many open files", "reports/a"),
     "reports/a: too many open files (EMFILE): too many open files; raise the limit (ulimit -n) "
     "[too-many-open-files]"),
])
def test_system_errors_carry_the_code_of_their_errno(exc, line):
    assert fault_line(exc) == line


# ------------------------------------------------------------------------------------------ claims files
def _check(root: Path, capsys, *argv: str) -> tuple[int, list[str]]:
    """``numclaims <argv> --root root``: exit status and stderr lines without the summary line."""
    capsys.readouterr()
    try:
        rc = main([*(argv or ("check", "--quiet")), "--root", str(root)])
    except SystemExit as e:  # argparse's usage errors
        rc = e.code
    err = capsys.readouterr().err.splitlines()
    return rc, [line for line in err if "article(s) checked" not in line]


DERIVED = "derived:\n  - id: d1\n    kind: {kind}\n    inputs: [{inputs}]\n    unit: persons\n"
NEARLY_0 = ("  - id: raid-nearly-0\n    quote: Mine raid frees workers\n    value: 0\n    unit: persons\n"
            "    qualifier: nearly\n    measure:\n      what: x\n    attribution:\n      - {who: officials, role: government}\n\n")
RESCUED = '    text: "300"\n    value: 300\n    unit: persons\n    qualifier: exact\n'

CLAIMS_CASES = {
    # line 1 is `a: &x [*x]`
    "yaml-alias-recursive": ("a: &x [*x]\n", "claims/town-news.yaml:1: a: a YAML alias refers to a node that contains it "
                             "(recursive data); claims files must be plain trees [yaml-alias-recursive]"),
    # line 1 is `? [a, b]`
    "yaml-key": ("? [a, b]\n: 1\n", "claims/town-news.yaml:1: a mapping key must be a plain value [yaml-key]"),
    # 1,000 nested sequences: line 1000 is where PyYAML's depth limit stops
    "yaml-too-deep": ("a:\n" + "".join("  " * i + "- \n" for i in range(1, 1100)),
                      "claims/town-news.yaml:1000: YAML syntax error: exceeded maximum nesting depth (while increasing "
                      "block level that starts at line 1000); check the quotes and indentation [yaml-too-deep]"),
    # line 89 is `  - id: d1` (after the 88 lines of the fixture and `derived:`)
    "inputs-count": (BASE + DERIVED.format(kind="difference", inputs="rescued-300, workers-1600, minors-40-percent"),
                     "claims/town-news.yaml:89: claim d1 (derived): derived[0]: inputs: a difference takes exactly two "
                     "inputs, got 3 [inputs-count]"),
    "derived-invalid": (BASE + DERIVED.format(kind="sum", inputs="rescued-300, fortune-120000"),
                        "claims/town-news.yaml:89: claim d1 (derived): derived[0]: a sum adds figures of its own unit "
                        "'persons'; inputs have USD (give inputs of that unit, or set unit to theirs) [derived-invalid]"),
    # line 91 is `  - id: ch1`, the fourth check (a rule over two of its fields: the check is named, not a field)
    "check-form": (BASE + "  - id: ch1\n    kind: change\n    later: workers-1600\n    change: rescued-300\n    factor: 2\n",
                   "claims/town-news.yaml:91: claim ch1 (check): checks[3]: give exactly one of 'change' (a claim: "
                   "percent, fraction or an amount) or 'factor' (a ratio claim or a number such as 2 for 'doubled') "
                   "[check-form]"),
    # line 87 is `    whole: workers-1600`, now also the part
    "relation-repeats-claim": (BASE.replace("    part: rescued-300\n", "    part: workers-1600\n"),
                               "claims/town-news.yaml:87: claim rescued-within-workers (check): checks[2].whole: names "
                               "claim 'workers-1600' again (already as part); a relation between a claim and itself "
                               "proves nothing: name a different claim [relation-repeats-claim]"),
    # line 11 is `    interval: [1, 2]`; 300 is outside it
    "interval-excludes-value": (BASE.replace(RESCUED, RESCUED + "    interval: [1, 2]\n    rule: test\n"),
                                "claims/town-news.yaml:11: claim rescued-300: interval: [1, 2] excludes the claim's own "
                                "value 300; write an interval that holds the figure, or correct 'value' "
                                "[interval-excludes-value]"),
    # line 42 is `    unit: EUR per month`, the text says $
    "unit-differs": (BASE.replace("unit: USD per month", "unit: EUR per month"),
                     "claims/town-news.yaml:42: claim earnings-5000-month: unit: 'EUR per month' differs from the "
                     "currency written in '$5,000 a month' (USD) [unit-differs]"),
    # line 10 is `    qualifier: about` for the bare numeral '300'
    "qualifier-differs": (BASE.replace(RESCUED, RESCUED.replace("exact", "about")),
                          "claims/town-news.yaml:10: claim rescued-300: qualifier: 'approximately' contradicts the "
                          "words '300', read as 'exact' [qualifier-differs]"),
    # line 60 is `  - id: fortune-120000`, whose period is an expression no reader knows
    "period-unreadable": (BASE.replace("      period: period-two-years\n", "      period: {expression: the other day}\n"),
                          "claims/town-news.yaml:60: claim fortune-120000: measure.period: cannot read the date or "
                          "period 'the other day' [period-unreadable]"),
    # line 49 is `  - id: period-two-years`, a duration of two years given the one year 2013 (365 days) as its
    # period; "two years" read as at least 1.5 years ending 31 Dec 2013: from 30 Jun 2012, 549 days, less the
    # day of slack: 548
    "period-length-differs": (
        BASE.replace("      what: period of the gang's earnings\n",
                     "      what: period of the gang's earnings\n      period: {expression: \"2013\"}\n"),
        "claims/town-news.yaml:49: claim period-two-years: measure.period: the period 2013-01-01..2013-12-31 runs "
        "365 days, but 'over two years' is at least 548 days; give the span the duration covers or falls within, "
        "one day for a duration measured on a date, or 'ends:' for its end [period-length-differs]"),
    # line 76 is `    qualifier: nearly` of a claim of 0: nothing is below 0
    "interval-rule": (BASE.replace("checks:\n", NEARLY_0 + "checks:\n"),
                      "claims/town-news.yaml:76: claim raid-nearly-0: qualifier: interval at 0.0 with an open end is "
                      "empty [interval-rule]"),
}


@pytest.mark.parametrize("case", sorted(CLAIMS_CASES))
def test_a_claims_file_fault_ends_with_its_code(case, project, capsys):
    text, line = CLAIMS_CASES[case]
    (project / "claims" / "town-news.yaml").write_text(text, encoding="utf-8")
    assert _check(project, capsys) == (2, [line])


def test_source_metadata_faults(project, capsys):
    meta = project / "datasets" / "sources" / "town-news.meta.yaml"
    good = meta.read_text(encoding="utf-8")
    unloadable = "claims/town-news.yaml:3: source: source 'town-news' could not be loaded [source-unloadable]"
    meta.write_text("- a list\n", encoding="utf-8")
    assert _check(project, capsys) == (2, [unloadable, "datasets/sources/town-news.meta.yaml:1: expected a mapping "
                                                       "of metadata fields [metadata-not-mapping]"])
    meta.write_text(good.replace("id: town-news", "id: other"), encoding="utf-8")  # line 2 is the id
    assert _check(project, capsys) == (2, [unloadable, "datasets/sources/town-news.meta.yaml:2: id: metadata id "
                                                       "'other' differs from the file name 'town-news' [metadata-id]"])
    # a rule of the whole record: named at the line of its first field
    meta.write_text(good.replace("published: 2014-03-03", "published: 2014-13"), encoding="utf-8")
    assert _check(project, capsys) == (2, [unloadable, "datasets/sources/town-news.meta.yaml:2: published: month 13 "
                                                       "of '2014-13' is not 01-12 [not-a-date]"])


# ---------------------------------------------------------------------------------------- commands
def test_command_faults(project, capsys):
    # one line, no usage block before it
    assert _check(project, capsys, "check", "--bogus") == (2, [
        "numclaims check: error: unrecognized arguments: --bogus; numclaims check --help lists the options [usage]"])
    assert _check(project, capsys, "review", "set", "--bogus", "a", "b") == (2, [
        "numclaims review: error: unrecognized arguments: --bogus; numclaims review --help lists the options [usage]"])
    assert _check(project, capsys, "check", "--jobs", "x") == (2, [
        "numclaims check: error: argument --jobs/-j: invalid int value: 'x'; numclaims check --help lists the "
        "options [usage]"])
    # no command at all: one line naming them
    capsys.readouterr()
    with pytest.raises(SystemExit) as e:
        main([])
    assert e.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        "numclaims: error: a command is required: check, extract, new, suggest, report, review, notebooks, export, "
        "import, serve, completion; numclaims --help lists the options [usage]"]
    # --root naming no folder: one line for every command, before any work (numclaims.cli.main)
    for argv in (("check", "--quiet"), ("report",), ("export",), ("new", "town-news", "--id", "x")):
        assert _check(project / "nowhere", capsys, *argv) == (2, [
            f"{project / 'nowhere'}: no such folder (--root names the project folder, which holds claims/ and "
            "datasets/) [root-missing]"]), argv
    assert not (project / "nowhere").exists()
    assert _check(project, capsys, "report", "--article", "nope") == (2, [
        "claims/:0: article 'nope': no valid claims file has this article id (valid articles: town-news) "
        "[unknown-article]"])
    assert _check(project, capsys, "review", "set", "rescued-300", "verified") == (2, [
        "claims/town-news.yaml:5: claim rescued-300: reviewer: a decision needs --reviewer NAME [review-decision]"])
    assert _check(project, capsys, "new", "town-news", "--id", "town-news") == (2, [
        f"{project / 'claims' / 'town-news.yaml'}: already exists; numclaims new never overwrites a claims file "
        "(choose another --id or delete the file first) [file-exists]"])
    assert _check(project, capsys, "notebooks") == (2, [
        f"{project / 'notebooks'}:0: no numbered notebooks (NN-*.ipynb) [no-notebooks]"])
    assert _check(project, capsys, "check", "--quiet") == (0, [])
    (project / "reports" / "town-news" / "report.md").write_text("edited\n", encoding="utf-8")
    assert _check(project, capsys, "report", "--check") == (1, [
        "reports/town-news/report.md: differs from a fresh render; run `numclaims report` [stale-report]"])
    (project / "claims" / "town-news.yaml").write_text(BASE.replace("value: 300", "value: -300"), encoding="utf-8")
    assert _check(project, capsys, "export", "--format", "csv") == (2, [
        "claims/town-news.yaml:8: claim rescued-300: value: -300 is negative; counts, amounts and shares cannot be "
        "[value-negative]", "1 invalid claims file(s): nothing exported [invalid-input]"])
    (project / "claims" / "town-news.yaml").unlink()
    assert _check(project, capsys, "report") == (2, [
        f"no claims files found in {project / 'claims'} (claims files are *.yaml or *.yml files) [no-claims-files]"])


def test_a_source_without_numbers_cannot_be_drafted(project, capsys):
    src = project / "datasets" / "sources"
    (src / "words.txt").write_text("Just words here.\n", encoding="utf-8")
    (src / "words.meta.yaml").write_text((src / "town-news.meta.yaml").read_text(encoding="utf-8")
                                         .replace("id: town-news", "id: words"), encoding="utf-8")
    assert _check(project, capsys, "new", "words", "--id", "words") == (2, [
        "datasets/sources/words.txt: no numeric mention in the body of source 'words'; if the body is cut wrongly, "
        "give its first and last words as body: {start: ..., end: ...} in words.meta.yaml [no-mentions]"])


def test_dask_engine_without_the_extra(project, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    assert _check(project, capsys, "check", "--quiet", "--engine", "dask") == (2, [
        "--engine dask needs dask.distributed: pip install 'numclaims[dask]' [missing-extra]"])


def test_project_settings(project, capsys):
    toml = project / "numclaims.toml"
    toml.write_text("[claimreview]\nauthr = 'x'\n", encoding="utf-8")
    assert _check(project, capsys) == (2, [
        "numclaims.toml: unknown claimreview key(s) ['authr']; expected some of ['author', 'author_type', "
        "'author_url', 'base_url'] [config-invalid]"])
    toml.unlink()  # a reviewed claim and no publisher configured
    reviewed = RESCUED + "    status: verified\n    reviewer: R\n    reviewed_on: 2014-03-05\n    notes: n\n"
    (project / "claims" / "town-news.yaml").write_text(BASE.replace(RESCUED, reviewed), encoding="utf-8")
    rc, err = _check(project, capsys)
    assert rc == 2 and len(err) == 1
    assert err[0].startswith("numclaims.toml:0: claim rescued-300: claimreview.author: not set, and article "
                             "town-news has 1 reviewed claim(s) to publish as ClaimReview: ")
    assert err[0].endswith(" [config-missing]")


def test_a_failed_notebook_run(project, capsys, monkeypatch):
    from numclaims.commands import notebooks

    assert _check(project, capsys) == (0, [])
    (project / "notebooks").mkdir()
    (project / "notebooks" / "01-x.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, '
                                                       '"nbformat_minor": 5}\n', encoding="utf-8")
    monkeypatch.setattr(notebooks, "_execute_all", lambda root, jobs, kernel, n, measures: [(job, "ZeroDivisionError in cell 3")
                                                                                  for job in jobs])
    rc, err = _check(project, capsys, "notebooks")
    assert rc == 1  # after rich's progress line
    assert err[-1] == "notebooks/01-x.ipynb: article town-news: ZeroDivisionError in cell 3 [notebook-failed]"


# ------------------------------------------------------------------------------------ reference data
TABLE = Path("datasets") / "reference" / "peru-trafficking-figures.csv"


def _reference_lines(root: Path) -> list[str]:
    with pytest.raises(InputErrors) as e:
        load_reference(root)
    return [str(x) for x in e.value.errors]


def test_reference_data_faults(tmp_path):
    root = copy_seed(tmp_path / "p", "all")
    table = root / TABLE
    good = table.read_text(encoding="utf-8")
    rows = good.split("\n")
    # a row given twice: the copy is line len(rows), after the last row (line len(rows) - 1)
    table.write_text(good.rstrip("\n") + "\n" + rows[1] + "\n", encoding="utf-8")
    n = len([r for r in rows if r])
    assert _reference_lines(root) == [  # once (the Table Schema's primary key and unique id say it again: not repeated)
        f"{TABLE.as_posix()}:{n + 1}: row ap-es-2013-women: id: duplicate id (also in peru-trafficking-figures line 2) "
        "[reference-duplicate-id]"]
    # part_of naming no row (the fourth column of line 2)
    cells = rows[1].split(",")
    table.write_text(good.replace(rows[1], ",".join(cells[:3] + ["no-such-row"] + cells[4:])), encoding="utf-8")
    assert _reference_lines(root) == [  # once (the Table Schema's foreign key says it again: not repeated)
        "datasets/reference:2: row ap-es-2013-women: part_of: names unknown row 'no-such-row' [reference-unknown-parent]"]
    # a qualifier outside the Table Schema's enumeration (line 2)
    table.write_text(good.replace("300,,,persons,approximately,", "300,,,persons,about,"), encoding="utf-8")
    lines = _reference_lines(root)
    assert len(lines) == 1 and lines[0].startswith(f"{TABLE.as_posix()}:2: row ap-es-2013-women: qualifier: ")
    assert lines[0].endswith(" [reference-cell]")
    # the table missing: its resource cannot be read
    table.unlink()
    lines = _reference_lines(root)
    assert len(lines) == 1 and lines[0].startswith(f"{TABLE.as_posix()}:0: cannot read resource "
                                                   "'peru-trafficking-figures': ")
    assert lines[0].endswith(" [resource-unreadable]")
    # the package not JSON
    (root / "datasets" / "datapackage.json").write_text("{not json", encoding="utf-8")
    lines = _reference_lines(root)
    assert len(lines) == 1 and lines[0].startswith("datasets/datapackage.json:0: invalid data package: ")
    assert lines[0].endswith(" [package-invalid]")


# ------------------------------------------------------------------------------------------ CSV import
COLUMNS = "claim,quote,text,value,unit,qualifier,measure_what,attribution\n"


def _csv_lines(text: str) -> list[str]:
    with pytest.raises(InputErrors) as e:
        read_rows(text, "s.csv")
    return [str(x) for x in e.value.errors]


def test_sheet_faults():
    import csv

    limit = csv.field_size_limit(131_072)  # the csv module's default (frictionless raises it for its reads)
    assert _csv_lines("") == ["s.csv:0: empty file; expected a header row naming the columns (claim, quote, value, "
                              "unit, measure_what, attribution, ...) [csv-empty]"]
    lines = _csv_lines(COLUMNS.replace("attribution", "claim,wot"))
    assert lines[:2] == ["s.csv:1: attribution: required column is missing [csv-column-missing]",
                         "s.csv:1: claim: column named twice [csv-column-twice]"]
    assert lines[2].startswith("s.csv:1: wot: unknown column; expected some of claim, quote, text, ")
    assert lines[2].endswith(" (see docs/review-and-export.md) [csv-column-unknown]") and len(lines) == 3
    assert _csv_lines(COLUMNS) == ["s.csv:2: no claim rows under the header [csv-no-rows]"]
    # row 2 has nine cells (a..i) under eight columns
    assert _csv_lines(COLUMNS + "a,b,c,d,e,f,g,h,i\n") == [
        "s.csv:2: 9 cells but 8 columns in the header; quote cells that hold the separator [csv-row-cells]"]
    # a cell of 140,000 characters: over the csv module's field limit of 131,072
    try:
        assert _csv_lines(COLUMNS + "a," + "x" * 140_000 + ",c,d,e,f,g,h\n") == [
            "s.csv:2: not readable as CSV: field larger than field limit (131072) [csv-unreadable]"]
    finally:
        csv.field_size_limit(limit)


def test_a_row_of_another_article(tmp_path, capsys):
    root = copy_seed(tmp_path / "p", "all")
    sheet = tmp_path / "s.csv"
    sheet.write_text("article,claim,quote,value,unit,measure_what,attribution\n"
                     "other,x-1,q,1,persons,w,a\n", encoding="utf-8")
    assert _check(root, capsys, "import", str(sheet), "--article", "new-article") == (2, [
        f"{sheet}:2: claim x-1: article: this row is of article 'other', not 'new-article'; import each article's "
        "rows on their own [csv-other-article]"])


def test_extract_names_the_first_metadata_problem_in_one_line(project, capsys):
    meta = project / "datasets" / "sources" / "town-news.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("title: Mine raid frees workers", "title: [a, b]"),
                    encoding="utf-8")
    assert _check(project, capsys, "extract", "town-news") == (2, [
        f"town-news:0: {meta}: invalid source metadata: title: expected text, got a list [not-text]"])
    meta.write_text(meta.read_text(encoding="utf-8") + "title: again\n", encoding="utf-8")  # line 10
    assert _check(project, capsys, "extract", "town-news") == (2, [
        f"town-news:0: {meta}:10: invalid source metadata: duplicate key 'title' in one mapping (first at line 3); "
        "keep one [duplicate-key]"])
