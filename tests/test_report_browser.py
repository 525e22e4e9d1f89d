"""report.html in a real browser (headless Debian chromium): the page renders its findings, every claim and
every chart, hostile markup in a source shows as text and runs nothing, and the page reads on a desktop
(1280 px) and on a phone (390 px): findings visible without scrolling on the desktop, chart text is text
and legible, no horizontal scroll on the phone, under 300 KB.

Two drivers: ``chromium --dump-dom`` (the DOM after load, as any script would have left it) and Playwright
over the same Debian chromium (layout: positions, sizes, scroll extents, computed font sizes; full-page
screenshots). Chromium is required: when it is missing these tests FAIL (install it with
``apt-get install chromium``; .ci/run does). Screenshots go to tests/artifacts/ (gitignored):
``report-seed-1280.png``, ``report-seed-390.png``, ``report-hostile.png``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from numclaims.cli import main
from conftest import copy_seed

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
ARTIFACTS = Path(__file__).parent / "artifacts"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str:
    exe = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if exe is None:
        pytest.fail("chromium is not installed (apt-get install -y chromium; see .ci/run)")
    return exe


def browse(page: Path, tmp: Path, *, screenshot: Path | None = None) -> str:
    """The DOM of ``page`` after load (scripts, if any could run, have run), via ``--dump-dom``; with
    ``screenshot`` also saves a 1280x2000 PNG there."""
    exe = chromium()
    url = page.resolve().as_uri()
    ud = tmp / "chromium-profile"
    dom = subprocess.run([exe, *FLAGS, f"--user-data-dir={ud}", "--dump-dom", url],
                         capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    if screenshot is not None:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        if screenshot.exists():
            screenshot.unlink()
        shot = subprocess.run([exe, *FLAGS, f"--user-data-dir={ud}", f"--screenshot={screenshot}",
                               "--window-size=1280,2000", url], capture_output=True, text=True, timeout=120)
        assert shot.returncode == 0, shot.stderr[-2000:]
        assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return dom.stdout


class Dom(HTMLParser):
    """Elements of a dumped DOM: ``elements`` as (tag, attrs dict), text of <title>, <script> and of
    elements by id."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.title = ""
        self.scripts: list[str] = []
        self._stack: list[str] = []
        self._in: str | None = None
        self.marks: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("title", "script", "mark") and not (tag == "title" and self.title):
            self._in = tag
            if tag == "script":
                self.scripts.append("")
            if tag == "mark":
                self.marks.append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.scripts[-1] += data
        elif self._in == "mark":
            self.marks[-1] += data

    def ids(self, tag: str | None = None) -> list[str]:
        return [a["id"] for t, a in self.elements if "id" in a and (tag is None or t == tag)]


def test_harness_sees_scripts_that_run(tmp_path):
    """Control: a page whose script changes the title and adds an element shows both in the dumped DOM,
    so the checks below would catch hostile markup that ran."""
    page = tmp_path / "control.html"
    page.write_text("<!DOCTYPE html><html><head><title>before</title></head><body><p>x</p>"
                    "<script>document.title='ran';document.body.appendChild(document.createElement('aside'))"
                    "</script></body></html>", encoding="utf-8")
    dom = Dom(browse(page, tmp_path))
    assert dom.title == "ran"
    assert [t for t, _ in dom.elements].count("aside") == 1


