"""Where a first run's CPU goes besides the check engine: the parent, the workers, and the file system.

Run from the repository root::

    python benchmarks/outside_engine.py                  # a 10,000-claim corpus in a temporary folder
    python benchmarks/outside_engine.py --claims 30000 --reports all
    python benchmarks/outside_engine.py --timeline       # and when the parent reached each step

It writes the corpus of ``benchmarks/scale.py`` (10 claims and 10 checks per article), then:

1. runs ``numclaims check --quiet --reports json --jobs 2`` (``--reports``, ``--jobs``) from cold in a
   fresh process, and prints the CPU seconds of that process (the parent: start-up, imports, the pool's
   threads, publishing, the cache) and of its workers, each split into user and system time
   (``resource.getrusage``), with wall time; with ``--timeline``, when that run's parent reached each
   step (wall and its own CPU seconds since it started): imports and set-up done, the pool started, the
   first and the last result received, the workers and the cross-file rules done, published, the cache
   saved, ``main`` returned (the serial parts of a run are before the first result and after the last);
2. runs it again with the reports and the cache in place (nothing changed: every article answered from
   ``.numclaims-cache/``) and prints that run's CPU seconds;
3. in this process on one core, the CPU seconds of :func:`numclaims.runner.check_one` over every file (the
   engine: reading, anchoring, checking, coverage; nothing written), after one warm-up file;
4. the CPU seconds of making, in a new folder beside the corpus, as many folders each holding one 9 kB
   file as the corpus has articles (the file system calls of staging results.json, without numclaims):
   a first run creates at least that many files and folders, whatever the code around them costs.

With ``--only check|stage --corpus DIR --files N`` it runs only the engine (``check_one``) or the worker's
whole path (``stage_one``: check, render, stage) over N files of a kept corpus, printing nothing: run it
under ``valgrind --tool=callgrind`` with N and with 0 and divide the difference by N for the instructions
per article.

It prints figures only; nothing here is a test.
"""

from __future__ import annotations

import argparse
import glob
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import create_cpu, make_corpus  # noqa: E402 - the benchmark folder is not a package

def run_check(root: Path, reports: str, jobs: int, cold: bool = True,
              timeline: bool = False) -> tuple[tuple[float, ...], list[str]]:
    """``numclaims check`` from cold (``cold``: no reports, no cache; else as the last run left them) in a
    fresh process (this script's ``--self`` run, which calls ``numclaims.cli.main`` and reads its own CPU
    figures); returns ((wall s, parent user, parent sys, all user, all sys), timeline lines), where "all"
    is the parent with its workers and the lines are those of :func:`_marks` (with ``timeline``)."""
    if cold:
        for d in ("reports", ".numclaims-cache"):
            shutil.rmtree(root / d, ignore_errors=True)
    cmd = [sys.executable, __file__, "--self", str(root), "--reports", reports, "--jobs", str(jobs)]
    out = subprocess.run(cmd + (["--timeline"] if timeline else []), capture_output=True, text=True,
                         check=True).stdout.splitlines()
    return tuple(float(x) for x in out[-1].split()), out[:-1]


def _marks() -> list[tuple[str, float, float]]:
    """Hooks on the parent's steps of a run (``numclaims.runner`` and ``numclaims.cache``, wrapped in this
    process only): each appends ``(step, wall s, parent CPU s)`` since this process started to the list
    returned, for ``--timeline``."""
    import multiprocessing.pool

    from numclaims import cache, runner

    marks: list[tuple[str, float, float]] = []

    def mark(name: str) -> None:
        marks.append((name, time.perf_counter() - _T0, time.process_time()))

    def around(owner, name: str, before: str, after: str) -> None:
        fn = getattr(owner, name)

        def wrapped(*args, **kwargs):
            mark(before)
            try:
                return fn(*args, **kwargs)
            finally:
                mark(after)
        setattr(owner, name, wrapped)

    around(runner, "check_corpus", "imports and set-up done (check_corpus)", "workers done, cross-file rules done")
    around(multiprocessing.pool.Pool, "imap", "pool started, first tasks sent", "pool started, first tasks sent")
    around(runner, "slim_results", "first result received", "last result received")
    around(runner, "commit_staged", "publishing (commit_staged)", "published")
    around(cache.CheckCache, "save", "cache entries recorded, saving", "cache saved")
    return marks


_T0 = time.perf_counter()


