"""Read a quantity phrase the way a news article writes it, and write one back.

:func:`parse` turns a phrase ("As many as 1,600 adolescents", "$60,000 a month", "over three years",
"three quarters", "tens of thousands") into a :class:`Quantity`: the value as written, its unit, currency,
rate base, qualifier, the rounding step of the numeral, and the interval of true values it allows. The
interval always comes from :func:`numclaims.rules.interval_for` (or, for vague plurals,
:func:`numclaims.rules.interval_for_vague_plural`), so the reading rules live in :mod:`numclaims.rules`;
this module only decides *which* value, qualifier, step and unit a phrase has.
:data:`QUANTITY_PATTERN` finds quantity phrases inside running text; :func:`parse` accepts every substring
it matches (see "Errors" below for the few readings that leave no value).

Phrases read
============

==============================  ============================================  ==========================
kind                            examples                                      unit / value
==============================  ============================================  ==========================
digits                          "1,600", "4.5", "0.25", "2,000", "4 820"      ``count``
                                (no-break, narrow no-break, thin or
                                ordinary space between groups of three)
scale words, abbreviations      "$2 million", "1.2 billion", "5m", "3bn",     value times the scale
                                "2k", "20 thousand", "4.5 mln", "2 dozen",
                                "£3m", "£1.2bn", "€450k", "$2.4tn", "5 crore",
                                "1.5 lakh"
number words                    "seven", "twenty-one", "one hundred",         ``count``
                                "a dozen", "half a dozen", "a hundred",
                                "a million", "two thousand", "twelve
                                hundred", "two and a half million"
vague plurals                   "dozens", "hundreds", "thousands", "tens of   ``count`` (or currency
                                thousands", "hundreds of thousands",          with "of dollars"),
                                "millions", "tens of millions"                qualifier ``range``
fractions and shares            "three quarters", "two-thirds", "half",       ``fraction`` in [0, 1]
                                "a third", "one in five", "nine out of ten",
                                "one in every five", "one in a million"
percentages                     "42 percent", "42%", "42 per cent", "42 pct", ``percent`` (42, not 0.42)
                                "42pc"
percentage points               "3.1 percentage points", "1 percentage      ``percentage_points``
                                point", "2.5pp", "4 p.p."                     (3.1: a difference of
                                                                              two percentages)
currencies (before)             "$60,000", "US$5", "USD 5m", "EUR 3,000",     ``currency`` + ISO 4217
                                "€3,000", "£5", "S/. 500", "S/ 500",          code in ``currency``
                                "R$ 10", "MX$ 10", "PEN 500", "KSh 65
                                million", "Ksh 4,500", "Sh65m", "USh 2,000",
                                "TSh 500", "₹5 million", "KES 4,500"
currencies (after)              "500 soles", "5 million dollars", "3,000      same
                                euros", "5 USD", "300€", "millions of
                                dollars"
currencies left open            "1.2 billion rupees", "Rs 5 million"          ``currency``, code None
rates                           "a month", "per year", "annually", "a day",   ``per`` = day, week,
                                "each week", "every month", "/month",         month or year
                                "/yr", "daily", "weekly", "monthly",
                                "yearly", "per annum", "p.a.", "-a-year"
                                ("£3.5m-a-year")
durations                       "three years", "18 months", "two decades",    ``duration``; value in
                                "over three years", "for two months",         ``duration_unit`` (day,
                                "in the past two years", "the last six        week, month, year;
                                weeks", "within two years", "three-year",     decades count as 10
                                "three days a week"                           years)
ratios                          "3:1", "3-to-1", "a ratio of 3 to 1",         ``ratio`` (a / b)
                                "three times", "1.5 times", "tenfold",
                                "3-fold", "twice", "more than triple"
ranges                          "between 200 and 300", "200-300", "200 to     qualifier ``range``,
                                300", "from 200 to 300", "$2-3 million",      value = midpoint,
                                "20-30%", "two to three years"                ``low``/``high`` = ends
==============================  ============================================  ==========================

Qualifiers (before the numeral unless marked "after"; case is ignored):

================  =================================================================================
canonical name    phrases
================  =================================================================================
``exact``         none (a bare numeral)
``approximately`` about, around, approximately, approx., roughly, some, an estimated, estimated,
                  circa, in the region of, "~"
``nearly``        nearly, almost, just under, close to, not quite, just shy of
``more_than``     more than, over, above, upwards of, in excess of, just over, well over, well above,
                  greater than, higher than, tops, topped, exceeds, exceeded, surpasses, surpassed,
                  passes, crosses, pass, passed, exceed, surpass;
                  after: "+", "-plus"
``at_least``      at least, no fewer than, no less than, not fewer than, not less than, a minimum of;
                  after: "or more", "or over", "or above", "and over", "and above", "and up"
``less_than``     less than, fewer than, under, below, well under, well below, lower than
``up_to``         up to, as many as, as much as, as high as, at most, no more than, not more than,
                  a maximum of; after: "or fewer", "or less", "or under", "or below"
``range``         between a and b, from a to b, a to b, a-b (also en and em dashes)
================  =================================================================================

Reading rules (choices made here, with their reasons)
=====================================================

* **Rounding step (``precision``).** The step is in the unit of ``value``. Decimals give ``10**-d``
  ("4.5" -> 0.1, "0.25" -> 0.01, "4.50" -> 0.01). A whole number of persons, things or money reads its
  trailing zeros as rounding, :func:`numclaims.rules.step_of_integer` ("1,600" -> 100, "2,000" -> 1,000,
  "seven" -> 1, "one hundred" -> 100); a scale word multiplies the step of its mantissa ("$2 million" ->
  1,000,000, "20 million" -> 10,000,000, "1.2 billion" -> 100,000,000). "... and a half" has step 0.5
  (times the scale). For percentages, durations and ratios a whole number has step 1 (the named unit is
  the grain): "40 percent" is not read as "somewhere from 35 to 45 percent" and "100 percent" not as
  50-150 percent, because the trailing zero of a number that names points on a 0-100 scale or a count of
  years is a digit, not a rounding of a large count. Word fractions are rounded to their own grain, as
  :mod:`numclaims.rules` says (the grain bounds the interval of a word fraction, with the 10 % margin,
  :func:`numclaims.rules.interval_for_word_fraction`): "three quarters" -> 0.25, "two-thirds" -> 1/3, "half" -> 0.5, "one in
  five" -> 1/5, "nine out of ten" -> 1/10.
* **Plain counts** are read with the discrete unit ``count`` so that "seven" is exactly ``[7, 7]``; a
  plain number that is not whole ("4.5", "0.25") cannot be a count of things and is read as a measured
  number with its rounding band ("4.5" -> ``[4.45, 4.55]``). ``Quantity.unit`` is ``count`` for both.
* **"over" before a duration means "during"**: "$2 million over three years" states the period over
  which the sum was made, so "over three years" is a duration of 3 years with qualifier ``exact``. Only a
  bare "over" right before the duration is read so; "for over three years", "more than three years" and
  "over more than three years" are ``more_than``. "Within two years" is ``up_to`` two years; "in",
  "during", "for", "throughout" and "in/over/during the past/last/next ..." are ``exact``.
* **Vague plurals** name an order of magnitude: "tens of thousands" -> ``[10,000, 100,000)``, "hundreds"
  -> ``[100, 1,000)``, "thousands" -> ``[1,000, 10,000)``, "hundreds of thousands" -> ``[100,000,
  1,000,000)``, "millions" -> ``[1e6, 1e7)``, "tens of millions" -> ``[1e7, 1e8)``, "dozens" -> ``[12,
  100)``. The lower end is one of the named unit (10,000), not the literal plural (two tens of
  thousands = 20,000), because writers use the plural for figures from about one unit up and
  :mod:`numclaims.rules` resolves ambiguity toward the wider, honest interval. The upper end is open at
  the next order of magnitude, where the writer would have used the next word ("hundreds of thousands";
  for "dozens", "hundreds"). Qualifier ``range``, ``low``/``high`` the two ends, ``value`` their midpoint
  (55,000 for "tens of thousands"), ``precision`` the named unit (10,000; 12 for dozens). No style guide
  or dictionary fixes these bounds (dictionaries define "thousands" only as "a large indefinite number");
  this order-of-magnitude reading is a choice made here, and a claim record that needs the strict plural
  reading (at least two units, "tens of thousands" >= 20,000) can give an explicit interval.
* **Ranges**: value = midpoint, ``low``/``high`` the ends, interval ``[low, high]``, precision the finer
  step of the two ends. A scale word or percent sign written on one end only applies to both when that
  keeps ``low <= high`` ("2 to 3 million" -> 2e6-3e6, "20-30%" -> 20-30 percent, but "500 to 2 million"
  -> 500-2e6). An approximate qualifier before a range ("some 200-300") is absorbed by the range. "3 to 1"
  (spaced) is a range, hence reversed and unreadable; write "3-to-1" or "3:1" for a ratio.
* **Ratios**: "3:1" needs a one-digit second term (so clock times such as "10:30" are not ratios).
  "N times", "N-fold", "twice", "double", "triple" are read as multipliers (ratio), as in "three times as
  many", with step 1 like any whole multiplier; followed by a rate, "N times" and "twice" count events
  ("three times a day" -> count 3 per day). An event count without a rate ("arrested three times") is
  for the extraction layer to tell apart.
* **Currency**: "$" alone is read as US dollars (the house currency of English-language wires); a claim
  record can override it. "S/." and "S/" are Peruvian soles (PEN). "m" after digits is million
  ("5m"), never metres; "m", "bn", "tn" (and "k", "mn", "mln", "bln", "trn") attached to the digits
  scale them, the Guardian and Observer style guide's form for sums of money ("£3m", "£1.2bn").
  "KSh", "Ksh", "KShs", "Sh" and "Shs" are the Kenya shilling (KES), "USh" Uganda's (UGX), "TSh"
  Tanzania's (TZS), "₹" the Indian rupee (INR). A bare "rupees" or "Rs" names no one currency (INR,
  PKR, LKR, NPR, MUR, SCR, :data:`numclaims.vocabulary.AMBIGUOUS_CURRENCY_WORDS`): it is read as
  ``currency`` with ``currency=None``, and a claim record names the currency in its ``unit``; the
  article's country is not guessed from.
* **Digit groups**: groups of three digits may be separated by a comma or, in SI style (SI Brochure,
  9th edition, 5.4.4), by a no-break space U+00A0, a narrow no-break space U+202F or a thin space
  U+2009: "4\\u00a0820" is 4,820 with the same step as "4,820"; so does an ordinary space, as South
  African and other papers set it ("15 000 people", "R250 000"; ISO 80000-1:2009, 7.3.1). Only a group of
  exactly three digits after a first group of one to three joins: "4\\u00a082", "1234\\u00a0567" and
  "1998 200" are two numbers (not read as one phrase; a year, four digits, never joins: "in 1998 200
  people"). A space before a unit stays one: "12\\u00a0%" is 12 percent.
* **"N in M"** is a share only when N is a word or at most three digits and M is not a year ("300 in
  2011" is not a share) and is not followed by a duration unit ("3 in 10 years").
* **Rates** ("a month", "per year", "annually", "/month") may follow any quantity and set ``per``; the
  value stays the amount per period ("$60,000 a month" -> 60,000, per month).
* **Trailing noun**: one word after the quantity, optionally after "of"/"of the" ("300 women", "hundreds
  of women"), is kept in ``noun`` and not interpreted. Function words, units and number words are never
  taken as the noun.
* Negative numbers, ordinals ("second"), dates and clock times are not quantities here. The numeral
  must be written: "a year" or "the year" is not read.

Errors
======

:func:`parse` raises :class:`ValueError` (never anything else) for any string it cannot read; the message
quotes the text. Every substring matched by :data:`QUANTITY_PATTERN` is read, except phrases whose reading
leaves no value: "less than 0", "nearly 0" (the message says "no possible value"), a range written high to
low such as "300-200" ("range ... is reversed") and a share above one such as "five quarters" ("share
above 1"). A non-string argument raises :class:`TypeError`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Context, Decimal
from fractions import Fraction
from typing import Any

from . import rules
from .intervals import Interval
from .vocabulary import (
    AMBIGUOUS_CURRENCY_WORDS,
    BIG_SCALES,
    CURRENCY_CODES,
    CURRENCY_LETTER_PREFIXES,
    CURRENCY_LETTERS_BEFORE_LARGE,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS_AFTER_RE,
    DIGIT_GROUP_SEPARATORS,
    SPACE_GROUPED_DIGITS_RE,
    FRACTION_WORDS,
    ISO_4217_CODES,
    MULTIPLIERS,
    MULTIPLIER_WORDS,
    NUMBER_WORDS,
    PERCENT_ABBREVIATIONS,
    BASIS_POINTS_AFTER_RE,
    BASIS_POINTS_PER_POINT,
    POINTS_AFTER_RE,
    QUALIFIER_PHRASES,
    QUALIFIER_SUFFIXES,
    RATE_BASES,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    TEEN_WORDS,
    TENS_WORDS,
    TIME_UNITS,
    UNIT_WORDS,
    VAGUE_PLURALS,
    words_re,
)

__all__ = [
    "Quantity",
    "parse",
    "QUANTITY_PATTERN",
    "NUMBER_WORDS",
    "SCALE_WORDS",
    "SCALE_ABBREVIATIONS",
    "FRACTION_WORDS",
    "MULTIPLIER_WORDS",
    "QUALIFIER_PHRASES",
    "QUALIFIER_SUFFIXES",
    "CURRENCY_SYMBOLS",
    "UNITS",
    "PER_VALUES",
    "DURATION_UNITS",
    "GROUP_SEPARATOR_RE",
    "plain_digits",
]

# ---------------------------------------------------------------------------------------------- vocabulary

# The tables are :mod:`numclaims.vocabulary`'s (re-exported here under their public names).

#: Values of :attr:`Quantity.unit`.
UNITS: tuple[str, ...] = ("count", "percent", "percentage_points", "fraction", "currency", "duration", "ratio",
                          "points")
#: Values of :attr:`Quantity.per` (besides ``None``).
PER_VALUES: tuple[str, ...] = RATE_BASES
#: Values of :attr:`Quantity.duration_unit` (besides ``None``).
DURATION_UNITS: tuple[str, ...] = TIME_UNITS

# Units whose whole numbers have step 1 (the named unit is the grain), see the module docstring.
_GRAIN_UNITS = frozenset({"percent", "percentage_points", "duration", "ratio", "points"})

# ---------------------------------------------------------------------------------------------- pattern


def _alt(words) -> str:
    """Regex alternation of literal phrases, longest first, spaces matching any run of whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_UNITS_RE = _alt(UNIT_WORDS)
