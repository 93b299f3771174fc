"""Clock times: read, zoned, given to an action and compared (sentences written for these
tests). Each pattern is a line, with its negative cases."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from conftest import reported, write_article
from factcheck.actions import action_claims
from factcheck.clock import place_zone, utc_offset, zone_of
from factcheck.extract import extract_document
from factcheck.facts import Claim, Discrepancy, Fact, Published
from factcheck.ingest import document_from_text
from factcheck.parse import DEFAULT_MODEL


def times(text: str) -> list[Fact]:
    doc = document_from_text(text)
    doc = dataclasses.replace(
        doc, published=Published(dt.date(2024, 10, 10), "day", "front-matter")
    )
    return [f for f in extract_document(doc)[1] if f.kind == "time"]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "low", "high", "zone"),
    [
        ("Storm Halvar made landfall at 8:30 p.m. on the coast.", "8:30 p.m.", 1230, 1230, 1230, ""),
        ("The ferry left at 12.45am.", "12.45am", 45, 45, 45, ""),
        ("The ferry left at 12:05 AM.", "12:05 AM", 5, 5, 5, ""),
        ("The ferry left at noon and docked at 12 p.m. sharp.", "12 p.m.", 720, 690, 750, ""),
        # an hour with no minutes: half an hour either way
        ("Wednesday, 9 AM: Storm Halvar made landfall.", "9 AM", 540, 510, 570, ""),
        # a hedge: five minutes round a time of fives, fifteen round a half hour
        ("The court rose at approximately 3:50 p.m.", "3:50 p.m.", 950, 945, 955, ""),
        ("The court rose at around 3:30 p.m.", "3:30 p.m.", 930, 915, 945, ""),
        ("The court rose at about 3:37 p.m.", "3:37 p.m.", 937, 935, 939, ""),
        ("Jurors left shortly after 3:30 p.m.", "3:30 p.m.", 930, 930, 940, ""),
        ("Jurors left just before 4 p.m.", "4 p.m.", 960, 940, 960, ""),
        # zones: an abbreviation, a name, a place's time, local time
        ("Storm Halvar made landfall at 1:25 a.m. CDT.", "1:25 a.m. CDT", 85, 85, 85, "-05:00"),
        ("Storm Halvar made landfall at 1:25 a.m. Eastern.", "1:25 a.m. Eastern", 85, 85, 85,
         "America/New_York"),
        ("The quake struck at 7:58 a.m. (Beijing Time).", "7:58 a.m. (Beijing Time)", 478, 478,
         478, "Asia/Shanghai"),
        ("The quake struck at 7:58 a.m. Wednesday (Tokyo time).", "7:58 a.m.", 478, 478, 478,
         "Asia/Tokyo"),
        ("The polls shut at 6:00 p.m. local time.", "6:00 p.m. local time", 1080, 1080, 1080,
         "local"),
        ("The quake struck at 11:11 pm (2211 GMT).", "2211 GMT", 1331, 1331, 1331, "+00:00"),
        # 24 hours, after a word that says a time follows or before a zone
        ("The plane landed at 15:40 in Lyon.", "15:40", 940, 940, 940, ""),
        ("Results come between 03:00-04:00 GMT.", "03:00-04:00 GMT", 180, 180, 240, "+00:00"),
        ("Counting ran between 8 a.m. and 4 p.m. across the state.", "8 a.m. and 4 p.m.", 480,
         480, 960, ""),
        # a bound is open on one side
        ("The jury had decided by 6:41 p.m.", "6:41 p.m.", 1121, None, 1121, ""),
        # a time told by its word, after a word that says a time is meant
        ("Gusts peaked around midnight.", "midnight", 0, -15, 15, ""),
        ("The quake struck just before midnight.", "midnight", 0, -10, 0, ""),
        ("The ministers met at noon.", "noon", 720, 720, 720, ""),
        ("The ministers met at noon (GMT).", "noon (GMT)", 720, 720, 720, "+00:00"),
    ],
)  # fmt: skip
def test_a_clock_time_is_read(
    sentence: str, text: str, value: int, low: int | None, high: int | None, zone: str
) -> None:
    found = {f.text: f for f in times(sentence)}
    fact = found[text]
    assert (fact.value, fact.low, fact.high, fact.unit) == (value, low, high, zone)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rovers scored with 5:15 left on the clock.",  # a game clock
        "He read John 3:16 aloud.",  # a verse
        "The drive took 4:51 and ended in a field goal.",  # elapsed, no word of a time
        "Ratios of 3:2 were common.",
        "I am sure the 5 amendments pass.",  # "am" as a word
        "Maria ran 2:03 in the heat.",
        "The deadline is midnight.",  # a deadline's word
        "Midnight Oil played a set.",  # a name's
        "Noon was hot.",
    ],
)
def test_not_a_clock_time(sentence: str) -> None:
    assert times(sentence) == []


def test_two_times_joined_by_and_are_two() -> None:
    found = times("Voting began at 8 a.m. and ended at 4 p.m.")
    assert [(f.text, f.value) for f in found] == [("8 a.m.", 480), ("4 p.m.", 960)]


@pytest.mark.parametrize(
    ("words", "zone"),
    [("ET", "America/New_York"), ("GMT", "+00:00"), ("local time", "local"),
     ("Beijing Time", "Asia/Shanghai"), ("Pacific Daylight Time", "-07:00"),
     ("Flemish time", "flemish time"), ("et", ""), ("Wednesday", "")],
)  # fmt: skip
def test_zone_of(words: str, zone: str) -> None:
    assert zone_of(words) == zone


@pytest.mark.parametrize(
    ("zone", "day", "offset"),
    [("America/New_York", dt.date(2023, 10, 25), -240), ("America/New_York", dt.date(2024, 1, 9), -300),
     ("+05:30", None, 330), ("-05:00", None, -300), ("America/New_York", None, None),
     ("local", dt.date(2024, 1, 9), None), ("flemish time", None, None), ("Mars/Olympus", dt.date(2024, 1, 9), None)],
)  # fmt: skip
def test_utc_offset(zone: str, day: dt.date | None, offset: int | None) -> None:
    assert utc_offset(zone, day) == offset


def timed(text: str) -> dict[str, Claim]:
    doc = document_from_text(text)
    published = Published(dt.date(2024, 10, 10), "day", "front-matter")
    doc, facts = extract_document(dataclasses.replace(doc, published=published))
    found = action_claims(doc, facts, None, DEFAULT_MODEL)
    return {c.fact.text: c for c in found if c.fact.kind == "time"}


@pytest.mark.parametrize(
    ("sentence", "time", "measure", "entity"),
    [
        ("Storm Halvar made landfall at 8:30 p.m. near Korsholm.", "8:30 p.m.", "landfall",
         "halvar"),
        # the parser misreads "a.m. Eastern" and "9 AM:": the time is read as a plain noun
        ("Halvar strengthened for hours before it made landfall at 1:25 a.m. Eastern.",
         "1:25 a.m. Eastern", "landfall", "halvar"),
        ("Wednesday, 9 AM: Storm Halvar made landfall near Korsholm.", "9 AM", "landfall",
         "halvar"),
        # a light verb's object misparsed as a clause
        ("Halvar made landfall some 5 miles south of Korsholm around 1:25 a.m. CDT.",
         "1:25 a.m. CDT", "landfall", "halvar"),
        # a timeline's present tense tells the past
        ("12:39 a.m. - The ship, named Orla, departs the terminal.", "12:39 a.m.", "departing",
         "ship"),
        # done by what its subject names, for a moment of a day
        ("The jury began deliberating at 3:36 p.m. on Thursday.", "3:36 p.m.", "deliberating",
         "jury"),
        # a conversion in brackets is the same action
        ("Halvar made landfall at 1:25 a.m. local time (6:25 a.m. UTC).", "6:25 a.m. UTC",
         "landfall", "halvar"),
    ],
)  # fmt: skip
def test_a_time_dates_an_action(sentence: str, time: str, measure: str, entity: str) -> None:
    claim = timed(sentence)[time]
    assert claim.metric == measure
    assert claim.frame.entity is not None
    assert claim.frame.entity.key == entity


@pytest.mark.parametrize(
    "sentence",
    [
        "A man died at 3:10 a.m. near the pier.",  # one of many
        "Two people died at 3:10 a.m. near the pier.",
        "Storm Halvar will make landfall at 8:30 p.m.",  # yet to come
        "The jury had reached its verdict by 6:41 p.m.",  # a bound
        "Officials said at 4:30 p.m. that the bridge was closed.",  # a saying
        "Some 33,300 homes were without power as of 3:35 p.m.",  # a status, not an action
    ],
)
def test_no_action_timed(sentence: str) -> None:
    assert timed(sentence) == {}


def _write(folder: Path, name: str, text: str, published: str | None = "2024-10-10") -> None:
    write_article(folder, name, text, published)


def _fc105(folder: Path) -> list[Discrepancy]:
    return reported(folder, "FC105")


@pytest.mark.parametrize(
    ("a", "b", "reported"),
    [
        ("Storm Halvar made landfall at 8:30 p.m. near Korsholm.",
         "Storm Halvar made landfall at 9 a.m. near Korsholm.", True),
        ("Storm Halvar made landfall at 8:30 p.m. near Korsholm.",
         "Storm Halvar made landfall around 8:30 p.m. near Korsholm.", False),
        # within a hedge
        ("Storm Halvar made landfall at 8:35 p.m. near Korsholm.",
         "Storm Halvar made landfall around 8:30 p.m. near Korsholm.", False),
        # an hour stated alone is half an hour either way
        ("Storm Halvar made landfall at 8:20 p.m. near Korsholm.",
         "Storm Halvar made landfall at 8 p.m. near Korsholm.", False),
        # two precise times
        ("Storm Halvar made landfall at 8:39 p.m. near Korsholm.",
         "Storm Halvar made landfall at 8:45 p.m. near Korsholm.", True),
        # zones of known offset, in UTC (EDT in October)
        ("Storm Halvar made landfall at 1:25 a.m. CDT.",
         "Storm Halvar made landfall at 6:25 a.m. UTC.", False),
        ("Storm Halvar made landfall at 1:25 a.m. CDT.",
         "Storm Halvar made landfall at 1:25 a.m. ET.", True),
        # a local time is never compared with a zoned one
        ("Storm Halvar made landfall at 12:25 a.m. local time.",
         "Storm Halvar made landfall at 6:25 a.m. UTC.", False),
        # across midnight
        ("Storm Halvar made landfall at 11:55 p.m. near Korsholm.",
         "Storm Halvar made landfall around 12:00 a.m. near Korsholm.", False),
        # two actors, two actions
        ("Storm Halvar made landfall at 8:30 p.m. near Korsholm.",
         "Storm Ivo made landfall at 9 a.m. near Korsholm.", False),
        ("The ferry Orla departed at 8:30 p.m. from Korsholm.",
         "The ferry Orla arrived at 9 a.m. in Korsholm.", False),
        # a bound is not a moment
        ("The jury reached its verdict by 6:41 p.m. on Thursday.",
         "The jury reached its verdict around 6:50 p.m. on Thursday.", False),
        # other days, other occurrences
        ("The jury resumed deliberating at 9 a.m. on Thursday, Oct. 9.",
         "The jury resumed deliberating at 10:30 a.m. on Friday, Oct. 10.", False),
    ],
)  # fmt: skip
def test_action_times_compared(tmp_path: Path, a: str, b: str, reported: bool) -> None:
    _write(tmp_path, "a", a)
    _write(tmp_path, "b", b)
    assert bool(_fc105(tmp_path)) is reported


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        # Mexico is UTC-6: 1:25 a.m. there is 7:25 a.m. UTC, not 6:25
        ("Storm Halvar made landfall on the coast of Mexico at 1:25 a.m. local time "
         "(6:25 a.m. UTC) on Wednesday, Oct. 25, 2023.", True),
        ("Storm Halvar made landfall on the coast of Mexico at 12:25 a.m. local time "
         "(6:25 a.m. UTC) on Wednesday, Oct. 25, 2023.", False),
        # no place a zone is known for: the local time is not converted
        ("Storm Halvar made landfall on the coast of Korsholm at 1:25 a.m. local time "
         "(6:25 a.m. UTC) on Wednesday, Oct. 25, 2023.", False),
        # places of two zones: neither is the local time's
        ("Storm Halvar made landfall between Mexico and Texas at 1:25 a.m. local time "
         "(6:25 a.m. UTC) on Wednesday, Oct. 25, 2023.", False),
    ],
)  # fmt: skip
def test_a_local_time_is_its_places(tmp_path: Path, text: str, reported: bool) -> None:
    _write(tmp_path, "a", text, "2023-10-25")
    assert bool(_fc105(tmp_path)) is reported


@pytest.mark.parametrize(
    ("sentence", "zone"),
    [("Lai spoke in Taipei at 8:30 p.m.", "Asia/Taipei"), ("Talks in the UK ended.", "Europe/London"),
     ("From Paris to Tokyo in a day.", None), ("A French official spoke.", None),
     ("The uk team won.", None), ("Nothing here.", None)],
)  # fmt: skip
def test_place_zone(sentence: str, zone: str | None) -> None:
    assert place_zone(sentence) == zone


def test_a_time_without_a_day_takes_the_day_of_the_others(tmp_path: Path) -> None:
    # "ET" needs a day for its offset: the undated article's is the others'
    _write(tmp_path, "a", "Storm Halvar made landfall at 1:25 a.m. CDT.", "2023-10-25")
    _write(tmp_path, "b", "Storm Halvar made landfall at 1:25 a.m. Eastern.", None)
    (found,) = _fc105(tmp_path)
    assert {c.source for c in found.claims} == {"a", "b"}
    assert "1:25 a.m. CDT by a but 1:25 a.m. Eastern by b" in found.message
