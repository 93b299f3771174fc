"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure, test-report actions).

``by="discrepancy"`` (the default): one test suite per rule, one test case per
discrepancy. ``by="source"``: one test suite, one test case per source, which
fails when the source takes part in an error or a warning.

An error or a warning is a ``<failure type="error|warning">``; an info passes
and says so in ``<system-out>``; a discrepancy reviewed as ``accepted`` or
``false-alarm`` is ``<skipped>``. Everything goes through ElementTree, so text
and attributes are escaped, and characters XML 1.0 cannot carry (control
characters, lone surrogates) are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from typing import Any, Literal

from factcheck.report.common import SETTLED, status

_FAILING = ("error", "warning")
#: characters that XML 1.0 does not allow, even as character references
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def render_junit(
    data: Mapping[str, Any], *, by: Literal["discrepancy", "source"] = "discrepancy"
) -> str:
    """The discrepancies of ``data`` (the ``check --format json`` contract) as JUnit XML.

    >>> print(render_junit({"sources": [], "discrepancies": []}), end="")
    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites name="factcheck" tests="0" failures="0" errors="0" skipped="0" />
    """
    discrepancies = list(data.get("discrepancies") or [])
    root = ET.Element("testsuites", {"name": "factcheck"})
    if by == "discrepancy":
        for code in sorted({str(d["rule"]) for d in discrepancies}):
            found = [d for d in discrepancies if str(d["rule"]) == code]
            name = str(found[0].get("name") or "")
            suite = _suite(root, f"{code} {name}".strip())
            for d in found:
                _discrepancy_case(suite, d)
    elif by == "source":
        suite = _suite(root, "factcheck sources")
        for source, path in _sources(data):
            involved = [d for d in discrepancies if source in _claim_sources(d)]
            _source_case(suite, source, path, involved)
    else:
        raise ValueError(f"by must be 'discrepancy' or 'source', not {by!r}")
    _count(root, root.findall("testsuite"))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def xml_text(value: Any) -> str:
    """``value`` as a string XML 1.0 can carry: control characters removed.

    >>> xml_text("a\\x00b\\x1bc\\td\\ne")
    'abc\\td\\ne'
    """
    return _ILLEGAL_XML.sub("", "" if value is None else str(value))


def _suite(root: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(root, "testsuite", {"name": xml_text(name)})


def _count(root: ET.Element, suites: Sequence[ET.Element]) -> None:
    """Set ``tests``, ``failures``, ``errors`` and ``skipped`` on every suite and on the root."""
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        cases = suite.findall("testcase")
        counts = {
            "tests": len(cases),
            "failures": sum(1 for c in cases if c.find("failure") is not None),
            "errors": 0,
            "skipped": sum(1 for c in cases if c.find("skipped") is not None),
        }
        for key, n in counts.items():
            suite.set(key, str(n))
            totals[key] += n
    for key, n in totals.items():
        root.set(key, str(n))


def _where(claim: Mapping[str, Any]) -> str:
    path = claim.get("path") or claim.get("source") or "?"
    if claim.get("line") is None:
        return str(path)
    return f"{path}:{claim['line']}:{claim.get('column') or 1}"


def _details(d: Mapping[str, Any]) -> str:
    """The message, the explanation and review, then each claim with its location and quote."""
    review = d.get("review") or {}
    lines = [
        str(d.get("message") or ""),
        "",
        f"rule: {d['rule']} {d.get('name') or ''}".rstrip(),
        f"level: {d.get('level')}",
        f"explanation: {d.get('explanation')}",
        f"metric: {d.get('metric')}; period: {d.get('period') or 'not stated'}",
        f"review: {status(d)}" + (f" ({review['note']})" if review.get("note") else ""),
    ]
    if "new" in d:
        lines.append(f"new: {'yes' if d['new'] else 'no'}")
    for claim in d.get("claims") or []:
        lines.append(f"{_where(claim)}: {claim.get('source')}: “{claim.get('text')}”")
        if claim.get("sentence"):
            lines.append(f"    {claim['sentence']}")
    return xml_text("\n".join(lines))


def _discrepancy_case(suite: ET.Element, d: Mapping[str, Any]) -> None:
    period = f" ({d['period']})" if d.get("period") else ""
    attrs = {
        "name": xml_text(f"{d['id']}: {d.get('metric') or ''}{period}"),
        "classname": xml_text(f"factcheck.{d['rule']}"),
    }
    claims = d.get("claims") or []
    if claims and claims[0].get("path") not in (None, "", "-"):
        attrs["file"] = xml_text(claims[0]["path"])
        if claims[0].get("line") is not None:
            attrs["line"] = str(claims[0]["line"])
    case = ET.SubElement(suite, "testcase", attrs)
    if "new" in d:
        props = ET.SubElement(case, "properties")
        ET.SubElement(props, "property", {"name": "new", "value": str(bool(d["new"])).lower()})
    review_status = status(d)
    level = str(d.get("level"))
    if review_status in SETTLED:
        note = (d.get("review") or {}).get("note")
        reason = f"reviewed as {review_status}" + (f": {note}" if note else "")
        ET.SubElement(case, "skipped", {"message": xml_text(reason)})
    elif level in _FAILING:
        failure = ET.SubElement(
            case, "failure", {"type": level, "message": xml_text(d.get("message") or "")}
        )
        failure.text = _details(d)
    else:
        ET.SubElement(case, "system-out").text = _details(d)


def _sources(data: Mapping[str, Any]) -> list[tuple[str, str | None]]:
    """Every source id with its path: those read, in order, then any only named by a claim."""
    seen: dict[str, str | None] = {}
    for doc in data.get("sources") or []:
        seen.setdefault(str(doc["id"]), doc.get("path"))
    for d in data.get("discrepancies") or []:
        for claim in d.get("claims") or []:
            seen.setdefault(str(claim.get("source")), claim.get("path"))
    return list(seen.items())


def _claim_sources(d: Mapping[str, Any]) -> set[str]:
    return {str(c.get("source")) for c in d.get("claims") or []}


def _source_case(
    suite: ET.Element, source: str, path: str | None, involved: Sequence[Mapping[str, Any]]
) -> None:
    attrs = {"name": xml_text(source), "classname": "factcheck.sources"}
    if path not in (None, "", "-"):
        attrs["file"] = xml_text(path)
    case = ET.SubElement(suite, "testcase", attrs)
    active = [d for d in involved if status(d) not in SETTLED]
    failing = [d for d in active if d.get("level") in _FAILING]
    if failing:
        level = "error" if any(d.get("level") == "error" for d in failing) else "warning"
        n = len(failing)
        summary = f"{n} discrepanc{'ies' if n != 1 else 'y'}: " + "; ".join(
            f"{d['rule']} [{d['id']}] {d.get('metric') or ''}".rstrip() for d in failing
        )
        failure = ET.SubElement(case, "failure", {"type": level, "message": xml_text(summary)})
        failure.text = "\n\n".join(_details(d) for d in failing)
    quiet = [d for d in involved if d not in failing]
    if quiet:
        out = ET.SubElement(case, "system-out")
        out.text = "\n\n".join(
            (f"[reviewed as {status(d)}] " if status(d) in SETTLED else "") + _details(d)
            for d in quiet
        )
