"""Shares and fractions of a total: "42 percent of the 2,000 victims", "three quarters of over 4,500".

The implied part is ``share x total`` in sound interval arithmetic, cut to whole numbers when the total
counts persons or things. A share of a count is also put to the granularity test by interval
(:func:`numclaims.granularity.share_fit`; GRIM, Brown & Heathers 2017, for percentages as in scrutiny's
``grim(percent = TRUE)``): is there a whole count of some whole total that fits the share's interval,
qualifier and rounding step honoured? "about 40 percent" of 12 fits (5/12 = 41.7 % is in [36, 44]);
"42 percent" of 7 does not (3/7 = 42.9 % is outside [41.5, 42.5]).
"""

from __future__ import annotations

import math

from ..granularity import ShareFit, nearest_parts, share_fit
from ..intervals import Interval
from ..rules import DISCRETE_UNITS
from ..units import SHARE_WHOLE
from .base import (
    CONSISTENT,
    INCONSISTENT,
    SEVERITY,
    TENSION,
    CheckResult,
    Context,
    NEAREST_QUALIFIERS,
    Decision,
    derived,
    describe,
    figure,
    fmt_iv,
    fmt_num,
    judge,
    le,
    overlap,
    part_of,
    result,
    units_problem,
    unverifiable,
    whole,
    word_of,
)

#: Share units and the number their whole is written as (percent of 100, fraction of 1).
_SCALE = SHARE_WHOLE  # numclaims.units: the whole of each share unit


def _inputs(spec, ctx: Context, ids: list[str], share_id: str, whole_id: str, part_id: str | None):
    """``(share scale, whole claim)``, or an ``unverifiable`` result: also when the part ``part_id`` (if
    any) is in a unit the whole's cannot be converted to ("Half of the 4 judges, $30": persons and USD),
    as ``product`` and ``rate_duration`` say (semantics section 7)."""
    if any(ctx.intervals[i] is None for i in ids):
        return unverifiable(spec, ids, "an input has no numeric interval", "no_interval")
    sc = ctx.claims[share_id]
    if sc.base_unit not in _SCALE:
        return unverifiable(spec, ids, f"{share_id} is not a percentage or fraction")
    whole_c = ctx.claims[whole_id]
    problem = units_problem(ctx, [part_id], whole_c.unit) if part_id else None
    if problem:
        return unverifiable(spec, ids, problem)
    return _SCALE[sc.base_unit], whole_c




def is_share_of_whole(ctx: Context, share_id: str) -> bool:
    """Whether claim ``share_id`` is a share of its whole (a percent or a fraction), which no part passes;
    a ``ratio`` may be a multiple of it."""
    return ctx.claims[share_id].base_unit != "ratio"


def _fit(iv: Interval, totals: Interval, scale: int, near, at=None):
    """:func:`share_fit` over the whole totals of ``totals`` (already whole numbers; none below 0). When
    the total's written value ``at`` is a whole total allowed and a count fits it, that is the witness
    shown ("840 / 2,000", not the smallest total of a band, "630 / 1,500"); the verdict is the same."""
    n_lo = 0 if totals.low is None else max(math.ceil(totals.lo), 0)
    n_hi = None if totals.high is None else math.floor(totals.hi)
    if n_hi is not None and n_hi < n_lo:
        return None
    fit = share_fit(iv.low, iv.high, iv.low_closed, iv.high_closed, n_lo, n_hi, scale, near)
    if (fit.witness is not None and at is not None and float(at).is_integer() and fit.witness[1] != at
            and n_lo <= at and (n_hi is None or at <= n_hi)):
        first = share_fit(iv.low, iv.high, iv.low_closed, iv.high_closed, int(at), int(at), scale, near)
        if first.witness is not None:
            return ShareFit(first.witness, fit.cannot_fail, fit.threshold, fit.undecided)
    return fit


