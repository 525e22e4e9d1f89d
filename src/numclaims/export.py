"""Claims and results as tidy tables for pandas, spreadsheets and newsroom tools, in a Data Package.

:func:`tables` turns results objects (:mod:`numclaims.engine`, the contents of results.json) into three
tidy tables, one observation per row:

* ``claims``: one row per claim (:data:`CLAIM_FIELDS`);
* ``checks``: one row per check (:data:`CHECK_FIELDS`);
* ``findings``: one row per claim in a check whose verdict is not ``consistent`` (:data:`FINDING_FIELDS`),
  worst verdict first: which claims each finding puts in doubt.

:func:`write_export` writes them as CSV (RFC 4180, UTF-8, header row; what ``pandas.read_csv`` and any
spreadsheet open), Parquet (pyarrow) or JSON (an array of row objects per table), each described by a
Frictionless Table Schema, plus ``datapackage.json``: a Data Package v2 (https://datapackage.org/standard/
data-package/) with ``$schema``, ``name``, ``version``, ``created``, ``contributors``, ``keywords`` and the
three tables as resources, which ``frictionless validate`` passes.

Deterministic: no clock is read. ``created`` is the newest date among the inputs (articles' publication
dates and review dates), at midnight UTC; ``version`` is that date as ``YEAR.MONTH.DAY`` (a valid SemVer,
as Data Package v2 recommends). The same results give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import write_atomic
from .claimreview import ReportConfig
from .results import json_text
from .verdicts import worst_by_claim, worst_entry_first

if TYPE_CHECKING:  # a pydantic model; `numclaims --help` loads this module and not pydantic
    from .resultmodel import Results

FORMATS = ("csv", "parquet", "json")
DATAPACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLESCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"
KEYWORDS = ["fact-checking", "numeric claims", "news", "verdicts", "ClaimReview", "numclaims"]

#: ``(name, Table Schema type, description)`` of each column of the ``claims`` table.
CLAIM_FIELDS: list[tuple[str, str, str]] = [
    ("article", "string", "article id (claims/<article>.yaml)"),
    ("claim", "string", "claim id, unique across the project"),
    ("quote", "string", "the quote, verbatim from the source capture"),
    ("text", "string", "the numeral phrase inside the quote"),
    ("start", "integer", "character offset of the quote in the source text (0-based, inclusive)"),
    ("end", "integer", "character offset just after the quote"),
    ("value", "number", "the number as written, in unit (empty for a date)"),
    ("unit", "string", "unit of value (persons, percent, USD, years, date, ...)"),
    ("qualifier", "string", "exact, approximately, nearly, more_than, at_least, less_than, up_to, range (the canonical names; docs/semantics.md)"),
    ("step", "number", "rounding step of the interval: read from the numeral, or the record's precision (empty for a date)"),
    ("interval_low", "number", "lower end of the interval the claim stands for (empty: unbounded or a date)"),
    ("interval_high", "number", "upper end of the interval (empty: unbounded or a date)"),
    ("interval_low_closed", "boolean", "whether interval_low belongs to the interval"),
    ("interval_high_closed", "boolean", "whether interval_high belongs to the interval"),
    ("date_from", "date", "for a date claim, first day of the period the date stands for"),
    ("date_to", "date", "for a date claim, last day of that period"),
    ("rule", "string", "the qualifier/rounding rule that gave the interval"),
    ("period_start", "date", "start of the period the number covers, when resolved"),
    ("period_end", "date", "end of that period"),
    ("measure_what", "string", "what is counted"),
    ("measure_where", "string", "where"),
    ("measure_period", "string", "id of the claim giving the period the number covers, when the record names one"),
    ("speaker", "string", "first link of the attribution chain (the original speaker)"),
    ("speaker_kind", "string", "person or organization when the record says (attribution kind of the speaker)"),
    ("attribution", "string", "the whole attribution chain, speaker first, links joined by ' > '"),
    ("roles", "string", "the role of each link of the chain, joined by ' > ' (empty where a link has none)"),
    ("evidence", "string", "evidence ids, joined by ';'"),
    ("worst_verdict", "string", "worst verdict of the checks the claim takes part in (empty: in no check)"),
    ("status", "string", "review status: unreviewed, verified, disputed, unverifiable"),
    ("reviewer", "string", "who decided"),
    ("reviewed_on", "date", "when"),
    ("notes", "string", "the reviewer's note"),
]
CHECK_FIELDS: list[tuple[str, str, str]] = [
    ("article", "string", "article id"),
    ("check", "string", "check id"),
    ("kind", "string", "check kind (rate_duration, share_of_total, part_whole, agreement, sum, external, ...)"),
    ("verdict", "string", "consistent, tension, inconsistent or unverifiable"),
    ("claims", "string", "ids of the claims the check relates, joined by ';' (one row each in findings)"),
    ("codes", "string", "finding codes of an external check (qualifier_dropped, period_changed, ...), joined by ';'"),
    ("explanation", "string", "the arithmetic, as shown in the report"),
]
FINDING_FIELDS: list[tuple[str, str, str]] = [
    ("article", "string", "article id"),
    ("rank", "integer", "1 for the worst finding of the article, then 2, ... (inconsistent, tension, unverifiable)"),
    ("check", "string", "id of the check whose verdict is not consistent"),
    ("verdict", "string", "its verdict"),
    ("claim", "string", "a claim the check relates"),
]
TABLES = {"claims": CLAIM_FIELDS, "checks": CHECK_FIELDS, "findings": FINDING_FIELDS}
PRIMARY_KEYS = {"claims": ["claim"], "checks": ["article", "check"], "findings": ["article", "check", "claim"]}


def _num(x: Any) -> Any:
    return x if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def _period_ref(spec: Any) -> str | None:
    """The claim id of a ``measure.period`` that names one (``{"claim": id}`` in results.json), else None."""
    if isinstance(spec, str):
        return spec
    if isinstance(spec, dict) and set(spec) == {"claim"}:
        return spec["claim"]
    return None


def claim_rows(results: Results) -> list[dict[str, Any]]:
    """The ``claims`` rows of one results object, in claims-file order (keys: :data:`CLAIM_FIELDS`)."""
    worst = worst_by_claim(results)
    rows = []
    for c in results.claims:
        iv = c.interval
        closed = c.interval_closed
        is_date = c.unit == "date"
        period = c.period or [None, None]
        chain = c.attribution
        rows.append({
            "article": results.article, "claim": c.id, "quote": c.quote, "text": c.text,
            "start": c.start, "end": c.end, "value": _num(c.value), "unit": c.unit,
            "qualifier": c.qualifier, "step": _num(c.precision),
            "interval_low": None if is_date else _num(iv[0]), "interval_high": None if is_date else _num(iv[1]),
            "interval_low_closed": closed[0], "interval_high_closed": closed[1],
            "date_from": iv[0] if is_date else None, "date_to": iv[1] if is_date else None,
            "rule": c.rule, "period_start": period[0], "period_end": period[1],
            "measure_what": c.measure.what, "measure_where": c.measure.where,
            "measure_period": _period_ref(c.measure.period),
            "speaker": chain[0].who if chain else None,
            "speaker_kind": chain[0].kind if chain else None,
            "attribution": " > ".join(a.who for a in chain) or None,
            "roles": " > ".join(a.role or "" for a in chain) if any(a.role for a in chain) else None,
            "evidence": ";".join(c.evidence) or None,
            "worst_verdict": worst.get(c.id), "status": c.status, "reviewer": c.reviewer,
            "reviewed_on": c.reviewed_on, "notes": c.notes,
        })
    return rows


def check_rows(results: Results) -> list[dict[str, Any]]:
    """The ``checks`` rows of one results object, in claims-file order (keys: :data:`CHECK_FIELDS`)."""
    return [{"article": results.article, "check": ch.id, "kind": ch.kind, "verdict": ch.verdict,
             "claims": ";".join(dict.fromkeys(ch.claims)),
             "codes": ";".join(dict.fromkeys(f.code for f in ch.findings or [])) or None,
             "explanation": ch.explanation}
            for ch in results.checks]


def finding_rows(results: Results) -> list[dict[str, Any]]:
    """The ``findings`` rows of one results object: for each declared check whose verdict is not consistent
    (worst first, then by check id, as the report lists them; a check still proposed is no finding), one
    row per claim it relates."""
    found = sorted((ch for ch in results.checks if ch.verdict != "consistent" and ch.status != "proposed"),
                   key=worst_entry_first)
    return [{"article": results.article, "rank": k, "check": ch.id, "verdict": ch.verdict, "claim": cid}
            for k, ch in enumerate(found, 1) for cid in dict.fromkeys(ch.claims)]


def tables(all_results: list[Results]) -> dict[str, list[dict[str, Any]]]:
    """``{"claims": rows, "checks": rows, "findings": rows}`` of every results object, in the given order."""
    return {"claims": [r for res in all_results for r in claim_rows(res)],
            "checks": [r for res in all_results for r in check_rows(res)],
            "findings": [r for res in all_results for r in finding_rows(res)]}


def table_schema(name: str) -> dict[str, Any]:
    """The Frictionless Table Schema (v2) of table ``name`` (``claims``, ``checks`` or ``findings``).

    Raises:
        KeyError: an unknown table name.
    """
    fields = []
    for col, typ, desc in TABLES[name]:
        f: dict[str, Any] = {"name": col, "type": typ, "description": desc}
        if typ == "boolean":
            f["trueValues"], f["falseValues"] = ["true"], ["false"]
        fields.append(f)
    return {"$schema": TABLESCHEMA_PROFILE, "fields": fields, "primaryKey": PRIMARY_KEYS[name],
            "missingValues": [""]}


def created_date(all_results: list[Results]) -> str:
    """``YYYY-MM-DDT00:00:00Z`` of the newest date among the inputs (publication dates of the articles and
    review dates of their claims); ``1970-01-01T00:00:00Z`` for no results."""
    dates = [res.source.published for res in all_results]
    dates += [c.reviewed_on for res in all_results for c in res.claims if c.reviewed_on]
    return (max(dates) if dates else "1970-01-01") + "T00:00:00Z"


def datapackage(all_results: list[Results], fmt: str, config: ReportConfig | None = None,
                name: str = "numclaims-export") -> dict[str, Any]:
    """The ``datapackage.json`` object of an export in format ``fmt`` (one of :data:`FORMATS`).

    ``contributors``: the reviewing organisation of ``config`` (role ``publisher``), when configured, then
    each article's outlet (role ``rightsHolder``) and journalist (role ``author``), each once.

    Raises:
        ValueError: an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    created = created_date(all_results)
    y, m, d = (int(x) for x in created[:10].split("-"))
    contributors: list[dict[str, Any]] = []
    if config is not None and config.author:
        who: dict[str, Any] = {"title": config.author, "roles": ["publisher"]}
        if config.author_url:
            who["path"] = config.author_url
        contributors.append(who)
    seen = set()
    for res in all_results:
        src = res.source
        for title, role in ((src.publisher, "rightsHolder"), (src.author, "author")):
            if title and (title, role) not in seen:
                seen.add((title, role))
                contributors.append({"title": title, "roles": [role]})
    media = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet", "json": "application/json"}[fmt]
    resources = []
    for table in TABLES:
        r: dict[str, Any] = {"name": table, "type": "table", "path": f"{table}.{fmt}", "format": fmt,
                             "mediatype": media, "schema": f"{table}.schema.json",
                             "description": {"claims": "One row per claim.", "checks": "One row per check.",
                                             "findings": "One row per claim of each check that is not "
                                                         "consistent."}[table]}
        if fmt == "csv":
            r["encoding"] = "utf-8"
            r["dialect"] = {"$schema": "https://datapackage.org/profiles/2.0/tabledialect.json",
                            "delimiter": ",", "header": True, "lineTerminator": "\r\n"}
        resources.append(r)
    articles = sorted({res.article for res in all_results})
    return {
        "$schema": DATAPACKAGE_PROFILE,
        "name": name,
        "title": "Numeric claims, checks and findings",
        "description": "Claims, checks and findings of " + (", ".join(articles) or "no article")
                       + ", exported by numclaims. Source texts are not included; see each article's source url.",
        "version": f"{y}.{m}.{d}",
        "created": created,
        "keywords": KEYWORDS,
        "contributors": contributors,
        "resources": resources,
    }


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, float) and v.is_integer() and abs(v) < 2**53:
        return str(int(v))
    return str(v)


