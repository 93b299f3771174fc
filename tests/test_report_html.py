"""The HTML report: structure, determinism, escaping; then a real headless browser.

The fixtures are the JSON contract of ``factcheck check --format json``, which is
exactly what :func:`render_html` receives.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.report.common import summary
from factcheck.report.html import render_html

FIXTURES = Path(__file__).parent / "fixtures" / "reports"
NAMES = ["demo-check", "stories-check"]


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


# -- structure ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_renders_fixture(name: str) -> None:
    data = load(name)
    page = render_html(data)
    assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert page.rstrip().endswith("</html>")
    expected = summary(
        [d["level"] for d in data["discrepancies"]], len(data["sources"]), len(data["facts"])
    )
    assert f'<p class="summary" id="fc-summary">{expected}</p>' in page
    n = len(data["discrepancies"])
    assert f"Review: {n} unreviewed" in page
    assert f'<span id="fc-shown">{n}</span> of <span id="fc-total">{n}</span> shown' in page
    assert page.count('<tr id="row-') == n


@pytest.mark.parametrize("name", NAMES)
def test_every_discrepancy_and_source_has_an_anchor(name: str) -> None:
    data = load(name)
    page = render_html(data)
    for d in data["discrepancies"]:
        assert f'<section class="detail" id="{d["id"]}">' in page
        assert f'<a href="#{d["id"]}">{d["id"]}</a>' in page  # the row links to it
        assert f'href="#row-{d["id"]}"' in page  # and back
    for s in data["sources"]:
        assert f'<section class="source" id="source-{s["id"]}">' in page
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids)), "duplicate ids"


@pytest.mark.parametrize("name", NAMES)
def test_deterministic(name: str) -> None:
    data = load(name)
    assert render_html(data) == render_html(copy.deepcopy(data))
    assert render_html(data) == render_html(load(name))


def test_majority_on_one_side_rest_on_the_other() -> None:
    page = render_html(load("stories-check"))
    row = re.search(r'<tr id="row-6f1e189a2caa".*?</tr>', page)
    assert row is not None
    one, other = re.findall(r'<td class="side">(.*?)</td>', row.group())
    assert "ledger-financial" in one
    assert "the-motor-tribune" in one
    assert "auto-insider" not in one
    assert "auto-insider" in other
    assert "ledger-financial" not in other


def test_without_majority_first_claim_against_the_rest() -> None:
    page = render_html(load("demo-check"))  # 089db74b3a7b has an empty majority
    row = re.search(r'<tr id="row-089db74b3a7b".*?</tr>', page)
    assert row is not None
    one, other = re.findall(r'<td class="side">(.*?)</td>', row.group())
    assert "$244.8 billion" in one
    assert "$245 billion" in other


def test_details_quote_each_claim_with_its_figure_marked() -> None:
    page = render_html(load("stories-check"))
    section = re.search(r'<section class="detail" id="dee046fb1983">.*?</section>', page, re.S)
    assert section is not None
    text = section.group()
    assert "<mark>about 150 rescuers</mark>, including army engineers" in text
    assert "The ministry said <mark>more than 200 rescuers</mark> were working" in text
    assert "not stated; as of publication (2024-09-09)" in text  # how the period was resolved
    assert "<svg" in text
    assert 'l12 7 l-12 7 Z"' in text  # "more than 200": the bar runs off the chart's right edge


def test_no_chart_for_dates() -> None:
    page = render_html(load("stories-check"))
    section = re.search(r'<section class="detail" id="484dd5d4883e">.*?</section>', page, re.S)
    assert section is not None
    assert "<mark>from June 3 to 4</mark>" in section.group()
    assert "<svg" not in section.group()


def test_sources_list_their_figures_and_publication() -> None:
    data = load("stories-check")
    page = render_html(data)
    section = re.search(
        r'<section class="source" id="source-auto-insider">.*?</section>', page, re.S
    )
    assert section is not None
    text = section.group()
    assert "publication date <b>unknown</b> (unknown: no date in front matter" in text
    figures = [f for f in data["facts"] if f["source"] == "auto-insider"]
    assert text.count("<tr><td>") == len(figures) > 0


def test_review_statuses_counted_filtered_and_shown() -> None:
    data = load("demo-check")
    first, second, _ = data["discrepancies"]
    first["review"] = {
        "status": "false-alarm",
        "note": "two years",
        "by": "ed",
        "date": "2025-05-09",
    }
    second["review"] = {"status": "confirmed", "note": "", "by": "", "date": ""}
    page = render_html(data)
    assert "Review: 1 unreviewed, 1 confirmed, 1 false-alarm</p>" in page
    assert (
        '<option value="">all</option><option value="unreviewed">unreviewed</option>'
        '<option value="confirmed">confirmed</option><option value="false-alarm">false-alarm</option>'
    ) in page
    assert (
        f'id="row-{first["id"]}" data-id="{first["id"]}" data-level="warning" data-rule="FC102" data-review="false-alarm"'
        in page
    )
    assert "by: ed · date: 2025-05-09 · note: two years" in page


def test_empty_report() -> None:
    page = render_html({"sources": [], "facts": [], "discrepancies": []}, title="Nothing")
    assert "<title>Nothing</title>" in page
    assert "0 discrepancies in 0 sources, 0 figures" in page
    assert "No discrepancies found." in page


def test_works_without_javascript() -> None:
    """Only the controls wait for the script; every row and section is there without it."""
    page = render_html(load("stories-check"))
    assert '<div class="controls" id="fc-controls" hidden>' in page
    assert page.count(" hidden") == 1  # the controls, nothing else
    assert page.count('<section class="detail"') == 17


# -- self-contained and safe -------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_self_contained(name: str) -> None:
    page = render_html(load(name))
    assert "http://" not in page
    assert "https://" not in page
    assert not re.search(r"\bsrc\s*=", page)
    assert "<link" not in page
    assert "@import" not in page
    assert "url(" not in page
    assert page.count("<script>") == 1
    assert page.count("<style>") == 1


def test_content_security_policy_allows_only_the_inline_blocks() -> None:
    page = render_html(load("demo-check"))
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert csp is not None
    policy = csp.group(1).replace("&#x27;", "'")
    script = re.search(r"<script>(.*?)</script>", page, re.S)
    style = re.search(r"<style>(.*?)</style>", page, re.S)
    assert script is not None
    assert style is not None
    assert "default-src 'none'" in policy
    assert f"script-src '{_sha256(script.group(1))}'" in policy
    assert f"style-src '{_sha256(style.group(1))}'" in policy
    assert "unsafe" not in policy
    assert "innerHTML" not in script.group(1)
    assert "insertAdjacentHTML" not in script.group(1)


PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "</style>"]
ESCAPED = [
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
    "&lt;/style&gt;",
]
EVIL = " ".join(PAYLOADS)


def injected() -> dict[str, Any]:
    """The demo report with the payloads in every kind of text the report shows."""
    data = load("demo-check")
    d = data["discrepancies"][0]
    claim = d["claims"][0]
    figure = claim["text"]
    claim["text"] = f"{figure} {EVIL}"
    claim["sentence"] = f"{EVIL} said {claim['text']} {EVIL}."
    claim["period_how"] = EVIL
    d["message"] = EVIL
    d["metric"] = EVIL
    d["name"] = EVIL
    d["period"] = EVIL
    d["explanation"] = EVIL
    d["review"] = {"status": EVIL, "note": EVIL, "by": EVIL, "date": ""}
    source = data["sources"][0]
    source["title"] = EVIL
    source["outlet"] = EVIL
    source["url"] = "javascript:alert(1)//" + EVIL
    source["published"]["evidence"] = EVIL
    data["facts"][0]["sentence"] = f"{EVIL} {data['facts'][0]['text']}"
    data["facts"][1]["text"] = EVIL
    return data


def test_escapes_everything() -> None:
    page = render_html(injected(), title=EVIL)
    assert "<script>alert" not in page
    assert "<img" not in page
    assert page.count("<script") == 1
    assert page.count("</script>") == 1
    assert page.count("<style") == 1
    assert page.count("</style>") == 1
    assert 'href="javascript' not in page
    for escaped in ESCAPED:
        assert escaped in page
    # the payload is in attributes too (data-text, data-review, select options): all quoted
    assert 'data-text="&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img' in page
    assert '<option value="&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;' in page


def test_source_ids_are_escaped_in_anchors_and_json() -> None:
    data = load("demo-check")
    old = data["sources"][0]["id"]
    new = 'a"b <c>'
    data["sources"][0]["id"] = new
    for d in data["discrepancies"]:
        for c in d["claims"]:
            if c["source"] == old:
                c["source"] = new
    page = render_html(data)
    assert 'id="source-a&quot;b &lt;c&gt;"' in page
    assert 'href="#source-a%22b%20%3Cc%3E"' in page
    assert 'data-sources="[&quot;a\\&quot;b &lt;c&gt;&quot;' in page


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a?b=1&c=2", True),
        ("http://example.org/", True),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("https://example.org/a b", False),
    ],
)
def test_only_web_addresses_become_links(url: str, link: bool) -> None:
    data = load("demo-check")
    data["sources"][0]["url"] = url
    page = render_html(data)
    shown = url.replace("&", "&amp;")
    if link:
        assert f'<a href="{shown}" rel="noopener noreferrer nofollow">{shown}</a>' in page
    else:
        assert f"<code>{shown}</code>" in page
        assert f'href="{shown}' not in page


# -- a real browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from browser.chromium import chromium

    with chromium() as launched:
        yield launched


def _visible_ids(page: Any) -> list[str]:
    ids: list[str] = page.eval_on_selector_all(
        "#fc-table tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.id)"
    )
    return ids


def _header(page: Any, label: str) -> Any:
    return page.locator("#fc-table thead th", has_text=re.compile(f"^{re.escape(label)}$"))


def _counter(page: Any) -> str:
    text: str = page.inner_text("#fc-count")
    return " ".join(text.split())


@pytest.mark.browser
def test_browser_filters_sorts_and_links(browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    from browser.chromium import open_watched

    data = load("stories-check")
    found = data["discrepancies"]
    all_ids = [d["id"] for d in found]
    path = tmp_path / "report.html"
    path.write_text(render_html(data), encoding="utf-8")
    watched = open_watched(browser, path)
    page = watched.page

    expect(page.locator("#fc-controls")).to_be_visible()  # the script ran under the CSP
    assert _visible_ids(page) == all_ids
    assert _counter(page) == f"{len(found)} of {len(found)} shown"

    page.select_option("#fc-filter-level", "error")
    errors = [d["id"] for d in found if d["level"] == "error"]
    assert 0 < len(errors) < len(found)
    assert _visible_ids(page) == errors
    expect(page.locator("#fc-table tbody tr:visible .badge")).to_have_text(
        ["error"] * len(errors), ignore_case=True
    )
    assert _counter(page) == f"{len(errors)} of {len(found)} shown"

    page.select_option("#fc-filter-level", "")
    page.select_option("#fc-filter-source", "horizon-press")
    horizon = [d["id"] for d in found if any(c["source"] == "horizon-press" for c in d["claims"])]
    assert _visible_ids(page) == horizon == ["4592a9bddc4a", "e810f412b82d", "484dd5d4883e"]
    assert _counter(page) == f"3 of {len(found)} shown"
    page.select_option("#fc-filter-level", "warning")
    assert _visible_ids(page) == ["484dd5d4883e"]
    assert _counter(page) == f"1 of {len(found)} shown"

    page.click("#fc-reset")
    page.fill("#fc-search", "TURNOUT")
    assert _visible_ids(page) == ["d5506644ed1c"]
    page.fill("#fc-search", "")
    assert _counter(page) == f"{len(found)} of {len(found)} shown"

    # sort by difference: the relative difference, rows without one last either way
    def relative(d: dict[str, Any]) -> float | None:
        rel = d["difference"]["relative"]
        return None if rel is None else float(rel)

    with_rel = [d for d in found if relative(d) is not None]
    without = [d["id"] for d in found if relative(d) is None]
    header = _header(page, "difference")
    header.locator("button").click()
    ascending = [d["id"] for d in sorted(with_rel, key=lambda d: relative(d))]  # type: ignore[arg-type, return-value]
    assert _visible_ids(page) == ascending + without
    assert _visible_ids(page) != all_ids
    expect(header).to_have_attribute("aria-sort", "ascending")
    header.locator("button").click()
    descending = [d["id"] for d in sorted(with_rel, key=lambda d: -relative(d))]  # type: ignore[operator]
    assert _visible_ids(page) == descending + without
    expect(header).to_have_attribute("aria-sort", "descending")
    _header(page, "id").locator("button").click()
    assert _visible_ids(page) == sorted(all_ids)

    # a filter keeps the sort order
    page.select_option("#fc-filter-level", "error")
    assert _visible_ids(page) == sorted(errors)

    # follow a row's link to its details
    target = "dee046fb1983"
    page.click(f'#fc-table a[href="#{target}"]')
    assert page.url.endswith(f"#{target}")
    section = page.locator(f'section[id="{target}"]')
    expect(section).to_be_in_viewport()
    expect(section.locator("mark").first).to_have_text("about 150 rescuers")
    expect(section.locator("mark").first).to_be_visible()
    expect(section.locator("svg")).to_be_visible()

    assert watched.dialogs == []
    assert watched.console_errors == []
    assert watched.page_errors == []
    assert watched.requests == [path.as_uri()]


@pytest.mark.browser
def test_browser_injected_text_stays_text(browser: Any, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    from browser.chromium import open_watched

    path = tmp_path / "evil.html"
    path.write_text(render_html(injected(), title=EVIL), encoding="utf-8")
    watched = open_watched(browser, path)
    page = watched.page

    expect(page.locator("#fc-controls")).to_be_visible()
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1
    assert page.title() == EVIL
    expect(page.locator("h1")).to_have_text(EVIL)
    expect(page.locator('section[id="089db74b3a7b"] .message')).to_have_text(EVIL)
    page.fill("#fc-search", "<script>alert(1)")  # the filter searches text, runs nothing
    assert _visible_ids(page) == ["089db74b3a7b"]
    page.select_option("#fc-filter-review", EVIL)
    assert _visible_ids(page) == ["089db74b3a7b"]
    page.wait_for_timeout(100)  # an onerror or a timer would have fired by now

    assert watched.dialogs == []
    assert watched.console_errors == []
    assert watched.page_errors == []
    assert watched.requests == [path.as_uri()]


@pytest.mark.browser
def test_browser_csp_blocks_scripts_added_later(browser: Any, tmp_path: Path) -> None:
    """Defence in depth: even a script that got into the page would not run."""
    from browser.chromium import open_watched

    path = tmp_path / "report.html"
    path.write_text(render_html(load("demo-check")), encoding="utf-8")
    watched = open_watched(browser, path)
    ran = watched.page.evaluate(
        """() => {
            const s = document.createElement("script");
            s.textContent = "window.injectedRan = true; alert(1)";
            document.body.append(s);
            return window.injectedRan === true;
        }"""
    )
    assert ran is False
    assert watched.dialogs == []
    assert any("Content Security Policy" in e for e in watched.console_errors)
