"""Committee minutes from PDF: one case per quirk, each citing the sample line it comes from.

Sample: samples/council/sendai-ict-2016-02-08.txt (line numbers are the file's).
"""

from __future__ import annotations

import pytest

import gijiroku
from gijiroku import BlockKind, tokenize
from gijiroku.models import Minutes


@pytest.fixture(scope="module")
def sendai() -> Minutes:
    from tests.conftest import read_sample

    return gijiroku.parse(read_sample("council/sendai-ict-2016-02-08.txt"), source_name="sendai")


def _turns(text: str) -> list[tuple[str, str | None, str | None, str]]:
    m = gijiroku.parse(text, format="committee")
    return [(u.speaker.label, u.speaker.name, u.speaker.role, u.text) for u in m.utterances]


# -- header -------------------------------------------------------------------------------------


def test_header_fields(sendai: Minutes) -> None:
    # line 1: ' 平成 27 年度 仙台市情報化推進会議（第 2回） 議事録 '
    # line 5: '日 時：平成 28 年 2 月 8 日（月） 13：30～15：00 '
    # line 7: '会 場：仙台市役所本庁舎 2 階 第三委員会室 '
    m = sendai.meeting
    assert m.title == "平成27年度 仙台市情報化推進会議（第2回） 議事録"
    assert m.body == "仙台市情報化推進会議"
    assert m.number == 2
    assert m.date is not None
    assert m.date.isoformat() == "2016-02-08"
    assert m.date_raw == "平成 28 年 2 月 8 日（月）"
    assert (m.start_time, m.end_time) == ("13:30", "15:00")
    assert m.venue == "仙台市役所本庁舎2階 第三委員会室"


@pytest.mark.parametrize(
    ("name", "title", "group", "roles", "attendance"),
    [
        # line 11: '及川委員、曽根委員(座長)、千葉委員、林委員、柳生委員、吉田委員 '
        ("及川", "委員", "仙台市情報化推進会議委員", (), "present"),
        ("曽根", "委員", "仙台市情報化推進会議委員", ("座長",), "present"),
        ("林", "委員", "仙台市情報化推進会議委員", (), "present"),
        # line 13: '（仙台市）：日下情報政策部長、渋谷情報政策課長、佐藤情報システム課長 '
        ("日下", "情報政策部長", "仙台市", (), "present"),
        ("渋谷", "情報政策課長", "仙台市", (), "present"),
        ("佐藤", "情報システム課長", "仙台市", (), "present"),
        # line 71: '本日欠席の熊谷委員から意見が寄せられているので、…'
        ("熊谷", "委員", None, (), "absent"),
    ],
)
def test_members(
    sendai: Minutes,
    name: str,
    title: str,
    group: str | None,
    roles: tuple[str, ...],
    attendance: str,
) -> None:
    member = next(m for m in sendai.members if m.name == name)
    assert (member.title, member.group, member.roles, member.attendance) == (
        title,
        group,
        roles,
        attendance,
    )


def test_office_line_is_a_member_not_a_turn(sendai: Minutes) -> None:
    # line 15: '事務局 まちづくり政策局情報政策部情報政策課 ' is in the header, not a turn
    office = next(m for m in sendai.members if m.title == "事務局")
    assert office.name is None
    assert office.group == "まちづくり政策局情報政策部情報政策課"
    assert office.span.line_start == 15
    assert all(u.span.line_start > 15 for u in sendai.utterances)
    assert len(sendai.members) == 11


def test_header_ends_at_the_start_note(sendai: Minutes) -> None:
    # line 19: '（開始 13：30）' is an event, and the first turn follows it
    assert [(e.kind, e.time) for e in sendai.events] == [("start", "13:30"), ("end", "15:00")]
    assert sendai.events[0].span.line_start == 19
    assert sendai.utterances[0].span.line_start == 21


# -- turns ----------------------------------------------------------------------------------------