_TEENS_RE = _alt(TEEN_WORDS)
_TENS_RE = _alt(TENS_WORDS)
_SP = r"(?:\s+|-)"  # between parts of a number word ("twenty-one", "twenty one")
# 1..99 in words.
_B100 = rf"(?:(?:{_TENS_RE})(?:{_SP}(?:{_UNITS_RE}))?\b|(?:{_TEENS_RE}|{_UNITS_RE})\b)"
# A numeral may not end on the article of "a hundred", "a million", "half a dozen": "a" alone is no number.
_NOT_ON_A = r"(?<!\ba)(?<!\ban)"
# 1..9999 in words without a big scale: "three hundred and twelve", "a hundred", "twelve hundred".
_H = rf"(?:(?:{_B100}|an?\b)(?:{_SP}hundred\b(?:(?:\s+and)?\s+{_B100})?)?{_NOT_ON_A})"
_SEPA = r"(?:,?\s+(?:and\s+)?)"
# Big scales in descending order: "two billion, three hundred million and five thousand and six"
# ("trillion" takes only a last small group; "1.2 trillion" in digits is the usual form).
_TAIL = (
    rf"(?:trillion\b|billion\b(?:{_SEPA}{_H}\s+million\b)?(?:{_SEPA}{_H}\s+thousand\b)?"
    rf"|million\b(?:{_SEPA}{_H}\s+thousand\b)?|thousand\b)(?:{_SEPA}{_H})?"
)
_MULTA = r"(?:half\s+an?|an?)"
_WORDNUM_NZ = rf"(?:(?:{_H}|{_MULTA}\b)(?:\s+(?:{_TAIL}|dozen\b))?{_NOT_ON_A})"
_WORDNUM = rf"(?:{_WORDNUM_NZ}|zero\b)"

