"""Explanations in the reader's words (numclaims.explain): numbers, money, dates, qualifiers and ranges as a
sub-editor writes them, one sentence per check built from the structured results, causes of every tension
and inconsistency, and no ids in the prose."""

from __future__ import annotations

import json
import re
from numclaims.resultmodel import read_results
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import sketch
from numclaims import explain as _explain
from numclaims.evidence import load_reference
from numclaims.fastjson import data
from numclaims.resultmodel import CheckEntry, ClaimResult, DerivedFigure


def _typed(value):
    """A check, claim or derived figure written as a dict in a test (as results.json holds it), typed
    (:func:`conftest.sketch`) for the explain functions, which read the results model; models as they are."""
    if not isinstance(value, dict):
        return value
    if "verdict" in value or ("kind" in value and "inputs" not in value and "quote" not in value):
        return sketch(CheckEntry, value)
    value = {"interval_closed": [True, True], **value}  # results.json always gives it; the tests leave it out
    return sketch(DerivedFigure if "arithmetic" in value or "inputs" in value else ClaimResult, value)


class _Typed:
    """``numclaims.explain`` with its arguments typed: the tests below write checks and claims as dicts."""

    def __getattr__(self, name):
        fn = getattr(_explain, name)
        if name == "explain":
            return lambda check, claims, *a: fn(_typed(check), {k: _typed(v) for k, v in claims.items()}, *a)
        if name in ("reason_words", "quoted", "claim_range", "reading_rule", "finding_badges"):
            return lambda x, *a: fn(_typed(x), *a)
        return fn


X = _Typed()

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"


@pytest.fixture(scope="module")
def results() -> dict:
    return data(read_results(ROOT / "reports" / SEED / "results.json"))  # as results.json holds it


@pytest.fixture(scope="module")
def claims(results) -> dict:
    return {c["id"]: c for c in results["claims"]}


@pytest.fixture(scope="module")
def checks(results) -> dict:
    return {c["id"]: c for c in results["checks"]}


@pytest.fixture(scope="module")
def reference() -> dict:
    return load_reference(ROOT)


# ------------------------------------------------------------------------------------------ words
def test_money_is_written_in_words_never_in_scientific_notation():
    assert X.amount(2_000_000, "USD") == "$2 million"
    assert X.amount(2_160_000, "USD") == "$2.16 million"  # 60,000 x 36
    assert X.amount(60_000, "USD per month") == "$60,000 a month"
    assert X.amount(1_500_000_000, "USD") == "$1.5 billion"
    assert X.amount(4500, "persons") == "4,500 people"
    assert X.amount(1, "persons") == "1 person"
    assert X.amount(0.625, "fraction") == "62.5%"  # the lower end of "three quarters"
    assert X.amount(41.5, "percent") == "41.5%"


@settings(max_examples=200, derandomize=True, deadline=None)
@given(st.floats(min_value=0, max_value=1e15, allow_nan=False))
def test_no_amount_of_money_is_in_scientific_notation(x):
    s = X.amount(x, "USD")
    assert "e+" not in s and "e-" not in s and s.startswith("$")


def test_ranges_in_words():
    assert X.range_words(250, 350, "persons") == "between 250 and 350 people"
    assert X.range_words(4500, None, "persons", (False, False)) == "more than 4,500 people"
    assert X.range_words(1500, None, "persons") == "at least 1,500 people"
    assert X.range_words(0, 1600, "persons") == "at most 1,600 people"
    assert X.range_words(7, 7, "persons") == "exactly 7 people"  # a one-value range is written once
    assert X.range_words(1_500_000, 2_500_000, "USD") == "between $1.5 million and $2.5 million"


def test_dates_as_dates():
    assert X.date_words("2013-09-01", "2013-09-30") == "September 2013"
    assert X.date_words("2011-01-01", "2011-12-31") == "2011"
    assert X.date_words("2011-10-01", "2013-09-30") == "October 2011 to September 2013"
    assert X.date_words("2010-10-05", "2013-10-04") == "5 October 2010 to 4 October 2013"
    assert X.date_words("2010", "2013-10") == "2010 to October 2013"
    assert X.date_words("2013-10-03", "2013-10-03") == "3 October 2013"


