"""Quarters of the year a report is about: ``the fourth quarter``, ``Q4 2023``, ``4Q23``,
``the December quarter``, ``the October-December quarter``, and fiscal ones (``the fiscal
second quarter``, ``the second quarter of fiscal 2024``, ``Q2 FY24``).

A quarter is an ordinal mention with the unit ``quarter`` (a period, never a claim of its
own); a company's fiscal quarter carries the qualifier ``fiscal``: its months are the
company's, not the calendar's, and only the article can say which they are.
"""

from __future__ import annotations

import re
from decimal import Decimal

from factcheck.extract._lexicon import MONTHS
from factcheck.extract.context import Context, trie_pattern
from factcheck.facts import DateSpec, Mention

_MONTH = trie_pattern(sorted(MONTHS, key=len, reverse=True))

#: "fiscal", "fiscal-year", "FY" just before: "the fiscal second quarter", "fiscal 2024"
FISCAL_BEFORE = re.compile(
    r"\b(?:fiscal(?:[ \t-]+year)?|FY)[ \t-]*'?(?:(?:19|20)?\d{2}[ \t-]*)?$", re.IGNORECASE
)
#: "... quarter of fiscal 2024", "... of its fiscal year", "Q2 fiscal 2024", "Q2 FY24"
_FISCAL_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*)?(?:of[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+)?(?:company's[ \t]+)?)?"
    r"(?:fiscal\b|FY(?=[ \t]*'?\d|\b))",
    re.IGNORECASE,
)
#: after an ordinal word: "[-]quarter", " fiscal quarter", "-fiscal-quarter"
_QUARTER_AFTER = re.compile(r"(?:[ \t]+|-)(?P<fiscal>fiscal(?:[ \t]+|-))?quarter\b", re.IGNORECASE)
#: "Q4", "4Q", "4Q23", "Q4'23": a quarter's code
QUARTER_CODE = re.compile(
    r"(?<![\w'’-])(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q)(?:['’]?(?P<y>\d{2}))?(?![\w-])"
)
#: a quarter's code or a fiscal year's just before a year: "Q4 2023", "FY 2024"
CODE_BEFORE_YEAR = re.compile(r"(?<![\w-])(?:Q[1-4]|[1-4]Q|H[12]|FY)[ \t]*'?$")
#: "the December quarter", "the October-December quarter", "the Oct.-Dec. quarter"
_MONTH_QUARTER = re.compile(
    r"(?:(?P<first>" + _MONTH + r")\.?[ \t]*[-–—/][ \t]*)?(?P<last>" + _MONTH + r")\.?"
    r"(?:[ \t]+|-)quarter\b"
)


def fiscal_around(text: str, start: int, end: int) -> bool:
    """A fiscal period: ``fiscal`` or ``FY`` just before ``[start, end)`` or just after it
    (``the second quarter of fiscal 2024``, ``Q2 FY24``)."""
    if FISCAL_BEFORE.search(text, max(0, start - 16), start) is not None:
        return True
    return _FISCAL_AFTER.match(text, end) is not None


def _add(ctx: Context, start: int, end: int, quarter: int, fiscal: bool) -> int:
    ctx.add(
        Mention(
            "ordinal",
            start,
            end,
            number=Decimal(quarter),
            unit="quarter",
            noun="quarter",
            qualifier="fiscal" if fiscal else "",
        )
    )
    return end


def quarter_word(ctx: Context, start: int, end: int, value: int | None) -> int | None:
    """An ordinal word that numbers a quarter (``fourth-quarter revenue``, ``the fiscal
    second quarter``, ``second fiscal quarter``): the mention, with or without a
    determiner; None when the word numbers no quarter."""
    if value is None or not 1 <= value <= 4:
        return None
    after = _QUARTER_AFTER.match(ctx.text, end)
    if after is None:
        return None
    fiscal = bool(after.group("fiscal")) or fiscal_around(ctx.text, start, after.end())
    return _add(ctx, start, after.end(), value, fiscal)


def quarter_code(ctx: Context, match: re.Match[str]) -> int:
    """``Q4``, ``4Q23``, ``Q4'23``: a quarter's code; the two digits after it are its year (a
    date of their own), else a date beside it or the article's says which."""
    quarter = int(match.group("q") or match.group("q2"))
    fiscal = fiscal_around(ctx.text, match.start(), match.end())
    if match.group("y") is None:
        return _add(ctx, match.start(), match.end(), quarter, fiscal)
    _add(ctx, match.start(), match.start("y"), quarter, fiscal)
    if not fiscal:  # a fiscal year's two digits are not the calendar's year
        year = DateSpec(year=2000 + int(match.group("y")))
        ctx.add(Mention("date", match.start("y"), match.end(), date=year))
    return match.end()


def month_quarter(ctx: Context, start: int) -> int | None:
    """``the December quarter``, ``the October-December quarter``: the calendar quarter that
    ends with the month named; where scanning resumes (None: no such words; months that
    make no calendar quarter are passed over without a mention)."""
    m = _MONTH_QUARTER.match(ctx.text, start)
    if m is None:
        return None
    last = MONTHS[m.group("last")]
    first = MONTHS[m.group("first")] if m.group("first") else last - 2
    if last % 3 or first != last - 2:
        return m.end()  # "the November-December quarter": no calendar quarter
    return _add(ctx, start, m.end(), last // 3, False)
