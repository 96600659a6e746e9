"""The tokenizer's short ways of round 16 (issue 13) make the blocks the long way makes.

- Where the lines are numbered as editors number them (:func:`tokenizer._numbered_alike`: a
  text whose only breaks are LF, CR and CRLF), :meth:`tokenizer._Reader.read_lines` makes a
  line's span from its offsets, its number and the page it is on, without
  :meth:`tokenizer._Positions.line_span`; the long way is that method for every block.
- :func:`gijiroku.blocks.one_group_block` is ``unchecked_block`` of a ``OneGroup``.
- A plain rule's block with two or more groups, all set, takes its groups from
  ``match.groups()`` (:class:`tokenizer._PlainRule`'s ``shared_names``).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gijiroku import tokenizer
from gijiroku.blocks import (
    Block,
    BlockKind,
    OneGroup,
    Pos,
    default_meta,
    one_group_block,
    unchecked_block,
)
from gijiroku.formats import FORMATS
from gijiroku.normalize import line_starts, split_lines

from .conftest import sample_paths
from .rule_tables import flat_blocks

#: Characters that make lines, pages, page markers, speakers, blank lines and breaks that
#: editors do not count (form feeds, vertical tabs, the Unicode separators).
_ALPHABET = st.sampled_from(
    [*"あい議長○◯－-1２ P.\u3000 \t", "\n", "\n", "\n", "\r\n", "\r", "\f", "\v", "\u2028"]
)
_TEXTS = st.lists(_ALPHABET, max_size=80).map("".join)
#: Openings that end the header, so that the lines after them are read in the body, where
#: most take the short ways (a speech; the title, a heading and a bullet of notes).
_OPENINGS = st.sampled_from(
    ["", "○議長（山田太郎君）　ただいまから会議を開きます。\n", "# 議事録\n\n## 議題\n\n- あい\n"]
)


def _tokenized_both_ways(
    monkeypatch: pytest.MonkeyPatch, text: str, name: str
) -> tuple[list[Block], list[Block]]:
    """The blocks of ``text`` as read, and with every span made by ``line_span`` (the
    lines never taken as numbered alike)."""
    fmt = FORMATS[name]
    quick = tokenizer.tokenize_lines(text, fmt)
    with monkeypatch.context() as patch:
        patch.setattr(tokenizer, "_numbered_alike", lambda text, starts, lines: False)
        long = tokenizer.tokenize_lines(text, fmt)
    return quick, long


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_the_samples_spans_are_the_long_ways(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    alike = 0
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        quick, long = _tokenized_both_ways(monkeypatch, text, name)
        assert flat_blocks(quick) == flat_blocks(long), path
        lines = split_lines(text)
        alike += tokenizer._numbered_alike(text, line_starts(text, lines=lines), lines)
    assert alike  # (the short way was taken)


@settings(max_examples=300, deadline=None)
@given(_OPENINGS, _TEXTS, st.sampled_from(sorted(FORMATS)))
def test_any_texts_spans_are_the_long_ways(opening: str, text: str, name: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        quick, long = _tokenized_both_ways(monkeypatch, opening + text, name)
    assert flat_blocks(quick) == flat_blocks(long)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_lines_numbered_alike_are_the_editors_lines(text: str) -> None:
    physical = split_lines(text)
    spans = tokenizer._Positions(text, physical)
    if not spans.lines_as_editors:
        assert any(c in text for c in "\f\v\u2028")
        return
    spans.set_pages([], None)
    for line in physical:
        for start in range(line.start, line.end + 1):
            for end in (start, line.end):
                assert spans.span(start, end) == Pos(start, end, line.number, line.number, None)


@given(_TEXTS)
def test_texts_without_other_breaks_are_numbered_alike(text: str) -> None:
    text = text.replace("\f", "\n").replace("\v", "\n").replace("\u2028", "\r")
    assert tokenizer._Positions(text, split_lines(text)).lines_as_editors


@given(st.integers(0, 5), st.integers(0, 5), st.one_of(st.none(), st.integers(1, 9)))
def test_page_around_is_the_page_of_span(offset: int, width: int, first: int | None) -> None:
    text = "あい\nう\n－ 2 －\nえお\n" * 3
    spans = tokenizer._Positions(text, split_lines(text))
    spans.set_pages([(4, 2), (12, 3), (12 + width, None)], first)
    page, begins, ends = spans.page_around(offset * 3)
    assert page == spans.span(offset * 3, offset * 3)[4]
    assert begins <= offset * 3 < ends
    for at in range(begins, min(ends, len(text))):
        assert spans.span(at, at)[4] == page


@given(st.sampled_from(list(BlockKind)), st.text(max_size=5), st.text(max_size=5))
def test_one_group_block_is_the_unchecked_ones(kind: BlockKind, name: str, value: str) -> None:
    span = Pos(1, 2, 3, 3, None)
    made = one_group_block(kind, span, name, value, default_meta(kind), "rule")
    long = unchecked_block(kind, span, OneGroup(name, value), default_meta(kind), "rule", ())
    assert type(made) is Block
    assert made == long
    assert (dict(made.groups), type(made.groups)) == (dict(long.groups), OneGroup)


def test_plain_rules_groups_are_those_of_the_long_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """The assembly samples' speeches (a plain rule with three groups) read with the groups
    taken from the match, and with ``shared_names`` dropped (the long way: ``_groups``)."""
    made = 0
    plain_rule = tokenizer._plain_rule

    def long_way(*args: object) -> tokenizer._PlainRule | None:
        found = plain_rule(*args)  # type: ignore[arg-type]
        return None if found is None else found._replace(shared_names=None)

    fmt = FORMATS["assembly"]
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        quick = tokenizer.tokenize_lines(text, fmt)
        with monkeypatch.context() as patch:
            patch.setattr(tokenizer, "_plain_rule", long_way)
            long = tokenizer.tokenize_lines(text, fmt)
        assert flat_blocks(quick) == flat_blocks(long), path
        assert [type(b.groups) for b in quick] == [type(b.groups) for b in long]
        made += sum(b.rule == "speech" and len(b.groups) >= 2 for b in quick)
    assert made
