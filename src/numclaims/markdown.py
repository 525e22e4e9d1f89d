"""report.md: a plain-text report of one article's results, safe to publish.

Every piece of text that comes from a source or a record is escaped (:func:`md_escape`) so that HTML or
Markdown in a quote shows as text and cannot inject markup when the Markdown is rendered.
"""

from __future__ import annotations

import re
from typing import Any

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~])")


def md_escape(text: Any) -> str:
    """Escape text for Markdown: HTML characters as entities, Markdown punctuation with backslashes,
    newlines folded to spaces (so table rows stay rows)."""
    s = "" if text is None else str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = " ".join(s.split())
    return _MD_SPECIAL.sub(r"\\\1", s)


def _iv(c: dict[str, Any]) -> str:
    lo, hi = c["interval"]
    lc, hc = c.get("interval_closed", [True, True])
    if c["unit"] == "date":
        return f"{lo} to {hi}" if lo else "n/a"
    f = lambda x: f"{x:,.6g}" if isinstance(x, float) and not float(x).is_integer() else f"{int(x):,}"
    left = "[" if lc else "("
    right = "]" if hc else ")"
    return f"{left}{'-inf' if lo is None else f(lo)}, {'+inf' if hi is None else f(hi)}{right}"


def render_markdown(results: dict[str, Any]) -> str:
    """The report.md text for one results object (see :mod:`numclaims.engine`). Deterministic."""
    src = results["source"]
    s = results["summary"]
    out = [
        f"# Numeric claims of \u201c{md_escape(src['title'])}\u201d",
        "",
        f"Source: {md_escape(src.get('publisher'))}, {md_escape(src.get('author') or 'unsigned')}, "
        f"published {src['published']}" + (f" ({md_escape(src['url'])})" if src.get("url") else "") + ".",
        "",
        f"{s['claims']} claims, {s['checks']} checks: "
        + ", ".join(f"{n} {v}" for v, n in s["verdicts"].items()) + ".",
        "",
        "## Findings",
        "",
    ]
    checks = {c["id"]: c for c in results["checks"]}
    if not s["findings"]:
        out.append("Every check is consistent.")
    for cid in s["findings"]:
        ch = checks[cid]
        out.append(f"- **{ch['verdict'].upper()}** `{cid}` ({ch['kind']}): {md_escape(ch['explanation'])}")
    out += ["", "## Claims", "", "| claim | as written | value | unit | qualifier | interval | attribution | status |",
            "|---|---|---|---|---|---|---|---|"]
    for c in results["claims"]:
        chain = " via ".join(md_escape(a["who"]) for a in c["attribution"])
        value = "" if c["value"] is None else f"{c['value']:,}"
        out.append(f"| `{c['id']}` | {md_escape(c['text'])} | {value} | {md_escape(c['unit'])} | {c['qualifier'] or ''} "
                   f"| {_iv(c)} | {chain} | {c['status']} |")
    out += ["", "## Checks", ""]
    for ch in results["checks"]:
        out += [f"### {ch['id']}: {ch['verdict']}", "", f"Kind: {ch['kind']}; claims: "
                + ", ".join(f"`{x}`" for x in ch["claims"]) + ".", "", md_escape(ch["explanation"]), ""]
        for f in ch.get("findings") or []:
            out.append(f"- finding `{f.get('code')}`: {md_escape(f.get('detail', ''))}")
        if ch.get("findings"):
            out.append("")
    cov = results.get("coverage")
    if cov:
        out += ["## Coverage", "", f"{cov['mentions']} numeric mentions in the body: {cov['claimed']} claimed, "
                f"{cov['waived']} waived, {len(cov['missing'])} missing.", ""]
        for m in cov["missing"]:
            out.append(f"- missing: \u201c{md_escape(m['text'])}\u201d at {m['start']}-{m['end']}")
        if cov["missing"]:
            out.append("")
    out += ["---", "", md_escape(src.get("attribution") or ""), ""]
    return "\n".join(out)
