"""``numclaims review``: the fact-checker's queue and decisions.

``numclaims review [--article ID]`` lists the claims that still need a decision (status ``unreviewed``),
worst findings first: claims in inconsistent checks, then tension, then unverifiable, then the rest.

``numclaims review set CLAIM_ID STATUS --reviewer NAME --note TEXT [--date YYYY-MM-DD]`` records a decision
(``verified``, ``disputed``, ``unverifiable``; ``unreviewed`` clears one) in the claims YAML in place,
keeping its comments and formatting, and writes it atomically. Unknown ids or statuses exit 2 with one
line ``file:line: claim <id>: <field>: <what>`` on stderr. Run ``numclaims report`` afterwards.

``numclaims review accept CHECK_ID`` / ``drop CHECK_ID`` decides on a check proposed by ``numclaims new`` or
``suggest`` (a drop is remembered under ``dropped:`` so ``suggest`` does not propose it again; both refuse
a check that is not a proposal, ``drop --force`` deletes one); ``numclaims review confirm CLAIM_ID`` confirms a drafted claim's guessed fields (see
:mod:`numclaims.decisions`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``review`` sub-command (with its ``set`` action) to ``sub``."""
    p = sub.add_parser("review", help="list claims awaiting a decision, or record one with 'review set'",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("--article", default=None, metavar="ID", help="only this article id")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    p.add_argument("--json", action="store_true",
                   help="print the queue as a JSON array (claim and check objects as in results.json; "
                        "docs/review-and-export.md)")
    acts = p.add_subparsers(dest="action", metavar="ACTION")
    s = acts.add_parser("set", help="record a decision on one claim",
                        description=__doc__.split("\n\n")[2] if __doc__ else None)
    s.add_argument("claim_id", metavar="CLAIM_ID", help="id of the claim, as in its claims file")
    s.add_argument("status", metavar="STATUS", help="verified, disputed, unverifiable (or unreviewed to clear)")
    s.add_argument("--reviewer", default=None, metavar="NAME", help="who decided (required for a decision)")
    s.add_argument("--note", default=None, metavar="TEXT", help="why (required for a decision)")
    s.add_argument("--date", type=_date, default=None, metavar="YYYY-MM-DD", help="review date (default: today)")
    s.add_argument("--article", default=argparse.SUPPRESS, metavar="ID", help="look for the claim in this article only")
    s.add_argument("--root", type=Path, default=argparse.SUPPRESS, help="project root")
    s.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                   help="print the decision recorded as a JSON object (file, line, claim and the four review fields)")
    for name, what, helptext in (("accept", "CHECK_ID", "accept a proposed check (removes status: proposed)"),
                                 ("drop", "CHECK_ID", "drop a proposed check (remembered under dropped:, so suggest "
                                  "does not propose it again)"),
                                 ("confirm", "CLAIM_ID", "confirm a drafted claim's guessed fields (removes guessed:)")):
        a = acts.add_parser(name, help=helptext, description=helptext)
        a.add_argument("ident", metavar=what, nargs="+",
                       help="one or more ids of " + ("proposed checks" if what == "CHECK_ID" else "drafted claims"))
        a.add_argument("--root", type=Path, default=argparse.SUPPRESS, help="project root")
        if name == "drop":
            a.add_argument("--force", action="store_true",
                           help="also delete a check that is not a proposal (declared by hand or accepted)")
    p.set_defaults(func=run, action=None)


def run(args: argparse.Namespace) -> int:
    """List the queue or record a decision; returns the exit status."""
    from ..paths import find_root

    root = (args.root or find_root()).resolve()
    if args.action == "set":
        return _set(args, root)
    if args.action in ("accept", "drop", "confirm"):
        from ..decisions import decide
        from ..paths import display_path
        from ..review import ReviewError

        status = 0
        for ident in args.ident:  # each decision is written on its own: an unknown id stops nothing else
            try:
                path = decide(root, ident, args.action, getattr(args, "force", False))
            except ReviewError as e:
                print(str(e), file=sys.stderr)
                status = 2
                continue
            print(f"{display_path(path, root)}: {'claim' if args.action == 'confirm' else 'check'} {ident}: "
                  f"{ {'accept': 'accepted', 'drop': 'dropped', 'confirm': 'guessed fields confirmed'}[args.action]}")
        return status
    return _list(args, root)


