"""Money: the amount in currency units, the currency code, the hedge."""

from __future__ import annotations

import pytest

from conftest import facts_of, only

EXAMPLES = [
    # text, expected span, value, low, high, unit, qualifier
    ("Trade reached $245 billion last year.", "$245 billion", 245e9, 245e9, 245e9, "USD", ""),
    ("It raised US$4.2bn in bonds.", "US$4.2bn", 4.2e9, 4.2e9, 4.2e9, "USD", ""),
    ("Sales hit €3.98 billion.", "€3.98 billion", 3.98e9, 3.98e9, 3.98e9, "EUR", ""),
    ("a loan of 1.6 trillion yuan", "1.6 trillion yuan", 1.6e12, 1.6e12, 1.6e12, "CNY", ""),
    ("spending of 20 trillion rubles", "20 trillion rubles", 2e13, 2e13, 2e13, "RUB", ""),
    ("costs of $1-2 billion a year", "$1-2 billion", 1.5e9, 1e9, 2e9, "USD", "range"),
    ("more than $500 million in aid", "more than $500 million", 5e8, 5e8, None, "USD", "more than"),
    ("about £3.5m was spent", "about £3.5m", 3.5e6, 3.4e6, 3.6e6, "GBP", "about"),
    ("about $50 billion was spent", "about $50 billion", 50e9, 45e9, 55e9, "USD", "about"),
    ("a USD 4.2 billion deal", "USD 4.2 billion", 4.2e9, 4.2e9, 4.2e9, "USD", ""),
    ("a fine of 5 million pounds", "5 million pounds", 5e6, 5e6, 5e6, "GBP", ""),
    ("nearly $10,000 each", "nearly $10,000", 10000, 9000, 10000, "USD", "nearly"),
    ("worth 300 million euros", "300 million euros", 3e8, 3e8, 3e8, "EUR", ""),
    ("a HK$2 billion bond", "HK$2 billion", 2e9, 2e9, 2e9, "HKD", ""),
    (
        "grants of 40 billion Canadian dollars",
        "40 billion Canadian dollars",
        4e10,
        4e10,
        4e10,
        "CAD",
        "",
    ),
    ("up to $3 billion", "up to $3 billion", 3e9, None, 3e9, "USD", "up to"),
    # a hundredth written as a word
    ("analysts expected 51 cents a share", "51 cents", 0.51, 0.51, 0.51, "USD", ""),
    ("a stamp of 85 pence", "85 pence", 0.85, 0.85, 0.85, "GBP", ""),
    # the Indian scales, one after another too
    ("a Rs 5,000 crore package", "Rs 5,000 crore", 5e10, 5e10, 5e10, "INR", ""),
    ("a Rs 2 lakh crore budget", "Rs 2 lakh crore", 2e12, 2e12, 2e12, "INR", ""),
]

NEGATIVE = [
    "He weighed 200 pounds.",
    "The euro rose against the dollar.",
    "Nearly all trade is in rubles and yuan.",
    "The party won 188 seats.",
    "Call 555-123-4567 for dollars.",
    "$ signs and € signs",
    "the percentage of cents collected",
]


@pytest.mark.parametrize(("text", "span", "value", "low", "high", "unit", "qualifier"), EXAMPLES)
def test_money(
    text: str,
    span: str,
    value: float,
    low: float | None,
    high: float | None,
    unit: str,
    qualifier: str,
) -> None:
    money = only(facts_of(text), "money")
    assert len(money) == 1, money
    fact = money[0]
    assert fact.text == span
    assert fact.value == pytest.approx(value)
    assert fact.low == (pytest.approx(low) if low is not None else None)
    assert fact.high == (pytest.approx(high) if high is not None else None)
    assert fact.unit == unit
    assert fact.qualifier == qualifier


@pytest.mark.parametrize("text", NEGATIVE)
def test_not_money(text: str) -> None:
    assert only(facts_of(text), "money") == []


def test_precision_from_stated_digits() -> None:
    (coarse,) = only(facts_of("trade of $245 billion"), "money")
    (fine,) = only(facts_of("trade of $244.8 billion"), "money")
    assert coarse.precision == pytest.approx(0.5e9)
    assert fine.precision == pytest.approx(0.05e9)


def test_record_is_a_flag_not_a_bound() -> None:
    (fact,) = only(facts_of("trade reached a record $245 billion"), "money")
    assert fact.record is True
    assert fact.low == fact.high == 245e9


#: a statement's table under a header that scales it (rows written for this test)
STATEMENT = """Ossa Corp reports its results
(In millions, except per share amounts)
Revenue $ 40,111
Costs and expenses 23,727
Net income $ 14,017
Diluted earnings per share $ 5.33
Cash dividend $ 0.50
The board approved a one-off payment of $ 500 to each employee.
Capital expenditure was $7.6 billion
"""


@pytest.mark.parametrize(
    ("span", "value"),
    [
        # whole amounts on a row under the header are in millions
        ("$ 40,111", 40_111e6),
        ("$ 14,017", 14_017e6),
        # negative: a per-share or decimal amount, a sentence, an amount with its own scale
        ("$ 5.33", 5.33),
        ("$ 0.50", 0.5),
        ("$ 500", 500),
        ("$7.6 billion", 7.6e9),
    ],
)
def test_a_table_header_scales_its_rows(span: str, value: float) -> None:
    money = {f.text: f for f in only(facts_of(STATEMENT), "money")}
    assert money[span].value == pytest.approx(value)


def test_a_row_in_millions_is_stated_to_the_million() -> None:
    (fact,) = [f for f in facts_of(STATEMENT) if f.text == "$ 40,111"]
    assert fact.precision == pytest.approx(0.5e6)


@pytest.mark.parametrize(
    "text",
    [
        # no header; "in millions of" is prose, not a header
        "Revenue $ 40,111\n",
        "Sales reached in millions of homes.\nRevenue $ 40,111\n",
        # a header after the row does not scale it, nor one whose table prose has ended
        "Revenue $ 40,111\n(in millions)\n",
        "(in millions)\nCosts 23,727\nThe company said its results were strong in every region "
        "of the world this year.\nRevenue $ 40,111\n",
        # a sentence that opens with "In millions" is no header
        "In millions, the company said, shoppers came.\nRevenue $ 40,111\n",
    ],
)
def test_no_header_no_scale(text: str) -> None:
    (fact,) = [f for f in facts_of(text) if f.text == "$ 40,111"]
    assert fact.value == 40_111
