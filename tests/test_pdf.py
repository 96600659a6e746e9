"""PDF files: extraction, page furniture, pages, and a clear error for what cannot be read.

The bundled sample (samples/pdf/kyoto-sangyo-2024-05-17.pdf) is a print of a city's
minutes system: ``2024/11/05 1:34`` and ``会議録表示`` at the top of each of its 56 pages, the
system's URL and ``n/56`` at the bottom. Other PDFs are built here (:mod:`tests.pdfs`).
"""

from __future__ import annotations

import contextlib
import io
import json
import pickle
import sys
from pathlib import Path

import pypdf
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

import gijiroku
from gijiroku import (
    BrokenPdfError,
    DecodeError,
    EncryptedPdfError,
    GijirokuError,
    MissingExtraError,
    ParseError,
    PdfError,
    ScannedPdfError,
)
from gijiroku.cli import main
from tests.conftest import SAMPLES
from tests.pdfs import paged_pdf, text_pdf

KYOTO = SAMPLES / "pdf" / "kyoto-sangyo-2024-05-17.pdf"
KYOTO_URL = (
    "https://ssp.kaigiroku.net/tenant/kyoto/MinuteView.html?council_id=5909&schedule_id=1"
    "&is_search=false&view_years=2024"
)
#: The print furniture of the sample, as it must never appear in a record's text.
KYOTO_FURNITURE_RE = regex.compile(r"会議録表示|ssp\.kaigiroku\.net|\b\d{1,2}/56\b|2024/11/05")


@pytest.fixture(scope="module")
def kyoto() -> gijiroku.PdfText:
    return gijiroku.extract_text(KYOTO)


@pytest.fixture(scope="module")
def kyoto_minutes() -> gijiroku.Minutes:
    return gijiroku.parse_file(KYOTO)


# --- the sample -------------------------------------------------------------------------------


def test_sample_pages_and_text(kyoto: gijiroku.PdfText) -> None:
    assert kyoto.pages == 56
    assert kyoto.name == "kyoto-sangyo-2024-05-17.pdf"
    assert kyoto.scanned_pages == ()
    assert kyoto.text.count("\f") == 56
    assert kyoto.text.endswith("\n\f")
    assert "\r" not in kyoto.text
    page_two = kyoto.text[kyoto.page_starts[1] : kyoto.page_starts[2]]
    assert page_two.splitlines()[:4] == [
        "\u3000" * 18 + "（上下水道局）",
        "－" * 39,
        "\u3000" * 5 + "［午前10時\u3000開会］",
        "○委員長（平山たかお）\u3000",  # the label's trailing full-width space is kept
    ]
    assert page_two.endswith(f"2024/11/05 1:34 会議録表示\n{KYOTO_URL} 2/56\n\f")


def test_sample_furniture(kyoto: gijiroku.PdfText) -> None:
    by_page: dict[int, list[tuple[str, str, int | None]]] = {}
    for piece in kyoto.furniture:
        assert kyoto.text[piece.start : piece.end] == piece.text
        assert kyoto.page_at(piece.start) == piece.page
        by_page.setdefault(piece.page, []).append((piece.kind, piece.text, piece.number))
    assert sorted(by_page) == list(range(1, 57))
    for page, pieces in by_page.items():
        assert pieces == [
            ("running_header", "2024/11/05 1:34", None),
            ("running_header", "会議録表示", None),
            ("running_header", KYOTO_URL, None),
            ("page", f"{page}/56", page),
        ]
    masked = kyoto.masked()
    assert len(masked) == len(kyoto.text)
    assert not KYOTO_FURNITURE_RE.search(masked)


def test_sample_minutes_hold_no_furniture(
    kyoto: gijiroku.PdfText, kyoto_minutes: gijiroku.Minutes
) -> None:
    m = kyoto_minutes
    assert m.source.name == "kyoto-sangyo-2024-05-17.pdf"
    assert m.source.encoding == "pdf"
    assert m.source.chars == len(kyoto.text)
    assert m.source.sha256 == "7689cd4a4cb556074aaecd38e710fd0b55d9514c05a7d1cf18a02134c14fda19"
    assert m.meeting.title == "第3回\u3000産業交通水道委員会記録"
    opening = [u for u in m.utterances if u.text.startswith("ただ今から、産業交通水道委員会を")]
    assert [u.speaker.label for u in opening] == ["委員長（平山たかお）"]
    assert len(m.utterances) > 400
    texts = [u.text for u in m.utterances]
    texts += [u.speaker.label for u in m.utterances]
    texts += [h.value or "" for h in m.header] + [m.meeting.title or "", m.meeting.body or ""]
    texts += [s.title for s in m.sections] + [e.text for e in m.events]
    assert [t for t in texts if KYOTO_FURNITURE_RE.search(t)] == []
    marks = [(mark.kind, mark.number, mark.span.page) for mark in m.layout if mark.kind == "page"]
    assert marks == [("page", n, n) for n in range(1, 57)]
    headers = [mark for mark in m.layout if mark.kind == "running_header"]
    assert len(headers) == 3 * 56
    assert {mark.text for mark in headers} == {"2024/11/05 1:34", "会議録表示", KYOTO_URL}


