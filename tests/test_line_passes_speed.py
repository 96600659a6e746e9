"""The line passes' shortcuts (issue 13, round 4) give what the long way gives.

Line mode's paragraphs are made in one loop over the non-blank lines (checked against the
general loop), page blocks without :class:`Block`'s checks (checked against its
constructor), and the non-blank lines are found once and handed to each pass (checked
against each pass finding them itself).
"""

from __future__ import annotations

import inspect
from collections.abc import Sequence

import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku.blocks import Block, BlockKind, LayoutMeta
from gijiroku.formats import FORMATS
from gijiroku.layout import (
    NonBlank,
    find_running_headers,
    non_blank,
    survey_lines,
    unflatten,
)
from gijiroku.normalize import Line, _split_lines_slowly, line_starts, split_lines
from gijiroku.tokenizer import (
    Paragraph,
    _choose_paragraph_mode,
    _columns,
    _find_page_markers,
    _furniture,
    _joined_paragraphs,
    _line_paragraphs,
    _page_block,
    _page_boundaries,
    _paragraphs,
    _Positions,
)

from .conftest import sample_paths

PIECES = [
    *" \u3000\t\f\r\n\x0b\x1c",
    "2024/11/05 1:34", "会議録表示", "- 3 -", "1/56", "○議長（梶　泰久）", "ページの先頭です。",
    "それでは会議を開きます。", "ICT", "word", "【委員】", "（交通局）", "12",
]  # fmt: skip


def _page_boundaries_line_by_line(
    lines: Sequence[Line], markers: dict[int, tuple[int | None, regex.Match[str]]]
) -> tuple[list[tuple[int, int | None]], int | None]:
    """What :func:`_page_boundaries` computed before: a loop over every line."""
    boundaries: list[tuple[int, int | None]] = []
    first: int | None = None
    if not markers and not any(line.after_form_feed for line in lines):
        return boundaries, first  # one page, its number unknown
    current: int | None = None
    content_since_marker = True
    for i, line in enumerate(lines):
        if line.after_form_feed and content_since_marker:
            current = (current if current is not None else 1) + 1
            if first is None and not boundaries:
                first = 1
            boundaries.append((line.start, current))
        if i in markers:
            number = markers[i][0]
            if number is not None:
                if first is None and not boundaries and number == 1:
                    first = 1
                current = number + 1
                boundaries.append((line.end, current))
            content_since_marker = False
        elif not line.is_blank:
            content_since_marker = True
    return boundaries, first


def _plain(item: Paragraph | Block) -> tuple[object, ...]:
    """What a paragraph or a block holds, as a tuple (paragraphs have no equality)."""
    if isinstance(item, Block):
        return ("block", item)
    return (
        "paragraph",
        item.text,
        item.length,
        item.start,
        item.end,
        item.indent,
        item.pages,
        item.parts,
        item.pieces,
    )


def _passes(text: str, family: str) -> None:
    """Every line pass on ``text`` read as ``family``: with the non-blank lines handed over
    and without, and line mode's paragraphs made both ways."""
    fmt = FORMATS[family]
    physical = split_lines(text)
    lines = unflatten(physical)
    filled = non_blank(lines)
    assert filled == NonBlank(
        [i for i, line in enumerate(lines) if not line.is_blank],
        [line.text for line in lines if not line.is_blank],
    )
    markers = _find_page_markers(fmt, lines, filled)
    assert markers.keys() == _find_page_markers(fmt, lines).keys()
    boundaries = _page_boundaries(lines, markers, filled)
    assert boundaries == _page_boundaries(lines, markers)
    assert boundaries == _page_boundaries_line_by_line(lines, markers)
    assert _choose_paragraph_mode(fmt, lines, filled) == _choose_paragraph_mode(fmt, lines)
    survey = survey_lines(lines, filled)
    assert survey == survey_lines(lines)
    assert find_running_headers(lines, markers.keys(), filled) == find_running_headers(
        lines, markers.keys()
    )
    furniture = _furniture(fmt, lines, markers, survey.furniture, filled)
    spans = _Positions(text, physical)
    spans.set_pages(*boundaries)
    quick = _line_paragraphs(lines, markers, spans, furniture, filled.indices)
    general = list(_joined_paragraphs(lines, "line", markers, spans, furniture))
    assert list(map(_plain, quick)) == list(map(_plain, general))
    joined = _joined_paragraphs(lines, "pdf", markers, spans, furniture)
    _check_columns(text, lines, [*general, *joined])


