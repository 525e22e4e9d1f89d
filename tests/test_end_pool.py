"""Fault injection: a process pool whose ``terminate()`` never returns (CPython issues 73945 and 78178) must
not keep an interrupted run from ending: ``runner.end_pool`` kills the workers after its wait and returns."""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import threading
import time

from numclaims import runner


def _slow(path: str, root: str) -> tuple:
    time.sleep(0.2)
    return path, None, {}, []


def test_an_interrupted_run_ends_its_workers_when_terminate_hangs(monkeypatch):
    release = threading.Event()
    terminate = multiprocessing.pool.Pool.terminate

    def hangs(self):  # the fault: terminate blocks (as when a worker holds the task queue's lock) ...
        release.wait()
        terminate(self)  # ... until the test lets it go, so that the pool is cleaned up after the test

    monkeypatch.setattr(multiprocessing.pool.Pool, "terminate", hangs)
    monkeypatch.setattr(runner, "END_POOL_WAIT", 0.5)
    it = runner.local_mapper(2)(_slow, [f"f{i}" for i in range(40)], ["."] * 40)
    assert next(it)[0] == "f0"
    workers = multiprocessing.active_children()
    assert len(workers) == 2
    raised: list[BaseException] = []

    def interrupt() -> None:  # what Ctrl-C raises in the loop that reads the pool's results
        try:
            it.throw(KeyboardInterrupt)
        except BaseException as e:  # noqa: BLE001
            raised.append(e)

    t = threading.Thread(target=interrupt, daemon=True)
    t.start()
    t.join(60)  # a deadlock detector, not a speed goal: with a bare terminate() this thread never ends
    assert not t.is_alive(), "the interrupted run did not end: terminate() blocked it"
    assert [type(e) for e in raised] == [KeyboardInterrupt]
    for w in workers:  # killed by end_pool, not by terminate
        w.join(5)
        assert not w.is_alive()
    release.set()
