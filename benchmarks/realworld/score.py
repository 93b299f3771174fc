"""Score ``factcheck check`` against the real-world gold (see README.md beside this file).

For every story with texts present in ``texts/<story>/``, the articles are
written as Markdown with their manifest's title, outlet, URL and publication
date as front matter (as a newsroom's CMS export would give them) into a
git-ignored work folder, ``factcheck check --format json`` is run over them
as a user would run it, and each reported discrepancy is matched with the gold:

- it **finds** a conflict when its claims cover two of the conflict's figures
  (or its only figure) with different values; a claim covers a figure when their
  spans overlap (the figure's ``figure:`` text within its quote, when the quote
  holds other numbers too);
- it is **false** when it covers two figures of a not-conflict and finds none;
- else it is **uncovered**: judge it by hand and add it to the gold.

A story with some texts absent (a page the store no longer returns) is scored on
the articles present: a gold entry counts only when enough of its figures (two, or
its only one) are in them, and a conflict only when they do not all state one value
(the figure that disagrees may be in a text not present); the table says how many
articles were read.

    python benchmarks/realworld/score.py [--story NAME] [-v] [-- extra check flags]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
TEXTS = HERE / "texts"
WORK = HERE / ".work"


@dataclass(frozen=True, slots=True)
class Figure:
    file: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    kind: str
    why: str
    figures: tuple[Figure, ...]
    conflict: bool


@dataclass
class Score:
    story: str
    conflicts: int = 0
    found: set[str] = field(default_factory=set)
    true_reports: int = 0
    false_reports: list[str] = field(default_factory=list)
    uncovered: list[str] = field(default_factory=list)
    true_list: list[str] = field(default_factory=list)
    missing_quotes: list[str] = field(default_factory=list)
    articles: int = 0
    of_articles: int = 0
    # gold entries left out: too few of their figures in the texts present, or (a conflict)
    # only figures that agree
    dropped: int = 0

    @property
    def judged(self) -> int:
        return self.true_reports + len(self.false_reports)

    def precision(self) -> float | None:
        return self.true_reports / self.judged if self.judged else None

    def recall(self) -> float | None:
        return len(self.found) / self.conflicts if self.conflicts else None


def _front_matter(article: dict[str, Any]) -> str:
    meta = {k: article.get(k) for k in ("title", "outlet", "url", "published")}
    meta = {k: v for k, v in meta.items() if v is not None}
    if "published" in meta:
        meta["published"] = str(meta["published"])
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True) + "---\n"


def prepare(story: str) -> tuple[Path, dict[str, str], int] | None:
    """The story's articles present as Markdown with front matter, and how many it has.

    None when no text of the story is present.
    """
    manifest = yaml.safe_load((STORIES / story / "manifest.yaml").read_text("utf-8"))
    folder = WORK / story
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    texts: dict[str, str] = {}
    for article in manifest["articles"]:
        src = TEXTS / story / article["file"]
        if not src.is_file():
            continue
        name = Path(article["file"]).stem + ".md"
        body = _front_matter(article) + src.read_text("utf-8")
        (folder / name).write_text(body, "utf-8")
        texts[article["file"]] = body
    if not texts:
        return None
    return folder, texts, len(manifest["articles"])


_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _agree(figures: Sequence[dict[str, Any]]) -> bool:
    """The figures all state one value: their ``figure``, else the first number of the quote
    (a quote without a number may state any value)."""
    values = set()
    for fig in figures:
        m = _NUMBER.search(str(fig.get("figure", fig["quote"])))
        if m is None:
            return False
        values.add(m.group().replace(",", ""))
    return len(values) == 1


def gold_entries(story: str, texts: dict[str, str], score: Score) -> list[Entry]:
    gold = yaml.safe_load((STORIES / story / "gold.yaml").read_text("utf-8")) or {}
    out: list[Entry] = []
    for section, conflict in (("conflicts", True), ("not-conflicts", False)):
        for item in gold.get(section) or []:
            figures = []
            present = [f for f in item["figures"] if f["file"] in texts]
            if len(present) < min(2, len(item["figures"])):
                score.dropped += 1
                continue
            if conflict and len(present) < len(item["figures"]) and _agree(present):
                score.dropped += 1  # the figure that disagrees is in a text not present
                continue
            for fig in present:
                text = texts.get(fig["file"])
                # the quote is the article's, never the front matter's (a title may repeat it)
                body = text.find("\n---\n", 3) + 5 if text is not None else 0
                pos = text.find(fig["quote"], body) if text is not None else -1
                if pos < 0:
                    score.missing_quotes.append(f"{item['id']}: {fig['file']}: {fig['quote']!r}")
                    continue
                start, end = pos, pos + len(fig["quote"])
                if "figure" in fig:  # the disputed number, where the quote holds others
                    at = fig["quote"].find(str(fig["figure"]))
                    if at < 0:
                        score.missing_quotes.append(f"{item['id']}: figure {fig['figure']!r}")
                        continue
                    start, end = pos + at, pos + at + len(str(fig["figure"]))
                figures.append(Figure(fig["file"], start, end, fig["quote"]))
            out.append(
                Entry(
                    item["id"], item.get("kind", ""), item.get("why", ""), tuple(figures), conflict
                )
            )
    return out


def run_check(folder: Path, extra: Sequence[str]) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "factcheck", "check", ".", "--format", "json", "--no-cache"]
    cmd += ["--fail-on", "never", *extra]
    done = subprocess.run(cmd, cwd=folder, capture_output=True, text=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"factcheck check failed in {folder}:\n{done.stderr}")
    data: dict[str, Any] = json.loads(done.stdout)
    return data


def covering(claims: Sequence[dict[str, Any]], fig: Figure) -> list[dict[str, Any]]:
    stem = Path(fig.file).stem
    return [
        c
        for c in claims
        if Path(c.get("path", "")).stem == stem and c["start"] < fig.end and fig.start < c["end"]
    ]


def covers(claims: Sequence[dict[str, Any]], fig: Figure) -> bool:
    return bool(covering(claims, fig))


def _value(claim: dict[str, Any]) -> str:
    """A claim's value; a weekday not resolved to a day (no value) by the weekday it names;
    a clock time with its zone (1:25 a.m. CDT is not 1:25 a.m. Eastern)."""
    if claim.get("kind") == "time":
        return f"{claim['value']!r} {claim.get('unit', '')}"
    if claim.get("value") is not None:
        return repr(claim["value"])
    text = " ".join(str(claim.get("text", "")).lower().split())
    return re.sub(r"^(?:on|at|in|earlier on|late|early)[ \t]+", "", text)


def finds(claims: Sequence[dict[str, Any]], entry: Entry) -> bool:
    """The claims cover two of the conflict's figures with different values (or its only one)."""
    hits = [covering(claims, f) for f in entry.figures]
    hits = [h for h in hits if h]
    if len(entry.figures) == 1:
        return bool(hits)
    values = [{_value(c) for c in h} for h in hits]
    return any(a != b for i, a in enumerate(values) for b in values[i + 1 :])


