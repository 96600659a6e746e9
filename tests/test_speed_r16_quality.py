"""The quality passes' shortcuts (issue 13, round 16) give what the long way gives.

- ``member-suspect``: a name of Han and full-width kana alone holding no character a known key
  ends with is no key (:func:`quality._may_be_a_key`: the lookup is skipped), and a name with
  none of the characters every match of ``_NOT_IN_A_NAME_RE`` holds is not searched;
- ``turn-suspect``: the last character of a turn's first line is found without copying the
  line (:func:`quality._last_char_of_first_line`);
- ``roster-count-mismatch`` makes the list bounds only for a count a pattern reads, and
  ``label-inside-turn`` sorts the page marks only when it found a label;
- :func:`quality._looks_like_people` strips and drops the pieces with ``map`` and ``filter``;
- :func:`quality._prose` takes a speech block in the turn the block before was in at once.

Each is checked against the plain computation it replaces, on the bundled samples, the unseen
publishers' files and generated text.
"""

from __future__ import annotations

import bisect
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

import gijiroku
import gijiroku.parser as parser
import gijiroku.quality as quality
from gijiroku.blocks import Block, BlockKind, HeaderMeta, HeaderName, Pos, UnmatchedMeta
from gijiroku.dates import parse_number
from gijiroku.formats.base import HEADER_FIELD_NAMES, header_field_name
from gijiroku.formats.common import NONE_RE, is_header_key
from gijiroku.models import Member, Minutes, Span, Speaker, Utterance
from gijiroku.normalize import compact

from .conftest import sample_paths

UNSEEN = Path(__file__).parent / "data" / "unseen"


def _documents() -> list[str]:
    """The bundled samples and the unseen publishers' files, decoded."""
    paths = [*sample_paths(), *sorted(UNSEEN.glob("*.txt"))]
    return [p.read_bytes().decode("utf-8") for p in paths]


_ASSESSED: list[dict[str, object]] = []


def _assessed() -> list[dict[str, object]]:
    """What :func:`quality.assess` was given for each document (parsed once for the module)."""
    if not _ASSESSED:
        original = getattr(parser, "assess")  # noqa: B009 (not exported: read by name)

        def recorded(**kwargs: object) -> object:
            _ASSESSED.append(kwargs)
            return original(**kwargs)

        setattr(parser, "assess", recorded)  # noqa: B010
        try:
            for text in _documents():
                gijiroku.parse(text)
        finally:
            setattr(parser, "assess", original)  # noqa: B010
    return _ASSESSED


def _fields_of(**fields: Any) -> dict[str, Any]:
    """Some fields of a record made with ``model_construct`` (what the code under test reads)."""
    return fields


def _minutes() -> list[tuple[Minutes, str]]:
    return [(gijiroku.parse(text), text) for text in _documents()]


# -- member-suspect: the key lookup and the search skipped -----------------------------------

#: Characters of names and keys: Han, kana, the last characters of keys, half-width kana,
#: full-width digits and letters, brackets, spaces, digits, what the search looks for.
NAME_CHARS = (
    "山田太郎花子あいうアイウー々ヶ"
    + "".join(sorted({key[-1] for key in HEADER_FIELD_NAMES}))
    + "出欠席参加者日時場所委員長番号名の各以下〇一二十百"
    + "ｱｶﾞﾊﾟ０９Ａｚ（()） \u3000\t\n:：0123\u200b"
)


@given(st.text(alphabet=NAME_CHARS, max_size=12))
@example("欠席者")
@example("出席")
@example("ｶｲｷﾞ")  # (half-width: cleaned to full width, never skipped)
@example("日時")
def test_a_name_skipped_as_no_key_is_no_key(name: str) -> None:
    if not quality._may_be_a_key(name):
        assert header_field_name(name) is None


def test_every_known_key_is_looked_up() -> None:
    for key in HEADER_FIELD_NAMES:
        assert quality._may_be_a_key(key), key
    for key in ("欠席委員", "出席議員", "会議参加者"):
        assert quality._may_be_a_key(key)


@given(st.text(alphabet=NAME_CHARS, max_size=12))
@example("番号")
@example("理事十六名")
@example("保坂の各")
@example("(以下")
def test_a_name_not_searched_holds_nothing_the_search_finds(name: str) -> None:
    if quality._NOT_IN_A_NAME_CHARS.isdisjoint(name):
        assert quality._NOT_IN_A_NAME_RE.search(name) is None


