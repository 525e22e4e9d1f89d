"""A duration lasts the span its record gives (semantics section 8), when that span is exactly its written
whole number of units. A held-out trial planted "$1.45 million a month since March 2025, a total of $17.9
million over the 12 months to February" (1.45M x 12 = 17.4M), with the duration's period 1 March 2025 to 28
February 2026, and it was `consistent`: "12 months" read [11.5, 12.5], and 1.455M x 12.5 = 18.19M reaches
17.85M."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from numclaims.claimvalues import spanned_duration
from numclaims.intervals import Interval
from numclaims.periods import Period
from numclaims.records import Claim

from conftest import results_data, write_project

SOURCE = ("Motel costs\n\nMotel rooms have cost the city $1.45 million a month since March 2025, a total of "
          "$17.9 million over the 12 months to February.\n")
META = textwrap.dedent("""\
    id: motels
    title: Motel costs
    publisher: Test Wire
    published: 2026-03-18
    licence: test fixture
    attribution: invented for numclaims' tests
    captured: written by hand
    """)
CLAIMS = textwrap.dedent("""\
    article: motels
    source: motels
    claims:
      - id: rate
        quote: $1.45 million a month
        text: $1.45 million a month
        value: 1450000
        unit: USD per month
        measure: {what: motel spending, period: {start: 2025-03-01, end: 2026-02-28}}
        attribution: [{who: Test Wire}]
      - id: total
        quote: a total of $17.9 million
        text: $17.9 million
        value: 17900000
        unit: USD
        measure: {what: motel spending, period: {start: 2025-03-01, end: 2026-02-28}}
        attribution: [{who: Test Wire}]
      - id: months
        quote: over the 12 months to February
        text: 12 months
        value: 12
        unit: months
        measure: {what: period of the motel contracts, period: {start: 2025-03-01, end: PERIOD_END}}
        attribution: [{who: Test Wire}]
    checks:
      - {id: k, kind: rate_duration, rate: rate, duration: months, total: total}
    waived:
      - {text: "March 2025", reason: "the start of the period"}
      - {text: "February", reason: "the end of the period"}
    """)


def _verdict(tmp_path, total: str, end: str) -> dict:
    claims = CLAIMS.replace("PERIOD_END", end)
    source = SOURCE
    if total != "17.9":
        source = source.replace("$17.9 million", f"${total} million")
        claims = claims.replace("$17.9 million", f"${total} million").replace(
            "value: 17900000", f"value: {round(float(total) * 1_000_000)}")
    path = write_project(tmp_path, "motels", source, META, claims)
    return {c["id"]: c for c in results_data(path, tmp_path)["checks"]}["k"]


def test_a_rate_times_its_dated_months_that_misses_its_total_is_inconsistent(tmp_path):
    # 1 March 2025 to 28 February 2026 is 12 calendar months, so "12 months" is [12, 12]:
    # [1,445,000, 1,455,000] x 12 = [17,340,000, 17,460,000], below "$17.9 million" [17,850,000, 17,950,000]
    r = _verdict(tmp_path, "17.9", "2026-02-28")
    assert r["verdict"] == "inconsistent"


def test_the_same_sentence_correct_holds_as_written(tmp_path):
    # 1,450,000 x 12 = 17,400,000, "$17.4 million"
    assert _verdict(tmp_path, "17.4", "2026-02-28")["verdict"] == "consistent"


def test_a_frame_longer_than_the_duration_keeps_its_band(tmp_path):
    # period 1 March 2025 to 31 March 2026: 13 calendar months, a frame the 12 months fall in, not their span:
    # "12 months" keeps [11.5, 12.5], and 1.455M x 12.5 = 18.19M reaches 17.85M: not inconsistent
    assert _verdict(tmp_path, "17.9", "2026-03-31")["verdict"] != "inconsistent"


def _duration(text: str, value: float, unit: str, qualifier: str = "exact", **period) -> Claim:
    return Claim(id="d", quote=text, text=text, value=value, unit=unit, qualifier=qualifier,
                 measure={"what": "x", "period": period or {"expression": "2023"}}, attribution=[{"who": "t"}])


@pytest.mark.parametrize("text, value, unit, start, end, expected", [
    # 2023 is 12 calendar months and 1 year; 8 July to 29 September 2024 is 84 days = 12 weeks
    ("12 months", 12, "months", dt.date(2023, 1, 1), dt.date(2023, 12, 31), Interval(12, 12)),
    ("a year", 1, "years", dt.date(2023, 1, 1), dt.date(2023, 12, 31), Interval(1, 1)),
    ("12 weeks", 12, "weeks", dt.date(2024, 7, 8), dt.date(2024, 9, 29), Interval(12, 12)),
    # a 2-day strike in 2023: the year is a frame, not the strike's span
    ("2 days", 2, "days", dt.date(2023, 1, 1), dt.date(2023, 12, 31), None),
    # one day: the date a duration is measured on
    ("12 weeks", 12, "weeks", dt.date(2024, 9, 30), dt.date(2024, 9, 30), None),
])
def test_spanned_duration(text, value, unit, start, end, expected):
    assert spanned_duration(_duration(text, value, unit), Period(start, end)) == expected


def test_a_hedged_or_fractional_duration_keeps_its_own_interval():
    year = Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert spanned_duration(_duration("about 12 months", 12, "months", "approximately"), year) is None
    assert spanned_duration(_duration("1.0 years", 1.0, "years"), year) == Interval(1, 1)
    assert spanned_duration(_duration("11.5 months", 11.5, "months"), year) is None


@pytest.mark.parametrize("year, total, verdict", [
    # "$10.00 a day for one year, all of 2024": 2024 has 366 days, so [9.995, 10.005] x 366 = [3,658.2,
    # 3,661.8], and $3,650 (10 x 365) is inconsistent (it was consistent: the year converted as 365 to 366
    # days); 2023 has 365 days, so $3,650 holds and $3,660 is inconsistent (a hostile tester's findings,
    # written there as "$10 a day", whose last digit's band [9.5, 10.5] holds both totals as written)
    (2024, 3660, "consistent"), (2024, 3650, "inconsistent"), (2023, 3650, "consistent"), (2023, 3660, "inconsistent"),
])
def test_a_dated_year_converts_by_its_own_days(tmp_path, year, total, verdict):
    source = f"Fund\n\nThe fund paid $10.00 a day for one year, all of {year}, a total of ${total:,}.\n"
    claims = textwrap.dedent(f"""\
        article: motels
        source: motels
        claims:
          - id: rate
            quote: $10.00 a day
            text: $10.00 a day
            value: 10
            unit: USD per day
            measure: {{what: payments, period: {{expression: "{year}"}}}}
            attribution: [{{who: Test Wire}}]
          - id: year
            quote: one year
            text: one year
            value: 1
            unit: years
            measure: {{what: period of the payments, period: {{expression: "{year}"}}}}
            attribution: [{{who: Test Wire}}]
          - id: total
            quote: a total of ${total:,}
            text: ${total:,}
            value: {total}
            unit: USD
            precision: 1
            measure: {{what: payments, period: {{expression: "{year}"}}}}
            attribution: [{{who: Test Wire}}]
        checks:
          - {{id: k, kind: rate_duration, rate: rate, duration: year, total: total}}
        waived:
          - {{text: "{year}", reason: "the year of the payments"}}
        """)
    path = write_project(tmp_path, "motels", source, META, claims)
    got = {c["id"]: c for c in results_data(path, tmp_path)["checks"]}["k"]
    assert got["verdict"] == verdict, got["explanation"]
    assert f"= [{366 if year == 2024 else 365}, {366 if year == 2024 else 365}] days" in got["explanation"]
