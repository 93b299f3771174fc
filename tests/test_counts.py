"""Counts and ordinals: the number, the noun it counts, the hedge."""

from __future__ import annotations

import pytest

from conftest import facts_of, only

COUNTS = [
    # text, span, value, low, high, unit, qualifier
    (
        "They signed more than 20 agreements.",
        "more than 20 agreements",
        20,
        20,
        None,
        "agreement",
        "more than",
    ),
    ("Xi and Putin have met over 40 times.", "over 40 times", 40, 40, None, "time", "more than"),
    ("It sold 41,300 vehicles.", "41,300 vehicles", 41300, 41300, 41300, "vehicle", ""),
    ("Ten people were killed.", "Ten people", 10, 10, 10, "person", ""),
    ("They signed twenty-one agreements.", "twenty-one agreements", 21, 21, 21, "agreement", ""),
    ("a dozen agreements were signed", "a dozen agreements", 12, 12, 12, "agreement", ""),
    ("for 15 consecutive years", "15 consecutive years", 15, 15, 15, "year", ""),
    ("at least 12 killed in the blast", "at least 12 killed", 12, 12, None, "killed", "at least"),
    # a hedge on a rounded figure reaches a unit of its last digit (up to 10%) ...
    ("about 150 firefighters", "about 150 firefighters", 150, 140, 160, "firefighter", "about"),
    ("about 40 firefighters", "about 40 firefighters", 40, 36, 44, "firefighter", "about"),
    # ... on a figure that does not look rounded, 2.5%
    ("some 77 firefighters", "some 77 firefighters", 77, 75.075, 78.925, "firefighter", "about"),
    (
        "More than 20 bilateral cooperation agreements were signed",
        "More than 20 bilateral cooperation agreements",
        20,
        20,
        None,
        "agreement",
        "more than",
    ),
    ("an 11-member team", "11-member", 11, 11, 11, "member", ""),
    ("between two powerful countries", "two powerful countries", 2, 2, 2, "country", ""),
    ("some 3,000 troops", "some 3,000 troops", 3000, 2700, 3300, "troop", "about"),
    ("5 million people voted", "5 million people", 5e6, 5e6, 5e6, "person", ""),
    # the Indian grouping of lakhs and crores is one number, not "30,000" after "1,"
    (
        "More than 1,30,000 people were evacuated.",
        "More than 1,30,000 people",
        130000,
        130000,
        None,
        "person",
        "more than",
    ),
    ("It got 2,51,29,000 votes.", "2,51,29,000 votes", 25129000, 25129000, 25129000, "vote", ""),
    ("The BJP won 23.59 crore votes.", "23.59 crore votes", 2.359e8, 2.359e8, 2.359e8, "vote", ""),
    ("about 31 lakh voters", "about 31 lakh voters", 3.1e6, 3e6, 3.2e6, "voter", "about"),
    # a scale word in a headline's capitals
    (
        "Over 5.9 Crore People Voted",
        "Over 5.9 Crore People",
        5.9e7,
        5.9e7,
        None,
        "person",
        "more than",
    ),
    # past a number; what a counting noun counts, several words on; bringing it to a number
    ("The death toll climbed past 2,000.", "2,000", 2000, 2000, 2000, "toll", ""),
    ("The number of people killed has risen to 45.", "45", 45, 45, 45, "killed", ""),
    ("The number of deaths has risen to 45.", "45", 45, 45, 45, "death", ""),
    ("bringing the number of dead to 45", "45", 45, 45, 45, "dead", ""),
    # a building's storeys, after a determiner too (a hyphened count describes, not refers)
    ("Rescuers reached the nine-storey building.", "nine-storey", 9, 9, 9, "storey", ""),
    ("A 10-story building swayed.", "10-story", 10, 10, 10, "story", ""),
    # a verb of dying after the number, with its auxiliaries
    ("Officials said 45 had died.", "45 had died", 45, 45, 45, "died", ""),
    ("at least 30 drowned", "at least 30 drowned", 30, 30, None, "drowned", "at least"),
    # a measure "of" the number; a crowd is the attendance; a measure at a sentence's start
    ("It lifted the death toll to a toll of 54.", "54", 54, 54, 54, "toll", ""),
    (
        "in front of a crowd of more than 92,000",
        "more than 92,000",
        92000,
        92000,
        None,
        "attendance",
        "more than",
    ),
    ("with an attendance of 74,295", "74,295", 74295, 74295, 74295, "attendance", ""),
    ("Turnout was 61,000.", "61,000", 61000, 61000, 61000, "turnout", ""),
    ("a crowd of 5,000 protesters", "5,000 protesters", 5000, 5000, 5000, "protester", ""),
    # a number with no noun after it, governed by a measure phrase before it
    ("Officials put the death toll at 2,300.", "2,300", 2300, 2300, 2300, "toll", ""),
    ("The toll has now risen to 54.", "54", 54, 54, 54, "toll", ""),
    ("The toll surpassed 2,100 on Monday.", "2,100", 2100, 2100, 2100, "toll", ""),
    ("raising the death toll to 61", "61", 61, 61, 61, "toll", ""),
    ("with the toll at more than 5,200", "more than 5,200", 5200, 5200, None, "toll", "more than"),
    # a guess, or what a counting noun counts
    ("Kamau said the toll could be closer to 650.", "650", 650, 650, 650, "toll", ""),
    # a scale abbreviated against the number, before what is counted (British style)
    ("The app has 2.4bn users.", "2.4bn users", 2.4e9, 2.4e9, 2.4e9, "user", ""),
    ("Power was cut to 3m people.", "3m people", 3e6, 3e6, 3e6, "person", ""),
    ("The club has 20k fans.", "20k fans", 20_000, 20_000, 20_000, "fan", ""),
    ("Tallis puts the number of murdered candidates at 34.", "34", 34, 34, 34, "candidate", ""),
    ("The agency put the figure of the missing at 670.", "670", 670, 670, 670, "missing", ""),
    # a toll and its verb with what the toll is of between them
    (
        "The death toll from the storm over the coast has now reached more than 5,200.",
        "more than 5,200",
        5200,
        5200,
        None,
        "toll",
        "more than",
    ),
    (
        "The toll was slightly revised downwards on Tuesday, to 215.",
        "215",
        215,
        215,
        215,
        "toll",
        "",
    ),
    ("The toll in the province was reduced to 102 on Tuesday.", "102", 102, 102, 102, "toll", ""),
    # a bare number, then auxiliaries and the casualty word that says what it counts
    (
        "Of the dead, only 133 have been identified.",
        "133 have been identified",
        133,
        133,
        133,
        "identified",
        "",
    ),
    ("Some 45 were injured.", "Some 45 were injured", 45, 43.875, 46.125, "injured", "about"),
    (
        "with over 320 still missing",
        "over 320 still missing",
        320,
        320,
        None,
        "missing",
        "more than",
    ),
    ("Six are feared dead.", "Six are feared dead", 6, 6, 6, "dead", ""),
    ("Two were killed.", "Two were killed", 2, 2, 2, "killed", ""),
    # a line's label names what its bare numbers count, the second after "vs."
    ("Nonfarm payrolls: 303,000", "303,000", 303000, 303000, 303000, "job", ""),
    ("Deaths: 215", "215", 215, 215, 215, "death", ""),
    # "over" after a victory is its preposition, not a hedge; elsewhere it is one
    ("his victory over two governors", "two governors", 2, 2, 2, "governor", ""),
    ("It won over 50 seats.", "over 50 seats", 50, 50, None, "seat", "more than"),
    (
        "Lai wins over 5.58 million votes",
        "over 5.58 million votes",
        5.58e6,
        5.58e6,
        None,
        "vote",
        "more than",
    ),
]

