"""Many articles at once: process pools (``--jobs``), the progress callback, and a Dask cluster give the
same reports, byte for byte, as checking one file after another."""

from __future__ import annotations

import gc
import shutil
from functools import partial
from pathlib import Path

import pytest

from conftest import add_articles, tree_bytes
from numclaims.cli import main
from numclaims.runner import (PARALLEL_MIN_FILES, check_corpus, check_one, default_jobs, local_mapper,
                              renders_html, stage_one)


@pytest.fixture
def many(project) -> Path:
    """The fixture project with 7 more copies of its article: 8 articles, 48 claims, 24 checks."""
    add_articles(project, 7)
    return project


def test_default_jobs():
    # a handful of files runs in the main process; many files use every core (at least one)
    assert default_jobs(1) == 1
    assert default_jobs(PARALLEL_MIN_FILES - 1) == 1
    assert default_jobs(PARALLEL_MIN_FILES) >= 1
    assert default_jobs(10_000) == default_jobs(PARALLEL_MIN_FILES)


def test_process_pool_gives_the_same_outcome(many):
    files = sorted((many / "claims").glob("*.yaml"))
    calls = []
    serial = check_corpus(files, many)
    pooled = check_corpus(files, many, mapper=local_mapper(2), progress=calls.append)
    assert pooled.results == serial.results and pooled.errors == serial.errors == []
    # in file-name order ("town-news-1.yaml" sorts before "town-news.yaml": "-" < ".")
    assert [r.article for r in pooled.results] == [f"town-news-{k}" for k in range(1, 8)] + ["town-news"]
    assert calls == [1] * 8  # one progress step per file


def test_renders_html_names_the_runs_that_render_report_html():
    # the parent compiles report.html's template before the pool forks only for these
    assert renders_html(stage_one) is True  # reports="all" by default
    assert renders_html(partial(stage_one, staging="/s", keep=False, reports="all")) is True
    assert renders_html(partial(partial(stage_one, reports="json"), staging="/s")) is False
    assert renders_html(partial(stage_one, staging="/s", reports="json")) is False
    assert renders_html(check_one) is False  # --no-write: nothing rendered
    assert renders_html(partial(check_one)) is False


def test_pool_leaves_the_parents_collector_as_it_found_it(many, tmp_path):
    # objects are frozen out of the collector for the fork and given back afterwards, also when the run
    # stops early (the caller closing the mapper after the first result)
    assert gc.get_freeze_count() == 0
    files = [str(p) for p in sorted((many / "claims").glob("*.yaml"))]
    check_corpus([Path(f) for f in files], many, mapper=local_mapper(2), staging=tmp_path, keep_results=False,
                 reports="json")
    assert gc.get_freeze_count() == 0
    it = local_mapper(2)(check_one, files, [str(many)] * len(files))
    first = next(it)
    assert first[0] == files[0] and first[3] == []
    assert gc.get_freeze_count() > 0  # while the pool runs
    it.close()
    assert gc.get_freeze_count() == 0


def test_jobs_2_writes_the_same_bytes_as_jobs_1(many, tmp_path):
    other = tmp_path / "copy"
    shutil.copytree(many, other)
    assert main(["check", "--quiet", "--root", str(many), "--jobs", "1"]) == 0
    assert main(["check", "--quiet", "--root", str(other), "--jobs", "2"]) == 0
    one, two = tree_bytes(many / "reports"), tree_bytes(other / "reports")
    assert len([p for p in one if p.endswith("results.json")]) == 8
    assert one == two


def test_jobs_2_with_an_invalid_file(many, capsys):
    assert main(["check", "--quiet", "--root", str(many), "--jobs", "2"]) == 0
    before = tree_bytes(many / "reports")
    bad = many / "claims" / "town-news-3.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("value: 300\n", "value: -300\n"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--quiet", "--root", str(many), "--jobs", "2"]) == 2
    err = capsys.readouterr().err.splitlines()
    # the one error line (line 8 holds the value), then the summary (stderr under --quiet)
    assert err == ["claims/town-news-3.yaml:8: claim a3-rescued-300: value: -300 is negative; counts, amounts "
                   "and shares cannot be [value-negative]",
                   # the seven files left alone come from the cache (.numclaims-cache/ of the first run)
                   "7 article(s) checked (7 unchanged since the last check: from .numclaims-cache/), 1 invalid, "
                   "21 checks: 21 consistent, 0 tension, 0 inconsistent, "
                   "0 unverifiable"]
    assert tree_bytes(many / "reports") == before


