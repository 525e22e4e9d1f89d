"""Shares and fractions of a total: "42 percent of the 2,000 victims", "three quarters of over 4,500".

The implied part is ``share x total`` in interval arithmetic. A percentage of a count is also put to the
GRIM test (Brown & Heathers 2016, applied to percentages as in scrutiny's ``grim(percent = TRUE)``): can
the percentage, rounded as written, be a whole number of people out of the total as written?
"""

from __future__ import annotations

from ..claimvalues import claim_precision
from ..granularity import grim
from ..intervals import Interval
from .base import (
    CONSISTENT,
    INCONSISTENT,
    TENSION,
    UNVERIFIABLE,
    CheckResult,
    Context,
    decide,
    describe,
    fmt_iv,
    fmt_num,
    le,
    overlap,
    unverifiable,
)


def _share_interval(ctx: Context, cid: str) -> tuple[Interval, float] | None:
    """Share as a fraction of 1 with the factor applied (percent -> /100)."""
    c, iv = ctx.claims[cid], ctx.intervals[cid]
    if iv is None:
        return None
    if c.base_unit == "percent":
        return iv * 0.01, 0.01
    if c.base_unit in ("fraction", "ratio"):
        return iv, 1.0
    return None


def _inputs(spec, ctx: Context, ids: list[str], share_id: str, whole_id: str):
    """``(share as a fraction of 1, factor, whole claim, whole interval)``, or an ``unverifiable`` result."""
    share = _share_interval(ctx, share_id)
    if share is None:
        return unverifiable(spec, ids, f"{share_id} is not a percentage or fraction")
    wi = ctx.intervals[whole_id]
    if wi is None:
        return unverifiable(spec, ids, f"{whole_id} has no numeric interval")
    return share[0], share[1], ctx.claims[whole_id], wi


def _decimals_written(ctx: Context, cid: str) -> str:
    """The share as a string with the decimals it was written with (scrutiny's string inputs)."""
    c = ctx.claims[cid]
    p = claim_precision(c)
    dec = 0
    while p < 1 and dec < 6:
        p *= 10
        dec += 1
    return f"{c.value:.{dec}f}"


def share_of_total(spec, ctx: Context) -> CheckResult:
    """Implied part of ``share x total``, GRIM of the share against the written total, and ``part`` if given.

    Example (hand-computed): "42 percent" -> [41.5, 42.5] %; "2,000" -> [1,500, 2,500]; implied part
    [622.5, 1,062.5]; GRIM: 840 / 2,000 = 42.0 % -> consistent.
    """
    ids = [spec.share, spec.total] + ([spec.part] if spec.part else [])
    inputs = _inputs(spec, ctx, ids, spec.share, spec.total)
    if isinstance(inputs, CheckResult):
        return inputs
    si, factor, total_c, ti = inputs
    implied = si * ti
    sc = ctx.claims[spec.share]
    lines = [f"share {describe(sc, ctx.intervals[spec.share])}", f"total {describe(total_c, ti)}",
             f"implied part = share x total = {fmt_iv(implied, 'persons' if total_c.base_unit == 'persons' else total_c.unit)}"]
    details = {"implied": implied.to_list()}
    verdict = CONSISTENT
    if sc.base_unit == "percent" and total_c.base_unit in ("persons", "count") and total_c.value and total_c.value >= 1:
        x = _decimals_written(ctx, spec.share)
        n = int(round(total_c.value))
        ok = grim(x, n, percent=True)
        k = round(float(x) * n / 100)
        details["grim"] = {"x": x, "n": n, "percent": True, "consistent": ok}
        if ok:
            lines.append(f"GRIM: {x} % of {n:,} is possible ({k:,} / {n:,} = {k / n * 100:.{max(len(x.split('.')[1]) if '.' in x else 0, 1)}f} %)")
        else:
            exact_total = ti.width == 0
            lines.append(f"GRIM: no whole number of {n:,} rounds to {x} % (nearest {k:,} / {n:,} = {k / n * 100:.3f} %)"
                         + ("" if exact_total else "; the total is itself rounded, so only its written value fails"))
            verdict = INCONSISTENT if exact_total else TENSION
    if spec.part:
        pc, pi = ctx.claims[spec.part], ctx.intervals[spec.part]
        if pi is None:
            return unverifiable(spec, ids, f"{spec.part} has no numeric interval")
        v2 = decide(lambda s, t, p: overlap(s * t, p), si, ti, pi)
        lines.append(f"stated part {describe(pc, pi)}")
        verdict = max((verdict, v2), key=lambda v: (v == INCONSISTENT, v == TENSION))
        details["stated"] = pi.to_list()
    elif sc.value is not None and total_c.value is not None:
        lines.append(f"as written: {fmt_num(sc.value)} % x {fmt_num(total_c.value)} = {fmt_num(sc.value * factor * total_c.value)}")
    return CheckResult(spec.id, spec.kind, ids, verdict, "; ".join(lines) + f" -> {verdict}", details)


