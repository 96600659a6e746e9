"""Input to text: find the encoding a city's system used, or say clearly why there is none;
make sure the text can be written out as JSON.

Bytes are read by trying, in order:

1. binary signatures (a PDF, a zip, an image …) and NUL bytes: refused;
2. a byte-order mark: UTF-8, UTF-16 or UTF-32 (``FF FE 00 00`` is UTF-32, not UTF-16);
3. ISO-2022-JP (JIS, old e-mail), recognised by its escape sequences (``ESC $ B`` …) in
   otherwise 7-bit data;
4. UTF-8, CP932 (Windows Shift_JIS, which keeps 髙, 﨑 and the NEC/IBM extensions) and
   EUC-JP. Strict UTF-8 wins when it reads as Japanese (every kana and kanji takes three
   bytes in UTF-8, so a long text in another encoding is never valid UTF-8) or when no
   other reading is more Japanese; between the others, and for the few bytes that are
   valid UTF-8 without any Japanese in them, the reading with the more Japanese in it wins
   (kana and common kanji count most, half-width katakana and private-use characters count
   against). Only very short inputs are ambiguous: ``b"\\xc3\\xa9"`` is ``é`` in UTF-8 and the
   kanji ``辿`` in EUC-JP, and is read as ``辿``; pass ``encoding=`` to be sure.

An incomplete character at the very end (a truncated file) is replaced by U+FFFD and
reported (``truncated-input``), and so is each run of bytes that are not UTF-8 in a text
that otherwise is (a line pasted from a CP932 file: ``undecodable-bytes``; at most one byte
in :data:`MAX_BAD_SHARE`, else the bytes are no UTF-8 text). Text that holds lone surrogates (``"\\ud800"``: half of a UTF-16 pair, which no
encoding can write; they come from ``surrogateescape`` file names, JSON ``"\\ud800"`` or the
``unicode_escape`` codec) gets U+FFFD in their place, one for one, so offsets into the text
are unchanged; each is reported (see :class:`Repair`).

Example:
    >>> decode("議事録".encode("cp932"))
    ('議事録', 'cp932')
    >>> decode("議事録".encode("iso2022_jp"))
    ('議事録', 'iso2022_jp')
"""

from __future__ import annotations

import codecs
import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import regex

from gijiroku.errors import DecodeError

__all__ = ["PDF_SIGNATURE", "Decoded", "Repair", "decode", "decode_input", "replace_surrogates"]

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
#: Byte-order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: The bytes a signature or a byte-order mark starts with: data that starts with none of
#: them holds neither, and is not compared with each.
_LEADS = frozenset(mark[:1] for mark, _ in (*_SIGNATURES, *_BOMS))
_FALLBACKS = ("cp932", "euc_jp")
#: ISO-2022-JP's designations of JIS X 0208, 0212, 0213 and JIS-Roman / half-width kana.
_ISO2022_ESCAPE_RE = regex.compile(rb"\x1b(?:\$[@B]|\$\([@BDOPQ]|\([BJI])")
#: Tried in order on ISO-2022-JP data: plain, then with half-width kana, then JIS X 0213.
_ISO2022_CODECS = ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2004", "iso2022_jp_2")
#: Why a decoder stops at the end of the data: a character cut in the middle.
_TRUNCATED = frozenset(
    {"unexpected end of data", "incomplete multibyte sequence", "truncated data"}
)
#: An incomplete character at the end is at most this long (ISO-2022-JP: an escape).
_MAX_TAIL = 4

_SURROGATE_RE = regex.compile(r"[\ud800-\udfff]+")
#: Repairs are reported one run at a time up to this many runs; one more report covers the
#: rest, so a text full of them cannot make millions of diagnostics.
MAX_REPAIRS = 100
#: A UTF-8 text may hold a few bytes that are not UTF-8 (a line pasted from a CP932 file):
#: at most one byte in this many.
MAX_BAD_SHARE = 50


def _jis_kanji(first_row: int, last_row: int) -> str:
    """The kanji of JIS X 0208 rows ``first_row`` to ``last_row``, in one string."""
    chars = []
    for row in range(first_row + 0xA0, last_row + 0xA1):
        for cell in range(0xA1, 0xFF):
            try:
                chars.append(bytes((row, cell)).decode("euc_jp"))
            except UnicodeDecodeError:
                continue
    return "".join(chars)


#: Kana, CJK punctuation (、。「」, the ideographic space) and full-width forms: three bytes
#: each in UTF-8, and in any Japanese text longer than a few words.
_KANA_RE = regex.compile(r"[\u3000-\u30ff\u31f0-\u31ff\uff01-\uff5e]")
#: What EUC-JP or UTF-8 bytes turn into when read as CP932 (and the reverse): half-width
#: katakana, C1 controls, private-use characters, replacement characters (and the
#: surrogates that stand for bytes UTF-8 cannot read).
_UNLIKELY_RE = regex.compile(r"[\uff61-\uff9f\x80-\x9f\ud800-\udfff\ue000-\uf8ff\ufffd]")


