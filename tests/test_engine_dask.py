"""The Dask engine gives what the local engine gives, on a real two-process cluster."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

NEEDS = "the dask engine needs dask and distributed: pip install 'factcheck[dask]'"
pytest.importorskip("dask.dataframe", reason=NEEDS)
distributed = pytest.importorskip("distributed", reason=NEEDS)

import dask  # noqa: E402

from conftest import SOURCES  # noqa: E402
from factcheck.api import CheckResult, check  # noqa: E402
from factcheck.engine_dask import check_dask, claim_from_json, claim_to_json  # noqa: E402
from factcheck.errors import SourceError, UserError  # noqa: E402

STORIES = sorted(p for p in (Path(__file__).parent / "stories").iterdir() if p.is_dir())

#: user rules that change what the per-group rules see: a threshold, a rate, a disabled rule
USER_RULES = {
    "fc101.yaml": "code: FC101\noptions:\n  min_relative_difference: 0.05\n",
    "fc203.yaml": "code: FC203\nenabled: false\n",
    "vocabulary.yaml": "vocabulary:\n  rates:\n    EUR/USD: 1.1\n",
}


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    with distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=None,
        silence_logs=logging.CRITICAL,
    ) as running:
        yield running


def as_json(result: CheckResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)


def assert_same(local: CheckResult, remote: CheckResult) -> None:
    assert as_json(remote) == as_json(local)
    assert remote.claims == local.claims
    assert [str(e) for e in remote.extraction.errors] == [str(e) for e in local.extraction.errors]


def test_demo_sources_give_the_same_result(cluster: Any) -> None:
    local = check([SOURCES])
    remote = check_dask([SOURCES], cluster=cluster)
    assert_same(local, remote)
    assert {d.rule for d in remote.discrepancies} == {"FC102", "FC103", "FC202"}


@pytest.mark.parametrize("partitions", [None, 3])
def test_every_story_together_gives_the_same_result(cluster: Any, partitions: int | None) -> None:
    local = check(STORIES)
    remote = check_dask(STORIES, scheduler=cluster.scheduler_address, partitions=partitions)
    assert_same(local, remote)
    # the per-group kinds found something, so their findings did come back from the workers
    assert sum(d.rule == "FC101" for d in remote.discrepancies) >= 5
    assert any(d.rule == "FC102" for d in remote.discrepancies)


def test_user_rules_give_the_same_result(cluster: Any, tmp_path: Path) -> None:
    for name, text in USER_RULES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    local = check(STORIES, rules=tmp_path)
    remote = check_dask(STORIES, rules=tmp_path, cluster=cluster, partitions=2)
    assert_same(local, remote)
    assert local.discrepancies != check(STORIES).discrepancies  # the rules did change something


def test_a_binary_file_is_reported_as_by_the_local_engine(cluster: Any, tmp_path: Path) -> None:
    for path in SOURCES.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    seen: list[SourceError] = []
    local = check([tmp_path])
    remote = check_dask([tmp_path], cluster=cluster, on_error=seen.append)
    assert_same(local, remote)
    assert [str(e) for e in seen] == [f"{tmp_path / 'broken.txt'}: binary file, not an article"]
    assert len(remote.extraction.sources) == 5


def test_no_articles_but_errors(cluster: Any, tmp_path: Path) -> None:
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    remote = check_dask([tmp_path], cluster=cluster)
    assert_same(check([tmp_path]), remote)
    assert remote.discrepancies == []


def test_claims_travel_to_the_workers_unchanged() -> None:
    claims = check(STORIES).claims
    assert claims
    assert [claim_from_json(claim_to_json(c)) for c in claims] == claims


def test_scheduler_and_cluster_together_are_refused(cluster: Any) -> None:
    with pytest.raises(UserError, match="not both"):
        check_dask([SOURCES], scheduler=cluster.scheduler_address, cluster=cluster)


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("ftp://localhost:8786", "not a Dask scheduler address: ftp://localhost:8786"),
        ("tcp://127.0.0.1:9", "cannot reach the Dask scheduler at tcp://127.0.0.1:9"),
    ],
)
def test_a_bad_scheduler_is_a_user_error(address: str, message: str) -> None:
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(UserError, match=message),
    ):
        check_dask([SOURCES], scheduler=address)


def test_cli_engine_dask_matches_local(cluster, capsys, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """factcheck check --engine dask --scheduler ADDRESS prints what the local engine prints."""
    from factcheck.cli import main

    monkeypatch.chdir(tmp_path)
    sources = str(Path(__file__).parents[1] / "sources")
    common = [
        "check",
        sources,
        "--no-cache",
        "--format",
        "json",
        "--fail-on",
        "never",
        "--rules",
        "",
    ]
    assert main(common) == 0
    local = capsys.readouterr().out
    assert main([*common, "--engine", "dask", "--scheduler", cluster.scheduler_address]) == 0
    assert capsys.readouterr().out == local
