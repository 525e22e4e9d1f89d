"""YAML readers compared: speed per file and identical data, on a synthetic claims file and the project's YAML.

Run from the repository root::

    python benchmarks/yaml_readers.py

Readers: the project's exact, line-numbered loader (:func:`numclaims.yamlio.load_yaml_text`, PyYAML's
libyaml parser), PyYAML's stock ``CSafeLoader``, the fast path (:func:`numclaims.fastyaml.load_fast`:
pre-scan, yaml-rs, YAML 1.1 reading of plain texts), and the compiled readers alone: yaml-rs
(``yaml_rs.loads``), and, when installed (``pip install ryaml rapidyaml``; they are not dependencies),
ryaml (``ryaml.loads``) and rapidyaml (``ryml.parse_in_arena``, a tree only: no Python data is built).
For each it prints the CPU microseconds per file (best of three passes) on a 10-claim file of
``benchmarks/scale.py`` and on its metadata file, and how many of the repository's YAML files it reads
to the same data as the exact loader (types included; rapidyaml builds no data and is not compared).

It prints figures only; nothing here is a test.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parents[1]


def _typed(x: Any) -> Any:
    if isinstance(x, dict):
        return ("map", [(_typed(k), _typed(v)) for k, v in x.items()])
    if isinstance(x, list):
        return ("seq", [_typed(v) for v in x])
    return (type(x).__name__, repr(x))


def _per_file(fn: Callable[[str], Any], text: str, n: int = 2000) -> float:
    """Best of three: CPU microseconds per call of ``fn(text)``."""
    best = float("inf")
    for _ in range(3):
        t = time.process_time()
        for _ in range(n):
            fn(text)
        best = min(best, (time.process_time() - t) / n * 1e6)
    return best


def main() -> int:
    """Print the table; returns 0."""
    import yaml
    import yaml_rs

    from numclaims.fastyaml import load_fast
    from numclaims.yamlio import YamlInputError, load_yaml_text

    spec = importlib.util.spec_from_file_location("scale", REPO / "benchmarks" / "scale.py")
    scale = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scale)
    _, meta, claims = scale._article(5)

    readers: dict[str, Callable[[str], Any] | None] = {
        "exact loader (numclaims.yamlio)": load_yaml_text,
        "PyYAML CSafeLoader": lambda t: yaml.load(t, Loader=yaml.CSafeLoader),
        "fast path (numclaims.fastyaml)": load_fast,
        "yaml-rs alone": lambda t: yaml_rs.loads(t, parse_datetime=False),
    }
    if importlib.util.find_spec("ryaml"):
        import ryaml

        readers["ryaml alone"] = ryaml.loads
    if importlib.util.find_spec("ryml"):
        import ryml

        readers["rapidyaml alone (tree only)"] = lambda t: ryml.parse_in_arena(t.encode("utf-8"))
    files = sorted(p for pat in ("*.yaml", "*.yml") for p in REPO.rglob(pat)
                   if ".venv" not in p.parts and "site-packages" not in p.parts)
    texts = [p.read_bytes().decode("utf-8", errors="replace") for p in files]
    refs = []
    for t in texts:
        try:
            refs.append(_typed(load_yaml_text(t)))
        except YamlInputError:
            refs.append(None)  # the exact loader refuses it
    print(f"python {sys.version.split()[0]}; {len(files)} YAML files in the repository, "
          f"{sum(r is not None for r in refs)} of them valid for the exact loader")
    print(f"{'reader':36} {'10-claim file':>14} {'metadata':>10}   same data as the exact loader")
    for name, fn in readers.items():
        a, b = _per_file(fn, claims), _per_file(fn, meta)
        if "tree only" in name:
            same = "not compared (no data built)"
        else:
            ok = read = 0
            for t, ref in zip(texts, refs):
                try:
                    got = fn(t)
                except Exception:
                    continue
                if got is None and name.startswith("fast path"):
                    continue  # stood aside: the exact loader reads the file
                read += 1
                ok += ref is not None and _typed(got) == ref
            same = f"{ok} of the {read} files it read"
        print(f"{name:36} {a:11.0f} us {b:7.0f} us   {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
