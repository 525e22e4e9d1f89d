"""Relations news articles state between their figures: comparison, change, complement, implied ratio.

==================  =====================================================  =================================
kind                relation                                               example (hand-computed)
==================  =====================================================  =================================
``comparison``      ``a > b`` (``gt``, ``ge``, ``lt``, ``le``), optionally  878 > 3 x 287 = 861 ("more than
                    ``a`` against ``times x b``; with ``as_rate`` each      triple"); 1,054 in 2019 vs 508 in
                    figure divided by its period (flows as rates)          Jan-Jun 2020: 1,054 vs 1,016 a
                                                                           year
``change``          ``later = earlier x (1 +/- change)`` (percent or        456 -> 363 "down by around 20
                    fraction), ``later = earlier +/- change`` (amount),     percent": as written 456 x (1 -
                    ``later = factor x earlier`` ("doubled")               [19.5, 20.5] %) = [362.5, 367.1]
                                                                           holds 363
``complement``      shares of one whole add to 100 %: ``parts`` and the     "60 percent ... the remainder
                    ``remainder``                                          40 percent": 100 - [59.5, 60.5]
``implied_ratio``   ``numerator / denominator`` (no ratio stated) against   $305 million / $1 billion =
                    a reference row (``evidence``) giving a plausible       30.5 % against a 30 % tax rate
                    value
==================  =====================================================  =================================

Every relation is judged by :func:`numclaims.checks.base.judge` over the figures it compares (claims as
:class:`numclaims.checks.base.Figure`: interval and as-written reading), with the verdict levels of
docs/semantics.md: ``consistent`` when it holds with every figure as written, ``tension`` when it fails as
written but holds within the intervals, ``inconsistent`` when no values of the intervals satisfy it; the
explanation and ``cause`` name the figure and bound responsible. A number the check record gives
(``times: 3``, ``factor: 2``) is exact and never the cause. Figures the check computes (``implied``,
``ratio``, ``sum``) follow the judged ones in ``figures``. Units convert by :mod:`numclaims.units`; an
implied later count is cut to whole numbers (:func:`numclaims.checks.base.whole`).

Comparisons ask whether *some* values satisfy the relation, as :func:`numclaims.checks.base.le` does for
``part_whole``: "757 is the highest" holds against 700 because 757 > 700; "about 300 is more than 340" is
``tension`` (300 > 340 fails as written; 350, the top of [250, 350], is more than 340).
"""

from __future__ import annotations

from fractions import Fraction
from functools import reduce
from typing import Any, Callable

from ..reference_rows import row_written
from ..intervals import Interval
from ..records import DURATION_UNITS
from ..rules import DISCRETE_UNITS
from ..units import CALENDAR_POINT, SHARE_WHOLE, SHARES, calendar_rate, conversion, quotient_factor, quotient_problem
from ..vocabulary import DAYS_PER
from .base import (
    CONSISTENT,
    INCONSISTENT,
    SEVERITY,
    CheckResult,
    Context,
    Figure,
    _scaled,
    describe,
    figure,
    fmt_iv,
    fmt_num,
    judge,
    le,
    level_and_points,
    rate_as_written,
    scaled_between,
    overlap,
    part_of,
    result,
    shown,
    signed_percent,
    units_problem,
    unverifiable,
    whole,
    within_whole,
    word_of,
)

#: The number a share's whole is written as (percent of 100, fraction and ratio of 1).


def _computed(role: str, claims: list[str], written: float | None, iv: Interval, aw: Interval, unit: str,
              label: str, rounding_only: bool = True) -> Figure:
    """A figure the check computes (a rate, ``times x b``, an implied figure) with exactly the readings
    given (``aw`` inside ``iv``): a rate or a bound of a count is not a whole number, so it is not cut
    here; callers cut an implied count with :func:`whole`."""
    f = Figure(role, list(claims), written, iv, aw, unit, label, rounding_only)
    f.interval, f.as_written = iv, aw
    return f


def _constant(role: str, value: float) -> Figure:
    """A number the check record gives (``times: 3``): exact in both readings, so never the cause."""
    pt = Interval.point(value)
    return _computed(role, [], value, pt, pt, "ratio", f"the number {fmt_num(value)}")


def _numeric(spec, ctx: Context, ids: list[str]) -> CheckResult | None:
    bad = [i for i in ids if ctx.intervals.get(i) is None]
    if bad:
        return unverifiable(spec, ids, f"{', '.join(bad)} has no numeric interval (a date)", "no_interval")
    return None


def _overlap_text(implied: Interval | None, stated: Interval) -> str:
    if implied is None:
        return "no whole count"
    both = implied.intersect(stated)
    if both is not None:
        return f"they share {both}"
    return f"they are {fmt_num(implied.gap(stated))} apart"


def _multiple(ctx: Context, ref: Any, role: str) -> Figure | str:
    """The figure of a ``times``/``factor`` field: a claim as a plain number (``ratio``), or the number
    given; a string saying why a claim is not a plain number."""
    if isinstance(ref, str):
        return units_problem(ctx, [ref], "ratio") or figure(ctx, role, ref, "ratio")
    return _constant(role, float(ref))


