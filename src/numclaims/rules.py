"""Qualifier and rounding rules: from what an article wrote to an interval of true values.

This is the one place where the reading of a written number is decided. Every rule below is applied by
:func:`interval_for` and can be overridden per claim in the claims YAML (``precision``, ``margin`` or an
explicit ``interval``).

=================  =====================================  ==========================================
qualifier          phrases (see :mod:`numclaims.numerals`)  interval for written value v, step p
=================  =====================================  ==========================================
``exact``          a bare numeral ("300", "$2 million")   rounding band ``[v - p/2, v + p/2]``;
                                                          ``[v, v]`` when p is the unit's own grain
                                                          (1 for counts of persons or things)
``approximately``  about, around, some, roughly, an       ``[v - d, v + d]`` with
                   estimated, approximately, "~"         ``d = max(p/2, margin * |v|)``,
                                                          margin 10 % by default
``nearly``         nearly, almost, just under, close to   ``[v - d, v)`` with ``d = margin * |v|`` (at
                                                          least 1 for a count)
``more_than``      more than, over, above, upwards of,    ``(v, +inf)``
                   in excess of, tops, exceeded, "+"
``at_least``       at least, no fewer than, a minimum of  ``[v, +inf)``
``less_than``      less than, under, fewer than, below    ``[0, v)`` for non-negative units
``up_to``          up to, as many as, at most, a maximum  ``[0, v]`` for non-negative units
                   of, no more than
``range``          between a and b, a-b, a to b           ``[a, b]``
=================  =====================================  ==========================================

Sources and choices:

* Rounding band: a number written with step ``p`` stands for any true value that rounds to it, i.e. lies
  within half a step (ISO 80000-1:2009, Annex B, rounding of numbers; Brown & Heathers 2016, "The GRIM
  test", Social Psychological and Personality Science 8(4), on reported means covering their rounding).
  Both ends are closed because the rounding direction at the half-way point is unknown ("up or down", the
  default of the R package scrutiny).
* Trailing zeros of a whole number are read as rounding: the step is the place value of the last non-zero
  digit ("2,000" -> 1,000; "4,500" -> 100; "60,000" -> 10,000; "$2 million" -> 1 million). This is the
  significant-figures reading recommended for numbers in the news (AP Stylebook, "numerals"; Reuters
  Handbook of Journalism, "numbers": round numbers are presented as approximations). The ambiguity (an
  exact count of 2,000 is possible) is resolved toward the wider, honest interval; a claim can set
  ``precision: 1`` in its record when the source shows the count is exact.
* Fractions written as words ("half", "a third", "three quarters", "one in five") name a round share, read
  like "about" (:func:`interval_for_word_fraction`): the value +- the 10 % margin, "half" -> [0.45, 0.55],
  "three quarters" -> [0.675, 0.825]. The grain of the word (nearest half, nearest quarter) is not used:
  it would read "half" as anything from a quarter to three quarters.
* "Approximately" margin: 10 % of the value, following the common newsroom reading of "about" as within
  roughly ten per cent (Reuters Handbook, "approximately"); never narrower than the rounding band.
* "Nearly"/"almost": below the figure and open at it (Merriam-Webster: "not quite"), by at most the same
  10 % margin, never less than one whole unit for a count ("nearly 7" persons -> 6). Readers take
  "nearly X" as a little below X (Ferson et al. 2015, "Natural language of uncertainty: numeric hedge
  words", International Journal of Approximate Reasoning 57, 19-39: "almost"/"nearly" are read below the
  figure, within a few per cent of it); the rounding step is not used, since for a one-figure number it
  would read "nearly 2 million" as anything from 1 million.
* "Over"/"more than" exclude the figure and "at least" includes it (AP Stylebook, "over, more than").
  "Up to"/"as many as" are upper bounds that include the figure; counts and amounts cannot be negative.
"""

from __future__ import annotations

from .codes import CodedError
from .intervals import Interval

#: Canonical qualifier names, in the order used in tables.
QUALIFIERS: tuple[str, ...] = (
    "exact",
    "approximately",
    "nearly",
    "more_than",
    "at_least",
    "less_than",
    "up_to",
    "range",
)

