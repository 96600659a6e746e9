"""Round 14, the walk of header blocks: each shortcut against the long way it replaces."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gijiroku
from gijiroku import parser
from gijiroku.blocks import Block, BlockKind, HeaderName
from gijiroku.dates import find_dates, may_hold_year_date
from gijiroku.meeting import HEADER_CHARS, MeetingBuilder

SAMPLES = Path(__file__).resolve().parents[1] / "samples"

#: Characters dates are made of, and what stands around them (file names, brackets, words).
_DATE_ALPHABET = (
    "0123456789０１２３４５６７８９〇一二三四五六七八九十百元"
    "令和平成昭大正明治年度月日"
    "MTSHRmtshrＭＴＳＨＲAaxＡａ"
    "/／.．-－~～（）()、 \u3000"
    "金曜第回号"
)


def _has_year_date(text: str) -> bool:
    """The long way: a date with a year among what find_dates reads."""
    return any(found.has_year for found in find_dates(text))


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_DATE_ALPHABET, max_size=40))
def test_year_date_gate_never_misses_a_date(text: str) -> None:
    if _has_year_date(text):
        assert may_hold_year_date(text)


#: Pieces of dates and of what is no date, strung together by hypothesis.
_DATE_PIECES = [
    "令和", "平成", "元", "5", "１２", "二〇二四", "十一", "年", "月", "日", "度", "R", "h",
    "Ｈ", "x", "2016", "2001", "1899", "1800", "2199", "2200", "-", ".", "/", "／", "－",
    "．", "(", "（", ")", "）", " ", "\u3000", "file", "第", "回", "（金）", "19:00", "～",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=12).map("".join))
def test_year_date_gate_on_pieces_of_dates(text: str) -> None:
    if _has_year_date(text):
        assert may_hold_year_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "令和 7年 2月14日",
        "平成 28 年 2 月 8 日（月）",
        "令和五年十一月二十九日（水曜日）",
        "R2.5.8",
        "Ｈ２８．２．８",
        "2020/5/8",
        "2020-05-08",
        "2020.5.8",
        "二〇二〇年五月八日",
        "2020(令和2)年5月8日",
        "2011年2月10日 第21回社会保障審議会議事録",
        "* 第1回: 2021年12月22日(水) 10時00分(JST)〜",
    ],
)
def test_year_date_gate_passes_dates(text: str) -> None:
    assert _has_year_date(text)
    assert may_hold_year_date(text)


@pytest.mark.parametrize(
    "text",
    [
        "| council/sendai-ict-2016-02-08.txt | 仙台市情報化推進会議 (第2回), PDF |",
        "| diet/sangiin-honkaigi-2023-11-29.txt | 参議院 本会議 第7号 (第212回国会) |",
        "十一月十四日（金曜日）",
        "出席委員",
        "version 1.2.3",
        "HR2.5.8",
    ],
)
def test_year_date_gate_refuses_lines_without_a_year_date(text: str) -> None:
    assert not _has_year_date(text)
    assert not may_hold_year_date(text)


def test_year_date_gate_on_every_sample_line() -> None:
    """Every line of the sample minutes with a date that prints its year passes the gate."""
    lines = [
        line
        for path in sorted(SAMPLES.rglob("*"))
        if path.suffix in (".txt", ".md")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
    ]
    assert len(lines) > 1000
    dated = [line for line in lines if _has_year_date(line)]
    assert dated  # (the samples print dates)
    assert all(may_hold_year_date(line) for line in dated)


# -- the walk: children of header lines, header records ---------------------------------------


def _children_the_long_way(state: parser.ParseState, block: Block) -> None:
    """:func:`gijiroku.parser._children` as it was: facts_of asked for every child in the
    header region, and the kinds tried in their old order."""
    meeting = state.meeting
    for child in block.children:
        meta = child.meta
        if (meta is not None and meta.facts) or (
            not meeting.header_over and child.span.start < HEADER_CHARS
        ):
            meeting.facts_of(child)
        if child.kind is BlockKind.PAGE:
            parser._page(state, child)
        elif child.kind is BlockKind.RUNNING_HEADER:
            parser._running_header(state, child)
        elif child.kind is BlockKind.FURNITURE:
            parser._furniture(state, child)
        elif child.kind is BlockKind.MEMBER and block.kind not in parser._LISTS:
            parser._mention(state, child)
        elif child.kind is BlockKind.SECTION:
            parser._taken_up(state, child)
        elif child.kind is BlockKind.NOTE:
            parser._event_in_text(state, child)


def _sample_files() -> list[Path]:
    return [p for p in sorted(SAMPLES.rglob("*")) if p.suffix in (".txt", ".md")]


@pytest.mark.parametrize("path", _sample_files(), ids=lambda p: p.name)
def test_children_shortcut_gives_the_same_minutes(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = path.read_bytes()
    fast = gijiroku.parse(data).model_dump_json()
    calls: list[int] = []
    facts_of = MeetingBuilder.facts_of

    def counted(self: MeetingBuilder, block: Block) -> None:
        calls.append(block.span.start)
        facts_of(self, block)

    monkeypatch.setattr(MeetingBuilder, "facts_of", counted)
    gijiroku.parse(data)
    fast_calls = len(calls)
    calls.clear()
    monkeypatch.setattr(parser, "_children", _children_the_long_way)
    slow = gijiroku.parse(data).model_dump_json()
    assert slow == fast
    assert fast_calls <= len(calls)  # (the shortcut asks no more often)


def test_children_shortcut_skips_the_entries_of_a_roster_line() -> None:
    """The entries of a roster line inside the header region, read with their line, are not
    handed to facts_of again (the shortcut's point), and the minutes do not change."""
    text = "第1回 委員会 議事録\n日時：令和6年5月17日\n出席者：林委員、山田委員、佐藤委員\n林委員　はい。\n"
    seen: list[BlockKind] = []
    facts_of = MeetingBuilder.facts_of

    def counted(self: MeetingBuilder, block: Block) -> None:
        seen.append(block.kind)
        facts_of(self, block)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(MeetingBuilder, "facts_of", counted)
        minutes = gijiroku.parse(text)
        assert BlockKind.MEMBER not in seen
        seen.clear()
        patch.setattr(parser, "_children", _children_the_long_way)
        assert gijiroku.parse(text) == minutes
        assert BlockKind.MEMBER in seen
    assert [m.name for m in minutes.members] == ["林", "山田", "佐藤"]


def test_field_names_are_the_enum_values() -> None:
    assert set(parser._FIELD_NAMES) == set(HeaderName)
    for name in HeaderName:
        assert parser._FIELD_NAMES[name] == name.value
        assert type(parser._FIELD_NAMES[name]) is str
