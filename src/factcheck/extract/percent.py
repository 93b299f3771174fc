"""Percentages: ``18%``, ``18 percent``, ``26.3 per cent``, ``2 percentage points``."""

from __future__ import annotations

import re

_PERCENT = re.compile(
    r"(?:\s?%|\s?-?(?:percent|per\s?cent|pct)\b|\s+(?P<pp>percentage[\s-]points?|pp)\b)",
    re.IGNORECASE,
)


def percent_after(text: str, pos: int) -> tuple[str, int] | None:
    """The percent unit right after a number at ``pos``, and where it ends."""
    m = _PERCENT.match(text, pos)
    if m is None:
        return None
    return ("percentage point" if m.group("pp") else "percent"), m.end()


#: the denominators of a fraction written in words, singular and plural
DENOMINATORS: dict[str, int] = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
#: "half of the city"; not of one thing ("a quarter of an hour") nor of a span of time ("half
#: of 2023", "a quarter of the season")
_FRACTION_OF = re.compile(
    r"[ \t]+of[ \t]+(?!an?\b|one\b|\d{4}\b|(?:the|this|last|next|that)[ \t]+(?:year|season|"
    r"month|decade|century|game|match|quarter|term|campaign|half|week|day)\b)",
    re.IGNORECASE,
)
#: "the second half of": a part of a span, an ordinal's, not a share
_ORDINAL_BEFORE = re.compile(
    r"\b(?:first|second|third|fourth|final|last|latter|former)[ \t]+$", re.IGNORECASE
)
_NUMERATOR_BEFORE = re.compile(r"\b(?P<n>an?|one|two|three|four|five)[ \t-]$", re.IGNORECASE)


def fraction_at(text: str, start: int, end: int) -> tuple[int, float] | None:
    """A share written as a fraction: ``a quarter of``, ``two-thirds of``, ``half of``.

    ``[start, end)`` is the denominator word; returns where the figure begins
    and its value in percent, or None. A fraction of one thing (``a quarter of
    an hour``, ``half of a million``) is no share.
    """
    den = DENOMINATORS.get(text[start:end].lower())
    if den is None or _FRACTION_OF.match(text, end) is None:
        return None
    if _ORDINAL_BEFORE.search(text, max(0, start - 12), start) is not None:
        return None
    before = _NUMERATOR_BEFORE.search(text, max(0, start - 6), start)
    if before is None:
        if den != 2 or text[start:end].lower() != "half":
            return None  # "third of" alone is an ordinal's tail, not a share
        return start, 50.0
    num = _NUMERATORS[before.group("n").lower()]
    plural = text[start:end].lower().endswith("s")  # "thirds", "halves"
    if (num > 1) != plural or num >= den:
        return None  # "two-third of", "five-fifths of"
    return before.start(), 100.0 * num / den
