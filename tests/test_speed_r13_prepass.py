"""The round-13 shortcuts of the passes over all lines (issue 13) give what the long way gives.

- :func:`~gijiroku.normalize.split_lines` cuts a text whose line breaks are LF and form feeds
  with ``str.split``, and marks the lines after the form feeds afterwards;
- :func:`~gijiroku.layout.furniture_lines` finds the lines that may be furniture with a scan
  of the whole document (the lines joined with NUL), not a search per line;
- :func:`~gijiroku.layout.find_running_headers` keeps the non-blank lines that are no page
  marker in a C loop (no set, no sort);
- ``LabelCounts`` reads only the lines a label starts;
- ``_clean`` replaces each full-width letter and digit found, with no call per run.

Each is checked against the plain computation it replaces, on the bundled samples and on
generated text.
"""

from __future__ import annotations

import itertools
import re

import mojimoji
from hypothesis import example, given
from hypothesis import strategies as st

import gijiroku.layout as layout
import gijiroku.normalize as normalize
from gijiroku.decoding import decode
from gijiroku.layout import (
    LabelCounts,
    count_labels,
    find_running_headers,
    furniture_lines,
    is_contents_line,
    is_web_furniture,
    non_blank,
)
from gijiroku.normalize import Line, split_lines

from .conftest import sample_paths
from .test_speed_review import _running_headers_the_long_way

# -- split_lines ------------------------------------------------------------------------------

BREAK_PIECES = ["a", "本文", " ", "\u3000", "\n", "\f", "\r", "\r\n", "\v", "\x85", "\u2028"]


@given(st.lists(st.sampled_from(BREAK_PIECES), max_size=12))
@example(["a", "\f"])
@example(["\f"])
@example(["a", "\f", "\n"])
@example(["a", "\n", "\f", "本文", "\n"])
def test_lines_are_cut_as_the_line_break_pattern_cuts_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert split_lines(text) == normalize._split_lines_slowly(text)


@given(st.lists(st.sampled_from(["a", " ", "\u3000", "\n", "\f"]), max_size=16))
def test_lf_and_form_feeds_are_cut_the_short_way_as_the_long(pieces: list[str]) -> None:
    text = "".join(pieces)
    # (the long way: str.splitlines, each line after a form feed marked)
    assert split_lines(text) == normalize._split_lines_slowly(text)
    if "\f" in text:
        marked = [line.start for line in split_lines(text) if line.after_form_feed]
        assert marked == [i + 1 for i, char in enumerate(text) if char == "\f"]


def test_the_samples_are_cut_as_the_line_break_pattern_cuts_them() -> None:
    cut_with_form_feeds = 0
    for path in sample_paths():
        text = decode(path.read_bytes())[0]
        assert split_lines(text) == normalize._split_lines_slowly(text), path.name
        cut_with_form_feeds += "\f" in text and "\r" not in text
    assert cut_with_form_feeds  # (the short way for form feeds is tried on a sample)


# -- furniture_lines --------------------------------------------------------------------------

FURNITURE_PIECES = [
    *"ページの先頭です本文へ>＞﹥»›はこちらをダウンロード検索PDF資料。、議事録会システム-ー－ホーム",
    " ", "\u3000", "\t", "ﾍﾟｰｼﾞ", "ﾀﾞｳﾝﾛｰﾄﾞ", "タ\u3099", "\uf96a", "ここから本文です",
    "○開会の宣告", "……………", "‥‥", "....", "．．．．", "12", "３", "a", "漢", "\x00", "\n",
]  # fmt: skip


def _furniture_the_long_way(lines: list[Line]) -> list[int]:
    """What :func:`furniture_lines` gives, by its definition: each non-blank line tested."""
    return [
        i
        for i, line in enumerate(lines)
        if not line.is_blank and (is_web_furniture(line.text) or is_contents_line(line.text))
    ]


@given(st.lists(st.sampled_from(FURNITURE_PIECES), max_size=60))
@example(["ページの先頭です", "\n", "本文", "\n", "\x00", "本文"])
@example(["は", "\u3000", "こちら", "\n", "漢"])
def test_furniture_lines_are_those_each_line_tests_give(pieces: list[str]) -> None:
    lines = split_lines("".join(pieces))
    assert furniture_lines(lines) == _furniture_the_long_way(lines)
    assert furniture_lines(lines, non_blank(lines)) == _furniture_the_long_way(lines)


@given(st.lists(st.text(alphabet="ab\x00\u3000>", min_size=1, max_size=6), min_size=1, max_size=8))
def test_the_lines_holding_a_match_are_found_in_the_joined_lines(texts: list[str]) -> None:
    if any("\x00" in text for text in texts):
        return  # (furniture_lines searches line by line then, and so for no line)
    joined = "\x00" + "\x00".join(texts) + "\x00"
    for pattern in (re.compile(">|a\\s*b"), layout._BANNER_SHAPED_LINE_RE):
        found = layout.lines_holding(joined, pattern)
        by_line = {
            k for k, text in enumerate(texts) if pattern.search(f"\x00{text}\x00") is not None
        }
        assert found == by_line