def test_qualifiers_in_words(claims):
    # "over 4,500" is canonical more_than; people are whole, so (4,500, +inf) is at least 4,501;
    # "As many as 1,600" is up_to
    assert "at least 4,501 people" in X.reading_rule(claims["women-exploited-4500"])
    assert "\u201cmore than\u201d sets no upper limit" in X.reading_rule(claims["women-exploited-4500"])
    assert "at most 1,600 people" in X.reading_rule(claims["prostitutes-1600"])
    # "300" written to the nearest 100: [250, 350]
    assert X.reading_rule(claims["women-exploited-300"]) == \
        "\u201c300\u201d read as between 250 and 350 people (written to the nearest 100)."
    for c in claims.values():
        r = X.reading_rule(c)
        assert "_" not in r and ".." not in r and "inf" not in r, r


# ------------------------------------------------------------------------------------------ sentences
def test_agreement_sentence_names_the_factor(checks, claims):
    ex = X.explain(checks["madre-de-dios-estimates-agree"], claims)
    # 4,500 / 1,600 = 2.8125 -> "2.8 times"
    assert ex.sentence.startswith("The article gives \u201cAs many as 1,600\u201d and \u201cover 4,500\u201d")
    assert "both cannot hold: the second is at least 2.8 times the first." in ex.sentence
    assert ex.cause == "The lowest value \u201cover 4,500\u201d allows is above the highest \u201cAs many as 1,600\u201d allows."
    # whole people: the gap 4,501 - 1,600 = 2,901
    assert "No value is in both ranges: a gap of 2,901 people." in ex.over_intervals


def test_rate_duration_arithmetic_as_written_and_over_the_ranges(checks, claims):
    ex = X.explain(checks["earnings-times-period-vs-fortune"], claims)
    # 60,000 x 36 = 2,160,000, +8 % on 2,000,000; ranges [55,000, 65,000] x [30, 42] = [1.65M, 2.73M]
    assert ex.as_written == ["$60,000 a month for 36 months = $2.16 million, against $2 million stated (+8%)."]
    assert "Rate \u00d7 duration: between $1.65 million and $2.73 million." in ex.over_intervals
    assert ex.sentence == ("At \u201c$60,000 a month\u201d, \u201cover three years\u201d comes to $2.16 million, which fits "
                           "\u201c$2 million\u201d (both allow between $1.65 million and $2.5 million).")
    assert ex.cause is None  # consistent


def test_a_one_sided_rate_carries_its_bound_to_the_product(checks, claims):
    # "more than $60,000 a month" for 36 months is more than 60,000 x 36 = $2.16 million, not $2.16 million
    # itself: the product keeps the rate's "more than" (the seed's rate is "about"; changed here only)
    more = {**claims, "earnings-60000-month": {**claims["earnings-60000-month"], "qualifier": "more_than"}}
    ex = X.explain(checks["earnings-times-period-vs-fortune"], more)
    assert ex.sentence.startswith("At \u201c$60,000 a month\u201d, \u201cover three years\u201d comes to more than "
                                  "$2.16 million, which fits")
    assert ex.as_written == ["more than $60,000 a month for 36 months = more than $2.16 million, against $2 million "
                             "stated (+8%)."]


def test_unverifiable_names_the_periods_and_the_reason(checks, claims):
    ex = X.explain(checks["rescued-2011-within-2000"], claims)
    assert ex.reason == "periods do not nest"
    # "in the past two years" before "In September" 2013 (any day of that month): 2 September 2011 at the
    # earliest (30 September 2013 minus two years, plus a day) to 30 September 2013 (docs/semantics.md, periods)
    assert ex.sentence == ("\u201cover 200\u201d counts 2011 and \u201c2,000\u201d counts 2 September 2011 to 30 "
                           "September 2013: the first period is not inside the second, so part of what the first "
                           "counts may fall outside the second.")


