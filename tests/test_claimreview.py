"""ClaimReview a publisher can post (numclaims.claimreview): validated against the schema.org vocabulary
(tests/data/schemaorg/claimreview-subset.json, made from the schema.org 30.0 release; provenance inside)
and Google's required and recommended fields for fact-check markup."""

from __future__ import annotations

import json
import re
import shutil
from conftest import sketch
from numclaims.resultmodel import ClaimResult, Results, SourceRef
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numclaims.claimreview import (
    CLAIM_REVIEWED_MAX, ReportConfig, absolute_http_url, claim_reviewed, claimreview, load_config, speaker,
)
from numclaims.cli import main
from conftest import copy_seed

HERE = Path(__file__).parent
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
VOCAB = json.loads((HERE / "data" / "schemaorg" / "claimreview-subset.json").read_text(encoding="utf-8"))
PUBLISHER = ('[claimreview]\nauthor = "Fact Desk"\nauthor_url = "https://factdesk.example/"\n'
             'base_url = "https://factdesk.example/fact-checks"\n')


# ------------------------------------------------------------------------------- vocabulary validator
def _supers(cls: str) -> set[str]:
    out, todo = set(), [cls]
    while todo:
        c = todo.pop()
        if c not in out:
            out.add(c)
            todo += VOCAB["classes"][c]["subClassOf"]
    return out


def _fits_datatype(value, dtype: str) -> bool:
    if dtype in ("Text",):
        return isinstance(value, str)
    if dtype == "URL":
        return isinstance(value, str) and absolute_http_url(value)
    if dtype == "Date":
        return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None
    if dtype == "DateTime":
        return isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})?", value) is not None
    if dtype in ("Number", "Integer", "Float"):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if dtype == "Boolean":
        return isinstance(value, bool)
    return False


def schema_errors(node, path: str = "$") -> list[str]:
    """Every way ``node`` breaks the schema.org vocabulary subset: an unknown type, a property whose domain
    does not include the node's type (or a superclass), a value outside the property's range."""
    errs = []
    t = node.get("@type")
    if t not in VOCAB["classes"] or VOCAB["classes"][t]["datatype"]:
        return [f"{path}: unknown type {t!r}"]
    mine = _supers(t)
    for k, v in node.items():
        if k in ("@context", "@type"):
            continue
        prop = VOCAB["properties"].get(k)
        if prop is None:
            errs.append(f"{path}.{k}: not a property of {t} or its superclasses")
            continue
        if not mine & set(prop["domainIncludes"]):
            errs.append(f"{path}.{k}: domain {prop['domainIncludes']} does not include {t}")
            continue
        ranges = prop["rangeIncludes"]
        if isinstance(v, dict):
            vt = v.get("@type")
            if vt not in VOCAB["classes"] or not _supers(vt) & set(ranges):
                errs.append(f"{path}.{k}: a {vt} is outside the range {ranges}")
            else:
                errs += schema_errors(v, f"{path}.{k}")
        elif not any(_fits_datatype(v, r) for r in ranges if r in VOCAB["classes"] and VOCAB["classes"][r]["datatype"]):
            errs.append(f"{path}.{k}: {v!r} fits none of {ranges}")
    return errs


def google_errors(cr: dict) -> list[str]:
    """Google Search Central, Fact Check (ClaimReview) structured data: required ``claimReviewed``,
    ``reviewRating`` (a Rating with ``alternateName``), ``url``; recommended ``author`` (name, url),
    ``itemReviewed`` (Claim with ``author``, ``datePublished``, ``appearance``); a numeric rating between
    ``worstRating`` and ``bestRating``; claimReviewed under 75 characters."""
    errs = []
    if cr.get("@context") != "https://schema.org" or cr.get("@type") != "ClaimReview":
        errs.append("not a schema.org ClaimReview")
    if not isinstance(cr.get("claimReviewed"), str) or not cr["claimReviewed"].strip():
        errs.append("claimReviewed missing")
    elif len(cr["claimReviewed"]) > 75:
        errs.append("claimReviewed longer than 75 characters")
    if not absolute_http_url(cr.get("url")):
        errs.append(f"url {cr.get('url')!r} is not absolute")
    r = cr.get("reviewRating") or {}
    if r.get("@type") != "Rating" or not r.get("alternateName"):
        errs.append("reviewRating.alternateName missing")
    if not all(isinstance(r.get(k), int) for k in ("ratingValue", "bestRating", "worstRating")) \
            or not r["worstRating"] <= r["ratingValue"] <= r["bestRating"]:
        errs.append("rating outside worstRating..bestRating")
    a = cr.get("author") or {}
    if not a.get("name") or not absolute_http_url(a.get("url")):
        errs.append("author name or url missing")
    item = cr.get("itemReviewed") or {}
    if item.get("@type") != "Claim" or not (item.get("author") or {}).get("name") or not item.get("appearance") \
            or not item.get("datePublished"):
        errs.append("itemReviewed is not a Claim with author, datePublished and appearance")
    return errs


