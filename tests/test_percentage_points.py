"""Percentage points: the unit of the difference of two percentages (ONS Service Manual, "Percentages and
percentage points"), read by the parser and the extractor alike, and checked as a difference or an
absolute change of percent figures, never as a share."""

from __future__ import annotations

import datetime as dt

import pytest

from numclaims.checks import Context, run_check
from numclaims.checks.base import CONSISTENT, INCONSISTENT, TENSION, UNVERIFIABLE
from numclaims.claimvalues import claim_interval, value_problems, written_interval
from numclaims.explain import range_words, step_words
from numclaims.extract import find_mentions
from numclaims.numerals import parse
from numclaims.records import (AgreementCheck, ChangeCheck, Claim, ComparisonCheck, DifferenceCheck, PartWholeCheck,
                               ShareOfTotalCheck)
from numclaims.units import conversion

PUB = dt.date(2025, 1, 10)


@pytest.mark.parametrize("text, value, low, high", [
    ("3.1 percentage points", 3.1, 3.05, 3.15),   # one decimal: step 0.1, half a step either side
    ("1 percentage point", 1, 0.5, 1.5),          # a whole number of points: step 1 (the named unit)
    ("2.5pp", 2.5, 2.45, 2.55),
    ("4 p.p.", 4, 3.5, 4.5),
    ("3 per cent points", 3, 2.5, 3.5),
])
def test_the_parser_reads_percentage_points(text, value, low, high):
    q = parse(text)
    assert (q.unit, float(q.value)) == ("percentage_points", value)
    assert (q.interval.low, q.interval.high) == pytest.approx((low, high))


def test_points_alone_are_not_percentage_points():
    # "10 points" may be a score or an index as well as a difference of percentages: the words say
    # `points`, not `percentage_points`; a record's unit says which (count or percentage_points both fit)
    q = parse("10 points")
    assert (q.unit, q.value) == ("points", 10.0)


def test_the_extractor_reads_points_as_their_own_unit_not_a_count_nor_a_share():
    text = "The pass rate rose to 84.2 percent, up 3.1 percentage points on 2023's 81.4 percent."
    got = [(m.text, m.value, m.unit, m.kind) for m in find_mentions(text) if m.unit != "date"]
    assert got == [("84.2 percent", 84.2, "percent", "share"),
                   ("3.1 percentage points", 3.1, "percentage_points", "quantity"),
                   ("81.4 percent", 81.4, "percent", "share")]


def _claim(cid: str, text: str, value: float, unit: str) -> Claim:
    return Claim(id=cid, quote=text, text=text, value=value, unit=unit, qualifier="exact",
                 measure={"what": "pass rate"}, attribution=[{"who": "t"}])


def _ctx(claims: dict[str, Claim]) -> Context:
    return Context(claims=claims, intervals={k: claim_interval(c) for k, c in claims.items()}, periods={},
                   published=PUB, written={k: written_interval(c) for k, c in claims.items()})


def test_a_points_claim_is_written_with_its_own_unit():
    # the text "3.1 percentage points" fits unit percentage_points (it was unreadable before)
    assert value_problems(_claim("c", "3.1 percentage points", 3.1, "percentage_points")) == []


def test_percent_and_points_compare_number_for_number_and_points_are_not_a_share():
    assert conversion("percent", "percentage_points")[0] == 1
    assert conversion("percentage_points", "percent")[0] == 1
    assert conversion("percentage_points", "fraction")[0] is None   # points are not a share of 1
    assert conversion("percentage_points", "persons")[0] is None


CLAIMS = {"later": ("84.2 percent", 84.2, "percent"), "earlier": ("81.4 percent", 81.4, "percent")}


DIFFERENCE = DifferenceCheck(id="k", kind="difference", minuend="later", subtrahend="earlier", result="pts")
CHANGE = ChangeCheck(id="k", kind="change", earlier="earlier", later="later", change="pts")


@pytest.mark.parametrize("check, stated, verdict", [
    # difference: 84.2 - 81.4 = 2.8 points as written; over the rounding bands [84.15, 84.25] -
    # [81.35, 81.45] = [2.7, 2.9]: "3.1" ([3.05, 3.15]) lies outside -> inconsistent; "2.8" inside
    (DIFFERENCE, "3.1", INCONSISTENT),
    (DIFFERENCE, "2.8", CONSISTENT),
    # change, absolute: 81.4 + 3.1 = 84.5 as written, over the bands [81.35, 81.45] + [3.05, 3.15] =
    # [84.4, 84.6], which misses the stated [84.15, 84.25] -> inconsistent; with "2.8" [84.1, 84.3] holds
    # it. Read relatively, "up 2.8" on 81.4 would be 81.4 x 1.028 = 83.68: a correct sentence inconsistent
    (CHANGE, "3.1", INCONSISTENT),
    (CHANGE, "2.8", CONSISTENT),
])
def test_percentage_points_between_two_percentages(check, stated, verdict):
    claims = {k: _claim(k, *v) for k, v in CLAIMS.items()}
    claims["pts"] = _claim("pts", f"{stated} percentage points", float(stated), "percentage_points")
    assert run_check(check, _ctx(claims)).verdict == verdict