NOT_COUNTS = [
    # the year of a quarter's code is a year, not a count of what follows
    "In Q4 2023 sales were high.",
    "In FY 2024 sales were high.",
    "It is one of the largest.",
    "She ran a 5k race.",
    "The storm brought 3m waves.",  # metres
    "The wall stood 3m high.",
    "In 2023m was a typo.",
    "The two leaders met.",
    "Their three children",
    "The G20 summit opened.",
    "COVID-19 cases rose.",
    "One Belt One Road",
    "Article 5 of the treaty",
    "They met at 3 p.m. and again at 10:30.",
    "won 3-1 at home",
    "the 2024 election",
    "a two-way street",
    "Reach us on +44 20 7946 0958 today.",
    "one day, we will win",
    "our two countries",
    "The team was at 10 in the table.",
    "Officials put the blame at 10 Downing Street.",
    "Officials put the number at risk at 10 Downing Street.",
    "The toll could be seen from 10 miles away.",
    # a toll's clause ends at a comma: what follows is another clause's
    "The toll was unclear, and rescuers reached 12 on Monday.",
    "The toll of the storm, which hit the coast, reached 12.",
    # auxiliaries say what a bare number counts only when a casualty word follows them
    "In all, 133 have been questioned.",
    "Some 45 were in the town.",
    "He said 12 are expected.",
    # a label must open its line and end right before the number
    "The report said payrolls: 303,000.",
    "Updated at noon: 303,000",
    # a plus sign before a telephone number's digits
    "Call +7 495 123 4567 now.",
    # "of" after a word that measures nothing
    "She was one of 40.",
    "He spoke in front of 10 Downing Street.",
    "Smith, 84, died on Monday.",  # an age in commas, not a count of the dead
    "The number has risen past them, to 45 days' worth.",
]


