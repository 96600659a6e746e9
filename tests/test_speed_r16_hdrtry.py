"""The header's rules try less for the same blocks (issue 13, round 16).

- The rules of keys, which share :data:`~gijiroku.formats.common.KEY_FIELD_RE`, stand in
  one run behind its twin in the standard ``re`` (:func:`~gijiroku.formats.common.may_be_key_field`),
  tested once for the run: a header line that is no key skips them all. The rule that
  reads なし under a roster key (by :data:`~gijiroku.formats.common.VALUE_RE`) moved before
  them, out of the run: a line it reads holds no key. The guards that ask whether a text
  is a key's line (value-below-key, material, agenda-item, label-alone, assembly's mark
  headings) ask the twin first, the pattern only for the groups of a key's line.
- The time line's guard reads the times only of a text that may start one
  (:func:`~gijiroku.formats.common.may_be_time_line`).

Each is checked against the long way.
"""

from __future__ import annotations

import dataclasses

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gijiroku import tokenizer
from gijiroku.dates import CLOCK_RE
from gijiroku.formats import FORMATS, common
from gijiroku.formats.base import COLON_ONLY_KEYS, HEADER_FIELD_NAMES, Context, Format, Rule
from gijiroku.normalize import compact
from gijiroku.vocabulary import WHITE_SPACE
from tests.rule_tables import sample_lines, tokenizes_alike

# -- the keys' twin --------------------------------------------------------------------------------

_KEY_PIECES = st.sampled_from(
    [
        *"日時場所出席委員議題事務局配付資料会議録開催 \u3000：:|｜│（()）【】<>＜＞〈〉《》［］",
        *"○◯〇●◎□■◇◆・＊*1１２(（⑴①一二三、.．第)）\t\n\u2028\x1c\x85\xa0あ。",
        "日時",
        "日\u3000\u3000時",
        "出席委員",
        "欠席委員",
        "議事日程",
        "委員",
        "議長",
        "（13名）",
        "令和5年4月12日",
        "なし",
    ]
)
_KEY_TEXTS = st.lists(_KEY_PIECES, min_size=1, max_size=14).map("".join)


@settings(max_examples=1500, deadline=None)
@given(_KEY_TEXTS)
@example("日　時　令和５年")
@example("【日時】令和５年")
@example("＜委員＞山田")
@example("1. 出席委員（13名）")
@example("日時\u2028令和")  # (white space only to regex: its \S and the twin's class alike)
@example("日時 \x1c令和")  # (U+001C: white space to re's \s, not to regex's)
def test_the_keys_twin_matches_where_the_pattern_does(text: str) -> None:
    assert common.may_be_key_field(text) == (common.KEY_FIELD_RE.fullmatch(text) is not None)


def test_the_keys_twin_on_every_sample_line() -> None:
    keys = 0
    for line in sample_lines():
        found = common.KEY_FIELD_RE.fullmatch(line) is not None
        assert common.may_be_key_field(line) == found, line
        keys += found
    assert keys >= 30  # (the samples hold keys: both answers are compared)


def test_the_twin_reads_white_space_as_regex_does() -> None:
    space = regex.compile(r"\s")
    spelled = regex.compile(f"[{WHITE_SPACE}]")
    for code in range(0x3100):
        char = chr(code)
        assert bool(space.match(char)) == bool(spelled.match(char)), hex(code)


def test_a_line_that_says_nobody_holds_no_key() -> None:
    """Why the rule that reads なし under a roster key may come before the keys: every text
    whose compact form :data:`~gijiroku.formats.common.NONE_RE` matches is made of white
    space, borders, 。 . and the letters of なし, 無し, 該当なし, ありません (compact only drops
    white space or changes other letters), and no key is made of those letters alone."""
    letters = set("なし無該当ありません")
    for key in (*HEADER_FIELD_NAMES, *COLON_ONLY_KEYS):
        assert not set(compact(key)) <= letters, key


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*"なし無該当ありません \u3000|｜│┃。.日時委員"]), max_size=10))
@example(list("な　し"))
def test_what_says_nobody_is_no_key(pieces: list[str]) -> None:
    text = "".join(pieces).strip()
    if text and common.NONE_RE.match(compact(text)):
        assert common.KEY_FIELD_RE.fullmatch(text) is None


