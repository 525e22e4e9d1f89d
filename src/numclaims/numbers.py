"""The one number reader: every number numclaims reads from an input (a claim's ``value``, ``low``,
``high``, ``precision``, ``margin``, the ends of an explicit ``interval``, the ``value``/``value_low``/
``value_high`` cells of the reference tables) passes :func:`number_problem`, so each has the same
documented range and the same error texts.

Range: a finite number (no ``.inf``, ``.nan``, no ``1e309``, which YAML and CSV readers turn into
infinity) of magnitude at most :data:`LIMIT` = 10^15 (larger values are not news figures but typing
accidents, and keep every product of two values within the 53-bit precision of a float's exponent range:
10^15 x 10^15 = 10^30, far from overflow at 1.8 x 10^308); not a boolean (YAML 1.1 reads ``yes``/``on``
as ``True``, which Python would take as 1). A ``margin`` is further a fraction from 0 to 1 and a
``precision`` above 0 (both checked by the record schema).
"""

from __future__ import annotations

import math
from typing import Any

#: Largest magnitude of any number read from an input.
LIMIT = 1e15


def number_problem(v: Any) -> tuple[str, str] | None:
    """What is wrong with ``v`` as a number read from an input, as ``(code, message)``, or None when it is a
    number in range.

    The message is that of the error line (without file, line, claim or field): ``"expected a number, got
    boolean True (...)"`` (``not-a-number``), ``"expected a finite number, got inf"`` (``not-finite``),
    ``"1e+300 is larger than 1e15; no news figure is that large"``, ``"-1e+300 is below -1e15; ..."``
    (``number-too-large``); the codes are those of :mod:`numclaims.codes`. Text and other types are the
    caller's to explain (they know the YAML trap)."""
    if isinstance(v, bool):
        return "not-a-number", (f"expected a number, got boolean {v!r} (YAML 1.1 reads unquoted yes/no/on/off/true/false "
                                "as booleans)")
    if isinstance(v, float) and not math.isfinite(v):
        return "not-finite", f"expected a finite number, got {v!r}"
    if isinstance(v, (int, float)):
        if v > LIMIT:
            return "number-too-large", f"{v!r} is larger than 1e15; no news figure is that large"
        if v < -LIMIT:
            return "number-too-large", f"{v!r} is below -1e15; no news figure is that large"
        return None
    return "not-a-number", f"expected a number, got {type(v).__name__}"
