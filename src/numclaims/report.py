"""Every published file of an article, rendered in one place: results.json, report.md, report.html and
claimreview.json under ``reports/<article-id>/``.

``numclaims check`` (through :func:`numclaims.runner.stage_one`) and ``numclaims report`` both call
:func:`render_reports`, so the two commands write byte-identical files, and ``numclaims report --check``
compares a fresh in-memory render with the committed files (:func:`stale_reports`).

Inputs of a render, and nothing else (so a render is deterministic):

* the results object of :mod:`numclaims.engine` (claims with ``start``/``end`` offsets, checks with
  verdicts and explanations, summary, and an optional ``coverage`` object
  ``{mentions, claimed, waived, missing: [{start, end, text}]}``);
* the source text ``datasets/sources/<source id>.txt`` (for the sentences around each quote);
* the figures ``reports/<article-id>/figures/*.svg`` when present (embedded in report.html as
  ``<img src="data:image/svg+xml;base64,...">``: an SVG shown through ``<img>`` runs no script and loads
  nothing external, whatever it contains);
* the :class:`ReportConfig` (who publishes the reviews, and where), from ``numclaims.toml`` or
  ``[tool.numclaims]`` of the project's ``pyproject.toml`` (:mod:`numclaims.claimreview`, which also
  builds the ClaimReview objects and raises :class:`ClaimReviewConfigError` for reviewed claims without a
  configured publisher).

No clock is read: the only dates are the publication date of the source and the review dates of records.

report.html is self-contained: inline CSS, no scripts (a Content-Security-Policy ``default-src 'none'``
forbids any), no fonts, no external requests. Every text from a source or a record goes through Jinja2's
autoescaping; the ClaimReview JSON-LD embedded in the page escapes ``<``, ``>`` and ``&`` as ``\\u003c``...
so a quote cannot close its ``<script type="application/ld+json">`` element.
"""

from __future__ import annotations

import base64
import bisect
import functools
import html
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .claimreview import (  # noqa: F401  (the ClaimReview names, re-exported for callers of report)
    BEST_RATING,
    RATINGS,
    WORST_RATING,
    ClaimReviewConfigError,
    ReportConfig,
    claimreview,
    load_config,
    rating_for,
)
from .checks import KINDS
from .codes import tag
from .errors import InputErrors
from .evidence import load_reference
from .explain import (
    date_text,
    explain,
    finding_badges,
    quoted,
    reading_rule,
)
from .inline_svg import inline_svg
from .markdown import render_markdown
from .paths import display_path, inside, read_input, report_dir
from .publish import publish_folder, unchanged
from .resultmodel import ClaimResult, Coverage, DerivedFigure, Results
from .results import clean_and_dumps, json_text
from .sources import SOURCES_DIR
from .verdicts import VERDICTS, worst_by_claim, worst_first
from .yamlio import YamlInputError, read_text_strict

#: Verdict -> (symbol, label) shown beside the colour, so no meaning rests on colour alone.
VERDICT_LABELS = {
    "inconsistent": ("\u2717", "inconsistent"),
    "tension": ("!", "tension"),
    "unverifiable": ("?", "unverifiable"),
    "consistent": ("\u2713", "consistent"),
}


# ------------------------------------------------------------------------------------------- helpers
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")


@functools.lru_cache(maxsize=4)
def _line_breaks(text: str) -> list[int]:
    """Offsets of the ``\\n`` of ``text``, ascending."""
    return [m.start() for m in re.finditer("\n", text)]


@functools.lru_cache(maxsize=16)
def _sentence_ends(text: str, line_start: int, line_end: int) -> list[int]:
    """Offsets where the sentences of ``text[line_start:line_end]`` end (:data:`_SENTENCE_END`), ascending."""
    return [m.end() for m in _SENTENCE_END.finditer(text, line_start, line_end)]


