"""Arithmetic relations between claims: rate x duration, sum, difference, product, ratio.

Each implied interval is computed with sound interval arithmetic (:mod:`numclaims.intervals`) and
compared with the stated claim by overlap; the verdict follows :func:`numclaims.checks.base.judge` (as
written, then within the intervals). An implied count is cut to whole numbers before it is compared.
"""

from __future__ import annotations

from fractions import Fraction
from functools import reduce

from ..claimvalues import spanned_duration
from ..intervals import Interval
from ..records import DURATION_UNITS
from ..rules import DISCRETE_UNITS
from ..units import DIMENSIONLESS, SHARE_WHOLE, quotient_factor, quotient_problem, same_base
from .base import (
    INCONSISTENT,
    _scaled,
    CheckResult,
    Context,
    converted,
    derived,
    describe,
    figure,
    fmt_iv,
    fmt_num,
    judge,
    overlap,
    one_figure_rate,
    part_of,
    result,
    shown,
    signed_percent,
    units_problem,
    unverifiable,
    whole,
    word_of,
)

_RATE_TO_DURATION = {"day": "days", "week": "weeks", "month": "months", "year": "years"}


def _gap_text(implied: Interval, stated: Interval) -> str:
    both = implied.intersect(stated)
    if both is not None:
        return f"they overlap on {both}"
    return f"they are {fmt_num(implied.gap(stated))} apart"


def _as_written(values: list[float | None]) -> bool:
    return all(v is not None for v in values)


def rate_duration(spec, ctx: Context) -> CheckResult:
    """``rate x duration`` vs ``total``; the duration is converted to the rate's time base.

    Example (hand-computed): $60,000 a month -> [55,000, 65,000] USD/month (step 10,000); "three years"
    -> [2.5, 3.5] years = [30, 42] months; product [1,650,000, 2,730,000] USD; "$2 million" -> [1.5M, 2.5M];
    overlap [1.65M, 2.5M] -> consistent. As written: 60,000 x 36 = 2,160,000 (+8 % on 2,000,000).
    """
    ids = [spec.rate, spec.duration, spec.total]
    rate, dur, tot = (ctx.claims[i] for i in ids)
    ri, di, ti = (ctx.intervals[i] for i in ids)
    if ri is None or di is None or ti is None:
        return unverifiable(spec, ids, "an input has no numeric interval", "no_interval")
    if rate.per is None:
        return unverifiable(spec, ids, f"{rate.id} has unit {rate.unit!r}, not a rate ('<unit> per <time>')",
                            "not_a_rate")
    if dur.base_unit not in DURATION_UNITS:
        return unverifiable(spec, ids, f"{dur.id} has unit {dur.unit!r}, not a duration (years, months, weeks, days)",
                            "not_a_rate")
    # 350 persons a week x 12 weeks against a total of 4,200 written as a count (units.same_base)
    if not same_base(rate.base_unit, tot.base_unit) or tot.per is not None:
        return unverifiable(spec, ids, f"rate unit {rate.unit!r} times time does not give total unit {tot.unit!r}")
    target = _RATE_TO_DURATION[rate.per]
    # a one-figure rate ("$1 million a month") is its written value as written (base.one_figure_rate)
    figs = [one_figure_rate(figure(ctx, "rate", spec.rate), rate), figure(ctx, "duration", spec.duration),
            figure(ctx, "total", spec.total)]
    ri, di, ti = (f.interval for f in figs)
    # the duration in the rate's time base over every calendar length ("one year" is 365 to 366 days, six
    # months 25.86 to 26.29 weeks), the conventional point on the as-written line (units.calendar_range)
    factor = float(converted(Interval.point(1.0), dur.base_unit, target)[1])
    span = ctx.periods.get(spec.duration)
    exact = span.length_in(target) / Fraction(dur.value) if spanned_duration(dur, span) is not None else None
    if exact is not None:
        # a duration lasting the span its record gives lasts that span, not every calendar length: "one
        # year", all of 2024, is 366 days (semantics section 8, "A duration lasts the span its record gives")
        factor = float(exact)

    def in_base(d: Interval) -> Interval:
        return converted(d, dur.base_unit, target)[0] if exact is None else _scaled(d, exact)

    dconv = in_base(di)
    implied = whole(ri * dconv, tot.base_unit) or ri * dconv
    decision = judge(lambda r, d, t: overlap(whole(r * in_base(d), tot.base_unit), t), figs)
    lines = [
        f"rate {describe(rate, ri)}",
        f"duration {describe(dur, di)} = {dconv} {target}",
        f"implied total = rate x duration = {fmt_iv(implied, tot.unit)}",
        f"stated total {describe(tot, ti)}: {_gap_text(implied, ti)}",
    ]
    details = {"implied": implied.to_list(), "stated": ti.to_list(), "duration_converted": dconv.to_list(),
               "duration_unit": target}
    if _as_written([rate.value, dur.value, tot.value]):
        n = dur.value * factor
        prod = rate.value * n
        rel = (prod - tot.value) / tot.value * 100 if tot.value else float("nan")
        lines.append(f"as written: {fmt_num(rate.value)} x {fmt_num(n)} = {fmt_num(prod)} vs {fmt_num(tot.value)} "
                     f"({signed_percent(rel)})")
        details["as_written"] = prod
    return result(spec, ids, decision, figs + [derived("implied", ids[:2], implied, tot.unit)], lines, details)


