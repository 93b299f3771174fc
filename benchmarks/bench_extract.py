"""Extraction throughput benchmark for factcheck, run by hand.

    python benchmarks/bench_extract.py [--articles 2000] [--seed 7]
        [--quantulum-subset 100] [--search-dates-subset 500] [--repeat 2] [--dump DIR]

Everything runs in one process pinned to one CPU, side by side on the same
in-memory synthetic corpus (see ``benchmarks/corpus.py``):

* factcheck   ``factcheck.api.extract_text(text, source)``, the whole call;
* dateparser  ``dateparser.search.search_dates(text, languages=["en"])``;
* quantulum3  ``quantulum3.parser.parse(text)`` (optional, ``factcheck[bench]``);
* floor       one compiled regex for digit runs and month names, every match touched.

Slow peers run on the first N articles and are scaled to the whole corpus by
bytes; the output says so. Then whole-process costs: ``factcheck --help``,
``factcheck extract <source>`` and whether ``import factcheck.cli`` pulls in
pandas or dateparser. See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import re
import subprocess
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from tabulate import tabulate

from corpus import (
    DEFAULT_SOURCES,
    Article,
    build_corpus,
    corpus_stats,
    dump_corpus,
    load_sources,
)

REPO = Path(__file__).resolve().parent.parent
THREAD_ENV_VARS: tuple[str, ...] = (
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
)
FLOOR_RE = re.compile(
    r"\d+|\b(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)\b"
)
TARGET_VS_SEARCH_DATES = 50.0
"""factcheck must be at least this many times faster than search_dates."""
TARGET_VS_FLOOR = 5.0
"""factcheck must be within this factor of the regex floor."""
WARMUP_ARTICLES = 20
STARTUP_RUNS = 5
HEAVY_CLI_IMPORTS: tuple[str, ...] = ("pandas", "dateparser")

Extractor = Callable[[str, str], int]
"""``(source id, text) -> number of items found``; the unit every peer is timed as."""


@dataclass(slots=True)
class BenchResult:
    """Timing of one extractor over (part of) the corpus."""

    name: str
    measured_articles: int
    total_articles: int
    measured_bytes: int
    total_bytes: int
    runs: list[float] = field(default_factory=list)
    """Wall seconds of each timed run over the measured articles."""
    found: int = 0
    """Items found in the measured articles (from the last run)."""
    errors: int = 0
    first_error: str = ""
    kinds: Counter[str] = field(default_factory=Counter)
    note: str = ""

    @property
    def best(self) -> float:
        return min(self.runs)

    @property
    def scaled(self) -> bool:
        return self.measured_articles < self.total_articles

    @property
    def seconds_total(self) -> float:
        """Best run time, scaled by bytes to the whole corpus when measured on a subset."""
        return self.best * self.total_bytes / self.measured_bytes

    @property
    def articles_per_s(self) -> float:
        return self.measured_articles / self.best

    @property
    def mb_per_s(self) -> float:
        return self.measured_bytes / 1e6 / self.best

    @property
    def found_per_article(self) -> float:
        return self.found / self.measured_articles


@dataclass(slots=True)
class Corpus:
    """The benchmark corpus plus separate warm-up articles (never timed)."""

    articles: list[Article]
    warmup: list[Article]

    @property
    def total_bytes(self) -> int:
        return sum(a.nbytes for a in self.articles)


# --------------------------------------------------------------------------- setup


def pin_to_one_core() -> str:
    """Limit native thread pools to one thread and pin this process to one CPU."""
    for var in THREAD_ENV_VARS:
        os.environ[var] = "1"
    if hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity"):
        allowed = os.sched_getaffinity(0)
        cpu = 0 if 0 in allowed else min(allowed)
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu} (of {len(allowed)} allowed)"
    return "not pinned (os.sched_setaffinity unavailable)"


def version_of(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "not installed"


# --------------------------------------------------------------------------- corpus


def build_bench_corpus(n: int, seed: int, sources: Path) -> Corpus:
    """The timed corpus (:func:`corpus.build_corpus`) and separate warm-up articles."""
    texts = load_sources(sources)
    return Corpus(
        articles=build_corpus(n, seed, texts),
        warmup=build_corpus(WARMUP_ARTICLES, seed, texts, prefix="warmup"),
    )


# --------------------------------------------------------------------------- timing


def time_extractor(
    name: str,
    extract: Extractor,
    corpus: Corpus,
    *,
    subset: int | None = None,
    repeat: int = 2,
    kinds_of: Callable[[str, str], Counter[str]] | None = None,
) -> BenchResult:
    """Warm ``extract`` up on the warm-up articles, then time best of ``repeat`` runs.

    With ``subset``, only the first ``subset`` articles are timed (the corpus is
    shuffled by construction, so they are representative) and results are
    scaled to the whole corpus by bytes.
    """
    articles = corpus.articles if subset is None else corpus.articles[:subset]
    pairs = [(a.id, a.text) for a in articles]
    result = BenchResult(
        name=name,
        measured_articles=len(pairs),
        total_articles=len(corpus.articles),
        measured_bytes=sum(a.nbytes for a in articles),
        total_bytes=corpus.total_bytes,
    )

    def safe(source: str, text: str) -> int:
        try:
            return extract(source, text)
        except Exception as exc:  # a crash is reported, not fatal to the benchmark
            result.errors += 1
            if not result.first_error:
                result.first_error = f"{source}: {type(exc).__name__}: {exc}"
            return 0

    for article in corpus.warmup:
        safe(article.id, article.text)
    result.errors, result.first_error = 0, ""

    for _ in range(max(1, repeat)):
        result.errors = 0
        gc.collect()
        found = 0
        start = time.perf_counter()
        for source, text in pairs:
            found += safe(source, text)
        result.runs.append(time.perf_counter() - start)
        result.found = found

    if kinds_of is not None:  # untimed sanity pass
        for source, text in pairs:
            try:
                result.kinds.update(kinds_of(source, text))
            except Exception:
                break
    return result


# --------------------------------------------------------------------------- peers


def bench_factcheck(corpus: Corpus, repeat: int) -> BenchResult:
    """``factcheck.api.extract_text`` over every article (ingest, dating, all extractors)."""
    from factcheck.api import extract_text

    def extract(source: str, text: str) -> int:
        return len(extract_text(text, source))

    def kinds(source: str, text: str) -> Counter[str]:
        return Counter(f.kind for f in extract_text(text, source))

    return time_extractor("factcheck extract_text", extract, corpus, repeat=repeat, kinds_of=kinds)


def bench_search_dates(corpus: Corpus, repeat: int, subset: int | None) -> BenchResult:
    """``dateparser.search.search_dates(text, languages=["en"])``, on a subset if asked."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from dateparser.search import search_dates

    def extract(source: str, text: str) -> int:
        found = search_dates(text, languages=["en"])
        return len(found) if found else 0

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return time_extractor(
            "dateparser search_dates", extract, corpus, subset=subset, repeat=repeat
        )


