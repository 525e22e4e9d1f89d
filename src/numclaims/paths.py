"""Where things live in a numclaims project, and keeping paths inside it."""

from __future__ import annotations

import os
from pathlib import Path

CLAIMS_DIR = "claims"
REPORTS_DIR = "reports"


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


def reports_folder(root: Path) -> Path:
    """``root/reports``, the one folder numclaims publishes into, after the path guard: it must be absent or
    a real folder (a symbolic link would send every write outside the project; a file cannot hold
    reports).

    Raises:
        numclaims.errors.Fault: when ``reports`` is a symbolic link or not a folder.
    """
    import stat

    from .errors import Fault

    p = Path(root) / REPORTS_DIR
    try:
        st = os.lstat(p)
    except FileNotFoundError:
        return p
    except OSError as e:
        raise Fault(f"{REPORTS_DIR}/", "cannot inspect the reports folder", e) from None
    if stat.S_ISLNK(st.st_mode):
        raise Fault(f"{REPORTS_DIR}/", "refused", f"it is a symbolic link (to {os.readlink(p)}); numclaims writes "
                    "only inside the project: replace the link with a folder")
    if not stat.S_ISDIR(st.st_mode):
        raise Fault(f"{REPORTS_DIR}/", "refused", "it is a file, not a folder; move it away so that numclaims can "
                    "write the reports there")
    return p


def inside(path: Path | str, folder: Path | str) -> bool:
    """True when ``path``, with every symbolic link resolved, lies inside ``folder`` (also resolved): the
    test of the path guard for anything numclaims reads into a report."""
    real, base = os.path.realpath(path), os.path.realpath(folder)
    return real.startswith(base.rstrip(os.sep) + os.sep)


def report_dir(root: Path, article_id: str) -> Path:
    """``root/reports/<article_id>``; the id is a validated slug, so it cannot leave ``reports/``.

    Raises:
        ValueError: when the resolved folder would fall outside ``root/reports``, or ``reports`` is a
            symbolic link.
    """
    if os.path.islink(Path(root) / REPORTS_DIR):
        raise ValueError(f"{REPORTS_DIR}/ is a symbolic link; numclaims writes only inside the project")
    base = (root / REPORTS_DIR).resolve()
    d = (base / article_id).resolve()
    if base not in d.parents:
        raise ValueError(f"article id {article_id!r} would write outside {base}")
    return d
