"""``factcheck claims``: every figure's claim frame, and how each part was found.

So that a user can see why two figures were or were not compared: two figures
are compared only when their measure, entity, scope, sense, basis and
modality agree (see :func:`factcheck.compare.group_claims`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from factcheck.facts import Claim, FramePart

#: the columns of the table and of the CSV
COLUMNS = (
    "source",
    "figure",
    "kind",
    "measure",
    "entity",
    "scope",
    "sense",
    "basis",
    "modality",
    "speaker",
    "period",
    "baseline",
)


def _part(p: FramePart | None, *, how: bool) -> str:
    if p is None:
        return ""
    return f"{p.words} ({p.how})" if how else p.key


def rows(claims: Sequence[Claim], *, how: bool = True) -> list[dict[str, Any]]:
    """One row per claim: its figure and each frame part (with how it was found)."""
    out = []
    for c in claims:
        f = c.frame
        out.append(
            {
                "source": c.source,
                "figure": " ".join(c.fact.text.split()),
                "kind": c.fact.kind,
                "measure": c.metric,
                "entity": _part(f.entity, how=how),
                "scope": _part(f.scope, how=how),
                "sense": f.sense + (f" ({f.sense_how.words})" if how and f.sense_how else ""),
                "basis": _part(f.basis, how=how),
                "modality": f.modality
                + (f" ({f.modality_how.words})" if how and f.modality_how else ""),
                "speaker": _part(f.speaker, how=how),
                "period": (c.period or "") + (f" ({c.period_how})" if how else ""),
                "baseline": _part(f.baseline, how=how),
            }
        )
    return out


def claims_table(claims: Sequence[Claim]) -> str:
    """The claims as a plain-text table (tabulate)."""
    from tabulate import tabulate

    data = rows(claims)
    if not data:
        return "no figures found\n"
    return tabulate([[r[k] for k in COLUMNS] for r in data], headers=list(COLUMNS)) + "\n"


def claims_csv(claims: Sequence[Claim]) -> str:
    """The claims as CSV, one column per frame part (keys, not the words they came from)."""
    from factcheck.report.csv_out import _write

    return _write(COLUMNS, ([r[k] for k in COLUMNS] for r in rows(claims, how=False)))