@pytest.mark.parametrize(("text", "span", "value", "low", "high", "unit", "qualifier"), COUNTS)
def test_count(
    text: str, span: str, value: float, low: float, high: float | None, unit: str, qualifier: str
) -> None:
    counts = only(facts_of(text), "count")
    assert [f.text for f in counts] == [span]
    fact = counts[0]
    assert fact.value == pytest.approx(value)
    assert fact.low == pytest.approx(low)
    assert fact.high == (pytest.approx(high) if high is not None else None)
    assert fact.unit == unit
    assert fact.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare score off a count of attempts (the data's SCORED_PER) ...
        ("Okafor hit a sparkling 137 off 120 balls.", [(137, "run"), (120, "ball")]),
        ("Okafor's 120-ball 147 won it.", [(120, "ball"), (147, "run")]),
        # ... and not off anything else
        ("Okafor scored 137 off 120 minutes of play.", []),
    ],
)
def test_a_score_off_attempts(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(f.value, f.unit) for f in only(facts_of(text), "count")] == expected


def test_a_label_line_counts_both_values() -> None:
    # "vs." gives the line's second value (a forecast: its frame says so); a signed one too
    facts = only(facts_of("Nonfarm payrolls: 303,000 vs. +214,000 est."), "count")
    assert [(f.text, f.value, f.unit) for f in facts] == [
        ("303,000", 303000, "job"),
        ("214,000", 214000, "job"),
    ]


def test_a_toll_revised_from_one_value_to_another() -> None:
    text = "The official toll was revised downwards on Tuesday, from 217 to 215."
    facts = only(facts_of(text), "count")
    assert [(f.text, f.unit) for f in facts] == [("217", "toll"), ("215", "toll")]


def test_part_of_a_total() -> None:
    counts = only(facts_of("The party won 188 of the 400 seats."), "count")
    assert [(f.value, f.unit) for f in counts] == [(188, "seat"), (400, "seat")]


@pytest.mark.parametrize("text", NOT_COUNTS)
def test_not_a_count(text: str) -> None:
    assert only(facts_of(text), "count") == []


ORDINALS = [
    ("This trip marks Xi's 11th visit to Russia.", "11th visit", 11, "visit"),
    ("the 80th anniversary of the victory", "80th anniversary", 80, "anniversary"),
    ("the fourth such gathering", "fourth such gathering", 4, "gathering"),
    ("his second term in office", "second term", 2, "term"),
    ("China's second-largest trading partner", "second-largest", 2, "largest"),
    ("the twenty-first meeting", "twenty-first meeting", 21, "meeting"),
    ("Turnout in the second round was 61.4%.", "second round", 2, "round"),
    # "first" is a period's when a quarter or a half follows
    ("Revenue in the first quarter was $4 billion.", "first quarter", 1, "quarter"),
    # a quarter, with or without a determiner, by its code or by the months that end it
    ("Halberd reported fourth-quarter revenue of $86 billion.", "fourth-quarter", 4, "quarter"),
    ("Halberd reported first-quarter revenue of $86 billion.", "first-quarter", 1, "quarter"),
    ("Fourth quarter sales rose 8%.", "Fourth quarter", 4, "quarter"),
    ("Sales in Q3 rose 8%.", "Q3", 3, "quarter"),
    ("Sales in 3Q rose 8%.", "3Q", 3, "quarter"),
    ("In the second fiscal quarter, revenue rose 17%.", "second fiscal quarter", 2, "quarter"),
    ("In the June quarter, revenue rose 17%.", "June quarter", 2, "quarter"),
    ("In the Jul-Sep quarter, revenue rose 17%.", "Jul-Sep quarter", 3, "quarter"),
]

