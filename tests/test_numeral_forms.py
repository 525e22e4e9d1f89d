"""Numeral forms of real articles, read alike by the parser (a claim's ``text``) and the extractor
(running text): abbreviated scales after a currency sign ("£3m", "$1.2bn"), percent as "pc", currency
letters ("KSh 65 million", "Sh65m"), rupees left open, lakh and crore, and digit groups separated by SI spaces
("4\\u00a0820"). The rules are written in docs/semantics.md, section 10.

Expected values are worked by hand with the rules of :mod:`numclaims.rules`: an exact figure with step
``p`` is ``[v - p/2, v + p/2]``; the step of a whole mantissa is its last non-zero place
(:func:`numclaims.rules.step_of_integer`), of a decimal its last decimal, times the scale.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from numclaims import records
from numclaims.claimvalues import value_problems
from numclaims.extract import find_mentions
from numclaims.numerals import parse, plain_digits

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


@pytest.mark.parametrize("text, value, unit, currency, per, low, high", [
    # 3 x 1e6, step 1 x 1e6: [3e6 - 0.5e6, 3e6 + 0.5e6]
    ("£3m", 3e6, "currency", "GBP", None, 2.5e6, 3.5e6),
    # 1.2 x 1e9, step 0.1 x 1e9 = 1e8: [1.2e9 - 5e7, 1.2e9 + 5e7]
    ("£1.2bn", 1.2e9, "currency", "GBP", None, 1.15e9, 1.25e9),
    # 900 has step 100; x 1e6 = 1e8: [9e8 - 5e7, 9e8 + 5e7]
    ("$900m", 9e8, "currency", "USD", None, 8.5e8, 9.5e8),
    # 450 has step 10; x 1e3 = 1e4: [450,000 - 5,000, 450,000 + 5,000]
    ("€450k", 4.5e5, "currency", "EUR", None, 4.45e5, 4.55e5),
    # 2.4 x 1e12, step 1e11: [2.4e12 - 5e10, 2.4e12 + 5e10]
    ("$2.4tn", 2.4e12, "currency", "USD", None, 2.35e12, 2.45e12),
    # 3.5 x 1e6 a year, step 1e5: [3.45e6, 3.55e6]
    ("£3.5m-a-year", 3.5e6, "currency", "GBP", "year", 3.45e6, 3.55e6),
    # a percentage has step 1: [11.5, 12.5]
    ("12pc", 12, "percent", None, None, 11.5, 12.5),
    ("12\u00a0%", 12, "percent", None, None, 11.5, 12.5),
    # 500,000 has step 100,000: [450,000, 550,000]
    ("Half a million people", 5e5, "count", None, None, 4.5e5, 5.5e5),
    # 65 has step 1; x 1e6: [64.5e6, 65.5e6]
    ("KSh 65 million", 65e6, "currency", "KES", None, 64.5e6, 65.5e6),
    ("Sh65m", 65e6, "currency", "KES", None, 64.5e6, 65.5e6),
    # 4,500 has step 100: [4,450, 4,550]
    ("Ksh 4,500", 4500, "currency", "KES", None, 4450, 4550),
    ("KES 4,500", 4500, "currency", "KES", None, 4450, 4550),
    # 2,000 has step 1,000: [1,500, 2,500]; 500 has step 100: [450, 550]
    ("USh 2,000", 2000, "currency", "UGX", None, 1500, 2500),
    ("TSh 500", 500, "currency", "TZS", None, 450, 550),
    ("₹5 million", 5e6, "currency", "INR", None, 4.5e6, 5.5e6),
    # rupees name no one currency: money, code left open
    ("1.2 billion rupees", 1.2e9, "currency", None, None, 1.15e9, 1.25e9),
    ("Rs 5 million", 5e6, "currency", None, None, 4.5e6, 5.5e6),
    # the Indian scales: 5 x 1e7, step 1e7: [4.5e7, 5.5e7]; 2,000 has step 1,000, x 1e7 = 1e10: [1.5e10, 2.5e10];
    # 1.5 x 1e5, step 0.1 x 1e5 = 1e4: [145,000, 155,000]
    ("Rs 5 crore", 5e7, "currency", None, None, 4.5e7, 5.5e7),
    ("₹2,000 crore", 2e10, "currency", "INR", None, 1.5e10, 2.5e10),
    ("1.5 lakh people", 1.5e5, "count", None, None, 1.45e5, 1.55e5),
    # 4,820 has step 10: [4,815, 4,825]; 3,100 has step 100: [3,050, 3,150]; 12,345 step 1, a whole count
    ("4\u00a0820", 4820, "count", None, None, 4815, 4825),
    ("3\u202f100", 3100, "count", None, None, 3050, 3150),
    ("12\u2009345", 12345, "count", None, None, 12345, 12345),
    # an ordinary space between groups that fit (South African and SI style): 15,000 step 1,000, and
    # R250,000 step 10,000 (the rand's R before an amount written large)
    ("15 000 people", 15000, "count", None, None, 14500, 15500),
    ("R250 000", 250000, "currency", "ZAR", None, 245000, 255000),
    # the scale above a trillion: 1.2 x 1e15, step 0.1 x 1e15 = 1e14: [1.2e15 - 5e13, 1.2e15 + 5e13]; yen
    # and yuan each name one currency (ISO 4217 JPY, CNY); 5 has step 1, x 1e9: [4.5e9, 5.5e9]
    ("1.2 quadrillion yen", 1.2e15, "currency", "JPY", None, 1.15e15, 1.25e15),
    ("5 billion yuan", 5e9, "currency", "CNY", None, 4.5e9, 5.5e9),
    ("3 quadrillion", 3e15, "count", None, None, 2.5e15, 3.5e15),
    # a currency word the mention scan knew and the parser did not (one list now): 20 has step 10: [15, 25]
    ("20 bolivianos", 20, "currency", "BOB", None, 15, 25),
])
def test_parser_reads_the_forms(text, value, unit, currency, per, low, high):
    q = parse(text)
    assert (q.unit, q.currency, q.per) == (unit, currency, per)
    assert q.value == pytest.approx(value)
    assert (q.interval.lo, q.interval.hi) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize("text", [
    "4\u00a082",  # a group of two digits: two numbers
    "4\u00a08200",  # a group of four digits
    "1234\u00a0567",  # a first group of four digits
    "1998 200",  # an ordinary space joins no four-digit first group (a year): two numbers
    "4 82",  # nor a group of two digits
])
def test_two_numbers_apart_are_no_one_phrase(text):
    with pytest.raises(ValueError, match="cannot read a quantity"):
        parse(text)


def test_plain_digits():
    assert plain_digits("4,820") == plain_digits("4\u00a0820") == plain_digits("4\u202f820") == "4820"
    assert plain_digits("1,234.5") == "1234.5"


def _claim(text: str, unit: str, value: float) -> records.Claim:
    return records.Claim(id="funds", quote=f"The county has set aside {text} for fogging", text=text, value=value,
                         unit=unit, qualifier="exact", measure={"what": "dengue funding"},
                         attribution=[{"who": "county treasury"}])


def test_a_claim_record_writes_kenya_shillings_and_rupees_in_their_currency():
    assert value_problems(_claim("KSh 65 million", "KES", 65e6)) == []
    assert value_problems(_claim("Sh65m", "KES", 65e6)) == []
    # the currency written is Kenya's: another code is an input error
    assert [p[:2] for p in value_problems(_claim("KSh 65 million", "USD", 65e6))] == [("unit", "unit-differs")]
    # "rupees" leaves the currency to the record: any ISO 4217 code fits, a count does not
    assert value_problems(_claim("1.2 billion rupees", "INR", 1.2e9)) == []
    assert value_problems(_claim("1.2 billion rupees", "PKR", 1.2e9)) == []
    assert [p[:2] for p in value_problems(_claim("1.2 billion rupees", "count", 1.2e9))] == [("unit", "unit-differs")]


def _money(text: str) -> list[tuple[str, float, str, str]]:
    return [(m.text, m.value, m.unit, m.region) for m in find_mentions(text) if m.currency is not None]


LEEDS = ("Council Budget Gap Hits £3m\n\n"
         "Leeds councillors were told on Tuesday that the shortfall had grown again, with social care the biggest "
         "pressure.\n\n"
         "Leeds City Council faces a £3m gap this year, up from £1.2m last year, according to a report by the "
         "council's finance director.\n\n"
         "The council spends £1.2bn a year, and social care takes 40 per cent of it – roughly £480m.\n")


def test_extractor_reads_abbreviated_scales_in_the_headline_and_the_body():
    assert _money(LEEDS) == [
        ("£3m", 3e6, "GBP", "furniture"),  # the headline
        ("£3m", 3e6, "GBP", "body"),
        ("£1.2m", 1.2e6, "GBP", "body"),
        ("£1.2bn a year", 1.2e9, "GBP per year", "body"),
        ("roughly £480m", 4.8e8, "GBP", "body"),
    ]


@pytest.mark.parametrize("text, expected", [
    ("The fund received $1.2bn in 2024, up from $900m.", [("$1.2bn", 1.2e9, "USD"), ("2024", "2024", "date"),
                                                           ("$900m", 9e8, "USD")]),
    ("It paid €450k to them; the debt is $2.4tn.", [("€450k", 4.5e5, "EUR"), ("$2.4tn", 2.4e12, "USD")]),
    ("Costs rose 12pc to £3.5m-a-year.", [("12pc", 12, "percent"), ("£3.5m-a-year", 3.5e6, "GBP per year")]),
    ("The county has set aside KSh 65 million (about $500,000) for nurses.",
     [("KSh 65 million", 65e6, "KES"), ("about $500,000", 5e5, "USD")]),
    ("The ministry pledged Sh20m and Ksh 4,500 a month, or KES 4,500 a month.",
     [("Sh20m", 20e6, "KES"), ("Ksh 4,500 a month", 4500, "KES per month"), ("KES 4,500 a month", 4500, "KES per month")]),
    ("Half a million people applied; 12\u00a0% were refused.",
     [("Half a million", 5e5, "persons"), ("12\u00a0%", 12, "percent")]),
    ("We visited 4\u00a0820 households and 3\u202f100 more, and 12\u2009345 people.",
     [("4\u00a0820", 4820, "count"), ("3\u202f100", 3100, "count"), ("12\u2009345", 12345, "persons")]),
    # rupees: a count with no currency (section 10 of docs/semantics.md)
    ("Costs were 1.2 billion rupees.", [("1.2 billion", 1.2e9, "count")]),
    ("It costs Rs 5 crore, or ₹2,000 crore, for 1.5 lakh people and 3 crores more.",
     [("5 crore", 5e7, "count"), ("₹2,000 crore", 2e10, "INR"), ("1.5 lakh", 1.5e5, "persons"),
      ("3 crores", 3e7, "count")]),
    ("Public debt reached 1.2 quadrillion yen, and Beijing spent 5 billion yuan and 20 bolivianos.",
     [("1.2 quadrillion yen", 1.2e15, "JPY"), ("5 billion yuan", 5e9, "CNY"), ("20 bolivianos", 20, "BOB")]),
    # the letters are read in the case written: "sh" is no currency in running text
    ("a flat at sh 65 million.", [("65 million", 65e6, "count")]),
])
def test_extractor_reads_the_forms(text, expected):
    got = [(m.text, m.value, m.unit) for m in find_mentions(text, body=(0, len(text)))]
    assert got == expected


def test_no_break_spaces_do_not_join_groups_that_are_not_three_digits():
    text = "The scores were 4\u00a082, then 7\u00a01234 and 15\u202f20."
    got = [(m.text, m.value) for m in find_mentions(text, body=(0, len(text)))]
    assert got == [("4", 4), ("82", 82), ("7", 7), ("1234", 1234), ("15", 15), ("20", 20)]


@given(n=st.integers(1000, 10**15 - 1), sep=st.sampled_from([NBSP, NNBSP, THIN]))
def test_space_grouped_digits_read_as_the_comma_grouped(n, sep):
    comma = f"{n:,}"
    spaced = comma.replace(",", sep)
    a, b = parse(spaced), parse(comma)
    assert (a.value, a.precision, a.interval) == (b.value, b.precision, b.interval)
    text = f"They counted {spaced} homes."
    assert [(m.text, m.value) for m in find_mentions(text, body=(0, len(text)))] == [(spaced, float(n))]


@given(a=st.integers(1, 999), b=st.from_regex(r"[1-9]\d?|[1-9]\d{4}", fullmatch=True),
       sep=st.sampled_from([NBSP, NNBSP, THIN]))
def test_space_between_a_number_and_a_group_not_of_three_keeps_two_numbers(a, b, sep):
    text = f"the list read {a}{sep}{b} in all."
    assert [m.value for m in find_mentions(text, body=(0, len(text)))] == [float(a), float(b)]


def test_coverage_asks_for_the_new_forms():
    # the trial's body of money figures held no claim, and coverage said nothing was missing
    from numclaims.extract import body_span, coverage

    text = LEEDS + "It paid KSh 65 million to 4\u00a0820 households; costs rose 12pc.\n"
    got = coverage(text, body_span(text), spans=[], waived=[], lead=[(0, 27)])
    assert [m["text"] for m in got["missing"]] == [
        "£3m", "£3m", "£1.2m", "£1.2bn a year", "40 per cent", "roughly £480m", "KSh 65 million", "4\u00a0820", "12pc"]


def test_a_hyphen_between_two_numerals_is_a_range_like_the_en_dash():
    def read(t):
        return [(m.text, m.qualifier, m.low, m.high, m.unit) for m in find_mentions(t, body=(0, len(t)))]

    # "between 300-400": midpoint (300 + 400) / 2 = 350, as "300–400" reads
    assert read("The council will cut between 300-400 jobs.") == [("between 300-400", "range", 300.0, 400.0, "count")]
    assert read("About 300-400 leave a month.")[0][1:] == read("About 300–400 leave a month.")[0][1:]
    # "300-400 a month": a rate over the range
    assert read("Jobs go, and 300-400 a month leave.") == [("300-400", "range", 300.0, 400.0, "count per month")]
    # a fiscal year and a span of years are no range of counts; "400-300" runs high to low: two figures
    assert [x[0] for x in read("In 2025-26 and 2020-2024 the score was 400-300.")] == ["2025", "2020", "400"]


@given(word=st.from_regex(r"[A-Za-z]{2,8}", fullmatch=True), n=st.integers(1, 99999),
       unit=st.sampled_from(["year-old", "year-olds", "day", "strong", "page"]))
def test_a_hyphenated_word_is_not_a_range(word, n, unit):
    # "COVID-19", "G-7": a word before the hyphen; "15-year-old", "40-strong": a word after it
    for t in (f"The {word}-{n} wave hit.", f"A {n}-{unit} group met.", f"{word.upper()}-{n} cases rose."):
        assert all(m.qualifier != "range" for m in find_mentions(t, body=(0, len(t))))


@settings(max_examples=300, deadline=None)
@example(a=15, b="000")
@given(a=st.integers(min_value=0, max_value=99999), b=st.text(alphabet="0123456789", min_size=1, max_size=5))
def test_a_space_joins_two_numerals_only_when_their_groups_fit(a, b):
    # "They counted A B boxes.": the old reader kept A and B apart whatever they were; in a claim's text an
    # ordinary space joins them only for a first group of one to three digits and a second of exactly three
    # (SI / ISO 80000-1 grouping: "15 000" is 15,000), never a year or any other four-digit first group; in
    # running text only a second group of three zeros joins ("15 000"; "20 300" may be two numbers)
    from numclaims.extract import find_mentions

    text = f"They counted {a} {b} boxes."
    found = [m for m in find_mentions(text)]
    if 0 < a < 1000 and len(b) == 3:
        assert parse(f"{a} {b}").value == a * 1000 + int(b)
        if b == "000":
            assert [(m.text, m.value) for m in found] == [(f"{a} {b}", float(a * 1000))]
        else:
            assert len(found) == 2 and not any(re.search(r"\d \d", m.text) for m in found)
    else:
        # two mentions, as before: no mention holds digits on both sides of the space
        assert len(found) == 2 and not any(re.search(r"\d \d", m.text) for m in found)
        with pytest.raises(ValueError):
            parse(f"{a} {b}")
