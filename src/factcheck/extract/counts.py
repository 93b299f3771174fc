"""Counts and ordinals: ``20 agreements``, ``188 of the 400 seats``, ``11th visit``."""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract._lexicon import (
    CASUALTY_VERBS,
    COUNTING_NOUNS,
    ELLIPSIS_VERBS,
    MEASURE_NOUN_OF,
    MEASURE_NOUNS,
    MEASURE_UNITS,
    ORDINAL_SKIP,
    ORDINAL_WORDS,
    SCORED_PER,
    STOP_WORDS,
)
from factcheck.extract.context import Context, singular
from factcheck.facts import Mention

#: nouns an ordinal names a kind of, never ranks (``a third party``, ``second nature``, a
#: tennis player's ``first serve`` and ``2nd serve``)
ORDINAL_IDIOMS = frozenset(
    """party parties state states country countries world hand thought thoughts nature chance
    opinion fiddle wheel way half
    serve serves""".split()
)
#: what may stand before an ordinal word that ranks something (``his second visit``)
ORDINAL_DETERMINERS = frozenset("the its his her their our my your a an".split())

#: words after ``N-`` that make an idiom, not a count (``two-way``, ``three-fold``)
HYPHEN_IDIOMS = frozenset(
    """way fold sided thirds quarters fifths tier pronged faced edged hander time step track lane
    speed star digit legged dimensional d thirty""".split()
)

_OF_THE = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?(?=\d|[a-z]+[ \t])")
_HYPHEN_NOUN = re.compile(r"-([a-z]{3,})\b(?!-)")


