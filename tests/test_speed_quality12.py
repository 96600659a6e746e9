"""quality.assess: one loop over the blocks for the prose and the unread rosters, and the prose
counted in one piece. Each shortcut is compared with the long way, on every sample and on
generated blocks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import gijiroku
import gijiroku.quality as quality
from gijiroku.blocks import Block, BlockKind, HeaderMeta, HeaderName, Pos, frozen_groups

from .conftest import sample_paths


def test_the_rosters_read_from_the_kept_blocks_are_those_read_from_all_blocks() -> None:
    found = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        minutes = gijiroku.parse(text)
        blocks = gijiroku.tokenize(text, format=minutes.source.format)
        prose = quality._prose(blocks, minutes.utterances, text)
        got = quality._unread_rosters(prose.others, text)
        assert got == quality._unread_rosters(blocks, text), path.name
        assert len(prose.others) < len(blocks) or not minutes.utterances
        found += len(got)
    assert found  # some sample holds one


_LINES = ["出席委員", "なし", "林、森、山田、川", "開会します。", "", "議長 林", "欠席者"]
_KINDS = [
    BlockKind.HEADER,
    BlockKind.HEADER,
    BlockKind.ROSTER,
    BlockKind.ROSTER,
    BlockKind.TURN,
    BlockKind.CONTINUATION,
    BlockKind.CONTINUATION,
    BlockKind.UNMATCHED,
    BlockKind.PAGE,
    BlockKind.RUNNING_HEADER,
    BlockKind.NOTE,
]  # (lists of people opened, then closed by speech or not: the kinds that matter, twice)
_HEADER_METAS = [
    None,
    HeaderMeta(name=HeaderName.ATTENDEES),
    HeaderMeta(name=HeaderName.ATTENDEES),
    HeaderMeta(name=HeaderName.ABSENTEES),
    HeaderMeta(name=HeaderName.ROSTER_HEADING),
    HeaderMeta(name=HeaderName.NOTICE),
    HeaderMeta(value_of_key=True),
]


@st.composite
def _minutes(draw: st.DrawFn) -> tuple[str, list[Block]]:
    """A text of short lines, one block of a drawn kind each (rosters with or without
    members, header lines with or without a roster key)."""
    lines = draw(st.lists(st.sampled_from(_LINES), max_size=14))
    text = "\n".join(lines)
    blocks, at = [], 0
    for line in lines:
        kind = draw(st.sampled_from(_KINDS))
        span = Pos(at, at + len(line), 1, 1, None)
        at += len(line) + 1
        groups = {"text": line}
        meta = None
        children: tuple[Block, ...] = ()
        if kind is BlockKind.HEADER:
            meta = draw(st.sampled_from(_HEADER_METAS))
            groups = {"value": line}
        elif kind is BlockKind.ROSTER:
            groups = {"entries": line}
            members = draw(st.integers(0, 2))
            children = tuple(Block(BlockKind.MEMBER, span) for _ in range(members))
        elif kind in (BlockKind.PAGE, BlockKind.RUNNING_HEADER):
            groups = {}
        elif kind is BlockKind.TURN:
            groups = {"label": "林委員", "text": line}
        blocks.append(Block(kind, span, frozen_groups(groups), meta, children=children))
    return text, blocks


@settings(max_examples=400)
@given(_minutes(), st.booleans())
def test_the_kept_blocks_give_the_unread_rosters_all_blocks_give(
    minutes: tuple[str, list[Block]], turns: bool
) -> None:
    text, blocks = minutes
    utterances = gijiroku.parse(text).utterances if turns else ()
    prose = quality._prose(blocks, utterances, text)
    assert quality._unread_rosters(prose.others, text) == quality._unread_rosters(blocks, text)


_PIECES = st.sampled_from(["", " ", "\u3000", "\n", "\x1c", "\x1f", "あ", "林 委員", "。\u2003"])


@given(st.lists(st.lists(_PIECES, max_size=6).map("".join), max_size=8), st.booleans())
def test_the_prose_counted_in_one_piece_is_the_sum_of_its_pieces(
    pieces: list[str], separators: bool
) -> None:
    joined = quality._non_blank("".join(pieces), separators)
    assert joined == sum(quality._non_blank(piece, separators) for piece in pieces)
