"""``numclaims import CLAIMS.csv --article ID [--source ID] [--force]``: claims from a spreadsheet.

Reads a CSV of quotes, one row per claim (columns as in the claims table of ``numclaims export``: claim,
quote, value, unit, measure_what, attribution required; text, start, qualifier, precision, margin, low,
high, measure_where, roles, speaker_kind, evidence, status, reviewer, reviewed_on, notes optional), anchors
every quote in datasets/sources/<source>.txt and validates the records exactly as check does, then writes
claims/<ID>.yaml atomically. Every problem is one line CSV:line: claim <id>: <field>: <what>, with the
line of the CSV row; nothing is written unless all rows are valid (exit 2). An existing claims file is
replaced only with --force.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``import`` sub-command to ``sub``."""
    p = sub.add_parser("import", help="turn a CSV of quotes (a shared sheet) into claims/<ID>.yaml",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("csv", type=Path, metavar="CLAIMS.csv", help="the sheet, saved as CSV (UTF-8; , ; or tab separated)")
    p.add_argument("--article", required=True, metavar="ID", help="article id of the new claims file")
    p.add_argument("--source", default=None, metavar="ID",
                   help="source capture datasets/sources/<ID>.txt (default: the article id)")
    p.add_argument("--force", action="store_true", help="replace claims/<ID>.yaml when it exists")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Import, validate, write; returns the exit status."""
    from ..codes import tag
    from ..errors import fault_code
    import re

    from ..atomic import write_atomic
    from ..errors import InputErrors
    from ..importer import import_csv
    from ..paths import display_path, find_root

    root = (args.root or find_root()).resolve()
    if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", args.article):
        print(tag(f"--article: expected a slug (lower-case letters, digits and single hyphens), got {args.article!r}",
                  "bad-argument"),
              file=sys.stderr)
        return 2
    out = root / "claims" / f"{args.article}.yaml"
    if out.exists() and not args.force:
        print(tag(f"{display_path(out, root)}:0: already exists; pass --force to replace it with the import", "file-exists"),
              file=sys.stderr)
        return 2
    try:
        text = import_csv(args.csv, root, args.article, args.source)
    except InputErrors as e:
        for line in e.errors:
            print(line, file=sys.stderr)
        return 2
    try:
        write_atomic(out, text)
    except OSError as e:
        print(tag(f"{display_path(out, root)}:0: cannot be written: {e.strerror or e}", fault_code(e)), file=sys.stderr)
        return 2
    n = text.count("\n  - id: ")
    print(f"{display_path(out, root)}: {n} claim(s) imported from {args.csv}; run `numclaims check`")
    return 0
