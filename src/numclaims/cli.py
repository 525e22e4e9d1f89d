"""The ``numclaims`` command line: one sub-command per module in :mod:`numclaims.commands`.

Built on argparse (standard library, starts fast: ``numclaims --help`` imports no pandas or matplotlib)
with rich for tables and progress bars, imported only by the commands that print them.

Exit status: 0 success; 1 findings under ``--strict`` or a stale report under ``report --check``;
2 invalid input (one line per error on stderr, no traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: sub-command name -> module with ``register(subparsers)`` and ``run(args) -> int``.
COMMANDS = {
    "check": "numclaims.commands.check",
    "extract": "numclaims.commands.extract",
    "new": "numclaims.commands.new",
    "suggest": "numclaims.commands.suggest",
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
    from . import __version__

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
    import re

    return re.sub(r":[a-z]+:`~?([^`]+)`", r"\1", text).replace("``", "")


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
