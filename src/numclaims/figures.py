"""Publication charts of an article's results: one function per notebook question, each taking the
typed results (:class:`numclaims.resultmodel.Results`) and returning a :class:`matplotlib.figure.Figure`.

Every chart has a title that states the finding, labelled axes with units, a source line under it and
colours from the Okabe-Ito palette chosen so that every pair of categories stays apart under deuteranopia,
protanopia and tritanopia (tested with a colour-vision simulation, ``tests/test_chart_quality.py``), with a
second cue for every category (hatch, marker or label). It is 6.4 inches wide, so 640 px at the 100 dpi
it is saved at, with text of at least 9 pt so that it stays legible on a phone; SVG text is kept as text
(``svg.fonttype: none``): searchable, selectable, read aloud.

Each chart carries its alt text (:data:`ALT_ATTR`: what it shows and its main finding, written into the
SVG as ``<desc>``, with the title as ``<title>``) and its data rows (:data:`ROWS_ATTR`), which
:func:`save` writes beside the figure as ``<stem>.csv``, as data desks do.

Figures are built on :class:`matplotlib.figure.Figure` directly (no pyplot: nothing is registered with a
GUI or inline backend, nothing leaks), inside ``matplotlib.rc_context(STYLE)`` so that the global rcParams
of the caller cannot change them. :func:`render` writes SVG and PNG bytes with fixed metadata and a fixed
SVG hash salt, so that the same figure always gives the same bytes (with the same matplotlib and
FreeType). matplotlib is imported inside the functions: ``import numclaims.figures`` stays cheap.

Each ``*_data`` function returns the plain rows a chart draws (lists of dicts, no pandas), so notebooks
can show the numbers behind a chart and tests can check them without reading pixels.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import math
import textwrap
from pathlib import Path
from typing import Any, Iterable, Sequence
from xml.sax.saxutils import escape

from .atomic import write_atomic
from .checks import KINDS
from .checks.external import OUTLIER_FACTOR
from .checks.registry import Chart
from .explain import amount, explain, reason_words
from .reference_rows import measure_of
from .resultmodel import CheckEntry, ClaimResult, Results
from .rules import interval_for
from .verdicts import worst as worst_verdict
from .verdicts import worst_by_claim
from .vocabulary import DAYS_PER, months_in

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

#: Colour of each verdict (and of claims that take part in no check): the five Okabe-Ito colours whose
#: smallest pairwise CAM02-UCS distance under deuteranopia, protanopia and tritanopia is largest among the
#: palette's blues, vermillion, yellow and grey (22.4; bluish green, orange, reddish purple and grey, the
#: earlier choice, fell to 6.8: "consistent", "unverifiable" and "not checked" became one grey).
VERDICT_COLOURS = {
    "consistent": OKABE_ITO["blue"],
    "tension": OKABE_ITO["yellow"],
    "inconsistent": OKABE_ITO["vermillion"],
    "unverifiable": OKABE_ITO["sky_blue"],
    "not checked": GREY,
}

#: The second cue of each verdict on bars (matplotlib hatch), so no category rests on colour alone.
VERDICT_HATCHES = {"consistent": "", "tension": "///", "inconsistent": "xx", "unverifiable": "\\\\\\",
                   "not checked": "--"}

#: Attribute of a Figure holding its alt text (str) and the rows of its data (list of dicts) for the CSV.
ALT_ATTR = "numclaims_alt"
ROWS_ATTR = "numclaims_rows"

#: Smallest font size (points) of any text in a chart.
MIN_FONT = 9

#: Width of every figure in inches; at :data:`DPI` this is 640 px.
WIDTH_IN = 6.4
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
    "hatch.linewidth": 0.8,
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
    "svg.fonttype": "none",
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


def source_line(results: Results, extra: str = "") -> str:
    """``Source: <publisher>, “<title>”, <d Mon YYYY>. <extra> Chart: numclaims.``"""
    src = results.source
    when = ""
    if src.published:
        d = dt.date.fromisoformat(src.published)
        when = f", {d.day} {d.strftime('%b %Y')}"
    extra = f" {extra.strip()}" if extra else ""
    return f"Source: {src.publisher}, “{src.title}”{when}.{extra} Chart: numclaims."


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=width, break_on_hyphens=False) or [""]


def text_width_px(text: str, size: float, bold: bool = False) -> float:
    """Width in pixels (at :data:`DPI`) of ``text`` set in DejaVu Sans at ``size`` points, as the Agg
    renderer draws it (hinted glyphs, the widest of matplotlib's measures; a browser drawing the SVG text
    with the same font takes a little less)."""
    from matplotlib.font_manager import FontProperties

    prop = FontProperties(family="DejaVu Sans", size=size, weight="bold" if bold else "normal")
    w, _h, _d = _renderer().get_text_width_height_descent(text, prop, ismath=False)
    return float(w)


@functools.lru_cache(maxsize=1)
def _renderer():
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(int(WIDTH_IN * DPI), 100, DPI)


def wrap_px(text: str, size: float, max_px: float, bold: bool = False) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``max_px`` (a single word wider than that gets a
    line of its own: never cut, never "…")."""
    words = text.split()
    lines: list[str] = []
    cur = ""
    for w in words:
        trial = f"{cur} {w}" if cur else w
        if cur and text_width_px(trial, size, bold) > max_px:
            lines.append(cur)
            cur = w
        else:
            cur = trial
    if cur or not lines:
        lines.append(cur)
    return lines


#: Usable width of a text line in a chart, in pixels: the figure width less the margins and a slack of
#: about 4 % for a browser that sets the SVG text a little wider than matplotlib measures it.
LINE_PX = WIDTH_IN * DPI - 48


def _new_figure(height_in: float, title: str, subtitle: str, source: str):
    """A constrained-layout Figure of :data:`WIDTH_IN` x ``height_in`` with the title block on top and the
    source line at the bottom; the constrained layout places the axes added later between the two."""
    from matplotlib.figure import Figure

    t_lines = wrap_px(title, 12.5, LINE_PX, bold=True)
    s_lines = wrap_px(subtitle, 9.5, LINE_PX) if subtitle else []
    src_lines = wrap_px(source, MIN_FONT, LINE_PX)
    top_in = 0.18 + 0.25 * len(t_lines) + 0.19 * len(s_lines) + 0.12
    bottom_in = 0.12 + 0.17 * len(src_lines) + 0.08
    total = height_in + top_in + bottom_in
    fig = Figure(figsize=(WIDTH_IN, total), dpi=DPI, layout="constrained")
    y = 1 - 0.14 / total
    for line in t_lines:
        fig.text(0.012, y, line, ha="left", va="top", fontsize=12.5, fontweight="bold", color="#111111")
        y -= 0.25 / total
    for line in s_lines:
        fig.text(0.012, y, line, ha="left", va="top", fontsize=9.5, color="#444444")
        y -= 0.19 / total
    y = 0.10 / total + 0.17 * (len(src_lines) - 1) / total
    for line in src_lines:
        fig.text(0.012, y, line, ha="left", va="bottom", fontsize=MIN_FONT, color="#555555")
        y -= 0.17 / total
    fig.get_layout_engine().set(rect=(0.0, bottom_in / total, 1.0, height_in / total), w_pad=0.06, h_pad=0.06)
    return fig


