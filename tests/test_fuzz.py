"""Fuzzing with hypothesis (bounded example counts, a few seconds each):

* ``numerals.parse`` on any text: a Quantity or ValueError, nothing else;
* the YAML loader on YAML-ish noise and on random mutations of a valid claims file: ``load_article``
  returns an Article or raises InputErrors; the CLI exits 0 or 2, never with a traceback, prints only
  ``file:line: ...`` lines on stderr and, when it exits 2, leaves ``reports/`` byte for byte unchanged;
* the report renderers: any text in a record or the source metadata comes out escaped (Markdown:
  ``md_escape`` round-trips and adds no markup or line; HTML: the element structure of the page does not
  depend on the text);
* the JSON writer: ``results.json_text`` gives the bytes (or the error) of ``json.dumps(..., indent=2)``.
"""

from __future__ import annotations

import contextlib
import copy
import io
import re
import shutil
import tempfile
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from conftest import PROJECT, tree_bytes
from numclaims.fastjson import data
from numclaims.resultmodel import Results
from numclaims.cli import main
from numclaims.errors import InputErrors
from numclaims.loader import Article, load_article
from numclaims.markdown import md_escape
from numclaims.numerals import Quantity, parse

# derandomized (the same examples every run, no example database): CI failures are reproducible
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None)

# ----------------------------------------------------------------------------------------- numerals
NUMERAL_WORDS = ["about", "around", "nearly", "over", "more than", "up to", "as many as", "at least", "some",
                 "million", "billion", "thousand", "hundred", "percent", "%", "per cent", "a month", "a year",
                 "per day", "three", "quarters", "half", "a third", "seven", "dozen", "between", "and", "to",
                 "$", "US$", "S/.", "€", "£", "1,600", "4.10", "2,000", "0.5", "1e300", "-3", "½", "years", "-",
                 "–", "/", "of", "the", " ", ",", ".", "0", "9", "00"]


@settings(FUZZ, max_examples=400)
@given(st.one_of(st.text(max_size=40),
                 st.lists(st.sampled_from(NUMERAL_WORDS), max_size=8).map(" ".join),
                 st.lists(st.sampled_from(NUMERAL_WORDS), max_size=8).map("".join)))
def test_parse_raises_only_value_error(text):
    try:
        q = parse(text)
    except ValueError:
        return
    assert isinstance(q, Quantity)


# ----------------------------------------------------------------------------------------- YAML loader
GOOD = (PROJECT / "claims" / "town-news.yaml").read_text(encoding="utf-8")
TOKENS = ["yes", "no", "NO", "on", "~", "null", ".nan", ".inf", "-.inf", "1e300", "1.0e+300", "-1", "[]", "{}",
          '""', "''", "1,600", "4.10", "2014-13-01", "2014-03-03", "!!python/name:os.system", "*x", "&x a",
          "!!binary aGk=", "!!set {a}", "? [1]", "<<: {a: 1}", "\t", "'", '"', "- ", ": ", "#", "|", ">",
          "---", "...", "%YAML 1.1", "\ufeff", "\x00", "\u2028", "{", "[", "]", "}", "&a [*a]", "../x",
          "rescued-300", "workers-1600", "period-two-years", "USD per hour", "XYZ", "part_of", "range"]
YAMLISH = st.text(alphabet=st.sampled_from(list(":-[]{}#&*!|>'\",.?%@`~ \n\tabyesNO019$")), max_size=120)


@st.composite
def mutated(draw) -> str:
    """The valid claims file with one to three random edits: lines deleted, duplicated, swapped or
    re-indented, a value replaced by a YAML trap, a slice replaced by noise."""
    lines = GOOD.split("\n")
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "indent", "token", "value", "noise"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "indent":
            lines[i] = " " * draw(st.integers(0, 8)) + lines[i].lstrip()
        elif op == "value" and ": " in lines[i]:
            key = lines[i].split(": ", 1)[0]
            lines[i] = f"{key}: {draw(st.sampled_from(TOKENS))}"
        elif op == "token":
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(st.sampled_from(TOKENS)) + lines[i][k:]
        else:
            k = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:k] + draw(YAMLISH) + lines[i][k + draw(st.integers(0, 5)):]
        if not lines:
            lines = [""]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def fuzz_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("fuzz") / "project"
    shutil.copytree(PROJECT, root)
    return root


def _load(root: Path, text: str) -> None:
    path = root / "claims" / "town-news.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        assert isinstance(load_article(path, root), Article)
    except InputErrors as e:
        # every error is a well-formed line: file:line: ...
        assert e.errors and all(re.match(r"^claims/town-news\.yaml:\d+: \S", str(x)) for x in e.errors), str(e)


@settings(FUZZ, max_examples=250)
@given(text=st.one_of(YAMLISH, st.text(max_size=200)))
def test_loader_on_yaml_noise_raises_only_input_errors(fuzz_root, text):
    _load(fuzz_root, text)


@settings(FUZZ, max_examples=300)
@given(text=mutated())
def test_loader_on_mutated_claims_raises_only_input_errors(fuzz_root, text):
    _load(fuzz_root, text)


