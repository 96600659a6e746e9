"""Summary minutes (要点記録): one case per convention, citing the sample line.

Samples: samples/notes/pyconjp-board-77-2025-12-08.md (pyconjp),
samples/notes/ict-kyouikukei-2013-05-01.md (ict).
"""

from __future__ import annotations

import datetime as dt

import pytest

import gijiroku
from gijiroku.models import Minutes, Section
from tests.conftest import read_sample


@pytest.fixture(scope="module")
def pyconjp() -> Minutes:
    return gijiroku.parse(read_sample("notes/pyconjp-board-77-2025-12-08.md"))


@pytest.fixture(scope="module")
def ict() -> Minutes:
    return gijiroku.parse(read_sample("notes/ict-kyouikukei-2013-05-01.md"))


def _section(m: Minutes, title: str) -> Section:
    return next(s for s in m.sections if s.title == title)


def test_detected_as_summary_with_no_turns(pyconjp: Minutes, ict: Minutes) -> None:
    assert (pyconjp.source.format, ict.source.format) == ("summary", "summary")
    assert pyconjp.utterances == ()
    assert ict.utterances == ()


def test_header_of_the_board_meeting(pyconjp: Minutes) -> None:
    # line 1 '# 2025年12月8日(月) 一般社団法人PyCon JP Association運営会議#77'
    # line 3 '* 日時: 2025年12月8日(月) 19:30-21:00', line 4 '* 場所: CMSコミュニケーションズ、Zoom'
    m = pyconjp.meeting
    assert (m.body, m.number, m.date) == (
        "一般社団法人PyCon JP Association運営会議",
        77,
        dt.date(2025, 12, 8),
    )
    assert (m.start_time, m.end_time, m.venue) == (
        "19:30",
        "21:00",
        "CMSコミュニケーションズ、Zoom",
    )


def test_header_of_the_study_group(ict: Minutes) -> None:
    # line 1 '# ICT演習教育系第3回 2013年5月1日'
    m = ict.meeting
    assert (m.body, m.number, m.date) == ("ICT演習教育系", 3, dt.date(2013, 5, 1))


@pytest.mark.parametrize(
    ("name", "title", "group"),
    [
        ("takanory", "理事", "理事"),  # line 6 '  * 理事: takanory, shimizukawa, …'
        ("yamage", "オブザーバー", "オブザーバー"),  # line 7 '  * オブザーバー: ike, sano, …'
    ],
)
def test_participants_by_group(pyconjp: Minutes, name: str, title: str, group: str) -> None:
    member = next(m for m in pyconjp.members if m.name == name)
    assert (member.title, member.group, member.attendance) == (title, group, "present")
    assert len(pyconjp.members) == 12


@pytest.mark.parametrize(
    ("name", "title", "roles"),
    [
        ("中野佑", "B4", ("マネージャー",)),  # line 4 '* B4 中野佑（マネージャー）'
        ("神谷", "先生", ("仲良くする人",)),  # line 3 '* 神谷先生（仲良くする人）'
        ("奥野", "先生", ("オブザーバー",)),  # line 17 '* 奥野先生（オブザーバー）'
    ],
)
def test_participants_section(ict: Minutes, name: str, title: str, roles: tuple[str, ...]) -> None:
    member = next(m for m in ict.members if m.name == name)
    assert (member.title, member.roles, member.attendance) == (title, roles, "present")
    assert len(ict.members) == 15


def test_sections_with_presenter_and_tags(pyconjp: Minutes) -> None:
    # line 11 '### PyCon JP 2025(nishimotz、高、報告)'
    section = _section(pyconjp, "PyCon JP 2025")
    assert (section.level, section.owner, section.tags) == (3, "nishimotz", ("高", "報告"))
    # line 142 '### 2025年 遠方支援(shimizukawa、低、共有)（12/8更新）': the meta is not the last group
    assert _section(pyconjp, "2025年 遠方支援").owner == "shimizukawa"
    # line 94: an unclosed meta group
    section = _section(pyconjp, "PyCon JPの一般社団法人とイベントチームの役割分担について")
    assert section.tags == ("高", "相談")


