"""The terminal table of discrepancies (tabulate), grouped by level."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from factcheck.facts import LEVELS, Claim, Discrepancy
from factcheck.report.common import difference, summary


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _side(claims: Sequence[Claim], width: int = 30) -> str:
    """Each claim as its figure, then its source, shortened to ``width``."""
    lines = []
    for c in claims:
        lines.append(_short(c.fact.text, width))
        lines.append("  " + _short(c.source, width - 2))
    return "\n".join(lines)


def _difference(d: Discrepancy) -> str:
    if not d.claims:
        return ""
    fact = d.claims[0].fact
    return difference(fact.kind, fact.unit, d.difference_abs, d.difference_rel)


HEADERS = (
    "id",
    "rule",
    "metric / period",
    "one side",
    "other side",
    "difference",
    "explanation",
    "review",
)
_COLOURS = {"error": "\033[1;31m", "warning": "\033[1;33m", "info": "\033[1;36m"}
_RESET = "\033[0m"


def discrepancy_table(
    discrepancies: Sequence[Discrepancy],
    sources: int,
    figures: int,
    *,
    statuses: Mapping[str, str] | None = None,
    colour: bool = False,
) -> str:
    """One row per discrepancy, grouped by level, with review status and a summary line."""
    from tabulate import tabulate

    parts: list[str] = []
    for level in LEVELS:
        rows: list[list[Any]] = []
        for d in discrepancies:
            if d.level != level:
                continue
            majority = [c for c in d.claims if c.source in d.majority_sources]
            others = [c for c in d.claims if c.source not in d.majority_sources] or list(d.claims)
            if not majority:
                majority, others = list(d.claims[:1]), list(d.claims[1:])
            rows.append(
                [
                    d.id,
                    f"{d.rule}\n{_short(d.name, 14)}",
                    f"{_short(d.metric, 20)}\n{_short(d.period or '', 20)}",
                    _side(majority),
                    _side(others),
                    _difference(d),
                    d.explanation,
                    (statuses or {}).get(d.id, "unreviewed"),
                ]
            )
        if rows:
            label = f"{level.upper()}S" if len(rows) != 1 else level.upper()
            parts.append(f"{_COLOURS[level]}{label}{_RESET}" if colour else label)
            parts.append(
                tabulate(
                    rows,
                    headers=HEADERS,
                    tablefmt="simple_grid",
                )
            )
    parts.append(summary([d.level for d in discrepancies], sources, figures))
    return "\n".join(parts) + "\n"


def messages(discrepancies: Sequence[Discrepancy]) -> str:
    """The one-sentence messages, one per line, for reading in a log."""
    return "".join(f"{d.level}: {d.rule} [{d.id}] {d.message}\n" for d in discrepancies)
