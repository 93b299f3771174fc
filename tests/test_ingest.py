"""Reading articles: formats, front matter, decoding, folders, the offset invariant."""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.errors import SourceError
from factcheck.facts import Document
from factcheck.ingest import (
    SUPPORTED_SUFFIXES,
    document_from_text,
    iter_documents,
    parse_published,
    read_document,
)
from factcheck.textnorm import normalize_typography

SOURCES = Path(__file__).resolve().parent.parent / "sources"

PROSE = (
    "Bilateral trade reached a record $245 billion last year, according to Chinese customs"
    " data, and both sides said they expect it to grow further."
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


def read_all(
    *paths: str | Path, stdin: io.StringIO | None = None
) -> tuple[list[Document], list[str]]:
    errors: list[SourceError] = []
    docs = list(iter_documents(list(paths), on_error=errors.append, stdin=stdin))
    return docs, [str(e) for e in errors]


# ------------------------------------------------------------------ formats

FORMATS = [
    ("txt", "a.txt", "txt"),
    ("md", "a.md", "md"),
    ("markdown", "a.markdown", "md"),
    ("html", "a.html", "html"),
    ("htm", "a.htm", "html"),
    ("upper-case suffix", "A.TXT", "txt"),
    ("unknown suffix read as text", "a.text", "txt"),
]


@pytest.mark.parametrize(("name", "fmt"), [c[1:] for c in FORMATS], ids=[c[0] for c in FORMATS])
def test_format_from_suffix(tmp_path: Path, name: str, fmt: str) -> None:
    doc = read_document(write(tmp_path / name, f"<p>{PROSE}</p>\n"))
    assert doc.format == fmt
    assert doc.id == Path(name).stem
    assert doc.path == str(tmp_path / name)
    assert doc.text == f"<p>{PROSE}</p>\n"
    assert len(doc.match_text) == len(doc.text)
    assert "$245 billion" in doc.match_text


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".markdown", ".html", ".htm")


# ------------------------------------------------------------- front matter

FRONT_MATTER = """---
title: "Xi\u2019s visit to Moscow"
outlet: Example News
url: https://example.com/2025/05/08/xi
published: 2025-05-08
author: Jane Doe
tags: [china, russia]
---
# Xi in Moscow

{prose}
""".replace("{prose}", PROSE)


def test_front_matter_keys(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path / "a.md", FRONT_MATTER))
    assert doc.title == "Xi\u2019s visit to Moscow"
    assert doc.outlet == "Example News"
    assert doc.url == "https://example.com/2025/05/08/xi"
    assert doc.published.date == dt.date(2025, 5, 8)
    assert doc.published.granularity == "day"
    assert doc.published.method == "front-matter"
    assert doc.published.evidence == "2025-05-08"
    assert doc.meta == {"author": "Jane Doe", "tags": ["china", "russia"]}
    assert doc.warnings == ()
    head_end = FRONT_MATTER.index("# Xi")
    assert doc.match_text[:head_end].strip() == ""  # the block is blanked ...
    assert doc.match_text[:head_end].count("\n") == 8  # ... lines kept
    assert "2025" not in doc.match_text
    assert doc.match_text[head_end:].lstrip().startswith("Xi in Moscow")


PUBLISHED = [
    ("YAML date", "published: 2025-05-08", dt.date(2025, 5, 8), "day", "2025-05-08"),
    ("quoted date", "published: '2025-05-08'", dt.date(2025, 5, 8), "day", "2025-05-08"),
    ("date and time Z", "published: 2025-05-08T23:30:00Z", dt.date(2025, 5, 8), "day", None),
    (
        "time with offset",
        "published: '2025-05-08T01:00:00+03:00'",
        dt.date(2025, 5, 8),
        "day",
        None,
    ),
    ("month", "published: 2025-05", dt.date(2025, 5, 1), "month", "2025-05"),
    ("year", "published: 2025", dt.date(2025, 1, 1), "year", "2025"),
    ("date key", "date: 2023-03-20", dt.date(2023, 3, 20), "day", "2023-03-20"),
    (
        "published wins over date",
        "published: 2025-05-08\ndate: 2020-01-01",
        dt.date(2025, 5, 8),
        "day",
        None,
    ),
    (
        "empty published, then date",
        "published:\ndate: 2023-03",
        dt.date(2023, 3, 1),
        "month",
        "2023-03",
    ),
]


