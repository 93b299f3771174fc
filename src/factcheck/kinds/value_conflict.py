"""value-conflict: the same metric for the same period, values that cannot both be right.

``$245 billion`` agrees with ``$244.8 billion`` (rounding), ``more than 20``
with ``21``, ``at least 12`` with ``17``; ``about 150`` conflicts with ``more
than 200`` and ``$4.26 billion`` with ``$4.62 billion``. Figures in different
currencies are compared only when the vocabulary gives a rate. A cumulative
measure (a death toll) is compared only between sources of the same day: a
later, higher toll is news, not a conflict; the toll of a source whose day is
not known is compared with nothing but itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence

from factcheck import frames
from factcheck.events import GRANULARITY_RANK, MainEvent
from factcheck.extract._lexicon import PROGRESS_METRIC
from factcheck.facts import Claim, Explanation
from factcheck.kinds import KindSpec, OptionSpec
from factcheck.kinds.base import (
    Finding,
    RuleContext,
    agreement_clusters,
    day,
    is_decimal_slip,
    is_transposition,
    majority,
    numeric,
    show,
)


def period_bucket(
    claim: Claim, story: dict[str, str], events: Mapping[str, MainEvent | None]
) -> str:
    """Claims compare only within one bucket: one stated period, or one story.

    A figure with no stated period, or whose period is the date of the event
    its source reports ("16 heads of state" at a summit "from June 3 to 4"),
    is a figure of that event: it is compared across the story.
    """
    if claim.period is not None and not _is_event_period(claim, events.get(claim.source)):
        return "period:" + claim.period
    return story.get(claim.source, "source:" + claim.source)


#: how long a period may be, and how long before its report it may end, to be the one a
#: report's figures without a period are of (a month's jobs, a quarter's results)
RECENT_SPAN_DAYS = 92
RECENT_LAG_DAYS = 62


def recent_periods(
    claims: Sequence[Claim], events: Mapping[str, MainEvent | None]
) -> dict[str, str]:
    """For each source, the one recent period it states for a measure's flows, if only one.

    In a report on March's jobs, "employers added 303,000 jobs in March" and, a
    sentence later, "the gain of 330,000 jobs" are of the same month: a change or
    an amount of money with no period is of the only month or quarter, ended
    shortly before the report, that the source states for that measure. A source
    that states two periods (March and February), a year or a day (a first
    round's) adopts none; a level (a vote share) never adopts one.
    """
    periods: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        if claim.period is None or claim.period_low is None or not _flow(claim):
            continue
        if _is_event_period(claim, events.get(claim.source)):
            continue
        periods[claim.source].add(claim.period if _recent(claim) else "")
    return {src: next(iter(p)) for src, p in periods.items() if len(p) == 1 and "" not in p}


def _flow(claim: Claim) -> bool:
    """A figure of what happened over a period: a change, or an amount of money."""
    return claim.frame.sense == "change" or claim.fact.kind == "money"


def _recent(claim: Claim) -> bool:
    period = claim.period or ""
    if not (len(period) == 7 or "-Q" in period):
        return False  # a month or a quarter: a day is an occurrence's (a first round's)
    low, high = day(claim.period_low), day(claim.period_high or claim.period_low)
    report = day(claim.as_of)
    if low is None or high is None or report is None:
        return False
    return (high - low).days <= RECENT_SPAN_DAYS and 0 <= (report - high).days <= RECENT_LAG_DAYS


def _is_event_period(claim: Claim, event: MainEvent | None) -> bool:
    if event is None or event.date is None or event.date.low is None or claim.period_low is None:
        return False
    low, high = event.date.low, event.date.high or event.date.low
    coarse = GRANULARITY_RANK.get(event.date.fact.granularity or "day", 0)
    if coarse > GRANULARITY_RANK.get(_granularity(claim.period), 0):
        return False  # an event dated "2023" does not make a figure of October 2023 its own
    if coarse == GRANULARITY_RANK["year"]:
        # "in 2024, earnings per share were $2.11": a year is the figure's period, to be
        # compared with other sources' figures of 2024 whatever events they date
        return False
    return (
        claim.period_low[:10] <= high
        and low <= (claim.period_high or claim.period_low)[:10]
        and (claim.period_low[:10] >= low[:7])
    )


def _granularity(period: str | None) -> str:
    """``2023`` -> year, ``2023-10`` -> month, anything finer -> day."""
    head = (period or "").split("/")[0]
    return "year" if len(head) == 4 else "month" if len(head) == 7 else "day"


def period_label(bucket: str, claims: Sequence[Claim], occurrence: dict[str, str]) -> str:
    if bucket.startswith("period:"):
        return bucket[len("period:") :]
    events = sorted({occurrence[c.source] for c in claims if c.source in occurrence})
    if len(events) == 1:
        return "the " + events[0].replace("@", " of ")
    days = sorted({c.as_of for c in claims if c.as_of})
    return (
        "as of " + (days[0] if len(days) == 1 else f"{days[0]} to {days[-1]}")
        if days
        else "undated"
    )


def check(ctx: RuleContext) -> Iterator[Finding]:
    kinds = set(ctx.option("kinds"))
    min_rel = float(ctx.option("min_relative_difference"))
    occurrence = dict(ctx.corpus.occurrence)
    story = dict(ctx.corpus.story)
    totals = stated_totals(ctx.corpus.claims)
    for group in ctx.groups(kinds):
        if group.base == PROGRESS_METRIC:
            continue  # the progress of a count is a moment's, not a figure to agree on
        whole = totals.get(group.base, frozenset())
        buckets: dict[str, list[Claim]] = defaultdict(list)
        cumulative = group.base.split()[-1] in ctx.corpus.cumulative
        recent = {} if cumulative else recent_periods(group.claims, ctx.corpus.events)
        for claim in group.claims:
            if claim.fact.value in whole:
                continue  # "in 38 provinces" where another says "36 of 38 provinces": the whole
            key = period_bucket(claim, story, ctx.corpus.events)
            if claim.period is None and claim.source in recent and _flow(claim):
                key = "period:" + recent[claim.source]
            if claim.counted is not None:
                # a share at one moment of a count is compared only with that moment's
                key += f"|{claim.counted}% counted"
            if cumulative and claim.period is None:
                # a running total is as of its report: of an undated report, as of nothing known
                key += "|" + (claim.as_of or "undated " + claim.source)
            buckets[key].append(claim)
        several = frames.one_of_many(group.base)[0]
        for key, claims in sorted(buckets.items()):
            if several:
                claims = _without_several(claims)
            if len(claims) < 2:
                continue  # one source may contradict itself: that is reported too
            finding = _conflict(group.metric, key.split("|")[0], claims, min_rel, occurrence)
            if finding is not None:
                yield finding


def stated_totals(claims: Sequence[Claim]) -> dict[str, frozenset[object]]:
    """Metric -> the values stated as its total ("36 of 38 provinces": 38 provinces in all).

    A figure of the metric with such a value is the whole, never a part to compare with
    the parts ("Prabowo won 36" against "the votes of 38 provinces").
    """
    out: dict[str, set[object]] = defaultdict(set)
    for claim in claims:
        if claim.metric.endswith(" total") and claim.fact.kind == "count":
            out[claim.metric.removesuffix(" total")].add(claim.fact.value)
    return {k: frozenset(v) for k, v in out.items()}


def _without_several(claims: Sequence[Claim]) -> list[Claim]:
    """Without the sources that give several values: they tell of several kicks, not one."""
    clusters = agreement_clusters(claims)
    spread: dict[str, int] = defaultdict(int)
    for cluster in clusters:
        for source in {c.source for c in cluster}:
            spread[source] += 1
    return [c for c in claims if spread[c.source] < 2]


def _without_contrasts(clusters: list[list[Claim]]) -> list[list[Claim]]:
    """Without a value told only beside another in its own sentence: a contrast, not a claim.

    "55.65% (14.5 million votes) for Milei and 44.35% (11.5 million votes) for Massa":
    a sentence that gives two values of one measure tells of two things, even when
    the grammar does not say whose each is. Two values from two speakers ("7.2 by
    Morocco's institute, 6.8 by the USGS") are a disagreement, and stay.
    """
    where = [{(c.source, c.fact.sentence, _speaker(c)) for c in cluster} for cluster in clusters]
    kept = []
    for i, cluster in enumerate(clusters):
        others = set().union(*(w for j, w in enumerate(where) if j != i))
        if not where[i] <= others:
            kept.append(cluster)
    return kept


def _without_strays(best: Sequence[Claim], clusters: list[list[Claim]]) -> list[list[Claim]]:
    """Without the clusters far from the majority's value, when a nearer one disagrees too.

    Beside $40.1 billion and a misquoted $32.2 billion of a quarter's revenue, "$1 billion
    in sales" (a division's, the grammar not saying so) is another thing: it is left out of
    the finding, so as not to make the near disagreement look like two different measures.
    A stray alone stays (the conflict is then the stray's, and its confidence says so), and
    a moved decimal point ($863.1 billion for $86.31 billion) is never a stray.
    """
    ratio = float(frames.data()["confidence"]["far-ratio"])
    values = [v for c in best if (v := numeric(c)) is not None and v > 0]

    def stray(cluster: Sequence[Claim]) -> bool:
        mine = [v for c in cluster if (v := numeric(c)) is not None and v > 0]
        return bool(mine and values) and all(
            max(v, w) / min(v, w) >= ratio and not is_decimal_slip(v, w)
            for v in mine
            for w in values
        )

    kept = [c for c in clusters if c is best or not stray(c)]
    return kept if len(kept) >= 2 else clusters


def _speaker(claim: Claim) -> str:
    return claim.frame.speaker.key if claim.frame.speaker is not None else ""


def _conflict(
    metric: str, bucket: str, claims: Sequence[Claim], min_rel: float, occurrence: dict[str, str]
) -> Finding | None:
    clusters = _without_contrasts(agreement_clusters(claims))
    if len(clusters) < 2:
        return None
    best, best_sources = majority(clusters)
    clusters = _without_strays(best, clusters)  # never fewer than two
    # every cluster is named, and a source that contradicts itself is reported too
    others = [c for c in clusters if c is not best]
    other = max(others, key=lambda c: (len({x.source for x in c}), -min(x.fact.start for x in c)))
    a = best[0].fact
    b = other[0].fact
    assert isinstance(a.value, int | float)
    assert isinstance(b.value, int | float)
    diff = abs(float(a.value) - float(b.value))
    top = max(abs(float(a.value)), abs(float(b.value))) or 1.0
    if diff / top < min_rel:
        return None
    explanation: Explanation = (
        "typo-like transposition"
        if is_transposition(a.value, b.value)
        else "misplaced decimal point"
        if is_decimal_slip(float(a.value), float(b.value))
        else "unexplained"
    )
    involved = tuple(
        sorted({x for c in clusters for x in c}, key=lambda c: (c.source, c.fact.start))
    )
    ranked = [other, *(c for c in others if c is not other)]
    other_sources = tuple(sorted({x.source for c in ranked for x in c}))
    other_values = " / ".join(
        show(c[0].fact)
        + (f" ({', '.join(sorted({x.source for x in c}))})" if len(ranked) > 1 else "")
        for c in ranked
    )
    return Finding(
        claims=involved,
        metric=metric,
        period=period_label(bucket, involved, occurrence),
        explanation=explanation,
        fields={
            "majority_value": show(a),
            "majority_sources": ", ".join(best_sources),
            "other_value": other_values,
            "other_sources": ", ".join(other_sources),
            "unit": a.unit,
        },
        difference_abs=diff,
        difference_rel=diff / top,
        majority_value=a.value,
        majority_sources=best_sources,
    )


SPEC = KindSpec(
    name="value-conflict",
    summary="the same metric for the same period or event, with values that cannot both be right",
    options={
        "kinds": OptionSpec(
            (list,),
            ["money", "count", "percent", "duration", "ordinal", "quantity"],
            "figure kinds compared",
        ),
        "min_relative_difference": OptionSpec(
            (int, float), 0.0, "ignore differences smaller than this share of the larger value"
        ),
    },
    fields=frozenset(
        {"majority_value", "majority_sources", "other_value", "other_sources", "unit"}
    ),
    check=check,
)
