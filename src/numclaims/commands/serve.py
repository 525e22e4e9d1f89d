"""``numclaims serve [--host 127.0.0.1] [--port 8765]``: review the claims in a browser.

Serves the review queue of the project on http://127.0.0.1:8765/ (local only unless --host says
otherwise): every claim awaiting a decision, worst findings first, with its quote in context, its checks,
verdicts and arithmetic, and a form to record status, reviewer and note. A decision is written into the
claims YAML by the same writer as review set, then the project is re-checked (reports rewritten) and the
page shows the new verdicts. Forms are protected against cross-site request forgery; a decision on a file
changed since the page was rendered is refused and shown back, never lost. Stop with Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``serve`` sub-command to ``sub``."""
    p = sub.add_parser("serve", help="review claims in the browser (a local web page)",
                       description=__doc__.split("\n\n")[1] if __doc__ else None)
    p.add_argument("--host", default="127.0.0.1", metavar="ADDRESS",
                   help="address to listen on (default: 127.0.0.1, this machine only)")
    p.add_argument("--port", type=int, default=8765, metavar="N", help="port (default: 8765)")
    p.add_argument("--root", type=Path, default=None, help="project root (default: found from the current folder)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; returns the exit status."""
    from ..codes import tag
    from ..errors import fault_code
    from ..paths import claims_files, find_root

    root = (args.root or find_root()).resolve()
    if not claims_files(root):
        print(tag(f"no claims files found in {root / 'claims'} (claims files are *.yaml or *.yml files)", "no-claims-files"),
              file=sys.stderr)
        return 2
    if not 0 < args.port < 65536:
        print(tag(f"--port must be 1 to 65535, got {args.port}", "bad-argument"), file=sys.stderr)
        return 2
    import socket

    try:  # a clear line for an address in use or not ours, before uvicorn starts
        with socket.create_server((args.host, args.port)):
            pass
    except OSError as e:
        print(tag(f"{args.host}:{args.port}: cannot listen: {e.strerror or e}", fault_code(e)), file=sys.stderr)
        return 2
    import uvicorn

    from ..serve import make_app

    app = make_app(root, args.host, args.port)
    print(f"reviewing {root} on http://{args.host}:{args.port}/ (Ctrl-C to stop)")
    try:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    except OSError as e:
        print(tag(f"{args.host}:{args.port}: cannot listen: {e.strerror or e}", fault_code(e)), file=sys.stderr)
        return 2
    return 0
