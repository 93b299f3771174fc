"""Read articles from disk (or standard input) into :class:`~factcheck.facts.Document`.

``Document.text`` is the decoded file, untouched: evidence is cut from it.
``Document.match_text`` has exactly the same length and is what extractors read:
typography normalised, markup (Markdown, HTML), URLs and page furniture blanked
with spaces, line breaks kept. Every step replaces characters one for one, so an
offset in ``match_text`` is the same offset in ``text``.

>>> doc = document_from_text("Photo: AFP\\nTrade hit \u201c$245\u00a0billion\u201d, data show.")
>>> doc.match_text
'          \\nTrade hit "$245 billion", data show.'
>>> len(doc.match_text) == len(doc.text)
True
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path
from typing import Any, Literal, TextIO

from factcheck.errors import SourceError
from factcheck.facts import Document, Granularity, Published
from factcheck.furniture import find_furniture
from factcheck.textnorm import blank_spans, mask_urls, normalize_typography

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Format",
    "document_from_text",
    "iter_documents",
    "parse_published",
    "read_document",
]

Format = Literal["txt", "md", "html"]

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".markdown", ".html", ".htm")

_FORMAT_BY_SUFFIX: dict[str, Format] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}

BINARY_SNIFF_BYTES = 8192

_LONE_CR = re.compile(r"\r(?!\n)")


# --------------------------------------------------------------------------- dates


def parse_published(value: object) -> tuple[_dt.date, Granularity] | None:
    """A publication date from a front-matter or ``<meta>`` value, or None.

    >>> parse_published("2025-05-08T10:00:00Z")
    (datetime.date(2025, 5, 8), 'day')
    >>> parse_published("2025-05")
    (datetime.date(2025, 5, 1), 'month')
    >>> parse_published(2025)
    (datetime.date(2025, 1, 1), 'year')
    >>> parse_published("last Thursday") is None
    True
    """
    if isinstance(value, _dt.datetime):
        return value.date(), "day"
    if isinstance(value, _dt.date):
        return value, "day"
    if isinstance(value, int) and not isinstance(value, bool):
        return (_dt.date(value, 1, 1), "year") if 1000 <= value <= 9999 else None
    if not isinstance(value, str):
        return None
    s = value.strip()
    if re.fullmatch(r"\d{4}", s):
        return _dt.date(int(s), 1, 1), "year"
    m = re.fullmatch(r"(\d{4})-(\d{2})", s)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        return (_dt.date(year, month, 1), "month") if 1 <= month <= 12 else None
    try:
        return _dt.date.fromisoformat(s), "day"
    except ValueError:
        pass
    try:
        return _dt.datetime.fromisoformat(s).date(), "day"
    except ValueError:
        return None


def _evidence(value: object) -> str:
    if isinstance(value, _dt.date):  # date and datetime
        return value.isoformat()
    return str(value)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# ----------------------------------------------------------------------- markdown

_FRONT_MATTER = re.compile(
    r"\A---[^\S\n]*\n(?P<body>.*?)^(?:---|\.\.\.)[^\S\n]*(?:\n|\Z)", re.S | re.M
)

# Markdown markup, blanked in match_text. Two scans, both fast: block markup
# at line starts (the pattern starts with a literal "\n" and runs over
# "\n" + text), and inline markup (every branch starts with a literal
# character, so the regex engine skips quickly to candidates). Both stay linear
# on hostile text: no branch scans past the next place another match could
# start ("[" in link text, "<" in a tag, "]" in a URL), whitespace runs are
# possessive, and comments are found with str.find (an unclosed "<!--" would
# otherwise scan to the end of the file for each one).
_MD_BLOCK = re.compile(
    r"""\n(?!\n)(?:
      (?P<heading>[^\S\n]{0,3}\#{1,6})(?=[^\S\n]|\n)
    | [^\S\n]*+(?:(?:-[^\S\n]*){3,}|(?:\*[^\S\n]*){3,}|(?:_[^\S\n]*){3,}|=+[^\S\n]*)(?=\n)
    | [^\S\n]*+\|?(?:[^\S\n]*+:?-{3,}:?[^\S\n]*+\|)+[^\S\n]*+:?-*+:?[^\S\n]*+(?=\n)
    | [^\S\n]*+(?:```|~~~)[^\n]*
    | [^\S\n]{0,3}\[[^\]\n]+\]:[^\n]*
    | [^\S\n]{0,3}(?:>[^\S\n]?)+
    | [^\S\n]*+(?:[-*+]|\d{1,3}[.)])(?=[^\S\n])
    )""",
    re.X,
)
_MD_CLOSING_HASHES = re.compile(r"(?<![^\S\n])[^\S\n]++#+[^\S\n]*+$")
_MD_INLINE = re.compile(
    r"""
      \\[\\`*_{}\[\]()#+\-.!|>~<]       # escape: blank the backslash only
    | <(?:https?|ftp|mailto):[^<>\s]*> # autolink
    | </?[A-Za-z][^<>\n]*>             # inline HTML tag
    | !\[[^\[\]\n]*\]\([^)\]\n]*\)     # image: all of it
    | \[(?=[^\[\]\n]*\]\([^)\]\n]*\))  # link: "[" ...
    | \]\([^)\]\n]*\)                  # ... and "](url)"
    | \*\** | ~~ | ``* | __* | \|       # a literal first, then the repeat
    """,
    re.X,
)


def _html_comments(text: str) -> list[tuple[int, int]]:
    """Spans of ``<!-- ... -->`` comments, in one pass.

    >>> _html_comments("a <!-- 1 --> b <!-- 2 <!-- c")
    [(2, 12)]
    """
    spans: list[tuple[int, int]] = []
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            break  # no comment closes after here
        spans.append((start, end + 3))
        start = text.find("<!--", end + 3)
    return spans


def _markdown_markup(text: str) -> list[tuple[int, int]]:
    """Spans of Markdown markup to blank (link URLs, emphasis, heading marks...).

    >>> text = "## Trade #\\n\\n**$245bn** in [2024](https://x.org/9)"
    >>> [text[a:b] for a, b in _markdown_markup(text)]
    ['##', ' #', '**', '**', '[', '](https://x.org/9)']
    """
    comments = _html_comments(text)
    comment_starts = [start for start, _ in comments]
    spans = list(comments)
    for m in _MD_BLOCK.finditer(f"\n{text}"):
        start, end = m.start(), m.end() - 1  # offsets in text
        spans.append((start, end))
        if m.group("heading") is not None:
            line_end = text.find("\n", end)
            line = text[end : len(text) if line_end < 0 else line_end]
            closing = _MD_CLOSING_HASHES.search(line)
            if closing is not None:
                spans.append((end + closing.start(), end + closing.end()))
    for m in _MD_INLINE.finditer(text):
        start, end = m.span()
        i = bisect_right(comment_starts, start) - 1
        if i >= 0 and start < comments[i][1]:
            continue  # inside a comment, blanked whole
        first = text[start]
        if first == "\\":
            end = start + 1
        elif first == "_" and (
            start > 0 and text[start - 1].isalnum() and end < len(text) and text[end].isalnum()
        ):
            continue  # snake_case
        spans.append((start, end))
    return sorted(spans)


#: front matter is a few keys; YAML aliases can make it expand without limit
#: (``&a [*a]``, or "billion laughs"), which every output would then write out
FRONT_MATTER_MAX_VALUES = 10_000


def _expands_beyond(data: object, budget: int) -> bool:
    """Whether ``data`` holds more than ``budget`` values, counting each alias again.

    Iterative and stops at the budget, so a structure that contains itself ends too.

    >>> loop: list[object] = []
    >>> loop.append(loop)
    >>> _expands_beyond(loop, 100), _expands_beyond({"a": [1, 2]}, 100)
    (True, False)
    """
    stack = [data]
    for _ in range(budget):
        if not stack:
            return False
        item = stack.pop()
        if isinstance(item, Mapping):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)
    return bool(stack)


@cache
def _yaml_loader(*, dates: bool) -> type[Any]:
    """PyYAML's safe loader (in C when available); with ``dates=False`` timestamps stay text."""
    import yaml

    base: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    if dates:
        return base

    def as_written(loader: Any, node: Any) -> str:
        return str(loader.construct_scalar(node))

    loader: type[Any] = type("_TextDatesLoader", (base,), {})
    loader.add_constructor("tag:yaml.org,2002:timestamp", as_written)
    return loader


