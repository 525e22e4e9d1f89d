"""Reference figures from ``datasets/``, loaded through the Frictionless Data Package, and evidence checks.

``datasets/datapackage.json`` (written by ``datasets/build_datapackage.py``) describes every file under
``datasets/``. The *reference tables* are its table resources whose path lies under ``reference/`` but not
under ``reference/raw/`` (today: ``peru-trafficking-figures``). Their rows are figures published elsewhere
about the facts an article reports; a claim cites them by id (``evidence: [row ids]``) and an ``external``
check compares the claim with them (:mod:`numclaims.checks.external`).

Why through frictionless: the Table Schema in the package is the single statement of column types, units
and enumerated qualifiers; reading with :class:`frictionless.Package` applies it (typed cells, constraint
errors per cell) instead of a second hand-written parser that could drift from it, and
``frictionless validate datasets/datapackage.json`` checks the same file in CI.

Rules Table Schema cannot express are enforced here (see :func:`row_problems`).
"""

from __future__ import annotations

import datetime as dt
import difflib
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

from .errors import ErrorLine, InputErrors
from .numbers import number_problem
from .records import split_unit
from .reference_rows import period_bounds, row_interval

PACKAGE = Path("datasets") / "datapackage.json"

#: Columns every reference row has (the contract with notebooks); loaded rows add the derived keys
#: ``resource``, ``line``, ``start_date``, ``end_date`` and ``interval``.
COLUMNS = (
    "id", "relates_to", "value", "value_low", "value_high", "unit", "qualifier", "measure", "place",
    "period_start", "period_end", "publisher", "title", "published", "url", "note",
)

_CACHE: dict[tuple, dict[str, dict[str, Any]]] = {}


def row_problems(row: dict[str, Any]) -> list[tuple[str, str]]:
    """``(column, message)`` for each rule of a reference row that Table Schema cannot express.

    * ``value``, ``value_low``, ``value_high`` within the range of :func:`numclaims.numbers.number_problem`
      (finite, at most 10^15; ``1e309`` reads as infinity);
    * ``value_low <= value_high``; ``unit`` is a unit a claim accepts (:func:`numclaims.records.split_unit`);
    * ``more_than``/``at_least``: ``value`` given and ``value_low == value``, no ``value_high``;
      ``up_to``/``less_than``: ``value_high == value``, no ``value_low``; ``range``: both ends, no ``value``;
      ``exact``/``approximately``/``nearly``: ``value`` and no bounds;
    * ``period_start``/``period_end`` both given or both empty, start not after end; ``period_kind`` given;
    * ``part_of`` names another row (checked in :func:`load_reference`, which sees the whole table).
    """

    out: list[tuple[str, str]] = []
    for col in ("value", "value_low", "value_high"):  # the one number reader's range (numclaims.numbers)
        problem = row.get(col) is not None and number_problem(row[col])
        if problem:
            out.append((col, problem[1]))
    if out:
        return out
    v, lo, hi, q = row.get("value"), row.get("value_low"), row.get("value_high"), row.get("qualifier")
    if lo is not None and hi is not None and lo > hi:
        out.append(("value_low", f"{lo:g} is above value_high {hi:g}"))
    if q in ("more_than", "at_least"):
        if v is None or lo != v or hi is not None:
            out.append(("value_low", f"qualifier {q} needs value and value_low equal to it, and no value_high"))
    elif q in ("up_to", "less_than"):
        if v is None or hi != v or lo is not None:
            out.append(("value_high", f"qualifier {q} needs value and value_high equal to it, and no value_low"))
    elif q == "range":
        if lo is None or hi is None or v is not None:
            out.append(("value", "qualifier range needs value_low and value_high and no value"))
    elif q is not None:
        if v is None or lo is not None or hi is not None:
            out.append(("value", f"qualifier {q} needs value and no value_low/value_high"))
    unit = row.get("unit")
    if isinstance(unit, str) and unit:
        try:
            split_unit(unit)  # the claims' own rule: a row accepts every unit a claim accepts
        except ValueError as e:
            out.append(("unit", str(e)))
    ps, pe = row.get("period_start"), row.get("period_end")
    if bool(ps) != bool(pe):
        out.append(("period_end" if ps else "period_start", "give both period_start and period_end, or neither"))
    elif ps and pe:
        try:
            if period_bounds(ps, False) > period_bounds(pe, True):
                out.append(("period_start", f"{ps} is after period_end {pe}"))
        except ValueError as e:
            out.append(("period_start", str(e)))
    return out


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):
        return float(v)
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    return v


