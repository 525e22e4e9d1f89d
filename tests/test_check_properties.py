"""Property tests of the verdict rule (hypothesis): widening an input never turns a holding relation into
`inconsistent`, and verdicts respect the order consistent -> tension -> inconsistent as intervals move apart."""

from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims.checks.base import CONSISTENT, INCONSISTENT, decide, le, overlap
from numclaims.intervals import Interval

finite = st.floats(min_value=0, max_value=1e7, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw):
    a, b = sorted((draw(finite), draw(finite)))
    if draw(st.booleans()):
        return Interval(a, None, draw(st.booleans()), False)  # half-bounded, like "over 4,500"
    if a == b:
        return Interval(a, b)
    return Interval(a, b, draw(st.booleans()), draw(st.booleans()))


@st.composite
def widened(draw, iv):
    extra_lo, extra_hi = draw(finite), draw(finite)
    lo = None if iv.low is None else max(iv.low - extra_lo, 0.0)
    hi = None if iv.high is None else iv.high + extra_hi
    return Interval(lo, hi)


RELATIONS = {
    "overlap": overlap,
    "le": le,
    "rate_duration": lambda r, d, t: overlap(r * d, t),
}


# random locally; derandomized under CI by the "ci" profile in conftest.py
PROPS = settings(max_examples=300, deadline=None)


@PROPS
@given(a=intervals(), b=intervals(), c=intervals(), data=st.data())
def test_widening_never_makes_inconsistent(a, b, c, data):
    for name, rel in RELATIONS.items():
        args = (a, b, c) if name == "rate_duration" else (a, b)
        before = decide(rel, *args)
        i = data.draw(st.integers(0, len(args) - 1))
        wider = list(args)
        wider[i] = data.draw(widened(args[i]))
        after = decide(rel, *wider)
        if before != INCONSISTENT:
            assert after != INCONSISTENT, (name, args, wider)


@PROPS
@given(a=intervals(), b=intervals())
def test_consistent_implies_holds_on_full_intervals(a, b):
    # consistent means it holds on the inner intervals, hence on the full ones
    if decide(overlap, a, b) == CONSISTENT:
        assert a.overlaps(b)
    assert (decide(overlap, a, b) == INCONSISTENT) == (not a.overlaps(b))
