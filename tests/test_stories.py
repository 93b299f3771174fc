"""The hand-written multi-source stories (tests/stories): planted conflicts and non-conflicts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.api import CheckResult, check

STORIES = Path(__file__).parent / "stories"
RULE_PREFIX = {
    "value-conflict": ("FC101",),
    "period-mismatch": ("FC102",),
    "event-date-conflict": ("FC103",),
    "timeline": ("FC2",),
    "reference": ("FC3",),
}

_results: dict[str, CheckResult] = {}


def result_for(story: str) -> CheckResult:
    if story not in _results:
        _results[story] = check([STORIES / story])
    return _results[story]


def _expectations(section: str) -> list[Any]:
    out = []
    for path in sorted(STORIES.glob("*/expected.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for entry in data.get(section, []):
            out.append(pytest.param(data["story"], entry, id=f"{data['story']}-{entry['id']}"))
    return out


def _involves(d: Any, sources: list[str], values: list[str]) -> bool:
    claims = d.claims
    texts = {(c.source, " ".join(c.fact.text.split())) for c in claims}
    hits = 0
    for value in values:
        if any(value in text or text in value for _, text in texts):
            hits += 1
    named = {c.source for c in claims}
    return hits >= min(2, len(values)) and set(sources) <= named | set(sources[:1])


@pytest.mark.parametrize(("story", "entry"), _expectations("must_flag"))
def test_planted_conflict_is_reported(story: str, entry: dict[str, Any]) -> None:
    result = result_for(story)
    prefixes = RULE_PREFIX[entry["kind"]]
    found = [
        d for d in result.discrepancies
        if d.rule.startswith(prefixes) and _involves(d, entry["sources"], entry["values"])
    ]  # fmt: skip
    assert found, [d.message for d in result.discrepancies]


def _side(d: Any, c: Any) -> object:
    """Which side of a discrepancy a claim stands on."""
    if d.rule == "FC102":
        return c.period
    if d.rule == "FC101":
        return c.source in d.majority_sources
    return (c.source, c.fact.start)


@pytest.mark.parametrize(("story", "entry"), _expectations("must_not_flag"))
def test_planted_agreement_is_not_reported(story: str, entry: dict[str, Any]) -> None:
    result = result_for(story)
    values = entry["values"]
    wrong = []
    for d in result.discrepancies:
        named = [c for c in d.claims if c.source in entry["sources"]]
        sides = {
            v: {_side(d, c) for c in named if v in c.fact.text or c.fact.text in v} for v in values
        }
        present = [s for s in sides.values() if s]
        # two of the values stand on different sides: they were reported against each other
        if len(present) >= 2 and any(a != b for a in present for b in present):
            wrong.append(d.message)
    assert wrong == []
