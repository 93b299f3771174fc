"""Every built-in rule's pass/fail examples run as tests (one test per example)."""

from __future__ import annotations

import dataclasses

import pytest

from factcheck.compare import analyse, run_rules
from factcheck.extract import extract_document
from factcheck.facts import Published
from factcheck.ingest import document_from_text
from factcheck.rulefile import Example, Rule, load_rules

RULES = load_rules(None)
CASES = [
    pytest.param(rule, example, id=f"{rule.code}-{i}-{example.expect}")
    for rule in RULES.rules
    for i, example in enumerate(rule.examples)
]


def run_example(rule: Rule, example: Example) -> list[str]:
    extracted = []
    for article in example.articles:
        doc = document_from_text(article.text, id=article.id, path=article.id, fmt=article.fmt)
        if article.published is not None:
            doc = dataclasses.replace(
                doc, published=Published(article.published, "day", "front-matter", "example")
            )
        extracted.append(extract_document(doc))
    corpus = analyse(extracted, RULES).corpus
    return [d.message for d in run_rules(corpus, [rule]) if d.rule == rule.code]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_rule_example(rule: Rule, example: Example) -> None:
    found = run_example(rule, example)
    if example.expect == "fail":
        assert found, f"{rule.code} should report something"
    else:
        assert found == []


def test_every_rule_has_a_passing_and_a_failing_example() -> None:
    for rule in RULES.rules:
        kinds = {e.expect for e in rule.examples}
        assert kinds == {"pass", "fail"}, rule.code


def test_every_kind_has_a_rule() -> None:
    from factcheck.kinds import KIND_NAMES

    assert {r.kind for r in RULES.rules} >= set(KIND_NAMES) - {"reference"}


def test_readme_rule_examples_work(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The rules written in the README load, and their examples pass."""
    import re
    from pathlib import Path

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n# rules/(\S+)\n(.*?)```", readme, re.S)
    assert blocks
    for name, body in blocks:
        (tmp_path / name).write_text(body, encoding="utf-8")
    rules = load_rules(tmp_path)
    for rule in rules.rules:
        if rule.path.startswith(str(tmp_path)):
            for example in rule.examples:
                found = run_example(rule, example)
                assert bool(found) == (example.expect == "fail"), (rule.code, example)
