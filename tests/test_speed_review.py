"""The shortcuts of the line survey, the running headers, detection and the quality checks
(issue 13) give what the long way gives.

Each shortcut is checked against the plain computation it replaces, on the bundled samples
and on generated text.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

import regex
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
import gijiroku.layout as layout
import gijiroku.quality as quality
from gijiroku.blocks import Block, BlockKind, HeaderMeta, HeaderName, Pos, UnmatchedMeta
from gijiroku.formats import FIRST_LOOK_CHARS, FORMATS, HEAD_CHARS, assembly, diet, summary
from gijiroku.formats.assembly import SPEAKER_MARKS
from gijiroku.formats.common import NONE_RE
from gijiroku.layout import is_web_furniture
from gijiroku.models import Minutes, Span, Utterance
from gijiroku.names import position_suffix
from gijiroku.normalize import EDITOR_LINE_BREAK_RE, Line, compact, split_lines
from gijiroku.vocabulary import ERA_NAMES, KNUM, SP, SP_OR_TAB, WHITE_SPACE

from .conftest import sample_paths
from .test_speed_mechanisms import FURNITURE_PIECES, _furniture_the_long_way

# -- web furniture ----------------------------------------------------------------------------


@functools.cache
def _hint_as_it_was() -> re.Pattern[str]:
    wanted = set("".join(layout._HINT_WORDS))
    variants = {
        chr(code)
        for low, high in layout._COMPATIBILITY_BLOCKS
        for code in range(low, high + 1)
        if (image := unicodedata.normalize("NFKC", chr(code))) != chr(code) and wanted & set(image)
    }
    words = "|".join(re.escape(word) for word in layout._HINT_WORDS)
    return re.compile(f"{words}|[{re.escape(''.join(sorted(variants)))}]")


def _hint_in_compacted_line(text: str) -> bool:
    """The hint test as it was: a search of the line with its spaces removed."""
    return _hint_as_it_was().search("".join(text.split())) is not None


_BANNER_KANJI = "".join({c for b in layout._BANNERS for c in b if "\u4e00" <= c <= "\u9fff"})
_NO_BANNER_CHAR_AS_IT_WAS = re.compile(
    f"[A-Za-z0-9]|(?![{_BANNER_KANJI}])[\u3400-\u4dbf\u4e00-\u9fff]"
)


def _no_banner_char_as_it_was(text: str) -> bool:
    return _NO_BANNER_CHAR_AS_IT_WAS.search(text) is not None


SPACED_PIECES = [*FURNITURE_PIECES, "\t", "\x1c", "\x1f", "\xa0", "\u2028", "一", "龥", "丁"]


@given(st.lists(st.sampled_from(SPACED_PIECES), max_size=40))
def test_the_hint_is_found_in_the_printed_line_as_in_the_compacted_one(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert (layout._hint_re().search(text) is not None) == _hint_in_compacted_line(text)
    assert (layout._NO_BANNER_CHAR_RE.search(text) is not None) == _no_banner_char_as_it_was(text)
    assert is_web_furniture(text) == _furniture_the_long_way(text)


def test_the_no_banner_class_holds_every_kanji_but_the_banners() -> None:
    banner_kanji = {c for b in layout._BANNERS for c in b}
    for code in [*range(0x3400, 0x4DC0), *range(0x4E00, 0xA000)]:
        char = chr(code)
        held = layout._NO_BANNER_CHAR_RE.fullmatch(char) is not None
        assert held == (char not in banner_kanji), char


def test_the_sample_lines_give_the_same_hints() -> None:
    for path in sample_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            hint = layout._hint_re().search(line) is not None
            assert hint == _hint_in_compacted_line(line), line
            no_banner = layout._NO_BANNER_CHAR_RE.search(line) is not None
            assert no_banner == _no_banner_char_as_it_was(line), line


# -- running headers --------------------------------------------------------------------------

_SPACES_RE = regex.compile(r"\s+")
_DIGITS_RE = regex.compile(r"[0-9０-９]+")


def _edge_key_the_long_way(text: str) -> str:
    return _SPACES_RE.sub("", _DIGITS_RE.sub("#", text))


def _running_headers_the_long_way(lines: list[Line], breaks: Collection[int]) -> set[int]:
    """:func:`find_running_headers` as it was: every page built, every line's key made."""
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line.after_form_feed and pages[-1]:
            pages.append([])
        if i in breaks:
            pages.append([])
        elif not line.is_blank:
            pages[-1].append(i)
    pages = [p for p in pages if p]
    if len(pages) < 3:
        return set()
    need = max(3, (len(pages) + 1) // 2)
    first_line = pages[0][0]
    if layout._STAMP_RE.fullmatch(_SPACES_RE.sub("", lines[first_line].text)):
        first_line = -1
    key = {i: _edge_key_the_long_way(lines[i].text) for page in pages for i in page}
    found: set[int] = set()
    for _ in range(layout.EDGE_DEPTH):
        seen: dict[str, set[int]] = {}
        for number, page in enumerate(pages):
            rest = [i for i in page if i not in found]
            for i in {rest[0], rest[-1]} if rest else ():
                if key[i] and not layout._BRACKETED_RE.match(key[i]):
                    seen.setdefault(key[i], set()).add(number)
        repeated = {k for k, on in seen.items() if len(on) >= need}
        new = {
            i
            for page in pages
            for i in page
            if i != first_line and i not in found and key[i] in repeated
        }
        if not new:
            break
        found |= new
    return found


def test_what_regex_calls_a_space_is_what_the_survey_strips() -> None:
    spaces = "".join(regex.findall(r"\s", "".join(map(chr, range(0x110000)))))
    assert spaces == "".join(sorted(layout._WHITE_SPACE_CHARS))
    assert layout._WHITE_RUN_RE.fullmatch(spaces)
    everything = "".join(map(chr, range(0x110000)))
    assert "".join(re.findall(f"[{WHITE_SPACE}]", everything)) == spaces


EDGE_PIECES = [
    *"12０９ 　\t\x1c\xa0\u2028\u3000（）()#-－",
    "第4回会議",
    "会議録表示",
    "2024/11/05 1:34",
    "https://example.jp/a",
    "本日の会議を開きます。",
]


@given(st.lists(st.sampled_from(EDGE_PIECES), max_size=8))
def test_the_edge_key_is_the_long_way_and_starts_as_its_line(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert layout._edge_key(text) == _edge_key_the_long_way(text)
    key, first = _edge_key_the_long_way(text), text.lstrip(layout._WHITE_SPACE_CHARS)[:1]
    assert first in (layout._DIGITS_OR_HASH if key[:1] == "#" else {key[:1]})


#: Lines a page may print (a few, so that pages repeat them).
EDGE_LINES = [
    "第4回会議 - 3",
    "第4回会議　- 12",
    "会議録表示",
    "（注）",
    "",
    "2024/11/05",
    "本文です。",
]


@given(
    st.lists(st.lists(st.sampled_from(EDGE_LINES), min_size=1, max_size=6), max_size=8),
    st.sets(st.integers(0, 40), max_size=4),
)
def test_running_headers_are_found_as_the_long_way_finds_them(
    pages: list[list[str]], breaks: set[int]
) -> None:
    """Pages cut by form feeds (and by page markers at ``breaks``)."""
    text = "\f".join("\n".join(page) for page in pages)
    lines = split_lines(text)
    assert layout.find_running_headers(lines, breaks) == _running_headers_the_long_way(
        lines, breaks
    )


def test_the_running_headers_of_the_samples_are_the_long_way() -> None:
    pages_cut = 0
    for path in sample_paths():
        lines = split_lines(path.read_text(encoding="utf-8"))
        breaks = {i for i, line in enumerate(lines) if layout.PAGE_MARKER_RE.fullmatch(line.text)}
        got = layout.find_running_headers(lines, breaks)
        assert got == _running_headers_the_long_way(lines, breaks)
        pages_cut += bool(got)
    assert pages_cut  # some sample prints running headers


# -- quality: prose, unread rosters, labels inside turns, contents turns ---------------------


def _prose_the_long_way(
    blocks: Sequence[Block], utterances: Sequence[Utterance], text: str
) -> tuple[int, int, list[Pos], list[Pos], int]:
    """:func:`quality._prose` as it was: every block looked at, every count with ``\\S``."""
    spans = [(u.span.start, u.span.end) for u in utterances]
    total = inside = header_chars = 0
    outside: list[Pos] = []
    in_headers: list[Pos] = []
    for block in blocks:
        in_header = block.kind is BlockKind.HEADER and quality.speaks_in_header(block.text_of(text))
        if not in_header and block.kind not in (
            BlockKind.TURN,
            BlockKind.CONTINUATION,
            BlockKind.UNMATCHED,
        ):
            continue
        if (
            block.kind is BlockKind.UNMATCHED
            and isinstance(block.meta, UnmatchedMeta)
            and quality._looks_like_people(block.text_of(text))
        ):
            continue
        chars = len(regex.findall(r"\S", block.text_of(text)))
        total += chars
        if any(start <= block.span.start < end for start, end in spans):
            inside += chars
            continue
        outside.append(block.span)
        if in_header:
            in_headers.append(block.span)
            header_chars += chars
    return total, inside, outside, in_headers, header_chars


def _sample_parses() -> list[tuple[str, list[Block], Minutes]]:
    done = []
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        done.append((text, gijiroku.tokenize(text), gijiroku.parse(text)))
    return done


def test_the_prose_of_the_samples_is_counted_as_the_long_way_counts_it() -> None:
    counted = 0
    for text, blocks, minutes in _sample_parses():
        prose = quality._prose(blocks, minutes.utterances, text)
        got = (prose.total, prose.inside, prose.outside, prose.in_header, prose.header_chars)
        assert got == _prose_the_long_way(blocks, minutes.utterances, text)
        counted += prose.total
    assert counted > 10_000


def _unread_rosters_the_long_way(blocks: Sequence[Block], text: str) -> list[Block]:
    """:func:`quality._unread_rosters` with no block skipped (a copy of the loop as it was)."""
    found: list[Block] = []
    open_list: quality._OpenList | None = None

    def close() -> None:
        if (
            open_list is not None
            and open_list.members == 0
            and open_list.pending
            and not open_list.said_none
        ):
            found.append(open_list.key)

    for block in blocks:
        meta = block.meta
        name = meta.name if isinstance(meta, HeaderMeta) else None
        members = sum(1 for child in block.children if child.kind is BlockKind.MEMBER)
        if block.kind is BlockKind.HEADER and name in quality._ROSTER_KEYS:
            close()
            said_none = bool(NONE_RE.match(block.groups.get("value", "")))
            open_list = quality._OpenList(block, members, not said_none, said_none)
            continue
        if open_list is not None and (
            block.kind is BlockKind.ROSTER
            or (
                block.kind is BlockKind.HEADER and (name in quality._LIST_CONTINUES or meta is None)
            )
        ):
            open_list.members += members
            if block.kind is BlockKind.ROSTER:
                open_list.pending = True
            continue
        if open_list is not None and block.kind in (BlockKind.PAGE, BlockKind.RUNNING_HEADER):
            continue
        if (
            open_list is not None
            and block.kind is BlockKind.HEADER
            and isinstance(meta, HeaderMeta)
            and meta.value_of_key
        ):
            if NONE_RE.match(block.text_of(text)):
                open_list.said_none = True
            else:
                open_list.pending = True
            continue
        close()
        open_list = None
        if (block.kind is BlockKind.ROSTER and members == 0) or (
            (
                block.kind is BlockKind.UNMATCHED
                or (block.kind is BlockKind.HEADER and name in (None, HeaderName.NOTICE))
            )
            and quality._looks_like_people(block.text_of(text))
        ):
            found.append(block)
    close()
    return found


def test_the_unread_rosters_of_the_samples_are_the_long_way() -> None:
    found = 0
    for text, blocks, _ in _sample_parses():
        got = quality._unread_rosters(blocks, text)
        assert got == _unread_rosters_the_long_way(blocks, text)
        found += len(got)
    assert found  # some sample holds one


_INNER_LINE_AS_IT_WAS = re.compile(
    r"(?:\r\n?|\n)(?P<line>[ \u3000\t]*(?:[〇○◯●◎◆■◇□]|[^\r\n:：]{1,15}[:：]))"
)
INNER_PIECES = [*"\n\r ○◆:：　\t議長君、。", "本間君", "あ" * 14, "委員長"]


@given(st.lists(st.sampled_from(INNER_PIECES), max_size=40))
def test_the_lines_inside_turns_are_found_as_before(pieces: list[str]) -> None:
    text = "".join(pieces)
    pattern = quality._INNER_LINE_RE if "\r" in text else quality._INNER_LF_LINE_RE
    got = [(m.span(), m.span("line")) for m in pattern.finditer(text)]
    assert got == [(m.span(), m.span("line")) for m in _INNER_LINE_AS_IT_WAS.finditer(text)]
    assert [m.span() for m in quality._INNER_LINE_RE.finditer(text)] == [
        m.span() for m in _INNER_LINE_AS_IT_WAS.finditer(text)
    ]


_A_TURN = gijiroku.parse("○議長（山田太郎君）　ただいまから会議を開きます。\n").utterances[0]
CONTENTS_PIECES = [*"…‥・.．0９ 　\n。a", "開会の宣告", "……………", "12"]


@given(
    st.lists(st.sampled_from(CONTENTS_PIECES), max_size=6),
    st.text(alphabet="…‥・.．", max_size=10),
    st.sampled_from(["", " ", "\u3000", "\n"]),
    st.sampled_from(["", "3", "１２", "a", "3 "]),
    st.lists(st.sampled_from(CONTENTS_PIECES), max_size=6),
)
def test_a_contents_turn_is_found_as_before(
    entry: list[str], leader: str, space: str, page: str, rest: list[str]
) -> None:
    body = "".join([*entry, leader, space, page, *rest]).strip()
    first_line = body.partition("\n")[0].strip()
    was = quality._CONTENTS_RE.search(first_line) is not None
    turn = _A_TURN.model_copy(update={"text": body})
    is_contents = (
        quality._turn_problem(turn, {turn.speaker.label: False})
        == "the text is a table of contents"
    )
    if len(body) > 24 or not (NONE_RE.match(body) or quality._COUNT_RE.match(body)):
        assert is_contents == was


# -- detection --------------------------------------------------------------------------------

_COMMITTEE_SIGNALS_AS_THEY_WERE = (
    (regex.compile(r"議事録|会議録|議事要旨|議事概要"), 0.2),
    (
        regex.compile(r"(?m)^[ \u3000]*(?:日[ \u3000]*時|会[ \u3000]*場|場[ \u3000]*所|開催日時)"),
        0.2,
    ),
    (regex.compile(r"(?m)^[ \u3000]*[〔【][^〔〕【】\n]+[〕】][ \u3000]*$"), 0.1),
    (regex.compile(r"(?m)^[ \u3000]*[-－][ \u3000]*\d+[ \u3000]*[-－][ \u3000]*$|\f"), 0.1),
)
_COMMITTEE_LABEL_AS_IT_WAS = regex.compile(
    r"(?m)^(?:[〇○◯●◎◆■◇□])?[ \u3000]*(?P<label>[^\s：:、。（）()]{1,25})(?: |[：:])"
)


def _committee_the_long_way(head: str) -> float:
    """The committee detector as it was: ``(?m)^`` patterns searched in the head."""
    score = sum(w for pattern, w in _COMMITTEE_SIGNALS_AS_THEY_WERE if pattern.search(head))
    if any(position_suffix(m["label"]) for m in _COMMITTEE_LABEL_AS_IT_WAS.finditer(head)):
        score += 0.3
    if "\u3000" not in head:
        score += 0.1
    return min(score, 1.0)


_SUMMARY_BULLET_AS_IT_WAS = regex.compile(rf"{SP_OR_TAB}*{summary.BULLET}{SP_OR_TAB}+\S")


def _summary_the_long_way(head: str) -> float:
    """The summary detector as it was: one pass over the lines per count."""
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if not lines:
        return 0.0
    headings = sum(1 for ln in lines if ln.startswith("#") and summary._ATX_RE.match(ln))
    headings += sum(
        1
        for a, b in itertools.pairwise(lines)
        if b[:1] in "=-~^" and summary._UNDERLINE_ONLY_RE.fullmatch(b) and not a[:1].isspace()
    )
    bullets = sum(1 for ln in lines if _SUMMARY_BULLET_AS_IT_WAS.match(ln))
    labels = sum(1 for ln in lines if ln[:1] in "○◯〇◎◆" and summary._LABELS_RE.match(ln))
    reported = sum(1 for ln in lines if summary._REPORTED_RE.search(ln))
    score = 0.0
    if headings >= 2:
        score += 0.5
    elif headings == 1 and bullets:
        score += 0.3
    if bullets / len(lines) >= 0.3:
        score += 0.4
    if reported >= 2 and reported / len(lines) >= 0.1:
        score += 0.3
    if labels >= 3:
        score -= 0.6
    return max(0.0, min(score, 1.0))


def _same_detection(head: str) -> None:
    assert FORMATS["committee"].looks_like(head) == _committee_the_long_way(head)
    assert FORMATS["summary"].looks_like(head) == _summary_the_long_way(head)


def test_the_sample_heads_score_as_before() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        for size in (FIRST_LOOK_CHARS, HEAD_CHARS):
            _same_detection(text[:size])
            _same_detection(text[size // 3 : size])  # (a head that starts inside a line)


DETECTION_LINES = [
    "",
    " ",
    "\u3000",
    "議事録",
    "日　時　令和6年1月1日",
    " 会場：第1会議室",
    "【開会】",
    "〔休憩〕 ",
    "- 3 -",
    "\f",
    "○林委員 質問します。",
    "林委員：はい",
    "座長 それでは",
    "# 議題",
    "## 報告",
    "====",
    " ---",
    "- 項目",
    "1. 報告された。",
    "了承された。",
    "\r",
    "\u2028",
    "- \x1c",
    "1. \x1f項目",
    "・ \xa0",
    "（2）\u3000議題",
]


@given(st.lists(st.sampled_from(DETECTION_LINES), max_size=20), st.sampled_from(["\n", "\r\n"]))
def test_generated_heads_score_as_before(lines: list[str], newline: str) -> None:
    _same_detection(newline.join(lines))


_ASSEMBLY_SIGNALS_AS_THEY_WERE = (
    (
        regex.compile(
            rf"(?m)^{assembly.MARK}(?:(?:[^\s（()）]|[（(][^（()）\n]{{1,30}}[)）]){{1,40}}\u3000"
            rf"|[^（()）\n]{{0,20}}[（(][^（()）\n]{{1,30}}[)）][ \u3000])"
        ),
        0.4,
    ),
    (
        regex.compile(
            r"[都道府県市区町村]議会|定例会|臨時会|[市区町村]長|知事|説明員|説明のため出席|"
            r"事務局出席職員|職務のため出席"
        ),
        0.4,
    ),
    (
        regex.compile(
            rf"◯|(?m)^[○〇][0-9０-９]{{1,3}}番[（(]|(?m)^[◆◎][^\s（]{{1,20}}[（(]|"
            rf"(?m)^(?:委員長|副委員長)[^\n]+君$|(?m)^開催日[：:]|(?m)^{SP}*[{SPEAKER_MARKS}]?{SP}*"
            rf"出{SP}*席{SP}*(?:議{SP}*員|説{SP}*明{SP}*員)"
        ),
        0.4,
    ),
    (
        regex.compile(
            rf"(?:{ERA_NAMES})[ \u3000]*[0-9０-９元]{{1,2}}[ \u3000]*年|日程第[0-9０-９]"
        ),
        0.2,
    ),
)
_EITHER_LINE_AS_IT_WAS = regex.compile(
    rf"(?m)^(?P<mark>[{assembly.EITHER_MARKS}]){SP}*(?P<rest>[^\n]*)$"
)


def _assembly_the_long_way(head: str) -> float:
    """The assembly detector as it was: ``(?m)^`` patterns searched in the head."""
    head = assembly._LINE_BREAK_RE.sub("\n", head)
    return min(sum(w for pattern, w in _ASSEMBLY_SIGNALS_AS_THEY_WERE if pattern.search(head)), 1.0)


def _either_lines_the_long_way(text: str) -> list[tuple[str, str]]:
    text = assembly._LINE_BREAK_RE.sub("\n", text)
    return [(m["mark"], m["rest"]) for m in _EITHER_LINE_AS_IT_WAS.finditer(text)]


def _same_assembly_reading(text: str) -> None:
    assert FORMATS["assembly"].looks_like(text) == _assembly_the_long_way(text)
    lines = "\n" + assembly._LINE_BREAK_RE.sub("\n", text)
    got = [(m["mark"], m["rest"]) for m in assembly._EITHER_LINE_RE.finditer(lines)]
    assert got == _either_lines_the_long_way(text)


def test_the_sample_heads_read_as_assembly_as_before() -> None:
    marked = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        _same_assembly_reading(text[:HEAD_CHARS])
        _same_assembly_reading(text[HEAD_CHARS // 3 : HEAD_CHARS])
        marked += len(_either_lines_the_long_way(text))
    assert marked > 20


ASSEMBLY_LINES = [
    *DETECTION_LINES,
    "○議長（吉田崇仁）　おはようございます。",
    "◯委員長　　それでは",
    "○12番（山田）",
    "◆委員（下村あきら）",
    "◎会期の決定",
    "委員長 山田君",
    "開催日：令和6年",
    "出 席 議 員",
    "□ ",
    "◇",
]


@given(
    st.lists(st.sampled_from(ASSEMBLY_LINES), max_size=20), st.sampled_from(["\n", "\r\n", "\r"])
)
def test_generated_heads_read_as_assembly_as_before(lines: list[str], newline: str) -> None:
    _same_assembly_reading(newline.join(lines))


_DIET_LINE_SIGNALS_AS_THEY_WERE = {
    1: regex.compile(
        rf"本国会召集日|出席者は左のとおり|委員の異動|第{SP}*{KNUM}{SP}*回{SP}*国会|"
        rf"(?m)^{SP}*(?:国務大臣|政府参考人|大臣政務官|辞任{SP}+補欠選任)"
    ),
    3: regex.compile(
        r"(?m)^(?:令和|平成|昭和)[〇一二三四五六七八九十元]+年[〇一二三四五六七八九十]+月"
        r"[〇一二三四五六七八九十]+日（.曜日）"
    ),
}


def _diet_the_long_way(head: str) -> float:
    """The Diet detector as it was: ``(?m)^`` patterns searched in the head."""
    total = 0.0
    for i, (pattern, weight) in enumerate(diet._LOOKS):
        signal = _DIET_LINE_SIGNALS_AS_THEY_WERE.get(i)
        if (signal or pattern).search(head):
            total += weight
    return min(total, 1.0)


DIET_LINES = [
    *DETECTION_LINES,
    "○委員長（山田太郎君）　ただいまから会議を開きます。",
    "本国会召集日",
    "第二百十二回国会",
    "　国務大臣",
    "政府参考人",
    "辞任　　補欠選任",
    "午前十時開議",
    "令和五年十一月八日（水曜日）",
]


@given(st.lists(st.sampled_from(DIET_LINES), max_size=20))
def test_generated_heads_read_as_diet_as_before(lines: list[str]) -> None:
    head = "\n".join(lines)
    assert FORMATS["diet"].looks_like(head) == _diet_the_long_way(head)


def test_the_sample_heads_read_as_diet_as_before() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        for head in (text[:HEAD_CHARS], text[HEAD_CHARS // 3 : HEAD_CHARS]):
            assert FORMATS["diet"].looks_like(head) == _diet_the_long_way(head)


def _labels_inside_turns_the_long_way(review: quality._Review) -> list[tuple[Span, str]]:
    """:func:`quality._labels_inside_turns` as it was: every candidate line looked up."""
    text, turns = review.text, sorted(review.minutes.utterances, key=lambda u: u.span.start)
    if not turns:
        return []
    starts = [turn.span.start for turn in turns]
    pages = sorted(mark.span.start for mark in review.minutes.layout if mark.kind == "page")
    found = []
    for match in _INNER_LINE_AS_IT_WAS.finditer(text, starts[0], max(t.span.end for t in turns)):
        start = match.start("line")
        turn = turns[bisect.bisect_right(starts, start) - 1]
        span = turn.span
        if not span.start < start < span.end:
            continue
        stop = EDITOR_LINE_BREAK_RE.search(text, start, span.end)
        end = stop.start() if stop is not None else span.end
        line = text[start:end]
        if quality._reads_as_label(line):
            k = bisect.bisect_right(pages, span.start)
            same_page = k >= len(pages) or pages[k] >= start
            where = review.lines.span(start, end, span.page if same_page else None)
            found.append((where, f"{quality._quote(line, 24)} in {turn.id}"))
    return found


def _same_labels_inside_turns(text: str) -> int:
    minutes = gijiroku.parse(text)
    review = quality._Review(minutes, text, quality._Lines(text))
    got = [(place.span, place.seen) for place in quality._labels_inside_turns(review)]
    assert got == _labels_inside_turns_the_long_way(review)
    return len(got)


def test_the_labels_inside_the_sample_turns_are_the_long_way() -> None:
    for text, _, _ in _sample_parses():
        _same_labels_inside_turns(text)


TURN_LINES = [
    "○議長（山田太郎君）　ただいまから会議を開きます。",
    "○山田委員　質問します。",
    "○11番議員（平野　謙）",
    "本間君:議案第44号について",
    "　続けて申し上げます。",
    "それでは、",
    "",
    "- 2 -",
]


@given(st.lists(st.sampled_from(TURN_LINES), max_size=14), st.sampled_from(["\n", "\r\n", "\r"]))
def test_the_labels_inside_generated_turns_are_the_long_way(lines: list[str], newline: str) -> None:
    _same_labels_inside_turns(newline.join(lines))


def _assembly_survey_the_long_way(text: str) -> dict[str, str]:
    """:func:`assembly.survey` as it was: its lines found with ``(?m)^``."""
    return assembly_votes_the_long_way(_either_lines_the_long_way(text))


def assembly_votes_the_long_way(lines: Iterable[tuple[str, str]]) -> dict[str, str]:
    """What :func:`assembly.survey` says of its marked lines, ``(mark, rest)`` each read and
    counted in turn (shared with ``test_speed_fixed12``)."""
    votes: Counter[tuple[str, str]] = Counter()
    for mark, rest in lines:
        bare = compact(rest)
        if assembly._STRONG_SPEECH_RE.match(rest) or (
            assembly._LABEL_ALONE_RE.match(rest)
            and assembly._label_shape(bare) == "name"
            and not assembly.HEADING_PHRASE_RE.search(bare)
        ):
            votes[mark, "speaker"] += 1
        elif assembly.HEADING_PHRASE_RE.search(bare) or not assembly._SP_RE.search(rest.strip()):
            votes[mark, "heading"] += 1
    found: dict[str, str] = {}
    for mark in assembly.EITHER_MARKS:
        speaker, heading = votes[mark, "speaker"], votes[mark, "heading"]
        if speaker or heading:
            found[mark] = "speaker" if speaker > heading else "heading"
    return found


def test_the_assembly_survey_of_the_samples_is_the_long_way() -> None:
    surveyed = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        assert assembly.survey(text) == _assembly_survey_the_long_way(text)
        surveyed += bool(assembly.survey(text))
    assert surveyed


@given(
    st.lists(st.sampled_from(ASSEMBLY_LINES), max_size=20), st.sampled_from(["\n", "\r\n", "\r"])
)
def test_the_assembly_survey_of_generated_text_is_the_long_way(
    lines: list[str], newline: str
) -> None:
    text = newline.join(lines)
    assert assembly.survey(text) == _assembly_survey_the_long_way(text)


def _turn_problem_the_long_way(turn: Utterance) -> str | None:
    """:func:`quality._turn_problem` as it was (the label's test left out)."""
    body = turn.text.strip()
    if len(body) <= 24 and NONE_RE.match(body):
        return "the text is only なし"
    if len(body) <= 24 and quality._COUNT_RE.match(compact(body)):
        return "the text is only a count"
    if quality._CONTENTS_RE.search(body.partition("\n")[0].strip()):
        return "the text is a table of contents"
    if body.count("\n") < 2 or quality._SENTENCE_END_RE.search(body):
        return None
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    numbers = sum(1 for line in lines if quality._NUMBER_LINE_RE.match(line))
    return (
        "the text is a table of numbers" if len(lines) >= 3 and 2 * numbers >= len(lines) else None
    )


BODY_PIECES = [*"\n\n 　。？！.．?!12３議a…", "なし", "他8名", "……………", "令和", "1,234", "計"]


BODY_LINES = ["12", "１ ２", "計 34", "議事 5", "本日は晴れ。", "承認した.次", "abc", "", " "]
BODY_LINES += ["開会 ……………… 3", "なし", "他8名", "令和6年", "?", "議題!", "3.5", "議題．"]


@given(
    st.one_of(
        st.lists(st.sampled_from(BODY_PIECES), max_size=30).map("".join),
        st.lists(st.sampled_from(BODY_LINES), max_size=8).map("\n".join),
    )
)
def test_a_turn_is_suspect_as_before(body: str) -> None:
    turn = _A_TURN.model_copy(update={"text": body})
    got = quality._turn_problem(turn, {turn.speaker.label: False})
    assert got == _turn_problem_the_long_way(turn)


def test_the_sample_turns_are_suspect_as_before() -> None:
    for _, _, minutes in _sample_parses():
        for turn in minutes.utterances:
            got = quality._turn_problem(turn, {turn.speaker.label: False})
            assert got == _turn_problem_the_long_way(turn)


# -- the line survey's lone labels ---------------------------------------------------------------

LONE_PIECES = [
    *"○◯〇●◎◆■◇□△▲▼☆★【】（）() 　\t：:、。議長",
    "委員長",
    "（平山たかお）",
    "（ 梶　泰久 ）",
    "中村委員",
    "事務局",
    "x" * 29,
]


@given(st.lists(st.lists(st.sampled_from(LONE_PIECES), max_size=8), max_size=8))
def test_lone_labels_are_counted_as_the_long_way_counts_them(rows: list[list[str]]) -> None:
    lines = split_lines("\n".join("".join(row) for row in rows))
    survey = layout.survey_lines(lines)
    assert survey.lone_labels == layout.count_lone_labels(lines)
    assert survey.labels == layout.count_labels(lines)


NAME_PIECES = [*"0９:：番号名一十百（(以下)）の各 山田太郎", "以下", "委員"]


@given(st.lists(st.sampled_from(NAME_PIECES), max_size=10))
def test_a_name_is_no_name_as_regex_said(pieces: list[str]) -> None:
    name = "".join(pieces)
    as_it_was = regex.compile(quality._NOT_IN_A_NAME_RE.pattern).search(name) is not None
    assert (quality._NOT_IN_A_NAME_RE.search(name) is not None) == as_it_was
