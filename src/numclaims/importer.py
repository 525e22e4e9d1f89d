"""Claims in from a spreadsheet: a CSV of quotes, one row per claim, turned into ``claims/<article>.yaml``.

Fact-checkers keep claims in shared sheets; :func:`import_csv` reads such a sheet (exported as CSV, UTF-8,
with or without a byte-order mark; comma, semicolon or tab separated) and writes the claims file the YAML
path would have, after validating it exactly as ``numclaims check`` does (:func:`numclaims.runner.check_one`:
the record schema, each quote found verbatim in the source capture, values that agree with the numeral
written, evidence rows that exist). Every problem is one line ``<csv file>:<line>: claim <id>: <field>:
<what is wrong>``, with the line of the CSV row (the line its record starts on) and the field names of the
claims file; nothing is written unless every row is valid.

Columns (header row, any order; names as in the ``claims`` table of ``numclaims export``, so an export
imports back): required ``claim`` (the id; ``id`` is accepted too), ``quote``, ``value``, ``unit``,
``measure_what``, ``attribution`` (a ``value`` cell is empty only for ``unit: date``); optional ``text``, ``start``, ``qualifier``, ``precision``, ``margin``,
``low``, ``high``, ``measure_where``, ``measure_period`` (the id of the claim giving the period),
``ends`` (the id of the date a duration ends at), ``roles``, ``speaker_kind``, ``evidence``, ``status``, ``reviewer``,
``reviewed_on``, ``notes``. ``attribution`` is the chain speaker first, links joined by `` > ``
("Peruvian authorities > Associated Press (AP)"); ``roles`` the role of each link, joined the same way
(an empty link has none); ``speaker_kind`` ``person`` or ``organization`` for the first link; ``evidence``
ids joined by ``;``. An empty cell is an absent field. ``article`` (when present) must be the article
imported. The computed columns of the export (``end``, ``step``, ``interval_*``, ``date_from``, ``date_to``, ``rule``,
``period_start``, ``period_end``, ``speaker``, ``worst_verdict``) are ignored; any other column is an
error, so a misspelt header is never dropped silently. ``start`` is kept only for a quote that occurs more
than once in the source (where the claims file needs it).
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from pathlib import Path
from typing import Any

from .errors import ErrorLine, InputErrors
from .paths import claims_files, display_path
from .runner import check_one
from .sources import find_all
from .yamlio import YamlInputError, load_yaml_text, read_text_strict

FIELDS = ("claim", "quote", "text", "start", "value", "unit", "qualifier", "precision", "margin", "low", "high",
          "measure_what", "measure_where", "measure_period", "ends", "attribution", "roles", "speaker_kind", "evidence", "status",
          "reviewer", "reviewed_on", "notes", "article")
REQUIRED = ("claim", "quote", "value", "unit", "measure_what", "attribution")
#: columns of ``numclaims export``'s claims table that are computed from the record, not part of it
COMPUTED = ("end", "step", "interval_low", "interval_high", "interval_low_closed", "interval_high_closed", "date_from",
            "date_to", "rule", "period_start", "period_end", "speaker", "worst_verdict")
ALIASES = {"id": "claim"}
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
_INT = re.compile(r"[+-]?\d+")
# characters a YAML reader treats as line breaks or that must not appear raw: escaped in the output
_UNSAFE = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\x85", "\ufeff": "\\ufeff"}


def _scalar(v: Any) -> str:
    """``v`` as a YAML flow scalar: numbers plain, text double-quoted with JSON escapes plus escapes for
    U+2028, U+2029, NEL, BOM and C1 controls (which a YAML reader would fold or refuse)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() and abs(v) < 2**53 else repr(v)
    s = json.dumps(v, ensure_ascii=False)
    s = "".join(_UNSAFE.get(ch) or (f"\\x{ord(ch):02x}" if 0x80 <= ord(ch) <= 0x9F else ch) for ch in s)
    return s


def _number(cell: str, whole: bool = False) -> Any:
    """A number cell: int or float when it is one, else the text itself (so the record's validator
    reports it with the message the YAML path gives)."""
    s = cell.strip()
    if whole:
        return int(s) if _INT.fullmatch(s) else cell
    if _INT.fullmatch(s):
        return int(s)
    if _NUMBER.fullmatch(s):
        return float(s)
    return cell


def _chain(row: dict[str, str]) -> list[dict[str, Any]] | str:
    who = [w.strip() for w in row["attribution"].split(">")]
    roles = [r.strip() for r in row.get("roles", "").split(">")] if row.get("roles", "").strip() else []
    out: list[dict[str, Any]] = []
    for k, w in enumerate(who):
        link: dict[str, Any] = {"who": w}
        if k < len(roles) and roles[k]:
            link["role"] = roles[k]
        out.append(link)
    if row.get("speaker_kind", "").strip():
        out[0]["kind"] = row["speaker_kind"].strip()
    return out


