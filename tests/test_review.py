"""Review decisions: recorded by id, atomic, never losing other entries, stale ones reported."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.errors import UserError
from factcheck.review import apply, failing, load_reviews, record

FIXTURE = Path(__file__).parent / "fixtures" / "reports" / "demo-check.json"


def data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return loaded


def test_record_and_apply(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    d = data()
    first, second = d["discrepancies"][:2]
    record(path, first, "accepted", "different years", by="Ed", today=dt.date(2025, 5, 10))
    record(path, second, "confirmed", "", by="Ed", today=dt.date(2025, 5, 10))
    reviews = load_reviews(path)
    assert {r.id: r.status for r in reviews.values()} == {
        first["id"]: "accepted",
        second["id"]: "confirmed",
    }
    assert reviews[first["id"]].claims[0]["text"] == first["claims"][0]["text"]
    stale = apply(d, reviews)
    assert stale == []
    assert d["discrepancies"][0]["review"]["status"] == "accepted"
    # accepted no longer fails; confirmed and unreviewed still do
    assert [x["id"] for x in failing(d, "warning")] == [x["id"] for x in d["discrepancies"][1:]]


@pytest.mark.parametrize("status", ["accepted", "false-alarm"])
def test_a_note_is_required(tmp_path: Path, status: str) -> None:
    with pytest.raises(UserError, match="note is required"):
        record(tmp_path / "r.yaml", data()["discrepancies"][0], status, "  ")


def test_unknown_status(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="status must be one of"):
        record(tmp_path / "r.yaml", data()["discrepancies"][0], "maybe", "x")


def test_stale_review_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    gone = dict(data()["discrepancies"][0], id="000000000000")
    record(path, gone, "accepted", "an old one", by="Ed")
    stale = apply(data(), load_reviews(path))
    assert [r.id for r in stale] == ["000000000000"]


def test_other_entries_and_comments_survive_rewrites(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    for i, d in enumerate(data()["discrepancies"]):
        record(path, d, "confirmed", f"note {i}", by="Ed")
    record(path, data()["discrepancies"][0], "accepted", "changed my mind", by="Ed")
    reviews = load_reviews(path)
    assert len(reviews) == 3
    assert reviews[data()["discrepancies"][0]["id"]].status == "accepted"
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["reviews"][0]["id"] == min(reviews)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("reviews: [\n", "not valid YAML"),
        ("reviews: 3\n", "'reviews' list"),
        ("reviews:\n  - {status: accepted}\n", "needs an 'id'"),
        ("reviews:\n  - {id: abc, status: maybe}\n", "status must be one of"),
    ],
)
def test_bad_reviews_file(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "reviews.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UserError, match=message):
        load_reviews(path)


WRITER = """
import sys, json
from factcheck.review import record
d = json.loads(open(sys.argv[2]).read())["discrepancies"][0]
i = 0
while True:
    i += 1
    record(sys.argv[1], dict(d, id=f"{i:012d}"), "confirmed", "x" * 2000, by="writer")
"""


def test_killing_a_writer_never_leaves_a_truncated_file(tmp_path: Path) -> None:
    """kill -9 a process that keeps rewriting the file: it is always a whole, valid file."""
    path = tmp_path / "reviews.yaml"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    for attempt in range(8):
        proc = subprocess.Popen([sys.executable, str(script), str(path), str(FIXTURE)])
        time.sleep(0.3 + 0.05 * attempt)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if path.exists():
            reviews = load_reviews(path)  # parses: never half-written
            assert all(r.note == "x" * 2000 for r in reviews.values())
    assert not list(tmp_path.glob(".reviews.yaml.*.tmp.keep"))


def test_impossible_date_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "reviews.yaml"
    path.write_text(
        "reviews:\n- id: abc\n  status: confirmed\n  date: 2025-02-30\n", encoding="utf-8"
    )
    with pytest.raises(UserError, match="not a valid reviews file"):
        load_reviews(path)