def _same_units(spec, ctx: Context, ids: list[str]) -> CheckResult | None:
    """An ``unverifiable`` result unless every claim has an interval and converts to the unit of the
    last (the stated figure), see :mod:`numclaims.units`."""
    if any(ctx.intervals[i] is None for i in ids):
        return unverifiable(spec, ids, "an input has no numeric interval", "no_interval")
    problem = units_problem(ctx, ids, ctx.claims[ids[-1]].unit)
    if problem:
        return unverifiable(spec, ids, problem)
    return None


def _compare(spec, ctx: Context, ids: list[str], roles: list[str], op, op_text: str, unit: str,
             convert: bool = False) -> CheckResult:
    """Judge ``op(*inputs)`` (implied) against the last claim of ``ids`` (stated) by overlap, with the
    implied figure cut to whole numbers when ``unit`` counts things."""
    figs = [figure(ctx, role, cid, unit if convert else None) for role, cid in zip(roles, ids)]
    made: dict[tuple[int, ...], tuple[tuple[Interval, ...], Interval | None]] = {}

    def implied_by(xs: tuple[Interval, ...]) -> Interval | None:
        """``op`` of the inputs ``xs``, cut to whole numbers (a rate, "per day", is not), computed once per
        inputs: :func:`judge` asks again for the readings above, and its trials of the stated figure's
        sides pass the same interval objects (immutable). Kept by the objects' ids, with the objects, so
        that no id is reused while the check runs; an equal interval made anew is computed again."""
        key = tuple(map(id, xs))
        got = made.get(key)
        if got is None:
            got = made[key] = (xs, whole(op(*xs), unit))
        return got[1]

    implied = implied_by(tuple(f.interval for f in figs[:-1]))
    at_written = implied_by(tuple(f.as_written for f in figs[:-1]))
    details = {"implied": None if implied is None else implied.to_list(), "stated": figs[-1].interval.to_list()}
    extra = [] if implied is None else [derived("implied", ids[:-1], implied, unit)]
    st, si = ctx.claims[ids[-1]], figs[-1].interval
    decision = judge(lambda *xs: overlap(implied_by(xs[:-1]), xs[-1]), figs)
    lines = [f"{op_text} = {shown(implied)} {unit}",
             f"stated {describe(st, si)}: " + (_gap_text(implied, si) if implied is not None else "no whole count"),
             f"as written: {shown(at_written)} vs {fmt_iv(figs[-1].as_written, unit)}"]
    return result(spec, ids, decision, figs + extra, lines, details)


def _sum(*xs: Interval) -> Interval:
    return reduce(lambda a, b: a + b, xs)


def sum_check(spec, ctx: Context) -> CheckResult:
    """``sum(parts)`` vs ``total`` (same unit). E.g. up to 400 + up to 1,200 = [0, 1,600] vs 1,600."""
    ids = [*spec.parts, spec.total]
    bad = _same_units(spec, ctx, ids)
    if bad:
        return bad
    text = " + ".join(describe(ctx.claims[i], ctx.intervals[i]) for i in spec.parts)
    return _compare(spec, ctx, ids, ["part"] * len(spec.parts) + ["total"], _sum, text, ctx.claims[spec.total].unit,
                    convert=True)


