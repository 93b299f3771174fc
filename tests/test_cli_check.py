"""factcheck check: the JSON contract, exit codes, rule folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SOURCES
from factcheck.cli import main

DISCREPANCY_KEYS = {"id", "rule", "level", "message", "explanation", "claims"}
CLAIM_KEYS = {"source", "value", "low", "high", "text", "start", "end", "period"}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SOURCES), "--format", "json")
    assert code == 0  # the demo corpus's discrepancies are warnings
    data = json.loads(out)
    assert set(data) == {"sources", "facts", "discrepancies"}
    assert data["discrepancies"]
    for d in data["discrepancies"]:
        assert set(d) >= DISCREPANCY_KEYS
        assert d["level"] in ("error", "warning", "info")
        for claim in d["claims"]:
            assert set(claim) >= CLAIM_KEYS
            text = (SOURCES / f"{claim['source']}.txt").read_text(encoding="utf-8")
            assert text[claim["start"] : claim["end"]] == claim["text"]


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 0), ("warning", 1), ("never", 0)])
def test_fail_on(capsys: pytest.CaptureFixture[str], fail_on: str, expected: int) -> None:
    code, _, _ = run(capsys, "check", str(SOURCES), "--fail-on", fail_on)
    assert code == expected


def test_errors_fail_by_default(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Revenue rose to $4.62 billion in the third quarter of 2024.\n")
    (tmp_path / "b.txt").write_text("Revenue rose to $4.26 billion in the third quarter of 2024.\n")
    code, out, _ = run(capsys, "check", str(tmp_path))
    assert code == 1
    assert "typo-like transposition" in out
    assert "1 discrepancy (1 error) in 2 sources" in out


def test_table_summary_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "check", str(SOURCES))
    assert code == 0
    assert "3 discrepancies (3 warnings) in 5 sources, 38 figures" in out


def test_user_rules_override_a_builtin_level(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "strict.yaml").write_text("code: FC102\nlevel: error\n")
    code, out, _ = run(capsys, "check", str(SOURCES), "--rules", str(rules), "--format", "json")
    assert code == 1
    levels = {d["rule"]: d["level"] for d in json.loads(out)["discrepancies"]}
    assert levels["FC102"] == "error"


def test_bad_rule_file_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "typo.yaml").write_text("code: FC101\nlevle: warning\n")
    code, out, err = run(capsys, "check", str(SOURCES), "--rules", str(rules))
    assert code == 2
    assert out == ""
    assert err.startswith(f"error: {rules / 'typo.yaml'}:2: unknown key 'levle'")
    assert len(err.strip().splitlines()) == 1


def test_missing_rules_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "check", str(SOURCES), "--rules", str(tmp_path / "nope"))
    assert code == 2
    assert "no such rules folder" in err


def test_reference_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ref.yaml").write_text("code: FC301\noptions:\n  table: official.csv\n")
    (rules / "official.csv").write_text(
        "metric,period,value,unit,source\nturnout,2024,64.7,percent,Electoral Commission\n"
    )
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.txt").write_text("In 2024, turnout was 67.4%, the commission said.\n")
    code, out, _ = run(capsys, "check", str(articles), "--rules", str(rules), "--format", "json")
    assert code == 1
    (d,) = json.loads(out)["discrepancies"]
    assert d["rule"] == "FC301"
    assert "Electoral Commission gives 64.7" in d["message"]


def test_source_errors_are_reported_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "good.txt").write_text("It cost $5 billion in 2023.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    code, out, err = run(capsys, "check", str(tmp_path))
    assert code == 2
    assert "in 1 source" in out
    assert "bad.txt" in err


def test_impossible_date_in_a_rule_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x.yaml").write_text(
        "code: FC101\nexamples:\n  - expect: pass\n    articles:\n      - {published: 2025-02-30, text: x}\n"
    )
    code, _, err = run(capsys, "check", str(SOURCES), "--rules", str(rules))
    assert code == 2
    assert err.startswith(f"error: {rules / 'x.yaml'}:5: invalid value: day is out of range")
