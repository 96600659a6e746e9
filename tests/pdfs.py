"""Small PDF files built in the tests: text pages, image-only (scanned) pages, nothing else.

A text line is drawn with one Type0 font whose ``ToUnicode`` map names every character, so
any Unicode text (kanji outside the BMP included) comes back out of a PDF reader exactly;
the font itself is not embedded (readers substitute one, which is all text extraction needs).

Example:
    >>> data = text_pdf([[(72, 770, "第1回 会議録"), (72, 740, "座長 はじめます。")]])
    >>> data[:8]
    b'%PDF-1.7'
"""

from __future__ import annotations

from collections.abc import Sequence

#: A line of text on a page: x, y (of the baseline, in points from the bottom left), text.
TextLine = tuple[float, float, str]
#: A page: its text lines, or ``None`` for a page that holds one image and no text.
Page = Sequence[TextLine] | None

A4 = (595.0, 842.0)


def _utf16_hex(ch: str) -> str:
    return ch.encode("utf-16-be").hex().upper()


def _to_unicode_cmap(codes: dict[str, int]) -> bytes:
    entries = [f"<{code:04X}> <{_utf16_hex(ch)}>" for ch, code in codes.items()]
    chunks = [entries[i : i + 100] for i in range(0, len(entries), 100)]
    body = "".join(
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n" for chunk in chunks
    )
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def _stream(dictionary: str, data: bytes) -> bytes:
    return f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def text_pdf(pages: Sequence[Page], *, size: tuple[float, float] = A4, font_size: float = 10.0) -> bytes:
    """A PDF with one page per entry of ``pages``: text lines, or an image-only page (None)."""
    codes: dict[str, int] = {}
    for page in pages:
        for _, _, text in page or ():
            for ch in text:
                codes.setdefault(ch, len(codes) + 1)
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree (filled in at the end)
    font = len(objects) + 1
    objects += [
        f"<< /Type /Font /Subtype /Type0 /BaseFont /TestMincho /Encoding /Identity-H "
        f"/DescendantFonts [{font + 1} 0 R] /ToUnicode {font + 3} 0 R >>".encode(),
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestMincho /CIDSystemInfo "
        f"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        f"/FontDescriptor {font + 2} 0 R /DW 1000 /CIDToGIDMap /Identity >>".encode(),
        b"<< /Type /FontDescriptor /FontName /TestMincho /Flags 4 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
        _stream("", _to_unicode_cmap(codes)),
    ]
    image = len(objects) + 1
    objects.append(
        _stream(
            "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
            "/BitsPerComponent 8",
            b"\x00\xff\xff\x00",
        )
    )
    kids = []
    for page in pages:
        if page is None:
            content = f"q {size[0] - 80} 0 0 {size[1] - 80} 40 40 cm /Im1 Do Q".encode()
        else:
            content = b"".join(
                f"BT /F1 {font_size} Tf 1 0 0 1 {x} {y} Tm <".encode()
                + "".join(f"{codes[ch]:04X}" for ch in text).encode()
                + b"> Tj ET\n"
                for x, y, text in page
            )
        objects.append(_stream("", content))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] "
            f"/Resources << /Font << /F1 {font} 0 R >> /XObject << /Im1 {image} 0 R >> >> "
            f"/Contents {len(objects)} 0 R >>".encode()
        )
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
    ).encode()
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def paged_pdf(
    pages: Sequence[Sequence[str]],
    *,
    header: str | None = None,
    footer: str | None = None,
    size: tuple[float, float] = A4,
    font_size: float = 10.0,
) -> bytes:
    """Body lines set from the top of each page, with an optional running ``header`` and
    ``footer`` in the margins; ``{page}`` and ``{pages}`` in them become the page numbers."""
    built: list[Page] = []
    for number, lines in enumerate(pages, start=1):
        page: list[TextLine] = []
        if header is not None:
            page.append((40.0, size[1] - 25.0, header.format(page=number, pages=len(pages))))
        top = size[1] - 70.0
        page += [(60.0, top - k * (font_size * 1.5), line) for k, line in enumerate(lines)]
        if footer is not None:
            page.append((40.0, 20.0, footer.format(page=number, pages=len(pages))))
        built.append(page)
    return text_pdf(built, size=size, font_size=font_size)
