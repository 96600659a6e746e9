"""The roster shortcuts of issue 13, round 16, give what the long way gives.

- :func:`~gijiroku.blocks.groups_dict` reads a block's groups into a plain dictionary that
  says what the block's own mapping says;
- a roster reads each entry's groups once (:func:`~gijiroku.blocks.groups_dict`) and passes
  them to the table's cells, the entry's reading and its member, where each step looked them
  up in the block again; with the default hook it reads the entry without calling the hook;
- the parser asks :meth:`~gijiroku.meeting.MeetingBuilder.reads_text_at` of a block's
  children only when the block was not the last one read and the header is not over (a
  child lies inside its block's span: the answer would be False for each).
"""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import parser, rosters
from gijiroku.blocks import (
    Block,
    BlockKind,
    EntryLayout,
    MemberMeta,
    frozen_groups,
    groups_dict,
)
from gijiroku.meeting import MeetingBuilder
from gijiroku.names import OFFICES, split_compact_person, strip_honorific
from gijiroku.normalize import compact
from gijiroku.parser import ParseState
from gijiroku.rosters import EntryParts, RosterBuilder

from .conftest import SAMPLES, sample_paths

_GROUP_NAMES = st.sampled_from(["person", "name", "title", "seat", "group", "paren", "each", "x"])


@given(st.dictionaries(_GROUP_NAMES, st.text(max_size=6), max_size=6))
def test_groups_dict_says_what_the_mapping_says(groups: dict[str, str]) -> None:
    for mapping in (frozen_groups(dict(groups)), MappingProxyType(dict(groups))):
        read = groups_dict(mapping)
        assert read == dict(mapping.items()) == groups
        for name in ["person", "name", "title", "seat", "group", "paren", "each", "x"]:
            assert read.get(name) == mapping.get(name)
        assert len(read) == len(mapping)


def test_groups_dict_is_a_new_dictionary() -> None:
    original = {"name": "山田", "title": "委員"}
    read = groups_dict(original)
    read["name"] = "鈴木"
    assert original["name"] == "山田"


# -- the entries' groups read once -----------------------------------------------------------


def _read_entry_long_way(entry: Block, roster: RosterBuilder) -> EntryParts:
    """:func:`gijiroku.rosters.read_entry` as it was: each group looked up in the block."""
    meta = entry.meta
    layout = meta.layout if isinstance(meta, MemberMeta) else EntryLayout.PERSON
    groups = entry.groups
    if layout is EntryLayout.PADDED or layout is EntryLayout.RUN_TOGETHER:
        if layout is EntryLayout.RUN_TOGETHER:
            title, name, surname = rosters.split_run_together(entry.get("person") or "")
        else:
            printed = entry.get("name") or ""
            printed = rosters._SPACE_BEFORE_HONORIFIC_RE.sub("", printed)
            printed, _ = strip_honorific(printed)
            name, surname = rosters.split_padded_name(printed)
            title = compact(entry.get("title") or "") or None
        roles: list[str] = []
        if title is None:
            title, roles = roster.take_posts()
        return EntryParts(name or None, title, surname, roles)
    if layout is EntryLayout.LISTED and groups.get("name"):
        name, surname = rosters.split_padded_name(groups["name"])
        return EntryParts(name or None, compact(groups.get("title") or "") or None, surname, [])
    person = groups.get("person") or ""
    if layout is EntryLayout.COLUMNS:
        return rosters._read_columns(person, roster)
    name_part, _ = strip_honorific(compact(person))
    if name_part in OFFICES:
        return EntryParts(None, name_part, None, [])
    found_name, found_title = split_compact_person(
        name_part, known_titles=roster.known_titles, run_together=True
    )
    return EntryParts(found_name, found_title, None, [])


def _documents() -> Iterator[tuple[str, str]]:
    for path in [*sample_paths(), SAMPLES / "README.md"]:
        if path.exists():
            yield path.name, path.read_bytes().decode("utf-8")
    # rows the samples print rarely: a table one cell a line, a seat left without a name, a
    # title printed alone above a name, attendance in parentheses, a list's own group
    yield (
        "made",
        "\n".join(
            [
                "第1回委員会記録",
                "出席委員",
                "1",
                "番",
                "北 垣 寿",
                "成",
                "2",
                "議　長　　山　田　太　郎",
                "委員：奥村隆一、関谷昇(欠席)、",
                "佐藤一郎、鈴木花子(出席)",
                "欠席委員　なし",
                "説明員：山田総務課長、加藤会長、納所、保坂の各委員",
                "○山田委員長　開会します。",
            ]
        ),
    )


def _parsed(text: str) -> str:
    return gijiroku.parse(text, source_name="minutes.txt").model_dump_json()


