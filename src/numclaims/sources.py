"""Source documents: a text capture plus its metadata, and anchoring of quotes in the text.

A source ``ID`` lives in ``<root>/datasets/sources/ID.txt`` (UTF-8, no byte-order mark, newlines as
captured) with ``ID.meta.yaml`` beside it (see :class:`numclaims.records.SourceMeta`). Offsets are Python
string indices into the text as read, i.e. Unicode code points of the UTF-8 file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .errors import ErrorLine, InputErrors, reading_problem, schema_message
from .hashing import sha256_text
from .records import SourceMeta
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


def load_source(source_id: str, root: Path) -> Source:
    """Load source ``source_id`` from ``root/datasets/sources``.

    Raises:
        InputErrors: missing text or metadata file, bad encoding or BOM, invalid metadata, a metadata
            ``id`` that differs from the file name, or ``body`` markers that are not in the text (the
            start marker, then the end marker after it).
    """
    base = root / SOURCES_DIR
    txt, meta_path = base / f"{source_id}.txt", base / f"{source_id}.meta.yaml"
    errs: list[ErrorLine] = []
    for p in (txt, meta_path):
        if not p.exists():
            errs.append(ErrorLine(_rel(p, root), 0, "", "source", f"source file for {source_id!r} not found"))
    if errs:
        raise InputErrors(errs)
    try:
        text = read_text_strict(txt)
    except YamlInputError as e:
        raise InputErrors([ErrorLine(_rel(txt, root), e.line, "", "", e.message)]) from None
    except OSError as e:  # a FIFO, a device, a file too large, permissions
        raise InputErrors([ErrorLine(_rel(txt, root), 0, "", "", f"cannot read file: {reading_problem(e)}")]) from None
    try:
        meta_text = read_text_strict(meta_path)
        raw = load_yaml_text(meta_text)
    except YamlInputError as e:
        raise InputErrors([ErrorLine(_rel(meta_path, root), e.line, "", "", e.message)]) from None
    except OSError as e:
        raise InputErrors([ErrorLine(_rel(meta_path, root), 0, "", "", f"cannot read file: {reading_problem(e)}")]) from None
    if not isinstance(raw, dict):
        raise InputErrors([ErrorLine(_rel(meta_path, root), 1, "", "", "expected a mapping of metadata fields")])
    try:
        meta = SourceMeta.model_validate(raw)
    except ValidationError as e:
        out = []
        for err in e.errors():
            key = err["loc"][0] if err["loc"] else ""
            line = raw.line_of(key) if isinstance(raw, LineMap) else 0
            out.append(ErrorLine(_rel(meta_path, root), line, "", ".".join(map(str, err["loc"])), schema_message(err)))
        raise InputErrors(out) from None
    if meta.id != source_id:
        raise InputErrors([ErrorLine(_rel(meta_path, root), raw.line_of("id"), "", "id",
                                     f"metadata id {meta.id!r} differs from the file name {source_id!r}")])
    if meta.body is not None:  # markers that are not in the text would silently widen the body to a guess
        s = text.find(meta.body.start)
        bad = [("body.start", meta.body.start)] if s < 0 else (
            [("body.end", meta.body.end)] if text.find(meta.body.end, s) < 0 else [])
        if bad:
            fld, marker = bad[0]
            where = "in the source text" if fld == "body.start" else "in the source text after the start marker"
            raise InputErrors([ErrorLine(_rel(meta_path, root), raw.line_of("body"), "", fld,
                                         f"marker {marker!r} is not {where}; copy it verbatim from "
                                         f"{_rel(txt, root)}")])
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


def anchor(text: str, quote: str, start: int | None = None) -> tuple[int, int]:
    """Find ``quote`` verbatim in ``text`` and return its ``(start, end)`` offsets.

    Args:
        text: the source text.
        quote: the exact words.
        start: disambiguating offset, required when the quote occurs more than once.

    Raises:
        ValueError: the quote is absent; occurs more than once and ``start`` is not given; or ``start`` is
            given but the quote is not at that offset (the message lists the offsets where it is).
    """
    hits = find_all(text, quote)
    if not hits:
        raise ValueError(f"quote {_short(quote)} is not in the source text (it must be copied verbatim)")
    if start is not None:
        if start not in hits:
            raise ValueError(f"quote {_short(quote)} is not at offset {start}; it occurs at {_offsets(hits)}")
        return start, start + len(quote)
    if len(hits) > 1:
        raise ValueError(f"quote {_short(quote)} occurs {len(hits):,} times (offsets {_offsets(hits)}); add 'start' "
                         "to say which")
    return hits[0], hits[0] + len(quote)
