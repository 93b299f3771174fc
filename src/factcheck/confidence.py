"""How likely a discrepancy is a real conflict, from the frames of its claims.

A discrepancy starts at 1 and each doubt multiplies it by a factor from
``factcheck/data/frames.yaml`` (``confidence:``), with a reason a reader can
check: a figure in a headline, one source that contradicts itself, values
five times apart, a side that does not say whose figure or which place it is.
The default output shows discrepancies at or above ``min-confidence``.

>>> from factcheck.facts import Fact, Claim
>>> a = Claim(Fact("a", "count", "12 seats", 0, 8, 12, 12, 12), "seat", "seats")
>>> b = Claim(Fact("b", "count", "240 seats", 0, 9, 240, 240, 240), "seat", "seats")
>>> score, reasons = confidence((a, b), "FC101")
>>> round(score, 2), reasons
(0.4, ('values 20 times apart: rarely the same measure',))
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from collections.abc import Iterable, Sequence

from factcheck import frames
from factcheck.facts import Claim, Discrepancy, Resolution
from factcheck.kinds.base import day, is_decimal_slip, numeric


@functools.cache
def factors() -> dict[str, float]:
    return {str(k): float(v) for k, v in frames.data()["confidence"].items()}


def likely(discrepancies: Iterable[Discrepancy], min_confidence: float) -> list[Discrepancy]:
    """The discrepancies at least ``min_confidence`` likely to be real."""
    return [d for d in discrepancies if d.confidence >= min_confidence]


_INDEFINITE = re.compile(r"\b(?:an?|another|one)[ \t]+(?:[\w-]+[ \t]+)?$", re.IGNORECASE)


def _indefinite(claim: Claim) -> bool:
    """``a 27-yard field goal``: one of several such things (not ``the 948-foot ship``)."""
    sentence, text = claim.fact.sentence, claim.fact.text
    at = sentence.find(text)
    return at >= 0 and _INDEFINITE.search(sentence, max(0, at - 24), at) is not None


def _weekday_of_another_date(claims: Sequence[Claim]) -> bool:
    """``on Thursday`` (resolved against its article's date) vs a stated Thursday elsewhere."""
    bare, stated = set(), set()
    for c in claims:
        f = c.fact
        when = day(f.low if isinstance(f.low, str) else None)
        if when is None:
            continue
        if f.how in (Resolution.LAST_WEEKDAY, Resolution.NEXT_WEEKDAY):
            bare.add(when)
        elif f.how is Resolution.STATED:
            stated.add(when)
    return any(b != s and b.weekday() == s.weekday() for b in bare for s in stated)


def _days(claims: Sequence[Claim]) -> set[dt.date] | None:
    """The days of claims that are all dates to the day, or None."""
    out = set()
    for c in claims:
        f = c.fact
        dated = f.kind == "date" and f.granularity == "day"
        when = day(f.low) if dated and isinstance(f.low, str) else None
        if when is None:
            return None
        out.add(when)
    return out


def confidence(claims: Sequence[Claim], rule: str) -> tuple[float, tuple[str, ...]]:
    """The confidence of a discrepancy between ``claims`` found by ``rule``, with its reasons."""
    f = factors()
    score = 1.0
    reasons: list[str] = []

    def doubt(name: str, reason: str) -> None:
        nonlocal score
        score *= f[name]
        reasons.append(reason)

    if any(c.frame.headline for c in claims):
        doubt("headline", "a figure in a headline or caption")
    if any(not c.frame.parsed for c in claims):
        doubt("unparsed", "a sentence whose grammar could not be read around its figure")
    # the timeline rules (FC2xx) check one source on its own terms: no doubt in that
    if rule.startswith("FC1") and len({c.source for c in claims}) == 1 and len(claims) > 1:
        doubt("one-source", "one source disagrees with itself")
    values = [v for c in claims if (v := numeric(c)) is not None and v > 0]
    if rule.startswith("FC1") and len(values) >= 2 and min(values) > 0:
        # the nearest two values that differ: one stray figure does not make a close
        # disagreement (168 vs 163 seats) far apart
        distinct = sorted(set(values))
        nearest = min((b / a for a, b in itertools.pairwise(distinct)), default=1.0)
        ratio = max(values) / min(values)
        far = nearest >= f["near-ratio"] or ratio >= f["far-ratio"]
        # "$863.1 billion" beside "$86.31 billion": the same digits, a decimal point moved
        if far and not all(
            is_decimal_slip(a, b) for a, b in itertools.combinations(distinct, 2) if b / a >= 3
        ):
            doubt("far-apart", f"values {ratio:.0f} times apart: rarely the same measure")
    for part, name, what in (
        ("entity", "inferred-entity", "whose figure it is"),
        ("scope", "inferred-scope", "which place or part it is for"),
    ):
        named = [getattr(c.frame, part) is not None for c in claims]
        if any(named) and not all(named):
            doubt(name, f"only some figures say {what}")
    days = _days(claims)
    if days is not None and len(days) >= 2 and (max(days) - min(days)).days <= 1:
        doubt("a-day-apart", "dates a day apart: an event overnight, or told in two time zones")
    grains = {c.fact.granularity for c in claims if c.fact.kind == "date"}
    if rule.startswith("FC1") and "day" in grains and grains & {"month", "year"}:
        doubt(
            "coarse-date",
            "a date given only by its month or year beside dates to the day: often another "
            "event's (the year a party was founded, an earlier visit)",
        )
    if days is not None and _weekday_of_another_date(claims):
        doubt(
            "weekday-matches",
            "a bare weekday that falls on the other sources' date: its article's date may be off",
        )
    modifiers = [c for c in claims if c.fact.kind == "quantity" and "-" in c.fact.text.strip("-")]
    if any(c.fact.kind == "count" and "-" in c.fact.text.strip("-") for c in claims) or (
        modifiers and len(modifiers) == len(claims) and all(_indefinite(c) for c in modifiers)
    ):
        doubt("one-of-many", "a figure that describes one of several things (a 27-yard run)")
    return score, tuple(reasons)
