"""The one vocabulary (numclaims.vocabulary): the parser, the extractor, the period reader, the units and
the figures read number words, vague plurals, currencies, months and the year the same way. The values
are checked by hand."""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction
from pathlib import Path

import pytest

from numclaims import extract, figures, numerals, periods, records, units, vocabulary
from numclaims.extract import _find_mentions, find_mentions


def test_vocabulary_imports_nothing_from_the_package():
    src = Path(vocabulary.__file__).read_text(encoding="utf-8")
    assert "from ." not in src and "import numclaims" not in src


@pytest.mark.parametrize("read_values", [True, False])
def test_hundreds_is_the_same_interval_for_parser_and_extractor(read_values):
    q = numerals.parse("hundreds")
    assert (q.low, q.high, q.interval.low_closed, q.interval.high_closed) == (100, 1000, True, False)
    (m,) = _find_mentions("Hundreds of women were rescued.", None, False, read_values=read_values)
    # before: the extractor's own table read "hundreds of" as at least 200 when the parser did not run
    assert (m.qualifier, m.low, m.high, m.value) == ("range", 100.0, 1000.0, 550.0) == \
        (q.qualifier, q.low, q.high, q.value)
    assert m.unit == "persons"


def test_dozens_and_thousands_agree():
    for phrase, lo, hi in (("dozens", 12, 100), ("thousands", 1_000, 10_000)):
        q = numerals.parse(phrase)
        (m,) = _find_mentions(f"{phrase.title()} of people", None, False, read_values=False)
        assert (q.low, q.high) == (m.low, m.high) == (lo, hi)


def test_one_year_length_everywhere():
    assert vocabulary.DAYS_PER_YEAR == 365.25
    assert periods.duration_in(365.25, "days", "years") == 1
    assert periods.duration_in(1, "months", "days") == pytest.approx(30.4375)
    # pint's Julian year, as units converts a rate: a day rate x 365.25 is a year rate
    assert units.conversion("USD per day", "USD per year") == (Fraction(36525, 100), "")
    assert units.conversion("months", "days")[0] == Fraction(304375, 10000)
    for a in vocabulary.TIME_UNITS:  # pint's factors are the vocabulary's, for every pair of time units
        for b in vocabulary.TIME_UNITS:
            assert float(units.conversion(a + "s", b + "s")[0]) == pytest.approx(vocabulary.DAYS_PER[a] / vocabulary.DAYS_PER[b])
            assert periods.duration_in(1, a + "s", b + "s") == pytest.approx(vocabulary.DAYS_PER[a] / vocabulary.DAYS_PER[b])
    # the figures' months of a day-precision period: 30.4375 days each (before: 365.2425 / 12 = 30.436875)
    assert figures.months_spanned("2011-01-01", "2011-12-31") == pytest.approx(365 / 30.4375)


def test_months_are_one_table():
    assert periods.MONTHS is vocabulary.MONTHS
    assert vocabulary.MONTHS["sept"] == vocabulary.MONTHS["sep"] == vocabulary.MONTHS["september"] == 9
    assert periods.resolve("in Sept. 2013", dt.date(2013, 10, 4)).start == dt.date(2013, 9, 1)
    (m,) = find_mentions("on 4 Sept 2013 police said")
    assert m.value == "2013-09-04"


def test_currencies_are_one_table():
    # a record accepts every current ISO 4217 code; the parser reads a subset of them after a number (NZD
    # was read by the parser but refused by the records before)
    assert records.CURRENCIES == frozenset(vocabulary.ISO_4217_CODES)
    assert set(vocabulary.CURRENCY_CODES) <= records.CURRENCIES
    assert numerals.parse("5 NZD").currency == "NZD"
    (m,) = find_mentions("a fine of 300 bolivianos was paid")
    assert (m.currency, m.unit) == ("BOB", "BOB")
    (m,) = find_mentions("he paid S/. 500 to them")
    assert m.currency == numerals.parse("S/. 500").currency == "PEN"


def test_number_words_are_one_table():
    assert numerals.NUMBER_WORDS is vocabulary.NUMBER_WORDS
    assert periods.SMALL_NUMBERS["twenty"] == 20 and "dozen" not in periods.SMALL_NUMBERS
    assert extract._words_value("twenty-five thousand") == 25_000 == numerals.parse("twenty-five thousand").value
    assert periods._count("twelve") == 12 == numerals.parse("twelve").value