def _name_problem_the_long_way(member: Member, line: str) -> str | None:
    """:func:`quality._name_problem` as it was: every name searched and looked up."""
    name = member.name
    if name is None:
        return None
    title = member.title
    if quality._NOT_IN_A_NAME_RE.search(name) or (title and (":" in title or "：" in title)):
        return "not a name"
    if (
        len(name) == 1
        and compact(member.entry) == name
        and not quality._LIST_SEPARATOR_RE.search(line)
    ):
        return "one character"
    if name in quality._POSITION_SET or header_field_name(name) is not None:
        return "a title or a key"
    if (
        name[:1] in quality._TITLE_FIRST_CHARS and quality._TITLE_FIRST_RE.match(name)
    ) or quality._title_last(name):
        return "a title run into the name"
    return None


#: Names of every problem and of none (made-up members beside the documents' own).
MADE_UP_NAMES = [
    "番号", "日時", "出席者", "欠席委員", "理事十六名", "北澤委員", "副議長小林伸一", "保坂の各",
    "(以下", "山口)", "林", "山田太郎", "ｶﾜｲ", "１２", "委員長", "会議参加者", "高橋　場所",
]  # fmt: skip


def test_members_read_as_the_long_way_reads_them() -> None:
    made_up = [
        Member.model_construct(**_fields_of(name=name, title=None, entry=name, span=None))
        for name in MADE_UP_NAMES
    ]
    found = set()
    for minutes, text in [*_minutes(), (None, "林、森、山田")]:
        members = minutes.members if minutes is not None else made_up
        for member in members:
            name = member.name or ""
            one = len(name) == 1 and member.span is not None
            line = quality._line_around(text, member.span) if one else text
            problem = quality._name_problem(member, line)
            assert problem == _name_problem_the_long_way(member, line), member
            found.add(problem)
    assert {"not a name", "a title or a key", "a title run into the name"} <= found


# -- turn-suspect: the first line's last character ---------------------------------------------

TURN_CHARS = "あ漢。３9 \u3000\t\r\n…・.０"


@given(st.text(alphabet=TURN_CHARS, max_size=30))
@example("目次 ……… 3\r\n本文")
@example("  \n")
@example("")
def test_the_first_lines_last_character_is_the_stripped_lines(text: str) -> None:
    end = text.find("\n")
    long_way = (text if end < 0 else text[:end]).strip()[-1:]
    assert quality._last_char_of_first_line(text, end) == long_way


def _turn_problem_the_long_way(turn: Utterance, header_keys: dict[str, bool]) -> str | None:
    """:func:`quality._turn_problem` as it was: the first line copied and stripped."""
    label = turn.speaker.label
    if label not in header_keys:
        header_keys[label] = is_header_key(label)
    if header_keys[label]:
        return "the label is a header key"
    body = turn.text.strip()
    if len(body) <= 24:
        if ("し" in body or "ありません" in body) and NONE_RE.match(body):
            return "the text is only なし"
        if ("名" in body or "人" in body) and quality._COUNT_RE.match(compact(body)):
            return "the text is only a count"
    first_end = body.find("\n")
    first_line = (body if first_end < 0 else body[:first_end]).strip()
    if first_line[-1:] in quality._DIGIT_CHARS and quality._CONTENTS_RE.search(first_line):
        return "the text is a table of contents"
    if first_end < 0 or body.find("\n", first_end + 1) < 0:
        return None
    if "。" in body or "？" in body or "！" in body or quality._SENTENCE_END_RE.search(body):
        return None
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    numbers = sum(1 for line in lines if quality._NUMBER_LINE_RE.match(line))
    return (
        "the text is a table of numbers" if len(lines) >= 3 and 2 * numbers >= len(lines) else None
    )


def test_turns_read_as_the_long_way_reads_them() -> None:
    made_up = [
        Utterance.model_construct(
            **_fields_of(id=f"u{k}", speaker=Speaker.model_construct(label=label), text=text)
        )
        for k, (label, text) in enumerate(
            [
                ("諸般の報告(第1号)", "……………………………… 3"),
                ("議長", "開会の宣告 ……………… 3\r\n議案の審査 ……… 12"),
                ("議長", "開会の宣告 ………… ３ \n"),
                ("議長", "第1号\n 12 \n 13\n"),
                ("議長", "1 2 3 4 5 6 7"),
                ("日時", "令和5年"),
                ("議長", "なし"),
            ]
        )
    ]
    found = set()
    for turns in [*(m.utterances for m, _ in _minutes()), made_up]:
        keys: dict[str, bool] = {}
        long_keys: dict[str, bool] = {}
        for turn in turns:
            problem = quality._turn_problem(turn, keys)
            assert problem == _turn_problem_the_long_way(turn, long_keys), turn.id
            found.add(problem)
    assert "the text is a table of contents" in found


