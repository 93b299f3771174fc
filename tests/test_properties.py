"""Property-based tests: no text crashes the extractor, and every span is exact."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import facts_of
from factcheck.api import extract_text
from factcheck.facts import KINDS
from factcheck.ingest import document_from_text

#: pieces of news text that reach every extractor path
PIECES = [
    "$",
    "US$",
    "€",
    "£",
    "¥",
    "245",
    "244.8",
    "41,300",
    "1-2",
    "2023",
    "2025-05-08",
    "11th",
    " billion",
    " bn",
    " million",
    " trillion yuan",
    " rubles",
    "%",
    " percent",
    " per cent",
    " percentage points",
    "May",
    "March",
    "Thursday",
    "Monday, ",
    " 20th",
    " to 22nd",
    "-day",
    "-hour-long",
    " years ago",
    " decades ago",
    " consecutive years",
    "last year",
    "next year",
    "this year",
    "earlier this month",
    "yesterday",
    "the day before ",
    "a decade",
    "the past ",
    "more than ",
    "over ",
    "nearly ",
    "about ",
    "at least ",
    "up to ",
    "a record ",
    "one of the",
    "twenty-one",
    "a dozen",
    "fourth such",
    "the two",
    " agreements",
    " people",
    " killed",
    " of the ",
    "G20",
    "COVID-19",
    "Pre-2030",
    "21st-century",
    "Second World War",
    "\n",
    ". ",
    ", ",
    " ",
    "“",
    "”",
    "’",
    "—",
    "\u00a0",
    "(",
    ")",
    "-",
    "/",
    ":",
    "ago",
    "since ",
    "in ",
]

news_like = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
published = st.one_of(
    st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
)


def _check(text: str, day: dt.date | None) -> None:
    for fact in facts_of(text, published=day):
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start : fact.end] == fact.text
        assert fact.kind in KINDS
        if fact.kind == "date":
            assert fact.value is None or isinstance(fact.value, str)
        else:
            assert isinstance(fact.value, int | float)
            if fact.low is not None and fact.high is not None:
                assert fact.low <= fact.high


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=st.text(max_size=300), day=published)
def test_arbitrary_text_never_crashes(text: str, day: dt.date | None) -> None:
    _check(text, day)


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(text=news_like, day=published)
def test_news_like_text_never_crashes(text: str, day: dt.date | None) -> None:
    _check(text, day)


@settings(max_examples=50, deadline=None)
@given(text=st.text(max_size=200))
def test_match_text_keeps_offsets(text: str) -> None:
    doc = document_from_text(text)
    assert len(doc.match_text) == len(doc.text)


def test_extract_text_api() -> None:
    facts = extract_text("Turnout was 67.4% on May 8, 2025.")
    assert [(f.kind, f.value) for f in facts] == [("percent", 67.4), ("date", "2025-05-08")]
