"""The shortcuts of the review (issue 13, round 10) give what the long way gives.

Each shortcut is checked against the plain computation it replaces, on the bundled samples
and on generated text.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import gijiroku
import gijiroku.quality as quality
from gijiroku.models import Minutes
from gijiroku.normalize import compact

from .conftest import sample_paths
from .test_quality import H, M, _minutes

# -- header-overlong: roster entries counted only for a value longer than HEADER_MAX -----------

#: What cleaning changes: half-width kana (voiced marks join the kana before them), full-width
#: letters and digits, zero-width characters, spaces of every kind.
COMPACT_PIECES = [*"ｶﾞﾊﾟｱﾞｰ｡ﾞﾟＡｚ０９\u200b\u00ad\ufeff \u3000\t\xa0\x1c\n漢あ", "ｶﾞ", "ﾊﾟ"]


@given(st.text())
def test_a_compact_form_is_never_longer_than_its_text(text: str) -> None:
    assert len(compact(text)) <= len(text)


@given(st.lists(st.sampled_from(COMPACT_PIECES), max_size=40))
def test_a_compact_form_of_what_cleaning_changes_is_never_longer(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert len(compact(text)) <= len(text)


def _overlong_headers_the_long_way(review: quality._Review) -> list[quality._Place]:
    """:func:`quality._overlong_headers` as it was: the roster entries counted for every
    value that is not a notice."""
    found = []
    entries = quality._EntryChars(review.minutes.members)
    for field_ in review.minutes.header:
        value = field_.value
        if len(value) <= 40 and "。" not in value:
            continue
        ends = list(quality._SENTENCE_END_RE.finditer(value))
        sentences = len(ends)
        notice = sentences == 1 and not value[ends[0].end() :].strip()
        unread = 0 if notice else len(compact(value)) - entries.inside(field_.span)
        if unread > quality.HEADER_MAX or sentences >= 2:
            what = (
                f"{len(value)} characters"
                if unread > quality.HEADER_MAX
                else f"{sentences} sentences"
            )
            found.append(quality._Place(field_.span, f"{quality._quote(value)} ({what})"))
    return found


def _review_of(minutes: Minutes, text: str) -> quality._Review:
    return quality._Review(minutes, text, quality._Lines(text))


def test_the_overlong_headers_of_the_samples_are_the_long_way() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        state = _review_of(gijiroku.parse(text), text)
        assert quality._overlong_headers(state) == _overlong_headers_the_long_way(state)


@given(
    st.lists(st.sampled_from(["林委員", "ｶﾞｰﾃﾞﾝ", "　", "。", "あ" * 30, "Ａ１"]), max_size=20),
    st.integers(0, 12),
)
def test_overlong_headers_are_found_as_the_long_way_finds_them(
    pieces: list[str], names: int
) -> None:
    """Values around HEADER_MAX characters, some of them roster entries."""
    listed = [f"{surname}委員" for surname in ("林", "森", "川", "山") * 3][:names]
    value = "出席委員 " + "".join(pieces) * 6 + "、".join(listed)
    text = value + "\n"
    members = [M(n, n[:-2], "委員") for n in listed]
    state = _review_of(
        _minutes(text, header=[H(value, "attendees", "出席委員")], members=members), text
    )
    assert quality._overlong_headers(state) == _overlong_headers_the_long_way(state)


# -- label-inside-turn: CRLF read as LF --------------------------------------------------------


def _line_starts_the_long_way(text: str, first: int, last: int) -> list[int]:
    return [m.start("line") for m in quality._INNER_LINE_RE.finditer(text, first, last)]


def test_inner_line_starts_of_the_samples_with_crlf_and_cr_are_the_long_way() -> None:
    """Every sample with its line breaks as CRLF (the LF path), and with one CR alone among
    them (the whole pattern), and stretches cut inside a CRLF."""
    for path in sample_paths():
        lf = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
        crlf = lf.replace("\n", "\r\n")
        for text in (crlf, crlf.replace("\r\n", "\r", 1)):
            middle = text.find("\r\n", len(text) // 2) + 1  # (between the CR and the LF)
            for first, last in ((0, len(text)), (middle, len(text)), (0, max(middle, 0))):
                expected = _line_starts_the_long_way(text, first, last)
                assert quality._inner_line_starts(text, first, last) == expected, path.name