#: One character that may separate groups of three digits (:data:`numclaims.vocabulary.DIGIT_GROUP_SEPARATORS`:
#: the comma and the SI no-break spaces), as a regular-expression character class.
GROUP_SEPARATOR_RE = "[" + DIGIT_GROUP_SEPARATORS + "]"
# Digits: 1,600 / 1600 / 4.5 / 4\u00a0820 ; at most 15 integer digits; not part of a longer number.
_DIGITS = (rf"(?:(?:(?:[1-9]\d{{0,2}}(?:[ ]\d{{3}}){{1,4}}(?!\d))|\d{{1,3}}(?:{GROUP_SEPARATOR_RE}\d{{3}}){{1,4}}|\d{{1,15}})"
           rf"(?:\.\d{{1,30}})?(?![.,]?\d))")
_DIGITS_NZ = rf"(?:(?!0+(?:\.0+)?(?![.,]?\d)){_DIGITS})"
_ABBR_ATT = r"(?:mln|mn|bln|bn|trn|tn|m|b|k)"
_ABBR_SP = r"(?:mln|mn|bln|bn|trn|tn)"
_SCALEWORD = rf"(?:{words_re(SCALE_WORDS)})"  # the scale words, in numclaims.vocabulary's order
_HALF = r"(?:\s+and\s+a\s+half\b)"
_NUMERAL = (
    rf"(?:{_DIGITS}{_HALF}?(?:{_ABBR_ATT}\b|\s+{_ABBR_SP}\b|\s+{_SCALEWORD}\b)?"
    rf"|{_WORDNUM}(?:{_HALF}(?:\s+{_SCALEWORD}\b)?)?)"
)
_NUMERAL_NZ = (
    rf"(?:{_DIGITS_NZ}{_HALF}?(?:{_ABBR_ATT}\b|\s+{_ABBR_SP}\b|\s+{_SCALEWORD}\b)?"
    rf"|{_WORDNUM_NZ}(?:{_HALF}(?:\s+{_SCALEWORD}\b)?)?)"
)

# A claim's own words may carry any current ISO 4217 code in capitals ("KES 4,500 a month"); the extractor
# finds currencies in running text by its own, shorter list (numclaims.vocabulary.CURRENCY_CODES)
_CODES_RE = "|".join(ISO_4217_CODES)
_ISO_CODES = frozenset(ISO_4217_CODES)
_LETTER_PREFIXES_RE = _alt(CURRENCY_LETTER_PREFIXES)
_CURSYM = (
    r"(?:(?-i:US|U\.S\.)\s?\$|(?-i:R|MX|AU|A|NZ)\$|\$|€|£|\u20b9|(?-i:S)/\.?"
    rf"|(?-i:{_CODES_RE}|{_LETTER_PREFIXES_RE})(?![A-Za-z])|(?-i:Rs)(?:\.|(?![A-Za-z]))"
    + "".join(f"|(?-i:{k})(?={need})" for k, (_, need) in CURRENCY_LETTERS_BEFORE_LARGE.items()) + ")"
)
_CURWORDS = rf"(?:{CURRENCY_WORDS_AFTER_RE})\b"
_CURWORD_AFTER = rf"(?:\s*[€£]|\s+(?:of\s+)?{_CURWORDS}|\s+(?-i:{_CODES_RE})(?![A-Za-z]))"
#: Percentage points, the unit of the difference of two percentages (ONS Service Manual, "Percentages and
#: percentage points": "A percentage point is the difference between percentages"): written out, or "pp",
#: "p.p." after the number. "points" alone is not read (a score, a stock index).
_PTS = rf"(?:{POINTS_AFTER_RE})"
#: Basis points, hundredths of a percentage point ("25 basis points" = 0.25 percentage points).
_BPS = rf"(?:{BASIS_POINTS_AFTER_RE})"
#: "points" alone after a number: percentage points after a percentage ("down 1.5 points"), or a score or an
#: index; the words do not say which, so the unit ``points`` fits a record in either (numclaims.claimvalues).
_PTS_WORD = r"(?:\s+points?\b)"
#: A minus sign before a change in points ("-3.1 percentage points", "minus 2 points"): a fall.
_MINUS = r"(?:[-\u2212]\s?|minus\s+)"
_PCT = rf"(?:\s*%|\s*(?:percent|per\s*cent|pct)\b|(?:{_alt(PERCENT_ABBREVIATIONS)})\b)"
_PER_WORDS = rf"(?:{words_re(RATE_BASES)})"
_RATE = (
    rf"(?:\s+(?:a|an|per|each|every)\s+{_PER_WORDS}\b|\s*/\s*(?:{words_re(RATE_BASES)}|mo|yr|wk)\b"
    r"|\s+(?:daily|weekly|monthly|yearly|annually)\b|\s+per\s+annum\b|\s+p\.a\."
    rf"|-(?:a|an|per)-{_PER_WORDS}\b)"
)
_DURUNIT = rf"(?:{words_re(TIME_UNITS, plural=True)}|decades?)\b(?!\s+old\b)"

