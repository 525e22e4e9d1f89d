"""Incremental checks: an article whose inputs, code and published reports are unchanged since the last
``numclaims check`` is not checked again.

A newsroom re-checks an archive of thousands of articles after changing a handful; CI re-runs the check on
every push. Re-checking an unchanged article gives the same bytes (outputs are deterministic), so
``numclaims check`` keeps, in ``<root>/.numclaims-cache/check.json`` (git-ignored, never needed: delete it
at will), one entry per valid claims file it checked and wrote:

* ``inputs``: the SHA-256 of the exact text the check read, as the results record it
  (``results.json`` ``provenance``): the claims file, the source text and the source metadata;
* ``figures``: name, size and modification time of each ``reports/<id>/figures/*.svg`` (report.html embeds
  them);
* ``reports``: size and modification time (ns) of each report file once written;
* what the run needs without re-checking: the claim ids and their lines (for the cross-file rules and their
  error lines) and the slim results (:func:`numclaims.runner.slim`: summary, coverage, placeholders).

The whole cache is also tied to a **run signature** (:func:`run_signature`): the bytes of every file of the
installed numclaims package, the versions of Python and of the libraries whose behaviour reaches the
outputs, the reference data (``datasets/datapackage.json`` and every ``datasets/**/*.csv``) and the report
configuration (``numclaims.toml``, ``pyproject.toml``). Any change there empties it.

An entry is used only when all of these match (files re-read and re-hashed, report files re-stated); any
doubt (a missing or unreadable file, a corrupt cache) means the article is checked again. Invalid files are
never cached, so their errors are printed on every run. The hashes come from what the worker read, not from
a later look at the files, so a file edited while a run is going on is re-checked next time.

For report files, like ``make``, it trusts size and modification time (a report edited or touched by hand
gets a new one, so the article is checked and the report rewritten); for inputs it trusts only content.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

#: Bump when the layout of an entry changes.
FORMAT = 1
CACHE_DIR = ".numclaims-cache"
CACHE_FILE = "check.json"
#: Libraries whose versions can change what a check writes (parsing, validation, rendering, reference data).
LIBRARIES = ("PyYAML", "pydantic", "pydantic-core", "Jinja2", "MarkupSafe", "frictionless")


def sha256_text(text: str) -> str:
    """Hex SHA-256 of ``text`` encoded as UTF-8 (for text read from a UTF-8 file, the file's bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _sha256_file(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def run_signature(root: Path) -> str:
    """Hex SHA-256 over everything besides an article's own files that reaches its results and reports:
    :data:`FORMAT`, the numclaims package files (``*.py`` and templates, by relative name and bytes), the
    Python version and the versions of :data:`LIBRARIES`, ``datasets/datapackage.json`` and every
    ``datasets/**/*.csv`` of ``root``, and ``numclaims.toml`` / ``pyproject.toml`` of ``root``."""
    from importlib import metadata

    h = hashlib.sha256(f"numclaims-cache {FORMAT}\n{sys.version}\n".encode())
    for lib in LIBRARIES:
        try:
            h.update(f"{lib} {metadata.version(lib)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib} -\n".encode())
    pkg = Path(__file__).resolve().parent
    code = sorted(p for p in pkg.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".css", ".html"))
    extra = [root / "datasets" / "datapackage.json", *sorted((root / "datasets").rglob("*.csv")),
             root / "numclaims.toml", root / "pyproject.toml"]
    for label, base, files in (("code", pkg, code), ("project", root, extra)):
        for p in files:
            digest = _sha256_file(p)
            try:
                name = p.relative_to(base).as_posix()
            except ValueError:
                name = str(p)
            h.update(f"{label} {name} {digest or '-'}\n".encode())
    return h.hexdigest()


def _stat(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _figures(folder: Path) -> list[list[Any]]:
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".svg"))
    except OSError:
        return []
    return [[n, *(_stat(folder / n) or [-1, -1])] for n in names]


