"""Page furniture: what is flagged, what is not, and the five real sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import _furniture_data as data
from factcheck.furniture import END_REASON, find_furniture
from factcheck.ingest import read_document
from factcheck.textnorm import normalize_typography

SOURCES = Path(__file__).resolve().parent.parent / "sources"

BEFORE = (
    "Chinese President Xi Jinping arrived in Moscow on Monday for a three-day state visit,"
    " his first trip abroad since he secured a third term."
)
AFTER = (
    "Bilateral trade reached a record $245 billion last year, according to Chinese customs"
    " data, and both sides said they expect it to grow further."
)


def flagged(text: str) -> list[tuple[str, str]]:
    """(flagged text, reason) pairs, on typography-normalised text."""
    norm = normalize_typography(text)
    return [(text[a:b], why) for a, b, why in find_furniture(norm)]


# (id, furniture line, reason): each is put between two article paragraphs.
LINES = [
    ("exit mobile version", "Exit mobile version", "furniture phrase"),
    ("scroll to top", "scroll to top", "furniture phrase"),
    ("back to top with arrow", "Back to top \u2191", "furniture phrase"),
    ("share this post on", "Share This Post On", "furniture phrase"),
    ("share with colon", "Share:", "furniture phrase"),
    ("gallery caption", "1 of 3 | Crowds pray for the victims on Friday.", "furniture prefix"),
    ("read more with colon", "Read More:", "furniture phrase"),
    ("read more with guillemet", "Read more \u00bb", "furniture phrase"),
    ("related", "Related", "furniture phrase"),
    ("advertisement upper case", "ADVERTISEMENT", "furniture phrase"),
    ("skip to content", "Skip to content", "furniture phrase"),
    ("print", "  Print  ", "furniture phrase"),
    ("subscribe", "Subscribe", "furniture phrase"),
    ("bulleted phrase", "\u2022 Share this article", "furniture phrase"),
    (
        "photo credit",
        "Photo credit: Kremlin: Clicked by: Grigoriy Sisoev, RIA Novosti",
        "furniture prefix",
    ),
    ("photo", "Photo: Xi and Putin in Moscow on May 8, 2025 (Reuters)", "furniture prefix"),
    ("image", "Image: Kremlin press service", "furniture prefix"),
    ("tags", "Tags: #XiJinping #WorldNews", "furniture prefix"),
    ("edited by", "Edited By: Ashelyn Wagner", "furniture prefix"),
    ("edited by without colon", "Edited by Jane Doe", "furniture prefix"),
    ("written by", "Written by John Smith, Moscow correspondent", "furniture prefix"),
    ("references", "Reference(s):", "furniture prefix"),
    ("read more link", "Read more: Xi and Putin sign 20 agreements", "furniture prefix"),
    ("follow us", "Follow us on X and Telegram", "furniture prefix"),
    ("sign up", "Sign up for our daily briefing", "furniture prefix"),
    ("click here", "Click here to download the full 2024 report", "furniture prefix"),
    (
        "agency credit",
        "(Reporting by Guy Faulconbridge; Editing by Mark Trevelyan)",
        "furniture prefix",
    ),
    ("copyright year", "Copyright 2025 Example Media Group", "furniture prefix"),
    ("copyright sign", "\u00a9 2025 Example Media. All rights reserved.", "furniture prefix"),
    ("lone domain", "cgtn.com", "domain line"),
    ("lone www domain", "www.example.org", "domain line"),
    ("lone country domain", "news.example.co.uk", "domain line"),
    ("lone URL", "https://www.example.com/2025/05/08/xi-visit", "domain line"),
    (
        "navigation bar",
        "Blog Business Entertainment Environment Health Latest News News Analysis Opinion",
        "navigation bar",
    ),
    ("navigation bar with separators", "Home | World | Business | Sport | Video", "navigation bar"),
    ("upper-case navigation bar", "NEWS SPORT WEATHER CULTURE", "navigation bar"),
    ("share buttons", "Facebook Twitter WhatsApp Email", "share buttons"),
    ("subscription call", "Subscribe to our newsletter for the latest news", "furniture prefix"),
    ("newsletter call", "Get our free newsletter in your inbox", "promotional blurb"),
    ("sign up call", "Sign-up for free to keep reading.", "promotional blurb"),
    ("login call", "Log in to continue reading.", "promotional blurb"),
    ("support journalism", "Support fearless and fair journalism today.", "promotional blurb"),
    ("become a member", "Become a member and get unlimited access.", "promotional blurb"),
    ("rights reserved", "All rights reserved.", "furniture prefix"),
    ("already a subscriber", "Already a subscriber? Log in", "promotional blurb"),
]


@pytest.mark.parametrize(("line", "reason"), [c[1:] for c in LINES], ids=[c[0] for c in LINES])
def test_furniture_line(line: str, reason: str) -> None:
    text = f"{BEFORE}\n\n{line}\n\n{AFTER}"
    assert flagged(text) == [(line, reason)]


# (id, line): article text that must never be flagged.
NOT_FURNITURE = [
    ("part of a total", "Two of 3 | not a caption: 2 of the 3 dams burst on Sunday."),
    ("title-case headline", "China and Russia Strengthen Ties with President Xi Visit to Moscow"),
    (
        "headline with section words",
        "World Leaders Gather in Moscow for Business and Science Talks",
    ),
    ("heading", "Strengthening Bilateral Trust Amid Global Flux"),
    ("sentence mentioning subscribers", "Netflix added 9 million subscribers in the quarter."),
    ("subscription revenue", "Subscription revenue rose 12% to $3.2 billion."),
    ("support for a bill", "Support for the bill rose to 55% in May."),
    ("share of trade", "Share of trade settled in yuan rose to 95%."),
    ("photo in prose", "Photos taken at the parade showed 10,000 troops."),
    (
        "written by in prose",
        "Written by hand in 1946, the telegram ran to 8,000 words and changed US policy.",
    ),
    ("copyright in prose", "Copyright disputes cost the industry $2 billion a year."),
    ("related in prose", "Related talks are planned for 2026."),
    ("comments in prose", "Comments by Wang Yi on May 10 drew a sharp response."),
    (
        "more from in prose",
        "More from the summit: both sides signed 20 agreements, officials said.",
    ),
    ("abbreviation line", "U.S."),
    ("place name with dot", "St.Petersburg"),
    ("short repeated line", "Xi said so."),
    ("quoted appeal", '"Support our journalism," the editor said.'),
    ("section words in prose", "Business, technology and health cooperation were on the agenda."),
]


@pytest.mark.parametrize("line", [c[1] for c in NOT_FURNITURE], ids=[c[0] for c in NOT_FURNITURE])
def test_not_furniture(line: str) -> None:
    text = f"{line}\n\n{BEFORE}\n\n{line}\n\n{AFTER}\n\n{line}"
    assert [f for f in flagged(text) if f[0] != line or f[1] != "duplicate line"] == []
    if len(line) < 20:  # short lines are never duplicates
        assert flagged(text) == []


END_MARKERS = [
    "Leave a Reply",
    "Leave a comment",
    "Comments",
    "3 Comments",
    "Comments (12)",
    "Related Articles",
    "Related posts",
    "You may also like",
    "More from Example News",
    "Best of Example News",
    "Recommended",
]


@pytest.mark.parametrize("marker", END_MARKERS)
def test_end_marker_cuts_to_the_end(marker: str) -> None:
    text = f"{BEFORE}\n\n{marker}\n\nXi visits Beijing in 2026\n{AFTER}\n"
    start = text.index(marker)
    assert find_furniture(text) == [(start, len(text), END_REASON)]


SENTENCES = [
    "The two leaders signed 20 agreements on energy and trade on Tuesday.",
    "Officials said the talks would resume in Beijing next year, after the summit.",
    "Trade between the two countries rose 26% in 2023, customs data showed.",
]

#: a list of stories in the middle of a page: its headlines are furniture, the article goes on
SIDEBARS = [
    ("More from Example News", ["Xi Visits Paris In May", "Putin Meets Xi In Beijing"]),
    ("Related Stories", ["Oil Prices Climb As Talks Stall"]),
    ("RELATED STORIES", []),  # the list's links were not kept: only the marker is left
]


@pytest.mark.parametrize(("marker", "headlines"), SIDEBARS)
def test_a_list_of_stories_in_the_middle_does_not_end_the_article(
    marker: str, headlines: list[str]
) -> None:
    text = "\n".join([BEFORE, "", marker, *headlines, "", *SENTENCES, AFTER]) + "\n"
    assert flagged(text) == [
        (marker, "furniture phrase"),
        *((h, "related links") for h in headlines),
    ]


NOT_SIDEBARS = [
    # headlines with their summaries: a list of stories to the end
    ["Xi Visits Paris In May", SENTENCES[0], "Putin Meets Xi In Beijing", SENTENCES[1]],
    # too few sentences after the headlines
    ["Xi Visits Paris In May", SENTENCES[0], SENTENCES[1]],
    # too many headlines
    [f"Headline Number {n} Of The List" for n in range(6)] + SENTENCES,
]


@pytest.mark.parametrize("after", NOT_SIDEBARS)
def test_a_list_of_stories_that_is_not_a_sidebar_ends_the_article(after: list[str]) -> None:
    text = "\n".join([BEFORE, "", "Related Articles", *after]) + "\n"
    start = text.index("Related Articles")
    assert find_furniture(text) == [(start, len(text), END_REASON)]


def test_a_comment_marker_ends_the_article_whatever_follows() -> None:
    text = "\n".join([BEFORE, "", "Leave a Reply", *SENTENCES]) + "\n"
    start = text.index("Leave a Reply")
    assert find_furniture(text) == [(start, len(text), END_REASON)]


@pytest.mark.parametrize("marker", ["3 Comments", "Leave a comment", "Related Articles"])
def test_end_marker_before_any_prose_is_one_line(marker: str) -> None:
    text = f"Xi Arrives in Moscow\n{marker}\n\n{BEFORE}\n\n{AFTER}"
    assert flagged(text) == [(marker, "furniture phrase")]


def test_duplicate_line_with_other_quotes() -> None:
    title = "Xi\u2019s Moscow visit \u2013 a herald of stronger Sino-Russian ties"
    again = "Xi's Moscow visit \u2013 a herald of stronger Sino-Russian ties"
    text = f"{title}\n\n{BEFORE}\n\n{again}\n\n{AFTER}"
    assert flagged(text) == [(again, "duplicate line")]


def test_duplicate_caption() -> None:
    caption = "Chinese President Xi Jinping and Russian President Vladimir Putin in Moscow"
    text = f"{caption}\n{caption}\n\n{BEFORE}"
    assert flagged(text) == [(caption, "duplicate line")]


BLURBS = [
    "You need to login to leave a comment. Log-in is a Global Media House Initiative.",
    "Example Daily was founded in 2020 as an alternative to mainstream media which is fraught"
    " with misinformation. We have a strong dedication to publishing authentic news that abides"
    " by the principles of journalism and we answer only to our readers, nobody else at all.",
    "Our team of journalists work relentlessly to deliver real stories. To keep our operations"
    " running, We need sponsors and subscribers to our news portal. Kindly sponsor or subscribe"
    " to make it possible for us to give free access to our portal and reach everyone.",
    "Your contributions help us to expand our organisation, making our news accessible to more"
    " people and deepening our impact on the media, now and for years to come.",
    "Support fearless and fair journalism today.",
]


def test_blurbs_in_the_tail() -> None:
    text = f"{BEFORE}\n\n{AFTER}\n\n" + "\n\n".join(BLURBS)
    assert flagged(text) == [(b, "promotional blurb") for b in BLURBS]


def test_long_blurb_in_the_middle_is_kept() -> None:
    long_blurbs = [b for b in BLURBS if len(b) >= 200]
    text = "\n\n".join([BEFORE, *long_blurbs, AFTER])
    assert flagged(text) == []


@pytest.mark.parametrize(
    "last",
    [
        "Netflix said subscribers grew by 9 million to 301.6 million in the last quarter of 2024.",
        '"We need more readers and subscribers," the chief executive of the newspaper group said.',
        "The newspaper said its journalism had won 3 awards and that sponsors had pledged $2 million.",
    ],
)
def test_article_prose_at_the_end_is_kept(last: str) -> None:
    assert flagged(f"{BEFORE}\n\n{AFTER}\n\n{last}\n") == []


# The five real articles in sources/: everything flagged, in order.
REAL = {
    "china-russia-strengthen-ties-with-xi-visit": [
        ("Blog Business Entertainment Environment", "navigation bar"),
        ("Edited By: Ashelyn Wagner", "furniture prefix"),
        ("Share This Post On", "furniture phrase"),
        ("Tags: #XiJinping #WorldNews", "furniture prefix"),
        ("Leave a comment\n", END_REASON),
    ],
    "xi-joins-putin-for-victory-day-anniversary": [
        ("Reference(s):", "furniture prefix"),
        ("cgtn.com", "domain line"),
    ],
    "xi-moscow-visit-hailed-complete-success": [
        ("Leave a Reply", END_REASON),
    ],
    "xi-moscow-visit-herald-of-stronger-ties": [
        ("Xi's Moscow visit \u2013 a herald of stronger Sino-Russian ties", "duplicate line"),
        ("Photo credit: Kremlin", "furniture prefix"),
        ("Leave a comment\nscroll to top", END_REASON),
    ],
    "xi-putin-pledge-unity-in-new-era": [
        (
            "Chinese President Xi Jinping and Russian President Vladimir Putin enter",
            "duplicate line",
        ),
        ("Read More:", "furniture phrase"),
        ("Exit mobile version", "furniture phrase"),
    ],
}


def _real(name: str) -> str:
    return (SOURCES / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_sources(name: str) -> None:
    text = _real(name)
    found = flagged(text)
    assert len(found) == len(REAL[name])
    for (got, why), (start, reason) in zip(found, REAL[name], strict=True):
        assert got.startswith(start)
        assert why == reason
        if reason != END_REASON:
            assert "\n" not in got


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_sources_flag_no_article_sentence(name: str) -> None:
    text = _real(name)
    spans = find_furniture(normalize_typography(text))
    end = next((a for a, _, why in spans if why == END_REASON), len(text))
    kept = [line for line in text[:end].split("\n") if len(line) >= 150]
    for a, b, _ in spans:
        for line in kept:
            start = text.index(line)
            assert b <= start or a >= start + len(line), f"article line flagged: {line[:60]}"
    # Every paragraph before the end marker that reads like prose is kept.
    assert kept


def test_real_blurbs_without_the_end_marker() -> None:
    text = _real("china-russia-strengthen-ties-with-xi-visit").replace("Leave a comment\n", "\n")
    blurbs = [got for got, why in flagged(text) if why == "promotional blurb"]
    assert [b[:25] for b in blurbs] == [
        "You need to login to leav",
        "TheSocialTalks was founde",
        "Our team of journalists a",
        "Your contributions help u",
        "Support fearless and fair",
    ]


TOKENS = [*"ab .,:\n\t#|@-", "Read more", "Leave a Reply", "\u00a9", "News World ", "x.com", BEFORE]


@given(st.lists(st.sampled_from(TOKENS)).map("".join))
def test_spans_are_valid(text: str) -> None:
    spans = find_furniture(text)
    assert spans == sorted(spans)
    last_end = 0
    for a, b, why in spans:
        assert last_end <= a <= b <= len(text)
        assert why
        last_end = b


@given(st.text())
def test_never_crashes(text: str) -> None:
    for a, b, _ in find_furniture(text):
        assert 0 <= a <= b <= len(text)


LISTS = [
    data.PHRASE_LINES,
    data.END_MARKERS,
    data.LIST_MARKERS,
    data.COLON_PREFIXES,
    data.OPEN_PREFIXES,
    data.SHORT_PREFIXES,
    data.DOMAIN_TLDS,
    data.PROMO_TAIL_STEMS,
    tuple(data.SECTION_WORDS),
    tuple(data.SHARE_WORDS),
]


@pytest.mark.parametrize("phrases", LISTS)
def test_phrase_data_is_lower_case_and_unique(phrases: tuple[str, ...]) -> None:
    assert all(p == p.lower().strip() and p for p in phrases)
    assert len(set(phrases)) == len(phrases)


@pytest.mark.parametrize("pattern", data.PROMO_PATTERNS)
def test_promo_patterns_start_with_a_word(pattern: str) -> None:
    re.compile(pattern)
    assert re.match(r"[a-z]+", pattern)


def test_a_gallery_caption_in_markdown_is_furniture(tmp_path: Path) -> None:
    # Markdown blanks the pipe before furniture is found: the caption is still one
    page = tmp_path / "a.md"
    page.write_text("1 of 3 | Crowds pray for the victims on Friday.\nThe flood hit on Sunday.\n")
    doc = read_document(page)
    assert "Friday" not in doc.match_text
    assert "Sunday" in doc.match_text
