"""The fixed set of rule kinds: one module each, listed here by name.

A kind declares the options a rule of its kind may set (with their types and
defaults) and the fields its message may use; :mod:`factcheck.rulefile`
validates rule files against these, and :mod:`factcheck.compare` runs
``check``. The registry is an explicit dict: greppable, no magic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from factcheck.kinds.base import Finding, RuleContext


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """One option a rule kind accepts: its type(s), default and meaning."""

    types: tuple[type, ...]
    default: Any
    help: str
    #: for string options holding a regular expression: must compile
    regex: bool = False
    #: when not empty, the only values allowed
    choices: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class KindSpec:
    name: str
    summary: str
    options: Mapping[str, OptionSpec]
    fields: frozenset[str]
    check: Callable[[RuleContext], Iterator[Finding]] = field(repr=False)


#: options every rule accepts, whatever its kind
COMMON_OPTIONS: dict[str, OptionSpec] = {
    "metrics": OptionSpec(
        (str,), "", "only check metrics whose key matches this regular expression", regex=True
    ),
}

#: message fields every kind provides
COMMON_FIELDS = frozenset(
    {"metric", "period", "explanation", "sources", "values", "count", "code", "name"}
)


def registry() -> dict[str, KindSpec]:
    """Every rule kind by name (imported on first use)."""
    from factcheck.kinds import (
        action_date,
        action_time,
        event_date,
        period_mismatch,
        reference,
        timeline,
        value_conflict,
    )

    specs = [
        value_conflict.SPEC,
        period_mismatch.SPEC,
        event_date.SPEC,
        action_date.SPEC,
        action_time.SPEC,
        timeline.SPEC,
        reference.SPEC,
    ]
    return {spec.name: spec for spec in specs}


KIND_NAMES: tuple[str, ...] = (
    "value-conflict",
    "period-mismatch",
    "event-date-conflict",
    "action-date-conflict",
    "action-time-conflict",
    "timeline",
    "reference",
)
