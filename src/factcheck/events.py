"""Which event a source reports, and when it happened.

Each source's main event is the event word it uses most (``visit``,
``earthquake``, ``election``), dated by the dates written next to that word.
Sources that state no date of their own are dated by the dated source that
reports the same event with the most figures in common.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from factcheck.attribute import dates_the_saying, is_baseline
from factcheck.extract._lexicon import (
    EARLIER_EVENT_MARKERS,
    EVENT_WORDS,
    MONTHS,
    STOP_WORDS,
    WEEKDAYS,
)
from factcheck.extract.context import trie_pattern
from factcheck.extract.quarters import FISCAL_BEFORE
from factcheck.facts import Claim, Document, Fact, Resolution
from factcheck.frames import dated_event
from factcheck.grouping import DisjointSets
from factcheck.parse import MAX_CHARS, parse_sentences
from factcheck.sentences import Sentences


@dataclass(frozen=True, slots=True)
class EventDate:
    """An event word with the date written next to it in one source."""

    key: str
    fact: Fact
    low: str | None
    high: str | None
    earlier: bool


@dataclass(frozen=True, slots=True)
class MainEvent:
    """A source's main event and the date it gives for it (None when it gives none)."""

    source: str
    key: str
    mentions: int
    date: EventDate | None


@functools.lru_cache(maxsize=16)
def _compiled(words: tuple[str, ...]) -> re.Pattern[str]:
    # matched on the lower-cased text, after one character class (no leading alternation
    # or assertion), so the regex engine skips the positions that cannot start a match
    return re.compile(r"[^a-z0-9_](" + trie_pattern(words) + r")(?![a-z0-9_])")


