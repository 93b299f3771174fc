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
