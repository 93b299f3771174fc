"""action-date-conflict: sources give different days for one action of one named actor.

The claims are the dated actions of :mod:`factcheck.actions` ("Modi addressed
Congress on Thursday"), grouped like any other claims: by action, and by the
frame's actor, place and target. Two days that cannot both hold (a stated day and a
weekday counted from another article's date alike) are reported, every group of
days named with its sources. Days further apart than ``different_event_days``
are taken for two occurrences of the action (a visit this year and one the year
before) and not reported.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator

from factcheck.actions import weekday_of, weekday_only
from factcheck.facts import Claim
from factcheck.kinds import KindSpec, OptionSpec
from factcheck.kinds.base import (
    Dated,
    Finding,
    RuleContext,
    day,
    day_clusters,
    shown,
    sources_of,
)


def _dated(claim: Claim) -> Dated | None:
    f = claim.fact
    low = day(f.low if isinstance(f.low, str) else None)
    high = day(f.high if isinstance(f.high, str) else None) or low
    if low is None or high is None:
        return None
    return low, high, claim


def _by_weekday(clusters: list[list[Dated]], claims: list[Claim]) -> list[list[Dated]]:
    """``claims`` known by their weekday only, each put in the cluster of days that holds
    its weekday, else with the others of its weekday (as a cluster of its own)."""
    out = [list(c) for c in clusters]
    days_of = [{x[0].weekday() for x in c if x[0] == x[1]} for c in clusters]
    apart: dict[int, list[Dated]] = {}
    for claim in claims:
        weekday = weekday_of(claim.fact)
        assert weekday is not None  # a claim of its weekday alone names one
        # placed by a day of its weekday, for the order of the report only
        item = (_NO_DAY + dt.timedelta(days=weekday), _NO_DAY + dt.timedelta(days=weekday), claim)
        home = [k for k, days in enumerate(days_of) if weekday in days]
        if home:
            out[home[0]].append(item)
        else:
            apart.setdefault(weekday, []).append(item)
    return out + [apart[w] for w in sorted(apart)]


#: a Monday, far before any news: where a claim known only by its weekday is placed
_NO_DAY = dt.date(1, 1, 1)


def _span(cluster: list[Dated]) -> str:
    if all(x[0] < _FAR_PAST for x in cluster):
        return f"a {cluster[0][0].strftime('%A')}"
    cluster = [x for x in cluster if x[0] >= _FAR_PAST]
    low = min(x[0] for x in cluster)
    high = max(x[1] for x in cluster)
    return low.isoformat() if low == high else f"{low.isoformat()} to {high.isoformat()}"


_FAR_PAST = dt.date(2, 1, 1)


def check(ctx: RuleContext) -> Iterator[Finding]:
    far = int(ctx.option("different_event_days"))
    for group in ctx.groups(["date"]):
        documents = ctx.corpus.documents
        by_weekday = [c for c in group.claims if weekday_only(c.fact, documents[c.source])]
        items = [d for c in group.claims if c not in by_weekday and (d := _dated(c)) is not None]
        clusters = day_clusters(items)
        gaps = [(b[0][0] - max(x[1] for x in a)).days for a, b in itertools.pairwise(clusters)]
        if gaps and max(gaps) > far:
            continue  # two occurrences of the action, not two days for one
        clusters = _by_weekday(clusters, by_weekday)
        if len(clusters) < 2:
            continue
        ranked = sorted(clusters, key=lambda c: (-len({x[2].source for x in c}), c[0][0]))
        a, b = ranked[0], ranked[1]
        known = a[0][0] >= _FAR_PAST <= b[0][0]
        gap = abs((a[0][0] - b[0][0]).days) if known else None
        yield Finding(
            claims=tuple(x[2] for c in clusters for x in c),
            metric=group.metric,
            period=None,
            explanation="unexplained",
            fields={
                "when_a": _span(a),
                "sources_a": sources_of(x[2] for x in a),
                "dates_a": shown(x[2] for x in a),
                "when_b": _span(b),
                "sources_b": sources_of(x[2] for x in b),
                "dates_b": shown(x[2] for x in b),
                "days": "; ".join(f"{_span(c)} ({sources_of(x[2] for x in c)})" for c in clusters),
                "gap_days": gap,
                "apart": "different weekdays"
                if gap is None
                else (f"{gap} day apart" if gap == 1 else f"{gap} days apart"),
                "groups": len(clusters),
            },
            difference_abs=float(gap) if gap is not None else None,
            majority_value=_span(a),
            majority_sources=tuple(sorted({x[2].source for x in a})),
        )


SPEC = KindSpec(
    name="action-date-conflict",
    summary="different days for one action of one named actor",
    options={
        "different_event_days": OptionSpec(
            (int,), 7, "days this far apart are two occurrences of the action, not reported"
        ),
    },
    fields=frozenset(
        {
            "when_a",
            "sources_a",
            "dates_a",
            "when_b",
            "sources_b",
            "dates_b",
            "days",
            "gap_days",
            "apart",
            "groups",
        }
    ),
    check=check,
)
