"""Write ``datasets/datapackage.json``, the Frictionless Data Package describing everything under ``datasets/``.

Run from the project root after adding a source capture or changing a reference table's columns::

    python datasets/build_datapackage.py           # rewrite datasets/datapackage.json
    python datasets/build_datapackage.py --check   # exit 1 if the file on disk is out of date
    frictionless validate datasets/datapackage.json

Resources (Data Package v1 descriptor, read by frictionless-py v5):

* one ``text`` resource per source capture ``datasets/sources/<id>.txt`` (with ``bytes`` and a sha256
  ``hash``, so validation fails if a capture is altered after the fact) and one ``file`` resource per
  provenance file ``<id>.meta.yaml``; licence, title, publisher and address come from the ``.meta.yaml``;
* one ``json`` resource per label file ``datasets/labels/<id>.json`` (extractor test data);
* ``peru-trafficking-figures-raw``: the unchanged copy of the shared reference table;
* ``peru-trafficking-figures``: the tidy reference table written by ``datasets/reference/tidy.py``, with
  the Table Schema in :data:`TIDY_SCHEMA` (types, units, enumerated qualifiers, primary key ``id``,
  foreign key ``part_of`` -> ``id``);
* one table per other CSV under ``reference/`` (figures added by hand, :func:`figure_resources`), with
  :data:`FIGURES_SCHEMA` or the Table Schema in ``<name>.schema.json`` beside it.

Rules Table Schema cannot state (``value_low <= value_high``; bounds consistent with the qualifier; both
period ends or none) are enforced by :func:`numclaims.evidence.load_reference`, which reports the file,
line, row id and column of each violation; the schema's descriptions say so.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "datasets"
OUT = DATASETS / "datapackage.json"

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ISO_PARTIAL = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
QUALIFIERS = ["exact", "approximately", "nearly", "more_than", "at_least", "less_than", "up_to", "range"]
UNITS = ["persons", "percent", "USD", "USD per month"]


def _f(name: str, type_: str, description: str, **constraints) -> dict:
    field = {"name": name, "type": type_, "description": description}
    if constraints:
        field["constraints"] = constraints
    return field


TIDY_SCHEMA = {
    "description": (
        "One row per figure published by a source other than the article. Rules Table Schema cannot "
        "express are enforced by numclaims.evidence.load_reference (error: file:line: row <id>: <column>: "
        "<what was expected>): value_low <= value_high; more_than/at_least rows give value_low = value and "
        "no value_high; up_to/less_than rows give value_high = value and no value_low; range rows give both "
        "ends and no value; exact/approximately/nearly rows give value and no bounds; period_start and "
        "period_end are both given or both empty, and start <= end. relates_to names a claim id of a "
        "claims/*.yaml file (claims are YAML records, not a resource of this package, so it cannot be a "
        "foreign key here); a claim cites rows with 'evidence: [row ids]'."
    ),
    "fields": [
        _f("id", "string", "Stable row id (slug); claims cite it in 'evidence'.", required=True, unique=True,
           pattern=SLUG),
        _f("relates_to", "string", "Claim id (claims/*.yaml) this figure bears on; empty = context only. "
           "Foreign-key-like, not checked by Table Schema.", pattern=SLUG),
        _f("measure_id", "string", "What is counted, where: rows with the same measure_id are estimates of "
           "one measure and are compared with each other (outlier finding).", required=True, pattern=SLUG),
        _f("part_of", "string", "Row id whose figure this row is a component of (e.g. adolescents + adults "
           "= total). Foreign key to id."),
        _f("value", "number", "The figure as the source states it, in unit. Empty for ranges.", minimum=0),
        _f("value_low", "number", "Lower bound the source states (more than / at least / range low). "
           "value_low <= value_high is enforced by the loader, not by Table Schema.", minimum=0),
        _f("value_high", "number", "Upper bound the source states (up to / range high).", minimum=0),
        _f("unit", "string", "persons (a head count), percent (0-100), USD (US dollars), USD per month.",
           required=True, enum=UNITS),
        _f("qualifier", "string", "Canonical qualifier (numclaims.rules.QUALIFIERS); with value and the "
           "rounding rules of numclaims.rules.interval_for it gives the interval of true values.",
           required=True, enum=QUALIFIERS),
        _f("qualifier_as_written", "string", "The source's own wording as recorded in the shared table.",
           required=True),
        _f("measure", "string", "What is counted, in words (paraphrased).", required=True),
        _f("place", "string", "Where, as the source says."),
        _f("period_start", "string", "Start of the period the figure covers: ISO 8601 at the precision "
           "stated (YYYY, YYYY-MM or YYYY-MM-DD); empty when the source gives none.", pattern=ISO_PARTIAL),
        _f("period_end", "string", "End of the period (same form as period_start).", pattern=ISO_PARTIAL),
        _f("period_kind", "string", "over: the figure accumulates over the whole period (a flow: rescued "
           "in two years); at: a level at some time within the period (a stock: estimated in 2012).",
           required=True, enum=["over", "at"]),
        _f("publisher", "string", "Who published the page; 'X via Y' or '(copy)' when the address is a "
           "copy on a third-party site.", required=True),
        _f("title", "string", "Page title as published (Spanish titles are the sources' own; "
           "parenthesised titles describe untitled pages).", required=True),
        _f("published", "string", "Publication date of the page at the precision known (YYYY, YYYY-MM or "
           "YYYY-MM-DD); empty for undated pages.", pattern=ISO_PARTIAL),
        {**_f("url", "string", "Address of the page consulted (possibly a copy, see publisher).", required=True),
     "format": "uri"},
        _f("note", "string", "Caveats and arithmetic, paraphrased."),
    ],
    "missingValues": [""],
    "primaryKey": ["id"],
    "foreignKeys": [{"fields": ["part_of"], "reference": {"resource": "", "fields": ["id"]}}],
}

#: Unit of a reference figure: any unit a claim accepts ('persons', 'count', 'percent', an ISO 4217 code,
#: optionally ' per day|week|month|year'). The pattern keeps the form; numclaims.records.split_unit, the
#: claims' own rule, checks the name when the table is loaded (file:line error).
UNIT_PATTERN = r"^[A-Za-z_]+( per (day|week|month|year))?$"

#: Schema of every other CSV under reference/ (a fact-checker's own figures): the tidy table's columns,
#: any claim unit, and per row its licence and, optionally, the claim of a worked article it transcribes.
FIGURES_SCHEMA = {
    "description": (
        "One row per figure published elsewhere, added by hand (no script): the columns of the tidy table "
        "(same rules, enforced by numclaims.evidence.load_reference with file:line errors), any unit a "
        "claim accepts, and per row the licence of the figure and, when the figure is a claim of a worked "
        "article of this project (claims/*.yaml), that claim's id in 'claim'."
    ),
    "fields": [
        *[({**f, "constraints": {"required": True, "pattern": UNIT_PATTERN}, "description":
            "Any unit a claim accepts: persons, count, percent, fraction, years, ..., an ISO 4217 code, "
            "optionally 'per day|week|month|year' (checked by numclaims.records.split_unit on load)."}
           if f["name"] == "unit" else f) for f in TIDY_SCHEMA["fields"]],
        _f("licence", "string", "Licence or terms of the figure's source (who to attribute, how it may be "
           "reused).", required=True),
        _f("claim", "string", "The claim id (claims/*.yaml) of a worked article this row transcribes, when "
           "the figure is one of this project's own worked articles; empty otherwise.", pattern=SLUG),
    ],
    "missingValues": [""],
    "primaryKey": ["id"],
}

RAW_SCHEMA = {
    "description": "Unchanged copy of the shared table; columns as documented in datasets/reference/README.md.",
    "fields": [
        _f("id", "string", "Row id.", required=True, unique=True),
        _f("relates_to", "string", "Claim id the row bears on; empty = context."),
        _f("value", "number", "Figure as stated."),
        _f("value_low", "number", "Lower bound or range low, when filled."),
        _f("value_high", "number", "Upper bound or range high, when filled."),
        _f("unit", "string", "Unit.", required=True),
        _f("qualifier", "string", "Qualifier in the source's words.", required=True),
        _f("measure", "string", "What is counted."),
        _f("place", "string", "Where."),
        _f("period_start", "string", "Period start, YYYY[-MM[-DD]].", pattern=ISO_PARTIAL),
        _f("period_end", "string", "Period end, YYYY[-MM[-DD]].", pattern=ISO_PARTIAL),
        _f("publisher", "string", "Publisher."),
        _f("title", "string", "Title."),
        _f("published", "string", "Publication date, YYYY[-MM[-DD]].", pattern=ISO_PARTIAL),
        _f("url", "string", "Address."),
        _f("note", "string", "Note."),
    ],
    "missingValues": [""],
    "primaryKey": ["id"],
}

REFERENCE_SOURCES = [
    {"title": "numclaims shared reference material: reference/peru-trafficking-figures.csv and its README "
              "(figures gathered from stored copies of public pages)"},
    {"title": "The public pages named in each row's publisher, title, published and url columns"},
]
REFERENCE_LICENCE = [{
    "name": "other-at",
    "title": "Figures are facts reported by the publishers named in each row (attribute them to that "
             "publisher); the compilation and paraphrased notes are the numclaims project's, MIT licence.",
}]


def _sha256(path: Path) -> str:
    return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()


def source_resources() -> list[dict]:
    """Two resources (text capture, provenance) per ``datasets/sources/<id>.meta.yaml``, sorted by id.

    Raises:
        FileNotFoundError: a ``.meta.yaml`` without its ``.txt``.
    """
    out = []
    for meta_path in sorted((DATASETS / "sources").glob("*.meta.yaml")):
        try:
            meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 0
            raise SystemExit(f"{meta_path.relative_to(ROOT)}:{line}: YAML syntax error: "
                             f"{getattr(e, 'problem', None) or e}; check the quotes") from None
        if not isinstance(meta, dict) or not isinstance(meta.get("id"), str):
            raise SystemExit(f"{meta_path.relative_to(ROOT)}:1: id: expected a mapping with an 'id'")
        sid = meta["id"]
        txt = meta_path.with_name(f"{sid}.txt")
        if not txt.exists():
            raise FileNotFoundError(txt)
        licences = [{"name": "other-nc", "title": meta["licence"]}]
        src = [{"title": f'{meta["publisher"]}: {meta["title"]} ({meta["published"]})',
                **({"path": meta["url"]} if meta.get("url") else {})}]
        out.append({
            "name": f"source-{sid}",
            "type": "text",
            "path": f"sources/{sid}.txt",
            "format": "txt",
            "mediatype": "text/plain",
            "encoding": "utf-8",
            "title": meta["title"],
            "description": f'Text capture of the page. Provenance: sources/{sid}.meta.yaml. '
                           f'Attribution: {" ".join(str(meta["attribution"]).split())}',
            "bytes": txt.stat().st_size,
            "hash": _sha256(txt),
            "licenses": licences,
            "sources": src,
        })
        out.append({
            "name": f"source-{sid}-meta",
            "type": "file",
            "path": f"sources/{sid}.meta.yaml",
            "format": "yaml",
            "mediatype": "application/yaml",
            "encoding": "utf-8",
            "title": f"Provenance of {sid}.txt",
            "description": "id, title, publisher, author, published, url, licence, attribution, captured "
                           "(schema: numclaims.records.SourceMeta).",
            "licenses": licences,
        })
    return out


def label_resources() -> list[dict]:
    """One ``json`` resource per ``datasets/labels/<source id>.json`` (hand labels of numeric mentions,
    maintained with the extractor; no hash, they are revised), sorted by name."""
    out = []
    for path in sorted((DATASETS / "labels").glob("*.json")):
        out.append({
            "name": f"labels-{path.stem}",
            "type": "json",
            "path": f"labels/{path.name}",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "title": f"Hand-labelled numeric mentions of sources/{path.stem}.txt",
            "description": "Labels for measuring the numeral extractor (numclaims.extract); see the file's "
                           "own 'labelled' note for how and when it was labelled.",
            "licenses": [{"name": "other-at", "title": "numclaims project, MIT licence; quotes remain "
                          "InSight Crime's (non-commercial, with attribution)"}],
        })
    return out


def figure_resources() -> list[dict]:
    """One table resource per CSV under ``datasets/reference/`` other than the tidy table and ``raw/``,
    sorted by name: the schema is ``<name>.schema.json`` beside the CSV when there is one (a table with
    columns of its own), else :data:`FIGURES_SCHEMA`. Adding a figure is a row in such a CSV; adding a
    table is a new CSV; either way re-run this script (numclaims names the command when it is stale)."""
    out = []
    ref = DATASETS / "reference"
    for path in sorted(ref.glob("*.csv")):
        if path.name == "peru-trafficking-figures.csv":
            continue
        own = path.with_name(f"{path.stem}.schema.json")
        out.append({
            "name": path.stem,
            "type": "table",
            "path": f"reference/{path.name}",
            "scheme": "file",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": f"Reference figures added by hand: {path.stem}",
            "description": "Rows added as data (no script); provenance in each row (publisher, title, "
                           "published, url, licence); see datasets/reference/README.md.",
            "schema": f"reference/{own.name}" if own.exists() else FIGURES_SCHEMA,
            "licenses": [{"name": "other-at", "title": "Each row's licence column; figures are facts "
                          "reported by the publisher named in the row (attribute them to it)."}],
        })
    return out


def descriptor() -> dict:
    """The whole package descriptor."""
    return {
        "name": "numclaims-datasets",
        "title": "numclaims: source captures and reference figures",
        "description": "Source captures of the articles whose numbers numclaims checks (text + provenance), "
                       "and reference tables of figures published elsewhere about the same facts. "
                       "See datasets/sources/README.md and datasets/reference/README.md. Generated by "
                       "datasets/build_datapackage.py; do not edit by hand.",
        "licenses": [{"name": "other-nc", "title": "Mixed: see each resource (source captures are "
                      "non-commercial with attribution; reference figures are attributed facts)"}],
        # the shared Peru tables are this repository's: a project of its own that copied this script into its
        # datasets/ folder has neither, and its package lists only what it holds
        "resources": source_resources() + label_resources() + ([
            {
                "name": "peru-trafficking-figures",
                "type": "table",
                "path": "reference/peru-trafficking-figures.csv",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": "Reference figures on sex trafficking in Peru's mining regions (tidy)",
                "description": "Tidied from peru-trafficking-figures-raw by datasets/reference/tidy.py; "
                               "provenance and caveats in datasets/reference/README.md.",
                "schema": TIDY_SCHEMA,
                "licenses": REFERENCE_LICENCE,
                "sources": REFERENCE_SOURCES,
            },
            {
                "name": "peru-trafficking-figures-raw",
                "type": "table",
                "path": "reference/raw/peru-trafficking-figures.csv",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": "Reference figures, unchanged copy of the shared table",
                "description": "Input of datasets/reference/tidy.py; kept to show what tidying changed.",
                "schema": RAW_SCHEMA,
                "licenses": REFERENCE_LICENCE,
                "sources": REFERENCE_SOURCES,
            },
        ] if (DATASETS / "reference" / "peru-trafficking-figures.csv").exists() else []) + figure_resources(),
    }


def render() -> str:
    """The descriptor as JSON text (2-space indent, UTF-8 characters kept, trailing newline)."""
    return json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str]) -> int:
    from numclaims.atomic import regenerate

    text = render()
    check = "--check" in argv
    rc = regenerate(OUT, text, check, "python datasets/build_datapackage.py")
    if not check:
        print(f"wrote {OUT.relative_to(ROOT)} ({len(descriptor()['resources'])} resources)")
    return rc


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