_APPROX_PHRASES = [p for p, c in QUALIFIER_PHRASES.items() if c == "approximately" and p != "~"]
_QUALWORDS = rf"(?:{_alt(p for p in QUALIFIER_PHRASES if p != '~')})"
_QUAL = rf"(?:{_QUALWORDS}\s+|~\s*)"
_APPROXQUAL = rf"(?:(?:{_alt(_APPROX_PHRASES)})\s+|~\s*)"
_QSUF = (
    r"(?:\+|\s*-\s*plus\b|\s+or\s+(?:more|over|above|fewer|less|under|below)\b"
    r"|\s+and\s+(?:over|above|up)\b)"
)
_DURPREP = (
    r"(?:(?:in|over|during|for|within|throughout)\s+the\s+(?:past|last|next|first)"
    r"|the\s+(?:past|last|next|first)|in|over|during|for|within|throughout|past|last|next)"
)

_RESERVED = sorted(
    set(NUMBER_WORDS) | set(FRACTION_WORDS) | set(VAGUE_PLURALS) | {
        "a", "an", "the", "and", "or", "nor", "to", "of", "per", "each", "every", "in", "on", "at", "by",
        "for", "from", "with", "without", "into", "onto", "over", "under", "above", "below", "about",
        "around", "some", "nearly", "almost", "more", "most", "less", "least", "fewer", "than", "up",
        "as", "no", "not", "between", "during", "within", "throughout", "past", "last", "next", "first",
        "this", "that", "these", "those", "it", "its", "they", "them", "their", "he", "she", "his",
        "her", "we", "our", "you", "i", "who", "whom", "which", "what", "when", "where", "while", "if",
        "so", "but", "also", "only", "just", "then", "is", "are", "was", "were", "be", "been", "being",
        "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "do",
        "does", "did", "said", "says", "according", "after", "before", "since", "until", "ago", "plus",
        "minus", "times", "fold", "percent", "percentage", "percentages", "point", "points", "pct",
        "cent", "day", "days", "week", "weeks", "month", "months", "year", "years", "decade",
        "decades", "hour", "hours", "minute", "minutes", "second", "seconds", "daily", "weekly",
        "monthly", "yearly", "annually", "annum", "am", "pm", "dollar", "dollars", "euro", "euros",
        "soles", "nuevos", "pounds", "sterling", "estimated", "approximately", "roughly", "circa",
        "ratio", "all", "both", "half", "halves", "dozens", "hundreds", "thousands", "millions",
        "billions", "trillions", "tens", "scores", "twice", "thrice", "double", "triple", "treble",
        "quadruple",
    } | {c.lower() for c in CURRENCY_CODES}
)
_RESERVED_RE = "|".join(sorted(_RESERVED, key=len, reverse=True))


_NOUN = (
    r"(?:\s+of(?:\s+(?:the|all|its|their|these|those))?)?"
    rf"\s+(?!(?:{_RESERVED_RE})\b)(?P<noun>[^\W\d_]{{1,40}}(?:['’-][^\W\d_]{{1,40}}){{0,2}})"
)



_B100_OR_DIG = rf"(?:{_DIGITS}|{_B100})"
_B100_OR_DIG_NZ = rf"(?:{_DIGITS_NZ}|{_B100})"
_FOLD_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand)"
_RATIO = (
    rf"(?P<x_qual>{_QUAL})?(?:"
    rf"(?:an?\s+)?ratio\s+of\s+(?P<x_ra>{_B100_OR_DIG})(?:\s+to\s+|\s*:\s*)(?P<x_rb>{_B100_OR_DIG_NZ})"
    rf"|(?P<x_ca>{_DIGITS})\s*:\s*(?P<x_cb>[1-9])(?![\d:])"
    rf"|(?P<x_ta>{_B100_OR_DIG})-to-(?P<x_tb>{_B100_OR_DIG_NZ})"
    rf"|(?P<x_fold>{_FOLD_WORDS}fold)\b"
    rf"|(?P<x_word>{_alt(MULTIPLIERS)})\b)"
)

_RANGE = (
    rf"(?P<r_qual>{_APPROXQUAL})?(?:(?P<r_prep>{_DURPREP})\s+)?(?:(?P<r_word>between|from)\s+)?"
    rf"(?:(?P<r_cur>{_CURSYM})\s*)?(?P<r_a>{_NUMERAL})(?(r_cur)|(?P<r_apct>{_PCT})?)"
    rf"(?P<r_sep>(?(r_word)\s+and\s+|(?!))|\s+to\s+|(?<=[\d%])\s*[-–—]\s*)"
    rf"(?:(?P=r_cur)\s*)?(?P<r_b>{_NUMERAL})"
    rf"(?(r_prep)(?:\s+|-)(?P<r_dunit>{_DURUNIT})"
    rf"|(?:(?(r_cur)(?!)|(?:(?P<r_pts>{_PTS})|(?P<r_pct>{_PCT})))"
    rf"|(?(r_apct)(?!)|(?(r_cur)(?!)|(?:(?P<r_curword>{_CURWORD_AFTER})"
    rf"|(?:\s+|-)(?P<r_dunit2>{_DURUNIT})))))?)"
)

_VAGUE_RE = (
    r"(?:(?:tens|hundreds)\s+of\s+)?(?:thousands|millions|billions|trillions)\b|hundreds\b|dozens\b"
)
_VAGUE_BRANCH = (
    rf"(?P<v_qual>{_APPROXQUAL})?(?P<v_num>{_VAGUE_RE})(?:\s+(?:of\s+)?(?P<v_curword>{_CURWORDS}))?"
    r"(?:\s+of\b)?"
)

_NOT_YEAR = r"(?!(?:19|20)\d\d(?![\d,.]))"
_FRACTION = (
    rf"(?P<f_qual>{_QUAL})?(?:"
    rf"(?P<f_num>an?\b|{_B100}|\d{{1,2}}(?![.,]?\d)){_SP}(?P<f_den>{_alt(FRACTION_WORDS)})\b"
    rf"|(?P<f_half>half)\b(?!\s+an?\s+(?:dozen|hundred|thousand|million|billion|trillion|day|week|month"
    rf"|year|decade|hour|minute|second)\b)"
    rf"|(?P<f_inum>{_B100}|\d{{1,3}}(?![.,]?\d))\s+(?:in|out\s+of)(?:\s+every)?\s+"
    rf"(?P<f_iden>{_NOT_YEAR}(?:{_DIGITS_NZ}|(?:{_B100}|an?)\s+(?:hundred|thousand|million|billion)\b"
    rf"|{_B100}))(?!\s+{_DURUNIT})"
    # "71 pence of every pound", "30 cents in every dollar": a hundredth of the currency per unit, a percentage
    rf"|(?P<f_pnum>[1-9]?\d)\s*(?:pence|p|cents?)\s+(?:of|in|out\s+of)\s+(?:every|each)\s+"
    rf"(?:pound|dollar|euro|£1|\$1|€1)\b)"
)

# Amounts, counts, percentages, durations and multipliers ("N times") share one branch: after a
# duration preposition ("over", "in the past") only a duration may follow; a currency excludes the
# other units.
_AMOUNT = (
    rf"(?:(?P<d_prep>{_DURPREP})\s+)?(?P<a_qual>{_QUAL})?(?:(?P<a_cur>{_CURSYM})\s*)?(?P<a_num>{_NUMERAL})"
    rf"(?(d_prep)(?(a_cur)(?!)|(?:\s+|-)(?P<d_unit>{_DURUNIT}))"
    rf"|(?(a_cur)|(?:(?:\s+|-)(?P<d_unit2>{_DURUNIT})|\s+(?P<x_times>times)\b|(?:\s+|-)?(?P<x_fold2>fold)\b"
    rf"|(?P<a_pts>{_PTS})|(?P<a_bps>{_BPS})|(?P<a_ptw>{_PTS_WORD})|(?P<a_pct>{_PCT})|(?P<a_curword>{_CURWORD_AFTER}))?)"
    rf"(?(a_qual)|(?P<a_qsuf>{_QSUF})?))"
)

