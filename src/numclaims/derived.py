"""Derived figures: numbers an article implies without stating them (``derived:`` in a claims file).

A derived figure has an id in the namespace of claim and check ids, a ``kind`` of derivation, ``inputs``
(claim ids or other derived ids) and a ``unit`` (see :class:`numclaims.records.Derived`). Its interval is
computed from the intervals of its inputs with interval arithmetic (:mod:`numclaims.intervals`), and its
value *as written* from their written values, so every check can use it wherever a claim id is used. It is
never a quote: results.json lists it under ``derived`` with its arithmetic, and reports show it as derived.

=================  =============================  ==========================================================
kind               inputs                         result
=================  =============================  ==========================================================
``sum``            ``[x, y, ...]`` (same unit)    ``x + y + ...`` (68 + 8 minors = 76 minors)
``difference``     ``[x, y]`` (same unit)         ``x - y``
``product``        ``[x, y, ...]``                ``x * y * ...``; percent inputs as hundredths, at most one
                                                  input with a unit, which is the result's
                                                  (40,000 inhabitants x 90 % = 36,000 persons)
``ratio``          ``[x, y]``                     ``x / y``: same units give a fraction, ratio or percent
                                                  (x 100); a count over a duration gives a rate
                                                  (2,000 rescued / 2 years = 1,000 persons per year)
``change_implied`` ``[later, change]``            the earlier figure: ``later / (1 + c)`` for a percent or
                                                  fraction change ("around 200, a 10 percent increase":
                                                  200 / 1.1 = 181.8), ``later - c`` for an amount;
                                                  ``direction: decrease`` flips the sign
``complement``     ``[share, ...]``               ``100 % - sum`` (percent) or ``1 - sum`` (fraction): "the
                                                  remainder" (100 - 60 = 40 %)
``rate_duration``  ``[rate, duration]``           the total the rate gives over the duration, the duration
                                                  converted to the rate's time base ($60,000 a month x
                                                  36 months = $2,160,000)
=================  =============================  ==========================================================

The period of a derived figure is its ``measure.period`` when given, else the period its inputs share
(None when they differ or none is known). Units that do not fit the derivation, a denominator that may be
0, unknown inputs and cycles are input errors (``file:line: claim <id> (derived): <field>: ...``).
"""

from __future__ import annotations

from functools import reduce
from typing import Any, Callable

from .errors import ErrorLine, InputErrors
from .intervals import Interval, _fmt
from .periods import Period, duration_in
from .records import DURATION_UNITS, Claim, Derived, Measure, split_unit
from .units import DIMENSIONLESS, SHARE_WHOLE


def _line(raw: Any, i: int, key: str | None = None) -> int:
    items = raw.get("derived", []) if hasattr(raw, "get") else []
    item = items[i] if isinstance(items, list) and i < len(items) else None
    if item is None:
        return 0
    if key and hasattr(item, "line_of") and key in item:
        return item.line_of(key)
    return getattr(item, "line", 0) or 0


def derived_problems(data, raw, display: str, claim_ids: set[str]) -> tuple[dict[str, int], list[ErrorLine]]:
    """``({derived id: line}, errors)`` of the ``derived:`` records of a claims file: ids that repeat a claim or
    derived id (a check repeating one is reported by the loader), inputs naming unknown ids, and cycles among derived figures.

    Args:
        data: the validated :class:`numclaims.claimsfile.ClaimsFile`; raw: its line-numbered YAML mapping;
        display: the file name for error lines; claim_ids: the claim ids of the file.
    """
    errs: list[ErrorLine] = []
    ids: dict[str, int] = {}
    for i, d in enumerate(data.derived):
        who = f"{d.id} (derived)"
        if d.id in claim_ids or d.id in ids:
            errs.append(ErrorLine(display, _line(raw, i, "id"), who, f"derived[{i}].id",
                                  "duplicate id (claims, checks and derived figures share one namespace)", "duplicate-id"))
        ids.setdefault(d.id, i)
    known = claim_ids | set(ids)
    graph: dict[str, list[str]] = {}
    for i, d in enumerate(data.derived):
        for ref in d.inputs:
            if ref not in known:
                errs.append(ErrorLine(display, _line(raw, i, "inputs"), f"{d.id} (derived)", f"derived[{i}].inputs",
                                      f"names unknown claim {ref!r}; inputs are claims or derived figures of "
                                      "this article", "unknown-claim"))
            elif ref in ids:
                graph.setdefault(d.id, []).append(ref)
    cyc = _cycle(graph)
    if cyc:
        i = ids[cyc[0]]
        errs.append(ErrorLine(display, _line(raw, i, "inputs"), f"{cyc[0]} (derived)", f"derived[{i}].inputs",
                              "derived figures form a cycle: " + " -> ".join(cyc) + "; remove one input", "reference-cycle"))
    return {d: _line(raw, i) for d, i in ids.items()}, errs