class CheckCache:
    """The cache of one project root for one run (see the module docstring).

    Args:
        root: the project root; the cache lives in ``root/.numclaims-cache/check.json``.
        signature: :func:`run_signature` of ``root`` (computed when not given).

    Entries are keyed by the claims file's path relative to ``root``. :meth:`lookup` answers from the
    loaded entries; :meth:`record` adds or replaces one; :meth:`save` writes the file atomically. A cache
    file that cannot be read or parsed, or whose format or signature differ, counts as empty.
    """

    def __init__(self, root: Path, signature: str | None = None) -> None:
        self.root = Path(root)
        self.path = self.root / CACHE_DIR / CACHE_FILE
        self._root_abs = Path(os.path.abspath(self.root.resolve()))
        self.signature = signature if signature is not None else run_signature(self.root)
        self.entries: dict[str, dict[str, Any]] = {}
        self._loaded = False  # the file on disk holds exactly self.entries
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if data.get("format") == FORMAT and data.get("signature") == self.signature:
                self.entries = dict(data.get("entries") or {})
                self._loaded = True
        except (OSError, ValueError, AttributeError):
            self.entries = {}
        self._changed = False

    def _key(self, path: str | Path) -> str:
        # abspath, not resolve(): no system call per file; the root is resolved once
        p = os.path.abspath(path)
        rel = os.path.relpath(p, self._root_abs)
        return p if rel.startswith("..") else Path(rel).as_posix()

    def _report_dir(self, article: str) -> Path:
        """``reports/<article>``. Article ids in the cache come from validated slugs; an entry that names
        anything else (a tampered or foreign cache file) raises ValueError rather than leave ``reports/``
        (:func:`numclaims.paths.report_dir` resolves symlinks too, at a system call per article; the
        checks that write reports still use it)."""
        if not isinstance(article, str) or not article or "/" in article or "\\" in article or article in (".", ".."):
            raise ValueError(article)
        return self._root_abs / "reports" / article

    def lookup(self, path: str | Path, full: bool = False) -> tuple[dict[str, Any], dict[str, int]] | None:
        """``(results, {claim id: line})`` of the claims file ``path`` when its entry still holds, else None.
        Re-reads and hashes the claims file and its source's two files, and stats the figures and report
        files. The results are slim (:func:`numclaims.runner.slim`), or with ``full`` the article's
        results.json as written."""
        e = self.entries.get(self._key(path))
        if e is None:
            return None
        try:
            inputs = e["inputs"]
            src = self.root / "datasets" / "sources"
            now = {"claims_file": _sha256_file(Path(path)),
                   "source_text": _sha256_file(src / f"{e['source']}.txt"),
                   "source_meta": _sha256_file(src / f"{e['source']}.meta.yaml")}
            if any(now[k] is None or now[k] != inputs.get(k) for k in now):
                return None
            folder = self._report_dir(e["article"])
            if _figures(folder / "figures") != e["figures"]:
                return None
            for name, st in e["reports"].items():
                if _stat(folder / name) != st:
                    return None
            res, lines = e["results"], {k: int(v) for k, v in e["lines"].items()}
            if full:
                res = json.loads((folder / "results.json").read_text(encoding="utf-8"))
        except (OSError, KeyError, TypeError, ValueError, AttributeError):
            return None
        return res, lines

    def record(self, path: str | Path, res: dict[str, Any], lines: dict[str, int], reports: list[Path]) -> None:
        """Remember a claims file checked in this run whose report files ``reports`` are now on disk.
        ``res`` must carry ``provenance`` (:func:`numclaims.engine.results_for`); it is stored slim."""
        from .paths import report_dir
        from .runner import slim

        prov = res.get("provenance") or {}
        hashes = {k: (prov.get(k) or {}).get("sha256") for k in ("claims_file", "source_text", "source_meta")}
        if not all(hashes.values()):
            return
        stats = {}
        for p in reports:
            st = _stat(p)
            if st is None:
                return
            stats[p.name] = st
        folder = report_dir(self.root, res["article"])
        self._changed = True
        self.entries[self._key(path)] = {
            "article": res["article"], "source": res["source"]["id"], "inputs": hashes,
            "figures": _figures(folder / "figures"), "reports": stats, "lines": dict(lines),
            "results": slim(res),
        }

    def forget_missing(self) -> None:
        """Drop the entries of claims files that no longer exist."""
        kept = {k: v for k, v in self.entries.items() if (Path(k) if Path(k).is_absolute() else self.root / k).is_file()}
        self._changed = self._changed or len(kept) != len(self.entries)
        self.entries = kept

    def save(self) -> None:
        """Write the cache file atomically (temporary file and rename; no fsync: a lost cache only costs a
        re-check), unless nothing was recorded or dropped and the file on disk is the one loaded. Errors
        writing it are ignored for the same reason."""
        if not self._changed and self._loaded:
            return
        data = {"format": FORMAT, "signature": self.signature, "entries": self.entries}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".check.", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    # dumps, not dump: json.dump encodes in Python, chunk by chunk; dumps uses the C encoder
                    f.write(json.dumps(data, separators=(",", ":"), sort_keys=True))
                os.replace(tmp, self.path)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except OSError:
            pass
