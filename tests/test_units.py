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
