"""Rule files: loading, overriding built-ins, vocabularies, reference tables, and errors
that name the file and the line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import RuleFileError
from factcheck.kinds import COMMON_FIELDS, KindSpec, OptionSpec
from factcheck.rulefile import (
    BUILTIN_DIR,
    Example,
    ExampleArticle,
    ReferenceRow,
    Rule,
    RuleSet,
    Vocabulary,
    load_rule_file,
    load_rules,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"


def no_findings(ctx: Any) -> Iterator[Any]:
    return iter(())


def fake_kind(name: str, options: Mapping[str, OptionSpec], fields: set[str]) -> KindSpec:
    return KindSpec(
        name=name,
        summary=f"fake {name} kind",
        options=options,
        fields=frozenset(fields),
        check=no_findings,
    )


#: stands in for factcheck.kinds.registry() while the kind modules are written
KINDS: dict[str, KindSpec] = {
    "value-conflict": fake_kind(
        "value-conflict",
        {
            "tolerance": OptionSpec((float,), 0.0, "relative difference allowed"),
            "min_sources": OptionSpec((int,), 2, "sources that must disagree"),
            "strict": OptionSpec((bool,), False, "no hedges"),
            "pattern": OptionSpec((str,), "", "a regular expression", regex=True),
            "units": OptionSpec((list,), [], "units to compare"),
        },
        {"value", "tolerance"},
    ),
    "timeline": fake_kind(
        "timeline",
        {"check": OptionSpec((str,), "weekday", "which check", choices=("weekday", "future"))},
        {"event", "dates"},
    ),
    "reference": fake_kind(
        "reference",
        {"table": OptionSpec((str,), "", "CSV of reference figures, next to the rule file")},
        {"value", "reference", "reference_source"},
    ),
}

#: a valid rule; line numbers are used by the error table below
RULE = """\
code: FC101
name: value.conflict
kind: value-conflict
level: error
message: "{metric}: sources disagree ({values})"
description: Two articles give different figures for the same measure.
options:
  tolerance: 0.05
"""

DEFAULT_OPTIONS = {
    "metrics": "",
    "tolerance": 0.0,
    "min_sources": 2,
    "strict": False,
    "pattern": "",
    "units": [],
}


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def load(builtin: Path, user: Path | None = None) -> RuleSet:
    return load_rules(user, kinds=KINDS, builtin_dir=builtin)


def error_of(builtin: Path, user: Path | None = None) -> RuleFileError:
    with pytest.raises(RuleFileError) as info:
        load(builtin, user)
    return info.value


# ------------------------------------------------------------------ a valid rule


def test_valid_rule_loads_with_defaults(tmp_path: Path) -> None:
    path = write(tmp_path, "fc101.yaml", RULE)
    (rule,) = load(tmp_path).rules
    assert rule == Rule(
        code="FC101",
        name="value.conflict",
        kind="value-conflict",
        level="error",
        message="{metric}: sources disagree ({values})",
        description="Two articles give different figures for the same measure.",
        options={**DEFAULT_OPTIONS, "tolerance": 0.05},
        examples=(),
        enabled=True,
        link=None,
        lifecycle="stable",
        path=str(path),
        line=1,
    )


def test_rule_line_is_where_the_mapping_starts(tmp_path: Path) -> None:
    write(tmp_path, "fc101.yaml", "# a comment\n\n" + RULE)
    assert load(tmp_path).rules[0].line == 3


def test_options_of_every_type(tmp_path: Path) -> None:
    options = "options:\n  tolerance: 1\n  min_sources: 3\n  strict: true\n  pattern: '^trade'\n  units: [USD, EUR]\n"
    write(tmp_path, "fc101.yaml", RULE.split("options:")[0] + options)
    (rule,) = load(tmp_path).rules
    assert rule.options == {
        "metrics": "",
        "tolerance": 1.0,
        "min_sources": 3,
        "strict": True,
        "pattern": "^trade",
        "units": ["USD", "EUR"],
    }
    assert isinstance(rule.options["tolerance"], float)  # a whole number is a number


def test_empty_options_and_optional_keys(tmp_path: Path) -> None:
    text = RULE.split("options:")[0] + (
        "options:\nenabled: false\nlink: https://example.org/FC101\nlifecycle: preview\n"
    )
    write(tmp_path, "fc101.yaml", text)
    (rule,) = load(tmp_path).rules
    assert rule.options == DEFAULT_OPTIONS
    assert rule.enabled is False
    assert rule.link == "https://example.org/FC101"
    assert rule.lifecycle == "preview"


def test_defaults_are_not_shared(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", RULE.split("options:")[0])
    write(
        tmp_path,
        "b.yaml",
        RULE.split("options:")[0]
        .replace("FC101", "FC102")
        .replace("value.conflict", "value.other"),
    )
    first, second = load(tmp_path).rules
    assert first.options["units"] == second.options["units"] == []
    assert first.options["units"] is not second.options["units"]
    assert first.options["units"] is not KINDS["value-conflict"].options["units"].default


EXAMPLES = """\
examples:
  - expect: fail
    articles:
      - text: Trade reached $245 billion.
        published: 2025-05-08
      - id: rival
        text: Trade reached $120 billion.
        published: "2025-05-09"
        format: md
      - text: <p>Trade reached $100 billion.</p>
        published: 2025-05-10T09:30:00
        format: html
  - expect: pass
    articles:
      - text: Trade reached $245 billion.
        published:
