"""report.md: the plain-text report of one article, safe to publish.

Same content and order as report.html (see :mod:`numclaims.report`): the findings first (inconsistent and
tension, then undecided, then consistent checks flagged against the sources), each as its plain-language
sentence (:mod:`numclaims.explain`) with its cause, the fact-checker's note, the arithmetic and the rules
applied; then the other checks, coverage with the waivers' reasons, charts with their data files, and each
claim in source order with its quote highlighted in the surrounding sentences, attribution chain, reading,
review status and links to its checks.

Every piece of text that comes from a source or a record is escaped (:func:`md_escape`) so that HTML or
Markdown in a quote shows as text and cannot inject markup when the Markdown is rendered.
"""

from __future__ import annotations

import functools
import re
import urllib.parse
from typing import Any

from .explain import date_text

_MD_PUNCT = "`*_{}[]()#+!|~"  # escaped with a backslash, as is the backslash itself
_MD_ANY = re.compile("[" + re.escape("&<>\\" + _MD_PUNCT) + "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
#: Control characters that str.split() does not fold to a space (C0 but the white space ones, DEL, C1 but
#: NEL): written as the visible escape ``\\x1b`` (as error lines write them, numclaims.errors.one_line),
#: so report.md never holds a raw terminal escape (CSI).
_MD_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def md_escape(text: Any) -> str:
    """Escape text for Markdown: HTML characters as entities, Markdown punctuation with backslashes,
    newlines folded to spaces (so table rows stay rows), other control characters (C0, DEL, C1) as the
    visible escape ``\\xNN`` (a literal backslash in the text is doubled, so the two never meet).
    ``None`` gives ``""``; any other value is escaped as its ``str``."""
    if type(text) is str and len(text) <= 300:
        return _remembered(text)
    return _md_escape(text)


@functools.lru_cache(maxsize=8192)
def _remembered(text: str) -> str:
    """:func:`md_escape` of a text of up to 300 characters, remembered (a report escapes the same check
    titles, rules and readings many times, and a run's articles share most of them)."""
    return _md_escape(text)


def _md_escape(text: Any) -> str:
    """:func:`md_escape`, computed."""
    # "&", "<", ">" become entities (so no ">" is left to backslash-escape), then backslashes are doubled
    # before any is added, then each Markdown punctuation character gets a backslash; none of this adds
    # or removes white space, so folding it last gives the same text as folding in between. Most texts
    # have nothing to escape (one search), and str.replace per character beats a regex substitution.
    s = "" if text is None else str(text)
    if _MD_ANY.search(s):
        s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\\", "\\\\")
        for ch in _MD_PUNCT:
            if ch in s:
                s = s.replace(ch, "\\" + ch)
        s = _MD_CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", s)
    return " ".join(s.split())


def _md_inline(text: str) -> str:
    """:func:`md_escape` keeping one space where ``text`` starts or ends with white space."""
    if not text:
        return ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() and text.strip() else ""
    return lead + md_escape(text) + trail


def _claim_link(cid: str) -> str:
    """A link to a claim's (or derived figure's) anchor, the record id as its text."""
    return f"[`{cid}`](#claim-{cid})"


def _verdict(v: str | None) -> str:
    return "no check" if v is None else v.upper()


def render_markdown(view: dict[str, Any]) -> str:
    """The report.md text.

    Args:
        view: a :func:`numclaims.report.build_view` result (for a bare results object, without source
            context or figures: ``build_view(results, None, [], ReportConfig())``). This module does not
            import :mod:`numclaims.report`, which imports it.

    Deterministic: the same view gives the same text.
    """
    src = view["source"]
    s = view["summary"]
    out = [
        f"# Numeric claims of \u201c{md_escape(src.title)}\u201d",
        "",
        f"Source: {md_escape(src.publisher)}, {md_escape(src.author or 'unsigned')}, "
        f"published {view.get('published_text') or src.published}"
        + (f" (<{view['source_href']}>)" if view["source_href"] else "") + ".",
        "",
        f"{s.claims} numbers, {s.checks} checks: "
        + ", ".join(f"{getattr(s.verdicts, v)} {v}" for v in view["verdict_order"])
        + (f" ({len(view['flagged'])} of the consistent ones flagged against the sources)" if view["flagged"] else "")
        + ". Review: " + ", ".join(f"{n} {st}" for st, n in view["review"].items()) + ".",
        "",
        "## Findings",
        "",
    ]
    if not s.checks:
        out.append("No check was declared for this article: nothing is shown to be inconsistent, and nothing is "
                   "shown to be right.")
    elif not view["findings"]:
        out.append("Every check is consistent.")
    for ch in view["findings"] + view["flagged"]:
        out += _check_lines(ch)
    others = [ch for ch in view["consistent"] if not ch["badges"]]
    if others:
        out += ["", "Other checks, consistent with nothing flagged:", ""]
        for ch in others:
            out.append(f"- <a id=\"check-{ch['id']}\"></a>{md_escape(ch['ex'].sentence)}")
    if view.get("proposed"):
        out += ["", "Proposed checks, not yet accepted (they rate nothing until the fact-checker accepts them with "
                "`numclaims review accept ID`):", ""]
        for ch in view["proposed"]:
            out.append(f"- <a id=\"check-{ch['id']}\"></a>{md_escape(ch['ex'].sentence)} Proposed because the text "
                       f"says: {md_escape(ch.get('proposed_because') or '')}")
    out.append("")
    cov = view["coverage"]
    if cov:
        out += ["## Coverage", "", f"{cov['mentions']} numbers in the article (headline, standfirst and body): {cov['claimed']} checked as claims, "
                f"{cov['waived']} set aside by the fact-checker, {len(cov['missing'])} not yet accounted for.", ""]
        for w in view.get("waivers") or []:
            out.append(f"- set aside: \u201c{md_escape(w.text)}\u201d: {md_escape(w.reason)}")
        for m in cov["missing"]:
            out.append(f"- missing: \u201c{md_escape(m['text'])}\u201d at {m['start']}-{m['end']}")
        if cov["missing"] or view.get("waivers"):
            out.append("")
    if view.get("derived"):
        out += ["## Derived figures", "", "Computed from the claims above, not quoted from the article.", ""]
        for d in view["derived"]:
            out.append(f"- <a id=\"claim-{d['id']}\"></a>`{d['id']}` ({d['kind']} of "
                       + ", ".join(_claim_link(x) for x in d["inputs"]) + f"): {md_escape(d['arithmetic'])} "
                       f"{md_escape(d['unit'])}; interval {d['interval_text']}"
                       + (f"; {md_escape(d['note'])}" if d.get("note") else ""))
        out.append("")
    if view["figures"]:
        out += ["## Charts", ""]
        for f in view["figures"]:
            # file names percent-encoded: markup in them ("<script>", ")") can neither end the link nor run
            out += [f"![{md_escape(f.alt or f.title)}](figures/{urllib.parse.quote(f.name)})", ""]
            if f.csv:
                out += [f"Data: [figures/{md_escape(f.csv)}](figures/{urllib.parse.quote(f.csv)})", ""]
    out += ["## Claims", ""]
    for c in view["claims"]:
        before, _, after = c["context"]
        highlighted = _md_inline(c["quote"]).strip()
        highlighted = f"**{highlighted}**" if highlighted else ""
        flags = "".join(f" \u00b7 \u2691 {words}" for _, words in c["badges"])
        out += [
            f"### {md_escape(c['text'])} <a id=\"claim-{c['id']}\"></a>",
            "",
            f"{'CONSISTENT, BUT FLAGGED' if c['worst'] == 'consistent' and c['badges'] else _verdict(c['worst'])}"
            f"{flags} \u2014 {md_escape(c['measure'].what)}",
            "",
            f"> {_md_inline(before).lstrip()}{highlighted}{_md_inline(after)}".rstrip(),
            "",
            f"- Read as: {md_escape(c['reading'])}",
        ]
        if c["measure"].where:
            out.append(f"- Where: {md_escape(c['measure'].where)}")
        out.append("- On whose word: " + " \u2192 ".join(
            md_escape(a.who) + (f" ({md_escape(a.role)})" if a.role else "") for a in c["attribution"]))
        out.append(f"- Record: `{c['id']}`" + (" \u00b7 evidence " + ", ".join(f"`{md_escape(e)}`" for e in c["evidence"])
                                                if c.get("evidence") else ""))
        review = f"- Review: **{c['status']}**"
        if c["status"] != "unreviewed":
            review += f" by {md_escape(c.get('reviewer') or 'unknown')}" + (
                f" on {date_text(c['reviewed_on'])}" if c.get("reviewed_on") else "")
            if c["rating"]:
                review += f" \u2014 rating {c['rating'][0]}/5 \u201c{md_escape(c['rating'][1])}\u201d"
        out.append(review)
        if c.get("guessed"):
            # fields numclaims new drafted from the words: nothing guessed reads as reviewed
            out.append("- To confirm (guessed by numclaims new): " + ", ".join(md_escape(f) for f in c["guessed"]))
        if c.get("note"):
            out.append(f"- Reviewer's notes: {md_escape(c['note'])}")
        if c["checks"]:
            out.append("- Checks: " + "; ".join(f"{_verdict(ch['verdict'])} [{md_escape(ch['title'])}](#check-{ch['id']})"
                                                 for ch in c["checks"]))
        else:
            out.append("- No check reads this claim.")
        out.append("")
    out += ["---", "", md_escape(src.attribution or ""), ""]
    return "\n".join(out)


def _check_lines(ch: dict[str, Any]) -> list[str]:
    """A check in report.md: its verdict, findings and sentence, then its cause, note, arithmetic and
    rules as sub-items."""
    ex = ch["ex"]
    flags = "".join(f" \u00b7 \u2691 {words}" for _, words in ch["badges"])
    lines = [f"- <a id=\"check-{ch['id']}\"></a>**{_verdict(ch['verdict'])}**{flags} ({md_escape(ch['title'])}): "
             f"{md_escape(ex.sentence)}"]
    if ex.cause:
        lines.append(f"  - Cause: {md_escape(ex.cause)}")
    if ch.get("note"):
        lines.append(f"  - Fact-checker's note: {md_escape(ch['note'])}")
    lines.append("  - Claims: " + ", ".join(f"[{md_escape(q)}](#claim-{cid})" for cid, q in ch["quotes"]))
    for line in ex.as_written:
        lines.append(f"  - As written: {md_escape(line)}")
    for line in ex.over_intervals:
        lines.append(f"  - Over the ranges: {md_escape(line)}")
    for line in ex.rules:
        lines.append(f"  - Rule: {md_escape(line)}")
    return lines