def _granularity(ctx, spec, share_fig, total_fig, scale, lines, details, word=None) -> Decision:
    """Granularity by interval: inconsistent when no whole count fits the share's interval for any
    total allowed, tension when one fits only outside the share's written reading, else consistent. A word
    fraction (``word``, :func:`word_of`) names the achievable share nearest it, which every whole total has
    (:func:`numclaims.granularity.nearest_parts`): consistent."""
    sc = ctx.claims[spec.share]
    unit = "%" if scale == 100 else ""
    at = total_fig.written
    full = _fit(share_fig.interval, total_fig.interval, scale, sc.value, at)
    band = share_fig.as_written
    written = _fit(band, total_fig.as_written, scale, sc.value, at)
    details["grim"] = {"share": share_fig.interval.to_list(), "written": band.to_list(),
                       "totals": total_fig.interval.to_list(), "fits": bool(full and full.fits),
                       "fits_as_written": bool(written and written.fits),
                       "cannot_fail": bool(written and written.cannot_fail)}

    def show(fit):
        if fit.witness is None:
            return "the test does not decide" if fit.undecided else "a total of 0 has no share to test"
        k, n = fit.witness
        return f"{k:,} / {n:,} = {fmt_num(round(scale * k / n, 3))}{unit}"

    if word is not None and word[1] in NEAREST_QUALIFIERS and not (written and written.fits) \
            and total_fig.as_written.hi >= 1:
        n = max(math.ceil(total_fig.as_written.lo), 1)
        k = nearest_parts(word[0], word[1], n, n)
        if k is not None:
            lines.append(f"granularity: the share of {n:,} nearest {share_fig.label} is {k[0]:,} / {n:,} = "
                         f"{fmt_num(round(k[0] / n, 3))}" + (f" (or {k[1]:,} / {n:,})" if k[1] != k[0] else ""))
            return Decision(CONSISTENT, "granularity_holds")
    if full is None or not full.fits:
        lines.append(f"granularity: no whole count of {fmt_iv(total_fig.interval)} gives a share in "
                     f"{share_fig.interval}")
        return Decision(INCONSISTENT, "granularity_fail", (0, "value"),
                        f"no whole number fits {share_fig.label} for any total in {total_fig.interval}")
    if written is None or not written.fits:
        lines.append(f"granularity: no whole count of {fmt_iv(total_fig.as_written)} rounds to the written "
                     f"share ({band}); within its interval {show(full)} fits")
        return Decision(TENSION, "granularity_within_interval", (0, "value"),
                        f"fails as written; holds with {share_fig.label} anywhere in {share_fig.interval}")
    text = f"granularity: {show(written)} fits {band}" if written.witness else f"granularity: {show(written)}"
    if written.cannot_fail and written.threshold:
        text += (f" (the test cannot fail here: with a total of {written.threshold:,} or more some whole count "
                 "fits any share this wide, so it carries no information)")
    lines.append(text)
    return Decision(CONSISTENT, "granularity_holds")


def share_of_total(spec, ctx: Context) -> CheckResult:
    """Implied part of ``share x total``, granularity of the share against the total, and ``part`` if given.

    Verdict: the worse of the granularity test (when the total counts persons or things) and the
    comparison of the implied part with ``part``; ``unverifiable`` (``no_comparison``) when neither
    applies. Example (hand-computed): "42 percent" -> [41.5, 42.5] %; "2,000" -> [1,500, 2,500]; implied
    part [622.5, 1,062.5] -> [623, 1,062] persons; granularity: 840 / 2,000 = 42 % -> consistent (and
    the test cannot fail: 2,000 >= 101, the smallest total for a share one point wide).
    """
    ids = [spec.share, spec.total] + ([spec.part] if spec.part else [])
    inputs = _inputs(spec, ctx, ids, spec.share, spec.total, spec.part)
    if isinstance(inputs, CheckResult):
        return inputs
    scale, total_c = inputs
    share_fig, total_fig = figure(ctx, "share", spec.share), figure(ctx, "total", spec.total)
    counted = total_c.base_unit in DISCRETE_UNITS and total_c.per is None  # a rate is an average: no GRIM
    part_unit = total_c.unit
    word = word_of(ctx, spec.share, total_c.unit) if counted else None
    within = is_share_of_whole(ctx, spec.share)  # a share of the whole: cut to [0, 100 %]
    implied = part_of(share_fig.interval, total_fig.interval, scale, total_c.unit, word, within)
    if implied is None:  # a share of a count range with no whole part: shown unrounded, judged below
        implied = share_fig.interval * total_fig.interval / scale
    sc = ctx.claims[spec.share]
    lines = [f"share {describe(sc, share_fig.interval)}", f"total {describe(total_c, total_fig.interval)}",
             f"implied part = share x total = {fmt_iv(implied, part_unit)}"]
    details = {"implied": implied.to_list()}
    figs = [share_fig, total_fig]
    decisions = []
    if counted and total_fig.interval.hi >= 1:
        decisions.append(_granularity(ctx, spec, share_fig, total_fig, scale, lines, details, word))
    if spec.part:
        part_fig = figure(ctx, "part", spec.part, total_c.unit)  # _inputs found the conversion
        figs.append(part_fig)
        d = judge(lambda s, t, p: overlap(part_of(s, t, scale, total_c.unit, word, within), p), figs)
        lines.append(f"stated part {describe(ctx.claims[spec.part], part_fig.interval)}")
        details["stated"] = part_fig.interval.to_list()
        decisions.append(d)
    elif sc.value is not None and total_c.value is not None:
        lines.append(f"as written: {fmt_num(sc.value)}{'%' if scale == 100 else ''} x {fmt_num(total_c.value)} = "
                     f"{fmt_num(sc.value * total_c.value / scale)}")
    figs.append(derived("implied", [spec.share, spec.total], implied, part_unit))
    if not decisions:
        return unverifiable(spec, ids, "; ".join(lines) + " -> unverifiable: the total is not a count and no "
                            "part is stated to compare with (add `part:`)", "no_comparison", figs, details)
    decision = max(decisions, key=lambda d: SEVERITY[d.verdict])
    return result(spec, ids, decision, figs, lines, details)


