"""Money: ``$245 billion``, ``US$4.2bn``, ``€3.98 billion``, ``1.6 trillion yuan``."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from decimal import Decimal

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
from factcheck.facts import Mention

#: a currency symbol with its prefix (``US$``, ``HK$``, ``€``)
SYMBOL = "(?:" + trie_pattern(sorted(CURRENCY_SYMBOLS, key=len, reverse=True)) + ")"
#: an ISO code written before an amount (``USD 4.2 billion``)
CODE_BEFORE = r"\b(?:" + trie_pattern(CURRENCY_CODES) + r")"

_SCALE = re.compile(
    r"(?:\s?(?P<abbr>"
    + trie_pattern(SCALE_ABBREVIATIONS)
    + r")|\s+(?P<word>(?i:"
    + trie_pattern(SCALE_WORDS)
    + r")))\b"
)
#: a scale word in any case ("5.9 Crore people", "5 Million Homes" in a headline)
_SCALE_WORD_ONLY = re.compile(r"\s+(?P<word>(?i:" + trie_pattern(SCALE_WORDS) + r"))\b")
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
        scale = SCALE_WORDS[m.group("word").lower()]
        more = _SCALE_WORD_ONLY.match(text, m.end())  # "2 lakh crore": 2 x 100,000 x 10,000,000
        if more is not None:
            return scale * SCALE_WORDS[more.group("word").lower()], more.end()
        return scale, m.end()
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


#: the header of a statement's table: "In millions, except per share amounts", "(in
#: thousands)", "($ in millions)"; not "in millions of homes"
_TABLE_SCALE = re.compile(
    r"\((?:[$€£¥][ \t]*)?[Ii]n[ \t]+(?P<paren>thousands|millions|billions)\b[^()\n]{0,60}\)"
    r"|\bIn[ \t]+(?P<word>thousands|millions|billions)(?=,[ \t]*except\b|[ \t]*$)",
    re.MULTILINE,
)
_TABLE_SCALES = {"thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
#: a table's row is short, and not a sentence
_ROW_CHARS = 100
_PER_SHARE = re.compile(r"\bper[ \t]+(?:diluted[ \t]+)?share\b|\bEPS\b", re.IGNORECASE)


def table_scaled(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with the scale their table's header states: ``Revenue $ 40,111`` under
    ``In millions, except per share amounts`` is $40,111 million.

    Only whole amounts with no scale of their own, on a short line that is not a
    sentence and not of a per-share amount, after the header (the nearest one
    before them) and before the table's first line of prose, are scaled.
    """
    headers = [
        (h.start(), _table_end(text, h.end()), _TABLE_SCALES[h.group("paren") or h.group("word")])
        for h in _TABLE_SCALE.finditer(text)
    ]
    if not headers:
        return list(mentions)
    out = []
    for m in mentions:
        scale = next((f for at, until, f in reversed(headers) if at < m.start < until), 0)
        if m.kind == "money" and scale and m.number is not None and _table_row(text, m):
            m = dataclasses.replace(
                m,
                number=m.number * scale,
                number_high=m.number_high * scale if m.number_high is not None else None,
                # a whole number of millions: stated to the million
                step=(m.step or Decimal(1)) * scale,
            )
        out.append(m)
    return out


def _table_end(text: str, start: int) -> int:
    """Where the table that a header at ``start`` opens ends: at its first line of prose."""
    pos = text.find("\n", start)
    while pos >= 0:
        nxt = text.find("\n", pos + 1)
        line = text[pos + 1 : nxt if nxt >= 0 else len(text)].strip()
        if len(line) > _ROW_CHARS or (line.endswith((".", "!", "?")) and len(line.split()) >= 8):
            return pos
        pos = nxt
    return len(text)


def _table_row(text: str, m: Mention) -> bool:
    """Whether a mention is a table's row: a whole amount with no scale of its own, on a
    short line that is not a sentence, and not a per-share amount."""
    figure = text[m.start : m.end]
    if "." in figure or _SCALE.search(figure) or figure.rstrip()[-1:].isalpha():
        return False  # a decimal (a per-share amount), or an amount with its own scale
    lo = text.rfind("\n", 0, m.start) + 1
    hi = text.find("\n", m.end)
    line = text[lo : hi if hi >= 0 else len(text)].strip()
    return (
        len(line) <= _ROW_CHARS
        and not line.endswith((".", "!", "?"))
        and not _PER_SHARE.search(line)
    )
