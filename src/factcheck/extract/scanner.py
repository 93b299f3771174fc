"""One pass over an article: find every candidate, hand it to its kind.

A single compiled regex finds the anchors (digits, currency symbols, month
and weekday names, number words, relative-date words); each anchor is read
by the module of its kind with anchored look-arounds. Scanning resumes after
whatever a handler consumed, so no figure is read twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from factcheck.extract import dates, durations, quantities, quarters, times
from factcheck.extract._lexicon import (
    DETERMINERS,
    MONTHS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    ROUNDED_TIME_STEP,
    ROUNDED_TIME_UNITS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    WEEKDAYS,
)
from factcheck.extract.context import Context, trie_pattern
from factcheck.extract.counts import (
    ORDINAL_DETERMINERS,
    ORDINAL_IDIOMS,
    count_mention,
    count_noun,
    listed_before,
    magnitude_before,
    measure_before,
    of_total,
    ordinal_noun,
    ordinal_word_value,
    rank_to,
    scored_off,
)
from factcheck.extract.money import (
    CODE_BEFORE,
    SYMBOL,
    currency_after,
    scale_after,
    symbol_code,
    table_scaled,
)
from factcheck.extract.numbers import DIGITS, DIGITS_ANCHOR, parse_digits, step_of, words_to_number
from factcheck.extract.percent import DENOMINATORS, fraction_at, percent_after
from factcheck.facts import Mention

_NUMBER_WORDS = sorted(
    {w for w in NUMBER_WORDS if w != "zero"}
    | {"hundred", "thousand", "dozen"}
    | {w for w in ORDINAL_WORDS if w != "first"}
)
_RELATIVE_WORDS = ["last", "next", "this", "earlier", "later", "yesterday", "tomorrow"]
_CAP_WORDS = (
    [w.capitalize() for w in [*_NUMBER_WORDS, *_RELATIVE_WORDS, "half"]]
    + list(MONTHS)
    + list(WEEKDAYS)
)
_FRACTION_WORDS = sorted(set(DENOMINATORS) - set(_NUMBER_WORDS))
_LOW_WORDS = [
    *_NUMBER_WORDS,
    *_RELATIVE_WORDS,
    *_FRACTION_WORDS,
    "first",
    "ago",
    "decade",
    "century",
    *durations.ARTICLE_UNITS,
    *times.WORD_TIMES,
]

# Three passes, each starting with a literal or a character class so that
# the regex engine skips the positions that cannot match: digits; capitalised
# month, weekday and number words; lower-case words after a space or punctuation.
_DIGITS = re.compile(DIGITS_ANCHOR)
_CAPS = re.compile("(?:" + trie_pattern(_CAP_WORDS) + r")(?!\w)")
_LOWER = re.compile(r"[ \t\n\"'(\[/-](" + trie_pattern(_LOW_WORDS) + r")(?!\w)")
_LOWER_AT_START = re.compile("(" + trie_pattern(_LOW_WORDS) + r")(?!\w)")
_SYMBOL_BEFORE = re.compile(r"(?:" + SYMBOL + "|" + CODE_BEFORE + r")[ ]?$")

_NUMBER = re.compile(r"\s?(" + DIGITS + r")")
_AND_RANGE = re.compile(r"[ \t]+and[ \t]+(?:" + SYMBOL + r")?(?P<n>" + DIGITS + r")(?![\d.,]*\d)")
#: "between 40 and 50": the first figure of a range written with "and"
BETWEEN_BEFORE = re.compile(r"\bbetween[ \t]+$", re.IGNORECASE)
#: "3m people", "2.4bn users", "20k fans": a scale abbreviation against the number, before
#: a plural (or people) noun; "3m waves" are metres (quantities), "a 10k race" a distance
_ABBREVIATED_SCALE_COUNT = re.compile(
    r"(m|bn|k)(?= (?:[a-z]{2,}s|people|children|men|women)\b)"
    r"(?! (?:was|has|its|this|plus|less|across|thus|perhaps|unless|always)\b)"
)
# possessive: two whitespace runs side by side ("[ \t]*,?[ \t]+") tried every split of a long
# run of spaces (cubic: 2,000 spaces took 25 s)
_SHARED_NOUN = re.compile(r"(?:[ \t]*+,)?[ \t]++(?:and|or)[ \t]++\d[\d,]*+(?:\.\d+)?")
#: "rose from", "increase its tally from": what follows is a level before a change
FROM_CHANGE = re.compile(
    r"\b(?:rose|rise|rises|rising|risen|increased?|increases|increasing|grew|grow|grows|"
    r"growing|fell|fall|falls|falling|dropped|drops|dropping|climbed|climbs|jumped|jumps|"
    r"surged|slipped|declined|declines|raised?|raising|cut|cuts|lifted|lift|boosted|boost|"
    r"went|moved|revised|tally|toll|total)\b[^.;:\n]{0,32}?\bfrom[ \t]+$",
    re.IGNORECASE,
)
_PCT_TO = re.compile(r"[ \t]*(?:-|–|to)[ \t]*(?P<n>" + DIGITS + r")(?![\d.,]*\d)")
_PCT_AND = re.compile(r"[ \t]+and[ \t]+(?P<n>" + DIGITS + r")(?![\d.,]*\d)")
#: a verb of change before a percentage: "rose 0.3% to 3.5%" is a change and a level
_CHANGE_VERB_BEFORE = re.compile(
    r"\b(?:rose|rise|rises|rising|risen|increased?|increases|grew|grows|fell|falls|dropped|"
    r"drops|climbed|climbs|jumped|jumps|surged|slipped|declined|declines|gained|gains|lost|"
    r"loses|up|down|slumped|soared|edged|ticked)\b[^.;:\n]*$",
    re.IGNORECASE,
)
_RANGE = re.compile(r"[ \t]?(?:-|to)[ \t]?(?:" + SYMBOL + r")?(?P<n>" + DIGITS + r")(?![\d.,]*\d)")
_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_TOKEN_REST = re.compile(r"[\w.,:/-]*")
_TIME = re.compile(
    r"(?:[:.]\d\d(?::\d\d)?)?\s?(?:[aApP](?:\.[mM]\.?|[mM])(?![A-Za-z])|GMT|UTC|BST|EST|EDT|CET)|:\d\d"
)
_PHONE = re.compile(r"\(?\d{2,4}\)?[ .-]\d{3,4}[ .-]\d{3,4}\b")
_WORD_RUN = re.compile(
    r"(?:" + trie_pattern(sorted(set(NUMBER_WORDS) | set(SCALE_WORDS))) + r")"
    r"(?:(?:[ \t]+and[ \t]+|[ \t]+|-)(?:"
    + trie_pattern(sorted(set(NUMBER_WORDS) | set(SCALE_WORDS)))
    + r")\b)*",
    re.IGNORECASE,
)
_A_BEFORE = re.compile(r"(?:\b(?P<half>[Hh]alf[ \t]+)?(?P<a>[Aa]n?)[ \t]+)$")
_MIXED_FRACTION = re.compile(r"[ -](?P<n>\d{1,2})/(?P<d>\d{1,2})(?![\d/.])")
_DENOMINATOR_AFTER = re.compile(r"[ \t-](" + trie_pattern(sorted(DENOMINATORS)) + r")\b", re.I)
_AND_A_HALF = re.compile(r"[ \t]+and[ \t]+a[ \t]+half\b", re.IGNORECASE)
_ORDINAL_SUFFIX_WORD = re.compile(r"-(" + trie_pattern(ORDINAL_WORDS) + r")\b")


def _skip_token(text: str, pos: int) -> int:
    m = _TOKEN_REST.match(text, pos)
    return m.end() if m else pos


#: "vs. +214,000 est.": a plus sign before a number, not a telephone number's (+7 495)
_SIGNED = re.compile(r"(?<![\w+])\+[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?(?![ \t]?[0-9])")


def _number(ctx: Context, start: int, end: int) -> int:
    text = ctx.text
    raw = text[start:end]
    sym = _SYMBOL_BEFORE.search(text, max(0, start - 8), start)
    if sym is not None:
        value, decimals = parse_digits(raw)
        code = symbol_code(sym.group().strip())
        return classify(ctx, start, end, value, raw, decimals, code=code, begin=sym.start())
    prev = text[start - 1] if start else " "
    if (
        prev.isalpha()
        or prev in "_#@"
        or (prev == "+" and not _SIGNED.match(text, start - 1, end + 2))
        or (prev in "-/.:" and start >= 2 and text[start - 2].isalnum())
    ):
        return _skip_token(text, end)  # G20, COVID-19, +7 495, 1/2, v1.2.3
    nxt = text[end : end + 1]
    if nxt == "/" or (nxt == "." and text[end + 1 : end + 2].isdigit()):
        return _skip_token(text, end)  # 8/5/2025, 192.168.0.1
    if len(raw) == 4 and nxt == "-":
        iso = dates.iso_at(ctx, start)
        if iso is not None:
            return iso
    if _TIME.match(text, end):
        found = times.time_at(ctx, start)
        return found if found is not None else _skip_token(text, end)
    if _PHONE.match(text, start):
        return _skip_token(text, _PHONE.match(text, start).end())  # type: ignore[union-attr]
    suffix = _ORD_SUFFIX.match(text, end)
    if suffix is not None and "." in raw:
        return _skip_token(text, end)  # "2.5th" is not an ordinal
    if suffix is not None:
        if len(raw) <= 2:
            dm = dates.day_month_at(ctx, start)
            if dm is not None:
                return dm
        return _digit_ordinal(ctx, start, suffix.end(), int(raw.replace(",", "")))
    if (
        nxt.isalpha()
        and text[end : end + 2] not in ("bn", "mn", "tn")
        and nxt not in "kmbKMB"
        and quantities.unit_after(text, end) is None
    ):
        return _skip_token(text, end)  # 5G, 3D, 4x4 (but 985ft, 40C)
    if len(raw) <= 2 or (len(raw) <= 5 and "-" in text[end : end + 2]):
        dm = dates.day_month_at(ctx, start)
        if dm is not None:
            return dm
    if len(raw) == 4 and raw.isdigit():
        year = dates.year_at(ctx, start, end, int(raw))
        if year is not None:
            return year
    if _label_before(ctx, start):
        return end
    value, decimals = parse_digits(raw)
    mixed = _MIXED_FRACTION.match(text, end)
    if mixed is not None and decimals == 0:  # "6 1/2 years", "5-1/4 years"
        num, den = int(mixed.group("n")), int(mixed.group("d"))
        if 0 < num < den <= 16:
            whole = value + Decimal(num) / Decimal(den)
            return classify(ctx, start, mixed.end(), whole, None, 0, exact_word=True)
    return classify(ctx, start, end, value, raw, decimals)


def _label_before(ctx: Context, start: int) -> bool:
    """True for a number that names a thing: ``Article 5``, ``Flight 370``, ``No. 1``."""
    word = ctx.word_before(start)
    if not word or word in ("no.", "no", "nos.", "number"):
        return bool(word)
    begin = start - 1
    text = ctx.text
    while begin > 0 and text[begin - 1] in " \t":
        begin -= 1
    raw = text[begin - len(word) : begin]
    if not raw[:1].isupper() or raw in MONTHS or raw.endswith(("'s", "s'")):
        return False  # "B's 47.9%" is B's share, not a thing named "B's 47"
    if listed_before(ctx, start) is not None:
        return False  # "292 seats, INDIA 234": a list goes on, not "Flight 370"
    return not ctx.at_sentence_start(begin - len(word))


def classify(
    ctx: Context,
    start: int,
    end: int,
    value: Decimal,
    raw: str | None,
    decimals: int,
    *,
    code: str | None = None,
    exact_word: bool = False,
    begin: int | None = None,
    reference: bool = False,
) -> int:
    """Decide what the number at ``[start, end)`` is from what follows it.

    ``reference`` marks a number word after a determiner (``the two leaders``):
    it can still be a duration (``the three-day summit``) but never a count.
    """
    text = ctx.text
    high: Decimal | None = None
    num_end = end
    rm = _RANGE.match(text, end)
    if rm is None and BETWEEN_BEFORE.search(text, max(0, start - 12), start):
        rm = _AND_RANGE.match(text, end)  # "between 40 and 50 years"
    # "rose from 232 to 272 seats": two levels, before and after, not a range; the first
    # counts what the second does
    change_to = (
        rm if rm is not None and FROM_CHANGE.search(text, max(0, start - 48), start) else None
    )
    if change_to is not None:
        rm = None
    if rm is not None and not exact_word:
        hv, hd = parse_digits(rm.group("n"))
        if hv > value:
            high, num_end = hv, rm.end()
            decimals = max(decimals, hd)
    first = start if begin is None else begin
    qualifier, record, qstart = ctx.qualifier_before(first)
    begin = qstart if qualifier else first

    if code is None:
        pct = percent_after(text, num_end)
        if pct is not None and high is None and change_to is None:
            # "between 3.7% and 3.9%", "a range of 3.7 percent to 3.9 percent": one range
            # (not "rose 0.3% to 3.5%", a change and the level it reached)
            between = BETWEEN_BEFORE.search(text, max(0, start - 12), start) is not None
            second = (_PCT_AND if between else _PCT_TO).match(text, pct[1])
            changed = _CHANGE_VERB_BEFORE.search(text, max(0, start - 40), start)
            if second is not None and (between or changed is None):
                hv, hd = parse_digits(second.group("n"))
                pct2 = percent_after(text, second.end())
                if pct2 is not None and hv > value:
                    high, decimals, pct = hv, max(decimals, hd), (pct[0], pct2[1])
        if pct is not None:
            # a percentage is a ratio, rounded like a measurement: "44%" is 44 ± 0.5
            step = (
                quantities.step_of_measurement(raw, decimals, hundreds=False) if raw else Decimal(0)
            )
            ctx.add(
                Mention(
                    "percent",
                    begin,
                    pct[1],
                    number=value,
                    number_high=high,
                    step=step,
                    qualifier=qualifier,
                    unit=pct[0],
                    record=record,
                )
            )
            return pct[1]

    scale, after_scale = scale_after(text, num_end, money=code is not None)
    hundredths = 1  # "51 cents": a hundredth of the currency
    if code is None:
        cur = currency_after(text, after_scale, scaled=scale > 1)
        if cur is None and scale == 1:
            scale2, after2 = scale_after(text, num_end, money=True)
            cur2 = currency_after(text, after2, scaled=True) if scale2 > 1 else None
            if cur2 is not None:
                scale, after_scale, cur = scale2, after2, cur2
        if cur is not None:
            code, after_scale = cur
        cents = _CENTS_AFTER.match(text, num_end) if cur is None and scale == 1 else None
        if cents is not None:
            # "51 cents a share", "40 pence": a hundredth of the currency the word names
            # (cents are taken for US cents, the most common in English news)
            code, after_scale = CENT_CURRENCY[cents.group(1).lower()], cents.end()
            hundredths = 100
    if code is not None:
        step = (
            step_of(raw, decimals, scale, exact_integers=False)
            if raw
            else Decimal(scale if scale > 1 else 0)
        ) / hundredths
        ctx.add(
            Mention(
                "money",
                begin,
                after_scale,
                number=value * scale / hundredths,
                number_high=high * scale / hundredths if high is not None else None,
                step=step,
                qualifier=qualifier,
                unit=code,
                record=record,
            )
        )
        return after_scale

    if scale == 1 and raw and quantities.unit_after(text, num_end) is None:
        counted = _ABBREVIATED_SCALE_COUNT.match(text, num_end)
        if counted is not None:  # "3m people", "2.4bn users": a million, a billion of them
            scale, after_scale = SCALE_ABBREVIATIONS[counted.group(1)], counted.end()
    step = (
        step_of(raw, decimals, scale, exact_integers=True)
        if raw
        else Decimal(scale if scale > 1 else 0)
    )
    amount = value * scale
    amount_high = high * scale if high is not None else None
    unit = quantities.unit_after(text, after_scale)
    if unit is not None:
        if scale > 1:
            measured = Decimal(scale)
            if raw:
                measured = step_of(raw, decimals, scale, exact_integers=False)
        else:
            measured = quantities.step_of_measurement(raw or str(int(value)), decimals)
        quantity = (unit.unit, unit.word, amount, measured, amount_high)
        _add_quantity(ctx, begin, unit.end, *quantity, qualifier=qualifier, record=record)
        return unit.end
    magnitude = quantities.unit_named("magnitude")
    if magnitude is not None and not reference and magnitude_before(ctx, begin):
        # "a magnitude 6.3 event killed", "an aftershock of magnitude 4.5 rattled": the scale
        measured = quantities.step_of_measurement(raw or str(int(value)), decimals)
        quantity = (magnitude, "magnitude", amount, measured, None)
        _add_quantity(ctx, begin, after_scale, *quantity, qualifier=qualifier, record=record)
        return after_scale
    if scale == 1:
        tu = durations.unit_after(text, num_end)
        if tu is not None:
            if tu.age:
                ctx.add(
                    count_mention(
                        begin,
                        tu.end,
                        amount,
                        "years old",
                        qualifier=qualifier,
                        step=step,
                        high=amount_high,
                    )
                )
                ctx.mentions[-1] = _with_unit(ctx.mentions[-1], "age")
                return tu.end
            if tu.consecutive:
                ctx.add(
                    count_mention(
                        begin,
                        tu.end,
                        amount,
                        tu.noun,
                        qualifier=qualifier,
                        step=step,
                        high=amount_high,
                        record=record,
                    )
                )
                return tu.end
            if value == 1 and not tu.hyphen and not tu.ago and raw is None:
                return tu.end  # "one day" as in "one day, we will"
            if step == 0 and tu.unit in ROUNDED_TIME_UNITS:
                # "six weeks" of a trial is a length rounded to the week: "almost six weeks"
                # agrees with it, "five weeks" does not
                step = ROUNDED_TIME_STEP
            ctx.add(
                Mention(
                    "duration",
                    begin,
                    tu.end,
                    number=amount * tu.factor,
                    number_high=amount_high * tu.factor if amount_high is not None else None,
                    step=step * tu.factor,
                    qualifier=qualifier,
                    unit=tu.unit,
                    noun=tu.noun,
                    record=record,
                )
            )
            if tu.ago and high is None:
                spec = durations.ago_spec(tu.unit, int(amount * tu.factor))
                if spec is not None:
                    ctx.add(Mention("date", begin, tu.end, date=spec, qualifier=qualifier))
            return tu.end
    if value == 1 and raw is None:
        return num_end  # "one" is too often a pronoun: "one of the", "the one"

    def add_count(end: int, measure: str, times: int = 1) -> None:
        ctx.add(
            count_mention(
                begin,
                end,
                amount * times,
                measure,
                qualifier=qualifier,
                step=step * times,
                high=amount_high * times if amount_high is not None else None,
                record=record,
            )
        )

    total_at = None if reference else of_total(ctx, after_scale)
    if total_at is not None and text[total_at : total_at + 1].isdigit():
        nm = _NUMBER.match(text, total_at)
        if nm is not None:
            total_end = nm.end()
            noun = count_noun(ctx, total_end, Decimal(2))
            if noun is not None:
                add_count(after_scale, noun[0])
                return total_at
    noun = None if reference else count_noun(ctx, after_scale, amount)
    if noun is None:
        # "the 303 and 282 seats", "rose from 232 to 272 seats": the first number counts what
        # the second does (not in "between 40 and 50", a range)
        between = BETWEEN_BEFORE.search(text, max(0, begin - 12), begin) is not None
        shared = None if reference or between else _SHARED_NOUN.match(text, after_scale)
        for nxt in (shared, change_to):
            later = count_noun(ctx, nxt.end(), Decimal(2)) if nxt is not None else None
            if later is not None:
                add_count(after_scale, later[0])
                return after_scale
    if noun is None:
        measure = None if reference else measure_before(ctx, begin) or scored_off(ctx, begin, end)
        thousands = _THOUSANDS_AFTER.match(text, after_scale) if amount == value else None
        if measure is not None and thousands is not None:
            # "payroll employment increased by 303k": thousands, after a measure phrase
            add_count(thousands.end(), measure, times=1000)
            return thousands.end()
        if measure is not None:
            add_count(after_scale, measure)
        return after_scale
    add_count(noun[1], noun[0])
    return noun[1]


def _with_unit(mention: Mention, unit: str) -> Mention:
    return replace(mention, unit=unit)


def _add_quantity(
    ctx: Context,
    start: int,
    end: int,
    unit: quantities.Unit,
    word: str,
    amount: Decimal,
    step: Decimal,
    high: Decimal | None,
    *,
    qualifier: str,
    record: bool,
) -> None:
    """A quantity in base units; the unit as written is its noun (``feet``)."""
    base = quantities.convert(unit, amount, step, high)
    ctx.add(
        Mention(
            "quantity",
            start,
            end,
            number=base.number,
            number_high=base.high,
            step=base.step,
            qualifier=qualifier,
            unit=base.base,
            noun=word,
            record=record,
        )
    )


def _add_ordinal(ctx: Context, start: int, value: int, noun: tuple[str, int]) -> int:
    word, end = noun
    if word.lower() in ORDINAL_IDIOMS:
        return end  # "the 1st serve", "a third party": a kind, not a rank
    ctx.add(Mention("ordinal", start, end, number=Decimal(value), unit=word.lower(), noun=word))
    return end


def _digit_ordinal(ctx: Context, start: int, end: int, value: int) -> int:
    quarter = quarters.quarter_word(ctx, start, end, value)
    if quarter is not None:  # "4th-quarter profit"
        return quarter
    noun = ordinal_noun(ctx, end)
    if noun is None:
        return end
    return _add_ordinal(ctx, start, value, noun)


def _word(ctx: Context, start: int, end: int) -> int:
    text = ctx.text
    word = text[start:end]
    low = word.lower()
    if word[0].isupper() and not ctx.at_sentence_start(start):
        return end  # "One Belt One Road", "Second World War", "Ten Downing"
    if low in ORDINAL_WORDS:
        return _word_ordinal(ctx, start, end, low)
    if low == "dozen":
        a = _A_BEFORE.search(text, max(0, start - 12), start)
        if a is None or text[end : end + 1] == "s":
            return end
        value = Decimal(6 if a.group("half") else 12)
        return classify(ctx, a.start(), end, value, None, 0, exact_word=True)
    run = _WORD_RUN.match(text, start)
    assert run is not None
    stop = run.end()
    compound = _ORDINAL_SUFFIX_WORD.match(text, stop)
    if compound is not None:  # "twenty-first"
        return _word_ordinal(ctx, start, compound.end(), text[start : compound.end()].lower())
    denominator = _DENOMINATOR_AFTER.match(text, stop)
    if denominator is not None and fraction_at(text, *denominator.span(1)) is not None:
        return _fraction(ctx, *denominator.span(1))  # "three quarters of the seats"
    number = words_to_number(run.group())
    if number is None:
        return stop
    half = _AND_A_HALF.match(text, stop)
    if half is not None:  # "six and a half years", "two and a half million"
        value = Decimal(number) + Decimal("0.5")
        return classify(ctx, start, half.end(), value, None, 0, exact_word=True)
    begin = start
    if low in ("hundred", "thousand"):
        a = _A_BEFORE.search(text, max(0, start - 12), start)
        if a is None:
            return stop
        begin = a.start()
    # "the two leaders", "their three children" are references, not claims; "the nine-storey
    # building" says how many storeys it has
    reference = ctx.word_before(begin) in DETERMINERS and text[stop : stop + 1] != "-"
    value = Decimal(number)
    return classify(ctx, begin, stop, value, None, 0, exact_word=True, reference=reference)


def _fraction(ctx: Context, start: int, end: int) -> int:
    """A share as a fraction: ``a quarter of the city``, ``up to a fifth``, ``half of``."""
    found = fraction_at(ctx.text, start, end)
    if found is None:
        return end
    begin, percent = found
    qualifier, record, qstart = ctx.qualifier_before(begin)
    number = Decimal(repr(percent))
    ctx.add(
        Mention(
            "percent",
            qstart if qualifier else begin,
            end,
            number=number,
            qualifier=qualifier,
            unit="percent",
            record=record,
        )
    )
    return end


_PART_OF_YEAR_AFTER = re.compile(r"(?:[ \t]+|-)(?:quarter|half)\b", re.IGNORECASE)


def _word_ordinal(ctx: Context, start: int, end: int, word: str) -> int:
    if fraction_at(ctx.text, start, end) is not None:
        return _fraction(ctx, start, end)  # "a fifth of the city"
    before = ctx.word_before(start)
    if before in ("the", "a") or before.endswith("'s"):
        ranked = rank_to(ctx, end)  # "the first player ever to score a hat-trick"
        value = ORDINAL_WORDS.get(word) if "-" not in word else ordinal_word_value(word)
        if ranked is not None and value is not None:
            unit, stop = ranked
            ctx.add(Mention("ordinal", start, stop, number=Decimal(value), unit=unit, noun=word))
            return stop
    value = ordinal_word_value(word)
    if value is None and word == "first" and _PART_OF_YEAR_AFTER.match(ctx.text, end):
        value = 1  # "the first quarter", "the first half": a period, unlike "first" alone
    quarter = quarters.quarter_word(ctx, start, end, value)
    if quarter is not None:  # "fourth-quarter revenue", "the fiscal second quarter"
        return quarter
    if value is None:
        return end
    if before not in ORDINAL_DETERMINERS and not before.endswith("'s"):
        return end
    noun = ordinal_noun(ctx, end)
    if noun is None or noun[0].lower() in ORDINAL_IDIOMS:
        return end
    return _add_ordinal(ctx, start, value, noun)


def _calendar(ctx: Context, start: int, end: int) -> int:
    return dates.calendar_word(ctx, start, end)


def _relative(ctx: Context, start: int, end: int) -> int:
    return dates.relative_word(ctx, start, end)


def _decade(ctx: Context, start: int, end: int) -> int:
    return durations.decade_word(ctx, start, end, ctx.text[start:end].lower())


def _article_unit(ctx: Context, start: int, end: int) -> int:
    return durations.article_unit(ctx, start, end, ctx.text[start:end].lower())


_Handler = Callable[[Context, int, int], int]
_BY_WORD: dict[str, _Handler] = {}
_BY_WORD.update(dict.fromkeys(_NUMBER_WORDS, _word))
_BY_WORD.update(dict.fromkeys([*_RELATIVE_WORDS, "ago"], _relative))
_BY_WORD.update(dict.fromkeys(["decade", "century"], _decade))
_BY_WORD.update(dict.fromkeys(durations.ARTICLE_UNITS, _article_unit))
_BY_WORD.update(dict.fromkeys(_FRACTION_WORDS, _fraction))
_BY_WORD["first"] = _word
_BY_WORD.update(dict.fromkeys(times.WORD_TIMES, times.word_time_at))
_BY_WORD.update(dict.fromkeys([w.lower() for w in [*MONTHS, *WEEKDAYS]], _calendar))


_THOUSANDS_AFTER = re.compile(r"[kK](?![\w-])")
_CENTS_AFTER = re.compile(r"[ \t]+(cents?|pence)\b", re.IGNORECASE)
#: the currency of a hundredth written as a word after an amount
CENT_CURRENCY = {"cent": "USD", "cents": "USD", "pence": "GBP"}


def scan(text: str) -> list[Mention]:
    """Every figure mentioned in ``text`` (a document's match text), in order."""
    ctx = Context(text)
    codes = {m.start(): m for m in quarters.QUARTER_CODE.finditer(text)}
    anchors = [(m.start(), m.end(), True) for m in _DIGITS.finditer(text)]
    anchors.extend((start, m.end(), False) for start, m in codes.items())
    anchors.extend((m.start(), m.end(), False) for m in _CAPS.finditer(text))
    anchors.extend((m.start(1), m.end(1), False) for m in _LOWER.finditer(text))
    first = _LOWER_AT_START.match(text)
    if first is not None:
        anchors.append((0, first.end(), False))
    anchors.sort()
    pos = 0
    for start, end, digits in anchors:
        if start < pos:
            continue
        if start in codes:  # "Q4 2023", "4Q23" (before the digits of "4Q23")
            pos = quarters.quarter_code(ctx, codes[start])
        elif digits:
            pos = max(_number(ctx, start, end), end)
        elif start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue  # inside a word: "McMay"
        else:
            pos = max(_BY_WORD[text[start:end].lower()](ctx, start, end), end)
    return quantities.hedged_conversions(text, table_scaled(text, ctx.mentions))