@functools.lru_cache(maxsize=16)
def _compiled_at_start(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(" + trie_pattern(words) + r")(?![a-z0-9_])")


Hits = list[tuple[int, int, str]]


def _lower(text: str) -> str:
    """``text`` in lower case, one character for one (a few letters lower to two)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def event_hits(doc: Document, words: Mapping[str, str] | None = None) -> Hits:
    """Every event word of ``doc``, in any case: (start, end, the event it names)."""
    words = words or EVENT_WORDS
    key = tuple(sorted(words))
    low = _lower(doc.match_text)
    hits = [(m.start(1), m.end(1), words[m.group(1)]) for m in _compiled(key).finditer(low)]
    first = _compiled_at_start(key).match(low)
    if first is not None:
        hits.insert(0, (0, first.end(1), words[first.group(1)]))
    return hits


def event_words(extra: Sequence[str] = ()) -> dict[str, str]:
    words = dict(EVENT_WORDS)
    for word in extra:
        words.setdefault(word.lower(), word.lower())
    return words


def main_event(
    doc: Document,
    facts: Sequence[Fact],
    words: Mapping[str, str] | None = None,
    hits: Hits | None = None,
    *,
    model: str | None = None,
) -> MainEvent | None:
    """The event ``doc`` is about, and the date it gives for it.

    With a spaCy pipeline (``model``) a date dates an event only when the
    grammar says so (see :func:`factcheck.frames.dated_event`); without, it
    dates the nearest event word of its sentence. A date long before the
    publication date is a background event (an older quake, the last
    election), not the one reported, when the source dates the event at all.
    """
    if hits is None:
        hits = event_hits(doc, words)
    main = _main_key(doc, hits)
    if main is None:
        return None
    key, n = main
    related = RELATED_EVENTS.get(key, frozenset()) | {key}
    latest = _latest_date(facts)
    # "ten years ago", "last year": far from the event the report is about
    dates = [
        d
        for d in dated_events(doc, facts, hits, model=model, keys=related)
        if "ago" not in d.fact.text.lower()
        and not (d.fact.granularity == "year" and d.fact.how is Resolution.RELATIVE)
        and not _background(d, doc, latest)
        and not is_baseline(doc.match_text, d.fact)  # "the first since 1966"
    ]
    own = [d for d in dates if d.key in related and not d.earlier]
    if not own and model is None:
        # "during his visit, Xi met Putin on Thursday": a date of a part of the main event
        # (with the grammar read, a date of another event is that event's, not a part's)
        sentences = Sentences(doc.match_text)
        main_at = [s for s, _, k in hits if k == key]
        for d in dates:
            lo, hi = sentences.around(d.fact.start, d.fact.end)
            if d.key not in _MINOR and not d.earlier and any(lo <= s < hi for s in main_at):
                own.append(EventDate(key, d.fact, d.low, d.high, False))
    return MainEvent(doc.id, key, n, _best_date(own, doc))


#: a date at the very start of the text, before an agency's name or a dash: a dateline
_DATELINE_DATE = re.compile(
    r"[^\n]{0,40}?(?:\([A-Z][A-Za-z]+(?:[ \t][A-Z][A-Za-z]+){0,2}\)|[ \t][-—–]{1,2}[ \t])"
)


#: the place a dateline opens with before its date: "Wajima, Ishikawa Pref., "
_PLACE = r"[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)*"
_PLACE_PREFIX = re.compile(r"[ \t]*" + _PLACE + r"(?:,[ \t]*" + _PLACE + r"){0,3},[ \t]*")


def _main_key(doc: Document, hits: Hits) -> tuple[str, int] | None:
    """The event word a source uses most, and how often (None when it names none)."""
    text = doc.match_text
    counts = Counter(
        key for s, e, key in hits if key not in _MINOR and text[s:e].lower() not in _VERB_FORMS
    )
    counts = Counter({k: n for k, n in counts.items() if n >= MIN_MENTIONS})
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], -_first(hits, kv[0])))


def main_event_sentences(
    doc: Document, facts: Sequence[Fact], words: Mapping[str, str] | None = None
) -> list[str]:
    """The sentences :func:`main_event` reads the grammar of (to parse many articles at once)."""
    hits = event_hits(doc, words)
    main = _main_key(doc, hits)
    if main is None:
        return []
    keys = RELATED_EVENTS.get(main[0], frozenset()) | {main[0]}
    text = doc.match_text
    spans = {(lo, hi) for _, lo, hi, _ in _candidates(doc, facts, hits, keys)}
    return [text[lo:hi] for lo, hi in sorted(spans) if hi - lo <= MAX_CHARS]


#: parts of an event that date it too ("the meeting, held from June 3 to 4" at a summit)
RELATED_EVENTS: dict[str, frozenset[str]] = {
    "summit": frozenset({"meeting", "conference"}),
    "visit": frozenset({"meeting"}),
    "conference": frozenset({"meeting"}),
}

#: how often a source must name an event for it to be its main event
MIN_MENTIONS = 1

#: verb forms name the event only when it is already the subject ("rivals flood the market")
_VERB_FORMS = frozenset("visited visiting met won win wins announced flood".split())

#: event words that name the reporting, not the event (a briefing about a visit)
_MINOR = frozenset({"briefing", "announcement", "interview", "speech", "statement"})


#: how long before its publication a source's event may have happened and still be its news
BACKGROUND_DAYS = 180


def _background(d: EventDate, doc: Document, latest: dt.date | None = None) -> bool:
    """A date of an event long before the article was published: ``the 2019 election``,
    or an occurrence named by another month than the article's (``the October elections``).

    When the publication date is not known, the latest date the article states
    (``latest``) stands for it.
    """
    pub = doc.published.date if doc.published.method != "unknown" else None
    pub = pub or latest
    if pub is None and d.fact.granularity == "year" and not _in_lead(doc, d.fact):
        # with nothing to date the article by, a year told after the lead ("In 1999, an
        # earthquake killed 2,400 people") is background, not the event the lead reports
        return True
    if pub is None or d.high is None:
        return False
    if d.fact.noun and d.fact.granularity == "month" and d.low and d.low[:7] != pub.isoformat()[:7]:
        # "the October elections" in a November article: another occurrence, named by its month
        return True
    try:
        high = dt.date.fromisoformat(d.high[:10])
    except ValueError:
        return False
    return (pub - high).days > BACKGROUND_DAYS


#: how many sentences (a headline is one) open an article: its lead
LEAD_SENTENCES = 4


def _in_lead(doc: Document, fact: Fact) -> bool:
    """True when ``fact`` is in one of the article's first sentences."""
    sentences = Sentences(doc.match_text)
    pos = 0
    for _ in range(LEAD_SENTENCES):
        _lo, hi = sentences.around(pos, pos)
        if fact.start < hi + 1:
            return True
        pos = hi + 1
        while pos < len(doc.match_text) and doc.match_text[pos].isspace():
            pos += 1
        if pos >= len(doc.match_text):
            return False
    return False


def _latest_date(facts: Sequence[Fact]) -> dt.date | None:
    """The latest full date an article states, if any."""
    days = []
    for f in facts:
        if f.kind == "date" and f.granularity == "day" and isinstance(f.low, str):
            try:
                days.append(dt.date.fromisoformat(f.low[:10]))
            except ValueError:
                continue
    return max(days, default=None)


def _first(hits: Sequence[tuple[int, int, str]], key: str) -> int:
    return next(s for s, _, k in hits if k == key)


def dates_the_report(doc: Document, fact: Fact) -> bool:
    """True when the date ``fact`` dates the report, not what it reports: a dateline
    (``Sept. 15 (UPI) --``, also one left in the middle of a page), a saying (``the
    commission said on Wednesday``) or a company's fiscal year (``Q1 fiscal 2024``)."""
    text = doc.match_text
    dateline = doc.published.span if doc.published.method == "dateline" else None
    if dateline is not None and dateline[0] <= fact.start < dateline[1]:
        return True
    line_start = text.rfind("\n", 0, fact.start) + 1
    before = text[line_start : fact.start]
    if _DATELINE_DATE.match(text, fact.start) and (
        not before.strip() or _PLACE_PREFIX.fullmatch(before)
    ):
        return True  # "Wajima, Ishikawa Pref., Jan. 3 (Jiji Press)--"
    if dates_the_saying(text, fact):
        return True
    return FISCAL_BEFORE.search(text, max(0, fact.start - 16), fact.start) is not None


def _candidates(
    doc: Document,
    facts: Sequence[Fact],
    hits: Sequence[tuple[int, int, str]],
    keys: frozenset[str] | None,
) -> list[tuple[Fact, int, int, Sequence[tuple[int, int, str]]]]:
    """The dates that may date an event: (date, its sentence's bounds, the event words there)."""
    sentences = Sentences(doc.match_text)
    starts = [h[0] for h in hits]  # hits are in text order
    candidates = []
    for fact in facts:
        if fact.kind != "date" or (fact.low is None and not isinstance(fact.value, str)):
            continue
        if dates_the_report(doc, fact):
            continue
        lo, hi = sentences.around(fact.start, fact.end)
        near = hits[bisect.bisect_left(starts, lo) : bisect.bisect_left(starts, hi)]
        if near and (keys is None or any(k in keys for _, _, k in near)):
            candidates.append((fact, lo, hi, near))
    return candidates


def dated_events(
    doc: Document,
    facts: Sequence[Fact],
    hits: Sequence[tuple[int, int, str]],
    *,
    model: str | None = None,
    keys: frozenset[str] | None = None,
) -> list[EventDate]:
    """Every date of ``doc`` with the event word of its sentence it dates.

    With ``model``, the sentence's grammar says which event word a date dates,
    if any; without (or in a sentence too long to parse), the nearest. With
    ``keys``, only dates in sentences that name one of these events are read.
    """
    text = doc.match_text
    candidates = _candidates(doc, facts, hits, keys)
    parses = {}
    if model is not None:
        unique = sorted({(lo, hi) for _, lo, hi, _ in candidates if hi - lo <= MAX_CHARS})
        parsed = parse_sentences([text[a:b] for a, b in unique], model)
        parses = dict(zip(unique, parsed, strict=True))
    out = []
    for fact, lo, hi, near in candidates:
        parse = parses.get((lo, hi))
        if parse is not None:
            spans = [(s - lo, e - lo) for s, e, _ in near]
            k = dated_event(parse, fact.start - lo, fact.end - lo, spans)
            if k is None:
                continue  # "rescuers on Sunday stepped up efforts ... the earthquake"
            s, _e, key = near[k]
        else:
            s, _e, key = min(near, key=lambda h: min(abs(h[0] - fact.end), abs(fact.start - h[1])))
        before = text[max(lo, s - 40) : s].lower().split()
        earlier = any(w.strip(",") in EARLIER_EVENT_MARKERS for w in before[-3:])
        low = fact.low if isinstance(fact.low, str) else None
        high = fact.high if isinstance(fact.high, str) else None
        if low is None and isinstance(fact.value, str) and fact.value.startswith("--"):
            low = high = None
        out.append(EventDate(key, fact, low, high, earlier))
    return out


#: how coarse a date is: a day finer than a month, a month than a year
GRANULARITY_RANK = {"day": 0, "month": 1, "year": 2}


def _best_date(dates: Sequence[EventDate], doc: Document) -> EventDate | None:
    """The date a source gives its event: the most precise and explicit, then the first told."""
    if not dates:
        return None

    def score(d: EventDate) -> tuple[int, int, int, int]:
        rank = GRANULARITY_RANK.get(d.fact.granularity or "year", 2)
        weekdays = (Resolution.LAST_WEEKDAY, Resolution.NEXT_WEEKDAY)
        bare_weekday = 1 if d.fact.how in weekdays else 0
        single_day = 0 if d.fact.qualifier == "range" else 1
        return (rank, bare_weekday, single_day, d.fact.start)

    return min(dates, key=score)


def shared_figures(
    claims: Mapping[str, Sequence[Claim]], crowded: int = 200
) -> Counter[tuple[str, str]]:
    """How many figures each pair of sources has in common (same metric, overlapping values).

    Claims are indexed by kind and metric, so only sources with a metric in
    common are paired; a metric that more than ``crowded`` claims share
    (``year``) says nothing about two sources and is skipped.
    """
    index: dict[tuple[str, str], list[Claim]] = {}
    for source in sorted(claims):
        for c in claims[source]:
            index.setdefault((c.fact.kind, c.metric), []).append(c)
    shared: Counter[tuple[str, str]] = Counter()
    for group in index.values():
        if len(group) > crowded:
            continue
        pairs: set[tuple[str, str]] = set()
        # a sweep over the number line: each interval meets those still open where it starts
        spans = sorted((s for s in (_span(c) for c in group) if s is not None), key=lambda s: s[0])
        open_: list[tuple[float, float, str]] = []
        for lo, hi, source in spans:
            open_ = [a for a in open_ if a[1] >= lo]
            for _lo, _hi, other in open_:
                if other != source:
                    pairs.add((min(source, other), max(source, other)))
            open_.append((lo, hi, source))
        shared.update(pairs)
    return shared


def _span(claim: Claim) -> tuple[float, float, str] | None:
    """A numeric claim's interval (unbounded sides infinite) and its source."""
    f = claim.fact
    if not isinstance(f.value, int | float):
        return None
    lo = float(f.low) if isinstance(f.low, int | float) else float("-inf")
    hi = float(f.high) if isinstance(f.high, int | float) else float("inf")
    return lo, hi, claim.source


def date_undated_sources(
    events: Mapping[str, MainEvent | None],
    shared: Mapping[tuple[str, str], int],
    published: Mapping[str, dt.date | None],
    min_shared: int = 2,
) -> dict[str, tuple[str, dt.date, int]]:
    """Undated sources -> (the dated source reporting the same event, its date, figures shared).

    A source is dated only by a source whose main event is the same and with
    which it shares at least ``min_shared`` figures; with two candidates, the
    one sharing more wins, and a tie between different dates dates nothing.
    """
    neighbours: dict[str, list[tuple[int, str]]] = {}
    for (a, b), n in shared.items():
        if n >= min_shared:
            neighbours.setdefault(a, []).append((n, b))
            neighbours.setdefault(b, []).append((n, a))
    out: dict[str, tuple[str, dt.date, int]] = {}
    for source, event in sorted(events.items()):
        if published.get(source) is not None or event is None:
            continue
        scores = []
        for n, other in neighbours.get(source, ()):
            day = published.get(other)
            other_event = events.get(other)
            if day is None or other_event is None or other_event.key != event.key:
                continue
            if other_event.date is not None and other_event.date.low is not None:
                day = dt.date.fromisoformat(other_event.date.low)
            scores.append((n, other, day))
        scores.sort(key=lambda s: (-s[0], s[1]))
        if scores and (
            len(scores) == 1 or scores[0][0] > scores[1][0] or scores[0][2] == scores[1][2]
        ):
            n, other, day = scores[0]
            out[source] = (other, day, n)
    return out


def _interval(event: MainEvent | None) -> tuple[dt.date, dt.date] | None:
    if event is None or event.date is None or event.date.low is None:
        return None
    low = dt.date.fromisoformat(event.date.low)
    high = dt.date.fromisoformat(event.date.high) if event.date.high else low
    return low, high


def occurrences(
    events: Mapping[str, MainEvent | None],
    published: Mapping[str, dt.date | None],
    window_days: int = 3,
) -> dict[str, str]:
    """Source -> occurrence id (``visit@2025-05-08``): sources reporting one happening of an event.

    Sources are placed by the date they give their main event, else by their
    publication date; a source with neither joins the occurrence of its event
    when there is just one, or when one has at least twice the sources of any
    other.
    """
    by_key: dict[str, list[tuple[dt.date, dt.date, str]]] = {}
    undated: dict[str, list[str]] = {}
    for source, event in events.items():
        if event is None:
            continue
        span = _interval(event)
        if span is None and published.get(source) is not None:
            day = published[source]
            assert day is not None
            span = (day, day)
        if span is None:
            undated.setdefault(event.key, []).append(source)
            continue
        by_key.setdefault(event.key, []).append((span[0], span[1], source))
    out: dict[str, str] = {}
    for key, items in by_key.items():
        items.sort()
        reach: dt.date | None = None
        cluster = ""
        ids: list[str] = []
        for low, high, source in items:
            if reach is None or (low - reach).days > window_days:
                cluster = f"{key}@{low.isoformat()}"
                ids.append(cluster)
                reach = high
            else:
                reach = max(reach, high)
            out[source] = cluster
        sizes = Counter(out[source] for _, _, source in items)
        ranked = sizes.most_common()
        # an undated report of "the sentencing" is of the one most sources report, when one
        # clearly dominates (twice as many sources as any other)
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            for source in undated.get(key, []):
                out[source] = ranked[0][0]
    return out


def attached_dates(
    doc: Document,
    facts: Sequence[Fact],
    words: Mapping[str, str] | None = None,
    hits: Hits | None = None,
) -> list[EventDate]:
    """Every date of ``doc`` with the event word it is written next to.

    The timeline rules check these within one source ("since 2014" and "six
    years ago" for one victory), where the nearest event word serves them
    better than a parse that may hang a date from the wrong clause.
    """
    return dated_events(doc, facts, event_hits(doc, words) if hits is None else hits)


#: a capitalised word: a name's, or a sentence's first
_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][a-z]+(?:[-'’][A-Za-z]+)*")
_POSSESSIVE = re.compile(r"['’]s?$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”(]\s*|\n\s*)$")

#: two sources are of one story when they name at least this many of the same names, and
#: at least this share of the names of the one that names fewer; and (when both are dated)
#: were published within this many days of each other
STORY_NAMES = 3
STORY_NAME_SHARE = 0.5
STORY_DAYS = 7


def source_names(claims: Sequence[Claim], title: str | None = None) -> frozenset[str]:
    """The names a source's title and figure sentences hold (capitalised words not opening a
    sentence, lower-cased, without a possessive; months, weekdays and common words left out).

    A title in title case capitalises every word: only its words capitalised in a sentence
    too are names."""
    names: set[str] = set()
    for sentence in {c.fact.sentence for c in claims}:
        for m in _CAPITALISED.finditer(sentence):
            word = _POSSESSIVE.sub("", m.group().lower())
            if len(word) < 3 or word in _NOT_NAMES:
                continue
            if _SENTENCE_START.search(sentence, max(0, m.start() - 3), m.start()) is not None:
                continue
            names.add(word)
    if title:
        capitalised = {_POSSESSIVE.sub("", m.group().lower()) for m in _CAPITALISED.finditer(title)}
        title_case = sum(w[:1].isupper() for w in title.split()) > 0.6 * len(title.split())
        if not title_case:
            names |= {w for w in capitalised if len(w) >= 3 and w not in _NOT_NAMES}
    return frozenset(names)


_NOT_NAMES = frozenset({*STOP_WORDS, *(m.lower() for m in MONTHS), *(w.lower() for w in WEEKDAYS)})


def same_story_by_names(
    names: Mapping[str, frozenset[str]], published: Mapping[str, dt.date | None]
) -> list[tuple[str, str]]:
    """Pairs of sources that name the same people and places within a week of each other:
    reports of one story whose main events were not found (or told apart: a final's
    "victory" and its "ceremony"), to compare their figures without a period."""
    index: dict[str, list[str]] = {}
    for source in sorted(names):
        for name in names[source]:
            index.setdefault(name, []).append(source)
    common: Counter[tuple[str, str]] = Counter()
    for holders in index.values():
        if len(holders) > 200:
            continue  # a name in every article ("US") says nothing of which story
        for i, a in enumerate(holders):
            for b in holders[i + 1 :]:
                common[(a, b)] += 1
    pairs = []
    for (a, b), n in sorted(common.items()):
        fewer = min(len(names[a]), len(names[b]))
        if n < STORY_NAMES or n < STORY_NAME_SHARE * fewer:
            continue
        day_a, day_b = published.get(a), published.get(b)
        if day_a is not None and day_b is not None and abs((day_a - day_b).days) > STORY_DAYS:
            continue
        pairs.append((a, b))
    return pairs


def stories(
    sources: Sequence[str],
    occurrence: Mapping[str, str],
    shared: Mapping[tuple[str, str], int],
    min_shared: int = 2,
    named_alike: Sequence[tuple[str, str]] = (),
) -> dict[str, str]:
    """Source -> story id: sources reporting the same occurrence of an event, or sharing figures.

    Two sources are in one story when they report the same occurrence of their
    main event, when they give at least ``min_shared`` of the same figures
    (see :func:`shared_figures`), or when they are ``named_alike`` (see
    :func:`same_story_by_names`). Figures without a stated period are only
    compared inside one story.
    """
    sets = DisjointSets(sources)
    known = set(sources)
    by_occurrence: dict[str, list[str]] = {}
    for source, occ in sorted(occurrence.items()):
        if source in known:
            by_occurrence.setdefault(occ, []).append(source)
    for members in by_occurrence.values():
        for other in members[1:]:
            sets.union(members[0], other)
    for (first, second), n in shared.items():
        if n >= min_shared and first in known and second in known:
            sets.union(first, second)
    for first, second in named_alike:
        if first in known and second in known:
            sets.union(first, second)
    return {s: "story:" + sets.find(s) for s in sources}
