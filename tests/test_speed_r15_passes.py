"""The whole-document passes' shortcuts (issue 13, round 15) give what the long way gives.

- ``roster-count-mismatch`` reads a header field with its count patterns only when a numeral
  comes before 名 or 人 in it (:data:`quality._PRINTED_COUNT_RE`);
- the unread rosters' watch says whether an UNMATCHED block reads as a list of people, which
  :func:`quality._prose` asked again;
- :func:`layout.furniture_lines` tests a banner-shaped line without a hint word as a banner
  alone (:func:`layout._is_banner`);
- :func:`layout.find_running_headers` finds the lines' first characters only when a key
  repeats, stripping only the lines that start with white space;
- :func:`layout.unflatten` reads only the long lines in Python;
- assembly's survey finds the lines opened by ◎ ◆ ◇ ■ □ with ``str.find``.
"""

from __future__ import annotations

import bisect
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

import gijiroku
import gijiroku.layout as layout
import gijiroku.quality as quality
from gijiroku.blocks import Block, BlockKind, Pos, UnmatchedMeta
from gijiroku.dates import parse_number
from gijiroku.formats import assembly
from gijiroku.formats.base import header_field_name
from gijiroku.normalize import Line, split_lines

from .conftest import sample_paths

# -- roster-count-mismatch: fields without a numeral before 名 or 人 are not read -----------------

_COUNT_PIECES = [
    *"名人以上（()） \u30000９一十百〇出席委員議員者上以",
    "出席委員",
    "以上",
    "26",
    "十六",
]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_COUNT_PIECES), max_size=30))
def test_every_printed_count_holds_a_numeral_before_its_word(pieces: list[str]) -> None:
    text = "".join(pieces)
    counted = any(
        pattern.search(text) for pattern in (quality._KEY_COUNT_RE, quality._CLOSING_COUNT_RE)
    )
    if counted:
        assert quality._PRINTED_COUNT_RE.search(text) is not None


def _count_mismatches_the_long_way(review: quality._Review) -> list[quality._Place]:
    """:func:`quality._count_mismatches` with every field of a list that holds 名 or 人 read."""
    text, minutes = review.text, review.minutes
    fields = [
        f
        for f in minutes.header
        if (f.name in quality._LIST_FIELD_NAMES or f.name in quality._ROSTER_NAMES)
        and ("名" in text[f.span.start : f.span.end] or "人" in text[f.span.start : f.span.end])
    ]
    if not fields:
        return []
    starts = sorted(m.span.start for m in minutes.members)

    def read(start: int, end: int) -> int:
        return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)

    bounds = quality._Bounds.of(minutes, text)
    found = []
    for field_ in fields:
        source = text[field_.span.start : field_.span.end]
        counts = []
        for match in quality._KEY_COUNT_RE.finditer(source):
            name = header_field_name(match["key"])
            if name is not None and name in quality._ROSTER_KEYS:
                after = field_.span.start + match.end()
                counts.append((match, [read(after, end) for end in bounds.ends_after(after)]))
        for match in quality._CLOSING_COUNT_RE.finditer(source):
            at = field_.span.start + match.start()
            counts.append((match, [read(start, at) for start in bounds.starts_before(at)][::-1]))
        for match, readings in counts:
            printed = parse_number(match["count"])
            if printed is not None and printed not in readings:
                seen = f"{quality._quote(match.group(), 20)} prints {printed}, {readings[-1]} read"
                found.append(quality._Place(field_.span, seen))
    return found


def test_count_mismatches_of_the_samples_are_the_long_way() -> None:
    read = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        minutes = gijiroku.parse(text)
        review = quality._Review(minutes, text, quality._Lines(text))
        assert quality._count_mismatches(review) == _count_mismatches_the_long_way(review)
        read += bool(minutes.header)
    assert read > 5


# -- the unread rosters' watch says what _prose asked again -----------------------------------


