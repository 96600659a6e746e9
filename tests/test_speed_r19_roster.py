"""Roster entries (issue 13, round 19): the shortcuts of the roster handlers give what the long
way gives.

- The enum members the roster reads with (``rosters._MEMBER``, ``_PADDED`` …), and those the
  tokenizer, the parser, the quality and meeting passes compare every block with, are read
  once (in Python 3.11 each ``EnumClass.MEMBER`` takes the slow attribute path the enum
  metaclass's ``__getattr__`` sets): each is the member it names, and an entry of each layout is read by the function the
  layout names (the module docstring of :mod:`gijiroku.rosters`).
- A roster line's header record is made by a record maker (no names compared at each line):
  it is the record the validator makes of the same values, with the same fields set.
"""

from __future__ import annotations

import operator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gijiroku import meeting, parse, parser, quality, rosters, tokenizer
from gijiroku.blocks import (
    Block,
    BlockKind,
    EntryLayout,
    HeaderName,
    MemberMeta,
    Pos,
    frozen_groups,
)
from gijiroku.models import HeaderField
from gijiroku.names import OFFICES, split_person, strip_honorific
from gijiroku.normalize import compact, memo_scope

from .conftest import sample_paths

#: Enum members read once as module constants on hot paths (in Python 3.11 each
#: ``EnumClass.MEMBER`` takes the slow attribute path the enum metaclass's ``__getattr__``
#: sets): the module, the constant's name, the member it stands for.
_READ_ONCE = [
    (rosters, "_MEMBER", BlockKind.MEMBER),
    (rosters, "_PERSON", EntryLayout.PERSON),
    (rosters, "_PADDED", EntryLayout.PADDED),
    (rosters, "_RUN_TOGETHER", EntryLayout.RUN_TOGETHER),
    (rosters, "_LISTED", EntryLayout.LISTED),
    (rosters, "_COLUMNS", EntryLayout.COLUMNS),
    (tokenizer, "_MEMBER", BlockKind.MEMBER),
    (tokenizer, "_SECTION", BlockKind.SECTION),
    (tokenizer, "_TITLE", HeaderName.TITLE),
    (parser, "_MEMBER", BlockKind.MEMBER),
    (quality, "_MEMBER", BlockKind.MEMBER),
    (quality, "_HEADER", BlockKind.HEADER),
    (quality, "_ROSTER", BlockKind.ROSTER),
    (quality, "_UNMATCHED", BlockKind.UNMATCHED),
    (quality, "_PAGE_KINDS", (BlockKind.PAGE, BlockKind.RUNNING_HEADER)),
    (quality, "_UNNAMED_OR_NOTICE", (None, HeaderName.NOTICE)),
    (meeting, "_PROCEEDINGS", HeaderName.PROCEEDINGS),
    (meeting, "_HEADER_LINE_KINDS", (BlockKind.HEADER, BlockKind.UNMATCHED)),
    (meeting, "_TITLE", HeaderName.TITLE),
    (meeting, "_TIME", HeaderName.TIME),
    (meeting, "_VENUE", HeaderName.VENUE),
    (meeting, "_NUMBER", HeaderName.NUMBER),
    (meeting, "_DATE_NAMES", (HeaderName.DATETIME, HeaderName.DATE)),
]


@pytest.mark.parametrize(("module", "name", "member"), _READ_ONCE)
def test_enum_members_read_once_are_the_members(module: object, name: str, member: object) -> None:
    constant = getattr(module, name)
    if isinstance(member, tuple):
        assert constant == member
        assert all(map(operator.is_, constant, member))
    else:
        assert constant is member


#: Pieces of entries: names, titles, spaces, honorifics.
_PIECES = st.sampled_from(
    [
        "山田",
        "太郎",
        "鈴木",
        "花子",
        "委員",
        "委員長",
        "理事",
        "部長",
        "君",
        "議員",
        "\u3000",
        " ",
        "\u3000\u3000",
    ]
)
_ENTRY = st.lists(_PIECES, min_size=1, max_size=6).map("".join).filter(lambda s: s.strip(" \u3000"))


def _roster() -> rosters.RosterBuilder:
    return rosters.RosterBuilder(text="", known_titles=set())


@settings(max_examples=300, deadline=None)
@given(entry=_ENTRY)
def test_each_layout_is_read_by_its_function(entry: str) -> None:
    with memo_scope():
        padded = rosters._read_entry_groups(
            MemberMeta(layout=EntryLayout.PADDED), {"name": entry}, _roster()
        )
        printed = entry
        if "君" in printed or "議員" in printed:
            printed = rosters._SPACE_BEFORE_HONORIFIC_RE.sub("", printed)
        name, surname = rosters.split_padded_name(strip_honorific(printed)[0])
        assert (padded.name, padded.surname) == (name or None, surname)

        run = rosters._read_entry_groups(
            MemberMeta(layout=EntryLayout.RUN_TOGETHER), {"person": entry}, _roster()
        )
        title, name, surname = rosters.split_run_together(entry)
        assert (run.title, run.name, run.surname) == (title, name or None, surname)

        columns = rosters._read_entry_groups(
            MemberMeta(layout=EntryLayout.COLUMNS), {"person": entry}, _roster()
        )
        title, name, surname = rosters.split_entry(entry)
        assert (columns.title, columns.name, columns.surname) == (title, name or None, surname)

        listed = rosters._read_entry_groups(
            MemberMeta(layout=EntryLayout.LISTED), {"name": entry}, _roster()
        )
        name, surname = rosters.split_padded_name(entry)
        assert (listed.name, listed.surname) == (name or None, surname)

        person = rosters._read_entry_groups(
            MemberMeta(layout=EntryLayout.PERSON), {"person": entry}, _roster()
        )
        bare = strip_honorific(compact(entry))[0]
        expected = (None, bare) if bare in OFFICES else split_person(bare, run_together=True)
        assert (person.name, person.title) == expected


def test_roster_line_reads_member_children_only() -> None:
    """A row's children that are no entries (a page number) make no member."""
    text = "理事　山田　太郎君"
    span = Pos(0, len(text), 1, 1, None)
    member = Block(
        kind=BlockKind.MEMBER,
        span=span,
        groups=frozen_groups({"person": text}),
        meta=MemberMeta(layout=EntryLayout.COLUMNS),
    )
    page = Block(kind=BlockKind.PAGE, span=span, groups=frozen_groups({"text": text}))
    row = Block(kind=BlockKind.ROSTER, span=span, groups=frozen_groups({}), children=(page, member))
    roster = rosters.RosterBuilder(text=text, known_titles=set())
    with memo_scope():
        roster.roster_line(row)
    assert [(m.name, m.title) for m in roster.members] == [("山田太郎", "理事")]


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_roster_records_are_what_the_validator_makes(path: Path) -> None:
    minutes = parse(path.read_bytes())
    for field in minutes.header:
        if field.name != parser._ROSTER_NAME:
            continue
        validated = HeaderField(key=field.key, name=field.name, value=field.value, span=field.span)
        assert field == validated
        assert field.model_fields_set == validated.model_fields_set
        assert type(field.value) is str


def test_samples_hold_roster_records() -> None:
    """(The test above checks something: the samples print rosters.)"""
    records = [
        field
        for path in sample_paths()
        for field in parse(path.read_bytes()).header
        if field.name == parser._ROSTER_NAME
    ]
    assert len(records) > 100
