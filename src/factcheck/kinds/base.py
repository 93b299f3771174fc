"""What every rule kind shares: the corpus it looks at, what it returns, intervals."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.events import EventDate, MainEvent
from factcheck.facts import Claim, Document, Explanation, Fact
from factcheck.normalize import EXCLUSIVE_HIGH, EXCLUSIVE_LOW
from factcheck.ruledata import ReferenceRow, Rule, Vocabulary


@dataclass(frozen=True, slots=True)
class MetricGroup:
    """Claims that measure the same thing in comparable units."""

    metric: str
    unit: str
    claims: tuple[Claim, ...]
    #: what is measured, without what the frames add to the name (``seat`` of ``seat of Greens``)
    measure: str = ""

    @property
    def base(self) -> str:
        return self.measure or self.metric


@dataclass(frozen=True, slots=True)
class Corpus:
    """Everything the rules look at."""

    documents: Mapping[str, Document]
    facts: Mapping[str, Sequence[Fact]]
    claims: Sequence[Claim]
    groups: Sequence[MetricGroup]
    events: Mapping[str, MainEvent | None]
    #: source -> id of the cluster of sources reporting the same occurrence of its main event
    occurrence: Mapping[str, str]
    #: source -> id of the story it belongs to (same occurrence, or figures in common)
    story: Mapping[str, str]
    vocabulary: Vocabulary
    references: Sequence[ReferenceRow] = ()
    cumulative: frozenset[str] = frozenset()
    #: source -> its dates with the event word each is written next to (for the timeline rules)
    attached: Mapping[str, Sequence[EventDate]] = field(default_factory=dict)
    #: the spaCy pipeline the grammar of a sentence is read with (None: regular expressions only)
    nlp_model: str | None = None


@dataclass(frozen=True, slots=True)
class RuleContext:
    rule: Rule
    corpus: Corpus

    def option(self, name: str) -> Any:
        return self.rule.options[name]

    def groups(self, kinds: Iterable[str]) -> Iterator[MetricGroup]:
        """The metric groups of these figure kinds that the rule's ``metrics`` option admits."""
        wanted = set(kinds)
        for group in self.corpus.groups:
            if group.claims and group.claims[0].fact.kind in wanted and self.wants(group.base):
                yield group

    def wants(self, metric: str) -> bool:
        """True unless the rule's ``metrics`` option excludes this metric."""
        pattern = self.rule.options.get("metrics") or ""
        return not pattern or re.search(pattern, metric) is not None


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule found, before it becomes a Discrepancy with an id and a message."""

    claims: tuple[Claim, ...]
    metric: str
    period: str | None
    explanation: Explanation
    fields: Mapping[str, Any] = field(default_factory=dict)
    difference_abs: float | None = None
    difference_rel: float | None = None
    majority_value: Any = None
    majority_sources: tuple[str, ...] = ()


def bounds(fact: Fact, *, widen: bool = True) -> tuple[float, float]:
    """The interval a numeric fact allows, widened by its stated precision.

    A hedged figure ("about $10 billion") is not widened again: its hedge
    already reaches past its rounding (see :func:`factcheck.normalize.hedge_reach`).
    """
    assert isinstance(fact.value, int | float)
    pad = float(fact.precision or 0) if widen and fact.qualifier != "about" else 0.0
    low = float(fact.low) - pad if isinstance(fact.low, int | float) else float("-inf")
    high = float(fact.high) + pad if isinstance(fact.high, int | float) else float("inf")
    # an exclusive bound ("more than 20") is nudged so that 20 itself falls outside
    eps = max(abs(float(fact.value)) * 1e-9, 1e-9)
    if fact.qualifier in EXCLUSIVE_LOW and low != float("-inf"):
        low += eps
    if fact.qualifier in EXCLUSIVE_HIGH and high != float("inf"):
        high -= eps
    return low, high


def overlap(a: Fact, b: Fact) -> bool:
    """Whether two figures can both be right, once hedges and precision are counted."""
    return _meet(bounds(a), bounds(b))


def _meet(a: tuple[float, float], b: tuple[float, float], *, touching: bool = True) -> bool:
    """Whether two intervals share a value.

    Without ``touching``, two roundings that only touch do not: "$2.10" is
    [2.095, 2.105) and "$2.11" [2.105, 2.115), two values; an exact figure on a
    bound still meets it ("at least 20" and 20).
    """
    (lo_a, hi_a), (lo_b, hi_b) = a, b
    if lo_a < hi_b and lo_b < hi_a:
        return True
    if not (lo_a == hi_b or lo_b == hi_a):
        return False
    return touching or lo_a == hi_a or lo_b == hi_b


def agreement_clusters(claims: Sequence[Claim]) -> list[list[Claim]]:
    """Claims split into clusters whose members all agree with each other (never by chains).

    Precise figures are placed first, by their sweep over the number line: a
    cluster is closed as soon as the next interval misses the values every member
    allows (intervals that pairwise overlap share a point), so 1,206 ~ 1,207 ~
    1,208 does not make 1,206 agree with 1,208. A vague figure ("about $50
    billion") then joins the first cluster it agrees with in full, or stands
    alone: it never joins two precise figures that disagree.

    >>> from factcheck.facts import Fact
    >>> def c(v, q="", p=0.5):
    ...     lo, hi = (v * 0.9, v * 1.1) if q else (v, v)
    ...     fact = Fact(f"s{v}", "count", str(v), 0, 1, v, lo, hi, q, precision=p)
    ...     return Claim(fact, "x", "x")
    >>> def values(*claims):
    ...     return [[x.fact.value for x in k] for k in agreement_clusters(claims)]
    >>> values(c(1206), c(1207), c(1208))
    [[1206, 1207], [1208]]
    >>> values(c(50.1, p=0.05), c(50, "about"), c(46.2, p=0.05))
    [[46.2, 50], [50.1]]
    """
    interval = {c: bounds(c.fact) for c in claims}
    # an actual figure a source truncates ($21.301 billion as $21.30 or $21.31) touches
    # the other's rounding: one value; forecasts of several providers are several values
    touching = not all(c.frame.modality == "forecast" for c in claims)
    ordered = sorted(claims, key=lambda c: (interval[c][0], c.source, c.fact.start))
    width = {c: hi - lo for c, (lo, hi) in interval.items()}
    # vague: an open interval, or one more than four times as wide as the median
    finite = sorted(w for w in width.values() if w != float("inf"))
    cutoff = finite[len(finite) // 2] * 4 if finite else float("inf")
    is_precise = {c: width[c] != float("inf") and width[c] <= cutoff for c in ordered}
    clusters: list[list[Claim]] = []
    shared: list[tuple[float, float]] = []
    for claim in (c for c in ordered if is_precise[c]):
        lo, hi = interval[claim]
        if clusters and _meet((lo, hi), shared[-1], touching=touching):
            clusters[-1].append(claim)
            shared[-1] = (max(shared[-1][0], lo), min(shared[-1][1], hi))
        else:
            clusters.append([claim])
            shared.append((lo, hi))
    for claim in (c for c in ordered if not is_precise[c]):
        lo, hi = interval[claim]
        for i, (a, b) in enumerate(shared):
            if _meet((lo, hi), (a, b), touching=touching):
                clusters[i].append(claim)
                shared[i] = (max(a, lo), min(b, hi))
                break
        else:
            clusters.append([claim])
            shared.append((lo, hi))
    return clusters


def numeric(claim: Claim) -> float | None:
    """A claim's value as a number (None for a date, a clock time (minutes after midnight
    are no magnitude: 12:25 a.m. is not twenty times less than 8:30 a.m.) or a value that
    is not one)."""
    if claim.fact.kind == "time":
        return None
    v = claim.fact.value
    return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else None


def is_transposition(a: float, b: float) -> bool:
    """``4.62`` and ``4.26``, ``67.4`` and ``64.7``: the same digits in another order."""
    da = re.sub(r"\D", "", f"{a:.6g}")
    db = re.sub(r"\D", "", f"{b:.6g}")
    return da != db and len(da) == len(db) and sorted(da) == sorted(db)


def is_decimal_slip(a: float, b: float) -> bool:
    """``$863.1 billion`` and ``$86.31 billion``: the same digits, a power of ten apart."""
    if a <= 0 or b <= 0:
        return False
    da = f"{a:.6e}".split("e")[0].replace(".", "").rstrip("0")
    db = f"{b:.6e}".split("e")[0].replace(".", "").rstrip("0")
    ratio = max(a, b) / min(a, b)
    # three digits or more: 25 against 250 may well be two measures, 863.1 against 86.31 not
    return len(da) >= 3 and da == db and any(abs(ratio - 10**k) < 1e-6 * 10**k for k in (1, 2, 3))


def show(fact: Fact) -> str:
    """A figure as the reader saw it."""
    return " ".join(fact.text.split())


def sources_of(claims: Iterable[Claim]) -> str:
    """The sources of ``claims``, each once, in order: ``a, b, c``."""
    return ", ".join(sorted({c.source for c in claims}))


def shown(claims: Iterable[Claim]) -> str:
    """The figures of ``claims`` as the reader saw them, each once, in order."""
    return ", ".join(sorted({show(c.fact) for c in claims}))


def day(iso: str | None) -> dt.date | None:
    if not iso or iso.startswith("--"):
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


Dated = tuple[dt.date, dt.date, Claim]


def day_clusters(items: Sequence[Dated], window: int = 0) -> list[list[Dated]]:
    """Days (first, last, claim) that overlap or stand within ``window`` days, chained."""
    clusters: list[list[Dated]] = []
    reach: dt.date | None = None
    for item in sorted(items, key=lambda x: (x[0], x[1])):
        if reach is None or (item[0] - reach).days > window:
            clusters.append([item])
            reach = item[1]
        else:
            clusters[-1].append(item)
            reach = max(reach, item[1])
    return clusters


def majority(clusters: Sequence[Sequence[Claim]]) -> tuple[Sequence[Claim], tuple[str, ...]]:
    """The cluster that most sources support, and those sources."""
    best = max(clusters, key=lambda c: (len({x.source for x in c}), -min(x.fact.start for x in c)))
    return best, tuple(sorted({x.source for x in best}))
