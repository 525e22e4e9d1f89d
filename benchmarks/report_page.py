"""Weight and height of a report page, as a reader's browser lays it out.

Usage (from the project root, with ``pip install -e '.[test]'`` and Debian chromium)::

    python benchmarks/report_page.py [PAGE.html ...]

Default page: the seed article's ``reports/<seed>/report.html``. For each page it prints the file size in
bytes and, at a desktop (1280 x 800) and a phone (390 x 844) viewport, the document's scroll height and
scroll width in CSS pixels, with the disclosures as the page opens them and with every ``<details>``
open. Layout comes from Debian chromium driven by Playwright (the same pair as
``tests/test_report_browser.py``).

To measure an earlier commit's page: ``git show <commit>:reports/<seed>/report.html > /tmp/old.html`` and
pass ``/tmp/old.html``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
VIEWPORTS = (("desktop", 1280, 800), ("phone", 390, 844))


def main(argv: list[str]) -> int:
    from playwright.sync_api import sync_playwright

    ap = argparse.ArgumentParser(description="Weight and height of report pages at 1280 and 390 px.")
    ap.add_argument("pages", nargs="*", type=Path, help="report.html files (default: the seed article's)")
    pages = ap.parse_args(argv).pages or [ROOT / "reports" / SEED / "report.html"]
    missing = [p for p in pages if not p.is_file()]
    if missing:
        print(f"{missing[0]}: no such file", file=sys.stderr)
        return 2
    exe = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=["--no-sandbox", "--disable-gpu"])
        for page in pages:
            print(f"{page}: {page.stat().st_size:,} bytes")
            for name, w, h in VIEWPORTS:
                pg = browser.new_page(viewport={"width": w, "height": h})
                pg.goto(page.resolve().as_uri())
                closed = pg.evaluate("[document.documentElement.scrollHeight, document.documentElement.scrollWidth]")
                pg.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
                opened = pg.evaluate("[document.documentElement.scrollHeight, document.documentElement.scrollWidth]")
                print(f"  {name} {w} px: height {closed[0]:,} px, width {closed[1]:,} px; "
                      f"all disclosures open: height {opened[0]:,} px, width {opened[1]:,} px")
                pg.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
