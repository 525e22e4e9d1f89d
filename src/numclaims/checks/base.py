"""Verdicts, the ``tension`` rule, and what every check returns.

Verdicts:

``consistent``
    The relation holds for values well inside every input interval: it still holds when each input is
    cut down to its inner 80 % (:meth:`numclaims.intervals.Interval.inner` with 0.1).
``tension``
    The relation holds, but only if at least one input sits in the outer tenth of its interval (at the
    edge of what its rounding or qualifier allows). Precisely: satisfiable on the full intervals, not on the
    inner ones.
``inconsistent``
    No values in the input intervals satisfy the relation.
``unverifiable``
    The relation cannot be decided from the records: units that do not convert, a date where a number is
    needed, or periods that do not nest or overlap as the relation requires.

Verdicts are ordered by severity (:data:`SEVERITY`) so reports can list the worst first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable

from ..intervals import Interval, _fmt
from ..periods import Period
from ..records import Claim

from ..verdicts import CONSISTENT, INCONSISTENT, SEVERITY, TENSION, UNVERIFIABLE, VERDICTS  # noqa: F401
#: The outer share of each interval that defines ``tension``.
EDGE = 0.1


@dataclass
class CheckResult:
    """The outcome of one check: ``verdict`` (one of :data:`VERDICTS`), a human ``explanation`` that shows
    the arithmetic, and ``details`` (JSON-serialisable numbers: implied intervals, overlaps, GRIM results).
    ``findings`` carries codes for external checks (see :mod:`numclaims.checks.external`)."""

    id: str
    kind: str
    claims: list[str]
    verdict: str
    explanation: str
    details: dict[str, Any] = field(default_factory=dict)
    findings: list[dict[str, Any]] | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "claims": list(self.claims),
            "verdict": self.verdict,
            "explanation": self.explanation,
            "details": self.details,
        }
        if self.findings is not None:
            d["findings"] = self.findings
        return d


@dataclass
class Context:
    """What a check may read about its article.

    Attributes:
        claims: ``{id: Claim}``.
        intervals: ``{id: Interval or None}`` (None for dates).
        periods: ``{id: Period or None}``, the period each claim's figure covers when known.
        published: the article's publication date.
        reference: optional reference table rows ``{row id: dict}`` for external checks.
    """

    claims: dict[str, Claim]
    intervals: dict[str, Interval | None]
    periods: dict[str, Period | None]
    published: dt.date
    reference: dict[str, dict[str, Any]] = field(default_factory=dict)


def decide(holds: Callable[..., bool], *inputs: Interval) -> str:
    """Verdict of a relation ``holds(*intervals) -> bool`` (True when some values satisfy it).

    Returns ``inconsistent`` when it fails on the full intervals, ``consistent`` when it holds on the
    inner intervals (outer :data:`EDGE` cut off each end), ``tension`` otherwise.
    """
    if not holds(*inputs):
        return INCONSISTENT
    if holds(*(iv.inner(EDGE) for iv in inputs)):
        return CONSISTENT
    return TENSION


def overlap(a: Interval, b: Interval) -> bool:
    """Relation: the two intervals share a value."""
    return a.overlaps(b)


def le(a: Interval, b: Interval) -> bool:
    """Relation: some ``x`` in ``a`` and ``y`` in ``b`` have ``x <= y``."""
    if a.lo < b.hi:
        return True
    return a.lo == b.hi and a.low_closed and b.high_closed


def fmt_iv(iv: Interval | None, unit: str = "") -> str:
    """An interval for explanations, with its unit."""
    if iv is None:
        return "(no numeric interval)"
    return f"{iv} {unit}".rstrip()


def fmt_num(x: float) -> str:
    """A number for explanations: thousands separators, up to six significant digits."""
    return _fmt(x)


def describe(c: Claim, iv: Interval | None) -> str:
    """``"$60,000 a month" -> [55,000, 65,000] USD per month`` style description of a claim."""
    words = c.text or c.quote
    return f"\u201c{words}\u201d ({c.id}) -> {fmt_iv(iv, c.unit)}"


def unverifiable(spec, claims: list[str], why: str) -> CheckResult:
    """A result saying the check cannot be decided, and why."""
    return CheckResult(spec.id, spec.kind, claims, UNVERIFIABLE, why)
