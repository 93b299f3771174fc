"""Adversarial text: no regular expression of factcheck blows up.

A pattern that can match the same characters in more than one way (a
quantified group whose items can split a word differently, two whitespace runs
side by side, a lazy quantifier before a look-ahead that scans ahead) makes
the regex engine try every way before it gives up: quadratic, or worse, in the
length of a run of the characters involved. Ordinary articles never show it;
a long run of capitals, dots or spaces does, and then one article takes
minutes.

Every stage is run here on hand-made worst cases (long runs of one fragment,
and mixtures), in each input format, with three checks:

* it finishes within a generous bound (``SECONDS_PER_100KB``): a blow-up
  takes minutes, linear code a fraction of a second;
* every span is exact (``doc.text[f.start:f.end] == f.text``);
* time grows linearly: four times the input takes less than ``MAX_RATIO``
  times as long (linear is about 4, quadratic 16).

``BUGS_CAUGHT`` are the inputs that were super-linear before their pattern
was fixed, with what took how long then. (Two stages are quadratic in the
number of figures, not in a regex: ``claims_of`` and ``main_event`` on tens of
thousands of figures; the inputs here stay below where that shows.)
"""

from __future__ import annotations

import importlib
import re
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from factcheck import events, furniture
from factcheck.api import check
from factcheck.attribute import claims_of
from factcheck.events import attached_dates, main_event
from factcheck.extract import extract_document
from factcheck.facts import Document, Fact
from factcheck.ingest import Format, document_from_text
from factcheck.pubdate import DATELINE_WINDOW
from factcheck.sentences import WINDOW, Sentences

T = TypeVar("T")

#: the time any stage may take per 100 KB of input, and at the least
#: a backstop for a blow-up (minutes), not a speed target: a shared 2-core machine under
#: load takes 6 s for what an idle one does in 3 (speed is benchmarks/' business)
SECONDS_PER_100KB = 20.0
MIN_SECONDS = 20.0
#: time(4n) / time(n) must stay below this (linear ~4, quadratic ~16)
MAX_RATIO = 10.0

FORMATS: tuple[Format, ...] = ("txt", "md", "html")

# ----------------------------------------------------------------- the inputs

#: long runs of one fragment, and mixtures: each about 100 KB or more
EXAMPLES: dict[str, str] = {
    "digits": "1" * 100_000,
    "digits with commas": "1," * 50_000,
    "digits and spaces": "1 " * 50_000,
    "decimal points": "1." * 50_000,
    "spaces": " " * 100_000,
    "tabs": "\t" * 100_000,
    "no-break spaces": "\u00a0" * 100_000,
    "dollar signs": "$" * 50_000,
    "dollars": "$1" * 30_000,
    "dollar billions": "$5 billion " * 9_000,
    "percents": "5% " * 33_000,
    "month names": "May " * 30_000,
    "date ranges": "March 20th to " * 10_000,
    "qualifiers": "more than " * 20_000,
    "records": "a record " * 20_000,
    "the day before": "the day before " * 20_000,
    "number words": "twenty-one " * 20_000,
    "number word runs": "one two three " * 20_000,
    "years ago": "three years ago " * 7_000,
    "hyphens": "-" * 100_000,
    "digits and hyphens": "1-" * 50_000,
    "slashes": "1/" * 50_000,
    "of the": "of the " * 30_000,
    "capitalised words": "Abc " * 30_000,
    "capitalised, commas": "Abc, " * 20_000,
    "no full stop": ("trade rose 5 percent to $3 billion in May " * 2_400)[:100_000],
    "newlines": "\n" * 100_000,
    "CRLF": "\r\n" * 50_000,
    "dates": "Thursday, May 8, 2025, " * 4_500,
    "dates, no commas": "Thursday May 8 2025 " * 5_000,
    "ISO dates": "2025-05-08 " * 9_000,
    "said on": "officials said on " * 6_000,
    "quotes": "\"'" * 50_000,
    "brackets": "[" * 100_000,
    "full stops": "." * 100_000,
    "e-mail like": "a@b." * 25_000,
    "mixture": (
        "$1 more than May 8, 2025 twenty-one of the Abc - 1,2 a record the day before 5% " * 1_300
    ),
    "mixture, no spaces": "$1,May8,2025,twenty-one,Abc-1,2%" * 3_000,
    "mixture, lines": "Thursday, May 8, 2025\n$1 billion\n\nmore than 20 killed\n" * 2_000,
}

