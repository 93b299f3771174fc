"""Extract every figure of an article: scan, infer the publication date, normalise.

>>> from factcheck.ingest import document_from_text
>>> doc, facts = extract_document(document_from_text("Trade reached $245 billion in 2023."))
>>> [(f.kind, f.text, f.value) for f in facts]
[('money', '$245 billion', 245000000000), ('date', 'in 2023', '2023')]
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from factcheck.extract.scanner import scan
from factcheck.facts import Document, Fact, Mention
from factcheck.normalize import date_fact, numeric_fact, time_fact
from factcheck.pubdate import explicit_dates, infer_published
from factcheck.sentences import Sentences

__all__ = ["extract_document", "scan"]


def extract_document(doc: Document) -> tuple[Document, list[Fact]]:
    """The document (with its publication date as inferred) and its facts, in text order."""
    mentions = scan(doc.match_text)
    published = infer_published(doc, mentions)
    if published != doc.published:
        doc = dataclasses.replace(doc, published=published)
    anchors = explicit_dates(mentions)
    sentences = Sentences(doc.match_text)
    facts = [_fact(m, doc, sentences, anchors) for m in mentions]
    facts.sort(key=lambda f: (f.start, f.end, f.kind))
    return doc, facts


def _fact(m: Mention, doc: Document, sentences: Sentences, anchors: Sequence[dt.date]) -> Fact:
    bounds = sentences.around(m.start, m.end)
    source = doc.text if doc.format != "html" else doc.match_text
    sentence = " ".join(source[bounds[0] : bounds[1]].split())
    if m.kind == "date":
        return date_fact(m, doc, sentence, doc.published, anchors)
    if m.kind == "time":
        return time_fact(m, doc, sentence)
    return numeric_fact(m, doc, sentence)
