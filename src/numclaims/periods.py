"""Dates and periods: relative expressions resolved against an anchor date (usually publication).

:func:`resolve` turns what an article writes about time into a closed :class:`Period` of calendar days,
so that checks can tell whether two figures cover overlapping periods.

=========================================  ===================================================
expression                                 period (anchor date A, e.g. publication 2013-10-04)
=========================================  ===================================================
``2011``, ``in 2011``, ``one 2011 case``   2011-01-01 .. 2011-12-31
``in September``                           the latest September starting on or before A, ending
                                           no later than A (news reports past events; write the
                                           claim's ``date`` as ``next April`` or ISO dates for a
                                           future month)
``last September``                         the latest September that ended before A (on 15 Sep
                                           2013: September 2012)
``this September``                         September of A's year (ending no later than A)
``the first half of 2020``                 2020-01-01 .. 2020-06-30 (``second half``; ``first``
                                           .. ``fourth quarter``; ``of this/last year``)
``the whole of 2023``                      2023-01-01 .. 2023-12-31 (``the whole of last year``)
``the same period in 2009``                the anchor period moved to 2009 (needs an anchor
                                           period, e.g. ``anchor: <claim id>``)
``next April`` / ``next month/year``       the first such period after A
``by March`` / ``until March``             a deadline: March of A's year if A is in March or
                                           before, else of the next year (on 3 Apr 2025: March
                                           2026)
``the year to March`` (``12 months to``)   the 12 months ending with the latest March over by A
                                           (on 3 Jun 2025: 2024-04-01 .. 2025-03-31); ``the
                                           year to March 2024``: 2023-04-01 .. 2024-03-31
``until March 2026`` / ``by March 2026``   March 2026 (a deadline)
``September 2011``, ``Sep 2011``           2011-09-01 .. 2011-09-30
``30 Sep 2011``, ``4 OCT 2013``            that day
``earlier this year`` / ``this year``      1 Jan of A's year .. A
``last year``                              the calendar year before A's
``last month``                             the calendar month before A's
``in the past N years/months/weeks/days``  A minus N units .. A (also "last", "over the past")
``over N years`` / ``for N years``         A minus N units .. A (a period ending at the anchor)
``over the next N years``                  A .. A plus N units, less a day (a period ahead)
``since 2011`` / ``since June 2011``       start of that year or month .. A
``the first six months of 2011``           2011-01-01 .. 2011-06-30 (``last N months of``)
``between January and June this year``     1 Jan .. 30 Jun of A's year (``last year``, a year, or
                                           without one the latest such months over by A)
``between 2009 and 2012``                  2009-01-01 .. 2012-12-31 (``from 2009 to 2012``)
``January-March``, ``from April to June``  a span of months, read as ``between January and March``
``2025/26``, ``financial year 2025/26``    2025-04-01 .. 2026-03-31 (the UK government's financial
                                           year, 1 April to 31 March: docs/semantics.md)
``FY2024``, ``fiscal year 2024``           2023-10-01 .. 2024-09-30 (the US federal fiscal year, 1
                                           October to 30 September, 31 U.S.C. 1102)
``2011-06/2013-06`` (ISO 8601 interval)    2011-06-01 .. 2013-06-30
=========================================  ===================================================

Month arithmetic follows the calendar (2013-09-30 minus two years is 2011-09-30). Number words up to
twenty are read (:data:`SMALL_NUMBERS`). Anything else raises ``ValueError``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from fractions import Fraction

from .vocabulary import DAYS_PER, MONTHS, NUMBER_WORDS, RATE_BASES, words_re

#: Small numbers of a duration ("three years", "a couple of months"): the number words up to twenty.
SMALL_NUMBERS = {w: v for w, v in NUMBER_WORDS.items() if v <= 20 and w != "dozen"}
SMALL_NUMBERS.update({"a": 1, "an": 1, "a couple of": 2, "several": 3})


@dataclass(frozen=True, slots=True)
class Period:
    """A closed range of calendar days ``start .. end`` (both included), and how many days it lasts.

    ``length`` is None for a period that lasts from ``start`` to ``end``. A period whose end is known only
    to a range of days lies somewhere in ``start .. end`` but lasts its own length: "three years" ending on
    some day of 2021 is within 2018-01-02 .. 2021-12-31 (1,460 days) and lasts 1,096 days
    (:func:`either`); :attr:`days` is that length, which a rate divides by (docs/semantics.md, section 8).

    Raises:
        ValueError: when ``start`` is after ``end``, or ``length`` is not between 1 and the span's days.
    """

    start: dt.date
    end: dt.date
    length: int | None = None

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period start {self.start} is after end {self.end}")
        if self.length is not None and not 1 <= self.length <= (self.end - self.start).days + 1:
            raise ValueError(f"a period of {self.start}..{self.end} cannot last {self.length} days")

    def overlaps(self, other: "Period") -> bool:
        """True when the two periods share at least one day."""
        return self.start <= other.end and other.start <= self.end

    def within(self, other: "Period") -> bool:
        """True when every day of this period is in ``other``."""
        return other.start <= self.start and self.end <= other.end

    @property
    def days(self) -> int:
        """Number of days the period lasts: ``length`` when given, else ``start .. end``, both ends included."""
        return (self.end - self.start).days + 1 if self.length is None else self.length

    def length_in(self, unit: str) -> Fraction:
        """How long the period lasts in ``unit`` (day, week, month or year, singular or plural), exactly.

        A period of whole calendar months (from the first of a month to the last day of a month, its end
        known to the day) lasts that many months, whatever their days: January 2022 to June 2023 is 18
        months (1.5 years), 2023 is 12 months (1 year), as a monthly or yearly figure counts them (a
        month is a calendar month, ISO 8601-1:2019). Any other period lasts its :attr:`days` in days,
        converted with the Julian year (1 month = 30.4375 days, :data:`numclaims.vocabulary.DAYS_PER`):
        546 days would be 17.94 months.

        Raises:
            ValueError: an unknown unit.
        """
        u = unit.rstrip("s")
        if u not in DAYS_PER:
            raise ValueError(f"unknown time unit {unit!r}")
        months = self.calendar_months() if u in ("month", "year") else None
        if months is not None:
            return Fraction(months, 12 if u == "year" else 1)
        return Fraction(self.days) / Fraction(DAYS_PER[u])

    def calendar_months(self) -> int | None:
        """The number ``n >= 1`` of calendar months the period spans exactly, its end known to the day, else
        None. From day ``d`` of a month, ``n`` months end on day ``d - 1`` of the month ``n`` later, or on
        its last day when that month is shorter; from the first of a month, on the last day of the month
        ``n - 1`` later. "15 January to 14 February 2024" is 1 month, "31 January to 29 February 2024" 1
        month, "January 2022 to June 2023" 18 months (ISO 8601-1:2019, "calendar month"; a monthly figure,
        a rent or a salary, is counted from the day it starts)."""
        if self.length is not None:
            return None
        start, end = self.start, self.end
        n = (end.year - start.year) * 12 + end.month - start.month + (1 if start.day == 1 else 0)
        return n if n >= 1 and _months_end(start, n) == end else None

    def to_list(self) -> list[str]:
        """``[start, end]`` as ISO 8601 strings."""
        return [self.start.isoformat(), self.end.isoformat()]

    def __str__(self) -> str:
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _months_end(start: dt.date, n: int) -> dt.date:
    """The last day of ``n`` calendar months from ``start`` (see :meth:`Period.calendar_months`)."""
    y, m = divmod(start.month - 1 + n, 12)
    y += start.year
    if start.day == 1:
        y, m = (y, m) if m else (y - 1, 12)
        return _month_end(y, m)
    m += 1
    return dt.date(y, m, min(start.day - 1, calendar.monthrange(y, m)[1]))


def shift_months(d: dt.date, months: int) -> dt.date:
    """``d`` moved by a whole number of months, clamping the day to the month's length."""
    y, m = divmod(d.month - 1 + months, 12)
    y += d.year
    m += 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def back(anchor: dt.date, n: float, unit: str) -> dt.date:
    """The date ``n`` units (years, months, weeks, days, hours) before ``anchor``; hours count in whole
    days, rounded up (periods are calendar days: 24 hours is one day, 30 hours two).

    Raises:
        ValueError: unknown unit.
    """
    unit = unit.rstrip("s")
    if unit == "year":
        return shift_months(anchor, -round(12 * n))
    if unit == "month":
        return shift_months(anchor, -round(n))
    if unit == "week":
        return anchor - dt.timedelta(days=round(7 * n))
    if unit == "day":
        return anchor - dt.timedelta(days=round(n))
    if unit == "hour":
        return anchor - dt.timedelta(days=-int(-n // 24))
    raise ValueError(f"unknown time unit {unit!r}")


def _count(word: str) -> float:
    w = word.lower().strip()
    if w in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[w])
    return float(w.replace(",", ""))


_NUM = r"(\d+(?:\.\d+)?|a couple of|several|" + "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True)) + r")"
_UNIT = rf"({words_re(reversed(RATE_BASES), plural=True)})"  # days to years (numclaims.vocabulary); hours are no period
_MON = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"


