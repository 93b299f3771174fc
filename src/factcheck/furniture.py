"""Find page furniture: the lines around an article that are not its content.

Navigation bars, share buttons, photo credits, tag lists, "Read more" links,
comment forms, subscription appeals, copyright lines and lines printed twice.
Detection is line based and general: the phrase lists in
:mod:`factcheck._furniture_data` are wording any English news site may use.

:func:`find_furniture` returns character spans; :mod:`factcheck.ingest` blanks
them in :attr:`~factcheck.facts.Document.match_text`, so figures in furniture
are never extracted, while :attr:`~factcheck.facts.Document.text` keeps them.

>>> text = (
...     "Home News World Business Sport Opinion\\n"
...     "Xi Jinping arrived in Moscow on Monday for talks with Vladimir Putin, the Kremlin said.\\n"
...     "Leave a Reply\\n"
...     "Name * Email * 0 / 1000"
... )
>>> for a, b, why in find_furniture(text):
...     print(repr(text[a:b]), why)
'Home News World Business Sport Opinion' navigation bar
'Leave a Reply\\nName * Email * 0 / 1000' after end-of-article marker
>>> find_furniture("Trade reached $245 billion, customs data show.")
[]

Speed matters (this runs on every article): the work is a few regular
expressions that jump from line break to line break, matched against lower-cased
text without ``re.IGNORECASE`` (which disables the engine's fast paths), and one
pass over the lines with cheap string operations.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck._furniture_data import (
    COLON_PREFIXES,
    DOMAIN_TLDS,
    END_MARKERS,
    LIST_MARKERS,
    OPEN_PREFIXES,
    PHRASE_LINES,
    PROMO_LINE_START,
    PROMO_PATTERNS,
    PROMO_TAIL_STEMS,
    SECTION_WORDS,
    SHARE_WORDS,
    SHORT_PREFIXES,
)

__all__ = ["END_REASON", "FurnitureSpan", "find_furniture"]

FurnitureSpan = tuple[int, int, str]
"""``(start, end, reason)``: ``text[start:end]`` is furniture."""

END_REASON = "after end-of-article marker"

MIN_DUPLICATE_CHARS = 20
"""A repeated line must be at least this long (stripped) to count as a duplicate."""

SHORT_LINE_CHARS = 200
"""Promotional wording makes a line furniture anywhere only below this length."""

NAV_MIN_WORDS = 4
NAV_MIN_SHARE = 0.6
"""A navigation bar has at least this many words, and this share of section words."""


def _trie(phrases: Iterable[str]) -> str:
    """A regex matching any of ``phrases``, built as a character trie.

    The regex engine tries the branches of a plain alternation one by one; a
    trie costs about one step per character whatever the number of phrases.

    >>> _trie(["ad", "advert", "share", "share this"])
    '(?:ad(?:vert)?|share(?:\\\\ this)?)'
    """
    root: dict[str, Any] = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(root)


def _lower(s: str) -> str:
    """``s.lower()`` with the same length (U+0130 is the one character that grows)."""
    return s.replace("\u0130", "i").lower()


_WS = r"[^\S\n]"  # whitespace other than a line break
_LEAD = rf"{_WS}*+(?:[-*#>|\u2022\u00b7\u25ba\u25b6]++{_WS}*+)?"  # indentation, bullets
# "Read more:", "Share »"; possessive, as two whitespace runs side by side would
# otherwise try every split of a long run of spaces (quadratic)
_TRAIL = rf"{_WS}*+[:.!?\u2026\u00bb\u203a>|\u2191\u2192-]*+{_WS}*+(?=\n)"

_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
_WE = frozenset({"we", "our", "us"})


@dataclass(frozen=True, slots=True)
class _Rules:
    line: re.Pattern[str]
    nav: re.Pattern[str]
    promo_gate: re.Pattern[str]
    promo: re.Pattern[str]
    promo_opening: re.Pattern[str]


@cache
def _rules() -> _Rules:
    """The compiled patterns, built on first use (compiling takes ~10 ms)."""
    # Line patterns start with a literal "\n", so the engine jumps from line
    # break to line break (and skips empty lines at once); find_furniture
    # matches them against "\n" + lower-cased text + "\n".
    line = rf"""(?x)\n(?!\n)(?P<body>{_LEAD}(?:
        (?P<end>(?:{_trie(END_MARKERS)}
            |\d+{_WS}+comments?
            |comments?{_WS}*\(\d+\)){_TRAIL})
      | (?P<list>(?:{_trie(LIST_MARKERS)}
            |(?:more|best){_WS}+(?:from|of){_WS}[^\n.!?;,]{{1,60}}){_TRAIL})
      | (?P<phrase>{_trie(PHRASE_LINES)}{_TRAIL})
      | (?P<domain>(?:https?://)?(?:www\.)?
            (?:[a-z0-9][a-z0-9-]{{0,62}}+\.)++
            (?:{_trie(DOMAIN_TLDS)}|[a-z]{{2}})(?:/\S*+)?{_WS}*(?=\n))
      | (?P<prefix>(?:{_trie(COLON_PREFIXES)}){_WS}*:
            |{_trie(OPEN_PREFIXES)}
            |copyright{_WS}+\d{{4}}\b
            |\d{{1,3}}{_WS}+of{_WS}+\d{{1,3}}(?:{_WS}*+\||{_WS}{{2,}}+))[^\n]*
      | (?P<short>{_trie(SHORT_PREFIXES)}\b[^\n]{{0,80}}+(?<![.!?])(?=\n))
    ))"""
    # Candidate navigation / share bars: a line starting with a section or
    # share word, without sentence punctuation or digits; _nav_reason then
    # counts the words.
    nav = (
        rf"\n(?!\n)(?P<body>{_LEAD}{_trie(SECTION_WORDS | SHARE_WORDS)}\b"
        rf"""[^\n.,;:!?"()\d]*+)(?=\n)"""
    )
    # Promotional patterns are tried only where their first word occurs.
    first_words = {re.sub(r"[^a-z].*", "", p) for p in PROMO_PATTERNS}
    return _Rules(
        line=re.compile(line),
        nav=re.compile(nav),
        promo_gate=re.compile(_trie(first_words)),
        promo=re.compile("|".join(PROMO_PATTERNS)),
        promo_opening=re.compile("|".join((PROMO_LINE_START, *PROMO_PATTERNS))),
    )


def _nav_reason(line: str) -> str | None:
    words = _WORD.findall(line)
    if len(words) >= 2 and all(w in SHARE_WORDS for w in words):
        return "share buttons"
    if len(words) < NAV_MIN_WORDS:
        return None
    hits = sum(w in SECTION_WORDS or w in SHARE_WORDS for w in words)
    return "navigation bar" if hits >= NAV_MIN_SHARE * len(words) else None


def _starts_promo(line: str) -> bool:
    """``line`` (stripped, lower case) opens with a call to subscribe, sign up...

    >>> _starts_promo("sign up for our free newsletter")
    True
    >>> _starts_promo("support independent journalism today.")
    True
    >>> _starts_promo("support for the bill rose to 55%.")
    False
    """
    return _rules().promo_opening.match(line) is not None


def _is_tail_promo(line: str) -> bool:
    """``line`` (stripped, lower case) is an appeal, as seen after the article.

    >>> _is_tail_promo("to keep going, we need sponsors and subscribers to our portal.")
    True
    >>> _is_tail_promo("netflix said subscribers rose by 9 million to 301.6 million.")
    False
    >>> _is_tail_promo('"our subscribers matter," the chief executive said.')
    False
    """
    rules = _rules()
    if rules.promo_opening.match(line) is not None:
        return True
    for m in rules.promo_gate.finditer(line):
        at = m.start()
        if at > 0 and not line[at - 1].isalnum() and rules.promo.match(line, at) is not None:
            return True
    if '"' in line or not any(stem in line for stem in PROMO_TAIL_STEMS):
        return False
    return not _WE.isdisjoint(_WORD.findall(line))


def _is_prose(line: str) -> bool:
    """``line`` (stripped) reads like a paragraph of the article, not a headline.

    >>> _is_prose("trade between the two countries reached a record $245 billion last year.")
    True
    >>> _is_prose("xi, putin pledge unity in new era as china-russia ties grow 'confident'")
    False
    """
    if len(line) < 60 or line.count(" ") < 8:
        return False
    end = line.rstrip("\"')")
    return end[-1:] in (".", "!", "?") if end != line else line[-1] in ".!?"


#: a list of other stories in the middle of a page is this many headlines at most
SIDEBAR_HEADLINES = 5
#: ... and is followed by at least this many lines of the article's prose
SIDEBAR_RESUMES = 3
_SENTENCE_END = re.compile(r"""[.!?]["')\]]*$""")


def _sidebar(padded: str, starts: Sequence[int], at: int) -> list[tuple[int, int]] | None:
    """The headline lines of a list of stories opened at line ``at``, when the article goes
    on after them (None when it does not: the list ends the article).

    ``padded`` is the lower-cased text between line breaks, ``starts`` its lines' offsets.
    A headline does not end as a sentence does; the article goes on when the next
    ``SIDEBAR_RESUMES`` lines that are not blank all end as sentences.
    """
    headlines: list[tuple[int, int]] = []
    sentences = 0
    for i in range(at + 1, len(starts)):
        start = starts[i]
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(padded) - 2
        line = padded[start + 1 : end + 1].strip()
        if not line:
            continue
        if _SENTENCE_END.search(line) is not None and len(line.split()) >= 6:
            sentences += 1
            if sentences >= SIDEBAR_RESUMES:
                return headlines
            continue
        if sentences or len(headlines) >= SIDEBAR_HEADLINES:
            return None  # a headline among the sentences: a list of stories with summaries
        headlines.append((start, end))
    return None


def find_furniture(text: str) -> list[FurnitureSpan]:
    """Spans of page furniture in ``text``, sorted and not overlapping.

    ``text`` should be typography-normalised
    (:func:`factcheck.textnorm.normalize_typography`; spans are then valid in
    the original too, as normalisation keeps every offset). Each span covers
    one line without its line break, except that an end-of-article marker
    ("Leave a Reply", "Related Articles", ...) after some article prose starts
    one span to the end of the text.

    >>> text = "Title\\nPhoto: Reuters\\nIt rose 5%.\\nTags: trade, China\\n1 of 3 | Crowds pray."
    >>> [(text[a:b], why) for a, b, why in find_furniture(text)]  # doctest: +NORMALIZE_WHITESPACE
    [('Photo: Reuters', 'furniture prefix'), ('Tags: trade, China', 'furniture prefix'),
     ('1 of 3 | Crowds pray.', 'furniture prefix')]
    """
    rules = _rules()
    padded = _lower(f"\n{text}\n")
    found: dict[int, FurnitureSpan] = {}
    end_markers: list[int] = []
    list_markers: set[int] = set()

    for m in rules.line.finditer(padded):
        start, end = m.start("body") - 1, m.end("body") - 1
        if m.group("end") is not None or m.group("list") is not None:
            end_markers.append(start)
            if m.group("list") is not None:
                list_markers.add(start)
            found[start] = (start, end, "furniture phrase")
        elif m.group("phrase") is not None:
            found[start] = (start, end, "furniture phrase")
        elif m.group("domain") is not None:
            found[start] = (start, end, "domain line")
        else:
            found[start] = (start, end, "furniture prefix")

    for m in rules.nav.finditer(padded):
        start = m.start("body") - 1
        if start not in found:
            reason = _nav_reason(m.group("body"))
            if reason is not None:
                found[start] = (start, m.end("body") - 1, reason)

    # One pass over the lines: duplicates, short promotional lines, first prose.
    starts: list[int] = []
    seen: set[str] = set()
    first_prose = -1
    pos = 0
    for line in padded[1:-1].split("\n"):
        starts.append(pos)
        size = len(line)
        if size and pos not in found:
            stripped = line.strip()
            chars = len(stripped)
            if chars >= MIN_DUPLICATE_CHARS and stripped in seen:
                found[pos] = (pos, pos + size, "duplicate line")
            elif chars and chars < SHORT_LINE_CHARS and _starts_promo(stripped):
                found[pos] = (pos, pos + size, "promotional blurb")
            else:
                if chars >= MIN_DUPLICATE_CHARS:
                    seen.add(stripped)
                if first_prose < 0 and _is_prose(stripped):
                    first_prose = pos
        pos += size + 1

    # An end marker counts only after article prose: "3 Comments" under a
    # headline is a link, not the end of the article.
    cut = len(text)
    if first_prose >= 0:
        for marker in (s for s in end_markers if s > first_prose):
            if marker not in list_markers:
                cut = marker
                break
            headlines = _sidebar(padded, starts, bisect_left(starts, marker))
            if headlines is None:
                cut = marker
                break
            for start, end in headlines:  # the list's headlines; the article goes on
                found.setdefault(start, (start, end, "related links"))

    # The tail: walking back from the end (or the end marker) over blank lines
    # and furniture, promotional lines are furniture whatever their length.
    for i in range(bisect_left(starts, cut) - 1, -1, -1):
        start = starts[i]
        if start in found:
            continue
        end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
        stripped = padded[start + 1 : end + 1].strip()
        if not stripped:
            continue
        if not _is_tail_promo(stripped):
            break
        found[start] = (start, end, "promotional blurb")

    spans = sorted(found.values())
    if cut == len(text):
        return spans
    return [s for s in spans if s[0] < cut] + [(cut, len(text), END_REASON)]
