"""The South African rand's "R": money only before an amount written large (vocabulary.CURRENCY_LETTERS_BEFORE_LARGE),
read by the parser and the extractor alike; a bare numeral fits a currency record."""

from __future__ import annotations

import pytest

from numclaims.claimvalues import value_problems
from numclaims.extract import find_mentions
from numclaims.numerals import parse
from numclaims.records import Claim


@pytest.mark.parametrize("text, value, per", [
    ("R1.1 billion", 1_100_000_000, None),     # 1.1 x 10^9
    ("R1.1bn", 1_100_000_000, None),
    ("R46 million a week", 46_000_000, "week"),
    ("R12,500", 12_500, None),                 # digits in groups of three
])
def test_the_parser_reads_the_rand(text, value, per):
    q = parse(text)
    assert (q.unit, q.currency, float(q.value), q.per) == ("currency", "ZAR", value, per)


@pytest.mark.parametrize("text", ["R500", "R2", "R445"])
def test_a_capital_r_before_a_small_number_is_not_money(text):
    with pytest.raises(ValueError):
        parse(text)


def test_the_extractor_reads_the_rand_and_leaves_roads_alone():
    text = ("The programme cost R1.1 billion (about $60 million), or R46 million a week over the 24 weeks it "
            "ran. Buses on the R445 were late.")
    got = [(m.text, m.value, m.unit) for m in find_mentions(text)]
    assert got == [("R1.1 billion", 1.1e9, "ZAR"), ("about $60 million", 6e7, "USD"),
                   ("R46 million a week", 4.6e7, "ZAR per week"), ("24 weeks", 24, "weeks")]


def _claim(text: str, unit: str, value: float) -> Claim:
    return Claim(id="c", quote=text, text=text, value=value, unit=unit, qualifier="exact",
                 measure={"what": "cost"}, attribution=[{"who": "t"}])


def test_a_bare_numeral_fits_a_currency_record_and_a_written_sign_must_agree():
    assert value_problems(_claim("500", "ZAR", 500)) == []            # no sign written: the record names it
    assert value_problems(_claim("R1.1 billion", "ZAR", 1.1e9)) == []
    assert [p[1] for p in value_problems(_claim("R1.1 billion", "USD", 1.1e9))] == ["unit-differs"]


def test_the_rand_before_a_rate_or_a_spaced_group_and_points_attached():
    # "R350 a month": a rate after the amount makes the R money; "R12 500" with a no-break space between
    # the digit groups is 12,500 (docs/semantics.md section 10); "2.5pp" and "3.2ppt" attached are points
    text = "Rent is R350 a month and salaries R12\u00a0500 a month; approval fell 2.5pp, the deficit 3.2ppt."
    got = [(m.text, m.value, m.unit) for m in find_mentions(text)]
    assert got == [("R350 a month", 350, "ZAR per month"), ("R12\u00a0500 a month", 12_500, "ZAR per month"),
                   ("2.5pp", 2.5, "percentage_points"), ("3.2ppt", 3.2, "percentage_points")]


@pytest.mark.parametrize("text, unit, problems", [
    ("472 million dollars", "CAD", []),     # a bare "dollars" names a dollar: the record says which
    ("$85,000", "AUD", []),
    ("472 million dollars", "EUR", ["unit-differs"]),   # a euro is no dollar
    ("US$85,000", "CAD", ["unit-differs"]),             # "US$" names the US dollar
    ("USD 5 million", "CAD", ["unit-differs"]),
])
def test_a_bare_dollar_fits_any_dollar_currency(text, unit, problems):
    value = {"472 million dollars": 472e6, "USD 5 million": 5e6}.get(text, 85_000)
    assert [p[1] for p in value_problems(_claim(text, unit, value))] == problems


def test_the_dollar_currencies_are_the_iso_4217_dollars():
    import pycountry

    from numclaims.vocabulary import DOLLAR_CURRENCIES, ISO_4217_CODES
    # pycountry's currencies named a dollar, less USN (a US next-day fund code, no money a story states)
    assert set(DOLLAR_CURRENCIES) == {c.alpha_3 for c in pycountry.currencies if "Dollar" in c.name
                                      and c.alpha_3 in ISO_4217_CODES} - {"USN"}
