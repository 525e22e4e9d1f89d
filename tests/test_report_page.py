"""The seed's report.html and report.md as an editor reads them: findings first in words, the
fact-checker's notes where the verdicts are, each claim once with the badges of its verdict and its
findings, each check once."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from numclaims.cli import main
from conftest import copy_seed

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    import shutil

    proj = tmp_path_factory.mktemp("page") / "proj"
    copy_seed(proj, "all")
    shutil.copytree(ROOT / "reports" / SEED / "figures", proj / "reports" / SEED / "figures")
    assert main(["report", "--root", str(proj)]) == 0
    d = proj / "reports" / SEED
    return (json.loads((d / "results.json").read_text(encoding="utf-8")),
            (d / "report.html").read_text(encoding="utf-8"), (d / "report.md").read_text(encoding="utf-8"))


class _Claims(HTMLParser):
    """``{claim id: summary text}`` of the claims section (the one line each claim shows closed), and the
    classes of the badges in it."""

    def __init__(self, html: str):
        super().__init__()
        self.summary: dict[str, str] = {}
        self.badges: dict[str, list[str]] = {}
        self._in_summary = False
        self._text = ""
        self._classes: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "summary" and self._in_claims:
            self._in_summary, self._text, self._classes = True, "", []
        elif self._in_summary and tag == "span" and a.get("class"):
            self._classes.append(a["class"])
        elif tag == "div" and (a.get("id") or "").startswith("claim-"):
            cid = a["id"][len("claim-"):]
            self.summary[cid], self.badges[cid] = self._last

    _in_claims = False

    def handle_endtag(self, tag):
        if tag == "summary" and self._in_summary:
            self._in_summary = False
            self._last = (" ".join(self._text.split()), self._classes)

    def handle_data(self, data):
        if self._in_summary:
            self._text += data
        if data.strip() == "Claims":
            self._in_claims = True


def test_notes_are_carried_in_results_and_shown_with_the_verdict(rendered):
    res, html, md = rendered
    checks = {c["id"]: c for c in res["checks"]}
    # the claims file's note of this check, carried through to results.json, the page and the Markdown
    note = "Two NGO estimates of people in prostitution in Madre de Dios."
    assert checks["madre-de-dios-estimates-agree"]["note"] == note
    card = re.search(r'<li class="finding f-inconsistent" id="check-madre-de-dios-estimates-agree">(.*?)</li>\n',
                     html, re.S).group(1)
    assert "Fact-checker’s note:</span> " + note in card
    assert "Fact-checker's note: " + note in md
    assert all("note" in c for c in res["checks"])
    assert res["waivers"] == []


def test_a_claim_wears_the_badges_of_its_findings(rendered):
    _, html, _ = rendered
    claims = _Claims(html)
    # "300": its external check is consistent but reports qualifier_dropped and period_changed
    assert "badge v-flagged" in claims.badges["women-exploited-300"]
    assert "badge v-consistent" not in claims.badges["women-exploited-300"]
    assert "qualifier dropped" in claims.summary["women-exploited-300"]
    assert "period changed" in claims.summary["women-exploited-300"]
    # "Seven" has a clean external check: plain consistent, no flag
    assert [b for b in claims.badges["suspects-arrested-7"] if "badge" in b] == ["badge v-consistent"]
    # "over 4,500": inconsistent, with its no_source and outlier findings
    assert "badge v-inconsistent" in claims.badges["women-exploited-4500"]
    assert "no source" in claims.summary["women-exploited-4500"] and "outlier" in claims.summary["women-exploited-4500"]
    assert len(claims.summary) == 16


def test_each_check_is_shown_once_and_findings_come_first(rendered):
    res, html, md = rendered
    for ch in res["checks"]:
        assert html.count(f'id="check-{ch["id"]}"') == 1
        assert md.count(f'<a id="check-{ch["id"]}"></a>') == 1
        # the engine's text appears once, behind the "Rules applied" disclosure of its check
        assert html.count(ch["explanation"].replace("\u201c", "“")[:60]) <= 1
    assert html.index('id="findings"') < html.index('id="claims"') < html.index('id="figures"')
    first = re.search(r'<p class="sentence">(.*?)</p>', html).group(1)
    assert first.startswith("“over 4,500” shares no value with Las Rutas del Oro")


def test_prose_has_no_ids_codes_or_engine_notation(rendered):
    res, html, _ = rendered
    ids = {c["id"] for c in res["claims"]} | {c["id"] for c in res["checks"]}
    for sentence in re.findall(r'<p class="(?:sentence|cause)">(.*?)</p>', html, re.S):
        text = re.sub(r"<[^>]+>", "", sentence)
        assert not any(i in text for i in ids), text
        assert not re.search(r"->|\+inf|\binf\b|\d{4}-\d{2}-\d{2}|_|\de\+\d", text), text
