"""Claim frames: whose figure it is, where, a level or a change, actual or not, said by whom.

A frame is read from the dependency parse of the figure's sentence
(:mod:`factcheck.parse`): from the figure's tokens up to its clause's verb,
and from the children along that path. The words it reads by are data
(``factcheck/data/frames.yaml``).

>>> from factcheck.parse import parse_sentences
>>> s = "The Greens won 38 seats, while Okafor had 22 carries."
>>> p = parse_sentences([s])[0]
>>> frame_of(p, s.index("38"), s.index("38") + 8).entity.key
'greens'
>>> frame_of(p, s.index("22"), s.index("22") + 10).entity.key
'okafor'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from factcheck import datafiles
from factcheck.extract.context import singular
from factcheck.extract.numbers import words_to_number
from factcheck.facts import Frame, FrameHow, FramePart, Modality, Sense
from factcheck.parse import Parse

_NOUN_TAGS = frozenset({"NN", "NNS", "NNP", "NNPS"})
_PROPER = frozenset({"NNP", "NNPS"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
#: relative pronouns: a relative clause's subject is what the clause describes
_RELATIVE = frozenset("who which that whom".split())
#: titles that do not change who is named ("Mr Wilders" is "Wilders")
_HONORIFICS = frozenset("mr mrs ms miss dr sir dame".split())
#: an acronym a name is also known by: "the Party for Freedom (PVV)"
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")


@dataclass(frozen=True, slots=True)
class Lexicon:
    change_verbs: frozenset[str]
    change_nouns: frozenset[str]
    basis: tuple[tuple[str, re.Pattern[str]], ...]
    modality: tuple[tuple[Modality, frozenset[str]], ...]
    reporting: frozenset[str]
    scope_nouns: frozenset[str]
    scope_preps: frozenset[str]
    not_scope: frozenset[str]
    event_parts: frozenset[str]
    event_subjects: frozenset[str]
    other_events: frozenset[str]
    sector_verbs: frozenset[str]
    whole_subjects: frozenset[str]
    reporting_with_clause: frozenset[str]
    calling: frozenset[str]
    onsets: frozenset[str]
    report_nouns: frozenset[str]
    forecast_nouns: frozenset[str]
    owner_nouns: frozenset[str]
    part_nouns: frozenset[str]
    comparison_words: frozenset[str]
    time_nouns: frozenset[str]
    lasting_verbs: frozenset[str]
    scheduling: frozenset[str]
    hedges: frozenset[str]
    price_verbs: frozenset[str]
    margin_of: frozenset[str]
    transparent: frozenset[str]
    clause_openers: frozenset[str]
    forecasters: frozenset[str]
    not_entities: frozenset[str]
    role_nouns: frozenset[str]
    predicates: dict[str, str]
    copulas: frozenset[str]
    prospect: frozenset[str]
    margin_verbs: frozenset[str]
    per_individual: frozenset[str]
    incident_times: frozenset[str]
    future_auxiliaries: frozenset[str]
    generic_modifiers: frozenset[str]
    not_actions: frozenset[str]
    light_verbs: frozenset[str]
    aspect_verbs: frozenset[str]
    irregular_actions: dict[str, str]
    action_nouns: dict[str, str]
    relational: frozenset[str]
    name_suffixes: frozenset[str]


def _words(items: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(w).lower() for w in items)


def _phrases(items: Iterable[str]) -> re.Pattern[str]:
    alts = sorted((re.escape(str(p).lower()) for p in items), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


@functools.cache
def data() -> dict[str, Any]:
    """``factcheck/data/frames.yaml``, read once."""
    return datafiles.load("frames.yaml")


@functools.cache
def lexicon() -> Lexicon:
    """The frame words of :func:`data`."""
    data_ = data()
    modality: list[tuple[Modality, frozenset[str]]] = []
    for name in ("exit poll", "target", "forecast", "estimate"):
        modality.append((name, _words(data_["modality"][name])))
    return Lexicon(
        change_verbs=_words(data_["change-verbs"]),
        change_nouns=_words(data_["change-nouns"]),
        basis=tuple((str(k), _phrases(v)) for k, v in data_["basis"].items()),
        modality=tuple(modality),
        reporting=_words(data_["reporting-verbs"]),
        reporting_with_clause=_words(data_["reporting-with-a-clause"]),
        scope_nouns=_words(data_["scope-nouns"]),
        scope_preps=_words(data_["scope-prepositions"]),
        not_scope=_words(data_["not-scope"]),
        event_parts=_words(data_["event-parts"]),
        event_subjects=_words(data_["event-subjects"]),
        other_events=_words(data_["other-events"]),
        sector_verbs=_words(data_["sector-verbs"]),
        whole_subjects=_words(data_["whole-subjects"]),
        not_entities=_words(data_["not-entities"]),
        role_nouns=_words(data_["role-nouns"]),
        predicates={
            str(w).lower(): str(group[0]).lower() for group in data_["predicates"] for w in group
        },
        copulas=_words(data_["copulas"]),
        prospect=_words(data_["prospect"]),
        calling=_words(data_["calling-verbs"]),
        onsets=_words(data_["onsets"]),
        report_nouns=_words(data_["report-nouns"]),
        forecast_nouns=_words(data_["forecast-nouns"]),
        owner_nouns=_words(data_["owner-nouns"]),
        part_nouns=_words(data_["part-nouns"]),
        comparison_words=_words(data_["comparison-words"]),
        time_nouns=_words(data_["time-nouns"]),
        lasting_verbs=_words(data_["lasting-verbs"]),
        scheduling=_words(data_["scheduling-verbs"]),
        hedges=_words(data_["hedges"]),
        price_verbs=_words(data_["price-verbs"]),
        margin_of=_words(data_["margin-of"]),
        transparent=_words(data_["transparent-nouns"]),
        clause_openers=_words(data_["clause-openers"]),
        forecasters=_words(data_["forecasters"]),
        margin_verbs=_words(data_["margin-verbs"]),
        per_individual=_words(data_["per-individual"]),
        incident_times=_words(data_["incident-times"]),
        future_auxiliaries=_words(data_["future-auxiliaries"]),
        generic_modifiers=_words(data_["generic-modifiers"]),
        not_actions=_words(data_["not-actions"]),
        light_verbs=_words(data_["light-verbs"]),
        aspect_verbs=_words(data_["aspect-verbs"]),
        irregular_actions={str(k): str(v) for k, v in data_["irregular-actions"].items()},
        action_nouns={str(k): str(v) for k, v in data_["action-nouns"].items()},
        relational=_words(data_["relational-actions"]),
        name_suffixes=_words(data_["name-suffixes"]),
    )


def _low(p: Parse, i: int) -> str:
    return p.word(i).lower()


def _is_verb(p: Parse, i: int) -> bool:
    return p.tags[i].startswith("VB") or p.tags[i] == "MD"


def _anchor(p: Parse, toks: Sequence[int]) -> int:
    """The token of the figure that hangs from outside it (its syntactic head)."""
    inside = set(toks)
    for i in toks:
        if p.heads[i] not in inside or p.heads[i] == i:
            return i
    return toks[-1]


def _noun(p: Parse, anchor: int) -> int:
    """The noun the figure counts or is: ``38 seats`` -> seats; ``$329 million`` -> million."""
    if p.deps[anchor] in ("nummod", "quantmod", "compound") and p.tags[p.heads[anchor]] in (
        _NOUN_TAGS
    ):
        return p.heads[anchor]
    return anchor


def _clause_verb(p: Parse, n: int) -> int | None:
    """The verb of the figure's clause: the first verb above the noun."""
    for a in p.ancestors(n):
        if _is_verb(p, a):
            return a
    return None


def _chain(p: Parse, i: int) -> list[int]:
    """A noun with its compounds and proper-name modifiers: ``the Farmers' Party``."""
    out = [i]
    for c in p.children(i):
        if c < i and (p.deps[c] == "compound" or (p.deps[c] == "poss" and p.tags[c] in _PROPER)):
            out.extend(_chain(p, c))
        elif p.deps[c] == "amod" and c < i and p.tags[c] in _PROPER:
            out.append(c)
    return sorted(set(out))


def _key(words: Iterable[str]) -> str:
    kept = []
    for w in words:
        w = re.sub(r"['’]s?$", "", w.lower()).strip(".,'’\"()")
        if w and w not in _DETERMINERS and w not in _HONORIFICS:
            kept.append(w)
    return " ".join(kept)


def _acronym(p: Parse, head: int) -> int | None:
    """The acronym in brackets after a name (``Party for Freedom (PVV)``), within its phrase."""
    todo = [head]
    while todo:
        i = todo.pop()
        for c in p.children(i):
            if c < head or c > head + 6:
                continue
            if (
                p.deps[c] == "appos"
                and _ACRONYM.fullmatch(p.word(c))
                and c > 0
                and p.word(c - 1) == "("
            ):
                return c
            if p.deps[c] in ("prep", "pobj", "compound"):
                todo.append(c)
    return None


#: a quarter's or a fiscal year's code: "Q2", "4Q23", "H1", "FY24": when, never whose
_PERIOD_CODE = re.compile(
    r"(?:Q[1-4]|[1-4]Q(?:'?\d{2})?|H[12]|FY'?(?:\d{2}|\d{4})?)", re.IGNORECASE
)


def _part(p: Parse, toks: Sequence[int], how: FrameHow) -> FramePart | None:
    toks = [i for i in toks if not _PERIOD_CODE.fullmatch(p.word(i))]  # "for Q2 FY24": when
    if not toks:
        return None
    words = [p.word(i) for i in toks]
    key = _key(words)
    if not key:
        return None
    return FramePart(key, p.text[p.starts[toks[0]] : p.ends[toks[-1]]], how)


def _proper(p: Parse, i: int) -> bool:
    return p.tags[i] in _PROPER or (p.word(i)[:1].isupper() and p.tags[i] in _NOUN_TAGS and i > 0)


#: a dateline opening a sentence: ``SALVERNE, April 1 (Tidewater) —``
_DATELINE = re.compile(r"[A-Z][A-Z.'’-]{2,}(?:[ \t][A-Z][A-Z.'’-]+)*\b[^\n]{0,80}?[ \t][-—–][ \t]")