"""


def test_examples(tmp_path: Path) -> None:
    write(tmp_path, "fc101.yaml", RULE + EXAMPLES)
    (rule,) = load(tmp_path).rules
    assert rule.examples == (
        Example(
            expect="fail",
            articles=(
                ExampleArticle("a", "Trade reached $245 billion.", dt.date(2025, 5, 8)),
                ExampleArticle("rival", "Trade reached $120 billion.", dt.date(2025, 5, 9), "md"),
                ExampleArticle(
                    "c", "<p>Trade reached $100 billion.</p>", dt.date(2025, 5, 10), "html"
                ),
            ),
            line=10,
        ),
        Example(
            expect="pass",
            articles=(ExampleArticle("a", "Trade reached $245 billion.", None),),
            line=21,
        ),
    )


def test_yaml_anchors_and_merge_keys(tmp_path: Path) -> None:
    text = RULE + (
        "examples:\n"
        "  - &case {expect: pass, articles: [{text: Trade rose.}]}\n"
        "  - <<: *case\n"
        "    expect: fail\n"
    )
    write(tmp_path, "fc101.yaml", text)
    (rule,) = load(tmp_path).rules
    assert [e.expect for e in rule.examples] == ["pass", "fail"]
    assert rule.examples[0].articles == rule.examples[1].articles


def test_which_files_are_read(tmp_path: Path) -> None:
    write(tmp_path, "b.yml", RULE.replace("FC101", "FC102").replace("value.conflict", "value.b"))
    write(tmp_path, "a.yaml", RULE)
    write(tmp_path, "_draft.yaml", "not: [valid")
    write(tmp_path, ".hidden.yaml", "not: [valid")
    write(tmp_path, "notes.txt", "not: [valid")
    write(tmp_path, "sub/c.yaml", "not: [valid")  # not recursive
    assert [r.code for r in load(tmp_path).rules] == ["FC101", "FC102"]


def test_rules_sorted_by_code_and_enabled(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", RULE.replace("FC101", "FC300").replace("value.conflict", "value.a"))
    write(tmp_path, "b.yaml", RULE.replace("FC101", "AB100").replace("value.conflict", "value.b"))
    write(tmp_path, "c.yaml", RULE + "enabled: false\n")
    ruleset = load(tmp_path)
    assert [r.code for r in ruleset.rules] == ["AB100", "FC101", "FC300"]
    assert [r.code for r in ruleset.enabled()] == ["AB100", "FC300"]


def test_builtin_dir_default() -> None:
    # the installed package's own folder, editable or not (not the source tree's)
    import factcheck

    assert Path(factcheck.__file__).resolve().parent / "rules" == BUILTIN_DIR.resolve()
    assert (BUILTIN_DIR / "FC101-value-conflict.yaml").is_file()


# ------------------------------------------------------------------ overriding built-ins


def folders(tmp_path: Path) -> tuple[Path, Path]:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    write(builtin, "fc101.yaml", RULE + EXAMPLES)
    user.mkdir()
    return builtin, user


def test_override_merges_key_by_key(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    path = write(user, "mine.yaml", "code: FC101\nlevel: warning\noptions:\n  strict: true\n")
    (rule,) = load(builtin, user).rules
    (base,) = load(builtin).rules
    assert rule.level == "warning"
    assert rule.options == {**base.options, "strict": True}
    assert rule.options["tolerance"] == 0.05  # kept from the built-in
    assert rule.message == base.message
    assert rule.examples == base.examples
    assert (rule.path, rule.line) == (str(path), 1)


def test_override_replaces_examples(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    text = "code: FC101\nexamples:\n  - expect: pass\n    articles: [{text: Nothing.}]\n"
    write(user, "mine.yaml", text)
    (rule,) = load(builtin, user).rules
    assert rule.examples == (Example("pass", (ExampleArticle("a", "Nothing.", None),), 3),)


def test_override_disables(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    write(user, "off.yaml", "code: FC101\nenabled: false\n")
    ruleset = load(builtin, user)
    assert [r.code for r in ruleset.rules] == ["FC101"]
    assert ruleset.rules[0].enabled is False
    assert ruleset.enabled() == ()


def test_user_rule_with_a_new_code_is_added(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    write(user, "new.yaml", RULE.replace("FC101", "XY001").replace("value.conflict", "mine.rule"))
    assert [r.code for r in load(builtin, user).rules] == ["FC101", "XY001"]


def test_fixture_folders() -> None:
    ruleset = load_rules(FIXTURES / "user", kinds=KINDS, builtin_dir=FIXTURES / "builtin")
    by_code = {rule.code: rule for rule in ruleset.rules}
    assert list(by_code) == ["FC101", "FC501", "TR900"]
    assert by_code["FC101"].level == "warning"
    assert by_code["FC101"].options["strict"] is True
    assert by_code["FC101"].options["tolerance"] == 0.05
    assert by_code["FC101"].link == "https://example.org/rules/FC101"
    assert [a.id for a in by_code["FC101"].examples[0].articles] == ["a", "rival"]
    assert by_code["FC501"].enabled is False
    assert by_code["TR900"].lifecycle == "preview"
    assert [r.code for r in ruleset.enabled()] == ["FC101", "TR900"]
    table = str(FIXTURES / "builtin" / "tables" / "trade.csv")
    assert ruleset.references == (
        ReferenceRow(
            "trade.china-russia", "2024", 245e9, "USD", "China customs", "record", "FC501", table, 2
        ),
        ReferenceRow(
            "trade.china-russia", None, 237e9, "USD", "China customs", "", "FC501", table, 3
        ),
    )
    vocabulary = ruleset.vocabulary
    assert vocabulary.synonyms == (frozenset({"deaths", "fatalities", "killed"}),)
    assert vocabulary.metrics == {"trade.bilateral": ("bilateral trade", "two-way trade")}
    assert vocabulary.events == {"earthquake", "flood"}
    assert vocabulary.rates == {("EUR", "USD"): 1.1, ("GBP", "USD"): 1.27}


def test_load_rule_file(tmp_path: Path) -> None:
    rule = load_rule_file(write(tmp_path, "fc101.yaml", RULE), kinds=KINDS)
    assert isinstance(rule, Rule)
    assert rule.options["tolerance"] == 0.05
    vocabulary = load_rule_file(FIXTURES / "builtin" / "vocabulary.yaml", kinds=KINDS)
    assert isinstance(vocabulary, Vocabulary)
    assert vocabulary.cumulative == {"toll"}


def test_load_rule_file_needs_a_whole_rule() -> None:
    path = FIXTURES / "user" / "fc501.yaml"
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path, kinds=KINDS)
    assert str(info.value).startswith(f"{path}:1: missing required keys name, kind, level,")


# ------------------------------------------------------------------ vocabularies


def test_vocabulary_merge(tmp_path: Path) -> None:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    write(
        builtin,
        "vocabulary.yaml",
        "vocabulary:\n"
        "  synonyms: [[deaths, fatalities], [exports, shipments abroad]]\n"
        "  metrics: {trade.bilateral: [bilateral trade]}\n"
        "  events: [earthquake]\n"
        "  cumulative: [toll]\n"
        "  rates: {EUR/USD: 1.08}\n",
    )
    write(builtin, "words.yaml", "vocabulary:\n  events: [Storm]\n")
    write(
        user,
        "vocabulary.yml",
        "vocabulary:\n"
        "  synonyms: [[Killed, deaths], [imports, purchases]]\n"
        "  metrics: {trade.bilateral: [two-way  trade, bilateral trade], gdp: [GDP]}\n"
        "  events: [flood]\n"
        "  rates: {EUR/USD: 1.1, ' jpy / usd ': 0.0067}\n",
    )
    vocabulary = load(builtin, user).vocabulary
    assert vocabulary == Vocabulary(
        synonyms=(
            frozenset({"deaths", "fatalities", "killed"}),
            frozenset({"exports", "shipments abroad"}),
            frozenset({"imports", "purchases"}),
        ),
        # each word named by the first word of the group it was listed in (built-in first)
        names={
            "deaths": "deaths",
            "fatalities": "deaths",
            "exports": "exports",
            "shipments abroad": "exports",
            "killed": "killed",
            "imports": "imports",
            "purchases": "imports",
        },
        metrics={"trade.bilateral": ("bilateral trade", "two-way trade"), "gdp": ("gdp",)},
        events=frozenset({"earthquake", "storm", "flood"}),
        cumulative=frozenset({"toll"}),
        rates={("EUR", "USD"): 1.1, ("JPY", "USD"): 0.0067},
    )


def test_vocabulary_merged_joins_groups_through_a_third() -> None:
    a = Vocabulary(synonyms=(frozenset({"a", "b"}), frozenset({"c", "d"})))
    b = Vocabulary(synonyms=(frozenset({"b", "c"}),))
    assert a.merged(b).synonyms == (frozenset({"a", "b", "c", "d"}),)


def test_no_vocabulary_files(tmp_path: Path) -> None:
    write(tmp_path, "fc101.yaml", RULE)
    assert load(tmp_path).vocabulary == Vocabulary()


# ------------------------------------------------------------------ reference tables

REFERENCE = """\
code: FC501
name: reference.trade
kind: reference
level: warning
message: "{metric} is {value}, but {reference_source} gives {reference}"
description: A figure differs from a published one.
options:
  table: trade.csv
