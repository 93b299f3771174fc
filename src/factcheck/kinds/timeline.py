"""timeline: dates inside one source that cannot all be right.

One kind, several checks (option ``check``):

- ``weekday``: a weekday that does not match its date (``Thursday, May 17`` in 2024);
- ``anniversary``: an anniversary whose arithmetic does not fit: the year of
  an ``Nth anniversary`` minus N should be the year it commemorates, the same
  for every Nth anniversary of the same kind of thing in the source, and the
  same as a year stated next to it;
- ``ago``: ``N years ago`` against an explicit year for the same event;
- ``future``: an event dated after the article's own publication, told as past.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from factcheck import frames
from factcheck.events import EventDate
from factcheck.facts import Claim, Document, Fact, Resolution
from factcheck.kinds import KindSpec, OptionSpec
from factcheck.kinds.base import Finding, RuleContext, day, show
from factcheck.parse import MAX_CHARS, parse_sentences
from factcheck.textnorm import normalize_typography

CHECKS = ("weekday", "anniversary", "ago", "future")

_FUTURE_CUE = re.compile(
    r"\b(?:will|would|shall|to be|is due|are due|due to|expected|scheduled|plans?|planned|"
    r"set to|next|upcoming|coming|later|is to|are to|invited|aims?|hopes?|intends?|until|"
    r"deadline|forecast|projected)\b",
    re.IGNORECASE,
)
_OF_WHAT = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?P<what>(?:[\w'-]+[ \t]+){0,4}[\w'-]+)")


def _claim(fact: Fact, doc: Document, metric: str) -> Claim:
    return Claim(
        fact=fact,
        metric=metric,
        metric_text=metric,
        period=fact.value if isinstance(fact.value, str) else None,
        period_low=fact.low if isinstance(fact.low, str) else None,
        period_high=fact.high if isinstance(fact.high, str) else None,
        period_how=fact.resolution,
        as_of=doc.published.date.isoformat() if doc.published.date else None,
    )


def check(ctx: RuleContext) -> Iterator[Finding]:
    which = ctx.option("check")
    for source, doc in sorted(ctx.corpus.documents.items()):
        facts = ctx.corpus.facts.get(source, ())
        if which == "weekday":
            yield from _weekday(doc, facts)
        elif which == "future":
            yield from _future(doc, facts, int(ctx.option("grace_days")), ctx.corpus.nlp_model)
        elif which == "anniversary":
            yield from _anniversary(doc, facts)
        elif which == "ago":
            yield from _ago(doc, ctx.corpus.attached.get(source, ()))


def _finding(claims: tuple[Claim, ...], metric: str, detail: str, **fields: object) -> Finding:
    return Finding(
        claims=claims,
        metric=metric,
        period=claims[0].period,
        explanation="unexplained",
        fields={
            "detail": detail,
            "source": claims[0].source,
            "text": show(claims[0].fact),
            **fields,
        },
    )


def _stated_year(fact: Fact) -> bool:
    """A year as written ("in 2019"), not counted from the publication date nor a range."""
    return fact.how is Resolution.STATED and fact.qualifier != "range"


def _weekday(doc: Document, facts: Sequence[Fact]) -> Iterator[Finding]:
    for fact in facts:
        if fact.kind == "date" and fact.weekday_matches is False:
            detail = fact.resolution.split("; ", 1)[-1]
            yield _finding((_claim(fact, doc, "weekday"),), "weekday", detail)


def _future(
    doc: Document, facts: Sequence[Fact], grace: int, model: str | None = None
) -> Iterator[Finding]:
    pub = doc.published.date
    if pub is None or doc.published.granularity != "day":
        return
    if doc.published.method == "inferred":
        return  # a publication date guessed from the text's own dates dates no error after it
    for fact in facts:
        if fact.kind != "date" or fact.granularity not in ("day", "month"):
            continue
        if fact.how not in (Resolution.STATED, Resolution.YEAR_ASSUMED, Resolution.WEEKDAY_MATCHED):
            continue  # counted from the publication date: never after it by mistake
        low = day(fact.low if isinstance(fact.low, str) else None)
        if low is None or (low - pub).days <= grace:
            continue
        if _FUTURE_CUE.search(fact.sentence):
            continue
        if model is not None and not _told_as_past(fact, model):
            continue  # "view our live updates for Thursday, March 28": not told as past
        detail = f"{show(fact)} is after the article's publication date ({pub.isoformat()})"
        yield _finding((_claim(fact, doc, "event date"),), "event date", detail)


def _told_as_past(fact: Fact, model: str) -> bool:
    """Whether the clause that holds the date tells of the past (when its grammar says)."""
    sentence = fact.sentence
    at = sentence.find(fact.text)
    if at < 0 or len(sentence) > MAX_CHARS:
        return True
    (parse,) = parse_sentences([sentence], model)
    told = frames.tense_of(parse, at, at + len(fact.text))
    return told != "not past"


def _anniversary(doc: Document, facts: Sequence[Fact]) -> Iterator[Finding]:
    pub = doc.published.date
    found: list[tuple[Fact, int, str, str]] = []  # fact, commemorated year, how, what
    for fact in facts:
        if fact.kind != "ordinal" or fact.unit != "anniversary" or not isinstance(fact.value, int):
            continue
        near = [
            f
            for f in facts
            if f.kind == "date" and f.sentence == fact.sentence and isinstance(f.low, str)
        ]
        years = [f for f in near if f.granularity == "year" and _stated_year(f)]
        when = [f for f in near if f not in years]
        if when:
            year = int(str(when[0].low)[:4])
            how = f"{show(when[0])} ({year})"
        elif pub is not None:
            year = pub.year
            how = f"the year of publication ({year})"
        else:
            continue
        base = year - fact.value
        # matched like the extractors match: typography normalised, one character for one
        sentence = normalize_typography(fact.sentence)
        figure = normalize_typography(show(fact))
        at = sentence.find(figure)
        of = _OF_WHAT.match(sentence, at + len(figure)) if at >= 0 else None
        what = of.group("what").lower() if of else ""
        # a year inside "of the 1945 victory" is the year commemorated
        if of is not None:
            years = [
                y
                for y in years
                if of.start() <= sentence.find(normalize_typography(show(y)), at) < of.end() + 6
            ]
        for y in years:
            stated = int(str(y.low)[:4])
            if stated != base:
                detail = (
                    f"the {fact.value}th anniversary in {how} commemorates {base}, "
                    f"but the text says {show(y)}"
                )
                yield _finding(
                    (_claim(fact, doc, "anniversary"), _claim(y, doc, "anniversary")),
                    "anniversary",
                    detail,
                )
        found.append((fact, base, how, what))
    for i, (a, base_a, how_a, what_a) in enumerate(found):
        for b, base_b, how_b, what_b in found[i + 1 :]:
            if a.value != b.value or base_a == base_b or abs(base_a - base_b) > 5:
                continue
            if not _same_kind(what_a, what_b):
                continue
            detail = (
                f"the {a.value}th anniversary in {how_a} commemorates {base_a}, "
                f"but the {b.value}th anniversary in {how_b} commemorates {base_b}"
            )
            yield _finding(
                (_claim(a, doc, "anniversary"), _claim(b, doc, "anniversary")),
                "anniversary",
                detail,
            )


def _same_kind(a: str, b: str) -> bool:
    """Two anniversaries of the same kind of thing (``victory ...``), or of unnamed things."""
    words_a = {w for w in re.findall(r"[a-z]+", a) if len(w) > 3}
    words_b = {w for w in re.findall(r"[a-z]+", b) if len(w) > 3}
    if not words_a or not words_b:
        return True
    return bool(words_a & words_b)


def _ago(doc: Document, attached: Sequence[EventDate]) -> Iterator[Finding]:
    agos = [
        e
        for e in attached
        if "ago" in e.fact.text.lower()
        and e.fact.granularity == "year"
        and isinstance(e.fact.low, str)
    ]
    stated = [
        e
        for e in attached
        if e.fact.granularity == "year" and _stated_year(e.fact) and isinstance(e.fact.low, str)
    ]
    for a in agos:
        for s in stated:
            if s.key != a.key or s.earlier != a.earlier:
                continue
            ya, ys = int(str(a.fact.low)[:4]), int(str(s.fact.low)[:4])
            if ys in (ya, ya - 1):
                # "a century ago in 1923", written in January 2024: N years ago is N to N + 1
                # years before the day of writing, so the year before fits too
                continue
            detail = (
                f"{show(a.fact)} gives {ya}, but {show(s.fact)} gives {ys} for the same {a.key}"
            )
            yield _finding((_claim(a.fact, doc, a.key), _claim(s.fact, doc, a.key)), a.key, detail)


SPEC = KindSpec(
    name="timeline",
    summary="dates inside one source that cannot all be right",
    options={
        "check": OptionSpec((str,), "weekday", "which check: " + ", ".join(CHECKS), choices=CHECKS),
        "grace_days": OptionSpec((int,), 0, "future check: days after publication still accepted"),
    },
    fields=frozenset({"detail", "source", "text"}),
    check=check,
)
