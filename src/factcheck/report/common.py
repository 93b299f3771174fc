"""What every output format says the same way: amounts, differences, summary, review status."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from factcheck.facts import LEVELS
from factcheck.review import SETTLED, UNREVIEWED

__all__ = ["SETTLED", "UNREVIEWED", "amount", "difference", "settled", "status", "summary"]


def amount(value: float) -> str:
    """Exact enough to tell close figures apart: ``244800000000`` -> ``244.8 billion``.

    >>> amount(244_800_000_000), amount(347_000_000), amount(67.4), amount(12_500)
    ('244.8 billion', '347 million', '67.4', '12,500')
    """
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:,.6g} {word}"
    return f"{value:,.6g}"


def difference(kind: str, unit: str, absolute: float | None, relative: float | None) -> str:
    """How far apart two figures are, in their own terms.

    >>> difference("money", "USD", 360_000_000, 0.078)
    'USD 360 million (7.8%)'
    >>> difference("percent", "percent", 2.7, 0.04), difference("date", "", 1, None)
    ('2.7 points (4.0%)', '1 day')
    >>> difference("time", "", 660, None), difference("time", "", 6, None)
    ('11 h 00 min', '6 min')
    """
    if absolute is None:
        return ""
    if kind == "date":
        return f"{absolute:,.0f} day{'s' if absolute != 1 else ''}"
    if kind == "time":
        hours, minutes = divmod(round(absolute), 60)
        return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"
    shown = amount(absolute)
    if kind == "money":
        shown = f"{unit} {shown}"
    elif kind == "percent":
        shown += " points" if unit == "percent" else f" {unit}s"
    elif kind == "quantity":
        shown += f" {unit}"  # in base units: "18.3 meter"
    if relative is not None:
        shown += f" ({relative:.1%})"
    return shown


def summary(levels: Iterable[str], sources: int, figures: int) -> str:
    """``3 discrepancies (1 error, 2 warnings) in 5 sources, 84 figures``.

    >>> summary(["error", "warning", "warning"], 5, 84)
    '3 discrepancies (1 error, 2 warnings) in 5 sources, 84 figures'
    """
    levels = list(levels)
    counts = {level: levels.count(level) for level in LEVELS}
    parts = [f"{n} {level}{'s' if n != 1 else ''}" for level, n in counts.items() if n]
    detail = f" ({', '.join(parts)})" if parts else ""
    n = len(levels)
    return (
        f"{n} discrepanc{'ies' if n != 1 else 'y'}{detail} in {sources} source"
        f"{'s' if sources != 1 else ''}, {figures} figures"
    )


def report_summary(data: Mapping[str, Any], settled_note: str = "") -> str:
    """The summary line of a check result, with the reviewed and new counts when there are any.

    The figures are counted from ``facts``, or from ``figures`` when the facts
    were left out of the data (outputs that show only the discrepancies).
    """
    discrepancies: list[Mapping[str, Any]] = list(data.get("discrepancies") or [])
    figures = data.get("figures", len(data.get("facts") or []))
    line = summary(
        [str(d.get("level")) for d in discrepancies], len(data.get("sources") or []), figures
    )
    reviewed = sum(1 for d in discrepancies if settled(d))
    if reviewed:
        line += f"; {reviewed} reviewed as accepted or false alarm{settled_note}"
    if any("new" in d for d in discrepancies):
        line += f"; {sum(1 for d in discrepancies if d.get('new'))} new"
    return line


def status(d: Mapping[str, Any]) -> str:
    """A discrepancy's review status (``unreviewed`` when none is recorded)."""
    return str((d.get("review") or {}).get("status") or UNREVIEWED)


def settled(d: Mapping[str, Any]) -> bool:
    """Reviewed as accepted or false alarm: shown, but no longer failing or annotated."""
    return status(d) in SETTLED
