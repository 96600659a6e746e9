"""Bytes to text (gijiroku.decoding) and text JSON can hold: BOMs, ISO-2022-JP, short
inputs, truncated input, lone surrogates."""

from __future__ import annotations

import codecs
import hashlib
import json
import random

import pytest

import gijiroku
from gijiroku import DecodeError, ParseError
from gijiroku.decoding import MAX_REPAIRS, decode, decode_input
from tests.conftest import read_sample

MONKA = "diet/shugiin-monka-2023-11-01.txt"  # every character is in JIS X 0208
HAKODATE = "assembly/hakodate-2024-02-22.txt"  # needs JIS X 0213 (iso2022_jp_2004)
#: What the quality check says of a one-line text (no date, no family fits well): not the
#: decoder's business, so left out where a test counts the decoder's reports.
QUALITY = {"format-uncertain", "no-date"}


def _turns(m: gijiroku.Minutes) -> list[tuple[str, str]]:
    return [(u.speaker.label, u.text) for u in m.utterances]


# --- byte-order marks ----------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf32_with_a_bom_is_not_read_as_utf16(codec: str) -> None:
    text = read_sample(MONKA)
    data = text.encode(codec) if codec == "utf-32" else codecs.BOM_UTF32_LE + text.encode(codec)
    if codec == "utf-32-be":
        data = codecs.BOM_UTF32_BE + text.encode(codec)
    m = gijiroku.parse(data)
    assert m.source.encoding == "utf-32"
    assert _turns(m) == _turns(gijiroku.parse(text))
    assert len(m.utterances) == 19


def test_utf16_with_a_bom_still_works() -> None:
    assert decode("座長 はい。".encode("utf-16")) == ("座長 はい。", "utf-16")


def test_bad_utf32_is_a_decode_error() -> None:
    data = "座長 はい。".encode("utf-32") + b"\xff\xff\xff\x7f"  # no such code point
    with pytest.raises(DecodeError, match="utf-32 after its byte-order mark") as caught:
        gijiroku.parse(data)
    assert caught.value.offset == len(data) - 4


# --- ISO-2022-JP ---------------------------------------------------------------------------


def test_iso2022jp_is_recognised_by_its_escape_sequences() -> None:
    text = read_sample(MONKA)
    m = gijiroku.parse(text.encode("iso2022_jp"))
    assert m.source.encoding == "iso2022_jp"
    assert _turns(m) == _turns(gijiroku.parse(text))
    assert [d.code for d in m.diagnostics] == [d.code for d in gijiroku.parse(text).diagnostics]


def test_iso2022jp_with_jis_x_0213_characters() -> None:
    text = read_sample(HAKODATE)
    m = gijiroku.parse(text.encode("iso2022_jp_2004"))
    assert m.source.encoding == "iso2022_jp_2004"
    assert _turns(m) == _turns(gijiroku.parse(text))


def test_ansi_colour_codes_are_not_iso2022jp() -> None:
    assert decode(b"\x1b[31mred\x1b[0m") == ("\x1b[31mred\x1b[0m", "utf-8")


def test_broken_iso2022jp_names_the_offset() -> None:
    data = "議事録".encode("iso2022_jp").replace(b"D", b"\x7f")  # 議 is ESC $ B 5 D
    with pytest.raises(DecodeError, match="ISO-2022-JP") as caught:
        gijiroku.parse(data)
    assert caught.value.offset == 3


def test_truncated_iso2022jp_is_reported() -> None:
    data = "座長　はい。".encode("iso2022_jp")[:-4]  # cut inside 。 and its closing escape
    m = gijiroku.parse(data)
    assert m.source.encoding == "iso2022_jp"
    assert [d.code for d in m.diagnostics if d.code == "truncated-input"] == ["truncated-input"]


# --- short inputs ----------------------------------------------------------------------------


