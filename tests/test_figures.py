"""The notebook charts (numclaims.figures): the numbers they draw, their titles, and byte-identical,
pixel-identical re-renders of the committed figures in reports/<seed>/figures/."""

from __future__ import annotations

import hashlib
import json
import struct
from conftest import sketch
from numclaims.fastjson import data
from numclaims.resultmodel import Results
from numclaims.resultmodel import read_results
from pathlib import Path

import pytest

from numclaims import figures as F
from numclaims.evidence import load_reference

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"
FIG_DIR = ROOT / "reports" / SEED / "figures"


@pytest.fixture(scope="module")
def results() -> dict:
    return read_results(ROOT / "reports" / SEED / "results.json")


@pytest.fixture(scope="module")
def reference() -> dict:
    return load_reference(ROOT)


def _by_id(rows, key="id"):
    return {r[key]: r for r in rows}


# ------------------------------------------------------------------------------------------ formatting


def test_fmt_value_writes_numbers_as_a_reader_would():
    assert F.fmt_value(1_500_000, "USD") == "$1.5M"
    assert F.fmt_value(2_160_000, "USD") == "$2.16M"
    assert F.fmt_value(60_000, "USD per month") == "$60,000"
    assert F.fmt_value(1600, "persons") == "1,600"
    assert F.fmt_value(1212.5, "persons") == "1,212.5"
    assert F.fmt_value(41.5, "percent") == "41.5 %"
    assert F.fmt_value(None) == "open"


def test_interval_text_marks_open_and_unbounded_ends():
    assert F.interval_text(4500, None, "persons", (False, False)) == "(4,500, +inf)"
    assert F.interval_text(0, 1600, "persons") == "[0, 1,600]"
    assert F.interval_text("2011-01-01", "2011-12-31") == "2011-01-01 .. 2011-12-31"


def test_months_spanned_counts_both_ends():
    # Nov 2011 .. Oct 2013: 2 Nov..Dec 2011 + 12 in 2012 + 10 Jan..Oct 2013 = 24
    assert F.months_spanned("2011-11", "2013-10") == 24
    assert F.months_spanned("2010", "2010") == 12
    # 30 Sep .. 2 Oct 2011 is 3 days = 3 / (365.25 / 12) months (the Julian year of numclaims.vocabulary)
    assert F.months_spanned("2011-09-30", "2011-10-02") == pytest.approx(3 / 30.4375)
    assert F.months_spanned(None, "2013") is None


def test_period_text():
    assert F.period_text("2011-06", "2013-06") == "Jun 2011–Jun 2013"
    assert F.period_text("2011-10", "2011-10") == "Oct 2011"
    assert F.period_text(None, None) == "undated"


def test_worst_verdict_orders_by_severity():
    assert F.worst(["consistent", "inconsistent", "tension"]) == "inconsistent"
    assert F.worst(["consistent", "unverifiable"]) == "unverifiable"
    assert F.worst([]) == "not checked"


# ------------------------------------------------------------------------------------------ chart data


def test_claims_chart_data_divides_intervals_by_the_value_as_written(results):
    rows = _by_id(F.claims_chart_data(results))
    # "over 4,500" persons -> [4,501, +inf) (whole persons) / 4,500 = (1.000222, unbounded)
    assert (rows["women-exploited-4500"]["low"], rows["women-exploited-4500"]["high"]) == (4501 / 4500, None)
    # "As many as 1,600" -> [0, 1,600] / 1,600 = [0, 1]
    assert (rows["prostitutes-1600"]["low"], rows["prostitutes-1600"]["high"]) == (0.0, 1.0)
    # "$2 million" -> [1.5M, 2.5M] / 2M = [0.75, 1.25]
    assert (rows["fortune-2-million"]["low"], rows["fortune-2-million"]["high"]) == (0.75, 1.25)
    # dates have no value and are left out
    dates = [c.id for c in results.claims if c.unit == "date"]
    assert dates and not set(dates) & set(rows)
    assert rows["women-exploited-4500"]["verdict"] == "inconsistent"


def test_claims_table_rows_carry_quote_interval_and_attribution_chain(results):
    rows = _by_id(F.claims_table_rows(results))
    r = rows["earnings-60000-month"]
    assert r["quote"] == "earning $60,000 a month from the trade"
    assert r["interval"] == "[$55,000, $65,000]"
    assert r["attribution"] == "Peruvian police → Associated Press (AP)"


def test_checks_chart_data_overlap_gap_and_excess(results):
    rows = _by_id(F.checks_chart_data(results))
    assert all(r["kind"] != "external" for r in rows.values())
    agree = rows["madre-de-dios-estimates-agree"]
    # [0, 1,600] and [4,501, +inf) (over 4,500 whole persons): no common value, gap 4,501 - 1,600 = 2,901
    assert agree["overlap"] is None and agree["gap"] == 2901
    rate = rows["earnings-times-period-vs-fortune"]
    # implied [55,000 x 30, 65,000 x 42] = [1,650,000, 2,730,000] vs stated [1.5M, 2.5M]
    assert rate["overlap"] == [1_650_000, 2_500_000] and rate["gap"] is None
    frac = rows["minors-three-quarters-vs-1600"]
    # over 4,500 whole persons is at least 4,501; "three quarters" -> [0.675, 0.825] (a word fraction:
    # 0.75 +- min(1/8, 0.075)); 0.675 x 4,501 = 3,038.2, at least 3,039 whole minors, must be at most
    # 1,600: exceeds it by 3,039 - 1,600 = 1,439
    assert frac["relation"] == "at_most" and frac["excess"] == 1439
    assert rows["ring-within-1600"]["excess"] is None