@given(st.sampled_from(["伊藤、竹田、冨士川、松波理事", "それでは始めます", "A、B、C", "林、森"]))
def test_the_watch_says_whether_an_unmatched_block_lists_people(line: str) -> None:
    block = Block(
        BlockKind.UNMATCHED, Pos(0, len(line), 1, 1, None), {"text": line}, UnmatchedMeta()
    )
    watch = quality._RosterWatch(line)
    assert watch.feed(block) is quality._looks_like_people(line)
    assert (block in watch.finish()) is quality._looks_like_people(line)


# -- furniture: a banner-shaped line without a hint word is tested as a banner ------------------

_FURNITURE_PIECES = [
    *" \u3000\t",
    *sorted(layout._BANNERS),
    "ﾍﾟｰｼﾞの先頭へ",
    "ページ",
    "の",
    "先頭",
    "です。",
    "、",
    "ホーム",
    "＞",
    "会議",
    "検 索",
    "はこちら",
    "ＰＤＦ",
    "……",
    "3",
    "あ" * 200,
]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(_FURNITURE_PIECES), min_size=1, max_size=8))
def test_a_line_without_a_hint_word_is_furniture_only_as_a_banner(pieces: list[str]) -> None:
    text = "".join(pieces)
    if layout._hint_re().search(text) or layout._NO_BANNER_CHAR_RE.search(text):
        return  # (what the shortcut is not taken for)
    assert layout._is_banner(text) is layout.is_web_furniture(text)


def test_banners_and_their_half_width_forms_are_found() -> None:
    for banner in layout._BANNERS:
        assert layout._is_banner(f" {banner}\u3000")
    assert layout._is_banner("ﾍﾟｰｼﾞの先頭へ")
    assert not layout._is_banner("ページの先頭")
    assert not layout._is_banner("ページの先頭です。" * 30)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_FURNITURE_PIECES, "\n", "\n", "本日の会議を開きます。"])))
def test_furniture_lines_are_the_lines_one_by_one(pieces: list[str]) -> None:
    lines = split_lines("".join(pieces))
    kept, texts = layout.non_blank(lines)
    assert layout.furniture_lines(lines) == layout._furniture_lines_one_by_one(kept, texts)


def test_furniture_of_the_samples_is_the_lines_one_by_one() -> None:
    found = 0
    for path in sample_paths():
        lines = split_lines(path.read_bytes().decode("utf-8"))
        kept, texts = layout.non_blank(lines)
        got = layout.furniture_lines(lines)
        assert got == layout._furniture_lines_one_by_one(kept, texts)
        found += len(got)
    assert found > 0


# -- running headers: the first characters found only for lines that start with a space -----------

_EDGE_PIECES = [*" \u3000\t\x1c\x1d\xa0\u2028", "会議録", "12", "#", "A", "あ", "\u3000\x1c"]


@given(st.lists(st.lists(st.sampled_from(_EDGE_PIECES), max_size=6), max_size=12))
def test_first_characters_are_those_lstrip_leaves(texts: list[list[str]]) -> None:
    lines = [Line(n, 0, 0, "".join(pieces), False) for n, pieces in enumerate(texts, 1)]
    kept = list(range(0, len(lines), 2)) + list(range(1, len(lines), 2))
    chars = layout._WHITE_SPACE_CHARS
    expected = [lines[i].text.lstrip(chars)[:1] for i in kept]
    assert layout._first_characters(lines, kept) == expected


