"""GitHub Actions workflow commands: one annotation per discrepancy on the pull request's files.

Each discrepancy is annotated at its first claim (``::error``, ``::warning`` or
``::notice`` for info); the other claims' locations are listed in the message.
Discrepancies reviewed as ``accepted`` or ``false-alarm`` are left out. GitHub
shows only so many annotations per step, so at most ``limit`` are written, then
one ``::notice::`` with how many more there are and the totals.

Values are escaped as the runner expects (``%``, CR and LF in the message;
also ``:`` and ``,`` in properties), so a quote from an article can neither
end the command early nor start a new one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from factcheck.report.common import SETTLED, report_summary, status

if TYPE_CHECKING:
    pass

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF percent-encoded.

    >>> escape_data("100%\\r\\nsure")
    '100%25%0D%0Asure'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, and ``:`` and ``,`` too.

    >>> escape_property("a:b,c%")
    'a%3Ab%2Cc%25'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(data: Mapping[str, Any], *, limit: int = 50) -> str:
    """The discrepancies of ``data`` (the ``check --format json`` contract) as annotations.

    >>> render_github({"sources": [], "facts": [], "discrepancies": []})
    ''
    """
    if limit < 0:
        raise ValueError(f"limit must be 0 or more, not {limit}")
    discrepancies = list(data.get("discrepancies") or [])
    shown = [d for d in discrepancies if status(d) not in SETTLED]
    lines = [_annotation(d) for d in shown[:limit]]
    more = len(shown) - len(lines)
    if discrepancies:
        totals = _totals(data)
        if more:
            n = "discrepancy" if more == 1 else "discrepancies"
            lines.append(f"::notice::{more} more {n} not annotated (limit {limit}); {totals}")
        else:
            lines.append(f"::notice::{totals}")
    return "".join(line + "\n" for line in lines)


def _has_file(claim: Mapping[str, Any]) -> bool:
    return claim.get("path") not in (None, "", "-")


def _where(claim: Mapping[str, Any]) -> str:
    path = str(claim["path"]) if _has_file(claim) else str(claim.get("source") or "?")
    if claim.get("line") is None:
        return path
    return f"{path}:{claim['line']}:{claim.get('column') or 1}"


def _annotation(d: Mapping[str, Any]) -> str:
    claims: Sequence[Mapping[str, Any]] = d.get("claims") or []
    title = f"{d['rule']} {d.get('name') or ''}".rstrip() + f" [{d['id']}]"
    if d.get("new"):
        title += " (new)"
    props: list[tuple[str, Any]] = []
    if claims and _has_file(claims[0]):
        first = claims[0]
        props.append(("file", str(first["path"]).replace("\\", "/")))
        for key, name in (
            ("line", "line"),
            ("column", "col"),
            ("end_line", "endLine"),
            ("end_column", "endColumn"),
        ):
            if first.get(key) is not None:
                props.append((name, first[key]))
    props.append(("title", title))
    message = str(d.get("message") or "")
    others = claims[1:] if props[0][0] == "file" else claims
    if others:
        message += "\n" + "\n".join(
            f"- {_where(c)}: {c.get('source')}: “{c.get('text')}”" for c in others
        )
    command = _COMMAND.get(str(d.get("level")), "warning")
    properties = ",".join(f"{key}={escape_property(str(value))}" for key, value in props)
    return f"::{command} {properties}::{escape_data(message)}"


def _totals(data: Mapping[str, Any]) -> str:
    """The table's summary line, plus the reviewed and new counts when there are any."""
    return escape_data(report_summary(data, ", not annotated"))
