"""``numclaims notebooks [--article ID ...]``: execute the numbered notebooks for each article with papermill.

Every ``notebooks/NN-*.ipynb`` is run with ``article_id`` set (cwd = ``notebooks/``, kernel ``python3``)
for each article that has ``reports/<id>/results.json`` (run ``numclaims check`` first), and the executed
copy, with its outputs, is stored:

* for the article named in a notebook's own ``parameters`` cell (the seed article): ``notebooks/`` itself,
  in place, so that the committed notebooks carry the outputs that ``pytest --nbval`` re-validates;
* for every other article: ``reports/<id>/notebooks/NN-*.ipynb`` (beside that article's results).

Then the archive notebook, ``notebooks/archive.ipynb`` (how one measure was reported over time, across
every article: :mod:`numclaims.timeline`), when it exists and no ``--article`` is given: in place, for the
measures listed under ``[archive]`` in ``numclaims.toml``; with ``--archive MEASURE`` (repeatable), for
those measures, stored as ``reports/_archive/notebooks/archive.ipynb``.

Stored copies are normalised (see :func:`normalise`): no timings, no papermill or nbclient metadata, no
Python version, so running the command twice leaves ``git diff`` empty. A notebook that fails leaves its
previous copy untouched; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path
from typing import Any

NOTEBOOK_GLOB = "[0-9][0-9]-*.ipynb"
PARAMETER = "article_id"
ARCHIVE_NOTEBOOK = "archive.ipynb"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("notebooks", help="execute the notebooks for every article (or --article ID)",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("--article", action="append", default=None, metavar="ID",
                   help="article id (repeatable; default: every article with reports/<id>/results.json)")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    p.add_argument("--archive", action="append", default=None, metavar="MEASURE",
                   help="chart this measure (a measure_id of datasets/reference) in the archive notebook "
                        "(repeatable; default: the [archive] measures of numclaims.toml)")
    p.add_argument("--kernel", default="python3", help="Jupyter kernel name (default: python3)")
    p.add_argument("--jobs", "-j", type=int, default=2,
                   help="notebooks executed at once, each in its own kernel (default: 2; 1 = one after another)")
    p.set_defaults(func=run)


def notebook_paths(root: Path) -> list[Path]:
    """The numbered notebooks ``root/notebooks/NN-*.ipynb``, in reading order."""
    return sorted((Path(root) / "notebooks").glob(NOTEBOOK_GLOB))


def default_article(nb_path: Path) -> str | None:
    """The ``article_id`` literal assigned in the notebook's cell tagged ``parameters`` (``None`` if absent).

    Raises:
        ValueError: when the parameters cell is not valid Python.
    """
    import nbformat

    nb = nbformat.read(str(nb_path), as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            try:
                tree = ast.parse(cell.source)
            except SyntaxError as e:
                raise ValueError(f"{nb_path}: parameters cell is not valid Python: {e}") from e
            for node in tree.body:
                if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == PARAMETER
                                                         for t in node.targets)
                        and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)):
                    return node.value.value
    return None


def output_path(root: Path, nb_path: Path, article_id: str) -> Path:
    """Where the executed copy of ``nb_path`` for ``article_id`` is stored: the notebook itself for its own
    default article, else ``reports/<article_id>/notebooks/<name>``."""
    from ..paths import report_dir

    if default_article(nb_path) == article_id:
        return nb_path
    return report_dir(Path(root), article_id) / "notebooks" / nb_path.name


def normalise(nb: Any) -> Any:
    """Drop what changes from run to run and carries no result: papermill's notebook and cell metadata
    (start/end times, durations), nbclient's ``execution`` timestamps, the language version, the random id
    papermill gives its injected-parameters cell (made ``injected-parameters``); keep the kernelspec, the
    other cell ids, tags, sources and outputs. Modifies and returns ``nb``."""
    nb.metadata.pop("papermill", None)
    nb.metadata.pop("widgets", None)
    lang = nb.metadata.get("language_info")
    if lang is not None:
        nb.metadata["language_info"] = {"name": lang.get("name", "python")}
    for cell in nb.cells:
        cell.metadata.pop("papermill", None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []) and "id" in cell:
            cell["id"] = "injected-parameters"  # papermill gives the cell a random id on every run
        if cell.cell_type == "code":
            for out in cell.get("outputs", []):
                out.get("metadata", {}).pop("papermill", None)
    return nb


def execute(nb_path: Path, out_path: Path, article_id: str | None, kernel: str = "python3",
            params: dict[str, Any] | None = None) -> None:
    """Execute ``nb_path`` for ``article_id`` with papermill (cwd = the notebook's folder, root passed as
    ``$NUMCLAIMS_ROOT`` so copies outside ``notebooks/`` find the project) and write the normalised
    result to ``out_path`` atomically. ``params``, when given, are the parameters injected instead of
    ``article_id`` (the archive notebook's ``measures``); ``{}`` injects none.

    Raises:
        papermill.PapermillExecutionError: a cell failed; ``out_path`` is left as it was.
    """
    import os
    import tempfile

    import nbformat
    import papermill as pm

    from ..atomic import write_atomic
    from ..notebook import ROOT_ENV

    root = nb_path.resolve().parent.parent
    if params is None:
        params = {} if default_article(nb_path) == article_id else {PARAMETER: article_id}
    old = os.environ.get(ROOT_ENV)
    os.environ[ROOT_ENV] = str(root)
    try:
        with tempfile.TemporaryDirectory(prefix="numclaims-nb-") as tmp:
            nb = pm.execute_notebook(str(nb_path), str(Path(tmp) / nb_path.name), parameters=params,
                                     cwd=str(nb_path.parent), kernel_name=kernel, progress_bar=False,
                                     log_output=False, request_save_on_cell_execute=False)
    finally:
        if old is None:
            os.environ.pop(ROOT_ENV, None)
        else:
            os.environ[ROOT_ENV] = old
    text = nbformat.writes(normalise(nb), version=4)
    if not text.endswith("\n"):
        text += "\n"
    if not (out_path.is_file() and out_path.read_text(encoding="utf-8") == text):
        write_atomic(out_path, text)


def articles_with_results(root: Path) -> list[str]:
    """Ids of the articles that have ``reports/<id>/results.json``, sorted."""
    return sorted(p.parent.name for p in (Path(root) / "reports").glob("*/results.json"))


def _execute_job(root: str, a: str | None, nb: str, kernel: str, measures: list[str] | None = None) -> str | None:
    """Run one (article, notebook) job, or the archive notebook (``a`` None: in place, or for ``measures``
    under ``reports/_archive/notebooks/``); returns ``None`` or a one-line error (picklable for a pool)."""
    nb_path = Path(nb)
    try:
        if a is not None:
            execute(nb_path, output_path(Path(root), nb_path, a), a, kernel)
        elif measures is None:
            execute(nb_path, nb_path, None, kernel, {})
        else:
            from ..timeline import archive_dir

            execute(nb_path, archive_dir(Path(root)) / "notebooks" / nb_path.name, None, kernel,
                    {"measures": measures})
    except Exception as e:  # papermill's execution error carries the failing cell; report its last line
        text = str(e).strip()
        return f"{type(e).__name__}: {text.splitlines()[-1] if text else ''}"
    return None


def _quiet_worker() -> None:
    """Pool initializer: send the worker's stderr (inherited by the kernels it starts, which log transport
    warnings and shutdown noise there) to /dev/null; failures come back as exceptions, not as stderr."""
    import os

    fd = os.open(os.devnull, os.O_WRONLY)
    os.dup2(fd, 2)
    os.close(fd)


def _execute_all(root: Path, jobs: list[tuple[str | None, Path]], kernel: str, n: int,
                 measures: list[str] | None = None):
    """Yield ``((article, notebook), error or None)`` as the jobs finish, ``n`` at a time, each in a worker
    process that starts its own kernel (spawned, not forked: no thread of the caller is copied)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    with ProcessPoolExecutor(max_workers=max(1, min(n, len(jobs))), initializer=_quiet_worker,
                             mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {pool.submit(_execute_job, str(root), a, str(nb), kernel, measures): (a, nb) for a, nb in jobs}
        for f in as_completed(futures):
            yield futures[f], f.result()


def run(args: argparse.Namespace) -> int:
    from ..codes import tag
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..draft import article_ids
    from ..paths import find_root
    from . import unknown_article_line

    root = (args.root or find_root()).resolve()
    from ..paths import reports_folder

    reports_folder(root)  # the path guard: reports/ a real folder of the project (else one line, exit 3)
    nbs = notebook_paths(root)
    if not nbs:
        print(tag(f"{root / 'notebooks'}:0: no numbered notebooks (NN-*.ipynb)", "no-notebooks"), file=sys.stderr)
        return 2
    have = articles_with_results(root)
    articles = args.article or have
    missing = [a for a in articles if a not in have]
    known = article_ids(root) if missing else set()
    for a in missing:
        if a not in known:
            print(unknown_article_line(a, known), file=sys.stderr)
            continue
        print(tag(f"reports/{a}/results.json:0: article {a}: results: not found (run `numclaims check` first)",
                  "results-invalid"), file=sys.stderr)
    if missing:
        return 2
    bad = [line for line in (_results_problem(root, a) for a in articles) if line]
    for line in bad:
        print(line, file=sys.stderr)
    if bad:
        return 2
    archive_nb = Path(root) / "notebooks" / ARCHIVE_NOTEBOOK
    measures = args.archive
    run_archive = archive_nb.is_file() and (bool(measures) or not args.article)
    if run_archive and not measures:
        from ..timeline import archive_measures

        try:
            run_archive = bool(archive_measures(root))
        except ValueError as e:
            print(e, file=sys.stderr)
            return 2
        if not run_archive:  # a project that charts no measure: the archive notebook is left as it is
            print(f"notebooks/{ARCHIVE_NOTEBOOK}: not run: no measures under [archive] in numclaims.toml "
                  "(or pass --archive MEASURE)", file=sys.stderr)
    if run_archive:
        bad = _archive_problems(root, measures)
        for line in bad:
            print(line, file=sys.stderr)
        if bad:
            return 2
    console = Console(stderr=True)
    failed: list[str] = []
    jobs: list[tuple[str | None, Path]] = [(a, nb) for a in articles for nb in nbs]
    if run_archive:
        jobs.append((None, archive_nb))
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False) as progress:
        task = progress.add_task("executing notebooks", total=len(jobs))
        for (a, nb), err in _execute_all(root, jobs, args.kernel, max(1, args.jobs), measures):
            if err:
                failed.append(tag(f"{nb.relative_to(root)}: {f'article {a}' if a else 'archive'}: {err}", "notebook-failed"))
            progress.update(task, advance=1, description=f"{nb.name} [{a or 'archive'}]")
        progress.update(task, description="notebooks")
    for line in failed:
        print(line, file=sys.stderr)
    print(f"{len(jobs) - len(failed)} of {len(jobs)} notebook run(s) stored for {len(articles)} article(s)"
          + (" and the archive" if run_archive else ""))
    n = rerender_reports(root, articles)
    if n:
        print(f"{n} report file(s) re-rendered with the new figures")
    return 1 if failed else 0


