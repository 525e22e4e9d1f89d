"""Where things live in a numclaims project, and keeping paths inside it."""

from __future__ import annotations

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
    """The claims files to check: the given files or folders, else every ``claims/*.yaml`` of ``root``,
    sorted by name.

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
    return out


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