def quote_context(text: str, start: int, end: int, sentences: int = 1, limit: int = 360) -> tuple[str, str, str]:
    """The words around ``text[start:end]``: ``(before, quote, after)``.

    The context is the sentence holding the quote plus ``sentences`` sentences on each side, never crossing
    a line break (a paragraph of the capture). A sentence ends at ``.``, ``!`` or ``?`` (optionally followed
    by closing quotes or brackets) followed by white space. ``before`` and ``after`` longer than ``limit``
    characters are cut at a space and marked with "\u2026". Runs of white space are kept as in the text.

    Raises:
        ValueError: when ``0 <= start <= end <= len(text)`` does not hold.
    """
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"offsets {start}..{end} are outside the text (length {len(text)})")
    breaks = _line_breaks(text)  # once per text, not per quote: linear in the text
    i = bisect.bisect_left(breaks, start)  # breaks[i - 1] < start <= breaks[i]
    line_start = breaks[i - 1] + 1 if i > 0 else 0
    j = bisect.bisect_left(breaks, end, i)  # the first break at or after end
    line_end = breaks[j] if j < len(breaks) else len(text)
    ends = _sentence_ends(text, line_start, line_end)  # once per line, not per quote: linear in the text
    k = max(0, bisect.bisect_right(ends, start) - sentences)  # sentence starts: line_start, then each end
    lo = line_start if k == 0 else ends[k - 1]
    j = bisect.bisect_right(ends, end) + sentences  # the ends after the quote, then line_end
    hi = ends[j] if j < len(ends) else line_end
    # slices of at most `limit` characters (a one-sentence line of a megabyte is not copied per quote)
    if start - lo > limit:
        cut = text[start - limit:start]
        sp = cut.find(" ")
        before = "\u2026" + (cut[sp + 1:] if 0 <= sp < len(cut) - 1 else cut)
    else:
        before = text[lo:start]
    stop = hi
    while stop > end and text[stop - 1].isspace():  # text[end:hi].rstrip() without the copy
        stop -= 1
    if stop - end > limit:
        cut = text[end:end + limit]
        sp = cut.rfind(" ")
        after = (cut[:sp] if sp > 0 else cut) + "\u2026"
    else:
        after = text[end:stop]
    return before, text[start:end], after


def number_text(x: Any) -> str:
    """A number for people: thousands separators, integers without ``.0``, others to 6 significant digits."""
    if isinstance(x, bool) or x is None:
        return "" if x is None else str(x)
    if isinstance(x, int) or (isinstance(x, float) and x.is_integer()):
        return f"{int(x):,}"
    return f"{x:,.6g}"


def interval_text(c: ClaimResult | DerivedFigure) -> str:
    """The interval of a claim (or derived figure) as ``[250, 350]``, ``(4,500, +inf)`` or ``2011-01-01 to ...``."""
    lo, hi = c.interval
    if c.unit == "date":
        return f"{lo} to {hi}" if lo else "n/a"
    lc, hc = c.interval_closed
    return (f"{'[' if lc else '('}{'-inf' if lo is None else number_text(lo)}, "
            f"{'+inf' if hi is None else number_text(hi)}{']' if hc else ')'}")


def safe_href(url: Any) -> str | None:
    """``url`` when it is an absolute http(s) address, else None (no ``javascript:`` links from metadata)."""
    # fullmatch, not match(...$): "$" also matches before a final newline, which would end up in the link
    if isinstance(url, str) and re.fullmatch(r"https?://[^\s<>\"']+", url):
        return url
    return None


def json_for_script(obj: Any) -> str:
    """JSON text safe inside ``<script type="application/ld+json">``: ``<``, ``>``, ``&``, U+2028 and
    U+2029 written as ``\\uXXXX`` escapes (still the same JSON value)."""
    return _script_safe(json_text(obj))


def _script_safe(s: str) -> str:
    """:func:`json_for_script` of a JSON text already written."""
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                    ("\u2029", "\\u2029")):
        s = s.replace(ch, esc)
    return s


