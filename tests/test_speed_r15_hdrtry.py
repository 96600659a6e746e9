"""The header rules do less for the same blocks (issue 13, round 15).

- The full names labels print in parentheses (:attr:`~gijiroku.layout.LabelCounts.named`,
  read by assembly's ``post`` guard) are found from the lines that hold a closing
  parenthesis, without counting every label of the document first.
- The dated title is tried only on a text that prints a year, a bracket or a date with a
  year (:func:`~gijiroku.formats.common.may_be_dated_title`), the time line only on a text
  of 40 characters at most, committee's speech turn only on a text that holds a sentence mark.

Each is checked against the long way.
"""

from __future__ import annotations

import dataclasses

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gijiroku.blocks import Block, BlockKind
from gijiroku.formats import FORMATS, common
from gijiroku.formats.base import Context, Format, Rule
from gijiroku.layout import LabelCounts, count_labels, names_in_labels
from gijiroku.normalize import memo_scope, split_lines
from gijiroku.tokenizer import tokenize_lines
from tests.rule_tables import with_rules

from .conftest import sample_paths

# -- the names in the labels --------------------------------------------------------------------

_LABEL_PIECES = st.sampled_from(
    [
        *"○◯■ \u3000\t（()）:：、。山田委員長君議員氏さんあ1\n",
        "委員長",
        "（平山たかお）",
        "(中野晋君)",
        "（曽根委員）",
        "（ 梶　泰久 ）",
        "総務部長",
        "議長（",
        "はい。",
        " " * 40,
        "あ" * 70,
        "あ" * 400,
    ]
)
_DOCUMENTS = st.lists(_LABEL_PIECES, max_size=30).map("".join)


def _named_the_long_way(text: str) -> frozenset[str]:
    return names_in_labels(count_labels(split_lines(text)))


@settings(max_examples=400, deadline=None)
@given(_DOCUMENTS)
@example("委員長（平山たかお）\n委員長（平山たかお）　はい。")
@example(" " * 40 + "委員長（平山たかお）" + "あ" * 400)  # (a long line not counted)
@example("あ" * 60 + "委員長（平山たかお）")  # (the parenthesis past 64 characters)
def test_the_names_in_the_labels_are_found_as_counting_finds_them(text: str) -> None:
    lines = split_lines(text)
    assert LabelCounts(lines).named == _named_the_long_way(text)
    counted = LabelCounts(lines)
    assert counted.counts == count_labels(lines)  # (counted first: read from the counts)
    assert counted.named == _named_the_long_way(text)


def test_the_names_in_the_labels_of_every_sample() -> None:
    found = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8", "replace")
        named = LabelCounts(split_lines(text)).named
        assert named == _named_the_long_way(text), path.name
        found += len(named)
    assert found >= 10  # (some samples print names in their labels: the test compares some)


def test_the_names_in_the_labels_examples() -> None:
    text = "○委員長（平山たかお）　はい。\n総務部長（中野晋君）\n座長（曽根委員）\n平山（あ）"
    assert LabelCounts(split_lines(text)).named == {"平山たかお", "中野晋"}


# -- the dated title's pre-test -------------------------------------------------------------------

_TITLE_PIECES = st.sampled_from(
    [
        *"○〇■# \u3000（()）年月日度第回号/.-",
        "二〇〇一年",
        "平成27年",
        "令和元年度",
        "2001年",
        "2001/12/7",
        "R6.5.17",
        "12月7日",
        "(8月18日)",
        "（3月4日開催）",
        "(水曜日)",
        "第6回",
        "総務委員会",
        "議事録",
        "定例会",
        "開催",
        "します。",
    ]
)


def _contexts() -> list[Context]:
    return [
        Context(),
        Context(title_seen=True),
        Context(title_seen=True, previous=BlockKind.HEADER, previous_rule="title"),
        Context(mode="roster"),
    ]


@settings(max_examples=500, deadline=None)
@given(st.lists(_TITLE_PIECES, min_size=1, max_size=12).map("".join))
@example("2001年12月7日 総務委員会")
@example("第6回委員会 (8月18日)")
@example("平成29年度 総務委員会")
@example("○2001/12/7 総務委員会")
def test_every_dated_title_may_be_one(text: str) -> None:
    match = common.TITLE_LINE_RE.fullmatch(text)
    if match is None:
        return
    with memo_scope():
        if any(common._is_dated_title(match, ctx) for ctx in _contexts()):
            assert common.may_be_dated_title(text), text


