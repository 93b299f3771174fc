"""Group claims by what they measure, run every rule, return discrepancies.

Comparison is never all-pairs over the corpus: claims are grouped by figure
kind, unit and metric key first (keys that differ only in wording are joined
with rapidfuzz), and each rule works inside one group at a time.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.actions import action_claims, action_sentences
from factcheck.attribute import claims_of, may_be_measured_by_grammar
from factcheck.confidence import confidence
from factcheck.events import (
    EventDate,
    MainEvent,
    attached_dates,
    date_undated_sources,
    event_hits,
    event_words,
    main_event,
    main_event_sentences,
    occurrences,
    same_story_by_names,
    shared_figures,
    source_names,
    stories,
)
from factcheck.extract import extract_document
from factcheck.extract._lexicon import CUMULATIVE_METRICS, STOP_WORDS
from factcheck.extract.context import singular
from factcheck.facts import LEVELS, Claim, Discrepancy, Document, Fact, Frame, Published
from factcheck.frames import lexicon, one_of_many
from factcheck.grouping import DisjointSets
from factcheck.kinds import KindSpec, registry
from factcheck.kinds.base import Corpus, Finding, MetricGroup, RuleContext
from factcheck.parse import DEFAULT_MODEL, MAX_CHARS, parse_sentences
from factcheck.ruledata import Rule, RuleSet, Vocabulary
from factcheck.sentences import Sentences

#: how alike two metric keys with the same head word must be to be joined (rapidfuzz, 0-100)
METRIC_SIMILARITY = 85


@dataclass(frozen=True, slots=True)
class Analysis:
    """The corpus as the rules see it, and the documents and facts it came from."""

    documents: list[Document]
    facts: list[Fact]
    corpus: Corpus
    redated: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Prepared:
    """One article with what the rules need from it (worked out where it was extracted)."""

    doc: Document
    facts: list[Fact]
    claims: list[Claim]
    event: MainEvent | None
    attached: list[EventDate]


#: how many articles' figure sentences are parsed in one call
PARSE_CHUNK = 64


def parse_figure_sentences(
    items: Sequence[tuple[Document, list[Fact]]],
    vocabulary: Vocabulary,
    words: Mapping[str, str],
    model: str,
) -> None:
    """Parse at once the sentences :func:`prepare` will read of these articles (kept in memory):
    those of their claims and those that may date their main events."""
    sentences: list[str] = []
    for doc, facts in items:
        bounds = Sentences(doc.match_text)
        # the claims' sentences, and those of the figures only the grammar can measure
        measured = [c.fact for c in claims_of(doc, facts, vocabulary, model=None)]
        measured.extend(f for f in facts if may_be_measured_by_grammar(f))
        # each sentence once, however many of its figures are measured
        spans = dict.fromkeys(bounds.around(f.start, f.end) for f in measured)
        sentences.extend(doc.match_text[lo:hi] for lo, hi in spans if hi - lo <= MAX_CHARS)
        sentences.extend(main_event_sentences(doc, facts, words))
        sentences.extend(action_sentences(doc, facts))
    if sentences:
        parse_sentences(sentences, model)


def prepare(
    doc: Document,
    facts: list[Fact],
    vocabulary: Vocabulary,
    words: Mapping[str, str],
    *,
    nlp_model: str = DEFAULT_MODEL,
) -> Prepared:
    """An article's claims, main event and dated events: a pure function of the article."""
    hits = event_hits(doc, words)
    event = main_event(doc, facts, words, hits, model=nlp_model)
    return Prepared(
        doc,
        facts,
        claims_of(doc, facts, vocabulary, model=nlp_model)
        + action_claims(doc, facts, event, nlp_model),
        event,
        attached_dates(doc, facts, words, hits),
    )


