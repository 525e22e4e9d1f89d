"""The fact-checker's review workflow: which claims still need a decision, and recording decisions in the
claims YAML in place.

A decision is four fields of a claim record (:class:`numclaims.records.Claim`): ``status`` (one of
:data:`numclaims.records.STATUSES`), ``reviewer``, ``reviewed_on`` (ISO date) and ``notes``.

Editing uses ruamel.yaml's round-trip mode (not the PyYAML reader of :mod:`numclaims.yamlio`) because it
keeps comments, key order, quoting and flow/block style of everything it does not touch. Two ruamel habits
are corrected: ``null`` is written back as ``null`` (not as an empty value), and the blank line or comment
that followed the claim's last line stays after the claim (ruamel attaches it to the last key, so new keys
would land below it). As a safety net :func:`set_review` compares the old and new text line by line and
refuses to write when any line outside the claim's own block would change, and validates the edited file
against the claims schema before writing it atomically.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from .atomic import write_atomic
from .codes import tag
from .errors import Fault, InputErrors, describe, reading_problem
from .paths import claims_files, display_path, inside
from .claimsfile import ClaimsFile
from .loader import load_article, yaml_error_line
from .records import STATUSES
from .resultmodel import Results
from .verdicts import worst_by_claim
from .yamlio import LineMap, YamlInputError, load_yaml_text, read_text_strict

#: Order of the review queue: claims in inconsistent checks first, then tension, then unverifiable,
#: then the rest (consistent or in no check).
QUEUE_RANK = {"inconsistent": 0, "tension": 1, "unverifiable": 2, "findings": 3, "consistent": 4}
#: rank of a claim that takes part in no check (last: nothing points at it)
NO_CHECK_RANK = 5
REVIEW_KEYS = ("status", "reviewer", "reviewed_on", "notes")


class ReviewError(Exception):
    """A review decision that cannot be recorded; ``str()`` is one line ``file:line: claim id: what [code]``.

    Args:
        message: the line without its code; code: its error code (:mod:`numclaims.codes`).
    """

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code

    def __str__(self) -> str:
        return tag(self.message, self.code)


@dataclass(frozen=True)
class QueueItem:
    """One claim awaiting a decision: its ``article``, ``claim`` id, ``worst`` verdict (None: in no check),
    the ``checks`` (ids) it takes part in, ``text`` (the numeral as written) and ``quote``."""

    article: str
    claim: str
    worst: str | None
    checks: tuple[str, ...]
    text: str
    quote: str


def queue_label(item: QueueItem) -> str:
    """The label of a queue line: the claim's worst verdict in capitals; ``IN PROPOSALS`` for a claim whose
    only checks are proposals (they rate nothing until accepted: :mod:`numclaims.verdicts`), so it is not
    taken for a claim that nothing checks; ``NO CHECK`` for a claim in no check at all."""
    if item.worst is not None:
        return item.worst.upper()
    return "IN PROPOSALS" if item.checks else "NO CHECK"


def review_queue(all_results: list[Results]) -> list[QueueItem]:
    """Unreviewed claims of the results objects, worst findings first (:data:`QUEUE_RANK`: inconsistent,
    tension, unverifiable, consistent but with finding codes from an external check such as
    ``qualifier_dropped``, consistent, then claims in no check), then in article order and claims-file
    order."""
    items: list[tuple[tuple[int, int, int], QueueItem]] = []
    for a, res in enumerate(all_results):
        worst = worst_by_claim(res)
        for i, c in enumerate(res.claims):
            if c.status != "unreviewed":
                continue
            checks = tuple(ch.id for ch in res.checks if c.id in ch.claims)
            w = worst[c.id]
            coded = any(ch.findings for ch in res.checks if c.id in ch.claims)
            rank = NO_CHECK_RANK if w is None else QUEUE_RANK["findings" if (w == "consistent" and coded) else w]
            items.append(((rank, a, i),
                          QueueItem(res.article, c.id, w, checks, c.text or c.quote, c.quote)))
    return [it for _, it in sorted(items, key=lambda t: t[0])]


# ----------------------------------------------------------------------------------------- editing
def _yaml():
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 1 << 30  # never re-wrap long lines (a note of any length stays on its line)
    y.indent(mapping=2, sequence=4, offset=2)

    def _null(rep, _data):
        return rep.represent_scalar("tag:yaml.org,2002:null", "null")

    y.representer.add_representer(type(None), _null)
    return y


def _detect_indent(text: str) -> tuple[int, int, int]:
    """``(mapping, sequence, offset)`` indentation of ``claims:`` in ``text`` (default 2, 4, 2); the mapping
    indentation is that of the first nested block mapping of a claim (``measure:`` and its ``what:``)."""
    m = re.search(r"^claims:[ \t]*\n(?:[ \t]*(?:#.*)?\n)*( *)- ( *)\S", text, re.M)
    if not m:
        return 2, 4, 2
    offset = len(m.group(1))
    seq = offset + 2 + len(m.group(2))
    nest = re.search(r"^( +)[A-Za-z_]+:[ \t]*\n( +)[A-Za-z_]+:", text[m.start():], re.M)
    mapping = len(nest.group(2)) - len(nest.group(1)) if nest and len(nest.group(2)) > len(nest.group(1)) else 2
    return mapping, seq, offset


def _pop_trailing(node: Any) -> tuple[str, Any] | None:
    """Detach the whole-line comments / blank lines that follow the last line of ``node``.

    Returns ``("scalar", text)`` (text without the end of the last line) or ``("end", tokens)``, or None.
    """
    if isinstance(node, CommentedMap) and len(node):
        last = list(node.keys())[-1]
        tok = node.ca.items.get(last)
        if tok and len(tok) > 2 and tok[2] is not None:
            value = tok[2].value
            i = value.find("\n")
            if i < 0 or i == len(value) - 1:
                return None
            tok[2].value = value[: i + 1]  # an end-of-line comment stays on its line
            return ("scalar", value[i + 1:])
        return _pop_trailing(node[last])
    if isinstance(node, CommentedSeq) and len(node):
        end = getattr(node.ca, "end", None)
        if end:
            node.ca.end = []
            return ("end", end)
        tok = node.ca.items.get(len(node) - 1)
        if tok and tok[0] is not None:
            value = tok[0].value
            i = value.find("\n")
            if 0 <= i < len(value) - 1:
                tok[0].value = value[: i + 1]
                return ("scalar", value[i + 1:])
            return None
        return _pop_trailing(node[-1])
    return None


def _attach_trailing(node: Any, trailing: tuple[str, Any]) -> None:
    """Attach what :func:`_pop_trailing` detached after the (new) last key of the mapping ``node``."""
    kind, payload = trailing
    text = payload if kind == "scalar" else "".join(t.value for t in payload)
    last = list(node.keys())[-1]
    value = node[last]
    if isinstance(value, (CommentedMap, CommentedSeq)):
        if isinstance(value, CommentedSeq) and kind == "end":
            value.ca.end = payload
            return
        raise ReviewError("cannot keep the blank line after the claim", "review-refused")
    node.ca.items[last] = [None, None, CommentToken("\n" + text, CommentMark(0)), None]


def _block_range(lines: list[str], first: int) -> tuple[int, int]:
    """0-based ``[start, end)`` lines of the sequence item whose first key is on line ``first``."""
    m = re.match(r"^( *)- ", lines[first])
    dash = len(m.group(1)) if m else len(lines[first]) - len(lines[first].lstrip())
    end = first + 1
    while end < len(lines):
        s = lines[end]
        if s.strip() and not s.lstrip().startswith("#") and len(s) - len(s.lstrip()) <= dash:
            break
        end += 1
    return first, end


def section_items(data: Any, section: str) -> list | None:
    """The items of ``section`` (``claims`` or ``checks``) of a claims file read as ``data``: a list (empty
    when the section is absent or null), or None when the file cannot hold it (no mapping at the top, or the
    section something other than a list: ``claims: 5``), which only check's own error line explains."""
    if not isinstance(data, dict):
        return None
    items = data.get(section)
    return [] if items is None else items if isinstance(items, list) else None