def test_every_tension_and_inconsistency_names_its_cause(results, claims, reference):
    for ch in results["checks"]:
        ex = X.explain(ch, claims, reference)
        if ch["verdict"] in ("tension", "inconsistent"):
            assert ex.cause, ch["id"]
        else:
            assert ex.cause is None


def test_external_tension_names_the_sources_and_the_bound(checks, claims, reference):
    ex = X.explain(checks["external-minors-4000-rinconada"], claims, reference)
    assert "backed by InSight Crime, 26 February 2013" in ex.sentence
    # both police figures are "more than 4,500": above the top (4,000) of "up to 4,000"
    assert ex.cause.endswith("lie above the top of \u201cup to 4,000\u201d.")


def test_a_consistent_claim_with_findings_says_so(checks, claims, reference):
    ex = X.explain(checks["external-women-300"], claims, reference)
    assert ex.sentence.endswith("but it drops the source's qualifier and gives another period than its source.")
    assert X.finding_badges(checks["external-women-300"]) == [("qualifier_dropped", "qualifier dropped"),
                                                              ("period_changed", "period changed")]


def test_no_ids_no_codes_no_engine_notation_in_the_prose(results, claims, reference):
    ids = set(claims) | {ch["id"] for ch in results["checks"]} | set(reference)
    for ch in results["checks"]:
        ex = X.explain(ch, claims, reference)
        for line in [ex.sentence, *ex.as_written, *ex.over_intervals, *ex.rules, ex.cause or ""]:
            words = set(re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)+", line))
            assert not words & ids, (ch["id"], line)
            assert not re.search(r"\d[eE][+-]\d|\binf\b|->|\d{4}-\d{2}-\d{2}|up_to|more_than|_", line), line


def test_producer_fields_are_used_when_present(checks, claims):
    ch = dict(checks["ring-within-1600"], reason="some_new_code", verdict="tension",
              cause={"role": "part", "bound": "high"},
              figures=[{"role": "part", "claims": ["women-exploited-300"], "written": 300,
                        "interval": [250, 350], "unit": "persons"}])
    ex = X.explain(ch, claims)
    assert ex.reason == "some new code"  # an unknown code shown as its words, never a crash
    # a tension's cause is the producer's field: the part read toward its high bound (350)
    assert ex.cause == ("As written it fails; it holds only with \u201c300\u201d (part) toward the high end of what "
                        "its wording allows.")


def test_a_kind_without_template_or_a_missing_claim_gets_a_plain_sentence(claims):
    ex = X.explain({"id": "x", "kind": "brand_new", "claims": ["women-exploited-300"], "verdict": "consistent",
                    "details": {}}, claims)
    assert ex.sentence == "The check of \u201c300\u201d is consistent."
    ex = X.explain({"id": "y", "kind": "part_whole", "claims": ["gone"], "verdict": "unverifiable",
                    "details": {}}, claims)
    assert ex.sentence.startswith("The check of another figure is unverifiable")


_QUALIFIERS = ["exact", "approximately", "nearly", "more_than", "at_least", "less_than", "up_to"]


def _claim(cid, text, value, lo, hi, unit, qualifier, closed=(True, True)):
    return {"id": cid, "text": text, "quote": text, "value": value, "unit": unit, "qualifier": qualifier,
            "precision": 1, "interval": [lo, hi], "interval_closed": list(closed), "period": None,
            "measure": {"what": "people counted"}}


_bound = st.one_of(st.none(), st.floats(min_value=0, max_value=1e9, allow_nan=False))


@settings(max_examples=150, derandomize=True, deadline=None)
@given(a=st.tuples(_bound, _bound), b=st.tuples(_bound, _bound), qa=st.sampled_from(_QUALIFIERS),
       qb=st.sampled_from(_QUALIFIERS), unit=st.sampled_from(["persons", "USD", "percent", "years"]),
       kind=st.sampled_from(["agreement", "part_whole"]),
       verdict=st.sampled_from(["consistent", "tension", "inconsistent", "unverifiable"]))
