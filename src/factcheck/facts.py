"""The data that flows through factcheck: documents in, facts out.

All are frozen dataclasses. Character offsets (``start``/``end``) always index
the *original* decoded file text (:attr:`Document.text`), so that
``doc.text[fact.start:fact.end] == fact.text``.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

Kind = Literal["money", "count", "ordinal", "percent", "duration", "quantity", "date", "time"]
KINDS: tuple[Kind, ...] = (
    "money",
    "count",
    "ordinal",
    "percent",
    "duration",
    "quantity",
    "date",
    "time",
)

Granularity = Literal["day", "month", "year"]


class Resolution(enum.StrEnum):
    """How a date was resolved; :attr:`Fact.resolution` is the note that says it in words."""

    #: written in full ("8 May 2025")
    STATED = "stated"
    #: the year taken from the publication date ("on May 8")
    YEAR_ASSUMED = "year assumed"
    #: a bare weekday, the most recent one on or before publication ("on Thursday")
    LAST_WEEKDAY = "last weekday"
    #: a bare weekday after publication ("next Thursday", "starting Friday")
    NEXT_WEEKDAY = "next weekday"
    #: a bare weekday matched to a full date the text states
    WEEKDAY_MATCHED = "weekday matched"
    #: counted from the publication date ("last week", "two days ago")
    RELATIVE = "relative"
    #: not resolved: the publication date, or the phrase, is not known
    UNRESOLVED = "unresolved"
    #: no such day ("February 30")
    INVALID = "invalid"


PublishedMethod = Literal["front-matter", "dateline", "inferred", "unknown"]

Number = int | float


@dataclass(frozen=True, slots=True)
class Published:
    """When a source was published, and how factcheck knows it."""

    date: _dt.date | None = None
    granularity: Granularity | None = None
    method: PublishedMethod = "unknown"
    evidence: str = ""
    #: where the evidence stands in the text (a dateline), when it is in the text
    span: tuple[int, int] | None = None

    @property
    def iso(self) -> str | None:
        """The date as ISO text at its granularity (``2025-05-08``, ``2025-05``, ``2025``)."""
        if self.date is None or self.granularity is None:
            return None
        return iso_at(self.date, self.granularity)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.iso,
            "granularity": self.granularity,
            "method": self.method,
            "evidence": self.evidence,
        }


def iso_at(day: _dt.date, granularity: Granularity) -> str:
    """``iso_at(date(2025, 5, 8), "month") == "2025-05"``."""
    if granularity == "year":
        return f"{day.year:04d}"
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk.

    ``text`` is the decoded file text, untouched: evidence is cut from it.
    ``match_text`` has exactly the same length; it is what extractors read:
    typography normalised (curly quotes, dashes, odd spaces), markup, URLs and
    page furniture blanked out with spaces (line breaks kept), so every offset
    found in it is also an offset into ``text``.
    """

    id: str
    path: str
    text: str
    match_text: str
    format: Literal["txt", "md", "html"] = "txt"
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: Published = field(default_factory=Published)
    meta: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    #: the length of the text of a slim document (see :meth:`slim`); -1 when the text is here
    size: int = -1

    def __post_init__(self) -> None:
        if len(self.text) != len(self.match_text):
            raise ValueError("match_text must have the same length as text")

    @property
    def is_slim(self) -> bool:
        return self.size >= 0

    def slim(self) -> Document:
        """The same document without its text, to keep memory bounded on large corpora.

        Everything but ``text`` and ``match_text`` is kept; the text can be read
        again from ``path`` when a quote's line number is needed.
        """
        if self.is_slim or self.path == "-":
            return self
        return dataclasses.replace(self, text="", match_text="", size=len(self.text))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "format": self.format,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published.to_dict(),
            "meta": {k: _jsonable(v) for k, v in self.meta.items()},
            "chars": self.size if self.is_slim else len(self.text),
            "warnings": list(self.warnings),
        }


