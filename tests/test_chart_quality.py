"""Charts a data desk would publish: categories that stay apart under simulated colour-vision deficiencies
(colorspacious, CAM02-UCS), a second cue for every category, labels that never overlap or get cut (text
bounding boxes from the Agg renderer), honest titles in edge cases, text kept as text in the SVG, alt
text, and each chart's data saved beside it as CSV."""

from __future__ import annotations

import copy
import csv
import io
import itertools
import json
import re
from numclaims.resultmodel import read_results
from pathlib import Path

import numpy as np
import pytest
from colorspacious import cspace_convert

from numclaims import figures as F
from numclaims.evidence import load_reference
from numclaims.timeline import TIMELINE_STYLES, load_archive, timeline_chart

ROOT = Path(__file__).resolve().parents[1]
SEED = "insightcrime-2013-10-04-peru-trafficking-ring"

#: Smallest CAM02-UCS distance two categories may have, with normal vision and under full deuteranopia,
#: protanopia and tritanopia (Machado et al. 2009 via colorspacious, severity 100). 20 is well above the
#: ~6 at which the earlier palette's "consistent" and "not checked" merged into one grey.
MIN_DISTANCE = 20.0
VISION = [None, "deuteranomaly", "protanomaly", "tritanomaly"]


@pytest.fixture(scope="module")
def results() -> dict:
    return read_results(ROOT / "reports" / SEED / "results.json")


@pytest.fixture(scope="module")
def reference() -> dict:
    return load_reference(ROOT)


@pytest.fixture(scope="module")
def charts(results, reference):
    return {"claims": F.claims_chart(results), "checks": F.checks_chart(results),
            "cross-source": F.cross_source_chart(results, reference),
            "money": F.money_chart(results, reference=reference),
            # the archive's timeline of Madre de Dios estimates: worked-article figures with findings, other figures
            "timeline": timeline_chart(load_archive(ROOT), reference, "sex-trade-madre-de-dios")}


def _rgb(colour) -> np.ndarray:
    from matplotlib.colors import to_rgb

    return np.array(to_rgb(colour))


def _seen(rgb: np.ndarray, cvd: str | None) -> np.ndarray:
    if cvd is None:
        return rgb
    space = {"name": "sRGB1+CVD", "cvd_type": cvd, "severity": 100}
    return np.clip(cspace_convert(rgb, space, "sRGB1"), 0, 1)


def _distance(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(cspace_convert(a, "sRGB1", "CAM02-UCS") - cspace_convert(b, "sRGB1", "CAM02-UCS")))


def _min_distance(colours) -> tuple[float, tuple]:
    worst = (1e9, ())
    for cvd in VISION:
        seen = [(_seen(_rgb(c), cvd), c) for c in colours]
        for (a, ca), (b, cb) in itertools.combinations(seen, 2):
            d = _distance(a, b)
            if d < worst[0]:
                worst = (d, (ca, cb, cvd))
    return worst


def test_simulation_control_red_and_green_merge_under_deuteranopia():
    """Control: pure red and green are far apart for normal vision and close under deuteranopia, so the
    test below can fail."""
    red, green = np.array([0.8, 0.2, 0.1]), np.array([0.2, 0.6, 0.1])
    assert _distance(red, green) > 30
    assert _distance(_seen(red, "deuteranomaly"), _seen(green, "deuteranomaly")) < 12
    assert _min_distance(["#009E73", "#CC79A7", "#8C8C8C"])[0] < MIN_DISTANCE  # the palette this replaced


def _legend_entries(fig):
    """``[(label, colour, cue)]`` of every legend in the figure; cue = (marker, hatch)."""
    out = []
    for ax in fig.axes:
        leg = ax.get_legend()
        if leg is None:
            continue
        for h, t in zip(leg.legend_handles, leg.get_texts()):
            if hasattr(h, "get_marker") and h.get_marker() not in (None, "None", ""):
                out.append((t.get_text(), h.get_color(), (h.get_marker(), None)))
            else:
                out.append((t.get_text(), h.get_facecolor(), (None, h.get_hatch())))
    return out


def test_every_legend_category_survives_colour_vision_deficiencies_and_has_a_second_cue(charts):
    for name, least in (("claims", 3), ("cross-source", 3), ("timeline", 2)):
        entries = _legend_entries(charts[name])
        assert len(entries) >= least, name
        d, pair = _min_distance([c for _, c, _ in entries])
        assert d >= MIN_DISTANCE, (name, pair, d)
        cues = [cue for _, _, cue in entries]
        assert len(set(cues)) == len(cues), (name, cues)  # no two categories share their second cue


