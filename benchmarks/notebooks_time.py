"""Wall time of executing every notebook for the seed article, as ``numclaims notebooks`` does.

Run from the repository root::

    python benchmarks/notebooks_time.py            # 2 notebooks at a time (the command's default)
    python benchmarks/notebooks_time.py --jobs 1   # one after another

The notebooks, claims, datasets and the seed's results.json are copied to a temporary folder and executed
there with papermill (one kernel per notebook, cwd = notebooks/), so the working tree is not touched. It
prints the wall time of the whole run and of each notebook's job; the target is under 30 s on the 2-core
machine of the project (a busy machine gives longer times: run it alone). Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"


def copy_project(dest: Path, article: str) -> Path:
    """A copy of what the notebooks read (claims/, datasets/, notebooks/*.ipynb, the article's
    results.json) under ``dest``; returns the copy's root."""
    root = dest / "project"
    shutil.copytree(ROOT / "claims", root / "claims")
    shutil.copytree(ROOT / "datasets", root / "datasets")
    (root / "notebooks").mkdir(parents=True)
    for nb in (ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"):
        shutil.copy2(nb, root / "notebooks" / nb.name)
    (root / "reports" / article).mkdir(parents=True)
    shutil.copy2(ROOT / "reports" / article / "results.json", root / "reports" / article / "results.json")
    return root


def main(argv: list[str] | None = None) -> int:
    from numclaims.commands.notebooks import _execute_all, notebook_paths

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--jobs", "-j", type=int, default=2, help="notebooks at a time (default 2)")
    ap.add_argument("--article", default=SEED, help=f"article id (default {SEED})")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="numclaims-bench-") as tmp:
        root = copy_project(Path(tmp), args.article)
        nbs = notebook_paths(root)
        jobs = [(args.article, nb) for nb in nbs]
        t0 = time.perf_counter()
        failed = 0
        for (a, nb), err in _execute_all(root, jobs, "python3", args.jobs):
            print(f"  {nb.name:24s} done at {time.perf_counter() - t0:6.1f} s" + (f"  FAILED: {err}" if err else ""))
            failed += bool(err)
        wall = time.perf_counter() - t0
    print(f"{len(nbs)} notebooks for {args.article}, {args.jobs} at a time: {wall:.1f} s wall "
          f"(target < 30 s){'' if not failed else f'; {failed} failed'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
