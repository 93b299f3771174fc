"""The Python API: the same facts as ``factcheck extract``, and a DataFrame of them.

>>> facts = extract_text("Turnout was 67.4% on May 8, 2025.")
>>> [(f.kind, f.value) for f in facts]
[('percent', 67.4), ('date', '2025-05-08')]
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from factcheck.errors import SourceError
from factcheck.extract import extract_document
from factcheck.facts import FACT_COLUMNS, Claim, Discrepancy, Document, Fact
from factcheck.ingest import (
    MAX_BYTES,
    RawSource,
    document_from_raw,
    document_from_text,
    iter_sources,
    read_document,
    read_source,
)
from factcheck.parse import DEFAULT_MODEL

if TYPE_CHECKING:
    import pandas as pd

    from factcheck.cache import ExtractionCache, Signature
    from factcheck.compare import Prepared
    from factcheck.ruledata import Vocabulary


@dataclass(frozen=True, slots=True)
class Extraction:
    """What an extraction run produced: the sources read, their facts, the sources that failed."""

    sources: list[Document] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    errors: list[SourceError] = field(default_factory=list)

    def to_dict(self, *, facts: bool = True) -> dict[str, Any]:
        """The JSON contract of ``factcheck extract --format json``."""
        return {
            "sources": [doc.to_dict() for doc in self.sources],
            "facts": [fact.to_dict() for fact in self.facts] if facts else [],
        }

    def frame(self) -> pd.DataFrame:
        """The facts as a pandas DataFrame, one row per fact."""
        return facts_frame(self.facts)


def extract(
    paths: Sequence[str | Path],
    *,
    stdin: TextIO | None = None,
    on_error: Callable[[SourceError], None] | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> Extraction:
    """Read every article under ``paths`` (files, folders, or ``-``) and extract its facts.

    A source that cannot be read is recorded in ``errors`` (and passed to
    ``on_error``) and the others are still processed.
    """
    result = Extraction()

    def failed(error: SourceError) -> None:
        result.errors.append(error)
        if on_error is not None:
            on_error(error)

    for raw in iter_sources(paths, on_error=failed, stdin=stdin, max_bytes=max_bytes):
        doc = document_from_raw(raw)
        doc, facts = extract_document(doc)
        result.sources.append(doc)
        result.facts.extend(facts)
    return result


def extract_text(
    text: str, source: str = "-", *, fmt: Literal["txt", "md", "html"] = "txt"
) -> list[Fact]:
    """The facts of one article given as text."""
    return extract_document(document_from_text(text, id=source, path=source, fmt=fmt))[1]


def extract_file(
    path: str | Path, *, root: str | Path | None = None
) -> tuple[Document, list[Fact]]:
    """One file's document (with its publication date) and facts."""
    return extract_document(read_document(Path(path), root=Path(root) if root else None))


