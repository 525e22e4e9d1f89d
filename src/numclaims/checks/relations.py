"""Relations news articles state between their figures: comparison, change, complement, implied ratio.

==================  =====================================================  =================================
kind                relation                                               example (hand-computed)
==================  =====================================================  =================================
``comparison``      ``a > b`` (``gt``, ``ge``, ``lt``, ``le``), optionally  878 > 3 x 287 = 861 ("more than
                    ``a`` against ``times x b``; with ``as_rate`` each      triple"); 1,054 in 2019 vs 508 in
                    figure divided by its period (flows as rates)          Jan-Jun 2020: 1,054.7 vs 1,019.5
                                                                           a year
``change``          ``later = earlier x (1 +/- change)`` (percent or        456 -> 363 "down by around 20
                    fraction), ``later = earlier +/- change`` (amount),     percent": 456 x [0.78, 0.82] =
                    ``later = factor x earlier`` ("doubled")               [355.7, 373.9] holds 363
``complement``      shares of one whole add to 100 %: ``parts`` and the     "approximately 50 percent ...
                    ``remainder``                                          and the rest": 100 - [45, 55]
``implied_ratio``   ``numerator / denominator`` (no ratio stated) against   $305 million / $1 billion =
                    a reference row (``evidence``) giving a plausible       30.5 % against a 30 % tax rate
                    value
==================  =====================================================  =================================

Every relation is decided by :func:`numclaims.checks.base.decide` over the input intervals (the engine's
verdict levels). Each result carries, besides ``explanation`` (the arithmetic as written and over the
intervals) and ``details``, the fields agreed for results.json: ``reason`` (a snake_case code),
``figures`` (``[{role, claims, written, interval, unit}]`` in the order compared), ``cause`` (for
``tension``/``inconsistent``: ``{role, bound}``, the figure and bound responsible) and ``note`` (the
check record's ``note``).

Comparisons and shares ask whether *some* values in the intervals satisfy the relation, as
:func:`numclaims.checks.base.le` does for ``part_whole``: "757 is the highest" holds against 700 because
757 > 700; "about 300 is more than 290" is ``tension`` (it holds only near the top of [270, 330]).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import reduce
from typing import Any, Callable

from ..intervals import Interval
from ..periods import duration_in
from ..records import DURATION_UNITS
from .base import (
    CONSISTENT,
    INCONSISTENT,
    TENSION,
    UNVERIFIABLE,
    CheckResult,
    Context,
    decide,
    fmt_iv,
    fmt_num,
    le,
    overlap,
)

_SHARE = {"percent": 100.0, "fraction": 1.0, "ratio": 1.0}
_ORDER = {CONSISTENT: 0, TENSION: 1, UNVERIFIABLE: 2, INCONSISTENT: 3}


@dataclass
class RelationResult(CheckResult):
    """A :class:`CheckResult` with the results.json fields ``reason``, ``figures``, ``cause`` and ``note``."""

    reason: str = ""
    figures: list[dict[str, Any]] = field(default_factory=list)
    cause: dict[str, str] | None = None
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d.update({"reason": self.reason, "figures": self.figures, "cause": self.cause, "note": self.note})
        return d


def figure(role: str, ids: list[str], written: float | None, iv: Interval | None, unit: str,
           **extra: Any) -> dict[str, Any]:
    """One entry of ``figures``: ``{role, claims, written, interval, unit}`` (plus ``extra`` keys)."""
    return {"role": role, "claims": list(ids), "written": written,
            "interval": iv.to_list() if iv is not None else [None, None], "unit": unit, **extra}


def _result(spec, ids, verdict, expl, details, reason, figures, cause=None) -> RelationResult:
    return RelationResult(spec.id, spec.kind, list(ids), verdict, expl, details, reason=reason,
                          figures=figures, cause=cause if verdict in (TENSION, INCONSISTENT) else None,
                          note=getattr(spec, "note", None))


def _unverifiable(spec, ids, reason: str, why: str, figures=None) -> RelationResult:
    return _result(spec, ids, UNVERIFIABLE, why + " -> unverifiable", {}, reason, figures or [])


def _cut(iv: Interval, side: str) -> Interval:
    """``iv`` with only its ``side`` (``low``/``high``) moved inward as :meth:`Interval.inner` moves it."""
    d = 0.1 * (iv.hi - iv.lo) if iv.bounded else None  # provisional: replaced by base.judge's causes
    inner = Interval._from_inf(iv.lo + (d if d is not None else 0.0), iv.hi - (d if d is not None else 0.0), True, True)
    if side == "low":
        return Interval._from_inf(inner.lo, iv.hi, True, iv.high_closed)
    return Interval._from_inf(iv.lo, inner.hi, iv.low_closed, True)


def edge_cause(holds: Callable[..., bool], inputs: list[Interval], roles: list[str]) -> dict[str, str]:
    """For a ``tension`` verdict: the first input (by ``roles``) and bound (``low``/``high``) whose outer
    tenth the relation needs: cutting that bound alone makes it fail. ``{role: roles[0], bound: "value"}``
    when no single bound is responsible (only a combination is)."""
    for i, iv in enumerate(inputs):
        for side in ("low", "high"):
            if (side == "low" and iv.low is None) or (side == "high" and iv.high is None):
                continue
            trial = list(inputs)
            trial[i] = _cut(iv, side)
            if not holds(*trial):
                return {"role": roles[i], "bound": side}
    return {"role": roles[0], "bound": "value"}


def _overlap_text(implied: Interval, stated: Interval) -> str:
    both = implied.intersect(stated)
    if both is not None:
        return f"they share {both}"
    return f"they are {fmt_num(implied.gap(stated))} apart"


def _words(c) -> str:
    return c.text or c.quote


def _desc(ctx: Context, cid: str, iv: Interval | None = None) -> str:
    c = ctx.claims[cid]
    return f"\u201c{_words(c)}\u201d ({cid}) -> {fmt_iv(ctx.intervals[cid] if iv is None else iv, c.unit)}"


def _numeric(spec, ctx: Context, ids: list[str]) -> RelationResult | None:
    bad = [i for i in ids if ctx.intervals.get(i) is None]
    if bad:
        return _unverifiable(spec, ids, "no_interval", f"{', '.join(bad)} has no numeric interval (a date)")
    return None


def _factor(ctx: Context, f: Any) -> tuple[Interval, float | None, list[str], str]:
    """A ``times``/``factor`` field: ``(interval, written value, claim ids, words)``."""
    if isinstance(f, str):
        c = ctx.claims[f]
        return ctx.intervals[f], c.value, [f], f"\u201c{_words(c)}\u201d ({f}) -> {ctx.intervals[f]}"
    return Interval.point(float(f)), float(f), [], fmt_num(float(f))


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


def _as_rate(spec, ctx: Context, cid: str, per: str) -> tuple[Interval, float | None, str] | str:
    """The figure of ``cid`` as a rate per ``per``: ``(interval, written value, how)``, or why it cannot be."""
    c, iv = ctx.claims[cid], ctx.intervals[cid]
    if c.per is not None:
        f = duration_in(1.0, per, c.per)  # how many of the claim's time base make one ``per``
        return iv * f, None if c.value is None else c.value * f, f"{fmt_iv(iv, c.unit)} x {fmt_num(f)}"
    if c.base_unit in DURATION_UNITS:
        return f"{cid} is a duration, not a flow over a period"
    p = ctx.periods.get(cid)
    if p is None:
        return f"the period of {cid} is not known (give its measure.period)"
    length = duration_in(float(p.days), "days", per)
    return (iv * (1.0 / length), None if c.value is None else c.value / length,
            f"{fmt_iv(iv, c.unit)} over {p} ({p.days} days = {length:.4g} {per}s)")


def comparison(spec, ctx: Context) -> RelationResult:
    """``a`` against ``b`` (or ``times x b``) by ``relation``; with ``as_rate``, both as rates per that base.

    Example (hand-computed): "878 kidnappings" (exact [878, 878]) ``gt`` ``times: 3`` x "287" ([287, 287]):
    3 x 287 = 861 < 878 -> consistent. "1,054" in 2019 (365 days = 0.99932 years: 1,054.7 a year) ``gt`` "508"
    in 2020-01-01..2020-06-30 (182 days = 0.49829 years: 1,019.5 a year) with ``as_rate: year`` -> consistent.
    A unit mismatch is ``unverifiable`` (``units_differ``), an unknown period with ``as_rate``
    ``unverifiable`` (``period_unknown``).
    """
    ids = [spec.a, spec.b] + ([spec.times] if isinstance(spec.times, str) else [])
    bad = _numeric(spec, ctx, ids)
    if bad:
        return bad
    a, b = ctx.claims[spec.a], ctx.claims[spec.b]
    ai, bi = ctx.intervals[spec.a], ctx.intervals[spec.b]
    av, bv = a.value, b.value
    unit = a.unit
    lines: list[str] = []
    if spec.as_rate:
        ra, rb = _as_rate(spec, ctx, spec.a, spec.as_rate), _as_rate(spec, ctx, spec.b, spec.as_rate)
        for r in (ra, rb):
            if isinstance(r, str):
                return _unverifiable(spec, ids, "period_unknown", r)
        if a.base_unit != b.base_unit:
            return _unverifiable(spec, ids, "units_differ", f"units differ: {a.unit!r} vs {b.unit!r}")
        (ai, av, ha), (bi, bv, hb) = ra, rb
        unit = f"{a.base_unit} per {spec.as_rate}"
        lines += [f"a: {_desc(ctx, spec.a)}, as a rate {ha} = {fmt_iv(ai, unit)}",
                  f"b: {_desc(ctx, spec.b)}, as a rate {hb} = {fmt_iv(bi, unit)}"]
    else:
        if a.unit != b.unit:
            return _unverifiable(spec, ids, "units_differ", f"units differ: {a.unit!r} vs {b.unit!r} "
                                 "(flows over different periods: use as_rate)")
        lines += [f"a: {_desc(ctx, spec.a)}", f"b: {_desc(ctx, spec.b)}"]
        pa, pb = ctx.periods.get(spec.a), ctx.periods.get(spec.b)
        if pa is not None and pb is not None and pa.days != pb.days:
            lines.append(f"periods differ in length ({pa}, {pb}): compared as totals (as_rate compares rates)")
    rel, sym, words = _REL[spec.relation]
    ti, tv, tids, twords = _factor(ctx, spec.times) if spec.times is not None else (Interval.point(1.0), 1.0, [], "")
    holds = lambda x, y, t: rel(x, t * y)  # noqa: E731
    verdict = decide(holds, ai, bi, ti)
    kb = ti * bi
    figs = [figure("a", [spec.a], av, ai, unit), figure("b", [spec.b], bv, bi, unit)]
    if spec.times is not None:
        figs.append(figure("factor", tids, tv, ti, "ratio"))
        figs.append(figure("implied", [spec.b] + tids, None if tv is None or bv is None else tv * bv, kb, unit))
        lines.append(f"times {twords}: times x b = {fmt_iv(kb, unit)}")
    target = "times x b" if spec.times is not None else "b"
    if av is not None and bv is not None and tv is not None:
        ratio = f"a / b = {fmt_num(av)} / {fmt_num(bv)} = {av / bv:.4g}" if bv else ""
        if isinstance(spec.times, str):
            lines.append(f"as written: {ratio} against {twords}")
        else:
            lhs = f"{fmt_num(tv)} x {fmt_num(bv)} = {fmt_num(tv * bv)}" if spec.times is not None else fmt_num(bv)
            lines.append(f"as written: {fmt_num(av)} {sym} {lhs} is "
                         f"{'true' if _written_holds(spec.relation, av, tv * bv) else 'false'}"
                         + (f" ({ratio})" if ratio else ""))
    lines.append(f"over the intervals: a must be {words} {target}")
    cause = None
    if verdict == INCONSISTENT:
        up = spec.relation in ("gt", "ge") or (spec.relation == "eq" and ai.hi < kb.lo)
        cause = {"role": "a", "bound": "high" if up else "low"}
        if up:
            lines.append(f"a's highest value {fmt_num(ai.hi)} is not above {target}'s lowest {fmt_num(kb.lo)}")
        else:
            lines.append(f"a's lowest value {fmt_num(ai.lo)} is not below {target}'s highest {fmt_num(kb.hi)}")
    elif verdict == TENSION:
        cause = edge_cause(holds, [ai, bi, ti], ["a", "b", "factor"])
    reason = {CONSISTENT: "holds", TENSION: "holds_only_at_edge", INCONSISTENT: "relation_fails"}[verdict]
    details = {"a": ai.to_list(), "b": bi.to_list(), "relation": spec.relation}
    if spec.times is not None:
        details["implied"] = kb.to_list()
    return _result(spec, ids, verdict, "; ".join(lines) + f" -> {verdict}", details, reason, figs, cause)


def _written_holds(rel: str, x: float, y: float) -> bool:
    return {"gt": x > y, "ge": x >= y, "lt": x < y, "le": x <= y, "eq": x == y}[rel]


# ---------------------------------------------------------------------------------------------- change
def change(spec, ctx: Context) -> RelationResult:
    """From ``earlier`` to ``later`` by ``change`` (relative or absolute) or ``factor``.

    Example (hand-computed): "456 cases" in 2012 ([456, 456]) to "363" in 2013, "down by around 20 percent"
    ([18, 22] %): implied later = 456 x (1 - [0.18, 0.22]) = 456 x [0.78, 0.82] = [355.68, 373.92], holds 363;
    inner change [18.4, 21.6] % gives [357.5, 372.1], still holds 363 -> consistent. As written:
    (363 - 456) / 456 = -20.4 %. Without ``earlier``: the implied earlier figure, ``unverifiable``
    (``no_comparison``).
    """
    ids = ([spec.earlier] if spec.earlier else []) + [spec.later] + (
        [spec.change] if spec.change else ([spec.factor] if isinstance(spec.factor, str) else []))
    bad = _numeric(spec, ctx, ids)
    if bad:
        return bad
    lc, li = ctx.claims[spec.later], ctx.intervals[spec.later]
    unit = lc.unit
    if spec.earlier and ctx.claims[spec.earlier].unit != unit:
        return _unverifiable(spec, ids, "units_differ",
                             f"units differ: {ctx.claims[spec.earlier].unit!r} vs {unit!r}")
    sign = 1.0 if spec.direction == "increase" else -1.0
    figs: list[dict[str, Any]] = []
    if spec.change:
        cc, ci = ctx.claims[spec.change], ctx.intervals[spec.change]
        if cc.base_unit in _SHARE and lc.base_unit not in _SHARE:
            s = 1.0 / _SHARE[cc.base_unit]
            mode = "relative"
            fwd = lambda e, c: e * (Interval.point(1.0) + c * (sign * s))  # noqa: E731
            back_ = lambda l, c: l / (Interval.point(1.0) + c * (sign * s))  # noqa: E731
            how = f"earlier x (1 {'+' if sign > 0 else '-'} change{' / 100' if s != 1 else ''})"
            written_fwd = lambda e, c: e * (1 + sign * c * s)  # noqa: E731
            if (Interval.point(1.0) + ci * (sign * s)).lo <= 0:
                return _unverifiable(spec, ids, "no_interval", f"a {spec.direction} of {ci} {cc.unit} leaves nothing")
        elif cc.unit == unit:
            mode = "absolute"
            fwd = lambda e, c: e + c * sign  # noqa: E731
            back_ = lambda l, c: l - c * sign  # noqa: E731
            how = f"earlier {'+' if sign > 0 else '-'} change"
            written_fwd = lambda e, c: e + sign * c  # noqa: E731
        else:
            return _unverifiable(spec, ids, "units_differ", f"the change {spec.change} is in {cc.unit!r}: neither a "
                                 f"percent or fraction nor the figures' unit {unit!r}")
        cv, crole = cc.value, "change"
        cdesc = _desc(ctx, spec.change)
    else:
        ci, cv, cids, cdesc = _factor(ctx, spec.factor)
        if ci.lo <= 0:
            return _unverifiable(spec, ids, "no_interval", f"factor {ci} may be 0")
        mode, crole = "factor", "factor"
        fwd = lambda e, f: e * f  # noqa: E731
        back_ = lambda l, f: l / f  # noqa: E731
        how = "factor x earlier"
        written_fwd = lambda e, f: e * f  # noqa: E731
    crefs = [spec.change] if spec.change else ([spec.factor] if isinstance(spec.factor, str) else [])
    implied_earlier = back_(li, ci)
    lines = [f"later {_desc(ctx, spec.later)}", f"{crole} {cdesc} ({mode}, {spec.direction if mode != 'factor' else 'multiple'})"]
    details: dict[str, Any] = {"mode": mode, "implied_earlier": implied_earlier.to_list()}
    if not spec.earlier:
        figs = [figure("later", [spec.later], lc.value, li, unit),
                figure(crole, crefs, cv, ci, ctx.claims[spec.change].unit if spec.change else "ratio"),
                figure("implied", ids, None if lc.value is None or cv is None else _back_written(mode, sign, lc.value, cv, s if mode == "relative" else 1),
                       implied_earlier, unit)]
        lines.append(f"implied earlier figure = {fmt_iv(implied_earlier, unit)}")
        return _result(spec, ids, UNVERIFIABLE, "; ".join(lines) + " -> unverifiable: no earlier figure to compare "
                       "(add `earlier:`, or use a change_implied derived figure)", details, "no_comparison", figs)
    ec, ei = ctx.claims[spec.earlier], ctx.intervals[spec.earlier]
    implied = fwd(ei, ci)
    holds = lambda e, c, l: overlap(fwd(e, c), l)  # noqa: E731
    verdict = decide(holds, ei, ci, li)
    lines.insert(0, f"earlier {_desc(ctx, spec.earlier)}")
    lines.append(f"implied later = {how} = {fmt_iv(implied, unit)}; stated later {fmt_iv(li, unit)}: "
                 f"{_overlap_text(implied, li)}")
    lines.append(f"implied earlier = {fmt_iv(implied_earlier, unit)}")
    written_later = None
    if ec.value is not None and cv is not None:
        written_later = written_fwd(ec.value, cv)
        lines.append(f"as written: {fmt_num(ec.value)} -> {fmt_num(written_later)} vs {fmt_num(lc.value)}"
                     + (f" (actual change {(lc.value - ec.value) / ec.value * 100:+.1f} %)" if ec.value else ""))
    figs = [figure("earlier", [spec.earlier], ec.value, ei, unit),
            figure(crole, crefs, cv, ci, ctx.claims[spec.change].unit if spec.change else "ratio"),
            figure("later", [spec.later], lc.value, li, unit),
            figure("implied", [spec.earlier] + crefs, written_later, implied, unit)]
    cause = None
    if verdict == INCONSISTENT:
        cause = {"role": "implied", "bound": "low" if implied.lo > li.hi else "high"}
    elif verdict == TENSION:
        cause = edge_cause(holds, [ei, ci, li], ["earlier", crole, "later"])
    reason = {CONSISTENT: "holds", TENSION: "holds_only_at_edge", INCONSISTENT: "no_overlap"}[verdict]
    details.update({"implied": implied.to_list(), "stated": li.to_list()})
    return _result(spec, ids, verdict, "; ".join(lines) + f" -> {verdict}", details, reason, figs, cause)


def _back_written(mode: str, sign: float, later: float, c: float, s: float) -> float | None:
    try:
        if mode == "relative":
            return later / (1 + sign * c * s)
        if mode == "absolute":
            return later - sign * c
        return later / c
    except ZeroDivisionError:
        return None


# ------------------------------------------------------------------------------------------ complement
def complement(spec, ctx: Context) -> RelationResult:
    """Shares of one whole: ``parts`` plus ``remainder`` = 100 %; without a remainder, parts <= 100 %
    (or = 100 % with ``exhaustive``). Fractions count as hundredths of percent.

    Example (hand-computed): "approximately 50 percent" ([45, 55] %) Bolivian and "the rest" Peruvian,
    with the remainder a ``complement`` derived figure 100 - [45, 55] = [45, 55] %: 50 + 50 = 100 ->
    consistent. "60 percent" ([59.5, 60.5]) with a stated remainder "half" ([0.25, 0.75] as a fraction,
    nearest half: [25, 75] %): implied remainder [39.5, 40.5] % overlaps [25, 75] -> consistent.
    """
    ids = list(spec.parts) + ([spec.remainder] if spec.remainder else [])
    bad = _numeric(spec, ctx, ids)
    if bad:
        return bad
    not_share = [i for i in ids if ctx.claims[i].base_unit not in _SHARE]
    if not_share:
        return _unverifiable(spec, ids, "units_differ", f"{', '.join(not_share)} is not a percent or fraction")
    conv = {i: 100.0 / _SHARE[ctx.claims[i].base_unit] for i in ids}
    pct = {i: ctx.intervals[i] * conv[i] for i in ids}
    written = {i: None if ctx.claims[i].value is None else ctx.claims[i].value * conv[i] for i in ids}
    total = reduce(lambda a, b: a + b, (pct[i] for i in spec.parts))
    parts_text = " + ".join(f"{_desc(ctx, i)}" + (" (x 100 %)" if conv[i] != 1 else "") for i in spec.parts)
    figs = [figure("part", [i], written[i], pct[i], "percent") for i in spec.parts]
    sum_written = None if any(written[i] is None for i in spec.parts) else sum(written[i] for i in spec.parts)
    figs.append(figure("sum", list(spec.parts), sum_written, total, "percent"))
    lines = [f"parts {parts_text}", f"sum of parts = {fmt_iv(total, 'percent')}"]
    hundred = Interval.point(100.0)
    n = len(spec.parts)
    if spec.remainder:
        r = spec.remainder
        implied = hundred - total
        holds = lambda *xs: overlap(hundred - reduce(lambda a, b: a + b, xs[:n]), xs[n])  # noqa: E731
        inputs = [pct[i] for i in spec.parts] + [pct[r]]
        verdict = decide(holds, *inputs)
        lines.append(f"implied remainder = 100 - sum = {fmt_iv(implied, 'percent')}; stated remainder "
                     f"{_desc(ctx, r)} = {fmt_iv(pct[r], 'percent')}: {_overlap_text(implied, pct[r])}")
        figs.append(figure("remainder", [r], written[r], pct[r], "percent"))
        figs.append(figure("implied", list(spec.parts), None if sum_written is None else 100 - sum_written,
                           implied, "percent"))
        if sum_written is not None and written[r] is not None:
            lines.append(f"as written: {fmt_num(sum_written)} + {fmt_num(written[r])} = "
                         f"{fmt_num(sum_written + written[r])} %")
        roles = ["part"] * n + ["remainder"]
        cause_inc = {"role": "implied", "bound": "low" if implied.lo > pct[r].hi else "high"}
        relation = "parts + remainder = 100 %"
    elif spec.exhaustive:
        holds = lambda *xs: overlap(reduce(lambda a, b: a + b, xs), hundred)  # noqa: E731
        inputs = [pct[i] for i in spec.parts]
        verdict = decide(holds, *inputs)
        lines.append(f"the parts cover the whole: the sum must be 100 %; {_overlap_text(total, hundred)}")
        if sum_written is not None:
            lines.append(f"as written: {' + '.join(fmt_num(written[i]) for i in spec.parts)} = {fmt_num(sum_written)} %")
        roles = ["part"] * n
        cause_inc = {"role": "sum", "bound": "low" if total.lo > 100 else "high"}
        relation = "parts = 100 %"
    else:
        holds = lambda *xs: le(reduce(lambda a, b: a + b, xs), hundred)  # noqa: E731
        inputs = [pct[i] for i in spec.parts]
        verdict = decide(holds, *inputs)
        lines.append("shares of one whole: the sum must be at most 100 %")
        if sum_written is not None:
            lines.append(f"as written: {' + '.join(fmt_num(written[i]) for i in spec.parts)} = {fmt_num(sum_written)} %")
        roles = ["part"] * n
        cause_inc = {"role": "sum", "bound": "low"}
        relation = "parts <= 100 %"
    cause = cause_inc if verdict == INCONSISTENT else (edge_cause(holds, inputs, roles) if verdict == TENSION else None)
    reason = {CONSISTENT: "holds", TENSION: "holds_only_at_edge", INCONSISTENT: "shares_do_not_add_up"}[verdict]
    details = {"implied": (hundred - total).to_list() if spec.remainder else total.to_list(), "relation": relation}
    if spec.remainder:
        details["stated"] = pct[spec.remainder].to_list()
    return _result(spec, ids, verdict, "; ".join(lines) + f" -> {verdict}", details, reason, figs, cause)


# --------------------------------------------------------------------------------------- implied ratio
def _quotient_unit(num, den) -> tuple[str, float] | None:
    """The unit of ``num / den`` and the factor that puts it there (None when no unit a row states fits):
    same units -> ``ratio``; an amount over a duration -> ``<unit> per <base>``; otherwise
    ``<num unit> per <den unit>`` (matched against the row's unit as text)."""
    if num.base_unit == den.base_unit or {num.base_unit, den.base_unit} <= {"persons", "count"}:
        return "ratio", 1.0
    if den.base_unit in DURATION_UNITS and num.per is None:
        return f"{num.base_unit} per {den.base_unit.rstrip('s')}", 1.0
    return f"{num.unit} per {den.unit}", 1.0


def implied_ratio(spec, ctx: Context) -> RelationResult:
    """``numerator / denominator`` (times ``scale``) against each reference row of ``evidence`` in the ratio's
    unit; the verdict is the best over the rows (the ratio is plausible if one reference allows it).

    Example (hand-computed): "$305 million" ([304.5M, 305.5M]) of tax on "about $1 billion" of profit
    ([0.9, 1.1] billion: step 1 billion, 10 % margin... read by the rules) gives 305 / 1,000 = 30.5 % as
    written and [27.7, 33.9] % over the intervals (304.5 / 1,100 = 27.68 %; 305.5 / 900 = 33.94 %); against
    a reference tax rate of 30 % ([29.5, 30.5]) they share [29.5, 30.5] -> consistent.
    """
    ids = [spec.numerator, spec.denominator]
    bad = _numeric(spec, ctx, ids)
    if bad:
        return bad
    nc, dc = ctx.claims[spec.numerator], ctx.claims[spec.denominator]
    ni, di = ctx.intervals[spec.numerator], ctx.intervals[spec.denominator]
    if di.contains(0.0) or di.lo < 0 < di.hi:
        return _unverifiable(spec, ids, "no_interval", f"denominator {spec.denominator} may be 0 ({di})")
    qunit, _ = _quotient_unit(nc, dc)
    rows = [(rid, ctx.reference.get(rid)) for rid in spec.evidence]
    missing = [rid for rid, r in rows if r is None]
    if missing:
        return _unverifiable(spec, ids, "no_reference", f"reference rows not loaded: {', '.join(missing)}")
    lines = [f"numerator {_desc(ctx, spec.numerator)}", f"denominator {_desc(ctx, spec.denominator)}"]
    rel, words = {"eq": (overlap, "share a value with"), "le": (le, "be at most"),
                  "ge": (lambda a, b: le(b, a), "be at least")}[spec.relation]
    best: tuple[int, str, dict | None, str, Interval, dict] | None = None
    figs = [figure("numerator", [spec.numerator], nc.value, ni, nc.unit),
            figure("denominator", [spec.denominator], dc.value, di, dc.unit)]
    for rid, row in rows:
        runit = row.get("unit") or ""
        rbase = runit.split(" per ")[0] if " per " in runit else runit
        if qunit == "ratio" and rbase in _SHARE and " per " not in runit:
            scale = spec.scale if spec.scale is not None else (100.0 if rbase == "percent" else 1.0)
        elif runit == qunit:
            scale = spec.scale if spec.scale is not None else 1.0
        else:
            lines.append(f"row {rid} is in {runit!r}, the ratio in {qunit!r}: not compared")
            continue
        lo, hi = row.get("interval") or [None, None]
        ri = Interval(lo, hi)
        implied = ni / di * scale
        holds = lambda n, d, r, s=scale: rel(n / d * s, r)  # noqa: E731
        verdict = decide(holds, ni, di, ri)
        written = None if nc.value is None or not dc.value else nc.value / dc.value * scale
        period = (f", {row['period_start']} to {row['period_end']}" if row.get("period_start") else "")
        lines.append(f"implied ratio = numerator / denominator{f' x {fmt_num(scale)}' if scale != 1 else ''} = "
                     + (f"{fmt_num(written)} as written, " if written is not None else "")
                     + f"{fmt_iv(implied, runit)} over the intervals; it must {words} row {rid} "
                     f"({row.get('publisher')}{period}: {fmt_iv(ri, runit)}): {_overlap_text(implied, ri)} -> {verdict}")
        cause = None
        if verdict == INCONSISTENT:
            cause = {"role": "implied", "bound": "low" if implied.lo > ri.hi else "high"}
        elif verdict == TENSION:
            cause = edge_cause(holds, [ni, di, ri], ["numerator", "denominator", "reference"])
        rank = _ORDER[verdict]
        if best is None or rank < best[0]:
            best = (rank, verdict, cause, rid, implied, {"written": written, "scale": scale})
        figs.append(figure("reference", [], row.get("value"), ri, runit, evidence=[rid]))
    if best is None:
        return _unverifiable(spec, ids, "units_differ", "; ".join(lines) + "; no reference row is in the ratio's unit",
                             figs)
    _, verdict, cause, rid, implied, extra = best
    figs.insert(2, figure("ratio", ids, extra["written"], implied, qunit if qunit != "ratio" else
                          (ctx.reference[rid].get("unit") or "ratio")))
    reason = {CONSISTENT: "plausible", TENSION: "plausible_only_at_edge", INCONSISTENT: "implausible"}[verdict]
    details = {"implied": implied.to_list(), "reference": ctx.reference[rid].get("interval"), "row": rid}
    return _result(spec, ids, verdict, "; ".join(lines) + f" -> {verdict} (best row {rid})", details, reason, figs,
                   cause)


__all__ = ["RelationResult", "change", "comparison", "complement", "edge_cause", "figure", "implied_ratio"]


# -------------------------------------------------------------------------------------- declaration
# The kinds of this module, declared once (numclaims.checks.registry).
from ..records import ChangeCheck, ComparisonCheck, ComplementCheck, ImpliedRatioCheck  # noqa: E402
from .registry import register  # noqa: E402

register("comparison", spec=ComparisonCheck, function=comparison, fields=("a", "b", "times"),
         relation="a > b (>=, <, <=, =), optionally times a factor, flows compared as rates over their periods")
register("change", spec=ChangeCheck, function=change, fields=("earlier", "later", "change", "factor"),
         relation="earlier -> later by a relative or absolute change, or by a factor (implied earlier figure)")
register("complement", spec=ComplementCheck, function=complement, fields=("parts", "remainder"),
         relation="shares of one whole and their remainder add to 100 %")
register("implied_ratio", spec=ImpliedRatioCheck, function=implied_ratio, fields=("numerator", "denominator"),
         relation="the ratio of two claims against the reference rows it cites")