_UNIT_AFTER = re.compile(r"[ \t-]?([A-Za-z]+)\b")
_MEASURE_BEFORE = re.compile(
    r"\b(?P<noun>[A-Za-z][a-z]+)(?:[ \t]+(?:of|from)[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+)??"
    r"(?P<of>(?!(?:has|had|have|was|is|were|are)\b)[a-z]+))?[ \t]+"
    r"(?:(?:now[ \t]+)?(?:has|had|have|was|is)[ \t]+(?:now[ \t]+|since[ \t]+)?(?:been[ \t]+)?)?"
    r"(?:now[ \t]+)?(?:(?:could|may|might|would|will|is[ \t]+expected[ \t]+to)[ \t]+)?"
    r"(?:rise|climb|reach|top|exceed|pass|surpass|increase|grow|"
    r"rose|risen|rises|climbed|climbs|jumped|jumps|reached|reaches|stood|stands|hit|hits|"
    r"increased|increases|grew|grows|fell|falls|dropped|drops|surpassed|surpasses|exceeded|"
    r"exceeds|topped|tops|passed|passes|was|is|at|totalled|totaled|totals|numbered|numbers|"
    r"amounted|amounts|came|comes|turned[ \t]+out[ \t]+to[ \t]+be|"
    r"(?:could|may|might|would|will)[ \t]+(?:now[ \t]+)?be(?:[ \t]+(?:closer|close)[ \t]+to)?)"
    r"(?:[ \t]+(?:to|at|by|in[ \t]+at|past|above|beyond))?[ \t]+$"
)
#: "the death toll from the floods has now reached more than 5,200", "the official death toll
#: was slightly revised downwards on Tuesday, from 217 to 215": a toll and its verb, with what
#: the toll is of between them (the clause, not the sentence: no stop of a clause between)
_TOLL_CLAUSE_BEFORE = re.compile(
    r"\b(?P<noun>toll|tally)(?:[ \t]+(?:from|in|of|for|at|across)[ \t]+[^.;:!?()\n,]{1,70}?)?"
    r"[ \t]+(?:(?:has|had|have|was|is)[ \t]+)?(?:(?:now|since|been|slightly|further|"
    r"officially|again)[ \t]+)*(?P<verb>rose|risen|climbed|reached|jumped|surpassed|exceeded|"
    r"topped|passed|stood|stands|hit|increased|grew|fell|dropped|reduced|revised|lowered|"
    r"raised|updated|corrected|cut|adjusted)"
    r"(?:[ \t]+(?:downwards?|upwards?|down|up))?(?:[ \t]+on[ \t]+[A-Z][a-z]+)?,?"
    r"(?:[ \t]+(?:from[ \t]+[\d,]+[ \t]+)?(?:to|at|from))?[ \t]+$"
)
#: "officials put the death toll at 2,300", "raising the toll to 54": the measure is the object
_PUT_AT_BEFORE = re.compile(
    r"\b(?:put|puts|putting|placed|places|raised|raises|raising|brought|brings|bringing|"
    r"lifted|lifting|pushed|pushing|took|taking)[ \t]+(?:the[ \t]+|its[ \t]+)?"
    r"(?:[a-z]+[ \t]+)?(?P<noun>[a-z]+)[ \t]+(?:at|to)[ \t]+$"
)
#: "placed the number of murdered candidates at 34", "put the figure of the missing at 670",
#: "put the number to be evacuated at almost 7,900": what the counting noun counts
_PUT_OF_AT_BEFORE = re.compile(
    r"\b(?:put|puts|putting|placed|places|placing|set|sets|setting|estimated|estimates|"
    r"raised|raises|raising|brought|brings|bringing|took|takes|taking|pushed|pushes|pushing|"
    r"lifted|lifts|lifting)[ \t]+"
    r"(?:the|its|their)[ \t]+(?:[a-z]+[ \t]+)?(?P<noun>number|count|figure|tally|total|toll)[ \t]+"
    r"(?:of[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+)?(?P<of>[a-z]+)|to[ \t]+be[ \t]+(?P<to>[a-z]+))"
    r"[ \t]+(?:at|to)[ \t]+$"
)
#: "137 off 120 balls", "a 120-ball 147": a bare number scored off a count of attempts
_SCORED_AFTER = re.compile(
    r"[ \t]+(?:off|from|out[ \t]+of|in)[ \t]+(?:just[ \t]+|only[ \t]+)?\d+[ \t]+(?P<unit>[a-z]+)\b"
)
_SCORED_BEFORE = re.compile(r"\b\d+-(?P<unit>[a-z]+)[ \t]+$")
#: "magnitude 6.8", "a magnitude of 6.1", "gave the magnitude as 7.2", "the magnitude of the
#: earthquake was 7.4", "the magnitude was later revised to 7.5"
_MAGNITUDE_BEFORE = re.compile(
    r"\b(?P<noun>magnitude)(?:[ \t]+of[ \t]+the[ \t]+[a-z]+[ \t]+(?:was|is|at)"
    r"|[ \t]+(?:of|at|was|is|as|to|measured)"
    r"|(?:[ \t]+(?:was|is|has[ \t]+been|had[ \t]+been))?(?:[ \t]+(?:later|then|since|now))?"
    r"[ \t]+(?:revised|upgraded|downgraded|lowered|raised|put|estimated|measured|rated|"
    r"recorded|registered)(?:[ \t]+(?:up|down|upwards?|downwards?))?[ \t]+(?:to|at|as))?[ \t-]+$",
    re.IGNORECASE,
)
#: "a crowd of 92,000", "a death toll of 54", "with an attendance of 74,295"
_MEASURE_OF_BEFORE = re.compile(r"\b(?P<noun>[a-z]+)[ \t]+of[ \t]+$")
_POPULATION_BEFORE = re.compile(
    r"\b(?:city|town|village|community|country|nation|island)[ \t]+of[ \t]+$", re.IGNORECASE
)
_VERB_BEFORE = re.compile(r"\b(?P<verb>[a-z]+)[ \t]+$")
#: "Nonfarm payrolls: 303,000 vs. +214,000 est.": a line's label names what its numbers count
_LABEL_LINE_BEFORE = re.compile(
    r"(?:^|\n)[ \t]*[A-Z][A-Za-z-]*(?:[ \t]+[A-Za-z-]+){0,3}?[ \t]+(?P<noun>[a-z]+)"
    r"|(?:^|\n)[ \t]*(?P<one>[A-Z][a-z]+)"
)
_LABEL_LINKS = frozenset({"of", "on", "per"})  # "Shots on target: 5"
_LABEL_VALUE = re.compile(r":[ \t]+(?:[+-]?[\d,.]+[ \t]+(?:vs\.?|versus)[ \t]+)?[+-]?$")
#: "the NDA has 292 seats, INDIA 234": a list goes on with a name and a bare number
_LIST_BEFORE = re.compile(
    r"(?<![\w.,])\d[\d,]*[ \t]+(?P<noun>[a-z]+s)[ \t]*(?:,|;|and)[ \t]+(?:the[ \t]+)?"
    r"[A-Z][\w'’&-]*(?:[ \t]+[A-Z][\w'’&-]*){0,3}[ \t]+$"
)
#: "lost 15 seats and now has nine": the second number counts what the first did
_ELLIPSIS_BEFORE = re.compile(
    r"(?<![\w.,])(?:\d[\d,]*|[a-z]+)[ \t]+(?P<noun>[a-z]+s)[ \t]+(?:and|but|while)[ \t]+"
    r"(?:now[ \t]+|still[ \t]+|later[ \t]+)?(?P<verb>[a-z]+)[ \t]+(?:only[ \t]+|just[ \t]+)?$"
)


