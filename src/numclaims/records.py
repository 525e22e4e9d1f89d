"""Claim records and source metadata: the records of ``claims/<article-id>.yaml`` and source ``.meta.yaml``
(the whole claims file, whose checks are the spec models of the declared check kinds, is
:class:`numclaims.claimsfile.ClaimsFile`).

Validated with pydantic v2 (chosen because its errors carry the exact path of the offending field, which
:mod:`numclaims.loader` turns into ``file:line: claim id: field: message`` lines, and because it is fast
enough for 100,000 records). Every model forbids unknown fields so a typo ("qualifer") is an error, not a
silently ignored key.

A claims file looks like::

    article: insightcrime-2013-10-04-peru-trafficking-ring   # = the source id it is checked against
    source: insightcrime-2013-10-04-peru-trafficking-ring
    claims:
      - id: women-exploited-300
        quote: "sexually exploited 300 women"   # exact words of the source, found verbatim
        text: "300"                              # the numeral inside the quote (default: whole quote)
        value: 300
        unit: persons
        qualifier: exact
        measure: {what: women sexually exploited by the network, where: Madre de Dios}
        attribution:
          - {who: Colonel Mariano Cespedes, role: head of the police anti-trafficking unit}
          - {who: Associated Press, role: news agency}
    checks:
      - {id: ..., kind: agreement, a: ..., b: ...}
    waived:
      - {text: "4 OCT 2013", reason: publication date}
"""

from __future__ import annotations

import datetime as dt
import math
import re
from functools import lru_cache
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictStr,
    field_validator,
    model_validator,
)

from .codes import CodedError
from .rules import canonical_qualifier
from .vocabulary import ISO_4217_CODES, RATE_BASES, TIME_UNITS

#: Stable slug: lower-case letters, digits and single hyphens; no path separators, no dots.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Slug = Annotated[StrictStr, Field(pattern=SLUG_PATTERN, max_length=120)]

def is_claim_ref(text: str) -> bool:
    """Whether a period or anchor written as text names a claim (a slug with at least one letter, such as
    ``report-september``) rather than a date expression ("In September", "2011", "2013-09-30")."""
    return bool(re.fullmatch(SLUG_PATTERN, text)) and any(ch.isalpha() for ch in text)


#: Review decisions a fact-checker can record.
STATUSES = ("unreviewed", "verified", "disputed", "unverifiable")

#: Base units accepted in ``unit`` (currencies are the ISO 4217 codes in :data:`CURRENCIES`).
BASE_UNITS = frozenset(
    {
        "persons", "count", "percent", "percentage_points", "fraction", "ratio",
        "ounces", "troy_ounces", "kilograms", "tonnes", "hectares", "square_kilometres",
        "millimetres", "centimetres", "metres", "kilometres", "miles",
        "years", "months", "weeks", "days", "hours", "date",
    }
)
#: Base units -> pint unit expressions (the units library's names; :mod:`numclaims.units` converts with them).
PINT_NAMES = {
    "persons": "person", "count": "thing", "fraction": "dimensionless", "ratio": "dimensionless",
    "percent": "percent", "percentage_points": "percentage_point",
    "years": "year", "months": "month", "weeks": "week", "days": "day", "hours": "hour",
    "ounces": "avoirdupois_ounce", "troy_ounces": "troy_ounce", "kilograms": "kilogram", "tonnes": "tonne",
    "hectares": "hectare", "square_kilometres": "kilometer ** 2",
    "millimetres": "millimeter", "centimetres": "centimeter", "metres": "meter", "kilometres": "kilometer",
    "miles": "mile",  # pint's international mile, 1,609.344 m exactly
}
#: Words a writer may use for a base unit that pint does not read as that unit.
UNIT_WORDS = {"people": "persons", "person": "persons", "percentage": "percent", "pct": "percent",
              "pp": "percentage_points", "points": "percentage_points", "number": "count",
              "kilo": "kilograms", "kilos": "kilograms"}