def _described(ctx: Context, cid: str, fig: Figure) -> str:
    """``“words” (id) -> interval unit``, and the converted interval when the figure is in another unit."""
    c = ctx.claims[cid]
    return describe(c, ctx.intervals[cid]) + ("" if fig.unit == c.unit else f" = {fmt_iv(fig.interval, fig.unit)}")


# ------------------------------------------------------------------------------------------ comparison
def _gt(a: Interval, b: Interval) -> bool:
    """Some ``x`` in ``a`` and ``y`` in ``b`` have ``x > y``."""
    return a.hi > b.lo


def _ge(a: Interval, b: Interval) -> bool:
    return le(b, a)


_REL = {
    "gt": (_gt, ">", "more than"),
    "ge": (_ge, ">=", "at least"),
    "lt": (lambda a, b: _gt(b, a), "<", "less than"),
    "le": (le, "<=", "at most"),
    "eq": (overlap, "=", "equal to"),
}


def _rate(spec, ctx: Context, ids: list[str], role: str, cid: str, base: str) -> tuple[Figure, str] | CheckResult:
    """``(figure, how)``: claim ``cid`` as a rate in ``<base> per <as_rate>``, a claim written as a rate
    converted to that time base, a flow over a known period divided by the period's length (pint's Julian
    year, :mod:`numclaims.units`); else an ``unverifiable`` result saying why."""
    c, per = ctx.claims[cid], spec.as_rate
    target = f"{base} per {per}"
    period = ctx.periods.get(cid) if c.per is None else None
    if c.per is None and c.base_unit in DURATION_UNITS:
        return unverifiable(spec, ids, f"{cid} is a duration, not a flow over a period", "not_a_rate")
    if c.per is None and period is None:
        return unverifiable(spec, ids, f"the period of {cid} is not known (give its measure.period)",
                            "period_unknown")
    factor, why = conversion(c.unit if c.per else f"{c.unit} per {per}", target)
    if factor is None:
        return unverifiable(spec, ids, f"units differ ({cid}): {why}")
    f = figure(ctx, role, cid)  # the claim's own readings: a count over its period is a whole number
    f = rate_as_written(ctx, f, cid, [i for i in ids[:2] if i != cid][0])  # base.rate_as_written
    how = f"x {fmt_num(float(factor))}"
    if period is not None:
        length = period.length_in(per)  # whole calendar months count as months (periods.Period.length_in)
        factor /= length
        calendar = length != Fraction(period.days) / Fraction(DAYS_PER[per])
        plural = "" if length == 1 else "s"  # "1 calendar month", "6 calendar months"
        size = "" if per == "day" else f" = {fmt_num(float(length))}{' calendar' if calendar else ''} {per}{plural}"
        how = (f"over {period} ({period.days} days{size})" if period.length is None else
               f"over {period.days} days{size} within {period}, as its end is not known to the day")
    cal = _calendar(c, per, period, target)
    if cal is not None:  # every calendar length (units.calendar_rate); the written point the conventional one
        factors, ordinary = cal
        iv, aw = scaled_between(f.interval, factors), scaled_between(f.as_written, factors)
        written = None if f.written is None else float(f.written * ordinary)
        if c.per is not None:
            how = f"x {fmt_num(float(factors[0]))} to {fmt_num(float(factors[1]))}"
        return _computed(role, [cid], written, iv, aw, target, f"{f.label} = {iv} {target}", f.rounding_only), \
            how + (" (a year of 52 to 366/7 weeks)" if {c.per, per} == {"week", "year"} or c.per is None
                   else " (every calendar length)")
    iv, aw = _scaled(f.interval, factor), _scaled(f.as_written, factor)
    written = None if f.written is None else float(f.written * factor)
    return _computed(role, [cid], written, iv, aw, target, f"{f.label} = {iv} {target}", f.rounding_only), how