def count_noun(ctx: Context, end: int, value: Decimal) -> tuple[str, int] | None:
    """The noun a number at ``[.., end)`` counts, and where the count's span ends."""
    text = ctx.text
    hyphen = _HYPHEN_NOUN.match(text, end)
    if hyphen is not None:
        word = hyphen.group(1)
        if word in HYPHEN_IDIOMS or word in STOP_WORDS:
            return None
        return word, hyphen.end()
    unit = _UNIT_AFTER.match(text, end)
    if unit is not None and unit.group(1).lower() in MEASURE_UNITS:
        return unit.group(1), unit.end()
    return ctx.noun_after(end, plural=value != 1)


def magnitude_before(ctx: Context, begin: int) -> bool:
    """``magnitude 6.8``, ``a magnitude of 6.1``: the number is on the magnitude scale."""
    return _MAGNITUDE_BEFORE.search(ctx.text, max(0, begin - 48), begin) is not None


def listed_before(ctx: Context, begin: int) -> str | None:
    """``the NDA has 292 seats, INDIA 234``: the noun a list's bare number counts, or None."""
    listed = _LIST_BEFORE.search(ctx.text, max(0, begin - 64), begin)
    if listed is None or listed.group("noun") in STOP_WORDS:
        return None
    return listed.group("noun")


def label_before(ctx: Context, begin: int) -> str | None:
    """``Nonfarm payrolls: 303,000``: the noun a line's label ends with, before its number
    (or its second number, after ``vs.``), or None."""
    text = ctx.text
    line = text.rfind("\n", 0, begin) + 1
    value = _LABEL_VALUE.search(text, line, begin)
    if value is None or value.end() != begin:
        return None
    m = _LABEL_LINE_BEFORE.match(text, max(0, line - 1), value.start())
    if m is None or m.end() != value.start():
        return None
    words = text[m.start() : m.end()].lower().split()
    if any(w in STOP_WORDS and w not in _LABEL_LINKS for w in words):
        return None  # "Updated at noon: 303,000": a clause, not a label
    noun = words[-1]
    return MEASURE_NOUN_OF.get(noun, noun)


def measure_before(ctx: Context, begin: int) -> str | None:
    """The measure a bare number is a value of, named before it.

    ``the toll rose to 37`` -> ``toll``; ``injuring more than 60`` ->
    ``injured``; ``a magnitude 6.4 earthquake`` -> ``magnitude``.
    """
    text = ctx.text
    lo = max(0, begin - 48)
    if magnitude_before(ctx, begin):
        return "magnitude"
    found = (
        _MEASURE_BEFORE.search(text, lo, begin),
        _PUT_AT_BEFORE.search(text, lo, begin),
        _TOLL_CLAUSE_BEFORE.search(text, max(0, begin - 160), begin),
        _MEASURE_OF_BEFORE.search(text, lo, begin),
    )
    # the first whose noun is a measure's ("the toll from the storm has now reached 5,200":
    # not "storm"; "Turnout was 61,000": at the start of a sentence too)
    m = next((x for x in found if x is not None and x.group("noun").lower() in MEASURE_NOUNS), None)
    if m is not None:
        noun = m.group("noun").lower()
        of = m.groupdict().get("of")
        if noun in COUNTING_NOUNS and of and of not in STOP_WORDS:
            return of  # "the final count of fatalities turned out to be 85": fatalities
        return MEASURE_NOUN_OF.get(noun, noun)
    put = _PUT_OF_AT_BEFORE.search(text, max(0, begin - 72), begin)
    if put is not None:
        counted = put.group("of") or put.group("to")
        if counted not in STOP_WORDS:
            return counted  # "put the figure of the missing at 670": the missing
    if _POPULATION_BEFORE.search(text, lo, begin) is not None:
        return "population"  # "the city of some 90,000"
    listed = listed_before(ctx, begin)
    if listed is not None:
        return listed
    label = label_before(ctx, begin)
    if label is not None:
        return label
    e = _ELLIPSIS_BEFORE.search(text, max(0, begin - 64), begin)
    if e is not None and e.group("verb") in ELLIPSIS_VERBS and e.group("noun") not in STOP_WORDS:
        return e.group("noun")
    v = _VERB_BEFORE.search(text, lo, begin)
    if v is not None and v.group("verb") in CASUALTY_VERBS:
        return CASUALTY_VERBS[v.group("verb")]
    return None


