"""The report formats (SARIF, JUnit, GitHub annotations, Markdown, CSV) on the check JSON contract.

Each renderer gets exactly what ``factcheck check --format json`` writes; the two
fixtures are such outputs (the demo corpus and the test stories). Hostile text
is injected into copies of them to check the escaping of each format.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from factcheck.facts import FACT_COLUMNS
from factcheck.report.csv_out import (
    DISCREPANCY_COLUMNS,
    _csv_cell,
    discrepancies_csv,
    facts_csv,
)
from factcheck.report.github import escape_data, escape_property, render_github
from factcheck.report.junit import render_junit
from factcheck.report.markdown import md_text, render_markdown, summary_line
from factcheck.report.sarif import SCHEMA_URI, render_sarif

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = {
    name: json.loads((FIXTURES / "reports" / f"{name}.json").read_text(encoding="utf-8"))
    for name in ("demo-check", "stories-check")
}
#: every JSON schema in tests/fixtures/sarif (see its README.md); each one must accept the output
SARIF_SCHEMAS = sorted((FIXTURES / "sarif").glob("*.json"))

HOSTILE_TEXT = (
    'a|b\\|c\nnew line <script>alert("x")</script> `tick` *b* _i_ [l](http://x) & @bob #12'
)
HOSTILE_MESSAGE = "100% sure:\r\nline two, with a comma: and ::error::injected"
FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1", "-2", "@x", "\tx", "\rx"]


@pytest.fixture(params=sorted(REPORTS))
def data(request: pytest.FixtureRequest) -> dict[str, Any]:
    """A fresh copy of one fixture, free to change."""
    return copy.deepcopy(REPORTS[request.param])


def reviewed(data: dict[str, Any], index: int, status: str, note: str = "") -> dict[str, Any]:
    d = data["discrepancies"][index]
    d["review"] = {"status": status, "note": note, "by": "ed", "date": "2025-05-09"}
    return data


def hostile(data: dict[str, Any]) -> dict[str, Any]:
    """The first discrepancy's message and first claim text replaced by hostile text."""
    d = data["discrepancies"][0]
    d["message"] = HOSTILE_MESSAGE + " " + HOSTILE_TEXT
    d["claims"][0]["text"] = HOSTILE_TEXT
    return data


def suppressed(d: dict[str, Any]) -> bool:
    return d["review"]["status"] in ("accepted", "false-alarm")


# --------------------------------------------------------------------------- SARIF

LEVELS_SARIF = {"error": "error", "warning": "warning", "info": "note"}


def sarif_of(data: dict[str, Any]) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render_sarif(data, tool_version="9.9.9"))
    return log


def assert_valid_sarif(log: dict[str, Any]) -> None:
    from jsonschema.validators import validator_for

    assert SARIF_SCHEMAS, "no SARIF schema in tests/fixtures/sarif"
    for path in SARIF_SCHEMAS:
        schema = json.loads(path.read_text(encoding="utf-8"))
        cls = validator_for(schema)
        cls.check_schema(schema)
        errors = [
            f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in cls(schema, format_checker=cls.FORMAT_CHECKER).iter_errors(log)
        ]
        assert errors == [], path.name


def test_sarif_validates_and_has_one_result_per_discrepancy(data: dict[str, Any]) -> None:
    log = sarif_of(data)
    assert_valid_sarif(log)
    assert log["$schema"] == SCHEMA_URI
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("factcheck", "9.9.9")
    codes = sorted({d["rule"] for d in data["discrepancies"]})
    assert [r["id"] for r in driver["rules"]] == codes
    names = {d["rule"]: d["name"] for d in data["discrepancies"]}
    assert all(
        r["name"] == names[r["id"]] and r["shortDescription"]["text"] for r in driver["rules"]
    )
    assert len(run["results"]) == len(data["discrepancies"])
    for result, d in zip(run["results"], data["discrepancies"], strict=True):
        assert result["ruleId"] == d["rule"]
        assert driver["rules"][result["ruleIndex"]]["id"] == d["rule"]
        assert result["level"] == LEVELS_SARIF[d["level"]]
        assert result["message"]["text"] == d["message"]
        assert result["partialFingerprints"] == {"factcheck/v1": d["id"]}
        assert result["properties"]["explanation"] == d["explanation"]
        assert result["properties"]["reviewStatus"] == "unreviewed"
        assert "suppressions" not in result
        assert "baselineState" not in result


