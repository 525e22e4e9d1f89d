"""Escaping: no text of an input (a figure's file name, a source title, a quote) can add markup to a report
or keys to a scaffolded claims file; control characters and line separators are escaped, never raw."""

from __future__ import annotations

from pathlib import Path

import marko
import yaml

from numclaims.cli import main
from numclaims.yamlio import load_yaml_text


def test_figure_file_name_with_markup_is_escaped_in_report_md(project):
    assert main(["check", "--quiet", "--root", str(project)]) == 0
    fig = project / "reports" / "town-news" / "figures"
    fig.mkdir()
    name = "01-a)<script>alert(1)<\\script> x.svg"  # ')' would end the link, '<script>' would run
    (fig / name).write_text("<svg xmlns='http://www.w3.org/2000/svg'><title>Chart</title></svg>")
    assert main(["check", "--quiet", "--no-cache", "--root", str(project)]) == 0
    md = (project / "reports" / "town-news" / "report.md").read_text(encoding="utf-8")
    # percent-encoded: ) -> %29, < -> %3C, > -> %3E, ( -> %28, \ -> %5C, space -> %20
    assert "![Chart](figures/01-a%29%3Cscript%3Ealert%281%29%3C%5Cscript%3E%20x.svg)" in md
    html = marko.convert(md)  # as a Markdown viewer renders it: the name stays inside the link
    assert "<script" not in html and "<script" not in md
    assert '<img src="figures/01-a%29%3Cscript%3Ealert%281%29%3C%5Cscript%3E%20x.svg" alt="Chart" />' in html


def _new(project: Path, capsys, title: str, text: str | None = None) -> str:
    src = project / "datasets" / "sources"
    meta = (src / "town-news.meta.yaml").read_text(encoding="utf-8")
    # the title written as a double-quoted YAML scalar with escapes (json.dumps gives valid YAML 1.1 here)
    import json

    (src / "hostile.meta.yaml").write_text(
        meta.replace("id: town-news", "id: hostile").replace("title: Mine raid frees workers",
                                                              f"title: {json.dumps(title)}"), encoding="utf-8")
    (src / "hostile.txt").write_text(text or (src / "town-news.txt").read_text(encoding="utf-8"), encoding="utf-8")
    capsys.readouterr()
    assert main(["new", "hostile", "--id", "hostile-article", "--root", str(project)]) == 0
    return (project / "claims" / "hostile-article.yaml").read_text(encoding="utf-8")


def test_new_title_with_newline_and_line_separator_injects_nothing(project, capsys):
    title = "Mine raid\narticle: injected\u2028source: injected\x85checks: [x]\x9b"
    out = _new(project, capsys, title)
    data = load_yaml_text(out)  # the scaffold reads back (no raw NEL or U+2028 is left in it)
    assert sorted(data) == ["article", "checks", "claims", "source", "waived"]
    assert (data["article"], data["source"]) == ("hostile-article", "hostile")
    first = out.split("\n", 1)[0]
    assert first == ("# Numeric claims of Mine raid\\narticle: injected\\u2028source: injected\\x85checks: [x]\\x9b "
                     "-- scaffolded by `numclaims new`; edit before use.")
    assert all(not (0x80 <= ord(c) <= 0x9F) and c not in "\u2028\u2029" for c in out)


def test_new_quote_with_line_separator_round_trips(project, capsys):
    # a source whose body has a C1 character (U+009B) next to a number: the scaffold writes it as the YAML
    # escape \x9B (never raw), the claims loader reads back the exact character, and the file checks
    src = (project / "datasets" / "sources" / "town-news.txt").read_text(encoding="utf-8")
    text = src.replace("Police rescued 300 women", "Police rescued\u2028300\x9bwomen")
    out = _new(project, capsys, "Mine raid", text)
    # (the quote is the numeral's clause, within its line: U+2028 ends the line before "300")
    assert '    quote: "300\\x9Bwomen from the mines"\n' in out
    data = yaml.safe_load(out)
    assert data["claims"][0]["quote"] == "300\x9bwomen from the mines"
    capsys.readouterr()
    assert main(["check", "--quiet", "--root", str(project), str(project / "claims" / "hostile-article.yaml")]) == 0


def test_control_characters_never_raw_in_report_md(project, capsys):
    # a reviewer's note with a terminal escape (ESC [31m, and the 8-bit CSI U+009B): review set writes it
    # as YAML escapes, and report.md as visible escapes (\x1b), so `cat report.md` cannot colour a terminal
    note = "red \x1b[31m and \x9b31m text"
    assert main(["review", "set", "rescued-300", "verified", "--reviewer", "R", "--note", note, "--date",
                 "2014-03-05", "--root", str(project)]) == 0
    claims = (project / "claims" / "town-news.yaml").read_text(encoding="utf-8")
    assert "\x1b" not in claims and "\x9b" not in claims
    assert yaml.safe_load(claims)["claims"][0]["notes"] == note
    assert main(["check", "--quiet", "--root", str(project)]) == 0
    md = (project / "reports" / "town-news" / "report.md").read_text(encoding="utf-8")
    assert "- Reviewer's notes: red \\x1b\\[31m and \\x9b31m text" in md
    assert not any(ord(c) < 0x20 and c != "\n" or 0x7F <= ord(c) <= 0x9F for c in md)