# "---" then a "key:" line, but no closing fence: front matter left open
_OPEN_FRONT_MATTER = re.compile(r"\A---[^\S\n]*\n\s*[A-Za-z_][\w-]*[^\S\n]*:(?:[^\S\n]|$)", re.M)


def _front_matter(
    text: str, path: str, warnings: list[str]
) -> tuple[tuple[int, int] | None, dict[str, Any]]:
    """The span of a YAML front matter block and its keys (empty if invalid).

    Front matter that is never closed is read as text, with a warning.

    >>> notes: list[str] = []
    >>> _front_matter("---\\ntitle: T\\nTrade rose 5%.\\n", "a.md", notes)
    (None, {})
    >>> notes
    ["a.md:1: front matter not closed (no '---' line after it), read as article text"]
    """
    m = _FRONT_MATTER.match(text)
    if m is None:
        if _OPEN_FRONT_MATTER.match(text):
            warnings.append(
                f"{path}:1: front matter not closed (no '---' line after it), read as article text"
            )
        return None, {}
    import yaml  # only Markdown with front matter needs it: keep startup fast

    body = m.group("body")
    try:
        try:
            data = yaml.load(body, Loader=_yaml_loader(dates=True))  # a safe loader
        except ValueError:  # an impossible date ("2025-02-30"): keep dates as written
            data = yaml.load(body, Loader=_yaml_loader(dates=False))
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or next(iter(str(exc).splitlines()), "")
        warnings.append(f"{path}{line}: invalid YAML front matter ignored: {problem}")
        return m.span(), {}
    if data is None:
        return m.span(), {}
    if not isinstance(data, Mapping):
        warnings.append(f"{path}:2: front matter is not a mapping of keys to values, ignored")
        return m.span(), {}
    if _expands_beyond(data, FRONT_MATTER_MAX_VALUES):
        warnings.append(
            f"{path}:2: front matter ignored: more than {FRONT_MATTER_MAX_VALUES:,} values "
            "once its YAML aliases are expanded"
        )
        return m.span(), {}
    return m.span(), {str(k): v for k, v in data.items()}