# A change in points with its sign: "-3.1 percentage points", "minus 25 basis points" (only points: a
# percentage, a count or an amount is never negative here).
_NEGATIVE_POINTS = (
    rf"(?P<n_qual>{_QUAL})?{_MINUS}(?P<n_num>{_NUMERAL})(?:(?P<n_pts>{_PTS})|(?P<n_bps>{_BPS})|(?P<n_ptw>{_PTS_WORD}))"
)

_QUANTITY_SRC = (
    r"(?<![\w.,/\-–])(?<!\d:)(?:"
    rf"(?P<negpts>{_NEGATIVE_POINTS})|"
    rf"(?P<ratio>{_RATIO})|(?P<range>{_RANGE})|(?P<vague>{_VAGUE_BRANCH})"
    rf"|(?P<fraction>{_FRACTION})|(?P<amount>{_AMOUNT}))"
    rf"(?:{_NOUN})?(?P<rate>{_RATE})?"
    r"(?![\w%+]|-\w|:\d)"
)

#: Compiled pattern (case-insensitive) that matches one quantity phrase inside running text. Use
#: ``QUANTITY_PATTERN.finditer(text)``; :func:`parse` reads every ``match.group(0)`` (see "Errors" in the
#: module docstring for the few that it reads as impossible). Exactly one of the top-level groups
#: ``ratio`` ("3:1", "3-to-1", "tenfold"), ``range`` ("200-300", "between $2 and $3 million"), ``vague``
#: ("tens of thousands"), ``fraction`` ("three quarters", "one in five") and ``amount`` (everything else:
#: counts, money, percentages, durations, "N times") is set; it spans the quantity without the noun and
#: rate that may follow. Groups common to all kinds:
#:
#: * ``noun``: the uninterpreted word after the quantity ("women" in "300 women", "hundreds of women");
#: * ``rate``: the time base as written (" a month", "/yr", " annually").
#:
#: Inner groups (``None`` when absent):
#:
#: * amount: ``d_prep`` (duration preposition: "over", "for", "in the past"), ``a_qual`` (qualifier
#:   before, e.g. "as many as ", "~"), ``a_cur`` (currency before: "$", "US$", "S/.", "EUR"), ``a_num``
#:   (the numeral with its scale: "1,600", "2 million", "5m", "twenty-one", "two and a half"),
#:   ``d_unit``/``d_unit2`` (duration unit: "years"), ``x_times``/``x_fold2`` ("times", "fold"),
#:   ``a_pts`` (" percentage points", "pp"), ``a_pct`` ("%", " percent"), ``a_curword`` (currency after:
#:   " dollars", " soles", "€"), ``a_qsuf``
#:   (qualifier after: "+", " or more");
#: * ratio: ``x_qual``; terms ``x_ra``/``x_rb`` ("a ratio of a to b"), ``x_ca``/``x_cb`` ("a:b"),
#:   ``x_ta``/``x_tb`` ("a-to-b"); ``x_fold`` ("tenfold");
#: * range: ``r_qual`` (approximate qualifier, absorbed), ``r_prep``, ``r_word`` ("between"/"from"),
#:   ``r_cur``, ``r_a``, ``r_apct``, ``r_sep`` (" and ", " to ", "-"), ``r_b``, ``r_pct``,
#:   ``r_curword``, ``r_dunit``/``r_dunit2``;
#: * vague: ``v_qual``, ``v_num`` ("tens of thousands"), ``v_curword`` ("dollars");
#: * fraction: ``f_qual``, ``f_num``/``f_den`` ("two"/"thirds"), ``f_half``, ``f_inum``/``f_iden``
#:   ("one"/"five" in "one in five").
#:
#: A match never starts inside a word or number (after a letter, digit, ".", ",", "/", a hyphen or
#: "digit:") and never ends before a letter, digit, "%", "+", a hyphenated word or ":digit" ("3-day-old"
#: and the clock time "10:30" are not matched).
#:
#: Compiled on first use (module ``__getattr__``), not on import: :func:`parse` reads through
#: :data:`_PARSE_PATTERN` and needs this one only for a non-ASCII phrase that lower-casing changes, so a
#: ``numclaims`` process (a check run's parent, before its first task) does not pay its 0.1 s compile.
_QUANTITY: list[re.Pattern[str]] = []


def _quantity_pattern() -> re.Pattern[str]:
    """:data:`QUANTITY_PATTERN`, compiled once per process on first use."""
    if not _QUANTITY:
        _QUANTITY.append(re.compile(_QUANTITY_SRC, re.IGNORECASE))
    return _QUANTITY[0]


def __getattr__(name: str) -> Any:
    """``QUANTITY_PATTERN`` (``numerals.QUANTITY_PATTERN`` and ``from numerals import QUANTITY_PATTERN``),
    compiled on first use (:func:`_quantity_pattern`). Raises ``AttributeError`` for any other name."""
    if name == "QUANTITY_PATTERN":
        return _quantity_pattern()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The same pattern for lower-cased text, compiled without IGNORECASE (two to three times faster);
# :func:`parse` tries it first on the lower-cased phrase and falls back to QUANTITY_PATTERN (:func:`_quantity_pattern`).
_PARSE_PATTERN: re.Pattern[str] = re.compile(
    re.sub(r"\(\?-i:([^()]*)\)", lambda m: "(?:" + m.group(1).lower() + ")", _QUANTITY_SRC)
)

_NUMERAL_PARTS = re.compile(
    rf"(?:(?P<dig>{_DIGITS})|(?P<wrd>{_WORDNUM}))(?P<half>{_HALF})?"
    rf"(?:(?P<abbr>{_ABBR_ATT})|\s+(?P<sabbr>{_ABBR_SP})|\s+(?P<scale>{_SCALEWORD}))?",
    re.IGNORECASE,
)
_WORD_TOKEN = re.compile(r"[a-z]+")
_MAX_LEN = 1000  # longer than any phrase the pattern can match, once whitespace is collapsed
# Exact decimal arithmetic: numerals have at most 15 + 30 digits and scales are powers of ten.
_DC = Context(prec=100)
_ONE_D = Decimal(1)
_HALF_D = Decimal("0.5")

