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
  error lines) and the slim results (:func:`numclaims.resultmodel.slim`: summary, coverage, placeholders);
* ``digest``: the SHA-256 of results.json as it was written;
* ``seal``: the SHA-256 of all of the above (:func:`seal`), so that an entry edited by hand or damaged
  (a summary changed, an entry copied to another file) is never used.

The whole cache is also tied to a **run signature** (:func:`run_signature`): the bytes of every file of the
installed numclaims package, the versions of Python and of the libraries whose behaviour reaches the
outputs, the reference data (``datasets/datapackage.json`` and the files it names under ``reference/``,
:func:`reference_files`) and the report configuration (``numclaims.toml``, ``pyproject.toml``), the
project files with their modification times. Any change there empties it, and so does a change while a
run goes on (the signature is taken again before the cache is saved).

An entry is used only when all of these match (files re-read and re-hashed, report files re-stated); any
doubt (a missing or unreadable file, a corrupt cache) means the article is checked again. Invalid files are
never cached, so their errors are printed on every run. The hashes come from what the worker read, not from
a later look at the files, so a file edited while a run is going on is re-checked next time.

For report files, like ``make``, it trusts size and modification time (a report edited or touched by hand
gets a new one, so the article is checked and the report rewritten); for inputs it trusts only content.

**What a hit trusts.** results.json is re-read and its SHA-256 compared with the entry's ``digest`` (and its
size and modification time with those recorded): a results.json with other bytes, even of the same size
and time (edited, then its time set back), is a miss. One whose bytes are those this cache recorded is
the file numclaims wrote for these inputs, so it is not validated again against the results model, and a
run that prints no table takes the slim results from the entry itself, which the seal ties to that
digest. The slim results are still validated against :class:`numclaims.resultmodel.SlimResults` when the
entry is read (a cheap check, and the typed object the run needs). A run that prints the table or
``--json`` reads the whole results.json, validated as before. The seal is a guard against accidents and
hand edits, not against someone who recomputes it: the cache is a local file of the project, as trusted
as the reports themselves.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import stat
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

import orjson

from .hashing import sha256_file as _sha256_file
from .paths import REPORT_FILES, file_key, read_input, report_dir
from .fastjson import canonical
from .resultmodel import Results, SlimResults, read_back, slim
from .verdicts import VERDICTS

#: Bump when the layout of an entry changes.
FORMAT = 2
CACHE_DIR = ".numclaims-cache"
CACHE_FILE = "check.json"
#: Libraries whose versions can change what a check writes (parsing, validation, rendering, reference data).
LIBRARIES = ("PyYAML", "yaml-rs", "orjson", "pydantic", "pydantic-core", "Jinja2", "MarkupSafe", "frictionless")


def reference_files(root: Path) -> list[Path]:
    """The files of ``root/datasets`` that the reference data is read from: ``datapackage.json`` and,
    for every resource with a path under ``reference/``, its data files and its ``schema`` and
    ``dialect`` when those are files (paths as the descriptor gives them, relative to ``datasets/``;
    symlinks are followed when the files are read), and any CSV directly under ``reference/`` the package
    does not name. Just ``datapackage.json`` when it is not valid JSON."""
    base = root / "datasets"
    pkg = base / "datapackage.json"
    out = [pkg]
    try:

        resources = json.loads(read_input(pkg).decode("utf-8")).get("resources") or []
    except (OSError, ValueError, AttributeError, RecursionError):
        return out
    for r in resources if isinstance(resources, list) else []:
        if not isinstance(r, dict):
            continue
        given = r.get("path")
        if isinstance(given, str):
            paths = [given]
        elif isinstance(given, list):  # a resource split over several files
            paths = [x for x in given if isinstance(x, str)]
        else:
            paths = []
        if not any(x.startswith("reference/") for x in paths):
            continue
        extra = [r[k] for k in ("schema", "dialect") if isinstance(r.get(k), str)]
        out.extend(base / x for x in paths + extra)
    # tables under reference/ that the package does not describe yet: loading them is an error that names
    # the command regenerating the package (numclaims.evidence.stale_package), so they count too
    out.extend(p for p in sorted((base / "reference").glob("*.csv")) if p not in out)
    return out


