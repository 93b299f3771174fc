"""Read the numbers themselves: digit strings and English number words.

>>> parse_digits("41,300")
(Decimal('41300'), 0)
>>> parse_digits("244.8")
(Decimal('244.8'), 1)
>>> parse_digits("1,30,000")
(Decimal('130000'), 0)
>>> words_to_number("twenty-one")
21
>>> words_to_number("three hundred thousand")
300000
>>> words_to_number("one of") is None
True
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from factcheck.extract._lexicon import NUMBER_WORDS, SCALE_WORDS

#: the Indian grouping, lakhs and crores: ``1,30,000`` (130,000), ``2,51,29,000``
_INDIAN = r"[0-9]{1,2}(?:,[0-9]{2})+,[0-9]{3}(?![0-9])(?:\.[0-9]+)?"

#: a number written in digits: ``41,300``, ``244.8``, ``1.6``, ``1,30,000``
DIGITS = r"(?:" + _INDIAN + r"|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"

#: the same, as the scanner's anchor (a run of digits with its separators)
DIGITS_ANCHOR = r"(?:" + _INDIAN + r"|[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)"

_WORD_SPLIT = re.compile(r"[\s-]+")


def parse_digits(raw: str) -> tuple[Decimal, int]:
    """The value of a digit string and how many decimals it states."""
    clean = raw.replace(",", "")
    try:
        value = Decimal(clean)
    except InvalidOperation:  # pragma: no cover - the patterns only pass digits
        return Decimal(0), 0
    decimals = len(clean) - clean.index(".") - 1 if "." in clean else 0
    return value, decimals


def words_to_number(raw: str) -> int | None:
    """The value of a run of number words, or None when it is not one."""
    total = 0
    current = 0
    seen = False
    for token in _WORD_SPLIT.split(raw.lower().strip()):
        if not token or token == "and":
            continue
        if token in NUMBER_WORDS:
            current += NUMBER_WORDS[token]
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
            seen = True
        elif token in SCALE_WORDS:
            total += (current or 1) * SCALE_WORDS[token]
            current = 0
            seen = True
        elif token in ("a", "an") and not seen:
            current = 1
        else:
            return None
    return total + current if seen else None


def step_of(digits: str, decimals: int, scale: int, *, exact_integers: bool) -> Decimal:
    """The size of the last digit stated, in base units.

    ``245 billion`` -> 1 billion; ``244.8 billion`` -> 0.1 billion; a plain
    count such as ``21`` is exact (0) when ``exact_integers``; ``41,300`` ->
    100 (the trailing zeros may be rounding).
    """
    if decimals:
        return Decimal(1).scaleb(-decimals) * scale
    if scale > 1:
        return Decimal(scale)
    clean = digits.replace(",", "")
    if exact_integers and len(clean) < 4:
        return Decimal(0)
    zeros = len(clean) - len(clean.rstrip("0"))
    if zeros == len(clean) or zeros == 0:
        return Decimal(0)
    return Decimal(10) ** zeros


def as_number(value: Decimal) -> int | float:
    """An exact integer when the value is whole, else a float."""
    if value == value.to_integral_value():
        return int(value)
    return float(value)
