"""The sentence around a figure, found locally in an article's match text.

Only a handful of figures per article need their sentence, so boundaries are
searched for around each one instead of splitting the whole article.
Abbreviations such as ``Dr.`` or ``U.S.`` and initials are not ends. Line
breaks always end a sentence (headlines, captions and paragraphs stand on
lines of their own).

>>> s = Sentences("Dr. Li said it rose. The U.S. Senate agreed.\\nNext line")
>>> s.text_of(s.around(25, 29))
'The U.S. Senate agreed.'
>>> s.text_of(s.around(0, 2))
'Dr. Li said it rose.'
>>> s.text_of(s.around(50, 54))
'Next line'
>>> s = Sentences("Turnout was 18.99%, it specified.In the first round, it won.")
>>> s.text_of(s.around(40, 45))
'In the first round, it won.'
"""

from __future__ import annotations

import re

# starts with one character class so that the regex engine skips ahead quickly; a name
# written with a small first letter ("iPad sales fell") opens a sentence too
# a stop straight before a capitalised word, after a lower-case word ("the ministry
# specified.In the first round"), is an end too: scraped pages lose spaces
_END = re.compile(
    r"[.!?\n](?:(?<=\n)|[\"')\]]*[ \t]+(?=[\"'(\[]?(?:[A-Z0-9]|[a-z][A-Z]))"
    r"|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]))"
)

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen sen rep gov lt col sgt capt cmdr adm jr sr no vs etc inc corp
    ltd co dept est approx fig jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon
    pres u.s u.k u.n e.u a.m p.m i.e e.g""".split()
)

_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")

#: how far to look for a sentence's ends; a longer "sentence" is cut there
WINDOW = 500


class Sentences:
    """Finds the sentence around an offset of one text."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def _is_end(self, m: re.Match[str]) -> bool:
        if m.group() == "\n":
            return True
        word = _WORD_BEFORE.search(self.text, max(0, m.start() - 12), m.start())
        if word is None:
            return True
        before = word.group(1)
        if before.lower().strip(".") in _ABBREVIATIONS:
            return False
        return not (len(before) == 1 and before.isupper())  # an initial: "John F. Kennedy"

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The bounds of the sentence holding ``[start, end)``."""
        text = self.text
        lo = max(0, start - WINDOW)
        begin = lo
        # the lookahead of an end needs a character or two past ``start``
        ends = [m for m in _END.finditer(text, lo, min(len(text), start + 2)) if m.end() <= start]
        for m in reversed(ends):
            if self._is_end(m):
                begin = m.end()
                break
        stop = min(len(text), end + WINDOW)
        for m in _END.finditer(text, end, stop):
            if self._is_end(m):
                stop = m.start() + 1 if m.group() != "\n" else m.start()
                break
        while begin < start and text[begin].isspace():
            begin += 1
        while stop > end and text[stop - 1].isspace():
            stop -= 1
        return (begin, stop)

    def text_of(self, bounds: tuple[int, int]) -> str:
        return self.text[bounds[0] : bounds[1]]


def is_headline(text: str, bounds: tuple[int, int]) -> bool:
    """True when the sentence at ``bounds`` ends without a full stop: a headline, a caption."""
    return not text[bounds[0] : bounds[1]].rstrip().endswith((".", "!", "?", '"', "'", ")"))
