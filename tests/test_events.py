"""Which event a source reports and when: the date of the event, not of what else it tells."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from factcheck.api import check
from factcheck.attribute import claims_of
from factcheck.events import EventDate, MainEvent, main_event, occurrences
from factcheck.extract import extract_document
from factcheck.facts import Fact, Granularity, Published
from factcheck.frames import tense_of
from factcheck.ingest import document_from_text
from factcheck.parse import DEFAULT_MODEL, parse_sentences

PUBLISHED = dt.date(2023, 9, 12)  # a Tuesday


def event_date(text: str, published: dt.date = PUBLISHED) -> str | None:
    doc = document_from_text(text)
    doc = dataclasses.replace(doc, published=Published(published, "day", "front-matter"))
    doc, facts = extract_document(doc)
    event = main_event(doc, facts, model=DEFAULT_MODEL)
    if event is None or event.date is None:
        return None
    return event.date.low


# text, the date of its main event (published Tuesday 12 September 2023)
EVENT_DATES = [
    # the event word's own date, or a clause the event is an argument of
    ("The earthquake struck on Friday, killing 2,000 people.", "2023-09-08"),
    ("Sunday's earthquake killed 2,000 people.", "2023-09-10"),
    ("Rescuers searched the rubble after the Sept. 8 earthquake.", "2023-09-08"),
    ("The floods that hit the city on Sunday swept away homes.", "2023-09-10"),
    ("The summit, which took place on Monday, ended without a deal.", "2023-09-11"),
    # a small clause with no verb of its own: what the date's verb declared the event
    ("On Monday, the agency declared the situation a health emergency.", "2023-09-11"),
    ("The agency on Monday declared the situation a public health emergency.", "2023-09-11"),
    # negative: a clause with a verb of its own is about something else
    ("The agency said on Monday that the emergency had ended.", None),
    # the date of something else told in the sentence: no date for the event
    ("Rescuers on Monday stepped up efforts to find survivors of the earthquake.", None),
    ("Thousands remained missing on Monday after the floods.", None),
    ("The election was called after the prime minister resigned in July.", None),
    ("The bodies of two workers from the collapse were recovered on Monday.", None),
    ("The storm had previously hit the coast in August.", None),
    # an event yet to come is not the one reported
    ("Hopes rose with a regional election coming up in November.", None),
    ("The election will be held on Sunday.", None),
    # a background event long before publication, or a baseline
    ("It was the deadliest earthquake since 1960.", None),
    ("The 2019 election gave the party 303 seats.", None),
    ("They last met at the summit in Bali last November.", None),
    # a company's fiscal year is not when its results came out; calling an election is
    # not holding it
    ("The fiscal 2023 results beat forecasts.", None),
    ("The 2023 results beat forecasts.", "2023-01-01"),
    ("Thursday's results for its fiscal 2024 first quarter beat forecasts.", "2023-09-07"),
    ("Voters went to the polls in the election, called by the president on June 9.", None),
    ("The election, held on Sunday, gave the party 30 seats.", "2023-09-10"),
    # a dateline is the report's date, not the event's
    ("Sept. 11 (Wire) -- The earthquake killed 2,000 people, officials said.", None),
    ("Ossa, Tarvel Pref., Sept. 11 (Wire)--The earthquake killed 73 people.", None),
    ("Ossa, Tarvel Pref., Sept. 11 (Tarvel Wire)--The earthquake killed 73 people.", None),
    # negative: a bracket after a date inside a sentence is no dateline
    ("The earthquake struck on Sept. 11 (local time) and killed 73 people.", "2023-09-11"),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_DATES)
def test_the_date_of_the_event_reported(text: str, expected: str | None) -> None:
    assert event_date(text) == expected


def test_an_undated_article_is_not_dated_by_a_year_told_after_its_lead() -> None:
    lead = "A strong earthquake struck Tarvel. Buildings fell. Roads closed. Rescuers came. "
    doc = document_from_text(lead + "In 1999, an earthquake killed 2,400 people.")
    doc, facts = extract_document(doc)
    event = main_event(doc, facts, model=DEFAULT_MODEL)
    assert event is not None
    assert event.date is None
    # in the lead, a year is what the article has
    doc, facts = extract_document(document_from_text("In 2023, an earthquake struck Tarvel."))
    event = main_event(doc, facts, model=DEFAULT_MODEL)
    assert event is not None
    assert event.date is not None
    assert event.date.low == "2023-01-01"


def test_without_a_publication_date_the_latest_date_stated_stands_for_it() -> None:
    doc = document_from_text("The 2019 election gave it 303 seats. Results came on June 4, 2024.")
    doc, facts = extract_document(doc)
    event = main_event(doc, facts, model=DEFAULT_MODEL)
    assert event is not None
    assert event.date is None  # 2019 is background to an article of June 2024


def _article(folder: Path, name: str, published: str, text: str) -> None:
    meta = f"---\npublished: {published}\n---\n" if published else ""
    (folder / f"{name}.md").write_text(f"{meta}{text}\n", encoding="utf-8")


def test_dates_a_day_apart_are_doubted(tmp_path: Path) -> None:
    # an event overnight, or in two time zones: shown only with --min-confidence
    _article(tmp_path, "a", "2023-09-12", "The earthquake struck on Sunday, killing 300 people.")
    _article(tmp_path, "b", "2023-09-12", "The earthquake struck on Monday, killing 300 people.")
    (found,) = [d for d in check([tmp_path]).discrepancies if d.rule == "FC103"]
    assert found.confidence < 0.5
    assert any("a day apart" in r for r in found.confidence_reasons)
    _article(tmp_path, "b", "2023-09-12", "The earthquake struck on Thursday, killing 300 people.")
    (found,) = [d for d in check([tmp_path]).discrepancies if d.rule == "FC103"]
    assert found.confidence == 1.0


@pytest.mark.parametrize(
    ("b", "coarse"),
    [
        # a month or a year beside a day: often another event's (an earlier visit)
        ("The president began the visit in February, meeting officials.", True),
        ("The president began the visit in 2022, meeting officials.", True),
        # two days: the two dates of one event
        ("The president began the visit on June 12, meeting officials.", False),
    ],
)
def test_a_date_only_to_its_month_beside_days_is_doubted(
    tmp_path: Path, b: str, coarse: bool
) -> None:
    _article(
        tmp_path, "a", "2023-06-25", "The president began the visit on June 20, meeting officials."
    )
    _article(
        tmp_path, "c", "2023-06-25", "The president began the visit on June 20, meeting officials."
    )
    _article(tmp_path, "b", "2023-06-25", b)
    found = [d for d in check([tmp_path]).discrepancies if d.rule == "FC103"]
    assert len(found) == 1, [d.message for d in found]
    doubted = any("month or year" in r for r in found[0].confidence_reasons)
    assert doubted == coarse
    assert (found[0].confidence < 0.5) == coarse


def test_a_running_total_of_an_undated_report_is_compared_with_nothing(tmp_path: Path) -> None:
    _article(tmp_path, "a", "", "The earthquake killed 296 people.")
    _article(tmp_path, "b", "", "The earthquake killed 632 people.")
    assert [d for d in check([tmp_path]).discrepancies if d.rule == "FC101"] == []
    # the same day: a conflict
    _article(tmp_path, "a", "2023-09-12", "The earthquake killed 296 people.")
    _article(tmp_path, "b", "2023-09-12", "The earthquake killed 632 people.")
    assert [d for d in check([tmp_path]).discrepancies if d.rule == "FC101"]


# sentence, the date, the tense of its clause
TENSES = [
    ("The company published its results on October 28.", "October 28", "past"),
    ("The results were published on October 28.", "October 28", "past"),
    ("The results, published on October 28, were good.", "October 28", "past"),
    ("The firm has paid its staff since October 28.", "October 28", "past"),
    (
        "For the latest news, view our live page for Monday, October 28.",
        "Monday, October 28",
        "not past",
    ),
    ("The company will publish its results on October 28.", "October 28", "not past"),
    ("The vote is on Thursday, March 28.", "Thursday, March 28", "not past"),
    # a start or a payment set for later, in a clause told in the past
    ("Acme announced a dividend, commencing on October 28.", "October 28", "not past"),
    ("Acme announced a dividend, due for payment on October 28.", "October 28", "not past"),
    ("Acme announced a dividend on October 28.", "October 28", "past"),
]


@pytest.mark.parametrize(("sentence", "date", "tense"), TENSES)
def test_the_tense_of_a_dated_clause(sentence: str, date: str, tense: str) -> None:
    (parse,) = parse_sentences([sentence], DEFAULT_MODEL)
    at = sentence.find(date)
    assert tense_of(parse, at, at + len(date)) == tense


def test_a_bare_weekday_on_the_others_weekday_is_doubted(tmp_path: Path) -> None:
    # "on Thursday" in an article dated months later vs a stated Thursday: its date is off
    _article(
        tmp_path, "a", "2024-03-29", "The judge sentenced him on March 28, 2024, in the trial."
    )
    _article(tmp_path, "b", "2024-11-08", "He was sentenced on Thursday in the trial.")
    found = [d for d in check([tmp_path], min_confidence=0.0).discrepancies if d.rule == "FC103"]
    assert found
    assert all(d.confidence < 0.5 for d in found)
    # a stated date on another weekday is not explained so
    _article(
        tmp_path, "a", "2024-03-29", "The judge sentenced him on March 27, 2024, in the trial."
    )
    found = [d for d in check([tmp_path], min_confidence=0.0).discrepancies if d.rule == "FC103"]
    assert found
    assert all(d.confidence == 1.0 for d in found)


def test_a_running_total_is_as_of_the_day_its_sentence_reports(tmp_path: Path) -> None:
    # Tuesday's count in Wednesday's article is not Wednesday's count
    _article(
        tmp_path,
        "a",
        "2024-03-27",
        "Six people remained missing, the agency said on Tuesday after the collapse.",
    )
    _article(tmp_path, "b", "2024-03-27", "Four people remain missing after the collapse.")
    assert [d for d in check([tmp_path]).discrepancies if d.rule == "FC101"] == []
    # told of the same day, they disagree
    _article(
        tmp_path,
        "b",
        "2024-03-27",
        "Four people remained missing, the agency said on Tuesday after the collapse.",
    )
    assert [d for d in check([tmp_path]).discrepancies if d.rule == "FC101"]


def test_a_chunk_of_articles_is_parsed_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the pre-parse reads exactly the sentences preparing each article will: none is left
    from factcheck import compare, parse
    from factcheck.events import event_words
    from factcheck.rulefile import load_rules

    vocabulary = load_rules(None).vocabulary
    words = event_words(sorted(vocabulary.events))
    texts = [
        "The earthquake struck on Friday. It killed 2,012 people in Al Haouz province.",
        "Rescuers on Sunday searched the rubble after the quake, which destroyed 300 homes.",
    ]
    items = []
    for i, text in enumerate(texts):
        doc = dataclasses.replace(
            document_from_text(text, id=f"a{i}"),
            published=Published(PUBLISHED, "day", "front-matter"),
        )
        items.append(extract_document(doc))
    parse._MEMO.clear()
    compare.parse_figure_sentences(items, vocabulary, words, DEFAULT_MODEL)

    def no_parser(model: str) -> object:
        raise AssertionError("a sentence was left to parse one by one")

    monkeypatch.setattr(parse, "load", no_parser)
    for doc, facts in items:
        compare.prepare(doc, facts, vocabulary, words, nlp_model=DEFAULT_MODEL)


def _occurrence(day: str | None) -> MainEvent:
    date = None
    if day is not None:
        fact = Fact("s", "date", day, 0, 1, day, day, day, granularity="day")
        date = EventDate("sentencing", fact, day, day, False)
    return MainEvent("s", "sentencing", 2, date)


@pytest.mark.parametrize(
    ("dated", "joins"),
    [
        # one occurrence: an undated report is of it
        (["2024-03-28"], "sentencing@2024-03-28"),
        # one clearly dominates (twice the sources of the other): of that one
        (["2024-03-28", "2024-03-28", "2024-11-07"], "sentencing@2024-03-28"),
        # two of like size: of neither
        (["2024-03-28", "2024-03-28", "2024-11-07", "2024-11-07"], None),
        (["2024-03-28", "2024-11-07", "2024-11-07", "2024-11-07"], "sentencing@2024-11-07"),
    ],
)
def test_an_undated_report_joins_the_occurrence_most_sources_report(
    dated: list[str], joins: str | None
) -> None:
    events = {f"s{i}": _occurrence(day) for i, day in enumerate(dated)}
    events["undated"] = _occurrence(None)
    found = occurrences(events, dict.fromkeys(events))
    assert found.get("undated") == joins


@pytest.mark.parametrize(("granularity", "as_of"), [("day", "2023-09-12"), ("month", None)])
def test_a_running_total_is_as_of_a_day_only_when_the_day_is_known(
    granularity: Granularity, as_of: str | None
) -> None:
    doc = document_from_text("The earthquake killed 632 people.")
    doc = dataclasses.replace(doc, published=Published(PUBLISHED, granularity, "inferred"))
    doc, facts = extract_document(doc)
    (claim,) = claims_of(doc, facts, model=None)
    assert claim.as_of == as_of
