"""Qualifier and rounding rules (numclaims.rules), each interval worked by hand."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.intervals import Interval
from numclaims.rules import canonical_qualifier, interval_for, step_of_integer


@pytest.mark.parametrize(
    "value, step",
    [
        (2000, 1000),  # one significant digit: 2 x 1,000
        (4500, 100),  # 45 x 100
        (60000, 10000),  # 6 x 10,000
        (1600, 100),  # 16 x 100
        (300, 100),
        (7, 1),
        (2011, 1),
        (0, 1),
        (42.5, 1),  # not an integer: step comes from its decimals elsewhere
    ],
)
def test_step_of_integer(value, step):
    assert step_of_integer(value) == step


@pytest.mark.parametrize(
    "args, kwargs, expected",
    [
        # "2,000": step 1,000 -> 2,000 +- 500
        ((2000,), {}, Interval(1500, 2500)),
        # "$2 million": step 1e6 -> 2e6 +- 5e5
        ((2_000_000, "exact", 1_000_000), {"unit": "USD"}, Interval(1_500_000, 2_500_000)),
        # "seven" people: step 1 is the grain of a count -> exactly 7
        ((7, "exact", 1), {"unit": "persons"}, Interval(7, 7)),
        # "42 percent": step 1 on a continuous unit -> 42 +- 0.5
        ((42, "exact", 1), {"unit": "percent"}, Interval(41.5, 42.5)),
        # "three quarters": grain 0.25 -> 0.75 +- 0.125
        ((0.75, "exact", 0.25), {"unit": "fraction"}, Interval(0.625, 0.875)),
        # "over 4,500" -> (4,500, +inf)
        ((4500, "over"), {}, Interval(4500, None, False, False)),
        # "at least 1,500" -> [1,500, +inf)
        ((1500, "at least"), {}, Interval(1500, None, True, False)),
        # "as many as 1,600" -> [0, 1,600]
        ((1600, "as many as"), {}, Interval(0, 1600)),
        # "up to 4,000" -> [0, 4,000]
        ((4000, "up to"), {}, Interval(0, 4000)),
        # "fewer than 50" -> [0, 50)
        ((50, "fewer than"), {}, Interval(0, 50, True, False)),
        # "about 300": step 100 -> d = max(100/2, 0.1 x 300) = max(50, 30) = 50 -> [250, 350]
        ((300, "about"), {}, Interval(250, 350)),
        # "about 1,144": step 1 -> d = max(0.5, 114.4) = 114.4 -> [1,029.6, 1,258.4]
        ((1144, "about", 1), {}, Interval(1144 - 114.4, 1144 + 114.4)),
        # "nearly 500": d = 10 % of 500 = 50 (the step 100 is not used) -> [450, 500)
        ((500, "nearly"), {}, Interval(450, 500, True, False)),
        # "almost 2,000" with a 5 % margin: d = 0.05 x 2,000 = 100 -> [1,900, 2,000)
        ((2000, "almost"), {"margin": 0.05}, Interval(1900, 2000, True, False)),
        # "between 1,500 and 4,000"
        ((None, "range"), {"low": 1500, "high": 4000}, Interval(1500, 4000)),
        # a change may be negative: "about -20" percentage points, step 10 -> [-25, -15]
        ((-20, "about"), {"unit": "percentage_points"}, Interval(-25, -15)),
    ],
)
def test_interval_for(args, kwargs, expected):
    if args[0] is None:
        args = (0,) + args[1:]
    got = interval_for(*args, **kwargs)
    assert got.low == pytest.approx(expected.low) if expected.low is not None else got.low is None
    assert got.high == pytest.approx(expected.high) if expected.high is not None else got.high is None
    assert (got.low_closed, got.high_closed) == (expected.low_closed, expected.high_closed)


def test_rounding_band_never_goes_below_zero():
    # "5" with step 10 would give [0, 10] rather than [-5, 10]... a count cannot be negative
    assert interval_for(5, "exact", 10).low == 0


@pytest.mark.parametrize(
    "alias, canonical",
    [("as many as", "up_to"), ("Up to", "up_to"), ("over", "more_than"), ("more-than", "more_than"),
     ("an estimated", "approximately"), ("just under", "nearly"), ("at_least", "at_least"), ("range", "range")],
)
def test_canonical_qualifier(alias, canonical):
    assert canonical_qualifier(alias) == canonical


def test_unknown_qualifier_lists_the_accepted_ones():
    with pytest.raises(ValueError, match="unknown qualifier 'roughly about'.*as many as"):
        canonical_qualifier("roughly about")
    with pytest.raises(ValueError):  # refused again: a refusal is not remembered
        canonical_qualifier("roughly about")


@settings(max_examples=500, derandomize=True, database=None, deadline=None)
@given(st.lists(st.sampled_from(["as", "many", "Up", "to", "over", "more", "-", "than", "at", "least", "_", "nearly",
                                 "range", "x"]), max_size=4).map(" ".join))
def test_remembered_qualifiers_are_the_computed_ones(q):
    # the remembered reading (asked twice: computed, then looked up) is the computed one, or the same refusal
    from numclaims import rules

    try:
        want = rules._canonical_qualifier(q)
    except ValueError as e:
        for _ in range(2):
            with pytest.raises(ValueError, match=re.escape(str(e))):
                canonical_qualifier(q)
        return
    assert canonical_qualifier(q) == canonical_qualifier(q) == want


@pytest.mark.parametrize("kwargs", [{"precision": 0}, {"precision": -1}, {"margin": -0.1}])
def test_bad_precision_or_margin(kwargs):
    with pytest.raises(ValueError):
        interval_for(10, "about", **kwargs)


def test_range_needs_both_ends():
    with pytest.raises(ValueError, match="both low and high"):
        interval_for(0, "range", low=3)
    with pytest.raises(ValueError, match="above high"):
        interval_for(0, "range", low=5, high=3)


def test_less_than_zero_leaves_no_count():
    # "less than 0" persons: a count is at least 0 (the floor), and [0, 0) is empty, so the rule refuses it
    with pytest.raises(ValueError, match=r"'less than 0\.0' leaves no non-negative value"):
        interval_for(0.0, "less_than", 1.0, unit="persons")
    # "less than 1" person is the single count 0: [0, 1) holds 0
    iv = interval_for(1.0, "less_than", 1.0, unit="persons")
    assert iv.contains(0.0) and not iv.contains(1.0)


def test_rule_text_given_the_precision_says_what_it_says_alone():
    """``claimvalues.rule_text(c, claim_precision(c))`` (what ``engine.claim_record`` now passes, so that the
    step is computed once per claim) is ``rule_text(c)`` for every claim of the bundled articles, e.g. the
    seed's "$60,000 a month" is "exact, step 10000" both ways (60,000: four trailing zeros, step 10,000)."""
    from pathlib import Path

    from numclaims.claimvalues import claim_precision, rule_text
    from numclaims.loader import load_article

    root = Path(__file__).resolve().parents[1]
    seen = 0
    for path in sorted((root / "claims").glob("*.yaml")):
        for c in load_article(path, root).data.claims:
            if c.base_unit == "date":
                continue
            assert rule_text(c, claim_precision(c)) == rule_text(c)
            seen += 1
    assert seen > 30  # the six bundled articles' numeric claims were all compared