def resolve(expression: str, anchor: dt.date, anchor_period: "Period | None" = None) -> Period:
    """Resolve a date or period expression against ``anchor`` (see the table in this module).

    Args:
        expression: as written in the article ("In September", "in the past two years", "2011").
        anchor: the date relative expressions count from (publication date, or a dated event).
        anchor_period: the period the anchor stands for, for "the same period in 2009".

    Returns:
        The :class:`Period` the expression stands for.

    Raises:
        ValueError: the expression is not understood (the message quotes it).
    """
    e = " ".join(expression.lower().replace("\u2013", "-").split())
    e = re.sub(r"^(in|during|on|from|of)\s+", "", e)
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?/(\d{4})-(\d{2})(?:-(\d{2}))?", e)
    if m:
        s = dt.date(int(m[1]), int(m[2]), int(m[3] or 1))
        end = dt.date(int(m[4]), int(m[5]), int(m[6])) if m[6] else _month_end(int(m[4]), int(m[5]))
        return Period(s, end)
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", e)
    if m:
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return Period(d, d)
    m = re.search(r"(?:^|\b)(?:one |a |the )?(1[89]\d\d|20\d\d)(?: case)?$", e)
    if m and re.fullmatch(r"(?:(?:one|a|the) )?\d{4}(?: case)?", e):
        y = int(m[1])
        return Period(dt.date(y, 1, 1), dt.date(y, 12, 31))
    m = re.fullmatch(r"(\d{1,2}) " + _MON + r",? (\d{4})", e) or re.fullmatch(_MON + r" (\d{1,2}),? (\d{4})", e)
    if m:
        g = m.groups()
        day, mon, year = (g[0], g[1], g[2]) if g[0].isdigit() else (g[1], g[0], g[2])
        d = dt.date(int(year), MONTHS[mon], int(day))
        return Period(d, d)
    m = re.fullmatch(r"(?:the )?(?:year|12 months|twelve months) (?:to|ending|ending in|up to) (?:the end of )?"
                     + _MON + r"(?:,? (\d{4}))?", e)
    if m:  # "in the year to March": the 12 months ending with that month (the latest one over, without a year)
        mo = MONTHS[m[1]]
        y = int(m[2]) if m[2] else (anchor.year if _month_end(anchor.year, mo) <= anchor else anchor.year - 1)
        return Period(shift_months(dt.date(y, mo, 1), -11), _month_end(y, mo))
    m = re.fullmatch(r"(?:by |until |till )?" + _MON + r",? (\d{4})", e)
    if m:
        y, mo = int(m[2]), MONTHS[m[1]]
        return Period(dt.date(y, mo, 1), _month_end(y, mo))
    m = re.fullmatch(r"next " + _MON, e) or re.fullmatch(r"(?:by|until) " + _MON, e)
    if m:
        if not e.startswith("next"):  # a deadline: this month, or the next such month
            mo = MONTHS[m[1]]
            y = anchor.year if mo >= anchor.month else anchor.year + 1
            return Period(dt.date(y, mo, 1), _month_end(y, mo))
        mo = MONTHS[m[1]]
        y = anchor.year if mo > anchor.month else anchor.year + 1
        return Period(dt.date(y, mo, 1), _month_end(y, mo))
    if e == "next year":
        return Period(dt.date(anchor.year + 1, 1, 1), dt.date(anchor.year + 1, 12, 31))
    if e == "next month":
        first = shift_months(anchor.replace(day=1), 1)
        return Period(first, _month_end(first.year, first.month))
    m = re.fullmatch(r"(last |this )?" + _MON, e)
    if m:
        mo = MONTHS[m[2]]
        if m[1] == "last ":  # the latest such month already over
            y = anchor.year if _month_end(anchor.year, mo) < anchor else anchor.year - 1
            return Period(dt.date(y, mo, 1), _month_end(y, mo))
        y = anchor.year if mo <= anchor.month or m[1] == "this " else anchor.year - 1
        start = dt.date(y, mo, 1)
        return Period(start, max(start, min(_month_end(y, mo), anchor)))
    m = re.fullmatch(r"(?:the )?(?:whole|entirety|all) of (?:(\d{4})|(last|this) year)", e)
    if m:  # "the whole of 2023", "the whole of last year": the calendar year
        y = int(m[1]) if m[1] else anchor.year - (m[2] == "last")
        return Period(dt.date(y, 1, 1), dt.date(y, 12, 31) if m[1] or m[2] == "last" else anchor)
    m = re.fullmatch(r"(?:the )?(first|second) half of (?:(\d{4})|(this|last) year)", e)
    if m:
        y = int(m[2]) if m[2] else anchor.year - (m[3] == "last")
        return Period(dt.date(y, 1, 1), dt.date(y, 6, 30)) if m[1] == "first" else Period(dt.date(y, 7, 1),
                                                                                          dt.date(y, 12, 31))
    m = re.fullmatch(r"(?:the )?(first|last) " + _NUM + r" months of (\d{4})", e)
    if m:  # "the first six months of 2011": January to the end of the sixth month
        y, n = int(m[3]), int(_count(m[2]))
        if not 1 <= n <= 12:
            raise ValueError(f"cannot read the date or period {expression!r}")
        if m[1] == "first":
            return Period(dt.date(y, 1, 1), _month_end(y, n))
        return Period(dt.date(y, 13 - n, 1), dt.date(y, 12, 31))
    m = re.fullmatch(r"(?:financial year |fiscal year |fy ?)?(1[89]\d\d|20\d\d)/(\d\d|\d{4})", e)
    if m:  # "2025/26": a financial year of the UK government, 1 April to 31 March
        y, z = int(m[1]), int(m[2])
        if z != (y + 1) % (100 if len(m[2]) == 2 else 10000):
            raise ValueError(f"cannot read the date or period {expression!r} (a financial year spans two years "
                             "in a row: write 2025/26)")
        return Period(dt.date(y, 4, 1), dt.date(y + 1, 3, 31))
    m = re.fullmatch(r"(?:fiscal year |fy ?)(1[89]\d\d|20\d\d)", e)
    if m:  # "FY2024": a fiscal year of the US federal government, 1 October of the year before to 30 September
        y = int(m[1])
        return Period(dt.date(y - 1, 10, 1), dt.date(y, 9, 30))
    m = re.fullmatch(r"(?:between )?" + _MON + r"( and | to | ?- ?)" + _MON + r"(?:,? (\d{4})| (this|last) year)?", e)
    if m and (m[2] == " and ") != e.startswith("between "):
        m = None  # "between January and June", "January to June", "January-June"; not "January and June"
    if m:  # "between January and June this year": the first day of one month to the last of the other
        m1, m2 = MONTHS[m[1]], MONTHS[m[3]]
        if m[4]:
            y = int(m[4])
        elif m[5]:
            y = anchor.year - (m[5] == "last")
        else:  # the latest such months over by the anchor
            y = anchor.year if _month_end(anchor.year, m2) <= anchor else anchor.year - 1
        if m1 > m2:
            raise ValueError(f"cannot read the date or period {expression!r}")
        return Period(dt.date(y, m1, 1), _month_end(y, m2))
    m = re.fullmatch(r"between (1[89]\d\d|20\d\d) and (1[89]\d\d|20\d\d)", e) or \
        re.fullmatch(r"(1[89]\d\d|20\d\d) to (1[89]\d\d|20\d\d)", e)  # "from" is dropped above
    if m and int(m[1]) <= int(m[2]):  # "between 2009 and 2012": both years whole
        return Period(dt.date(int(m[1]), 1, 1), dt.date(int(m[2]), 12, 31))
    m = re.fullmatch(r"(?:the )?(first|second|third|fourth) quarter of (\d{4})", e)
    if m:
        y, q = int(m[2]), ("first", "second", "third", "fourth").index(m[1])
        return Period(dt.date(y, 3 * q + 1, 1), _month_end(y, 3 * q + 3))
    m = re.fullmatch(r"(?:the )?same period (?:in|of) (\d{4})", e) or re.fullmatch(
        r"(?:the )?same period (a year earlier|last year|the year before)", e)
    if m:
        if anchor_period is None:
            raise ValueError(f"{expression!r} needs the period it repeats: give 'anchor' (a claim or a period)")
        shift = int(m[1]) - anchor_period.start.year if m[1].isdigit() else -1
        return Period(_shift_year(anchor_period.start, shift), _shift_year(anchor_period.end, shift))
    if e in ("earlier this year", "this year", "so far this year"):
        return Period(dt.date(anchor.year, 1, 1), anchor)
    if e == "last year":
        return Period(dt.date(anchor.year - 1, 1, 1), dt.date(anchor.year - 1, 12, 31))
    if e in ("last month", "earlier this month", "this month"):
        if e == "last month":
            first = shift_months(anchor.replace(day=1), -1)
            return Period(first, _month_end(first.year, first.month))
        return Period(anchor.replace(day=1), anchor)
    m = re.fullmatch(r"since (?:" + _MON + r" )?(\d{4})", e)
    if m:
        mo = MONTHS[m[1]] if m[1] else 1
        return Period(dt.date(int(m[2]), mo, 1), anchor)
    m = re.fullmatch(r"(?:(?:in|over|during|within|for) )?the next " + _NUM + " " + _UNIT, e)
    if m:  # "over the next three years": from the anchor forward
        return Period(anchor, back(anchor, -_count(m[1]), m[2]) - dt.timedelta(days=1))
    m = re.fullmatch(r"(?:(?:in|over|during) )?(?:the )?(?:past|last|previous) " + _NUM + " " + _UNIT, e)
    m = m or re.fullmatch(r"(?:over|for|in|within) (?:the )?" + _NUM + " " + _UNIT, e)
    m = m or re.fullmatch(_NUM + " " + _UNIT, e)
    if m:
        return Period(back(anchor, _count(m[1]), m[2]) + dt.timedelta(days=1), anchor)
    m = re.fullmatch(r"(?:the )?(?:past|last) " + _UNIT.replace("s?", ""), e)
    if m:
        return Period(back(anchor, 1, m[1]) + dt.timedelta(days=1), anchor)
    raise ValueError(f"cannot read the date or period {expression!r}")