def test_any_pair_of_figures_reads_as_prose(a, b, qa, qb, unit, kind, verdict):
    """Whatever the bounds, qualifiers, unit and verdict, a two-figure check gives one sentence ending in a
    full stop, without ids, codes, infinities or scientific notation, and a cause exactly when the verdict
    is tension or inconsistent."""
    a_lo, a_hi = sorted(a, key=lambda x: -1 if x is None else x) if None not in a else a
    b_lo, b_hi = sorted(b, key=lambda x: -1 if x is None else x) if None not in b else b
    claims = {"first-claim": _claim("first-claim", "12,345", 12345, a_lo, a_hi, unit, qa),
              "second-claim": _claim("second-claim", "67,890", 67890, b_lo, b_hi, unit, qb)}
    key = {"agreement": ("a", "b"), "part_whole": ("part", "whole")}[kind]
    check = {"id": "the-check", "kind": kind, "claims": ["first-claim", "second-claim"], "verdict": verdict,
             "details": {key[0]: [a_lo, a_hi], key[1]: [b_lo, b_hi]}}
    ex = X.explain(check, claims)
    assert ex.sentence.endswith(".") and ex.sentence[0].isupper() or ex.sentence.startswith("\u201c")
    for line in [ex.sentence, *ex.as_written, *ex.over_intervals, *ex.rules, ex.cause or ""]:
        assert not re.search(r"first-claim|second-claim|the-check|\binf\b|\d[eE][+-]?\d|_|None|nan", line), line
    assert (ex.cause is not None) == (verdict in ("tension", "inconsistent"))


def test_unverifiable_checks_of_every_kind_say_they_cannot_decide(claims):
    pairs = {"agreement": ["prostitutes-1600", "women-exploited-4500"],
             "rate_duration": ["earnings-60000-month", "fortune-period-3-years", "fortune-2-million"],
             "share_of_total": ["minors-42-percent", "rescued-2000"],
             "fraction_of": ["minors-three-quarters", "women-exploited-4500", "prostitutes-1600"],
             "external": ["women-exploited-300"], "sum": ["women-exploited-300", "prostitutes-1600"]}
    for kind, ids in pairs.items():
        ex = X.explain({"id": "c", "kind": kind, "claims": ids, "verdict": "unverifiable", "details": {},
                        "reason": "units_differ"}, claims)
        assert "cannot be" in ex.sentence and "the units do not convert" in ex.sentence, (kind, ex.sentence)


def test_a_part_whole_tension_names_the_bounds(claims):
    # part "300" [250, 350] under a whole read as [0, 280]: as written 300 > 280 fails; within the part's
    # rounding it fits if the part is 250..280, the low end of its range -> tension, caused by the part's
    # top (350) above the whole's top (280)
    whole = dict(claims["prostitutes-1600"], interval=[0, 280], text="as many as 280")
    ex = X.explain({"id": "t", "kind": "part_whole", "claims": ["women-exploited-300", "w"], "verdict": "tension",
                    "details": {"part": [250, 350], "whole": [0, 280]}},
                   {"women-exploited-300": claims["women-exploited-300"], "w": dict(whole, id="w")})
    assert ex.sentence == ("\u201c300\u201d fits within \u201cas many as 280\u201d only within the rounding or hedging "
                           "their wording allows, not as written.")
    assert ex.cause == ("The top of \u201c300\u201d (350 people) is above the top of \u201cas many as 280\u201d "
                        "(280 people): the first fits only near the bottom of its range.")


def test_an_agreement_tension_names_where_the_ranges_meet(claims):
    # [250, 350] and [340, 500] share only 340..350: the top of the first and the bottom of the second
    a = dict(claims["women-exploited-300"], id="a")
    b = dict(claims["women-exploited-300"], id="b", text="about 420", interval=[340, 500])
    ex = X.explain({"id": "t", "kind": "agreement", "claims": ["a", "b"], "verdict": "tension",
                    "details": {"a": [250, 350], "b": [340, 500]}}, {"a": a, "b": b})
    assert ex.cause == ("The two meet only between 340 and 350 people: the top of \u201c300\u201d and the "
                        "bottom of \u201cabout 420\u201d.")


