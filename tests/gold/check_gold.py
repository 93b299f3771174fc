"""Validate the hand-written gold annotations in ``tests/gold/sources.gold.yaml``.

Usage::

    python tests/gold/check_gold.py [GOLD_YAML [SOURCES_DIR]]

For every entry, the ``occurrence``-th occurrence of ``text`` is located in
``sources/<id>.txt`` and ``id kind start end text`` is printed (``end`` is exclusive).
Exits with status 1 and a clear message if a source file is missing, a kind or qualifier is
invalid, an entry is malformed, or a text (or the requested occurrence of it) is not found.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = Path(__file__).resolve().parent / "sources.gold.yaml"
DEFAULT_SOURCES = REPO_ROOT / "sources"

VALID_KINDS = frozenset({"money", "count", "ordinal", "percent", "duration", "date"})
VALID_QUALIFIERS = frozenset({"", "more than", "nearly", "about", "at least", "up to"})


def find_occurrence(haystack: str, needle: str, occurrence: int) -> int:
    """Return the start offset of the ``occurrence``-th (1-based) ``needle``, or -1.

    >>> find_occurrence("a b a b a", "a", 3)
    8
    >>> find_occurrence("a b", "c", 1)
    -1
    """
    start = -1
    for _ in range(occurrence):
        start = haystack.find(needle, start + 1)
        if start < 0:
            return -1
    return start


def check_entry(source_id: str, index: int, entry: Any, text_body: str) -> tuple[str | None, str]:
    """Validate one entry; return ``(error, output_line)`` where exactly one is meaningful."""
    where = f"{source_id}[{index}]"
    if not isinstance(entry, dict):
        return f"{where}: entry is not a mapping: {entry!r}", ""
    kind = entry.get("kind")
    if kind not in VALID_KINDS:
        return f"{where}: invalid kind {kind!r} (expected one of {sorted(VALID_KINDS)})", ""
    text = entry.get("text")
    if not isinstance(text, str) or not text:
        return f"{where}: missing or empty 'text'", ""
    occurrence = entry.get("occurrence", 1)
    if not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1:
        return f"{where}: 'occurrence' must be a positive integer, got {occurrence!r}", ""
    qualifier = entry.get("qualifier", "")
    if qualifier not in VALID_QUALIFIERS:
        return (
            f"{where}: invalid qualifier {qualifier!r} "
            f"(expected one of {sorted(VALID_QUALIFIERS)})",
            "",
        )
    start = find_occurrence(text_body, text, occurrence)
    if start < 0:
        total = text_body.count(text)
        return (
            f"{where}: text {text!r} occurrence {occurrence} not found in {source_id}.txt "
            f"(found {total} occurrence(s))",
            "",
        )
    end = start + len(text)
    return None, f"{source_id} {kind} {start} {end} {text}"


def check_gold(gold_path: Path, sources_dir: Path) -> list[str]:
    """Check all entries, printing one line per valid entry; return the list of errors."""
    with gold_path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, dict) or not isinstance(data.get("sources"), dict):
        return [f"{gold_path}: top-level 'sources' mapping is missing"]

    errors: list[str] = []
    sources: dict[str, Any] = data["sources"]
    for source_id, entries in sources.items():
        source_file = sources_dir / f"{source_id}.txt"
        if not source_file.is_file():
            errors.append(f"{source_id}: no source file {source_file}")
            continue
        if not isinstance(entries, list):
            errors.append(f"{source_id}: entries must be a list, got {type(entries).__name__}")
            continue
        text_body = source_file.read_text(encoding="utf-8")
        for index, entry in enumerate(entries):
            error, line = check_entry(source_id, index, entry, text_body)
            if error is not None:
                errors.append(error)
            else:
                print(line)
    return errors


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    gold_path = Path(args[0]) if args else DEFAULT_GOLD
    sources_dir = Path(args[1]) if len(args) > 1 else DEFAULT_SOURCES
    if not gold_path.is_file():
        print(f"ERROR: gold file not found: {gold_path}", file=sys.stderr)
        return 1
    errors = check_gold(gold_path, sources_dir)
    if errors:
        for error in errors:
            print(f"ERROR: {error}", file=sys.stderr)
        print(f"{len(errors)} error(s) in {gold_path}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
