"""Check kind ``external``: a claim against the reference rows it cites (``datasets/reference``).

A check record ``{id, kind: external, claim: <claim id>, evidence: [row ids]}`` compares the claim with the
rows listed in ``evidence`` (default: the claim's own ``evidence``). Rows come from
:func:`numclaims.evidence.load_reference` via ``Context.reference``; each row becomes an interval with the
same rules as a claim (:func:`numclaims.reference_rows.row_interval`, i.e. :func:`numclaims.rules.interval_for`
with the row's qualifier; ranges by their low and high).

How the *measure* is matched (what may be compared with what):

* The claim's measure is the ``measure_id`` of the **first row it cites that is not a component**
  (``part_of`` empty). The fact-checker decides which rows a claim cites; the tidy table decides, in
  ``measure_id``, which rows count the same thing in the same place.
* Cited rows with that ``measure_id`` and the claim's unit are **estimates**: compared with the claim.
  Cited rows with ``part_of`` are **components** (their sum is shown against the row they make up). Other
  cited rows are **context** (another definition, place or unit): listed, never compared.
* An estimate whose period does not overlap the claim's stated period is about another time: listed,
  not used for the verdict (it still counts for ``outlier``).
* ``outlier`` compares the claim with **every** row of the table with the same ``measure_id`` and unit,
  cited or not.

An estimate **supports** the claim when one of the figures the source wrote (value, low, high) lies in the
claim's interval, or the claim's value lies in the row's interval and that interval is bounded ("at least
1,500" does not support "over 4,500": it bounds nothing above).

Verdict (the words of :mod:`numclaims.checks.base`, read for sources):

* some estimate supports the claim: the best of ``decide(overlap, claim, row)`` over the supporting rows
  (``consistent`` or ``tension``), lowered to ``tension`` when another in-period estimate of the same
  measure shares no value with the claim;
* no estimate supports it: ``inconsistent`` when some in-period estimate shares no value with the claim,
  else ``unverifiable``; with a ``no_source`` finding either way;
* no estimate at all (nothing cited, or only context): ``unverifiable`` with ``no_source``.

Findings (``CheckResult.findings``: ``{code, detail, evidence: [row ids]}``):

``qualifier_dropped``
    A supporting row hedges (approximately, nearly, more/less than, at least, up to, range) and the claim is
    written flat (qualifier ``exact``): "about 300" became "300".
``period_changed``
    For supporting rows that count over a period (``period_kind: over``): the claim gives no period while
    the source's lasts longer than :data:`PERIOD_OMITTED_DAYS` days; or the claim's period differs from the
    source's: a duration-type claim period ("in the past two years") must start and end within
    :data:`PERIOD_SLACK_DAYS` days of the source's start and end (each read at its stated precision:
    "2010" is any day of 2010); a date-type claim period ("in 2011") must contain the source's period
    (same slack).
``stale_figure``
    A supporting row's period ends more than :data:`STALE_DAYS` days (one year) before the article's
    publication, and the claim gives no period, or one ending more than :data:`STALE_DAYS` days after the
    row's: an old estimate presented as current.
``no_source``
    No cited estimate supports the claim (see above). The detail lists what was cited and any row of
    another measure that states the claim's very figure ("4,500 matches ... La Rinconada instead").
``outlier``
    The claim's whole interval lies at least :data:`OUTLIER_FACTOR` times above the highest figure, or
    below the lowest, of every row of the same measure (at least two such rows): factor = claim low /
    highest figure, or lowest figure / claim high. "over 4,500" against Madre de Dios estimates of 1,100
    to 1,600: 4,500 / 1,600 = 2.81.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..reference_rows import (
    measure_of,
    period_bounds,
    row_interval,
    row_written,
    stated_figures,
)
from ..intervals import Interval
from ..periods import Period
from ..records import DURATION_UNITS
from ..vocabulary import DAYS_PER_YEAR, months_in
from .base import (
    CONSISTENT,
    INCONSISTENT,
    SEVERITY,
    TENSION,
    UNVERIFIABLE,
    CheckResult,
    Context,
    Figure,
    describe,
    figure,
    fmt_num,
    judge,
    overlap,
)

#: A reference period ending more than this many days before publication makes a figure stale.
STALE_DAYS = 365
#: A claim at least this many times above (below) every other estimate of its measure is an outlier.
OUTLIER_FACTOR = 2.0
#: Slack, in days, when comparing period ends (sources state months; articles count back from a date).
PERIOD_SLACK_DAYS = 31
#: A source period longer than this many days that the claim omits is a changed period.
PERIOD_OMITTED_DAYS = 31

FINDING_CODES = ("qualifier_dropped", "period_changed", "stale_figure", "no_source", "outlier")

_HEDGED = {"approximately", "nearly", "more_than", "at_least", "less_than", "up_to", "range"}
_SPAN_WORDS = re.compile(r"\b(past|last|over|for|since|within|during the past)\b|/")


def _n(x: float | None) -> str:
    return "?" if x is None else fmt_num(x)


def _as_written(row: dict[str, Any]) -> str:
    """"about 300 persons", "range 1,500-4,000 persons" from a row."""
    q = row.get("qualifier_as_written") or row["qualifier"].replace("_", " ")
    if row["qualifier"] == "range":
        return f"{_n(row['value_low'])}-{_n(row['value_high'])} {row['unit']}"
    word = "" if row["qualifier"] == "exact" else f"{q} "
    return f"{word}{_n(row['value'])} {row['unit']}"


def _period_text(row: dict[str, Any]) -> str:
    ps, pe = row.get("period_start"), row.get("period_end")
    if not ps:
        return "no period"
    return ps if ps == pe else f"{ps} to {pe}"


def _months(row: dict[str, Any]) -> str:
    """Length of a row's period in calendar months, "24" or "35 to 46" when the precision is a year."""
    s_first, s_last = period_bounds(row["period_start"], False), period_bounds(row["period_start"], True)
    e_first, e_last = period_bounds(row["period_end"], False), period_bounds(row["period_end"], True)
    longest = (e_last.year - s_first.year) * 12 + e_last.month - s_first.month + 1
    shortest = max((e_first.year - s_last.year) * 12 + e_first.month - s_last.month + 1, 1)
    return str(longest) if longest == shortest else f"{shortest} to {longest}"


