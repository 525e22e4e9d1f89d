"""Serialising results: stable JSON (integral floats as integers, fixed key order, trailing newline)."""

from __future__ import annotations

import json
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


class _Fallback(Exception):
    """A value the fast encoder does not handle itself: the standard library's encoder takes over."""


_encode_str = json.encoder.encode_basestring  # the C escaper json.dumps uses with ensure_ascii=False
_float_repr = float.__repr__
_int_repr = int.__repr__


def json_text(obj: Any, *, allow_nan: bool = True, integral_floats: bool = False) -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=False, allow_nan=allow_nan)``, byte for byte, faster:
    the standard library's indenting encoder is pure Python (a generator per container).

    With ``integral_floats`` the text is that of ``clean(obj)`` (integral floats written as integers)
    without building the cleaned copy. Only dicts with ``str`` keys, lists, tuples, ``str``, ``int``,
    ``float``, ``bool`` and ``None`` of exactly those types are encoded here; anything else (subclasses,
    other keys, unserialisable values, cycles) is handed to :func:`json.dumps`, which gives the same text
    or raises the same error.
    """
    def floatstr(o: float) -> str:
        if integral_floats and o.is_integer() and -_LIMIT < o < _LIMIT:
            return _int_repr(int(o))
        if o != o or o in (float("inf"), float("-inf")):
            if not allow_nan:
                raise _Fallback
            return "NaN" if o != o else ("Infinity" if o > 0 else "-Infinity")
        return _float_repr(o)

    def enc(o: Any, ind: str) -> str:
        t = type(o)
        if t is str:
            return _encode_str(o)
        if t is dict:
            if not o:
                return "{}"
            inner = ind + "  "
            items = []
            for k, v in o.items():
                if type(k) is not str:
                    raise _Fallback
                items.append(_encode_str(k) + ": " + (_encode_str(v) if type(v) is str else enc(v, inner)))
            return "{\n" + inner + (",\n" + inner).join(items) + "\n" + ind + "}"
        if t is list or t is tuple:
            if not o:
                return "[]"
            inner = ind + "  "
            return "[\n" + inner + (",\n" + inner).join([enc(v, inner) for v in o]) + "\n" + ind + "]"
        if o is None:
            return "null"
        if o is True:
            return "true"
        if o is False:
            return "false"
        if t is int:
            return _int_repr(o)
        if t is float:
            return floatstr(o)
        raise _Fallback

    try:
        return enc(obj, "")
    except (_Fallback, RecursionError):
        return json.dumps(clean(obj) if integral_floats else obj, indent=2, ensure_ascii=False,
                          allow_nan=allow_nan)


def dumps(results: dict[str, Any]) -> str:
    """results.json text: UTF-8 characters kept, two-space indent, ``\\n`` at the end."""
    return json_text(results, allow_nan=False, integral_floats=True) + "\n"
