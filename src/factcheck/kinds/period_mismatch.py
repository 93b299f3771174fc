"""period-mismatch: (nearly) the same value for the same metric, given for different periods.

``$245 billion last year`` in a 2025 article and ``$244.8 billion in 2023``:
the same figure, a year apart; one of the sources probably has the year wrong.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factcheck.facts import Claim
from factcheck.kinds import KindSpec, OptionSpec
from factcheck.kinds.base import Finding, RuleContext, overlap, show


def _close(a: Claim, b: Claim, tolerance: float) -> bool:
    if overlap(a.fact, b.fact):
        return True
    va, vb = a.fact.value, b.fact.value
    assert isinstance(va, int | float)
    assert isinstance(vb, int | float)
    top = max(abs(float(va)), abs(float(vb))) or 1.0
    return abs(float(va) - float(vb)) / top <= tolerance


def _disjoint(a: Claim, b: Claim) -> bool:
    if (
        a.period_low is None
        or b.period_low is None
        or a.period_high is None
        or b.period_high is None
    ):
        return False
    return a.period_high < b.period_low or b.period_high < a.period_low


def check(ctx: RuleContext) -> Iterator[Finding]:
    kinds = set(ctx.option("kinds"))
    tolerance = float(ctx.option("max_relative_difference"))
    for group in ctx.groups(kinds):
        stated = [c for c in group.claims if c.period is not None]
        periods_by_source: dict[str, set[str]] = defaultdict(set)
        for c in stated:
            periods_by_source[c.source].add(c.period or "")
        ordered = sorted(stated, key=lambda c: float(c.fact.value))  # type: ignore[arg-type]
        pairs: dict[tuple[str, str], set[Claim]] = defaultdict(set)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                va, vb = float(a.fact.value), float(b.fact.value)  # type: ignore[arg-type]
                if vb - va > max(abs(va), abs(vb)) * max(tolerance, 0.05):
                    break
                if a.source == b.source or not _disjoint(a, b) or not _close(a, b, tolerance):
                    continue
                # a source that gives both periods says the figure really was the same
                both = {a.period, b.period}
                if both <= periods_by_source[a.source] or both <= periods_by_source[b.source]:
                    continue
                key = (min(a.period or "", b.period or ""), max(a.period or "", b.period or ""))
                pairs[key].update((a, b))
        for (period_a, period_b), claims in sorted(pairs.items()):
            order = lambda c: (c.source, c.fact.start)  # noqa: E731 - sets have no order
            side_a = sorted((c for c in claims if c.period == period_a), key=order)
            side_b = sorted((c for c in claims if c.period == period_b), key=order)
            first, second = side_a[0], side_b[0]
            va, vb = float(first.fact.value), float(second.fact.value)  # type: ignore[arg-type]
            yield Finding(
                claims=(*side_a, *side_b),
                metric=group.metric,
                period=f"{period_a} vs {period_b}",
                explanation="different period",
                fields={
                    "value_a": show(first.fact),
                    "period_a": period_a,
                    "source_a": ", ".join(c.source for c in side_a),
                    "value_b": show(second.fact),
                    "period_b": period_b,
                    "source_b": ", ".join(c.source for c in side_b),
                },
                difference_abs=abs(va - vb),
                difference_rel=abs(va - vb) / (max(abs(va), abs(vb)) or 1.0),
            )


SPEC = KindSpec(
    name="period-mismatch",
    summary="(nearly) the same value for the same metric, attributed to different periods",
    options={
        "kinds": OptionSpec((list,), ["money", "percent"], "figure kinds compared"),
        "max_relative_difference": OptionSpec(
            (int, float), 0.01, "values this close (as a share) count as the same figure"
        ),
    },
    fields=frozenset({"value_a", "period_a", "source_a", "value_b", "period_b", "source_b"}),
    check=check,
)
