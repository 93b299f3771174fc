"""Dates: full, partial, ranges, years in a date role, weekdays, relative.

The common forms are read with anchored regexes and ``datetime``; the rare
forms go to dateparser through :mod:`factcheck.dateparse`. Nothing here
resolves a relative date: that needs the publication date, which is only
known once every date of the article has been read (see :mod:`factcheck.pubdate`).
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract import quarters
from factcheck.extract._lexicon import (
    EVENT_WORDS,
    MONTHS,
    STOP_WORDS,
    TIME_UNITS,
    WEEKDAYS,
    YEAR_CUES,
)
from factcheck.extract.context import Context, trie_pattern
from factcheck.facts import DateSpec, Mention

MONTH_NAMES = trie_pattern(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_NAMES = trie_pattern(WEEKDAYS)
_ORD = r"(?:st|nd|rd|th)?"
_DAY = r"(?P<d1>[0-3]?\d)" + _ORD + r"(?!\d)"
_DAY2 = r"(?P<d2>[0-3]?\d)" + _ORD + r"(?!\d)"
_YEAR = r"(?P<y>1[0-9]{3}|2[01][0-9]{2})(?!\d|,\d)"
_RANGE_SEP = r"\s*(?:-|to|through|until|and)\s*"

#: ``[Thursday, ]May 8[th][ to [June ]10][, 2025]`` starting at the month or weekday
_MONTH_FIRST = re.compile(
    r"(?:(?P<wd>" + WEEKDAY_NAMES + r"),?\s+(?:the\s+)?)?"
    r"(?P<m1>"
    + MONTH_NAMES
    + r")\.?\s+"
    + _DAY
    + r"(?:"
    + _RANGE_SEP
    + r"(?:(?P<m2>"
    + MONTH_NAMES
    + r")\.?\s+)?"
    + _DAY2
    + r")?"
    + r"(?:,?\s+"
    + _YEAR
    + r")?(?!\s*(?:%|percent|per cent))"
)
#: ``Thursday, 8 May 2025`` / ``8 May`` / ``20-22 March 2023``, starting at the day or weekday
_DAY_FIRST = re.compile(
    r"(?:(?P<wd>"
    + WEEKDAY_NAMES
    + r"),?\s+(?:the\s+)?)?"
    + _DAY
    + r"(?:"
    + _RANGE_SEP
    + _DAY2
    + r")?\s+(?:of\s+)?(?P<m1>"
    + MONTH_NAMES
    + r")\b\.?"
    + r"(?:,?\s+"
    + _YEAR
    + r")?"
)
#: ``March 2023``
_MONTH_YEAR = re.compile(r"(?P<m1>" + MONTH_NAMES + r")\.?,?\s+" + _YEAR)
_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")
_WEEKDAY = re.compile(r"(?P<wd>" + WEEKDAY_NAMES + r")(?:'s)?\b")
_MONTH_CUE_BEFORE = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|to|through|during|early|late|last|next|this|of|for)\s+"
    r"|mid-)$",
    re.IGNORECASE,  # "In February, employers added ..."
)

_RELATIVE = re.compile(
    r"(?P<dir>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arlier\s+this|[Ll]ater\s+this)\s+"
    r"(?P<unit>year|month|week|" + WEEKDAY_NAMES + r")\b"
)
_YESTERDAY = re.compile(r"(?P<w>[Yy]esterday|[Tt]omorrow)\b")
_AGO_BEFORE = re.compile(
    r"(?<![A-Za-z])(?P<a>[Aa]n?|[Oo]ne)\s+(?P<u>year|decade|century|month|week|day)\s+$"
)
_DAY_AROUND = re.compile(r"\b[Tt]he\s+day\s+(?:before|after)\s+$")
_AGO_PHRASE = re.compile(r"\b[Aa]\s+(?:fortnight|couple\s+of\s+(?:days|weeks|months|years))\s+$")
_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|to be held|is expected to|are expected to|plans? to)\b"
)
#: an event a month names ("the October elections", "October's vote")
#: the event nouns (a key, or a plural) a month can name; verb forms ("won", "met") cannot
_MONTH_EVENTS = sorted(
    {w for w, key in EVENT_WORDS.items() if w == key or w.endswith("s")}
    | set("round runoff run-off primaries primary ballot".split()),
    key=len,
    reverse=True,
)
_EVENT_AFTER_MONTH = re.compile(
    r"(?P<poss>['’]s)?[ \t]+(?:[a-z-]+[ \t]+){0,2}?(?P<w>"
    + "|".join(re.escape(w) for w in _MONTH_EVENTS)
    + r")\b"
)
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")
_DATE_TOKEN_NEXT = re.compile(r"[ \t]*([A-Z][a-z]+)")

_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)[ \t]+$")


def _year(raw: str | None) -> int | None:
    return int(raw) if raw else None


def _spec_from(m: re.Match[str]) -> DateSpec | None:
    groups = m.groupdict()
    month = MONTHS[groups["m1"].rstrip(".")]
    day = int(groups["d1"])
    if not 1 <= day <= 31:
        return None
    end_day = int(groups["d2"]) if groups.get("d2") else None
    if end_day is not None and not 1 <= end_day <= 31:
        return None
    m2 = groups.get("m2")
    end_month = MONTHS[m2.rstrip(".")] if m2 else None
    if end_day is not None and end_month is None and end_day <= day:
        return None  # "May 8-3" is not a range
    weekday = WEEKDAYS[groups["wd"]] if groups.get("wd") else None
    return DateSpec(
        year=_year(groups.get("y")),
        month=month,
        day=day,
        end_month=end_month if end_day is not None else None,
        end_day=end_day,
        weekday=weekday,
    )


def calendar_word(ctx: Context, start: int, end: int) -> int:
    """Handle a month or weekday name at ``[start, end)``; return where scanning resumes."""
    text = ctx.text
    quarter = quarters.month_quarter(ctx, start)
    if quarter is not None:  # "the December quarter", "the October-December quarter"
        return quarter
    full = _MONTH_FIRST.match(text, start)
    if full is None and text[start : start + 3] in (
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ):
        full = _DAY_FIRST.match(text, start)
    if full is not None:
        spec = _spec_from(full)
        if spec is not None:
            begin = _range_from(ctx, start)
            ctx.add(Mention("date", begin, full.end(), date=spec))
            return full.end()
    my = _MONTH_YEAR.match(text, start)
    if my is not None:
        spec = DateSpec(year=int(my.group("y")), month=MONTHS[my.group("m1").rstrip(".")])
        ctx.add(Mention("date", start, my.end(), date=spec))
        return my.end()
    name = text[start:end]
    if name in WEEKDAYS:
        return _weekday(ctx, start, end)
    # a month alone needs a cue ("in May"): "may" and "march" are verbs too
    cue = _MONTH_CUE_BEFORE.search(text, max(0, start - 10), start)
    if cue is not None and cue.group().strip().lower() == "for" and name == "May":
        cue = None  # "voted for May": a name as often as a month
    named = _EVENT_AFTER_MONTH.match(text, end)
    if cue is not None and named is not None and named.group("poss"):
        cue = None  # "in October's election": the month names the occurrence
    if cue is None:
        # "the October general elections", "October's run-off": a month naming an event
        event = _EVENT_AFTER_MONTH.match(text, end)
        if event is None:
            return end
        if not (_THE_BEFORE.search(text, max(0, start - 6), start) or event.group("poss")):
            return end
        # the noun says the month names an occurrence of the event ("the October elections")
        spec = DateSpec(month=MONTHS[name])
        stop = end + len(event.group("poss") or "")
        ctx.add(Mention("date", start, stop, date=spec, noun=event.group("w").lower()))
        return end
    word = cue.group().strip().lower()
    qualifier = word.rstrip("-") if word in ("early", "late", "mid-") else ""
    begin = cue.start() if word in ("in", "since", "by", "until", "from", "during") else start
    if qualifier:
        begin = cue.start()
    spec = DateSpec(month=MONTHS[name])
    if word in _DIRECTIONS:  # "last November": the one before publication
        spec = DateSpec(month=MONTHS[name], rel_unit="named month", rel_offset=_DIRECTIONS[word])
        begin = cue.start()
    elif word == "since":  # "since April": an April already past
        spec = DateSpec(month=MONTHS[name], rel_unit="named month", rel_offset=-1)
    elif _told_in_the_past(text, begin, end):
        spec = DateSpec(month=MONTHS[name], past=True)
    year = _YEAR_AFTER_MONTH.match(text, end)
    if year is not None and spec.rel_unit is None:  # "in November last year"
        offset = _DIRECTIONS[year.group("dir").lower()]
        spec = DateSpec(month=MONTHS[name], rel_unit="month of year", rel_offset=offset)
        end = year.end()
    ctx.add(Mention("date", begin, end, date=spec, qualifier=qualifier))
    return end


_DIRECTIONS = {"last": -1, "this": 0, "next": 1}
#: a verb in the past tense ("stood at", "rose", "was recorded") in the clause before a month
_PAST_CUE = re.compile(
    r"\b(?:was|were|had|stood|rose|fell|grew|hit|peaked|struck|met|won|lost|held|came|"
    r"began|ended|took|saw|made|said|told|gave|went|got|became|left|brought|found|ran|"
    r"[a-z]{3,}ed)\b(?![ \t]+(?:to|for)\b)"
)
_CLAUSE_STOP = re.compile(r"[.;:!?](?=\s)|\n")  # not a decimal point


def _told_in_the_past(text: str, begin: int, end: int) -> bool:
    """The month's clause (before ``begin`` and after ``end``) tells of the past, and nothing
    in it of the future ("stood at 10.1 per cent in January", "In January I made ...")."""
    lo = max(0, begin - 60)
    stops = list(_CLAUSE_STOP.finditer(text, lo, begin))
    if stops:
        lo = stops[-1].end()
    after = _CLAUSE_STOP.search(text, end, min(len(text), end + 48))
    hi = after.start() if after is not None else min(len(text), end + 48)
    return (
        (_PAST_CUE.search(text, lo, begin) or _PAST_CUE.search(text, end, hi)) is not None
        and _FUTURE_CUE.search(text, lo, hi) is None
        and _SCHEDULED.search(text, lo, hi) is None
    )


#: "scheduled for", "expected in", "due in": a past participle that points ahead
_SCHEDULED = re.compile(
    r"\b(?:scheduled|expected|planned|slated|due|set|postponed|delayed|pushed|moved|"
    r"announced|called)\b"
)
_OF_AFTER = re.compile(r"[ \t]+of\b", re.I)
_YEAR_AFTER_MONTH = re.compile(r"[ \t]+(?:of[ \t]+)?(?P<dir>last|this|next)[ \t]+year\b", re.I)


def _range_from(ctx: Context, start: int) -> int:
    """Include a leading ``from``/``between`` in a range's span."""
    text = ctx.text
    for word in ("from ", "between "):
        begin = start - len(word)
        if begin >= 0 and text[begin:start].lower() == word:
            return begin
    return start


