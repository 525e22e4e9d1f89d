"""The results model (numclaims.resultmodel): results.json as written validates, damaged results do not,
slim results keep what the run needs, and the one worst-verdict rule."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from numclaims.engine import check_file
from numclaims.fastjson import data
from numclaims.resultmodel import Results, SlimResults, VerdictCounts, _placeholder, placeholders, slim, well_formed
from numclaims.verdicts import SEVERITY, VERDICTS, worst, worst_by_claim, worst_first

from conftest import PROJECT

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
COMMITTED = json.loads((ROOT / "reports" / SEED / "results.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def town():
    return check_file(PROJECT / "claims" / "town-news.yaml", PROJECT)[0]


def test_committed_results_are_a_results_object():
    r = Results.model_validate(COMMITTED)
    # the seed article: 16 claims, 18 checks (13 consistent, 1 tension, 3 inconsistent, 1 unverifiable)
    assert (len(r.claims), len(r.checks)) == (16, 18)
    assert r.summary.verdicts.model_dump() == {"consistent": 13, "tension": 1, "inconsistent": 3, "unverifiable": 1}
    # the agreed fields are produced: the first check (rate_duration, 60,000 x 36 = 2,160,000 against "$2
    # million") holds as written, with its three figures (rate, duration, total) and the implied total
    assert r.checks[0].reason == "holds_as_written" and r.checks[0].cause is None
    assert [f.role for f in r.checks[0].figures][:3] == ["rate", "duration", "total"]
    assert well_formed(COMMITTED, SEED, SEED, full=True)


def test_fresh_results_validate_full_and_slim(town):
    assert isinstance(town, Results)  # the engine's typed results, built without validation ...
    town = data(town)  # ... written as JSON data, validate as the model says
    assert well_formed(town, "town-news", town["source"]["id"], full=True)
    s = data(slim(Results.model_validate(town)))
    assert s["checks"] == [] and [c["id"] for c in s["claims"]] == [c["id"] for c in town["claims"]]
    assert well_formed(s, "town-news", town["source"]["id"], full=False)
    assert not well_formed(s, "town-news", town["source"]["id"], full=True)  # slim is not full
    assert not well_formed(town, "other-article", town["source"]["id"], full=True)
    assert not well_formed(town, "town-news", "other-source", full=True)


def test_verdict_counts_name_every_verdict():
    assert tuple(VerdictCounts.model_fields) == VERDICTS


def _damaged(res, path, value):
    out = copy.deepcopy(res)
    node = out
    for k in path[:-1]:
        node = node[k]
    if value is KeyError:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return out


@pytest.mark.parametrize("path, value", [
    (("checks", 0, "verdict"), "wrong"),                 # not a verdict
    (("summary", "verdicts", "tension"), True),          # a bool is not a count
    (("summary", "verdicts", "tension"), 1.0),           # nor a float
    (("summary", "verdicts", "tension"), KeyError),      # every verdict has a count
    (("summary", "checks"), "17"),
    (("coverage", "missing"), [{"start": 1, "end": 2}]),  # a missing mention has its text
    (("claims", 0, "id"), 7),
    (("claims",), {"id": "x"}),
    (("source",), "insightcrime"),
    (("provenance", "claims_file", "sha256"), "not-a-hash"),
    (("checks",), None),
])
def test_damaged_results_are_not_well_formed(path, value):
    assert not well_formed(_damaged(COMMITTED, path, value), SEED, SEED, full=True)


def test_unknown_keys_are_kept_the_contract_is_additive():
    res = _damaged(COMMITTED, ("checks", 0, "a_later_field"), {"kind": "sum"})
    res["checks"][0].update(reason="holds_as_written", note=None, cause={"role": "total", "bound": "high"},
                            figures=[{"role": "total", "claims": ["a"], "written": 2, "interval": [1, None],
                                      "unit": "USD"}])
    assert well_formed(res, SEED, SEED, full=True)
    assert Results.model_validate(res).checks[0].cause.bound == "high"
    res["checks"][0]["cause"] = {"role": "total", "bound": "middle"}  # bound is low, high or value
    assert not well_formed(res, SEED, SEED, full=True)


def test_deep_nesting_is_not_well_formed_and_does_not_raise():
    deep: list = []
    for _ in range(5000):
        deep = [deep]
    assert not well_formed({"article": SEED, "claims": deep}, SEED, SEED, full=False)


def test_placeholders_are_claims_with_todo_in_measure_or_attribution():
    res = data(COMMITTED)
    for c, what, who in zip(res["claims"], ("TODO: what", "people", "people"), ("x", " todo", "AP")):
        c["measure"]["what"], c["attribution"] = what, [{"who": who}]
    assert placeholders(Results.model_validate(res)) == [c["id"] for c in res["claims"][:2]]
    assert SlimResults.model_fields["placeholders"].is_required()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\ntTodOD\u00df\ufb05\u0165\u1e6b\u2028x:") | st.characters(), max_size=8))
def test_placeholder_test_is_the_upper_case_prefix_rule(text):
    # answered from the first character when it is ASCII and no t/T; else by the rule itself (non-ASCII
    # characters whose upper case is several letters, as U+00DF -> SS and U+FB05 -> ST, take that path)
    assert _placeholder(text) == text.lstrip().upper().startswith("TODO")
    assert _placeholder("  todo: who said it") and _placeholder("ToDo") and not _placeholder("to do")


def test_worst_verdict_rule():
    assert worst([]) is None
    assert worst(["consistent", "unverifiable"]) == "unverifiable"
    assert worst(["tension", "inconsistent", "consistent"]) == "inconsistent"
    assert worst(["not a verdict"]) is None
    # seed: women-exploited-300 is in ring-within-1600, ring-within-4500 and external-women-300, all consistent
    assert worst_by_claim(Results.model_validate(COMMITTED))["women-exploited-300"] == "consistent"
    findings = sorted((c for c in COMMITTED["checks"] if c["verdict"] != "consistent"), key=worst_first)
    assert [c["id"] for c in findings] == COMMITTED["summary"]["findings"]


@settings(max_examples=200, derandomize=True)
@given(st.lists(st.sampled_from(VERDICTS), max_size=8))
def test_worst_is_a_member_at_least_as_severe_as_every_other(vs):
    w = worst(vs)
    if not vs:
        assert w is None
    else:
        assert w in vs and all(SEVERITY[w] >= SEVERITY[v] for v in vs)


_LINK_FIELDS = ("who", "role", "kind")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sets(st.sampled_from(_LINK_FIELDS[1:])), st.booleans()), min_size=1, max_size=8))
def test_make_sets_the_fields_each_call_names_whatever_came_before(calls):
    """``make`` remembers, per class and ``unset``, the names a full call sets (resultmodel._FULL): any
    sequence of calls, with or without fields unset, with every field or only some, must give each object
    exactly its own fields set, as pydantic's ``model_construct`` does. E.g. ``make(AttributionRef, {who:
    "a", role: None, kind: None}, ("role", "kind"))`` sets {who}; the same values with nothing unset set all
    three; ``{who: "a"}`` alone sets {who} (role and kind at their default None)."""
    from numclaims.resultmodel import AttributionRef, make

    for unset, full in calls:
        values = {"who": "a", "role": None, "kind": None} if full else {"who": "a"}
        order = tuple(f for f in _LINK_FIELDS if f in unset) if full else ()
        m = make(AttributionRef, values, order)
        expected = AttributionRef.model_construct(**values)
        expected_set = set(values) - set(order)
        assert m.model_fields_set == expected_set
        assert m.model_dump() == expected.model_dump() == {"who": "a", "role": None, "kind": None}
        assert data(m) == {k: v for k, v in values.items() if k in expected_set}
