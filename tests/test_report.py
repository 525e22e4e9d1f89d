"""Report rendering (numclaims.report, numclaims.markdown), `numclaims report [--check]` and the
ClaimReview export, on temporary copies of the project (the committed reports/ are never touched)."""

from __future__ import annotations

import base64
import json
import re
import shutil
from conftest import sketch
from numclaims.resultmodel import ClaimResult, Results
from numclaims.resultmodel import cleaned
from pathlib import Path

import pytest

import numclaims.markdown as md
from numclaims.cli import main
from numclaims.markdown import md_escape, render_markdown
from numclaims.paths import REPORT_FILES
from numclaims.report import (
    RATINGS, ReportConfig, build_view, claimreview, interval_text, json_for_script, load_config, number_text,
    quote_context, rating_for, safe_href,
)
from conftest import copy_seed

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"


@pytest.fixture()
def proj(tmp_path: Path) -> Path:
    """claims/ and datasets/sources/ of the project copied into tmp_path."""
    copy_seed(tmp_path, "sources")  # the seed article only, whatever else claims/ holds
    return tmp_path


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# ---------------------------------------------------------------------------------------- helpers
TEXT = "First one. Second has 300 women here. Third! Fourth?\nNext line."


def test_quote_context_one_sentence_each_side():
    start = TEXT.index("300 women")  # "First one. " (11) + "Second has " (11) = 22
    assert start == 22
    # sentence ends after "First one. " (11), "...here. " (38), "Third! " (45); "Fourth?" ends the line
    # one sentence back from 22 -> 0; one sentence on from 31 -> 45; the next line is never included
    assert quote_context(TEXT, 22, 31) == ("First one. Second has ", "300 women", " here. Third!")
    assert quote_context(TEXT, 22, 31, sentences=0) == ("Second has ", "300 women", " here.")


def test_quote_context_cuts_long_sides_at_a_space():
    # before = "First one. Second has " (22 chars); its last 5 are " has " -> cut after the first space
    # after = " here. Third!" (13 chars); its first 5 are " here" -> no space after position 0 -> kept, "…"
    assert quote_context(TEXT, 22, 31, limit=5) == ("\u2026has ", "300 women", " here\u2026")


def test_quote_context_rejects_bad_offsets():
    with pytest.raises(ValueError, match="outside the text"):
        quote_context("abc", 2, 9)


def test_number_and_interval_text():
    assert number_text(2812.5) == "2,812.5"
    assert number_text(1600.0) == "1,600"
    assert interval_text(sketch(ClaimResult, {"interval": [4500, None], "interval_closed": [False, False],
                                              "unit": "persons"})) == "(4,500, +inf)"
    assert interval_text(sketch(ClaimResult, {"interval": ["2011-01-01", "2011-12-31"], "unit": "date"})) \
        == "2011-01-01 to 2011-12-31"


def test_safe_href_only_http():
    assert safe_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_href("javascript:alert(1)") is None
    assert safe_href('https://x.org/"onmouseover=') is None
    assert safe_href("http://0\n") is None  # "$" would match before a final newline; fullmatch does not


def test_json_for_script_cannot_close_the_script_element():
    s = json_for_script({"q": "</script><script>alert(1)</script> & \u2028"})
    assert "<" not in s and ">" not in s and "&" not in s
    assert json.loads(s) == {"q": "</script><script>alert(1)</script> & \u2028"}


def test_rating_mapping_covers_every_status_and_verdict_class():
    for status in ("verified", "disputed", "unverifiable"):
        for worst in (None, "consistent", "unverifiable", "tension", "inconsistent"):
            value, name = rating_for(status, worst)
            assert 1 <= value <= 5 and name
    assert rating_for("verified", None) == (5, "Accurate")
    assert rating_for("verified", "unverifiable") == (5, "Accurate")
    assert rating_for("disputed", "inconsistent") == (1, "Incorrect")
    assert rating_for("unverifiable", "inconsistent") == (2, "Unproven; contradicts other figures")
    assert len(RATINGS) == 9  # 3 statuses x 3 verdict classes
    with pytest.raises(ValueError):
        rating_for("unreviewed", None)


