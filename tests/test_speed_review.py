"""The shortcuts of the line survey, the running headers, detection and the quality checks
(issue 13) give what the long way gives.

Each shortcut is checked against the plain computation it replaces, on the bundled samples
and on generated text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import gijiroku.layout as layout
from gijiroku.layout import is_web_furniture

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
