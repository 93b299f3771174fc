"""The data of rule files: rules, their examples, reference rows and the vocabulary.

Frozen dataclasses only, read by the analysis and the rule kinds; loading and
validating them is :mod:`factcheck.rulefile`'s (which imports the kinds, so
the analysis must not import it).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = [
    "Example",
    "ExampleArticle",
    "ReferenceRow",
    "Rule",
    "RuleSet",
    "Vocabulary",
    "join_groups",
]

RuleLevel = Literal["error", "warning", "info"]
Lifecycle = Literal["stable", "preview", "deprecated"]
ExampleFormat = Literal["txt", "md", "html"]
Expect = Literal["pass", "fail"]

RULE_LEVELS: tuple[RuleLevel, ...] = ("error", "warning", "info")
LIFECYCLES: tuple[Lifecycle, ...] = ("stable", "preview", "deprecated")
EXAMPLE_FORMATS: tuple[ExampleFormat, ...] = ("txt", "md", "html")
EXPECTS: tuple[Expect, ...] = ("pass", "fail")


@dataclass(frozen=True, slots=True)
class ExampleArticle:
    """One article of a rule example."""

    #: given in the file, or ``a``, ``b``, ``c``... by position
    id: str
    text: str
    published: datetime.date | None
    fmt: ExampleFormat = "txt"


@dataclass(frozen=True, slots=True)
class Example:
    """A case a rule must pass or fail: run as a test of the rule."""

    expect: Expect
    articles: tuple[ExampleArticle, ...]
    #: line of the example in its rule file
    line: int


@dataclass(frozen=True, slots=True)
class Rule:
    """A validated rule: every option present (defaults filled in)."""

    code: str
    name: str
    kind: str
    level: RuleLevel
    #: ``str.format`` template; only fields the kind provides
    message: str
    description: str
    #: every option of the kind (and the common ones); treat as read-only
    options: Mapping[str, Any]
    examples: tuple[Example, ...]
    enabled: bool = True
    link: str | None = None
    lifecycle: Lifecycle = "stable"
    #: the file the rule came from (for an overridden built-in: the user's file)
    path: str = ""
    #: line of the rule in that file
    line: int = 1


@dataclass(frozen=True, slots=True)
class ReferenceRow:
    """One row of a reference rule's CSV table."""

    metric: str
    period: str | None
    value: float
    unit: str
    source: str
    note: str
    #: code of the reference rule that loaded it
    rule: str
    #: the CSV file and the row's 1-based line (the header is line 1)
    path: str
    line: int


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Words the rules may use beyond the built-in lexicon (all lower case)."""

    #: groups of words naming the same measure or event
    synonyms: tuple[frozenset[str], ...] = ()
    #: word -> the word that names its synonym group (the first one listed)
    names: Mapping[str, str] = field(default_factory=dict)
    #: metric name -> phrases that name it
    metrics: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: extra event nouns
    events: frozenset[str] = frozenset()
    #: extra words of cumulative measures (tolls)
    cumulative: frozenset[str] = frozenset()
    #: ``("EUR", "USD") -> 1.08`` means 1 EUR = 1.08 USD
    rates: Mapping[tuple[str, str], float] = field(default_factory=dict)

    def merged(self, other: Vocabulary) -> Vocabulary:
        """The union of both; ``other`` wins where both give a rate.

        Synonym groups sharing a word become one group:

        >>> a = Vocabulary(synonyms=(frozenset({"deaths", "fatalities"}),))
        >>> b = Vocabulary(synonyms=(frozenset({"killed", "deaths"}),))
        >>> sorted(a.merged(b).synonyms[0])
        ['deaths', 'fatalities', 'killed']
        """
        metrics = {name: tuple(phrases) for name, phrases in self.metrics.items()}
        for name, phrases in other.metrics.items():
            metrics[name] = tuple(dict.fromkeys((*metrics.get(name, ()), *phrases)))
        return Vocabulary(
            synonyms=join_groups((*self.synonyms, *other.synonyms)),
            names={**other.names, **self.names},
            metrics=metrics,
            events=self.events | other.events,
            cumulative=self.cumulative | other.cumulative,
            rates={**self.rates, **other.rates},
        )


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Every rule (enabled or not, sorted by code), the vocabulary and reference rows."""

    rules: tuple[Rule, ...]
    vocabulary: Vocabulary
    #: rows of every reference rule's table, in rule code order then file order
    references: tuple[ReferenceRow, ...]

    def enabled(self) -> tuple[Rule, ...]:
        """The rules to run."""
        return tuple(rule for rule in self.rules if rule.enabled)


def join_groups(groups: Iterable[frozenset[str]]) -> tuple[frozenset[str], ...]:
    """Groups that share a word become one, in order of first appearance."""
    joined: list[set[str]] = []
    for group in groups:
        hits = [other for other in joined if other & group]
        if not hits:
            joined.append(set(group))
            continue
        hits[0].update(group)
        for other in hits[1:]:
            hits[0].update(other)
            joined.remove(other)
    return tuple(frozenset(group) for group in joined)