def scored_off(ctx: Context, begin: int, end: int) -> str | None:
    """``137 off 120 balls``, ``a 120-ball 147``: what a bare number scores (the data's
    :data:`SCORED_PER`), or None."""
    after = _SCORED_AFTER.match(ctx.text, end)
    if after is not None and after.group("unit") in SCORED_PER:
        return SCORED_PER[after.group("unit")]
    before = _SCORED_BEFORE.search(ctx.text, max(0, begin - 24), begin)
    if before is not None and before.group("unit") in SCORED_PER:
        return SCORED_PER[before.group("unit")]
    return None


def of_total(ctx: Context, end: int) -> int | None:
    """Where ``of the`` starts a second number (``188 of the 400 seats``)."""
    m = _OF_THE.match(ctx.text, end)
    return m.end() if m else None


def count_mention(
    start: int,
    end: int,
    value: Decimal,
    noun: str,
    *,
    qualifier: str,
    step: Decimal,
    high: Decimal | None = None,
    record: bool = False,
) -> Mention:
    return Mention(
        "count",
        start,
        end,
        number=value,
        number_high=high,
        step=step,
        qualifier=qualifier,
        unit=singular(noun),
        noun=noun,
        record=record,
    )


def ordinal_noun(ctx: Context, end: int) -> tuple[str, int] | None:
    """The noun an ordinal ranks (``11th visit``, ``fourth such gathering``)."""
    text = ctx.text
    hyphen = _HYPHEN_NOUN.match(text, end)
    if hyphen is not None:  # "second-largest", "80th-anniversary"
        word = hyphen.group(1)
        if word in ("century", "centuries"):
            return None
        return word, hyphen.end()
    for word, _s, e in ctx.tokens_after(end, 3):
        low = word.lower()
        if low in ORDINAL_SKIP:
            continue
        if low in STOP_WORDS or low in ("century", "centuries") or low.endswith("-century"):
            return None
        if word[:1].isupper() and not word.isupper():
            return None  # "Second World War", "21st Century Fox"
        return word, e
    return None


def ordinal_word_value(word: str) -> int | None:
    """``second`` -> 2, ``twenty-first`` -> 21, ``first`` -> None (too generic)."""
    low = word.lower()
    if "-" in low:
        tens, _, unit = low.partition("-")
        from factcheck.extract._lexicon import NUMBER_WORDS

        if tens in NUMBER_WORDS and unit in ORDINAL_WORDS:
            return NUMBER_WORDS[tens] + ORDINAL_WORDS[unit]
        return None
    value = ORDINAL_WORDS.get(low)
    if value is None or value < 2:
        return None
    return value


#: "the first player ever to score a hat-trick in a final": a rank with what it ranks
_RANK_TO = re.compile(
    r"[ \t]+(?:[a-z-]+[ \t]+){0,2}?(?P<noun>[a-z]+)[ \t]+(?:ever[ \t]+)?to[ \t]+"
    r"(?P<verb>[a-z]+)[ \t]+(?:(?:a|an|the|his|her|their|its)[ \t]+)?"
    r"(?P<what>(?:[\w'’-]+[ \t]+){0,4}?[\w'’-]+?)"
    r"(?=[ \t]+(?:in|at|after|since|for|of|on|with|as|before|during|when|while)\b|[,.;:]|$)"
)
_RELATIVE_RANK = re.compile(r"[^,.;]*?\b(?:after|since|behind|besides)\b")


def rank_to(ctx: Context, end: int) -> tuple[str, int] | None:
    """What an ordinal ranks when it is the Nth to do something: ``score hat-trick``.

    ``the second man to score a World Cup final hat-trick`` -> (``score hat-trick``,
    end of ``hat-trick``); None for a rank relative to someone (``the first ...
    after Hurst``), which is no absolute rank, or for anything else.
    """
    m = _RANK_TO.match(ctx.text, end)
    if m is None or m.group("noun") in STOP_WORDS or m.group("verb") in STOP_WORDS:
        return None
    if _RELATIVE_RANK.match(ctx.text, m.end()):
        return None  # "the first player to score a hat-trick in a final after Hurst"
    what = m.group("what").split()[-1].lower()
    return f"{m.group('verb').lower()} {singular(what)}", m.end()
