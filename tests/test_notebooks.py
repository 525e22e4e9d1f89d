"""The notebook suite: structure of notebooks/NN-*.ipynb, the setup helper, and `numclaims notebooks`
(papermill execution, where executed copies go, normalisation that makes re-runs byte-identical)."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from numclaims.commands import notebooks as cmd
from numclaims.notebook import ROOT_ENV, find_project_root

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def test_four_numbered_notebooks_in_reading_order():
    assert [p.name for p in NOTEBOOKS] == ["01-claims.ipynb", "02-consistency.ipynb", "03-cross-source.ipynb",
                                           "04-money.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_structure_and_stored_outputs(path):
    nb = nbformat.read(str(path), as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "root = setup()" in code[0].source  # the first code cell pins the settings
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and params[0].source == f'article_id = "{SEED}"'
    assert cmd.default_article(path) == SEED
    assert nb.metadata.kernelspec.name == "python3"
    # stored executed, normalised: every code cell ran in order, no timings, no papermill metadata
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    assert "papermill" not in nb.metadata and nb.metadata.language_info == {"name": "python"}
    assert all("execution" not in c.metadata and "papermill" not in c.metadata for c in code)
    text = json.dumps([c.outputs for c in code])
    # no object addresses in the text outputs (base64 image data can hold "0x..." by chance)
    texts = json.dumps([{k: v for k, v in (o.get("data") or {"text": o.get("text", "")}).items() if k.startswith("text")}
                        for c in code for o in c.outputs])
    assert not re.search(r"0x[0-9a-f]{6,}", texts)
    assert str(ROOT) not in text and "/tmp/" not in text  # no absolute paths
    assert "<Figure size" not in text
    assert not any(o.output_type == "stream" and o.name == "stderr" for c in code for o in c.outputs)
    assert not any(o.output_type == "error" for c in code for o in c.outputs)
    pngs = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(pngs) == 1  # one chart per notebook, shown as the PNG written to reports/<id>/figures


def test_default_article_and_output_paths(tmp_path):
    nb = ROOT / "notebooks" / "01-claims.ipynb"
    assert cmd.output_path(ROOT, nb, SEED) == nb
    assert cmd.output_path(ROOT, nb, "other-article") == ROOT / "reports" / "other-article" / "notebooks" / nb.name
    with pytest.raises(ValueError):
        cmd.output_path(ROOT, nb, "../escape")


def test_find_project_root_from_notebooks_folder_env_and_failure(tmp_path, monkeypatch):
    monkeypatch.delenv(ROOT_ENV, raising=False)
    assert find_project_root(ROOT / "notebooks") == ROOT
    with pytest.raises(FileNotFoundError):
        find_project_root(tmp_path)
    monkeypatch.setenv(ROOT_ENV, str(ROOT))
    assert find_project_root(tmp_path) == ROOT
    monkeypatch.setenv(ROOT_ENV, str(tmp_path))
    with pytest.raises(FileNotFoundError):
        find_project_root(ROOT)


def test_setup_pins_backend_style_and_pandas(monkeypatch):
    import matplotlib
    import pandas as pd

    from numclaims.notebook import setup

    monkeypatch.delenv(ROOT_ENV, raising=False)
    with matplotlib.rc_context():
        assert setup(ROOT / "notebooks") == ROOT
        assert matplotlib.get_backend().lower() == "agg"
        assert matplotlib.rcParams["svg.hashsalt"] == "numclaims"
        assert matplotlib.rcParams["font.sans-serif"][0] == "DejaVu Sans"
    assert pd.get_option("display.width") == 200
    assert pd.get_option("display.max_colwidth") == 90


def test_normalise_drops_timings_and_keeps_outputs():
    nb = new_notebook(cells=[new_code_cell("print(1)", id="a")])
    nb.metadata.update({"papermill": {"duration": 1.23}, "language_info": {"name": "python", "version": "3.11.2"}})
    nb.cells[0].metadata.update({"papermill": {"start_time": "x"}, "execution": {"iopub.status.idle": "y"},
                                 "tags": ["t"]})
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="1\n")]
    out = cmd.normalise(nb)
    assert "papermill" not in out.metadata and out.metadata.language_info == {"name": "python"}
    assert dict(out.cells[0].metadata) == {"tags": ["t"]}
    assert out.cells[0].outputs[0].text == "1\n"


def test_python3_kernel_resolves_to_this_interpreter():
    """nbval and papermill start the kernel named python3: it must run the venv's Python (ipykernel's
    kernelspec in sys.prefix, whose argv[0] "python" jupyter_client replaces with sys.executable)."""
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    exe = spec.argv[0]
    assert exe in ("python", "python3", sys.executable) or Path(exe).resolve() == Path(sys.executable).resolve()
    assert Path(spec.resource_dir).resolve().is_relative_to(Path(sys.prefix).resolve()) or \
        Path(spec.resource_dir).name == "resources"


def _tiny_project(tmp_path: Path) -> tuple[Path, Path]:
    root = tmp_path / "proj"
    for d in ("claims", "datasets", "notebooks", "reports/a-one", "reports/b-two"):
        (root / d).mkdir(parents=True)
    seed = Path(__file__).resolve().parents[1] / "reports" / "insightcrime-2013-10-04-peru-trafficking-ring"
    for a in ("a-one", "b-two"):  # results numclaims wrote (the command reads them back before it runs)
        shutil.copy(seed / "results.json", root / "reports" / a / "results.json")
    nb = new_notebook(cells=[
        new_code_cell('article_id = "a-one"', id="params", metadata={"tags": ["parameters"]}),
        new_code_cell("import os\nprint(article_id, 6 * 7, os.path.basename(os.getcwd()), "
                      f"os.environ['{ROOT_ENV}'] != '')", id="work"),
    ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    path = root / "notebooks" / "01-tiny.ipynb"
    nbformat.write(nb, str(path))
    return root, path


def test_execute_in_place_for_the_default_article_and_twice_byte_identical(tmp_path):
    root, path = _tiny_project(tmp_path)
    cmd.execute(path, cmd.output_path(root, path, "a-one"), "a-one")
    first = path.read_bytes()
    out = nbformat.read(str(path), as_version=4)
    # cwd is notebooks/ and the root is passed in the environment; 6 x 7 = 42
    assert out.cells[1].outputs[0].text == "a-one 42 notebooks True\n"
    assert len(out.cells) == 2  # no injected-parameters cell for the notebook's own article
    cmd.execute(path, cmd.output_path(root, path, "a-one"), "a-one")
    assert path.read_bytes() == first


def test_execute_for_another_article_writes_under_reports(tmp_path):
    root, path = _tiny_project(tmp_path)
    before = path.read_bytes()
    target = cmd.output_path(root, path, "b-two")
    cmd.execute(path, target, "b-two")
    assert path.read_bytes() == before  # the source notebook is untouched
    out = nbformat.read(str(target), as_version=4)
    injected = [c for c in out.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and "b-two" in injected[0].source
    assert out.cells[-1].outputs[0].text.startswith("b-two 42 ")


def test_command_reports_missing_results_with_exit_2(tmp_path, capsys):
    from numclaims.cli import main

    root, _ = _tiny_project(tmp_path)
    # an id no claims file has is not an article at all: said so, with the articles there are (none yet)
    assert main(["notebooks", "--root", str(root), "--article", "no-such-article"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "claims/:0: article 'no-such-article': no valid claims file has this article id (valid articles: none) "
        "[unknown-article]"]
    # an article whose claims file exists but that was never checked: its results are missing
    (root / "claims" / "c-three.yaml").write_text("article: c-three\nsource: c-three\nclaims: []\n")
    assert main(["notebooks", "--root", str(root), "--article", "c-three"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "reports/c-three/results.json:0: article c-three: results: not found (run `numclaims check` first) "
        "[results-invalid]"]


def test_command_runs_every_article_and_reports_a_failing_notebook(tmp_path, capsys):
    from numclaims.cli import main

    root, path = _tiny_project(tmp_path)
    nb = nbformat.read(str(path), as_version=4)
    nb.cells.append(new_code_cell("assert article_id == 'a-one', 'only a-one works'", id="fail"))
    nbformat.write(nb, str(path))
    assert main(["notebooks", "--root", str(root), "--jobs", "2"]) == 1
    captured = capsys.readouterr()
    assert "1 of 2 notebook run(s) stored for 2 article(s)" in captured.out
    assert "notebooks/01-tiny.ipynb: article b-two:" in captured.err
    assert not (root / "reports" / "b-two" / "notebooks" / "01-tiny.ipynb").exists()
    assert nbformat.read(str(path), as_version=4).cells[1].outputs  # a-one ran and was stored


def test_rerender_reports_after_notebooks(tmp_path):
    # report.html embeds the figures, so `numclaims notebooks` re-renders it: a stale copy is rewritten (1 file),
    # a fresh one is left alone (0 files), and an article without report.html is not touched
    import shutil

    from conftest import SEED, copy_seed
    from numclaims.commands.notebooks import rerender_reports
    from numclaims.report import stale_reports
    from numclaims.resultmodel import Results

    root = copy_seed(tmp_path / "p")
    shutil.copytree(ROOT / "reports" / SEED, root / "reports" / SEED)
    html = root / "reports" / SEED / "report.html"
    html.write_text(html.read_text(encoding="utf-8") + "<!-- stale -->", encoding="utf-8")
    assert rerender_reports(root, [SEED]) == 1
    res = Results.model_validate_json((root / "reports" / SEED / "results.json").read_bytes())
    assert stale_reports([res], root) == []
    assert rerender_reports(root, [SEED]) == 0
    html.unlink()
    assert rerender_reports(root, [SEED]) == 0 and not html.exists()
