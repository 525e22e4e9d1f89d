"""The package's import graph, read from the source with ``ast`` (every import, function-level ones
included): no cycle, no import from a higher layer (:data:`numclaims.layers.LAYERS`), every module in a
layer, and imports at the top of modules except the ones :mod:`numclaims.layers` allows."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from numclaims.layers import LAYERS, LAZY, LAZY_LAYERS, layer_of, rank

PKG = Path(__file__).resolve().parents[1] / "src" / "numclaims"
if __name__ == "__main__" and len(sys.argv) > 1:  # python tests/test_architecture.py [path/to/src/numclaims]
    PKG = Path(sys.argv[1]).resolve()


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level(body):
    """Statements run at import time: the module body and the branches of its top-level if/try."""
    for node in body:
        yield node
        if isinstance(node, (ast.If, ast.Try)):
            for part in (node.body, node.orelse, getattr(node, "finalbody", []),
                         *[h.body for h in getattr(node, "handlers", [])]):
                yield from _top_level(part)


def read_imports(path: Path) -> list[tuple[str, int, bool, list[str]]]:
    """``[(module imported, line, at top level, [names imported from it])]`` of one source file;
    relative imports resolved to absolute names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    top = {id(n) for n in _top_level(tree.body)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                out.append((a.name, node.lineno, id(node) in top, []))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.append((target, node.lineno, id(node) in top, [a.name for a in node.names]))
    return out


def import_graph() -> tuple[dict[str, set[str]], dict[str, list]]:
    """``({module: {numclaims modules it imports}}, {module: read_imports(...)})`` of the package.
    ``from pkg import name`` counts as importing ``pkg.name`` when that is a module, else ``pkg``.
    The implicit import of a parent package by its submodules is not an edge."""
    files = {module_name(p): p for p in sorted(PKG.rglob("*.py"))}
    edges: dict[str, set[str]] = {m: set() for m in files}
    raw = {m: read_imports(p) for m, p in files.items()}
    for m, imports in raw.items():
        for target, _, _, names in imports:
            subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in files]
            for t in subs or ([target] if target in files else []):
                if t != m:
                    edges[m].add(t)
    return edges, raw


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out = []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges[w]))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    x = stack.pop()
                    on.discard(x)
                    comp.append(x)
                    if x == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def shortest_cycle(comp: list[str], edges: dict[str, set[str]]) -> list[str]:
    """One shortest cycle through the first module of the component ``comp`` (breadth first inside it):
    ``[a, b, ..., a]``."""
    inside = set(comp)
    start = comp[0]
    prev: dict[str, str] = {}
    queue = [start]
    while queue:
        v = queue.pop(0)
        for w in sorted(edges[v] & inside):
            if w == start:
                path = [v]
                while path[-1] != start:
                    path.append(prev[path[-1]])
                return list(reversed(path)) + [start]
            if w not in prev:
                prev[w] = v
                queue.append(w)
    return [start]


def import_line(m: str, target: str) -> int:
    """The line of the first import in module ``m`` that brings in module ``target`` (0: none found)."""
    for t, line, _, names in RAW.get(m, []):
        if t == target or any(f"{t}.{n}" == target for n in names):
            return line
    return 0


def cycle_words(comp: list[str]) -> str:
    """A cycle told as the imports that close it: ``numclaims.a:12 imports numclaims.b; ...``."""
    path = shortest_cycle(comp, EDGES)
    steps = [f"{a}:{import_line(a, b)} imports {b}" for a, b in zip(path, path[1:])]
    return f"{len(comp)} modules in one cycle, e.g. " + "; ".join(steps)


EDGES, RAW = import_graph()


def test_cycle_finder_finds_a_known_cycle():
    # a -> b -> c -> a is one component of three; d -> a hangs off it; e is alone
    g = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(g) == [["a", "b", "c"]]
    assert cycles({"x": {"y"}, "y": set()}) == []


def test_the_graph_reads_function_level_and_relative_imports():
    # numclaims.commands.check imports numclaims.runner inside its run function, relatively ("..runner")
    assert "numclaims.runner" in EDGES["numclaims.commands.check"]
    # "from . import figures" in numclaims.notebook is an import of the module numclaims.figures
    assert "numclaims.figures" in EDGES["numclaims.notebook"]


def test_no_import_cycle():
    found = [cycle_words(comp) for comp in cycles(EDGES)]
    assert not found, "import cycle(s): " + " || ".join(found)


def test_a_cycle_is_told_by_the_imports_that_close_it():
    # a -> b -> c -> a: the shortest way round from a
    assert shortest_cycle(["a", "b", "c"], {"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    # numclaims.commands.check imports numclaims.runner inside run(): its line is found
    assert import_line("numclaims.commands.check", "numclaims.runner") > 0


def test_every_module_is_in_one_layer():
    unplaced = [m for m in EDGES if layer_of(m) is None]
    assert not unplaced, f"add these modules to numclaims.layers.LAYERS: {unplaced}"
    names = [name for name, _, _ in LAYERS]
    assert len(names) == len(set(names))
    listed = [m for _, _, mods in LAYERS for m in mods if not m.endswith(".*")]
    assert len(listed) == len(set(listed))
    assert all(m in EDGES for m in listed), "a layer lists a module that does not exist"


def test_no_import_from_a_higher_layer():
    upward = sorted(f"{m}:{import_line(m, t)} ({layer_of(m)}) imports {t} ({layer_of(t)})" for m, ts in EDGES.items()
                    for t in ts if rank(layer_of(t)) > rank(layer_of(m)))
    assert not upward, "imports from a higher layer: " + "; ".join(upward)


def test_imports_sit_at_the_top_of_modules():
    inner = sorted(f"{m}:{line} imports {target}" for m, imports in RAW.items() for target, line, top, _ in imports
                   if not top and layer_of(m) not in LAZY_LAYERS and target.split(".")[0] not in LAZY)
    assert inner == []


@pytest.mark.parametrize("layer", [name for name, _, _ in LAYERS])
def test_layer_rank_is_its_position(layer):
    assert [name for name, _, _ in LAYERS].index(layer) == rank(layer)


if __name__ == "__main__":
    # the counts quoted when the cycle was broken: modules, imports, imports inside functions, cycles
    n_imports = sum(len(v) for v in RAW.values())
    n_inner = sum(1 for v in RAW.values() for _, _, top, _ in v if not top)
    found = cycles(EDGES)
    print(f"{len(EDGES)} modules, {n_imports} imports, {n_inner} inside functions, {len(found)} cycle(s)")
    for comp in found:
        print(f"  cycle of {len(comp)}: {', '.join(comp)}")
        print(f"    {cycle_words(comp)}")
    sys.exit(1 if found else 0)
