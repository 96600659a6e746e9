"""The parser's shortcuts (issue 13) give what the long way gives, and keep nothing from one
parse to the next: the memo of short strings lives for one parse only."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import normalize
from gijiroku.names import position_suffix, split_person
from gijiroku.normalize import _clean, clean_text, compact, memo_scope, memoized

_TEXTS = st.text(
    alphabet=st.sampled_from("林 山田\u3000太郎委員長議ｶﾞｷﾞＩＣＴ２0a\t\u200b（）〔〕拍手")
    | st.characters(),
    max_size=60,
)

# -- the memo of one parse --------------------------------------------------------------------


@given(st.lists(_TEXTS, max_size=8))
def test_clean_and_compact_in_a_scope_are_the_plain_computation(texts: list[str]) -> None:
    plain = [(_clean(t), normalize.WHITESPACE_RE.sub("", _clean(t))) for t in texts]
    with memo_scope():
        twice = [(clean_text(t), compact(t)) for t in texts + texts]
    assert twice == plain + plain
    assert [(clean_text(t), compact(t)) for t in texts] == plain


@given(st.lists(_TEXTS, max_size=8))
def test_name_splits_in_a_scope_are_the_plain_computation(texts: list[str]) -> None:
    plain = [(split_person(t, run_together=True), position_suffix(t)) for t in texts]
    with memo_scope():
        remembered = [(split_person(t, run_together=True), position_suffix(t)) for t in texts]
        again = [(split_person(t, run_together=True), position_suffix(t)) for t in texts]
    assert remembered == again == plain


def test_memoized_computes_once_in_a_scope_and_every_time_outside() -> None:
    calls: list[str] = []

    def upper(key: str) -> str | None:
        calls.append(key)
        return None if key == "none" else key.upper()

    assert memoized("test-upper", upper, "a") == "A"
    assert memoized("test-upper", upper, "a") == "A"
    assert calls == ["a", "a"]
    with memo_scope():
        assert [memoized("test-upper", upper, k) for k in ("b", "b", "none", "none")] == [
            "B",
            "B",
            None,
            None,
        ]
        with memo_scope():  # a parse inside a parse has its own memo
            assert memoized("test-upper", upper, "b") == "B"
    assert calls == ["a", "a", "b", "none", "b"]


def test_a_parse_leaves_no_memo_behind() -> None:
    assert normalize._MEMO.get() is None
    minutes = gijiroku.parse("座長 それでは始めます。\n林委員 賛成です。")
    assert [u.speaker.label for u in minutes.utterances] == ["座長", "林委員"]
    assert normalize._MEMO.get() is None
    gijiroku.tokenize("座長 それでは始めます。")
    assert normalize._MEMO.get() is None


def test_the_memo_ends_when_a_parse_fails() -> None:
    with pytest.raises(gijiroku.FormatNotFound):
        gijiroku.parse("座長 はい。", format="no-such-family")
    assert normalize._MEMO.get() is None
