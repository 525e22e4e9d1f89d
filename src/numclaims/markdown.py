"""report.md: the plain-text report of one article, safe to publish.

Same content and order as report.html (see :mod:`numclaims.report`): a summary of findings (inconsistent
and tension first), coverage, figures, then each claim in source order with its quote highlighted in the
surrounding sentences, attribution chain, interval, checks with their arithmetic, and review status.

Every piece of text that comes from a source or a record is escaped (:func:`md_escape`) so that HTML or
Markdown in a quote shows as text and cannot inject markup when the Markdown is rendered.
"""

from __future__ import annotations

import re
import urllib.parse
from typing import Any

_MD_PUNCT = "`*_{}[]()#+!|~"  # escaped with a backslash, as is the backslash itself
_MD_ANY = re.compile("[" + re.escape("&<>\\" + _MD_PUNCT) + "\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
#: Control characters that str.split() does not fold to a space (C0 but the white space ones, DEL, C1 but
#: NEL): written as the visible escape ``\\x1b`` (as error lines write them, numclaims.errors.one_line),
#: so report.md never holds a raw terminal escape (CSI).
_MD_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


def md_escape(text: Any) -> str:
    """Escape text for Markdown: HTML characters as entities, Markdown punctuation with backslashes,
    newlines folded to spaces (so table rows stay rows), other control characters (C0, DEL, C1) as the
    visible escape ``\\xNN`` (a literal backslash in the text is doubled, so the two never meet)."""
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


def _verdict(v: str | None) -> str:
    return "no check" if v is None else v.upper()


def _claim_link(cid: str) -> str:
    return f"[`{cid}`](#claim-{cid})"


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
        f"# Numeric claims of \u201c{md_escape(src['title'])}\u201d",
        "",
        f"Source: {md_escape(src.get('publisher'))}, {md_escape(src.get('author') or 'unsigned')}, "
        f"published {src['published']}" + (f" (<{view['source_href']}>)" if view["source_href"] else "") + ".",
        "",
        "## Summary",
        "",
        f"{s['claims']} claims, {s['checks']} checks: "
        + ", ".join(f"{s['verdicts'][v]} {v}" for v in view["verdict_order"]) + ". Review: "
        + ", ".join(f"{n} {st}" for st, n in view["review"].items()) + ".",
        "",
        "### Findings",
        "",
    ]
    if not view["findings"]:
        out.append("Every check is consistent.")
    for ch in view["findings"]:
        out.append(f"- **{_verdict(ch['verdict'])}** `{ch['id']}` ({ch['kind']}; "
                   + ", ".join(_claim_link(x) for x in dict.fromkeys(ch["claims"])) + f"): {md_escape(ch['explanation'])}")
    if view["consistent"]:
        out += ["", "Consistent: " + ", ".join(f"`{ch['id']}`" for ch in view["consistent"]) + "."]
    out.append("")
    cov = view["coverage"]
    if cov:
        out += ["## Coverage", "", f"{cov['mentions']} numeric mentions in the body: {cov['claimed']} claimed, "
                f"{cov['waived']} waived, {len(cov['missing'])} missing.", ""]
        for m in cov["missing"]:
            out.append(f"- missing: \u201c{md_escape(m['text'])}\u201d at {m['start']}-{m['end']}")
        if cov["missing"]:
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
        out += ["## Figures", ""]
        for f in view["figures"]:
            # the file name percent-encoded: markup in it ("<script>", ")") can neither end the link nor run
            out += [f"![{md_escape(f.title)}](figures/{urllib.parse.quote(f.name)})", ""]
    out += ["## Claims", ""]
    for c in view["claims"]:
        before, _, after = c["context"]
        highlighted = _md_inline(c["quote"]).strip()
        highlighted = f"**{highlighted}**" if highlighted else ""
        out += [
            f"### {md_escape(c['text'])} <a id=\"claim-{c['id']}\"></a>",
            "",
            f"`{c['id']}` \u2014 {_verdict(c['worst'])}",
            "",
            f"> {_md_inline(before).lstrip()}{highlighted}{_md_inline(after)}".rstrip(),
            "",
            f"- Measure: {md_escape(c['measure']['what'])}"
            + (f"; where: {md_escape(c['measure']['where'])}" if c["measure"].get("where") else "")
            + (f"; period: {c['period'][0]} to {c['period'][1]}" if c.get("period") else ""),
            "- Attribution: " + " \u2192 ".join(
                md_escape(a["who"]) + (f" ({md_escape(a['role'])})" if a.get("role") else "") for a in c["attribution"]),
            f"- Value: {c['value_text'] or 'n/a'} {md_escape(c['unit'])}, qualifier {md_escape(c['qualifier'])}; "
            f"interval {c['interval_text']}" + (f" ({md_escape(c['rule'])})" if c.get("rule") else ""),
        ]
        if c.get("evidence"):
            out.append("- Evidence: " + ", ".join(f"`{md_escape(e)}`" for e in c["evidence"]))
        review = f"- Review: **{c['status']}**"
        if c["status"] != "unreviewed":
            review += f" by {md_escape(c.get('reviewer') or 'unknown')}" + (
                f" on {c['reviewed_on']}" if c.get("reviewed_on") else "")
            if c["rating"]:
                review += f" \u2014 rating {c['rating'][0]}/5 \u201c{md_escape(c['rating'][1])}\u201d"
        out.append(review)
        if c.get("notes"):
            out.append(f"- Reviewer's notes: {md_escape(c['notes'])}")
        out.append("")
        if c["checks"]:
            out += ["Checks:", ""]
            for ch in c["checks"]:
                out.append(f"- **{_verdict(ch['verdict'])}** `{ch['id']}` ({ch['kind']}): {md_escape(ch['explanation'])}")
            out.append("")
        else:
            out += ["No check reads this claim.", ""]
    out += ["---", "", md_escape(src.get("attribution") or ""), ""]
    return "\n".join(out)
