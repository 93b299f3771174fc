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
