"""Source documents: a text capture plus its metadata, and anchoring of quotes in the text.

A source ``ID`` lives in ``<root>/datasets/sources/ID.txt`` (UTF-8, no byte-order mark, newlines as
captured) with ``ID.meta.yaml`` beside it (see :class:`numclaims.records.SourceMeta`). Offsets are Python
string indices into the text as read, i.e. Unicode code points of the UTF-8 file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from pydantic import ValidationError

from . import (
    fastyaml,  # by module, so the fast path can be switched off (tests compare both)
)
from .codes import CodedError
from .errors import ErrorLine, InputErrors, reading_problem
from .hashing import sha256_text
from .records import SourceMeta
from .schema_errors import schema_message
from .yamlio import LineMap, YamlInputError, load_yaml_text, read_text_strict

SOURCES_DIR = Path("datasets") / "sources"


@dataclass(frozen=True)
class Source:
    """A loaded source: ``meta`` (:class:`SourceMeta`), ``text``, the path it came from, and ``sha256``:
    the hex SHA-256 of the text file and of the metadata file as read (their provenance in results.json)."""

    meta: SourceMeta
    text: str
    path: Path
    sha256: tuple[str, str] = ("", "")

    @property
    def id(self) -> str:
        return self.meta.id


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def _body_problem(meta: SourceMeta, text: str) -> tuple[str, str] | None:
    """``(field, marker)`` of the first ``body`` marker that is not in ``text`` (the start marker, then the end
    marker after it), or None: markers that are not in the text would silently widen the body to a guess."""
    if meta.body is None:
        return None
    s = text.find(meta.body.start)
    if s < 0:
        return "body.start", meta.body.start
    if text.find(meta.body.end, s) < 0:
        return "body.end", meta.body.end
    return None


def _missing(source_id: str, root: Path, txt: Path, meta_path: Path) -> None:
    """Raise the ``source-missing`` error of each of the two files that does not exist, if any: reported
    before any other problem of reading them (the files are read first; whether they exist is asked only
    when a read fails).

    Raises:
        InputErrors: one line per missing file.
    """
    errs = [ErrorLine(_rel(p, root), 0, "", "source", f"source file for {source_id!r} not found", "source-missing")
            for p in (txt, meta_path) if not p.exists()]
    if errs:
        raise InputErrors(errs)


def load_source(source_id: str, root: Path) -> Source:
    """Load source ``source_id`` from ``root/datasets/sources``.

    Raises:
        InputErrors: missing text or metadata file, bad encoding or BOM, invalid metadata, a metadata
            ``id`` that differs from the file name, or ``body`` markers that are not in the text (the
            start marker, then the end marker after it).
    """
    base = root / SOURCES_DIR
    txt, meta_path = base / f"{source_id}.txt", base / f"{source_id}.meta.yaml"
    try:
        text = read_text_strict(txt)
    except (YamlInputError, OSError) as e:
        _missing(source_id, root, txt, meta_path)  # a missing file first, as for a text read
        if isinstance(e, YamlInputError):
            raise InputErrors([ErrorLine(_rel(txt, root), e.line, "", "", e.message, e.code)]) from None
        # a FIFO, a device, a file too large, permissions
        raise InputErrors([ErrorLine(_rel(txt, root), 0, "", "", f"cannot read file: {reading_problem(e)}",
                                     "file-unreadable")]) from None
    try:
        try:
            meta_text = read_text_strict(meta_path)
        except OSError:
            _missing(source_id, root, txt, meta_path)  # (the text exists: it was read)
            raise
        fast = fastyaml.load_fast(meta_text)  # the fast path: kept only when valid, else read again exactly
        if fast is not None:
            try:
                meta = SourceMeta.model_validate(fast)
                if meta.id == source_id and _body_problem(meta, text) is None:  # else the exact errors below
                    return Source(meta=meta, text=text, path=txt, sha256=(sha256_text(text), sha256_text(meta_text)))
            except ValidationError:
                pass
        raw = load_yaml_text(meta_text)
    except YamlInputError as e:
        raise InputErrors([ErrorLine(_rel(meta_path, root), e.line, "", "", e.message, e.code)]) from None
    except OSError as e:
        raise InputErrors([ErrorLine(_rel(meta_path, root), 0, "", "", f"cannot read file: {reading_problem(e)}",
                                     "file-unreadable")]) from None
    if not isinstance(raw, dict):
        raise InputErrors([ErrorLine(_rel(meta_path, root), 1, "", "", "expected a mapping of metadata fields",
                                     "metadata-not-mapping")])
    try:
        meta = SourceMeta.model_validate(raw)
    except ValidationError as e:
        out = []
        for err in e.errors():
            key = err["loc"][0] if err["loc"] else ""
            line = raw.line_of(key) if isinstance(raw, LineMap) else 0
            code, msg = schema_message(err)
            out.append(ErrorLine(_rel(meta_path, root), line, "", ".".join(map(str, err["loc"])), msg, code))
        raise InputErrors(out) from None
    if meta.id != source_id:
        raise InputErrors([ErrorLine(_rel(meta_path, root), raw.line_of("id"), "", "id",
                                     f"metadata id {meta.id!r} differs from the file name {source_id!r}",
                                     "metadata-id")])
    bad = _body_problem(meta, text)
    if bad:
        fld, marker = bad
        where = "in the source text" if fld == "body.start" else "in the source text after the start marker"
        raise InputErrors([ErrorLine(_rel(meta_path, root), raw.line_of("body"), "", fld,
                                     f"marker {marker!r} is not {where}; copy it verbatim from {_rel(txt, root)}",
                                     "marker-not-found")])
    return Source(meta=meta, text=text, path=txt, sha256=(sha256_text(text), sha256_text(meta_text)))


def find_all(text: str, needle: str) -> list[int]:
    """Every start offset of ``needle`` in ``text`` (overlapping matches included)."""
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _short(quote: str, limit: int = 120) -> str:
    """``repr`` of a quote for an error line, cut to ``limit`` characters with the count of the rest."""
    if len(quote) <= limit:
        return repr(quote)
    return f"{quote[:limit]!r}... ({len(quote) - limit:,} more characters)"


def _offsets(hits: list[int], limit: int = 10) -> str:
    """The first ``limit`` offsets as a list, and how many more there are."""
    if len(hits) <= limit:
        return str(hits)
    return f"[{', '.join(map(str, hits[:limit]))}, ...] and {len(hits) - limit:,} more"


#: Characters ``str.find`` may scan for one text's quotes before :func:`occurrences` indexes the text.
_SCAN_BUDGET = 20_000_000
_GRAM = 8


def occurrences(text: str, needles: Iterable[str]) -> Callable[[str], list[int]]:
    """:func:`find_all` for many needles (the quotes of an article) in one text, with the same answers.

    Each needle scans the whole text, so an article of ``q`` quotes costs ``q * len(text)``: quadratic when
    both grow together (thousands of claims on one long source). Beyond :data:`_SCAN_BUDGET` characters,
    one pass over the text records where the first 8 characters of any needle of 8 characters or more
    occur, and each needle's offsets are those of its first 8 characters where the whole needle follows:
    linear in the text, the needles and the occurrences. Shorter needles, and needles not given here,
    still use :func:`find_all`."""
    wanted = {n for n in needles if len(n) >= _GRAM}
    if not wanted or len(text) * len(wanted) <= _SCAN_BUDGET:
        return lambda needle: find_all(text, needle)
    grams = {n[:_GRAM] for n in wanted}
    at: dict[str, list[int]] = {}
    for i in range(len(text) - _GRAM + 1):
        g = text[i:i + _GRAM]
        if g in grams:
            at.setdefault(g, []).append(i)

    def find(needle: str) -> list[int]:
        if needle not in wanted:
            return find_all(text, needle)
        return [i for i in at.get(needle[:_GRAM], ()) if text.startswith(needle, i)]
    return find


def anchor(text: str, quote: str, start: int | None = None,
           find: Callable[[str], list[int]] | None = None) -> tuple[int, int]:
    """Find ``quote`` verbatim in ``text`` and return its ``(start, end)`` offsets.

    Args:
        text: the source text.
        quote: the exact words.
        start: disambiguating offset, required when the quote occurs more than once.
        find: :func:`occurrences` of ``text`` for many quotes (default :func:`find_all`).

    Raises:
        CodedError: the quote is absent (``quote-not-found``); occurs more than once and ``start`` is not
            given (``quote-ambiguous``); or ``start`` is given but the quote is not at that offset
            (``quote-not-at-offset``; the message lists the offsets where it is).
    """
    hits = (find or (lambda q: find_all(text, q)))(quote)
    if not hits:
        raise CodedError("quote-not-found", f"quote {_short(quote)} is not in the source text (it must be copied verbatim)")
    if start is not None:
        if start not in hits:
            raise CodedError("quote-not-at-offset", f"quote {_short(quote)} is not at offset {start}; it occurs at {_offsets(hits)}")
        return start, start + len(quote)
    if len(hits) > 1:
        raise CodedError("quote-ambiguous", f"quote {_short(quote)} occurs {len(hits):,} times (offsets {_offsets(hits)}); add 'start' "
                         "to say which")
    return hits[0], hits[0] + len(quote)
