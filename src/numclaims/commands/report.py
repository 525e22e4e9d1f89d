"""``numclaims report [--article ID] [--check]``: render the published files of each article.

Checks every claims file (as ``numclaims check`` does) and writes ``reports/<id>/results.json``,
``report.md``, ``report.html`` and ``claimreview.json`` atomically, with the same renderer as ``check``
(:mod:`numclaims.report`), so both commands write byte-identical files. With ``--check`` nothing is
written: each committed report file that is missing or differs from a fresh in-memory render is named on
stderr and the exit status is 1 (0 when all are fresh, 2 for invalid input or an unknown article).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``report`` sub-command to ``sub``."""
    p = sub.add_parser("report", help="render report.md, report.html and claimreview.json of each article",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("--article", action="append", metavar="ID",
                   help="only this article id (repeatable; default: every article under claims/)")
    p.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 naming each report file that is missing or stale")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    add_publisher_flags(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Render (or with ``--check`` compare) the report files; returns the exit status."""
    from ..codes import tag
    from ..paths import display_path, find_root
    from ..report import (
        ClaimReviewConfigError,
        claimreview,
        stale_reports,
        write_reports,
    )
    from . import check_project

    root = (args.root or find_root()).resolve()
    from ..paths import reports_folder

    reports_folder(root)  # the path guard: reports/ a real folder of the project (else one line, exit 3)
    if not args.check:
        from ..publish import sweep

        sweep(root)  # what a killed run left: its staging and half-built report folders
    try:
        config = publisher_config(root, args)
    except ValueError as e:
        print(tag(str(e), getattr(e, "code", "config-invalid")), file=sys.stderr)
        return 2
    checked = check_project(root, args.article)
    if isinstance(checked, int):
        return checked
    outcome, results = checked
    unpublishable = []
    for res in results:  # reviewed claims without a configured publisher: an input error, nothing written
        try:
            claimreview(res, config)
        except ClaimReviewConfigError as e:
            print(e, file=sys.stderr)
            unpublishable.append(res.article)
    if unpublishable:
        results = [r for r in results if r.article not in unpublishable]
    if args.check:
        stale = stale_reports(results, root, config)
        for p in stale:
            what = "missing" if not p.is_file() else "differs from a fresh render"
            print(tag(f"{display_path(p, root)}: {what}; run `numclaims report`", "stale-report"), file=sys.stderr)
        if stale:
            return 1
        if outcome.invalid or unpublishable:
            return 2
        print(f"{len(results)} article(s): every report file is fresh")
        return 0
    n = sum(len(write_reports(res, root, config)) for res in results)
    print(f"{len(results)} article(s), {n} report file(s) written under {display_path(root / 'reports', root)}/"
          " (unchanged files left alone)")
    return 2 if outcome.invalid or unpublishable else 0


def add_publisher_flags(p: argparse.ArgumentParser) -> None:
    """``--author``, ``--author-url``, ``--base-url``: the ClaimReview publisher, over the project's
    configuration (see :mod:`numclaims.claimreview`)."""
    p.add_argument("--author", default=None, metavar="NAME",
                   help="reviewing organisation named in ClaimReview (default: author under [claimreview] in "
                        "numclaims.toml, or [tool.numclaims.claimreview] in pyproject.toml)")
    p.add_argument("--author-url", default=None, metavar="URL",
                   help="its home page, an absolute http(s) address (default: author_url of the configuration)")
    p.add_argument("--base-url", default=None, metavar="URL",
                   help="public address of the reports/ folder, absolute http(s); each review's url is "
                        "URL/<article>/report.html#claim-<id> (default: base_url of the configuration)")


def publisher_config(root: Path, args: argparse.Namespace):
    """The project's :class:`numclaims.claimreview.ReportConfig` with the flags of
    :func:`add_publisher_flags` applied. Raises ValueError (one line) for a bad file or flag value."""
    from dataclasses import replace

    from ..claimreview import load_config

    config = load_config(root)
    flags = {k: getattr(args, k) for k in ("author", "author_url", "base_url") if getattr(args, k, None) is not None}
    if not flags:
        return config
    try:
        return replace(config, **flags)
    except ValueError as e:
        from ..codes import CodedError

        raise CodedError("bad-argument", f"--{str(e).split(' ', 1)[0].replace('_', '-')}: {str(e).split(' ', 1)[1]}") from None
