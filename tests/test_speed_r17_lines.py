"""The non-blank lines' texts joined once and shared (issue 13, round 17) give what the
long way gives.

:func:`~gijiroku.tokenizer.tokenize_lines` joins the non-blank texts once
(:func:`~gijiroku.layout.joined_texts`) and hands the joined text to three passes, each of
which scans it whole instead of reading the lines one by one: the page markers' candidate
lines, the web furniture and the running headers' first characters; and the lines after a
form feed are found once (none, without a loop, in a text without one). Each is checked
against the pass left to itself (no joined text) and against a plain per-line loop.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gijiroku.formats import FORMATS
from gijiroku.layout import (
    _FIRST_CHARACTER_RE,
    _WHITE_SPACE_CHARS,
    find_running_headers,
    form_feeds,
    furniture_lines,
    furniture_lines_joined,
    is_contents_line,
    is_web_furniture,
    joined_texts,
    non_blank,
    running_headers_joined,
    unflatten,
)
from gijiroku.normalize import Line, split_lines
from gijiroku.tokenizer import _MARKER_STARTS, _find_page_markers, _furniture, _page_boundaries

from .conftest import sample_paths

PIECES = [
    *" \u3000\t\f\n\x00",
    "- 3 -", "－12－", "P.5", "1/56", "7", "ー", "2024/11/05", "○議長（梶　泰久）",
    "ページの先頭です。", "ページの先頭へ", "このPDFはこちら", "ホーム > 議会 > 会議録",
    "○開会の宣告 ……………… 3", "それでは会議を開きます。", "第4回定例会 - 3", "本文",
]  # fmt: skip


def _markers_line_by_line(lines: list[Line]) -> list[int]:
    """The lines whose first character after spaces may open a page marker: a plain loop."""
    return [
        i
        for i, line in enumerate(lines)
        if not line.is_blank and line.text.lstrip(" \u3000")[:1] in _MARKER_STARTS
    ]


def _check(text: str, family: str) -> None:
    """Every pass that reads the joined texts gives on ``text``, read as ``family``, what it
    gives without them, and what a plain loop over the lines gives."""
    fmt = FORMATS[family]
    lines = unflatten(split_lines(text))
    filled = non_blank(lines)
    joined = joined_texts(filled.texts) if filled.texts else None  # (as the tokenizer makes it)
    # the joined text: each line after a join, or None when a line holds the joining character
    if not filled.texts or any("\x00" in t for t in filled.texts):
        assert joined is None
    else:
        assert joined == "".join(f"\x00{t}" for t in filled.texts) + "\x00"
        firsts = _FIRST_CHARACTER_RE.findall(joined)
        assert firsts.pop() == ""
        assert firsts == [t.lstrip(_WHITE_SPACE_CHARS)[:1] for t in filled.texts]
    markers = _find_page_markers(fmt, lines, filled, joined)
    assert markers.keys() == _find_page_markers(fmt, lines, filled).keys()
    assert markers.keys() == _find_page_markers(fmt, lines).keys()
    if fmt.page_marker is not None:
        candidates = set(_markers_line_by_line(lines))
        assert markers.keys() <= candidates
        # (a marker that prints more than a bare number is always taken)
        printed = {
            i
            for i in candidates
            if (match := fmt.page_marker.fullmatch(lines[i].text)) is not None
            and match["bare"] is None
        }
        assert {i for i, (_, match) in markers.items() if match["bare"] is None} == printed
    web = furniture_lines_joined(*filled, joined) if filled.texts else []
    assert web == furniture_lines(lines, filled)
    assert web == [
        i
        for i, line in enumerate(lines)
        if not line.is_blank and (is_web_furniture(line.text) or is_contents_line(line.text))
    ]
    feeds = form_feeds(lines, text)
    assert feeds == form_feeds(lines)
    assert feeds == [i for i, line in enumerate(lines) if line.after_form_feed]
    headers = running_headers_joined(lines, markers.keys(), filled, joined, feeds)
    assert headers == find_running_headers(lines, markers.keys(), filled)
    assert headers == find_running_headers(lines, markers.keys())
    assert _page_boundaries(lines, markers, filled, feeds) == _page_boundaries(lines, markers)
    assert _furniture(fmt, lines, markers, web, filled, joined, feeds) == _furniture(
        fmt, lines, markers, web, filled
    )


def test_the_samples_read_alike_with_the_joined_texts() -> None:
    headers = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        for family in ("assembly", "committee"):
            _check(text, family)
        lines = split_lines(text)
        filled = non_blank(lines)
        markers = _find_page_markers(FORMATS["assembly"], lines, filled, joined_texts(filled.texts))
        headers += len(find_running_headers(lines, markers.keys(), filled))
    assert headers > 0  # (some sample has running headers: the joined first characters were read)


@given(st.lists(st.sampled_from(PIECES), max_size=80), st.sampled_from(sorted(FORMATS)))
def test_the_joined_passes_are_the_long_way(pieces: list[str], family: str) -> None:
    _check("".join(pieces), family)


@given(
    st.lists(
        st.lists(st.sampled_from([p for p in PIECES if p != "\n"]), min_size=1, max_size=4),
        min_size=3,
        max_size=9,
    ),
    st.sampled_from(["\f", "\n- {} -\n", "\n{}\n\f"]),
    st.sampled_from(["第4回定例会 - {}", "  会議録 {}", "\u3000(注)", "7"]),
    st.booleans(),
    st.sampled_from(["assembly", "committee"]),
)
def test_running_headers_with_the_joined_texts_are_the_long_way(
    pages: list[list[str]], cut: str, header: str, markers_between: bool, family: str
) -> None:
    """Pages that each print a running header (``header``, its digits changing), cut by
    form feeds or page markers: the headers are found, and alike both ways."""
    parts = []
    for number, page in enumerate(pages, start=1):
        body = "\n".join(page)
        parts.append(f"{header.format(number)}\n{body}")
        parts.append(cut.format(number) if markers_between else "\f")
    _check("".join(parts), family)


def test_a_page_marker_is_no_running_header_read_from_the_joined_texts() -> None:
    """Bare page numbers (markers, on no page) whose key ``#`` repeats as the pages' first
    lines (``7``, no marker): the joined first characters cover every non-blank line, so the
    markers must be left out as the pages leave them out."""
    text = "".join(f"7\n本文{n}です。\nまだ本文です。\n{n}\n\f" for n in range(1, 6))
    _check(text, "committee")
    lines = split_lines(text)
    filled = non_blank(lines)
    markers = _find_page_markers(FORMATS["committee"], lines, filled)
    assert sorted(markers) == [3, 8, 13, 18, 23]
    joined = joined_texts(filled.texts)
    headers = running_headers_joined(lines, markers.keys(), filled, joined, form_feeds(lines))
    assert headers.isdisjoint(markers)
    assert {0, 5, 10} <= headers
