"""Incremental checks (numclaims.cache): an unchanged article is answered from .numclaims-cache/ with the
same bytes a new check writes; any change to what it depends on makes it checked again."""

from __future__ import annotations

import hashlib
import json
import os
from numclaims.resultmodel import Results, slim
from pathlib import Path

from conftest import SEED, add_articles, copy_seed, tree_bytes
from numclaims.cache import CACHE_DIR, CACHE_FILE, CheckCache, figure_signature, reference_files, run_signature
from numclaims.cli import main


def _run(root: Path, capsys, *extra: str) -> tuple[int, str, str]:
    capsys.readouterr()
    rc = main(["check", "--root", str(root), *extra])
    out, err = capsys.readouterr()
    return rc, out, err


def _summary(out: str) -> str:
    return [line for line in out.splitlines() if "article(s) checked" in line][0]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_results_record_the_sha256_of_each_input_as_read(tmp_path, capsys):
    root = copy_seed(tmp_path / "p")
    assert _run(root, capsys)[0] == 0
    prov = json.loads((root / "reports" / SEED / "results.json").read_text(encoding="utf-8"))["provenance"]
    src = root / "datasets" / "sources"
    assert prov["claims_file"] == {"path": f"claims/{SEED}.yaml", "sha256": _sha(root / "claims" / f"{SEED}.yaml")}
    assert prov["source_text"] == {"path": f"datasets/sources/{SEED}.txt", "sha256": _sha(src / f"{SEED}.txt")}
    assert prov["source_meta"] == {"path": f"datasets/sources/{SEED}.meta.yaml",
                                   "sha256": _sha(src / f"{SEED}.meta.yaml")}


def test_a_rerun_answers_from_the_cache_with_the_same_output(tmp_path, capsys):
    root = copy_seed(tmp_path / "p")
    rc1, out1, _ = _run(root, capsys)
    first = tree_bytes(root / "reports")
    assert (root / CACHE_DIR / CACHE_FILE).is_file()
    rc2, out2, _ = _run(root, capsys)
    assert rc1 == rc2 == 0
    assert "(1 unchanged since the last check: from .numclaims-cache/)" in _summary(out2)
    # the table and findings printed from the cached results.json are those of the first run
    assert out2.replace(" (1 unchanged since the last check: from .numclaims-cache/)", "") == out1
    assert tree_bytes(root / "reports") == first
    rc3, out3, _ = _run(root, capsys, "--no-cache")
    assert out3 == out1 and tree_bytes(root / "reports") == first


def test_quiet_runs_use_the_slim_cached_results(project, capsys):
    add_articles(project, 3)
    assert _run(project, capsys, "--quiet")[0] == 0
    rc, _, err = _run(project, capsys, "--quiet", "--strict")
    assert rc == 0
    # 4 articles x 3 checks, all consistent (the summary counts come from the cached summaries)
    assert err.splitlines()[-1] == ("4 article(s) checked (4 unchanged since the last check: from .numclaims-cache/), "
                                    "0 invalid, 12 checks: 12 consistent, 0 tension, 0 inconsistent, 0 unverifiable")


def test_each_kind_of_change_makes_the_article_checked_again(project, capsys):
    add_articles(project, 1)  # town-news and town-news-1
    assert _run(project, capsys, "--quiet")[0] == 0
    rep = project / "reports" / "town-news"
    changes = {
        # a comment changes the claims file's bytes, not its meaning: checked again, same reports
        "claims file": lambda: (project / "claims" / "town-news.yaml").write_text(
            (project / "claims" / "town-news.yaml").read_text(encoding="utf-8") + "# reviewed\n", encoding="utf-8"),
        "source metadata": lambda: (project / "datasets" / "sources" / "town-news.meta.yaml").write_text(
            (project / "datasets" / "sources" / "town-news.meta.yaml").read_text(encoding="utf-8")
            .replace("title: Mine raid frees workers", "title: Mine raid frees 300 workers"), encoding="utf-8"),
        "source text": lambda: (project / "datasets" / "sources" / "town-news.txt").write_text(
            (project / "datasets" / "sources" / "town-news.txt").read_text(encoding="utf-8") + "\n", encoding="utf-8"),
        "deleted report": lambda: (rep / "report.html").unlink(),
        "edited report": lambda: (rep / "results.json").write_text("{}", encoding="utf-8"),
        "new figure": lambda: ((rep / "figures").mkdir(), (rep / "figures" / "01-x.svg").write_text(
            "<svg xmlns='http://www.w3.org/2000/svg'><title>X</title></svg>", encoding="utf-8")),
    }
    for what, change in changes.items():
        change()
        rc, _, err = _run(project, capsys, "--quiet")
        assert rc == 0, what
        # of the two articles only town-news-1 is unchanged
        assert "(1 unchanged since the last check" in err, what
        fresh = tree_bytes(rep)
        assert _run(project, capsys, "--quiet", "--no-cache")[0] == 0
        assert tree_bytes(rep) == fresh, what  # what the cache-aware run wrote is what a full check writes
    res = json.loads((rep / "results.json").read_text(encoding="utf-8"))
    assert res["source"]["title"] == "Mine raid frees 300 workers"
    assert res["provenance"]["claims_file"]["sha256"] == _sha(project / "claims" / "town-news.yaml")
    assert "Mine raid frees 300 workers" in (rep / "report.html").read_text(encoding="utf-8")


