"""A hostile tester's findings on the verdicts (F11, F12, F5, F9, F1/F2/F6 ...), each on a small invented
case with the arithmetic done by hand: a word fraction of a whole count in a ``change`` or a ``comparison``
with ``times`` names the parts of that count nearest the word (``checks.base.part_of``), a fall is at most
the whole, and the other rules named in each test."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from numclaims.checks import run_check
from numclaims.checks.base import CONSISTENT, INCONSISTENT, TENSION, UNVERIFIABLE
from numclaims.granularity import nearest_parts
from numclaims.records import ChangeCheck, ComparisonCheck

from test_false_alarms import _claim, _ctx

_VALUES = {"a third": 1 / 3, "half": 0.5, "a quarter": 0.25, "two-thirds": 2 / 3, "more than half": 0.5}
_QUALIFIERS = {"more than half": "more_than"}


def _change(word: str, earlier: float, later: float, direction: str, unit: str = "persons",
            how: str = "change", written: tuple[str, str] | None = None) -> str:
    """The verdict of "<direction> by <word>, from <earlier> to <later>" (``how: factor``: "to <word>")."""
    e, l = written or (f"{earlier:g}", f"{later:g}")
    claims = {"e": _claim("e", e, earlier, unit), "l": _claim("l", l, later, unit),
              "c": _claim("c", word, _VALUES[word], "fraction", _QUALIFIERS.get(word, "exact"))}
    spec = ChangeCheck(id="x", kind="change", earlier="e", later="l", direction=direction, **{how: "c"})
    return run_check(spec, _ctx(claims)).verdict


@pytest.mark.parametrize("word, earlier, later, direction, verdict", [
    # "shrank by a third, from 8 to 5": 8 x (1 - [0.3, 0.3667]) = [5.07, 5.6] holds no whole number, but a
    # third of 8 names 3 (3/8 = 0.375 is the share of 8 nearest 1/3; 2/8 is 0.083 away): 8 - 3 = 5
    ("a third", 8, 5, "decrease", CONSISTENT),
    ("a third", 8, 4, "decrease", INCONSISTENT),   # 8 - 4 = 4 needs 4/8 = 0.5, not a third (nor its interval)
    # "grew by half, from 5 to 7": 5 x 1.5 = 7.5; half of 5 is 2 or 3 (a tie, 0.1 from 0.5 each): 7 or 8
    ("half", 5, 7, "increase", CONSISTENT),
    ("half", 5, 8, "increase", CONSISTENT),
    ("half", 5, 9, "increase", INCONSISTENT),      # 5 + 4: 4/5 = 0.8 is no half; [7.25, 7.75] holds no 9
    # "fell by a quarter, from 6 to 5": a quarter of 6 is 1.5 -> the nearest share of 6 is 1/6 or 2/6
    # (|1/6 - 1/4| = |2/6 - 1/4| = 0.083, a tie): 6 - 1 = 5 or 6 - 2 = 4
    ("a quarter", 6, 5, "decrease", CONSISTENT),
    ("a quarter", 6, 4, "decrease", CONSISTENT),
    ("a quarter", 6, 3, "decrease", INCONSISTENT),
    # F12 "fell by more than half, from 4 to 1": a fall of 3, 75 %, more than half; more than half of 4 is
    # 3 or 4 (exact 1/2 x 4 = 2 < k <= 4), so the later count is 0 or 1 (it was unverifiable: 1 - (0.5,
    # +inf) reaches 0, "the earlier figure is unbounded")
    ("more than half", 4, 1, "decrease", CONSISTENT),
    ("more than half", 4, 2, "decrease", INCONSISTENT),  # a fall of 2 is exactly half, not more
])
def test_a_word_fraction_change_of_a_whole_count(word, earlier, later, direction, verdict):
    assert _change(word, earlier, later, direction) == verdict


def test_a_factor_word_fraction_of_a_whole_count():
    # "fell to a third, from 8 to 3": [0.3, 0.3667] x 8 = [2.4, 2.93] holds no whole number; 3 is the part of 8
    # nearest a third (3/8 = 0.375)
    assert _change("a third", 8, 3, "decrease", how="factor") == CONSISTENT
    assert _change("a third", 8, 4, "decrease", how="factor") == INCONSISTENT  # 4/8 = 0.5


@pytest.mark.parametrize("later, verdict", [
    # F12 with amounts: "fell by more than half, from $4 million to $1 million": the fall is in (50 %, 100 %]
    # (a fall is at most all of it, base.within_whole), so the later figure is [0, 0.5) x [3.5M, 4.5M] =
    # [0, 2.25M); as written 4M x [0, 0.5) = [0, 2M) holds [0.5M, 1.5M]
    (1e6, CONSISTENT),
    (3e6, INCONSISTENT),  # [2.5M, 3.5M] against [0, 2.25M): no common value
])
def test_a_fall_of_more_than_half_is_at_most_all_of_it(later, verdict):
    assert _change("more than half", 4e6, later, "decrease", "USD",
                   written=("$4 million", f"${later / 1e6:g} million")) == verdict


def test_a_fall_of_more_than_the_whole_is_still_unverifiable():
    # "fell by 150 percent": a fall of [149.5, 150.5] % leaves no share of the whole: nothing can be judged
    claims = {"e": _claim("e", "$4 million", 4e6, "USD"), "l": _claim("l", "$1 million", 1e6, "USD"),
              "c": _claim("c", "150 percent", 150, "percent")}
    spec = ChangeCheck(id="x", kind="change", earlier="e", later="l", change="c", direction="decrease")
    assert run_check(spec, _ctx(claims)).verdict == UNVERIFIABLE


def _times(word: str, a: int, b: int, relation: str = "eq") -> str:
    """The verdict of "a, <word> as many as b" (a ``comparison`` of ``a`` with ``times x b``)."""
    claims = {"a": _claim("a", str(a), a, "persons"), "b": _claim("b", str(b), b, "persons"),
              "t": _claim("t", word, _VALUES[word], "fraction", _QUALIFIERS.get(word, "exact"))}
    spec = ComparisonCheck(id="x", kind="comparison", a="a", b="b", times="t", relation=relation)
    return run_check(spec, _ctx(claims)).verdict


@pytest.mark.parametrize("word, a, b, relation, verdict", [
    # "a third as many as the 8, 3": [0.3, 0.3667] x 8 = [2.4, 2.93] holds no 3; 3/8 is the share of 8
    # nearest 1/3 (it was inconsistent)
    ("a third", 3, 8, "eq", CONSISTENT),
    ("a third", 4, 8, "eq", INCONSISTENT),   # 4/8 = 0.5
    ("half", 2, 5, "eq", CONSISTENT),        # 2/5 and 3/5 tie, 0.1 from a half
    ("half", 3, 5, "eq", CONSISTENT),
    # "more than half as many as 4": more than half of 4 is 3 or 4 (exact 2 < k); 3 > 2.x holds
    ("more than half", 3, 4, "eq", CONSISTENT),
    ("more than half", 2, 4, "eq", INCONSISTENT),
])
def test_a_comparison_times_a_word_fraction_of_a_whole_count(word, a, b, relation, verdict):
    assert _times(word, a, b, relation) == verdict


@given(n=st.integers(min_value=2, max_value=200), word=st.sampled_from(["a third", "half", "a quarter", "two-thirds"]),
       direction=st.sampled_from(["increase", "decrease"]))
def test_the_nearest_part_of_a_whole_count_is_never_inconsistent(n, word, direction):
    # for every whole earlier count n and the parts k the word names of it (granularity.nearest_parts),
    # "by <word>, from n to n -/+ k" and "k, <word> as many as n" are never inconsistent
    lo, hi = nearest_parts(_VALUES[word], "exact", n, n)
    for k in {lo, hi}:
        later = n + k if direction == "increase" else n - k
        assert _change(word, n, later, direction) != INCONSISTENT
        assert _times(word, k, n) != INCONSISTENT
