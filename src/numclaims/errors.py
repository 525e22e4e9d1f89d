"""Input errors reported one per line: ``file:line: claim <id>: <field>: <what was expected>``.

Modelled on frictionless-py's and pandera's error reports: every problem is collected (not only the
first), each names where it is and what to fix, and no traceback reaches the user.
"""

from __future__ import annotations

import errno as _errno
import os
from dataclasses import dataclass

from .codes import tag

#: Exit statuses of every command (see docs/faults.md).
EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_ENVIRONMENT, EXIT_INTERNAL = 0, 1, 2, 3, 70
#: 128 + the signal number, as shells report a process ended by that signal.
EXIT_SIGINT, EXIT_SIGTERM = 130, 143

#: Longest message printed on one error line; longer ones are cut and say how much was left out.
MAX_MESSAGE = 600


def one_line(text: str, limit: int = MAX_MESSAGE) -> str:
    """``text`` made safe for one line of a terminal or log: every control character (C0, DEL, C1, and the
    line and paragraph separators U+2028/U+2029 and NEL, which some readers take as line breaks) written as
    an escape (``\\n``, ``\\x85``, ``\\u2028``), and a text over ``limit`` characters cut with
    ``... (N more characters)``."""
    out = []
    for ch in text:
        o = ord(ch)
        if o < 0x20 or 0x7F <= o <= 0x9F or o in (0x2028, 0x2029):
            out.append({"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(ch) or
                       (f"\\x{o:02x}" if o <= 0xFF else f"\\u{o:04x}"))
        else:
            out.append(ch)
    s = "".join(out)
    if len(s) > limit:
        s = f"{s[:limit]}... ({len(s) - limit:,} more characters)"
    return s


#: The system errors a user can meet, by errno: their error code (:mod:`numclaims.codes`) and what to do
#: about them (None: the system's own words say it). Any other errno is ``io-error`` with no hint.
_ERRNO = {
    _errno.EROFS: ("read-only", "the file system is read-only"),
    _errno.EACCES: ("permission-denied", "permission denied; check the owner and permissions of the folder"),
    _errno.EPERM: ("permission-denied", "operation not permitted; check the owner and permissions of the folder"),
    _errno.ENOSPC: ("disk-full", "the disk is full; free some space and run again"),
    _errno.EDQUOT: ("disk-full", "the disk quota is exceeded; free some space and run again"),
    _errno.EFBIG: ("file-too-big", "the file is larger than the size limit of this shell (ulimit -f); raise the limit"),
    _errno.ENOTDIR: ("not-a-folder", "a part of the path is a file where a folder is expected; move it away"),
    _errno.EISDIR: ("not-a-folder", "the path is a folder where a file is expected; move it away"),
    _errno.ELOOP: ("path-problem", "too many levels of symbolic links"),
    _errno.ENAMETOOLONG: ("path-problem", "the file name is too long"),
    _errno.ENOENT: ("path-problem", None), _errno.EINVAL: ("path-problem", None),
    _errno.EEXIST: ("path-problem", None),
    _errno.EMFILE: ("too-many-open-files", "too many open files; raise the limit (ulimit -n)"),
    _errno.ENFILE: ("too-many-open-files", None),
    _errno.EIO: ("io-error", "input/output error from the disk"),
}


class UnsafeInput(OSError):
    """An input path that is not read: not a regular file (a FIFO would block, a device never ends) or
    larger than :data:`numclaims.paths.MAX_INPUT_BYTES`. An :class:`OSError` (errno ``EINVAL`` or
    ``EFBIG``) whose ``strerror`` says why, so every reader that reports unreadable files reports it too."""


def reading_problem(e: OSError) -> str:
    """Why an input file could not be read, for ``cannot read file: ...``: the guard's own words for
    :class:`UnsafeInput`, a dangling symbolic link named as such, else :func:`describe`."""
    if isinstance(e, UnsafeInput):
        return e.strerror or str(e)
    if e.errno == _errno.ENOENT and e.filename is not None and os.path.islink(e.filename):
        return f"it is a symbolic link to {os.readlink(e.filename)}, which does not exist"
    return describe(e)


def describe(reason: BaseException | str) -> str:
    """The reason of an environment fault in plain words: for an :class:`OSError` the system's text with
    its errno name and what to do (``no space left on device (ENOSPC): the disk is full; ...``)."""
    if isinstance(reason, str):
        return reason
    if isinstance(reason, MemoryError):
        return "out of memory"
    if isinstance(reason, UnsafeInput):
        return reason.strerror or str(reason)
    if isinstance(reason, OSError) and reason.errno:
        code = _errno.errorcode.get(reason.errno, str(reason.errno))
        text = (reason.strerror or os.strerror(reason.errno)).lower()
        hint = _ERRNO.get(reason.errno, ("", None))[1]
        return f"{text} ({code})" + (f": {hint}" if hint and hint != text else "")
    return f"{type(reason).__name__}: {reason}" if str(reason) else type(reason).__name__


class Fault(Exception):
    """An environment fault (a file or folder that cannot be read or written, a full disk, a read-only
    file system, a file that is not what it should be): one line ``<path>: <doing>: <reason>`` and exit
    status :data:`EXIT_ENVIRONMENT`; what was published before stays as it was.

    Args:
        path: the file or folder concerned, as the user would name it.
        doing: what numclaims was doing (``"publish failed at write report.md into"``).
        reason: an :class:`OSError` (described with :func:`describe`) or a text.
        code: its error code (:mod:`numclaims.codes`); by default :func:`fault_code` of ``reason``.
    """

    def __init__(self, path: str, doing: str, reason: BaseException | str, code: str | None = None):
        self.path, self.doing, self.reason = str(path), doing, reason
        self.code = code or fault_code(reason)
        super().__init__(self.line())

    def __reduce__(self):  # picklable with its arguments (raised in pool workers)
        return (Fault, (self.path, self.doing, self.reason if isinstance(self.reason, str) else describe(self.reason),
                        self.code))

    def line(self) -> str:
        return tag(one_line(f"{self.path}: {self.doing}: {describe(self.reason)}"), self.code)

    def __str__(self) -> str:
        return self.line()


def fault_line(exc: BaseException) -> str:
    """One line for any exception that reached the command line: a :class:`Fault` as it is, an
    :class:`OSError` with the path it names (``<path>: <reason>``), anything else as an internal error."""
    if isinstance(exc, Fault):
        return exc.line()
    if isinstance(exc, OSError):
        where = exc.filename if exc.filename is not None else "numclaims"
        if exc.filename2 is not None:
            where = f"{where} -> {exc.filename2}"
        return tag(one_line(f"{where}: {describe(exc)}"), fault_code(exc))
    if isinstance(exc, MemoryError):
        return tag("numclaims: out of memory; an input is far larger than a claims or source file should be",
                   "out-of-memory")
    if isinstance(exc, RecursionError):
        return tag("numclaims: an input is nested too deeply to read", "too-deeply-nested")
    return tag(one_line(f"numclaims: internal error: {describe(exc)}; please report it "
                        "(set NUMCLAIMS_DEBUG=1 to see the traceback)"), "internal-error")


def fault_code(reason: BaseException | str) -> str:
    """The error code (:mod:`numclaims.codes`) of an environment fault's reason: by errno for an
    :class:`OSError` (``disk-full`` for ENOSPC, ``read-only`` for EROFS, ...), ``out-of-memory`` for a
    :class:`MemoryError`, else ``io-error``."""
    if isinstance(reason, MemoryError):
        return "out-of-memory"
    if isinstance(reason, OSError) and reason.errno:
        return _ERRNO.get(reason.errno, ("io-error",))[0]
    return "io-error"


@dataclass(frozen=True, slots=True, order=True)
class ErrorLine:
    """One input problem.

    Attributes:
        file: path as given on the command line (or relative to the project root).
        line: 1-based line in ``file``; 0 when the problem concerns the whole file.
        claim: claim (or check/waiver) id concerned, or ``""``.
        field: dotted field path ("value", "measure.period", "checks[2].total"), or ``""``.
        message: what is wrong and what was expected.
        code: the stable code of the problem (a key of :data:`numclaims.codes.CODES`), printed in brackets
            at the end of the line.
    """

    file: str
    line: int
    claim: str
    field: str
    message: str
    code: str

    def __str__(self) -> str:
        return tag(self.untagged(), self.code)  # the code survives a cut message

    def untagged(self) -> str:
        """The line without its ``[code]``: ``file:line: claim <id>: <field>: <message>``, on one line."""
        parts = [f"{self.file}:{self.line}"]
        if self.claim:
            parts.append(f"claim {self.claim}")
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return one_line(": ".join(parts))


class InputErrors(Exception):
    """Raised with every :class:`ErrorLine` found in one input; ``str()`` gives one line per error."""

    def __init__(self, errors: list[ErrorLine]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))