def analyse(
    extracted: Iterable[tuple[Document, list[Fact]] | Prepared],
    ruleset: RuleSet | None = None,
    *,
    reread: Callable[[Document], Document] | None = None,
    nlp_model: str = DEFAULT_MODEL,
) -> Analysis:
    """Claims, events and metric groups for every source.

    The articles are taken one at a time: what the rules need from each
    (claims, main event, dated events) is worked out as it arrives. With
    ``reread`` (which reads a slim document's text again), the documents are
    then kept without their text, so memory does not grow with the corpus's
    text; the few that must be read again (an undated source dated by the
    corpus) are re-read.
    """
    vocabulary = ruleset.vocabulary if ruleset is not None else Vocabulary()
    words = event_words(sorted(vocabulary.events))
    docs: dict[str, Document] = {}
    facts: dict[str, list[Fact]] = {}
    claims: dict[str, list[Claim]] = {}
    events: dict[str, MainEvent | None] = {}
    attached: dict[str, list[EventDate]] = {}

    def take(item: Prepared) -> None:
        doc = item.doc
        claims[doc.id] = item.claims
        events[doc.id] = item.event
        attached[doc.id] = item.attached
        docs[doc.id] = doc.slim() if reread is not None else doc
        facts[doc.id] = item.facts

    stream = iter(extracted)
    while chunk := list(itertools.islice(stream, PARSE_CHUNK)):
        # the figure sentences of a chunk of articles are parsed in one call (spaCy is faster
        # on one large batch than on many small ones); preparing each article then reads them
        # from memory
        raw = [item for item in chunk if not isinstance(item, Prepared)]
        parse_figure_sentences(raw, vocabulary, words, nlp_model)
        for item in chunk:
            if not isinstance(item, Prepared):
                item = prepare(*item, vocabulary, words, nlp_model=nlp_model)
            take(item)
    published = {sid: docs[sid].published.date for sid in docs}
    redated: dict[str, str] = {}
    shared_counts = shared_figures(claims)
    undated = date_undated_sources(events, shared_counts, published)
    for sid, (other, day, shared) in sorted(undated.items()):
        event = events[sid]
        evidence = (
            f"reports the same {event.key if event else 'event'} as {other} "
            f"({day.isoformat()}), with {shared} figures in common"
        )
        full = docs[sid]
        if full.is_slim:
            assert reread is not None
            full = reread(full)
        doc = dataclasses.replace(full, published=Published(day, "month", "inferred", evidence))
        take(prepare(*extract_document(doc), vocabulary, words, nlp_model=nlp_model))
        published[sid] = day
        redated[sid] = evidence
    all_claims = [c for sid in sorted(claims) for c in claims[sid]]
    occurrence = occurrences(events, published)
    corpus = Corpus(
        documents=docs,
        facts=facts,
        claims=all_claims,
        groups=group_claims(all_claims, vocabulary),
        events=events,
        occurrence=occurrence,
        story=stories(
            sorted(docs),
            occurrence,
            shared_counts,
            named_alike=same_story_by_names(
                {sid: source_names(claims[sid], docs[sid].title) for sid in claims}, published
            ),
        ),
        vocabulary=vocabulary,
        references=ruleset.references if ruleset is not None else (),
        cumulative=CUMULATIVE_METRICS | vocabulary.cumulative,
        attached=attached,
        nlp_model=nlp_model,
    )
    ordered = [docs[sid] for sid in docs]
    return Analysis(ordered, [f for sid in docs for f in facts[sid]], corpus, redated)


def _family(claim: Claim) -> tuple[str, str]:
    fact = claim.fact
    if fact.kind in ("count", "ordinal", "time"):
        return fact.kind, ""  # a clock time's unit is its zone: times of any zone compare
    return fact.kind, fact.unit


def _times(value: Any, rate: float) -> Any:
    return value * rate if isinstance(value, int | float) else value


def _convert(claim: Claim, rates: Mapping[tuple[str, str], float]) -> Claim:
    """A money claim in another currency, converted when the vocabulary gives a rate."""
    fact = claim.fact
    if fact.kind != "money" or not rates:
        return claim
    for (source, target), rate in sorted(rates.items()):
        if fact.unit == source:
            converted = dataclasses.replace(
                fact,
                value=_times(fact.value, rate),
                low=_times(fact.low, rate),
                high=_times(fact.high, rate),
                precision=_times(fact.precision, rate),
                unit=target,
            )
            return dataclasses.replace(claim, fact=converted)
    return claim


