"""Properties that hold for any input: no crash, no loss, spans in order, JSON round-trip."""

from __future__ import annotations

import contextlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gijiroku
from gijiroku import BlockKind, GijirokuError

PIECES = st.sampled_from(
    [
        "座長", "林委員", "情報政策課長", "事務局", "〇河野大臣：", "○議長（山田太郎君）",
        "（了承）", "(なし)", "〔議題（１）その他〕", "【議事】", "- 4 -", "P.5", "3",
        "日 時：平成 28 年 2 月 8 日（月） 13：30～15：00", "会 場：本庁舎", "出席者：",
        "及川委員、曽根委員(座長)", "（仙台市）：日下情報政策部長", "（開始 13：30）",
        "令和五年十一月一日", "二十六", "ＩＣＴ", "ｶﾀｶﾅ", "　", " ", "\n", "\r\n", "\f", "\t",
        "\u200b", "です。", "、", "（", "）", "〔", "〕", "「", "」",
    ]
)  # fmt: skip
MINUTES_LIKE = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=40).map("".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE)
def test_parse_returns_or_raises_a_gijiroku_error(text: str) -> None:
    with contextlib.suppress(GijirokuError):
        gijiroku.parse(text)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE)
def test_blocks_tile_the_input(text: str) -> None:
    blocks = gijiroku.tokenize(text)
    covered = [False] * len(text)
    last_end = 0
    for block in blocks:
        assert 0 <= block.span.start <= block.span.end <= len(text)
        assert block.span.start >= last_end, "top-level blocks overlap or are out of order"
        last_end = block.span.end
        for i in range(block.span.start, block.span.end):
            covered[i] = True
    missing = [ch for ch, c in zip(text, covered, strict=True) if not c and not ch.isspace()]
    assert missing == []


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE)
def test_nothing_is_lost_and_turns_are_ordered(text: str) -> None:
    m = gijiroku.parse(text)
    assert m.unaccounted(text) == []
    previous_end = 0
    for u in m.utterances:
        assert 0 <= u.span.start < u.span.end <= len(text)
        assert u.span.start >= previous_end
        previous_end = u.span.end
        assert u.span.line_start <= u.span.line_end
        for note in u.notes:
            assert u.text[note.start : note.end] == note.text


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(MINUTES_LIKE)
def test_json_round_trip(text: str) -> None:
    m = gijiroku.parse(text)
    assert gijiroku.Minutes.model_validate_json(m.to_json()) == m


def test_block_kinds_are_stable() -> None:
    assert {k.value for k in BlockKind} >= {
        "header", "section", "turn", "note", "page", "continuation", "unmatched"}  # fmt: skip
