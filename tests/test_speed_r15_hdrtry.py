"""The header rules do less for the same blocks (issue 13, round 15).

- The full names labels print in parentheses (:attr:`~gijiroku.layout.LabelCounts.named`,
  read by assembly's ``post`` guard) are found from the lines that hold a closing
  parenthesis, without counting every label of the document first.
- Committee's speech turn is tried only on a text that holds a sentence mark (what its
  guard, :func:`~gijiroku.formats.common.speaks`, looks for).

Each is checked against the long way.
"""

from __future__ import annotations

import dataclasses

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gijiroku.formats import FORMATS, common
from gijiroku.formats.base import Context, Rule
from gijiroku.layout import LabelCounts, count_labels, names_in_labels
from gijiroku.normalize import split_lines
from tests.rule_tables import tokenizes_alike, with_rules

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
    if rule.name == "speech-turn":
        return dataclasses.replace(rule, needs="")
    return rule


def test_every_sample_tokenizes_as_with_the_rules_as_they_were() -> None:
    changed = sum(
        tokenizes_alike(fmt, with_rules(fmt, _as_it_was), "header_rules")
        for fmt in FORMATS.values()
    )
    assert changed >= 1  # (the long way's tables really hold another rule)
