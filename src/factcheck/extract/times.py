"""Clock times: ``8:30 p.m.``, ``12.45am``, ``1:25 a.m. CDT``, ``15:40``, ``2211 GMT``.

A time is a mention of kind ``time``: its number the minutes after midnight as written,
its unit the zone its words name (:func:`factcheck.clock.zone_of`; ``""`` for none), its
qualifier the hedge before it. A time of 24 hours with neither a zone nor a word before it
that says a time follows (``at``, ``around``, ``by``) is not read: ``with 5:15 left`` is a
game clock, ``John 3:16`` a verse. A time told as a bound (``by 6:41 p.m.``, ``until
noon``, ``after 3 p.m.``) is kept with its bound as the qualifier.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.clock import zone_of, zone_words
from factcheck.extract.context import Context, trie_pattern
from factcheck.extract.dates import WEEKDAY_NAMES
from factcheck.facts import Mention

#: "a.m.", "am", "AM" (a full stop after "am" ends the sentence)
_AMPM = r"(?P<ap>[AaPp])(?:\.[Mm]\.?|[Mm])(?![A-Za-z])"
_CLOCK = re.compile(
    r"(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?(?::[0-5]\d)?[ \t]?"
    + _AMPM
    + r"|(?P<h24>[01]?\d|2[0-3])[:h](?P<m24>[0-5]\d)(?::[0-5]\d)?(?![\d:.,]|[ \t]*[ap]\.?m\b)"
    r"|(?P<mil>(?:[01]\d|2[0-3])[0-5]\d)(?=[ \t]?(?:GMT|UTC)\b)"
)


def _zone_pattern() -> str:
    """A regex of every zone's words (abbreviations in capitals, the rest any case, a place
    of the data or any capitalised name before ``time``)."""
    abbreviations, names, places = zone_words()
    return (
        rf"(?:(?:{trie_pattern(abbreviations)})(?![\w-])"
        rf"|(?i:(?:{trie_pattern(names)}|(?:{trie_pattern(places)})[ \t]+time))\b"
        r"|[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?[ \t]+[Tt]ime\b)"
    )


_ZONE_WORDS = _zone_pattern()
_ZONE = re.compile(r"[ \t]*\(?[ \t]*(?P<zone>" + _ZONE_WORDS + r")")
_ZONE_LATER = re.compile(
    r"[ \t,]+(?:on[ \t]+)?(?:" + WEEKDAY_NAMES + r"|today|tonight|yesterday)[ \t,]*\("
    r"[ \t]*(?P<zone>" + _ZONE_WORDS + r")[ \t]*\)"
)
_RANGE = re.compile(r"[ \t]*(?:-|–|to|and)[ \t]*")
#: what a game clock or a race time is followed by
_NOT_A_TIME_AFTER = re.compile(r"[ \t]+(?:left|remaining|to[ \t]+(?:go|play)|mark|into)\b")

_HEDGES = {
    "around": "about",
    "about": "about",
    "approximately": "about",
    "approx.": "about",
    "roughly": "about",
    "some": "about",
    "circa": "about",
    "shortly after": "just after",
    "just after": "just after",
    "soon after": "just after",
    "shortly before": "just before",
    "just before": "just before",
    "nearly": "just before",
    "almost": "just before",
    "by": "by",
    "until": "until",
    "till": "until",
    "before": "before",
    "after": "after",
    "since": "since",
    "as of": "as of",
    "from": "from",
    "between": "from",
    "at": "",
}
#: the hedges' words, longest first, a space in them any run of spaces
_HEDGE_WORDS = "|".join(
    re.escape(h).replace(r"\ ", r"[ \t]+") for h in sorted(_HEDGES, key=len, reverse=True)
)
_BEFORE = re.compile(r"(?:\b(?:" + _HEDGE_WORDS + r")[ \t]+)+$", re.IGNORECASE)
_HEDGE = re.compile(r"\b(?:" + _HEDGE_WORDS + r")(?!\w)", re.IGNORECASE)
#: of the hedges, those that make the time a bound, not a moment
BOUNDS = frozenset({"by", "until", "before", "after", "since", "as of"})


def _clock(m: re.Match[str]) -> tuple[int, bool] | None:
    """Minutes after midnight, and whether minutes were written."""
    if m.group("mil"):
        hhmm = m.group("mil")
        return int(hhmm[:2]) * 60 + int(hhmm[2:]), True
    if m.group("h24") is not None:
        return int(m.group("h24")) * 60 + int(m.group("m24")), True
    hour = int(m.group("h"))
    if not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if m.group("ap").lower() == "p" else 0)
    return hour * 60 + int(m.group("m") or 0), m.group("m") is not None


def _hedge(ctx: Context, start: int) -> str | None:
    """The hedge of the words before ``start``: a bound if one is said (``until around``),
    else the last (``at around``); ``""`` for a bare ``at``; None for no such words."""
    m = _BEFORE.search(ctx.text, max(0, start - 40), start)
    if m is None:
        return None
    said = [_HEDGES[" ".join(h.group().lower().split())] for h in _HEDGE.finditer(m.group())]
    bounds = [h for h in said if h in BOUNDS]
    if bounds:
        return bounds[0]
    return next((h for h in reversed(said) if h), "")


def _zone_after(text: str, end: int) -> tuple[str, int] | None:
    """The zone named just after a time ending at ``end`` (``1:25 a.m. CDT``, ``7:58 a.m.
    (Beijing Time)``), and the end of its words (its closing bracket too)."""
    zone = _ZONE.match(text, end)
    if zone is None:
        return None
    closed = "(" in zone.group() and text.startswith(")", zone.end())
    return zone_of(zone.group("zone")), zone.end() + closed


def time_at(ctx: Context, start: int) -> int | None:
    """A clock time starting at ``start``; the end of its words, or None."""
    text = ctx.text
    m = _CLOCK.match(text, start)
    if m is None or _NOT_A_TIME_AFTER.match(text, m.end()):
        return None
    clock = _clock(m)
    if clock is None:
        return None
    minutes, exact = clock
    end, high = m.end(), None
    hedge = _hedge(ctx, start)
    ranged = _RANGE.match(text, end)
    if ranged is not None and "and" in ranged.group() and hedge != "from":
        ranged = None  # "at 8 a.m. and 4 p.m.": two times ("between 8 a.m. and 4 p.m.": one)
    second = _CLOCK.match(text, ranged.end()) if ranged is not None else None
    if second is not None and (m.group("ap") is None) == (second.group("ap") is None):
        other = _clock(second)
        if other is not None:
            end, high, exact = second.end(), other[0], exact or other[1]
    zone = _zone_after(text, end)
    later = _ZONE_LATER.match(text, end) if zone is None else None
    if m.group("ap") is None and zone is None and hedge is None:
        return None  # "with 5:15 left", "John 3:16": not a time of day
    unit = ""
    if zone is not None:
        unit, end = zone
    elif later is not None:  # "7:58 a.m. Wednesday (Beijing Time)": the weekday is a date's
        unit = zone_of(later.group("zone"))
    qualifier = "from" if high is not None else (hedge or "")
    ctx.add(
        Mention(
            "time",
            start,
            end,
            number=Decimal(minutes),
            number_high=None if high is None else Decimal(high),
            step=Decimal(0) if exact else Decimal(60),
            qualifier=qualifier,
            unit=unit,
        )
    )
    return end


#: clock times written as a word, in minutes after midnight
WORD_TIMES = {"noon": 720, "midday": 720, "midnight": 0}


def word_time_at(ctx: Context, start: int, end: int) -> int:
    """``around midnight``, ``at noon``: a clock time told by its word, when a word before
    it says a time is meant (``midnight`` alone may be a deadline's or a name's)."""
    hedge = _hedge(ctx, start)
    if hedge is None:
        return end
    unit, stop = _zone_after(ctx.text, end) or ("", end)
    ctx.add(
        Mention(
            "time",
            start,
            stop,
            number=Decimal(WORD_TIMES[ctx.text[start:end].lower()]),
            qualifier=hedge,
            unit=unit,
        )
    )
    return stop
