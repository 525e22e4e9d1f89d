"""``numclaims export [--format csv|parquet|json] [--out FOLDER] [--article ID]``: claims, checks and
findings as tidy tables in a Data Package.

Checks every claims file (as ``numclaims check`` does, writing no report) and writes into FOLDER (default
``export/``) three tables, one row per claim (claims), per check (checks) and per claim of each finding
(findings), each with its Frictionless Table Schema (``<table>.schema.json``), and ``datapackage.json``, a
Data Package v2 listing them as resources, which ``frictionless validate FOLDER/datapackage.json`` passes.
The column meanings are in the schemas and in docs/review-and-export.md. Nothing reads the clock: the same
claims give the same files. Exit status 2 for invalid input (one line per error; nothing is written).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``export`` sub-command to ``sub``."""
    from ..export import FORMATS

    p = sub.add_parser("export", help="write claims, checks and findings as CSV, Parquet or JSON tables in a Data Package",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("--format", choices=FORMATS, default="csv",
                   help="table format: csv (pandas.read_csv, spreadsheets), parquet, json (default: csv)")
    p.add_argument("--out", type=Path, default=None, metavar="FOLDER",
                   help="folder to write into (default: export/ under the project root)")
    p.add_argument("--article", action="append", metavar="ID",
                   help="only this article id (repeatable; default: every article under claims/)")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check, then write the export; returns the exit status."""
    from ..codes import tag
    from ..errors import fault_code
    from ..claimreview import load_config
    from ..export import write_export
    from ..paths import display_path, find_root
    from ..resultmodel import cleaned
    from . import check_project

    root = (args.root or find_root()).resolve()
    try:
        config = load_config(root)
    except ValueError as e:
        print(tag(str(e), getattr(e, "code", "config-invalid")), file=sys.stderr)
        return 2
    checked = check_project(root, args.article)
    if isinstance(checked, int):
        return checked
    outcome, results = checked
    if outcome.invalid:
        print(tag(f"{len(outcome.invalid)} invalid claims file(s): nothing exported", "invalid-input"), file=sys.stderr)
        return 2
    out = args.out if args.out is not None else root / "export"
    out = out if out.is_absolute() else Path.cwd() / out
    try:
        written = write_export([cleaned(r) for r in results], out, args.format, config)  # values as results.json writes them
    except OSError as e:
        print(tag(f"{display_path(out, root)}:0: cannot write the export: {e.strerror or e}", fault_code(e)),
              file=sys.stderr)
        return 2
    n_claims = sum(len(r.claims) for r in results)
    n_checks = sum(len(r.checks) for r in results)
    print(f"{len(results)} article(s), {n_claims} claim(s), {n_checks} check(s) exported as {args.format} to "
          f"{display_path(out, root)}/ ({len(written)} file(s) written, the rest unchanged)")
    return 0