_REL = {"le": (le, "at most"), "ge": (lambda a, b: le(b, a), "at least"), "eq": (overlap, "equal to")}


def fraction_of(spec, ctx: Context) -> CheckResult:
    """``fraction x whole`` and, with ``compare``, how the implied part stands to another claim.

    Example (hand-computed): "three quarters" -> [0.625, 0.875] (nearest quarter); "over 4,500" ->
    (4,500, +inf); implied minors (2,812.5, +inf). Against "as many as 1,600" ([0, 1,600]) with relation
    ``le`` (the implied minors must fit inside the 1,600): 2,812.5 > 1,600 -> inconsistent.
    """
    ids = [spec.fraction, spec.whole] + ([spec.compare] if spec.compare else [])
    inputs = _inputs(spec, ctx, ids, spec.fraction, spec.whole, spec.compare)
    if isinstance(inputs, CheckResult):
        return inputs
    scale, wc = inputs
    figs = [figure(ctx, "fraction", spec.fraction), figure(ctx, "whole", spec.whole)]
    word = word_of(ctx, spec.fraction, wc.unit) if wc.per is None else None
    within = is_share_of_whole(ctx, spec.fraction)
    implied = part_of(figs[0].interval, figs[1].interval, scale, wc.unit, word, within)
    if implied is None:
        implied = figs[0].interval * figs[1].interval / scale
    lines = [f"fraction {describe(ctx.claims[spec.fraction], figs[0].interval)}",
             f"whole {describe(wc, figs[1].interval)}", f"implied part = {fmt_iv(implied, wc.unit)}"]
    details = {"implied": implied.to_list()}
    if not spec.compare:
        return unverifiable(spec, ids, "; ".join(lines) + " -> unverifiable: no claim to compare the implied "
                            "part with (add `compare:`)", "no_comparison",
                            figs + [derived("implied", ids[:2], implied, wc.unit)], details)
    figs.append(figure(ctx, "compare", spec.compare, wc.unit))  # _inputs found the conversion
    ci = figs[2].interval
    rel, words = _REL[spec.relation]
    decision = judge(lambda f, w, c: rel(part_of(f, w, scale, wc.unit, word, within), c), figs)
    lines.append(f"the implied part must be {words} {describe(ctx.claims[spec.compare], ci)}")
    if decision.verdict == INCONSISTENT and implied.lo > ci.hi and ci.hi > 0:
        lines.append(f"its lowest value {fmt_num(implied.lo)} is {implied.lo / ci.hi:.1f} times {fmt_num(ci.hi)}")
        details["factor"] = round(implied.lo / ci.hi, 3)
    details["compare"] = ci.to_list()
    return result(spec, ids, decision, figs + [derived("implied", ids[:2], implied, wc.unit)], lines, details)


# -------------------------------------------------------------------------------------- declaration
# The kinds of this module, declared once (numclaims.checks.registry); the engine, the claims-file
# checks and the docs' table of check kinds read them from the registry.
from ..records import FractionOfCheck, ShareOfTotalCheck  # noqa: E402
from .registry import Chart, register  # noqa: E402

register("share_of_total", spec=ShareOfTotalCheck, function=share_of_total, fields=("share", "total", "part"),
         title="share of a total",
         relation="percentage of a total: implied part, GRIM test of the percentage",
         chart=Chart("percentage of a total: the part it implies",
                     lambda ch, q: ([(f"implied part: {q(0)} of {q(1)}", ch.details.get("implied"))], 1),
                     min_claims=2),
         unverifiable="What {0} of {1} implies cannot be checked: {reason}.")
register("fraction_of", spec=FractionOfCheck, function=fraction_of, fields=("fraction", "whole", "compare"),
         title="fraction of a whole",
         relation=("fraction of a (bounded) whole against another claim; without `compare` only the implied "
                   "part is given (`unverifiable`)"),
         chart=Chart("fraction of a whole against another figure",
                     lambda ch, q: ([(f"implied part: {q(0)} of {q(1)}", ch.details.get("implied")),
                                     (f"compared with {q(2)}", ch.details.get("compare"))], 2),
                     min_claims=3,
                     relation=lambda ch: {"le": "at_most", "ge": "at_least", "eq": "overlap"}.get(
                         ch.relation or "le", "at_most")),
         unverifiable="Whether {0} of {1} fits {2} cannot be decided: {reason}.")
