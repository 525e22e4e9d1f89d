"""Signals during a parallel run: SIGTERM (and SIGINT) sent to a real ``numclaims check --jobs 2`` while its
workers render reports end every worker process, remove the staging folder, publish nothing half, and exit
with 143 (128 + 15) or 130 (128 + 2) after one line on stderr.

Each run starts with SIGINT at its default, as a command typed in a terminal does (``_as_in_a_terminal``).
A command started with SIGINT ignored (``cmd &`` in a non-interactive shell, ``nohup``) keeps ignoring it, as
Python and the shell intend: a ``pytest`` run started in the background passes that on to every child, and the
SIGINT case then ran to the end and exited 0 (seen in CI runs started with ``&``).
``test_sigint_ignored_at_start_is_kept`` pins that second behaviour."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import add_articles, tree_bytes


def _children(pid: int) -> set[int]:
    """Pids of the processes whose parent is ``pid`` (from /proc)."""
    out = set()
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.add(int(d.name))
    return out


def _as_in_a_terminal() -> None:
    """In the child before ``exec``: SIGINT and SIGTERM at their defaults, whatever this test process inherited."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return True
    return state in ("Z", "X")  # a zombie has ended; only its exit status waits to be collected


@pytest.mark.parametrize("sig, status, line", [(signal.SIGTERM, 143, "terminated"),
                                                (signal.SIGINT, 130, "interrupted")])
def test_signal_to_a_parallel_run(project, sig, status, line):
    add_articles(project, 60)
    before = tree_bytes(project / "reports")
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    proc = subprocess.Popen([sys.executable, "-m", "numclaims.cli", "check", "--quiet", "--no-cache", "--jobs", "2",
                             "--root", str(project)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            preexec_fn=_as_in_a_terminal)
    workers: set[int] = set()
    staged = False
    for _ in range(600):  # wait (up to 60 s) until both workers run and have staged a report file
        workers |= _children(proc.pid)
        staged = any(any(d.iterdir()) for d in project.glob(".numclaims-staging-*"))
        if (len(workers) >= 2 and staged) or proc.poll() is not None:
            break
        time.sleep(0.1)
    assert proc.poll() is None and staged and len(workers) >= 2
    proc.send_signal(sig)  # to the parent only (not the process group): it must end its workers itself
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == status
    assert err.decode().splitlines() == [line]
    for _ in range(50):  # the workers have been signalled and joined; give /proc a moment to reap them
        if all(_gone(p) for p in workers):
            break
        time.sleep(0.1)
    assert all(_gone(p) for p in workers)
    assert not list(project.glob(".numclaims-staging-*"))  # staging removed
    assert tree_bytes(project / "reports") == before  # nothing published: the run never got that far


def _ignore_sigint() -> None:
    """In the child before ``exec``: SIGINT ignored, as a shell does for ``cmd &`` without job control."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def test_sigint_ignored_at_start_is_kept(project):
    # A run whose SIGINT was ignored when it started is not interrupted by one: it finishes, exits 0 and
    # publishes every report (town-news and the 100 added copies, town-news-1 to town-news-100: enough that
    # the run is still going when the signal is sent, seen by its staging folder or a worker)
    add_articles(project, 100)
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    proc = subprocess.Popen([sys.executable, "-m", "numclaims.cli", "check", "--quiet", "--no-cache", "--jobs", "2",
                             "--root", str(project)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            preexec_fn=_ignore_sigint)
    for _ in range(600):  # wait (up to 60 s) until the run has begun: a worker, or its staging folder
        if _children(proc.pid) or list(project.glob(".numclaims-staging-*")) or proc.poll() is not None:
            break
        time.sleep(0.1)
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    # --quiet's one summary line: 101 articles (town-news + 100 copies), 3 checks each, 101 x 3 = 303, all
    # consistent
    assert (proc.returncode, err.decode().splitlines()) == (
        0, ["101 article(s) checked, 0 invalid, 303 checks: 303 consistent, 0 tension, 0 inconsistent, 0 unverifiable"])
    assert (project / "reports" / "town-news-100" / "results.json").is_file()
    assert not list(project.glob(".numclaims-staging-*"))
