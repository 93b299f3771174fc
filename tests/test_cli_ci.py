"""factcheck report, review and check --new / --changed-since, end to end in a temporary repository."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from factcheck.cli import main

NEW_ARTICLE = (
    "Xi visit ends\n\nMOSCOW, May 9, 2025 (Wire) - The visit ended on Friday. In 2023, bilateral "
    "trade reached $260 billion, officials said.\n"
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(REPO / "sources", tmp_path / "sources")
    shutil.copytree(REPO / "rules", tmp_path / "rules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for argv in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=T", "-c", "user.email=t@x", "commit", "-qm", "corpus"],
    ):
        subprocess.run(["git", *argv], check=True, capture_output=True)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_report_writes_every_file(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "report", "--no-cache")
    assert code == 0
    for name in ("report.html", "report.md", "report.json", "facts.csv", "discrepancies.csv"):
        assert (project / "reports" / name).stat().st_size > 0
    assert "3 discrepancies (3 warnings) in 5 sources" in out
    data = json.loads((project / "reports" / "report.json").read_text(encoding="utf-8"))
    assert set(data) == {"sources", "facts", "discrepancies"}
    assert "wrote" in err


def test_review_flow(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "review", "--no-cache")
    assert "3 of 3 discrepancies unreviewed" in out
    ident = out.split()[0]
    code, out, _ = run(
        capsys,
        "review",
        ident[:6],
        "--status",
        "accepted",
        "--note",
        "ok",
        "--by",
        "Ed",
        "--no-cache",
    )
    assert code == 0
    assert f"{ident}: accepted by Ed" in out
    code, out, _ = run(capsys, "review", "--no-cache")
    assert "2 of 3 discrepancies unreviewed" in out
    code, out, _ = run(capsys, "check", "--no-cache", "--format", "json")
    statuses = {d["id"]: d["review"]["status"] for d in json.loads(out)["discrepancies"]}
    assert statuses[ident] == "accepted"


def test_review_needs_a_note_and_a_known_id(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(capsys, "review", "--no-cache")
    ident = out.split()[0]
    code, _, err = run(capsys, "review", ident, "--status", "false-alarm", "--no-cache")
    assert code == 2
    assert "note is required" in err
    code, _, err = run(capsys, "review", "ffffffffffff", "--status", "confirmed", "--no-cache")
    assert code == 2
    assert "no discrepancy with id" in err


def test_check_new_reports_only_the_new_article(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "sources" / "new-wire.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    code, out, _ = run(
        capsys, "check", "--new", "sources/new-wire.txt", "--format", "json", "--no-cache"
    )
    data = json.loads(out)
    assert code == 1  # a value conflict (error) involving the new article
    assert data["discrepancies"]
    for d in data["discrepancies"]:
        assert d["new"] is True
        assert any(c["source"] == "new-wire" for c in d["claims"])


def test_changed_since(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--changed-since", "HEAD", "--no-cache")
    assert code == 0
    assert "no article added or changed" in err
    (project / "sources" / "new-wire.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--changed-since", "HEAD", "--format", "json", "--no-cache")
    assert code == 1
    assert {c["source"] for d in json.loads(out)["discrepancies"] for c in d["claims"]} >= {
        "new-wire"
    }


def test_changed_since_bad_ref(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--changed-since", "no-such-ref", "--no-cache")
    assert code == 2
    assert err.startswith("error: --changed-since no-such-ref:")


def test_accepted_discrepancies_do_not_fail_ci(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "sources" / "new-wire.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    _, out, _ = run(
        capsys, "check", "--new", "sources/new-wire.txt", "--format", "json", "--no-cache"
    )
    for d in json.loads(out)["discrepancies"]:
        run(
            capsys,
            "review",
            d["id"],
            "--status",
            "accepted",
            "--note",
            "known",
            "--by",
            "Ed",
            "--no-cache",
            "--sources",
            "sources",
        )
    code, _, _ = run(capsys, "check", "--new", "sources/new-wire.txt", "--no-cache")
    assert code == 0


def test_github_format_is_automatic_under_actions(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, _ = run(capsys, "check", "--no-cache", "--fail-on", "never")
    assert code == 0
    assert out.startswith("::warning ")
    assert out.rstrip().endswith("in 5 sources, 38 figures")  # counted though not listed


def test_unknown_pyproject_key(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "pyproject.toml").write_text("[tool.factcheck]\nsorces = 'x'\n", encoding="utf-8")
    code, _, err = run(capsys, "report")
    assert code == 2
    assert err.startswith("error: pyproject.toml:2: unknown key 'sorces'")


def test_shipped_hook_and_workflow_commands_run(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pre-commit hook's entry and the workflow's factcheck steps are valid command lines."""
    import shlex

    import yaml

    (project / "sources" / "new-wire.txt").write_text(NEW_ARTICLE, encoding="utf-8")
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    argv = [*shlex.split(hook["entry"])[1:], "sources/new-wire.txt", "--no-cache"]
    code, out, _ = run(capsys, *argv)
    assert code == 1
    assert "new-wire" in out
    workflow = yaml.safe_load(
        (REPO / ".github/workflows/factcheck.yml").read_text(encoding="utf-8")
    )
    steps = " ".join(str(s.get("run", "")) for s in workflow["jobs"]["factcheck"]["steps"])
    assert "factcheck report" in steps
    assert "factcheck check --changed-since" in steps


def test_interactive_review_walks_the_unreviewed(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    answers = iter(["a", "", "known and tolerated", "s", "f", "two different things"])
    fake_stdin = io.StringIO()
    fake_stdin.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", fake_stdin)
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    code, out, _ = run(capsys, "review", "--interactive", "--no-cache")
    assert code == 0
    assert out.count("recorded ") == 2
    statuses = sorted(
        r.status
        for r in __import__("factcheck.review", fromlist=["x"])
        .load_reviews(project / "rules" / "reviews.yaml")
        .values()
    )
    assert statuses == ["accepted", "false-alarm"]


def test_interactive_review_needs_a_terminal(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "review", "--interactive", "--no-cache")
    assert code == 2
    assert "needs a terminal" in err
