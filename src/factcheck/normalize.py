"""Turn mentions into facts: hedges into intervals, dates into ISO values.

A hedge widens the interval a figure implies; the digits stated give its
precision. Relative and partial dates are resolved against the source's
publication date, and the fact says how.

>>> interval(Decimal(20), "more than")
(Decimal('20'), None)
>>> interval(Decimal(150), "about")
(Decimal('135.0'), Decimal('165.0'))
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from factcheck.dateparse import parse_span
from factcheck.extract.numbers import as_number
from factcheck.facts import (
    DateSpec,
    Document,
    Fact,
    Granularity,
    Mention,
    Published,
    Resolution,
    iso_at,
)

#: how far either side a hedge such as "about" reaches, as a fraction of the figure
HEDGE = Decimal("0.1")

#: qualifiers whose bound excludes the figure itself (``more than 20`` excludes 20)
EXCLUSIVE_LOW = frozenset({"more than", "just over"})
EXCLUSIVE_HIGH = frozenset({"nearly", "less than"})

_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


#: how far a hedge reaches at least, for a figure that does not look rounded ("some 77 km")
HEDGE_PRECISE = Decimal("0.025")

_WRITTEN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def hedge_reach(value: Decimal, text: str = "") -> Decimal:
    """How far "about" reaches either side of ``value``, written as ``text``.

    A round figure is a rounding ("about 40", "some $50 billion": up to 10%);
    one that does not look rounded was measured or counted ("some 77 km",
    "about 2,310"): a unit of its last digit, and at least 2.5%. A figure
    in words ("about forty") reaches 10%.
    """
    top = abs(value) * HEDGE
    m = _WRITTEN_NUMBER.search(text)
    if m is None or value == 0:
        return top
    digits = m.group().replace(",", "")
    written = Decimal(digits)
    if written == 0:
        return top
    if "." in digits:
        place = Decimal(1).scaleb(-len(digits.split(".")[1]))
    else:
        place = Decimal(1).scaleb(len(digits) - len(digits.rstrip("0")))
    # in the figure's own units: "$50 billion" is 50 written, 5e10 meant; "30 miles" in metres
    place *= abs(value / written)
    return min(top, max(place, abs(value) * HEDGE_PRECISE))


def interval(
    value: Decimal, qualifier: str, high: Decimal | None = None, text: str = ""
) -> tuple[Decimal | None, Decimal | None]:
    """The interval a figure and its hedge imply (None is unbounded).

    ``text`` is the figure as written: it tells a rounded figure from a precise one
    (see :func:`hedge_reach`).
    """
    top = high if high is not None else value
    if qualifier in ("more than", "at least"):
        return value, None
    if qualifier == "just over":
        return value, top + abs(top) * HEDGE
    if qualifier == "nearly":
        return value - abs(value) * HEDGE, top
    if qualifier == "about":
        return value - hedge_reach(value, text), top + hedge_reach(top, text)
    if qualifier in ("up to", "less than"):
        return None, top
    return value, top


def _num(value: Decimal | None) -> int | float | None:
    return None if value is None else as_number(value)


def numeric_fact(mention: Mention, doc: Document, sentence: str) -> Fact:
    """A money, count, ordinal, percent or duration fact from its mention."""
    assert mention.number is not None
    text = doc.text[mention.start : mention.end]
    low, high = interval(mention.number, mention.qualifier, mention.number_high, text)
    value = mention.number
    if mention.number_high is not None:
        value = (mention.number + mention.number_high) / 2
    return Fact(
        source=doc.id,
        kind=mention.kind,
        text=doc.text[mention.start : mention.end],
        start=mention.start,
        end=mention.end,
        value=as_number(value),
        low=_num(low),
        high=_num(high),
        qualifier=mention.qualifier or ("range" if mention.number_high is not None else ""),
        unit=mention.unit,
        sentence=sentence,
        precision=as_number(mention.step / 2) if mention.step else 0,
        noun=mention.noun,
        record=mention.record,
    )


#: how far a hedge reaches around a clock time, by what its minutes are a multiple of
_ABOUT_MINUTES = ((30, 15), (5, 5), (1, 2))


def time_fact(mention: Mention, doc: Document, sentence: str) -> Fact:
    """A clock time's fact: minutes after midnight as written, in the zone of its unit.

    ``low``/``high`` are the minutes its words allow: an hour written without minutes
    (``8 p.m.``) half an hour either way; ``around 3:50`` five minutes, ``around 3:30``
    fifteen; ``shortly after 3:30`` the ten minutes after (twenty after a whole hour);
    a bound (``by 6:41 p.m.``, ``after 3 p.m.``) is open on one side.
    """
    assert mention.number is not None
    t = int(mention.number)
    whole_hour = mention.step > 0
    q = mention.qualifier
    low: int | None = t
    high: int | None = t if mention.number_high is None else int(mention.number_high)
    if whole_hour and q in ("", "about"):
        low, high = t - 30, (high or t) + 30
    elif q == "about":
        reach = next(r for step, r in _ABOUT_MINUTES if t % step == 0)
        low, high = t - reach, t + reach
    elif q == "just after":
        high = t + (20 if whole_hour else 10)
    elif q == "just before":
        low = t - (20 if whole_hour else 10)
    elif q in ("after", "since"):
        high = None
    elif q in ("by", "until", "before"):
        low = None
    return Fact(
        source=doc.id,
        kind="time",
        text=doc.text[mention.start : mention.end],
        start=mention.start,
        end=mention.end,
        value=t,
        low=low,
        high=high,
        qualifier=q,
        unit=mention.unit,
        sentence=sentence,
        precision=30 if whole_hour else 0,
    )


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    value: str | None
    low: str | None
    high: str | None
    granularity: Granularity | None
    resolution: str
    how: Resolution
    weekday_matches: bool | None = None


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _span(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date, Granularity]:
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, _last_day(year, month)), "month"
    d = dt.date(year, month, day)
    return d, d, "day"


def _closest_year(month: int, day: int | None, pub: dt.date) -> int:
    """The year that puts month/day closest to the publication date."""
    best = pub.year
    best_gap: int | None = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = dt.date(year, month, min(day or 15, _last_day(year, month)))
        except ValueError:  # pragma: no cover - month is 1..12
            continue
        gap = abs((d - pub).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _add_months(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + offset
    return index // 12, index % 12 + 1


def resolve_date(
    spec: DateSpec, published: Published, anchors: Sequence[dt.date] = ()
) -> ResolvedDate:
    """Resolve a date as written into ISO text, saying how it was done.

    ``anchors`` are the full dates stated in the same source; a bare weekday
    is matched to one of them when the publication day is not known.
    """
    try:
        if spec.rel_unit is not None:
            return _resolve_relative(spec, published, anchors)
        return _resolve_absolute(spec, published)
    except ValueError:
        return ResolvedDate(None, None, None, None, "not a valid calendar date", Resolution.INVALID)


def _weekday_note(spec: DateSpec, day: dt.date) -> str:
    if spec.weekday is None or spec.day is None:
        return ""
    if day.weekday() == spec.weekday:
        return f"; weekday {_WEEKDAY_NAMES[spec.weekday]} matches"
    return (
        f"; stated weekday {_WEEKDAY_NAMES[spec.weekday]} does not match"
        f" ({day.isoformat()} is a {_WEEKDAY_NAMES[day.weekday()]})"
    )


def _resolve_absolute(spec: DateSpec, published: Published) -> ResolvedDate:
    year = spec.year
    how = "stated"
    kind = Resolution.STATED
    if year is None:
        assert spec.month is not None
        if published.date is None:
            value = f"--{spec.month:02d}" + (f"-{spec.day:02d}" if spec.day else "")
            gran: Granularity = "day" if spec.day else "month"
            return ResolvedDate(
                value,
                None,
                None,
                gran,
                "no year stated; publication date unknown",
                Resolution.UNRESOLVED,
            )
        if spec.past:
            pub = published.date
            year = pub.year if (spec.month, spec.day or 1) <= (pub.month, pub.day) else pub.year - 1
            how = f"year {year}: the latest before publication ({published.iso}), told in the past"
        else:
            year = _closest_year(spec.month, spec.day, published.date)
            how = f"year {year} taken from the publication date ({published.iso})"
        kind = Resolution.YEAR_ASSUMED
    low, high, gran = _span(year, spec.month, spec.day)
    if spec.is_range:
        end_year = spec.end_year or (
            year + 1 if (spec.end_month or 13) < (spec.month or 0) else year
        )
        end_month = spec.end_month or spec.month
        _, high, _ = _span(end_year, end_month, spec.end_day)
        how += "; range"
    matches = None if spec.weekday is None or spec.day is None else low.weekday() == spec.weekday
    return ResolvedDate(
        iso_at(low, gran),
        low.isoformat(),
        high.isoformat(),
        gran,
        how + _weekday_note(spec, low),
        kind,
        matches,
    )


def _resolve_relative(
    spec: DateSpec, published: Published, anchors: Sequence[dt.date]
) -> ResolvedDate:
    pub = published.date
    unit = spec.rel_unit
    off = spec.rel_offset
    if unit == "weekday":
        assert spec.weekday is not None
        if pub is not None and published.granularity == "day":
            delta = (pub.weekday() - spec.weekday) % 7
            day = pub - dt.timedelta(days=delta)
            if off > 0 and day < pub:
                day += dt.timedelta(days=7)
            how = f"most recent {_WEEKDAY_NAMES[spec.weekday]} on or before publication ({pub})"
            kind = Resolution.LAST_WEEKDAY
            if off > 0:
                how = f"next {_WEEKDAY_NAMES[spec.weekday]} after publication ({pub})"
                kind = Resolution.NEXT_WEEKDAY
            return ResolvedDate(day.isoformat(), day.isoformat(), day.isoformat(), "day", how, kind)
        matching = [a for a in anchors if a.weekday() == spec.weekday]
        if matching:
            day = max(matching)
            how = f"{_WEEKDAY_NAMES[spec.weekday]} matched to the date stated in the text ({day})"
            iso = day.isoformat()
            return ResolvedDate(iso, iso, iso, "day", how, Resolution.WEEKDAY_MATCHED)
        return _unresolved("day", "weekday; publication day unknown")
    if pub is None or published.granularity is None:
        gran0: Granularity = (
            "year" if unit == "year" else "day" if unit in ("day", "week") else "month"
        )
        return _unresolved(gran0, "relative; publication date unknown")
    base = f"relative to publication ({published.iso})"
    if unit in ("named month", "month of year"):
        assert spec.month is not None
        if unit == "month of year":  # "in November last year"
            year = pub.year + off
        elif published.granularity == "year":
            return _unresolved("month", "relative; publication month unknown")
        elif off < 0:  # "last November": the latest November before the publication's month
            year = pub.year if spec.month < pub.month else pub.year - 1
        elif off > 0:  # "next March": the first March after it
            year = pub.year if spec.month > pub.month else pub.year + 1
        else:
            year = pub.year
        low, high, gran = _span(year, spec.month, None)
        return _relative(low, high, gran, base)
    if unit == "year":
        year = pub.year + off
        low, high, gran = _span(year, None, None)
        return _relative(low, high, gran, base)
    if unit == "month":
        if published.granularity == "year":
            return _unresolved("month", "relative; publication month unknown")
        year, month = _add_months(pub.year, pub.month, off)
        low, high, gran = _span(year, month, None)
        return _relative(low, high, gran, base)
    if published.granularity != "day":
        return _unresolved("day", "relative; publication day unknown")
    if unit == "phrase":
        assert spec.phrase is not None
        parsed = parse_span(" ".join(spec.phrase.split()), pub)
        if parsed is None:
            return _unresolved("day", "relative phrase not understood")
        return _relative(parsed, parsed, "day", base + " by dateparser")
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=off)
        sunday = monday + dt.timedelta(days=6)
        return ResolvedDate(
            monday.isoformat(),
            monday.isoformat(),
            sunday.isoformat(),
            "day",
            base,
            Resolution.RELATIVE,
        )
    day = pub + dt.timedelta(days=off)
    return _relative(day, day, "day", base)


def _relative(low: dt.date, high: dt.date, gran: Granularity, how: str) -> ResolvedDate:
    return ResolvedDate(
        iso_at(low, gran), low.isoformat(), high.isoformat(), gran, how, Resolution.RELATIVE
    )


def _unresolved(gran: Granularity, how: str) -> ResolvedDate:
    return ResolvedDate(None, None, None, gran, how, Resolution.UNRESOLVED)


def date_fact(
    mention: Mention,
    doc: Document,
    sentence: str,
    published: Published,
    anchors: Sequence[dt.date] = (),
) -> Fact:
    """A date fact from its mention, resolved against the publication date."""
    assert mention.date is not None
    resolved = resolve_date(mention.date, published, anchors)
    return Fact(
        source=doc.id,
        kind="date",
        text=doc.text[mention.start : mention.end],
        start=mention.start,
        end=mention.end,
        value=resolved.value,
        low=resolved.low,
        high=resolved.high,
        qualifier=mention.qualifier or ("range" if mention.date.is_range else ""),
        unit="",
        sentence=sentence,
        granularity=resolved.granularity,
        resolution=resolved.resolution,
        noun=mention.noun,
        how=resolved.how,
        weekday_matches=resolved.weekday_matches,
    )
