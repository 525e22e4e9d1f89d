"""Publishing an article's report folder as one unit (numclaims.publish), proved by fault injection: every
system call of a publish (mkdir, open, write, fsync, close, link, rename, exchange) is made to fail in
turn, and after each failure the article's four report files are all the old ones or all the new ones, the
figures beside them are untouched, no temporary folder is left, and the command prints one line (no
traceback) with exit status 3."""

from __future__ import annotations

import errno
import os
import subprocess
from pathlib import Path

import pytest

from conftest import tree_bytes
from numclaims import publish
from numclaims.cli import main
from numclaims.paths import REPORT_FILES

CALLS = ("mkdir", "open_write", "write", "fsync", "close", "rename", "link", "exchange")


class Recorder:
    """Wraps :data:`numclaims.publish.OPS`: records every call, and raises ``OSError(error)`` at call number
    ``fail_at`` (0-based; None: never). ``exchange=False`` makes the exchange unsupported (fallback)."""

    def __init__(self, real: publish.Ops, fail_at: int | None = None, error: int = errno.ENOSPC,
                 exchange: bool = True):
        self.real, self.fail_at, self.error, self.exchange_ok = real, fail_at, error, exchange
        self.calls: list[str] = []

    def __getattr__(self, name):
        fn = getattr(self.real, name)
        if name not in CALLS:
            return fn

        def wrapped(*args):
            n = len(self.calls)
            self.calls.append(name)
            if n == self.fail_at:
                raise OSError(self.error, "injected: " + errno.errorcode[self.error], str(args[0]))
            if name == "exchange" and not self.exchange_ok:
                return False
            return fn(*args)

        return wrapped


ARTICLE = "town-news"


def _four(project: Path) -> tuple[bytes | None, ...]:
    d = project / "reports" / ARTICLE
    return tuple((d / f).read_bytes() if (d / f).is_file() else None for f in REPORT_FILES)


def _prepare(project: Path, capsys) -> tuple[tuple, tuple]:
    """Check once (the old reports), add a figure, record a review decision (so every report file changes),
    and return (old files, new files); the new ones are found on a copy, so ``project`` keeps the old.
    A ClaimReview publisher is configured, since a reviewed claim is exported (numclaims.claimreview)."""
    (project / "numclaims.toml").write_text('[claimreview]\nauthor = "Fact Desk"\nauthor_url = '
                                            '"https://factdesk.example/"\nbase_url = "https://factdesk.example/r/"\n',
                                            encoding="utf-8")
    assert main(["check", "--quiet", "--root", str(project)]) == 0
    fig = project / "reports" / ARTICLE / "figures"
    fig.mkdir()
    (fig / "01-a.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><title>A</title></svg>\n")
    assert main(["check", "--quiet", "--root", str(project)]) == 0  # the figure is embedded in report.html
    old = _four(project)
    assert main(["review", "set", "rescued-300", "verified", "--reviewer", "R. Ivera", "--note", "court file",
                 "--date", "2014-03-05", "--root", str(project)]) == 0
    capsys.readouterr()
    return old


