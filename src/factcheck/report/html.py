"""The consistency report as one self-contained HTML page, for an editor to read and triage.

``render_html`` takes the JSON contract of ``factcheck check --format json``
(``{"sources": [...], "facts": [...], "discrepancies": [...]}``) and returns a
single HTML5 file: inline CSS, a small inline script, no network at all.

Safety: every string from the data goes through :func:`html.escape` (quotes
included) before it reaches the page, and only into element text or quoted
attribute values. The script is a constant: it reads data from ``data-*``
attributes and never builds markup from strings. A Content-Security-Policy
allows only that script and that stylesheet (by their sha256 hashes) and no
loads of any kind, so even a mistake in escaping could not run injected code.

The page is deterministic (no timestamps; same input, same bytes) and readable
without JavaScript: the script only adds sorting and filtering of the table.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from typing import Any

from factcheck.facts import LEVELS
from factcheck.report.common import amount, difference, status, summary
from factcheck.review import STATUSES, UNREVIEWED

__all__ = ["render_html"]

Record = Mapping[str, Any]

_STYLE = """
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #d9d9de; --paper: #fff; --tint: #f6f6f8;
  --error: #b3261e; --warning: #a15c00; --info: #0b57d0; --one: #1f5fa8; --other: #c2410c; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { color: var(--ink); background: var(--paper); }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem 2rem 4rem;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
  sans-serif; }
h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 .8rem; padding-bottom: .3rem;
  border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 0 0 .5rem; }
a { color: var(--info); }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  font-size: .88em; }
.summary { font-size: 1.1rem; margin: .2rem 0; }
.muted { color: var(--muted); }
.small { font-size: .85rem; }
nav.toc { margin: .6rem 0 0; }
nav.toc a { margin-right: 1rem; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; color: #fff;
  font-size: .78rem; font-weight: 600; letter-spacing: .02em; text-transform: uppercase;
  white-space: nowrap; }
.level-error { background: var(--error); }
.level-warning { background: var(--warning); }
.level-info { background: var(--info); }
.level-other { background: var(--muted); }
.status { display: inline-block; padding: 0 .45rem; border: 1px solid var(--line);
  border-radius: 4px; font-size: .82rem; white-space: nowrap; background: var(--tint); }
.controls { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end;
  margin: 0 0 .8rem; padding: .7rem .9rem; background: var(--tint);
  border: 1px solid var(--line); border-radius: 6px; }
.controls label { display: flex; flex-direction: column; font-size: .8rem;
  color: var(--muted); gap: .15rem; }
.controls select, .controls input, .controls button { font: inherit; font-size: .9rem;
  padding: .25rem .4rem; border: 1px solid #b9b9c0; border-radius: 4px; background: #fff;
  color: var(--ink); }
.controls input { min-width: 16rem; }
.controls button { cursor: pointer; }
.count { margin-left: auto; font-weight: 600; align-self: center; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .45rem .55rem;
  border-bottom: 1px solid var(--line); }
thead th { position: sticky; top: 0; background: var(--paper); z-index: 1;
  border-bottom: 2px solid var(--ink); font-size: .85rem; white-space: nowrap; }
