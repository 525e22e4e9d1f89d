"""Decisions on what ``numclaims new`` drafted: accept or drop a proposed check, confirm guessed fields,
and add proposals to an existing claims file (``numclaims suggest --write``).

Edits go through the same ruamel.yaml round-trip writer as review decisions (:func:`numclaims.review._yaml`),
so comments, key order and quoting of everything else stay as they were; the edited text is validated
against the claims schema before it is written atomically.

* ``accept CHECK``: removes ``status: proposed`` (the ``reason`` stays as the record of why it was found);
* ``drop CHECK``: removes a proposed check record and remembers it in the file's ``dropped:`` list (its
  kind, the claims in its core roles and its id), so that ``numclaims suggest`` does not propose it again;
  a check that is not a proposal (declared by hand, or accepted) is refused unless ``force`` is given,
  and is then removed without being remembered (it was never a proposal);
* ``confirm CLAIM``: removes the claim's ``guessed`` list (the fact-checker has read and fixed the fields).

An id defined twice (in one claims file or two) is refused with both places named, as ``numclaims review
set`` refuses it; an id in no claims file is said so in one line without a file and line.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from .atomic import write_atomic
from .claimsfile import ClaimsFile
from .paths import CLAIMS_DIR, display_path
from .review import (ReviewError, _attach_trailing, _detect_indent, _pop_trailing, _yaml, records_with_id,
                     refuse_invalid)
from .suggest import key_fields
from .yamlio import YamlInputError, load_yaml_text, read_text_strict


def _load(text: str):
    y = _yaml()
    y.indent(*_detect_indent(text))
    return y, y.load(text)


def _dump(y, doc) -> str:
    buf = io.StringIO()
    y.dump(doc, buf)
    return buf.getvalue()


def _validate(new: str, display: str, what: str) -> None:
    try:
        ClaimsFile.model_validate(load_yaml_text(new))
    except (YamlInputError, ValidationError) as e:
        msg = str(e).splitlines()[0] if isinstance(e, YamlInputError) else "; ".join(
            f"{'.'.join(map(str, err['loc']))}: {err['msg']}" for err in e.errors())
        raise ReviewError(f"{display}: {what}: the edited file would be invalid: {msg}", "review-refused") from None


def dropped_entry(check: Any) -> dict[str, Any]:
    """The ``dropped:`` entry for a check mapping: ``{kind, claims: {role: id or [ids]}, id}`` with the
    fields of :func:`numclaims.suggest.key_fields` (those that make two checks one relation)."""
    kind = str(check.get("kind"))
    roles = key_fields(kind) or tuple(k for k in check if k not in ("id", "kind", "status", "reason", "note"))
    claims = {r: (list(check[r]) if isinstance(check[r], list) else check[r]) for r in roles if check.get(r) is not None}
    return {"kind": kind, "claims": claims, "id": check.get("id")}


def edit_check(text: str, check_id: str, action: str, display: str = "<claims>", force: bool = False) -> str:
    """``text`` with the proposed check ``check_id`` accepted (``action="accept"``) or dropped (``"drop"``:
    removed and remembered under ``dropped:``, :func:`dropped_entry`). With ``force``, ``drop`` also
    removes a check that is not a proposal (and does not remember it).

    Raises:
        ReviewError: no such check, a check that is not proposed (for ``accept``, and for ``drop``
            without ``force``), an unknown action.
    """
    y, doc = _load(text)
    checks = doc.get("checks") if hasattr(doc, "get") else None
    idx = next((i for i, c in enumerate(checks or []) if hasattr(c, "get") and c.get("id") == check_id), None)
    if idx is None:
        raise ReviewError(f"{display}: check {check_id}: id: no such check in this file", "unknown-claim")
    target = checks[idx]
    line = target.lc.line + 1
    if action == "accept":
        if target.get("status") != "proposed":
            raise ReviewError(f"{display}:{line}: check {check_id}: status: not a proposed check; nothing to accept", "review-decision")
        del target["status"]
    elif action == "drop":
        if target.get("status") != "proposed" and not force:
            raise ReviewError(f"{display}:{line}: check {check_id}: status: not a proposed check; it was declared "
                              f"or accepted: to delete it, pass --force or remove it from the file", "review-decision")
        entry = dropped_entry(target) if target.get("status") == "proposed" else None
        del checks[idx]
        if entry is not None:
            dropped = doc.get("dropped")
            if dropped is None or not isinstance(dropped, CommentedSeq):
                dropped = CommentedSeq()
                dropped.fa.set_block_style()
                doc["dropped"] = dropped
            m = CommentedMap(entry)
            m["claims"] = CommentedMap(entry["claims"])
            m["claims"].fa.set_flow_style()
            dropped.append(m)
    else:
        raise ReviewError(f"{display}:{line}: check {check_id}: unknown action {action!r}; expected accept or drop", "review-decision")
    new = _dump(y, doc)
    _validate(new, display, f"check {check_id}")
    return new


def confirm_claim(text: str, claim_id: str, display: str = "<claims>") -> str:
    """``text`` with the ``guessed`` list of claim ``claim_id`` removed.

    Raises:
        ReviewError: no such claim, or nothing guessed on it.
    """
    y, doc = _load(text)
    target = next((c for c in doc.get("claims") or [] if hasattr(c, "get") and c.get("id") == claim_id), None)
    if target is None:
        raise ReviewError(f"{display}: claim {claim_id}: id: no such claim in this file", "unknown-claim")
    if "guessed" not in target:
        raise ReviewError(f"{display}:{target.lc.line + 1}: claim {claim_id}: guessed: nothing guessed to confirm", "review-decision")
    del target["guessed"]
    new = _dump(y, doc)
    _validate(new, display, f"claim {claim_id}")
    return new


def add_checks(text: str, records: list[dict[str, Any]], display: str = "<claims>") -> str:
    """``text`` with the check mappings ``records`` appended to its ``checks`` list.

    Raises:
        ReviewError: the edited file would not validate.
    """

    y, doc = _load(text)
    checks = doc.get("checks")
    if checks is None or not isinstance(checks, CommentedSeq):
        checks = CommentedSeq()
        doc["checks"] = checks
    if not checks:
        checks.fa.set_block_style()  # "checks: []" becomes a block list
        trailing = None
    else:
        # the blank line (or comments) after the last check go after the new ones; the last check keeps
        # a blank line of its own
        trailing = _pop_trailing(checks)
        _attach_trailing(checks[-1], ("scalar", "\n"))
    for r in records:
        checks.append(CommentedMap(r))
        if r is not records[-1]:
            _attach_trailing(checks[-1], ("scalar", "\n"))
    if trailing is not None:
        _attach_trailing(checks[-1], trailing)
    new = _dump(y, doc)
    _validate(new, display, "checks")
    return new


def _find(root: Path, ident: str, section: str) -> Path:
    """The claims file that defines ``ident`` in ``section`` (``claims`` or ``checks``); an id defined twice
    (in one file or two) is refused, as ``numclaims review set`` refuses it, never the first taken."""
    kind = "check" if section == "checks" else "claim"
    found, _, unsearchable = records_with_id(root, ident, section)
    if len(found) > 1:
        (p0, l0), (p1, l1) = found[:2]
        raise ReviewError(f"{display_path(p0, root)}:{l0}: {kind} {ident}: id: also defined at "
                          f"{display_path(p1, root)}:{l1}; {kind} ids must be unique (rename one)", "duplicate-id")
    if found:
        return found[0][0]
    for p in unsearchable:  # the id may be in a file no run can read: that file's problem, as check says it
        refuse_invalid(p, root, display_path(p, root))
    # no file to name, so no file:line: the id is in no claims file
    raise ReviewError(f"{kind} {ident}: id: in no claims file ({CLAIMS_DIR}/*.yaml); give the id of a {kind} "
                      f"as its claims file writes it", "unknown-claim")


def decide(root: Path, ident: str, action: str, force: bool = False) -> Path:
    """Apply ``accept``/``drop`` (a check id; ``force``: see :func:`edit_check`) or ``confirm`` (a claim id)
    in the claims file that defines ``ident`` under ``root``, atomically; returns that file.

    Raises:
        ReviewError: see :func:`numclaims.review.refuse_invalid` (a file check rejects), :func:`edit_check` and
            :func:`confirm_claim`.
    """

    path = _find(root, ident, "claims" if action == "confirm" else "checks")
    display = display_path(path, root)
    text = read_text_strict(path)
    refuse_invalid(path, root, display)
    new = confirm_claim(text, ident, display) if action == "confirm" else \
        edit_check(text, ident, action, display, force)
    if new != text:
        write_atomic(path, new)
    return path