def _jis_characters(rows: range) -> list[str]:
    found = []
    for row in rows:
        for cell in range(0xA1, 0xFF):
            try:
                found.append(bytes((row + 0xA0, cell)).decode("euc_jp"))
            except UnicodeDecodeError:
                continue
    return found


KANA = _jis_characters(range(4, 6))  # ひらがな, カタカナ
LEVEL_1 = _jis_characters(range(16, 48))  # the common kanji


def test_every_one_character_euc_jp_kana_or_common_kanji_is_read_as_euc_jp() -> None:
    wrong = [c for c in KANA + LEVEL_1 if decode(c.encode("euc_jp"))[0] != c]
    assert wrong == []
    assert len(KANA + LEVEL_1) == 3134


def test_two_character_euc_jp_strings_are_read_as_euc_jp() -> None:
    rng = random.Random(16)
    pool = KANA + LEVEL_1
    strings = ["".join(rng.choices(pool, k=2)) for _ in range(20_000)]
    wrong = [s for s in strings if decode(s.encode("euc_jp"))[0] != s]
    assert wrong == []


@pytest.mark.parametrize("codec", ["utf-8", "cp932"])
def test_short_strings_in_other_encodings_are_still_read_right(codec: str) -> None:
    rng = random.Random(61)
    pool = KANA + LEVEL_1
    strings = ["".join(rng.choices(pool, k=rng.randint(1, 3))) for _ in range(5_000)]
    wrong = [s for s in strings if decode(s.encode(codec)) != (s, codec)]
    assert wrong == []


def test_the_documented_ambiguity() -> None:
    # b"\xc3\xa9" is é in UTF-8 and 辿 in EUC-JP: with nothing else to go by, Japanese wins
    assert decode(b"\xc3\xa9") == ("辿", "euc_jp")
    assert decode(b"\xc3\xa9", "utf-8") == ("é", "utf-8")
    # a text that is mostly ASCII is read as the UTF-8 it is
    assert decode("café".encode()) == ("café", "utf-8")
    assert decode("20°C, ±3".encode()) == ("20°C, ±3", "utf-8")
    # and UTF-8 with any kana or kanji in it is always UTF-8
    assert decode("é議".encode()) == ("é議", "utf-8")


# --- truncated input -------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8", "cp932", "euc_jp"])
def test_a_file_cut_in_the_middle_of_a_character(codec: str) -> None:
    text = read_sample(MONKA)
    data = text.rstrip().encode(codec)[:-1]  # the last character loses its last byte
    m = gijiroku.parse(data)
    assert m.source.encoding == codec
    (cut,) = [d for d in m.diagnostics if d.code == "truncated-input"]
    assert cut.severity == "warning"
    assert cut.span is not None
    decoded = decode(data)[0]
    assert decoded.endswith("\ufffd")
    assert (cut.span.start, cut.span.end) == (len(decoded) - 1, len(decoded))
    assert cut.span.line_start == gijiroku.parse(text).source.lines
    assert _turns(m)[:-1] == _turns(gijiroku.parse(text))[:-1]
    assert m.unaccounted(decoded) == []
    json.loads(m.to_json())


def test_bytes_that_fit_no_encoding_are_still_an_error() -> None:
    with pytest.raises(DecodeError, match="fit none") as caught:
        gijiroku.parse(b"abc\x81 def")
    assert caught.value.offset == 3


def test_a_cp932_line_in_a_utf8_file() -> None:
    text = read_sample(MONKA)
    lines = text.encode().split(b"\n")
    pasted = "○盛山国務大臣　お答えします。".encode("cp932")
    data = b"\n".join([*lines[:100], pasted, *lines[100:]])
    m = gijiroku.parse(data)
    assert m.source.encoding == "utf-8"
    reports = [d for d in m.diagnostics if d.code == "undecodable-bytes"]
    assert reports
    assert {d.span.line_start for d in reports if d.span} == {101}
    assert "\\x90\\xb7" in reports[0].message  # 盛 in CP932: the bytes as found
    decoded = decode(data)[0]
    bad = pasted.decode("utf-8", "surrogateescape")
    assert decoded.split("\n")[100] == "".join(
        "\ufffd" if "\udc80" <= c <= "\udcff" else c for c in bad
    )
    assert m.unaccounted(decoded) == []
    assert len(m.utterances) == 19