def read_claims_yaml(path: Path, root: Path) -> Any:
    """The data of the claims file ``path`` as the line-numbered loader reads it (for finding a record's
    id before an edit).

    Raises:
        ReviewError: a file YAML cannot read, at its line with the claim and field there
            (:func:`numclaims.loader.yaml_error_line`).
        OSError: the file cannot be read.
    """
    text = ""
    try:
        text = read_text_strict(path)
        return load_yaml_text(text)
    except YamlInputError as e:
        raise ReviewError(yaml_error_line(display_path(path, root), text, e).untagged(), e.code) from None


def records_with_id(root: Path, ident: str, section: str, article: str | None = None
                    ) -> tuple[list[tuple[Path, int]], list[str], list[Path]]:
    """Where the claims files of ``root`` (only those of ``article``, when given) define ``ident`` in
    ``section`` (``claims`` or ``checks``): ``([(file, 1-based line), ...], [files searched, as displayed],
    [files that cannot hold the section: empty, a list, ``claims: 5``])``, for :func:`find_claim` and
    :func:`numclaims.decisions.decide` alike.

    Raises:
        ReviewError: a file YAML cannot read (:func:`read_claims_yaml`), or a file that cannot be read.
    """
    found: list[tuple[Path, int]] = []
    searched: list[str] = []
    unsearchable: list[Path] = []
    for p in claims_files(root):
        try:
            data = read_claims_yaml(p, root)
        except OSError as e:
            raise ReviewError(f"{display_path(p, root)}:0: cannot read file: {reading_problem(e)}", "file-unreadable") from None
        if isinstance(data, dict) and article is not None and data.get("article") != article:
            continue
        items = section_items(data, section)
        if items is None:  # unreadable as the section, whatever the article
            unsearchable.append(p)
            continue
        searched.append(display_path(p, root))
        found += [(p, c.line if isinstance(c, LineMap) else 0) for c in items
                  if isinstance(c, dict) and c.get("id") == ident]
    return found, searched, unsearchable