@functools.cache
def _kanji_weights() -> dict[str, int]:
    """2 for the kanji of JIS X 0208 level 1 (rows 16–47: the common ones), 1 for level 2
    (rows 48–84: rarer, what a wrong reading of Japanese bytes mostly yields); built on
    first use."""
    weights = dict.fromkeys(_jis_kanji(48, 84), 1)
    weights.update(dict.fromkeys(_jis_kanji(16, 47), 2))
    return weights


def _weight(char: str, kanji: dict[str, int]) -> int:
    if char in kanji:
        return kanji[char]
    if _UNLIKELY_RE.match(char):
        return -4
    return 2 if _KANA_RE.match(char) else 0


def _plausibility(text: str) -> int:
    """How Japanese a decoding looks: kana, CJK punctuation and level-1 kanji count 2,
    level-2 kanji 1, other kanji 0; half-width katakana, C1 controls, private-use and
    replacement characters -4. Counted per distinct character, so long texts are cheap."""
    kanji = _kanji_weights()
    return sum(count * _weight(char, kanji) for char, count in Counter(text).items())


@dataclass(frozen=True)
class Repair:
    """A stretch of the text that stands for something that could not be kept.

    ``start``/``end`` index the decoded text; ``code`` is the diagnostic code
    (``lone-surrogate``, ``truncated-input``, ``undecodable-bytes``) and ``detail`` what was
    there (``U+D800``, or the bytes).
    """

    code: str
    start: int
    end: int
    detail: str


@dataclass(frozen=True)
class Decoded:
    """Text ready to parse: ``text`` (JSON can hold every character), the ``encoding`` used
    (``unicode`` for a str), and the :class:`Repair` s made to it."""

    text: str
    encoding: str
    repairs: tuple[Repair, ...] = ()


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data``; return the text and the encoding used.

    Args:
        data: the raw bytes.
        encoding: an explicit codec name; it wins over detection.

    Raises:
        DecodeError: the bytes are binary, or fit no supported encoding (the message and
            :attr:`DecodeError.offset` give the first bad byte).
    """
    decoded = decode_input(data, encoding)
    return decoded.text, decoded.encoding


def decode_input(data: str | bytes, encoding: str | None = None) -> Decoded:
    """Bytes or a str to :class:`Decoded`: bytes decoded (see the module docstring), then
    lone surrogates replaced in either."""
    if isinstance(data, str):
        text, replaced = replace_surrogates(data)
        return Decoded(text, "unicode", replaced)
    text, used, repairs = _decode_bytes(data, encoding)
    if encoding is None:
        # The codecs detection reads with (strict UTF-8, UTF-16, UTF-32, CP932, EUC-JP,
        # ISO-2022-JP, ASCII) never give a lone surrogate, and the UTF-8 reading that keeps
        # undecodable bytes has had its surrogates replaced: the text is not scanned again.
        return Decoded(text, used, repairs)
    text, replaced = replace_surrogates(text)
    return Decoded(text, used, repairs + replaced)


def replace_surrogates(text: str) -> tuple[str, tuple[Repair, ...]]:
    """``text`` with each lone surrogate replaced by U+FFFD (same length, same offsets), and
    a :class:`Repair` per run of them (at most :data:`MAX_REPAIRS`, then one for the rest).

    Example:
        >>> replace_surrogates("は\\ud800い")
        ('は\\ufffdい', (Repair(code='lone-surrogate', start=1, end=2, detail='U+D800'),))
    """
    if text.isascii():
        return text, ()
    return _replace_runs(
        text, "lone-surrogate", lambda run: " ".join(f"U+{ord(c):04X}" for c in run)
    )


def _replace_runs(
    text: str, code: str, describe: Callable[[str], str]
) -> tuple[str, tuple[Repair, ...]]:
    """Replace each surrogate in ``text`` by U+FFFD; a :class:`Repair` per run of them."""
    runs = list(_SURROGATE_RE.finditer(text))
    if not runs:
        return text, ()
    repairs = [Repair(code, m.start(), m.end(), describe(m[0])) for m in runs[:MAX_REPAIRS]]
    if len(runs) > MAX_REPAIRS:
        rest = runs[MAX_REPAIRS:]
        count = sum(len(m[0]) for m in rest)
        repairs.append(Repair(code, rest[0].start(), rest[-1].end(), f"{count} more"))
    return _SURROGATE_RE.sub(lambda m: "\ufffd" * len(m[0]), text), tuple(repairs)


def _escaped_bytes(run: str) -> str:
    """The bytes that ``surrogateescape`` turned into ``run``, as ``b'...'``."""
    return repr(bytes(ord(c) - 0xDC00 for c in run))


def _decode_bytes(data: bytes, encoding: str | None) -> tuple[str, str, tuple[Repair, ...]]:
    """The text, the codec, and the repairs made (a cut character at the end, bytes that
    are not UTF-8 in a UTF-8 text)."""
    if encoding is not None:
        return (*_decode_as(data, encoding), ())
    if data[:1] in _LEADS:
        marked = _decode_marked(data)
        if marked is not None:
            return marked
    nul = data.find(b"\x00")
    if nul >= 0:
        raise DecodeError(f"input looks like binary data (a NUL byte at offset {nul})", offset=nul)
    if data.isascii():
        escape = _ISO2022_ESCAPE_RE.search(data)
        if escape is not None:
            return _decode_iso2022(data, escape.start())
        return data.decode("ascii"), "utf-8", ()
    utf8 = _tolerant(data, "utf-8")
    if not isinstance(utf8, int) and not utf8[1] and _clearly_utf8(utf8[0]):
        return utf8[0], "utf-8", ()
    # (score, -rank, codec, text, repairs): the most Japanese reading; ties by rank
    candidates: list[tuple[int, int, str, str, tuple[Repair, ...]]] = []
    for rank, codec in enumerate(("utf-8", *_FALLBACKS)):
        found = utf8 if codec == "utf-8" else _tolerant(data, codec)
        if not isinstance(found, int):
            candidates.append((_plausibility(found[0]), -rank, codec, found[0], _cut(found, data)))
    mixed = data.decode("utf-8", "surrogateescape")
    if len(_SURROGATE_RE.findall(mixed)) * MAX_BAD_SHARE <= len(data):
        text, repairs = _replace_runs(mixed, "undecodable-bytes", _escaped_bytes)
        candidates.append((_plausibility(mixed), -3, "utf-8", text, repairs))
    if candidates:
        _, _, codec, text, repairs = max(candidates)
        return text, codec, repairs
    first_error = utf8 if isinstance(utf8, int) else 0
    raise DecodeError(
        f"bytes fit none of utf-8, cp932, euc-jp; the first byte utf-8 cannot read is at offset "
        f"{first_error} ({data[first_error : first_error + 1]!r})",
        offset=first_error,
    )


def _decode_marked(data: bytes) -> tuple[str, str, tuple[Repair, ...]] | None:
    """Refuse a binary signature; decode after a byte-order mark; None for neither."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise DecodeError(f"input looks like {what}, not text", offset=0)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            found = _tolerant(data, codec)
            if isinstance(found, int):
                raise DecodeError(
                    f"bad {codec.replace('-sig', '')} after its byte-order mark at byte {found}",
                    offset=found,
                )
            return found[0], codec.replace("-sig", ""), _cut(found, data)
    return None


