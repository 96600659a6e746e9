"""The lines as plain lists (issue 13, round 18) give what the :class:`Line` objects give.

:func:`~gijiroku.tokenizer.tokenize_lines` cuts the text into a
:class:`~gijiroku.normalize.LineTable` (:func:`~gijiroku.normalize.split_line_table`: texts,
starts, numbers and the lines after a form feed, no object per line) and hands it to the
passes over the whole document and to the line reader, which read its lists. Each twin is
checked against the public function on :class:`Line` objects: on every sample and on
generated text with every line break :func:`~gijiroku.normalize.split_lines` knows (and the
separators it does not), blank, white-space-only and flattened lines.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gijiroku import tokenizer
from gijiroku.blocks import Block
from gijiroku.formats import FORMATS
from gijiroku.layout import (
    LabelCounts,
    find_running_headers,
    form_feeds,
    non_blank,
    unflatten,
    unflatten_table,
)
from gijiroku.normalize import LineTable, line_starts, split_line_table, split_lines

from .conftest import sample_paths
from .rule_tables import flat_blocks

#: Every line break split_lines knows (CR, LF, CRLF, form feed, VT, NEL, U+2028, U+2029), the
#: separators it does not (FS, GS, RS), white space (full-width space, tab, U+3000) and text.
_ALPHABET = st.sampled_from(
    [
        *"あい議長○◯－-1２ P.\u3000 \t",
        *["\n"] * 4,
        "\r\n",
        "\r",
        "\f",
        "\v",
        "\x85",
        "\u2028",
        "\u2029",
        "\x1c",
        "\x1e",
        "\u3000\u3000",
        "- 3 -",
        "○議長（梶　泰久）",
        "第4回定例会 - 3",
    ]
)
_TEXTS = st.lists(_ALPHABET, max_size=80).map("".join)
#: A record flattened onto one long line (unflatten cuts it), among other lines.
_FLATTENED = (
    "会議を開きます。" * 50 + " ◯議長(柏木 豊) 開議。 ◯山田委員 質問。    ◯議長(柏木 豊) 散会。"
)
_WITH_FLATTENED = st.lists(
    st.one_of(_ALPHABET, st.just(_FLATTENED), st.just("\f" + _FLATTENED)), max_size=30
).map("".join)


def _check_table(text: str) -> None:
    """The table of ``text`` is its :func:`split_lines`, and every twin reads it alike."""
    lines = split_lines(text)
    table = split_line_table(text)
    assert list(table) == lines
    assert len(table) == len(lines)
    assert list(table.numbers) == [line.number for line in lines]
    assert table.feeds == [i for i, line in enumerate(lines) if line.after_form_feed]
    # (one more start at most: the text's end)
    assert table.starts[: len(lines)] == [line.start for line in lines]
    assert table.starts[len(lines) :] in ([], [len(text)])
    if lines:
        assert table[-1] == lines[-1]
        assert table[1:3] == lines[1:3]
    assert list(LineTable.of(lines)) == lines
    assert table.filled_mask() == [not line.is_blank for line in lines]
    # the editors' line starts, the table's own list or cut from it
    assert line_starts(text, lines=table) == line_starts(text, lines=lines) == line_starts(text)
    quick, plain = tokenizer._Positions(text, table), tokenizer._Positions(text, lines)
    assert quick._line_starts == plain._line_starts
    assert quick.lines_as_editors == plain.lines_as_editors
    # the passes over the lines
    cut, cut_lines = unflatten_table(table), unflatten(lines)
    assert list(cut) == cut_lines
    assert list(cut.numbers) == [line.number for line in cut_lines]
    assert non_blank(cut) == non_blank(cut_lines)
    assert form_feeds(cut, text) == form_feeds(cut_lines) == form_feeds(cut)
    markers = tokenizer._find_page_markers(FORMATS["assembly"], cut_lines)
    assert markers.keys() == tokenizer._find_page_markers(FORMATS["assembly"], cut).keys()
    assert find_running_headers(cut, markers.keys()) == find_running_headers(
        cut_lines, markers.keys()
    )
    assert tokenizer._page_boundaries(cut, markers) == tokenizer._page_boundaries(
        cut_lines, markers
    )
    quick_counts, plain_counts = LabelCounts(cut), LabelCounts(cut_lines)
    assert quick_counts.named == plain_counts.named  # (read before the counts: from the texts)
    assert (dict(quick_counts), quick_counts.lone) == (dict(plain_counts), plain_counts.lone)
    # the paragraphs of the modes that join lines, read from the lists
    spans = tokenizer._Positions(text, lines)
    for mode in ("pdf", "line", "blank"):
        assert _paragraphs(tokenizer._joined_paragraphs(cut, mode, markers, spans, {})) == (
            _paragraphs(tokenizer._joined_paragraphs(cut_lines, mode, markers, spans, {}))
        )


def _paragraphs(items: object) -> list[tuple[object, ...]]:
    assert not isinstance(items, str)
    found: list[tuple[object, ...]] = []
    for item in items:  # type: ignore[attr-defined]
        if isinstance(item, tokenizer.Paragraph):
            found.append(
                (item.text, item.start, item.end, item.line, item.indent, item.pieces, item.pages)
            )
        else:
            assert isinstance(item, Block)
            found.append((item.kind, item.span, item.meta, item.rule))
    return found


def test_the_samples_tables_are_their_lines() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        _check_table(text)
        _check_table(text.replace("\n", "\r\n"))
        _check_table(text.replace("\n", "\f", 3))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_any_texts_table_is_its_lines(text: str) -> None:
    _check_table(text)


@settings(max_examples=100, deadline=None)
@given(_WITH_FLATTENED)
def test_flattened_lines_are_cut_alike_in_a_table(text: str) -> None:
    _check_table(text)


def test_a_flattened_line_is_cut_in_the_table() -> None:
    """The generated texts do cut lines (the test above checks the table's cut lines)."""
    text = f"前\f{_FLATTENED}\n後"
    table = unflatten_table(split_line_table(text))
    assert len(table) > 3
    assert list(table) == unflatten(split_lines(text))
    assert table.feeds == [1]
    assert list(table.numbers)[:3] == [1, 2, 2]


def _tokenized_both_ways(text: str, name: str) -> tuple[list[Block], list[Block]]:
    """The blocks of ``text`` read from the table's lists, and from :class:`Line` objects
    (the tokenizer given split_lines and unflatten)."""
    fmt = FORMATS[name]
    quick = tokenizer.tokenize_lines(text, fmt)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(tokenizer, "split_line_table", split_lines)
        patch.setattr(tokenizer, "unflatten_table", unflatten)
        long = tokenizer.tokenize_lines(text, fmt)
    return quick, long


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_the_samples_read_alike_from_the_table(name: str) -> None:
    for path in sample_paths():
        quick, long = _tokenized_both_ways(path.read_text(encoding="utf-8"), name)
        assert flat_blocks(quick) == flat_blocks(long), path


#: Openings that end the header, so that the lines after them are read in the body.
_OPENINGS = st.sampled_from(
    ["", "○議長（山田太郎君）　ただいまから会議を開きます。\n", "# 議事録\n\n## 議題\n\n- あい\n"]
)


@settings(max_examples=300, deadline=None)
@given(_OPENINGS, _WITH_FLATTENED, st.sampled_from(sorted(FORMATS)))
def test_any_text_reads_alike_from_the_table(opening: str, text: str, name: str) -> None:
    quick, long = _tokenized_both_ways(opening + text, name)
    assert flat_blocks(quick) == flat_blocks(long)
