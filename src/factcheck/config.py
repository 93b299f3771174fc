"""Settings: defaults in code, then ``[tool.factcheck]`` in pyproject.toml, then flags.

>>> Settings().reports
'reports'
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import UserError
from factcheck.parse import DEFAULT_MODEL

REPORT_FORMATS = ("html", "md", "json", "csv")
LEVEL_CHOICES = ("error", "warning", "info", "never")


@dataclass(frozen=True, slots=True)
class Settings:
    """Where factcheck reads and writes, and when it fails."""

    #: the corpus read by ``factcheck report`` and compared against by ``check --new``
    sources: str = "sources"
    #: the rules folder extending the built-in rules ("" for the built-in rules only)
    rules: str = "rules"
    #: where ``factcheck report`` writes its files
    reports: str = "reports"
    #: the report files written: any of html, md, json, csv
    formats: tuple[str, ...] = REPORT_FORMATS
    #: exit 1 when an unreviewed discrepancy at or above this level is found
    fail_on: str = "error"
    #: the review decisions file (plain YAML, meant to be versioned)
    reviews: str = "rules/reviews.yaml"
    #: the extraction cache ("" to disable it)
    cache: str = ".factcheck/cache.sqlite"
    #: at most this many GitHub annotations, then a summary
    annotations: int = 50
    #: files larger than this many bytes are refused as articles (one error line each)
    max_size: int = 10_000_000
    #: extraction processes (1: in this process)
    jobs: int = 1
    #: the spaCy pipeline the claim frames are read with (en_core_web_sm, _md, _trf also work)
    nlp_model: str = DEFAULT_MODEL
    #: discrepancies less likely than this to be real (0-1) are left out of the output
    min_confidence: float = 0.5


_TYPES: dict[str, type] = {
    "sources": str,
    "rules": str,
    "reports": str,
    "formats": list,
    "fail_on": str,
    "reviews": str,
    "cache": str,
    "annotations": int,
    "max_size": int,
    "jobs": int,
    "nlp_model": str,
    "min_confidence": float,
}


def _line_of(text: str, key: str) -> int | None:
    m = re.search(rf"^\s*{re.escape(key)}\s*=", text, re.MULTILINE)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _where(path: Path, text: str, key: str) -> str:
    line = _line_of(text, key)
    return f"{path}:{line}" if line else str(path)


def load_settings(pyproject: Path | None = None) -> Settings:
    """Settings from ``[tool.factcheck]`` of ``pyproject`` (default: ./pyproject.toml, if any)."""
    path = pyproject or Path("pyproject.toml")
    if not path.is_file():
        if pyproject is not None:
            raise UserError(f"{path}: no such file")
        return Settings()
    text = path.read_text(encoding="utf-8")
    try:
        table = tomllib.loads(text).get("tool", {}).get("factcheck", {})
    except tomllib.TOMLDecodeError as error:
        raise UserError(f"{path}: not valid TOML: {error}") from None
    if not isinstance(table, dict):
        raise UserError(f"{path}: [tool.factcheck] must be a table")
    return _apply(Settings(), table, lambda key: _where(path, text, key))


def _apply(settings: Settings, values: Mapping[str, Any], where: Any) -> Settings:
    changes: dict[str, Any] = {}
    value: Any
    for raw_key, value in values.items():
        key = raw_key.replace("-", "_")
        if key not in _TYPES:
            known = ", ".join(sorted(k.replace("_", "-") for k in _TYPES))
            message = f"unknown key {raw_key!r} in [tool.factcheck] (expected one of: {known})"
            raise UserError(f"{where(raw_key)}: {message}")
        expected = _TYPES[key]
        if expected is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, expected) or isinstance(value, bool):
            raise UserError(
                f"{where(raw_key)}: {raw_key} must be a {expected.__name__}, not {value!r}"
            )
        if key == "formats" and isinstance(value, list):
            bad = [f for f in value if f not in REPORT_FORMATS]
            if bad:
                allowed = ", ".join(REPORT_FORMATS)
                raise UserError(f"{where(raw_key)}: formats must be among {allowed}, not {bad}")
            value = tuple(value)
        if key == "fail_on" and value not in LEVEL_CHOICES:
            allowed = ", ".join(LEVEL_CHOICES)
            raise UserError(f"{where(raw_key)}: fail-on must be one of {allowed}, not {value!r}")
        if key == "min_confidence" and not 0 <= value <= 1:
            raise UserError(f"{where(raw_key)}: min-confidence must be between 0 and 1")
        if key == "nlp_model" and not value.strip():
            raise UserError(f"{where(raw_key)}: nlp-model must name a spaCy pipeline")
        if key in ("annotations", "max_size", "jobs") and value < 1:
            raise UserError(f"{where(raw_key)}: {raw_key} must be at least 1")
        changes[key] = value
    return dataclasses.replace(settings, **changes)


def with_flags(settings: Settings, **flags: Any) -> Settings:
    """Flags given on the command line (not None) win over the settings."""
    given = {k: v for k, v in flags.items() if v is not None}
    if "formats" in given and isinstance(given["formats"], list | tuple):
        given["formats"] = tuple(given["formats"])
    return dataclasses.replace(settings, **given)
