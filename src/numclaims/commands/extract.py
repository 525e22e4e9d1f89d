"""``numclaims extract SOURCE [--json] [--body]``: list every numeric mention of a source text.

SOURCE is a path to a ``.txt`` capture (its ``.meta.yaml`` beside it is used when present, for the body
markers) or a source id under ``datasets/sources``. Each mention is printed with its character offsets
(into the text as read, UTF-8 decoded), exact text, parsed quantity and region: ``body``, ``headline`` or
``standfirst`` (the lead, whose numbers are claims of the article, drafted by ``numclaims new`` and
counted by coverage: :func:`numclaims.draft.lead_spans`), or ``furniture`` (datelines, bylines, menus);
``--json`` prints a JSON list of objects instead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``extract`` sub-command."""
    p = sub.add_parser("extract", help="list every numeric mention of a source text, body or furniture",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("source", help="path to a .txt capture, or a source id under datasets/sources")
    p.add_argument("--json", action="store_true", help="print a JSON list of mention objects")
    p.add_argument("--body", action="store_true", help="only the mentions of the article body")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    p.set_defaults(func=run)


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:,.0f}" if v.is_integer() else f"{v:g}"
    return str(v)


def run(args: argparse.Namespace) -> int:
    """Print the mentions; exit 2 when the source cannot be read."""
    from ..codes import tag
    from ..extract import extract, mentions_json, read_capture
    from ..paths import find_root

    root = (args.root or find_root()).resolve()
    try:
        cap = read_capture(args.source, root)
    except FileNotFoundError:
        print(tag(f"{args.source}:0: no such source file or source id", "source-missing"), file=sys.stderr)
        return 2
    except ValueError as e:
        print(tag(f"{args.source}:0: {e}", getattr(e, "code", "file-unreadable")), file=sys.stderr)
        return 2
    ms = extract(cap, with_precision=True)
    # the headline and standfirst are claims of the article, as numclaims new and coverage read them
    from ..draft import lead_spans

    lead = lead_spans(cap.text, cap.meta.title if cap.meta is not None else None, cap.body())
    for m in ms:
        if m.region != "body":
            m.region = next((r for r, a, b in lead if a <= m.start and m.end <= b), m.region)
    if args.body:
        ms = [m for m in ms if m.region == "body"]
    if args.json:
        print(mentions_json(ms))
        return 0
    b0, b1 = cap.body()
    how = "metadata markers" if cap.markers and cap.text.find(cap.markers[0]) >= 0 else "heuristics"
    print(f"{cap.path}: {len(cap.text)} characters, body {b0}-{b1} ({how}), "
          f"{sum(m.region == 'body' for m in ms)} body mention(s), "
          f"{sum(m.region in ('headline', 'standfirst') for m in ms)} in the headline and standfirst (claims "
          f"of the article), {sum(m.region == 'furniture' for m in ms)} in furniture")
    for m in ms:
        extra = f" {m.low:g}-{m.high:g}" if m.low is not None and m.high is not None else ""
        print(f"{m.start:6d}-{m.end:<6d} {m.region:10s} {m.text!r:32s} {_fmt(m.value):>12s}{extra} {m.unit:14s} {m.qualifier}")
    return 0