def test_sample_spans_point_into_the_extracted_text(
    kyoto: gijiroku.PdfText, kyoto_minutes: gijiroku.Minutes
) -> None:
    m = kyoto_minutes
    assert m.unaccounted(kyoto.text) == []
    for u in m.utterances:
        assert u.span.page == kyoto.page_at(u.span.start)
    for mark in m.layout:
        assert mark.span.page == kyoto.page_at(mark.span.start)
    assert {u.span.page for u in m.utterances} >= set(range(2, 57))
    opening = next(u for u in m.utterances if u.text.startswith("ただ今から、"))
    assert kyoto.text.split("\n")[opening.span.line_start - 1] == "○委員長（平山たかお）\u3000"


def test_sample_reads_the_same_from_path_bytes_and_pdf_text(
    kyoto: gijiroku.PdfText, kyoto_minutes: gijiroku.Minutes
) -> None:
    from_bytes = gijiroku.parse(KYOTO.read_bytes(), source_name=KYOTO.name)
    from_text = gijiroku.parse(kyoto)
    assert from_bytes == kyoto_minutes == from_text
    assert gijiroku.Minutes.model_validate_json(from_text.to_json()) == from_text


# --- furniture in built PDFs ------------------------------------------------------------------

BROWSER_HEADER = [(40.0, "2024/11/05 1:34"), (280.0, "会議録表示")]
BROWSER_FOOTER = [(24.0, "https://example.jp/minutes?id=7"), (540.0, "{page}/{pages}")]


@pytest.mark.parametrize("furniture_last", [False, True])
def test_browser_print_furniture_is_layout(furniture_last: bool) -> None:
    pages = [
        ["第１回　委員会記録", "○委員長（山田太郎君）\u3000開会いたします。"],
        ["○委員（佐藤花子君）\u3000質問です。"],
        ["○委員長（山田太郎君）\u3000以上で散会します。"],
    ]
    data = paged_pdf(
        pages, header=BROWSER_HEADER, footer=BROWSER_FOOTER, furniture_last=furniture_last
    )
    pdf = gijiroku.extract_text(data)
    assert [(f.page, f.kind, f.text, f.number) for f in pdf.furniture if f.kind == "page"] == [
        (n, "page", f"{n}/3", n) for n in (1, 2, 3)
    ]
    assert [f.text for f in pdf.furniture if f.page == 2] == [
        "2024/11/05 1:34",
        "会議録表示",
        "https://example.jp/minutes?id=7",
        "2/3",
    ]
    m = gijiroku.parse(pdf, format="assembly")
    assert [(u.speaker.name, u.text) for u in m.utterances] == [
        ("山田太郎", "開会いたします。"),
        ("佐藤花子", "質問です。"),
        ("山田太郎", "以上で散会します。"),
    ]
    assert [u.span.page for u in m.utterances] == [1, 2, 3]
    assert len(m.layout) == 12
    assert m.unaccounted(pdf.text) == []


@pytest.mark.parametrize("furniture_last", [False, True])
def test_a_single_page_is_page_one_and_only_its_number_is_furniture(furniture_last: bool) -> None:
    data = paged_pdf(
        [["座長 はじめます。", "林委員 賛成です。"]],
        header="会議録",
        footer="- 1 -",
        furniture_last=furniture_last,
    )
    pdf = gijiroku.extract_text(data)
    assert pdf.pages == 1
    # nothing repeats on one page: only the page's own number is known for furniture
    assert [(f.kind, f.text, f.number) for f in pdf.furniture] == [("page", "- 1 -", 1)]
    m = gijiroku.parse(pdf)
    assert [(u.speaker.label, u.span.page) for u in m.utterances] == [("座長", 1), ("林委員", 1)]


def test_two_pages_need_the_furniture_on_both() -> None:
    both = gijiroku.extract_text(paged_pdf([["座長 はい。"], ["林委員 はい。"]], header="会議録"))
    assert [f.page for f in both.furniture] == [1, 2]
    one = gijiroku.extract_text(
        text_pdf([[(40, 817, "会議録"), (60, 772, "座長 はい。")], [(60, 772, "林委員 はい。")]])
    )
    assert one.furniture == ()


