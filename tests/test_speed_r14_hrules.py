"""The header rules do less for the same blocks (issue 13, round 14).

- The rules that read a title naming the record (assembly's ``title``, the shared
  ``record-title``) are tried only on a text that ends as every match of
  :data:`~gijiroku.formats.common.TITLE_RECORD_RE` ends (a record word, a closing
  parenthesis or 号): :func:`~gijiroku.formats.common.may_be_record_title`.
- Assembly's document finds the pairs after its opening parentheses with ``str.find``
  instead of a scan by ``re`` (:func:`~gijiroku.formats.assembly._pairs_after_parentheses`).
- A key's separator is looked for with a compiled pattern (``regex.search`` with the
  pattern's text looked it up in the module's cache at every call).

Each is checked against the long way.
"""

from __future__ import annotations

import dataclasses
import re

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gijiroku.formats import FORMATS, assembly, common
from gijiroku.formats.base import Format, Rule
from gijiroku.names import position_suffix, split_person
from gijiroku.normalize import compact, memo_scope
from tests.rule_tables import sample_lines, tokenizes_alike, with_rules

from .conftest import sample_paths

# -- the record title's last character ----------------------------------------------------------

_TITLE_CHARS = st.sampled_from(
    [
        *"議事録会速記要旨概（()）第号一二三１2 \u3000。、山田委員長|x\n",
        "議事録",
        "会議録",
        "（案）",
    ]
)


def test_every_sample_line_the_record_title_matches_may_be_one() -> None:
    matched = turned_down = 0
    for line in sample_lines():
        for text in (line, line + "議事録", line + "記録（案）", line + "会議録 第2号"):
            passes = common.may_be_record_title(text)
            turned_down += not passes
            if common.TITLE_RECORD_RE.fullmatch(text) is not None:
                matched += 1
                assert passes, text
    assert matched > 100
    assert turned_down > 1000  # (the test turns many lines down: it cannot pass them all)


@settings(max_examples=500, deadline=None)
@given(st.lists(_TITLE_CHARS, min_size=1, max_size=20).map("".join))
@example("第３回\u3000産業交通水道委員会記録")
@example("仙台市情報化推進会議 議事録（案） 第 2 号")
@example("会議要旨")
def test_a_text_the_record_title_matches_may_be_one(text: str) -> None:
    if common.TITLE_RECORD_RE.fullmatch(text) is not None:
        assert common.may_be_record_title(text), text


def test_the_record_title_test_turns_down_what_only_mentions_a_record() -> None:
    for text in ("平成 27 年度 仙台市情報化推進会議（第 2回） 議事録", "速記録第二号", "会議概要"):
        assert common.may_be_record_title(text), text
    for text in (
        "この議事録を作成し署名する。",
        "| council/a.txt | 議事録, PDF text |",
        "記録する",
    ):
        assert not common.may_be_record_title(text), text


def test_both_record_title_rules_take_the_test() -> None:
    rules = {
        rule.name: rule
        for fmt in FORMATS.values()
        for rule in fmt.header_rules
        if rule.pattern is common.TITLE_RECORD_RE
    }
    assert set(rules) == {"title", "record-title"}
    assert all(rule.may_match is common.may_be_record_title for rule in rules.values())


# -- the rules as they were: the blocks of every sample ------------------------------------------


def _as_it_was(rule: Rule) -> Rule:
    if rule.may_match is common.may_be_record_title:
        return dataclasses.replace(rule, may_match=None)
    return rule


def _as_it_was_format(fmt: Format) -> Format:
    return with_rules(fmt, _as_it_was)


def test_every_sample_tokenizes_as_with_the_rules_as_they_were() -> None:
    changed = sum(
        tokenizes_alike(fmt, _as_it_was_format(fmt), "header_rules") for fmt in FORMATS.values()
    )
    assert changed >= 2  # (the long way's tables really hold other rules)


# -- the pairs after the parentheses ------------------------------------------------------------

_AFTER_PARENTHESIS_RE = re.compile(r"[（(](?=([^\n]{2}))")  # (the long way)


def _pairs_the_long_way(text: str) -> set[str]:
    return {match.group(1) for match in _AFTER_PARENTHESIS_RE.finditer(text)}


def test_the_pairs_of_every_sample_are_found_as_the_long_way_finds_them() -> None:
    found = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8", "replace")
        pairs = assembly._pairs_after_parentheses(text)
        assert pairs == _pairs_the_long_way(text), path.name
        found += len(pairs)
    assert found > 100


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list("（()）\n山田君 \u3000a")), max_size=30))
@example("((山田")
@example("（\n山（田")
@example("（山")
@example("(a(")
def test_the_pairs_of_made_up_texts_are_found_as_the_long_way_finds_them(text: str) -> None:
    assert assembly._pairs_after_parentheses(text) == _pairs_the_long_way(text)


# -- a key's separator --------------------------------------------------------------------------


def _cut_from_title_the_long_way(match: regex.Match[str]) -> bool:
    """:func:`~gijiroku.formats.common._cut_from_title` as it was: the separator looked for
    with ``regex.search`` and the pattern's text."""
    value = match.groupdict().get("value")
    if not value or match.start("value") < 0 or not common._SPACED_KEY_RE.search(match["key"]):
        return False
    if regex.search(r"[：:|｜]", match.string[match.end("key") : match.start("value")]):
        return False
    run = common._SINGLE_CHARS_RE.match(value)
    if run is None:
        return False
    joined = compact(match["key"]) + compact(run.group())
    return position_suffix(joined) is not None and split_person(joined)[0] is None


_KEY_LINES = st.sampled_from(
    [
        "日\u3000時：令和６年３月５日",
        "日 時 | 令和６年",
        "議\u3000事\u3000係\u3000長\u3000大久保英輝",
        "議 事：会長の選出",
        "議 事｜会長の選出",
        "議 事 係 長",
        "場\u3000所\u3000\u3000第四委員会室",
        "出席者：山田委員",
        "【日時】令和６年",
    ]
)


@settings(max_examples=200, deadline=None)
@given(_KEY_LINES, st.text(st.sampled_from(list(" \u3000：:|｜係長山")), max_size=4))
def test_a_key_is_cut_from_a_title_as_the_long_way_cuts_it(line: str, tail: str) -> None:
    for text in (line, line + tail):
        match = common.KEY_FIELD_RE.fullmatch(text)
        if match is None:
            continue
        with memo_scope():
            assert common._cut_from_title(match) == _cut_from_title_the_long_way(match), text


def test_some_keys_are_cut_from_a_title_and_some_are_not() -> None:
    cut = [
        common._cut_from_title(match)
        for text in (
            "議\u3000事\u3000係\u3000長\u3000大久保英輝",
            "議 事：会長の選出",
            "日 時 | 令和６年",
        )
        if (match := common.KEY_FIELD_RE.fullmatch(text)) is not None
    ]
    assert cut == [True, False, False]
