"""Small PDF files built in the tests: text pages, image-only (scanned) pages, nothing else.

Text is drawn with small Type3 fonts (every glyph a box, one em wide) whose ``ToUnicode``
maps name every character, so any Unicode text (kanji outside the BMP included) comes back
out of a PDF reader exactly, with no font file and no system font involved.

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


def _to_unicode_cmap(codes: dict[int, str]) -> bytes:
    entries = [f"<{code:02X}> <{_utf16_hex(ch)}>" for code, ch in codes.items()]
    chunks = [entries[i : i + 100] for i in range(0, len(entries), 100)]
    body = "".join(
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar\n" for chunk in chunks
    )
    return (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n"
        f"{body}endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n"
    ).encode("ascii")


def _stream(dictionary: str, data: bytes) -> bytes:
    return f"<< {dictionary} /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


#: Characters per Type3 font (one-byte codes 1 to 255).
_FONT_CHARS = 255


def text_pdf(pages: Sequence[Page], *, size: tuple[float, float] = A4, font_size: float = 10.0) -> bytes:
    """A PDF with one page per entry of ``pages``: text lines, or an image-only page (None).

    The text is set in Type3 fonts of 255 characters each, every glyph a square one em wide,
    with a ``ToUnicode`` map: self-contained, so readers see real glyph boxes."""
    place: dict[str, tuple[int, int]] = {}  # character -> (font, code)
    for page in pages:
        for _, _, text in page or ():
            for ch in text:
                if ch not in place:
                    place[ch] = divmod(len(place), _FONT_CHARS)
                    place[ch] = (place[ch][0], place[ch][1] + 1)
    fonts = max((font for font, _ in place.values()), default=0) + 1
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: page tree (filled in at the end)
    glyph = len(objects) + 1
    objects.append(_stream("", b"1000 0 0 -120 1000 880 d1 50 0 900 700 re f"))
    font_ids = []
    for font in range(fonts):
        chars = {code: ch for ch, (f, code) in place.items() if f == font}
        last = max(chars, default=1)
        objects.append(_stream("", _to_unicode_cmap(chars)))
        names = " ".join(f"/g{code}" for code in range(1, last + 1))
        procs = " ".join(f"/g{code} {glyph} 0 R" for code in range(1, last + 1))
        objects.append(
            f"<< /Type /Font /Subtype /Type3 /FontBBox [0 -120 1000 880] "
            f"/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << {procs} >> "
            f"/Encoding << /Type /Encoding /Differences [1 {names}] >> /FirstChar 1 "
            f"/LastChar {last} /Widths [{' '.join(['1000'] * last)}] /Resources << >> "
            f"/ToUnicode {len(objects)} 0 R >>".encode()
        )
        font_ids.append(len(objects))
    image = len(objects) + 1
    objects.append(
        _stream(
            "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray "
            "/BitsPerComponent 8",
            b"\x00\xff\xff\x00",
        )
    )
    font_resources = " ".join(f"/F{k} {ref} 0 R" for k, ref in enumerate(font_ids))
    kids = []
    for page in pages:
        if page is None:
            content = f"q {size[0] - 80} 0 0 {size[1] - 80} 40 40 cm /Im1 Do Q".encode()
        else:
            content = b"".join(_show(x, y, text, place, font_size) for x, y, text in page)
        objects.append(_stream("", content))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] "
            f"/Resources << /Font << {font_resources} >> /XObject << /Im1 {image} 0 R >> >> "
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


def _show(x: float, y: float, text: str, place: dict[str, tuple[int, int]], size: float) -> bytes:
    """One line: the runs of characters of one font, each shown after a font switch."""
    parts = [f"BT 1 0 0 1 {x} {y} Tm ".encode()]
    current = None
    for ch in text:
        font, code = place[ch]
        if font != current:
            if current is not None:
                parts.append(b"> Tj ")
            parts.append(f"/F{font} {size} Tf <".encode())
            current = font
        parts.append(f"{code:02X}".encode())
    if current is not None:
        parts.append(b"> Tj ")
    parts.append(b"ET\n")
    return b"".join(parts)


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