def _self(root: str, reports: str, jobs: int, timeline: bool) -> None:
    """The ``--self`` run: ``numclaims check`` in this process; prints the ``--timeline`` lines (the
    first and last time each step was reached), then wall seconds, this process's user and system CPU,
    then this process's plus its workers'."""
    marks = _marks() if timeline else []
    from numclaims.cli import main

    rc = main(["check", "--quiet", "--root", root, "--reports", reports, "--jobs", str(jobs)])
    dt = time.perf_counter() - _T0
    s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    if rc != 0:
        raise SystemExit(f"numclaims check exited with {rc}")
    seen: dict[str, tuple[float, float]] = {}
    for name, wall, cpu in marks:  # first time for a step's start, last time for its end
        if name not in seen or name.startswith(("last", "workers", "published", "cache")):
            seen[name] = (wall, cpu)
    for name, (wall, cpu) in sorted(seen.items(), key=lambda kv: kv[1]):
        print(f"    {wall:7.3f} s wall, parent CPU {cpu:6.3f} s: {name}")
    print(f"    {dt:7.3f} s wall, parent CPU {s.ru_utime + s.ru_stime:6.3f} s: numclaims.cli.main returned")
    print(dt, s.ru_utime, s.ru_stime, s.ru_utime + c.ru_utime, s.ru_stime + c.ru_stime)


def engine_cpu(root: Path) -> float:
    """CPU seconds of :func:`numclaims.runner.check_one` over every claims file of ``root``, one core."""
    from numclaims.runner import check_one

    files = sorted(glob.glob(str(root / "claims" / "*.yaml")))
    check_one(files[0], str(root))
    t = time.process_time()
    for f in files:
        check_one(f, str(root))
    return time.process_time() - t


def only(root: Path, part: str, reports: str, n: int) -> None:
    """:func:`numclaims.runner.check_one` (``part="check"``) or :func:`numclaims.runner.stage_one` (into a
    temporary staging folder, removed after) over files 4 to ``n + 3`` of ``root``, after the first 3."""
    from numclaims.runner import check_one, stage_one

    files = sorted(glob.glob(str(root / "claims" / "*.yaml")))
    staging = tempfile.mkdtemp(prefix="outside-only-", dir=root)
    try:
        for f in files[:3 + n]:
            if part == "stage":
                stage_one(f, str(root), staging, keep=False, reports=reports)
            else:
                check_one(f, str(root))
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Write the corpus, print the three measurements; returns 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=10_000, help="claims in the corpus (10 per article)")
    ap.add_argument("--reports", choices=("json", "all"), default="json")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", type=Path, default=None, help="write the corpus here and keep it")
    ap.add_argument("--self", dest="self_root", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--timeline", action="store_true",
                    help="also print when the first run's parent reached each step (wall and its CPU seconds "
                         "since it started): imports, first tasks, first and last result, publishing, cache")
    ap.add_argument("--only", choices=("check", "stage"), default=None,
                    help="with --corpus: run only check_one, or stage_one (--reports), over --files files after "
                         "3 warm-up files, in this process, printing nothing (for callgrind: subtract --files 0)")
    ap.add_argument("--corpus", type=Path, default=None, help="an existing corpus (scale.py --keep) for --only")
    ap.add_argument("--files", type=int, default=40)
    args = ap.parse_args(argv)
    if args.self_root is not None:
        _self(args.self_root, args.reports, args.jobs, args.timeline)
        return 0
    if args.only is not None:
        if args.corpus is None:
            ap.error("--only needs --corpus")
        only(args.corpus, args.only, args.reports, args.files)
        return 0
    where = args.keep or Path(tempfile.gettempdir())
    where.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix=f"numclaims-outside-{args.claims}-", dir=where))
    try:
        files = make_corpus(root, args.claims)
        print(f"python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f} at start; "
              f"{args.claims:,} claims, {len(files):,} articles in {where}; "
              f"numclaims check --reports {args.reports} --jobs {args.jobs}, from cold")
        (wall, pu, ps, au, as_), lines = run_check(root, args.reports, args.jobs, timeline=args.timeline)
        print(f"  wall {wall:.2f} s; CPU: parent {pu + ps:.2f} s (user {pu:.2f}, sys {ps:.2f}), "
              f"workers {au - pu + as_ - ps:.2f} s (user {au - pu:.2f}, sys {as_ - ps:.2f}), "
              f"all {au + as_:.2f} s")
        for line in lines:
            print(line)
        (rwall, _, _, ru, rs), _ = run_check(root, args.reports, args.jobs, cold=False)
        print(f"  re-run, nothing changed: wall {rwall:.2f} s; CPU {ru + rs:.2f} s (user {ru:.2f}, sys {rs:.2f}; "
              f"every article from the cache)")
        eng = engine_cpu(root)
        print(f"  check_one over every file, in one process: {eng:.2f} s CPU; outside it: "
              f"{au + as_ - eng:.2f} s CPU")
        cu, cs = create_cpu(where, len(files))
        print(f"  {len(files):,} folders with one 9 kB file each, made in {where}: {cu + cs:.2f} s CPU "
              f"(user {cu:.2f}, sys {cs:.2f}); {(cu + cs) / len(files) * 1e6:.0f} us per folder and file")
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
