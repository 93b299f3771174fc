"""The terminal table of discrepancies (tabulate), grouped by level."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from factcheck.facts import LEVELS, Claim, Discrepancy


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


def human(value: float) -> str:
    """``200000000`` -> ``0.2 billion``; ``1234.5`` -> ``1,234.5``."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale / 10 and abs(value) >= 1e5:
            return f"{value / scale:,.3g} {word}"
    return f"{value:,.6g}"


def _difference(d: Discrepancy) -> str:
    if d.difference_abs is None or not d.claims:
        return ""
    kind = d.claims[0].fact.kind
    if kind == "date":
        return f"{d.difference_abs:,.0f} days"
    unit = d.claims[0].fact.unit
    shown = human(d.difference_abs)
    if kind == "money":
        shown = f"{unit} {shown}"
    elif kind == "percent":
        shown += " points" if unit == "percent" else f" {unit}s"
    if d.difference_rel is not None:
        shown += f" ({d.difference_rel:.1%})"
    return shown


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
    parts.append(summary(discrepancies, sources, figures))
    return "\n".join(parts) + "\n"


def messages(discrepancies: Sequence[Discrepancy]) -> str:
    """The one-sentence messages, one per line, for reading in a log."""
    return "".join(f"{d.level}: {d.rule} [{d.id}] {d.message}\n" for d in discrepancies)