def test_every_palette_of_every_chart_survives_colour_vision_deficiencies():
    palettes = {
        "verdicts": list(F.VERDICT_COLOURS.values()),
        "check sides": [c for c, _ in F.SIDE_STYLES],
        "cross-source": [c for c, _, _ in F.SOURCE_STYLES.values()],
        "money readings": [c for c, _ in F.READING_STYLES.values()],
        "timeline": [c for c, _, _ in TIMELINE_STYLES.values()],
    }
    for name, colours in palettes.items():
        d, pair = _min_distance(colours)
        assert d >= MIN_DISTANCE, (name, pair, d)
    assert len(set(F.VERDICT_HATCHES.values())) == len(F.VERDICT_HATCHES)
    assert len({h for _, h in F.SIDE_STYLES}) == len(F.SIDE_STYLES)
    assert len({m for _, m, _ in F.SOURCE_STYLES.values()}) == len(F.SOURCE_STYLES)
    assert len({m for _, m in F.READING_STYLES.values()}) == len(F.READING_STYLES)
    assert len({m for _, m, _ in TIMELINE_STYLES.values()}) == len(TIMELINE_STYLES)


def test_the_claims_chart_draws_only_verdict_colours_with_their_hatches(charts, results):
    from matplotlib.colors import to_hex
    from matplotlib.patches import Rectangle

    ax = charts["claims"].axes[0]
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    drawn = {(to_hex(p.get_facecolor()[:3]).upper(), p.get_hatch() or "") for p in bars}
    allowed = {(c.upper(), F.VERDICT_HATCHES[v]) for v, c in F.VERDICT_COLOURS.items()}
    assert drawn <= allowed and len(drawn) == 5  # the seed has all five categories
    assert len(bars) == len(F.claims_chart_data(results))  # one bar per claim ("Seven": width 0 and a diamond)


def _texts(fig):
    from matplotlib.text import Annotation, Text

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig).draw()  # lay the figure out and draw it with the renderer that writes the PNG
    hidden = set()  # labels of ticks outside the view limits: matplotlib keeps them but does not draw them
    for ax in fig.axes:
        for axis, (lo, hi) in ((ax.xaxis, sorted(ax.get_xlim())), (ax.yaxis, sorted(ax.get_ylim()))):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                if not lo - 1e-9 <= tick.get_loc() <= hi + 1e-9:
                    hidden |= {id(tick.label1), id(tick.label2)}
    out = []
    for t in fig.findobj(Text):
        if not t.get_visible() or not t.get_text().strip() or id(t) in hidden:
            continue
        out.append(t)
    return [t for t in out if not (isinstance(t, Annotation) and not t.get_text())]


def _boxes(fig):
    texts = _texts(fig)
    r = fig.canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(r)) for t in texts]


def _check_layout(fig, name):
    W, H = fig.bbox.width, fig.bbox.height
    boxes = _boxes(fig)
    for text, b in boxes:
        assert "\u2026" not in text and "..." not in text, (name, text)  # never truncated
        assert b.x0 >= -0.5 and b.y0 >= -0.5 and b.x1 <= W + 0.5 and b.y1 <= H + 0.5, (name, text, b.bounds, W, H)
    for (ta, a), (tb, b) in itertools.combinations(boxes, 2):
        w = min(a.x1, b.x1) - max(a.x0, b.x0)
        h = min(a.y1, b.y1) - max(a.y0, b.y0)
        assert not (w > 1 and h > 1), (name, ta, tb)


def test_no_label_overlaps_another_or_leaves_the_chart(charts):
    for name, fig in charts.items():
        _check_layout(fig, name)


def test_layout_control_catches_an_overlap_and_a_label_outside(charts, results):
    fig = F.claims_chart(results)
    ax = fig.axes[0]
    ax.text(0.02, 0.5, "overlapping", transform=ax.transAxes)
    ax.text(0.021, 0.5, "overlapping again", transform=ax.transAxes)
    with pytest.raises(AssertionError):
        _check_layout(fig, "control")
    fig = F.claims_chart(results)
    fig.text(0.99, 0.5, "a label running off the right edge of the figure")
    with pytest.raises(AssertionError):
        _check_layout(fig, "control")


def test_text_is_at_least_the_minimum_size(charts):
    for name, fig in charts.items():
        for t in _texts(fig):
            assert t.get_fontsize() >= F.MIN_FONT, (name, t.get_text(), t.get_fontsize())


def test_svg_keeps_text_as_text_with_title_and_alt_text(charts):
    for name, fig in charts.items():
        svg = F.render(fig)["svg"].decode("utf-8")
        texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, re.S)
        assert len(texts) >= 10, name
        assert "<title>" in svg and "<desc>" in svg
        desc = re.search(r"<desc>(.*?)</desc>", svg, re.S).group(1)
        title = re.search(r"<title>(.*?)</title>", svg, re.S).group(1)
        # real alt text: what the chart shows and its main finding (the title), not a file name
        assert len(desc) > 80 and title.split(":")[0].replace("&#x27;", "'")[:20] in desc.replace("&#x27;", "'"), name
        assert 'id="glyph' not in svg and "<use xlink:href=\"#DejaVu" not in svg  # no glyphs as paths


