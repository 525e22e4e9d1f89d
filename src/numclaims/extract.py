"""Find every numeric mention of a source text and tell the article body from the page furniture.

Two steps, both plain functions of the text (no network, no model):

1. **Body detection** (:func:`body_span`). A capture of a news page holds the article body plus page
   furniture: breadcrumbs and headline, a dateline/byline ("GENDER AND CRIME / 4 OCT 2013 BY NAME"),
   share and donation boxes, "Related Content" and "About ..." lists with their own dates and figures.
   The text is cut into lines (a capture puts each paragraph on one line) and each line is classed:

   * *prose*: running text of at least 8 words and 40 characters, ending in sentence punctuation
     (``.``, ``!``, ``?``, possibly followed by a closing quote or bracket), mostly lower-case;
   * *furniture marker*: a line that opens the furniture after an article: anywhere "Was this content
     helpful?", "What are your thoughts?", "We encourage readers to copy", "Leave a Comment", cookie
     notices; as a short line (at most six words) "share ...", "DONATE", "Related Content",
     "Related Articles", "About <Name>", "Advertisement", "Compartir", "SHARETweet ...", "Subscribe",
     "Tags:", "See also" (so that "Share prices fell 3 percent ..." stays prose);
   * *dateline/byline*: "TOPIC / 4 OCT 2013 BY NAME", a bare "3 MAR 2023", "By Name", "October 4, 2013";
   * *label*: anything else (headlines, upper-case section names, menu items).

   The body starts at the first prose line (after the last dateline that precedes it, if any) and ends
   at the last line with sentence punctuation before the first furniture marker that follows the start
   (or at the last prose line of the text when no marker follows). Headings inside that stretch
   ("InSight Crime Analysis") are part of the body; they hold no numbers in practice.

   A source's metadata can override the heuristics with explicit markers
   (:class:`numclaims.records.BodyMarkers`: ``body: {start, end}`` in the ``.meta.yaml``); they win
   whenever both are found in the text.

2. **Mentions** (:func:`find_mentions`). A compiled pattern finds numeric *cores* (digits, number words,
   fraction words, "hundreds of", month names and dates), which are then widened to the left (qualifier
   words such as "over", "as many as", "around"; currency signs) and to the right (scale words
   "million", "percent", the unit of a duration or age, the time base of a rate "a month") and read
   into a :class:`Mention`: value, unit, currency, rate base, qualifier, and for a share the total it is
   a share of (``of``). Multiplier words ("double", "triple") are not read yet. Names with numbers ("Barrio 18", "Peru 21"), determiners ("one NGO"), and
   numbers inside words or codes are not mentions. Dates get unit ``date`` and a partial ISO value
   (``"2013-10-04"``, ``"2013-06"``, ``"--09"`` for a month without a year, ``"2011"``).

Finding is done here (:data:`numclaims.numerals.QUANTITY_PATTERN` is made for phrases, and in running
text it also matches names, determiners and split dates); *reading* each mention's phrase is left to
:func:`numclaims.numerals.parse` wherever it can read it (value, qualifier, range ends, rounding step), so
that extraction and claim checking read a phrase the same way. The context-dependent parts stay here:
people or things (``persons``/``count``), "over" meaning "during" before a duration, a qualifier shared
by coordinated numbers, dates and ages.
"""

from __future__ import annotations

import bisect
import functools
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable

from pydantic import ValidationError

from .claimvalues import same_number
from .codes import CodedError
from .errors import reading_problem
from .numerals import GROUP_SEPARATOR_RE, parse, plain_digits, too_many_digits
from .records import Claim, SourceMeta
from .schema_errors import schema_message
from .sources import SOURCES_DIR, find_all
from .vocabulary import (
    BIG_SCALES,
    RUNNING_TEXT_SPACE_GROUPED_RE,
    CURRENCY_CODES,
    CURRENCY_LETTER_PREFIXES,
    CURRENCY_LETTERS_BEFORE_LARGE,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS_AFTER_RE,
    FALL_VERBS,
    FRACTION_WORDS,
    MONTH_NAMES,
    MONTHS,
    MULTIPLIER_VERBS,
    MULTIPLIERS,
    MULTIPLIER_WORDS,
    PERCENT_ABBREVIATIONS,
    POINTS_ABBREVIATIONS,
    POINTS_AFTER_RE,
    QUALIFIER_PHRASES,
    RATE_BASES,
    RISE_VERBS,
    RUNNING_TEXT_QUALIFIERS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SCORES_AT_LEAST,
    TEEN_WORDS,
    TENS_WORDS,
    TIME_UNITS,
    UNIT_WORDS,
    VAGUE_PLURALS,
    change_words_re,
    time_unit,
    words_re,
)
from .yamlio import YamlInputError, load_yaml_text, read_text_strict

# ------------------------------------------------------------------------------------------ vocabulary
# The tables are :mod:`numclaims.vocabulary`'s; the extractor's own names below are views of them.
_UNITS_WORDS = {"zero": 0, **UNIT_WORDS, **TEEN_WORDS}
_SCALES = {**SCALE_WORDS, **SCALE_ABBREVIATIONS}
_MONTH_ABBRS = [a for n in MONTH_NAMES if n != "May" for a in ((n[:4], n[:3]) if n == "September" else (n[:3],))]
#: Month names as written, case kept: "September", "SEPTEMBER", "Sept.", "SEP" (not "september").
_MONTH_RE = (f"(?-i:{'|'.join(MONTH_NAMES)}|{'|'.join(MONTH_NAMES).upper()}"
             f"|(?:{'|'.join(_MONTH_ABBRS)})\\.?|{'|'.join(_MONTH_ABBRS).upper()})")

