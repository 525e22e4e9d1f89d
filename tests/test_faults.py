"""Environment faults and the path guard: each is one line on stderr naming the path and the reason, with
the exit status of docs/faults.md (2 input, 3 environment), no traceback, and nothing under reports/ (or the
claims file) changed. Faults that root (who runs CI) cannot meet for real, such as a read-only folder or a
full disk, are injected at the system call; the others (FIFO, /dev/zero, symlinks, ulimit -f) are real."""

from __future__ import annotations

import errno
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import tree_bytes
from numclaims import publish
from numclaims.cli import main


def _run(capsys, *argv) -> tuple[int, list[str]]:
    capsys.readouterr()
    rc = main(list(argv))
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return rc, err.splitlines()


@pytest.fixture
def checked(project) -> Path:
    """The fixture project after one valid check (reports/town-news/ holds the four report files)."""
    assert main(["check", "--quiet", "--root", str(project)]) == 0
    return project


def _touch_claims(project: Path) -> None:
    """Change the claims file (a comment) so that the next check has new reports to publish."""
    p = project / "claims" / "town-news.yaml"
    p.write_text("# edited\n" + p.read_text(encoding="utf-8"), encoding="utf-8")


def _erofs(*_a, **_k):
    raise OSError(errno.EROFS, "Read-only file system", _a[0] if _a else None)


def test_read_only_reports(checked, capsys, monkeypatch):
    _touch_claims(checked)
    before = tree_bytes(checked / "reports")
    monkeypatch.setattr(publish.OPS, "mkdir", _erofs)  # the new folder cannot be made in reports/
    rc, err = _run(capsys, "check", "--quiet", "--root", str(checked))
    assert (rc, err) == (3, ["reports/town-news: not published, the previous reports are kept (create the new "
                             "folder failed): read-only file system (EROFS): the file system is read-only [read-only]"])
    assert tree_bytes(checked / "reports") == before
    assert not list(checked.glob(".numclaims-staging-*"))


def test_read_only_project_root(checked, capsys, monkeypatch):
    _touch_claims(checked)
    before = tree_bytes(checked / "reports")
    monkeypatch.setattr(tempfile, "mkdtemp", _erofs)  # the staging folder cannot be made in the root
    rc, err = _run(capsys, "check", "--quiet", "--root", str(checked))
    assert (rc, err) == (3, [f"{checked}: cannot create the staging folder for the reports (nothing was written): "
                             "read-only file system (EROFS): the file system is read-only [read-only]"])
    assert tree_bytes(checked / "reports") == before


def test_disk_full_while_staging(checked, capsys, monkeypatch):
    _touch_claims(checked)
    before = tree_bytes(checked / "reports")
    real = os.write

    def write(fd, data):  # the workers' staged report files (os.write): ENOSPC; the terminal still works
        if fd > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(os, "write", write)
    rc, err = _run(capsys, "check", "--quiet", "--root", str(checked))
    monkeypatch.undo()
    assert rc == 3 and len(err) == 1
    assert err[0] == ("reports/town-news/results.json: not published, the previous reports are kept (staging the new "
                      "file failed): no space left on device (ENOSPC): the disk is full; free some space and run again "
                      "[disk-full]")
    assert tree_bytes(checked / "reports") == before
    assert not list(checked.glob(".numclaims-staging-*"))


def test_ulimit_f(checked, tmp_path):
    # a real size limit of 4 KiB (RLIMIT_FSIZE binds root too): report.html (about 30 KB) cannot be staged
    _touch_claims(checked)
    before = tree_bytes(checked / "reports")

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    r = subprocess.run([sys.executable, "-m", "numclaims.cli", "check", "--quiet", "--root", str(checked)],
                       capture_output=True, text=True, preexec_fn=limit, timeout=120)
    assert r.returncode == 3, r.stderr
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reports/town-news/")
    assert lines[0].endswith("file too large (EFBIG): the file is larger than the size limit of this shell "
                             "(ulimit -f); raise the limit [file-too-big]")
    assert tree_bytes(checked / "reports") == before


def test_reports_id_is_a_file(project, capsys):
    (project / "reports").mkdir()
    (project / "reports" / "town-news").write_text("x\n")
    rc, err = _run(capsys, "check", "--quiet", "--root", str(project))
    assert (rc, err) == (3, ["reports/town-news: nothing published: it is a file, not a folder; move it away so that "
                             "numclaims can write the article's reports there [not-a-folder]"])


