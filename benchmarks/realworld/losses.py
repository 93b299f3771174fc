"""Where each gold conflict that ``score.py`` counts as not found was lost, by stage.

    python benchmarks/realworld/losses.py [STORY ...]

For every story (all with texts present, or those named), each conflict no report finds
is put in the first stage that lost it, read from the claims and metric groups of one
run of the analysis over the story's texts:

* ``extract``: fewer than two of its figures became claims (a figure never read, or read
  with no measure);
* ``kind/unit``: claims of different kinds or units (a count against a percentage);
* ``metric``: the same kind, different measures (``net income`` against ``net profit``);
* ``frame``: the same measure, frames that keep them apart (entity, scope, predicate,
  sense, basis, modality: the parts are named);
* ``same-group``: compared in one group, but no rule reported them (another period
  bucket, a running total of another day, a hedge that lets them agree);
* ``values-equal``: the claims read the same value where the gold says they differ;
* ``doubted``: reported, but less likely than the default ``min-confidence`` (the
  default output leaves it out; ``--min-confidence 0`` shows it).

The totals say which stage to work on; ``misses.py`` shows each figure's claims.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score  # noqa: E402  (a sibling script, not a package)

from factcheck import api  # noqa: E402
from factcheck.compare import analyse, run_rules  # noqa: E402
from factcheck.config import Settings  # noqa: E402
from factcheck.facts import Claim  # noqa: E402
from factcheck.ingest import iter_sources  # noqa: E402
from factcheck.rulefile import load_rules  # noqa: E402

STAGES = ("doubted", "same-group", "frame", "metric", "kind/unit", "values-equal", "extract")


def _frame_parts(a: Claim, b: Claim) -> list[str]:
    def key(claim: Claim, part: str) -> str | None:
        value = getattr(claim.frame, part)
        return value.key if value is not None else None

    parts = [p for p in ("entity", "scope", "predicate") if key(a, p) != key(b, p)]
    if a.frame.compare_key() != b.frame.compare_key():
        parts.append("sense/basis/modality")
    return parts


def _stage(a: Claim, b: Claim, grouped: dict[tuple[str, int, int], set[int]]) -> str:
    def groups(c: Claim) -> set[int]:
        return grouped.get((c.source, c.fact.start, c.fact.end), set())

    if groups(a) & groups(b):
        return "same-group"
    if a.fact.kind != b.fact.kind or a.fact.unit != b.fact.unit:
        return "kind/unit"
    if a.metric != b.metric:
        return "metric"
    return "frame:" + ",".join(_frame_parts(a, b) or ["?"])


def losses(story: str) -> list[tuple[str, str]]:
    """(conflict id, stage) of each conflict of ``story`` no report finds."""
    prepared = score.prepare(story)
    if prepared is None:
        return []
    folder, texts, _ = prepared
    entries = score.gold_entries(story, texts, score.Score(story))
    ruleset = load_rules(None)
    sources = iter_sources([str(folder)], on_error=lambda error: None)
    stream = api.extract_sources(sources, vocabulary=ruleset.vocabulary)
    corpus = analyse(stream, ruleset, reread=api.reread).corpus
    stems = {doc.id: Path(doc.path).stem for doc in corpus.documents.values()}
    grouped: dict[tuple[str, int, int], set[int]] = {}
    for i, group in enumerate(corpus.groups):
        for c in group.claims:
            grouped.setdefault((c.source, c.fact.start, c.fact.end), set()).add(i)
    reports = [
        (
            d.confidence,
            [
                {
                    "path": stems[c.source],
                    "start": c.fact.start,
                    "end": c.fact.end,
                    "value": c.fact.value,
                }
                for c in d.claims
            ],
        )
        for d in run_rules(corpus, ruleset.enabled())
    ]
    shown = Settings().min_confidence

    def covering(fig: score.Figure) -> list[Claim]:
        stem = Path(fig.file).stem
        return [
            c
            for c in corpus.claims
            if stems[c.source] == stem and c.fact.start < fig.end and fig.start < c.fact.end
        ]

    out = []
    for e in entries:
        found = [conf for conf, claims in reports if score.finds(claims, e)]
        if not e.conflict or any(conf >= shown for conf in found):
            continue
        if found:
            out.append((e.id, "doubted"))
            continue
        hits = [h for h in (covering(f) for f in e.figures) if h]
        stages = [
            _stage(a, b, grouped)
            for i, ha in enumerate(hits)
            for hb in hits[i + 1 :]
            for a in ha
            for b in hb
            if repr(a.fact.value) != repr(b.fact.value)
        ]
        if len(hits) < 2:
            stage = "extract"
        else:
            ranked = sorted(stages, key=lambda s: STAGES.index(s.split(":")[0]))
            stage = ranked[0] if ranked else "values-equal"
        out.append((e.id, stage))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("stories", nargs="*")
    args = ap.parse_args(argv)
    stories = args.stories or sorted(p.name for p in score.STORIES.iterdir() if p.is_dir())
    totals: Counter[str] = Counter()
    for story in stories:
        for conflict, stage in losses(story):
            print(f"{story} {conflict} {stage}")
            totals[stage.split(":")[0]] += 1
    print()
    for stage in STAGES:
        print(f"{stage:<13} {totals[stage]:4d}")
    print(f"{'lost':<13} {sum(totals.values()):4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
