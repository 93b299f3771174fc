"""The terminal table of discrepancies (tabulate), grouped by level."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.facts import LEVELS, Claim, Discrepancy


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _side(claims: Sequence[Claim], width: int = 44) -> str:
    lines = []
    for c in claims:
        lines.append(_short(f"{c.fact.text} ({c.source})", width))
    return "\n".join(lines)


def _difference(d: Discrepancy) -> str:
    if d.difference_abs is None:
        return ""
    if d.rule and d.difference_rel is not None and d.claims and d.claims[0].fact.kind != "date":
        return f"{d.difference_abs:,.6g} ({d.difference_rel:.1%})"
    return f"{d.difference_abs:,.6g} days" if d.claims and d.claims[0].fact.kind == "date" else ""


def summary(discrepancies: Sequence[Discrepancy], sources: int, figures: int) -> str:
    """``3 discrepancies (1 error, 2 warnings) in 5 sources, 84 figures``."""
    counts = {level: sum(1 for d in discrepancies if d.level == level) for level in LEVELS}
    parts = [f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items() if n]
    detail = f" ({', '.join(parts)})" if parts else ""
    n = len(discrepancies)
    return (
        f"{n} discrepanc{'ies' if n != 1 else 'y'}{detail} in {sources} source"
        f"{'s' if sources != 1 else ''}, {figures} figures"
    )


def discrepancy_table(discrepancies: Sequence[Discrepancy], sources: int, figures: int) -> str:
    """One row per discrepancy, grouped by level, with a summary line."""
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
                    f"{d.rule}\n{d.name}",
                    _short(f"{d.metric}\n{d.period or ''}", 28),
                    _side(majority),
                    _side(others),
                    _difference(d),
                    d.explanation,
                ]
            )
        if rows:
            parts.append(f"{level.upper()}S" if len(rows) != 1 else level.upper())
            parts.append(
                tabulate(
                    rows,
                    headers=["id", "rule", "metric / period", "one side", "other side",
                             "difference", "explanation"],
                    tablefmt="simple_grid",
                )
            )  # fmt: skip
    parts.append(summary(discrepancies, sources, figures))
    return "\n".join(parts) + "\n"


def messages(discrepancies: Sequence[Discrepancy]) -> str:
    """The one-sentence messages, one per line, for reading in a log."""
    return "".join(f"{d.level}: {d.rule} [{d.id}] {d.message}\n" for d in discrepancies)