def test_md_escape_keeps_markup_as_text():
    assert md_escape("<img src=x onerror=alert(1)> *bold* [a](b)") == \
        "&lt;img src=x onerror=alert\\(1\\)&gt; \\*bold\\* \\[a\\]\\(b\\)"


def test_md_escape_remembered_is_computed():
    # the remembered text is the computed one, for a text seen once and twice; a text too long to remember
    # (301 characters, "<" -> "&lt;") is computed each time
    md._remembered.cache_clear()
    assert md_escape("a <b> *c*") == md_escape("a <b> *c*") == "a &lt;b&gt; \\*c\\*"
    assert md._remembered.cache_info().hits == 1 and md._remembered.cache_info().currsize == 1
    long = "<" + "a" * 300
    assert md_escape(long) == "&lt;" + "a" * 300 and md._remembered.cache_info().currsize == 1
    assert md_escape(None) == "" and md_escape(3) == "3"


def test_markdown_of_a_bare_results_object(proj):
    # a results object with no source text or figures: build_view fills the view, markdown renders it
    assert main(["check", "--root", str(proj), "--quiet"]) == 0
    res = Results.model_validate_json((proj / "reports" / SEED / "results.json").read_bytes())
    md = render_markdown(build_view(cleaned(res), None, [], ReportConfig()))
    assert md.startswith("# Numeric claims of \u201cPeru Dismantles Sex Trafficking Ring")
    assert "## Findings" in md and "## Claims" in md


# ---------------------------------------------------------------------------------------- commands
def test_check_and_report_write_identical_files(proj):
    assert main(["check", "--root", str(proj), "--quiet"]) == 0
    by_check = files_of(proj / "reports")
    assert sorted(by_check) == sorted(f"{SEED}/{f}" for f in REPORT_FILES)
    shutil.rmtree(proj / "reports")
    assert main(["report", "--root", str(proj)]) == 0
    assert files_of(proj / "reports") == by_check
    # and a second render is byte-identical (deterministic)
    assert main(["report", "--root", str(proj)]) == 0
    assert files_of(proj / "reports") == by_check


def test_report_check_names_stale_and_missing_files(proj, capsys):
    assert main(["report", "--root", str(proj)]) == 0
    capsys.readouterr()
    assert main(["report", "--root", str(proj), "--check"]) == 0
    d = proj / "reports" / SEED
    html = d / "report.html"
    html.write_bytes(html.read_bytes().replace(b"Findings", b"Findinks", 1))
    (d / "claimreview.json").unlink()
    assert main(["report", "--root", str(proj), "--check"]) == 1
    err = capsys.readouterr().err
    assert f"reports/{SEED}/report.html: differs from a fresh render" in err
    assert f"reports/{SEED}/claimreview.json: missing" in err
    assert "report.md" not in err and "results.json" not in err
    assert not (d / "claimreview.json").exists()  # --check writes nothing


def test_report_unknown_article_exits_2(proj, capsys):
    assert main(["report", "--root", str(proj), "--article", "no-such-article"]) == 2
    assert "article 'no-such-article'" in capsys.readouterr().err