"""

CSV_HEADER = "metric,period,value,unit,source,note\n"


def test_reference_table(tmp_path: Path) -> None:
    write(tmp_path, "fc501.yaml", REFERENCE)
    table = write(
        tmp_path,
        "trade.csv",
        "Metric, Period ,value,unit,source\n"
        'trade,2024,"245,000,000,000",USD,customs\n'
        "\n"
        'trade,,-1.5,%,"customs, revised"\n',
    )
    ruleset = load(tmp_path)
    assert ruleset.references == (
        ReferenceRow("trade", "2024", 245e9, "USD", "customs", "", "FC501", str(table), 2),
        ReferenceRow("trade", None, -1.5, "%", "customs, revised", "", "FC501", str(table), 4),
    )
    assert ruleset.rules[0].options["table"] == "trade.csv"


def test_reference_table_relative_to_the_file_that_sets_it(tmp_path: Path) -> None:
    builtin, user = tmp_path / "builtin", tmp_path / "user"
    write(builtin, "fc501.yaml", REFERENCE)
    write(builtin, "trade.csv", CSV_HEADER + "trade,2024,1,USD,a,\n")
    write(user, "fc501.yaml", "code: FC501\noptions: {table: data/mine.csv}\n")
    mine = write(user, "data/mine.csv", CSV_HEADER + "trade,2024,2,USD,b,\n")
    (row,) = load(builtin, user).references
    assert (row.value, row.path) == (2.0, str(mine))


def test_reference_rule_without_table(tmp_path: Path) -> None:
    write(tmp_path, "fc501.yaml", REFERENCE.split("options:")[0])
    assert load(tmp_path).references == ()


CSV_ERRORS = [
    (
        "bad number",
        CSV_HEADER + "a,2024,1,USD,s,\nb,2024,12x,USD,s,\n",
        3,
        "value must be a number like 245000000000 or 245,000,000,000, not '12x'",
    ),
    ("scale word", CSV_HEADER + "a,2024,245 billion,USD,s,\n", 2, "value must be a number"),
    ("bad commas", CSV_HEADER + 'a,2024,"24,50",USD,s,\n', 2, "value must be a number"),
    ("empty value", CSV_HEADER + "a,2024,,USD,s,\n", 2, "value is empty"),
    ("empty metric", CSV_HEADER + ",2024,1,USD,s,\n", 2, "metric is empty"),
    ("empty source", CSV_HEADER + "a,2024,1,USD,,\n", 2, "source is empty"),
    (
        "too few fields",
        CSV_HEADER + "a,2024,1,USD,s,\na,2024,1,USD\n",
        3,
        "expected 6 fields (metric,period,value,unit,source,note), found 4",
    ),
    (
        "unknown column",
        "metric,period,value,units,source\n",
        1,
        "unknown column 'units' (expected one of: metric, note, period, source, unit, value); did you mean 'unit'?",
    ),
    (
        "missing column",
        "metric,value,unit,source\n",
        1,
        "missing column period (the header is metric,period,value,unit,source[,note])",
    ),
    ("duplicate column", "metric,period,value,unit,source,unit\n", 1, "duplicate column 'unit'"),
    (
        "empty table",
        "",
        1,
        "empty table (expected a header: metric,period,value,unit,source[,note])",
    ),
    ("unclosed quote", CSV_HEADER + 'a,2024,1,USD,s,\na,"2024\n', 3, "not valid CSV"),
]


@pytest.mark.parametrize(
    ("csv_text", "line", "message"), [c[1:] for c in CSV_ERRORS], ids=[c[0] for c in CSV_ERRORS]
)
def test_reference_table_errors(tmp_path: Path, csv_text: str, line: int, message: str) -> None:
    write(tmp_path, "fc501.yaml", REFERENCE)
    table = write(tmp_path, "trade.csv", csv_text)
    error = error_of(tmp_path)
    assert str(error).startswith(f"{table}:{line}: {message}")


def test_missing_table_names_the_rule_file_and_option_line(tmp_path: Path) -> None:
    rule = write(tmp_path, "fc501.yaml", REFERENCE.replace("trade.csv", "nowhere.csv"))
    error = error_of(tmp_path)
    missing = tmp_path / "nowhere.csv"
    assert str(error) == f"{rule}:8: option 'table': no such file {str(missing)!r}"
    assert error.key == "options.table"


# ------------------------------------------------------------------ errors in one file


def replace(old: str, new: str) -> str:
    assert old in RULE
    return RULE.replace(old, new)


KIND_NAMES = "reference, timeline, value-conflict"
RULE_KEYS = (
    "code, description, enabled, examples, kind, level, lifecycle, link, message, name, options"
)
FIELDS = ", ".join(sorted(COMMON_FIELDS | {"value", "tolerance"}))
ARTICLE = "examples:\n  - expect: fail\n    articles:\n      - text: Trade rose.\n"

#: (id, file text, line, message)
ERRORS = [
    # keys
    (
        "unknown key, an option at the top",
        replace("options:\n  tolerance", "tolerence"),
        7,
        f"unknown key 'tolerence' (expected one of: {RULE_KEYS}); did you mean 'tolerance' under 'options:'?",
    ),
    (
        "unknown key, an option at the top, spelt right",
        RULE + "strict: true\n",
        9,
        f"unknown key 'strict' (expected one of: {RULE_KEYS}); 'strict' is an option: put it under 'options:'",
    ),
    (
        "unknown key, misspelt",
        replace("level:", "levle:"),
        4,
        f"unknown key 'levle' (expected one of: {RULE_KEYS}); did you mean 'level'?",
    ),
    (
        "unknown key, nothing close",
        RULE + "colour: red\n",
        9,
        f"unknown key 'colour' (expected one of: {RULE_KEYS})",
    ),
    ("duplicate key", RULE + "level: info\n", 9, "duplicate key 'level' (first on line 4)"),
    (
        "missing key",
        replace("description: Two articles give different figures for the same measure.\n", ""),
        1,
        "missing required key description (a rule needs code, name, kind, level, message, description)",
    ),
    ("missing code", "name: value.conflict\n", 1, "missing required key code"),
    # values of keys
    (
        "bad code",
        replace("FC101", "fc1"),
        1,
        "code must be 2 to 4 capitals and 3 digits, like FC101, not 'fc1'",
    ),
    (
        "code as a number",
        replace("FC101", "101"),
        1,
        "code must be 2 to 4 capitals and 3 digits, like FC101, not '101'",
    ),
    (
        "bad name",
        replace("name: value.conflict", "name: Value conflict"),
        2,
        "name must be lower-case words joined by dots, like value.conflict, not 'Value conflict'",
    ),
    (
        "name without a dot",
        replace("name: value.conflict", "name: conflict"),
        2,
        "name must be lower-case words joined by dots",
    ),
    (
        "unknown kind",
        replace("kind: value-conflict", "kind: value-conflct"),
        3,
        f"unknown kind 'value-conflct' (expected one of: {KIND_NAMES}); did you mean 'value-conflict'?",
    ),
    (
        "kind as a list",
        replace("kind: value-conflict", "kind: [timeline]"),
        3,
        "kind must be a non-empty string, not a list",
    ),
    (
        "bad level",
        replace("level: error", "level: fatal"),
        4,
        "level must be one of error, warning, info, not 'fatal'",
    ),
    (
        "empty level",
        replace("level: error", "level:"),
        4,
        "level must be one of error, warning, info, not null",
    ),
    (
        "bad lifecycle",
        RULE + "lifecycle: beta\n",
        9,
        "lifecycle must be one of stable, preview, deprecated, not 'beta'",
    ),
    ("enabled as a string", RULE + "enabled: 'no'\n", 9, "enabled must be true or false, not 'no'"),
    ("link as a number", RULE + "link: 3\n", 9, "link must be a non-empty string, not '3'"),
    (
        "empty description",
        replace(
            "description: Two articles give different figures for the same measure.",
            "description: ''",
        ),
        6,
        "description must be a non-empty string, not empty",
    ),
    # messages
    (
        "unknown message field",
        replace("{values}", "{valeu}"),
        5,
        f"message field {{valeu}} is not one of: {FIELDS}; did you mean {{value}}?",
    ),
    (
        "positional field {}",
        replace("{values}", "{}"),
        5,
        "message field {} is positional: name it, like {metric}",
    ),
    (
        "positional field {0}",
        replace("{values}", "{0}"),
        5,
        "message field {0} is positional: name it, like {metric}",
    ),
    (
        "printf %s",
        replace("({values})", "(%s)"),
        5,
        "message uses '%s': write named fields like {metric} instead",
    ),
    ("printf %(name)s", replace("({values})", "(%(values)s)"), 5, "message uses '%(values)s'"),
    (
        "attribute of a field",
        replace("{values}", "{metric.__class__}"),
        5,
        "message field {metric.__class__} must be a plain name (no '.' or '[')",
    ),
    (
        "index of a field",
        replace("{values}", "{values[0]}"),
        5,
        "message field {values[0]} must be a plain name",
    ),
    (
        "unbalanced brace",
        replace("({values})", "({values)"),
        5,
        "message is not a valid template: ",
    ),
    (
        "lone closing brace",
        replace("({values})", "(values})"),
        5,
        "message is not a valid template: Single '}' encountered in format string (write {{ and }} for literal braces)",
    ),
    (
        "field from another kind",
        replace("{values}", "{event}"),
        5,
        "message field {event} is not one of: ",
    ),
    (
        "message block on its own lines",
        replace(
            'message: "{metric}: sources disagree ({values})"',
            "message: >-\n  {metric}: sources\n  disagree {x}",
        ),
        5,
        "message field {x} is not one of",
    ),
    # options
    (
        "options a list",
        replace("  tolerance: 0.05", "  - tolerance"),
        8,
        "options must be a mapping, not a list",
    ),
    (
        "unknown option",
        replace("tolerance: 0.05", "tolerence: 0.05"),
        8,
        "unknown option 'tolerence' for a value-conflict rule (expected one of: metrics, min_sources, pattern, strict, tolerance, units); did you mean 'tolerance'?",
    ),
    (
        "option not a number",
        replace("0.05", "abc"),
        8,
        "option 'tolerance' must be a number, not 'abc'",
    ),
    (
        "option bool for a number",
        replace("0.05", "true"),
        8,
        "option 'tolerance' must be a number, not 'true'",
    ),
    (
        "option bool for an int",
        RULE + "  min_sources: yes\n",
        9,
        "option 'min_sources' must be a whole number, not 'yes'",
    ),
    (
        "option float for an int",
        RULE + "  min_sources: 2.5\n",
        9,
        "option 'min_sources' must be a whole number, not '2.5'",
    ),
    (
        "option int for a bool",
        RULE + "  strict: 1\n",
        9,
        "option 'strict' must be true or false, not '1'",
    ),
    (
        "option string for a list",
        RULE + "  units: USD\n",
        9,
        "option 'units' must be a list, not 'USD'",
    ),
    (
        "option mapping for a number",
        replace("0.05", "{max: 1}"),
        8,
        "option 'tolerance' must be a number, not a mapping",
    ),
    ("option empty", replace("0.05", ""), 8, "option 'tolerance' must be a number, not null"),
    (
        "option not finite",
        replace("0.05", ".nan"),
        8,
        "option 'tolerance' must be a finite number, not '.nan'",
    ),
    (
        "bad regex, common option",
        RULE + "  metrics: '(trade'\n",
        9,
        "option 'metrics' is not a valid regular expression: missing ), unterminated subpattern at position 0",
    ),
    (
        "bad regex, kind option",
        RULE + "  pattern: '[a-'\n",
        9,
        "option 'pattern' is not a valid regular expression: unterminated character set at position 0",
    ),
    (
        "table option on another kind",
        RULE + "  table: x.csv\n",
        9,
        "unknown option 'table' for a value-conflict rule",
    ),
    (
        "option not one of its choices",
        replace("kind: value-conflict", "kind: timeline")
        .replace("{metric}: sources disagree ({values})", "{event}")
        .replace("tolerance: 0.05", "check: weekdays"),
        8,
        "option 'check' must be one of weekday, future, not 'weekdays'; did you mean 'weekday'?",
    ),
    # examples
    (
        "examples a mapping",
        RULE + "examples: {expect: fail}\n",
        9,
        "examples must be a list, not a mapping",
    ),
    (
        "example a string",
        RULE + "examples: [fail]\n",
        9,
        "an example must be a mapping, not 'fail'",
    ),
    (
        "example bad expect",
        RULE + ARTICLE.replace("expect: fail", "expect: failure"),
        10,
        "expect must be one of pass, fail, not 'failure'",
    ),
    (
        "example no expect",
        RULE + "examples:\n  - articles: [{text: Hi.}]\n",
        10,
        "an example needs 'expect: pass' or 'expect: fail'",
    ),
    (
        "example no articles",
        RULE + "examples:\n  - expect: pass\n",
        10,
        "an example needs at least one article",
    ),
    (
        "example empty articles",
        RULE + "examples:\n  - expect: pass\n    articles: []\n",
        11,
        "an example needs at least one article",
    ),
    (
        "example unknown key",
        RULE + ARTICLE + "    expected: pass\n",
        13,
        "unknown key 'expected' in an example (expected one of: articles, expect); did you mean 'expect'?",
    ),
    (
        "article a string",
        RULE + "examples:\n  - expect: pass\n    articles: [Trade rose.]\n",
        11,
        "an article must be a mapping, not 'Trade rose.'",
    ),
    (
        "article no text",
        RULE + "examples:\n  - expect: pass\n    articles:\n      - published: 2025-05-08\n",
        12,
        "an article needs 'text:'",
    ),
    (
        "article text a number",
        RULE + "examples:\n  - expect: pass\n    articles:\n      - text: 245\n",
        12,
        "text must be a non-empty string, not '245'",
    ),
    (
        "article unknown key",
        RULE + ARTICLE + "        date: 2025-05-08\n",
        13,
        "unknown key 'date' in an article (expected one of: format, id, published, text)",
    ),
    (
        "article bad date",
        RULE + ARTICLE + "        published: May 8, 2025\n",
        13,
        "published must be a date like 2025-05-08, not 'May 8, 2025'",
    ),
    (
        "article month only",
        RULE + ARTICLE + "        published: 2025-05\n",
        13,
        "published must be a date like 2025-05-08, not '2025-05'",
    ),
    (
        "article impossible date",
        RULE + ARTICLE + "        published: '2025-02-30'\n",
        13,
        "published must be a date like 2025-05-08, not '2025-02-30'",
    ),
    (
        "article bad format",
        RULE + ARTICLE + "        format: pdf\n",
        13,
        "format must be one of txt, md, html, not 'pdf'",
    ),
    (
        "article duplicate id",
        RULE + ARTICLE + "      - {id: a, text: Trade fell.}\n",
        13,
        "duplicate article id 'a' (also on line 12)",
    ),
    # the shape of the file
    ("empty file", "", 1, "empty file (expected a rule or 'vocabulary:')"),
    ("only comments", "# nothing yet\n\n", 1, "empty file (expected a rule or 'vocabulary:')"),
    (
        "a list",
        "- code: FC101\n- code: FC102\n",
        1,
        "a rule file must be a mapping (a rule or 'vocabulary:'), not a list",
    ),
    (
        "a string",
        "\nFC101\n",
        2,
        "a rule file must be a mapping (a rule or 'vocabulary:'), not 'FC101'",
    ),
    (
        "two documents",
        RULE + "---\n" + RULE,
        9,
        "invalid YAML: expected a single document in the stream, but found another document",
    ),
    ("non-string key", RULE + "1: one\n", 9, "keys of a rule file must be strings, not 1"),
    # invalid YAML
    (
        "unclosed flow list",
        replace("kind: value-conflict", "kind: [value-conflict\nx: y"),
        4,
        "invalid YAML: expected ',' or ']', but got ':' (while parsing a flow sequence that starts on line 3)",
    ),
    (
        "bad indentation",
        replace("name: value.conflict", " name: value.conflict"),
        2,
        "invalid YAML: mapping values are not allowed here",
    ),
    (
        "tab",
        RULE + "\tstrict: true\n",
        9,
        "invalid YAML: found character '\\t' that cannot start any token",
    ),
    (
        "unclosed quote",
        replace('"{metric}: sources disagree ({values})"', '"{metric}'),
        9,
        "invalid YAML: found unexpected end of stream (while scanning a quoted scalar that starts on line 5)",
    ),
    (
        "python tag",
        RULE + "link: !!python/object/apply:os.system [echo]\n",
        9,
        "invalid YAML: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    (
        "control character",
        replace("Two articles", "Two\x07articles"),
        6,
        "invalid YAML: unacceptable character #x0007: special characters are not allowed",
    ),
    (
        "not UTF-8",
        RULE.encode() + "description: caf\u00e9\n".encode("latin-1"),
        9,
        "not UTF-8 text",
    ),
    # vocabulary files
    (
        "vocabulary with a rule",
        "vocabulary:\n  events: [flood]\ncode: FC101\n",
        3,
        "unexpected key 'code' in a vocabulary file (it holds only 'vocabulary:'; put each rule in a file of its own)",
    ),
    (
        "vocabulary misspelt",
        "vocabulary:\n  synonym: [[a, b]]\n",
        2,
        "unknown vocabulary key 'synonym' (expected one of: cumulative, events, metrics, rates, synonyms); did you mean 'synonyms'?",
    ),
    (
        "vocabulary misspelt at the top",
        "vocabularies:\n  events: [flood]\n",
        1,
        f"unknown key 'vocabularies' (expected one of: {RULE_KEYS}); did you mean 'vocabulary'?",
    ),
    ("vocabulary empty", "vocabulary:\n", 1, "vocabulary must be a mapping, not null"),
    ("vocabulary a list", "vocabulary: [a, b]\n", 1, "vocabulary must be a mapping, not a list"),
    (
        "synonyms not nested",
        "vocabulary:\n  synonyms: [a, b]\n",
        2,
        "a synonym group must be a list, not 'a'",
    ),
    (
        "synonym group of one",
        "vocabulary:\n  synonyms:\n    - [a, b]\n    - [c]\n",
        4,
        "a synonym group needs at least two words",
    ),
    (
        "synonym not a string",
        "vocabulary:\n  synonyms:\n    - [a, 3]\n",
        3,
        "each word of a synonym group must be a non-empty string, not '3'",
    ),
    (
        "metrics a list",
        "vocabulary:\n  metrics: [gdp]\n",
        2,
        "metrics must be a mapping, not a list",
    ),
    (
        "metric without phrases",
        "vocabulary:\n  metrics:\n    gdp: []\n",
        3,
        "metric 'gdp' needs at least one phrase",
    ),
    ("events a string", "vocabulary:\n  events: flood\n", 2, "events must be a list, not 'flood'"),
    (
        "rate not a pair",
        "vocabulary:\n  rates:\n    EURUSD: 1.08\n",
        3,
        "rate 'EURUSD' must name two currencies, like EUR/USD",
    ),
    (
        "rate of a currency to itself",
        "vocabulary:\n  rates:\n    USD/usd: 1\n",
        3,
        "rate 'USD/usd' must name two currencies",
    ),
    (
        "rate not a number",
        "vocabulary:\n  rates:\n    EUR/USD: abc\n",
        3,
        "rate EUR/USD must be a positive number, not 'abc'",
    ),
    (
        "rate not positive",
        "vocabulary:\n  rates:\n    EUR/USD: 0\n",
        3,
        "rate EUR/USD must be a positive number, not '0'",
    ),
]


@pytest.mark.parametrize(
    ("text", "line", "message"), [c[1:] for c in ERRORS], ids=[c[0] for c in ERRORS]
)
def test_errors_name_file_and_line(
    tmp_path: Path, text: str | bytes, line: int, message: str
) -> None:
    path = write(tmp_path, "x.yaml", text)
    error = error_of(tmp_path)
    assert str(error).startswith(f"{path}:{line}: {message}")
    assert (error.path, error.line) == (str(path), line)
    # the same error when the file is loaded on its own
    with pytest.raises(RuleFileError) as info:
        load_rule_file(path, kinds=KINDS)
    assert str(info.value) == str(error)


def test_error_key(tmp_path: Path) -> None:
    write(tmp_path, "x.yaml", replace("0.05", "abc"))
    assert error_of(tmp_path).key == "options.tolerance"


def test_an_error_in_one_file_loads_nothing(tmp_path: Path) -> None:
    write(tmp_path, "a.yaml", RULE)
    write(
        tmp_path, "z.yaml", RULE.replace("FC101", "FC102").replace("level: error", "level: fatal")
    )
    path = tmp_path / "z.yaml"
    assert str(error_of(tmp_path)).startswith(f"{path}:4: level must be one of")


# ------------------------------------------------------------------ errors across files


def test_duplicate_code_in_one_folder(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", RULE)
    second = write(
        tmp_path,
        "b.yaml",
        "# the same code again\n" + RULE.replace("value.conflict", "value.other"),
    )
    error = error_of(tmp_path)
    assert str(error) == f"{second}:2: duplicate code FC101 (also in {first}:1)"


def test_duplicate_code_in_the_user_folder(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    first = write(user, "a.yaml", "code: FC101\nlevel: info\n")
    second = write(user, "b.yaml", "code: FC101\nlevel: warning\n")
    assert str(error_of(builtin, user)) == f"{second}:1: duplicate code FC101 (also in {first}:1)"


def test_duplicate_name(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    mine = write(user, "mine.yaml", RULE.replace("FC101", "XY001"))
    error = error_of(builtin, user)
    assert str(error) == (
        f"{mine}:2: name value.conflict is already used by FC101 ({builtin / 'fc101.yaml'}:1)"
    )


def test_override_checks_required_keys_after_merging(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    path = write(user, "new.yaml", "code: XY001\nlevel: warning\n")  # not a built-in code
    assert str(error_of(builtin, user)).startswith(
        f"{path}:1: missing required keys name, kind, message, description"
    )


def test_override_cannot_change_the_kind(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    path = write(user, "mine.yaml", "code: FC101\nkind: timeline\n")
    assert str(error_of(builtin, user)).startswith(
        f"{path}:2: FC101 is a built-in value-conflict rule ({builtin / 'fc101.yaml'}:1);"
        " an override cannot change its kind"
    )


def test_override_errors_point_at_the_user_file(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    path = write(user, "mine.yaml", "code: FC101\noptions:\n  tolerance: lots\n")
    assert str(error_of(builtin, user)).startswith(
        f"{path}:3: option 'tolerance' must be a number, not 'lots'"
    )


def test_override_message_checked_against_the_builtin_kind(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    path = write(user, "mine.yaml", "code: FC101\nmessage: '{metric} on {event}'\n")
    assert str(error_of(builtin, user)).startswith(
        f"{path}:2: message field {{event}} is not one of"
    )


def test_user_dir_that_does_not_exist(tmp_path: Path) -> None:
    write(tmp_path / "builtin", "fc101.yaml", RULE)
    missing = tmp_path / "nowhere"
    assert str(error_of(tmp_path / "builtin", missing)) == f"{missing}: no such rules folder"


def test_user_dir_given_as_a_string(tmp_path: Path) -> None:
    builtin, user = folders(tmp_path)
    write(user, "off.yaml", "code: FC101\nenabled: false\n")
    ruleset = load_rules(str(user), kinds=KINDS, builtin_dir=builtin)
    assert ruleset.enabled() == ()


def test_user_dir_that_is_a_file(tmp_path: Path) -> None:
    builtin, _ = folders(tmp_path)
    path = write(tmp_path, "rules.yaml", RULE)
    assert str(error_of(builtin, path)) == f"{path}: not a folder"


# ------------------------------------------------------------------ never a traceback

VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | st.dates(),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
KEYS = st.sampled_from(
    ["code", "name", "kind", "level", "message", "description", "options", "examples", "enabled",
     "link", "lifecycle", "vocabulary", "tolerance", "expect", "articles", "text", "published"]
)  # fmt: skip
VALID = yaml.safe_load(RULE)


YAML_PIECES = [*":-[]{}#&*!|>'\"%@` \n\tab01.,", "code: ", "FC101", "---", "<<", "\n  - "]


def loads_or_raises_rule_file_error(folder: Path, text: str) -> None:
    path = write(folder, "x.yaml", text)
    message = ""
    try:
        result = load_rule_file(path, kinds=KINDS)
    except RuleFileError as error:
        message = str(error)
    else:
        assert isinstance(result, Rule | Vocabulary)
        return
    assert message.startswith(f"{path}:")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.lists(
        st.sampled_from(YAML_PIECES) | st.characters(blacklist_categories=("Cs",)), max_size=40
    ).map("".join)
)
def test_any_text_is_a_rule_or_a_rule_file_error(tmp_path: Path, text: str) -> None:
    loads_or_raises_rule_file_error(tmp_path, text)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=st.dictionaries(KEYS, VALUES, max_size=4))
def test_any_mapping_is_a_rule_or_a_rule_file_error(
    tmp_path: Path, changes: dict[str, Any]
) -> None:
    loads_or_raises_rule_file_error(tmp_path, yaml.safe_dump({**VALID, **changes}))
