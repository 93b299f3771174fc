"""GitHub-flavoured Markdown: a report to read in a pull request comment, a job summary or a wiki.

A title and the summary line, a table of the discrepancies, a section per
discrepancy with its message and the quotes as block quotes, and a section per
source listing its figures.

Article text is untrusted: every piece of it goes through :func:`md_text`,
which keeps it on one line (``<br>``), escapes ``|`` so table rows keep their
cells, turns ``<``, ``>`` and ``&`` into entities so no HTML gets through,
backslash-escapes the characters Markdown would act on, writes ``$`` as an
entity (GitHub reads ``$...$`` as maths, and news text is full of dollars), and
breaks ``@name`` and ``#123`` with a zero-width space so that posting the report
mentions no one and links no issue.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from factcheck.report.common import amount, difference, report_summary, status

if TYPE_CHECKING:
    pass

_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "~": "\\~",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "$": "&#36;",
        "\t": " ",
    }
)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
#: what would start a heading, a list or a setext underline at the start of a line
_BLOCK_MARK = re.compile(r"^[#+=-]")
_ORDERED_ITEM = re.compile(r"^(\d+)([.)])")
#: @mentions and #123 issue references, which GitHub acts on when the report is posted
_GITHUB_REFERENCE = re.compile(r"(?<=[@#])(?=[A-Za-z0-9])")


def md_text(value: Any) -> str:
    """``value`` as inert GitHub Markdown on one line, safe in a table cell.

    >>> md_text("a | b\\n<script>x</script> `c` *d* _e_ [f](g)")
    'a \\\\| b<br>&lt;script&gt;x&lt;/script&gt; \\\\`c\\\\` \\\\*d\\\\* \\\\_e\\\\_ \\\\[f\\\\](g)'
    >>> md_text("# 1. @alice fixed #12")
    '\\\\# 1. @\\u200balice fixed #\\u200b12'
    """
    text = "" if value is None else str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _GITHUB_REFERENCE.sub("\u200b", _CONTROL.sub("", text).strip())
    text = text.translate(_ESCAPES)
    text = _ORDERED_ITEM.sub(r"\1\\\2", _BLOCK_MARK.sub(r"\\\g<0>", text))
    return text.replace("\n", "<br>")


def render_markdown(data: Mapping[str, Any], *, title: str = "factcheck consistency report") -> str:
    """The ``check --format json`` contract as a Markdown report.

    >>> print(render_markdown({"sources": [], "facts": [], "discrepancies": []}), end="")
    # factcheck consistency report
    <BLANKLINE>
    0 discrepancies in 0 sources, 0 figures
    <BLANKLINE>
    No discrepancies found.
    """
    discrepancies: list[Mapping[str, Any]] = list(data.get("discrepancies") or [])
    parts = [f"# {md_text(title)}", summary_line(data)]
    if discrepancies:
        parts.append(_table(discrepancies))
        parts.append("## Discrepancies")
        parts.extend(_section(d) for d in discrepancies)
    else:
        parts.append("No discrepancies found.")
    if data.get("sources"):
        parts.append("## Sources")
        parts.extend(_source(doc, data.get("facts") or []) for doc in data["sources"])
    return "\n\n".join(parts) + "\n"


def summary_line(data: Mapping[str, Any]) -> str:
    """The terminal table's summary line, plus the reviewed and new counts when there are any."""
    return report_summary(data)


def _review(d: Mapping[str, Any]) -> str:
    review = d.get("review") or {}
    shown = md_text(status(d))
    who = " ".join(str(review[k]) for k in ("by", "date") if review.get(k))
    if who:
        shown += f" ({md_text(who)})"
    if review.get("note"):
        shown += f": {md_text(review['note'])}"
    return shown


def _where(claim: Mapping[str, Any]) -> str:
    path = claim.get("path")
    if path in (None, "", "-"):
        return ""
    if claim.get("line") is None:
        return str(path)
    return f"{path}:{claim['line']}:{claim.get('column') or 1}"


def _sides(
    d: Mapping[str, Any],
) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """The majority's claims and the others' (as the terminal table splits them)."""
    claims: list[Mapping[str, Any]] = list(d.get("claims") or [])
    majority_sources = set((d.get("majority") or {}).get("sources") or [])
    majority = [c for c in claims if c.get("source") in majority_sources]
    others = [c for c in claims if c.get("source") not in majority_sources] or claims
    if not majority:
        majority, others = claims[:1], claims[1:]
    return majority, others


def _side(claims: Sequence[Mapping[str, Any]]) -> str:
    return "<br>".join(f"“{md_text(c.get('text'))}” {md_text(c.get('source'))}" for c in claims)