def bench_quantulum(corpus: Corpus, repeat: int, subset: int | None) -> BenchResult | None:
    """``quantulum3.parser.parse(text)`` on a subset; ``None`` when not installed."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "classifier dependencies not installed"
        try:
            from quantulum3 import classifier, parser
        except ImportError:
            print("quantulum3: not installed (pip install 'factcheck[bench]')")
            return None

    def extract(source: str, text: str) -> int:
        return len(parser.parse(text))

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = time_extractor("quantulum3 parse", extract, corpus, subset=subset, repeat=repeat)
    use_clf = bool(getattr(classifier, "USE_CLF", False))
    result.note = "classifier on" if use_clf else "classifier off (deps not installed)"
    return result


def floor_extract(source: str, text: str) -> int:
    """Every digit run and month name, each match touched: the least any extractor does."""
    n = 0
    for m in FLOOR_RE.finditer(text):
        m.group()
        n += 1
    return n


def bench_floor(corpus: Corpus, repeat: int) -> BenchResult:
    """The regex floor over every article."""
    return time_extractor("floor (1 regex, finditer)", floor_extract, corpus, repeat=repeat)


# --------------------------------------------------------------------------- startup


@dataclass(slots=True)
class StartupResult:
    label: str
    best: float | None
    returncode: int
    stderr_tail: str = ""


def factcheck_command() -> list[str]:
    """The venv's ``factcheck`` console script, else ``python -m factcheck``."""
    script = Path(sys.executable).parent / "factcheck"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "factcheck"]


