"""Claim-frame benchmark, run by hand: the whole check against the parser alone.

    python benchmarks/bench_claims.py [--articles 500] [--repeat 3] [--seed 7]

On the benchmark corpus (``benchmarks/corpus.py``), in one process pinned to one
core, interleaved and repeated (medians), three rows:

* **factcheck check**: extract, attribute (with claim frames), analyse and run
  the rules over every article, from text to discrepancies;
* **floor (parser on figure sentences)**: spaCy's ``nlp.pipe`` alone over the
  same distinct sentences the check parses (those holding a claim, and those that
  may date an event): what any design that reads the grammar of figure sentences
  must pay;
* **naive (parser on every sentence)**: ``nlp.pipe`` over every sentence of
  every article, as a design that parses whole articles would.

Targets (issue 8): >= 60 articles/s on one core for factcheck check, within
1.5x of the floor. The parse memo is cleared before every run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable

from bench_extract import pin_to_one_core
from corpus import build_corpus
from factcheck import parse as parse_module
from factcheck.attribute import claims_of
from factcheck.compare import analyse, run_rules
from factcheck.extract import extract_document
from factcheck.ingest import document_from_text
from factcheck.rulefile import load_rules
from factcheck.sentences import Sentences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(pin_to_one_core())
    articles = build_corpus(args.articles, args.seed)
    ruleset = load_rules(None)
    docs = [document_from_text(a.text, id=a.id, path=a.id) for a in articles]
    extracted = [extract_document(d) for d in docs]
    figure_sentences: list[str] = []
    all_sentences: list[str] = []
    for doc, facts in extracted:
        s = Sentences(doc.match_text)
        seen = set()
        # the sentences the frames parse: those of the claims (a date alone is no claim)
        for claim in claims_of(doc, facts, ruleset.vocabulary, model=None):
            f = claim.fact
            b = s.around(f.start, f.end)
            if b not in seen and b[1] - b[0] <= parse_module.MAX_CHARS:
                seen.add(b)
                figure_sentences.append(doc.match_text[b[0] : b[1]])
        pos = 0
        text = doc.match_text
        while pos < len(text):
            b = s.around(pos, pos)
            if b[1] > b[0]:
                all_sentences.append(text[b[0] : b[1]][: parse_module.MAX_CHARS])
            pos = max(b[1], pos) + 1
    # the same sentence in two articles is parsed once by factcheck: so it is by the floor
    figure_sentences = sorted(set(figure_sentences))
    all_sentences = sorted(set(all_sentences))
    nlp = parse_module.load(parse_module.DEFAULT_MODEL)
    list(nlp.pipe(figure_sentences[:50]))  # warm up

    def whole() -> None:
        parse_module._MEMO.clear()
        items = [extract_document(d) for d in docs]
        analysis = analyse(items, ruleset)
        run_rules(analysis.corpus, ruleset.enabled())

    # the floor parses what the check parses: the claims' sentences, and the sentences that
    # date an event or a date after publication (read off the parse memo after one run)
    whole()
    claim_sentences = len(figure_sentences)
    figure_sentences = sorted({sentence for _model, sentence in parse_module._MEMO})

    def floor() -> None:
        for _ in nlp.pipe(figure_sentences, batch_size=parse_module.BATCH):
            pass

    def naive() -> None:
        for _ in nlp.pipe(all_sentences, batch_size=parse_module.BATCH):
            pass

    rows: dict[str, Callable[[], None]] = {
        "factcheck check": whole,
        "floor (parser on figure sentences)": floor,
        "naive (parser on every sentence)": naive,
    }
    times: dict[str, list[float]] = {name: [] for name in rows}
    for _ in range(args.repeat):
        for name, fn in rows.items():  # interleaved, so load affects all rows alike
            t = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t)
    n = len(articles)
    print(
        f"{n} articles, {len(figure_sentences):,} sentences parsed by the check "
        f"({claim_sentences:,} of claims), {len(all_sentences):,} sentences in all "
        f"(distinct); median of {args.repeat}"
    )
    med = {name: statistics.median(ts) for name, ts in times.items()}
    base = med["factcheck check"]
    for name, secs in med.items():
        print(f"  {name:38} {n / secs:8.1f} articles/s   {secs / base:5.2f}x the check's time")
    ratio = base / med["floor (parser on figure sentences)"]
    print(f"factcheck check is {ratio:.2f}x the floor (target <= 1.5x); ", end="")
    print(f"{n / base:.0f} articles/s (target >= 60)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