def _hbar(ax, y: float, lo: float | None, hi: float | None, xmin: float, xmax: float, colour: str,
          height: float = 0.5, label: str | None = None, closed: Sequence[bool] = (True, True), alpha: float = 0.9,
          hatch: str = "", edge: str | None = None):
    """One interval as a horizontal bar (``hatch``: its second cue, drawn in ``edge``); an unbounded side
    runs to the axis edge and ends in an arrow."""
    left = xmin if lo is None else lo
    right = xmax if hi is None else hi
    ax.barh(y, right - left, left=left, height=height, color=colour, alpha=alpha, label=label,
            edgecolor=edge or colour, linewidth=0.8, hatch=hatch or None)
    if hi is None:
        ax.annotate("", xy=(xmax, y), xytext=(xmax - (xmax - xmin) * 0.04, y),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=2, mutation_scale=14), annotation_clip=False)
    if lo is None:
        ax.annotate("", xy=(xmin, y), xytext=(xmin + (xmax - xmin) * 0.04, y),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=2, mutation_scale=14), annotation_clip=False)


def claim_index(results: Results) -> dict[str, ClaimResult]:
    """``{claim id: claim}`` of typed results."""
    return {c.id: c for c in results.claims}


def claim_verdicts(results: Results) -> dict[str, str]:
    """``{claim id: worst verdict of the checks it takes part in}`` (``"not checked"`` for none)."""
    return {cid: w or "not checked" for cid, w in worst_by_claim(results).items()}


def attribution_chain(claim: ClaimResult) -> str:
    """``"Peruvian police → Associated Press (AP)"``: the chain from the original speaker to the outlet."""
    return " → ".join(a.who for a in claim.attribution)


def interval_text(lo: Any, hi: Any, unit: str = "", closed: Sequence[bool] = (True, True)) -> str:
    """``[1,500, 2,500]``, ``(4,500, +inf)``, ``2011-01-01 .. 2011-12-31`` for dates."""
    if isinstance(lo, str) or isinstance(hi, str):
        return f"{lo} .. {hi}"
    lc, hc = closed
    left = "-inf" if lo is None else fmt_value(lo, unit)
    right = "+inf" if hi is None else fmt_value(hi, unit)
    return f"{'[' if lc and lo is not None else '('}{left}, {right}{']' if hc and hi is not None else ')'}"


# ---------------------------------------------------------------------------------- 01: claims intervals


def claims_table_rows(results: Results) -> list[dict[str, Any]]:
    """One row per claim for the claims table: ``id``, ``quote``, ``as written``, ``value`` (as text, see
    :func:`fmt_value`; empty for dates), ``unit``,
    ``interval`` (text), ``attribution`` (chain, speaker first) and ``verdict`` (worst of its checks)."""
    verdicts = claim_verdicts(results)
    rows = []
    for c in results.claims:
        lo, hi = c.interval
        rows.append({
            "id": c.id,
            "quote": c.quote,
            "as written": c.text,
            "value": "" if c.value is None else fmt_value(c.value, c.unit),
            "unit": c.unit,
            "interval": interval_text(lo, hi, c.unit, c.interval_closed),
            "attribution": attribution_chain(c),
            "verdict": verdicts[c.id],
        })
    return rows


def claims_chart_data(results: Results) -> list[dict[str, Any]]:
    """Rows drawn by :func:`claims_chart`: every claim with a non-zero numeric value, its interval divided
    by that value (``low``/``high`` as multiples of the value as written, ``None`` = unbounded) and the
    worst verdict of its checks. Dates (no value) are left out.

    Example: "over 4,500" -> low 1.0, high None; "As many as 1,600" -> low 0.0, high 1.0.
    """
    verdicts = claim_verdicts(results)
    rows = []
    for c in results.claims:
        v = c.value
        lo, hi = c.interval
        if not _finite(v) or v == 0 or isinstance(lo, str) or isinstance(hi, str):
            continue
        rows.append({
            "id": c.id,
            "text": c.text,
            "unit": c.unit,
            "value": v,
            "low": None if lo is None else lo / v,
            "high": None if hi is None else hi / v,
            "closed": tuple(c.interval_closed),
            "verdict": verdicts[c.id],
        })
    return rows


def _edge(colour: str) -> str:
    """A dark outline for a light fill (the yellow of ``tension``), else the colour itself."""
    return "#6B5B00" if colour == OKABE_ITO["yellow"] else ("#555555" if colour == GREY else "#1d2430")


