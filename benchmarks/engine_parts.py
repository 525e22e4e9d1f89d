"""What :func:`numclaims.runner.check_one` costs per article, and its parts, in CPU microseconds on one core.

Run from the repository root::

    python benchmarks/engine_parts.py                 # the 10,000-claim corpus of benchmarks/scale.py
    python benchmarks/engine_parts.py --claims 2000
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/engine_parts.py --only check --articles 100
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/engine_parts.py --only none --articles 100
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/engine_parts.py --only checks --articles 100
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/engine_parts.py --only setup --articles 100

It writes the corpus of ``benchmarks/scale.py`` (10 claims and 10 checks per article) in a temporary folder,
checks every file once (warm-up), then prints, best of three passes over every file, the CPU time per
article (``time.process_time``) of:

* ``check_one`` (load, validate, anchor, check, coverage: what a worker does before rendering);
* its parts, each over the same files or over the articles loaded once: ``load_article`` and, inside it,
  the fast YAML reader (its pre-scan alone too) and the pydantic validation; ``build_context``; the checks
  (``run_check`` of every check record); the coverage (``coverage_for``); ``results_for`` (context,
  checks, coverage and building the typed results).

The parts are timed with the loaded articles held in memory and the garbage collector's older objects
frozen (``gc.freeze``), so that the collector's passes over them do not land in one part; ``check_one``
is timed as a worker runs it. With ``--only check`` it checks ``--articles`` files once, after a warm-up on
five others, and prints nothing: for instruction counts under callgrind, where the count of ``--only
none`` (the same set-up and warm-up, nothing more checked) is taken away and the difference divided by
the articles. The parts one by one, the same way: ``--only setup`` warms up on five files, then loads
``--articles`` others and builds their contexts; ``--only load``, ``context``, ``checks`` and ``coverage``
do the same and then, once, the part: ``load_article`` of as many files not loaded yet, ``build_context``,
``run_check`` of every check record (on the contexts as built, nothing remembered in them yet) or
``coverage_for`` of the loaded articles, after a collection and ``gc.freeze`` as for the timed parts;
the count of ``--only setup`` is taken away (run with ``PYTHONHASHSEED=0`` for counts that repeat). It
prints figures only; nothing here is a test.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import make_corpus  # noqa: E402 - the benchmark folder is not a package


def per_article(fn, items, reps: int = 3) -> float:
    """Best of ``reps`` passes of ``fn`` over ``items``: CPU microseconds per item."""
    best = float("inf")
    for _ in range(reps):
        t = time.process_time()
        for x in items:
            fn(x)
        best = min(best, time.process_time() - t)
    return best / len(items) * 1e6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=int, default=10000, help="claims in the corpus (10 per article)")
    ap.add_argument("--only", choices=("check", "none", "setup", "load", "context", "checks", "coverage"),
                    help="check --articles files once after a warm-up (or, after a set-up, run one part once), "
                    "print nothing (for callgrind)")
    ap.add_argument("--articles", type=int, default=100, help="files checked by --only check")
    args = ap.parse_args()
    from numclaims import engine, fastyaml, loader
    from numclaims.checks import run_check
    from numclaims.claimsfile import ClaimsFile
    from numclaims.coverage import coverage_for
    from numclaims.runner import check_one

    base = Path(tempfile.mkdtemp(prefix="numclaims-engine-"))
    try:
        files = make_corpus(base, args.claims)
        root = str(base)
        if args.only is not None:
            for f in files[:5]:
                check_one(str(f), root)
            if args.only == "check":
                for f in files[5:5 + args.articles]:
                    check_one(str(f), root)
            elif args.only != "none":  # the set-up of the parts, then the part asked for
                hooks = engine.input_hooks(base)
                arts = [loader.load_article(f, base, extra_checks=hooks) for f in files[5:5 + args.articles]]
                ctxs = [engine.build_context(a, {}) for a in arts]
                gc.collect()  # as for the timed parts: no pass of the collector over the set-up in the part
                gc.freeze()
                if args.only == "load":
                    for f in files[5 + args.articles:5 + 2 * args.articles]:
                        loader.load_article(f, base, extra_checks=hooks)
                elif args.only == "context":
                    for a in arts:
                        engine.build_context(a, {})
                elif args.only == "checks":
                    for a, ctx in zip(arts, ctxs):
                        for spec in a.data.checks:
                            run_check(spec, ctx)
                elif args.only == "coverage":
                    for a in arts:
                        coverage_for(a)
            return
        for f in files:
            check_one(str(f), root)  # warm-up: imports, compiled patterns, remembered readings
        figures = {"check_one": per_article(lambda f: check_one(str(f), root), files)}
        texts = [f.read_text(encoding="utf-8") for f in files]
        arts = [loader.load_article(f, base, extra_checks=engine.input_hooks(base)) for f in files]
        ctxs = [engine.build_context(a, {}) for a in arts]
        data = [fastyaml.load_fast(t) for t in texts]
        gc.collect()
        gc.freeze()
        hooks = engine.input_hooks(base)
        figures["  load_article"] = per_article(lambda f: loader.load_article(f, base, extra_checks=hooks), files)
        figures["    fast YAML reader (read_claims_fast)"] = per_article(fastyaml.read_claims_fast, texts)
        figures["      its pre-scan (_suspect, _flow_traps)"] = per_article(
            lambda t: fastyaml._suspect(t) or fastyaml._flow_traps(t), texts)
        figures["    pydantic validation"] = per_article(ClaimsFile.model_validate, data)
        figures["  build_context"] = per_article(lambda a: engine.build_context(a, {}), arts)
        figures["  checks (run_check of every record)"] = per_article(
            lambda ac: [run_check(s, ac[1]) for s in ac[0].data.checks], list(zip(arts, ctxs)))
        figures["  coverage (coverage_for)"] = per_article(coverage_for, arts)
        figures["  results_for"] = per_article(lambda a: engine.results_for(a, {}), arts)
        gc.unfreeze()
    finally:
        shutil.rmtree(base, ignore_errors=True)
    print(f"python {sys.version.split()[0]}, {len(files):,} articles of 10 claims and 10 checks, "
          f"load average {os.getloadavg()[0]:.1f}; CPU microseconds per article, best of 3, one core")
    for name, us in figures.items():
        print(f"{name:44s} {us:8.1f} us")


if __name__ == "__main__":
    main()
