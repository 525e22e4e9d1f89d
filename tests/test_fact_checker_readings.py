"""Readings a fact-checker found wrong on an unseen article, each on an invented text of its own: a median
duration measured on a date (its period is that date, not a span counted back from publication), a failed
comparison said as the article's word, a hedged word fraction read as its interval as written, "tops
64,000" as more than 64,000, and report sentences that say what matched."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest

from numclaims.checks import Context, run_check
from numclaims.checks.base import CONSISTENT, INCONSISTENT, TENSION
from numclaims.claimvalues import claim_interval, written_interval
from numclaims.cli import main
from numclaims.engine import resolve_periods
from numclaims.extract import find_mentions
from numclaims.loader import load_article
from numclaims.numerals import parse
from numclaims.periods import Period
from numclaims.records import Claim, FractionOfCheck

from conftest import write_project

PUB = dt.date(2026, 5, 20)

SOURCE = textwrap.dedent("""\
    Clinic stays lengthen

    HARWICK, 20 May - The median stay at Harwick clinic reached 6.4 days on 31 March, longer than the regional median of 7.0 days, the health board said.

    Over 10 weeks the clinic admitted 1,520 patients, about a third of its 4,500 registered patients. Staff put the admissions at 2,400.

    Its two wards cost £2.1m and £1.4m, within a budget of £4m, and the board counted 610 nurses against the 600 of its plan.
    """)

META = textwrap.dedent("""\
    id: harwick-clinic
    title: Clinic stays lengthen
    publisher: Test Wire
    published: 2026-05-20
    licence: test fixture
    attribution: invented for numclaims' tests
    captured: written by hand
    """)

CLAIMS = textwrap.dedent("""\
    article: harwick-clinic
    source: harwick-clinic
    claims:
      - id: stay-clinic
        quote: The median stay at Harwick clinic reached 6.4 days
        text: 6.4 days
        value: 6.4
        unit: days
        measure: {what: median stay, where: Harwick clinic, period: {start: 2026-03-31, end: 2026-03-31}}
        attribution: [{who: the health board}]
      - id: stay-region
        quote: the regional median of 7.0 days
        text: 7.0 days
        value: 7.0
        unit: days
        measure: {what: median stay, where: the region, period: {start: 2026-03-31, end: 2026-03-31}}
        attribution: [{who: the health board}]
      - id: weeks-10
        quote: Over 10 weeks the clinic admitted
        text: 10 weeks
        value: 10
        unit: weeks
        measure: {what: period of the admissions}
        attribution: [{who: the health board}]
      - id: admitted-1520
        quote: the clinic admitted 1,520 patients
        text: "1,520"
        value: 1520
        unit: persons
        measure: {what: patients admitted}
        attribution: [{who: the health board}]
      - id: third
        quote: about a third of its 4,500 registered patients
        text: about a third
        value: 0.333333333
        unit: fraction
        qualifier: approximately
        measure: {what: share of registered patients admitted}
        attribution: [{who: the health board}]
      - id: admitted-2400
        quote: Staff put the admissions at 2,400
        text: "2,400"
        value: 2400
        unit: persons
        measure: {what: patients admitted}
        attribution: [{who: staff}]
      - id: registered-4500
        quote: its 4,500 registered patients
        text: "4,500"
        value: 4500
        unit: persons
        measure: {what: registered patients}
        attribution: [{who: the health board}]
      - id: ward-a
        quote: Its two wards cost £2.1m
        text: £2.1m
        value: 2100000
        unit: GBP
        measure: {what: cost of the first ward}
        attribution: [{who: the health board}]
      - id: ward-b
        quote: and £1.4m, within a budget
        text: £1.4m
        value: 1400000
        unit: GBP
        measure: {what: cost of the second ward}
        attribution: [{who: the health board}]
      - id: budget
        quote: within a budget of £4m
        text: £4m
        value: 4000000
        unit: GBP
        measure: {what: budget of the wards}
        attribution: [{who: the health board}]
      - id: nurses-610
        quote: the board counted 610 nurses
        text: "610"
        value: 610
        unit: persons
        measure: {what: nurses}
        attribution: [{who: the health board}]
      - id: nurses-600
        quote: against the 600 of its plan
        text: "600"
        value: 600
        unit: persons
        measure: {what: nurses}
        attribution: [{who: the health board}]
    derived:
      - id: wards
        kind: sum
        inputs: [ward-a, ward-b]
        unit: GBP
        measure: {what: cost of the two wards}
    checks:
      - id: stay-longer
        kind: comparison
        a: stay-clinic
        b: stay-region
        relation: gt
      - id: third-admitted
        kind: fraction_of
        fraction: third
        whole: registered-4500
        compare: admitted-1520
        relation: eq
      - id: third-staff
        kind: fraction_of
        fraction: third
        whole: registered-4500
        compare: admitted-2400
        relation: eq
      - id: wards-within-budget
        kind: part_whole
        part: wards
        whole: budget
      - id: nurses-agree
        kind: agreement
        a: nurses-610
        b: nurses-600
    """)


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    root = tmp_path / "clinic"
    write_project(root, "harwick-clinic", SOURCE, META, CLAIMS)
    return root


def test_a_duration_with_a_measure_period_has_that_period(clinic):
    periods = resolve_periods(load_article(clinic / "claims" / "harwick-clinic.yaml", clinic))
    # a median stay measured on 31 March is of 31 March, not "the 6.4 days up to publication"
    assert periods["stay-clinic"] == Period(dt.date(2026, 3, 31), dt.date(2026, 3, 31))
    # a duration with no measure.period (and no ends) is still counted back from publication:
    # 10 weeks = 70 days ending on 20 May 2026 -> from 12 March 2026 (20 May - 70 days + 1 day)
    assert periods["weeks-10"] == Period(dt.date(2026, 3, 12), dt.date(2026, 5, 20))


def _report(clinic: Path) -> tuple[dict, str]:
    assert main(["check", "--quiet", "--root", str(clinic)]) == 0  # findings exit 0; bad input would not
    out = clinic / "reports" / "harwick-clinic"
    results = json.loads((out / "results.json").read_text(encoding="utf-8"))
    return {c["id"]: c for c in results["checks"]}, (out / "report.md").read_text(encoding="utf-8")


def test_the_report_says_what_the_article_says_and_what_the_figures_show(clinic):
    checks, md = _report(clinic)
    # 6.4 < 7.0: "longer than" is wrong whatever the rounding ([6.35, 6.45] against [6.95, 7.05])
    assert checks["stay-longer"]["verdict"] == "inconsistent"
    assert ("The article says “6.4 days” \\(6.4 days\\) is more than “7.0 days” \\(7 days\\); as written it is "
            "less: the relation cannot hold") in md
    assert ("Cause: Even with “6.4 days” at its highest, 6.45 days, and “7.0 days” at its lowest, 6.95 days, "
            "the first is not more than the second: the word of comparison is wrong, or one of the figures is.") in md
    # both medians are of 31 March: no "periods differ in length" in the check's trace
    assert "periods differ" not in checks["stay-longer"]["explanation"]
    # 1,520 / 4,500 = 33.8 %: "about a third" as written (a hedged word fraction is its interval, [0.3, 0.3667])
    assert checks["third-admitted"]["verdict"] == "consistent"
    # "about a third" of [4,450, 4,550] is at most 0.3667 x 4,550 = 1,668, below 2,400's lowest, 2,350 (step
    # 100): the cause says the top of the implied part is below, not "the bottom ... is above"
    assert checks["third-staff"]["verdict"] == "inconsistent"
    assert "Cause: The top of the implied part \\(from the top of “4,500”\\) is below the bottom of “2,400”." in md
    assert "As written: about 33.33% of 4,500 people = about 1,500 people, against 2,400 people." in md
    # £2.1m + £1.4m = £3.5m within £4m; the derived figure names its currency
    assert "The derived figure 2,100,000 \\+ 1,400,000 = 3,500,000 in GBP" in md  # Markdown escapes "+"
    # 610 against 600 (step 10 and 100: [605, 615] and [550, 650]) agree only within the rounding of "600"
    # (tension); the as-written line puts the larger first, as the sentence would: 610 / 600 = 1.0167 -> 1.02
    assert checks["nurses-agree"]["verdict"] == "tension"
    assert "As written: 610 people against 600 people: 1.02 times." in md


def _claim(cid: str, text: str, value: float, unit: str, qualifier: str = "exact") -> Claim:
    return Claim(id=cid, quote=text, text=text, value=value, unit=unit, qualifier=qualifier,
                 measure={"what": "x"}, attribution=[{"who": "t"}])


@pytest.mark.parametrize("qualifier, text, verdict", [
    # 1,150 / 3,400 = 0.3382: "about a third" holds as written (its interval [0.3, 0.3667] is its reading)
    ("approximately", "about a third", CONSISTENT),
    # a bare "a third" writes no digit either: its rounding to the word, [0.3, 0.3667], is its reading as
    # written (it was 1/3 itself, so 3,400 / 3 = 1,133.3 against 1,150 was tension: a hostile test's F1)
    ("exact", "a third", CONSISTENT),
])
def test_a_hedged_word_fraction_is_its_interval_as_written(qualifier, text, verdict):
    assert _fraction_of(_claim("f", text, 1 / 3, "fraction", qualifier), 3400, 1150) == verdict


def _fraction_of(fraction: Claim, whole: float, part: float) -> str:
    """The verdict of ``fraction`` of ``whole`` persons against ``part`` persons (fraction_of, eq)."""
    claims = {"f": fraction, "w": _claim("w", f"{whole:,.0f}", whole, "persons"),
              "c": _claim("c", f"{part:,.0f}", part, "persons")}
    ctx = Context(claims=claims, intervals={k: claim_interval(c) for k, c in claims.items()}, periods={},
                  published=PUB, written={k: written_interval(c) for k, c in claims.items()})
    return run_check(FractionOfCheck(id="x", kind="fraction_of", fraction="f", whole="w", compare="c",
                                     relation="eq"), ctx).verdict


def test_a_hedged_word_fraction_still_fails_outside_its_interval():
    # 1,400 / 3,400 = 0.412, above "about a third"'s 0.3667: 0.3667 x [3,350, 3,450] tops out at 1,265
    assert _fraction_of(_claim("f", "about a third", 1 / 3, "fraction", "approximately"), 3400, 1400) == INCONSISTENT


@pytest.mark.parametrize("text, value", [
    ("tops 64,000", 64000), ("topped 500", 500), ("exceeded 1.2 million", 1_200_000), ("surpassed 300", 300),
])
def test_a_verb_of_passing_a_figure_is_more_than(text, value):
    q = parse(text)
    assert (float(q.value), q.qualifier) == (value, "more_than")
    iv = q.interval  # (value, +inf): open below, unbounded above
    assert (iv.low, iv.high, iv.low_closed) == (value, None, False)


def test_the_extractor_does_not_widen_a_mention_over_a_verb_of_passing():
    # in running text the verb is as often followed by what it passed as by a threshold ("exceeded 2 of its 5
    # targets", "bought the tops 5 days ago"): only a claim's own text reads it (a fact-checker wrote it)
    text = "The waiting list tops 64,000; the firm exceeded 2 of its 5 targets; he bought the tops 5 days ago."
    got = [(m.text, m.value, m.qualifier) for m in find_mentions(text) if m.unit != "date"]
    assert got == [("64,000", 64000, "exact"), ("2", 2, "exact"), ("5", 5, "exact"), ("5 days", 5, "exact")]