@pytest.mark.parametrize("command", ["check", "report"])
@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_every_failing_call_leaves_all_old_or_all_new(project, tmp_path, capsys, monkeypatch, command, exchange):
    import shutil

    old = _prepare(project, capsys)
    figures = tree_bytes(project / "reports" / ARTICLE / "figures")
    # a clean run on a copy: the new files, and the sequence of system calls a publish makes
    ref = tmp_path / "ref"
    shutil.copytree(project, ref)
    rec = Recorder(publish.OPS, exchange=exchange)
    monkeypatch.setattr(publish, "OPS", rec)
    assert main([command, "--root", str(ref)] + (["--quiet", "--no-cache"] if command == "check" else [])) == 0
    new = _four(ref)
    calls = list(rec.calls)
    assert all(a != b for a, b in zip(old, new))  # every one of the four files changes
    # the staged files are moved in (check) or written and synced (report); the folder swapped in once
    if command == "check":
        assert calls.count("rename") == 4 + (0 if exchange else 2) and "write" not in calls
    else:
        assert calls.count("write") == 4 and calls.count("fsync") >= 5
    assert calls.count("exchange") == 1
    assert "link" in calls  # the figure, hard-linked into the new folder
    for k, name in enumerate(calls):
        run = tmp_path / f"run{k}"
        shutil.copytree(project, run)
        monkeypatch.setattr(publish, "OPS", Recorder(rec.real,
                                              fail_at=k, exchange=exchange))
        capsys.readouterr()
        rc = main([command, "--root", str(run)] + (["--quiet", "--no-cache"] if command == "check" else []))
        err = capsys.readouterr().err
        got = _four(run)
        assert got in (old, new), (k, name)
        assert "Traceback" not in err
        if rc == 0:  # only the last fsync (of reports/ itself, after the swap) may fail without harm
            assert got == new and name == "fsync" and k == len(calls) - 1
        else:
            assert rc == 3 and got == old, (k, name)
            fault = err.splitlines()  # the one line of the run, nothing else
            # reports/town-news: not published, the previous reports are kept (<step> failed): no space ...
            assert len(fault) == 1 and fault[0].startswith(f"reports/{ARTICLE}: not published, the previous "
                                                           "reports are kept (")
            assert fault[0].endswith("no space left on device (ENOSPC): the disk is full; free some space and "
                                     "run again") or "injected" in fault[0]
        assert tree_bytes(run / "reports" / ARTICLE / "figures") == figures
        assert [p.name for p in (run / "reports").iterdir()] == [ARTICLE]  # no .publish-/.old- folder left
        assert not list(run.glob(".numclaims-staging-*"))


def test_report_html_that_is_a_folder(project, capsys):
    # the example: report.html is a folder; nothing of the article changes, one line, exit 3
    old = _prepare(project, capsys)
    d = project / "reports" / ARTICLE
    (d / "report.html").unlink()
    (d / "report.html").mkdir()
    (d / "report.html" / "x").write_text("x")
    before = tree_bytes(project / "reports")
    rc = main(["check", "--quiet", "--root", str(project)])
    err = capsys.readouterr().err.splitlines()
    assert rc == 3 and tree_bytes(project / "reports") == before
    assert _four(project)[:1] == old[:1]
    assert [line for line in err if "Traceback" in line] == []
    assert err == [f"reports/{ARTICLE}/report.html: nothing published: it is a folder, not a file; move it away so "
                   "that numclaims can write the article's reports there [not-a-folder]"]


def test_reports_id_that_is_a_file(project, capsys):
    (project / "reports").mkdir()
    (project / "reports" / ARTICLE).write_text("not a folder\n")
    rc = main(["check", "--quiet", "--root", str(project)])
    err = capsys.readouterr().err.splitlines()
    assert rc == 3
    assert err == [f"reports/{ARTICLE}: nothing published: it is a file, not a folder; move it away so that "
                   "numclaims can write the article's reports there [not-a-folder]"]
    assert (project / "reports" / ARTICLE).read_text() == "not a folder\n"


def _dead_pid() -> int:
    p = subprocess.Popen(["true"])
    p.wait()
    return p.pid


def test_sweep_restores_an_old_folder_and_removes_leftovers(project, capsys):
    assert main(["check", "--quiet", "--root", str(project)]) == 0
    old = _four(project)
    reports = project / "reports"
    pid = _dead_pid()
    # a run killed between the two renames of the fallback: reports/<id> gone, the old folder aside
    (reports / ARTICLE).rename(reports / f".{ARTICLE}.old-{pid}-abcd1234")
    (reports / f".{ARTICLE}.publish-{pid}-0000ffff").mkdir()
    (project / f".numclaims-staging-{pid}-xyz").mkdir()
    (project / f".numclaims-staging-{pid}-xyz" / "town-news.1.report.md").write_text("half")
    live = project / f".numclaims-staging-{__import__('os').getpid()}-live"  # this process: left alone
    live.mkdir()
    done = publish.sweep(project)
    assert sorted(done) == sorted([f".{ARTICLE}.old-{pid}-abcd1234", f".{ARTICLE}.publish-{pid}-0000ffff",
                                   f".numclaims-staging-{pid}-xyz"])
    assert [p.name for p in reports.iterdir()] == [ARTICLE] and _four(project) == old
    assert not (project / f".numclaims-staging-{pid}-xyz").exists() and live.is_dir()