@pytest.mark.parametrize(
    ("line", "day", "granularity", "evidence"),
    [c[1:] for c in PUBLISHED],
    ids=[c[0] for c in PUBLISHED],
)
def test_published_forms(line: str, day: dt.date, granularity: str, evidence: str | None) -> None:
    doc = document_from_text(f"---\n{line}\n---\n{PROSE}\n", fmt="md", path="a.md")
    assert (doc.published.date, doc.published.granularity) == (day, granularity)
    assert doc.published.method == "front-matter"
    if evidence is not None:
        assert doc.published.evidence == evidence
    assert doc.warnings == ()
    assert "published" not in doc.meta
    assert "date" not in doc.meta


NOT_DATES = [
    ("words", "published: yesterday", "'published' is not a date: 'yesterday'", 3),
    ("bad month", "published: 2025-13", "'published' is not a date: '2025-13'", 3),
    ("bad day", "published: '2025-02-30'", "'published' is not a date: '2025-02-30'", 3),
    ("date key", "date: soon", "'date' is not a date: 'soon'", 3),
    ("list", "published: [2025]", "'published' is not a date: '[2025]'", 3),
]


@pytest.mark.parametrize(
    ("line", "message", "lineno"), [c[1:] for c in NOT_DATES], ids=[c[0] for c in NOT_DATES]
)
def test_published_not_a_date(line: str, message: str, lineno: int) -> None:
    text = f"---\ntitle: T\n{line}\n---\n{PROSE}\n"
    doc = document_from_text(text, fmt="md", path="a.md")
    assert doc.published.method == "unknown"
    assert doc.published.date is None
    assert doc.warnings == (f"a.md:{lineno}: front matter {message}",)
    assert doc.title == "T"


def test_invalid_yaml_front_matter(tmp_path: Path) -> None:
    text = f"---\ntitle: Xi\ntags: [china, russia\nauthor: x\n---\n{PROSE}\n"
    path = write(tmp_path / "bad.md", text)
    doc = read_document(path)
    assert len(doc.warnings) == 1
    assert re.fullmatch(
        rf"{re.escape(str(path))}:[34]: invalid YAML front matter ignored: .+", doc.warnings[0]
    )
    assert doc.title is None
    assert doc.meta == {}
    assert doc.match_text[: text.index(PROSE)].strip() == ""
    assert PROSE in doc.match_text


def test_front_matter_not_a_mapping() -> None:
    doc = document_from_text(f"---\n- a\n- b\n---\n{PROSE}", fmt="md", path="l.md")
    assert doc.warnings == ("l.md:2: front matter is not a mapping of keys to values, ignored",)


def test_no_closing_front_matter_fence_is_a_rule() -> None:
    doc = document_from_text(f"---\n{PROSE}\n", fmt="md")
    assert doc.match_text == f"   \n{PROSE}\n"
    assert doc.meta == {}


def test_front_matter_only_in_markdown() -> None:
    text = f"---\ntitle: X\n---\n{PROSE}"
    doc = document_from_text(text, fmt="txt")
    assert doc.title is None
    assert "title: X" in doc.match_text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-05-08", (dt.date(2025, 5, 8), "day")),
        (dt.datetime(2025, 5, 8, 23, 0), (dt.date(2025, 5, 8), "day")),
        (dt.date(2025, 5, 8), (dt.date(2025, 5, 8), "day")),
        ("2025-05-08T10:00:00.000Z", (dt.date(2025, 5, 8), "day")),
        (" 2025 ", (dt.date(2025, 1, 1), "year")),
        (2025, (dt.date(2025, 1, 1), "year")),
        ("May 8, 2025", None),
        ("", None),
        (True, None),
        (25, None),
        (None, None),
    ],
)
def test_parse_published(value: object, expected: object) -> None:
    assert parse_published(value) == expected


