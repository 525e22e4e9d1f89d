"""Where things live in a numclaims project, and keeping paths inside it."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from .errors import Fault

CLAIMS_DIR = "claims"
REPORTS_DIR = "reports"
#: The files of ``reports/<article-id>/`` that a render produces, in writing order
#: (:func:`numclaims.report.report_files`; the cache checks an entry lists exactly these).
REPORT_FILES = ("results.json", "report.md", "report.html", "claimreview.json")
#: What ``numclaims check --reports`` may write: every report file, or results.json only (the verdicts).
REPORT_CHOICES = ("all", "json")
#: Name patterns of claims files under ``claims/`` (both YAML extensions are read).
CLAIMS_GLOBS = ("*.yaml", "*.yml")
#: Largest input file read (claims files, source texts, metadata, results.json): 128 MiB, over ten times a
#: 100,000-claim claims file; a larger one (or a device such as /dev/zero) is refused before it is read.
MAX_INPUT_BYTES = 128 * 1024 * 1024


from .errors import UnsafeInput  # noqa: E402  (re-exported: raised by read_input and claims_files)


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_input(path: Path | str, limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of the input file ``path`` (symbolic links followed), after the input guard: it must be a
    regular file of at most ``limit`` bytes. Opened without blocking, so a FIFO is refused at once.

    Raises:
        UnsafeInput: not a regular file, or too large.
        OSError: the file cannot be opened or read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UnsafeInput(errno.EINVAL, f"it is {_kind(st.st_mode)}, not a regular file; numclaims reads "
                                            "only regular files", str(path))
        if st.st_size > limit:
            raise UnsafeInput(errno.EFBIG, f"it is {st.st_size:,} bytes, over the limit of {limit:,} bytes for "
                                           "an input file", str(path))
        chunks, n = [], 0
        while True:
            want = min(1 << 20, limit + 1 - n)
            b = os.read(fd, want)
            if not b:
                break
            chunks.append(b)
            n += len(b)
            if n > limit:
                raise UnsafeInput(errno.EFBIG, f"it grew over the limit of {limit:,} bytes for an input file while "
                                               "being read", str(path))
            if len(b) < want and n >= st.st_size:
                break  # a short read of a regular file is its end (no second read to be told so)
        return b"".join(chunks)
    finally:
        os.close(fd)


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
    else every ``claims/*.yaml`` and ``claims/*.yml`` of ``root``, sorted by name.

    Raises:
        FileNotFoundError: a given path does not exist (``filename`` is the path, ``strerror`` the reason).
        UnsafeInput: a given path is not a regular file or folder (a FIFO, a device).
    """
    if not paths:
        return sorted({p for g in CLAIMS_GLOBS for p in (root / CLAIMS_DIR).glob(g)})
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted({q for g in CLAIMS_GLOBS for q in p.glob(g)}))
        elif p.is_file():
            out.append(p)
        elif os.path.lexists(p) and os.path.exists(p):
            raise UnsafeInput(errno.EINVAL, f"it is {_kind(os.stat(p).st_mode)}, not a claims file; numclaims reads "
                                            "only regular files", str(p))
        else:
            what = "a dangling symbolic link" if os.path.lexists(p) else "no such file or folder"
            raise FileNotFoundError(errno.ENOENT, what, str(p))
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
    p = os.path.join(_real_folder(os.path.dirname(a)), os.path.basename(a))
    base = _real_folder(os.fspath(root))
    if len(base) > 1 and p.startswith(base + os.sep):  # inside the root: both are normalised real paths
        return p[len(base) + 1:].replace(os.sep, "/")
    rel = os.path.relpath(p, base)
    return p if rel == ".." or rel.startswith(".." + os.sep) else rel.replace(os.sep, "/")


#: ``{folder: os.path.realpath(folder)}`` while a corpus run remembers them (:func:`remember_folders`);
#: None otherwise (every call resolves again).
_REAL_FOLDERS: dict[str, str] | None = None


def _real_folder(folder: str) -> str:
    """``os.path.realpath(folder)``, remembered for the run inside :func:`remember_folders`."""
    if _REAL_FOLDERS is None:
        return os.path.realpath(folder)
    real = _REAL_FOLDERS.get(folder)
    if real is None:
        real = _REAL_FOLDERS[folder] = os.path.realpath(folder)
    return real


class remember_folders:
    """Context manager: inside it, :func:`file_key` (and so :func:`display_path`) resolves each folder
    once (``numclaims check`` names every claims file several times, in its parent and in its worker
    processes, which inherit the memo by fork: 100,000 claims are 40,000 names, and ``realpath`` stats
    every folder on the way each time). A folder re-linked during the run keeps its first resolution until
    the run ends. Not reentrant-safe across threads; nested uses keep the outer memo."""

    def __enter__(self) -> "remember_folders":
        global _REAL_FOLDERS
        self._outer = _REAL_FOLDERS
        if _REAL_FOLDERS is None:
            _REAL_FOLDERS = {}
        return self

    def __exit__(self, *exc: object) -> None:
        global _REAL_FOLDERS
        _REAL_FOLDERS = self._outer


def display_path(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` when inside it, else as given (how error lines name files). As in
    :func:`file_key`, a file that is a symbolic link is named where it is, not where it points."""
    return display_of(path, file_key(path, root))  # the folders on the way resolved, not a symlinked file


def display_of(path: Path | str, key: str) -> str:
    """:func:`display_path` of ``path`` whose :func:`file_key` is ``key`` (for a caller that needs both
    and would otherwise resolve the path's folders twice)."""
    return key if not os.path.isabs(key) else str(path)


def reports_folder(root: Path) -> Path:
    """``root/reports``, the one folder numclaims publishes into, after the path guard: it must be absent or
    a real folder (a symbolic link would send every write outside the project; a file cannot hold
    reports).

    Raises:
        numclaims.errors.Fault: when ``reports`` is a symbolic link or not a folder.
    """

    p = Path(root) / REPORTS_DIR
    try:
        st = os.lstat(p)
    except FileNotFoundError:
        return p
    except OSError as e:
        raise Fault(f"{REPORTS_DIR}/", "cannot inspect the reports folder", e) from None
    if stat.S_ISLNK(st.st_mode):
        raise Fault(f"{REPORTS_DIR}/", "refused", f"it is a symbolic link (to {os.readlink(p)}); numclaims writes "
                    "only inside the project: replace the link with a folder", code="reports-outside")
    if not stat.S_ISDIR(st.st_mode):
        raise Fault(f"{REPORTS_DIR}/", "refused", "it is a file, not a folder; move it away so that numclaims can "
                    "write the reports there", code="not-a-folder")
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
    base = Path(_real_folder(os.path.join(root, REPORTS_DIR)))
    d = base / article_id
    if os.sep in article_id or article_id in (".", "..") or os.path.islink(d):  # else already resolved
        d = d.resolve()
    elif article_id and (os.altsep is None or os.altsep not in article_id):
        return d  # one plain name below the resolved base: d.parent is base (no walk of d.parents)
    if base not in d.parents:
        raise ValueError(f"article id {article_id!r} would write outside {base}")
    return d