def _cut(found: tuple[str, int], data: bytes) -> tuple[Repair, ...]:
    """The repair for a character cut at the end, when :func:`_tolerant` found one."""
    text, cut = found
    if not cut:
        return ()
    return (Repair("truncated-input", len(text) - 1, len(text), repr(data[len(data) - cut :])),)


def _clearly_utf8(text: str) -> bool:
    """Valid UTF-8 is taken without a contest when it holds kana or JIS kanji (three bytes
    each: a long text in CP932 or EUC-JP is never valid UTF-8), or when most of it is ASCII.
    Only a few bytes of CP932 or EUC-JP can read as other UTF-8 characters (``é``, ``Ʃ``)."""
    if _KANA_RE.search(text) or not _kanji_weights().keys().isdisjoint(text):
        return True
    other = len(text) - len(text.encode("ascii", "ignore"))
    return 2 * other < len(text)


def _decode_as(data: bytes, encoding: str) -> tuple[str, str]:
    """Decode with the codec the caller named; every failure is a :class:`DecodeError`."""
    try:
        return data.decode(encoding), encoding
    except LookupError:
        raise DecodeError(f"unknown text encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"bytes are not valid {encoding}: byte {exc.start} "
            f"({data[exc.start : exc.start + 1]!r}): {exc.reason}",
            offset=exc.start,
        ) from None
    except (ValueError, TypeError) as exc:  # a codec such as unicode_escape, on odd input
        raise DecodeError(f"bytes cannot be decoded with {encoding}: {exc}") from None


def _tolerant(data: bytes, codec: str) -> tuple[str, int] | int:
    """Strict decoding, except that a character cut at the very end becomes U+FFFD.

    Returns the text and the number of cut bytes, or the offset of the first bad byte.
    """
    try:
        return data.decode(codec), 0
    except UnicodeDecodeError as exc:
        cut = len(data) - exc.start
        if exc.end != len(data) or exc.reason not in _TRUNCATED or cut > _MAX_TAIL:
            return exc.start
    try:
        return data[: len(data) - cut].decode(codec) + "\ufffd", cut
    except UnicodeDecodeError as exc:
        return exc.start


def _decode_iso2022(data: bytes, escape: int) -> tuple[str, str, tuple[Repair, ...]]:
    first_error = len(data)
    for codec in _ISO2022_CODECS:
        found = _tolerant(data, codec)
        if isinstance(found, int):
            first_error = min(first_error, found)
            continue
        return found[0], codec, _cut(found, data)
    raise DecodeError(
        f"input looks like ISO-2022-JP (an escape sequence at byte {escape}) but is not valid "
        f"ISO-2022-JP at byte {first_error}",
        offset=first_error,
    )