def test_reports_symlink_refused(project, tmp_path, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / "reports").symlink_to(outside)
    for argv in (["check", "--quiet"], ["report"]):
        rc, err = _run(capsys, *argv, "--root", str(project))
        assert (rc, err) == (3, [f"reports/: refused: it is a symbolic link (to {outside}); numclaims writes only "
                                 "inside the project: replace the link with a folder [reports-outside]"])
    assert list(outside.iterdir()) == []  # nothing written outside the project


def test_claims_file_dev_zero_and_fifo(project, capsys):
    rc, err = _run(capsys, "check", "--root", str(project), "/dev/zero")
    assert (rc, err) == (2, ["/dev/zero:0: it is a character device, not a claims file; numclaims reads only "
                             "regular files [file-unreadable]"])
    fifo = project / "claims" / "pipe.yaml"
    os.mkfifo(fifo)  # in claims/: found by the glob, refused by the reader without blocking
    rc, err = _run(capsys, "check", "--quiet", "--root", str(project))
    assert rc == 2
    assert err[0] == ("claims/pipe.yaml:0: cannot read file: it is a FIFO (named pipe), not a regular file; "
                      "numclaims reads only regular files [file-unreadable]")
    assert tree_bytes(project / "reports / pipe") == {}
    os.unlink(fifo)
    (project / "claims" / "zero.yaml").symlink_to("/dev/zero")
    rc, err = _run(capsys, "check", "--quiet", "--root", str(project))
    assert rc == 2 and err[0].endswith("zero.yaml:0: cannot read file: it is a character device, not a regular "
                                       "file; numclaims reads only regular files [file-unreadable]")


def test_size_guard(project, capsys, monkeypatch):
    import numclaims.paths as paths

    monkeypatch.setattr(paths, "MAX_INPUT_BYTES", 1000)  # the fixture's claims file is larger
    monkeypatch.setattr(paths.read_input, "__defaults__", (1000,))
    size = (project / "claims" / "town-news.yaml").stat().st_size
    rc, err = _run(capsys, "check", "--quiet", "--root", str(project))
    assert rc == 2
    assert err[0] == (f"claims/town-news.yaml:0: cannot read file: it is {size:,} bytes, over the limit of 1,000 "
                      "bytes for an input file [file-unreadable]")


def test_dangling_reference_link_outside_the_package(project, capsys):
    ref = project / "datasets" / "reference"
    ref.mkdir(parents=True, exist_ok=True)
    (ref / "gone.csv").symlink_to("nowhere.csv")
    rc, err = _run(capsys, "check", "--quiet", "--root", str(project))
    assert rc == 0


