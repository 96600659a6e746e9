"""Text clean-up and line splitting: table cases and properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gijiroku.normalize import clean_text, compact, split_lines


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("ICT が一般化", "ICTが一般化"),  # sendai line 77
        ("平成 28 年 2 月 8 日（月）", "平成28年2月8日（月）"),  # sendai line 5
        ("方針 2016-2020 の策定", "方針2016-2020の策定"),  # sendai line 63
        ("ＩＣＴ利活用方針", "ICT利活用方針"),
        ("議題（１）", "議題（1）"),  # Japanese brackets kept
        ("ﾃｽﾄ｡", "テスト。"),  # half-width katakana and punctuation
        ("LINE や Facebook", "LINEやFacebook"),  # sendai line 361
        ("Office Word", "Office Word"),  # Latin–Latin spaces stay
        ("平成27年度 仙台市", "平成27年度 仙台市"),  # Japanese–Japanese spaces stay
        ("「」、。〔〕", "「」、。〔〕"),
        ("a\u200bb", "ab"),  # zero-width space dropped
        ("  前後  ", "前後"),
        ("13：30", "13：30"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_compact_removes_every_space() -> None:
    assert compact("藤丸　　敏") == "藤丸敏"
    assert compact(" 日 時 ") == "日時"


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a\nb", ["a", "b"]),
        ("a\r\nb\rc", ["a", "b", "c"]),
        ("a\fb", ["a", "b"]),
        ("a\n", ["a"]),
        ("", [""]),
    ],
)
def test_split_lines(text: str, lines: list[str]) -> None:
    assert [ln.text for ln in split_lines(text)] == lines


@given(st.text())
def test_lines_index_the_original_text(text: str) -> None:
    for line in split_lines(text):
        assert text[line.start : line.end] == line.text
        assert "\n" not in line.text
        assert "\r" not in line.text


@given(st.text())
def test_clean_text_is_idempotent(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.text(alphabet=st.sampled_from("あア漢ＡＢ１２ab12 　、。（）")))
def test_clean_text_keeps_every_letter(text: str) -> None:
    kept = compact(text)
    assert len(kept) == sum(1 for ch in text if not ch.isspace())
