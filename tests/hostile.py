"""Hostile and broken inputs for factcheck, generated into a folder at test time.

Nothing here is committed as data: every input is written by code (the largest
is 50 MB) into a test's ``tmp_path``, so the repository stays small.

:data:`CASES` is the table of inputs. Each :class:`Case` says how to make one
input and what factcheck must do with it when the input sits in a folder next to
a good article: the one line it prints on standard error (or none), the exit
codes of ``extract`` and ``check``, and a figure that must still be extracted
from it when it is readable. :func:`build_corpus` puts inputs and good articles
together in a folder; the tests are in ``test_hostile.py``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

#: The good articles, by file name, and one figure (text, unit) each must yield.
GOOD_ARTICLES: dict[str, tuple[str, tuple[str, str]]] = {
    "good.txt": (
        "The port handled 1.8 million containers in 2024, and its operator invested"
        " $420 million in new cranes, the harbour authority said.\n",
        ("$420 million", "USD"),
    ),
    "good-b.md": (
        "---\ntitle: Festival report\npublished: 2025-03-14\n---\n"
        "The festival drew 52,000 visitors over three days, and ticket sales rose 12% on last year.\n",
        ("52,000 visitors", "visitor"),
    ),
}

#: One paragraph of plain prose with two figures (a percentage and a count).
PROSE = (
    "Officials in the capital said that exports of machinery and electronics grew 4.5% "
    "over the period, helped by new orders from neighbouring markets and by a weaker currency, "
    "although analysts cautioned that the recovery remained fragile and uneven across the regions. "
    "The ministry expects the trend to continue, and it has asked the central bank to keep rates "
    "steady while companies rebuild their stocks and hire again after a difficult winter. "
    "Some 300 firms took part in the survey, which the statistics office publishes every month. "
)

#: Prose without a single figure, to pad a file to a size.
FILLER = (
    "The delegation toured the port and the new rail terminal, where officials described plans"
    " for closer cooperation on energy, logistics and education between the neighbouring regions.\n\n"
)

MB = 1_000_000
LONG_LINE_CHARS = 5 * MB


def prose_bytes(size: int, head: str = "", paragraph: str = FILLER) -> bytes:
    """``head``, then ``paragraph`` repeated: exactly ``size`` bytes of ASCII text."""
    body = head + paragraph * ((size - len(head)) // len(paragraph) + 1)
    return body[:size].encode("ascii")


def long_line(size: int = LONG_LINE_CHARS) -> bytes:
    """One line of ``size`` characters of prose with figures, and no line break at all."""
    return prose_bytes(size, paragraph=PROSE)


# ------------------------------------------------------------------- makers


Maker = Callable[[Path], None]


def data(content: bytes) -> Maker:
    def make(path: Path) -> None:
        path.write_bytes(content)

    return make


def text(content: str, encoding: str = "utf-8") -> Maker:
    return data(content.encode(encoding))


def lazily(content: Callable[[], bytes]) -> Maker:
    """Bytes computed when the file is made (for the big ones)."""

    def make(path: Path) -> None:
        path.write_bytes(content())

    return make


def png(path: Path) -> None:
    header = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06"
    path.write_bytes(header + bytes(range(256)) * 16)


def file_symlink_loop(path: Path) -> None:
    path.symlink_to(path.name)  # loop.txt -> loop.txt


def folder_symlink_loop(path: Path) -> None:
    path.mkdir()
    (path / "self").symlink_to(".")  # the folder itself
    (path / "up").symlink_to("..")  # the corpus folder, which holds this one


def unreadable(path: Path) -> None:
    path.write_text(f"Officials said trade rose 9% in 2024.\n{PROSE}", encoding="utf-8")
    path.chmod(0)


def readable_article(path: Path) -> None:
    path.write_text(f"Officials said trade rose 9% in 2024.\n{PROSE}", encoding="utf-8")


def no_articles(path: Path) -> None:
    path.mkdir()
    (path / "notes.pdf").write_bytes(b"%PDF-1.4\n")
    (path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (path / ".hidden.txt").write_text("Trade rose 5%.\n", encoding="utf-8")
    (path / "empty-sub").mkdir()


def nothing(path: Path) -> None:
    """A path that does not exist."""


def billion_laughs() -> bytes:
    lines = ["---", "title: Laughs", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    lines += ["---", "The grant is worth $12 million, the ministry said.", ""]
    return "\n".join(lines).encode()


def bad_utf8() -> bytes:
    # Mostly valid UTF-8 (a euro sign, curly quotes, a dash) with two broken bytes.
    good = "The grant of \u20ac8.2 million \u2014 \u201ca first\u201d \u2014 will fund 14 schools."
    return good.encode() + b" Broken \xff bytes \xc3( here.\n"


def late_nul() -> bytes:
    # One long paragraph (no repeated lines), NUL bytes after the sniffed start.
    head = (FILLER.strip() + " ") * 60
    return (head + "\n").encode() + b"\x00" * 16 + b"\nThe fund lent $17 million in 2023.\n"


# --------------------------------------------------------------------- table

Level = Literal["error", "warning", ""]
Unreadable = Literal["chmod", "patch", ""]


@dataclass(frozen=True)
class Case:
    """One hostile input and what factcheck must do with it next to a good article.

    ``line`` is the one line expected on standard error: ``{path}`` stands for
    the input's path as given (``corpus/x.txt``) and ``…`` for any text. It is
    empty when nothing is printed. ``figure`` is a figure (text, unit) that
    must be extracted from the input, ``absent`` a text that must not be.
    ``alone`` inputs are given as their own command-line argument instead of
    being put in the corpus folder (a missing path, a folder of no articles);
    ``big`` ones take a few seconds.
    """

    id: str
    name: str
    make: Maker
    line: str
    extract_exit: int
    check_exit: int
    figure: tuple[str, str] | None = None
    absent: str | None = None
    alone: bool = False
    unreadable: Unreadable = ""
    big: bool = False

    @property
    def level(self) -> Level:
        return "error" if self.line.startswith("error:") else "warning" if self.line else ""

    def pattern(self, path: str) -> re.Pattern[str]:
        """The expected stderr line as a regular expression, for the input at ``path``."""
        parts = self.line.replace("{path}", "\0").split("…")
        body = ".+".join(re.escape(p).replace("\0", re.escape(path)) for p in parts)
        return re.compile(body)

    @property
    def source(self) -> str:
        """The source id of a readable input (its name without suffix)."""
        return self.name.rsplit(".", 1)[0]


TOO_LARGE = (
    "error: {path}: too large for an article: 50.0 MB (limit 10 MB; raise max-size to read it)"
)
ALIASES = "warning: {path}:2: front matter ignored: more than 10,000 values once its YAML aliases are expanded"

CASES: list[Case] = [
    Case(
        "binary: PNG bytes in a .txt",
        "image.txt",
        png,
        "error: {path}: binary file, not an article",
        1,
        2,
    ),
    Case(
        "NUL bytes in the middle of text",
        "nul.txt",
        data(b"Trade rose 5% in 2024.\n\x00\x00\x00\nIt fell 3% in 2023.\n"),
        "error: {path}: binary file, not an article",
        1,
        2,
    ),
    Case(
        "NUL bytes after the first 8 KB",
        "late-nul.txt",
        lazily(late_nul),
        "warning: {path}: 16 NUL byte(s) after the first 8192 bytes",
        0,
        0,
        figure=("$17 million", "USD"),
    ),
    Case(
        "invalid UTF-8",
        "bad-utf8.txt",
        lazily(bad_utf8),
        "warning: {path}: invalid UTF-8, 2 bad byte(s) replaced with U+FFFD",
        0,
        0,
        figure=("\u20ac8.2 million", "EUR"),
    ),
    Case(
        "UTF-16 with a BOM",
        "utf16.txt",
        text("The ministry paid $96 million to farmers in 2024.\n", "utf-16"),
        "",
        0,
        0,
        figure=("$96 million", "USD"),
    ),
    Case(
        "Windows-1252, curly quotes and euro sign",
        "cp1252.txt",
        text("The council\u2019s budget is \u201c\u20ac3.5 billion\u201d this year.\n", "cp1252"),
        "warning: {path}: not UTF-8, decoded as Windows-1252",
        0,
        0,
        figure=("\u20ac3.5 billion", "EUR"),
    ),
    Case("empty file", "empty.txt", data(b""), "error: {path}: empty file", 1, 2),
    Case(
        "whitespace-only file",
        "blank.md",
        data(b"  \n\t\r\n \xc2\xa0 \xe2\x80\x8b\n\n"),
        "error: {path}: empty file",
        1,
        2,
    ),
    Case(
        "50 MB article over the 10 MB default",
        "huge.txt",
        lazily(lambda: prose_bytes(50 * MB, "Trade reached $91 billion in 2024.\n\n")),
        TOO_LARGE,
        1,
        2,
        big=True,
    ),
    Case(
        "one 5 MB line of prose",
        "one-line.txt",
        lazily(long_line),
        "",
        0,
        0,
        figure=("4.5%", "percent"),
        big=True,
    ),
    Case(
        "front matter not valid YAML",
        "bad-yaml.md",
        text("---\ntitle: Xi\ntags: [china, russia\nauthor: x\n---\nThe fund lent $88 million.\n"),
        "warning: {path}:4: invalid YAML front matter ignored: …",
        0,
        0,
        figure=("$88 million", "USD"),
    ),
    Case(
        "front matter published not a date",
        "not-a-date.md",
        text("---\ntitle: T\npublished: next Tuesday\n---\nThe fund lent $66 million.\n"),
        "warning: {path}:3: front matter 'published' is not a date: 'next Tuesday'",
        0,
        0,
        figure=("$66 million", "USD"),
    ),
    Case(
        "front matter published an impossible date",
        "feb-30.md",
        text("---\ntitle: T\npublished: 2025-02-30\n---\nThe fund lent $77 million.\n"),
        "warning: {path}:3: front matter 'published' is not a date: '2025-02-30'",
        0,
        0,
        figure=("$77 million", "USD"),
    ),
    Case(
        "front matter YAML alias bomb",
        "laughs.md",
        lazily(billion_laughs),
        ALIASES,
        0,
        0,
        figure=("$12 million", "USD"),
    ),
    Case(
        "front matter that contains itself",
        "recursive.md",
        text("---\ntitle: R\nloop: &a [1, *a]\n---\nThe fund lent $33 million.\n"),
        ALIASES,
        0,
        0,
        figure=("$33 million", "USD"),
    ),
    Case(
        "front matter never closed",
        "open.md",
        text("---\ntitle: Never closed\nauthor: x\n\nThe fund lent $44 million in 2024.\n"),
        "warning: {path}:1: front matter not closed (no '---' line after it), read as article text",
        0,
        0,
        figure=("$44 million", "USD"),
    ),
    Case(
        "HTML: script with figures, unclosed tag soup",
        "soup.html",
        text(
            "<html><head><script>var budget = '$999 billion in 2031';</script>"
            "<style>p:after{content:'$1 billion'}</style></head><body><p>The bank lent "
            "$55 billion in 2024<div><span><b>to <i>small <p>firms <table><tr><td>7 deals"
            "<td><a href='x"
        ),
        "",
        0,
        0,
        figure=("$55 billion", "USD"),
        absent="$999 billion",
    ),
    Case(
        "symlink loop: a file linked to itself",
        "loop.txt",
        file_symlink_loop,
        "error: {path}: too many levels of symbolic links",
        1,
        2,
    ),
    Case("symlink loop: folders (skipped silently)", "loops", folder_symlink_loop, "", 0, 0),
    Case(
        "unreadable file (chmod 000)",
        "locked.txt",
        unreadable,
        "error: {path}: permission denied",
        1,
        2,
        unreadable="chmod",
    ),
    Case(
        "unreadable file (read_bytes raises PermissionError)",
        "denied.txt",
        readable_article,
        "error: {path}: permission denied",
        1,
        2,
        unreadable="patch",
    ),
    Case(
        "a folder with no articles",
        "no-articles",
        no_articles,
        "error: {path}: no articles found (.txt, .md, .html)",
        1,
        2,
        alone=True,
    ),
    Case(
        "a path that does not exist",
        "missing/article.txt",
        nothing,
        "error: {path}: no such file or directory",
        1,
        2,
        alone=True,
    ),
]


def build_corpus(
    root: Path, cases: Iterable[Case], goods: Iterable[str] = ("good.txt",)
) -> tuple[str, list[str]]:
    """Write ``cases`` and good articles under ``root``.

    Returns the corpus folder and the other command-line paths (the ``alone``
    inputs), both relative to ``root``, in the order to give them.
    """
    corpus = root / "corpus"
    corpus.mkdir()
    for name in goods:
        (corpus / name).write_text(GOOD_ARTICLES[name][0], encoding="utf-8")
    others = []
    for case in cases:
        if case.alone:
            target = root / case.name
            others.append(case.name)
        else:
            target = corpus / case.name
        case.make(target)
    return "corpus", others


def path_of(case: Case) -> str:
    """The input's path as factcheck prints it, with ``root`` as the working directory."""
    return case.name if case.alone else f"corpus/{case.name}"


def can_chmod_deny() -> bool:
    """False for root (and on systems without POSIX permissions), who can read anything."""
    return os.name == "posix" and os.geteuid() != 0
