"""Input errors reported one per line: ``file:line: claim <id>: <field>: <what was expected>``.

Modelled on frictionless-py's and pandera's error reports: every problem is collected (not only the
first), each names where it is and what to fix, and no traceback reaches the user.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class ErrorLine:
    """One input problem.

    Attributes:
        file: path as given on the command line (or relative to the project root).
        line: 1-based line in ``file``; 0 when the problem concerns the whole file.
        claim: claim (or check/waiver) id concerned, or ``""``.
        field: dotted field path ("value", "measure.period", "checks[2].total"), or ``""``.
        message: what is wrong and what was expected.
    """

    file: str
    line: int
    claim: str
    field: str
    message: str

    def __str__(self) -> str:
        parts = [f"{self.file}:{self.line}"]
        if self.claim:
            parts.append(f"claim {self.claim}")
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


class InputErrors(Exception):
    """Raised with every :class:`ErrorLine` found in one input; ``str()`` gives one line per error."""

    def __init__(self, errors: list[ErrorLine]):
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))