@functools.lru_cache(maxsize=1024)
def _dateline_end(p: Parse) -> int:
    m = _DATELINE.match(p.text)
    return m.end() if m is not None else 0


def _entity_at(p: Parse, i: int, how: FrameHow, lex: Lexicon) -> FramePart | None:
    if p.starts[i] < _dateline_end(p):
        return None  # the dateline names a place, not whose figure it is
    whole = _chain(p, i)
    own = [c for c in p.children(i) if c < i and p.deps[c] == "compound" and _proper(p, c)]
    if p.tags[i] in ("NN", "NNS") and own:
        # "Macron's centrist Renaissance party": the party's own name, not its leader's
        owners = {j for c in p.children(i) if p.deps[c] == "poss" for j in _chain(p, c)}
        whole = [j for j in whole if j not in owners]
    # "centrist D66", "kicker Harrison Butker": the name, without what describes it
    chain = _without_role(p, [j for j in whole if _proper(p, j)])
    if not chain:
        return None
    if p.tags[i] in _PROPER:
        # "the Party for Freedom", "the Bank of England": the name goes on after "for"/"of"
        for c in p.children(i):
            if c > i and p.deps[c] == "prep" and _low(p, c) in ("of", "for"):
                objects = [o for o in p.children(c) if p.deps[o] == "pobj" and p.tags[o] in _PROPER]
                if objects:
                    chain = sorted({*chain, c, *_chain(p, objects[0])})
                break
    part = _part(p, chain, how)
    if part is None or part.key in lex.not_entities:
        return None
    acronym = _acronym(p, i)
    if acronym is not None and acronym not in chain:
        # the key holds both names, so that "the PVV" elsewhere is the same party
        part = FramePart(f"{part.key} {p.word(acronym).lower()}", part.words, how)
    return part


def _without_role(p: Parse, chain: list[int]) -> list[int]:
    """A name without the common noun that describes it before it: "Substitute Mikel
    Oyarzabal" (capitalised at a sentence's start), "Berlin substitute Mikel Oyarzabal"."""
    roles = lexicon().role_nouns
    cut = 0
    for k, j in enumerate(chain):
        gap = range(chain[k - 1] + 1, j) if k else range(0)
        own = p.tags[j] in ("NN", "NNS") or _low(p, j) in roles
        role = own or any(p.tags[g] in ("NN", "NNS") for g in gap)
        rest = chain[k + 1 :] if own else chain[k:]
        if role and any(p.tags[r] in _PROPER and _low(p, r) not in roles for r in rest):
            cut = k + 1 if own else k
    return chain[cut:]


def _subject(p: Parse, verb: int) -> int | None:
    for c in p.children(verb):
        if p.deps[c] in _SUBJECTS:
            if p.deps[verb] == "relcl" and _low(p, c) in _RELATIVE and p.heads[verb] != verb:
                head = p.heads[verb]
                # "Hurts, who completed 27 passes": Hurts; "the TDP and the JD(U), which won
                # 16 and 12 seats": either, so neither
                if not any(p.deps[x] == "conj" for x in p.children(head)):
                    return head
            while (
                c + 1 < verb
                and p.heads[c + 1] == verb
                and p.deps[c + 1] in _SUBJECTS
                and p.tags[c] in _PROPER
                and p.tags[c + 1] in _PROPER
            ):
                c += 1  # "PM Modi received" parsed as two subjects: one name, Modi's
            return c
    if p.deps[verb] in ("conj", "xcomp", "advcl", "acomp") and p.heads[verb] != verb:
        # "won 38 seats and lost 9": the first verb's subject; "the Kula fire was 90%
        # contained": the copula's
        return _subject(p, p.heads[verb])
    return None


def _entity(
    p: Parse,
    anchor: int,
    n: int,
    verb: int | None,
    lex: Lexicon,
    figures: Sequence[range],
    *,
    money: bool = False,
) -> FramePart | None:
    # an elliptical list: "the Liberals 27 (-9)": the number hangs from the party
    if n != anchor and p.tags[n] in _PROPER and p.deps[anchor] == "nummod":
        part = _entity_at(p, n, "list", lex)
        if part is not None:
            return part
    # "behind D66 on 10 seats", "Labour on 25 per cent": the name just before "on"
    if p.deps[n] == "pobj" and _low(p, p.heads[n]) == "on" and p.heads[n] > 0:
        before = p.heads[n] - 1
        if p.tags[before] in _PROPER and not _in_figure(p, before, figures):
            part = _entity_at(p, before, "list", lex)
            if part is not None:
                return part
    # "the Liberals 27 seats", "the Farmers' Party 12 seats", "Acme's revenue"
    owners = [
        c
        for c in p.children(n)
        if c < n
        and p.deps[c] in ("poss", "nmod", "compound")
        and _proper(p, c)
        and not _in_figure(p, c, figures)
    ]
    if owners:
        toks = sorted({j for c in owners for j in _chain(p, c)})
        part = _part(p, toks, "possessor" if p.deps[owners[0]] == "poss" else "list")
        if part is not None and part.key not in lex.not_entities:
            return part
    if verb is not None and p.deps[verb] == "pcomp" and _subject(p, verb) == n:
        # "With 11 seconds remaining, Butker kicked ...": whose the absolute clause is
        outer = p.heads[p.heads[verb]]
        verb = outer if _is_verb(p, outer) else verb
    measure_nouns = [n]
    if verb is not None:
        subj = _subject(p, verb)
        if subj is not None and subj != n and p.tags[subj] in _NOUN_TAGS and not _proper(p, subj):
            if _low(p, subj) in lex.owner_nouns and any(
                p.deps[c] == "compound" and _proper(p, c) for c in p.children(subj)
            ):
                # "Macron's centrist Renaissance party won 168 seats": the party, by its name
                part = _entity_at(p, subj, "subject", lex)
                if part is not None:
                    return part
            measure_nouns.append(subj)  # "Acme's cloud revenue was $329 million"
    for m in measure_nouns:
        part = (
            _child_entity(p, m, "poss", lex, figures)
            or _prep_entity(p, m, ("for", "of", "by"), lex, figures)
            or _child_entity(p, m, "appos", lex, figures)
        )
        if part is not None:
            return part
    for m in measure_nouns:
        # "AWS segment operating income was $7.2 billion": the part of a company, by its name
        parts = [
            c
            for c in p.children(m)
            if c < m and p.deps[c] == "compound" and _low(p, c) in lex.part_nouns
        ]
        for c in parts:
            # an acronym is a name even where the text never writes it inside a sentence
            part = _compound_name(p, c, lex, figures, acronyms=True)
            if part is not None:
                return part
    for m in measure_nouns[1:]:
        # "Greater China sales fell 13%": the name the measured subject is of
        part = _compound_name(p, m, lex, figures)
        if part is not None:
            return part
    # "Acme reported revenue of $4.6 billion": its own figure; "officials said 40 died": theirs
    # to tell, not whose the dead are
    told = (
        verb is not None
        and _low(p, verb) in lex.reporting
        and not (money and _in_object(p, n, verb))
    )
    if verb is not None and not told:
        for agent in (c for c in p.children(verb) if p.deps[c] == "agent"):
            # "followed by Milei with 29.98 percent": the agent, not the clause before's subject
            for o in p.children(agent):
                if p.deps[o] == "pobj" and not _in_figure(p, o, figures):
                    part = _entity_at(p, o, "subject", lex)
                    if part is not None:
                        return part
        subj = _subject(p, verb)
        if subj is not None and any(p.deps[x] == "conj" for x in p.children(subj)):
            # "the TDP and the JD(U) won 16 and 12 seats": neither's alone; "Massa and Rossi
            # led with 36.68%": one figure, the pair's (their ticket), never a third party's
            return _together(p, subj, anchor, n, lex, figures)
        if subj is not None and subj not in measure_nouns:
            part = _entity_at(p, subj, "subject", lex) or _child_entity(
                p, subj, "poss", lex, figures
            )
            if part is not None:
                return part
        return _prep_entity(p, verb, ("for",), lex, figures)
    return None


def _together(
    p: Parse, subj: int, anchor: int, n: int, lex: Lexicon, figures: Sequence[range]
) -> FramePart | None:
    """Names joined by "and" as the subject of a figure of their own: one entity, the names
    together (``massa & rossi``, a key that joins no one of them alone). None when the
    figure is one of a list, one each ("won 16 and 12 seats"), or a name is none."""
    for t in (anchor, n):
        linked = [c for c in p.children(t) if p.deps[c] == "conj"]
        if p.deps[t] == "conj":
            linked.append(p.heads[t])
        if any(_in_figure(p, x, figures) for x in linked if x not in (anchor, n)):
            return None
    members, todo = [], [subj]
    while todo:
        m = todo.pop()
        members.append(m)
        todo.extend(c for c in p.children(m) if p.deps[c] == "conj")
    parts = [_entity_at(p, m, "subject", lex) for m in sorted(members)]
    keys = [part.key for part in parts if part is not None]
    if len(keys) < len(parts):
        return None
    first, last = min(members), max(members)
    return FramePart(" & ".join(keys), p.text[p.starts[first] : p.ends[last]], "subject")


def _in_object(p: Parse, n: int, verb: int) -> bool:
    """True when ``n`` is inside the direct object of ``verb``, a measure it is the value of
    (``reported revenue of $4.6bn``; not ``reported 40 deaths``, the figure itself)."""
    below = n
    for a in p.ancestors(n):
        if a == verb:
            return p.deps[below] == "dobj" and below != n
        below = a
    return False


_HOW: dict[str, FrameHow] = {"poss": "possessor", "appos": "apposition", "for": "for"}


def _child_entity(
    p: Parse, head: int, dep: str, lex: Lexicon, figures: Sequence[range]
) -> FramePart | None:
    """The first child of ``head`` with label ``dep`` that names an entity."""
    for c in p.children(head):
        if p.deps[c] == dep and not _in_figure(p, c, figures):
            if dep == "appos" and any(p.deps[x] == "nummod" for x in p.children(c)):
                continue  # "292 seats, INDIA 234": the next item of a list, with its own figure
            part = _entity_at(p, c, _HOW[dep], lex)
            if part is not None:
                return part
    return None