_REL = {"le": (le, "at most"), "ge": (lambda a, b: le(b, a), "at least"), "eq": (overlap, "equal to")}


def fraction_of(spec, ctx: Context) -> CheckResult:
    """``fraction x whole`` and, with ``compare``, how the implied part stands to another claim.

    Example (hand-computed): "three quarters" -> [0.625, 0.875] (nearest quarter); "over 4,500" ->
    (4,500, +inf); implied minors (2,812.5, +inf). Against "as many as 1,600" ([0, 1,600]) with relation
    ``le`` (the implied minors must fit inside the 1,600): 2,812.5 > 1,600 -> inconsistent.
    """
    ids = [spec.fraction, spec.whole] + ([spec.compare] if spec.compare else [])
    inputs = _inputs(spec, ctx, ids, spec.fraction, spec.whole)
    if isinstance(inputs, CheckResult):
        return inputs
    fi, _, wc, wi = inputs
    implied = fi * wi
    lines = [f"fraction {describe(ctx.claims[spec.fraction], ctx.intervals[spec.fraction])}",
             f"whole {describe(wc, wi)}", f"implied part = {fmt_iv(implied, wc.unit)}"]
    details = {"implied": implied.to_list()}
    if not spec.compare:
        return CheckResult(spec.id, spec.kind, ids, UNVERIFIABLE,
                           "; ".join(lines) + " -> unverifiable: no claim to compare the implied part with "
                           "(add `compare:`)", details)
    cc, ci = ctx.claims[spec.compare], ctx.intervals[spec.compare]
    if ci is None:
        return unverifiable(spec, ids, f"{spec.compare} has no numeric interval")
    rel, words = _REL[spec.relation]
    verdict = decide(lambda f, w, c: rel(f * w, c), fi, wi, ci)
    lines.append(f"the implied part must be {words} {describe(cc, ci)}")
    if verdict == INCONSISTENT and implied.lo > ci.hi and ci.hi > 0:
        lines.append(f"its lowest value {fmt_num(implied.lo)} is {implied.lo / ci.hi:.1f} times {fmt_num(ci.hi)}")
        details["factor"] = round(implied.lo / ci.hi, 3)
    details["compare"] = ci.to_list()
    return CheckResult(spec.id, spec.kind, ids, verdict, "; ".join(lines) + f" -> {verdict}", details)


# -------------------------------------------------------------------------------------- declaration
# The kinds of this module, declared once (numclaims.checks.registry); the engine, the claims-file
# checks and the docs' table of check kinds read them from the registry.
from ..records import FractionOfCheck, ShareOfTotalCheck  # noqa: E402
from .registry import register  # noqa: E402

register("share_of_total", spec=ShareOfTotalCheck, function=share_of_total, fields=("share", "total", "part"),
         relation="percentage of a total: implied part, GRIM test of the percentage")
register("fraction_of", spec=FractionOfCheck, function=fraction_of, fields=("fraction", "whole", "compare"),
         relation=("fraction of a (bounded) whole against another claim; without `compare` only the implied "
                   "part is given (`unverifiable`)"))