def test_checks_chart_draws_a_relation_in_the_unit_of_the_figure_it_computes():
    # Bolivia: 456 cases "down by around 20 percent" implies 356..373 cases (a count, not the change's
    # percent); the seed: $2 million over three years is 35,714..83,333 USD a month (not years)
    rows = {}
    for art in ("insightcrime-2014-04-04-bolivia-trafficking-reports", SEED):
        res = read_results(ROOT / "reports" / art / "results.json")
        rows.update({r["kind"]: r for r in F.checks_chart_data(res)})
    assert rows["change"]["unit"] == "count"
    assert rows["implied_ratio"]["unit"] == "USD per month"


def test_money_data_readings_as_written_and_from_the_reference(results, reference):
    m = F.money_data(results, reference=reference)
    assert m["rate_band"] == [55_000, 65_000]
    assert m["duration_band"] == [30, 42]  # 2.5 and 3.5 years in months
    assert m["stated_band"] == [1_500_000, 2_500_000]
    by_months = {r["months"]: r["total"] for r in m["readings"]}
    # 60,000 x 24 = 1,440,000 (the AP Spanish wire's Nov 2011..Oct 2013); 60,000 x 36 = 2,160,000
    assert by_months == {24: 1_440_000, 36: 2_160_000}
    assert [r["months"] for r in F.money_data(results)["readings"]] == [36]


def test_money_data_without_a_rate_duration_check_raises():
    with pytest.raises(LookupError):
        F.money_data(sketch(Results, {"article": "x", "claims": [], "checks": []}))


def test_cross_source_groups_and_the_madre_de_dios_outlier(results, reference):
    groups = _by_id(F.cross_source_data(results, reference), "measure")
    assert set(groups) == {"sex-trade-madre-de-dios", "sex-trade-minors-la-rinconada"}
    mdd = groups["sex-trade-madre-de-dios"]
    assert mdd["outlier"] == "women-exploited-4500"
    # the other estimates as written: 1,600 (article), 1,600, 1,200, 1,500, 1,100 -> 1,100..1,600;
    # over 4,500 whole persons is at least 4,501: 4,501 / 1,600 = 2.813125
    assert (mdd["others_low"], mdd["others_high"]) == (1100, 1600)
    assert mdd["factor"] == pytest.approx(2.813125)
    labels = {r["id"]: (r["label"], r["period"]) for r in mdd["rows"]}
    assert labels["huarayo-2012-victims"] == ("at least 1,500", "2012")
    assert labels["savechildren-2011-minors"] == ("more than 1,100", "Sep 2011")
    assert groups["sex-trade-minors-la-rinconada"]["outlier"] is None


def _row(measure, value, part_of=""):
    return {"measure_id": measure, "part_of": part_of, "value": str(value), "qualifier": "exact", "unit": "persons",
            "publisher": "P", "published": "2012-01-01", "measure": "m", "place": "x"}


def test_a_claim_is_drawn_with_the_measure_its_external_check_used():
    # the claim cites a component, then one row of measure "a", then two of measure "b". The rule of the
    # external check (evidence.measure_of) is the first non-component row: "a" - not the most frequent "b"
    ref = {"comp": _row("b", 10, part_of="b1"), "a1": _row("a", 100), "b1": _row("b", 500), "b2": _row("b", 900)}
    claim = {"id": "c", "text": "100", "unit": "persons", "value": 100, "interval": [100, 100],
             "evidence": ["comp", "a1", "b1", "b2"], "measure": {"what": "m"}, "attribution": []}
    res = {"article": "x", "source": {"published": "2013-01-01"}, "claims": [claim], "checks": []}
    groups = _by_id(F.cross_source_data(sketch(Results, res), ref, measures=["a", "b"]), "measure")
    assert set(groups) == {"a"}
    assert [r["id"] for r in groups["a"]["rows"]] == ["c", "a1"]
    # a check that compared the claim on measure "b" wins: the chart shows what the check compared
    res["checks"] = [{"id": "k", "kind": "external", "claims": ["c"], "verdict": "inconsistent",
                      "details": {"measure_id": "b", "rows": []}}]
    groups = _by_id(F.cross_source_data(sketch(Results, res), ref, measures=["a", "b"]), "measure")
    assert set(groups) == {"b"}
    assert [r["id"] for r in groups["b"]["rows"]] == ["c", "comp", "b1", "b2"]