# ----------------------------------------------------------------- markdown


def spaced(line: str, *marks: str) -> str:
    """``line`` with each of ``marks`` (found left to right) replaced by spaces."""
    pos = 0
    for mark in marks:
        at = line.index(mark, pos)
        line = line[:at] + " " * len(mark) + line[at + len(mark) :]
        pos = at + len(mark)
    return line


# (id, line, the bits of markup that become spaces)
MARKDOWN = [
    ("heading marks", "## Trade in 2024", ["##"]),
    ("closing heading marks", "# Title #", ["#", " #"]),
    ("emphasis", "It was **$245 billion** and *big*", ["**", "**", "*", "*"]),
    ("underscore emphasis", "a __bold__ _word_ snake_case", ["__", "__", "_", "_"]),
    ("link url", "See [the report](https://x.org/2023/9) now", ["[", "](https://x.org/2023/9)"]),
    ("image", "![Xi in 2019](a/2019.jpg) text", ["![Xi in 2019](a/2019.jpg)"]),
    ("blockquote", "> Trade rose 5%", [">"]),
    ("nested blockquote", "> > Trade rose 5%", ["> >"]),
    ("bullet", "- 20 agreements", ["-"]),
    ("star bullet", "* 20 agreements", ["*"]),
    ("numbered list", "2. Twenty deals", ["2."]),
    ("escaped star kept", r"5 \* 3", ["\\"]),
    ("inline code", "`x = 5`", ["`", "`"]),
    ("horizontal rule", "* * *", ["* * *"]),
    ("setext underline", "=====", ["====="]),
    ("table row", "| 2023 | $240bn |", ["|", "|", "|"]),
    ("table separator", "|---|:---:|", ["|---|:---:|"]),
    ("html comment", "a <!-- 99 --> b", ["<!-- 99 -->"]),
    ("inline html", "a <span class='x'>5</span> b", ["<span class='x'>", "</span>"]),
    ("autolink", "<https://x.org/1>", ["<https://x.org/1>"]),
    ("bare url", "see https://x.org/1 now", ["https://x.org/1"]),
    ("reference definition", "[1]: https://x.org/2024", ["[1]: https://x.org/2024"]),
    ("code fence", "```python", ["```python"]),
    ("plain text unchanged", "Trade rose 5% in 2024 - a record.", []),
    ("hyphenated and snake_case unchanged", "e-commerce snake_case 2-1", []),
]


@pytest.mark.parametrize(("line", "marks"), [c[1:] for c in MARKDOWN], ids=[c[0] for c in MARKDOWN])
def test_markdown_markup(line: str, marks: list[str]) -> None:
    doc = document_from_text(f"{line}\n", fmt="md")
    assert doc.match_text == f"{spaced(line, *marks)}\n"


