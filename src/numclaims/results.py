"""Serialising results: stable JSON (integral floats as integers, fixed key order, trailing newline)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .fastjson import clean  # noqa: F401 - the rule lives with the encoder; named here for its callers
from .fastjson import clean_and_text, plain_bytes, plain_text
from .fastjson import json_text as fast

if TYPE_CHECKING:  # a pydantic model; `numclaims --help` loads this module and not pydantic
    from .resultmodel import Results


def json_text(obj: Any, *, allow_nan: bool = True, integral_floats: bool = False) -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=False, allow_nan=allow_nan)``, byte for byte, written by
    orjson (:func:`numclaims.fastjson.json_text`, which gives the standard library's text in every case).

    With ``integral_floats`` the text is that of ``clean(obj)`` (integral floats written as integers).
    """
    return fast(obj, allow_nan=allow_nan, integral_floats=integral_floats)


def dumps(results: Results) -> str:
    """results.json text of typed results (or of their JSON data): UTF-8 characters kept, two-space indent,
    ``\\n`` at the end. Results of the engine (marked by :func:`numclaims.fastjson.plain`) are written by
    orjson directly (:func:`numclaims.fastjson.plain_text`); any other object, or one holding a value
    orjson would write differently, by :func:`json_text`: the same text either way."""
    text = plain_text(results)
    if text is None:
        text = json_text(results, allow_nan=False, integral_floats=True)
    return text + "\n"


def dumps_bytes(results: Results) -> bytes:
    """The UTF-8 bytes of :func:`dumps` of ``results``, what results.json holds: for the engine's results,
    orjson's bytes as they are (:func:`numclaims.fastjson.plain_bytes`), not decoded to text and encoded
    again."""
    raw = plain_bytes(results, newline=True)
    return raw if raw is not None else dumps(results).encode("utf-8")


def clean_and_dumps(results: Results) -> tuple[Results, str]:
    """``(cleaned, dumps(results))`` from one walk of ``results`` (:func:`numclaims.fastjson.clean_and_text`):
    what a report needs for its view and its results.json. ``cleaned`` is a :class:`Results` again, its
    integral floats as ints (the values a reader of results.json sees). Raises ``ValueError`` on NaN or an
    infinity, as :func:`dumps` does."""
    text = plain_text(results)  # the engine's results: already clean, written without a walk
    if text is not None:
        return results, text + "\n"
    cleaned, text = clean_and_text(results, allow_nan=False)
    return cleaned, text + "\n"
