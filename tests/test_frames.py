"""Claim frames read from the grammar of a figure's sentence (sentences written for these tests).

Each pattern seen in real coverage is a line here, with its negative case: two players,
two parties, a segment vs the total, a city vs the country, the mainshock vs an
aftershock, a level vs a change, a forecast vs an actual, a baseline vs a period.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from factcheck.api import check
from factcheck.attribute import claims_of
from factcheck.extract import extract_document
from factcheck.facts import Claim, Discrepancy, Published
from factcheck.ingest import document_from_text
from factcheck.rulefile import load_rules

VOCABULARY = load_rules(None).vocabulary


def claims(text: str) -> dict[str, Claim]:
    doc = document_from_text(text)
    doc = dataclasses.replace(doc, published=Published(dt.date(2025, 5, 8), "day", "front-matter"))
    doc, facts = extract_document(doc)
    return {c.fact.text: c for c in claims_of(doc, facts, VOCABULARY)}


def dated(folder: Path, name: str, text: str, published: str = "2025-05-08") -> None:
    """An article published on 2025-05-08 (or ``published``)."""
    (folder / f"{name}.md").write_text(f"---\npublished: {published}\n---\n{text}\n", "utf-8")


def value_conflicts(folder: Path, min_confidence: float = 0.0) -> list[Discrepancy]:
    """The FC101 discrepancies ``check`` reports over ``folder``."""
    found = check([folder], min_confidence=min_confidence).discrepancies
    return [d for d in found if d.rule == "FC101"]


def key(part: object) -> str | None:
    return getattr(part, "key", None)


# sentence, figure, the frame part, its expected key (None: no such part)
FRAMES = [
    # a title the parser reads as a second subject: the name is whose figure it is
    (
        "The fact is that PM Rao received 16 standing ovations.",
        "16 standing ovations",
        "entity",
        "rao",
    ),
    # names joined by "and" with a figure of their own: theirs together; one of a list: none's
    (
        "Rao and Singh received 16 standing ovations.",
        "16 standing ovations",
        "entity",
        "rao & singh",
    ),
    ("The TDP and the JD(U) won 16 and 12 seats.", "16", "entity", None),
    ("The TDP and the JD(U) won 16 seats and 12 seats.", "12 seats", "entity", None),
    ("Police and firefighters rescued 340 people.", "340 people", "entity", None),
    # a capitalised adjective inside a sentence is the region or part a figure is of
    (
        "In the quarter, North American revenue was $105.5 billion.",
        "$105.5 billion",
        "scope",
        "north american",
    ),
    ("In the quarter, International sales rose 17%.", "17%", "scope", "international"),
    ("International sales rose 17%.", "17%", "scope", None),
    ("In the quarter, quarterly sales rose 17%.", "17%", "scope", None),
    # the place a "where" clause is of is the figure's scope; a "when" clause names none
    (
        "Okafor won most provinces and the capital, where she received 57.2% of the vote.",
        "57.2%",
        "scope",
        "capital",
    ),
    ("It was the year when sales rose 5%.", "5%", "scope", None),
    # a state the copula's subject is in: "the Kula fire was 90% contained" is the Kula fire's
    ("The Kula fire was 90% contained.", "90%", "entity", "kula"),
    ("The fire was 90% contained.", "90%", "entity", None),
    # a weekday is when, never whose
    (
        "Voting began on Wednesday, with over 200 million voters taking part.",
        "over 200 million voters",
        "entity",
        None,
    ),
    # the epicentre is the quake itself, not a part of it; a region is a part
    ("The epicentre was about 35 kilometres deep.", "about 35 kilometres", "scope", None),
    # a place named after "of" is named by its name: "the county of Hualien" is Hualien
    ("Four people died in the remote eastern county of Tarvel.", "Four people", "scope", "tarvel"),
    (
        "Four people died in the remote eastern county.",
        "Four people",
        "scope",
        "remote eastern county",
    ),
    # entity: subject, possessor, "for", elliptical lists
    ("The Greens won 38 seats in the new chamber.", "38 seats", "entity", "greens"),
    ("Okafor had 22 carries for 118 yards.", "22 carries", "entity", "okafor"),
    ("Okafor had 22 carries for 118 yards.", "118 yards", "entity", "okafor"),
    ("Jalen Hurts threw for 304 yards.", "304 yards", "entity", "jalen hurts"),
    ("Acme's cloud revenue was $329 million.", "$329 million", "entity", "acme"),
    ("Revenue for Halberd Motors was $4.2 billion.", "$4.2 billion", "entity", "halberd motors"),
    # a part of a company by its name: "North America segment operating income"
    (
        "Halberd said its Ossa Cloud segment operating income was $7.2 billion.",
        "$7.2 billion",
        "entity",
        "ossa cloud",
    ),
    ("Halberd said its cloud segment income was $7.2 billion.", "$7.2 billion", "entity", None),
    ("HCS segment operating income was $7.2 billion.", "$7.2 billion", "entity", "hcs"),
    # the other side of a comparison is the same entity's, unless it names its own
    (
        "HCS segment operating income was $7.2 billion, compared with operating income of "
        "$5.2 billion in fourth quarter 2022.",
        "$5.2 billion",
        "entity",
        "hcs",
    ),
    ("Ossa won 38 seats, compared with 31 seats for Brandt.", "31 seats", "entity", "brandt"),
    ("Revenue was $9 billion, compared with $8 billion in 2022.", "$8 billion", "entity", None),
    # a party by its own name, not its leader's; its leader's where it has no name of its own
    (
        "President Tomas Vell's centrist Renewal party won 168 seats.",
        "168 seats",
        "entity",
        "renewal",
    ),
    ("President Tomas Vell's party won 168 seats.", "168 seats", "entity", "tomas vell"),
    # the subject a figure is "of" is what it measures, the whole is no part of itself
    (
        "An area of about 48,000 square meters was burned.",
        "about 48,000 square meters",
        "scope",
        None,
    ),
    ("Analysts expected businesses had added 200,000 jobs.", "200,000 jobs", "scope", None),
    (
        "It is remote, in a country of around 12 million people.",
        "around 12 million people",
        "scope",
        None,
    ),
    # negative: a common noun or a pronoun is nobody's name; a dateline is a place
    ("The earthquake killed 26 people.", "26 people", "entity", None),
    ("It won 31 seats.", "31 seats", "entity", None),
    (
        "SALVERNE, Feb 12, 2019 (Wire) - Trade reached $317.6 billion in 2018.",
        "$317.6 billion",
        "entity",
        None,
    ),
    ("Turnout was 67.4% on Sunday.", "67.4%", "entity", None),
    # scope: a place or a part, never a date
    ("The quake destroyed 1,250 buildings in Hatay.", "1,250 buildings", "scope", "hatay"),
    (
        "The quake destroyed 6,000 buildings across the country.",
        "6,000 buildings",
        "scope",
        "country",
    ),
    ("The death toll rose to 23 in Izmir province.", "23", "scope", "izmir province"),
    ("The quake destroyed 1,250 buildings in March.", "1,250 buildings", "scope", None),
    # a part of the event
    ("An aftershock killed 12 people on Tuesday.", "12 people", "scope", "aftershock"),
    ("The main quake killed 300 people.", "300 people", "scope", None),
    # speaker: who gives the figure
    (
        "The death toll rose to 23, according to the disaster agency.",
        "23",
        "speaker",
        "disaster agency",
    ),
    ("Trade reached $61.3 billion, the minister said.", "$61.3 billion", "speaker", "minister"),
    ("Trade reached $61.3 billion last year.", "$61.3 billion", "speaker", None),
    # a part of a company as the subject or owner is the scope, not the company
    ("Halberd's storage division saw a 7% rise in revenue.", "7%", "scope", "storage division"),
    ("The segment's revenue was $40 million.", "$40 million", "scope", "segment"),
    ("Halberd saw a 7% rise in revenue.", "7%", "scope", None),
    # the measured noun's part, named by common nouns; a time after "in" is no part
    (
        "Revenue in storage and data services was $9.2 billion and increased 13% for the year.",
        "13%",
        "scope",
        "services",
    ),
    ("Revenue in the fourth quarter increased 13%.", "13%", "scope", None),
    # a name that opens the sentence, read as an adjective: whose the measure is (the article
    # writes it capitalised inside a sentence); an adjective that is no name is not
    (
        "Verdant revenue grew 31%. Analysts cited Verdant demand.",
        "31%",
        "entity",
        "verdant",
    ),
    ("Strong revenue grew 31%. Analysts cited strong demand.", "31%", "entity", None),
    # a second clause's subject, after "and": its own name
    (
        "Cloudvault revenue grew 31% and Ossa commercial revenue rose 7%.",
        "7%",
        "entity",
        "ossa",
    ),
    # what a counted subject did: rescued, dead, found, missing are four figures
    ("Two people were pulled from the river.", "Two people", "predicate", "rescued"),
    ("Six workers are believed dead.", "Six workers", "predicate", "killed"),
    ("Four workers were found trapped in a van.", "Four workers", "predicate", "found"),
    ("Five workers are still missing.", "Five workers", "predicate", "missing"),
    ("Five workers were on the bridge.", "Five workers", "predicate", None),
    # what befell buildings: damaged is not collapsed; a total is what it counts
    ("A total of 97 buildings were reported damaged.", "97 buildings", "predicate", "damaged"),
    ("The quake caused the collapse of 26 buildings.", "26 buildings", "predicate", "collapsed"),
    ("At least 26 buildings collapsed in Ossa.", "At least 26 buildings", "predicate", "collapsed"),
    ("The quake caused the evacuation of 26 buildings.", "26 buildings", "predicate", None),
    # a list names each value's owner just before "with" or "on"
    (
        "Results show the NFP in the lead with 182 seats and the Greens in fourth with 45 seats.",
        "45 seats",
        "entity",
        "greens",
    ),
    ("The RN in third on 143 seats.", "143 seats", "entity", "rn"),
    ("With 99% of ballots counted, the party won 30 seats.", "30 seats", "entity", None),
    # a company reports its own money; an agency tells of a quake's magnitude, a toll
    ("Halberd reported revenue of $4.62 billion.", "$4.62 billion", "entity", "halberd"),
    ("The Ossa Survey reported a magnitude of 6.8.", "6.8", "entity", None),
    ("Wirebank reported 40 deaths.", "40 deaths", "entity", None),
    # a sector that did what the whole did is a part; the whole is no part
    ("Healthcare added 72,000 jobs in March.", "72,000 jobs", "scope", "healthcare"),
    (
        "The construction industry added 39,000 jobs.",
        "39,000 jobs",
        "scope",
        "construction industry",
    ),
    ("Employers added 303,000 jobs in March.", "303,000 jobs", "scope", None),
    ("The economy added 303,000 jobs.", "303,000 jobs", "scope", None),
    (
        "The biggest gains were health care (up 81,300 jobs) and government (up 71,000).",
        "81,300 jobs",
        "scope",
        "health care",
    ),
    ("Revenue rose to $4 billion (up 5%).", "5%", "scope", None),
    # a month is when, never whose
    ("Unemployment for February came in at 3.9%.", "3.9%", "entity", None),
    # adding jobs is not saying; what a total counts was not said by the total
    ("Healthcare added 72,000 jobs in March.", "72,000 jobs", "speaker", None),
    ("The agency added that 72,000 jobs were created.", "72,000 jobs", "speaker", "agency"),
    ("A total of 97 buildings were reported damaged.", "97 buildings", "speaker", None),
    # whose forecast, named on the forecast's noun
    (
        "Acme beat Wall Street's expectation of $4.96 per share.",
        "$4.96",
        "speaker",
        "wall street",
    ),
    (
        "Acme beat the Tallis Research consensus of $4.82 per share.",
        "$4.82",
        "speaker",
        "tallis research",
    ),
    ("Acme beat the expectation of $4.96 per share.", "$4.96", "speaker", None),
    ("Acme's revenue of $4.96 billion was a record.", "$4.96 billion", "speaker", None),
    # the speaker of a count is not whose it is; a company reporting money is both
    (
        "A UN agency put the death toll at more than 670 people.",
        "more than 670 people",
        "entity",
        None,
    ),
    ("Halberd reported revenue of $4.6 billion.", "$4.6 billion", "entity", "halberd"),
    # the aftershock a clause above the figure tells of; the mainshock's own figure
    (
        "Aftershocks were recorded, with one measuring a depth of 7.8 miles.",
        "7.8 miles",
        "scope",
        "aftershock",
    ),
    ("The quake, felt across Tarvel, had a depth of 10 km.", "10 km", "scope", None),
    # where what is measured was; a name the measured subject is of
    ("Sales in Ossaland dropped 13 per cent.", "13 per cent", "scope", "ossaland"),
    ("Sales dropped 13 per cent.", "13 per cent", "scope", None),
    ("Greater Ossa sales fell 13% to $20.82 billion.", "$20.82 billion", "entity", "greater ossa"),
    # the figure's own words are what it counts: neither its scope nor whose it is
    ("Mpox has been detected in 10 African countries.", "10 African countries", "scope", None),
    ("Okafor has played in five World Cups.", "five World Cups", "entity", "okafor"),
    # a name and its acronym are one key, so that "the PVV" elsewhere is the same party
    (
        "Geert Wilders' Party for Freedom (PVV) won 37 seats.",
        "37 seats",
        "entity",
        "geert wilders party for freedom pvv",
    ),
    ("The Party for Freedom won 37 seats.", "37 seats", "entity", "party for freedom"),
    ("The party won 37 seats.", "37 seats", "entity", None),
    # a title or a description is not part of the name
    ("Mr Okafor took 35 seats.", "35 seats", "entity", "okafor"),
    ("It finished behind centrist D66 on 10 seats.", "10 seats", "entity", "d66"),
    ("It finished on 10 seats.", "10 seats", "entity", None),
    # an elliptical list: each figure is of the name just before it, never of the next one
    (
        "The Greens won 38 seats, the Liberals 27 seats and the Farmers' Party 12 seats.",
        "27 seats",
        "entity",
        "liberals",
    ),
    (
        "The Liberals took 27 seats and the Farmers' Party 12 seats.",
        "12 seats",
        "entity",
        "farmers party",
    ),
    ("The NDA has 292 seats, INDIA 234 and others 17.", "292 seats", "entity", "nda"),
    ("The NDA has 292 seats, INDIA 234 and others 17.", "234", "entity", "india"),
    ("The Greens won 38 seats, the Liberals 27.", "38 seats", "entity", "greens"),
    # a relative clause is of what it describes, unless that is two things
    (
        "Mahomes was good, but Hurts, who completed 27 passes for 304 yards, lost.",
        "304 yards",
        "entity",
        "hurts",
    ),
    ("The TDP and the JD(U), which won 16 and 12 seats, joined.", "12 seats", "entity", None),
    # a sentence's first word is a name when the article writes it as one elsewhere
    ("Mills threw for 301 yards. The Eagles could not stop Mills.", "301 yards", "entity", "mills"),
    ("Sales reached $301 million.", "$301 million", "entity", None),
    # how yards were made: passing, rushing
    ("Okafor rushed 15 times for 70 yards.", "70 yards", "predicate", "rushed"),
    ("Okafor threw for 301 yards.", "301 yards", "predicate", "passed"),
    ("Okafor completed 27 passes for 301 yards.", "301 yards", "predicate", "passed"),
    # a passive's agent: "followed by Mills with 30 percent"
    (
        "Okafor led with 36 percent of the vote, followed by Mills with 30 percent of the vote.",
        "30 percent",
        "entity",
        "mills",
    ),
    # two subjects: neither's alone
    ("The Greens and the Liberals won 16 and 12 seats.", "12 seats", "entity", None),
    # a role is nobody's name
    ("The Opposition won 234 seats.", "234 seats", "entity", None),
    # an absolute clause ("with 11 seconds remaining") is of the main clause's subject
    (
        "With 11 seconds remaining, Harrison Butker kicked a goal.",
        "11 seconds",
        "entity",
        "harrison butker",
    ),
]


# of_event: the event itself is what the figure is said of (never a town, a party)
OF_EVENT = [
    ("The quake struck 72 km southwest of Tarvel.", "72 km", "quake"),
    (
        "The epicentre was registered some 77 kilometres from Tarvel.",
        "some 77 kilometres",
        "epicentre",
    ),
    (
        "Rescuers arrived after the quake, with the epicentre 72 km from Tarvel.",
        "72 km",
        "epicentre",
    ),
    ("The town of Ossa lies 64 km from Tarvel.", "64 km", None),
    ("The Greens won 38 seats.", "38 seats", None),
]


@pytest.mark.parametrize(("text", "figure", "expected"), OF_EVENT)
def test_a_figure_said_of_the_event(text: str, figure: str, expected: str | None) -> None:
    assert key(claims(text)[figure].frame.of_event) == expected


SEVERAL_PLACES = "Ossa lies 64 km southwest of Tarvel. Brin lies 60 km south of Tarvel. "


@pytest.mark.parametrize(
    ("a", "b", "reported"),
    [
        # two towns' distances are named: the event's own distances are still compared
        (
            "The quake struck 72 km southwest of Tarvel.",
            "The quake struck, with its epicentre 77 km from Tarvel.",
            True,
        ),
        (
            "The quake struck 72 km southwest of Tarvel.",
            "The quake struck, with its epicentre 72 km from Tarvel.",
            False,
        ),
        # an unnamed town's distance is no one's in particular: compared with nothing
        (
            "The quake struck 72 km southwest of Tarvel.",
            "The village lies 77 km from Tarvel.",
            False,
        ),
    ],
)
def test_the_events_figures_where_several_places_are_named(
    tmp_path: Path, a: str, b: str, reported: bool
) -> None:
    # the towns' distances, named by two sources (a story of several places)
    dated(tmp_path, "a", f"{SEVERAL_PLACES}In 2024, {a[0].lower()}{a[1:]}")
    dated(tmp_path, "c", SEVERAL_PLACES)
    dated(tmp_path, "b", f"In 2024, {b[0].lower()}{b[1:]}")
    found = value_conflicts(tmp_path)
    assert bool(found) == reported, [d.message for d in found]


#: known misses of the small pipeline, kept so that a fix shows (strict: a pass fails)
XFAIL = [
    # a one-word name at the start of a sentence is read as a plural noun
    ("Mills threw for 301 yards and two touchdowns.", "301 yards", "entity", "mills"),
]


#: known misses of the comparison policy (strict: a pass fails)
XFAIL_PAIRS = [
    # a country's demonym is read as a region, a part, so it is not the country named
    ("Overall, China's exports rose 7%.", "Overall, Chinese exports rose 5%.", True),
]


@pytest.mark.parametrize(("a", "b", "reported"), XFAIL_PAIRS)
@pytest.mark.xfail(strict=True)
def test_comparison_policy_known_misses(tmp_path: Path, a: str, b: str, reported: bool) -> None:
    for name, text in (("a", a), ("b", b)):
        dated(tmp_path, name, f"In 2024, {text[0].lower()}{text[1:]}")
    assert bool(value_conflicts(tmp_path)) == reported


@pytest.mark.parametrize(("text", "figure", "part", "expected"), XFAIL)
@pytest.mark.xfail(strict=True)
def test_frame_part_known_misses(text: str, figure: str, part: str, expected: str) -> None:
    frame = claims(text)[figure].frame
    assert key(getattr(frame, part)) == expected


@pytest.mark.parametrize(("text", "figure", "part", "expected"), FRAMES)
def test_frame_part(text: str, figure: str, part: str, expected: str | None) -> None:
    frame = claims(text)[figure].frame
    assert key(getattr(frame, part)) == expected, frame


SENSES = [
    # sentence, figure, sense, basis
    ("Cloud revenue rose 18% year on year.", "18%", "change", "year on year"),
    ("Revenue rose 5% from the previous quarter.", "5%", "change", "quarter on quarter"),
    (
        "Acme's revenue was $329 million, up 18% from a year earlier.",
        "18%",
        "change",
        "year on year",
    ),
    ("The Liberals gained 11 seats.", "11 seats", "change", None),
    ("Economists forecast 205,000 jobs gained in March.", "205,000 jobs", "change", None),
    ("It has 205,000 jobs in total.", "205,000 jobs", "level", None),
    # the figure modifies a change noun; a comparison with the same period is year on year
    (
        "Acme reported revenue of $86 billion, a 13% increase compared to the same period in 2022.",
        "13%",
        "change",
        "year on year",
    ),
    ("Sales posted a 4 percent rise.", "4 percent", "change", None),
    ("It was a 5% stake.", "5%", "level", None),
    # a margin: "missed the estimate by", "won by"
    ("The Greens won by 12 points.", "12 points", "change", None),
    ("The Chiefs went in at halftime trailing by 10 points.", "10 points", "change", None),
    ("Revenue was $2.1 billion.", "$2.1 billion", "level", None),
    ("Revenue reached $2.1 billion by March.", "$2.1 billion", "level", None),
    # negative: "rose to" gives a level; a share is a level
    ("The death toll rose to 23.", "23", "level", None),
    ("The Greens won 38 seats.", "38 seats", "level", None),
    ("The party won 31 percent of the vote.", "31 percent", "level", None),
    # a level for part of the year has that basis; a level for the year has none
    (
        "Inflation reached 120 percent in the first ten months.",
        "120 percent",
        "level",
        "year to date",
    ),
    ("Inflation has reached 143% so far this year.", "143%", "level", "year to date"),
    ("Annual inflation soared to 143%.", "143%", "level", None),
    ("Prices rose to 40% in the first six months of the war.", "40%", "level", None),
    ("The rate fell to 3.8% from the previous month.", "3.8%", "level", None),
    # a level reached within a span is of that span, not of the whole event
    ("Chiva recorded 491mm of rain in just eight hours.", "491mm", "level", "within 8 hour"),
    ("Valdora got 320mm in a little over 4 hours.", "320mm", "level", "within 4 hour"),
    ("Valdora recorded 491mm of rain on Tuesday.", "491mm", "level", None),
    ("The storm killed 12 people in Valdora.", "12 people", "level", None),
]


# sentence, figure, the metric it is given (None: not a claim)
METRICS = [
    # a conjunction starts another clause: the dead are not the injured
    ("The storm killed 5 people and injured 12.", "5 people", "killed"),
    ("The storm killed 5 people and injured 12.", "12", "injured"),
    # how long a thing done took: "in" after a verb of the past
    ("Rao won the first set in just 28 minutes.", "28 minutes", "set"),
    ("The storm intensified in 12 hours.", "12 hours", "intensifying"),
    ("The country will vote in 10 days.", "10 days", None),
    ("The storm grew into a major hurricane in 13 hours.", "13 hours", None),
    ("At least 5 people were killed.", "At least 5 people", "killed"),
    # an elliptical second figure counts what the first did
    ("The Greens lost 15 seats and now have nine.", "nine", "seat"),
    ("The Greens lost 15 seats and 2024 was hard.", "2024", None),
    ("The NDA has 292 seats, INDIA 234 and others 17.", "234", "seat"),
    ("He boarded Flight 370 at dawn.", "370", None),
    # "rose from 232 to 272": the level before the change is another figure
    ("The toll rose from 232 to 272 people.", "232", "earlier person"),
    ("The toll rose from 232 to 272 people.", "272 people", "person"),
    ("Between 40 to 50 people attended.", "40 to 50 people", "person"),
    # a distance is measured from a place, in any unit
    (
        "The epicentre was 72 kilometres (45 miles) southwest of Marrakech.",
        "72 kilometres",
        "distance from marrakech",
    ),
    (
        "The epicentre was 72 kilometres (45 miles) southwest of Marrakech.",
        "45 miles",
        "distance from marrakech",
    ),
    (
        "Ighil lies some 44 miles south of the city of Marrakesh.",
        "some 44 miles",
        "distance from marrakesh",
    ),
    (
        "It struck 72 kilometres (45 miles) southwest of tourist hotspot Marrakesh.",
        "72 kilometres",
        "distance from marrakesh",
    ),
    ("It struck 72 km from the epicentre in Marrakesh.", "72 km", "length"),
    ("The ship is 300 metres long.", "300 metres", "ship"),
    # whose money it is, however it is put; several owners are another measure
    ("He took $8 billion from customers.", "$8 billion", "customer money"),
    ("He took about $10 billion in customer funds.", "about $10 billion", "customer money"),
    (
        "He took more than $8 billion worth of FTX customer deposits.",
        "more than $8 billion",
        "customer money",
    ),
    (
        "He took about $10 billion from customers, investors and lenders.",
        "about $10 billion",
        "customer investor lender money",
    ),
    ("Revenue was $5 billion from operations.", "$5 billion", "revenue"),
    # how far a count had got is its own measure
    (
        "With 99% of the preliminary count completed, Okafor had 55.7% of the vote.",
        "99%",
        "counted share",
    ),
    ("With 94% of the polling stations scrutinized, Okafor had 55.8%.", "94%", "counted share"),
    ("With 99% of the count completed, Okafor had 55.7% of the vote.", "55.7%", "vote share"),
    ("Okafor won 55.69% of the total votes.", "55.69%", "votes share"),
    # "16 and 12 seats": the first number counts seats too, but not in "between 40 and 50"
    ("The two parties won 16 and 12 seats.", "16", "seat"),
    ("The parties won between 40 and 50 seats.", "40 and 50 seats", "seat"),
    ("The parties won between 40 and 50 seats.", "40", None),
    # the time left on the clock
    ("The kick came with eight seconds left.", "eight seconds", "time remaining"),
    ("Butker kicked it with 8 seconds to play.", "8 seconds", "time remaining"),
    # a length of time: what lasted, or what was done for that long
    ("The meeting lasted eight hours.", "eight hours", "meeting"),
    ("The talks took three hours.", "three hours", "talk"),
    ("Witnesses testified for five weeks.", "five weeks", "testifying"),
    ("Jurors deliberated for 9.5 hours over two days.", "9.5 hours", "deliberating"),
    ("After deliberating for nearly 12 hours, the jury spoke.", "nearly 12 hours", "deliberating"),
    # negative: "over two days" says when; a copula's length says nothing of what lasted
    ("Jurors deliberated for 9.5 hours over two days.", "over two days", None),
    ("The wait was for two hours.", "two hours", None),
    # a size that modifies a noun is the size of that thing, not a tally
    ("Okafor took 35 seats in the 150-seat parliament.", "150-seat", "seat of parliament"),
    ("Okafor took 35 seats in the 150-seat parliament.", "35 seats", "seat"),
    ("A 20-strong crew was on board.", "20-strong", "crew"),
    # the level before or after a change is a level; the change itself is a change
    ("The unemployment rate fell from 3.9% to 3.8%.", "3.8%", "unemployment rate"),
    ("The unemployment rate dropped to 3.8% in March.", "3.8%", "unemployment rate"),
    ("Revenue rose 5% to $3 billion.", "5%", "revenue change"),
    # how far a count got is "of votes in"; "of the increase in inflation" is a share
    ("With 98% of votes in, Okafor led.", "98%", "counted share"),
    ("Shelter gave two thirds of the increase in core prices.", "two thirds", "increase share"),
    # a bare number after its measure, or after what the measure counts
    ("Total payroll employment increased by 333,000 in March.", "333,000", "job"),
    ("Total payroll employment increased by 303k in March.", "303k", "job"),
    ("The final count of fatalities turned out to be 85.", "85", "killed"),
    ("The number of dead has surpassed 2,100.", "2,100", "killed"),
    ("The number of parties stood at 14.", "14", "party"),
    # a length in other units, a length said to be deep
    ("The quake struck at a depth of 15.5km (9.6 miles).", "9.6 miles", "depth"),
    ("Its origin is 34.8 kilometers deep.", "34.8 kilometers", "depth"),
    ("It stretches 1.6 miles long.", "1.6 miles", "length"),
    (
        "The epicentre was 25 km south-southeast of the Ossa county hall.",
        "25 km",
        "distance from ossa",
    ),
    # a line that names its figure first, and the forecast set against it
    ("Revenue: $119.58 billion vs. $117.91 billion expected", "$119.58 billion", "revenue"),
    ("Revenue: $119.58 billion vs. $117.91 billion expected", "$117.91 billion", "revenue"),
    ("Mac revenue $7.78B (vs $7.80B expected)", "$7.80B", "mac revenue"),
    ("Gross margin: 45.9% vs. 45.3% expected", "45.3%", "gross margin"),
    ("Acme posted revenue of $4 billion.", "$4 billion", "revenue"),
    # a forecast named by who made it, or set against the actual before it
    (
        "Profit per share was $2.18, surpassing the Wall Street consensus forecast of $2.11.",
        "$2.11",
        "earnings per share",
    ),
    (
        "Acme earned $2.18 a share, topping $2.11 that analysts had predicted.",
        "$2.11",
        "earnings per share",
    ),
    ("Analysts expected revenue around $117.91 billion.", "around $117.91 billion", "revenue"),
    ("Services revenue was $23.12B, below estimates of $23.35B.", "$23.35B", "services revenue"),
    ("Sales in the Greater Ossa region dropped 12%.", "12%", "revenue change"),
    # earnings per share, however written; a dividend per share is another measure
    ("Earnings per share: $2.18 vs. $2.10 expected", "$2.18", "earnings per share"),
    ("EPS $2.18 (vs $2.10 expected)", "$2.10", "earnings per share"),
    ("Profit per share was $2.18.", "$2.18", "earnings per share"),
    ("Acme earned $2.18 per share.", "$2.18", "earnings per share"),
    ("Acme will pay a dividend of 24 cents per share.", "24 cents", "dividend per share"),
    # what a share costs is neither
    ("Acme stock closed at $151.46 per share.", "$151.46", "share price"),
    ("The shares were priced at $20 a share.", "$20", "share price"),
    ("Acme shares closed up 2.3% at $151.46 per share.", "$151.46", "share price"),
    # no measure word beside the figure: the subject of its verb says what it measures
    ("Gross margin widened to 45.9% in the quarter.", "45.9%", "gross margin"),
    ("Revenue, meanwhile, jumped 25 percent to $40.11 billion.", "25 percent", "revenue change"),
    ("Revenue, meanwhile, jumped 25 percent to $40.11 billion.", "$40.11 billion", "revenue"),
    ("Operating income more than doubled to $17.2 billion.", "$17.2 billion", "operating profit"),
    ("Earnings per share climbed to $2.18.", "$2.18", "earnings per share"),
    # a level reached after a change noun: what the change is in
    ("Ossa posted a 25% rise in revenue, reaching $40.1 billion.", "$40.1 billion", "revenue"),
    # the level left, told before or after the level reached
    ("The jobless rate dipped from 3.9% to 3.8%.", "3.9%", "earlier jobless rate"),
    ("The jobless rate dipped from 3.9% to 3.8%.", "3.8%", "jobless rate"),
    ("The jobless rate edged down to 3.8%, from 3.9%.", "3.9%", "earlier jobless rate"),
    ("Sales fell to $20.8 billion from $23.9 billion.", "$23.9 billion", "earlier revenue"),
    # ... unless a year-earlier phrase dates it instead
    ("Sales fell to $20.8 billion from $23.9 billion a year earlier.", "$23.9 billion", "revenue"),
    # negative: a subject that says whose, not what (a name, a pronoun), measures nothing
    ("Ossa Motors earned $14 billion.", "$14 billion", None),
    ("Turnout was 66.7%.", "66.7%", "turnout"),
    ("It jumped 25 percent.", "25 percent", None),
    # a toll counts the dead, an injury toll does not
    ("A UN agency put the death toll at more than 670 people.", "more than 670 people", "killed"),
    ("The injury toll rose to 120 people.", "120 people", "person"),
    # a percentage level of a profit is its margin; a change of it is not
    ("Gross profit increased to 45% for the quarter.", "45%", "gross margin"),
    ("Net profit rose 20% to $5 billion.", "20%", "net profit change"),
    # nor one that says when, or names a forecast: the clause's grammar says instead
    ("Ad revenue in the fourth quarter was $65.5 billion.", "$65.5 billion", "advertising revenue"),
    ("For the year, the company took in $307.39 billion.", "$307.39 billion", None),
    (
        "The company anticipates revenue to be between $34.6 billion and $37 billion.",
        "$34.6 billion",
        "revenue low end",
    ),
    (
        "The company anticipates revenue to be between $34.6 billion and $37 billion.",
        "$37 billion",
        "revenue high end",
    ),
    (
        "Revenue reached $9.19 billion, compared to the anticipated $8.94 billion.",
        "$8.94 billion",
        "revenue",
    ),
    (
        "Meta posted $40.1 billion in revenue, beating analysts' predictions of $39.2 billion.",
        "$39.2 billion",
        "revenue",
    ),
    ("The year ended with 4% growth.", "4%", None),
]


@pytest.mark.parametrize(("text", "figure", "metric"), METRICS)
def test_metric(text: str, figure: str, metric: str | None) -> None:
    found = claims(text)
    assert (found[figure].metric if figure in found else None) == metric, found.keys()


@pytest.mark.parametrize(
    ("text", "figure", "period"),
    [
        # an election named by its month or year dates its figures
        (
            "In the March general elections, Okafor won 36.68 percent of the votes.",
            "36.68 percent",
            "2025-03",
        ),
        ("Okafor won 303 seats in the 2019 Lok Sabha elections.", "303 seats", "2019"),
        ("The May government won 40 percent of the vote.", "40 percent", None),
        # a baseline's "when" clause is of that year; what follows the clause is not
        (
            "The most deaths since 1918, when 453 people were killed in a fire.",
            "453 people",
            "1918",
        ),
        ("Since 2019, when the law passed, the toll rose to 453 people.", "453 people", None),
        # "respectively" across a dash
        (
            "It won 240 seats - a far cry from the 303 and 282 seats it won in 2019 and 2014, "
            "respectively.",
            "282 seats",
            "2014",
        ),
        # the day of the report that gives a figure is not the figure's period
        ("Tuesday's report showed the jobless rate fell to 3.8%.", "3.8%", None),
        ("Tuesday's jobs data showed 303,000 jobs were added.", "303,000 jobs", None),
        ("Tuesday's storm killed 12 people.", "12 people", "2025-05-06"),
        # ... nor the day its agent announced it
        (
            "Okafor won 58.58 percent, by the final tally announced by the Electoral "
            "Commission on Tuesday.",
            "58.58 percent",
            None,
        ),
        ("Okafor won 58 percent on Tuesday, officials announced.", "58 percent", "2025-05-06"),
    ],
)
def test_the_period_a_sentence_gives(text: str, figure: str, period: str | None) -> None:
    assert claims(text)[figure].period == period


def test_the_last_week_of_something_is_no_period() -> None:
    text = "Okafor consolidated his lead over the last week of the campaign to take 35 seats."
    assert claims(text)["35 seats"].period is None
    assert claims("Okafor took 35 seats last week.")["35 seats"].period is not None


@pytest.mark.parametrize(("text", "figure", "sense", "basis"), SENSES)
def test_sense_and_basis(text: str, figure: str, sense: str, basis: str | None) -> None:
    frame = claims(text)[figure].frame
    assert (frame.sense, key(frame.basis)) == (sense, basis), frame


MODALITIES = [
    # a denied figure claims no value
    ("As none of the candidates obtained 45% of the vote, a runoff follows.", "45%", "negated"),
    ("No party won 76 seats.", "76 seats", "negated"),
    ("Okafor did not win 50% of the vote.", "50%", "negated"),
    ("No fewer than 20 people died.", "No fewer than 20 people", "actual"),
    ("Okafor won 50% of the vote.", "50%", "actual"),
    # a threshold is a target; what a speaker says will be is a forecast, what will be a result not
    ("Candidates must secure 50 percent of the vote to win.", "50 percent", "target"),
    (
        "Okafor fell short of the 45 percent of votes needed to win outright.",
        "45 percent",
        "target",
    ),
    ("A majority requires 272 seats.", "272 seats", "target"),
    ("Mills said the alliance will win over 400 seats.", "over 400 seats", "forecast"),
    ("Analysts had expected revenue of $4.1 billion.", "$4.1 billion", "forecast"),
    ("Revenue is forecast to reach $5 billion.", "$5 billion", "forecast"),
    ("The government aims to build 300,000 homes.", "300,000 homes", "target"),
    ("According to the exit poll, the Greens won 38 seats.", "38 seats", "exit poll"),
    # what analysts and economists say, estimate or expect is a forecast; an agency's is not
    (
        "Economists surveyed by Wirebank had estimated that 213,000 jobs would be added.",
        "213,000 jobs",
        "forecast",
    ),
    ("A magnitude 3.9 aftershock hit Ossa, the geological survey said.", "3.9", "actual"),
    # "A vs. B expected": A is the actual, B the forecast
    ("Revenue: $119.58 billion vs. $117.91 billion expected", "$119.58 billion", "actual"),
    ("Revenue: $119.58 billion vs. $117.91 billion expected", "$117.91 billion", "forecast"),
    # an expectation written after the figure, or before it as an adjective
    ("Revenue was $2.1 billion against the $2.3 billion expected.", "$2.3 billion", "forecast"),
    ("Earnings were 45 cents against the expected 51 cents.", "51 cents", "forecast"),
    ("Earnings were 45 cents against the expected 51 cents.", "45 cents", "actual"),
    ("Earnings were 45 cents, missing the estimated 51 cents.", "estimated 51 cents", "forecast"),
    # a verb with an object ("to add 212,000 jobs") says nothing of who speaks: what the
    # analysts expected further up is still their forecast
    (
        "Analysts had expected employers to add 212,000 jobs and the rate to hold at 3.9%.",
        "3.9%",
        "forecast",
    ),
    # negative: a plain past figure, and "will" about a settled result, are actual
    ("Revenue was $4.3 billion.", "$4.3 billion", "actual"),
    # "could be": of a count or a quantity a guess at what is; of money, a forecast
    ("Kamau said the toll could be closer to 650.", "650", "estimate"),
    ("Revenue could be $40 billion next year.", "$40 billion", "forecast"),
    ("Only seven parties will be represented in the new chamber.", "seven parties", "actual"),
    # a copula's subject says whose figure it is: a consensus estimate is a forecast
    ("The consensus estimate for earnings is $2.57 per share.", "$2.57", "forecast"),
    ("Analysts' forecast for revenue was $62 billion.", "$62 billion", "forecast"),
    ("The final figure for revenue was $62 billion.", "$62 billion", "actual"),
]


@pytest.mark.parametrize(("text", "figure", "modality"), MODALITIES)
def test_modality(text: str, figure: str, modality: str) -> None:
    assert claims(text)[figure].frame.modality == modality


def test_a_baseline_is_never_the_period() -> None:
    found = claims("The party won 31 percent of the vote, its best result since 1987.")
    claim = found["31 percent"]
    assert claim.period is None
    assert key(claim.frame.baseline) == "1987"


# two articles of the same day: (text a, text b, reported?) - the comparison policy
PAIRS = [
    # the same figure of the same thing, disagreeing: reported
    ("The Greens won 38 seats.", "The Greens won 31 seats.", True),
    ("The Olinda fire was 85% contained.", "The Kula fire was 90% contained.", False),
    (
        "Overall, Halberd's revenue was $170 billion.",
        "Overall, North American revenue was $105.5 billion.",
        False,
    ),
    # a name extended by a word the story writes small is a product; by "Corp", the name
    (
        "Overall, Halberd's revenue was $62 billion, and its cloud business grew.",
        "Overall, Halberd Cloud revenue was $33.7 billion.",
        False,
    ),
    (
        "Overall, Halberd's revenue was $62 billion, and its cloud business grew.",
        "Overall, Halberd Corp revenue was $33.7 billion.",
        True,
    ),
    # a place picked out of the whole by "where", a threshold no one reached
    (
        "Okafor won 55.7% of the vote.",
        "Okafor won most provinces and the capital, where she received 57.2% of the vote.",
        False,
    ),
    ("Okafor won 55.7% of the vote.", "No candidate won 45% of the vote.", False),
    ("Okafor won 55.7% of the vote.", "Okafor won 45% of the vote.", True),
    ("The Olinda fire was 85% contained.", "The Olinda fire was 60% contained.", True),
    # a ticket's share is not one of its names' alone, nor a third candidate's
    (
        "In the first round, Massa and Rossi led with 36.7% of votes.",
        "In the first round, Massa led with 30% of votes.",
        False,
    ),
    (
        "In the first round, Massa and Rossi led with 36.7% of votes.",
        "In the first round, Massa and Rossi led with 30% of votes.",
        True,
    ),
    # "a week" is a round figure: a little over a week agrees with it, three weeks does not
    ("The trial lasted a week.", "The trial lasted a little over a week.", False),
    ("The trial lasted a week.", "The trial lasted three weeks.", True),
    # a whole number of weeks is rounded to the week: "almost six" agrees, five does not
    ("The trial lasted almost six weeks.", "The trial lasted six weeks.", False),
    ("The trial lasted five weeks.", "The trial lasted six weeks.", True),
    ("He was jailed for 24 years.", "He was jailed for 25 years.", True),
    # words of the vocabulary that name one measure: income is profit
    ("Halberd's net income was $20.9 billion.", "Halberd's net profit was $14.2 billion.", True),
    (
        "Halberd's operating income was $20.9 billion.",
        "Halberd's net profit was $14.2 billion.",
        False,
    ),
    ("Halberd Motors reported revenue of $4.62 billion.", "Revenue was $4.26 billion.", True),
    ("The earthquake killed 26 people.", "The earthquake killed 21 people.", True),
    # two parties, two players: not compared
    ("The Greens won 38 seats.", "The Liberals won 31 seats.", False),
    ("Dion Okafor ran for 118 yards.", "Jalen Mills threw for 301 yards.", False),
    # a segment vs the total
    ("Acme's cloud revenue was $329 million.", "Acme's revenue was $1.2 billion.", False),
    # a city vs the country
    (
        "The quake destroyed 1,250 buildings in Hatay and 6,000 buildings across the country.",
        "The quake destroyed 6,000 buildings across the country.",
        False,
    ),
    # an aftershock vs the main quake
    ("An aftershock killed 12 people.", "The earthquake killed 300 people.", False),
    # a level vs a change
    ("The Liberals gained 11 seats.", "The Liberals won 38 seats.", False),
    # a forecast vs an actual
    ("Analysts had expected revenue of $4.1 billion.", "Revenue was $4.3 billion.", False),
    # a change year on year vs quarter on quarter
    ("Revenue rose 18% year on year.", "Revenue rose 5% from the previous quarter.", False),
    # the change of one measure vs the change of another, named after "in"
    ("Halberd reported a 9% drop in revenue.", "Halberd reported a 9% drop in deliveries.", False),
    ("Halberd reported a 9% drop in revenue.", "Halberd reported a 7% drop in revenue.", True),
    # a share of votes counted is no share of the vote
    (
        "The Greens won, with 98 percent of votes counted.",
        "The Greens won 25 percent of the vote.",
        False,
    ),
    ("The Greens won 27 percent of the vote.", "The Greens won 25 percent of the vote.", True),
    # people rescued vs people dead; workers found vs workers missing
    ("Two people were pulled from the river.", "Six people are believed dead.", False),
    ("Two workers were found trapped.", "Six workers are still missing.", False),
    ("Six workers are still missing.", "Four workers are still missing.", True),
    # one of many individuals: an age or a tally is compared only when both name whose
    ("The 23-year-old took the first kick.", "The 35-year-old lifted the trophy.", False),
    ("Okafor, 23, scored seven goals.", "Okafor scored eight goals.", True),
    ("The striker scored seven goals.", "The striker scored eight goals.", False),
    # one of many incidents: a minute is compared only when both say whose and what happened
    ("Okafor scored in the 108th minute.", "Okafor scored in the 109th minute.", True),
    ("A penalty came in the 80th minute.", "The equaliser came in the 118th minute.", False),
    ("Okafor scored in the 23rd minute.", "Okafor was booked in the 109th minute.", False),
    # what happened may be the noun the minute is of, or a "when" clause; a role is no name
    (
        "Substitute Tom Okafor slid home an 86th minute winner.",
        "Okafor's goal in the 88th minute won it.",
        True,
    ),
    ("Okafor's goal in the 86th minute won it.", "Okafor came off in the 88th minute.", False),
    (
        "The moment came in the 87th minute when Okafor scored.",
        "Okafor scored in the 86th minute.",
        False,
    ),  # whose the minute is, the "when" clause does not say
    # a rank: the first to do it vs the second
    (
        "Okafor became the first player ever to score a hat-trick in a final.",
        "He became the second player to score a hat-trick in a final.",
        True,
    ),
    # an expected value is a forecast: never compared with the actual, but with other forecasts
    (
        "Halberd reported $2.1bn in revenue, lower than the $2.4bn that was expected.",
        "Halberd's revenue was $2.1 billion.",
        False,
    ),
    (
        "Revenue was $2.1 billion against the $2.4 billion expected.",
        "Revenue of $2.1 billion missed the expected $2.2 billion.",
        True,
    ),
    # a change over the month vs over the last 12 months
    (
        "The index rose 0.3 percent over the month.",
        "The index rose 3.1 percent over the last 12 months.",
        False,
    ),
    # an aggregate without some of its parts is another measure
    (
        "The index for all items less food and energy rose 3.9 percent.",
        "The energy index rose 4.6 percent.",
        False,
    ),
    # a distance from one place, in two units or with a hedge that does not reach
    (
        "The epicentre was 72 kilometres southwest of Marrakech.",
        "The epicentre was some 77 kilometers from Marrakesh.",
        True,
    ),
    (
        "The epicentre was 72 kilometres southwest of Marrakech.",
        "The epicentre was 45 miles southwest of Marrakech.",
        False,
    ),
    (
        "The epicentre was 72 kilometres southwest of Marrakech.",
        "The epicentre was 77 kilometres south of Agadir.",
        False,
    ),
    # a party by its name and by its acronym; another party
    ("Geert Wilders' Party for Freedom (PVV) won 37 seats.", "The PVV won 35 seats.", True),
    ("The Party for Freedom (PVV) won 37 seats.", "The VVD won 24 seats.", False),
    # shares at two moments of a count; at the same moment
    (
        "With 94% of ballots counted, Okafor had 55.8% of the vote.",
        "With 99% of ballots counted, Okafor had 55.69% of the vote.",
        False,
    ),
    (
        "With 99% of ballots counted, Okafor had 55.8% of the vote.",
        "With 99% of ballots counted, Okafor had 51.2% of the vote.",
        True,
    ),
    # a whole-number percentage is a rounding
    ("Okafor won 44% of the vote.", "Okafor won 44.30% of the vote.", False),
    ("Okafor won 44% of the vote.", "Okafor won 45.3% of the vote.", True),
    # two values in one sentence are a contrast, not a contradiction
    (
        "The count gave 14.5 million votes to the winner and 11.5 million votes to the loser.",
        "The winner received 14,476,462 votes.",
        False,
    ),
    # one player's passing yards; his passing vs his rushing yards
    (
        "Jalen Hurts completed 27 passes for 302 yards.",
        "Jalen Hurts completed 27 passes for 304 yards.",
        True,
    ),
    ("Jalen Hurts threw for 304 yards.", "Jalen Hurts rushed for 70 yards.", False),
    # a list's bare figure vs a stated one; the next party's figure is not this one's
    ("The NDA has 292 seats, INDIA 234 and others 17.", "The INDIA bloc won 232 seats.", True),
    ("The NDA has 292 seats, INDIA 234 and others 17.", "The NDA won 292 seats.", False),
    # the level before a change vs the level after it
    ("The toll rose from 232 to 272 people.", "The earthquake killed 272 people.", False),
    # an elliptical level vs a stated one
    ("The D66 party lost 15 seats and now has nine.", "The D66 party won 10 seats.", True),
    # "about" a figure that does not look rounded reaches 2.5%, a rounded one its last digit
    ("The earthquake killed about 2,300 people.", "The earthquake killed 2,500 people.", True),
    ("The earthquake killed about 2,300 people.", "The earthquake killed 2,350 people.", False),
    ("The epicentre was some 77 km from Rabat.", "The epicentre was 72 km from Rabat.", True),
    ("The epicentre was about 40 km from Rabat.", "The epicentre was 43 km from Rabat.", False),
    (
        "He took approximately $10 billion in customer funds.",
        "He stole $8 billion from customers.",
        True,
    ),
    (
        "He took about $10 billion from customers, investors and lenders.",
        "He stole $8 billion from customers.",
        False,
    ),
    # the time left when the winning kick came; a kick by someone else
    (
        "Butker kicked the winning goal with eight seconds left.",
        "With 11 seconds remaining, Butker kicked the winning goal.",
        True,
    ),
    (
        "Butker kicked a goal with eight seconds left.",
        "Elliott scored with 11 seconds left.",
        False,
    ),
    # damaged buildings are not collapsed ones; two counts of collapsed ones are compared
    ("Over 100 buildings were damaged.", "At least 26 buildings collapsed.", False),
    ("Exactly 26 buildings collapsed.", "Exactly 40 buildings collapsed.", True),
    # a forecast against an actual; two sources of the forecast
    ("Acme earned $2.18 per share.", "Earnings per share were $2.11.", True),
    # a name and its acronym, written together in a third article
    ("The Tarvel Popular Front won 178 seats.", "The TPF won 188 seats.", True),
    ("The Tarvel Popular Front won 178 seats.", "The Ossa Front won 188 seats.", False),
    # one place, written shorter; another place
    (
        "The epicentre was 18 km south of Ossa City.",
        "The epicentre was 25 km south of Ossa.",
        True,
    ),
    (
        "The epicentre was 18 km south of Ossa City.",
        "The epicentre was 25 km south of Brin.",
        False,
    ),
    ("Acme earned $2.18 per share.", "Acme will pay a dividend of 24 cents per share.", False),
    # one region's sales, another's
    ("Sales in Ossaland dropped 13 per cent.", "Sales in Brinland dropped 7 per cent.", False),
    # two forecasters' figures for the same thing, told in one sentence beside an actual
    (
        "Acme earned $5.33 per share, beating the Tallis expectation of $5.00 per share and "
        "Wall Street's expectation of $4.96 per share.",
        "Analysts had expected earnings of $4.82 per share.",
        True,
    ),
    # a profit's percentage level against the margin
    ("Gross profit increased to 45% for the quarter.", "The gross margin was 45.9%.", True),
    ("Gross profit increased to 45.9% for the quarter.", "The gross margin was 45.9%.", False),
    # a figure whose measure only the grammar gives, against the same measure
    ("Gross margin widened to 45.9%.", "The gross margin was 42.1%.", True),
    ("Gross margin widened to 45.9%.", "The operating margin was 42.1%.", False),
    # a company's total vs its division's
    (
        "Halberd saw a 9% rise in revenue.",
        "Halberd's storage division saw a 7% rise in revenue.",
        False,
    ),
    # a measure with a modifier that makes it another measure; one spelt two ways
    ("Core inflation rose 3.9%.", "Inflation rose 3.1%.", False),
    ("Cloud services revenue rose 30%.", "Services revenue rose 61%.", False),
    ("Tablet revenue rose 3%.", "Tablet revenues rose 5%.", True),
    ("Okafor's votes share was 44.3%.", "Okafor's vote share was 46.1%.", True),
]


@pytest.mark.parametrize(("a", "b", "reported"), PAIRS)
def test_comparison_policy(tmp_path: Path, a: str, b: str, reported: bool) -> None:
    for name, text in (("a", a), ("b", b)):
        dated(tmp_path, name, f"In 2024, {text[0].lower()}{text[1:]}")
    # a third article names a party and its acronym together
    dated(tmp_path, "c", "In 2024, the Tarvel Popular Front (TPF) held 12 rallies.")
    found = value_conflicts(tmp_path)
    assert bool(found) == reported, [d.message for d in found]


@pytest.mark.parametrize(
    ("b", "reported"),
    [
        # two sources of the forecast disagree; the actual agrees
        ("Analysts had expected revenue of $118.06 billion.", True),
        ("Revenue was $119.58 billion.", False),
        ("Analysts had expected revenue of $117.9 billion.", False),
    ],
)
def test_a_line_that_names_its_figures(tmp_path: Path, b: str, reported: bool) -> None:
    lead = "Acme's results came out on Thursday."
    dated(tmp_path, "a", f"{lead}\nRevenue: $119.58 billion vs. $117.91 billion expected")
    dated(tmp_path, "b", f"{lead} {b}")
    found = value_conflicts(tmp_path)
    assert bool(found) == reported, [d.message for d in found]


@pytest.mark.parametrize(
    ("a", "reported"),
    [
        # a figure with no period is of the only recent month its source states for the
        # measure: the same source's two values of it disagree
        ("Employers added 303,000 jobs in March. The gain of 330,000 jobs was large.", True),
        ("Employers added 303,000 jobs in March. The gain of 303,000 jobs was large.", False),
        # two months stated: the bare figure is of neither
        (
            "Employers added 303,000 jobs in March. In February, employers added 270,000 jobs. "
            "The gain of 330,000 jobs was large.",
            False,
        ),
        # a level never adopts a period ("in the October elections" is another vote)
        ("Okafor won 36.68 percent in the October elections. Okafor won 44.3 percent.", False),
    ],
)
def test_a_figure_without_period_in_a_report_on_one_month(
    tmp_path: Path, a: str, reported: bool
) -> None:
    (tmp_path / "a.md").write_text(f"---\npublished: 2024-04-05\n---\n{a}\n", "utf-8")
    found = value_conflicts(tmp_path, min_confidence=0.0)
    assert bool(found) == reported, [d.message for d in found]


@pytest.mark.parametrize(
    ("b", "reported"),
    [
        # two providers' consensus a cent apart: two forecasts
        ("Analysts had expected earnings of $2.11 per share.", True),
        ("Analysts had expected earnings of $2.10 per share.", False),
    ],
)
def test_forecasts_a_last_digit_apart_are_two(tmp_path: Path, b: str, reported: bool) -> None:
    dated(tmp_path, "a", "In 2024, analysts had expected earnings of $2.10 per share.")
    dated(tmp_path, "b", f"In 2024, {b[0].lower()}{b[1:]}")
    found = value_conflicts(tmp_path)
    assert bool(found) == reported, [d.message for d in found]


def test_actuals_a_last_digit_apart_are_one_value_rounded_two_ways(tmp_path: Path) -> None:
    dated(tmp_path, "a", "In 2024, revenue was $21.30 billion.")
    dated(tmp_path, "b", "In 2024, revenue was $21.31 billion.")
    assert value_conflicts(tmp_path) == []


def test_a_figure_that_names_no_one_is_the_story_subjects(tmp_path: Path) -> None:
    # Halberd is named by most sources, its product Cloudvault by one: "revenue" is Halberd's
    for name in "abc":
        dated(tmp_path, name, "In 2024, Halberd said Halberd's profit was $2 billion.")
    dated(tmp_path, "d", "In 2024, Cloudvault revenue was $1.2 billion.")
    dated(tmp_path, "e", "In 2024, Halberd reported revenue of $4.62 billion.")
    dated(tmp_path, "f", "In 2024, revenue was $4.26 billion.")
    found = value_conflicts(tmp_path)
    assert [sorted({c.source for c in d.claims}) for d in found] == [["e", "f"]]


def test_a_figure_that_names_no_one_is_not_the_one_named_part(tmp_path: Path) -> None:
    # Halberd is the story's subject; the one source that names Cloudvault's growth does not
    # make the total's growth Cloudvault's, but two totals are compared
    for name in "abc":
        dated(tmp_path, name, "In 2024, Halberd said Halberd's profit was $2 billion.")
    dated(tmp_path, "d", "In 2024, Cloudvault revenue rose 9%.")
    dated(tmp_path, "e", "In 2024, revenue rose 18%.")
    assert value_conflicts(tmp_path) == []
    dated(tmp_path, "f", "In 2024, revenue rose 12%.")
    found = value_conflicts(tmp_path)
    assert [sorted({c.source for c in d.claims}) for d in found] == [["e", "f"]]


@pytest.mark.parametrize(
    ("text", "figure", "claimed"),
    [
        # a level at the untold past time a "when" clause names is no claim on its own
        ("Sunak made the pledge when inflation was more than 10%.", "more than 10%", False),
        ("The bank raised rates when inflation hit 5%.", "5%", False),
        # the main clause's figure; a "when" of the future; no "when"
        ("When the quake struck, 300 people were in the building.", "300 people", True),
        ("When revenue reaches $10 billion, the firm will list.", "$10 billion", True),
        ("The bank raised rates as inflation hit 5%.", "5%", True),
    ],
)
def test_a_figure_of_a_past_when_clause(text: str, figure: str, claimed: bool) -> None:
    assert (figure in claims(text)) == claimed


@pytest.mark.parametrize(
    ("named", "reported"),
    [
        # names one source each gives in passing make no story of several entities
        (["Tarvel's employers added 12,000 jobs.", "Ossa's employers added 9,000 jobs."], True),
        # two entities each named by two sources: a figure that names no one is no one's
        (
            [
                "Tarvel's employers added 12,000 jobs.",
                "Tarvel's employers added 12,000 jobs.",
                "Ossa's employers added 9,000 jobs.",
                "Ossa's employers added 9,000 jobs.",
            ],
            False,
        ),
    ],
)
def test_several_entities_are_those_sources_name(
    tmp_path: Path, named: list[str], reported: bool
) -> None:
    for i, text in enumerate(named):
        dated(tmp_path, f"n{i}", f"In March, {text}")
    dated(tmp_path, "a", "In March, employers added 303,000 jobs.")
    dated(tmp_path, "b", "In March, employers added 330,000 jobs.")
    found = [
        d
        for d in check([tmp_path]).discrepancies
        if d.rule == "FC101" and {c.source for c in d.claims} == {"a", "b"}
    ]
    assert bool(found) == reported, [d.message for d in found]


def test_agreement_is_pairwise_never_a_chain(tmp_path: Path) -> None:
    for name, n in (("a", "1,206"), ("b", "1,207"), ("c", "1,208")):
        dated(tmp_path, name, f"The earthquake killed {n} people.")
    found = value_conflicts(tmp_path)
    assert found
    values = {c.fact.text for c in found[0].claims}
    assert {"1,206 people", "1,208 people"} <= values


def test_a_stray_far_value_is_left_out_of_a_near_disagreement(tmp_path: Path) -> None:
    for name, text in (
        ("a", "Revenue was $40.1 billion."),
        ("b", "Revenue was $40.11 billion."),
        ("c", "Revenue reached a record $32.2 billion."),
        ("d", "Revenue was $1 billion."),
    ):
        dated(tmp_path, name, f"In the fourth quarter, {text[0].lower()}{text[1:]}")
    found = value_conflicts(tmp_path)
    assert [sorted(c.fact.text for c in d.claims) for d in found] == [
        ["$32.2 billion", "$40.1 billion", "$40.11 billion"]
    ]
    assert found[0].confidence == 1.0


@pytest.mark.parametrize(
    ("values", "kept"),
    [
        # a stray alone is the conflict (its confidence says how likely)
        (["$40.1 billion", "$1 billion"], {"$40.1 billion", "$1 billion"}),
        # a moved decimal point is never a stray
        (
            ["$86.31 billion", "$86.3 billion", "$863.1 billion", "$80.2 billion"],
            {"$86.31 billion", "$86.3 billion", "$863.1 billion", "$80.2 billion"},
        ),
    ],
)
def test_what_a_stray_is(tmp_path: Path, values: list[str], kept: set[str]) -> None:
    for i, value in enumerate(values):
        dated(tmp_path, f"s{i}", f"In the fourth quarter, revenue was {value}.")
    found = value_conflicts(tmp_path)
    assert [{c.fact.text for c in d.claims} for d in found] == [kept]


def test_a_source_that_contradicts_itself_is_reported(tmp_path: Path) -> None:
    text = "The earthquake killed 190 people.\n\nThe earthquake killed 3,400 people."
    dated(tmp_path, "a", text)
    dated(tmp_path, "b", "Rain fell.")
    found = value_conflicts(tmp_path)
    assert found
    assert "one source disagrees with itself" in found[0].confidence_reasons


def test_claims_command_lists_frames(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from factcheck.cli import main

    (tmp_path / "a.txt").write_text("The Greens won 38 seats, the minister said.\n", "utf-8")
    assert main(["claims", str(tmp_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (claim,) = data["claims"]
    assert claim["frame"]["entity"] == {"key": "greens", "words": "Greens", "how": "subject"}
    assert claim["frame"]["speaker"]["key"] == "minister"
    assert main(["claims", str(tmp_path), "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("source,figure,kind,measure,entity")
    assert "greens" in lines[1]
    assert main(["claims", str(tmp_path)]) == 0
    assert "Greens (subject)" in capsys.readouterr().out


def test_a_missing_pipeline_is_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from factcheck.cli import main

    (tmp_path / "a.txt").write_text("The Greens won 38 seats.\n", "utf-8")
    assert main(["check", str(tmp_path), "--nlp-model", "no_such_pipeline", "--no-cache"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert err[0].startswith("error: the spaCy pipeline 'no_such_pipeline' is not installed")
    assert "install it with" in err[0]


def test_min_confidence_hides_the_unlikely(tmp_path: Path) -> None:
    text = (
        "In 2024, the earthquake killed 190 people.\n\nIn 2024, the earthquake killed 3,400 people."
    )
    dated(tmp_path, "a", text)
    every = check([tmp_path]).discrepancies
    assert every
    assert all(d.confidence < 0.5 for d in every)
    assert check([tmp_path], min_confidence=0.5).discrepancies == []


@pytest.mark.parametrize(
    ("b", "shown", "explanation"),
    [
        # the same digits a power of ten apart: a decimal point moved, not another measure
        ("Revenue was $863.1 billion.", True, "misplaced decimal point"),
        ("Revenue was $8,631 million.", True, "misplaced decimal point"),
        # negative: far apart with other digits is rarely the same measure
        ("Revenue was $9.2 billion.", False, "unexplained"),
        # nor are round figures of two digits, which a power of ten may well separate
        ("Revenue was $8.6 billion.", False, "unexplained"),
    ],
)
def test_a_misplaced_decimal_point_is_not_doubted(
    tmp_path: Path, b: str, shown: bool, explanation: str
) -> None:
    dated(tmp_path, "a", "In 2024, revenue was $86.31 billion.")
    dated(tmp_path, "b", f"In 2024, {b[0].lower()}{b[1:]}")
    (found,) = value_conflicts(tmp_path)
    assert (found.confidence >= 0.5) == shown, found.confidence
    assert found.explanation == explanation


def test_the_parse_memo_bound_never_loses_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck import parse

    monkeypatch.setattr(parse, "_MEMO_LIMIT", 2)
    monkeypatch.setattr(parse, "_MEMO", {})
    parse.parse_sentences(["Revenue rose 5%.", "Profit fell 2%."])
    # one sentence is remembered, one is new, and the bound is reached on the way
    found = parse.parse_sentences(["Revenue rose 5%.", "The Greens won 38 seats."])
    assert [p.text for p in found] == ["Revenue rose 5%.", "The Greens won 38 seats."]


def test_a_source_that_gives_several_kicks_tells_of_several(tmp_path: Path) -> None:
    # one of many (a kick's length): a source with two values tells of two kicks
    dated(
        tmp_path,
        "a",
        "In 2024, Okafor kicked a 27-yard field goal. Okafor missed a 42-yard field goal.",
    )
    dated(tmp_path, "b", "In 2024, Okafor's 27-yard field goal won it.")
    assert value_conflicts(tmp_path) == []
    # one value each, and they differ: reported
    dated(tmp_path, "a", "In 2024, Okafor's 29-yard field goal won it.")
    assert value_conflicts(tmp_path)


def test_a_quantity_of_one_of_many_is_doubted(tmp_path: Path) -> None:
    dated(tmp_path, "a", "In 2024, Okafor ran a 27-yard race.")
    dated(tmp_path, "b", "In 2024, Okafor ran a 42-yard race.")
    found = value_conflicts(tmp_path, min_confidence=0.0)
    assert found
    assert all(d.confidence < 0.5 for d in found)
    assert any("one of several" in r for d in found for r in d.confidence_reasons)


def test_a_frame_goes_through_its_dict_unchanged() -> None:
    from factcheck.facts import frame_from_dict

    found = claims("Gross margin widened to 45.9%, the company said.")
    frame = found["45.9%"].frame
    assert frame.measure is not None
    assert frame.measure.key == "gross margin"
    assert frame_from_dict(frame.to_dict()) == frame


@pytest.mark.parametrize(
    ("b_published", "b_text", "reported"),
    [
        # the same names within a week: one story, whose figures without a period compare
        (
            "2025-05-09",
            "Jurors in Manhattan heard Cohen and Daniels over the six-week blockade of Kessler.",
            True,
        ),
        # the same names a month apart: another story (a later blockade)
        (
            "2025-06-20",
            "Jurors in Manhattan heard Cohen and Daniels over the six-week blockade of Kessler.",
            False,
        ),
        # other names: another story
        (
            "2025-05-09",
            "Jurors in Denver heard Ortiz and Brandt over the six-week blockade of Mallory.",
            False,
        ),
    ],
)
def test_sources_naming_the_same_names_in_a_week_are_one_story(
    tmp_path: Path, b_published: str, b_text: str, reported: bool
) -> None:
    # no main event, no figures in common: only the names say whether they are one story
    a_text = "Jurors in Manhattan heard Cohen and Daniels over the four-week blockade of Kessler."
    dated(tmp_path, "a", a_text)
    dated(tmp_path, "b", b_text, b_published)
    found = value_conflicts(tmp_path)
    assert bool(found) == reported, [d.message for d in found]


@pytest.mark.parametrize(
    ("b", "reported"),
    [
        # a figure equal to a total another source states is the whole, not a part
        ("Votes were counted in 38 provinces.", False),
        # a part another source gives otherwise is still compared
        ("Okafor won in 35 of the 38 provinces.", True),
    ],
)
def test_a_stated_total_is_no_part(tmp_path: Path, b: str, reported: bool) -> None:
    dated(tmp_path, "a", "In 2024, Okafor won in 36 of 38 provinces.")
    dated(tmp_path, "b", f"In 2024, {b[0].lower()}{b[1:]}")
    found = value_conflicts(tmp_path)
    assert bool(found) == reported, [d.message for d in found]


ACHIEVEMENTS = [
    # what a rank is of: the infinitive after its noun, however the parser hangs it
    ("Okafor became the sixth man to win the Ossa Open.", "sixth man", "win open"),
    (
        "The World No.3 has become the second player in the professional era after Brandt "
        "to win his first four major finals.",
        "second player",
        "win final",
    ),
    (
        "This victory makes Okafor the fourth player in the Open Era to win four Grand Slams "
        "by the age of 21.",
        "fourth player",
        "win slam age",
    ),
]


@pytest.mark.parametrize(("text", "figure", "key"), ACHIEVEMENTS)
def test_a_rank_is_of_its_achievement(text: str, figure: str, key: str) -> None:
    found = {c.fact.text.split(" to ")[0]: c for c in claims(text).values()}
    predicate = found[figure].frame.predicate
    assert predicate is not None
    assert predicate.key == key


def test_a_rank_without_an_infinitive_has_no_achievement() -> None:
    found = {c.fact.text: c for c in claims("Okafor finished in fourth place.").values()}
    assert all(
        c.frame.predicate is None or c.frame.predicate.how != "infinitive" for c in found.values()
    )
