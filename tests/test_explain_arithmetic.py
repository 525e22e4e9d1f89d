"""The report's "As written" arithmetic of a share and of a change, and its GRIM line, from typed results
of a claims file checked end to end (the sentence a sub-editor reads first)."""

from __future__ import annotations

from pathlib import Path

from numclaims.engine import check_article
from numclaims.explain import explain

from conftest import write_project

TEXT = ("Budget up\n\nThe council approved a budget of €312 million, up 8 percent on this year's €276 million. "
        "Of the 82,990 pupils who passed, 41,300, or 42 percent, earned a bachelor pass. "
        "Of 13 rescued, 21 percent were minors.\n")
META = ("id: arith-news\ntitle: Budget up\npublisher: Test Gazette\npublished: 2024-11-20\n"
        "licence: test fixture\nattribution: test fixture\ncaptured: written by hand\n")


def _claim(cid, quote, text, value, unit):
    return (f"  - id: {cid}\n    quote: \"{quote}\"\n    text: \"{text}\"\n    value: {value}\n    unit: {unit}\n"
            f"    measure: {{what: x}}\n    attribution:\n      - {{who: council}}\n")


CLAIMS = ("article: arith-news\nsource: arith-news\nclaims:\n"
          + _claim("budget-312", "a budget of €312 million", "€312 million", 312000000, "EUR")
          + _claim("up-8", "up 8 percent", "8 percent", 8, "percent")
          + _claim("budget-276", "this year's €276 million", "€276 million", 276000000, "EUR")
          + _claim("passed", "Of the 82,990 pupils", "82,990", 82990, "persons")
          + _claim("bachelor", "41,300, or 42 percent", "41,300", 41300, "persons")
          + _claim("share-42", "or 42 percent", "42 percent", 42, "percent")
          + _claim("rescued", "Of 13 rescued", "13", 13, "persons")
          + _claim("minors-21", "21 percent were minors", "21 percent", 21, "percent")
          + "checks:\n"
          "  - {id: budget-change, kind: change, earlier: budget-276, later: budget-312, change: up-8}\n"
          "  - {id: bachelor-share, kind: share_of_total, share: share-42, total: passed, part: bachelor}\n"
          "  - {id: minors-share, kind: share_of_total, share: minors-21, total: rescued}\n")


def _explained(tmp_path: Path) -> dict:
    root = tmp_path / "p"
    res = check_article(write_project(root, "arith-news", TEXT, META, CLAIMS), root)
    claims = {c.id: c for c in res.claims}
    return {ch.id: (ch.verdict, explain(ch, claims)) for ch in res.checks}


def test_a_change_shows_the_later_figure_it_implies_and_the_change_the_figures_give(tmp_path):
    verdict, ex = _explained(tmp_path)["budget-change"]
    # 276 x 1.08 = 298.08 million, against 312; (312 - 276) / 276 = +13.04 %
    assert verdict == "inconsistent"
    assert ex.as_written == ["276 million EUR + 8% = 298.08 million EUR, against 312 million EUR stated; "
                             "the two figures give a change of +13.0%."]


def test_a_share_shows_the_part_it_implies_and_the_share_the_part_is(tmp_path):
    verdict, ex = _explained(tmp_path)["bachelor-share"]
    # 0.42 x 82,990 = 34,855.8, against 41,300; 41,300 / 82,990 = 49.77 %
    assert verdict == "inconsistent"
    assert ex.sentence == ("“42 percent” of “82,990” implies between 34,439 and 35,272 people, which does not "
                           "match “41,300”.")
    assert ex.as_written == ["42% of 82,990 people = 34,855.8 people, against “41,300” stated.",
                             "“41,300” is 49.8% of 82,990 people, against 42% stated."]
    # a total of 82,990: some whole count fits any share 1 point wide (the test cannot fail)
    assert ex.rules[0].startswith("GRIM test (Brown and Heathers, 2017), by interval: with a total this large")


def test_a_share_no_whole_count_can_give_is_told_as_a_grim_failure(tmp_path):
    verdict, ex = _explained(tmp_path)["minors-share"]
    # 21 % of 13: 2/13 = 15.4 %, 3/13 = 23.1 %; no whole count gives [20.5, 21.5] %
    assert verdict == "inconsistent"
    assert ex.sentence == ("“21 percent” of “13” is impossible: no whole number out of exactly 13 people gives a "
                           "share between 20.5% and 21.5%.")
    assert ex.rules[0] == ("GRIM test (Brown and Heathers, 2017), by interval: no whole number out of exactly 13 "
                           "people gives a share between 20.5% and 21.5%.")


def test_large_bounds_in_explanations_are_digits_not_scientific_notation():
    from numclaims.intervals import Interval
    # R46 million a week over 24 weeks read as a range of totals: 45,037,593.75 is written out, never
    # "4.50376e+07"; small bounds keep six significant digits
    assert str(Interval(45037593.75, 46954103.2)) == "[45,037,593.75, 46,954,103.2]"
    assert str(Interval(1.5, 2.25)) == "[1.5, 2.25]"
