"""Check kinds, one function each, dispatched by the ``kind`` of a check record.

========================  ===================================================  ==============================
kind                      relation                                             module
========================  ===================================================  ==============================
``rate_duration``         rate x duration overlaps total                       :mod:`.arithmetic`
``sum``                   sum of parts overlaps total                          :mod:`.arithmetic`
``difference``            minuend - subtrahend overlaps result                 :mod:`.arithmetic`
``product``               product of factors overlaps product                  :mod:`.arithmetic`
``ratio``                 numerator / denominator overlaps ratio               :mod:`.arithmetic`
``share_of_total``        share x total (+ GRIM) overlaps part                 :mod:`.shares`
``fraction_of``           fraction x whole stands in relation to compare       :mod:`.shares`
``part_whole``            part <= whole, periods nested                        :mod:`.comparison`
``agreement``             two estimates share a value, periods overlap         :mod:`.comparison`
``external``              claim against cited reference rows                   :mod:`.external`
``comparison``            a > b (>=, <, <=), times a factor, as rates           :mod:`.relations`
``change``                earlier -> later by a change or a factor             :mod:`.relations`
``complement``            shares of one whole add to 100 %                     :mod:`.relations`
``implied_ratio``         ratio of two claims against reference rows           :mod:`.relations`
========================  ===================================================  ==============================
"""

from __future__ import annotations

from typing import Callable

from .arithmetic import difference_check, product_check, rate_duration, ratio_check, sum_check
from .base import SEVERITY, VERDICTS, CheckResult, Context
from .comparison import agreement, part_whole
from .relations import change, comparison, complement, implied_ratio
from .shares import fraction_of, share_of_total

REGISTRY: dict[str, Callable[..., CheckResult]] = {
    "rate_duration": rate_duration,
    "sum": sum_check,
    "difference": difference_check,
    "product": product_check,
    "ratio": ratio_check,
    "share_of_total": share_of_total,
    "fraction_of": fraction_of,
    "part_whole": part_whole,
    "agreement": agreement,
    "comparison": comparison,
    "change": change,
    "complement": complement,
    "implied_ratio": implied_ratio,
}


def run_check(spec, ctx: Context) -> CheckResult:
    """Run one check record against the article context.

    Raises:
        KeyError: when the kind has no implementation (records validate kinds, so this is a bug).
    """
    if spec.kind == "external":
        from .external import external

        return external(spec, ctx)
    return REGISTRY[spec.kind](spec, ctx)


__all__ = ["CheckResult", "Context", "REGISTRY", "SEVERITY", "VERDICTS", "run_check"]
