"""Scale benchmark: throughput with 1 and 2 processes, peak memory as the corpus grows.

    python benchmarks/bench_scale.py [--sizes 10000,50000] [--seed 7]

For each size, writes that many generated articles (``benchmarks/corpus.py``)
to a temporary folder and runs the whole ``factcheck check`` over it (no
cache, table output to /dev/null) in a fresh process, measuring wall time and
peak resident memory (the process and its worker processes). The first size
is also run with ``--jobs 2``. Articles are streamed: memory should grow with
the number of figures, not with the corpus's text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from corpus import build_corpus, dump_corpus

RUNNER = """
import json, resource, sys
from factcheck.cli import main
code = main(sys.argv[1:])
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": code, "self_kb": self_kb, "children_kb": kids_kb}), file=sys.stderr)
"""


def run(folder: Path, jobs: int) -> tuple[float, float, float]:
    """Seconds, peak MB of the main process, peak MB of one worker."""
    argv = [
        sys.executable, "-c", RUNNER, "check", str(folder), "--rules", "", "--no-cache",
        "--fail-on", "never", "--format", "table", "-o", "/dev/null", "--jobs", str(jobs),
    ]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, text=True, check=False, cwd=folder.parent)
    elapsed = time.perf_counter() - start
    try:
        report = json.loads(done.stderr.strip().splitlines()[-1])
    except (IndexError, ValueError):
        raise SystemExit(
            f"factcheck failed (exit {done.returncode}):\n{done.stderr[-3000:]}"
        ) from None
    if report["code"] not in (0, 1):
        raise SystemExit(done.stderr[-2000:])
    return elapsed, report["self_kb"] / 1024, report["children_kb"] / 1024


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    head = ("articles", "jobs", "seconds", "articles/s", "peak MB", "worker MB")
    print("{:>9} {:>4} {:>8} {:>10} {:>8} {:>9}".format(*head))
    with tempfile.TemporaryDirectory(prefix="factcheck-scale-") as tmp:
        for i, n in enumerate(sizes):
            folder = Path(tmp) / f"corpus-{n}"
            dump_corpus(build_corpus(n, seed=args.seed), folder)
            for jobs in (1, 2) if i == 0 else (1,):
                seconds, peak, worker = run(folder, jobs)
                rate = n / seconds
                print(
                    f"{n:>9,} {jobs:>4} {seconds:>8.1f} {rate:>10,.0f} {peak:>8.0f} {worker:>9.0f}"
                )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    raise SystemExit(main())
