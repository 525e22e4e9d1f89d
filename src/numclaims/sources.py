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

from .errors import ErrorLine, InputErrors
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

    def body_span(self) -> tuple[int, int] | None:
        """``(start, end)`` offsets of the article body from the metadata markers, or None without them.

        ``start`` is where the start marker begins, ``end`` where the end marker ends.
        """
        if self.meta.body is None:
            return None
        s = self.text.find(self.meta.body.start)
        e = self.text.find(self.meta.body.end, max(s, 0))
        if s < 0 or e < 0:
            return None
        return s, e + len(self.meta.body.end)


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def load_source(source_id: str, root: Path) -> Source:
    """Load source ``source_id`` from ``root/datasets/sources``.

    Raises:
        InputErrors: missing text or metadata file, bad encoding or BOM, invalid metadata, or a
            metadata ``id`` that differs from the file name.
    """
    base = root / SOURCES_DIR
    txt, meta_path = base / f"{source_id}.txt", base / f"{source_id}.meta.yaml"
    errs: list[ErrorLine] = []
    for p in (txt, meta_path):
        if not p.is_file():
            errs.append(ErrorLine(_rel(p, root), 0, "", "source", f"source file for {source_id!r} not found"))
    if errs:
        raise InputErrors(errs)
    try:
        text = read_text_strict(txt)
    except YamlInputError as e:
        raise InputErrors([ErrorLine(_rel(txt, root), e.line, "", "", e.message)]) from None
    from .cache import sha256_text
    from .fastyaml import load_fast

    try:
        meta_text = read_text_strict(meta_path)
        fast = load_fast(meta_text)  # the fast path: kept only when valid, else read again exactly
        if fast is not None:
            try:
                meta = SourceMeta.model_validate(fast)
                if meta.id == source_id:
                    return Source(meta=meta, text=text, path=txt, sha256=(sha256_text(text), sha256_text(meta_text)))
            except ValidationError:
                pass
        raw = load_yaml_text(meta_text)
    except YamlInputError as e:
        raise InputErrors([ErrorLine(_rel(meta_path, root), e.line, "", "", e.message)]) from None
    if not isinstance(raw, dict):
        raise InputErrors([ErrorLine(_rel(meta_path, root), 1, "", "", "expected a mapping of metadata fields")])
    try:
        meta = SourceMeta.model_validate(raw)
    except ValidationError as e:
        out = []
        for err in e.errors():
            key = err["loc"][0] if err["loc"] else ""
            line = raw.line_of(key) if isinstance(raw, LineMap) else 0
            out.append(ErrorLine(_rel(meta_path, root), line, "", ".".join(map(str, err["loc"])), err["msg"]))
        raise InputErrors(out) from None
    if meta.id != source_id:
        raise InputErrors([ErrorLine(_rel(meta_path, root), raw.line_of("id"), "", "id",
                                     f"metadata id {meta.id!r} differs from the file name {source_id!r}")])

    return Source(meta=meta, text=text, path=txt, sha256=(sha256_text(text), sha256_text(meta_text)))


def find_all(text: str, needle: str) -> list[int]:
    """Every start offset of ``needle`` in ``text`` (overlapping matches included)."""
    out, i = [], text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


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
        ValueError: the quote is absent; occurs more than once and ``start`` is not given; or ``start`` is
            given but the quote is not at that offset (the message lists the offsets where it is).
    """
    hits = (find or (lambda q: find_all(text, q)))(quote)
    if not hits:
        raise ValueError(f"quote {quote!r} is not in the source text (it must be copied verbatim)")
    if start is not None:
        if start not in hits:
            raise ValueError(f"quote {quote!r} is not at offset {start}; it occurs at {hits}")
        return start, start + len(quote)
    if len(hits) > 1:
        raise ValueError(f"quote {quote!r} occurs {len(hits)} times (offsets {hits}); add 'start' to say which")
    return hits[0], hits[0] + len(quote)
