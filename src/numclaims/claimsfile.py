"""The schema of a whole claims file, :class:`ClaimsFile`, whose ``checks`` accept exactly the declared
check kinds: the discriminated union (on ``kind``) of the spec models of :data:`numclaims.checks.KINDS`, in
the registry's order.

Above the check kinds (each kind's module declares its spec model, so the schema can only be assembled
once they are registered) and below the file readers (:mod:`numclaims.loader`), so that a new kind is one
module under ``numclaims/checks/`` and nothing else: importing :mod:`numclaims.checks` imports every module
of the package, the registry is complete, and this module builds the union from it.
"""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import Field
from pydantic.fields import FieldInfo

from .checks import KINDS
from .records import Claim, Derived, DroppedCheck, Slug, Waiver, _Strict


def check_spec() -> Any:
    """The type of one check record: ``Annotated[Union[<spec models of KINDS>], Field(discriminator="kind")]``."""
    return Annotated[Union[tuple(k.spec for k in KINDS.values())], Field(discriminator="kind")]


#: One check record: a member of the union of the declared kinds' spec models (see :func:`check_spec`).
CheckSpec = check_spec()
#: The ``kind`` of every check record a claims file accepts, in the registry's order.
CHECK_KINDS = tuple(KINDS)


class ClaimsFile(_Strict):
    """The whole of ``claims/<article-id>.yaml``."""

    article: Slug
    source: Slug
    claims: list[Claim] = Field(min_length=1)
    checks: list[CheckSpec] = Field(default_factory=list)
    derived: list[Derived] = Field(default_factory=list)
    waived: list[Waiver] = Field(default_factory=list)
    dropped: list[DroppedCheck] = Field(default_factory=list)


def rebuild() -> None:
    """Assemble :class:`ClaimsFile` again from :data:`numclaims.checks.KINDS`, in place, after a kind was
    registered (or removed) at run time by a module imported after :mod:`numclaims.checks` (a plug-in; the
    kinds of the package itself are all registered before this module is imported)."""
    global CheckSpec, CHECK_KINDS
    CheckSpec, CHECK_KINDS = check_spec(), tuple(KINDS)
    ClaimsFile.model_fields["checks"] = FieldInfo.from_annotated_attribute(list[CheckSpec], Field(default_factory=list))
    ClaimsFile.model_rebuild(force=True)
