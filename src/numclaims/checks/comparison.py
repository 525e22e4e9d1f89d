"""Comparisons of two figures: ``part <= whole`` and agreement of two estimates of one measure.

Both mind periods (:mod:`numclaims.periods`): figures for periods that do not overlap cannot be compared,
and a part whose period is not inside the whole's period may include what the whole does not count; both
cases are ``unverifiable``, with the periods in the explanation.
"""

from __future__ import annotations

from .base import (
    INCONSISTENT,
    CheckResult,
    Context,
    describe,
    figure,
    fmt_num,
    judge,
    le,
    level_and_points,
    overlap,
    rate_as_written,
    result,
    units_problem,
    unverifiable,
)


def _period_note(ctx: Context, a: str, b: str) -> str:
    pa, pb = ctx.periods.get(a), ctx.periods.get(b)
    missing = [x for x, p in ((a, pa), (b, pb)) if p is None]
    if missing:
        return "period not stated for " + ", ".join(missing) + " (assumed comparable)"
    return f"periods {a}: {pa}, {b}: {pb}"


def _pair(spec, ctx: Context, ids: list[str], roles: tuple[str, str]):
    """``(claim x, claim y, figures)`` of two claims with numeric intervals whose units convert (the
    second is converted to the first's unit, :mod:`numclaims.units`), or an ``unverifiable`` result
    saying which condition fails."""
    x, y = (ctx.claims[i] for i in ids)
    if ctx.intervals[ids[0]] is None or ctx.intervals[ids[1]] is None:
        return unverifiable(spec, ids, "an input has no numeric interval", "no_interval")
    problem = level_and_points(ctx, ids) or units_problem(ctx, ids, x.unit)
    if problem:
        return unverifiable(spec, ids, problem)
    # a one-figure rate against a rate in another time base is its written value (base.rate_as_written)
    return x, y, [rate_as_written(ctx, figure(ctx, roles[0], ids[0]), ids[0], ids[1]),
                  rate_as_written(ctx, figure(ctx, roles[1], ids[1], x.unit), ids[1], ids[0])]


def part_whole(spec, ctx: Context) -> CheckResult:
    """``part <= whole`` when the part's period lies inside the whole's (or a period is unknown).

    Example (hand-computed): "300 women" ([250, 350]) vs "as many as 1,600" ([0, 1,600]): 350 <= 1,600 ->
    consistent. "over 200 rescued" in 2011 vs "2,000 rescued in the past two years" counted back from
    the end of September 2013 (2011-10-01..2013-09-30): 2011 is not inside that window -> unverifiable.
    """
    ids = [spec.part, spec.whole]
    pair = _pair(spec, ctx, ids, ("part", "whole"))
    if isinstance(pair, CheckResult):
        return pair
    pc, wc, figs = pair
    pi, wi = figs[0].interval, figs[1].interval
    pp, wp = ctx.periods.get(spec.part), ctx.periods.get(spec.whole)
    if pp is not None and wp is not None:
        if not pp.overlaps(wp):
            return unverifiable(spec, ids, f"the periods do not overlap (part {pp}, whole {wp}); "
                                           "the part cannot be counted in the whole", "periods_disjoint")
        if not pp.within(wp):
            return unverifiable(spec, ids, f"the part's period {pp} is not inside the whole's period {wp}: "
                                           "part of what it counts may fall outside the whole "
                                           f"({describe(pc, pi)}; {describe(wc, ctx.intervals[spec.whole])})",
                                "period_not_nested")
    decision = judge(le, figs)
    whole_text = describe(wc, ctx.intervals[spec.whole]) + ("" if wc.unit == pc.unit else f" = {wi} {pc.unit}")
    lines = [f"part {describe(pc, pi)} must be at most whole {whole_text}", _period_note(ctx, *ids)]
    details = {"part": pi.to_list(), "whole": wi.to_list()}
    if decision.verdict == INCONSISTENT:
        lines.append(f"the part's lowest value {fmt_num(pi.lo)} exceeds the whole's highest {fmt_num(wi.hi)}")
    return result(spec, ids, decision, figs, lines, details)


def agreement(spec, ctx: Context) -> CheckResult:
    """Two estimates of the same measure agree when their intervals share a value.

    Example (hand-computed): "as many as 1,600" ([0, 1,600]) vs "over 4,500" ((4,500, +inf)): no common
    value; the gap is 2,900 and the lower bound of one is 4,500 / 1,600 = 2.8 times the upper bound of the
    other -> inconsistent.
    """
    ids = [spec.a, spec.b]
    pair = _pair(spec, ctx, ids, ("a", "b"))
    if isinstance(pair, CheckResult):
        return pair
    ac, bc, figs = pair
    pa, pb = ctx.periods.get(spec.a), ctx.periods.get(spec.b)
    if pa is not None and pb is not None and not pa.overlaps(pb):
        return unverifiable(spec, ids, f"the periods do not overlap ({spec.a}: {pa}; {spec.b}: {pb})",
                            "periods_disjoint")
    ai, bi = figs[0].interval, figs[1].interval
    decision = judge(overlap, figs)
    parts = [describe(ac, ai), describe(bc, ctx.intervals[spec.b]) + ("" if bc.unit == ac.unit else f" = {bi} {ac.unit}")]
    details = {"a": ai.to_list(), "b": bi.to_list()}
    both = ai.intersect(bi)
    if both is not None:
        parts.append(f"common values {both}")
    else:
        lo_iv, hi_iv = (ai, bi) if ai.hi <= bi.lo else (bi, ai)
        gap = lo_iv.gap(hi_iv)
        parts.append(f"no common value; gap {fmt_num(gap)}")
        if lo_iv.hi > 0:
            factor = hi_iv.lo / lo_iv.hi
            parts.append(f"the lower bound {fmt_num(hi_iv.lo)} is {factor:.1f} times the upper bound {fmt_num(lo_iv.hi)}")
            details["factor"] = round(factor, 3)
        details["gap"] = gap
    parts.append(_period_note(ctx, *ids))
    return result(spec, ids, decision, figs, parts, details)


# -------------------------------------------------------------------------------------- declaration
# The kinds of this module, declared once (numclaims.checks.registry); the engine, the claims-file
# checks and the docs' table of check kinds read them from the registry.
from ..records import AgreementCheck, PartWholeCheck  # noqa: E402
from .registry import Chart, register  # noqa: E402

register("part_whole", spec=PartWholeCheck, function=part_whole, fields=("part", "whole"),
         title="part within its whole",
         relation="part <= whole, minding whether the periods nest",
         chart=Chart("a part must not exceed its whole",
                     lambda ch, q: ([(f"part: {q(0)}", ch.details.get("part")),
                                     (f"whole: {q(1)}", ch.details.get("whole"))], 1),
                     min_claims=2, relation="at_most"))
register("agreement", spec=AgreementCheck, function=agreement, fields=("a", "b"),
         title="two estimates of one measure",
         relation="two estimates of one measure share a value",
         chart=Chart("two estimates of one measure",
                     lambda ch, q: ([(q(0), ch.details.get("a")), (q(1), ch.details.get("b"))], 0),
                     min_claims=2),
         unverifiable="Whether {0} and {1} agree cannot be decided: {reason}.")