def csv_text(name: str, rows: list[dict[str, Any]]) -> str:
    """CSV text of table ``name``: header row, RFC 4180 quoting, CRLF line ends, empty cells for null."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    cols = [c for c, _, _ in TABLES[name]]
    w.writerow(cols)
    for r in rows:
        w.writerow([_cell(r[c]) for c in cols])
    return out.getvalue()


def _arrow_table(name: str, rows: list[dict[str, Any]]):
    import pyarrow as pa  # lazy: 0.3 s to import, needed only for --format parquet

    types = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_(),
             "date": pa.date32()}
    cols = {}
    for col, typ, _ in TABLES[name]:
        vals = [r[col] for r in rows]
        if typ == "date":
            vals = [dt.date.fromisoformat(v) if v else None for v in vals]
        elif typ == "number":
            vals = [float(v) if v is not None else None for v in vals]
        cols[col] = pa.array(vals, type=types[typ])
    return pa.table(cols)


def export_files(all_results: list[Results], fmt: str, config: ReportConfig | None = None) -> dict[str, bytes]:
    """``{file name: bytes}`` of an export: ``<table>.<fmt>`` and ``<table>.schema.json`` for each table, and
    ``datapackage.json``. Deterministic (Parquet written without statistics timestamps; pyarrow's output for
    the same table and version is the same bytes).

    Raises:
        ValueError: an unknown format.
    """

    pkg = datapackage(all_results, fmt, config)
    rows = tables(all_results)
    out: dict[str, bytes] = {}
    for name in TABLES:
        if fmt == "csv":
            out[f"{name}.csv"] = csv_text(name, rows[name]).encode("utf-8")
        elif fmt == "json":
            out[f"{name}.json"] = (json_text(rows[name], allow_nan=False, integral_floats=True) + "\n").encode("utf-8")
        else:

            import pyarrow.parquet as pq  # lazy, as above

            buf = io.BytesIO()
            pq.write_table(_arrow_table(name, rows[name]), buf, compression="zstd")
            out[f"{name}.parquet"] = buf.getvalue()
        out[f"{name}.schema.json"] = (json_text(table_schema(name)) + "\n").encode("utf-8")
    out["datapackage.json"] = (json_text(pkg) + "\n").encode("utf-8")
    return out


def write_export(all_results: list[Results], folder: Path, fmt: str,
                 config: ReportConfig | None = None) -> list[Path]:
    """Write :func:`export_files` into ``folder`` (created when missing), each file atomically, skipping
    files whose bytes are unchanged; returns the paths written."""

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for fname, data in export_files(all_results, fmt, config).items():
        p = folder / fname
        if not p.is_file() or p.read_bytes() != data:
            write_atomic(p, data)
            written.append(p)
    return written
