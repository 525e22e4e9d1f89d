"""Atomic file writes: write to a temporary file in the same folder, flush, fsync, then rename.

A reader (or a crash) never sees a half-written report; on error the previous file is left untouched.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replace ``path`` with ``data`` atomically (``os.replace`` of a sibling temporary file).

    Text is written as UTF-8 with ``\\n`` newlines. Creates the parent folder if needed.

    Raises:
        OSError: when the folder cannot be created or written; the temporary file is removed.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def regenerate(path: Path, text: str, check: bool, how: str) -> int:
    """Write a generated file atomically, or with ``check`` only compare it with ``text``.

    Used by the dataset build scripts. Returns an exit status: 0 when written or up to date, 1 when
    ``check`` finds the file missing or different (the message names ``how`` to regenerate it).
    """
    path = Path(path)
    if check:
        same = path.is_file() and path.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{path} is out of date: run {how}")
        return 0 if same else 1
    write_atomic(path, text)
    return 0