def test_check_sweeps_stale_staging(project):
    pid = _dead_pid()
    stale = project / f".numclaims-staging-{pid}-q1w2e3"
    stale.mkdir()
    (stale / "x.results.json").write_text("{}")
    assert main(["check", "--quiet", "--root", str(project)]) == 0
    assert not list(project.glob(".numclaims-staging-*"))


def test_staging_on_another_file_system(project, tmp_path, capsys, monkeypatch):
    # reports/ on another file system than the staging folder: moving a staged file in fails with EXDEV,
    # so it is copied (written and synced) into the new folder instead; then a full disk during that copy
    # leaves the old reports
    import shutil

    old = _prepare(project, capsys)
    ref = tmp_path / "ref"
    shutil.copytree(project, ref)

    class CrossDevice(Recorder):
        def __getattr__(self, name):
            fn = super().__getattr__(name)
            if name != "rename":
                return fn

            def rename(src, dst):
                if ".numclaims-staging-" in src:
                    self.calls.append("rename")
                    raise OSError(errno.EXDEV, "Invalid cross-device link", src)
                return fn(src, dst)

            return rename

    rec = CrossDevice(publish.OPS)
    monkeypatch.setattr(publish, "OPS", rec)
    assert main(["check", "--quiet", "--no-cache", "--root", str(ref)]) == 0
    new = _four(ref)
    assert all(a != b for a, b in zip(old, new)) and rec.calls.count("write") == 4 and rec.calls.count("fsync") == 4
    full = CrossDevice(rec.real, fail_at=rec.calls.index("write"))  # the first copy hits a full disk
    monkeypatch.setattr(publish, "OPS", full)
    capsys.readouterr()
    assert main(["check", "--quiet", "--no-cache", "--root", str(project)]) == 3
    assert _four(project) == old
    assert "Traceback" not in capsys.readouterr().err


def test_first_publish_renames_the_staged_folder_in_one_call(project, tmp_path, capsys, monkeypatch):
    # no reports/<id> yet: the article's staged folder itself becomes reports/<id> (one rename, nothing
    # moved or written in reports/); that rename failing leaves no reports/<id>, no temporary folder, one line
    import shutil
    import stat

    ref = tmp_path / "ref"
    shutil.copytree(project, ref)
    rec = Recorder(publish.OPS)
    monkeypatch.setattr(publish, "OPS", rec)
    assert main(["check", "--quiet", "--root", str(ref)]) == 0
    assert rec.calls == ["rename"]  # reports/town-news did not exist: 1 rename, no mkdir, write or exchange
    d = ref / "reports" / ARTICLE
    assert sorted(p.name for p in d.iterdir()) == sorted(REPORT_FILES)
    assert {stat.S_IMODE((d / f).stat().st_mode) for f in REPORT_FILES} == {0o644}
    capsys.readouterr()
    monkeypatch.setattr(publish, "OPS", Recorder(rec.real, fail_at=0))
    assert main(["check", "--quiet", "--root", str(project)]) == 3
    err = capsys.readouterr().err.splitlines()
    assert err == [f"reports/{ARTICLE}: not published, nothing was written (moving the new folder in "
                   "failed): injected: enospc (ENOSPC): the disk is full; free some space and run again [disk-full]"]
    assert not (project / "reports" / ARTICLE).exists() and list((project / "reports").iterdir()) == []
    assert not list(project.glob(".numclaims-staging-*"))


def test_report_files_are_0644_whatever_the_umask(project):
    # stage_one opens each file 0o644 and adds the bits a umask took away (here 0o077 leaves 0o600) with
    # one fchmod; under the usual 0o022 the mode is right from the open
    import stat

    old = os.umask(0o077)
    try:
        assert main(["check", "--quiet", "--root", str(project)]) == 0
    finally:
        os.umask(old)
    d = project / "reports" / ARTICLE
    assert {stat.S_IMODE((d / f).stat().st_mode) for f in REPORT_FILES} == {0o644}