def _difference(d: Mapping[str, Any]) -> str:
    """``USD 200 million (0.1%)``, ``3 days``, ``4 (25.0%)``; as the terminal table shows it."""
    diff = d.get("difference") or {}
    claims = d.get("claims") or []
    if not claims:
        return ""
    kind, unit = str(claims[0].get("kind") or ""), str(claims[0].get("unit") or "")
    return md_text(difference(kind, unit, diff.get("absolute"), diff.get("relative")))


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _table(discrepancies: Sequence[Mapping[str, Any]]) -> str:
    header = [
        "id",
        "level",
        "rule",
        "metric / period",
        "one side",
        "other side",
        "difference",
        "explanation",
        "review",
    ]
    with_new = any("new" in d for d in discrepancies)
    if with_new:
        header.append("new")
    rows = [_row(header), _row(["---"] * len(header))]
    for d in discrepancies:
        majority, others = _sides(d)
        cells = [
            md_text(d.get("id")),
            md_text(d.get("level")),
            md_text(f"{d.get('rule')} {d.get('name') or ''}".rstrip()),
            "<br>".join(md_text(x) for x in (d.get("metric"), d.get("period")) if x),
            _side(majority),
            _side(others),
            _difference(d),
            md_text(d.get("explanation")),
            _review(d),
        ]
        if with_new:
            cells.append("yes" if d.get("new") else "no")
        rows.append(_row(cells))
    return "\n".join(rows)


def _quote(claim: Mapping[str, Any]) -> str:
    """A claim as a block quote: the figure, source and location, then its sentence."""
    head = f"> **“{md_text(claim.get('text'))}”**: {md_text(claim.get('source'))}"
    where = _where(claim)
    if where:
        head += f" ({md_text(where)})"
    if claim.get("period"):
        head += f", period {md_text(claim['period'])}"
    if claim.get("period_how"):
        head += f" ({md_text(claim['period_how'])})"
    sentence = claim.get("sentence")
    return head + (f"\n>\n> {md_text(sentence)}" if sentence else "")


def _section(d: Mapping[str, Any]) -> str:
    heading = f"{d.get('id')}: {d.get('rule')} {d.get('name') or ''}".rstrip()
    lines = [
        f"### {md_text(heading)}",
        "",
        md_text(d.get("message")),
        "",
        f"**Level:** {md_text(d.get('level'))} · "
        f"**Explanation:** {md_text(d.get('explanation'))} · "
        f"**Review:** {_review(d)}",
    ]
    difference = _difference(d)
    if difference:
        lines[-1] += f" · **Difference:** {difference}"
    if d.get("new"):
        lines[-1] += " · **New**"
    for claim in d.get("claims") or []:
        lines += ["", _quote(claim)]
    return "\n".join(lines)


def _value(fact: Mapping[str, Any]) -> str:
    """A fact's value as the terminal shows numbers (``244.8 billion``), with its range if any."""
    value = fact.get("value")
    if value is None:
        return "?"
    if isinstance(value, bool) or not isinstance(value, int | float):
        return md_text(value)
    shown = amount(float(value))
    low, high = fact.get("low"), fact.get("high")
    if isinstance(low, int | float) and isinstance(high, int | float) and low != high:
        shown += f" ({amount(float(low))} to {amount(float(high))})"
    elif isinstance(low, int | float) and high is None:
        shown += f" ({amount(float(low))} or more)"
    elif isinstance(high, int | float) and low is None:
        shown += f" (up to {amount(float(high))})"
    return md_text(shown)


def _source(doc: Mapping[str, Any], facts: Sequence[Mapping[str, Any]]) -> str:
    published = doc.get("published") or {}
    about = [str(doc[k]) for k in ("outlet", "title") if doc.get(k)]
    if published.get("date"):
        about.append(f"published {published['date']} ({published.get('method') or 'unknown'})")
    else:
        about.append("publication date unknown")
    if doc.get("path"):
        about.append(str(doc["path"]))
    lines = [f"### {md_text(doc.get('id'))}", "", md_text(" · ".join(about)), ""]
    mine = [f for f in facts if f.get("source") == doc.get("id")]
    if not mine:
        lines.append("No figures.")
        return "\n".join(lines)
    lines.append(_row(["kind", "figure", "value", "unit", "qualifier"]))
    lines.append(_row(["---"] * 5))
    for f in mine:
        cells = [
            md_text(f.get("kind")),
            md_text(f.get("text")),
            _value(f),
            md_text(f.get("unit")),
            md_text(f.get("qualifier")),
        ]
        lines.append(_row(cells))
    return "\n".join(lines)
