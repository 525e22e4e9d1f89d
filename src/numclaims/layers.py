"""The layers of the package, lowest first, as data (read by ``tests/test_architecture.py`` and by the
docs generator for ``docs/architecture.md``'s table).

A module may import modules of its own layer or of a lower one, never of a higher one, and the imports
form no cycle. Imports sit at the top of modules, with two exceptions kept on purpose (:data:`LAZY`):

* the CLI layer: ``numclaims --help`` builds the parser from every module of :mod:`numclaims.commands`,
  so each command imports the code it runs inside its ``run`` function (``--help`` stays near 40 ms);
* a few heavy or optional third-party libraries, imported where they are used so that importing the
  module does not pay for them: matplotlib, pandas and IPython (figures and notebooks), papermill and
  nbformat (notebook runs), frictionless (the reference data package, about 0.15 s), rich (tables and
  progress bars, printing only), dask/distributed (an optional extra), pyarrow (Parquet export only) and
  uvicorn (the review server only), pint (unit conversions, when a check converts), pycountry (its ISO 3166 tables, 1.9 s, when drafting only).

A new module is placed by adding its name here; the test fails for a module that is in no layer.
"""

from __future__ import annotations

#: ``(layer, what it holds, module names)`` lowest first; ``pkg.*`` stands for every module under ``pkg``.
LAYERS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("base", "the package itself (version); the vocabulary of number words, qualifiers, currencies, months and time units; the error codes",
     ("numclaims", "numclaims.vocabulary", "numclaims.codes")),
    ("reading", "numerals, rounding and qualifier rules, intervals, periods, granularity (GRIM)",
     ("numclaims.intervals", "numclaims.periods", "numclaims.granularity", "numclaims.rules",
      "numclaims.numerals", "numclaims.numbers")),
    ("model", "the contracts: claim records, units and rate bases (pint), derived figures, degenerate relations, verdicts, claim values, the results model and its encoding, "
              "error lines, reference rows read as figures",
     ("numclaims.records", "numclaims.verdicts", "numclaims.claimvalues", "numclaims.resultmodel",
      "numclaims.results", "numclaims.fastjson", "numclaims.errors", "numclaims.layers", "numclaims.derived", "numclaims.relations", "numclaims.units",
      "numclaims.reference_rows")),
    ("checks", "the check kinds (each module: spec model, function, declaration), their registry, and the claims-file schema assembled from it",
     ("numclaims.checks", "numclaims.checks.*", "numclaims.claimsfile")),
    ("io", "files in and out: paths, hashes, atomic writes, publishing a report folder as one unit, YAML, sources, claims files and their schema errors, reference data",
     ("numclaims.paths", "numclaims.hashing", "numclaims.atomic", "numclaims.yamlio", "numclaims.fastyaml", "numclaims.sources",
      "numclaims.loader", "numclaims.schema_errors", "numclaims.evidence", "numclaims.publish")),
    ("extract", "numeric mentions of a body, coverage, drafting claims files and proposing checks",
     ("numclaims.extract", "numclaims.coverage", "numclaims.scaffold", "numclaims.draft", "numclaims.suggest")),
    ("engine", "one article: records -> intervals, periods, checks -> the results object",
     ("numclaims.engine",)),
    ("publish", "reports (explanations in words, view, Markdown, HTML with inline SVG, ClaimReview), exports (CSV, Parquet, JSON, Data Package), figures, the archive timeline, notebooks, review edits",
     ("numclaims.explain", "numclaims.inline_svg", "numclaims.claimreview", "numclaims.markdown", "numclaims.report", "numclaims.export", "numclaims.figures", "numclaims.timeline", "numclaims.notebook",
      "numclaims.review")),
    ("pipeline", "a corpus run: per-file work, executors, staging and publishing, the cache; claims from a CSV",
     ("numclaims.cache", "numclaims.runner", "numclaims.importer", "numclaims.decisions")),
    ("serve", "the local review page (Starlette): the queue, decisions written through review, re-checks",
     ("numclaims.serve",)),
    ("cli", "the command line", ("numclaims.cli", "numclaims.commands", "numclaims.commands.*")),
)

#: Top-level names of the third-party libraries that may be imported inside functions (see above).
LAZY = frozenset({"matplotlib", "pandas", "IPython", "papermill", "nbformat", "frictionless", "rich",
                  "dask", "distributed", "pyarrow", "uvicorn", "pycountry", "pint"})
#: Layers whose modules may import anything inside functions (start-up time of ``numclaims --help``).
LAZY_LAYERS = frozenset({"cli"})


def layer_of(module: str) -> str | None:
    """The layer name of a dotted module name (``numclaims.checks.sum`` -> ``checks``), or None when no
    entry of :data:`LAYERS` names it."""
    for name, _, mods in LAYERS:
        for m in mods:
            if module == m or (m.endswith(".*") and module.startswith(m[:-1])):
                return name
    return None


def rank(layer: str) -> int:
    """Position of ``layer`` in :data:`LAYERS`, 0 for the lowest. Raises KeyError for an unknown name."""
    for i, (name, _, _) in enumerate(LAYERS):
        if name == layer:
            return i
    raise KeyError(layer)