def _with_the_hook_read_the_long_way(patched: pytest.MonkeyPatch) -> None:
    post_init = RosterBuilder.__post_init__

    def asking_the_hook(self: RosterBuilder) -> None:
        post_init(self)
        if self._reader is None:
            self._reader = _read_entry_long_way

    patched.setattr(RosterBuilder, "__post_init__", asking_the_hook)


@pytest.mark.parametrize("name_and_text", list(_documents()), ids=lambda pair: pair[0])
def test_rosters_read_each_entry_once_as_the_long_way_does(name_and_text: tuple[str, str]) -> None:
    _, text = name_and_text
    got = _parsed(text)
    with pytest.MonkeyPatch.context() as patched:
        _with_the_hook_read_the_long_way(patched)
        expected = _parsed(text)
    assert got == expected


def test_the_default_hook_is_not_called() -> None:
    called: list[Block] = []
    long_way = rosters.read_entry

    def counting(entry: Block, roster: RosterBuilder) -> EntryParts:
        called.append(entry)
        return long_way(entry, roster)

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(rosters, "read_entry", counting)
        minutes = gijiroku.parse((SAMPLES / "diet/shugiin-monka-2023-11-01.txt").read_bytes())
    assert minutes.members
    assert called == []


_ROW_WORDS = st.sampled_from(
    [
        *(
            "山田太郎",
            "鈴木",
            "委員",
            "委員長",
            "理事",
            "君",
            "(欠席)",
            "（出席）",
            "番",
            "１",
            "12",
        ),
        *(
            "\u3000",
            " ",
            "、",
            "，",
            ",",
            "|",
            "：",
            "の各",
            "以上",
            "ほか",
            "事務局",
            "説明員",
            "なし",
        ),
    ]
)


@given(st.lists(st.lists(_ROW_WORDS, min_size=1, max_size=8).map("".join), max_size=6))
def test_made_rosters_read_as_the_long_way_reads(rows: list[str]) -> None:
    text = "\n".join(["出席委員", *rows, "○山田委員長　開会します。"])
    got = _parsed(text)
    with pytest.MonkeyPatch.context() as patched:
        _with_the_hook_read_the_long_way(patched)
        expected = _parsed(text)
    assert got == expected


# -- a block's children and reads_text_at -----------------------------------------------------


def _children_long_way(state: ParseState, block: Block) -> None:
    """:func:`gijiroku.parser._children` as it was, checking what the shortcut assumes: no
    child is read where the block was the last one read or the header is over."""
    meeting = state.meeting
    skipped = meeting.header_over or meeting.last_block is block.span
    for child in block.children:
        assert block.span.start <= child.span.start <= child.span.end <= block.span.end
        reads = meeting.reads_text_at(child.span)
        assert not (skipped and reads)
        meta = child.meta
        if (meta is not None and meta.facts) or reads:
            meeting.facts_of(child)
        kind = child.kind
        if kind is BlockKind.MEMBER:
            if block.kind not in parser._LISTS:
                parser._mention(state, child)
        elif kind is BlockKind.PAGE:
            parser._page(state, child)
        elif kind is BlockKind.RUNNING_HEADER:
            parser._running_header(state, child)
        elif kind is BlockKind.FURNITURE:
            parser._furniture(state, child)
        elif kind is BlockKind.SECTION:
            parser._taken_up(state, child)
        elif kind is BlockKind.NOTE:
            parser._event_in_text(state, child)


@pytest.mark.parametrize("name_and_text", list(_documents()), ids=lambda pair: pair[0])
def test_children_are_read_as_the_long_way_reads_them(name_and_text: tuple[str, str]) -> None:
    _, text = name_and_text
    asked: list[int] = []
    reads_text_at = MeetingBuilder.reads_text_at

    def counted(self: MeetingBuilder, span: gijiroku.blocks.Pos) -> bool:
        asked.append(span.start)
        return reads_text_at(self, span)

    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(MeetingBuilder, "reads_text_at", counted)
        got = _parsed(text)
        asked_short = len(asked)
        patched.setattr(parser, "_children", _children_long_way)
        asked.clear()
        expected = _parsed(text)
    assert got == expected
    assert asked_short <= len(asked)


def test_the_children_of_roster_lines_read_just_before_are_not_asked() -> None:
    asked: list[int] = []
    reads_text_at = MeetingBuilder.reads_text_at

    def counted(self: MeetingBuilder, span: gijiroku.blocks.Pos) -> bool:
        asked.append(span.start)
        return reads_text_at(self, span)

    text = (SAMPLES / "council/mhlw-shakaihosho-21-2011-02-10.txt").read_bytes()
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(MeetingBuilder, "reads_text_at", counted)
        minutes = gijiroku.parse(text)
        asked_short = len(asked)
        patched.setattr(parser, "_children", _children_long_way)
        asked.clear()
        assert gijiroku.parse(text) == minutes
    assert len(minutes.members) > 30
    assert asked_short + len(minutes.members) <= len(asked)  # (no entry of theirs was asked)