def test_points_are_not_a_share_of_a_total():
    claims = {"pts": _claim("pts", "3.1 percentage points", 3.1, "percentage_points"),
              "t": _claim("t", "12", 12, "count")}
    r = run_check(ShareOfTotalCheck(id="k", kind="share_of_total", share="pts", total="t"), _ctx(claims))
    assert r.verdict == UNVERIFIABLE


@pytest.mark.parametrize("lo, hi, unit, words", [
    # the rounding band of "84.2 percent" is [84.15, 84.25]: both ends shown, never "between 84.2% and 84.2%"
    (84.15, 84.25, "percent", "between 84.15% and 84.25%"),
    (81.35, 81.45, "percent", "between 81.35% and 81.45%"),
    # 84.15 - 81.45 = 2.7 and 84.25 - 81.35 = 2.9 in floating point (2.700000000000003, 2.9000000000000057)
    (84.15 - 81.45, 84.25 - 81.35, "percentage_points", "between 2.7 and 2.9 percentage points"),
    (3.05, 3.15, "percentage_points", "between 3.05 and 3.15 percentage points"),
    # from 100 up two decimals: "2,812.5" written to one decimal is [2,812.45, 2,812.55]
    (2812.45, 2812.55, "count", "between 2,812.45 and 2,812.55 count"),
])
def test_range_words_keep_the_two_ends_of_a_band_apart(lo, hi, unit, words):
    assert range_words(lo, hi, unit) == words


def test_a_step_of_points_is_worded_in_the_singular():
    assert step_words(0.1, "percentage_points") == "0.1 percentage point"   # "to the nearest 0.1 percentage point"
    assert step_words(1, "percentage_points") == "percentage point"


@pytest.mark.parametrize("earlier, change, later, direction, verdict, kept", [
    # "rose 10 percent, from 5.2 percent to 5.72 percent": relative 5.2 x 1.10 = 5.72 holds; in points
    # 5.2 + 10 = 15.2 does not -> the relative reading is kept, consistent
    ("5.2", "10", "5.72", "increase", CONSISTENT, "relative"),
    # "turnout fell 5 percent, from 62 percent to 57 percent": in points 62 - 5 = 57 holds; relatively
    # 62 x 0.95 = 58.9 ([61.5, 62.5] x [0.945, 0.955] = [58.1, 59.7]) misses [56.5, 57.5] -> the points
    # reading is kept, consistent (before, read in points only, the first sentence was inconsistent)
    ("62", "5", "57", "decrease", CONSISTENT, "absolute"),
    # "fell 20 percent, from 62 percent to 57 percent": 62 x 0.8 = 49.6 and 62 - 20 = 42, both miss 57
    ("62", "20", "57", "decrease", INCONSISTENT, "relative"),
])
def test_a_percent_change_between_two_percentages_is_read_both_ways(earlier, change, later, direction, verdict, kept):
    claims = {"earlier": _claim("earlier", f"{earlier} percent", float(earlier), "percent"),
              "later": _claim("later", f"{later} percent", float(later), "percent"),
              "pts": _claim("pts", f"{change} percent", float(change), "percent")}
    r = run_check(ChangeCheck(id="k", kind="change", earlier="earlier", later="later", change="pts",
                              direction=direction), _ctx(claims))
    assert (r.verdict, r.details["mode"]) == (verdict, kept)


def test_a_fraction_change_between_two_percentages_is_relative():
    # "support fell by a third, from 60 percent to 40 percent": 60 x (1 - 1/3) = 40 -> consistent; read in
    # points (60 - 33.3 = 26.7) a correct sentence was inconsistent
    claims = {"earlier": _claim("earlier", "60 percent", 60, "percent"),
              "later": _claim("later", "40 percent", 40, "percent"),
              "third": _claim("third", "a third", 1 / 3, "fraction")}
    r = run_check(ChangeCheck(id="k", kind="change", earlier="earlier", later="later", change="third",
                              direction="decrease"), _ctx(claims))
    assert (r.verdict, r.details["mode"]) == (CONSISTENT, "relative")