def test_two_line_label(sendai: Minutes) -> None:
    # lines 21-25: '座長 ' / '（曽根委員） ' / '次第に基づき会議を進めるが、…'
    first = sendai.utterances[0]
    assert first.speaker.label == "座長（曽根委員）"
    assert (first.speaker.name, first.speaker.role) == ("曽根", "座長")
    assert first.text.startswith("次第に基づき会議を進めるが、予め委員の皆さんに確認")


@pytest.mark.parametrize(
    ("line", "label", "name", "member_title"),
    [
        (114, "座長", "曽根", "委員"),  # '座長 只今、事務局から資料について…'
        (148, "情報政策課長", "渋谷", "情報政策課長"),  # '情報政策課長 適切な表現を検討したい。'
        (200, "林委員", "林", "委員"),  # '林委員 ICT の利活用は口に出すのは…'
        (555, "情報政策部長", "日下", "情報政策部長"),  # '情報政策部長 先ほど柳生委員から…'
    ],
)
def test_labels_resolve_through_the_roster(
    sendai: Minutes, line: int, label: str, name: str, member_title: str
) -> None:
    turn = next(u for u in sendai.utterances if u.span.line_start == line)
    member = next(m for m in sendai.members if m.id == turn.speaker_id)
    assert (turn.speaker.label, turn.speaker.name, member.title) == (label, name, member_title)


def test_office_speaks_without_a_person(sendai: Minutes) -> None:
    # line 619: '事務局 子供に対する情報モラル教育については、…'
    turn = next(u for u in sendai.utterances if u.span.line_start == 619)
    assert (turn.speaker.label, turn.speaker.name, turn.speaker.role) == ("事務局", None, "事務局")
    assert turn.speaker_id is not None


def test_note_does_not_end_a_turn(sendai: Minutes) -> None:
    # lines 43-59: '二つ目は、…いかがか。' / '（了承）' / 'では、今回は名簿順に…' / '（了承）' / …
    turn = next(u for u in sendai.utterances if u.span.line_start == 43)
    assert turn.text.count("（了承）") == 2
    assert turn.text.endswith("それでは議事に入る。次第に従い、事務局から説明を願う。")
    assert [n.kind for n in turn.notes] == ["agreement", "agreement"]
    assert all(turn.text[n.start : n.end] == n.text for n in turn.notes)


def test_heading_opens_a_new_turn_by_the_same_speaker(sendai: Minutes) -> None:
    # line 31: '〔会議の公開について〕' then line 33 '一つ目は、…' with no label
    turn = next(u for u in sendai.utterances if u.span.line_start == 33)
    section = next(s for s in sendai.sections if s.id == turn.section_id)
    assert section.title == "会議の公開について"
    assert turn.continued
    assert turn.speaker.name == "曽根"


def test_sections(sendai: Minutes) -> None:
    # line 63: ' 〔議題（１）仙台市ＩＣＴ利活用方針 2016-2020 の策定について〕 '
    assert [(s.number, s.title) for s in sendai.sections] == [
        (None, "会議の公開について"),
        (None, "議事録署名委員"),
        (1, "議題（1）仙台市ICT利活用方針2016-2020の策定について"),
        (2, "議題（2）情報セキュリティ専門委員会の会議の経過及び結果について"),
        (3, "議題（3）その他"),
    ]
    by_section = [u.section_id for u in sendai.utterances]
    assert by_section.count("s3") == 34


def test_every_label_line_is_a_turn(sendai: Minutes) -> None:
    # 37 label lines + 2 turns opened by headings; line 549 '情報政策課長 基本的には、…' included
    assert len(sendai.utterances) == 42
    assert any(u.span.line_start == 549 for u in sendai.utterances)