def test_each_chart_writes_its_data_beside_it_as_csv(charts, tmp_path, results):
    paths = F.save(charts["claims"], tmp_path, "01-claims-intervals")
    assert set(paths) == {"svg", "png", "csv"}
    rows = list(csv.DictReader(io.StringIO(paths["csv"].read_text(encoding="utf-8"))))
    by = {r["claim"]: r for r in rows}
    # "over 4,500" people -> at least 4,501 (whole people) / 4,500 = 1.000222..., written to 12 significant
    # digits; high empty (unbounded)
    assert by["over 4,500"]["low (x written)"] == "1.00022222222" and by["over 4,500"]["high (x written)"] == ""
    assert by["over 4,500"]["verdict"] == "inconsistent"
    assert len(rows) == len(F.claims_chart_data(results))
    for name, fig in charts.items():
        assert F.render(fig)["csv"].count(b"\n") >= 2, name


# ------------------------------------------------------------------------------------------ edge cases
def test_no_checks_is_not_a_clean_bill_of_health(results):
    bare = results.model_copy(update={"checks": []})
    title = " ".join(t.get_text() for t in F.claims_chart(bare).texts)
    assert "No check was declared" in title and "None of" not in title
    with pytest.raises(ValueError):
        F.checks_chart(bare)


def _one_reference_world(results, reference, values):
    """The seed with its La Rinconada claim ("up to 4,000") compared against ``values`` only: reference
    rows of that measure replaced by one exact row per value."""
    res = copy.deepcopy(results)
    ref = {k: v for k, v in reference.items() if v.get("measure_id") != "sex-trade-minors-la-rinconada"}
    base = next(v for v in reference.values() if v.get("measure_id") == "sex-trade-minors-la-rinconada")
    for i, x in enumerate(values):
        row = dict(base, id=f"only-{i}", value=x, value_low=None, value_high=None, qualifier="exact",
                   qualifier_as_written="exact", interval=[x, x], part_of=None, publisher=f"Publisher {i}")
        ref[row["id"]] = row
    return res, ref


def test_one_reference_row_is_never_called_an_outlier(results, reference):
    res, ref = _one_reference_world(results, reference, [9000])
    groups = F.cross_source_data(res, ref, ["sex-trade-minors-la-rinconada"])
    g = groups[0]
    # "up to 4,000" ([0, 4,000]) against one row of 9,000: 9,000 / 4,000 = 2.25 times, but one row is not
    # enough for the external check's outlier rule (two or more)
    assert g["n_others"] == 1 and g["outlier"] is None and g["factor"] == pytest.approx(2.25)
    fig = F.cross_source_chart(res, ref, ["sex-trade-minors-la-rinconada"])
    title = " ".join(t.get_text() for t in fig.texts)
    assert "the other estimate (9,000)" in title and "9,000–9,000" not in title
    assert "not called an outlier" in title
    assert all("outlier" not in e[0] for e in _legend_entries(fig))
    _check_layout(fig, "one reference row")


def test_a_one_value_span_is_written_once(results, reference):
    res, ref = _one_reference_world(results, reference, [9000, 9000])
    fig = F.cross_source_chart(res, ref, ["sex-trade-minors-la-rinconada"])
    title = " ".join(t.get_text() for t in fig.texts)
    # two rows, both 9,000: an outlier (9,000 / 4,000 = 2.25 >= 2), span written once
    assert "the other estimates (all 9,000)" in title and "9,000–9,000" not in title
    assert F.cross_source_data(res, ref, ["sex-trade-minors-la-rinconada"])[0]["outlier"] == "minors-4000-rinconada"


_DIGEST = """
import hashlib, json, sys
from pathlib import Path
from numclaims import figures as F
from numclaims.evidence import load_reference
from numclaims.resultmodel import read_results
root = Path(sys.argv[1])
res = read_results(root / "reports" / sys.argv[2] / "results.json")
ref = load_reference(root)
for fig in (F.claims_chart(res), F.checks_chart(res), F.cross_source_chart(res, ref), F.money_chart(res, reference=ref)):
    print(hashlib.sha256(F.render(fig)["svg"]).hexdigest())
"""


def test_svg_bytes_are_the_same_in_fresh_processes():
    """The layout solver may differ in the last bits between processes and the SVG backend hashes exact clip
    bounds into ids: render() snaps the axes so that separate runs (other hash seeds, other addresses) write
    the same bytes, as `numclaims notebooks` and the committed-figure digests need."""
    import os
    import subprocess
    import sys

    runs = []
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, MPLBACKEND="Agg")
        out = subprocess.run([sys.executable, "-c", _DIGEST, str(ROOT), SEED], capture_output=True, text=True,
                             env=env, timeout=300)
        assert out.returncode == 0, out.stderr[-2000:]
        runs.append(out.stdout.split())
    assert len(runs[0]) == 4 and runs[0] == runs[1] == runs[2]
