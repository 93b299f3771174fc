"""Physical quantities: the value in base units, its unit, and what it is compared with."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import facts_of, only
from factcheck.api import check

QUANTITIES = [
    # text, span, value in base units, base unit, unit as written
    (
        "The quake struck at a depth of 10 kilometres.",
        "10 kilometres",
        10_000,
        "meter",
        "kilometres",
    ),
    ("The epicentre was 72 km from the city.", "72 km", 72_000, "meter", "km"),
    ("It lies some 40 miles to the south.", "some 40 miles", 64_373.76, "meter", "miles"),
    ("The 948-foot vessel lost power.", "948-foot", 288.9504, "meter", "foot"),
    ("She boarded a 985ft container ship.", "985ft", 300.228, "meter", "ft"),
    ("The 2.6-km-long bridge fell.", "2.6-km-long", 2_600, "meter", "km"),
    ("He kicked a 41-yard field goal.", "41-yard", 37.4904, "meter", "yard"),
    (
        "The fire burned 42,000 square metres of forest.",
        "42,000 square metres",
        42_000,
        "meter ** 2",
        "square metres",
    ),
    ("The ship was moving at 8 knots.", "8 knots", 4.1156, "meter / second", "knots"),
    ("Winds reached 120 mph.", "120 mph", 53.6448, "meter / second", "mph"),
    (
        "Output was cut by 2.5 million barrels a day.",
        "2.5 million barrels",
        397_468.24,
        "meter ** 3",
        "barrels",
    ),
    ("Temperatures hit 40C on Monday.", "40C", 313.15, "kelvin", "C"),
    ("The town got 1.5 metres of snow.", "1.5 metres", 1.5, "meter", "metres"),
    ("It carried 764 tons of hazardous material.", "764 tons", 693_079.4, "kilogram", "tons"),
    ("A 6.8-magnitude earthquake struck.", "6.8-magnitude", 6.8, "magnitude", "magnitude"),
    ("A magnitude 6.8 earthquake struck.", "6.8", 6.8, "magnitude", "magnitude"),
    ("The quake had a magnitude of 6.1.", "6.1", 6.1, "magnitude", "magnitude"),
    ("In 2004 a magnitude 6.3 event killed 600 people.", "6.3", 6.3, "magnitude", "magnitude"),
    ("An aftershock of magnitude 4.5 rattled residents.", "4.5", 4.5, "magnitude", "magnitude"),
    # the magnitude given, put, revised: the scale named before the number by its verb
    ("The agency gave the magnitude as 7.2.", "7.2", 7.2, "magnitude", "magnitude"),
    ("The magnitude of the earthquake was 7.4.", "7.4", 7.4, "magnitude", "magnitude"),
    ("The magnitude was later revised to 7.5.", "7.5", 7.5, "magnitude", "magnitude"),
    ("Officials estimated its magnitude at 6.8.", "6.8", 6.8, "magnitude", "magnitude"),
    # "m" is metres where what follows is measured in length, a million elsewhere
    ("The storm brought 3m waves to the coast.", "3m", 3, "meter", "m"),
    ("A 2m-high wall collapsed.", "2m", 2, "meter", "m"),
    ("The pit was 4 m deep.", "4 m", 4, "meter", "m"),
    ("The town got 1.5m of snow overnight.", "1.5m", 1.5, "meter", "m"),
]

NOT_QUANTITIES = [
    "The 5G network and 3D maps.",
    "Temperatures were about 40 C on the coast.",  # a lone letter after a space is not a unit
    "The count rose to 40 cases.",
    "He met 3 ministers.",
    "It won 3-1 at home.",
    "There were 12 mwanza villages.",  # case: "MW" is a unit, "mw" is not
    "The magnitude was unclear, and 40 died.",  # the scale's clause has ended
    "Its magnitude surprised 3 experts.",
    "About 3m people lost power.",  # a million, not metres
    "A 3m-strong army marched.",
    "Police said 2m of the residents left.",
    "The 5m mark was passed.",
]


@pytest.mark.parametrize(("text", "span", "value", "base", "written"), QUANTITIES)
def test_quantity(text: str, span: str, value: float, base: str, written: str) -> None:
    found = only(facts_of(text), "quantity")
    assert [f.text for f in found] == [span]
    assert found[0].value == pytest.approx(value, rel=1e-3)
    assert (found[0].unit, found[0].noun) == (base, written)


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text: str) -> None:
    assert only(facts_of(text), "quantity") == []


def test_a_quantity_is_never_also_a_count() -> None:
    facts = facts_of("The 984-foot ship was 300 metres long.")
    assert only(facts, "count") == []
    assert [f.text for f in only(facts, "quantity")] == ["984-foot", "300 metres"]


def test_a_measurement_is_never_exact() -> None:
    # 984 feet is 984 +- 0.5 feet; trailing zeros are rounding only from 1,000 up
    (ship,) = only(facts_of("a 984-foot ship"), "quantity")
    assert ship.precision == pytest.approx(0.1524)
    (ten,) = only(facts_of("10 km away"), "quantity")
    assert ten.precision == pytest.approx(500)
    (many,) = only(facts_of("1,600 km away"), "quantity")
    assert many.precision == pytest.approx(50_000)


@pytest.mark.parametrize(
    ("text", "qualifiers"),
    [
        # a conversion in brackets is the same figure: the same bound
        ("winds exceeding 100 mph (160 kph) hit", ["more than", "more than"]),
        ("about 10 km (6 miles) away", ["about", "about"]),
        # a conversion of an exact figure; a later figure that is no conversion
        ("winds of 100 mph (160 kph) hit", ["", ""]),
        ("about 5 km. (Later 8 km.)", ["about", ""]),
    ],
)
def test_a_bracketed_conversion_keeps_its_figures_hedge(text: str, qualifiers: list[str]) -> None:
    assert [f.qualifier for f in only(facts_of(text), "quantity")] == qualifiers


def _dated(folder: Path, name: str, text: str) -> None:
    day = dt.date(2024, 3, 27)
    text = f"In 2024, {text[0].lower()}{text[1:]}"  # one period: compared across sources
    (folder / f"{name}.md").write_text(f"---\npublished: {day}\n---\n{text}\n", encoding="utf-8")


# (text a, text b, reported?): the same quantity in two units, two things of one dimension
PAIRS = [
    (
        "The quake struck at a depth of 10 kilometres.",
        "The quake struck at a depth of 14 km.",
        True,
    ),
    (
        "The quake struck at a depth of 10 kilometres.",
        "The quake struck at a depth of 6.2 miles.",
        False,
    ),
    ("The 948-foot ship lost power.", "The 984-foot ship lost power.", True),
    # 300 m is 984.25 ft: 984 and 985 are roundings of one length
    ("The 984-foot ship lost power.", "The 985ft ship lost power.", False),
    ("The 984-foot vessel lost power.", "The 300-metre ship lost power.", False),
    # a lower bound and its conversion, against a speed above it
    ("Winds exceeding 100 mph (160 kph) hit the coast.", "Winds of 120 mph hit the coast.", False),
    ("Winds of 100 mph (160 kph) hit the coast.", "Winds of 120 mph hit the coast.", True),
    # the length of a ship and the length of a bridge are two figures
    ("The 984-foot ship hit the bridge.", "The ship hit the 1.6-mile bridge.", False),
    # an earthquake's magnitude is a scale of its own: never converted
    ("A magnitude 6.8 earthquake struck.", "A 6.9-magnitude earthquake struck.", True),
    ("A magnitude 6.8 earthquake struck.", "A 6.8-magnitude earthquake struck.", False),
]


@pytest.mark.parametrize(("a", "b", "reported"), PAIRS)
def test_quantities_compared(tmp_path: Path, a: str, b: str, reported: bool) -> None:
    _dated(tmp_path, "a", a)
    _dated(tmp_path, "b", b)
    found = [d for d in check([tmp_path]).discrepancies if d.rule == "FC101"]
    assert bool(found) == reported, [d.message for d in found]
    if reported:
        assert {c.fact.kind for d in found for c in d.claims} == {"quantity"}
