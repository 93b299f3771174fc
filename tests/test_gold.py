"""Precision and recall against the hand-written gold (tests/gold/sources.gold.yaml)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "gold"))

from factcheck.api import extract
from measure import DEFAULT_SOURCES, load_gold, measure


def test_precision_and_recall_on_sources() -> None:
    scores, false_facts, missed, wrong = measure(load_gold(), extract([DEFAULT_SOURCES]).facts)
    total = scores["all"]
    assert total.precision >= 0.95, [f"{f.source}: {f.text}" for f in false_facts]
    assert total.recall >= 0.95, [f"{g.source}: {g.text}" for g in missed]
    assert total.value_ok / total.matched >= 0.95, wrong