def test_validator_rejects_what_breaks_the_vocabulary():
    good = {"@context": "https://schema.org", "@type": "ClaimReview", "url": "https://x.example/r#c",
            "claimReviewed": "Three dogs.", "author": {"@type": "Organization", "name": "D", "url": "https://x.example/"},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "P"}, "datePublished": "2020-01-02",
                             "appearance": {"@type": "CreativeWork", "headline": "H"}},
            "reviewRating": {"@type": "Rating", "ratingValue": 5, "bestRating": 5, "worstRating": 1,
                             "alternateName": "Accurate"}}
    assert schema_errors(good) == [] and google_errors(good) == []
    bad = json.loads(json.dumps(good))
    bad["ratingValue"] = 5  # a Rating property on the ClaimReview itself
    bad["itemReviewed"]["appearance"] = {"@type": "Rating"}  # a Rating is no CreativeWork
    bad["author"]["url"] = "report.html#x"  # URL range: absolute only
    bad["claimReviewed"] = 7
    assert len(schema_errors(bad)) == 4
    bad["url"] = "javascript:alert(1)"
    del bad["reviewRating"]["alternateName"]
    assert len(google_errors(bad)) == 4  # claimReviewed, url, alternateName, author.url


# ------------------------------------------------------------------------------- the export
@pytest.fixture()
def proj(tmp_path: Path) -> Path:
    copy_seed(tmp_path, "sources")
    return tmp_path


def _decide(proj, cid, status, note, date="2026-11-30"):
    assert main(["review", "--root", str(proj), "set", cid, status, "--reviewer", "Ana Ruiz", "--note", note,
                 "--date", date]) == 0


def test_seed_reviews_validate_against_schema_org_and_google(proj):
    (proj / "numclaims.toml").write_text(PUBLISHER, encoding="utf-8")
    _decide(proj, "women-exploited-300", "verified", "AP wire: 300 women.")
    _decide(proj, "prostitutes-1600", "disputed", "400 + 1,200 in the NGO's 2011 figures.")
    _decide(proj, "minors-three-quarters", "unverifiable", "No NGO report found.")
    assert main(["report", "--root", str(proj)]) == 0
    crs = json.loads((proj / "reports" / SEED / "claimreview.json").read_text(encoding="utf-8"))
    assert len(crs) == 3
    for cr in crs:
        assert schema_errors(cr) == [], cr
        assert google_errors(cr) == [], cr
    by = {cr["url"].rsplit("#claim-", 1)[1]: cr for cr in crs}
    assert by["women-exploited-300"]["url"] == \
        f"https://factdesk.example/fact-checks/{SEED}/report.html#claim-women-exploited-300"
    # speaker: the first link of the chain (Peruvian authorities -> AP), not the journalist
    assert by["women-exploited-300"]["itemReviewed"]["author"] == {"@type": "Organization", "name": "Peruvian authorities"}
    app = by["women-exploited-300"]["itemReviewed"]["appearance"]
    assert app["publisher"] == {"@type": "Organization", "name": "InSight Crime"}
    assert app["author"] == {"@type": "Person", "name": "Marguerite Cawley"}
    assert app["url"].startswith("https://insightcrime.org/")
    # "a network that sexually exploited 300 women" (43 characters) -> capitalised, full stop
    assert by["women-exploited-300"]["claimReviewed"] == "A network that sexually exploited 300 women."
    assert main(["check", "--root", str(proj), "-q"]) == 0  # check writes the same files
    assert main(["report", "--root", str(proj), "--check"]) == 0


