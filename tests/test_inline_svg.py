"""SVG charts pasted into report.html (numclaims.inline_svg): matplotlib's drawing survives whole, hostile
markup does not."""

from __future__ import annotations

import json
import re
from numclaims.resultmodel import read_results
from pathlib import Path

import pytest

from numclaims import figures as F
from numclaims.inline_svg import inline_svg, texts

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"


def test_a_matplotlib_chart_keeps_every_text_and_gets_an_accessible_name():
    res = read_results(ROOT / "reports" / SEED / "results.json")
    svg = F.render(F.money_chart(res))["svg"]
    before = re.findall(rb"<text\b", svg)
    out = inline_svg(svg, "f4-", "Line chart of cumulative earnings")
    assert len(list(texts(out))) == len(before) >= 10
    assert out.startswith("<svg ") and 'role="img"' in out and 'aria-label="Line chart of cumulative earnings"' in out
    assert "viewBox=" in out and ' width="' not in out.split(">", 1)[0]  # scales with its box
    # every id is the figure's own, and every local reference follows it
    ids = re.findall(r'\bid="([^"]+)"', out)
    assert ids and all(i.startswith("f4-") for i in ids)
    for ref in re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', out):
        assert (ref[0] or ref[1]).startswith("f4-")
    assert "<style" not in out  # matplotlib's one rule lives in the page's style sheet


HOSTILE = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
           b'width="100" height="50" onload="alert(1)">'
           b'<script>alert(2)</script><style>@import url(https://evil.example/x.css);</style>'
           b'<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>'
           b'<image href="https://evil.example/x.png"/>'
           b'<use xlink:href="https://evil.example/s.svg#a"/><use xlink:href="#ok"/>'
           b'<a href="javascript:alert(3)"><text>link</text></a>'
           b'<rect id="ok" width="10" height="10" onclick="alert(4)" style="fill:url(https://evil.example/p)"/>'
           b'<path d="M0 0L1 1" style="fill:url(#ok)" fill="url(javascript:alert(5))"/>'
           b'<text x="1" y="2">kept</text></svg>')


def test_hostile_markup_is_dropped():
    out = inline_svg(HOSTILE, "f1-", "a chart")
    for bad in ("alert", "script", "evil.example", "foreignObject", "<image", "javascript", "@import",
                "onload", "onclick", "<a ", "html"):
        assert bad not in out, bad
    assert list(texts(out)) == ["kept"]
    assert '<use xlink:href="#f1-ok"' in out and 'id="f1-ok"' in out
    assert 'style="fill:url(#f1-ok)"' in out  # a local paint reference is kept, prefixed


@pytest.mark.parametrize("data", [
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    b'<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>',  # entity expansion
    b'<html><body>not svg</body></html>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><text>unclosed</svg>',
])
def test_what_is_not_a_plain_svg_document_is_refused(data):
    with pytest.raises(ValueError):
        inline_svg(data, "f1-", "x")


def test_the_public_svg_doctype_matplotlib_writes_is_accepted():
    data = (b'<?xml version="1.0" encoding="utf-8" standalone="no"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"'
            b'\n  "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10pt" height="5pt"><text>t</text></svg>')
    out = inline_svg(data, "f2-", "x")
    assert 'viewBox="0 0 10 5"' in out and list(texts(out)) == ["t"]