def _running_headers_the_long_way(lines: list[Line], breaks: set[int]) -> set[int]:
    """:func:`layout.find_running_headers` with every line's first character found first."""
    feeds = [i for i, line in enumerate(lines) if line.after_form_feed]
    if len(breaks) + len(feeds) < 2:
        return set()
    pages = layout._pages(lines, breaks, feeds)
    if len(pages) < 3:
        return set()
    need = max(3, (len(pages) + 1) // 2)
    first_line = pages[0][0]
    if layout._STAMP_RE.fullmatch(layout._SPACES_RE.sub("", lines[first_line].text)):
        first_line = -1
    found: set[int] = set()
    for _ in range(layout.EDGE_DEPTH):
        seen: dict[str, set[int]] = {}
        for number, page in enumerate(pages):
            rest = [i for i in page if i not in found]
            if not rest:
                continue
            for i in {rest[0], rest[-1]}:
                key = layout._edge_key(lines[i].text)
                if key and not layout._BRACKETED_RE.match(key):
                    seen.setdefault(key, set()).add(number)
        repeated = {key for key, on in seen.items() if len(on) >= need}
        new = {
            i
            for page in pages
            for i in page
            if i != first_line and i not in found and layout._edge_key(lines[i].text) in repeated
        }
        if not new:
            break
        found |= new
    return found


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["会議録表示", " 2024/11/05 1:34", "本文です", "- 3 -", "\f", "\u3000第4回 - 5"]
        ),
        max_size=40,
    )
)
def test_running_headers_are_the_long_way(pieces: list[str]) -> None:
    lines = split_lines("\n".join(pieces))
    breaks = {i for i, line in enumerate(lines) if line.text.strip().startswith("-")}
    assert layout.find_running_headers(lines, breaks) == _running_headers_the_long_way(
        lines, breaks
    )


def test_running_headers_of_the_samples_are_the_long_way() -> None:
    found = 0
    for path in sample_paths():
        lines = split_lines(path.read_bytes().decode("utf-8"))
        got = layout.find_running_headers(lines, set())
        assert got == _running_headers_the_long_way(lines, set())
        found += len(got)
    assert found > 100  # (the PDF sample's print stamps, URLs and titles)


# -- unflatten: only the long lines read in Python ---------------------------------------------


def _unflatten_the_long_way(lines: list[Line]) -> list[Line]:
    """:func:`layout.unflatten` with every line looked at."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        if len(text) < layout.FLATTENED_LINE or not layout._SPEECH_MARK_RE.search(text):
            out.append(line)
            continue
        cuts, labels = layout._flat_cuts(text)
        if labels < 2 and not (labels == 1 and len(cuts) - labels >= 2):
            out.append(line)
            continue
        out += layout.unflatten([line])
    return out


_FLAT_PIECES = [
    "会議を開きます。" * 30,
    " ◯議長(柏木 豊) 開議。",
    " ◯山田委員 質問。",
    "　　　　",
    "─────",
    "─────◯議長(柏木 豊) 開議。",
    "◯議長(柏木 豊)",
    "\n",
    "\n",
    "短い行",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FLAT_PIECES), max_size=20))
def test_unflatten_reads_the_long_lines_as_the_long_way(pieces: list[str]) -> None:
    lines = split_lines("".join(pieces))
    assert layout.unflatten(lines) == _unflatten_the_long_way(lines)


def test_a_flattened_line_is_cut_among_other_lines() -> None:
    flat = "会議を開きます。" * 50 + " ◯議長(柏木 豊) 開議。 ◯山田委員 質問。 ◯議長(柏木 豊) 散会。"
    lines = split_lines(f"前\n{flat}\n{'あ' * 500}\n後")
    got = layout.unflatten(lines)
    assert got == _unflatten_the_long_way(lines)
    assert len(got) == len(lines) + 3
    assert layout.unflatten(lines[2:]) == lines[2:]


# -- assembly's survey: the marked lines found with str.find -----------------------------------

_MARK_PIECES = [*"◎◆◇■□○ \u3000\n\x0ba", "◎市長（大泉潤）　お答えします。", "◆会期の決定", "\u2028"]


def _marked_lines_by_the_pattern(text: str) -> Counter[tuple[str, str]]:
    return Counter((m["mark"], m["rest"]) for m in assembly._EITHER_LINE_RE.finditer("\n" + text))


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_MARK_PIECES), max_size=25))
def test_marked_lines_found_with_find_are_the_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert assembly._lines_opened_by_marks(text) == _marked_lines_by_the_pattern(text)


def test_marked_lines_of_the_samples_are_the_pattern() -> None:
    found = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        got = assembly._lines_opened_by_marks(text)
        assert got == _marked_lines_by_the_pattern(text)
        found += sum(got.values())
    assert found > 100
