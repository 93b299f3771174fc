"""Comparison benchmark for factcheck, run by hand.

    python benchmarks/bench_compare.py [--sources 5000] [--claims-per-source 20] [--seed 7]

Builds 100,000 synthetic claims across 5,000 sources (20 per source by
default): 400 stories of about 12 sources, each story with its own metrics
drawn from a pool of measure names, periods, values with rounding and
hedges, and a few planted conflicts. Times, in one process on one core:

* grouping claims by kind, unit and metric (rapidfuzz on the keys);
* linking sources into stories by shared figures;
* running the value-conflict and period-mismatch rules.

Then, for scale, the whole pipeline (extract, attribute, compare) over
``--articles`` generated articles (see ``benchmarks/corpus.py``).
Target: the 100,000 claims compared in under 10 seconds.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from bench_extract import pin_to_one_core
from factcheck.compare import analyse, group_claims, run_rules
from factcheck.events import shared_figures, stories
from factcheck.facts import Claim, Fact, Kind
from factcheck.kinds.base import Corpus
from factcheck.rulefile import load_rules

TARGET_SECONDS = 10.0
HEADS = (
    "trade export import revenue profit turnout seat vote share injured killed rescuer "
    "firefighter agreement delivery vehicle budget deficit debt growth inflation"
).split()
MODIFIERS = ("", "", "", "net", "annual", "total", "foreign", "public", "expected")
FAMILIES: tuple[tuple[Kind, str], ...] = (
    ("money", "USD"),
    ("money", "EUR"),
    ("percent", "percent"),
    ("count", ""),
)
QUALIFIERS = ("", "", "", "", "more than", "about", "nearly", "at least")


def _fact(source: str, kind: Kind, value: float, unit: str, qualifier: str, start: int) -> Fact:
    low: float | None = value
    high: float | None = value
    if qualifier in ("more than", "at least"):
        high = None
    elif qualifier == "about":
        low, high = value * 0.9, value * 1.1
    elif qualifier == "nearly":
        low = value * 0.9
    text = f"{qualifier} {value:g}".strip()
    return Fact(
        source=source,
        kind=kind,
        text=text,
        start=start,
        end=start + len(text),
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=unit,
        precision=value * 0.001,
    )


def build_claims(sources: int, per_source: int, seed: int) -> tuple[list[str], list[Claim]]:
    rng = random.Random(seed)
    ids = [f"story{i // 12:04d}/source{i:05d}" for i in range(sources)]
    claims: list[Claim] = []
    story_metrics: dict[str, list[tuple[str, Kind, str, float, str]]] = {}
    for sid in ids:
        story = sid.split("/")[0]
        if story not in story_metrics:
            metrics = []
            for _ in range(per_source * 2):
                head = rng.choice(HEADS)
                key = f"{rng.choice(MODIFIERS)} {head}".strip()
                kind, unit = rng.choice(FAMILIES)
                period = rng.choice(["2022", "2023", "2024", "2024-Q3", ""])
                metrics.append(
                    (key, kind, unit, rng.uniform(1, 1000) * 10 ** rng.randint(0, 9), period)
                )
            story_metrics[story] = metrics
        for j, (key, kind, unit, base, period) in enumerate(
            rng.sample(story_metrics[story], per_source)
        ):
            value = round(base * rng.choice((1, 1, 1, 1.0004, 0.9996, 1.3)), 1)
            fact = _fact(sid, kind, value, unit or key.split()[-1], rng.choice(QUALIFIERS), j * 100)
            claims.append(
                Claim(
                    fact=fact,
                    metric=key,
                    metric_text=key,
                    period=period or None,
                    period_low=f"{period[:4]}-01-01" if period else None,
                    period_high=f"{period[:4]}-12-31" if period else None,
                    period_how="synthetic",
                    as_of="2025-01-15",
                )
            )
    return ids, claims


T = TypeVar("T")


def timed(label: str, fn: Callable[..., T], *args: Any) -> tuple[T, float]:
    start = time.perf_counter()
    result = fn(*args)
    elapsed = time.perf_counter() - start
    print(f"  {label:44} {elapsed:8.3f} s")
    return result, elapsed


def bench_compare(sources: int, per_source: int, seed: int) -> float:
    ruleset = load_rules(None)
    rules = [r for r in ruleset.enabled() if r.kind in ("value-conflict", "period-mismatch")]
    ids, claims = build_claims(sources, per_source, seed)
    print(f"{len(claims):,} claims across {len(ids):,} sources ({per_source} per source)")
    total = 0.0
    groups, t = timed(
        "group claims by kind, unit, metric", group_claims, claims, ruleset.vocabulary
    )
    total += t
    by_source: dict[str, list[Claim]] = {}
    for c in claims:
        by_source.setdefault(c.source, []).append(c)
    shared, t = timed("count figures shared by pairs of sources", shared_figures, by_source)
    total += t
    story, t = timed("link sources into stories", stories, ids, {}, shared)
    total += t
    corpus = Corpus(
        documents={},
        facts={},
        claims=claims,
        groups=groups,
        events={},
        occurrence={},
        story=story,
        vocabulary=ruleset.vocabulary,
    )
    found, t = timed("value-conflict and period-mismatch rules", run_rules, corpus, rules)
    total += t
    counts = f"{len(groups):,} metric groups, {len(found):,} discrepancies"
    print(f"  {'total':44} {total:8.3f} s   ({counts})")
    verdict = "PASS" if total < TARGET_SECONDS else "MISS"
    target = f"target < {TARGET_SECONDS:.0f} s"
    print(f"{verdict}  {len(claims):,} claims compared in {total:.2f} s ({target})")
    return total


def bench_pipeline(articles: int, seed: int) -> None:
    from corpus import build_corpus
    from factcheck.extract import extract_document
    from factcheck.ingest import document_from_text

    texts = build_corpus(articles, seed=seed)
    start = time.perf_counter()
    extracted = [extract_document(document_from_text(a.text, id=a.id, path=a.id)) for a in texts]
    t_extract = time.perf_counter() - start
    ruleset = load_rules(None)
    start = time.perf_counter()
    analysis = analyse(extracted, ruleset)
    t_analyse = time.perf_counter() - start
    start = time.perf_counter()
    found = run_rules(analysis.corpus, ruleset.enabled())
    t_rules = time.perf_counter() - start
    n_claims = len(analysis.corpus.claims)
    print(
        f"{articles:,} generated articles: extract {t_extract:.2f} s, attribute and link "
        f"{t_analyse:.2f} s ({n_claims:,} claims), all rules {t_rules:.2f} s, "
        f"{len(found):,} discrepancies"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--sources", type=int, default=5000)
    parser.add_argument("--claims-per-source", type=int, default=20)
    parser.add_argument("--articles", type=int, default=2000, help="whole pipeline run (0: skip)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(pin_to_one_core())
    total = bench_compare(args.sources, args.claims_per_source, args.seed)
    if args.articles:
        bench_pipeline(args.articles, args.seed)
    return 0 if total < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    raise SystemExit(main())
