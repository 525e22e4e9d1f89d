"""Load and validate claims files, anchoring every quote in its source.

:func:`load_article` reads one ``claims/<id>.yaml``, validates it against :class:`numclaims.records.ClaimsFile`,
loads its source, finds each quote verbatim (recording ``start``/``end``), and checks that every relation
names claims of the same file, that claim references form no cycle and that values agree with the numeral
written. All problems of a file are collected and raised together as :class:`numclaims.errors.InputErrors`,
one :class:`~numclaims.errors.ErrorLine` each (file, line, claim id, field, message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from .errors import ErrorLine, InputErrors
from .relations import relation_problems
from .paths import display_path, file_key
from .records import ClaimsFile, is_claim_ref
from .sources import Source, anchor, load_source
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
        check_lines: ``{check id: line}``.
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
    if top in ("claims", "checks", "waived") and len(loc) >= 2:
        item = _item(raw, top, loc[1])
        ident = str(item.get("id", item.get("text", ""))) if isinstance(item, dict) else ""
        rest = [str(x) for x in loc[2:]]
        if top == "checks" and rest and isinstance(item, dict) and rest[0] == item.get("kind"):
            rest = rest[1:]  # pydantic adds the discriminator value to the path
        if top == "checks" and not rest and isinstance(item, LineMap) and "kind" in item:
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
        prefix = "" if top == "claims" else (f"checks[{loc[1]}]" if top == "checks" else f"waived[{loc[1]}]")
        fld = ".".join([p for p in [prefix, ".".join(rest)] if p])
        if top == "checks" and ident:
            ident = f"{ident} (check)"
        return line, ident, fld
    line = raw.line_of(top) if isinstance(raw, LineMap) else 1
    return line, "", ".".join(str(x) for x in loc)


_FIELD_PREFIX = re.compile(r"^(value|unit|qualifier|interval|text|low|high|status|quote|reviewed_on): (.*)$", re.S)


def _message(err: dict) -> str:
    msg = err["msg"]
    if msg.startswith("Value error, "):
        msg = msg[len("Value error, "):]
    if err["type"] == "missing":
        return "required field is missing"
    if err["type"] == "extra_forbidden":
        return "unknown field (check the spelling; see the record schema in numclaims.records)"
    if err["type"] == "union_tag_invalid":
        from .records import CHECK_KINDS

        return f"unknown check kind; expected one of {', '.join(CHECK_KINDS)}"
    if err["type"] == "string_pattern_mismatch":
        return "expected a slug: lower-case letters, digits and single hyphens (no '/', '.', spaces)"
    got = err.get("input")
    t = err["type"]
    if t == "string_type":
        from .records import text_expected

        return text_expected(got)
    if t in ("list_type", "tuple_type"):
        return f"expected a list ('- item' lines or [a, b]), got {_kind(got)}"
    if t in ("dict_type", "model_type", "model_attributes_type"):
        return f"expected a mapping of fields (key: value), got {_kind(got)}"
    if t in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"):
        return f"expected {'a whole number' if t.startswith('int') else 'a number'}, got {_kind(got)}"
    if t in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        why = (err.get("ctx") or {}).get("error")
        return f"expected an existing date as YYYY-MM-DD, got {_kind(got)}" + (f" ({why})" if why else "")
    if t == "too_short" and isinstance(got, list):
        n = (err.get("ctx") or {}).get("min_length", 1)
        return f"expected at least {n} item{'s' if n != 1 else ''}, got {len(got)}"
    if t == "literal_error":
        return f"expected one of {(err.get('ctx') or {}).get('expected', '')}, got {_kind(got)}"
    return msg


def _kind(v: Any) -> str:
    """How a YAML value is described in messages: its type and a short repr."""
    if v is None:
        return "nothing (null)"
    if isinstance(v, bool):
        return f"boolean {v}"
    if isinstance(v, dict):
        return "a mapping"
    if isinstance(v, list):
        return f"a list of {len(v)} item{'s' if len(v) != 1 else ''}"
    if isinstance(v, str):
        r = repr(v)
        return f"text {r if len(r) <= 60 else r[:57] + '...'}"
    if hasattr(v, "isoformat"):
        return f"date {v.isoformat()}"
    return f"{type(v).__name__} {v!r}"


def read_claims_text(path: Path, display: str) -> str:
    """The text of a claims file (UTF-8, no byte-order mark).

    Raises:
        InputErrors: unreadable file, bad encoding or a byte-order mark.
    """
    try:
        return read_text_strict(path)
    except OSError as e:
        raise InputErrors([ErrorLine(display, 0, "", "", f"cannot read file: {e.strerror}")]) from None
    except YamlInputError as e:
        raise InputErrors([ErrorLine(display, e.line, "", "", e.message)]) from None


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
        raise InputErrors([ErrorLine(display, 1, "", "", "file is empty; expected 'article', 'source' and 'claims'")])
    try:
        raw = load_yaml_text(text)
    except YamlInputError as e:
        raise InputErrors([ErrorLine(display, e.line, "", "", e.message)]) from None
    if raw is None:
        raise InputErrors([ErrorLine(display, 1, "", "", "file holds no data (only comments or blank lines); "
                                     "expected a mapping with 'article', 'source' and 'claims'")])
    if not isinstance(raw, LineMap):
        raise InputErrors([ErrorLine(display, 1, "", "", "expected a mapping with 'article', 'source' and 'claims', "
                                     f"got {_kind(raw)}")])
    try:
        data = ClaimsFile.model_validate(raw)
    except ValidationError as e:
        errs = []
        for err in e.errors():
            loc = tuple(err["loc"])
            msg = _message(err)
            m = _FIELD_PREFIX.match(msg)
            if m and len(loc) == 2 and loc[0] == "claims":
                # a record-level rule names its field in the message: point at that field's line
                loc, msg = loc + (m.group(1),), m.group(2)
            line, ident, fld = _locate(raw, loc)
            errs.append(ErrorLine(display, line, ident, fld, msg))
        raise InputErrors(errs) from None
    return data, raw


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
) -> Article:
    """Load, validate and anchor one claims file.

    Args:
        path: the claims YAML.
        root: project root holding ``datasets/sources``.
        source_cache: optional ``{source id: Source}`` shared across files.
        extra_checks: optional callable adding more :class:`ErrorLine` (e.g. evidence rows that must exist).

    Raises:
        InputErrors: every problem found (schema, unknown ids, duplicate ids, quotes not found or
            ambiguous, cycles, values that disagree with the numeral written, bad source files).
    """
    display = display_path(path, root)
    text = read_claims_text(path, display)
    data, raw = parse_claims_text(text, display)
    errs: list[ErrorLine] = []
    claims_raw = raw.get("claims", [])
    lines = {c.id: (claims_raw[i].line if isinstance(claims_raw[i], LineMap) else 0) for i, c in enumerate(data.claims)}

    def cline(i: int, key: str) -> int:
        item = claims_raw[i]
        return item.line_of(key) if isinstance(item, LineMap) else 0

    seen: dict[str, int] = {}
    for i, c in enumerate(data.claims):
        if c.id in seen:
            errs.append(ErrorLine(display, cline(i, "id"), c.id, "id",
                                  f"duplicate claim id (first defined at line {seen[c.id]})"))
        else:
            seen[c.id] = cline(i, "id")
    ids = set(seen)
    checks_raw = raw.get("checks", []) or []
    check_lines: dict[str, int] = {}
    for j, ch in enumerate(data.checks):
        item = checks_raw[j] if j < len(checks_raw) else None
        line = item.line if isinstance(item, LineMap) else 0
        if ch.id in check_lines or ch.id in ids:
            errs.append(ErrorLine(display, line, f"{ch.id} (check)", "id", "duplicate id (claims and checks share one namespace)"))
        check_lines[ch.id] = line
        for name in type(ch).model_fields:
            v = getattr(ch, name)
            if name in ("id", "kind", "note", "relation", "evidence") or v is None:
                continue
            for ref in (v if isinstance(v, list) else [v]):
                if ref not in ids:
                    kl = item.line_of(name) if isinstance(item, LineMap) else line
                    errs.append(ErrorLine(display, kl, f"{ch.id} (check)", f"checks[{j}].{name}",
                                          f"names unknown claim {ref!r}; relations may only name claims of this article"))
        for fld, msg in relation_problems(ch):  # a claim named twice (numclaims.relations)
            kl = item.line_of(fld.split("[")[0]) if isinstance(item, LineMap) else line
            errs.append(ErrorLine(display, kl, f"{ch.id} (check)", f"checks[{j}].{fld}", msg))
    graph: dict[str, list[str]] = {}
    for i, c in enumerate(data.claims):
        for fld, ref in _claim_refs(c):
            if ref not in ids:
                errs.append(ErrorLine(display, cline(i, fld.split(".")[0]), c.id, fld,
                                      f"names unknown claim {ref!r} (claims may only refer to claims of this article)"))
            else:
                graph.setdefault(c.id, []).append(ref)
    cyc = _find_cycle(graph)
    if cyc:
        index = {c.id: i for i, c in enumerate(data.claims)}
        i0 = index[cyc[0]]
        fld = next(f for f, ref in _claim_refs(data.claims[i0]) if ref == cyc[1])
        errs.append(ErrorLine(display, cline(i0, fld.split(".")[0]), cyc[0], fld,
                              "claim references form a cycle: " + " -> ".join(cyc)
                              + "; a period or end date cannot depend on itself, remove one reference"))
    if extra_checks is not None:
        errs.extend(extra_checks(data, raw, display))

    cache = source_cache if source_cache is not None else {}
    try:
        source = cache.get(data.source) or load_source(data.source, root)
        cache[data.source] = source
    except InputErrors as e:
        line = raw.line_of("source")
        errs.extend(e.errors)
        errs.append(ErrorLine(display, line, "", "source", f"source {data.source!r} could not be loaded"))
        raise InputErrors(errs) from None
    spans: dict[str, tuple[int, int]] = {}
    for i, c in enumerate(data.claims):
        try:
            spans[c.id] = anchor(source.text, c.quote, c.start)
        except ValueError as e:
            errs.append(ErrorLine(display, cline(i, "quote"), c.id, "quote", str(e)))
    for k, w in enumerate(data.waived):
        try:
            anchor(source.text, w.text, w.start)
        except ValueError as e:
            item = raw.get("waived", [])[k]
            errs.append(ErrorLine(display, item.line if isinstance(item, LineMap) else 0, w.text, f"waived[{k}].text", str(e)))
    from .claimvalues import value_problems

    for i, c in enumerate(data.claims):
        for fld, msg in value_problems(c):
            errs.append(ErrorLine(display, cline(i, fld), c.id, fld, msg))
    if errs:
        raise InputErrors(errs)
    from .cache import sha256_text

    return Article(path=path, display=display, data=data, source=source, spans=spans, lines=lines,
                   check_lines=check_lines, sha256=sha256_text(text), key=file_key(path, root))
