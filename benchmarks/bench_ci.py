"""CI benchmark: ``factcheck check --new`` on a large cached corpus, run by hand.

    python benchmarks/bench_ci.py [--articles 5000] [--seed 7] [--repeat 3]

Writes ``--articles`` generated articles (see ``benchmarks/corpus.py``) to a
temporary folder, runs ``factcheck check`` over it once to fill the
extraction cache (timed: the cold run), then adds one new article and times
the whole process ``factcheck check --new NEW`` (median of ``--repeat``, each
with a new article of its own, so every run parses a sentence never seen),
side by side with a warm full ``factcheck check`` of the same corpus.
Target: the ``--new`` run under 2 seconds with 5,000 cached articles.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench_extract import factcheck_command, pin_to_one_core
from corpus import build_corpus, dump_corpus

TARGET_SECONDS = 2.0
NEW_ARTICLE = (
    "Port talks end with trade pledge\n\nPUBLISHED: June 5, 2024\n\n"
    "Bilateral trade reached $318.4 billion in 2023, the ministry said on Tuesday, "
    "and more than 20 agreements were signed during the two-day visit.\n"
)


def run(argv: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        print(done.stderr[-2000:], file=sys.stderr)
        raise SystemExit(f"{' '.join(argv)} failed with exit {done.returncode}")
    return elapsed, done.returncode


def best(argv: list[str], cwd: Path, repeat: int) -> float:
    return min(run(argv, cwd)[0] for _ in range(repeat))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(pin_to_one_core())
    factcheck = factcheck_command()
    with tempfile.TemporaryDirectory(prefix="factcheck-ci-") as tmp:
        root = Path(tmp)
        sources = root / "sources"
        n = dump_corpus(build_corpus(args.articles, seed=args.seed), sources)
        common = ["--rules", "", "--fail-on", "never", "--format", "json"]
        cold, _ = run([*factcheck, "check", "sources", *common], root)
        warm = best([*factcheck, "check", "sources", *common], root, args.repeat)
        # every run checks a new article of its own: new text, new sentences, never parsed
        # before, so each run pays what a pull request pays (the spaCy pipeline's load too)
        times = []
        for i in range(args.repeat):
            name = f"zz-new-article-{i}.txt"
            text = NEW_ARTICLE.replace("$318.4 billion", f"$318.{i + 1} billion")
            text = text.replace("Port talks", f"Port talks, round {i + 2},")
            (sources / name).write_text(text, encoding="utf-8")
            times.append(run([*factcheck, "check", "--new", f"sources/{name}", *common], root)[0])
        new = statistics.median(times)
        size = sum(f.stat().st_size for f in sources.iterdir()) / 1e6
        shutil.rmtree(sources)
    print(f"corpus: {n:,} generated articles ({size:.1f} MB), cache in .factcheck/")
    print(f"  factcheck check (cold: extracts everything, fills the cache)  {cold:7.2f} s")
    print(f"  factcheck check (warm: every article cached)                  {warm:7.2f} s")
    print(f"  factcheck check --new ONE (warm cache, median)                {new:7.2f} s")
    verdict = "PASS" if new < TARGET_SECONDS else "MISS"
    target = f"target < {TARGET_SECONDS:.0f} s"
    print(f"{verdict}  --new with {n:,} cached articles: {new:.2f} s ({target})")
    return 0 if new < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    raise SystemExit(main())