def find_claim(root: Path, claim_id: str, article: str | None = None) -> tuple[Path, int]:
    """The claims file and 1-based line that define ``claim_id`` (among ``claims/*.yaml`` of ``root``,
    or only the file of ``article``).

    Raises:
        ReviewError: no file defines it (the message lists the files searched), two files define it (the
            message names both), or a file cannot be read.
    """
    found, searched, unsearchable = records_with_id(Path(root), claim_id, "claims", article)
    if len(found) > 1:  # never the first alphabetically, silently: the ids must be made unique first
        (p0, l0), (p1, l1) = found[:2]
        if p0 == p1:
            raise ReviewError(f"{display_path(p0, root)}:{l1}: claim {claim_id}: id: duplicate claim id (first "
                              f"defined at line {l0}); rename one", "duplicate-id")
        raise ReviewError(f"{display_path(p0, root)}:{l0}: claim {claim_id}: id: also defined at "
                          f"{display_path(p1, root)}:{l1}; claim ids must be unique across all claims files "
                          "(rename one, or pass --article)", "duplicate-id-across-files")
    if found:
        return found[0]
    for p in unsearchable:  # the claim may be in a file no run can read: that file's problem, as check says it
        refuse_invalid(p, root, display_path(p, root))
    where = ", ".join(searched) if searched else f"no claims file{' of article ' + repr(article) if article else ''}"
    first = searched[0] if len(searched) == 1 else "claims/"
    raise ReviewError(f"{first}:0: claim {claim_id}: id: no such claim (searched {where})", "unknown-claim")


