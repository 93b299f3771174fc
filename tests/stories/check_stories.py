"""Sanity checks for the story fixtures (not a test of factcheck itself).

Run:  . /work/main/.venv/bin/activate && python tests/stories/check_stories.py
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
KINDS = {"value-conflict", "period-mismatch", "event-date-conflict", "timeline", "reference"}
MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
        1,
    )
}
ABBR = {
    "Jan.": 1,
    "Feb": 2,
    "Feb.": 2,
    "Aug.": 8,
    "Sept.": 9,
    "Oct": 10,
    "Oct.": 10,
    "Nov.": 11,
    "Dec.": 12,
    **MONTHS,
}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FORBIDDEN = re.compile(r"\b(China|Chinese|Russia|Russian|Xi|Putin|Moscow)\b")

errors: list[str] = []


def err(msg: str) -> None:
    errors.append(msg)


def body_and_date(path: Path) -> tuple[str, dt.date | None, str, int]:
    """Return (text without front matter, publication date, how it was given, how many ways)."""
    text = path.read_text(encoding="utf-8")
    found: list[tuple[str, dt.date]] = []
    body = text
    if text.startswith("---\n"):
        _, fm, body = text.split("---\n", 2)
        meta = yaml.safe_load(fm)
        for key in ("title", "outlet", "published"):
            if key not in meta:
                err(f"{path}: front matter lacks {key}")
        if meta.get("published"):
            found.append(("front-matter", meta["published"]))
    elif path.suffix == ".md":
        err(f"{path}: .md file without front matter")
    month_alt = "|".join(re.escape(m) for m in sorted(ABBR, key=len, reverse=True))
    for m in re.finditer(
        rf"^[A-Z][A-Z ,.a-z]+, ({month_alt}) (\d{{1,2}}), (\d{{4}}) \([^)]+\) -", body, re.M
    ):
        found.append(("dateline", dt.date(int(m[3]), ABBR[m[1]], int(m[2]))))
    for m in re.finditer(rf"^Published: ({month_alt}) (\d{{1,2}}), (\d{{4}})$", body, re.M):
        found.append(("published-line", dt.date(int(m[3]), ABBR[m[1]], int(m[2]))))
    if len(found) > 1:
        err(f"{path}: publication date given {len(found)} ways: {found}")
    date = found[0][1] if found else None
    how = found[0][0] if found else "none"
    return body, date, how, len(found)


def main() -> int:
    source_numbers = set()
    for f in (HERE.parent.parent / "sources").glob("*.txt"):
        source_numbers |= set(re.findall(r"\d[\d,.]*\d|\d", f.read_text(encoding="utf-8")))
    stories = sorted(p for p in HERE.iterdir() if p.is_dir())
    if len(stories) < 5:
        err(f"expected at least 5 stories, found {[s.name for s in stories]}")
    for story in stories:
        exp = yaml.safe_load((story / "expected.yaml").read_text(encoding="utf-8"))
        if exp.get("story") != story.name:
            err(f"{story}: story key {exp.get('story')!r}")
        files = {p.stem: p for p in story.iterdir() if p.suffix in (".txt", ".md")}
        if not 3 <= len(files) <= 4:
            err(f"{story}: {len(files)} articles")
        if set(files) != set(exp["sources"]):
            err(f"{story}: sources {sorted(exp['sources'])} != files {sorted(files)}")
        texts = {}
        undated = 0
        hows = set()
        for stem, path in files.items():
            body, date, how, _ = body_and_date(path)
            texts[stem] = path.read_text(encoding="utf-8")
            hows.add(how)
            undated += date is None
            if exp["sources"].get(stem) != date:
                err(f"{path}: yaml date {exp['sources'].get(stem)} != article date {date}")
            words = len(body.split())
            if not 30 <= words <= 450:
                err(f"{path}: {words} words")
            if FORBIDDEN.search(texts[stem]):
                err(f"{path}: forbidden word {FORBIDDEN.search(texts[stem])[0]}")
            overlap = set(re.findall(r"\d[\d,.]*\d|\d", body)) & source_numbers
            if overlap:
                print(
                    f"  note {path.relative_to(HERE)}: numbers also in sources/: {sorted(overlap)}"
                )
            # weekday + date claims, resolved with the publication year (or the year in the text)
            weekday_date = r"\b({}),? ({}) (\d{{1,2}})\b(?:, (\d{{4}}))?".format(
                "|".join(WEEKDAYS), "|".join(MONTHS)
            )
            for m in re.finditer(weekday_date, body):
                year = int(m[4]) if m[4] else (date.year if date else None)
                if year is None:
                    continue
                real = WEEKDAYS[dt.date(year, MONTHS[m[2]], int(m[3])).weekday()]
                flag = "OK " if real == m[1] else "MISMATCH"
                print(f"  weekday {flag} {path.relative_to(HERE)}: {m[0]!r} ({year}) is a {real}")
        if undated > 1:
            err(f"{story}: {undated} undated articles")
        print(f"{story.name}: date styles {sorted(hows)}")
        ids = set()
        for section, lo, hi in (("must_flag", 2, 5), ("must_not_flag", 3, 6)):
            entries = exp.get(section) or []
            if not lo <= len(entries) <= hi:
                err(f"{story}: {len(entries)} {section} entries")
            for e in entries:
                keys = {"id", "metric", "sources", "values", "why"} | (
                    {"kind"} if section == "must_flag" else set()
                )
                if set(e) != keys:
                    err(f"{story}/{e.get('id')}: keys {sorted(e)}")
                if e["id"] in ids:
                    err(f"{story}: duplicate id {e['id']}")
                ids.add(e["id"])
                if section == "must_flag" and e["kind"] not in KINDS:
                    err(f"{story}/{e['id']}: kind {e['kind']}")
                if len(e["metric"].split()) > 3:
                    err(f"{story}/{e['id']}: metric too long")
                for s in e["sources"]:
                    if s not in texts:
                        err(f"{story}/{e['id']}: unknown source {s}")
                srcs = [texts[s] for s in e["sources"] if s in texts]
                for v in e["values"]:
                    if not any(v in t for t in srcs):
                        err(f"{story}/{e['id']}: value {v!r} not verbatim in {e['sources']}")
                for s in e["sources"]:
                    if s in texts and not any(v in texts[s] for v in e["values"]):
                        err(f"{story}/{e['id']}: source {s} contains none of the values")
                # when values and sources pair up one-to-one, check each pair
                if len(e["values"]) == len(e["sources"]) > 1:
                    for s, v in zip(e["sources"], e["values"], strict=True):
                        if v not in texts.get(s, ""):
                            err(f"{story}/{e['id']}: value {v!r} not in paired source {s}")
    for e in errors:
        print("ERROR", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