def _weekday(ctx: Context, start: int, end: int) -> int:
    text = ctx.text
    wm = _WEEKDAY.match(text, start)
    assert wm is not None
    name_before = _NAME_BEFORE.search(text, max(0, start - 20), start)
    if name_before is not None and name_before.group(1).lower() not in STOP_WORDS:
        return end  # "Black Friday", "Super Tuesday"
    nxt = _DATE_TOKEN_NEXT.match(text, wm.end())
    if nxt is not None and nxt.group(1) not in MONTHS and not ctx.at_sentence_start(nxt.start(1)):
        return end  # "Friday Mosque"
    begin = start
    word = ctx.word_before(start)
    if word == "on":
        begin = start - 3 if text[start - 3 : start] == "on " else start
    direction = -1
    if word == "next":
        direction = 1
    elif word == "this":
        direction = 0
    elif _FUTURE_CUE.search(text, max(0, start - 60), start):
        direction = 1
    if word in ("last", "next", "this"):
        begin = start - len(word) - 1
    spec = DateSpec(weekday=WEEKDAYS[wm.group("wd")], rel_unit="weekday", rel_offset=direction)
    ctx.add(Mention("date", begin, wm.end(), date=spec))
    return wm.end()


def relative_word(ctx: Context, start: int, end: int) -> int:
    """Handle ``last``/``next``/``this``/``earlier``/``later``/``yesterday``/``ago``."""
    text = ctx.text
    lower = text[start:end].lower()
    if lower in ("yesterday", "tomorrow"):
        around = _DAY_AROUND.search(text, max(0, start - 16), start)
        if around is not None:
            phrase = text[around.start() : end]
            spec = DateSpec(rel_unit="phrase", phrase=phrase)
            ctx.add(Mention("date", around.start(), end, date=spec))
            return end
        spec = DateSpec(rel_unit="day", rel_offset=-1 if lower == "yesterday" else 1)
        ctx.add(Mention("date", start, end, date=spec))
        return end
    if lower == "ago":
        before = _AGO_BEFORE.search(text, max(0, start - 16), start)
        if before is None:
            rare = _AGO_PHRASE.search(text, max(0, start - 30), start)
            if rare is not None:
                spec = DateSpec(rel_unit="phrase", phrase=text[rare.start() : end])
                ctx.add(Mention("date", rare.start(), end, date=spec))
            return end
        unit, factor = TIME_UNITS[before.group("u")]
        if unit not in ("year", "month", "week", "day"):
            return end
        offset = factor if unit != "week" else 7
        rel_unit = unit if unit != "week" else "day"
        begin = before.start()
        ctx.add(Mention("date", begin, end, date=DateSpec(rel_unit=rel_unit, rel_offset=-offset)))
        ctx.add(
            Mention(
                "duration", begin, end, number=Decimal(factor), unit=unit, noun=before.group("u")
            )
        )
        return end
    rm = _RELATIVE.match(text, start)
    if rm is None:
        return end
    direction = rm.group("dir").lower()
    unit = rm.group("unit")
    if ctx.word_before(start) == "the" and _OF_AFTER.match(text, rm.end()):
        return rm.end()  # "the last week of the campaign": of the campaign, not before publication
    if unit in WEEKDAYS:
        offset = {"last": -1, "next": 1}.get(direction, 0)
        spec = DateSpec(weekday=WEEKDAYS[unit], rel_unit="weekday", rel_offset=offset)
    else:
        offset = {"last": -1, "next": 1}.get(direction, 0)
        spec = DateSpec(rel_unit=unit, rel_offset=offset)
    qualifier = (
        "earlier"
        if direction.startswith("earlier")
        else "later"
        if direction.startswith("later")
        else ""
    )
    ctx.add(Mention("date", start, rm.end(), date=spec, qualifier=qualifier))
    return rm.end()