def _signature(root: Path) -> tuple | None:
    pkg = root / PACKAGE
    if not pkg.exists():
        return None
    files = [pkg] + sorted((root / "datasets" / "reference").glob("**/*.csv"))
    def stat_of(f: Path) -> tuple:
        try:
            st = f.stat()
        except OSError:  # a dangling link or unreadable file: frictionless reports it if the package names it
            return (str(f), None, None)
        return (str(f), st.st_mtime_ns, st.st_size)

    return (str(root.resolve()),) + tuple(stat_of(f) for f in files)


def _load(root: Path) -> dict[str, dict[str, Any]]:
    from frictionless import (  # ~0.15 s to import (numclaims.layers.LAZY)
        FrictionlessException,
        Package,
    )

    pkg_path = root / PACKAGE
    display = str(PACKAGE)
    try:
        package = Package(str(pkg_path))
    except FrictionlessException as e:
        raise InputErrors([ErrorLine(display, 0, "", "", f"invalid data package: {e.error.message}",
                                     "package-invalid")]) from None
    rows: dict[str, dict[str, Any]] = {}
    errs: list[ErrorLine] = stale_package(root, package)
    for resource in package.resources:
        path = str(resource.path or "")
        if resource.type != "table" or not path.startswith("reference/") or path.startswith("reference/raw/"):
            continue
        file = str(Path("datasets") / path)
        try:
            table = resource.read_rows()
        except FrictionlessException as e:
            errs.append(ErrorLine(file, 0, "", "", f"cannot read resource {resource.name!r}: {e.error.message}",
                                  "resource-unreadable"))
            continue
        for r in table:
            rid = str(r.get("id") or "")
            line = r.row_number
            cell_errors = [e for e in r.errors if e.type not in _SAID_BY_NUMCLAIMS]
            for err in cell_errors:
                fld = getattr(err, "field_name", "") or ""
                errs.append(ErrorLine(file, line, "", f"row {rid}: {fld}".rstrip(": "), cell_words(err, resource),
                                      "reference-cell"))
            row = {k: _plain(v) for k, v in r.to_dict().items()}
            for col in COLUMNS:
                row.setdefault(col, None)
            # a cell the schema refused reads as empty: the row's own rules would blame the wrong field
            problems = [] if cell_errors else row_problems(row)
            for fld, msg in problems:
                errs.append(ErrorLine(file, line, "", f"row {rid}: {fld}", msg, "reference-row"))
            if rid in rows:
                errs.append(ErrorLine(file, line, "", f"row {rid}: id",
                                      f"duplicate id (also in {rows[rid]['resource']} line {rows[rid]['line']})",
                                      "reference-duplicate-id"))
                continue
            row["resource"] = resource.name
            row["line"] = line
            try:
                row["start_date"] = period_bounds(row.get("period_start"), False)
                row["end_date"] = period_bounds(row.get("period_end"), True)
            except ValueError:
                row["start_date"] = row["end_date"] = None
            try:
                row["interval"] = row_interval(row).to_list() if r.valid and not problems else None
            except (ValueError, TypeError) as e:
                row["interval"] = None
                errs.append(ErrorLine(file, line, "", f"row {rid}: qualifier", str(e), "reference-row"))
            rows[rid] = row
    for rid, row in rows.items():
        parent = row.get("part_of")
        if parent and parent not in rows:
            errs.append(ErrorLine(str(Path("datasets") / "reference"), row["line"], "", f"row {rid}: part_of",
                                  f"names unknown row {parent!r}", "reference-unknown-parent"))
    if errs:
        raise InputErrors(errs)
    return rows