#: inputs that were super-linear before their pattern was fixed (see the module docstring)
BUGS_CAUGHT: dict[str, str] = {
    # pubdate._DATELINE: "[A-Z][A-Za-z.'-]*[ \t]?" repeated {1,4} could split one
    # capitalised word in every possible way (n^4): 200 capitals took 3 s, 300 took
    # 15 s, and the dateline is looked for in the first 600 characters of every
    # article (about 4 minutes)
    "capitals": "A" * 100_000,
    "capitals and dots": "A." * 50_000,
    "capitals, no spaces": "ABC" * 34_000,
    # textnorm._URL_RE: a lazy URL tail with a look-ahead over trailing punctuation
    # read the run of dots again for each character: 25,000 dots took 5 s, 100,000
    # took 130 s
    "URL then dots": "see www." + "." * 100_000 + "x",
    "URL then brackets": "see http://a" + ")" * 100_000 + "x",
}

CASES: dict[str, str] = EXAMPLES | BUGS_CAUGHT

#: the pieces the property tests join (each repeated up to a few hundred times)
FRAGMENTS: list[str] = [
    "1",
    "1,",
    "1.",
    "1-",
    "1/",
    " ",
    "\t",
    "\n",
    "\u00a0",
    "$",
    "$1",
    "%",
    " billion",
    "May ",
    "March 20th to ",
    "Thursday, May 8, 2025, ",
    "2025",
    "more than ",
    "a record ",
    "the day before ",
    "twenty-one ",
    "one two three ",
    " years ago",
    "-",
    "of the ",
    "Abc ",
    "A",
    "A.",
    ", ",
    ".",
    '"',
    "'",
    "(",
    ")",
    "[",
    "]",
    "#",
    "*",
    "|",
    "<",
    "www.",
    "http://",
    "@",
    "said on ",
    "visit ",
    " killed",
]

MAX_CHARS = 4_000

mixtures = st.lists(
    st.tuples(st.sampled_from(FRAGMENTS), st.integers(min_value=1, max_value=300)),
    min_size=1,
    max_size=12,
).map(lambda parts: "".join(fragment * times for fragment, times in parts)[:MAX_CHARS])


# ---------------------------------------------------------------- the checks


def budget(size: int) -> float:
    """The seconds a stage may take on ``size`` characters."""
    return max(MIN_SECONDS, SECONDS_PER_100KB * size / 100_000)


def timed(what: str, size: int, run: Callable[[], T]) -> T:
    """``run()``, failing when it takes longer than the budget for ``size`` characters."""
    start = time.perf_counter()
    result = run()
    elapsed = time.perf_counter() - start
    limit = budget(size)
    assert elapsed <= limit, f"{what}: {elapsed:.1f} s on {size:,} characters (bound {limit} s)"
    return result


def assert_spans(text: str, facts: Iterable[Fact]) -> None:
    for fact in facts:
        assert 0 <= fact.start < fact.end <= len(text), fact
        assert text[fact.start : fact.end] == fact.text, fact


