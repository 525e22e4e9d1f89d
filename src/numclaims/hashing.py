"""Content hashes: the hex SHA-256 of text as read and of files' bytes (provenance, cache keys).

A leaf module (standard library only) so that the readers of inputs (:mod:`numclaims.loader`,
:mod:`numclaims.sources`) and the cache (:mod:`numclaims.cache`) share one definition without importing
each other.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .paths import read_input


def sha256_text(text: str) -> str:
    """Hex SHA-256 (64 lowercase hex digits) of ``text`` encoded as UTF-8 (for text read from a UTF-8 file,
    the file's bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str | None:
    """Hex SHA-256 of the bytes of the file ``path``; None when it cannot be read (missing, a folder, no
    permission, not a regular file, over the input size limit: any :class:`OSError`)."""
    try:
        return hashlib.sha256(read_input(path)).hexdigest()
    except OSError:
        return None
