"""Deterministic synthetic news corpus for benchmarks.

The corpus is grown from the demo articles in ``sources/*.txt`` by varying them
with a seeded random generator, so that every article is different (no
extractor can win by caching) while keeping the shape of real news text:

* digit runs are replaced by other numbers of the same shape (same number of
  digits, ordinals keep a correct suffix, 4-digit years stay within 1990-2030,
  day numbers after a month name stay valid days);
* month names and weekday names are swapped for other ones;
* some capitalised, name-like words are swapped for names from a small generic
  pool (consistently within one article);
* the body paragraphs are shuffled;
* some articles are two sources concatenated, some are truncated.

Nothing in here knows what the demo articles are about: the name heuristics are
generic (capitalised words used mid-sentence that never occur in lower case).

The corpus lives in memory; :func:`dump_corpus` writes it to a folder on demand.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DEFAULT_SOURCES",
    "Article",
    "build_corpus",
    "corpus_stats",
    "dump_corpus",
    "load_sources",
    "vary_article",
]

DEFAULT_SOURCES = Path(__file__).resolve().parent.parent / "sources"

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

# Generic, subject-free replacement names (people and places alike). None of
# them is a month or weekday name, so date statistics are not disturbed.
NAME_POOL: tuple[str, ...] = (
    "Abbott",
    "Alvarez",
    "Ashford",
    "Bennett",
    "Brightwater",
    "Calloway",
    "Carrington",
    "Dalton",
    "Delacroix",
    "Easton",
    "Ellison",
    "Fairhaven",
    "Fletcher",
    "Garrison",
    "Greenfield",
    "Hartley",
    "Holloway",
    "Ingram",
    "Jansen",
    "Kessler",
    "Kingsbury",
    "Lachance",
    "Lindqvist",
    "Marlow",
    "Montague",
    "Novak",
    "Northam",
    "Okafor",
    "Oakridge",
    "Pemberton",
    "Quinlan",
    "Ravensworth",
    "Redmond",
    "Santoro",
    "Silverton",
    "Thornbury",
    "Underhill",
    "Valdez",
    "Westbrook",
    "Whitcombe",
    "Yamada",
    "Zeller",
)

# Capitalised words that are common English or titles rather than names; they
# are never swapped. Generic on purpose.
NOT_NAMES: frozenset[str] = frozenset(
    {
        *MONTHS,
        *WEEKDAYS,
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "He",
        "She",
        "They",
        "We",
        "I",
        "In",
        "On",
        "At",
        "As",
        "By",
        "For",
        "From",
        "Of",
        "To",
        "And",
        "But",
        "Or",
        "With",
        "President",
        "Prime",
        "Minister",
        "Ministry",
        "Foreign",
        "Secretary",
        "General",
        "Chairman",
        "Director",
        "Council",
        "Committee",
        "Agency",
        "News",
        "Party",
        "Government",
        "State",
        "States",
        "United",
        "Union",
        "Nations",
        "National",
        "International",
        "World",
        "War",
        "Day",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
    }
)

_MONTH_ALT = "|".join(MONTHS)
_WEEKDAY_ALT = "|".join(WEEKDAYS)

_TOKEN_RE = re.compile(
    rf"(?P<date>\b(?P<dmonth>{_MONTH_ALT})(?P<dsep>\s+)(?P<dday>\d{{1,2}})(?P<dsuf>st|nd|rd|th)?\b)"
    rf"|(?P<month>\b(?:{_MONTH_ALT})\b)"
    rf"|(?P<weekday>\b(?:{_WEEKDAY_ALT})\b)"
    r"|(?P<ordinal>\b(?P<onum>\d+)(?P<osuf>st|nd|rd|th)\b)"
    r"|(?P<year>(?<![\d,.])\b(?:19|20)\d\d\b(?![,.]\d))"
    r"|(?P<digits>\d+)"
    r"|(?P<word>\b[A-Z][a-z]+\b)"
)

# A capitalised word counts as name-like when it is used mid-sentence: preceded
# by a lower-case word, a comma or a digit, with a single space in between.
_MID_SENTENCE_CAP_RE = re.compile(r"(?:[a-z,\d]) ([A-Z][a-z]+)\b")
_LOWER_WORD_RE = re.compile(r"\b[a-z]+\b")
_PARAGRAPH_SPLIT_RE = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True, slots=True)
class Article:
    """One synthetic article."""

    id: str
    text: str
    bases: tuple[str, ...]
    """Names of the source files it was grown from."""
    truncated: bool = False

    @property
    def nbytes(self) -> int:
        return len(self.text.encode("utf-8"))


def load_sources(folder: Path = DEFAULT_SOURCES) -> dict[str, str]:
    """Read ``folder/*.txt`` (sorted by name) into ``{file name: text}``."""
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no *.txt files in {folder}")
    return {p.name: p.read_text(encoding="utf-8") for p in paths}


def _ordinal_suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _same_shape_number(rng: random.Random, digits: str, *, continuation: bool) -> str:
    """Another digit run with as many digits (a leading zero only where one may be)."""
    width = len(digits)
    if continuation or (width > 1 and digits[0] == "0"):
        return f"{rng.randrange(10**width):0{width}d}"
    if width == 1:
        return str(rng.randint(1, 9))
    return str(rng.randrange(10 ** (width - 1), 10**width))


def _name_map(rng: random.Random, text: str) -> dict[str, str]:
    """Pick some name-like words of ``text`` and map each to a generic name."""
    lower_words = set(_LOWER_WORD_RE.findall(text))
    candidates = sorted(
        {
            w
            for w in _MID_SENTENCE_CAP_RE.findall(text)
            if w not in NOT_NAMES and w.lower() not in lower_words
        }
    )
    if not candidates:
        return {}
    share = rng.uniform(0.3, 0.8)
    chosen = [w for w in candidates if rng.random() < share]
    pool = list(NAME_POOL)
    rng.shuffle(pool)
    return dict(zip(chosen, pool, strict=False))


def vary_text(rng: random.Random, text: str) -> str:
    """Swap numbers, dates, weekdays and some names in ``text``."""
    names = _name_map(rng, text)

    def repl(m: re.Match[str]) -> str:
        kind = m.lastgroup
        if kind == "date":
            day = rng.randint(1, 28)
            suffix = _ordinal_suffix(day) if m.group("dsuf") else ""
            return f"{rng.choice(MONTHS)}{m.group('dsep')}{day}{suffix}"
        if kind == "month":
            return rng.choice(MONTHS)
        if kind == "weekday":
            return rng.choice(WEEKDAYS)
        if kind == "ordinal":
            old = int(m.group("onum"))
            if old <= 31:
                n = rng.randint(1, 28)
            else:
                n = int(_same_shape_number(rng, m.group("onum"), continuation=False))
            return f"{n}{_ordinal_suffix(n)}"
        if kind == "year":
            return str(rng.randint(1990, 2030))
        if kind == "digits":
            start = m.start()
            continuation = start >= 2 and text[start - 1] in ",." and text[start - 2].isdigit()
            return _same_shape_number(rng, m.group(), continuation=continuation)
        word = m.group()
        return names.get(word, word)

    return _TOKEN_RE.sub(repl, text)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPH_SPLIT_RE.split(text) if p.strip()]


def _shuffle_body(rng: random.Random, paragraphs: list[str]) -> list[str]:
    """Keep the first one or two paragraphs (headline, lede) and shuffle the rest."""
    keep = min(len(paragraphs), rng.choice((1, 2)))
    body = paragraphs[keep:]
    rng.shuffle(body)
    return paragraphs[:keep] + body


def _truncate(rng: random.Random, text: str) -> str:
    """Cut ``text`` to 40-90 % of its length, at a whitespace boundary."""
    cut = int(len(text) * rng.uniform(0.4, 0.9))
    space = text.rfind(" ", 0, cut)
    newline = text.rfind("\n", 0, cut)
    cut = max(space, newline)
    return text[:cut].rstrip() if cut > 0 else text


def vary_article(
    rng: random.Random,
    sources: Sequence[tuple[str, str]],
    article_id: str,
    *,
    concat_prob: float = 0.12,
    truncate_prob: float = 0.2,
    shuffle_prob: float = 0.75,
) -> Article:
    """Grow one article from one or two randomly chosen ``(name, text)`` sources."""
    picks = [rng.choice(sources)]
    if rng.random() < concat_prob:
        picks.append(rng.choice(sources))
    pieces: list[str] = []
    for _name, text in picks:
        paragraphs = _paragraphs(text)
        if rng.random() < shuffle_prob:
            paragraphs = _shuffle_body(rng, paragraphs)
        separator = "\n\n" if rng.random() < 0.6 else "\n"
        pieces.append(vary_text(rng, separator.join(paragraphs)))
    out = "\n\n".join(pieces)
    truncated = rng.random() < truncate_prob
    if truncated:
        out = _truncate(rng, out)
    return Article(
        id=article_id,
        text=out + "\n",
        bases=tuple(name for name, _text in picks),
        truncated=truncated,
    )


def build_corpus(
    n: int = 2000,
    seed: int = 7,
    sources: dict[str, str] | None = None,
    *,
    prefix: str = "bench",
) -> list[Article]:
    """``n`` deterministic variations of ``sources`` (default: ``sources/*.txt``).

    Article ``i`` depends only on ``seed``, ``prefix`` and ``i``, so the first
    ``k`` articles of a larger corpus equal a corpus of ``k`` articles.
    """
    if sources is None:
        sources = load_sources()
    items = sorted(sources.items())
    corpus: list[Article] = []
    for i in range(n):
        article_id = f"{prefix}-{i:05d}"
        rng = random.Random(f"{seed}:{article_id}")
        corpus.append(vary_article(rng, items, article_id))
    return corpus


def corpus_stats(articles: Iterable[Article]) -> dict[str, float]:
    """Count, total/mean/min/max size in bytes, unique texts, concatenated, truncated."""
    arts = list(articles)
    sizes = [a.nbytes for a in arts]
    if not sizes:
        return {"articles": 0, "bytes": 0, "mean": 0, "min": 0, "max": 0, "unique": 0}
    return {
        "articles": len(arts),
        "bytes": sum(sizes),
        "mean": sum(sizes) / len(sizes),
        "min": min(sizes),
        "max": max(sizes),
        "unique": len({a.text for a in arts}),
        "concatenated": sum(len(a.bases) > 1 for a in arts),
        "truncated": sum(a.truncated for a in arts),
    }


def dump_corpus(articles: Iterable[Article], folder: Path) -> int:
    """Write each article to ``folder/<id>.txt``; return how many were written."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for article in articles:
        (folder / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
        count += 1
    return count
