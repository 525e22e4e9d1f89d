"""The word alternations of the readers' regular expressions are generated from the tables of
:mod:`numclaims.vocabulary` (:func:`numclaims.vocabulary.words_re`), not spelt out again: each generated
pattern is the one once written by hand (kept below, as it was), and matches exactly as it did on the six
bundled source texts, the test fixture's source and the bad-input corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import numclaims.extract as extract
import numclaims.numerals as numerals
import numclaims.periods as periods
from numclaims.vocabulary import RATE_BASES, TIME_UNITS, words_re

ROOT = Path(__file__).resolve().parents[1]
TEXTS = sorted((ROOT / "datasets" / "sources").glob("*.txt")) + sorted(
    (ROOT / "tests" / "data" / "project" / "datasets" / "sources").glob("*.txt")) + sorted(
    (ROOT / "tests" / "bad_inputs").glob("*.yaml"))

#: (name, generated pattern, the pattern as written by hand before, flags it is compiled with)
PATTERNS = [
    ("extract._NUMWORD", extract._NUMWORD,
     r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six"
     r"|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
     r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)", re.IGNORECASE),
    ("extract._SCALE", extract._SCALE,
     r"(?:\s+(?:hundred|thousand|million|billion|trillion|quadrillion|lakhs|lakh|crores|crore)|(?:bln|mln|trn|bn|mn|tn|b|k|m"
     r"|\s(?:bln|mln|trn|bn|mn|tn|m))(?![A-Za-z]))",
     re.IGNORECASE),
    ("extract._DURATION_AFTER", extract._DURATION_AFTER.pattern, r"(?:\s+|-)(years?|months?|weeks?|days?|hours?)\b",
     re.IGNORECASE),
    ("extract._RATE_AFTER", extract._RATE_AFTER.pattern,
     r"\s+(?:a|an|per|each|every|a\s+single)\s+(day|week|month|year)\b|\s*/\s*(day|week|month|year)\b"
     r"|\s+(?:per\s+)?annum\b|-(?:a|an|per)-(day|week|month|year)\b", re.IGNORECASE),
    ("extract._DIGITS_SCALE", extract._DIGITS_SCALE.pattern, r"(.*?\d)\s?(bln|mln|trn|bn|mn|tn|b|k|m|hundred|thousand|million|billion|trillion|quadrillion|lakhs|lakh|crores|crore)",
     re.IGNORECASE),
    ("extract._NOUN_RATE", extract._NOUN_RATE.pattern,
     r"(?:\s+[a-z]+){0,2}?\s+(?:a|an|per|each|every)\s+(day|week|month|year)\b"
     r"(?!\s+(?:ago|later|earlier|before|after|since|of)\b|\s+on(?=\s*[,.;:]|\s+from\b|\s*$))", 0),
    ("numerals._SCALEWORD", numerals._SCALEWORD, r"(?:dozen|hundred|thousand|million|billion|trillion|quadrillion|lakhs|lakh|crores|crore)", re.IGNORECASE),
    ("numerals._RATE", numerals._RATE,
     r"(?:\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b|\s*/\s*(?:day|week|month|year|mo|yr|wk)\b"
     r"|\s+(?:daily|weekly|monthly|yearly|annually)\b|\s+per\s+annum\b|\s+p\.a\.|-(?:a|an|per)-(?:day|week|month|year)\b)",
     re.IGNORECASE),
    ("numerals._DURUNIT", numerals._DURUNIT, r"(?:hours?|days?|weeks?|months?|years?|decades?)\b(?!\s+old\b)", re.IGNORECASE),
    ("periods._UNIT", periods._UNIT, r"(years?|months?|weeks?|days?)", re.IGNORECASE),
]


#: Phrases for the patterns the texts above meet rarely (a rate after a noun is looked for after a number).
PHRASES = ("1,054 cases a year; $1 billion in profits a year; 2,000 victims rescued each year; 3 raids a week "
           "ago; 5 bn; 2 dozen; forty-two days; 7 per annum; 12/month; £3.5m-a-year; €450k; $2.4tn; Rs 5 crore")


def test_words_re():
    assert words_re(RATE_BASES) == "day|week|month|year"
    assert words_re(TIME_UNITS) == "hour|day|week|month|year"
    assert words_re(reversed(TIME_UNITS), plural=True) == "years?|months?|weeks?|days?|hours?"
    assert words_re([]) == ""


@pytest.mark.parametrize("name, new, old, flags", PATTERNS, ids=[p[0] for p in PATTERNS])
def test_a_generated_pattern_is_the_one_written_by_hand(name, new, old, flags):
    assert new == old


def test_the_mention_pattern_reads_fractions_after_the_same_words():
    # "(a|one|...|nine) third": the words before a fraction word, from vocabulary.UNIT_WORDS
    assert r"(?P<frac>\b(?:(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-])?" in extract.MENTION_PATTERN.pattern


def test_generated_patterns_match_as_before_on_the_texts():
    assert len(TEXTS) >= 6 + 1 + 150  # the six sources, the fixture's source, the bad-input corpus
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in TEXTS] + [PHRASES]
    hits = {}
    for name, new, old, flags in PATTERNS:
        a, b = re.compile(new, flags), re.compile(old, flags)
        spans = [[m.span() for m in a.finditer(t)] for t in texts]
        assert spans == [[m.span() for m in b.finditer(t)] for t in texts], name
        hits[name] = sum(map(len, spans))
    # every pattern matches somewhere, so the comparison compares something
    assert all(hits.values()), hits