@dataclass(frozen=True, slots=True)
class DateSpec:
    """A date as written, before it is resolved against the publication date.

    Absolute parts (``year``/``month``/``day``) are what the text states.
    ``rel_unit``/``rel_offset`` describe a relative date: ``last year`` is
    (``year``, -1), ``ten years ago`` (``year``, -10), ``yesterday``
    (``day``, -1), ``earlier this month`` (``month``, 0). ``weekday`` is 0 for
    Monday; with no other parts it is a bare weekday (``on Thursday``) whose
    direction is ``rel_offset`` (-1 past, 0 nearest, 1 coming). A rarer
    phrase (``the day before yesterday``) has ``rel_unit`` ``phrase``. A
    month named relative to publication has ``month`` and ``rel_unit``
    ``named month`` (``last November``: -1, ``next March``: 1, ``this May``: 0)
    or ``month of year`` (``in November last year``: the year's offset).
    """

    year: int | None = None
    month: int | None = None
    day: int | None = None
    end_year: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    weekday: int | None = None
    rel_unit: str | None = None
    rel_offset: int = 0
    #: a relative phrase read by dateparser (``rel_unit == "phrase"``)
    phrase: str | None = None
    #: a month without its year told in the past tense ("inflation stood at 10.1 per cent in
    #: January"): the latest such month by publication, not the nearest
    past: bool = False

    @property
    def is_relative(self) -> bool:
        return self.rel_unit is not None

    @property
    def is_range(self) -> bool:
        return self.end_day is not None or self.end_month is not None or self.end_year is not None


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure as found by an extractor, before it is normalised into a Fact.

    ``number`` is the stated figure times its scale (base units), ``step`` the
    size of the last digit stated (0 when exact), ``number_high`` the upper
    end of a stated range (``$1-2 billion``).
    """

    kind: Kind
    start: int
    end: int
    number: Decimal | None = None
    number_high: Decimal | None = None
    step: Decimal = Decimal(0)
    qualifier: str = ""
    unit: str = ""
    noun: str = ""
    record: bool = False
    date: DateSpec | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure found in a source, with its exact evidence.

    Numbers are in base units (``$245 billion`` -> ``245000000000``, unit
    ``USD``). ``low``/``high`` are the interval the wording implies
    (``more than 20`` -> low 20, high None); ``precision`` is the half-width
    implied by the digits stated (``245 billion`` -> 0.5 billion), which the
    rule engine may use when comparing with a more precise figure.

    For dates, ``value``/``low``/``high`` are ISO strings: ``value`` at the
    stated granularity (``2023-03``), ``low``/``high`` the first and last day
    it covers. ``resolution`` says how a relative or partial date was resolved.

    For clock times, ``value`` is the minutes after midnight as written, ``low``/``high``
    the minutes its words allow (``around 3:50 p.m.``: 945 to 955; a bound is open on one
    side), and ``unit`` the zone its words name (an IANA zone, a fixed offset such as
    ``-05:00``, ``local``, or ``""`` for none).
    """

    source: str
    kind: Kind
    text: str
    start: int
    end: int
    value: Number | str | None
    low: Number | str | None
    high: Number | str | None
    qualifier: str = ""
    unit: str = ""
    sentence: str = ""
    precision: Number | None = None
    granularity: Granularity | None = None
    resolution: str = ""
    noun: str = ""
    record: bool = False
    #: how a date was resolved (typed; ``resolution`` is the note in words)
    how: Resolution = Resolution.STATED
    #: a date that names its weekday: whether the weekday is the date's (None: none named)
    weekday_matches: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier,
            "unit": self.unit,
        }
        if self.kind == "date":
            out["granularity"] = self.granularity
            out["resolution"] = self.resolution
            out["how"] = str(self.how)
            out["weekday_matches"] = self.weekday_matches
        out["precision"] = self.precision
        out["noun"] = self.noun
        out["record"] = self.record
        out["sentence"] = self.sentence
        return out