def _prep_entity(
    p: Parse, head: int, preps: Sequence[str], lex: Lexicon, figures: Sequence[range]
) -> FramePart | None:
    """The entity a preposition of ``head`` names: ``revenue for Apple``, ``the seats of X``."""
    for c in p.children(head):
        if p.deps[c] == "prep" and _low(p, c) in preps:
            how: FrameHow = "for" if _low(p, c) == "for" else "of"
            for o in p.children(c):
                if p.deps[o] == "pobj" and not _in_figure(p, o, figures):
                    part = _entity_at(p, o, how, lex)
                    if part is not None:
                        return part
    return None


def _in_figure(p: Parse, i: int, figures: Sequence[range]) -> bool:
    return any(p.starts[i] in r for r in figures)


def _scope(
    p: Parse, n: int, verb: int | None, lex: Lexicon, figures: Sequence[range]
) -> FramePart | None:
    heads = [n]
    for c in p.children(n):
        if p.deps[c] in ("acl", "relcl"):
            heads.append(c)  # "buildings destroyed in Hatay"
    subject = _subject(p, verb) if verb is not None else None
    where = _where_clause_of(p, verb, figures) if verb is not None else None
    if where is not None:
        return where
    for m in (n, subject):
        region = _proper_adjective(p, m, figures) if m is not None else None
        if region is not None:
            return region
    # "a 6.8-magnitude quake struck in the mountains": where the quake struck, not a part
    describes_subject = p.heads[n] == subject and p.deps[n] in ("compound", "amod", "nmod")
    if verb is not None and not describes_subject:
        heads.append(verb)
    if subject is not None and subject != n and p.tags[subject] in ("NN", "NNS"):
        heads.append(subject)  # "sales in China fell 13%": where what is measured was
    for h in heads:
        for c in p.children(h):
            low = _low(p, c)
            if p.deps[c] == "advmod" and low in lex.scope_nouns:
                return FramePart(low, p.word(c), "modifier")  # "nationwide"
            if p.deps[c] != "prep" or low not in lex.scope_preps:
                continue
            for o in p.children(c):
                if p.deps[o] != "pobj" or _in_figure(p, o, figures):
                    continue
                if p.heads[n] != n and _low(p, p.heads[n]) == "of" and p.heads[p.heads[n]] == o:
                    continue  # "in a country of 12 million people": what the figure is of
                word = _low(p, o)
                if word in lex.not_scope:
                    continue
                if word in lex.scope_nouns and p.word(o).islower():
                    # "in the eastern county of Hualien": the place by its name
                    named = _named_by_of(p, o)
                    if named is not None:
                        part = _part(p, _chain(p, named), "preposition")
                        if part is not None:
                            return part
                # "revenue in productivity and business processes", "revenue from services":
                # the measured noun's own part, named by common nouns too
                part_of_measure = (
                    h == subject
                    and subject != n
                    and p.tags[o] in _NOUN_TAGS
                    and word not in lex.time_nouns
                )
                if _proper(p, o) or word in lex.scope_nouns or part_of_measure:
                    chain = _chain(p, o)
                    extra = [
                        x
                        for x in p.children(o)
                        if p.deps[x] in ("amod", "nummod", "det") and _low(p, x) not in ("the",)
                    ]
                    toks = sorted({*chain, *(x for x in extra if p.deps[x] != "det")})
                    part = _part(p, toks, "preposition")
                    if part is not None:
                        return part
    # "healthcare added 72,000 jobs", "the construction industry added 39,000": a sector
    # that did what the whole did (employers, the economy, did it for the whole)
    if (
        verb is not None
        and subject is not None
        and p.deps[n] == "dobj"
        and p.heads[n] == verb
        and _low(p, verb) in lex.sector_verbs
        and (p.tags[subject] in ("NN", "NNS") or (subject == 0 and p.tags[subject] == "NNP"))
        and _low(p, subject) not in lex.whole_subjects
        and _low(p, subject) not in lex.not_entities
        and _low(p, subject) not in lex.event_subjects
        and not _in_figure(p, subject, figures)
    ):
        toks = [t for t in _chain(p, subject) if t == subject or not _proper(p, t)]
        part = _part(p, toks, "subject")
        if part is not None:
            return part
    # "Acme's energy division saw a 7% increase", "the segment's revenue": a part as owner
    owners = [c for c in p.children(n) if p.deps[c] == "poss"]
    # "an area of about 48,000 square meters was burned": the subject the figure is "of" is
    # what it measures, not a part
    measured_subject = (
        subject is not None
        and p.deps[n] == "pobj"
        and _low(p, p.heads[n]) == "of"
        and p.heads[p.heads[n]] == subject
    )
    if subject is not None and not measured_subject:
        owners += [subject, *(c for c in p.children(subject) if p.deps[c] == "poss")]
    for o in owners:
        if _low(p, o) in lex.whole_subjects:
            continue  # "businesses had added 200,000 jobs": the whole did it
        if o == subject and _low(p, o) in lex.event_subjects:
            continue  # "the epicentre was 35 km deep": the quake's own depth, not a part's
        if _low(p, o) in lex.scope_nouns and not _in_figure(p, o, figures):
            toks = [t for t in _chain(p, o) if not _proper(p, t)]
            part = _part(p, toks, "subject")
            if part is not None:
                return part
    return None


def _proper_adjective(p: Parse, noun: int, figures: Sequence[range]) -> FramePart | None:
    """A capitalised adjective inside a sentence before a measured noun: the region or part
    it is of ("North American revenue", "International sales"), never the whole's."""
    if p.tags[noun] not in ("NN", "NNS"):
        return None
    mods = [
        c
        for c in p.children(noun)
        if c < noun and p.deps[c] == "amod" and p.tags[c] == "JJ" and p.word(c)[:1].isupper()
    ]
    if not mods or min(mods) == 0 or any(_in_figure(p, c, figures) for c in mods):
        return None
    # "North American": the capitalised adjective before each one too
    before = [
        x
        for c in mods
        for x in p.children(c)
        if x < c and p.deps[x] == "amod" and p.word(x)[:1].isupper()
    ]
    toks = sorted({*mods, *before})
    return _part(p, toks, "proper adjective")


def _where_clause_of(p: Parse, verb: int, figures: Sequence[range]) -> FramePart | None:
    """The place a "where" clause is of: "the federal capital, where he received 57.24%"."""
    if p.deps[verb] != "relcl" or p.heads[verb] == verb:
        return None
    if not any(p.deps[c] == "advmod" and _low(p, c) == "where" for c in p.children(verb)):
        return None
    place = p.heads[verb]
    if p.tags[place] not in _NOUN_TAGS or _in_figure(p, place, figures):
        return None
    extra = [x for x in p.children(place) if p.deps[x] == "amod" and x < place]
    return _part(p, sorted({*_chain(p, place), *extra}), "where clause")


def _named_by_of(p: Parse, noun: int) -> int | None:
    """The proper name after ``of`` that names a common noun: ``the county of Hualien``."""
    for c in p.children(noun):
        if c > noun and p.deps[c] == "prep" and _low(p, c) == "of":
            for o in p.children(c):
                if p.deps[o] == "pobj" and _proper(p, o):
                    return o
    return None


def _event_part(p: Parse, n: int, verb: int | None, lex: Lexicon) -> FramePart | None:
    """``the aftershock ... 10 km deep``: a figure of a part of the event."""
    around = [n, *p.children(n)]
    if verb is not None:
        around += [verb, *p.children(verb)]
    # "aftershocks were recorded, with one measuring ... a depth of 7.8 miles": the subject
    # of a clause the figure's clause hangs from
    around += [c for a in p.ancestors(n) for c in p.children(a) if p.deps[c] in _SUBJECTS]
    text = p.text.lower()
    for i in around:
        for j in _chain(p, i):
            if _low(p, j) in lex.event_parts:
                return FramePart(_low(p, j).rstrip("s"), p.word(j), "clause")
    for phrase in lex.event_parts:
        if " " in phrase and phrase in text:
            return FramePart(phrase, phrase, "phrase")
    return None


#: "the NFP in the lead with 182 seats", "the RN in third on 143", "Ensemble second with
#: 168": a list names each value's owner just before it (the parse of such lists is poor)
_NAME_WITH_BEFORE = re.compile(
    r"(?:^|[\s,;(])(?:[Tt]he\s+)?(?P<name>[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|for|de|la|le))*)"
    r"(?:\s+(?:in\s+(?:the\s+lead|first|second|third|fourth|fifth|sixth|last)|first|second|"
    r"third|fourth|fifth|next|behind))?\s*,?\s+(?:with|on)\s+(?:just\s+|only\s+)?$"
)


def _named_just_before(p: Parse, start: int, lex: Lexicon) -> FramePart | None:
    """The name a figure follows with "with" or "on" (``the NFP in the lead with 182 seats``)."""
    m = _NAME_WITH_BEFORE.search(p.text, max(0, start - 60), start)
    if m is None:
        return None
    words = m.group("name").split()
    while words and words[-1].lower() in ("of", "for", "de", "la", "le"):
        words.pop()
    key = _key(words)
    if not key or key in lex.not_entities or words[0].lower() in lex.clause_openers:
        return None
    return FramePart(key, " ".join(words), "list")


def _of_event(p: Parse, n: int, verb: int | None, lex: Lexicon) -> FramePart | None:
    """``the quake struck 72 km from X``, ``the epicentre was 77 km away``: the event's own figure.

    The event word is the subject of the figure's clause, or a noun the figure
    hangs from (with its compounds) on the way up to that clause.
    """
    path = [n]
    for a in p.ancestors(n):
        path.append(a)
        if a == verb:
            break
    near = [j for i in path for j in _chain(p, i)]
    if verb is not None:
        subj = _subject(p, verb)
        if subj is not None:
            near.extend(_chain(p, subj))
    for j in near:
        if _low(p, j) in lex.event_subjects:
            return FramePart(_low(p, j), p.word(j), "subject")
    return None