def test_the_dated_title_test_examples() -> None:
    for text in ("2001年12月7日 総務委員会", "第6回委員会 (8月18日)", "○2001/12/7 総務委員会"):
        match = common.TITLE_LINE_RE.fullmatch(text)
        assert match is not None
        with memo_scope():
            assert common._is_dated_title(match, Context()), text
        assert common.may_be_dated_title(text), text
    for text in ("政策統括官付社会保障担当参事官室", "○午後１時２１分開会", "報告事項"):
        assert not common.may_be_dated_title(text), text


def test_every_sample_line_the_dated_title_reads_may_be_one() -> None:
    read = turned_down = 0
    for path in sample_paths():
        for line in path.read_bytes().decode("utf-8", "replace").splitlines():
            text = line.strip(" \u3000\t")
            match = common.TITLE_LINE_RE.fullmatch(text) if text else None
            if match is None:
                continue
            passes = common.may_be_dated_title(text)
            turned_down += not passes
            with memo_scope():
                if any(common._is_dated_title(match, ctx) for ctx in _contexts()):
                    read += 1
                    assert passes, text
    assert read >= 5
    assert turned_down > 1000


# -- the time line's pre-test ----------------------------------------------------------------------

_TIME_PIECES = st.sampled_from(
    [
        *"午前後時分半正:：～-開会閉始終了から 0１3十\n",
        "午後２時",
        "13：30",
        "開会",
        "閉会",
        "あ" * 20,
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TIME_PIECES, min_size=1, max_size=14).map("".join))
@example("13：30～15：00")
@example("午後4時30分　閉会")
def test_every_time_line_may_be_one(text: str) -> None:
    match = common.VALUE_RE.fullmatch(text)
    if match is not None and common._is_time_line(match, Context()):
        assert common._may_be_time_line(text), text
    if match is not None and not common._may_be_time_line(text):
        assert not common._is_time_line(match, Context()), text


def test_the_time_line_test_examples() -> None:
    longest = "午前　１０時　００分　開会　　　～　　　午後　　　３時　　　００分　　閉会　　"
    assert len(longest) == 39
    match = common.VALUE_RE.fullmatch(longest)
    assert match is not None
    assert common._is_time_line(match, Context())
    assert common._may_be_time_line(longest)
    assert common._may_be_time_line("午後4時30分　閉会")
    assert not common._may_be_time_line("午後4時30分　閉会" + "あ" * 40)


# -- committee's speech turn ----------------------------------------------------------------------


def _speech_turn() -> Rule:
    (rule,) = [r for r in FORMATS["committee"].header_rules if r.name == "speech-turn"]
    return rule


def test_the_speech_turn_needs_the_marks_its_guard_looks_for() -> None:
    rule = _speech_turn()
    assert rule.guard is common.speaks
    assert common._SPEECH_MARK_RE.pattern == "[" + rule.needs + "]"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"○林委員長 \u3000：:。？！?!、あ", "情報政策課長"]), max_size=12
    ).map("".join)
)
@example("林委員　ICTの利活用は、")
def test_every_speech_turn_holds_what_it_needs(text: str) -> None:
    rule = _speech_turn()
    match = rule.pattern.fullmatch(text)
    if match is not None and common.speaks(match, Context()):
        assert any(char in text for char in rule.needs), text


# -- the rules as they were: the blocks of every sample ------------------------------------------


def _as_it_was(rule: Rule) -> Rule:
    if rule.may_match in (common.may_be_dated_title, common._may_be_time_line):
        return dataclasses.replace(rule, may_match=None)
    if rule.name == "speech-turn":
        return dataclasses.replace(rule, needs="")
    return rule


def _tokenized(text: str, fmt: Format) -> list[Block]:
    with memo_scope():
        return tokenize_lines(text, fmt)


def test_every_sample_tokenizes_as_with_the_rules_as_they_were() -> None:
    changed = 0
    for name, fmt in FORMATS.items():
        was = with_rules(fmt, _as_it_was)
        changed += sum(
            now != then for now, then in zip(fmt.header_rules, was.header_rules, strict=True)
        )
        for path in sample_paths():
            text = path.read_bytes().decode("utf-8", "replace")
            assert _tokenized(text, fmt) == _tokenized(text, was), (name, path.name)
    assert changed >= 3  # (the long way's tables really hold other rules)
