"""The registry of check kinds (numclaims.checks.registry): every record kind declared once, dispatched
through it, and its declarations true to what the checks do."""

from __future__ import annotations

import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from numclaims.checks import KINDS, REGISTRY, run_check
from numclaims.checks.registry import register
from numclaims.claimsfile import CHECK_KINDS, CheckSpec
from numclaims.engine import build_context
from numclaims.evidence import evidence_hook, load_reference
from numclaims.loader import load_article
from numclaims.records import SumCheck

from conftest import PROJECT

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [(ROOT / "claims" / "insightcrime-2013-10-04-peru-trafficking-ring.yaml", ROOT),
            (PROJECT / "claims" / "town-news.yaml", PROJECT)]


def test_every_record_kind_is_declared_once():
    # the fourteen kinds numclaims ships (ten + comparison, change, complement, implied_ratio) are declared,
    # each once, and numclaims.claimsfile.CheckSpec holds the same names in the registry's order (a kind
    # added as a module of numclaims/checks/ joins both: no count to edit)
    shipped = {"rate_duration", "sum", "difference", "product", "ratio", "part_whole", "agreement", "external",
               "comparison", "change", "complement", "implied_ratio", "share_of_total", "fraction_of"}
    assert shipped <= set(CHECK_KINDS) and len(set(CHECK_KINDS)) == len(CHECK_KINDS)
    assert list(KINDS) == list(CHECK_KINDS)
    members = typing.get_args(typing.get_args(CheckSpec)[0])
    assert [m.model_fields["kind"].annotation.__args__[0] for m in members] == list(CHECK_KINDS)
    assert REGISTRY == {k: v.function for k, v in KINDS.items()}


@pytest.mark.parametrize("name", sorted(KINDS))
def test_a_declaration_names_its_module_spec_and_fields(name):
    k = KINDS[name]
    assert k.spec.model_fields["kind"].annotation.__args__ == (name,)
    assert k.module.startswith("numclaims.checks.") and k.function.__module__ == k.module
    assert k.relation and k.summary
    assert all(f in k.spec.model_fields for f in k.fields)


@pytest.mark.parametrize("path, root", ARTICLES, ids=["seed", "town-news"])
def test_declared_fields_name_the_claims_the_check_reports(path, root):
    # the claims a check lists in results.json are the claims its record names in the declared fields, in
    # the declared order (lists flattened, unset optional fields left out): e.g. rate_duration
    # {rate: a, duration: b, total: c} -> claims [a, b, c]
    article = load_article(path, root, extra_checks=evidence_hook(root))
    ctx = build_context(article, load_reference(root))
    assert article.data.checks
    for spec in article.data.checks:
        named = []
        for f in KINDS[spec.kind].fields:
            v = getattr(spec, f)
            named += [] if v is None else (list(v) if isinstance(v, list) else [v])
        assert run_check(spec, ctx).claims == named, spec.id


def test_register_refuses_a_second_declaration_of_a_kind():
    with pytest.raises(ValueError, match="declared twice"):
        register("sum", spec=SumCheck, function=len, relation="x", fields=("parts",))


def test_register_refuses_a_spec_without_a_kind_field():
    class Median(BaseModel):
        values: list[str]

    with pytest.raises(ValueError, match="Median is not a pydantic model with a 'kind' field"):
        register("median", spec=Median, function=len, relation="x", fields=())
    assert "median" not in KINDS


def test_register_refuses_a_name_other_than_the_spec_kind():
    with pytest.raises(ValueError, match=r"SumCheck.kind accepts \('sum',\)"):
        register("total", spec=SumCheck, function=len, relation="x", fields=())


def test_register_refuses_fields_the_spec_does_not_have():
    saved = dict(KINDS)
    del KINDS["sum"]  # so that the name is free and the field check is reached
    try:
        with pytest.raises(ValueError, match="has no field"):
            register("sum", spec=SumCheck, function=len, relation="x", fields=("parts", "totl"))
        assert "sum" not in KINDS
    finally:
        KINDS.clear()
        KINDS.update(saved)
    assert list(KINDS) == list(saved)
