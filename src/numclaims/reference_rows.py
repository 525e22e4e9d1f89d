"""Reference rows read as figures: the interval of a row by the claims' own rules, its rounding step, the row
*as written*, the numbers it states, the dates its period names and the measure a claim is compared on.

Pure functions of one row (a mapping of the columns of :data:`numclaims.evidence.COLUMNS`), apart from
:mod:`numclaims.evidence`, which reads the reference data package from disk, so that the check kinds
(:mod:`numclaims.checks`, below the file readers) can read rows without importing the reader.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Any

from .intervals import Interval
from .records import split_unit
from .rules import interval_for, step_of_integer


def period_bounds(text: str | None, end: bool) -> dt.date | None:
    """First (``end=False``) or last (``end=True``) day of an ISO 8601 date of precision year, month or day.

    ``"2010"`` -> 2010-01-01 / 2010-12-31; ``"2013-10"`` -> 2013-10-01 / 2013-10-31; ``"2011-09-30"`` -> that
    day; ``None``/``""`` -> None.

    Raises:
        ValueError: text not of the form ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, or not a calendar date.
    """
    if not text:
        return None
    parts = [int(p) for p in str(text).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 12, 31) if end else dt.date(parts[0], 1, 1)
    if len(parts) == 2:
        y, m = parts
        return dt.date(y, m, calendar.monthrange(y, m)[1] if end else 1)
    if len(parts) == 3:
        return dt.date(*parts)
    raise ValueError(f"not an ISO 8601 date of precision year, month or day: {text!r}")


def row_interval(row: dict[str, Any]) -> Interval:
    """The interval of true values of a reference row, by the same rules as a claim.

    :func:`numclaims.rules.interval_for` with the row's ``qualifier``, ``value`` (its rounding step read
    from trailing zeros), its base unit ("USD per month" -> "USD"), and for ``range`` its ``value_low`` and
    ``value_high``. Examples: about 300 persons -> [250, 350]; up to 1,600 -> [0, 1,600]; more than 4,500
    -> (4,500, +inf); range 1,500-4,000 -> [1,500, 4,000]; exact 42 percent -> [41.5, 42.5].

    Raises:
        ValueError: from the rules (e.g. a range without both ends).
    """
    base = split_unit(row["unit"])[0]
    q = row["qualifier"]
    value = row.get("value")
    if q == "range":
        return interval_for(row["value_low"], "range", unit=base, low=row["value_low"], high=row["value_high"])
    return interval_for(value, q, row_step(value), unit=base)


def row_step(value: float) -> float:
    """The rounding step of a reference figure as the table writes it: the place of its last decimal
    (21.1 -> 0.1, 3.25 -> 0.01), or for a whole number the place of its last non-zero digit (2,000 ->
    1,000, see :func:`numclaims.rules.step_of_integer`). Read from the shortest decimal form of the number,
    so a trailing zero written in the CSV ("21.10") is not seen: the step is then one place coarser."""
    if value == int(value):
        return step_of_integer(value)
    text = repr(float(value))
    if "e" in text or "." not in text:
        return step_of_integer(value)
    return 10.0 ** -len(text.split(".")[1])


def row_written(row: dict[str, Any]) -> Interval:
    """A reference row *as written*, by the reading :func:`numclaims.claimvalues.written_interval` gives a
    claim: for ``exact`` and ``approximately`` rows, the rounding band of the last digit the table writes
    (:func:`last_digit_step`), within the row's interval: "8" percent -> [7.5, 8.5], "21.1" -> [21.05,
    21.15], "60000" USD per month -> [59,999.5, 60,000.5], a whole count of persons "300" -> [300, 300]
    (ISO 80000-1:2009 Annex B: a written figure stands for what rounds to it at its last digit). Every
    other qualifier: its interval (:func:`row_interval`). A row read as its bare point instead would make
    a computed 7.76 % "fail as written" against a table's "8" percent, a false tension."""
    iv = row_interval(row)
    v = row.get("value")
    if row["qualifier"] in ("exact", "approximately") and v is not None and iv.contains(v):
        band = interval_for(v, "exact", last_digit_step(v), unit=split_unit(row["unit"])[0])
        return band.intersect(iv) or iv
    return iv


def last_digit_step(value: float) -> float:
    """The place of the last digit of a table's number in its shortest decimal form: 1 for a whole number
    (2000000 -> 1: the table writes every digit), 0.1 for 21.1, 0.01 for 3.25."""
    text = repr(float(value))
    if value == int(value) or "e" in text or "." not in text:
        return 1.0
    return 10.0 ** -len(text.split(".")[1])


def stated_figures(row: dict[str, Any]) -> list[float]:
    """The numbers the source wrote: ``value``, ``value_low``, ``value_high`` (those given, deduplicated)."""
    out: list[float] = []
    for k in ("value", "value_low", "value_high"):
        v = row.get(k)
        if v is not None and v not in out:
            out.append(v)
    return out


def measure_of(rows: list[dict[str, Any]]) -> str | None:
    """The measure a claim is compared on, from the reference rows it cites (in the order cited): the
    ``measure_id`` of the first row that is not a component (``part_of`` empty); ``None`` when every
    cited row is a component or none is cited.

    The one rule for this: :mod:`numclaims.checks.external` compares the claim with the cited rows of this
    measure, and :func:`numclaims.figures.cross_source_data` draws the claim beside every row of it.
    """
    primary = next((r for r in rows if not r.get("part_of")), None)
    return (primary.get("measure_id") or None) if primary else None
