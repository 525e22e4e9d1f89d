"""Propose the checks an article's words imply, each with the reason found in the text.

Used by ``numclaims new`` (on a fresh draft) and ``numclaims suggest CLAIMS_FILE`` (on an existing file).
Every proposal is a check record with ``status: proposed`` and a ``reason``; it runs like any other check
and is marked apart in results.json (``"status": "proposed"``) until the fact-checker accepts it
(``numclaims review accept ID``) or drops it (``numclaims review drop ID``). A kind is proposed only when
:data:`numclaims.claimsfile.CHECK_KINDS` has it, so a draft always validates.

=====================  ===================================================================================
kind                   cue in the text (all figures in one sentence unless said otherwise)
=====================  ===================================================================================
``share_of_total``     a percentage read as a share of a count ("42 percent of the 2,000 victims";
                       :func:`numclaims.extract` links it through ``of``, "of whom", or the nearest count),
                       or "Of the victims ..., 42 percent" with a count of victims named before; never
                       a percentage after change words ("up 10 percent on the 190 arrests") nor the
                       starting figure of one ("up from 24 percent in 2022"); "23,000 of the parcels,
                       or 45 percent": 23,000 is the ``part``, the total the count of parcels named
                       before it (none named: no proposal)
``ratio``              a part and its total both stated, the share set off after the part ("Of the 26,400
                       ..., 11,300 arrived late, or 52 percent"; "600 of the 2,400 ..., or 25 percent";
                       "1.2 million households, or 38 percent of the country's 2.6 million"), "The new
                       quota equals 40 percent of that estimate", "is 52 percent of everything", a rate
                       of an opening total, "61 percent, with 3.05 million of the 5 million", "... 18,000
                       season tickets. That is 72 percent of the stadium's 25,000 seats"
                       (:func:`_restated_quotient`, :func:`_share_of_that`)
``fraction_of``        the same for a fraction word ("three quarters are minors" after "over 4,500 women")
``rate_duration``      a rate, a duration and an amount in the currency of the rate ("earning $60,000 a
                       month ... a fortune of $2 million over three years")
``sum``                counts, amounts or quantities of one unit coordinated by "and" (or ", while the
                       remaining", or gapped: "accounted for 1,870 ..., faults for 1,460 and other
                       causes for 980") next to a total: a colon after it ("900 pallets: 450 ..."), "of N",
                       "out of N", "a total of N", the count a sentence opens with ("Of the 4,120 dead,
                       1,730 ... and 1,150 ..., while the remaining 1,240"; only a list that says it
                       holds every part, :func:`_list_is_whole`, or adds up to it), or a count of the
                       article equal to their sum (907 + 147 = 1,054); a part of a total and "the
                       remaining N" / "The other N" in that or the next sentence (:func:`_remaining_part`)
``part_whole``         "N ... among those ...", "including N", "N of them/whom", "N of the M", "Of the M
                       ..., N" (one count, not a run of parts); and a smaller
                       count anywhere in the article sharing the head noun of a larger one in a place
                       that may hold it, or its participle in a place within the larger one's ("200
                       women rescued" in Madre de Dios and "2,000 victims rescued" in Peru); not when the
                       larger is dated to a day or year of its own, nor in the same sentence
``agreement``          two counts of one place from different sources in one sentence, contrasted, with a
                       word of the measure in common or the second an estimate ("1,600 ... according
                       to one NGO, while another NGO has estimated that over 4,500"); or sharing their
                       head noun, participles and place anywhere in the article, with a key word of the
                       measure in common (a bare "count" is none), the same rate base, the same period
                       when both have one and values within a factor 10; a headline count and the body
                       count of its unit nearest in value (within a factor 1.5). ``persons`` and
                       ``count`` are one unit here as in the checks; "in line with the central bank's
                       estimate of about 5 percent", "matching the organisers' figure of 4,000"
                       (:func:`_in_line_with`); never a figure whose words make it
                       a rate, a price or an average ("4,300 a year", "25,000 shillings each", "averaged
                       more than"), which takes part in no agreement or part/whole proposal
``comparison``         "higher/lower/more/fewer ... than (the) N", "more than triple the N", "fallen
                       (risen, doubled) ... from A to B", "P percent ..., up from Q percent", rankings ("the highest", "the second highest", "In comparison"),
                       "three times as many as the visitors' 7" (no comparison beside a change of the
                       same two figures)
``change``             "up/down (by) N percent from/on" with the earlier figure and a later figure of
                       what the subject names; "up 8 percent on last year at 54,000, compared with
                       50,000"
``complement``         "the rest", "the remainder" after a percentage or fraction
``external``           a claim matching rows of the project's reference data package in unit, value,
                       place, period and measure words (:func:`reference_matches`)
=====================  ===================================================================================
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .claimsfile import CHECK_KINDS
from .draft import (
    _FUNCTION,
    _WORD,
    HEADER,
    _fold,
    _gazetteer,
    _keywords,
    age_bound,
    article_mentions,
    change_cue,
    draft,
    personal_duration,
    sentences,
)
from .evidence import load_reference
from .extract import Mention, list_blocks
from .numerals import parse
from .records import BASE_UNITS, CURRENCIES, DURATION_UNITS, split_unit
from .scaffold import render
from .vocabulary import (CONTRASTING_MODIFIERS, FALL_NOUNS, FALL_VERBS, GROUP_MEMBERS, HOUSEHOLD_NOUNS, MEASURE_UNIT_NOUNS,
                         RISE_NOUNS, RISE_VERBS, change_words_re, falls)


@dataclass
class Item:
    """One claim as the rules see it: ``id``, its :class:`~numclaims.extract.Mention` (``mention``), the
    sentence bounds ``sent`` and paragraph index ``para``, ``unit`` (the base unit), ``value``, ``what``,
    ``where``, ``who`` (first link of the attribution) and ``period`` (a claim id, an ISO interval
    ``2013-01-01/2013-06-30`` for a period written inline, or None)."""

    id: str
    mention: Mention
    sent: tuple[int, int]
    para: int
    unit: str
    per: str | None
    value: float | None
    what: str
    where: str | None
    who: str | None
    period: str | None = None
    keys: frozenset[str] = field(default_factory=frozenset)


@dataclass
class Proposal:
    """A proposed check: ``kind``, its reference ``fields`` ({field: id or [ids]}), the ``reason`` found in
    the text and the ``id`` it is written under."""

    id: str
    kind: str
    fields: dict[str, Any]
    reason: str

    def record(self) -> dict[str, Any]:
        """The check mapping written to the claims file."""
        return {"id": self.id, "kind": self.kind, **self.fields, "status": "proposed", "reason": self.reason}

    def key(self) -> tuple:
        """What makes two checks the same relation (see :func:`check_key`)."""
        return check_key(self.kind, self.fields)


#: Fields that name the claims a check relates; the rest (``compare``, ``part``, ``times`` ...) refine it.
CORE_FIELDS = {
    "share_of_total": ("share", "total"), "fraction_of": ("fraction", "whole"),
    "rate_duration": ("rate", "duration", "total"), "part_whole": ("part", "whole"), "agreement": ("a", "b"),
    "sum": ("parts", "total"), "difference": ("minuend", "subtrahend", "result"),
    "ratio": ("numerator", "denominator", "ratio"), "product": ("factors", "product"),
    "comparison": ("a", "b"), "change": ("earlier", "later"), "complement": ("parts",), "external": ("claim",),
    "implied_ratio": ("numerator", "denominator"),
}
_SYMMETRIC = {"agreement"}
#: Units of measure of a quantity (mass, area): the base units that are neither counts, shares, durations
#: nor dates (``tonnes``, ``hectares``, ``kilograms``, ...: :data:`numclaims.records.BASE_UNITS`).
MEASURE_UNITS = frozenset(BASE_UNITS - {"persons", "count", "percent", "percentage_points", "fraction", "ratio", "date"}
                          - DURATION_UNITS)


def key_fields(kind: str) -> tuple[str, ...] | None:
    """The fields :func:`check_key` reads for ``kind``: its :data:`CORE_FIELDS`, and for a ``comparison``
    also its ``relation`` (``a lt b`` is the relation ``b gt a``); ``None`` for a kind with no core fields.
    :func:`numclaims.decisions.dropped_entry` keeps these, so a dropped proposal keys as the fresh one."""
    roles = CORE_FIELDS.get(kind)
    return roles + ("relation",) if roles is not None and kind == "comparison" else roles


def check_key(kind: str, fields: dict[str, Any]) -> tuple:
    """``(kind, claims in their core roles)``: two checks with the same key test the same relation.
    Lists (``parts``) compare as sets; ``agreement`` is symmetric; a ``comparison`` is read in the direction
    of its relation (``a lt b`` is ``b gt a``; ``gt`` and ``ge`` are one direction, ``lt`` and ``le`` the
    other; ``eq`` is symmetric)."""
    roles = CORE_FIELDS.get(kind)
    if roles is None:
        return (kind, tuple(sorted((k, str(v)) for k, v in fields.items())))
    vals = []
    for r in roles:
        v = fields.get(r)
        vals.append(frozenset(v) if isinstance(v, list) else v)
    if kind == "comparison":
        rel = fields.get("relation", "gt")
        if rel == "eq":
            return (kind, frozenset(vals), "eq")
        return (kind, tuple(vals if rel in ("gt", "ge") else vals[::-1]), "gt")
    if kind in _SYMMETRIC:
        return (kind, frozenset(vals))
    return (kind, tuple(vals))


def _registered() -> frozenset[str]:
    return frozenset(CHECK_KINDS)


def _persons_like(u: str) -> bool:
    return u in ("persons", "count")


def _quantity_like(u: str) -> bool:
    """A count or a quantity in a unit of measure (``tonnes``, ``hectares``, ...: :data:`MEASURE_UNITS`): a
    figure that adds up, holds parts and changes whatever its unit (the relations that take it compare
    figures of one unit, :func:`_same_unit`)."""
    return _persons_like(u) or u in MEASURE_UNITS


def _same_unit(a: Item, b: Item) -> bool:
    """One unit for the checks (docs/semantics.md 7): ``persons`` and ``count`` are one dimension; a rate
    matches only a rate of the same time base."""
    return a.per == b.per and (a.unit == b.unit or (_persons_like(a.unit) and _persons_like(b.unit)))


#: Agreement "apart" (not in one sentence): two estimates of one measure more than this many times apart
#: are read as figures of different measures ("25,000 shillings each" against "45 million shillings").
AGREEMENT_SPREAD = 10.0


#: Words after a figure (and its noun) that make it a rate or a price the extractor read as an amount ("4,300
#: a year", "45 million shillings a month", "25,000 shillings each"), or in its sentence an average.
_PER_AFTER = re.compile(r"\s+(?:[A-Za-z’'-]+\s+)?(?:(?:a|an|per|each)\s+(?:year|month|week|day|person|head)\b|each\b|apiece\b)")
_AVERAGE = re.compile(r"\baverag(?:e|es|ed|ing)\b|\bon average\b", re.I)


def _no_amount(text: str, it: Item) -> bool:
    """Whether the figure is a rate, a price or an average by its words although drafted as an amount
    (:data:`_PER_AFTER`, :data:`_AVERAGE`): no total, part or estimate of a count."""
    return it.per is None and (bool(_PER_AFTER.match(text, it.mention.end)) or
                               bool(_AVERAGE.search(text, it.sent[0], it.sent[1])))


def _modifiers(it: Item) -> list[frozenset[str]]:
    """For each group of :data:`numclaims.vocabulary.CONTRASTING_MODIFIERS`, the modifiers of it that the
    figure's measure words carry ("new homes" -> {new}, {}, ...)."""
    words = set(re.findall(r"[a-z]+(?:-[a-z]+)*", it.what.lower()))
    return [g & words for g in CONTRASTING_MODIFIERS]


def _contrasted(a: Item, b: Item) -> bool:
    """Whether the measure words of ``a`` and ``b`` carry different modifiers of one contrasting group
    ("homes" and "new homes", "full-time candidates" and "part-time candidates"): different sets of the
    noun, neither an estimate nor a part of the other."""
    return any(x != y for x, y in zip(_modifiers(a), _modifiers(b)))


#: After a count: a bound of a size, not a count of its own ("classrooms with 60 or more pupils").
_THRESHOLD = re.compile(r"\s+or\s+(?:more|over|above)\b")


#: After a count and its noun, a relative clause that restricts it: "2,000 pupils who sat the exams".
_RESTRICTING = re.compile(r"(?:\s+[\w'’-]+){1,3}?\s+(?:who|that|which|whom)\s")


def _restricted(text: str, it: Item) -> bool:
    """Whether the count ``it`` is restricted by a relative clause after its noun ("Of the 2,000 pupils who
    sat the exams"): a subset of the noun, no estimate of a bare count of it ("10,000 pupils")."""
    return bool(_RESTRICTING.match(text, it.mention.end, it.sent[1]))


#: Before a count, a change noun that makes it a change, not a level: "Northmoor's rise of 5,800 patients",
#: "a drop of 150,000 units" (:data:`numclaims.vocabulary.RISE_NOUNS`, :data:`~numclaims.vocabulary.FALL_NOUNS`).
_CHANGE_OF = re.compile(r"\b(" + change_words_re(RISE_NOUNS, FALL_NOUNS) + r")s?\s+of\s+(?:about\s+|around\s+|some\s+"
                        r"|nearly\s+|almost\s+|more\s+than\s+|over\s+)?$", re.I)

#: A sentence that opens with a part of a total named before: "Of those, 7,900 had been waiting ...".
_PART_OPENING = re.compile(r"\s*(?:Of|Among)\s+(?:those|them|these|whom)\s*,?\s*", re.I)


def _other_measure(text: str, it: Item, items: list[Item]) -> bool:
    """Whether the count ``it`` is by its words another measure than a bare count of its noun, so no
    estimate of one (no ``agreement`` across the article): a change ("a rise of 5,800 patients":
    :data:`_CHANGE_OF`); a part of a total named before ("Of those, 7,900 ...": :data:`_PART_OPENING`);
    or a subset of the noun that a bound on a duration names ("Patients waiting more than 18 weeks numbered
    27,600": the count is dated by a duration drafted with a qualifier, ``more_than``/``at_least``/
    ``less_than``/``up_to``)."""
    if _CHANGE_OF.search(text, max(it.sent[0], it.mention.start - 40), it.mention.start):
        return True
    if _PART_OPENING.match(text, it.sent[0]) and not any(
            o.sent == it.sent and o.mention.start < it.mention.start and o.value is not None for o in items):
        return True
    dur = next((o for o in items if o.id == it.period), None)
    return dur is not None and dur.mention.kind == "duration" and dur.mention.qualifier in (
        "more_than", "at_least", "less_than", "up_to")


#: Between a count and a share set beside it by apposition: "Some 1,124 people, about a third of the total",
#: "one in 14, or 244 people", "517 children under 18, or 15 percent of everyone counted" (at most three words
#: of the count's noun, then a comma and an optional "or").
_APPOSED_SHARE = re.compile(r"(?:\s+[\w'’-]+){0,3}\s*,\s*(?:or\s+)?")


def _share_apposed(text: str, it: Item, items: list[Item]) -> bool:
    """Whether the count ``it`` is given with its share of a whole beside it, in apposition (a percentage or a
    fraction of its sentence right before or after it, :data:`_APPOSED_SHARE`): "Some 1,124 people, about a
    third of the total", "one in 14, or 244 people". Such a count is a part of that whole, a sub-population
    the sentence defines, so no estimate of another count of its noun (no ``agreement`` across the article:
    "The 2,047 people in shelters" and "one in 14, or 244 people [veterans]" are two parts of one count)."""
    for o in items:
        if o.sent != it.sent or o.unit not in ("percent", "fraction") or o is it:
            continue
        if o.mention.start >= it.mention.end and _APPOSED_SHARE.fullmatch(text, it.mention.end, o.mention.start):
            return True
        if o.mention.end <= it.mention.start and _APPOSED_SHARE.fullmatch(text, o.mention.end, it.mention.start):
            return True
    return False


#: Before a figure, a source's valuation of a thing it names: "estimates the cost of the damage at", "put the
#: damage at about", "valued the contract at" (the words between the verb and "at" name the thing).
_VALUED_AT = re.compile(r"\b(?:put|puts|estimated|estimates|estimate|valued|values|placed|places|pegged|pegs)\s+"
                        r"((?:[\w'’-]+\s+){1,6}?)at\s+(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|"
                        r"almost\s+|more\s+than\s+|over\s+|up\s+to\s+)?(?:[$€£]\s?)?\Z", re.I)


def _valued_as(text: str, it: Item) -> frozenset[str]:
    """The words (4 letters or more, "cost" and "damage" in "estimates the cost of the damage at 14 million")
    of the thing a source values the figure ``it`` as, when its sentence says so right before it
    (:data:`_VALUED_AT`); empty otherwise. Two figures of one unit valued as a thing of the same words by
    two sources are two estimates of it."""
    m = _VALUED_AT.search(text, max(it.sent[0], it.mention.start - 90), it.mention.start)
    if m is None:
        return frozenset()
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]{4,}", m.group(1))) - {"that", "this", "their", "number"}


def _one_measure(a: Item, b: Item, named: bool = False) -> bool:
    """Whether two figures may be estimates of one measure: the same unit and rate base
    (:func:`_same_unit`), a key word of the measure in common (a bare "count" names no measure; not asked
    when ``named``: the text names the thing both value, :func:`_valued_as`), no contrasting modifiers
    (:func:`_contrasted`), the same period when both have one, and values within :data:`AGREEMENT_SPREAD` of
    each other."""
    if not _same_unit(a, b) or not (named or (a.keys & b.keys) - MEASURE_UNIT_NOUNS) or a.value is None \
            or b.value is None or _contrasted(a, b):
        return False  # (a unit of measure in common, "tonnes", names no measure)
    if a.period and b.period and a.period != b.period:
        return False
    lo, hi = sorted((abs(a.value), abs(b.value)))
    return lo > 0 and hi / lo <= AGREEMENT_SPREAD


def _excerpt(text: str, *ms: Mention) -> str:
    a = min(m.start for m in ms)
    b = max(m.end for m in ms)
    s = " ".join(text[a:b].split())
    return s if len(s) <= 160 else s[:75] + " ... " + s[-75:]


def _short(s: str) -> str:
    return re.sub(r"-+", "-", s).strip("-")[:118].strip("-")


class _Props:
    def __init__(self, text: str, kinds: frozenset[str] | None) -> None:
        self.text = text
        self.out: list[Proposal] = []
        self.keys: set[tuple] = set()
        self.kinds = kinds if kinds is not None else _registered()

    def add(self, kind: str, name: str, fields: dict[str, Any], reason: str) -> None:
        if kind not in self.kinds:
            return
        p = Proposal(_short(name), kind, fields, reason)
        if p.key() in self.keys:
            return
        self.keys.add(p.key())
        self.out.append(p)