#: The command that regenerates ``datasets/datapackage.json`` (named in every staleness error).
REBUILD = "python datasets/build_datapackage.py"


def stale_package(root: Path, package: Any) -> list[ErrorLine]:
    """One :class:`ErrorLine` per CSV under ``datasets/reference/`` (not ``raw/``) that no resource of the
    package describes: a table added (or renamed) without regenerating the package, whose rows would
    otherwise be silently missing. The message names the command (:data:`REBUILD`)."""
    described = {str(r.path or "") for r in package.resources}
    ref = Path(root) / "datasets" / "reference"
    out = []
    for path in sorted(ref.glob("*.csv")):
        if f"reference/{path.name}" not in described:
            out.append(ErrorLine(f"datasets/reference/{path.name}", 1, "", "",
                                 f"this table is not described by {PACKAGE.as_posix()}, so its rows cannot be "
                                 f"cited; run {REBUILD} to regenerate the package", "package-stale"))
    return out


#: Table Schema errors that numclaims' own row rules say with the lines they name (a duplicate id:
#: ``reference-duplicate-id``; a ``part_of`` naming no row: ``reference-unknown-parent``), so they are not said twice.
_SAID_BY_NUMCLAIMS = frozenset({"primary-key", "unique-error", "foreign-key"})

#: What to write in a cell of each Table Schema type.
_TYPE_HINTS = {"number": "a number in digits, with a point for decimals and no thousands separator (1144, 21.5)",
               "integer": "a whole number in digits (1144)", "date": "a date as YYYY-MM-DD",
               "string": "text", "boolean": "true or false"}


def cell_words(err: Any, resource: Any) -> str:
    """A Table Schema cell error of frictionless in plain words, with what to write instead.

    ``type-error`` -> ``expected a number in digits, ... (1144, 21.5); got 'eight'``; ``constraint-error``
    -> the constraint in words (``enum``: ``expected one of over, at; got 'during'``; ``pattern``,
    ``minimum``, ``maximum``, ``required``, ``minLength``); any other error: frictionless' own note.

    Args:
        err: a ``frictionless.errors`` cell or row error (``type``, ``note``, ``cell``, ``field_name``);
        resource: the ``frictionless.Resource`` it came from (its schema names the field's type and
            constraints).
    """
    name = getattr(err, "field_name", "") or ""
    cell = getattr(err, "cell", None)
    got = f"got {cell!r}" if cell not in (None, "") else "got an empty cell"
    field = resource.schema.get_field(name) if name and resource.schema.has_field(name) else None
    if field is not None and err.type == "type-error":
        return f"expected {_TYPE_HINTS.get(field.type, field.type)}; {got}"
    if field is not None and err.type == "constraint-error":
        c = field.constraints
        kind = next((k for k in ("enum", "pattern", "minimum", "maximum", "minLength", "maxLength", "required")
                     if f'"{k}"' in (err.note or "")), None)
        if kind == "enum":
            return f"expected one of {', '.join(map(str, c['enum']))}; {got}"
        if kind == "pattern" and name == "unit":
            return (f"expected a unit as a claim writes it ('persons', 'percent', 'USD', 'tonnes', or '<unit> per "
                    f"day|week|month|year'); {got}")
        if kind == "pattern":
            return f"expected text of the form {c['pattern']}; {got}"
        if kind in ("minimum", "maximum"):
            return f"expected a number {'at least' if kind == 'minimum' else 'at most'} {c[kind]}; {got}"
        if kind == "required":
            return "required: write a value in this cell"
    return err.note or err.message