def test_truncated_results_json_for_notebooks(checked, capsys):
    nb = checked / "notebooks"
    nb.mkdir()
    shutil.copy(Path(__file__).parents[1] / "notebooks" / "01-claims-and-intervals.ipynb", nb) if (
        Path(__file__).parents[1] / "notebooks" / "01-claims-and-intervals.ipynb").exists() else (
        nb / "01-x.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n')
    rj = checked / "reports" / "town-news" / "results.json"
    rj.write_bytes(rj.read_bytes()[:40])
    before = tree_bytes(checked / "reports")
    rc, err = _run(capsys, "notebooks", "--root", str(checked))
    assert rc == 2 and len(err) == 1
    assert err[0].startswith("reports/town-news/results.json:")
    assert err[0].endswith("; run `numclaims check` to write it again [results-invalid]")
    assert tree_bytes(checked / "reports") == before


def test_a_results_field_broken_by_hand_stops_the_notebooks_before_they_run(checked, capsys):
    # valid JSON, but a verdict no check gives: one line naming the field, exit 2, no notebook run (each
    # notebook failed alone before, with the same error four times)
    nb = checked / "notebooks"
    nb.mkdir()
    (nb / "01-x.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n')
    rj = checked / "reports" / "town-news" / "results.json"
    rj.write_text(rj.read_text(encoding="utf-8").replace('"verdict": "consistent"', '"verdict": 42', 1),
                  encoding="utf-8")
    before = tree_bytes(checked / "reports")
    rc, err = _run(capsys, "notebooks", "--root", str(checked))
    assert (rc, err) == (2, [
        "reports/town-news/results.json: not a results file numclaims wrote: checks.0.verdict: Input should be "
        "'consistent', 'tension', 'inconsistent' or 'unverifiable'; run `numclaims check` again [results-invalid]"])
    assert tree_bytes(checked / "reports") == before


def test_review_set_read_only_claims(project, capsys, monkeypatch):
    import numclaims.atomic as atomic

    before = (project / "claims" / "town-news.yaml").read_bytes()
    monkeypatch.setattr(atomic.tempfile, "mkstemp", _erofs)
    rc, err = _run(capsys, "review", "set", "rescued-300", "verified", "--reviewer", "R", "--note", "n",
                   "--date", "2014-03-05", "--root", str(project))
    assert (rc, err) == (3, ["claims/town-news.yaml: claim rescued-300: decision not recorded, the file is "
                             "unchanged: read-only file system (EROFS): the file system is read-only [read-only]"])
    assert (project / "claims" / "town-news.yaml").read_bytes() == before


def test_review_set_through_a_symlink(project, tmp_path, capsys):
    real = project / "datasets" / "town-news-claims.yaml"
    (project / "claims" / "town-news.yaml").rename(real)
    (project / "claims" / "town-news.yaml").symlink_to(real)
    rc, _ = _run(capsys, "review", "set", "rescued-300", "verified", "--reviewer", "R", "--note", "n",
                 "--date", "2014-03-05", "--root", str(project))
    assert rc == 0
    assert (project / "claims" / "town-news.yaml").is_symlink()  # the link stays a link
    assert "status: verified" in real.read_text(encoding="utf-8")  # and the real file has the decision
    # a link that leads outside the project is refused, and the file there is not touched
    outside = tmp_path / "elsewhere.yaml"
    real.rename(outside)
    (project / "claims" / "town-news.yaml").unlink()
    (project / "claims" / "town-news.yaml").symlink_to(outside)
    before = outside.read_bytes()
    rc, err = _run(capsys, "review", "set", "workers-1600", "verified", "--reviewer", "R", "--note", "n",
                   "--date", "2014-03-05", "--root", str(project))
    assert (rc, err) == (2, [f"claims/town-news.yaml:0: claim workers-1600: refusing to write: the claims file is a "
                             f"symbolic link to {outside}, outside the project; edit that file there, or copy it "
                             "into claims/ [review-refused]"])
    assert outside.read_bytes() == before


def test_review_set_id_in_two_files(project, capsys):
    text = (project / "claims" / "town-news.yaml").read_text(encoding="utf-8")
    (project / "claims" / "copy.yaml").write_text(text.replace("article: town-news", "article: copy"),
                                                  encoding="utf-8")
    before = tree_bytes(project / "claims")
    rc, err = _run(capsys, "review", "set", "rescued-300", "verified", "--reviewer", "R", "--note", "n",
                   "--date", "2014-03-05", "--root", str(project))
    # line 5 of both files is `  - id: rescued-300`
    assert (rc, err) == (2, ["claims/copy.yaml:5: claim rescued-300: id: also defined at claims/town-news.yaml:5; "
                             "claim ids must be unique across all claims files (rename one, or pass --article) "
                             "[duplicate-id-across-files]"])
    assert tree_bytes(project / "claims") == before


def test_yml_claims_files_are_read(project, capsys):
    (project / "claims" / "town-news.yaml").rename(project / "claims" / "town-news.yml")
    rc, _ = _run(capsys, "check", "--quiet", "--root", str(project))
    assert rc == 0 and (project / "reports" / "town-news" / "results.json").is_file()


def test_figure_symlink_out_of_reports_not_embedded(checked, capsys):
    fig = checked / "reports" / "town-news" / "figures"
    fig.mkdir()
    secret = checked.parent / "secret.svg"
    secret.write_text("<svg xmlns='http://www.w3.org/2000/svg'><title>SECRET-HOSTNAME</title></svg>")
    (fig / "01-leak.svg").symlink_to(secret)
    (fig / "02-ok.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'><title>Fine</title></svg>")
    rc, err = _run(capsys, "check", "--quiet", "--no-cache", "--root", str(checked))
    assert rc == 0
    html = (checked / "reports" / "town-news" / "report.html").read_text(encoding="utf-8")
    assert "SECRET-HOSTNAME" not in html and "U0VDUkVULUhPU1RO" not in html and "Fine" in html
    assert (f"reports/town-news/figures/01-leak.svg: figure not embedded: it is a symbolic link to a file outside "
            "reports/ [figure-not-embedded]") in err


@pytest.mark.parametrize("exc, status, line", [
    (KeyError("x\ny"), 70, "numclaims: internal error: KeyError: 'x\\ny'; please report it (set NUMCLAIMS_DEBUG=1 to "
                          "see the traceback) [internal-error]"),
    (MemoryError(), 3, "numclaims: out of memory; an input is far larger than a claims or source file should be "
                    "[out-of-memory]"),
    (RecursionError(), 3, "numclaims: an input is nested too deeply to read [too-deeply-nested]"),
    (OSError(errno.EIO, "Input/output error", "claims/x.yaml"), 3,
     "claims/x.yaml: input/output error (EIO): input/output error from the disk [io-error]"),
], ids=["internal", "memory", "recursion", "oserror"])
def test_every_exception_is_one_line(project, capsys, monkeypatch, exc, status, line):
    from numclaims import cli

    def boom(args):
        raise exc

    real = cli.build_parser

    def build():  # the parser binds each command's run at registration: swap check's for boom
        p = real()
        p._subparsers._group_actions[0].choices["check"].set_defaults(func=boom)
        return p

    monkeypatch.setattr(cli, "build_parser", build)
    monkeypatch.delenv("NUMCLAIMS_DEBUG", raising=False)
    rc, err = _run(capsys, "check", "--root", str(project))
    assert (rc, err) == (status, [line])


def test_an_edited_cache_entry_is_not_trusted(checked, capsys):
    import json

    from numclaims.cache import CACHE_DIR, CACHE_FILE

    cache = checked / CACHE_DIR / CACHE_FILE
    data = json.loads(cache.read_text(encoding="utf-8"))
    entry = data["entries"]["claims/town-news.yaml"]
    # well-formed, but says one check is inconsistent (the fixture's three checks are consistent)
    entry["results"]["summary"]["verdicts"].update(consistent=2, inconsistent=1)
    cache.write_text(json.dumps(data), encoding="utf-8")
    rc, err = _run(capsys, "check", "--quiet", "--strict", "--root", str(checked))
    assert rc == 0  # not 1: the entry no longer matches results.json, so the article is checked again
    assert err[-1] == "1 article(s) checked, 0 invalid, 3 checks: 3 consistent, 0 tension, 0 inconsistent, 0 unverifiable"
    # results.json edited the same way, keeping its size and modification time: not trusted either
    rj = checked / "reports" / "town-news" / "results.json"
    st = rj.stat()
    text = rj.read_text(encoding="utf-8")
    edited = text.replace('"consistent": 3', '"consistent": 2').replace('"inconsistent": 0', '"inconsistent": 1')
    assert edited != text and len(edited) == len(text)
    rj.write_text(edited, encoding="utf-8")
    os.utime(rj, ns=(st.st_atime_ns, st.st_mtime_ns))
    rc, err = _run(capsys, "check", "--quiet", "--strict", "--root", str(checked))
    assert rc == 0 and "unchanged since the last check" not in err[-1]
    assert rj.read_text(encoding="utf-8") == text  # re-checked and written again


def test_fifo_source_and_dangling_claims_link(project, capsys):
    src = project / "datasets" / "sources"
    os.mkfifo(src / "pipe.txt")
    (src / "pipe.meta.yaml").write_text((src / "town-news.meta.yaml").read_text(encoding="utf-8")
                                        .replace("id: town-news", "id: pipe"), encoding="utf-8")
    refusal = ("cannot read file: it is a FIFO (named pipe), not a regular file; numclaims reads only regular files "
               "[file-unreadable]")
    rc, err = _run(capsys, "new", "pipe", "--id", "piped", "--root", str(project))
    assert rc == 2 and err[0] == f"datasets/sources/pipe.txt:0: {refusal}"
    assert not (project / "claims" / "piped.yaml").exists()
    rc, err = _run(capsys, "extract", str(src / "pipe.txt"), "--root", str(project))
    assert (rc, err) == (2, [f"{src / 'pipe.txt'}:0: {refusal}"])
    os.mkfifo(project / "claims" / "p.yaml")
    rc, err = _run(capsys, "review", "--root", str(project))  # the queue: one line for the FIFO, no fault
    assert rc == 2 and err == [f"claims/p.yaml:0: {refusal}"]
    os.unlink(project / "claims" / "p.yaml")
    (project / "claims" / "gone.yaml").symlink_to("nowhere.yaml")
    rc, err = _run(capsys, "check", "--quiet", "--root", str(project))
    assert rc == 2 and err[0] == ("claims/gone.yaml:0: cannot read file: it is a symbolic link to nowhere.yaml, which "
                                  "does not exist [file-unreadable]")


def test_cache_file_that_is_a_fifo_counts_as_empty(checked, capsys):
    from numclaims.cache import CACHE_DIR, CACHE_FILE

    cache = checked / CACHE_DIR / CACHE_FILE
    cache.unlink()
    os.mkfifo(cache)  # reading it would block for ever: the input guard refuses it, the cache is empty
    rc, err = _run(capsys, "check", "--quiet", "--root", str(checked))
    assert rc == 0 and "unchanged since the last check" not in err[-1]
    assert cache.is_file()  # saved again as a regular file
