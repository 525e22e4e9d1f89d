"""Publication charts of an article's results: one function per notebook question, each taking the
results.json dict (see :mod:`numclaims.engine`) and returning a :class:`matplotlib.figure.Figure`.

Every chart has a title that states the finding, labelled axes with units, a source line under it and the
Okabe-Ito colour-blind-safe palette; it is 8 inches wide, so 800 px at the 100 dpi it is saved at.

Figures are built on :class:`matplotlib.figure.Figure` directly (no pyplot: nothing is registered with a
GUI or inline backend, nothing leaks), inside ``matplotlib.rc_context(STYLE)`` so that the global rcParams
of the caller cannot change them. :func:`render` writes SVG and PNG bytes with fixed metadata and a fixed
SVG hash salt, so that the same figure always gives the same bytes (with the same matplotlib and
FreeType). matplotlib is imported inside the functions: ``import numclaims.figures`` stays cheap.

Each ``*_data`` function returns the plain rows a chart draws (lists of dicts, no pandas), so notebooks
can show the numbers behind a chart and tests can check them without reading pixels.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import textwrap
from pathlib import Path
from typing import Any, Iterable, Sequence

from .atomic import write_atomic
from .evidence import measure_of
from .rules import interval_for
from .verdicts import worst as worst_verdict, worst_by_claim

#: Okabe & Ito (2008) colour-blind-safe palette, by name.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
GREY = "#8C8C8C"

#: Colour of each verdict (and of claims that take part in no check).
VERDICT_COLOURS = {
    "consistent": OKABE_ITO["bluish_green"],
    "tension": OKABE_ITO["orange"],
    "inconsistent": OKABE_ITO["vermillion"],
    "unverifiable": OKABE_ITO["reddish_purple"],
    "not checked": GREY,
}

#: Width of every figure in inches; at :data:`DPI` this is 800 px.
WIDTH_IN = 8.0
DPI = 100

#: rcParams pinned for every figure: font shipped with matplotlib, sizes, palette, fixed SVG ids.
STYLE: dict[str, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
    "axes.labelsize": 9.5,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.fontsize": 9,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#333333",
    "axes.labelcolor": "#222222",
    "text.color": "#222222",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "axes.grid": False,
    "grid.color": "#DDDDDD",
    "grid.linewidth": 0.6,
    "figure.dpi": DPI,
    "savefig.dpi": DPI,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "savefig.bbox": None,
    "axes.formatter.use_locale": False,
    "axes.unicode_minus": True,
    "svg.fonttype": "path",
    "svg.hashsalt": "numclaims",
    "svg.id": "numclaims-figure",
    "path.simplify": True,
    "text.parse_math": False,
}

#: Metadata written into the files: no dates, no software versions (so a re-run is byte-identical).
SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}
PNG_METADATA = {"Software": None}


# ----------------------------------------------------------------------------------------------- helpers


def _finite(x: Any) -> bool:
    return x is not None and isinstance(x, (int, float)) and math.isfinite(x)


def base_unit(unit: str) -> str:
    """``"USD per month"`` -> ``"USD"``; ``"persons"`` -> ``"persons"``."""
    return unit.split(" per ")[0].strip()


def fmt_value(x: float | None, unit: str = "") -> str:
    """A number as a reader would write it in ``unit``: ``$1.5M``, ``$60,000``, ``1,600``, ``0.625``,
    ``41.5 %``; ``None`` -> ``"open"``. Amounts of a currency other than USD get the ISO code after."""
    if x is None:
        return "open"
    base = base_unit(unit) if unit else ""
    ax = abs(x)
    if base == "USD" or (len(base) == 3 and base.isupper()):
        if ax >= 1_000_000:
            s = f"{x / 1e6:,.3f}".rstrip("0").rstrip(".") + "M"
        else:
            s = f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"
        return f"${s}" if base == "USD" else f"{s} {base}"
    if base == "percent":
        return f"{x:g} %"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4g}" if ax < 1000 else f"{x:,.1f}"


def _unit_label(unit: str) -> str:
    base = base_unit(unit)
    return {"persons": "people", "USD": "US dollars", "fraction": "fraction", "percent": "percent"}.get(base, base)


def _money_formatter(unit: str):
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: fmt_value(v, unit) if v >= 0 else "")


def worst(verdicts: Iterable[str]) -> str:
    """The most severe verdict of ``verdicts`` (inconsistent > tension > unverifiable > consistent);
    ``"not checked"`` for none."""
    return worst_verdict(verdicts) or "not checked"


def source_line(results: dict[str, Any], extra: str = "") -> str:
    """``Source: <publisher>, “<title>”, <d Mon YYYY>. <extra> Chart: numclaims.``"""
    src = results.get("source", {})
    when = ""
    if src.get("published"):
        d = dt.date.fromisoformat(src["published"])
        when = f", {d.day} {d.strftime('%b %Y')}"
    extra = f" {extra.strip()}" if extra else ""
    return f"Source: {src.get('publisher', '?')}, “{src.get('title', results.get('article', '?'))}”{when}.{extra} Chart: numclaims."


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_on_hyphens=False) or [""]


def _new_figure(height_in: float, title: str, subtitle: str, source: str):
    """A constrained-layout Figure of :data:`WIDTH_IN` x ``height_in`` with the title block on top and the
    source line at the bottom; the constrained layout places the axes added later between the two."""
    from matplotlib.figure import Figure

    t_lines = _wrap(title, 78)
    s_lines = _wrap(subtitle, 112) if subtitle else []
    src_lines = _wrap(source, 130)
    top_in = 0.18 + 0.25 * len(t_lines) + 0.19 * len(s_lines) + 0.12
    bottom_in = 0.12 + 0.16 * len(src_lines) + 0.08
    total = height_in + top_in + bottom_in
    fig = Figure(figsize=(WIDTH_IN, total), dpi=DPI, layout="constrained")
    y = 1 - 0.14 / total
    for line in t_lines:
        fig.text(0.012, y, line, ha="left", va="top", fontsize=12.5, fontweight="bold", color="#111111")
        y -= 0.25 / total
    for line in s_lines:
        fig.text(0.012, y, line, ha="left", va="top", fontsize=9.5, color="#444444")
        y -= 0.19 / total
    y = 0.10 / total + 0.16 * (len(src_lines) - 1) / total
    for line in src_lines:
        fig.text(0.012, y, line, ha="left", va="bottom", fontsize=8, color="#555555")
        y -= 0.16 / total
    fig.get_layout_engine().set(rect=(0.0, bottom_in / total, 1.0, height_in / total), w_pad=0.06, h_pad=0.06)
    return fig


def _hbar(ax, y: float, lo: float | None, hi: float | None, xmin: float, xmax: float, colour: str,
          height: float = 0.5, label: str | None = None, closed: Sequence[bool] = (True, True), alpha: float = 0.9):
    """One interval as a horizontal bar; an unbounded side runs to the axis edge and ends in an arrow."""
    left = xmin if lo is None else lo
    right = xmax if hi is None else hi
    ax.barh(y, right - left, left=left, height=height, color=colour, alpha=alpha, label=label,
            edgecolor=colour, linewidth=0.8)
    if hi is None:
        ax.annotate("", xy=(xmax, y), xytext=(xmax - (xmax - xmin) * 0.04, y),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=2, mutation_scale=14), annotation_clip=False)
    if lo is None:
        ax.annotate("", xy=(xmin, y), xytext=(xmin + (xmax - xmin) * 0.04, y),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=2, mutation_scale=14), annotation_clip=False)


def claim_index(results: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """``{claim id: claim dict}`` of a results dict."""
    return {c["id"]: c for c in results.get("claims", [])}


def claim_verdicts(results: dict[str, Any]) -> dict[str, str]:
    """``{claim id: worst verdict of the checks it takes part in}`` (``"not checked"`` for none)."""
    return {cid: w or "not checked" for cid, w in worst_by_claim(results).items()}


def attribution_chain(claim: dict[str, Any]) -> str:
    """``"Peruvian police → Associated Press (AP)"``: the chain from the original speaker to the outlet."""
    return " → ".join(a["who"] for a in claim.get("attribution", []))


def interval_text(lo: Any, hi: Any, unit: str = "", closed: Sequence[bool] = (True, True)) -> str:
    """``[1,500, 2,500]``, ``(4,500, +inf)``, ``2011-01-01 .. 2011-12-31`` for dates."""
    if isinstance(lo, str) or isinstance(hi, str):
        return f"{lo} .. {hi}"
    lc, hc = closed
    left = "-inf" if lo is None else fmt_value(lo, unit)
    right = "+inf" if hi is None else fmt_value(hi, unit)
    return f"{'[' if lc and lo is not None else '('}{left}, {right}{']' if hc and hi is not None else ')'}"


# ---------------------------------------------------------------------------------- 01: claims intervals


def claims_table_rows(results: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per claim for the claims table: ``id``, ``quote``, ``as written``, ``value`` (as text, see
    :func:`fmt_value`; empty for dates), ``unit``,
    ``interval`` (text), ``attribution`` (chain, speaker first) and ``verdict`` (worst of its checks)."""
    verdicts = claim_verdicts(results)
    rows = []
    for c in results.get("claims", []):
        lo, hi = c["interval"]
        rows.append({
            "id": c["id"],
            "quote": c["quote"],
            "as written": c["text"],
            "value": "" if c["value"] is None else fmt_value(c["value"], c["unit"]),
            "unit": c["unit"],
            "interval": interval_text(lo, hi, c["unit"], c.get("interval_closed", (True, True))),
            "attribution": attribution_chain(c),
            "verdict": verdicts[c["id"]],
        })
    return rows


