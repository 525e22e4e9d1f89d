"""The archive's timeline of one measure (numclaims.timeline): which figures join it, in what order, with
which findings; the configuration; the committed charts under reports/_archive/figures."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from numclaims import figures as F
from numclaims import timeline as T
from numclaims.commands import notebooks as cmd
from numclaims.evidence import load_reference

ROOT = Path(__file__).resolve().parents[1]
FIG_DIR = ROOT / "reports" / T.ARCHIVE_DIR / "figures"


@pytest.fixture(scope="module")
def archive() -> list[dict]:
    return T.load_archive(ROOT)


@pytest.fixture(scope="module")
def reference() -> dict:
    return load_reference(ROOT)


def test_rinconada_figures_in_order_of_publication(archive, reference):
    rows = T.timeline_data(archive, reference, "sex-trade-minors-la-rinconada")
    # Dec 2012 police figure (La República), the two figures of the 26 Feb 2013 article (reference rows
    # before articles on one date, then by id), the 4 Oct 2013 brief, the US State Department in Jun 2014.
    # rinconada-2013-range is the Feb 2013 article's own figure (its url): shown once, as the claim.
    assert [r["id"] for r in rows] == ["rinconada-2012-police", "rin13-girls-up-to-4000", "rin13-minors-1500-to-4000",
                                       "minors-4000-rinconada", "tip2014-rinconada"]
    by = {r["id"]: r for r in rows}
    assert [r["when"] for r in rows] == ["Dec 2012", "26 Feb 2013", "26 Feb 2013", "4 Oct 2013", "20 Jun 2014"]
    # "more than 4,500": from 4,500 with no upper bound; "up to 4,000": [0, 4,000]; a range states both ends
    assert (by["rinconada-2012-police"]["low"], by["rinconada-2012-police"]["high"]) == (4500, None)
    assert (by["minors-4000-rinconada"]["low"], by["minors-4000-rinconada"]["high"]) == (0, 4000)
    assert by["rin13-minors-1500-to-4000"]["stated"] == [1500, 4000]
    # the 4 Oct 2013 claim is backed by the 1,500-4,000 range but two "more than 4,500" rows share no value
    # with [0, 4,000]: its external check is a tension; the range claim has no external check
    assert by["minors-4000-rinconada"]["verdict"] == "tension"
    assert by["rin13-minors-1500-to-4000"]["verdict"] == "not checked"
    assert by["minors-4000-rinconada"]["period"] == "1 Jan 2013–4 Oct 2013"
    assert by["tip2014-rinconada"]["outlet"] == "US Department of State"
    # lowest figure as written 1,500 (the range's bottom), highest 4,500
    assert T.timeline_title(rows) == "La Rinconada: 5 published figures, Dec 2012 to 20 Jun 2014, stated from 1,500 to 4,500"


def test_a_repeated_figure_carries_the_external_findings(archive, reference):
    rows = T.timeline_data(archive, reference, "peru-victims-rescued-police")
    # 24 Sep 2013 "around 2,000" (the ministry's figure; the reference row mininter-2013-rescued is that
    # article's own), then the 4 Oct 2013 brief's flat "2,000" for a period shifted to the September report
    assert [(r["id"], r["label"]) for r in rows] == [("pe13-victims-rescued-2000", "around 2,000"),
                                                     ("rescued-2000", "2,000")]
    assert rows[1]["codes"] == ["qualifier_dropped", "period_changed"]
    assert rows[1]["findings"] == ["qualifier dropped", "period changed"]
    assert rows[0]["findings"] == [] and rows[0]["verdict"] == "consistent"
    assert T.timeline_title(rows).endswith("; 1 worked-article figure with a finding (qualifier dropped, period changed)")


def test_a_row_naming_a_loaded_claim_is_that_claim(archive, reference):
    # isc-2011-rescued-234 is the 2011 article's claim pe11-women-rescued-234 (column claim): one row, the claim
    rows = T.timeline_data(archive, reference, "raid-2011-rescued")
    ids = [r["id"] for r in rows]
    assert "isc-2011-rescued-234" not in ids and "pe11-women-rescued-234" in ids
    # the rule is the claim column, not only the address: a copy of the row elsewhere is still the claim
    moved = dict(reference, **{"isc-2011-rescued-234": dict(reference["isc-2011-rescued-234"], url="https://example.org/")})
    assert "isc-2011-rescued-234" not in [r["id"] for r in T.timeline_data(archive, moved, "raid-2011-rescued")]
    unlinked = dict(moved, **{"isc-2011-rescued-234": dict(moved["isc-2011-rescued-234"], claim=None)})
    assert "isc-2011-rescued-234" in [r["id"] for r in T.timeline_data(archive, unlinked, "raid-2011-rescued")]


def test_unknown_or_unreported_measures_are_one_line_errors(archive, reference):
    with pytest.raises(KeyError, match="no reference row has this measure_id"):
        T.timeline_data(archive, reference, "no-such-measure")
    # peru-trafficking-prosecutions has a row (1,144 prosecuted) but no worked article's claim
    with pytest.raises(KeyError, match="no claim of a worked article"):
        T.timeline_data(archive, reference, "peru-trafficking-prosecutions")


def test_archive_measures_from_numclaims_toml(tmp_path):
    assert T.archive_measures(tmp_path) == []
    (tmp_path / "numclaims.toml").write_text('[archive]\nmeasures = ["a-measure", "b"]\n', encoding="utf-8")
    assert T.archive_measures(tmp_path) == ["a-measure", "b"]
    (tmp_path / "numclaims.toml").write_text('[archive]\nmeasures = "a-measure"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="archive.measures must be a list"):
        T.archive_measures(tmp_path)
    (tmp_path / "numclaims.toml").write_text('[archive\n', encoding="utf-8")
    with pytest.raises(ValueError, match="numclaims.toml: invalid TOML"):
        T.archive_measures(tmp_path)
    assert T.archive_measures(ROOT) == ["sex-trade-minors-la-rinconada", "peru-victims-rescued-police"]


def test_notebooks_command_names_a_measure_it_cannot_chart():
    assert cmd._archive_problems(ROOT, None) == []
    assert cmd._archive_problems(ROOT, ["nope"]) == [
        "--archive: measure 'nope': no reference row has this measure_id (see datasets/reference/*.csv, column "
        "measure_id) [archive-measure]"]
    # a measure of the reference rows that no worked article's claim belongs to (the AP wire's 1,144
    # prosecuted, cited by no claim's evidence): refused before any notebook runs, not a failed notebook
    prosecuted = next(r["measure_id"] for r in load_reference(ROOT).values() if r["id"] == "ap-es-2013-prosecuted")
    assert cmd._archive_problems(ROOT, ["sex-trade-minors-la-rinconada", prosecuted]) == [
        f"--archive: measure {prosecuted!r}: no claim of a worked article belongs to it (cite one of its rows in a "
        "claim's evidence:) [archive-measure]"]


def test_an_archive_setting_that_cannot_be_read_is_one_coded_line(tmp_path):
    (tmp_path / "numclaims.toml").write_text('[archive\n', encoding="utf-8")
    (line,) = cmd._archive_problems(tmp_path, None)
    assert line.startswith("numclaims.toml: invalid TOML") and line.endswith(" [archive-config]")
    (tmp_path / "numclaims.toml").write_text('[archive]\nmeasures = []\n', encoding="utf-8")
    assert cmd._archive_problems(tmp_path, None) == [
        'numclaims.toml:0: archive: no measures to chart; add [archive] measures = ["<measure_id>"] or pass '
        "--archive MEASURE [archive-config]"]


def test_the_chart_is_640_px_wide_with_its_rows_as_data(archive, reference):
    fig = T.timeline_chart(archive, reference, "sex-trade-minors-la-rinconada")
    assert fig.get_figwidth() * F.DPI == 640
    rows = getattr(fig, F.ROWS_ATTR)
    assert [r["figure"] for r in rows] == ["more than 4,500", "up to 4,000", "between 1,500 and 4,000", "up to 4,000",
                                           "more than 4,500"]
    assert getattr(fig, F.ALT_ATTR).startswith("Timeline of 5 published figures")


def test_committed_archive_figures_have_the_digests_of_a_fresh_render(archive, reference, tmp_path):
    """Run `numclaims notebooks` (which runs notebooks/archive.ipynb) after changing the chart or the claims."""
    from matplotlib.testing.compare import compare_images

    sha = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()  # noqa: E731
    for m in T.archive_measures(ROOT):
        new = F.save(T.timeline_chart(archive, reference, m), tmp_path, f"timeline-{m}")
        for fmt, p in new.items():
            old = FIG_DIR / p.name
            assert old.is_file(), old
            assert sha(old) == sha(p), p.name
        assert compare_images(str(FIG_DIR / f"timeline-{m}.png"), str(new["png"]), tol=2) is None


def test_the_archive_notebook_is_stored_executed_with_one_chart_per_measure():
    import nbformat

    nb = nbformat.read(str(ROOT / "notebooks" / cmd.ARCHIVE_NOTEBOOK), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "root = setup()" in code[0].source
    assert [c.source for c in code if "parameters" in c.metadata.get("tags", [])] == ["measures = None"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    pngs = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(pngs) == len(T.archive_measures(ROOT)) == 2
    assert not any(o.output_type in ("error",) or (o.output_type == "stream" and o.name == "stderr")
                   for c in code for o in c.outputs)
    assert json.dumps([c.outputs for c in code]).count(str(ROOT)) == 0


def test_the_archive_job_runs_in_place_or_for_the_measures_given(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    root = tmp_path / "proj"
    for d in ("claims", "datasets", "notebooks", "reports"):
        (root / d).mkdir(parents=True)
    nb = new_notebook(cells=[new_code_cell("measures = None", id="params", metadata={"tags": ["parameters"]}),
                             new_code_cell("print(measures)", id="work")],
                      metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    path = root / "notebooks" / cmd.ARCHIVE_NOTEBOOK
    nbformat.write(nb, str(path))
    # in place: no parameter injected, the notebook reads numclaims.toml itself
    assert cmd._execute_job(str(root), None, str(path), "python3") is None
    assert nbformat.read(str(path), as_version=4).cells[1].outputs[0].text == "None\n"
    before = path.read_bytes()
    # for the measures given: injected, stored under reports/_archive/notebooks/, the source untouched
    assert cmd._execute_job(str(root), None, str(path), "python3", ["a-measure"]) is None
    out = nbformat.read(str(root / "reports" / T.ARCHIVE_DIR / "notebooks" / cmd.ARCHIVE_NOTEBOOK), as_version=4)
    assert out.cells[-1].outputs[0].text == "['a-measure']\n"
    assert path.read_bytes() == before


def test_a_project_charting_no_measure_leaves_the_archive_notebook_alone(tmp_path, capsys):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    from numclaims.cli import main
    from test_notebooks import _tiny_project

    root, _ = _tiny_project(tmp_path)
    archive_nb = root / "notebooks" / cmd.ARCHIVE_NOTEBOOK
    nbformat.write(new_notebook(cells=[new_code_cell("print('ran')", id="work")]), str(archive_nb))
    before = archive_nb.read_bytes()
    # no numclaims.toml: the two articles' runs of 01-tiny only, and one line saying why the archive did not run
    assert main(["notebooks", "--root", str(root), "--jobs", "1"]) == 0
    captured = capsys.readouterr()
    assert "2 of 2 notebook run(s) stored for 2 article(s)\n" in captured.out
    assert "notebooks/archive.ipynb: not run: no measures under [archive] in numclaims.toml" in captured.err
    assert archive_nb.read_bytes() == before
