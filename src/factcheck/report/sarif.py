"""SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, VS Code's SARIF viewer).

One run; ``tool.driver.rules`` holds one descriptor per rule code found, and
each discrepancy becomes one result whose locations are the quotes of its
claims. The discrepancy id is the result's partial fingerprint, so a dashboard
recognises the same finding from one run to the next; a discrepancy reviewed
as ``accepted`` or ``false-alarm`` is reported with an external suppression.
Columns are counted in Unicode code points (``columnKind``), as factcheck
counts them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from factcheck.report.common import SETTLED

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:/")


def render_sarif(data: Mapping[str, Any], *, tool_version: str) -> str:
    """The discrepancies of ``data`` (the ``check --format json`` contract) as a SARIF log.

    >>> log = json.loads(render_sarif({"discrepancies": []}, tool_version="1.0"))
    >>> log["version"], log["runs"][0]["results"]
    ('2.1.0', [])
    """
    discrepancies = list(data.get("discrepancies") or [])
    names: dict[str, str] = {}
    for d in discrepancies:
        names.setdefault(str(d["rule"]), str(d.get("name") or ""))
    codes = sorted(names)
    driver = {
        "name": "factcheck",
        "version": tool_version,
        "rules": [_descriptor(code, names[code]) for code in codes],
    }
    index = {code: i for i, code in enumerate(codes)}
    run = {
        "tool": {"driver": driver},
        "columnKind": "unicodeCodePoints",
        "results": [_result(d, index[str(d["rule"])]) for d in discrepancies],
    }
    log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _descriptor(code: str, name: str) -> dict[str, Any]:
    descriptor: dict[str, Any] = {"id": code}
    if name:
        descriptor["name"] = name
    words = name.replace(".", " ").replace("-", " ").strip() or code
    descriptor["shortDescription"] = {"text": words[:1].upper() + words[1:]}
    return descriptor


def _result(d: Mapping[str, Any], rule_index: int) -> dict[str, Any]:
    review = d.get("review") or {}
    status = str(review.get("status") or "unreviewed")
    result: dict[str, Any] = {
        "ruleId": str(d["rule"]),
        "ruleIndex": rule_index,
        "level": _LEVEL.get(str(d.get("level")), "warning"),
        "message": {"text": str(d.get("message") or d["rule"])},
        "locations": [loc for c in d.get("claims") or [] if (loc := _location(c)) is not None],
        "partialFingerprints": {"factcheck/v1": str(d["id"])},
    }
    if "new" in d:
        result["baselineState"] = "new" if d["new"] else "unchanged"
    if status in SETTLED:
        # no ``status``: absent means the suppression is in effect, and the
        # pre-release 2.1.0 schemas some validators still use reject the key
        suppression: dict[str, Any] = {"kind": "external"}
        if review.get("note"):
            suppression["justification"] = str(review["note"])
        extra = {k: str(review[k]) for k in ("by", "date") if review.get(k)}
        suppression["properties"] = {"reviewStatus": status, **extra}
        result["suppressions"] = [suppression]
    properties: dict[str, Any] = {
        "id": str(d["id"]),
        "name": str(d.get("name") or ""),
        "explanation": d.get("explanation"),
        "metric": d.get("metric"),
        "period": d.get("period"),
        "reviewStatus": status,
    }
    if "new" in d:
        properties["new"] = bool(d["new"])
    result["properties"] = properties
    return result


def _location(claim: Mapping[str, Any]) -> dict[str, Any] | None:
    """The claim's quote as a SARIF location; ``None`` without a file (standard input)."""
    uri = _uri(claim.get("path"))
    if uri is None:
        return None
    physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
    line, column = claim.get("line"), claim.get("column")
    if isinstance(line, int) and line >= 1:
        region: dict[str, Any] = {"startLine": line}
        if isinstance(column, int) and column >= 1:
            region["startColumn"] = column
        end_line, end_column = claim.get("end_line"), claim.get("end_column")
        if isinstance(end_line, int) and end_line >= line:
            region["endLine"] = end_line
        if isinstance(end_column, int) and end_column >= 1:
            region["endColumn"] = end_column
        if claim.get("text"):
            region["snippet"] = {"text": str(claim["text"])}
        physical["region"] = region
    return {
        "physicalLocation": physical,
        "message": {"text": f"{claim.get('source', '')}: {claim.get('text', '')}"},
    }


def _uri(path: Any) -> str | None:
    """A file path as a URI reference: relative with forward slashes, or ``file:`` if absolute.

    >>> _uri("sources\\\\a b.txt"), _uri("./x/y.md"), _uri("/tmp/z.txt"), _uri("-")
    ('sources/a%20b.txt', 'x/y.md', 'file:///tmp/z.txt', None)
    """
    if not isinstance(path, str) or path in ("", "-"):
        return None
    posix = path.replace("\\", "/")
    while posix.startswith("./"):
        posix = posix[2:]
    if _WINDOWS_DRIVE.match(posix):
        return "file:///" + quote(posix, safe="/:")
    if posix.startswith("/"):
        return "file://" + quote(posix, safe="/")
    return quote(posix, safe="/")
