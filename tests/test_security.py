"""Security: safe YAML (object tags are refused, never executed), source text escaped in every report
format, and ids and paths that cannot leave the project."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from numclaims.cli import main
from numclaims.paths import report_dir
from numclaims.claimsfile import ClaimsFile
from numclaims.yamlio import YamlInputError, load_yaml_text


@pytest.mark.parametrize("tag", [
    '!!python/object/apply:os.system ["touch {marker}"]',
    '!!python/object/new:os.system ["touch {marker}"]',
    '!!python/object/apply:subprocess.check_call [["touch", "{marker}"]]',
    "!!python/name:os.system",
    "!!python/module:os",
])
def test_unsafe_tags_are_refused_not_executed(tmp_path, tag):
    marker = tmp_path / "PWNED"
    text = "article: x\nvalue: " + tag.format(marker=marker) + "\n"
    with pytest.raises(YamlInputError) as e:
        load_yaml_text(text)
    # the error names the tag and the line (2) it is on, and the command never ran
    assert e.value.line == 2
    assert "is not allowed" in e.value.message and "!!python/" in e.value.message
    assert not marker.exists()


def test_alias_bomb_is_refused_quickly():
    # 10 levels of 10 aliases would expand to 10^10 values; the loader refuses it from the node count
    lines = ["a0: &a0 x"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 11)]
    with pytest.raises(YamlInputError, match="aliases expand the document"):
        load_yaml_text("\n".join(lines) + "\n")


def test_shared_aliases_within_limits_are_fine():
    doc = load_yaml_text("who: &ap {who: AP, role: agency}\nchain: [*ap, *ap]\n")
    assert doc["chain"] == [{"who": "AP", "role": "agency"}] * 2


EVIL = ('Police rescued 300 <script>alert(1)</script> women | *bold* [x](javascript:alert(1)) '
        '& "q" `c`')


def test_source_text_is_escaped_in_html_and_markdown(project):
    # a source sentence, title, measure and attribution full of HTML and Markdown
    src = project / "datasets" / "sources" / "town-news.txt"
    src.write_text(src.read_text(encoding="utf-8").replace(
        "Police rescued 300 women from the mines, officials said.", EVIL + " officials said."), encoding="utf-8")
    meta = project / "datasets" / "sources" / "town-news.meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace(
        "title: Mine raid frees workers", "title: 'Mine <img src=x onerror=alert(2)> raid'"), encoding="utf-8")
    claims = project / "claims" / "town-news.yaml"
    claims.write_text(claims.read_text(encoding="utf-8")
                      .replace("    quote: Police rescued 300 women from the mines\n", f"    quote: {json.dumps(EVIL)}\n")
                      .replace("      what: women rescued from the mines\n",
                               '      what: "women <b>rescued</b> | from [the](http://evil) mines"\n')
                      .replace("      - {who: officials, role: government}\n",
                               '      - {who: "<i>officials</i>", role: government}\n', 1), encoding="utf-8")
    assert main(["check", "--quiet", "--root", str(project)]) == 0
    out = project / "reports" / "town-news"
    md = (out / "report.md").read_text(encoding="utf-8")
    html = (out / "report.html").read_text(encoding="utf-8")
    for raw in ("<script", "<img", "<b>", "<i>"):
        assert raw not in md and raw not in html, raw
    # Markdown: HTML characters as entities, link and emphasis syntax backslash-escaped
    assert "&lt;script&gt;alert\\(1\\)&lt;/script&gt;" in md
    assert "\\[x\\]\\(javascript:alert\\(1\\)\\)" in md and "](javascript" not in md
    assert "Mine &lt;img src=x onerror=alert\\(2\\)&gt; raid" in md
    assert "&lt;i&gt;officials&lt;/i&gt;" in md
    # HTML: entities everywhere the text appears, and no link to the javascript: address
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;b&gt;rescued&lt;/b&gt;" in html and "&lt;i&gt;officials&lt;/i&gt;" in html
    assert 'href="javascript' not in html


@pytest.mark.parametrize("bad", ["../x", "..", "", "/etc", "a/../../b", "../reports-elsewhere/x"])
def test_report_dir_refuses_escapes(tmp_path, bad):
    with pytest.raises(ValueError, match="outside"):
        report_dir(tmp_path, bad)


def test_report_dir_refuses_a_symlink_out_of_reports(tmp_path):
    (tmp_path / "reports").mkdir()
    (tmp_path / "elsewhere").mkdir()
    os.symlink(tmp_path / "elsewhere", tmp_path / "reports" / "town-news")
    with pytest.raises(ValueError, match="outside"):
        report_dir(tmp_path, "town-news")


def test_report_dir_of_a_slug(tmp_path):
    assert report_dir(tmp_path, "town-news") == (tmp_path / "reports" / "town-news").resolve()


def _claims_file(article: str, claim_id: str) -> dict:
    return {"article": article, "source": "town-news", "claims": [{
        "id": claim_id, "quote": "300 women", "value": 300, "unit": "persons",
        "measure": {"what": "women"}, "attribution": [{"who": "police"}]}]}


@pytest.mark.parametrize("bad", ["../x", "a/b", "a\\b", "a..b", "a.b", ".hidden", "A", "a b", "-a", "a-", "a--b",
                                 "x" * 121])
def test_slugs_forbid_path_characters(bad):
    # as an article id (a folder name under reports/) and as a claim id
    for data in (_claims_file(bad, "ok-id"), _claims_file("town-news", bad)):
        with pytest.raises(ValidationError):
            ClaimsFile.model_validate(data)


def test_a_valid_slug_passes():
    assert ClaimsFile.model_validate(_claims_file("town-news-2", "rescued-300")).claims[0].id == "rescued-300"


def test_source_ids_cannot_reach_outside_datasets(project, capsys):
    # the source id is a slug too: "../../claims/town-news" is refused before any file is opened
    claims = project / "claims" / "town-news.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("source: town-news", "source: ../../x"),
                      encoding="utf-8")
    assert main(["check", "--quiet", "--root", str(project)]) == 2
    assert "claims/town-news.yaml:3: source: expected a slug" in capsys.readouterr().err
