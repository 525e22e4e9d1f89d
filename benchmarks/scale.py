"""Scale benchmark: synthetic corpora of 10,000 and 100,000 claims checked end to end, side by side.

Run from the repository root::

    python benchmarks/scale.py                   # 10,000 and 100,000 claims, 2 jobs
    python benchmarks/scale.py --claims 10000    # a quick look (targets scaled down linearly)
    python benchmarks/scale.py --per-article 100 # fewer, longer articles

For each size N it writes, into a temporary folder, N / 10 articles of 10 claims and 10 relations each
(``--per-article K``: N / K articles of K claims and K relations; each article with its own small source
text and metadata, so N claims and N checks in all), then runs ``numclaims check --quiet`` in a fresh
process for each of these (wall time, and user + sys CPU seconds of the run and its workers, from
``resource.getrusage`` of the children):

* first run, results.json only (``--reports json``, ``--jobs 2``), from cold: no reports, no cache;
* first run, every report file (``--jobs 2``), from cold;
* re-runs with the reports in place: nothing changed (every article answered from
  ``.numclaims-cache/``, see :mod:`numclaims.cache`), one claims file in 100 edited (a comment line
  appended, so those articles are checked again), and ``--no-cache`` (every article checked again;
  identical report files are not rewritten);
* first run, every report file, ``--jobs 1``: one core against two;
* the peak resident memory of the largest process of these runs (``ru_maxrss``; the parent and each worker
  are separate processes, so this is the largest of them, not their sum).

In this process on one core it also times the check engine alone (:func:`numclaims.runner.check_one`
over every file, nothing written; then :func:`numclaims.runner.stage_one`, which also renders and stages
the four report files) and the YAML parsing alone: every claims and metadata file read by the fast path
(:func:`numclaims.fastyaml.load_fast`), by the exact loader (:func:`numclaims.yamlio.load_yaml_text`) and
by PyYAML's stock ``CSafeLoader``, then the pydantic validation of the parsed claims files. No run that
reads and validates these files can finish faster than the fast path plus validation divided by the
number of cores (the "floor" row): nothing is checked, rendered or written in it.

It prints one table (a column per size), ``numclaims --help``'s start-up time, what the file system where
the corpora were charges for each new folder (``--keep DIR`` puts them elsewhere: a first run makes a folder
and a file per article, and some folders of a disk cost ten times others), how fast the machine is against
the one of README's figures (the stock loader's CPU time against :data:`REFERENCE_STOCK_PER_10K`), the
bound checking alone sets on the results.json run (its in-process CPU time over the cores), and each
target against its figure: for 100,000 claims and 100,000 checks on two cores, from cold, under 10 s writing results.json
for every article, under 30 s writing every report file, under 1 GiB, and a 100k/10k time ratio of at most
10.5 (10 when the cost is linear). It prints figures only; nothing here is a test.
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

#: claims (and relations) per article; ``--per-article`` changes it
PER_ARTICLE = 10
KINDS = ("part_whole", "agreement", "share_of_total", "sum")


DISTRICTS = ("north", "south", "east", "west", "central", "upper", "lower", "coastal", "highland")


def _letters(k: int) -> str:
    """``k`` written with letters (0 -> "aaa"), so that the only numerals of a text are its claims."""
    out = ""
    for _ in range(3):
        k, r = divmod(k, 26)
        out = chr(97 + r) + out
    return out + ("" if k == 0 else _letters(k))


def _districts(n: int) -> list[str]:
    """``n`` district names without digits: the nine of :data:`DISTRICTS`, then ``sector-aab`` ..."""
    return [DISTRICTS[i] if i < len(DISTRICTS) else f"sector-{_letters(i)}" for i in range(n)]


def _article(k: int) -> tuple[str, str, str]:
    """(source text, metadata YAML, claims YAML) of synthetic article ``k``: ``PER_ARTICLE - 1`` district
    counts, one percentage, and ``PER_ARTICLE`` relations between them (part_whole, agreement,
    share_of_total, sum)."""
    aid = f"synthetic-{k:06d}"
    region = _letters(k)
    counts = [100 * ((k * 7 + i * 13) % 90 + 10) for i in range(PER_ARTICLE - 1)]
    districts = _districts(PER_ARTICLE - 1)
    share = k % 60 + 20
    sentences = [f"Inspectors counted {n:,} workers in the {d} district of region {region}."
                 for d, n in zip(districts, counts)]
    sentences.append(f"In region {region}, {share} percent of the workers are minors.")
    text = (f"Synthetic Daily\n\nWorkers counted in region {region}\n\n" + "\n".join(sentences) + "\n")
    meta = (f"id: {aid}\ntitle: Workers counted in region {region}\npublisher: Synthetic Daily\n"
            "published: 2020-06-01\nlicence: synthetic benchmark text\n"
            "attribution: generated by benchmarks/scale.py\ncaptured: generated\n")
    claims = [f"article: {aid}\nsource: {aid}\nclaims:\n"]
    ids = []
    for d, n in zip(districts, counts):
        cid = f"s{k}-{d}"
        ids.append(cid)
        claims.append(
            f"  - id: {cid}\n    quote: Inspectors counted {n:,} workers in the {d} district of region {region}.\n"
            f"    text: \"{n:,}\"\n    value: {n}\n    unit: persons\n    qualifier: exact\n"
            f"    measure: {{what: workers counted, where: {d} district of region {region}}}\n"
            f"    attribution:\n      - {{who: inspectors, role: government}}\n")
    pct = f"s{k}-minors-share"
    claims.append(
        f"  - id: {pct}\n    quote: {share} percent of the workers are minors\n    text: {share} percent\n"
        f"    value: {share}\n    unit: percent\n    qualifier: exact\n"
        f"    measure: {{what: share of minors among the workers, where: region {region}}}\n"
        f"    attribution:\n      - {{who: inspectors, role: government}}\n")
    claims.append("checks:\n")
    for j in range(PER_ARTICLE):
        kind = KINDS[j % len(KINDS)]
        m = len(ids)
        a, b, c = ids[j % m], ids[(j + 1) % m], ids[(j + 2) % m]
        if kind == "part_whole":
            body = f"part: {a}, whole: {b}"
        elif kind == "agreement":
            body = f"a: {a}, b: {b}"
        elif kind == "share_of_total":
            body = f"share: {pct}, total: {a}"
        else:
            body = f"parts: [{a}, {b}], total: {c}"
        claims.append(f"  - {{id: s{k}-check-{j}, kind: {kind}, {body}}}\n")
    return text, meta, "".join(claims)


def make_corpus(root: Path, n_claims: int) -> list[Path]:
    """Write a project of ``n_claims`` claims (``n_claims / PER_ARTICLE`` articles) under ``root``; returns
    the claims files."""
    (root / "claims").mkdir(parents=True)
    src = root / "datasets" / "sources"
    src.mkdir(parents=True)
    files = []
    for k in range(n_claims // PER_ARTICLE):
        text, meta, claims = _article(k)
        aid = f"synthetic-{k:06d}"
        (src / f"{aid}.txt").write_text(text, encoding="utf-8")
        (src / f"{aid}.meta.yaml").write_text(meta, encoding="utf-8")
        p = root / "claims" / f"{aid}.yaml"
        p.write_text(claims, encoding="utf-8")
        files.append(p)
    return files


def _numclaims() -> list[str]:
    exe = Path(sys.executable).with_name("numclaims")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "numclaims.cli"]


def run_child(cmd: list[str]) -> tuple[float, float, float, int]:
    """Run ``cmd`` in a fresh wrapper process; returns (wall seconds, user + sys CPU seconds of ``cmd`` and
    its workers, peak RSS MiB of its largest process, exit status)."""
    wrapper = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
               "rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL); dt = time.perf_counter() - t; "
               "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
               "print(dt, r.ru_utime + r.ru_stime, r.ru_maxrss / 1024, rc)")
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True)
    dt, cpu, mib, rc = out.stdout.split()
    return float(dt), float(cpu), float(mib), int(rc)


def engine_alone(files: list[Path], root: Path) -> tuple[float, float]:
    """CPU seconds, in this process on one core, of (1) :func:`numclaims.runner.check_one` over every file
    (load, validate, anchor, check; nothing rendered or written) and (2)
    :func:`numclaims.runner.stage_one` (the same plus rendering the four report files and writing them
    to a staging folder), which is what each worker of ``numclaims check`` does per article."""
    from numclaims.runner import check_one, stage_one

    t = time.process_time()
    for f in files:
        _, res, _, errs = check_one(str(f), str(root))
        assert res is not None, errs
    check = time.process_time() - t
    staging = tempfile.mkdtemp(dir=root)
    t = time.process_time()
    for f in files:
        stage_one(str(f), str(root), staging, False)
    stage = time.process_time() - t
    shutil.rmtree(staging)
    return check, stage


def yaml_floor(files: list[Path], root: Path) -> dict[str, float]:
    """CPU seconds, in this process on one core, to parse every claims file and its source's metadata
    file with (1) :func:`numclaims.fastyaml.load_fast` (the fast path every command takes first),
    (2) :func:`numclaims.yamlio.load_yaml_text` (the exact, line-numbered loader), (3) PyYAML's stock
    ``yaml.load(text, Loader=yaml.CSafeLoader)``, and (4) to validate the parsed claims files against the
    pydantic schema (:class:`numclaims.claimsfile.ClaimsFile`). Best of two passes each; the texts are read
    first, so only parsing and validation are timed. Keys ``fast``, ``exact``, ``stock``, ``valid``, and
    ``fast_share``: the share of the texts the fast path read."""
    import yaml

    from numclaims.fastyaml import load_fast
    from numclaims.claimsfile import ClaimsFile
    from numclaims.yamlio import load_yaml_text

    src = root / "datasets" / "sources"
    texts = []
    for f in files:
        texts.append(f.read_text(encoding="utf-8"))
        texts.append((src / f"{f.stem}.meta.yaml").read_text(encoding="utf-8"))
    docs = [load_yaml_text(t) for t in texts[::2]]

    def best_of_two(work: Callable[[], object]) -> float:
        best = float("inf")
        for _ in range(2):
            t = time.process_time()
            work()
            best = min(best, time.process_time() - t)
        return best

    def each(fn: Callable[[Any], object], items: list) -> Callable[[], None]:
        def run() -> None:
            for x in items:
                fn(x)  # the result is dropped, as a worker drops an article's data once it is written
        return run

    # the texts and parsed documents of a whole corpus stay alive here (no worker holds more than one
    # article): freeze them so that the garbage collector does not walk them again on every collection
    gc.collect()
    gc.freeze()
    try:
        out = {"fast": best_of_two(each(load_fast, texts)),
               "exact": best_of_two(each(load_yaml_text, texts)),
               "stock": best_of_two(each(lambda t: yaml.load(t, Loader=yaml.CSafeLoader), texts)),
               "valid": best_of_two(each(ClaimsFile.model_validate, docs)),
               "fast_share": sum(load_fast(t) is not None for t in texts) / len(texts)}
    finally:
        gc.unfreeze()
    return out


#: The targets of the benchmark, for 100,000 claims and 100,000 checks on two cores.
TARGETS = {"verdicts": 10.0, "all": 30.0, "mib": 1024.0, "ratio": 10.5}

#: CPU seconds of PyYAML's stock ``CSafeLoader`` per 10,000 claims (the claims files and their metadata files)
#: in the run of README's figures (commit ``44f5194``, docs/benchmarks.md: 6.71 s at 100,000 claims, 0.68 s
#: at 10,000). That loader is code this project does not change, so the ratio of this run's figure to it says
#: how much slower or faster the machine is than the one of README's figures.
REFERENCE_STOCK_PER_10K = 0.671


class Table:
    """Rows of figures, one column per corpus size, printed side by side."""

    def __init__(self, sizes: list[int]) -> None:
        self.sizes = sizes
        self.rows: dict[str, dict[int, str]] = {}

    def put(self, row: str, n: int, text: str) -> None:
        self.rows.setdefault(row, {})[n] = text

    def print(self) -> None:
        width = max(len(r) for r in self.rows) + 2
        cols = {n: max([len(f"{n:,} claims")] + [len(v.get(n, "")) for v in self.rows.values()]) + 2
                for n in self.sizes}
        print("".ljust(width) + "".join(f"{n:,} claims".rjust(cols[n]) for n in self.sizes))
        for row, vals in self.rows.items():
            print(row.ljust(width) + "".join(vals.get(n, "-").rjust(cols[n]) for n in self.sizes))


def _fig(wall: float, cpu: float) -> str:
    return f"{wall:.2f} s ({cpu:.1f} CPU)"


def create_cpu(where: Path, n: int) -> tuple[float, float]:
    """(user, sys) CPU seconds of making ``n`` folders under a new folder in ``where``, each with one
    9 kB file (``os.mkdir``, ``os.open`` with ``O_CREAT | O_EXCL``, one write)."""
    data = b"x" * 9000
    base = Path(tempfile.mkdtemp(prefix="create-", dir=where))
    try:
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        for i in range(n):
            own = os.path.join(base, f"{i}-article")
            os.mkdir(own, 0o755)
            fd = os.open(os.path.join(own, "results.json"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            try:
                os.write(fd, data)
            finally:
                os.close(fd)
        r1 = resource.getrusage(resource.RUSAGE_SELF)
    finally:
        shutil.rmtree(base)
    return r1.ru_utime - r0.ru_utime, r1.ru_stime - r0.ru_stime


def main(argv: list[str] | None = None) -> int:
    """Build each corpus, time it, remove it (unless ``--keep``); print the table; returns 0."""
    global PER_ARTICLE
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", "--claims", type=int, nargs="+", default=[10000, 100000], metavar="N",
                    help="corpus sizes in claims (default 10000 100000; e.g. --claims 10000 for a quick look)")
    ap.add_argument("--per-article", type=int, default=PER_ARTICLE, metavar="K",
                    help=f"claims and relations per article (default {PER_ARTICLE}; at least 3)")
    ap.add_argument("--jobs", type=int, default=2, help="worker processes of the multi-core runs (default 2)")
    ap.add_argument("--no-engine", action="store_true", help="skip the in-process engine timing")
    ap.add_argument("--keep", type=Path, default=None, help="write the corpora here and keep them")
    args = ap.parse_args(argv)
    if args.per_article < 3:
        ap.error("--per-article must be at least 3 (two counts and a percentage)")
    PER_ARTICLE = args.per_article
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    j = args.jobs
    print(f"python {sys.version.split()[0]}, {cores} cores, load average {os.getloadavg()[0]:.1f} at start, "
          f"corpora in {args.keep or tempfile.gettempdir()}; wall time (user + sys CPU seconds of the run "
          f"and its workers); {PER_ARTICLE} claims and {PER_ARTICLE} checks per article")
    table = Table(args.sizes)
    first: dict[int, float] = {}
    verdicts: dict[int, float] = {}
    peak: dict[int, float] = {}
    stock: dict[int, float] = {}  # CPU s of the stock CSafeLoader (the machine's speed against the reference)
    checked: dict[int, float] = {}  # CPU s of checking alone, in process (a bound on the results.json run)
    if args.keep:
        Path(args.keep).mkdir(parents=True, exist_ok=True)  # a folder to keep the corpora in, made when missing
    for n in args.sizes:
        base = Path(tempfile.mkdtemp(prefix=f"numclaims-scale-{n}-", dir=args.keep))
        try:
            t = time.perf_counter()
            files = make_corpus(base, n)
            print(f"{n:,} claims: {len(files):,} articles written in {time.perf_counter() - t:.1f} s; running",
                  file=sys.stderr)
            table.put("articles", n, f"{len(files):,}")
            cmd = [*_numclaims(), "check", "--quiet", "--root", str(base)]

            def fresh() -> None:
                shutil.rmtree(base / "reports", ignore_errors=True)
                shutil.rmtree(base / ".numclaims-cache", ignore_errors=True)

            dtv, cpuv, mibv, rc = run_child([*cmd, "--jobs", str(j), "--reports", "json"])
            assert rc == 0, f"numclaims check exited {rc}"
            verdicts[n] = dtv
            table.put(f"first run, results.json only, {j} jobs", n, _fig(dtv, cpuv))
            fresh()
            dt, cpu, mib, rc = run_child([*cmd, "--jobs", str(j)])
            assert rc == 0, f"numclaims check exited {rc}"
            first[n] = dt
            peak[n] = max(mib, mibv)
            table.put(f"first run, every report file, {j} jobs", n, _fig(dt, cpu))
            table.put("  claims per second", n, f"{n / dt:,.0f}")
            dtr, cpur, _, rc = run_child([*cmd, "--jobs", str(j)])
            assert rc == 0
            table.put("re-run, nothing changed", n, _fig(dtr, cpur))
            edited = files[::100]
            for f in edited:
                with f.open("a", encoding="utf-8") as fh:
                    fh.write("# edited\n")
            dte, cpue, _, rc = run_child([*cmd, "--jobs", str(j)])
            assert rc == 0
            table.put("re-run, 1 claims file in 100 edited", n, _fig(dte, cpue))
            dtn, cpun, _, rc = run_child([*cmd, "--jobs", str(j), "--no-cache"])
            assert rc == 0
            table.put("re-run, --no-cache", n, _fig(dtn, cpun))
            fresh()
            dt1, cpu1, mib1, rc = run_child([*cmd, "--jobs", "1"])
            assert rc == 0
            peak[n] = max(peak[n], mib1)
            table.put("first run, every report file, 1 job", n, _fig(dt1, cpu1))
            table.put(f"  speed-up of {j} jobs over 1", n, f"{dt1 / dt:.2f}")
            table.put("peak RSS of the largest process", n, f"{peak[n]:.0f} MiB")
            if not args.no_engine:
                check, stage = engine_alone(files, base)
                table.put("in process, 1 core: check only", n, f"{check:.2f} s CPU")
                checked[n] = check
                table.put("  per article", n, f"{check / len(files) * 1000:.2f} ms CPU")
                table.put("in process, 1 core: check + render + stage", n, f"{stage:.2f} s CPU")
            y = yaml_floor(files, base)
            table.put(f"YAML, fast path ({y['fast_share']:.0%} of files)", n, f"{y['fast']:.2f} s CPU")
            table.put("YAML, exact loader", n, f"{y['exact']:.2f} s CPU")
            table.put("YAML, stock CSafeLoader", n, f"{y['stock']:.2f} s CPU")
            stock[n] = y["stock"]
            table.put("pydantic validation", n, f"{y['valid']:.2f} s CPU")
            table.put(f"floor on {cores} cores (fast YAML + validation)", n, f"{(y['fast'] + y['valid']) / cores:.2f} s")
        finally:
            if args.keep is None:
                shutil.rmtree(base, ignore_errors=True)
    best = min(run_child([*_numclaims(), "--help"])[0] for _ in range(5))
    table.print()
    print(f"numclaims --help: {best:.3f} s (best of 5); load average {os.getloadavg()[0]:.1f} at the end")
    # what the disk charges where the corpora were: each first run makes a folder and a file per article
    where = args.keep or Path(tempfile.gettempdir())
    cu, cs = create_cpu(where, 2000)
    print(f"file system where the corpora were ({where}): {(cu + cs) / 2000 * 1e6:.0f} us of CPU per new folder "
          f"with one 9 kB file (2,000 made; user {cu:.2f} s, sys {cs:.2f} s)")
    big = max(args.sizes)
    scale = big / 100000
    ref = REFERENCE_STOCK_PER_10K * big / 10000
    print(f"machine: the stock CSafeLoader took {stock[big]:.2f} s CPU for {big:,} claims, {stock[big] / ref:.2f} "
          f"times its {ref:.2f} s in the run of README's figures (commit 44f5194)")
    if big in checked:
        print(f"checking alone on {cores} cores (in process, nothing written, perfectly shared): "
              f"{checked[big] / cores:.2f} s for {big:,} claims; no results.json run here is faster")
    print(f"targets (100,000 claims, {j} jobs; scaled to {big:,} claims linearly where the run is smaller):")

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"
    print(f"  results.json only  < {TARGETS['verdicts'] * scale:.1f} s: {verdicts[big]:.2f} s "
          f"{verdict(verdicts[big] < TARGETS['verdicts'] * scale)}")
    print(f"  every report file  < {TARGETS['all'] * scale:.1f} s: {first[big]:.2f} s "
          f"{verdict(first[big] < TARGETS['all'] * scale)}")
    print(f"  peak memory        < {TARGETS['mib']:.0f} MiB: {peak[big]:.0f} MiB {verdict(peak[big] < TARGETS['mib'])}")
    if 10000 in first and 100000 in first:
        ratio = first[100000] / first[10000]
        print(f"  time ratio 100k/10k <= {TARGETS['ratio']}: {ratio:.2f} {verdict(ratio <= TARGETS['ratio'])} "
              f"(results.json only: {verdicts[100000] / verdicts[10000]:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
