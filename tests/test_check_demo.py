"""What must be true on the demo corpus (sources/)."""

from __future__ import annotations

from pathlib import Path

from conftest import SOURCES
from factcheck.api import check

RESULT = check([SOURCES])
BY_RULE = {d.rule: d for d in RESULT.discrepancies}


def test_trade_figure_for_two_years_is_reported() -> None:
    d = BY_RULE["FC102"]
    assert d.metric == "trade"
    assert {c.fact.text for c in d.claims} == {"$245 billion", "$244.8 billion"}
    assert {c.period for c in d.claims} == {"2023", "2024"}


def test_visit_dated_2023_and_2025_is_reported_as_different_events() -> None:
    d = BY_RULE["FC103"]
    assert d.metric == "visit"
    assert d.explanation == "different event"
    years = {str(c.period_low)[:4] for c in d.claims}
    assert years == {"2023", "2025"}


def test_next_year_80th_anniversary_is_reported() -> None:
    d = BY_RULE["FC202"]
    assert d.claims[0].source == "xi-putin-pledge-unity-in-new-era"
    assert "1946" in d.message


def test_agreements_visit_counts_anniversaries_and_weekdays_are_not_reported() -> None:
    metrics = {d.metric for d in RESULT.discrepancies}
    assert not metrics & {"agreement", "trip", "visit count", "anniversary count"}
    assert "FC101" not in BY_RULE  # no value conflict: 20+ agreements, 11th visit, 80th
    assert "FC201" not in BY_RULE  # every weekday matches its date


def test_undated_sources_are_dated_by_the_event_they_share() -> None:
    published = {s.id: s.published for s in RESULT.extraction.sources}
    hailed = published["xi-moscow-visit-hailed-complete-success"]
    assert hailed.method == "inferred"
    assert hailed.date is not None
    assert hailed.date.year == 2025
    assert "xi-putin-pledge-unity-in-new-era" in hailed.evidence


def test_ids_are_stable_across_runs_and_edits_elsewhere(tmp_path) -> None:  # type: ignore[no-untyped-def]
    for path in SOURCES.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        if path.stem == "xi-joins-putin-for-victory-day-anniversary":
            text = "An unrelated first paragraph was added here.\n\n" + text
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    again = check([tmp_path])
    assert {d.id for d in again.discrepancies} == {d.id for d in RESULT.discrepancies}


def test_output_does_not_depend_on_hash_seeds(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Two processes with different PYTHONHASHSEED give byte-identical JSON (no set order leaks)."""
    import os
    import subprocess
    import sys

    stories = Path(__file__).parent / "stories"
    outputs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "factcheck",
                "check",
                str(SOURCES),
                *sorted(map(str, stories.glob("*/"))),
                "--format",
                "json",
                "--no-cache",
                "--rules",
                "",
                "--fail-on",
                "never",
            ],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            cwd=tmp_path,
        )
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]


def test_jobs_give_the_same_result() -> None:
    """Extraction and per-article analysis in two worker processes: the same output as one."""
    stories = sorted((Path(__file__).parent / "stories").glob("*/"))
    one = check([SOURCES, *stories])
    two = check([SOURCES, *stories], jobs=2)
    assert one.to_dict() == two.to_dict()
