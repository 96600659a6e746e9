"""The lighter blocks and the quicker line bookkeeping of the tokenizer (issue 13) give what
the long way gives.

- a block of one group keeps it in a small read-only mapping (:func:`frozen_groups`), which
  reads, compares and prints as the dictionary behind a proxy it replaces;
- a span's last line is found without a second bisection when the span ends on its first
  line (and is then the same int);
- a paragraph's line and page are guessed from the last one's, and checked.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Mapping
from types import MappingProxyType
from typing import ClassVar

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku.blocks import Block, BlockKind, Pos, frozen_groups
from gijiroku.formats.base import ParagraphMode
from gijiroku.formats.generic import Generic
from gijiroku.layout import PAGE_MARKER_RE
from gijiroku.normalize import Line, line_starts, memo_scope, split_lines
from gijiroku.tokenizer import Paragraph, _choose_paragraph_mode, _find_page_markers, _Positions

from .conftest import sample_paths

_NAMES = st.sampled_from(["text", "label", "value", "key", "title", "x"])
_GROUPS = st.dictionaries(_NAMES, st.text(max_size=8), max_size=4)


@given(_GROUPS, _NAMES)
def test_frozen_groups_read_as_the_proxy_they_replace(groups: dict[str, str], probe: str) -> None:
    light = frozen_groups(dict(groups))
    proxy = MappingProxyType(dict(groups))
    assert isinstance(light, Mapping)
    assert light == proxy
    assert proxy == light
    assert light == groups
    assert groups == light
    assert light.get(probe) == proxy.get(probe)
    assert light.get(probe, "-") == proxy.get(probe, "-")
    assert (probe in light) == (probe in proxy)
    if probe in proxy:
        assert light[probe] == proxy[probe]
    else:
        with pytest.raises(KeyError):
            light[probe]
    assert len(light) == len(proxy)
    assert list(light) == list(proxy)
    assert list(light.items()) == list(proxy.items())
    assert list(light.values()) == list(proxy.values())
    assert dict(light) == groups
    assert repr(light) == repr(groups) or repr(light) == repr(proxy)


def test_a_single_group_is_read_only_and_small() -> None:
    light = frozen_groups({"text": "本日の会議を開きます。"})
    assert repr(light) == "{'text': '本日の会議を開きます。'}"
    with pytest.raises(TypeError):
        light["text"] = "x"  # type: ignore[index]
    with pytest.raises(AttributeError):
        light.update  # type: ignore[attr-defined]  # noqa: B018
    assert sys.getsizeof(light) <= 64 < sys.getsizeof({"text": ""})
    assert not frozen_groups({})  # none: the shared empty mapping
    assert frozen_groups({}) is frozen_groups({})


def test_blocks_with_light_groups_equal_blocks_with_a_proxy() -> None:
    span = Pos(0, 3, 1, 1, None)
    light = Block(BlockKind.CONTINUATION, span, frozen_groups({"text": "abc"}), rule="r")
    proxy = Block(BlockKind.CONTINUATION, span, MappingProxyType({"text": "abc"}), rule="r")
    other = Block(BlockKind.CONTINUATION, span, MappingProxyType({"text": "abd"}), rule="r")
    assert light == proxy
    assert proxy == light
    assert light != other
    assert light.get("text") == "abc"
    assert light.get("label") is None


def test_tokenized_continuations_carry_light_groups() -> None:
    path = next(p for p in sample_paths() if p.suffix == ".txt")
    blocks = gijiroku.tokenize(path.read_text(encoding="utf-8"))
    single = [b for b in blocks if len(b.groups) == 1]
    assert single, path
    assert all(sys.getsizeof(b.groups) <= 64 for b in single)
    assert all(b.groups == {k: b.groups[k] for k in b.groups} for b in blocks)


def _long_way(starts: list[int], start: int, end: int) -> tuple[int, int]:
    first = bisect.bisect_right(starts, start)
    last = first if end - 1 <= start else bisect.bisect_right(starts, end - 1)
    return first, last


_TEXTS = st.text(alphabet="ab\n\r ", max_size=40)


@given(_TEXTS, st.data())
def test_span_lines_match_two_bisections(text: str, data: st.DataObject) -> None:
    positions = _Positions(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text) + 1))
    pos = positions.span(start, end)
    assert (pos.line_start, pos.line_end) == _long_way(line_starts(text), start, end)
    if pos.line_start == pos.line_end:
        assert pos.line_start is pos.line_end  # (one int, not two)


_PAGED = st.text(alphabet="ab\n\r\f\v ", max_size=40)


@given(_PAGED, st.data())
def test_line_span_is_span_for_ranges_in_document_order(text: str, data: st.DataObject) -> None:
    """:meth:`_Positions.line_span` guesses a range's line and page from the last range read;
    whatever the guesses (a physical line that is not the editors' one after a form feed, a
    range on two lines, a wrong line number), it gives what :meth:`_Positions.span` gives."""
    lines = split_lines(text)
    quick, plain = _Positions(text, lines), _Positions(text, lines)
    cuts = sorted(data.draw(st.sets(st.integers(1, max(len(text), 1)), max_size=4)))
    numbers = data.draw(st.lists(st.none() | st.integers(1, 9), min_size=len(cuts)))
    boundaries = list(zip(cuts, numbers, strict=False))
    first = data.draw(st.none() | st.just(1))
    quick.set_pages(boundaries, first)
    plain.set_pages(boundaries, first)
    start = 0
    for _ in range(data.draw(st.integers(0, 8))):
        start = data.draw(st.integers(start, len(text)))
        end = data.draw(st.integers(start, len(text) + 1))
        holding = [line.number for line in lines if line.start <= start <= line.end]
        guess = data.draw(st.sampled_from(holding) if holding else st.integers(0, 9))
        assert quick.line_span(start, end, guess) == plain.span(start, end)


def test_every_sample_is_positioned_as_by_bisection(monkeypatch: pytest.MonkeyPatch) -> None:
    with memo_scope():
        texts = [path.read_bytes().decode("utf-8") for path in sample_paths()]
        quick = [gijiroku.tokenize(text) for text in texts]
        monkeypatch.setattr(
            _Positions, "line_span", lambda self, start, end, line: self.span(start, end)
        )
        plain = [gijiroku.tokenize(text) for text in texts]
    assert quick == plain
    assert sum(len(blocks) for blocks in quick) > 5000


# -- passes over the lines in C loops ---------------------------------------------------------

_LINE_TEXTS = st.lists(
    st.one_of(
        st.sampled_from(
            ["- 3 -", "－１－", "  P.5", "3/12", "4", " 12 ", "", "  ", "\u3000", "ー２ー"]
        ),
        st.text(alphabet="-－P0123４ \u3000あ。", max_size=8),
    ),
    max_size=30,
)


class _Bare(Generic):
    bare_page_numbers = True


class _PlainMarker(Generic):
    page_marker = regex.compile(
        PAGE_MARKER_RE.pattern, PAGE_MARKER_RE.flags
    )  # (not the shared one)


class _PlainBare(_PlainMarker):
    bare_page_numbers = True


class _Auto(Generic):
    paragraph_mode: ClassVar[ParagraphMode] = "auto"  # type: ignore[assignment]


def _lines_of(texts: list[str], feeds: list[bool]) -> list[Line]:
    text = "".join(t + ("\f" if f else "\n") for t, f in zip(texts, feeds, strict=False))
    return split_lines(text)


@given(_LINE_TEXTS, st.lists(st.booleans(), max_size=30), st.booleans())
def test_page_markers_found_as_by_matching_every_line(
    texts: list[str], feeds: list[bool], bare: bool
) -> None:
    feeds = (feeds + [False] * len(texts))[: len(texts)]
    lines = _lines_of(texts, feeds)
    quick, plain = (_Bare(), _PlainBare()) if bare else (Generic(), _PlainMarker())
    found = _find_page_markers(quick, lines)
    expected = _find_page_markers(plain, lines)
    assert {i: (n, m.span()) for i, (n, m) in found.items()} == {
        i: (n, m.span()) for i, (n, m) in expected.items()
    }


@given(st.lists(st.text(alphabet="あa \u3000\t", max_size=6), max_size=30))
def test_paragraph_mode_as_counted_line_by_line(texts: list[str]) -> None:
    lines = _lines_of(texts, [False] * len(texts))
    text_lines = [line.text for line in lines if not line.is_blank]
    trailing = sum(1 for t in text_lines if t.endswith((" ", "\u3000", "\t")))
    expected = "pdf" if text_lines and 0.08 <= trailing / len(text_lines) <= 0.95 else "line"
    auto = _Auto()
    assert _choose_paragraph_mode(auto, lines) == expected


def test_a_paragraph_joins_its_lines_when_closed() -> None:
    lines = split_lines("本日の\n  会議を\nopen the\nmeeting  ")
    first = lines[0]
    para = Paragraph(first.text, 0, first.start)
    for line in lines[1:]:
        para.add(line)
    assert para.close().text == "本日の会議をopen the meeting"
    assert para.source_offset(len("本日の")) == lines[1].start + 2


@given(st.text(alphabet="ab \n\r\f\u2028", max_size=30))
def test_line_starts_from_the_split_lines_as_found_anew(text: str) -> None:
    assert line_starts(text, lines=split_lines(text)) == line_starts(text)


def test_groups_taken_from_remembered_results_stay_whole() -> None:
    # Roster rows are split through normalize.memoized, whose dictionaries the blocks keep
    # (not copied): frozen_groups never changes them, so a second reading in the same parse
    # gives the same blocks.
    members = 0
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        with memo_scope():
            first = gijiroku.tokenize(text)
            second = gijiroku.tokenize(text)
        assert first == second, path
        members += sum(c.kind is BlockKind.MEMBER for b in first for c in b.children)
    assert members > 100  # (the rows were read)


@given(st.lists(st.text(alphabet="ab あ\u3000", min_size=1, max_size=6), min_size=1, max_size=5))
def test_paragraph_offsets_point_at_their_characters(pieces: list[str]) -> None:
    source = "\n".join(pieces)
    lines = [line for line in split_lines(source) if not line.is_blank]
    if not lines:
        return
    first = lines[0]
    content = first.text.strip(" \u3000\t")
    lead = first.text.find(content[:1])
    para = Paragraph(content, lead, first.start + lead)
    for line in lines[1:]:
        para.add(line)
    text = para.close().text
    assert (para.parts is None) == (len(lines) == 1)
    for k, char in enumerate(text):
        at = para.source_offset(k)
        assert source[at] == char or (char == " " and source[at - 1] != " ")
    assert para.source_offset(len(text)) == para.end
