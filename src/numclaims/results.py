"""Serialising results: stable JSON (integral floats as integers, fixed key order, trailing newline)."""

from __future__ import annotations

from typing import Any


_LIMIT = float(2**53)


def clean(obj: Any) -> Any:
    """Recursively turn integral floats into ints so ``300.0`` prints as ``300``; leaves other values.

    Exact type tests first (``type(x) is float``): this walks every value of every results object, so the
    common cases skip ``isinstance``'s subclass machinery; subclasses still take the general path.
    """
    t = type(obj)
    if t is str or t is int or obj is None or t is bool:
        return obj
    if t is float:
        return int(obj) if obj.is_integer() and -_LIMIT < obj < _LIMIT else obj
    if t is dict:
        return {k: clean(v) for k, v in obj.items()}
    if t is list or t is tuple:
        return [clean(v) for v in obj]
    if isinstance(obj, float) and obj.is_integer() and abs(obj) < 2**53:
        return int(obj)
    if isinstance(obj, dict):
        return {k: clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    return obj


def json_text(obj: Any, *, allow_nan: bool = True, integral_floats: bool = False) -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=False, allow_nan=allow_nan)``, byte for byte, written by
    orjson (:func:`numclaims.fastjson.json_text`, which gives the standard library's text in every case).

    With ``integral_floats`` the text is that of ``clean(obj)`` (integral floats written as integers).
    """
    from .fastjson import json_text as fast

    return fast(obj, allow_nan=allow_nan, integral_floats=integral_floats)


def dumps(results: dict[str, Any]) -> str:
    """results.json text: UTF-8 characters kept, two-space indent, ``\\n`` at the end."""
    return json_text(results, allow_nan=False, integral_floats=True) + "\n"
