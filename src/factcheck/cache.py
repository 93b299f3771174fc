"""A disposable cache of extraction results, in an embedded SQLite database.

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
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from factcheck.facts import Document, Fact, Published

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
    "extract",
)
SCHEMA = 1


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


def key_of(doc: Document) -> str:
    digest = hashlib.sha256()
    for part in (code_version(), doc.id, doc.path, doc.format):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    digest.update(doc.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


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


def encode(doc: Document, facts: list[Fact]) -> str:
    return json.dumps(
        {
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


def decode(doc: Document, payload: str) -> tuple[Document, list[Fact]]:
    """The cached result for ``doc`` (whose text the key was made from)."""
    data = json.loads(payload)
    cached = dataclasses.replace(
        doc,
        match_text=data["match_text"],
        title=data["title"],
        outlet=data["outlet"],
        url=data["url"],
        meta=data["meta"],
        warnings=tuple(data["warnings"]),
        published=_published(data["published"]),
    )
    return cached, [Fact(*row) for row in data["facts"]]


class ExtractionCache:
    """``with ExtractionCache(path, warn) as cache: cache.get(doc) / cache.put(doc, facts)``."""

    def __init__(self, path: str | Path, warn: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.warn = warn or (lambda message: None)
        self.hits = 0
        self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._pending: list[tuple[str, str]] = []

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
        db.execute(
            "CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, payload TEXT NOT NULL)"
        )
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

    def get(self, doc: Document) -> tuple[Document, list[Fact]] | None:
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

    def put(self, doc: Document, facts: list[Fact]) -> None:
        if self._db is None:
            return
        self._pending.append((key_of(doc), encode(doc, facts)))
        if len(self._pending) >= 500:
            self.flush()

    def flush(self) -> None:
        if self._db is None or not self._pending:
            return
        try:
            with self._db:  # one transaction
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    "INSERT OR REPLACE INTO extraction (key, payload) VALUES (?, ?)", self._pending
                )
        except sqlite3.DatabaseError as error:
            self.warn(f"{self.path}: could not write the cache ({error})")
        self._pending.clear()


def cached_extraction(
    docs: Iterator[Document],
    extract: Callable[[Document], tuple[Document, list[Fact]]],
    cache: ExtractionCache | None,
) -> Iterator[tuple[Document, list[Fact]]]:
    """Each document's extraction, from the cache when it holds this exact text."""
    for doc in docs:
        hit = cache.get(doc) if cache is not None else None
        if hit is not None:
            yield hit
            continue
        result = extract(doc)
        if cache is not None:
            cache.put(*result)  # the extracted document: its publication date is known now
        yield result
