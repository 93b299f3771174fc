"""Publication dates: front matter, dateline, or inferred from the text."""

from __future__ import annotations

import pytest

from factcheck.extract import extract_document
from factcheck.ingest import document_from_text

CASES = [
    # text, format, iso, granularity, method
    ("---\npublished: 2024-05-15\n---\nIt rose 5%.", "md", "2024-05-15", "day", "front-matter"),
    ("---\npublished: 2024-05\n---\nIt rose 5%.", "md", "2024-05", "month", "front-matter"),
    ("BEIJING, May 15, 2024 — Trade rose 5% last year.", "txt", "2024-05-15", "day", "dateline"),
    ("MOSCOW, (Reuters) March 3, 2023 - Talks began.", "txt", "2023-03-03", "day", "dateline"),
    (
        "Headline\nPublished: September 11, 2024\nThe toll rose.",
        "txt",
        "2024-09-11",
        "day",
        "dateline",
    ),
    ("They met on May 8, 2025 and again on May 2, 2025.", "txt", "2025-05-08", "day", "inferred"),
    (
        "The visit on Monday, March 20th was the first since 2013.",
        "txt",
        "2023-03-20",
        "day",
        "inferred",
    ),
    # a weekday with no year stated anywhere fits too many years to date anything
    ("The slide struck on Friday, May 22, killing three.", "txt", None, None, "unknown"),
    ("It marks the 80th anniversary of the 1945 victory.", "txt", "2025", "year", "inferred"),
    ("Nothing here has a date.", "txt", None, None, "unknown"),
    # a photo caption's day and a reporting period's end are not the article's
    (
        "Dana Vey listens during a forum in Tarvel on Nov. 17, 2023.\nAcme reported results.",
        "txt",
        None,
        None,
        "unknown",
    ),
    ("Sales fell in the quarter ended Dec 30, 2023.", "txt", None, None, "unknown"),
    ("The council met in Tarvel on Nov. 17, 2023.", "txt", "2023-11-17", "day", "inferred"),
    (
        "Sales fell in the quarter, Acme said on Dec 30, 2023.",
        "txt",
        "2023-12-30",
        "day",
        "inferred",
    ),
]


@pytest.mark.parametrize(("text", "fmt", "iso", "granularity", "method"), CASES)
def test_publication_date(
    text: str, fmt: str, iso: str | None, granularity: str | None, method: str
) -> None:
    doc, _ = extract_document(document_from_text(text, fmt=fmt))  # type: ignore[arg-type]
    assert (doc.published.iso, doc.published.granularity, doc.published.method) == (
        iso,
        granularity,
        method,
    )
    if method != "unknown":
        assert doc.published.evidence


def test_inferred_date_resolves_relative_dates() -> None:
    _, facts = extract_document(
        document_from_text("On May 8, 2025 they met. Last year trade rose.")
    )
    assert [(f.text, f.value) for f in facts if f.kind == "date"] == [
        ("May 8, 2025", "2025-05-08"),
        ("Last year", "2024"),
    ]


def test_future_dates_do_not_date_the_article() -> None:
    doc, _ = extract_document(document_from_text("The summit is set for June 5, 2999."))
    assert doc.published.method == "unknown"
