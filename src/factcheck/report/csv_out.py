"""CSV: the facts, or the discrepancies one row per claim, for a spreadsheet or pandas.

A cell a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+1``,
``-2``, ``@x``, or one starting with a tab or a carriage return) is defused
with a leading single quote, since article text ends up in these cells.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from factcheck.facts import FACT_COLUMNS

#: characters that make a spreadsheet read a CSV cell as a formula
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

DISCREPANCY_COLUMNS: tuple[str, ...] = (
    "id",
    "level",
    "rule",
    "name",
    "metric",
    "period",
    "explanation",
    "review_status",
    "source",
    "text",
    "value",
    "low",
    "high",
    "unit",
    "line",
    "column",
    "message",
)


def _csv_cell(value: Any) -> Any:
    """A value as a CSV cell: ``None`` empty, a formula-like string quoted.

    >>> _csv_cell("=1+1"), _csv_cell("-2"), _csv_cell(-2), _csv_cell(None), _csv_cell("a")
    ("'=1+1", "'-2", -2, '', 'a')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def _write(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """The rows as CSV, one ``\\n``-terminated line each.

    The writer is told rows end with CR LF so that it quotes any cell holding
    either (a CSV reader ends a row at a bare CR too); each row's own CR LF is
    then written as LF, as before.
    """
    out = io.StringIO()
    line = io.StringIO()
    writer = csv.writer(line, lineterminator="\r\n")
    for i, row in enumerate(itertools.chain([header], rows)):
        line.seek(0)
        line.truncate()
        writer.writerow(row if i == 0 else [_csv_cell(value) for value in row])
        out.write(line.getvalue()[:-2] + "\n")
    return out.getvalue()


def facts_csv(data: Mapping[str, Any]) -> str:
    """The facts of ``data`` (the ``extract``/``check --format json`` contract) as CSV.

    One row per fact, the columns of ``FACT_COLUMNS``; a column a fact does not
    have (``granularity`` of a number) is empty.
    """
    facts: Iterable[Mapping[str, Any]] = data.get("facts") or []
    return _write(FACT_COLUMNS, ([fact.get(name) for name in FACT_COLUMNS] for fact in facts))


def discrepancies_csv(data: Mapping[str, Any]) -> str:
    """The discrepancies of ``data`` (the ``check --format json`` contract) as CSV.

    One row per discrepancy and claim, the columns of ``DISCREPANCY_COLUMNS``
    (a discrepancy without claims still gets a row); in CI mode, when the
    discrepancies say whether they are new, a last ``new`` column.
    """
    discrepancies: list[Mapping[str, Any]] = list(data.get("discrepancies") or [])
    with_new = any("new" in d for d in discrepancies)
    header = DISCREPANCY_COLUMNS + (("new",) if with_new else ())
    rows = []
    for d in discrepancies:
        review = d.get("review") or {}
        for claim in d.get("claims") or [{}]:
            row = [
                d.get("id"),
                d.get("level"),
                d.get("rule"),
                d.get("name"),
                d.get("metric"),
                d.get("period"),
                d.get("explanation"),
                review.get("status") or "unreviewed",
                claim.get("source"),
                claim.get("text"),
                claim.get("value"),
                claim.get("low"),
                claim.get("high"),
                claim.get("unit"),
                claim.get("line"),
                claim.get("column"),
                d.get("message"),
            ]
            if with_new:
                row.append(("true" if d["new"] else "false") if "new" in d else None)
            rows.append(row)
    return _write(header, rows)