def run_signature(root: Path) -> str:
    """Hex SHA-256 over everything besides an article's own files that reaches its results and reports:
    :data:`FORMAT`, the numclaims package files (``*.py`` and templates, by relative name and bytes), the
    Python version and the versions of :data:`LIBRARIES`, the reference data (:func:`reference_files`)
    and ``numclaims.toml`` / ``pyproject.toml`` of ``root``. Project files count with their bytes and
    their modification time, so that a file changed during a run and changed back still differs
    (:meth:`CheckCache.save` compares the signature at the start and at the end of a run)."""
    h = hashlib.sha256(f"numclaims-cache {FORMAT}\n{sys.version}\n".encode())
    for lib in LIBRARIES:
        try:
            h.update(f"{lib} {metadata.version(lib)}\n".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{lib} -\n".encode())
    pkg = Path(__file__).resolve().parent
    code = sorted(p for p in pkg.rglob("*") if p.is_file() and p.suffix in (".py", ".j2", ".css", ".html"))
    for p in code:
        h.update(f"code {p.relative_to(pkg).as_posix()} {_sha256_file(p) or '-'}\n".encode())
    for p in [*reference_files(root), root / "numclaims.toml", root / "pyproject.toml"]:
        h.update(f"project {p} {_sha256_file(p) or '-'} {_stat(p)}\n".encode())
    return h.hexdigest()


def _stat(path: Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def figure_signature(folder: Path) -> list[list[Any]]:
    """``[[name, size, mtime_ns], ...]`` of the ``*.svg`` files of an article's ``figures/`` folder (those
    report.html embeds) and their ``*.csv`` data files (which it links), sorted by name; ``[]`` when there
    is no folder."""
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith((".svg", ".csv")))
    except OSError:
        return []
    return [[n, *(_stat(folder / n) or [-1, -1])] for n in names]


def seal(entry: dict[str, Any]) -> str:
    """Hex SHA-256 of the canonical JSON (keys sorted, compact: orjson ``OPT_SORT_KEYS``) of a cache entry
    without its ``seal``: the same for the entry as recorded (its slim results an ``orjson.Fragment`` of
    canonical bytes) and as read back from the cache file."""
    return hashlib.sha256(orjson.dumps({k: v for k, v in entry.items() if k != "seal"},
                                       option=orjson.OPT_SORT_KEYS)).hexdigest()


def read_stat(path: Path, expect: list[int]) -> bytes | None:
    """The bytes of the regular file ``path`` when its ``[size, mtime_ns]`` are ``expect``, else None: the
    stat and the content from one open (no separate ``stat``; nothing read when the stat differs).

    Raises:
        OSError: it cannot be opened or read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode) or [st.st_size, st.st_mtime_ns] != expect:
            return None
        chunks = []
        while True:
            b = os.read(fd, st.st_size + 1)
            if not b:
                break
            chunks.append(b)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _consistent(res: Results, inputs: dict[str, Any]) -> bool:
    """Whether results (validated, :func:`numclaims.resultmodel.read_back`) were written for ``inputs``
    (the provenance SHA-256 of the claims file, source text and metadata) and their summary counts their
    own declared checks."""
    prov = res.provenance
    if any(getattr(prov, k).sha256 != inputs.get(k) for k in ("claims_file", "source_text", "source_meta")):
        return False
    declared = [ch for ch in res.checks if ch.status != "proposed"]  # as numclaims.engine.summarise
    counts = {v: 0 for v in VERDICTS}
    for ch in declared:
        counts[ch.verdict] += 1
    summ = res.summary
    return summ.checks == len(declared) and all(getattr(summ.verdicts, v) == n for v, n in counts.items())


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
        self.signature = signature if signature is not None else run_signature(self.root)
        self.entries: dict[str, dict[str, Any]] = {}
        self._loaded = False  # the file on disk holds exactly self.entries
        try:

            data = orjson.loads(read_input(self.path))  # a FIFO or device counts as empty
            entries = data.get("entries")
            if (data.get("format") == FORMAT and data.get("signature") == self.signature
                    and isinstance(entries, dict)):
                self.entries = {k: v for k, v in entries.items() if isinstance(v, dict)}
                self._loaded = len(self.entries) == len(entries)
        except (OSError, ValueError, AttributeError, RecursionError):
            self.entries = {}
        self._changed = False

    def _key(self, path: str | Path) -> str:
        return file_key(path, self.root)

    def lookup(self, path: str | Path, full: bool = False,
               reports: str = "all") -> tuple[Results | SlimResults, dict[str, int]] | None:
        """``(results, {claim id: line})`` of the claims file ``path`` when its entry still holds, else None.
        Checks the entry's seal, re-reads and hashes the claims file and its source's two files, stats the
        figures and report files, and re-reads and hashes results.json (see the module docstring: what a
        hit trusts). The results are slim (:func:`numclaims.resultmodel.slim`, from the entry), or with
        ``full`` the article's results.json as written (read and validated). ``reports`` is the run's ``--reports``: ``"all"`` needs an entry of every
        report file, ``"json"`` one with results.json (an entry recorded by a ``--reports json`` run lists
        results.json only)."""
        if not self.entries:  # a first run: no key to make
            return None
        e = self.entries.get(self._key(path))
        if e is None:
            return None
        try:
            if seal(e) != e["seal"]:  # an entry edited or damaged: nothing of it is used
                return None
            inputs = e["inputs"]
            src = self.root / "datasets" / "sources"
            now = {"claims_file": _sha256_file(Path(path)),
                   "source_text": _sha256_file(src / f"{e['source']}.txt"),
                   "source_meta": _sha256_file(src / f"{e['source']}.meta.yaml")}
            if any(now[k] is None or now[k] != inputs.get(k) for k in now):
                return None
            folder = report_dir(self.root, e["article"])  # raises ValueError when it leads out of reports/
            if figure_signature(folder / "figures") != e["figures"]:
                return None
            need = REPORT_FILES if reports == "all" else ("results.json",)
            if not set(need) <= set(e["reports"]) <= set(REPORT_FILES):  # those needed, none unknown
                return None
            for name, st in e["reports"].items():
                if name != "results.json" and _stat(folder / name) != st:
                    return None
            # results.json: the bytes this cache recorded (stat and content from one open)
            raw = read_stat(folder / "results.json", e["reports"]["results.json"])
            if raw is None or hashlib.sha256(raw).hexdigest() != e["digest"]:
                return None
            lines = {k: int(v) for k, v in e["lines"].items()}
            if full:
                # the whole results, validated (a small run: the table, --json); orjson: the same data as
                # json.loads for any results.json numclaims writes; what it refuses (NaN, integers beyond
                # 64 bits: never written) costs a re-check
                res = read_back(orjson.loads(raw), e["article"], e["source"], True)
                if res is None or not _consistent(res, inputs):
                    return None
            else:
                small = e["results"]  # data read from the cache file, or recorded in this process:
                res = (SlimResults.model_validate_json(orjson.dumps(small)) if isinstance(small, orjson.Fragment)
                       else SlimResults.model_validate(small))
                if res.article != e["article"] or res.source.id != e["source"]:
                    return None
        except (OSError, KeyError, TypeError, ValueError, AttributeError, RecursionError):
            return None
        return res, lines

    def record(self, path: str | Path, res: Results | SlimResults, lines: dict[str, int], reports: list[Path],
               figures: list, written: tuple[bytes, str, dict[str, list[int]]] | None = None) -> None:
        """Remember a claims file checked in this run whose report files ``reports`` are now on disk.
        ``res`` must carry ``provenance`` (:func:`numclaims.engine.results_for`); it is stored slim.
        ``figures`` is the :func:`figure_signature` taken before the report read the figures (a figure
        replaced while the run went on then no longer matches, and the article is checked again).
        ``written``: what the worker that wrote the files knows of them, ``(slim results as
        :func:`numclaims.fastjson.canonical` bytes, hex SHA-256 of results.json, {file name: [size,
        mtime_ns]})`` (a rename keeps both); without it they are read and stated here."""
        prov = res.provenance
        hashes = {k: getattr(prov, k).sha256 if prov else None for k in ("claims_file", "source_text", "source_meta")}
        if not all(hashes.values()):
            return
        if written is not None and set(written[2]) == {p.name for p in reports}:
            small, digest, stats = written
        else:
            stats = {}
            for p in reports:
                st = _stat(p)
                if st is None:
                    return
                stats[p.name] = st
            try:
                digest = hashlib.sha256(read_input(next(p for p in reports if p.name == "results.json"))).hexdigest()
                small = canonical(slim(res))
            except (OSError, StopIteration, TypeError, orjson.JSONEncodeError):
                return
        self._changed = True
        entry = {
            "article": res.article, "source": res.source.id, "inputs": hashes,
            "figures": figures, "reports": stats, "lines": dict(lines),
            "results": orjson.Fragment(small),  # the slim results as canonical JSON (written as they are)
            "digest": digest,
        }
        entry["seal"] = seal(entry)
        self.entries[self._key(path)] = entry

    def forget_missing(self) -> None:
        """Drop the entries of claims files that no longer exist."""
        root = os.fspath(self.root)
        kept = {k: v for k, v in self.entries.items() if os.path.isfile(os.path.join(root, k))}  # k absolute: k itself
        self._changed = self._changed or len(kept) != len(self.entries)
        self.entries = kept

    def save(self) -> None:
        """Write the cache file atomically (temporary file and rename; no fsync: a lost cache only costs a
        re-check), unless nothing was recorded or dropped and the file on disk is the one loaded; written
        empty when :func:`run_signature` changed since the cache was opened. Errors writing it are ignored
        for the same reason."""
        if not self._changed and self._loaded:
            return
        if run_signature(self.root) != self.signature:
            # code, reference data or configuration changed while the run went on: some articles may have
            # been checked with the old, some with the new; trust none of it
            self.entries, self._changed = {}, True
        data = {"format": FORMAT, "signature": self.signature, "entries": self.entries}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".check.", suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    try:  # orjson: a 100,000-claim cache in a tenth of json.dumps's time
                        f.write(orjson.dumps(data, option=orjson.OPT_SORT_KEYS))
                    except (TypeError, orjson.JSONEncodeError):  # beyond what orjson writes: the standard library
                        f.write(json.dumps(data, separators=(",", ":"), sort_keys=True).encode("utf-8"))
                os.replace(tmp, self.path)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except OSError:
            pass
