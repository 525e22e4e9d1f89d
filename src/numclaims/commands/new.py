"""``numclaims new SOURCE --id ID``: draft ``claims/ID.yaml`` with one record per number of the article.

SOURCE is a source id or the path of its ``.txt`` under ``datasets/sources`` (the claims file names the
source by id, so it must live there with its ``.meta.yaml``). Each number of the headline, standfirst and
body becomes a record: the quote, the numeral as written and its reading, and, drafted from the words
around it and listed under ``guessed:``, what is counted, where, over what period and who said it. Checks
found in the text are added with ``status: proposed`` (``--no-checks``: none). The file passes
``numclaims check`` as it stands. An existing file is never overwritten (exit 2).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``new`` sub-command."""
    p = sub.add_parser("new", help="draft claims/ID.yaml from a source: a record per number, checks proposed",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("source", help="source id, or path to datasets/sources/<id>.txt")
    p.add_argument("--id", required=True, dest="article_id", help="article id (a slug): the file is claims/ID.yaml")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    p.add_argument("--no-checks", action="store_true", help="draft the records only, propose no checks")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Write the scaffold; exit 2 on a bad id, an unknown source or an existing file."""
    from ..codes import tag
    from ..errors import InputErrors
    from ..paths import CLAIMS_DIR, find_root
    from ..records import SLUG_PATTERN
    from ..draft import files_using_source, lead_spans, project_ids
    from ..extract import body_span
    from ..suggest import draft_file
    from ..sources import SOURCES_DIR, load_source

    root = (args.root or find_root()).resolve()
    if not re.fullmatch(SLUG_PATTERN, args.article_id) or len(args.article_id) > 120:
        print(tag(f"--id {args.article_id!r}: expected a slug (lower-case letters, digits, single hyphens)", "bad-argument"),
              file=sys.stderr)
        return 2
    src = args.source
    if src.endswith(".txt"):
        src = Path(src).name[:-4]
    target = root / CLAIMS_DIR / f"{args.article_id}.yaml"
    if target.exists():
        print(tag(f"{target}: already exists; numclaims new never overwrites a claims file "
                  "(choose another --id or delete the file first)", "file-exists"), file=sys.stderr)
        return 2
    try:
        source = load_source(src, root)
    except InputErrors as e:
        base = root / SOURCES_DIR
        missing = [f"{SOURCES_DIR.as_posix()}/{src}{ext}" for ext in (".txt", ".meta.yaml")
                   if not (base / f"{src}{ext}").exists()]
        if not missing:  # both files there: their problems, each on its line
            for err in e.errors:
                print(str(err), file=sys.stderr)
            return 2
        # a file missing: one line naming what is missing and what to write instead (the file to copy in,
        # when the source was given as a path elsewhere)
        given = Path(args.source)  # (a --root that names no folder was refused by numclaims.cli.main)
        if args.source.endswith(".txt") and given.is_file() and given.resolve().parent != base.resolve():
            where = (f"{args.source}: a source is read from the project's {SOURCES_DIR.as_posix()}/ only; copy it "
                     f"there as {SOURCES_DIR.as_posix()}/{src}.txt and write {src}.meta.yaml beside it (see "
                     f"{SOURCES_DIR.as_posix()}/README.md)")
        else:
            where = (f"{' and '.join(missing)}: not found; a source is {SOURCES_DIR.as_posix()}/<id>.txt with "
                     f"<id>.meta.yaml beside it (see {SOURCES_DIR.as_posix()}/README.md)")
        print(tag(where, "source-missing"), file=sys.stderr)
        return 2
    meta_file = (SOURCES_DIR / f"{source.meta.id}.meta.yaml").as_posix()
    warnings = []  # printed once the draft is made (after an error they would only distract)
    for other in files_using_source(root, source.meta.id):
        shown = other.relative_to(root).as_posix() if other.is_relative_to(root) else other
        warnings.append(tag(f"warning: {meta_file}: source {source.meta.id!r} is already recorded by {shown}; the "
                            f"draft's ids get -2 suffixes (edit that file, or run numclaims suggest on it)",
                            "source-drafted-already"))
    markers = (source.meta.body.start, source.meta.body.end) if source.meta.body is not None else None
    if not any(r == "headline" for r, _, _ in lead_spans(source.text, source.meta.title,
                                                         body_span(source.text, markers))):
        line = next((i for i, ln in enumerate((root / meta_file).read_text(encoding="utf-8").splitlines(), 1)
                     if ln.startswith("title:")), 1)
        warnings.append(tag(f"warning: {meta_file}:{line}: title {source.meta.title!r} is no line of "
                            f"{source.meta.id}.txt before the body, so the headline's numbers are not drafted; write "
                            f"the title as the headline line reads", "title-not-headline"))
    try:
        text = draft_file(args.article_id, source, checks=not args.no_checks, taken=project_ids(root), root=root)
    except ValueError as e:
        print(tag(f"{(SOURCES_DIR / f'{src}.txt').as_posix()}: {e}; if the body is cut wrongly, give its first and "
                  f"last words as body: {{start: ..., end: ...}} in {src}.meta.yaml", getattr(e, "code", "no-mentions")),
              file=sys.stderr)
        return 2
    except InputErrors as e:  # the reference data package the external proposals read
        for err in e.errors:
            print(str(err), file=sys.stderr)
        return 2
    for w in warnings:
        print(w, file=sys.stderr)
    from ..atomic import write_atomic

    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, text)
    n = text.split("\nchecks:")[0].count("\n  - id: ")
    k = text.count("status: \"proposed\"")
    print(f"wrote {target} with {n} claim record(s) and {k} proposed check(s); confirm the guessed fields and "
          f"decide on the proposals (numclaims review), then run numclaims check {target}")
    return 0