#: Words before a figure that make it the starting point of a change or comparison ("up from 24 percent in
#: 2022", "compared with 30 percent"): no share of a base named in the sentence.
_STARTING_FIGURE = re.compile(r"\b(?:from|compared\s+(?:with|to)|than)\s+(?:about\s+|around\s+|some\s+|nearly\s+)?\Z")
#: "Of the 4,120 dead, ...": the words before the total a sentence opens with.
_OPENING_TOTAL = re.compile(r"\s*(?:Of|Among)\s+(?:the|these|those|all)\s+")
#: "N of the parcels, or P percent": the count before is the part the share describes.
_APPOSITION = re.compile(r"\s+of\s+(?:the|these|those|its|their|all)\s+([A-Za-z][\w'’-]*)[^.;]{0,60}?,\s+or\s+"
                         r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?\Z")


#: The words between two coordinated parts: the first part's noun or place, up to six words ("18,540 landed
#: on El Hierro, 7,320 on ...", "2,760 were adults aged 15 to 64 and 450 ..."), then a comma or "and" (or
#: "while the remaining", "; the other").
_PART_GAP = re.compile(r"\s+[\w'’-]+(?:\s+[\w'’-]+){0,5}\s*(?:,|and|,\s*and|(?:,?\s*(?:while|and)|;)\s+the\s+"
                       r"(?:remaining|other))\s+")
#: Between two parts of a coordination whose verb is said once and each later part follows its own subject
#: ("Broadcasting brought in £41.5m, matchday income £23.9m and commercial deals £19.7m"): a comma or
#: "and", then one to three words, none a preposition, comparative or hedge ("£14.2m, up from £6.8m" is no
#: run of parts); or the rest set off last (", with the rest, £3.3m, coming from ...").
_SUBJECT_GAP = re.compile(r"\s*(?:,|,?\s+and)\s+(?:(?!(?:from|to|than|of|up|down|by|on|at|in|for|about|over|under|"
                          r"against|with|compared|versus|vs|or|nearly|almost|around|some|just|only|a|an|the|"
                          r"while|whereas|but|which|who|that|this|last|next|per|each|every)\b)[a-z][\w'’-]*\s+)"
                          r"{1,3}|,?\s+with\s+the\s+(?:rest|remainder)\s*,\s*")
#: The preposition before a part that a gapped coordination repeats before the next one ("Staff shortages
#: accounted for 1,870 cancellations, infrastructure faults for 1,460 and weather and other causes for 980").
_GAP_PREPOSITION = re.compile(r"\b(for|to|on|in|at|with|by)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?\Z")


def _gapped(text: str, x: Item, y: Item) -> bool:
    """Whether part ``y`` follows part ``x`` in a gapped coordination: the verb said once, each later part
    after its own subject and the preposition that stood before ``x`` ("accounted for 1,870 cancellations,
    infrastructure faults for 1,460 and weather and other causes for 980"): a comma or "and", at most five
    words, then that preposition, right before ``y``."""
    pm = _GAP_PREPOSITION.search(text, x.sent[0], x.mention.start)
    if pm is None:
        return False
    return re.fullmatch(r"(?:\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}?)?\s*(?:,|,?\s+and)\s+(?:[\w'’-]+,?\s+){1,5}?"
                        + pm.group(1) + r"\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?",
                        text[x.mention.end:y.mention.start]) is not None


#: Age bands that run from the youngest to the oldest: "under 12" in the first part, "60 or over" in the last.
_YOUNGEST = re.compile(r"\b(?:under|below|younger\s+than|aged\s+0\s+to)\s+\d")
_OLDEST = re.compile(r"[^,;.]{0,30}?\b(?:\d+\s+(?:years?\s+)?(?:or|and)\s+(?:over|older|above)\b|(?:over|older\s+than)\s+\d)")


def _list_is_whole(text: str, group: list[Item]) -> bool:
    """Whether a run of coordinated parts says it holds every part of its total: its last part is "the
    remaining", "the rest" or "other ..." (:data:`_EXHAUSTIVE`), or its parts are age bands from the
    youngest to the oldest ("800 were children under 12, 1,500 were adults aged 12 to 59 and 300 were aged
    60 or over": "under" before the second part, "or over" after the last)."""
    if _EXHAUSTIVE.search(text, group[-2].mention.end, group[-1].mention.end):
        return True
    return bool(_YOUNGEST.search(text, group[0].mention.end, group[1].mention.start)) and \
        bool(_OLDEST.match(text, group[-1].mention.end, group[-1].sent[1]))


#: The last part of a list said to hold every other one ("weather and other causes", "the remaining 1,240",
#: "the rest"): the parts exhaust their total.
_EXHAUSTIVE = re.compile(r"\b(?:other|others|remaining|remainder|rest)\b", re.I)
#: "Together they make up 30,200 patients": a sentence that gives the total of the parts before it.
_TOGETHER = re.compile(r"\s*(?:Together|Combined|In\s+all|In\s+total),?\s+(?:they|these|those|the\s+\w+)\s+"
                       r"(?:make\s+up|made\s+up|total(?:led|ed)?|add\s+up\s+to|added\s+up\s+to|account\s+for|"
                       r"accounted\s+for|come\s+to|came\s+to)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?\Z", re.I)
#: "4,210 cancellations: 1,870 ..., 1,460 ... and 980 ...": a total the colon opens a list of parts after.
_COLON_TOTAL = re.compile(r"\s+[\w'’ -]{0,40}?:\s+(?:about\s+|around\s+|some\s+)?")


#: "864 of them, or 31 percent": the count before is a part of the count "them" stands for.
_ANAPHORIC_PART = re.compile(r"\s+of\s+(?:them|these|those|whom)\s*,?\s+or\s+(?:about\s+|around\s+|some\s+|"
                             r"nearly\s+|almost\s+|roughly\s+)?\Z")
#: "Of these 2,500 (25%)": a part of the count "these" stands for, its share in brackets after it.
_ANAPHORIC_OPENING = re.compile(r"\b(?:Of|of|Among|among)\s+(?:them|these|those|whom)\s*,?\s*\Z")
_BRACKETED_SHARE = re.compile(r"\s*[(,]\s*(?:or\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?\Z")


#: "42 percent of arrivals", "31 percent of all patients": the noun a share is of, no number between.
_OF_NOUN = re.compile(r"\s+of\s+(?:all\s+)?(?:the\s+|its\s+|their\s+|these\s+|those\s+)?([a-z][\w'’-]*s)\b(?!\s*\d)")
#: "38 per cent of the total": a share of the total named before, with no noun of its own.
_OF_TOTAL = re.compile(r"\s+of\s+(?:the\s+)?(total|list|whole)\b(?!\s+(?:of\s+)?[\w£$€]*\d)")
#: Before a count, the words that make it the figure another is compared with or changed from ("on the
#: 58,400", "from 740,000", "than the 5,874").
_BASE_BEFORE = re.compile(r"\b(?:on|from|than|with|over)\s+(?:the\s+)?(?:about\s+|around\s+|some\s+|nearly\s+)?\Z")


def _is_base(text: str, o: Item) -> bool:
    """Whether figure ``o`` is one another is changed or compared from: "on", "from", "than", "with" or "over"
    (and "the", a hedge) in the 30 characters of its sentence before it ("a rise of 10 per cent on the 58,400")."""
    return _BASE_BEFORE.search(text, max(o.sent[0], o.mention.start - 30), o.mention.start) is not None


#: "11,200 people, or 42 percent": the count set off before the share.
_PART_BEFORE = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s*,\s+or\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|"
                          r"roughly\s+)?\Z")
#: The subject a sentence opens with ("Children made up", "El Hierro, the smallest island, ... took").
_SUBJECT = re.compile(r"\s*((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*)*)")


def share_of_named(P: "_Props", it: Item, items: list[Item], text: str) -> None:
    """Propose ``share_of_total`` for the percentage ``it`` of a noun named without a number ("42 percent of
    arrivals"). The total is the nearest earlier count (same or earlier paragraph, larger than the part) whose
    key words or following word name that noun ("Of the 4,820 patients"), else, the noun naming none, the
    article's headline figure ("Sea Arrivals More Than Double to 30,808") restated in the body. The part is
    the count set off before the share ("11,200 people, or 42 percent") or the earlier count followed,
    within a few words, by the sentence's opening subject ("1,510 were children" for "Children made up
    31 percent"; "18,540 landed on El Hierro" for "El Hierro ... took 60 percent"); none found, no
    proposal (a guessed total with no part would test the rounding of the share only)."""
    m = it.mention
    om = _OF_NOUN.match(text, m.end) or _OF_TOTAL.match(text, m.end)
    if om is None:
        return
    noun = _stem(om.group(1))
    earlier = [o for o in items if _persons_like(o.unit) and o.per is None and o.value is not None and
               o.mention.end <= m.start and o.mention.region == "body" and not age_bound(text, o.mention)]
    part = next((o for o in reversed(earlier) if o.sent == it.sent and
                 _PART_BEFORE.fullmatch(text, o.mention.end, m.start)), None)
    # "which entered 61 percent of candidates, some 52,000 pupils": the count set off after the noun
    part = part or next((o for o in items if o.sent == it.sent and _persons_like(o.unit) and o.per is None and
                         o.value is not None and _PART_AFTER.fullmatch(text, om.end(), o.mention.start)), None)
    # "42 percent of the learners who passed": a relative clause names the measure of the total
    rel = _RELATIVE.match(text, om.end())
    if part is None and rel is not None:
        part = _part_named_before(text, it, earlier, rel.group(1))
    if part is None:
        sub = _SUBJECT.match(text, it.sent[0], m.start)
        words = sub.group(1) if sub else ""
        if words and words.split()[0].lower() not in _FUNCTION_OPENERS:
            part = next((o for o in reversed(earlier) if o.para in (it.para, it.para - 1) and re.match(
                r"(?:\s+[\w'’-]+){0,3}?\s+" + re.escape(words.lower()) + r"\b", text[o.mention.end:o.sent[1]].lower())),
                None)
    if part is None and om.re is _OF_TOTAL and (po := _PART_OPENING.match(text, it.sent[0])) is not None:
        # "Of those, 7,900 had been waiting more than 52 weeks, 12.3 per cent of the list": the part the
        # sentence opens with
        part = next((o for o in earlier if o.sent == it.sent and o.mention.start == po.end()), None)
    if part is None:
        return
    floor = part.value
    # ("2,760 were adults aged 15 to 64", drafted `adults aged 15 to 64 among patients`, is a part of the
    # patients, not their total)
    named = [o for o in earlier if o.value > floor and o is not part and o.para <= it.para and
             not re.search(r"\bamong\b", o.what) and
             (noun in {_stem(k) for k in o.keys} or
              re.match(r"\s+(?:[a-z]+\s+)?" + re.escape(noun) + r"(?:e?s)?\b", text[o.mention.end:o.mention.end + 40]))]
    if rel is not None:
        named = [o for o in earlier if o.value > floor and o is not part and rel.group(1).lower() in o.keys] or named
    if om.re is _OF_TOTAL:
        # "Patients waiting more than 18 weeks numbered 27,600, or 38 per cent of the total": the total named
        # before, the nearest larger count of this paragraph or the one before that is no figure another is
        # compared with ("a rise of 10 per cent on the 58,400 recorded a year earlier" is the earlier figure)
        named = [o for o in earlier if o.value > floor and o is not part and o.para in (it.para, it.para - 1) and
                 not _is_base(text, o)]
    if named:
        total = named[-1]
    else:
        heads = {o.value for o in items if o.mention.region == "headline" and _persons_like(o.unit) and o.value}
        restated = [o for o in earlier if o.value in heads and o.value > floor]
        if not restated:
            return
        total = restated[-1]
    P.add("share_of_total", f"{it.id}-of-{total.id}", {"share": it.id, "total": total.id, "part": part.id},
          f"a share of {om.group(1)} (\u201c{_excerpt(text, m)}\u201d), its part \u201c{part.mention.text}\u201d "
          f"and their total \u201c{total.mention.text}\u201d")


#: "or 71 percent of turnover", "or 40 percent of its revenue": a share of a noun with no figure after it.
_OF_MASS_NOUN = re.compile(r"\s+of\s+(?:all\s+)?(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+)?([a-z][\w-]{3,})\b"
                           r"(?!\s*(?:of\s+)?[\d£$€])")


def amount_share_of_named(P: "_Props", it: Item, items: list[Item], text: str) -> None:
    """Propose a ``ratio`` for the percentage ``it`` set off after an amount of money and naming the whole
    by a noun alone ("Wages climbed to £66.0m, or 71 percent of turnover", after "Turnover rose 9 percent to
    £88.4m from £81.1m"): numerator the amount before ", or", denominator the latest earlier body amount of
    its currency, larger, that the noun names (a word of its measure or of its sentence up to it, first five
    letters: "Turnover rose ... to £88.4m", "turnover of £88.4m") and that is no figure changed or compared
    from ("from £81.1m"). No such amount named, no proposal. Counts are :func:`share_of_named`'s (a
    ``share_of_total``)."""
    m = it.mention
    om = _OF_MASS_NOUN.match(text, m.end)
    if om is None:
        return
    part = next((o for o in reversed(items) if o.sent == it.sent and o.mention.end <= m.start and
                 o.unit in CURRENCIES and o.per is None and o.value is not None and
                 _PART_BEFORE.fullmatch(text, o.mention.end, m.start)), None)
    if part is None:
        return
    noun = om.group(1).lower()[:5]

    def names(o: Item) -> bool:
        return noun in _stems5(o.what) or noun in _stems5(text[o.sent[0]:o.mention.start])

    named = [o for o in items if o.mention.region == "body" and o.mention.end <= part.sent[0] and
             o.unit == part.unit and o.per is None and o.value is not None and o.value > part.value and
             not _is_base(text, o) and names(o)]
    if not named:
        return
    total = named[-1]
    P.add("ratio", f"{part.id}-over-{total.id}", {"numerator": part.id, "denominator": total.id, "ratio": it.id},
          f"a share of {om.group(1)} (\u201c{_excerpt(text, part.mention, m)}\u201d) and the {om.group(1)} named "
          f"before: \u201c{total.mention.text}\u201d")


#: Between a part and its total: "46,820 ballots were cast ..., out of 124,500 registered voters".
_OUT_OF = re.compile(r"[^.;]{0,80}?\bout\s+of\s+(?:a\s+total\s+of\s+|the\s+|some\s+|about\s+)?\Z")


def share_out_of(P: "_Props", it: Item, items: list[Item], text: str) -> None:
    """Propose ``share_of_total`` for a percentage ``it`` of no noun ("a turnout of 37.6 percent", no "of
    NOUN" after it) in a sentence that sets a count against its total by "out of" ("A total of 46,820
    ballots were cast ..., out of 124,500 registered voters, ..., a turnout of 37.6 percent"): the part the
    count before "out of", the total the count after it, both before the share, the total the larger
    (46,820 / 124,500 = 37.6 %). Only one such pair in the sentence, else no proposal."""
    m = it.mention
    if _OF_MASS_NOUN.match(text, m.end) or re.match(r"\s+of\b", text[m.end:]) or \
            change_cue(text, m, it.sent[0]) is not None:
        return
    counts = [o for o in items if o.sent == it.sent and _persons_like(o.unit) and o.per is None and
              o.value is not None and o.mention.end <= m.start]
    pairs = [(a, b) for a in counts for b in counts if a.mention.end < b.mention.start and
             _OUT_OF.fullmatch(text, a.mention.end, b.mention.start) and b.value > a.value and
             not any(a.mention.end < o.mention.start < b.mention.start for o in counts)]
    if len(pairs) != 1:
        return
    part, total = pairs[0]
    P.add("share_of_total", f"{it.id}-of-{total.id}", {"share": it.id, "total": total.id, "part": part.id},
          f"a share of a count set against its total by \u201cout of\u201d: \u201c{_excerpt(text, part.mention, total.mention, m)}\u201d")


#: After a share, the whole named by what was done to it: "of all those cast", "of those surveyed".
_OF_THOSE = re.compile(r"\s+of\s+(?:all\s+)?(?:those|the\s+ones)\s+([a-z]+(?:ed|en|st|wn|ld|ne|t))\b")


def share_of_those(P: "_Props", it: Item, items: list[Item], text: str) -> None:
    """Propose a ``ratio`` for a share whose whole is named by a participle ("for a total of 21,900 early
    votes, so that early ballots made up nearly half of all those cast"): the whole the latest earlier body
    count of the article the participle stands next to in its clause ("A total of 46,820 ballots were
    cast", "has fired 206,000 bricks"; 40 characters with no comma between), no
    figure changed or compared from ("down 10.5 percent from the 52,300 ballots cast in 2022"), the part the
    latest count of the share's sentence before it that is no rate (21,900, not the 1,400 a day): 21,900 /
    46,820 = 46.8 %, "nearly half". A percentage ("4,210 services ..., 2.8 percent of those scheduled") is
    a ``share_of_total`` of its part and whole instead, as for "of NOUN" (:func:`share_of_named`). A share
    another rule relates already is left to it ("0.5 percent of those fired")."""
    m = it.mention
    om = _OF_THOSE.match(text, m.end)
    if om is None:
        return
    verb = om.group(1).lower()
    if any(it.id in p.fields.values() for p in P.out):
        return  # a share already related ("0.5 percent of those fired", the set "fired" names)
    before = [o for o in items if o.sent == it.sent and _persons_like(o.unit) and o.per is None and
              o.value is not None and o.mention.end <= m.start]
    if not before:
        return
    part = before[-1]
    wholes = [o for o in items if o.mention.region == "body" and o.mention.end <= it.sent[0] and _same_unit(o, part)
              and o.per is None and o.value is not None and o.value > part.value and not _is_base(text, o) and
              (re.match(r"[^,;:.]{0,40}?\b" + re.escape(verb) + r"\b", text[o.mention.end:o.sent[1]], re.I) or
               re.search(r"\b" + re.escape(verb) + r"\b[^,;:.]{0,40}\Z", text[o.sent[0]:o.mention.start], re.I))]
    if not wholes:
        return
    whole = wholes[-1]
    if it.unit == "percent":  # a percentage of counts is a share of their total, as share_of_named proposes
        P.add("share_of_total", f"{it.id}-of-{whole.id}", {"share": it.id, "total": whole.id, "part": part.id},
              f"a share of all those {verb} (\u201c{_excerpt(text, part.mention, m)}\u201d) and the count of "
              f"them named before: \u201c{whole.mention.text}\u201d")
        return
    P.add("ratio", f"{part.id}-over-{whole.id}", {"numerator": part.id, "denominator": whole.id, "ratio": it.id},
          f"a share of all those {verb} (\u201c{_excerpt(text, part.mention, m)}\u201d) and the count of them "
          f"named before: \u201c{whole.mention.text}\u201d")


#: A capacity a count is set beside: "the 31,000-capacity Quayside Stadium", "a capacity of 31,000".
_CAPACITY_AFTER = re.compile(r"[-\s]capacity\b", re.I)
_CAPACITY_BEFORE = re.compile(r"\bcapacity\s+of\s+(?:about\s+|some\s+)?\Z", re.I)
#: After a percentage, the words that make it a share of a capacity: "about 89 percent full".
_FULL_AFTER = re.compile(r"\s+(?:full|occupied|of\s+(?:its\s+|their\s+|the\s+)?capacity)\b", re.I)


def share_of_capacity(P: "_Props", it: Item, items: list[Item], text: str) -> None:
    """Propose a ``ratio`` for a percentage said to be how full a place was ("Average league attendance was
    27,450 at the 31,000-capacity Quayside Stadium, which was therefore about 89 percent full"): the
    numerator the latest other count of the sentence before the percentage, the denominator the count
    named as the capacity ("31,000-capacity", "a capacity of 31,000"): 27,450 / 31,000 = 88.5 %."""
    m = it.mention
    if not _FULL_AFTER.match(text, m.end):
        return
    counts = [o for o in items if o.sent == it.sent and _persons_like(o.unit) and o.per is None and
              o.value is not None and o.mention.end <= m.start]
    caps = [o for o in counts if _CAPACITY_AFTER.match(text, o.mention.end) or
            _CAPACITY_BEFORE.search(text, max(0, o.mention.start - 20), o.mention.start)]
    if len(caps) != 1:
        return
    cap = caps[0]
    nums = [o for o in counts if o is not cap and o.value <= cap.value]
    if not nums:
        return
    num = nums[-1]
    P.add("ratio", f"{num.id}-over-{cap.id}", {"numerator": num.id, "denominator": cap.id, "ratio": it.id},
          f"a share of a capacity (\u201c{_excerpt(text, m)}\u201d): \u201c{num.mention.text}\u201d of the "
          f"capacity \u201c{cap.mention.text}\u201d")


#: "or about $15 per registered voter": an amount for each one of a noun (no time base, which is a rate).
_PER_NOUN = re.compile(r"\s+(?:per|for\s+each|for\s+every|a|an)\s+((?:(?!(?:to|in|of|the|and|at|on|for|by|who|that|"
                       r"which|than|from|with)\b)[a-z][\w-]{2,}\b\s*){1,3})")


