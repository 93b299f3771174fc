"""The extraction cache: same results as without it, rebuilt when corrupt, shared safely."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SOURCES
from factcheck.api import check, reread
from factcheck.cache import ExtractionCache, code_version


def _facts(result: object) -> str:
    return json.dumps(result.to_dict(), sort_keys=True)  # type: ignore[attr-defined]


def test_cached_run_equals_uncached_run(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite"
    plain = check([SOURCES])
    first = check([SOURCES], cache=db)
    second = check([SOURCES], cache=db)
    assert _facts(plain) == _facts(first) == _facts(second)
    with ExtractionCache(db) as cache:
        doc = reread(first.extraction.sources[0])  # the result keeps documents slim
        assert cache.get(doc) is not None
        assert cache.hits == 1


def test_changed_text_is_re_extracted(tmp_path: Path) -> None:
    corpus = tmp_path / "articles"
    corpus.mkdir()
    article = corpus / "a.txt"
    article.write_text("In 2023, trade reached $245 billion.\n", encoding="utf-8")
    db = tmp_path / "cache.sqlite"
    assert check([corpus], cache=db).extraction.facts[1].value == 245_000_000_000
    article.write_text("In 2023, trade reached $254 billion.\n", encoding="utf-8")
    assert check([corpus], cache=db).extraction.facts[1].value == 254_000_000_000


def test_corrupt_cache_is_rebuilt_with_a_warning(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite"
    db.write_bytes(b"this is not a database" * 100)
    warnings: list[str] = []
    result = check([SOURCES], cache=db, warn=warnings.append)
    assert any("rebuilding" in w for w in warnings)
    assert _facts(result) == _facts(check([SOURCES]))
    assert check([SOURCES], cache=db, warn=warnings.append).extraction.facts


def test_code_version_is_stable() -> None:
    assert code_version() == code_version()
    assert len(code_version()) == 16


def test_the_code_version_covers_every_stage_and_the_unit_words() -> None:
    import factcheck.cache as cache_module

    root = Path(cache_module.__file__).parent
    assert all((root / name).exists() for name in cache_module._STAGES)
    # editing the unit words changes what quantities are read: cached facts must not stay
    assert "data/units.yaml" in cache_module._STAGES


def test_two_processes_share_the_cache(tmp_path: Path) -> None:
    db = tmp_path / "cache.sqlite"
    code = (
        "import sys, json; from factcheck.api import check; "
        f"r = check([{str(SOURCES)!r}], cache={str(db)!r}); "
        "print(len(r.extraction.facts), len(r.discrepancies))"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=120)[0].strip() for p in procs]
    assert all(p.returncode == 0 for p in procs)
    expected = f"{len(check([SOURCES]).extraction.facts)} {len(check([SOURCES]).discrepancies)}"
    assert outputs == [expected, expected]


def test_parses_are_cached_with_the_extraction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import parse

    cache = tmp_path / "cache.sqlite"
    first = check([SOURCES], cache=cache)
    parse._MEMO.clear()

    def no_parser(model: str) -> object:
        raise AssertionError("every sentence's parse should come from the cache")

    monkeypatch.setattr(parse, "load", no_parser)
    second = check([SOURCES], cache=cache)
    assert [d.to_dict() for d in second.discrepancies] == [d.to_dict() for d in first.discrepancies]
    assert [c.frame for c in second.claims] == [c.frame for c in first.claims]


def test_a_parse_is_keyed_by_its_pipeline_and_sentence(tmp_path: Path) -> None:
    from factcheck.parse import Parse

    parsed = Parse(
        "It rose.", (0, 3, 7), (2, 7, 8), ("PRP", "VBD", "."), ("nsubj", "ROOT", "punct"), (1, 1, 1)
    )
    with ExtractionCache(tmp_path / "c.sqlite") as store:
        store.keep_parses("pipeline-a", {"It rose.": parsed})
        store.flush()
        assert store.parses("pipeline-a", ["It rose.", "It fell."]) == {"It rose.": parsed}
        assert store.parses("pipeline-b", ["It rose."]) == {}
