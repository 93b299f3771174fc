"""Dated actions: what a date in a sentence says was done then, as a claim of its own.

"Modi addressed Congress on Thursday, June 22" and "during his address on
Wednesday" date one action (``addressing``) two ways; "Beryl made landfall on
Carriacou late Monday morning" and "On Tuesday, Beryl made landfall" too. Each
date to the day whose clause names an action done by someone named (or an
action's noun, ``his address``) becomes a claim of kind ``date``: its measure is
the action, its entity who did it, its scope the named place and its predicate
whom it was done to (see :func:`factcheck.frames.dated_action`). The
``action-date-conflict`` rule compares them.

Not claims: the date of a saying (``officials said on Friday``), a dateline, a
comparison's baseline (``the first cut since March 2020``), anything yet to come,
and the date a source gives its main event (the ``event-date-conflict`` rule's).
A bare weekday (``on Thursday``) in an article whose day of publication is not
known, or only inferred, is a claim of its weekday alone (:func:`weekday_only`).

A clock time is read the same way ("Milton made landfall at 8:30 p.m."): a claim of
kind ``time``, with the day its sentence gives as its period and, for a local time, the
zone of the place its sentence names; the ``action-time-conflict`` rule compares them.
The main event's own time is a claim too (no other rule checks times), and a time told
as a bound (``by 6:41 p.m.``) is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.attribute import is_baseline, named_parses
from factcheck.clock import LOCAL, place_zone
from factcheck.events import MainEvent, dates_the_report
from factcheck.extract._lexicon import WEEKDAYS
from factcheck.extract.dates import WEEKDAY_NAMES
from factcheck.extract.times import BOUNDS
from factcheck.facts import Claim, Document, Fact, Frame, Resolution
from factcheck.frames import dated_action
from factcheck.parse import MAX_CHARS
from factcheck.sentences import Sentences, is_headline

#: how a date counted from the publication date was resolved: it needs that day known
COUNTED = frozenset({Resolution.LAST_WEEKDAY, Resolution.NEXT_WEEKDAY, Resolution.RELATIVE})

_WEEKDAY = re.compile(r"\b(" + WEEKDAY_NAMES + r")\b", re.IGNORECASE)


def weekday_of(fact: Fact) -> int | None:
    """The weekday a date's words name (0 for Monday), if they name one."""
    m = _WEEKDAY.search(fact.text)
    return WEEKDAYS[m.group(1).capitalize()] if m is not None else None


def weekday_only(fact: Fact, doc: Document) -> bool:
    """True when only the weekday of a date counted from its article's publication date can
    be trusted: that day is not known (``on Saturday`` in an undated article) or was
    inferred from the text."""
    if fact.how is Resolution.UNRESOLVED:
        return True
    return fact.how in COUNTED and (
        doc.published.granularity != "day" or doc.published.method == "inferred"
    )


def _candidates(doc: Document, facts: Sequence[Fact], main: MainEvent | None) -> list[Fact]:
    """The dates of ``doc`` that may date an action."""
    own = main.date.fact if main is not None and main.date is not None else None
    out = []
    for fact in facts:
        if fact.kind == "time":
            if fact.qualifier not in BOUNDS:
                out.append(fact)  # "made landfall at 8:30 p.m.", not "by 6:41 p.m."
            continue
        if fact.kind != "date" or fact == own:
            continue
        to_the_day = fact.granularity == "day" and isinstance(fact.low, str)
        if not to_the_day and fact.how is not Resolution.UNRESOLVED:
            continue  # a month, a year
        if weekday_only(fact, doc) and weekday_of(fact) is None:
            # a phrase not resolved, "yesterday" in an article whose day is only inferred:
            # neither a day nor a weekday known
            continue
        if dates_the_report(doc, fact) or is_baseline(doc.match_text, fact):
            continue
        out.append(fact)
    return out


#: what a clock time is read as by the parser, which misreads "a.m." and "p.m." ("made
#: landfall at 1:25 a.m. Eastern" parsed as two sentences, "9 AM: Milton made" with
#: "AM" for the subject)
_CLOCK_WORD = "noon"


def _masked(text: str, facts: Sequence[Fact]) -> str:
    """``text`` with each clock time of ``facts`` written as :data:`_CLOCK_WORD` padded
    with spaces (one too short for the word is left as it is): offsets are unchanged."""
    parts, pos = [], 0
    for f in facts:
        if f.kind == "time" and f.end - f.start >= len(_CLOCK_WORD) and f.start >= pos:
            parts += [text[pos : f.start], _CLOCK_WORD.ljust(f.end - f.start)]
            pos = f.end
    return "".join([*parts, text[pos:]])


def action_sentences(doc: Document, facts: Sequence[Fact]) -> list[str]:
    """The sentences :func:`action_claims` reads the grammar of (to parse many at once)."""
    sentences = Sentences(doc.match_text)
    spans = dict.fromkeys(sentences.around(f.start, f.end) for f in _candidates(doc, facts, None))
    text = _masked(doc.match_text, facts)
    return [text[lo:hi] for lo, hi in spans if hi - lo <= MAX_CHARS]


def action_claims(
    doc: Document, facts: Sequence[Fact], main: MainEvent | None, model: str | None
) -> list[Claim]:
    """The dated actions of one source, each a claim on its date (none without a pipeline)."""
    if model is None:
        return []
    candidates = _candidates(doc, facts, main)
    if not candidates:
        return []
    text = doc.match_text
    sentences = Sentences(text)
    bounds = [sentences.around(f.start, f.end) for f in candidates]
    parses, _ = named_parses(_masked(text, facts), bounds, model)
    as_of = doc.published.date.isoformat() if doc.published.date is not None else None
    claims = []
    for fact, (lo, hi) in zip(candidates, bounds, strict=True):
        parse = parses.get((lo, hi))
        clock = fact.kind == "time"
        action = dated_action(parse, fact.start - lo, fact.end - lo, clock=clock) if parse else None
        if action is None:
            continue
        headline = is_headline(text, (lo, hi))
        frame = Frame(
            entity=action.entity,
            scope=action.scope,
            predicate=action.target,
            measure=action.measure,
            headline=headline,
        )
        claims.append(
            Claim(
                fact=fact,
                metric=action.measure.key,
                metric_text=action.measure.words,
                period=_day_of(doc, facts, fact, (lo, hi)) if clock else None,
                zone=place_zone(text[lo:hi]) if clock and fact.unit in ("", LOCAL) else None,
                as_of=as_of,
                frame=frame,
            )
        )
    return claims


def _day_of(
    doc: Document, facts: Sequence[Fact], time: Fact, bounds: tuple[int, int]
) -> str | None:
    """The day a clock time's sentence gives (``at 1:25 a.m. on Wednesday, Oct. 25``): the
    nearest date to the day in it, when that day can be trusted."""
    days = [
        f
        for f in facts
        if f.kind == "date"
        and bounds[0] <= f.start < bounds[1]
        and f.granularity == "day"
        and isinstance(f.low, str)
        and f.low == f.high
        and not weekday_only(f, doc)
    ]
    if not days:
        return None
    nearest = min(days, key=lambda f: min(abs(f.start - time.end), abs(time.start - f.end)))
    return str(nearest.low)