def group_claims(claims: Sequence[Claim], vocabulary: Vocabulary) -> list[MetricGroup]:
    """Claims grouped by kind, unit and metric (similar keys with one head word joined).

    Keys are compared with rapidfuzz's ``token_sort_ratio``, so spelling variants
    join (``ceasefire violation``/``cease-fire violation``) but a modifier that
    changes the measure does not (``net profit`` stays apart from ``operating
    profit``, ``expected revenue`` from ``revenue``).
    """
    from rapidfuzz import fuzz

    by_family: dict[tuple[str, str], dict[str, list[Claim]]] = defaultdict(
        lambda: defaultdict(list)
    )
    aliases = entity_aliases(claims)
    subject = story_subject(claims, aliases)
    common = common_words(claims)
    for claim in claims:
        claim = _convert(claim, vocabulary.rates)
        entity = claim.frame.entity
        if entity is not None and entity.key in aliases:
            # "the NFP" where another article wrote "the New Popular Front (NFP)": one name
            frame = dataclasses.replace(
                claim.frame, entity=dataclasses.replace(entity, key=aliases[entity.key])
            )
            claim = dataclasses.replace(claim, frame=frame)
        by_family[_family(claim)][claim.metric].append(claim)
    groups: list[MetricGroup] = []
    for (_kind, unit), by_key in sorted(by_family.items()):
        keys = sorted(by_key)
        sets = DisjointSets(keys)
        by_head: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            by_head[_split_of(k)[0]].append(k)
        for same_head in by_head.values():
            for i, a in enumerate(same_head):
                for b in same_head[i + 1 :]:
                    # "length of span" is not "length of ship": what it is of must match too
                    of_a, of_b = _split_of(a)[1], _split_of(b)[1]
                    # "Hualien City" is "Hualien": one's words within the other's
                    words_a, words_b = set(of_a.split()), set(of_b.split())
                    if (
                        fuzz.token_sort_ratio(a, b) >= METRIC_SIMILARITY
                        and _same_words(_before_of(a), _before_of(b))
                    ) and (
                        of_a == of_b
                        or fuzz.ratio(of_a, of_b) >= METRIC_SIMILARITY
                        or (words_a and words_b and (words_a <= words_b or words_b <= words_a))
                    ):
                        sets.union(a, b)
        merged: dict[str, list[Claim]] = defaultdict(list)
        for k in keys:
            merged[sets.find(k)].extend(by_key[k])
        for root, members in sorted(merged.items()):
            name = min((k for k in keys if sets.find(k) == root), key=lambda k: (len(k), k))
            # figures are compared only when their frames claim the same thing
            by_frame: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
            for claim in members:
                by_frame[claim.frame.compare_key()].append(claim)
            # a player's age, a goal's minute: one of many in a story, compared only when named
            whose, what = one_of_many(name)
            # "won 26 seats" in a story of several parties' seats is no one party's: several
            # entities, each named by two sources or more (a name one source gives in
            # passing makes no story of several)
            several = (
                sum(
                    len({c.source for c in named}) >= 2
                    for named in _by_part(
                        [c for c in members if c.frame.entity], "entity", common=common
                    )
                )
                > 1
            )
            for _key, same in sorted(by_frame.items()):
                for scoped in _by_part(same, "scope"):
                    for part in _by_part(
                        scoped,
                        "entity",
                        strict=whose or several,
                        events=several and not whose,
                        subject=None if whose else subject,
                        common=common,
                    ):
                        # a meeting with no one named ("talks on Thursday") is not the one
                        # with someone named ("met Sanjay Mehrotra on Wednesday")
                        strict = what or (
                            _kind in ("date", "time") and name in lexicon().relational
                        )
                        for subgroup in _by_part(part, "predicate", strict=strict):
                            label = frame_label(name, _named_frame(subgroup))
                            groups.append(MetricGroup(label, unit, tuple(subgroup), name))
    return groups


