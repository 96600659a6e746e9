"""Inputs that once took quadratic or cubic time (issue 16), read for what they give.

These assert the *output* of each shape; how the time grows with the size is measured by
``benchmarks/bench.py`` (sections ``patho`` and ``growth``), never here.
"""

from __future__ import annotations

import pytest

import gijiroku

OPENERS = ["〔", "【", "[", "［"]


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("space", ["\u3000", " "])
def test_a_bracket_never_closed_is_text_of_the_turn_above(opener: str, space: str) -> None:
    text = "座長 はい。\n" + opener + space * 3000 + "議題\n"
    minutes = gijiroku.parse(text, format="committee")
    assert [u.speaker.label for u in minutes.utterances] == ["座長"]
    turn = minutes.utterances[0].text
    printed = space * 3000 if space == "\u3000" else " "  # (runs of ASCII spaces become one)
    assert turn == "はい。\n" + opener + printed + "議題"
    assert minutes.sections == ()
    assert minutes.unaccounted(text) == []


def test_a_closed_bracket_is_still_a_heading_whatever_its_spaces() -> None:
    text = "座長 はい。\n〔" + "\u3000" * 50 + "議題" + "\u3000" * 3 + "〕\n林委員 賛成です。\n"
    minutes = gijiroku.parse(text, format="committee")
    assert [s.title for s in minutes.sections] == ["議題"]
    assert [u.text for u in minutes.utterances] == ["はい。", "賛成です。"]


@pytest.mark.parametrize("mark", ["1.", "○"])
def test_a_long_run_of_spaces_after_a_numbering_or_a_mark(mark: str) -> None:
    text = mark + " " * 3000 + "議題\n座長 はい。"
    minutes = gijiroku.parse(text, format="committee")
    assert [h.key for h in minutes.header] == ["議題"]
    assert [u.text for u in minutes.utterances] == ["はい。"]
    assert minutes.unaccounted(text) == []


def test_a_participant_line_with_a_bracket_never_closed() -> None:
    text = "# 第1回 会議\n* 参加者\n  * 理事: " + "a" * 20000 + "（"
    minutes = gijiroku.parse(text)
    assert minutes.members == ()
    assert "roster-unread" in [d.code for d in minutes.diagnostics]
    assert minutes.unaccounted(text) == []


def test_a_long_run_of_kanji_before_a_second_title() -> None:
    title = "令和６年第１回函館市議会定例会会議録　第１号"
    text = title + "\n" + "議" * 60000 + "。市議会会議録　第１号\n"
    minutes = gijiroku.parse(text)
    assert minutes.quality is not None
    assert minutes.quality.format == "assembly"
    assert minutes.meeting.title == "令和6年第1回函館市議会定例会会議録　第1号"
    assert [len(h.value) for h in minutes.header] == [len(title), 60011]
    assert minutes.unaccounted(text) == []


def test_flat_bullets_are_siblings() -> None:
    text = "# 題\n" + "* 項目(sano\n" * 5000
    minutes = gijiroku.parse(text, format="summary")
    [section] = minutes.sections
    assert len(section.items) == 5000
    assert {(i.depth, i.owner, i.text) for i in section.items} == {(0, "sano", "項目(sano")}


def test_nested_bullets_find_their_parent_past_deeper_ones() -> None:
    text = "# 題\n* a\n  * b\n    * c\n  * d\n* e\n"
    minutes = gijiroku.parse(text, format="summary")
    items = minutes.sections[0].items
    assert [(i.text, i.depth) for i in items] == [("a", 0), ("b", 1), ("c", 2), ("d", 1), ("e", 0)]


def test_a_long_run_of_unread_lines_is_one_diagnostic() -> None:
    text = "これは短い文の行です\n" * 1000
    minutes = gijiroku.parse(text)
    unread = [d for d in minutes.diagnostics if d.code == "unmatched-header-line"]
    [run] = unread
    assert run.span is not None
    assert (run.span.line_start, run.span.line_end) == (1, 1000)
    assert (run.span.start, run.span.end) == (0, len(text) - 1)
    assert run.text == "\n".join(["これは短い文の行です"] * 1000)
    assert run.message.startswith("line 1: header line not understood: 'これは短い文の行です'")
    assert run.message.endswith("(and the same on each of the 999 lines after it, to line 1000)")
    assert minutes.unaccounted(text) == []


def test_a_short_run_of_unread_lines_is_reported_line_by_line() -> None:
    text = "これは短い文の行です\n" * 20
    minutes = gijiroku.parse(text)
    unread = [d for d in minutes.diagnostics if d.code == "unmatched-header-line"]
    assert [d.span.line_start for d in unread if d.span is not None] == list(range(1, 21))
    assert unread[0].message == "line 1: header line not understood: 'これは短い文の行です'"