def record(row: dict[str, str]) -> dict[str, Any]:
    """The claim record (a dict in claims-file key order) of one CSV row (``{column: cell}``, empty
    cells already dropped); values are handed on as typed as the cells allow, for the record schema to
    judge (:class:`numclaims.records.Claim`)."""
    rec: dict[str, Any] = {"id": row["claim"], "quote": row["quote"]}
    for k in ("text",):
        if k in row:
            rec[k] = row[k]
    if "start" in row:
        rec["start"] = _number(row["start"], whole=True)
    rec["value"] = _number(row["value"]) if "value" in row else None
    rec["unit"] = row["unit"]
    for k in ("qualifier",):
        if k in row:
            rec[k] = row[k]
    for k in ("precision", "margin", "low", "high"):
        if k in row:
            rec[k] = _number(row[k])
    if "ends" in row:
        rec["ends"] = row["ends"]
    rec["measure"] = {"what": row["measure_what"]}
    for k in ("where", "period"):
        if f"measure_{k}" in row:
            rec["measure"][k] = row[f"measure_{k}"]
    rec["attribution"] = _chain(row)
    if "evidence" in row:
        rec["evidence"] = [e.strip() for e in row["evidence"].split(";") if e.strip()]
    for k in ("status", "reviewer", "reviewed_on", "notes"):
        if k in row:
            rec[k] = row[k]
    return rec


def render(article: str, source: str, records: list[dict[str, Any]], origin: str) -> tuple[str, list[int]]:
    """The claims-file text of ``records`` and, for each record, the line it starts on."""
    lines = [f"# Numeric claims imported by `numclaims import` from {_scalar(origin)[1:-1]}.",
             f"article: {_scalar(article)}", f"source: {_scalar(source)}", "", "claims:"]
    starts = []
    for r in records:
        starts.append(len(lines) + 1)
        lead = "  - "
        for k, v in r.items():
            if k == "measure":
                lines.append(f"{lead}measure:")
                lines += [f"      {mk}: {_scalar(mv)}" for mk, mv in v.items()]
            elif k == "attribution":
                lines.append(f"{lead}attribution:")
                lines += ["      - {" + ", ".join(f"{ak}: {_scalar(av)}" for ak, av in a.items()) + "}" for a in v]
            elif k == "evidence":
                lines.append(f"{lead}evidence: [{', '.join(_scalar(e) for e in v)}]")
            else:
                lines.append(f"{lead}{k}: {_scalar(v)}")
            lead = "    "
        lines.append("")
    lines += ["checks: []", "", "waived: []", ""]
    return "\n".join(lines), starts


def read_rows(text: str, display: str) -> list[tuple[int, dict[str, str]]]:
    """``[(line, {column: cell})]`` of a CSV text (the line each row starts on; empty cells dropped;
    blank rows skipped). The separator is the one of ``,``, ``;`` and tab that the header row uses most.

    Raises:
        InputErrors: no header, unknown or missing columns, a row with more cells than the header.
    """
    first = text.split("\n", 1)[0]
    delim = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        header = next(reader)
    except StopIteration:
        raise InputErrors([ErrorLine(display, 0, "", "", "empty file; expected a header row naming the columns "
                                     f"({', '.join(REQUIRED)}, ...)", "csv-empty")]) from None
    except csv.Error as e:
        raise InputErrors([ErrorLine(display, 1, "", "", f"not readable as CSV: {e}", "csv-unreadable")]) from None
    cols = [ALIASES.get(h.strip(), h.strip()) for h in header]
    errs = []
    for h in cols:
        if h not in FIELDS and h not in COMPUTED:
            errs.append(ErrorLine(display, 1, "", h or "(empty header)",
                                  f"unknown column; expected some of {', '.join(FIELDS)} (see docs/review-and-export.md)",
                                  "csv-column-unknown"))
    for h in REQUIRED:
        if h not in cols:
            errs.append(ErrorLine(display, 1, "", h, "required column is missing", "csv-column-missing"))
    dup = sorted({h for h in cols if cols.count(h) > 1})
    for h in dup:
        errs.append(ErrorLine(display, 1, "", h, "column named twice", "csv-column-twice"))
    if errs:
        raise InputErrors(errs)
    rows = []
    line = reader.line_num + 1
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                if len(cells) > len(cols):
                    errs.append(ErrorLine(display, line, "", "", f"{len(cells)} cells but {len(cols)} columns in "
                                          "the header; quote cells that hold the separator", "csv-row-cells"))
                else:
                    rows.append((line, {h: c for h, c in zip(cols, cells) if c.strip() and h not in COMPUTED}))
            line = reader.line_num + 1
    except csv.Error as e:
        errs.append(ErrorLine(display, line, "", "", f"not readable as CSV: {e}", "csv-unreadable"))
    if errs:
        raise InputErrors(errs)
    if not rows:
        raise InputErrors([ErrorLine(display, 2, "", "", "no claim rows under the header", "csv-no-rows")])
    return rows