def test_seed_report_renders(tmp_path):
    proj = tmp_path / "proj"
    copy_seed(proj, "all")  # the seed article only, whatever else claims/ holds
    figs = ROOT / "reports" / SEED / "figures"
    if figs.is_dir():
        shutil.copytree(figs, proj / "reports" / SEED / "figures")
    assert main(["report", "--root", str(proj)]) == 0
    d = proj / "reports" / SEED
    res = json.loads((d / "results.json").read_text(encoding="utf-8"))
    dom = Dom(browse(d / "report.html", tmp_path, screenshot=ARTIFACTS / "report-seed.png"))
    assert dom.title == "Numeric claims of \u201cPeru Dismantles Sex Trafficking Ring in Illegal Mining Heartland\u201d"
    assert dom.ids("section")[:2] == ["findings", "claims"]
    claim_ids = [a["id"] for t, a in dom.elements if t == "div" and (a.get("id") or "").startswith("claim-")]
    assert claim_ids == [f"claim-{c['id']}" for c in sorted(res["claims"], key=lambda c: c["start"])]
    assert len(dom.marks) == len(res["claims"])
    # each check once: one element per check id, the findings (not consistent) as li.finding first
    check_ids = [a["id"] for t, a in dom.elements if (a.get("id") or "").startswith("check-")]
    assert sorted(check_ids) == sorted(f"check-{c['id']}" for c in res["checks"])
    n_findings = sum(1 for t, a in dom.elements if t == "li" and "finding" in (a.get("class") or "").split()
                     and "flagged" not in (a.get("class") or ""))
    assert n_findings == len(res["summary"]["findings"])
    # the charts are inline SVG with a real description, no image of text
    svgs = [a for t, a in dom.elements if t == "svg"]
    assert len(svgs) == (len(list(figs.glob("*.svg"))) if figs.is_dir() else 0)
    assert all(a.get("role") == "img" and len(a.get("aria-label") or "") > 80 for a in svgs)
    assert not [a for t, a in dom.elements if t == "img"]
    assert not dom.scripts  # no reviewed claim in the seed -> no JSON-LD, and never any other script


HOSTILE_SCRIPT = "<script>document.title='pwned';document.body.appendChild(document.createElement('aside'))</script>"
HOSTILE_IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"


def hostile_project(root: Path) -> None:
    """A project whose source, quote, metadata, reviewer notes and figure all carry hostile markup."""
    quote = f"{HOSTILE_SCRIPT} 300 women {HOSTILE_IMG}"
    src = root / "datasets" / "sources"
    src.mkdir(parents=True)
    (root / "numclaims.toml").write_text('[claimreview]\nauthor = "Desk"\nauthor_url = "https://desk.example/"\n'
                                         'base_url = "https://desk.example/reports"\n', encoding="utf-8")
    (src / "evil-news.txt").write_text(
        "Evil News\n\nPolice raided the camp. Officials said " + quote + " were freed. "
        "They said 1,600 people work there.\n", encoding="utf-8")
    (src / "evil-news.meta.yaml").write_text(
        "id: evil-news\ntitle: \"Raid <b>report</b> & <script>document.title='t'</script>\"\n"
        "publisher: \"Evil <i>Press</i>\"\nauthor: null\npublished: 2014-03-03\n"
        "url: \"javascript:document.title='href'\"\nlicence: test\nattribution: test <u>text</u>\ncaptured: test\n",
        encoding="utf-8")
    (root / "claims").mkdir()
    (root / "claims" / "evil-news.yaml").write_text(
        "article: evil-news\nsource: evil-news\nclaims:\n"
        f"  - id: freed-300\n    quote: {json.dumps(quote)}\n    text: \"300\"\n    value: 300\n    unit: persons\n"
        "    qualifier: exact\n    measure: {what: \"women <em>freed</em>\"}\n"
        "    attribution:\n      - {who: \"<script>document.title='who'</script>\", role: police}\n"
        "    status: disputed\n    reviewer: \"<img src=x onerror=alert(1)>\"\n    reviewed_on: 2014-03-04\n"
        "    notes: \"</script><script>document.title='ld'</script>\"\n"
        "  - id: workers-1600\n    quote: 1,600 people work there\n    text: \"1,600\"\n    value: 1600\n"
        "    unit: persons\n    qualifier: exact\n    measure: {what: workers}\n"
        "    attribution:\n      - {who: officials}\n"
        "checks:\n  - {id: freed-within-workers, kind: part_whole, part: freed-300, whole: workers-1600}\n",
        encoding="utf-8")
    figs = root / "reports" / "evil-news" / "figures"
    figs.mkdir(parents=True)
    (figs / "evil.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" onload="document.title=\'svg\'">'
        "<title>Evil figure</title><script>document.title='svg'</script>"
        '<rect width="400" height="120" fill="#0a5f96"/><image href="https://example.org/x.png"/></svg>',
        encoding="utf-8")