def test_report_structure_and_order(proj):
    assert main(["report", "--root", str(proj)]) == 0
    d = proj / "reports" / SEED
    html = (d / "report.html").read_text(encoding="utf-8")
    md = (d / "report.md").read_text(encoding="utf-8")
    res = json.loads((d / "results.json").read_text(encoding="utf-8"))
    # findings before claims; inconsistent findings listed before the unverifiable one
    assert html.index('id="findings"') < html.index('id="claims"')
    findings = re.findall(r'<li class="finding f-(\w+)"', html)
    assert findings == sorted(findings, key=["inconsistent", "tension", "unverifiable"].index)
    assert findings[0] == "inconsistent"
    for c in res["claims"]:
        assert f'id="claim-{c["id"]}"' in html
        assert f'<a id="claim-{c["id"]}"></a>' in md
    # the quote is highlighted inside its sentence: "dismantled " before, " in a remote" after
    assert "dismantled <mark class=\"quote\">a network that sexually exploited <strong>300</strong> women</mark>" \
        " in a remote mining region" in html
    assert "dismantled **a network that sexually exploited 300 women** in a remote" in md
    # no external requests: nothing loads from http(s), no script except JSON-LD
    assert not re.search(r'(src|href)="(?!#|https?://insightcrime\.org/)[a-z]+:', html)
    assert "<script" not in html  # no review yet -> no JSON-LD either
    assert json.loads((d / "claimreview.json").read_text(encoding="utf-8")) == []


def test_figures_are_inlined_as_svg_without_script(proj):
    fig = proj / "reports" / SEED / "figures"
    fig.mkdir(parents=True)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><title>Bars &amp; ranges</title>' \
          b'<script>alert(1)</script><rect width="10" height="10" onclick="alert(2)"/></svg>'
    (fig / "b-intervals.svg").write_bytes(svg)
    (fig / "a-notes.txt").write_text("not a figure")
    assert main(["report", "--root", str(proj)]) == 0
    html = (proj / "reports" / SEED / "report.html").read_text(encoding="utf-8")
    svgs = re.findall(r'<svg [^>]*>.*?</svg>', html, re.S)
    assert len(svgs) == 1
    # the SVG's <title> (no <desc>) is its accessible name, unescaped then escaped again
    assert 'role="img"' in svgs[0] and 'aria-label="Bars &amp; ranges"' in svgs[0]
    assert '<rect width="10" height="10" />' in svgs[0] or '<rect width="10" height="10"/>' in svgs[0]
    assert "<script" not in html and "onclick" not in html and "alert" not in html
    assert "<img" not in html  # an SVG that parses is inlined, not embedded as an image
    md = (proj / "reports" / SEED / "report.md").read_text(encoding="utf-8")
    assert "![Bars &amp; ranges](figures/b-intervals.svg)" in md
    # the figures are inputs: report --check stays fresh
    assert main(["report", "--root", str(proj), "--check"]) == 0


# ---------------------------------------------------------------------------------------- ClaimReview
def _decide(proj, cid, status, note, who="Ana Ruiz", date="2026-11-30"):
    assert main(["review", "--root", str(proj), "set", cid, status, "--reviewer", who, "--note", note,
                 "--date", date]) == 0


def _check_claimreview(cr: dict) -> None:
    """Google's fact-check structured data: required claimReviewed (Text), reviewRating (Rating with
    alternateName), url (URL); recommended author (Organization/Person with name), itemReviewed (Claim with
    author, datePublished, appearance); numeric rating within worstRating..bestRating."""
    assert cr["@context"] == "https://schema.org" and cr["@type"] == "ClaimReview"
    assert isinstance(cr["claimReviewed"], str) and cr["claimReviewed"].strip()
    assert isinstance(cr["url"], str) and cr["url"].startswith("https://") and "#claim-" in cr["url"]
    r = cr["reviewRating"]
    assert r["@type"] == "Rating" and isinstance(r["alternateName"], str) and r["alternateName"]
    for k in ("ratingValue", "bestRating", "worstRating"):
        assert isinstance(r[k], int) and not isinstance(r[k], bool)
    assert r["worstRating"] <= r["ratingValue"] <= r["bestRating"]
    assert cr["author"]["@type"] in ("Organization", "Person") and isinstance(cr["author"]["name"], str)
    item = cr["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"]["@type"] in ("Organization", "Person") and item["author"]["name"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", item["datePublished"])
    assert item["appearance"]["@type"] == "CreativeWork"
    assert item["appearance"]["url"].startswith("https://")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cr["datePublished"])


PUBLISHER = ('[claimreview]\nauthor = "Fact Desk"\nauthor_url = "https://factdesk.example/"\n'
             'base_url = "https://factdesk.example/reports/"\n')