# -- text ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # lines 25/27: 'いただきたいこと' + 'がある。 ': a broken line joins with no space
        (21, "確認いただきたいことがある。"),
        # lines 315/319/321: '標的型メール対' / '- 4 -' / '策として': joined across the page number
        (315, "標的型メール対策として全庁に向けたテスト"),
        # line 200: 'ICT の利活用は' → 'ICTの利活用は' (space between Latin and Japanese removed)
        (200, "ICTの利活用は口に出すのは簡単だが実際に行うのは難しいもので、ICTを"),
        # line 101: '「60 歳～79 歳で' → digits joined
        (67, "「60歳～79歳でインターネットの利用者が増加」"),
        # line 89: '資料 1-1 の 24 ページ'
        (67, "資料1-1の24ページ"),
        # line 654: '議題（２）' keeps the Japanese brackets, digit made half-width
        (654, "次に、議題（2）について、設置要綱第7条第7項"),
        # line 430: 'Office や Word は' keeps no space around Japanese
        (413, "OfficeやWordは"),
    ],
)
def test_text_normalization(sendai: Minutes, line: int, expected: str) -> None:
    turn = next(u for u in sendai.utterances if u.span.line_start == line)
    assert expected in turn.text


def test_paragraph_breaks_are_kept(sendai: Minutes) -> None:
    # lines 114-144: three paragraphs in one turn
    turn = next(u for u in sendai.utterances if u.span.line_start == 114)
    assert turn.text.count("\n") == 2


def test_page_marker_out_of_the_text(sendai: Minutes) -> None:
    # line 319: '- 4 -'
    assert [(p.kind, p.number, p.text, p.span.line_start) for p in sendai.layout] == [
        ("page", 4, "- 4 -", 319)
    ]
    assert all("- 4 -" not in u.text for u in sendai.utterances)
    after = next(u for u in sendai.utterances if u.span.line_start == 341)
    assert after.span.page == 5


@pytest.mark.parametrize(
    ("line", "note", "kind"),
    [
        (
            67,
            "（資料1-1、1-2に基づき説明）",
            "material",
        ),  # '情報政策課長 （資料 1-1、1-2 に基づき説明）'
        (33, "（了承）", "agreement"),  # line 37: '（了承）'
        (627, "(なし)", "no_comment"),  # line 629: '(なし)'
    ],
)
def test_notes_stay_in_the_text(sendai: Minutes, line: int, note: str, kind: str) -> None:
    turn = next(u for u in sendai.utterances if u.span.line_start == line)
    assert (note, kind) in [(n.text, n.kind) for n in turn.notes]
    assert note in turn.text


def test_ordinary_parentheses_are_not_notes(sendai: Minutes) -> None:
    # line 81: 'トップクラス(積極的に IT 活用できる)' is text, not a note
    turn = next(u for u in sendai.utterances if u.span.line_start == 67)
    assert [n.text for n in turn.notes] == ["（資料1-1、1-2に基づき説明）"]


def test_nothing_is_lost(sendai: Minutes, sendai_text: str) -> None:
    assert sendai.unaccounted(sendai_text) == []
    assert sendai.diagnostics == ()


