"""The shortcuts of the review (issue 13, round 10) give what the long way gives.

Each shortcut is checked against the plain computation it replaces, on the bundled samples
and on generated text.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import regex
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
import gijiroku.labels as labels
import gijiroku.quality as quality
from gijiroku.blocks import Block, BlockKind, Pos, frozen_groups
from gijiroku.formats.base import header_field_name
from gijiroku.formats.common import NONE_RE
from gijiroku.models import Member, Minutes, Span
from gijiroku.names import POSITION_WORDS
from gijiroku.normalize import compact

from .conftest import sample_paths
from .test_quality import H, M, _minutes

# -- header-overlong: roster entries counted only for a value longer than HEADER_MAX -----------

#: What cleaning changes: half-width kana (voiced marks join the kana before them), full-width
#: letters and digits, zero-width characters, spaces of every kind.
COMPACT_PIECES = [*"ｶﾞﾊﾟｱﾞｰ｡ﾞﾟＡｚ０９\u200b\u00ad\ufeff \u3000\t\xa0\x1c\n漢あ", "ｶﾞ", "ﾊﾟ"]


@given(st.text())
def test_a_compact_form_is_never_longer_than_its_text(text: str) -> None:
    assert len(compact(text)) <= len(text)


@given(st.lists(st.sampled_from(COMPACT_PIECES), max_size=40))
def test_a_compact_form_of_what_cleaning_changes_is_never_longer(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert len(compact(text)) <= len(text)


def _overlong_headers_the_long_way(review: quality._Review) -> list[quality._Place]:
    """:func:`quality._overlong_headers` as it was: the roster entries counted for every
    value that is not a notice."""
    found = []
    entries = quality._EntryChars(review.minutes.members)
    for field_ in review.minutes.header:
        value = field_.value
        if len(value) <= 40 and "。" not in value:
            continue
        ends = list(quality._SENTENCE_END_RE.finditer(value))
        sentences = len(ends)
        notice = sentences == 1 and not value[ends[0].end() :].strip()
        unread = 0 if notice else len(compact(value)) - entries.inside(field_.span)
        if unread > quality.HEADER_MAX or sentences >= 2:
            what = (
                f"{len(value)} characters"
                if unread > quality.HEADER_MAX
                else f"{sentences} sentences"
            )
            found.append(quality._Place(field_.span, f"{quality._quote(value)} ({what})"))
    return found


def _review_of(minutes: Minutes, text: str) -> quality._Review:
    return quality._Review(minutes, text, quality._Lines(text))


def test_the_overlong_headers_of_the_samples_are_the_long_way() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        state = _review_of(gijiroku.parse(text), text)
        assert quality._overlong_headers(state) == _overlong_headers_the_long_way(state)


@given(
    st.lists(st.sampled_from(["林委員", "ｶﾞｰﾃﾞﾝ", "　", "。", "あ" * 30, "Ａ１"]), max_size=20),
    st.integers(0, 12),
)
def test_overlong_headers_are_found_as_the_long_way_finds_them(
    pieces: list[str], names: int
) -> None:
    """Values around HEADER_MAX characters, some of them roster entries."""
    listed = [f"{surname}委員" for surname in ("林", "森", "川", "山") * 3][:names]
    value = "出席委員 " + "".join(pieces) * 6 + "、".join(listed)
    text = value + "\n"
    members = [M(n, n[:-2], "委員") for n in listed]
    state = _review_of(
        _minutes(text, header=[H(value, "attendees", "出席委員")], members=members), text
    )
    assert quality._overlong_headers(state) == _overlong_headers_the_long_way(state)


# -- label-inside-turn: CRLF read as LF --------------------------------------------------------


def _line_starts_the_long_way(text: str, first: int, last: int) -> list[int]:
    return [m.start("line") for m in quality._INNER_LINE_RE.finditer(text, first, last)]


def test_inner_line_starts_of_the_samples_with_crlf_and_cr_are_the_long_way() -> None:
    """Every sample with its line breaks as CRLF (the LF path), and with one CR alone among
    them (the whole pattern), and stretches cut inside a CRLF."""
    for path in sample_paths():
        lf = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
        crlf = lf.replace("\n", "\r\n")
        for text in (crlf, crlf.replace("\r\n", "\r", 1)):
            middle = text.find("\r\n", len(text) // 2) + 1  # (between the CR and the LF)
            for first, last in ((0, len(text)), (middle, len(text)), (0, max(middle, 0))):
                expected = _line_starts_the_long_way(text, first, last)
                assert quality._inner_line_starts(text, first, last) == expected, path.name


# -- turn-suspect: なし and counts looked for only where their last word is printed ------------

_A_TURN = gijiroku.parse("○議長（山田太郎君）　ただいまから会議を開きます。\n").utterances[0]
#: Pieces of なし, ありません and counts, spaced and not, and what breaks them.
SHORT_TURN_PIECES = [
    *"なし無該当あり ませんん他計合外１2十三名人　 。|｜\n",
    "ありません",
    "18",
    "一",
]


_SHORT_PROBLEMS = ("the text is only なし", "the text is only a count")


def _turn_problem_the_long_way(body: str) -> str | None:
    """The first two tests of :func:`quality._turn_problem` as they were: each pattern
    tried on every short text."""
    body = body.strip()
    if len(body) <= 24 and NONE_RE.match(body):
        return "the text is only なし"
    if len(body) <= 24 and quality._COUNT_RE.match(compact(body)):
        return "the text is only a count"
    return None


@given(st.lists(st.sampled_from(SHORT_TURN_PIECES), max_size=12))
def test_short_turns_are_judged_as_the_long_way_judges_them(pieces: list[str]) -> None:
    body = "".join(pieces)
    turn = _A_TURN.model_copy(update={"text": body})
    got = quality._turn_problem(turn, {turn.speaker.label: False})
    expected = _turn_problem_the_long_way(body)
    if expected is not None:
        assert got == expected
    else:
        assert got not in _SHORT_PROBLEMS


def test_the_short_turns_of_the_samples_are_judged_as_the_long_way() -> None:
    judged = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        for turn in gijiroku.parse(text).utterances:
            expected = _turn_problem_the_long_way(turn.text)
            got = quality._turn_problem(turn, {turn.speaker.label: False})
            assert got == expected or (expected is None and got not in _SHORT_PROBLEMS)
            judged += len(turn.text.strip()) <= 24
    assert judged


# -- roster-count-mismatch: where lists may end, in one pass over the header -------------------


def _bounds_the_long_way(minutes: Minutes, text: str) -> quality._Bounds:
    """:meth:`quality._Bounds.of` as it was: the header read twice."""
    hard = [
        f.span.start
        for f in minutes.header
        if quality._opens_list(f) or f.name not in quality._LIST_FIELD_NAMES
    ]
    hard += [s.span.start for s in minutes.sections]
    hard += [minutes.utterances[0].span.start] if minutes.utterances else []
    soft = [
        f.span.start
        for f in minutes.header
        if f.name in ("roster_heading", "notice") and not quality._opens_list(f)
    ]
    return quality._Bounds(sorted({*hard, len(text)}), sorted(soft))


def test_the_bounds_of_the_samples_are_the_long_way() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        minutes = gijiroku.parse(text)
        assert quality._Bounds.of(minutes, text) == _bounds_the_long_way(minutes, text)


#: Header lines of every kind a list's bounds look at: keys that open lists, headings that
#: open one or not, posts, notices, lines of names, fields that are no part of a list.
BOUND_LINES = [
    H("出席委員（３名）", "attendees", "出席委員"),
    H("欠席委員 なし", "absentees", "欠席委員"),
    H("〇欠席議員（１人）", "roster_heading"),
    H("区議会事務局", "roster_heading"),
    H("説明員", "roster_heading"),
    H("委員長", "post"),
    H("以下の者が出席した。", "notice"),
    H("林委員、山田委員", "roster"),
    H("場所 第一会議室", "venue", "場所"),
    H("何か", None),
]


@given(st.lists(st.sampled_from(BOUND_LINES), max_size=10))
def test_bounds_are_found_as_the_long_way_finds_them(lines: list[H]) -> None:
    text = "\n".join(h.printed for h in lines) + "\n"
    minutes = _minutes(text, header=lines)
    assert quality._Bounds.of(minutes, text) == _bounds_the_long_way(minutes, text)


# -- the quality record: the meeting's facts that are set ---------------------------------------


def test_the_header_fields_are_the_dumped_facts_that_are_set() -> None:
    meetings = [
        gijiroku.parse(path.read_bytes().decode("utf-8")).meeting for path in sample_paths()
    ]
    meetings.append(meetings[0].model_copy(update={"session": 0, "title": ""}))  # (falsy, set)
    for meeting in meetings:
        dumped = tuple(name for name, value in meeting.model_dump().items() if value is not None)
        assert quality._header_fields(meeting) == dumped


# -- gather_evidence: the labels and openings, each turn's groups read once --------------------


def _turns_and_openings_the_long_way(
    blocks: Sequence[Block],
) -> tuple[set[tuple[str, str | None]], int, list[str]]:
    """What :func:`labels.gather_evidence` read from the blocks before: the labelled turns
    collected, then their groups read again."""
    turns: list[Block] = []
    openings: list[str] = []
    waiting = False
    for block in blocks:
        if block.kind is BlockKind.TURN:
            if block.get("label"):
                turns.append(block)
            text = block.groups.get("text") or ""
            waiting = not text.strip()
            if not waiting:
                openings.append(text[: labels._OPENING])
        elif waiting and block.kind is BlockKind.CONTINUATION:
            waiting = False
            openings.append((block.groups.get("text") or "")[: labels._OPENING])
    read = {(b.groups["label"], b.get("pname")) for b in turns}
    return read, turns[0].span.start if turns else 0, openings


def test_the_labels_and_openings_of_the_samples_are_the_long_way() -> None:
    for path in sample_paths():
        blocks = gijiroku.tokenize(path.read_bytes().decode("utf-8"))
        got = labels._labels_and_openings(blocks)
        assert got == _turns_and_openings_the_long_way(blocks), path.name


_GROUP_VALUES = st.sampled_from(["", " ", "\u3000\n", "議長", "林委員", "ただいまから開会します。"])


@st.composite
def _turn_blocks(draw: st.DrawFn) -> list[Block]:
    """TURN blocks with or without a label, a name below it and text, among continuations
    and other blocks."""
    blocks = []
    for at in range(draw(st.integers(0, 8))):
        kind = draw(st.sampled_from([BlockKind.TURN, BlockKind.CONTINUATION, BlockKind.NOTE]))
        names = {
            BlockKind.TURN: ["label", "pname", "text"],
            BlockKind.CONTINUATION: ["text"],
            BlockKind.NOTE: ["text"],
        }[kind]
        groups = {name: draw(_GROUP_VALUES) for name in names if draw(st.booleans())}
        span = Pos(at * 10, at * 10 + 5, at + 1, at + 1, None)
        blocks.append(Block(kind, span, frozen_groups(groups)))
    return blocks


@given(_turn_blocks())
def test_labels_and_openings_are_read_as_the_long_way_reads_them(blocks: list[Block]) -> None:
    assert labels._labels_and_openings(blocks) == _turns_and_openings_the_long_way(blocks)


# -- member-suspect: each title pattern tried only on a name that may hold it ----------------


def _name_problem_the_long_way(member: Member, line: str) -> str | None:
    """:func:`quality._name_problem` as it was: every pattern tried on every name."""
    name = member.name
    if name is None:
        return None
    if quality._NOT_IN_A_NAME_RE.search(name) or (
        member.title and regex.search(r"[:：]", member.title)
    ):
        return "not a name"
    if (
        len(name) == 1
        and compact(member.entry) == name
        and not quality._LIST_SEPARATOR_RE.search(line)
    ):
        return "one character"
    if name in quality._POSITION_SET or header_field_name(name) is not None:
        return "a title or a key"
    if quality._TITLE_FIRST_RE.match(name) or quality._TITLE_LAST_RE.search(name):
        return "a title run into the name"
    return None


_ONE_SPAN = Span(start=0, end=1, line_start=1, line_end=1)
#: Title words (the long ones start or end names), name characters, colons, a line break.
NAME_PIECES = [*sorted(w for w in POSITION_WORDS if len(w) >= 2)[:40], *"林小伸一監:：\n", "田伏"]


@given(
    st.lists(st.sampled_from(NAME_PIECES), min_size=1, max_size=4),
    st.sampled_from([None, "委員", "委員：", "部長:", ""]),
)
def test_names_are_judged_as_the_long_way_judges_them(pieces: list[str], title: str | None) -> None:
    name = "".join(pieces)
    member = Member(id="m1", name=name, title=title, entry=name, span=_ONE_SPAN)
    assert quality._name_problem(member, name) == _name_problem_the_long_way(member, name)


def test_the_members_of_the_samples_are_judged_as_the_long_way() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        for member in gijiroku.parse(text).members:
            line = quality._line_around(text, member.span)
            assert quality._name_problem(member, line) == _name_problem_the_long_way(member, line)


# -- header_people: the lines that hold a wanted surname's first character ---------------------


def _lines_holding_the_long_way(text: str, chars: set[str]) -> list[int]:
    """The lines :func:`labels.header_people` read before: each line tested in turn."""
    found, offset = [], 0
    for k, line in enumerate(text.splitlines(keepends=True)):
        start, offset = offset, offset + len(line)
        if not chars.isdisjoint(text[start:offset]):
            found.append(k)
    return found


def _line_ends(text: str) -> list[int]:
    return list(itertools.accumulate(map(len, text.splitlines(keepends=True))))


@given(
    st.lists(st.sampled_from([*"山田中\n\r\x1c\u2028 　a", "\r\n", "委員長"]), max_size=30),
    st.sets(st.sampled_from([*"山田中a\n"]), max_size=3),
)
def test_lines_holding_characters_are_the_long_ways(pieces: list[str], chars: set[str]) -> None:
    text = "".join(pieces)
    got = labels._lines_holding(text, _line_ends(text), chars)
    assert got == _lines_holding_the_long_way(text, chars)


def test_the_header_lines_of_the_samples_are_the_long_ways() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        head = text[:5000]
        for chars in ({"山", "田"}, {"委"}, set(head[100:104])):
            got = labels._lines_holding(head, _line_ends(head), chars)
            assert got == _lines_holding_the_long_way(head, chars), path.name