def test_sarif_locations_point_at_the_quotes(data: dict[str, Any]) -> None:
    run = sarif_of(data)["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    for result, d in zip(run["results"], data["discrepancies"], strict=True):
        assert len(result["locations"]) == len(d["claims"])
        for location, claim in zip(result["locations"], d["claims"], strict=True):
            physical = location["physicalLocation"]
            assert physical["artifactLocation"]["uri"] == claim["path"]
            region = physical["region"]
            assert (region["startLine"], region["startColumn"]) == (claim["line"], claim["column"])
            assert (region["endLine"], region["endColumn"]) == (
                claim["end_line"],
                claim["end_column"],
            )
            assert region["snippet"]["text"] == claim["text"]
            # the region, read back from the article, is the quote (endColumn is exclusive)
            lines = (REPO / claim["path"]).read_text(encoding="utf-8").split("\n")
            assert region["startLine"] == region["endLine"]
            line = lines[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == claim["text"]


@pytest.mark.parametrize(
    ("status", "note", "suppressed_as"),
    [
        ("accepted", "both figures are right, for different fiscal years", "accepted"),
        ("false-alarm", "not the same metric", "false-alarm"),
        ("false-alarm", "", "false-alarm"),
        ("confirmed", "one source is wrong", None),
        ("unreviewed", "", None),
    ],
)
def test_sarif_reviewed_discrepancies_are_suppressed(
    data: dict[str, Any], status: str, note: str, suppressed_as: str | None
) -> None:
    log = sarif_of(reviewed(data, 0, status, note))
    assert_valid_sarif(log)
    first, *rest = log["runs"][0]["results"]
    assert first["properties"]["reviewStatus"] == status
    if suppressed_as is None:
        assert "suppressions" not in first
    else:
        (suppression,) = first["suppressions"]
        assert suppression["kind"] == "external"
        assert suppression.get("justification", "") == note
        assert suppression["properties"]["reviewStatus"] == suppressed_as
    assert all("suppressions" not in r for r in rest)


def test_sarif_new_discrepancies_have_a_baseline_state(data: dict[str, Any]) -> None:
    for i, d in enumerate(data["discrepancies"]):
        d["new"] = i % 2 == 0
    log = sarif_of(data)
    assert_valid_sarif(log)
    states = [r["baselineState"] for r in log["runs"][0]["results"]]
    assert states == ["new" if i % 2 == 0 else "unchanged" for i in range(len(states))]


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("sources/a.txt", "sources/a.txt"),
        ("sources\\sub\\a.txt", "sources/sub/a.txt"),
        ("./sources/my article #1.md", "sources/my%20article%20%231.md"),
        ("/home/me/sources/a.txt", "file:///home/me/sources/a.txt"),
        ("C:\\news\\a.txt", "file:///C:/news/a.txt"),
    ],
)
def test_sarif_uris(data: dict[str, Any], path: str, uri: str) -> None:
    data["discrepancies"][0]["claims"][0]["path"] = path
    log = sarif_of(data)
    assert_valid_sarif(log)
    location = log["runs"][0]["results"][0]["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == uri


def test_sarif_claim_from_standard_input_has_no_location(data: dict[str, Any]) -> None:
    claims = data["discrepancies"][0]["claims"]
    claims[0]["path"] = "-"
    log = sarif_of(data)
    assert_valid_sarif(log)
    assert len(log["runs"][0]["results"][0]["locations"]) == len(claims) - 1


def test_sarif_hostile_text_survives(data: dict[str, Any]) -> None:
    data = hostile(data)
    log = sarif_of(data)
    assert_valid_sarif(log)
    result = log["runs"][0]["results"][0]
    assert result["message"]["text"] == data["discrepancies"][0]["message"]
    assert result["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == HOSTILE_TEXT


def test_sarif_empty() -> None:
    log = sarif_of({"sources": [], "facts": [], "discrepancies": []})
    assert_valid_sarif(log)
    assert log["runs"][0]["results"] == []
    assert log["runs"][0]["tool"]["driver"]["rules"] == []


# --------------------------------------------------------------------------- JUnit


def junit_of(data: dict[str, Any], by: str = "discrepancy") -> ET.Element:
    text = render_junit(data, by=by)  # type: ignore[arg-type]
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return ET.fromstring(text.encode("utf-8"))


def counts(element: ET.Element) -> dict[str, int]:
    return {k: int(element.get(k, "-1")) for k in ("tests", "failures", "errors", "skipped")}


def assert_counts_add_up(root: ET.Element) -> None:
    suites = root.findall("testsuite")
    for suite in suites:
        cases = suite.findall("testcase")
        assert counts(suite) == {
            "tests": len(cases),
            "failures": sum(c.find("failure") is not None for c in cases),
            "errors": 0,
            "skipped": sum(c.find("skipped") is not None for c in cases),
        }
    for key, total in counts(root).items():
        assert total == sum(counts(s)[key] for s in suites)


def test_junit_one_case_per_discrepancy(data: dict[str, Any]) -> None:
    data = reviewed(data, 0, "accepted", "fine")
    root = junit_of(data)
    assert_counts_add_up(root)
    found = data["discrepancies"]
    active = [d for d in found if not suppressed(d)]
    assert counts(root) == {
        "tests": len(found),
        "failures": sum(d["level"] in ("error", "warning") for d in active),
        "errors": 0,
        "skipped": len(found) - len(active),
    }
    assert [s.get("name", "").split()[0] for s in root.findall("testsuite")] == sorted(
        {d["rule"] for d in found}
    )
    cases = {c.get("name", "").split(":")[0]: c for c in root.iter("testcase")}
    assert sorted(cases) == sorted(d["id"] for d in found)
    for d in found:
        case = cases[d["id"]]
        assert case.get("classname") == f"factcheck.{d['rule']}"
        assert case.get("file") == d["claims"][0]["path"]
        assert case.get("line") == str(d["claims"][0]["line"])
        failure, skipped = case.find("failure"), case.find("skipped")
        if suppressed(d):
            assert failure is None
            assert skipped is not None
            assert skipped.get("message") == "reviewed as accepted: fine"
        else:
            assert failure is not None
            assert failure.get("type") == d["level"]
            assert failure.get("message") == d["message"]
            assert all(c["text"] in (failure.text or "") for c in d["claims"])


def test_junit_info_passes_and_says_why() -> None:
    data = copy.deepcopy(REPORTS["demo-check"])
    data["discrepancies"][0]["level"] = "info"
    root = junit_of(data)
    case = next(root.iter("testcase"))
    assert case.find("failure") is None
    assert case.find("skipped") is None
    out = case.find("system-out")
    assert out is not None
    assert data["discrepancies"][0]["message"] in (out.text or "")


def test_junit_one_case_per_source(data: dict[str, Any]) -> None:
    data = reviewed(data, 0, "false-alarm")
    root = junit_of(data, by="source")
    assert_counts_add_up(root)
    cases = root.findall("testsuite/testcase")
    assert [c.get("name") for c in cases] == [s["id"] for s in data["sources"]]
    active = [d for d in data["discrepancies"] if not suppressed(d)]
    for case, source in zip(cases, data["sources"], strict=True):
        assert case.get("file") == source["path"]
        mine = [d for d in active if source["id"] in {c["source"] for c in d["claims"]}]
        failure = case.find("failure")
        if mine:
            assert failure is not None
            worst = "error" if any(d["level"] == "error" for d in mine) else "warning"
            assert failure.get("type") == worst
            assert all(d["id"] in failure.get("message", "") for d in mine)
        else:
            assert failure is None


def test_junit_escapes_and_strips_illegal_characters(data: dict[str, Any]) -> None:
    data = hostile(data)
    data["discrepancies"][0]["message"] += " \x00\x08\x0b\x1b\ufffe end"
    data["discrepancies"][0]["metric"] = '<metric & "quote">'
    root = junit_of(data)
    case = next(
        c
        for c in root.iter("testcase")
        if c.get("name", "").startswith(data["discrepancies"][0]["id"])
    )
    assert '<metric & "quote">' in case.get("name", "")
    failure = case.find("failure")
    assert failure is not None
    message = failure.get("message", "")
    assert message.endswith("  end")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", message)
    assert HOSTILE_TEXT in (failure.text or "")
    assert '<script>alert("x")</script>' in message  # escaped on the way in, intact on the way out


def test_junit_rejects_an_unknown_grouping(data: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="by must be"):
        render_junit(data, by="rule")  # type: ignore[arg-type]


# --------------------------------------------------------------------------- GitHub

ANNOTATION = re.compile(
    r"^::(?P<command>error|warning|notice) "
    r"file=(?P<file>[^,:]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"endLine=(?P<end_line>\d+),endColumn=(?P<end_col>\d+),title=(?P<title>[^,:]+)"
    r"::(?P<message>[^\r\n]+)$"
)
COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def test_github_one_annotation_per_discrepancy(data: dict[str, Any]) -> None:
    lines = render_github(data).splitlines()
    found = data["discrepancies"]
    assert len(lines) == len(found) + 1
    for line, d in zip(lines[:-1], found, strict=True):
        match = ANNOTATION.match(line)
        assert match, line
        first = d["claims"][0]
        assert match["command"] == COMMANDS[d["level"]]
        assert match["file"] == first["path"]
        assert (int(match["line"]), int(match["col"])) == (first["line"], first["column"])
        assert (int(match["end_line"]), int(match["end_col"])) == (
            first["end_line"],
            first["end_column"],
        )
        assert d["rule"] in match["title"]
        assert d["id"] in match["title"]
        message = match["message"]
        assert message.startswith(escape_data(d["message"]))
        for other in d["claims"][1:]:  # the other quotes are listed, with where they are
            assert escape_data(f"{other['path']}:{other['line']}:{other['column']}") in message
    assert lines[-1].startswith("::notice::")
    assert lines[-1] == "::notice::" + escape_data(summary_line(data))


@pytest.mark.parametrize(
    ("text", "as_data", "as_property"),
    [
        ("plain", "plain", "plain"),
        ("50%", "50%25", "50%25"),
        ("a\nb", "a%0Ab", "a%0Ab"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("a:b,c", "a:b,c", "a%3Ab%2Cc"),
        ("%0A", "%250A", "%250A"),
        ("::error::x", "::error::x", "%3A%3Aerror%3A%3Ax"),
    ],
)
def test_github_escaping(text: str, as_data: str, as_property: str) -> None:
    assert escape_data(text) == as_data
    assert escape_property(text) == as_property


def test_github_hostile_message_and_path_stay_on_their_line(data: dict[str, Any]) -> None:
    data = hostile(data)
    data["discrepancies"][0]["claims"][0]["path"] = "news/a,b:c%.txt"
    data["discrepancies"][0]["name"] = "value.conflict, really: yes"
    out = render_github(data)
    lines = out.splitlines()
    assert len(lines) == len(data["discrepancies"]) + 1
    first = lines[0]
    match = ANNOTATION.match(first)
    assert match, first
    assert match["file"] == "news/a%2Cb%3Ac%25.txt"
    assert "%2C really%3A yes" in match["title"]
    message = match["message"]
    assert message.startswith("100%25 sure:%0D%0Aline two, with a comma: and ::error::injected")
    assert "\n" not in message
    assert "\r" not in message
    assert not any(line.startswith("::error::injected") for line in lines)


@pytest.mark.parametrize("limit", [0, 1, 5])
def test_github_limit_then_summary(limit: int) -> None:
    data = copy.deepcopy(REPORTS["stories-check"])
    total = len(data["discrepancies"])
    assert total > 5
    lines = render_github(data, limit=limit).splitlines()
    annotations, notice = lines[:-1], lines[-1]
    assert len(annotations) == limit
    assert all(ANNOTATION.match(line) for line in annotations)
    assert notice.startswith(f"::notice::{total - limit} more discrepancies not annotated")
    assert f"(limit {limit})" in notice
    assert escape_data(summary_line(data)) in notice


def test_github_leaves_out_reviewed_discrepancies(data: dict[str, Any]) -> None:
    data = reviewed(data, 0, "accepted")
    data = reviewed(data, 1, "false-alarm")
    data = reviewed(data, 2, "confirmed")
    lines = render_github(data).splitlines()
    ids = [d["id"] for d in data["discrepancies"]]
    annotated = "\n".join(lines[:-1])
    assert ids[0] not in annotated
    assert ids[1] not in annotated
    assert ids[2] in annotated
    assert len(lines) == len(ids) - 2 + 1
    assert "2 reviewed as accepted or false alarm" in lines[-1]


def test_github_marks_new_discrepancies(data: dict[str, Any]) -> None:
    data["discrepancies"][0]["new"] = True
    data["discrepancies"][1]["new"] = False
    lines = render_github(data).splitlines()
    assert "(new)" in lines[0]
    assert "(new)" not in lines[1]
    assert lines[-1].endswith("; 1 new")


def test_github_nothing_to_say() -> None:
    assert render_github({"sources": [], "facts": [], "discrepancies": []}) == ""
    with pytest.raises(ValueError, match="limit"):
        render_github({"discrepancies": []}, limit=-1)


# --------------------------------------------------------------------------- Markdown

MD_TEXT = [
    ("plain words", "plain words"),
    ("a | b", "a \\| b"),
    ("a \\| b", "a \\\\\\| b"),
    ("one\ntwo\r\nthree\rfour", "one<br>two<br>three<br>four"),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;"),
    ("AT&T", "AT&amp;T"),
    ("`code`", "\\`code\\`"),
    ("*bold* _it_ ~strike~", "\\*bold\\* \\_it\\_ \\~strike\\~"),
    ("[link](http://x)", "\\[link\\](http://x)"),
    ("$245 billion and US$5", "&#36;245 billion and US&#36;5"),
    ("# heading", "\\# heading"),
    ("- item", "\\- item"),
    ("+1 point", "\\+1 point"),
    ("1. first", "1\\. first"),
    ("2) second", "2\\) second"),
    ("1.5 million", "1\\.5 million"),
    ("thanks @bob", "thanks @\u200bbob"),
    ("see #12", "see #\u200b12"),
    ("bell\x07 and nul\x00", "bell and nul"),
    (None, ""),
]


@pytest.mark.parametrize(("text", "expected"), MD_TEXT, ids=[repr(t) for t, _ in MD_TEXT])
def test_md_text(text: str | None, expected: str) -> None:
    assert md_text(text) == expected


def cells(row: str) -> list[str]:
    """A GFM table row's cells: split at the pipes not escaped by a backslash."""
    assert row.startswith("| "), row
    assert row.endswith(" |"), row
    return [c.strip() for c in re.split(r"(?<!\\)\|", row[1:-1])]


def table_rows(markdown: str) -> list[str]:
    """The rows of the first table (the discrepancies)."""
    lines = markdown.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| id |"))
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def test_markdown_table_and_sections(data: dict[str, Any]) -> None:
    out = render_markdown(data)
    lines = out.splitlines()
    assert lines[0] == "# factcheck consistency report"
    assert lines[2] == summary_line(data)
    rows = table_rows(out)
    header = cells(rows[0])
    assert header[0] == "id"
    assert len(header) == 9
    assert cells(rows[1]) == ["---"] * 9
    assert len(rows) == 2 + len(data["discrepancies"])
    for row, d in zip(rows[2:], data["discrepancies"], strict=True):
        row_cells = cells(row)
        assert len(row_cells) == 9
        assert row_cells[0] == d["id"]
        assert row_cells[1] == d["level"]
        assert row_cells[-1] == "unreviewed"
    for d in data["discrepancies"]:
        assert f"### {d['id']}: {d['rule']} {md_text(d['name'])}" in lines
        for claim in d["claims"]:
            assert f"> **“{md_text(claim['text'])}”**: {md_text(claim['source'])}" in out
    for source in data["sources"]:
        assert f"### {md_text(source['id'])}" in lines
    sources_at = lines.index("## Sources")
    figure_rows = [line for line in lines[sources_at:] if line.startswith("| ")]
    with_figures = {f["source"] for f in data["facts"]}
    assert len(figure_rows) == len(data["facts"]) + 2 * len(with_figures)
    assert_tables_keep_their_columns(out)


def assert_tables_keep_their_columns(markdown: str) -> None:
    """Every row of every table has as many cells as the table's header."""
    width = 0
    previous = ""
    for line in markdown.splitlines():
        if line.startswith("|"):
            if not previous.startswith("|"):
                width = len(cells(line))
            assert len(cells(line)) == width, line
        previous = line


def test_markdown_hostile_text_is_inert(data: dict[str, Any]) -> None:
    data = hostile(data)
    data["facts"][0]["text"] = HOSTILE_TEXT
    out = render_markdown(data, title="Report <b>|</b>")
    assert "<script" not in out
    assert "<b>" not in out
    assert "&lt;script&gt;" in out
    assert out.splitlines()[0] == "# Report &lt;b&gt;\\|&lt;/b&gt;"
    rows = table_rows(out)
    assert all(len(cells(row)) == 9 for row in rows)
    first = cells(rows[2])
    assert "\\`tick\\`" in first[4] + first[5]
    assert "@\u200bbob" in first[4] + first[5]
    # the quote of the hostile claim stays one block quote line
    quote = next(line for line in out.splitlines() if line.startswith("> **“a\\|b"))
    assert "<br>" in quote
    assert_tables_keep_their_columns(out)


def test_markdown_review_and_new_columns(data: dict[str, Any]) -> None:
    data = reviewed(data, 0, "false-alarm", "different *metric*")
    for d in data["discrepancies"]:
        d["new"] = d is data["discrepancies"][0]
    out = render_markdown(data)
    rows = table_rows(out)
    assert cells(rows[0])[-1] == "new"
    first = cells(rows[2])
    assert len(first) == 10
    assert first[-2] == "false-alarm (ed 2025-05-09): different \\*metric\\*"
    assert first[-1] == "yes"
    assert all(cells(row)[-1] == "no" for row in rows[3:])
    assert "1 reviewed as accepted or false alarm" in out.splitlines()[2]
    assert out.splitlines()[2].endswith("; 1 new")


def test_markdown_no_discrepancies() -> None:
    data = copy.deepcopy(REPORTS["demo-check"])
    data["discrepancies"] = []
    out = render_markdown(data)
    assert "No discrepancies found." in out
    assert "| id |" not in out
    assert "## Sources" in out


# --------------------------------------------------------------------------- CSV

CELLS: list[tuple[Any, Any]] = [
    ("=1+1", "'=1+1"),
    ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
    ("+1", "'+1"),
    ("-2", "'-2"),
    ("@x", "'@x"),
    ("\tx", "'\tx"),
    ("\rx", "'\rx"),
    ("a=b", "a=b"),
    (" =1", " =1"),
    ("", ""),
    (None, ""),
    (-2, -2),
    (1.5, 1.5),
    (False, False),
]


@pytest.mark.parametrize(("value", "expected"), CELLS, ids=[repr(v) for v, _ in CELLS])
def test_csv_cell(value: Any, expected: Any) -> None:
    assert _csv_cell(value) == expected


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_facts_csv(data: dict[str, Any]) -> None:
    for fact, formula in zip(data["facts"], FORMULAS, strict=False):
        fact["text"] = formula
        fact["sentence"] = f"He said {formula}"
    text = facts_csv(data)
    header = next(csv.reader(io.StringIO(text)))
    assert tuple(header) == FACT_COLUMNS
    rows = read_csv(text)
    assert len(rows) == len(data["facts"])
    for row, fact in zip(rows, data["facts"], strict=True):
        assert row["source"] == fact["source"]
        assert row["start"] == str(fact["start"])
        assert row["granularity"] == (fact.get("granularity") or "")
    assert [row["text"] for row in rows[: len(FORMULAS)]] == ["'" + f for f in FORMULAS]
    assert rows[0]["sentence"] == "He said " + FORMULAS[0]


def test_discrepancies_csv(data: dict[str, Any]) -> None:
    data = reviewed(data, 0, "accepted", "ok")
    d = data["discrepancies"][0]
    d["message"] = "=cmd|' /C calc'!A0"
    for claim, formula in zip(d["claims"], FORMULAS, strict=False):
        claim["text"] = formula
    text = discrepancies_csv(data)
    header = next(csv.reader(io.StringIO(text)))
    assert tuple(header) == DISCREPANCY_COLUMNS
    rows = read_csv(text)
    expected = [(x, c) for x in data["discrepancies"] for c in x["claims"]]
    assert len(rows) == len(expected)
    for row, (x, claim) in zip(rows, expected, strict=True):
        assert (row["id"], row["rule"], row["level"]) == (x["id"], x["rule"], x["level"])
        assert row["source"] == claim["source"]
        assert (row["line"], row["column"]) == (str(claim["line"]), str(claim["column"]))
        assert row["review_status"] == x["review"]["status"]
    assert rows[0]["review_status"] == "accepted"
    assert rows[0]["message"] == "'=cmd|' /C calc'!A0"
    texts = [row["text"] for row in rows[: len(d["claims"])]]
    assert texts == ["'" + f for f in FORMULAS[: len(d["claims"])]]


def test_discrepancies_csv_new_column_and_claimless_rows() -> None:
    data = copy.deepcopy(REPORTS["demo-check"])
    data["discrepancies"][0]["new"] = True
    data["discrepancies"][1]["claims"] = []
    rows = read_csv(discrepancies_csv(data))
    assert list(rows[0])[-1] == "new"
    assert rows[0]["new"] == "true"
    claimless = [r for r in rows if r["id"] == data["discrepancies"][1]["id"]]
    assert [r["source"] for r in claimless] == [""]
    assert all(r["new"] == "" for r in claimless)


# --------------------------------------------------------------------------- all formats

RENDERERS: dict[str, Callable[[dict[str, Any]], str]] = {
    "sarif": lambda data: render_sarif(data, tool_version="1"),
    "junit": render_junit,
    "junit-by-source": lambda data: render_junit(data, by="source"),
    "github": render_github,
    "markdown": render_markdown,
    "facts-csv": facts_csv,
    "discrepancies-csv": discrepancies_csv,
}


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_deterministic_and_input_untouched(fmt: str, data: dict[str, Any]) -> None:
    before = copy.deepcopy(data)
    first = RENDERERS[fmt](data)
    assert first == RENDERERS[fmt](copy.deepcopy(data))
    assert data == before
    assert first.endswith("\n") or first == ""