# -- conventions from other committee minutes (no sample needed) ---------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("〇河野大臣： ただいまから開催いたします。", [("河野大臣", "河野", "大臣")]),
        ("座長（曽根委員） それでは始めます。", [("座長（曽根委員）", "曽根", "座長")]),
        (
            "岸田内閣総理大臣 本日は、御苦労さまです。",
            [("岸田内閣総理大臣", "岸田", "内閣総理大臣")],
        ),
        ("谷大臣 警察では、運転者管理システムを刷新します。", [("谷大臣", "谷", "大臣")]),
    ],
)
def test_labels_without_a_roster(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [t[:3] for t in _turns(text)] == expected


def test_page_marker_kinds() -> None:
    text = "座長 始めます。\n－2－\n林委員 はい。\nP.3\n事務局 以上です。\n"
    blocks = tokenize(text, format="committee")
    assert [b.kind for b in blocks] == [
        BlockKind.TURN,
        BlockKind.PAGE,
        BlockKind.TURN,
        BlockKind.PAGE,
        BlockKind.TURN,
    ]


# -- more committee layouts (issue 8) ------------------------------------------------------------


@pytest.fixture(scope="module")
def digital() -> Minutes:
    from tests.conftest import read_sample

    return gijiroku.parse(read_sample("council/digital-shakai-suishin-2023-06-06.txt"))


def test_numbered_header_with_values_below(digital: Minutes) -> None:
    # lines 3-9: '１  開催日時 ' / '令和５年６月６日（火）８：４５～８：５５ ' / '２  場所 ' / '総理大臣官邸２階大ホール '
    m = digital.meeting
    assert (m.title, m.body, m.number) == (
        "第4回デジタル社会推進会議 議事録",
        "デジタル社会推進会議",
        4,
    )
    assert (m.date.isoformat() if m.date else None, m.start_time, m.end_time) == (
        "2023-06-06",
        "08:45",
        "08:55",
    )
    assert m.venue == "総理大臣官邸2階大ホール"
    assert digital.diagnostics == ()


def test_colon_labels_with_a_mark_and_no_roster(digital: Minutes) -> None:
    # line 43: '\x0c〇河野大臣： ただいまから、第４回「デジタル社会推進会議」を開催いたします。…'
    first = digital.utterances[0]
    assert (first.speaker.mark, first.speaker.label, first.speaker.name, first.speaker.role) == (
        "〇",
        "河野大臣",
        "河野",
        "大臣",
    )
    assert [u.speaker.name for u in digital.utterances].count("河野") == 6
    # line 319: '〇岸田内閣総理大臣： …' — the longest title wins
    assert any(
        (u.speaker.name, u.speaker.role) == ("岸田", "内閣総理大臣") for u in digital.utterances
    )


def test_bare_page_numbers_and_form_feeds(digital: Minutes) -> None:
    # lines 35 '1 ' … 371 '6 ': the last line of each page; paragraphs join across them
    assert [mark.number for mark in digital.layout if mark.kind == "page"] == [1, 2, 3, 4, 5, 6]
    assert any(
        "防災デジタルプラットフォーム" in u.text for u in digital.utterances
    )  # lines 181/189


def test_note_between_paragraphs_keeps_its_offsets(digital: Minutes) -> None:
    # lines 305-309: '〇河野大臣： ありがとうございます。' / '（「異議なし」と声あり）' / 'それでは、…'
    turn = next(u for u in digital.utterances if "（「異議なし」と声あり）" in u.text)
    note = next(n for n in turn.notes if n.text == "（「異議なし」と声あり）")
    assert note.kind == "voices"
    assert turn.text[note.start : note.end] == note.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("【委員】 質問があります。", ("委員", None, "委員")),  # bracket label
        ("【山田委員】 質問があります。", ("山田委員", "山田", "委員")),
        ("委員長：それでは始めます。", ("委員長", None, "委員長")),  # colon, no mark
        ("Ａ委員 賛成します。", ("A委員", "A", "委員")),  # an anonymous member
        ("事務局（山田） 資料を説明します。", ("事務局（山田）", "山田", "事務局")),
        ("大 下 議 長 ただいまから会議を開きます。", ("大下議長", "大下", "議長")),  # letter-spaced
        ("山田（座長） それでは始めます。", ("山田（座長）", "山田", "座長")),  # name（role）
    ],
)
def test_label_conventions(line: str, expected: tuple[str, str | None, str]) -> None:
    m = gijiroku.parse("座長 はじめます。\n" + line + "\n", format="committee")
    turn = m.utterances[-1]
    assert (turn.speaker.label, turn.speaker.name, turn.speaker.role) == expected


def test_running_header_is_taken_out_and_recorded() -> None:
    body = [
        "座長 はじめます。 ",
        "林委員 質問します。 ",
        "事務局 回答します。 ",
        "座長 終わります。 ",
    ]
    pages = [
        f"○○市審議会 会議録 \n\n{text}\n\n（了承） \n\n－{n}－\n" for n, text in enumerate(body, 1)
    ]
    text = "○○市審議会 会議録 \n\n日 時：令和5年1月20日（金） \n\n" + "\f".join(pages)
    m = gijiroku.parse(text)
    assert [u.text for u in m.utterances] == [
        "はじめます。\n（了承）",
        "質問します。\n（了承）",
        "回答します。\n（了承）",
        "終わります。\n（了承）",
    ]
    assert [mark.kind for mark in m.layout].count("running_header") == 4
    assert m.meeting.title == "○○市審議会 会議録"
    assert m.unaccounted(text) == []