def amount_per_named(P: "_Props", it: Item, items: list[Item], text: str) -> None:
    """Propose a ``product`` for the amount ``it`` of a currency set off after another amount of its currency
    and given for each one of a noun ("The election cost the city $1.9 million to run, or about $15 per
    registered voter"): factors the amount for each and the latest earlier body count whose measure names
    that noun (each of its words, first five letters, in the count's measure or the four words after it:
    "124,500 registered voters", "9,400 ballots were cast" for "per ballot cast"), product the amount before ", or" ($15 x 124,500 = $1.87m, about $1.9m).
    A time base ("a week", "per month") is a rate, no noun (``rate_duration`` relates it); no such count
    named, no proposal."""
    m = it.mention
    if it.unit not in CURRENCIES or it.per is not None or it.value is None:
        return
    pm = _PER_NOUN.match(text, m.end)
    words = pm.group(1).split() if pm else []
    if not words or words[0].lower().rstrip("s") in ("day", "week", "month", "year", "hour", "quarter", "season"):
        return
    total = next((o for o in reversed(items) if o.sent == it.sent and o.mention.end <= m.start and
                  o.unit == it.unit and o.per is None and o.value is not None and o.value > it.value and
                  _PART_BEFORE.fullmatch(text, o.mention.end, m.start)), None)
    if total is None:
        return
    noun = " ".join(words)
    counts = [o for o in items if o.mention.region == "body" and o.mention.end <= total.sent[0] and
              _persons_like(o.unit) and o.per is None and o.value is not None and _stems5(noun) and
              _stems5(noun) <= _stems5(o.what) | _stems5(" ".join(text[o.mention.end:o.sent[1]].split()[:4]))]
    if not counts:
        return
    n = counts[-1]
    P.add("product", f"{it.id}-times-{n.id}", {"factors": [it.id, n.id], "product": total.id},
          f"an amount for each {noun} (\u201c{_excerpt(text, total.mention, m)}\u201d) and the "
          f"count of them named before: \u201c{n.mention.text}\u201d")


#: ", some 52,000 pupils" after a share's noun: the count set off after it is the part.
_PART_AFTER = re.compile(r"\s*,\s+(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|roughly\s+)?")
#: "of the learners who passed": a relative clause after a share's noun, its verb naming the measure.
_RELATIVE = re.compile(r"\s+(?:who|that|which)\s+([a-z]+ed)\b")


def _part_named_before(text: str, it: Item, earlier: list[Item], verb: str) -> Item | None:
    """For "A bachelor pass opens the door ..., and 42 percent of the learners who passed ... achieved one":
    the earlier count (this paragraph or the one before) whose next words share the most words with the
    share's sentence before it ("41,300 were bachelor passes": bachelor, pass), not a count of the
    relative clause's ``verb`` ("82,990 passed"); None when no count shares a word."""
    said = {_stem(w) for w in re.findall(r"[A-Za-z]{4,}", text[it.sent[0]:it.mention.start])} - {_stem(verb)}
    best, score = None, 0
    for o in earlier:
        if o.para not in (it.para, it.para - 1) or verb.lower() in o.keys:
            continue
        nxt = {_stem(w) for w in re.findall(r"[A-Za-z]{4,}", " ".join(text[o.mention.end:o.sent[1]].split()[:4]))}
        if len(nxt & said) > score:
            best, score = o, len(nxt & said)
    return best


_FUNCTION_OPENERS = frozenset("the a an this that these those it its their there in on at of by for but and "
                              "yet so as while with from".split())


def _list_relations(P: "_Props", items: list[Item], counts: list[Item], text: str) -> set[str]:
    """Relations of a list or table inside the story (:func:`numclaims.extract.list_blocks`), and the ids
    of the figures on its rows (returned: a row's figure is a part, no estimate of the total).

    Each run of rows whose first count is one of every row (two rows at least) is a list of parts: a
    `sum` of them against the count of their unit that the lead-in line, or the last line before the run
    with a count larger than each part, states ("Clinics in the county saw 2,000 visits in 2024 ... By
    clinic:" over "- Northgate: 1,020 visits", "- Southgate: 640 visits", "- Eastgate: 240 visits": 1,020 +
    640 + 240 against 2,000). A column of percentages, one on every row of a table (two rows at least), is
    a `complement`: shares of one whole, which add up to 100 % (`exhaustive`) when the table's counts are
    the parts of a stated total, else at most 100 %."""
    listed: set[str] = set()
    for blk in list_blocks(text):
        for run in blk.runs:
            rows = [[it for it in items if a <= it.mention.start and it.mention.end <= b] for a, b in run]
            rows = [r for r in rows if r]
            listed.update(it.id for r in rows for it in r)
            if len(rows) < 2:
                continue
            firsts = [next((it for it in r if it in counts), None) for r in rows]
            total = None
            if all(firsts) and all(_same_unit(firsts[0], f) for f in firsts):
                parts = [f for f in firsts if f is not None]
                before = [it for it in counts if it.mention.end <= run[0][0] and it.id not in listed and
                          it.mention.region == "body" and _same_unit(it, parts[0]) and
                          it.value > max(p.value for p in parts)]
                lead = [it for it in before if blk.lead[0] <= it.mention.start < blk.lead[1]]
                named = [it for it in lead or before if it.keys & parts[0].keys] or lead or before[-1:]
                if named:
                    total = named[-1]
                    shown = " + ".join(f"{p.value:,.0f}" for p in parts)
                    P.add("sum", f"{parts[0].id}-{parts[1].id}-sum-{total.id}",
                          {"parts": [p.id for p in parts], "total": total.id},
                          f"a list of parts under a stated total ({shown}): "
                          f"\u201c{_excerpt(text, parts[0].mention)}\u201d ... and \u201c{total.mention.text}\u201d")
            shares = [next((it for it in r if it.unit == "percent"), None) for r in rows]
            if all(shares) and any(re.search(r"[\t|]", text[a:b]) for a, b in run):
                ids = [x.id for x in shares if x is not None]
                P.add("complement", f"{ids[0]}-{ids[1]}-column", {"parts": ids, "exhaustive": total is not None},
                      "a column of percentages of one table: shares of one whole"
                      + (f" (the rows are the parts of \u201c{total.mention.text}\u201d)" if total else ""))
    return listed


#: From a figure to the one it is set against in its clause: "£14.2m in the year to 30 June 2026, against
#: £6.8m", "54,000, compared with 50,000" (no figure between, no stop).
_SET_AGAINST = re.compile(r"[^.;]{0,60}?,?\s+(?:against|compared\s+(?:with|to)|up\s+from|down\s+from)\s+"
                          r"(?:about\s+|around\s+|some\s+)?")


def _headline_multiple(P: "_Props", items: list[Item], agreed: set[frozenset[str]], text: str) -> None:
    """The headline's multiple ("Cases More Than Double to 4,820") against the body: an ``agreement`` with a
    body multiple of the same value and qualifier ("more than double the 2,150") whose sentence shares a
    word with the headline's, the multiples' own words aside; else, when the headline's
    figure restates a body figure (``agreed``) that a proposed ``change`` has a figure of before for
    ("30,808 ..., up 126 percent on the 13,632"), or that its sentence sets against another figure of its
    unit ("a pre-tax loss of £14.2m ..., against £6.8m a year earlier"), a ``comparison`` of the two with
    the headline's multiple as ``times``."""
    for h in items:
        if h.mention.region != "headline" or h.unit != "ratio" or h.value is None:
            continue
        # of one measure: the body multiple's sentence shares a word with the headline, the multiple's own
        # words aside ("Rovers gate receipts more than double" is not "Reyes's 1,240 yards were more than
        # double his 2023 total")
        head_words = _stems5(text[h.sent[0]:h.sent[1]]) - _stems5(h.mention.text) - _COMMON_STEMS
        body = [o for o in items if o.mention.region == "body" and o.unit == "ratio" and o.value == h.value and
                o.mention.qualifier == h.mention.qualifier and
                head_words & (_stems5(text[o.sent[0]:o.sent[1]]) - _stems5(o.mention.text))]
        if body:
            P.add("agreement", f"{h.id}-vs-{body[0].id}", {"a": h.id, "b": body[0].id},
                  f"the headline's multiple and the body's: \u201c{h.mention.text}\u201d and "
                  f"\u201c{body[0].mention.text}\u201d")
            continue
        heads = {x for pair in agreed for x in pair if any(o.id == x and o.sent == h.sent for o in items)}
        restated = {x for pair in agreed if pair & heads for x in pair} - heads
        pairs = [(p.fields["later"], p.fields["earlier"], "change") for p in P.out
                 if p.kind == "change" and p.fields.get("later") in restated and p.fields.get("earlier")]
        # "Harbourside FC losses more than double to £14.2m" over "made a pre-tax loss of £14.2m in the year
        # to 30 June 2026, against £6.8m a year earlier": the figure of its unit set against the restated one
        # in its sentence ("against", "compared with", "from"), no figure between
        for r in (o for o in items if o.id in restated):
            nxt = next((o for o in items if o.sent == r.sent and o.mention.start > r.mention.end and
                        o.unit != "date"), None)
            if nxt is not None and _same_unit(nxt, r) and nxt.per == r.per and \
                    _SET_AGAINST.fullmatch(text, r.mention.end, nxt.mention.start):
                pairs.append((r.id, nxt.id, "figure set against it"))
        texts = {o.id: o.mention.text for o in items}
        for later, earlier, how in pairs[:1]:
            P.add("comparison", f"{later}-vs-{earlier}-times-{h.id}",
                  {"a": later, "b": earlier, "relation": "eq", "times": h.id},
                  f"the headline's multiple (\u201c{h.mention.text}\u201d) of the body's {how}: "
                  f"\u201c{texts[later]}\u201d against \u201c{texts[earlier]}\u201d")


def _interval(period: str | None) -> tuple[str, str] | None:
    m = re.fullmatch(r"(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)", period or "")
    return (m[1], m[2]) if m else None


def _disjoint(a: str | None, b: str | None) -> bool:
    """Whether two periods written inline (ISO intervals ``2024-01-01/2024-06-30``) share no day; False
    when either is not inline."""
    x, y = _interval(a), _interval(b)
    return x is not None and y is not None and (x[1] < y[0] or y[1] < x[0])


_NOT_NOUN = frozenset("are were is was be been have has had will would could can may might must said of "
                      "them those these who which that".split())


#: Stems of words too common to tie two sentences to one measure ("said", "with", "from", "have").
_COMMON_STEMS = frozenset({"said", "says", "with", "from", "that", "this", "have", "were", "their", "there",
                           "which", "about", "after", "more", "than", "over", "will", "would", "been", "into",
                           "year", "years", "month", "figur", "numbe", "total", "accor"})


def _stems5(words: str) -> set[str]:
    """The first five letters of each word of four letters or more, lower-cased ("Rescues" -> "rescu")."""
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z]{4,}", words)}


def _other_noun(text: str, it: Item, tot: Item) -> bool:
    """Whether the fraction ``it`` names its own noun right after it and the total ``tot`` another ("one in
    five children's centres" after "Twenty-three libraries"): a fraction of something else."""
    own = re.match(r"\s+(?:of\s+(?:the|its|their)\s+)?((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*s)\b",
                   text[it.mention.end:it.sent[1]])
    if own is None or own.group(1).split()[0] in _NOT_NOUN:  # "three quarters are minors": no noun of its own
        return False
    if re.search(r"['’]s\Z", own.group(1)):  # "about a third of the factory's 3,400 workers": whose, not what
        return False
    after_tot = re.match(r"\s+([a-z][\w'’-]*)", text[tot.mention.end:tot.sent[1]])
    theirs = {_stem(k) for k in tot.keys} | ({_stem(after_tot.group(1))} if after_tot else set())
    mine = {_stem(w.strip("'’").replace("'s", "").replace("’s", "")) for w in own.group(1).split()}
    return not (mine & theirs)


def _amount_like(it: Item) -> bool:
    """A count, a quantity in a unit of measure or an amount of money (no rate): a figure a change in
    percent can be of."""
    return _quantity_like(it.unit) or (it.unit in CURRENCIES and it.per is None)


#: "to 19,870", "from €8 million": the words right before the later and the earlier figure of a change.
_TO_BEFORE = re.compile(r"\bto\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?\Z")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?\Z")


#: After a percentage change, the level it reached: "were up 8 percent on last year at 54,000" (the words
#: between name no figure: "on last year", "year on year").
_AT_LEVEL = re.compile(r"(?:\s+(?:on|from|over)\s+(?:last|the\s+previous|a)\s+(?:year|month|week|quarter|season)|"
                       r"\s+year\s+on\s+year)?\s*,?\s+at\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?")
#: After the level, a stop or a period, no noun of its own ("at 54,000, compared with", not "at 40 stores").
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;]|\s(?:in|on|last|this|a|an)\b)")
#: Before the earlier figure of a change set off after it: "..., compared with 50,000 in 2023".
_COMPARED_BEFORE = re.compile(r"\bcompared\s+(?:with|to)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?\Z")


def _change_to_from(P: "_Props", it: Item, cue: re.Match, others: list[Item], text: str) -> None:
    """A percentage change ``it`` (its change words ``cue``) between the figure its sentence goes "to" and
    the one it comes "from", of one unit, in either order and on either side of it: "rose 13 percent to
    19,870, from 17,640 in 2023"; "will rise to €9.6 million next year, from €8 million in 2024, an
    increase of 20 percent"; also the level "at" right after the change and the figure "compared with"
    after it: "Emergency admissions were up 8 percent on last year at 54,000, compared with 50,000 in
    2023" (50,000 x 1.08 = 54,000)."""
    to = [o for o in others if _amount_like(o) and (_TO_BEFORE.search(text, it.sent[0], o.mention.start) or
                                                    _AT_LEVEL.fullmatch(text, it.mention.end, o.mention.start)
                                                    and _NO_NOUN_AFTER.match(text, o.mention.end))]
    fr = [o for o in others if _amount_like(o) and (_FROM_BEFORE.search(text, it.sent[0], o.mention.start) or
                                                    _COMPARED_BEFORE.search(text, it.mention.end, o.mention.start))]
    pairs = [(a, b) for a in to for b in fr if _same_unit(a, b)]
    if len(pairs) != 1:
        return
    later, earlier = pairs[0]
    direction = "decrease" if falls(cue.group(1)) else "increase"
    P.add("change", f"{later.id}-from-{earlier.id}",
          {"earlier": earlier.id, "later": later.id, "change": it.id, "direction": direction},
          f"a change (\u201c{it.mention.text}\u201d, {cue.group(1)}) to \u201c{later.mention.text}\u201d from "
          f"\u201c{earlier.mention.text}\u201d")


def _lead_restated(P: "_Props", items: list[Item], agreed: set[frozenset[str]], text: str) -> None:
    """A figure of the headline or standfirst that the body states again, hedged or rounded its own way
    ("turnout slumps to 38 percent" and "a turnout of 37.6 percent"; "Fewer than 47,000 ... cast a ballot"
    and "A total of 46,820 ballots were cast"; "more than £14m" and "£14.2m"): an ``agreement`` of the
    lead's figure with one body figure of the same unit and rate base whose value lies inside the lead's
    reading (:func:`numclaims.numerals.parse`: the qualifier and rounding rules of docs/semantics.md,
    section 1). Of one measure only: a percentage change and a level are two measures ("up 9 percent" is
    no restatement of "9 percent of fans"), the two periods written inline share a day, and the lead's
    sentence shares a word of four letters or more (first five letters, :func:`_stems5`, less
    ``_COMMON_STEMS``) with the body figure's measure or its sentence up to the figure, even at the lead's
    very value ("punctuality falls to 81 percent" is not "81 percent of passengers were satisfied" when
    "a punctuality of 80.8 percent" is there); with no such word, a headline amount of money or percentage
    and the first body figure of its very value (the seventh trial's rule: "Jobless rate steady at 5.2
    percent" and "Unemployment stood at 5.2 percent"; "€312 million budget" and "a budget of €312
    million"). Of several such body figures, the one whose measure shares most words first ("cast a ballot" and the
    46,820 "ballots", not the 21,450 "votes" of a sentence naming the mayor again), then one of the lead's
    very value, then the one whose sentence shares most words, then the nearest in value, then the first. Counts in a headline are matched first by nearness in value (in
    :func:`propose`); a figure agreed already is skipped."""
    for h in items:
        if h.mention.region not in ("headline", "standfirst") or h.value is None or \
                not (_quantity_like(h.unit) or h.unit in CURRENCIES or h.unit == "percent") or \
                any(h.id in pair for pair in agreed):
            continue
        try:
            reading = parse(h.mention.text).interval
        except ValueError:
            continue
        lead_words = _stems5(text[h.sent[0]:h.sent[1]]) - _COMMON_STEMS
        is_change = change_cue(text, h.mention, h.sent[0]) is not None

        def shared(o: Item) -> int:
            """Words of the lead's sentence in the body figure's measure or its sentence up to it."""
            return len(lead_words & (_stems5(o.what) | _stems5(text[o.sent[0]:o.mention.start])))

        body = [o for o in items if o.mention.region == "body" and o.value is not None and _same_unit(o, h) and
                o.per == h.per and reading.contains(o.value) and not _disjoint(o.period, h.period) and
                (change_cue(text, o.mention, o.sent[0]) is not None) == is_change and not _no_amount(text, o)
                and (shared(o) or h.mention.region == "headline" and (h.unit in CURRENCIES or h.unit == "percent") and
                     o.value == h.value)]
        if not body:
            continue
        b = min(body, key=lambda o: (-len(lead_words & _stems5(o.what)), not shared(o), o.value != h.value,
                                     -shared(o), abs(o.value - h.value), o.mention.start))
        agreed.add(frozenset((h.id, b.id)))
        where = "headline" if h.mention.region == "headline" else "standfirst"
        P.add("agreement", f"{h.id}-vs-{b.id}", {"a": h.id, "b": b.id},
              f"the {where}'s figure and the body's: \u201c{h.mention.text}\u201d and \u201c{b.mention.text}\u201d")


#: "up 3.1 percentage points on 2023's 81.4 percent": the change words before a figure in points.
_POINTS_CUE = re.compile(r"\b(" + change_words_re(RISE_VERBS, FALL_VERBS) + r")\s+(?:by\s+)?(?:about\s+|some\s+|"
                         r"nearly\s+|almost\s+)?\Z")


#: A sentence whose subject is the figure of the sentence before: "That was down 6.5 percentage points from
#: 71.8 percent in 2024 and below the national average of 74.0 percent."
_ANAPHORIC_SUBJECT = re.compile(r"\s*(?:That|This|It)\s+(?:was|is|were|are|has\s+been|had\s+been|remains|remained|"
                                r"stood|stands)\b")


#: The words between a multiple and the figure it multiplies: "more than triple the 2,150", "more than
#: double his 2022 tally of 8,100" (a figure noun and "of"), "three times as many as the visitors' 7", "nearly twice as many as candidate B, who took 23,000": a bare article, "as
#: many/much as", "that of", "what", then at most one possessive noun phrase of three words ("the
#: visitors'", "the city's") or a subject of three words and a relative clause whose verb has the figure as
#: its object ("candidate B, who took", "Leeds, which recorded").
_MULTIPLE_BASE = re.compile(r"\s+(?:(?:his|her|its|their|our|the)\s+(?:[\w'’-]+\s+){0,3}?(?:tally|total|figure|count|"
                            r"score|level|haul|result)\s+of\s+|"
                            r"the\s+|that\s+of\s+|as\s+(?:many|much)\s+as\s+|what\s+)?"
                            r"(?:(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}?(?:['’]s?\s+|,\s+(?:who|which)\s+"
                            r"(?:won|took|had|got|scored|recorded|reported|posted|received|sold|made|earned)\s+))?"
                            r"(?:about\s+|around\s+|some\s+|just\s+)?")


#: Between two parts set beside each other by "against" ("21,450 votes, against 17,980 for ..."): at most
#: six words, a comma, "against".
_AGAINST_GAP = re.compile(r"\s+[\w'’-]+(?:\s+[\w'’-]+){0,5}?,\s+against\s+")
#: Before a winner's figure: "won with 21,450 votes", "beat ... with", "took 21,450".
_WON_WITH = re.compile(r"\b(?:won|wins|beat|beats|topped|tops|led|leads)\b[^,.;]{0,40}?\bwith\s+(?:about\s+|some\s+)?\Z")
#: Before a total the article names as one: "A total of 46,820 ballots", "46,820 in all", "in total".
_NAMED_TOTAL = re.compile(r"\b(?:a\s+total\s+of|totall?ing|in\s+all\s+of)\s+(?:about\s+|around\s+|some\s+)?\Z", re.I)


