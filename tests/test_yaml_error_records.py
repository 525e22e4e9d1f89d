"""A claims file YAML cannot read: its error line names the record (claim, check, derived figure) and the
field the error falls in, read from the text alone (:func:`numclaims.loader.record_at`), as every other
error line does (``file:line: claim <id>: <field>: <what to fix>``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings, strategies as st

from numclaims.cli import main
from numclaims.loader import record_at

HERE = Path(__file__).parent

FILE = """\
article: a
source: b
claims:
  - id: c1
    quote: Police rescued 300 women
    measure:
      what: women rescued
      period: {start: 2013-01-01}
    attribution:
      - {who: officials, role: government}
  - id: c2
    quote: 1,600 people work
checks:
  - {id: k1, kind: sum, parts: [c1, c2], total: c2}
  - id: k2
    kind: agreement
    a: c1
derived:
  - id: d1
    kind: difference
waived:
  - text: "5"
"""


def test_record_at_names_each_record_and_field():
    # line by line (1-based), the record and field each line of FILE belongs to
    expected = {
        1: ("", "article"), 2: ("", "source"), 3: ("", "claims"),
        4: ("c1", "id"), 5: ("c1", "quote"),
        6: ("c1", "measure"), 7: ("c1", "measure.what"), 8: ("c1", "measure.period"),
        9: ("c1", "attribution"), 10: ("c1", "attribution"),  # a list item under a key: the key
        11: ("c2", "id"), 12: ("c2", "quote"),
        13: ("", "checks"),
        14: ("k1 (check)", "checks[0]"),  # a record on one line: its fields are not told apart
        15: ("k2 (check)", "checks[1].id"), 16: ("k2 (check)", "checks[1].kind"), 17: ("k2 (check)", "checks[1].a"),
        18: ("", "derived"), 19: ("d1 (derived)", "derived[0].id"), 20: ("d1 (derived)", "derived[0].kind"),
        21: ("", "waived"), 22: ("", "waived[0].text"),  # a waiver has no id
    }
    assert {n: record_at(FILE, n) for n in expected} == expected
    assert record_at(FILE, 0) == ("", "") and record_at(FILE, 99) == ("", "")
    # a second document after the records (line 23 is "---"): in no record
    assert record_at(FILE + "---\narticle: x\n", 23) == ("", "")
    # a line indented with a tab, which YAML refuses: the key written on it, under the mapping above it
    # (line 7), or as itself after a field with a value (line 12)
    assert record_at(FILE.replace("      what: women rescued", "\twhat: women rescued"), 7) == ("c1", "measure.what")
    assert record_at(FILE.replace("    quote: 1,600", "\tquote: 1,600"), 12) == ("c2", "quote")
    # a file with Windows line ends names the same record and field
    assert record_at(FILE.replace("\n", "\r\n"), 7) == ("c1", "measure.what")


def test_context_line_names_the_record_a_construct_opened_in():
    # an unclosed [ in c1 (line 9) is reported at c2's item line (11), "while parsing a flow sequence that
    # starts at line 9": the record is c1, the field the key the sequence opened under
    text = FILE.replace("    attribution:\n      - {who: officials, role: government}\n",
                        "    attribution: [{who: officials, role: government}\n\n")
    assert record_at(text, 11, 9, opened=True) == ("c1", "attribution")
    assert record_at(text, 11) == ("c2", "id")  # without the context: the line's own record


def test_a_quote_left_open_is_named_where_it_opened():
    # c1's quote (line 5) opens a text that c2's quote (line 12) closes; YAML fails at line 12 "while
    # parsing a block mapping that starts at line 4": the record is c1, the field the quote left open
    text = FILE.replace("    quote: Police rescued 300 women", '    quote: "Police rescued 300 women')
    text = text.replace("    quote: 1,600 people work", '    quote: "1,600 people work"')
    assert record_at(text, 12, 4) == ("c1", "quote")
    # single quotes too; a block mapping the error line is inside keeps the line's own field
    assert record_at(FILE.replace("    quote: Police", "    quote: 'Police"), 12, 4) == ("c1", "quote")
    assert record_at(FILE, 5, 4) == ("c1", "quote")
    # a quoted key, a quoted id key, and a closed value ending in an escaped backslash ("Police \\") before
    # the quote left open (line 5 here)
    text = FILE.replace("  - id: c1\n    quote: Police rescued 300 women",
                        '  - "id": c1\n    "quote": "Police rescued 300 women')
    assert record_at(text, 12, 4) == ("c1", "quote")
    text = FILE.replace("    quote: Police rescued 300 women\n",
                        '    quote: "Police \\\\"\n    text: "300\n')
    assert text.splitlines()[4:6] == ['    quote: "Police \\\\"', '    text: "300']
    assert record_at(text, 13, 4) == ("c1", "text")


IDS = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
KEYS = st.sampled_from(["quote", "text", "value", "unit", "qualifier", "notes"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(IDS, st.lists(KEYS, min_size=1, max_size=5, unique=True)), min_size=1, max_size=6,
                unique_by=lambda r: r[0]), st.data())
def test_every_line_of_a_record_names_that_record(records, data):
    # any block-style claims file: each line from a record's "- id:" line to its last field is that record's,
    # and the field is the key written on the line
    lines = ["article: a", "source: b", "claims:"]
    owner: dict[int, tuple[str, str]] = {}
    for rid, keys in records:
        lines.append(f"  - id: {rid}")
        owner[len(lines)] = (rid, "id")
        for k in keys:
            lines.append(f"    {k}: x")
            owner[len(lines)] = (rid, k)
    text = "\n".join(lines) + "\n"
    n = data.draw(st.sampled_from(sorted(owner)))
    assert record_at(text, n) == owner[n]


def _errors_after(tmp_path, capsys, line: int, old: str, new: str) -> list[str]:
    """``numclaims check`` on a copy of tests/data/project whose claims file has ``old`` (its 1-based line
    ``line``, checked) replaced by ``new``: exit 2, and the error lines."""
    project = tmp_path / "p"
    shutil.copytree(HERE / "data" / "project", project)
    f = project / "claims" / "town-news.yaml"
    text = f.read_text(encoding="utf-8")
    assert text.splitlines()[line - 1] == old
    f.write_text(text.replace(old + "\n", new + "\n", 1), encoding="utf-8")
    assert main(["check", "--quiet", "--root", str(project)]) == 2
    return [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("claims/")]


def test_an_open_quote_closed_by_a_later_record_is_named_where_it_opened(tmp_path, capsys):
    # line 7 is `    text: "300"` (claim rescued-300, lines 5-14): with its closing quote gone, YAML reads on to
    # the next quote, in claim workers-1600, and fails there (line 18)
    err = _errors_after(tmp_path, capsys, 7, '    text: "300"', '    text: "300')
    assert err[0].startswith("claims/town-news.yaml:18: claim rescued-300: text: YAML syntax error: "), err[0]


def test_a_tab_after_a_plain_value_names_its_own_key(tmp_path, capsys):
    # line 9 is `    unit: persons`, after `    value: 300`; YAML reports it "while scanning a plain scalar
    # that starts at line 8": the field is unit, not value
    err = _errors_after(tmp_path, capsys, 9, "    unit: persons", "\tunit: persons")
    assert err[0].startswith("claims/town-news.yaml:9: claim rescued-300: unit: YAML syntax error: "), err[0]


def test_check_prints_the_claim_of_a_yaml_error(tmp_path, capsys):
    # the bad-input case with a key indented deeper than its siblings, through numclaims check
    project = tmp_path / "p"
    shutil.copytree(HERE / "data" / "project", project)
    shutil.copy(HERE / "bad_inputs" / "syntax-bad-indent.yaml", project / "claims" / "town-news.yaml")
    assert main(["check", "--quiet", "--root", str(project)]) == 2
    err = capsys.readouterr().err.splitlines()
    # line 10 of the case file is "      qualifier: exact", in the record of claim rescued-300
    assert err[0] == ("claims/town-news.yaml:10: claim rescued-300: qualifier: YAML syntax error: mapping values are "
                      "not allowed in this context; check the quotes and indentation [yaml-syntax]")


def test_did_you_mean_offers_a_field_the_record_takes(tmp_path, capsys):
    # lines 11-14 of tests/data/project/claims/town-news.yaml: `    measure:`, `      what: women rescued
    # from the mines`, `    attribution:`, `      - {who: officials, role: government}` (claim rescued-300)
    project = tmp_path / "p"
    shutil.copytree(HERE / "data" / "project", project)
    f = project / "claims" / "town-news.yaml"
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("      - {who: officials, role: government}\n\n  - id: workers-1600",
                              "      - {who: officials, rle: government}\n\n  - id: workers-1600", 1)
                 .replace("      what: women rescued from the mines\n", "      what: women rescued from the mines\n"
                          "      unt: x\n", 1), encoding="utf-8")
    assert main(["check", "--quiet", "--root", str(project)]) == 2
    err = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("claims/")]
    # an attribution link takes who, role, kind: "rle" is "role" (not a claim's "rule"); a measure takes
    # what, where, period: "unt" is like none of them (not a claim's "unit")
    assert err == [
        "claims/town-news.yaml:13: claim rescued-300: measure.unt: unknown field (check the spelling; see the record "
        "schema in numclaims.records) [field-unknown]",
        "claims/town-news.yaml:15: claim rescued-300: attribution[0].rle: unknown field; did you mean 'role'? "
        "[field-unknown]"]