# -- roster-count-mismatch and label-inside-turn: made only when needed -----------------------


def _count_mismatches_the_long_way(review: quality._Review) -> list[quality._Place]:
    """:func:`quality._count_mismatches` as it was: the bounds made for every printed count."""
    minutes, text = review.minutes, review.text
    listed = [
        f
        for f in minutes.header
        if (f.name in quality._LIST_FIELD_NAMES or f.name in quality._ROSTER_NAMES)
        and quality._PRINTED_COUNT_RE.search(text, f.span.start, f.span.end) is not None
    ]
    if not listed:
        return []
    starts = sorted(m.span.start for m in minutes.members)
    bounds = quality._Bounds.of(minutes, text)

    def read(start: int, end: int) -> int:
        return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)

    found = []
    for field_ in listed:
        source = text[field_.span.start : field_.span.end]
        counts = [
            (match, [read(after, end) for end in bounds.ends_after(after)])
            for match in quality._KEY_COUNT_RE.finditer(source)
            if header_field_name(match["key"]) in quality._ROSTER_KEYS
            for after in [field_.span.start + match.end()]
        ]
        counts += [
            (match, [read(start, at) for start in bounds.starts_before(at)][::-1])
            for match in quality._CLOSING_COUNT_RE.finditer(source)
            for at in [field_.span.start + match.start()]
        ]
        for match, readings in counts:
            printed = parse_number(match["count"])
            if printed is not None and printed not in readings:
                seen = f"{quality._quote(match.group(), 20)} prints {printed}, {readings[-1]} read"
                found.append(quality._Place(field_.span, seen))
    return found


def test_counts_compared_as_the_long_way_compares_them() -> None:
    made_up = [
        "出席委員（3名）\n山田太郎　佐藤花子\n\n○委員長（山田太郎君）　開会します。\n",
        "出席者6名 以上2名\n山田　佐藤\n欠席委員（１人）\n鈴木一郎\n\n○委員長　開会します。\n",
    ]
    documents = [*_minutes(), *((gijiroku.parse(t), t) for t in made_up)]
    mismatches = 0
    for minutes, text in documents:
        review = quality._Review(minutes, text, quality._Lines(text))
        found = quality._count_mismatches(review)
        assert found == _count_mismatches_the_long_way(review)
        mismatches += len(found)
    assert mismatches


def _absent_after_none_the_long_way(review: quality._Review) -> list[quality._Place]:
    """:func:`quality._absent_after_none` as it was: the header's lists read for every
    document."""
    lists: list[tuple[int, bool]] = []
    for field_ in review.minutes.header:
        if quality._opens_list(field_):
            said_none = field_.name == "absentees" and bool(NONE_RE.match(field_.value))
            lists.append((field_.span.start, said_none))
        elif (
            field_.name == "absentees"
            and field_.key is None
            and lists
            and NONE_RE.match(field_.value)
        ):
            lists[-1] = (lists[-1][0], True)
    if not any(said_none for _, said_none in lists):
        return []
    opens = [start for start, _ in lists]
    found = []
    for member in review.minutes.members:
        if member.attendance != "absent":
            continue
        k = bisect.bisect_right(opens, member.span.start) - 1
        if k >= 0 and lists[k][1]:
            found.append(quality._Place(member.span, quality._quote(member.entry, 16)))
    return found


def test_absentees_after_none_are_found_as_the_long_way_finds_them() -> None:
    made_up = [
        "出席委員\n山田太郎　佐藤花子\n欠席委員\nなし\n鈴木一郎\n\n○委員長　開会します。\n",
        "欠席委員　なし\n山田太郎\n\n○委員長　開会します。\n",
        "欠席委員　鈴木一郎\n\n○委員長　開会します。\n",
    ]
    documents = [*_minutes(), *((gijiroku.parse(t), t) for t in made_up)]
    absent = 0
    for minutes, text in documents:
        review = quality._Review(minutes, text, quality._Lines(text))
        assert quality._absent_after_none(review) == _absent_after_none_the_long_way(review)
        absent += any(m.attendance == "absent" for m in minutes.members)
    assert absent


