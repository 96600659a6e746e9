"""The roster and header shortcuts of issue 13, round 13, give what the long way gives.

- a roster entry printed as running text is compacted once: what :func:`strip_honorific`
  leaves of a compact text is compact, so it is looked up among the offices as it is and
  split by :func:`~gijiroku.names.split_compact_person` without compacting it again;
- :func:`~gijiroku.rosters.may_hold_titles` looks for its marks one by one;
- a roster row's own group is cleaned only when it is printed;
- :class:`~gijiroku.resolve.Roster` finds the members whose name starts with a text among
  those with the same first character, where it kept a table of every start of every name;
- the meeting's builder keeps the header's lines as blocks and reads the year they print
  only when a month and day need it (it read every line as it came).
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import meeting, rosters
from gijiroku.blocks import (
    Block,
    BlockKind,
    EntryLayout,
    HeaderMeta,
    HeaderName,
    MemberMeta,
    RosterMeta,
    UnmatchedMeta,
    groups_dict,
)
from gijiroku.meeting import MeetingBuilder
from gijiroku.names import (
    HONORIFICS,
    OFFICES,
    Evidence,
    Person,
    fold_variants,
    is_office,
    split_compact_person,
    split_person,
    strip_honorific,
)
from gijiroku.normalize import clean_text, compact, memo_scope
from gijiroku.resolve import Roster
from gijiroku.rosters import EntryParts, MemberDraft, RosterBuilder, may_hold_titles, read_entry

from .conftest import SAMPLES, sample_paths
from .test_speed_rosters12 import _entries_read

#: Characters that cleaning changes (half-width kana and their sound marks, full-width digits
#: and letters, spaces of every kind, zero-width marks), old forms, honorifics, titles.
_NAME_ALPHABET = st.sampled_from(
    [
        *"山田太郎花子髙﨑國渡邉ｶﾞﾊﾟｱｲﾞﾟｰ｡･１２Ａａ \u3000\t\u00a0\u200b\u00ad()（）",
        *"君議員さん氏様殿の各:：",
        "委員",
        "委員長",
        "事務局",
        "事務局長",
        "書記",
        "司会",
        "進行",
        "参事官",
        "(社会保障担当)",
        "総務課長",
        "部長",
        "日下",
        "情報政策部長",
        "荒井",
        "スポーツ振興局施設担当部長",
    ]
)
_NAMES = st.lists(_NAME_ALPHABET, max_size=10).map("".join)


def _evidences() -> list[set[str]]:
    return [
        set(),
        {"総務課長", "参事官", "情報政策部長"},
        Evidence(),
        Evidence(people=[Person("荒井俊之", title="施設担当部長")]),
        Evidence({"総務課長"}, people=[Person("山田太郎", title="委員"), Person("髙﨑花子")]),
        Evidence(people=[Person("山田太郎", surname="山田")]),
    ]


# -- a roster entry as running text: compacted once ------------------------------------------


@given(_NAMES)
def test_what_strip_honorific_leaves_of_a_compact_text_is_compact(text: str) -> None:
    with memo_scope():
        name_part, _ = strip_honorific(compact(text))
        assert compact(name_part) == name_part
        assert (name_part in OFFICES) == is_office(name_part)


@given(_NAMES, st.booleans())
def test_split_compact_person_is_split_person(text: str, run_together: bool) -> None:
    for known in _evidences():
        with memo_scope():
            body = strip_honorific(compact(text))[0]
            got = split_compact_person(body, known_titles=known, run_together=run_together)
        with memo_scope():
            expected = split_person(body, known_titles=known, run_together=run_together)
        assert got == expected, (text, known)


@pytest.mark.parametrize(
    ("text", "known"),
    [
        ("日下情報政策部長", {"情報政策部長"}),
        (
            "荒井スポーツ振興局施設担当部長",
            Evidence(people=[Person("荒井俊之", title="施設担当部長")]),
        ),
        ("事務局長", Evidence(people=[Person("山田太郎")])),
    ],
)
def test_split_compact_person_uses_what_the_document_knows(text: str, known: set[str]) -> None:
    with memo_scope():
        got = split_compact_person(text, known_titles=known, run_together=True)
        assert got == split_person(text, known_titles=known, run_together=True)
    assert got != (None, text) or text == "事務局長"


def test_split_compact_person_on_every_sample_entry() -> None:
    """Every piece of every sample line, as a roster entry reads it."""
    for path in sample_paths():
        for line in path.read_text(encoding="utf-8").splitlines()[:200]:
            for piece in line.replace("、", "|").replace(",", "|").split("|"):
                for known in _evidences():
                    with memo_scope():
                        body = strip_honorific(compact(piece))[0]
                        got = split_compact_person(body, known_titles=known, run_together=True)
                        assert (body in OFFICES) == is_office(body)
                    with memo_scope():
                        long_way = split_person(body, known_titles=known, run_together=True)
                    assert got == long_way, (path.name, piece)


# -- may_hold_titles -------------------------------------------------------------------------


def _may_hold_titles_long_way(text: str) -> bool:
    from gijiroku.names import TITLE_END_CHARS

    return not TITLE_END_CHARS.isdisjoint(text) or any(mark in text for mark in (":", "：", "の各"))


@given(_NAMES)
def test_may_hold_titles_is_the_long_way(text: str) -> None:
    assert may_hold_titles(text) == _may_hold_titles_long_way(text)


@pytest.mark.parametrize("text", ["山田:", "山田：", "山田の各", "山田の", "山田", "| a | b |"])
def test_may_hold_titles_on_examples(text: str) -> None:
    assert may_hold_titles(text) == _may_hold_titles_long_way(text)


# -- a row's own group -----------------------------------------------------------------------


@given(st.none() | _NAMES)
def test_a_rows_group_is_cleaned_only_when_printed(printed: str | None) -> None:
    with memo_scope():
        got = (clean_text(printed) or None) if printed else None
        assert got == (clean_text(printed or "") or None)


# -- the roster's names by their start -------------------------------------------------------


class _PrefixTableRoster(Roster):
    """The roster as it was: a table of every start (up to PREFIX characters) of every name."""

    def __init__(self, members: list[MemberDraft]) -> None:
        self._prefix: dict[str, list[MemberDraft]] = {}
        super().__init__(members)

    def add(self, member: MemberDraft) -> None:
        super().add(member)
        if member.name:
            name = fold_variants(member.name)
            for k in range(1, min(len(name), self.PREFIX) + 1):
                self._prefix.setdefault(name[:k], []).append(member)

    def _starting_with(self, start: str) -> list[MemberDraft]:
        if len(start) == 2 or len(start) <= 1:  # (_by_surname_and_title: label[:2])
            return list(self._prefix.get(start, []))
        candidates = self._prefix.get(start[: self.PREFIX], [])
        return [m for m in candidates if m.name and fold_variants(m.name).startswith(start)]


_MEMBER_NAMES = st.lists(st.sampled_from([*"山田髙高太郎花子中", "佐々木", "國"]), max_size=8).map(
    "".join
)
_TITLES = st.sampled_from([None, "委員", "委員長", "総務課長", "国務大臣", "部長"])


@st.composite
def _members(draw: st.DrawFn) -> list[MemberDraft]:
    members = []
    for k in range(draw(st.integers(min_value=0, max_value=8))):
        name = draw(st.none() | _MEMBER_NAMES)
        surname = draw(st.none() | st.sampled_from(["山田", "髙", "佐々木", "中"]))
        members.append(
            MemberDraft(f"m{k + 1}", name or None, draw(_TITLES), surname=surname, roles=[])
        )
    return members


@given(_members(), _MEMBER_NAMES, st.none() | _TITLES, _MEMBER_NAMES)
def test_roster_finds_names_by_their_start_as_the_table_did(
    members: list[MemberDraft], name: str, role: str | None, label: str
) -> None:
    new, old = Roster(members), _PrefixTableRoster(members)
    for start in {name, name[:1], name[:2], name[:7], label, label[:2]}:
        if start:
            assert new._starting_with(start) == old._starting_with(start), start
    with memo_scope():
        got = new.resolve(name=name or None, role=role)
        got_role = new.resolve(name=None, role=label + (role or "")) if label else None
    with memo_scope():
        expected = old.resolve(name=name or None, role=role)
        expected_role = old.resolve(name=None, role=label + (role or "")) if label else None
    assert got == expected
    assert got_role == expected_role


def test_roster_starting_with_on_a_long_name() -> None:
    members = [
        MemberDraft("m1", "オリンピック準備局長", None),
        MemberDraft("m2", "オリンピック準備", None),
        MemberDraft("m3", "オリ", None),
        MemberDraft("m4", "國井太郎", None),
    ]
    new, old = Roster(members), _PrefixTableRoster(members)
    for start in ("オリンピック準備局", "オリンピ", "オリ", "オ", "国井", "國", "国"):
        assert [m.id for m in new._starting_with(start)] == [
            m.id for m in old._starting_with(start)
        ], start
    assert [m.id for m in new._starting_with("オリンピック準")] == ["m1", "m2"]


# -- the header's year, read when needed -----------------------------------------------------


def _facts_of_long_way(self: MeetingBuilder, block: Block) -> None:
    """What the builder read of a block as it was."""
    for fact, value in block.meta.facts if block.meta is not None else ():
        self.fact(fact, value)
    if not self.header_over and block.span.start < meeting.HEADER_CHARS:
        _header_line_long_way(self, block)


def _header_line_long_way(self: MeetingBuilder, block: Block) -> None:
    """The header line as it was read: its text joined and its year read as it came."""
    last = self.last_block
    if last is not None and last.start <= block.span.start and block.span.end <= last.end:
        return
    self.last_block = block.span
    meta = block.meta
    name = meta.name if isinstance(meta, HeaderMeta) else None
    if (
        block.kind in meeting._BODY_KINDS
        or name is HeaderName.PROCEEDINGS
        or (isinstance(meta, UnmatchedMeta) and meta.region == "body")
    ):
        self.header_over = True
        return
    if (
        block.kind not in (BlockKind.HEADER, BlockKind.UNMATCHED)
        or name in meeting._NOT_THE_SITTING
    ):
        return
    text = "\n".join(value for value in block.groups.values() if value)
    self.header_lines.append(block)
    if self.printed_year is None and (name is None or name in meeting._YEAR_LINES):
        self.printed_year = meeting._printed_year(text, anywhere=name is HeaderName.TITLE)


def _parsed_both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    got = gijiroku.parse(text, source_name="minutes.txt").model_dump_json()
    with monkeypatch.context() as patched:
        patched.setattr(MeetingBuilder, "facts_of", _facts_of_long_way)
        patched.setattr(MeetingBuilder, "_header_year", lambda self: self.printed_year)
        expected = gijiroku.parse(text, source_name="minutes.txt").model_dump_json()
    return got, expected


_SPEECH = "○委員長　ただいまから委員会を開会いたします。"
_HEADER_LINES = [
    "令和5年度 第3回 教育委員会",
    "平成29年度 総務委員会",
    "令和 4年第5回臨時会(第1号 2月25日)",
    " 第6回委員会 (8月18日)",
    "日時 2月14日（水） 午後2時",
    "日時 1月5日",
    "選任 令和6年12月1日",
    "昭和二十二年十二月一日選任",
    "一月五日（月曜日）午前十時開会",
    "令和5年度予算特別委員会",
    "平成29年度～平成30年度 計画策定委員会",
    "出席委員（令和5年4月1日現在）",
    "会議録",
    "",
    "場所 本会議場",
    "〇令和3年度",
]


@pytest.mark.parametrize("lines", list(itertools.permutations(_HEADER_LINES[:5], 3))[:40])
def test_header_year_read_when_needed_on_orders_of_lines(
    lines: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    got, expected = _parsed_both_ways("\n".join([*lines, _SPEECH]) + "\n", monkeypatch)
    assert got == expected


@given(st.lists(st.sampled_from(_HEADER_LINES), min_size=1, max_size=6), st.booleans())
def test_header_year_read_when_needed(lines: list[str], speech: bool) -> None:
    text = "\n".join([*lines, _SPEECH] if speech else lines) + "\n"
    with pytest.MonkeyPatch.context() as monkeypatch:
        got, expected = _parsed_both_ways(text, monkeypatch)
    assert got == expected


def test_header_year_read_when_needed_on_every_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    paths = [*sample_paths(), SAMPLES / "README.md"]
    for path in paths:
        if path.exists():
            got, expected = _parsed_both_ways(path.read_text(encoding="utf-8"), monkeypatch)
            assert got == expected, path.name


# -- a roster row's entries: a person printed alone read without the groups it has not -------


def _roster_line_long_way(self: RosterBuilder, block: Block) -> None:
    """:meth:`RosterBuilder.roster_line` as it was: every group of every entry looked up."""
    entries = [c for c in block.children if c.kind is BlockKind.MEMBER]
    if self.in_changes:
        self._change_pair(block, entries)
        return
    own = clean_text(block.groups.get("group") or "") or None
    meta = block.meta
    inherits = meta.inherits_group if isinstance(meta, RosterMeta) else True
    group = own or (self.group if inherits else None)
    carried, self.carried_group = self.carried_group, None
    row: list[tuple[int, MemberDraft]] = []
    for entry in entries:
        groups = entry.groups
        if groups.get("nobody"):
            self.end_of_list()
            return
        if groups.get("post") and self._second_line(entry):
            continue
        if self._table_cell(entry, groups_dict(groups), carried or group):
            continue
        member = self.add_entry(entry, group=group, own_group=carried)
        row.append((entry.span.start, member))
        if groups.get("group"):
            carried = clean_text(groups["group"])
    if row:
        self.last_row = row
    span = block.span
    if self.text[span.start : span.end].rstrip(" \u3000\t").endswith(("、", "，", ",")):
        self.carried_group = carried


def _parsed_with_rosters_both_ways(text: str) -> tuple[str, str]:
    got = gijiroku.parse(text, source_name="minutes.txt").model_dump_json()
    with pytest.MonkeyPatch.context() as patched:
        patched.setattr(RosterBuilder, "roster_line", _roster_line_long_way)
        expected = gijiroku.parse(text, source_name="minutes.txt").model_dump_json()
    return got, expected


def test_roster_rows_read_as_the_long_way_on_every_sample() -> None:
    members = 0
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        got, expected = _parsed_with_rosters_both_ways(text)
        assert got == expected, path.name
        members += got.count('"entry"')
    assert members > 100  # (the samples' rosters were read)


_ROSTER_LINES = [
    "出席委員",
    "出席者",
    "欠席委員　なし",
    "委員長　山田太郎君",
    "　　理事　池田　佳隆君　理事　中村　裕之君",
    "　　　　　　井出　庸生君　　　　上杉謙太郎君",
    "岩瀬達哉委員 | 遠藤久夫委員 |",
    "香取政策統括官(社会保障担当) | 外口保険局長 |",
    "委員:奥村隆一、関谷昇、",
    "加藤会長、山田委員(座長)",
    "1",
    "番",
    "北 垣 寿",
    "成",
    "１番　吉　田　崇　仁　　２番　茂　木　　　修",
    "会計管理者兼",
    "会計課長　佐藤一郎",
    "（福祉事務所長）",
    "事務局:政策室長 冨田泰",
    "―――――――――――――",
    "○委員長　ただいまから委員会を開会いたします。",
]


@given(st.lists(st.sampled_from(_ROSTER_LINES), min_size=1, max_size=10))
def test_roster_rows_read_as_the_long_way(lines: list[str]) -> None:
    got, expected = _parsed_with_rosters_both_ways("\n".join(lines) + "\n")
    assert got == expected


# -- strip_honorific: the one honorific a name's last character names ------------------------


def _strip_honorific_long_way(name: str) -> tuple[str, str | None]:
    for honorific in HONORIFICS:
        if name.endswith(honorific) and len(name) > len(honorific):
            return name[: -len(honorific)], honorific
    return name, None


def test_no_two_honorifics_end_with_the_same_character() -> None:
    assert len({h[-1] for h in HONORIFICS}) == len(HONORIFICS)


@given(_NAMES)
def test_strip_honorific_is_the_long_way(name: str) -> None:
    assert strip_honorific(name) == _strip_honorific_long_way(name)


@pytest.mark.parametrize("name", ["君", "議員", "山田議員", "山田員", "田中さん", "ん", "", "様様"])
def test_strip_honorific_on_examples(name: str) -> None:
    assert strip_honorific(name) == _strip_honorific_long_way(name)


# -- read_entry: each layout reads only the groups it uses -----------------------------------


def _read_entry_long_way(entry: Block, roster: RosterBuilder) -> EntryParts:
    """:func:`read_entry` as it was: ``person`` and ``name`` read before the layout asks."""
    meta = entry.meta
    layout = meta.layout if isinstance(meta, MemberMeta) else EntryLayout.PERSON
    groups = entry.groups
    person = groups.get("person") or ""
    if layout is EntryLayout.PADDED or layout is EntryLayout.RUN_TOGETHER:
        return rosters._read_padded(
            groups_dict(groups), roster, run_together=layout is EntryLayout.RUN_TOGETHER
        )
    if layout is EntryLayout.COLUMNS:
        return rosters._read_columns(person, roster)
    printed_name = groups.get("name")
    if layout is EntryLayout.LISTED and printed_name:
        name, surname = rosters.split_padded_name(printed_name)
        return EntryParts(name or None, compact(groups.get("title") or "") or None, surname, [])
    name_part, _ = strip_honorific(compact(person))
    if is_office(name_part):
        return EntryParts(None, name_part, None, [])
    found_name, found_title = split_person(
        name_part, known_titles=roster.known_titles, run_together=True
    )
    return EntryParts(found_name, found_title, None, [])


def test_read_entry_is_the_long_way_on_every_sample() -> None:
    entries = 0
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        found = _entries_read(text, read_entry)
        assert found == _entries_read(text, _read_entry_long_way), path.name
        entries += len(found)
    assert entries > 300


@given(st.lists(st.sampled_from(_ROSTER_LINES), min_size=1, max_size=8))
def test_read_entry_is_the_long_way(lines: list[str]) -> None:
    text = "\n".join(lines) + "\n"
    assert _entries_read(text, read_entry) == _entries_read(text, _read_entry_long_way)


# -- split_entry: the empty pieces of a split on runs of spaces are at its ends ---------------


def _split_entry_long_way(entry: str) -> tuple[str | None, str, str | None]:
    body, _ = strip_honorific(entry.strip(" \u3000"))
    tokens = [t for t in rosters._SPACE_RUN_RE.split(body) if t]
    title: str | None = None
    if len(tokens) >= 2 and rosters._reads_as_title(tokens[0]):
        title, tokens = tokens[0], tokens[1:]
    return title, "".join(tokens), tokens[0] if len(tokens) >= 2 else None


_ENTRY_ALPHABET = st.sampled_from([*"理事池田佳隆君 \u3000\t（）()", "文部科学大臣", "議員"])


@given(st.lists(_ENTRY_ALPHABET, max_size=12).map("".join))
def test_split_entry_is_the_long_way(entry: str) -> None:
    with memo_scope():
        assert rosters.split_entry(entry) == _split_entry_long_way(entry)


@pytest.mark.parametrize(
    "entry", ["", " ", "\t", "\t理事　池田　佳隆君", "池田　君", "理事\t池田\t", "勝目　　康君"]
)
def test_split_entry_on_examples(entry: str) -> None:
    with memo_scope():
        assert rosters.split_entry(entry) == _split_entry_long_way(entry)
