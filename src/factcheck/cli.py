"""The command line. The only module that prints or exits.

Exit codes of ``extract``: 0 done; 1 some sources could not be read (the
others were processed); 2 usage error, or no source could be read at all.
Exit codes of ``check``: 0 no discrepancy at or above ``--fail-on``; 1 there
is one; 2 usage or configuration error, or a source that could not be read.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from factcheck import __version__
from factcheck.errors import FactcheckError, SourceError

if TYPE_CHECKING:
    from factcheck.api import Extraction

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

#: characters that make a spreadsheet read a CSV cell as a formula
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _add_paths(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        default=["sources"],
        metavar="PATH",
        help="article files or folders, or - for standard input (default: sources)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find where news sources disagree about the same figures.",
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ext = sub.add_parser(
        "extract",
        help="list every figure in the articles (money, counts, ordinals, percentages, "
        "durations, dates)",
        description="Extract every figure from articles (.txt, .md, .html), with its evidence.",
    )
    _add_paths(ext)
    ext.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="output format (default: table)",
    )
    chk = sub.add_parser(
        "check",
        help="report the figures on which sources disagree",
        description="Extract, attribute and compare the figures of the articles; report conflicts.",
    )
    _add_paths(chk)
    chk.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="output format (default: table)",
    )
    chk.add_argument(
        "--rules",
        metavar="DIR",
        default=None,
        help="folder of rule files extending the built-in rules (default: rules/ if it exists)",
    )
    chk.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        default="error",
        help="exit 1 when a discrepancy at or above this level is found (default: error)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "extract":
            return _extract(args, sys.stdout, sys.stderr)
        if args.command == "check":
            return _check(args, sys.stdout, sys.stderr)
    except FactcheckError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - "factcheck extract | head"
        return EXIT_OK
    parser.error(f"unknown command {args.command!r}")  # pragma: no cover
    return EXIT_USAGE  # pragma: no cover


def _extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from factcheck.api import extract

    def report_error(error: SourceError) -> None:
        print(f"error: {error}", file=err)

    result = extract(args.paths, stdin=sys.stdin, on_error=report_error)
    for doc in result.sources:
        for warning in doc.warnings:
            print(f"warning: {warning}", file=err)
    if args.format == "json":
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        out.write(facts_csv(result))
    else:
        out.write(facts_table(result))
    if not result.sources:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.errors else EXIT_OK


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pathlib import Path

    from factcheck.api import check
    from factcheck.compare import at_or_above
    from factcheck.report.table import discrepancy_table, messages

    def report_error(error: SourceError) -> None:
        print(f"error: {error}", file=err)

    rules = args.rules
    if rules is None and Path("rules").is_dir():
        rules = "rules"
    result = check(args.paths, rules=rules, stdin=sys.stdin, on_error=report_error)
    for doc in result.extraction.sources:
        for warning in doc.warnings:
            print(f"warning: {warning}", file=err)
    if args.format == "json":
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        found = result.discrepancies
        out.write(
            discrepancy_table(found, len(result.extraction.sources), len(result.extraction.facts))
        )
        if found:
            out.write("\n" + messages(found))
    if not result.extraction.sources or result.extraction.errors:
        return EXIT_USAGE
    if args.fail_on != "never" and at_or_above(result.discrepancies, args.fail_on):
        return EXIT_FINDINGS
    return EXIT_OK


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def facts_csv(result: Extraction) -> str:
    """The facts as CSV, cells that a spreadsheet would run as formulas defused."""
    from factcheck.facts import FACT_COLUMNS

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(FACT_COLUMNS)
    for fact in result.facts:
        writer.writerow([_csv_cell(getattr(fact, name)) for name in FACT_COLUMNS])
    return buf.getvalue()


def _short(text: str, width: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _show_value(value: Any, unit: str) -> str:
    if value is None:
        return "?"
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:,}"
    return str(value)


def facts_table(result: Extraction) -> str:
    """One table per source, under a line saying when it was published and how we know."""
    from tabulate import tabulate

    by_source: dict[str, list[Any]] = {}
    for fact in result.facts:
        by_source.setdefault(fact.source, []).append(fact)
    parts = []
    for doc in result.sources:
        pub = doc.published
        when = f"published {pub.iso} ({pub.method})" if pub.iso else "publication date unknown"
        parts.append(f"{doc.id}: {when}")
        rows = [
            [
                f.kind,
                _short(f.text),
                _show_value(f.value, f.unit),
                f.unit,
                f.qualifier,
                _short(f.resolution, 40) if f.kind == "date" else "",
            ]
            for f in by_source.get(doc.id, [])
        ]
        if rows:
            parts.append(
                tabulate(rows, headers=["kind", "text", "value", "unit", "qualifier", "resolved"])
            )
        else:
            parts.append("  (no figures)")
        parts.append("")
    parts.append(f"{len(result.facts)} figures in {len(result.sources)} sources")
    return "\n".join(parts) + "\n"
