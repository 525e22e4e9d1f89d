"""Time the tutorial of docs/drafting.md: a new capture to a checked report, command by command.

Runs, in a temporary copy of the project, the steps a fact-checker runs for a new article (the bundled
capture named on the command line, default the 2,000-rescues brief): `numclaims new`, `numclaims check`
of the draft, `numclaims review confirm` of every drafted claim and `accept` of every proposal (standing for
the fact-checker's decisions), `numclaims check` again and `numclaims report`; prints the wall time of each
command and what the draft left to decide (records, guessed fields, proposals). The reading and editing
time of the fact-checker is not measured here.

    python benchmarks/tutorial_time.py [SOURCE_ID]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(cmd: list[str], cwd: Path) -> tuple[float, str]:
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    dt = time.perf_counter() - t
    if p.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exited {p.returncode}:\n{p.stderr}")
    return dt, p.stdout + p.stderr


def main(argv: list[str]) -> int:
    sid = argv[0] if argv else "insightcrime-2013-09-24-peru-rescues-2000"
    exe = shutil.which("numclaims") or "numclaims"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        shutil.copytree(ROOT / "datasets", root / "datasets")
        shutil.copy(ROOT / "pyproject.toml", root)
        (root / "claims").mkdir()
        target = root / "claims" / "new-article.yaml"
        steps = [("numclaims new", [exe, "new", sid, "--id", "new-article"])]
        total = 0.0
        for label, cmd in steps:
            dt, _ = run(cmd, root)
            total += dt
            print(f"{label:<34} {dt:6.2f} s")
        sys.path.insert(0, str(ROOT / "src"))
        from numclaims.yamlio import load_yaml_text

        data = load_yaml_text(target.read_text(encoding="utf-8"))
        guessed = sum(len(c.get("guessed") or []) for c in data["claims"])
        print(f"  draft: {len(data['claims'])} records, {guessed} guessed fields, {len(data['checks'])} proposed checks")
        dt, _ = run([exe, "check", str(target), "--no-write", "-q"], root)
        total += dt
        print(f"{'numclaims check (draft)':<34} {dt:6.2f} s")
        t_dec, _ = run([exe, "review", "confirm", *(c["id"] for c in data["claims"])], root)
        if data["checks"]:
            d, _ = run([exe, "review", "accept", *(ch["id"] for ch in data["checks"])], root)
            t_dec += d
        total += t_dec
        print(f"{'numclaims review confirm, accept':<34} {t_dec:6.2f} s (two commands, every id at once)")
        for label, cmd in (("numclaims check", [exe, "check", str(target), "-q"]), ("numclaims report", [exe, "report"])):
            dt, _ = run(cmd, root)
            total += dt
            print(f"{label:<34} {dt:6.2f} s")
        print(f"{'total command time':<34} {total:6.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
