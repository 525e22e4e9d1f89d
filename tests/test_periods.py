"""Dates and periods resolved against an anchor (numclaims.periods)."""

import datetime as dt

import pytest

from numclaims.periods import Period, duration_in, resolve, shift_months

PUB = dt.date(2013, 10, 4)  # the seed article's publication date
D = dt.date


@pytest.mark.parametrize(
    "expr, anchor, start, end",
    [
        ("In September", PUB, D(2013, 9, 1), D(2013, 9, 30)),  # latest September on or before 4 Oct 2013
        ("In November", PUB, D(2012, 11, 1), D(2012, 11, 30)),  # November 2013 is after the anchor
        ("next November", PUB, D(2013, 11, 1), D(2013, 11, 30)),  # the first November after 4 Oct 2013
        ("next September", PUB, D(2014, 9, 1), D(2014, 9, 30)),  # September 2013 has begun: the next is 2014
        ("next year", PUB, D(2014, 1, 1), D(2014, 12, 31)),
        ("next month", PUB, D(2013, 11, 1), D(2013, 11, 30)),
        ("In one 2011 case", PUB, D(2011, 1, 1), D(2011, 12, 31)),
        ("2011", PUB, D(2011, 1, 1), D(2011, 12, 31)),
        ("earlier this year", PUB, D(2013, 1, 1), PUB),
        ("last year", PUB, D(2012, 1, 1), D(2012, 12, 31)),
        ("last month", PUB, D(2013, 9, 1), D(2013, 9, 30)),
        # two years back from 30 Sep 2013 is 30 Sep 2011; the period starts the day after
        ("in the past two years", D(2013, 9, 30), D(2011, 10, 1), D(2013, 9, 30)),
        ("over three years", PUB, D(2010, 10, 5), PUB),
        ("for 6 months", PUB, D(2013, 4, 5), PUB),
        ("4 OCT 2013", PUB, PUB, PUB),
        ("3 MAR 2023", PUB, D(2023, 3, 3), D(2023, 3, 3)),
        ("September 2011", PUB, D(2011, 9, 1), D(2011, 9, 30)),
        ("since June 2011", PUB, D(2011, 6, 1), PUB),
        ("2011-06/2013-06", PUB, D(2011, 6, 1), D(2013, 6, 30)),
        ("2011-09-30", PUB, D(2011, 9, 30), D(2011, 9, 30)),
        # January to the end of the sixth month; the last three months: October to December
        ("in the first six months of 2011", PUB, D(2011, 1, 1), D(2011, 6, 30)),
        ("the last three months of 2012", PUB, D(2012, 10, 1), D(2012, 12, 31)),
        # "this year" is the anchor's year; without a year, the latest January-June over by 4 Oct 2013
        ("between January and June this year", PUB, D(2013, 1, 1), D(2013, 6, 30)),
        ("between January and June last year", PUB, D(2012, 1, 1), D(2012, 6, 30)),
        ("between March and November", PUB, D(2012, 3, 1), D(2012, 11, 30)),
        ("between 2009 and 2012", PUB, D(2009, 1, 1), D(2012, 12, 31)),
        ("from 2009 to 2012", PUB, D(2009, 1, 1), D(2012, 12, 31)),
        ("so far this year", PUB, D(2013, 1, 1), PUB),
        ("since 2010", PUB, D(2010, 1, 1), PUB),
    ],
)
def test_resolve(expr, anchor, start, end):
    assert resolve(expr, anchor) == Period(start, end)


@pytest.mark.parametrize("expr", ["", "someday", "the year of the dragon", "in the past"])
def test_resolve_rejects(expr):
    with pytest.raises(ValueError, match="cannot read"):
        resolve(expr, PUB)


def test_overlap_and_within():
    window = Period(D(2011, 10, 1), D(2013, 9, 30))
    year = Period(D(2011, 1, 1), D(2011, 12, 31))
    raid = Period(D(2011, 9, 30), D(2011, 10, 2))
    assert year.overlaps(window) and not year.within(window)
    assert raid.overlaps(window) and not raid.within(window)  # 30 Sep is one day before the window
    assert Period(D(2012, 1, 1), D(2012, 2, 1)).within(window)
    assert year.days == 365


def test_shift_months_clamps_day():
    assert shift_months(D(2013, 3, 31), -1) == D(2013, 2, 28)


def test_duration_conversion():
    assert duration_in(3, "years", "months") == 36  # 3 x 12
    assert duration_in(2, "weeks", "days") == 14
    assert duration_in(365.25, "days", "years") == 1
    with pytest.raises(ValueError):
        duration_in(1, "fortnights", "days")


def test_period_expressions_of_a_sentence():
    from numclaims.periods import expressions_in

    t = ("So far this year 45 were held, against 61 last year and 688 in the second half of 2012; in the same "
         "period last year, 30. Between 2009 and 2012, 930.")
    got = [(t[a:b], p) for a, b, p in expressions_in(t, 0, len(t), PUB)]
    # "the same period last year" needs the period it repeats: no expression of its own
    assert got == [("So far this year", Period(D(2013, 1, 1), PUB)),
                   ("last year", Period(D(2012, 1, 1), D(2012, 12, 31))),
                   ("in the second half of 2012", Period(D(2012, 7, 1), D(2012, 12, 31))),
                   ("Between 2009 and 2012", Period(D(2009, 1, 1), D(2012, 12, 31)))]


def test_the_next_n_units_run_forward_from_the_anchor():
    import datetime as dt

    from numclaims.periods import Period, resolve

    # "over the next three years" on 2024-11-19: 2024-11-19 .. 2027-11-18 (three years less a day)
    assert resolve("over the next three years", dt.date(2024, 11, 19)) == Period(dt.date(2024, 11, 19),
                                                                                dt.date(2027, 11, 18))