def test_signature_covers_reference_data_and_configuration(tmp_path):
    root = copy_seed(tmp_path / "p")
    base = run_signature(root)
    assert run_signature(root) == base  # deterministic
    csv = root / "datasets" / "reference" / "peru-trafficking-figures.csv"
    csv.write_text(csv.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_csv = run_signature(root)
    assert after_csv != base
    (root / "numclaims.toml").write_text('[claimreview]\nauthor = "Desk"\n', encoding="utf-8")
    assert run_signature(root) != after_csv


def test_another_signature_or_a_corrupt_file_empties_the_cache(project, capsys):
    assert _run(project, capsys, "--quiet")[0] == 0
    sig = run_signature(project)
    assert list(CheckCache(project, sig).entries) == ["claims/town-news.yaml"]
    # code, library versions or reference data changed: nothing from before is trusted
    assert CheckCache(project, "another signature").entries == {}
    (project / CACHE_DIR / CACHE_FILE).write_text('{"format": 1, "signature": "', encoding="utf-8")  # cut short
    assert CheckCache(project, sig).entries == {}
    rc, _, err = _run(project, capsys, "--quiet")
    assert rc == 0 and "unchanged since the last check" not in err
    assert list(CheckCache(project, sig).entries) == ["claims/town-news.yaml"]  # rewritten whole


def test_invalid_files_are_never_cached_and_cross_file_rules_still_apply(project, capsys):
    add_articles(project, 1)
    assert _run(project, capsys, "--quiet")[0] == 0
    # a new file that reuses claim id rescued-300 of the cached town-news.yaml (defined at its line 5)
    text = (project / "claims" / "town-news-1.yaml").read_text(encoding="utf-8")
    (project / "claims" / "town-news-2.yaml").write_text(
        text.replace("article: town-news-1", "article: town-news-2").replace("a1-rescued-300", "rescued-300"),
        encoding="utf-8")
    before = tree_bytes(project / "reports")
    for _ in range(2):  # the second time too: the invalid file was not cached, the error is printed again
        rc, _, err = _run(project, capsys, "--quiet")
        assert rc == 2
        lines = err.splitlines()
        assert ("claims/town-news.yaml:5: claim rescued-300: id: duplicate claim id: also defined at "
                "claims/town-news-2.yaml:5; claim ids must be unique across all claims files [duplicate-id-across-files]") in lines
        assert ("claims/town-news-2.yaml:5: claim rescued-300: id: duplicate claim id: also defined at "
                "claims/town-news.yaml:5; claim ids must be unique across all claims files [duplicate-id-across-files]") in lines
        assert tree_bytes(project / "reports") == before
    assert set(CheckCache(project).entries) == {"claims/town-news.yaml", "claims/town-news-1.yaml"}


def test_deleted_claims_files_leave_the_cache(project, capsys):
    add_articles(project, 1)
    assert _run(project, capsys, "--quiet")[0] == 0
    (project / "claims" / "town-news-1.yaml").unlink()
    assert _run(project, capsys, "--quiet")[0] == 0
    assert list(CheckCache(project).entries) == ["claims/town-news.yaml"]


def test_no_write_neither_reads_nor_writes_the_cache(project, capsys):
    rc, _, err = _run(project, capsys, "--quiet", "--no-write")
    assert rc == 0 and not (project / CACHE_DIR).exists()
    assert _run(project, capsys, "--quiet")[0] == 0
    rc, _, err = _run(project, capsys, "--quiet", "--no-write")
    assert rc == 0 and "unchanged since the last check" not in err


def test_a_run_that_changes_nothing_leaves_the_cache_file_alone(project, capsys):
    assert _run(project, capsys, "--quiet")[0] == 0
    cache_file = project / CACHE_DIR / CACHE_FILE
    before = cache_file.stat().st_mtime_ns
    assert _run(project, capsys, "--quiet")[0] == 0
    assert cache_file.stat().st_mtime_ns == before  # every entry held: the file was not rewritten
    (project / "claims" / "town-news.yaml").write_text(
        (project / "claims" / "town-news.yaml").read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    assert _run(project, capsys, "--quiet")[0] == 0
    entry = json.loads(cache_file.read_text(encoding="utf-8"))["entries"]["claims/town-news.yaml"]
    assert entry["inputs"]["claims_file"] == _sha(project / "claims" / "town-news.yaml")


# ------------------------------------------------------------------ cases found by trying to break it


def test_a_symlinked_claims_file_keeps_its_name_in_provenance(tmp_path, capsys):
    root = copy_seed(tmp_path / "p")
    assert _run(root, capsys, "-q")[0] == 0
    (root / "drafts").mkdir()
    (root / "claims" / f"{SEED}.yaml").rename(root / "drafts" / f"{SEED}.yaml")
    (root / "claims" / f"{SEED}.yaml").symlink_to(Path("..") / "drafts" / f"{SEED}.yaml")
    for extra in ((), ("--no-cache",)):  # the cached run and a full one name it the same way
        assert _run(root, capsys, "-q", *extra)[0] == 0
        prov = json.loads((root / "reports" / SEED / "results.json").read_text(encoding="utf-8"))["provenance"]
        assert prov["claims_file"]["path"] == f"claims/{SEED}.yaml"


def test_a_claims_file_outside_the_project_is_named_by_its_file_name(project, tmp_path, capsys):
    out = tmp_path / "elsewhere"
    out.mkdir()
    (project / "claims" / "town-news.yaml").rename(out / "town-news.yaml")
    rep = project / "reports" / "town-news" / "results.json"
    for given in (str(out / "town-news.yaml"), "../elsewhere/town-news.yaml"):
        capsys.readouterr()
        cwd = os.getcwd()
        os.chdir(project)
        try:
            assert main(["check", "-q", "--root", str(project), given]) == 0
        finally:
            os.chdir(cwd)
        assert json.loads(rep.read_text(encoding="utf-8"))["provenance"]["claims_file"]["path"] == "town-news.yaml"


def test_reference_files_follow_the_data_package(tmp_path):
    root = copy_seed(tmp_path / "p")
    names = [p.relative_to(root).as_posix() for p in reference_files(root)]
    # the seed package names three tables under reference/: the tidy one, the raw copy it is made from and
    # the figures added by hand
    assert names == ["datasets/datapackage.json", "datasets/reference/peru-trafficking-figures.csv",
                     "datasets/reference/raw/peru-trafficking-figures.csv", "datasets/reference/added-figures.csv"]
    # a resource with a .tab path and a schema kept in its own file: both are counted
    pkg = root / "datasets" / "datapackage.json"
    data = json.loads(pkg.read_text(encoding="utf-8"))
    data["resources"].append({"name": "extra", "path": "reference/extra.tab", "schema": "reference/extra.schema.json"})
    pkg.write_text(json.dumps(data), encoding="utf-8")
    names = [p.relative_to(root).as_posix() for p in reference_files(root)]
    assert names[-2:] == ["datasets/reference/extra.tab", "datasets/reference/extra.schema.json"]


def test_a_symlinked_reference_folder_is_still_watched(tmp_path, capsys):
    root = copy_seed(tmp_path / "p")
    (root / "datasets" / "reference").rename(tmp_path / "ref")
    (root / "datasets" / "reference").symlink_to(tmp_path / "ref")
    assert _run(root, capsys, "-q")[0] == 0
    csv = tmp_path / "ref" / "peru-trafficking-figures.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace(",300,", ",900,", 1), encoding="utf-8")
    rc, _, err = _run(root, capsys, "-q")
    fresh = tree_bytes(root / "reports")
    assert "unchanged since the last check" not in err
    assert _run(root, capsys, "-q", "--no-cache")[0] == rc
    assert tree_bytes(root / "reports") == fresh


def test_a_figure_replaced_after_the_report_read_it_is_a_miss(project, capsys):
    assert _run(project, capsys, "-q")[0] == 0
    cache = CheckCache(project)
    key = "claims/town-news.yaml"
    res = Results.model_validate_json((project / "reports" / "town-news" / "results.json").read_bytes())
    reports = [project / "reports" / "town-news" / n for n in ("results.json", "report.md", "report.html",
                                                               "claimreview.json")]
    figs = project / "reports" / "town-news" / "figures"
    figs.mkdir()
    (figs / "01-x.svg").write_text("<svg/>", encoding="utf-8")
    seen = figure_signature(figs)  # what the report read ...
    (figs / "01-x.svg").write_text("<svg><!-- redrawn --></svg>", encoding="utf-8")  # ... then replaced
    cache.record(project / key, res, {"rescued-300": 5}, reports, seen)
    assert cache.lookup(project / key) is None
    cache.record(project / key, res, {"rescued-300": 5}, reports, figure_signature(figs))
    assert cache.lookup(project / key) is not None


def test_reference_data_changed_during_a_run_empties_the_cache(tmp_path, capsys):
    root = copy_seed(tmp_path / "p")
    assert _run(root, capsys, "-q")[0] == 0
    cache = CheckCache(root)  # a run starts ...
    assert cache.entries
    csv = root / "datasets" / "reference" / "peru-trafficking-figures.csv"
    text = csv.read_text(encoding="utf-8")
    csv.write_text(text + "\n", encoding="utf-8")  # ... the data changes while it goes on ...
    csv.write_text(text, encoding="utf-8")  # ... and back (same bytes, a new modification time)
    slim_res = slim(Results.model_validate_json((root / "reports" / SEED / "results.json").read_bytes()))
    cache.record(root / "claims" / f"{SEED}.yaml", slim_res.model_copy(update={"provenance": None}), {}, [], [])  # no-op: no hashes
    cache._changed = True
    cache.save()
    assert json.loads((root / CACHE_DIR / CACHE_FILE).read_text(encoding="utf-8"))["entries"] == {}


def test_a_reports_folder_linked_out_of_reports_is_an_input_error(project, tmp_path, capsys):
    assert _run(project, capsys, "-q")[0] == 0
    (project / "reports" / "town-news").rename(tmp_path / "out")
    (project / "reports" / "town-news").symlink_to(tmp_path / "out")
    before = tree_bytes(tmp_path / "out")
    for extra in ((), ("--no-cache",)):
        rc, _, err = _run(project, capsys, "-q", *extra)
        assert rc == 2 and "Traceback" not in err
        assert err.splitlines()[0] == (
            f"claims/town-news.yaml:2: article: article id 'town-news' would write outside "
            f"{(project / 'reports').resolve()}; reports/town-news must be a folder inside reports/, not a link "
            "out of it [reports-outside]")
        assert tree_bytes(tmp_path / "out") == before


def test_damaged_cache_files_cost_a_recheck_never_a_traceback(project, capsys):
    assert _run(project, capsys, "-q")[0] == 0
    cache_file = project / CACHE_DIR / CACHE_FILE
    good = json.loads(cache_file.read_text(encoding="utf-8"))
    entry = good["entries"]["claims/town-news.yaml"]
    damaged = [
        "[" * 100_000,  # nesting too deep for the JSON parser
        json.dumps({**good, "entries": 5}),
        json.dumps({**good, "entries": [1, 2]}),
        json.dumps({**good, "entries": {"claims/town-news.yaml": 7}}),
        json.dumps({**good, "entries": {"claims/town-news.yaml": {**entry, "results": "garbage"}}}),
        json.dumps({**good, "entries": {"claims/town-news.yaml": {**entry, "article": "../x"}}}),
        # an entry that lists no report files would otherwise vouch for reports that may be gone
        json.dumps({**good, "entries": {"claims/town-news.yaml": {**entry, "reports": {}}}}),
        json.dumps({**good, "entries": {"claims/town-news.yaml": {
            **entry, "results": {**entry["results"], "summary": {"verdicts": {"consistent": "99"}}}}}}),
    ]
    for text in damaged:
        cache_file.write_text(text, encoding="utf-8")
        rc, _, err = _run(project, capsys, "-q")
        assert rc == 0 and "Traceback" not in err, text[:80]
        assert "unchanged since the last check" not in err, text[:80]
        assert not list(project.glob(".numclaims-staging-*"))


def test_a_cached_file_that_fails_a_cross_file_rule_is_not_counted_as_checked(project, capsys):
    add_articles(project, 1)
    assert _run(project, capsys, "-q")[0] == 0
    text = (project / "claims" / "town-news-1.yaml").read_text(encoding="utf-8")
    (project / "claims" / "town-news-2.yaml").write_text(
        text.replace("article: town-news-1", "article: town-news-2").replace("a1-", "a2-")
        .replace("a2-rescued-300", "rescued-300"), encoding="utf-8")
    rc, _, err = _run(project, capsys, "-q")
    # town-news (cached) and town-news-2 share a claim id: both invalid; town-news-1 is valid and cached
    assert rc == 2
    assert err.splitlines()[-1].startswith("1 article(s) checked (1 unchanged since the last check: "
                                           "from .numclaims-cache/), 2 invalid,")


def test_a_file_named_twice_is_checked_once(project, capsys):
    capsys.readouterr()
    assert main(["check", "-q", "--root", str(project), str(project / "claims"),
                 str(project / "claims" / "town-news.yaml")]) == 0
    assert capsys.readouterr().err.splitlines()[-1].startswith("1 article(s) checked")


def test_a_results_json_edited_with_its_size_and_time_kept_is_checked_again(project, capsys):
    # fault injection: results.json tampered with so that a stat cannot tell (same size, time set back):
    # its SHA-256 differs from the entry's digest, so the article is checked again and the file rewritten
    assert _run(project, capsys, "-q")[0] == 0
    path = project / "reports" / "town-news" / "results.json"
    good = path.read_bytes()
    st = os.stat(path)
    assert b'"verdict": "consistent"' in good
    bad = good.replace(b'"verdict": "consistent"', b'"verdict": "tension"   ', 1)  # 12 bytes for 12
    assert len(bad) == len(good) and bad != good
    path.write_bytes(bad)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert [os.stat(path).st_size, os.stat(path).st_mtime_ns] == [st.st_size, st.st_mtime_ns]
    rc, _, err = _run(project, capsys, "-q")
    assert rc == 0 and "unchanged since the last check" not in err
    assert path.read_bytes() == good
    rc, _, err = _run(project, capsys, "-q")  # and now it is what the cache recorded again
    assert "(1 unchanged since the last check" in err


def test_a_hit_takes_the_slim_results_from_the_sealed_entry(project, capsys, monkeypatch):
    # a quiet re-run neither parses nor validates results.json (its bytes are hashed, not read back)
    import numclaims.cache as cache_module

    assert _run(project, capsys, "-q")[0] == 0

    def refuse(*a, **k):
        raise AssertionError("results.json read back")

    monkeypatch.setattr(cache_module, "read_back", refuse)
    rc, _, err = _run(project, capsys, "-q", "--strict")
    assert rc == 0 and "(1 unchanged since the last check" in err
    # the summary line counts what the cached slim results say: 3 checks, all consistent
    assert err.splitlines()[-1].endswith("3 checks: 3 consistent, 0 tension, 0 inconsistent, 0 unverifiable")


def test_an_entry_with_another_digest_or_a_broken_seal_is_not_used(project, capsys):
    assert _run(project, capsys, "-q")[0] == 0
    cache_file = project / CACHE_DIR / CACHE_FILE
    good = json.loads(cache_file.read_text(encoding="utf-8"))
    entry = good["entries"]["claims/town-news.yaml"]
    assert set(entry) == {"article", "source", "inputs", "figures", "reports", "lines", "results", "digest", "seal"}
    assert entry["digest"] == _sha(project / "reports" / "town-news" / "results.json")
    for edited in ({**entry, "digest": "0" * 64}, {**entry, "seal": "0" * 64},
                   {**entry, "lines": {k: v + 1 for k, v in entry["lines"].items()}}):
        cache_file.write_text(json.dumps({**good, "entries": {"claims/town-news.yaml": edited}}), encoding="utf-8")
        rc, _, err = _run(project, capsys, "-q")
        assert rc == 0 and "unchanged since the last check" not in err
