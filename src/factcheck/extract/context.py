"""What the extractors share: the text being scanned and small look-arounds.

Every look-around is an anchored match at a known offset (``pattern.match(
text, pos)``) or a search in a short window, so the cost per candidate is a
few microseconds and never depends on the article's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from factcheck.extract._lexicon import (
    CASUALTY_AUXILIARIES,
    CASUALTY_WORDS,
    IRREGULAR_PLURALS,
    NOT_PLURAL,
    OVER_AS_PREPOSITION,
    QUALIFIERS,
    STOP_WORDS,
)
from factcheck.facts import Mention

_Trie = dict[str, "_Trie"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` as a trie, longest match first.

    >>> trie_pattern(["seven", "seventy", "six"])
    's(?:even(?:ty)?|ix)'
    """
    trie: _Trie = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: _Trie) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            body = f"(?:{body})?" if len(body) > 1 or len(alts) > 1 else body + "?"
        return body

    return emit(trie)


_QUALIFIER_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(?P<q>" + trie_pattern(sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+)?"
    r"(?:(?P<rec>(?:an?\s+)?(?:new\s+|all-time\s+)?record(?:[\s-]high(?:\s+of)?|-breaking)?)\s+)?$",
    re.IGNORECASE,
)

#: the words a hedge or a "record" can end with, lower case
_QUALIFIER_LAST_WORDS = frozenset(
    {q.split()[-1] for q in QUALIFIERS} | {"record", "high", "of", "record-high", "record-breaking"}
)

_SENTENCE_START = frozenset(".!?\n\"'(:;[")

_TOKEN = re.compile(r"[ \t]+([A-Za-z][A-Za-z'-]*)")

_IRREGULAR_SINGULAR = {"people": "person", "children": "child", "men": "man", "women": "woman"}
#: plurals in -oes whose singular ends in -o ("shoes", "canoes" keep their e)
_OES = frozenset(
    "tornadoes volcanoes heroes potatoes tomatoes echoes vetoes embargoes torpedoes "
    "mosquitoes dominoes".split()
)


def singular(word: str) -> str:
    """A light singular: ``agreements`` -> ``agreement``, ``companies`` -> ``company``.

    >>> [singular(w) for w in ("times", "companies", "buses", "houses", "people", "seats")]
    ['time', 'company', 'bus', 'house', 'person', 'seat']
    >>> [singular(w) for w in ("tornadoes", "shoes")]
    ['tornado', 'shoe']
    """
    w = word.lower()
    if w in _IRREGULAR_SINGULAR:
        return _IRREGULAR_SINGULAR[w]
    if w in _OES:
        return w[:-2]
    if w in IRREGULAR_PLURALS or w in NOT_PLURAL:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ouses", "auses")):
        return w[:-1]  # "houses", "causes"
    if w.endswith(("sses", "shes", "ches", "xes", "zes", "uses")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def is_plural(word: str) -> bool:
    w = word.lower()
    if w in IRREGULAR_PLURALS:
        return True
    if w in NOT_PLURAL or len(w) < 3:
        return False
    return w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "'s"))


class Context:
    """One document's match text and the mentions found so far."""

    __slots__ = ("mentions", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.mentions: list[Mention] = []

    def qualifier_before(self, start: int) -> tuple[str, bool, int]:
        """The hedge and ``record`` flag just before ``start``, and where they begin."""
        if self.word_before(start) not in _QUALIFIER_LAST_WORDS:
            return "", False, start  # the common case, without a regex search
        lo = max(0, start - 48)
        m = _QUALIFIER_BEFORE.search(self.text, lo, start)
        if m is None or m.start() == m.end():
            return "", False, start
        q = m.group("q")
        if q and q.lower() == "over" and self.word_before(m.start()) in OVER_AS_PREPOSITION:
            return "", False, start  # "victory over two former governors"
        qualifier = QUALIFIERS[q.lower()] if q else ""
        return qualifier, m.group("rec") is not None, m.start()

    def at_sentence_start(self, pos: int) -> bool:
        """True when only spaces and quotes stand between ``pos`` and a sentence end."""
        i = pos - 1
        text = self.text
        while i >= 0 and text[i] in " \t\"'":
            if text[i] in "\"'" and i > 0 and text[i - 1] not in " \t\n(":
                return False
            i -= 1
        return i < 0 or text[i] in _SENTENCE_START

    def word_before(self, pos: int) -> str:
        """The word just before ``pos`` (lower case), or ``""``."""
        i = pos
        text = self.text
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        j = i
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'."):
            j -= 1
        return text[j:i].lower()

    def tokens_after(self, pos: int, limit: int = 4) -> list[tuple[str, int, int]]:
        """Up to ``limit`` words after ``pos``, separated only by spaces."""
        out: list[tuple[str, int, int]] = []
        for _ in range(limit):
            m = _TOKEN.match(self.text, pos)
            if m is None:
                break
            out.append((m.group(1), m.start(1), m.end(1)))
            pos = m.end()
        return out

    def noun_after(self, pos: int, *, plural: bool) -> tuple[str, int] | None:
        """The head noun a number counts, and where it ends.

        For a plural figure the first plural-looking word within four words
        (``20 bilateral cooperation agreements``); for one, the next word.
        Stops at any stop word or punctuation.
        """
        auxiliaries = False
        for word, _s, e in self.tokens_after(pos):
            low = word.lower().rstrip("'")
            if low in CASUALTY_WORDS:
                return word, e
            if low in CASUALTY_AUXILIARIES:
                auxiliaries = True  # "133 have been identified": only a casualty word may follow
                continue
            if low in STOP_WORDS or auxiliaries:
                return None
            if not plural:
                return word, e
            if is_plural(low):
                return word, e
        return None

    def add(self, mention: Mention) -> None:
        self.mentions.append(mention)