def _archive_problems(root: Path, measures: list[str] | None) -> list[str]:
    """One line for each measure the archive notebook cannot chart (no reference row has that
    ``measure_id``; none given and none configured), checked before any notebook runs."""
    from ..codes import tag
    from ..errors import InputErrors
    from ..evidence import load_reference
    from ..timeline import archive_measures, load_archive, timeline_data

    where = "--archive" if measures else "numclaims.toml:0: archive"
    try:
        measures = measures or archive_measures(root)
        reference = load_reference(root)
    except InputErrors as e:
        return [str(e).splitlines()[0]]
    except ValueError as e:  # numclaims.toml: not TOML, or [archive] measures not a list
        return [tag(str(e).splitlines()[0], "archive-config")]
    if not measures:
        return [tag('numclaims.toml:0: archive: no measures to chart; add [archive] measures = ["<measure_id>"] or '
                    "pass --archive MEASURE", "archive-config")]
    known = {r.get("measure_id") for r in reference.values()}
    out = [tag(f"{where}: measure {m!r}: no reference row has this measure_id (see datasets/reference/*.csv, "
               "column measure_id)", "archive-measure") for m in measures if m not in known]
    if out:
        return out
    # the timeline's own rule decides whether a worked article's claim belongs to the measure (checked before
    # any notebook runs, so one measure without claims does not fail the run of the others)
    archive = load_archive(root)
    for m in measures:
        try:
            timeline_data(archive, reference, m)
        except KeyError as e:
            out.append(tag(f"{where}: {e.args[0]}", "archive-measure"))
    return out


