"""Check kinds, one module each (or a few related kinds per module), dispatched by the ``kind`` of a
check record through the registry (:mod:`numclaims.checks.registry`).

Each module declares its kinds in a declaration block at its end (name, spec model, function, relation,
the fields that name claims); importing this package imports every such module, so :data:`KINDS` is
complete. The table of kinds with their relations is generated from it into the docs
(``docs/reference/check-kinds.md``).
"""

from __future__ import annotations

from typing import Callable

# importing a module of kinds registers them; the order of these imports is the order of the docs table
from . import arithmetic, comparison, external, relations, shares  # noqa: F401
from .base import SEVERITY, VERDICTS, CheckResult, Context
from .registry import KINDS, CheckKind, register

#: ``{kind: function}``, read from :data:`KINDS` (kept for callers that only need the functions).
REGISTRY: dict[str, Callable[..., CheckResult]] = {k.name: k.function for k in KINDS.values()}


def run_check(spec, ctx: Context) -> CheckResult:
    """Run one check record (a member of :data:`numclaims.records.CheckSpec`) against the article context.

    Raises:
        KeyError: when the kind is not registered (records validate kinds, and a test asserts every
            record kind is registered, so this is a bug).
    """
    return KINDS[spec.kind].function(spec, ctx)


__all__ = ["KINDS", "CheckKind", "CheckResult", "Context", "REGISTRY", "SEVERITY", "VERDICTS", "register",
           "run_check"]
