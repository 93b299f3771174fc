"""Percentages and durations."""

from __future__ import annotations

import pytest

from conftest import facts_of, only

PERCENTS = [
    ("Revenue rose 18% in the quarter.", "18%", 18, "percent", ""),
    ("Revenue rose 18 percent.", "18 percent", 18, "percent", ""),
    ("growth of 26.3 per cent", "26.3 per cent", 26.3, "percent", ""),
    ("Turnout was 67.4%.", "67.4%", 67.4, "percent", ""),
    ("up 2 percentage points", "2 percentage points", 2, "percentage point", ""),
    ("about 40 percent of voters", "about 40 percent", 40, "percent", "about"),
    ("nearly ten percent", "nearly ten percent", 10, "percent", "nearly"),
    ("The rest went to B's 47.9%.", "47.9%", 47.9, "percent", ""),
    # a share written as a fraction
    ("A quarter of the city was destroyed.", "A quarter", 25, "percent", ""),
    ("up to a fifth of the city", "up to a fifth", 20, "percent", "up to"),
    ("two-thirds of voters", "two-thirds", 66.6667, "percent", ""),
    ("Two thirds of voters", "Two thirds", 66.6667, "percent", ""),
    ("three quarters of the seats", "three quarters", 75, "percent", ""),
    ("Half of the homes were lost.", "Half", 50, "percent", ""),
    ("almost a quarter of the budget", "almost a quarter", 25, "percent", "nearly"),
    # a range, with the unit written twice
    (
        "a range of 3.7 percent to 3.9 percent",
        "3.7 percent to 3.9 percent",
        3.8,
        "percent",
        "range",
    ),
    ("between 3.7% and 3.9%", "3.7% and 3.9%", 3.8, "percent", "range"),
]


# a change and the level it reached, or a level before and after: two figures, not a range
PERCENT_PAIRS = [
    ("Inflation rose 0.3% to 3.5%.", ["0.3%", "3.5%"]),
    ("The rate fell from 3.9% to 3.8%.", ["3.9%", "3.8%"]),
    ("Milei won 55.7% to 44.3% for Massa.", ["55.7%", "44.3%"]),
]


@pytest.mark.parametrize(("text", "spans"), PERCENT_PAIRS)
def test_two_percents_that_are_no_range(text: str, spans: list[str]) -> None:
    assert [f.text for f in only(facts_of(text), "percent")] == spans


NOT_PERCENTS = [
    "a 5G network",
    "the percent sign",
    "per cent of nothing",
    "COVID-19 percent",
    # a fraction of one thing is no share; an ordinal is no fraction
    "a quarter of an hour",
    "half of a million",
    # a part of a span of time, not a share
    "in the second half of 2023",
    "half of 2023",
    "a quarter of the season",
    "the first half of the match",
    "his third of the evening",
    "in the first quarter of 2024",
    "two-third of voters",
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "qualifier"), PERCENTS)
def test_percent(text: str, span: str, value: float, unit: str, qualifier: str) -> None:
    found = only(facts_of(text), "percent")
    assert [(f.text, f.unit, f.qualifier) for f in found] == [(span, unit, qualifier)]
    assert found[0].value == pytest.approx(value, rel=1e-5)


@pytest.mark.parametrize("text", NOT_PERCENTS)
def test_not_a_percent(text: str) -> None:
    assert only(facts_of(text), "percent") == []


DURATIONS = [
    ("a two-day visit", "two-day", 2, "day", ""),
    # mixed numbers
    ("a sentence of 6 1/2 years", "6 1/2 years", 6.5, "year", ""),
    ("no more than 5-1/4 years", "no more than 5-1/4 years", 5.25, "year", "up to"),
    ("six and a half years in prison", "six and a half years", 6.5, "year", ""),
    ("the 2 1/2-hour meeting", "2 1/2-hour", 2.5, "hour", ""),
    ("three days of mourning", "three days", 3, "day", ""),
    ("nearly ten-hour-long discussions", "nearly ten-hour-long", 10, "hour", "nearly"),
    ("reunited after a decade", "a decade", 10, "year", ""),
    ("Over the past decade, ties grew.", "the past decade", 10, "year", ""),
    ("talks lasted nearly nine hours", "nearly nine hours", 9, "hour", "nearly"),
    ("half a century of rule", "half a century", 50, "year", ""),
    ("a 48-hour ceasefire", "48-hour", 48, "hour", ""),
    ("for three weeks", "three weeks", 3, "week", ""),
    # an article for the number: "an hour", "half an hour", "less than a day"
    ("the jury took less than an hour", "less than an hour", 1, "hour", "less than"),
    ("waves came about half an hour later", "about half an hour", 0.5, "hour", "about"),
    ("the meeting took an hour and a half", "an hour and a half", 1.5, "hour", ""),
    ("the talks lasted a week", "a week", 1, "week", ""),
    ("it took less than a day", "less than a day", 1, "day", "less than"),
]

NOT_DURATIONS = [
    "for decades",
    "one day, we will win",
    "the 21st century",
    "a 45-year-old man",
    "for 15 consecutive years",
    # a rate, not a length of time
    "he visits twice a week",
    "it pays $5 an hour",
    "the ship made 40 km an hour",
    # "a day" without a hedge is rarely a length of time
    "on a day like this",
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "qualifier"), DURATIONS)
def test_duration(text: str, span: str, value: float, unit: str, qualifier: str) -> None:
    found = only(facts_of(text), "duration")
    assert [(f.text, f.unit, f.qualifier) for f in found] == [(span, unit, qualifier)]
    assert found[0].value == pytest.approx(value)


@pytest.mark.parametrize("text", NOT_DURATIONS)
def test_not_a_duration(text: str) -> None:
    assert only(facts_of(text), "duration") == []


def test_a_rate_after_a_duration_is_not_another() -> None:
    found = only(facts_of("Staff work 24 hours a day."), "duration")
    assert [f.text for f in found] == ["24 hours"]


def test_ago_is_a_duration_and_a_date() -> None:
    facts = facts_of("Six years ago, the plant closed.")
    assert [(f.kind, f.text, f.value) for f in facts] == [
        ("date", "Six years ago", "2019"),
        ("duration", "Six years ago", 6),
    ]


def test_age_is_a_count() -> None:
    (fact,) = facts_of("a 45-year-old man")
    assert (fact.kind, fact.value, fact.unit) == ("count", 45, "age")
