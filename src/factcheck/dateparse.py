"""The one place factcheck calls dateparser.

dateparser is strong at odd relative phrases (``the day before yesterday``,
``a fortnight ago``) but costs 1-2 ms a call and ~0.4 s to import, and read
over whole articles it takes ``may`` the verb for a month. So the extractors
read the common forms themselves and send only a short candidate span here,
always with ``languages=['en']`` and an explicit ``RELATIVE_BASE``; results
are cached by (span, base). dateparser is imported on first use.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "DATE_ORDER": "MDY",
}


@functools.lru_cache(maxsize=4096)
def parse_span(span: str, base: dt.date) -> dt.date | None:
    """The day a short date phrase means, read relative to ``base``.

    >>> parse_span("the day before yesterday", dt.date(2025, 5, 8))
    datetime.date(2025, 5, 6)
    >>> parse_span("a fortnight ago", dt.date(2025, 5, 8))
    datetime.date(2025, 4, 24)
    >>> parse_span("the budget", dt.date(2025, 5, 8)) is None
    True
    """
    import dateparser

    settings = dict(_SETTINGS, RELATIVE_BASE=dt.datetime(base.year, base.month, base.day, 12))
    try:
        parsed = dateparser.parse(span, languages=["en"], settings=settings)
    except (ValueError, OverflowError):  # pragma: no cover - dateparser's own failures
        return None
    return parsed.date() if parsed is not None else None