def claims_chart_data(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows drawn by :func:`claims_chart`: every claim with a non-zero numeric value, its interval divided
    by that value (``low``/``high`` as multiples of the value as written, ``None`` = unbounded) and the
    worst verdict of its checks. Dates (no value) are left out.

    Example: "over 4,500" -> low 1.0, high None; "As many as 1,600" -> low 0.0, high 1.0.
    """
    verdicts = claim_verdicts(results)
    rows = []
    for c in results.get("claims", []):
        v = c.get("value")
        lo, hi = c["interval"]
        if not _finite(v) or v == 0 or isinstance(lo, str) or isinstance(hi, str):
            continue
        rows.append({
            "id": c["id"],
            "text": c["text"],
            "unit": c["unit"],
            "value": v,
            "low": None if lo is None else lo / v,
            "high": None if hi is None else hi / v,
            "closed": tuple(c.get("interval_closed", (True, True))),
            "verdict": verdicts[c["id"]],
        })
    return rows


def claims_chart(results: dict[str, Any]):
    """Every numeric claim's interval of true values as a multiple of its value as written (1 = the number
    as written), one row per claim in article order, coloured by the worst verdict of its checks.

    Args:
        results: a results.json dict.

    Returns:
        matplotlib.figure.Figure, 800 px wide.

    Raises:
        ValueError: when the article has no numeric claim to draw.
    """
    import matplotlib

    rows = claims_chart_data(results)
    if not rows:
        raise ValueError(f"article {results.get('article')!r} has no numeric claim to draw")
    n_bad = sum(r["verdict"] == "inconsistent" for r in rows)
    n = len(results.get("claims", []))
    if n_bad:
        bad = [f"“{r['text']}”" for r in rows if r["verdict"] == "inconsistent"]
        named = (": " + ", ".join(bad[:-1]) + " and " + bad[-1]) if 1 < len(bad) <= 4 else (
            f": {bad[0]}" if len(bad) == 1 else "")
        title = f"{n_bad} of the article's {n} numbers take part in an inconsistent check{named}"
    else:
        title = f"None of the article's {n} numbers takes part in an inconsistent check"
    subtitle = ("Each bar is the range of true values a number's wording allows (its rounding and qualifier: "
                "“as many as”, “over”), as a multiple of the number as written. Colour: worst verdict of the "
                "checks the number takes part in.")
    dates = [c["text"] for c in results.get("claims", []) if c["unit"] == "date"]
    extra = f"Dates not drawn: {', '.join(dates)}." if dates else ""
    xmax = 2.0
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(0.62 + 0.34 * len(rows), title, subtitle, source_line(results, extra))
        ax = fig.add_subplot()
        for i, r in enumerate(rows):
            y = len(rows) - 1 - i
            hi = r["high"] if r["high"] is None or r["high"] <= xmax else None
            _hbar(ax, y, r["low"], hi, 0.0, xmax, VERDICT_COLOURS[r["verdict"]], height=0.56)
            if r["low"] == r["high"]:  # exact: a point, drawn as a diamond so it is not lost
                ax.plot([1], [y], "D", color=VERDICT_COLOURS[r["verdict"]], ms=8, mec="#111111", mew=0.8, zorder=4)
            ax.plot([1, 1], [y - 0.3, y + 0.3], color="#111111", lw=1.4, solid_capstyle="butt")
            if r["high"] is None:
                ax.text(xmax * 0.955, y, "no upper limit", ha="right", va="center", fontsize=8, color="white",
                        fontweight="bold")
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels([f"“{r['text']}” ({_unit_label(r['unit'])})" for r in reversed(rows)])
        ax.set_ylim(-0.6, len(rows) - 0.4)
        ax.set_xlim(0, xmax)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2])
        ax.set_xticklabels(["0", "0.25×", "0.5×", "0.75×", "1×", "1.25×", "1.5×", "1.75×", "2×"])
        ax.set_xlabel("true value as a multiple of the number as written (1× = as written; ratio, no unit)")
        ax.xaxis.grid(True)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        from matplotlib.patches import Patch

        present = [v for v in ("consistent", "tension", "inconsistent", "unverifiable", "not checked")
                   if any(r["verdict"] == v for r in rows)]
        ax.legend(handles=[Patch(color=VERDICT_COLOURS[v], label=v) for v in present], ncols=len(present),
                  loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=8.5, handlelength=1.2,
                  columnspacing=1.2)
    return fig


# ---------------------------------------------------------------------------------- 02: consistency


_KIND_TITLES = {
    "rate_duration": "rate × duration against the stated total",
    "share_of_total": "percentage of a total: the part it implies",
    "fraction_of": "fraction of a whole against another figure",
    "part_whole": "a part must not exceed its whole",
    "agreement": "two estimates of one measure",
    "external": "claim against reference figures",
}


def _q(claims: dict[str, dict[str, Any]], cid: str) -> str:
    return f"“{claims[cid]['text']}”" if cid in claims else cid


def _sides(check: dict[str, Any], claims: dict[str, dict[str, Any]]) -> tuple[list[dict[str, Any]], str]:
    """The intervals a check compares, as ``[{label, low, high}]``, and the unit they are in."""
    d = check.get("details") or {}
    ids = check["claims"]
    kind = check["kind"]
    unit_of = lambda i: claims[ids[i]]["unit"] if len(ids) > i and ids[i] in claims else ""
    sides: list[dict[str, Any]] = []

    def add(label: str, iv: Any) -> None:
        if isinstance(iv, (list, tuple)) and len(iv) == 2 and all(x is None or _finite(x) for x in iv):
            sides.append({"label": label, "low": iv[0], "high": iv[1]})

    if kind == "rate_duration" and len(ids) >= 3:
        add(f"implied: {_q(claims, ids[0])} × {_q(claims, ids[1])}", d.get("implied"))
        add(f"stated: {_q(claims, ids[2])}", d.get("stated"))
        unit = unit_of(2)
    elif kind == "share_of_total" and len(ids) >= 2:
        add(f"implied part: {_q(claims, ids[0])} of {_q(claims, ids[1])}", d.get("implied"))
        unit = unit_of(1)
    elif kind == "fraction_of" and len(ids) >= 3:
        add(f"implied part: {_q(claims, ids[0])} of {_q(claims, ids[1])}", d.get("implied"))
        add(f"compared with {_q(claims, ids[2])}", d.get("compare"))
        unit = unit_of(2)
    elif kind == "part_whole" and len(ids) >= 2:
        add(f"part: {_q(claims, ids[0])}", d.get("part"))
        add(f"whole: {_q(claims, ids[1])}", d.get("whole"))
        unit = unit_of(1)
    elif kind == "agreement" and len(ids) >= 2:
        add(_q(claims, ids[0]), d.get("a"))
        add(_q(claims, ids[1]), d.get("b"))
        unit = unit_of(0)
    elif kind == "comparison" and len(ids) >= 2:
        add(_q(claims, ids[0]), d.get("a"))
        add(("times x " if d.get("implied") else "") + _q(claims, ids[1]), d.get("implied") or d.get("b"))
        unit = ((check.get("figures") or [{}])[0].get("unit")) or unit_of(0)
    else:
        for key in ("implied", "stated", "compare", "part", "whole", "a", "b", "reference"):
            add(key, d.get(key))
        unit = unit_of(len(ids) - 1) if ids else ""
    if not sides:  # no intervals in the details (e.g. unverifiable): draw the claims' own intervals
        units = {base_unit(claims[i]["unit"]) for i in ids if i in claims}
        if len(units) == 1:
            for i in ids:
                lo, hi = claims[i]["interval"]
                add(_q(claims, i), [lo, hi])
            unit = claims[ids[0]]["unit"]
    return sides, unit


def _relation(check: dict[str, Any]) -> str:
    """How the first two sides of a check are compared: ``"at_most"`` (first <= second: part/whole,
    ``fraction_of`` with ``le``, ``comparison`` with ``lt``/``le``), ``"at_least"`` (``comparison`` with
    ``gt``/``ge``) or ``"overlap"`` (the two must share a value)."""
    if check["kind"] == "part_whole":
        return "at_most"
    if check["kind"] == "comparison":  # a > b draws as "b at most a"; relation from the check's details
        rel = (check.get("details") or {}).get("relation")
        return {"lt": "at_most", "le": "at_most", "gt": "at_least", "ge": "at_least"}.get(rel, "overlap")
    if check["kind"] == "fraction_of":
        ex = check.get("explanation", "")
        if "must be at most" in ex:
            return "at_most"
        if "must be at least" in ex:
            return "at_least"
    return "overlap"


#: Check kinds that compare a claim with outside figures rather than with the article's other claims;
#: left out of the consistency chart (notebook 03 shows them).
EXTERNAL_KINDS = ("external",)


def checks_chart_data(results: dict[str, Any], exclude_kinds: Sequence[str] = EXTERNAL_KINDS) -> list[dict[str, Any]]:
    """One row per check between the article's own claims (kinds in ``exclude_kinds`` are left out) for
    :func:`checks_chart`: ``id``, ``kind``, ``verdict``, ``unit``, ``sides``
    (the intervals compared, each ``{label, low, high}`` with ``None`` = unbounded), ``relation``
    (``"overlap"``, ``"at_most"`` or ``"at_least"``, see :func:`_relation`), and for the first two sides:
    ``overlap`` (``[low, high]`` they share, ``None`` = none or one side; unbounded ends ``None``),
    ``gap`` (distance between them when they share nothing, else ``None``) and, for ``at_most``,
    ``excess`` (how far the first side's lowest value lies above the second's highest, ``None`` when not).

    Example (seed article): the agreement of "As many as 1,600" ([0, 1,600]) and "over 4,500"
    ((4,500, +inf)) has overlap None and gap 2,900.
    """
    claims = claim_index(results)
    rows = []
    for ch in results.get("checks", []):
        if ch["kind"] in exclude_kinds:
            continue
        sides, unit = _sides(ch, claims)
        overlap = gap = excess = None
        relation = _relation(ch)
        if len(sides) >= 2:
            a, b = sides[0], sides[1]
            lo = max(x for x in (a["low"], b["low"], -math.inf) if x is not None)
            hi = min(x for x in (a["high"], b["high"], math.inf) if x is not None)
            if lo <= hi:
                overlap = [None if lo == -math.inf else lo, None if hi == math.inf else hi]
            else:
                gap = lo - hi
            if relation == "at_most" and b["high"] is not None and a["low"] is not None and a["low"] > b["high"]:
                excess = a["low"] - b["high"]
        rows.append({"id": ch["id"], "kind": ch["kind"], "verdict": ch["verdict"], "unit": unit,
                     "sides": sides, "relation": relation, "overlap": overlap, "gap": gap, "excess": excess})
    return rows


def _short_reason(check: dict[str, Any]) -> str:
    """A few words on why an unverifiable check could not decide ("periods differ", "units differ")."""
    if check["verdict"] != "unverifiable":
        return ""
    ex = check.get("explanation", "").lower()
    if "period" in ex:
        return "periods differ"
    if "unit" in ex:
        return "units differ"
    return "cannot decide"


def checks_chart(results: dict[str, Any], exclude_kinds: Sequence[str] = EXTERNAL_KINDS):
    """One panel per check: the interval each side implies (open-ended sides drawn to the axis edge with an
    arrow), their overlap (hatched) or the gap between them, and the verdict. For "a part must not exceed
    its whole" checks a dashed line marks the highest value the part may take.

    Args:
        results: a results.json dict with ``checks`` (their ``details`` give the intervals).

    Returns:
        matplotlib.figure.Figure, 800 px wide, about 1.3 inches per check.

    Raises:
        ValueError: when the article has no checks.
    """
    import matplotlib

    rows = checks_chart_data(results, exclude_kinds)
    if not rows:
        raise ValueError(f"article {results.get('article')!r} has no checks to draw")
    by_id = {c["id"]: c for c in results["checks"]}
    n_inc = sum(r["verdict"] == "inconsistent" for r in rows)
    if n_inc:
        title = (f"{n_inc} of {len(rows)} checks between the article's own figures are inconsistent: no true "
                 "values satisfy them, so the figures cannot all be right")
    else:
        title = (f"None of the {len(rows)} checks between the article's own figures is inconsistent: they can "
                 "all be true together")
    counts = {v: sum(r["verdict"] == v for r in rows) for v in ("consistent", "tension", "inconsistent", "unverifiable")}
    subtitle = (f"Verdicts: {', '.join(f'{n} {v}' for v, n in counts.items() if n)}. Bars: the range of true values each side "
                "implies; hatched: values both sides share; dashed line: the most a part may be; "
                "arrows: no upper limit.")
    side_colours = [OKABE_ITO["blue"], OKABE_ITO["sky_blue"]]
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(1.3 * len(rows), title, subtitle, source_line(results))
        axes = fig.subplots(len(rows), 1, squeeze=False)[:, 0]
        for ax, r in zip(axes, rows):
            colour = VERDICT_COLOURS.get(r["verdict"], GREY)
            sides = r["sides"]
            finite = [x for s in sides for x in (s["low"], s["high"]) if _finite(x)]
            top = max(finite) if finite else 1.0
            xmax = top * 1.22 if top > 0 else 1.0
            xmin = min(0.0, min(finite)) if finite else 0.0
            ax.set_xlim(xmin, xmax)
            n = len(sides)
            ys = [1.0 * (n - 1 - j) for j in range(n)]
            if r["overlap"] is not None and r["relation"] == "overlap":
                olo = xmin if r["overlap"][0] is None else r["overlap"][0]
                ohi = xmax if r["overlap"][1] is None else r["overlap"][1]
                ax.fill_between([olo, ohi], -0.3, max(ys) + 0.3, facecolor="none", edgecolor="#666666",
                                hatch="///", linewidth=0, zorder=0)
            for j, s in enumerate(sides):
                _hbar(ax, ys[j], s["low"], s["high"], xmin, xmax, side_colours[j % 2], height=0.36, alpha=0.9)
                ax.text(xmin + (xmax - xmin) * 0.004, ys[j] + 0.22, s["label"], ha="left", va="bottom",
                        fontsize=8.5, zorder=6,
                        bbox=dict(boxstyle="square,pad=0.05", facecolor="white", edgecolor="none", alpha=0.85))
            if r["relation"] == "at_most" and n >= 2 and sides[1]["high"] is not None:
                limit = sides[1]["high"]
                ax.plot([limit, limit], [-0.35, max(ys) + 0.35], color="#222222", lw=1.2, ls="--", zorder=4)
                if r["excess"] is not None:
                    a_low = sides[0]["low"]
                    ax.annotate("", xy=(a_low, ys[0] - 0.5), xytext=(limit, ys[0] - 0.5),
                                arrowprops=dict(arrowstyle="<->", color=OKABE_ITO["vermillion"], lw=1.3))
                    ax.text((a_low + limit) / 2, ys[0] - 0.5, f" part exceeds it by at least "
                            f"{fmt_value(r['excess'], r['unit'])} ", ha="center", va="center", fontsize=8.5,
                            color=OKABE_ITO["vermillion"], zorder=6,
                            bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none"))
            elif r["relation"] == "overlap" and r["gap"] is not None and n >= 2:
                a, b = sides[0], sides[1]
                left_end = min(x for x in (a["high"], b["high"]) if x is not None)
                right_start = max(x for x in (a["low"], b["low"]) if x is not None)
                ax.annotate("", xy=(right_start, 0.5), xytext=(left_end, 0.5),
                            arrowprops=dict(arrowstyle="<->", color=OKABE_ITO["vermillion"], lw=1.3))
                ax.text((left_end + right_start) / 2, 0.5, f" no common value: gap {fmt_value(r['gap'], r['unit'])} ",
                        ha="center", va="center", fontsize=8.5, color=OKABE_ITO["vermillion"], zorder=6,
                        bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none"))
            ax.set_ylim(-0.4, max(ys or [0]) + 0.75)
            ax.set_yticks([])
            ax.spines["left"].set_visible(False)
            reason = _short_reason(by_id[r["id"]])
            head = f"{r['verdict'].upper()}  ·  {_KIND_TITLES.get(r['kind'], r['kind'])}"
            ax.set_title(head + (f" ({reason})" if reason else ""), loc="left", color=colour, fontsize=9.5, pad=3)
            ax.set_title(r["id"], loc="right", fontsize=8, color="#555555", fontweight="normal", pad=3)
            ax.xaxis.set_major_formatter(_money_formatter(r["unit"]))
            ax.set_xlabel(_unit_label(r["unit"]), fontsize=8.5, labelpad=1)
            ax.tick_params(axis="x", labelsize=8.5, pad=1.5)
            if not sides:
                ax.text(0.5, 0.5, "no intervals to compare", transform=ax.transAxes, ha="center", va="center")
    return fig


# ---------------------------------------------------------------------------------- 04: money


_MONTHS = {"month": 1.0, "months": 1.0, "year": 12.0, "years": 12.0, "week": 12 / 52.1775, "weeks": 12 / 52.1775,
           "day": 12 / 365.2425, "days": 12 / 365.2425}


def money_data(results: dict[str, Any], check_id: str | None = None,
               reference: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The numbers behind :func:`money_chart` for one ``rate_duration`` check (default: the first one).

    Args:
        results: a results.json dict; check_id: the check (default: the first ``rate_duration``);
        reference: ``{row id: row}`` reference rows (optional): an evidence row of the rate claim that
            accumulates ``over`` a period (``period_kind``) adds the reading "rate x that period".

    Returns a dict: ``check`` (id), ``verdict``, ``currency``; ``rate`` (value per month) with
    ``rate_band`` ([low, high] per month); ``duration_months`` (as written) with ``duration_band``
    (months); ``stated`` (the total as written) with ``stated_band``; ``readings``: list of
    ``{months, total, label, source}`` sorted by months: the duration as written, and the period of
    each such reference row; each total = rate x months; ``texts`` the three claims' words. All amounts
    in ``currency``, durations in months.

    Example (seed, with the reference table): 60,000 x 36 = 2,160,000 (as written) and 60,000 x 24 =
    1,440,000 (the AP Spanish wire's Nov 2011-Oct 2013) against $2 million ([1.5M, 2.5M]).

    Raises:
        LookupError: when there is no such ``rate_duration`` check.
        ValueError: when the rate is not per day/week/month/year or the duration not in days..years.
    """
    checks = [c for c in results.get("checks", []) if c["kind"] == "rate_duration"
              and (check_id is None or c["id"] == check_id)]
    if not checks:
        raise LookupError(f"no rate_duration check{' ' + repr(check_id) if check_id else ''} in "
                          f"article {results.get('article')!r}")
    ch = checks[0]
    claims = claim_index(results)
    rate, dur, total = (claims[i] for i in ch["claims"][:3])
    cur, _, per = rate["unit"].partition(" per ")
    if per.strip() not in _MONTHS or dur["unit"] not in _MONTHS:
        raise ValueError(f"check {ch['id']!r}: rate unit {rate['unit']!r} or duration unit {dur['unit']!r} "
                         "cannot be put in months")
    to_rate = 1.0 / _MONTHS[per.strip()]  # value per <per> -> per month
    to_m = _MONTHS[dur["unit"]]
    d = ch.get("details") or {}
    dur_band = d.get("duration_converted") if d.get("duration_unit") == "months" else None
    if dur_band is None:
        dur_band = [x * to_m for x in dur["interval"]]
    months = dur["value"] * to_m
    readings = [{"months": months, "total": rate["value"] * to_rate * months,
                 "label": f"{dur['value']:g} {dur['unit']} (as written)", "source": "the article"}]
    for rid in rate.get("evidence", []):
        row = (reference or {}).get(rid)
        if not row or (row.get("period_kind") or "").strip() != "over":
            continue
        mo = months_spanned(row.get("period_start"), row.get("period_end"))
        if mo is None or any(abs(mo - r["months"]) < 1e-9 for r in readings):
            continue
        readings.append({"months": mo, "total": rate["value"] * to_rate * mo,
                         "label": f"{mo:g} months ({period_text(row.get('period_start'), row.get('period_end'))})",
                         "source": row.get("publisher") or rid})
    readings.sort(key=lambda r: r["months"])
    return {
        "check": ch["id"], "verdict": ch["verdict"], "currency": cur.strip(),
        "rate": rate["value"] * to_rate, "rate_band": [x * to_rate for x in rate["interval"]],
        "duration_months": months, "duration_band": list(dur_band),
        "stated": total["value"], "stated_band": list(total["interval"]),
        "readings": readings,
        "texts": {"rate": rate["text"], "duration": dur["text"], "total": total["text"]},
    }


