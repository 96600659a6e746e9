"""Bytes to text: find the encoding a city's system used, or say clearly why there is none.

Tried in order: a byte-order mark (UTF-8, UTF-16), strict UTF-8, CP932 (Windows Shift_JIS,
which keeps 髙, 﨑 and the NEC/IBM extensions), EUC-JP. Binary data (NUL bytes, a PDF, a
zip) is refused before any decoding.

Example:
    >>> decode("議事録".encode("cp932"))
    ('議事録', 'cp932')
"""

from __future__ import annotations

import codecs

import regex

from gijiroku.errors import DecodeError

__all__ = ["PDF_SIGNATURE", "decode"]

#: The first bytes of a PDF file.
PDF_SIGNATURE = b"%PDF-"

#: File signatures of binary formats people point a text tool at by mistake.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (PDF_SIGNATURE, "a PDF file; read it with gijiroku.parse_file or gijiroku.extract_text"),
    (b"PK\x03\x04", "a zip archive (or a .docx/.xlsx file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc/.xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"{\\rtf", "an RTF document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACKS = ("cp932", "euc_jp")


_KANA_KANJI_RE = regex.compile(r"[\p{Han}\p{Hiragana}\u30a1-\u30fa\u3001\u3002]")
_UNLIKELY_RE = regex.compile(r"[\uff61-\uff9f\ue000-\uf8ff\ufffd]")


def _plausibility(text: str) -> int:
    """How Japanese a decoding looks: kana and kanji count for it; half-width katakana and
    private-use characters (what EUC-JP bytes become when read as CP932) count against it."""
    return len(_KANA_KANJI_RE.findall(text)) - 3 * len(_UNLIKELY_RE.findall(text))


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return the text and the encoding used.

    Args:
        data: the raw bytes.
        encoding: an explicit codec name; it wins over detection.

    Raises:
        DecodeError: the bytes are binary, or fit no supported encoding (the message and
            :attr:`DecodeError.offset` give the first bad byte).
    """
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"bytes are not valid {encoding}: byte {exc.start} ({data[exc.start : exc.start + 1]!r})",
                offset=exc.start,
            ) from None
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(f"input looks like {what}, not text", offset=0)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"bad {codec} after its byte-order mark at byte {exc.start}", offset=exc.start
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DecodeError(f"input looks like binary data (a NUL byte at offset {nul})", offset=nul)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc.start
    decoded: list[tuple[int, str, str]] = []
    for codec in _FALLBACKS:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        decoded.append((_plausibility(text), codec, text))
    if decoded:
        _, codec, text = max(decoded, key=lambda found: found[0])  # ties: CP932, listed first
        return text, codec
    raise DecodeError(
        f"bytes fit none of utf-8, cp932, euc-jp; the first byte utf-8 cannot read is at offset "
        f"{first_error} ({data[first_error : first_error + 1]!r})",
        offset=first_error,
    )