def test_claimreview_export_of_reviewed_claims(proj):
    (proj / "numclaims.toml").write_text(PUBLISHER, encoding="utf-8")
    _decide(proj, "prostitutes-1600", "disputed", "The NGO's own 2011 figures were 400 + 1,200; not a ceiling.")
    _decide(proj, "women-exploited-300", "verified", "AP wire: 300 women.", date="2026-12-01")
    assert main(["report", "--root", str(proj)]) == 0
    d = proj / "reports" / SEED
    crs = json.loads((d / "claimreview.json").read_text(encoding="utf-8"))
    # claims-file order: women-exploited-300 comes before prostitutes-1600
    assert [c["url"] for c in crs] == [f"https://factdesk.example/reports/{SEED}/report.html#claim-women-exploited-300",
                                       f"https://factdesk.example/reports/{SEED}/report.html#claim-prostitutes-1600"]
    for cr in crs:
        _check_claimreview(cr)
    verified, disputed = crs
    # women-exploited-300: verified, its checks are consistent -> 5 "Accurate"
    assert (verified["reviewRating"]["ratingValue"], verified["reviewRating"]["alternateName"]) == (5, "Accurate")
    # prostitutes-1600: disputed, in the inconsistent madre-de-dios-estimates-agree -> 1 "Incorrect"
    assert (disputed["reviewRating"]["ratingValue"], disputed["reviewRating"]["alternateName"]) == (1, "Incorrect")
    # the quote (66 characters) as a sentence: a full stop added
    assert disputed["claimReviewed"] == "As many as 1,600 adolescents and adults work as prostitutes there."
    assert disputed["datePublished"] == "2026-11-30" and verified["datePublished"] == "2026-12-01"
    assert disputed["author"] == {"@type": "Organization", "name": "Fact Desk", "url": "https://factdesk.example/"}
    # the first speaker of the attribution chain, not the journalist; the article is the appearance
    assert disputed["itemReviewed"]["author"] == {"@type": "Organization", "name": "one NGO"}
    assert disputed["itemReviewed"]["appearance"]["author"] == {"@type": "Person", "name": "Marguerite Cawley"}
    assert disputed["itemReviewed"]["datePublished"] == "2013-10-04"
    assert disputed["reviewRating"]["ratingExplanation"].startswith("The NGO's own 2011 figures")
    # the page carries the same JSON-LD, and the anchors exist
    html = (d / "report.html").read_text(encoding="utf-8")
    m = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', html, re.S)
    assert m and json.loads(m.group(1)) == crs
    assert 'id="claim-prostitutes-1600"' in html and "disputed" in html
    md = (d / "report.md").read_text(encoding="utf-8")
    assert "- Review: **disputed** by Ana Ruiz on 30 November 2026 \u2014 rating 1/5 \u201cIncorrect\u201d" in md
    assert main(["report", "--root", str(proj), "--check"]) == 0


def test_claimreview_configuration(proj):
    (proj / "numclaims.toml").write_text(
        '[claimreview]\nauthor = "Fact Desk"\nauthor_url = "https://factdesk.example/"\n'
        'base_url = "https://factdesk.example/reports/"\n', encoding="utf-8")
    _decide(proj, "minors-three-quarters", "unverifiable", "No NGO report found.")
    assert main(["report", "--root", str(proj)]) == 0
    (cr,) = json.loads((proj / "reports" / SEED / "claimreview.json").read_text(encoding="utf-8"))
    _check_claimreview(cr)
    assert cr["url"] == f"https://factdesk.example/reports/{SEED}/report.html#claim-minors-three-quarters"
    assert cr["author"] == {"@type": "Organization", "name": "Fact Desk", "url": "https://factdesk.example/"}
    # unverifiable, in the inconsistent minors-three-quarters-vs-1600 -> 2
    assert cr["reviewRating"]["ratingValue"] == 2
    # check writes the same files as report (same configuration)
    before = files_of(proj / "reports")
    assert main(["check", "--root", str(proj), "--quiet"]) == 0
    assert files_of(proj / "reports") == before