def describe(d: dict[str, Any]) -> str:
    sides = "; ".join(f"{Path(c['path']).stem}: {c['text']!r}" for c in d["claims"][:6])
    more = f" (+{len(d['claims']) - 6} more)" if len(d["claims"]) > 6 else ""
    conf = d.get("confidence")
    shown = f" conf {conf['score']:.2f}" if isinstance(conf, dict) else ""
    return f"{d['rule']} {d['id']} {d['metric']}{shown}: {sides}{more}"


def score_story(story: str, extra: Sequence[str]) -> Score | None:
    prepared = prepare(story)
    if prepared is None:
        return None
    folder, texts, of_articles = prepared
    score = Score(story, articles=len(texts), of_articles=of_articles)
    entries = gold_entries(story, texts, score)
    score.conflicts = sum(1 for e in entries if e.conflict)
    result = run_check(folder, extra)
    for d in result["discrepancies"]:
        claims = d["claims"]
        hit = False
        for e in entries:
            if not e.figures:
                continue
            if e.conflict and finds(claims, e):
                score.found.add(e.id)
                hit = True
        if hit:
            score.true_reports += 1
            score.true_list.append(describe(d))
            continue
        false = [
            e.id
            for e in entries
            if not e.conflict
            and e.figures
            # two of its figures, or its only one (a date that is rightly in the future)
            and sum(1 for f in e.figures if covers(claims, f)) >= min(2, len(e.figures))
        ]
        if false:
            score.false_reports.append(f"[{', '.join(false)}] {describe(d)}")
        else:
            score.uncovered.append(describe(d))
    return score


