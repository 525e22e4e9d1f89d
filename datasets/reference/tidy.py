"""Tidy the shared reference table into ``datasets/reference/peru-trafficking-figures.csv``.

Run from the project root (it reads the raw copy through the data package, so ``datasets/datapackage.json``
must describe it)::

    python datasets/reference/tidy.py          # rewrite the tidy CSV
    python datasets/reference/tidy.py --check  # exit 1 if the tidy CSV is not what this script writes

Input: ``datasets/reference/raw/peru-trafficking-figures.csv``, an unchanged copy of the project's shared
``reference/peru-trafficking-figures.csv`` (23 rows, read as the resource ``peru-trafficking-figures-raw``).

What tidying does, row by row (nothing else is changed; text columns are copied verbatim):

1. ``qualifier``: the source's wording ("about", "up to", "more than", "at least", "exact", "range") is mapped
   to the canonical vocabulary of :data:`numclaims.rules.QUALIFIERS` (``approximately``, ``up_to``,
   ``more_than``, ``at_least``, ``exact``, ``range``) with :func:`numclaims.rules.canonical_qualifier`; the
   wording is kept in ``qualifier_as_written``.
2. ``value_low`` / ``value_high`` hold exactly the bounds the source states, made consistent with the
   qualifier: ``more_than``/``at_least`` -> ``value_low = value``; ``up_to``/``less_than`` ->
   ``value_high = value``; ``range`` -> both ends and no ``value``; ``exact``/``approximately``/``nearly`` ->
   neither (their interval comes from the rounding rules). The raw file filled these inconsistently
   (e.g. ``value_high`` for "up to 1,600" but no bound for "about 300").
3. ``period_start`` / ``period_end`` keep ISO 8601 at the precision the source gives (``YYYY``,
   ``YYYY-MM`` or ``YYYY-MM-DD``); ``period_kind`` says whether the figure accumulates *over* the whole
   period (victims rescued in two years) or is a level *at* some time within it (an estimate of people in
   prostitution in 2012). See :data:`PERIOD_KIND`.
4. ``measure_id`` groups rows that estimate the same measure (what is counted, where) and ``part_of``
   names the row whose figure a component adds up to (see :data:`MEASURE_ID`, :data:`PART_OF`).
5. Row edits with a reason (:data:`EDITS`): values taken from a row's own ``note`` into structured
   columns.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "datasets" / "reference" / "peru-trafficking-figures.csv"

COLUMNS = [
    "id", "relates_to", "measure_id", "part_of", "value", "value_low", "value_high", "unit", "qualifier",
    "qualifier_as_written", "measure", "place", "period_start", "period_end", "period_kind", "publisher",
    "title", "published", "url", "note",
]

#: Which rows count the same thing in the same place (the key for ``outlier`` comparisons), and why.
MEASURE_ID: dict[str, str] = {
    "ap-es-2013-women": "quispe-network-victims",
    "ap-es-2013-members": "quispe-network-arrests",
    "ap-es-2013-monthly": "quispe-monthly-earnings",
    "ap-es-2013-fortune": "quispe-fortune",
    "ap-es-2013-prosecuted": "peru-trafficking-prosecutions",
    # Estimates of the scale of sexual exploitation in Madre de Dios. Definitions differ (adolescents and
    # adults working as prostitutes; minors only; trafficking victims) but every outlet presents them as
    # "how many are exploited there", and the brief compares its two NGO figures the same way.
    "huarayo-2011-total": "sex-trade-madre-de-dios",
    "huarayo-2010-minors": "sex-trade-madre-de-dios",
    "huarayo-2012-victims": "sex-trade-madre-de-dios",
    "savechildren-2011-minors": "sex-trade-madre-de-dios",
    # Components of huarayo-2011-total (400 + 1,200 = 1,600): their own measures.
    "huarayo-2011-adolescents": "sex-trade-madre-de-dios-adolescents",
    "huarayo-2011-adults": "sex-trade-madre-de-dios-adults",
    "raid-2011-first": "raid-2011-rescued",
    "raid-2011-later": "raid-2011-rescued",
    "rinconada-2013-range": "sex-trade-minors-la-rinconada",
    "rinconada-2012-police": "sex-trade-minors-la-rinconada",
    "tip2014-rinconada": "sex-trade-minors-la-rinconada",
    "mininter-2013-rescued": "peru-victims-rescued-police",
    "mininter-2013-minors-share": "peru-victims-rescued-minors-share",
    # "Identified", not "rescued": a different definition, so a different measure.
    "tip2015-identified-2013": "peru-victims-identified-police",
    "tip2015-identified-2014": "peru-victims-identified-police",
    "pnp-2008-2011-women": "peru-women-rescued-police-division",
    "reta-2004-2011-victims": "peru-victims-registered-reta",
    "mp-2012-victims": "peru-victims-registered-prosecutor",
}

#: Components: the row whose figure this row is a part of (Huarayo's 400 adolescents + 1,200 adults).
PART_OF: dict[str, str] = {
    "huarayo-2011-adolescents": "huarayo-2011-total",
    "huarayo-2011-adults": "huarayo-2011-total",
}

#: ``over``: the figure accumulates over the whole period (a flow); ``at``: a level at some time within it.
PERIOD_KIND: dict[str, str] = {
    "ap-es-2013-women": "over",          # exploited "over three years"
    "ap-es-2013-members": "at",          # arrested on the day of the operation
    "ap-es-2013-monthly": "over",        # earned every day "in two years"
    "ap-es-2013-fortune": "over",        # amassed "in three years"
    "ap-es-2013-prosecuted": "over",
    "huarayo-2011-total": "at",
    "huarayo-2011-adolescents": "at",
    "huarayo-2011-adults": "at",
    "huarayo-2010-minors": "at",
    "huarayo-2012-victims": "at",
    "savechildren-2011-minors": "at",
    "raid-2011-first": "over",           # rescued during the raid, 30 Sep - 2 Oct 2011
    "raid-2011-later": "over",
    "rinconada-2013-range": "at",
    "rinconada-2012-police": "at",
    "tip2014-rinconada": "at",
    "mininter-2013-rescued": "over",     # rescued June 2011 - June 2013
    "mininter-2013-minors-share": "over",
    "tip2015-identified-2013": "over",
    "tip2015-identified-2014": "over",
    "pnp-2008-2011-women": "over",
    "reta-2004-2011-victims": "over",
    "mp-2012-victims": "over",
}

#: Cells filled from a row's own note, with the reason.
EDITS: dict[str, dict[str, str]] = {
    "ap-es-2013-monthly": {
        "period_start": "2011-11",
        "period_end": "2013-10",
        "_reason": "the note quotes the police chief on earnings 'in two years' up to the arrests of "
                   "October 2013: November 2011 to October 2013 (24 months)",
    },
}


def _num(x) -> str:
    if x is None or x == "":
        return ""
    f = float(x)
    return str(int(f)) if f == int(f) else repr(f)


def tidy_rows(raw_rows: list[dict]) -> list[dict[str, str]]:
    """The tidy rows (all cells as text, in :data:`COLUMNS` order) from the raw rows.

    Raises:
        KeyError: a raw row id without an entry in :data:`MEASURE_ID` or :data:`PERIOD_KIND` (a new row
            needs a decision, not a default).
        ValueError: an unknown qualifier (from :func:`numclaims.rules.canonical_qualifier`).
    """
    from numclaims.rules import canonical_qualifier

    out = []
    for r in raw_rows:
        rid = r["id"]
        q = canonical_qualifier(r["qualifier"])
        value = r.get("value")
        low, high = r.get("value_low"), r.get("value_high")
        if q in ("more_than", "at_least"):
            low, high = value if value is not None else low, None
        elif q in ("up_to", "less_than"):
            low, high = None, value if value is not None else high
        elif q == "range":
            value = None
        else:
            low = high = None
        row = {
            "id": rid,
            "relates_to": r.get("relates_to") or "",
            "measure_id": MEASURE_ID[rid],
            "part_of": PART_OF.get(rid, ""),
            "value": _num(value),
            "value_low": _num(low),
            "value_high": _num(high),
            "unit": r["unit"],
            "qualifier": q,
            "qualifier_as_written": r["qualifier"],
            "measure": r["measure"],
            "place": r.get("place") or "",
            "period_start": str(r.get("period_start") or ""),
            "period_end": str(r.get("period_end") or ""),
            "period_kind": PERIOD_KIND[rid],
            "publisher": r["publisher"],
            "title": r["title"],
            "published": str(r.get("published") or ""),
            "url": r["url"],
            "note": r.get("note") or "",
        }
        for k, v in EDITS.get(rid, {}).items():
            if not k.startswith("_"):
                row[k] = v
        out.append(row)
    return out


def render(rows: list[dict[str, str]]) -> str:
    """The CSV text (RFC 4180, LF line ends, minimal quoting)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def main(argv: list[str]) -> int:
    from frictionless import Package

    package = Package(str(ROOT / "datasets" / "datapackage.json"))
    raw = [row.to_dict() for row in package.get_resource("peru-trafficking-figures-raw").read_rows()]
    from numclaims.atomic import regenerate

    text = render(tidy_rows(raw))
    check = "--check" in argv
    rc = regenerate(OUT, text, check, "python datasets/reference/tidy.py")
    if not check:
        print(f"wrote {OUT.relative_to(ROOT)} ({len(raw)} rows)")
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