def test_body_lines_repeated_at_the_same_place_on_few_pages_stay_text() -> None:
    # the same label opens pages 1, 2 and 5 of 8: three pages, fewer than half
    pages = [
        [f"{'座長' if n in (1, 2, 5) else '林委員'} 発言{'一二三四五六七八'[n - 1]}。"]
        for n in range(1, 9)
    ]
    pdf = gijiroku.extract_text(paged_pdf(pages, footer="{page}"))
    assert [f.kind for f in pdf.furniture] == ["page"] * 8
    assert [f.number for f in pdf.furniture] == list(range(1, 9))
    assert len(gijiroku.parse(pdf).utterances) == 8


def test_furniture_must_stand_at_the_same_height() -> None:
    # "会議録" opens every page, but one line lower on each: body text, not a header
    pages = [
        [(60.0, 780.0 - 15 * n, "会議録"), (60.0, 700.0, f"座長 {'一二三四'[n]}回目。")]
        for n in range(4)
    ]
    assert gijiroku.extract_text(text_pdf(pages)).furniture == ()


def test_text_outside_the_bmp_keeps_its_offsets() -> None:
    data = paged_pdf(
        [["○委員長（𠮷田）\u3000", "\u3000𠮷野家の件です。"], ["○委員長（𠮷田）\u3000", "\u3000以上。"],
         ["◆委員（髙橋）\u3000", "\u3000はい。"]],
        header="𠮷田市議会 会議録", footer="{page}/{pages}",
    )  # fmt: skip
    pdf = gijiroku.extract_text(data)
    assert [(f.kind, f.text) for f in pdf.furniture[:2]] == [
        ("running_header", "𠮷田市議会 会議録"),
        ("page", "1/3"),
    ]
    assert all(pdf.text[f.start : f.end] == f.text for f in pdf.furniture)
    assert "𠮷野家の件です。" in pdf.text


# --- built from the bundled text samples: the PDF parses like the text ---------------------


def _pdf_of(text: str, lines_per_page: int) -> bytes:
    lines = [
        line for line in text.replace("\r\n", "\n").replace("\f", "\n").split("\n") if line.strip()
    ]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)]
    return paged_pdf(
        pages, header="テスト市議会　会議録", footer=[(280.0, "- {page} -")], font_size=9
    )


@pytest.mark.parametrize(
    "sample",
    ["council/sendai-ict-2016-02-08.txt", "assembly/hakodate-2024-02-22.txt",
     "diet/shugiin-monka-2023-11-01.txt"],
)  # fmt: skip
def test_a_sample_set_in_a_pdf_parses_like_its_text(sample: str) -> None:
    text = (SAMPLES / sample).read_bytes().decode("utf-8")
    expected = gijiroku.parse(text)
    pdf = gijiroku.extract_text(_pdf_of(text, 45))
    got = gijiroku.parse(pdf)
    assert got.meeting == expected.meeting
    assert [(u.speaker, u.text, u.notes) for u in got.utterances] == [
        (u.speaker, u.text, u.notes) for u in expected.utterances
    ]
    assert [(s.title, s.kind) for s in got.sections] == [
        (s.title, s.kind) for s in expected.sections
    ]
    assert [m.name for m in got.members] == [m.name for m in expected.members]
    assert [(f.kind, f.number) for f in pdf.furniture] == [
        (kind, number) for n in range(1, pdf.pages + 1) for kind, number in
        (("running_header", None), ("page", n))
    ]  # fmt: skip
    assert {(f.start, f.end) for f in pdf.furniture} <= {
        (m.span.start, m.span.end) for m in got.layout
    }
    # page numbers printed in the sample's own text do not renumber the PDF's pages
    assert all(u.span.page == pdf.page_at(u.span.start) for u in got.utterances)
    assert all(m.span.page == pdf.page_at(m.span.start) for m in got.layout)
    assert got.unaccounted(pdf.text) == []
    assert not any("テスト市議会" in u.text for u in got.utterances)


_LINE = st.sampled_from(
    ["○議長（吉田崇仁）\u3000おはようございます。", "林委員 ICT の利活用について。", "（拍手）",
     "\u3000本日の会議を開きます。", "平成 28 年 2 月 8 日", "〔「異議なし」と呼ぶ者あり〕",
     "ＡＢＣ１２３", "第１回　審議会", "座長", "（曽根委員）", "次に、議題（２）に移る。"]
)  # fmt: skip