FACT_COLUMNS: tuple[str, ...] = (
    "source",
    "kind",
    "text",
    "start",
    "end",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "granularity",
    "resolution",
    "precision",
    "noun",
    "record",
    "sentence",
)


def _jsonable(value: Any) -> Any:
    if isinstance(value, _dt.date | _dt.datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


#: how a part of a claim frame was found in the sentence's grammar
FrameHow = Literal[
    "possessor",
    "subject",
    "for",
    "of",
    "list",
    "apposition",
    "modifier",
    "preposition",
    "clause",
    "according to",
    "reporting verb",
    "sign",
    "change verb",
    "change noun",
    "margin verb",
    "phrase",
    "path",
    "since",
    "comparison",
    "predicate",
    "infinitive",
    "where clause",
    "proper adjective",
]
#: what kind of figure a claim is: an actual one, or not (yet)
Modality = Literal["actual", "estimate", "forecast", "target", "exit poll", "negated"]
MODALITIES: tuple[Modality, ...] = (
    "actual",
    "estimate",
    "forecast",
    "target",
    "exit poll",
    # "none of the candidates obtained 45%", "she did not win 50%": no claim of its value
    "negated",
)
Sense = Literal["level", "change"]


@dataclass(frozen=True, slots=True)
class FramePart:
    """One part of a claim frame: its key, the words it came from and how it was found."""

    key: str
    words: str
    how: FrameHow

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "words": self.words, "how": self.how}


@dataclass(frozen=True, slots=True)
class Frame:
    """What a figure claims, read from the grammar of its sentence.

    ``entity`` is whose figure it is, ``scope`` the place, part or sub-event
    it is for, ``sense`` a level or a change (with the ``basis`` of a change),
    ``modality`` whether it is an actual figure, ``speaker`` who gives it and
    ``baseline`` a date it is compared with (never its period). ``parsed`` is
    False when the sentence could not be parsed around the figure (the frame
    is then empty and less sure).
    """

    entity: FramePart | None = None
    scope: FramePart | None = None
    sense: Sense = "level"
    sense_how: FramePart | None = None
    basis: FramePart | None = None
    modality: Modality = "actual"
    modality_how: FramePart | None = None
    speaker: FramePart | None = None
    baseline: FramePart | None = None
    #: what a counted subject does or is: ``14 parties contested`` -> contested
    predicate: FramePart | None = None
    #: the event itself is what the figure is said of (``the quake struck 72 km from X``,
    #: ``the epicentre was 77 km away``): in a measure that names several entities, such
    #: figures are the event's and compared with each other
    of_event: FramePart | None = None
    #: what the figure measures, when only the grammar could tell (``Gross margin expanded
    #: to 45.9%``: the clause's subject); None when the words around the figure said
    measure: FramePart | None = None
    headline: bool = False
    parsed: bool = True

    def compare_key(self) -> tuple[str, ...]:
        """Figures are compared only when these are equal (scope, entity and predicate:
        see :func:`factcheck.compare.group_claims`, where a missing one may be inferred)."""
        modality = "actual" if self.modality == "estimate" else self.modality
        return (
            self.sense,
            self.basis.key if self.basis else "",
            modality,
        )

    def to_dict(self) -> dict[str, Any]:
        def part(p: FramePart | None) -> dict[str, Any] | None:
            return p.to_dict() if p is not None else None

        return {
            "entity": part(self.entity),
            "scope": part(self.scope),
            "sense": self.sense,
            "sense_how": part(self.sense_how),
            "basis": part(self.basis),
            "modality": self.modality,
            "modality_how": part(self.modality_how),
            "speaker": part(self.speaker),
            "baseline": part(self.baseline),
            "predicate": part(self.predicate),
            "of_event": part(self.of_event),
            "measure": part(self.measure),
            "headline": self.headline,
            "parsed": self.parsed,
        }