def _text_value(key: str, value: Any, where: str, warnings: list[str]) -> str | None:
    if value is None:
        return None
    if isinstance(value, str | int | float | _dt.date):
        return _evidence(value).strip() or None
    warnings.append(f"{where}: front matter {key!r} is not text, ignored")
    return None


def _key_line(head: str, key: str) -> int | None:
    """The file line of ``key:`` in the front matter block ``head``."""
    m = re.search(rf"(?m)^{re.escape(key)}[^\S\n]*:", head)
    return None if m is None else _line_of(head, m.start())


# --------------------------------------------------------------------------- html

_SKIP_TAGS = frozenset(
    {
        "aside",
        "button",
        "canvas",
        "footer",
        "form",
        "header",
        "iframe",
        "math",
        "nav",
        "noscript",
        "object",
        "script",
        "select",
        "style",
        "svg",
        "template",
        "textarea",
        "title",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "caption",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "tfoot",
        "thead",
        "title",
        "tr",
        "ul",
    }
)
_PUBLISHED_META = {
    "article:published_time": 0,
    "pubdate": 1,
    "publishdate": 1,
    "publish-date": 1,
    "date": 1,
    "dc.date": 1,
    "dc.date.issued": 1,
    "dcterms.date": 1,
    "dcterms.issued": 1,
    "datepublished": 2,  # itemprop
}
_BOGUS_CHARREF = re.compile(r"&(?=#(?![0-9]|[xX][0-9a-fA-F]))")
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')