# ------------------------------------------------------------------------------------------- figures
@dataclass(frozen=True)
class Figure:
    """An SVG figure of ``reports/<id>/figures/``: ``name`` (file name), ``title`` (its ``<title>`` or the
    name), ``data`` (the raw bytes), ``alt`` (its ``<desc>``: what the chart shows and its main finding;
    the title when it has none), ``csv`` (name of the chart's data file beside it, or None)."""

    name: str
    title: str
    data: bytes
    alt: str = ""
    csv: str | None = None

    @property
    def data_uri(self) -> str:
        """``data:image/svg+xml;base64,...`` of the file."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.data).decode("ascii")

    def inline(self, index: int) -> str | None:
        """The SVG markup to paste into the page (:func:`numclaims.inline_svg.inline_svg`, ids prefixed
        ``f<index>-``), or None when the file is not an SVG document that can be inlined."""

        try:
            return inline_svg(self.data, f"f{index}-", self.alt or self.title)
        except ValueError:
            return None


def load_figures(folder: Path) -> list[Figure]:
    """The ``*.svg`` files of ``folder`` sorted by name (empty when the folder does not exist); the title is
    the SVG's first ``<title>``, else the file name without a leading number ("01-claims-intervals.svg" ->
    "Claims intervals"). A figure whose real path is outside ``reports/`` (a symbolic link out of it) or that
    is not a regular file is left out, with one line on stderr."""
    folder = Path(folder)
    if not folder.is_dir():
        return []

    out = []
    for p in sorted(folder.glob("*.svg")):
        # the path guard: a figure is read only from under reports/ (a link to /etc/hostname is not embedded)
        if not inside(p, folder.parent.parent):
            print(tag(f"reports/{folder.parent.name}/figures/{p.name}: figure not embedded: it is a symbolic link "
                      "to a file outside reports/", "figure-not-embedded"), file=sys.stderr)
            continue
        try:
            data = read_input(p)
        except OSError as e:
            print(tag(f"reports/{folder.parent.name}/figures/{p.name}: figure not embedded: {e.strerror}",
                      "figure-not-embedded"), file=sys.stderr)
            continue
        m = re.search(rb"<title[^>]*>(.*?)</title>", data, re.S)
        title = html.unescape(m.group(1).decode("utf-8", "replace")).strip() if m else ""
        d = re.search(rb"<desc[^>]*>(.*?)</desc>", data, re.S)
        alt = " ".join(html.unescape(d.group(1).decode("utf-8", "replace")).split()) if d else ""
        fallback = re.sub(r"^\d+[-_ ]*", "", p.stem).replace("-", " ").replace("_", " ").strip() or p.stem
        title = " ".join(title.split()) or fallback[:1].upper() + fallback[1:]
        csv = p.with_suffix(".csv").name if p.with_suffix(".csv").is_file() else None
        out.append(Figure(p.name, title, data, alt or title, csv))
    return out


# ------------------------------------------------------------------------------------------- view
def build_view(results: Results, source_text: str | None, figures: list[Figure],
               config: ReportConfig | None, reference: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The data both report.md and report.html show, in reading order, from typed results (as
    :func:`numclaims.results.clean_and_dumps` gives them: integral floats as ints).

    Every check (a dict of the :class:`numclaims.resultmodel.CheckEntry`'s fields, those not set at their
    defaults) is given its
    :class:`numclaims.explain.Explanation` (``ex``), its findings as badges (``badges``, ``[(code,
    words)]``), its claims' quotes (``quotes``, ``[(claim id, quoted words)]``) and the fact-checker's
    ``note`` and ``proposed_because`` (None when absent); ``reference`` (``{row id: row}``, optional) names
    the publishers of the rows external checks cite.

    Returns a dict with ``results``, ``source``, ``summary``, ``findings`` (non-consistent checks, worst
    first), ``flagged`` (consistent checks that report findings), ``consistent`` (the other checks),
    ``proposed`` (checks still ``status: proposed``, kept out of the three lists before),
    ``checks`` (all, by id), ``claims`` (in source order, dicts of each claim's fields with ``context``
    ``(before, quote, after)``, ``numeral`` split of the quote, ``worst``, ``checks``, ``badges``
    (findings of its checks), ``rating``, ``note``), ``review`` (counts per status), ``coverage`` (or
    None), ``derived`` (the derived figures with ``interval_text`` and ``value_text``; shown as computed,
    never as quotes), ``waivers``, ``figures``, ``claimreview`` (JSON-LD list).
    """

    worst = worst_by_claim(results)
    # derived figures are named by their arithmetic in the check sentences (explain.quoted), never quoted
    by_id: dict[str, Any] = {**{d.id: d for d in results.derived or ()}, **{c.id: c for c in results.claims}}
    checks = []
    for ch in results.checks:
        ids = list(dict.fromkeys(ch.claims))
        checks.append({**ch.__dict__, "ex": explain(ch, by_id, reference), "badges": finding_badges(ch),
                       "note": ch.note, "title": _check_title(ch.kind),
                       "proposed_because": ch.proposed_because,
                       "quotes": [(cid, quoted(by_id.get(cid))) for cid in ids]})
    checks_of: dict[str, list[dict[str, Any]]] = {c.id: [] for c in results.claims}
    for ch in checks:
        for cid in dict.fromkeys(ch["claims"]):
            checks_of.setdefault(cid, []).append(ch)
    claims = []
    order = sorted(range(len(results.claims)), key=lambda i: (results.claims[i].start, i))
    for i in order:
        c = results.claims[i]
        if source_text is not None and 0 <= c.start <= c.end <= len(source_text):
            before, quote, after = quote_context(source_text, c.start, c.end)
        else:
            before, quote, after = "", c.quote, ""
        text = c.text or quote
        k = quote.find(text)
        numeral = (quote[:k], text, quote[k + len(text):]) if k >= 0 else (quote, "", "")
        chs = sorted(checks_of.get(c.id, []), key=worst_first)
        rating = rating_for(c.status, worst[c.id]) if c.status != "unreviewed" else None
        badges = list(dict.fromkeys(b for ch in chs for b in ch["badges"]))
        claims.append({**c.__dict__, "context": (before, quote, after), "numeral": numeral, "worst": worst[c.id],
                       "checks": chs, "interval_text": interval_text(c), "value_text": number_text(c.value),
                       "rating": rating, "badges": badges, "note": c.note or c.notes,
                       "reading": reading_rule(c)})
    # checks still proposed by numclaims new/suggest are shown apart and rate nothing until accepted
    proposed = [ch for ch in checks if ch.get("status") == "proposed"]
    decided = [ch for ch in checks if ch.get("status") != "proposed"]
    findings = [ch for ch in decided if ch["verdict"] != "consistent"]
    findings.sort(key=worst_first)
    review = {s: 0 for s in ("unreviewed", "verified", "disputed", "unverifiable")}
    for c in results.claims:
        review[c.status] = review.get(c.status, 0) + 1
    return {
        "results": results,
        "article": results.article,
        "source": results.source,
        "source_href": safe_href(results.source.url),
        "published_text": date_text(results.source.published),
        "summary": results.summary,
        "verdict_order": [v for v in ("inconsistent", "tension", "unverifiable", "consistent") if v in VERDICTS],
        "labels": VERDICT_LABELS,
        "findings": findings,
        "flagged": [ch for ch in decided if ch["verdict"] == "consistent" and ch["badges"]],
        "consistent": [ch for ch in decided if ch["verdict"] == "consistent"],
        "proposed": proposed,
        "checks": {ch["id"]: ch for ch in checks},
        "claims": claims,
        "review": review,
        "coverage": _coverage_view(results.coverage, source_text),
        "derived": [{**d.__dict__, "interval_text": interval_text(d), "value_text": number_text(d.value)}
                    for d in results.derived or ()],
        "waivers": results.waivers,
        "figures": figures,
        # None: a view for report.md only (markdown.render_markdown of bare results), which shows no JSON-LD
        "claimreview": claimreview(results, config) if config is not None else [],
    }


