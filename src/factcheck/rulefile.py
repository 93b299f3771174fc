"""Load and validate rule files: ``rules/*.yaml`` to a :class:`RuleSet`.

A rules folder holds ``*.yaml`` / ``*.yml`` files (not recursive, read in name
order; names starting with ``.`` or ``_`` are skipped). Each file is ONE of:

a rule::

    code: FC101                  # two to four capitals and three digits
    name: value.conflict         # dotted lower case, stable
    kind: value-conflict         # one of the rule kinds (factcheck.kinds)
    level: error                 # error | warning | info
    message: "{metric}: sources disagree ({values})"   # named fields only
    description: Two articles give different figures for the same measure.
    options: {tolerance: 0.05}   # checked against the kind's options
    examples:
      - expect: fail
        articles:
          - {text: "Trade reached $245 billion.", published: 2025-05-08}
          - {id: other, text: "Trade reached $120 billion.", format: md}
    enabled: true                # optional
    link: https://...            # optional
    lifecycle: stable            # stable | preview | deprecated

or a vocabulary::

    vocabulary:
      synonyms: [[deaths, fatalities, killed]]
      metrics: {trade.bilateral: [bilateral trade, two-way trade]}
      events: [earthquake]
      cumulative: [toll]
      rates: {EUR/USD: 1.08}

:func:`load_rules` reads the built-in folder, then the user's folder. A user
rule with the code of a built-in rule overrides it key by key (``options`` key
by key as well, ``examples`` as a whole), so ``{code: FC101, enabled: false}``
turns a built-in rule off. Required keys are checked after that merge.

Every problem is a :class:`~factcheck.errors.RuleFileError` naming the file
and the 1-based line of the offending key or value; nothing is half-loaded.
Values are read with ``yaml.safe_load`` semantics; lines come from the composed
node tree.
"""

from __future__ import annotations

import copy
import csv
import datetime
import difflib
import io
import math
import re
import string
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.reader import ReaderError

from factcheck.errors import RuleFileError
from factcheck.kinds import COMMON_FIELDS, COMMON_OPTIONS, KindSpec, OptionSpec, registry
from factcheck.ruledata import (
    EXAMPLE_FORMATS,
    EXPECTS,
    LIFECYCLES,
    RULE_LEVELS,
    Example,
    ExampleArticle,
    ExampleFormat,
    Expect,
    ReferenceRow,
    Rule,
    RuleSet,
    Vocabulary,
    join_groups,
)

_CODE = re.compile(r"[A-Z]{2,4}[0-9]{3}")
_NAME = re.compile(r"[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+")
_RATE = re.compile(r"\s*([A-Za-z]{3})\s*/\s*([A-Za-z]{3})\s*")
_NUMBER = re.compile(r"[+-]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")
#: printf-style placeholders (``%s``, ``%(name)s``, ``%.2f``); not "50% of"
_PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0+]*[0-9]*(?:\.[0-9]+)?[sdirf]")

_REQUIRED = ("code", "name", "kind", "level", "message", "description")
_RULE_KEYS = (*_REQUIRED, "options", "examples", "enabled", "link", "lifecycle")
_EXAMPLE_KEYS = ("expect", "articles")
_ARTICLE_KEYS = ("text", "published", "id", "format")
_VOCABULARY_KEYS = ("synonyms", "metrics", "events", "cumulative", "rates")
_TABLE_OPTION = "table"
_TABLE_COLUMNS = ("metric", "period", "value", "unit", "source", "note")
_TABLE_REQUIRED = ("metric", "period", "value", "unit", "source")

_TYPE_NAMES: dict[type, str] = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    str: "a string",
    list: "a list",
    tuple: "a list",
    dict: "a mapping",
    type(None): "null",
    datetime.date: "a date",
}

__all__ = [
    "BUILTIN_DIR",
    "Example",
    "ExampleArticle",
    "ReferenceRow",
    "Rule",
    "RuleSet",
    "Vocabulary",
    "load_rule_file",
    "load_rules",
]

#: the rules shipped with factcheck (package data)
BUILTIN_DIR: Path = Path(__file__).parent / "rules"

