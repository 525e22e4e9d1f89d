"""Where things live in a numclaims project, and keeping paths inside it."""

from __future__ import annotations

import os
from pathlib import Path

CLAIMS_DIR = "claims"
REPORTS_DIR = "reports"
#: The files of ``reports/<article-id>/`` that a render produces, in writing order
#: (:func:`numclaims.report.report_files`; the cache checks an entry lists exactly these).
REPORT_FILES = ("results.json", "report.md", "report.html", "claimreview.json")


def find_root(start: Path | None = None) -> Path:
    """The project root: the nearest folder at or above ``start`` (default: the current folder) holding
    both ``claims/`` and ``datasets/``; the current folder when there is none."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / CLAIMS_DIR).is_dir() and (d / "datasets").is_dir():
            return d
    return Path.cwd().resolve()


def claims_files(root: Path, paths: list[str] | None = None) -> list[Path]:
    """The claims files to check: the given files or folders (each file once, however often it is named),
    else every ``claims/*.yaml`` of ``root``, sorted by name.

    Raises:
        FileNotFoundError: a given path does not exist.
    """
    if not paths:
        return sorted((root / CLAIMS_DIR).glob("*.yaml"))
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(p.glob("*.yaml")))
        elif p.is_file():
            out.append(p)
        else:
            raise FileNotFoundError(str(p))
    seen: set[str] = set()
    unique = []
    for p in out:  # a file named twice ("claims" and "claims/x.yaml") is checked once, where first named
        k = file_key(p, root)
        if k not in seen:
            seen.add(k)
            unique.append(p)
    return unique


def file_key(path: Path | str, root: Path | str) -> str:
    """How the project names a file: its path relative to ``root`` with ``/``, or its absolute path when it
    lies outside ``root``. The folders on the way are resolved (a project reached through a symlinked
    folder, or named as ``./claims/../claims/x.yaml``, gives one name), the file itself is not (a claims
    file that is a symlink keeps the name it has in ``claims/``). Used for the incremental-check cache and
    the provenance of results.json, so both name a file the same way."""
    a = os.path.abspath(path)
    p = os.path.join(os.path.realpath(os.path.dirname(a)), os.path.basename(a))
    rel = os.path.relpath(p, os.path.realpath(root))
    return p if rel == ".." or rel.startswith(".." + os.sep) else Path(rel).as_posix()


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when inside it, else as given (how error lines name files)."""
    try:
        return str(Path(path).resolve().relative_to(Path(root).resolve()))
    except ValueError:
        return str(path)


def report_dir(root: Path, article_id: str) -> Path:
    """``root/reports/<article_id>``; the id is a validated slug, so it cannot leave ``reports/``.

    Raises:
        ValueError: when the resolved folder would fall outside ``root/reports``.
    """
    base = (root / REPORTS_DIR).resolve()
    d = (base / article_id).resolve()
    if base not in d.parents:
        raise ValueError(f"article id {article_id!r} would write outside {base}")
    return d
