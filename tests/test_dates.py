"""Dates: resolved against a publication date of Thursday 8 May 2025."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import facts_of, only
from factcheck.facts import Resolution

DATES = [
    # text, span, value, low, high, granularity
    ("on May 8, 2025", "May 8, 2025", "2025-05-08", "2025-05-08", "2025-05-08", "day"),
    ("on 8 May 2025", "8 May 2025", "2025-05-08", "2025-05-08", "2025-05-08", "day"),
    ("dated 2025-05-08", "2025-05-08", "2025-05-08", "2025-05-08", "2025-05-08", "day"),
    (
        "On March 17th, 2023, it said",
        "March 17th, 2023",
        "2023-03-17",
        "2023-03-17",
        "2023-03-17",
        "day",
    ),
    ("it began on March 20th", "March 20th", "2025-03-20", "2025-03-20", "2025-03-20", "day"),
    ("a briefing on May 10", "May 10", "2025-05-10", "2025-05-10", "2025-05-10", "day"),
    ("in March 2023", "March 2023", "2023-03", "2023-03-01", "2023-03-31", "month"),
    (
        "from March 20th to 22nd",
        "from March 20th to 22nd",
        "2025-03-20",
        "2025-03-20",
        "2025-03-22",
        "day",
    ),
    ("on May 16-17", "May 16-17", "2025-05-16", "2025-05-16", "2025-05-17", "day"),
    ("on 20-22 March 2023", "20-22 March 2023", "2023-03-20", "2023-03-20", "2023-03-22", "day"),
    ("In 2023, trade grew", "In 2023", "2023", "2023-01-01", "2023-12-31", "year"),
    ("since 2013", "since 2013", "2013", "2013-01-01", "2013-12-31", "year"),
    ("met on Thursday", "on Thursday", "2025-05-08", "2025-05-08", "2025-05-08", "day"),
    ("spoke on Wednesday", "on Wednesday", "2025-05-07", "2025-05-07", "2025-05-07", "day"),
    ("Last year, trade rose", "Last year", "2024", "2024-01-01", "2024-12-31", "year"),
    ("visit next year", "next year", "2026", "2026-01-01", "2026-12-31", "year"),
    ("later this year", "later this year", "2025", "2025-01-01", "2025-12-31", "year"),
    (
        "He left earlier this month",
        "earlier this month",
        "2025-05",
        "2025-05-01",
        "2025-05-31",
        "month",
    ),
    ("It opened yesterday.", "yesterday", "2025-05-07", "2025-05-07", "2025-05-07", "day"),
    (
        "It opened the day before yesterday.",
        "the day before yesterday",
        "2025-05-06",
        "2025-05-06",
        "2025-05-06",
        "day",
    ),
    ("ten years ago", "ten years ago", "2015", "2015-01-01", "2015-12-31", "year"),
    (
        "Eight decades ago, they fought",
        "Eight decades ago",
        "1945",
        "1945-01-01",
        "1945-12-31",
        "year",
    ),
    ("a year ago", "a year ago", "2024", "2024-01-01", "2024-12-31", "year"),
    ("the 2023-24 season", "2023-24", "2023", "2023-01-01", "2024-12-31", "year"),
    ("in early June", "early June", "2025-06", "2025-06-01", "2025-06-30", "month"),
    ("in June", "in June", "2025-06", "2025-06-01", "2025-06-30", "month"),
    # a month named relative to publication (8 May 2025): never the nearest one
    ("they met last November", "last November", "2024-11", "2024-11-01", "2024-11-30", "month"),
    ("they met last March", "last March", "2025-03", "2025-03-01", "2025-03-31", "month"),
    ("they met last May", "last May", "2024-05", "2024-05-01", "2024-05-31", "month"),
    ("the vote is next March", "next March", "2026-03", "2026-03-01", "2026-03-31", "month"),
    ("prices have risen since June", "since June", "2024-06", "2024-06-01", "2024-06-30", "month"),
    (
        "prices have risen since April",
        "since April",
        "2025-04",
        "2025-04-01",
        "2025-04-30",
        "month",
    ),
    ("the vote is next June", "next June", "2025-06", "2025-06-01", "2025-06-30", "month"),
    (
        "it opened in November last year",
        "in November last year",
        "2024-11",
        "2024-11-01",
        "2024-11-30",
        "month",
    ),
    (
        "it opens in March next year",
        "in March next year",
        "2026-03",
        "2026-03-01",
        "2026-03-31",
        "month",
    ),
    # "for February": the month a figure is of
    ("the rate for February was", "February", "2025-02", "2025-02-01", "2025-02-28", "month"),
    ("In February, prices rose", "In February", "2025-02", "2025-02-01", "2025-02-28", "month"),
    ("In October's election, she led", "October's", "2025-10", "2025-10-01", "2025-10-31", "month"),
    # the year of a quarter or a half, never a count of what follows
    ("Fourth quarter 2023 net income rose", "2023", "2023", "2023-01-01", "2023-12-31", "year"),
    ("first half 2024 sales fell", "2024", "2024", "2024-01-01", "2024-12-31", "year"),
]

NOT_DATES = [
    "the Pre-2030 Development Plan",
    "you may go now",
    "they march on",
    "Theresa May said so",
    "the 2030 Agenda for growth",
    "Black Friday sales",
    "COVID-19 struck",
    "This is the year of the dragon",
    "last but not least",
    "nearly 1500 troops",
    "they voted for May",
]


@pytest.mark.parametrize(("text", "span", "value", "low", "high", "granularity"), DATES)
def test_date(text: str, span: str, value: str, low: str, high: str, granularity: str) -> None:
    found = only(facts_of(text), "date")
    assert [f.text for f in found] == [span]
    fact = found[0]
    assert (fact.value, fact.low, fact.high, fact.granularity) == (value, low, high, granularity)
    assert fact.resolution


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert only(facts_of(text), "date") == []


def test_weekday_that_does_not_match_its_date_is_noted() -> None:
    (fact,) = only(facts_of("on Thursday, May 17, 2024"), "date")
    assert fact.value == "2024-05-17"
    assert "does not match" in fact.resolution


def test_partial_date_takes_the_nearest_year() -> None:
    (fact,) = only(facts_of("on December 28", published=dt.date(2025, 1, 5)), "date")
    assert fact.value == "2024-12-28"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # written in November: a month told in the past tense is the latest such month
        ("Inflation stood at 10.1 per cent in January.", "2023-01"),
        ("The figure rose to 6.7% in September.", "2023-09"),
        ('Sunak said: "In January I made halving inflation my priority."', "2023-01"),
        # ... one told of the future, or with nothing to tell, the nearest
        ("The vote will be held in January.", "2024-01"),
        ("Talks were scheduled for January.", "2024-01"),
        ("Inflation is 4.6 per cent. In January, a new index starts.", "2024-01"),
        ("In January the new index will start.", "2024-01"),
    ],
)
def test_a_month_told_in_the_past_is_the_latest(text: str, value: str) -> None:
    (fact,) = only(facts_of(text, published=dt.date(2023, 11, 15)), "date")
    assert fact.value == value, fact.resolution


def test_unknown_publication_date_leaves_relative_dates_unresolved() -> None:
    facts = only(facts_of("Last year it rose. On May 10 it fell.", published=None), "date")
    assert [(f.text, f.value) for f in facts] == [("Last year", None), ("May 10", "--05-10")]


def test_absolute_dates_survive_an_unknown_publication_date() -> None:
    facts = only(facts_of("In 2023, on 8 May 2024, it rose.", published=None), "date")
    assert [f.value for f in facts] == ["2023", "2024-05-08"]


# text, how the date was resolved (typed), whether its stated weekday is its own
RESOLUTIONS = [
    ("on 8 May 2025", Resolution.STATED, None),
    ("on Thursday, 8 May 2025", Resolution.STATED, True),
    ("on Friday, 8 May 2025", Resolution.STATED, False),
    ("a briefing on May 10", Resolution.YEAR_ASSUMED, None),
    ("spoke on Wednesday", Resolution.LAST_WEEKDAY, None),
    ("will meet next Tuesday", Resolution.NEXT_WEEKDAY, None),
    ("two days ago", Resolution.RELATIVE, None),
    ("last week", Resolution.RELATIVE, None),
    ("on February 30, 2025", Resolution.INVALID, None),
]


@pytest.mark.parametrize(("text", "how", "matches"), RESOLUTIONS)
def test_how_a_date_was_resolved_is_typed(text: str, how: Resolution, matches: bool | None) -> None:
    (date,) = only(facts_of(text), "date")
    assert (date.how, date.weekday_matches) == (how, matches), date.resolution