def _cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A cycle ``[a, b, ..., a]`` in ``{node: [successors]}``, or None (depth-first search)."""
    state: dict[str, int] = {}

    def walk(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if not state.get(nxt):
                found = walk(nxt, path)
                if found:
                    return found
        state[node] = 2
        path.pop()
        return None

    for root in graph:
        if not state.get(root):
            found = walk(root, [])
            if found:
                return found
    return None


def _value(vals: list[float | None], fn: Callable[..., float]) -> float | None:
    if any(v is None for v in vals):
        return None
    try:
        return fn(*vals)
    except ZeroDivisionError:
        return None


def _n(x: float | None) -> str:
    return "?" if x is None else _fmt(x)


def compute(d: Derived, claims: dict[str, Claim], intervals: dict[str, Interval | None]) -> tuple[Interval, float | None, str]:
    """``(interval, value as written, arithmetic text)`` of one derived figure from its inputs.

    Args:
        d: the record; claims/intervals: ``{id: Claim}`` / ``{id: Interval}`` holding every input.

    Raises:
        ValueError: inputs whose units do not fit the derivation, an input without a numeric interval, or a
            denominator whose interval contains 0 (the message says what to write instead).
    """
    ins = [claims[i] for i in d.inputs]
    ivs = [intervals[i] for i in d.inputs]
    if any(iv is None for iv in ivs):
        raise ValueError("an input is a date; a derived figure needs numeric inputs")
    vals = [c.value for c in ins]
    base, per = split_unit(d.unit)
    k = d.kind
    if k in ("sum", "difference"):
        bad = sorted({c.unit for c in ins if c.unit != d.unit})
        if bad:
            raise ValueError(f"a {k} adds figures of its own unit {d.unit!r}; inputs have {', '.join(bad)} "
                             "(give inputs of that unit, or set unit to theirs)")
        if k == "sum":
            iv = reduce(lambda a, b: a + b, ivs)
            return iv, _value(vals, lambda *x: sum(x)), " + ".join(_n(v) for v in vals) + f" = {_n(_value(vals, lambda *x: sum(x)))}"
        iv = ivs[0] - ivs[1]
        v = _value(vals, lambda a, b: a - b)
        return iv, v, f"{_n(vals[0])} - {_n(vals[1])} = {_n(v)}"
    if k == "product":
        scale, dims = 1.0, []
        for c in ins:
            if c.unit in DIMENSIONLESS:
                scale *= DIMENSIONLESS[c.unit]
            else:
                dims.append(c.unit)
        if len(dims) > 1 or (dims and dims[0] != d.unit) or (not dims and d.unit not in DIMENSIONLESS):
            raise ValueError(f"a product of {', '.join(c.unit for c in ins)} is not in {d.unit!r}: at most one "
                             "input may carry a unit (money, a duration, a rate) and the result is in it")
        out_scale = scale / DIMENSIONLESS.get(d.unit, 1.0) if not dims else scale
        iv = reduce(lambda a, b: a * b, ivs) * out_scale
        v = _value(vals, lambda *x: reduce(lambda a, b: a * b, x) * out_scale)
        pct = " (percent as hundredths)" if out_scale != 1 else ""
        return iv, v, " x ".join(_n(x) for x in vals) + pct + f" = {_n(v)}"
    if k == "ratio":
        num, den = ins
        if ivs[1].contains(0.0) or (ivs[1].lo < 0 < ivs[1].hi):
            raise ValueError(f"the denominator {den.id} may be 0 ({ivs[1]}); a ratio needs a denominator away from 0")
        if den.base_unit in DURATION_UNITS and per is not None:
            if num.unit != base:
                raise ValueError(f"{num.id} ({num.unit!r}) over a duration gives a rate in '{num.unit} per ...', "
                                 f"not {d.unit!r}")
            f = duration_in(1.0, den.base_unit, per)  # the duration in units of the rate's base
            iv = ivs[0] / (ivs[1] * f)
            v = _value(vals, lambda a, b: a / (b * f))
            return iv, v, f"{_n(vals[0])} / ({_n(vals[1])} {den.base_unit} = {_n(_value([vals[1]], lambda b: b * f))} {per}s) = {_n(v)}"
        same = num.base_unit == den.base_unit or {num.base_unit, den.base_unit} <= {"persons", "count"}
        if not same or base not in SHARE_WHOLE:
            raise ValueError(f"a ratio of {num.unit!r} to {den.unit!r} is not in {d.unit!r}: figures of one unit give "
                             "a fraction, ratio or percent; a figure over a duration gives a rate ('<unit> per year')")
        s = SHARE_WHOLE[base]
        iv = ivs[0] / ivs[1] * s
        v = _value(vals, lambda a, b: a / b * s)
        return iv, v, f"{_n(vals[0])} / {_n(vals[1])}" + (" x 100" if s == 100 else "") + f" = {_n(v)}"
    if k == "change_implied":
        later, ch = ins
        sign = 1.0 if d.direction == "increase" else -1.0
        if later.unit != d.unit:
            raise ValueError(f"the earlier figure is in the later figure's unit {later.unit!r}, not {d.unit!r}")
        if ch.base_unit in SHARE_WHOLE and later.base_unit not in SHARE_WHOLE:
            s = 1.0 / SHARE_WHOLE[ch.base_unit]
            factor = Interval.point(1.0) + ivs[1] * (sign * s)
            if factor.lo <= 0:
                raise ValueError(f"a {d.direction} by {ivs[1]} {ch.unit} leaves nothing: the earlier figure is unbounded")
            iv = ivs[0] / factor
            v = _value(vals, lambda a, b: a / (1 + sign * b * s))
            word = "+" if sign > 0 else "-"
            return iv, v, f"{_n(vals[0])} / (1 {word} {_n(vals[1])}{' %' if s != 1 else ''}) = {_n(v)}"
        if ch.unit != later.unit:
            raise ValueError(f"the change {ch.id} ({ch.unit!r}) is neither a percent or fraction nor in {later.unit!r}")
        iv = ivs[0] - ivs[1] * sign
        v = _value(vals, lambda a, b: a - sign * b)
        return iv, v, f"{_n(vals[0])} {'-' if sign > 0 else '+'} {_n(vals[1])} = {_n(v)}"
    if k == "complement":
        if base not in SHARE_WHOLE or any(c.base_unit not in SHARE_WHOLE for c in ins):
            raise ValueError("a complement takes percent or fraction inputs and gives a percent or fraction")
        whole = SHARE_WHOLE[base]
        conv = [whole / SHARE_WHOLE[c.base_unit] for c in ins]
        iv = Interval.point(whole) - reduce(lambda a, b: a + b, (x * f for x, f in zip(ivs, conv)))
        v = _value(vals, lambda *x: whole - sum(a * f for a, f in zip(x, conv)))
        return iv, v, f"{_n(whole)} - " + " - ".join(_n(x) for x in vals) + f" = {_n(v)}"
    if k == "rate_duration":
        rate, dur = ins
        if rate.per is None or dur.base_unit not in DURATION_UNITS:
            raise ValueError("a rate_duration takes [rate ('<unit> per <time>'), duration (years, months, weeks, days)]")
        if rate.base_unit != d.unit:
            raise ValueError(f"a rate in {rate.unit!r} over a duration gives {rate.base_unit!r}, not {d.unit!r}")
        f = duration_in(1.0, dur.base_unit, rate.per)
        iv = ivs[0] * (ivs[1] * f)
        v = _value(vals, lambda a, b: a * b * f)
        return iv, v, f"{_n(vals[0])} per {rate.per} x {_n(_value([vals[1]], lambda b: b * f))} {rate.per}s = {_n(v)}"
    raise ValueError(f"unknown derivation {k!r}")  # records validate kinds


def _pseudo_claim(d: Derived, value: float | None, arithmetic: str, iv: Interval, measure: Measure) -> Claim:
    """A :class:`Claim` object standing for the derived figure inside a check context (never written as a
    claim: results.json lists it under ``derived``)."""
    return Claim.model_construct(
        id=d.id, quote=f"derived: {arithmetic}", text=f"derived: {arithmetic}", start=None, value=value,
        unit=d.unit, qualifier="exact", precision=None, margin=None, low=None, high=None,
        interval=(iv.low, iv.high), rule=f"derived ({d.kind}): {arithmetic}", date=None, ends=None,
        measure=measure, attribution=[], evidence=[], status="unreviewed", reviewer=None, reviewed_on=None,
        notes=d.note)


def add_derived(article, ctx, period_of: Callable[[Any], Period | None]) -> None:
    """Compute every derived figure of ``article`` (inputs first) and add it to the check context ``ctx``
    (``claims``, ``intervals``, ``periods``) under its id.

    Args:
        article: a loaded :class:`numclaims.loader.Article`; ctx: its :class:`numclaims.checks.Context`;
        period_of: resolves a :class:`numclaims.records.PeriodSpec` to a period (the engine's resolver).

    Raises:
        InputErrors: one line per derived figure that cannot be computed (see :func:`compute`).
    """
    specs = {d.id: (i, d) for i, d in enumerate(article.data.derived)}
    done: set[str] = set()
    errs: list[ErrorLine] = []
    lines = _derived_lines(article)

    def visit(did: str) -> None:
        if did in done:
            return
        done.add(did)
        i, d = specs[did]
        for ref in d.inputs:
            if ref in specs:
                visit(ref)
        if any(ref not in ctx.intervals for ref in d.inputs):
            return  # an input failed: reported on its own line
        try:
            iv, value, arithmetic = compute(d, ctx.claims, ctx.intervals)
            period = period_of(d.measure.period) if d.measure and d.measure.period else _common(ctx, d.inputs)
        except (ValueError, ZeroDivisionError) as e:
            errs.append(ErrorLine(article.display, lines.get(did, 0), f"{did} (derived)", f"derived[{i}]", str(e),
                                  "derived-invalid"))
            return
        measure = d.measure or Measure(what=f"derived {d.kind} of {', '.join(d.inputs)}")
        ctx.claims[did] = _pseudo_claim(d, value, arithmetic, iv, measure)
        ctx.intervals[did] = iv
        ctx.periods[did] = period

    for did in specs:
        visit(did)
    if errs:
        raise InputErrors(errs)


def _derived_lines(article) -> dict[str, int]:
    return {d.id: article.check_lines.get(d.id, 0) for d in article.data.derived}


def _common(ctx, ids: list[str]) -> Period | None:
    ps = {ctx.periods.get(i) for i in ids}
    ps.discard(None)
    return ps.pop() if len(ps) == 1 else None


def derived_records(article, ctx) -> list[dict[str, Any]]:
    """The results.json ``derived`` list: per derived figure ``{id, kind, inputs, unit, value, interval,
    interval_closed, arithmetic, period, measure, note}`` (``value``: from the inputs as written;
    ``interval``: ``[low, high]``, null = unbounded; ``arithmetic``: the sum as written, e.g. "68 + 8 = 76")."""
    out = []
    for d in article.data.derived:
        c, iv, p = ctx.claims[d.id], ctx.intervals[d.id], ctx.periods.get(d.id)
        out.append({
            "id": d.id, "kind": d.kind, "inputs": list(d.inputs), "unit": d.unit, "value": c.value,
            "interval": iv.to_list(), "interval_closed": [iv.low_closed, iv.high_closed],
            "arithmetic": c.quote[len("derived: "):], "period": p.to_list() if p else None,
            "measure": {"what": c.measure.what, "where": c.measure.where,
                        "period": c.measure.period.model_dump(mode="json", exclude_none=True) if c.measure.period else None},
            "note": d.note,
        })
    return out


__all__ = ["add_derived", "compute", "derived_problems", "derived_records"]
