"""Percentages: ``18%``, ``18 percent``, ``26.3 per cent``, ``2 percentage points``."""

from __future__ import annotations

import re

_PERCENT = re.compile(
    r"(?:\s?%|\s?-?(?:percent|per\s?cent|pct)\b|\s+(?P<pp>percentage[\s-]points?|pp)\b)",
    re.IGNORECASE,
)


def percent_after(text: str, pos: int) -> tuple[str, int] | None:
    """The percent unit right after a number at ``pos``, and where it ends."""
    m = _PERCENT.match(text, pos)
    if m is None:
        return None
    return ("percentage point" if m.group("pp") else "percent"), m.end()
