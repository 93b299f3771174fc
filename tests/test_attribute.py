"""What a figure measures and for which period: table-driven, with negative cases."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from factcheck.attribute import claims_of, normalise_phrase
from factcheck.extract import extract_document
from factcheck.facts import Claim, Published
from factcheck.ingest import document_from_text
from factcheck.rulefile import load_rules

VOCABULARY = load_rules(None).vocabulary


def claims(text: str, published: dt.date | None = dt.date(2025, 5, 8)) -> list[Claim]:
    doc = document_from_text(text)
    if published is not None:
        doc = dataclasses.replace(doc, published=Published(published, "day", "front-matter", ""))
    doc, facts = extract_document(doc)
    return claims_of(doc, facts, VOCABULARY)


METRICS = [
    # sentence, figure, metric key
    (
        "Last year, bilateral trade between the two nations reached a record $245 billion.",
        "$245 billion",
        "trade",
    ),
    ("China-Russia trade reached $240 billion.", "$240 billion", "trade"),
    ("Trade between the two countries reached $240 billion.", "$240 billion", "trade"),
    ("Varenland's exports to Osmara amounted to $191.2 billion.", "$191.2 billion", "export"),
    ("Its imports from Osmara totalled $126.4 billion.", "$126.4 billion", "import"),
    ("Turnout was 67.4%, the commission said.", "67.4%", "turnout"),
    # a participle says which of the counted are counted; an adjective, or a participle
    # that counts the same things, does not
    ("The other 11 voting members backed the cut.", "11 voting members", "voting member"),
    (
        "More than 2 million registered voters stayed home.",
        "More than 2 million registered voters",
        "registered voter",
    ),
    ("The committee has 19 members.", "19 members", "member"),
    (
        "They signed 20 bilateral cooperation agreements.",
        "20 bilateral cooperation agreements",
        "agreement",
    ),
    ("They have 20 signed agreements.", "20 signed agreements", "agreement"),
    ("Revenue rose 18 percent to $4.6 billion.", "18 percent", "revenue change"),
    ("Revenue rose 18 percent to $4.6 billion.", "$4.6 billion", "revenue"),
    ("The company reported net profit of $347 million.", "$347 million", "net profit"),
    (
        "Analysts had expected revenue of $4.48 billion.",
        "$4.48 billion",
        "revenue",
    ),  # a forecast: the frame says so
    ("The party took 41.3% of the vote.", "41.3%", "vote share"),
    ("They signed more than 20 agreements.", "more than 20 agreements", "agreement"),
    ("The quake killed at least 12 people.", "at least 12 people", "killed"),
    ("The toll rose to 37 on Wednesday.", "37", "killed"),
    ("The meeting brought together 16 heads of state.", "16 heads", "head of state"),
    ("It was a two-day visit.", "two-day", "visit"),
    ("The president declared three days of national mourning.", "three days", "mourning"),
    ("This trip marks his 11th visit to Russia.", "11th visit", "visit"),
    ("Sales rose to $5 billion, up from $4 billion in 2023.", "$4 billion", "revenue"),
    # the dead of a noun of death; the buried, trapped, stranded are counted apart
    ("The governor confirmed the deaths of 45 people.", "45 people", "killed"),
    ("More than 2,000 people were buried by the slide.", "More than 2,000 people", "buried"),
    ("The slide has buried more than 2000 people.", "more than 2000 people", "buried"),
    ("About 300 people were trapped in the tunnel.", "About 300 people", "trapped"),
    ("The town of 45,000 people was spared.", "45,000 people", "population"),
    # a streak says what it is a streak of, or nothing
    (
        "Unemployment stayed under 4% for 26 straight months.",
        "26 straight months",
        "month of unemployment",
    ),
    (
        "Employers have added jobs for 39 consecutive months.",
        "39 consecutive months",
        "month of job",
    ),
    (
        "Varenland has been Osmara's top partner for 13 consecutive years.",
        "13 consecutive years",
        "year of top partner",
    ),
    ("It has happened for 13 consecutive years.", "13 consecutive years", None),
    (
        "The economy has seen 39 consecutive months of job growth.",
        "39 consecutive months",
        "month of job change",
    ),
    ("Twenty to 25 tornadoes touched down.", "25 tornadoes", "tornado"),
    # an age describes who, never what is measured
    ("The 21-year-old is taking home $3.4 million.", "$3.4 million", None),
    # synonyms of the vocabulary: income is profit, sales are revenue, ads are advertising
    ("Net income was $20.9 billion.", "$20.9 billion", "net profit"),
    ("Ad revenue was $65.5 billion.", "$65.5 billion", "advertising revenue"),
    ("The party took 41% of the vote, against 34% for the other.", "34%", None),
    ("The party won 188 of the 400 seats.", "400 seats", "seat total"),
    (
        "Results were declared for all 543 constituencies.",
        "543 constituencies",
        "constituency total",
    ),
    ("The party won 188 seats.", "188 seats", "seat"),
    # a population, however it is written; people counted otherwise are not one
    ("Derna, home to about 89,000 residents, was hit.", "about 89,000 residents", "population"),
    (
        "Derna, a city of around 125,000 inhabitants, was hit.",
        "around 125,000 inhabitants",
        "population",
    ),
    ("The city of some 90,000 was hit.", "some 90,000", "population"),
    (
        "It has a population of nearly 10 million people.",
        "nearly 10 million people",
        "population",
    ),
    ("The flood killed 5,000 people.", "5,000 people", "killed"),
    # people who voted, and a country's people
    ("Over 200 million people voted on Wednesday.", "Over 200 million people", "voted"),
    ("More than 164 million Indonesians voted.", "More than 164 million Indonesians", "voted"),
    ("It counted 164 million Indonesians.", "164 million Indonesians", "indonesian"),
    # money "in" a measure; an expected value and an earlier change take the sentence's measure
    ("Halberd reported $21.3bn in revenue.", "$21.3bn", "revenue"),
    ("Revenue was $2.1 billion, below the expected $2.4 billion.", "$2.4 billion", "revenue"),
    ("Shelter rose 0.6% after rising 0.4% in December.", "0.4%", "shelter change"),
    ("It raised $5 billion in March.", "$5 billion", None),
    ("A magnitude 6.4 earthquake struck.", "6.4", "magnitude"),
    # the noun right after a percentage is what it measures
    ("Spain had 65% possession in the first half.", "65%", "possession"),
    ("The fund bought a 25% stake in the firm.", "25%", "stake"),
    ("The country recorded 70% turnout.", "70%", "turnout"),
    # how far a count has got, said by its passive verb
    (
        "More than 95 per cent of the vote has been counted.",
        "More than 95 per cent",
        "counted share",
    ),
    ("So far 99% of votes have now been tallied.", "99%", "counted share"),
    ("Okafor won 58 per cent of the vote.", "58 per cent", "vote share"),
    # ... but not a word that compares, a time, a basis, a forecast or a change
    ("Unemployment rate: 3.8% vs. 3.9% est.", "3.9%", "unemployment rate"),
    ("Sales were up 12% year-on-year, to $5 billion.", "12%", "revenue change"),
    ("The index rose 3% last week.", "3%", "index change"),
    ("Output grew 4% annually.", "4%", "output change"),
    # a change noun with no measure of its own: the change of the figure before it
    (
        "Acme reported revenues of $86 billion, reflecting a 13% increase from a year earlier.",
        "13%",
        "revenue change",
    ),
    ("Revenue was $86 billion, a notable increase of 13%.", "13%", "revenue change"),
    ("Acme's consolidated revenue was up 18% at $86 billion.", "18%", "revenue change"),
    # a name opening the sentence (a name where the text writes it inside one) says whose
    (
        "Shares of Halberd fell. Halberd consolidated revenue was up 18% at $86 billion.",
        "18%",
        "revenue change",
    ),
    # ... but a word the text writes in a name of two is no name of its own
    ("Cloud revenue rose 26%, and Halberd Cloud grew.", "26%", "cloud revenue change"),
    ("Net profit rose 5%, and the net margin fell.", "5%", "net profit change"),
    # a measure less something is another measure
    (
        "Revenue, excluding traffic acquisition costs, was $72 billion.",
        "$72 billion",
        "revenue excluding",
    ),
    ("Revenue was $86 billion, excluding nothing.", "$86 billion", "revenue"),
]


@pytest.mark.parametrize(("text", "figure", "metric"), METRICS)
def test_metric(text: str, figure: str, metric: str | None) -> None:
    found = {c.fact.text: c.metric for c in claims(text)}
    assert found.get(figure) == metric


NO_METRIC = [
    ("Prices rose sharply, up 3%.", "3%"),  # nothing names what rose
    ("It was the third quarter.", "third quarter"),  # a period, not a figure
    ("Ten years ago, they met.", "Ten years ago"),  # a date
    ("The shares closed 5% higher.", "5%"),  # a comparison, not a noun it measures
    ("It posted a 5% rise.", "5%"),  # a change of what is not said
]


@pytest.mark.parametrize(("text", "figure"), NO_METRIC)
def test_no_metric(text: str, figure: str) -> None:
    assert figure not in {c.fact.text for c in claims(text)}


PERIODS = [
    ("In 2023, bilateral trade reached $244.8 billion.", "$244.8 billion", "2023"),
    ("Last year, trade reached $245 billion.", "$245 billion", "2024"),
    ("Revenue reached $4.6 billion in the third quarter of 2024.", "$4.6 billion", "2024-Q3"),
    (
        "Revenue was $4.26 billion in the three months to September 2024.",
        "$4.26 billion",
        "2024-Q3",
    ),
    ("Turnout was 67.4 percent, up from 61.2 percent in 2019.", "67.4 percent", None),
    ("Turnout was 67.4 percent, up from 61.2 percent in 2019.", "61.2 percent", "2019"),
    (
        "It posted 13 consecutive years of growth, and aims for $400 billion by 2030.",
        "13 consecutive years",
        None,
    ),
    (
        "Revenue reached $4.6 billion in the third quarter of 2024, against $3.9 billion a year earlier.",
        "$3.9 billion",
        "2023-Q3",
    ),
    # a dateline without its year is the report's day, not the figure's period
    ("San Francisco, Jan 31 Halberd posted $62 billion in revenue.", "$62 billion", None),
    ("NEW DELHI, Jan 31 (IANS) Halberd posted $62 billion in revenue.", "$62 billion", None),
    ("On Jan 31 Halberd posted $62 billion in revenue.", "$62 billion", "2025-01-31"),
    # a date a comparison opens is the baseline's, never the figure's period
    ("Revenue rose 18% from a year ago to $62 billion.", "$62 billion", None),
    ("Revenue rose 18% compared with 2022 to $62 billion.", "$62 billion", None),
    ("Revenue was $62 billion in 2023, up 18%.", "$62 billion", "2023"),
    # a quarter without its year: the year of a date that governs it (not a baseline's), else
    # the latest such quarter ended by publication (2025-05-08)
    (
        "For the fourth quarter, Acme reported revenue of $86 billion, up 13% compared with the"
        " same period in 2022.",
        "$86 billion",
        "2024-Q4",
    ),
    ("Revenue was $4.6 billion in the first quarter.", "$4.6 billion", "2025-Q1"),
    ("Revenue was $4.6 billion in the third quarter.", "$4.6 billion", "2024-Q3"),
    # a quarter numbered without a determiner, by its code, or by the months that end it
    ("Halberd reported fourth-quarter revenue of $86 billion.", "$86 billion", "2024-Q4"),
    # a quarter forecast in the present tense is the next to end; the past may be of one ended
    ("Halberd forecasts fourth-quarter revenue of $90 billion.", "$90 billion", "2025-Q4"),
    ("Halberd expects second-quarter sales of $40 billion.", "$40 billion", "2025-Q2"),
    ("Analysts expected fourth-quarter revenue of $88 billion.", "$88 billion", "2024-Q4"),
    ("Fourth quarter sales rose 8%.", "8%", "2024-Q4"),
    ("Halberd posted 4th-quarter revenue of $86 billion.", "$86 billion", "2024-Q4"),
    ("Revenue in Q4 2023 was $62 billion.", "$62 billion", "2023-Q4"),
    ("In Q1, revenue was $62 billion.", "$62 billion", "2025-Q1"),
    ("Revenue for 4Q23 was $62 billion.", "$62 billion", "2023-Q4"),
    ("For the quarter ended December 31, revenue was $58 billion.", "$58 billion", "2024-Q4"),
    ("In the quarter ending Dec. 31, 2023, revenue was $58 billion.", "$58 billion", "2023-Q4"),
    ("In the December quarter, revenue was $56 billion.", "$56 billion", "2024-Q4"),
    ("In the October-December quarter, revenue was $55 billion.", "$55 billion", "2024-Q4"),
    ("In the Jan-Mar quarter, revenue was $55 billion.", "$55 billion", "2025-Q1"),
    # not a quarter: a day that ends no quarter, months that are not one, a quarter of a thing
    ("In the period ended December 15, revenue was $58 billion.", "$58 billion", "2024-12-15"),
    ("In the November-December quarter, revenue was $55 billion.", "$55 billion", None),
    ("Sales rose 8% in a quarter of the stores.", "8%", None),
    # a company's fiscal quarter or year is the company's, not the calendar's
    ("Revenue was $62 billion in the second quarter of fiscal 2024.", "$62 billion", "FY2024-Q2"),
    (
        "Halberd's fiscal 2024 first-quarter revenue was $119.6 billion.",
        "$119.6 billion",
        "FY2024-Q1",
    ),
    ("In Q2 FY24, revenue was $62 billion.", "$62 billion", "FY2024-Q2"),
    ("In FY24 Q2, revenue was $62 billion.", "$62 billion", "FY2024-Q2"),
    ("Revenue in fiscal 2024 is expected to reach $250 billion.", "$250 billion", "FY2024"),
    ("In FY23, net income was $72 billion.", "$72 billion", "FY2023"),
    ("Revenue in 2024 is expected to reach $250 billion.", "$250 billion", "2024"),
    # a fiscal quarter of no stated year is not a calendar one; the quarter ended is
    ("Revenue for the fiscal second quarter was $62 billion.", "$62 billion", None),
    ("In the second fiscal quarter, revenue rose 17%.", "17%", None),
    (
        "In its fiscal second quarter, which ended December 31, revenue was $62 billion.",
        "$62 billion",
        "2024-Q4",
    ),
    # a date past a comparison after the figure is the other side's
    (
        "Sales rose 14% to $17 billion in the fourth quarter, compared with $14.9 billion "
        "in fourth quarter 2023.",
        "$17 billion",
        "2024-Q4",
    ),
    (
        "Sales rose 14% to $17 billion in the fourth quarter, compared with $14.9 billion "
        "in fourth quarter 2023.",
        "$14.9 billion",
        "2023-Q4",
    ),
    ("Sales rose 14% to $17 billion compared to Q4 2023.", "$17 billion", None),
    # the figure's own clause's quarter, not the sentence's opening one; a year after a
    # quarter is its year, never a count ("2023 net income")
    (
        "Fourth quarter 2023 net income includes a loss of $0.1 billion, compared to a loss "
        "of $2.3 billion in fourth quarter 2022.",
        "$2.3 billion",
        "2022-Q4",
    ),
    (
        "Fourth quarter 2023 net income includes a loss of $0.1 billion, compared to a loss "
        "of $2.3 billion in fourth quarter 2022.",
        "$0.1 billion",
        "2023-Q4",
    ),
    # a relative date gives a quarter its year only beside it: next year is the cuts'
    (
        "Halberd laid out a plan to cut costs by $10 billion next year as it reported "
        "second-quarter sales of $12.8 billion.",
        "$12.8 billion",
        "2024-Q2",
    ),
    ("Sales were $9 billion in the second quarter of last year.", "$9 billion", "2024-Q2"),
    ("Last year's second-quarter sales were $9 billion.", "$9 billion", "2024-Q2"),
    ("Revenue was $5 billion in 2023, up from $4 billion in 2022.", "$5 billion", "2023"),
    ("Revenue was $5 billion in 2023, up from $4 billion in 2022.", "$4 billion", "2022"),
    # an area written as a modifier is a thing's, of no date; a measured amount has one
    ("They were shot at the family's 1,700-acre estate on 7 June 2021.", "1,700-acre", None),
    ("A 40-hectare farm was flooded on March 26, 2024.", "40-hectare", None),
    ("In 2024, Okafor kicked a 27-yard field goal.", "27-yard", "2024"),
    ("On 7 June 2021 the fire burned 42,000 square metres.", "42,000 square metres", "2021-06-07"),
]


@pytest.mark.parametrize(("text", "figure", "period"), PERIODS)
def test_period(text: str, figure: str, period: str | None) -> None:
    found = {c.fact.text: c.period for c in claims(text)}
    assert found[figure] == period


INHERITED = [
    # an explicit back-reference inherits the period of the same measure
    (
        "Trade reached $317.6 billion in 2018. That year, two-way trade rose 6.3 percent.",
        "6.3 percent",
        "2018",
    ),
    (
        "Trade reached $317.6 billion in 2018. Over the same period, trade rose 6.3 percent.",
        "6.3 percent",
        "2018",
    ),
    # negative: a period is not inherited across sentences without one
    ("Trade reached $317.6 billion in 2018. Two-way trade rose 6.3 percent.", "6.3 percent", None),
    ("The party won 31% in 1931. It won 24% of the vote, the paper said.", "24%", None),
]


@pytest.mark.parametrize(("text", "figure", "period"), INHERITED)
def test_period_inherited_only_through_a_back_reference(
    text: str, figure: str, period: str | None
) -> None:
    found = {c.fact.text: c for c in claims(text)}
    assert found[figure].period == period
    if period is not None:
        assert "earlier in the article" in found[figure].period_how


# sentence, figure, its period: "respectively" pairs figures with dates; "this time" is now
PERIODS = [
    ("The party won 20 seats and 31 seats in 2019 and 2014, respectively.", "20 seats", "2019"),
    ("The party won 20 seats and 31 seats in 2019 and 2014, respectively.", "31 seats", "2014"),
    (
        "It won far fewer than the 303 and 282 seats of 2019 and 2014, respectively.",
        "282 seats",
        "2014",
    ),
    ("The party, which won 282 seats in 2014, won 240 seats this time.", "240 seats", None),
    ("The party, which won 282 seats in 2014, won 240 seats this time.", "282 seats", "2014"),
    # negative: without "respectively" the nearest date of the clause
    ("The party won 20 seats and 31 seats in 2019 and 2014.", "31 seats", "2019"),
]


@pytest.mark.parametrize(("text", "figure", "period"), PERIODS)
def test_period_respectively_and_this_time(text: str, figure: str, period: str | None) -> None:
    found = {c.fact.text: c for c in claims(text)}
    assert found[figure].period == period, found[figure].period_how


BASELINES = [
    # a comparison baseline is never the figure's period
    ("The party won 31 percent of the vote, its best result since 1987.", "31 percent"),
    ("Turnout was 67.4%, the highest since 1998.", "67.4%"),
    ("Exports reached $40 billion, the highest since 2019.", "$40 billion"),
]


@pytest.mark.parametrize(("text", "figure"), BASELINES)
def test_baseline_is_not_the_period(text: str, figure: str) -> None:
    found = {c.fact.text: c for c in claims(text)}
    assert found[figure].period is None
    assert found[figure].frame.baseline is not None
    assert found[figure].frame.baseline.how == "since"


@pytest.mark.parametrize(
    ("phrase", "key"),
    [
        ("net profit", "net profit"),
        ("Halberd's revenue", "revenue"),
        ("two-way trade growth", "trade change"),
        # a part of the year says when, a provisional or voter modifier nothing of what
        ("fourth quarter revenue", "revenue"),
        ("first half profit", "profit"),
        ("top-line revenue", "revenue"),
        ("consolidated revenue", "revenue"),
        ("a notable increase", "change"),
        ("voter turnout", "turnout"),
        ("provisional depth", "depth"),
        # ... but a segment stays, and a quarter alone is the head
        ("cloud revenue", "cloud revenue"),
        ("quarter", "quarter"),
    ],
)
def test_normalise_phrase(phrase: str, key: str) -> None:
    metric = normalise_phrase(phrase)
    assert metric is not None
    assert metric.key == key


@pytest.mark.parametrize(
    "text",
    [
        "Sales rose to $574.8 billion, with income reaching $36.9 billion and net income at "
        "$30.4 billion.",
        "Revenue was $9 billion or about a third of the total.",
    ],
)
def test_a_conjunction_after_a_figure_opens_no_measure(text: str) -> None:
    # the noun after "and" is the next figure's measure, never this one's
    metrics = [c.metric for c in claims(text)]
    assert not any(m.split()[0] in ("and", "or") for m in metrics), metrics