def _claim_months(p: Period) -> str:
    return f"{months_in(p.days):.0f}"


def claim_period_kind(spec_claim, ctx: Context) -> str | None:
    """``"over"`` when the claim's ``measure.period`` is a span (a duration claim, "in the past two years",
    explicit start/end), ``"at"`` when it dates the figure (a date claim, "in 2011"), None without one."""
    ps = spec_claim.measure.period
    if ps is None:
        return None
    if ps.claim:
        ref = ctx.claims.get(ps.claim)
        return "over" if ref is not None and ref.base_unit in DURATION_UNITS else "at"
    if ps.expression:
        return "over" if _SPAN_WORDS.search(ps.expression.lower()) else "at"
    return "over"


def supports(claim_iv: Interval, claim_value: float | None, row: dict[str, Any], row_iv: Interval) -> bool:
    """Whether the row backs the claim: a figure the source wrote lies in the claim's interval, or the
    claim's value lies in the row's bounded interval."""
    if any(claim_iv.contains(f) for f in stated_figures(row)):
        return True
    return row_iv.bounded and claim_value is not None and row_iv.contains(claim_value)


def _period_change(claim_period: Period | None, kind: str | None, row: dict[str, Any]) -> str | None:
    """Why the claim's period differs from the row's, or None (rules in the module docstring)."""
    if row.get("period_kind") != "over" or not row.get("period_start"):
        return None
    slack = dt.timedelta(days=PERIOD_SLACK_DAYS)
    s_first, s_last = period_bounds(row["period_start"], False), period_bounds(row["period_start"], True)
    e_first, e_last = period_bounds(row["period_end"], False), period_bounds(row["period_end"], True)
    src = f"the source counts over {_period_text(row)} ({_months(row)} months)"
    if claim_period is None:
        if (e_first - s_last).days + 1 > PERIOD_OMITTED_DAYS:
            return f"{src}; the article gives no period"
        return None
    cp = claim_period
    mine = (f"the article's period is {cp.start.isoformat()} to {cp.end.isoformat()} ({_claim_months(cp)} months)"
            if cp.length is None else  # a period whose end is known to a range of days (periods.either)
            f"the article's period is {_claim_months(cp)} months within {cp.start.isoformat()} to {cp.end.isoformat()}")
    if kind == "at":
        ok = cp.start - slack <= s_first and e_last <= cp.end + slack
    else:
        ok = (s_first - slack <= cp.start <= s_last + slack) and (e_first - slack <= cp.end <= e_last + slack)
    return None if ok else f"{src}; {mine}"


