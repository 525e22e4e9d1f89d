"""Unit words a claims file may not use, and the base unit the error line suggests for them."""

from __future__ import annotations

import pytest

from numclaims.records import unit_suggestion


@pytest.mark.parametrize("word, meant", [
    ("kg", "kilograms"),       # pint: 1 kg = 1 kilogram exactly
    ("t", "tonnes"),           # pint's t is the metric ton, 1,000 kg = 1 tonne
    ("ha", "hectares"),
    ("oz", "ounces"),          # pint's oz is the avoirdupois ounce, 28.349523125 g
    ("toz", "troy_ounces"),    # 31.1034768 g
    ("yr", "years"),
    ("hrs", "hours"),
    ("kilogram", "kilograms"),  # singular of a base unit
    ("people", "persons"),     # an everyday word (numclaims.records.UNIT_WORDS)
    ("kilos", "kilograms"),    # pint reads 'kilos' as kiloseconds: the word table answers first
    ("ton", None),             # pint's ton is the short ton, 907.18474 kg: not a tonne, so no guess
    ("lb", None),              # 0.45359237 kg: no base unit is one pound
    ("mins", None),            # minutes are not a base unit
    ("furlongs", None),
])
def test_unit_suggestion(word, meant):
    assert unit_suggestion(word) == meant


@pytest.mark.parametrize("word, meant", [
    ("cm", "centimetres"), ("mm", "millimetres"), ("km", "kilometres"), ("kilometers", "kilometres"),
    ("meters", "metres"), ("mi", "miles"),   # pint's mi is the international mile
    ("inches", None), ("ft", None),           # no base unit is an inch or a foot
])
def test_length_unit_suggestion(word, meant):
    assert unit_suggestion(word) == meant


def test_lengths_convert_exactly_and_never_to_another_dimension():
    from fractions import Fraction

    from numclaims.units import conversion
    # 1 km = 1,000 m; the international mile is 1,609.344 m exactly: 1,000 / 1,609.344 = 15,625 / 25,146
    assert conversion("kilometres", "miles") == (Fraction(15625, 25146), "")
    assert conversion("centimetres", "millimetres") == (Fraction(10), "")
    assert conversion("metres", "kilometres") == (Fraction(1, 1000), "")
    assert conversion("metres", "kilograms")[0] is None
    assert conversion("metres", "count")[0] is None


def test_an_agreement_of_a_length_in_km_and_in_miles():
    from test_false_alarms import _claim, _ctx

    from numclaims.checks import run_check
    from numclaims.records import AgreementCheck

    def verdict(a_text, a, b_text, b):
        claims = {"a": _claim("a", a_text, a, "kilometres"), "b": _claim("b", b_text, b, "miles")}
        return run_check(AgreementCheck(id="x", kind="agreement", a="a", b="b"), _ctx(claims)).verdict
    # "12 km" read to the kilometre, [11.5, 12.5] km = [7.146, 7.767] miles; "7.5 miles" [7.45, 7.55]: inside
    assert verdict("12", 12, "7.5", 7.5) == "consistent"
    # "12 km" against "9.5 miles" [9.45, 9.55] miles = [15.21, 15.37] km: far outside [11.5, 12.5]
    assert verdict("12", 12, "9.5", 9.5) == "inconsistent"
