"""The results model is used end to end: the engine returns typed results, built without validation, that
write the committed results.json byte for byte; the publish layer's public functions take the model types
and read fields, never keys; a chart reads the figures a check compared."""

from __future__ import annotations

import inspect
import re
import typing
from pathlib import Path

import pytest

from numclaims import claimreview, explain, export, figures, notebook, report, resultmodel, review, timeline
from numclaims.cache import CheckCache
from numclaims.engine import check_file
from numclaims.evidence import load_reference
from numclaims.fastjson import construct, data, visible
from numclaims.resultmodel import (
    CheckEntry,
    ClaimResult,
    ComparedFigure,
    Coverage,
    Provenance,
    Results,
    SlimResults,
    SourceRef,
    Summary,
    make,
    slim,
)
from numclaims.resultmodel import read_results
from numclaims.results import dumps
from numclaims.runner import print_findings, print_table

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
MODELS = {Results, SlimResults, CheckEntry, ClaimResult, SourceRef}


@pytest.fixture(scope="module")
def seed() -> Results:
    return check_file(ROOT / "claims" / f"{SEED}.yaml", ROOT)[0]


def test_the_engine_returns_typed_results_all_the_way_down(seed):
    assert type(seed) is Results and type(seed.source) is SourceRef and type(seed.summary) is Summary
    assert type(seed.coverage) is Coverage and type(seed.provenance) is Provenance
    assert {type(c) for c in seed.claims} == {ClaimResult} and {type(ch) for ch in seed.checks} == {CheckEntry}
    # the first check (rate_duration): rate, duration, total and the implied total, typed
    assert [type(f) for f in seed.checks[0].figures] == [ComparedFigure] * 4
    assert seed.checks[0].figures[0].written == 60000 and seed.checks[0].figures[0].unit == "USD per month"


def test_the_typed_results_write_the_committed_file_and_validate(seed):
    committed = (ROOT / "reports" / SEED / "results.json").read_text(encoding="utf-8")
    assert dumps(seed) == committed
    # built without validation, yet exactly what validation of its own data gives
    assert visible(Results.model_validate(data(seed))).keys() == visible(seed).keys()
    assert data(Results.model_validate(data(seed))) == data(seed)


def test_make_is_model_construct_without_its_cost():
    values = {"role": "total", "claims": ["a"], "written": 2.0, "interval": [1.0, 3.0], "unit": "USD"}
    fast, slow = make(ComparedFigure, dict(values)), ComparedFigure.model_construct(**values)
    assert fast == slow and fast.model_fields_set == slow.model_fields_set == set(values)
    # a field not given holds its default and is not written
    check = make(CheckEntry, {"id": "c", "kind": "sum", "claims": [], "verdict": "consistent", "explanation": "",
                              "details": {}})
    assert check.findings is None and check.status is None and "findings" not in visible(check)
    assert construct(SourceRef, {**dict.fromkeys(SourceRef.model_fields), "id": "s"}, {"id"}).id == "s"


# every public function of the publish layer (and the pipeline's printers) that takes results, and the
# parameter holding them: annotated with the model types, never a dict
TAKES_RESULTS = [
    (report.build_view, "results"), (report.render_reports, "results"), (report.report_files, "results"),
    (report.write_reports, "res"), (report.stale_reports, "all_results"), (report.interval_text, "c"),
    (claimreview.claimreview, "results"), (claimreview.speaker, "claim"),
    (explain.explain, "check"), (explain.finding_badges, "check"), (explain.reason_words, "check"),
    (explain.quoted, "claim"), (explain.claim_range, "claim"), (explain.reading_rule, "claim"),
    (figures.source_line, "results"), (figures.claim_index, "results"), (figures.claims_table_rows, "results"),
    (figures.claims_chart_data, "results"), (figures.claims_chart, "results"),
    (figures.checks_chart_data, "results"), (figures.checks_chart, "results"), (figures.money_data, "results"),
    (figures.money_chart, "results"), (figures.cross_source_data, "results"),
    (figures.cross_source_chart, "results"), (figures.attribution_chain, "claim"),
    (export.claim_rows, "results"), (export.check_rows, "results"), (export.finding_rows, "results"),
    (export.tables, "all_results"), (export.export_files, "all_results"), (export.write_export, "all_results"),
    (export.datapackage, "all_results"), (review.review_queue, "all_results"),
    (timeline.timeline_data, "all_results"), (timeline.timeline_chart, "all_results"),
    (dumps, "results"), (CheckCache.record, "res"), (print_findings, "results"), (print_table, "results"),
]


@pytest.mark.parametrize("fn, param", TAKES_RESULTS, ids=lambda x: getattr(x, "__qualname__", x))
def test_publish_functions_take_the_model_types(fn, param):
    # names imported for type checking only (modules on the `numclaims --help` path) resolve to the models
    ann = typing.get_type_hints(fn, {**vars(resultmodel), **fn.__globals__})[param]
    named = set()
    stack = [ann]
    while stack:
        t = stack.pop()
        named.add(t)
        stack.extend(typing.get_args(t))
    assert named & MODELS, f"{fn.__qualname__}({param}: {ann})"
    assert dict not in named and not any(typing.get_origin(t) is dict for t in named), fn.__qualname__


@pytest.mark.parametrize("fn", [notebook.load_results, timeline.load_archive, read_results],
                         ids=lambda f: f.__qualname__)