def test_load_config_sources_and_errors(tmp_path):
    assert load_config(tmp_path) == ReportConfig()
    (tmp_path / "pyproject.toml").write_text('[tool.numclaims.claimreview]\nauthor = "Desk"\nauthor_type = "Person"\n')
    assert load_config(tmp_path) == ReportConfig(author="Desk", author_type="Person")
    (tmp_path / "numclaims.toml").write_text('[claimreview]\nauthr = "typo"\n')
    with pytest.raises(ValueError, match="unknown claimreview key"):
        load_config(tmp_path)
    (tmp_path / "numclaims.toml").write_text('[claimreview]\nauthor_type = "Robot"\n')
    with pytest.raises(ValueError, match="author_type"):
        load_config(tmp_path)


def test_claimreview_skips_unreviewed():
    res = sketch(Results, {"article": "a", "source": {"publisher": "P", "author": None, "published": "2020-01-02",
                                                      "title": "T", "url": None},
                           "claims": [{"id": "x", "status": "unreviewed", "quote": "q"},
                                      {"id": "y", "status": "verified", "quote": "3 dogs", "reviewed_on": None,
                                       "notes": None, "attribution": []}],
                           "checks": []})
    (cr,) = claimreview(res, ReportConfig(author="D", author_url="https://d.example/", base_url="https://d.example/r"))
    assert cr["itemReviewed"]["author"] == {"@type": "Organization", "name": "P"}  # no attribution -> outlet
    assert "url" not in cr["itemReviewed"]["appearance"] and "datePublished" not in cr


def test_coverage_missing_mentions_shown_in_their_sentence(proj):
    from numclaims.report import ReportConfig, build_view, render_html

    assert main(["check", "--root", str(proj), "--quiet"]) == 0
    res = json.loads((proj / "reports" / SEED / "results.json").read_text(encoding="utf-8"))
    text = (proj / "datasets" / "sources" / f"{SEED}.txt").read_text(encoding="utf-8")
    start = text.index("Huanuco")  # not a number, but any span will do for the rendering
    res["coverage"] = {"mentions": 9, "claimed": 7, "waived": 1,
                       "missing": [{"start": start, "end": start + 7, "text": "Huanuco"}]}
    view = build_view(cleaned(Results.model_validate(res)), text, [], ReportConfig())
    html = render_html(view)
    # only the sentence itself: "According to Colonel ... city of " (134 characters, under the 160 limit)
    # + the mention + "." (the sentence end; the next sentence "Cespedes said ..." is left out)
    assert "<td>According to Colonel Mariano Cespedes, head of the country&#39;s anti-trafficking unit, the " \
        "victims came from the central Peruvian city of <mark>Huanuco</mark>.</td>" in html
    assert ("9 numbers in the article (headline, standfirst and body): 7 checked as claims, 1 set aside by the fact-checker, 1 not yet "
            "accounted for.") in html
    md = render_markdown(view)
    assert "- missing: \u201cHuanuco\u201d at" in md


def test_review_status_shows_in_the_collapsed_claim_list(proj):
    # a decided claim wears its review status beside its verdict badge in the one-line summary, so an editor
    # sees what was decided without opening it; an undecided one wears none
    (proj / "numclaims.toml").write_text(PUBLISHER, encoding="utf-8")
    _decide(proj, "women-exploited-300", "verified", "AP wire: 300 women.")
    assert main(["report", "--root", str(proj)]) == 0
    page = (proj / "reports" / SEED / "report.html").read_text(encoding="utf-8")
    summaries = re.findall(r"<summary><strong>(.*?)</strong>.*?</summary>", page, re.S)
    assert summaries  # one per claim
    assert page.count('<span class="review-badge">verified</span>') == 1
    assert '<span class="review-badge">unreviewed</span>' not in page