# --------------------------------------------------------------------- html

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<title>Xi &amp; Putin meet | Example</title>
<meta property="og:title" content="Xi &amp; Putin meet in Moscow">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.com/og">
<link rel="canonical" href="https://example.com/2025/05/08/xi">
<meta property="article:published_time" content="2025-05-08T10:00:00+03:00">
<style>.price:after { content: "$1 billion"; }</style>
<script>window.ad = {budget: "$999 billion", year: 2031};</script>
</head>
<body>
<header><a href="/">Home</a> Subscribe for $5</header>
<nav><a href="/world">World</a> <a href="/2024">2024 archive</a></nav>
<article>
<h1>Xi &amp; Putin meet in Moscow</h1>
<p>Trade reached &pound;245&nbsp;billion in 2024&#8212;a record, up 5&#x25; from 2023&#8217;s level.</p>
<figure><img src="x.jpg" alt="1,000 guests"><figcaption>Xi&rsquo;s 11th visit &copy; Reuters</figcaption></figure>
<!-- 777 hidden comment -->
<p>The two leaders signed more than 20 agreements.</p>
</article>
<aside>Most read: 12 ways to save</aside>
<footer>Copyright 2025 Example</footer>
</body>
</html>
"""


def _check_offsets(doc: Document) -> None:
    """Every character of match_text is the character of text at that offset.

    Exceptions: line breaks put where a block tag starts, and the decoded
    character of a reference ("&amp;"), which stands inside the reference.
    """
    text, match = doc.text, doc.match_text
    assert len(text) == len(match)
    refs = [m.span() for m in re.finditer(r"&#?\w+;?", text)]
    for i, c in enumerate(match):
        if c == " ":
            continue
        if c == "\n" and text[i] in "\n<":
            continue
        if normalize_typography(text[i]) == c:
            continue
        a, b = next((a, b) for a, b in refs if a <= i < b)
        assert normalize_typography(html.unescape(text[a:b])) == c


def test_html_page() -> None:
    doc = document_from_text(PAGE, id="p", path="p.html", fmt="html")
    assert doc.text == PAGE
    _check_offsets(doc)
    match = doc.match_text
    for hidden in (
        "$999",
        "$1 billion",
        "2031",
        "Subscribe",
        "archive",
        "777",
        "12 ways",
        "Copyright",
        "1,000",
    ):
        assert hidden not in match
    words = " ".join(match.split())
    assert "Trade reached \u00a3245 billion in 2024- a record, up 5% from 2023' s level." in words
    assert "\u00a3245" in match  # the pound sign sits at the end of "&pound;"
    assert "Xi' s 11th visit \u00a9 Reuters" in words
    assert "The two leaders signed more than 20 agreements." in match
    assert doc.title == "Xi & Putin meet in Moscow"
    assert doc.outlet == "Example News"
    assert doc.url == "https://example.com/2025/05/08/xi"
    assert doc.published.date == dt.date(2025, 5, 8)
    assert doc.published.evidence == "2025-05-08T10:00:00+03:00"
    assert doc.warnings == ()


def test_html_block_tags_start_lines() -> None:
    doc = document_from_text("<p>One 1.</p><p>Two 2.</p><div>Three<br>3</div>", fmt="html")
    assert [line.strip() for line in doc.match_text.split("\n") if line.strip()] == [
        "One 1.",
        "Two 2.",
        "Three",
        "3",
    ]


HTML_DATES = [
    ("meta pubdate", '<meta name="pubdate" content="2025-05-08">', dt.date(2025, 5, 8)),
    ("dc.date", '<meta name="DC.date.issued" content="2025-05-09">', dt.date(2025, 5, 9)),
    ("itemprop meta", '<meta itemprop="datePublished" content="2025-05-10">', dt.date(2025, 5, 10)),
    (
        "itemprop time",
        '<time itemprop="datePublished" datetime="2025-05-11T08:00Z">x</time>',
        dt.date(2025, 5, 11),
    ),
    (
        "first time element",
        '<time datetime="2025-05-12">May 12</time><time datetime="2025-06-01">',
        dt.date(2025, 5, 12),
    ),
    (
        "json-ld",
        '<script type="application/ld+json">{"datePublished": "2025-05-13T00:00:00Z"}</script>',
        dt.date(2025, 5, 13),
    ),
    (
        "property wins over time",
        '<time datetime="2024-01-01"></time><meta property="article:published_time" content="2025-05-14">',
        dt.date(2025, 5, 14),
    ),
]


@pytest.mark.parametrize(
    ("head", "day"), [c[1:] for c in HTML_DATES], ids=[c[0] for c in HTML_DATES]
)
def test_html_published(head: str, day: dt.date) -> None:
    doc = document_from_text(
        f"<html><head>{head}</head><body><p>{PROSE}</p></body></html>", fmt="html"
    )
    assert doc.published.date == day
    assert doc.published.method == "front-matter"


def test_html_published_not_a_date() -> None:
    page = '<html>\n<meta name="date" content="last week">\n<p>x</p>'
    doc = document_from_text(page, fmt="html", path="p.html")
    assert doc.published.method == "unknown"
    assert doc.warnings == ("p.html:2: <meta name=\"date\"> is not a date: 'last week'",)


HTML_ODDITIES = [
    ("bogus character references", "<p>a &#; b &#xZZ; c</p><script>$9</script><p>d 5</p>"),
    ("unknown entity kept", "<p>Fish &chips; 5 &amp</p>"),
    ("entity prefix kept", "<p>AT&ampx; 5</p>"),
    ("unterminated tag at the end", "<p>Trade 5% <b"),
    ("unclosed script", "<p>a</p><script>var x = 1;"),
    ("stray end tags", "</nav></div><p>Text 3</p></footer>"),
    ("self-closing skip tag", "<iframe/><p>kept 7</p>"),
    ("CRLF", "<p>a</p>\r\n<p>b</p>\r\n"),
    ("lone less-than", "<p>1 < 2 and 3 > 2</p>"),
]


@pytest.mark.parametrize("page", [c[1] for c in HTML_ODDITIES], ids=[c[0] for c in HTML_ODDITIES])
def test_html_oddities_keep_offsets(page: str) -> None:
    doc = document_from_text(page, fmt="html")
    _check_offsets(doc)
    assert "$9" not in doc.match_text
    assert "var" not in doc.match_text


def test_html_bogus_references_do_not_expose_markup() -> None:
    doc = document_from_text(HTML_ODDITIES[0][1], fmt="html")
    assert "<" not in doc.match_text
    assert "d 5" in doc.match_text


# ------------------------------------------------------------ plain text


def test_furniture_blanked_in_match_text_only() -> None:
    text = f"Photo credit: AFP 2019\n{PROSE}\nTags: trade, 2024\n\nLeave a Reply\n3 comments 55"
    doc = document_from_text(text)
    assert doc.text == text
    assert "2019" not in doc.match_text
    assert "2024" not in doc.match_text
    assert "55" not in doc.match_text
    assert PROSE in doc.match_text
    assert doc.match_text.count("\n") == text.count("\n")


def test_urls_and_typography_in_match_text() -> None:
    text = "Xi\u2019s visit \u2013 see https://example.com/2025/05/08.\tTrade: $245\u00a0bn."
    doc = document_from_text(text)
    url = "https://example.com/2025/05/08"
    assert doc.match_text == spaced("Xi's visit - see " + url + ". Trade: $245 bn.", url)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb\r\n", "a \nb \n"),
        ("a\rb\rc", "a\nb\nc"),
        ("a\r\nb\rc", "a \nb\nc"),
    ],
    ids=["CRLF", "lone CR", "mixed"],
)
def test_line_endings(text: str, expected: str) -> None:
    doc = document_from_text(text)
    assert doc.match_text == expected
    assert doc.text == text


# ------------------------------------------------------------------ decoding

DECODING = [
    ("utf-8", PROSE.encode("utf-8"), PROSE, ()),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + "Xi\u2019s".encode(), "Xi\u2019s", ()),
    ("utf-16 LE with BOM", "\ufeffXi\u2019s 5%".encode("utf-16-le"), "Xi\u2019s 5%", ()),
    ("utf-16 BE with BOM", "\ufeffXi\u2019s 5%".encode("utf-16-be"), "Xi\u2019s 5%", ()),
    (
        "windows-1252",
        "Xi\u2019s \u201cvisit\u201d \u2013 caf\u00e9".encode("cp1252"),
        "Xi\u2019s \u201cvisit\u201d \u2013 caf\u00e9",
        ("{path}: not UTF-8, decoded as Windows-1252",),
    ),
    (
        "mostly utf-8 with a bad byte",
        "Xi\u2019s \u201cvisit\u201d ".encode() + b"\xff ok",
        "Xi\u2019s \u201cvisit\u201d \ufffd ok",
        ("{path}: invalid UTF-8, 1 bad byte(s) replaced with U+FFFD",),
    ),
    (
        "not utf-8 nor windows-1252",
        b"abc \x81\x8d def",
        "abc \ufffd\ufffd def",
        ("{path}: invalid UTF-8, 2 bad byte(s) replaced with U+FFFD",),
    ),
]


@pytest.mark.parametrize(
    ("data", "text", "warnings"), [c[1:] for c in DECODING], ids=[c[0] for c in DECODING]
)
def test_decoding(tmp_path: Path, data: bytes, text: str, warnings: tuple[str, ...]) -> None:
    path = write(tmp_path / "a.txt", data)
    doc = read_document(path)
    assert doc.text == text
    assert doc.warnings == tuple(w.format(path=path) for w in warnings)


BAD_FILES = [
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file, not an article"),
    ("empty", b"", "empty file"),
    ("whitespace only", b" \n\t\r\n \xc2\xa0\n", "empty file"),
    ("BOM only", b"\xef\xbb\xbf\n", "empty file"),
]


@pytest.mark.parametrize(
    ("data", "message"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_bad_files(tmp_path: Path, data: bytes, message: str) -> None:
    path = write(tmp_path / "a.txt", data)
    with pytest.raises(SourceError) as info:
        read_document(path)
    assert info.value.path == str(path)
    assert info.value.message == message
    assert str(info.value) == f"{path}: {message}"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as info:
        read_document(tmp_path / "nope.txt")
    assert info.value.message == "no such file or directory"


def test_directory_as_file(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="is a directory"):
        read_document(tmp_path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", PROSE)
    path.chmod(0)
    try:
        with pytest.raises(SourceError, match="permission denied"):
            read_document(path)
    finally:
        path.chmod(0o644)


# ------------------------------------------------------------- iter_documents


def test_folder_recursion_and_ids(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", PROSE)
    write(tmp_path / "a.md", PROSE)
    write(tmp_path / "sub" / "c.html", f"<p>{PROSE}</p>")
    write(tmp_path / "sub" / "deeper" / "d.htm", f"<p>{PROSE}</p>")
    write(tmp_path / "notes.pdf", b"%PDF-1.4\x00")
    write(tmp_path / "README", PROSE)
    write(tmp_path / ".hidden.txt", PROSE)
    write(tmp_path / ".git" / "e.txt", PROSE)
    docs, errors = read_all(tmp_path)
    assert errors == []
    assert [d.id for d in docs] == ["a", "b", "sub/c", "sub/deeper/d"]
    assert [d.format for d in docs] == ["md", "txt", "html", "html"]
    assert docs[2].path == str(tmp_path / "sub" / "c.html")


def test_errors_do_not_stop_the_rest(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", PROSE)
    write(tmp_path / "b.txt", b"")
    write(tmp_path / "c.txt", b"\x00\x01binary")
    write(tmp_path / "d.txt", PROSE)
    docs, errors = read_all(tmp_path, tmp_path / "missing.txt", tmp_path / "a.txt")
    assert [d.id for d in docs] == ["a", "d", "a"]
    assert errors == [
        f"{tmp_path / 'b.txt'}: empty file",
        f"{tmp_path / 'c.txt'}: binary file, not an article",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
    ]


def test_folder_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "empty" / "notes.pdf", b"%PDF")
    docs, errors = read_all(tmp_path / "empty")
    assert docs == []
    assert errors == [f"{tmp_path / 'empty'}: no articles found (.txt, .md, .html)"]


def test_missing_path() -> None:
    docs, errors = read_all("no/such/place")
    assert docs == []
    assert errors == ["no/such/place: no such file or directory"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_loop(tmp_path: Path) -> None:
    write(tmp_path / "top" / "a.txt", PROSE)
    write(tmp_path / "top" / "sub" / "b.txt", PROSE)
    os.symlink(tmp_path / "top", tmp_path / "top" / "sub" / "loop")
    os.symlink(tmp_path / "top" / "sub", tmp_path / "top" / "again")
    os.symlink(tmp_path / "top" / "self", tmp_path / "top" / "self")  # dangles into itself
    docs, errors = read_all(tmp_path / "top")
    assert sorted(d.id for d in docs) == ["a", "again/b"]
    assert errors == []


def test_stdin() -> None:
    docs, errors = read_all("-", stdin=io.StringIO(f"\ufeff{PROSE}\nLeave a comment\n"))
    assert errors == []
    [doc] = docs
    assert (doc.id, doc.path, doc.format) == ("-", "-", "txt")
    assert doc.text == f"{PROSE}\nLeave a comment\n"
    assert "Leave" not in doc.match_text


def test_empty_stdin() -> None:
    docs, errors = read_all("-", stdin=io.StringIO("  \n"))
    assert docs == []
    assert errors == ["-: empty input"]


def test_documents_are_read_lazily(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", PROSE)
    write(tmp_path / "b.txt", PROSE)
    errors: list[SourceError] = []
    docs = iter_documents([tmp_path], on_error=errors.append)
    first = next(docs)
    (tmp_path / "b.txt").unlink()  # gone before it is read: reported, not fatal
    write(tmp_path / "c.txt", PROSE)  # listed after the folder was scanned
    assert first.id == "a"
    assert list(docs) == []
    assert [e.message for e in errors] == ["no such file or directory"]


# ------------------------------------------------------------- real sources


@pytest.mark.parametrize("path", sorted(SOURCES.glob("*.txt")), ids=lambda p: p.stem)
def test_real_sources_load(path: Path) -> None:
    doc = read_document(path, root=SOURCES)
    assert doc.id == path.stem
    assert doc.text == path.read_text(encoding="utf-8")
    assert len(doc.match_text) == len(doc.text)
    assert doc.match_text.count("\n") == doc.text.count("\n")
    assert doc.warnings == ()
    for furniture in (
        "Leave a",
        "Exit mobile version",
        "Tags:",
        "Photo credit",
        "Read More",
        "cgtn.com",
    ):
        assert furniture not in doc.match_text
    assert "\u2019" not in doc.match_text


def test_real_folder() -> None:
    docs, errors = read_all(SOURCES)
    assert errors == []
    assert len(docs) == 5
    assert [d.id for d in docs] == sorted(p.stem for p in SOURCES.glob("*.txt"))


# ---------------------------------------------------------------- properties

PIECES = [
    *"<>&#;/=\"' \n\r\tap5$!-\u2019\u00a0",
    *("<p>", "</p>", "<script>", "</script>", "&amp;", "&#8217;", "<!--", "-->"),
    *("---\n", "title: [x\n", "published: 2025\n", "**", "[a](b)", "Leave a Reply\n"),
]


@settings(max_examples=200)
@given(
    st.lists(st.sampled_from(PIECES)).map("".join),
    st.sampled_from(["txt", "md", "html"]),
)
def test_match_text_always_same_length(text: str, fmt: str) -> None:
    doc = document_from_text(text, fmt=fmt)  # type: ignore[arg-type]
    assert len(doc.match_text) == len(doc.text)
    assert doc.text == text


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<div>",
                "<br>",
                "<nav>",
                "</nav>",
                "&amp;",
                "&#36;",
                "&pound;",
                "&nbsp;",
                "&#x25;",
                "5",
                "Xi",
                " ",
                "\n",
                "<!-- c -->",
                "<script>",
                "</script>",
            ]
        )
    ).map("".join)
)
def test_html_offsets_property(page: str) -> None:
    _check_offsets(document_from_text(page, fmt="html"))