def time_command(label: str, argv: Sequence[str], runs: int = STARTUP_RUNS) -> StartupResult:
    """Best wall time of ``runs`` executions of ``argv`` (output discarded)."""
    best: float | None = None
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(
            list(argv),
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            tail = proc.stderr.strip().splitlines()[-1:] if proc.stderr else []
            return StartupResult(label, None, proc.returncode, " ".join(tail))
        best = elapsed if best is None else min(best, elapsed)
    return StartupResult(label, best, 0)


@dataclass(slots=True)
class ImportLine:
    self_us: int
    cumulative_us: int
    depth: int
    module: str


def parse_importtime(stderr: str) -> list[ImportLine]:
    """Lines of ``python -X importtime`` output, in the order printed (children first)."""
    lines: list[ImportLine] = []
    pattern = re.compile(r"^import time:\s+(\d+)\s*\|\s*(\d+)\s*\|( *)(\S+)")
    for raw in stderr.splitlines():
        m = pattern.match(raw)
        if m:
            depth = len(m.group(3)) // 2
            lines.append(ImportLine(int(m.group(1)), int(m.group(2)), depth, m.group(4)))
    return lines


def import_chain(lines: Sequence[ImportLine], index: int) -> list[str]:
    """Who imported ``lines[index]``: the next lines printed with a smaller depth."""
    chain = [lines[index].module]
    depth = lines[index].depth
    for line in lines[index + 1 :]:
        if line.depth < depth:
            chain.append(line.module)
            depth = line.depth
    return list(reversed(chain))


def direct_imports(lines: Sequence[ImportLine], module: str) -> list[ImportLine]:
    """Modules imported directly by ``module`` or by its parent packages' ``__init__``."""
    parts = module.split(".")
    ours = {".".join(parts[: i + 1]) for i in range(len(parts))}
    found: list[ImportLine] = []
    pending: list[ImportLine] = []
    for line in lines:
        if line.depth == 1:
            pending.append(line)
        elif line.depth == 0:
            if line.module in ours:
                found.extend(pending)
            pending = []
    return found


def check_cli_imports(module: str = "factcheck.cli") -> tuple[list[str], list[str]]:
    """``(report lines, MISS lines)`` for heavy modules imported by ``import <module>``."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] if proc.stderr else ["?"]
        return [f"import {module}: failed ({tail[0]})"], [f"MISS  cannot import {module}"]
    lines = parse_importtime(proc.stderr)
    report: list[str] = []
    misses: list[str] = []
    top = [ln for ln in lines if ln.module == module]
    if top:
        report.append(f"import {module}: {top[-1].cumulative_us / 1000:.1f} ms cumulative")
    children = sorted(direct_imports(lines, module), key=lambda ln: ln.cumulative_us, reverse=True)
    if children:
        heaviest = ", ".join(f"{ln.module} {ln.cumulative_us / 1000:.1f} ms" for ln in children[:6])
        report.append(f"heaviest imports under {module}: {heaviest}")
    for heavy in HEAVY_CLI_IMPORTS:
        hits = [
            i
            for i, ln in enumerate(lines)
            if ln.module == heavy or ln.module.startswith(heavy + ".")
        ]
        if hits:
            outermost = min(hits, key=lambda i: lines[i].depth)
            chain = " -> ".join(import_chain(lines, outermost))
            misses.append(f"MISS  {heavy} is imported at CLI startup (via {chain})")
        else:
            report.append(f"PASS  {heavy} is not imported by `import {module}`")
    return report, misses


def bench_startup(source_file: Path) -> tuple[list[StartupResult], list[str]]:
    """Whole-process costs, best of 5 each, plus the CLI import check."""
    cmd = factcheck_command()
    shown = " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))
    rel = source_file.relative_to(REPO) if source_file.is_relative_to(REPO) else source_file
    results = [
        time_command("python -c pass (interpreter floor)", [sys.executable, "-c", "pass"]),
        time_command(f"{shown} --help", [*cmd, "--help"]),
        time_command(f"{shown} extract {rel}", [*cmd, "extract", str(rel)]),
    ]
    report, misses = check_cli_imports()
    return results, report + misses


# --------------------------------------------------------------------------- report


def speed_ratio(factcheck: BenchResult, other: BenchResult) -> float:
    """factcheck speed / other's speed, by MB/s (robust to subset article sizes)."""
    return factcheck.mb_per_s / other.mb_per_s


def describe_ratio(factcheck: BenchResult | None, other: BenchResult) -> str:
    if factcheck is None:
        return "n/a"
    if other is factcheck:
        return "(reference)"
    ratio = speed_ratio(factcheck, other)
    if other.name.startswith("floor"):
        return f"within {1 / ratio:.1f}x of the floor"
    return f"{ratio:.1f}x faster" if ratio >= 1 else f"{1 / ratio:.1f}x slower"


def results_table(results: Sequence[BenchResult], factcheck: BenchResult | None) -> str:
    rows = []
    for r in results:
        articles = (
            f"{r.measured_articles} of {r.total_articles}*"
            if r.scaled
            else str(r.measured_articles)
        )
        seconds = f"{r.seconds_total:.2f}*" if r.scaled else f"{r.best:.3f}"
        rows.append(
            [
                r.name,
                articles,
                seconds,
                f"{r.articles_per_s:,.1f}",
                f"{r.mb_per_s:.3f}",
                f"{r.found_per_article:.1f}",
                describe_ratio(factcheck, r),
            ]
        )
    headers = [
        "extractor",
        "articles",
        "seconds",
        "articles/s",
        "MB/s",
        "found/article",
        "factcheck vs this",
    ]
    return tabulate(
        rows, headers=headers, disable_numparse=True, colalign=("left",) + ("right",) * 6
    )


def target_lines(
    factcheck: BenchResult | None,
    search_dates: BenchResult | None,
    floor: BenchResult | None,
) -> list[str]:
    lines: list[str] = []
    if factcheck is None:
        return ["MISS  factcheck did not run: no target can be checked"]
    if search_dates is not None:
        ratio = speed_ratio(factcheck, search_dates)
        verdict = "PASS" if ratio >= TARGET_VS_SEARCH_DATES else "MISS"
        lines.append(
            f"{verdict}  factcheck >= {TARGET_VS_SEARCH_DATES:g}x dateparser.search_dates:"
            f" {ratio:.1f}x"
        )
    if floor is not None:
        factor = 1 / speed_ratio(factcheck, floor)
        verdict = "PASS" if factor <= TARGET_VS_FLOOR else "MISS"
        lines.append(
            f"{verdict}  factcheck within {TARGET_VS_FLOOR:g}x of the regex floor: {factor:.1f}x"
        )
    if factcheck.errors:
        lines.append(
            f"MISS  factcheck raised on {factcheck.errors} article(s); first: "
            f"{factcheck.first_error}"
        )
    return lines


def print_section(title: str) -> None:
    print()
    print(title)
    print("-" * len(title))


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description="factcheck extraction throughput vs dateparser, quantulum3 and a regex floor"
    )
    ap.add_argument("--articles", type=int, default=2000, help="corpus size (default 2000)")
    ap.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    ap.add_argument(
        "--quantulum-subset",
        type=int,
        default=100,
        help="articles timed for quantulum3, scaled to the corpus (default 100; 0 = all)",
    )
    ap.add_argument(
        "--search-dates-subset",
        type=int,
        default=500,
        help="articles timed for search_dates, scaled to the corpus (default 500; 0 = all)",
    )
    ap.add_argument("--repeat", type=int, default=2, help="timed runs, best kept (default 2)")
    ap.add_argument("--sources", type=Path, default=DEFAULT_SOURCES, help="seed articles folder")
    ap.add_argument("--dump", type=Path, metavar="DIR", help="also write the corpus to DIR")
    ap.add_argument("--skip-startup", action="store_true", help="skip the whole-process section")
    return ap.parse_args(argv)


