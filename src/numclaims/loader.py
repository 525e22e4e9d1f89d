"""Load and validate claims files, anchoring every quote in its source.

:func:`load_article` reads one ``claims/<id>.yaml``, validates it against :class:`numclaims.claimsfile.ClaimsFile`,
loads its source, finds each quote verbatim (recording ``start``/``end``), and checks that every relation
names claims of the same file, that claim references form no cycle and that values agree with the numeral
written. All problems of a file are collected and raised together as :class:`numclaims.errors.InputErrors`,
one :class:`~numclaims.errors.ErrorLine` each (file, line, claim id, field, message).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, get_args

from pydantic import ValidationError

from . import (
    fastyaml,  # by module, so the fast path can be switched off (tests compare both)
)
from .claimvalues import value_problems
from .derived import derived_problems
from .codes import CodedError
from .errors import ErrorLine, InputErrors, reading_problem
from .hashing import sha256_text
from .paths import display_of, file_key
from .claimsfile import ClaimsFile
from .records import check_refs, is_claim_ref
from .relations import relation_problems
from .schema_errors import describe_value, misspelt_fields, schema_message
from .sources import Source, anchor, load_source, occurrences
from .vocabulary import DAYS_PER_YEAR
from .yamlio import LineMap, YamlInputError, load_yaml_text, read_text_strict


@dataclass
class Article:
    """A validated claims file with its source and the anchored offsets of each quote.

    Attributes:
        path: the claims file; ``display`` is how errors name it.
        data: the validated :class:`ClaimsFile`.
        source: the loaded :class:`~numclaims.sources.Source`.
        spans: ``{claim id: (start, end)}`` character offsets of each quote in ``source.text``.
        lines: ``{claim id: line}`` where each claim starts in the file (for later error reports).
        check_lines: ``{check id: line}``, and the line of each derived figure (:mod:`numclaims.derived`);
            field_lines: ``{claim id: {field: line}}``.
        sha256: hex SHA-256 of the claims file's text as read (its provenance in results.json).
        key: the file's name in the project (:func:`numclaims.paths.file_key`).
    """

    path: Path
    display: str
    data: ClaimsFile
    source: Source
    spans: dict[str, tuple[int, int]]
    lines: dict[str, int] = field(default_factory=dict)
    check_lines: dict[str, int] = field(default_factory=dict)
    sha256: str = ""
    key: str = ""
    #: ``{claim id: {field: line}}``: where each top-level field of a claim is (for error lines found
    #: after loading, such as an interval the rules cannot build).
    field_lines: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return self.data.article


def _item(raw: Any, key: str, idx: Any) -> Any:
    if isinstance(raw, dict):
        seq = raw.get(key)
        if isinstance(seq, list) and isinstance(idx, int) and 0 <= idx < len(seq):
            return seq[idx]
    return None


def _locate(raw: Any, loc: tuple) -> tuple[int, str, str]:
    """Map a pydantic error location to (line, claim or check id, dotted field)."""
    if not loc:
        return (raw.line if isinstance(raw, LineMap) else 1), "", ""
    top = loc[0]
    if top in ("claims", "checks", "waived", "derived") and len(loc) >= 2:
        item = _item(raw, top, loc[1])
        # a claim or check is named by its id (a waiver, which has none, by its text); never by another field
        ident = str(item.get("id", item.get("text", "") if top == "waived" else "")) if isinstance(item, dict) else ""
        rest = [str(x) for x in loc[2:]]
        whole_check = False
        if top == "checks" and rest and isinstance(item, dict) and rest[0] == item.get("kind"):
            rest = rest[1:]  # pydantic adds the discriminator value to the path
            whole_check = not rest  # a rule of the kind over several fields: name the check, not its kind
        if top == "checks" and not rest and not whole_check and isinstance(item, LineMap) and "kind" in item:
            loc, rest = loc + ("kind",), ["kind"]  # an invalid kind: point at the kind
        line = item.line if isinstance(item, LineMap) else (raw.line_of(top) if isinstance(raw, LineMap) else 1)
        node = item
        for part in loc[2:]:
            if isinstance(node, LineMap) and part in node:
                line = node.line_of(part)
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                node = node[part]
                if isinstance(node, LineMap):
                    line = node.line
        prefix = "" if top == "claims" else f"{top}[{loc[1]}]"
        if top == "claims" and not rest and not isinstance(item, dict):
            prefix = f"claims[{loc[1]}]"  # an item that is not a record: name its place in the list
        path = ""
        for part in rest:  # list positions as [i]: attribution[0].who
            path += f"[{part}]" if part.isdigit() else (f".{part}" if path else part)
        fld = ".".join([p for p in [prefix, path] if p])
        if top in ("checks", "derived") and ident:
            ident = f"{ident} ({'check' if top == 'checks' else 'derived'})"
        return line, ident, fld
    line = raw.line_of(top) if isinstance(raw, LineMap) else 1
    return line, "", ".".join(str(x) for x in loc)


_FIELD_PREFIX = re.compile(r"^(value|unit|qualifier|interval|text|low|high|status|quote|reviewed_on): (.*)$", re.S)


def read_claims_text(path: Path, display: str) -> str:
    """The text of a claims file (UTF-8, no byte-order mark).

    Raises:
        InputErrors: unreadable file, bad encoding or a byte-order mark.
    """
    try:
        return read_text_strict(path)
    except OSError as e:
        raise InputErrors([ErrorLine(display, 0, "", "", f"cannot read file: {reading_problem(e)}",
                                     "file-unreadable")]) from None
    except YamlInputError as e:
        raise InputErrors([ErrorLine(display, e.line, "", "", e.message, e.code)]) from None


#: a top-level ``key:`` line of a claims file; an item line of a block sequence (``  - ...``); a key line
#: (``    key: ...``, ``  - key: ...``, ``  - {key: ...``, or indented with a tab, which YAML refuses) with
#: its indentation and whether a value follows
_KEY = r"""(?:[A-Za-z_][\w-]*|"[A-Za-z_][\w-]*"|'[A-Za-z_][\w-]*')"""  # plain or quoted ("text":)
_TOP_KEY = re.compile(rf"({_KEY}) *:(?: |$)")
_ITEM = re.compile(r"( *)- ")
_KEY_LINE = re.compile(rf"([ \t]*)(?:- +)?(?:\{{ *)?({_KEY}) *:(?: +(?P<value>[^#\s].*))?\s*(?:#.*)?$")
_FLOW_ITEM = re.compile(r" *- +\{")
_ITEM_ID = re.compile(r""" *(?:- +)?(?:\{ *)?(?:id|"id"|'id') *: *['"]?([^'"\s,}#]+)""")
#: the line breaks YAML counts (a CRLF file's lines end with "\r\n")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: how an error line names a record of each section: ``(claim id as shown, field prefix)``
_SECTION_NAMES = {"claims": ("{id}", ""), "checks": ("{id} (check)", "checks[{i}]."),
                  "derived": ("{id} (derived)", "derived[{i}]."), "waived": ("", "waived[{i}].")}


def _outside_records(ln: str) -> bool:
    """Whether a line ends every record: a document marker (``---``, ``...``), or text at the first column
    that is no comment and no item of a sequence written unindented."""
    return ln.startswith(("---", "...")) or (ln[:1].strip() != "" and ln[:1] not in "#-")


def _key(m: re.Match) -> str:
    """The key a :data:`_KEY_LINE` or :data:`_TOP_KEY` match found, without its quotes."""
    return m.group(2 if m.re is _KEY_LINE else 1).strip("\"'")


def _opens_quote(ln: str) -> bool:
    """Whether the value of a key line opens a quoted text that the line does not close (``text: "300``,
    ``quote: 'Police said``): YAML reads on into the lines below, and reports the error where that fails.
    Inside double quotes a backslash escapes the next character (``"Police \\"`` is closed); inside single
    quotes ``''`` is a quote."""
    k = _KEY_LINE.match(ln)
    v = (k.group("value") or "") if k is not None else ""
    if v.startswith('"'):
        i = 1
        while i < len(v):
            if v[i] == "\\":
                i += 2
            elif v[i] == '"':
                return False
            else:
                i += 1
        return True
    if v.startswith("'"):
        return "'" not in v[1:].replace("''", "")
    return False


@dataclass
class _Record:
    """Where one record of a claims file lies in its text (0-based lines ``start`` to ``end``)."""

    section: str
    index: int
    start: int
    end: int
    indent: int  # of its "-"


def _record_holding(lines: list[str], n: int) -> _Record | None:
    """The record (an item of ``claims``, ``checks``, ``derived`` or ``waived``) holding 0-based line ``n``,
    or None for a top-level line or one above every record."""
    section, start, index, indent = "", None, -1, -1
    for i in range(n + 1):
        ln = lines[i]
        top = _TOP_KEY.match(ln)
        if top is not None or _outside_records(ln):  # a top-level key, "---": no record
            section, start, index, indent = _key(top) if top is not None else "", None, -1, -1
            continue
        item = _ITEM.match(ln)
        if item is not None and section in _SECTION_NAMES and (indent < 0 or len(item.group(1)) <= indent):
            start, index, indent = i, index + 1, len(item.group(1))
    if start is None:
        return None
    end = len(lines)  # the record's lines: from its item line to the next item or top-level line
    for i in range(start + 1, len(lines)):
        item = _ITEM.match(lines[i])
        if _outside_records(lines[i]) or (item is not None and len(item.group(1)) <= indent):  # (a top-level key too)
            end = i
            break
    return _Record(section, index, start, end, indent)


def _field_at(lines: list[str], n: int, rec: _Record) -> str:
    """The field of ``rec`` on 0-based line ``n``: the key of its record-level line at or above ``n`` (the
    item line, or a key indented two more than the ``-``), with the key written on ``n`` when that is
    deeper or indented with a tab (under a mapping opened without a value, ``measure:`` -> ``measure.what``;
    under a key with a value, a key indented deeper than its siblings: the key as written)."""
    def record_level(k: re.Match, i: int) -> bool:
        return i == rec.start or ("\t" not in k.group(1) and len(k.group(1)) <= rec.indent + 2)

    # a list item under a field ("      - {who: ...}") is that field's
    here = _KEY_LINE.match(lines[n]) if n == rec.start or not _ITEM.match(lines[n]) else None
    for i in range(n, rec.start - 1, -1):
        k = _KEY_LINE.match(lines[i])
        if k is not None and record_level(k, i):
            if i == rec.start and _FLOW_ITEM.match(lines[i]):
                return ""  # a record written on one line, {id: ..., ...}: its fields are not told apart
            if here is None or i == n:
                return _key(k)
            return f"{_key(k)}.{_key(here)}" if k.group("value") is None else _key(here)
    return ""


def record_at(text: str, line: int, context_line: int | None = None, opened: bool = False) -> tuple[str, str]:
    """The record of a claims file that a YAML error at ``line`` (1-based) falls in, read from the text
    alone (a file YAML cannot read has no data): ``(claim, field)`` as an :class:`ErrorLine` names them,
    e.g. ``("rescued-300", "qualifier")``, ``("sum-1 (check)", "checks[0].parts")``, ``("", "source")``.

    * ``opened``: the reader names the line where the flow collection or quoted text it was inside was
      opened (``context_line``: an unclosed ``[`` reported at a later line, maybe the next record's); the
      record and field are that line's.
    * Otherwise the record is the one holding ``line``, and the field the key written on it (a key under a
      mapping opened without a value, ``measure:``, is ``measure.what``), else the key of the record's
      line above it. When the reader names the mapping it was parsing (``context_line``, "while parsing a
      block mapping that starts at line 5") and ``line`` lies outside that mapping's record, a quote left
      open in that record (``text: "300``, closed by a later line's quote) is what the reader ran on from:
      the record and field are the first line of it that opens a quote it does not close.

    A line in no record (a top-level key line: its key is the field), or a record whose ``id:`` cannot be
    seen, gives what it can; ``("", "")`` when nothing can be named (the error line then names the file
    and line only).
    """
    lines = _LINE_BREAK.split(text)
    if not 0 < line <= len(lines):
        return "", ""
    ctx = context_line - 1 if context_line is not None and 0 < context_line <= line else None
    at = ctx if opened and ctx is not None else line - 1
    rec = _record_holding(lines, at)
    if not opened and ctx is not None:
        outer = _record_holding(lines, ctx)
        if outer is not None and (rec is None or rec.start != outer.start):
            quoted = next((i for i in range(outer.start, outer.end) if _opens_quote(lines[i])), None)
            if quoted is not None:
                rec, at = outer, quoted
    if rec is None:  # a top-level line, or above every record: the field is its key, if it has one
        top = _TOP_KEY.match(lines[at])
        return ("", _key(top)) if top is not None else ("", "")
    rid = ""
    for i in range(rec.start, rec.end):
        m = _ITEM_ID.match(lines[i])
        km = _KEY_LINE.match(lines[i])
        if m is not None and km is not None and (i == rec.start or len(km.group(1)) == rec.indent + 2):
            rid = m.group(1)
            break
    name, prefix = _SECTION_NAMES[rec.section]
    fld = prefix.format(i=rec.index) + _field_at(lines, at, rec)
    return (name.format(id=rid) if rid and name else ""), fld.rstrip(".")


def yaml_error_line(display: str, text: str, e: YamlInputError) -> ErrorLine:
    """The error line of a claims file YAML cannot read: its line, and the claim and field it falls in
    (:func:`record_at`)."""
    claim, fld = record_at(text, e.line, e.context_line, e.opened)  # ("", "") for line 0
    return ErrorLine(display, e.line, claim, fld, e.message, e.code)


def parse_claims_file(path: Path, display: str) -> tuple[ClaimsFile, LineMap]:
    """Read and schema-validate one claims file (no source needed).

    Raises:
        InputErrors: unreadable file, YAML syntax error, empty file, or schema violations.
    """
    return parse_claims_text(read_claims_text(path, display), display)


def parse_claims_text(text: str, display: str) -> tuple[ClaimsFile, LineMap]:
    """Schema-validate the text of one claims file; ``display`` names the file in errors.

    Raises:
        InputErrors: YAML syntax error, empty file, or schema violations.
    """
    if not text.strip():
        raise InputErrors([ErrorLine(display, 1, "", "", "file is empty; expected 'article', 'source' and 'claims'",
                                     "file-empty")])
    try:
        raw = load_yaml_text(text)
    except YamlInputError as e:
        raise InputErrors([yaml_error_line(display, text, e)]) from None
    if raw is None:
        raise InputErrors([ErrorLine(display, 1, "", "", "file holds no data (only comments or blank lines); "
                                     "expected a mapping with 'article', 'source' and 'claims'", "file-no-data")])
    if not isinstance(raw, LineMap):
        raise InputErrors([ErrorLine(display, 1, "", "", "expected a mapping with 'article', 'source' and 'claims', "
                                     f"got {describe_value(raw)}", "file-not-mapping")])
    try:
        data = ClaimsFile.model_validate(raw)
    except ValidationError as e:
        errs = []
        for err in misspelt_fields(_union_errors(e.errors()), lambda loc: field_names_at(ClaimsFile, loc),
                                   lambda loc: _keys_at(raw, loc)):
            loc = tuple(err["loc"])
            code, msg = schema_message(err)
            m = _FIELD_PREFIX.match(msg)
            if m and len(loc) == 2 and loc[0] == "claims":
                # a record-level rule names its field in the message: point at that field's line
                loc, msg = loc + (m.group(1),), m.group(2)
            line, ident, fld = _locate(raw, loc)
            errs.append(ErrorLine(display, line, ident, fld, msg, code))
        raise InputErrors(errs) from None
    return data, raw


def _keys_at(raw: Any, loc: tuple) -> list[str]:
    """The keys of the mapping at pydantic's location ``loc`` in the YAML data ``raw`` (a step that is not
    in the data, such as a check kind's name, is passed over); none when there is no mapping there."""
    node = raw
    for step in loc:
        if isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
        elif isinstance(node, dict) and step in node:
            node = node[step]
    return [k for k in node if isinstance(k, str)] if isinstance(node, dict) else []


def _models_in(annotation: Any) -> list[type]:
    """The pydantic models an annotation holds (itself, or inside lists, unions and optional values)."""
    out: list[type] = []
    todo = [annotation]
    while todo:
        t = todo.pop()
        if isinstance(t, type) and hasattr(t, "model_fields"):
            out.append(t)
        else:
            todo.extend(get_args(t))
    return out


@functools.lru_cache(maxsize=256)
def _field_names_at(model: type, path: tuple[str, ...]) -> frozenset[str]:
    models = [model]
    for step in path:
        nxt = [m2 for m in models for name, f in m.model_fields.items() if step in (name, f.alias)
               for m2 in _models_in(f.annotation)]
        if nxt:  # a step that names no field (a check kind's name in the location) keeps the models
            models = nxt
    return frozenset(f.alias or name for m in models for name, f in m.model_fields.items())


def field_names_at(model: type, loc: tuple) -> frozenset[str]:
    """The field names of the record at pydantic's location ``loc`` in ``model`` (``("claims", 0)``: a
    claim's; ``("claims", 0, "attribution", 0)``: an attribution link's; ``("checks", 0)``: every check
    kind's), for "did you mean" (:func:`numclaims.schema_errors.misspelt_fields`)."""
    return _field_names_at(model, tuple(step for step in loc if isinstance(step, str)))


#: The names pydantic gives the members of a union in an error's location ("times" may be a claim id or a
#: number: ``('checks', 0, 'comparison', 'times', 'constrained-float')``).
_UNION_TAG = re.compile(r"^(constrained-\w+|str|float|int|bool|function-\w+\[.*\]|tagged-union\[.*\])$")


def _union_errors(errors: list[dict]) -> list[dict]:
    """Pydantic's errors with one error per field of a union (a field that accepts a claim id or a number):
    the members' names are dropped from the location, and of the members' errors the one about the value
    given is kept (a number refused for its size, not "expected text"); when every member refused the
    type, one line says what the field takes."""
    out: list[dict] = []
    groups: dict[tuple, list[dict]] = {}
    for err in errors:
        loc = tuple(err["loc"])
        if loc and isinstance(loc[-1], str) and _UNION_TAG.match(loc[-1]):
            key = loc[:-1]
            if key not in groups:
                groups[key] = []
                out.append({"loc": key, "_union": True})
            groups[key].append(err)
        else:
            out.append(err)
    merged = []
    for err in out:
        if err.get("_union"):
            members = groups[err["loc"]]
            about_value = [m for m in members if not m["type"].endswith("_type") and m["type"] != "string_pattern_mismatch"]
            if about_value:
                merged.append({**about_value[0], "loc": err["loc"]})
            else:  # no member took the value's type: say what the field takes
                got = members[0].get("input")
                merged.append({"type": "union_type", "loc": err["loc"], "input": got,
                               "msg": f"expected a claim id or a number, got {describe_value(got)}"})
        else:
            merged.append(err)
    return merged


#: Latest end of an explicit period, in years after the publication date: a report can quote a target or
#: a projection ("by 2050", 36 years after a 2014 article), but an end further out is a mistyped year.
MAX_YEARS_AFTER_PUBLICATION = 50


def _far_dates(c: Any, published: Any, display: str, line: int, period_line: int) -> list[ErrorLine]:
    """An error line when the explicit period of claim ``c`` (``measure.period`` start/end, at
    ``period_line``, or ``date``, at ``line``) ends more than :data:`MAX_YEARS_AFTER_PUBLICATION` years
    after ``published`` (a date)."""
    out = []
    for fld, spec in (("measure.period", c.measure.period), ("date", c.date)):
        at = period_line if fld == "measure.period" else line
        end = getattr(spec, "end", None) if spec is not None else None
        if end is None or published is None:
            continue
        years = (end - published).days / DAYS_PER_YEAR  # Julian year, numclaims.vocabulary
        if years > MAX_YEARS_AFTER_PUBLICATION:
            out.append(ErrorLine(display, at, c.id, f"{fld}.end",
                                 f"{end.isoformat()} is {years:.0f} years after the publication "
                                 f"({published.isoformat()}); a period may end at most "
                                 f"{MAX_YEARS_AFTER_PUBLICATION} years after it: check the year", "date-too-far"))
    return out


def _claim_refs(c) -> list[tuple[str, str]]:
    refs = []
    if c.measure.period is not None and c.measure.period.claim:
        refs.append(("measure.period", c.measure.period.claim))
    if c.measure.period is not None and c.measure.period.anchor and is_claim_ref(c.measure.period.anchor):
        refs.append(("measure.period.anchor", c.measure.period.anchor))
    if c.date is not None and c.date.claim:
        refs.append(("date", c.date.claim))
    if c.ends:
        refs.append(("ends", c.ends))
    return refs


def _find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    for root in graph:
        if state.get(root):
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = []
        while stack:
            node, i = stack.pop()
            if i == 0:
                state[node] = 1
                path.append(node)
            nxt = graph.get(node, [])
            if i < len(nxt):
                stack.append((node, i + 1))
                child = nxt[i]
                if state.get(child) == 1:
                    return path[path.index(child):] + [child]
                if not state.get(child):
                    stack.append((child, 0))
            else:
                state[node] = 2
                path.pop()
    return None


def load_article(
    path: Path,
    root: Path,
    *,
    source_cache: dict[str, Source] | None = None,
    extra_checks: Callable[[ClaimsFile, LineMap, str], list[ErrorLine]] | None = None,
    exact: bool = False,
) -> Article:
    """Load, validate and anchor one claims file.

    Args:
        path: the claims YAML.
        root: project root holding ``datasets/sources``.
        source_cache: optional ``{source id: Source}`` shared across files.
        extra_checks: optional callable adding more :class:`ErrorLine` (e.g. evidence rows that must exist).
        exact: read with the line-numbered loader only (no fast path), so that every field of every record
            has its line (:attr:`Article.field_lines`) for errors found after loading.

    Raises:
        InputErrors: every problem found (schema, unknown ids, duplicate ids, quotes not found or
            ambiguous, cycles, values that disagree with the numeral written, bad source files).
    """
    key = file_key(path, root)  # once: it names the file in errors (display) and in the provenance
    display = display_of(path, key)
    text = read_claims_text(path, display)

    fast = None if exact else fastyaml.read_claims_fast(text)
    if fast is not None:
        try:
            return _load_article(path, root, key, display, text, fast, source_cache, extra_checks)
        except InputErrors:
            pass  # read it again with the line-numbered loader: every error line is that loader's
    return _load_article(path, root, key, display, text, None, source_cache, extra_checks)


def _load_article(path: Path, root: Path, key: str, display: str, text: str, fast: tuple | None,
                  source_cache: dict[str, Source] | None,
                  extra_checks: Callable[[ClaimsFile, LineMap, str], list[ErrorLine]] | None) -> Article:
    """:func:`load_article` of the text read; ``fast`` is :func:`numclaims.fastyaml.read_claims_fast` of
    it (data and item lines; its error lines are not meant to be shown) or None for the exact loader. An
    article read by the fast path has no :attr:`Article.field_lines`: whoever finds an error in it later
    reads it again with ``exact=True`` (:func:`numclaims.engine.check_file`)."""
    if fast is None:
        data, raw = parse_claims_text(text, display)
        claims_raw = raw.get("claims", [])
        lines = {c.id: (claims_raw[i].line if isinstance(claims_raw[i], LineMap) else 0)
                 for i, c in enumerate(data.claims)}
    else:
        raw = LineMap(fast[0])
        try:
            data = ClaimsFile.model_validate(raw)
        except ValidationError:
            raise InputErrors([]) from None
        claims_raw = raw.get("claims", [])
        lines = {c.id: n for c, n in zip(data.claims, fast[1]["claims"])}
    errs: list[ErrorLine] = []

    def cline(i: int, key: str) -> int:
        item = claims_raw[i]
        return item.line_of(key) if isinstance(item, LineMap) else 0

    seen: dict[str, int] = {}
    for i, c in enumerate(data.claims):
        if c.id in seen:
            errs.append(ErrorLine(display, cline(i, "id"), c.id, "id",
                                  f"duplicate claim id (first defined at line {seen[c.id]})", "duplicate-id"))
        else:
            seen[c.id] = cline(i, "id")
    ids = set(seen)

    derived_ids, derived_errs = derived_problems(data, raw, display, ids)
    errs.extend(derived_errs)
    checks_raw = raw.get("checks", []) or []
    check_lines: dict[str, int] = dict(derived_ids)
    for j, ch in enumerate(data.checks):
        item = checks_raw[j] if j < len(checks_raw) else None
        line = item.line if isinstance(item, LineMap) else (fast[1]["checks"][j] if fast is not None else 0)
        if ch.id in check_lines or ch.id in ids:
            errs.append(ErrorLine(display, line, f"{ch.id} (check)", "id", "duplicate id (claims and checks share one namespace)",
                                  "duplicate-id"))
        check_lines[ch.id] = line
        refs = check_refs(ch)
        for name, ref in refs:
            if ref not in ids and ref not in derived_ids:
                kl = item.line_of(name) if isinstance(item, LineMap) else line
                errs.append(ErrorLine(display, kl, f"{ch.id} (check)", f"checks[{j}].{name}",
                                      f"names unknown claim {ref!r}; relations may only name claims of this article",
                                      "unknown-claim"))
        for fld, msg in relation_problems(ch, refs):  # a claim named twice (numclaims.relations)
            kl = item.line_of(fld.split("[")[0]) if isinstance(item, LineMap) else line
            errs.append(ErrorLine(display, kl, f"{ch.id} (check)", f"checks[{j}].{fld}", msg, "relation-repeats-claim"))
    graph: dict[str, list[str]] = {}
    for i, c in enumerate(data.claims):
        for fld, ref in _claim_refs(c):
            if ref not in ids:
                errs.append(ErrorLine(display, cline(i, fld.split(".")[0]), c.id, fld,
                                      f"names unknown claim {ref!r} (claims may only refer to claims of this article)",
                                      "unknown-claim"))
            else:
                graph.setdefault(c.id, []).append(ref)
    cyc = _find_cycle(graph)
    if cyc:
        index = {c.id: i for i, c in enumerate(data.claims)}
        i0 = index[cyc[0]]
        fld = next(f for f, ref in _claim_refs(data.claims[i0]) if ref == cyc[1])
        errs.append(ErrorLine(display, cline(i0, fld.split(".")[0]), cyc[0], fld,
                              "claim references form a cycle: " + " -> ".join(cyc)
                              + "; a period or end date cannot depend on itself, remove one reference", "reference-cycle"))
    if extra_checks is not None:
        errs.extend(extra_checks(data, raw, display))

    cache = source_cache if source_cache is not None else {}
    try:
        source = cache.get(data.source) or load_source(data.source, root)
        cache[data.source] = source
    except InputErrors as e:
        line = raw.line_of("source")
        errs.extend(e.errors)
        errs.append(ErrorLine(display, line, "", "source", f"source {data.source!r} could not be loaded",
                              "source-unloadable"))
        raise InputErrors(errs) from None
    spans: dict[str, tuple[int, int]] = {}
    find = occurrences(source.text, [c.quote for c in data.claims])  # linear for thousands of quotes
    for i, c in enumerate(data.claims):
        try:
            spans[c.id] = anchor(source.text, c.quote, c.start, find)
        except CodedError as e:
            errs.append(ErrorLine(display, cline(i, "quote"), c.id, "quote", e.message, e.code))
    for k, w in enumerate(data.waived):
        try:
            anchor(source.text, w.text, w.start)
        except CodedError as e:
            item = raw.get("waived", [])[k]
            errs.append(ErrorLine(display, item.line if isinstance(item, LineMap) else 0, w.text, f"waived[{k}].text",
                                  e.message, e.code))

    for i, c in enumerate(data.claims):
        for fld, code, msg in value_problems(c):
            errs.append(ErrorLine(display, cline(i, fld), c.id, fld, msg, code))
        m = claims_raw[i].get("measure") if isinstance(claims_raw[i], LineMap) else None
        errs.extend(_far_dates(c, source.meta.published, display, cline(i, "date"),
                               m.line_of("period") if isinstance(m, LineMap) and "period" in m else cline(i, "measure")))
    if errs:
        raise InputErrors(errs)
    field_lines = {c.id: dict(item.key_lines) for c, item in zip(data.claims, claims_raw) if isinstance(item, LineMap)}
    return Article(path=path, display=display, data=data, source=source, spans=spans, lines=lines,
                   check_lines=check_lines, sha256=sha256_text(text), key=key,
                   field_lines=field_lines)
