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
    "suggest": "numclaims.commands.suggest",
    "report": "numclaims.commands.report",
    "review": "numclaims.commands.review",
    "notebooks": "numclaims.commands.notebooks",
    "export": "numclaims.commands.export",
    "import": "numclaims.commands.importcsv",
    "serve": "numclaims.commands.serve",
}


class ArgumentParser(argparse.ArgumentParser):
    """argparse's parser whose usage error is one line, ending with its error code like every other error
    line (``numclaims check: error: unrecognized arguments: --x; numclaims check --help lists the options
    [usage]``, :mod:`numclaims.codes`): argparse's usage block is not printed before it (``--help`` shows
    it)."""

    def error(self, message: str):
        from .codes import tag

        self.exit(2, tag(f"{self.prog}: error: {message}; {self.prog} --help lists the options", "usage") + "\n")

    def parse_args(self, args=None, namespace=None):
        """argparse's ``parse_args``; an argument no parser takes is the error of the command it follows
        (``numclaims check --bogus``: ``numclaims check: error: unrecognized arguments: --bogus; numclaims
        check --help lists the options``), not the top-level parser's, whose ``--help`` does not list it."""
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            (self.commands().get(getattr(ns, "command", None)) or self).error(
                "unrecognized arguments: " + " ".join(extras))
        return ns

    def commands(self) -> dict[str, argparse.ArgumentParser]:
        """``{command name: its parser}`` of this parser's sub-commands (empty without any)."""
        return next((a.choices for a in self._actions if isinstance(a, argparse._SubParsersAction)), {})


class HelpFormatter(argparse.HelpFormatter):
    """``--help`` text: each paragraph of a description wrapped on its own (argparse would run them all
    together), and ``* item`` lines kept as a list with a hanging indent."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        out = []
        for para in text.strip().split("\n\n"):
            lines = para.strip().splitlines()
            if lines and lines[0].lstrip().startswith("* "):
                items, cur = [], []
                for ln in lines:
                    if ln.lstrip().startswith("* ") and cur:
                        items.append(" ".join(cur))
                        cur = []
                    cur.append(ln.strip())
                items.append(" ".join(cur))
                out.append("\n".join(textwrap.fill(it[2:], width, initial_indent=indent + "* ",
                                                    subsequent_indent=indent + "  ", break_on_hyphens=False)
                                      for it in items))
            else:
                out.append(textwrap.fill(" ".join(ln.strip() for ln in lines), width, initial_indent=indent,
                                         subsequent_indent=indent, break_on_hyphens=False))
        return "\n\n".join(out)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered.

    Each command's ``--help`` description is its module docstring after the first paragraph (that paragraph
    is the usage line argparse prints anyway), shown as plain text (:func:`plain`), paragraph by paragraph
    (:class:`HelpFormatter`); nested commands (``review set``) get the same treatment."""
    p = ArgumentParser(
        prog="numclaims",
        description="Fact-check the numbers in news reporting: claims as records, intervals, checks, reports.",
        epilog="Run 'numclaims COMMAND --help' for a command's options; 'numclaims completion bash|zsh' prints a "
               "shell completion script. Exit status: 0 success; 1 findings under --strict or a stale report "
               "under report --check; 2 invalid input; 3 an environment fault (a file or folder that cannot be read "
               "or written); 70 an internal error; 130 interrupted (Ctrl-C); 143 terminated (SIGTERM).",
        formatter_class=HelpFormatter,
    )

    p.add_argument("--version", action="version", version=f"numclaims {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name, mod in COMMANDS.items():
        module = importlib.import_module(mod)
        module.register(sub)
        paras = [x for x in (module.__doc__ or "").split("\n\n") if x.strip()]
        if len(paras) > 1 and name != "review":  # review's paragraphs are split between review and review set
            sub.choices[name].description = "\n\n".join(paras[1:])
    _register_completion(sub)
    _plain_help(p)
    return p


def _plain_help(parser: argparse.ArgumentParser) -> None:
    """Apply :func:`plain` and :class:`HelpFormatter` to ``parser`` and every sub-command below it."""
    parser.formatter_class = HelpFormatter
    parser.description = plain(parser.description)
    for action in parser._actions:
        action.help = plain(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = plain(choice.help)
            for sp in dict.fromkeys(action.choices.values()):
                _plain_help(sp)


def _register_completion(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("completion", help="print a shell completion script (bash or zsh)",
                       description="Prints a completion script for every command and option, generated from "
                                   "this parser by shtab. Install it once:\n\n"
                                   "* bash: numclaims completion bash > ~/.local/share/bash-completion/completions/numclaims\n"
                                   "* zsh: numclaims completion zsh > ~/.zfunc/_numclaims (with fpath+=~/.zfunc before compinit)")
    p.add_argument("shell", choices=("bash", "zsh"), help="the shell to complete in")
    p.set_defaults(func=_completion)


def _completion(args: argparse.Namespace) -> int:
    """Print the completion script of ``args.shell``."""
    import shtab

    print(shtab.complete(build_parser(), shell=args.shell))
    return 0


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
        if not getattr(args, "command", None):  # `numclaims` alone: one line naming the commands
            parser.error(f"a command is required: {', '.join(parser.commands())}")
        root = getattr(args, "root", None)
        if root is not None and not os.path.isdir(root):  # every command's --root: one line, before any work
            from .codes import tag

            print(tag(f"{root}: no such folder (--root names the project folder, which holds claims/ and "
                      "datasets/)", "root-missing"), file=sys.stderr)
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
