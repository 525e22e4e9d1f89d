"""Publishing an article's report folder as one unit: a reader sees all old files or all new ones.

The one writer of ``reports/<id>/``. For each article with something new to publish:

1. a new folder ``reports/.<id>.publish-<pid>-<random>`` is built beside the old one: the report files
   (``results.json``, ``report.md``, ``report.html``, ``claimreview.json``) are moved or written into it,
   and every other entry of the old folder (``figures/``, ``notebooks/``) is hard-linked into it (copied
   where links are not possible), so nothing else of the folder is lost or changed;
2. the new folder's files and the folder itself are made durable (fsync; the check command syncs its
   staged files once for the whole run instead);
3. the new folder takes the place of the old one in **one** system call: ``renameat2(RENAME_EXCHANGE)``
   on Linux (the old folder is then at the temporary name and is removed), or a plain ``rename`` when
   there was no old folder. Where the exchange is not supported (another system, a file system without
   it), the old folder is first renamed to ``reports/.<id>.old-<pid>-<random>`` and the new one renamed
   into place; a run killed between the two leaves no ``reports/<id>`` for a moment, never a mix, and the
   next run (:func:`sweep`) puts the old folder back.

A first publish (no ``reports/<id>`` yet) of files staged in a folder of their own, as ``numclaims check``
stages them, skips steps 1 and 3's exchange: that folder itself is renamed to ``reports/<id>``
(:func:`publish_staged`), one system call per article.

Any failure before step 3 removes the new folder and leaves the old one untouched; the failure is raised
as :class:`numclaims.errors.Fault` (one line: path, what was done, why). Folders left by a killed run are
removed by :func:`sweep` at the start of the next one (only those whose process is gone: the pid is in
the name).

Every system call goes through :data:`OPS` so that the fault-injection tests can make each write, fsync,
link and rename fail in turn (``tests/test_publish.py``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import re
import secrets
import shutil
import stat
from pathlib import Path
from typing import Callable

from .errors import Fault

#: ``renameat2`` flag exchanging two paths atomically (linux/fs.h).
RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class Ops:
    """The system calls a publish makes (one method each), replaceable for fault injection."""

    def __init__(self) -> None:
        self._renameat2 = None
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
            fn = libc.renameat2
            fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
            fn.restype = ctypes.c_int
            self._renameat2 = fn
        except (OSError, AttributeError):  # not Linux, or a C library without renameat2
            pass

    def mkdir(self, path: str) -> None:
        os.mkdir(path, 0o755)

    def open_write(self, path: str) -> int:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)

    def write(self, fd: int, data: bytes) -> int:
        return os.write(fd, data)

    def fsync(self, fd: int) -> None:
        os.fsync(fd)

    def close(self, fd: int) -> None:
        os.close(fd)

    def rename(self, src: str, dst: str) -> None:
        os.rename(src, dst)

    def link(self, src: str, dst: str) -> None:
        os.link(src, dst, follow_symlinks=False)

    def exchange(self, a: str, b: str) -> bool:
        """Swap ``a`` and ``b`` atomically; False when the system or file system cannot (then nothing
        happened)."""
        if self._renameat2 is None:
            return False
        if self._renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
            return True
        e = ctypes.get_errno()
        if e in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
            return False
        raise OSError(e, os.strerror(e), a)


#: The system calls used by :func:`publish_folder` (tests replace it).
OPS = Ops()


def _write_file(path: str, data: bytes, sync: bool) -> None:
    fd = OPS.open_write(path)
    try:
        view = memoryview(data)
        while view:
            n = OPS.write(fd, view)
            view = view[n:]
        if sync:
            OPS.fsync(fd)
    finally:
        OPS.close(fd)


def _sync_dir(path: str) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        OPS.fsync(fd)
    finally:
        os.close(fd)


def _link_tree(src: str, dst: str) -> None:
    """Recreate the folder ``src`` at ``dst`` (see :func:`_link_entry`)."""
    OPS.mkdir(dst)
    with os.scandir(src) as it:
        for e in it:
            _link_entry(e, os.path.join(dst, e.name))


def _link_entry(e: os.DirEntry, dst: str) -> None:
    """Recreate the entry ``e`` at ``dst``: folders made, files hard-linked (copied when the file system
    refuses links), symbolic links recreated as links (never followed)."""
    if e.is_dir(follow_symlinks=False):
        _link_tree(e.path, dst)
    elif e.is_symlink():
        os.symlink(os.readlink(e.path), dst)
    else:
        try:
            OPS.link(e.path, dst)
        except OSError as err:
            if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP):
                raise
            shutil.copy2(e.path, dst, follow_symlinks=False)


def _remove(path: str) -> None:
    try:
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)
    except OSError:
        pass


def temp_name(folder: Path, kind: str) -> Path:
    """``<parent>/.<name>.<kind>-<pid>-<random>``: a sibling of ``folder`` owned by this process."""
    return folder.parent / f".{folder.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def unchanged(folder: Path, files: dict[str, bytes | str]) -> bool:
    """True when every file of ``files`` already has exactly these bytes in ``folder``."""
    for name, data in files.items():
        raw = data.encode("utf-8") if isinstance(data, str) else data
        p = folder / name
        try:
            if os.stat(p).st_size != len(raw) or p.read_bytes() != raw:
                return False
        except OSError:
            return False
    return True


def publish_folder(folder: Path, files: dict[str, bytes | str | Path], sync: bool = True,
                   display: str | None = None, skip_same: bool = True) -> bool:
    """Replace the files ``files`` (``{file name: bytes, text, or a staged file to move in}``) of the folder
    ``folder`` as one unit, keeping its other entries. Returns False (and touches nothing) when every file
    already has these bytes, True once published.

    ``sync`` fsyncs each written file and the new folder; the caller passes False when it has already made
    the staged files durable (one ``os.sync()`` for a whole run). ``display`` names the folder in errors.
    ``skip_same=False`` publishes without first comparing (the caller has compared).

    Raises:
        Fault: a step failed (with the folder's name, the step and the system's reason); the old folder
            is then as it was and the new one removed.
    """
    folder = Path(folder)
    name = display or str(folder)
    payload: dict[str, bytes | Path] = {}
    for k, v in files.items():
        payload[k] = v.encode("utf-8") if isinstance(v, str) else v
    preflight([(folder, name, sorted(payload))])
    st = os.lstat(folder) if os.path.lexists(folder) else None
    if skip_same and st is not None and all(not isinstance(v, Path) for v in payload.values()) and unchanged(folder, payload):  # type: ignore[arg-type]
        return False
    if skip_same and st is not None and all(isinstance(v, Path) for v in payload.values()) and same_staged(folder, payload):  # type: ignore[arg-type]
        return False
    new = temp_name(folder, "publish")
    step = "create the new folder"
    try:
        if st is None:
            os.makedirs(folder.parent, exist_ok=True)
        OPS.mkdir(str(new))
        if st is not None:
            step = "link the other entries of the folder"
            with os.scandir(folder) as it:
                for e in it:
                    if e.name not in payload:
                        _link_entry(e, os.path.join(new, e.name))
        for fname, data in sorted(payload.items()):
            dest = os.path.join(new, fname)
            if isinstance(data, Path):
                step = f"move {fname}"
                try:
                    os.chmod(data, 0o644)
                    OPS.rename(str(data), dest)
                    continue
                except OSError as e:
                    if e.errno != errno.EXDEV:  # staging on another file system: copy it instead
                        raise
                data = data.read_bytes()
                step = f"write {fname}"
                _write_file(dest, data, True)
            else:
                step = f"write {fname}"
                _write_file(dest, data, sync)
        step = "sync the new folder"
        if sync:
            _sync_dir(str(new))
        step = "swap the new folder in"
        if st is None:
            OPS.rename(str(new), str(folder))
        elif OPS.exchange(str(new), str(folder)):
            _remove(str(new))  # now the old folder
        else:
            old = temp_name(folder, "old")
            OPS.rename(str(folder), str(old))
            try:
                OPS.rename(str(new), str(folder))
            except BaseException:
                OPS.rename(str(old), str(folder))
                raise
            _remove(str(old))
        if sync:  # (without sync the caller makes the swaps durable with one os.sync() for the run)
            try:
                _sync_dir(str(folder.parent))
            except OSError:
                pass  # the folder is published; only its durability across a power cut is in doubt
    except OSError as e:
        _remove(str(new))
        raise Fault(name, f"not published, the previous reports are kept ({step} failed)", e) from None
    except BaseException:
        _remove(str(new))
        raise
    return True


def publish_staged(folder: Path, staged: dict[str, Path] | dict[str, str],
                   display: str | Callable[[], str] | None = None, own: bool = False) -> None:
    """Publish the staged files ``staged`` (``{file name: staged path}``, already made durable by the
    caller) as the folder ``folder``. When ``folder`` does not exist yet and the staged files are alone in
    one folder of their own (as :func:`numclaims.runner.stage_one` writes them), that folder is renamed
    into place: one system call, and a reader sees no folder or the whole new one. Otherwise (an old
    folder to replace, staging on another file system, a folder that appeared meanwhile) it is
    :func:`publish_folder` without sync or comparison.

    ``own=True``: the caller knows both (it found no ``folder`` and made the staged folder itself, holding
    only these files), so neither is looked up again. ``display`` names the folder in errors (a function
    giving the name is called only then).

    Raises:
        Fault: the rename failed for another reason (nothing of ``folder`` exists then), or
            :func:`publish_folder` failed.
    """
    folder = Path(folder)
    parents = {os.path.dirname(p) for p in staged.values()}
    if len(parents) == 1 and (own or not os.path.lexists(folder)):
        (here,) = parents
        try:
            alone = own or sorted(os.listdir(here)) == sorted(staged)
        except OSError:
            alone = False
        if alone:
            try:
                OPS.rename(str(here), str(folder))
                return
            except OSError as e:
                if e.errno not in (errno.EXDEV, errno.EEXIST, errno.ENOTEMPTY):
                    # a first publish: there are no previous reports to keep
                    raise Fault(_name(display, folder), "not published, nothing was written (moving the new "
                                "folder in failed)", e) from None
    publish_folder(folder, {k: Path(v) for k, v in staged.items()}, sync=False, display=_name(display, folder),
                   skip_same=False)


def _name(display: str | Callable[[], str] | None, folder: Path) -> str:
    """The name of ``folder`` in an error: ``display``, or what the function ``display`` gives."""
    if display is None:
        return str(folder)
    return display() if callable(display) else display


def same_staged(folder: Path, staged: dict[str, Path]) -> bool:
    """True when every staged file of ``staged`` (``{file name: staged path}``) has the bytes of the file of
    that name in ``folder``."""
    for fname, tmp in staged.items():
        p = os.path.join(folder, fname)
        try:
            if os.stat(p).st_size != os.stat(tmp).st_size:
                return False
            with open(p, "rb") as a, open(tmp, "rb") as b:
                if a.read() != b.read():
                    return False
        except OSError:
            return False
    return True


def preflight(folders: list[tuple[Path, str | Callable[[], str], list[str] | None]]) -> None:
    """Check, before anything is replaced, that each article folder (``(path, display name, report file
    names)``) can be published: its parent (``reports/``) is a folder numclaims may write in, the folder is
    absent or a real folder (not a file, not a symbolic link), and each report file in it is absent or a
    regular file (a folder or link of that name would be lost in the swap). File names ``None``: the caller
    found no folder there, so only its parent is checked. A display name may be a function giving it
    (called only for an error).

    Raises:
        Fault: naming the first unusable destination.
    """
    parents: set[Path] = set()
    for folder, display, names in folders:
        parent = folder.parent
        if parent not in parents:
            name = _name(display, folder)
            try:
                parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise Fault(str(Path(name).parent), "cannot create the reports folder", e) from None
            if not os.access(parent, os.W_OK | os.X_OK):
                code = errno.EROFS if _read_only(parent) else errno.EACCES
                raise Fault(str(Path(name).parent), "nothing published", OSError(code, os.strerror(code)))
            parents.add(parent)
        if names is None:
            continue
        name = _name(display, folder)
        _must_be(folder, name, stat.S_ISDIR, "a folder")
        for n in names:
            _must_be(folder / n, f"{name}/{n}", stat.S_ISREG, "a file")


def _must_be(path: Path, name: str, test, what: str) -> None:
    try:
        st = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as e:
        raise Fault(name, "nothing published", e) from None
    if stat.S_ISLNK(st.st_mode) or not test(st.st_mode):
        kind = ("a symbolic link" if stat.S_ISLNK(st.st_mode) else
                "a folder" if stat.S_ISDIR(st.st_mode) else "a file" if stat.S_ISREG(st.st_mode) else "a special file")
        raise Fault(name, "nothing published", f"it is {kind}, not {what}; move it away so that numclaims can "
                                               "write the article's reports there", code="not-a-folder")


def _read_only(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


_OWNED = re.compile(r"^\.(?P<name>.+)\.(?P<kind>publish|old)-(?P<pid>\d+)-[0-9a-f]+$")
_STAGING = re.compile(r"^\.numclaims-staging-(?P<pid>\d+)-")


def alive(pid: int) -> bool:
    """True when process ``pid`` exists (or cannot be asked about: then it is left alone)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def sweep(root: Path, reports: Path | None = None) -> list[str]:
    """Remove what a killed run left behind: ``<root>/.numclaims-staging-<pid>-*`` and
    ``reports/.<id>.publish-<pid>-*`` folders of processes that no longer exist; an
    ``reports/.<id>.old-<pid>-*`` folder is put back as ``reports/<id>`` when that is missing (a run killed
    between the two renames of the fallback), else removed. Returns the names removed or restored.
    Errors are ignored (the next run tries again)."""
    done = []
    root = Path(root)
    try:
        for p in root.glob(".numclaims-staging-*"):
            m = _STAGING.match(p.name)
            if m and not alive(int(m["pid"])):
                _remove(str(p))
                done.append(p.name)
    except OSError:
        pass
    reports = Path(reports) if reports is not None else root / "reports"
    try:
        entries = list(os.scandir(reports))
    except OSError:
        return done
    for e in entries:
        m = _OWNED.match(e.name)
        if not m or alive(int(m["pid"])):
            continue
        target = reports / m["name"]
        try:
            if m["kind"] == "old" and not os.path.lexists(target):
                os.rename(e.path, target)
            else:
                _remove(e.path)
            done.append(e.name)
        except OSError:
            pass
    return done