def frame_from_dict(data: Mapping[str, Any]) -> Frame:
    """The frame :meth:`Frame.to_dict` wrote (equal to it)."""

    def part(d: Any) -> FramePart | None:
        return FramePart(d["key"], d["words"], d["how"]) if d else None

    parts = (
        "entity",
        "scope",
        "sense_how",
        "basis",
        "modality_how",
        "speaker",
        "baseline",
        "predicate",
        "of_event",
        "measure",
    )
    return Frame(
        **{k: part(data.get(k)) for k in parts},
        sense=data.get("sense", "level"),
        modality=data.get("modality", "actual"),
        headline=bool(data.get("headline", False)),
        parsed=bool(data.get("parsed", True)),
    )


@dataclass(frozen=True, slots=True)
class Claim:
    """A fact with what it measures and for which period or event.

    ``metric`` is the normalised key (``trade``, ``agreement``) and
    ``metric_text`` the words it came from. ``period`` is an ISO period
    (``2024``, ``2023-03``, ``2024-Q3``, ``2025-05-08``) or None, with its
    first and last day and ``period_how`` saying how it was found. ``event``
    is the event the figure belongs to (``visit``), ``as_of`` the source's
    publication date. ``counted`` is how far a count had got when the figure
    was given (``with 99.28% of ballots counted``: 99.28), when its sentence says.
    ``zone`` is, for a clock time with no zone or in ``local time``, the time zone of the
    one place its sentence names (``made landfall over the coast of Mexico at 1:25 a.m.
    local time``: America/Mexico_City).
    """

    fact: Fact
    metric: str
    metric_text: str
    period: str | None = None
    period_low: str | None = None
    period_high: str | None = None
    period_how: str = "unknown"
    event: str | None = None
    as_of: str | None = None
    frame: Frame = field(default_factory=Frame)
    counted: Number | None = None
    zone: str | None = None

    @property
    def source(self) -> str:
        return self.fact.source

    def to_dict(self) -> dict[str, Any]:
        f = self.fact
        return {
            "source": f.source,
            "kind": f.kind,
            "value": f.value,
            "low": f.low,
            "high": f.high,
            "qualifier": f.qualifier,
            "unit": f.unit,
            "precision": f.precision,
            "text": f.text,
            "start": f.start,
            "end": f.end,
            "sentence": f.sentence,
            "metric": self.metric,
            "metric_text": self.metric_text,
            "period": self.period,
            "period_how": self.period_how,
            "event": self.event,
            "as_of": self.as_of,
            "counted": self.counted,
            "zone": self.zone,
            "frame": self.frame.to_dict(),
        }


Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")

Explanation = Literal[
    "rounding",
    "different period",
    "different event",
    "typo-like transposition",
    "misplaced decimal point",
    "unexplained",
]


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """A conflict between claims, found by one rule, explained with evidence."""

    id: str
    rule: str
    name: str
    level: Level
    message: str
    explanation: Explanation
    metric: str
    period: str | None
    claims: tuple[Claim, ...]
    difference_abs: float | None = None
    difference_rel: float | None = None
    majority_value: Any = None
    majority_sources: tuple[str, ...] = ()
    #: how likely the discrepancy is a real conflict (0-1), and what lowered it
    confidence: float = 1.0
    confidence_reasons: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "rule": self.rule,
            "name": self.name,
            "level": self.level,
            "message": self.message,
            "explanation": self.explanation,
            "metric": self.metric,
            "period": self.period,
            "difference": {"absolute": self.difference_abs, "relative": self.difference_rel},
            "majority": {"value": self.majority_value, "sources": list(self.majority_sources)},
            "confidence": {
                "score": round(self.confidence, 3),
                "reasons": list(self.confidence_reasons),
            },
            "claims": [c.to_dict() for c in self.claims],
        }