def test_the_sample_lines_are_furniture_as_each_line_tests_them() -> None:
    furniture = 0
    for path in sample_paths():
        lines = split_lines(decode(path.read_bytes())[0])
        found = furniture_lines(lines)
        assert found == _furniture_the_long_way(lines), path.name
        assert found == layout._furniture_lines_one_by_one(*non_blank(lines)), path.name
        furniture += len(found)
    assert furniture  # (some sample prints furniture: the test reads some)


# -- running headers: the pages ---------------------------------------------------------------


def _pages_the_long_way(lines: list[Line], breaks: set[int], feeds: list[int]) -> list[list[int]]:
    kept = sorted({i for i, line in enumerate(lines) if not line.is_blank} - breaks)
    cuts = sorted({0, len(lines), *feeds, *(i for i in breaks if 0 <= i < len(lines))})
    pages = [[i for i in kept if start <= i < end] for start, end in itertools.pairwise(cuts)]
    return [page for page in pages if page]


@given(
    st.lists(st.sampled_from(["", " ", "本文", "- 1 -", "\f本文", "\f"]), max_size=20),
    st.sets(st.integers(min_value=-2, max_value=22), max_size=6),
)
def test_pages_are_cut_as_the_long_way_cuts_them(texts: list[str], breaks: set[int]) -> None:
    lines = split_lines("\n".join(texts))
    feeds = [i for i, line in enumerate(lines) if line.after_form_feed]
    expected = _pages_the_long_way(lines, breaks, feeds)
    assert layout._pages(lines, breaks, feeds) == expected
    assert layout._pages(lines, sorted(breaks), feeds) == expected  # (not a set: made one)
    assert layout._pages(lines, dict.fromkeys(breaks).keys(), feeds, non_blank(lines)) == expected


def test_the_sample_running_headers_are_found_as_the_long_way_finds_them() -> None:
    found = 0
    for path in sample_paths():
        lines = split_lines(decode(path.read_bytes())[0])
        headers = find_running_headers(lines, [], non_blank(lines))
        assert headers == _running_headers_the_long_way(lines, []), path.name
        found += len(headers)
    assert found  # (a sample has running headers: the pages are compared)


# -- label counts -----------------------------------------------------------------------------

LABEL_PIECES = [
    *"○◯〇◎◆【】（）()：: 　\t\xa0議長委員君局番、。…3",
    "中村委員", "委員長", "（平山たかお）", "事務局長", "それでは", "x" * 29, "\n", " " * 41,
]  # fmt: skip


@given(st.lists(st.sampled_from(LABEL_PIECES), max_size=50))
@example(["\n", "委員長", "\n", "○", "委員長", " はい", "\n", "それでは"])
def test_label_counts_are_what_counting_every_line_gives(pieces: list[str]) -> None:
    lines = split_lines("".join(pieces))
    assert dict(LabelCounts(lines)) == count_labels(lines)
    assert dict(LabelCounts(lines, non_blank(lines).texts)) == count_labels(lines)


def test_the_sample_labels_are_counted_as_every_line_counts_them() -> None:
    counted = 0
    for path in sample_paths():
        lines = split_lines(decode(path.read_bytes())[0])
        counts = dict(LabelCounts(lines))
        assert counts == count_labels(lines), path.name
        counted += sum(counts.values())
    assert counted


# -- clean-up: full-width letters and digits --------------------------------------------------


def _to_half_width_alnum_the_long_way(text: str) -> str:
    """Step 3 as it was: each run of full-width letters and digits through mojimoji."""
    return normalize.FULL_WIDTH_ALNUM_RE.sub(
        lambda run: str(mojimoji.zen_to_han(run.group(), kana=False)), text
    )


def _clean_the_long_way(text: str) -> str:
    """``_clean`` with every step taken (the module docstring's steps, one by one)."""
    text = normalize.ZERO_WIDTH_RE.sub("", text).replace("\t", " ")
    text = normalize.HALF_WIDTH_KANA_RE.sub(
        lambda run: str(mojimoji.han_to_zen(run.group(), ascii=False, digit=False)), text
    )
    text = _to_half_width_alnum_the_long_way(text)
    text = normalize.SPACE_BETWEEN_SCRIPTS_RE.sub("", text)
    text = normalize.SPACE_RUN_RE.sub(" ", text)
    return text.strip(" \u3000\t")


CLEAN_PIECES = [
    *"ＡＺａｚ０９５ＩＣＴ１２ｶﾞﾃｽﾄ｡ \u3000\t\xa0\u200bａ平成年がabc129（）「」：ー々！＃",
    "２８", "Ｗｏｒｄ", "ＰＤＦ版",
]  # fmt: skip


@given(st.lists(st.sampled_from(CLEAN_PIECES), max_size=24))
@example(["平成", " ", "２８", " ", "年", "ＩＣＴ", " ", "が"])
def test_clean_is_every_step_taken(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert normalize._clean(text) == normalize.clean_line(text) == _clean_the_long_way(text)


def test_each_full_width_letter_and_digit_has_one_half_width_form() -> None:
    alnum = "".join(sorted(normalize._FULL_WIDTH_ALNUM_CHARS))
    assert len(alnum) == 62
    for char in alnum:
        assert normalize._HALF_WIDTH_ALNUM[char] == _to_half_width_alnum_the_long_way(char)
    # (in a run as alone: mojimoji reads them one by one)
    assert _to_half_width_alnum_the_long_way(alnum) == "".join(
        map(normalize._HALF_WIDTH_ALNUM.__getitem__, alnum)
    )
