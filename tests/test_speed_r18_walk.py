"""Round 18, the parser's walk: the shortcuts give what the long way gives.

- :func:`gijiroku.blocks.group_reader` reads several groups of a block at once: the same as
  one ``get`` per group, for each kind of mapping a block may hold;
- :func:`gijiroku.parser._turn` and :func:`gijiroku.labels._labels_and_openings` read a TURN
  block's groups with it;
- :func:`gijiroku.parser._walk` reads a continuation line's one group inline and calls
  :func:`~gijiroku.parser._continuation` itself: the same drafts as the handler's way.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gijiroku.labels as labels
import gijiroku.parser as parser
from gijiroku.blocks import (
    Block,
    BlockKind,
    BlockMeta,
    LayoutMeta,
    NoteMeta,
    OneGroup,
    Pos,
    TurnMeta,
    frozen_groups,
    group_reader,
    named_groups,
    shared_group_names,
)
from gijiroku.formats import get_format
from gijiroku.meeting import MeetingBuilder
from gijiroku.rosters import RosterBuilder

from .test_speed_r13_post import _labels_and_openings_the_long_way

_NAMES = ["label", "pname", "mark", "text", "value", "key"]
_VALUES = ["", "議長", "山田委員", "開会します。", " \u3000", "○"]


@st.composite
def _groups(draw: st.DrawFn) -> Mapping[str, str]:
    """A block's groups, as the tokenizer keeps them (one, several, none) or as a hand-made
    block may hold them (a dictionary, a proxy)."""
    names = draw(st.lists(st.sampled_from(_NAMES), unique=True, max_size=5))
    values = {name: draw(st.sampled_from(_VALUES)) for name in names}
    form = draw(st.sampled_from(["frozen", "named", "dict", "proxy"]))
    if form == "named" and len(names) >= 2:
        shared = shared_group_names(tuple(names))
        assert shared is not None
        return named_groups(shared, tuple(values.values()))
    if form == "dict":
        return values
    if form == "proxy":
        return MappingProxyType(values)
    return frozen_groups(values)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(_groups(), min_size=1, max_size=6),
    st.lists(st.sampled_from(_NAMES), unique=True, min_size=2, max_size=4),
)
def test_group_reader_reads_what_get_gives(
    groups: list[Mapping[str, str]], wanted: list[str]
) -> None:
    read = group_reader(tuple(wanted))
    for _ in range(2):  # (the second time from the getters it made)
        for held in groups:
            assert read(held) == tuple(held.get(name, "") for name in wanted)


def test_group_reader_reads_the_kinds_it_takes_apart() -> None:
    read = group_reader(("label", "pname", "text"))
    one = frozen_groups({"text": "続き"})
    several = frozen_groups({"text": "開会します。", "label": "議長"})
    assert type(one) is OneGroup
    assert type(several) is not OneGroup
    assert read(one) == ("", "", "続き")
    assert read(several) == ("議長", "", "開会します。")
    assert read(frozen_groups({"mark": "○"})) == ("", "", "")
    with pytest.raises(ValueError, match="two groups"):
        group_reader(("label",))


# -- the labels' pass, on groups as the tokenizer keeps them --------------------------------------

_TURN_GROUPS = [
    {"label": "議長", "text": "開会します。"},
    {"label": "議長", "text": ""},
    {"label": "山田委員", "text": " \u3000", "pname": "山田太郎"},
    {"text": "あ" * 250, "label": ""},
    {"label": "山田委員"},
    {"mark": "○", "label": "佐藤委員", "pname": "", "text": "質問します"},
]


@st.composite
def _turn_blocks(draw: st.DrawFn) -> list[Block]:
    blocks = []
    kinds = [BlockKind.TURN, BlockKind.CONTINUATION, BlockKind.NOTE, BlockKind.PAGE]
    for at, kind in enumerate(draw(st.lists(st.sampled_from(kinds), max_size=30))):
        if kind is BlockKind.TURN:
            groups = draw(st.sampled_from(_TURN_GROUPS))
            meta: BlockMeta = TurnMeta(enrol=draw(st.booleans()))
        else:
            groups = draw(
                st.sampled_from(
                    [{"text": "続き"}, {"text": ""}, {"value": "x"}, {"text": "い" * 300}]
                )
            )
            meta = NoteMeta() if kind is BlockKind.NOTE else BlockMeta()
            if kind is BlockKind.PAGE:
                groups, meta = {}, LayoutMeta()
        held = frozen_groups(groups) if draw(st.booleans()) else dict(groups)
        blocks.append(Block(kind, Pos(at * 10, at * 10 + 5, at + 1, at + 1, None), held, meta))
    return blocks


@settings(max_examples=300, deadline=None)
@given(_turn_blocks())
def test_labels_and_openings_read_at_once_are_the_long_way(blocks: list[Block]) -> None:
    assert labels._labels_and_openings(blocks) == _labels_and_openings_the_long_way(blocks)


# -- the walk: turns and continuation lines --------------------------------------------------------


def _turn_the_long_way(state: parser.ParseState, block: Block) -> None:
    """:func:`parser._turn` as it was: one ``get`` per group, the record through meta_of."""
    groups = block.groups
    label = groups.get("label", "")
    key = (label, groups.get("pname") or None, groups.get("mark") or None)
    parts = state.labels.get(key)
    if parts is None:
        parts = state.fmt.read_label(block, state.known_titles)
        state.labels[key] = parts
    text = groups.get("text") or ""
    state.current = current = parser._TurnDraft(
        parts,
        state.section_id,
        block.span,
        block.span,
        enrol=parser.meta_of(block, TurnMeta).enrol,
        label=label,
        paragraphs=[text] if text else [],
    )
    state.turns.append(current)
    state.last_speaker = parts


def _walked(blocks: list[Block], *, long_way: bool) -> tuple[list[tuple[object, ...]], object]:
    fmt = get_format("assembly")
    text = "\n" * 10_000
    handlers = dict(parser.BLOCK_HANDLERS)
    if long_way:  # (a handler that is not _continuation itself: every line takes the call)
        handlers[BlockKind.CONTINUATION] = lambda state, block: parser._continuation(state, block)
        handlers[BlockKind.TURN] = _turn_the_long_way
    state = parser.ParseState(
        text=text,
        fmt=fmt,
        meeting=MeetingBuilder(fmt),
        rosters=RosterBuilder(
            text=text, known_titles=set(), read=fmt.read_entry, post_column=fmt.post_column
        ),
        known_titles=set(),
        block_handlers=handlers,
        header_handlers=dict(parser.HEADER_HANDLERS),
    )
    parser._walk(state, blocks)
    turns: list[tuple[object, ...]] = [
        (t.speaker, t.section_id, t.first, t.last, t.continued, t.enrol, t.label, t.paragraphs)
        for t in state.turns
    ]
    notes = [t.note_paragraphs for t in state.turns]
    diagnostics = [(d.code, d.message, d.span) for d in state.finish_diagnostics()]
    return turns, (notes, diagnostics, state.events, state.signing, state.layout)


@settings(max_examples=300, deadline=None)
@given(_turn_blocks())
def test_the_walk_reads_turns_and_lines_as_the_handlers_do(blocks: list[Block]) -> None:
    assert _walked(blocks, long_way=False) == _walked(blocks, long_way=True)


def test_the_walk_reads_a_document_as_the_handlers_do() -> None:
    blocks = [
        Block(
            BlockKind.CONTINUATION, Pos(5000, 5002, 100, 100, None), frozen_groups({"text": "前"})
        ),
        Block(
            BlockKind.TURN,
            Pos(5010, 5020, 101, 101, None),
            frozen_groups({"label": "議長"}),
            TurnMeta(),
        ),
        Block(
            BlockKind.CONTINUATION, Pos(5021, 5030, 102, 102, None), frozen_groups({"text": "開会"})
        ),
        Block(
            BlockKind.CONTINUATION, Pos(5031, 5040, 103, 103, None), frozen_groups({"value": "x"})
        ),
        Block(BlockKind.CONTINUATION, Pos(5041, 5050, 104, 104, None), frozen_groups({"text": ""})),
        Block(BlockKind.CONTINUATION, Pos(5051, 5060, 105, 105, None), {"text": "続き"}),
    ]
    turns, rest = _walked(blocks, long_way=False)
    assert (turns, rest) == _walked(blocks, long_way=True)
    assert [t[-1] for t in turns] == [["開会", "続き"]]
    assert turns[0][3] == Pos(5051, 5060, 105, 105, None)