def _sense(p: Parse, n: int, lex: Lexicon, text: str) -> tuple[Sense, FramePart | None]:
    if text.lstrip("( ")[:1] in ("+", "-", "−") and not text.lstrip("( ").startswith("-$"):
        return "change", FramePart("sign", text.strip()[:1], "sign")
    # "a gain of 11", "an increase of 5%"
    head = p.heads[n]
    if p.deps[n] == "pobj" and _low(p, head) == "of":
        noun = p.heads[head]
        if _low(p, noun) in lex.change_nouns:
            return "change", FramePart(_low(p, noun), p.word(noun), "change noun")
    for c in p.children(n):
        if p.deps[c] == "compound" and _low(p, c) in lex.change_nouns:
            return "change", FramePart(_low(p, c), p.word(c), "change noun")
    # "205,000 jobs gained", "the 9,000 jobs lost": a count and its change participle
    for c in p.children(n):
        if p.deps[c] in ("acl", "amod") and _low(p, c) in lex.sector_verbs:
            return "change", FramePart(_low(p, c), p.word(c), "change verb")
    # "a 13% increase", "a 5 per cent rise": the figure modifies the change noun
    if _low(p, n) in lex.change_nouns and p.deps[n] not in ("nummod", "quantmod"):
        return "change", FramePart(_low(p, n), p.word(n), "change noun")
    i = n
    while p.deps[i] in ("nummod", "quantmod", "compound", "amod", "nmod") and p.heads[i] != i:
        h = p.heads[i]
        if _low(p, h) in lex.change_nouns:
            return "change", FramePart(_low(p, h), p.word(h), "change noun")
        if p.deps[i] not in ("nummod", "quantmod"):
            break
        i = h
    # "rose 5%", "up 18%", "fell by 3 points"; but "rose to 23" is a level
    i = n
    while True:
        h = p.heads[i]
        if h == i:
            break
        dep = p.deps[i]
        if dep == "pobj":
            prep = _low(p, h)
            if prep == "by":
                verb = p.heads[h]
                if _low(p, verb) in lex.change_verbs:
                    return "change", FramePart(_low(p, verb), p.word(verb), "change verb")
                if _low(p, verb) in lex.margin_verbs:  # "missed the estimate by $950 million"
                    return "change", FramePart(_low(p, verb), p.word(verb), "margin verb")
            break
        if dep in ("dobj", "npadvmod", "advmod", "nummod", "attr") and _low(p, h) in (
            lex.change_verbs
        ):
            if _low(p, h) in ("more", "fewer", "less", "higher", "lower") and dep != "npadvmod":
                break
            return "change", FramePart(_low(p, h), p.word(h), "change verb")
        if dep not in ("compound", "quantmod", "nummod"):
            break
        i = h
    return "level", None


#: the bases a level has too (the others are the basis of a change)
_LEVEL_BASES = frozenset({"year to date"})


#: "in the first six months of the war": of something else than the year
_OF_OTHER = re.compile(r"[ \t]+of[ \t]+(?!the[ \t]+year\b|this[ \t]+year\b|last[ \t]+year\b|\d{4})")


def _of_year(low: str, m: re.Match[str]) -> bool:
    """Whether a basis phrase is of the calendar, not of another span ("of the war")."""
    return _OF_OTHER.match(low, m.end()) is None


def _basis(
    sentence: str, start: int, end: int, figures: Sequence[range], *, levels: bool = False
) -> FramePart | None:
    """The nearest basis phrase after the figure (before the next figure), else just before it.

    Of a level (``levels``), only a part of the year it is for: ``143% so far this year``.
    """
    lex = lexicon()
    bases = [(k, pattern) for k, pattern in lex.basis if not levels or k in _LEVEL_BASES]
    low = sentence.lower()
    nxt = min((r.start for r in figures if r.start >= end), default=len(sentence))
    prev = max((r.stop for r in figures if r.stop <= start), default=0)
    best: tuple[int, str, str] | None = None
    for key, pattern in bases:
        # a phrase may hold a figure of its own ("over the last 12 months"): it must start
        # before the next figure, not end before it
        for m in pattern.finditer(low, end):
            if m.start() < nxt and (best is None or m.start() < best[0]) and _of_year(low, m):
                best = (m.start(), key, sentence[m.start() : m.end()])
            break
    if best is None:
        for key, pattern in bases:
            for m in pattern.finditer(low, prev, start):
                if (best is None or m.start() > best[0]) and _of_year(low, m):
                    best = (m.start(), key, sentence[m.start() : m.end()])
    if best is None and levels:
        window = _WINDOW_AFTER.match(low, end)
        if window is not None and window.start() < nxt:
            # "491mm of rain in just eight hours": a level within a span, not the whole event's
            n = window.group("n")
            value = words_to_number(n) if not n[0].isdigit() else n.replace(",", "")
            key = f"within {value} {singular(window.group('unit'))}"
            return FramePart(key, sentence[window.start() : window.end()], "phrase")
    if best is None:
        return None
    return FramePart(best[1], best[2], "phrase")


#: "491mm of rain in just eight hours", "320mm in a little over four hours": the span a level
#: was reached within
_WINDOW_AFTER = re.compile(
    r"(?:[ \t]+of[ \t]+[a-z]+)?[ \t]+(?:in|within)[ \t]+(?:just[ \t]+|only[ \t]+|under[ \t]+|"
    r"less[ \t]+than[ \t]+|a[ \t]+little[ \t]+over[ \t]+|about[ \t]+|around[ \t]+|nearly[ \t]+|"
    r"more[ \t]+than[ \t]+|over[ \t]+)?(?P<n>\d[\d,.]*|[a-z]+(?:-[a-z]+)?)[ \t]+"
    r"(?P<unit>minutes?|hours?|days?|weeks?)\b"
)


def _modality(
    p: Parse, anchor: int, n: int, lex: Lexicon, *, guessed: bool = False
) -> tuple[Modality, FramePart | None]:
    path = [anchor, n, *p.ancestors(n)]
    near: list[int] = []
    for k, i in enumerate(path):
        near.append(i)
        near.extend(
            c for c in p.children(i) if p.deps[c] in ("aux", "amod", "compound", "auxpass", "acl")
        )
        if i != anchor and _reports(p, i, path[k - 1], lex):
            break  # "analysts said" stops the path: what they said is their figure
    # "the consensus estimate for earnings is $2.57": the subject a copula gives the figure
    for i in [i for i in near if _low(p, i) in lex.copulas]:
        for subj in (c for c in p.children(i) if p.deps[c] == "nsubj"):
            near.append(subj)
            near.extend(c for c in p.children(subj) if p.deps[c] in ("compound", "amod"))
    # "the 45 percent of votes needed to win": what the figure is a share of is needed
    for of in (c for c in p.children(n) if p.deps[c] == "prep" and _low(p, c) == "of"):
        for o in p.children(of):
            near.extend(c for c in p.children(o) if p.deps[c] == "acl")
    text = p.text.lower()
    for i in near:
        if p.deps[i] == "aux" and _low(p, i) in lex.future_auxiliaries:
            head = p.heads[i]
            if not any(p.deps[c] == "auxpass" for c in p.children(head)):
                return "forecast", FramePart("forecast", p.word(i), "path")
    for modality, words in lex.modality:
        for i in near:
            if _low(p, i) in words:
                if guessed and _low(p, i) in lex.hedges and _low(p, p.heads[i]) in lex.copulas:
                    # "the toll could be closer to 650": a guess at what is, not a forecast
                    return "estimate", FramePart("estimate", p.word(i), "path")
                return modality, FramePart(modality, p.word(i), "path")
        for w in words:
            if " " in w and w in text:
                return modality, FramePart(modality, w, "phrase")
    return "actual", None


#: subjects that deny the clause ("none of the candidates obtained 45%")
_NO_ONE = frozenset("none nobody neither no-one".split())
#: what "no" may open without denying anything: "no fewer than 20 people died"
_NOT_DENIAL = frozenset("fewer less more later earlier".split())


def _negation(p: Parse, verb: int | None) -> FramePart | None:
    """The word that denies the figure's clause ("did not win 50%", "none of the candidates
    obtained 45%", "no party won 76 seats"), or None: a denied figure claims no value."""
    if verb is None:
        return None
    for c in p.children(verb):
        if p.deps[c] == "neg":
            return FramePart("negated", p.word(c), "path")
    subj = _subject(p, verb)
    if subj is None:
        return None
    if _low(p, subj) in _NO_ONE:
        return FramePart("negated", p.word(subj), "subject")
    for c in p.children(subj):
        if (
            p.deps[c] == "det"
            and _low(p, c) == "no"
            and (c + 1 >= len(p.deps) or _low(p, c + 1) not in _NOT_DENIAL)
        ):
            return FramePart("negated", p.word(c), "subject")
    return None


def _forecast_owner(p: Parse, anchor: int, lex: Lexicon) -> FramePart | None:
    """Whose forecast a figure is, named on its noun: ``Wall Street's expectation of $4.96``,
    ``the Earnings Whisper expectation of $5.00``, ``the LSEG consensus of $39.2 billion``."""
    head = p.heads[anchor]
    if p.deps[anchor] != "pobj" or _low(p, head) != "of" or p.heads[head] == head:
        return None
    noun = p.heads[head]
    if p.tags[noun] not in ("NN", "NNS") or not any(
        _low(p, noun) in words for modality, words in lex.modality if modality == "forecast"
    ):
        return None
    for c in p.children(noun):
        if c < noun and p.deps[c] in ("poss", "compound") and _proper(p, c):
            return _part(p, _chain(p, c), "possessor")
    return None


def _reports(p: Parse, i: int, via: int, lex: Lexicon) -> bool:
    """Whether token ``i``, reached from the figure through its child ``via``, says who gives
    the figure: ``said``, ``added that``, ``put the toll at``; but not ``healthcare added
    72,000 jobs`` nor ``expected employers to add 212,000 jobs and the rate to hold at
    3.9%`` (the figure is, or hangs from, the verb's object)."""
    if _low(p, i) not in lex.reporting:
        return False
    if _low(p, i) not in lex.reporting_with_clause:
        return True
    if p.deps[via] == "dobj":
        return False
    # "put the toll at 670" (the figure in the verb's preposition) says; "to add 212,000
    # jobs and the rate to hold at 3.9%" (an object, the figure elsewhere) does not
    return p.deps[via] == "prep" or not any(p.deps[c] == "dobj" for c in p.children(i))


def _speaker(p: Parse, anchor: int, lex: Lexicon) -> FramePart | None:
    forecaster = _forecast_owner(p, anchor, lex)
    if forecaster is not None:
        return forecaster
    for i in range(len(p)):
        if _low(p, i) == "according":
            for to in p.children(i):
                for o in p.children(to):
                    if p.deps[o] == "pobj":
                        return _part(p, _chain(p, o), "according to")
    below = anchor
    for a in p.ancestors(anchor):
        via, below = below, a
        if _is_verb(p, a) and _reports(p, a, via, lex):
            subj = _subject(p, a)
            if subj is None or via == subj:
                continue  # "a total of 97 buildings were reported damaged": no one said it
            return _part(p, _chain(p, subj), "reporting verb")
    return None


