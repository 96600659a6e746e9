"""Shortcuts of the walk (issue 13, round 12) give what the long way gives: a span made from
two positions is the span of the position through them, and a turn's label is read from its
groups as ``Block.get`` reads it."""

from __future__ import annotations

import pydantic
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import parser
from gijiroku.blocks import Block, BlockKind, Pos
from gijiroku.formats import get_format
from gijiroku.models import Span, span_between, span_of
from gijiroku.normalize import memo_scope
from gijiroku.tokenizer import tokenize_lines

from .conftest import sample_paths

_INTS = st.integers(min_value=-3, max_value=10**6)
_POSITIONS = st.builds(Pos, _INTS, _INTS, _INTS, _INTS, st.none() | _INTS)


def _outcome(make: object) -> tuple[str, object]:
    """The record's values (and that they are all set), or the validation error's."""
    try:
        span = make() if callable(make) else make
    except pydantic.ValidationError as error:
        return "error", [(e["loc"], e["type"]) for e in error.errors()]
    assert isinstance(span, Span)
    return "span", (span.model_dump(), span.model_fields_set == set(Span.model_fields))


@given(_POSITIONS, _POSITIONS)
def test_a_span_between_two_positions_is_the_span_of_the_position_through_them(
    first: Pos, last: Pos
) -> None:
    assert _outcome(lambda: span_between(first, last)) == _outcome(
        lambda: span_of(parser.through(first, last))
    )


@given(_POSITIONS, _POSITIONS)
def test_a_span_between_a_span_and_a_position_is_the_span_through_them(
    first: Pos, last: Pos
) -> None:
    """A section that a line goes on with (``_extended``) ends where the line ends."""
    try:
        head = span_of(first)
    except pydantic.ValidationError:
        return
    assert (
        _outcome(lambda: span_between(head, last)) == _outcome(lambda: head.through(span_of(last)))
        or _outcome(lambda: span_of(last))[0] == "error"
    )


def test_a_span_of_other_types_goes_through_the_validator() -> None:
    with pytest.raises(pydantic.ValidationError):
        span_between(Pos(1, 2, 0, 1, None), Pos(3, 4, 1, 1, None))  # line 0
    span = span_between(Pos(True, 5, 1, 1, None), Pos(1, 9, 1, 2, 3))
    assert (type(span.start), span.start, span.end, span.line_end, span.page) == (
        int,
        1,
        9,
        2,
        None,
    )


def _turn_blocks() -> list[Block]:
    found = []
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        with memo_scope():
            blocks = tokenize_lines(text, get_format(None, text))
        found += [b for b in blocks if b.kind is BlockKind.TURN]
    return found


def test_a_turns_label_and_text_are_read_as_block_get_reads_them() -> None:
    """_turn reads the groups itself: what ``Block.get`` gives (None for empty) on every
    turn of every sample."""
    turns = _turn_blocks()
    assert len(turns) > 100
    for block in turns:
        groups = block.groups
        assert (groups.get("pname") or None, groups.get("mark") or None) == (
            block.get("pname"),
            block.get("mark"),
        )
        assert (groups.get("text") or "") == (block.get("text") or "")


def test_items_joined_over_lines_span_all_their_lines() -> None:
    """An item a deeper line goes on with spans both lines (the span made once, at the end)."""
    text = "# 議題\n- 一つ目の項目\n  二行目に続く\n- 二つ目\n"
    minutes = gijiroku.parse(text, format="summary")
    items = [item for section in minutes.sections for item in section.items]
    assert [item.text for item in items] == ["一つ目の項目\n二行目に続く", "二つ目"]
    first = items[0].span
    assert (first.line_start, first.line_end) == (2, 3)
    assert text[first.start : first.end] == "- 一つ目の項目\n  二行目に続く"


def test_every_sample_parses_as_with_the_span_made_the_long_way(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """On every sample, the minutes are those made with each turn's, item's, section's and
    signature's span made the long way (a position through the two, then its span)."""
    texts = [path.read_bytes().decode("utf-8") for path in sample_paths()]
    short = [gijiroku.parse(text).to_json() for text in texts]
    monkeypatch.setattr(
        parser, "span_between", lambda first, last: span_of(parser.through(first, last))
    )
    assert [gijiroku.parse(text).to_json() for text in texts] == short
