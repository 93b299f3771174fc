"""Clock times and their time zones: the words that name a zone, and its offset on a day.

A clock time's zone is kept as written and resolved only when two times are compared:
``8:30 p.m. ET`` is UTC-4 in October and UTC-5 in January, so the offset of a zone named
by a place or a region depends on the day (IANA zones, through :mod:`zoneinfo`). The
words are data (``factcheck/data/timezones.yaml``).

>>> zone_of("ET"), zone_of("local time"), zone_of("Beijing Time"), zone_of("Flemish time")
('America/New_York', 'local', 'Asia/Shanghai', 'flemish time')
>>> utc_offset("America/New_York", dt.date(2023, 10, 25)), utc_offset("+05:30", None)
(-240, 330)
>>> utc_offset("America/New_York", None) is None, utc_offset("local", None) is None
(True, True)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zoneinfo

from factcheck import datafiles

#: the zone of a time written with none: where the event happened, like ``local time``
LOCAL = "local"

_OFFSET = re.compile(r"([+-])(\d\d):(\d\d)$")


@functools.cache
def _data() -> dict[str, dict[str, str]]:
    """``timezones.yaml``, each table with its keys and zones as text."""
    data = datafiles.load("timezones.yaml")
    return {
        table: {str(k): str(v) for k, v in data[table].items()}
        for table in ("abbreviations", "names", "places", "adjectives")
    }


@functools.cache
def _table() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Abbreviations, names, and places with their adjectives (those before ``time``)."""
    data = _data()
    return (
        data["abbreviations"],
        {k.lower(): v for k, v in data["names"].items()},
        {k.lower(): v for k, v in {**data["places"], **data["adjectives"]}.items()},
    )


@functools.cache
def _place_names() -> dict[str, str]:
    """The places only (no adjectives), as a sentence writes them."""
    return {(k.upper() if len(k) <= 3 else k.title()): v for k, v in _data()["places"].items()}


def zone_of(words: str) -> str:
    """The zone ``words`` after a clock time name (``ET``, ``local time``, ``Beijing Time``):
    an IANA name, a fixed offset (``+00:00``), :data:`LOCAL`, or ``""`` for none known.

    ``<Place> time`` of a place the data does not list is a zone of its own name
    (``belgian time``), compared only with that name.
    """
    abbreviations, names, places = _table()
    words = " ".join(words.split())
    if words in abbreviations:
        return abbreviations[words]
    low = words.lower()
    if low in names:
        return names[low]
    if not low.endswith(" time"):
        return ""
    return places.get(low.removesuffix(" time"), low)


def zone_words() -> tuple[list[str], list[str], list[str]]:
    """The words that name a zone after a clock time: abbreviations (in capitals), names and
    places with their adjectives (those two in lower case, before ``time`` for places)."""
    abbreviations, names, places = _table()
    return list(abbreviations), list(names), list(places)


@functools.cache
def _places() -> re.Pattern[str]:
    names = sorted(_place_names(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(p) for p in names) + r")\b")


def place_zone(sentence: str) -> str | None:
    """The zone of the places ``sentence`` names (``in Taipei``, ``the coast of Mexico``),
    when they name one zone; None for none, or places of several zones.

    >>> place_zone("Lai spoke in Taipei at 8:30 p.m."), place_zone("From Paris to Tokyo")
    ('Asia/Taipei', None)
    """
    places = _place_names()
    zones = {places[m.group(1)] for m in _places().finditer(sentence)}
    return zones.pop() if len(zones) == 1 else None


def utc_offset(zone: str, day: dt.date | None) -> int | None:
    """Minutes east of UTC of ``zone`` on ``day``; None when it cannot be known (a zone
    with daylight saving time on no known day, ``local``, a name of no zone)."""
    fixed = _OFFSET.match(zone)
    if fixed is not None:
        sign = -1 if fixed.group(1) == "-" else 1
        return sign * (int(fixed.group(2)) * 60 + int(fixed.group(3)))
    if "/" not in zone or day is None:
        return None
    try:
        tz = zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None
    offset = dt.datetime(day.year, day.month, day.day, 12, tzinfo=tz).utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)
