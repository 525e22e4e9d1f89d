"""Checking a corpus of claims files: per-file work, cross-file rules, printing and writing outputs."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib
import itertools
import multiprocessing
import os
import re
import secrets
import signal
import threading
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .cache import figure_signature
from .engine import check_file
from .errors import ErrorLine, Fault, InputErrors
from .fastjson import canonical
from .paths import display_path, report_dir
from .publish import preflight, publish_staged, same_staged
from .report import ClaimReviewConfigError, load_config, report_files
from .resultmodel import ClaimResult, Results, SlimResults, placeholders, slim, slim_data  # noqa: F401 - defined with the results model; named here too
from .results import dumps_bytes
from .verdicts import worst_entry_first


@dataclass
class Outcome:
    """Results of the valid articles (in file order), every input error, and the invalid files."""

    results: list[Results | SlimResults] = field(default_factory=list)
    errors: list[ErrorLine] = field(default_factory=list)
    invalid: list[str] = field(default_factory=list)
    #: report files rendered by the workers of valid articles, ``(staged temporary file, final path)``;
    #: see :func:`commit_staged`.
    staged: list[tuple[str, str]] = field(default_factory=list)
    #: valid articles checked in this run (not taken from the cache): ``(claims path, results, {claim id:
    #: line}, [final report paths], figures signature, what the worker wrote)``, for
    #: :meth:`numclaims.cache.CheckCache.record` once committed (the last item is its ``written``).
    fresh: list[tuple[str, Results | SlimResults, dict[str, int], list[str], list, Any]] = field(default_factory=list)
    #: how many of the valid articles were answered from the cache.
    cached: int = 0


#: ``numclaims check --reports``: every report file, or results.json only.


def check_one(path: str, root: str) -> tuple[str, Results | None, dict[str, int], list[ErrorLine]]:
    """Check one file; never raises for input errors. Returns ``(path, results or None, lines, errors)``.

    A plain picklable function: the unit of work for process pools and distributed schedulers.
    """
    try:
        res, lines = check_file(path, root)
        return path, res, lines, []
    except InputErrors as e:
        return path, None, {}, list(e.errors)


#: ``{root: report configuration}`` read once per run and per process (emptied when a run starts, so an
#: edited numclaims.toml is read again by a long-lived process such as ``numclaims serve``).
_CONFIGS: dict[str, Any] = {}


def print_findings(results: list[Results | SlimResults]) -> None:
    """The declared checks that are not ``consistent``, worst first, with their finding codes (external
    checks); checks still proposed are not findings (numclaims.engine.summarise)."""
    for res in results:
        bad = sorted((ch for ch in res.checks if ch.verdict != "consistent" and getattr(ch, "status", None) != "proposed"),
                     key=worst_entry_first)
        if not bad:
            continue
        print(f"findings of {res.article}:")
        for ch in bad:
            codes = ", ".join(f.code for f in ch.findings or [])
            print(f"  {ch.verdict.upper():<13} {ch.id} ({ch.kind})" + (f": {codes}" if codes else ""))
        extra = [(ch.id, ", ".join(f.code for f in ch.findings)) for ch in res.checks
                 if ch.verdict == "consistent" and ch.findings]
        for cid, codes in extra:
            print(f"  {'CONSISTENT':<13} {cid} (external): {codes}")


def stage_one(path: str, root: str, staging: str, keep: bool = True, reports: str = "all") -> tuple[
        str, Results | SlimResults | None, dict[str, int], list[ErrorLine], list[tuple[str, str]], list | None,
        tuple[bytes, str, dict[str, list[int]]] | None]:
    """:func:`check_one`, then render the article's report files (:func:`numclaims.report.report_files`,
    as ``numclaims report`` does) into the folder ``staging`` without publishing them.

    Returns ``(path, results or None, lines, errors, [(staged file, final path), ...], figures, written)``,
    where ``figures`` is :func:`numclaims.cache.figure_signature` of the article's ``figures/`` folder taken
    before the report read it (for the cache; None for an invalid file) and ``written`` is what the cache
    records of the files (:meth:`numclaims.cache.CheckCache.record`): ``(slim results as
    :func:`numclaims.fastjson.canonical` bytes, hex SHA-256 of results.json, {file name: [size,
    mtime_ns]})``, None for an invalid file. The files are written without
    fsync; :func:`commit_staged` makes them durable with one ``sync`` and renames them into place once the
    cross-file rules have passed. Rendering here, in the worker, spreads the report cost over every core
    and keeps the texts out of the parent's memory. With ``keep=False`` the results come back as None
    (no table will be printed from them): the parent reads the slim results from ``written``'s bytes
    (:func:`slim_results`), which keeps a 100,000-claim run small in the parent and costs it less than
    unpickling models. An article
    whose ``reports/<id>`` would resolve outside ``reports/`` (a symlink) is an input error. A plain
    picklable function. With ``reports="json"`` only results.json is rendered (:data:`numclaims.paths.REPORT_CHOICES`).
    """
    path, res, lines, errs = check_one(path, root)
    staged: list[tuple[str, str]] = []
    if res is None:
        return path, res, lines, errs, staged, None, None
    try:
        folder = report_dir(Path(root), res.article)
    except ValueError as e:
        return path, None, {}, [ErrorLine(display_path(Path(path), Path(root)), _top_key_line(Path(path), "article"),
                                          "", "article", f"{e}; reports/{res.article} must be a folder inside "
                                          "reports/, not a link out of it", "reports-outside")], staged, None, None
    figures = figure_signature(folder / "figures")  # before the report reads them
    if reports == "json":
        files = {folder / "results.json": dumps_bytes(res)}
    else:
        if root not in _CONFIGS:
            _CONFIGS[root] = load_config(Path(root))
        try:
            texts = report_files(res, Path(root), _CONFIGS[root], folder)
        except ClaimReviewConfigError as e:  # reviewed claims, no publisher configured: nothing published
            return path, None, {}, [e.line], staged, None, None
        files = {final: text.encode("utf-8") for final, text in texts.items()}
    # the article's files go into a folder of their own, made as publish_folder makes one (mode 0o755
    # under the umask, files 0o644): when reports/<id> does not exist yet, that folder is renamed into
    # place as it is (commit_staged)
    own = os.path.join(staging, f"{_prefix()}-{next(_STAGED)}")
    stats: dict[str, list[int]] = {}
    digest = ""
    for final, raw in files.items():
        tmp = os.path.join(own, final.name)
        try:
            if not staged:
                os.mkdir(own, 0o755)
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            try:
                view = memoryview(raw)
                while view:
                    view = view[os.write(fd, view):]
                st = os.fstat(fd)  # size and time as the cache records them (a rename keeps both)
                if st.st_mode & 0o777 != 0o644:  # a umask other than 0o022 (or none) took bits away
                    os.fchmod(fd, 0o644)
            finally:
                os.close(fd)
        except OSError as e:  # a full disk, ulimit -f: nothing is published, the staging folder is removed
            raise Fault(display_path(final, Path(root)), "not published, the previous reports are kept "
                        "(staging the new file failed)", e) from None
        staged.append((tmp, str(final)))
        stats[final.name] = [st.st_size, st.st_mtime_ns]
        if final.name == "results.json":
            digest = hashlib.sha256(raw).hexdigest()
    try:
        written: tuple[bytes, str, dict[str, list[int]]] | None = (canonical(slim_data(res)), digest, stats)
    except TypeError:  # a value orjson refuses (never in the engine's results): the parent records it itself
        written = None
    out: Results | SlimResults | None = res if keep else None if written is not None else slim(res)
    return path, out, lines, errs, staged, figures, written


def slim_results(written: tuple[bytes, str, dict[str, list[int]]]) -> SlimResults:
    """The slim results a worker sent as bytes (:func:`stage_one`'s ``written``), validated as
    :class:`numclaims.resultmodel.SlimResults` (pydantic's compiled validator: cheaper than unpickling the
    models).

    Raises:
        pydantic.ValidationError: never for bytes :func:`stage_one` wrote.
    """
    return SlimResults.model_validate_json(written[0])


#: numbers the staged folders of one process (:func:`stage_one`)
_STAGED = itertools.count()
#: ``["<pid>-<random>"]`` of this process once made (:func:`_prefix`); emptied in a forked child
_PREFIX: list[str] = []
os.register_at_fork(after_in_child=_PREFIX.clear)


def _prefix() -> str:
    """``<pid>-<random>`` naming this process's staged folders: made once per process (no ``getpid`` and
    ``getrandom`` call per article). The random part: workers of a Dask cluster on several hosts share the
    staging folder and may share pids."""
    if not _PREFIX:
        _PREFIX.append(f"{os.getpid()}-{secrets.token_hex(4)}")
    return _PREFIX[0]


def commit_staged(staged: list[tuple[str, str]], root: Path | None = None) -> set[str]:
    """Publish staged report files (``(staged file, final path)``, as :func:`stage_one` stages them: each
    article's files alone in a staging folder of their own), each article's folder as one unit (:func:`numclaims.publish.publish_staged`:
    a new folder swapped in by one rename, so a reader sees all old or all new files; on a first publish the
    article's staged folder itself is renamed into place). Articles whose files
    are all unchanged are left alone. Before anything is replaced: every destination is checked
    (:func:`numclaims.publish.preflight`) and one ``os.sync()`` makes the staged data durable; another
    follows the swaps. Returns the article folders left as they were (every file already had its bytes:
    their files keep their own size and time, not the staged files').

    One sync for the whole run instead of an fsync per file: on a virtual disk an fsync costs several
    milliseconds, and a 100,000-claim corpus writes 40,000 files.

    Raises:
        numclaims.errors.Fault: a destination is unusable (nothing replaced) or a publish step failed (the
            articles published before it are new, that article and the later ones old).
    """
    if not staged:
        return set()
    groups: dict[str, dict[str, str]] = {}
    for tmp, final in staged:
        folder, fname = os.path.split(final)
        groups.setdefault(folder, {})[fname] = tmp
    # one lstat per article: a folder that is not there yet (a first run) needs no comparison, no check of
    # its files and no second look before its staged folder is renamed into place (publish_staged, own)
    new: set[str] = set()
    for d in groups:
        try:
            os.lstat(d)
        except FileNotFoundError:
            new.add(d)
        except OSError:  # anything else: the general path, whose checks name the problem
            pass
    # an article whose bytes are unchanged is left alone: replacing files frees their old blocks, which
    # costs milliseconds per file on some disks, and re-runs (CI) mostly rewrite identical reports
    changed = {d for d, files in groups.items() if d not in new and not same_staged(Path(d), files)}

    def name(d: str) -> Callable[[], str]:  # display names, made only for an error line
        return lambda: display_path(Path(d), root) if root is not None else d

    if changed or new:
        # every destination checked before anything is replaced: each new folder's parent (once per
        # parent), each existing folder and its files
        parents = {os.path.dirname(d): d for d in new}
        preflight([(Path(d), name(d), None) for d in parents.values()]
                  + [(Path(d), name(d), sorted(groups[d])) for d in groups if d in changed])
        os.sync()
        for d, files in groups.items():
            if d in new:
                publish_staged(Path(d), files, display=name(d), own=True)  # type: ignore[arg-type]
            elif d in changed:
                publish_staged(Path(d), {k: Path(v) for k, v in files.items()}, display=name(d))
        os.sync()
    return {d for d in groups if d not in new and d not in changed}


def check_corpus(files: Iterable[Path], root: Path,
                 mapper: Callable[..., Iterable[tuple]] | None = None,
                 progress: Callable[[int], None] | None = None,
                 staging: Path | None = None, keep_results: bool = True,
                 cache: Any | None = None, reports: str = "all") -> Outcome:
    """Check every file and apply the cross-file rules.

    Args:
        files: the claims files.
        root: the project root.
        mapper: ``mapper(check_one, paths, roots)`` returning the results of :func:`check_one` in the
            order of ``paths``; default :func:`in_process` (see :func:`local_mapper`, :func:`dask_mapper`).
        progress: called with 1 after each file (a progress bar's ``advance``).
        staging: when given, the workers run :func:`stage_one` and render the report files of each article
            into this folder; ``Outcome.staged`` lists those of the valid articles, for
            :func:`commit_staged`. The caller removes the folder.
        keep_results: with ``staging``, False returns :func:`slim` results (enough for the summary, the
            coverage lines and the cross-file rules, not for :func:`print_table`).
        cache: a :class:`numclaims.cache.CheckCache`; files whose entry still holds are not checked again
            (their results come from the cache, or from their results.json when ``keep_results``); they
            still take part in the cross-file rules.

    Cross-file rules: a claim id defined in two files is an error in both (one line in each file, and no
    report is written for either), and two files may not claim the same article id.
    """
    paths = [str(p) for p in files]
    _CONFIGS.clear()  # the configuration as it is now (workers fork after this, or read it themselves)
    m = mapper or in_process
    staged: dict[str, list[tuple[str, str]]] = {}
    figures: dict[str, list] = {}
    written: dict[str, Any] = {}
    done: dict[str, tuple] = {}
    with collector_paused():
        return _check_corpus(paths, root, m, progress, staging, keep_results, cache, reports, staged, figures,
                             written, done)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The garbage collector paused while this process gathers and publishes a run's results (then as it
    was): a 100,000-claim run keeps hundreds of thousands of long-lived objects (results, cache entries)
    that every full collection would walk again (measured: a cache hit's validation 172 us with the
    collector, 25 us without, at 10,000 articles; from the last result to the end of ``numclaims check``
    on 3,000 articles, publishing, the cache entries and the summary: 0.58 s of the parent's CPU with it
    from there on, 0.30 s with it paused). The work done in this process (jobs=1)
    collects as usual (:func:`collecting`), so do pool workers. Nested uses leave it to the outermost."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _check_corpus(paths: list[str], root: Path, m: Callable[..., Iterable[tuple]],
                  progress: Callable[[int], None] | None, staging: Path | None, keep_results: bool,
                  cache: Any | None, reports: str, staged: dict[str, list[tuple[str, str]]],
                  figures: dict[str, list], written: dict[str, Any], done: dict[str, tuple]) -> Outcome:
    """The body of :func:`check_corpus`, with the collector paused."""
    if cache is not None:
        for path in paths:
            hit = cache.lookup(path, full=keep_results, reports=reports)
            if hit is not None:
                done[path] = (path, hit[0], hit[1], [])
                if progress is not None:
                    progress(1)
    cached = set(done)
    todo = [p for p in paths if p not in done]
    fn: Callable[..., tuple] = check_one
    if staging is not None:
        fn = partial(stage_one, staging=str(staging), keep=keep_results, reports=reports)
    it = m(fn, todo, [str(root)] * len(todo)) if todo else iter(())
    try:
        for item in it:
            if staging is not None:
                staged[item[0]] = item[4]
                figures[item[0]] = item[5]
                written[item[0]] = item[6]
                if item[1] is None and not item[3]:  # valid, its slim results sent as bytes
                    item = (item[0], slim_results(item[6]), item[2], item[3])
                else:
                    item = item[:4]
            done[item[0]] = item
            if progress is not None:
                progress(1)
    finally:
        # a signal or error here: close the mapper now, so that its worker processes end before the caller
        # removes the staging folder (not later, when the traceback holding this frame is freed)
        close = getattr(it, "close", None)
        if close is not None:
            close()
    per = [done[p] for p in paths]
    out = Outcome()
    names: dict[str, str] = {}

    def disp(path: str) -> str:  # display names are needed for error lines only: found on demand
        if path not in names:
            names[path] = display_path(Path(path), root)
        return names[path]

    first: dict[str, tuple[str, int]] = {}  # claim id -> (path, line) of its first definition
    articles: dict[str, str] = {}  # article id -> path of the first file that claims it
    bad: set[str] = set()
    for path, res, lines, errs in per:
        if errs:
            out.errors.extend(errs)
            bad.add(path)
            continue
        if res.article in articles:
            out.errors.append(ErrorLine(disp(path), _top_key_line(Path(path), "article"), "", "article",
                                        f"article id {res.article!r} is also used by "
                                        f"{disp(articles[res.article])}; give each claims file its own article id",
                                        "duplicate-article"))
            bad.add(path)
        articles.setdefault(res.article, path)
        for c in res.claims:
            cid, line = c.id, lines.get(c.id, 0)
            if cid in first and first[cid][0] != path:
                p0, l0 = first[cid]
                out.errors.append(ErrorLine(disp(path), line, cid, "id",
                                            f"duplicate claim id: also defined at {disp(p0)}:{l0}; claim ids must be "
                                            "unique across all claims files", "duplicate-id-across-files"))
                out.errors.append(ErrorLine(disp(p0), l0, cid, "id",
                                            f"duplicate claim id: also defined at {disp(path)}:{line}; claim ids "
                                            "must be unique across all claims files", "duplicate-id-across-files"))
                bad.add(path)
                bad.add(p0)
            else:
                first.setdefault(cid, (path, line))
    for path, res, lines, _ in per:
        if res is not None and path not in bad:
            out.results.append(res)
            out.staged.extend(staged.get(path, ()))
            if path in staged:
                out.fresh.append((path, res, lines, [final for _, final in staged[path]], figures[path],
                                  written[path]))
            elif path in cached:
                out.cached += 1
    out.invalid = sorted(disp(p) for p in bad)
    return out


def _top_key_line(path: Path, key: str) -> int:
    """1-based line of the top-level ``key:`` in a (valid) YAML file; 1 when not found. Error path only."""
    pat = re.compile(rf"^{re.escape(key)}\s*:")
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pat.match(line):
                return n
    except OSError:
        pass
    return 1


def default_jobs(n_files: int) -> int:
    """Worker processes used when ``--jobs`` is not given: every core for many files, 1 for a handful
    (below :data:`PARALLEL_MIN_FILES` files a process pool costs more than it saves)."""
    if n_files < PARALLEL_MIN_FILES:
        return 1
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


#: Fewer files than this are checked in the main process by default.
PARALLEL_MIN_FILES = 16


def local_mapper(jobs: int | None) -> Callable[..., Iterable[tuple]]:
    """A ``mapper`` for :func:`check_corpus` running on ``jobs`` local processes
    (:class:`multiprocessing.pool.Pool`, forked, results in input order); ``jobs <= 1`` is the
    :func:`in_process`; ``None`` is :func:`default_jobs` of the files actually to check
    (those the cache did not answer)."""

    def mapper(fn: Callable, paths: list[str], roots: list[str]) -> Iterable[tuple]:
        n = default_jobs(len(paths)) if jobs is None else jobs
        if n <= 1 or len(paths) <= 1:
            yield from in_process(fn, paths, roots)
            return

        # import the engine and the renderers before the pool forks, so every worker inherits them
        # instead of spending half a second importing pydantic models and templates on its own
        for mod in ("numclaims.engine", "numclaims.report"):
            importlib.import_module(mod)
        # and compile the report template once here (about 0.05 s) rather than once in every worker, when
        # the workers render report.html (not for results.json only, nor for checking without writing)
        if renders_html(fn):
            importlib.import_module("numclaims.report")._environment().get_template("report.html.j2")
        workers = min(n, len(paths))
        # chunks amortise the inter-process round trip over several small files while leaving enough
        # chunks (about 8 per worker) to balance uneven file sizes; at most 32 files (0.1 s of work), so
        # that the last chunk of one worker does not keep the other cores idle at the end of the run
        chunk = max(1, min(32, len(paths) // (workers * 8)))
        # multiprocessing's Pool rather than concurrent.futures: Pool.terminate() ends the workers at once,
        # where ProcessPoolExecutor (Python 3.11) waits for the chunks they hold or, killed, prints a
        # traceback from its manager thread
        # every object alive now (modules, the compiled template, the file list) is moved out of the
        # collector's reach before the fork, as the gc module's documentation advises for fork without exec:
        # a worker's full collections then walk only what it made itself, and do not write to (and so copy)
        # the memory pages it shares with the parent; the parent collects them again once the pool is gone
        gc.freeze()
        try:
            pool = multiprocessing.get_context("fork").Pool(workers, initializer=_worker_init, initargs=(fn,))
            try:
                yield from pool.imap(_call, zip(paths, roots), chunksize=chunk)
            except BaseException:  # Ctrl-C, SIGTERM, an error, or the caller closing the generator
                end_pool(pool)
                raise
            pool.close()
            pool.join()
        finally:
            gc.unfreeze()

    return mapper


#: Seconds :func:`end_pool` gives ``Pool.terminate()`` before it kills the workers itself.
END_POOL_WAIT = 5.0


def end_pool(pool: Any, wait: float | None = None) -> None:
    """End a :class:`multiprocessing.pool.Pool` at once, in bounded time.

    ``Pool.terminate()`` can block for ever: it takes the task queue's lock to drain it before it ends the
    workers, and a worker waiting for a task holds that lock (CPython issues 73945, "Deadlock in
    multiprocessing.pool.Pool on terminate", and 78178, "multiprocessing Pool hangs in terminate()", both
    open). It is run in a daemon thread; when it has not returned after ``wait`` seconds (default
    :data:`END_POOL_WAIT`), every child process
    (:func:`multiprocessing.active_children`: the pool's workers) is killed and the thread is left behind
    (a daemon thread does not keep the process alive), so that a signalled run still removes its staging
    folders and exits with its status. Never raises."""
    def stop() -> None:
        try:
            pool.terminate()
            pool.join()
        except Exception:  # noqa: BLE001 - ending the run matters more than the pool's own error
            pass

    t = threading.Thread(target=stop, name="numclaims-end-pool", daemon=True)
    t.start()
    t.join(END_POOL_WAIT if wait is None else wait)
    if t.is_alive():
        for child in multiprocessing.active_children():
            try:
                child.kill()
            except OSError:
                pass
        t.join(1.0)


def in_process(fn: Callable[..., Any], paths: list[str], roots: list[str]) -> Iterable[Any]:
    """The default ``mapper`` of :func:`check_corpus`: ``fn(path, root)`` of each file in turn, in this
    process, each with the collector running (:func:`collecting`)."""
    return (collecting(fn, path, root) for path, root in zip(paths, roots))


def collecting(fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(*args)`` with the garbage collector running (as it was when :func:`check_corpus` paused it for
    its own loops): the checks of one file, done in this process."""
    if gc.isenabled():
        return fn(*args)
    gc.enable()
    try:
        return fn(*args)
    finally:
        gc.disable()


def renders_html(fn: Callable[..., Any]) -> bool:
    """Whether the work function ``fn`` of :func:`check_corpus` renders report.html: :func:`stage_one` (or a
    ``functools.partial`` of it) with ``reports`` other than ``"json"``; False for :func:`check_one`
    (nothing written) and for results.json only."""
    keywords: dict[str, Any] = {}
    while isinstance(fn, partial):
        keywords = {**fn.keywords, **keywords}
        fn = fn.func
    return fn is stage_one and keywords.get("reports", "all") != "json"


_WORK: list[Callable[..., Any]] = []


def _worker_init(fn: Callable[..., Any]) -> None:
    """Pool initializer: remember the work function ``fn`` (handed over once, not with every job); ignore
    SIGINT (Ctrl-C reaches the whole process group; the parent ends its workers itself) and die on SIGTERM
    (the default, not the parent's handler inherited by fork)."""

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    gc.enable()  # forked while check_corpus paused the collector in the parent
    _WORK[:] = [fn]


def _call(job: tuple[str, str]) -> Any:
    """``fn(path, root)`` of one ``(path, root)`` job, with the ``fn`` of :func:`_worker_init`."""
    return _WORK[0](*job)


def dask_mapper(scheduler: str | None) -> Callable[..., Iterable[tuple]]:
    """A ``mapper`` for :func:`check_corpus` running :func:`check_one` on a Dask cluster.

    ``scheduler`` is the scheduler address (``tcp://host:8786``); ``None`` starts a local cluster of
    processes. Workers need numclaims installed and must see the claims and source files at the same paths
    (a shared file system). Dask is imported only here (optional extra ``numclaims[dask]``).

    Raises:
        ImportError: when dask.distributed is not installed.
    """

    def mapper(fn: Callable, paths: list[str], roots: list[str]) -> Iterable[tuple]:
        from distributed import (  # optional extra, imported when used (numclaims.layers.LAZY)
            Client,
            LocalCluster,
        )

        cluster = None
        if scheduler is None:
            cluster = LocalCluster(processes=True, dashboard_address=None)
        client = Client(cluster if cluster is not None else scheduler)
        try:
            futures = client.map(fn, paths, roots, pure=False)
            for f in futures:
                yield f.result()
                f.release()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return mapper


def print_errors(errors: list[ErrorLine]) -> None:
    """One line per error on stderr, sorted by file and line."""
    for e in sorted(set(errors)):
        print(str(e), file=sys.stderr)


def _iv_text(c: ClaimResult) -> str:
    lo, hi = c.interval
    if c.unit == "date":
        return f"{lo} .. {hi}"
    lc, hc = c.interval_closed
    f = lambda x: f"{x:,.6g}" if isinstance(x, float) and not x.is_integer() else f"{int(x):,}"
    return f"{'[' if lc else '('}{'-inf' if lo is None else f(lo)}, {'+inf' if hi is None else f(hi)}{']' if hc else ')'}"


def print_table(results: list[Results]) -> None:
    """A table per article: claim, as written, interval, and the verdicts of the checks it takes part in."""
    from rich.console import Console  # printing only (numclaims.layers.LAZY)
    from rich.table import Table

    colours = {"consistent": "green", "tension": "yellow", "inconsistent": "bold red", "unverifiable": "magenta"}
    console = Console(width=160, highlight=False)
    for res in results:
        t = Table(title=f"{res.article} ({res.source.published})", title_justify="left")
        for col in ("claim", "as written", "unit", "interval", "verdicts"):
            t.add_column(col, overflow="fold")
        by_claim: dict[str, list[str]] = {}
        for ch in res.checks:
            for cid in ch.claims:
                by_claim.setdefault(cid, []).append(f"[{colours[ch.verdict]}]{ch.verdict}[/] ({ch.id})")
        from rich.markup import escape

        for c in res.claims:
            t.add_row(c.id, escape(c.text), c.unit, _iv_text(c), "\n".join(by_claim.get(c.id, ["-"])))
        console.print(t)

