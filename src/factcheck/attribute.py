"""What each figure measures, and for which period.

A count measures its noun (``20 agreements`` -> ``agreement``; ``12 people``
killed -> ``killed``); money and percentages measure the subject of their
clause (``bilateral trade ... reached $245 billion`` -> ``trade``;
``turnout was 67.4%`` -> ``turnout``; ``revenue rose 18 percent`` ->
``revenue change``). The key is normalised (lower case, singular, generic
modifiers and party names dropped) so that sources can be matched; the
rule engine then matches keys across sources with rapidfuzz.

The period is the date expression that governs the figure in its sentence
(``in 2023``, ``last year``, ``the third quarter``, ``the three months to
September``), else none is stated and the figure is taken as of the source's
publication.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from factcheck.extract._lexicon import (
    CUMULATIVE_METRICS,
    MEASURE_UNITS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    PROGRESS_METRIC,
    QUALIFIERS,
    SCALE_WORDS,
    STOP_WORDS,
    TIME_UNITS,
)
from factcheck.extract.context import singular, trie_pattern
from factcheck.extract.quantities import measure_of
from factcheck.extract.quarters import fiscal_around
from factcheck.extract.scanner import BETWEEN_BEFORE, FROM_CHANGE
from factcheck.facts import Claim, Document, Fact, Frame, FramePart, Number, Resolution
from factcheck.frames import (
    frame_of,
    lasted,
    lexicon,
    measured,
    modified_noun,
    of_a_past_when,
    streak_of,
)
from factcheck.parse import DEFAULT_MODEL, MAX_CHARS, Parse, parse_sentences
from factcheck.ruledata import Vocabulary
from factcheck.sentences import Sentences, is_headline

#: "fourth quarter revenue", "the first half profit": a part of the year, which is the period's
_PART_OF_YEAR = frozenset({"quarter", "half"})
# ("expected revenue" is revenue: that it is a forecast is the frame's modality)

#: nouns that only say "how many of them": the measure is in the verb (``12 people killed``)
GENERIC_NOUNS = frozenset(
    """person people resident inhabitant civilian child adult other individual victim man
    woman""".split()
)

#: heads that mean a change of something else (``trade growth`` -> ``trade change``)
CHANGE_HEADS = frozenset("growth increase rise decline decrease drop fall gain jump change".split())
_CHANGE_VERBS = frozenset(
    """rose rise rises risen grew grow grows increased increases jumped jumps climbed climbs
    gained gains fell fall falls dropped drops declined declines decreased decreases slipped
    slips surged surges soared soars plunged plunges up down""".split()
)

#: canonical names of casualty words
CASUALTY_CANON = {
    "killed": "killed",
    "dead": "killed",
    "death": "killed",
    "deaths": "killed",
    "died": "killed",
    "perished": "killed",
    "drowned": "killed",
    "die": "killed",
    "fatality": "killed",
    "fatalities": "killed",
    "toll": "killed",
    "injured": "injured",
    "wounded": "injured",
    "hurt": "injured",
    "injuring": "injured",
    "killing": "killed",
    "kills": "killed",
    "wounding": "injured",
    "missing": "missing",
    "displaced": "displaced",
    "homeless": "displaced",
    "evacuated": "evacuated",
    "arrested": "arrested",
    "detained": "arrested",
    "rescued": "rescued",
    "hospitalised": "hospitalised",
    "hospitalized": "hospitalised",
    "infected": "infected",
    "buried": "buried",
    "burying": "buried",
    "trapped": "trapped",
    "trapping": "trapped",
    "stranded": "stranded",
    "stranding": "stranded",
}

#: verbs that link a subject to the figure it measures (``trade reached $245 billion``)
LINK_VERBS = frozenset(
    """reached reaches rose rises risen climbed climbs jumped jumps fell falls dropped drops
    declined declines grew grows increased increases decreased decreases was were is are been
    be stood stands totaled totalled totals hit hits amounted amounts came comes topped tops
    exceeded exceeds surged surges soared soars slipped slips posted posts reported reports
    recorded records generated generates earned earns raised raises received receives won wins
    took takes gained gains lost loses secured secures attracted attracts cost costs stands
    sold sells bought buys paid pays spent spends handed delivered delivers showed shows hold
    holds held accounted accounts""".split()
)
#: words that end a noun phrase when walking left from its head
_BOUNDARY = LINK_VERBS | frozenset(
    """and or but while whereas although though that which who whom whose when where said says
    say told tells announced compare compared compares according as than because if since
    after before during with without had has have having do does did will would could should
    can may might must also only just still including""".split()
)
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_QUALS = "(?:" + trie_pattern(sorted(QUALIFIERS, key=len, reverse=True)) + r")"
_OF_BEFORE = re.compile(
    r"\b(?P<link>of|at|worth|totalling|totaling|to|by)[ \t]+(?:" + _QUALS + r"[ \t]+)?"
    r"(?:an?[ \t]+(?:new[ \t]+|all-time[ \t]+)?record[ \t]+(?:high[ \t]+of[ \t]+)?)?$",
    re.IGNORECASE,
)
_TOKEN = re.compile(r"[A-Za-z][\w'’-]*|[,;:()]|[0-9][0-9.,]*")
_CLAUSE_BREAK = re.compile(
    r",[ \t]+(?:and|but|while|whereas|although|though|which|who|when)\b|;|:|[ \t][-–—][ \t]|\(|\)"
)
_COMPARISON = re.compile(
    r"\b(?:from|compared[ \t]+(?:with|to)|against|versus|than|after[ \t]+(?:rising|increasing|"
    r"climbing|gaining|falling|declining|dropping|edging|growing|jumping))\b",
    re.IGNORECASE,
)
#: "$21.3bn in revenue", "$8 billion in customer funds": the measure after "in"
_MONEY_IN_AFTER = re.compile(
    r"[ \t]+in[ \t]+(?P<np>(?P<w>[a-z][\w-]*)(?:[ \t]+[a-z][\w-]*)?)(?=[ \t]*[,.;:)]|[ \t]+"
    r"(?:and|in|for|from|at|on|by|during|last|this|a|an|the|was|were|is|are|that|which|to|while|"
    r"as|after|before|since|compared|versus|against|than|lower|higher|below|above)\b)"
)
#: what money is when it is someone's: "customer funds", "client money", "FTX deposits"
_MONEY_NOUNS = frozenset("fund funds money deposit deposits cash savings".split())
_MONEY_FROM_AFTER = re.compile(
    r"[ \t]+from[ \t]+(?:(?:the|its|their|his|her|[A-Z][\w-]*)[ \t]+)?"
    r"(?P<np>[a-z]+s(?:(?:,[ \t]+|,?[ \t]+and[ \t]+)[a-z]+s)*)\b"
)
_MONEY_OF_AFTER = re.compile(
    r"[ \t]+(?:in|worth[ \t]+of|of)[ \t]+(?:(?:the|its|their|his|her|[A-Z][\w-]*)[ \t]+)?"
    r"(?P<np>[a-z]+[ \t]+(?:funds|money|deposits|cash|savings))\b"
)


def _owned_money(taken: re.Match[str] | None) -> Metric | None:
    """``customers`` or ``FTX customer deposits`` as the metric ``customer money``."""
    if taken is None:
        return None
    words = re.split(r"[ \t,]+", taken.group("np"))
    owners = [singular(w) for w in words if w and w != "and" and w not in _MONEY_NOUNS]
    if not owners or any(w in STOP_WORDS for w in owners):
        return None
    return Metric(" ".join([*owners, "money"]), taken.group("np"))


_CHANGE_BEFORE = re.compile(r"\b(?P<w>up|down)[ \t]+(?:by[ \t]+)?" + r"(?:" + _QUALS + r"[ \t]+)?$")
_NP_AFTER = re.compile(
    r"[ \t]+(?:(?:in|of|for|on)[ \t]+)?(?:the[ \t]+|its[ \t]+|their[ \t]+)?"
    # "$36.9 billion and net income at $30.4 billion": a conjunction opens the next figure's
    r"(?!(?:and|or|but|while|whereas|with|than)\b)"
    r"(?P<np>[a-z][\w-]*(?:[ \t]+[a-z][\w-]*)?)"
)
_WORD_AFTER = re.compile(r"[ \t]+([a-z][\w-]*)")
_OF_AFTER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?P<np>[a-z][\w-]*(?:[ \t]+[a-z][\w-]*){0,2})")
#: "a 9% drop in revenue": the change of what follows "in"
_CHANGE_IN_AFTER = re.compile(
    r"[ \t]+(?:(?:year-over-year|year-on-year|annual|quarterly|monthly)[ \t]+)?"
    r"(?:drop|rise|increase|decrease|decline|fall|gain|jump|growth|surge|slump|cut|reduction)"
    r"[ \t]+in[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?"
    r"(?P<np>[a-z][\w-]*(?:[ \t]+[a-z][\w-]*)?)"
)
#: words that say which votes, not whose share ("of the total votes", "of valid ballots")
_SHARE_OF_SKIP = frozenset("total valid all overall".split())
#: past participles that say how far a count has gone (``of votes counted``)
_PROGRESS = re.compile(
    r"counted|tallied|reported|reporting|processed|declared|completed|in|scrutini[sz]ed"
)
#: "of the vote has been counted", "of ballots have now been tallied": the passive verb
_PASSIVE_AFTER = re.compile(
    r"[ \t]+of[ \t]+(?:the[ \t]+)?(?:[a-z]+[ \t]+){1,3}?(?:has|have|had|was|were)[ \t]+"
    r"(?:now[ \t]+|so[ \t]+far[ \t]+)?(?:been[ \t]+)?(?P<verb>[a-z]+)\b"
)
_PHRASE_END = re.compile(r"[ \t]*(?:[,.;:)]|$)")
_CASUALTY_AFTER = re.compile(
    # "5 people and injured 12": a conjunction starts another clause, of another measure
    r"[ \t]+(?:(?!(?:and|or|but|while)\b)[a-z]+[ \t]+){0,2}?"
    r"(?:(?:were|was|are|is|have|has|had)[ \t]+)?(?:been[ \t]+)?"
    r"(?P<w>killed|injured|wounded|dead|hurt|missing|displaced|evacuated|arrested|died|"
    r"rescued|hospitali[sz]ed|voted|buried|trapped|stranded)\b"
)
#: "home to 100,000 people", "a coastal city of around 125,000 inhabitants": a population
_POPULATION_BEFORE = re.compile(
    r"\b(?:home[ \t]+to|(?:city|town|village|community|country|nation|island|region|province|"
    r"district|municipality|state|suburb|county|population)[ \t]+of)[ \t]+$",
    re.IGNORECASE,
)
_CASUALTY_BEFORE = re.compile(
    r"\b(?P<w>killing|killed|kills|injuring|injured|wounding|wounded|displacing|evacuating|"
    r"left|buried|burying|trapping|stranding)[ \t]+(?:" + _QUALS + r"[ \t]+)?$"
    # "the deaths of 45 people": the dead
    r"|\b(?P<w3>deaths)[ \t]+of[ \t]+(?:(?:at[ \t]+least|some|about|around|nearly)[ \t]+)?$"
    # "put the possible death toll at more than 670 people": a toll counts the dead
    # (not "the injury toll")
    r"|(?<!injury[ \t])(?<!injuries[ \t])\b(?P<w2>toll)[ \t]+"
    r"(?:(?:at|to|of|was|is|stood[ \t]+at|stands[ \t]+at|rose[ \t]+to|reached|hit|"
    r"could[ \t]+be|may[ \t]+be)[ \t]+)(?:" + _QUALS + r"[ \t]+)?$"
)
_PREPOSITION = frozenset("between of with from in for to on at by among across over".split())
_STOP = frozenset("the a an its their his her our this that these those".split())
_TO_MONTH = re.compile(
    r"[ \t]+(?:to|ending|ended)[ \t]+(?:the[ \t]+end[ \t]+of[ \t]+)?(?P<m>"
    + "|".join(MONTHS)
    + r")\b"
)


@dataclass(frozen=True, slots=True)
class Metric:
    key: str
    text: str


def _lemma(word: str) -> str:
    word = word.strip("'")
    if word.isupper() and len(word) <= 5:
        return word.lower()  # "EPS", "GDP": an acronym, not a plural
    return singular(word.lower())


#: nouns that name the parties, not the measure (``trade between the two nations``)
_PARTY_NOUNS = frozenset(
    """nation nations country countries side sides neighbour neighbours neighbor neighbors state
    states economy economies partner partners government governments party parties""".split()
)


def _is_complement(words: Sequence[str]) -> bool:
    """Words after a preposition that only name the parties or the place: ``to Osmara``,
    ``the two nations``, ``in the Greater China region``."""
    places = lexicon().scope_nouns
    for w in words:
        low = w.lower()
        if w[:1].isupper() or low in _DETERMINERS or low in _PARTY_NOUNS or low in ("and", "or"):
            continue
        if low in places:
            continue
        if low in NUMBER_WORDS or w[:1].isdigit():
            continue
        return False
    return True


_EXCLUDING = frozenset("less excluding except minus ex ex-".split())


def noun_phrase_before(tokens: Sequence[str]) -> list[str]:
    """The noun phrase that ends ``tokens``, found by walking left.

    A prepositional complement that only names the parties is skipped
    (``bilateral trade between the two nations`` -> ``bilateral trade``).

    >>> noun_phrase_before("Last year , bilateral trade between the two nations".split())
    ['bilateral', 'trade']
    >>> noun_phrase_before("Varenland's exports to Osmara".split())
    ["Varenland's", 'exports']
    >>> noun_phrase_before("leaving Varenland with a trade surplus".split())
    ['a', 'trade', 'surplus']
    """
    core: list[str] = []
    i = len(tokens) - 1
    while i >= 0:
        tok = tokens[i]
        low = tok.lower()
        if tok in ",;:()" or tok[:1].isdigit():
            break
        if low in _PREPOSITION:
            if core and i > 0 and _is_complement(core):
                left = tokens[i - 1]
                if left not in ",;:()" and left.lower() not in _BOUNDARY:
                    core = []
                    i -= 1
                    continue
            break
        if low in _BOUNDARY:
            if low in ("and", "or") and core and core[0][:1].isupper():
                core.insert(0, tok)
                i -= 1
                continue
            if low in ("and", "or"):
                # "all items less food and energy": an aggregate without some parts
                for j in range(i - 1, max(-1, i - 4), -1):
                    if tokens[j].lower() in _EXCLUDING:
                        return ["excluding", *tokens[j + 1 : i], *core]
            break
        core.insert(0, tok)
        possessive = low in _DETERMINERS or low.endswith(("'s", "’s"))
        if possessive and not (i > 0 and tokens[i - 1].lower() in _PREPOSITION):
            break
        i -= 1
    return core


#: conjunctions that open a clause, before its subject
_CONJUNCTIONS = frozenset("and but or while whereas yet".split())


def normalise_phrase(phrase: str | Sequence[str]) -> Metric | None:
    """A metric key from a noun phrase: ``bilateral trade`` -> ``trade``.

    >>> normalise_phrase("bilateral trade").key
    'trade'
    >>> normalise_phrase("Halberd's net profit").key
    'net profit'
    >>> normalise_phrase("two-way trade growth").key
    'trade change'
    >>> normalise_phrase("Turnout").key
    'turnout'
    """
    words = phrase.split() if isinstance(phrase, str) else list(phrase)
    text = " ".join(words)
    kept: list[str] = []
    for i, word in enumerate(words):
        low = word.lower()
        if low in ("per", "a") and kept and words[i + 1 : i + 2] in (["share"], ["shares"]):
            kept.extend(["per", "share"])  # "earnings per share", "profit a share"
            break
        if (low in _PREPOSITION or (low in STOP_WORDS and low not in _DETERMINERS)) and kept:
            break
        if not kept and low in _CONJUNCTIONS:
            continue  # "... and Office commercial revenue rose 7%": the clause's own noun
        kept.append(word)
    # "fourth quarter revenue": the part of the year and its ordinal say when, not what
    kept = [
        w
        for i, w in enumerate(kept)
        if not (i < len(kept) - 1 and w.lower() in _PART_OF_YEAR)
        and not (
            i < len(kept) - 2
            and w.lower() in ORDINAL_WORDS
            and kept[i + 1].lower() in _PART_OF_YEAR
        )
    ]
    content = [
        w
        for w in kept
        if w.lower() not in lexicon().generic_modifiers
        and w.lower() not in _DETERMINERS
        and w.lower() not in _PREPOSITION
        and not w.lower().endswith(("'s", "’s"))
        and not w[:1].isdigit()
        and w.lower() not in NUMBER_WORDS
    ]
    # proper names say whose, not what; the head itself may be capitalised ("Turnout was")
    content = [w for i, w in enumerate(content) if i == len(content) - 1 or not w[:1].isupper()]
    if not content:
        return None
    head = _lemma(content[-1])
    mods = [w.lower() for w in content[:-1]]
    if head in CHANGE_HEADS:
        if not mods:
            return Metric("change", text)
        head = "change"
        mods = [_lemma(m) for m in mods]
    if head in _STOP or len(head) < 2 or head in STOP_WORDS:
        return None
    if head.endswith(("-old", "-olds")):
        return None  # "the 21-year-old is taking home $3.4 million": who, not what
    return Metric(" ".join([*mods, head]), text)


def _sentence_case(core: list[str], tokens: Sequence[str], at_sentence_start: bool) -> list[str]:
    """``Net profit climbed``: the capital of a sentence's first word is not a name's."""
    first = core[0] if core else ""
    plain_word = first[1:] == first[1:].lower()  # not "China-Russia", "EU", "McDonald's"
    # "Greater China sales": a name of two words goes on with a capital
    in_name = len(core) > 2 and core[1][:1].isupper()
    if at_sentence_start and plain_word and not in_name and list(tokens[: len(core)]) == core:
        return [first.lower(), *core[1:]]
    return core


def _subject(text: str, lo: int, start: int) -> tuple[Metric, bool] | None:
    """What the figure at ``start`` measures (from the clause before it), and if it is a change."""
    clause_lo = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, start):
        clause_lo = m.end()
    left = text[clause_lo:start]
    tokens = _TOKEN.findall(left)
    link = _OF_BEFORE.search(left)
    if link is not None and link.group("link").lower() in ("of", "worth", "totalling", "totaling"):
        before = _TOKEN.findall(left[: link.start()])
        if before and before[-1].lower() not in LINK_VERBS:
            metric = normalise_phrase(
                _sentence_case(noun_phrase_before(before), before, clause_lo == lo)
            )
            if metric is not None:
                return metric, False
    for i in range(len(tokens) - 1, max(-1, len(tokens) - 14), -1):
        tok = tokens[i].lower()
        if tokens[i] in ",;:()":
            break
        if tok in LINK_VERBS:
            j = i
            while j > 0 and tokens[j - 1].lower() in (
                "has",
                "have",
                "had",
                "was",
                "were",
                "is",
                "are",
                "been",
            ):
                j -= 1
            metric = normalise_phrase(
                _sentence_case(noun_phrase_before(tokens[:j]), tokens, clause_lo == lo)
            )
            if metric is not None:
                return metric, tok in _CHANGE_VERBS
            return None
    return None


def metric_of(
    fact: Fact, doc: Document, sentence: tuple[int, int], previous: Metric | None
) -> Metric | None:
    """What ``fact`` measures, or None when it cannot be told."""
    text = doc.match_text
    lo = sentence[0]
    if fact.kind == "quantity":
        if fact.unit == "magnitude":
            return Metric("magnitude", fact.noun or "magnitude")
        converted = _CONVERSION_BEFORE.search(text, max(lo, fact.start - 12), fact.start)
        if previous is not None and converted:
            return previous  # "a depth of 15.5km (9.6 miles)": the same figure in other units
        dimension = _DIMENSION_AFTER.match(text, fact.end)
        if measure_of(fact.unit) != "length":
            dimension = None
        if dimension is not None and dimension.group(1).lower() == "deep":
            return Metric("depth", "depth")  # "its origin is 34.8 kilometers deep": a depth
        found = _subject(text, lo, fact.start)
        if found is not None:
            return found[0]  # "the depth of the quake was 10 km", "the ship is 300 m long"
        if dimension is not None:
            word = DIMENSIONS[dimension.group(1).lower()]
            return Metric(word, word)  # "a bridge 1.6 miles long"
        measure = measure_of(fact.unit)  # "a 948-foot vessel": a length (of what: the frame's)
        return Metric(measure, measure)
    if fact.kind in ("count", "ordinal"):
        if fact.unit == "magnitude":
            return Metric("magnitude", fact.noun or "magnitude")
        if fact.unit in MEASURE_UNITS:
            found = _subject(text, lo, fact.start)
            return found[0] if found is not None else None
        return _count_metric(fact, text, lo)
    if fact.kind == "duration":
        if "ago" in fact.text.lower():
            return None
        if _TIME_LEFT_AFTER.match(text, fact.end):
            return Metric("time remaining", "time remaining")  # "with eight seconds left"
        of = _OF_AFTER.match(text, fact.end)
        if of is not None:
            return normalise_phrase(of.group("np"))
        after = _WORD_AFTER.match(text, fact.end)
        if after is not None and "-" in fact.text:  # "two-day visit", "ten-hour-long talks"
            word = after.group(1)
            if word.lower() not in STOP_WORDS:
                return normalise_phrase(word)
        return None
    if fact.kind in ("money", "percent") and previous is not None:
        earlier = _earlier_value(text, lo, fact)
        if earlier:
            return previous  # "67.4 percent, up from 61.2 percent in 2019"
        if _expected_value(text, lo, fact) or _AFTER_CHANGE.search(
            text, max(lo, fact.start - 30), fact.start
        ):
            # "revenue was $21.3 billion, below the expected $22.15 billion", "the index rose
            # 0.6% after rising 0.4% in December": the same measure (its frame says forecast)
            return previous
    label = _label(text, lo, fact.start)
    if label is not None and label[1]:
        return label[0]  # "Revenue: $119.58 billion vs. $117.91 billion expected"
    if fact.kind == "percent":
        change_in = _CHANGE_IN_AFTER.match(text, fact.end)
        if change_in is not None:  # "a 9% drop in first-quarter revenue"
            found_np = normalise_phrase(change_in.group("np"))
            if found_np is not None and found_np.key:
                return Metric(found_np.key + " change", found_np.text)
        of = _OF_AFTER.match(text, fact.end)
        # "55.69% of the total votes", "of valid ballots": the votes
        words = [w for w in (of.group("np").split() if of else []) if w not in _SHARE_OF_SKIP]
        if of is not None and words and words[0] not in STOP_WORDS:
            # "98 percent of votes counted", "99% of the preliminary count completed": how far
            # a count has got, not a share of the vote
            # ("of votes in" is how far the count got; "of the increase in inflation" is not)
            last_in = words[-1] == "in" and _PHRASE_END.match(text, of.end()) is not None
            progress = any(_PROGRESS.fullmatch(w) for w in words[1:] if w != "in")
            # "95 per cent of the vote has been counted": the count's progress, said by its verb
            passive = _PASSIVE_AFTER.match(text, fact.end)
            progress = progress or (
                passive is not None and _PROGRESS.fullmatch(passive.group("verb")) is not None
            )
            if progress or last_in or "count" in words:
                return Metric(PROGRESS_METRIC, of.group("np"))
            return normalise_phrase(" ".join([words[0], "share"]))
        noun = _percent_noun(text, fact.end)
        if noun is not None:
            return noun  # "Spain had 65% possession", "a 25% stake", "70% turnout"
        up = _CHANGE_BEFORE.search(text, max(lo, fact.start - 24), fact.start)
        after = _PERCENT_NOUN_AFTER.match(text, fact.end)
        if after is not None and _lemma(after.group("np").split()[0]) in CHANGE_HEADS:
            up = after  # "reflecting a 13% increase": a change of what the sentence said before
        found = _subject(text, lo, fact.start)
        if found is not None and found[0].key == "change" and previous is not None:
            # "revenue of $86 billion, a notable increase of 13%": the revenue's change
            return Metric(previous.key.removesuffix(" change") + " change", previous.text)
        if found is not None:
            metric, change = found
            if _LEVEL_BEFORE.search(text, max(lo, fact.start - 24), fact.start):
                change = False  # "fell from 3.9% to 3.8%", "dropped to 3.8%": levels
            if (change or up is not None) and not metric.key.endswith("change"):
                return Metric(metric.key + " change", metric.text)
            return metric
        if up is not None and previous is not None:
            base = previous.key.removesuffix(" change")
            return Metric(base + " change", previous.text)
        return None
    if fact.kind == "money" and _PER_SHARE_AFTER.match(text, fact.end):
        # "earned $2.18 per share", "expectations of $2.10 a share": earnings per share,
        # unless the clause pays it out
        before = text[max(lo, fact.start - 60) : fact.start].lower()
        if _priced_at_before().search(before):
            return Metric("share price", "share price")  # "closed at $151.46 per share"
        what = "dividend per share" if "dividend" in before else "earnings per share"
        return Metric(what, what)
    if fact.kind == "money":
        own = _owned_money(_MONEY_OF_AFTER.match(text, fact.end))
        if own is not None:
            return own  # "$10 billion in customer funds"
        in_after = _MONEY_IN_AFTER.match(text, fact.end)
        if in_after is not None and in_after.group("w").lower() not in STOP_WORDS:
            found_in = normalise_phrase(in_after.group("np"))
            if found_in is not None and found_in.key:
                return found_in  # "Tesla reported $21.3bn in revenue"
        found = _subject(text, lo, fact.start)
        if found is not None:
            return found[0]
        # "$8 billion from customers": whose money it is
        own = _owned_money(_MONEY_FROM_AFTER.match(text, fact.end))
        if own is not None:
            return own
        after = _NP_AFTER.match(text, fact.end)
        if after is not None and after.group("np").split()[0] not in lexicon().comparison_words:
            return normalise_phrase(after.group("np"))
        return label[0] if label is not None else None  # "iPhone revenue $69.70B (vs ...)"
    return None


#: the noun right after a percentage: "65% possession", "a 25% stake", "70% turnout"
_PERCENT_NOUN_AFTER = re.compile(r"[ \t]+(?P<np>[a-z][a-z-]*(?:[ \t]+[a-z][a-z-]*)?)")


def _percent_noun(text: str, end: int) -> Metric | None:
    """The measure a percentage is of when a noun follows it at once (``65% possession``).

    Not a word that compares (``5% higher``), tells a time or basis (``5% last year``,
    ``3% year-on-year``), an adverb (``5% annually``) or a change (``a 5% rise``: what
    rose is said elsewhere).
    """
    m = _PERCENT_NOUN_AFTER.match(text, end)
    if m is None:
        return None
    first = m.group("np").split()[0]
    lex = lexicon()
    if (
        first in STOP_WORDS
        or first in lex.comparison_words
        or first in lex.time_nouns
        or any(first in words for _modality, words in lex.modality)  # "3.9% expected"
        or first.endswith("ly")
        or any(pattern.match(m.group("np")) for _key, pattern in lex.basis)
        or _lemma(first) in CHANGE_HEADS  # "a 13% increase compared to ...": a change
    ):
        return None
    metric = normalise_phrase(m.group("np"))
    if metric is None or metric.key == "change" or metric.key.endswith(" change"):
        return None
    return metric


#: "15.5km (9.6 miles)", "(or 9.6 miles)": the figure before, in other units
_CONVERSION_BEFORE = re.compile(r"\([ \t]*(?:about|some|roughly|around|or|nearly)?[ \t]*$")
#: "34.8 kilometers deep", "a bridge 1.6 miles long": the dimension a length is of
_DIMENSION_AFTER = re.compile(r"[ \t]+(deep|long|high|tall|wide)\b", re.IGNORECASE)
DIMENSIONS = {
    "deep": "depth",
    "long": "length",
    "high": "height",
    "tall": "height",
    "wide": "width",
}

#: "fell to 3.8%", "from 3.9%": the level before or after a change, not the change
_LEVEL_BEFORE = re.compile(r"\b(?:to|from)[ \t]+(?:" + _QUALS + r"[ \t]+)?$", re.IGNORECASE)


@functools.cache
def _priced_at_before() -> re.Pattern[str]:
    """``closed at $151.46 per share``, ``priced at $20 a share``: what a share costs, not
    earns (the verbs are the data's ``price-verbs``)."""
    verbs = trie_pattern(sorted(lexicon().price_verbs, key=len, reverse=True))
    return re.compile(
        r"\b(?:" + verbs + r")\b(?:[^.;:]|(?<=\d)\.(?=\d)){0,32}?\bat[ \t]+"
        r"(?:about[ \t]+|around[ \t]+)?$"
    )


_PER_SHARE_AFTER = re.compile(r"[ \t]+(?:a|per)[ \t]+(?:diluted[ \t]+)?share\b", re.IGNORECASE)

#: a line that names its figure first: "Revenue: $119.58 billion", "- EPS $2.18 (vs $2.10)"
_LABEL = re.compile(
    r"[ \t]*(?:[-•*–·][ \t]*)?(?P<label>[A-Za-z][\w'’&/-]*(?:[ \t]+[\w'’&/-]+){0,4}?)"
    r"[ \t]*(?P<colon>:)?[ \t]*(?:[A-Z]{0,3}[$€£¥])?$"
)


def _label(text: str, lo: int, start: int) -> tuple[Metric, bool] | None:
    """The label a line opens with before its first figure, and whether a colon ends it."""
    begin = max(lo, text.rfind("\n", 0, start) + 1)
    m = _LABEL.fullmatch(text, begin, start) if start - begin <= 60 else None
    if m is None:
        return None
    words = m.group("label").split()
    if any(w.lower() in LINK_VERBS or w.lower() in _PREPOSITION - {"per"} for w in words):
        return None  # "Apple posted revenue of": a clause, not a label
    metric = normalise_phrase(_sentence_case(words, words, True))
    return (metric, m.group("colon") is not None) if metric is not None else None


#: "with eight seconds left", "11 seconds remaining", "leaving 1:54 on the clock"
_TIME_LEFT_AFTER = re.compile(
    r"[ \t]+(?:left|remaining|to[ \t]+play|to[ \t]+go|on[ \t]+the[ \t]+clock)\b", re.IGNORECASE
)

_COMPARED_BEFORE = re.compile(
    r"\b(?P<w>(?:up|down)[ \t]+from|compared[ \t]+(?:with|to)|from|against|versus|vs\.?)[ \t]+"
    r"(?:" + _QUALS + r"[ \t]+)?$",
    re.IGNORECASE,
)


_EXPECT = (
    r"(?:expected|estimated|estimates?|forecast(?:ed|s)?|projected|projections?|consensus|"
    r"anticipated|predicted|expectations?|views?)"
)
_EXPECTED_BEFORE = re.compile(
    r"\b(?:as[ \t]+opposed[ \t]+to|compared[ \t]+(?:with|to)|against|versus|vs\.?|missing|"
    r"missed|below|above|beating|beat|topping|topped|short[ \t]+of|ahead[ \t]+of|than|"
    r"surpassing|surpassed|exceeding|exceeded|trailing|lagging)[ \t]+"
    r"(?:the[ \t]+|an?[ \t]+)?(?:[A-Za-z'’]+[ \t]+){0,3}?" + _EXPECT + r"(?:[ \t]+of)?[ \t]+"
    r"(?:" + _QUALS + r"[ \t]+)?$",
    re.IGNORECASE,
)
_EXPECTED_AFTER = re.compile(
    r"[ \t]+(?:that[ \t]+(?:was|were|had[ \t]+been)[ \t]+|was[ \t]+|"
    r"that[ \t]+(?:[a-z]+[ \t]+){1,2}(?:had[ \t]+|have[ \t]+)?)?" + _EXPECT + r"\b",
    re.IGNORECASE,
)
#: "after rising 0.4% in December": the previous change of the same measure
_AFTER_CHANGE = re.compile(
    r"\bafter[ \t]+(?:rising|increasing|climbing|gaining|falling|declining|dropping|"
    r"edging[ \t]+(?:up|down)|growing|jumping)[ \t]+(?:by[ \t]+)?(?:" + _QUALS + r"[ \t]+)?$",
    re.IGNORECASE,
)


def _expected_value(text: str, lo: int, fact: Fact) -> bool:
    """``below the expected $22.15 billion``, ``the $21.48bn that was estimated``, ``missing
    the estimated 51 cents`` (the figure's own qualifier says it)."""
    if _EXPECTED_BEFORE.search(text, max(lo, fact.start - 60), fact.start) is not None:
        return True
    own = _EXPECT_WORD.match(text, fact.start, fact.end)
    if own is not None and _compared_to().search(text, max(lo, fact.start - 30), fact.start):
        return True
    return _EXPECTED_AFTER.match(text, fact.end) is not None


#: a figure whose own first word says it is expected: "estimated 51 cents"
_EXPECT_WORD = re.compile(_EXPECT + r"[ \t]+", re.IGNORECASE)


@functools.cache
def _compared_to() -> re.Pattern[str]:
    """What sets a figure against another: "missing the", "below an", "short of the" (the
    data's ``comparison-words``)."""
    words = trie_pattern(sorted(lexicon().comparison_words, key=len, reverse=True))
    return re.compile(
        r"\b(?:" + words + r")(?:[ \t]+of)?[ \t]+(?:the[ \t]+|an?[ \t]+)?$", re.IGNORECASE
    )


def _earlier_value(text: str, lo: int, fact: Fact) -> bool:
    """Whether the figure is the earlier value the previous one is compared with.

    ``up from 61.2%``, ``compared with $3.9 billion``: yes. ``against 33.9%``
    compares another subject, unless a year-earlier phrase follows.
    """
    m = _COMPARED_BEFORE.search(text, max(lo, fact.start - 40), fact.start)
    if m is None:
        return False
    word = m.group("w").lower()
    if word.startswith(("against", "versus", "vs")):
        return _YEAR_EARLIER.match(text[fact.end : fact.end + 40].lstrip()) is not None
    return True


def _count_metric(fact: Fact, text: str, lo: int) -> Metric | None:
    unit = fact.unit
    if unit in ("", "age"):
        return Metric(unit or "", fact.noun) if unit else None
    if fact.kind == "ordinal" and unit == "quarter":
        return None  # "the third quarter" is a period, not a figure
    canon = CASUALTY_CANON.get(unit)
    if canon is not None:
        return Metric(canon, fact.noun or unit)
    if unit in GENERIC_NOUNS and _POPULATION_BEFORE.search(
        text, max(lo, fact.start - 40), fact.start
    ):
        return Metric("population", fact.noun)  # "home to 100,000 people", "a city of 90,000"
    # "164 million Indonesians voted": the people of a country are people too
    demonym = fact.noun[:1].isupper() and fact.noun[1:].islower() and fact.noun.endswith("s")
    if unit in GENERIC_NOUNS or demonym:
        after = _CASUALTY_AFTER.match(text, fact.end)
        before = _CASUALTY_BEFORE.search(text, max(lo, fact.start - 40), fact.start)
        word = (
            after.group("w")
            if after
            else (before.group("w") or before.group("w2") or before.group("w3"))
            if before
            else None
        )
        if word is not None and word != "left":
            return Metric(CASUALTY_CANON.get(word, word), f"{fact.noun} {word}")
        return Metric(unit, fact.noun)
    of = _OF_AFTER.match(text, fact.end)
    if of is not None and fact.kind == "count":
        complement = normalise_phrase(of.group("np"))
        if complement is not None and complement.key not in ("them", "it", "which", "whom"):
            return Metric(f"{unit} of {complement.key}", f"{fact.noun} of {of.group('np')}")
    if _a_streak(fact):
        # "26 straight months", "39 consecutive months": a streak says nothing of what it
        # is a streak of without "of" (jobs added, unemployment under 4%)
        return None
    if fact.kind == "count" and _TOTAL_BEFORE.search(text, max(lo, fact.start - 24), fact.start):
        return Metric(unit + " total", fact.noun)
    doing = _participles(fact)
    if doing:
        return Metric(f"{doing} {unit}", f"{doing} {fact.noun}")
    return Metric(unit, fact.noun)


#: a participle before a counted noun that says which of them are counted ("11 voting
#: members" are not the committee's 19 members, "12 registered voters" not all voters)
_PARTICIPLE = re.compile(r"[a-z]{2,}(?:ing|ed)")
#: participles that count the same things ("20 signed agreements" are the agreements)
_SAME_THINGS = frozenset("signed reported estimated combined expected so-called".split())


def _participles(fact: Fact) -> str:
    """The participles between a count's number and its noun (``voting``), joined."""
    words = fact.text.split()
    if fact.kind != "count" or len(words) < 3 or not words[-1].startswith(fact.noun):
        return ""
    at = max(
        (
            i
            for i, w in enumerate(words[:-1])
            if any(ch.isdigit() for ch in w) or w.lower() in SCALE_WORDS
        ),
        default=0,
    )
    between = words[at + 1 : -1]
    kept = [w for w in between if _PARTICIPLE.fullmatch(w) and w not in _SAME_THINGS]
    return " ".join(kept) if len(kept) == len(between) else ""


#: the 400 of "188 of the 400 seats", the 543 of "results for all 543 constituencies"
_TOTAL_BEFORE = re.compile(
    r"(?:[0-9][0-9,.]*[ \t]+of[ \t]+(?:the[ \t]+|its[ \t]+)?|\ball[ \t]+(?:the[ \t]+)?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Period:
    iso: str | None
    low: str | None
    high: str | None
    how: str
    #: the text says the figure is of the event reported ("this time"): never inherited
    present: bool = False


def _quarter(year: int, q: int) -> Period:
    first = dt.date(year, 3 * q - 2, 1)
    last_month = 3 * q
    last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Period(f"{year}-Q{q}", first.isoformat(), last.isoformat(), "")


#: words that may stand between a quarter and the year it is of ("the fourth quarter of
#: 2023", "second-quarter 2024", "the quarter last year")
_QUARTER_TO_YEAR = re.compile(r"[ \t]*(?:,[ \t]*)?(?:(?:of|in)[ \t]+)?(?:the[ \t]+)?$")
_YEAR_TO_QUARTER = re.compile(r"^(?:['’]s)?[ \t]*(?:,[ \t]*)?(?:the[ \t]+|its[ \t]+)?$")


def _dates_the_quarter(text: str, date: Fact, quarter: Fact) -> bool:
    """A date gives a quarter its year when it is a year written in full, or stands right
    beside the quarter (``last year's fourth quarter``, ``the second quarter of last year``):
    in "cut costs next year as it reported second-quarter sales", next year is the cuts'."""
    if date.how is Resolution.STATED:
        return True
    if date.end <= quarter.start:
        return _YEAR_TO_QUARTER.match(text[date.end : quarter.start]) is not None
    return _QUARTER_TO_YEAR.match(text[quarter.end : date.start]) is not None


def _year_of(facts: Sequence[Fact], doc: Document) -> int | None:
    for f in facts:
        if f.kind == "date" and isinstance(f.low, str):
            return int(f.low[:4])
    return doc.published.date.year if doc.published.date else None


def _latest_year_of_quarter(quarter: Fact, doc: Document, *, ahead: bool = False) -> int | None:
    """The year of the latest quarter numbered ``quarter.value`` that ended by publication
    (``the fourth quarter`` in an article of January 2024: 2023's); ``ahead``: of the next
    such quarter to end after it (a forecast's)."""
    pub = doc.published.date
    if pub is None or not isinstance(quarter.value, int):
        return None
    last_month = 3 * quarter.value
    end = dt.date(pub.year, last_month, calendar.monthrange(pub.year, last_month)[1])
    if ahead:
        return pub.year if end > pub else pub.year + 1
    return pub.year if end <= pub else pub.year - 1


#: a forecast of a quarter told in the present or the future ("forecasts first-quarter
#: revenue", "expects second-quarter sales", "guidance for the first quarter"); the past
#: ("analysts expected fourth-quarter revenue") is of a quarter that may have ended
_GUIDANCE_BEFORE = re.compile(
    r"\b(?:forecasts|expects|projects|predicts|anticipates|sees|guides|will|guidance|outlook)"
    r"\b(?=[^.;]*$)",
    re.IGNORECASE,
)


#: "the quarter ended December 31", "the three months ending Dec. 31, 2023"
_QUARTER_ENDED_BEFORE = re.compile(
    r"\b(?:quarter|three[ \t]+months|3[ \t]+months|period)(?:[ \t]+that|,?[ \t]+which)?[ \t]+"
    r"(?:ended|ending|ends|to|through)[ \t]+(?:on[ \t]+)?$",
    re.IGNORECASE,
)


def _quarter_ended(text: str, date: Fact) -> Period | None:
    """``the quarter ended December 31``: the calendar quarter a day ends (None unless the
    date is the last day of a quarter's last month, or that month, after such words)."""
    if _QUARTER_ENDED_BEFORE.search(text, max(0, date.start - 40), date.start) is None:
        return None
    if date.granularity not in ("day", "month") or not isinstance(date.high, str):
        return None
    year, month = int(date.high[:4]), int(date.high[5:7])
    if month % 3 or (date.granularity == "day" and date.high != _quarter(year, month // 3).high):
        return None
    p = _quarter(year, month // 3)
    return Period(p.iso, p.low, p.high, f"stated: the quarter ended {date.text!r}")


#: the fiscal year of a fiscal quarter: "of fiscal 2024", "fiscal year 2024", "FY24", "FY 2024"
_FISCAL_YEAR = re.compile(
    r"\b(?:fiscal(?:[ \t-]+year)?|FY)[ \t-]*'?(?P<y>(?:19|20)\d{2}|\d{2})(?![\w-])"
    r"|(?<![\w-])(?P<y2>(?:19|20)\d{2})[ \t]+fiscal[ \t]+year\b",
    re.IGNORECASE,
)


def _fiscal_year_near(text: str, start: int, end: int, sentence: tuple[int, int]) -> int | None:
    """The fiscal year named with a fiscal quarter, within a few words either side."""
    lo, hi = max(sentence[0], start - 24), min(sentence[1], end + 32)
    years = list(_FISCAL_YEAR.finditer(text, lo, hi))
    if not years:
        return None
    m = min(years, key=lambda m: abs(m.start() - start))
    raw = m.group("y") or m.group("y2")
    return int(raw) if len(raw) == 4 else 2000 + int(raw)


def _clause(text: str, lo: int, hi: int, pos: int) -> tuple[int, int]:
    start, end = lo, hi
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


_REPORTING_BEFORE = re.compile(
    r"\b(?:said|says|told|tells|announced|reported|confirmed|added|stated|declared|wrote|"
    r"briefed|updated)[ \t]+"
    # "the final tally announced by the KPU on Wednesday": the agent, a name
    r"(?:by[ \t]+(?:the[ \t]+)?(?:[A-Z][\w.&'’-]*[ \t]+){1,4})?"
    r"(?:\w+[ \t]+){0,2}?(?:on[ \t]+)?$"
)


def is_baseline(text: str, date: Fact) -> bool:
    """``its best result since 1987``, ``the highest since 1998``: a baseline, never a period."""
    return _baseline_start(text, date, 0) is not None


_WHEN_AFTER = re.compile(r",?[ \t]+when\b")


def _dates_its_when_clause(text: str, date: Fact, fact: Fact) -> bool:
    """``since 1918, when 453 people were killed``: the baseline dates what its clause tells."""
    when = _WHEN_AFTER.match(text, date.end)
    # the figure inside the clause, not after it ("since 2019, when the law passed, sales ...")
    return (
        when is not None and when.end() <= fact.start and "," not in text[when.end() : fact.start]
    )


def _baseline_start(text: str, date: Fact, floor: int) -> int | None:
    """Where the baseline phrase of ``date`` starts (``since`` ...), or None if it is none."""
    if date.text.lower().startswith("since"):
        return date.start
    m = _SINCE.search(text, max(floor, date.start - 20), date.start)
    return m.start() if m is not None else None


#: "San Francisco, Jan 31 Microsoft posted ...", "NEW DELHI, Jan 31 (IANS) -": a line opened
#: by a place and the day of the report, without its year
_DATELINE_PLACE_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[A-Z][\w.'’-]*+[ \t]?){1,4},[ \t]*$")
# possessive: the whitespace runs side by side would try every split of a run of spaces
_DATELINE_AFTER = re.compile(r"[ \t]*+(?:\([A-Za-z]{2,12}\)[ \t]*+)?[-–—:]?[ \t]*+[A-Z]")


def in_dateline(text: str, date: Fact) -> bool:
    """The date opens a line after the place it was filed from: the report's day, not the
    figure's period (a dateline with its year is the publication's, found in pubdate)."""
    if _DATELINE_PLACE_BEFORE.search(text, max(0, date.start - 48), date.start) is None:
        return False
    return _DATELINE_AFTER.match(text, date.end) is not None


def dates_the_saying(text: str, date: Fact) -> bool:
    """``officials said on Monday``, ``Friday's report showed``: the date of the report, not
    of what it reports."""
    if _REPORTING_BEFORE.search(text, max(0, date.start - 60), date.start) is not None:
        return True
    owned = _OWNED_AFTER.match(text, date.end)
    if owned is None or not (owned.group(1) or date.text.endswith(("'s", "’s"))):
        return False
    return any(w.lower() in lexicon().report_nouns for w in owned.group(2).split())


#: "Friday's report", "Tuesday's jobs data": a day said to own the (up to three) words after it
_OWNED_AFTER = re.compile(r"(['’]s)?((?:[ \t]+[A-Za-z-]+){1,3})")


def _governs(text: str, date: Fact, fact: Fact) -> bool:
    """A date governs a figure unless a comparison stands between them (``up from 61% in 2019``)
    or opens the date itself (``rose 18% from a year ago to $62 billion``: the baseline's)."""
    lo, hi = (date.end, fact.start) if date.end <= fact.start else (fact.end, date.start)
    if _COMPARISON.search(text, lo, hi) is not None:
        return False
    return _COMPARISON_BEFORE.search(text, max(0, date.start - 16), date.start) is None


#: "from a year ago", "compared with a year earlier": a comparison just before a date
#: the words that open a comparison's other side, wherever they stand
_COMPARISON_OPENERS = r"compared[ \t]+(?:with|to)|against|versus|than"
_COMPARISON_BEFORE = re.compile(r"\b(?:from|" + _COMPARISON_OPENERS + r")[ \t]+$", re.IGNORECASE)


#: what opens the other side of a comparison, after a figure
_COMPARED = re.compile(
    r"\b(?:"
    + _COMPARISON_OPENERS
    + r"|as[ \t]+against|vs\.?|up[ \t]+from|down[ \t]+from)(?![\w.])",
    re.IGNORECASE,
)


def _compared_between(text: str, fact: Fact, other: Fact) -> bool:
    """``other`` comes after ``fact`` past the opening of a comparison (``compared with``)."""
    return other.start > fact.end and _COMPARED.search(text, fact.end, other.start) is not None


#: "a 1,700-acre estate", "a 40-hectare farm": a quantity written as a modifier of a noun
_SIZE_OF_A_THING = re.compile(r"\d-[A-Za-z]+(?:-long)?$")


def period_of(
    fact: Fact, doc: Document, same_sentence: Sequence[Fact], sentence: tuple[int, int]
) -> Period:
    """The period the figure is for, from the date expressions of its clause or sentence."""
    text = doc.match_text
    clause = _clause(text, sentence[0], sentence[1], fact.start)
    # "rose 14% to $170.0 billion in the fourth quarter, compared with $149.2 billion in
    # fourth quarter 2022": a date past a comparison after the figure is the other side's
    same_sentence = [f for f in same_sentence if not _compared_between(text, fact, f)]
    dates = [
        f
        for f in same_sentence
        if f.kind == "date"
        and f.low is not None
        and not (f.start == fact.start and f.end == fact.end)
    ]
    span = doc.published.span if doc.published.method == "dateline" else None
    dates = [
        f
        for f in dates
        if not dates_the_saying(text, f)
        and not (span and span[0] <= f.start < span[1])
        and not in_dateline(text, f)
        and (not is_baseline(text, f) or _dates_its_when_clause(text, f, fact))
    ]
    if _THIS_TIME.match(text, fact.end):
        return Period(None, None, None, "not stated; 'this time': the event reported", True)
    if (
        fact.kind == "quantity"
        and _SIZE_OF_A_THING.search(fact.text)
        and measure_of(fact.unit) == "area"
    ):
        # "killed on the grounds of the family's 1,700-acre estate on 7 June 2021": the date
        # is the killing's; the estate's area is of no date (a length may be of an event's:
        # "a 27-yard field goal in 2024")
        return Period(None, None, None, "not stated; the area of a thing")
    paired = _respectively(text, fact, dates, sentence)
    if paired is not None:
        how = f"stated: {paired.text!r}, respectively"
        iso = paired.value if isinstance(paired.value, str) else None
        return Period(iso, str(paired.low), str(paired.high), how)
    in_clause = [f for f in dates if clause[0] <= f.start < clause[1] and _governs(text, f, fact)]
    opening = [f for f in dates if f.start - sentence[0] <= 12 and f.end <= fact.start]
    # "since 1918, when 453 people were killed": the year of the clause it opens
    when = [f for f in dates if _dates_its_when_clause(text, f, fact)]
    candidates = in_clause or opening or when[-1:]
    ended = next((q for f in candidates if (q := _quarter_ended(text, f)) is not None), None)
    if ended is not None:  # "the quarter ended December 31": a calendar quarter, fiscal or not
        return ended
    # the figure's own clause's quarter before the sentence's opening one ("Fourth quarter
    # 2023 net income includes a loss of $0.1 billion ..., compared to a loss of $2.3 billion
    # in fourth quarter 2022"), the nearest first
    for f in sorted(
        same_sentence,
        key=lambda f: (not clause[0] <= f.start < clause[1], abs(f.start - fact.start)),
    ):
        if not clause[0] <= f.start < clause[1] and not (f.start - sentence[0] <= 12):
            continue
        if (
            f.kind == "ordinal"
            and f.unit == "quarter"
            and isinstance(f.value, int)
            and 1 <= f.value <= 4
            and f.qualifier == "fiscal"
        ):
            fiscal = _fiscal_year_near(text, f.start, f.end, sentence)
            if fiscal is None:
                continue  # "the fiscal second quarter": the company's months, of no year said
            how = f"stated: {f.text!r} of fiscal {fiscal} (a company's quarter, not a calendar one)"
            return Period(f"FY{fiscal}-Q{f.value}", None, None, how)
        if (
            f.kind == "ordinal"
            and f.unit == "quarter"
            and isinstance(f.value, int)
            and 1 <= f.value <= 4
        ):
            # the year of a date that governs the quarter ("compared with the same period in
            # 2022" is its baseline), else the latest such quarter ended by publication
            governing = [
                d
                for d in candidates or [d for d in dates if _governs(text, d, f)]
                if _dates_the_quarter(text, d, f)
            ]
            ahead = _GUIDANCE_BEFORE.search(text, max(clause[0], f.start - 60), f.start)
            if governing:
                year = _year_of(governing, doc)
            elif ahead is not None:
                # "the company forecasts first-quarter revenue of", said in February: this
                # year's first quarter, not last year's
                year = _latest_year_of_quarter(f, doc, ahead=True)
            else:
                year = _latest_year_of_quarter(f, doc)
            if year is not None:
                p = _quarter(year, f.value)
                how = f"stated: {f.text!r}"
                if not governing:
                    how += (
                        f" (the next to end after publication: {ahead.group()!r})"
                        if ahead is not None
                        else " (the latest ended by publication)"
                    )
                return Period(p.iso, p.low, p.high, how)
        if f.kind == "duration" and f.unit == "month" and f.value == 3:
            to = _TO_MONTH.match(text, f.end)
            if to is not None:
                month = MONTHS[to.group("m")]
                year = _year_of(candidates or dates, doc)
                if year is not None and month % 3 == 0:
                    p = _quarter(year, month // 3)
                    return Period(p.iso, p.low, p.high, f"stated: {text[f.start : to.end()]!r}")
    if candidates:
        nearest = min(candidates, key=lambda f: abs(f.start - fact.start))
        if nearest.granularity == "year" and fiscal_around(text, nearest.start, nearest.end):
            how = f"stated: {nearest.text!r} (a company's fiscal year, not a calendar one)"
            return Period(f"FY{nearest.value}", None, None, how)
        iso = nearest.value if isinstance(nearest.value, str) else None
        if (
            nearest.qualifier == "range"
            and isinstance(nearest.low, str)
            and isinstance(nearest.high, str)
        ):
            iso = f"{nearest.low}/{nearest.high}"
        how = f"stated: {nearest.text!r}"
        if nearest.resolution and nearest.resolution != "stated":  # the note, shown
            how += f" ({nearest.resolution})"
        return Period(iso, str(nearest.low), str(nearest.high), how)
    code = _FISCAL_CODE.search(text, clause[0], clause[1])
    if code is not None:  # "In FY23, net income was $72 billion": the company's year
        year = int(code.group("y")) if len(code.group("y")) == 4 else 2000 + int(code.group("y"))
        how = f"stated: {code.group()!r} (a company's fiscal year, not a calendar one)"
        return Period(f"FY{year}", None, None, how)
    pub = doc.published.iso
    return Period(
        None, None, None, f"not stated; as of publication ({pub})" if pub else "not stated"
    )


#: a fiscal year's code, where no date was read: "FY23", "FY2024"
_FISCAL_CODE = re.compile(r"(?<![\w-])FY[ \t]?'?(?P<y>(?:19|20)\d{2}|\d{2})(?![\w-])")


#: "won 240 seats this time": the figure of the event reported, whatever else the sentence dates
_THIS_TIME = re.compile(r"[ \t]+(?:[a-z]+[ \t]+){0,2}?(?:this[ \t]+time|this[ \t]+year|now)\b")
_RESPECTIVELY = re.compile(r"\brespectively\b")
_FIGURE_NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?(?![\w])")


def _respectively(
    text: str, fact: Fact, dates: Sequence[Fact], sentence: tuple[int, int]
) -> Fact | None:
    """``the 303 and 282 seats it won in 2019 and 2014, respectively``: 282 is 2014's.

    The figures listed before the dates are paired with them in order, when
    their numbers match; None when the sentence says no such thing.
    """
    after = _RESPECTIVELY.search(text, fact.end, sentence[1])
    if after is None:
        return None
    listed = sorted(
        (d for d in dates if fact.end <= d.start and d.end <= after.start()), key=lambda d: d.start
    )
    if len(listed) < 2:
        return None
    # the numbers of the list the figure is in: from the clause's start to the first date
    lo = max(text.rfind(mark, sentence[0], fact.start) for mark in (",", ";", " - ", "—", "("))
    lo = sentence[0] if lo < 0 else lo
    numbers = [m.start() for m in _FIGURE_NUMBER.finditer(text, lo, listed[0].start)]
    numbers = [n for n in numbers if not any(d.start <= n < d.end for d in dates)]
    if len(numbers) != len(listed):
        return None
    inside = [i for i, n in enumerate(numbers) if fact.start <= n < fact.end]
    return listed[inside[0]] if inside else None


#: "a year earlier": the same period one year before the one in question
_YEAR_EARLIER = re.compile(
    r"\b(?:(?:a|one)[ \t]+year[ \t]+(?:earlier|before|ago)"
    r"|the[ \t]+(?:previous|prior|preceding)[ \t]+year|year-earlier|a[ \t]+year-ago"
    r"|the[ \t]+same[ \t]+(?:period|quarter)[ \t]+(?:a[ \t]+year[ \t]+earlier|last[ \t]+year))\b",
    re.IGNORECASE,
)


def _shift_year(period: Period, years: int, how: str) -> Period:
    """The same period ``years`` earlier: ``2024-Q3`` -> ``2023-Q3``."""
    if period.iso is None or period.low is None or period.high is None:
        return Period("previous year", None, None, how)

    def back(iso: str) -> str:
        return f"{int(iso[:4]) - years:04d}{iso[4:]}"

    try:
        low, high = back(period.low), back(period.high)
        dt.date.fromisoformat(low)
        dt.date.fromisoformat(high)
    except ValueError:
        return Period("previous year", None, None, how)
    return Period(back(period.iso), low, high, how)


#: words that refer back to a period named before: a period is inherited only through them
_TO_NUMBER = re.compile(r"[ \t]*(?:-|to)[ \t]*[$€£¥]?\d")


@functools.cache
def _to_then_from() -> re.Pattern[str]:
    """``fell to 3.8% from 3.9%``: a change verb, the level reached, then the level left."""
    verbs = trie_pattern(sorted(lexicon().change_verbs, key=len, reverse=True))
    return re.compile(
        r"\b(?:" + verbs + r")[ \t]+to[ \t]+(?:" + _QUALS + r"[ \t]+)?[$€£¥]?\d[\d.,]*"
        r"[ \t]*(?:%|percent|per[ \t]+cent)?(?:[ \t]+(?:million|billion|trillion|[a-z]+))?"
        r",?[ \t]+from[ \t]+$",
        re.IGNORECASE,
    )


def _before_a_change(text: str, fact: Fact) -> bool:
    """``the toll rose from 232 to 272``, ``fell to 3.8% from 3.9%``: the figure is the
    level before the change."""
    if _to_then_from().search(text, max(0, fact.start - 60), fact.start) is not None:
        return True
    return (
        FROM_CHANGE.search(text, max(0, fact.start - 48), fact.start) is not None
        and _TO_NUMBER.match(text, fact.end) is not None
    )


_BACK_REFERENCE = re.compile(
    r"\b(?:that|the[ \t]+same)[ \t]+(?:year|quarter|month|period|week|day|season)\b"
    r"|\bin[ \t]+the[ \t]+period\b|\bover[ \t]+the[ \t]+same[ \t]+period\b"
    r"|\b(?:from|than|over)[ \t]+the[ \t]+(?:previous|prior|preceding)[ \t]+"
    r"(?:year|quarter|month)\b",
    re.IGNORECASE,
)


def _in_sentence(claim: Claim, bounds: tuple[int, int]) -> bool:
    """Whether the claim stands in the sentence ``bounds``."""
    return bounds[0] <= claim.fact.start < bounds[1]


def _base(key: str) -> str:
    return key.removesuffix(" change").removesuffix(" share")


#: a capitalised word inside a sentence: after a lower-case word or its punctuation
_MID_SENTENCE_CAPITAL = re.compile(r"(?:(?<![A-Za-z])[a-z]+[,;’']?|[,;’']) ([A-Z][A-Za-z]*)\b")
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_BEFORE_CAPITAL = re.compile(r" [A-Z]")
_FIRST_WORD = re.compile(r"[\s\"'“‘(]*([A-Za-z][\w-]*)")


def names_in(text: str, *, alone: bool = True, shortest: int = 3) -> frozenset[str]:
    """Words the text capitalises inside a sentence and never writes in lower case
    (``Alphabet``, ``Hualien``), lower-cased: names, wherever they stand.

    ``alone``: only a word not before another capitalised one ("shares of Alphabet fell";
    not the "Google" of "Google Cloud"); ``shortest``: the fewest letters a name has.
    """
    capitals, lower = _capitals(text)
    return frozenset(
        word
        for word, before_capital in capitals
        if len(word) >= shortest and not (alone and before_capital) and word not in lower
    )


# an article's text is read for names by several passes: the figure sentences of a chunk of
# articles are found first (compare.PARSE_CHUNK), then each article is prepared
@functools.lru_cache(maxsize=256)
def _capitals(text: str) -> tuple[frozenset[tuple[str, bool]], frozenset[str]]:
    """The words capitalised inside a sentence (lower-cased, and whether another capitalised
    word follows), and the words written in lower case."""
    capitals = frozenset(
        (m.group(1).lower(), _BEFORE_CAPITAL.match(text, m.end()) is not None)
        for m in _MID_SENTENCE_CAPITAL.finditer(text)
    )
    return capitals, frozenset(_LOWER_WORD.findall(text))


def _without_opening_name(
    metric: Metric, text: str, bounds: tuple[int, int], names: frozenset[str]
) -> Metric:
    """``Alphabet consolidated revenue was up 18%``: the name that opens the sentence says
    whose, not what (its capital could not tell it from a sentence's first word)."""
    words = metric.key.split()
    first = _FIRST_WORD.match(text, bounds[0])
    if len(words) < 2 or words[0] not in names or first is None:
        return metric
    if first.group(1).lower() != words[0]:
        return metric
    return Metric(" ".join(words[1:]), metric.text)


_LESS_AFTER = re.compile(r",?[ \t]+(?:excluding|ex-|net[ \t]+of|less)\b", re.IGNORECASE)


def _with_exclusion(metric: Metric, text: str, bounds: tuple[int, int]) -> Metric:
    """``Revenue, excluding traffic acquisition costs, was $72 billion``: a measure less
    something is another measure (``revenue excluding``), never the whole's."""
    words = metric.key.split()
    if not words or words[-1] == "excluding":
        return metric
    head = re.escape(words[-1])
    at = re.compile(rf"\b{head}(?:s|es)?\b", re.IGNORECASE).search(text, bounds[0], bounds[1])
    if at is None or _LESS_AFTER.match(text, at.end()) is None:
        return metric
    return Metric(metric.key + " excluding", metric.text)


def claims_of(
    doc: Document,
    facts: Sequence[Fact],
    vocabulary: Vocabulary | None = None,
    *,
    model: str | None = DEFAULT_MODEL,
) -> list[Claim]:
    """The claims of one source: every non-date figure with its metric, period and frame.

    ``model`` is the spaCy pipeline the frames are read with (None: no frames,
    as for a cache signature, which needs only the metrics).
    """
    sentences = Sentences(doc.match_text)
    by_sentence: dict[tuple[int, int], list[Fact]] = {}
    bounds_of: list[tuple[int, int]] = []
    for fact in facts:
        bounds = sentences.around(fact.start, fact.end)
        bounds_of.append(bounds)
        by_sentence.setdefault(bounds, []).append(fact)
    synonyms = synonym_map(vocabulary)
    names = names_in(doc.match_text)
    claims: list[Claim] = []
    previous: Metric | None = None
    previous_sentence: tuple[int, int] | None = None
    # a running total is as of a day: a date inferred to the month dates no report
    day = doc.published.date if doc.published.granularity == "day" else None
    as_of = day.isoformat() if day else None
    last_dated: dict[str, Claim] = {}
    for fact, bounds in zip(facts, bounds_of, strict=True):
        if fact.kind in ("date", "time"):
            continue  # a date, a clock time: claims only as the time of an action
        if bounds != previous_sentence:
            previous = None
        metric = metric_of(fact, doc, bounds, previous)
        if metric is not None:
            metric = _without_opening_name(metric, doc.match_text, bounds, names)
            metric = _with_exclusion(metric, doc.match_text, bounds)
        if metric is not None and _a_forecast_of(metric):
            # "exceeding analysts' predictions of $33.6 billion": a forecast of the measure the
            # sentence gave before, or of what its grammar says
            metric = previous if previous is not None and previous_sentence == bounds else None
            if metric is not None and fact.kind == "money":
                metric = Metric(metric.key.removesuffix(" change"), metric.text)
        if metric is not None:
            previous, previous_sentence = metric, bounds
        elif (
            may_be_measured_by_grammar(fact)
            and model is not None
            and bounds[1] - bounds[0] <= MAX_CHARS  # a sentence too long is not parsed
            and _WORD.search(doc.match_text, bounds[0], bounds[1])
            is not None  # nor one of no words
        ):
            metric = _BY_GRAMMAR  # "Gross margin expanded to 45.9%": the parse will say
        if metric is None or not metric.key:
            continue
        key = canonical(metric.key, synonyms) if metric is not _BY_GRAMMAR else ""
        if key:
            key += range_end(doc.match_text, fact)
        period = period_of(fact, doc, by_sentence[bounds], bounds)
        clause = _clause(doc.match_text, bounds[0], bounds[1], fact.start)
        tail = doc.match_text[fact.end : clause[1]]
        earlier_year = None if key.endswith("change") else _YEAR_EARLIER.match(tail.lstrip())
        if key and not earlier_year and _before_a_change(doc.match_text, fact):
            # "rose from 232 to 272": 232 is the level before ("a year earlier" dates it instead)
            key = "earlier " + key
        elif (
            key
            and not earlier_year
            and period.iso is None
            and fact.kind in ("money", "percent")
            and _earlier_value(doc.match_text, bounds[0], fact)
        ):
            # "revenue was $1.07 billion, up from $727 million": the level before, of a period
            # the sentence does not say
            key = "earlier " + key
        if key and (period.iso is None or earlier_year):
            # "Two-way trade rose 6.3 percent" after "trade reached $317.6 billion in 2018"
            src = last_dated.get(_base(key))
            back = _BACK_REFERENCE.search(doc.match_text, bounds[0], bounds[1])
            if (
                src is not None
                and period.iso is None
                and not period.present
                and (back or _in_sentence(src, bounds))
            ):
                period = Period(
                    src.period,
                    src.period_low,
                    src.period_high,
                    f"as for {src.fact.text!r} earlier in the article ({src.period_how})",
                )
            if earlier_year:
                period = _shift_year(period, 1, f"{earlier_year.group()!r}: the year before")
        claim = Claim(
            fact=fact,
            metric=key,
            metric_text=metric.text,
            period=period.iso,
            period_low=period.low,
            period_high=period.high,
            period_how=period.how,
            as_of=(_reported_on(key, period, by_sentence[bounds], doc) if key else None) or as_of,
        )
        claims.append(claim)
        if key and claim.period is not None:
            last_dated[_base(key)] = claim  # the latest dated figure of each measure
    claims = _with_count_progress(claims)
    if model is None or not claims:
        return claims
    return with_frames(doc, claims, dict(zip(facts, bounds_of, strict=True)), model, synonyms)


#: "between $34.5 billion and": the low end of a range is before "and", the high end after
_AND_FIGURE_AFTER = re.compile(r"[ \t]+and[ \t]+[$€£¥]?\d")
_BETWEEN_AND_BEFORE = re.compile(
    r"\bbetween[ \t]+[$€£¥]?\d[\d.,]*[ \t]*(?:%|percent|per[ \t]+cent|[a-z]+)?"
    r"(?:[ \t]+[a-z]+)?[ \t]+and[ \t]+$",
    re.IGNORECASE,
)


def range_end(text: str, fact: Fact) -> str:
    """`` low end`` or `` high end`` for either figure of "between $34.5 billion and $37
    billion" (two figures, one range: each is compared only with the same end of another's),
    else ``""``."""
    if BETWEEN_BEFORE.search(text, max(0, fact.start - 9), fact.start) and _AND_FIGURE_AFTER.match(
        text, fact.end
    ):
        return " low end"
    if _BETWEEN_AND_BEFORE.search(text, max(0, fact.start - 40), fact.start):
        return " high end"
    return ""


def _without_range_end(key: str) -> str:
    """A metric key without the end of a range :func:`range_end` gave it."""
    return key.removesuffix(" low end").removesuffix(" high end")


def may_be_measured_by_grammar(fact: Fact) -> bool:
    """A figure whose measure its clause's grammar may tell when the words beside it do not:
    money, a percentage, a length of time (not ``three years ago``, which dates)."""
    return (
        fact.kind in _MEASURED_BY_GRAMMAR
        or (fact.kind == "duration" and "ago" not in fact.text.lower())
        or _a_streak(fact)
    )


def _a_streak(fact: Fact) -> bool:
    """``13 consecutive years``, ``26 straight months``: a count of units of time in a row."""
    return fact.kind == "count" and fact.unit in TIME_UNITS


def _a_forecast_of(metric: Metric) -> bool:
    """``analysts' prediction``, ``expectations``: a forecast's noun, not what it forecasts."""
    words = metric.key.split()
    return bool(words) and singular(words[-1]) in lexicon().forecast_nouns


_WORD = re.compile(r"[a-z]{3,}")
#: the kinds of figure whose measure the grammar may tell when the words around it do not
_MEASURED_BY_GRAMMAR = frozenset({"money", "percent"})
#: a claim's metric while the grammar of its sentence is still to say what it measures
_BY_GRAMMAR = Metric("(by grammar)", "")


def _with_count_progress(claims: Sequence[Claim]) -> list[Claim]:
    """Each figure of a sentence that says how far a count had got, as of that progress.

    "With 99.28% of the ballots counted, Milei has 55.69%": the share is of that
    moment of the count, not of the final result nor of another outlet's moment.
    """
    progress: dict[str, Number] = {}
    for c in claims:
        if c.metric == PROGRESS_METRIC and isinstance(c.fact.value, int | float):
            progress.setdefault(c.fact.sentence, c.fact.value)
    if not progress:
        return list(claims)
    return [
        dataclasses.replace(c, counted=progress[c.fact.sentence])
        if c.fact.sentence in progress and c.metric != PROGRESS_METRIC
        else c
        for c in claims
    ]


def _reported_on(
    key: str, period: Period, same_sentence: Sequence[Fact], doc: Document
) -> str | None:
    """The day a running total is told as of, when its sentence says (``announced Tuesday``).

    A toll is as of its report: "six remained missing, the Coast Guard announced
    Tuesday evening" in an article of Wednesday is Tuesday's count. None when the
    figure has a period of its own or the sentence states no day.
    """
    if period.iso is not None or _base(key).split()[-1] not in CUMULATIVE_METRICS:
        return None
    days = [
        f.low
        for f in same_sentence
        if f.kind == "date"
        and f.granularity == "day"
        and isinstance(f.low, str)
        and not is_baseline(doc.match_text, f)
        and (doc.published.date is None or f.low <= doc.published.date.isoformat())
    ]
    return max(days) if days else None


def with_frames(
    doc: Document,
    claims: Sequence[Claim],
    sentence_of: Mapping[Fact, tuple[int, int]],
    model: str,
    synonyms: Mapping[str, str] | None = None,
) -> list[Claim]:
    """The claims with their frames, read from one batched parse of their sentences.

    ``sentence_of`` gives the sentence bounds of every fact of the article. A
    quantity that modifies a noun measures that noun (``a 984-foot ship``: the
    length of the ship), named with ``synonyms``.
    """
    text = doc.match_text
    facts = list(sentence_of)
    bounds = [sentence_of[c.fact] for c in claims]
    # a "sentence" longer than any real one (a list, a table, text without full stops) is not
    # parsed: its figures get an empty frame, marked as such
    parses, names = named_parses(text, bounds, model)
    measures = frozenset(synonyms or {}) | frozenset((synonyms or {}).values())
    spans: dict[tuple[int, int], list[range]] = {}
    for f, b in sentence_of.items():
        if b in parses:
            spans.setdefault(b, []).append(range(f.start - b[0], f.end - b[0]))
    out = []
    for claim, b in zip(claims, bounds, strict=True):
        lo = b[0]
        headline = is_headline(text, b)
        if b not in parses:
            if claim.metric:
                out.append(dataclasses.replace(claim, frame=Frame(parsed=False, headline=headline)))
            continue
        if claim.period is None and of_a_past_when(
            parses[b], claim.fact.start - lo, claim.fact.end - lo
        ):
            continue  # "when inflation was more than 10%": a level of an untold earlier time
        frame = frame_of(
            parses[b],
            claim.fact.start - lo,
            claim.fact.end - lo,
            spans.get(b, []),
            headline=headline,
            duration=claim.fact.kind == "duration",
            money=claim.fact.kind == "money",
            count=claim.fact.kind == "count",
            guessed=claim.fact.kind in ("count", "quantity", "duration", "ordinal"),
        )
        # "Ossa Motors earned", "the fourth quarter was": whose or when, not what
        wrong = bool(claim.metric) and _not_a_measure(parses[b], claim, lo, names, measures)
        if not claim.metric or wrong:
            found = _measured(parses[b], claim, text, lo, synonyms or {})
            if found is None and frame.modality == "forecast" and not claim.metric:
                found = _forecast_of_the_last(claim, text, out, b, sentence_of)
            if found is not None:
                claim, part = found
                frame = dataclasses.replace(frame, measure=part)
            else:
                continue  # what the figure measures is told neither by its words nor its clause
        claim = _as_margin(claim, frame)
        baseline = _baseline(text, facts, b, claim)
        if baseline is not None:
            frame = dataclasses.replace(frame, baseline=baseline)
        measure = {singular(w) for w in claim.metric.split()}
        if frame.entity is not None and set(frame.entity.key.split()) & measure:
            frame = dataclasses.replace(frame, entity=None)  # "Turnout was": the measure itself
        expected = claim.fact.kind in ("money", "percent", "count") and _expected_value(
            text, lo, claim.fact
        )
        if expected and frame.modality in ("actual", "estimate"):
            # "lower than the $21.48bn that was estimated", "missing the estimated 51 cents"
            how = FramePart("forecast", "an expected value", "phrase")
            frame = dataclasses.replace(frame, modality="forecast", modality_how=how)
        quantity = claim.fact.kind == "quantity" and claim.fact.unit != "magnitude"
        away = _distance_from(text, claim.fact, b) if quantity else None
        if away is not None:
            # "72 km southwest of Marrakech": a distance, measured from a place
            metric = f"distance from {away}"
            # the place it is measured from is neither whose distance it is nor a part
            entity = frame.entity
            if entity is not None and (entity.key in away or away in entity.key):
                entity = None
            frame = dataclasses.replace(frame, entity=entity, scope=None)
            out.append(dataclasses.replace(claim, metric=metric, metric_text=metric, frame=frame))
            continue
        # "a 150-seat parliament", "a nine-play drive": the size of the thing, not a tally
        sized = claim.fact.kind == "count" and _SIZE_MODIFIER.search(claim.fact.text) is not None
        if quantity or sized:
            noun = modified_noun(parses[b], claim.fact.start - lo, claim.fact.end - lo)
            if noun is not None:
                thing = canonical(singular(noun), dict(synonyms or {}))
                what = measure_of(claim.fact.unit) if quantity else claim.metric
                # "a 20-strong crew": the crew's size
                metric = thing if claim.fact.unit == "strong" else f"{what} of {thing}"
                claim = dataclasses.replace(claim, metric=metric, metric_text=metric)
        if frame.entity is None:
            frame = _entity_of_compared(frame, claim, out, b, text)
        out.append(dataclasses.replace(claim, frame=frame))
    return out


def _entity_of_compared(
    frame: Frame, claim: Claim, before: Sequence[Claim], bounds: tuple[int, int], text: str
) -> Frame:
    """The other side of a comparison is the same entity's: "AWS segment operating income was
    $7.2 billion, compared with operating income of $5.2 billion in fourth quarter 2022"."""
    for prev in reversed(before):
        if prev.fact.start < bounds[0]:
            break
        if prev.fact.kind != claim.fact.kind or prev.frame.entity is None:
            continue
        if not _compared_between(text, prev.fact, claim.fact):
            continue
        same = set(prev.metric.split()) & set(claim.metric.split())
        if same:
            return dataclasses.replace(frame, entity=prev.frame.entity)
    return frame


#: "72 kilometres (45 miles) southwest of Marrakech", "some 77 km from Rabat", "30 miles
#: south of the capital city of Marrakesh", "southwest of tourist hotspot Marrakesh": a
#: distance from a named place
_DISTANCE_FROM = re.compile(
    r"\)?(?:[ \t]*\([^()\n]{1,40}\))?[ \t]+(?:away[ \t]+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:north|south)?-?(?:east|west))?(?:ward)?[ \t]+"
    r"|away[ \t]+)?"
    r"(?:of|from)[ \t]+(?:the[ \t]+)?"
    r"(?:(?:(?!(?:in|at|near|on|and|or|to|where|which|that)[ \t])[a-z]+[ \t]+){1,3}(?:of[ \t]+)?)?"
    r"(?P<place>[A-Z][\w'’.-]*(?:[ \t]+[A-Z][\w'’.-]*){0,3})"
)


def _not_a_measure(
    p: Parse, claim: Claim, lo: int, names: frozenset[str], measures: frozenset[str]
) -> bool:
    """Whether the words a claim's metric came from say whose or when, not what: a time
    (``the fourth quarter``), an owner or a forecast's noun (``the company``,
    ``expectations``), or a name: all proper nouns in the parse, and a sentence's first word
    only if the article writes it as a name (``names``; the small pipeline tags "Turnout
    was" a name too). A measure the vocabulary knows (``EPS``) is never one."""
    words = claim.metric_text
    if not words or claim.fact.kind not in _MEASURED_BY_GRAMMAR:
        return False
    lex = lexicon()
    bare = _without_range_end(claim.metric.removeprefix("earlier ")).removesuffix(" change")
    if bare in measures:
        return False
    head = bare.split()[-1:]
    if head and (
        head[0] in lex.time_nouns or head[0] in lex.owner_nouns or head[0] in lex.forecast_nouns
    ):
        return True
    at = p.text.lower().rfind(words.lower(), 0, claim.fact.start - lo)
    if at < 0:
        return False
    toks = [i for i in p.tokens_in(at, at + len(words)) if p.word(i)[:1].isalpha()]
    if not toks or not all(p.tags[i] in ("NNP", "NNPS") for i in toks):
        return False
    # a word that opens the sentence or follows a dateline's dash is capitalised anyway
    opening = toks[0] == 0 or p.word(toks[0] - 1) in ("-", "—", "–", ":", '"', "“")
    return not opening or len(toks) > 1 or p.word(toks[0]) in names


def _as_margin(claim: Claim, frame: Frame) -> Claim:
    """A percentage level of a profit is its margin: "gross profit increasing to 45%" is the
    gross margin (the data's ``margin-of``); a change of it ("net profit rose 20%") is not."""
    words = claim.metric.split()
    if claim.fact.kind != "percent" or frame.sense != "level" or len(words) < 2:
        return claim
    if words[-1] not in lexicon().margin_of or words[0] == "earlier":
        return claim
    return dataclasses.replace(claim, metric=" ".join([*words[:-1], "margin"]))


def _forecast_of_the_last(
    claim: Claim,
    text: str,
    before: Sequence[Claim],
    bounds: tuple[int, int],
    sentence_of: Mapping[Fact, tuple[int, int]],
) -> tuple[Claim, FramePart] | None:
    """A forecast with no measure of its own, after a figure of its sentence, forecasts that
    figure's measure: "revenue of $40.1 billion, surpassing analyst expectations of $39.2
    billion"."""
    last = next(
        (
            c
            for c in reversed(before)
            if sentence_of.get(c.fact) == bounds and c.fact.kind == claim.fact.kind
        ),
        None,
    )
    if last is None:
        return None
    key = _without_range_end(last.metric)
    if claim.fact.kind == "money":
        key = key.removesuffix(" change")
    key += range_end(text, claim.fact)
    part = FramePart(key, last.metric_text, "clause")
    return dataclasses.replace(claim, metric=key, metric_text=last.metric_text), part


def _measured(
    p: Parse, claim: Claim, text: str, lo: int, synonyms: Mapping[str, str]
) -> tuple[Claim, FramePart] | None:
    """The claim with the measure its clause gives it (:func:`factcheck.frames.measured`,
    :func:`factcheck.frames.lasted`)."""
    streak = _a_streak(claim.fact)
    if streak or claim.fact.kind == "duration":
        span = (claim.fact.start - lo, claim.fact.end - lo)
        of = streak_of(p, *span) if streak else lasted(p, *span)
        named = _named(of, synonyms) if of is not None else None
        if of is None or named is None:
            return None
        # "13 consecutive years as largest partner": years of it; "deliberated for 9.5 hours"
        metric = f"{claim.fact.unit} of {named}" if streak else named
        return dataclasses.replace(claim, metric=metric, metric_text=of.words), of
    found = measured(p, claim.fact.start - lo, claim.fact.end - lo)
    if found is None:
        return None
    part, sense = found
    key = _named(part, synonyms)
    if key is None:
        return None
    key = _with_exclusion(Metric(key, part.words), text, (lo, lo + len(p.text))).key
    end = range_end(text, claim.fact)
    if end:
        return dataclasses.replace(claim, metric=key + end, metric_text=part.words), part
    if sense == "change" and not key.endswith("change"):
        key += " change"  # "Revenue jumped 25 percent": the change in revenue
    elif (sense == "earlier" or _before_a_change(text, claim.fact)) and not _YEAR_EARLIER.match(
        text[claim.fact.end : claim.fact.end + 40].lstrip()
    ):
        key = "earlier " + key  # "dipped from 3.9% to 3.8%": 3.9% is the level before
    return dataclasses.replace(claim, metric=key, metric_text=part.words), part


def _named(part: FramePart, synonyms: Mapping[str, str]) -> str | None:
    """The metric key of the measure words the grammar found (None if they name nothing)."""
    metric = normalise_phrase(part.key.split())
    if metric is None or not metric.key:
        return None
    return canonical(metric.key, dict(synonyms))


def _distance_from(text: str, fact: Fact, bounds: tuple[int, int]) -> str | None:
    """The place a length is a distance from (``10 km north of Rabat``), or None."""
    if measure_of(fact.unit) != "length":
        return None
    m = _DISTANCE_FROM.match(text, fact.end, bounds[1])
    if m is None:
        return None
    return " ".join(w.strip(".'’").lower() for w in m.group("place").split())


_NOUNS = frozenset({"NN", "NNS"})


def named_parses(
    text: str, bounds: Iterable[tuple[int, int]], model: str
) -> tuple[dict[tuple[int, int], Parse], frozenset[str]]:
    """The parses of the sentences at ``bounds`` (one batch; those longer than any real
    sentence are left out), with a first word the article uses as a name tagged a name
    (:func:`_with_names`), and those names."""
    unique = sorted(b for b in set(bounds) if b[1] - b[0] <= MAX_CHARS)
    parses = dict(zip(unique, parse_sentences([text[a:b] for a, b in unique], model), strict=True))
    names = _names(text, {p.word(0) for p in parses.values() if len(p) and _may_be_name(p)})
    return {b: _with_names(p, names) for b, p in parses.items()}, names


def _names(text: str, words: Iterable[str]) -> frozenset[str]:
    """Those of ``words`` the article writes capitalised inside a sentence and never in
    lower case: names."""
    names = names_in(text, alone=False, shortest=1)
    return frozenset(w for w in words if w[:1].isupper() and w.isalpha() and w.lower() in names)


def _with_names(p: Parse, names: frozenset[str]) -> Parse:
    """The parse with a sentence's first word tagged a name when the article uses it as one.

    The small pipeline reads "Hurts completed 27 passes" or "Mills threw for 301 yards"
    as a plural noun; the article's "... outshone Hurts, who ..." says it is a name.
    """
    if not len(p) or not _may_be_name(p) or p.word(0) not in names:
        return p
    if p.tags[0] == "JJ":
        # "Azure revenue grew 31%" read as an adjective: the name of whose revenue
        return dataclasses.replace(p, tags=("NNP", *p.tags[1:]), deps=("compound", *p.deps[1:]))
    return dataclasses.replace(p, tags=("NNP", *p.tags[1:]))


def _may_be_name(p: Parse) -> bool:
    """Whether a sentence's first word may be a name the parser did not tag as one: a noun,
    or an adjective before a noun it describes."""
    if p.tags[0] in _NOUNS:
        return True
    head = p.heads[0]
    return p.tags[0] == "JJ" and p.deps[0] == "amod" and head != 0 and p.tags[head] in _NOUNS


_SIZE_MODIFIER = re.compile(r"\w-[a-z]+$")
_SINCE = re.compile(r"\b(?:since|than[ \t]+(?:in|at))[ \t]+(?:(?:the|early|late|mid)[ \t-]+)?$")


def _baseline(
    text: str, facts: Sequence[Fact], bounds: tuple[int, int], claim: Claim
) -> FramePart | None:
    """A date of the figure's sentence it is compared with: ``its best result since 1987``."""
    for f in facts:
        if f.kind != "date" or not bounds[0] <= f.start < bounds[1]:
            continue
        begin = _baseline_start(text, f, bounds[0])
        if begin is not None:
            value = f.value if isinstance(f.value, str) else f.text
            return FramePart(value, text[begin : f.end], "since")
    return None


def synonym_map(vocabulary: Vocabulary | None) -> dict[str, str]:
    """Word (or phrase key) -> the name of its synonym group or metric."""
    out: dict[str, str] = {}
    if vocabulary is None:
        return out
    for group in vocabulary.synonyms:
        named = Counter(vocabulary.names.get(word, word) for word in group)
        canon = min(named, key=lambda w: (-named[w], w))
        for word in group:
            out[word] = canon
    for name, phrases in vocabulary.metrics.items():
        for phrase in phrases:
            metric = normalise_phrase(phrase)
            out[metric.key if metric else phrase.lower()] = name
    return out


def canonical(key: str, synonyms: dict[str, str]) -> str:
    """The key with its words (and the whole key) mapped to their synonym group's name."""
    if key in synonyms:
        return synonyms[key]
    words = key.split()
    return " ".join(synonyms.get(w, w) for w in words)