#: Spelling variants accepted in claim records, mapped to the canonical name.
QUALIFIER_ALIASES: dict[str, str] = {
    "exact": "exact",
    "approximately": "approximately",
    "about": "approximately",
    "around": "approximately",
    "approx": "approximately",
    "some": "approximately",
    "roughly": "approximately",
    "an estimated": "approximately",
    "estimated": "approximately",
    "nearly": "nearly",
    "almost": "nearly",
    "just under": "nearly",
    "more than": "more_than",
    "more_than": "more_than",
    "over": "more_than",
    "above": "more_than",
    "upwards of": "more_than",
    "at least": "at_least",
    "at_least": "at_least",
    "less than": "less_than",
    "less_than": "less_than",
    "under": "less_than",
    "fewer than": "less_than",
    "up to": "up_to",
    "up_to": "up_to",
    "as many as": "up_to",
    "at most": "up_to",
    "range": "range",
}

#: Default margin of the approximate qualifiers, as a fraction of the value.
DEFAULT_MARGIN = 0.10

#: Units whose true values are whole numbers; their own grain is 1.
DISCRETE_UNITS = frozenset({"persons", "count", "cases", "items", "events", "people"})


def canonical_qualifier(q: str) -> str:
    """Map a qualifier as written in a record ("as many as", "over", "up_to") to its canonical name.
    A text read once is remembered (the interval rules ask for a claim's qualifier several times).

    Raises:
        ValueError: when the qualifier is not one of :data:`QUALIFIER_ALIASES`; the message lists them.
    """
    if type(q) is str:
        got = _CANONICAL.get(q)
        if got is None:
            got = _canonical_qualifier(q)
            if len(_CANONICAL) < 1000:
                _CANONICAL[q] = got
        return got
    return _canonical_qualifier(q)


#: ``{qualifier as written: canonical name}`` of :func:`canonical_qualifier` (texts it refused are not kept)
_CANONICAL: dict[str, str] = {}


def _canonical_qualifier(q: str) -> str:
    """:func:`canonical_qualifier`, computed."""
    key = " ".join(str(q).strip().lower().replace("-", " ").split())
    if key in QUALIFIER_ALIASES:
        return QUALIFIER_ALIASES[key]
    key2 = key.replace(" ", "_")
    if key2 in QUALIFIERS:
        return key2
    raise CodedError(
        "qualifier-unknown", f"unknown qualifier {q!r}; expected one of: " + ", ".join(sorted(set(QUALIFIER_ALIASES)))
    )


def step_of_integer(value: float) -> float:
    """Rounding step implied by the trailing zeros of a whole number written in digits.

    ``2000 -> 1000``, ``4500 -> 100``, ``60000 -> 10000``, ``7 -> 1``, ``0 -> 1``. Non-integers
    return 1 (their step comes from their decimals, see :mod:`numclaims.numerals`).
    """
    if value != int(value) or value == 0:
        return 1.0
    n = abs(int(value))
    step = 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return float(step)