def external(spec, ctx: Context) -> CheckResult:
    """Compare one claim with the reference rows it cites; verdict and findings as in the module docstring.

    Example (hand-computed): "over 4,500" -> (4,500, +inf) citing Huarayo's about 1,200 ([1,080, 1,320]),
    at least 1,500 and more than 1,100: no written figure lies above 4,500 and the only bounded interval
    holds no 4,500 -> no_source; [1,080, 1,320] shares no value with (4,500, +inf) -> inconsistent; the
    highest figure of the measure is 1,600 (Huarayo 2011, up to) -> 4,500 / 1,600 = 2.81 >= 2 -> outlier.
    """
    claim = ctx.claims[spec.claim]
    ids = [spec.claim]
    civ = ctx.intervals.get(spec.claim)
    cited = list(spec.evidence) or list(claim.evidence)
    findings: list[dict[str, Any]] = []
    ref = ctx.reference or {}
    if civ is None:
        return CheckResult(spec.id, spec.kind, ids, UNVERIFIABLE, f"{claim.id} has no numeric interval",
                           {"evidence": cited}, findings, reason="no_interval", note=spec.note)
    missing = [r for r in cited if r not in ref]
    rows = [ref[r] for r in cited if r in ref]
    cperiod = ctx.periods.get(claim.id)
    ckind = claim_period_kind(claim, ctx)
    head = describe(claim, civ) + (f", period {cperiod}" if cperiod else ", no period stated")

    measure = measure_of(rows)
    estimates, components, context = [], [], []
    for r in rows:
        if r.get("part_of"):
            components.append(r)
        elif measure is not None and r.get("measure_id") == measure and r["unit"] == claim.unit:
            estimates.append(r)
        else:
            context.append(r)

    details: dict[str, Any] = {"claim_interval": civ.to_list(), "measure_id": measure, "rows": []}
    lines = [head]
    supporting, contradicting = [], []
    cfig = figure(ctx, "claim", spec.claim)
    figs = [cfig]
    for r in estimates:
        riv = row_interval(r)
        in_period = True
        if cperiod is not None and r.get("start_date") and r.get("end_date"):
            slack = dt.timedelta(days=PERIOD_SLACK_DAYS)
            in_period = r["start_date"] <= cperiod.end + slack and cperiod.start - slack <= r["end_date"]
        rfig = Figure("reference", [r["id"]], r.get("value"), riv, row_written(r), r["unit"], r["id"],
                      r["qualifier"] == "exact")
        figs.append(rfig)
        verdict = judge(overlap, [cfig, rfig]).verdict
        sup = supports(civ, claim.value, r, riv)
        info = {"id": r["id"], "role": "estimate", "interval": riv.to_list(), "verdict": verdict,
                "supports": sup, "in_period": in_period, "period": [r.get("period_start"), r.get("period_end")]}
        details["rows"].append(info)
        where = f"{r['publisher']}, {_period_text(r)}"
        if not in_period:
            lines.append(f"{r['id']}: {_as_written(r)} -> {riv} ({where}): another period, not compared")
            continue
        tag = "supports" if sup else ("shares no value" if verdict == INCONSISTENT else "compatible, does not back it")
        lines.append(f"{r['id']}: {_as_written(r)} -> {riv} ({where}): {verdict}, {tag}")
        if sup:
            supporting.append((r, verdict))
        elif verdict == INCONSISTENT:
            contradicting.append(r)
    for parent in sorted({r["part_of"] for r in components}):
        parts = [x for x in ref.values() if x.get("part_of") == parent]
        total = sum(x["value"] or 0 for x in parts)
        p = ref.get(parent)
        pv = p.get("value") if p else None
        eq = "=" if pv is not None and total == pv else "!="
        lines.append("components " + " + ".join(f"{x['id']} ({_n(x['value'])})" for x in parts)
                     + f" = {_n(total)} {eq} {parent} ({_n(pv)})")
        for x in components:
            details["rows"].append({"id": x["id"], "role": "component", "part_of": parent})
    for r in context:
        why = "another unit" if r["unit"] != claim.unit else f"another measure ({r.get('measure_id')})"
        lines.append(f"context, not compared: {r['id']}: {r['measure']}, {_as_written(r)}, {_period_text(r)} ({why})")
        details["rows"].append({"id": r["id"], "role": "context"})
    if missing:
        lines.append("rows not in the reference tables: " + ", ".join(missing))

    # ------------------------------------------------------------------ verdict
    if not estimates:
        verdict = UNVERIFIABLE
        why = "cites no reference row" if not cited else "cites no figure of the same measure and unit"
        findings.append({"code": "no_source", "detail": f"{claim.id} {why}", "evidence": cited})
    elif supporting:
        verdict = min((v for _, v in supporting), key=lambda v: SEVERITY[v])
        if contradicting and verdict == CONSISTENT:
            verdict = TENSION
        if contradicting:
            lines.append("supported by " + ", ".join(r["id"] for r, _ in supporting) + " but "
                         + ", ".join(f"{r['id']} ({_as_written(r)})" for r in contradicting)
                         + " share no value with it")
    else:
        verdict = INCONSISTENT if contradicting else UNVERIFIABLE
        elsewhere = [x for x in ref.values()
                     if x.get("measure_id") != measure and x["unit"] == claim.unit and claim.value is not None
                     and claim.value in stated_figures(x)]
        cited_text = ", ".join(f"{r['id']}: {_as_written(r)}" for r in estimates)
        detail = f"no cited figure of {measure} supports \u201c{claim.text or claim.quote}\u201d ({cited_text})"
        if elsewhere:
            places = sorted({x.get("place") or "?" for x in elsewhere})
            detail += (f"; {fmt_num(claim.value)} matches " + ", ".join(x["id"] for x in elsewhere)
                       + f" ({'; '.join(places)}) instead")
        findings.append({"code": "no_source", "detail": detail,
                         "evidence": [r["id"] for r in estimates] + [x["id"] for x in elsewhere]})

    # ------------------------------------------------------------------ findings from supporting rows
    sup_rows = [r for r, _ in supporting]
    hedged = [r for r in sup_rows if r["qualifier"] in _HEDGED]
    if claim.qualifier == "exact" and hedged:
        findings.append({
            "code": "qualifier_dropped",
            "detail": "; ".join(f"the source says \u201c{_as_written(r)}\u201d ({r['id']})" for r in hedged)
                      + f"; the article gives a flat \u201c{claim.text or claim.quote}\u201d",
            "evidence": [r["id"] for r in hedged],
        })
    changed = [(r, _period_change(cperiod, ckind, r)) for r in sup_rows]
    changed = [(r, why) for r, why in changed if why]
    if changed:
        findings.append({"code": "period_changed", "detail": "; ".join(f"{r['id']}: {why}" for r, why in changed),
                         "evidence": [r["id"] for r, _ in changed]})
    published = ctx.published
    stale = []
    for r in sup_rows:
        end = r.get("end_date")
        if end is None or (published - end).days <= STALE_DAYS:
            continue
        if cperiod is not None and (cperiod.end - end).days <= STALE_DAYS:
            continue
        stale.append((r, (published - end).days))
    if stale:
        findings.append({
            "code": "stale_figure",
            "detail": "; ".join(f"{r['id']} ({_as_written(r)}, {r['publisher']}) covers {_period_text(r)}, ending "
                                f"{r['end_date'].isoformat()}: {days} days ({days / DAYS_PER_YEAR:.1f} years) before the "
                                f"article's publication on {published.isoformat()}" for r, days in stale),
            "evidence": [r["id"] for r, _ in stale],
        })

    # ------------------------------------------------------------------ outlier against the whole measure
    group = [x for x in ref.values() if measure is not None and x.get("measure_id") == measure
             and not x.get("part_of") and x["unit"] == claim.unit]
    if len(group) >= 2:
        tops = [(x["value_high"] if x.get("value_high") is not None else x["value"], x) for x in group]
        bottoms = [(x["value_low"] if x.get("value_low") is not None else x["value"], x) for x in group]
        top, top_row = max(tops, key=lambda t: t[0])
        bottom, bottom_row = min(bottoms, key=lambda t: t[0])
        spread = f"other estimates of {measure} run from {fmt_num(bottom)} to {fmt_num(top)}"
        factor = None
        if civ.low is not None and top > 0 and civ.lo / top >= OUTLIER_FACTOR:
            factor = civ.lo / top
            detail = (f"the claim's lowest value {fmt_num(civ.lo)} is {factor:.2f} times the highest other estimate, "
                      f"{fmt_num(top)} ({top_row['id']}); {spread}")
        elif civ.high is not None and civ.hi > 0 and bottom / civ.hi >= OUTLIER_FACTOR:
            factor = bottom / civ.hi
            detail = (f"the lowest other estimate, {fmt_num(bottom)} ({bottom_row['id']}), is {factor:.2f} times the "
                      f"claim's highest value {fmt_num(civ.hi)}; {spread}")
        if factor is not None:
            details["outlier_factor"] = round(factor, 4)
            findings.append({"code": "outlier", "detail": detail, "evidence": [x["id"] for x in group]})

    order = {c: i for i, c in enumerate(FINDING_CODES)}
    findings.sort(key=lambda f: order[f["code"]])
    if findings:
        lines.append("findings: " + ", ".join(f["code"] for f in findings))
    if verdict == UNVERIFIABLE:
        reason = "no_source"
    elif supporting:
        reason = "supported_but_contradicted" if contradicting else "supported"
    else:
        reason = "no_overlap"
    cause = None
    if verdict == INCONSISTENT and contradicting:
        r0 = contradicting[0]
        side = "high" if row_interval(r0).lo > civ.hi else "low"
        cause = {"role": "claim", "bound": side}
    elif verdict == TENSION and contradicting:
        cause = {"role": "reference", "bound": "value"}
    return CheckResult(spec.id, spec.kind, ids, verdict, "; ".join(lines) + f" -> {verdict}", details, findings,
                       reason=reason, figures=figs, cause=cause, note=spec.note)


# -------------------------------------------------------------------------------------- declaration
# The kinds of this module, declared once (numclaims.checks.registry); the engine, the claims-file
# checks and the docs' table of check kinds read them from the registry.
from ..records import ExternalCheck  # noqa: E402
from .registry import Chart, register  # noqa: E402

register("external", spec=ExternalCheck, function=external, fields=("claim",),
         title="against the sources",
         relation="a claim against the reference rows it cites", chart=Chart("claim against reference figures"),
         unverifiable="{0} cannot be compared with its sources: {reason}.")
