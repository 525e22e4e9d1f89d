"""Check kinds, one module each (or a few related kinds per module), dispatched by the ``kind`` of a
check record through the registry (:mod:`numclaims.checks.registry`).

Each module declares its kinds in a declaration block at its end (name, spec model, function, relation,
the fields that name claims); importing this package imports every module of it (found on disk, in the
order of their names, so a new kind is a new module and nothing else), so :data:`KINDS` is complete. The
claims-file schema (:mod:`numclaims.claimsfile`) and the table of kinds in the docs
(``docs/reference/check-kinds.md``) are assembled from it.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Callable

from .base import SEVERITY, VERDICTS, CheckResult, Context
from .registry import KINDS, CheckKind, register

# importing a module of kinds registers them; the order of the names is the order of the registry
for _module in pkgutil.iter_modules(__path__):
    if _module.name not in ("base", "registry"):
        importlib.import_module(f"{__name__}.{_module.name}")

#: ``{kind: function}``, read from :data:`KINDS` (kept for callers that only need the functions).
REGISTRY: dict[str, Callable[..., CheckResult]] = {k.name: k.function for k in KINDS.values()}


def run_check(spec, ctx: Context) -> CheckResult:
    """Run one check record (a member of :data:`numclaims.claimsfile.CheckSpec`) against the article context.

    Raises:
        KeyError: when the kind is not registered (records validate kinds, and a test asserts every
            record kind is registered, so this is a bug).
    """
    return KINDS[spec.kind].function(spec, ctx)


__all__ = ["KINDS", "CheckKind", "CheckResult", "Context", "REGISTRY", "SEVERITY", "VERDICTS", "register",
           "run_check"]