def _committed(article: str) -> tuple[dict, dict]:
    """The committed results.json of a worked article and its claims by id."""
    res = data(read_results(Path(__file__).resolve().parents[1] / "reports" / article / "results.json"))
    return res, {c["id"]: c for c in res["claims"]}


def test_relation_kinds_are_told_in_words():
    # the Bolivia worked article: 2012's 456 cases fell "around 20 percent" to 363 in 2013. "around 20
    # percent" is [18 %, 22 %]; 456 x (100 - 22) / 100 = 355.68 and 456 x (100 - 18) / 100 = 373.92, whole
    # cases 356 to 373, which hold 363; as written 456 x 0.8 = 364.8, within "around" -> holds as written
    res, claims = _committed("insightcrime-2014-04-04-bolivia-trafficking-reports")
    change = next(ch for ch in res["checks"] if ch["kind"] == "change")
    ex = X.explain(change, claims)
    assert ex.sentence == ("A change from \u201c456\u201d (456) to \u201c363\u201d (363) by \u201caround 20 percent\u201d "
                           "(20%), which implies between 356 and 373: the relation holds as written.")
    # 363 / 35 = 10.37 > 10: "more than 10 times" holds as written
    times = next(ch for ch in res["checks"] if ch["kind"] == "comparison")
    assert X.explain(times, claims).sentence == ("The article says \u201c363\u201d (363) is \u201cmore than 10 times\u201d (10 times) "
                                                 "\u201c35\u201d (35): the relation holds as written.")


def test_an_implied_ratio_is_told_with_its_value_and_its_relation_to_the_reference():
    # the seed: $2 million over three years = 2,000,000 / 3 / 12 = 55,555.56 a month as written, which must be
    # at most the AP wire's about $60,000 a month; over the ranges [1.5M / 42, 2.5M / 30] = [35,714.29,
    # 83,333.33] a month
    res, claims = _committed("insightcrime-2013-10-04-peru-trafficking-ring")
    check = next(ch for ch in res["checks"] if ch["kind"] == "implied_ratio")
    ex = X.explain(check, claims)
    assert ex.sentence == ("\u201c$2 million\u201d ($2 million) divided by \u201cover three years\u201d (3 years) is "
                           "$55,555.56 a month, which must be at most the reference figure ($60,000 a month): the "
                           "relation holds as written.")
    assert "the implied ratio: between $35,714.29 and $83,333.33 a month." in ex.over_intervals


def test_a_change_without_earlier_figure_shows_the_earlier_figure_it_implies():
    # "363" cases in 2013 after a fall of "around 20 percent" ([18, 22] %, as written 20), no earlier figure
    # stated: as written 363 / (1 - 20 / 100) = 453.75 (shown to one decimal, 453.8); over the ranges
    # 363 / (1 - 18 / 100) = 442.68 .. 363 / (1 - 22 / 100) = 465.38 (shown 442.7 and 465.4)
    _, claims = _committed("insightcrime-2014-04-04-bolivia-trafficking-reports")
    later, change = "bo14-cases-2013-363", "bo14-down-20-percent"
    check = {"id": "c", "kind": "change", "claims": [later, change], "verdict": "unverifiable",
             "reason": "no_comparison", "details": {"mode": "relative", "implied_earlier": [363 / 0.82, 363 / 0.78]},
             "figures": [{"role": "later", "claims": [later], "written": 363, "interval": [363, 363], "unit": "count"},
                         {"role": "change", "claims": [change], "written": 20, "interval": [18, 22], "unit": "percent"},
                         {"role": "implied", "claims": [later, change], "written": 363 / 0.8,
                          "interval": [363 / 0.82, 363 / 0.78], "unit": "count"}]}
    ex = X.explain(check, claims)
    assert ex.sentence == ("A change to \u201c363\u201d (363) by \u201caround 20 percent\u201d (20%), which implies an "
                           "earlier figure of 453.8 as written (between 442.7 and 465.4 over the ranges the wording "
                           "allows): the relation cannot be decided: there is nothing to compare with.")
    assert "the implied earlier figure: 453.8 as written." in ex.as_written
    assert "the implied earlier figure: between 442.7 and 465.4." in ex.over_intervals