def test_reviews_without_a_publisher_are_an_input_error_and_nothing_is_written(proj, capsys):
    assert main(["check", "--root", str(proj), "-q"]) == 0
    d = proj / "reports" / SEED
    before = {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()}
    _decide(proj, "women-exploited-300", "verified", "AP wire.")
    capsys.readouterr()
    for cmd in (["check", "-q"], ["report"]):
        assert main([cmd[0], "--root", str(proj), *cmd[1:]]) == 2
        err = capsys.readouterr().err.strip().splitlines()
        (line,) = [x for x in err if x.startswith("numclaims.toml")]
        assert line.startswith("numclaims.toml:0: claim women-exploited-300: claimreview.author: not set")
        assert "base_url" in line and "--base-url" in line
        assert {p.name: p.read_bytes() for p in d.iterdir() if p.is_file()} == before  # no placeholder written
    # two of three given: the error names the one missing
    (proj / "numclaims.toml").write_text('[claimreview]\nauthor = "D"\nauthor_url = "https://d.example/"\n')
    assert main(["report", "--root", str(proj)]) == 2
    assert "claimreview.base_url: not set" in capsys.readouterr().err
    # the flags complete it
    assert main(["report", "--root", str(proj), "--base-url", "https://d.example/r/"]) == 0
    (cr,) = json.loads((d / "claimreview.json").read_text(encoding="utf-8"))
    assert cr["url"] == f"https://d.example/r/{SEED}/report.html#claim-women-exploited-300"


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "JAVASCRIPT:alert(1)", "data:text/html,<b>x",
                                 "report.html", "//evil.example/r", "https://", "https://x.example/r\n",
                                 "https://x.example/a b", "ftp://x.example/r", "https://x.example/r?q=1",
                                 "https://x.example/r#frag", "https://x.example/\u0085r"])