def claims_chart(results: Results):
    """Every numeric claim's interval of true values as a multiple of its value as written (1 = the number
    as written), one row per claim in article order, coloured and hatched by the worst verdict of its
    checks (:data:`VERDICT_COLOURS`, :data:`VERDICT_HATCHES`).

    The title names the inconsistent numbers; with no check at all it says so, never "none is
    inconsistent" (which would read as a clean bill of health).

    Args:
        results: typed results (:class:`numclaims.resultmodel.Results`).

    Returns:
        matplotlib.figure.Figure, 640 px wide, with :data:`ALT_ATTR` and :data:`ROWS_ATTR` set.

    Raises:
        ValueError: when the article has no numeric claim to draw.
    """
    import matplotlib

    rows = claims_chart_data(results)
    if not rows:
        raise ValueError(f"article {results.article!r} has no numeric claim to draw")
    n_bad = sum(r["verdict"] == "inconsistent" for r in rows)
    n = len(results.claims)
    n_checks = len(results.checks)
    if not n_checks:
        title = (f"No check was declared for the article's {n} numbers: the ranges their wording allows, "
                 "with nothing compared")
    elif n_bad:
        bad = [f"“{r['text']}”" for r in rows if r["verdict"] == "inconsistent"]
        named = (": " + ", ".join(bad[:-1]) + " and " + bad[-1]) if 1 < len(bad) <= 4 else (
            f": {bad[0]}" if len(bad) == 1 else "")
        verb = "takes" if n_bad == 1 else "take"
        title = f"{n_bad} of the article's {n} numbers {verb} part in an inconsistent check{named}"
    else:
        n_checked = sum(r["verdict"] != "not checked" for r in rows)
        title = (f"None of the {n_checked} checked numbers of the article takes part in an inconsistent check"
                 + (f"; {len(rows) - n_checked} not checked" if n_checked < len(rows) else ""))
    subtitle = ("Each bar is the range of true values a number's wording allows (its rounding and qualifier: "
                "“as many as”, “over”), as a multiple of the number as written. Colour and hatching: worst "
                "verdict of the checks the number takes part in; ◆: an exact count.")
    dates = [c.text for c in results.claims if c.unit == "date"]
    extra = f"Dates not drawn: {', '.join(dates)}." if dates else ""
    xmax = 2.0
    labels = [f"“{r['text']}” ({_unit_label(r['unit'])})" for r in rows]
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(0.75 + 0.36 * len(rows), title, subtitle, source_line(results, extra))
        ax = fig.add_subplot()
        for i, r in enumerate(rows):
            y = len(rows) - 1 - i
            hi = r["high"] if r["high"] is None or r["high"] <= xmax else None
            col = VERDICT_COLOURS[r["verdict"]]
            _hbar(ax, y, r["low"], hi, 0.0, xmax, col, height=0.56, hatch=VERDICT_HATCHES[r["verdict"]],
                  edge=_edge(col))
            if r["low"] == r["high"]:  # exact: a point, drawn as a diamond so it is not lost
                ax.plot([1], [y], "D", color=col, ms=8, mec="#111111", mew=0.8, zorder=4)
            ax.plot([1, 1], [y - 0.3, y + 0.3], color="#111111", lw=1.4, solid_capstyle="butt")
            if r["high"] is None:
                ax.text(xmax * 0.955, y, "no upper limit", ha="right", va="center", fontsize=MIN_FONT,
                        color="#111111", bbox=dict(boxstyle="square,pad=0.1", facecolor="white",
                                                   edgecolor="none", alpha=0.85))
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels(list(reversed(labels)))
        ax.set_ylim(-0.6, len(rows) - 0.4)
        ax.set_xlim(0, xmax)
        ax.set_xticks([0, 0.5, 1, 1.5, 2])
        ax.set_xticklabels(["0", "0.5×", "1×", "1.5×", "2×"])
        ax.set_xlabel("true value ÷ number as written (1× = as written)")
        ax.xaxis.grid(True)
        ax.set_axisbelow(True)
        ax.tick_params(axis="y", length=0)
        ax.spines["left"].set_visible(False)
        from matplotlib.patches import Patch

        present = [v for v in ("inconsistent", "tension", "unverifiable", "consistent", "not checked")
                   if any(r["verdict"] == v for r in rows)]
        ax.legend(handles=[Patch(facecolor=VERDICT_COLOURS[v], edgecolor=_edge(VERDICT_COLOURS[v]),
                                 hatch=VERDICT_HATCHES[v] or None, label=v) for v in present],
                  ncols=min(len(present), 3), loc="lower left", bbox_to_anchor=(0.0, 1.0), fontsize=MIN_FONT,
                  handlelength=1.6, handleheight=1.0, columnspacing=1.0)
    counts = {v: sum(r["verdict"] == v for r in rows) for v in present}
    setattr(fig, ALT_ATTR, f"Bar chart of the ranges of true values that the wording of the article's "
            f"{len(rows)} numbers allows, each as a multiple of the number as written, by verdict ("
            + ", ".join(f"{k} {v}" for v, k in counts.items()) + f"). {title}.")
    setattr(fig, ROWS_ATTR, [{"claim": r["text"], "unit": r["unit"], "value as written": r["value"],
                              "low (x written)": r["low"], "high (x written)": r["high"], "verdict": r["verdict"]}
                             for r in rows])
    return fig


# ---------------------------------------------------------------------------------- 02: consistency


def _q(claims: dict[str, ClaimResult], cid: str) -> str:
    return f"“{claims[cid].text}”" if cid in claims else cid


def _chart(check: CheckEntry) -> Chart:
    """How the kind of ``check`` is drawn, as its module declares it (:class:`numclaims.checks.registry.Chart`)."""
    kind = KINDS.get(check.kind)
    return kind.chart if kind is not None else Chart()


def _sides(check: CheckEntry, claims: dict[str, ClaimResult]) -> tuple[list[dict[str, Any]], str]:
    """The intervals a check compares, as ``[{label, low, high}]``, and the unit they are in: those its
    kind's chart declares (:attr:`numclaims.checks.registry.Chart.sides`), else every interval of its
    details, else the claims' own intervals."""
    d = check.details or {}
    ids = check.claims
    unit_of = lambda i: claims[ids[i]].unit if len(ids) > i and ids[i] in claims else ""
    sides: list[dict[str, Any]] = []

    def add(label: str, iv: Any) -> None:
        if isinstance(iv, (list, tuple)) and len(iv) == 2 and all(x is None or _finite(x) for x in iv):
            sides.append({"label": label, "low": iv[0], "high": iv[1]})

    chart = _chart(check)
    if chart.sides is not None and len(ids) >= chart.min_claims:
        pairs, where = chart.sides(check, lambda i: _q(claims, ids[i]))
        for label, iv in pairs:
            add(label, iv)
        unit = where if isinstance(where, str) else unit_of(where)
    else:
        words = {"implied": "implied", "stated": "stated", "compare": "compared with", "part": "part",
                 "whole": "whole", "a": "first", "b": "second", "reference": "reference"}
        for key in ("implied", "stated", "compare", "part", "whole", "a", "b", "reference"):
            add(words[key], d.get(key))
        # the unit of the figure the check computes (a change's implied count, an implied ratio's rate),
        # not that of its last claim (the change's percent, the duration)
        computed = [f.unit for f in check.figures or [] if f.role in ("implied", "ratio")]
        unit = next((u for u in computed if u), None) or (unit_of(len(ids) - 1) if ids else "")
    if not sides:  # no intervals in the details (e.g. unverifiable): draw the claims' own intervals
        units = {base_unit(claims[i].unit) for i in ids if i in claims}
        if len(units) == 1:
            for i in ids:
                lo, hi = claims[i].interval
                add(_q(claims, i), [lo, hi])
            unit = claims[ids[0]].unit
    return sides, unit


def _relation(check: CheckEntry) -> str:
    """How the first two sides of a check are compared: ``"at_most"`` (first <= second), ``"at_least"`` or
    ``"overlap"`` (the two must share a value), as its kind's chart declares it from the check's fields
    (never from its prose; :attr:`numclaims.checks.registry.Chart.relation`)."""
    rel = _chart(check).relation
    return rel if isinstance(rel, str) else rel(check)


#: Check kinds that compare a claim with outside figures rather than with the article's other claims;
#: left out of the consistency chart (notebook 03 shows them).
EXTERNAL_KINDS = ("external",)


def checks_chart_data(results: Results, exclude_kinds: Sequence[str] = EXTERNAL_KINDS) -> list[dict[str, Any]]:
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
    for ch in results.checks:
        if ch.kind in exclude_kinds:
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
        rows.append({"id": ch.id, "kind": ch.kind, "verdict": ch.verdict, "unit": unit,
                     "sides": sides, "relation": relation, "overlap": overlap, "gap": gap, "excess": excess})
    return rows


def _short_reason(check: CheckEntry) -> str:
    """A few words on why an unverifiable check could not decide ("periods do not nest", "units differ"):
    :func:`numclaims.explain.reason_words` of the structured results."""

    return reason_words(check) if check.verdict == "unverifiable" else ""


