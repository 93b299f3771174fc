"""Sentence boundaries in an article's match text.

One regex pass per document finds candidate ends; abbreviations such as
``Dr.`` or ``U.S.`` are not ends. Line breaks always end a sentence (news
text puts headlines, captions and paragraphs on lines of their own).

>>> s = Sentences("Dr. Li said it rose. The U.S. Senate agreed.\\nNext line")
>>> [s.text_of(b) for b in s.bounds]
['Dr. Li said it rose.', 'The U.S. Senate agreed.', 'Next line']
"""

from __future__ import annotations

import bisect
import re

_END = re.compile(r"[.!?][\"')\]]*[ \t]+(?=[\"'(\[]?[A-Z0-9])|\n")

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen sen rep gov lt col sgt capt cmdr adm jr sr no vs etc inc corp
    ltd co dept est approx fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon
    pres u.s u.k u.n e.u a.m p.m i.e e.g""".split()
)

_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")


class Sentences:
    """The sentences of one text, found once and looked up by offset."""

    __slots__ = ("bounds", "starts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        bounds: list[tuple[int, int]] = []
        start = 0
        for m in _END.finditer(text):
            if m.group() != "\n":
                word = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
                if word and word.group(1).lower().strip(".") in _ABBREVIATIONS:
                    continue
                if word and len(word.group(1)) == 1 and word.group(1).isupper():
                    continue  # an initial: "John F. Kennedy"
            end = m.start() + 1 if m.group() != "\n" else m.start()
            self._add(bounds, start, end)
            start = m.end()
        self._add(bounds, start, len(text))
        self.bounds = bounds
        self.starts = [b[0] for b in bounds]

    def _add(self, bounds: list[tuple[int, int]], start: int, end: int) -> None:
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if end > start:
            bounds.append((start, end))

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the sentence holding ``start`` (widened to cover ``end``)."""
        i = bisect.bisect_right(self.starts, start) - 1
        if i < 0:
            return (start, end)
        s, e = self.bounds[i]
        j = i
        while e < end and j + 1 < len(self.bounds):
            j += 1
            e = self.bounds[j][1]
        return (s, max(e, end))

    def text_of(self, bounds: tuple[int, int]) -> str:
        return self.text[bounds[0] : bounds[1]]
