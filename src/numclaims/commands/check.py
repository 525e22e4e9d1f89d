"""``numclaims check [PATH ...] [--strict] [--jobs N] [--engine local|dask --scheduler ADDRESS]``: validate,
check, print a table, write results and reports.

Every claims file is loaded and checked; files with input errors print one line per error on stderr and
write nothing. For each valid article the report files (``reports/<id>/results.json``, ``report.md``,
``report.html``, ``claimreview.json``) are rendered by the workers into a staging folder and published
atomically once every file has been checked (:func:`numclaims.runner.commit_staged`); ``--reports json``
writes results.json only (the verdicts), leaving the other report files for ``numclaims report``. Claim ids
must be unique across all files checked together.

An article whose claims file, source files, figures, report files, reference data, configuration and
numclaims code are all unchanged since the last check is not checked again: its results come from
``.numclaims-cache/check.json`` (see :mod:`numclaims.cache`; ``--no-cache`` checks everything).

Articles are checked in parallel: ``--jobs N`` local processes (default: every core from 16 files on, else
1), or ``--engine dask --scheduler ADDRESS`` on a Dask cluster whose workers see the same files. A progress
bar is shown on stderr when it is a terminal and there are 16 files or more. Above
:data:`TABLE_MAX_ARTICLES` files only the findings (checks that are not consistent) are printed, not the
table of every claim, unless ``--table``."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from ..paths import REPORT_CHOICES, remember_folders

#: Above this many claims files the table is not printed (only the findings), unless ``--table``.
TABLE_MAX_ARTICLES = 20


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check every article under claims/ (or the files given)",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("paths", nargs="*", help="claims files or folders (default: claims/*.yaml)")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    p.add_argument("--strict", action="store_true", help="exit 1 when any check is inconsistent")
    p.add_argument("--quiet", "-q", action="store_true", help="print no table, only errors and the summary line")
    p.add_argument("--no-write", action="store_true", help="check only; write no results or reports")
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="worker processes (default: all cores for 16 files or more to check, else 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where per-article checks run: local processes, or a Dask cluster (needs numclaims[dask])")
    p.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask scheduler address for --engine dask (default: start a local cluster)")
    p.add_argument("--no-cache", action="store_true",
                   help="check every article again, even those unchanged since the last check")
    p.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    p.add_argument("--json", action="store_true",
                   help="print the results of every valid article on stdout as one JSON array of results.json "
                        "objects (docs/review-and-export.md); the table is not printed, the rest goes to stderr")
    p.add_argument("--reports", choices=REPORT_CHOICES, default="all",
                   help="report files to write: all (default: results.json, report.md, report.html, "
                        "claimreview.json) or json (results.json only, the verdicts; 'numclaims report' "
                        "renders the others later)")
    p.add_argument("--table", action="store_true",
                   help=f"print the table of every article even above {TABLE_MAX_ARTICLES} articles "
                        "(above that, only the findings are printed)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..runner import collector_paused

    # every claims file is named several times (cache key, provenance, error lines): each folder on the way
    # is resolved once for the run, in this process and in the workers it forks; the collector is paused
    # for the whole run (runner.collector_paused): after the workers end, publishing, the cache entries and
    # the summary lines of 10,000 articles otherwise trigger full collections of their results
    with remember_folders(), collector_paused():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from ..codes import tag
    from ..paths import claims_files, find_root
    from ..verdicts import VERDICTS
    from ..runner import (PARALLEL_MIN_FILES, check_corpus, commit_staged, dask_mapper,
                          local_mapper, placeholders, print_errors, print_findings, print_table)

    root = (args.root or find_root()).resolve()
    try:
        files = claims_files(root, args.paths)
    except OSError as e:  # a path that does not exist, or is not a regular file
        from ..errors import one_line

        print(tag(one_line(f"{e.filename}:0: {e.strerror}"), "file-unreadable"), file=sys.stderr)
        return 2
    if not files:
        where = ", ".join(str(p) for p in args.paths) if args.paths else str(root / "claims")
        print(tag(f"no claims files found in {where} (claims files are *.yaml or *.yml files)", "no-claims-files"),
              file=sys.stderr)
        return 2
    if args.jobs is not None and args.jobs < 1:
        print(tag(f"--jobs must be at least 1, got {args.jobs}", "bad-argument"), file=sys.stderr)
        return 2
    if args.engine == "dask":
        try:
            import distributed  # noqa: F401
        except ImportError:
            print(tag("--engine dask needs dask.distributed: pip install 'numclaims[dask]'", "missing-extra"), file=sys.stderr)
            return 2
        mapper = dask_mapper(args.scheduler)
    else:
        mapper = local_mapper(args.jobs)  # None: every core for many files to check, else this process
    staging = None
    if not args.no_write:
        from ..report import load_config

        try:
            load_config(root)  # fail early, before any worker renders a report with it
        except ValueError as e:
            print(tag(str(e), getattr(e, "code", "config-invalid")), file=sys.stderr)
            return 2
    cache = None
    if not args.no_write and not args.no_cache:
        from ..cache import CheckCache

        cache = CheckCache(root)  # before the staging folder: nothing to clean up if this fails
    if not args.no_write:
        # workers render the reports of each article into this folder; only those of valid articles are
        # renamed into reports/ (runner.commit_staged), the rest vanish with the folder
        # (named with this process id, so that the next run removes it when a SIGKILL left it behind)
        from ..paths import reports_folder
        from ..publish import sweep

        reports_folder(root)  # reports/ must be a real folder of the project, not a link out of it
        sweep(root)
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".numclaims-staging-{os.getpid()}-", dir=root))
        except OSError as e:
            from ..errors import Fault

            raise Fault(str(root), "cannot create the staging folder for the reports (nothing was written)",
                        e) from None
    # the table of 100,000 claims is megabytes no one reads: above TABLE_MAX_ARTICLES, the findings only
    table = not args.quiet and not args.json and (args.table or len(files) <= TABLE_MAX_ARTICLES)
    try:
        # a bar only where someone watches (stderr is a terminal) and the run is long enough to need one
        show = not args.no_progress and sys.stderr.isatty() and len(files) >= PARALLEL_MIN_FILES
        if show:
            from rich.console import Console
            from rich.progress import Progress

            with Progress(console=Console(stderr=True), transient=True) as bar:
                task = bar.add_task("checking", total=len(files))
                outcome = check_corpus(files, root, mapper=mapper, staging=staging, keep_results=args.json or table,
                                       progress=lambda n: bar.advance(task, n), cache=cache,
                                       reports=args.reports)
        else:
            outcome = check_corpus(files, root, mapper=mapper, staging=staging, keep_results=args.json or table,
                                   cache=cache, reports=args.reports)
        left = commit_staged(outcome.staged, root) if staging is not None else set()
        if cache is not None:
            for path, res, lines, finals, figures, written in outcome.fresh:
                # a folder left as it was keeps its files' own size and time: stated again by record
                cache.record(path, res, lines, [Path(f) for f in finals], figures,
                             None if finals and os.path.dirname(finals[0]) in left else written)
            cache.forget_missing()
            cache.save()
    finally:
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    print_errors(outcome.errors)
    if args.json:
        from ..results import json_text

        # the objects of results.json (cleaned the same way), in claims-file order; all other output to stderr
        print(json_text(outcome.results, allow_nan=False, integral_floats=True))
    else:
        if table:
            print_table(outcome.results)
        if not args.quiet:
            print_findings(outcome.results)
            if not table:
                print(f"(no table above {TABLE_MAX_ARTICLES} articles: --table prints it)")
    from ..coverage import print_coverage

    print_coverage(outcome.results, **({"stream": sys.stderr} if args.json else {}))
    todo = [(r.article, placeholders(r)) for r in outcome.results]
    for article, ids in todo:
        if ids:
            print(f"{article}: {len(ids)} claim(s) still have TODO placeholders in measure or attribution: "
                  + ", ".join(ids[:5]) + (" ..." if len(ids) > 5 else ""), file=sys.stderr)
    from ..draft import print_to_confirm

    print_to_confirm(outcome.results, **({"stream": sys.stderr} if args.json else {}))
    counts = {v: sum(getattr(r.summary.verdicts, v) for r in outcome.results) for v in VERDICTS}
    n_inc = counts["inconsistent"]
    # files answered from the cache are counted as checked: their results are those a new check would give
    unchanged = f" ({outcome.cached} unchanged since the last check: from .numclaims-cache/)" if outcome.cached else ""
    print(f"{len(outcome.results)} article(s) checked{unchanged}, {len(outcome.invalid)} invalid, "
          f"{sum(r.summary.checks for r in outcome.results)} checks: "
          + ", ".join(f"{n} {v}" for v, n in counts.items()),
          file=sys.stderr if args.quiet or args.json else sys.stdout)
    if outcome.invalid:
        return 2
    if args.strict and n_inc:
        return 1
    return 0
