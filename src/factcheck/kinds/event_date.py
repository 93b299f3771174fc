"""event-date-conflict: sources give different dates for what reads as the same event.

The sources' main events (``visit``, ``earthquake``) are grouped by the dates
given for them. Two groups far apart, each consistent within itself, most
likely describe different events (two visits, years apart): that is said,
not silently dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from factcheck.facts import Claim, Explanation
from factcheck.kinds import KindSpec, OptionSpec
from factcheck.kinds.base import Finding, RuleContext, day_clusters, shown, sources_of


def check(ctx: RuleContext) -> Iterator[Finding]:
    window = int(ctx.option("window_days"))
    far = int(ctx.option("different_event_days"))
    corpus = ctx.corpus
    by_key: dict[str, list[Claim]] = {}
    for source, event in sorted(corpus.events.items()):
        if event is None or event.date is None or not ctx.wants(event.key):
            continue
        fact = event.date.fact
        doc = corpus.documents[source]
        claim = Claim(
            fact=fact,
            metric=event.key,
            metric_text=event.key,
            period=str(fact.value),
            period_low=event.date.low,
            period_high=event.date.high,
            period_how=fact.resolution,
            event=event.key,
            as_of=doc.published.date.isoformat() if doc.published.date else None,
        )
        by_key.setdefault(event.key, []).append(claim)
    for key, claims in sorted(by_key.items()):
        if len({c.source for c in claims}) < 2:
            continue
        placed = _place_partial(claims)
        clusters = day_clusters(placed, window)
        if len(clusters) < 2:
            continue
        clusters.sort(key=lambda c: (-len({x[2].source for x in c}), c[0][0]))
        a, b = clusters[0], clusters[1]
        gap = min(
            abs((x[0] - y[1]).days) if x[0] > y[1] else abs((y[0] - x[1]).days)
            for x in a
            for y in b
        )
        explanation: Explanation = "different event" if gap >= far else "unexplained"
        involved = tuple(x[2] for c in clusters for x in c)
        yield Finding(
            claims=involved,
            metric=key,
            period=None,
            explanation=explanation,
            fields={
                "dates_a": shown(x[2] for x in a),
                "when_a": _span(a),
                "sources_a": sources_of(x[2] for x in a),
                "dates_b": shown(x[2] for x in b),
                "when_b": _span(b),
                "sources_b": sources_of(x[2] for x in b),
                "gap_days": gap,
                "groups": len(clusters),
            },
            difference_abs=float(gap),
            majority_value=_span(a),
            majority_sources=tuple(sorted({x[2].source for x in a})),
        )


Placed = tuple[dt.date, dt.date, Claim]


def _place_partial(claims: list[Claim]) -> list[Placed]:
    """Dates without a year take the year of the others, when they all agree on one."""
    full = [
        (
            dt.date.fromisoformat(c.period_low),
            dt.date.fromisoformat(c.period_high or c.period_low),
            c,
        )
        for c in claims
        if c.period_low
    ]
    years = {low.year for low, _, _ in full}
    out: list[Placed] = list(full)
    for c in claims:
        if c.period_low or not c.period or not c.period.startswith("--") or len(years) != 1:
            continue
        month, _, day_ = c.period[2:].partition("-")
        try:
            d = dt.date(next(iter(years)), int(month), int(day_ or 1))
        except ValueError:
            continue
        out.append((d, d, c))
    return out


def _span(cluster: list[Placed]) -> str:
    low = min(x[0] for x in cluster)
    high = max(x[1] for x in cluster)
    return low.isoformat() if low == high else f"{low.isoformat()} to {high.isoformat()}"


SPEC = KindSpec(
    name="event-date-conflict",
    summary="different dates for what reads as the same event",
    options={
        "window_days": OptionSpec((int,), 0, "dates this many days apart still agree"),
        "different_event_days": OptionSpec(
            (int,), 60, "groups of dates this far apart are reported as different events"
        ),
    },
    fields=frozenset(
        {"dates_a", "when_a", "sources_a", "dates_b", "when_b", "sources_b", "gap_days", "groups"}
    ),
    check=check,
)
