"""Dated actions: what a date says was done then (sentences written for these tests).

Each pattern is a line, with its negative cases: a saying, a recurring move, a plan,
something done by no one named, a meeting with someone else, days a week apart.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from conftest import reported, write_article
from factcheck.actions import action_claims, weekday_of
from factcheck.extract import extract_document
from factcheck.facts import Claim, Discrepancy, Published
from factcheck.ingest import document_from_text
from factcheck.parse import DEFAULT_MODEL


def actions(text: str, published: Published | None = None) -> dict[str, Claim]:
    doc = document_from_text(text)
    published = published or Published(dt.date(2025, 5, 8), "day", "front-matter")
    doc, facts = extract_document(dataclasses.replace(doc, published=published))
    return {c.fact.text: c for c in action_claims(doc, facts, None, DEFAULT_MODEL)}


@pytest.mark.parametrize(
    ("sentence", "date", "measure", "entity", "target"),
    [
        ("Governor Ana Ruiz addressed the state assembly on Tuesday.", "on Tuesday",
         "addressing", "ana ruiz", "state assembly"),
        ("During her address on Tuesday, the governor spoke of roads.", "on Tuesday",
         "addressing", None, None),
        ("Storm Halvar made landfall on Korsholm Island late Monday morning.", "Monday",
         "landfall", "halvar", None),
        ("On Monday, Storm Halvar surged across the bay and made landfall.", "Monday",
         "landfall", "storm halvar", None),
        ("Premier Osei met Lina Marsh in Dunmore on Wednesday.", "on Wednesday",
         "meeting", "premier osei", "lina marsh"),
        ("On Tuesday, Premier Osei met with Lina Marsh.", "Tuesday",
         "meeting", "premier osei", "lina marsh"),
        ("Premier Osei held talks with the mayor on May 6.", "May 6",
         "meeting", "premier osei", None),
    ],
)  # fmt: skip
def test_a_date_dates_an_action(
    sentence: str, date: str, measure: str, entity: str | None, target: str | None
) -> None:
    claim = actions(sentence)[date]
    assert claim.fact.kind == "date"
    assert claim.metric == measure
    assert (claim.frame.entity.key if claim.frame.entity else None) == entity
    assert (claim.frame.predicate.key if claim.frame.predicate else None) == target


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said on Tuesday that the bridge was closed.",  # a saying
        "Shares of Halberd rose on Monday.",  # a move that recurs day after day
        "Premier Osei will meet Lina Marsh on Friday.",  # yet to come
        "A man died on Tuesday after the storm.",  # done by no one named
        "Premier Osei has not met Lina Marsh since Monday.",  # since: before it, not when
        "The storm hit the coast on Monday.",  # no one named does it
    ],
)
def test_no_action_dated(sentence: str) -> None:
    assert actions(sentence) == {}


def test_a_weekday_in_an_undated_article_is_kept_by_its_weekday() -> None:
    found = actions("Premier Osei met Lina Marsh on Saturday.", Published())
    (claim,) = found.values()
    assert claim.fact.low is None
    assert weekday_of(claim.fact) == 5


def test_a_day_counted_from_an_inferred_date_without_a_weekday_is_no_claim() -> None:
    # "yesterday" in an article whose day was only inferred says neither a day nor a weekday
    inferred = Published(dt.date(2025, 5, 8), "day", "inferred")
    assert actions("Premier Osei met Lina Marsh in Dunmore yesterday.", inferred) == {}
    (claim,) = actions("Premier Osei met Lina Marsh in Dunmore on Tuesday.", inferred).values()
    assert weekday_of(claim.fact) == 1


def _write(folder: Path, name: str, text: str, published: str | None = "2025-05-08") -> None:
    write_article(folder, name, text, published)


def _fc104(folder: Path) -> list[Discrepancy]:
    return reported(folder, "FC104")


@pytest.mark.parametrize(
    ("a", "b", "reported"),
    [
        # the same address, two days
        ("Governor Ana Ruiz addressed the assembly on Tuesday, May 6.",
         "Governor Ana Ruiz addressed the assembly on Wednesday, May 7.", True),
        # the same day, told as a weekday and as a date
        ("Governor Ana Ruiz addressed the assembly on Tuesday, May 6.",
         "Ruiz addressed the assembly on Tuesday.", False),
        # two meetings with two people
        ("Premier Osei met Lina Marsh on Tuesday, May 6.",
         "Premier Osei met Tomas Vey on Wednesday, May 7.", False),
        # talks with no one named are not a meeting with Lina Marsh
        ("Premier Osei met Lina Marsh on Tuesday, May 6.",
         "Premier Osei arrived for talks on Wednesday, May 7.", False),
        # a year apart: two occurrences
        ("Governor Ana Ruiz addressed the assembly on May 6, 2025.",
         "Governor Ana Ruiz addressed the assembly on May 6, 2024.", False),
    ],
)  # fmt: skip
def test_action_dates_compared(tmp_path: Path, a: str, b: str, reported: bool) -> None:
    _write(tmp_path, "a", a)
    _write(tmp_path, "b", b)
    assert bool(_fc104(tmp_path)) is reported


def test_weekdays_compared_without_a_publication_date(tmp_path: Path) -> None:
    _write(tmp_path, "a", "Premier Osei met Lina Marsh in Dunmore on Saturday.", None)
    _write(tmp_path, "b", "Premier Osei met Lina Marsh in Dunmore on Sunday, May 4, 2025.")
    _write(tmp_path, "c", "Premier Osei met Lina Marsh in Dunmore on Saturday, May 3, 2025.")
    (found,) = _fc104(tmp_path)
    assert {c.source for c in found.claims} == {"a", "b", "c"}
    # "on Saturday" (undated) goes with the stated Saturday: one side, the Sunday the other
    assert "2025-05-03 (a, c)" in found.message
    assert "2025-05-04 (b)" in found.message
