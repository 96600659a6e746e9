"""Round 14 of issue 13, the passes after the walk: the share of prose in turns is read
without counting the prose inside turns when none is outside them, and gives what counting
it gives.
"""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import gijiroku
import gijiroku.quality as quality
from gijiroku.blocks import Block, BlockKind, Pos

from .conftest import sample_paths


def _share_the_long_way(prose: quality._Prose) -> float | None:
    """What ``assess`` gave: the counted prose inside turns over all the prose."""
    return round(prose.inside / prose.total, 3) if prose.total else None


def _check(text: str) -> None:
    blocks = gijiroku.tokenize(text)
    utterances = gijiroku.parse(text).utterances
    counted = quality._prose(blocks, utterances, text)
    quick = quality._prose(blocks, utterances, text, count_inside=False)
    assert not counted.inside_only
    assert quick.share_in_turns() == _share_the_long_way(counted)
    assert counted.share_in_turns() == _share_the_long_way(counted)
    assert (quick.outside, quick.in_header, quick.header_chars) == (
        counted.outside,
        counted.in_header,
        counted.header_chars,
    )
    if quick.inside_only:  # not counted: nothing outside, something inside
        assert counted.total == counted.inside > 0
        assert (quick.total, quick.inside) == (0, 0)
    else:  # counted (something outside, or no prose in turns)
        assert (quick.total, quick.inside) == (counted.total, counted.inside)


def test_the_share_of_prose_in_turns_of_the_samples_is_the_counted_one() -> None:
    uncounted = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        _check(text)
        blocks = gijiroku.tokenize(text)
        utterances = gijiroku.parse(text).utterances
        uncounted += quality._prose(blocks, utterances, text, count_inside=False).inside_only
    assert uncounted  # the shortcut is taken by some sample


_LINES = st.sampled_from(
    [
        "○議長（山田太郎君）　ただいまから会議を開きます。",
        "○佐藤委員　質問します。",
        "　続いて説明します。",
        "○議長（山田太郎君）",
        "",
        "   ",
        "\u3000",
        "出席委員　山田、佐藤、鈴木、田中",
        "伊藤、竹田、冨士川、松波理事",
        "会議録",
        "令和5年4月12日",
        "それではただ今より定例会をはじめさせていただきます。",
        "（委員長）本日の会議を開きます。次に報告があった。",
        "なし",
        "\x1c",
        "a\x1fb",
        "─────────",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINES, min_size=0, max_size=14))
def test_the_share_of_prose_in_turns_is_the_counted_one(lines: list[str]) -> None:
    _check("\n".join(lines))


def _inside_the_long_way(text: str, inner: list[Pos]) -> int:
    """Each block's non-blank characters, as ``\\S`` counts them, added up."""
    return sum(len(regex.findall(r"\S", text[pos.start : pos.end])) for pos in inner)


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.text(alphabet="あ山 \u3000\n\t\x1c。", max_size=8)),
        max_size=10,
    )
)
def test_the_prose_inside_turns_is_counted_block_by_block(pieces: list[tuple[int, str]]) -> None:
    text, inner = "", []
    for gap, piece in pieces:
        text += " " * gap
        inner.append(Pos(len(text), len(text) + len(piece), 1, 1, None))
        text += piece
    separators = any(char in text for char in "\x1c\x1d\x1e\x1f")
    assert quality._inside_chars(text, inner, separators) == _inside_the_long_way(text, inner)
    assert quality._inside_chars(text, inner, True) == _inside_the_long_way(text, inner)


def test_a_document_with_prose_outside_turns_counts_the_prose_inside() -> None:
    text = "会議録\n\n" + "これは説明の文章です。" * 10 + "\n\n○議長（山田太郎君）　開会します。\n"
    blocks: list[Block] = gijiroku.tokenize(text)
    utterances = gijiroku.parse(text).utterances
    assert utterances
    assert any(block.kind is BlockKind.UNMATCHED for block in blocks)
    quick = quality._prose(blocks, utterances, text, count_inside=False)
    assert not quick.inside_only
    assert quick.outside
    assert quick.inside > 0
    assert quick.total > quick.inside
    _check(text)
