"""A new check kind is one module: its spec model, function, chart and declaration. Imported (here from a
temporary file, as a plug-in would be), it is accepted by the claims-file schema, run by the engine, drawn
in the consistency chart as it declares, written into the reports and listed in the docs' table of check
kinds, with no other file edited."""

from __future__ import annotations

import importlib.util
import json
import sys

import pytest

from numclaims.resultmodel import read_results
from conftest import PROJECT
from numclaims import claimsfile
from numclaims.checks import KINDS
from numclaims.cli import main

KIND_MODULE = '''
"""A check kind in one module: ``ceiling``, a figure at most a limit."""

from typing import Literal

from numclaims.checks.base import figure, judge, le, result
from numclaims.checks.registry import Chart, register
from numclaims.records import CheckBase, Slug


class CeilingCheck(CheckBase):
    """A figure is at most a limit."""

    kind: Literal["ceiling"]
    figure: Slug
    limit: Slug


def ceiling(spec, ctx):
    ids = [spec.figure, spec.limit]
    figs = [figure(ctx, "figure", spec.figure), figure(ctx, "limit", spec.limit)]
    details = {"figure": figs[0].interval.to_list(), "limit": figs[1].interval.to_list()}
    return result(spec, ids, judge(le, figs), figs, [f"{spec.figure} must be at most {spec.limit}"], details)


def ceiling_sides(check, quote):
    d = check.details
    return [(f"figure: {quote(0)}", d.get("figure")), (f"limit: {quote(1)}", d.get("limit"))], 1


register("ceiling", spec=CeilingCheck, function=ceiling, fields=("figure", "limit"),
         relation="the figure is at most the limit",
         chart=Chart("a figure under its limit", ceiling_sides, min_claims=2, relation="at_most"))
'''

#: rescued-300 ([250, 350]) is at most workers-1600 ([1,550, 1,650]): consistent; no value of workers-1600 is
#: at most one of rescued-300 (1,550 > 350): inconsistent
CHECKS = ("  - {id: rescued-under-workers, kind: ceiling, figure: rescued-300, limit: workers-1600}\n"
          "  - {id: workers-under-rescued, kind: ceiling, figure: workers-1600, limit: rescued-300}\n")


@pytest.fixture
def project_with_ceilings(project):
    p = project / "claims" / "town-news.yaml"
    p.write_text(p.read_text(encoding="utf-8") + CHECKS, encoding="utf-8")
    return project


def _import_kind(tmp_path):
    path = tmp_path / "ceiling_kind.py"
    path.write_text(KIND_MODULE, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("ceiling_kind", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["ceiling_kind"] = module
    spec.loader.exec_module(module)
    claimsfile.rebuild()  # a plug-in imported after numclaims.checks: assemble the schema again
    return module


def test_a_kind_declared_in_one_module_is_validated_checked_and_documented(project_with_ceilings, tmp_path, capsys):
    root = project_with_ceilings
    # before the module is imported: the kind is unknown (line 88 is the first ceiling check)
    assert main(["check", "--quiet", "--root", str(root)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == ("claims/town-news.yaml:88: claim rescued-under-workers (check): checks[3].kind: unknown "
                      f"check kind; expected one of {', '.join(KINDS)} [kind-unknown]")
    saved = dict(KINDS)
    try:
        _import_kind(tmp_path)
        assert list(KINDS)[-1] == "ceiling" and KINDS["ceiling"].module == "ceiling_kind"
        # validated: the schema's union and its error messages know the kind
        assert "CeilingCheck" in json.dumps(claimsfile.ClaimsFile.model_json_schema())
        assert claimsfile.CHECK_KINDS[-1] == "ceiling"
        # checked: both checks run, with the verdicts worked out above, and the reports are written
        assert main(["check", "--quiet", "--root", str(root)]) == 0
        res = read_results(root / "reports" / "town-news" / "results.json")
        verdicts = {c.id: c.verdict for c in res.checks if c.kind == "ceiling"}
        assert verdicts == {"rescued-under-workers": "consistent", "workers-under-rescued": "inconsistent"}
        assert "workers-under-rescued" in (root / "reports" / "town-news" / "report.md").read_text(encoding="utf-8")
        # drawn: the consistency chart reads the sides and relation the module declares ("1,600" rounds to
        # the hundred: [1,550, 1,650]; "300" likewise [250, 350]; the figure's lowest 1,550 is 1,550 - 350 =
        # 1,200 over the limit's highest)
        from numclaims.figures import checks_chart_data

        rows = {r["id"]: r for r in checks_chart_data(res)}
        assert rows["workers-under-rescued"]["sides"] == [
            {"label": "figure: “1,600”", "low": 1550, "high": 1650}, {"label": "limit: “300”", "low": 250, "high": 350}]
        assert rows["workers-under-rescued"]["relation"] == "at_most"
        assert rows["workers-under-rescued"]["excess"] == 1200
        # documented: the generated table of check kinds has its row, read from the declaration
        sys.path.insert(0, str(PROJECT.parents[2] / "docs"))
        try:
            import generate
        finally:
            sys.path.pop(0)
        row = "| `ceiling` | `status`, `reason`, `figure`, `limit` | the figure is at most the limit | `ceiling_kind` |"
        assert row in generate.check_kinds_page().splitlines()
        # and a record missing a field is refused like any other kind's
        capsys.readouterr()
        p = root / "claims" / "town-news.yaml"
        p.write_text(p.read_text(encoding="utf-8").replace(", limit: rescued-300}", "}"), encoding="utf-8")
        assert main(["check", "--quiet", "--root", str(root)]) == 2
        assert capsys.readouterr().err.splitlines()[0] == (
            "claims/town-news.yaml:89: claim workers-under-rescued (check): checks[4].limit: required field is "
            "missing [field-missing]")
    finally:
        KINDS.clear()
        KINDS.update(saved)
        sys.modules.pop("ceiling_kind", None)
        claimsfile.rebuild()
    assert "ceiling" not in claimsfile.CHECK_KINDS
    assert "CeilingCheck" not in json.dumps(claimsfile.ClaimsFile.model_json_schema())
