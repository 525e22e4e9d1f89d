"""Serialising results: stable JSON (integral floats as integers, fixed key order, trailing newline)."""

from __future__ import annotations

import json
from typing import Any


def clean(obj: Any) -> Any:
    """Recursively turn integral floats into ints so ``300.0`` prints as ``300``; leaves other values."""
    if isinstance(obj, float) and obj.is_integer() and abs(obj) < 2**53:
        return int(obj)
    if isinstance(obj, dict):
        return {k: clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [clean(v) for v in obj]
    return obj


def dumps(results: dict[str, Any]) -> str:
    """results.json text: UTF-8 characters kept, two-space indent, ``\\n`` at the end."""
    return json.dumps(clean(results), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