def test_a_label_inside_a_turn_names_its_page() -> None:
    """The page marks, sorted only once a label is found, still place it."""
    text = (
        "○議長（山田太郎君）　開会します。\n続けます。\n\f○１１番議員（平野　謙）\n質問します。\n"
    )
    minutes = gijiroku.parse(text)
    pages = sorted(m.span.start for m in minutes.layout if m.kind == "page")
    review = quality._Review(minutes, text, quality._Lines(text))
    for place in quality._labels_inside_turns(review):
        turn = next(u for u in minutes.utterances if u.span.start <= place.span.start < u.span.end)
        p = bisect.bisect_right(pages, turn.span.start)
        same_page = p >= len(pages) or pages[p] >= place.span.start
        assert place.span.page == (turn.span.page if same_page else None)


# -- _looks_like_people: the pieces stripped and dropped by map and filter ---------------------


def _looks_like_people_the_long_way(text: str) -> bool:
    if "。" in text:
        return False
    tokens = [t for t in (t.strip(" 　") for t in quality._SEPARATOR_RE.split(text)) if t]
    if len(tokens) < 3:
        return False
    misses = 0
    for token in tokens:
        words = token.split()
        if not quality._NAME_TOKEN_RE.match(words[-1] if words else token):
            misses += 1
            if misses * 5 > len(tokens):
                return False
    return True


PEOPLE_PIECES = [
    "伊藤",
    "竹田",
    "松波理事",
    "、",
    "，",
    ",",
    "|",
    "｜",
    "・",
    " ",
    "\u3000",
    "1",
    "\t",
    "長谷部緑化推進課長山田太郎",
    "ｶﾞ",
]


@given(st.text(alphabet="山田あアー々・（）()\n 1", min_size=12, max_size=16))
@example("山田太郎花子山田太郎花子\n")
def test_a_name_token_is_thirteen_characters_at_most(word: str) -> None:
    """What lets :func:`quality._looks_like_people` count a longer token a miss unsearched."""
    if len(word) > 13:
        assert quality._NAME_TOKEN_RE.match(word) is None


@given(st.lists(st.sampled_from(PEOPLE_PIECES), max_size=30))
@example(["伊藤", "、", " ", "、", "竹田", "、", "冨士川", "、", "松波理事"])
def test_a_list_of_people_is_seen_as_the_long_way_sees_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert quality._looks_like_people(text) == _looks_like_people_the_long_way(text)


# -- _prose: a speech block in the turn of the block before ----------------------------------


class _RosterWatchTheLongWay(quality._RosterWatch):
    """:class:`quality._RosterWatch` as it was: a roster's entries counted one by one, and
    lists of people seen the long way."""

    __slots__ = ()

    def feed(self, block: Block) -> bool:
        open_list, text = self.open_list, self.text
        meta = block.meta
        name = meta.name if isinstance(meta, HeaderMeta) else None
        members = (
            sum(1 for child in block.children if child.kind is BlockKind.MEMBER)
            if block.children
            else 0
        )
        if block.kind is BlockKind.HEADER and name in quality._ROSTER_KEYS:
            self.close()
            said_none = bool(NONE_RE.match(block.groups.get("value", "")))
            self.open_list = quality._OpenList(
                block, members, pending=not said_none, said_none=said_none
            )
            return False
        if open_list is not None and (
            block.kind is BlockKind.ROSTER
            or (
                block.kind is BlockKind.HEADER and (name in quality._LIST_CONTINUES or meta is None)
            )
        ):
            open_list.members += members
            if block.kind is BlockKind.ROSTER:
                open_list.pending = True
            return False
        if open_list is not None and block.kind in (BlockKind.PAGE, BlockKind.RUNNING_HEADER):
            return False
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
            return False
        self.close()
        self.open_list = None
        if block.kind is BlockKind.ROSTER:
            if members == 0:
                self.found.append(block)
            return False
        if block.kind is BlockKind.UNMATCHED or (
            block.kind is BlockKind.HEADER and name in (None, HeaderName.NOTICE)
        ):
            people = _looks_like_people_the_long_way(block.text_of(text))
            if people:
                self.found.append(block)
            return people
        return False


