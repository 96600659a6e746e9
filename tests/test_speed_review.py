"""The shortcuts of the line survey, the running headers, detection and the quality checks
(issue 13) give what the long way gives.

Each shortcut is checked against the plain computation it replaces, on the bundled samples
and on generated text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection

import regex
from hypothesis import given
from hypothesis import strategies as st

import gijiroku.layout as layout
from gijiroku.layout import is_web_furniture
from gijiroku.normalize import Line, split_lines

from .conftest import sample_paths
from .test_speed_mechanisms import FURNITURE_PIECES, _furniture_the_long_way

# -- web furniture ----------------------------------------------------------------------------


@functools.cache
def _hint_as_it_was() -> re.Pattern[str]:
    wanted = set("".join(layout._HINT_WORDS))
    variants = {
        chr(code)
        for low, high in layout._COMPATIBILITY_BLOCKS
        for code in range(low, high + 1)
        if (image := unicodedata.normalize("NFKC", chr(code))) != chr(code) and wanted & set(image)
    }
    words = "|".join(re.escape(word) for word in layout._HINT_WORDS)
    return re.compile(f"{words}|[{re.escape(''.join(sorted(variants)))}]")


def _hint_in_compacted_line(text: str) -> bool:
    """The hint test as it was: a search of the line with its spaces removed."""
    return _hint_as_it_was().search("".join(text.split())) is not None


_BANNER_KANJI = "".join({c for b in layout._BANNERS for c in b if "\u4e00" <= c <= "\u9fff"})
_NO_BANNER_CHAR_AS_IT_WAS = re.compile(
    f"[A-Za-z0-9]|(?![{_BANNER_KANJI}])[\u3400-\u4dbf\u4e00-\u9fff]"
)


def _no_banner_char_as_it_was(text: str) -> bool:
    return _NO_BANNER_CHAR_AS_IT_WAS.search(text) is not None


SPACED_PIECES = [*FURNITURE_PIECES, "\t", "\x1c", "\x1f", "\xa0", "\u2028", "一", "龥", "丁"]


@given(st.lists(st.sampled_from(SPACED_PIECES), max_size=40))
def test_the_hint_is_found_in_the_printed_line_as_in_the_compacted_one(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert (layout._hint_re().search(text) is not None) == _hint_in_compacted_line(text)
    assert (layout._NO_BANNER_CHAR_RE.search(text) is not None) == _no_banner_char_as_it_was(text)
    assert is_web_furniture(text) == _furniture_the_long_way(text)


def test_the_no_banner_class_holds_every_kanji_but_the_banners() -> None:
    banner_kanji = {c for b in layout._BANNERS for c in b}
    for code in [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)]:
        char = chr(code)
        held = layout._NO_BANNER_CHAR_RE.fullmatch(char) is not None
        assert held == (char not in banner_kanji), char


def test_the_sample_lines_give_the_same_hints() -> None:
    for path in sample_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            hint = layout._hint_re().search(line) is not None
            assert hint == _hint_in_compacted_line(line), line
            no_banner = layout._NO_BANNER_CHAR_RE.search(line) is not None
            assert no_banner == _no_banner_char_as_it_was(line), line


# -- running headers --------------------------------------------------------------------------

_SPACES_RE = regex.compile(r"\s+")
_DIGITS_RE = regex.compile(r"[0-9０-９]+")


def _edge_key_the_long_way(text: str) -> str:
    return _SPACES_RE.sub("", _DIGITS_RE.sub("#", text))


def _running_headers_the_long_way(lines: list[Line], breaks: Collection[int]) -> set[int]:
    """:func:`find_running_headers` as it was: every page built, every line's key made."""
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.after_form_feed and pages[-1]:
            pages.append([])
        if i in breaks:
            pages.append([])
        elif not line.is_blank:
            pages[-1].append(i)
    pages = [p for p in pages if p]
    if len(pages) < 3:
        return set()
    need = max(3, (len(pages) + 1) // 2)
    first_line = pages[0][0]
    if layout._STAMP_RE.fullmatch(_SPACES_RE.sub("", lines[first_line].text)):
        first_line = -1
    key = {i: _edge_key_the_long_way(lines[i].text) for page in pages for i in page}
    found: set[int] = set()
    for _ in range(layout.EDGE_DEPTH):
        seen: dict[str, set[int]] = {}
        for number, page in enumerate(pages):
            rest = [i for i in page if i not in found]
            for i in {rest[0], rest[-1]} if rest else ():
                if key[i] and not layout._BRACKETED_RE.match(key[i]):
                    seen.setdefault(key[i], set()).add(number)
        repeated = {k for k, on in seen.items() if len(on) >= need}
        new = {
            i
            for page in pages
            for i in page
            if i != first_line and i not in found and key[i] in repeated
        }
        if not new:
            break
        found |= new
    return found


def test_what_regex_calls_a_space_is_what_the_survey_strips() -> None:
    spaces = "".join(regex.findall(r"\s", "".join(map(chr, range(0x110000)))))
    assert spaces == "".join(sorted(layout._WHITE_SPACE_CHARS))
    assert layout._WHITE_RUN_RE.fullmatch(spaces)


EDGE_PIECES = [
    *"12０９ 　\t\x1c\xa0\u2028\u3000（）()#-－",
    "第4回会議",
    "会議録表示",
    "2024/11/05 1:34",
    "https://example.jp/a",
    "本日の会議を開きます。",
]


@given(st.lists(st.sampled_from(EDGE_PIECES), max_size=8))
def test_the_edge_key_and_its_start_are_the_long_way(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert layout._edge_key(text) == _edge_key_the_long_way(text)
    assert layout._edge_key_start(text) == _edge_key_the_long_way(text)[:1]


#: Lines a page may print (a few, so that pages repeat them).
EDGE_LINES = [
    "第4回会議 - 3",
    "第4回会議　- 12",
    "会議録表示",
    "（注）",
    "",
    "2024/11/05",
    "本文です。",
]


@given(
    st.lists(st.lists(st.sampled_from(EDGE_LINES), min_size=1, max_size=6), max_size=8),
    st.sets(st.integers(0, 40), max_size=4),
)
def test_running_headers_are_found_as_the_long_way_finds_them(
    pages: list[list[str]], breaks: set[int]
) -> None:
    """Pages cut by form feeds (and by page markers at ``breaks``)."""
    text = "\f".join("\n".join(page) for page in pages)
    lines = split_lines(text)
    assert layout.find_running_headers(lines, breaks) == _running_headers_the_long_way(
        lines, breaks
    )


def test_the_running_headers_of_the_samples_are_the_long_way() -> None:
    pages_cut = 0
    for path in sample_paths():
        lines = split_lines(path.read_text(encoding="utf-8"))
        breaks = {i for i, line in enumerate(lines) if layout.PAGE_MARKER_RE.fullmatch(line.text)}
        got = layout.find_running_headers(lines, breaks)
        assert got == _running_headers_the_long_way(lines, breaks)
        pages_cut += bool(got)
    assert pages_cut  # some sample prints running headers