def test_the_rules_of_keys_stand_in_one_run_behind_the_twin() -> None:
    keys = [r.name for r in common.KEY_RULES if r.pattern is common.KEY_FIELD_RE]
    assert len(keys) == 6
    for name in ("committee", "assembly", "diet", "generic", "summary"):
        rules = FORMATS[name].header_rules
        index = tokenizer._rule_index(rules)
        for first in "日出議1１○（|【＜":
            runs = index.runs("header", None, first)
            gated = [members for gate, members in runs if gate is common.may_be_key_field]
            assert len(gated) == 1, (name, first)
            assert [step[0].name for step in gated[0]] == keys
            assert all(step[2] is None for step in gated[0])  # (the run's test is theirs)


# -- the time line ---------------------------------------------------------------------------------


def test_what_a_time_line_may_start_with() -> None:
    """Every character that starts a clock (:data:`~gijiroku.dates.CLOCK_RE`, partly), a
    time word, or that :func:`compact` drops or changes, is one a time line may start with."""
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        if (
            CLOCK_RE.match(char, partial=True) is not None
            or common._TIME_WORDS_RE.fullmatch(char, partial=True) is not None
            or compact(char) != char
        ):
            assert char in common._TIME_LINE_STARTS, hex(code)


def _is_time_line(text: str) -> bool:
    """The time line's guard the long way: its first test left out."""
    return len(text) <= 40 and common._only_times(text)


def test_the_time_lines_guard_takes_the_first_test() -> None:
    ctx = Context(region="header")
    for text in ("午後4時30分　閉会", "［午前10時\u3000開会］", "13：30～15：00", "本会議"):
        match = common.VALUE_RE.fullmatch(text)
        assert match is not None
        assert common._is_time_line(match, ctx) == (
            common.may_be_time_line(text) and _is_time_line(text)
        )
    # (the first test turns down a line that holds a time, and the long way does too)
    assert not common.may_be_time_line("［午前10時\u3000開会］")
    assert not common._only_times("［午前10時\u3000開会］")
    assert common.may_be_time_line("午後4時30分　閉会")


_TIME_PIECES = st.sampled_from(
    [
        *"午前後正時分半:：～~〜-－ー―0１二十 \u3000（()）［］○*第回\u200bｰ",
        "午後２時",
        "13：30",
        "正午",
        "開会",
        "閉会",
        "から",
        "まで",
        "十時半",
        "(JST)",
        "本会議",
    ]
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_TIME_PIECES, min_size=1, max_size=10).map("".join))
@example("午後4時30分　閉会")
@example("開会　午前１０時")
@example("\u200b開会 10時")
@example("ｰ10時")
@example("［午前10時\u3000開会］")
def test_every_time_line_may_be_one(text: str) -> None:
    text = text.strip(" \u3000\t")
    if text and _is_time_line(text):
        assert common.may_be_time_line(text), text


def test_every_time_line_of_the_samples_may_be_one() -> None:
    lines = 0
    for line in sample_lines():
        if _is_time_line(line):
            assert common.may_be_time_line(line), line
            lines += 1
    assert lines >= 3  # (the samples hold time lines)


# -- the rules as they were: the blocks of every sample ------------------------------------------


def _as_they_were(rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """``rules`` without the pre-tests, the rule that reads なし under a roster key back
    after the one that reads it beside the key."""
    nobody_below = next(r for r in common.KEY_RULES if r.pattern is common.VALUE_RE)
    nobody_beside = next(r for r in common.KEY_RULES if r.guard is common._says_nobody)
    was: list[Rule] = []
    for rule in rules:
        if rule is nobody_below:
            continue
        if rule.may_match is common.may_be_key_field:
            rule = dataclasses.replace(rule, may_match=None)
        was.append(rule)
        if rule.guard is common._says_nobody:
            was.append(nobody_below)
    if nobody_beside not in rules:
        return rules
    return tuple(was)


def _family_as_it_was(fmt: Format) -> Format:
    family = type(fmt)

    class AsItWas(family):  # type: ignore[valid-type,misc]
        name = f"{family.name}-as-it-was"
        header_rules = _as_they_were(family.header_rules)
        body_rules = family.body_rules

    return AsItWas()


def test_every_sample_tokenizes_as_with_the_rules_as_they_were() -> None:
    changed = 0
    for fmt in FORMATS.values():
        was = _family_as_it_was(fmt)
        changed += fmt.header_rules != was.header_rules
        tokenizes_alike(fmt, was, "header_rules")
    assert changed >= 4  # (the long way's tables really differ)
