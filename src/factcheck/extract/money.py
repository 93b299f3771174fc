"""Money: ``$245 billion``, ``US$4.2bn``, ``€3.98 billion``, ``1.6 trillion yuan``."""

from __future__ import annotations

import re

from factcheck.extract._lexicon import (
    AMBIGUOUS_CURRENCY_NAMES,
    CURRENCY_ADJECTIVES,
    CURRENCY_CODES,
    CURRENCY_NAMES,
    CURRENCY_SYMBOLS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
)
from factcheck.extract.context import trie_pattern

#: a currency symbol with its prefix (``US$``, ``HK$``, ``€``)
SYMBOL = "(?:" + trie_pattern(sorted(CURRENCY_SYMBOLS, key=len, reverse=True)) + ")"
#: an ISO code written before an amount (``USD 4.2 billion``)
CODE_BEFORE = r"\b(?:" + trie_pattern(CURRENCY_CODES) + r")"

_SCALE = re.compile(
    r"(?:\s?(?P<abbr>"
    + trie_pattern(SCALE_ABBREVIATIONS)
    + r")|\s+(?P<word>"
    + trie_pattern(SCALE_WORDS)
    + r"))\b"
)
_SCALE_WORD_ONLY = re.compile(r"\s+(?P<word>" + trie_pattern(SCALE_WORDS) + r")\b")
_CURRENCY_AFTER = re.compile(
    r"\s+(?:(?P<adj>US|U\.S\.|American|Australian|Canadian|Hong Kong|Singapore|New Zealand|"
    r"Taiwan|Argentine|Chilean|Colombian|Philippine|Mexican|Pakistani|Indian|Swiss|Chinese|"
    r"Japanese|Russian)\s+)?(?P<cur>"
    + trie_pattern(CURRENCY_NAMES)
    + r"|"
    + trie_pattern(CURRENCY_CODES)
    + r")\b(?P<sterling>\s+sterling)?"
)


def scale_after(text: str, pos: int, *, money: bool) -> tuple[int, int]:
    """The multiplier written after a number (``billion``, ``bn``) and where it ends.

    Abbreviations (``m``, ``bn``, ``k``) are read only for money, where they
    are unambiguous; after a plain number ``5m`` may be metres.
    """
    m = (_SCALE if money else _SCALE_WORD_ONLY).match(text, pos)
    if m is None:
        return 1, pos
    if m.group("word"):
        return SCALE_WORDS[m.group("word")], m.end()
    return SCALE_ABBREVIATIONS[m.group("abbr")], m.end()


def currency_after(text: str, pos: int, *, scaled: bool) -> tuple[str, int] | None:
    """The currency named after an amount (``1.6 trillion yuan``), and where it ends."""
    m = _CURRENCY_AFTER.match(text, pos)
    if m is None:
        return None
    word = m.group("cur")
    code = CURRENCY_NAMES.get(word) or CURRENCY_CODES.get(word)
    if code is None:
        return None
    if word in AMBIGUOUS_CURRENCY_NAMES and not (scaled or m.group("sterling")):
        return None
    adj = m.group("adj")
    if adj:
        code = CURRENCY_ADJECTIVES.get((adj.lower(), code), code)
    return code, m.end()


def symbol_code(symbol: str) -> str:
    """The ISO code of a symbol or code written before an amount."""
    return CURRENCY_SYMBOLS.get(symbol) or CURRENCY_CODES.get(symbol, "XXX")