def interval_for(
    value: float,
    qualifier: str = "exact",
    precision: float | None = None,
    *,
    unit: str = "count",
    margin: float | None = None,
    low: float | None = None,
    high: float | None = None,
) -> Interval:
    """The interval of true values compatible with ``value`` written with ``qualifier`` and ``precision``.

    Args:
        value: the number as written, in its unit (42 for "42 percent", 2000000 for "$2 million").
        qualifier: a canonical name or alias (see :data:`QUALIFIER_ALIASES`).
        precision: the rounding step of the numeral as written; ``None`` reads it from trailing zeros
            (:func:`step_of_integer`). Must be > 0.
        unit: the unit; non-negative units (all but ``change`` and ``percentage_points``) bound
            ``up_to`` and ``less_than`` below by 0, and :data:`DISCRETE_UNITS` read step 1 as exact.
        margin: relative margin of the approximate qualifiers (default :data:`DEFAULT_MARGIN`).
        low, high: the two ends of a ``range``.

    Returns:
        The :class:`~numclaims.intervals.Interval` given by the rule table in this module's docstring.

    Raises:
        ValueError: unknown qualifier, non-positive precision or margin, or a ``range`` without both ends
            (or with ``low > high``).
    """
    q = canonical_qualifier(qualifier)
    p = step_of_integer(value) if precision is None else float(precision)
    if not p > 0:
        raise ValueError(f"precision must be > 0, got {precision!r}")
    m = DEFAULT_MARGIN if margin is None else float(margin)
    if not m >= 0:
        raise ValueError(f"margin must be >= 0, got {margin!r}")
    floor = 0.0 if unit not in ("change", "percentage_points") and value >= 0 else None
    v = float(value)
    if q == "exact":
        if unit in DISCRETE_UNITS and p <= 1:
            return Interval(v, v)
        half = p / 2
        lo = v - half
        return Interval(max(lo, floor) if floor is not None else lo, v + half)
    if q == "approximately":
        d = max(p / 2, m * abs(v))
        lo = v - d
        return Interval(max(lo, floor) if floor is not None else lo, v + d)
    if q == "nearly":
        d = max(m * abs(v), 1.0 if unit in DISCRETE_UNITS else 0.0)
        if d == 0:
            raise ValueError(f"'nearly {value}' leaves no value below it; use qualifier exact")
        lo = v - d
        return Interval(max(lo, floor) if floor is not None else lo, v, True, False)
    if q == "more_than":
        return Interval(v, None, False, False)
    if q == "at_least":
        return Interval(v, None, True, False)
    if q == "less_than":
        if floor is not None and v <= floor:
            raise ValueError(f"'less than {value}' leaves no non-negative value")
        return Interval(floor, v, True, False)
    if q == "up_to":
        return Interval(floor, v)
    # range
    if low is None or high is None:
        raise CodedError("range-needs-bounds", "a range needs both low and high")
    if low > high:
        raise CodedError("range-reversed", f"range low {low} is above high {high}")
    return Interval(float(low), float(high))


def interval_for_word_fraction(value: float, qualifier: str = "exact", margin: float | None = None,
                               grain: float | None = None) -> Interval:
    """The interval of a share written as a fraction phrase ("half", "three quarters", "one in five").

    ``exact`` -> ``[v - d, v + d]`` with ``d = min(grain / 2, m v)``: the narrower of the word's own grain
    (nearest half, nearest fifth) and the 10 % margin (m = ``margin``, default :data:`DEFAULT_MARGIN`);
    ``approximately`` -> ``d = m v``; ``nearly`` -> ``[v - d, v)`` with ``d = min(grain, m v)``; the
    ends are kept within [0, 1]; other qualifiers as :func:`interval_for` ("more than half" -> (0.5, +inf)).
    "half" -> [0.45, 0.55], "three quarters" -> [0.675, 0.825], "nine out of ten" -> [0.85, 0.95].

    Raises:
        ValueError: unknown qualifier, a negative margin, or "nearly" of 0.
    """
    q = canonical_qualifier(qualifier)
    m = DEFAULT_MARGIN if margin is None else float(margin)
    if not m >= 0:
        raise ValueError(f"margin must be >= 0, got {margin!r}")
    v = float(value)
    g = INF_GRAIN if grain is None else float(grain)
    if q == "exact":
        d = min(g / 2, m * abs(v))
    elif q == "approximately":
        d = m * abs(v)
    elif q == "nearly":
        d = min(g, m * abs(v))
        if d <= 0:
            raise ValueError(f"'nearly {value}' leaves no value below it; use qualifier exact")
        return Interval(max(v - d, 0.0), v, True, False)
    else:
        return interval_for(v, q, 1.0, unit="fraction", margin=m)
    return Interval(max(v - d, 0.0), min(v + d, 1.0) if v <= 1 else v + d)


INF_GRAIN = float("inf")


def interval_for_vague_plural(low: float, high: float) -> Interval:
    """The interval of a vague plural such as "tens of thousands": ``[low, high)``.

    A plural of a round number names an order of magnitude (see :mod:`numclaims.numerals`): "tens of
    thousands" is ``[10,000, 100,000)``, "hundreds" ``[100, 1,000)``, "dozens" ``[12, 100)``. The lower
    end is one of the named unit and closed (the wider reading, as for trailing zeros above); the upper
    end is open because at ``high`` the writer would have used the next word ("hundreds of thousands").

    Raises:
        ValueError: unless ``0 <= low < high`` with both finite.
    """
    lo, hi = float(low), float(high)
    if not (0 <= lo < hi) or hi == float("inf"):
        raise ValueError(f"a vague plural needs 0 <= low < high, got {low!r}, {high!r}")
    return Interval(lo, hi, True, False)
