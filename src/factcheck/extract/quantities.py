"""Physical quantities: ``10 kilometres``, ``a 984-foot ship``, ``985ft``, ``magnitude 6.8``.

The unit words are data (``factcheck/data/units.yaml``); conversion is pint's.
A quantity's number is converted to pint's base units (metres, kilograms,
kelvin, metres per second ...), so that ``10 kilometres`` and ``6.2 miles``
compare; the unit as written is kept as the mention's noun. A scale of its
own (an earthquake's magnitude) converts to nothing: its base unit is its name.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from factcheck import datafiles
from factcheck.extract.context import trie_pattern
from factcheck.facts import Mention


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit: its name, and what pint calls it (None for a scale of its own)."""

    name: str
    pint: str | None


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit written after a number: the unit, where it ends, and how it was joined."""

    unit: Unit
    word: str
    end: int
    hyphen: bool


@dataclass(frozen=True, slots=True)
class Converted:
    """A figure in base units: its value, the size of its last digit, and the base unit."""

    number: Decimal
    step: Decimal
    high: Decimal | None
    base: str


@functools.cache
def _data() -> Mapping[str, Any]:
    return datafiles.load("units.yaml")


@functools.cache
def _words() -> tuple[dict[str, Unit], dict[str, Unit]]:
    """The unit words: (matched in any case, lower-cased; matched as written)."""
    folded: dict[str, Unit] = {}
    exact: dict[str, Unit] = {}
    for entry in _data()["units"]:
        pint_name = entry.get("pint")
        name = str(pint_name if pint_name is not None else entry["scale"])
        unit = Unit(name, None if pint_name is None else str(pint_name))
        for word in entry["words"]:
            word = str(word)
            if word != word.lower():
                exact[word] = unit
            else:
                folded[word] = unit
    return folded, exact


@functools.cache
def _pattern() -> re.Pattern[str]:
    folded, exact = _words()
    # a space or a hyphen, or nothing ("985ft"); "2.6-km-long" ends with "-long"
    words = trie_pattern(sorted(set(folded) | set(exact), key=len, reverse=True))
    return re.compile(r"(?P<sep>[ \t]|-|)(?P<word>" + words + r")(?P<long>-long)?(?![\w°])")


@functools.cache
def _metre_pattern() -> re.Pattern[str]:
    data = _data()["metre-abbreviation"]
    dimensions = trie_pattern(sorted(map(str, data["dimensions"]), key=len, reverse=True))
    nouns = trie_pattern(sorted(map(str, data["nouns"]), key=len, reverse=True))
    return re.compile(
        r"(?P<sep>[ \t]|-|)(?P<word>m)(?:(?=[- ](?:" + dimensions + r")\b)"
        r"|(?= (?:of )?(?i:" + nouns + r")\b))"
    )


def unit_after(text: str, pos: int) -> UnitMatch | None:
    """A unit right after the number ending at ``pos`` (``-foot``, `` km``, ``ft``)."""
    m = _pattern().match(text, pos)
    if m is None:
        metre = _metre_pattern().match(text, pos)
        if metre is None:
            return None
        return UnitMatch(Unit("meter", "meter"), "m", metre.end(), metre.group("sep") == "-")
    word = m.group("word")
    folded, exact = _words()
    unit = exact.get(word) or folded.get(word.lower())
    if unit is None:
        return None  # "mw" is not "MW"
    if len(word) == 1 and m.group("sep"):
        return None  # "40 C" may be anything; "40C" is a temperature
    return UnitMatch(unit, word, m.end(), m.group("sep") == "-")


def unit_named(word: str) -> Unit | None:
    """The unit a word names (``magnitude``), or None."""
    folded, exact = _words()
    return exact.get(word) or folded.get(word.lower())


@functools.cache
def measure_of(base: str) -> str:
    """What a figure in base unit ``base`` measures when nothing else says (``length``)."""
    scales = {str(e["scale"]) for e in _data()["units"] if "scale" in e}
    if base in scales:
        return base
    dimension = str(_registry().Quantity(1, base).dimensionality)
    return str(_data()["measures"].get(dimension, base))


@functools.cache
def _registry() -> Any:
    import pint  # imported on the first quantity: building the registry takes a moment

    return pint.UnitRegistry()


@functools.cache
def _base_of(name: str, own_scale: bool) -> str:
    if own_scale:
        return name
    return str(_registry().Quantity(1, name).to_base_units().units)


def _to_base(value: Decimal, name: str) -> Decimal:
    quantity = _registry().Quantity(float(value), name).to_base_units()
    return Decimal(repr(float(quantity.magnitude)))


def convert(unit: Unit, number: Decimal, step: Decimal, high: Decimal | None) -> Converted:
    """``number`` (and the last digit's size ``step``, a range's ``high``) in base units."""
    if unit.pint is None:
        return Converted(number, step, high, unit.name)
    base = _base_of(unit.pint, False)
    value = _to_base(number, unit.pint)
    # a step is a difference: measured from the value, so offset units (°C) convert right
    base_step = abs(_to_base(number + step, unit.pint) - value) if step else Decimal(0)
    base_high = _to_base(high, unit.pint) if high is not None else None
    return Converted(value, base_step, base_high, base)


def step_of_measurement(digits: str, decimals: int, *, hundreds: bool = True) -> Decimal:
    """The size of the last digit of a measured figure: ``984`` -> 1, ``1,600`` -> 100.

    A measurement is never exact, unlike a count: ``984 feet`` is 984 ± 0.5,
    ``6.8`` is 6.8 ± 0.05. Trailing zeros are taken for rounding from 1,000 up
    (``10 km`` is not ``14 km``), and with ``hundreds`` from two zeros up
    (``500 miles`` is 500 ± 50, agreeing with 490).
    """
    if decimals:
        return Decimal(1).scaleb(-decimals)
    clean = digits.replace(",", "")
    zeros = len(clean) - len(clean.rstrip("0"))
    if zeros == len(clean) or (len(clean) < 4 and not (hundreds and zeros >= 2)):
        return Decimal(1)
    return Decimal(10) ** zeros


#: between a figure and its conversion in brackets: "100 mph (160 kph)"
_INTO_BRACKET = re.compile(r"[ \t]*\([ \t]*")


def hedged_conversions(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions with a bracketed conversion given its figure's hedge: in ``winds
    exceeding 100 mph (160 kph)`` the 160 kph is the same lower bound, not an exact speed."""
    out = list(mentions)
    for i in range(1, len(out)):
        before, m = out[i - 1], out[i]
        if (
            m.kind == "quantity"
            and before.kind == "quantity"
            and before.qualifier
            and not m.qualifier
            and _INTO_BRACKET.fullmatch(text, before.end, m.start) is not None
        ):
            out[i] = dataclasses.replace(m, qualifier=before.qualifier)
    return out
