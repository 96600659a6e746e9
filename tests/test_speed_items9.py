"""Shortcuts of the notes' items (issue 13): an item's record at its indentation, tested
against the long way."""

from __future__ import annotations

import dataclasses

import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import normalize, tokenizer
from gijiroku.blocks import ItemMeta
from gijiroku.formats import summary

_ITEMS = st.builds(
    ItemMeta,
    kind=st.sampled_from(["bullet", "paragraph", "todo", "decision"]),
    owner=st.none() | st.sampled_from(["sano", "sano, takanory"]),
    indent=st.integers(0, 8),
    heads_kind=st.booleans(),
)


@given(_ITEMS, st.integers(0, 8))
def test_an_item_at_its_columns_is_the_long_way(item: ItemMeta, columns: int) -> None:
    expected = dataclasses.replace(item, indent=columns)
    assert tokenizer._indented(item, columns) == expected
    with normalize.memo_scope():
        assert tokenizer._indented(item, columns) == expected
        assert tokenizer._indented(item, columns) == expected  # (the memo's answer)


def test_an_item_already_at_its_columns_is_itself() -> None:
    item = ItemMeta(kind="todo", owner="sano")
    assert tokenizer._indented(item, 0) is item
    moved = tokenizer._indented(item, 2)
    assert moved == ItemMeta(kind="todo", owner="sano", indent=2)
    assert tokenizer._indented(moved, 2) is moved


_OWNER_PIECES = st.sampled_from([*"()（）、, ab漢", "sano", "担当：", "takanory", ") "])


@given(st.lists(_OWNER_PIECES, min_size=1, max_size=12).map("".join))
def test_only_one_way_of_reading_an_owner_can_find_one(bare: str) -> None:
    """(``_owner`` tries the closed way on a text a closing parenthesis ends, else the open
    way: the other would find none)"""
    opened, closed = summary._open_owner(bare), summary._closed_owner(bare)
    if bare[-1] in ")）":
        assert opened is None
    else:
        assert closed is None


def test_the_said_by_pattern_is_anchored() -> None:
    """(``_owner`` reads it with match: search finds nothing later in a text)"""
    assert summary.SAID_BY_RE.pattern.startswith("^")
    assert not summary.SAID_BY_RE.flags & regex.MULTILINE
    assert summary.SAID_BY_RE.search("x sano) です") is None
    assert summary.SAID_BY_RE.match("sano) です") is not None