def test_qualifier_phrases_map_the_same_way():
    for phrase in vocabulary.RUNNING_TEXT_QUALIFIERS:
        assert phrase in vocabulary.QUALIFIER_PHRASES
    (m,) = find_mentions("as many as 400 adolescents")
    assert m.qualifier == numerals.parse("as many as 400").qualifier == "up_to"


def test_every_current_iso_4217_code_is_a_record_unit():
    # the table is pycountry's ISO 4217 list less XTS (testing) and XXX (no currency): 178 - 2 = 176 codes
    import pycountry

    assert set(vocabulary.ISO_4217_CODES) == {c.alpha_3 for c in pycountry.currencies} - {"XTS", "XXX"}
    assert len(vocabulary.ISO_4217_CODES) == 176 and list(vocabulary.ISO_4217_CODES) == sorted(vocabulary.ISO_4217_CODES)
    # Kenyan shillings, a month and in all (a new user's article could not write either)
    assert records.split_unit("KES per month") == ("KES", "month")
    assert records.split_unit("KES") == ("KES", None)
    for code in ("XTS", "XXX", "KSH"):
        with pytest.raises(ValueError, match="expected a current ISO 4217 code such as USD, EUR, PEN or KES"):
            records.split_unit(code)
    # a claim's own words may carry any code in capitals: "KES 4,500 a month" is 4,500 KES a month, and a
    # claim written so validates (a new user's Kenyan article could only leave its text out)
    q = numerals.parse("KES 4,500 a month")
    assert (q.value, q.currency, q.per) == (4500, "KES", "month")
    claim = records.Claim(id="wage", quote="an average of KES 4,500 a month", text="KES 4,500 a month", value=4500,
                          unit="KES per month", qualifier="exact", measure={"what": "wage"}, attribution=[{"who": "t"}])
    from numclaims.claimvalues import value_problems
    assert value_problems(claim) == []
    # in running text a code is read only before a number, and only from the short list: "TOP" and "KES"
    # after a number are no money there
    assert [m.currency for m in find_mentions("The 5 TOP players paid 4,500 KES.")] == [None, None]


def test_change_words_are_one_table():
    import numclaims.extract as extract
    import numclaims.suggest as suggest
    from numclaims.draft import CHANGE_CUE
    from numclaims.vocabulary import FALL_NOUNS, FALL_VERBS, RISE_NOUNS, RISE_VERBS, falls

    # every reader of changes reads every word of the one table: the extractor before a fraction ("down
    # by half") and before "from 18 to 31", the drafter before a percentage, the proposals' "from A to B"
    for w in RISE_VERBS + FALL_VERBS:
        assert extract._CHANGE_BY.search(f"arrests {w} by "), w
        assert extract._CHANGE_FROM.search(f"arrests have {w} from "), w
        assert CHANGE_CUE.search(f"arrests were {w} "), w
        assert re.fullmatch(suggest._CHANGE_VERB, w), w
    for w in RISE_NOUNS + FALL_NOUNS:
        assert CHANGE_CUE.search(f"with a {w} of "), w
    # a fall is a word of the fall tables, with or without its article; everything else rises
    assert [falls(w) for w in ("fell", "a drop", "gone  down", "rose", "an increase", "up")] == \
        [True, True, True, False, False, False]
    assert not set(RISE_VERBS) & set(FALL_VERBS) and not set(RISE_NOUNS) & set(FALL_NOUNS)


def test_a_plural_headline_verb_of_passing_is_readable_as_a_claims_text():
    # "Insurance claims top $400 million" (a held-out trial's headline): text "top $400 million" is more
    # than $400 million, (400,000,000, +inf); it was unreadable, and "$400 million" with more_than was
    # refused as contradicting the words. "cross" likewise ("deaths cross 1,000").
    from numclaims.numerals import parse

    for words, value in (("top $400 million", 400_000_000), ("cross 1,000", 1000)):
        q = parse(words)
        assert (q.value, q.qualifier) == (value, "more_than")
        assert not q.interval.contains(value) and q.interval.contains(value + 1)
