"""The registry of check kinds: each kind is declared once, in its own module, with :func:`register`.

A declaration names the kind (the ``kind`` of a check record), its spec model (the pydantic model of the
record, whose ``kind`` literal must be the same name), the function that runs it, the relation it tests in
words, and the record fields that name claims, in order. The claims-file schema accepts exactly the
declared spec models (:class:`numclaims.claimsfile.ClaimsFile`), the engine dispatches through
:data:`KINDS` (:func:`numclaims.checks.run_check`), and the docs' table of check kinds is generated from
it (``docs/reference/check-kinds.md``, ``python docs/generate.py``). This mirrors how pandera registers its
built-in checks and frictionless declares ``Check`` classes: the code that implements a kind is also what
describes it.

Adding a kind: one module under ``numclaims/checks/`` holding its spec model (a subclass of
``numclaims.records._Check`` with ``kind: Literal["<name>"]``), its function and, at its end, its
declaration block; :mod:`numclaims.checks` imports every module of the package. (The spec models of the
first fourteen kinds are still in :mod:`numclaims.records`, where their modules import them from.)
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel


@dataclass(frozen=True)
class Chart:
    """How the consistency chart (:func:`numclaims.figures.checks_chart`) draws a check of one kind.

    Attributes:
        title: the panel's heading after the verdict ("a part must not exceed its whole"); None: the kind's
            name in words.
        sides: ``sides(check, quote) -> ([(label, [low, high]), ...], unit)``: the intervals the check
            compared, read from its ``details`` (``check``: a :class:`numclaims.resultmodel.CheckEntry`), each labelled with
            ``quote(i)``, the words of the check's i-th claim; ``unit`` is the position of the claim whose
            unit they are in, or a unit. None: the generic sides (every interval of the details).
        min_claims: the fewest claims ``sides`` reads (a check with fewer gets the generic sides).
        relation: how the first two sides compare, ``"overlap"``, ``"at_most"`` (first <= second) or
            ``"at_least"``, or ``relation(check) -> one of them`` (from the check's fields, never its prose).
    """

    title: str | None = None
    sides: Callable[[Any, Callable[[int], str]], tuple[list[tuple[str, Any]], int | str]] | None = None
    min_claims: int = 0
    relation: str | Callable[[Any], str] = "overlap"


@dataclass(frozen=True)
class CheckKind:
    """One declared check kind.

    Attributes:
        name: the ``kind`` of a check record (snake_case).
        spec: the pydantic model of the record (its ``kind`` field is ``Literal[name]``).
        function: ``function(spec, ctx) -> CheckResult`` (:mod:`numclaims.checks.base`).
        relation: the relation the check tests, in words (shown in the docs).
        fields: the record's fields that name claims, in order (``("parts", "total")`` for ``sum``).
        module: the module that declares it (its ``__name__``).
        chart: how the consistency chart draws its checks (:class:`Chart`; the default draws every
            interval of the check's details under the kind's name).
        title: a short title in words, for the report's links from a claim to its checks ("share of a
            total"); None: the kind's name in words.
        unverifiable: the report's sentence for an ``unverifiable`` check of the kind
            (:func:`numclaims.explain.explain`): ``{0}``, ``{1}``... are its claims' quoted words, ``{over1}``
            "over <the second's words>", ``{reason}`` the reason in words; None: the kind's own template
            or the generic sentence.
    """

    name: str
    spec: type
    function: Callable[..., Any]
    relation: str
    fields: tuple[str, ...]
    module: str
    chart: Chart = Chart()
    title: str | None = None
    unverifiable: str | None = None

    @property
    def summary(self) -> str:
        """The first line of the spec model's docstring (what a record of this kind says)."""
        return (self.spec.__doc__ or "").strip().splitlines()[0] if self.spec.__doc__ else ""


#: ``{kind name: CheckKind}`` in declaration order (the order of the imports in ``checks/__init__.py``).
KINDS: dict[str, CheckKind] = {}


def register(name: str, *, spec: type, function: Callable[..., Any], relation: str,
             fields: tuple[str, ...], chart: Chart = Chart(), title: str | None = None,
             unverifiable: str | None = None) -> CheckKind:
    """Declare a check kind (see the module docstring) and return its :class:`CheckKind`; ``chart`` says
    how the consistency chart draws it (:class:`Chart`), ``title`` and ``unverifiable`` the report's link
    title and its sentence when it cannot decide (:class:`CheckKind`).

    Raises:
        ValueError: the name is already declared, ``spec`` is not a pydantic model with a ``kind`` field,
            its ``kind`` literal differs from ``name``, or a name in ``fields`` is not a field of ``spec``.
    """
    if name in KINDS:
        raise ValueError(f"check kind {name!r} is declared twice ({KINDS[name].module} and {function.__module__})")
    if not (isinstance(spec, type) and issubclass(spec, BaseModel) and "kind" in spec.model_fields):
        raise ValueError(f"check kind {name!r}: {getattr(spec, '__name__', spec)} is not a pydantic model with a "
                         "'kind' field")
    literal = typing.get_args(spec.model_fields["kind"].annotation)
    if literal != (name,):
        raise ValueError(f"check kind {name!r}: {spec.__name__}.kind accepts {literal}, not ({name!r},)")
    unknown = [f for f in fields if f not in spec.model_fields]
    if unknown:
        raise ValueError(f"check kind {name!r}: {spec.__name__} has no field(s) {', '.join(unknown)}")
    kind = CheckKind(name, spec, function, relation, tuple(fields), function.__module__, chart, title, unverifiable)
    KINDS[name] = kind
    return kind