def money_chart(results: dict[str, Any], check_id: str | None = None,
                reference: dict[str, dict[str, Any]] | None = None):
    """Cumulative earnings at the stated rate, month by month, against the stated total: the rate's
    rounding band (a fan), the total's rounding band (horizontal), the duration's band (vertical) and the
    totals at the readings of :func:`money_data`.

    Returns:
        matplotlib.figure.Figure, 800 px wide.

    Raises:
        LookupError, ValueError: as :func:`money_data`.
    """
    import matplotlib

    m = money_data(results, check_id, reference)
    cur = m["currency"]
    unit = cur
    asw = next(r for r in m["readings"] if r["source"] == "the article")
    alts = [r for r in m["readings"] if r is not asw]
    lo_s, hi_s = m["stated_band"]
    inside = lambda x: lo_s <= x <= hi_s
    words = f"{m['texts']['rate']} {m['texts']['duration']}"
    title = (f"{words} is {fmt_value(asw['total'], unit)}: "
             f"{'within' if inside(asw['total']) else 'outside'} the rounding range of the "
             f"“{m['texts']['total']}” fortune")
    for alt in alts[:1]:
        title += (f"; over the {alt['label'].split(' (')[0]} of the rate's source it would be "
                  f"{fmt_value(alt['total'], unit)}, "
                  f"{'also within it' if inside(alt['total']) else 'below it' if alt['total'] < lo_s else 'above it'}")
    subtitle = (f"Cumulative earnings at {m['texts']['rate']} (band: {fmt_value(m['rate_band'][0], unit)}–"
                f"{fmt_value(m['rate_band'][1], unit)} a month, the rounding of the figure); horizontal band: "
                f"“{m['texts']['total']}” read as {fmt_value(lo_s, unit)}–{fmt_value(hi_s, unit)}; vertical band: "
                f"“{m['texts']['duration']}” read as {m['duration_band'][0]:g}–{m['duration_band'][1]:g} months. "
                f"Verdict of the check: {m['verdict']}."
                + "".join(f" {a['label']}: period of the rate in {a['source']}." for a in alts))
    xmax = max(m["duration_band"][1], *(r["months"] for r in m["readings"])) * 1.15
    with matplotlib.rc_context(STYLE):
        extra = " ".join(f"{a['label'].split(' (')[0]}: {a['source']}." for a in alts)
        fig = _new_figure(3.9, title, subtitle, source_line(results, extra))
        ax = fig.add_subplot()
        ax.axhspan(lo_s, hi_s, color=OKABE_ITO["orange"], alpha=0.22, lw=0)
        ax.axhline(m["stated"], color=OKABE_ITO["orange"], lw=1.5, ls="--")
        ax.text(xmax * 0.005, hi_s, f" stated: “{m['texts']['total']}” (dashed line); its rounding range "
                f"{fmt_value(lo_s, unit)}–{fmt_value(hi_s, unit)} (band)", va="bottom", ha="left", fontsize=8.5,
                color="#7A5200")
        ax.axvspan(*m["duration_band"], color=OKABE_ITO["sky_blue"], alpha=0.22, lw=0)
        ax.text(sum(m["duration_band"]) / 2, 0.015, f"“{m['texts']['duration']}”\n"
                f"{m['duration_band'][0]:g}–{m['duration_band'][1]:g} months", transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", fontsize=8, color="#1F5F80")
        xs = [0.0, xmax]
        ax.fill_between(xs, [0, m["rate_band"][0] * xmax], [0, m["rate_band"][1] * xmax],
                        color=OKABE_ITO["blue"], alpha=0.18, lw=0)
        ax.plot(xs, [0, m["rate"] * xmax], color=OKABE_ITO["blue"], lw=2)
        ax.text(xmax * 0.97, m["rate"] * xmax * 0.97, f"{m['texts']['rate']} ",
                ha="right", va="bottom", fontsize=8.5, color=OKABE_ITO["blue"], rotation=0)
        for rd in m["readings"]:
            col = OKABE_ITO["bluish_green"] if inside(rd["total"]) else OKABE_ITO["vermillion"]
            ax.plot([rd["months"]], [rd["total"]], "o", color=col, ms=7, zorder=5, mec="white", mew=1)
            ax.annotate(f"{rd['label']}:\n{fmt_value(m['rate'], unit)} × {rd['months']:g} = "
                        f"{fmt_value(rd['total'], unit)}",
                        xy=(rd["months"], rd["total"]), xytext=(8, -4), textcoords="offset points",
                        ha="left", va="top", fontsize=8.5, color="#222222",
                        bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor="none", alpha=0.9))
        ax.set_xlim(0, xmax)
        ax.set_ylim(0, max(m["rate_band"][1] * xmax, hi_s) * 1.05)
        ax.set_xlabel("months of earnings")
        ax.set_ylabel(f"cumulative earnings ({_unit_label(cur)})")
        ax.yaxis.set_major_formatter(_money_formatter(unit))
        ax.xaxis.set_major_locator(matplotlib.ticker.MultipleLocator(6))
        ax.grid(True, axis="y")
        ax.set_axisbelow(True)
    return fig