#: a company's fiscal quarter: the months are the company's
FISCAL = [
    ("In the second fiscal quarter, revenue rose 17%.", True),
    ("In the fiscal second quarter, revenue rose 17%.", True),
    ("In the second quarter of fiscal 2024, revenue rose 17%.", True),
    ("In the second quarter of its fiscal year, revenue rose 17%.", True),
    ("In Q2 FY24, revenue rose 17%.", True),
    ("In FY24 Q2, revenue rose 17%.", True),
    ("In the second quarter of 2024, revenue rose 17%.", False),
    ("In Q2 2024, revenue rose 17%.", False),
]


@pytest.mark.parametrize(("text", "fiscal"), FISCAL)
def test_a_fiscal_quarter_is_marked(text: str, fiscal: bool) -> None:
    quarters = [f for f in only(facts_of(text), "ordinal") if f.unit == "quarter"]
    assert [f.qualifier == "fiscal" for f in quarters] == [fiscal]


def test_a_quarter_code_with_two_digits_dates_its_year() -> None:
    found = facts_of("Revenue for 4Q23 was $62 billion.")
    assert [(f.kind, f.text, f.value) for f in found if f.kind != "money"] == [
        ("ordinal", "4Q", 4),
        ("date", "23", "2023"),
    ]


# the Nth to do something: a rank of what is done
RANKS = [
    ("He became the first player ever to score a hat-trick in a final.", 1, "score hat-trick"),
    ("He became the second player to score a hat-trick in a final.", 2, "score hat-trick"),
    ("She was the first woman to win the prize.", 1, "win prize"),
    ("It was the third country to ratify the treaty.", 3, "ratify treaty"),
]

#: a rank relative to someone, or "first" that ranks nothing checkable
NOT_RANKS = [
    "He was the first player to score a hat-trick in a final after Hurst.",
    "Xi made his first visit to Russia.",
    "It was the first trip to the region.",
    "for the first time in a decade",
    "the first to arrive",
]


@pytest.mark.parametrize(("text", "value", "unit"), RANKS)
def test_rank(text: str, value: int, unit: str) -> None:
    assert [(f.value, f.unit) for f in only(facts_of(text), "ordinal")] == [(value, unit)]


@pytest.mark.parametrize("text", NOT_RANKS)
def test_not_a_rank(text: str) -> None:
    assert all(" " not in f.unit for f in only(facts_of(text), "ordinal"))


NOT_ORDINALS = [
    # months that end no calendar quarter; a quarter of something; a code inside a word
    "In the November-December quarter, revenue was flat.",
    "a quarter of the stores",
    "the Q5 prototype",
    "the AQ4 motorway",
    "the 21st century",
    "the 21st-century global order",
    "the Second World War",
    "not targeting any third party",
    "for the first time",
    "the first visit since 2019",
    "paid on the 20th.",
    "a third of the budget",
    "244.821st-century",
    # a kind named by an ordinal, in words or digits
    "won 78% of points on his first serve",
    "won 47 of 71 1st serve points",
    "a 2nd serve return",
    "the 3rd party candidate",
]


@pytest.mark.parametrize(("text", "span", "value", "unit"), ORDINALS)
def test_ordinal(text: str, span: str, value: int, unit: str) -> None:
    ordinals = only(facts_of(text), "ordinal")
    assert [(f.text, f.value, f.unit) for f in ordinals] == [(span, value, unit)]


@pytest.mark.parametrize("text", NOT_ORDINALS)
def test_not_an_ordinal(text: str) -> None:
    assert only(facts_of(text), "ordinal") == []
