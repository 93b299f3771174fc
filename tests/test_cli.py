"""The command line: output contracts, exit codes, start-up cost."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SOURCES
from factcheck.cli import main

FACT_KEYS = {"source", "kind", "text", "start", "end", "value", "low", "high", "qualifier", "unit"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SOURCES), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"sources", "facts"}
    assert len(data["sources"]) == 5
    texts = {
        s["id"]: (SOURCES / f"{s['id']}.txt").read_text(encoding="utf-8") for s in data["sources"]
    }
    for fact in data["facts"]:
        assert set(fact) >= FACT_KEYS
        assert texts[fact["source"]][fact["start"] : fact["end"]] == fact["text"]
        if fact["kind"] == "date":
            assert fact["granularity"] in ("day", "month", "year")
    money = [f for f in data["facts"] if f["kind"] == "money"]
    assert {(f["value"], f["unit"]) for f in money} == {
        (245000000000, "USD"),
        (244800000000, "USD"),
    }


def test_csv_has_a_header_and_one_row_per_fact(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SOURCES), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows
    assert set(rows[0]) >= FACT_KEYS


def test_csv_defuses_formulas(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("=HYPERLINK(1) It cost $5 billion.\n", encoding="utf-8")
    code, out, _ = run(capsys, "extract", str(tmp_path), "--format", "csv")
    assert code == 0
    assert "\n=" not in out
    assert ",=" not in out


def test_table_names_each_source_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "extract", str(SOURCES))
    assert code == 0
    assert "xi-putin-pledge-unity-in-new-era: published 2025-05-08 (inferred)" in out
    assert out.rstrip().endswith("figures in 5 sources")


def test_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Turnout was 67.4% on May 8, 2025."))
    code, out, _ = run(capsys, "extract", "-", "--format", "json")
    assert code == 0
    assert [f["text"] for f in json.loads(out)["facts"]] == ["67.4%", "May 8, 2025"]


@pytest.mark.parametrize(
    ("setup", "expected_code"),
    [
        ("missing", 2),  # nothing could be read
        ("partial", 1),  # one good file, one bad
        ("good", 0),
    ],
)
def test_exit_codes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, setup: str, expected_code: int
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("It cost $5 billion.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    paths = {
        "missing": [str(tmp_path / "nope.txt")],
        "partial": [str(good), str(bad)],
        "good": [str(good)],
    }[setup]
    code, _, err = run(capsys, "extract", *paths)
    assert code == expected_code
    if expected_code:
        assert err.startswith("error: ")
        assert len(err.strip().splitlines()) == 1


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["extract", "--frobnicate"])
    assert exc.value.code == 2


def test_startup_does_not_import_pandas_or_dateparser() -> None:
    probe = (
        "import sys, factcheck.cli, factcheck.api; "
        "print(sorted(m for m in ('pandas', 'dateparser') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_dataframe_api() -> None:
    from factcheck.api import extract

    frame = extract([SOURCES]).frame()
    assert len(frame) > 30
    assert {"source", "kind", "value", "unit"} <= set(frame.columns)