def test_hostile_markup_shows_as_text_and_runs_nothing(tmp_path):
    proj = tmp_path / "proj"
    hostile_project(proj)
    assert main(["report", "--root", str(proj)]) == 0
    d = proj / "reports" / "evil-news"
    dom = Dom(browse(d / "report.html", tmp_path, screenshot=ARTIFACTS / "report-hostile.png"))
    # nothing ran: the title is the escaped text of the metadata, no attribute or element was injected
    assert dom.title == "Numeric claims of \u201cRaid <b>report</b> & <script>document.title='t'</script>\u201d"
    assert not any("data-pwned" in a for _, a in dom.elements)
    tags = [t for t, _ in dom.elements]
    for injected in ("aside", "b", "i", "u", "em", "image"):
        assert injected not in tags, injected
    # the only script is the JSON-LD, its content is data (the notes' </script> escaped), equal to the export
    assert [a.get("type") for t, a in dom.elements if t == "script"] == ["application/ld+json"]
    assert json.loads(dom.scripts[0]) == json.loads((d / "claimreview.json").read_text(encoding="utf-8"))
    # the figure is inlined without its script, its onload handler or its external <image>
    svgs = [a for t, a in dom.elements if t == "svg"]
    assert len(svgs) == 1 and svgs[0]["aria-label"] == "Evil figure"
    assert not any(k.startswith("on") for k in svgs[0]) and not [a for t, a in dom.elements if t == "img"]
    # the hostile quote is shown verbatim as text inside its highlight
    assert dom.marks[0] == f"{HOSTILE_SCRIPT} 300 women {HOSTILE_IMG}"
    # the javascript: source url is not a link
    assert not any(t == "a" and (a.get("href") or "").startswith("javascript") for t, a in dom.elements)
    assert [a["id"] for t, a in dom.elements if t == "div" and (a.get("id") or "").startswith("claim-")] == \
        ["claim-freed-300", "claim-workers-1600"]
    # report.md escapes the same texts: no raw tag survives
    md = (d / "report.md").read_text(encoding="utf-8")
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script&gt;document.title='pwned';" in md


# ------------------------------------------------------------------------------------------ layout (Playwright)
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}


@pytest.fixture(scope="module")
def seed_page(tmp_path_factory) -> Path:
    """The seed's report.html rendered from the committed results and figures in a scratch project."""
    proj = tmp_path_factory.mktemp("layout") / "proj"
    copy_seed(proj, "all")
    figs = ROOT / "reports" / SEED / "figures"
    if figs.is_dir():
        shutil.copytree(figs, proj / "reports" / SEED / "figures")
    assert main(["report", "--root", str(proj)]) == 0
    return proj / "reports" / SEED / "report.html"


@pytest.fixture(scope="module")
def browser():
    exe = chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


def _open(browser, page: Path, width: int, height: int):
    pg = browser.new_page(viewport={"width": width, "height": height})
    pg.goto(page.resolve().as_uri())
    return pg


def test_page_weight_under_300_kb(seed_page):
    # 956,579 bytes before the charts were inline SVG with text as text (907 KB of base64 images)
    assert seed_page.stat().st_size < 300_000


@pytest.mark.parametrize("device", list(WIDTHS))
def test_screenshots_at_desktop_and_phone_width(browser, seed_page, device):
    w, h = WIDTHS[device]
    pg = _open(browser, seed_page, w, h)
    shot = ARTIFACTS / f"report-seed-{w}.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    height = pg.evaluate("document.documentElement.scrollHeight")
    # the page was 14,750 px tall on a desktop and 22,562 px on a phone; checks once and the rest collapsed
    assert height < {"desktop": 11_000, "phone": 12_500}[device], height
    pg.close()


