"""The dated title's ``may_match`` (issue 13, round 19) gives what its pattern gives: a long
line that opens with no mark is no title line."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from gijiroku.formats import common

_TITLE_PIECES = st.lists(
    st.sampled_from([*"〇○◯●◎□■#＃ \u3000\nab委員会", "x" * 40, "委員会" * 11]), max_size=12
).map("".join)


@settings(max_examples=400)
@given(_TITLE_PIECES)
@example("○" + "　" * 5 + "委" * 100)
@example("#" * 4 + "委" * 99)
@example("委" * 101)
def test_a_title_line_may_match_where_its_pattern_matches(text: str) -> None:
    if common.TITLE_LINE_RE.fullmatch(text) is not None:
        assert common.may_be_title_line(text)
    if text and text[0] not in "〇○◯●◎□■#＃" and len(text) > 100:
        assert common.TITLE_LINE_RE.fullmatch(text) is None  # (what the shortcut says)


def test_the_dated_title_tries_its_pattern_behind_the_test() -> None:
    rule = next(r for r in common.KEY_RULES if r.name == "dated-title")
    assert rule.may_match is common.may_be_title_line
    assert rule.pattern is common.TITLE_LINE_RE
    assert not common.may_be_title_line("| " + "委員会 | " * 30)
    assert common.may_be_title_line("文教警察常任委員会 平成27年3月4日(水曜日)")