def test_an_external_check_whose_rows_back_nothing_names_them():
    # Rinconada: "approximately 50 percent" ([45, 55]) Bolivian against the 2012 police report's 40 % (a CSV
    # number with a trailing zero: step 10, [35, 45]); they share only 45, so the row is compatible but does
    # not back the claim (unverifiable, no_source): the sentence names the row instead of "cannot be compared"
    from numclaims.evidence import load_reference

    res, claims = _committed("insightcrime-2013-02-26-rinconada-underage-girls")
    check = next(ch for ch in res["checks"] if ch["id"] == "rin13-external-bolivian-share")
    ex = X.explain(check, claims, load_reference(Path(__file__).resolve().parents[1]))
    assert (check["verdict"], check["reason"]) == ("unverifiable", "no_source")
    assert ex.sentence == ("\u201capproximately 50 percent\u201d is compatible with the figures it cites, but none of "
                           "them backs it: La Rep\u00fablica (via blog copy), December 2012 gives 40%.")
    assert "La Rep\u00fablica (via blog copy), December 2012: 40% for 2012, read as between 35% and 45%: shares values " \
           "with the claim." in ex.over_intervals


def test_reason_words_read_the_reason_code_only():
    # the words of the check's machine code; never guessed again from its claims' periods or units
    assert X.reason_words({"verdict": "unverifiable", "reason": "periods_disjoint"}) == "the periods do not overlap"
    assert X.reason_words({"verdict": "unverifiable", "reason": "a_new_code"}) == "a new code"
    disjoint = {"verdict": "unverifiable", "kind": "agreement", "claims": ["a", "b"]}  # no code: older results
    assert X.reason_words(disjoint) == "cannot decide"
    assert X.reason_words({"verdict": "consistent"}) == ""


def test_a_derived_figure_is_named_by_its_arithmetic_never_quoted():
    # Mexico: the derived difference 878 - 757 = 121 kidnappings in December 2012 (one calendar month: 121 a
    # month) against "757" over January-June 2013 (6 calendar months: 757 / 6 = 126.2 a month); the report names it by its
    # arithmetic, with a capital at the sentence start
    res, claims = _committed("insightcrime-2013-09-16-mexico-kidnappings")
    by_id = {**{d["id"]: d for d in res["derived"]}, **claims}
    check = next(ch for ch in res["checks"] if ch["id"] == "mx13-december-2012-rate")
    assert X.explain(check, by_id).sentence.startswith("The derived figure 878 - 757 = 121 (121 a month) is at most "
                                                       "\u201c757\u201d (126.2 a month)")
    assert X.quoted({"id": "d", "arithmetic": "100 - 60 = 40", "interval": [40, 40]}) == "the derived figure 100 - 60 = 40"


def test_a_complement_names_each_share_once():
    # "Around 60 percent" and "40 percent" as shares of one whole, the first also listed as the cause: each
    # named once
    claims = {"a": {"id": "a", "text": "Around 60 percent", "unit": "percent", "interval": [54, 66]},
              "b": {"id": "b", "text": "40 percent", "unit": "percent", "interval": [39.5, 40.5]}}
    check = {"id": "c", "kind": "complement", "claims": ["a", "b"], "verdict": "consistent",
             "reason": "holds_as_written", "details": {},
             "figures": [{"role": "part", "claims": ["a"], "written": 60, "interval": [54, 66], "unit": "percent"},
                         {"role": "part", "claims": ["b"], "written": 40, "interval": [39.5, 40.5], "unit": "percent"},
                         {"role": "cause", "claims": ["a"], "written": 60, "interval": [54, 66], "unit": "percent"}]}
    sentence = X.explain(check, claims).sentence
    assert sentence.count("\u201cAround 60 percent\u201d") == 1 and "\u201c40 percent\u201d" in sentence