def difference_check(spec, ctx: Context) -> CheckResult:
    """``minuend - subtrahend`` vs ``result`` (same unit)."""
    ids = [spec.minuend, spec.subtrahend, spec.result]
    bad = _same_units(spec, ctx, ids)
    if bad:
        return bad
    m, s = ctx.intervals[spec.minuend], ctx.intervals[spec.subtrahend]
    text = f"{describe(ctx.claims[spec.minuend], m)} - {describe(ctx.claims[spec.subtrahend], s)}"
    r = _compare(spec, ctx, ids, ["minuend", "subtrahend", "difference"], lambda a, b: a - b, text,
                 ctx.claims[spec.result].unit, convert=True)
    lo, hi = r.details.get("implied") or (None, None)
    if r.verdict == INCONSISTENT and lo is not None and hi is not None:
        # "fell 0.4 points from 5.5 to 5.1" recorded as 5.1 - 5.5 = 0.4: the size matches the other way round
        # (the stated figure, as the check read it, is the last of its figures)
        if Interval(-hi, -lo).overlaps(r.figures[len(ids) - 1].interval):
            r.details["sign_reversed"] = True
            r.explanation = r.explanation.replace(f" -> {INCONSISTENT}", "; subtrahend - minuend would match: a "
                                                  f"fall written as a size? -> {INCONSISTENT}")
    return r


#: Units that carry no dimension in a product (a percent factor counts as its hundredth).


def _product_units(spec, ctx: Context) -> tuple[float, str | None]:
    """``(scale, problem)``: the factor that turns percent factors into fractions, and why the units of
    the factors cannot give the product's unit (None when they can). At most one factor may carry a unit
    (money, a duration, a rate); the product must then have exactly that unit, rate base included."""
    scale, dims = 1.0, []
    for cid in spec.factors:
        c = ctx.claims[cid]
        if c.unit in DIMENSIONLESS:
            scale *= DIMENSIONLESS[c.unit]
        else:
            dims.append(c.unit)
    prod = ctx.claims[spec.product].unit
    if len(dims) > 1:
        return scale, f"two factors carry units ({', '.join(dims)}); their product has no unit a claim states"
    if dims and prod != dims[0]:
        return scale, f"the factors give {dims[0]!r} but the product is stated in {prod!r}"
    if not dims and prod not in DIMENSIONLESS:
        return scale, f"the factors are plain numbers but the product is stated in {prod!r}"
    return scale, None


def product_check(spec, ctx: Context) -> CheckResult:
    """``factors[0] x factors[1] x ...`` vs ``product``.

    Units: counts, fractions and percents are plain numbers (a percent as its hundredth); at most one
    factor may carry a unit and the product must be stated in it ("1,200 workers x 20 % x $2,900 per year"
    is in ``USD per year``). Otherwise the check is ``unverifiable``. Example (hand-computed): 100 brothels
    x 20 workers x 0.6 = 1,200 persons.
    """
    ids = [*spec.factors, spec.product]
    if any(ctx.intervals[i] is None for i in ids):
        return unverifiable(spec, ids, "an input has no numeric interval", "no_interval")
    scale, problem = _product_units(spec, ctx)
    if problem:
        return unverifiable(spec, ids, problem)
    # percent factors are divided by 100 at the end, so written figures multiply exactly
    div = round(1 / scale)
    mul = lambda *xs: reduce(lambda a, b: a * b, xs) / div if div != 1 else reduce(lambda a, b: a * b, xs)  # noqa: E731
    text = " x ".join(describe(ctx.claims[i], ctx.intervals[i]) for i in spec.factors) + (
        f" x {scale:g} (percent as a fraction)" if scale != 1 else "")
    unit = ctx.claims[spec.product].unit
    if len(spec.factors) == 2 and unit in DISCRETE_UNITS:
        # a share of a whole count is a part of it (base.part_of, as share_of_total and fraction_of read it):
        # at most the whole ("more than 50 percent of the 4 judges" is 3 or 4, not 5), and a word fraction
        # names its nearest achievable share
        for i, j in ((0, 1), (1, 0)):
            sc, wc = ctx.claims[spec.factors[i]], ctx.claims[spec.factors[j]]
            if sc.unit in ("percent", "fraction") and wc.unit == unit:
                word, w = word_of(ctx, spec.factors[i], unit), SHARE_WHOLE[sc.unit]
                mul = (lambda f, n, word=word, w=w: part_of(f, n, w, unit, word)) if i == 0 else (
                    lambda n, f, word=word, w=w: part_of(f, n, w, unit, word))
                break
    return _compare(spec, ctx, ids, ["factor"] * len(spec.factors) + ["product"], mul, text, unit)


