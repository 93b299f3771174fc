from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from factcheck.api import check
from factcheck.extract import extract_document
from factcheck.facts import Discrepancy, Fact, Published
from factcheck.ingest import document_from_text

# CI runs the property tests on a fixed set of examples, so that a run is reproducible;
# local runs keep exploring new random examples.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "sources"

#: the publication date the table-driven tests resolve against (a Thursday)
PUBLISHED = dt.date(2025, 5, 8)


def facts_of(text: str, published: dt.date | None = PUBLISHED) -> list[Fact]:
    """Every fact of ``text``, as an article published on ``published``."""
    doc = document_from_text(text)
    if published is not None:
        doc = dataclasses.replace(doc, published=Published(published, "day", "front-matter", ""))
    return extract_document(doc)[1]


def write_article(folder: Path, name: str, text: str, published: str | None) -> None:
    """``folder/name.md``: ``text`` with its publication date in front matter (None: none)."""
    head = f"---\npublished: {published}\n---\n" if published else ""
    (folder / f"{name}.md").write_text(f"{head}{text}\n", "utf-8")


def reported(folder: Path, rule: str) -> list[Discrepancy]:
    """What ``rule`` reports over ``folder``, at any confidence."""
    return [d for d in check([folder], min_confidence=0.0).discrepancies if d.rule == rule]


def only(facts: list[Fact], kind: str) -> list[Fact]:
    return [f for f in facts if f.kind == kind]


@pytest.fixture
def sources() -> Path:
    return SOURCES
