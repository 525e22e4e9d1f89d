"""Degenerate relations: check records that name the same claim twice are input errors.

A relation between a claim and itself proves nothing ("agreement" of a claim with itself always holds), and
one that names a claim twice counts it twice (a ``sum`` whose parts repeat one claim). Both are mistakes in
the claims file, reported by :mod:`numclaims.loader` as ``file:line: <check id> (check): checks[j].<field>:
...`` lines (exit status 2), never checked.
"""

from __future__ import annotations

from typing import Any

from .records import check_refs


def relation_problems(check: Any, refs: list[tuple[str, str]] | None = None) -> list[tuple[str, str]]:
    """``(field, message)`` for each claim that ``check`` names a second time (in any of its claim
    fields, as :func:`numclaims.records.check_refs` finds them: ``a``/``b``, ``parts``/``total``,
    ``share``/``total``/``part`` ...), in field order.

    Args:
        check: a validated check record (:mod:`numclaims.records`).
        refs: :func:`numclaims.records.check_refs` of ``check`` when the caller has it already.

    Returns:
        One pair per repeated claim, naming the field where it repeats (``parts`` for a repeated part,
        with its index: ``parts[2]``); empty for a well-formed relation.
    """
    seen: dict[str, str] = {}
    out: list[tuple[str, str]] = []
    index: dict[str, int] = {}
    for name, ref in (check_refs(check) if refs is None else refs):
        fld = name
        if isinstance(getattr(check, name), list):
            fld = f"{name}[{index.get(name, 0)}]"
            index[name] = index.get(name, 0) + 1
        if ref in seen:
            out.append((fld, f"names claim {ref!r} again (already as {seen[ref]}); a relation between a "
                             "claim and itself proves nothing: name a different claim"))
        else:
            seen[ref] = fld
    return out
