"""When was a source published? Front matter, else a dateline, else inference.

Inference uses only what the article states: its latest explicit full date
(a report is written on or after the dates it reports), a weekday written
with a month and day (``Monday, March 20th`` fits only certain years: the
latest after a year the text states, never without one), and
``Nth anniversary`` of a year stated in the same sentence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from factcheck.extract._lexicon import CAPTION_VERBS, MONTHS
from factcheck.extract.dates import MONTH_NAMES
from factcheck.facts import DateSpec, Document, Mention, Published
from factcheck.sentences import Sentences

# Each capitalised word is read whole (possessive ``*+``): with the space
# after it optional, "WASHINGTON" could otherwise be split into up to four
# "words" in every possible way, and an all-capitals line of a few hundred
# characters took minutes. Splitting a word never allows a match, so the
# matches are the same.
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?:(?:[A-Z][A-Za-z.'-]*+[ \t]?){1,4}"
    r"(?:,[ \t]*(?:[A-Z][A-Za-z.'-]*+[ \t]?){1,4}){0,2},"
    r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*,?[ \t]*)?"
    r"|(?:Published|Posted|Updated|Last updated|Date|First published)(?:[ \t]+on)?:?[ \t]*)"
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
    r"(?P<m>" + MONTH_NAMES + r")\.?[ \t]+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?[ \t]+(?P<y>\d{4})"
)

#: only the head of an article can hold its dateline
DATELINE_WINDOW = 600

#: a photo caption: a name, a verb in the present tense of what the picture shows, and the
#: day it was taken ("Tim Cook listens during a program ... on Nov. 17, 2023"): the day of
#: the photo, not of the article
_CAPTION = re.compile(
    r"[ \t]*(?:[A-Z][\w.'’-]*[ \t]+){1,6}?(?:"
    + "|".join(CAPTION_VERBS)
    + r")\b[^\n]*\b(?:on|in)[ \t]+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"
    + MONTH_NAMES
    + r"\.?[ \t]+[0-3]?\d"
)


def _full_date(spec: DateSpec) -> dt.date | None:
    if spec.is_relative or spec.year is None or spec.month is None or spec.day is None:
        return None
    try:
        return dt.date(spec.year, spec.month, spec.end_day or spec.day)
    except ValueError:
        return None


def explicit_dates(mentions: Sequence[Mention]) -> list[dt.date]:
    """The full calendar dates an article states (``May 8, 2025``)."""
    out = []
    for m in mentions:
        if m.kind == "date" and m.date is not None:
            day = _full_date(m.date)
            if day is not None:
                out.append(day)
    return out


def _dateline(doc: Document) -> Published | None:
    head = doc.match_text[:DATELINE_WINDOW]
    m = _DATELINE.search(head)
    if m is None:
        return None
    try:
        day = dt.date(int(m.group("y")), MONTHS[m.group("m")], int(m.group("d")))
    except ValueError:
        return None
    evidence = doc.text[m.start() : m.end()].strip()
    return Published(day, "day", "dateline", evidence, span=(m.start(), m.end()))


#: "the quarter ended Dec 30, 2023": the end of a reporting period, long before the report
_PERIOD_END_BEFORE = re.compile(r"\b(?:ended|ending|ends)[ \t]+(?:on[ \t]+)?$", re.IGNORECASE)


def _in_caption(text: str, bounds: Sentences, m: Mention) -> bool:
    """True when the date is the day of a photo its caption tells of."""
    lo, hi = bounds.around(m.start, m.end)
    return _CAPTION.match(text, lo, hi) is not None


def _weekday_years(spec: DateSpec, lowest: int, today: dt.date) -> list[int]:
    assert spec.month is not None
    assert spec.day is not None
    assert spec.weekday is not None
    years = []
    for year in range(today.year, max(lowest, today.year - 40) - 1, -1):
        try:
            day = dt.date(year, spec.month, spec.day)
        except ValueError:
            continue
        if day.weekday() == spec.weekday and day <= today:
            years.append(year)
    return years


def infer_published(
    doc: Document, mentions: Sequence[Mention], today: dt.date | None = None
) -> Published:
    """The publication date of ``doc``: as stated, else from its dateline, else inferred."""
    if doc.published.method != "unknown":
        return doc.published
    line = _dateline(doc)
    if line is not None:
        return line
    today = today or dt.date.today()
    text = doc.text
    bounds = Sentences(doc.match_text)
    full = [
        (day, m)
        for m in mentions
        if m.kind == "date" and m.date is not None
        for day in [_full_date(m.date)]
        if day is not None
        and day <= today
        and not _in_caption(doc.match_text, bounds, m)
        and not _PERIOD_END_BEFORE.search(doc.match_text, max(0, m.start - 16), m.start)
    ]
    if full:
        day, m = max(full, key=lambda pair: pair[0])
        return Published(
            day, "day", "inferred", f"latest full date in the text: {text[m.start : m.end]!r}"
        )
    stated_years = [
        m.date.year for m in mentions if m.kind == "date" and m.date is not None and m.date.year
    ]
    # a weekday fits one year in about six: it dates an article only above a year the text
    # states ("Friday, May 22" alone fits 2026, 2020, 2015 ...; the corpus dates it better)
    lowest = max(stated_years, default=0)
    for m in mentions if stated_years else ():
        spec = m.date
        if m.kind != "date" or spec is None or spec.is_relative or spec.year is not None:
            continue
        if spec.weekday is None or spec.day is None or spec.month is None:
            continue
        years = _weekday_years(spec, lowest, today)
        if years:
            year = years[0]
            evidence = (
                f"{text[m.start : m.end]!r} fits {year} (latest such year, not before {lowest})"
            )
            return Published(dt.date(year, spec.month, spec.day), "day", "inferred", evidence)
    anniversary = _anniversary_year(doc, mentions, today)
    if anniversary is not None:
        return anniversary
    return Published(evidence="no date in front matter, dateline or text")


def _anniversary_year(
    doc: Document, mentions: Sequence[Mention], today: dt.date
) -> Published | None:
    """``the 80th anniversary of the 1945 victory`` puts the article in 2025."""
    sentences = Sentences(doc.match_text)
    years = [
        m
        for m in mentions
        if m.kind == "date"
        and m.date is not None
        and m.date.year
        and m.date.month is None
        and not m.date.is_relative
        and not m.date.is_range
    ]
    for m in mentions:
        if m.kind != "ordinal" or m.unit != "anniversary" or m.number is None:
            continue
        bounds = sentences.around(m.start, m.end)
        for y in years:
            if bounds[0] <= y.start < bounds[1] and y.date is not None and y.date.year:
                year = y.date.year + int(m.number)
                if year > today.year:
                    continue
                evidence = (
                    f"{doc.text[m.start : m.end]!r} of {doc.text[y.start : y.end]!r} gives {year}"
                )
                return Published(dt.date(year, 1, 1), "year", "inferred", evidence)
    return None