# ---------------------------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity phrase as read by :func:`parse`.

    Attributes:
        value: the number as written, in its unit (42 for "42 percent", 2000000.0 for "$2 million", 0.75
            for "three quarters", 3 for "three years"); for a range or vague plural the midpoint of
            ``low`` and ``high``.
        unit: one of :data:`UNITS`: ``count`` (a plain number of persons, things or events, or any bare
            numeral), ``percent`` (points out of 100), ``fraction`` (a share in [0, 1]), ``currency``
            (an amount of money, code in ``currency``), ``duration`` (a length of time, unit in
            ``duration_unit``) or ``ratio`` (a multiplier, a / b).
        currency: ISO 4217 code for money ("USD", "EUR", "PEN", "GBP", ...), else ``None``.
        per: time base of a rate ("day", "week", "month", "year") or ``None``.
        duration_unit: for durations, "hour", "day", "week", "month" or "year" (decades are 10 years); else
            ``None``.
        qualifier: canonical name from :data:`numclaims.rules.QUALIFIERS`.
        precision: the rounding step of the numeral as written, in the unit of ``value`` (> 0).
        interval: the :class:`~numclaims.intervals.Interval` of true values, from
            :func:`numclaims.rules.interval_for` (``rules.interval_for_vague_plural`` for vague plurals).
        text: the phrase as given to :func:`parse`.
        low, high: the two ends of a range or vague plural; equal to ``value`` otherwise.
        noun: the word after the quantity ("women"), lower-cased, not interpreted; else ``None``.
    """

    value: float
    unit: str
    currency: str | None
    per: str | None
    duration_unit: str | None
    qualifier: str
    precision: float
    interval: Interval
    text: str
    low: float
    high: float
    noun: str | None = None


def _quote(text: str) -> str:
    return repr(text if len(text) <= 120 else text[:117] + "...")


_GROUP_SEP = re.compile(GROUP_SEPARATOR_RE + "|[ ](?=\\d{3})")
# A no-break or thin space between digit groups (SI style), where the group after it has three digits
_GROUP_SPACE = re.compile(rf"(?<=\d)[{DIGIT_GROUP_SEPARATORS[1:]}](?=\d{{3}}(?!\d))")


def plain_digits(digits: str) -> str:
    """The digits of a numeral without its group separators: ``"4,820"``, ``"4\\u00a0820"`` and
    ``"4\\u202f820"`` -> ``"4820"``; a decimal point is kept (``"1,234.5"`` -> ``"1234.5"``). The
    separators are :data:`numclaims.vocabulary.DIGIT_GROUP_SEPARATORS`; a string without them is
    returned as it is."""
    return _GROUP_SEP.sub("", digits)


def _words_value(s: str) -> Decimal:
    """Value of a number in words matched by the word grammar ("two thousand three hundred")."""
    total = 0
    cur = None  # int, or Decimal 0.5 for "half a"
    toks = _WORD_TOKEN.findall(s.lower())
    i = 0
    while i < len(toks):
        t = toks[i]
        if t == "and":
            pass
        elif t == "half":  # "half a million", "half a dozen"
            cur = _HALF_D
            if i + 1 < len(toks) and toks[i + 1] in ("a", "an"):
                i += 1
        elif t in ("a", "an"):
            cur = 1
        elif t == "zero":
            cur = 0
        elif t == "hundred":
            cur = (1 if cur is None else cur) * 100
        elif t == "dozen":
            cur = (1 if cur is None else cur) * 12
        elif t in BIG_SCALES:
            total += (1 if cur is None else cur) * BIG_SCALES[t]
            cur = None
        else:
            cur = (cur or 0) + NUMBER_WORDS[t]
        i += 1
    return Decimal(total + (cur or 0))


def _read_numeral(s: str, unit: str) -> tuple[Decimal, Decimal, int]:
    """Read a numeral (digits or words, with "and a half" and a scale) -> (value, step, scale)."""
    m = _NUMERAL_PARTS.fullmatch(s)
    if m is None:  # pragma: no cover - the main pattern only hands over numerals
        raise ValueError(f"cannot read the numeral {s!r}")
    dig, half, ab, sw = m.group("dig", "half", "abbr", "scale")
    ab = ab or m.group("sabbr")
    decimals = 0
    if dig is not None:
        plain = plain_digits(dig)
        mant = Decimal(plain)
        dot = plain.find(".")
        if dot >= 0:
            decimals = len(plain) - dot - 1
    else:
        mant = _words_value(m.group("wrd"))
    if half:
        mant = _DC.add(mant, _HALF_D)
    if ab:
        scale = SCALE_ABBREVIATIONS[ab.lower()]
    elif sw:
        scale = SCALE_WORDS[sw.lower()]
    else:
        scale = 1
    if half:
        step = _HALF_D
    elif decimals:
        step = _ONE_D.scaleb(-decimals)
    elif unit in _GRAIN_UNITS or mant != mant.to_integral_value():
        step = _ONE_D
    else:
        step = Decimal(rules.step_of_integer(float(mant)))
    if scale == 1:
        return mant, step, 1
    return _DC.multiply(mant, scale), _DC.multiply(step, scale), scale


def _qualifier_of(phrase: str | None) -> str:
    if not phrase:
        return "exact"
    key = " ".join(phrase.lower().split())
    return QUALIFIER_PHRASES[key]


def _suffix_qualifier(suffix: str) -> str:
    key = " ".join(suffix.lower().replace("-", " -").split())
    key = key.replace("- plus", "-plus")
    return QUALIFIER_SUFFIXES[key]


def _currency_code(marker: str) -> str | None:
    """ISO 4217 code of a currency marker ("$", "KSh", "euros", "PEN"); None for a currency word that
    names none (:data:`numclaims.vocabulary.AMBIGUOUS_CURRENCY_WORDS`: "rupees", "Rs")."""
    key = " ".join(marker.lower().split()).replace(" $", "$")
    if key.startswith("of "):
        key = key[3:]
    if key in AMBIGUOUS_CURRENCY_WORDS:
        return None
    return CURRENCY_SYMBOLS[key] if key in CURRENCY_SYMBOLS or key.upper() not in _ISO_CODES else key.upper()


_PER_KEYS = (("day", "day"), ("dai", "day"), ("week", "week"), ("wk", "week"), ("month", "month"),
             ("mo", "month"), ("annum", "year"), ("annual", "year"), ("p.a.", "year"), ("year", "year"),
             ("yr", "year"))


def _per_of(rate: str | None) -> str | None:
    if not rate:
        return None
    r = rate.lower()
    for word, per in _PER_KEYS:
        if word in r:
            return per
    raise ValueError(f"unknown rate {rate!r}")  # pragma: no cover


def _duration_unit(word: str) -> tuple[str, int]:
    w = word.lower().rstrip("s")
    if w == "decade":
        return "year", 10
    return w, 1


def _whole(x: Decimal | Fraction) -> bool:
    if isinstance(x, Fraction):
        return x.denominator == 1
    return x == x.to_integral_value()


def _interval(value, qualifier: str, precision, unit: str, low=None, high=None) -> Interval:
    """Interval from :func:`rules.interval_for`; plain counts that are not whole read as "number"."""
    iu = unit if unit != "count" or _whole(value) else "number"
    try:
        if unit == "fraction" and qualifier in ("exact", "approximately", "nearly"):
            return rules.interval_for_word_fraction(float(value), qualifier, grain=float(precision))
        return rules.interval_for(
            float(value), qualifier, float(precision), unit=iu,
            low=None if low is None else float(low), high=None if high is None else float(high),
        )
    except ValueError as e:
        raise ValueError(f"no possible value: {e}") from None


def _make(text: str, value, unit: str, qualifier: str, precision, *, currency: str | None = None,
          per: str | None = None, duration_unit: str | None = None, noun: str | None = None) -> Quantity:
    iv = _interval(value, qualifier, precision, unit)
    v = float(value)
    return Quantity(v, unit, currency, per, duration_unit, qualifier, float(precision), iv, text, v, v,
                    noun.lower() if noun else None)


def _small_number(s: str) -> Fraction:
    """Value of a small term (digits or words) of a fraction or ratio, exactly."""
    s = s.strip()
    if s.lower() in ("a", "an"):
        return Fraction(1)
    if s[0].isdigit():
        return Fraction(s.replace(",", ""))
    return Fraction(_words_value(s))


def _parse_ratio(m: re.Match, text: str) -> Quantity:
    qual = _qualifier_of(m.group("x_qual"))
    per = _per_of(m.group("rate"))
    for ga, gb in (("x_ra", "x_rb"), ("x_ca", "x_cb"), ("x_ta", "x_tb")):
        if m.group(ga) is not None:
            a_txt = m.group(ga)
            a = _small_number(a_txt)
            b = _small_number(m.group(gb))
            dec = len(a_txt.split(".", 1)[1]) if "." in a_txt else 0
            step = Fraction(1, 10**dec) / b
            return _make(text, a / b, "ratio", qual, step, per=per, noun=m.group("noun"))
    if m.group("x_word") is not None:
        word = m.group("x_word").lower()
        # "twice a day" counts events per day, like "three times a day"
        unit = "count" if per and word in ("twice", "thrice") else "ratio"
        return _make(text, Decimal(MULTIPLIERS[word]), unit, qual, _ONE_D, per=per,
                     noun=m.group("noun"))
    word = m.group("x_fold").lower()[: -len("fold")]
    return _make(text, Decimal(NUMBER_WORDS[word]), "ratio", qual, _ONE_D, per=per,
                 noun=m.group("noun"))


def _parse_range(m: re.Match, text: str) -> Quantity:
    if m.group("r_pts"):
        unit = "percentage_points"  # "2-3 percentage points"
    elif m.group("r_apct") or m.group("r_pct"):
        unit = "percent"
    elif m.group("r_cur") or m.group("r_curword"):
        unit = "currency"
    elif m.group("r_dunit") or m.group("r_dunit2"):
        unit = "duration"
    else:
        unit = "count"
    a, sa, ka = _read_numeral(m.group("r_a"), unit)
    b, sb, kb = _read_numeral(m.group("r_b"), unit)
    # A scale written on one end only applies to both when that keeps low <= high.
    if ka == 1 and kb != 1 and _DC.multiply(a, kb) <= b:
        a, sa = _DC.multiply(a, kb), _DC.multiply(sa, kb)
    elif kb == 1 and ka != 1 and a <= _DC.multiply(b, ka):
        b, sb = _DC.multiply(b, ka), _DC.multiply(sb, ka)
    du = None
    dword = m.group("r_dunit") or m.group("r_dunit2")
    if dword:
        du, mult = _duration_unit(dword)
        if mult != 1:
            a, b, sa, sb = (_DC.multiply(x, mult) for x in (a, b, sa, sb))
    if a > b:
        raise ValueError(f"range {m.group('r_a')!r} to {m.group('r_b')!r} is reversed (high to low)")
    currency = None
    if unit == "currency":
        currency = _currency_code(m.group("r_cur") or m.group("r_curword"))
    mid = _DC.divide(_DC.add(a, b), 2)
    step = min(sa, sb)
    iv = _interval(mid, "range", step, unit, low=a, high=b)
    return Quantity(float(mid), unit, currency, _per_of(m.group("rate")), du, "range", float(step), iv,
                    text, float(a), float(b), (m.group("noun") or "").lower() or None)


def _parse_vague(m: re.Match, text: str) -> Quantity:
    key = " ".join(m.group("v_num").lower().split())
    lo, hi, step = VAGUE_PLURALS[key]
    cw = m.group("v_curword")
    unit = "currency" if cw else "count"
    iv = rules.interval_for_vague_plural(float(lo), float(hi))
    return Quantity((lo + hi) / 2, unit, _currency_code(cw) if cw else None, _per_of(m.group("rate")),
                    None, "range", float(step), iv, text, float(lo), float(hi),
                    (m.group("noun") or "").lower() or None)


def _parse_fraction(m: re.Match, text: str) -> Quantity:
    qual = _qualifier_of(m.group("f_qual"))
    if m.group("f_pnum") is not None:
        # "71 pence of every pound": 71 hundredths of a pound (100 pence) is 71 percent, rounded to the penny
        return _make(text, Decimal(m.group("f_pnum")), "percent", qual, Decimal(1), per=_per_of(m.group("rate")),
                     noun=m.group("noun"))
    if m.group("f_half") is not None:
        num, den = Fraction(1), Fraction(2)
    elif m.group("f_den") is not None:
        num = _small_number(m.group("f_num"))
        den = Fraction(FRACTION_WORDS[m.group("f_den").lower()])
    else:
        num = _small_number(m.group("f_inum"))
        den = Fraction(_read_numeral(m.group("f_iden"), "count")[0])
    value = num / den
    if value > 1:
        raise ValueError(f"share above 1 ({num} of {den})")
    return _make(text, value, "fraction", qual, 1 / den, per=_per_of(m.group("rate")),
                 noun=m.group("noun"))


def _parse_amount(m: re.Match, text: str) -> Quantity:
    qual = _qualifier_of(m.group("a_qual"))
    if m.group("a_qsuf"):
        qual = _suffix_qualifier(m.group("a_qsuf"))
    per = _per_of(m.group("rate"))
    noun = m.group("noun")
    dword = m.group("d_unit") or m.group("d_unit2")
    if dword:
        prep = m.group("d_prep")
        if prep and m.group("a_qual") is None and prep.lower() == "within":
            qual = "up_to"  # "within two years": at most two years
        du, mult = _duration_unit(dword)
        value, step, _ = _read_numeral(m.group("a_num"), "duration")
        if mult != 1:
            value, step = _DC.multiply(value, mult), _DC.multiply(step, mult)
        return _make(text, value, "duration", qual, step, duration_unit=du, per=per, noun=noun)
    if m.group("x_times") or m.group("x_fold2"):
        # "three times as many" is a multiplier; "three times a day" counts events per day.
        unit = "count" if (per and m.group("x_times")) else "ratio"
        value, step, _ = _read_numeral(m.group("a_num"), unit)
        return _make(text, value, unit, qual, step, per=per, noun=noun)
    cur = m.group("a_cur") or m.group("a_curword")
    if m.group("a_bps"):
        return _basis_points(m.group("a_num"), qual, text, noun=noun, per=per)
    if m.group("a_ptw"):
        unit = "points"
    elif m.group("a_pts"):
        unit = "percentage_points"
    elif m.group("a_pct"):
        unit = "percent"
    elif cur:
        unit = "currency"
    else:
        unit = "count"
    value, step, _ = _read_numeral(m.group("a_num"), unit)
    return _make(text, value, unit, qual, step, currency=_currency_code(cur) if cur else None,
                 per=per, noun=noun)


def _basis_points(numeral: str, qual: str, text: str, sign: int = 1, noun: str | None = None,
                  per: str | None = None) -> Quantity:
    """A number of basis points as percentage points: the value and its step divided by
    :data:`numclaims.vocabulary.BASIS_POINTS_PER_POINT` ("25 basis points" -> 0.25, step 0.01)."""
    value, step, _ = _read_numeral(numeral, "percentage_points")
    k = Decimal(BASIS_POINTS_PER_POINT)
    return _make(text, _DC.divide(value, k) * sign, "percentage_points", qual, _DC.divide(step, k), noun=noun, per=per)


def _parse_negative_points(m: re.Match, text: str) -> Quantity:
    """"-3.1 percentage points", "minus 25 basis points", "-1.5 points": a fall in points, its value negative
    (a claim in percentage points may be below 0: numclaims.records)."""
    qual = _qualifier_of(m.group("n_qual"))
    if m.group("n_bps"):
        return _basis_points(m.group("n_num"), qual, text, sign=-1)
    unit = "points" if m.group("n_ptw") else "percentage_points"
    value, step, _ = _read_numeral(m.group("n_num"), unit)
    return _make(text, -value, unit, qual, step)


_BRANCHES = (
    ("negpts", _parse_negative_points),
    ("ratio", _parse_ratio),
    ("range", _parse_range),
    ("vague", _parse_vague),
    ("fraction", _parse_fraction),
    ("amount", _parse_amount),
)


#: The most significant digits a numeral may write: a float (IEEE 754 binary64, as every value here is
#: held) keeps every decimal of up to 15 significant digits exactly as written (C's ``DBL_DIG``), and no
#: news figure writes more; a longer numeral is refused (parser) or not read (running text), never rounded.
MAX_SIGNIFICANT_DIGITS = 15
_NUMERAL_RUN = re.compile(r"\d(?:[\d,.\u00a0\u202f\u2009]|[ ](?=\d{3}(?!\d)))*")
_NON_DIGIT = re.compile(r"\D")


def too_many_digits(text: str) -> str | None:
    """The first numeral of ``text`` that writes more than :data:`MAX_SIGNIFICANT_DIGITS` significant
    digits (leading zeros do not count; digits after a decimal point do), or None. Groups parted by
    commas, no-break or thin spaces, or an ordinary space before three digits, are one numeral."""
    for m in _NUMERAL_RUN.finditer(text):
        run = m.group()
        # a run no longer than the limit holds no more digits than that: counted only when longer (most
        # numerals of a text are short; this is called for every mention the coverage scan reads)
        if len(run) > MAX_SIGNIFICANT_DIGITS and len(_NON_DIGIT.sub("", run).lstrip("0")) > MAX_SIGNIFICANT_DIGITS:
            return run.rstrip(",. ")
    return None


#: A qualifier of direction before a range ("topped 5-6 percent", "more than 200-300"), which parse refuses.
_DIRECTED = {p: q for p, q in QUALIFIER_PHRASES.items() if q in ("more_than", "at_least", "less_than", "up_to")}
_QUALIFIED_RANGE = re.compile(rf"({_alt(_DIRECTED)})\s+(.+)", re.IGNORECASE)


_RANGE_ENDS = re.compile(r"(?:between\s+|from\s+)?(\S*\d[\d,.]*)\s*(?:-|\u2013|\s+to\s+|\s+and\s+)\s*(\S*?\d[\d,.]*)",
                         re.IGNORECASE)


def _qualified_range(norm: str) -> str | None:
    """Why a qualifier of direction before a range is not read ("topped 5-6 percent": it passes no one
    figure), with what to write instead; None when ``norm`` is not such a phrase."""
    m = _QUALIFIED_RANGE.fullmatch(norm)
    if m is None:
        return None
    try:
        q = parse(m.group(2))
    except ValueError:
        return None
    if q.qualifier != "range":
        return None
    word, rng, qualifier = m.group(1), m.group(2), _DIRECTED[m.group(1).lower()]
    low_end = qualifier in ("more_than", "at_least")  # passing a range passes its low end; under, its high
    ends = _RANGE_ENDS.match(rng)
    if ends is None:
        one = rng
    else:  # the end's numeral, with the sign written before the first ("$5-6 million" -> "$6 million")
        sign = re.match(r"\D*", ends.group(1)).group()
        end = ends.group(1) if low_end else (ends.group(2) if ends.group(2).startswith(sign) else sign + ends.group(2))
        one = rng[:ends.start()] + end + rng[ends.end():]
    value = format(Decimal(repr(float(q.low if low_end else q.high))).normalize(), "f")
    return (f"'{word}' before a range bounds no one figure; write the end it bounds, '{word} {one}' (qualifier "
            f"{qualifier}, value {value}), or the range alone, '{rng}' (qualifier range)")


#: One unit of time written with the article in a claim's own text ("a year", "for a month", "over an
#: hour"): a duration of 1, as "one year" is (semantics section 10). Running text is not read so ("a year
#: ago", "$5 a year" are no durations), since the extractor finds mentions by their numerals.
_ONE_UNIT_OF_TIME = re.compile(r"((?:for|over|during)\s+)?an?\s+(hour|day|week|month|year|decade)",
                               re.IGNORECASE)


def parse(text: str) -> Quantity:
    """Read one quantity phrase as a journalist writes it.

    Args:
        text: a short phrase such as "As many as 1,600 adolescents", "$60,000 a month", "over three
            years", "three quarters", "between 200 and 300", "tens of thousands of people". Case and
            runs of whitespace (including non-breaking spaces) are ignored; one trailing noun is allowed.
            Any substring matched by :data:`QUANTITY_PATTERN` is accepted.

    Returns:
        A :class:`Quantity` whose ``interval`` comes from :func:`numclaims.rules.interval_for` with the
        qualifier, step and unit read from the phrase (see the module docstring for the rules).

    Raises:
        ValueError: the text holds no readable quantity ("", "hello", "the year", a lone "$"), holds
            more than one, or its reading leaves no value ("less than 0", "300-200", "five quarters").
            The message quotes the text. No other exception escapes for a string argument.
        TypeError: ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() needs a string, got {type(text).__name__}")
    try:
        # SI-style spaces between digit groups are kept apart from the spaces between words
        norm = " ".join((text if text.isascii() else _GROUP_SPACE.sub(",", text)).split())
        if not norm:
            raise ValueError("empty text")
        if len(norm) > _MAX_LEN:
            raise ValueError(f"longer than {_MAX_LEN} characters, not one quantity phrase")
        long = too_many_digits(text)
        if long is not None:
            raise ValueError(f"'{long}' writes more than {MAX_SIGNIFICANT_DIGITS} significant digits, more "
                             "than a figure is held to exactly; write it rounded to at most "
                             f"{MAX_SIGNIFICANT_DIGITS} (a scale word such as 'trillion' may carry the zeros)")
        m = _PARSE_PATTERN.fullmatch(norm.lower())
        one = _ONE_UNIT_OF_TIME.fullmatch(norm) if m is None else None
        if one is not None:
            # "a year", "for a month", "over an hour": one of the unit, read as "one year" is, text kept
            return replace(parse(f"{one.group(1) or ''}one {one.group(2)}"), text=text)
        if m is None and not norm.isascii():  # lower() of non-ASCII text may change its shape
            m = _quantity_pattern().fullmatch(norm)
        if m is None:
            raise ValueError(_qualified_range(norm) or "no quantity phrase")
        for name, reader in _BRANCHES:
            if m.group(name) is not None:
                return reader(m, text)
        raise ValueError("no quantity phrase")  # pragma: no cover
    except ValueError as e:
        raise ValueError(f"cannot read a quantity in {_quote(text)}: {e}") from None
    except Exception as e:  # pragma: no cover - defensive: only ValueError may escape
        raise ValueError(f"cannot read a quantity in {_quote(text)}: {type(e).__name__}: {e}") from None