def test_reference_interval_reads_rows_like_claims():
    # about 1,200: step 100, margin 10 % -> 1,200 -/+ max(50, 120) = [1,080, 1,320]
    assert F.reference_interval({"value": "1200", "qualifier": "approximately", "unit": "persons"}) == (1080, 1320)
    assert F.reference_interval({"value": "1500", "qualifier": "at_least", "unit": "persons"}) == (1500, None)
    assert F.reference_interval({"value": "", "value_low": "1500", "value_high": "4000", "qualifier": "range",
                                 "unit": "persons"}) == (1500, 4000)


# ------------------------------------------------------------------------------------------ the charts


def _title(fig) -> str:
    return " ".join(t.get_text() for t in fig.texts)


def test_titles_state_the_findings(results, reference):
    assert "“over 4,500” is at least 2.8 times the highest of the other estimates (1,100–1,600)" in \
        _title(F.cross_source_chart(results, reference))
    assert "2 of 8 checks between the article's own figures are inconsistent" in _title(F.checks_chart(results))
    t = _title(F.money_chart(results, reference=reference))
    # 60,000 x 36 = 2,160,000 (in [1.5M, 2.5M]); 60,000 x 24 = 1,440,000 (below 1.5M): money in words
    assert "$60,000 a month over three years is $2.16 million: within" in t and "$1.44 million, below it" in t
    assert _title(F.claims_chart(results)).startswith("3 of the article's 16 numbers take part in an inconsistent")


def test_every_chart_is_640_px_wide_with_a_source_line(results, reference):
    for fig in (F.claims_chart(results), F.checks_chart(results), F.cross_source_chart(results, reference),
                F.money_chart(results, reference=reference)):
        assert fig.get_figwidth() * F.DPI == 640  # 6.4 in at 100 dpi: legible when a phone shows it ~500 px wide
        assert any(t.get_text().startswith("Source: InSight Crime") for t in fig.texts)
        for ax in fig.axes:
            assert ax.get_xlabel()


def _png_text_keys(data: bytes) -> list[bytes]:
    keys, i = [], 8
    while i < len(data):
        (n,) = struct.unpack(">I", data[i:i + 4])
        kind = data[i + 4:i + 8]
        if kind in (b"tEXt", b"iTXt", b"zTXt"):
            keys.append(data[i + 8:i + 8 + n].split(b"\0")[0])
        if kind == b"tIME":
            keys.append(b"tIME")
        i += 12 + n
    return keys


def test_render_is_byte_identical_and_carries_no_date_or_version(results):
    a = F.render(F.money_chart(results))
    b = F.render(F.money_chart(results))
    assert a == b
    assert b"<dc:date>" not in a["svg"] and b"Matplotlib v" not in a["svg"]
    assert b"<text" in a["svg"]  # svg.fonttype none: text kept as text, with the fixed hash salt for ids
    assert _png_text_keys(a["png"]) == []  # no Software, no tIME chunk
    assert a["png"].startswith(b"\x89PNG\r\n\x1a\n")


def _regenerate(results, reference, out: Path) -> dict[str, Path]:
    made = {
        "01-claims-intervals": F.claims_chart(results),
        "02-checks": F.checks_chart(results),
        "03-cross-source": F.cross_source_chart(results, reference),
        "04-money": F.money_chart(results, reference=reference),
    }
    paths = {}
    for stem, fig in made.items():
        for fmt, p in F.save(fig, out, stem).items():
            paths[f"{stem}.{fmt}"] = p
    return paths


@pytest.fixture(scope="module")
def regenerated(results, reference, tmp_path_factory) -> dict[str, Path]:
    return _regenerate(results, reference, tmp_path_factory.mktemp("figures"))


def test_committed_figures_have_the_digests_of_a_fresh_render(regenerated):
    """Run `numclaims notebooks` (which rewrites reports/<id>/figures) after changing a chart or the claims."""
    sha = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()
    committed = {name: FIG_DIR / name for name in regenerated}
    missing = [n for n, p in committed.items() if not p.is_file()]
    assert not missing
    assert {n: sha(p) for n, p in committed.items()} == {n: sha(p) for n, p in regenerated.items()}


def test_committed_pngs_match_a_fresh_render_pixel_for_pixel(regenerated, tmp_path):
    from matplotlib.testing.compare import compare_images

    for name, new in regenerated.items():
        if name.endswith(".png"):
            # tol is the RMS of the pixel difference (0..255): 2 lets anti-aliasing noise pass, not a moved bar
            assert compare_images(str(FIG_DIR / name), str(new), tol=2) is None, name


def test_image_comparison_catches_a_changed_chart(results, reference, tmp_path):
    from matplotlib.testing.compare import compare_images

    changed = data(results)
    # a narrower band of the stated total (the figure the check compared) must show
    for ch in changed["checks"]:
        for f in ch["figures"]:
            if f["claims"] == ["fortune-2-million"]:
                f["interval"] = [1_900_000, 2_100_000]
    new = F.save(F.money_chart(Results.model_validate(changed), reference=reference), tmp_path, "04-money")["png"]
    assert compare_images(str(FIG_DIR / "04-money.png"), str(new), tol=2) is not None