def subset_size(requested: int, total: int) -> int | None:
    """``None`` (all articles) for 0 or anything not smaller than the corpus."""
    return None if requested <= 0 or requested >= total else requested


def main(argv: Sequence[str] | None = None) -> int:
    pinning = pin_to_one_core()  # first: before anything imports numpy & co.
    args = parse_args(argv)

    print("factcheck extraction benchmark")
    print(f"python {platform.python_version()} on {platform.platform()}; {pinning}")
    print(
        f"factcheck {version_of('factcheck')}, dateparser {version_of('dateparser')},"
        f" quantulum3 {version_of('quantulum3')}"
    )

    start = time.perf_counter()
    corpus = build_bench_corpus(args.articles, args.seed, args.sources)
    stats = corpus_stats(corpus.articles)
    print(
        f"corpus: {stats['articles']:.0f} articles (seed {args.seed}), "
        f"{stats['bytes'] / 1e6:.2f} MB, mean {stats['mean'] / 1000:.1f} KB "
        f"(min {stats['min'] / 1000:.1f}, max {stats['max'] / 1000:.1f}), "
        f"{stats['unique']:.0f} unique, {stats['concatenated']:.0f} concatenated, "
        f"{stats['truncated']:.0f} truncated; built in {time.perf_counter() - start:.1f} s"
        f" from {len(list(args.sources.glob('*.txt')))} sources"
    )
    if args.dump:
        written = dump_corpus(corpus.articles, args.dump)
        print(f"corpus written: {written} files in {args.dump}")
    print(
        f"timing: best of {args.repeat} run(s) after a warm-up on {WARMUP_ARTICLES} other"
        " articles; one process, one core"
    )

    print_section("Extraction throughput")
    results: list[BenchResult] = []
    factcheck: BenchResult | None = None
    try:
        factcheck = bench_factcheck(corpus, args.repeat)
        results.append(factcheck)
    except ImportError as exc:
        print(f"factcheck: cannot import factcheck.api.extract_text ({exc})")
    search_dates = bench_search_dates(
        corpus, args.repeat, subset_size(args.search_dates_subset, args.articles)
    )
    results.append(search_dates)
    quantulum = bench_quantulum(
        corpus, args.repeat, subset_size(args.quantulum_subset, args.articles)
    )
    if quantulum is not None:
        results.append(quantulum)
    floor = bench_floor(corpus, args.repeat)
    results.append(floor)

    print(results_table(results, factcheck))
    for r in results:
        if r.scaled:
            print(
                f"* {r.name}: measured on the first {r.measured_articles} articles"
                f" ({r.measured_bytes / 1e6:.2f} MB) in {r.best:.2f} s,"
                f" seconds scaled by bytes to all {r.total_articles}"
            )
    print("MB/s counts UTF-8 bytes (1 MB = 10^6 B); ratios compare MB/s.")
    print("found/article: facts (factcheck), dates (search_dates), quantities (quantulum3),")
    print("  regex matches (floor).")
    if quantulum is not None and quantulum.note:
        print(f"quantulum3: {quantulum.note}")
    for r in results:
        runs = ", ".join(f"{t:.3f}" for t in r.runs)
        print(f"runs (s) {r.name}: {runs}")
        if len(r.runs) > 1 and min(r.runs) < 0.5 * max(r.runs):
            print(f"  warning: {r.name} runs differ by >2x; caching or noise?")
        if r.errors and r is not factcheck:
            print(f"  {r.name} raised on {r.errors} article(s); first: {r.first_error}")

    if factcheck is not None:
        kinds = ", ".join(
            f"{k} {v / factcheck.measured_articles:.1f}" for k, v in sorted(factcheck.kinds.items())
        )
        print(
            f"sanity: factcheck found {factcheck.found_per_article:.1f} facts per article"
            f" (mean){'; by kind: ' + kinds if kinds else ''}"
        )

    print_section("Targets")
    for line in target_lines(factcheck, search_dates, floor):
        print(line)

    if not args.skip_startup:
        print_section("Whole-process cost (best of 5, subprocess)")
        sources = sorted(args.sources.glob("*.txt"))
        startup, lines = bench_startup(sources[0])
        rows = [
            [
                s.label,
                f"{s.best * 1000:.0f}" if s.best is not None else "failed",
                "" if s.returncode == 0 else f"exit {s.returncode}: {s.stderr_tail}",
            ]
            for s in startup
        ]
        print(tabulate(rows, headers=["command", "ms", "note"], disable_numparse=True))
        for line in lines:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