#: "health care (up 81,300 jobs)": a part named before the bracket that holds its figure
_PART_BRACKET_BEFORE = re.compile(
    r"(?:^|[,;:]|\b(?:were|was|are|is|and|including|like|as|in|for))[ \t]+"
    r"(?P<part>[A-Za-z][a-z-]+(?:[ \t]+[a-z-]+){0,3})[ \t]*\([ \t]*(?:up|down|\+|-|–)?[ \t]*$"
)
_VERSUS_AFTER = re.compile(r"[ \t]*\(?(?:vs\.?|versus)[ \t]", re.IGNORECASE)


def _compound_name(
    p: Parse, head: int, lex: Lexicon, figures: Sequence[range], *, acronyms: bool = False
) -> FramePart | None:
    """The name written as compounds before ``head`` ("Greater China sales"), or None."""
    names = [
        c
        for c in p.children(head)
        if c < head
        and (p.deps[c] == "compound" or (p.deps[c] == "nmod" and _proper(p, c)))
        and (_proper(p, c) or (acronyms and _ACRONYM.fullmatch(p.word(c)) is not None))
    ]
    if not names or _in_figure(p, names[0], figures):
        return None
    part = _part(p, sorted({j for c in names for j in _chain(p, c)}), "list")
    return part if part is not None and part.key not in lex.not_entities else None


def _infinitive_of(p: Parse, n: int) -> FramePart | None:
    """What a rank is of, told by the infinitive after its noun: ``the sixth man to win the
    French Open and Wimbledon`` (win open) is not ``the ninth man to retain his title``
    (retain title)."""
    # the infinitive may hang from the noun or from a phrase after it ("the second player in
    # the professional era after Federer to win")
    heads, k = [n], 0
    while k < len(heads):
        heads.extend(c for c in p.children(heads[k]) if c > n and p.deps[c] in ("prep", "pobj"))
        k += 1
    verbs = [c for h in heads for c in p.children(h) if p.deps[c] in ("relcl", "acl")]
    head = p.heads[n]
    if p.deps[n] == "nsubj" and head > n:
        verbs.append(head)  # "makes Alcaraz the fourth player in the Open Era to win" (parsed)
    if p.deps[n] == "attr":  # "has become the second player ... to win" (parsed)
        verbs.extend(c for c in p.children(head) if p.deps[c] == "advcl")
    for c in verbs:
        if c < n or not any(p.deps[a] == "aux" and _low(p, a) == "to" for a in p.children(c)):
            continue
        objects = [o for o in p.children(c) if p.deps[o] in ("dobj", "attr")]
        for prep in (o for o in p.children(c) if p.deps[o] == "prep"):
            objects.extend(o for o in p.children(prep) if p.deps[o] == "pobj")
        words = [_low(p, c), *(singular(_low(p, o)) for o in objects)]
        return FramePart(" ".join(words), " ".join(words), "infinitive")
    return None


def _predicate(p: Parse, n: int, verb: int | None, lex: Lexicon) -> FramePart | None:
    """What a counted subject does: ``nine parties won seats`` -> seated (via the data's groups)."""
    done = _infinitive_of(p, n)
    if done is not None:
        return done
    if _low(p, n) in lex.incident_times:
        return _incident(p, n, verb, lex)
    if any(
        _low(p, c) in lex.incident_times and p.deps[c] in ("compound", "amod", "nmod")
        for c in p.children(n)
    ):
        key = lex.predicates.get(_low(p, n))  # "an 86th minute winner": the minute's noun
        return FramePart(key, _low(p, n), "predicate") if key is not None else None
    if verb is not None and p.deps[n] == "pobj" and _low(p, p.heads[n]) == "for":
        # "completed 27 passes for 302 yards", "rushed 15 times for 70 yards": how they were made
        objs = [c for c in p.children(verb) if p.deps[c] == "dobj"]
        phrase = " ".join([_low(p, verb), *(_low(p, o) for o in objs[:1])])
        key = lex.predicates.get(phrase) or lex.predicates.get(_low(p, verb))
        return FramePart(key, phrase, "predicate") if key is not None else None
    if p.deps[n] == "pobj" and _low(p, p.heads[n]) == "of" and p.heads[n] != n:
        # "the collapse of at least 26 buildings": what the noun before says befell them
        noun = p.heads[p.heads[n]]
        if _low(p, noun) in lex.transparent:
            n = noun  # "a total of 97 buildings were damaged": what the total's clause says
        key = lex.predicates.get(_low(p, noun)) if p.tags[noun] in _NOUN_TAGS else None
        if key is not None:
            return FramePart(key, _low(p, noun), "predicate")
    if verb is None or p.deps[n] not in ("nsubj", "nsubjpass") or p.heads[n] != verb:
        return None
    if _low(p, verb) in lex.reporting:
        # "97 buildings were reported damaged": what was reported of them
        for c in p.children(verb):
            if p.deps[c] in ("oprd", "acomp", "xcomp") and _low(p, c) in lex.predicates:
                return FramePart(lex.predicates[_low(p, c)], _low(p, c), "predicate")
        return None
    words = [_low(p, verb)]
    if words[0] in lex.copulas:
        comp = [c for c in p.children(verb) if p.deps[c] in ("acomp", "attr", "oprd", "xcomp")]
        if not comp:
            key = lex.predicates.get(words[0])
            return FramePart(key, words[0], "predicate") if key is not None else None
        word = _low(p, comp[0])
        key = lex.predicates.get(word) or lex.predicates.get(words[0])
        return FramePart(key, word, "predicate") if key is not None else None
    objs = [c for c in p.children(verb) if p.deps[c] in ("dobj", "prt")]
    if objs:
        words.append(_low(p, objs[0]))
    phrase = " ".join(words)
    key = lex.predicates.get(phrase) or lex.predicates.get(words[0])
    return FramePart(key, phrase, "predicate") if key is not None else None


def _incident(p: Parse, n: int, verb: int | None, lex: Lexicon) -> FramePart | None:
    """What happened at a game's minute: the verb ("Messi scored in the 108th minute"), the
    noun the minute is of ("an 86th-minute winner", "his goal in the 86th minute") or the
    clause that tells it ("came in the 87th minute when Oyarzabal scored")."""
    head = p.heads[n]
    candidates: list[int] = [
        c
        for c in p.children(n)
        if p.deps[c] in ("relcl", "advcl")
        and any(p.deps[m] == "advmod" and _low(p, m) == "when" for m in p.children(c))
    ]  # "came in the 87th minute when Oyarzabal scored"
    if p.deps[n] in ("compound", "amod", "nmod", "npadvmod") and p.tags[head] in _NOUN_TAGS:
        candidates.append(head)  # "an 86th minute winner"
    if p.deps[n] == "pobj" and head != n:
        owner = p.heads[head]
        if p.tags[owner] in _NOUN_TAGS and owner != head:
            candidates.append(owner)  # "the winning goal in the 86th minute"
        if verb is not None:
            candidates.append(verb)
            candidates.extend(
                c
                for c in p.children(verb)
                if p.deps[c] == "advcl"
                and any(p.deps[m] == "advmod" and _low(p, m) == "when" for m in p.children(c))
            )  # "came in the 87th minute when Oyarzabal scored"
    for c in candidates:
        key = lex.predicates.get(_low(p, c))
        if key is not None:
            return FramePart(key, _low(p, c), "predicate")
    return None


def frame_of(
    p: Parse,
    start: int,
    end: int,
    figures: Sequence[range] = (),
    *,
    headline: bool = False,
    duration: bool = False,
    money: bool = False,
    count: bool = False,
    guessed: bool = False,
) -> Frame:
    """The frame of the figure at ``[start, end)`` of the parsed sentence (sentence offsets).

    ``figures`` are the spans of the sentence's other figures and dates (so that
    a date is never taken for a place, nor another figure for an entity). The
    length of an event (``duration``) has no scope: where a summit was held does
    not make its two days another figure. An amount of ``money`` a company
    reports is its own ("Acme reported revenue of $4.6 billion"). A ``count`` a
    speaker gives is not the speaker's own ("a UN agency put the toll at 670"). A
    figure that can be ``guessed`` (a count or a quantity, not money or a share) is
    an estimate under "could be" ("the toll could be closer to 650", "it may be the
    strongest since a 7.7-magnitude quake"), not a forecast.
    """
    toks = p.tokens_in(start, end)
    if not toks:
        return Frame(parsed=False, headline=headline)
    lex = lexicon()
    others = [r for r in figures if not (r.start == start and r.stop == end)]
    anchor = _anchor(p, toks)
    n = _noun(p, anchor)
    verb = _clause_verb(p, n)
    sense, sense_how = _sense(p, n, lex, p.text[start:end])
    if _low(p, anchor) in lex.incident_times or _low(p, n) in lex.incident_times:
        sense, sense_how = "level", None  # "slid home an 86th minute winner": a time, no change
    modality, modality_how = _modality(p, anchor, n, lex, guessed=guessed)
    speaker = _speaker(p, anchor, lex)
    forecaster = speaker is not None and speaker.key.split()[-1] in lex.forecasters
    if modality in ("actual", "estimate") and speaker is not None and forecaster:
        # "economists had estimated that 213,000 jobs would be added": their forecast
        modality, modality_how = "forecast", FramePart("forecast", speaker.words, "reporting verb")
    negation = _negation(p, verb)
    if negation is not None:
        modality, modality_how = "negated", negation
    if _VERSUS_AFTER.match(p.text, end):
        # "$119.58 billion vs. $117.91 billion expected": the actual, set against the forecast
        modality, modality_how = "actual", None
    # the figure's own words ("in 10 African countries") are what is counted, never its scope
    scope = _event_part(p, n, verb, lex) or (
        None if duration else _scope(p, n, verb, lex, [*others, range(start, end)])
    )
    bracket = _PART_BRACKET_BEFORE.search(p.text, max(0, start - 48), start)
    if scope is None and bracket is not None and not duration:
        # "gains were health care (up 81,300 jobs) and government (up 71,000)": the part
        words = bracket.group("part")
        scope = FramePart(_key(words.split()), words, "apposition")
    entity = _named_just_before(p, start, lex) or _entity(
        p, anchor, n, verb, lex, [*others, range(start, end)], money=money
    )
    if (
        entity is not None
        and speaker is not None
        and count  # "Halberd reported revenue of $4.6 billion": its own, and it says so
        and set(entity.key.split()) <= set(speaker.key.split())
    ):
        entity = None  # "a UN agency put the toll at 670": who says it, not whose it is
    return Frame(
        # "five World Cups": the figure's own words are what it counts, not whose it is
        entity=entity,
        scope=scope,
        sense=sense,
        sense_how=sense_how,
        basis=_basis(p.text, start, end, others, levels=sense != "change"),
        modality=modality,
        modality_how=modality_how,
        speaker=speaker,
        predicate=_predicate(p, n, verb, lex),
        of_event=_of_event(p, n, verb, lex),
        headline=headline,
    )


