"""Round 14 of issue 13, the passes after the walk, give what the long way gives: the share
of prose in turns, read without counting the prose inside turns when none is outside them;
the lines inside turns that read as labels, with the turns' spans read once; the lists of
people nobody read, found in the same pass over the blocks as the prose; a label resolved
again found by its parts object.
"""

from __future__ import annotations

import random
from dataclasses import replace

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import gijiroku
import gijiroku.quality as quality
from gijiroku.blocks import Block, BlockKind, Pos
from gijiroku.models import Utterance
from gijiroku.names import Evidence, Person
from gijiroku.resolve import MemberDraft, Roster, analyze_label

from .conftest import sample_paths
from .test_speed_r13_post import _document
from .test_speed_review import (
    TURN_LINES,
    _labels_inside_turns_the_long_way,
    _unread_rosters_the_long_way,
)


def _share_the_long_way(prose: quality._Prose) -> float | None:
    """What ``assess`` gave: the counted prose inside turns over all the prose."""
    return round(prose.inside / prose.total, 3) if prose.total else None


def _check(text: str) -> None:
    blocks = gijiroku.tokenize(text)
    utterances = gijiroku.parse(text).utterances
    counted = quality._prose(blocks, utterances, text)
    quick = quality._prose(blocks, utterances, text, count_inside=False)
    assert not counted.inside_only
    assert quick.share_in_turns() == _share_the_long_way(counted)
    assert counted.share_in_turns() == _share_the_long_way(counted)
    assert (quick.outside, quick.in_header, quick.header_chars) == (
        counted.outside,
        counted.in_header,
        counted.header_chars,
    )
    if quick.inside_only:  # not counted: nothing outside, something inside
        assert counted.total == counted.inside > 0
        assert (quick.total, quick.inside) == (0, 0)
    else:  # counted (something outside, or no prose in turns)
        assert (quick.total, quick.inside) == (counted.total, counted.inside)


def test_the_share_of_prose_in_turns_of_the_samples_is_the_counted_one() -> None:
    uncounted = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        _check(text)
        blocks = gijiroku.tokenize(text)
        utterances = gijiroku.parse(text).utterances
        uncounted += quality._prose(blocks, utterances, text, count_inside=False).inside_only
    assert uncounted  # the shortcut is taken by some sample


_LINES = st.sampled_from(
    [
        "○議長（山田太郎君）　ただいまから会議を開きます。",
        "○佐藤委員　質問します。",
        "　続いて説明します。",
        "○議長（山田太郎君）",
        "",
        "   ",
        "\u3000",
        "出席委員　山田、佐藤、鈴木、田中",
        "伊藤、竹田、冨士川、松波理事",
        "会議録",
        "令和5年4月12日",
        "それではただ今より定例会をはじめさせていただきます。",
        "（委員長）本日の会議を開きます。次に報告があった。",
        "なし",
        "\x1c",
        "a\x1fb",
        "─────────",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINES, min_size=0, max_size=14))
def test_the_share_of_prose_in_turns_is_the_counted_one(lines: list[str]) -> None:
    _check("\n".join(lines))


def _inside_the_long_way(text: str, inner: list[Pos]) -> int:
    """Each block's non-blank characters, as ``\\S`` counts them, added up."""
    return sum(len(regex.findall(r"\S", text[pos.start : pos.end])) for pos in inner)


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.text(alphabet="あ山 \u3000\n\t\x1c。", max_size=8)),
        max_size=10,
    )
)
def test_the_prose_inside_turns_is_counted_block_by_block(pieces: list[tuple[int, str]]) -> None:
    text, inner = "", []
    for gap, piece in pieces:
        text += " " * gap
        inner.append(Pos(len(text), len(text) + len(piece), 1, 1, None))
        text += piece
    separators = any(char in text for char in "\x1c\x1d\x1e\x1f")
    assert quality._inside_chars(text, inner, separators) == _inside_the_long_way(text, inner)
    assert quality._inside_chars(text, inner, True) == _inside_the_long_way(text, inner)


def test_a_document_with_prose_outside_turns_counts_the_prose_inside() -> None:
    text = "会議録\n\n" + "これは説明の文章です。" * 10 + "\n\n○議長（山田太郎君）　開会します。\n"
    blocks: list[Block] = gijiroku.tokenize(text)
    utterances = gijiroku.parse(text).utterances
    assert utterances
    assert any(block.kind is BlockKind.UNMATCHED for block in blocks)
    quick = quality._prose(blocks, utterances, text, count_inside=False)
    assert not quick.inside_only
    assert quick.outside
    assert quick.inside > 0
    assert quick.total > quick.inside
    _check(text)


# -- label-inside-turn: the turns' spans read once, sorted only when out of order ---------------


