"""Precision and recall of the extractor against the hand-written gold.

Usage::

    python tests/gold/measure.py [--verbose]

A fact found matches a gold entry when both are in the same source, of the
same kind, and their spans overlap; each gold entry matches at most one fact.
Values are compared for the matched pairs (a gold value of null means the
date cannot be resolved from the article alone).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from check_gold import DEFAULT_GOLD, DEFAULT_SOURCES, find_occurrence  # noqa: E402
from factcheck.api import extract  # noqa: E402
from factcheck.facts import Fact  # noqa: E402


@dataclass(frozen=True)
class GoldEntry:
    source: str
    kind: str
    text: str
    start: int
    end: int
    value: Any


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched: int = 0
    value_ok: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0


def load_gold(path: Path = DEFAULT_GOLD, sources: Path = DEFAULT_SOURCES) -> list[GoldEntry]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for source, entries in data["sources"].items():
        body = (sources / f"{source}.txt").read_text(encoding="utf-8")
        for entry in entries:
            start = find_occurrence(body, entry["text"], entry.get("occurrence", 1))
            out.append(
                GoldEntry(
                    source,
                    entry["kind"],
                    entry["text"],
                    start,
                    start + len(entry["text"]),
                    entry.get("value"),
                )
            )
    return out


def _value_ok(fact: Fact, gold: GoldEntry) -> bool:
    if gold.value is None:
        return fact.value is None or (isinstance(fact.value, str) and fact.value.startswith("--"))
    if isinstance(gold.value, str):
        return fact.value == gold.value
    return isinstance(fact.value, int | float) and abs(fact.value - gold.value) < 1e-9


def measure(
    gold: list[GoldEntry], facts: list[Fact]
) -> tuple[dict[str, Score], list[Fact], list[GoldEntry], list[tuple[Fact, GoldEntry]]]:
    """Scores per kind (and ``all``), the false facts, the missed gold, the wrong values."""
    scores: dict[str, Score] = {}
    free = list(gold)
    false_facts: list[Fact] = []
    wrong: list[tuple[Fact, GoldEntry]] = []
    for g in gold:
        scores.setdefault(g.kind, Score()).gold += 1
    for fact in facts:
        score = scores.setdefault(fact.kind, Score())
        score.found += 1
        hit = next(
            (
                g
                for g in free
                if g.source == fact.source
                and g.kind == fact.kind
                and g.start < fact.end
                and fact.start < g.end
            ),
            None,
        )
        if hit is None:
            false_facts.append(fact)
            continue
        free.remove(hit)
        score.matched += 1
        if _value_ok(fact, hit):
            score.value_ok += 1
        else:
            wrong.append((fact, hit))
    total = Score()
    for s in scores.values():
        total.gold += s.gold
        total.found += s.found
        total.matched += s.matched
        total.value_ok += s.value_ok
    scores["all"] = total
    return scores, false_facts, free, wrong


def main(argv: list[str]) -> int:
    result = extract([str(DEFAULT_SOURCES)])
    gold = load_gold()
    scores, false_facts, missed, wrong = measure(gold, result.facts)
    print(
        f"{'kind':10} {'gold':>5} {'found':>6} {'match':>6} {'precision':>10} {'recall':>7} {'value ok':>9}"
    )
    for kind, s in sorted(scores.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        print(
            f"{kind:10} {s.gold:5d} {s.found:6d} {s.matched:6d} {s.precision:10.3f} "
            f"{s.recall:7.3f} {s.value_ok:5d}/{s.matched}"
        )
    if "--verbose" in argv or "-v" in argv:
        for f in false_facts:
            print(f"FALSE   {f.source}: {f.kind} {f.text!r} = {f.value}")
        for g in missed:
            print(f"MISSED  {g.source}: {g.kind} {g.text!r}")
        for f, g in wrong:
            print(f"VALUE   {f.source}: {f.kind} {f.text!r} = {f.value!r}, gold {g.value!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