# ---------------------------------------------------------------------------------- 03: cross-source


def _num(x: Any) -> float | None:
    """A CSV cell as a float: ``""``/``None``/NaN -> ``None``."""
    if x is None:
        return None
    if isinstance(x, (int, float)):
        return None if isinstance(x, float) and math.isnan(x) else float(x)
    x = str(x).strip().replace(",", "")
    return float(x) if x else None


_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _when(iso: Any) -> str:
    """``"2011-10"`` -> ``"Oct 2011"``; ``"2011-09-30"`` -> ``"30 Sep 2011"``; ``"2012"`` -> ``"2012"``."""
    s = "" if iso is None else str(iso).strip()
    parts = s.split("-")
    if len(parts) == 3 and all(p.isdigit() for p in parts):
        return f"{int(parts[2])} {_MONTH_ABBR[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2 and all(p.isdigit() for p in parts):
        return f"{_MONTH_ABBR[int(parts[1]) - 1]} {parts[0]}"
    return s


def period_text(start: Any, end: Any) -> str:
    """A period for a label: ``"Oct 2011"``, ``"Jun 2011–Jun 2013"``, ``"undated"`` when both are empty."""
    a, b = _when(start), _when(end)
    if not a and not b:
        return "undated"
    if a == b or not b:
        return a
    if not a:
        return b
    return f"{a}–{b}"


