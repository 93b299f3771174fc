"""Golden end-to-end output for sources/, reviewed by hand against the articles.

To accept a deliberate change: ``FACTCHECK_UPDATE_GOLDEN=1 pytest tests/test_golden.py``,
then read the diff of ``tests/golden/sources.facts.json`` before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from conftest import SOURCES
from factcheck.api import extract

GOLDEN = Path(__file__).parent / "golden" / "sources.facts.json"


def _current() -> str:
    result = extract([SOURCES])
    data = result.to_dict()
    for source in data["sources"]:
        source["path"] = Path(source["path"]).name
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_sources_golden() -> None:
    current = _current()
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        GOLDEN.write_text(current, encoding="utf-8")
    assert current == GOLDEN.read_text(encoding="utf-8")
