"""``numclaims suggest CLAIMS_FILE [--write]``: propose the checks the article's words imply.

Reads the claims file and its source, finds the relations between its claims that the text states (a share
and its base, parts next to a total, a rate and a duration next to a total, estimates from different sources,
part/whole from "among", "including", "of them", and comparisons, changes and complements where those check
kinds exist) and prints those neither declared nor dropped before (the file's ``dropped:`` list, written
by ``numclaims review drop``), as check records with ``status: proposed`` and the
``reason`` found in the text. ``--write`` appends them to the file (kept as it is otherwise); decide on each
with ``numclaims review accept|drop CHECK_ID``. Input errors exit 2 with one line per error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``suggest`` sub-command."""
    p = sub.add_parser("suggest", help="propose checks for an existing claims file, with the reason in the text",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("claims_file", type=Path, metavar="CLAIMS_FILE", help="the claims file to propose checks for (claims/<id>.yaml)")
    p.add_argument("--write", action="store_true", help="append the proposals to the file")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print (or write) the proposals; exit 2 on an input error."""
    from ..codes import tag
    from ..errors import InputErrors
    from ..loader import load_article
    from ..paths import display_path, find_root
    from ..review import ReviewError
    from ..scaffold import render_checks
    from ..suggest import check_key, items_for_article, propose

    root = (args.root or find_root()).resolve()
    path = args.claims_file
    if not path.is_file():
        print(tag(f"{path}:0: no such file", "file-unreadable"), file=sys.stderr)
        return 2
    try:
        article = load_article(path, root)
    except InputErrors as e:
        for err in e.errors:
            print(str(err), file=sys.stderr)
        return 2
    declared = {check_key(c.kind, c.model_dump(exclude={"id", "kind", "note", "status", "reason"}, exclude_none=True))
                for c in article.data.checks}
    taken = {c.id for c in article.data.claims} | {c.id for c in article.data.checks}
    try:
        proposals = propose(items_for_article(article), article.source.text, None, root, article.source.meta)
    except InputErrors as e:  # the reference data package the external proposals read
        for err in e.errors:
            print(str(err), file=sys.stderr)
        return 2
    # a proposal the fact-checker dropped (the file's dropped: list) is not proposed again
    declared |= {check_key(d.kind, d.claims) for d in article.data.dropped}
    new = [p for p in proposals if p.key() not in declared]
    for p in new:
        base, n = p.id, 1
        while p.id in taken:
            n += 1
            p.id = f"{base[:114]}-{n}"
        taken.add(p.id)
    display = display_path(path, root)
    if not new:
        print(f"{display}: no new check to propose")
        return 0
    if not args.write:
        print("\n".join(render_checks([p.record() for p in new])))
        print(f"{display}: {len(new)} check(s) proposed; add them with --write", file=sys.stderr)
        return 0
    from ..atomic import write_atomic
    from ..decisions import add_checks
    from ..yamlio import read_text_strict

    text = read_text_strict(path)
    try:
        out = add_checks(text, [p.record() for p in new], display)
    except ReviewError as e:
        print(str(e), file=sys.stderr)
        return 2
    write_atomic(path, out)
    print(f"{display}: {len(new)} proposed check(s) added; decide with numclaims review accept|drop CHECK_ID")
    return 0