def edit_review(text: str, claim_id: str, status: str, reviewer: str | None, note: str | None,
                date: dt.date | None, display: str = "<claims>") -> str:
    """The claims-file ``text`` with the decision recorded on claim ``claim_id``.

    Sets ``status``, ``reviewer``, ``reviewed_on`` and ``notes`` (existing keys keep their place; missing
    ones are added after ``status`` / at the end of the claim, in that order). Status ``unreviewed``
    removes ``reviewer``, ``reviewed_on`` and ``notes``. Nothing else of the text changes.

    Raises:
        ReviewError: unknown claim or status, missing reviewer or note for a decision, an edit that
            would change lines outside the claim, or an edited file that fails validation.
    """
    # ruamel writes "\n" and always ends with one: edit the text with "\n" newlines and give it back the
    # file's own newlines and ending, so that a CRLF file or one without a final newline stays as it was
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n") if crlf else text
    y = _yaml()
    y.indent(*_detect_indent(text))
    try:
        doc = y.load(text)
    except (ValueError, YAMLError) as e:  # e.g. a timestamp the round-trip reader cannot build ("2026-13-40")
        raise ReviewError(f"{display}:{_mark_line(e)}: claim {claim_id}: refusing to write: the round-trip YAML "
                          f"reader cannot read this file ({describe(e)}); run numclaims check {display}",
                          "review-refused") from None
    claims = doc.get("claims") if isinstance(doc, CommentedMap) else None
    target = next((c for c in claims or [] if isinstance(c, CommentedMap) and c.get("id") == claim_id), None)
    if target is None:
        raise ReviewError(f"{display}:0: claim {claim_id}: id: no such claim in this file", "unknown-claim")
    line = target.lc.line + 1
    if status not in STATUSES:
        raise ReviewError(f"{display}:{line}: claim {claim_id}: status: unknown status {status!r}; expected one "
                          f"of {', '.join(STATUSES)}", "not-allowed")
    if status != "unreviewed":
        if not reviewer or not reviewer.strip():
            raise ReviewError(f"{display}:{line}: claim {claim_id}: reviewer: a decision needs --reviewer NAME", "review-decision")
        if not note or not note.strip():
            raise ReviewError(f"{display}:{line}: claim {claim_id}: notes: a decision needs --note TEXT", "review-decision")
        values: dict[str, Any] = {"status": status, "reviewer": _as_text(reviewer), "reviewed_on": date,
                                  "notes": _as_text(note)}
    else:
        values = {"status": status, "reviewer": None, "reviewed_on": None, "notes": None}
    trailing = _pop_trailing(target)
    prev = None
    for key in REVIEW_KEYS:
        v = values[key]
        if v is None and key != "status":
            if key in target:
                del target[key]
            continue
        if key in target:
            target[key] = v
        else:
            keys = list(target.keys())
            pos = keys.index(prev) + 1 if prev in target else len(keys)
            target.insert(pos, key, v)
        prev = key
    if trailing is not None:
        _attach_trailing(target, trailing)
    buf = io.StringIO()
    y.dump(doc, buf)
    new = buf.getvalue()
    if not text.endswith("\n") and new.endswith("\n"):
        new = new[:-1]
    _guard(text, new, line - 1, display, claim_id, values)
    _validate(new, display, claim_id, line)
    return new.replace("\n", "\r\n") if crlf else new


def _mark_line(e: Exception) -> int:
    """The 1-based line a ruamel error marks, or 0 (an error with no mark, such as a ValueError)."""
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    return mark.line + 1 if mark is not None else 0


def _as_text(value: str) -> Any:
    """``value`` as ruamel should write it so that the claims loader (PyYAML, YAML 1.1) reads it back as
    the same text: double-quoted when, written plain, it would read as something else ("no" and "on" as
    booleans, "4.10" as the number 4.1, "2013-10-04" as a date, "null" as nothing), else as is (ruamel
    quotes text that is not a plain scalar in its own style). Text holding a line or paragraph separator
    or NEL (U+2028, U+2029, U+0085), which YAML 1.1 reads as a line break, is double-quoted, where the
    writer escapes them (``\\L``, ``\\P``, ``\\N``) and the loader reads them back as they were."""
    if any(ch in value for ch in "\x85\u2028\u2029"):
        return DoubleQuotedScalarString(value)
    try:
        read = yaml.safe_load(value)
    except yaml.YAMLError:
        return value  # not plain YAML at all ("[x"): ruamel quotes it itself
    # text, or markup ruamel quotes itself ("a: b" reads as a mapping): its own choice of quotes stands
    return value if read == value or isinstance(read, (dict, list)) else DoubleQuotedScalarString(value)


def _guard(old: str, new: str, first: int, display: str, claim_id: str, values: dict[str, Any]) -> None:
    """Raise :class:`ReviewError` unless ``new`` differs from ``old`` only inside the claim's block and only
    in the review keys: the lines outside the block must be the same, and ``new`` read back must be ``old``
    read back with the claim's review keys set to ``values`` (``None``: removed). Comparing the data read
    back, not the lines, lets the writer re-emit a flow-style claim or a block-scalar note."""

    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    lo, hi = _block_range(a, first)
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op != "equal" and (i1 < lo or i2 > hi):
            raise ReviewError(f"{display}:{i1 + 1}: claim {claim_id}: refusing to write: the YAML writer would "
                              "also change lines outside this claim", "review-refused")
    try:
        before, after = load_yaml_text(old), load_yaml_text(new)
    except YamlInputError as e:
        raise ReviewError(f"{display}:{first + 1}: claim {claim_id}: refusing to write: the edited file would not "
                          f"read back ({e.message})", "review-refused") from None
    want = [dict(c) for c in before["claims"]]
    for c in want:
        if c.get("id") == claim_id:
            for k, v in values.items():
                c.pop(k, None)
                if v is not None:
                    c[k] = str(v) if isinstance(v, str) else v
    got = [dict(c) for c in after["claims"]]
    rest_same = {k: v for k, v in before.items() if k != "claims"} == {k: v for k, v in after.items() if k != "claims"}
    if got != want or not rest_same:
        raise ReviewError(f"{display}:{first + 1}: claim {claim_id}: refusing to write: the YAML writer would change "
                          "more than the review fields of this claim (is a YAML anchor of it merged into another?)", "review-refused")


