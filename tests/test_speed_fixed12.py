"""What every parse pays whatever the document's length (issue 13, round 12).

- Assembly's survey reads each distinct marked line once and counts it as often as it is
  printed: it finds what reading every line finds.
- Bytes decoded with a detected codec are not scanned for lone surrogates (none of those
  codecs gives one, and the reading that keeps undecodable bytes replaces its own): the
  scan would find none and change nothing.
- ``count_lines`` counts carriage returns only in a text that holds one.
"""

from __future__ import annotations

import codecs
import random

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from gijiroku import DecodeError
from gijiroku.decoding import decode_input, replace_surrogates
from gijiroku.formats import assembly
from gijiroku.normalize import EDITOR_LINE_BREAK_RE, count_lines, memo_scope

from .conftest import sample_paths
from .test_speed_review import assembly_votes_the_long_way

# -- assembly's survey ---------------------------------------------------------------------


def _survey_line_by_line(text: str) -> dict[str, str]:
    """The survey the long way (as it was): every marked line read and counted in turn."""
    if "\r" in text:
        text = assembly._LINE_BREAK_RE.sub("\n", text)
    lines = assembly._EITHER_LINE_RE.finditer("\n" + text)
    return assembly_votes_the_long_way((line["mark"], line["rest"]) for line in lines)


def test_the_survey_of_every_sample_reads_as_line_by_line() -> None:
    marked = 0
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        with memo_scope():
            assert assembly.survey(text) == _survey_line_by_line(text), path.name
            marked += bool(assembly.survey(text))
    assert marked > 0


_LINES = st.sampled_from(
    [
        "◆委員（下村あきら）",
        "◎市長（大泉潤）\u3000おはようございます。",
        "◎会期の決定",
        "◇日程第１",
        "■山田",
        "□ 山田 太郎",
        "◆委員（下村あきら）\u3000",
        "◎（３人）",
        "議長（山田）",
        "",
    ]
)


@given(st.lists(_LINES, max_size=12), st.sampled_from(["\n", "\r\n", "\r"]))
def test_the_survey_of_repeated_lines_reads_as_line_by_line(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    assert assembly.survey(text) == _survey_line_by_line(text)


@given(st.text(alphabet="◎◆◇■□○市長（大泉潤）会期の決定3人 　\n\r山田", max_size=60))
def test_the_survey_of_made_up_text_reads_as_line_by_line(text: str) -> None:
    assert assembly.survey(text) == _survey_line_by_line(text)


# -- decoding: no surrogate scan after a detected codec -----------------------------------------


def _decodes_without_surrogates(data: bytes) -> None:
    """Bytes decoded with the codec detection picks hold no lone surrogate: scanning them
    (as every decoding did) changes nothing and reports nothing."""
    try:
        decoded = decode_input(data)
    except DecodeError:
        return
    assert replace_surrogates(decoded.text) == (decoded.text, ())
    assert all(repair.code != "lone-surrogate" for repair in decoded.repairs)


def test_samples_decode_without_surrogates() -> None:
    for path in sample_paths():
        data = path.read_bytes()
        _decodes_without_surrogates(data)
        text = data.decode("utf-8")
        for codec in ("cp932", "euc_jp", "iso2022_jp_2004", "utf-16", "utf-32", "utf-8-sig"):
            try:
                _decodes_without_surrogates(text.encode(codec))
            except UnicodeEncodeError:  # (a character the codec cannot write)
                continue


#: Surrogates written as UTF-8 (ED A0 80), UTF-16 and UTF-32 after their marks, CP932 and
#: EUC-JP lead bytes, an ISO-2022-JP escape.
_SURROGATE_LIKE = [
    b"\xed\xa0\x80",
    b"\xed\xbf\xbf",
    codecs.BOM_UTF16_LE + b"\x00\xd8a\x00",
    codecs.BOM_UTF16_BE + b"\xdc\x00\x00a",
    codecs.BOM_UTF32_LE + b"\x00\xd8\x00\x00",
    codecs.BOM_UTF8 + b"\xed\xa0\x80",
    b"\x1b$B\x30\x21\x1b(B",
]


@pytest.mark.parametrize("data", _SURROGATE_LIKE)
def test_surrogate_bytes_decode_without_surrogates(data: bytes) -> None:
    _decodes_without_surrogates(data)
    _decodes_without_surrogates("座長　はい。".encode() + data)


@example(b"\xed\xa0\x80\xe5\xba\xa7")
@given(
    st.lists(
        st.sampled_from([*_SURROGATE_LIKE, "座長".encode(), "議長".encode("cp932"), b"a", b"\x80"]),
        max_size=8,
    ).map(b"".join)
    | st.binary(max_size=40)
)
def test_made_up_bytes_decode_without_surrogates(data: bytes) -> None:
    _decodes_without_surrogates(data)


@given(st.lists(st.binary(min_size=1, max_size=3), min_size=1, max_size=4), st.randoms())
def test_stray_bytes_in_utf8_decode_without_surrogates(
    stray: list[bytes], rnd: random.Random
) -> None:
    """A UTF-8 text with a few bytes that are not UTF-8 in it (read with those bytes kept,
    then replaced)."""
    lines = ("座長　それでは始めます。林委員、どうぞ。" * 8).encode().split("。".encode())
    for piece in stray:
        lines.insert(rnd.randrange(len(lines) + 1), piece)
    _decodes_without_surrogates("。".encode().join(lines))


def test_a_cp932_line_in_a_utf8_sample_decodes_without_surrogates() -> None:
    data = sample_paths()[0].read_bytes()
    pasted = data + "○議長　はい。".encode("cp932") + data
    decoded = decode_input(pasted)
    assert {repair.code for repair in decoded.repairs} == {"undecodable-bytes"}
    _decodes_without_surrogates(pasted)


def test_a_named_codec_is_still_scanned() -> None:
    decoded = decode_input(b"a\\ud800b", "unicode_escape")
    assert decoded.text == "a\ufffdb"
    assert [repair.code for repair in decoded.repairs] == ["lone-surrogate"]


# -- counting lines ------------------------------------------------------------------------------


def _count_lines_by_regex(text: str) -> int:
    if not text:
        return 0
    breaks = len(EDITOR_LINE_BREAK_RE.findall(text))
    return breaks + (0 if text.endswith(("\n", "\r")) else 1)


def test_every_sample_counts_its_lines_as_the_regex_does() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        for variant in (text, text.replace("\n", "\r\n"), text.replace("\n", "\r")):
            assert count_lines(variant) == _count_lines_by_regex(variant), path.name
            assert count_lines(variant + "\r") == _count_lines_by_regex(variant + "\r")