#: prepositions whose object is a level the clause's subject reaches or leaves ("rose to
#: $40 billion", "stood at 3.8%", "fell from 3.9%"); "by" takes the change itself
_LEVEL_PREPS = frozenset("to at from".split())
#: the prepositions a scheduling verb sets its date with ("set for July 11", "adjourned until")
_FOR_UNTIL = frozenset("for until till to".split())
#: prepositions that put a level on the noun before them ("revenue between $34.5 billion and
#: $37 billion", "a margin of 45.9%", "a rate at 3.8%")
_NOUN_PREPS = frozenset("between of at around near".split())
#: how a figure with no noun of its own hangs from its verb
_FIGURE_ARGUMENTS = frozenset({"dobj", "npadvmod", "attr", "oprd"})
#: what a figure is of the measure its clause gives it
MeasuredAs = Literal["level", "change", "earlier"]


def _hanging(p: Parse, start: int, end: int) -> tuple[list[int], int, int, str] | None:
    """The figure's tokens, the one that hangs from outside it, that one's head and how it
    hangs (None for a figure that is the whole sentence's root, or no token)."""
    toks = p.tokens_in(start, end)
    if not toks:
        return None
    n = _anchor(p, toks)
    head = p.heads[n]
    return None if head == n else (toks, n, head, p.deps[n])


def measured(p: Parse, start: int, end: int) -> tuple[FramePart, MeasuredAs] | None:
    """What a figure with no measure word of its own measures, read from its clause.

    The measure is the subject of the figure's verb (``Gross margin expanded to
    45.9%``, ``Revenue, meanwhile, jumped 25 percent``), or what a change noun
    the verb describes is a change in (``a 25% rise in revenue, reaching $40.1
    billion``). The second value says whether the figure is a level of it, its
    change, or the level before a change (``fell to 3.8% from 3.9%``). None
    when the subject names whose figure it is rather than what is measured (a
    name, a pronoun): ``Meta earned $14 billion``.
    """
    hanging = _hanging(p, start, end)
    if hanging is None:
        return None
    toks, n, head, dep = hanging
    lex = lexicon()
    prep = ""
    if dep == "pobj":
        prep = _low(p, head)
        noun = p.heads[head]
        if prep in _NOUN_PREPS and p.tags[noun] in ("NN", "NNS") and noun < n:
            # "first-quarter revenue between $34.5 billion and $37 billion": the noun's level
            if singular(_low(p, noun)) in lex.forecast_nouns or _low(p, noun) in lex.time_nouns:
                return None
            return _measure_part(p, noun, "of"), "level"
        if prep not in _LEVEL_PREPS and prep != "by":
            return None
        head = noun
    elif dep not in _FIGURE_ARGUMENTS:
        return None
    if not _is_verb(p, head):
        return None
    changing = _low(p, head) in lex.change_verbs
    sense: MeasuredAs = "level"
    if changing and prep == "from" and p.text[: p.starts[toks[0]]].rstrip()[-3:] != " to":
        sense = "earlier"  # but "dipped from 3.9% to 3.8%": 3.8% hangs from "from" too
    elif changing and dep != "attr" and prep not in _LEVEL_PREPS:
        sense = "change"
    up = p.heads[head]
    own = any(p.deps[c] in _SUBJECTS for c in p.children(head))
    if not own and p.deps[head] in ("acl", "advcl") and up != head:
        # "a 25% rise in revenue, reaching $40.1 billion" (or "posted a 25% rise in revenue,
        # reaching ..."): the level of what the change is in
        changes = [up] if p.deps[head] == "acl" else [c for c in p.children(up) if c < head]
        for noun in changes:
            changed = _changed(p, noun) if _low(p, noun) in lex.change_nouns else None
            if changed is not None:
                return _measure_part(p, changed, "of"), "level"
            if singular(_low(p, noun)) in lex.forecast_nouns:
                # "exceeded revenue expectations, reaching $1.07 billion": revenue reached
                kinds = [c for c in p.children(noun) if p.deps[c] == "compound" and c < noun]
                if kinds and p.tags[kinds[-1]] in ("NN", "NNS"):
                    return _measure_part(p, kinds[-1], "of"), "level"
    subject = None
    infinitive = any(p.deps[c] == "aux" and _low(p, c) == "to" for c in p.children(head))
    if not own and infinitive and p.deps[head] in ("xcomp", "advcl", "ccomp") and up != head:
        # "anticipates revenue to be between $34.6 billion and ...": the object it speaks of
        objects = [c for c in p.children(up) if p.deps[c] == "dobj" and c < head]
        if objects and p.tags[objects[0]] in ("NN", "NNS"):
            subject = objects[0]
    if subject is None:
        subject = _subject(p, head)
    if subject is None and p.deps[head] in ("relcl", "acl") and up != head:
        subject = up  # "the rate to hold at 3.9%": what the clause describes
    if subject is None:
        return None
    if p.tags[subject] not in ("NN", "NNS") or _low(p, subject) in lex.time_nouns:
        return None
    if singular(_low(p, subject)) in lex.forecast_nouns or _low(p, subject) in lex.owner_nouns:
        # "expectations, which were set at $39.2 billion": of what, not said; "the company
        # earned $14 billion": whose, not what
        return None
    return _measure_part(p, subject, "subject"), sense


def lasted(p: Parse, start: int, end: int) -> FramePart | None:
    """What a length of time with no noun of its own is the length of, read from its clause.

    ``Jurors deliberated for 9.5 hours``: deliberating (the verb it is ``for``);
    ``the trial lasted six weeks``, ``the talks took three hours``: the trial, the talks
    (the subject of a verb of lasting, in the data). None otherwise (``over two days``
    says when, not how long something lasted).
    """
    hanging = _hanging(p, start, end)
    if hanging is None:
        return None
    _, _, head, dep = hanging
    lex = lexicon()
    if dep == "pobj" and _low(p, head) == "for":
        verb = p.heads[head]
        if not _is_verb(p, verb) or _low(p, verb) in lex.copulas:
            return None
        if _low(p, verb) not in lex.lasting_verbs:
            word = _gerund(_low(p, verb))
            return FramePart(word, p.word(verb), "clause")
    elif dep in ("npadvmod", "dobj") and _low(p, head) in lex.lasting_verbs:
        verb = head
    elif dep == "pobj" and _low(p, head) == "in":
        # "won the first set in 28 minutes": how long the doing of the object took
        at = p.heads[head]
        if p.deps[at] == "dobj" and p.tags[at] in _NOUN_TAGS and _done_in(p, p.heads[at], lex):
            return _measure_part(p, at, "clause")
        if not _done_in(p, at, lex):
            return None
        done = [c for c in p.children(at) if p.deps[c] == "dobj" and p.tags[c] in _NOUN_TAGS]
        if done:
            return _measure_part(p, done[0], "clause")
        if not _low(p, at).endswith("ed"):
            return None  # an irregular verb ("grew") has no gerund to be read from it
        return FramePart(_gerund(_low(p, at)), p.word(at), "clause")
    else:
        return None
    subject = _subject(p, verb)
    if (
        subject is None
        or p.tags[subject] not in ("NN", "NNS")
        or _low(p, subject) in lex.owner_nouns
    ):
        return None
    return _measure_part(p, subject, "subject")


def streak_of(p: Parse, start: int, end: int) -> FramePart | None:
    """What a streak (``for 13 consecutive years``) is a streak of, read from its clause.

    ``Varenland has been Osmara's largest trading partner for 13 consecutive years``: the
    complement of the copula (largest trading partner); ``employers have added jobs for 39
    consecutive months``: the verb's object (job); ``unemployment has stayed under 4% for
    26 straight months``: the subject (unemployment). None when the clause names none of
    them by a common noun.
    """
    hanging = _hanging(p, start, end)
    if hanging is None:
        return None
    _, _, head, dep = hanging
    if dep != "pobj" or _low(p, head) not in ("for", "in"):
        return None
    verb = p.heads[head]
    if p.deps[verb] in ("dobj", "attr") and p.tags[verb] in ("NN", "NNS"):
        return _measure_part(p, verb, "clause")  # "added jobs for 39 consecutive months"
    if not _is_verb(p, verb):
        return None
    lex = lexicon()
    for want in (("attr", "acomp"), ("dobj",)):
        for c in p.children(verb):
            if p.deps[c] in want and p.tags[c] in ("NN", "NNS"):
                return _measure_part(p, c, "clause")
    subject = _subject(p, verb)
    if (
        subject is not None
        and p.tags[subject] in ("NN", "NNS")
        and (_low(p, subject) not in lex.not_entities)
    ):
        return _measure_part(p, subject, "subject")
    return None


def _done_in(p: Parse, verb: int, lex: Lexicon) -> bool:
    """A verb of a thing done, not to be done: ``in 28 minutes`` after it is how long it took
    (not ``will vote in 10 days``, ``was in two hours' drive``)."""
    return (
        p.tags[verb] in ("VBD", "VBZ", "VBN")
        and _low(p, verb) not in lex.copulas
        and _low(p, verb) not in lex.lasting_verbs
        and not any(
            p.deps[c] == "aux" and _low(p, c) in lex.future_auxiliaries for c in p.children(verb)
        )
    )


