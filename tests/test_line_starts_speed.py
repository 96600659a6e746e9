"""Line starts taken from the lines at hand (issue 13) are the ones found again in the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gijiroku.normalize import EDITOR_LINE_BREAK_RE, line_starts, split_lines

from .conftest import sample_paths

_PIECES = ["a", "議", " ", "\n", "\r", "\r\n", "\f", "\v", "\x1c", "\x85", "\u2028"]


def _found_again(text: str) -> list[int]:
    """The starts as editors count lines, by the regex of editor line breaks."""
    return [0, *(m.end() for m in EDITOR_LINE_BREAK_RE.finditer(text))]


@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_starts_from_the_lines_are_the_starts_found_again(text: str) -> None:
    assert line_starts(text, lines=split_lines(text)) == _found_again(text)
    assert line_starts(text) == _found_again(text)


def test_carriage_returns_alone_and_with_line_feeds() -> None:
    for text in ["a\r\nb\rc\n", "a\rb\r", "\r\r\n", "a\r\nb", "", "\r", "x\ry\r\n\r\n"]:
        assert line_starts(text, lines=split_lines(text)) == _found_again(text), text
    assert line_starts("a\r\nb\rc\n", lines=split_lines("a\r\nb\rc\n")) == [0, 3, 5, 7]


def test_sample_starts_are_found_again() -> None:
    with_cr = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        with_cr += "\r" in text
        assert line_starts(text, lines=split_lines(text)) == _found_again(text)
    assert with_cr > 0  # (some sample has CRLF line breaks)