thead th button { all: unset; cursor: pointer; font-weight: 700; }
thead th button:focus-visible { outline: 2px solid var(--info); outline-offset: 2px; }
html.js thead th button::after { content: " \\2195"; color: #aaa; font-weight: 400; }
html.js thead th[aria-sort="ascending"] button::after { content: " \\25B2"; color: var(--ink); }
html.js thead th[aria-sort="descending"] button::after { content: " \\25BC"; color: var(--ink); }
tbody tr:nth-child(even) { background: #fafafb; }
tbody tr:hover { background: #f1f5fb; }
.discrepancies td { font-size: .92rem; }
.discrepancies .side { min-width: 11rem; }
.side ul { list-style: none; margin: 0; padding: 0; }
.side li + li { margin-top: .35rem; }
.figure { font-weight: 600; }
.src { display: block; font-size: .8rem; color: var(--muted); }
.num { white-space: nowrap; }
.rule-name { display: block; font-size: .8rem; color: var(--muted); }
.period { display: block; font-size: .82rem; color: var(--muted); }
mark { background: #ffe58a; color: inherit; padding: 0 .1em; border-radius: 2px; }
.detail, .source { border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.2rem;
  margin: 0 0 1.2rem; scroll-margin-top: 1rem; }
.detail:target, .source:target { outline: 3px solid #ffd23f; }
.detail .message { font-size: 1.02rem; margin: .2rem 0 .6rem; }
.facts-line { margin: 0 0 .8rem; color: var(--muted); font-size: .9rem; }
.facts-line b { color: var(--ink); font-weight: 600; }
.claims { list-style: none; margin: 0; padding: 0; display: grid; gap: .7rem; }
.claims li { border-left: 4px solid var(--other); padding: .2rem 0 .2rem .8rem; }
.claims li.one { border-left-color: var(--one); }
blockquote { margin: 0 0 .3rem; font-family: Georgia, "Times New Roman", serif;
  font-size: 1.02rem; }
.meta { font-size: .84rem; color: var(--muted); margin: 0; }
.meta b { color: var(--ink); font-weight: 600; }
.chart { margin: .4rem 0 .9rem; max-width: 820px; }
.chart svg { width: 100%; height: auto; display: block; }
.back { font-size: .85rem; font-weight: 400; margin-left: .6rem; }
.facts { font-size: .88rem; table-layout: fixed; }
.facts th:nth-child(1) { width: 7%; } .facts th:nth-child(2) { width: 14%; }
.facts th:nth-child(3) { width: 10%; } .facts th:nth-child(4) { width: 9%; }
.facts th:nth-child(5) { width: 8%; }
.facts td { overflow-wrap: anywhere; }
.facts td.sentence { color: var(--muted); }
@media print { .controls, .back { display: none !important; } thead th { position: static; } }
"""

_SCRIPT = """
(() => {
  "use strict";
  const table = document.getElementById("fc-table");
  const controls = document.getElementById("fc-controls");
  if (!table || !controls) { return; }
  document.documentElement.classList.add("js");
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const selects = Array.from(controls.querySelectorAll("select[data-field]"));
  const search = document.getElementById("fc-search");
  const shown = document.getElementById("fc-shown");
  controls.hidden = false;

  const matches = (row) => {
    for (const select of selects) {
      const want = select.value;
      if (!want) { continue; }
      const field = select.getAttribute("data-field");
      if (field === "source") {
        const sources = JSON.parse(row.getAttribute("data-sources") || "[]");
        if (!sources.includes(want)) { return false; }
      } else if (row.getAttribute("data-" + field) !== want) {
        return false;
      }
    }
    const query = search.value.trim().toLowerCase();
    if (!query) { return true; }
    const text = row.textContent + " " + (row.getAttribute("data-text") || "");
    return text.toLowerCase().includes(query);
  };
  const apply = () => {
    let count = 0;
    for (const row of rows) {
      const ok = matches(row);
      row.hidden = !ok;
      if (ok) { count += 1; }
    }
    shown.textContent = String(count);
  };
  for (const select of selects) { select.addEventListener("change", apply); }
  search.addEventListener("input", apply);
  document.getElementById("fc-reset").addEventListener("click", () => {
    for (const select of selects) { select.value = ""; }
    search.value = "";
    apply();
  });

  const headers = Array.from(table.tHead.rows[0].cells);
  const sortKey = (row, column, numeric) => {
    const cell = row.cells[column];
    const raw = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
    if (numeric) {
      const value = parseFloat(raw);
      return Number.isNaN(value) ? null : value;
    }
    return raw.trim().toLowerCase();
  };
  headers.forEach((th, column) => {
    const button = th.querySelector("button[data-sort-type]");
    if (!button) { return; }
    button.addEventListener("click", () => {
      const numeric = button.getAttribute("data-sort-type") === "num";
      const direction = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      for (const other of headers) {
        if (other.hasAttribute("aria-sort")) { other.setAttribute("aria-sort", "none"); }
      }
      th.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
      const keyed = rows.map((row, index) => ({ row, index, key: sortKey(row, column, numeric) }));
      keyed.sort((a, b) => {
        if (a.key === null || b.key === null) {
          if (a.key === b.key) { return a.index - b.index; }
          return a.key === null ? 1 : -1;
        }
        const order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
        return order !== 0 ? order * direction : a.index - b.index;
      });
      for (const item of keyed) { body.appendChild(item.row); }
    });
  });
  apply();
})();
"""


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


#: nothing may load; only the two inline blocks above may run or apply
_CSP = (
    f"default-src 'none'; script-src '{_sha256(_SCRIPT)}'; style-src '{_sha256(_STYLE)}'; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)

#: the order of review statuses in the header and the filter; others follow alphabetically
_STATUS_ORDER = (UNREVIEWED, *STATUSES)


def _e(value: Any) -> str:
    """``value`` as escaped text for an element or a quoted attribute; ``None`` is empty."""
    return "" if value is None else escape(str(value), quote=True)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _number(value: Any) -> float | None:
    """``value`` if it is a real number (not a bool, date string or ``None``)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _reading(item: Record) -> str:
    """How a figure was read: its value, and its interval when that is wider.

    >>> _reading({"kind": "count", "value": 150, "low": 135, "high": 165, "unit": "rescuer"})
    '150 (135 to 165)'
    >>> _reading({"kind": "count", "value": 200, "low": 200, "high": None, "unit": "rescuer"})
    '200 (200 or more)'
    >>> _reading({"kind": "money", "value": 5e9, "low": 5e9, "high": 5e9, "unit": "USD"})
    'USD 5 billion'
    >>> _reading({"kind": "date", "value": "2018", "low": "2018-01-01", "high": "2018-12-31"})
    '2018 (2018-01-01 to 2018-12-31)'
    """
    kind, unit = _text(item.get("kind")), _text(item.get("unit"))
    value, low, high = item.get("value"), item.get("low"), item.get("high")
    number = _number(value)
    if value is None:
        return "?"
    shown = str(value) if number is None else amount(number)
    if number is not None and kind == "money" and unit:
        shown = f"{unit} {shown}"
    elif number is not None and unit == "percent":
        shown += "%"

    def part(bound: Any) -> str:
        n = _number(bound)
        return amount(n) if n is not None else str(bound)

    if low is not None and high is not None and (low, high) != (value, value) and low != high:
        return f"{shown} ({part(low)} to {part(high)})"
    if low is not None and high is None:
        return f"{shown} ({part(low)} or more)"
    if low is None and high is not None:
        return f"{shown} (up to {part(high)})"
    return shown


def _difference(d: Record) -> tuple[str, float | None]:
    """The difference as the terminal table shows it, and the number to sort it by.

    Rows sort by the relative difference (in percent), the only measure that
    compares across units; a difference without one (days between dates) sorts last.
    """
    diff = d.get("difference") or {}
    absolute = _number(diff.get("absolute"))
    relative = _number(diff.get("relative"))
    claims = d.get("claims") or []
    if absolute is None or not claims:
        return "", None
    kind, unit = _text(claims[0].get("kind")), _text(claims[0].get("unit"))
    shown = difference(kind, unit, absolute, relative)
    return shown, (relative * 100 if relative is not None and kind != "date" else None)


def _sides(d: Record) -> tuple[list[Record], list[Record]]:
    """The claims of the majority, and the rest; without a majority, the first against the rest."""
    claims: list[Record] = list(d.get("claims") or [])
    majority = set((d.get("majority") or {}).get("sources") or [])
    one = [c for c in claims if c.get("source") in majority]
    if not one:
        return claims[:1], claims[1:]
    return one, [c for c in claims if c.get("source") not in majority]


def _ordered_statuses(statuses: Iterable[str]) -> list[str]:
    present = set(statuses)
    known = [s for s in _STATUS_ORDER if s in present]
    return known + sorted(present - set(known))


def _level_class(level: str) -> str:
    return f"level-{level}" if level in LEVELS else "level-other"


def _badge(level: str) -> str:
    return f'<span class="badge {_level_class(level)}">{_e(level or "?")}</span>'


def _fragment(anchor: str) -> str:
    """An ``href`` to the element with id ``anchor`` (percent-encoded, then escaped)."""
    from urllib.parse import quote

    return "#" + _e(quote(anchor, safe=""))


def _source_anchor(source_id: str) -> str:
    return f"source-{source_id}"


def _source_link(source_id: str) -> str:
    return f'<a href="{_fragment(_source_anchor(source_id))}">{_e(source_id)}</a>'


def _highlight(sentence: str, figure: str, width: int | None = None) -> str:
    """``sentence`` escaped, with the first ``figure`` in it marked; shortened around it.

    >>> _highlight("Trade reached <b>$5</b> in 2023.", "$5")
    'Trade reached &lt;b&gt;<mark>$5</mark>&lt;/b&gt; in 2023.'
    >>> _highlight("", "$5")
    '<mark>$5</mark>'
    """
    sentence = " ".join(sentence.split())
    figure = " ".join(figure.split())
    at = sentence.find(figure) if figure else -1
    if at < 0:
        shown = _short(sentence, width) if width else sentence
        marked = f"<mark>{_e(figure)}</mark>" if figure else ""
        return f"{_e(shown)} {marked}".strip() if shown else marked
    before, after = sentence[:at], sentence[at + len(figure) :]
    if width:
        room = max((width - len(figure)) // 2, 10)
        if len(before) > room:
            cut = before[-room:]
            before = "…" + (cut.split(" ", 1)[1] if " " in cut[:-1] else cut)
        if len(after) > room:
            cut = after[:room]
            after = (cut.rsplit(" ", 1)[0] if " " in cut[1:] else cut) + "…"
    return f"{_e(before)}<mark>{_e(figure)}</mark>{_e(after)}"


# -- header ------------------------------------------------------------------------------------


def _header(data: Record, title: str) -> str:
    discrepancies: list[Record] = list(data.get("discrepancies") or [])
    sources, facts = data.get("sources") or [], data.get("facts") or []
    line = summary([_text(d.get("level")) for d in discrepancies], len(sources), len(facts))
    statuses = Counter(status(d) for d in discrepancies)
    review = ", ".join(f"{statuses[s]} {s}" for s in _ordered_statuses(statuses))
    parts = [
        "<header>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="summary" id="fc-summary">{_e(line)}</p>',
    ]
    if review:
        parts.append(f'<p class="muted" id="fc-review">Review: {_e(review)}</p>')
    parts.append(
        '<nav class="toc"><a href="#fc-discrepancies">Discrepancies</a>'
        '<a href="#fc-details">Details</a>'
        f'<a href="#fc-sources">Sources ({len(sources)})</a></nav>'
    )
    parts.append("</header>")
    return "\n".join(parts)


# -- the discrepancy table ---------------------------------------------------------------------


def _options(field: str, label: str, values: Iterable[tuple[str, str]]) -> str:
    """A ``<select>`` filtering rows on ``data-{field}``; ``values`` are (value, label)."""
    options = "".join(f'<option value="{_e(v)}">{_e(text)}</option>' for v, text in values)
    return (
        f'<label>{_e(label)}<select id="fc-filter-{field}" data-field="{field}">'
        f'<option value="">all</option>{options}</select></label>'
    )


def _controls(discrepancies: Sequence[Record]) -> str:
    levels = {_text(d.get("level")) for d in discrepancies}
    ordered_levels = [lv for lv in LEVELS if lv in levels] + sorted(levels - set(LEVELS))
    rules = sorted({(_text(d.get("rule")), _text(d.get("name"))) for d in discrepancies})
    sources = sorted({_text(c.get("source")) for d in discrepancies for c in d.get("claims") or []})
    statuses = _ordered_statuses(status(d) for d in discrepancies)
    n = len(discrepancies)
    return "\n".join(
        [
            '<div class="controls" id="fc-controls" hidden>',
            _options("level", "level", ((lv, lv) for lv in ordered_levels)),
            _options("rule", "rule", ((code, f"{code} {name}".strip()) for code, name in rules)),
            _options("source", "source", ((s, s) for s in sources)),
            _options("review", "review", ((s, s) for s in statuses)),
            '<label>search<input type="search" id="fc-search" '
            'placeholder="metric, source, quote…" autocomplete="off"></label>',
            '<button type="button" id="fc-reset">show all</button>',
            f'<p class="count" id="fc-count" aria-live="polite">'
            f'<span id="fc-shown">{n}</span> of <span id="fc-total">{n}</span> shown</p>',
            "</div>",
        ]
    )


#: (label, sort type, tooltip) of each column of the discrepancy table
_COLUMNS = (
    ("id", "text", "the discrepancy's id; follow it to the details"),
    ("level", "num", "error, warning or info"),
    ("rule", "text", "the rule that found it"),
    ("metric / period", "text", "what was measured, and when"),
    ("one side", "text", "the majority, or the first source when there is none"),
    ("other side", "text", "the figures that disagree"),
    ("difference", "num", "sorts by the relative difference when there is one"),
    ("explanation", "text", "the likeliest reason for the conflict"),
    ("review", "text", "the review status"),
)


def _side_cell(claims: Sequence[Record]) -> str:
    items = "".join(
        f'<li><span class="figure">{_e(c.get("text"))}</span>'
        f'<span class="src">{_source_link(_text(c.get("source")))}</span></li>'
        for c in claims
    )
    return f'<td class="side"><ul>{items}</ul></td>' if items else '<td class="side"></td>'


def _row(d: Record) -> str:
    ident, level = _text(d.get("id")), _text(d.get("level"))
    rule, name = _text(d.get("rule")), _text(d.get("name"))
    one, other = _sides(d)
    sources = sorted({_text(c.get("source")) for c in d.get("claims") or []})
    shown, sort = _difference(d)
    rank = LEVELS.index(level) if level in LEVELS else len(LEVELS)
    period = _text(d.get("period"))
    attrs = (
        f'id="{_e("row-" + ident)}" data-id="{_e(ident)}" data-level="{_e(level)}" '
        f'data-rule="{_e(rule)}" data-review="{_e(status(d))}" '
        f'data-sources="{_e(json.dumps(sources, ensure_ascii=False))}" '
        f'data-text="{_e(d.get("message"))}"'
    )
    cells = [
        f'<td class="mono"><a href="{_fragment(ident)}">{_e(ident)}</a></td>',
        f'<td data-sort="{rank}">{_badge(level)}</td>',
        f'<td><span class="mono">{_e(rule)}</span><span class="rule-name">{_e(name)}</span></td>',
        f"<td><b>{_e(d.get('metric'))}</b>"
        + (f'<span class="period">{_e(period)}</span>' if period else "")
        + "</td>",
        _side_cell(one),
        _side_cell(other),
        f'<td class="num" data-sort="{"" if sort is None else repr(sort)}">{_e(shown)}</td>',
        f"<td>{_e(d.get('explanation'))}</td>",
        f'<td><span class="status">{_e(status(d))}</span></td>',
    ]
    return f"<tr {attrs}>" + "".join(cells) + "</tr>"


def _table(discrepancies: Sequence[Record]) -> str:
    parts = ['<section id="fc-discrepancies">', "<h2>Discrepancies</h2>"]
    if not discrepancies:
        parts += ['<p id="fc-none">No discrepancies found.</p>', "</section>"]
        return "\n".join(parts)
    head = "".join(
        f'<th scope="col" aria-sort="none" title="{_e(tip)}">'
        f'<button type="button" data-sort-type="{kind}">{_e(label)}</button></th>'
        for label, kind, tip in _COLUMNS
    )
    parts += [
        _controls(discrepancies),
        '<table class="discrepancies" id="fc-table">',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *(_row(d) for d in discrepancies),
        "</tbody>",
        "</table>",
        "</section>",
    ]
    return "\n".join(parts)


# -- details -----------------------------------------------------------------------------------

_CHART_WIDTH = 800
_LABEL_RIGHT = 236  # labels end here, right-aligned
_PLOT_LEFT, _PLOT_RIGHT = 262, 760
_ROW_HEIGHT = 34
_TOP = 8


def _ticks(low: float, high: float) -> tuple[float, float, list[float]]:
    """A padded domain around ``low..high`` on round numbers, and its ticks.

    >>> _ticks(135, 200)
    (120.0, 220.0, [120.0, 140.0, 160.0, 180.0, 200.0, 220.0])
    >>> _ticks(80, 80)[2]
    [70.0, 75.0, 80.0, 85.0, 90.0]
    """
    if high == low:
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    else:
        pad = (high - low) * 0.08
        low, high = low - pad, high + pad
    raw = (high - low) / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start, end = math.floor(low / step) * step, math.ceil(high / step) * step
    count = round((end - start) / step)
    return float(start), float(end), [float(start + i * step) for i in range(count + 1)]


def _scale(ticks: Sequence[float]) -> tuple[float, str]:
    """The scale word that keeps tick labels short: ``(1e9, "billion")`` for billions."""
    largest = max(abs(t) for t in ticks)
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if largest >= scale:
            return scale, word
    return 1.0, ""


def _chart(d: Record) -> str:
    """Every claim's value (dot) and interval (bar) on one axis.

    Empty when a value is not a number (dates) or when all claims read the same.
    """
    claims: list[Record] = list(d.get("claims") or [])
    values: list[float] = []
    for c in claims:
        value = _number(c.get("value"))
        if value is None:
            return ""  # a date or an unread figure: nothing sensible to draw
        values.append(value)
        for key in ("low", "high"):
            if c.get(key) is not None and _number(c.get(key)) is None:
                return ""
    readings = {tuple(_number(c.get(k)) for k in ("value", "low", "high")) for c in claims}
    if len(readings) < 2:
        return ""  # one figure, or the same figure twice: nothing to compare
    bounds = values + [
        n for c in claims for k in ("low", "high") if (n := _number(c.get(k))) is not None
    ]
    start, end, ticks = _ticks(min(bounds), max(bounds))

    def x(v: float) -> float:
        return round(_PLOT_LEFT + (v - start) / (end - start) * (_PLOT_RIGHT - _PLOT_LEFT), 1)

    unit = _text(claims[0].get("unit"))
    scale, word = _scale(ticks)
    axis_title = ", ".join(t for t in (unit if unit != "percent" else "", word) if t)
    one = {id(c) for c in _sides(d)[0]}
    axis_y = _TOP + _ROW_HEIGHT * len(claims)
    height = axis_y + (40 if axis_title else 26)
    metric = _text(d.get("metric"))
    out = [
        f'<figure class="chart"><svg role="img" viewBox="0 0 {_CHART_WIDTH} {height}" '
        f'width="{_CHART_WIDTH}" height="{height}" font-family="system-ui, sans-serif" '
        'font-size="12">',
        f"<title>{_e(f'{metric}: each source’s figure (dot) and its range (bar)')}</title>",
    ]
    for tick in ticks:
        tx = x(tick)
        label = f"{tick / scale:,.6g}" + ("%" if unit == "percent" else "")
        out.append(
            f'<line x1="{tx}" y1="{_TOP}" x2="{tx}" y2="{axis_y}" stroke="#e4e4e8"/>'
            f'<text x="{tx}" y="{axis_y + 15}" text-anchor="middle" fill="#5f6368">'
            f"{_e(label)}</text>"
        )
    if axis_title:
        out.append(
            f'<text x="{(_PLOT_LEFT + _PLOT_RIGHT) / 2}" y="{axis_y + 32}" '
            f'text-anchor="middle" fill="#5f6368">{_e(axis_title)}</text>'
        )
    out.append(
        f'<line x1="{_PLOT_LEFT}" y1="{axis_y}" x2="{_PLOT_RIGHT}" y2="{axis_y}" stroke="#888"/>'
    )
    for i, (c, value) in enumerate(zip(claims, values, strict=True)):
        y = _TOP + _ROW_HEIGHT * i + _ROW_HEIGHT / 2
        colour = "#1f5fa8" if id(c) in one else "#c2410c"
        out.append(
            f'<text x="{_LABEL_RIGHT}" y="{y - 2}" text-anchor="end" fill="#1d1d1f" '
            f'font-weight="600">{_e(_short(_text(c.get("source")), 32))}</text>'
            f'<text x="{_LABEL_RIGHT}" y="{y + 12}" text-anchor="end" fill="#5f6368">'
            f"{_e(_short(_text(c.get('text')), 36))}</text>"
        )
        low, high = _number(c.get("low")), _number(c.get("high"))
        left = x(low) if low is not None else _PLOT_LEFT
        right = x(high) if high is not None else _PLOT_RIGHT
        if right > left:
            out.append(
                f'<rect x="{left}" y="{y - 4}" width="{round(right - left, 1)}" height="8" '
                f'rx="2" fill="{colour}" fill-opacity="0.28"/>'
            )
        if high is None:  # open above: the bar runs to the edge, and on
            out.append(
                f'<path d="M{_PLOT_RIGHT} {y - 7} l12 7 l-12 7 Z" fill="{colour}" '
                'fill-opacity="0.6"/>'
            )
        if low is None:  # open below
            out.append(
                f'<path d="M{_PLOT_LEFT} {y - 7} l-12 7 l12 7 Z" fill="{colour}" '
                'fill-opacity="0.6"/>'
            )
        out.append(
            f'<circle cx="{x(value)}" cy="{y}" r="5" fill="{colour}" stroke="#fff" '
            'stroke-width="1.5"/>'
        )
    out.append("</svg></figure>")
    return "".join(out)


def _claim(c: Record, on_majority_side: bool) -> str:
    source, kind, unit = _text(c.get("source")), _text(c.get("kind")), _text(c.get("unit"))
    period, how = _text(c.get("period")), _text(c.get("period_how"))
    where = _text(c.get("path"))
    if c.get("line") is not None:
        where += f":{c.get('line')}:{c.get('column')}"
    meta = [f"<b>{_source_link(source)}</b>", f"read as <b>{_e(_reading(c))}</b>"]
    if unit and kind not in ("money", "percent"):
        meta.append(f"unit {_e(unit)}")
    if period:
        meta.append(f"period <b>{_e(period)}</b>" + (f" ({_e(how)})" if how else ""))
    elif how:
        meta.append(f"period {_e(how)}")
    elif c.get("as_of"):
        meta.append(f"period not stated; as of {_e(c.get('as_of'))}")
    if where:
        meta.append(f'<span class="mono">{_e(where)}</span>')
    sentence = _highlight(_text(c.get("sentence")), _text(c.get("text")))
    side = "one" if on_majority_side else "other"
    return (
        f'<li class="{side}"><blockquote>{sentence}</blockquote>'
        f'<p class="meta">{" · ".join(meta)}</p></li>'
    )


def _details(d: Record) -> str:
    ident, level = _text(d.get("id")), _text(d.get("level"))
    one = {id(c) for c in _sides(d)[0]}
    difference, _ = _difference(d)
    majority = (d.get("majority") or {}).get("value")
    review = d.get("review") or {}
    facts = [
        f"<b>{_e(d.get('metric'))}</b>" + (f", {_e(d.get('period'))}" if d.get("period") else ""),
        f"explanation: <b>{_e(d.get('explanation'))}</b>",
    ]
    if difference:
        facts.append(f"difference: <b>{_e(difference)}</b>")
    if majority is not None:
        facts.append(f"majority: <b>{_e(majority)}</b>")
    facts.append(f'review: <span class="status">{_e(status(d))}</span>')
    for key in ("by", "date", "note"):
        if review.get(key):
            facts.append(f"{key}: {_e(review.get(key))}")
    claims = "".join(_claim(c, id(c) in one) for c in d.get("claims") or [])
    return "\n".join(
        [
            f'<section class="detail" id="{_e(ident)}">',
            f'<h3>{_badge(level)} <span class="mono">{_e(ident)}</span> · '
            f"{_e(d.get('rule'))} {_e(d.get('name'))}"
            f'<a class="back" href="{_fragment("row-" + ident)}">back to the table</a></h3>',
            f'<p class="message">{_e(d.get("message"))}</p>',
            f'<p class="facts-line">{" · ".join(facts)}</p>',
            _chart(d),
            f'<ol class="claims">{claims}</ol>',
            "</section>",
        ]
    )


# -- sources -----------------------------------------------------------------------------------


def _url(url: str) -> str:
    """A web address as a link (only http and https), anything else as plain text."""
    if url.lower().startswith(("http://", "https://")) and not any(ch.isspace() for ch in url):
        return f'<a href="{_e(url)}" rel="noopener noreferrer nofollow">{_e(url)}</a>'
    return f"<code>{_e(url)}</code>"


def _fact_row(f: Record) -> str:
    number = _number(f.get("value"))
    value = amount(number) if number is not None else _text(f.get("value")) or "?"
    reading = _reading(f)
    return (
        f"<tr><td>{_e(f.get('kind'))}</td><td><b>{_e(f.get('text'))}</b></td>"
        f'<td class="num" title="{_e(reading)}">{_e(value)}</td>'
        f"<td>{_e(f.get('unit'))}</td><td>{_e(f.get('qualifier'))}</td>"
        f'<td class="sentence">'
        f"{_highlight(_text(f.get('sentence')), _text(f.get('text')), 150)}</td></tr>"
    )


def _source(s: Record, facts: Sequence[Record]) -> str:
    ident = _text(s.get("id"))
    title = _text(s.get("title"))
    heading = (
        f'{_e(title)} <span class="muted small mono">{_e(ident)}</span>'
        if title
        else (f'<span class="mono">{_e(ident)}</span>')
    )
    published = s.get("published") or {}
    date = _text(published.get("date"))
    how = _text(published.get("method"))
    evidence = _text(published.get("evidence"))
    when = f"published <b>{_e(date)}</b>" if date else "publication date <b>unknown</b>"
    if how:
        when += f" ({_e(how)}" + (f": {_e(evidence)}" if evidence else "") + ")"
    meta = []
    if s.get("outlet"):
        meta.append(f"<b>{_e(s.get('outlet'))}</b>")
    if s.get("path"):
        meta.append(f'<span class="mono">{_e(s.get("path"))}</span>')
    if s.get("url"):
        meta.append(_url(_text(s.get("url"))))
    parts = [
        f'<section class="source" id="{_e(_source_anchor(ident))}">',
        f"<h3>{heading}</h3>",
    ]
    if meta:
        parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
    parts.append(f'<p class="meta">{when}</p>')
    for warning in s.get("warnings") or []:
        parts.append(f'<p class="meta">warning: {_e(warning)}</p>')
    if facts:
        parts += [
            f'<table class="facts" aria-label="figures in {_e(ident)}">'
            "<thead><tr><th>kind</th><th>text</th><th>value</th><th>unit</th>"
            "<th>qualifier</th><th>sentence</th></tr></thead><tbody>",
            *(_fact_row(f) for f in facts),
            "</tbody></table>",
        ]
    else:
        parts.append('<p class="muted">No figures.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def _sources(data: Record) -> str:
    by_source: dict[str, list[Record]] = {}
    for f in data.get("facts") or []:
        by_source.setdefault(_text(f.get("source")), []).append(f)
    sources: list[Record] = list(data.get("sources") or [])
    parts = ['<section id="fc-sources">', "<h2>Sources</h2>"]
    parts += [_source(s, by_source.get(_text(s.get("id")), [])) for s in sources]
    if not sources:
        parts.append('<p class="muted">No sources.</p>')
    parts.append("</section>")
    return "\n".join(parts)


def render_html(data: Mapping[str, Any], *, title: str = "factcheck consistency report") -> str:
    """The report of ``factcheck check --format json`` as one self-contained HTML page."""
    discrepancies: list[Record] = list(data.get("discrepancies") or [])
    details = [_details(d) for d in discrepancies] or ['<p class="muted">Nothing to show.</p>']
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_e(_CSP)}">',
            '<meta name="referrer" content="no-referrer">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_e(title)}</title>",
            f"<style>{_STYLE}</style>",
            "</head>",
            "<body>",
            _header(data, title),
            "<main>",
            _table(discrepancies),
            '<section id="fc-details">',
            "<h2>Details</h2>",
            *details,
            "</section>",
            _sources(data),
            "</main>",
            f"<script>{_SCRIPT}</script>",
            "</body>",
            "</html>",
            "",
        ]
    )