def _rest_of_list(P: "_Props", group: list[Item], summable: list[Item], text: str) -> None:
    """Parts coordinated in one sentence (``group``) and the rest the next sentence of the paragraph opens
    with ("... 5,870 for the Green candidate, Lena Hart. The remaining 1,020 ballots were spoiled"): every
    part of a total the article names as one before them ("A total of 46,820 ballots were cast"; the
    nearest earlier figure of the unit after "a total of", "totalling"), a ``sum`` proposed whether or not
    the figures add up: the grammar says parts and a total, so a wrong total (the most common planted
    error) is proposed and caught. The reason says when the figures do not add up (21,450 + 17,980 + 5,870
    + 1,020 = 46,320, not 46,820). Only a total at least as large as the largest part and within a factor
    of 2 of the parts' sum."""
    last = group[-1]
    rest = next((o for o in summable if o.para == last.para and o.sent[0] >= last.sent[1] and
                 o.sent[0] == min((x.sent[0] for x in summable if x.sent[0] >= last.sent[1] and x.para == last.para),
                                  default=-1)), None)
    if rest is None or not _same_unit(rest, last) or text[last.sent[1]:rest.sent[0]].strip() or \
            not re.fullmatch(r"\s*(?:The|the)\s+(?:remaining|other|rest\s*,|remainder\s*,)\s+(?:about\s+|some\s+)?",
                             text[rest.sent[0]:rest.mention.start]):
        return
    parts = [*group, rest]
    s = sum(g.value for g in parts)
    totals = [o for o in summable if o.mention.end <= group[0].mention.start and o not in parts and
              _same_unit(o, last) and _NAMED_TOTAL.search(text, max(0, o.mention.start - 30), o.mention.start)
              and max(g.value for g in parts) <= o.value and s / 2 <= o.value <= 2 * s]
    if not totals:
        return
    t = totals[-1]
    sums = " + ".join(f"{g.value:,.0f}" for g in parts)
    verdict = f"{sums} = {s:,.0f}" if s == t.value else \
        f"the figures do not add up: {sums} = {s:,.0f}, not {t.value:,.0f}"
    P.add("sum", f"{'-'.join(g.id for g in parts[:2])}-sum-{t.id}", {"parts": [g.id for g in parts], "total": t.id},
          f"parts and the rest, of a total named before (“{t.mention.text}”); {verdict}: "
          f"“{_excerpt(text, *(g.mention for g in parts))}”")


#: Before a count, the words that make it what is left of a total: "the remaining 450", "The other 18",
#: "the rest, 270".
_REMAINING = re.compile(r"\bthe\s+(?:remaining|other|rest\s*,|remainder\s*,)\s+(?:about\s+|around\s+|some\s+|"
                        r"nearly\s+|almost\s+)?\Z", re.I)


def _remaining_part(P: "_Props", counts: list[Item], text: str) -> None:
    """A count said to be what is left ("the remaining 450", "The other 18") next to a part of a total
    proposed above (``part_whole``, "Of the 1,800 staff at the plant, 1,350 will be kept on; the remaining
    450 will be offered redundancy", "Of the 90 flights due on Monday, 72 left on time. The other 18 were
    delayed"): the part and the rest add up to the total, a ``sum`` (1,350 + 450 = 1,800), which replaces
    the part/whole it holds. Only when the three are all the counts of their unit from the first to the
    last of them (another count between may be a part too: "1,350 ... and 200 ...; the remaining 250"),
    in one sentence or two adjacent sentences of a paragraph, and the rest is no part of a sum already
    proposed."""
    in_sum = {x for p in P.out if p.kind == "sum" for x in p.fields["parts"]}
    by_id = {it.id: it for it in counts}
    for r in counts:
        if r.id in in_sum or not _REMAINING.search(text, max(r.sent[0], r.mention.start - 30), r.mention.start):
            continue
        for p in [p for p in P.out if p.kind == "part_whole"]:
            x, t = by_id.get(p.fields["part"]), by_id.get(p.fields["whole"])
            if x is None or t is None or r in (x, t) or x.para != r.para or t.para != r.para or \
                    not (_same_unit(x, r) and _same_unit(t, r)) or x.value + r.value > 1.5 * t.value:
                continue
            first, last = sorted((x.sent, r.sent, t.sent))[::2]
            if first != last and text[first[1]:last[0]].strip() != "":
                continue  # a sentence between
            lo = min(x.mention.start, t.mention.start, r.mention.start)
            hi = max(x.mention.start, t.mention.start, r.mention.start)
            if any(lo < o.mention.start < hi and o not in (x, t, r) and _same_unit(o, r) for o in counts):
                continue
            P.out.remove(p)
            P.keys.discard(p.key())
            P.add("sum", f"{x.id}-{r.id}-sum-{t.id}", {"parts": [x.id, r.id], "total": t.id},
                  f"a part of a total and the rest (\u201c{_excerpt(text, r.mention)}\u201d): "
                  f"\u201c{x.mention.text}\u201d + \u201c{r.mention.text}\u201d = \u201c{t.mention.text}\u201d")
            break


def _figure_before(figures: list[Item], it: Item, text: str, unit: str) -> Item | None:
    """For a sentence that opens with "That was", "This is", "It remains" ...: the last figure of ``unit``
    of the sentence before it in its paragraph (what "That" stands for), else None."""
    if not _ANAPHORIC_SUBJECT.match(text, it.sent[0]):
        return None
    prev = [o for o in figures if o.para == it.para and o.sent[1] <= it.sent[0] and o.unit == unit and
            o.mention.region == "body"]
    return prev[-1] if prev and prev[-1].sent == max(o.sent for o in prev) and \
        text[prev[-1].sent[1]:it.sent[0]].strip() == "" else None


#: "The new quota equals 40 percent of that estimate": a subject named by a noun, a share of a figure named
#: by another noun before.
_SHARE_OF_THAT = re.compile(r"\s*The\s+(?:[a-z]+\s+){0,2}?([a-z]{4,})\s+(?:equals|equalled|is|was|represents|"
                            r"represented|amounts\s+to|amounted\s+to|makes\s+up|made\s+up)\s+(?:about\s+|around\s+|"
                            r"some\s+|nearly\s+|almost\s+|roughly\s+)?\Z")
_OF_THAT = re.compile(r"\s+of\s+(?:that|this|the)\s+([a-z]{4,})\b(?!\s*(?:of\s+)?\d)")


def _share_of_that(P: "_Props", figures: list[Item], text: str) -> None:
    """"The new quota equals 40 percent of that estimate" after "... to 24,600 tonnes from 32,800 tonnes" (a
    sentence that says "quota") and "The board's ... survey estimated the ... biomass at 61,000 tonnes": a
    ``ratio`` of the figure the subject names (the first figure, no "from" before it, of the latest earlier
    sentence that uses the subject's noun) over the figure the noun after "of that" names (of the latest
    earlier sentence with a word of its first five letters, "estim"), of one unit, against the percentage."""
    for it in figures:
        m = it.mention
        if it.unit != "percent" or m.region != "body":
            continue
        sm, om = _SHARE_OF_THAT.fullmatch(text, it.sent[0], m.start), _OF_THAT.match(text, m.end)
        if sm is None or om is None:
            continue
        before = [o for o in figures if o.mention.region == "body" and o.sent[1] <= it.sent[0] and _quotient_figure(o)]
        stem = om.group(1)[:5].lower()
        denom = [o for o in before if o.para >= it.para - 1 and stem in _stems5(text[o.sent[0]:o.mention.start]) and
                 not _FROM_BEFORE.search(text, max(o.sent[0], o.mention.start - 24), o.mention.start)]
        if not denom:
            continue
        # of the latest such sentence, the first figure after the word ("estimated the ... biomass at 61,000
        # tonnes, down 38 percent from 98,000": the 61,000)
        den = next(o for o in denom if o.sent == denom[-1].sent)
        subject = [o for o in before if o is not den and _same_unit(o, den) and
                   re.search(r"\b" + re.escape(sm.group(1)) + r"\b", text[o.sent[0]:o.sent[1]], re.I) and
                   not _FROM_BEFORE.search(text, max(o.sent[0], o.mention.start - 24), o.mention.start)]
        if not subject:
            continue
        last = [o for o in subject if o.sent == subject[-1].sent]
        num = last[0]
        P.add("ratio", f"{num.id}-over-{den.id}", {"numerator": num.id, "denominator": den.id, "ratio": it.id},
              f"a share of a figure named before (\u201c{sm.group(1)} ... {m.text} of that {om.group(1)}\u201d): "
              f"\u201c{num.mention.text}\u201d over \u201c{den.mention.text}\u201d")


#: "The limit is the lowest since 2010, when fishers were allowed 22,100 tonnes": a record since a year, and
#: the figure of that year after ", when".
_SINCE_WHEN = re.compile(r"\bthe\s+(lowest|smallest|fewest|highest|largest|biggest|most)\s+(?:[a-z]+\s+)?since\s+"
                         r"(1[89]\d\d|20\d\d)\s*,\s+when\b", re.I)
_LOW_RECORD = frozenset({"lowest", "smallest", "fewest"})


def _lowest_since(P: "_Props", figures: list[Item], text: str) -> None:
    """"The limit is the lowest since 2010, when fishers were allowed 22,100 tonnes" after "... cut ..., to
    24,600 tonnes from 32,800 tonnes": the figure the sentence's subject stands for (its own figure of that
    unit before the cue, else the first figure of that unit in the sentence before that no "from" leads)
    against the figure of that year: a low record since it is above (or at) the year's figure, a high record
    at or below it: a ``comparison``, ``ge`` or ``le``."""
    for cue in _SINCE_WHEN.finditer(text):
        b = next((o for o in figures if o.sent[0] <= cue.start() < o.sent[1] and o.mention.start >= cue.end()), None)
        if b is None or b.mention.region != "body" or b.value is None:
            continue
        own = [o for o in figures if o.sent == b.sent and o.mention.end <= cue.start() and _same_unit(o, b)]
        if own:
            a = own[-1]
        else:
            before = [o for o in figures if o.sent[1] <= b.sent[0] and o.mention.region == "body"]
            prev = [o for o in before if before and o.sent == before[-1].sent and _same_unit(o, b) and
                    not _FROM_BEFORE.search(text, max(o.sent[0], o.mention.start - 24), o.mention.start)]
            if not prev or not re.match(r"\s*(?:The|This|That|It|Its)\b", text[b.sent[0]:cue.start()]):
                continue
            a = prev[0]
        rel = "ge" if cue.group(1).lower() in _LOW_RECORD else "le"
        P.add("comparison", f"{a.id}-{rel}-{b.id}", {"a": a.id, "b": b.id, "relation": rel},
              f"a record since a year (\u201c{' '.join(cue.group(0).split())}\u201d): \u201c{a.mention.text}\u201d "
              f"against that year's \u201c{b.mention.text}\u201d")


def _points_difference(P: "_Props", figures: list[Item], text: str) -> None:
    """A change in percentage points between two percentages of its sentence: "The pass rate rose to 84.2
    percent in 2024, up 3.1 percentage points on 2023's 81.4 percent" is a ``difference`` 84.2 - 81.4
    against 3.1 (docs/semantics.md section 7): the percentage before the points is the later figure, the
    one after "on"/"from"/"over"/"compared with" the earlier; for a fall ("down 2 points from") the earlier
    figure is the minuend."""
    for it in figures:
        m = it.mention
        if it.unit != "percentage_points":
            continue
        cue = _POINTS_CUE.search(text, it.sent[0], m.start)
        later = [o for o in figures if o.sent == it.sent and o.unit == "percent" and o.mention.end <= m.start]
        # "... or 65.3 percent. That was down 6.5 percentage points from 71.8 percent": the later figure is
        # the one "That" stands for
        that = _figure_before(figures, it, text, "percent") if not later else None
        later = later or ([that] if that is not None else [])
        after = [o for o in figures if o.sent == it.sent and o.unit == "percent" and o.mention.start >= m.end]
        if cue is None or not later or not after or not re.fullmatch(
                r"\s+(?:on|from|over|compared\s+(?:with|to))\s+[^,;.]{0,30}?", text[m.end:after[0].mention.start]):
            continue
        a, b = later[-1], after[0]
        minuend, subtrahend = (b, a) if falls(cue.group(1)) else (a, b)
        P.add("difference", f"{a.id}-minus-{b.id}", {"minuend": minuend.id, "subtrahend": subtrahend.id,
                                                     "result": it.id},
              f"a change in percentage points (\u201c{cue.group(1)} {m.text}\u201d) from \u201c{b.mention.text}\u201d "
              f"to \u201c{a.mention.text}\u201d")


