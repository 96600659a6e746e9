"""National Diet minutes: one case per quirk, each citing the sample line it comes from.

Samples: samples/diet/shugiin-monka-2023-11-01.txt (monka), sangiin-honkaigi-2023-11-29.txt
(honkaigi), sangiin-zaisei-2024-08-23.txt (zaisei, CRLF and LF mixed).
"""

from __future__ import annotations

import datetime as dt

import pytest

import gijiroku
from gijiroku.models import Minutes
from tests.conftest import read_sample


@pytest.fixture(scope="module")
def monka() -> Minutes:
    return gijiroku.parse(read_sample("diet/shugiin-monka-2023-11-01.txt"))


@pytest.fixture(scope="module")
def honkaigi() -> Minutes:
    return gijiroku.parse(read_sample("diet/sangiin-honkaigi-2023-11-29.txt"))


@pytest.fixture(scope="module")
def zaisei() -> Minutes:
    return gijiroku.parse(read_sample("diet/sangiin-zaisei-2024-08-23.txt"))


def _turn(m: Minutes, line: int) -> gijiroku.Utterance:
    return next(u for u in m.utterances if u.span.line_start == line)


def test_detected_without_being_named(monka: Minutes, honkaigi: Minutes, zaisei: Minutes) -> None:
    assert {monka.source.format, honkaigi.source.format, zaisei.source.format} == {"diet"}


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        # monka line 26 '令和五年十一月一日（水曜日）', 27 '午後零時十一分開議', 212 '午後零時三十六分散会'
        ("monka", ("衆議院", 212, "文部科学委員会", 1, "2023-11-01", "12:11", "12:36")),
        # honkaigi line 4 '○議事日程　第七号': a plenary sitting, number 7
        ("honkaigi", ("参議院", 212, "本会議", 7, "2023-11-29", "17:11", "18:24")),
        # zaisei line 97 'ただいまから財政金融委員会を開会いたします。'; its number is not printed
        ("zaisei", ("参議院", 213, "財政金融委員会", None, "2024-08-23", "13:00", "15:36")),
    ],
)
def test_meeting(sample: str, expected: tuple[object, ...], request: pytest.FixtureRequest) -> None:
    m = request.getfixturevalue(sample).meeting
    assert (
        m.house,
        m.session,
        m.body,
        m.number,
        m.date.isoformat() if m.date else None,
        m.start_time,
        m.end_time,
    ) == expected


def test_first_date_line_is_not_the_meeting_date(monka: Minutes) -> None:
    # line 1 '本国会召集日（令和五年十月二十日）…' is the convocation, line 26 the meeting
    assert monka.meeting.date == dt.date(2023, 11, 1)
    assert monka.meeting.date_raw == "令和五年十一月一日（水曜日）"


def test_session_is_inferred_and_said_so(zaisei: Minutes) -> None:
    codes = [d.code for d in zaisei.diagnostics]
    assert "session-from-date" in codes


@pytest.mark.parametrize(
    ("sample", "line", "label", "name", "role"),
    [
        ("monka", 94, "田野瀬委員長", "田野瀬太道", "委員長"),  # surname + role, via 出席委員
        ("monka", 137, "盛山国務大臣", "盛山正仁", "国務大臣"),  # via the post 文部科学大臣
        ("monka", 183, "青山副大臣", "青山周平", "副大臣"),
        ("monka", 189, "今枝副大臣", "今枝宗一郎", "副大臣"),  # a five-character name
        ("monka", 195, "本田大臣政務官", "本田顕子", "大臣政務官"),
        ("honkaigi", 29, "議長（尾辻秀久君）", "尾辻秀久", "議長"),  # role（full name君）
        ("honkaigi", 42, "石井準一君", "石井準一", None),  # full name君 (plenary)
        ("zaisei", 97, "委員長（足立敏之君）", "足立敏之", "委員長"),
        ("zaisei", 191, "熊谷裕人君", "熊谷裕人", None),
    ],
)
def test_labels(
    sample: str,
    line: int,
    label: str,
    name: str,
    role: str | None,
    request: pytest.FixtureRequest,
) -> None:
    turn = _turn(request.getfixturevalue(sample), line)
    assert (turn.speaker.label, turn.speaker.name, turn.speaker.role) == (label, name, role)


def test_roster_resolution_sets_speaker_id(monka: Minutes, zaisei: Minutes) -> None:
    chair = _turn(monka, 94)
    member = next(m for m in monka.members if m.id == chair.speaker_id)
    assert (member.name, member.title, member.group) == ("田野瀬太道", "委員長", "出席委員")
    witness = next(u for u in zaisei.utterances if u.speaker.label == "参考人（植田和男君）")
    member = next(m for m in zaisei.members if m.id == witness.speaker_id)
    assert (member.title, member.group) == ("日本銀行総裁", "参考人")