def months_spanned(start: Any, end: Any) -> float | None:
    """Months covered by a period given at ISO precision ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, both ends
    included: ``("2011-11", "2013-10")`` -> 24; ``("2010", "2010")`` -> 12; ``None`` if either is empty.
    Day precision counts days / (365.2425 / 12)."""
    if not start or not end:
        return None
    s, e = str(start).strip().split("-"), str(end).strip().split("-")
    if len(s) == 3 and len(e) == 3:
        days = (dt.date(*map(int, e)) - dt.date(*map(int, s))).days + 1
        return days / (365.2425 / 12)
    sy, sm = int(s[0]), int(s[1]) if len(s) > 1 else 1
    ey, em = int(e[0]), int(e[1]) if len(e) > 1 else 12
    return float((ey - sy) * 12 + (em - sm) + 1)


def reference_interval(row: dict[str, Any]) -> tuple[float | None, float | None]:
    """The interval of true values of a reference row: its ``interval`` when the loader gave one, else read
    like a claim (:func:`numclaims.rules.interval_for`
    with its ``value``, ``qualifier``, ``unit``; a ``range`` uses ``value_low``/``value_high``): ``about
    1,200`` -> (1,080, 1,320); ``at least 1,500`` -> (1,500, None); ``up to 1,600`` -> (0, 1,600).

    Raises:
        ValueError: when the row has neither a value nor both range ends, or an unknown qualifier.
    """
    if isinstance(row.get("interval"), (list, tuple)) and len(row["interval"]) == 2:  # computed by the loader
        return tuple(_num(x) for x in row["interval"])  # type: ignore[return-value]
    v, lo, hi = _num(row.get("value")), _num(row.get("value_low")), _num(row.get("value_high"))
    q = (row.get("qualifier") or "exact").strip()
    unit = base_unit(row.get("unit") or "count")
    if q == "range" or v is None:
        if lo is None or hi is None:
            if v is None:
                raise ValueError(f"reference row {row.get('id')!r} has no value and no range")
        else:
            iv = interval_for(lo, "range", unit=unit, low=lo, high=hi)
            return iv.low, iv.high
    iv = interval_for(v, q, unit=unit)
    return iv.low, iv.high