def import_csv(csv_path: Path, root: Path, article: str, source: str | None = None) -> str:
    """The validated claims-file text for the CSV at ``csv_path`` as article ``article`` (source capture
    ``datasets/sources/<source>.txt``, default the article id), in project ``root``.

    Raises:
        InputErrors: every problem, each an :class:`ErrorLine` naming the CSV file and the row's line.
    """

    root = Path(root)
    display = display_path(Path(csv_path), root)
    try:
        raw = Path(csv_path).read_bytes()
        text = raw.decode("utf-8-sig")
    except OSError as e:
        raise InputErrors([ErrorLine(display, 0, "", "", f"cannot be read: {e.strerror or e}",
                                     "file-unreadable")]) from None
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        raise InputErrors([ErrorLine(display, line, "", "", "not UTF-8 text; save the sheet as CSV UTF-8",
                                     "not-utf8")]) from None
    rows = read_rows(text.replace("\r\n", "\n").replace("\r", "\n"), display)
    source = source or article
    errs: list[ErrorLine] = []
    records = []
    for line, row in rows:
        if row.get("article", article) != article:
            errs.append(ErrorLine(display, line, row.get("claim", ""), "article",
                                  f"this row is of article {row['article']!r}, not {article!r}; import each "
                                  "article's rows on their own", "csv-other-article"))
            continue
        row.pop("article", None)
        missing = [h for h in REQUIRED if h not in row and h != "value"]  # value: empty for a date
        for h in missing:
            errs.append(ErrorLine(display, line, row.get("claim", ""), "id" if h == "claim" else h.replace("_", "."),
                                  "required field is missing (empty cell)", "csv-cell-missing"))
        if not missing:
            records.append((line, record(row)))
    if errs:
        raise InputErrors(errs)
    # a start offset only where the quote is ambiguous in the source, as a hand-written file has it
    src = root / "datasets" / "sources" / f"{source}.txt"
    try:
        src_text = read_text_strict(src)
    except (OSError, YamlInputError):
        src_text = None
    if src_text is not None:
        for _, rec in records:
            if "start" in rec and isinstance(rec["quote"], str) and len(find_all(src_text, rec["quote"])) == 1:
                del rec["start"]
    yaml_text, starts = render(article, source, [r for _, r in records], Path(csv_path).name)
    csv_lines = [line for line, _ in records]

    def where(yaml_line: int) -> int:
        k = max((i for i, s in enumerate(starts) if s <= yaml_line), default=None)
        return 0 if k is None else csv_lines[k]

    with tempfile.TemporaryDirectory(prefix=".numclaims-import-", dir=root) as tmp:
        tmp_path = Path(tmp) / f"{article}.yaml"
        tmp_path.write_text(yaml_text, encoding="utf-8")
        _, res, _, found = check_one(str(tmp_path), str(root))
        tmp_display = display_path(tmp_path, root)
    for e in found:
        if e.file != tmp_display:  # a problem of another file (the source capture, a reference table)
            errs.append(e)
        elif starts and 0 < e.line < starts[0]:  # the header of the claims file: article, source
            errs.append(ErrorLine(display, 0, e.claim, e.field,
                                  e.message + ("; pass --source ID" if e.field == "source" else ""), e.code))
        else:
            errs.append(ErrorLine(display, where(e.line), e.claim, e.field, e.message, e.code))
    # claim ids are unique across the project: the other claims files
    mine = {r["id"]: line for line, r in records}
    for other in claims_files(root):
        if other.stem == article:
            continue
        try:
            data = load_yaml_text(read_text_strict(other))
        except (OSError, YamlInputError):
            continue
        if isinstance(data, dict) and data.get("article") == article:
            errs.append(ErrorLine(display, 0, "", "article", f"article {article!r} is already the article of "
                                  f"{display_path(other, root)}; import under another --article or edit that file",
                                  "csv-article-exists"))
        for c in (data.get("claims") or []) if isinstance(data, dict) else []:
            if isinstance(c, dict) and c.get("id") in mine:
                errs.append(ErrorLine(display, mine[c["id"]], c["id"], "id",
                                      f"claim id already used in {display_path(other, root)}; ids are unique "
                                      "across the project", "csv-id-exists"))
    if errs:
        raise InputErrors(errs)
    return yaml_text
