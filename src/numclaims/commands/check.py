"""``numclaims check [PATH ...] [--strict]``: validate, check, print a table, write results and report.

Every claims file is loaded and checked; files with input errors print one line per error on stderr and
write nothing. For each valid article ``reports/<id>/results.json`` and ``reports/<id>/report.md`` are
written atomically. Claim ids must be unique across all files checked together.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check", help="check every article under claims/ (or the files given)",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("paths", nargs="*", help="claims files or folders (default: claims/*.yaml)")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    p.add_argument("--strict", action="store_true", help="exit 1 when any check is inconsistent")
    p.add_argument("--quiet", "-q", action="store_true", help="print no table, only errors and the summary line")
    p.add_argument("--no-write", action="store_true", help="check only; write no results or reports")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..paths import claims_files, find_root
    from ..runner import check_corpus, print_errors, print_table, write_outputs

    root = (args.root or find_root()).resolve()
    try:
        files = claims_files(root, args.paths)
    except FileNotFoundError as e:
        print(f"{e}:0: no such file or folder", file=sys.stderr)
        return 2
    if not files:
        print(f"no claims files found under {root / 'claims'}", file=sys.stderr)
        return 2
    outcome = check_corpus(files, root)
    print_errors(outcome.errors)
    if not args.quiet:
        print_table(outcome.results)
    if not args.no_write:
        write_outputs(outcome.results, root)
    n_inc = sum(r["summary"]["verdicts"]["inconsistent"] for r in outcome.results)
    print(f"{len(outcome.results)} article(s) checked, {len(outcome.invalid)} invalid, "
          f"{sum(r['summary']['checks'] for r in outcome.results)} checks, {n_inc} inconsistent",
          file=sys.stderr if args.quiet else sys.stdout)
    if outcome.invalid:
        return 2
    if args.strict and n_inc:
        return 1
    return 0
