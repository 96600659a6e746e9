"""The shortcuts of the parser's walk and of the review's label-inside-turn check (issue 13)
give what the long way gives.

Each shortcut is checked against the plain computation it replaces, on the bundled samples
and on generated text.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import gijiroku.quality as quality
from gijiroku.blocks import Pos
from gijiroku.parser import _label_span

from .conftest import sample_paths

# -- label-inside-turn: the lines that may hold a label ----------------------------------------


def _line_starts_the_long_way(text: str, first: int, last: int) -> list[int]:
    """One search of the whole pattern over the stretch (what the check did before)."""
    return [m.start("line") for m in quality._INNER_LINE_RE.finditer(text, first, last)]


def test_inner_line_starts_on_the_samples() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8", errors="replace")
        for first, last in ((0, len(text)), (len(text) // 3, 2 * len(text) // 3)):
            expected = _line_starts_the_long_way(text, first, last)
            assert quality._inner_line_starts(text, first, last) == expected, path.name


def test_inner_line_starts_finds_marks_and_colons() -> None:
    text = "○議長　開会します。\n　○山田君　質問します。\n本間君：賛成です。\n長い長い長い長い長い長い長い長い言葉：と\n普通の行"
    starts = quality._inner_line_starts(text, 0, len(text))
    assert [text[s : s + 3] for s in starts] == ["\u3000○山", "本間君"]
    assert starts == _line_starts_the_long_way(text, 0, len(text))


# Characters that make or break a match: line breaks, indents, marks, colons, word characters.
_PIECES = st.sampled_from(["\n", "\r", "\r\n", " ", "\u3000", "\t", "○", "◆", ":", "：", "字", "a"])


@given(st.lists(_PIECES, max_size=80), st.integers(0, 90), st.integers(0, 90))
def test_inner_line_starts_on_generated_text(pieces: list[str], a: int, b: int) -> None:
    text = "".join(pieces)
    first, last = min(a, b, len(text)), min(max(a, b), len(text))
    expected = _line_starts_the_long_way(text, first, last)
    assert quality._inner_line_starts(text, first, last) == expected


@given(st.lists(st.sampled_from(["\n", "字", ":", "："]), max_size=60))
def test_inner_line_starts_on_lines_of_colons(pieces: list[str]) -> None:
    """Lines with several colons, colons at the stretch's ends, lines longer than the word."""
    text = "\n" + "".join(pieces) * 3
    assert quality._inner_line_starts(text, 0, len(text)) == _line_starts_the_long_way(
        text, 0, len(text)
    )


# -- the parser: where a turn's label is printed ----------------------------------------------


def test_label_span_finds_the_label_on_its_line() -> None:
    text = "前文\n\n○議長（山田太郎君）　開会します。\n"
    span = Pos(4, len(text) - 1, 3, 3, None)
    assert _label_span(text, "議長（山田太郎君）", span) == Pos(5, 14, 3, 3, None)
    assert _label_span(text, "", span) == span  # no label: the whole block
    assert _label_span(text, "委員長", span) == span  # not printed there: the whole block
