"""Page furniture found by position (gijiroku.furniture): rules on pieces, no PDF needed."""

from __future__ import annotations

import doctest

import pytest

from gijiroku import furniture
from gijiroku.furniture import (
    Furniture,
    Piece,
    find_furniture,
    layout_marks,
    mask_furniture,
    page_number,
    pages_needed,
)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12/56", 12), ("12 / 56", 12), ("１２／５６", 12), ("- 3 -", 3), ("－３－", 3), ("―3―", 3),
        ("3", 3), ("P.5", 5), ("p. 5", 5), ("Page 5 of 9", 5), ("５頁", 5), ("第5頁", 5),
        ("5ページ", 5), ("（5）", 5), ("(5)", 5), ("\u30004\u3000", 4),
        ("会議録表示", None), ("2024/11/05 1:34", None), ("第3回", None), ("12345", None),
        ("- 3 - 議事録", None), ("令和6年", None), ("", None),
    ],
)  # fmt: skip
def test_page_number(text: str, number: int | None) -> None:
    assert page_number(text) == number


@pytest.mark.parametrize(
    ("pages", "needed"), [(0, 1), (1, 2), (2, 2), (3, 3), (5, 3), (6, 3), (7, 4), (56, 28)]
)
def test_pages_needed(pages: int, needed: int) -> None:
    assert pages_needed(pages) == needed


def _piece(page: int, text: str, y: float, rank: int = 0, start: int | None = None) -> Piece:
    start = page * 1000 + int(y) if start is None else start
    return Piece(page, start, start + len(text), text, y, rank)


def test_repeated_pieces_at_the_same_height_are_furniture() -> None:
    pieces = [_piece(p, f"{p}/4", 20.0) for p in range(1, 5)]
    pieces += [_piece(p, "会議録表示", 820.0 + p * 0.5) for p in range(1, 5)]  # within 3 pt
    pieces += [_piece(p, f"本文{'一二三四'[p - 1]}", 800.0, rank=1) for p in range(1, 5)]
    found = find_furniture(pieces, pages_with_text=4)
    assert [(f.page, f.kind, f.text, f.number) for f in found] == [
        (p, kind, text, number)
        for p in range(1, 5)
        for kind, text, number in (("page", f"{p}/4", p), ("running_header", "会議録表示", None))
    ]


def test_half_of_the_pages_and_three_at_least() -> None:
    on_three = [_piece(p, "速報版", 820.0) for p in (1, 2, 3)]
    assert len(find_furniture(on_three, pages_with_text=6)) == 3  # 3 of 6: half
    assert find_furniture(on_three, pages_with_text=7) == []  # 3 of 7: less than half
    on_two = [_piece(p, "速報版", 820.0) for p in (1, 2)]
    assert find_furniture(on_two, pages_with_text=3) == []  # three pages at least
    assert len(find_furniture(on_two, pages_with_text=2)) == 2  # both pages of two


def test_a_different_height_or_a_line_far_from_the_edge_is_no_furniture() -> None:
    drifting = [_piece(p, "会議録", 820.0 - 4 * p) for p in range(1, 5)]
    assert find_furniture(drifting, pages_with_text=4) == []
    inner = [_piece(p, "会議録", 700.0, rank=3) for p in range(1, 5)]
    assert find_furniture(inner, pages_with_text=4) == []
    two_heights = [_piece(p, "会議録", 820.0) for p in range(1, 5)]
    two_heights += [_piece(p, "会議録", 20.0) for p in range(1, 5)]
    assert len(find_furniture(two_heights, pages_with_text=4)) == 8


def test_a_pages_own_number_on_its_edge_line_is_furniture_alone() -> None:
    assert find_furniture([_piece(1, "- 1 -", 20.0)], pages_with_text=1) == [
        Furniture("page", 1020, 1025, 1, "- 1 -", 1)
    ]
    assert find_furniture([_piece(1, "- 2 -", 20.0)], pages_with_text=1) == []  # not its number
    assert find_furniture([_piece(1, "- 1 -", 40.0, rank=1)], pages_with_text=1) == []
    assert find_furniture([_piece(1, "会議録", 20.0)], pages_with_text=1) == []


def test_mask_and_layout_marks() -> None:
    text = "会議録\n本文です。\n- 1 -\n\f会議録\n続き。\n- 2 -\n\f"
    furniture = [
        Furniture("running_header", 0, 3, 1, "会議録", None),
        Furniture("page", 10, 15, 1, "- 1 -", 1),
        Furniture("running_header", 17, 20, 2, "会議録", None),
        Furniture("page", 25, 30, 2, "- 2 -", 2),
    ]
    masked = mask_furniture(text, furniture)
    assert masked == "   \n本文です。\n     \n\f   \n続き。\n     \n\f"
    assert len(masked) == len(text)
    marks = layout_marks(text, furniture)
    assert [(m.kind, m.number, m.text, m.span.line_start, m.span.page) for m in marks] == [
        ("running_header", None, "会議録", 1, 1),
        ("page", 1, "- 1 -", 3, 1),
        ("running_header", None, "会議録", 4, 2),
        ("page", 2, "- 2 -", 6, 2),
    ]
    assert [m.span.slice(text) for m in marks] == [f.text for f in furniture]


def test_docstring_examples() -> None:
    result = doctest.testmod(furniture)
    assert result.attempted >= 2
    assert result.failed == 0
