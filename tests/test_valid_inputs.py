"""Valid input that used to be refused: YAML merge keys with an override, `review set` on files in any
layout a person writes (CRLF, flow style, 4-space indentation, no final newline, block-scalar notes, long
notes), digit groups separated by a no-break or thin space, a European "1.600" recorded with the rule that
explains it, and an exact fraction written with enough digits."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import PROJECT
from numclaims.cli import main
from numclaims.yamlio import load_yaml_text

BASE = (PROJECT / "claims" / "town-news.yaml").read_text(encoding="utf-8")
RESCUED = ("  - id: rescued-300\n    quote: Police rescued 300 women from the mines\n    text: \"300\"\n    value: 300\n"
           "    unit: persons\n    qualifier: exact\n    measure:\n      what: women rescued from the mines\n"
           "    attribution:\n      - {who: officials, role: government}\n")


def _write(project: Path, text: str | bytes) -> Path:
    p = project / "claims" / "town-news.yaml"
    p.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return p


def test_merge_key_with_an_override(project, capsys):
    # the item takes unit and id from the anchored mapping and overrides id (YAML merge key, yaml.org/type/merge)
    doc = load_yaml_text("base: &b {id: x, unit: persons}\nitem:\n  <<: *b\n  id: y\n")
    assert doc["item"] == {"id": "y", "unit": "persons"}
    doc = load_yaml_text("base: &b {id: x, unit: persons}\nitem:\n  id: y\n  <<: *b\n")  # override before merge
    assert doc["item"] == {"id": "y", "unit": "persons"}
    # a key given twice without a merge is still an error
    with pytest.raises(Exception, match="duplicate key 'id'"):
        load_yaml_text("a:\n  id: x\n  id: y\n")
    # merge inside one claim, overriding a merged key, and the file checks
    text = BASE.replace(RESCUED, RESCUED.replace("    unit: persons\n", "    <<: {unit: count, qualifier: exact}\n"
                                                 "    unit: persons\n").replace("    qualifier: exact\n", ""))
    _write(project, text)
    assert load_yaml_text(text)["claims"][0]["unit"] == "persons"  # the explicit key wins over the merge
    assert main(["check", "--quiet", "--root", str(project)]) == 0


LAYOUTS = {
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "no-final-newline": lambda t: t.rstrip("\n"),
    # dash at 4, keys at 6, nested keys at 10
    "four-space": lambda t: "\n".join({2: "    ", 4: "      ", 6: "          "}.get(len(ln) - len(ln.lstrip(" ")), "")
                                      + ln.lstrip(" ") if ln.startswith("  ") else ln for ln in t.split("\n")),
    "flow-style": lambda t: t.replace(RESCUED, "  - {id: rescued-300, quote: Police rescued 300 women from the mines, "
                                      "text: \"300\", value: 300, unit: persons, qualifier: exact, measure: {what: women "
                                      "rescued from the mines}, attribution: [{who: officials, role: government}]}\n"),
    "block-scalar-note": lambda t: t.replace(RESCUED, RESCUED + "    status: verified\n    reviewer: A. First\n"
                                             "    reviewed_on: 2014-03-04\n    notes: |\n      first line\n"
                                             "      second line\n"),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@pytest.mark.parametrize("note", ["court file, p. 4", "n" * 5000], ids=["short", "5000-chars"])
def test_review_set_keeps_the_layout(project, capsys, layout, note):
    before = LAYOUTS[layout](BASE)
    p = _write(project, before)
    assert main(["check", "--quiet", "--root", str(project)]) == 0
    assert main(["review", "set", "rescued-300", "disputed", "--reviewer", "R. Ivera", "--note", note,
                 "--date", "2014-03-05", "--root", str(project)]) == 0
    after = p.read_bytes().decode("utf-8")
    claim = yaml.safe_load(after)["claims"][0]
    assert (claim["status"], claim["reviewer"], str(claim["reviewed_on"]), claim["notes"]) == (
        "disputed", "R. Ivera", "2014-03-05", note)
    # every other claim reads back the same, and the file keeps its newlines and its ending
    assert yaml.safe_load(after)["claims"][1:] == yaml.safe_load(before)["claims"][1:]
    assert ("\r\n" in after) == (layout == "crlf") and after.count("\r\n") == after.count("\n") * (layout == "crlf")
    assert after.endswith("\n") == before.endswith("\n")
    # the lines after the claim are untouched (lines before it too: the file's first 4 lines)
    tail = before[before.index("  - id: workers-1600") if "  - id: workers-1600" in before else before.index("workers-1600"):]
    assert after.endswith(tail)
    assert after.split("\n")[:4] == before.split("\n")[:4]
    assert main(["check", "--quiet", "--no-cache", "--root", str(project)]) == 0


def test_review_set_refuses_a_claim_merged_into_another(project, capsys):
    text = BASE.replace(RESCUED, RESCUED.replace("  - id: rescued-300\n", "  - &rescued\n    id: rescued-300\n"))
    text = text.replace("  - id: workers-1600\n    quote: Officials said 1,600 people work in the mines\n",
                        "  - <<: *rescued\n    id: workers-1600\n    quote: Officials said 1,600 people work in the mines\n")
    p = _write(project, text)
    capsys.readouterr()
    assert main(["review", "set", "rescued-300", "verified", "--reviewer", "R", "--note", "n", "--date", "2014-03-05",
                 "--root", str(project)]) == 2
    # the decision would reach workers-1600 too, through the merge: refused, file unchanged
    assert capsys.readouterr().err.splitlines() == [
        "claims/town-news.yaml:5: claim rescued-300: refusing to write: the YAML writer would change more than the "
        "review fields of this claim (is a YAML anchor of it merged into another?) [review-refused]"]
    assert p.read_text(encoding="utf-8") == text


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f"], ids=["nbsp", "thin", "narrow-nbsp"])
def test_space_as_thousands_separator(project, capsys, space):
    src = project / "datasets" / "sources" / "town-news.txt"
    src.write_text(src.read_text(encoding="utf-8").replace("1,600 people", f"1{space}600 people"), encoding="utf-8")
    _write(project, BASE.replace("Officials said 1,600 people", f"Officials said 1{space}600 people")
           .replace('    text: "1,600"\n', f'    text: "1{space}600"\n'))
    assert main(["check", "--quiet", "--root", str(project)]) == 0
    import json

    res = json.loads((project / "reports" / "town-news" / "results.json").read_text(encoding="utf-8"))
    c = next(c for c in res["claims"] if c["id"] == "workers-1600")
    # "1 600" reads as 1,600 (as "1,600" does): precision 100 from its two trailing zeros, so the rounded
    # figure stands for [1600 - 100/2, 1600 + 100/2] = [1550, 1650]
    assert c["value"] == 1600 and c["interval"] == [1550, 1650]


def test_european_separator_with_its_rule_and_an_exact_fraction(project, capsys):
    src = project / "datasets" / "sources" / "town-news.txt"
    src.write_text(src.read_text(encoding="utf-8").replace("1,600 people", "1.600 people")
                   .replace("40 percent are minors", "Two-thirds are minors"), encoding="utf-8")
    text = (BASE.replace("Officials said 1,600 people", "Officials said 1.600 people")
            .replace('    text: "1,600"\n    value: 1600\n', '    text: "1.600"\n    value: 1600\n'
                     '    interval: [1600, 1600]\n    rule: "1.600 with a European thousands separator"\n')
            .replace("    quote: 40 percent are minors\n    text: 40 percent\n    value: 40\n    unit: percent\n",
                     "    quote: Two-thirds are minors\n    text: Two-thirds\n    value: 0.666666667\n    unit: fraction\n")
            .replace("    kind: share_of_total\n    share: minors-40-percent\n    total: workers-1600\n",
                     "    kind: fraction_of\n    fraction: minors-40-percent\n    whole: workers-1600\n"))
    _write(project, text)
    capsys.readouterr()
    rc = main(["check", "--quiet", "--root", str(project)])
    assert rc == 0, capsys.readouterr().err