def _shift_year(d: dt.date, years: int) -> dt.date:
    return shift_months(d, 12 * years)


def resolve_over(expression: str, anchor: Period, anchor_period: Period | None = None) -> Period:
    """:func:`resolve` against every day of the ``anchor`` period (a report "In September", a
    publication date known to the month): the smallest period holding the readings from its first and
    its last day, so the uncertainty of the anchor's day is kept.

    Raises:
        ValueError: as :func:`resolve`.
    """
    a = resolve(expression, anchor.start, anchor_period)
    if anchor.start == anchor.end:
        return a
    return either(a, resolve(expression, anchor.end, anchor_period))


def either(first: Period, last: Period) -> Period:
    """One period read from the first and from the last day its anchor may be: the smallest period holding
    both readings, which lasts as long as the longer of them, not as long as that span. "in the past two
    years" before a report "In September" 2013 lies within 2011-09-02 .. 2013-09-30 (760 days) and lasts
    731 days; "three years" ending in 2021 within 2018-01-02 .. 2021-12-31 and lasts 1,096 days."""
    start, end = min(first.start, last.start), max(first.end, last.end)
    longest = max(first.days, last.days)
    return Period(start, end, None if longest == (end - start).days + 1 else longest)


def duration_in(value: float, unit: str, target: str) -> float:
    """Convert a duration between years, months, weeks and days (1 year = 12 months = 365.25 days).

    Raises:
        ValueError: unknown unit.
    """
    per_day = DAYS_PER
    u, t = unit.rstrip("s"), target.rstrip("s")
    if u not in per_day or t not in per_day:
        raise ValueError(f"cannot convert {unit!r} to {target!r}")
    if (u, t) == ("year", "month"):
        return value * 12
    if (u, t) == ("month", "year"):
        return value / 12
    return value * per_day[u] / per_day[t]