def _labels_inside_shuffled(text: str, seed: int) -> None:
    minutes = gijiroku.parse(text)
    turns = list(minutes.utterances)
    random.Random(seed).shuffle(turns)  # (the parser makes them in order; a caller may not)
    for utterances in (minutes.utterances, tuple(turns), tuple(reversed(minutes.utterances))):
        shuffled = minutes.model_copy(update={"utterances": utterances})
        review = quality._Review(shuffled, text, quality._Lines(text))
        got = [(place.span, place.seen) for place in quality._labels_inside_turns(review)]
        assert got == _labels_inside_turns_the_long_way(review)


def test_the_labels_inside_the_sample_turns_in_any_order_are_the_long_way() -> None:
    for path in sample_paths():
        _labels_inside_shuffled(path.read_bytes().decode("utf-8"), 13)


@given(
    st.lists(st.sampled_from(TURN_LINES), max_size=14),
    st.sampled_from(["\n", "\r\n"]),
    st.integers(0, 99),
)
def test_the_labels_inside_generated_turns_in_any_order_are_the_long_way(
    lines: list[str], newline: str, seed: int
) -> None:
    _labels_inside_shuffled(
        newline.join([*lines, "○議長（山田太郎君）", "○山田委員　質問します。"]), seed
    )


# -- generated blocks: in order or not, FS to US, gaps, lists left open ------------------------


@settings(max_examples=400, deadline=None)
@given(_document())
def test_the_share_of_prose_in_generated_blocks_is_the_counted_one(
    document: tuple[str, list[Block], list[Utterance]],
) -> None:
    text, blocks, turns = document
    counted = quality._prose(blocks, turns, text)
    quick = quality._prose(blocks, turns, text, count_inside=False)
    assert quick.share_in_turns() == _share_the_long_way(counted)
    assert (quick.outside, quick.in_header, quick.header_chars) == (
        counted.outside,
        counted.in_header,
        counted.header_chars,
    )
    if not quick.inside_only:
        assert (quick.total, quick.inside) == (counted.total, counted.inside)


@settings(max_examples=400, deadline=None)
@given(_document())
def test_the_unread_rosters_found_in_the_prose_pass_are_the_long_way(
    document: tuple[str, list[Block], list[Utterance]],
) -> None:
    text, blocks, turns = document
    for count_inside in (True, False):
        watch = quality._prose(blocks, turns, text, count_inside=count_inside).rosters
        assert watch is not None
        assert watch.finish() == _unread_rosters_the_long_way(blocks, text)


def test_the_unread_rosters_of_the_samples_found_in_the_prose_pass_are_the_long_way() -> None:
    found = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        blocks = gijiroku.tokenize(text)
        watch = quality._prose(blocks, gijiroku.parse(text).utterances, text).rosters
        assert watch is not None
        got = watch.finish()
        assert got == _unread_rosters_the_long_way(blocks, text)
        found += len(got)
    assert found  # some sample has a list nobody read


# -- Roster.resolve_label: found by the parts object a label's turns share --------------------

_LABELS = [
    "議長",
    "山田委員",
    "佐藤委員長",
    "委員長",
    "４番（奈良祥孝君）",
    "迫川委員長",
    "総務課長",
]
_MEMBERS = [
    MemberDraft("m1", "山田太郎", "委員", surname="山田"),
    MemberDraft("m2", "佐藤花子", "委員長", roles=["委員長"], surname="佐藤"),
    MemberDraft("m3", "奈良祥孝", "議員", seat=4),
    MemberDraft("m4", "関一郎", "総務課長"),
]
_STEPS = st.one_of(
    st.tuples(st.just("label"), st.integers(0, len(_LABELS) - 1), st.booleans()),
    st.tuples(st.just("add"), st.integers(0, len(_MEMBERS) - 1), st.booleans()),
    st.tuples(st.just("preside"), st.integers(0, len(_MEMBERS) - 1), st.booleans()),
    st.tuples(st.just("evidence"), st.integers(0, 1), st.booleans()),
)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(_MEMBERS)), st.lists(_STEPS, max_size=30))
def test_labels_resolved_by_their_parts_object_are_resolved_afresh(
    printed: int, steps: list[tuple[str, int, bool]]
) -> None:
    evidence = Evidence()
    roster = Roster([replace(m) for m in _MEMBERS[:printed]], evidence=evidence)
    parts = [analyze_label(label) for label in _LABELS]  # one object a label, as the walk's
    added = 0
    for what, k, flag in steps:
        if what == "label":
            label = parts[k] if flag else replace(parts[k])  # (the same object, or an equal one)
            assert roster.resolve_label(label) == roster._resolve_label(label)
        elif what == "add":
            added += 1
            roster.add(replace(_MEMBERS[k], id=f"x{added}"))
        elif what == "preside":
            member = roster.members[k % len(roster.members)].id if roster else None
            roster.presides("委員長" if flag else "議長", member)
        elif flag:
            evidence.add_person(Person("迫川高行", "迫川", "委員長"))
        else:
            evidence.add_title(f"課長{k}")