def _calendar(c, per: str, period, target: str) -> tuple[tuple[Fraction, Fraction], Fraction] | None:
    """``((low, high), point)``: the factors that turn claim ``c`` into a rate per ``per`` (unit
    ``target``) over every calendar length: a rate in another time base (:func:`numclaims.units.calendar_rate`:
    a day rate is 365 to 366 times a year's), or a flow over whole calendar years per week (52 weeks a
    year, :data:`numclaims.units.CALENDAR_POINT`, to its days / 7), with the factor of the conventional
    point; None otherwise (a flow over a period of known dates lasts its length, ``Period.length_in``)."""
    if c.per is not None:
        return calendar_rate(c.unit, target)
    base = conversion(f"{c.base_unit} per {per}", target)[0]
    months = None if base is None or period is None or per != "week" else period.calendar_months()
    if not months or months % 12:
        return None
    ordinary = base / (months // 12 * CALENDAR_POINT[("year", "week")])  # 52 weeks each, to their days / 7
    return (base / (Fraction(period.days) / 7), ordinary), ordinary


def _written_holds(rel: str, x: float, y: float) -> bool:
    return {"gt": x > y, "ge": x >= y, "lt": x < y, "le": x <= y, "eq": x == y}[rel]


def comparison(spec, ctx: Context) -> CheckResult:
    """``a`` against ``b`` (or ``times x b``) by ``relation``; with ``as_rate``, both as rates per that base.

    Example (hand-computed): "878 kidnappings" (exact [878, 878]) ``gt`` ``times: 3`` x "287" ([287, 287]):
    3 x 287 = 861 < 878 -> consistent. "1,054" in 2019 (12 calendar months = 1 year: 1,054 a year) ``gt``
    "508" in 2020-01-01..2020-06-30 (6 calendar months = 0.5 years: 1,016 a year) with ``as_rate: year`` ->
    consistent; a period of whole calendar months lasts that many months (:meth:`Period.length_in`), any
    other its days (Julian year: 182 days would be 0.49829 years).
    Units that do not convert are ``unverifiable`` (``units_differ``), an unknown period with ``as_rate``
    ``unverifiable`` (``period_unknown``).
    """
    ids = [spec.a, spec.b] + ([spec.times] if isinstance(spec.times, str) else [])
    bad = _numeric(spec, ctx, ids)
    if bad:
        return bad
    a = ctx.claims[spec.a]
    lines: list[str] = []
    if spec.as_rate:
        unit = f"{a.base_unit} per {spec.as_rate}"
        figs = []
        for role, cid in (("a", spec.a), ("b", spec.b)):
            r = _rate(spec, ctx, ids, role, cid, a.base_unit)
            if isinstance(r, CheckResult):
                return r
            figs.append(r[0])
            lines.append(f"{role}: {describe(ctx.claims[cid], ctx.intervals[cid])}, as a rate {r[1]} = "
                         f"{fmt_iv(r[0].interval, unit)}")
    else:
        unit = a.unit
        problem = level_and_points(ctx, [spec.a, spec.b]) or units_problem(ctx, [spec.b], unit)
        if problem:
            flows = conversion(ctx.claims[spec.b].base_unit, a.base_unit)[0] is not None
            return unverifiable(spec, ids, problem + (" (flows over different periods: use as_rate)" if flows else ""))
        figs = [rate_as_written(ctx, figure(ctx, "a", spec.a), spec.a, spec.b),  # base.rate_as_written
                rate_as_written(ctx, figure(ctx, "b", spec.b, unit), spec.b, spec.a)]
        lines += [f"a: {_described(ctx, spec.a, figs[0])}", f"b: {_described(ctx, spec.b, figs[1])}"]
        pa, pb = ctx.periods.get(spec.a), ctx.periods.get(spec.b)
        if pa is not None and pb is not None and pa.days != pb.days:
            lines.append(f"periods differ in length ({pa}, {pb}): compared as totals (as_rate compares rates)")
    rel, sym, words = _REL[spec.relation]
    t = None if spec.times is None else _multiple(ctx, spec.times, "factor")
    if isinstance(t, str):
        return unverifiable(spec, ids, t)
    judged = figs + ([t] if isinstance(spec.times, str) else [])

    # "a third as many as the 8": a word fraction of a whole count names the parts of it nearest the word
    # (base.part_of, as fraction_of and ratio read it), so 3 is a third of 8 (3/8 is the share of 8 nearest 1/3)
    of_count = spec.times is not None and not spec.as_rate and ctx.claims[spec.b].per is None
    word = word_of(ctx, spec.times, unit) if of_count and isinstance(spec.times, str) else None
    if of_count and not isinstance(spec.times, str) and spec.relation == "eq" and unit in DISCRETE_UNITS:
        # "7 applicants, half as many again as the 5" (times: 1.5): 7.5 is no whole count, and a writer
        # equates a count with the whole counts nearest the multiple, as with a word fraction (7 or 8)
        word = (float(spec.times), "exact")

    def times_b(y: Interval, k: Interval | None = None) -> Interval | None:
        if t is None:
            return y
        k = t.interval if k is None else k
        return k * y if word is None else part_of(k, y, 1, unit, word, within=False)

    def holds(x: Interval, y: Interval, *k: Interval) -> bool:
        got = times_b(y, *k)
        return got is not None and rel(x, got)

    decision = judge(holds, judged)
    (af, bf), target = figs, "b" if t is None else "times x b"
    kb = times_b(bf.interval) or t.interval * bf.interval  # (no whole part: the product, to show)
    out = list(judged)
    details: dict[str, Any] = {"a": af.interval.to_list(), "b": bf.interval.to_list(), "relation": spec.relation}
    av, bv, tv = af.written, bf.written, 1.0 if t is None else t.written
    if t is not None:
        twords = describe(ctx.claims[spec.times], ctx.intervals[spec.times]) if isinstance(spec.times, str) \
            else fmt_num(t.written)
        out += ([] if isinstance(spec.times, str) else [t]) + [_computed(
            "implied", [spec.b] + ids[2:], None if tv is None or bv is None else tv * bv, kb,
            times_b(bf.as_written, t.as_written) or kb, unit, "times x b")]
        lines.append(f"times {twords}: times x b = {fmt_iv(kb, unit)}")
        details["implied"] = kb.to_list()
    if av is not None and bv is not None and tv is not None:
        ratio = f"a / b = {fmt_num(av)} / {fmt_num(bv)} = {av / bv:.4g}" if bv else ""
        if isinstance(spec.times, str):
            lines.append(f"as written: {ratio} against {twords}")
        else:
            lhs = f"{fmt_num(tv)} x {fmt_num(bv)} = {fmt_num(tv * bv)}" if t is not None else fmt_num(bv)
            # the written values as points; "false" only when the verdict is not consistent, since a
            # consistent one holds within the rounding of the last written digits (a rate over a period is
            # rarely the written point itself: 27,000,000 / 17.94 months)
            truth = ("true" if _written_holds(spec.relation, av, tv * bv) else
                     "not exact, but holds as written (each figure's last digit and qualifier honoured)"
                     if decision.verdict == CONSISTENT else "false")
            lines.append(f"as written: {fmt_num(av)} {sym} {lhs} is {truth}" + (f" ({ratio})" if ratio else ""))
    lines.append(f"over the intervals: a must be {words} {target}")
    if decision.verdict == INCONSISTENT:
        ai = af.interval
        if spec.relation in ("gt", "ge") or (spec.relation == "eq" and ai.hi < kb.lo):
            lines.append(f"a's highest value {fmt_num(ai.hi)} is not above {target}'s lowest {fmt_num(kb.lo)}")
        else:
            lines.append(f"a's lowest value {fmt_num(ai.lo)} is not below {target}'s highest {fmt_num(kb.hi)}")
    return result(spec, ids, decision, out, lines, details)


# ---------------------------------------------------------------------------------------------- change
def change(spec, ctx: Context) -> CheckResult:
    """From ``earlier`` to ``later`` by ``change`` (relative or absolute) or ``factor``.

    A percent change between two percent figures ("turnout fell 5 percent, from 60 percent to 55
    percent") is read both ways, since the words leave it open: relatively (60 x 0.95 = 57) and in
    percentage points (60 - 5 = 55; the ONS Service Manual asks for "percentage points" there, but papers
    often write "percent"). The better verdict is kept, the relative reading on a tie, and the explanation
    names the reading that was kept, so a sentence correct under either reading is never inconsistent. A
    ``percentage_points`` change is absolute only; a percent change of a count is relative only.

    Example (hand-computed): "456 cases" in 2012 ([456, 456]) to "363" in 2013, "down by around 20 percent"
    ([18, 22] %; as written [19.5, 20.5] %, the "around" margin dropped): as written the later figure is
    456 x (100 - [19.5, 20.5]) / 100 = [362.52, 367.08], whole counts [363, 367], which holds 363 ->
    consistent (over the intervals [355.68, 373.92] -> [356, 373]). Written values: (363 - 456) / 456 =
    -20.4 %. Without ``earlier``: the implied earlier figure, ``unverifiable`` (``no_comparison``).
    """
    if (spec.change and spec.earlier and ctx.claims[spec.change].base_unit == "percent"
            and ctx.claims[spec.change].per is None and ctx.claims[spec.later].base_unit == "percent"):
        rel, pts = _change(spec, ctx, "relative"), _change(spec, ctx, "absolute")
        kept, other = (rel, "in percentage points") if SEVERITY[rel.verdict] <= SEVERITY[pts.verdict] else \
            (pts, "as a relative change")
        dropped = pts if kept is rel else rel
        kept.explanation = (f"a percent change between two percentages is read both as a relative change and "
                            f"in percentage points; kept: {'relative' if kept is rel else 'absolute'} (read {other}: "
                            f"{dropped.verdict}); " + kept.explanation)
        kept.details["reading"] = "relative" if kept is rel else "points"
        kept.details["other_reading"] = dropped.verdict
        return kept
    return _change(spec, ctx, None)


def _change(spec, ctx: Context, force: str | None) -> CheckResult:
    """:func:`change`, with a percent change read as ``force`` ("relative" or "absolute") when given."""
    crefs = [spec.change] if spec.change else ([spec.factor] if isinstance(spec.factor, str) else [])
    ids = ([spec.earlier] if spec.earlier else []) + [spec.later] + crefs
    bad = _numeric(spec, ctx, ids)
    if bad:
        return bad
    lc = ctx.claims[spec.later]
    unit = lc.unit
    if spec.earlier:
        problem = units_problem(ctx, [spec.earlier], unit)
        if problem:
            return unverifiable(spec, ids, problem)
    sign = 1 if spec.direction == "increase" else -1
    fwd: Callable[[Interval, Interval], Interval]
    if spec.change:
        cc = ctx.claims[spec.change]
        cdesc = describe(cc, ctx.intervals[spec.change])
        civ = ctx.intervals[spec.change]
        # a change written with a minus ("-3.1 percentage points", "down -0.4 points") is a decrease of its
        # size, whatever ``direction`` says (the double negative of "down -0.4" means the decrease)
        negative = civ is not None and civ.high is not None and civ.hi <= 0 and (civ.low is None or civ.lo < 0)
        if negative:
            sign = -1
        # a fraction ("fell by a third") is always relative; a percent between two percentages is read as
        # ``force`` says (change() tries both)
        relative = cc.base_unit in SHARES and cc.per is None and (
            lc.base_unit not in SHARES or cc.base_unit != "percent" or force == "relative")
        if relative:
            mode, w, cf = "relative", SHARE_WHOLE[cc.base_unit], _sized(figure(ctx, "change", spec.change), negative)
            # a fall is a share of the earlier figure, at most all of it (base.within_whole): "fell by more
            # than half" is a fall in (50 %, 100 %]; a rise has no such bound
            share = (lambda c: within_whole(c, w)) if sign < 0 else (lambda c: c)  # noqa: E731
            # (w +/- change) / w, the division by 100 last so that written figures multiply exactly
            kept = lambda c: Interval.point(float(w)) + c * sign  # noqa: E731
            word = (word_of(ctx, spec.change, unit) if spec.earlier and lc.per is None else None)
            if word is not None:
                # a word fraction of a whole count: the parts it names of the earlier count (base.part_of, as
                # fraction_of reads "a third of the 8"): "shrank by a third, from 8 to 5" is 8 - 3
                fwd = lambda e, c: _moved(e, part_of(c, e, w, unit, word, sign < 0), sign)  # noqa: E731
            else:
                fwd = None
            plain = lambda e, c: _kept_of(e, share(c), kept, w)  # noqa: E731
            fwd = fwd if word is not None else plain
            back = lambda l, c: _earlier_of(l, share(c), kept, w)  # noqa: E731
            how = f"earlier x (1 {'+' if sign > 0 else '-'} change{' / 100' if w != 1 else ''})" + (
                " (the parts the word names of the earlier count)" if word is not None else "")
            written_fwd = lambda e, c: e * (w + sign * c) / w  # noqa: E731
            written_back = lambda l, c: l * w / (w + sign * c) if w + sign * c else float("inf")  # noqa: E731
            if share(cf.interval) is None:
                return unverifiable(spec, ids, f"a {spec.direction} of {cf.interval} {cc.unit} is more than the "
                                    "whole: nothing is left to fall", "denominator_zero")
        elif units_problem(ctx, [spec.change], unit) is None:
            # a change in points keeps its unit (factor 1 to percent), so that reports say "points", not "%"
            mode, cf = "absolute", _sized(figure(ctx, "change", spec.change,
                                                 None if cc.base_unit == "percentage_points" else unit), negative)
            fwd = lambda e, c: e + c * sign  # noqa: E731
            back = lambda l, c: l - c * sign  # noqa: E731
            how = f"earlier {'+' if sign > 0 else '-'} change"
            written_fwd = lambda e, c: e + sign * c  # noqa: E731
            written_back = lambda l, c: l - sign * c  # noqa: E731
        else:
            return unverifiable(spec, ids, f"the change {spec.change} is in {cc.unit!r}: neither a percent or "
                                f"fraction nor the figures' unit {unit!r}")
    else:
        m = _multiple(ctx, spec.factor, "factor")
        if isinstance(m, str):
            return unverifiable(spec, ids, m)
        cf, mode, cdesc = m, "factor", (describe(ctx.claims[spec.factor], ctx.intervals[spec.factor])
                                        if crefs else fmt_num(m.written))
        if cf.interval.lo <= 0:
            return unverifiable(spec, ids, f"factor {cf.interval} may be 0", "denominator_zero")
        fwd = lambda e, f: e * f  # noqa: E731
        word = (word_of(ctx, spec.factor, unit) if crefs and spec.earlier and lc.per is None else None)
        if word is not None:  # "fell to a third, from 8 to 3": the parts the word names of 8 (base.part_of)
            plain, fwd = fwd, lambda e, f: part_of(f, e, 1, unit, word, within=False)  # noqa: E731
        back = lambda l, f: l / f  # noqa: E731
        how = "factor x earlier"
        written_fwd = lambda e, f: e * f  # noqa: E731
        written_back = lambda l, f: l / f  # noqa: E731
    if mode == "absolute" or (mode == "factor" and word is None):
        plain = fwd
    lf = figure(ctx, "later", spec.later)
    li, ci = lf.interval, cf.interval
    implied_earlier = back(li, ci)
    lines = [f"later {describe(lc, li)}",
             f"{cf.role} {cdesc} ({mode}, {spec.direction if mode != 'factor' else 'multiple'})"]
    details: dict[str, Any] = {"mode": mode, "implied_earlier": implied_earlier.to_list()}
    written = [lf.written, cf.written]
    if not spec.earlier:
        back_written = None if None in written else _safe(written_back, *written)
        figs = [lf, cf, _computed("implied", ids, back_written, implied_earlier, back(lf.as_written, cf.as_written),
                                  unit, "the implied earlier figure")]
        lines.append(f"implied earlier figure = {fmt_iv(implied_earlier, unit)}")
        return unverifiable(spec, ids, "; ".join(lines) + " -> unverifiable: no earlier figure to compare (add "
                            "`earlier:`, or use a change_implied derived figure)", "no_comparison", figs, details)
    ef = figure(ctx, "earlier", spec.earlier, unit)
    judged = [ef] + ([cf] if crefs else []) + [lf]

    def later_of(e: Interval, c: Interval) -> Interval | None:
        got = fwd(e, c)
        return None if got is None else whole(got, unit)  # an implied count is a whole number (None: none)

    holds = (lambda e, c, l: overlap(later_of(e, c), l)) if crefs else (lambda e, l: overlap(later_of(e, ci), l))
    decision = judge(holds, judged)
    raw = plain(ef.interval, ci)  # the interval formula, before any whole count is named
    raw_aw = plain(ef.as_written, cf.as_written) or raw
    implied, implied_aw = later_of(ef.interval, ci), later_of(ef.as_written, cf.as_written)
    ev = ef.written
    written_later = None if ev is None or cf.written is None else written_fwd(ev, cf.written)
    lines.insert(0, f"earlier {_described(ctx, spec.earlier, ef)}")
    lines.append(f"implied later = {how} = {fmt_iv(raw, unit)}"
                 + ("" if implied == raw else f", whole counts {shown(implied)}")
                 + f"; stated later {fmt_iv(li, unit)}: {_overlap_text(implied, li)}")
    lines.append(f"implied earlier = {fmt_iv(implied_earlier, unit)}")
    if written_later is not None and lf.written is not None:
        lines.append(f"as written: {fmt_num(ev)} -> {fmt_num(written_later)} vs {fmt_num(lf.written)}"
                     + (f" (actual change {_points(lf.written - ev)}, {signed_percent((lf.written - ev) / ev * 100, 1)})"
                        if ev and mode == "absolute" and lc.base_unit == "percent" else
                        f" (actual change {signed_percent((lf.written - ev) / ev * 100, 1)})" if ev else ""))
    shown_iv, shown_aw = (raw, raw_aw) if implied is None else (implied, implied_aw or implied)
    out = judged + ([] if crefs else [cf]) + [_computed(
        "implied", [spec.earlier] + crefs, written_later, shown_iv, shown_aw, unit, "the implied later figure")]
    details.update({"implied": None if implied is None else implied.to_list(), "stated": li.to_list()})
    return result(spec, ids, decision, out, lines, details)


def _moved(e: Interval, part: Interval | None, sign: int) -> Interval | None:
    """``e`` plus (``sign`` 1) or minus (-1) ``part``; None when there is no part (no whole number)."""
    return None if part is None else e + part * sign


def _kept_of(e: Interval, c: Interval | None, kept: Callable[[Interval], Interval], w: int) -> Interval | None:
    """``e x kept(c) / w``, the later figure of a relative change ``c`` (None: no change in its bounds)."""
    if c is None:
        return None
    return e * kept(c) / w if w != 1 else e * kept(c)


def _earlier_of(l: Interval, c: Interval | None, kept: Callable[[Interval], Interval], w: int) -> Interval:
    """``l x w / kept(c)``, the implied earlier figure; unbounded above when the fall may be all of it."""
    left = None if c is None else kept(c).intersect(Interval(0.0, None, False, False))
    if left is None:
        return Interval(max(l.lo, 0.0) if l.low is not None else 0.0, None)
    return l * w / left


def _points(x: float) -> str:
    """A change between two percentages in points: ``+2.8 points``."""
    return f"{fmt_num(round(x, 6)) if x < 0 else '+' + fmt_num(round(x, 6))} points"


def _sized(f: Figure, negative: bool) -> Figure:
    """The change figure ``f`` as the size of a decrease when it is written negative (its interval, reading
    and written value negated), else ``f``."""
    if not negative:
        return f
    return Figure(f.role, f.claims, None if f.written is None else -f.written, -f.interval, -f.as_written,
                  f.unit, f.label, f.rounding_only)


def _safe(fn: Callable[..., float], *args: float) -> float | None:
    try:
        return fn(*args)
    except ZeroDivisionError:
        return None


# ------------------------------------------------------------------------------------------ complement
def _sum(*xs: Interval) -> Interval:
    return reduce(lambda a, b: a + b, xs)


def complement(spec, ctx: Context) -> CheckResult:
    """Shares of one whole: ``parts`` plus ``remainder`` = 100 %; without a remainder, parts <= 100 %
    (or = 100 % with ``exhaustive``). Fractions are converted to percent (:mod:`numclaims.units`).

    Example (hand-computed): "60 percent" ([59.5, 60.5], as written the same: its last written digit) and
    the remainder "40 percent" ([39.5, 40.5]): implied remainder 100 - [59.5, 60.5] = [39.5, 40.5] holds 40
    as written -> consistent; against "30 percent" ([29.5, 30.5]) no value fits -> inconsistent.
    """
    ids = list(spec.parts) + ([spec.remainder] if spec.remainder else [])
    bad = _numeric(spec, ctx, ids)
    if bad:
        return bad
    not_share = [i for i in ids if ctx.claims[i].base_unit not in SHARES or ctx.claims[i].per]
    if not_share:
        return unverifiable(spec, ids, f"{', '.join(not_share)} is not a percent or fraction")
    figs = [figure(ctx, "part", i, "percent") for i in spec.parts]
    n, hundred = len(figs), Interval.point(100.0)
    total = _sum(*(f.interval for f in figs))
    sum_written = None if any(f.written is None for f in figs) else sum(f.written for f in figs)
    lines = [f"parts {' + '.join(_described(ctx, i, f) for i, f in zip(spec.parts, figs))}",
             f"sum of parts = {fmt_iv(total, 'percent')}"]
    parts_written = None if sum_written is None else " + ".join(fmt_num(f.written) for f in figs)
    extra = [_computed("sum", list(spec.parts), sum_written, total, _sum(*(f.as_written for f in figs)),
                       "percent", "the sum of the parts")]
    if spec.remainder:
        r = spec.remainder
        rf = figure(ctx, "remainder", r, "percent")
        implied = hundred - total
        holds = lambda *xs: overlap(hundred - _sum(*xs[:n]), xs[n])  # noqa: E731
        figs.append(rf)
        lines.append(f"implied remainder = 100 - sum = {fmt_iv(implied, 'percent')}; stated remainder "
                     f"{_described(ctx, r, rf)}: {_overlap_text(implied, rf.interval)}")
        extra.append(_computed("implied", list(spec.parts), None if sum_written is None else 100 - sum_written,
                               implied, hundred - extra[0].as_written, "percent", "the implied remainder"))
        if sum_written is not None and rf.written is not None:
            lines.append(f"as written: {fmt_num(sum_written)} + {fmt_num(rf.written)} = "
                         f"{fmt_num(sum_written + rf.written)} %")
        relation = "parts + remainder = 100 %"
    else:
        if spec.exhaustive:
            holds = lambda *xs: overlap(_sum(*xs), hundred)  # noqa: E731
            lines.append(f"the parts cover the whole: the sum must be 100 %; {_overlap_text(total, hundred)}")
            relation = "parts = 100 %"
        else:
            holds = lambda *xs: le(_sum(*xs), hundred)  # noqa: E731
            lines.append("shares of one whole: the sum must be at most 100 %")
            relation = "parts <= 100 %"
        if parts_written is not None:
            lines.append(f"as written: {parts_written} = {fmt_num(sum_written)} %")
    decision = judge(holds, figs)
    details = {"implied": (hundred - total).to_list() if spec.remainder else total.to_list(), "relation": relation}
    if spec.remainder:
        details["stated"] = figs[-1].interval.to_list()
    return result(spec, ids, decision, figs + extra, lines, details)


# --------------------------------------------------------------------------------------- implied ratio
def _quotient_unit(num, den) -> tuple[str, Fraction]:
    """The unit of ``num / den`` and the factor that puts it there: a plain number (``ratio``) when the
    dimensions cancel (:func:`numclaims.units.quotient_factor`: 12 for USD per month / USD per year); an
    amount over a duration -> ``<unit> per <base>``; otherwise ``<num unit> per <den unit>`` (matched
    against the row's unit as text)."""
    if quotient_problem(num.unit, den.unit, "ratio") is None:
        return "ratio", quotient_factor(num.unit, den.unit)
    if den.base_unit in DURATION_UNITS and num.per is None:
        return f"{num.base_unit} per {den.base_unit.rstrip('s')}", Fraction(1)
    return f"{num.unit} per {den.unit}", Fraction(1)


def _rate_factor(qunit: str, runit: str) -> Fraction | None:
    """The factor from an implied rate in ``qunit`` ("USD per year") to a row's rate in ``runit`` ("USD per
    month": 1/12, :func:`numclaims.units.conversion`); None unless both are rates of one base unit."""
    if " per " not in qunit or " per " not in runit or qunit == runit:
        return None
    try:
        return conversion(qunit, runit)[0]
    except ValueError:  # "persons per count": not a unit a record can state
        return None


def _row_figure(rid: str, row: dict[str, Any]) -> Figure:
    """A reference row as a figure: its interval, and as written its value for exact and approximate rows
    (:func:`numclaims.reference_rows.row_written`); a row without a qualifier is read at its interval."""
    ri = Interval(*row["interval"])
    aw = row_written(row) if row.get("qualifier") else ri
    label = f"row {rid} ({row.get('publisher')})"
    return Figure("reference", [rid], row.get("value"), ri, aw, row.get("unit") or "", label,
                  row.get("qualifier", "exact") == "exact")


def implied_ratio(spec, ctx: Context) -> CheckResult:
    """``numerator / denominator`` (times ``scale``) against each reference row of ``evidence`` in the ratio's
    unit; the verdict is the best over the rows (the ratio is plausible if one reference allows it). The
    figures judged are the row, the numerator and the denominator (the claims tried first for the cause).

    Example (hand-computed): "$305 million" ([304.5M, 305.5M], as written the same) of tax on "about $1
    billion" of profit with precision 100 million ([0.9, 1.1] billion; as written [0.95, 1.05] billion):
    305 / 1,000 = 30.5 %; as written [304.5 / 1,050, 305.5 / 950] x 100 = [29.0, 32.16] % holds a 30 % tax
    rate (exact row: 30) -> consistent (over the intervals [27.68, 33.94] %).
    """
    ids = [spec.numerator, spec.denominator]
    bad = _numeric(spec, ctx, ids)
    if bad:
        return bad
    nc, dc = ctx.claims[spec.numerator], ctx.claims[spec.denominator]
    di = ctx.intervals[spec.denominator]
    if di.contains(0.0) or di.lo < 0 < di.hi:
        return unverifiable(spec, ids, f"denominator {spec.denominator} may be 0 ({di})", "denominator_zero")
    qunit, qfactor = _quotient_unit(nc, dc)
    rows = [(rid, ctx.reference.get(rid)) for rid in spec.evidence]
    missing = [rid for rid, r in rows if r is None]
    if missing:
        return unverifiable(spec, ids, f"reference rows not loaded: {', '.join(missing)}", "no_source")
    nf, df = figure(ctx, "numerator", spec.numerator), figure(ctx, "denominator", spec.denominator)
    # the denominator keeps its sign when a bound gives way (the cause search): a quotient over 0 is no value
    side = Interval(0.0, None, False, False) if di.lo > 0 else Interval(None, 0.0, False, False)
    lines = [f"numerator {describe(nc, nf.interval)}", f"denominator {describe(dc, df.interval)}"]
    rel, words = {"eq": (overlap, "share a value with"), "le": (le, "be at most"),
                  "ge": (lambda a, b: le(b, a), "be at least")}[spec.relation]
    best = None
    refs: list[Figure] = []
    for rid, row in rows:
        runit = row.get("unit") or ""
        rbase = runit.split(" per ")[0]
        rate = _rate_factor(qunit, runit)  # a rate's factor to the row's time base, once per row
        if qunit == "ratio" and rbase in SHARES and " per " not in runit:
            scale = spec.scale if spec.scale is not None else (100.0 if rbase == "percent" else 1.0)
        elif runit == qunit or rate is not None:
            # a rate converts to the row's time base ("USD per year" -> "USD per month": 1/12)
            scale = spec.scale if spec.scale is not None else 1.0
        else:
            lines.append(f"row {rid} is in {runit!r}, the ratio in {qunit!r}: not compared")
            continue
        if row.get("interval") is None:
            lines.append(f"row {rid} has no interval: not compared")
            continue
        k = Fraction(repr(float(scale))) * qfactor * (rate or 1)  # exact: 1/12 stays 1/12

        def quotient(num: Interval, den: Interval, k: Fraction = k) -> Interval | None:
            den = den.intersect(side)  # type: ignore[assignment]
            return None if den is None else (num * float(k.numerator)) / (den * float(k.denominator))

        def holds(r: Interval, x: Interval, y: Interval, q=quotient) -> bool:
            v = q(x, y)
            return v is not None and rel(v, r)

        rf = _row_figure(rid, row)
        refs.append(rf)
        decision = judge(holds, [rf, nf, df])
        implied, implied_aw = quotient(nf.interval, df.interval), quotient(nf.as_written, df.as_written)
        written = None if nc.value is None or not dc.value else nc.value / dc.value * float(k)
        period = (f", {row['period_start']} to {row['period_end']}" if row.get("period_start") else "")
        lines.append(f"implied ratio = numerator / denominator{f' x {fmt_num(float(k))}' if k != 1 else ''} = "
                     + (f"{fmt_num(written)} as written, " if written is not None else "")
                     + f"{fmt_iv(implied, runit)} over the intervals; it must {words} row {rid} "
                     f"({row.get('publisher')}{period}: {fmt_iv(rf.interval, runit)}): "
                     f"{_overlap_text(implied, rf.interval)} (this row: {decision.verdict})")
        if best is None or SEVERITY[decision.verdict] < SEVERITY[best[0].verdict]:
            best = (decision, rf, _computed("ratio", ids, written, implied, implied_aw,
                                            runit or "ratio", "the implied ratio"))
    if best is None:
        return unverifiable(spec, ids, "; ".join(lines) + "; no reference row is in the ratio's unit",
                            figures=[nf, df] + refs)
    decision, rf, ratio = best
    lines.append(f"best row {rf.claims[0]}")
    details = {"implied": ratio.interval.to_list(), "reference": rf.interval.to_list(), "row": rf.claims[0]}
    return result(spec, ids, decision, [rf, nf, df, ratio] + [f for f in refs if f is not rf], lines, details)


__all__ = ["change", "comparison", "complement", "implied_ratio"]


# -------------------------------------------------------------------------------------- declaration
# The kinds of this module, declared once (numclaims.checks.registry).
from ..records import ChangeCheck, ComparisonCheck, ComplementCheck, ImpliedRatioCheck  # noqa: E402
from .registry import Chart, register  # noqa: E402


def _comparison_sides(check, q):
    d = check.details
    unit = check.figures[0].unit if check.figures else None
    return [(q(0), d.get("a")), (("times x " if d.get("implied") else "") + q(1), d.get("implied") or d.get("b"))], \
        unit or 0


def _comparison_relation(check) -> str:
    """``a > b`` draws as "b at most a": the relation from the check's details."""
    rel = check.details.get("relation")
    return {"lt": "at_most", "le": "at_most", "gt": "at_least", "ge": "at_least"}.get(rel, "overlap")


register("comparison", spec=ComparisonCheck, function=comparison, fields=("a", "b", "times"),
         relation="a > b (>=, <, <=, =), optionally times a factor, flows compared as rates over their periods",
         chart=Chart(None, _comparison_sides, min_claims=2, relation=_comparison_relation))
register("change", spec=ChangeCheck, function=change, fields=("earlier", "later", "change", "factor"),
         relation="earlier -> later by a relative or absolute change, or by a factor (implied earlier figure)")
register("complement", spec=ComplementCheck, function=complement, fields=("parts", "remainder"),
         relation="shares of one whole and their remainder add to 100 %")
register("implied_ratio", spec=ImpliedRatioCheck, function=implied_ratio, fields=("numerator", "denominator"),
         relation="the ratio of two claims against the reference rows it cites")