@pytest.mark.parametrize(
    ("section", "text", "kind", "owner", "depth"),
    [
        ("PyCon JP 2025", "解散しました(terada", "bullet", "terada", 1),  # line 27
        ("PyCon JP 2025", "sano) 会計の託児の助成金5万円については申請済みで、口座の確認をお願いしたい",
         "bullet", "sano", 1),  # line 42: said by
        ("PyCon JP 2026", "**TODO**: ルール考えてPyCon JP 2026側から提案する(sano, takanory",
         "todo", "sano, takanory", 2),  # line 90
        ("海外イベント参加予定", "【決定】来年度は初期から予算を決めて3000円*10回とか実施する",
         "decision", None, 1),  # line 306
        ("PyCon JP TV", "2月静岡かな(ボソ", "bullet", None, 2),  # line 234: not a name
    ],
)  # fmt: skip
def test_items(
    pyconjp: Minutes, section: str, text: str, kind: str, owner: str | None, depth: int
) -> None:
    found = [s for s in pyconjp.sections if s.title == section]
    item = next(i for s in found for i in s.items if i.text == text)
    assert (item.kind, item.owner, item.depth) == (kind, owner, depth)


def test_todo_heading_and_negation(ict: Minutes) -> None:
    # line 40 '### Todo': its bullets are to-dos; '（次回以降）' is a due time, not an owner
    todos = _section(ict, "Todo").items
    assert [i.kind for i in todos] == ["todo"] * 4
    assert all(i.owner is None for i in todos)
    # lines 24-26: '決まってる' is a decision, '決まってない' is not
    items = {i.text: i.kind for i in _section(ict, "今年やること説明").items}
    assert items["Hopeと連携するのは決まってる"] == "decision"
    assert items["これだけしか決まってない"] == "bullet"
    assert items["やることは議論中"] == "bullet"


def test_continuation_line_joins_its_bullet(ict: Minutes) -> None:
    # lines 53-54: '* コミットメッセージの書き方' / '  https://github.com/…'
    item = _section(ict, "追記（2013/05/08神谷）").items[0]
    assert (
        item.text
        == "コミットメッセージの書き方\nhttps://github.com/erlang/otp/wiki/Writing-good-commit-messages"
    )
    assert (item.span.line_start, item.span.line_end) == (53, 54)


def test_empty_todo_makes_its_children_todos(pyconjp: Minutes) -> None:
    # lines 283-284: '  * TODO: ' / '    * [コミュニティに…](…) ページを削除を進めます(shimizukawa'
    items = _section(pyconjp, "貸出物品に小物を出せるか検討").items
    child = next(i for i in items if i.text.endswith("ページを削除を進めます(shimizukawa"))
    assert (child.kind, child.owner) == ("todo", "shimizukawa")


@pytest.mark.parametrize(
    "name", ["notes/pyconjp-board-77-2025-12-08.md", "notes/ict-kyouikukei-2013-05-01.md"]
)
def test_nothing_is_lost(name: str) -> None:
    text = read_sample(name)
    assert gijiroku.parse(text).unaccounted(text) == []


def test_plain_notes_and_underlined_titles() -> None:
    text = "定例会 議事メモ\n==========\n\n* 日時: 2024年4月1日 10:00-11:00\n\n議題\n----\n1. 予算案を承認した\n2. TODO: 見積もりを取る(山田さん\n"
    m = gijiroku.parse(text)
    assert m.source.format == "summary"
    assert m.meeting.date == dt.date(2024, 4, 1)
    agenda = _section(m, "議題")
    assert [(i.kind, i.owner) for i in agenda.items] == [("decision", None), ("todo", "山田さん")]