@pytest.mark.parametrize(
    ("sample", "turns"),
    [("monka", 19), ("honkaigi", 36), ("zaisei", 122)],
)
def test_circle_lines_that_are_not_speeches(
    sample: str, turns: int, request: pytest.FixtureRequest
) -> None:
    # honkaigi 4 '○議事日程　第七号', 13 '○本日の会議に付した案件'; zaisei 83-85 '○…に関する件'
    m = request.getfixturevalue(sample)
    assert len(m.utterances) == turns
    assert not any(u.speaker.label.startswith(("議事日程", "本日の会議")) for u in m.utterances)


@pytest.mark.parametrize(
    ("name", "title", "group"),
    [
        ("池田佳隆", "理事", "出席委員"),  # monka 30 '理事　池田　佳隆君　理事　尾身　朝子君'
        ("勝目康", "委員", "出席委員"),  # monka 38 '勝目　　康君': padding removed
        ("岸信千世", "委員", "出席委員"),  # two columns on one line
        ("斎藤アレックス", "委員", "出席委員"),  # monka 49: a long name breaks the columns
        ("盛山正仁", "文部科学大臣", None),  # monka 51, after the dotted rule
        ("中村清", "文部科学委員会専門員", None),  # monka 56
    ],
)
def test_shugiin_roster(monka: Minutes, name: str, title: str, group: str | None) -> None:
    member = next(m for m in monka.members if m.name == name)
    assert (member.title, member.group, member.attendance) == (title, group, "present")


def test_convocation_roster_is_not_attendance(monka: Minutes) -> None:
    # lines 1-22: the committee at the start of the session; 三谷英弘 resigned before the meeting
    member = next(m for m in monka.members if m.name == "三谷英弘")
    assert (member.group, member.attendance) == ("本国会召集日の委員", "unknown")
    # 宮内秀樹 chaired at convocation (line 2) but attends as a plain member (line 44)
    member = next(m for m in monka.members if m.name == "宮内秀樹")
    assert member.title == "委員"


@pytest.mark.parametrize(
    ("name", "title", "roles", "group"),
    [
        # zaisei 46-51: '財務大臣' / '国務大臣' / '（内閣府特命担' / '当大臣（金融）' / '）　鈴木　俊一君'
        ("鈴木俊一", "財務大臣", ("国務大臣（内閣府特命担当大臣（金融））",), "国務大臣"),
        # zaisei 55-56: '内閣府大臣政務' / '官　　　神田　潤一君'
        ("神田潤一", "内閣府大臣政務官", (), "大臣政務官"),
        # zaisei 63-65: a post over three lines
        ("堀本善雄", "金融庁総合政策局政策立案総括審議官", (), "政府参考人"),
        ("白坂亜紀", "理事", (), "理事"),  # zaisei 20-21: '理　事' heading, names below
        ("矢倉克夫", "委員", ("財務副大臣",), "委員"),  # listed as 委員 (38) and 副大臣 (53)
    ],
)
def test_sangiin_roster(
    zaisei: Minutes, name: str, title: str, roles: tuple[str, ...], group: str
) -> None:
    member = next(m for m in zaisei.members if m.name == name)
    assert (member.title, member.roles, member.group, member.attendance) == (
        title,
        roles,
        group,
        "present",
    )


def test_membership_changes(zaisei: Minutes, monka: Minutes) -> None:
    # zaisei 5-7: '　八月七日' / '辞任　補欠選任' / '柳ヶ瀬裕文君　　藤巻　健史君'
    first = zaisei.membership_changes[0]
    assert (first.date, first.resigned, first.appointed) == (
        dt.date(2024, 8, 7),
        "柳ヶ瀬裕文",
        "藤巻健史",
    )
    assert len(zaisei.membership_changes) == 6
    # monka 79: a change written as a sentence is kept as text
    assert any(c.text.startswith("理事橘慶一郎君") for c in monka.membership_changes)


def test_agenda_items_are_sections(zaisei: Minutes, honkaigi: Minutes) -> None:
    # zaisei 83-94: '○財政及び金融等に関する調査' with sub-items, one wrapped over two lines
    titles = [(s.kind, s.level, s.title) for s in zaisei.sections]
    assert titles[2] == ("agenda", 1, "財政及び金融等に関する調査")
    assert ("agenda", 2, "（株式市場及び外国為替市場の動向に関する件）") in titles
    # honkaigi 14-17: an item wrapped at 22 characters
    assert honkaigi.sections[0].title.endswith("（石井準一君外十名発議）（委員会審査省略要求）")
    assert all(u.section_id is None for u in zaisei.utterances)


