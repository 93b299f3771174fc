"""Length-preserving normalisation: typography, blanking spans, masking URLs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.textnorm import (
    TYPOGRAPHY_TABLE,
    blank,
    blank_spans,
    mask_urls,
    normalize_typography,
)

# Text with every kind of character the table maps, and ordinary text around it.
TRICKY = st.text(
    alphabet=st.one_of(
        st.characters(),
        st.sampled_from([chr(k) for k in TYPOGRAPHY_TABLE]),
        st.sampled_from(list("\n\r\t @./:-_wh")),
    )
)

TYPOGRAPHY = [
    ("left single quote", "\u2018quoted\u2019", "'quoted'"),
    ("low-9 and reversed quotes", "\u201aa\u201b", "'a'"),
    ("prime", "5\u2032", "5'"),
    ("double quotes", "\u201cHi\u201d \u201eLo\u201f", '"Hi" "Lo"'),
    ("double prime", "12\u2033", '12"'),
    ("en dash range", "2019\u20132023", "2019-2023"),
    ("em dash", "a\u2014b", "a-b"),
    ("figure dash", "555\u20121234", "555-1234"),
    ("minus sign", "\u22125%", "-5%"),
    ("non-breaking hyphen", "Sino\u2011Russian", "Sino-Russian"),
    ("hyphen", "e\u2010commerce", "e-commerce"),
    ("no-break space", "$245\u00a0billion", "$245 billion"),
    ("narrow no-break space", "20\u202f000", "20 000"),
    ("thin and hair spaces", "a\u2009b\u200ac", "a b c"),
    ("figure space", "1\u2007000", "1 000"),
    ("en and em spaces", "a\u2002b\u2003c\u2006d", "a b c d"),
    ("zero-width characters", "a\u200bb\u200cc\u200dd", "a b c d"),
    ("byte order mark", "\ufeffText", " Text"),
    ("soft hyphen", "inter\u00adnational", "inter national"),
    ("tab", "a\tb", "a b"),
    ("CRLF keeps the line break", "one\r\ntwo", "one \ntwo"),
    ("line separator", "a\u2028b", "a\nb"),
    ("plain ASCII unchanged", "Trade rose 5% to $245 billion.", "Trade rose 5% to $245 billion."),
    (
        "other non-ASCII unchanged",
        "Zelenskyy caf\u00e9 \u00a3 \u20ac \u2026",
        "Zelenskyy caf\u00e9 \u00a3 \u20ac \u2026",
    ),
    ("empty", "", ""),
]


@pytest.mark.parametrize(
    ("raw", "expected"), [c[1:] for c in TYPOGRAPHY], ids=[c[0] for c in TYPOGRAPHY]
)
def test_normalize_typography(raw: str, expected: str) -> None:
    assert normalize_typography(raw) == expected
    assert len(normalize_typography(raw)) == len(raw)


def test_table_maps_one_char_to_one_char() -> None:
    assert all(len(v) == 1 for v in TYPOGRAPHY_TABLE.values())
    assert "\n" not in {chr(k) for k in TYPOGRAPHY_TABLE}


@given(TRICKY)
def test_normalize_typography_keeps_length_and_matches_translate(s: str) -> None:
    out = normalize_typography(s)
    assert len(out) == len(s)
    assert out == s.translate(TYPOGRAPHY_TABLE)
    assert normalize_typography(out) == out


BLANKS = [
    ("one span", "abcdef", [(1, 3)], "a  def"),
    ("keeps line breaks", "ab\ncd\nef", [(1, 7)], "a \n  \n f"),
    ("overlapping spans merge", "abcdefgh", [(1, 4), (2, 6)], "a     gh"),
    ("unsorted spans", "abcdefgh", [(6, 7), (0, 1)], " bcdef h"),
    ("clipped to the text", "abc", [(-5, 1), (2, 99)], " b "),
    ("empty and reversed spans ignored", "abc", [(1, 1), (2, 0)], "abc"),
    ("no spans", "abc", [], "abc"),
    ("whole text", "a\nb", [(0, 3)], " \n "),
]


@pytest.mark.parametrize(
    ("text", "spans", "expected"), [c[1:] for c in BLANKS], ids=[c[0] for c in BLANKS]
)
def test_blank_spans(text: str, spans: list[tuple[int, int]], expected: str) -> None:
    assert blank_spans(text, spans) == expected


def test_blank_is_one_span() -> None:
    assert blank("one two\nthree", 4, 10) == "one    \n  ree"


@given(
    st.text(alphabet="ab \n"),
    st.lists(st.tuples(st.integers(-3, 40), st.integers(-3, 40)), max_size=6),
)
def test_blank_spans_properties(text: str, spans: list[tuple[int, int]]) -> None:
    out = blank_spans(text, spans)
    assert len(out) == len(text)
    for i, (before, after) in enumerate(zip(text, out, strict=True)):
        inside = any(max(a, 0) <= i < b for a, b in spans if b > a)
        if before == "\n" or not inside:
            assert after == before
        else:
            assert after == " "


MASKED = [
    (
        "https URL",
        "See https://example.com/2025/05/08/story for more.",
        "https://example.com/2025/05/08/story",
    ),
    ("http URL with query", "Link: http://x.org/a?id=245&y=3", "http://x.org/a?id=245&y=3"),
    ("www address", "Visit www.example.org/page2 today", "www.example.org/page2"),
    ("upper-case WWW", "Visit WWW.EXAMPLE.ORG now", "WWW.EXAMPLE.ORG"),
    (
        "e-mail address",
        "Write to news.desk+2025@example.co.uk please",
        "news.desk+2025@example.co.uk",
    ),
    ("URL before full stop", "Source: https://stats.gov.cn/2024.", "https://stats.gov.cn/2024"),
    ("URL in parentheses", "(https://example.com/a/1)", "https://example.com/a/1"),
    ("URL in quotes", 'href "https://example.com/9"', "https://example.com/9"),
]


@pytest.mark.parametrize(("text", "url"), [c[1:] for c in MASKED], ids=[c[0] for c in MASKED])
def test_mask_urls(text: str, url: str) -> None:
    out = mask_urls(text)
    start = text.index(url)
    assert out[start : start + len(url)] == " " * len(url)
    assert out[:start] == text[:start]
    assert out[start + len(url) :] == text[start + len(url) :]


NOT_MASKED = [
    ("decimal figures", "Trade rose 3.5 per cent to $245.8 billion."),
    ("abbreviations", "The U.S. and e.g. the U.K. agreed."),
    ("ratio and time", "The ratio was 1:2 at 10:30 a.m."),
    ("bare at sign", "Meet @ noon; the @handle replied."),
    ("slashes", "24/7 and/or 1/2 of the 2023/24 season"),
    ("domain-like word without www", "cgtn.com reported"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_MASKED], ids=[c[0] for c in NOT_MASKED])
def test_mask_urls_leaves_other_text(text: str) -> None:
    assert mask_urls(text) == text


@given(TRICKY)
def test_mask_urls_keeps_length_and_line_breaks(s: str) -> None:
    out = mask_urls(s)
    assert len(out) == len(s)
    assert [i for i, c in enumerate(out) if c == "\n"] == [i for i, c in enumerate(s) if c == "\n"]
