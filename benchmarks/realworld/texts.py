"""Re-retrieve the real-world texts on a new machine (they are never committed).

The texts come from the ``search`` tool (corpus ``pages``), which only an agent can
call; this script does the bookkeeping around it:

    python benchmarks/realworld/texts.py status [STORY ...]
        per story: articles present / in the manifest, the missing files with their
        outlet, URL and title (what to search for), and gold quotes not found

    python benchmarks/realworld/texts.py save STORY RESULTS.json
        RESULTS.json is a ``search`` answer saved as it came (``{"results": [...]}``,
        or a list of results, or one result): every result whose URL is a manifest
        article's URL is written to ``texts/STORY/<file>`` with the store's metadata
        prefix (`` date 2023-11-04 ``) removed, unless the excerpt already there holds
        more of the gold's quotes, or as many and is as long (the longest excerpt per
        outlet is kept, unless a shorter one holds a quote the longer lacks)

Nothing in a text is corrected, shortened or rewritten.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"
TEXTS = HERE / "texts"

_PREFIX = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s")
_TRACKING = re.compile(r"(?:utm_|ns_|ito=|ocid=|fbclid=|cmpid=|smid=)")


def _norm_url(url: str) -> str:
    url = url.strip().lower()
    url = re.sub(r"^https?://(www\.)?", "", url)
    url = re.sub(r"#.*$", "", url)
    # the query stays ("?p=10045" is the page itself), but not a feed's tracking parameters
    base, _, query = url.partition("?")
    kept = [q for q in query.split("&") if q and not _TRACKING.match(q)]
    return base.rstrip("/") + ("?" + "&".join(kept) if kept else "")


def _manifest(story: str) -> dict[str, Any]:
    path = STORIES / story / "manifest.yaml"
    if not path.is_file():
        raise SystemExit(f"{path}: no such story")
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _results(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, dict) and "results" in data:
        yield from data["results"]
    elif isinstance(data, list):
        for item in data:
            yield from _results(item)
    elif isinstance(data, dict) and "url" in data:
        yield data


def clean(excerpt: str) -> str:
    """The excerpt without the store's metadata prefix."""
    return _PREFIX.sub("", excerpt, count=1)


def save(story: str, results_file: Path) -> int:
    manifest = _manifest(story)
    by_url = {_norm_url(a["url"]): a for a in manifest["articles"]}
    data = json.loads(results_file.read_text(encoding="utf-8"))
    folder = TEXTS / story
    saved = 0
    for result in _results(data):
        article = by_url.get(_norm_url(str(result.get("url", ""))))
        if article is None:
            continue
        text = clean(str(result.get("excerpt", "")))
        target = folder / article["file"]
        old = target.read_text(encoding="utf-8") if target.is_file() else ""
        quotes = [q for f, q in _gold_quotes(story) if f == article["file"]]
        # the excerpt that holds more of the gold's quotes, then the longer
        if (sum(q in text for q in quotes), len(text)) <= (sum(q in old for q in quotes), len(old)):
            print(f"kept   {article['file']}: the stored excerpt ({len(old)}) holds as many quotes")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        saved += 1
        print(f"saved  {article['file']}: {len(text)} chars (was {len(old)})")
    if not saved:
        print("no result is a manifest article (or none is longer than the stored one)")
    return 0


def _gold_quotes(story: str) -> Iterator[tuple[str, str]]:
    path = STORIES / story / "gold.yaml"
    if not path.is_file():
        return
    gold = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for key in ("conflicts", "not-conflicts"):
        for entry in gold.get(key) or []:
            for fig in entry.get("figures") or []:
                yield fig["file"], fig["quote"]


def status(stories: Sequence[str]) -> int:
    names = list(stories) or sorted(p.name for p in STORIES.iterdir() if p.is_dir())
    total = present_total = 0
    for story in names:
        manifest = _manifest(story)
        articles = manifest["articles"]
        folder = TEXTS / story
        missing = [a for a in articles if not (folder / a["file"]).is_file()]
        present = len(articles) - len(missing)
        total += len(articles)
        present_total += present
        bad = []
        for file, quote in _gold_quotes(story):
            path = folder / file
            if path.is_file() and quote not in path.read_text(encoding="utf-8"):
                bad.append((file, quote))
        print(f"{story}: {present}/{len(articles)} present")
        for a in missing:
            print(f"  missing {a['file']}: {a['outlet']} | {a['title']} | {a['url']}")
        for file, quote in bad:
            print(f"  quote not in {file}: {quote!r}")
    print(f"\n{present_total}/{total} articles present")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_status = sub.add_parser("status")
    p_status.add_argument("stories", nargs="*")
    p_save = sub.add_parser("save")
    p_save.add_argument("story")
    p_save.add_argument("results", type=Path)
    args = parser.parse_args(argv)
    if args.command == "status":
        return status(args.stories)
    return save(args.story, args.results)


if __name__ == "__main__":
    sys.exit(main())