def test_findings_are_visible_without_scrolling_on_a_desktop(browser, seed_page):
    pg = _open(browser, seed_page, *WIDTHS["desktop"])
    tops = pg.evaluate("""Array.from(document.querySelectorAll('#findings li.finding .sentence'))
        .map(e => e.getBoundingClientRect().bottom)""")
    # the first two findings' sentences are on the first screen (800 px)
    assert len(tops) >= 2 and tops[0] < 800 and tops[1] < 800, tops
    first = pg.evaluate("document.querySelector('#findings li.finding .sentence').textContent")
    assert "\u201cover 4,500\u201d" in first and "external-" not in first
    pg.close()


def test_no_horizontal_scroll_on_a_phone(browser, seed_page):
    pg = _open(browser, seed_page, *WIDTHS["phone"])
    sw, cw = pg.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert sw <= cw == 390
    # with every disclosure open too (the arithmetic, the claims, the other checks)
    pg.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    sw = pg.evaluate("document.documentElement.scrollWidth")
    assert sw <= 390
    pg.close()


@pytest.mark.parametrize("device", list(WIDTHS))
def test_chart_text_is_text_and_legible(browser, seed_page, device):
    pg = _open(browser, seed_page, *WIDTHS[device])
    info = pg.evaluate("""Array.from(document.querySelectorAll('svg.chart')).map(svg => {
        const texts = Array.from(svg.querySelectorAll('text'));
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
        return {n: texts.length, title: svg.querySelector('title').textContent,
                words: texts.map(t => t.textContent).join(' '), min: Math.min(...sizes),
                selectable: texts.every(t => getComputedStyle(t).userSelect !== 'none')};
    })""")
    assert len(info) == 4
    for chart in info:
        assert chart["n"] >= 10 and chart["selectable"]
        # the headline is drawn as text: its first words are in the chart's <text> elements
        assert chart["title"].split()[0] in chart["words"]
        # 9 pt text in a 460.8 pt wide chart shown at least 31rem (496 px) wide: 9 x 496 / 460.8 = 9.7 px
        # on a phone (the chart's box scrolls sideways there, the page does not); 14 px on a desktop
        assert chart["min"] >= 9.5, (device, chart["title"], chart["min"])
    # find-in-page finds chart text (window.find searches rendered text, SVG text included)
    assert pg.evaluate("window.find('no upper limit')")
    pg.close()


def test_links_from_a_claim_open_its_collapsed_check(browser, seed_page):
    pg = _open(browser, seed_page, *WIDTHS["desktop"])
    pg.click('a[href="#claim-women-exploited-300"]')  # from the finding that names it
    assert pg.evaluate("document.getElementById('claim-women-exploited-300').closest('details').open")
    pg.click('#claim-women-exploited-300 a[href="#check-ring-within-1600"]')
    box = pg.evaluate("document.getElementById('check-ring-within-1600').getBoundingClientRect().toJSON()")
    assert box["height"] > 0 and -2 <= box["top"] < 800  # revealed and scrolled to, without any script
    pg.close()


def test_hostile_page_runs_nothing_under_playwright(browser, tmp_path):
    proj = tmp_path / "proj"
    hostile_project(proj)
    assert main(["report", "--root", str(proj)]) == 0
    pg = _open(browser, proj / "reports" / "evil-news" / "report.html", 390, 844)
    errors = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert pg.title() == "Numeric claims of \u201cRaid <b>report</b> & <script>document.title='t'</script>\u201d"
    assert pg.evaluate("document.body.getAttribute('data-pwned')") is None
    assert pg.evaluate("document.querySelectorAll('aside, image, foreignObject').length") == 0
    # a title of one long unbreakable word ("<script>document.title='t'</script>") wraps: no sideways scroll
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    pg.screenshot(path=str(ARTIFACTS / "report-hostile-390.png"), full_page=True)
    pg.close()
