"""Linear anchoring, coverage and report context give the answers of the direct (quadratic) definitions.

The definitions are written out here as the code had them (scan every span for every mention, every
occurrence with ``str.find``, sentence ends of the whole line per quote); properties compare them with
the linear versions on generated texts. Speed itself is measured in ``benchmarks/long_line.py``.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from numclaims import sources
from numclaims.extract import coverage
from numclaims.report import quote_context
from numclaims.sources import find_all, occurrences

PROPS = settings(max_examples=200, derandomize=True, database=None, deadline=None)
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+")


def context_by_definition(text, start, end, sentences=1, limit=360):
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    ends = [m.end() for m in _SENTENCE_END.finditer(text, line_start, line_end)]
    starts_before = [line_start] + [e for e in ends if e <= start]
    lo = starts_before[max(0, len(starts_before) - 1 - sentences)]
    ends_after = [e for e in ends if e > end] + [line_end]
    hi = ends_after[min(sentences, len(ends_after) - 1)]
    before, after = text[lo:start], text[end:hi].rstrip()
    if len(before) > limit:
        cut = before[-limit:]
        sp = cut.find(" ")
        before = "\u2026" + (cut[sp + 1:] if 0 <= sp < len(cut) - 1 else cut)
    if len(after) > limit:
        cut = after[:limit]
        sp = cut.rfind(" ")
        after = (cut[:sp] if sp > 0 else cut) + "\u2026"
    return before, text[start:end], after


TEXTS = st.text(alphabet="ab .!?\n\t\u201d)", max_size=120)


@PROPS
@given(TEXTS, st.data(), st.integers(0, 2), st.integers(1, 30))
def test_quote_context_as_defined(text, data, sentences, limit):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert quote_context(text, start, end, sentences, limit) == context_by_definition(text, start, end, sentences, limit)


def test_quote_context_example():
    # the sentence before, the quote's sentence, the sentence after; not across the line break
    text = "Intro.\nOne. Two has 300 people. Three! Four."
    s = text.index("300")
    assert quote_context(text, s, s + 3) == ("One. Two has ", "300", " people. Three!")


@PROPS
@given(st.text(alphabet="abc", min_size=0, max_size=60), st.lists(st.text(alphabet="abc", min_size=1, max_size=10),
                                                                   max_size=8))
def test_occurrences_are_find_all(text, needles):
    old = sources._SCAN_BUDGET
    sources._SCAN_BUDGET = 0  # index every text, however short
    try:
        find = occurrences(text, needles)
        for n in needles + ["abcabcab", "zzzzzzzzz"]:
            assert find(n) == find_all(text, n)
    finally:
        sources._SCAN_BUDGET = old


def test_find_all_example():
    # overlapping occurrences: "aaaaaaaaaa" holds "aaaaaaaaa" (9 a's) at offsets 0 and 1
    sources_budget = sources._SCAN_BUDGET
    sources._SCAN_BUDGET = 0
    try:
        assert occurrences("a" * 10, ["a" * 9])("a" * 9) == [0, 1] == find_all("a" * 10, "a" * 9)
    finally:
        sources._SCAN_BUDGET = sources_budget


def coverage_by_definition(text, body, spans, waived):
    """extract.coverage as it was: every span tried for every mention."""
    from numclaims.extract import _core_end, _find_mentions

    ms = [m for m in _find_mentions(text, body, False, read_values=False) if m.region == "body"]
    wspans = []
    for wt, ws in waived:
        starts = [ws] if ws is not None else find_all(text, wt)
        wspans.extend((s, s + len(wt)) for s in starts)

    def inside(m, spans_):
        return any(a <= m.start and m.end <= b for a, b in spans_) or any(
            a <= m.start < b and _core_end(m) <= b for a, b in spans_)

    claimed = waived_n = 0
    missing = []
    for m in ms:
        if inside(m, spans):
            claimed += 1
        elif inside(m, wspans):
            waived_n += 1
        else:
            missing.append({"start": m.start, "end": m.end, "text": m.text})
    return {"mentions": len(ms), "claimed": claimed, "waived": waived_n, "missing": missing}


BODY = ("The police rescued 300 women and 40 percent were minors. Some 1,600 workers earned $5,000 a month "
        "over two years, a fortune of $2 million. Twelve more came later.")


@PROPS
@given(st.lists(st.tuples(st.integers(0, len(BODY)), st.integers(0, 40)), max_size=6),
       st.lists(st.sampled_from(["300 women", "two years", "$2", "Twelve", "1,600"]), max_size=3))
def test_coverage_as_defined(spans, waived):
    spans = [(a, min(len(BODY), a + n)) for a, n in spans]
    w = [(t, None) for t in waived]
    assert coverage(BODY, (0, len(BODY)), spans, w) == coverage_by_definition(BODY, (0, len(BODY)), spans, w)


def test_coverage_example():
    # a quote over "rescued 300 women" claims that mention; "$2 million" is claimed by a quote that stops
    # after "$2" (the numeral core); every other body mention is missing
    s = BODY.index("rescued 300 women")
    d = BODY.index("$2 million")
    got = coverage(BODY, (0, len(BODY)), [(s, s + len("rescued 300 women")), (d, d + 2)], [("Twelve", None)])
    assert got["claimed"] == 2 and got["waived"] == 1
    assert got == coverage_by_definition(BODY, (0, len(BODY)), [(s, s + 17), (d, d + 2)], [("Twelve", None)])