@pytest.mark.parametrize(
    ("sample", "line", "note", "kind"),
    [
        ("monka", 104, "〔「異議なし」と呼ぶ者あり〕", "voices"),  # line 106
        ("honkaigi", 34, "〔議案は本号末尾に掲載〕", "editorial"),  # line 38
        ("honkaigi", 34, "〔石井準一君登壇、拍手〕", "movement"),  # line 40
        ("honkaigi", 55, "〔賛成者起立〕", "vote"),  # line 57
        ("honkaigi", 42, "（拍手）", "applause"),  # inline at the end of a paragraph
        ("zaisei", 278, "〔委員長退席、理事山田太郎君着席〕", "chair_change"),  # line 282
    ],
)
def test_stage_directions_stay_in_the_turn(
    sample: str, line: int, note: str, kind: str, request: pytest.FixtureRequest
) -> None:
    turn = _turn(request.getfixturevalue(sample), line)
    assert (note, kind) in [(n.text, n.kind) for n in turn.notes]
    assert all(turn.text[n.start : n.end] == n.text for n in turn.notes)


def test_reading_gloss_is_not_a_note(monka: Minutes) -> None:
    # monka 155: '生命（いのち）の安全教育'
    turn = next(u for u in monka.utterances if "生命（いのち）" in u.text)
    assert all(n.text != "（いのち）" for n in turn.notes)


def test_closing_time_is_an_event_not_text(monka: Minutes) -> None:
    # line 212 '　　　　午後零時三十六分散会' is the last line of the last speech
    assert (monka.events[-1].kind, monka.events[-1].text) == ("end", "午後零時三十六分散会")
    assert "午後零時三十六分散会" not in monka.utterances[-1].text


def test_rules_are_layout(honkaigi: Minutes) -> None:
    # line 27 '　　　　　─────・─────'
    assert any(mark.text == "─────・─────" for mark in honkaigi.layout)
    assert all("─────" not in u.text for u in honkaigi.utterances)


def test_nothing_is_lost_in_the_samples() -> None:
    for name in (
        "shugiin-monka-2023-11-01",
        "sangiin-honkaigi-2023-11-29",
        "sangiin-zaisei-2024-08-23",
    ):
        text = read_sample(f"diet/{name}.txt")
        assert gijiroku.parse(text).unaccounted(text) == []


# -- conventions seen in other Diet minutes (no sample needed) -----------------------------------

HEADER = """令和六年三月一日（金曜日）
　　　　午前九時開議
　出席委員
　　　委員長　山田　太郎君
　　　理事　鈴木　一郎君　理事　鈴木　次郎君
　　　　　　佐藤　花子君
　　　　―――――――――――――
"""


def test_surname_that_fits_two_people_is_not_guessed() -> None:
    m = gijiroku.parse(
        HEADER + "\n○山田委員長　ただいまから開会します。\n\n○鈴木委員　質問します。\n"
    )
    chair, ambiguous = m.utterances
    assert chair.speaker.name == "山田太郎"
    assert ambiguous.speaker_id is None
    assert ambiguous.speaker.name == "鈴木"
    assert "ambiguous-speaker" in [d.code for d in m.diagnostics]


def test_given_name_hint_picks_one_of_two() -> None:
    m = gijiroku.parse(HEADER + "\n○鈴木（次）委員　質問します。\n")
    assert m.utterances[0].speaker.name == "鈴木次郎"


def test_chair_change_moves_a_bare_chair_label() -> None:
    text = HEADER + (
        "\n○委員長　ただいまから開会します。\n　　　〔委員長退席、理事鈴木一郎君着席〕\n"
        "\n○委員長　次に進みます。\n　　　〔理事鈴木一郎君退席、委員長着席〕\n"
        "\n○委員長　散会します。\n"
    )
    m = gijiroku.parse(text)
    assert [u.speaker.name for u in m.utterances] == ["山田太郎", "鈴木一郎", "山田太郎"]


def test_printed_title_wins() -> None:
    text = "第二百十二回国会　衆議院　文部科学委員会議録　第二号\n" + HEADER
    m = gijiroku.parse(text).meeting
    assert (m.session, m.house, m.body, m.number) == (212, "衆議院", "文部科学委員会", 2)