@settings(FUZZ, max_examples=30)
@given(text=mutated())
def test_cli_on_mutated_claims_exits_0_or_2_and_writes_nothing_when_invalid(fuzz_root, text):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(PROJECT, root)
        assert main(["check", "--quiet", "--root", str(root)]) == 0
        before = tree_bytes(root / "reports")
        (root / "claims" / "town-news.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        err = io.StringIO()
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            rc = main(["check", "--root", str(root)])
        assert rc in (0, 2), err.getvalue()
        lines = err.getvalue().splitlines()
        assert "Traceback" not in err.getvalue()
        if rc == 2:
            assert lines and all(re.match(r"^[^\s:][^:]*:\d+: \S", ln) for ln in lines), lines
            assert tree_bytes(root / "reports") == before
        else:
            assert lines == []


# ----------------------------------------------------------------------------------------- renderers
def _md_unescape(s: str) -> str:
    # one pass: an escaped punctuation character, or a control character written as \xNN
    s = re.sub(r"\\([\\`*_{}\[\]()#+!|>~])|\\x([0-9a-f]{2})",
               lambda m: m.group(1) if m.group(1) is not None else chr(int(m.group(2), 16)), s)
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


@settings(FUZZ, max_examples=400)
@given(st.text())
def test_md_escape_is_inert_and_lossless(text):
    out = md_escape(text)
    # no HTML, no line break, no unescaped Markdown punctuation; and the text comes back (white space folded)
    assert "<" not in out and ">" not in out and "\n" not in out and "\r" not in out
    assert not re.search("[\x00-\x1f\x7f-\x9f]", out)  # no raw control character (C0, DEL, C1)
    assert re.search(r"(?<!\\)(?:\\\\)*[`*_{}\[\]()#+!|~]", out) is None
    assert _md_unescape(out) == " ".join(text.split())


class _Shape(HTMLParser):
    """The element structure of a page: each start tag with its attribute names, and each end tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.shape: Counter = Counter()

    def handle_starttag(self, tag, attrs):
        self.shape[("start", tag, tuple(sorted(a for a, _ in attrs)))] += 1

    def handle_endtag(self, tag):
        self.shape[("end", tag)] += 1


def _shape(page: str) -> Counter:
    p = _Shape()
    p.feed(page)
    p.close()
    return p.shape


@pytest.fixture(scope="module")
def seed_results(fuzz_root):
    from numclaims.engine import check_file

    root = fuzz_root.parent / "render"
    shutil.copytree(PROJECT, root)
    results, _ = check_file(root / "claims" / "town-news.yaml", root)
    return root, data(results)


def _inject(results: dict, s: str):
    """The results data with ``s`` in every text field, as a results model (read back, validated)."""
    r = copy.deepcopy(results)
    r["source"].update(title=s, publisher=s, author=s, attribution=s)
    c = r["claims"][0]
    c["measure"].update(what=s, where=s)
    c["attribution"] = [{"who": s, "role": s}]
    c.update(notes=s, status="verified", reviewer=s, reviewed_on="2014-03-04")
    for ch in r["checks"]:
        ch["explanation"] = s
    return Results.model_validate(r)


@settings(FUZZ, max_examples=60)
@given(st.text(min_size=1, max_size=60).filter(lambda t: t.strip() != ""))
def test_report_text_is_escaped_in_every_format(seed_results, text):
    from numclaims.report import ReportConfig, render_reports

    root, results = seed_results
    assume("\x00" not in text)  # NUL is not text anyone can publish; HTMLParser drops it
    cfg = ReportConfig(author="Desk", author_url="https://desk.example/", base_url="https://desk.example/reports")
    base = render_reports(_inject(results, "x"), root, cfg)
    out = render_reports(_inject(results, text), root, cfg)
    # HTML: the same elements and attributes whatever the text, and the text is there, escaped
    assert _shape(out["report.html"]) == _shape(base["report.html"])
    assert str(escape(text)) in out["report.html"]
    # Markdown: no extra lines, no raw HTML from the text
    assert out["report.md"].count("\n") == base["report.md"].count("\n")
    assert md_escape(text) in out["report.md"]
    assert out["report.md"].count("<") == base["report.md"].count("<")


@settings(FUZZ, max_examples=300)
@given(st.one_of(st.text(max_size=30), st.text(max_size=30).map(lambda t: "https://example.org/" + t)))
def test_links_are_plain_http_addresses_or_nothing(url):
    from numclaims.report import safe_href

    # a source url becomes a link only when it is one http(s) address with no space, quote or bracket
    # (javascript: addresses, and text that would break out of href="..." or <...>, give no link)
    href = safe_href(url)
    assert href is None or (href == url and re.fullmatch(r"https?://[^\s<>\"']+", href))


# ----------------------------------------------------------------------------------------- JSON writer
JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.lists(children, max_size=3).map(tuple)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=25,
)


def _outcome(fn, *args, **kwargs):
    try:
        return fn(*args, **kwargs)
    except (TypeError, ValueError) as e:
        return type(e), str(e)


@settings(FUZZ, max_examples=400)
@given(JSONISH, st.booleans())
def test_json_text_is_json_dumps_byte_for_byte(obj, allow_nan):
    import json

    from numclaims.fastjson import escape_invisible
    from numclaims.results import clean, dumps, json_text

    def std(*a, **k):  # json.dumps's text, with C1 controls and U+2028/U+2029 escaped as numclaims writes them
        return escape_invisible(json.dumps(*a, **k))

    assert _outcome(json_text, obj, allow_nan=allow_nan) == _outcome(
        std, obj, indent=2, ensure_ascii=False, allow_nan=allow_nan)
    expected = _outcome(std, clean(obj), indent=2, ensure_ascii=False, allow_nan=False)
    assert _outcome(dumps, obj) == (expected + "\n" if isinstance(expected, str) else expected)