@given(
    pages=st.lists(st.lists(_LINE, min_size=1, max_size=12), min_size=1, max_size=6),
    header=st.booleans(),
)
def test_extraction_keeps_every_body_line_in_order(pages: list[list[str]], header: bool) -> None:
    # each line made unique per place (kanji numerals: digits are ignored by the furniture
    # key), so that no body line is printed at the same place on most pages
    numbered = [
        [
            f"{line}{'〇一二三四五六七八九'[p]}{'〇一二三四五六七八九十'[k % 11]}"
            for k, line in enumerate(lines)
        ]
        for p, lines in enumerate(pages)
    ]
    data = paged_pdf(numbered, header="会議録（速報）" if header else None, footer="{page}/{pages}")
    pdf = gijiroku.extract_text(data)
    assert pdf.pages == len(pages)
    lines_out = [line.lstrip("\f") for line in pdf.masked().split("\n")]
    body = [line for line in lines_out if line.strip(" \u3000")]
    expected = [line for lines in numbered for line in lines]  # full-width indents kept
    if header and len(pages) == 1:  # one page: a header cannot be told from text
        expected.insert(0, "会議録（速報）")
    assert body == expected
    if len(pages) == 1:  # the page's own number only: nothing else is known for furniture
        assert [f.text for f in pdf.furniture] == ["1/1"]
    else:
        assert len(pdf.furniture) == (2 if header else 1) * len(pages)
    m = gijiroku.parse(pdf)
    assert m.unaccounted(pdf.text) == []
    assert all(mark.span.page == pdf.page_at(mark.span.start) for mark in m.layout)


# --- what cannot be read ----------------------------------------------------------------------


def _image_pdf(pages: int = 1) -> bytes:
    """A scan as an image-to-PDF tool writes it (Pillow)."""
    image = Image.new("L", (200, 280), 255)
    out = io.BytesIO()
    image.save(out, "PDF", save_all=True, append_images=[image] * (pages - 1), resolution=72)
    return out.getvalue()


