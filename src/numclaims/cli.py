"""The ``numclaims`` command line: one sub-command per module in :mod:`numclaims.commands`.

Built on argparse (standard library, starts fast: ``numclaims --help`` imports no pandas or matplotlib)
with rich for tables and progress bars, imported only by the commands that print them.

Exit status (docs/faults.md): 0 success; 1 findings under ``--strict`` or a stale report under
``report --check``; 2 invalid input (one line per error on stderr, no traceback); 3 an environment fault
(a file or folder that cannot be read or written, a full disk, a read-only file system: one line naming
the path and the reason, nothing published half); 70 an internal error (one line; ``NUMCLAIMS_DEBUG=1``
shows the traceback); 130 interrupted by SIGINT (Ctrl-C), 143 ended by SIGTERM (both: worker processes
ended, staging removed, nothing published half).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys

from . import __version__

#: sub-command name -> module with ``register(subparsers)`` and ``run(args) -> int``.
COMMANDS = {
    "check": "numclaims.commands.check",
    "extract": "numclaims.commands.extract",
    "new": "numclaims.commands.new",
    "report": "numclaims.commands.report",
    "review": "numclaims.commands.review",
    "notebooks": "numclaims.commands.notebooks",
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered."""
    p = argparse.ArgumentParser(
        prog="numclaims",
        description="Fact-check the numbers in news reporting: claims as records, intervals, checks, reports.",
    )

    p.add_argument("--version", action="version", version=f"numclaims {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name, mod in COMMANDS.items():
        importlib.import_module(mod).register(sub)
    for sp in sub.choices.values():  # the commands' descriptions come from docstrings: show them as text
        sp.description = plain(sp.description)
        for action in sp._actions:
            action.help = plain(action.help)
    return p


def plain(text: str | None) -> str | None:
    """Docstring markup as plain text for ``--help``: ``:func:`numclaims.x.y``` -> ``numclaims.x.y``,
    double backquotes dropped. None stays None."""
    if not text:
        return text

    return re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", text).replace("``", "")


class Terminated(BaseException):
    """Raised in the main thread by SIGTERM, so that it unwinds like Ctrl-C's KeyboardInterrupt (worker
    processes ended, staging folders removed by the ``finally`` blocks on the way)."""


def _on_sigterm(signum, frame):  # noqa: ARG001
    raise Terminated()


def _install_signals() -> dict:
    """SIGTERM raises :class:`Terminated`; SIGXFSZ (a write over ``ulimit -f``) is ignored so that the write
    fails with EFBIG, reported as an environment fault, instead of killing the process. Returns the
    previous handlers (restored when :func:`main` returns). Only in the main thread."""
    import signal
    import threading

    old: dict = {}
    if threading.current_thread() is not threading.main_thread():
        return old
    old[signal.SIGTERM] = signal.signal(signal.SIGTERM, _on_sigterm)
    if hasattr(signal, "SIGXFSZ"):
        old[signal.SIGXFSZ] = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    return old


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status (see the module docstring).

    Nothing but ``SystemExit`` (``--help``, argparse's usage errors, exit 2) leaves it: every exception is
    one line on stderr (:func:`numclaims.errors.fault_line`)."""
    import os
    import signal

    from .errors import EXIT_ENVIRONMENT, EXIT_INTERNAL, EXIT_SIGINT, EXIT_SIGTERM, Fault, fault_line

    old = _install_signals()
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "command", None):
            parser.print_help()
            return 2
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_SIGINT
    except Terminated:
        print("terminated", file=sys.stderr)
        return EXIT_SIGTERM
    except BrokenPipeError:
        return 0
    except (Fault, OSError, MemoryError, RecursionError) as e:
        _print_line(fault_line(e))
        return EXIT_ENVIRONMENT
    except Exception as e:
        if os.environ.get("NUMCLAIMS_DEBUG"):
            raise
        _print_line(fault_line(e))
        return EXIT_INTERNAL
    finally:
        for sig, handler in old.items():
            signal.signal(sig, handler)


def _print_line(line: str) -> None:
    try:
        print(line, file=sys.stderr)
    except OSError:
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
