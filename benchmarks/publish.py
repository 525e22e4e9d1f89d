"""Publish benchmark: what publishing an article's report folder as one unit costs.

Run from the repository root::

    python benchmarks/publish.py              # 400 articles
    python benchmarks/publish.py --articles 2000

In a temporary folder it makes ``--articles`` report folders of four files (the sizes of the fixture
article's ``results.json``, ``report.md``, ``report.html`` and ``claimreview.json``, about 40 KB together)
and a ``figures/`` folder of two SVG files each, then times, for every folder, replacing its four files
with new staged ones:

* ``per-file replace``: four ``os.replace`` calls, the way reports were published before (a reader, or a
  crash, can see two files new and two old);
* ``publish_folder``: :func:`numclaims.publish.publish_folder` with ``sync=False``, as ``numclaims check``
  calls it (new folder, files moved in, figures hard-linked, one ``renameat2(RENAME_EXCHANGE)``, old folder
  removed);
* ``publish_folder, synced``: the same with an fsync of every file and folder, as ``numclaims report``
  calls it.

It prints milliseconds per article; nothing here is a test. The machine's other work shows in the
figures: run it twice.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from numclaims.publish import publish_folder  # noqa: E402

SIZES = {"results.json": 14_000, "report.md": 5_000, "report.html": 20_000, "claimreview.json": 2_000}


def _make(base: Path, n: int) -> list[Path]:
    folders = []
    for k in range(n):
        d = base / "reports" / f"article-{k}"
        (d / "figures").mkdir(parents=True)
        for name, size in SIZES.items():
            (d / name).write_bytes(b"o" * size)
        for f in ("01-a.svg", "02-b.svg"):
            (d / "figures" / f).write_bytes(b"<svg/>" * 500)
        folders.append(d)
    return folders


def _stage(base: Path, folders: list[Path]) -> list[dict[str, Path]]:
    staging = base / "staging"
    staging.mkdir(exist_ok=True)
    out = []
    for d in folders:
        files = {}
        for name, size in SIZES.items():
            p = staging / f"{d.name}.{name}"
            p.write_bytes(b"n" * size)
            files[name] = p
        out.append(files)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=400)
    n = ap.parse_args().articles
    with tempfile.TemporaryDirectory(prefix="numclaims-publish-", dir=".") as tmp:
        base = Path(tmp)
        folders = _make(base, n)
        for label in ("per-file replace", "publish_folder", "publish_folder, synced"):
            staged = _stage(base, folders)
            os.sync()
            t = time.perf_counter()
            for d, files in zip(folders, staged):
                if label == "per-file replace":
                    for name, p in files.items():
                        os.replace(p, d / name)
                else:
                    publish_folder(d, files, sync=label.endswith("synced"), skip_same=False)
            dt = time.perf_counter() - t
            print(f"{label:<24} {n} articles: {dt:7.3f} s, {1000 * dt / n:6.2f} ms per article")
        shutil.rmtree(base / "staging", ignore_errors=True)


if __name__ == "__main__":
    main()
