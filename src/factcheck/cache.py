"""A disposable cache of extraction results and sentence parses, in an embedded SQLite database.

Keyed by a hash of the article's text, its id, path and format, and the code
version of the extraction stages, so that a run over thousands of unchanged
articles only re-extracts what changed. Deleting the file changes nothing
but speed; a corrupt file is rebuilt with a warning. Writes are transactions
and SQLite's own locking lets two factcheck processes share the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.facts import Document, Fact, Published, Resolution
from factcheck.ingest import RawSource, document_from_raw
from factcheck.parse import Parse, pipeline_version

#: the modules whose code decides what is extracted: any change invalidates the cache
_STAGES = (
    "ingest.py",
    "textnorm.py",
    "furniture.py",
    "_furniture_data.py",
    "normalize.py",
    "pubdate.py",
    "sentences.py",
    "dateparse.py",
    "facts.py",
    "attribute.py",
    "events.py",
    "extract",
    "data/units.yaml",  # the unit words quantities are read with
)
SCHEMA = 4


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """A digest of the extraction code itself (so no version bump can be forgotten)."""
    root = Path(__file__).parent
    digest = hashlib.sha256(f"schema {SCHEMA}".encode())
    for name in _STAGES:
        path = root / name
        files = sorted(path.glob("*.py")) if path.is_dir() else [path]
        for file in files:
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def key_of(doc: Document | RawSource) -> str:
    """The cache key of an article: its text, id, path and format, and the code version."""
    fmt = doc.format
    digest = hashlib.sha256()
    for part in (code_version(), doc.id, doc.path, fmt):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(doc.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Signature:
    """What an article's figures measure and the event it reports (before any vocabulary).

    Enough to tell, without reading the article again, whether it can
    disagree with a new one: ``check --new`` compares a new article only with
    the articles whose signature shares a metric or the event.
    """

    metrics: frozenset[tuple[str, str]]
    event: str | None

    def to_json(self) -> dict[str, Any]:
        return {"metrics": sorted(self.metrics), "event": self.event}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Signature:
        return cls(frozenset((k, m) for k, m in data["metrics"]), data["event"])


def signature_of(doc: Document, facts: list[Fact]) -> Signature:
    from factcheck.attribute import claims_of
    from factcheck.events import main_event

    metrics = frozenset((c.fact.kind, c.metric) for c in claims_of(doc, facts, model=None))
    event = main_event(doc, facts)
    return Signature(metrics, event.key if event is not None else None)


def _published_dict(p: Published) -> dict[str, Any]:
    return {
        "date": p.date.isoformat() if p.date else None,
        "granularity": p.granularity,
        "method": p.method,
        "evidence": p.evidence,
        "span": list(p.span) if p.span else None,
    }


def _published(d: dict[str, Any]) -> Published:
    return Published(
        date=dt.date.fromisoformat(d["date"]) if d["date"] else None,
        granularity=d["granularity"],
        method=d["method"],
        evidence=d["evidence"],
        span=(d["span"][0], d["span"][1]) if d["span"] else None,
    )


def encode(doc: Document, facts: list[Fact], signature: Signature) -> str:
    return json.dumps(
        {
            "signature": signature.to_json(),
            "published": _published_dict(doc.published),
            "match_text": doc.match_text,
            "title": doc.title,
            "outlet": doc.outlet,
            "url": doc.url,
            "meta": doc.to_dict()["meta"],
            "warnings": list(doc.warnings),
            "facts": [dataclasses.astuple(f) for f in facts],
        },
        ensure_ascii=False,
    )


def decode(raw: Document | RawSource, payload: str) -> tuple[Document, list[Fact]]:
    """The cached result for ``raw`` (whose text the key was made from)."""
    data = json.loads(payload)
    cached = Document(
        id=raw.id,
        path=raw.path,
        text=raw.text,
        match_text=data["match_text"],
        format=raw.format,
        title=data["title"],
        outlet=data["outlet"],
        url=data["url"],
        meta=data["meta"],
        warnings=tuple(data["warnings"]),
        published=_published(data["published"]),
    )
    facts = [Fact(*row) for row in data["facts"]]
    # JSON keeps an enum as its text: the typed resolution is restored
    return cached, [dataclasses.replace(f, how=Resolution(f.how)) for f in facts]


class ExtractionCache:
    """``with ExtractionCache(path, warn) as cache: cache.get(doc) / cache.put(doc, facts)``."""

    def __init__(self, path: str | Path, warn: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.warn = warn or (lambda message: None)
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str, Signature]] = []
        self._pending_parses: list[tuple[str, str]] = []

    def __enter__(self) -> ExtractionCache:
        self._db = self._open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()
        if self._db is not None:
            self._db.close()
            self._db = None

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA busy_timeout = 30000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:
            with db:  # an older layout: start afresh (the cache is disposable)
                db.execute("BEGIN IMMEDIATE")
                db.execute("DROP TABLE IF EXISTS extraction")
                db.execute("DROP TABLE IF EXISTS parse")
                db.execute(f"PRAGMA user_version = {SCHEMA}")
        db.execute(
            "CREATE TABLE IF NOT EXISTS extraction"
            " (key TEXT PRIMARY KEY, payload TEXT NOT NULL, signature TEXT NOT NULL)"
        )
        # parses of figure sentences, keyed by pipeline, its versions and the sentence
        db.execute("CREATE TABLE IF NOT EXISTS parse (key TEXT PRIMARY KEY, payload TEXT NOT NULL)")
        db.execute("SELECT count(*) FROM extraction").fetchone()
        return db

    def _open(self) -> sqlite3.Connection | None:
        try:
            return self._connect()
        except sqlite3.DatabaseError as error:
            self.warn(f"{self.path}: cache unreadable ({error}); rebuilding it")
            for suffix in ("", "-wal", "-shm"):
                with suppress(OSError):
                    Path(str(self.path) + suffix).unlink()
            try:
                return self._connect()
            except (sqlite3.DatabaseError, OSError) as again:
                self.warn(f"{self.path}: cache disabled ({again})")
                return None
        except OSError as error:
            self.warn(f"{self.path}: cache disabled ({error})")
            return None

    def get(self, doc: Document | RawSource) -> tuple[Document, list[Fact]] | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT payload FROM extraction WHERE key = ?", (key_of(doc),)
            ).fetchone()
        except sqlite3.DatabaseError as error:
            self.warn(f"{self.path}: cache unreadable ({error}); continuing without it")
            self._db = None
            return None
        if row is None:
            self.misses += 1
            return None
        try:
            result = decode(doc, row[0])
        except (ValueError, KeyError, TypeError) as error:
            self.warn(f"{self.path}: a cache entry is corrupt ({error}); re-extracting")
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, doc: Document, facts: list[Fact]) -> Signature:
        signature = signature_of(doc, facts)
        if self._db is None:
            return signature
        self._pending.append((key_of(doc), encode(doc, facts, signature), signature))
        if len(self._pending) >= 500:
            self.flush()
        return signature

    def signatures(self, keys: list[str]) -> dict[str, Signature]:
        """The signatures of the cached articles among ``keys``."""
        if self._db is None:
            return {}
        self.flush()
        out: dict[str, Signature] = {}
        try:
            for i in range(0, len(keys), 500):
                batch = keys[i : i + 500]
                marks = ",".join("?" * len(batch))
                query = f"SELECT key, signature FROM extraction WHERE key IN ({marks})"
                for key, sig in self._db.execute(query, batch):
                    out[key] = Signature.from_json(json.loads(sig))
        except (sqlite3.DatabaseError, ValueError, KeyError) as error:
            self.warn(f"{self.path}: cache unreadable ({error}); continuing without it")
            return {}
        return out

    def parses(self, model: str, sentences: Sequence[str]) -> dict[str, Parse]:
        """The cached parses of those of ``sentences`` the database holds (a ParseStore)."""
        if self._db is None or not sentences:
            return {}
        keys = {_parse_key(model, s): s for s in sentences}
        out: dict[str, Parse] = {}
        try:
            listed = sorted(keys)
            for i in range(0, len(listed), 500):
                batch = listed[i : i + 500]
                marks = ",".join("?" * len(batch))
                query = f"SELECT key, payload FROM parse WHERE key IN ({marks})"
                for key, payload in self._db.execute(query, batch):
                    parse = Parse.from_json(json.loads(payload))
                    if parse.text == keys[key]:
                        out[parse.text] = parse
        except (sqlite3.DatabaseError, ValueError, TypeError) as error:
            self.warn(f"{self.path}: cache unreadable ({error}); parsing again")
            return {}
        return out

    def keep_parses(self, model: str, parses: Mapping[str, Parse]) -> None:
        if self._db is None:
            return
        for sentence, parse in parses.items():
            self._pending_parses.append(
                (_parse_key(model, sentence), json.dumps(parse.to_json(), ensure_ascii=False))
            )
        if len(self._pending_parses) >= 2000:
            self.flush()

    def flush(self) -> None:
        if self._db is None or not (self._pending or self._pending_parses):
            return
        try:
            with self._db:  # one transaction
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    "INSERT OR REPLACE INTO extraction (key, payload, signature) VALUES (?, ?, ?)",
                    [(k, p, json.dumps(sig.to_json())) for k, p, sig in self._pending],
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO parse (key, payload) VALUES (?, ?)",
                    self._pending_parses,
                )
        except sqlite3.DatabaseError as error:
            self.warn(f"{self.path}: could not write the cache ({error})")
        self._pending.clear()
        self._pending_parses.clear()


@functools.cache
def _pipeline(model: str) -> str:
    return pipeline_version(model)


def _parse_key(model: str, sentence: str) -> str:
    """A parse's key: the pipeline, the versions of spaCy and of the pipeline, the sentence."""
    text = f"{model}\0{_pipeline(model)}\0{sentence}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def cached_extraction(
    sources: Iterable[RawSource],
    extract: Callable[[Document], tuple[Document, list[Fact]]],
    cache: ExtractionCache | None,
) -> Iterator[tuple[Document, list[Fact]]]:
    """Each article's extraction, from the cache when it holds this exact text."""
    for raw in sources:
        hit = cache.get(raw) if cache is not None else None
        if hit is not None:
            yield hit
            continue
        result = extract(document_from_raw(raw))
        if cache is not None:
            cache.put(*result)  # the extracted document: its publication date is known now
        yield result