def facts_frame(facts: Iterable[Fact]) -> pd.DataFrame:
    """A DataFrame with one row per fact and the columns of ``FACT_COLUMNS``."""
    import pandas as pd

    rows = [{name: getattr(fact, name) for name in FACT_COLUMNS} for fact in facts]
    return pd.DataFrame(rows, columns=list(FACT_COLUMNS))


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What ``factcheck check`` found: the extraction, the claims and the discrepancies.

    ``new_sources`` is set in CI mode (``check --new``): the discrepancies are
    then only those that involve at least one of these sources.
    """

    extraction: Extraction
    claims: list[Claim]
    discrepancies: list[Discrepancy]
    new_sources: frozenset[str] | None = None
    #: reads a slim document's text again (for the line numbers of its quotes)
    reread: Callable[[Document], Document] | None = field(default=None, compare=False, repr=False)

    def to_dict(self, *, facts: bool = True) -> dict[str, Any]:
        """The JSON contract of ``factcheck check --format json``.

        Each claim also carries its file ``path`` and the 1-based ``line`` and
        ``column`` (and ``end_line``/``end_column``) of its quote, for CI
        annotations; each discrepancy a ``review`` (``unreviewed`` until a
        reviewer records a decision, see :mod:`factcheck.review`) and, in CI
        mode, ``new``. ``facts=False`` leaves the (long) list of facts empty,
        for outputs that show only the discrepancies.
        """
        out = self.extraction.to_dict(facts=facts)
        if not facts:
            out["figures"] = len(self.extraction.facts)  # counted, not listed
        docs = {doc.id: doc for doc in self.extraction.sources}
        lines: dict[str, list[int]] = {}
        found = []
        for d in self.discrepancies:
            data = d.to_dict()
            for claim in data["claims"]:
                doc = docs.get(claim["source"])
                if doc is None:
                    continue
                claim["path"] = doc.path
                if doc.id not in lines:
                    text = doc.text
                    if doc.is_slim and self.reread is not None:
                        text = self.reread(doc).text
                    lines[doc.id] = _line_starts(text)
                starts = lines[doc.id]
                claim["line"], claim["column"] = _position(starts, claim["start"])
                claim["end_line"], claim["end_column"] = _position(starts, claim["end"])
            data["review"] = {"status": "unreviewed", "note": "", "by": "", "date": ""}
            if self.new_sources is not None:
                data["new"] = True
            found.append(data)
        out["discrepancies"] = found
        return out


def check(
    paths: Sequence[str | Path],
    *,
    rules: str | Path | None = None,
    new: Sequence[str | Path] | None = None,
    cache: str | Path | None = None,
    stdin: TextIO | None = None,
    on_error: Callable[[SourceError], None] | None = None,
    warn: Callable[[str], None] | None = None,
    progress: Callable[[int], None] | None = None,
    jobs: int = 1,
    max_bytes: int | None = MAX_BYTES,
    nlp_model: str = DEFAULT_MODEL,
    min_confidence: float = 0.0,
) -> CheckResult:
    """Extract every figure under ``paths``, attribute it, and run the rules.

    ``rules`` is a folder of rule files that extends or overrides the
    built-in rules (None: the built-in rules only). ``new`` lists new or
    changed articles (files or folders): they are read too, and only the
    discrepancies that involve one of them are kept. ``cache`` is an SQLite
    file caching extraction results by content. ``jobs`` > 1 extracts in that
    many processes (same results as one); files over ``max_bytes`` are refused.
    ``nlp_model`` is the spaCy pipeline the claim frames are read with;
    discrepancies less likely to be real than ``min_confidence`` are left out.
    """
    from factcheck.cache import ExtractionCache
    from factcheck.compare import analyse, run_rules
    from factcheck.confidence import likely
    from factcheck.parse import stored
    from factcheck.rulefile import load_rules

    ruleset = load_rules(rules)
    errors: list[SourceError] = []

    def failed(error: SourceError) -> None:
        errors.append(error)
        if on_error is not None:
            on_error(error)

    _real_folder.cache_clear()  # links may have changed since the last check
    new_files = _files_under(new) if new is not None else None
    everything = list(paths)
    if new_files is not None:
        covered = _files_under(paths)  # resolved already
        everything += [p for p in sorted(new_files) if p not in covered]
    sources = iter_sources(everything, on_error=failed, stdin=stdin, max_bytes=max_bytes)
    store = ExtractionCache(cache, warn) if cache else None
    if store is not None:
        store.__enter__()
    try:
        if new_files is None:
            stream = extract_sources(
                sources,
                store,
                jobs=jobs,
                progress=progress,
                vocabulary=ruleset.vocabulary,
                nlp_model=nlp_model,
            )
            with stored(store):  # parses of unchanged sentences come from the cache too
                analysis = analyse(stream, ruleset, reread=reread, nlp_model=nlp_model)
        else:
            relevant = _relevant(list(sources), new_files, store, ruleset.vocabulary)
            with stored(store):
                analysis = analyse(relevant, ruleset, reread=reread, nlp_model=nlp_model)
    finally:
        if store is not None:
            store.__exit__(None, None, None)
    discrepancies = likely(run_rules(analysis.corpus, ruleset.enabled()), min_confidence)
    new_ids: frozenset[str] | None = None
    documents, facts = analysis.documents, analysis.facts
    if new_files is not None:
        new_ids = frozenset(d.id for d in analysis.documents if _resolved(d.path) in new_files)
        discrepancies = [d for d in discrepancies if any(c.source in new_ids for c in d.claims)]
        shown = new_ids | {c.source for d in discrepancies for c in d.claims}
        documents = [d for d in documents if d.id in shown]
        facts = [f for f in facts if f.source in shown]
    extraction = Extraction(documents, facts, errors)
    claims = list(analysis.corpus.claims)
    return CheckResult(extraction, claims, discrepancies, new_ids, reread=reread)


def reread(doc: Document) -> Document:
    """A slim document with its text read again from its file.

    Raises :class:`SourceError` when the file cannot be read, or has changed
    since it was read (its length differs, so the quotes' offsets would not hold).
    """
    if not doc.is_slim:
        return doc
    raw = read_source(Path(doc.path), max_bytes=None)
    if len(raw.text) != doc.size:
        raise SourceError(doc.path, "changed while factcheck was reading it; run again")
    full = document_from_raw(raw)
    return dataclasses.replace(doc, text=full.text, match_text=full.match_text, size=-1)


def _extract_raw(raw: RawSource) -> tuple[Document, list[Fact]]:
    """One article's extraction (top level, so that worker processes can run it)."""
    return extract_document(document_from_raw(raw))


def _extract_prepared(
    raws: Sequence[RawSource],
    vocabulary: Vocabulary,
    slim: bool = False,
    nlp_model: str = DEFAULT_MODEL,
) -> list[Prepared]:
    """Some articles' extraction and what the rules need from them, in a worker process.

    Their figure sentences are parsed in one call first (spaCy is faster on one
    large batch than on many small ones). ``slim`` sends the documents back
    without their text (when no cache needs it).
    """
    from factcheck.compare import parse_figure_sentences, prepare
    from factcheck.events import event_words

    words = event_words(sorted(vocabulary.events))
    extracted = [extract_document(document_from_raw(raw)) for raw in raws]
    parse_figure_sentences(extracted, vocabulary, words, nlp_model)
    out = []
    for doc, facts in extracted:
        prepared = prepare(doc, facts, vocabulary, words, nlp_model=nlp_model)
        out.append(dataclasses.replace(prepared, doc=doc.slim()) if slim else prepared)
    return out


def _extract_each(raws: Sequence[RawSource]) -> list[tuple[Document, list[Fact]]]:
    """Some articles' extraction (top level, so that worker processes can run it)."""
    return [_extract_raw(raw) for raw in raws]


def extract_sources(
    sources: Iterable[RawSource],
    store: ExtractionCache | None = None,
    *,
    jobs: int = 1,
    progress: Callable[[int], None] | None = None,
    batch: int = 256,
    vocabulary: Vocabulary | None = None,
    nlp_model: str = DEFAULT_MODEL,
) -> Iterator[tuple[Document, list[Fact]] | Prepared]:
    """Every article's extraction, in order, as they come: from the cache or extracted.

    With ``jobs`` > 1 the articles are extracted in that many processes, a
    batch at a time (so that only a batch is held in memory). The results are
    the same whatever ``jobs`` is: extraction is a pure function of the
    article, and the order of the articles is kept. With a ``vocabulary``, the
    workers also work out each article's claims and events (see
    :func:`factcheck.compare.prepare`), which is most of the work per article.
    """
    from factcheck.cache import cached_extraction

    if jobs <= 1:
        for i, item in enumerate(cached_extraction(sources, extract_document, store), 1):
            if progress is not None:
                progress(i)
            yield item
        return
    import functools
    from concurrent.futures import ProcessPoolExecutor

    from factcheck.compare import PARSE_CHUNK

    worker: Callable[[Sequence[RawSource]], Sequence[tuple[Document, list[Fact]] | Prepared]]
    worker = _extract_each
    if vocabulary is not None:
        worker = functools.partial(
            _extract_prepared, vocabulary=vocabulary, slim=store is None, nlp_model=nlp_model
        )
    done = 0
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for raws in _batches(sources, batch):
            results: list[tuple[Document, list[Fact]] | Prepared | None] = [
                store.get(raw) if store is not None else None for raw in raws
            ]
            missing = [i for i, hit in enumerate(results) if hit is None]
            # each task is a run of articles, parsed together; a few tasks per worker
            size = max(1, min(PARSE_CHUNK, -(-len(missing) // (jobs * 2))))
            runs = [[raws[i] for i in missing[k : k + size]] for k in range(0, len(missing), size)]
            finished: Iterator[Sequence[tuple[Document, list[Fact]] | Prepared]]
            finished = pool.map(worker, runs)
            work = (item for run in finished for item in run)
            for i, result in zip(missing, work, strict=True):
                results[i] = result
                if store is not None:
                    if isinstance(result, tuple):
                        store.put(*result)
                    else:
                        store.put(result.doc, result.facts)
            for found in results:
                assert found is not None
                done += 1
                if progress is not None:
                    progress(done)
                yield found


def _batches(items: Iterable[RawSource], size: int) -> Iterator[list[RawSource]]:
    batch: list[RawSource] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


#: a metric that more than this share of the corpus has says little about who can disagree
CROWDED_SHARE = 0.05


def _relevant(
    raws: list[RawSource],
    new_files: set[str],
    store: ExtractionCache | None,
    vocabulary: Vocabulary,
) -> list[tuple[Document, list[Fact]]]:
    """The new articles and the articles of the corpus that could disagree with them.

    An article can disagree with a new one only if one of its figures measures
    the same thing, or it reports the same event: its cached signature says so
    without reading it again. Metrics that a large share of the corpus has
    (``year``) are not enough on their own. Articles not in the cache are
    extracted (and cached) first.
    """
    from factcheck.attribute import canonical, synonym_map
    from factcheck.cache import cached_extraction, key_of, signature_of

    is_new = [_resolved(r.path) in new_files for r in raws]  # resolving costs: once each
    new_raws = [r for r, fresh in zip(raws, is_new, strict=True) if fresh]
    old_raws = [r for r, fresh in zip(raws, is_new, strict=True) if not fresh]
    new_items = list(cached_extraction(new_raws, extract_document, store))
    synonyms = synonym_map(vocabulary)

    def keys(sig: Signature) -> set[tuple[str, str]]:
        return {(kind, canonical(metric, synonyms)) for kind, metric in sig.metrics}

    wanted: set[tuple[str, str]] = set()
    events: set[str] = set()
    for doc, doc_facts in new_items:
        sig = signature_of(doc, doc_facts)
        wanted |= keys(sig)
        if sig.event:
            events.add(sig.event)
    keyed = {key_of(r): r for r in old_raws}
    sigs = store.signatures(list(keyed)) if store is not None else {}
    extracted: dict[str, tuple[Document, list[Fact]]] = {}
    for key, raw in keyed.items():
        if key not in sigs:  # not cached yet: extract it once, and remember it
            doc, doc_facts = extract_document(document_from_raw(raw))
            sigs[key] = store.put(doc, doc_facts) if store else signature_of(doc, doc_facts)
            extracted[key] = (doc, doc_facts)
    counts: dict[tuple[str, str], int] = {}
    for sig in sigs.values():
        for k in keys(sig):
            counts[k] = counts.get(k, 0) + 1
    crowded = max(20, int(len(sigs) * CROWDED_SHARE))
    useful = {k for k in wanted if counts.get(k, 0) <= crowded}
    items = list(new_items)
    for key, raw in keyed.items():
        sig = sigs[key]
        if keys(sig) & useful or (sig.event is not None and sig.event in events):
            hit = extracted.get(key) or (store.get(raw) if store is not None else None)
            items.append(hit or extract_document(document_from_raw(raw)))
    return items


def _resolved(path: str | Path) -> str:
    """The file's absolute path with its folders' links resolved (and its own, if a link).

    ``check --new`` resolves every file of the corpus two or three times: a folder is
    resolved once (``Path.resolve`` of each of 5,000 files took a second).
    """
    try:
        full = os.path.abspath(os.fspath(path))
        if os.path.islink(full):
            return os.path.realpath(full)
        folder, name = os.path.split(full)
        return os.path.join(_real_folder(folder), name)
    except (OSError, RuntimeError, ValueError):
        return str(path)


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _files_under(paths: Sequence[str | Path]) -> set[str]:
    """The resolved article files named by ``paths`` (files, or folders walked)."""
    from factcheck.ingest import SUPPORTED_SUFFIXES

    out: set[str] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for file in path.rglob("*"):
                if file.is_file() and file.suffix.lower() in SUPPORTED_SUFFIXES:
                    out.add(_resolved(file))
        elif str(p) != "-":
            out.add(_resolved(path))
    return out


def _line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    return i + 1, offset - starts[i] + 1