#: ISO 4217 codes accepted as currency units: every current code (:data:`numclaims.vocabulary.ISO_4217_CODES`).
CURRENCIES = frozenset(ISO_4217_CODES)
DURATION_UNITS = frozenset(u + "s" for u in TIME_UNITS)
from .numbers import LIMIT as NON_NEGATIVE_LIMIT  # noqa: E402 (larger values are typing accidents, not news)
from .numbers import (
    number_problem,  # the one number reader: one range, one set of messages
)
from .numerals import parse


@lru_cache(maxsize=256)
def unit_suggestion(word: str) -> str | None:
    """The base unit a writer most likely meant by an unknown unit word, or None.

    A singular or other spelling of a base unit ("kilogram", "people", "percentage"), or a symbol or name
    that the units library pint reads as exactly one base unit ("kg", "t", "ha", "oz", "yr", "hrs"; the
    match must be the same unit, factor 1, so "kilos", which pint reads as kiloseconds, gets no
    suggestion).

    Args:
        word: the unit as written, e.g. ``"kg"``.

    Returns:
        A member of :data:`BASE_UNITS` (``"kilograms"``), or None when nothing matches.
    """
    low = word.lower()
    if low in UNIT_WORDS:
        return UNIT_WORDS[low]
    if low + "s" in BASE_UNITS:
        return low + "s"
    import pint  # the error path only (layers.LAZY)

    reg = pint_registry()
    try:
        given = reg.Quantity(1, word)
    except Exception:  # pint.UndefinedUnitError, pint's parser errors: not a unit pint knows
        return None
    for base, name in sorted(PINT_NAMES.items()):
        if name in ("person", "thing", "dimensionless", "percentage_point"):
            continue
        try:
            if abs(given.to(name).magnitude - 1) < 1e-12:
                return base
        except pint.DimensionalityError:
            continue
    return None


@lru_cache(maxsize=1)
def pint_registry():
    """The pint registry with numclaims' own dimensions (persons, things, one per currency), made once
    (:mod:`numclaims.units` converts with it; an unknown unit's suggestion reads it)."""
    import pint

    reg = pint.UnitRegistry()
    reg.define("person = [person]")
    reg.define("thing = [thing]")
    reg.define("percentage_point = [percentage_point]")
    for code in sorted(CURRENCIES):
        reg.define(f"{code} = [currency_{code}]")
    return reg


@lru_cache(maxsize=4096)
def split_unit(unit: str) -> tuple[str, str | None]:
    """Split ``"USD per month"`` into ``("USD", "month")``; ``"persons"`` into ``("persons", None)``.

    Raises:
        ValueError: when the base is neither a base unit nor an ISO 4217 code in :data:`CURRENCIES`, or
            the rate base is not one of :data:`RATE_BASES`.
    """
    m = re.fullmatch(r"\s*([A-Za-z_]+)(?:\s+per\s+([a-z]+))?\s*", unit)
    if not m:
        raise CodedError("unit-form", f"unit {unit!r} is not of the form '<unit>' or '<unit> per <day|week|month|year>'")
    base, per = m.group(1), m.group(2)
    if base not in BASE_UNITS and base not in CURRENCIES:
        if base.upper() in CURRENCIES:
            raise CodedError("unit-unknown", f"unknown unit {base!r}; currency codes are written in capitals: {base.upper()!r}")
        if base.isupper() and len(base) == 3:
            raise CodedError("currency-unknown", f"unknown currency {base!r}; expected a current ISO 4217 code such as USD, EUR, PEN or KES")
        hint = unit_suggestion(base)
        if hint:
            raise CodedError("unit-unknown", f"unknown unit {base!r}; write {hint!r} (the base units are spelt out in full)")
        raise CodedError("unit-unknown", f"unknown unit {base!r}; expected one of {sorted(BASE_UNITS)} or an ISO 4217 currency code")
    if per is not None and per not in RATE_BASES:
        raise CodedError("rate-base-unknown", f"unknown rate base {per!r}; expected one of {list(RATE_BASES)}")
    return base, per


