"""Durations: ``two-day visit``, ``nearly ten-hour-long``, ``a decade``, ``six years ago``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.extract._lexicon import TIME_UNITS
from factcheck.extract.context import Context
from factcheck.facts import DateSpec, Mention

_UNIT_AFTER = re.compile(
    r"(?P<sep>[ \t]+|-)(?P<consec>(?:consecutive|straight|successive)[ \t]+)?"
    r"(?P<unit>seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|"
    r"decades?|centur(?:y|ies))\b(?P<long>-long)?(?P<old>-old)?(?P<ago>[ \t]+ago\b)?"
)

_PAST_BEFORE = re.compile(
    r"(?:(?P<half>half\s+)?(?:(?P<a>\b[Aa]n?)|(?P<the>\b[Tt]he\s+(?:past|last|previous)))\s+(?P<q>quarter[\s-])?)$"
)


@dataclass(frozen=True, slots=True)
class TimeUnit:
    unit: str
    factor: int
    end: int
    noun: str
    consecutive: bool
    age: bool
    ago: bool
    hyphen: bool


def unit_after(text: str, pos: int) -> TimeUnit | None:
    """A unit of time right after a number (``-day``, `` years ago``)."""
    m = _UNIT_AFTER.match(text, pos)
    if m is None:
        return None
    word = m.group("unit")
    base = "century" if word.startswith("centur") else word.rstrip("s")
    unit, factor = TIME_UNITS[base]
    return TimeUnit(
        unit=unit,
        factor=factor,
        end=m.end(),
        noun=word,
        consecutive=m.group("consec") is not None,
        age=m.group("old") is not None,
        ago=m.group("ago") is not None,
        hyphen=m.group("sep") == "-",
    )


def ago_spec(unit: str, amount: int) -> DateSpec | None:
    """The relative date of ``N units ago``."""
    if unit == "year":
        return DateSpec(rel_unit="year", rel_offset=-amount)
    if unit == "month":
        return DateSpec(rel_unit="month", rel_offset=-amount)
    if unit == "week":
        return DateSpec(rel_unit="day", rel_offset=-7 * amount)
    if unit == "day":
        return DateSpec(rel_unit="day", rel_offset=-amount)
    return None


def decade_word(ctx: Context, start: int, end: int, word: str) -> int:
    """``a decade``, ``the past decade``, ``half a century`` (not ``decades``)."""
    text = ctx.text
    before = _PAST_BEFORE.search(text, max(0, start - 30), start)
    if before is None:
        return end
    years = 10 if word == "decade" else 100
    value = Decimal(years)
    if before.group("half"):
        value /= 2
    if before.group("q"):
        value /= 4
    ago = re.compile(r"[ \t]+ago\b").match(text, end)
    stop = ago.end() if ago else end
    ctx.add(Mention("duration", before.start(), stop, number=value, unit="year", noun=word))
    if ago:
        spec = DateSpec(rel_unit="year", rel_offset=-int(value))
        ctx.add(Mention("date", before.start(), stop, date=spec))
    return stop


_ARTICLE_BEFORE = re.compile(r"(?:\b(?P<half>[Hh]alf)[ \t]+)?\b[Aa]n?[ \t]+$")
#: "24 hours a day", "twice a week", "$5 an hour": a rate, not a length of time
_RATE_WORDS = frozenset("once twice thrice times per every".split())
_AMOUNT_BEFORE = re.compile(r"\d[\d,.]*[ \t]*(?:[A-Za-z$€£¥%/]+[ \t]*)?$")
_AFTER_ARTICLE_UNIT = re.compile(r"(?P<half>[ \t]+and[ \t]+a[ \t]+half\b)?(?P<ago>[ \t]+ago\b)?")
#: the units a length of time may be written with an article instead of a number
ARTICLE_UNITS = ("minute", "hour", "day", "week", "fortnight", "month")


def article_unit(ctx: Context, start: int, end: int, word: str) -> int:
    """``an hour``, ``half an hour``, ``less than a week``: a length of time with no number.

    Not a rate (``24 hours a day``, ``twice a week``), nor ``a month ago`` (a date, read
    where ``ago`` is); ``a day`` only with a hedge (``less than a day``: not ``on a day``).
    """
    text = ctx.text
    before = _ARTICLE_BEFORE.search(text, max(0, start - 12), start)
    if before is None:
        return end
    after = _AFTER_ARTICLE_UNIT.match(text, end)
    if after is not None and after.group("ago"):
        return end
    lead = before.start()
    prev = ctx.word_before(lead)
    if prev in _RATE_WORDS or prev.rstrip("s") in TIME_UNITS:
        return end
    if _AMOUNT_BEFORE.search(text, max(0, lead - 24), lead):
        return end  # "$5 an hour", "40 km an hour"
    qualifier, record, qstart = ctx.qualifier_before(lead)
    if word == "day" and not qualifier:
        return end
    unit, factor = TIME_UNITS[word]
    # "a week" is a round figure, as "one week" is: a unit's worth either way
    step = Decimal(factor) / 2 if before.group("half") else Decimal(factor)
    value, stop = step, end
    if after is not None and after.group("half") and not before.group("half"):
        value += Decimal(factor) / 2  # "an hour and a half"
        stop = after.end()
    ctx.add(
        Mention(
            "duration",
            qstart if qualifier else lead,
            stop,
            number=value,
            step=step,
            qualifier=qualifier,
            unit=unit,
            noun=word,
            record=record,
        )
    )
    return stop