#: After a fraction, "of the factory's", "of the city's": the count right after is its base.
_OF_POSSESSIVE = re.compile(r"\s+of\s+(?:the\s+)?[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?['’]s\s+"
                            r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?")


#: Between a fraction (or its whole) and a count set off after it as the part it gives: "a quarter of
#: them, 300", "a third of the 900 seats, or 300".
_SET_OFF_PART = re.compile(r"(?:\s+of\s+(?:them|these|those|whom))?(?:\s+[a-z][\w'’-]*){0,2}\s*,\s+(?:or\s+)?"
                           r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?")


def _possessive_base(text: str, it: Item, items: list[Item]) -> Item | None:
    """For a fraction the extractor linked to no count, the count right after "of the factory's" ("about
    a third of the factory's 3,400 workers": the 3,400), in its sentence; None otherwise (a percentage
    keeps the extractor's reading)."""
    if it.unit != "fraction":
        return None
    mo = _OF_POSSESSIVE.match(text, it.mention.end, it.sent[1])
    if mo is None:
        return None
    return next((o for o in items if o.mention.start == mo.end() and o.value is not None), None)


def _change_of_difference(P: "_Props", figures: list[Item], text: str) -> None:
    """A count after a change noun ("a drop of 150,000 units", "Northmoor's rise of 5,800 patients",
    :data:`_CHANGE_OF`) is the difference of the two figures of a change proposed before: the comparison of
    its own sentence ("610,000 dryers last year, down from 740,000 in 2024": 740,000 - 610,000), else the
    ``change`` whose later figure shares a key word of its measure ("reached 64,200 ..., a rise of 10 per
    cent on the 58,400", "patients"; 64,200 - 58,400). A fall takes the earlier figure for the minuend, a
    rise the later; the change noun must say the pair's direction (a "rise of" no fall), and the three are
    of one unit (``persons`` and ``count`` alike). Nothing when no such pair was proposed."""
    by_id = {it.id: it for it in figures}
    for it in figures:
        cue = _CHANGE_OF.search(text, max(it.sent[0], it.mention.start - 40), it.mention.start)
        if cue is None or it.per is not None:
            continue
        fall = falls(cue.group(1))
        pairs: list[tuple[Item, Item]] = []  # (earlier, later)
        for p in list(P.out):
            if p.kind == "comparison" and p.fields.get("relation") in ("lt", "gt") and "times" not in p.fields:
                a, b = by_id.get(p.fields["a"]), by_id.get(p.fields["b"])
                if a is not None and b is not None and a.sent == b.sent == it.sent and \
                        (p.fields["relation"] == "lt") == fall:
                    pairs.append((b, a))
        if not pairs:
            for p in P.out:
                if p.kind == "change" and (p.fields.get("direction") == "decrease") == fall:
                    e, l = by_id.get(p.fields["earlier"]), by_id.get(p.fields["later"])
                    if e is not None and l is not None and l.mention.start < it.mention.start and \
                            (l.keys & it.keys) - MEASURE_UNIT_NOUNS:
                        pairs.append((e, l))
        pairs = [(e, l) for e, l in pairs if _same_unit(e, it) and _same_unit(l, it)]
        if not pairs:
            continue
        e, l = pairs[-1]
        minuend, subtrahend = (e, l) if fall else (l, e)
        P.add("difference", f"{minuend.id}-minus-{subtrahend.id}",
              {"minuend": minuend.id, "subtrahend": subtrahend.id, "result": it.id},
              f"a change stated as a count (\u201c{cue.group(0).strip()} {it.mention.text}\u201d): from "
              f"\u201c{e.mention.text}\u201d to \u201c{l.mention.text}\u201d")


#: "Housing's €141 million is 52 percent of everything we will spend": the figure a share is said of.
_IS_SHARE = re.compile(r"\s+(?:is|was|are|were|makes?\s+up|made\s+up|represents?|accounts?\s+for)\s+(?:about\s+|"
                       r"around\s+|nearly\s+|almost\s+|some\s+|roughly\s+)?")
_OF_EVERYTHING = re.compile(r"\s+of\s+(?:everything|all\s+(?:of\s+)?(?:the\s+|its\s+|our\s+)?(?:spending|money|budget)|"
                            r"the\s+(?:total|whole|budget|overall\s+budget))\b")


def _share_of_everything(P: "_Props", figures: list[Item], text: str) -> None:
    """A figure said to be a percentage of everything, the total, the budget ("Housing's €141 million is
    52 percent of everything we will spend next year"): of the total named before, the larger figure of its
    unit that a proposed ``sum`` has as its total, else the nearest earlier larger one in its paragraph or
    the one before. An amount of money is a ``ratio`` (numerator the figure, denominator the total, ratio
    the percentage); a count is a ``share_of_total`` with the figure as its ``part``."""
    sums = {p.fields["total"] for p in P.out if p.kind == "sum"}
    for it in figures:
        if it.unit != "percent" or not _OF_EVERYTHING.match(text, it.mention.end):
            continue
        part = next((o for o in figures if o.sent == it.sent and _amount_like(o) and
                     _IS_SHARE.fullmatch(text, o.mention.end, it.mention.start)), None)
        if part is None:
            continue
        before = [o for o in figures if o.mention.end <= part.sent[0] and o.para in (part.para, part.para - 1) and
                  _same_unit(o, part) and o.value is not None and o.value > part.value]
        named = [o for o in before if o.id in sums] or before
        if not named:
            continue
        tot = named[-1]
        why = (f"a figure said to be a share of the whole (\u201c{_excerpt(text, part.mention, it.mention)}\u201d), "
               f"the total named before: \u201c{tot.mention.text}\u201d")
        if _persons_like(part.unit):
            P.add("share_of_total", f"{it.id}-of-{tot.id}", {"share": it.id, "total": tot.id, "part": part.id}, why)
        else:
            P.add("ratio", f"{part.id}-over-{tot.id}", {"numerator": part.id, "denominator": tot.id, "ratio": it.id},
                  why)


#: ", or 52 percent" / ", or about 65 percent": a percentage set off after a figure, restating it as a share.
_OR_SHARE = re.compile(r",\s+or\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|just\s+(?:over|under)\s+)?\Z")
#: "11,300 of the 26,400 ...": the words between a part and the total right after it.
_OF_THE_TOTAL = re.compile(r"\s+of\s+(?:the|these|those|its|their|all|all\s+the)\s+")
#: "or 38 percent of the country's 2.6 million ...": the words between a restating share and the total after it.
_SHARE_OF_TOTAL_AFTER = re.compile(r"\s+of\s+(?:all\s+)?(?:(?:the|its|their|his|her|our)\s+)?(?:[A-Za-z][\w-]*['’]s\s+)?"
                                   r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?")


def _quotient_figure(it: Item) -> bool:
    """A figure a stated share can be a quotient of: a count, an amount of money or a quantity in a unit of
    measure (tonnes, hectares), no rate."""
    return it.per is None and it.value is not None and (_quantity_like(it.unit) or it.unit in CURRENCIES)


#: A hedge before a figure set off after a comma ("..., about 52 percent"), in the two patterns below.
_COMMA_HEDGE = r"(?:about\s+|some\s+|nearly\s+|almost\s+)?"
#: Between the total a sentence opens with and the share after it: a clause, then a comma ("Of the 2,400
#: pallets shipped, 45 percent").
_AFTER_COMMA = re.compile(r"[^,;]{0,80},\s+" + _COMMA_HEDGE)
#: Between a total and the part after it: a clause, then ", or" ("the 5,150 bricks fired in May, or 206").
_AFTER_COMMA_OR = re.compile(r"[^.;]{0,60}?,\s+or\s+" + _COMMA_HEDGE)
#: "45 percent or 1,080", "4 percent of the 5,150 bricks ..., or 206 bricks": a count set off after a share.
_OR_PART = re.compile(r"\s*,?\s+or\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+)?\Z")


def _part_fits(part: Item, total: Item) -> bool:
    """Whether ``part`` can be a part of ``total``: another figure, of its unit, no larger."""
    return part is not total and part.value is not None and total.value is not None and _same_unit(part, total) \
        and part.value <= total.value


def _share_then_part(P: "_Props", figures: list[Item], text: str, by_start: dict[int, Item]) -> set[str]:
    """A share with its part set off after it by "or" ("Of the 2,400 pallets shipped, 45 percent or 1,080
    went by road"; "4 percent of the 5,150 bricks fired in May, or 206 bricks"): a ``share_of_total`` of the
    total the share is "of" (else the total the sentence opens with), the count after "or" its ``part``
    (0.45 x 2,400 = 1,080), of the total's unit and no larger. Returns the ids of the shares so read."""
    done: set[str] = set()
    for it in figures:
        m = it.mention
        if it.unit != "percent" or m.region != "body" or change_cue(text, m, it.sent[0]) is not None:
            continue
        after = [o for o in figures if o.sent == it.sent and o.mention.start >= m.end]
        tot = by_start.get(m.of[0]) if m.of else None
        if tot is not None and tot.mention.start > m.end:
            after = [o for o in after if o.mention.start > tot.mention.end]
        else:
            before = [o for o in figures if o.sent == it.sent and o.mention.end <= m.start]
            tot = before[0] if before and _OPENING_TOTAL.fullmatch(text, it.sent[0], before[0].mention.start) and \
                _AFTER_COMMA.fullmatch(text[before[0].mention.end:m.start]) \
                else None
        if tot is None or not after or not _persons_like(tot.unit) or tot.value is None:
            continue
        part = after[0]
        gap = text[tot.mention.end:part.mention.start] if tot.mention.start > m.end else text[m.end:part.mention.start]
        if not (_OR_PART.fullmatch(text, m.end, part.mention.start) or
                (tot.mention.start > m.end and _AFTER_COMMA_OR.fullmatch(gap))):
            continue
        if not _part_fits(part, tot):
            continue
        done.add(it.id)
        P.add("share_of_total", f"{it.id}-of-{tot.id}", {"share": it.id, "total": tot.id, "part": part.id},
              f"a share with its part set off after it (\u201c{_excerpt(text, m, part.mention)}\u201d), of "
              f"\u201c{tot.mention.text}\u201d")
    return done


#: "Turnout was 61 percent, with 3.05 million of the 5 million registered voters ...": after a share, its
#: part and, after "of the", its total.
_WITH_PART = re.compile(r"\s*,\s+with\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|roughly\s+|just\s+"
                        r"(?:over|under)\s+)?")
#: "That is 72 percent of ...": a sentence whose subject is the figure before, up to its share.
_THAT_IS_SHARE = re.compile(_ANAPHORIC_SUBJECT.pattern + r"\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|"
                            r"roughly\s+|just\s+(?:over|under)\s+)?")


def _restated_quotient(P: "_Props", figures: list[Item], text: str) -> set[str]:
    """A part and its total both stated, and a percentage set off after the part that restates their
    quotient: a ``ratio`` (numerator the part, denominator the total, ratio the percentage), the check a
    fact-checker writes for it (docs/check-kinds.md: a quotient against a percent claim; a
    ``share_of_total`` is for a share of a total whose part is not stated, or is stated after the share as
    its implied part). Five forms, the total of the part's unit and no smaller, all in one sentence but
    the last:

    * "Of the 26,400 services timetabled ..., 11,300 arrived late, or 52 percent" (the total the sentence
      opens with);
    * "11,300 of the 26,400 peak trains arrived late, or 52 percent" (the total right after "of the");
    * "1.2 million households, or 38 percent of the country's 2.6 million farming households" (the total
      after the share's "of");
    * "Turnout was 61 percent, with 3.05 million of the 5 million registered voters casting a ballot" (the
      part and its total after the share and ", with"; 3.05 / 5 = 61 %);
    * "The club sold 18,000 season tickets this year. That is 72 percent of the stadium's 25,000 seats"
      (the share of a total in a sentence whose subject is the figure of the sentence before, "That is",
      "This was", :func:`_figure_before`; 18,000 / 25,000 = 72 %).

    The part is the last such figure before the percentage (the one before "of the" in the second form).
    Returns the
    ids of the percentages so read (no other share of them is proposed)."""
    done: set[str] = set()
    for it in figures:
        m = it.mention
        if it.unit != "percent" or m.region != "body" or change_cue(text, m, it.sent[0]) is not None:
            continue
        after_all = [o for o in figures if o.sent == it.sent and o.mention.start >= m.end]
        part = total = None
        if len(after_all) >= 2 and _WITH_PART.fullmatch(text, m.end, after_all[0].mention.start) and \
                _OF_THE_TOTAL.fullmatch(text, after_all[0].mention.end, after_all[1].mention.start):
            part, total, how = after_all[0], after_all[1], "the part and its total after the share"
        elif after_all and _THAT_IS_SHARE.fullmatch(text, it.sent[0], m.start) and \
                _SHARE_OF_TOTAL_AFTER.fullmatch(text, m.end, after_all[0].mention.start):
            total, how = after_all[0], "the share of it after the figure of the sentence before"
            part = _figure_before(figures, it, text, total.unit)
        if part is not None and _quotient_figure(part) and _quotient_figure(total) and _part_fits(part, total):
            done.add(it.id)
            P.add("ratio", f"{part.id}-over-{total.id}", {"numerator": part.id, "denominator": total.id,
                                                         "ratio": it.id},
                  f"a share and its part and total ({how}): \u201c{part.mention.text}\u201d over "
                  f"\u201c{total.mention.text}\u201d against \u201c{m.text}\u201d")
            continue
        if not _OR_SHARE.search(text, it.sent[0], m.start):
            continue
        before = [o for o in figures if o.sent == it.sent and o.mention.end <= m.start]
        if not before or not _quotient_figure(before[-1]):
            continue
        part, total, how = before[-1], None, ""
        if len(before) >= 2 and _OF_THE_TOTAL.fullmatch(text, before[-2].mention.end, before[-1].mention.start):
            part, total, how = before[-2], before[-1], "the total after the part"
        after = next((o for o in figures if o.sent == it.sent and o.mention.start >= m.end), None)
        if total is None and after is not None and _SHARE_OF_TOTAL_AFTER.fullmatch(text, m.end, after.mention.start):
            total, how = after, "the total after the share"
        if total is None:
            lead = before[0] if len(before) >= 2 else None
            if lead is not None and _OPENING_TOTAL.fullmatch(text, it.sent[0], lead.mention.start):
                total, how = lead, "the total the sentence opens with"
        if total is None or not _quotient_figure(total) or not _part_fits(part, total):
            continue
        done.add(it.id)
        P.add("ratio", f"{part.id}-over-{total.id}", {"numerator": part.id, "denominator": total.id, "ratio": it.id},
              f"a part and its total, the share set off after the part restating their quotient "
              f"(\u201c{_excerpt(text, part.mention, it.mention)}\u201d; {how}: \u201c{total.mention.text}\u201d)")
    return done


#: Words that say a figure matches another named after them: "in line with the central bank's estimate of
#: about 5 percent", "matching the union's figure of 900" ("close to", "similar to" claim no shared value:
#: 3.1 percent is close to 3.4 percent).
_IN_LINE = re.compile(r"\s*,?\s+(?:broadly\s+|roughly\s+)?(in\s+line\s+with|consistent\s+with|matching|confirming)\s+(?:the\s+|an?\s+|its\s+)?(?:(?:[A-Za-z][\w-]*\s+){0,2}"
                      r"[A-Za-z][\w-]*['’]s?\s+)?"
                      r"(?:(?:own|earlier|latest|previous|independent)\s+)?(?:estimate|figure|forecast|count|"
                      r"projection|tally|number)s?\s+(?:of\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|"
                      r"roughly\s+)?")


def _in_line_with(P: "_Props", figures: list[Item], text: str) -> None:
    """Two estimates the sentence says match: a figure, then "matching", "confirming", "in line with" or
    "consistent with", a source's "estimate", "figure", "forecast" or "count", and the other figure right
    after ("Unemployment stood at 5.2 percent in May, the statistics office said, in line with the central
    bank's estimate of about 5 percent"): an ``agreement`` of the two, of one unit (the figure before is the
    last of that unit before the cue, in its sentence; docs/check-kinds.md: their intervals overlap). "in
    line with" and "consistent with" only when one of the two is hedged: 5.2 percent is "in line with" a
    forecast of 5.0 percent to a reporter, but the two exact readings do not meet."""
    for b in figures:
        if b.value is None:
            continue
        cue = None
        for a in reversed([o for o in figures if o.sent == b.sent and o.mention.end <= b.mention.start]):
            if not _same_unit(a, b) or a.value is None:
                continue
            cue = re.search(_IN_LINE.pattern + r"\Z", text[a.mention.end:b.mention.start])
            # "in line with", "consistent with" allow some distance: an estimate only when one of the two
            # is hedged ("about 5 percent"), whose reading is wide enough for it
            loose = cue is not None and cue.group(1).split()[0] in ("in", "consistent")
            if cue is not None and (not loose or "approximately" in (a.mention.qualifier, b.mention.qualifier)):
                P.add("agreement", f"{a.id}-agrees-{b.id}", {"a": a.id, "b": b.id},
                      f"two estimates said to match (\u201c{' '.join(cue.group(0).split(',')[-1].split())}\u201d): "
                      f"\u201c{a.mention.text}\u201d and \u201c{b.mention.text}\u201d")
            break


#: A name in the possessive right before a figure: "Malhotra's 17,980", "Hart's 5,870 votes".
_NAMED_BEFORE = re.compile(r"\b([A-Z][\w-]+)['’]s\s+\Z")


def _first_statement(it: Item, figures: list[Item], text: str) -> Item:
    """The body figure that ``it`` states again, when the name in the possessive before it ("Malhotra's
    17,980 was more than double ...") is in the sentence of an earlier body figure of its unit and very
    value ("against 17,980 for the independent challenger Dev Malhotra"): that first statement, which a
    hand file keeps as the one claim of the figure; else ``it``."""
    named = _NAMED_BEFORE.search(text, it.sent[0], it.mention.start)
    if named is None or it.value is None:
        return it
    earlier = [o for o in figures if o.mention.region == "body" and o.mention.end <= it.sent[0] and
               o.unit == it.unit and o.per == it.per and o.value == it.value and
               re.search(r"\b" + re.escape(named.group(1)) + r"\b", text[o.sent[0]:o.sent[1]])]
    return earlier[0] if earlier else it


#: Words that set a figure against another one named after them: "remains below the national pass rate of
#: 87.3 percent", "is ahead of Limpopo, which recorded 79.8 percent", "is larger than that of Limerick ...,
#: which set a budget of €245 million".
_STANDING = re.compile(r"\b(below|above|behind|ahead\s+of|short\s+of|(?:higher|lower|larger|smaller|bigger|greater|"
                       r"longer|shorter)\s+than)\s+")
#: From a standing word to the figure it names: a few words and "of", "at", ", which recorded", "with"
#: ("below the national pass rate of 87.3 percent"), or the figure itself after "the", opening quotes
#: allowed ("well above the 60 percent that ...", "short of the “at least 40 percent” that ...").
_STANDING_TO = re.compile(r"(?:[^.;]{0,90}?(?:\bof|\bat|,\s+which\s+(?:recorded|set|reported|had|posted)[^.;,]{0,30}?|"
                          r"\bwith)\s+|(?:the\s+)?[\"“]?)(?:about\s+|around\s+|some\s+)?\Z")
_LOWER = frozenset({"below", "behind", "short of", "lower than", "smaller than", "shorter than"})
#: Between a figure and a standing word of its own clause: "4.6 percent in September, above", "14.2
#: weeks, longer than", "71 percent of turnover, well above" (a few words, a comma, no figure).
_STANDING_FROM = re.compile(r"(?:\s+(?:in|on|at|for|of)\s+[\w'’ -]{1,30}?)?\s*,\s*(?:and\s+|but\s+|still\s+|well\s+|far\s+)?\Z")


def _standing_against(P: "_Props", figures: list[Item], text: str) -> None:
    """A ``comparison`` of the figure a sentence's subject stands for against the figure a standing word
    names ("The province remains below the national pass rate of 87.3 percent but is ahead of Limpopo,
    which recorded 79.8 percent"; "The city's budget is larger than that of Limerick ..., which set a
    budget of €245 million"): the figure after the cue (no other figure between) is ``b``; ``a`` is the
    first body figure of its unit whose sentence shares a word of four letters or more with the cue's
    words ("pass rate", "budget"), else the ``a`` of another cue of the same sentence; below, behind,
    lower or smaller than is ``lt``, the others ``gt``. A sentence that holds a figure of that unit before
    the cue compares within itself and is left to the rules above."""
    by_sent: dict[tuple[int, int], list[tuple[str, Item, set[str]]]] = {}
    opened: dict[tuple[int, int], int] = {}  # where the first cue of each sentence starts
    for cue in _STANDING.finditer(text):
        b = next((o for o in figures if o.sent[0] <= cue.start() < o.sent[1] and o.mention.start >= cue.end()), None)
        if b is None or b.mention.region != "body" or not _STANDING_TO.fullmatch(text, cue.end(), b.mention.start):
            continue
        first_cue = opened.setdefault(b.sent, cue.start())
        that = _figure_before(figures, b, text, b.unit)
        if that is not None:
            # "That was down 6.5 percentage points from 71.8 percent in 2024 and below the national average
            # of 74.0 percent": the figure "That" stands for is set against the one named
            rel = "lt" if " ".join(cue.group(1).split()) in _LOWER else "gt"
            P.add("comparison", f"{that.id}-{rel}-{b.id}", {"a": that.id, "b": b.id, "relation": rel},
                  f"a figure set against another (\u201c{' '.join(cue.group(1).split())}\u201d), the subject "
                  f"\u201cThat\u201d standing for the figure before: \u201c{that.mention.text}\u201d and "
                  f"\u201c{b.mention.text}\u201d")
            continue
        own = [o for o in figures if o.sent == b.sent and o.unit == b.unit and o.mention.end <= cue.start()]
        if own and own[-1].value is not None and _same_unit(own[-1], b) and \
                _STANDING_FROM.fullmatch(text, own[-1].mention.end, cue.start()):
            # "Ohio's unemployment rate was 4.6 percent in September, above the national rate of 4.3
            # percent", "has reached 14.2 weeks, longer than the England median of 15.1 weeks": the figure
            # the cue follows in its own clause is set against the one named
            a = own[-1]
            rel = "lt" if " ".join(cue.group(1).split()) in _LOWER else "gt"
            P.add("comparison", f"{a.id}-{rel}-{b.id}", {"a": a.id, "b": b.id, "relation": rel},
                  f"a figure set against another (\u201c{' '.join(cue.group(1).split())}\u201d) in its clause: "
                  f"\u201c{a.mention.text}\u201d and \u201c{b.mention.text}\u201d")
            continue
        if any(o.sent == b.sent and o.unit == b.unit and o.mention.end <= first_cue for o in figures):
            continue
        words = _stems5(text[cue.end():b.mention.start]) - {"which", "recor", "that"}
        if not words:
            # "left turnout well short of the “at least 40 percent”": the cue names no measure; the noun it
            # follows does (the object of "left")
            before = re.search(r"\b([a-z]{4,})\s+(?:well\s+|far\s+|still\s+|just\s+)?\Z", text[b.sent[0]:cue.start()])
            words = _stems5(before.group(1)) - _COMMON_STEMS if before else set()
        by_sent.setdefault(b.sent, []).append((" ".join(cue.group(1).split()), b, words))
    for cues in by_sent.values():
        found = []
        for how, b, words in cues:
            a = next((o for o in figures if o.mention.region == "body" and o.mention.end <= b.sent[0] and
                      _same_unit(o, b) and o.value is not None and words & _stems5(text[o.sent[0]:o.sent[1]])), None)
            found.append(a)
        first = next((a for a in found if a is not None), None)
        for (how, b, _), a in zip(cues, found):
            a = a or first
            if a is None:
                continue
            rel = "lt" if how in _LOWER else "gt"
            P.add("comparison", f"{a.id}-{rel}-{b.id}", {"a": a.id, "b": b.id, "relation": rel},
                  f"a figure set against another (\u201c{how}\u201d): \u201c{a.mention.text}\u201d and "
                  f"\u201c{b.mention.text}\u201d")


#: "The matric pass rate rose to 84.2 percent": the word a rate is of ("pass"), before "rate".
_RATE_OF = re.compile(r"\b([a-z]{4,})\s+rate\b", re.I)


def _rate_of_an_opening_total(P: "_Props", figures: list[Item], text: str) -> None:
    """A rate in percent and the two counts it is the quotient of: "The pass rate rose to 84.2 percent"
    and, in its paragraph or the next, "Of the 98,560 full-time candidates who wrote ..., 82,990 passed"
    (a sentence that opens with a total, then a count followed by a word the rate's word begins: pass,
    passed): a ``ratio`` 82,990 / 98,560 against the 84.2 % (the first percentage after the rate's
    words)."""
    for r in _RATE_OF.finditer(text):
        rate = next((o for o in figures if o.unit == "percent" and o.mention.region == "body" and
                     o.sent[0] <= r.start() < o.sent[1] and o.mention.start >= r.end()), None)
        if rate is None:
            continue
        word = r.group(1).lower()
        for tot in figures:
            if tot.para not in (rate.para, rate.para + 1) or not _persons_like(tot.unit) or tot.value is None or \
                    not _OPENING_TOTAL.fullmatch(text, tot.sent[0], tot.mention.start):
                continue
            part = next((o for o in figures if o.sent == tot.sent and o.mention.start > tot.mention.end and
                         _persons_like(o.unit) and o.value is not None and o.value <= tot.value and
                         re.match(r"\s+" + re.escape(word), text[o.mention.end:o.sent[1]], re.I)), None)
            if part is not None:
                P.add("ratio", f"{part.id}-over-{tot.id}", {"numerator": part.id, "denominator": tot.id,
                                                           "ratio": rate.id},
                      f"a rate (\u201c{r.group(0)} ... {rate.mention.text}\u201d) of the count that did so "
                      f"(\u201c{part.mention.text}\u201d) among the total (\u201c{tot.mention.text}\u201d)")
                break


def propose(items: list[Item], text: str, kinds: frozenset[str] | None = None, root: Any = None,
            meta: Any = None) -> list[Proposal]:
    """Proposed checks among ``items`` (in text order) of the source ``text``, with ids unique among
    themselves and the claims, in the order of the table of the module docstring; only of the check
    ``kinds`` given (default: those :data:`numclaims.claimsfile.CHECK_KINDS` knows). With the project
    ``root``, also ``external`` checks against the rows of its reference data package
    (:func:`reference_matches`), leaving out the rows whose source is the article itself when its
    :class:`numclaims.records.SourceMeta` ``meta`` is given (:func:`is_the_article`).

    Raises:
        numclaims.errors.InputErrors: the reference data package of ``root`` is invalid
            (:func:`numclaims.evidence.load_reference`).
    """
    if not items:
        return []
    P = _Props(text, kinds)
    by_start = {it.mention.start: it for it in items}
    periods = {it.id: ("date" if it.unit == "date" else "duration" if it.mention.kind == "duration" else "")
               for it in items}
    years = {}
    for it in items:
        y = re.search(r"\b(1[89]\d\d|20\d\d)\b", it.mention.text) if it.unit == "date" else None
        if y:
            years[it.id] = int(y.group(1))
        iso = re.fullmatch(r"((\d{4})-\d\d-\d\d)/((\d{4})-\d\d-\d\d)", it.period or "")
        if iso:
            # a period written inline: a date when it is one day, one calendar month or one calendar year
            # ("in 2013", "on September 22"), else a stretch of time ("in the past two years"); dated to its
            # year when it holds one year only
            s_, e_ = iso[1], iso[3]
            whole = s_ == e_ or (s_[5:] == "01-01" and e_[5:] == "12-31" and iso[2] == iso[4]) or \
                (s_[8:] == "01" and s_[:7] == e_[:7] and dt.date.fromisoformat(e_) + dt.timedelta(days=1) ==
                 _next_month(dt.date.fromisoformat(s_)))
            periods[it.period] = "date" if whole else "duration"
            if iso[2] == iso[4]:
                years[it.period] = int(iso[2])
    same_sent = lambda a, b: a.sent == b.sent  # noqa: E731
    # a part and its total with the share set off after the part: a ratio, no share of the total besides
    valued = [it for it in items if it.value is not None and it.unit != "date"]
    restated = _restated_quotient(P, valued, text)
    # a share with its part after "or" ("45 percent or 1,080"): of its total, with that part
    restated |= _share_then_part(P, [it for it in valued if it.id not in restated], text, by_start)
    # shares and fractions of a total
    for it in items:
        m = it.mention
        if it.id in restated:
            continue
        # "up 10 percent on the 190 arrests": the size of a change, not a share of the 190
        base = by_start.get(m.of[0]) if m.of else _possessive_base(text, it, items)
        if it.unit in ("percent", "fraction") and base is not None and change_cue(text, m, it.sent[0]) is None:
            tot = base
            if not _persons_like(tot.unit) or _STARTING_FIGURE.search(text, it.sent[0], m.start):
                continue
            if not re.match(r"\s+of\b", text[m.end:m.end + 8]) and \
                    _share_apposed(text, tot, [o for o in items if o is not it]):
                # "Some 1,124 people, about a third of the total, ..., and one in 14, or 244 people": the
                # count before, given with its own share, is a part of the total; a share that names no base
                # after it is of that total (which has no figure here), not of the part
                continue
            if re.search(r"[\t|]", text[tot.mention.end:m.start]):
                continue  # "North\t1,020\t51%": cells of a table row, the share is of the column's whole
            # "864 of them, or 31 percent", "Of these 2,500 (25%)": 864 is the part; the whole is the count
            # "them"/"these" stands for, the nearest larger count before it. "About 23,000 of the parcels, or
            # 45 percent": 23,000 is the part; the whole is the count of parcels named before it. None found:
            # no proposal rather than the part taken as the whole
            ap = _APPOSITION.match(text, tot.mention.end, m.start)
            them = ap is None and (_ANAPHORIC_PART.match(text, tot.mention.end, m.start) is not None or (
                _ANAPHORIC_OPENING.search(text, max(it.sent[0], tot.mention.start - 24), tot.mention.start)
                is not None and _BRACKETED_SHARE.match(text, tot.mention.end, m.start) is not None))
            if ap is not None or them:
                noun = _stem(ap.group(1)) if ap is not None else None
                wholes = [o for o in items if _persons_like(o.unit) and o.value is not None and
                          o.mention.end <= tot.mention.start and not age_bound(text, o.mention) and
                          (o.para <= tot.para if ap is not None else o.para in (tot.para, tot.para - 1)) and
                          (noun is None or noun in {_stem(k) for k in o.keys}) and
                          (tot.value is None and ap is not None or tot.value is not None and o.value > tot.value)]
                if wholes and it.unit == "percent":
                    w = wholes[-1]
                    how = "of a total named before" if ap is not None else "of the total it refers to"
                    P.add("share_of_total", f"{it.id}-of-{w.id}", {"share": it.id, "total": w.id, "part": tot.id},
                          f"a part and its share (\u201c{_excerpt(text, tot.mention, m)}\u201d) {how}: "
                          f"\u201c{w.mention.text}\u201d")
                continue
            # "cancelled 4,210 services ..., 2.8 percent of those scheduled": "those" with a participle is
            # the set the participle names (the count whose measure has it: "148,600 services Westlink
            # scheduled"), not the count before; that count is the part. No such count: no proposal
            pt = re.match(r"\s+of\s+(?:those|these|all\s+those)\s+([a-z]+ed)\b", text[m.end:it.sent[1]]) \
                if tot.mention.end <= m.start and it.unit == "percent" else None
            if pt is not None:
                verb = _stem(pt.group(1))
                named = [o for o in items if _persons_like(o.unit) and o.value is not None and tot.value is not None and
                         o.value > tot.value and o.para <= it.para and o.mention.end <= m.start and
                         verb in {_stem(k) for k in o.keys}]
                if named:
                    w = named[-1]
                    P.add("share_of_total", f"{it.id}-of-{w.id}", {"share": it.id, "total": w.id, "part": tot.id},
                          f"a part and its share (\u201c{_excerpt(text, tot.mention, m)}\u201d) of the set "
                          f"\u201c{pt.group(1)}\u201d names: \u201c{w.mention.text}\u201d")
                continue
            named_base = re.match(r"\s+of\s+(?:them|these|those|whom)\b", text[m.end:it.sent[1]]) \
                if tot.mention.end <= m.start else re.match(r"\s+of\b", text[m.end:tot.mention.start])
            if not named_base and tot.mention.end <= m.start and \
                    _OPENING_TOTAL.fullmatch(text, it.sent[0], tot.mention.start) and \
                    re.fullmatch(r"[^,;]{0,60},\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?",
                                 text[tot.mention.end:m.start]):
                # "Of the 2,000 households in the district, 42 percent were flooded": the total the sentence
                # opens with is the share's base, named as plainly as "42 percent of the 2,000"
                named_base = True
            if it.unit == "percent" and not named_base:
                # "the province's 12 education districts, with 90.4 percent": a rate of each district, not a
                # share of the 12; a share is of the count only when the text makes it the base ("42 percent
                # of the 2,000", "55 percent of them", "864 of them, or 31 percent" above)
                continue
            if it.unit == "percent":
                # "14 percent of Bristol's 472,000 residents - roughly 66,000 people": the count set off
                # after the base is the part
                after = [o for o in items if same_sent(o, it) and o.mention.start > tot.mention.end]
                part = after[0] if after and _persons_like(after[0].unit) and re.fullmatch(
                    r"\s+[\w'’ -]{0,40}?\s*[–—-]\s*(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+)?",
                    text[tot.mention.end:after[0].mention.start]) else None
                if part is None and m.qualifier == "approximately":
                    # "about 40 per cent of them" with no count of the part: the share alone tests only that
                    # some whole count of the 1,150 gives it, which a hedged share always has (its reading
                    # is wider than one count's step), so the check could never fail: no proposal
                    continue
                fields = {"share": it.id, "total": tot.id, **({"part": part.id} if part else {})}
                P.add("share_of_total", f"{it.id}-of-{tot.id}", fields,
                      f"a share and its base: \u201c{_excerpt(text, m, *(x.mention for x in (tot, part) if x))}\u201d")
            elif not _other_noun(text, it, tot):
                # "Some 9,800 learners ... have applied, ..., about a quarter of the 41,300": the fraction
                # of the figure after it restates the other count before it in its sentence, its `compare`
                # (without one the check is unverifiable: docs/check-kinds.md); "over 4,500 women ... and
                # three quarters are minors" names no such count ("As many as 1,600" is another estimate)
                said = sorted((o for o in items if same_sent(o, it) and o is not tot and _same_unit(o, tot) and
                               o.value is not None and tot.value is not None and o.value < tot.value and
                               o.mention.end <= m.start and m.end <= tot.mention.start),
                              key=lambda o: m.start - o.mention.end)
                if not said:
                    # "a quarter of them, 300", "a third of the 900 seats, or 300": the count set off right
                    # after the fraction (or after its whole) is the part it gives
                    start = max(m.end, tot.mention.end)
                    nxt = next((o for o in items if same_sent(o, it) and o.mention.start >= start), None)
                    if nxt is not None and nxt is not tot and _same_unit(nxt, tot) and nxt.value is not None and \
                            tot.value is not None and nxt.value < tot.value and _SET_OFF_PART.fullmatch(
                                text, start, nxt.mention.start):
                        said = [nxt]
                extra = {"compare": said[0].id, "relation": "eq"} if said else {}
                P.add("fraction_of", f"{it.id}-of-{tot.id}", {"fraction": it.id, "whole": tot.id, **extra},
                      f"a fraction of a total: \u201c{_excerpt(text, tot.mention, m)}\u201d" +
                      (f", against \u201c{said[0].mention.text}\u201d" if said else ""))
    # "11,200 people, or 42 percent of arrivals", "Children made up 31 percent of all patients": a share of
    # a noun with no number after it
    for it in items:
        if it.unit != "percent" or it.mention.of or change_cue(text, it.mention, it.sent[0]) is not None or \
                it.id in restated:
            continue
        share_of_named(P, it, items, text)
        amount_share_of_named(P, it, items, text)
    for it in items:
        if it.unit == "percent" and it.id not in restated:
            share_out_of(P, it, items, text)
            share_of_capacity(P, it, items, text)
        if it.unit in ("percent", "fraction") and it.id not in restated:
            share_of_those(P, it, items, text)
        amount_per_named(P, it, items, text)
    # a rate and a duration next to a total
    amassed: list[tuple[Item, Item, Item]] = []
    for r in items:
        if r.per is None or r.value is None:
            continue
        near = [o for o in items if o is not r and o.para == r.para and abs(o.mention.start - r.mention.start) < 300]
        durs = [o for o in near if o.unit in ("years", "months", "weeks", "days") and o.mention.kind == "duration"
                and not personal_duration(text, o.mention, o.sent[0])]  # "who has run the port for 12 years"
        tots = [o for o in near if o.unit == r.unit and o.per is None]
        if not (durs and tots):
            # "38 patients a day in June." then, in the next paragraph, "Over the 30 days of June, ... admitted
            # 1,410 patients": a duration in the rate's own base and a total in one sentence of the next one
            nxt = [o for o in items if o.para == r.para + 1 and o.mention.start - r.mention.end < 400]
            durs = [o for o in nxt if o.mention.kind == "duration" and o.unit == f"{r.per}s"]
            tots = [o for o in nxt if o.per is None and o.value is not None and o.unit == r.unit and
                    any(d.sent == o.sent for d in durs)]
            durs = [d for d in durs if any(d.sent == o.sent for o in tots)]
        if durs and tots:
            d = min(durs, key=lambda o: abs(o.mention.start - r.mention.start))
            t = min(tots, key=lambda o: abs(o.mention.start - r.mention.start))
            P.add("rate_duration", f"{r.id}-times-{d.id}", {"rate": r.id, "duration": d.id, "total": t.id},
                  f"a rate and a duration next to a total: \u201c{_excerpt(text, r.mention, d.mention, t.mention)}\u201d")
            amassed.append((r, d, t))
    # parts next to a total; an age bound ("children under 15", "aged 65 or over") is no count of its own
    # (a quantity in tonnes or hectares adds up, holds parts and is estimated like a count: the relations
    # below relate figures of one unit only, and two figures sharing only a unit of measure are no agreement)
    counts = [it for it in items if _quantity_like(it.unit) and it.value is not None and
              it.mention.qualifier != "range" and not age_bound(text, it.mention) and
              not _THRESHOLD.match(text, it.mention.end)]
    amounts = [it for it in counts if not _no_amount(text, it)]
    def coordinated(x: Item, y: Item) -> bool:
        """Whether count ``y`` follows count ``x`` as the next of coordinated parts (``x`` not the total a
        sentence opens with: "Of the 4,120 dead, 1,730 ...")."""
        return same_sent(x, y) and _same_unit(x, y) and x.mention.end < y.mention.start and \
            not _OPENING_TOTAL.fullmatch(text, x.sent[0], x.mention.start) and bool(_PART_GAP.fullmatch(
            text, x.mention.end, y.mention.start) or _gapped(text, x, y) or
            _SUBJECT_GAP.fullmatch(text, x.mention.end, y.mention.start) or
            _AGAINST_GAP.fullmatch(text, x.mention.end, y.mention.start))

    # amounts of money add up like counts: "Of the €312 million, €141 million goes to housing, €88 million to
    # roads ... and €67 million to ..., while the remaining €26 million covers ..."
    summable = sorted(counts + [it for it in items if it.unit in CURRENCIES and it.per is None and
                                it.value is not None], key=lambda it: it.mention.start)
    for i, a in enumerate(summable):
        group = [a]
        for b in summable[i + 1:]:
            if coordinated(group[-1], b):
                group.append(b)
            else:
                break
        # only the whole run of parts, never its tail
        if len(group) < 2 or (i > 0 and coordinated(summable[i - 1], a)):
            continue
        # a run joined by subjects alone ("£41.5m, matchday income £23.9m and commercial deals £19.7m") is a
        # list of parts from three on; two ("Operating profit was $21m, net profit $9m") are as often a
        # contrast of two measures
        if len(group) < 3 and not any(_PART_GAP.fullmatch(text, x.mention.end, y.mention.start) or _gapped(text, x, y)
                                      for x, y in zip(group, group[1:])):
            continue
        # "won with 21,450 votes, against 17,980 for ... and 5,870 for ...": "against" sets one part beside
        # the others of a list of three or more; two ("a loss of £14.2m, against £6.8m a year earlier") are
        # two figures compared, no parts
        if len(group) < 3 and _AGAINST_GAP.fullmatch(text, group[0].mention.end, group[1].mention.start):
            continue
        if _AGAINST_GAP.fullmatch(text, group[0].mention.end, group[1].mention.start) and \
                _WON_WITH.search(text, group[0].sent[0], group[0].mention.start):
            # "Okafor won with 21,450 votes, against 17,980 for ...": the winner's count is larger than the
            # next one set against it
            P.add("comparison", f"{group[0].id}-above-{group[1].id}",
                  {"a": group[0].id, "b": group[1].id, "relation": "gt"},
                  f"a winner's figure set against another (\u201cagainst\u201d): \u201c"
                  f"{_excerpt(text, group[0].mention, group[1].mention)}\u201d")
        _rest_of_list(P, group, summable, text)
        last = group[-1].mention
        total = None
        for o in summable:
            if o in group or not same_sent(o, a):
                continue
            if o.mention.start > last.end and re.search(r"\b(?:of|out of|a total of|totall?ing|in all|in total)\s+(?:the\s+)?$",
                                                          text[last.end:o.mention.start][-20:]):
                total = (o, "parts next to a total")
                break
        if total is None:
            # "Of the 4,120 dead, 1,730 were pedestrians and ...": the count the sentence opens with
            lead = [o for o in summable if o not in group and same_sent(o, a) and o.mention.end <= a.mention.start and
                    _OPENING_TOTAL.fullmatch(text, a.sent[0], o.mention.start)]
            # only a list that says it holds every part (:func:`_list_is_whole`) or whose parts add up to
            # it: "Of the 300 crashes, 120 were cyclists and 90 were pedestrians" leaves the other 90
            # crashes unsaid, and a sum would call the correct sentence inconsistent
            if lead and (sum(g.value for g in group) == lead[0].value or _list_is_whole(text, group)):
                total = (lead[0], "parts of the total the sentence opens with")
        if total is None:
            # "4,210 cancellations: 1,870 to signal faults, 1,460 to staff shortages and 980 to other causes"
            lead = [o for o in summable if o not in group and same_sent(o, a) and o.mention.end <= a.mention.start and
                    _same_unit(o, a) and _COLON_TOTAL.fullmatch(text, o.mention.end, a.mention.start)]
            # "The 1,250 layoffs will come in two rounds: 700 in January and the remaining 450": the total
            # is the count that can hold the parts, not the "two" of the words before the colon
            lead = [o for o in lead if o.value >= max(g.value for g in group)]
            if lead:
                total = (lead[-1], "parts listed after a total and a colon")
        if total is None and _EXHAUSTIVE.search(text, group[-2].mention.end, group[-1].sent[1]):
            # "The operator cancelled 4,210 services ... . Staff shortages accounted for 1,870 cancellations,
            # infrastructure faults for 1,460 and weather and other causes for 980": the parts of a list
            # that says it holds every other one, of the total of their unit in the sentence before (of
            # its paragraph), a word of whose measure (first five letters) the parts' sentence uses
            prev = [o for o in summable if o.para == a.para and o.sent[1] <= a.sent[0] and _same_unit(o, a) and
                    o.value >= max(g.value for g in group)]
            words = _stems5(text[a.sent[0]:a.sent[1]])
            if prev and prev[-1].sent == max(o.sent for o in prev) and _stems5(prev[-1].what) & words and \
                    not any(o.sent == prev[-1].sent and o is not prev[-1] and _same_unit(o, a) for o in summable):
                total = (prev[-1], "parts of a list that holds every other one, of the total of the sentence before")
        if total is None:
            # "... ophthalmology, with 9,800, and ear, nose and throat, with 6,300. Together they make up
            # 30,200 patients.": the count the next sentence says the parts make up together
            nxt = [o for o in summable if o not in group and o.para == a.para and o.sent[0] >= group[-1].sent[1]
                   and _same_unit(o, a)]
            if nxt and _TOGETHER.match(text, nxt[0].sent[0], nxt[0].mention.start) and \
                    not any(_TOGETHER.match(text, g.sent[0], g.mention.start) for g in group):
                total = (nxt[0], "parts the next sentence says make up a total together")
        if total is None:
            s = sum(g.value for g in group)
            eq = sorted((o for o in summable if o not in group and o.value == s and _same_unit(o, a)),
                        key=lambda o: (o.para != a.para, abs(o.mention.start - a.mention.start)))
            if eq:
                total = (eq[0], "parts that add up to a figure of the article "
                         f"({' + '.join(f'{g.value:,.0f}' for g in group)} = {s:,.0f})")
        if total is not None:
            t, why = total
            P.add("sum", f"{'-'.join(g.id for g in group[:2])}-sum-{t.id}",
                  {"parts": [g.id for g in group], "total": t.id},
                  f"{why}: \u201c{_excerpt(text, *(g.mention for g in group))}\u201d and \u201c{t.mention.text}\u201d")
    listed = _list_relations(P, items, counts, text)
    # "has set aside KSh 65 million ... pledged a further KSh 20 million, bringing dengue funding ... to KSh 85
    # million": the figure before, the further one and the total they bring it to
    for it in items:
        if it.value is None or it.unit == "date" or it.mention.kind == "duration":
            continue
        if not re.search(r"\b(?:a\s+further|another|an\s+additional|an\s+extra)\s+(?:[A-Za-z]+\s+)?\Z",
                         text[max(it.sent[0], it.mention.start - 24):it.mention.start]):
            continue
        tot = next((o for o in items if o.sent == it.sent and o.mention.start > it.mention.end and _same_unit(o, it)
                    and o.value is not None and re.fullmatch(r",?\s+(?:bringing|taking|raising|lifting)\b[^.;]{0,60}?"
                                                             r"\bto\s+(?:about\s+|around\s+|some\s+)?(?:[A-Za-z]{1,4}\s+)?",
                                                             text[it.mention.end:o.mention.start])), None)
        before = [o for o in items if o.para == it.para and o.mention.end <= it.mention.start and _same_unit(o, it)
                  and o.value is not None and o.mention.kind != "duration" and (tot is None or o.value < tot.value)]
        if tot is not None and before:
            first = before[-1]
            P.add("sum", f"{first.id}-{it.id}-sum-{tot.id}", {"parts": [first.id, it.id], "total": tot.id},
                  f"a further figure bringing the total to another: \u201c{first.mention.text}\u201d + "
                  f"\u201c{it.mention.text}\u201d = \u201c{tot.mention.text}\u201d")
    # "In September alone, 5,240 people arrived": a part of the larger figure of the same measure before it
    for it in counts:
        if not re.search(r"\b(?:in|during|on|over)\s+[^,.;]{1,30}?\s+alone\s*,\s*\Z", text[it.sent[0]:it.mention.start],
                         re.I):
            continue
        wholes = [o for o in counts if o.mention.region == "body" and o.mention.end <= it.sent[0] and
                  o.para <= it.para and _same_unit(o, it) and o.value > it.value and o.keys & it.keys]
        if wholes:
            w = max(wholes, key=lambda o: (o.value, -o.mention.start))
            P.add("part_whole", f"{it.id}-within-{w.id}", {"part": it.id, "whole": w.id},
                  f"part of a whole (\u201calone\u201d): \u201c{_excerpt(text, it.mention)}\u201d within "
                  f"\u201c{w.mention.text}\u201d")
    # part/whole from the words: among, including, of them, of the N
    for it in counts:
        m = it.mention
        s0, s1 = it.sent
        after = text[m.end:s1]
        before = text[s0:m.start]
        whole = None
        cue = None
        ma = re.match(r"\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:were|are|was|is)\s+among\s+(?:those|the|them)\b\s*(\w*)", after)
        if ma:
            cue = "among"
            prev = [o for o in items if o.para in (it.para, it.para - 1) and o.mention.start < m.start and o.value
                    and o.unit == it.unit and it.value is not None and o.value > it.value]
            named = [o for o in prev if ma.group(1) and ma.group(1).lower() in o.what.lower().split()]
            whole = (named or prev or [None])[-1]
        elif re.search(r"\bincluding\s+(?:at least\s+|some\s+|about\s+)?$", before):
            cue = "including"
            prev = [o for o in counts if same_sent(o, it) and o.mention.start < m.start]
            whole = prev[-1] if prev else None
        elif (lead := [o for o in counts if same_sent(o, it) and o.mention.end <= m.start and
                       _OPENING_TOTAL.fullmatch(text, s0, o.mention.start) and
                       re.fullmatch(r"[^,;]{0,60},\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?",
                                    text[o.mention.end:m.start])]) and \
                not any(coordinated(it, o) for o in counts):
            # "Of the 1,200 surveyed, 540 said ...": one part of the total the sentence opens with (a run
            # of parts is a sum, above)
            cue, whole = "of the", lead[0]
        elif re.match(r"\s+of\s+(?:them|whom|those)\b", after):
            cue = "of them"
            prev = [o for o in counts if o.para == it.para and o.mention.start < m.start]
            whole = prev[-1] if prev else None
        else:
            mo = re.match(r"\s+of\s+(?:the|all|these|those|her|his|its|their|our)\s+", text[m.end:m.end + 16])
            nxt = [o for o in counts if o.mention.start > m.end and same_sent(o, it)]
            if mo and nxt and nxt[0].mention.start <= m.end + len(mo.group(0)):
                cue, whole = "of the", nxt[0]
        if whole is not None and whole is not it and _counts_households(it) == _counts_households(whole):
            P.add("part_whole", f"{it.id}-within-{whole.id}", {"part": it.id, "whole": whole.id},
                  f"part of a whole (\u201c{cue}\u201d): \u201c{_excerpt(text, m)}\u201d within \u201c{whole.mention.text}\u201d")
    _remaining_part(P, counts, text)
    # estimates of one measure from different sources; the parts and the total of a sum proposed above are
    # measures of their own ("pulping, with 190 jobs", "Together they make up 370 jobs": a department's jobs
    # and three departments' jobs, no estimates of the 420 jobs cut)
    summed = {x for p in P.out if p.kind == "sum" for x in [*p.fields["parts"], p.fields["total"]]}
    # a part proposed within a whole ("760 people sleeping outside, including 120 children") counts a
    # sub-population of that whole: an estimate of the same measure only as another part of the same whole
    part_of = {p.fields["part"]: p.fields["whole"] for p in P.out if p.kind == "part_whole"}
    agreed: set[frozenset[str]] = set()
    for i, a in enumerate(amounts):
        for b in amounts[i + 1:]:
            if not _same_unit(a, b) or not a.who or not b.who or a.who == b.who or a.where != b.where or \
                    _contrasted(a, b) or part_of.get(a.id) != part_of.get(b.id):
                continue
            # in one sentence, a contrast between the two and either a word of the measure in common or the
            # second said to be an estimate ("according to one NGO, while another NGO has estimated that")
            between = text[a.mention.end:b.mention.start]
            close = same_sent(a, b) and re.search(r"\b(?:while|whereas|but|another|other)\b", between) and \
                bool((a.keys & b.keys) - MEASURE_UNIT_NOUNS or re.search(r"\bestimat\w*\b", between))
            # apart: the same head noun and the same participles ("people trafficked"; not "people
            # rescued" and "people who live in the port")
            apart = not same_sent(a, b) and _head(a) == _head(b) and _participles(a) == _participles(b) and \
                _one_measure(a, b) and not (a.id in listed or b.id in listed) and \
                _restricted(text, a) == _restricted(text, b) and not (a.id in summed or b.id in summed) and \
                not (_other_measure(text, a, items) or _other_measure(text, b, items)) and \
                not (_share_apposed(text, a, items) or _share_apposed(text, b, items))
            if close or apart:
                agreed.add(frozenset((a.id, b.id)))
                P.add("agreement", f"{a.id}-vs-{b.id}", {"a": a.id, "b": b.id},
                      f"estimates of one measure from different sources ({a.who}; {b.who}): "
                      f"\u201c{a.mention.text}\u201d and \u201c{b.mention.text}\u201d")
    # two sources valuing one thing they name, in one paragraph or the next, amounts of money too ("The
    # council estimates the cost of the road repairs at 4 million dollars. The Highways Agency put the repairs
    # at about 4.2 million dollars")
    valued = [it for it in amounts + [o for o in items if o.unit in CURRENCIES and o.per is None]
              if it.value is not None and _valued_as(text, it)]
    for i, a in enumerate(valued):
        for b in valued[i + 1:]:
            if a.who and b.who and a.who != b.who and a.where == b.where and abs(a.para - b.para) <= 1 and \
                    frozenset((a.id, b.id)) not in agreed and part_of.get(a.id) == part_of.get(b.id) and \
                    _valued_as(text, a) & _valued_as(text, b) and _one_measure(a, b, named=True):
                agreed.add(frozenset((a.id, b.id)))
                P.add("agreement", f"{a.id}-vs-{b.id}", {"a": a.id, "b": b.id},
                      f"estimates of one measure from different sources ({a.who}; {b.who}): "
                      f"\u201c{a.mention.text}\u201d and \u201c{b.mention.text}\u201d")
    # the headline's figure against the body's: the body count of the same unit nearest in value (within a
    # factor 1.5), one of the same value first, then those sharing a word of the measure ("Over 200" and "at
    # least 234")
    for h in counts:
        if h.mention.region != "headline" or h.value is None or h.value <= 0:
            continue
        # of one measure: a body figure of the same unit, no rate or average read as an amount ("more than
        # 4,300 a year" on average); those sharing a word of the measure first
        body = [o for o in counts if o.mention.region == "body" and _same_unit(o, h) and o.value
                and 1 / 1.5 <= o.value / h.value <= 1.5 and not _no_amount(text, o)]
        # "Clinic Visits Top 2,000" and "We treated 1,900 patients": another noun, no word of the headline in
        # the measure, is another measure, not the headline's figure restated ("Peru Rescues Over 200
        # 'Trafficking Victims'" and "rescued at least 234 women" share "rescu"), even at the headline's very
        # value ("Wait list shrinks to 3,400" is not "It employs 3,400 staff") ...
        head_words = _stems5(text[h.sent[0]:h.sent[1]])
        body = [o for o in body if o.keys & h.keys or head_words & _stems5(o.what) or
                len((head_words & _stems5(text[o.sent[0]:o.mention.start])) - _COMMON_STEMS) >= 2 or
                o.value == h.value and (head_words & _stems5(text[o.sent[0]:o.sent[1]])) - _COMMON_STEMS]
        # ... unless the body figure's sentence, up to the figure, shares two words with the headline:
        # "Northmoor hospitals' waiting list tops 64,000" and "The number of patients waiting for planned
        # hospital treatment at Northmoor ... reached 64,200" ("north", "hospi", "waiti"), or, at the
        # headline's value, one word anywhere ("leaving 6.6 million short of food" and "6.6 million people
        # ... will need food aid")
        if body:
            # a body figure of the headline's very value first ("Plant to keep 1,350 staff" and "1,350 will be
            # kept on", not the "1,800 staff" the 1,350 are of)
            b = min(body, key=lambda o: (o.value != h.value, not (o.keys & h.keys), abs(o.value - h.value),
                                         o.mention.start))
            agreed.add(frozenset((h.id, b.id)))
            P.add("agreement", f"{h.id}-vs-{b.id}", {"a": h.id, "b": b.id},
                  f"the headline's figure and the body's: \u201c{h.mention.text}\u201d and \u201c{b.mention.text}\u201d")
    def whole_in_time(a: Item, b: Item) -> bool:
        """Whether whole ``b`` may hold part ``a`` in time: a whole dated to one year or day is a figure of
        its own time, not a total over others (nor one of no known time, when the part has one), and a
        whole of another time holds no part of this one (H1 2024 cases in the country's 2023 total)."""
        if b.period and periods.get(b.period) == "date" or (a.period and not b.period) or (
                a.period and b.period and periods.get(a.period) == "duration" and a.period != b.period):
            return False
        return not _disjoint(a.period, b.period)

    # part/whole from the measures: a smaller count of the same thing in the same place
    for a in amounts:
        for b in amounts:
            if a is b or not _same_unit(a, b) or a.value is None or b.value is None or a.value >= b.value:
                continue
            # the same participles ("people rescued" is no part of "people live on the docks")
            if frozenset((a.id, b.id)) in agreed or not (a.keys & b.keys) or _participles(a) != _participles(b) or \
                    _contrasted(a, b):
                continue
            # "240 matriculants" (of whom 212 passed) is no part of "82,990 passed": a whole whose measure is
            # a participle alone holds no part that names a noun of its own
            if _head(b) in _participles(b) and _head(a) not in _participles(a):
                continue
            # a headline figure that restates a body figure relates through it
            if any(x.mention.region == "headline" and any(x.id in pair for pair in agreed) for x in (a, b)):
                continue
            # the same head noun in a place that may hold the part ("Peru" names no finer place than
            # "Madre de Dios, Peru"), or only a shared participle in a place within the whole's
            same_head = _head(a) is not None and _head(a) == _head(b)
            placed = _place_within(a.where, b.where) or (same_head and _same_country(a.where, b.where))
            if not placed or same_sent(a, b) or not whole_in_time(a, b):
                continue
            shared = ", ".join(sorted(a.keys & b.keys))
            P.add("part_whole", f"{a.id}-within-{b.id}", {"part": a.id, "whole": b.id},
                  f"a smaller count of the same measure ({shared}) in {a.where or 'the same place'}: "
                  f"\u201c{a.mention.text}\u201d and \u201c{b.mention.text}\u201d")
    # "300 women" within "1,600 adolescents and adults": a smaller count of a group the larger one's holds
    # (numclaims.vocabulary.GROUP_MEMBERS), in a place that can hold it, with no other participle
    for a in amounts:
        ga = _head(a)
        if ga not in GROUP_MEMBERS["people"] or a.value is None:
            continue
        for b in amounts:
            gb = _groups(b.what) if b.value is not None else set()
            if a is b or ga in gb or not any(ga in GROUP_MEMBERS[g] for g in gb) or a.value >= b.value or \
                    not _same_unit(a, b) or same_sent(a, b) or frozenset((a.id, b.id)) in agreed:
                continue
            pa, pb = _participles(a), _participles(b)
            if pa and pb and not pa & pb or _no_amount(text, a) or _no_amount(text, b):
                continue  # "women rescued" is no part of "adults arrested"
            if any(x.mention.region == "headline" for x in (a, b)) or not whole_in_time(a, b) or not (
                    _place_within(a.where, b.where) or _same_country(a.where, b.where)):
                continue
            P.add("part_whole", f"{a.id}-within-{b.id}", {"part": a.id, "whole": b.id},
                  f"a smaller count of a group the larger one holds ({ga} among {' and '.join(sorted(gb))}) in "
                  f"{b.where}: \u201c{a.mention.text}\u201d and \u201c{b.mention.text}\u201d")
    # "Of the victims rescued in the two years up to June 2013, 42 percent were minors": a share whose base
    # is a count named before, in this paragraph or the one before it
    for it in items:
        m = it.mention
        if it.unit != "percent" or (m.of and m.of[0] in by_start) or change_cue(text, m, it.sent[0]) is not None:
            continue
        mo = re.match(r"\s*(?:Of|Among)\s+(?:the|these|those|all)\s+([a-z]+)\b[^.;]*?,\s*$", text[it.sent[0]:m.start])
        if not mo:
            continue
        noun = _stem(mo.group(1))
        base = [o for o in counts if _persons_like(o.unit) and o.mention.start < it.sent[0] and o.para in (it.para, it.para - 1)
                and o.mention.region == "body" and noun in {_stem(k) for k in o.keys}]
        if base:
            tot = base[-1]
            P.add("share_of_total", f"{it.id}-of-{tot.id}", {"share": it.id, "total": tot.id},
                  f"a share of a count named before (\u201c{mo.group(0).strip()}\u201d): \u201c{m.text}\u201d "
                  f"of \u201c{tot.mention.text}\u201d")
    # comparisons, changes, complements (kinds of the relations module, proposed when registered)
    figures = [it for it in items if it.value is not None and it.unit not in ("date",)]
    _ranking(P, figures, text)
    # "have fallen ... from 11,510 in the first half of 2011 to 9,433 in the first half of 2013"
    for a in figures:
        for b in figures:
            if a is b or not same_sent(a, b) or a.unit != b.unit or not (a.mention.end < b.mention.start):
                continue
            between = text[a.mention.end:b.mention.start]
            before = text[a.sent[0]:a.mention.start]
            mv = re.search(r"\b(" + _CHANGE_VERB + r")\b[^.;]*\bfrom\s+(?:around\s+|about\s+|some\s+)?$", before)
            if mv and re.fullmatch(r"[^.;]*?\bto\s+(?:around\s+|about\s+|some\s+)?", between) and \
                    not any(o.mention.start > a.mention.end and o.mention.end < b.mention.start and o.unit == a.unit
                            for o in figures):
                rel = "lt" if falls(mv.group(1)) else "gt"
                P.add("comparison", f"{b.id}-{rel}-{a.id}", {"a": b.id, "b": a.id, "relation": rel},
                      f"a change from one figure to another (\u201c{mv.group(1)} ... from {a.mention.text} to "
                      f"{b.mention.text}\u201d)")
    for it in figures:
        m = it.mention
        before = text[it.sent[0]:m.start]
        mc = re.search(r"\b(higher|greater|larger|more|bigger|lower|fewer|less|smaller)\s+than\s+(?:the\s+|that\s+of\s+)?$",
                       before[-40:])
        if mc and it.unit != "ratio":
            earlier = [o for o in figures if same_sent(o, it) and o.mention.start < m.start and o.unit == it.unit
                       and o.mention.kind != "ratio"]
            if earlier:
                a = earlier[-1]
                rel = "gt" if mc.group(1) in ("higher", "greater", "larger", "more", "bigger") else "lt"
                P.add("comparison", f"{a.id}-{rel}-{it.id}", {"a": a.id, "b": it.id, "relation": rel},
                      f"a comparison (\u201c{mc.group(0).strip()}\u201d): \u201c{a.mention.text}\u201d and \u201c{m.text}\u201d")
        if it.unit == "ratio":
            nxt = [o for o in figures if same_sent(o, it) and o.mention.start > m.end and o.unit != "ratio"]
            prev = [o for o in figures if same_sent(o, it) and o.mention.start < m.start and o.unit != "ratio"]
            # "900 in 2013, more than 10 times higher than in 2005, when 80 were reported", "more than 10
            # times the 2005 figure": the figure of that year, the one after ", when" or one dated to it
            my = re.match(r"\s+(?:(?:higher|more|greater|larger|bigger)\s+)?(?:than\s+)?(?:(?:in|that\s+of|the)\s+)?"
                          r"(1[89]\d\d|20\d\d)\b(?:\s+(?:figure|level|total|number)s?)?", text[m.end:it.sent[1]])
            if my and prev:
                y, ye = int(my.group(1)), m.end + my.end()
                when = [o for o in nxt if re.fullmatch(r",\s+when\s+(?:only\s+|about\s+|around\s+)?",
                                                       text[ye:o.mention.start])]
                dated = [o for o in figures if o.para == it.para and o is not prev[-1] and o.unit == prev[-1].unit
                         and years.get(o.period or "") == y and o.keys & prev[-1].keys]
                if when[:1] or dated[:1]:
                    nxt = (when or dated)[:1]
            # the subject is the nearest figure before of the base's unit ("95 mm of rain in 48 hours, more
            # than double the 40 mm": the 95 mm, not the 48 hours); none: no comparison
            # a figure compared with ("higher than the 1,290 recorded in 2019, and more than double the 702")
            # is an object of its sentence, never the subject of the multiple: without another, no comparison
            same = [o for o in prev if nxt and _same_unit(o, nxt[0]) and not _is_base(text, o)]
            if nxt and same and (my or _MULTIPLE_BASE.fullmatch(text, m.end, nxt[0].mention.start)):
                a, b = _first_statement(same[-1], figures, text), nxt[0]
                # the multiple is a claim of its own: its words ("more than triple") carry the relation
                P.add("comparison", f"{a.id}-vs-{b.id}-times", {"a": a.id, "b": b.id, "relation": "eq",
                                                               "times": it.id},
                      f"a multiple (\u201c{m.text}\u201d): \u201c{a.mention.text}\u201d against \u201c{b.mention.text}\u201d")
        # "38 percent of them were in work, up from 24 percent in 2022", "open five days a week, up from two
        # in 2023": the later figure above the earlier, in one unit
        # (a date between is the later figure's: "3,900 households ... in October, up from 3,450")
        nxt = [o for o in items if same_sent(o, it) and o.mention.start > m.end and o.unit != "date"]
        mu = re.fullmatch(r"[^.;]{0,80}?,\s+(up|down)\s+from\s+(?:around\s+|about\s+|some\s+)?",
                          text[m.end:nxt[0].mention.start]) if nxt and it.unit != "date" else None
        later_fig = it
        if mu and not _same_unit(nxt[0], it):
            # "rose to 350 kwacha for a 25 kg bag in May, up from 210 kwacha": a figure of another unit (the
            # bag's 25 kg) stands before "up from"; the later figure is the nearest earlier one of its unit
            # with a word of its measure (kwacha)
            named = [o for o in items if same_sent(o, it) and o.mention.start < m.start and o.keys & nxt[0].keys
                     and _same_unit(o, nxt[0])]
            later_fig = named[-1] if named else None
        elif mu and nxt[0].keys and not (it.keys & nxt[0].keys):
            # "rose to 350 kwacha for a 25 kg bag in May, up from 210 kwacha": the later figure is the one of
            # what the earlier counts (kwacha), not the nearest number (the bag's 25 kg)
            named = [o for o in items if same_sent(o, it) and o.mention.start < m.start and o.keys & nxt[0].keys
                     and _same_unit(o, nxt[0])]
            later_fig = named[-1] if named else None
        if mu and later_fig is it:
            # "Fewer than 47,000 of the city's 124,500 registered voters cast a ballot, down from 52,300": the
            # figure a partitive "of the (X's)" sets after the part is the base the part is counted in, not
            # what went down; the part before it is (docs/drafting.md, comparison)
            part = [o for o in items if same_sent(o, it) and o.mention.end <= m.start and _same_unit(o, it) and
                    _PARTITIVE_GAP.fullmatch(text, o.mention.end, m.start)]
            if part:
                later_fig = part[-1]
        if mu and later_fig is not None:
            rel = "gt" if mu.group(1) == "up" else "lt"
            P.add("comparison", f"{later_fig.id}-{rel}-{nxt[0].id}", {"a": later_fig.id, "b": nxt[0].id, "relation": rel},
                  f"a change from one figure to another (\u201c{mu.group(1)} from\u201d): "
                  f"\u201c{later_fig.mention.text}\u201d and \u201c{nxt[0].mention.text}\u201d")
        if it.unit in ("percent", "fraction"):
            mch = change_cue(text, m, it.sent[0])
            after = text[m.end:it.sent[1]]
            # "a 10 percent increase on the 190 arrests": the figure of before follows the noun
            on = text[mch.start(1) + len(mch.group(1)):it.sent[1]] if mch and mch.start() >= m.end else after
            if mch and re.match(r"\s+(?:from|on|over|compared)", on):
                later = [o for o in figures if o.para == it.para and o.mention.start < m.start and
                         _amount_like(o)]
                # "The number of kidnappings was down ...": the latest earlier figure of what the subject names
                subject = _keys(text[it.sent[0]:m.start])
                # only a figure of what the subject names: "Arrests were up 10 percent on ..." with no
                # later count of arrests in the text proposes nothing
                named = [o for o in later if o.keys & subject] or \
                    [o for o in figures if o.mention.start < m.start and _amount_like(o) and o.keys & subject]
                later = []
                if named:
                    # of the figures of that sentence, the one of the latest year ("878 in 2013, more than
                    # triple the 287 in 2006")
                    last = [o for o in named if o.sent == named[-1].sent]
                    later = [max(last, key=lambda o: (years.get(o.period or "", 0), o.mention.start))]
                earlier = [o for o in figures if same_sent(o, it) and o.mention.start > m.end and _amount_like(o)]
                since = re.match(r"\s+(?:from|on|over|compared\s+(?:with|to))\s+(?:the\s+(?:level|figure|total|number)s?\s+"
                                 r"(?:of|for|in)\s+)?(?:in\s+)?(1[89]\d\d|20\d\d)\b", on)
                if since and later and not [o for o in earlier if years.get(o.period or "") == int(since.group(1))]:
                    # "down 20 percent from 2012" with no 2012 figure after it: the figure of that year of
                    # the same measure, wherever the article gives it
                    y = int(since.group(1))
                    earlier = [o for o in figures if o is not later[-1] and years.get(o.period or "") == y and
                               o.unit == later[-1].unit and o.keys & later[-1].keys] or earlier
                earlier = [o for o in earlier if later and _same_unit(o, later[-1])]
                if later and earlier:
                    direction = "decrease" if falls(mch.group(1)) else "increase"
                    cue = f"{m.text} {mch.group(1)}" if mch.start() >= m.end else f"{mch.group(0).strip()} {m.text}"
                    P.add("change", f"{later[-1].id}-from-{earlier[0].id}",
                          {"earlier": earlier[0].id, "later": later[-1].id, "change": it.id, "direction": direction},
                          f"a change (\u201c{cue}\u201d): \u201c{earlier[0].mention.text}\u201d "
                          f"to \u201c{later[-1].mention.text}\u201d")
            if mch:
                _change_to_from(P, it, mch, [o for o in figures if same_sent(o, it) and o is not it], text)
            mr = re.search(r"\bthe\s+(?:rest|remainder|others|remaining)\b", after)
            cue_at = m.end + mr.start() if mr else None
            # the shares listed before the cue are the parts, all of them: "61 percent ..., the midshore fleet
            # 27 percent and offshore vessels the remaining 17 percent" is 61 + 27 + 17 (proposed once, from
            # the last share before the cue)
            listed_before = [o for o in figures if same_sent(o, it) and o.unit == it.unit and
                             o.mention.start < cue_at] if mr else []
            if mr and listed_before and listed_before[-1] is it:
                rest = [o for o in figures if same_sent(o, it) and o.unit == it.unit and o.mention.start > cue_at]
                fields: dict[str, Any] = {"parts": [o.id for o in listed_before]}
                if rest:
                    fields["remainder"] = rest[0].id
                P.add("complement", f"{listed_before[0].id}-and-the-rest", fields,
                      f"shares and \u201c{mr.group(0)}\u201d: " + ", ".join(f"\u201c{o.mention.text}\u201d"
                                                                         for o in listed_before))
    _lowest_since(P, figures, text)
    _share_of_that(P, figures, text)
    _lead_restated(P, items, agreed, text)
    _headline_multiple(P, items, agreed, text)
    _points_difference(P, figures, text)
    _change_of_difference(P, figures, text)
    _share_of_everything(P, figures, text)
    _standing_against(P, figures, text)
    _in_line_with(P, figures, text)
    _rate_of_an_opening_total(P, figures, text)
    # a claim against the reference rows of the same measure and place
    if root is not None and "external" in P.kinds:
        rows = {rid: row for rid, row in load_reference(Path(root)).items() if not is_the_article(row, meta)}
        for it in items:
            if it.mention.region == "headline" and any(it.id in pair for pair in agreed):
                continue  # a headline figure that restates a body figure is checked through it
            ev = reference_matches(it, rows, years.get(it.period or ""))
            if ev:
                P.add("external", f"{it.id}-against-reference", {"claim": it.id, "evidence": ev},
                      f"reference rows of the same measure and place ({', '.join(ev)}): "
                      f"\u201c{it.mention.text}\u201d")
        # "earning $60,000 a month, ... a fortune of $2 million over three years": the amount over the
        # duration is a rate too, at most what the reference rows of the stated rate give (what was amassed
        # cannot exceed what was earned)
        if "implied_ratio" in P.kinds:
            for r, d, t in amassed:
                ev = reference_matches(r, rows, years.get(r.period or ""))
                if ev:
                    P.add("implied_ratio", f"{t.id}-per-{d.id}-within-{r.id}",
                          {"numerator": t.id, "denominator": d.id, "evidence": ev, "relation": "le"},
                          f"an amount over a duration next to a rate (\u201c{t.mention.text}\u201d over "
                          f"\u201c{d.mention.text}\u201d, \u201c{r.mention.text}\u201d): at most the rate's "
                          f"reference rows ({', '.join(ev)})")
    _drop_comparisons_a_change_holds(P)
    # unique ids
    seen: dict[str, int] = {}
    taken = {it.id for it in items}
    for p in P.out:
        base = p.id
        n = seen.get(base, 0)
        while p.id in taken:
            n += 1
            p.id = _short(f"{base[:112]}-{n + 1}")
        seen[base] = n
        taken.add(p.id)
    return P.out


def _drop_comparisons_a_change_holds(P: _Props) -> None:
    """Drop a ``comparison`` (``lt``/``gt``, no ``times``) of the two figures of a proposed ``change`` in its
    direction: "dropped from 1,250 in 2023 to 1,000 in 2024, a fall of a fifth" is one change (1,250 x 0.8 =
    1,000), whose check already says the later figure is the smaller (docs/check-kinds.md, ``change``:
    ``direction``); the comparison would be a second proposal of the same sentence to decide."""
    changes = {(p.fields["later"], p.fields["earlier"], p.fields.get("direction")) for p in P.out if p.kind == "change"}
    def held(p: Proposal) -> bool:
        a, b, rel = p.fields["a"], p.fields["b"], p.fields.get("relation")
        return (a, b, "decrease" if rel == "lt" else "increase") in changes or \
            (b, a, "increase" if rel == "lt" else "decrease") in changes
    drop = [p for p in P.out if p.kind == "comparison" and p.fields.get("relation") in ("lt", "gt") and
            "times" not in p.fields and held(p)]
    for p in drop:
        P.out.remove(p)
        P.keys.discard(p.key())


#: Between a part and the base it is counted in: "47,000 of the city's 124,500", "212 of her 240", "9 of
#: the club's".
_PARTITIVE_GAP = re.compile(r"\s+of\s+(?:the|all|these|those|her|his|its|their|our)\s+(?:[A-Za-z][\w-]*['’]s?\s+)?")


#: A verb of a change from one figure to another ("has fallen from 11,510 ... to 9,433").
_CHANGE_VERB = change_words_re(RISE_VERBS, FALL_VERBS)

_TOP = re.compile(r"\bthe\s+(highest|largest|greatest|biggest|most)\b", re.I)
_SECOND = re.compile(r"\bthe\s+second[\s-]+(highest|largest|greatest|biggest|most)\b", re.I)


def _ranking(P: _Props, figures: list[Item], text: str) -> None:
    """Comparisons a ranking states: the figure of a sentence that calls it "the highest" (or largest ...)
    is above the figure called "the second highest", which is at least each figure after it in its
    sentence ("The second highest number was recorded in ... 2011, with 700 kidnappings, while the second
    half of 2012 saw 688"); without a second, above each later figure of its paragraph; and above each
    figure of a following sentence that opens "In comparison". Both words in one sentence ("1,020 of the
    deaths, the highest of any county, while Kiambu recorded 380, the second highest"): each figure the
    last before its words, the second at least each figure of a following "In comparison" sentence."""
    def sent_text(it: Item) -> str:
        return text[it.sent[0]:it.sent[1]]

    # "Nairobi recorded 1,020 of the deaths, the highest of any county, while Kiambu recorded 380, the
    # second highest": one sentence holding both, each figure the last before its words
    done: set[tuple[int, int]] = set()
    for it in figures:
        if it.sent in done:
            continue
        st, nd = _TOP.search(sent_text(it)), _SECOND.search(sent_text(it))
        if not (st and nd and st.start() < nd.start()):
            continue
        done.add(it.sent)
        s0 = it.sent[0]
        inside = [o for o in figures if o.sent == it.sent]
        top = [o for o in inside if o.mention.end <= s0 + st.start()]
        second = [o for o in inside if top and o.mention.start > top[-1].mention.end and o.mention.end <= s0 + nd.start()]
        if not top or not second or not _same_unit(top[-1], second[-1]):
            continue
        t, sec = top[-1], second[-1]
        P.add("comparison", f"{t.id}-gt-{sec.id}", {"a": t.id, "b": sec.id, "relation": "gt"},
              f"a ranking (\u201c{st.group(0)}\u201d, \u201c{nd.group(0)}\u201d): \u201c{t.mention.text}\u201d "
              f"above \u201c{sec.mention.text}\u201d")
        compared = [o for o in figures if o.mention.start > sec.mention.end and o.para in (t.para, t.para + 1)
                    and _same_unit(o, t) and re.match(r"\s*In comparison\b", sent_text(o))]
        for o in compared:
            P.add("comparison", f"{sec.id}-ge-{o.id}", {"a": sec.id, "b": o.id, "relation": "ge"},
                  f"a ranking (\u201c{nd.group(0)}\u201d, then \u201cIn comparison\u201d): "
                  f"\u201c{sec.mention.text}\u201d and \u201c{o.mention.text}\u201d")
    tops = [it for it in figures if _TOP.search(sent_text(it)) and not _SECOND.search(sent_text(it))]
    for top in tops:
        same = [o for o in figures if o is not top and o.unit == top.unit and o.mention.kind == top.mention.kind]
        seconds = [o for o in same if _SECOND.search(sent_text(o)) and o.para == top.para and o.mention.start > top.mention.end]
        later = [o for o in same if o.para == top.para and o.sent[0] > top.sent[0]]
        if not seconds:
            # "the highest share of any trust in the region", "the third-largest among the 121 trusts": the
            # figure is ranked among others the text does not give, not against the later figures of its
            # paragraph (another measure: "27,600" waiting more than 18 weeks); only an "In comparison"
            # sentence below compares with it
            later = []
        if seconds:
            second = seconds[0]
            later = [second]
            for o in same:
                if o.sent == second.sent and o.mention.start > second.mention.end and \
                        re.search(r"\b(?:while|and|whereas)\b", text[second.mention.end:o.mention.start]):
                    P.add("comparison", f"{second.id}-ge-{o.id}", {"a": second.id, "b": o.id, "relation": "ge"},
                          f"a ranking (\u201c{_SECOND.search(sent_text(second)).group(0)}\u201d): "
                          f"\u201c{second.mention.text}\u201d and \u201c{o.mention.text}\u201d")
        compared = [o for o in same if o.mention.start > top.mention.end and o.para in (top.para, top.para + 1)
                    and re.match(r"\s*In comparison\b", sent_text(o))]
        for o in later + compared:
            P.add("comparison", f"{top.id}-gt-{o.id}", {"a": top.id, "b": o.id, "relation": "gt"},
                  f"a ranking (\u201c{_TOP.search(sent_text(top)).group(0)}\u201d): \u201c{top.mention.text}\u201d "
                  f"above \u201c{o.mention.text}\u201d")


def _next_month(d: dt.date) -> dt.date:
    return dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)


def _stem(w: str) -> str:
    return re.sub(r"(?:ies|es|s)$", "", w.lower())


def _plain_url(url: Any) -> str:
    """``url`` without scheme, ``www.``, query, fragment, trailing slash or case, for comparing two
    addresses of one page."""
    u = re.sub(r"^[a-z]+://(www\.)?", "", str(url or "").strip().lower())
    return re.sub(r"[?#].*$", "", u).rstrip("/")


def is_the_article(row: dict, meta: Any) -> bool:
    """Whether the reference ``row`` has the article of ``meta`` (its
    :class:`numclaims.records.SourceMeta`) for its source: the same page address, or the same publisher
    and title. Checking a claim against such a row is circular (the row restates the claim), so
    :func:`propose` proposes no ``external`` check against it. False when ``meta`` is None."""
    if meta is None:
        return False
    own = _plain_url(getattr(meta, "url", None))
    if own and _plain_url(row.get("url")) == own:
        return True
    title, publisher = getattr(meta, "title", None), getattr(meta, "publisher", None)
    return bool(title and publisher) and str(row.get("title") or "").strip().lower() == title.strip().lower() \
        and str(row.get("publisher") or "").strip().lower() == publisher.strip().lower()


def reference_matches(it: Item, rows: dict[str, dict], year: int | None = None) -> list[str]:
    """Ids of the reference rows (:func:`numclaims.evidence.load_reference`) a drafted claim may be checked
    against, in table order. A row qualifies with the same unit (``persons``, ``percent``, ``USD per
    month`` ...); an interval that meets the claim's reading (its value; from the value up for
    "over"/"at least", up to it for "up to"/"less than"); the same place (the row's place before any
    bracket, "Madre de Dios (Delta 1)" -> Madre de Dios, equal to a part of the claim's ``where``, or an
    ISO 3166 subdivision of the country a claim places in that country alone); a period holding the
    claim's ``year`` when it has one; and a key word of the measure in common (compared without a plural
    ending), with a participle in common when both name one ("women rescued" is not checked against
    "women exploited"). Of those, only the rows that match best are kept: most key words in common, then
    the place named as such (not only its country), then the claim's value inside the row's interval."""
    if it.value is None or not it.where or it.unit == "date":
        return []
    unit = it.unit if it.per is None else f"{it.unit} per {it.per}"
    parts = [p.strip().lower() for p in it.where.split(",")]
    country_only = len(parts) == 1
    money = it.mention.currency is not None
    q = it.mention.qualifier
    low = 0.0 if q in ("up_to", "less_than") else it.value
    high = None if q in ("more_than", "at_least") else it.value
    keys = {_stem(k) for k in it.keys}
    done = {k for k in keys if k.endswith("ed")}
    _countries, subs = _gazetteer()
    scored: list[tuple[tuple[int, int, int], str]] = []
    for rid, row in rows.items():
        lo, hi = (row.get("interval") or [None, None])[:2]
        if row.get("unit") != unit or (lo is not None and high is not None and high < lo) or \
                (hi is not None and low > hi):
            continue
        if year is not None and row.get("period_start") and row.get("period_end") and \
                not int(str(row["period_start"])[:4]) <= year <= int(str(row["period_end"])[:4]):
            continue
        place = re.sub(r"\s*\(.*$", "", row.get("place") or "").strip()
        last = place.split(",")[-1].strip()
        named = bool(place) and (place.lower() in parts or last.lower() in parts[1:])
        # a row of no place ("fortune amassed by the leader") is of any place; a sum of money is of a person
        # or a body more than of a place, so a row in a subdivision of its country will do
        in_country = (country_only or money) and (subs.get(_fold(last)) or "").lower() == parts[-1]
        if place and not (named or in_country):
            continue
        rkeys = {_stem(k) for k in _keys(row.get("measure") or "")}
        rdone = {k for k in rkeys if k.endswith("ed")}
        if not keys & rkeys or (done and rdone and not done & rdone):
            continue
        inside = (lo is None or it.value >= lo) and (hi is None or it.value <= hi)
        scored.append(((len(keys & rkeys), int(named), int(inside)), rid))
    best = max((sc for sc, _ in scored), default=None)
    return [rid for sc, rid in scored if sc == best]


def _groups(what: str) -> set[str]:
    """The groups of people (:data:`numclaims.vocabulary.GROUP_MEMBERS`) a measure counts, from its words
    before the first preposition ("adolescents and adults work" -> adolescents, adults; "share of minors
    among victims" -> none: a share counts no group)."""
    if re.match(r"(?:share|period|date|ages?|change|increase|decrease) ", what):
        return set()
    return {w for w in _core_words(what) if w in GROUP_MEMBERS}


def _core_words(what: str) -> list[str]:
    """The lower-case words of a measure before its first preposition, the words that name what it counts
    ("children under five in shelters" -> children, under, five; "share of minors among victims" -> share)."""
    core = re.split(r"\s+(?:of|from|for|in|on|among|who|to|by|with)\s+", what.lower())[0]
    return re.findall(r"[a-z]+", core)


def _counts_households(it: Item) -> bool:
    """Whether the measure of ``it`` counts households or families
    (:data:`numclaims.vocabulary.HOUSEHOLD_NOUNS` among its words before the first preposition), not
    persons: a part and its whole are counts of the same thing, so a count of children is no part of a
    count of families ("190 households with young children, including 342 children under five")."""
    return any(w in HOUSEHOLD_NOUNS for w in _core_words(it.what))


def _head(it: Item) -> str | None:
    k = _keywords(it.what, 1)
    return k[0] if k else None


def _participles(it: Item) -> frozenset[str]:
    return frozenset(w for w in it.keys if w.endswith("ed"))


def _same_country(a: str | None, b: str | None) -> bool:
    """Whether one place is a bare country and the other lies in it ("Peru" and "Madre de Dios, Peru")."""
    if not a or not b:
        return False
    pa, pb = [p.strip().lower() for p in a.split(",")], [p.strip().lower() for p in b.split(",")]
    return (len(pa) == 1 or len(pb) == 1) and pa[-1] == pb[-1]


def _place_within(small: str | None, big: str | None) -> bool:
    """Whether a place written "A, B, Country" lies within one written "B, Country" or "Country"
    (unknown places are not compared)."""
    if not small or not big:
        return False
    s = [p.strip().lower() for p in small.split(",")]
    b = [p.strip().lower() for p in big.split(",")]
    return len(b) <= len(s) and s[len(s) - len(b):] == b


def _keys(what: str) -> frozenset[str]:
    ws = {w.lower().strip("'’") for w in _WORD.findall(what)}
    return frozenset(w for w in ws if w not in _FUNCTION and len(w) > 3 and w not in
                     ("share", "period", "date", "count", "among", "human", "number", "sexually"))


def items_for_drafts(drafted: list[Any]) -> list[Item]:
    """:class:`Item` objects for the records of :func:`numclaims.draft.draft`."""
    items = []
    for d in drafted:
        r = d.record
        items.append(_item(r, d.mention, (d.sentence.start, d.sentence.end), d.sentence.para))
    return items


def _item(r: dict[str, Any], m: Mention, sent: tuple[int, int], para: int) -> Item:
    base, per = split_unit(r["unit"])
    value = r.get("value", m.value if isinstance(m.value, float) else None)
    meas = r.get("measure") or {}
    att = r.get("attribution") or []
    what = meas.get("what") or ""
    period = meas.get("period")
    if isinstance(period, dict) and period.get("start"):  # written inline: its dates, as an ISO interval
        period = f"{period['start']}/{period.get('end') or period['start']}"
    return Item(r["id"], m, sent, para, base, per, value if base != "date" else None, what, meas.get("where"),
                att[0].get("who") if att else None, period if isinstance(period, str) else None, _keys(what))


def items_for_article(article: Any) -> list[Item]:
    """:class:`Item` objects for the claims of a loaded article (:class:`numclaims.loader.Article`): each
    claim's mention is the one inside its quote span (else the quote itself, read as a mention)."""

    src = article.source
    markers = (src.meta.body.start, src.meta.body.end) if src.meta.body is not None else None
    text = src.text
    ms = article_mentions(text, markers, src.meta.title)
    sents = sentences(text, (0, len(text)))
    items = []
    for c in article.data.claims:
        a, b = article.spans[c.id]
        words = c.text if c.text is not None else c.quote
        t0 = text.find(words, a, b + 1)
        inside = [m for m in ms if a <= m.start < b]
        # the mention that the claim's words overlap ("over three years" holds the mention "three years")
        m = next((x for x in inside if x.start == t0), None) or \
            next((x for x in inside if t0 >= 0 and x.start < t0 + len(words) and t0 < x.end), None) or \
            (inside[0] if inside else None)
        if m is None:
            m = Mention(max(t0, a), max(t0, a) + len(words), words, c.value, c.unit, c.qualifier)
        s = next((x for x in sents if x.start <= m.start <= x.end), None)
        rec = {"id": c.id, "unit": c.unit, "value": c.value,
               "measure": {"what": c.measure.what, "where": c.measure.where,
                           "period": c.measure.period.claim if c.measure.period is not None else None},
               "attribution": [a_.model_dump() for a_ in c.attribution]}
        items.append(_item(rec, m, (s.start, s.end) if s else (m.start, m.end), s.para if s else -99))
    items.sort(key=lambda it: it.mention.start)
    return items


def draft_file(article_id: str, source: Any, checks: bool = True, taken: set[str] | frozenset[str] = frozenset(),
               root: Any = None) -> str:
    """The YAML text of a drafted claims file for ``source`` under ``article_id``: the records of
    :func:`numclaims.draft.draft` (ids avoiding ``taken``) and, with ``checks``, the checks :func:`propose`
    finds (here rather than in :mod:`numclaims.draft`, which this module builds on), ``external`` ones
    against the reference rows of the project ``root`` when given.

    Raises:
        ValueError: the article holds no numeric mention in its lead or body.
    """
    items = draft(article_id, source, taken)
    proposals: list[dict[str, Any]] = []
    if checks:
        proposals = [p.record() for p in propose(items_for_drafts(items), source.text, None, root, source.meta)]
    return render(article_id, source.meta.id, [it.record for it in items], source.meta.title, proposals, HEADER)