def text_expected(v: Any) -> str:
    """The message for a non-text value where text is expected, naming the YAML 1.1 trap behind it."""
    if isinstance(v, bool):
        return (f"expected text, got boolean {v} (YAML 1.1 reads unquoted yes/no/on/off/true/false as "
                "booleans); put the text in quotes")
    if isinstance(v, (int, float)):
        return (f"expected text, got the number {v!r} (YAML reads an unquoted numeral as a number and drops "
                "trailing zeros, e.g. 4.10 becomes 4.1); put the text in quotes exactly as written")
    if isinstance(v, (dt.date, dt.datetime)):
        return (f"expected text, got the date {v.isoformat()} (YAML reads an unquoted YYYY-MM-DD as a date); "
                "put the text in quotes")
    if v is None:
        return "expected text, got nothing (null)"
    if isinstance(v, (list, dict)):
        return f"expected text, got a {'list' if isinstance(v, list) else 'mapping'}"
    return f"expected text, got {type(v).__name__} {v!r}"


def value_from_words(words: str) -> float | None:
    """The value :func:`numclaims.numerals.parse` reads from a numeral phrase, or None when it reads none
    (the phrase is not a quantity, or a date)."""

    try:
        q = parse(words)
    except ValueError:
        return None
    return float(q.value) if q.value is not None else None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, str_strip_whitespace=False)


class Attribution(_Strict):
    """One link of an attribution chain, from the original speaker to the outlet that relayed it.

    ``who`` is a person, body or outlet as the article names it ("one NGO" stays "one NGO"); ``role`` says
    what it is ("head of the anti-trafficking unit", "news agency", "NGO").
    """

    who: StrictStr = Field(min_length=1)
    role: StrictStr | None = None
    #: ``person`` or ``organization``: the schema.org type of ``who`` in ClaimReview (default organization)
    kind: Literal["person", "organization"] | None = None


class PeriodSpec(_Strict):
    """A period of time: explicit ISO dates, a relative expression, or a date/duration claim of the article.

    Exactly one of ``claim``, ``expression`` or ``start``/``end`` is given. ``anchor`` (a claim id or an
    expression) is the date a relative expression counts back from; default: the publication date.
    """

    claim: Slug | None = None
    expression: StrictStr | None = None
    anchor: StrictStr | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    @model_validator(mode="after")
    def _one_form(self) -> "PeriodSpec":
        forms = sum(x is not None for x in (self.claim, self.expression)) + (
            1 if (self.start is not None or self.end is not None) else 0
        )
        if forms != 1:
            raise CodedError("period-form", "give exactly one of 'claim', 'expression' or 'start'/'end'")
        if self.start and self.end and self.start > self.end:
            raise CodedError("period-reversed", f"start {self.start} is after end {self.end}")
        return self


class Measure(_Strict):
    """What a number counts: ``what`` (of whom), ``where``, and over what ``period``.

    ``period`` is a :class:`PeriodSpec`, or a string taken as its ``expression`` ("in 2011",
    "in the past two years"), or a claim id of the article's own date/duration claims.
    """

    what: StrictStr = Field(min_length=1)
    where: StrictStr | None = None
    period: PeriodSpec | None = None

    @field_validator("period", mode="before")
    @classmethod
    def _period_from_string(cls, v: Any) -> Any:
        if isinstance(v, str):
            return {"claim": v} if is_claim_ref(v) else {"expression": v}
        return v