def _prose_the_long_way(
    blocks: Sequence[Block], utterances: Sequence[Utterance], text: str, count_inside: bool
) -> tuple[object, ...]:
    """:func:`quality._prose` as it was (the fields of its result, and the rosters found)."""
    spans = [(u.span.start, u.span.end) for u in utterances]
    separators = any(char in text for char in "\x1c\x1d\x1e\x1f")
    prose = quality._Prose()
    total = 0
    bounds = iter(spans)
    turn_start, turn_end = next(bounds, (sys.maxsize, sys.maxsize))
    inner: list[Pos] = []
    watch = prose.rosters = _RosterWatchTheLongWay(text)
    for block in blocks:
        kind = block.kind
        if kind is BlockKind.CONTINUATION or kind is BlockKind.TURN:
            if watch.open_list is not None:
                watch.feed(block)
            in_header = False
        elif kind is BlockKind.HEADER:
            watch.feed(block)
            in_header = quality.speaks_in_header(block.text_of(text))
            if not in_header:
                continue
        elif kind is BlockKind.UNMATCHED:
            people = watch.feed(block)
            in_header = False
            if isinstance(block.meta, UnmatchedMeta) and people:
                continue
        else:
            if kind is BlockKind.ROSTER or watch.open_list is not None:
                watch.feed(block)
            continue
        span = block.span
        start = span.start
        while turn_end <= start:
            turn_start, turn_end = next(bounds, (sys.maxsize, sys.maxsize))
        if turn_start <= start:
            inner.append(span)
            continue
        chars = quality._chars(text, span, separators)
        total += chars
        prose.outside.append(span)
        if in_header:
            prose.in_header.append(span)
            prose.header_chars += chars
    if count_inside or total or separators:
        inside = quality._inside_chars(text, inner, separators)
        prose.total, prose.inside = total + inside, inside
    else:
        prose.inside_only = any(
            quality._NON_BLANK_RE.search(text, pos.start, pos.end) for pos in inner
        )
    return _fields(prose)


def _fields(prose: quality._Prose) -> tuple[object, ...]:
    rosters = prose.rosters.finish() if prose.rosters is not None else []
    return (
        prose.total,
        prose.inside,
        prose.outside,
        prose.in_header,
        prose.header_chars,
        prose.inside_only,
        prose.share_in_turns(),
        [block.span for block in rosters],
    )


def _shuffled(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with each pair of neighbours swapped: out of order, as a caller's may be."""
    swapped = list(blocks)
    for k in range(0, len(swapped) - 1, 2):
        swapped[k], swapped[k + 1] = swapped[k + 1], swapped[k]
    return swapped


def test_prose_is_found_as_the_long_way_finds_it() -> None:
    outside = unread = entries = 0
    for given_ in _assessed():
        blocks, text = given_["blocks"], given_["text"]
        utterances = given_["utterances"]
        assert isinstance(blocks, list)
        assert isinstance(text, str)
        assert isinstance(utterances, list)
        for these in (blocks, _shuffled(blocks)):
            for count_inside in (False, True):
                found = _fields(quality._prose(these, utterances, text, count_inside=count_inside))
                assert found == _prose_the_long_way(these, utterances, text, count_inside)
        found_here = quality._prose(blocks, utterances, text)
        outside += bool(found_here.outside)
        assert found_here.rosters is not None
        unread += bool(found_here.rosters.finish())
        entries += sum(len(b.children) for b in blocks if b.kind is BlockKind.ROSTER)
    assert outside  # (some documents hold prose outside their turns)
    assert unread  # (and lists of people that gave no members)
    assert entries  # (and roster lines with entries, counted)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["turn", "continuation", "unmatched", "header"]), st.integers(0, 3)
        ),
        max_size=12,
    ),
    st.lists(st.integers(0, 4), max_size=6),
)
def test_made_up_blocks_are_read_as_the_long_way_reads_them(
    shapes: list[tuple[str, int]], cuts: list[int]
) -> None:
    """Blocks of every prose kind at made-up places (overlapping, out of order, blank), in
    turns of made-up spans."""
    text = "".join(f"行{k}です。\n  \n" for k in range(40))
    blocks = []
    at = 0
    for kind, step in shapes:
        at = max(at + step * 6 - 4, 0)
        pos = Pos(at, min(at + 9, len(text)), 1, 1, None)
        meta = HeaderMeta() if kind == "header" else None
        blocks.append(Block(BlockKind(kind), pos, meta=meta))
    starts = sorted(set(cuts))
    utterances = [
        Utterance.model_construct(
            **_fields_of(span=Span(start=c * 12, end=c * 12 + 20, line_start=1, line_end=1))
        )
        for c in starts
    ]
    for count_inside in (False, True):
        found = _fields(quality._prose(blocks, utterances, text, count_inside=count_inside))
        assert found == _prose_the_long_way(blocks, utterances, text, count_inside)