def _validate(new: str, display: str, claim_id: str, line: int) -> None:
    try:
        ClaimsFile.model_validate(load_yaml_text(new))
    except (YamlInputError, ValidationError) as e:
        msg = str(e).splitlines()[0] if isinstance(e, YamlInputError) else "; ".join(
            f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors())
        raise ReviewError(f"{display}:{line}: claim {claim_id}: the edited file would be invalid: {msg}", "review-refused") from None


def refuse_invalid(path: Path, root: Path, display: str) -> None:
    """Raise :class:`ReviewError` when ``numclaims check`` rejects the claims file ``path`` (of project
    ``root``, named ``display`` in messages) as it stands: a decision written into it would be written into
    a file no run can read (an unknown claim named, a duplicate id, a date that is no date). The message is
    the file's first problem, with its file (the claims file, or its source when the problem is there), line,
    claim id and field, as check prints it, and its code.

    Raises:
        ReviewError: the first problem :func:`numclaims.loader.load_article` finds; nothing is written.
    """
    try:
        load_article(path, root, exact=True)
    except InputErrors as e:
        first = e.errors[0]
        where = "".join(f": {x}" for x in (f"claim {first.claim}" if first.claim else "", first.field) if x)
        # its own file: the claims file, or the source a problem is in ("datasets/sources/x.meta.yaml:4")
        raise ReviewError(f"{first.file or display}:{first.line}{where}: {first.message}; fix this first (numclaims "
                          f"check {display} lists every problem); nothing was written", first.code) from None


def set_review(root: Path, claim_id: str, status: str, reviewer: str | None, note: str | None,
               date: dt.date | None = None, article: str | None = None) -> Path:
    """Record a decision in the claims file that defines ``claim_id``, atomically; returns that file.

    ``date`` defaults to today's date (the record then carries it, so reports stay reproducible).

    A claims file that is a symbolic link to a file inside the project gets the decision in that file (the
    link stays); one that leads outside the project is refused.

    Raises:
        ReviewError: see :func:`find_claim`, :func:`refuse_invalid` (a file check rejects) and :func:`edit_review`.
        numclaims.errors.Fault: the file cannot be written (read-only, full disk); it is then unchanged.
    """

    path, _ = find_claim(root, claim_id, article)
    display = display_path(path, root)
    # a claims file that is a symbolic link: the decision goes into the file it points at (replacing the
    # link by a regular file would leave the real file without it), and only inside the project
    real = Path(os.path.realpath(path))
    if real != Path(os.path.abspath(path)) and not inside(real, root):
        raise ReviewError(f"{display}:0: claim {claim_id}: refusing to write: the claims file is a symbolic link "
                          f"to {real}, outside the project; edit that file there, or copy it into claims/", "review-refused")
    try:
        text = read_text_strict(real)
    except YamlInputError as e:  # an encoding problem (no YAML read yet: no record to name)
        raise ReviewError(f"{display}:{e.line}: {e.message}", e.code) from None
    except OSError as e:
        raise ReviewError(f"{display}:0: cannot read file: {e.strerror or describe(e)}", "file-unreadable") from None
    refuse_invalid(real, root, display)
    new = edit_review(text, claim_id, status, reviewer, note,
                      (date or dt.date.today()) if status != "unreviewed" else None, display)
    if new != text:
        try:
            write_atomic(real, new)
        except OSError as e:
            raise Fault(display, f"claim {claim_id}: decision not recorded, the file is unchanged", e) from None
    return path