# ------------------------------------------------------------------ loading


def load_rules(
    user_dir: str | Path | None,
    *,
    kinds: Mapping[str, KindSpec] | None = None,
    builtin_dir: Path | None = None,
) -> RuleSet:
    """The built-in rules (``builtin_dir``, default :data:`BUILTIN_DIR`) with the user's.

    ``user_dir`` None means no user rules; a folder that does not exist is an
    error. ``kinds`` defaults to :func:`factcheck.kinds.registry`.
    """
    specs = registry() if kinds is None else kinds
    builtin, vocabulary = _load_folder(BUILTIN_DIR if builtin_dir is None else builtin_dir, specs)
    drafts = {draft.code: draft for draft in builtin}
    if user_dir is not None:
        user, user_vocabulary = _load_folder(Path(user_dir), specs)
        for draft in user:
            base = drafts.get(draft.code)
            drafts[draft.code] = draft if base is None else _override(base, draft)
        vocabulary = vocabulary.merged(user_vocabulary)
    # validate in reading order (built-ins first) so the first error is the first met
    finished = [(draft, _finish(draft, specs)) for draft in drafts.values()]
    _check_names([draft for draft, _ in finished])
    finished.sort(key=lambda pair: pair[1].code)
    references = [row for draft, rule in finished for row in _references(draft, rule, specs)]
    return RuleSet(
        rules=tuple(rule for _, rule in finished),
        vocabulary=vocabulary,
        references=tuple(references),
    )


def load_rule_file(
    path: str | Path, *, kinds: Mapping[str, KindSpec] | None = None
) -> Rule | Vocabulary:
    """One rule or vocabulary file, validated on its own (a rule must be complete).

    A reference rule's table is read too, so that its errors show; its rows are
    only kept by :func:`load_rules`.
    """
    specs = registry() if kinds is None else kinds
    item = _parse_file(Path(path), specs)
    if item is None:
        raise RuleFileError(str(path), "a review decisions file, not a rule (see factcheck review)")
    if isinstance(item, Vocabulary):
        return item
    rule = _finish(item, specs)
    _references(item, rule, specs)
    return rule


# ------------------------------------------------------------------ YAML with lines


