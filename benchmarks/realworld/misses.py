"""What factcheck read at each figure of the gold conflicts it did not find.

    python benchmarks/realworld/misses.py STORY [STORY ...] [--all]

For every conflict of the story's gold that ``score.py`` counts as not found (every
conflict, with ``--all``), each figure is printed with the claims that cover its span
(kind, value, metric, period, frame), or ``NO CLAIM`` when no figure was extracted
there: the first thing to read when recall is low. It runs ``factcheck claims`` over
the story's texts present, in the same folder ``score.py`` uses.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import score  # noqa: E402  (a sibling script, not a package)


def _claims(folder: Path) -> list[dict[str, Any]]:
    cmd = [sys.executable, "-m", "factcheck", "claims", ".", "--format", "json"]
    done = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"factcheck claims failed in {folder}:\n{done.stderr}")
    claims: list[dict[str, Any]] = json.loads(done.stdout)["claims"]
    for c in claims:  # score.covering matches claims by their file's stem
        c.setdefault("path", c["source"])
    return claims


def _frame(c: dict[str, Any]) -> str:
    f = c.get("frame") or {}
    parts = []
    for key in ("entity", "scope", "speaker"):
        v = f.get(key)
        if isinstance(v, dict):
            parts.append(f"{key}={v.get('key')}")
    for key in ("sense", "basis", "modality"):
        if f.get(key) not in (None, "level", "actual"):
            parts.append(f"{key}={f[key]}")
    if f.get("baseline"):
        parts.append(f"baseline={f['baseline']}")
    return " ".join(parts)


def _show(c: dict[str, Any]) -> str:
    period = c.get("period") or "-"
    return (
        f"{c['kind']} {c['value']!r} {c['text']!r} metric={c.get('metric')!r} "
        f"period={period} as_of={c.get('as_of')} {_frame(c)}"
    )


def report(story: str, everything: bool) -> None:
    prepared = score.prepare(story)
    if prepared is None:
        print(f"{story}: no texts present")
        return
    folder, texts, _ = prepared
    entries = score.gold_entries(story, texts, score.Score(story))
    claims = _claims(folder)
    result = score.run_check(folder, [])
    found = {
        e.id
        for d in result["discrepancies"]
        for e in entries
        if e.conflict and score.finds(d["claims"], e)
    }
    for e in entries:
        if not e.conflict or (e.id in found and not everything):
            continue
        mark = "FOUND" if e.id in found else "MISSED"
        print(f"\n== {story} {e.id} [{e.kind}] {mark}")
        for fig in e.figures:
            print(f"  {fig.file}: {fig.quote!r}")
            hits = score.covering(claims, fig)
            if not hits:
                print("      NO CLAIM")
            for c in hits:
                print(f"      {_show(c)}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stories", nargs="+")
    ap.add_argument("--all", action="store_true", help="found conflicts too")
    args = ap.parse_args(argv)
    for story in args.stories:
        report(story, args.all)
    return 0


if __name__ == "__main__":
    sys.exit(main())