class Claim(_Strict):
    """One numeric claim of an article, tied to its words in the source.

    Fields:
        id: stable slug, unique across all claims files (no ``/``, ``..`` or dots).
        quote: the article's exact words around the number; found verbatim in the source text.
        text: the numeral phrase inside ``quote`` as written ("over 4,500"); defaults to ``quote``.
        start: character offset of ``quote`` in the source, needed only when the quote occurs twice.
        value: the number as written, in ``unit`` (42 for "42 percent"); ``None`` only for ``date``.
        unit: ``persons``, ``count``, ``percent``, ``fraction``, ``years``/``months``/``weeks``/``days``,
            ``date``, or an ISO 4217 code, optionally ``per day|week|month|year`` ("USD per month").
        qualifier: exact, approximately, nearly, more_than, at_least, less_than, up_to or range (or an
            alias such as "as many as", see :mod:`numclaims.rules`).
        precision: rounding step overriding the one read from ``text`` (> 0).
        margin: relative margin of approximate qualifiers overriding the default 0.10.
        low, high: ends of a ``range``.
        interval: explicit ``[low, high]`` overriding every rule (``null`` = unbounded); needs ``rule``.
        rule: why the explicit interval was chosen (required with ``interval``).
        date: for ``unit: date``, the period the date expression stands for (resolved when omitted).
        ends: for a duration, the claim id of the date it ends at (default: the publication date).
        measure: what is counted (see :class:`Measure`); attribution: chain of :class:`Attribution`.
        evidence: ids of rows in the reference datasets that bear on this claim.
        status, reviewer, reviewed_on, notes: the review decision (see :data:`STATUSES`).
    """

    id: Slug
    quote: StrictStr = Field(min_length=1)
    text: StrictStr | None = None
    start: int | None = Field(default=None, ge=0)
    value: float | None
    unit: StrictStr
    qualifier: StrictStr = "exact"
    precision: float | None = Field(default=None, gt=0)
    margin: float | None = Field(default=None, ge=0, le=1)
    low: float | None = None
    high: float | None = None
    interval: tuple[float | None, float | None] | None = None
    rule: StrictStr | None = None
    date: PeriodSpec | None = None
    ends: Slug | None = None
    measure: Measure
    attribution: list[Attribution] = Field(min_length=1)
    evidence: list[StrictStr] = Field(default_factory=list)
    status: Literal["unreviewed", "verified", "disputed", "unverifiable"] = "unreviewed"
    reviewer: StrictStr | None = None
    reviewed_on: dt.date | None = None
    notes: StrictStr | None = None
    #: fields drafted by ``numclaims new`` that nobody has confirmed yet (see :mod:`numclaims.draft`)
    guessed: list[Literal["measure.what", "measure.where", "measure.period", "ends", "attribution"]] = Field(
        default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _value_from_words(cls, data: Any) -> Any:
        # a value the numeral gives is not retyped: without ``value``, it is read from ``text`` (or ``quote``)
        if isinstance(data, dict) and "value" not in data:
            if data.get("unit") == "date":
                return {**data, "value": None}
            words = data.get("text") if data.get("text") is not None else data.get("quote")
            v = value_from_words(words) if isinstance(words, str) else None
            if v is not None:
                return {**data, "value": v}
        return data

    @field_validator("start", mode="before")
    @classmethod
    def _offset(cls, v: Any) -> Any:
        if isinstance(v, bool):
            raise CodedError("not-a-whole-number", f"expected a whole number (a character offset), got boolean {v!r} (YAML 1.1 reads "
                             "unquoted yes/no/on/off as booleans)")
        return v

    @field_validator("interval", mode="before")
    @classmethod
    def _ends(cls, v: Any) -> Any:
        if isinstance(v, (list, tuple)):
            if len(v) != 2:
                raise CodedError("interval-form", f"expected two ends [low, high] (null for an unbounded end), got a list of "
                                 f"{len(v)} item{'s' if len(v) != 1 else ''}")
            for end, x in zip(("low", "high"), v):
                if x is not None:
                    try:
                        cls._number(x)
                    except CodedError as e:
                        hint = "; write null for an unbounded end" if isinstance(x, float) and not math.isfinite(x) else ""
                        raise CodedError(e.code, f"{end} end: {e}{hint}") from None
            return v
        if v is not None:
            cls._number(v)  # text, a mapping, a boolean: the number reader's message
        return v

    @field_validator("value", "low", "high", "precision", "margin", mode="before")
    @classmethod
    def _number(cls, v: Any) -> Any:
        if v is None:
            return v
        if isinstance(v, bool):
            raise CodedError("not-a-number", f"expected a number, got boolean {v!r} (YAML 1.1 reads unquoted yes/no/on/off as "
                             "booleans)")
        if isinstance(v, str):
            hint = ""
            if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", v.strip()):
                hint = (" (YAML 1.1 reads a number with thousands separators as text; write it without them, "
                        f"e.g. {v.strip().replace(',', '')})")
            elif re.fullmatch(r"\d+(\.\d+)?\s*(%|percent|per cent)", v.strip()):
                hint = (f" (write the number, {re.match(r'[0-9.]+', v.strip()).group(0)}, with unit: percent)")
            elif re.fullmatch(r"[+-]?\d+(\.\d*)?[eE][+-]?\d+", v.strip()):
                hint = (" (YAML 1.1 reads an exponent without a dot and sign as text; write "
                        f"{float(v):.1e} or the plain number)")
            raise CodedError("not-a-number", f"expected a number, got text {v!r}{hint}")
        if isinstance(v, (list, dict)):
            raise CodedError("not-a-number", f"expected a number, got a {'list' if isinstance(v, list) else 'mapping'}")
        if isinstance(v, (int, float)):

            problem = number_problem(v)
            if problem:
                raise CodedError(*problem)
        return v

    @field_validator("quote", "text", "unit", "qualifier", "rule", "notes", "reviewer", mode="before")
    @classmethod
    def _string(cls, v: Any) -> Any:
        if v is not None and not isinstance(v, str):
            raise CodedError("not-text", text_expected(v))
        return v

    @field_validator("unit")
    @classmethod
    def _unit(cls, v: str) -> str:
        if v != v.strip():
            raise CodedError("unit-spaces", f"{v!r} has spaces around it; write {v.strip()!r}")
        split_unit(v)
        return v

    @field_validator("qualifier")
    @classmethod
    def _qualifier(cls, v: str) -> str:
        return canonical_qualifier(v)

    @model_validator(mode="after")
    def _coherent(self) -> "Claim":
        base, per = split_unit(self.unit)
        if self.value is None and base != "date":
            raise CodedError("value-required", "value: a number is required (only unit 'date' may omit it)")
        if self.value is not None and base not in ("percentage_points",) and self.value < 0:
            raise CodedError("value-negative", f"value: {self.value:g} is negative; counts, amounts and shares cannot be")
        # a percent may exceed 100 ("a rise of 900%", "sales rose 150 percent"): a share of a whole cannot,
        # and the checks that read a percent as a share say so (share_of_total, complement, fraction_of)
        if base == "fraction" and self.value is not None and self.value > 1:
            raise CodedError("fraction-over-one", f"value: fraction {self.value:g} is over 1 (use unit percent for 0-100)")
        if self.qualifier == "range" and (self.low is None or self.high is None):
            raise CodedError("range-needs-bounds", "qualifier: 'range' needs 'low' and 'high'")
        if self.interval is not None and not self.rule:
            raise CodedError("interval-needs-rule", "interval: an explicit interval needs a 'rule' saying why")
        if self.interval is not None:
            lo, hi = self.interval
            if lo is not None and hi is not None and lo > hi:
                raise CodedError("range-reversed", f"interval: low {lo:g} is above high {hi:g}")
        if self.text is not None and self.text not in self.quote:
            raise CodedError("text-not-in-quote", f"text: {self.text!r} is not part of the quote {self.quote!r}")
        if self.reviewed_on is not None and self.status == "unreviewed":
            raise CodedError("status-inconsistent", "status: 'reviewed_on' is set but status is 'unreviewed'")
        if self.guessed and self.status != "unreviewed":
            raise CodedError("status-inconsistent", f"status: a decision on a claim whose fields {', '.join(self.guessed)} were guessed by "
                             "numclaims new; confirm them first (numclaims review confirm ID, or delete 'guessed:')")
        return self

    @property
    def base_unit(self) -> str:
        """The unit without its rate base ("USD per month" -> "USD")."""
        return split_unit(self.unit)[0]

    @property
    def per(self) -> str | None:
        """The rate base ("USD per month" -> "month"), or None."""
        return split_unit(self.unit)[1]


# ---------------------------------------------------------------------------------------------- checks
class _Check(_Strict):
    id: Slug
    note: StrictStr | None = None
    #: ``proposed``: drafted by ``numclaims new``/``suggest`` with the ``reason`` found in the text, until
    #: accepted (``numclaims review accept``, which removes the status) or dropped
    status: Literal["proposed"] | None = None
    reason: StrictStr | None = None


#: The public base class of a check kind's spec model (a plug-in module subclasses it): ``id``, ``kind``,
#: ``note``, ``status`` and the rest every check has.
CheckBase = _Check


class RateDurationCheck(_Check):
    """``rate x duration`` against a stated ``total`` ($60,000 a month over three years vs $2 million)."""

    kind: Literal["rate_duration"]
    rate: Slug
    duration: Slug
    total: Slug


class ShareOfTotalCheck(_Check):
    """A percentage ``share`` of a ``total``: implied part, and GRIM (can the share be whole people?).

    ``part`` optionally names a claim that states the part itself, to compare with the implied part.
    """

    kind: Literal["share_of_total"]
    share: Slug
    total: Slug
    part: Slug | None = None


class FractionOfCheck(_Check):
    """A ``fraction`` (three quarters) of a ``whole`` (over 4,500), optionally against ``compare``.

    ``relation`` says how the implied part must stand to ``compare``: ``le`` (implied <= compare, compare
    contains the part), ``eq`` (same measure), ``ge``.
    """

    kind: Literal["fraction_of"]
    fraction: Slug
    whole: Slug
    compare: Slug | None = None
    relation: Literal["le", "eq", "ge"] = "le"


class PartWholeCheck(_Check):
    """``part <= whole``, minding whether the two periods nest."""

    kind: Literal["part_whole"]
    part: Slug
    whole: Slug


class AgreementCheck(_Check):
    """Two estimates ``a`` and ``b`` of the same measure: do their intervals share a value?"""

    kind: Literal["agreement"]
    a: Slug
    b: Slug


class SumCheck(_Check):
    """``sum(parts) == total``."""

    kind: Literal["sum"]
    parts: list[Slug] = Field(min_length=2)
    total: Slug


class DifferenceCheck(_Check):
    """``minuend - subtrahend == result`` (a change between two figures)."""

    kind: Literal["difference"]
    minuend: Slug
    subtrahend: Slug
    result: Slug


class RatioCheck(_Check):
    """``numerator / denominator == ratio`` (the ratio as a fraction, or a percent claim)."""

    kind: Literal["ratio"]
    numerator: Slug
    denominator: Slug
    ratio: Slug


class ProductCheck(_Check):
    """``factors[0] x factors[1] x ... == product``."""

    kind: Literal["product"]
    factors: list[Slug] = Field(min_length=2)
    product: Slug


class ExternalCheck(_Check):
    """A claim against the reference rows it cites as ``evidence`` (see :mod:`numclaims.checks.external`)."""

    kind: Literal["external"]
    claim: Slug
    evidence: list[StrictStr] = Field(default_factory=list)


# ------------------------------------------------------------------------------ relations (checks.relations)
#: A factor or multiple: a claim id (a ``ratio`` claim such as "more than triple") or a plain number.
Factor = Union[Slug, Annotated[float, Field(gt=0, le=NON_NEGATIVE_LIMIT)]]


class ComparisonCheck(_Check):
    """``a`` stands to ``b`` as ``relation`` says ("the 2019 figures were even higher": 1,054 > 508).

    ``relation``: ``gt`` (a > b), ``ge``, ``lt``, ``le``, ``eq`` (a and b share a value). ``times`` (a claim id
    of a ``ratio`` claim, or a number) compares ``a`` with ``times x b``: "more than triple the 287" is
    ``times: 3, relation: gt``, or ``times: <the "more than triple" claim>, relation: eq`` (the claim's own
    qualifier carries the "more than").
    ``as_rate`` (``day``/``week``/``month``/``year``) compares flows over different periods as rates: each
    figure is divided by the length of its period (claims already written per day/week/month/year are
    converted to that base), so 1,054 in a year and 508 in half a year become 1,054 and 1,016 a year.
    """

    kind: Literal["comparison"]
    a: Slug
    b: Slug
    relation: Literal["gt", "ge", "lt", "le", "eq"] = "gt"
    times: Factor | None = None
    as_rate: Literal["day", "week", "month", "year"] | None = None


class ChangeCheck(_Check):
    """A change from ``earlier`` to ``later``, by ``change`` or by ``factor``.

    ``change`` names a claim: a ``percent`` or ``fraction`` claim is a relative change ("a 10 percent
    increase on", "fell by a third"), a claim in the unit of the figures an absolute one ("up 200").
    ``factor`` (a ``ratio`` claim or a number) is a multiple ("doubled": 2; "fell by half": 0.5).
    ``direction``: ``increase`` or ``decrease`` (for ``change``; values are written without sign). Without
    ``earlier`` the check gives the implied earlier figure only (``unverifiable``: nothing to compare).
    """

    kind: Literal["change"]
    earlier: Slug | None = None
    later: Slug
    change: Slug | None = None
    factor: Factor | None = None
    direction: Literal["increase", "decrease"] = "increase"

    @model_validator(mode="after")
    def _one_change(self) -> "ChangeCheck":
        if (self.change is None) == (self.factor is None):
            raise CodedError("check-form", "give exactly one of 'change' (a claim: percent, fraction or an amount) or "
                             "'factor' (a ratio claim or a number such as 2 for 'doubled')")
        return self


class ComplementCheck(_Check):
    """Shares of one whole: ``parts`` (percent or fraction claims) and the ``remainder`` they leave add to
    100 % ("Sixty percent ... the remainder forced labour": 60 + 40). Without ``remainder`` the parts must
    not exceed 100 %, or, with ``exhaustive: true``, must add to 100 %."""

    kind: Literal["complement"]
    parts: list[Slug] = Field(min_length=1)
    remainder: Slug | None = None
    exhaustive: bool = False


class ImpliedRatioCheck(_Check):
    """The ratio ``numerator / denominator`` of two claims, no ratio being stated, against reference rows
    (``evidence``) giving a plausible value ("$305 million of tax on about $1 billion of profit": 30.5 %,
    against a corporate tax rate). ``relation``: ``eq`` (the implied ratio and the row share a value), ``le``
    (the implied ratio is at most the row's), ``ge``. ``scale`` multiplies the quotient (default: 100 when
    the row is in percent, else 1)."""

    kind: Literal["implied_ratio"]
    numerator: Slug
    denominator: Slug
    evidence: list[StrictStr] = Field(min_length=1)
    relation: Literal["eq", "le", "ge"] = "eq"
    scale: Annotated[float, Field(gt=0)] | None = None


#: Fields of check records that are not claim (or derived figure) ids; every other field names claims.
NON_REF_FIELDS = frozenset({"id", "kind", "note", "relation", "evidence", "as_rate", "direction",
                            "exhaustive", "scale", "status", "reason"})


def check_refs(check: Any) -> list[tuple[str, str]]:
    """``(field, claim id)`` for every claim or derived-figure id a check record names (numbers given for
    ``times``/``factor`` are not ids)."""
    out: list[tuple[str, str]] = []
    for name in _ref_fields(type(check)):
        v = getattr(check, name)
        if v is None:
            continue
        for ref in (v if isinstance(v, list) else [v]):
            if isinstance(ref, str):
                out.append((name, ref))
    return out


#: ``{check record class: its fields that may name claims}``, in field order (see :func:`check_refs`)
_REF_FIELDS: dict[type, tuple[str, ...]] = {}


def _ref_fields(cls: type) -> tuple[str, ...]:
    names = _REF_FIELDS.get(cls)
    if names is None:
        names = _REF_FIELDS[cls] = tuple(n for n in cls.model_fields if n not in NON_REF_FIELDS)
    return names


#: Derivations of a derived figure (see :mod:`numclaims.derived`).
DERIVATIONS = ("sum", "difference", "product", "ratio", "change_implied", "complement", "rate_duration")


class Derived(_Strict):
    """A figure the article implies but does not state, computed from claims or other derived figures.

    Fields:
        id: slug, sharing the namespace of claim and check ids; usable wherever a claim id is.
        kind: one of :data:`DERIVATIONS`: ``sum`` (inputs added), ``difference`` (first minus second),
            ``product`` (percent inputs as hundredths), ``ratio`` (first over second; x 100 when ``unit``
            is percent), ``change_implied`` (the earlier figure implied by ``[later, change]``, ``direction``
            as in a ``change`` check), ``complement`` (100 % minus the percent inputs, 1 minus fractions),
            ``rate_duration`` (``[rate, duration]``: the total a rate gives over the duration).
        inputs: claim or derived ids, in the order the kind reads them.
        unit: the unit of the result (any claim unit).
        measure: what the figure counts (optional; its period defaults to the inputs' common period).
        direction: for ``change_implied``: ``increase`` (default) or ``decrease``.
        note: the fact-checker's note.
    """

    id: Slug
    kind: Literal["sum", "difference", "product", "ratio", "change_implied", "complement", "rate_duration"]
    inputs: list[Slug] = Field(min_length=1)
    unit: StrictStr
    measure: Measure | None = None
    direction: Literal["increase", "decrease"] = "increase"
    note: StrictStr | None = None

    @field_validator("unit")
    @classmethod
    def _unit(cls, v: str) -> str:
        split_unit(v)
        return v

    @model_validator(mode="after")
    def _arity(self) -> "Derived":
        two = {"difference", "ratio", "change_implied", "rate_duration"}
        if self.kind in two and len(self.inputs) != 2:
            raise CodedError("inputs-count", f"inputs: a {self.kind} takes exactly two inputs, got {len(self.inputs)}")
        if self.kind in ("sum", "product") and len(self.inputs) < 2:
            raise CodedError("inputs-count", f"inputs: a {self.kind} takes at least two inputs")
        return self


class Waiver(_Strict):
    """A numeric mention of the body that is deliberately not a claim, with the reason."""

    text: StrictStr = Field(min_length=1)
    reason: StrictStr = Field(min_length=1)
    start: int | None = Field(default=None, ge=0)


class DroppedCheck(_Strict):
    """A proposal the fact-checker dropped (``numclaims review drop``), kept so that ``numclaims suggest``
    never proposes it again: its ``kind``, the claims in its core roles (``claims``: role -> claim id or
    list of ids, as in the check record) and the ``id`` it was proposed under."""

    kind: StrictStr = Field(min_length=1)
    claims: dict[StrictStr, Slug | list[Slug]]
    id: Slug | None = None


class BodyMarkers(_Strict):
    """Explicit start and end markers of the article body in a source capture (override heuristics)."""

    start: StrictStr = Field(min_length=1)
    end: StrictStr = Field(min_length=1)


class SourceMeta(_Strict):
    """Metadata of a source capture, ``datasets/sources/<id>.meta.yaml`` beside ``<id>.txt``.

    ``published`` is a date, or a year (``2013``) or month (``"2013-10"``) when only that is known: it is
    then stored as the period's first day, with :attr:`published_until` its last, and relative periods
    are resolved against every day of it (:mod:`numclaims.engine`).
    """

    id: Slug
    title: StrictStr
    publisher: StrictStr
    author: StrictStr | None = None
    published: dt.date
    published_until: dt.date | None = None
    url: StrictStr | None = None
    url_note: StrictStr | None = None
    language: StrictStr = "en"
    licence: StrictStr
    attribution: StrictStr
    captured: StrictStr
    encoding: StrictStr = "utf-8"
    body: BodyMarkers | None = None

    @model_validator(mode="before")
    @classmethod
    def _partial_published(cls, data: Any) -> Any:
        """A year or a month as ``published``: its first day, and its last as ``published_until``."""
        if not isinstance(data, dict) or "published_until" in data:
            return data
        v = data.get("published")
        text = str(v).strip() if isinstance(v, (int, str)) and not isinstance(v, bool) else None
        m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", text or "")
        if not m:
            return data
        y, mo = int(m[1]), int(m[2]) if m[2] else None
        if mo is not None and not 1 <= mo <= 12:
            raise CodedError("not-a-date", f"published: month {mo} of {text!r} is not 01-12")
        first = dt.date(y, mo or 1, 1)
        last = dt.date(y, 12, 31) if mo is None else (
            dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1))
        return {**data, "published": first, "published_until": last}

    @property
    def published_text(self) -> str:
        """``published`` as written: ``2013-10-04``, or ``2013-10`` / ``2013`` for a month or year."""
        if self.published_until is None:
            return self.published.isoformat()
        if self.published_until.year == self.published.year and self.published_until.month == 12 \
                and self.published.month == 1 and self.published_until.day == 31 and self.published.day == 1:
            return str(self.published.year)
        return self.published.isoformat()[:7]