def _results_problem(root: Path, article: str) -> str | None:
    """One line when ``reports/<article>/results.json`` cannot be read back (truncated, not JSON, not a JSON
    object, not a regular file), else None: checked before any notebook runs on it."""
    from ..codes import tag
    import json

    from ..errors import describe, one_line
    from ..paths import read_input
    from ..resultmodel import results_from

    name = f"reports/{article}/results.json"
    try:
        data = json.loads(read_input(Path(root) / "reports" / article / "results.json").decode("utf-8"))
    except OSError as e:
        return tag(one_line(f"{name}:0: cannot read file: {e.strerror or describe(e)}"), "results-invalid")
    except (ValueError, RecursionError) as e:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        where = f"{e.lineno}" if isinstance(e, json.JSONDecodeError) else "0"
        return tag(one_line(f"{name}:{where}: not a results file numclaims wrote ({e}); run `numclaims check` to "
                            "write it again"), "results-invalid")
    if not isinstance(data, dict):
        return tag(f"{name}:1: not a results file (a JSON object); run `numclaims check` to write it again",
                   "results-invalid")
    try:  # the fields too, against the results model the notebooks read (else each notebook fails alone)
        results_from(data, name)
    except ValueError as e:
        return tag(one_line(str(e)), "results-invalid")
    return None


def rerender_reports(root: Path, articles: list[str]) -> int:
    """Re-render the report files of ``articles`` from their results.json, since report.html embeds the
    figures the notebooks just wrote; only articles whose report.html exists (rendered by ``numclaims
    check`` or ``report``) are touched, and files whose bytes are unchanged are not rewritten. Returns how
    many files were written."""
    import json

    from ..paths import report_dir
    from ..report import ClaimReviewConfigError, load_config, write_reports
    from ..resultmodel import read_back

    config = load_config(root)
    written = 0
    for a in articles:
        if not (report_dir(root, a) / "report.html").is_file():
            continue
        data = json.loads((report_dir(root, a) / "results.json").read_text(encoding="utf-8"))
        # read from disk: validated against the results model (numclaims check wrote it, _results_problem
        # checked it; a file changed since is left as it is)
        res = read_back(data, a, (data.get("source") or {}).get("id", ""), True) if isinstance(data, dict) else None
        if res is None:
            continue
        try:
            written += len(write_reports(res, root, config))
        except ClaimReviewConfigError as e:  # reviewed claims and no publisher: those reports stay as they are
            print(e, file=sys.stderr)
    return written