def load_reference(root: Path) -> dict[str, dict]:
    """Every row of the reference tables of ``root/datasets/datapackage.json``, by row id.

    Each row is a dict with the table's columns (:data:`COLUMNS`, plus ``measure_id``, ``part_of``,
    ``period_kind`` and ``qualifier_as_written`` of the tidy table): numbers as ``float`` (``None`` when
    empty; ``value`` in ``unit``: persons, percent 0-100, USD, USD per month), ``qualifier`` canonical
    (:data:`numclaims.rules.QUALIFIERS`), ``period_start``/``period_end``/``published`` as the ISO 8601 text
    of the table (``"2010"``, ``"2013-10"``, ``"2011-09-30"``) or None; and derived keys ``resource`` (table
    name), ``line`` (CSV line, header = 1), ``start_date``/``end_date`` (:class:`datetime.date`, first day of
    ``period_start`` and last day of ``period_end``, or None) and ``interval`` (``[low, high]`` of
    :func:`row_interval`, None for an unbounded side).

    Returns ``{}`` when the root has no ``datasets/datapackage.json``. Results are cached per root and
    file modification times; callers get fresh dict copies.

    Raises:
        InputErrors: an invalid package descriptor, a CSV under ``reference/`` the package does not
            describe (:func:`stale_package`), cells violating the Table Schema (type, enum,
            pattern, required, unique), rules of :func:`row_problems`, duplicate ids, unknown ``part_of``;
            one line each as ``datasets/reference/<file>.csv:<line>: row <id>: <column>: <message>``.
    """
    root = Path(root)
    sig = _signature(root)
    if sig is None:
        return {}
    if sig not in _CACHE:
        _CACHE.clear()
        _CACHE[sig] = _load(root)
    return {k: dict(v) for k, v in _CACHE[sig].items()}


def evidence_hook(root: Path) -> Callable[[Any, Any, str], list[ErrorLine]]:
    """A callable for :func:`numclaims.loader.load_article` ``extra_checks``: cited rows must exist.

    The callable takes ``(claims_file, raw_yaml, display_path)`` and returns one :class:`ErrorLine` per
    claim ``evidence`` id (field ``evidence``) or external check ``evidence`` id (field
    ``checks[<n>].evidence``) that is not a row of the reference tables, e.g.::

        claims/x.yaml:24: claim women-exploited-300: evidence: cites reference row 'ap-es-2013-woman', which
        does not exist in datasets/datapackage.json (did you mean 'ap-es-2013-women'?)

    Problems of the reference tables themselves are returned too (they make every citing article invalid).
    A root without ``datasets/datapackage.json`` has no reference rows to check against: nothing is
    reported, and external checks come out ``unverifiable``.
    """
    root = Path(root)

    def check(data, raw, display: str) -> list[ErrorLine]:
        # a check kind without ``evidence`` has no such key in the record's __dict__ (a pydantic model's
        # fields): read there, not by getattr, whose miss raises and catches an AttributeError per check
        cited = any(c.evidence for c in data.claims) or any(vars(ch).get("evidence") for ch in data.checks)
        if not cited or _signature(root) is None:
            return []
        try:
            rows = load_reference(root)
        except InputErrors as e:
            return list(e.errors)
        errs: list[ErrorLine] = []
        claims_raw = raw.get("claims", []) if hasattr(raw, "get") else []
        checks_raw = raw.get("checks", []) if hasattr(raw, "get") else []

        def line_of(items, i: int) -> int:
            item = items[i] if i < len(items) else None
            if item is not None and hasattr(item, "line_of") and "evidence" in item:
                return item.line_of("evidence")
            return getattr(item, "line", 0) or 0

        def msg(rid: str) -> str:
            close = difflib.get_close_matches(rid, list(rows), n=1, cutoff=0.8)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            return f"cites reference row {rid!r}, which does not exist in {PACKAGE.as_posix()}{hint}"

        for i, c in enumerate(data.claims):
            for rid in c.evidence:
                if rid not in rows:
                    errs.append(ErrorLine(display, line_of(claims_raw, i), c.id, "evidence", msg(rid),
                                          "unknown-reference-row"))
        for j, ch in enumerate(data.checks):
            for rid in getattr(ch, "evidence", None) or []:
                if rid not in rows:
                    errs.append(ErrorLine(display, line_of(checks_raw, j), f"{ch.id} (check)",
                                          f"checks[{j}].evidence", msg(rid), "unknown-reference-row"))
        return errs

    return check
