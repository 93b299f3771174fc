"""reference: a claim that disagrees with a table of reference figures.

The way fact-checkers check statistics against official data: a CSV table
(``metric,period,value,unit,source[,note]``) named by the rule's ``table``
option; a claim of that metric (and period, when the row gives one) whose
interval, widened by its stated precision and by ``tolerance``, does not
hold the reference value is reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from factcheck.attribute import normalise_phrase
from factcheck.kinds import KindSpec, OptionSpec
from factcheck.kinds.base import Finding, RuleContext, bounds, show


def _unit_matches(row_unit: str, unit: str) -> bool:
    row = row_unit.strip().lower()
    return not row or row == unit.lower() or row.rstrip("s") == unit.lower().rstrip("s")


def check(ctx: RuleContext) -> Iterator[Finding]:
    tolerance = float(ctx.option("tolerance"))
    rows = [r for r in ctx.corpus.references if r.rule == ctx.rule.code]
    if not rows:
        return
    for row in rows:
        key = normalise_phrase(row.metric)
        metric = key.key if key else row.metric.lower()
        for group in ctx.corpus.groups:
            if group.base != metric and group.base != row.metric.lower():
                continue
            for claim in group.claims:
                if row.period and claim.period != row.period:
                    continue
                if not _unit_matches(row.unit, claim.fact.unit):
                    continue
                low, high = bounds(claim.fact)
                pad = abs(row.value) * tolerance
                if low - pad <= row.value <= high + pad:
                    continue
                value = claim.fact.value
                assert isinstance(value, int | float)
                diff = abs(float(value) - row.value)
                yield Finding(
                    claims=(claim,),
                    metric=group.metric,
                    period=claim.period or row.period,
                    explanation="unexplained",
                    fields={
                        "value": show(claim.fact),
                        "source": claim.source,
                        "reference_value": f"{row.value:g}",
                        "reference_source": row.source,
                        "unit": row.unit,
                    },
                    difference_abs=diff,
                    difference_rel=diff / (abs(row.value) or 1.0),
                    majority_value=row.value,
                    majority_sources=(f"reference: {row.source}",),
                )


SPEC = KindSpec(
    name="reference",
    summary="a claim that disagrees with a table of reference figures",
    options={
        "table": OptionSpec((str,), "", "CSV of reference figures, relative to the rule file"),
        "tolerance": OptionSpec((int, float), 0.0, "share of the reference value still accepted"),
    },
    fields=frozenset({"value", "source", "reference_value", "reference_source", "unit"}),
    check=check,
)