_YEAR_RE = r"(?:1[89]\d\d|20\d\d)"
#: Period expressions of several words, or of words alone, that no single numeral's reading covers: "in the
#: first half of 2013", "in the whole of 2023", "the first six months of 2011", "between January and June this year", "between 2009
#: and 2012", "so far this year", "last year" (not "the same period last year", which needs its anchor).
_EXPRESSION = re.compile(
    r"\b(?:(?:in|during|over|for)\s+)?(?:"
    rf"(?:the\s+)?(?:first|second)\s+half\s+of\s+(?:{_YEAR_RE}|(?:this|last)\s+year)"
    rf"|(?:the\s+)?(?:whole|entirety)\s+of\s+(?:{_YEAR_RE}|(?:this|last)\s+year)"
    rf"|(?:the\s+)?(?:first|second|third|fourth)\s+quarter\s+of\s+{_YEAR_RE}"
    rf"|(?:the\s+)?(?:first|last)\s+{_NUM}\s+months\s+of\s+{_YEAR_RE}"
    rf"|(?:between\s+{_MON}\s+and|(?:from\s+)?{_MON}\s+to|{_MON}\s?[-\u2013])\s?{_MON}(?:,?\s+{_YEAR_RE}|\s+(?:this|last)\s+year)?"
    rf"|(?:(?:financial|fiscal)\s+year\s+|FY\s?)?{_YEAR_RE}/(?:\d\d|{_YEAR_RE})(?![\d/])"
    rf"|(?:fiscal\s+year\s+|FY\s?){_YEAR_RE}"
    rf"|(?:between|from)\s+{_YEAR_RE}\s+(?:and|to)\s+{_YEAR_RE}"
    r"|so\s+far\s+this\s+year|earlier\s+this\s+(?:year|month)|(?<!period\s)last\s+(?:year|month)|(?<!of\s)this\s+year"
    r")\b", re.I)


def expressions_in(text: str, a: int, b: int, anchor: dt.date) -> list[tuple[int, int, Period]]:
    """The period expressions of ``text[a:b]`` that span several words or have no numeral (see
    ``_EXPRESSION``), each as ``(start, end, period)`` with the period :func:`resolve` reads against
    ``anchor`` (the publication date); "this year's" (a possessive: "this year's €276 million") is the
    whole calendar year of the anchor; an expression it cannot read is left out. In text order."""

    out = []
    for m in _EXPRESSION.finditer(text, a, b):
        if re.fullmatch(r"this\s+year", m.group(0), re.I) and text[m.end():m.end() + 2] in ("'s", "’s"):
            # "this year's €276 million": the figure of the year (a budget), the whole calendar year
            out.append((m.start(), m.end(), Period(dt.date(anchor.year, 1, 1), dt.date(anchor.year, 12, 31))))
            continue
        try:
            out.append((m.start(), m.end(), resolve(m.group(0), anchor)))
        except ValueError:
            continue
    return out