def test_jobs_must_be_positive(project, capsys):
    assert main(["check", "--quiet", "--root", str(project), "--jobs", "0"]) == 2
    assert "--jobs must be at least 1" in capsys.readouterr().err


def test_dask_cluster_gives_the_same_bytes(many, tmp_path):
    import distributed  # the optional extra numclaims[dask], also part of [test]

    local = tmp_path / "local"
    shutil.copytree(many, local)
    assert main(["check", "--quiet", "--root", str(local), "--jobs", "1"]) == 0
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                  dashboard_address=None) as cluster:
        rc = main(["check", "--quiet", "--root", str(many), "--engine", "dask",
                   "--scheduler", cluster.scheduler_address])
    assert rc == 0
    want = {p: b for p, b in tree_bytes(local / "reports").items() if p.endswith("results.json")}
    got = {p: b for p, b in tree_bytes(many / "reports").items() if p.endswith("results.json")}
    assert len(want) == 8 and got == want
    assert tree_bytes(many / "reports") == tree_bytes(local / "reports")  # and every other report file


def test_default_jobs_depend_on_the_files_left_to_check():
    # local_mapper(None) picks the number of processes from the files it is given (those the cache did not
    # answer): below PARALLEL_MIN_FILES the work runs in this process, from there on in forked workers
    import os

    m = local_mapper(None)
    job = lambda p, r: (p + r, os.getpid())  # noqa: E731 (forked workers inherit it: nothing is pickled)
    few = [f"f{i}" for i in range(PARALLEL_MIN_FILES - 1)]
    assert list(m(job, few, ["!"] * len(few))) == [(f + "!", os.getpid()) for f in few]
    many = [f"f{i}" for i in range(PARALLEL_MIN_FILES)]
    out = list(m(job, many, ["!"] * len(many)))
    assert [o[0] for o in out] == [f + "!" for f in many]
    assert os.getpid() not in {o[1] for o in out} or default_jobs(len(many)) == 1


def test_the_collector_is_paused_for_the_parents_loops_only(many, monkeypatch):
    # check_corpus pauses the garbage collector for its own loops; the checks it runs in this process (the
    # default mapper) see it running, and afterwards it is running again
    import numclaims.runner as runner

    seen: list[tuple[str, bool]] = []
    real = runner.check_one

    def spy(path, root):
        seen.append(("check", gc.isenabled()))
        return real(path, root)

    def mapper(fn, paths, roots):  # the parent's side of a pool: collector paused here
        seen.append(("mapper", gc.isenabled()))
        return runner.in_process(fn, paths, roots)

    monkeypatch.setattr(runner, "check_one", spy)
    assert gc.isenabled()
    out = check_corpus(sorted((many / "claims").glob("*.yaml")), many)
    assert len(out.results) == 8 and seen == [("check", True)] * 8 and gc.isenabled()
    seen.clear()
    out = check_corpus(sorted((many / "claims").glob("*.yaml")), many, mapper=mapper)
    assert len(out.results) == 8 and seen == [("mapper", False)] + [("check", True)] * 8 and gc.isenabled()


def test_the_collector_stays_paused_while_a_check_run_publishes_and_records(many, monkeypatch):
    # after the workers end, the parent publishes, records the cache entries and prints the summary of
    # every article: all with the collector paused (runner.collector_paused around the whole command), and
    # running again once the command returns
    import numclaims.cache as cache
    import numclaims.runner as runner

    seen: list[tuple[str, bool]] = []
    commit, record = runner.commit_staged, cache.CheckCache.record

    def spy_commit(*args, **kwargs):
        seen.append(("commit", gc.isenabled()))
        return commit(*args, **kwargs)

    def spy_record(self, *args, **kwargs):
        seen.append(("record", gc.isenabled()))
        return record(self, *args, **kwargs)

    monkeypatch.setattr(runner, "commit_staged", spy_commit)
    monkeypatch.setattr(cache.CheckCache, "record", spy_record)
    assert gc.isenabled()
    assert main(["check", "--root", str(many), "--quiet", "--jobs", "2", "--reports", "json"]) == 0
    assert seen == [("commit", False)] + [("record", False)] * 8 and gc.isenabled()


def test_pool_workers_run_the_collector(many):
    # the pool forks while the parent's collector is paused; each worker starts it again (_worker_init)
    files = [str(p) for p in sorted((many / "claims").glob("*.yaml"))]
    gc.disable()
    try:
        got = list(local_mapper(2)(_collector_running, files, [str(many)] * len(files)))
    finally:
        gc.enable()
    assert got == [True] * len(files)


def _collector_running(path, root):
    return gc.isenabled()