def _check_title(kind: str) -> str:
    """A check kind's short title in words, as its module declares it
    (:attr:`numclaims.checks.registry.CheckKind.title`; the kind's name in words when it declares none): the
    links from a claim to its checks."""
    declared = KINDS[kind].title if kind in KINDS else None
    return declared or kind.replace("_", " ")


def _coverage_view(cov: Coverage | None, source_text: str | None) -> dict[str, Any] | None:
    """The coverage's fields, each missing mention's with its sentence as ``context`` ``(before, text,
    after)``."""
    if not cov:
        return None
    missing = []
    for m in cov.missing:
        ctx = ("", m.text, "")
        if source_text is not None and 0 <= m.start <= m.end <= len(source_text):
            ctx = quote_context(source_text, m.start, m.end, sentences=0, limit=160)
        missing.append({**m.__dict__, "context": ctx})
    return {**cov.__dict__, "missing": missing}


# ------------------------------------------------------------------------------------------- rendering
@functools.lru_cache(maxsize=1)
def _environment():
    # built once per process: compiling the template costs ~100 ms, rendering it ~1 ms

    dict_attrs = frozenset(dir(dict))

    class _Env(Environment):
        # `v.title` on a dict: Jinja tries getattr first, which raises AttributeError (costly) for every
        # key that is not a dict method; going straight to the item gives the same value or Undefined
        def getattr(self, obj: Any, attribute: str) -> Any:
            if type(obj) is dict and attribute not in dict_attrs:
                try:
                    return obj[attribute]
                except KeyError:
                    return self.undefined(obj=obj, name=attribute)
            return super().getattr(obj, attribute)

    env = _Env(loader=PackageLoader("numclaims", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, auto_reload=False)  # package data: no stat per render
    env.filters["num"] = number_text
    env.filters["date"] = date_text
    return env


def render_html(view: dict[str, Any], claimreview_json: str | None = None) -> str:
    """report.html for a :func:`build_view` result (template ``templates/report.html.j2``);
    ``claimreview_json``, when given, is the JSON text of ``view["claimreview"]`` (indent 2), already
    written for claimreview.json."""
    if not view["claimreview"]:
        jsonld = None
    elif claimreview_json is None:
        jsonld = Markup(json_for_script(view["claimreview"]))
    else:
        jsonld = Markup(_script_safe(claimreview_json))
    return _environment().get_template("report.html.j2").render(v=view, jsonld=jsonld)


def source_text_for(source_id: str, root: Path) -> str | None:
    """The text of ``datasets/sources/<source_id>.txt`` under ``root``, or None when it cannot be read."""
    p = Path(root) / SOURCES_DIR / f"{source_id}.txt"
    try:
        return read_text_strict(p)
    except (OSError, YamlInputError):
        return None


def _reference(root: Path) -> dict[str, dict[str, Any]] | None:
    """The reference rows of ``root`` for naming sources in explanations; None when they cannot be read
    (the check reports a broken table itself; a report then names rows as "a cited source")."""

    try:
        return load_reference(root)
    except (InputErrors, OSError, ValueError):
        return None


def render_reports(results: Results, root: Path, config: ReportConfig | None = None) -> dict[str, str]:
    """``{file name: text}`` of every file in :data:`numclaims.paths.REPORT_FILES` for one article's results.

    Reads the source text and ``reports/<id>/figures/*.svg`` under ``root``; ``config`` defaults to
    :func:`load_config` of ``root``. Deterministic: the same inputs give the same bytes.
    """
    root = Path(root)
    return _render_reports(results, root, config, report_dir(root, results.article))


def _render_reports(results: Results, root: Path, config: ReportConfig | None, folder: Path) -> dict[str, str]:
    """:func:`render_reports` with the article's report folder (:func:`numclaims.paths.report_dir`)
    already found."""
    cfg = config or load_config(root)
    figures = load_figures(folder / "figures")
    # one walk for results.json and the view's data (the results as JSON data, integral floats as ints:
    # what a reader of results.json sees)
    cleaned, results_json = clean_and_dumps(results)
    view = build_view(cleaned, source_text_for(results.source.id, root), figures, cfg, _reference(root))
    claimreview = json_text(view["claimreview"])
    return {
        "results.json": results_json,
        "report.md": render_markdown(view),
        "report.html": render_html(view, claimreview),
        "claimreview.json": claimreview + "\n",
    }


def report_files(results: Results, root: Path, config: ReportConfig | None = None,
                 folder: Path | None = None) -> dict[Path, str]:
    """``{path under reports/<id>/: text}`` of :func:`render_reports`; ``folder`` is the article's report
    folder when the caller has already found it (:func:`numclaims.paths.report_dir`, which resolves it)."""
    root = Path(root)
    d = folder if folder is not None else report_dir(root, results.article)
    return {d / name: text for name, text in _render_reports(results, root, config, d).items()}


def write_reports(res: Results, root: Path, config: ReportConfig | None = None) -> list[Path]:
    """Publish the report files of one results object, the article's folder as one unit
    (:func:`numclaims.publish.publish_folder`), unless every file already has these bytes; returns the
    paths whose bytes changed.

    Raises:
        numclaims.errors.Fault: the folder could not be published (the previous files are kept).
    """

    files = report_files(res, root, config)
    folder = next(iter(files)).parent
    payload = {p.name: text for p, text in files.items()}
    written = [p for p in files if not unchanged(folder, {p.name: payload[p.name]})]
    if written:  # the article's folder as one unit (numclaims.publish)
        publish_folder(folder, payload, display=display_path(folder, root))
    return written


def stale_reports(all_results: list[Results], root: Path, config: ReportConfig | None = None) -> list[Path]:
    """The report files that are missing or differ from a fresh render, in article then file order."""
    out = []
    for res in all_results:
        for path, text in report_files(res, root, config).items():
            if not path.is_file() or path.read_bytes() != text.encode("utf-8"):
                out.append(path)
    return out