def _set(args: argparse.Namespace, root: Path) -> int:
    from ..paths import display_path
    from ..review import ReviewError, set_review

    try:
        date = args.date or dt.date.today()  # once, so --json reports the date written
        path = set_review(root, args.claim_id, args.status, args.reviewer, args.note, date, args.article)
    except ReviewError as e:
        print(str(e), file=sys.stderr)
        return 2
    if getattr(args, "json", False):
        from ..results import json_text
        from ..review import find_claim

        _, line = find_claim(root, args.claim_id, args.article)
        decided = args.status != "unreviewed"
        print(json_text({"file": display_path(path, root), "line": line, "claim": args.claim_id,
                         "status": args.status, "reviewer": args.reviewer if decided else None,
                         "reviewed_on": date.isoformat() if decided else None,
                         "notes": args.note if decided else None}))
        return 0
    print(f"{display_path(path, root)}: claim {args.claim_id}: status {args.status}")
    return 0


def _list(args: argparse.Namespace, root: Path) -> int:
    from ..codes import tag
    from ..paths import display_path
    from ..paths import claims_files
    from ..review import queue_label, review_queue
    from ..runner import check_corpus, print_errors
    from ..results import json_text
    from ..yamlio import LineMap, YamlInputError, load_yaml_text, read_text_strict
    from . import articles_of_invalid_files

    files = claims_files(root)
    outcome = check_corpus(files, root)
    print_errors(outcome.errors)
    results = outcome.results
    if args.article is not None:
        results = [r for r in results if r.article == args.article]
        if not results:
            if args.article not in articles_of_invalid_files(outcome.errors, root):  # else its errors said why
                print(tag(f"claims/:0: article {args.article!r}: no valid claims file has this article id",
                          "unknown-article"), file=sys.stderr)
            return 2
    where: dict[str, str] = {}
    for p in files:
        try:
            data = load_yaml_text(read_text_strict(p))
        except (YamlInputError, OSError):  # already reported by check_corpus above
            continue
        for c in (data.get("claims") or []) if isinstance(data, dict) else []:
            if isinstance(c, LineMap) and isinstance(c.get("id"), str):
                where.setdefault(c["id"], f"{display_path(p, root)}:{c.line}")
    total = sum(len(r.claims) for r in results)
    queue = review_queue(results)
    if args.json:
        print(json_text(queue_objects(queue, results, where), allow_nan=False, integral_floats=True))
        return 2 if outcome.invalid else 0
    print(f"{len(queue)} of {total} claim(s) need a decision, worst findings first:")
    for it in queue:
        label = queue_label(it)
        checks = ", ".join(it.checks) if it.checks else "-"
        text = " ".join(it.text.split())
        print(f"  {label:<13} {it.claim}  \u201c{text}\u201d  checks: {checks}  ({where.get(it.claim, it.article)})")
    return 2 if outcome.invalid else 0


def queue_objects(queue: list, results: list, where: dict[str, str]) -> list[dict]:
    """The ``review --json`` array: for each :class:`numclaims.review.QueueItem`, in queue order,
    ``{"article", "location": "file:line", "worst": verdict or null, "claim": <the claim object of
    results.json>, "checks": [<the check objects of results.json it takes part in>]}``."""
    claims = {(r.article, c.id): c for r in results for c in r.claims}
    checks = {(r.article, ch.id): ch for r in results for ch in r.checks}
    return [{"article": it.article, "location": where.get(it.claim), "worst": it.worst,
             "claim": claims[(it.article, it.claim)],
             "checks": [checks[(it.article, k)] for k in it.checks]} for it in queue]