def test_readers_of_results_files_give_the_model(fn):
    # what is read back from disk is validated into the model (numclaims.resultmodel.read_results)
    ret = typing.get_type_hints(fn)["return"]
    assert ret is Results or typing.get_args(ret) == (Results,), ret


PUBLISH = ["report", "markdown", "figures", "explain", "review", "export", "claimreview", "timeline",
           "notebook", "serve", "cache", "runner"]


@pytest.mark.parametrize("module", PUBLISH)
def test_no_results_key_is_read_in_the_publish_layer(module):
    # the results object and its parts are read by field: no res["article"], results.get("checks"),
    # ch["verdict"] or c.get("unit") on them (the view's own dicts, details, rows and configs are dicts)
    text = (ROOT / "src" / "numclaims" / f"{module}.py").read_text(encoding="utf-8")
    keyed = re.findall(r"\b(?:res|results|all_results)(?:\[\"|\.get\(\")", text)
    assert keyed == [], module
    fields = "|".join(("article", "claims", "checks", "summary", "source", "coverage", "provenance", "verdict",
                       "figures", "findings", "attribution", "measure", "interval_closed"))
    assert re.findall(rf"\b(?:c|ch|check|claim)\.get\(\"(?:{fields})\"", text) == [], module


def test_the_money_chart_reads_the_figures_the_check_compared(seed):
    reference = load_reference(ROOT)
    m = figures.money_data(seed, reference=reference)
    # rate 60,000 a month (the rate figure as written), three years = 36 months; the as-written total is the
    # check's own: 60,000 x 36 = 2,160,000; the AP wire's Nov 2011 - Oct 2013 (24 months): 60,000 x 24 =
    # 1,440,000; the stated total, "$2 million", [1.5M, 2.5M]
    assert (m["rate"], m["duration_months"], m["stated"]) == (60000, 36, 2000000)
    assert {r["months"]: r["total"] for r in m["readings"]} == {24: 1_440_000, 36: 2_160_000}
    assert m["stated_band"] == [1_500_000, 2_500_000]
    # the chart follows the check's figures, not the claims: a rate figure of 50,000 (claims unchanged)
    # gives 50,000 x 24 = 1,200,000 for the wire's period, and the check's as-written total stays 2,160,000
    edited = data(seed)
    edited["checks"][0]["figures"][0]["written"] = 50000
    m2 = figures.money_data(Results.model_validate(edited), reference=reference)
    assert m2["rate"] == 50000 and {r["months"]: r["total"] for r in m2["readings"]} == {24: 1_200_000,
                                                                                         36: 2_160_000}
    # the as-written total is the check's details.as_written: never computed again from the claims
    edited["checks"][0]["details"]["as_written"] = 1
    assert figures.money_data(Results.model_validate(edited), reference=reference)["readings"][-1]["total"] == 1
    src = inspect.getsource(figures.money_data)
    assert "rate.value" not in src and ".value *" not in src  # no claim value enters the product


def test_slim_results_are_typed_and_cut_down(seed):
    s = slim(seed)
    assert type(s) is SlimResults and slim(s) is s
    # the seed's non-consistent declared checks: 1 tension, 3 inconsistent, 1 unverifiable (summary) plus the
    # consistent ones carrying finding codes
    assert {ch.id for ch in s.checks} >= set(seed.summary.findings)
    assert [c.id for c in s.claims] == [c.id for c in seed.claims] and s.placeholders == []


def test_slim_data_is_the_data_of_the_slim_results():
    # what a worker sends and the cache stores (slim_data, without the slim models) is data(slim(res)),
    # for every committed article and the test project's
    from numclaims.fastjson import canonical
    from numclaims.resultmodel import slim_data

    repo = Path(__file__).resolve().parents[1]
    roots = [repo, repo / "tests" / "data" / "project"]
    results = [check_file(p, r)[0] for r in roots for p in sorted((r / "claims").glob("*.yaml"))]
    assert len(results) >= 7
    for res in results:
        assert data(slim_data(res)) == data(slim(res))
        assert canonical(slim_data(res)) == canonical(slim(res))
        assert SlimResults.model_validate_json(canonical(slim_data(res))) == slim(res)


def test_one_walk_gives_results_json_and_the_cleaned_typed_results(seed):
    from numclaims.results import clean_and_dumps

    cleaned, text = clean_and_dumps(seed)
    # integral floats as ints, as results.json writes them: the rate claim's 60,000.0 is 60000 (an int)
    assert type(cleaned) is Results and type(cleaned.claims[0]) is ClaimResult
    assert seed.checks[0].figures[0].written == 60000.0 and type(cleaned.checks[0].figures[0].written) is int
    assert text == dumps(seed) == dumps(cleaned)
    # a float orjson writes otherwise (1e-05: orjson "0.00001") goes to the standard library's encoder,
    # and the cleaned results are typed all the same
    edited = data(seed)
    edited["checks"][0]["details"]["tiny"] = 0.00001
    typed = Results.model_validate(edited)
    cleaned, text = clean_and_dumps(typed)
    assert '"tiny": 1e-05' in text and type(cleaned.checks[0]) is CheckEntry
    assert cleaned.checks[0].details["tiny"] == 1e-05 and type(cleaned.claims[0].start) is int