def _read_text(path: Path, shown: str) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RuleFileError(shown, f"cannot read file: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise RuleFileError(shown, "not UTF-8 text", line=line) from exc


def _shown(node: Node, value: Any) -> str:
    """How a value looked in the file, for "must be X, not Y" messages."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    if value is None:
        return "null"
    return repr(str(node.value))


def _unknown(
    what: str, name: str, expected: Iterable[str], also: Iterable[str] = (), where: str = ""
) -> str:
    """``unknown key 'x' (expected one of: ...); did you mean 'y'?``"""
    choices = sorted(expected)
    message = f"unknown {what} {name!r}{where} (expected one of: {', '.join(choices)})"
    close = difflib.get_close_matches(name, [*choices, *also], n=1)
    if close:
        message += f"; did you mean {close[0]!r}?"
    return message


def _bad_scalar_line(root: Node) -> int | None:
    """The line of the first timestamp-looking value that is not a real date."""
    loader = yaml.SafeLoader("")
    stack: list[Node] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
            try:
                loader.construct_yaml_timestamp(node)
            except ValueError:
                return int(node.start_mark.line) + 1
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                stack.extend((value, key))
    return None


class _File:
    """One YAML file: its node tree (for lines) and values built from it (safe_load)."""

    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.dir = path.parent
        text = _read_text(path, self.path)
        try:
            self._loader = yaml.SafeLoader(text)
        except ReaderError as exc:
            line = text.count("\n", 0, exc.position or 0) + 1
            char: Any = exc.character  # an int (the stubs say str)
            number = char if isinstance(char, int) else ord(char)
            problem = f"unacceptable character #x{number:04x}: {exc.reason}"
            raise RuleFileError(self.path, f"invalid YAML: {problem}", line=line) from exc
        try:
            self.root: Node | None = self._loader.get_single_node()
            if self.root is not None:
                self._check_duplicates(self.root, set())
                # build every value once: unknown tags and bad keys fail here, with a line
                self._loader.construct_document(self.root)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "not valid YAML"
            if exc.context and exc.problem:
                context = exc.context
                start = exc.context_mark
                if context.startswith("while ") and start is not None and start is not mark:
                    context += f" that starts on line {start.line + 1}"
                if exc.problem.startswith("but "):
                    problem = f"{context}, {exc.problem}"
                else:
                    problem = f"{exc.problem} ({context})"
            where = mark.line + 1 if mark is not None else None
            raise RuleFileError(self.path, f"invalid YAML: {problem}", line=where) from exc
        except yaml.YAMLError as exc:
            raise RuleFileError(self.path, f"invalid YAML: {exc}") from exc
        except (ValueError, RecursionError) as exc:  # an impossible date such as 2025-02-30
            bad = _bad_scalar_line(self.root) if self.root is not None else None
            raise RuleFileError(self.path, f"invalid value: {exc}", line=bad) from exc
        finally:
            self._loader.dispose()

    def _check_duplicates(self, node: Node, seen: set[int]) -> None:
        """No mapping may give the same key twice (safe_load keeps the last, silently)."""
        if id(node) in seen:  # an alias: checked where its anchor is
            return
        seen.add(id(node))
        if isinstance(node, SequenceNode):
            for item in node.value:
                self._check_duplicates(item, seen)
        elif isinstance(node, MappingNode):
            lines: dict[tuple[str, str], int] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
                    key = (key_node.tag, key_node.value)
                    if key in lines:
                        message = f"duplicate key {key_node.value!r} (first on line {lines[key]})"
                        raise self.fail(key_node, message, key_node.value)
                    lines[key] = self.line(key_node)
                self._check_duplicates(key_node, seen)
                self._check_duplicates(value_node, seen)

    @staticmethod
    def line(node: Node) -> int:
        return int(node.start_mark.line) + 1

    def fail(self, node: Node, message: str, key: str | None = None) -> RuleFileError:
        return RuleFileError(self.path, message, line=self.line(node), key=key)

    def value(self, node: Node) -> Any:
        return self._loader.construct_object(node, deep=True)

    def at(self, node: Node, value: Any, key_node: Node | None = None) -> _At:
        line = self.line(node)
        key_line = self.line(key_node) if key_node is not None else line
        return _At(value, self.path, line, key_line, _shown(node, value), self.dir)

    def pairs(self, node: Node, what: str) -> dict[str, tuple[Node, Node]]:
        """A mapping's entries by key: (key node, value node); keys must be strings."""
        if not isinstance(node, MappingNode):
            raise self.fail(node, f"{what} must be a mapping, not {_shown(node, self.value(node))}")
        out: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:  # merge keys (<<) come first: later keys win
            key = self.value(key_node)
            if not isinstance(key, str):
                raise self.fail(key_node, f"keys of {what} must be strings, not {key!r}")
            out[key] = (key_node, value_node)
        return out

    def items(self, node: Node, what: str) -> list[Node]:
        """A list's item nodes; null is an empty list."""
        if isinstance(node, ScalarNode) and self.value(node) is None:
            return []
        if not isinstance(node, SequenceNode):
            raise self.fail(node, f"{what} must be a list, not {_shown(node, self.value(node))}")
        return list(node.value)

    def string(self, node: Node, what: str, *, empty: bool = False) -> str:
        value = self.value(node)
        if not isinstance(value, str) or (not empty and not value.strip()):
            shown = "empty" if isinstance(value, str) else _shown(node, value)
            key = what if what.isidentifier() else None
            raise self.fail(node, f"{what} must be a non-empty string, not {shown}", key)
        return value

    def choice(self, node: Node, what: str, choices: tuple[str, ...]) -> str:
        value = self.value(node)
        if value not in choices:
            shown = _shown(node, value)
            raise self.fail(node, f"{what} must be one of {', '.join(choices)}, not {shown}", what)
        return cast(str, value)


@dataclass(frozen=True, slots=True)
class _At:
    """A value from a rule file, with where it came from."""

    value: Any
    path: str
    line: int
    key_line: int
    shown: str
    dir: Path

    def error(self, message: str, key: str | None = None, *, at_key: bool = False) -> RuleFileError:
        return RuleFileError(
            self.path, message, line=self.key_line if at_key else self.line, key=key
        )


@dataclass(frozen=True, slots=True)
class _Draft:
    """A rule as one file (or a built-in and its override) gives it, before the kind's checks."""

    code: str
    path: str
    line: int
    keys: Mapping[str, _At]
    options: Mapping[str, _At]
    examples: tuple[Example, ...] | None


# ------------------------------------------------------------------ parsing one file


def _parse_file(path: Path, kinds: Mapping[str, KindSpec]) -> _Draft | Vocabulary | None:
    f = _File(path)
    root = f.root
    if root is None or (isinstance(root, ScalarNode) and f.value(root) is None):
        raise RuleFileError(f.path, "empty file (expected a rule or 'vocabulary:')", line=1)
    if not isinstance(root, MappingNode):
        shown = _shown(root, f.value(root))
        raise f.fail(root, f"a rule file must be a mapping (a rule or 'vocabulary:'), not {shown}")
    pairs = f.pairs(root, "a rule file")
    if set(pairs) == {"reviews"}:
        return None  # review decisions live beside the rules; factcheck.review reads them
    if "vocabulary" in pairs:
        for key, (key_node, _) in pairs.items():
            if key != "vocabulary":
                raise f.fail(
                    key_node,
                    f"unexpected key {key!r} in a vocabulary file"
                    " (it holds only 'vocabulary:'; put each rule in a file of its own)",
                    key,
                )
        return _parse_vocabulary(f, pairs["vocabulary"][1])
    return _parse_rule(f, root, pairs, kinds)


def _parse_rule(
    f: _File, root: Node, pairs: dict[str, tuple[Node, Node]], kinds: Mapping[str, KindSpec]
) -> _Draft:
    option_names = {name for spec in kinds.values() for name in spec.options} | set(COMMON_OPTIONS)
    keys: dict[str, _At] = {}
    options: dict[str, _At] = {}
    examples: tuple[Example, ...] | None = None
    for key, (key_node, node) in pairs.items():
        if key not in _RULE_KEYS:
            message = _unknown("key", key, _RULE_KEYS, also=("vocabulary",))
            close = difflib.get_close_matches(key, sorted(option_names), n=1)
            if key in option_names:
                message += f"; {key!r} is an option: put it under 'options:'"
            elif "did you mean" not in message and close:
                message += f"; did you mean {close[0]!r} under 'options:'?"
            raise f.fail(key_node, message, key)
        if key == "options":
            options = _parse_options(f, node)
        elif key == "examples":
            examples = _parse_examples(f, node)
        else:
            keys[key] = f.at(node, _rule_value(f, key, node, kinds), key_node)
    if "code" not in keys:
        raise f.fail(root, "missing required key code", "code")
    return _Draft(keys["code"].value, f.path, f.line(root), keys, options, examples)


def _rule_value(f: _File, key: str, node: Node, kinds: Mapping[str, KindSpec]) -> Any:
    """A top-level rule value, checked as far as it can be without the kind."""
    if key == "code":
        code = f.value(node)
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            shown = _shown(node, code)
            raise f.fail(
                node, f"code must be 2 to 4 capitals and 3 digits, like FC101, not {shown}", key
            )
        return code
    if key == "name":
        name = f.value(node)
        if not isinstance(name, str) or not _NAME.fullmatch(name):
            shown = _shown(node, name)
            raise f.fail(
                node,
                f"name must be lower-case words joined by dots, like value.conflict, not {shown}",
                key,
            )
        return name
    if key == "kind":
        kind = f.string(node, key)
        if kind not in kinds:
            raise f.fail(node, _unknown("kind", kind, kinds), key)
        return kind
    if key == "level":
        return f.choice(node, key, RULE_LEVELS)
    if key == "lifecycle":
        return f.choice(node, key, LIFECYCLES)
    if key == "enabled":
        enabled = f.value(node)
        if not isinstance(enabled, bool):
            raise f.fail(node, f"enabled must be true or false, not {_shown(node, enabled)}", key)
        return enabled
    if key == "link":
        return None if f.value(node) is None else f.string(node, key)
    # message, description: their fields are checked once the kind is known
    return f.string(node, key)


def _parse_options(f: _File, node: Node) -> dict[str, _At]:
    if isinstance(node, ScalarNode) and f.value(node) is None:
        return {}
    return {
        name: f.at(value_node, f.value(value_node), key_node)
        for name, (key_node, value_node) in f.pairs(node, "options").items()
    }


def _parse_examples(f: _File, node: Node) -> tuple[Example, ...]:
    examples: list[Example] = []
    for item in f.items(node, "examples"):
        expect: str | None = None
        articles: list[ExampleArticle] = []
        pairs = f.pairs(item, "an example")
        for key, (key_node, value_node) in pairs.items():
            if key not in _EXAMPLE_KEYS:
                message = _unknown("key", key, _EXAMPLE_KEYS, where=" in an example")
                raise f.fail(key_node, message, key)
            if key == "expect":
                expect = f.choice(value_node, "expect", EXPECTS)
            else:
                articles = _parse_articles(f, value_node)
        if expect is None:
            raise f.fail(item, "an example needs 'expect: pass' or 'expect: fail'", "expect")
        if not articles:
            where = pairs["articles"][1] if "articles" in pairs else item
            raise f.fail(where, "an example needs at least one article", "articles")
        examples.append(Example(cast(Expect, expect), tuple(articles), f.line(item)))
    return tuple(examples)


def _parse_articles(f: _File, node: Node) -> list[ExampleArticle]:
    articles: list[ExampleArticle] = []
    seen: dict[str, int] = {}
    for position, item in enumerate(f.items(node, "articles")):
        pairs = f.pairs(item, "an article")
        for key, (key_node, _) in pairs.items():
            if key not in _ARTICLE_KEYS:
                message = _unknown("key", key, _ARTICLE_KEYS, where=" in an article")
                raise f.fail(key_node, message, key)
        if "text" not in pairs:
            raise f.fail(item, "an article needs 'text:'", "text")
        text = f.string(pairs["text"][1], "text")
        article_id = _position_id(position)
        if "id" in pairs:
            id_node = pairs["id"][1]
            article_id = f.string(id_node, "id").strip()
            if article_id in seen:
                raise f.fail(
                    id_node,
                    f"duplicate article id {article_id!r} (also on line {seen[article_id]})",
                )
        seen[article_id] = f.line(item)
        published = _published(f, pairs["published"][1]) if "published" in pairs else None
        fmt = (
            f.choice(pairs["format"][1], "format", EXAMPLE_FORMATS) if "format" in pairs else "txt"
        )
        articles.append(ExampleArticle(article_id, text, published, cast(ExampleFormat, fmt)))
    return articles


def _position_id(index: int) -> str:
    """``a``, ``b``, ... ``z``, ``aa``, ``ab``... for positions 0, 1, ...

    >>> [_position_id(i) for i in (0, 1, 25, 26, 27)]
    ['a', 'b', 'z', 'aa', 'ab']
    """
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _published(f: _File, node: Node) -> datetime.date | None:
    value = f.value(node)
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            try:
                return datetime.datetime.fromisoformat(text).date()
            except ValueError:
                pass
    raise f.fail(
        node, f"published must be a date like 2025-05-08, not {_shown(node, value)}", "published"
    )


def _words(f: _File, node: Node, what: str) -> list[str]:
    """A list of words or phrases, lower case, spaces collapsed."""
    words: list[str] = []
    for item in f.items(node, what):
        word = " ".join(f.string(item, f"each word of {what}").split()).lower()
        if word not in words:
            words.append(word)
    return words


def _parse_vocabulary(f: _File, node: Node) -> Vocabulary:
    synonyms: tuple[frozenset[str], ...] = ()
    names: dict[str, str] = {}
    metrics: dict[str, tuple[str, ...]] = {}
    sets: dict[str, frozenset[str]] = {"events": frozenset(), "cumulative": frozenset()}
    rates: dict[tuple[str, str], float] = {}
    for key, (key_node, value_node) in f.pairs(node, "vocabulary").items():
        if key not in _VOCABULARY_KEYS:
            raise f.fail(key_node, _unknown("vocabulary key", key, _VOCABULARY_KEYS), key)
        if key == "synonyms":
            groups: list[frozenset[str]] = []
            for group_node in f.items(value_node, "synonyms"):
                group = _words(f, group_node, "a synonym group")
                if len(group) < 2:
                    raise f.fail(group_node, "a synonym group needs at least two words", key)
                groups.append(frozenset(group))
                for word in group:
                    names.setdefault(word, group[0])  # the first word listed names the group
            synonyms = join_groups(groups)
        elif key == "metrics":
            for name, (name_node, phrases_node) in f.pairs(value_node, "metrics").items():
                if not name.strip():
                    raise f.fail(name_node, "a metric needs a name", key)
                phrases = _words(f, phrases_node, f"metric {name!r}")
                if not phrases:
                    raise f.fail(name_node, f"metric {name!r} needs at least one phrase", key)
                metrics[name.strip()] = tuple(phrases)
        elif key == "rates":
            for pair, (pair_node, rate_node) in f.pairs(value_node, "rates").items():
                match = _RATE.fullmatch(pair)
                if match is None or match[1].upper() == match[2].upper():
                    raise f.fail(
                        pair_node, f"rate {pair!r} must name two currencies, like EUR/USD", key
                    )
                rate = f.value(rate_node)
                number = _finite(rate)
                if number is None or number <= 0:
                    shown = _shown(rate_node, rate)
                    raise f.fail(rate_node, f"rate {pair} must be a positive number, not {shown}")
                rates[(match[1].upper(), match[2].upper())] = number
        else:
            sets[key] = frozenset(_words(f, value_node, key))
    return Vocabulary(
        synonyms=synonyms,
        names=names,
        metrics=metrics,
        events=sets["events"],
        cumulative=sets["cumulative"],
        rates=rates,
    )


def _finite(value: Any) -> float | None:
    """``value`` as a finite float, if it is a number (bool is not)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


# ------------------------------------------------------------------ folders and merging


def _rule_files(folder: Path) -> list[Path]:
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise RuleFileError(str(folder), f"cannot read folder: {exc.strerror or exc}") from exc
    return sorted(
        (
            path
            for path in entries
            if path.suffix.lower() in (".yaml", ".yml")
            and not path.name.startswith((".", "_"))
            and path.is_file()
        ),
        key=lambda path: path.name,
    )


def _load_folder(folder: Path, kinds: Mapping[str, KindSpec]) -> tuple[list[_Draft], Vocabulary]:
    if not folder.exists():
        raise RuleFileError(str(folder), "no such rules folder")
    if not folder.is_dir():
        raise RuleFileError(str(folder), "not a folder")
    drafts: dict[str, _Draft] = {}
    vocabulary = Vocabulary()
    for path in _rule_files(folder):
        item = _parse_file(path, kinds)
        if item is None:
            continue
        if isinstance(item, Vocabulary):
            vocabulary = vocabulary.merged(item)
            continue
        first = drafts.get(item.code)
        if first is not None:
            code = item.keys["code"]
            also = f"{first.path}:{first.keys['code'].line}"
            raise code.error(f"duplicate code {item.code} (also in {also})", "code")
        drafts[item.code] = item
    return list(drafts.values()), vocabulary


def _override(base: _Draft, user: _Draft) -> _Draft:
    """A built-in rule changed by a user file with the same code."""
    kind = user.keys.get("kind")
    base_kind = base.keys.get("kind")
    if kind is not None and base_kind is not None and kind.value != base_kind.value:
        raise kind.error(
            f"{user.code} is a built-in {base_kind.value} rule ({base.path}:{base.line});"
            " an override cannot change its kind: give your rule a new code",
            "kind",
        )
    return _Draft(
        code=user.code,
        path=user.path,
        line=user.line,
        keys={**base.keys, **user.keys},
        options={**base.options, **user.options},
        examples=user.examples if user.examples is not None else base.examples,
    )


def _check_names(drafts: list[_Draft]) -> None:
    seen: dict[str, _Draft] = {}
    for draft in drafts:
        name = draft.keys["name"]
        first = seen.get(name.value)
        if first is not None:
            raise name.error(
                f"name {name.value} is already used by {first.code} ({first.path}:{first.line})",
                "name",
            )
        seen[name.value] = draft


# ------------------------------------------------------------------ checks that need the kind


def _finish(draft: _Draft, kinds: Mapping[str, KindSpec]) -> Rule:
    missing = [key for key in _REQUIRED if key not in draft.keys]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise RuleFileError(
            draft.path,
            f"missing required key{plural} {', '.join(missing)}"
            f" (a rule needs {', '.join(_REQUIRED)})",
            line=draft.line,
            key=missing[0],
        )
    keys = draft.keys
    spec = kinds[keys["kind"].value]
    _check_message(keys["message"], spec.fields | COMMON_FIELDS)
    allowed: dict[str, OptionSpec] = {**COMMON_OPTIONS, **spec.options}
    given: dict[str, Any] = {}
    for name, at in draft.options.items():
        option = allowed.get(name)
        if option is None:
            message = _unknown("option", name, allowed, where=f" for a {spec.name} rule")
            raise at.error(message, f"options.{name}", at_key=True)
        given[name] = _option_value(name, option, at)
    options = {
        name: given[name] if name in given else copy.deepcopy(option.default)
        for name, option in allowed.items()
    }
    return Rule(
        code=draft.code,
        name=keys["name"].value,
        kind=spec.name,
        level=keys["level"].value,
        message=keys["message"].value,
        description=keys["description"].value,
        options=options,
        examples=draft.examples or (),
        enabled=keys["enabled"].value if "enabled" in keys else True,
        link=keys["link"].value if "link" in keys else None,
        lifecycle=keys["lifecycle"].value if "lifecycle" in keys else "stable",
        path=draft.path,
        line=draft.line,
    )


def _check_message(at: _At, fields: frozenset[str]) -> None:
    """A ``str.format`` template using only named, plain fields the kind provides."""
    text: str = at.value
    printf = _PRINTF.search(text)
    if printf:
        raise at.error(
            f"message uses {printf[0]!r}: write named fields like {{metric}} instead", "message"
        )
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise at.error(
            f"message is not a valid template: {exc} (write {{{{ and }}}} for literal braces)",
            "message",
        ) from exc
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name == "" or name[0].isdigit():
            raise at.error(
                f"message field {{{name}}} is positional: name it, like {{metric}}", "message"
            )
        if not name.isidentifier():
            raise at.error(
                f"message field {{{name}}} must be a plain name (no '.' or '[')", "message"
            )
        if name not in fields:
            message = f"message field {{{name}}} is not one of: {', '.join(sorted(fields))}"
            close = difflib.get_close_matches(name, sorted(fields), n=1)
            if close:
                message += f"; did you mean {{{close[0]}}}?"
            raise at.error(message, "message")
        if spec and "{" in spec:
            raise at.error(f"message field {{{name}}} has a nested field in its format", "message")
        if conversion not in (None, "r", "s", "a"):
            raise at.error(f"message field {{{name}}} has an unknown conversion !{conversion}")


def _conform(value: Any, types: tuple[type, ...]) -> tuple[bool, Any]:
    """Whether ``value`` is of one of ``types`` (bool is not an int), and the value to keep."""
    if isinstance(value, bool):
        return bool in types or object in types, value
    if isinstance(value, int) and float in types and int not in types:
        number = _finite(value)
        return number is not None, number
    if isinstance(value, list) and tuple in types and list not in types:
        return True, tuple(value)
    return isinstance(value, types), value


def _type_names(types: tuple[type, ...]) -> str:
    names: list[str] = []
    for kind in types:
        if kind is int and float in types:
            continue
        name = _TYPE_NAMES.get(kind, f"a {kind.__name__}")
        if name not in names:
            names.append(name)
    return " or ".join(names)


def _option_value(name: str, option: OptionSpec, at: _At) -> Any:
    ok, value = _conform(at.value, option.types)
    key = f"options.{name}"
    if not ok:
        raise at.error(f"option {name!r} must be {_type_names(option.types)}, not {at.shown}", key)
    if isinstance(value, float) and _finite(value) is None:
        raise at.error(f"option {name!r} must be a finite number, not {at.shown}", key)
    if option.choices and value not in option.choices:
        message = f"option {name!r} must be one of {', '.join(option.choices)}, not {at.shown}"
        close = difflib.get_close_matches(str(value), option.choices, n=1)
        if close:
            message += f"; did you mean {close[0]!r}?"
        raise at.error(message, key)
    if option.regex and isinstance(value, str):
        try:
            re.compile(value)
        except re.error as exc:
            where = f" at position {exc.pos}" if exc.pos is not None else ""
            raise at.error(
                f"option {name!r} is not a valid regular expression: {exc.msg}{where}", key
            ) from exc
    return value


# ------------------------------------------------------------------ reference tables


def _references(draft: _Draft, rule: Rule, kinds: Mapping[str, KindSpec]) -> list[ReferenceRow]:
    """The rows of a rule's ``table`` option (a CSV next to the file that set it)."""
    if _TABLE_OPTION not in kinds[rule.kind].options:
        return []
    table = rule.options.get(_TABLE_OPTION)
    if not isinstance(table, str) or not table.strip():
        return []
    at = draft.options.get(_TABLE_OPTION)
    folder = at.dir if at is not None else Path(draft.path).parent
    path = folder / table.strip()
    if not path.is_file():
        message = f"option 'table': no such file {str(path)!r}"
        if at is None:
            raise RuleFileError(draft.path, message, line=draft.line, key="options.table")
        raise at.error(message, "options.table")
    return _read_table(path, rule.code)


def _read_table(path: Path, rule: str) -> list[ReferenceRow]:
    shown = str(path)
    text = _read_text(path, shown)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[ReferenceRow] = []
    columns: list[str] | None = None
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise RuleFileError(shown, f"not valid CSV: {exc}", line=line) from exc
        if not any(cell.strip() for cell in record):
            continue
        if columns is None:
            columns = _table_header(record, shown, line)
            continue
        if len(record) != len(columns):
            raise RuleFileError(
                shown,
                f"expected {len(columns)} fields ({','.join(columns)}), found {len(record)}",
                line=line,
            )
        cells = {column: cell.strip() for column, cell in zip(columns, record, strict=True)}
        for column in ("metric", "value", "source"):
            if not cells[column]:
                raise RuleFileError(shown, f"{column} is empty", line=line, key=column)
        if not _NUMBER.fullmatch(cells["value"]):
            raise RuleFileError(
                shown,
                f"value must be a number like 245000000000 or 245,000,000,000,"
                f" not {cells['value']!r}",
                line=line,
                key="value",
            )
        rows.append(
            ReferenceRow(
                metric=cells["metric"],
                period=cells["period"] or None,
                value=float(cells["value"].replace(",", "")),
                unit=cells["unit"],
                source=cells["source"],
                note=cells.get("note", ""),
                rule=rule,
                path=shown,
                line=line,
            )
        )
    if columns is None:
        raise RuleFileError(shown, f"empty table (expected a header: {_header_help()})", line=1)
    return rows


def _header_help() -> str:
    return ",".join(_TABLE_REQUIRED) + "[,note]"


def _table_header(record: list[str], shown: str, line: int) -> list[str]:
    columns = [cell.strip().lower() for cell in record]
    for column in columns:
        if column not in _TABLE_COLUMNS:
            message = _unknown("column", column, _TABLE_COLUMNS)
            raise RuleFileError(shown, message, line=line, key=column)
        if columns.count(column) > 1:
            raise RuleFileError(shown, f"duplicate column {column!r}", line=line, key=column)
    missing = [column for column in _TABLE_REQUIRED if column not in columns]
    if missing:
        raise RuleFileError(
            shown,
            f"missing column{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
            f" (the header is {_header_help()})",
            line=line,
        )
    return columns