def day_month_at(ctx: Context, start: int) -> int | None:
    """A day-first date (``8 May 2025``, ``20-22 March``) starting at ``start``."""
    dm = _DAY_FIRST.match(ctx.text, start)
    if dm is None or dm.group("wd"):
        return None
    spec = _spec_from(dm)
    if spec is None:
        return None
    ctx.add(Mention("date", start, dm.end(), date=spec))
    return dm.end()


def iso_at(ctx: Context, start: int) -> int | None:
    """An ISO date (``2025-05-08``) starting at ``start``."""
    im = _ISO.match(ctx.text, start)
    if im is None:
        return None
    month, day = int(im.group("m")), int(im.group("d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    ctx.add(Mention("date", start, im.end(), date=DateSpec(int(im.group("y")), month, day)))
    return im.end()


_SPAN_PREPOSITIONS = frozenset(
    ["in", "since", "by", "until", "till", "from", "during", "before", "after", "through"]
)
_YEAR_AFTER = re.compile(r"(?:'s\b|\s*[,.;:)!?]|\s*$|\s*-\s*(?P<y2>\d{2}|\d{4})(?![\d-]))")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z][a-z]")
_NAMED_EVENT_AFTER = re.compile(
    r"(?:[ \t]+[A-Z][\w'’-]*){1,3}[ \t]+(?:"
    + "|".join(re.escape(w) for w in _MONTH_EVENTS)
    + r")\b"
)


def year_at(ctx: Context, start: int, end: int, value: int) -> int | None:
    """A four-digit year in a date role (``in 2023``, ``since 2013``), or None.

    Years inside names (``Pre-2030 Development Plan``, ``Vision 2030``) are
    not dates; a year followed by a plural noun with no cue (``1500 troops``)
    is left to the counts.
    """
    text = ctx.text
    if not 1000 <= value <= 2199:
        return None
    word = ctx.word_before(start)
    cue = word.rstrip(".") in YEAR_CUES or (start > 4 and text[start - 4 : start].lower() == "mid-")
    # "Q4 2023", "FY 2024": the year of a quarter or of a fiscal year
    cue = cue or quarters.CODE_BEFORE_YEAR.search(text, max(0, start - 6), start) is not None
    after = _YEAR_AFTER.match(text, end)
    if text[end : end + 1] == "-" and (after is None or after.group("y2") is None):
        return None  # "2030-plan"
    if not cue:
        if word and start > 0 and text[start - 1] in " \t" and word[:1].isalpha():
            raw_before = text[max(0, start - len(word) - 1) : start].strip()
            if raw_before[:1].isupper() and not ctx.at_sentence_start(start - len(word) - 1):
                return None  # "Vision 2030", "Agenda 2063"
        named_event = word == "the" and _NAMED_EVENT_AFTER.match(text, end) is not None
        if _CAPITAL_AFTER.match(text, end) and not ctx.at_sentence_start(start) and not named_event:
            return None  # "2030 Agenda"; but "the 2019 Lok Sabha elections" is a year
        if not 1900 <= value <= 2100:
            return None
        if after is None and word not in ("the", "its", "this", "that"):
            return None  # "1500 troops": a count, not a year
    stop = end
    if word in _SPAN_PREPOSITIONS:
        start -= len(word) + 1 if text[start - len(word) - 1 : start - 1].lower() == word else 0
    spec = DateSpec(year=value)
    if after is not None and after.group("y2"):
        y2 = after.group("y2")
        end_year = int(y2) if len(y2) == 4 else (value // 100) * 100 + int(y2)
        if end_year <= value or end_year - value > 10:
            return None
        spec = DateSpec(year=value, end_year=end_year)
        stop = after.end()
    ctx.add(Mention("date", start, stop, date=spec))
    return stop