def entity_aliases(claims: Sequence[Claim]) -> dict[str, str]:
    """Entity keys that name one entity: a name, its bracketed acronym, and both together.

    An article that writes "the New Popular Front (NFP)" gives the key ``new
    popular front nfp``; "the NFP" and "the New Popular Front" in any other
    article are that entity too. A short name shared by two full names
    (``front`` of two fronts) is left alone.
    """
    full: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        part = claim.frame.entity
        if part is None:
            continue
        words = part.key.split()
        if len(words) >= 2 and words[-1] not in part.words.lower():
            name, acronym = " ".join(words[:-1]), words[-1]
            full[name].add(part.key)
            full[acronym].add(part.key)
    return {short: next(iter(keys)) for short, keys in full.items() if len(keys) == 1}


#: how much more often than any other the story's subject must be named, and by how many
#: of the sources that name anyone
SUBJECT_LEAD = 2.0
SUBJECT_SHARE = 0.4


def story_subject(claims: Sequence[Claim], aliases: Mapping[str, str]) -> str | None:
    """The entity the corpus is about, if one stands out: a company in its results.

    It is named (as whose figure it is) by at least two in five of the sources that
    name anyone, and by twice as many sources as any other; a figure that names
    no one is then its figure, even in a measure that names its parts too (Apple's
    revenue beside the iPhone's). In an election no party stands out so.
    """
    sources: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        # the doer of a timed action may be a common noun ("the jury", "the quake"): no name
        if claim.frame.entity is not None and claim.fact.kind != "time":
            key = claim.frame.entity.key
            sources[aliases.get(key, key)].add(claim.source)
    naming = {s for named in sources.values() for s in named}
    ranked = sorted(sources.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    if not ranked or len(ranked[0][1]) < max(3, SUBJECT_SHARE * len(naming)):
        return None
    second = len(ranked[1][1]) if len(ranked) > 1 else 0
    return ranked[0][0] if len(ranked[0][1]) >= SUBJECT_LEAD * second else None


#: modifiers that do not change what is measured ("net revenue" is the revenue reported)
_SAME_MEASURE = frozenset({"net"})


def _of_at(words: Sequence[str]) -> int:
    """Where a metric key's words say what it is of or from (their number when they do not)."""
    return next((i for i, w in enumerate(words) if w in ("of", "from") and i > 0), len(words))


def _before_of(key: str) -> str:
    """A metric key without what it is of or from (``distance`` of ``distance from x``)."""
    words = key.split()
    return " ".join(words[: _of_at(words)])


def _same_words(a: str, b: str) -> bool:
    """Whether two measures are one written two ways: every word of one that the other lacks
    is a spelling of one of its words (``votes share``, ``voters share``) or a modifier that
    changes nothing (``total``, ``net``). ``core inflation`` is not ``inflation``, ``iPad
    revenue`` not ``iPhone revenue``, ``cloud services revenue`` not ``services revenue``.
    """
    from rapidfuzz import fuzz

    loose = lexicon().generic_modifiers | _SAME_MEASURE

    def words(key: str) -> set[str]:
        return {singular(w) for w in key.split() if any(ch.isalnum() for ch in w)}

    wa, wb = words(a), words(b)
    only_a, only_b = wa - wb, wb - wa
    return all(
        x in loose or any(fuzz.ratio(x, y) >= METRIC_SIMILARITY for y in other)
        for mine, other in ((only_a, only_b), (only_b, only_a))
        for x in mine
    )


def _split_of(key: str) -> tuple[str, str]:
    """A metric key's head word and what it is of or from (``''`` when nothing is).

    ``vote share`` -> (share, ''); ``distance from marrakech`` -> (distance, marrakech),
    so that ``distance from Marrakech`` and ``... Marrakesh`` may join.
    """
    words = key.split()
    at = _of_at(words)
    return words[at - 1], " ".join(words[at + 1 :])


def _part_key(claim: Claim, part: str) -> str | None:
    value = getattr(claim.frame, part)
    return value.key if value is not None else None


def _by_part(
    claims: Sequence[Claim],
    part: str,
    *,
    strict: bool = False,
    events: bool = False,
    subject: str | None = None,
    common: frozenset[str] = frozenset(),
) -> list[list[Claim]]:
    """Claims split by one frame part; those without it join the one named value, if one.

    In a story about one company, "revenue was $4.6 billion" is that company's
    revenue; in a story about two parties, "won 38 seats" could be either's, so it
    is compared with neither. A figure with no scope is of the whole, never of
    the one part named (the company's revenue, not its division's; the
    country's dead, not one city's). With ``strict``, a figure without the
    part is compared with nothing (the age of "the 23-year-old"), but with
    ``events`` those said of the event itself (``the quake struck 72 km from X``
    where two towns' distances are named) are compared with each other. With
    ``subject`` (the story's subject, when it is among the named), figures
    without the part are the subject's. ``common`` are the words the story writes in
    small letters: a name extended by them is another entity (a product, a part).
    """
    from rapidfuzz import fuzz

    named: dict[str, list[Claim]] = defaultdict(list)
    unnamed: list[Claim] = []
    for claim in claims:
        key = _part_key(claim, part)
        if key is None:
            unnamed.append(claim)
        else:
            named[key].append(claim)
    # "National Renewal Party", "the opposition National Renewal Party": one name
    keys = sorted(named)
    sets = DisjointSets(keys)
    for i, a in enumerate(keys):
        for b in keys[i + 1 :]:
            wa, wb = set(a.split()), set(b.split())
            # "Massa & Rossi" (a figure of the two together) is not Massa's alone;
            # "Microsoft Cloud" (a word the story writes small: a product) not Microsoft's
            within = (
                (wa <= wb or wb <= wa)
                and ("&" in wa) == ("&" in wb)
                and not _extends_by_common_nouns(a, b, common)
            )
            if within or fuzz.token_sort_ratio(a, b) >= METRIC_SIMILARITY:
                sets.union(a, b)
    joined: dict[str, list[Claim]] = defaultdict(list)
    for k in keys:
        joined[sets.find(k)].extend(named[k])
    named = joined
    root = sets.find(subject) if subject is not None and subject in keys else None
    if root is not None and unnamed:
        # the story's subject: a figure that names no one is its figure
        named[root] = [*named[root], *unnamed]
        return [named[k] for k in sorted(named)]
    if (
        len(named) == 1
        and not strict
        # in a story about one company, a figure that names no one is the company's, never
        # its one named division's ("revenue rose 18%" is not "LinkedIn revenue rose 9%")
        and subject is None
        and not (part == "scope" and _a_part(next(iter(named.values()))))
    ):
        (only,) = named.values()
        return [[*only, *unnamed]]
    out = [named[k] for k in sorted(named)]
    if strict:
        of_event = [c for c in unnamed if events and c.frame.of_event is not None]
        return (
            out
            + ([of_event] if of_event else [])
            + [[c] for c in unnamed if not (events and c.frame.of_event is not None)]
        )
    if unnamed:
        out.append(unnamed)
    return out


def common_words(claims: Sequence[Claim]) -> frozenset[str]:
    """The words the claims' sentences write in small letters (common nouns, not names)."""
    return frozenset(w for c in claims for w in _SMALL_WORD.findall(c.fact.sentence))


_SMALL_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z-]+(?![\w'’-])")


def _extends_by_common_nouns(a: str, b: str, common: frozenset[str]) -> bool:
    """One name is the other and words after it that the story writes as common nouns
    ("microsoft cloud" of "microsoft", "amazon web services" of "amazon"): a part or a
    product, not the named itself. A name's own suffix ("Corp", "Party") is the name."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if not long.startswith(short + " "):
        return False
    extra = long[len(short) + 1 :].split()
    lex = lexicon()
    return all(w in common and w not in lex.name_suffixes for w in extra) and not any(
        w in STOP_WORDS for w in extra
    )


def _a_part(claims: Sequence[Claim]) -> bool:
    """True when the scope the claims name is a part of a whole (a division, a province).

    A figure that names no scope is of the whole, never of the part (nor of a
    part of the event, an aftershock); a place named by its proper name may be
    where the whole happened ("struck near Ighil"), so a figure without scope
    may join it.
    """
    lex = lexicon()
    scopes = [c.frame.scope for c in claims if c.frame.scope is not None]
    # an aftershock: another event within the event, never the whole a bare figure is of
    events = {w.rstrip("s") for w in lex.other_events}
    return any(
        # "the capital, where he received 57%": a place the clause picks out of the whole
        s.how in ("subject", "where clause", "proper adjective")
        or s.key.split()[-1] in lex.scope_nouns
        or (s.key in events and s.how == "clause")
        for s in scopes
    )


def _named_frame(claims: Sequence[Claim]) -> Frame:
    """The frame that names a group: the first that has an entity, else the first."""
    for claim in claims:
        if claim.frame.entity is not None:
            return claim.frame
    return claims[0].frame


def frame_label(metric: str, frame: Frame) -> str:
    """A metric with what its frame adds: ``seat of Greens``, ``revenue change (year on year)``."""
    label = metric
    if frame.sense == "change" and not metric.endswith("change"):
        label += " change"
    if frame.basis is not None:
        label += f" ({frame.basis.key})"
    if frame.entity is not None:
        label += f" of {frame.entity.words}"
    if frame.scope is not None:
        label += f" in {frame.scope.words}"
    modality = "actual" if frame.modality == "estimate" else frame.modality
    if modality != "actual":
        label += f" [{modality}]"
    return label


class _Fields(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fingerprint(rule: Rule, finding: Finding) -> str:
    """A stable id: the rule, metric, period and the claims' sources and values, no offsets."""
    parts = [rule.code, finding.metric, finding.period or ""]
    parts += sorted(f"{c.source}={c.fact.value}" for c in finding.claims)
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]


def discrepancy(rule: Rule, finding: Finding) -> Discrepancy:
    sources = sorted({c.source for c in finding.claims})
    score, reasons = confidence(finding.claims, rule.code)
    fields = _Fields(
        metric=finding.metric,
        period=finding.period or "undated",
        explanation=finding.explanation,
        sources=", ".join(sources),
        values=", ".join(" ".join(c.fact.text.split()) for c in finding.claims),
        count=len(sources),
        code=rule.code,
        name=rule.name,
    )
    fields.update(finding.fields)
    return Discrepancy(
        id=fingerprint(rule, finding),
        rule=rule.code,
        name=rule.name,
        level=rule.level,
        message=rule.message.format_map(fields),
        explanation=finding.explanation,
        metric=finding.metric,
        period=finding.period,
        claims=finding.claims,
        difference_abs=finding.difference_abs,
        difference_rel=finding.difference_rel,
        majority_value=finding.majority_value,
        majority_sources=finding.majority_sources,
        confidence=score,
        confidence_reasons=reasons,
    )


def run_rules(
    corpus: Corpus, rules: Sequence[Rule], kinds: Mapping[str, KindSpec] | None = None
) -> list[Discrepancy]:
    """Every discrepancy the enabled rules find, sorted by level, rule, metric and id."""
    kinds = kinds or registry()
    out: dict[str, Discrepancy] = {}
    for rule in rules:
        if not rule.enabled:
            continue
        for finding in kinds[rule.kind].check(RuleContext(rule, corpus)):
            d = discrepancy(rule, finding)
            out.setdefault(d.id, d)
    order = {level: i for i, level in enumerate(LEVELS)}
    return sorted(
        out.values(), key=lambda d: (order[d.level], d.rule, d.metric, d.period or "", d.id)
    )


def at_or_above(discrepancies: Iterable[Discrepancy], level: str) -> list[Discrepancy]:
    """The discrepancies at ``level`` or more severe."""
    rank: dict[str, int] = {lv: i for i, lv in enumerate(LEVELS)}
    return [d for d in discrepancies if rank[d.level] <= rank[level]]


def today() -> dt.date:  # pragma: no cover - a seam for tests
    return dt.date.today()


__all__ = ["Analysis", "MainEvent", "analyse", "at_or_above", "group_claims", "run_rules"]