# data: text (payload) kept; keep: the raw extent kept; char: a decoded
# reference (payload) then spaces; newline: a block tag; blank: spaces.
_Kind = Literal["data", "keep", "blank", "newline", "char"]


class _HTMLScanner(HTMLParser):
    """Records where each piece of markup starts, and the page's metadata."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.events: list[tuple[int, _Kind, str]] = []
        self._skip: dict[str, int] = {}
        self._skipping = 0
        self._in_title = False
        self._title: list[str] = []
        self._ld: list[str] | None = None
        self.meta: dict[str, str] = {}
        # (priority, line, description, value)
        self.dates: list[tuple[int, int, str, str]] = []

    # positions -------------------------------------------------------------
    def _here(self) -> tuple[int, int]:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col, line

    def _event(self, kind: _Kind, payload: str = "") -> None:
        self.events.append((self._here()[0], kind, payload))

    # tags -------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        visible = self._skipping == 0
        self._event("newline" if visible and tag in _BLOCK_TAGS else "blank")
        self._metadata(tag, {k: v for k, v in attrs if v is not None})
        if tag in _SKIP_TAGS and not closed:
            self._skip[tag] = self._skip.get(tag, 0) + 1
            self._skipping += 1
            if tag == "title":
                self._in_title = True
        if tag == "script" and not closed:
            kind = dict(attrs).get("type") or ""
            self._ld = [] if "ld+json" in kind.lower() else None

    def handle_endtag(self, tag: str) -> None:
        if self._skip.get(tag, 0) > 0:
            self._skip[tag] -= 1
            self._skipping -= 1
            if tag == "title":
                self._in_title = False
            if tag == "script" and self._ld is not None:
                m = _LD_DATE.search("".join(self._ld))
                if m:
                    self.dates.append((3, self._here()[1], "JSON-LD datePublished", m.group(1)))
                self._ld = None
        self._event("newline" if self._skipping == 0 and tag in _BLOCK_TAGS else "blank")

    def _metadata(self, tag: str, attrs: dict[str, str]) -> None:
        line = self._here()[1]
        if tag == "meta":
            content = attrs.get("content", "").strip()
            for attr in ("property", "name", "itemprop"):
                key = attrs.get(attr, "").strip().lower()
                if not key or not content:
                    continue
                if key in _PUBLISHED_META:
                    where = f'<meta {attr}="{attrs[attr]}">'
                    self.dates.append((_PUBLISHED_META[key], line, where, content))
                elif key in ("og:title", "og:site_name", "og:url"):
                    self.meta.setdefault(key, content)
        elif tag == "link" and "canonical" in attrs.get("rel", "").lower().split():
            if attrs.get("href"):
                self.meta.setdefault("canonical", attrs["href"].strip())
        elif attrs.get("itemprop", "").lower() == "datepublished":
            value = attrs.get("datetime") or attrs.get("content")
            if value:
                self.dates.append((2, line, f'<{tag} itemprop="datePublished">', value))
        elif tag == "time" and attrs.get("datetime"):
            self.dates.append((4, line, "<time datetime>", attrs["datetime"]))

    # text -------------------------------------------------------------------
    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        if self._ld is not None:
            self._ld.append(data)
        self._event("data" if self._skipping == 0 else "blank", data)

    def _reference(self, raw: str) -> None:
        decoded = html.unescape(raw)
        # Not a reference ("&chips;"), or only a prefix of one ("&ampx;"): text.
        if decoded == raw or len(decoded) > 2:
            self._event("keep" if self._skipping == 0 else "blank")
            return
        if self._in_title:
            self._title.append(decoded)
        self._event("char" if self._skipping == 0 else "blank", decoded)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self._event("blank")

    def handle_decl(self, decl: str) -> None:
        self._event("blank")

    def handle_pi(self, data: str) -> None:
        self._event("blank")

    def unknown_decl(self, data: str) -> None:
        self._event("blank")

    @property
    def title(self) -> str | None:
        title = self.meta.get("og:title") or " ".join("".join(self._title).split())
        return title or None


def _blanked(segment: str) -> str:
    return blank_spans(segment, ((0, len(segment)),))


# A decoded reference goes at the first position of "&...;" so that it stays
# next to the text before it ("5&#37;" -> "5%    "), except for currency signs
# and opening brackets and quotes, which belong to the text after them.
_ATTACH_RIGHT = frozenset("$\u00a3\u20ac\u00a5\u20b9\u20bd\u00a2([{\u201c\u2018\u00ab\u00bf\u00a1")


def _html_match_text(text: str, events: list[tuple[int, _Kind, str]]) -> str:
    """Same-length text of an HTML page: markup blanked, references decoded."""
    pieces: list[str] = []
    pos = 0
    bounds = [*events, (len(text), "blank", "")]
    for (start, kind, payload), (nxt, _, _) in pairwise(bounds):
        start, nxt = max(start, pos), max(nxt, pos)
        if start > pos:  # text the parser did not report: keep it
            pieces.append(text[pos:start])
        extent = text[start:nxt]
        if kind == "data":
            keep = len(payload) if extent.startswith(payload) else 0
            pieces.append(extent[:keep] + _blanked(extent[keep:]))
        elif kind == "keep":
            pieces.append(extent)
        elif kind == "char" and extent:
            char = payload[: len(extent)]
            if char in _ATTACH_RIGHT:  # "&pound;245" -> "     £245"
                pieces.append(_blanked(extent[: len(extent) - len(char)]) + char)
            else:  # "5&#37;" -> "5%    "
                pieces.append(char + _blanked(extent[len(char) :]))
        elif kind == "newline" and extent:
            pieces.append("\n" + _blanked(extent[1:]))
        else:
            pieces.append(_blanked(extent))
        pos = nxt
    pieces.append(text[pos:])
    return "".join(pieces)


# ----------------------------------------------------------------------- document


def document_from_text(
    text: str,
    *,
    id: str = "-",
    path: str = "-",
    fmt: Format = "txt",
    warnings: tuple[str, ...] = (),
) -> Document:
    """Build a :class:`Document` from decoded text.

    ``warnings`` (from decoding, say) are kept and new ones appended: invalid
    front matter and undated ``published`` values are warnings, never errors.

    >>> md = "---\\ntitle: Xi in Moscow\\npublished: 2025-05\\n---\\n# Xi\\n"
    >>> doc = document_from_text(md, fmt="md")
    >>> doc.title, doc.published.iso, doc.match_text.strip()
    ('Xi in Moscow', '2025-05', 'Xi')
    """
    notes = list(warnings)
    base = _LONE_CR.sub("\n", text) if "\r" in text else text
    blanks: list[tuple[int, int]] = []
    title = outlet = url = None
    published = Published()
    meta: dict[str, Any] = {}

    if fmt == "md":
        span, keys = _front_matter(base, path, notes)
        match = normalize_typography(base)
        if span is not None:
            match = blank_spans(match, [span])
        blanks.extend(_markdown_markup(match))
        head = base[: span[1]] if span is not None else ""
        title = _text_value("title", keys.pop("title", None), path, notes)
        outlet = _text_value("outlet", keys.pop("outlet", None), path, notes)
        url = _text_value("url", keys.pop("url", None), path, notes)
        published = _front_matter_date(keys, head, path, notes)
        meta = keys
    elif fmt == "html":
        # html.parser gives up on the rest of the page after a second "&#" that
        # starts no character reference, reading it all as text; such an "&"
        # is not markup, so it becomes a space before parsing.
        page = _BOGUS_CHARREF.sub(" ", base) if "&#" in base else base
        scanner = _HTMLScanner(page)
        scanner.feed(page)
        scanner.close()
        match = normalize_typography(_html_match_text(page, scanner.events))
        title = scanner.title
        outlet = scanner.meta.get("og:site_name")
        url = scanner.meta.get("canonical") or scanner.meta.get("og:url")
        published = _html_date(scanner.dates, path, notes)
    else:
        match = normalize_typography(base)

    if blanks:
        match = blank_spans(match, blanks)
    furniture = find_furniture(match)
    match = mask_urls(match)
    if furniture:
        match = blank_spans(match, ((a, b) for a, b, _ in furniture))
    return Document(
        id=id,
        path=path,
        text=text,
        match_text=match,
        format=fmt,
        title=title,
        outlet=outlet,
        url=url,
        published=published,
        meta=meta,
        warnings=tuple(notes),
    )


def _front_matter_date(
    keys: dict[str, Any], head: str, path: str, warnings: list[str]
) -> Published:
    found = None
    for key in ("published", "date"):
        value = keys.pop(key, None)
        if value is not None and found is None:
            found = key, value
    if found is None:
        return Published()
    key, value = found
    parsed = parse_published(value)
    if parsed is None:
        line = _key_line(head, key)
        where = f"{path}:{line}" if line is not None else path
        warnings.append(f"{where}: front matter {key!r} is not a date: {_evidence(value)!r}")
        return Published()
    day, granularity = parsed
    return Published(day, granularity, method="front-matter", evidence=_evidence(value))


def _html_date(
    candidates: list[tuple[int, int, str, str]], path: str, warnings: list[str]
) -> Published:
    for _, line, where, value in sorted(candidates, key=lambda c: (c[0], c[1])):
        parsed = parse_published(value)
        if parsed is None:
            warnings.append(f"{path}:{line}: {where} is not a date: {value!r}")
            continue
        day, granularity = parsed
        return Published(day, granularity, method="front-matter", evidence=value)
    return Published()


# -------------------------------------------------------------------------- files


def _os_message(exc: OSError) -> str:
    message = exc.strerror or str(exc)
    return message[:1].lower() + message[1:]


def _decode(data: bytes, path: str) -> tuple[str, list[str]]:
    """Decoded text and warnings; SourceError for binary files."""
    for bom, codec in (
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(codec), []
            except UnicodeDecodeError:
                text = data.decode(codec, errors="replace")
                return text, [f"{path}: invalid {codec.upper()}, bad bytes replaced"]
    if b"\x00" in data[:BINARY_SNIFF_BYTES]:
        raise SourceError(path, "binary file, not an article")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    notes = []
    if b"\x00" in data:  # past the sniffed start: a text file with a damaged stretch
        nuls = data.count(b"\x00")
        notes.append(f"{path}: {nuls} NUL byte(s) after the first {BINARY_SNIFF_BYTES} bytes")
    try:
        return data.decode("utf-8"), notes
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    bad = replaced.count("\ufffd")
    good = sum(1 for c in replaced if c > "\x7f") - bad
    # Mostly valid UTF-8 with a few broken bytes: Windows-1252 would garble the
    # valid sequences ("’" -> "â€™"), so keep UTF-8.
    if good <= bad:
        try:
            return data.decode("cp1252"), [*notes, f"{path}: not UTF-8, decoded as Windows-1252"]
        except UnicodeDecodeError:
            pass
    return replaced, [*notes, f"{path}: invalid UTF-8, {bad} bad byte(s) replaced with U+FFFD"]


def _format_of(path: Path) -> Format:
    return _FORMAT_BY_SUFFIX.get(path.suffix.lower(), "txt")


_LETTER_OR_DIGIT = re.compile(r"[0-9A-Za-z]")


def _source_id(path: Path, root: Path | None) -> str:
    if root is None:
        return path.stem
    full, folder = str(path), str(root)
    if full.startswith(folder + os.sep) and folder not in ("", "."):
        # a file found by walking ``root``: its id without pathlib's slower relative_to
        stem = os.path.splitext(full[len(folder) + 1 :])[0]
        if stem and not stem.endswith(os.sep) and os.path.basename(stem) == path.stem:
            return stem.replace(os.sep, "/")
    try:
        rel = path.relative_to(root)
    except ValueError:
        return path.stem
    return rel.with_suffix("").as_posix()


@dataclass(frozen=True, slots=True)
class RawSource:
    """An article file decoded, before its match text is built (see :func:`document_from_raw`)."""

    id: str
    path: str
    format: Format
    text: str
    warnings: tuple[str, ...] = ()


#: the largest file read as an article by default: a news article is tens of kilobytes
MAX_BYTES = 10_000_000


def read_source(
    path: Path, *, root: Path | None = None, max_bytes: int | None = MAX_BYTES
) -> RawSource:
    """Read and decode one article file; its id is its path under ``root``, without suffix.

    Raises :class:`SourceError` for a file that cannot be read, is binary, is
    empty or is larger than ``max_bytes``. Text that is not valid UTF-8 is
    still read, with a warning.
    """
    where = str(path)
    try:
        if max_bytes is not None:
            size = path.stat().st_size
            if size > max_bytes:
                raise SourceError(
                    where,
                    f"too large for an article: {size / 1e6:.1f} MB "
                    f"(limit {max_bytes / 1e6:g} MB; raise max-size to read it)",
                )
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(where, _os_message(exc)) from exc
    text, warnings = _decode(data, where)
    # a letter or a digit makes a file not empty (the typography pass maps only odd spaces,
    # quotes and dashes): the pass over the whole text is for files that may be all blanks
    if _LETTER_OR_DIGIT.search(text) is None and not normalize_typography(text).strip():
        raise SourceError(where, "empty file")
    return RawSource(_source_id(path, root), where, _format_of(path), text, tuple(warnings))


def document_from_raw(raw: RawSource) -> Document:
    """The document of a decoded article file."""
    return document_from_text(
        raw.text, id=raw.id, path=raw.path, fmt=raw.format, warnings=raw.warnings
    )


def read_document(path: Path, *, root: Path | None = None) -> Document:
    """Read one article file (see :func:`read_source`) into a document."""
    return document_from_raw(read_source(path, root=root))


def _article_files(folder: str, visited: set[str]) -> Iterator[str | SourceError]:
    """Article files under ``folder``, sorted, depth first; hidden names skipped."""
    real = os.path.realpath(folder)
    if real in visited:  # a symlink loop, or a folder reached twice
        return
    visited.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield SourceError(folder, _os_message(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _article_files(entry.path, visited)
        elif os.path.splitext(entry.name)[1].lower() in SUPPORTED_SUFFIXES:
            yield entry.path


def iter_documents(
    paths: Sequence[str | Path],
    *,
    on_error: Callable[[SourceError], None],
    stdin: TextIO | None = None,
) -> Iterator[Document]:
    """Documents from files, folders (recursive) and ``-`` (standard input).

    Documents are read one at a time as the iterator is consumed. A problem with
    one source goes to ``on_error`` and the others are still read.
    """
    for raw in iter_sources(paths, on_error=on_error, stdin=stdin):
        yield document_from_raw(raw)


def iter_sources(
    paths: Sequence[str | Path],
    *,
    on_error: Callable[[SourceError], None],
    stdin: TextIO | None = None,
    max_bytes: int | None = MAX_BYTES,
) -> Iterator[RawSource]:
    """Decoded article files from files, folders (recursive) and ``-`` (standard input)."""
    for given in paths:
        if str(given) == "-":
            text = (stdin if stdin is not None else sys.stdin).read()
            text = text.removeprefix("\ufeff")
            if not normalize_typography(text).strip():
                on_error(SourceError("-", "empty input"))
                continue
            yield RawSource("-", "-", "txt", text)
            continue
        path = Path(given)
        if path.is_dir():
            found = False
            for item in _article_files(str(path), set()):
                if isinstance(item, SourceError):
                    on_error(item)
                    found = True  # reported already: not "no articles"
                    continue
                found = True
                try:
                    yield read_source(Path(item), root=path, max_bytes=max_bytes)
                except SourceError as exc:
                    on_error(exc)
            if not found:
                on_error(SourceError(str(given), "no articles found (.txt, .md, .html)"))
        elif path.exists():
            try:
                yield read_source(path, max_bytes=max_bytes)
            except SourceError as exc:
                on_error(exc)
        else:
            on_error(SourceError(str(given), "no such file or directory"))
