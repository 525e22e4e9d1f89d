"""Helpers for the notebooks in ``notebooks/``: one setup call that pins everything that changes output
between versions or machines, finding the project root, loading an article's results, showing tables and
figures with deterministic outputs.

The first code cell of every notebook is::

    from numclaims.notebook import setup
    root = setup()

Determinism rules (what nbval compares must not change between runs):

* matplotlib uses the Agg backend and :data:`numclaims.figures.STYLE` (DejaVu Sans, shipped with
  matplotlib; fixed SVG hash salt); figures are built without pyplot, so no ``<Figure size ... at 0x...>``
  reprs and no inline-backend output.
* figures are saved with fixed metadata (:func:`numclaims.figures.render`) and shown as the PNG bytes
  just written (nbval does not compare ``image/png`` without ``--nbdime``; the figure tests do).
* pandas display options are pinned (:data:`PANDAS_OPTIONS`); no timings, absolute paths or object
  addresses are printed.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from . import figures
from .paths import report_dir
from .resultmodel import Results
from .resultmodel import read_results

#: pandas display options pinned by :func:`setup` (value in parentheses: why).
PANDAS_OPTIONS: dict[str, Any] = {
    "display.max_rows": 200,  # every claim of an article on one table
    "display.max_columns": 50,
    "display.width": 200,  # text/plain repr independent of the terminal width
    "display.max_colwidth": 90,  # quotes are shown whole up to 90 characters
    "display.precision": 6,
    "display.float_format": None,
    "display.show_dimensions": False,  # no "[16 rows x 7 columns]" footer
    "display.html.border": 1,
    "display.notebook_repr_html": True,
}

#: Environment variable that overrides the project root found from the current folder.
ROOT_ENV = "NUMCLAIMS_ROOT"


def find_project_root(start: Path | None = None) -> Path:
    """The project root: ``$NUMCLAIMS_ROOT`` if set, else the nearest folder at or above ``start``
    (default: the current folder; notebooks run with cwd = ``notebooks/``) holding ``claims/`` and
    ``datasets/``.

    Raises:
        FileNotFoundError: when no such folder exists.
    """
    env = os.environ.get(ROOT_ENV)
    if env:
        p = Path(env).resolve()
        if not ((p / "claims").is_dir() and (p / "datasets").is_dir()):
            raise FileNotFoundError(f"${ROOT_ENV}={env} has no claims/ and datasets/ folders")
        return p
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        if (d / "claims").is_dir() and (d / "datasets").is_dir():
            return d
    raise FileNotFoundError(f"no numclaims project (a folder with claims/ and datasets/) at or above {here}")


def setup(start: Path | None = None) -> Path:
    """Pin the output-changing settings (Agg backend, :data:`numclaims.figures.STYLE` rcParams,
    :data:`PANDAS_OPTIONS`) and return the project root (see :func:`find_project_root`)."""
    # A first import in a fresh environment logs "Matplotlib is building the font cache" to stderr, which
    # nbval would compare as an output; the cache is built all the same.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    import matplotlib  # heavy; imported when used (numclaims.layers.LAZY)

    matplotlib.use("Agg", force=True)

    matplotlib.rcParams.update(figures.STYLE)
    import pandas as pd

    for k, v in PANDAS_OPTIONS.items():
        pd.set_option(k, v)
    return find_project_root(start)


def load_results(root: Path, article_id: str) -> Results:
    """The results of ``article_id`` (``reports/<article_id>/results.json``, written by ``numclaims
    check``), read back and validated (:func:`numclaims.resultmodel.read_results`).

    Raises:
        FileNotFoundError: when ``reports/<article_id>/results.json`` is missing (run ``numclaims check``).
        ValueError: when it is not a results file numclaims wrote (one line).
    """
    p = report_dir(Path(root), article_id) / "results.json"
    if not p.is_file():
        raise FileNotFoundError(f"reports/{article_id}/results.json not found: run `numclaims check` first")
    return read_results(p, display=f"reports/{article_id}/results.json")


def figures_dir(root: Path, article_id: str) -> Path:
    """``reports/<article_id>/figures``: where the notebooks save their charts."""
    return report_dir(Path(root), article_id) / "figures"


def show_figure(fig, root: Path, article_id: str, stem: str) -> None:
    """Save ``fig`` as ``reports/<article_id>/figures/<stem>.svg`` and ``.png`` (fixed metadata, see
    :func:`numclaims.figures.save`) and display the PNG just written; prints the two relative paths."""
    from IPython.display import Image, display

    paths = figures.save(fig, figures_dir(root, article_id), stem)
    for p in paths.values():
        print(p.relative_to(root).as_posix())
    display(Image(data=paths["png"].read_bytes(), format="png"))


def frame(rows: list[dict[str, Any]], columns: list[str] | None = None):
    """A pandas DataFrame of ``rows`` (dicts), optionally restricted to ``columns``, with a 1-based index
    named ``#`` (rows as a reader counts them)."""
    import pandas as pd

    df = pd.DataFrame(rows, columns=columns) if columns else pd.DataFrame(rows)
    df.index = pd.RangeIndex(1, len(df) + 1, name="#")
    return df
