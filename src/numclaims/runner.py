"""Checking a corpus of claims files: per-file work, cross-file rules, printing and writing outputs."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from .errors import ErrorLine, InputErrors


@dataclass
class Outcome:
    """Results of the valid articles (in file order), every input error, and the invalid files."""

    results: list[dict[str, Any]] = field(default_factory=list)
    errors: list[ErrorLine] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)


def check_one(path: str, root: str) -> tuple[str, dict[str, Any] | None, dict[str, int], list[ErrorLine]]:
    """Check one file; never raises for input errors. Returns ``(path, results or None, lines, errors)``.

    A plain picklable function: the unit of work for process pools and distributed schedulers.
    """
    from .engine import check_file

    try:
        res, lines = check_file(path, root)
        return path, res, lines, []
    except InputErrors as e:
        return path, None, {}, list(e.errors)


def check_corpus(files: Iterable[Path], root: Path,
                 mapper: Callable[..., Iterable[tuple]] | None = None) -> Outcome:
    """Check every file (with ``mapper(check_one, paths, roots)``, default the built-in ``map``) and apply
    the cross-file rules: a claim id defined in two files is an error in both (no report is written for
    either), and two files may not claim the same article id."""
    from .loader import display_path

    paths = [str(p) for p in files]
    m = mapper or map
    per = list(m(check_one, paths, [str(root)] * len(paths)))
    out = Outcome()
    first: dict[str, tuple[str, int]] = {}
    articles: dict[str, str] = {}
    bad: set[str] = set()
    for path, res, lines, errs in per:
        disp = display_path(Path(path), root)
        if errs:
            out.errors.extend(errs)
            bad.add(path)
            continue
        if res["article"] in articles:
            out.errors.append(ErrorLine(disp, 1, "", "article",
                                        f"article id {res['article']!r} is also used by {articles[res['article']]}"))
            bad.add(path)
        articles.setdefault(res["article"], disp)
        for c in res["claims"]:
            if c["id"] in first and first[c["id"]][0] != disp:
                f0, l0 = first[c["id"]]
                out.errors.append(ErrorLine(disp, lines.get(c["id"], 0), c["id"], "id",
                                            f"duplicate claim id: also defined at {f0}:{l0}"))
                bad.add(path)
                bad.add(next(p for p, *_ in per if display_path(Path(p), root) == f0))
            else:
                first.setdefault(c["id"], (disp, lines.get(c["id"], 0)))
    for path, res, *_ in per:
        if res is not None and path not in bad:
            out.results.append(res)
    out.invalid = sorted(display_path(Path(p), root) for p in bad)
    return out


def print_errors(errors: list[ErrorLine]) -> None:
    """One line per error on stderr, sorted by file and line."""
    for e in sorted(set(errors)):
        print(str(e), file=sys.stderr)


def _iv_text(c: dict[str, Any]) -> str:
    lo, hi = c["interval"]
    if c["unit"] == "date":
        return f"{lo} .. {hi}"
    lc, hc = c.get("interval_closed", [True, True])
    f = lambda x: f"{x:,.6g}" if isinstance(x, float) and not x.is_integer() else f"{int(x):,}"
    return f"{'[' if lc else '('}{'-inf' if lo is None else f(lo)}, {'+inf' if hi is None else f(hi)}{']' if hc else ')'}"


def print_table(results: list[dict[str, Any]]) -> None:
    """A table per article: claim, as written, interval, and the verdicts of the checks it takes part in."""
    from rich.console import Console
    from rich.table import Table

    colours = {"consistent": "green", "tension": "yellow", "inconsistent": "bold red", "unverifiable": "magenta"}
    console = Console(width=160, highlight=False)
    for res in results:
        t = Table(title=f"{res['article']} ({res['source']['published']})", title_justify="left")
        for col in ("claim", "as written", "unit", "interval", "verdicts"):
            t.add_column(col, overflow="fold")
        by_claim: dict[str, list[str]] = {}
        for ch in res["checks"]:
            for cid in ch["claims"]:
                by_claim.setdefault(cid, []).append(f"[{colours[ch['verdict']]}]{ch['verdict']}[/] ({ch['id']})")
        from rich.markup import escape

        for c in res["claims"]:
            t.add_row(c["id"], escape(c["text"]), c["unit"], _iv_text(c), "\n".join(by_claim.get(c["id"], ["-"])))
        console.print(t)


def write_outputs(results: list[dict[str, Any]], root: Path) -> list[Path]:
    """Write ``results.json`` and ``report.md`` of each article atomically; returns the paths written."""
    from .atomic import write_atomic
    from .markdown import render_markdown
    from .paths import report_dir
    from .results import dumps

    written = []
    for res in results:
        d = report_dir(root, res["article"])
        files = {d / "results.json": dumps(res), d / "report.md": render_markdown(res)}
        for p, text in files.items():
            write_atomic(p, text)
            written.append(p)
    return written