@pytest.mark.parametrize("direction", ["decrease", "increase"])
def test_a_change_written_with_a_minus_is_a_decrease_of_its_size(direction):
    # "growth slowed -3.1 percentage points, from 5 percent to 1.9 percent": 5 - 3.1 = 1.9 -> consistent
    # whatever `direction` says (before, "decrease" of -3.1 gave 5 + 3.1 = 8.1: a false inconsistent)
    claims = {"earlier": _claim("earlier", "5 percent", 5, "percent"),
              "later": _claim("later", "1.9 percent", 1.9, "percent"),
              "pts": Claim(id="pts", quote="-3.1 percentage points", value=-3.1, unit="percentage_points",
                           qualifier="exact", measure={"what": "x"}, attribution=[{"who": "t"}])}
    r = run_check(ChangeCheck(id="k", kind="change", earlier="earlier", later="later", change="pts",
                              direction=direction), _ctx(claims))
    assert r.verdict == CONSISTENT


def test_a_value_without_text_is_read_to_its_last_decimal():
    # "value: 1.5" with no text: step 0.1 -> [1.45, 1.55] (before: step 1 -> [1, 2])
    c = Claim(id="c", quote="fell 1.5 points", value=1.5, unit="percentage_points", qualifier="exact",
              measure={"what": "x"}, attribution=[{"who": "t"}])
    iv = claim_interval(c)
    assert (iv.low, iv.high) == pytest.approx((1.45, 1.55))
    claims = {"earlier": _claim("earlier", "30.0 percent", 30.0, "percent"),
              "later": _claim("later", "29.0 percent", 29.0, "percent"), "pts": c}
    r = run_check(ChangeCheck(id="k", kind="change", earlier="earlier", later="later", change="pts",
                              direction="decrease"), _ctx(claims))
    # "fell 1.5 points from 30.0 to 29.0 percent": [29.95, 30.05] - [1.45, 1.55] = [28.4, 28.6] misses
    # [28.95, 29.05] -> inconsistent; with the old step 1, [28, 29.05] met it: a wrong sentence consistent
    assert r.verdict == INCONSISTENT


@pytest.mark.parametrize("kind", ["agreement", "comparison", "part_whole"])
def test_a_level_and_points_are_never_one_measure(kind):
    # "3 percent" (a level) and "3 percentage points" (a change) convert number for number for
    # arithmetic, but are not two estimates (nor a part and a whole) of one measure
    claims = {"a": _claim("a", "3 percent", 3, "percent"),
              "b": _claim("b", "3 percentage points", 3, "percentage_points")}
    spec = {"agreement": AgreementCheck(id="k", kind="agreement", a="a", b="b"),
            "comparison": ComparisonCheck(id="k", kind="comparison", a="a", b="b", relation="gt"),
            "part_whole": PartWholeCheck(id="k", kind="part_whole", part="b", whole="a")}[kind]
    r = run_check(spec, _ctx(claims))
    assert r.verdict == UNVERIFIABLE and "a level" in r.explanation


@pytest.mark.parametrize("text, figures", [
    # a change verb before "from", even past a clause with a decimal point: the earlier and the later figure
    ("Unemployment rose 2.8 percentage points, from 81.4 percent to 84.2 percent.",
     ["2.8 percentage points", "81.4 percent", "84.2 percent"]),
    ("The rate went from 5 percent to 6 percent.", ["5 percent", "6 percent"]),
    # no change verb in the sentence: a range
    ("Prices rose. From 5 to 6 people came.", ["From 5 to 6"]),
])
def test_from_a_to_b_after_a_change_verb_is_two_figures(text, figures):
    assert [m.text for m in find_mentions(text)] == figures


def test_a_difference_recorded_the_other_way_round_says_so():
    # "inflation fell 0.4 points from 5.5 to 5.1 percent" recorded as 5.1 - 5.5 = 0.4: [5.05, 5.15] -
    # [5.45, 5.55] = [-0.5, -0.3] misses [0.35, 0.45] (inconsistent), but its negation [0.3, 0.5] holds it
    claims = {"a": _claim("a", "5.1 percent", 5.1, "percent"), "b": _claim("b", "5.5 percent", 5.5, "percent"),
              "r": _claim("r", "0.4 percentage points", 0.4, "percentage_points")}
    r = run_check(DifferenceCheck(id="k", kind="difference", minuend="a", subtrahend="b", result="r"), _ctx(claims))
    assert (r.verdict, r.details.get("sign_reversed")) == (INCONSISTENT, True)
    assert "subtrahend - minuend would match" in r.explanation
    # recorded the right way round it is consistent, and no hint is given
    r = run_check(DifferenceCheck(id="k", kind="difference", minuend="b", subtrahend="a", result="r"), _ctx(claims))
    assert (r.verdict, r.details.get("sign_reversed")) == (CONSISTENT, None)