#: The two sides of a checks-chart panel: colour and second cue (hatch), beside each side's own label.
#: Neutral greys, so that no side borrows a verdict's colour (blue would read as "consistent").
SIDE_STYLES = (("#4D4D4D", ""), ("#BDBDBD", "////"))


def checks_chart(results: Results, exclude_kinds: Sequence[str] = EXTERNAL_KINDS):
    """One panel per check: the interval each side implies (open-ended sides drawn to the axis edge with an
    arrow, single values as a diamond), their overlap (hatched) or the gap between them, and the verdict,
    with the check's plain-language sentence and, for tension and inconsistent, its cause
    (:func:`numclaims.explain.explain`) above the panel. For "a part must not exceed its whole" checks a
    dashed line marks the highest value the part may take.

    Args:
        results: typed results (:class:`numclaims.resultmodel.Results`) with ``checks`` (their ``details`` give the intervals).

    Returns:
        matplotlib.figure.Figure, 640 px wide, with :data:`ALT_ATTR` and :data:`ROWS_ATTR` set.

    Raises:
        ValueError: when the article has no checks.
    """
    import matplotlib

    rows = checks_chart_data(results, exclude_kinds)
    if not rows:
        raise ValueError(f"article {results.article!r} has no checks to draw")
    by_id = {c.id: c for c in results.checks}
    claims = claim_index(results)
    n_inc = sum(r["verdict"] == "inconsistent" for r in rows)
    if n_inc:
        title = (f"{n_inc} of {len(rows)} checks between the article's own figures "
                 f"{'is' if n_inc == 1 else 'are'} inconsistent: no true values satisfy "
                 f"{'it' if n_inc == 1 else 'them'}, so the figures cannot all be right")
    elif len(rows) == 1:
        title = "The one check between the article's own figures is not inconsistent"
    else:
        title = (f"None of the {len(rows)} checks between the article's own figures is inconsistent: they can "
                 "all be true together")
    counts = {v: sum(r["verdict"] == v for r in rows) for v in ("consistent", "tension", "inconsistent", "unverifiable")}
    subtitle = (f"Verdicts: {', '.join(f'{n} {v}' for v, n in counts.items() if n)}. Bars: the range of true values each side "
                "implies (second side hatched); ◆: a single value; grey cross-hatching: values both sides share; "
                "dashed line: the most a part may be; arrows: no upper limit.")
    captions = []
    for r in rows:
        ex = explain(by_id[r["id"]], claims)
        text = ex.sentence + (f" {ex.cause}" if ex.cause else "")
        captions.append(wrap_px(text, MIN_FONT, LINE_PX - 8))
    panel_h = [1.05 + 0.16 * len(c) for c in captions]
    with matplotlib.rc_context(STYLE):
        fig = _new_figure(sum(panel_h) + 0.35 * len(rows), title, subtitle, source_line(results))
        axes = fig.subplots(len(rows), 1, squeeze=False, gridspec_kw={"height_ratios": panel_h})[:, 0]
        for ax, r, cap in zip(axes, rows, captions):
            colour = VERDICT_COLOURS.get(r["verdict"], GREY)
            sides = r["sides"]
            finite = [x for s_ in sides for x in (s_["low"], s_["high"]) if _finite(x)]
            top = max(finite) if finite else 1.0
            xmax = top * 1.22 if top > 0 else 1.0
            xmin = min(0.0, min(finite)) if finite else 0.0
            ax.set_xlim(xmin, xmax)
            n = len(sides)
            ys = [1.0 * (n - 1 - j) for j in range(n)]
            if r["overlap"] is not None and r["relation"] == "overlap":
                olo = xmin if r["overlap"][0] is None else r["overlap"][0]
                ohi = xmax if r["overlap"][1] is None else r["overlap"][1]
                ax.fill_between([olo, ohi], -0.3, max(ys) + 0.3, facecolor="none", edgecolor="#888888",
                                hatch="xx", linewidth=0, zorder=0)
            for j, s_ in enumerate(sides):
                col, hatch = SIDE_STYLES[j % 2]
                _hbar(ax, ys[j], s_["low"], s_["high"], xmin, xmax, col, height=0.36, alpha=0.9, hatch=hatch,
                      edge="#1d2430" if hatch else None)
                if s_["low"] is not None and s_["low"] == s_["high"]:
                    ax.plot([s_["low"]], [ys[j]], "D", color=col, ms=8, mec="#111111", mew=0.8, zorder=5)
                ax.text(xmin + (xmax - xmin) * 0.004, ys[j] + 0.22, s_["label"], ha="left", va="bottom",
                        fontsize=MIN_FONT, zorder=6,
                        bbox=dict(boxstyle="square,pad=0.05", facecolor="white", edgecolor="none", alpha=0.85))
            if r["relation"] == "at_most" and n >= 2 and sides[1]["high"] is not None:
                limit = sides[1]["high"]
                ax.plot([limit, limit], [-0.35, max(ys) + 0.35], color="#222222", lw=1.2, ls="--", zorder=4)
                if r["excess"] is not None:
                    a_low = sides[0]["low"]
                    ax.annotate("", xy=(a_low, ys[0] - 0.5), xytext=(limit, ys[0] - 0.5),
                                arrowprops=dict(arrowstyle="<->", color="#9a3d00", lw=1.3))
                    ax.text((a_low + limit) / 2, ys[0] - 0.5, f" exceeds it by at least "
                            f"{fmt_value(r['excess'], r['unit'])} ", ha="center", va="center", fontsize=MIN_FONT,
                            color="#9a3d00", zorder=6,
                            bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none"))
            elif r["relation"] == "overlap" and r["gap"] is not None and n >= 2:
                a, b = sides[0], sides[1]
                left_end = min(x for x in (a["high"], b["high"]) if x is not None)
                right_start = max(x for x in (a["low"], b["low"]) if x is not None)
                ax.annotate("", xy=(right_start, 0.5), xytext=(left_end, 0.5),
                            arrowprops=dict(arrowstyle="<->", color="#9a3d00", lw=1.3))
                ax.text((left_end + right_start) / 2, 0.5, f" gap {fmt_value(r['gap'], r['unit'])} ",
                        ha="center", va="center", fontsize=MIN_FONT, color="#9a3d00", zorder=6,
                        bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none"))
            ax.set_ylim(-0.4, max(ys or [0]) + 0.75)
            ax.set_yticks([])
            ax.spines["left"].set_visible(False)
            reason = _short_reason(by_id[r["id"]])
            head = f"{r['verdict'].upper()} · {_chart(by_id[r['id']]).title or r['kind'].replace('_', ' ')}"
            ax.set_title(head + (f" ({reason})" if reason else "") + "\n" + "\n".join(cap), loc="left",
                         color="#111111", fontsize=MIN_FONT, pad=3, linespacing=1.25, fontweight="normal")
            ax.xaxis.set_major_formatter(_money_formatter(r["unit"]))
            ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(5))
            ax.set_xlabel(_unit_label(r["unit"]), fontsize=MIN_FONT, labelpad=1)
            ax.tick_params(axis="x", labelsize=MIN_FONT, pad=1.5)
            for sp in ("bottom",):
                ax.spines[sp].set_color(colour if r["verdict"] != "consistent" else "#333333")
            if not sides:
                ax.text(0.5, 0.5, "no intervals to compare", transform=ax.transAxes, ha="center", va="center")
    setattr(fig, ALT_ATTR, f"{len(rows)} panels, one per check between the article's own figures, each "
            f"showing the ranges of values the two sides allow and whether they meet. {title}. "
            + " ".join(f"{r['verdict'].capitalize()}: {' '.join(c)}" for r, c in zip(rows, captions)
                       if r["verdict"] != "consistent"))
    setattr(fig, ROWS_ATTR, [{"check": r["id"], "kind": r["kind"], "verdict": r["verdict"], "side": s_["label"], "low": s_["low"],
                              "high": s_["high"], "unit": r["unit"]} for r in rows for s_ in r["sides"]])
    return fig


# ---------------------------------------------------------------------------------- 04: money


#: Months in each time unit, singular and plural (a Julian year, :mod:`numclaims.vocabulary`).
_MONTHS = {u + s: DAYS_PER[u] / DAYS_PER["month"] for u in DAYS_PER for s in ("", "s")}


def money_data(results: Results, check_id: str | None = None,
               reference: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """The numbers behind :func:`money_chart` for one ``rate_duration`` check (default: the first one),
    read from the figures the check compared (its ``figures``: rate, duration, total) and the total it
    computed as written (``details.as_written``); nothing of the check is computed again here.

    Args:
        results: typed results; check_id: the check (default: the first ``rate_duration``);
        reference: ``{row id: row}`` reference rows (optional): an evidence row of the rate claim that
            accumulates ``over`` a period (``period_kind``) adds the reading "rate x that period".

    Returns a dict: ``check`` (id), ``verdict``, ``currency``; ``rate`` (value per month) with
    ``rate_band`` ([low, high] per month); ``duration_months`` (as written) with ``duration_band``
    (months); ``stated`` (the total as written) with ``stated_band``; ``readings``: list of
    ``{months, total, label, source}`` sorted by months: the duration as written (its total the check's
    ``as_written``), and the period of each such reference row (its total the rate as written x its
    months: a reading the check did not make); ``texts`` the three claims' words. All amounts in
    ``currency``, durations in months.

    Example (seed, with the reference table): 60,000 x 36 = 2,160,000 (as written) and 60,000 x 24 =
    1,440,000 (the AP Spanish wire's Nov 2011-Oct 2013) against $2 million ([1.5M, 2.5M]).

    Raises:
        LookupError: when there is no such ``rate_duration`` check.
        ValueError: when the check compared no rate, duration and total, when one of them is not a single
            figure as written, or when the rate is not per day/week/month/year or the duration not in
            days..years.
    """
    checks = [c for c in results.checks if c.kind == "rate_duration"
              and (check_id is None or c.id == check_id)]
    if not checks:
        raise LookupError(f"no rate_duration check{' ' + repr(check_id) if check_id else ''} in "
                          f"article {results.article!r}")
    ch = checks[0]
    # the figures the check compared (numclaims.checks.arithmetic.rate_duration): rate, duration and the
    # stated total as written and as read, and its product as written in ``details``; nothing recomputed
    figs = {f.role: f for f in ch.figures or ()}
    if not {"rate", "duration", "total"} <= set(figs):
        raise ValueError(f"check {ch.id!r} compared no rate, duration and total ({ch.reason or ch.verdict})")
    rate, dur, total = figs["rate"], figs["duration"], figs["total"]
    texts = {role: claim.text for role, f in (("rate", rate), ("duration", dur), ("total", total))
             for claim in [claim_index(results).get(f.claims[0])] if claim is not None}
    cur, _, per = rate.unit.partition(" per ")
    if per.strip() not in _MONTHS or dur.unit not in _MONTHS:
        raise ValueError(f"check {ch.id!r}: rate unit {rate.unit!r} or duration unit {dur.unit!r} "
                         "cannot be put in months")
    to_rate = 1.0 / _MONTHS[per.strip()]  # value per <per> -> per month
    to_m = _MONTHS[dur.unit]
    d = ch.details or {}
    dur_band = d.get("duration_converted") if d.get("duration_unit") == "months" else None
    if dur_band is None:
        dur_band = [x * to_m for x in dur.interval]
    months = dur.written * to_m if dur.written is not None else None
    if d.get("as_written") is None or rate.written is None or dur.written is None:
        raise ValueError(f"check {ch.id!r}: the rate, duration and total are not all single figures as written")
    # the as-written total is the one the check computed (rate x duration in the rate's time base)
    readings = [{"months": months, "total": d["as_written"],
                 "label": f"{dur.written:g} {dur.unit} (as written)", "source": "the article"}]
    rate_claim = claim_index(results).get(rate.claims[0])
    for rid in rate_claim.evidence if rate_claim is not None else ():
        row = (reference or {}).get(rid)
        if not row or (row.get("period_kind") or "").strip() != "over":
            continue
        mo = months_spanned(row.get("period_start"), row.get("period_end"))
        if mo is None or any(abs(mo - r["months"]) < 1e-9 for r in readings):
            continue
        # another reading of the duration, from a cited source: the rate the check compared, over its period
        readings.append({"months": mo, "total": rate.written * to_rate * mo,
                         "label": f"{mo:g} months ({period_text(row.get('period_start'), row.get('period_end'))})",
                         "source": row.get("publisher") or rid})
    readings.sort(key=lambda r: r["months"])
    return {
        "check": ch.id, "verdict": ch.verdict, "currency": cur.strip(),
        "rate": rate.written * to_rate, "rate_band": [x * to_rate for x in rate.interval],
        "duration_months": months, "duration_band": list(dur_band),
        "stated": total.written, "stated_band": list(total.interval),
        "readings": readings,
        "texts": texts,
    }


#: A reading of the money chart inside / outside the stated total's range: colour and marker.
READING_STYLES = {True: (OKABE_ITO["blue"], "o"), False: (OKABE_ITO["vermillion"], "X")}


def money_chart(results: Results, check_id: str | None = None,
                reference: dict[str, dict[str, Any]] | None = None):
    """Cumulative earnings at the stated rate, month by month, against the stated total: the rate's
    rounding band (a fan), the total's rounding band (horizontal), the duration's band (vertical) and the
    totals at the readings of :func:`money_data`.

    Returns:
        matplotlib.figure.Figure, 640 px wide, with :data:`ALT_ATTR` and :data:`ROWS_ATTR` set.

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

    title = (f"{words} is {amount(asw['total'], unit)}: "
             f"{'within' if inside(asw['total']) else 'outside'} the rounding range of the "
             f"“{m['texts']['total']}” fortune")
    for alt in alts[:1]:
        title += (f"; over the {alt['label'].split(' (')[0]} of the rate's source it would be "
                  f"{amount(alt['total'], unit)}, "
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
                f"{fmt_value(lo_s, unit)}–{fmt_value(hi_s, unit)} (band)", va="bottom", ha="left", fontsize=MIN_FONT,
                color="#7A5200")
        ax.axvspan(*m["duration_band"], color=OKABE_ITO["sky_blue"], alpha=0.22, lw=0)
        ax.text(sum(m["duration_band"]) / 2, 0.015, f"“{m['texts']['duration']}”\n"
                f"{m['duration_band'][0]:g}–{m['duration_band'][1]:g} months", transform=ax.get_xaxis_transform(),
                ha="center", va="bottom", fontsize=MIN_FONT, color="#1F5F80")
        xs = [0.0, xmax]
        ax.fill_between(xs, [0, m["rate_band"][0] * xmax], [0, m["rate_band"][1] * xmax],
                        color=OKABE_ITO["blue"], alpha=0.18, lw=0)
        ax.plot(xs, [0, m["rate"] * xmax], color=OKABE_ITO["blue"], lw=2)
        ax.text(xmax * 0.97, m["rate"] * xmax * 0.97, f"{m['texts']['rate']} ",
                ha="right", va="bottom", fontsize=MIN_FONT, color=OKABE_ITO["blue"], rotation=0)
        for rd in m["readings"]:
            col, mk = READING_STYLES[inside(rd["total"])]
            ax.plot([rd["months"]], [rd["total"]], mk, color=col, ms=8, zorder=5, mec="#111111", mew=0.8)
            right = rd["months"] > xmax * 0.6
            ax.annotate(f"{rd['label']}:\n{fmt_value(m['rate'], unit)} × {rd['months']:g} = "
                        f"{fmt_value(rd['total'], unit)}",
                        xy=(rd["months"], rd["total"]), xytext=(-8 if right else 8, -4), textcoords="offset points",
                        ha="right" if right else "left", va="top", fontsize=MIN_FONT, color="#222222",
                        bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor="none", alpha=0.9))
        ax.set_xlim(0, xmax)
        ax.set_ylim(0, max(m["rate_band"][1] * xmax, hi_s) * 1.05)
        ax.set_xlabel("months of earnings")
        ax.set_ylabel(f"cumulative earnings ({_unit_label(cur)})")
        ax.yaxis.set_major_formatter(_money_formatter(unit))
        ax.xaxis.set_major_locator(matplotlib.ticker.MultipleLocator(6))
        ax.grid(True, axis="y")
        ax.set_axisbelow(True)
    setattr(fig, ALT_ATTR, f"Line chart of cumulative earnings month by month at {m['texts']['rate']}, with the "
            f"rounding bands of the rate, of “{m['texts']['duration']}” and of the stated total "
            f"“{m['texts']['total']}”. {title}.")
    setattr(fig, ROWS_ATTR, [{"reading": r["label"], "source": r["source"], "months": r["months"],
                              f"total ({cur})": r["total"], "within the total's range": inside(r["total"])}
                             for r in m["readings"]])
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
    Day precision counts days in months of the Julian year (365.25 / 12 days, :mod:`numclaims.vocabulary`)."""
    if not start or not end:
        return None
    s, e = str(start).strip().split("-"), str(end).strip().split("-")
    if len(s) == 3 and len(e) == 3:
        days = (dt.date(*map(int, e)) - dt.date(*map(int, s))).days + 1
        return months_in(days)
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


def _claim_group(claim: ClaimResult, reference: dict[str, dict[str, Any]],
                 checked: dict[str, str] | None = None) -> str | None:
    """The measure a claim is drawn with: the one its external check compared it on (``checked``,
    ``{claim id: measure_id}`` from the checks' ``details``), else :func:`numclaims.reference_rows.measure_of`
    of the rows its ``evidence`` cites (the rule the external check applies)."""
    if checked and claim.id in checked:
        return checked[claim.id]
    return measure_of([reference[e] for e in claim.evidence if e in reference])


def cross_source_data(results: Results, reference: dict[str, dict[str, Any]],
                      measures: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """Groups of estimates of one measure for :func:`cross_source_chart`.

    A claim joins the measure its external check compared it on (``details.measure_id``; a claim with no
    external check: :func:`numclaims.reference_rows.measure_of` of its ``evidence`` rows, the same rule); a group
    holds the article's claims of that measure and every reference row with that ``measure_id``. Without ``measures`` only groups where
    some two estimates share no value (disjoint intervals) are kept: where the sources disagree.

    Args:
        results: typed results (:class:`numclaims.resultmodel.Results`); reference: ``{row id: row}`` as from
            :func:`numclaims.evidence.load_reference` (CSV columns; numbers as numbers or strings);
        measures: measure ids to draw, in this order (default: the disagreeing groups, in article order).

    Returns:
        ``[{measure, place, what, rows, others_low, others_high, outlier, factor}]``. Each row is ``{kind:
        "article"|"reference", id, label (figure as written), who, period, what, stated (figures as
        written), low, high (interval, None = unbounded)}``. ``outlier`` is the id of the article's claim
        farthest from the other estimates (``None`` if none lies outside them), ``factor`` how many times
        the highest (or lowest) stated figure of the others its nearest bound is, and
        ``others_low``/``others_high`` the span of the other estimates' stated figures; ``n_others`` how
        many reference rows of the measure (components of another row left out) there are. The
        ``outlier`` follows the external check's documented rule (:mod:`numclaims.checks.external`): at
        least two such rows and a factor of at least ``OUTLIER_FACTOR``; ``factor`` is given whenever the
        claim lies outside the others, outlier or not.

    Example (seed): Madre de Dios: "over 4,500" vs the others' stated figures 1,100..1,600 -> factor
    4,500 / 1,600 = 2.8125.
    """
    claims = results.claims
    ext_claim: dict[str, list[str]] = {}
    ext_row: dict[str, list[str]] = {}
    checked: dict[str, str] = {}  # claim id -> the measure its (first) external check compared it on
    for ch in results.checks:
        if ch.kind not in EXTERNAL_KINDS:
            continue
        for cid in ch.claims:
            ext_claim.setdefault(cid, []).append(ch.verdict)
            if (ch.details or {}).get("measure_id"):
                checked.setdefault(cid, ch.details["measure_id"])
        for rr in (ch.details or {}).get("rows", []):
            if rr.get("id") and rr.get("verdict"):
                ext_row.setdefault(rr["id"], []).append(rr["verdict"])
    groups: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        g = _claim_group(c, reference, checked)
        if g is None or (measures is not None and g not in measures):
            continue
        lo, hi = c.interval
        groups.setdefault(g, []).append({
            "kind": "article", "id": c.id, "label": c.text, "unit": c.unit,
            "who": f"this article ({_when(results.source.published)}), citing "
                   f"{attribution_chain(c)}",
            "period": period_text(*(c.period or [None, None])) if c.period else "period not stated",
            "what": c.measure.what, "where": c.measure.where or "",
            "stated": [c.value] if c.value is not None else [], "low": lo, "high": hi,
            "verdict": worst(ext_claim.get(c.id, [])),
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
            "verdict": worst(ext_row.get(rid, [])), "component": bool(row.get("part_of")),
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
        n_others = sum(1 for r in rows if r["kind"] == "reference" and not r.get("component"))
        is_outlier = best[0] is not None and n_others >= 2 and best[1] >= OUTLIER_FACTOR
        out.append({
            "measure": g, "place": first["where"], "what": " / ".join(dict.fromkeys(r["what"] for r in art)),
            "rows": rows, "outlier": best[0] if is_outlier else None, "factor": best[1] if best[0] else None,
            "far": best[0], "others_low": o_lo, "others_high": o_hi, "n_others": n_others,
        })
    return out


def _disjoint(a: dict[str, Any], b: dict[str, Any]) -> bool:
    lo = max(x for x in (a["low"], b["low"], -math.inf) if x is not None)
    hi = min(x for x in (a["high"], b["high"], math.inf) if x is not None)
    return lo > hi


#: Categories of the cross-source chart: colour and marker (the second cue), see :func:`cross_source_chart`.
SOURCE_STYLES = {
    "outlier": (OKABE_ITO["vermillion"], "D", "this article: the outlier"),
    "article": ("#000000", "s", "this article"),
    "reference": (OKABE_ITO["blue"], "o", "other sources"),
}


def _span_text(lo: float | None, hi: float | None, unit: str, n: int) -> str:
    """``the other estimates (1,100–1,600)``; one value: ``the other estimate (21.1 %)`` or ``the other
    estimates (all 21.1 %)``."""
    if lo is None or hi is None:
        return "the other estimates"
    if lo == hi:
        return f"the other estimate ({fmt_value(lo, unit)})" if n <= 1 else f"the other estimates (all {fmt_value(lo, unit)})"
    return f"the other estimates ({fmt_value(lo, unit)}–{fmt_value(hi, unit)})"


def estimate_row(ax, y: float, row: dict[str, Any], xmax: float, colour: str, marker: str) -> None:
    """Draw one estimate at height ``y`` of a dot chart whose x axis runs from 0 to ``xmax``: a light bar
    over ``row["low"]``..``row["high"]`` (an open low end from 0), a dotted arrow to ``xmax`` when there is
    no upper bound ("over", "at least"), and a ``marker`` at each figure of ``row["stated"]`` (as written)."""
    lo = 0.0 if row["low"] is None else row["low"]
    hi = row["high"]
    right = xmax if hi is None else hi
    ax.barh(y, right - lo if hi is not None else 0, left=lo, height=0.26, color=colour, alpha=0.25, lw=0)
    if hi is None:
        ax.plot([lo, xmax * 0.985], [y, y], color=colour, lw=1.6, ls=(0, (1.5, 1.5)))
        ax.annotate("", xy=(xmax, y), xytext=(xmax * 0.97, y),
                    arrowprops=dict(arrowstyle="-|>", color=colour, lw=1.4, mutation_scale=12),
                    annotation_clip=False)
    for x in row["stated"]:
        ax.plot([x], [y], marker, color=colour, ms=7, mec="white", mew=0.8, zorder=5)


def cross_source_chart(results: Results, reference: dict[str, dict[str, Any]],
                       measures: Sequence[str] | None = None):
    """Every estimate of each measure in :func:`cross_source_data` on one axis, grouped by measure: a marker
    at each figure as written (:data:`SOURCE_STYLES`: the article's outlier, the article, other sources), a
    light bar over the values its wording allows, dotted arrows for "over" and "at least" (no upper limit),
    a grey band over the span of the other estimates. Each row is labelled with its figure in bold, then
    publisher, date, period and measure, wrapped (never cut) to the width of the chart.

    The title calls a claim an outlier only under the external check's rule (two or more other estimates,
    factor of at least two); a one-value span is written once ("21.1 %", not "21.1 %–21.1 %").

    Returns:
        matplotlib.figure.Figure, 640 px wide, with :data:`ALT_ATTR` and :data:`ROWS_ATTR` set.

    Raises:
        ValueError: when no group has estimates to compare (no claim with reference rows).
    """
    import matplotlib
    from matplotlib.lines import Line2D

    groups = cross_source_data(results, reference, measures)
    if not groups:
        raise ValueError(f"article {results.article!r}: no claim shares a measure with reference rows "
                         "that disagree with it")
    unit = groups[0]["rows"][0]["unit"]
    main = max(groups, key=lambda g: g["factor"] or 0)
    place = (main["place"] or "").split(",")[0]
    if main["far"]:
        out_row = next(r for r in main["rows"] if r["id"] == main["far"])
        above = out_row["low"] is not None and main["others_high"] is not None and out_row["low"] >= main["others_high"]
        which = "highest" if above else "lowest"
        span = _span_text(main["others_low"], main["others_high"], unit, main["n_others"])
        one = main["others_low"] == main["others_high"] or main["n_others"] <= 1
        title = (f"{place + ': ' if place else ''}the article's “{out_row['label']}” is at least {main['factor']:.1f} times "
                 + (f"{span}" if one else f"the {which} of {span}")
                 + ("" if main["outlier"] else f"; with {main['n_others']} other estimate"
                    f"{'s' if main['n_others'] != 1 else ''} it is not called an outlier"))
    else:
        title = "The article's figures lie within the range of the other sources' estimates"
    places = "; ".join(f"{g['what']} in {g['place']}" for g in groups)
    subtitle = (f"Every estimate of: {places}. Markers: figures as written; bars: the values their wording "
                "allows; dotted arrows: “over” or “at least”, no upper limit; grey band: span of the other "
                "estimates.")
    finite = [x for g in groups for r in g["rows"] for x in (*r["stated"], r["low"], r["high"]) if _finite(x)]
    xmax = max(finite) * 1.25
    row_h, line_u = 0.5, 0.36  # inches per data unit; data units per 9 pt text line
    layout = []  # (group, heading lines, [(row, detail lines)])
    for g in groups:
        head = wrap_px(f"{g['place']}: {g['what']}", 10, LINE_PX - 16, bold=True)
        items = []
        for r in g["rows"]:
            when = r["period"] if r["period"] == "period not stated" else f"figure for {r['period']}"
            detail = wrap_px(f"{r['who']} · {when} · {r['what']}", MIN_FONT, LINE_PX - 16)
            items.append((r, detail))
        layout.append((g, head, items))
    units = sum(0.95 + line_u * (len(head) - 1) + 0.1 + sum(0.55 + line_u * (1 + len(d)) + (line_u if r["id"] == g["outlier"] or r["id"] == g["far"] else 0)
                                 for r, d in items) + 0.3 for g, head, items in layout)
    src_line = source_line(results, "Other estimates: the publishers named in each label (project reference table).")
    with matplotlib.rc_context(STYLE):
        # the layout fits the legend, tick labels and axis label into the same height: add theirs (0.9 in)
        # so one data unit stays about row_h inches and the text lines keep their spacing
        fig = _new_figure(units * row_h + 0.9, title, subtitle, src_line)
        ax = fig.add_subplot()
        y = 0.0
        for g, head, items in layout:
            y -= 0.95 + line_u * (len(head) - 1)
            for k, line in enumerate(reversed(head)):
                ax.text(0, y + 0.1 + k * line_u, line, ha="left", va="bottom", fontsize=10, fontweight="bold",
                        color="#111111").set_in_layout(False)
            top = y
            bars = {}
            for r, detail in items:
                y -= 0.55 + line_u * (1 + len(detail))
                cat = ("outlier" if r["id"] == g["outlier"] else "article") if r["kind"] == "article" else "reference"
                col, mk, _ = SOURCE_STYLES[cat]
                estimate_row(ax, y, r, xmax, col, mk)
                ty = y + 0.22
                for k, line in enumerate(reversed(detail)):
                    ax.text(0, ty + k * line_u, line, ha="left", va="bottom", fontsize=MIN_FONT,
                            color="#333333").set_in_layout(False)
                ax.text(0, ty + len(detail) * line_u, r["label"], ha="left", va="bottom", fontsize=10,
                        fontweight="bold", color=col if r["kind"] == "article" else "#0B3C5D").set_in_layout(False)
                bars[r["id"]] = y
                if r["id"] == g["far"]:
                    y -= line_u
            bottom = y - 0.4
            if g["others_low"] is not None:
                ax.fill_between([g["others_low"], g["others_high"]], bottom, top - 0.1, color="#000000",
                                alpha=0.07, lw=0, zorder=0)
            if g["far"] and g["others_high"] is not None:
                r = next(r for r in g["rows"] if r["id"] == g["far"])
                yy = bars[r["id"]]
                x0 = g["others_high"] if r["low"] is not None and r["low"] > g["others_high"] else g["others_low"]
                x1 = r["low"] if x0 == g["others_high"] else r["high"]
                colour = SOURCE_STYLES["outlier" if g["outlier"] else "article"][0]
                ax.annotate("", xy=(x1, yy - 0.3), xytext=(x0, yy - 0.3),
                            arrowprops=dict(arrowstyle="<->", color=colour, lw=1.2))
                words = "highest" if x0 == g["others_high"] else "lowest"
                label = (f"at least {g['factor']:.1f}× the {words} other estimate" if g["n_others"] > 1 and
                         g["others_low"] != g["others_high"] else f"at least {g['factor']:.1f}× the other estimate")
                ax.text(x1, yy - 0.3, f" {label}", ha="left" if x1 < xmax * 0.6 else "right",
                        va="center", fontsize=MIN_FONT, color="#111111", fontweight="bold",
                        bbox=dict(boxstyle="round,pad=0.1", facecolor="white", edgecolor="none", alpha=0.9))
            y -= 0.3
        ax.set_ylim(y, 0.1)
        ax.set_xlim(0, xmax)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.xaxis.set_major_formatter(_money_formatter(unit))
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(6))
        ax.set_xlabel(f"estimate ({_unit_label(unit)})")
        ax.xaxis.grid(True)
        ax.set_axisbelow(True)
        shown = ["outlier"] if any(g["outlier"] for g in groups) else []
        shown += ["article", "reference"]
        handles = [Line2D([], [], marker=SOURCE_STYLES[k][1], ls="", color=SOURCE_STYLES[k][0],
                          label=SOURCE_STYLES[k][2]) for k in shown]
        ax.legend(handles=handles, ncols=3, loc="lower left", bbox_to_anchor=(0.0, 1.0), fontsize=MIN_FONT,
                  columnspacing=1.0, handletextpad=0.3)
    n_rows = sum(len(g["rows"]) for g in groups)
    setattr(fig, ALT_ATTR, f"Dot chart of {n_rows} published estimates of {places}, the article's and other "
            f"sources', each with the range its wording allows. {title}.")
    setattr(fig, ROWS_ATTR, [{"measure": g["measure"], "source": "this article" if r["kind"] == "article" else "other",
                              "figure": r["label"], "who": r["who"], "period": r["period"], "low": r["low"],
                              "high": r["high"], "unit": r["unit"]} for g in groups for r in g["rows"]])
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
            # the layout solver (kiwisolver) can land on positions that differ in the last bits from run to
            # run; the SVG backend names clip rectangles by a hash of their exact bounds, so snap every axes
            # to a 1e-7 grid of the figure (well under a thousandth of a pixel) for byte-identical files
            for ax in fig.axes:
                ax.set_position([round(v, 7) for v in ax.get_position().bounds])
        for fmt, meta in (("svg", SVG_METADATA), ("png", PNG_METADATA)):
            buf = io.BytesIO()
            fig.savefig(buf, format=fmt, dpi=DPI, metadata=meta)
            out[fmt] = buf.getvalue()
    out["svg"] = _with_title(out["svg"], _title_of(fig), getattr(fig, ALT_ATTR, ""))
    rows = getattr(fig, ROWS_ATTR, None)
    if rows is not None:
        out["csv"] = csv_bytes(rows)
    return out


def _title_of(fig) -> str:
    """The chart's headline: its bold title lines joined (the first texts of :func:`_new_figure`)."""
    lines = [t.get_text() for t in fig.texts if t.get_fontweight() == "bold" and t.get_fontsize() >= 12]
    return " ".join(lines)


def _with_title(svg: bytes, title: str, desc: str) -> bytes:
    """The SVG with ``<title>`` and ``<desc>`` as the first children of its root (escaped text)."""

    if not title and not desc:
        return svg
    i = svg.find(b"<svg")
    j = svg.find(b">", i) + 1
    extra = ""
    if title:
        extra += f"\n <title>{escape(title)}</title>"
    if desc:
        extra += f"\n <desc>{escape(desc)}</desc>"
    return svg[:j] + extra.encode("utf-8") + svg[j:]


def csv_bytes(rows: list[dict[str, Any]]) -> bytes:
    """Rows as CSV (UTF-8, ``\\n`` line ends, header from the first row's keys; None as empty, floats
    with up to 12 significant digits) for the data file beside a chart."""

    buf = io.StringIO()
    if rows:
        w = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: ("" if v is None else f"{v:.12g}" if isinstance(v, float) else v) for k, v in r.items()})
    return buf.getvalue().encode("utf-8")


def save(fig, directory: Path, stem: str) -> dict[str, Path]:
    """Write ``directory/<stem>.svg``, ``.png`` and, for a chart with data rows, ``.csv`` (see
    :func:`render`) atomically, leaving a file that already has the same bytes untouched. Returns
    ``{"svg": path, "png": path[, "csv": path]}``."""
    paths = {}
    for fmt, data in render(fig).items():
        p = Path(directory) / f"{stem}.{fmt}"
        if not (p.is_file() and p.read_bytes() == data):
            write_atomic(p, data)
        paths[fmt] = p
    return paths