def offsets(text: str, facts: Sequence[Fact]) -> list[tuple[int, int]]:
    """Spans to find sentences around: a few fixed offsets and (some of) the facts'."""
    n = len(text)
    fixed = [(0, min(n, 1)), (n // 3, n // 3 + 1), (n // 2, n // 2), (max(0, n - 1), n), (n, n)]
    step = max(1, len(facts) // 200)
    return fixed + [(f.start, f.end) for f in facts[::step]]


def every_stage(doc: Document) -> None:
    """Extraction, sentences, claims and events of ``doc``, each timed and checked."""
    size = len(doc.text)
    doc, facts = timed("extract_document", size, lambda: extract_document(doc))
    assert_spans(doc.text, facts)

    sentences = Sentences(doc.match_text)
    spans = offsets(doc.text, facts)
    bounds = timed("Sentences.around", size, lambda: [sentences.around(a, b) for a, b in spans])
    for (start, end), (lo, hi) in zip(spans, bounds, strict=True):
        assert 0 <= lo <= start <= end <= hi <= size

    claims = timed("claims_of", size, lambda: claims_of(doc, facts))
    assert_spans(doc.text, (c.fact for c in claims))

    event = timed("main_event", size, lambda: main_event(doc, facts))
    if event is not None and event.date is not None:
        assert_spans(doc.text, [event.date.fact])
    dated = timed("attached_dates", size, lambda: attached_dates(doc, facts))
    assert_spans(doc.text, (d.fact for d in dated))


def documents(text: str) -> list[Document]:
    """``text`` read in each format (timed), without two with the same match text."""
    out: list[Document] = []
    for fmt in FORMATS:
        read = partial(document_from_text, text, fmt=fmt, path=f"x.{fmt}")
        doc = timed(f"document_from_text({fmt})", len(text), read)
        assert len(doc.match_text) == len(doc.text) == len(text)
        if all(doc.match_text != seen.match_text for seen in out):
            out.append(doc)
    return out


# ------------------------------------------------------- hand-made worst cases


@pytest.mark.parametrize("name", list(CASES))
def test_every_stage_is_fast_on_adversarial_text(name: str) -> None:
    for doc in documents(CASES[name]):
        every_stage(doc)


def test_check_over_a_folder_of_adversarial_articles(tmp_path: Path) -> None:
    written: dict[str, str] = {}
    for i, (name, text) in enumerate(CASES.items()):
        path = tmp_path / f"{i:02d}-{re.sub(r'[^a-z]+', '-', name.lower())}.{FORMATS[i % 3]}"
        path.write_text(text, encoding="utf-8", newline="")
        written[path.name] = text
    size = sum(map(len, written.values()))
    result = timed("check", size, lambda: check([tmp_path]))
    # whitespace-only files are refused as empty, the rest are read
    blank = {name for name, text in written.items() if not text.strip()}
    refused = {Path(e.path).name: e.message for e in result.extraction.errors}
    assert refused == dict.fromkeys(blank, "empty file")
    assert len(result.extraction.sources) == len(written) - len(blank)
    text_of = {doc.id: written[Path(doc.path).name] for doc in result.extraction.sources}
    for fact in result.extraction.facts:
        assert_spans(text_of[fact.source], [fact])


# ------------------------------------------------------- linear, not quadratic


def seconds(run: Callable[[], object], at_least: float = 0.1, runs: int = 3) -> float:
    """The fastest of as many runs as fit in ``at_least`` seconds (at least ``runs``: one
    run of the larger input, on a shared machine, now and then took three times its time)."""
    times: list[float] = []
    while len(times) < runs or sum(times) < at_least:
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


#: what is timed on a text: a function of the text that does any untimed set-up
#: (ingest, extraction) and returns the timed call
Stage = Callable[[str], Callable[[], object]]


def _ingest(fmt: Format) -> Stage:
    return lambda text: partial(document_from_text, text, fmt=fmt)


def _extract(text: str) -> Callable[[], object]:
    return partial(extract_document, document_from_text(text))


def _claims(text: str) -> Callable[[], object]:
    doc, facts = extract_document(document_from_text(text))
    return partial(claims_of, doc, facts)


def _events(text: str) -> Callable[[], object]:
    doc, facts = extract_document(document_from_text(text))
    return lambda: (main_event(doc, facts), attached_dates(doc, facts))


STAGES: dict[str, Stage] = {
    "ingest txt": _ingest("txt"),
    "ingest md": _ingest("md"),
    "ingest html": _ingest("html"),
    "extract": _extract,
    "claims": _claims,
    "events": _events,
}


def runs(fragment: str, head: str = "", tail: str = "x") -> Callable[[int], str]:
    """Texts of about n characters: ``fragment`` repeated, between ``head`` and ``tail``."""
    return lambda n: head + fragment * (n // len(fragment)) + tail


#: (stage, maker, n): the stage is timed on texts of about n and 4n characters; the
#: slowest stage for each of the worst inputs, n large enough to take milliseconds
SCALING = [
    pytest.param("ingest md", runs(" "), 25_000, id="md: spaces"),
    pytest.param("ingest md", runs("["), 25_000, id="md: ["),
    pytest.param("ingest md", runs("-"), 25_000, id="md: hyphens"),
    pytest.param("ingest html", runs("\n"), 25_000, id="html: newlines"),
    pytest.param("ingest txt", runs(".", head="see www."), 25_000, id="txt: URL then dots"),
    pytest.param("ingest txt", runs(")", head="see http://a"), 25_000, id="txt: URL then )"),
    pytest.param("ingest txt", runs(" ", head="Read more"), 25_000, id="txt: Read more, spaces"),
    pytest.param("extract", runs("1,"), 10_000, id="extract: 1,"),
    pytest.param("extract", runs("Thursday, May 8, 2025, "), 10_000, id="extract: dates"),
    pytest.param("extract", runs("twenty-one "), 25_000, id="extract: number words"),
    pytest.param("extract", runs(" ", head="$5"), 25_000, id="extract: $5, spaces"),
    pytest.param("extract", runs("A"), 25_000, id="extract: capitals"),
    pytest.param("claims", runs("$1"), 5_000, id="claims: $1"),
    pytest.param(
        "claims", runs("trade rose 5 percent to $3 billion in May "), 10_000, id="claims: prose"
    ),
    pytest.param("events", runs("March 20th to "), 10_000, id="events: date ranges"),
]


@pytest.mark.parametrize(("stage", "make", "n"), SCALING)
def test_time_grows_linearly(stage: str, make: Callable[[int], str], n: int) -> None:
    small, large = (seconds(STAGES[stage](make(size))) for size in (n, 4 * n))
    ratio = large / max(small, 1e-4)
    assert ratio < MAX_RATIO, f"{small * 1e3:.1f} ms -> {large * 1e3:.1f} ms (x{ratio:.1f})"


# ------------------------------------------------------------ property tests


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mixtures, fmt=st.sampled_from(FORMATS))
def test_mixtures_of_fragments_are_fast_and_exact(text: str, fmt: Format) -> None:
    doc = timed("document_from_text", len(text), lambda: document_from_text(text, fmt=fmt))
    assert len(doc.match_text) == len(text)
    every_stage(doc)


#: modules whose compiled patterns the window test searches
PATTERN_MODULES = [
    "factcheck.extract.context",
    "factcheck.extract.counts",
    "factcheck.extract.dates",
    "factcheck.extract.durations",
    "factcheck.extract.money",
    "factcheck.extract.numbers",
    "factcheck.extract.percent",
    "factcheck.extract.scanner",
    "factcheck.attribute",
    "factcheck.events",
    "factcheck.furniture",
    "factcheck.ingest",
    "factcheck.pubdate",
    "factcheck.sentences",
    "factcheck.textnorm",
]


def compiled_patterns() -> dict[str, re.Pattern[str]]:
    """Every module-level compiled pattern of ``PATTERN_MODULES``, by dotted name."""
    found: dict[str, re.Pattern[str]] = {}
    for module_name in PATTERN_MODULES:
        module = importlib.import_module(module_name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found[f"{module_name}.{name}"] = value
    # built on first use
    rules = furniture._rules()
    for name in rules.__slots__:
        found[f"factcheck.furniture._rules().{name}"] = getattr(rules, name)
    words = tuple(events.event_words())
    found["factcheck.events._compiled"] = events._compiled(words)
    found["factcheck.events._compiled_at_start"] = events._compiled_at_start(words)
    return found


PATTERNS = compiled_patterns()


def test_the_window_test_sees_the_patterns() -> None:
    assert len(PATTERNS) > 50
    assert "factcheck.pubdate._DATELINE" in PATTERNS
    assert "factcheck.textnorm._URL_RE" in PATTERNS


#: the longest window a pattern is searched in (the dateline's; look-behinds use far
#: shorter ones); patterns that scan a whole text are timed by the stage tests above
LONGEST_WINDOW = max(DATELINE_WINDOW, WINDOW)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mixtures)
@example(text="A" * 200)  # pubdate._DATELINE took 3 s (71 s on "ABC" * 133)
@example(text=" " * 2000)  # scanner._SHARED_NOUN took 25 s (two whitespace runs side by side)
def test_every_pattern_is_fast_on_a_window_of_mixtures(text: str) -> None:
    window = text[:LONGEST_WINDOW]
    start = time.perf_counter()
    slow = []
    for name, pattern in PATTERNS.items():
        begin = time.perf_counter()
        pattern.search(window)
        pattern.match(text)
        if time.perf_counter() - begin > 0.5:
            slow.append(name)
    assert not slow, f"slow on {window[:60]!r}...: {slow}"
    assert time.perf_counter() - start < MIN_SECONDS
