"""Shortcuts of the notes' items (issue 13): an item's record at its indentation, tested
against the long way."""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from gijiroku import normalize, tokenizer
from gijiroku.blocks import ItemMeta

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
