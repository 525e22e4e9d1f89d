"""The fast scan for numeric cores (:func:`numclaims.extract._cores`) finds exactly the matches of
``MENTION_PATTERN.finditer``: same spans, same named group, same groups, on every text."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims import extract

ROOT = Path(__file__).resolve().parents[1]


def _both(text: str) -> tuple[list, list]:
    slow = [(m.span(), m.lastgroup, m.groups()) for m in extract.MENTION_PATTERN.finditer(text)]
    fast = [(m.span(), m.lastgroup, m.groups()) for m in extract._cores(text)]
    return slow, fast


#: every word written in the pattern itself (so a word a new alternative starts with is drawn too), in
#: three cases, and the characters IGNORECASE folds onto ASCII letters
_PATTERN_WORDS = sorted(set(re.findall(r"[A-Za-z]{2,}", extract.MENTION_PATTERN.pattern)))
_WORDS = st.sampled_from(_PATTERN_WORDS).flatmap(
    lambda w: st.sampled_from([w, w.lower(), w.upper(), w.title()]))
_ODD = st.sampled_from(["\u0130", "\u0131", "\u017f", "\u212a", "\u0663", "\u00a0", "\u2013", "US$", "us$", "S/",
                        "S/.", "s/", "$", "\u20ac", "\u00a3", "\u20b9", "\u202f", "/", "-", ".", ",", "'", "\u2019", "_", "(", "\n",
                        "  ", "the year to", "12 months", "twelve months to the end of", "of", "and", "to"])
_NUMBERS = st.one_of(st.integers(0, 10**7).map(str), st.integers(0, 10**7).map(lambda n: f"{n:,}"),
                     st.floats(0, 1e4, allow_nan=False).map(lambda x: f"{x:.2f}"),
                     st.sampled_from(["1st", "2nd", "23rd", "4th", "2013", "1,012", "3.5", "0.25"]))
_TOKENS = st.one_of(_WORDS, _ODD, _NUMBERS, st.text(alphabet="abcxyzKSiI19$/.-", min_size=1, max_size=4))
_SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "-", ", ", ". "])


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=30))
def test_scan_equals_finditer(parts):
    text = "".join(a + b for a, b in parts)
    slow, fast = _both(text)
    assert fast == slow


def test_scan_equals_finditer_on_every_text_of_the_repository():
    texts = [p for pattern in ("datasets/**/*.txt", "tests/**/*.txt", "tests/**/*.yaml", "docs/**/*.md")
             for p in ROOT.glob(pattern)]
    assert len(texts) > 50  # the captures, the test data and the docs
    for p in texts:
        text = p.read_text(encoding="utf-8", errors="replace")
        slow, fast = _both(text)
        assert fast == slow, p


def test_scan_by_hand():
    # "the year to March 2023" (a date), "£5", "US$300" inside "BUS$300" (a sign needs no boundary before it),
    # "ſix" (U+017F folds onto "s": "six"), "forty-two", "3.5" after a full stop
    text = "In the year to March 2023, fares were £5; BUS$300 paid ſix times, forty-two. 3.5 percent"
    slow, fast = _both(text)
    assert [text[a:b] for (a, b), _, _ in fast] == ["the year to March 2023", "£5", "US$300", "ſix", "forty-two",
                                                    "3.5"]
    assert fast == slow


def test_a_missing_first_word_is_caught(monkeypatch):
    # fault injection: without "twelve" among the first words, "twelve months to March" is read from
    # "March" on, and the comparison above tells
    monkeypatch.setattr(extract, "_FIRST_WORDS", extract._FIRST_WORDS - {"twelve"})
    slow, fast = _both("In twelve months to March prices rose.")
    assert [s for s, _, _ in slow] == [(3, 25)]  # "twelve months to March": 3 = len("In "), 22 characters
    assert [s for s, _, _ in fast] == [(20, 25)]  # "March" alone
    assert fast != slow


# The line classes of the body heuristics (extract._classify_line) count the capitals of an ASCII line
# with bytes.translate and find its closing stop without a pattern: the same classes as the forms they
# replace (below, as they were), on every line.
def _classify_line_as_it_was(line: str) -> str:
    s = line.strip()
    if not s:
        return "blank"
    words = s.split()
    if extract._STRONG_MARKERS.match(s) or (len(words) <= 6 and extract._SHORT_MARKERS.match(s)):
        return "marker"
    if extract._DATELINE.match(s):
        return "dateline"
    if len(words) >= 8 and len(s) >= 40 and extract._SENTENCE_END.search(s):
        letters = "".join(filter(str.isalpha, s))
        upper_share = sum(map(str.isupper, letters)) / len(letters) if letters else 1.0
        if upper_share < 0.5:
            return "prose"
    return "label"


_LINE_TOKENS = st.one_of(
    st.sampled_from(["Police", "SAID", "the", "workers", "By", "Tom", "NAIROBI,", "14", "March", "2024", "/",
                     "\u00c9TAT", "stra\u00dfe", "\u0130", "\u0131", "\u01c5", "\u2163", "\u00aa", "42%", "A", "b"]),
    st.text(alphabet="aZ.!?\u2026\"'\u201d\u2019)] \u00e9\u00c9\u00a0\u3000-", min_size=1, max_size=6))


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(st.lists(_LINE_TOKENS, max_size=20), st.sampled_from([" ", "  ", "\u00a0", "\t"]),
       st.sampled_from(["", ".", ".\"", ".\u201d)", "!'", "?]", "\u2026", ". )", ".\u3000", "a."]))
def test_line_classes_equal_the_forms_they_replace(tokens, sep, end):
    line = sep.join(tokens) + end
    assert extract._classify_line(line) == _classify_line_as_it_was(line)
    s = line.strip()
    assert extract._sentence_end(s) == bool(extract._SENTENCE_END.search(s))


def test_line_classes_by_hand():
    # 9 words, 53 characters, ends with a stop: 2 capitals of 39 letters (under half) -> prose; the same
    # words in capitals (39 of 39) -> label; with "É" (not ASCII: counted by str.isupper) and a closing
    # quote after the stop, still 2 of 39 -> prose
    line = "Inspectors counted 1,700 workers in the north of Aab."
    assert extract._classify_line(line) == "prose"
    assert extract._classify_line(line.upper()) == "label"
    assert extract._classify_line(line.replace("Aab", "\u00c9ab") + "\u201d") == "prose"
    assert extract._sentence_end("the end.\u201d)") and not extract._sentence_end("the end.\u201d) x")


def _prev_word_as_it_was(text: str, pos: int) -> tuple[str, int]:
    m = extract._PREV_WORD.search(text[max(0, pos - 40):pos])
    if not m:
        return "", pos
    return m.group(1), max(0, pos - 40) + m.start(1)


_WORD_PIECES = st.one_of(st.sampled_from(["counted", "Mr.", "don't", "O\u2019Neil", "x_1", "12", "\u00e9t\u00e9", "A", "z9",
                                          "\u0663", "\u2163", " ", "  ", "\n", "\t", "\u00a0", "\u3000", ".", "'", "-", "(",
                                          "\u201c", "$"]),
                         st.text(alphabet="aZ9_.'\u2019 \n\u00e9-", min_size=1, max_size=5))


@settings(max_examples=2000, derandomize=True, database=None, deadline=None)
@given(st.lists(_WORD_PIECES, max_size=16).map("".join), st.integers(0, 80))
def test_previous_word_read_backwards_is_the_pattern_search(text, cut):
    # extract._prev_word (one anchored match of the reversed text) gives what the search of _PREV_WORD
    # over the 40 characters before the position gave: the same word and start, or none
    pos = min(cut, len(text))
    assert extract._prev_word(text, pos) == _prev_word_as_it_was(text, pos)


def test_previous_word_by_hand():
    # "Inspectors counted 1,700": the word before offset 19 is "counted" at 11; "Mr. 5" gives "Mr." (the
    # stop is a word character here); "2023 5" gives none (no ASCII letter); "d\u00e9j\u00e0 5": "d\u00e9j\u00e0" at 0
    assert extract._prev_word("Inspectors counted 1,700", 19) == ("counted", 11)
    assert extract._prev_word("Mr. 5", 4) == ("Mr.", 0)
    assert extract._prev_word("2023 5", 5) == ("", 5)
    assert extract._prev_word("d\u00e9j\u00e0 5", 5) == ("d\u00e9j\u00e0", 0)


def _qualifier_before_as_it_was(text: str, start: int):
    seg = text[max(0, start - 24):start]
    m = extract._QUAL_RE.search(seg)
    if not m:
        return None
    qstart = max(0, start - 24) + m.start(1)
    phrase = m.group(1).lower()
    if phrase in ("up to", "over", "above", "under", "below", "about"):
        prev, _ = _prev_word_as_it_was(text, qstart)
        if prev.lower() in extract._PHRASAL_VERBS:
            return None
    return extract.QUALIFIER_PHRASES[phrase], qstart


_QUALIFIER_PIECES = st.one_of(
    st.sampled_from(sorted(extract.RUNNING_TEXT_QUALIFIERS)).flatmap(
        lambda q: st.sampled_from([q, q.upper(), q.title(), q[1:], q + "s"])),
    st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "(", "\"", "'", "\u201c", "\u2018", "x", "shot", "went", "-", ".",
                     "more", "than", "no", "as", "\u0130", "\u017f"]))


@settings(max_examples=2000, derandomize=True, database=None, deadline=None)
@given(st.lists(_QUALIFIER_PIECES, max_size=10).map("".join), st.sampled_from(["", " ", "  ", "\n"]))
def test_qualifier_read_backwards_is_the_pattern_search(head, gap):
    # extract._qualifier_before (the reversed pattern matched once) gives what the search of _QUAL_RE over
    # the 24 characters before the number gave: the same phrase, canonical name and start, or none
    text = head + gap + "42"
    start = len(text) - 2
    assert extract._qualifier_before(text, start) == _qualifier_before_as_it_was(text, start)


def test_qualifier_before_by_hand():
    # "Some 400" -> approximately from 0; "shot up to 363": a verb particle, no bound; "(over 20": after a
    # bracket; "moreover 20": "over" inside a word is no qualifier
    assert extract._qualifier_before("Some 400", 5) == ("approximately", 0)
    assert extract._qualifier_before("prices shot up to 363", 18) is None
    assert extract._qualifier_before("(over 20", 6) == ("more_than", 1)
    assert extract._qualifier_before("moreover 20", 9) is None


def _num_value_as_it_was(core: str):
    digits, scale = extract._split_digits_scale(core)
    if extract._DIGITS_RE.fullmatch(digits):
        v = float(extract.plain_digits(digits))
        return v * extract._SCALES[scale] if scale else v
    return extract._words_value(core)


@settings(max_examples=1500, derandomize=True, database=None, deadline=None)
@given(st.one_of(_NUMBERS, st.sampled_from(["4\u00a0500", "4\u202f500", "12,500,000", "3.5", "0.25", " 12", "12 "])),
       st.sampled_from(["", " million", "m", " bn", "k", " thousand", "-million", " billion", "\u212a"]))
def test_value_of_digits_alone_is_the_split_reading(digits, scale):
    # extract._num_value reads a core of digits alone without the scale split: the same value as before
    core = digits + scale
    assert extract._num_value(core) == _num_value_as_it_was(core)
    assert extract._num_value("12,500") == 12500.0 and extract._num_value("2.5 million") == 2500000.0


#: every word written in the patterns tried after a number, in three cases, and the characters around them
_AFTER_WORDS = sorted({w for p in extract._AFTER_PATTERNS for w in re.findall(r"[A-Za-z]{2,}", p.pattern)})
_AFTER_TOKENS = st.one_of(st.sampled_from(_AFTER_WORDS).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title()])),
                          st.sampled_from([" ", "  ", "-", "%", ".", "p.p.", "\n", "\u00a0", "\u212a", "s", "x", "7"]))


@settings(max_examples=2000, derandomize=True, database=None, deadline=None)
@given(st.lists(_AFTER_TOKENS, max_size=8).map("".join))
def test_one_pattern_matches_after_a_number_where_one_of_the_eight_does(after):
    # extract._read_match skips the eight patterns of _AFTER_PATTERNS when _ANY_AFTER (their alternation)
    # does not match: it must match exactly where one of them matches, with the same flags
    assert all(p.flags == extract._ANY_AFTER.flags for p in extract._AFTER_PATTERNS)
    assert (extract._ANY_AFTER.match(after) is not None) == any(p.match(after) for p in extract._AFTER_PATTERNS)


def test_one_pattern_after_a_number_by_hand():
    # " workers" follows no unit word: none matches; " percent", "-year-old", " times higher", " years" do
    assert extract._ANY_AFTER.match(" workers in the north") is None
    for after in (" percent of", "-year-old", " times higher", " years", " dollars", "pp", " percentage points"):
        assert extract._ANY_AFTER.match(after) is not None, after


@settings(max_examples=1000, derandomize=True, database=None, deadline=None)
@given(st.lists(st.tuples(_TOKENS, _SEPARATORS), max_size=20))
def test_the_pattern_at_a_digit_is_the_whole_pattern_there(parts):
    # at every digit of the text (a decimal digit of any script) the pattern without its alternatives of
    # words matches as the whole pattern does: same span, group and groups, or no match
    text = "".join(a + b for a, b in parts)
    for q, ch in enumerate(text):
        if ch.isdecimal():
            a, b = extract.MENTION_PATTERN.match(text, q), extract.MENTION_AT_DIGIT.match(text, q)
            assert (a is None) == (b is None), (text, q)
            if a is not None:
                assert (a.span(), a.lastgroup, a.groups()) == (b.span(), b.lastgroup, b.groups()), (text, q)
