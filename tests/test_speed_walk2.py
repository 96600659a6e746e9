"""Shortcuts of the walk and the stages around it (issue 13, round 3) give what the long way
gives."""

from __future__ import annotations

from gijiroku import api
from gijiroku.blocks import Block, BlockKind
from gijiroku.formats import get_format
from gijiroku.normalize import memo_scope
from gijiroku.tokenizer import tokenize_lines

from .conftest import sample_paths


def _pages_the_long_way(blocks: list[Block]) -> list[Block]:
    def holds(block: Block) -> bool:
        return block.kind is BlockKind.PAGE or any(holds(child) for child in block.children)

    return [block for block in blocks if holds(block)]


def test_the_blocks_holding_a_page_are_those_the_long_way_finds() -> None:
    """_read asks _holds_a_page only of a block with children (a childless block holds a
    page only when it is one): its pages are those every block asked finds."""
    seen = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        _, pages = api._read(
            text, format=None, source_name=None, encoding="utf-8", sha256="0", line_count=1
        )
        with memo_scope():
            blocks = tokenize_lines(text, get_format(None, text))
        assert [(p.kind, p.span, p.children) for p in pages] == [
            (p.kind, p.span, p.children) for p in _pages_the_long_way(blocks)
        ]
        seen += len(pages)
    assert seen > 0  # (the bundled samples hold page markers)