def _encrypted(data: bytes, password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=password, owner_password=password + "-owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


SMALL = paged_pdf(
    [["日時：令和6年5月17日", "座長 はじめます。", "林委員 賛成です。"], ["座長 以上です。"]]
)


def test_the_error_tree() -> None:
    for error in (EncryptedPdfError, BrokenPdfError, ScannedPdfError):
        assert issubclass(error, PdfError)
    assert issubclass(PdfError, DecodeError)
    assert issubclass(PdfError, GijirokuError)
    assert issubclass(MissingExtraError, GijirokuError)
    assert issubclass(MissingExtraError, ImportError)


@pytest.mark.parametrize("pages", [1, 3])
def test_a_scan_without_text_is_a_scanned_pdf_error(pages: int) -> None:
    with pytest.raises(ScannedPdfError, match=rf"its {pages} page\(s\) are images.*OCR"):
        gijiroku.parse(_image_pdf(pages))


def test_a_scan_inside_a_form_is_found_too() -> None:
    with pytest.raises(ScannedPdfError):
        gijiroku.extract_text(text_pdf([None, None], image_in_form=True))


def test_a_scanned_page_among_text_pages_is_a_warning_with_its_page() -> None:
    data = text_pdf([[(60, 770, "座長 はじめます。")], None, [(60, 770, "林委員 賛成です。")]])
    pdf = gijiroku.extract_text(data)
    assert pdf.scanned_pages == (2,)
    m = gijiroku.parse(pdf)
    scanned = [d for d in m.diagnostics if d.code == "pdf-scanned-page"]
    assert [(d.severity, d.span.page if d.span else None) for d in scanned] == [("warning", 2)]
    assert scanned[0].span is not None
    assert scanned[0].span.start == pdf.page_starts[1]
    assert "page 2" in scanned[0].message
    assert [u.span.page for u in m.utterances] == [1, 3]
    with pytest.raises(ParseError) as caught:
        gijiroku.parse(data, on_issue="raise")
    assert "pdf-scanned-page" in {d.code for d in caught.value.diagnostics}


def test_blank_pages_are_empty_input() -> None:
    m = gijiroku.parse(text_pdf([[], []]))
    assert m.utterances == ()
    assert [d.code for d in m.diagnostics] == ["empty-input"]


def test_an_encrypted_pdf_needs_its_password() -> None:
    locked = _encrypted(SMALL, "himitsu")
    with pytest.raises(EncryptedPdfError, match=r"needs a password.*extract_text"):
        gijiroku.parse(locked)
    with pytest.raises(EncryptedPdfError, match="password is wrong"):
        gijiroku.extract_text(locked, password="wrong")
    opened = gijiroku.parse(gijiroku.extract_text(locked, password="himitsu"))
    assert [u.text for u in opened.utterances] == ["はじめます。", "賛成です。", "以上です。"]


def test_an_owner_password_alone_does_not_stop_reading() -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(SMALL)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    assert len(gijiroku.parse(out.getvalue()).utterances) == 3


@pytest.mark.parametrize("keep", [0.1, 0.5, 0.9, 0.99])
def test_a_truncated_pdf_is_a_broken_pdf_error(keep: float) -> None:
    data = SMALL[: int(len(SMALL) * keep)]
    with pytest.raises(BrokenPdfError, match="truncated PDF file"):
        gijiroku.parse(data)


def test_a_truncated_sample_is_a_broken_pdf_error() -> None:
    data = KYOTO.read_bytes()
    with pytest.raises(BrokenPdfError, match="truncated"):
        gijiroku.extract_text(data[: len(data) // 2])


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\nnot a pdf at all\n%%EOF\n", b"%PDF-1.4\n" + b"\x00" * 2000 + b"%%EOF",
     SMALL.replace(b" 0 obj", b" 0 xxx")],
)  # fmt: skip
def test_a_damaged_pdf_is_a_broken_pdf_error(data: bytes) -> None:
    with pytest.raises(BrokenPdfError, match="damaged PDF file"):
        gijiroku.parse(data)


def test_extract_text_refuses_what_is_not_a_pdf() -> None:
    with pytest.raises(BrokenPdfError, match="not a PDF file"):
        gijiroku.extract_text(b"plain text")
    with pytest.raises(TypeError):
        gijiroku.extract_text(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gijiroku.extract_text(SMALL, password=b"x")  # type: ignore[arg-type]


@given(cut=st.integers(min_value=0, max_value=len(SMALL) - 1), junk=st.binary(max_size=40))
def test_a_damaged_pdf_never_raises_a_foreign_exception(cut: int, junk: bytes) -> None:
    data = SMALL[:cut] + junk + SMALL[cut + len(junk) :]
    with contextlib.suppress(GijirokuError):  # a DecodeError once it no longer starts with %PDF-
        gijiroku.parse(data)


def test_without_pypdfium2_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # makes the import fail
    with pytest.raises(MissingExtraError, match=r"pip install 'gijiroku\[pdf\]'") as caught:
        gijiroku.parse_file(KYOTO)
    assert isinstance(caught.value, ImportError)
    assert gijiroku.parse("座長 はい。").utterances  # text needs no extra


@pytest.mark.parametrize(
    "error",
    [EncryptedPdfError("encrypted PDF file: the password is wrong"),
     BrokenPdfError("truncated PDF file"), ScannedPdfError("PDF file without a text layer"),
     MissingExtraError("install it", name="pypdfium2")],
)  # fmt: skip
def test_errors_survive_pickling(error: Exception) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is type(error)
    assert str(copy) == str(error)


# --- files, folders, batches ------------------------------------------------------------------


def test_parse_file_knows_a_pdf_by_its_bytes(tmp_path: Path) -> None:
    named = tmp_path / "minutes.txt"
    named.write_bytes(SMALL)
    m = gijiroku.parse_file(named)
    assert m.source.name == "minutes.txt"
    assert len(m.utterances) == 3


def test_parse_many_reads_pdfs_in_workers(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(SMALL)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_encrypted(SMALL, "pw"))
    results = list(gijiroku.parse_many([good, locked, ("scan", _image_pdf())], jobs=2))
    assert [r.ok for r in results] == [True, False, False]
    assert len(results[0].unwrap().utterances) == 3
    assert results[0].unwrap().source.encoding == "pdf"
    assert [r.error_type for r in results[1:]] == ["EncryptedPdfError", "ScannedPdfError"]
    assert not any(r.internal for r in results)


def test_the_command_line_reads_pdfs_in_folders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.pdf").write_bytes(SMALL)
    (tmp_path / "b.txt").write_text("座長 はい。\n", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(SMALL[:200])
    out = tmp_path / "out.jsonl"
    assert main(["parse", str(tmp_path), "-f", "jsonl", "-o", str(out), "-j", "1", "-q"]) == 1
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(d["source"]["name"], len(d["utterances"])) for d in docs] == [
        (str(tmp_path / "a.pdf"), 3),
        (str(tmp_path / "b.txt"), 1),
    ]
    assert f"{tmp_path / 'c.pdf'}: truncated PDF file" in capsys.readouterr().err
    assert main(["check", str(tmp_path / "a.pdf"), "-q"]) == 0
