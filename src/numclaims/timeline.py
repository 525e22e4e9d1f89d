"""The archive's view of one measure over time: every figure the worked articles and the reference tables
published for it, in order of publication, with its interval, period, outlet and external findings.

A **measure** is a ``measure_id`` of the reference tables (``datasets/reference/*.csv``). A claim of a worked
article belongs to it by the one rule the external check and the cross-source chart use
(:func:`numclaims.figures.cross_source_data`: the measure its external check compared it on, else the
measure of the rows its ``evidence`` cites); every reference row with that ``measure_id`` belongs to it. A
reference row that *is* a worked article's figure is shown once, as the article's claim: a row whose
``claim`` names a loaded claim, or whose ``url`` is the source address of an article with a claim of the
measure.

Which measures the archive notebook (``notebooks/archive.ipynb``) charts is the project's choice, in
``numclaims.toml``::

    [archive]
    measures = ["sex-trade-minors-la-rinconada", "peru-victims-rescued-police"]

(:func:`archive_measures`); ``numclaims notebooks --archive MEASURE`` charts others. Charts are saved under
``reports/_archive/figures/`` (:data:`ARCHIVE_DIR`: a name no article id can take, article ids being
slugs), as ``timeline-<measure>.svg``, ``.png`` and ``.csv``, with the fixed metadata of
:func:`numclaims.figures.render`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Sequence

from . import figures as F
from .claimreview import _read_toml as read_toml
from .explain import finding_badges
from .paths import REPORTS_DIR, report_dir
from .resultmodel import CheckEntry, Results
from .resultmodel import read_results

#: Folder of the archive's outputs under ``reports/``: not a slug, so never an article's folder.
ARCHIVE_DIR = "_archive"

#: Categories of the timeline chart: colour, marker (the second cue) and legend words.
TIMELINE_STYLES = {
    "finding": (F.OKABE_ITO["vermillion"], "D", "worked article, with a finding"),
    "article": ("#000000", "s", "worked article"),
    "reference": (F.OKABE_ITO["blue"], "o", "other published figure"),
}


def archive_dir(root: Path) -> Path:
    """``root/reports/_archive``: where the archive notebook stores its figures (and executed copies)."""
    return report_dir(Path(root), ARCHIVE_DIR)


def archive_measures(root: Path) -> list[str]:
    """The measure ids listed under ``[archive] measures`` of ``root/numclaims.toml`` (``[]`` when the file
    or the table is missing).

    Raises:
        ValueError: one line naming the file, when it cannot be read, the TOML is invalid or ``measures``
            is not a list of texts.
    """
    p = Path(root) / "numclaims.toml"
    if not p.is_file():
        return []
    data = read_toml(p)  # the project's one TOML reader (input guard, one-line errors)
    table = data.get("archive", {})
    measures = table.get("measures", []) if isinstance(table, dict) else None
    if not isinstance(measures, list) or not all(isinstance(m, str) and m for m in measures):
        raise ValueError('numclaims.toml: archive.measures must be a list of measure ids, e.g. measures = '
                         '["sex-trade-minors-la-rinconada"]')
    return list(measures)


def load_archive(root: Path) -> list[Results]:
    """The results of every article with ``reports/<id>/results.json``, by article id, read back and
    validated (:func:`numclaims.resultmodel.read_results`).

    Raises:
        ValueError: a results.json that is not one numclaims wrote (one line naming it).
    """
    out = []
    for p in sorted((Path(root) / REPORTS_DIR).glob("*/results.json")):
        if p.parent.name == ARCHIVE_DIR:
            continue
        out.append(read_results(p, display=f"{REPORTS_DIR}/{p.parent.name}/results.json"))
    return out


def _external_of(results: Results, cid: str) -> list[CheckEntry]:
    return [ch for ch in results.checks if ch.kind in F.EXTERNAL_KINDS and cid in ch.claims]


def timeline_data(all_results: Sequence[Results], reference: dict[str, dict[str, Any]],
                  measure: str) -> list[dict[str, Any]]:
    """Every published figure of ``measure``, oldest publication first (undated rows last; same date:
    reference rows, then articles, each in id order).

    Args:
        all_results: typed results (:func:`load_archive`); reference: ``{row id: row}`` as from
            :func:`numclaims.evidence.load_reference`; measure: a ``measure_id`` of the reference rows.

    Returns:
        ``[{kind: "article"|"reference", id, article (article id or None), published (ISO text or None),
        when ("4 Oct 2013", "Dec 2012", "undated"), outlet, label (the figure as written), unit, period
        (text), what, where, stated (figures as written), low, high (interval; None = unbounded), verdict
        (worst of the claim's external checks; "not checked" for a reference row or an unchecked claim),
        findings (the finding words of those checks: "qualifier dropped", "period changed", "old figure",
        ...), codes (their codes)}]``.

    Raises:
        KeyError: when no reference row has ``measure_id == measure`` (one line naming it).
    """
    if not any(r.get("measure_id") == measure for r in reference.values()):
        known = sorted({r.get("measure_id") for r in reference.values() if r.get("measure_id")})
        raise KeyError(f"measure {measure!r}: no reference row has this measure_id; known: {', '.join(known)}")
    articles: list[dict[str, Any]] = []
    ref_rows: dict[str, dict[str, Any]] = {}
    claim_ids: set[str] = set()
    urls: set[str] = set()
    for res in all_results:
        groups = F.cross_source_data(res, reference, [measure])
        if not groups:
            continue
        src = res.source
        for r in groups[0]["rows"]:
            if r["kind"] == "reference":
                ref_rows.setdefault(r["id"], r)
                continue
            checks = _external_of(res, r["id"])
            claim = next(c for c in res.claims if c.id == r["id"])
            stated = [r["low"], r["high"]] if claim.qualifier == "range" else r["stated"]  # both ends said
            badges = [b for ch in checks for b in finding_badges(ch)]
            claim_ids.add(r["id"])
            urls.add(src.url or "")
            articles.append({
                "kind": "article", "id": r["id"], "article": res.article, "published": src.published,
                "outlet": src.publisher or "?", "label": r["label"], "unit": r["unit"],
                "period": r["period"], "what": r["what"], "where": r["where"], "stated": stated,
                "low": r["low"], "high": r["high"], "verdict": F.worst(ch.verdict for ch in checks),
                "findings": list(dict.fromkeys(w for _, w in badges)),
                "codes": list(dict.fromkeys(c for c, _ in badges)),
            })
    if not articles:
        raise KeyError(f"measure {measure!r}: no claim of a worked article belongs to it (cite one of its rows "
                       "in a claim's evidence:)")
    rows = list(articles)
    for rid, r in ref_rows.items():
        row = reference[rid]
        if row.get("claim") in claim_ids or (row.get("url") or "") in urls - {""}:
            continue  # the worked article's own figure, shown as its claim
        rows.append({
            "kind": "reference", "id": rid, "article": None, "published": row.get("published"),
            "outlet": row.get("publisher") or "?", "label": r["label"], "unit": r["unit"], "period": r["period"],
            "what": r["what"], "where": r["where"], "stated": r["stated"], "low": r["low"], "high": r["high"],
            "verdict": "not checked", "findings": [], "codes": [],
        })
    for r in rows:
        r["when"] = F.period_text(r["published"], None) if r["published"] else "undated"
    rows.sort(key=lambda r: (r["published"] is None, str(r["published"] or ""), r["kind"] == "article", r["id"]))
    return rows



def _category(row: dict[str, Any]) -> str:
    return "reference" if row["kind"] == "reference" else ("finding" if row["findings"] else "article")


def timeline_title(rows: list[dict[str, Any]]) -> str:
    """The chart's headline: where, how many figures over which dates, their span as written, and how many
    worked-article figures carry a finding (``"La Rinconada: 5 published figures, Dec 2012 to 20 Jun 2014,
    stated from 1,500 to 4,500"``: the lowest and highest figures as written)."""
    art = next(r for r in rows if r["kind"] == "article")
    place = (art["where"] or "").split(",")[0]
    dated = [r for r in rows if r["published"]]
    span = f", {dated[0]['when']} to {dated[-1]['when']}" if len(dated) > 1 else ""
    stated = [x for r in rows for x in r["stated"]]
    figs = (f", stated from {F.fmt_value(min(stated), art['unit'])} to {F.fmt_value(max(stated), art['unit'])}"
            if stated and min(stated) != max(stated) else "")
    flagged = [r for r in rows if r["findings"]]
    words = list(dict.fromkeys(w for r in flagged for w in r["findings"]))
    tail = (f"; {len(flagged)} worked-article figure{'s' if len(flagged) != 1 else ''} with a finding "
            f"({', '.join(words)})") if flagged else ""
    return f"{place + ': ' if place else ''}{len(rows)} published figures{span}{figs}{tail}"


def timeline_chart(all_results: Sequence[Results], reference: dict[str, dict[str, Any]], measure: str):
    """How ``measure`` was reported over time (:func:`timeline_data`): one row per published figure, oldest
    at the top, labelled with its publication date and outlet and the figure as written in bold, then
    where it comes from (worked article or reference table), the period it is for, what it counts and the
    external check's findings; a marker at each figure as written (:data:`TIMELINE_STYLES`), a light bar
    over the values its wording allows, a dotted arrow for "over"/"at least" (no upper limit).

    Returns:
        matplotlib.figure.Figure, 640 px wide, with :data:`numclaims.figures.ALT_ATTR` and
        :data:`numclaims.figures.ROWS_ATTR` set.

    Raises:
        KeyError: see :func:`timeline_data`.
    """
    import matplotlib
    from matplotlib.lines import Line2D

    rows = timeline_data(all_results, reference, measure)
    unit = rows[0]["unit"]
    title = timeline_title(rows)
    art = next(r for r in rows if r["kind"] == "article")
    subtitle = (f"Every figure published for {art['what']} ({measure}), oldest first. Markers: figures as "
                "written; bars: the values their wording allows; dotted arrows: “over” or “at least”, no "
                "upper limit.")
    finite = [x for r in rows for x in (*r["stated"], r["low"], r["high"]) if F._finite(x)]
    xmax = max(finite) * 1.25
    row_h, line_u = 0.5, 0.36  # inches per data unit; data units per 9 pt text line
    layout = []
    for r in rows:
        origin = (f"worked article {r['article']}" if r["kind"] == "article" else "reference table")
        when = r["period"] if r["period"] in ("period not stated", "undated") else f"figure for {r['period']}"
        detail = f"{origin} · {when} · {r['what']}"
        if r["findings"]:
            detail += f" · findings: {', '.join(r['findings'])}"
        elif r["kind"] == "article" and r["verdict"] != "not checked":
            detail += f" · external check: {r['verdict']}"
        head = F.wrap_px(f"{r['when']} · {r['outlet']}: {r['label']}", 10, F.LINE_PX - 16, bold=True)
        layout.append((r, head, F.wrap_px(detail, F.MIN_FONT, F.LINE_PX - 16)))
    units = sum(0.8 + line_u * (len(h) + len(d)) for _, h, d in layout) + 0.5
    places = sorted({r["where"] for r in rows if r["where"]})
    src = ("Sources: the worked articles and reference tables named in each label (this project's archive). "
           "Chart: numclaims.")
    with matplotlib.rc_context(F.STYLE):
        fig = F._new_figure(units * row_h + 0.9, title, subtitle, src)
        ax = fig.add_subplot()
        y = -0.2
        for r, head, detail in layout:
            y -= 0.8 + line_u * (len(head) + len(detail))
            col, mk, _ = TIMELINE_STYLES[_category(r)]
            F.estimate_row(ax, y, r, xmax, col, mk)
            ty = y + 0.22
            for k, line in enumerate(reversed(detail)):
                ax.text(0, ty + k * line_u, line, ha="left", va="bottom", fontsize=F.MIN_FONT,
                        color="#333333").set_in_layout(False)
            for k, line in enumerate(reversed(head)):
                ax.text(0, ty + (len(detail) + k) * line_u, line, ha="left", va="bottom", fontsize=10,
                        fontweight="bold", color=col if r["kind"] == "article" else "#0B3C5D").set_in_layout(False)
        y -= 0.4
        ax.set_ylim(y, 0.1)
        ax.set_xlim(0, xmax)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.xaxis.set_major_formatter(F._money_formatter(unit))
        ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(6))
        ax.set_xlabel(f"figure as published ({F._unit_label(unit)})")
        ax.xaxis.grid(True)
        ax.set_axisbelow(True)
        shown = [k for k in TIMELINE_STYLES if any(_category(r) == k for r in rows)]
        handles = [Line2D([], [], marker=TIMELINE_STYLES[k][1], ls="", color=TIMELINE_STYLES[k][0],
                          label=TIMELINE_STYLES[k][2]) for k in shown]
        ax.legend(handles=handles, ncols=len(handles), loc="lower left", bbox_to_anchor=(0.0, 1.0),
                  fontsize=F.MIN_FONT, columnspacing=1.0, handletextpad=0.3)
    setattr(fig, F.ALT_ATTR, f"Timeline of {len(rows)} published figures of {art['what']} in "
            f"{'; '.join(places) or 'one place'}, from worked articles and reference tables, oldest first, each "
            f"with the range its wording allows. {title}.")
    setattr(fig, F.ROWS_ATTR, [{"published": r["published"], "outlet": r["outlet"], "source": r["article"] or
                                "reference table", "id": r["id"], "figure": r["label"], "period": r["period"],
                                "low": r["low"], "high": r["high"], "unit": r["unit"], "verdict": r["verdict"],
                                "findings": "; ".join(r["findings"])} for r in rows])
    return fig