def test_base_url_must_be_absolute_http(proj, capsys, url):
    _decide(proj, "women-exploited-300", "verified", "AP wire.")
    assert main(["report", "--root", str(proj), "--author", "D", "--author-url", "https://d.example/",
                 "--base-url", url]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("--base-url: must be")
    assert not (proj / "reports").exists()
    (proj / "numclaims.toml").write_text(f"[claimreview]\nbase_url = {json.dumps(url)}\n", encoding="utf-8")
    assert main(["check", "--root", str(proj), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("numclaims.toml: claimreview: base_url must be a") and err.count("\n") == 1
    assert not (proj / "reports").exists()
    with pytest.raises(ValueError):
        ReportConfig(author="D", author_url="https://d.example/", base_url=url)


def test_config_errors_name_the_file(tmp_path):
    assert load_config(tmp_path) == ReportConfig()
    assert ReportConfig().missing() == ["author", "author_url", "base_url"]
    (tmp_path / "pyproject.toml").write_text('[tool.numclaims.claimreview]\nauthor = "Desk"\n')
    cfg = load_config(tmp_path)
    assert cfg.author == "Desk" and cfg.origin == "pyproject.toml" and cfg.missing() == ["author_url", "base_url"]
    (tmp_path / "numclaims.toml").write_text('[claimreview]\nauthor = "Desk\\nInjected"\n')
    with pytest.raises(ValueError, match="numclaims.toml: claimreview: author must be a name on one line"):
        load_config(tmp_path)
    (tmp_path / "numclaims.toml").write_text('claimreview = 3\n')
    with pytest.raises(ValueError, match="claimreview must be a table"):
        load_config(tmp_path)


def _results(quote, attribution):
    return sketch(Results, {"article": "a b/c", "source": {"publisher": "Outlet", "author": None,
                                                            "published": "2020-01-02", "title": "T",
                                                            "url": "javascript:x"},
                            "claims": [{"id": "c1", "status": "verified", "quote": quote, "reviewed_on": None,
                                        "notes": None, "attribution": attribution}], "checks": []})


def test_speaker_kind_and_url_quoting():
    cfg = ReportConfig(author="D", author_url="https://d.example/", base_url="https://d.example/r/")
    (cr,) = claimreview(_results("3 dogs", [{"who": "Colonel X", "kind": "person"}, {"who": "AP"}]), cfg)
    assert cr["itemReviewed"]["author"] == {"@type": "Person", "name": "Colonel X"}
    assert cr["url"] == "https://d.example/r/a%20b%2Fc/report.html#claim-c1"  # article id percent-encoded
    assert "url" not in cr["itemReviewed"]["appearance"]  # a javascript: source url is left out
    assert schema_errors(cr) == []
    assert speaker(sketch(ClaimResult, {"attribution": []}), sketch(SourceRef, {"publisher": "Outlet"})) == \
        {"@type": "Organization", "name": "Outlet"}


def test_kind_is_validated_in_the_claims_file(proj, capsys):
    p = proj / "claims" / f"{SEED}.yaml"
    text = p.read_text(encoding="utf-8")
    p.write_text(text.replace("{who: Peruvian authorities, role: police (anti-trafficking unit)}",
                              "{who: Peruvian authorities, role: police (anti-trafficking unit), kind: robot}", 1),
                 encoding="utf-8")
    assert main(["check", "--root", str(proj), "-q", "--no-write"]) == 2
    err = capsys.readouterr().err
    assert f"claims/{SEED}.yaml:21: claim women-exploited-300: attribution[0].kind: expected" in err


# ------------------------------------------------------------------------------- claimReviewed
def test_claim_reviewed_examples():
    # 66 characters: kept whole, capitalised, full stop added
    assert claim_reviewed("as many as 1,600 adolescents and adults work as prostitutes there") == \
        "As many as 1,600 adolescents and adults work as prostitutes there."
    # leading ellipsis and white space runs go; a question mark is kept as the end
    assert claim_reviewed("...  did 40 %\n of them  leave?") == "Did 40 % of them leave?"
    long = ("an estimated 4,500 women and girls were working in the brothels of La Rinconada, most of them "
            "minors brought from Cusco and Puno")
    # the first 75 characters end inside "Rinconada"; their last space is at index 69 (after "La"):
    # 69 characters + the ellipsis = 70
    assert claim_reviewed(long) == "An estimated 4,500 women and girls were working in the brothels of La\u2026"
    assert claim_reviewed("x" * 100) == "X" + "x" * 73 + "\u2026"  # one word longer than the limit: cut inside
    assert claim_reviewed(" ... ") == ""


def test_claim_reviewed_keeps_the_figure_of_a_long_quote():
    q = ("Ward nurses visited 1,800 homes in Eastholm and Westholm in April and found damp in the walls of "
         "540 of them, or 30 percent")
    # 123 characters + "." = 124; 74 fit after the ellipsis: the first space at or after 124 - 74 - 1 = 49
    # is at index 56 (after "Westholm"), so the rest is 67 characters + the ellipsis = 68
    assert claim_reviewed(q, numeral="30 percent") == \
        "\u2026in April and found damp in the walls of 540 of them, or 30 percent."
    # a figure inside the first 74 characters: the usual cut at the end
    assert claim_reviewed(q, numeral="1,800 homes") == \
        "Ward nurses visited 1,800 homes in Eastholm and Westholm in April and\u2026"


@settings(derandomize=True, max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet="abc,1 ", min_size=1, max_size=12), min_size=1, max_size=20).map(" ".join))
def test_claim_reviewed_is_short_and_cut_at_words(quote):
    out = claim_reviewed(quote)
    assert len(out) <= CLAIM_REVIEWED_MAX
    words = " ".join(quote.split())
    if out.endswith("\u2026"):
        head = out[:-1]
        norm = words.lstrip(" ,")
        norm = norm[:1].upper() + norm[1:]
        assert norm.startswith(head)
        # a cut at a word boundary: the next character of the quote is a space or a comma, unless one
        # word alone was longer than the limit
        nxt = norm[len(head):len(head) + 1]
        assert nxt in (" ", ",") or " " not in norm[:CLAIM_REVIEWED_MAX]