def _gerund(verb: str) -> str:
    """``deliberated``, ``deliberates``, ``deliberate`` -> ``deliberating``; ``testified`` ->
    ``testifying``: one key for the forms of a regular verb (irregular ones keep their own)."""
    if verb.endswith("ing"):
        return verb
    if verb.endswith(("ied", "ies")):
        return verb[:-3] + "ying"
    if verb.endswith("ed"):
        return verb[:-2] + "ing"  # "planned": planning
    if verb.endswith("s") and len(verb) > 3:
        verb = verb[:-1]  # "deliberates", "waits"
    return (verb[:-1] if verb.endswith("e") else verb) + "ing"


def _changed(p: Parse, noun: int) -> int | None:
    """What a change noun is a change in: ``a rise in revenue`` -> revenue."""
    for c in p.children(noun):
        if p.deps[c] == "prep" and _low(p, c) in ("in", "of"):
            objects = [o for o in p.children(c) if p.deps[o] == "pobj"]
            if objects and p.tags[objects[0]] in ("NN", "NNS"):
                return objects[0]
    return None


def _measure_part(p: Parse, head: int, how: FrameHow) -> FramePart:
    """A measure noun with the words before it that change what it is (``gross margin``)."""
    toks = [head]
    todo = [head]
    when = lexicon().time_nouns
    while todo:
        i = todo.pop()
        for c in p.children(i):
            if c < i and p.deps[c] in ("compound", "amod") and p.tags[c] not in _PROPER:
                if _low(p, c) in when:
                    continue  # "first-quarter revenue": when, not what
                toks.append(c)
                todo.append(c)
    for c in p.children(head):
        if c > head and p.deps[c] == "prep" and _low(p, c) == "per":
            # "earnings per share": what the measure is divided by is part of it
            objects = [o for o in p.children(c) if p.deps[o] == "pobj"]
            if objects:
                toks.extend(range(head + 1, objects[0] + 1))
    toks.sort()
    words = " ".join(_low(p, i) for i in toks)
    return FramePart(words, p.text[p.starts[toks[0]] : p.ends[toks[-1]]], how)


def modified_noun(p: Parse, start: int, end: int) -> str | None:
    """The noun a figure at ``[start, end)`` modifies: ``a 984-foot container ship`` -> ``ship``.

    None when the figure is not a modifier (``the ship was 984 feet long``).
    """
    toks = p.tokens_in(start, end)
    inside = set(toks)
    for i in toks:
        head = p.heads[i]
        if head in inside or p.deps[i] not in ("compound", "amod", "nmod"):
            continue
        while p.deps[head] == "compound" and p.heads[head] != head:
            head = p.heads[head]  # "container ship": the ship
        if p.tags[head] in ("NN", "NNS"):
            return _low(p, head)
    return None


#: what a verb's own arguments are: its subject, object, agent, and what its prepositions take
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "dative", "oprd", "agent"})


#: prepositions that put an event before or after the clause, not in it ("after the floods",
#: "the bodies of the workers from the collapse were recovered on Wednesday")
_BEFORE_AFTER = frozenset("after before since following until till from".split())
#: adverbs that make a clause tell of an earlier occurrence ("was previously declared")
_EARLIER = frozenset("previously formerly earlier once already".split())


def _arguments(p: Parse, verb: int) -> set[int]:
    out: set[int] = set()
    if p.deps[verb] == "acl" and _low(p, verb) in lexicon().calling:
        return out  # "the elections, called by the president on June 9": the calling's date
    for c in p.children(verb):
        if p.deps[c] in _ARGUMENTS:
            out.add(c)
        if p.deps[c] in ("xcomp", "ccomp") and not _is_verb(p, c):
            # "declared the outbreak a global emergency": a small clause, no verb of its own
            out.add(c)
            out.update(o for o in p.children(c) if p.deps[o] in ("dobj", "attr"))
        if p.deps[c] == "agent" or (p.deps[c] == "prep" and _low(p, c) not in _BEFORE_AFTER):
            out.update(o for o in p.children(c) if p.deps[o] == "pobj")
    if p.deps[verb] in ("relcl", "acl") and p.heads[verb] != verb:
        out.add(p.heads[verb])  # "the floods that arrived on Sunday": the floods arrived
    return out


def _told_as_earlier(p: Parse, noun: int) -> bool:
    """``Mpox was previously declared an emergency in July 2022``: an earlier occurrence."""
    for a in p.ancestors(noun):
        if _is_verb(p, a):
            return any(p.deps[c] == "advmod" and _low(p, c) in _EARLIER for c in p.children(a))
    return False


def dated_event(p: Parse, start: int, end: int, events: Sequence[tuple[int, int]]) -> int | None:
    """Which of ``events`` (spans of event words) the date at ``[start, end)`` dates, if any.

    A date dates an event when it modifies the event's noun (``Wednesday's
    election``, ``the Sept. 8 earthquake``, ``the election on Wednesday``) or
    stands in a clause the event is an argument of (``the quake struck on
    Friday``, ``the storm that made landfall on Sunday``, ``arrived on May 7
    for a state visit``). It does not when the clause is about something
    else, although the event is named in the sentence: ``rescuers on Sunday
    stepped up efforts to find survivors of the earthquake``, ``people
    remained missing on Tuesday``, ``Rutte resigned in July``; nor when it is
    the date of something yet to come (``an election coming up in June``,
    ``the vote will be held on Sunday``). Offsets are the sentence's.
    """
    toks = p.tokens_in(start, end)
    if not toks:
        return None
    owner: dict[int, int] = {}
    for k, (s, e) in enumerate(events):
        for i in p.tokens_in(s, e):
            owner[i] = k
            if p.deps[i] == "compound" and p.heads[i] != i:
                owner.setdefault(p.heads[i], k)  # "the election victory"
    anchor = _anchor(p, toks)
    if anchor in owner:
        return owner[anchor] if not _told_as_earlier(p, anchor) else None  # "Wednesday's"
    prospect = lexicon().prospect
    for a in p.ancestors(anchor):
        if _low(p, a) in prospect or any(
            p.deps[c] == "aux" and _low(p, c) in prospect for c in p.children(a)
        ):
            return None  # "an election coming up in June", "will be held on Sunday": not yet
        if a in owner:  # "the election on Wednesday", "the 2019 election"
            return owner[a] if not _told_as_earlier(p, a) else None
        if _is_verb(p, a):
            if any(p.deps[c] == "advmod" and _low(p, c) in _EARLIER for c in p.children(a)):
                return None  # "was previously declared an emergency in July 2022"
            for arg in sorted(_arguments(p, a)):
                if arg in owner:
                    return owner[arg]
            return None  # the first clause above the date is about something else
    return None


def one_of_many(measure: str) -> tuple[bool, bool]:
    """Whether ``measure`` is of one of many individuals, and of one of many incidents.

    A player's age or goals must say whose they are; a goal's minute must say
    whose it is and what happened (the word lists in the data).
    """
    lex = lexicon()
    words = measure.removesuffix(" total").split()
    head = singular(words[-1]) if words else ""
    incident = head in lex.incident_times
    return head in lex.per_individual or incident, incident


def tense_of(p: Parse, start: int, end: int) -> str | None:
    """``past``, ``not past`` or None (no verb): the tense of the clause that holds a figure.

    ``the ship departed on Thursday`` is past; ``view our updates for Thursday``
    (an imperative), ``the vote is on Thursday``, ``they will meet on Thursday``, ``a
    dividend commencing in March`` (a start set for later) are not.
    """
    toks = p.tokens_in(start, end)
    if not toks:
        return None
    lex = lexicon()
    anchor = below = _anchor(p, toks)
    for a in p.ancestors(anchor):
        via, below = below, a
        if _low(p, a) in lex.onsets:
            return "not past"  # "a dividend commencing in March", "due for payment on March 26"
        if not _is_verb(p, a):
            continue
        if (
            _low(p, a) in lex.scheduling
            and p.deps[via] == "prep"
            and _low(p, via) in _FOR_UNTIL
            and p.heads[anchor] == via
        ):
            return "not past"  # "set a sentencing hearing for July 11": a date set for later
        auxes = [c for c in p.children(a) if p.deps[c] in ("aux", "auxpass")]
        if p.tags[a] == "VBD" or any(p.tags[c] == "VBD" for c in auxes):
            return "past"
        if p.tags[a] == "VBN" and any(_low(p, c) in ("has", "have", "had") for c in auxes):
            return "past"
        if p.tags[a] in ("VBN", "VBG") and not auxes:
            continue  # "the results, published on October 28, were": the main clause says
        return "not past"
    return None


def of_a_past_when(p: Parse, start: int, end: int) -> bool:
    """Whether a figure is told of the past time a ``when`` clause names, not of the report's:
    ``Sunak made the pledge when inflation was more than 10%``, ``rates rose when inflation
    hit 5%`` (a level at an untold earlier time). Not ``When the quake struck, 300 people
    were inside`` (the figure is the main clause's) nor ``when revenue reaches $10 billion``.
    """
    toks = p.tokens_in(start, end)
    if not toks:
        return False
    for a in p.ancestors(_anchor(p, toks)):
        if not _is_verb(p, a):
            continue
        # the figure's own verb: a past one in a clause under another, opened by "when"
        when = any(p.deps[c] == "advmod" and _low(p, c) == "when" and c < a for c in p.children(a))
        return when and p.tags[a] == "VBD" and p.deps[a] in ("advcl", "pcomp") and p.heads[a] != a
    return False


@dataclass(frozen=True, slots=True)
class Action:
    """What a date in a clause says was done then, read from the clause's grammar.

    ``measure`` names the action (``addressing``, ``landfall``, ``press conference``),
    ``entity`` who did it, ``scope`` the named place it was done at and ``target`` whom or
    what it was done to (``met Sanjay Mehrotra``): two dates of one action by one entity,
    at one place and to one target, cannot both be right.
    """

    measure: FramePart
    entity: FramePart | None
    scope: FramePart | None = None
    target: FramePart | None = None


#: prepositions by which a date says when something was done ("on Thursday", "at 9 a.m.")
_WHEN_PREPS = frozenset({"on", "at"})
#: how a date hangs from what it dates without a preposition ("Thursday", "Thursday's")
_WHEN_DEPS = frozenset({"npadvmod", "tmod", "nmod", "compound", "poss"})