def _stated(row: dict[str, Any]) -> list[float]:
    v, lo, hi = _num(row.get("value")), _num(row.get("value_low")), _num(row.get("value_high"))
    if v is not None:
        return [v]
    return [x for x in (lo, hi) if x is not None]


def _claim_group(claim: dict[str, Any], reference: dict[str, dict[str, Any]],
                 checked: dict[str, str] | None = None) -> str | None:
    """The measure a claim is drawn with: the one its external check compared it on (``checked``,
    ``{claim id: measure_id}`` from the checks' ``details``), else :func:`numclaims.evidence.measure_of`
    of the rows its ``evidence`` cites (the rule the external check applies)."""
    if checked and claim["id"] in checked:
        return checked[claim["id"]]
    return measure_of([reference[e] for e in claim.get("evidence", []) if e in reference])


def cross_source_data(results: dict[str, Any], reference: dict[str, dict[str, Any]],
                      measures: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Groups of estimates of one measure for :func:`cross_source_chart`.

    A claim joins the measure its external check compared it on (``details.measure_id``; a claim with no
    external check: :func:`numclaims.evidence.measure_of` of its ``evidence`` rows, the same rule); a group
    holds the article's claims of that measure and every reference row with that ``measure_id``. Without ``measures`` only groups where
    some two estimates share no value (disjoint intervals) are kept: where the sources disagree.

    Args:
        results: a results.json dict; reference: ``{row id: row}`` as from
            :func:`numclaims.evidence.load_reference` (CSV columns; numbers as numbers or strings);
        measures: measure ids to draw, in this order (default: the disagreeing groups, in article order).

    Returns:
        ``[{measure, place, what, rows, others_low, others_high, outlier, factor}]``. Each row is ``{kind:
        "article"|"reference", id, label (figure as written), who, period, what, stated (figures as
        written), low, high (interval, None = unbounded)}``. ``outlier`` is the id of the article's claim
        farthest from the other estimates (``None`` if none lies outside them), ``factor`` how many times
        the highest (or lowest) stated figure of the others its nearest bound is, and
        ``others_low``/``others_high`` the span of the other estimates' stated figures.

    Example (seed): Madre de Dios: "over 4,500" vs the others' stated figures 1,100..1,600 -> factor
    4,500 / 1,600 = 2.8125.
    """
    claims = results.get("claims", [])
    ext_claim: dict[str, list[str]] = {}
    ext_row: dict[str, list[str]] = {}
    checked: dict[str, str] = {}  # claim id -> the measure its (first) external check compared it on
    for ch in results.get("checks", []):
        if ch["kind"] not in EXTERNAL_KINDS:
            continue
        for cid in ch["claims"]:
            ext_claim.setdefault(cid, []).append(ch["verdict"])
            if (ch.get("details") or {}).get("measure_id"):
                checked.setdefault(cid, ch["details"]["measure_id"])
        for rr in (ch.get("details") or {}).get("rows", []):
            if rr.get("id") and rr.get("verdict"):
                ext_row.setdefault(rr["id"], []).append(rr["verdict"])
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        g = _claim_group(c, reference, checked)
        if g is None or (measures is not None and g not in measures):
            continue
        lo, hi = c["interval"]
        groups.setdefault(g, []).append({
            "kind": "article", "id": c["id"], "label": c["text"], "unit": c["unit"],
            "who": f"this article ({_when(results.get('source', {}).get('published'))}), citing "
                   f"{attribution_chain(c)}",
            "period": period_text(*(c.get("period") or [None, None])) if c.get("period") else "period not stated",
            "what": c["measure"]["what"], "where": c["measure"].get("where") or "",
            "stated": [c["value"]] if c.get("value") is not None else [], "low": lo, "high": hi,
            "verdict": worst(ext_claim.get(c["id"], [])),
        })
    for rid, row in reference.items():
        g = row.get("measure_id")
        if g not in groups:
            continue
        lo, hi = reference_interval(row)
        stated = _stated(row)
        as_written = (row.get("qualifier_as_written") or row.get("qualifier") or "").strip()
        fig = " to ".join(fmt_value(x, row.get("unit") or "") for x in stated)
        if as_written and as_written not in ("exact", "range"):
            fig = f"{as_written} {fig}"
        elif as_written == "range":
            fig = "–".join(fmt_value(x, row.get("unit") or "") for x in stated)
        groups[g].append({
            "kind": "reference", "id": rid, "label": fig, "unit": row.get("unit") or "",
            "who": (row.get("publisher") or "?") + (f", {_when(row.get('published'))}" if row.get("published") else ", undated"),
            "period": period_text(row.get("period_start"), row.get("period_end")),
            "what": row.get("measure") or "", "where": row.get("place") or "",
            "stated": stated, "low": lo, "high": hi,
            "verdict": worst(ext_row.get(rid, [])),
        })
    order = list(measures) if measures is not None else list(groups)
    out = []
    for g in order:
        rows = groups.get(g)
        if not rows:
            continue
        disjoint = any(_disjoint(a, b) for i, a in enumerate(rows) for b in rows[i + 1:])
        if measures is None and not disjoint:
            continue
        art = [r for r in rows if r["kind"] == "article"]
        best = (None, 1.0, None, None)
        for r in art:
            others = [x for o in rows if o is not r for x in o["stated"]]
            if not others:
                continue
            o_lo, o_hi = min(others), max(others)
            f = 1.0
            if r["low"] is not None and r["low"] > o_hi and o_hi > 0:
                f = r["low"] / o_hi
            elif r["high"] is not None and r["high"] < o_lo and r["high"] > 0:
                f = o_lo / r["high"]
            if f > best[1]:
                best = (r["id"], f, o_lo, o_hi)
        first = art[0] if art else rows[0]
        o_lo, o_hi = best[2], best[3]
        if best[0] is None and art:
            others = [x for o in rows if o is not art[0] for x in o["stated"]]
            o_lo, o_hi = (min(others), max(others)) if others else (None, None)
        out.append({
            "measure": g, "place": first["where"], "what": " / ".join(dict.fromkeys(r["what"] for r in art)),
            "rows": rows, "outlier": best[0], "factor": best[1] if best[0] else None,
            "others_low": o_lo, "others_high": o_hi,
        })
    return out


def _disjoint(a: dict[str, Any], b: dict[str, Any]) -> bool:
    lo = max(x for x in (a["low"], b["low"], -math.inf) if x is not None)
    hi = min(x for x in (a["high"], b["high"], math.inf) if x is not None)
    return lo > hi


def cross_source_chart(results: dict[str, Any], reference: dict[str, dict[str, Any]],
                       measures: Sequence[str] | None = None):
    """Every estimate of each measure in :func:`cross_source_data` on one axis, grouped by measure: a dot
    at each figure as written, a light bar over the values its wording allows, dotted arrows for "over"
    and "at least" (no upper limit), a grey band over the span of the other estimates and the article's
    outlier in vermillion. Each row is labelled with its figure, publisher, date and period.

    Returns:
        matplotlib.figure.Figure, 800 px wide.

    Raises:
        ValueError: when no group has estimates to compare (no claim with reference rows).
    """
    import matplotlib
    from matplotlib.lines import Line2D

    groups = cross_source_data(results, reference, measures)
    if not groups:
        raise ValueError(f"article {results.get('article')!r}: no claim shares a measure with reference rows "
                         "that disagree with it")
    unit = groups[0]["rows"][0]["unit"]
    main = max(groups, key=lambda g: g["factor"] or 0)
    if main["outlier"]:
        out_row = next(r for r in main["rows"] if r["id"] == main["outlier"])
        place = (main["place"] or "").split(",")[0]
        which = "highest" if out_row["low"] is not None and out_row["low"] >= main["others_high"] else "lowest"
        title = (f"{place}: the article's “{out_row['label']}” is at least {main['factor']:.1f} times the {which} "
                 f"of the other estimates ({fmt_value(main['others_low'], unit)}–{fmt_value(main['others_high'], unit)})")
    else:
        title = "The article's figures lie within the range of the other sources' estimates"
    places = "; ".join(f"{g['what']} in {g['place']}" for g in groups)
    subtitle = (f"Every estimate of: {places}. Dots: figures as written; bars: the values their wording "
                "allows; dotted arrows: “over” or “at least”, no upper limit; grey band: span of the other "
                "estimates.")
    finite = [x for g in groups for r in g["rows"] for x in (*r["stated"], r["low"], r["high"]) if _finite(x)]
    xmax = max(finite) * 1.25
    n_rows = sum(len(g["rows"]) for g in groups)
    row_h, head_h = 0.5, 0.55
    height = n_rows * row_h + len(groups) * head_h + 0.35
    src_line = source_line(results, "Other estimates: the publishers named in each label (project reference table).")
    outlier_colour, article_colour, ref_colour = OKABE_ITO["vermillion"], OKABE_ITO["orange"], OKABE_ITO["blue"]
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(height, title, subtitle, src_line)
        ax = fig.add_subplot()
        y = 0.0
        for g in groups:
            y -= head_h / row_h * 0.8
            ax.text(0, y + 0.05, f"{g['place']}: {g['what']}", ha="left", va="bottom", fontsize=9.5,
                    fontweight="bold", color="#111111").set_in_layout(False)
            top = y
            for r in g["rows"]:
                y -= 1.0
                col = (outlier_colour if r["id"] == g["outlier"] else article_colour) if r["kind"] == "article" \
                    else ref_colour
                lo = 0.0 if r["low"] is None else r["low"]
                hi = r["high"]
                right = xmax if hi is None else hi
                ax.barh(y, right - lo if hi is not None else 0, left=lo, height=0.26, color=col, alpha=0.3, lw=0)
                if hi is None:
                    ax.plot([lo, xmax * 0.985], [y, y], color=col, lw=1.6, ls=(0, (1.5, 1.5)))
                    ax.annotate("", xy=(xmax, y), xytext=(xmax * 0.97, y),
                                arrowprops=dict(arrowstyle="-|>", color=col, lw=1.4, mutation_scale=12),
                                annotation_clip=False)
                for x in r["stated"]:
                    ax.plot([x], [y], "o", color=col, ms=7, mec="white", mew=0.8, zorder=5)
                t = ax.text(0, y + 0.2, r["label"], ha="left", va="bottom", fontsize=9, fontweight="bold",
                            color=col if r["kind"] == "article" else "#0B3C5D")
                t.set_in_layout(False)
                when = r["period"] if r["period"] == "period not stated" else f"figure for {r['period']}"
                rest = f"  {r['who']} · {when} · {r['what']}"
                room = int((770 - 7.2 * len(r["label"])) / 5.8)  # characters that fit in 800 px at 8 pt
                if len(rest) > room:
                    rest = rest[: room - 1].rstrip() + "…"
                a = ax.annotate(rest, xy=(1, 0), xycoords=t, ha="left", va="bottom", fontsize=8, color="#333333")
                a.set_in_layout(False)
            bottom = y - 0.4
            if g["others_low"] is not None:
                ax.fill_between([g["others_low"], g["others_high"]], bottom, top - 0.1, color="#000000",
                                alpha=0.07, lw=0, zorder=0)
            if g["outlier"]:
                r = next(r for r in g["rows"] if r["id"] == g["outlier"])
                yy = -([x["id"] for x in g["rows"]].index(r["id"]) + 1) + top
                x0 = g["others_high"] if r["low"] is not None and r["low"] > g["others_high"] else g["others_low"]
                x1 = r["low"] if x0 == g["others_high"] else r["high"]
                ax.annotate("", xy=(x1, yy), xytext=(x0, yy),
                            arrowprops=dict(arrowstyle="<->", color=outlier_colour, lw=1.2))
                ax.text((x0 + x1) / 2, yy - 0.1, f"at least {g['factor']:.1f}× the {'highest' if x0 == g['others_high'] else 'lowest'} other estimate", ha="center", va="top", fontsize=8.5,
                        color=outlier_colour, fontweight="bold")
            y -= 0.3
        ax.set_ylim(y, 0.1)
        ax.set_xlim(0, xmax)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.xaxis.set_major_formatter(_money_formatter(unit))
        ax.set_xlabel(f"estimate ({_unit_label(unit)})")
        ax.xaxis.grid(True)
        ax.set_axisbelow(True)
        handles = [Line2D([], [], marker="o", ls="", color=outlier_colour, label="this article: the outlier"),
                   Line2D([], [], marker="o", ls="", color=article_colour, label="this article"),
                   Line2D([], [], marker="o", ls="", color=ref_colour, label="other sources")]
        ax.legend(handles=handles, ncols=3, loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=8.5)
    return fig


# ---------------------------------------------------------------------------------- saving


def render(fig) -> dict[str, bytes]:
    """The figure as ``{"svg": bytes, "png": bytes}`` with fixed metadata (no date, no software version)
    and the SVG hash salt of :data:`STYLE`, so equal figures give equal bytes."""
    import matplotlib

    out = {}
    with matplotlib.rc_context(STYLE):
        if fig.get_layout_engine() is not None and fig.get_layout_engine().adjust_compatible is not None:
            fig.draw_without_rendering()  # run the constrained layout once, then freeze it for both formats
            fig.set_layout_engine("none")
        for fmt, meta in (("svg", SVG_METADATA), ("png", PNG_METADATA)):
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt, dpi=DPI, metadata=meta)
            out[fmt] = buf.getvalue()
    return out


def save(fig, directory: Path, stem: str) -> dict[str, Path]:
    """Write ``directory/<stem>.svg`` and ``.png`` (see :func:`render`) atomically, leaving a file that
    already has the same bytes untouched. Returns ``{"svg": path, "png": path}``."""
    paths = {}
    for fmt, data in render(fig).items():
        p = Path(directory) / f"{stem}.{fmt}"
        if not (p.is_file() and p.read_bytes() == data):
            write_atomic(p, data)
        paths[fmt] = p
    return paths
