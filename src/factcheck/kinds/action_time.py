"""action-time-conflict: sources give different clock times for one action of one actor.

The claims are the timed actions of :mod:`factcheck.actions` ("Milton made landfall
at 8:30 p.m.", "the jury began deliberating at 3:36 p.m."), grouped like any other
claims: by action, and by the frame's actor, place and target. Two times are compared
when both are in one zone (the same label, or none and ``local time``, which are the
time where it happened) or both in zones whose offset from UTC is known on the day
(``1:25 a.m. CDT`` is ``6:25 a.m. UTC``; ``ET`` is UTC-4 in October; a local time is
the time of the one place its sentence names, ``Taipei``, when it names one). Each time is the
span its words allow (``8 p.m.`` half an hour either way, ``around 3:50 p.m.`` five
minutes); two spans that do not meet, on the same day when both say their day, are
reported, every time named with its sources. Agreement is pairwise: a vague time never
joins two precise ones.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from factcheck.clock import LOCAL, utc_offset
from factcheck.facts import Claim
from factcheck.kinds import KindSpec
from factcheck.kinds.base import Finding, RuleContext, day, show, shown, sources_of

_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class _Timed:
    claim: Claim
    #: the zone's words as compared: a label, or "UTC" when converted
    zone: str
    low: int
    high: int
    day: dt.date | None


def _timed(claim: Claim, published: dt.date | None) -> list[_Timed]:
    """The claim as it may be compared: in its own zone, and in UTC when its offset is known."""
    f = claim.fact
    if not isinstance(f.low, int) or not isinstance(f.high, int):
        return []
    when = day(claim.period)
    zone = f.unit or LOCAL
    out = [_Timed(claim, zone, f.low, f.high, when)]
    # a local time in a sentence that names where ("in Taipei"): that place's time
    where = claim.zone if zone == LOCAL and claim.zone else zone
    offset = utc_offset(where, when or published)
    if offset is not None:
        out.append(_Timed(claim, "UTC", f.low - offset, f.high - offset, when))
    return out


def _gap(a: _Timed, b: _Timed) -> int | None:
    """Minutes between two spans of one zone (0 when they meet), across midnight too; None
    when they cannot be compared (other zones, other days)."""
    if a.zone != b.zone or (a.day is not None and b.day is not None and a.day != b.day):
        return None
    gaps = []
    for shift in (-_DAY, 0, _DAY):
        lo, hi = b.low + shift, b.high + shift
        gaps.append(max(lo - a.high, a.low - hi, 0))
    return min(gaps)


def _apart(a: Claim, b: Claim, forms: dict[Claim, list[_Timed]]) -> int | None:
    """Minutes two claims stand apart in the zone they share (0: they agree)."""
    gaps = [g for x in forms[a] for y in forms[b] if (g := _gap(x, y)) is not None]
    return min(gaps) if gaps else None


def check(ctx: RuleContext) -> Iterator[Finding]:
    documents = ctx.corpus.documents
    for group in ctx.groups(["time"]):
        claims = sorted(group.claims, key=lambda c: (c.source, c.fact.start))
        # the day of a time that names none, for its zone's offset: its article's, else the
        # day the group's other times and articles give most
        known = [d for c in claims if (d := day(c.period) or documents[c.source].published.date)]
        usual = Counter(known).most_common(1)[0][0] if known else None
        forms = {c: _timed(c, documents[c.source].published.date or usual) for c in claims}
        claims = [c for c in claims if forms[c]]
        agree: dict[Claim, list[Claim]] = {c: [] for c in claims}
        against: dict[Claim, list[tuple[Claim, int]]] = {c: [] for c in claims}
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                gap = _apart(a, b, forms)
                if gap is None:
                    continue
                if gap == 0:
                    agree[a].append(b)
                    agree[b].append(a)
                else:
                    against[a].append((b, gap))
                    against[b].append((a, gap))
        conflicted = [c for c in claims if against[c]]
        if not conflicted:
            continue

        # how many sources give a time that agrees with each (ties: the first by source)
        support = {c: len({x.source for x in [c, *agree[c]]}) for c in claims}
        a = max(conflicted, key=support.__getitem__)
        b, gap = max(against[a], key=lambda x: (support[x[0]], x[1]))
        side_a = [a, *(c for c in agree[a] if c not in agree[b] and c is not b)]
        side_b = [b, *(c for c in agree[b] if c not in agree[a] and c is not a)]
        involved = [c for c in claims if against[c] or agree[c]]
        yield Finding(
            claims=tuple(involved),
            metric=group.metric,
            period=None,
            explanation="unexplained",
            fields={
                "time_a": show(a.fact),
                "sources_a": sources_of(side_a),
                "times_a": shown(side_a),
                "time_b": show(b.fact),
                "sources_b": sources_of(side_b),
                "times_b": shown(side_b),
                "times": "; ".join(f"{show(c.fact)} ({c.source})" for c in involved),
                "gap_minutes": gap,
                "apart": f"{gap} minute{'s' if gap != 1 else ''} apart beyond what the words allow",
            },
            difference_abs=float(gap),
            majority_value=show(a.fact),
            majority_sources=tuple(sorted({c.source for c in side_a})),
        )


SPEC = KindSpec(
    name="action-time-conflict",
    summary="different clock times for one action of one actor",
    options={},
    fields=frozenset(
        {
            "time_a",
            "sources_a",
            "times_a",
            "time_b",
            "sources_b",
            "times_b",
            "times",
            "gap_minutes",
            "apart",
        }
    ),
    check=check,
)
