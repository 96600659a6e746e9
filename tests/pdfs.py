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


def text_pdf(
    pages: Sequence[Page],
    *,
    size: tuple[float, float] = A4,
    font_size: float = 10.0,
    image_in_form: bool = False,
) -> bytes:
    """A PDF with one page per entry of ``pages``: text lines, or an image-only page (None;
    with ``image_in_form`` the image is drawn inside a form XObject, as some scanners do).

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
    form = len(objects) + 1
    objects.append(
        _stream(
            f"/Type /XObject /Subtype /Form /BBox [0 0 {size[0]} {size[1]}] "
            f"/Resources << /XObject << /Im1 {image} 0 R >> >>",
            f"q {size[0] - 80} 0 0 {size[1] - 80} 40 40 cm /Im1 Do Q".encode(),
        )
    )
    font_resources = " ".join(f"/F{k} {ref} 0 R" for k, ref in enumerate(font_ids))
    kids = []
    for page in pages:
        if page is None and image_in_form:
            content = b"/Fm1 Do"
        elif page is None:
            content = f"q {size[0] - 80} 0 0 {size[1] - 80} 40 40 cm /Im1 Do Q".encode()
        else:
            content = b"".join(_show(x, y, text, place, font_size) for x, y, text in page)
        objects.append(_stream("", content))
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {size[0]} {size[1]}] "
            f"/Resources << /Font << {font_resources} >> "
            f"/XObject << /Im1 {image} 0 R /Fm1 {form} 0 R >> >> "
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
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
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


#: Furniture printed in a margin: text at the left margin, or ``(x, text)`` pieces on one
#: baseline. ``{page}`` and ``{pages}`` in the text become the page's number and the count.
Margin = str | Sequence[tuple[float, str]] | None


def _margin(margin: Margin, y: float, page: int, pages: int) -> list[TextLine]:
    if margin is None:
        return []
    pieces = [(40.0, margin)] if isinstance(margin, str) else margin
    return [(x, y, text.format(page=page, pages=pages)) for x, text in pieces]


def paged_pdf(
    pages: Sequence[Sequence[str] | None],
    *,
    header: Margin = None,
    footer: Margin = None,
    furniture_last: bool = False,
    size: tuple[float, float] = A4,
    font_size: float = 10.0,
) -> bytes:
    """Body lines set from the top of each page (``None``: an image-only page), with a
    running ``header`` and ``footer`` in the margins, drawn before the body or, with
    ``furniture_last``, after it (as browsers print them)."""
    built: list[Page] = []
    for number, lines in enumerate(pages, start=1):
        if lines is None:
            built.append(None)
            continue
        top = size[1] - 70.0
        body = [(60.0, top - k * font_size * 1.5, line) for k, line in enumerate(lines)]
        furniture = _margin(header, size[1] - 25.0, number, len(pages))
        furniture += _margin(footer, 20.0, number, len(pages))
        built.append(body + furniture if furniture_last else furniture + body)
    return text_pdf(built, size=size, font_size=font_size)