_QUAL_RE = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[(\"'“‘]))(" + "|".join(re.escape(q) for q in sorted(RUNNING_TEXT_QUALIFIERS, key=lambda x: -len(x)))
    + r")\s*$",
    re.IGNORECASE,
)
#: :data:`_QUAL_RE` for the reversed text, matched at its start (one try, not one per character): the
#: spaces, the longest phrase written backwards, then what the look-behind asked for before it (a space,
#: the start of the text, an opening bracket or quote). Every match of _QUAL_RE ends where the trailing
#: spaces begin (no phrase ends with a space), so its leftmost match is the longest phrase found here.
_QUAL_BACKWARDS = re.compile(
    r"\s*(" + "|".join(re.escape(q[::-1]) for q in sorted(RUNNING_TEXT_QUALIFIERS, key=lambda x: -len(x)))
    + r")(?=\s|\Z|[(\"'“‘])",
    re.IGNORECASE,
)

#: Plural (and a few collective) nouns of people: a count of them gets unit ``persons``.
PERSON_NOUNS = frozenset("""
people persons person women woman men man girls girl boys boy children child minors minor adolescents
adolescent adults adult victims victim suspects suspect traffickers trafficker members member
inhabitants residents citizens officers officer police policemen soldiers troops prostitutes workers
miners migrants refugees prisoners inmates detainees students teenagers youths families individuals
peruvians bolivians colombians venezuelans brazilians mexicans ecuadoreans ecuadorians guatemalans
hondurans salvadorans americans nationals foreigners agents officials leaders gang gangsters
journalists doctors patients voters survivors civilians deaths dead killed injured wounded
learners pupils candidates matriculants graduates councillors teachers nurses tenants applicants
staff employees drivers players passengers spectators fans supporters
""".split())
#: Capitalised words that may stand right before a number without making it part of a name.
_NOT_NAME_WORDS = frozenset("""
top over about around nearly almost some up more less fewer at as only just roughly approximately
between of in on by since until from to and or the a an than under above below estimated another
all about some least most with for per each every its their his her our some
""".split()) | set(MONTHS)

# ------------------------------------------------------------------------------------------- patterns
# The alternations of words below are generated from the tables of numclaims.vocabulary (in their order:
# "twenty" .. "ninety", then "zero" .. "nineteen"); tests/test_vocabulary_patterns.py keeps them equal to
# the patterns once written out by hand.
#: 0..99 in words: "forty-two", "seventeen".
_NUMWORD = rf"(?:(?:{words_re(TENS_WORDS)})(?:[- ](?:{words_re(UNIT_WORDS)}))?|{words_re(_UNITS_WORDS)})"
#: Scale words after a number: "hundred" and the big scales (not "dozen", a count of its own).
_SCALE_WORDS_RE = words_re(w for w in SCALE_WORDS if w != "dozen")
#: Digits, grouped by threes with a comma or an SI no-break space (numerals.GROUP_SEPARATOR_RE) or not.
# (and by an ordinary space before groups of three zeros, vocabulary.RUNNING_TEXT_SPACE_GROUPED_RE: "15 000 people")
_DIGITS = rf"(?:{RUNNING_TEXT_SPACE_GROUPED_RE}(?:\.\d+)?|\d{{1,3}}(?:{GROUP_SEPARATOR_RE}\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_DIGITS_RE = re.compile(_DIGITS)
#: Abbreviated scales (vocabulary.SCALE_ABBREVIATIONS, longest first): attached to the digits ("£3m",
#: "$1.2bn", "€450k", "$2.4tn"), or after one space for "m" and the forms of two letters or more ("5 bn").
_ABBR_RE = words_re(sorted(SCALE_ABBREVIATIONS, key=lambda a: (-len(a), a)))
_ABBR_SPACED_RE = words_re(sorted((a for a in SCALE_ABBREVIATIONS if len(a) > 1 or a == "m"), key=lambda a: (-len(a), a)))
_SCALE = rf"(?:\s+(?:{_SCALE_WORDS_RE})|(?:{_ABBR_RE}|\s(?:{_ABBR_SPACED_RE}))(?![A-Za-z]))"
#: What may follow the digits of a number: not a letter, digit or further group, except an attached scale
#: abbreviation or percent ("3m", "12pc").
_DIGITS_END = rf"(?:(?=(?:{_ABBR_RE}|{words_re(PERCENT_ABBREVIATIONS)}|{words_re(POINTS_ABBREVIATIONS)})(?!\w))|(?![\w]|,\d|\.\d))"
#: Currency signs before the numeral, as symbols ("$", "US$", "€", "£", "₹", "S/.")...
_SIGN_SYMBOLS = r"US\$|\$|€|£|\u20b9|S/\.?"
#: ... and in capitals, as written (vocabulary.CURRENCY_LETTER_PREFIXES, vocabulary.CURRENCY_CODES):
#: "KSh 65 million", "Sh65m", "KES 4,500".
_SIGN_LETTERS = "|".join([*sorted((*CURRENCY_LETTER_PREFIXES, *CURRENCY_CODES), key=lambda a: (-len(a), a)),
                          *(f"{k}(?={need})" for k, (_, need) in CURRENCY_LETTERS_BEFORE_LARGE.items())])
_FRAC = r"(?:halves|half|thirds?|quarters?|fourths?|fifths?|tenths?)"
#: A change by a fraction word: "down by half", "cut in half", "fell by a third" (the fraction of a change).
#: A transitive verb may have its object between it and "by": "cut deaths by half", "reduce road deaths by a third".
_CHANGE_BY = re.compile(r"\b(?:(?:" + change_words_re(RISE_VERBS, FALL_VERBS) + r")|(?:cut|cuts|cutting|reduce|reduces|reduced|reducing|slash|slashed|"
                        r"increase|increased|raise|raised)(?:\s+[a-z]+){1,3}?)\s+(?:by|in)\s+(?:a\s+|one\s+)?$",
                        re.IGNORECASE)

#: The scales "half a" may stand before, as the parser reads them: "half a million", "half a dozen".
_HALF_A_SCALE = words_re(("dozen", "hundred", *BIG_SCALES))

#: Multiplier words (:data:`numclaims.numerals.MULTIPLIER_WORDS`) count only before what they multiply:
#: "more than triple the 287", "twice as many", "double that of"; not "a double murder", "twice a day",
#: "arrested twice".
_MULT = (r"\b(?:" + "|".join(sorted(MULTIPLIER_WORDS, key=len, reverse=True)) + r")\b"
         r"(?=\s+(?:the|that|as|what|its|their|his|her|this|those|these|last|previous)\b)")

#: The numeric cores of running text. Named groups: ``date`` forms, ``month`` alone, ``num`` (digits or
#: number words with an optional scale), ``frac`` (fraction words), ``vague`` ("hundreds of"), ``mult``
#: (multiplier words, :data:`_MULT`).
MENTION_PATTERN = re.compile(
    rf"""
    (?P<date>
        \b(?:the\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:to|ending(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?
            {_MONTH_RE}(?:,?\s+\d{{4}})?\b
      | \b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}(?:,?\s+\d{{4}})?\b
      | \b{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*|\s+)\d{{4}}\b
      | \b{_MONTH_RE}\s+\d{{4}}\b
      | \b{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![,.]?\d)
    )
  | (?P<month>\b(?-i:{"|".join(MONTH_NAMES)})\b)
  | (?P<frac>\b(?:(?:a|{words_re(UNIT_WORDS)})[\s-])?{_FRAC}\b(?!\s+an?\s+(?:{_HALF_A_SCALE})\b))
  | (?P<vague>\b(?:dozens|scores|hundreds|thousands|millions)\s+of\b)
  | (?P<mult>{_MULT})
  | (?P<multverb>\b(?:{"|".join(MULTIPLIER_VERBS)})\b)
  | (?P<num>
        (?:(?:(?:{_SIGN_SYMBOLS})\s?)?(?:(?<![\w.,/-]){_DIGITS}{_DIGITS_END}|\b{_NUMWORD}\b)
          | (?<![A-Za-z])(?-i:{_SIGN_LETTERS})\s?{_DIGITS}{_DIGITS_END})
        (?:{_SCALE})?
      | \bhalf\s+an?\s+(?:{_HALF_A_SCALE})\b
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: :data:`MENTION_PATTERN` for a place that starts with a digit: its alternatives that start with a letter
#: (``month``, ``frac``, ``vague``, ``mult``, ``multverb``: words, written in the pattern above) fail at
#: once, so the same groups in the same order give the same match, without trying their words there
#: (:func:`_cores`; ``tests/test_mention_scan.py`` compares it with the whole pattern's ``finditer``).
MENTION_AT_DIGIT = re.compile(
    functools.reduce(lambda p, name: p.replace(f"(?P<{name}>", f"(?P<{name}>(?!)", 1),
                     ("month", "frac", "vague", "mult", "multverb"), MENTION_PATTERN.pattern),
    MENTION_PATTERN.flags)

#: The lower-case first word of every core of :data:`MENTION_PATTERN` that starts with a letter (its
#: alternatives above, in order: the date forms' "the", "year", "twelve" and month names, the fraction
#: words and their "a"/number-word lead, the vague plurals, the multiplier words and verbs, the number
#: words). Each of those alternatives starts at a word boundary and follows its first word with a
#: non-word character (``\s``, ``-``, ``.`` or ``\b``), so a core starting with a letter starts a word
#: that is one of these. :func:`_cores` tries the pattern only there.
_FIRST_WORDS = frozenset(
    ["the", "year", "twelve", "a", "dozens", "scores", "hundreds", "thousands", "millions"]
    + [m.lower() for m in MONTH_NAMES] + [a.lower() for a in _MONTH_ABBRS]
    + ["halves", "half"] + [w + s for w in ("third", "quarter", "fourth", "fifth", "tenth") for s in ("", "s")]
    + list(MULTIPLIER_WORDS) + list(MULTIPLIER_VERBS) + list(_UNITS_WORDS) + list(TENS_WORDS))
#: Where a core may start, besides a word of :data:`_FIRST_WORDS`: any word starting with a digit (the
#: pattern's digits follow a non-word character, or a currency sign), and a currency sign: ``$``, ``€``,
#: ``£``, ``₹``, or the ``U`` of ``US$`` and the ``S`` of ``S/`` wherever they stand (the sign needs no word
#: boundary before it). Both case-insensitive, as the pattern is: with IGNORECASE an ASCII letter also
#: matches four other characters (U+0130 and U+0131 for ``i``, U+017F for ``s``, U+212A for ``k``: the
#: :mod:`re` documentation), which :data:`_CASE_FOLD` maps to it before a word is looked up.
_CANDIDATE_WORD = re.compile(r"\b[\d" + "".join(sorted({w[0] for w in _FIRST_WORDS})) + r"]\w*", re.IGNORECASE)
_CANDIDATE_SIGN = re.compile(r"us(?=\$)|s(?=/)|[$€£\u20b9]", re.IGNORECASE)
#: ... and a currency code or letter prefix in capitals as written ("KSh 65 million", "Sh20m", "KES 4,500"):
#: the pattern's case-sensitive sign-letter alternative, before a digit.
_CANDIDATE_LETTERS = re.compile(rf"(?<![A-Za-z])(?:{_SIGN_LETTERS})(?=\s?\d)")
_CASE_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
#: The only cores that start with the word "the" (:data:`MENTION_PATTERN`'s first date form): "the year
#: to", "the 12 months ending"; the pattern's own words and flags, so that a "the" it cannot match is
#: skipped by one short match instead of a try of the whole pattern (most "the" of a text start no core).
_THE_DATE = re.compile(r"the\s+(?:year|12\s+months|twelve\s+months)\s+(?:to|ending)", re.IGNORECASE)


def _cores(text: str) -> list[re.Match]:
    """``list(MENTION_PATTERN.finditer(text))``, the same matches (spans, groups), found by trying the
    pattern only where a core may start (:data:`_CANDIDATE_WORD`, :data:`_CANDIDATE_SIGN`): one pass of
    two cheap patterns and a set lookup per word, then ``MENTION_PATTERN.match`` at the few candidates,
    in order, each from the end of the last match, as ``finditer`` resumes (a core is never empty). The
    pattern tried at every character of a text costs about five times more."""
    starts = []
    first = _FIRST_WORDS
    the_date = _THE_DATE.match
    for w in _CANDIDATE_WORD.finditer(text):
        word = w.group()
        if word[0].isdecimal():
            starts.append(w.start())
            continue
        low = word.lower() if word.isascii() else word.translate(_CASE_FOLD).lower()
        if low in first and (low != "the" or the_date(text, w.start())):
            starts.append(w.start())
    more = False
    if "$" in text or "/" in text or "€" in text or "£" in text or "\u20b9" in text:
        starts.extend(m.start() for m in _CANDIDATE_SIGN.finditer(text))
        more = True
    letters = [m.start() for m in _CANDIDATE_LETTERS.finditer(text)]
    if letters:
        starts.extend(letters)
        more = True
    if more:
        starts.sort()
    out: list[re.Match] = []
    pos = 0
    match, at_digit = MENTION_PATTERN.match, MENTION_AT_DIGIT.match
    for q in starts:
        if q >= pos:
            m = (at_digit if text[q].isdecimal() else match)(text, q)
            if m is not None:
                out.append(m)
                pos = m.end()
    return out


_YEAR = re.compile(r"(?:1[89]\d\d|20\d\d)")
#: The second year of a financial year written with a slash after the first ("2025/26", "2025/2026"):
#: semantics section 8, "Fiscal years".
_NEXT_YEAR = re.compile(r"/((?:1[89]|20)?\d\d)\b")
_WORD_AFTER = re.compile(r"[\s-]*([A-Za-z]+)")
#: Percentage points after a number (the parser's rule, :data:`numclaims.numerals.UNITS`):
#: "3.1 percentage points", "2.5pp", "4 p.p.".
_POINTS_AFTER = re.compile(POINTS_AFTER_RE, re.IGNORECASE)
_PERCENT_AFTER = re.compile(rf"\s?%|\s*(?:percent|per\s+cent)\b|(?:{words_re(PERCENT_ABBREVIATIONS)})\b", re.IGNORECASE)
_AGE_AFTER = re.compile(r"(?:-|\s)years?(?:-|\s)old\b|-year-olds?\b", re.IGNORECASE)
_DURATION_AFTER = re.compile(rf"(?:\s+|-)({words_re(reversed(TIME_UNITS), plural=True)})\b", re.IGNORECASE)
_RATE_AFTER = re.compile(rf"\s+(?:a|an|per|each|every|a\s+single)\s+({words_re(RATE_BASES)})\b"
                         rf"|\s*/\s*({words_re(RATE_BASES)})\b|\s+(?:per\s+)?annum\b"
                         rf"|-(?:a|an|per)-({words_re(RATE_BASES)})\b", re.IGNORECASE)
_CURRENCY_WORD_AFTER = re.compile(rf"\s+({CURRENCY_WORDS_AFTER_RE})\b", re.IGNORECASE)
_SENT_END = re.compile(r"[.!?][\"'”’)\]]*\s")
# per-mention patterns, compiled once (re's own cache costs a lookup per call)
_SPACES = re.compile(r"\s+")
_WHOLE_DIGITS = re.compile(r"\d+")
_TIMES = re.compile(r"\s+times\b(?=\s+(?:higher|more|larger|greater|bigger|lower|fewer|less|smaller|as|the|over))",
                    re.IGNORECASE)
_FOLD = re.compile(r"[- ]?fold\b", re.IGNORECASE)
_BETWEEN_HEAD = re.compile(r"\bbetween\s+(?:the\s+(ages?)\s+of\s+)?$", re.IGNORECASE)
_FROM_HEAD = re.compile(r"\bfrom\s+$", re.IGNORECASE)
#: A change or comparison verb before "from" in the clause: "has risen from 18 to 31" is two figures, the
#: earlier and the later, not a range.
#: A change verb before "from" ("has risen from 18 to 31", "rose 2.8 percentage points, from 81.4 percent
#: to 84.2 percent", "went from 5 percent to 6 percent"): the two figures after it are the earlier and the
#: later one, not a range; a clause may stand between the verb and "from" (decimal points included), not a
#: sentence end.
_CHANGE_FROM = re.compile(r"\b(?:" + change_words_re(RISE_VERBS, FALL_VERBS)
                          + r"|changed|went|moved|shifted)\b(?:[^.;]|(?<=\d)\.(?=\d)){0,60}?\bfrom\s+$", re.IGNORECASE)
_SIGN = re.compile(rf"({_SIGN_SYMBOLS}|{_SIGN_LETTERS})\s?")
_YEARS_OLD = re.compile(r"\s+years?\s+old\b", re.IGNORECASE)
#: The patterns :func:`_read_match` tries on the 40 characters after a number (an age, percentage points,
#: a percent, a currency word, a multiplier, a duration), and one pattern that matches where one of them
#: does: for a number followed by none of them (most counts: "1,000 workers") one match replaces eight.
_AFTER_PATTERNS = (_AGE_AFTER, _YEARS_OLD, _POINTS_AFTER, _PERCENT_AFTER, _CURRENCY_WORD_AFTER, _TIMES, _FOLD,
                   _DURATION_AFTER)
_ANY_AFTER = re.compile("|".join(f"(?:{p.pattern})" for p in _AFTER_PATTERNS), re.IGNORECASE)
_ONE_IN = re.compile(r"\s+(?:in|out\s+of)\s+(?:\d|every|ten|five|four|three|two|six|seven|eight|nine)", re.I)
_YEAR_TO = re.compile(r"^.*?\b(?:to|ending(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?", re.IGNORECASE)
#: A capitalised plural noun right after a number of a title-case headline ("Port Hires 40 Guards").
_HEADLINE_PLURAL = re.compile(r"\s+[A-Z][a-z]*[a-rt-z]s\b")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’.]*)\s*$")
#: A word in the possessive ("Reyes's", "Reyes’", "Jones'"): a name that owns the number after it.
_POSSESSIVE_END = re.compile(r"['’]s?\Z")
#: :data:`_PREV_WORD` for the reversed text: the spaces, then the word characters up to the last ASCII
#: letter among them (the first of the word read forwards)
_PREV_WORD_BACKWARDS = re.compile(r"\s*([\w'’.]*[A-Za-z])")
_WORDS = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_DIGITS_SCALE = re.compile(rf"(.*?\d)\s?({_ABBR_RE}|{_SCALE_WORDS_RE})", re.IGNORECASE)
_PLAIN_DIGITS = re.compile(r"\d+(?:\.\d+)?")


# ---------------------------------------------------------------------------------------------- model
@dataclass
class Mention:
    """One numeric mention of a text.

    Attributes:
        start, end: character offsets into the text as read (Python string indices of the decoded file).
        text: ``text[start:end]``: the numeral phrase with its qualifier, currency, scale and unit words.
        value: the number as written in ``unit`` (42 for "42 percent", 0.75 for "three quarters",
            2000000 for "$2 million"); for dates a partial ISO string ("2013-10-04", "--09", "2011").
        unit: ``persons``, ``count``, ``percent``, ``fraction``, ``years``/``months``/``weeks``/``days``,
            ``date``, or an ISO 4217 code, with `` per <base>`` for a rate ("USD per month").
        qualifier: canonical qualifier (see :mod:`numclaims.rules`): exact, approximately, nearly,
            more_than, at_least, less_than, up_to, range.
        kind: ``quantity``, ``date``, ``age``, ``duration``, ``amount``, ``rate``, ``share``.
        region: ``body`` or ``furniture``.
        currency, per: ISO code and rate base ("month") when the mention is money / a rate.
        low, high: the two ends of a ``range``.
        of: ``[start, end]`` of the mention this share is a share of ("42 percent of the 2,000").
        precision: rounding step read by :func:`numclaims.numerals.parse`, when available.
    """

    start: int
    end: int
    text: str
    value: float | str | None
    unit: str
    qualifier: str = "exact"
    kind: str = "quantity"
    region: str = "body"
    currency: str | None = None
    per: str | None = None
    low: float | None = None
    high: float | None = None
    of: list[int] | None = None
    precision: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``numclaims extract --json`` (integral floats printed as integers)."""
        d = asdict(self)
        for k in ("value", "low", "high", "precision"):
            v = d[k]
            if isinstance(v, float) and v.is_integer():
                d[k] = int(v)
        return d


# ------------------------------------------------------------------------------------------- numbers
def _words_value(s: str) -> float | None:
    """Value of number words or digits with an optional scale: "seven", "twenty-five", "2 million"."""
    s = s.lower().replace("-", " ").strip()
    total, current = 0.0, 0.0
    seen = False
    for tok in s.split():
        tok_digits = plain_digits(tok)
        if _PLAIN_DIGITS.fullmatch(tok_digits):
            current += float(tok_digits)
            seen = True
        elif tok in _UNITS_WORDS:
            current += _UNITS_WORDS[tok]
            seen = True
        elif tok in TENS_WORDS:
            current += TENS_WORDS[tok]
            seen = True
        elif tok in _SCALES:
            mult = _SCALES[tok]
            if current == 0:
                current = 1
            if mult == 100:
                current *= 100
            else:
                total += current * mult
                current = 0
            seen = True
        elif tok == "half":  # "half a million"
            current += 0.5
            seen = True
        elif tok in ("and", "a", "an"):
            continue
        else:
            return None
    return total + current if seen else None


def _split_digits_scale(s: str) -> tuple[str, str | None]:
    m = _DIGITS_SCALE.fullmatch(s.strip())
    if m:
        return m.group(1), m.group(2).lower()
    return s.strip(), None


def _num_value(core: str) -> float | None:
    """Value of a ``num`` core without its currency sign; None for a numeral of more significant digits
    than a float holds exactly (:func:`numclaims.numerals.too_many_digits`: not read, never rounded)."""
    if too_many_digits(core):
        return None
    if _DIGITS_RE.fullmatch(core):  # digits only (most cores): no scale word to split off (each has a letter)
        return float(plain_digits(core))
    digits, scale = _split_digits_scale(core)
    if _DIGITS_RE.fullmatch(digits):
        v = float(plain_digits(digits))
        return v * _SCALES[scale] if scale else v
    return _words_value(core)


def _frac_value(core: str) -> float | None:
    parts = re.split(r"[\s-]+", core.lower())
    den = FRACTION_WORDS.get(parts[-1])
    if den is None:
        return None
    num = 1 if len(parts) == 1 or parts[0] in ("a", "one") else _UNITS_WORDS.get(parts[0])
    if num is None:
        return None
    return num / den


# ------------------------------------------------------------------------------------------ helpers
def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The word just before ``pos`` (skipping spaces) and its start offset; ``("", pos)`` if none.

    ``_PREV_WORD.search`` of the 40 characters before ``pos``, read backwards: the match ends where the
    trailing spaces start and begins at the first ASCII letter of the run of word characters before them,
    which :data:`_PREV_WORD_BACKWARDS` finds by one anchored match of the reversed text instead of a try
    at every character."""
    seg = text[max(0, pos - 40):pos]
    m = _PREV_WORD_BACKWARDS.match(seg[::-1])
    if not m:
        return "", pos
    return m.group(1)[::-1], max(0, pos - 40) + len(seg) - m.end(1)


def _next_words(text: str, pos: int, n: int = 5) -> list[str]:
    return _WORDS.findall(text[pos:pos + 60])[:n]


def _sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind("\n", 0, pos), max((m.end() for m in _SENT_END.finditer(text, max(0, pos - 400), pos)), default=-1))
    b_m = _SENT_END.search(text, pos)
    nl = text.find("\n", pos)
    b = min(x for x in (b_m.start() + 1 if b_m else len(text), nl if nl >= 0 else len(text)))
    return max(a, 0), b


_STOP_WORDS = frozenset("""
of and or were are was is have has had in from who that which against for to with by at on into as
than per each a an the said says say while but across among between during over under within this
these those it they their its his her would will could may might can be been being not
""".split())
_COUNT_NOUNS = frozenset("""
brothels cases reports sentences processes operations raids groups homes houses tons tonnes kilos
kilograms hectares km kilometers kilometres miles arrests murders homicides killings times
percent years months weeks days hours minutes dollars euros soles countries cities towns regions
provinces states camps mines bars shops companies networks gangs organizations organisations
""".split())


def _title_case_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` is in title case (a headline): at least 70 % of its words of
    four letters or more start with a capital."""
    a = text.rfind("\n", 0, pos) + 1
    z = text.find("\n", pos)
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", text[a:z if z >= 0 else len(text)]) if len(w) >= 4]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_CLAUSE_END = re.compile(r"[,.;:!?()]")


def _is_person_count(text: str, end: int) -> bool:
    """Whether a count ending at ``end`` counts people.

    The head noun is looked for among the next four words, skipping modifiers ("2,000 human trafficking
    victims"); the search stops at a function word or a known noun of things ("26 sentences against
    people" counts sentences). "hundreds of Peruvians" looks past the "of". The noun must follow within
    the clause: a comma, stop or bracket ends the search ("118,000 in 2023, police said" counts no police).
    A part before "of the" counts what its whole does: "3.05 million of the 5 million registered voters"
    (the three words after "of the", scale words left out).
    """
    window = text[end:end + 60]
    cut = _CLAUSE_END.search(window)
    words = _WORDS.findall(window[:cut.start()] if cut else window)[:7]
    # "3.05 million of the 5 million registered voters", "1,350 of the 1,800 staff": a part counts what its
    # whole after "of the" counts (the whole's scale word is no noun)
    if len(words) >= 2 and words[0].lower() == "of" and words[1].lower() in ("the", "these", "those", "its", "their"):
        rest = [w for w in words[2:] if w.lower() not in _SCALES]
        return any(w.lower().rstrip("'’") in PERSON_NOUNS for w in rest[:3]) and \
            not any(w.lower() in _COUNT_NOUNS for w in rest[:3])
    words = words[:5]
    for i, w in enumerate(words[:4]):
        lw = w.lower().rstrip("'’")
        if lw in PERSON_NOUNS:
            return True
        if lw in _COUNT_NOUNS:
            return False
        if lw == "of" and i == 0:
            continue
        if lw in _STOP_WORDS:
            return False
    return False


def _qualifier_before(text: str, start: int) -> tuple[str, int] | None:
    """A qualifier phrase ending right before ``start`` (spaces allowed): ``(canonical, phrase start)``."""
    seg = text[max(0, start - 24):start]
    m = _QUAL_BACKWARDS.match(seg[::-1])  # _QUAL_RE.search(seg), read backwards
    if not m:
        return None
    qstart = max(0, start - 24) + len(seg) - m.end(1)
    phrase = m.group(1)[::-1].lower()
    if phrase in ("up to", "over", "above", "under", "below", "about"):
        prev, _ = _prev_word(text, qstart)
        if prev.lower() in _PHRASAL_VERBS:
            return None  # "shot up to 363", "took over 200": a verb particle, not a bound
    return QUALIFIER_PHRASES[phrase], qstart


#: Verbs whose particle looks like a qualifier: "had shot up to 363" states the value 363 itself.
_PHRASAL_VERBS = frozenset("""
shot went gone go goes going rose risen rise rises climbed climb jumped jump soared soar ended end ends
built build moved ramped stepped added add adds summed sum sums tallied totaled totalled came come
comes took take takes taken handed hand turned turn brought bring bringing amounted
""".split())


def _date_value(core: str) -> str | None:
    """Partial ISO value of a date core: "4 OCT 2013" -> "2013-10-04", "September 23" -> "--09-23"."""
    s = core.replace(",", " ").replace(".", " ")
    toks = s.split()
    day = year = month = None
    for t in toks:
        tl = t.lower()
        if tl in MONTHS:
            month = MONTHS[tl]
        elif tl == "of":
            continue
        else:
            d = re.fullmatch(r"(\d{1,4})(?:st|nd|rd|th)?", tl)
            if not d:
                return None
            n = int(d.group(1))
            if len(d.group(1)) == 4:
                year = n
            elif 1 <= n <= 31:
                day = n
            else:
                return None
    if month is None:
        return None
    if year is not None and day is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if year is not None:
        return f"{year:04d}-{month:02d}"
    if day is not None:
        return f"--{month:02d}-{day:02d}"
    return f"--{month:02d}"


# ------------------------------------------------------------------------------------------ finding
def find_mentions(text: str, *, body: tuple[int, int] | None = None, with_precision: bool = False) -> list[Mention]:
    """Every numeric mention of ``text``, in order of position.

    Args:
        text: the whole source text.
        body: ``(start, end)`` of the article body; mentions inside it get region ``body``, the others
            ``furniture``. Default: :func:`body_span` of the text.
        with_precision: also ask :func:`numclaims.numerals.parse` for each quantity's rounding step.

    Returns:
        :class:`Mention` objects, non-overlapping, sorted by ``start``.
    """
    return _find_mentions(text, body, with_precision, read_values=True)


def _find_mentions(text: str, body: tuple[int, int] | None, with_precision: bool, read_values: bool) -> list[Mention]:
    """:func:`find_mentions`; with ``read_values=False`` the mentions keep the values read by the
    pattern rules only (no :func:`numclaims.numerals.parse` of each phrase), which is all that
    :func:`coverage` needs: positions, texts and regions are the same either way."""
    if body is None:
        body = body_span(text)
    out: list[Mention] = []
    for m in _cores(text):
        men = _read_match(text, m)
        if men is None:
            continue
        if out and men.start < out[-1].end:
            continue  # widened to the left over an earlier mention: keep the earlier one
        out.append(men)
    out = _merge_ratios(text, _merge_ranges(text, _hyphen_range_ends(text, out)))
    _rates_after_nouns(text, out)
    _propagate_qualifiers(text, out)
    _link_shares(text, out)
    b0, b1 = body
    for men in out:
        men.region = "body" if b0 <= men.start and men.end <= b1 and not _on_dateline(text, men.start) else "furniture"
        if read_values and men.unit != "date" and men.kind != "age":
            _read_with_parser(men, with_precision)
    return out


_HYPHEN_END = re.compile(r"-(?=\d)")


def _hyphen_range_ends(text: str, ms: list[Mention]) -> list[Mention]:
    """Add the second number of "300-400" (a hyphen between two numerals, as the en dash in "300–400"),
    which the mention pattern skips (a number right after a hyphen is part of a word or code there:
    "COVID-19"), so that :func:`_merge_ranges` joins the two into one range. Only after a plain number
    (not a date: "2025-26" is a fiscal year, "2020-2024" stays two years), when the second is a plain
    number too, larger than the first and not itself joined on by a hyphen ("15-19-year-olds"); a word
    before the hyphen ("COVID-19") or after it ("15-year-old") makes no range. A mention the second number
    holds ("000" of "12 000-15 000", which the pattern found alone after the hyphen) is dropped."""
    out: list[Mention] = []
    taken = -1  # the end of the last second number added: mentions inside it are parts of it
    for i, a in enumerate(ms):
        if a.start < taken:
            continue
        out.append(a)
        h = _HYPHEN_END.match(text, a.end)
        if h is None or a.unit == "date" or a.kind != "quantity" or a.qualifier != "exact" \
                or not isinstance(a.value, float) or not text[a.end - 1].isdigit():
            continue
        if i + 1 < len(ms) and ms[i + 1].start <= h.end():
            continue
        spaced = text[:a.end] + " " + text[h.end():]  # the same offsets, the hyphen read as a gap
        m = MENTION_PATTERN.match(spaced, h.end())
        b = _read_match(spaced, m) if m is not None else None
        if b is None or b.start != h.end() or b.unit == "date" or b.qualifier != "exact" \
                or not isinstance(b.value, float) or b.value <= a.value or text[b.end:b.end + 1] == "-":
            continue
        out.append(b)
        taken = b.end
    return out


def _table_cell_gap(gap: str) -> bool:
    """Whether a tab parts a word from the number after it: cells of a table ("South\t640\t32%"), so the
    number is no part of a name ("Barrio 18")."""
    return "\t" in gap


def _on_dateline(text: str, pos: int) -> bool:
    """Whether ``pos`` is on a dateline ("NAIROBI, 14 March 2024 / By Wanjiru Kamau", "By Tom Ashby ·
    Tuesday 3 June 2025"): page furniture wherever the body is taken to start, not a claim."""
    a = text.rfind("\n", 0, pos) + 1
    z = text.find("\n", pos)
    return classify_line(text[a:z if z >= 0 else len(text)]) == "dateline"


def _read_with_parser(men: Mention, with_precision: bool) -> None:
    """Let :func:`numclaims.numerals.parse` read the mention's phrase (value, qualifier, range ends,
    rounding step), so that extraction and claim checking read a phrase the same way. The unit family
    (persons or count, duration unit, currency) found from the context here is kept; a qualifier
    carried over from a coordinated number ("as many as 400 ... and 1,200") is kept too."""
    q = _parse_quantity(men.text)
    if q is None:
        return
    if q.unit in ("count", "percent", "percentage_points", "fraction", "currency", "duration", "ratio"):
        if q.unit == "fraction" and men.unit != "fraction" or q.unit == "duration" and men.kind != "duration":
            return
        men.value = float(q.value)
        if men.qualifier == "exact" or q.qualifier != "exact":
            men.qualifier = q.qualifier
        if q.qualifier == "range":
            men.low, men.high = float(q.low), float(q.high)
        if with_precision:
            men.precision = float(q.precision)


def _parse_quantity(text: str):
    try:
        return parse(text)
    except ValueError:
        return None


def _read_match(text: str, m: re.Match) -> Mention | None:  # noqa: C901 - one reading rule per branch
    kind = m.lastgroup
    s, e = m.start(), m.end()
    core = m.group()
    if kind == "date":
        v = _date_value(_YEAR_TO.sub("", core))  # "the year to March": its value is the month it ends with
        if v is None:
            return None
        # "May 2" inside "May 2,000"? guarded by the pattern; a day number > 31 returns None above.
        return Mention(s, e, core, v, "date", kind="date")
    if kind == "month":
        prev, _ = _prev_word(text, s)
        if core in ("May", "March") and prev.lower() not in ("in", "since", "until", "by", "of", "last", "next",
                                                              "early", "late", "mid", "during", "this", "from"):
            return None
        return Mention(s, e, core, f"--{MONTHS[core.lower()]:02d}", "date", kind="date")
    if kind == "vague":
        word = core.split()[0].lower()
        e2 = s + len(core.split()[0])
        unit = "persons" if _is_person_count(text, e2) else "count"
        if word not in VAGUE_PLURALS:  # "scores of": the parser does not read it
            return Mention(s, e2, text[s:e2], float(SCORES_AT_LEAST), unit, "at_least", kind="quantity")
        lo, hi, _ = VAGUE_PLURALS[word]  # [lo, hi), as numerals.parse reads it
        return Mention(s, e2, text[s:e2], (lo + hi) / 2, unit, "range", kind="quantity", low=float(lo), high=float(hi))
    if kind in ("mult", "multverb"):
        q = _qualifier_before(text, s)
        start = q[1] if q else s
        return Mention(start, e, text[start:e], float(MULTIPLIERS[core.lower()]), "ratio",
                       q[0] if q else "exact", kind="ratio")
    if kind == "frac":
        v = _frac_value(core)
        if v is None:
            return None
        parts = re.split(r"[\s-]+", core.lower())
        after = text[e:e + 4].lower()
        q = _qualifier_before(text, s)
        if len(parts) == 1 and not after.startswith(" of") and q is None and not _CHANGE_BY.search(text, max(0, s - 45), s):
            return None  # "half-time", "the fifth largest": not a fraction of something; "down by half" is
        prev, _ = _prev_word(text, s)
        if len(parts) == 1 and prev.lower() in ("the", "first", "second", "third", "last", "'s") :
            return None
        start = q[1] if q else s
        return Mention(start, e, text[start:e], v, "fraction", q[0] if q else "exact", kind="share")
    # ---- num
    # matched in the text, not the core alone: a sign may look past the core ("R350 a month": the rand's R
    # is money before a rate, vocabulary.CURRENCY_LETTERS_BEFORE_LARGE)
    sign_m = _SIGN.match(text, s)
    if sign_m is not None and sign_m.end() > e:
        sign_m = None
    sign = sign_m.group(1) if sign_m else None
    numtext = core[sign_m.end() - s:] if sign_m else core
    value = _num_value(numtext)
    if value is None:
        return None
    lower = numtext.lower()
    prev, prev_start = _prev_word(text, s)
    # a number inside a name: "Barrio 18", "Peru 21" (capitalised word that is not a quantity word); a
    # name in the possessive owns the number, it does not end with it ("Reyes's 412", "Jones' 40")
    if (sign is None and prev and prev[0].isupper() and prev.lower().rstrip(".") not in _NOT_NAME_WORDS
            and not _POSSESSIVE_END.search(prev)
            and _SPACES.fullmatch(text[prev_start + len(prev):s] or " ") and not _table_cell_gap(text[prev_start:s])
            and not prev.isupper() and _WHOLE_DIGITS.fullmatch(numtext)
            and not (_title_case_line(text, s) and (_is_person_count(text, e) or _HEADLINE_PLURAL.match(text, e)))):
        return None  # (in a title-case headline, "Rescue 57 People", "Hires 40 Guards" count, not a name)
    # digits glued to letters or codes ("G20", "MS-13") are excluded by the pattern's look-behind.
    after = text[e:e + 40]
    # whether one of _AFTER_PATTERNS matches: else each of them is skipped below (it would not match)
    tail = _ANY_AFTER.match(after) is not None
    # ages
    am = _AGE_AFTER.match(after) if tail else None
    if am and sign is None:
        return Mention(s, e + am.end(), text[s:e + am.end()], value, "years", kind="age")
    if tail and _YEARS_OLD.match(after) and sign is None:
        mm = _YEARS_OLD.match(after)
        return Mention(s, e + mm.end(), text[s:e + mm.end()], value, "years", kind="age")
    # "one" is a determiner unless it is part of a number phrase
    if lower in ("one", "zero") and sign is None:
        if not (_ONE_IN.match(after)
                or _DURATION_AFTER.match(after) or _PERCENT_AFTER.match(after)):
            return None
    q = _qualifier_before(text, s)
    qual, qstart = (q if q else ("exact", s))
    # percentage points: the difference of two percentages, not a share
    ptm = _POINTS_AFTER.match(after) if tail else None
    if ptm and sign is None:
        end = e + ptm.end()
        return Mention(qstart, end, text[qstart:end], value, "percentage_points", qual, kind="quantity")
    # percent
    pm = _PERCENT_AFTER.match(after) if tail else None
    if pm and sign is None:
        end = e + pm.end()
        return Mention(qstart, end, text[qstart:end], value, "percent", qual, kind="share")
    # money
    currency = CURRENCY_SYMBOLS.get(sign.lower()) if sign else None
    end = e
    if currency is None:
        cw = _CURRENCY_WORD_AFTER.match(after) if tail else None
        if cw and CURRENCY_SYMBOLS.get(cw.group(1).lower()):
            currency = CURRENCY_SYMBOLS[cw.group(1).lower()]
            end = e + cw.end()
    if currency is not None:
        per, end = _rate_after(text, end)
        unit = f"{currency} per {per}" if per else currency
        return Mention(qstart, end, text[qstart:end], value, unit, qual, kind="rate" if per else "amount",
                       currency=currency, per=per)
    # multipliers: "more than 10 times higher" (a ratio); "arrested three times" stays a count of events
    tm = (_TIMES.match(after) or _FOLD.match(after)) if tail else None
    if tm:
        end = e + tm.end()
        return Mention(qstart, end, text[qstart:end], value, "ratio", qual, kind="ratio")
    # durations ("three years", "three-day operation"); "over" before a duration is "during", not "more than"
    dm = _DURATION_AFTER.match(after) if tail else None
    if dm:
        end = e + dm.end()
        unit = time_unit(dm.group(1)) + "s"
        if qual == "more_than" and text[qstart:s].strip().lower() == "over":
            qual, qstart = "exact", s
        # "open five days a week", "24 hours a day": a rate (days per week), not a length of time
        per, end = _rate_after(text, end)
        if per is not None and per != unit[:-1]:
            return Mention(qstart, end, text[qstart:end], value, f"{unit} per {per}", qual, kind="rate", per=per)
        return Mention(qstart, end, text[qstart:end], value, unit, qual, kind="duration")
    # years as dates: a four-digit number 1800-2099 without separators, not followed by a count noun; after
    # "in", "since", "by", "until", "during" a year whatever follows ("In 2023 officials counted ...")
    if sign is None and _YEAR.fullmatch(numtext) and (
            prev.lower() in ("in", "since", "by", "until", "till", "during", "before", "after") or
            _FIGURE_AFTER.match(text, e) or _YEAR_SPAN_BEFORE.search(text, max(s - 40, 0), s) or
            (not _is_person_count(text, e) and not _count_noun_follows(text, e))):
        nxt = _NEXT_YEAR.match(text, e)
        if nxt and int(nxt.group(1)) % 100 == (int(numtext) + 1) % 100:
            # "2026/27": a financial year is one period (numclaims.periods), not the year 2026 and a "27"
            e = nxt.end()
            return Mention(s, e, text[s:e], text[s:e], "date", kind="date")
        return Mention(s, e, numtext, numtext, "date", kind="date")
    unit = "persons" if _is_person_count(text, e) else "count"
    return Mention(qstart, e, text[qstart:e], value, unit, qual, kind="quantity")


_AGO = re.compile(r"\s+(?:ago|earlier|later|before|after|on)\b", re.IGNORECASE)
#: After a year, a figure of its own ("in 1998 200 people", "from 2018 to 2020 300 people"): the year is a
#: date, the figure the count (a count is not written as two numbers side by side).
_FIGURE_AFTER = re.compile(r"[ \t]+\d")
#: The second year of a span of years ("from 2018 to 2020", "between 2009 and 2012"), before the year read.
_YEAR_SPAN_BEFORE = re.compile(rf"\b(?:from|between)\s+{_YEAR.pattern}\s+(?:to|and|until|through)\s+$",
                               re.IGNORECASE)


def _rate_after(text: str, end: int) -> tuple[str | None, int]:
    """``(time unit, new end)`` of a rate base right after ``end`` ("a month", "per week", "/day", "per
    annum": ``"month"``, ...); ``(None, end)`` when none follows."""
    rm = _RATE_AFTER.match(text, end)
    if not rm or _AGO.match(text, rm.end()):  # "three days a year ago": a time before, no rate
        return None, end
    return time_unit(rm.group(1) or rm.group(2) or rm.group(3) or "year"), rm.end()


_COUNT_NOUN = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:brothels|cases|reports|sentences|processes|people|"
                         r"operations|raids|members|groups|homes|houses|tons|tonnes|kilos|kilograms|hectares|"
                         r"km|kilometers|kilometres|miles|arrests|murders|homicides|killings)\b")


def _count_noun_follows(text: str, end: int) -> bool:
    return bool(_COUNT_NOUN.match(text, end))


def _merge_ranges(text: str, ms: list[Mention]) -> list[Mention]:
    """Join "between A and B", "from A to B", "A to B", "A-B" into one ``range`` mention; not "from A to B"
    after a change or comparison verb ("has risen from 18 to 31": two figures, :data:`_CHANGE_FROM`).

    A bare first number takes the unit of the second ("from five to 15 years" is 5-15 years);
    "between the ages of 12 and 24" is a range of ages in years. The value is the midpoint, as
    :func:`numclaims.numerals.parse` reads ranges.
    """
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        if i + 1 < len(ms):
            b = ms[i + 1]
            gap = text[a.end:b.start]
            word = gap.strip().lower()
            joined = hb = hf = None
            if word in ("and", "to") or gap in ("-", "–", " to ", " – "):  # else no range: no head to read
                head = text[max(0, a.start - 30):a.start]
                hb = _BETWEEN_HEAD.search(head)
                hf = _FROM_HEAD.search(head)
                joined = (word == "and" and hb) or (word == "to" and hf) or gap in ("-", "–", " to ", " – ")
            if joined and hf and gap.strip().lower() == "to" and _CHANGE_FROM.search(text, max(0, a.start - 80), a.start):
                joined = False  # "risen from 18 to 31": a change from one figure to another
            bare_a = a.qualifier == "exact" and a.unit in ("persons", "count") and a.kind == "quantity"
            units_fit = a.unit == b.unit or (a.unit in ("persons", "count") and b.unit in ("persons", "count")) \
                or (bare_a and b.unit not in ("date", "fraction"))
            if joined and units_fit and isinstance(a.value, float) and isinstance(b.value, float) \
                    and a.value < b.value and a.qualifier == "exact" and b.qualifier == "exact" and b.unit != "date":
                start = hb.start() + max(0, a.start - 30) if hb else (hf.start() + max(0, a.start - 30) if hf else a.start)
                unit = b.unit if b.unit != "count" else a.unit
                kind = b.kind
                if hb and hb.group(1):
                    unit, kind = "years", "age"
                out.append(Mention(start, b.end, text[start:b.end], (a.value + b.value) / 2, unit, "range",
                                   kind=kind, currency=b.currency, per=b.per, low=a.value, high=b.value))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


_RATIO_GAP = re.compile(r"\s+(?:out\s+of(?:\s+every)?|in(?:\s+every)?)\s+", re.IGNORECASE)


def _merge_ratios(text: str, ms: list[Mention]) -> list[Mention]:
    """Join "N out of M", "1 in 3", "seven out of 10", "one in every five" into one ``fraction`` mention
    (kind ``share``, value N / M), as :func:`numclaims.numerals.parse` reads the phrase: two plain counts
    (the first not above the second, the second not 0) with only that gap between them; "in 2013" (a date)
    or "in 10 days" (a duration) is not a ratio."""
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        a = ms[i]
        b = ms[i + 1] if i + 1 < len(ms) else None
        if (b is not None and _RATIO_GAP.fullmatch(text, a.end, b.start)
                and a.unit in ("persons", "count") and b.unit in ("persons", "count")
                and a.kind == "quantity" and b.kind == "quantity" and b.qualifier == "exact"
                and isinstance(a.value, float) and isinstance(b.value, float) and 0 < b.value and a.value <= b.value):
            out.append(Mention(a.start, b.end, text[a.start:b.end], a.value / b.value, "fraction", a.qualifier,
                               kind="share"))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_NOUN_RATE = re.compile(rf"(?:\s+[a-z]+){{0,2}}?\s+(?:a|an|per|each|every)\s+({words_re(RATE_BASES)})\b"
                        r"(?!\s+(?:ago|later|earlier|before|after|since|of)\b|\s+on(?=\s*[,.;:]|\s+from\b|\s*$))")
#: "€5.2 million (about $5.7 million) a month": a conversion in brackets between an amount and its rate base.
_BRACKET_RATE = re.compile(rf"\s*\)\s+(?:a|an|per|each|every)\s+({words_re(RATE_BASES)})\b"
                           r"(?!\s+(?:ago|later|earlier|before|after|since|of)\b|\s+on(?=\s*[,.;:]|\s+from\b|\s*$))")


def _rates_after_nouns(text: str, ms: list[Mention]) -> None:
    """"$1 billion in profits a year", "1,054 cases a year", "2,000 victims rescued each year": a count or
    an amount followed, within two lower-case words and before any other number, by "a/per/each/every
    <day|week|month|year>" (not "a year ago/later/...", but "a day on average") is a rate in that base (unit
    ``USD per year``, ``count per year``; kind ``rate``); so is "more than 33 a day" with no noun (of
    ``persons`` after an earlier count of people in its sentence). An amount
    and its conversion in brackets before the base ("€5.2 million (about $5.7 million) a month") are both
    rates of it. The mention's text stays the numeral phrase; its unit carries the rate."""
    def rated(men: Mention) -> bool:
        return men.per is None and men.kind in ("quantity", "amount") and (
            men.unit in ("persons", "count") or men.currency is not None)

    for i, men in enumerate(ms):
        if not rated(men):
            continue
        rm = _NOUN_RATE.match(text, men.end)
        nxt = ms[i + 1].start if i + 1 < len(ms) else len(text)
        targets = [men]
        if rm is None and i + 1 < len(ms) and men.currency is not None and rated(ms[i + 1]) and \
                ms[i + 1].currency is not None and re.fullmatch(r"\s*\(\s*(?:[a-z]+\s+)?", text[men.end:ms[i + 1].start]):
            rm = _BRACKET_RATE.match(text, ms[i + 1].end)
            nxt = ms[i + 2].start if i + 2 < len(ms) else len(text)
            targets.append(ms[i + 1])
        if rm is None or rm.end() > nxt:
            continue
        if men.unit == "count" and men.currency is None and re.match(r"\s+(?:a|an|per|each|every)\s", rm.group(0)):
            # "5,054 people who died ..., an average of more than 33 a day": no noun of its own, the rate
            # counts what the sentence's earlier count of people counts
            prev = [o for o in ms[:i] if o.unit == "persons" and not re.search(r"[.!?]\s", text[o.end:men.start])]
            if prev:
                men.unit = "persons"
        for t in targets:
            t.per = time_unit(rm.group(1))
            t.unit = f"{t.currency or t.unit} per {t.per}"
            t.kind = "rate"


def _propagate_qualifiers(text: str, ms: list[Mention]) -> None:
    """"as many as 400 adolescents and 1,200 adults": the qualifier governs both coordinated numbers."""
    for a, b in zip(ms, ms[1:]):
        if b.qualifier != "exact" or a.qualifier in ("exact", "range") or a.unit == "date" or b.unit == "date":
            continue
        gap = text[a.end:b.start]
        if re.fullmatch(r"\s+[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s+(?:and|or)\s+", gap) and a.unit == b.unit:
            b.qualifier = a.qualifier


def _link_shares(text: str, ms: list[Mention]) -> None:
    """Point each percentage or fraction at the total it is a share of (``of``).

    "42 percent of the 2,000 victims": the next mention after "of (the|all|these|those|its|their)" or a
    possessive ("14 percent of Bristol's 472,000 residents"). Otherwise the
    nearest earlier count of people or things in the same sentence ("over 4,500 women ... and that three
    quarters are minors").
    """
    for i, men in enumerate(ms):
        if men.unit not in ("percent", "fraction"):
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        # ("14 percent of Bristol's 472,000 residents": a possessive stands for "the")
        if nxt is not None and re.fullmatch(r"\s+of\s+(?:the\s+|all\s+|these\s+|those\s+|its\s+|their\s+|"
                                            r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?['’]s\s+)?",
                                            text[men.end:nxt.start]) and nxt.unit in ("persons", "count"):
            men.of = [nxt.start, nxt.end]
            continue
        if re.match(r"\s+of\s+(?!whom\b|which\b|them\b|those\b|these\b)", text[men.end:men.end + 12]):
            continue  # a share of something named without a number ("50 percent of minors")
        s0, _ = _sentence_bounds(text, men.start)
        for prev in reversed(ms[:i]):
            if prev.start < s0:
                break
            if prev.unit in ("persons", "count"):
                men.of = [prev.start, prev.end]
                break


# ------------------------------------------------------------------------------------------- body
#: Lines that open the furniture wherever they stand, even when they read like prose.
_STRONG_MARKERS = re.compile(
    r"""^(?:was\ this\ (?:content|article|page)\ helpful|what\ are\ your\ thoughts|we\ encourage\ readers\ to\ copy
    |we\ use\ cookies|this\ (?:site|website)\ uses\ cookies|leave\ a\ (?:comment|reply)|your\ email\ address\ will\ not)""",
    re.IGNORECASE | re.VERBOSE,
)
#: Short lines (at most six words) that open the furniture: "share icon icon icon", "DONATE",
#: "Related Content", "About InSight Crime". A long line starting with "Share prices fell ..." is prose.
_SHORT_MARKERS = re.compile(
    r"""^(?:share\b|SHARE|compartir\b|donate\b|related\ (?:content|articles|stories|posts|news|coverage)
    |(?-i:About\ [A-Z][\w'’]*(?:\ [A-Z][\w'’]*){0,4})$|advertisement$|subscribe\b|sign\ up\b|follow\ us\b|read\ more\b
    |more\ from\b|you\ may\ also\ like|recommended\b|tags?:|topics?:|filed\ under|comments?\b\s*\(?\d*\)?$
    |sources?$|references$|external\ links$|see\ also$|categories?:|retrieved\ from)""",
    re.IGNORECASE | re.VERBOSE,
)
_DATELINE = re.compile(
    rf"""^(?:[A-Z][A-Z0-9 &,'’.-]*\s/\s)?\d{{1,2}}\s+{_MONTH_RE}\s+\d{{4}}(?:\s+BY\s+.*)?$
    |^(?:[A-Z][A-Z .'’-]*,\s+)?\d{{1,2}}\s+{_MONTH_RE}\s+\d{{4}}\s*[/|·•–—-]\s*(?:By|BY)\s+.*$
    |^(?:By|BY)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,4}}(?:\s*[,|·•/–—-].*)?$
    |^(?:[A-Z][a-z]+day,\s+)?{_MONTH_RE}\s+\d{{1,2}},\s+\d{{4}}\b.{{0,40}}$""",
    re.VERBOSE,
)
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


def classify_line(line: str) -> str:
    """Class of one line of a capture: ``prose``, ``marker`` (furniture starts), ``dateline`` or ``label``.

    See the module docstring for the rules. The class of a line up to :data:`_REMEMBERED_LINE` characters
    is remembered for the last :data:`_REMEMBERED_LINES` lines asked (a pure function of the line: the
    body heuristics class every line of a capture, then each body mention asks for its own line's class
    again, :func:`_on_dateline`, and the lead detection for some of them).
    """
    if len(line) > _REMEMBERED_LINE:
        return _classify_line(line)
    return _remembered_class(line)


#: How long a line may be for :func:`classify_line` to remember its class, and how many it remembers.
_REMEMBERED_LINE = 4000
_REMEMBERED_LINES = 512


def _classify_line(line: str) -> str:
    """:func:`classify_line`, computed."""
    s = line.strip()
    if not s:
        return "blank"
    words = s.split()
    if _STRONG_MARKERS.match(s) or (len(words) <= 6 and _SHORT_MARKERS.match(s)):
        return "marker"
    if _DATELINE.match(s):
        return "dateline"
    if len(words) >= 8 and len(s) >= 40 and _sentence_end(s):
        # share of capitals among the letters, counted only for lines that could be prose
        if s.isascii():  # (most lines) the letters are A-Z and a-z: bytes.translate counts them in C
            b = s.encode("ascii")
            n_letters = len(b.translate(None, _NOT_LETTERS))
            upper_share = len(b.translate(None, _NOT_CAPITALS)) / n_letters if n_letters else 1.0
        else:
            letters = "".join(filter(str.isalpha, s))  # map/filter: the loop runs in C
            upper_share = sum(map(str.isupper, letters)) / len(letters) if letters else 1.0
        if upper_share < 0.5:
            return "prose"
    return "label"


#: The ASCII bytes that are not letters, and those that are not capitals (deleted by ``bytes.translate``,
#: what is left is counted): for an ASCII text, ``str.isalpha`` and ``str.isupper`` of a character.
_NOT_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())
_NOT_CAPITALS = bytes(c for c in range(128) if not chr(c).isupper())
#: What may close a sentence after its stop (:data:`_SENTENCE_END`).
_CLOSERS = "\"'”’)]"


def _sentence_end(s: str) -> bool:
    """``_SENTENCE_END.search(s)`` for a stripped line ``s``: after the closing quotes and brackets at its
    end, the last character is a stop."""
    t = s.rstrip(_CLOSERS)
    return bool(t) and t[-1] in ".!?…"


_remembered_class = functools.lru_cache(maxsize=_REMEMBERED_LINES)(_classify_line)


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append((pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


def body_span(text: str, markers: tuple[str, str] | None = None) -> tuple[int, int]:
    """``(start, end)`` offsets of the article body of a page capture.

    Args:
        text: the whole capture.
        markers: optional ``(start marker, end marker)`` (a source's ``body:`` metadata); when both are
            found (the end marker after the start marker) they decide: the body runs from where the start
            marker begins to where the end marker ends.

    Returns:
        The body span by the line heuristics of the module docstring; ``(0, 0)`` when the text holds no
        prose line at all.
    """
    if markers is not None:
        s = text.find(markers[0])
        if s >= 0:
            e = text.find(markers[1], s)
            if e >= 0:
                return s, e + len(markers[1])
    lines = _with_lists(_lines(text), text)
    first = next((i for i, x in enumerate(lines) if x[3] == "prose"), None)
    if first is None:
        return 0, 0
    stop = next((i for i in range(first + 1, len(lines)) if lines[i][3] == "marker"), len(lines))
    last = first
    for i in range(first, stop):
        a, b, ln, cls = lines[i]
        if cls == "prose" or (cls == "label" and _SENTENCE_END.search(ln.strip()) and stop < len(lines)):
            last = i
    return lines[first][0], lines[last][1]


#: A line of a list or table: a bullet ("- Northgate: 1,020 visits", "* ...", "• ...", "1. ..."), or
#: cells split by a tab or a pipe ("North\t1,020\t51%", "North | 1,020 | 51%").
_LIST_ROW = re.compile(r"^\s*(?:[-*\u2022\u2013]\s+\S|\d{1,2}[.)]\s+\S)|\t|\S\s*\|\s*\S")


@dataclass(frozen=True)
class ListBlock:
    """A list or table inside a story: the line of running text that leads into it with a colon
    (``lead``: start and end offsets) and its rows (``runs``: one tuple of ``(start, end)`` row spans per
    run of rows, a blank line parting runs: a bullet list, then a table after it)."""

    lead: tuple[int, int]
    runs: tuple[tuple[tuple[int, int], ...], ...]


def list_blocks(text: str) -> tuple[ListBlock, ...]:
    """The lists and tables of ``text`` that a line of running text leads into with a colon ("Clinics in
    the county saw 2,000 visits in 2024, the health board said. By clinic:"): the rows of :data:`_LIST_ROW`
    after it, blank lines between them allowed, in text order. A list with no such lead-in (a page's
    "Related Articles" links) is none. Remembered for the last few texts asked (drafting asks once per
    figure)."""
    if ":" not in text:
        return ()
    return _list_blocks(text)


@functools.lru_cache(maxsize=8)
def _list_blocks(text: str) -> tuple[ListBlock, ...]:
    """:func:`list_blocks`, computed."""
    lines = _lines(text)
    out = []
    i = 0
    while i < len(lines):
        a, b, ln = lines[i]
        s = ln.strip()
        if not (s.endswith(":") and classify_line(s) == "label" and classify_line(s[:-1] + ".") == "prose"):
            i += 1
            continue
        j = i + 1
        runs: list[list[tuple[int, int]]] = [[]]
        while j < len(lines) and (not lines[j][2].strip() or _LIST_ROW.search(lines[j][2])):
            if lines[j][2].strip():
                runs[-1].append(lines[j][:2])
            elif runs[-1]:
                runs.append([])
            j += 1
        runs = [r for r in runs if r]
        if runs:
            out.append(ListBlock((a, b), tuple(tuple(r) for r in runs)))
        i = j
    return tuple(out)


def _with_lists(lines: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str, str]]:
    """Each line with its :func:`classify_line` class, where a list or table inside the story
    (:func:`list_blocks`) is body: its lead-in line and each of its rows are ``prose``, so that their
    figures are drafted and counted by coverage."""
    inside = {x for blk in list_blocks(text) for x in (blk.lead[0], *(r[0] for run in blk.runs for r in run))}
    return [(a, b, ln, "prose" if a in inside else classify_line(ln)) for a, b, ln in lines]


# ---------------------------------------------------------------------------------------- sources
@dataclass
class Capture:
    """A text read from disk with its optional metadata: what ``extract`` and ``new`` work on."""

    path: Path
    text: str
    meta: Any = None  # numclaims.records.SourceMeta or None
    meta_path: Path | None = None

    @property
    def markers(self) -> tuple[str, str] | None:
        """The metadata's body markers, or None."""
        if self.meta is not None and self.meta.body is not None:
            return self.meta.body.start, self.meta.body.end
        return None

    def body(self) -> tuple[int, int]:
        """The body span: the metadata markers when present and found, else the heuristics."""
        return body_span(self.text, self.markers)


def read_capture(source: str | Path, root: Path | None = None) -> Capture:
    """Read a source capture: a path to a ``.txt`` (with ``.meta.yaml`` beside it when present) or a
    source id under ``root/datasets/sources``.

    Raises:
        FileNotFoundError: neither a file nor a known source id.
        CodedError: the text is not UTF-8 (or has a byte-order mark), or the metadata is invalid (its
            first problem, with its code).
    """
    p = Path(source)
    if not p.is_file() and root is not None and (root / SOURCES_DIR / f"{source}.txt").is_file():
        p = root / SOURCES_DIR / f"{source}.txt"
    if not p.exists():
        raise FileNotFoundError(str(source))
    try:
        text = read_text_strict(p)  # a FIFO or device is refused by the input guard (UnsafeInput)
    except YamlInputError as e:
        raise CodedError(e.code, f"{p}: {e.message}") from None
    except OSError as e:
        raise CodedError("file-unreadable", f"cannot read file: {reading_problem(e)}") from None
    name = p.name[:-4] if p.name.endswith(".txt") else p.stem
    mp = p.with_name(f"{name}.meta.yaml")
    meta = None
    if mp.is_file():
        try:
            meta = SourceMeta.model_validate(load_yaml_text(read_text_strict(mp)))
        except YamlInputError as e:
            raise CodedError(e.code, f"{mp}:{e.line}: invalid source metadata: {e.message}") from None
        except ValidationError as e:  # the first problem, in one line (numclaims.schema_errors)
            err = e.errors()[0]
            code, msg = schema_message(err)
            raise CodedError(code, f"{mp}: invalid source metadata: {'.'.join(map(str, err['loc']))}: {msg}") from None
    return Capture(path=p, text=text, meta=meta, meta_path=mp if meta is not None else None)


def extract(capture: Capture, *, with_precision: bool = False) -> list[Mention]:
    """Every numeric mention of a capture, with its region from the capture's body span."""
    return find_mentions(capture.text, body=capture.body(), with_precision=with_precision)


def mentions_json(mentions: list[Mention]) -> str:
    """The ``--json`` output: a JSON list of mention objects, UTF-8 characters kept."""
    return json.dumps([m.to_dict() for m in mentions], ensure_ascii=False, indent=1)


# -------------------------------------------------------------------------------------- coverage
def coverage(text: str, body: tuple[int, int], spans: list[tuple[int, int]],
             waived: list[tuple[str, int | None]], lead: list[tuple[int, int]] = ()) -> dict[str, Any]:
    """Which body mentions are accounted for by a claim's quote span or a waiver.

    Args:
        text: the source text; body: the body span.
        spans: ``(start, end)`` of every claim quote.
        lead: ``(start, end)`` of the headline and standfirst, whose mentions count like the body's.
        waived: ``(text, start)`` of every waiver; a waiver covers the body mentions inside its anchored
            occurrence (``start`` given) or inside every occurrence of its text (``start`` omitted).

    Returns:
        ``{mentions, claimed, waived, missing: [{start, end, text}]}`` (counts of body mentions).
    """
    ms = [m for m in _find_mentions(text, body, False, read_values=False)
          if m.region == "body" or any(a <= m.start and m.end <= b for a, b in lead)]
    wspans: list[tuple[int, int]] = []
    for wt, ws in waived:
        starts = [ws] if ws is not None else find_all(text, wt)
        wspans.extend((s, s + len(wt)) for s in starts)

    def reach(spans_: list[tuple[int, int]]) -> Callable[[Mention], bool]:
        """``inside(m)``: some span (a, b) has a <= m.start and either m.end <= b, or m.start < b and
        the mention's numeral core ends by b (a quote that holds the core covers a mention widened past
        it). Both ask for a span starting by m.start that reaches far enough, so with the spans sorted by
        start and the furthest end so far, one bisection answers: linear in mentions and spans."""
        order = sorted(spans_)
        starts = [a for a, _ in order]
        furthest, far = [], -1
        for _, b in order:
            far = max(far, b)
            furthest.append(far)

        def inside(m: Mention) -> bool:
            k = bisect.bisect_right(starts, m.start)
            if k == 0:
                return False
            b = furthest[k - 1]
            return m.end <= b or (m.start < b and _core_end(m) <= b)
        return inside

    in_claim, in_waiver = reach(spans), reach(wspans)
    claimed = waived_n = 0
    missing = []
    for m in ms:
        if in_claim(m):
            claimed += 1
        elif in_waiver(m):
            waived_n += 1
        else:
            missing.append({"start": m.start, "end": m.end, "text": m.text})
    return {"mentions": len(ms), "claimed": claimed, "waived": waived_n, "missing": missing}


def _core_end(m: Mention) -> int:
    """End of the digits or number words of a mention (before trailing unit words)."""
    mm = _CORE_START.search(m.text)
    if not mm:
        return m.end
    last = None
    for last in _CORE_PART.finditer(m.text):
        pass
    return m.start + (last.end() if last else len(m.text))


_CORE_START = re.compile(r"[\d]|" + _NUMWORD, re.IGNORECASE)
_CORE_PART = re.compile(rf"\d(?:[\d,.]|{GROUP_SEPARATOR_RE}(?=\d))*|" + _NUMWORD + r"|" + _FRAC + r"|" + _MONTH_RE, re.IGNORECASE)


def quote_numeral_problems(c: Claim) -> list[tuple[str, str, str]]:
    """``[(field, code, message)]`` (code ``value-differs``, :mod:`numclaims.codes`): a claim without ``text`` whose quote holds exactly one number (not a date) must
    have that number as its ``value`` (``value`` differing from it is an input error). Empty otherwise."""
    if c.value is None or c.text is not None or c.base_unit == "date":
        return []

    numbers = [m for m in find_mentions(c.quote, body=(0, len(c.quote)))
               if m.kind != "date" and isinstance(m.value, (int, float))]
    if len(numbers) != 1:
        return []
    m = numbers[0]
    if same_number(float(m.value), c):
        return []
    return [("value", "value-differs", f"{c.value:g} differs from the only number of the quote, {m.text!r} (read as "
                      f"{m.value:g}); correct 'value', or give 'text' to name the numeral meant")]