def _check_columns(text: str, lines: Sequence[Line], items: Sequence[Paragraph | Block]) -> None:
    """Each paragraph's width of indentation, counted when a rule asks for it, is what its
    first line's white space gives (as it was counted for every paragraph when it was made)."""
    for item in items:
        if not isinstance(item, Paragraph):
            continue
        first = next(line for line in lines if line.start <= item.start <= line.end)
        raw, lead = first.text, item.indent
        assert raw[lead : lead + 1] == item.text[:1]
        want = lead + raw.count("\t", 0, lead) * 3 + raw.count("\u3000", 0, lead)
        assert _columns(item, text) == want


def test_the_line_passes_of_the_samples_are_the_long_way() -> None:
    paragraphs = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        for family in ("assembly", "committee"):  # (line mode with running headers; auto)
            _passes(text, family)
        paragraphs += len(non_blank(split_lines(text)).indices)
    assert paragraphs > 5000  # the samples were read


@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from(sorted(FORMATS)))
def test_the_line_passes_are_the_long_way(pieces: list[str], family: str) -> None:
    _passes("".join(pieces), family)


def _checked_page_block(
    line: Line, number: int | None, spans: _Positions, kind: BlockKind
) -> Block:
    """A page block as it was made before: through :class:`Block`'s checked constructor."""
    lead = len(line.text) - len(line.text.lstrip(" \u3000\t"))
    start, end = line.start + lead, line.start + len(line.text.rstrip(" \u3000\t"))
    span = spans.span(start, end)
    if number is not None:
        span = span._replace(page=number)
    rule = "page-marker" if kind is BlockKind.PAGE else kind.value.replace("_", "-")
    return Block(kind, span, meta=LayoutMeta(number=number), rule=rule)


@given(
    st.text(alphabet=" \u3000\t-3P", max_size=8),
    st.sampled_from([None, 1, 42]),
    st.sampled_from([BlockKind.PAGE, BlockKind.RUNNING_HEADER, BlockKind.FURNITURE]),
)
def test_a_page_block_is_the_checked_one(text: str, number: int | None, kind: BlockKind) -> None:
    source = "x\n" + text + "\nend"
    spans = _Positions(source)
    spans.set_pages([(2, 7)], 1)
    line: Sequence[Line] = split_lines(source)
    got = _page_block(line[1], number, spans, kind)
    want = _checked_page_block(line[1], number, spans, kind)
    assert got == want
    assert got.rule == want.rule
    assert got.meta == LayoutMeta(number=number)


BREAKS = [
    "a",
    "東",
    "\u3000",
    "\n",
    "\r",
    "\r\n",
    "\f",
    "\v",
    "\x85",
    "\u2028",
    "\u2029",
    "\x1c",
    "\x1d",
    "\x1e",
    "\x1f",
]


@given(st.lists(st.sampled_from(BREAKS), max_size=30))
def test_the_breaks_a_text_holds_are_told_as_a_search_of_them_tells(pieces: list[str]) -> None:
    """``split_lines`` and ``line_starts`` choose their way by the breaks a text holds, told
    by ``str.__contains__``: what they give is what the regex of line breaks gives."""
    text = "".join(pieces)
    lines = split_lines(text)
    assert lines == _split_lines_slowly(text)  # (the regex of line breaks, every text)
    assert line_starts(text, lines=lines) == line_starts(text)


def test_line_mode_makes_its_paragraphs_one_at_a_time() -> None:
    """The paragraphs of a whole text are not held at once with its blocks (the peak memory
    of a parse, issue 13): line mode gives them as the tokenizer asks for them."""
    text = "一行目\n\n二行目\n三行目\n"
    lines = split_lines(text)
    items = _paragraphs(lines, "line", {}, _Positions(text, lines), {})
    assert inspect.isgenerator(items)  # (not an iterator over a list made beforehand)
    assert [item.text for item in items if isinstance(item, Paragraph)] == [
        "一行目",
        "二行目",
        "三行目",
    ]