def test_many_bad_bytes_are_not_utf8() -> None:
    text = "座長　はい。\n" * 10
    data = text.encode("cp932")
    assert decode(data) == (text, "cp932")


# --- lone surrogates -------------------------------------------------------------------------


def test_a_lone_surrogate_is_replaced_and_reported() -> None:
    text = "座長 は\ud800い。"
    m = gijiroku.parse(text)
    document = json.loads(m.to_json())  # JSON can be written
    assert document["utterances"][0]["text"] == "は\ufffdい。"
    (report,) = [d for d in m.diagnostics if d.code not in QUALITY]
    assert (report.code, report.severity) == ("lone-surrogate", "warning")
    assert report.span is not None
    assert (report.span.start, report.span.end) == (4, 5)  # an offset into the text given
    assert text[report.span.start] == "\ud800"
    assert "U+D800" in report.message
    assert m.unaccounted(text) == []
    assert m.source.sha256 == hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    assert gijiroku.Minutes.model_validate_json(m.to_json()) == m


def test_spans_still_index_the_text_given() -> None:
    text = "第1回 会議録\n座長 \udce9\udce9はじめます。\n林委員 \ud83d\ude00賛成です。\n"
    m = gijiroku.parse(text)
    reports = [d for d in m.diagnostics if d.code == "lone-surrogate"]
    assert [(d.span.start, d.span.end, d.span.line_start) for d in reports if d.span] == [
        (11, 13, 2),
        (24, 26, 3),
    ]
    assert "U+DCE9 U+DCE9" in reports[0].message
    for u in m.utterances:
        assert u.span.start < u.span.end <= len(text)
    assert [u.text for u in m.utterances] == ["\ufffd\ufffdはじめます。", "\ufffd\ufffd賛成です。"]


def test_many_lone_surrogates_make_a_bounded_number_of_reports() -> None:
    text = "座長 " + "は\udc80" * 5000
    m = gijiroku.parse(text)
    reports = [d for d in m.diagnostics if d.code == "lone-surrogate"]
    assert len(reports) == MAX_REPAIRS + 1
    last = reports[-1]
    assert last.span is not None
    assert (last.span.start, last.span.end) == (3 + 2 * MAX_REPAIRS + 1, len(text))
    assert "4900 more" in last.message
    assert m.unaccounted(text) == []
    json.loads(m.to_json())


def test_lone_surrogates_with_on_issue_raise() -> None:
    with pytest.raises(ParseError) as caught:
        gijiroku.parse("座長 は\ud800い。", on_issue="raise")
    codes = [d.code for d in caught.value.diagnostics]
    assert [code for code in codes if code not in QUALITY] == ["lone-surrogate"]


def test_unicode_escape_that_makes_a_surrogate() -> None:
    m = gijiroku.parse(b"\\u5ea7\\u9577 \\u306f\\ud800\\u3044\\u3002", encoding="unicode_escape")
    assert [u.text for u in m.utterances] == ["は\ufffdい。"]
    assert [d.code for d in m.diagnostics if d.code not in QUALITY] == ["lone-surrogate"]
    with pytest.raises(DecodeError, match="unicode_escape"):
        gijiroku.parse(b"\\x", encoding="unicode_escape")


def test_decode_input_on_clean_text_changes_nothing() -> None:
    decoded = decode_input("座長 はい。")
    assert (decoded.text, decoded.encoding, decoded.repairs) == ("座長 はい。", "unicode", ())


@pytest.mark.parametrize("name", ["bogus", "base64", "rot13"])
def test_an_unknown_or_non_text_encoding(name: str) -> None:
    with pytest.raises(DecodeError, match="encoding"):
        gijiroku.parse(b"abc", encoding=name)