def ratio_check(spec, ctx: Context) -> CheckResult:
    """``numerator / denominator`` vs ``ratio``; a ``percent`` ratio is compared as ``100 x`` the quotient.

    Units: the numerator and denominator must have the same unit (the quotient is then a plain number),
    and the ratio claim must be a fraction, ratio or percent; otherwise ``unverifiable`` (USD per person
    is not a percentage).

    A word fraction of a whole count ("half of the 5 members", "more than a third of the 6 members") is
    read as :func:`numclaims.checks.base.part_of` reads it in ``fraction_of``: the numerator is judged
    against the parts the words name of the denominator (nearest achievable share, exact one-sided bounds,
    never beyond the whole; semantics section 6), so "half of the 5 members, 2" is consistent (2/5 is a
    share of 5 nearest a half) and "more than a third of the 6 members, 2" inconsistent.
    """
    ids = [spec.numerator, spec.denominator, spec.ratio]
    if any(ctx.intervals[i] is None for i in ids):
        return unverifiable(spec, ids, "an input has no numeric interval", "no_interval")
    nc, dc, rc = (ctx.claims[i] for i in ids)

    problem = quotient_problem(nc.unit, dc.unit, rc.unit)
    if problem:
        return unverifiable(spec, ids, problem)
    d = ctx.intervals[spec.denominator]
    if d.contains(0.0):
        return unverifiable(spec, ids, f"denominator {spec.denominator} may be 0 ({d})", "denominator_zero")

    q = quotient_factor(nc.unit, dc.unit) * (100 if rc.base_unit == "percent" else 1)
    word = word_of(ctx, spec.ratio, dc.unit) if q == 1 and dc.per is None else None
    if word is not None:  # a word fraction of a whole count: the parts it names, as in fraction_of (part_of)
        text = f"{describe(rc, ctx.intervals[spec.ratio])} of {describe(dc, d)}"
        return _compare(spec, ctx, [spec.ratio, spec.denominator, spec.numerator], ["ratio", "denominator", "numerator"],
                        lambda r, w: part_of(r, w, 1, nc.unit, word), text, nc.unit)
    scale = float(q) if q.denominator == 1 else None
    text = f"{describe(nc, ctx.intervals[spec.numerator])} / {describe(dc, d)}" + (
        f" x {fmt_num(float(q))}" if q != 1 else "")
    def quotient(a, b):
        return (a * scale) / b if scale is not None else (a * float(q.numerator)) / (b * float(q.denominator))

    return _compare(spec, ctx, ids, ["numerator", "denominator", "ratio"], quotient, text, rc.unit)


# -------------------------------------------------------------------------------------- declaration
# The kinds of this module, declared once (numclaims.checks.registry); the engine, the claims-file
# checks and the docs' table of check kinds read them from the registry.
from ..records import (  # noqa: E402
    DifferenceCheck,
    ProductCheck,
    RateDurationCheck,
    RatioCheck,
    SumCheck,
)
from .registry import Chart, register  # noqa: E402


def _rate_duration_sides(check, q):
    d = check.details
    return [(f"implied: {q(0)} × {q(1)}", d.get("implied")), (f"stated: {q(2)}", d.get("stated"))], 2


def _operation_chart(kind: str, symbol: str, title: str) -> Chart:
    """The chart of an arithmetic kind: the operation over every claim but the last, against the last."""

    def sides(check, q):
        d, n = check.details, len(check.claims)
        return [(f"{kind}: " + f" {symbol} ".join(q(i) for i in range(n - 1)), d.get("implied")),
                (f"stated: {q(n - 1)}", d.get("stated"))], n - 1

    return Chart(title, sides, min_claims=2)


register("rate_duration", spec=RateDurationCheck, function=rate_duration, fields=("rate", "duration", "total"),
         title="rate \u00d7 duration against the total",
         relation="rate x duration (converted to the rate's time base) against a stated total",
         chart=Chart("rate × duration against the stated total", _rate_duration_sides, min_claims=3),
         unverifiable="Whether {0} {over1} adds up to {2} cannot be decided: {reason}.")
register("sum", spec=SumCheck, function=sum_check, fields=("parts", "total"),
         title="parts against their total",
         relation="sum of parts against the total (same unit)",
         chart=_operation_chart("sum", "+", "parts against their stated total"))
register("difference", spec=DifferenceCheck, function=difference_check, fields=("minuend", "subtrahend", "result"),
         title="a difference",
         relation="a change between two figures (same unit)",
         chart=_operation_chart("difference", "−", "a difference against the stated figure"))
register("product", spec=ProductCheck, function=product_check, fields=("factors", "product"),
         title="a product",
         relation=("counts, fractions and percents times at most one factor with a unit; the product must be "
                   "stated in that unit"),
         chart=_operation_chart("product", "×", "a product against the stated figure"))
register("ratio", spec=RatioCheck, function=ratio_check, fields=("numerator", "denominator", "ratio"),
         title="a ratio",
         relation="quotient against a fraction or percent claim",
         chart=_operation_chart("ratio", "÷", "a ratio against the stated figure"))