def _fmt(x: float | None) -> str:
    return "  -  " if x is None else f"{x:.2f}"


def _row(s: Score) -> str:
    read = f"{s.articles}/{s.of_articles}"
    reports = s.judged + len(s.uncovered)
    return (
        f"{s.story:32} {read:>5} {s.conflicts:>9} {len(s.found):>5} {reports:>7} "
        f"{s.true_reports:>4} {len(s.false_reports):>5} {len(s.uncovered):>5} "
        f"{_fmt(s.precision()):>5} {_fmt(s.recall()):>6}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", action="append", help="only this story (repeatable)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every report")
    parser.add_argument("extra", nargs="*", help="flags passed to factcheck check (after --)")
    args = parser.parse_args(argv)
    names = args.story or sorted(p.name for p in STORIES.iterdir() if p.is_dir())
    scores: list[Score] = []
    absent: list[str] = []
    for name in names:
        s = score_story(name, args.extra)
        if s is None:
            absent.append(name)
            continue
        scores.append(s)
    header = f"{'story':32} {'read':>5} {'conflicts':>9} {'found':>5} {'reports':>7} {'true':>4} "
    header += f"{'false':>5} {'uncov':>5} {'prec':>5} {'recall':>6}"
    print(header)
    total = Score("overall")
    for s in scores:
        print(_row(s))
        total.conflicts += s.conflicts
        total.articles += s.articles
        total.of_articles += s.of_articles
        total.dropped += s.dropped
        total.found |= {f"{s.story}/{x}" for x in s.found}
        total.true_reports += s.true_reports
        total.false_reports += [f"{s.story}: {x}" for x in s.false_reports]
        total.uncovered += [f"{s.story}: {x}" for x in s.uncovered]
        total.true_list += [f"{s.story}: {x}" for x in s.true_list]
        total.missing_quotes += [f"{s.story}: {x}" for x in s.missing_quotes]
    print(_row(total))
    if absent:
        print(f"\nno texts for: {', '.join(absent)}")
    if total.dropped:
        print(
            f"\n{total.dropped} gold entries left out: too few of their figures, or none that"
            " disagrees, in the texts present"
        )
    if total.missing_quotes:
        print("\ngold quotes not found in their texts:")
        for q in total.missing_quotes:
            print("  " + q)
    if args.verbose:
        for title, items in (
            ("true", total.true_list),
            ("false", total.false_reports),
            ("uncovered", total.uncovered),
        ):
            if items:
                print(f"\n{title} reports:")
                for x in items:
                    print("  " + x)
        print("\nconflicts not found:")
        for s in scores:
            prepared = WORK / s.story
            gold = yaml.safe_load((STORIES / s.story / "gold.yaml").read_text("utf-8")) or {}
            for item in gold.get("conflicts") or []:
                if item["id"] not in s.found:
                    print(
                        f"  {s.story}: {item['id']} ({item.get('kind', '')}): {item.get('why', '')}"
                    )
            del prepared
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
