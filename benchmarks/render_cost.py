"""What rendering and staging every report file costs per article, part by part, on one core.

Run from the repository root::

    python benchmarks/render_cost.py                      # 1,000 articles (10,000 claims) in /tmp
    python benchmarks/render_cost.py --articles 300 --rounds 5
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/render_cost.py --only stage --articles 40
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/render_cost.py --only none --articles 40

It writes the corpus of ``benchmarks/scale.py`` (10 claims and 10 checks per article), checks every
article in this process (:func:`numclaims.runner.check_one`), renders one article to warm up (template
compiled, memos filled as in a worker), then prints the CPU microseconds per article (best of
``--rounds``, ``time.process_time``) of:

* ``check_one`` (the engine; nothing rendered) and ``stage_one`` (the engine, then the four report files
  rendered and written to a staging folder: one worker's work per article); their difference is what
  rendering and staging cost;
* each part of :func:`numclaims.report.render_reports` over the same articles: the clean results with
  results.json (one walk), the shared view (:func:`numclaims.report.build_view`), report.md, report.html
  (with claimreview.json's text) and the whole of ``render_reports``.

With ``--only PART`` it runs that part once over the articles and prints nothing: for instruction counts
under ``valgrind --tool=callgrind``, where the count of ``--only none`` (the same set-up, no part) is taken
off and the rest divided by ``--articles``. Instruction counts do not move with the machine's load.

It prints figures only; nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import make_corpus  # noqa: E402 - the benchmark folder is not a package

from numclaims import report as R  # noqa: E402
from numclaims.markdown import render_markdown  # noqa: E402
from numclaims.results import clean, clean_and_dumps, dumps, json_text  # noqa: E402
from numclaims.runner import check_one, stage_one  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, time each part (or run one with ``--only``); returns 0."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=1000, help="articles to time (10 claims each)")
    ap.add_argument("--rounds", type=int, default=3, help="best of this many rounds")
    ap.add_argument("--only", choices=("none", "check", "stage", "results_json", "view", "md", "html", "render"),
                    help="run this part once over the articles, print nothing (for callgrind)")
    args = ap.parse_args(argv)
    base = Path(tempfile.mkdtemp(prefix="numclaims-render-"))
    try:
        files = [str(f) for f in make_corpus(base, (args.articles + 1) * 10)]
        root = str(base)
        staging = tempfile.mkdtemp(dir=base)
        res = [check_one(f, root)[1] for f in files]
        cfg = R.load_config(base)
        ref = R._reference(base)
        srcs = [R.source_text_for(r.source.id, base) for r in res]
        cleaned = [clean_and_dumps(r)[0] for r in res]  # typed results, integral floats as ints
        views = [R.build_view(c, s, [], cfg, ref) for c, s in zip(cleaned, srcs)]
        claimreviews = [json_text(v["claimreview"]) for v in views]
        stage_one(files[0], root, staging, False)  # warm-up: the template compiled, the memos filled
        items = range(1, len(files))
        both = getattr(sys.modules["numclaims.results"], "clean_and_dumps", None)
        parts: dict[str, Callable[[int], Any]] = {
            "none": lambda i: None,
            "check": lambda i: check_one(files[i], root),
            "stage": lambda i: stage_one(files[i], root, staging, False),
            # one walk where results.clean_and_dumps exists; clean() then dumps() in the code before it
            "results_json": lambda i: (both(res[i]) if both else (clean(res[i]), dumps(res[i]))),
            "view": lambda i: R.build_view(cleaned[i], srcs[i], [], cfg, ref),
            "md": lambda i: render_markdown(views[i]),
            "html": lambda i: R.render_html(views[i], claimreviews[i]),
            "render": lambda i: R.render_reports(res[i], base, cfg),
        }
        if args.only:
            for i in items:
                parts[args.only](i)
            return 0
        load = os.getloadavg()[0]
        print(f"python {sys.version.split()[0]}, load average {load:.1f} at start; {len(items):,} articles "
              f"(10 claims, 10 checks each) in {tempfile.gettempdir()}; CPU microseconds per article, best of "
              f"{args.rounds}")
        best: dict[str, float] = {}
        for name in ("check", "stage", "results_json", "view", "md", "html", "render"):
            for _ in range(args.rounds):
                t = time.process_time()
                for i in items:
                    parts[name](i)
                dt = (time.process_time() - t) / len(items) * 1e6
                best[name] = min(best.get(name, dt), dt)
        words = {"check": "check_one (engine only)", "stage": "stage_one (engine, render, stage)",
                 "results_json": "clean results + results.json", "view": "shared view (build_view)",
                 "md": "report.md", "html": "report.html", "render": "render_reports (all four texts)"}
        for name, us in best.items():
            print(f"  {words[name]:36s} {us:8.0f} us")
        print(f"  {'rendering and staging (stage - check)':36s} {best['stage'] - best['check']:8.0f} us; "
              f"load average {os.getloadavg()[0]:.1f} at the end")
    finally:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