#: the prepositions of a clock time that say when (``around 12:25 a.m.``; ``shortly after
#: 3:30 p.m.``, whose hedge the extractor has read, a bare ``after`` being a bound)
_CLOCK_PREPS = _WHEN_PREPS | {"around", "about", "after", "before"}


def dated_action(p: Parse, start: int, end: int, *, clock: bool = False) -> Action | None:
    """The action the date at ``[start, end)`` says was done then, if it says one.

    ``Modi addressed Congress on Thursday``: addressing, by Modi, of Congress;
    ``Beryl made landfall on Carriacou late Monday morning``: landfall (the object of a
    light verb), by Beryl, on Carriacou; ``during his address on Wednesday``: addressing
    (an action's noun, in the data), by no one named. None for a date of no action
    (``shares rose on Monday``, ``officials said on Friday``: a move that recurs, a
    saying), of one yet to come (``will meet on Friday``), of a clause done by no one
    named (``a man died on Tuesday``), or one before or after the action (``since
    Monday``). Offsets are the sentence's.

    A ``clock`` time (``the jury began deliberating at 3:36 p.m.``) dates one moment of a
    day, not one day of many: an action done by someone not named is the action of what
    its subject names (``jury``).
    """
    preps = _CLOCK_PREPS if clock else _WHEN_PREPS
    toks = p.tokens_in(start, end)
    if not toks:
        return None
    lex = lexicon()
    anchor = _anchor(p, toks)
    head = p.heads[anchor]
    while p.deps[anchor] == "compound" and _low(p, head) in lex.time_nouns and head != anchor:
        anchor, head = head, p.heads[head]  # "late Monday morning": the morning is the date
    if clock and p.deps[anchor] == "appos" and p.deps[head] in _WHEN_DEPS:
        anchor, head = head, p.heads[head]  # "Wednesday, 9 a.m.: Milton made landfall"
    if head == anchor:
        return None
    if p.deps[anchor] == "prep" and _low(p, anchor) in preps:
        pass  # "on Wednesday" read with its preposition: it hangs from what it dates
    elif p.deps[anchor] == "pobj":
        if _low(p, head) not in preps or p.heads[head] == head:
            return None  # "since Monday", "until Friday": before or after it, not when
        head = p.heads[head]
    elif p.deps[anchor] not in _WHEN_DEPS:
        return None
    if tense_of(p, start, end) == "not past" and not (
        clock and _timeline_entry(p, toks) and p.tags[head] in ("VBZ", "VBP")
    ):
        return None  # "will meet on Friday", "the vote is on Sunday"
    if p.tags[head] in _NOUN_TAGS and _low(p, head) not in lex.action_nouns:
        # "met Sanjay Mehrotra in Washington on Wednesday": the date of the meeting, parsed
        # onto the place
        prep = p.heads[head]
        if p.deps[head] == "pobj" and p.deps[prep] == "prep" and _is_verb(p, p.heads[prep]):
            head = p.heads[prep]
    if p.tags[head] in _NOUN_TAGS:
        return _nominal_action(p, head, lex, toks)
    if not _is_verb(p, head):
        return None
    action = _verbal_action(p, head, lex, toks, clock)
    if action is None and _low(p, head) in lex.not_actions:
        # "On Tuesday, Beryl surged through open waters and made landfall": the date is the
        # whole sentence's, and the verb after "and" names the action
        for c in p.children(head):
            if p.deps[c] == "conj" and _is_verb(p, c):
                return _verbal_action(p, c, lex, toks, clock)
    return action


def _timeline_entry(p: Parse, toks: Sequence[int]) -> bool:
    """True when the time opens its sentence and a dash or a colon follows it, as in a
    timeline (``12:39 a.m. - The ship departs the terminal``): told in the present, of
    the past."""
    words = [i for i in range(len(p)) if p.tags[i] != "_SP"]
    after = [i for i in words if i > toks[-1]]
    return words[:1] == [toks[0]] and bool(after) and p.word(after[0]) in (":", "-", "–", "—")


def _action_noun(p: Parse, noun: int, lex: Lexicon) -> FramePart | None:
    """The action a noun names (``his address``: addressing; ``a press conference``)."""
    words = [_low(p, c) for c in p.children(noun) if c < noun and p.deps[c] == "compound"]
    for key in (" ".join([*words[-1:], _low(p, noun)]), _low(p, noun), singular(_low(p, noun))):
        if key in lex.action_nouns:
            return FramePart(lex.action_nouns[key], p.word(noun), "clause")
    return None


def _nominal_action(p: Parse, noun: int, lex: Lexicon, date: Sequence[int]) -> Action | None:
    measure = _action_noun(p, noun, lex)
    if measure is None:
        return None
    entity = None
    for c in p.children(noun):
        if p.deps[c] == "poss":
            entity = _entity_at(p, c, "possessor", lex)  # "Modi's address"; "his": no one named
    return Action(measure, entity, _place(p, noun, lex, date))


def _verbal_action(
    p: Parse, verb: int, lex: Lexicon, date: Sequence[int], clock: bool = False
) -> Action | None:
    word = _low(p, verb)
    if (
        word in lex.not_actions
        or word in lex.reporting
        or word in lex.change_verbs
        or word in lex.lasting_verbs
        or any(p.deps[c] == "neg" for c in p.children(verb))
    ):
        return None
    subject = _subject(p, verb)
    entity = _entity_at(p, subject, "subject", lex) if subject is not None else None
    if entity is None and subject is not None and _low(p, subject) in _PRONOUNS:
        entity = _antecedent(p, verb, lex)  # "Otis strengthened ... before it made landfall"
    if entity is None and clock and subject is not None and _the_one(p, subject):
        entity = FramePart(singular(_low(p, subject)), p.word(subject), "subject")  # "the jury"
    if entity is None:
        return None  # "a man died on Tuesday": done by someone not named, one of many
    # "made landfall" (read as an object, or as a predicate adjective)
    objects = [
        c
        for c in p.children(verb)
        if c > verb
        and (
            p.deps[c] in ("dobj", "xcomp", "oprd")
            # "made landfall", misread as a clause
            or (p.deps[c] == "ccomp" and p.tags[c] in ("NN", "JJ") and word in lex.light_verbs)
        )
    ]
    measure: FramePart | None
    target = None
    if word in lex.light_verbs or word in lex.aspect_verbs:
        if not objects:
            return None
        done = objects[0]
        measure = _action_noun(p, done, lex)
        if measure is None and p.tags[done] in ("NN", "NNS"):
            measure = _measure_part(p, done, "clause")
        elif measure is None and p.tags[done] == "VBG":
            measure = FramePart(_low(p, done), p.word(done), "clause")  # "began deliberating"
        if measure is None:
            return None
        if word in lex.aspect_verbs:
            # "began deliberating", "started talks": the start of the action, not the action
            measure = FramePart(f"{_action_of(word, lex)} {measure.key}", measure.words, "clause")
    else:
        key = _action_of(word, lex)
        particles = [_low(p, c) for c in p.children(verb) if p.deps[c] == "prt"]
        measure = FramePart(" ".join([key, *particles]), p.word(verb), "clause")
        if objects:
            target = _target(p, objects[0], lex)
        else:
            # "Macron met with Xi Jinping": whom it was done with
            withs = [c for c in p.children(verb) if p.deps[c] == "prep" and _low(p, c) == "with"]
            named = [o for w in withs for o in p.children(w) if p.deps[o] == "pobj"]
            if named and p.tags[named[0]] in _PROPER:
                target = _entity_at(p, named[0], "clause", lex)
    return Action(measure, entity, _place(p, verb, lex, date), target)


#: a subject that stands for a name the sentence gave before it
_PRONOUNS = frozenset({"it", "he", "she"})


def _antecedent(p: Parse, verb: int, lex: Lexicon) -> FramePart | None:
    """The named subject of the clause a pronoun's clause hangs from, when the sentence
    names one there (``Otis strengthened ... before it made landfall``: Otis)."""
    for a in p.ancestors(verb):
        if not _is_verb(p, a):
            continue
        subject = _subject(p, a)
        if subject is not None and p.tags[subject] in _PROPER and subject < verb:
            return _entity_at(p, subject, "subject", lex)
        if subject is not None:
            return None
    return None


def _the_one(p: Parse, noun: int) -> bool:
    """True when a common noun names one known thing (``the jury``, ``jurors``), not one of
    many (``a man``, ``two people``)."""
    if p.tags[noun] not in ("NN", "NNS"):
        return False
    dets = [_low(p, c) for c in p.children(noun) if p.deps[c] in ("det", "nummod")]
    return dets == ["the"] or (not dets and p.tags[noun] == "NNS")


def _action_of(verb: str, lex: Lexicon) -> str:
    """The name of a verb's action: ``addressed`` -> addressing, ``met`` -> meeting."""
    return lex.irregular_actions.get(verb) or _gerund(verb)


def _target(p: Parse, obj: int, lex: Lexicon) -> FramePart | None:
    """Whom or what an action was done to: a name (``Sanjay Mehrotra``, ``the US Congress``
    of ``the joint session of the US Congress``), else the object's noun."""
    if p.tags[obj] not in _NOUN_TAGS:
        return None
    named = _entity_at(p, obj, "clause", lex)
    if named is not None:
        return named
    for c in p.children(obj):
        if p.deps[c] == "prep" and _low(p, c) == "of":
            for o in p.children(c):
                if p.deps[o] == "pobj" and p.tags[o] in _PROPER:
                    return _entity_at(p, o, "of", lex)
    return _measure_part(p, obj, "clause")


def _place(p: Parse, head: int, lex: Lexicon, date: Sequence[int]) -> FramePart | None:
    """The named place an action was done at (``in Washington``, ``on Carriacou``), never
    the date itself (``on Thursday``)."""
    for c in p.children(head):
        if p.deps[c] == "prep" and _low(p, c) in ("in", "at", "on"):
            for o in p.children(c):
                if p.deps[o] == "pobj" and p.tags[o] in _PROPER and o not in date:
                    place = _entity_at(p, o, "preposition", lex)
                    if place is not None:
                        return place
    return None


__all__ = [
    "Action",
    "Lexicon",
    "data",
    "dated_action",
    "dated_event",
    "frame_of",
    "lasted",
    "lexicon",
    "measured",
    "modified_noun",
    "one_of_many",
    "tense_of",
]
