"""Local-assembly minutes: one case per quirk, each citing the sample line it comes from.

Samples in samples/assembly/ (line numbers are the file's; katsushika is CRLF, same lines):
hakodate-2024-02-22 (DiscussNet), aomori-2024-12-25 and sendai-dx-2024-12-26 (DB-Search),
katsushika-2025-02-14 (kensakusystem), tokyo-rwc-2016-01-29 (東京都議会 速記録). Shapes the
samples do not show are written out in the test, with the council whose minutes print them.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gijiroku
from gijiroku.formats.assembly import survey
from gijiroku.models import Minutes, Utterance
from tests.conftest import read_sample

SAMPLES = {
    "hakodate": "assembly/hakodate-2024-02-22.txt",
    "aomori": "assembly/aomori-2024-12-25.txt",
    "katsushika": "assembly/katsushika-2025-02-14.txt",
    "sendai": "assembly/sendai-dx-2024-12-26.txt",
    "tokyo": "assembly/tokyo-rwc-2016-01-29.txt",
}


@pytest.fixture(scope="module")
def parsed() -> dict[str, Minutes]:
    return {
        key: gijiroku.parse(read_sample(path), source_name=path.rsplit("/", 1)[1])
        for key, path in SAMPLES.items()
    }


def _turn(m: Minutes, line: int) -> Utterance:
    return next(u for u in m.utterances if u.span.line_start == line)


def _member(m: Minutes, name: str) -> gijiroku.Member:
    return next(x for x in m.members if x.name == name)


def _assembly(text: str) -> Minutes:
    return gijiroku.parse(text, format="assembly")


def test_detected_without_being_named(parsed: dict[str, Minutes]) -> None:
    assert {m.source.format for m in parsed.values()} == {"assembly"}


@pytest.mark.parametrize("key", sorted(SAMPLES))
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_detected_whatever_the_line_ends(key: str, newline: str) -> None:
    # tokyo-rwc looks most like the Diet; its roster (line 4 '委員長吉原　　修君') and 出席説明員
    # (line 16) are an assembly's under CRLF too
    text = read_sample(SAMPLES[key]).replace("\r\n", "\n").replace("\n", newline)
    assert gijiroku.detect_format(text).name == "assembly"


# -- labels -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "line", "mark", "name", "role", "seat", "honorific"),
    [
        # hakodate 113 '○議長（吉田崇仁）　おはようございます。': role（name）, no 君
        ("hakodate", 113, "○", "吉田崇仁", "議長", None, None),
        # hakodate 138 '◆総務常任委員長（島昌之）　閉会中に…': ◆ a member (DiscussNet)
        ("hakodate", 138, "◆", "島昌之", "総務常任委員長", None, None),
        # hakodate 176 '◎市長（大泉潤）　令和６年第１回…': ◎ an executive (DiscussNet)
        ("hakodate", 176, "◎", "大泉潤", "市長", None, None),
        # aomori 2 '◯議長（奈良岡隆君）　これより本日の会議を開きます。': ◯ U+25EF, role（name君）
        ("aomori", 2, "◯", "奈良岡隆", "議長", None, "君"),
        # aomori 12 '◯４番（奈良祥孝君）　おはようございます。…': seat（name君）
        ("aomori", 12, "◯", "奈良祥孝", None, 4, "君"),
        # aomori 57 '◯27番（小倉尚裕君）　…': a seat in half-width digits
        ("aomori", 57, "◯", "小倉尚裕", None, 27, "君"),
        # katsushika 143 '○（伊藤よしのり議長）　…': （name role）
        ("katsushika", 143, "○", "伊藤よしのり", "議長", None, None),
        # katsushika 323 '○（植竹　貴副区長）　…': a space inside the name; 副区長 before 区長
        ("katsushika", 323, "○", "植竹貴", "副区長", None, None),
        # katsushika 291 '○（久保洋子教育委員）　…': 教育委員 before 委員
        ("katsushika", 291, "○", "久保洋子", "教育委員", None, None),
        # katsushika 367 '○２２番（筒井たかひさ議員）　…': seat（name議員）
        ("katsushika", 367, "○", "筒井たかひさ", None, 22, "議員"),
        # tokyo 46 '○吉原委員長　ただいまから…': surname + role, the roster completes the name
        ("tokyo", 46, "○", "吉原修", "委員長", None, None),
        # tokyo 69 '○川松委員　去年の秋、…'
        ("tokyo", 69, "○", "川松真一朗", "委員", None, None),
        # tokyo 50 '○中嶋オリンピック・パラリンピック準備局長　…': surname + bureau + title; the
        # roster (line 17) prints the title as …準備局局長
        ("tokyo", 50, "○", "中嶋正宏", "オリンピック・パラリンピック準備局長", None, None),
        # tokyo 55 '○土屋オリンピック・パラリンピック準備局国際大会準備担当部長　それでは、…'
        (
            "tokyo",
            55,
            "○",
            "土屋太郎",
            "オリンピック・パラリンピック準備局国際大会準備担当部長",
            None,
            None,
        ),
        # tokyo 133 '○田中オリンピック・パラリンピック準備局スポーツ施設担当部長　…': two 田中 on
        # the roster (lines 31, 40); the title picks 田中慎一
        (
            "tokyo",
            133,
            "○",
            "田中慎一",
            "オリンピック・パラリンピック準備局スポーツ施設担当部長",
            None,
            None,
        ),
        # sendai 2 '◯委員長　　ただいまから…': role alone, two 　 after it, no roster
        ("sendai", 2, "◯", None, "委員長", None, None),
        # sendai 204 '◯副委員長　　まず、…': 副委員長 is a title, not 副 + 委員長
        ("sendai", 204, "◯", None, "副委員長", None, None),
        # sendai 8 '◯デジタル戦略推進部長　　では、…': a department, not a name
        ("sendai", 8, "◯", None, "デジタル戦略推進部長", None, None),
        # sendai 79 '◯福田ようすけ委員　　まずは、…': a name in kana before 委員
        ("sendai", 79, "◯", "福田ようすけ", "委員", None, None),
        # sendai 141 '◯ひぐちのりこ委員　　まず初めに…': a name all in hiragana
        ("sendai", 141, "◯", "ひぐちのりこ", "委員", None, None),
    ],
)
def test_label_shapes(
    parsed: dict[str, Minutes],
    sample: str,
    line: int,
    mark: str,
    name: str | None,
    role: str | None,
    seat: int | None,
    honorific: str | None,
) -> None:
    speaker = _turn(parsed[sample], line).speaker
    assert (speaker.mark, speaker.name, speaker.role, speaker.seat, speaker.honorific) == (
        mark,
        name,
        role,
        seat,
        honorific,
    )


@pytest.mark.parametrize(
    ("line", "label", "name", "role", "seat"),
    [
        # 川西町 (PDF text): a letter-spaced role, ASCII space before the text
        (
            "〇議 長（弓仲利博議員） おはようございます。",
            "議長（弓仲利博議員）",
            "弓仲利博",
            "議長",
            None,
        ),
        # 川西町: seat + 議員 outside and inside the parentheses
        ("〇１２番議員（芝 和也議員） はい、…", "12番議員（芝和也議員）", "芝和也", None, 12),
        # 松島町-type: seat and a spaced name, no parentheses
        ("〇14番　松村　潤議員 質問いたします。", "14番松村潤議員", "松村潤", None, 14),
        # a letter-spaced title alone
        ("〇町 長 それでは、ご説明いたします。", "町長", None, "町長", None),
        # name + role, no parentheses
        ("〇松島茂喜議長 ただいまから会議を開きます。", "松島茂喜議長", "松島茂喜", "議長", None),
        # （name君）
        ("○（山田太郎君）　質問します。", "（山田太郎君）", "山田太郎", None, None),
        # a space after the mark
        ("○　當山清彦議長　日程第１を議題とします。", "當山清彦議長", "當山清彦", "議長", None),
        # a colon after the label, and no space at all after its parenthesis
        (
            "○議長（山田太郎君）：ただいまから会議を開きます。",
            "議長（山田太郎君）",
            "山田太郎",
            "議長",
            None,
        ),
        (
            "○議長（山田太郎君）ただいまから会議を開きます。",
            "議長（山田太郎君）",
            "山田太郎",
            "議長",
            None,
        ),
    ],
)
def test_label_shapes_of_other_councils(
    line: str, label: str, name: str | None, role: str | None, seat: int | None
) -> None:
    m = _assembly(f"{line}\n")
    speaker = m.utterances[0].speaker
    assert (speaker.label, speaker.name, speaker.role, speaker.seat) == (label, name, role, seat)


def test_a_label_alone_takes_the_text_below() -> None:
    # ニセコ町: '○議長（青羽雄士君）' alone on its line, the speech on the next
    m = _assembly("○議長（青羽雄士君）\n　ただいまから会議を開きます。\n")
    assert [(u.speaker.name, u.text) for u in m.utterances] == [
        ("青羽雄士", "ただいまから会議を開きます。")
    ]


@pytest.mark.parametrize(
    ("sample", "line"),
    [
        ("hakodate", 10),  # '〇議事日程': U+3007 before a header label
        ("hakodate", 38),  # '〇出席議員（２６人）'
        ("hakodate", 69),  # '〇説明員'
        ("hakodate", 106),  # '〇事務局出席職員'
        ("katsushika", 4),  # '○議事日程': the speech mark before a header label
    ],
)
def test_header_labels_are_not_speakers(parsed: dict[str, Minutes], sample: str, line: int) -> None:
    m = parsed[sample]
    assert all(u.span.line_start != line for u in m.utterances)
    assert any(h.span.line_start == line for h in m.header)


def test_kanji_zero_is_not_a_mark() -> None:
    # tokyo prints 二〇一九 137 times; wrapped, 〇 would start a line
    m = _assembly("○吉原委員長　ラグビーワールドカップ二\n〇一九年大会について伺います。\n")
    assert len(m.utterances) == 1
    assert m.utterances[0].text.endswith("〇一九年大会について伺います。")


def test_every_mark_line_is_one_turn(parsed: dict[str, Minutes]) -> None:
    # aomori 309 and 311 are both '◯議長（奈良岡隆君）': consecutive turns stay apart
    m = parsed["aomori"]
    assert [u.span.line_start for u in m.utterances if 305 <= u.span.line_start <= 312] == [
        309,
        311,
    ]
    assert len(m.utterances) == 122


# -- what a mark means ----------------------------------------------------------------------------


def test_marks_speak_in_discussnet_minutes(parsed: dict[str, Minutes]) -> None:
    # hakodate prints ◆ and ◎ before 'label（name）　text' (lines 138, 176)
    assert dict(survey(read_sample(SAMPLES["hakodate"]))) == {"◎": "speaker", "◆": "speaker"}
    assert {u.speaker.mark for u in parsed["hakodate"].utterances} == {"○", "◆", "◎"}


def test_marks_head_sections_in_other_minutes() -> None:
    # ◎開会の宣告 / ◎日程第１　会議録署名議員の指名 / △日程第２ + title below (other councils)
    text = (
        "◎開会の宣告\n"
        "○議長（後藤篤人君）　ただいまから本日の会議を開きます。\n"
        "◎日程第１　会議録署名議員の指名\n"
        "○議長（後藤篤人君）　日程第１、会議録署名議員の指名を行います。\n"
        "△日程第２\n"
        "　一般質問\n"
        "○議長（後藤篤人君）　一般質問を行います。\n"
    )
    assert dict(survey(text)) == {"◎": "heading"}
    m = _assembly(text)
    assert [(s.kind, s.number, s.title) for s in m.sections] == [
        ("heading", None, "開会の宣告"),
        ("heading", 1, "会議録署名議員の指名"),
        ("heading", 2, "一般質問"),
    ]
    assert [u.section_id for u in m.utterances] == ["s1", "s2", "s3"]


# -- rosters --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "name", "title", "seat", "attendance", "group"),
    [
        # hakodate 39 '　　　１番　吉　田　崇　仁': one column, seat + letter-spaced name
        ("hakodate", "吉田崇仁", "議員", 1, "present", "出席議員"),
        # hakodate 44 '　　６番　茂　木　　　修': a short name padded to the field
        ("hakodate", "茂木修", "議員", 6, "present", "出席議員"),
        # hakodate 66-67 '〇欠席議員（１人）' / '２５番　高　橋　千　晶'
        ("hakodate", "高橋千晶", "議員", 25, "absent", "欠席議員"),
        # hakodate 70 '　　　　市長　　　　　大　泉　　　潤': title + padded name
        ("hakodate", "大泉潤", "市長", None, "present", "説明員"),
        # hakodate 79-80 '子ども未来部長' / '　　　宿　村　篤　由': a long title above its name
        ("hakodate", "宿村篤由", "子ども未来部長", None, "present", "説明員"),
        # hakodate 107 '　　　　事務局長　　　瀬　戸　義　夫'
        ("hakodate", "瀬戸義夫", "事務局長", None, "present", "事務局出席職員"),
        # katsushika 6 '１番　　むらまつ　勝康　　　…　２番　　おおにし　順子': two columns
        ("katsushika", "むらまつ勝康", "議員", 1, "present", "出席議員"),
        ("katsushika", "おおにし順子", "議員", 2, "present", "出席議員"),
        # katsushika 7 '３番　　つ　た　えりな': a letter-spaced kana name
        ("katsushika", "つたえりな", "議員", 3, "present", "出席議員"),
        # katsushika 33-34 '政策経営部長兼務　…長　南　幸　紀' / 'ＳＤＧｓ推進担当部長': 兼務 goes on
        (
            "katsushika",
            "長南幸紀",
            "政策経営部長兼務SDGs推進担当部長",
            None,
            "present",
            "出席説明員",
        ),
        # katsushika 35 'ＤＸ推進担当部長　…福　島　啓　介': the next entry keeps its own title
        ("katsushika", "福島啓介", "DX推進担当部長", None, "present", "出席説明員"),
        # katsushika 62 '事務局長　　杉　立　敏　也　　　　次長　　南　部　　　剛': two columns
        ("katsushika", "杉立敏也", "事務局長", None, "present", "区議会事務局"),
        ("katsushika", "南部剛", "次長", None, "present", "区議会事務局"),
        # tokyo 4 '委員長吉原　　修君': title and name run together in a 5-cell field
        ("tokyo", "吉原修", "委員長", None, "present", "出席委員"),
        # tokyo 5 '副委員長伊藤こういち君': a long name printed solid
        ("tokyo", "伊藤こういち", "副委員長", None, "present", "出席委員"),
        # tokyo 7 '川松真一朗君': no title, the heading's 委員
        ("tokyo", "川松真一朗", "委員", None, "present", "出席委員"),
        # tokyo 17 'オリンピック・パラリンピック準備局局長中嶋　正宏君'
        (
            "tokyo",
            "中嶋正宏",
            "オリンピック・パラリンピック準備局局長",
            None,
            "present",
            "出席説明員",
        ),
        # tokyo 25 '総合調整部長児玉英一郎君'
        ("tokyo", "児玉英一郎", "総合調整部長", None, "present", "出席説明員"),
        # aomori prints no roster: a seat label makes a member (line 12 '◯４番（奈良祥孝君）')
        ("aomori", "奈良祥孝", "議員", 4, "present", None),
        # katsushika 291 '○（久保洋子教育委員）': newly appointed, on no roster
        ("katsushika", "久保洋子", "教育委員", None, "present", None),
    ],
)
def test_roster_layouts(
    parsed: dict[str, Minutes],
    sample: str,
    name: str,
    title: str,
    seat: int | None,
    attendance: str,
    group: str | None,
) -> None:
    member = _member(parsed[sample], name)
    assert (member.title, member.seat, member.attendance, member.group) == (
        title,
        seat,
        attendance,
        group,
    )


@pytest.mark.parametrize(
    ("sample", "count"),
    # hakodate '〇出席議員（２６人）' 26 + 1 absent + 30 説明員 + 3 事務局; katsushika '（３８名）'
    # 38 + 1 + 27 + 7 + 久保洋子; tokyo '出席委員　十一名' 11 + 24 説明員
    [("hakodate", 59), ("katsushika", 74), ("tokyo", 35)],
)
def test_every_roster_entry_is_a_member(
    parsed: dict[str, Minutes], sample: str, count: int
) -> None:
    assert len(parsed[sample].members) == count


def test_seat_numbers_resolve_speakers(parsed: dict[str, Minutes]) -> None:
    # katsushika 367 '○２２番（筒井たかひさ議員）' is roster line 15's '２２番　　筒井　たかひさ'
    m = parsed["katsushika"]
    member = next(x for x in m.members if x.id == _turn(m, 367).speaker_id)
    assert (member.name, member.seat) == ("筒井たかひさ", 22)


def test_roster_names_with_kun_and_long_headings() -> None:
    # other councils: 君 after a letter-spaced name, headings with the law's article
    text = (
        "〇出席議員（２名）\n"
        "　　１番　　山　田　太　郎　君　　　　２番　　鈴　木　一　郎　君\n"
        "地方自治法第１２１条の規定により説明のため出席した者\n"
        "　　市長　　　　佐　藤　次　郎　君\n"
        "○議長（山田太郎君）　ただいまから会議を開きます。\n"
    )
    m = _assembly(text)
    assert [(x.name, x.title, x.seat) for x in m.members] == [
        ("山田太郎", "議員", 1),
        ("鈴木一郎", "議員", 2),
        ("佐藤次郎", "市長", None),
    ]
    assert m.utterances[0].speaker_id == "m1"


# -- sections -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "line", "kind", "number", "level", "title"),
    [
        # hakodate 11-12 '日程第１' / '　会議録署名議員の指名': the order of the day, number apart
        ("hakodate", 11, "agenda", 1, 1, "会議録署名議員の指名"),
        # hakodate 15-17: '（総務・経済建設常任委員会および議会運営委員会）' is the item's subtitle
        (
            "hakodate",
            15,
            "agenda",
            3,
            1,
            "閉会中継続調査報告（総務・経済建設常任委員会および議会運営委員会）",
        ),
        # hakodate 22 '　報告第１号　令和６（２０２４）年度…': a sub-item of 日程第５
        (
            "hakodate",
            22,
            "agenda",
            1,
            2,
            "報告第1号\u3000令和6（2024）年度公益財団法人南北海道学術振興財団事業計画の報告について",
        ),
        # katsushika 69 '　第　１　　会期について': letter-spaced numbering
        ("katsushika", 69, "agenda", 1, 1, "会期について"),
        # katsushika 77-78 '…補正予' / '　　　…算（第２号）': a wrapped title
        (
            "katsushika",
            77,
            "agenda",
            9,
            1,
            "議案第8号\u3000令和6年度葛飾区後期高齢者医療事業特別会計補正予算（第2号）",
        ),
        # tokyo 44 '・ラグビーワールドカップ二〇一九の…（説明・質疑）': a bullet under 報告事項
        (
            "tokyo",
            44,
            "agenda",
            None,
            2,
            "・ラグビーワールドカップ二〇一九の東京都における経済波及効果について（説明・質疑）",
        ),
        # aomori 5-6 '日程第１　議案第146号　…　～' / '日程第３　…': a range between turns
        (
            "aomori",
            5,
            "heading",
            1,
            1,
            "議案第146号\u3000青森市職員定数条例の一部を改正する条例の制定について\u3000～\u3000"
            "日程第3議案第170号\u3000青森市職員の給与に関する条例等の一部を改正する条例の制定について",
        ),
        # aomori 508 '　閉　会': a letter-spaced heading after a rule
        ("aomori", 508, "heading", None, 1, "閉会"),
        # hakodate 118 '○議長（吉田崇仁）　日程第１　会議録署名議員の指名について。': the chair takes
        # the item up; the heading is titled from the order of the day
        ("hakodate", 118, "heading", 1, 1, "会議録署名議員の指名"),
    ],
)
def test_sections(
    parsed: dict[str, Minutes],
    sample: str,
    line: int,
    kind: str,
    number: int | None,
    level: int,
    title: str,
) -> None:
    section = next(
        s for s in parsed[sample].sections if s.span.line_start == line and s.kind == kind
    )
    assert (section.number, section.level, section.title) == (number, level, title)


def test_a_wrapped_range_and_a_group_are_one_section(parsed: dict[str, Minutes]) -> None:
    m = parsed["aomori"]
    # aomori 49-51: '日程第４ … 及び青' / '…森市小牧野遺跡観察施設）　～' / '日程第７ …'
    wrapped = next(s for s in m.sections if s.span.line_start == 49)
    assert (wrapped.span.line_end, wrapped.number) == (51, 4)
    assert "青森市小牧野遺跡観察施設）" in wrapped.title
    # aomori 101-104: items 12, 13 and 14 printed together and taken up together
    group = next(s for s in m.sections if s.span.line_start == 101)
    assert (group.span.line_end, group.number) == (104, 12)
    assert _turn(m, 106).section_id == group.id


def test_turns_fall_under_headings_not_agenda_items(parsed: dict[str, Minutes]) -> None:
    m = parsed["hakodate"]
    by_id = {s.id: s for s in m.sections}
    assert _turn(m, 113).section_id is None  # before any item is taken up
    # hakodate 134 takes up 日程第３; 138 (◆ its report) falls under it
    for line in (134, 138):
        section = by_id[_turn(m, line).section_id or ""]
        assert (section.kind, section.number) == ("heading", 3)


def test_a_range_taken_up_in_a_speech(parsed: dict[str, Minutes]) -> None:
    # katsushika 308 '次に、日程第２、議案第１号から日程第７、議案第６号までの議案６件を一括して上程'
    m = parsed["katsushika"]
    section = next(s for s in m.sections if s.id == _turn(m, 308).section_id)
    assert section.number == 2
    assert section.title.endswith("～\u3000議案第6号\u3000令和7年度葛飾区駐車場事業特別会計予算")
    # katsushika 312 '　日程第　２　議案第　１号　…' (the clerk reading) is text of the same turn
    assert _turn(m, 308).text.count("日程第") >= 7
    assert _turn(m, 319).section_id == section.id


# -- notes and events -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "line", "kind", "time", "text"),
    [
        # hakodate 111 '　　…午前１０時００分開会　　': full-width digits, trailing spaces
        ("hakodate", 111, "start", "10:00", "午前10時00分開会"),
        # hakodate 348 '　　…午前１１時０４分散会': the last line of the last speech
        ("hakodate", 348, "end", "11:04", "午前11時04分散会"),
        # aomori 1 '　　午前10時開議': half-width digits, no minutes
        ("aomori", 1, "start", "10:00", "午前10時開議"),
        # aomori 511 '　　午前10時58分閉会'
        ("aomori", 511, "end", "10:58", "午前10時58分閉会"),
        # katsushika 141 '　午後１時開会・開議'
        ("katsushika", 141, "start", "13:00", "午後1時開会・開議"),
        # katsushika 394 '　午後２時１２分休憩': inside the chair's turn
        ("katsushika", 394, "recess", "14:12", "午後2時12分休憩"),
        # katsushika 397 '　午後２時２８分再開': after a rule
        ("katsushika", 397, "resume", "14:28", "午後2時28分再開"),
        # tokyo 2 '午後一時開議': kanji numerals
        ("tokyo", 2, "start", "13:00", "午後一時開議"),
    ],
)
def test_events(
    parsed: dict[str, Minutes], sample: str, line: int, kind: str, time: str, text: str
) -> None:
    event = next(e for e in parsed[sample].events if e.span.line_start == line)
    assert (event.kind, event.time, event.text) == (kind, time, text)


def test_times_in_the_header_and_in_sentences(parsed: dict[str, Minutes]) -> None:
    # hakodate 5-6: the date line with the opening time, the closing time under it (a header
    # field, not a second 散会 event)
    hakodate = parsed["hakodate"].meeting
    assert (hakodate.start_time, hakodate.end_time) == ("10:00", "11:04")
    assert [e.span.line_start for e in parsed["hakodate"].events] == [111, 348]
    # sendai 218 '…３月２１日金曜日午後1時から…' is a sentence: no event
    assert parsed["sendai"].events == ()


def test_a_recess_inside_a_turn_keeps_the_turn(parsed: dict[str, Minutes]) -> None:
    # katsushika 393-395: '暫時休憩いたします。' / '午後２時１２分休憩' / '〔資料編参照〕'
    turn = _turn(parsed["katsushika"], 384)
    assert turn.span.line_end == 395
    assert "休憩" not in turn.text.rsplit("\n", 2)[-1]
    assert turn.notes[-1].text == "〔資料編参照〕"


@pytest.mark.parametrize(
    ("sample", "turn_line", "kind", "note"),
    [
        # hakodate 129 '　　（「異議なし」の声あり）'
        ("hakodate", 126, "voices", "（「異議なし」の声あり）"),
        # hakodate 136 '　　（総務常任委員長　島　昌之議員登壇）'
        ("hakodate", 134, "movement", "（総務常任委員長\u3000島\u3000昌之議員登壇）"),
        # aomori 21 '　　〔「なし」と呼ぶ者あり〕'
        ("aomori", 19, "voices", "〔「なし」と呼ぶ者あり〕"),
        # aomori 35 '　　〔各員、賛成・反対ボタンを押す〕': an electronic vote
        ("aomori", 33, "vote", "〔各員、賛成・反対ボタンを押す〕"),
        # aomori 41 '　　〔議場内モニターに採決結果を表示〕'
        ("aomori", 40, "vote", "〔議場内モニターに採決結果を表示〕"),
        # aomori 328 '　　〔議員舘山善也君退場〕'
        ("aomori", 326, "movement", "〔議員舘山善也君退場〕"),
        # katsushika 157 '　（杉立敏也事務局長報告）': the clerk reports; no new turn
        ("katsushika", 156, "material", "（杉立敏也事務局長報告）"),
        # katsushika 297 '…ありがとうございました。（拍手）': inline, at the end of a line
        ("katsushika", 291, "applause", "（拍手）"),
        # tokyo 355 '　　　〔「異議なし」と呼ぶ者あり〕'
        ("tokyo", 353, "voices", "〔「異議なし」と呼ぶ者あり〕"),
    ],
)
def test_notes(
    parsed: dict[str, Minutes], sample: str, turn_line: int, kind: str, note: str
) -> None:
    turn = _turn(parsed[sample], turn_line)
    assert (kind, note) in {(n.kind, n.text) for n in turn.notes}


def test_a_vote_by_standing_is_a_note() -> None:
    m = _assembly("○議長（山田太郎君）　賛成の諸君の起立を求めます。\n　　〔賛成者起立〕\n")
    assert [(n.kind, n.text) for n in m.utterances[0].notes] == [("vote", "〔賛成者起立〕")]


def test_inline_notes_stay_in_the_text(parsed: dict[str, Minutes]) -> None:
    # aomori 12 '…おはようございます。（「おはようございます」と呼ぶ者あり）ただいまから…'
    turn = _turn(parsed["aomori"], 12)
    assert turn.text.startswith(
        "おはようございます。（「おはようございます」と呼ぶ者あり）ただいまから"
    )
    note = turn.notes[0]
    assert (note.kind, turn.text[note.start : note.end]) == (
        "voices",
        "（「おはようございます」と呼ぶ者あり）",
    )


def test_two_notes_on_one_line(parsed: dict[str, Minutes]) -> None:
    # aomori 469 '　　〔議員村川みどり君登壇〕（拍手）'
    turn = _turn(parsed["aomori"], 465)
    assert [(n.kind, n.text) for n in turn.notes][-2:] == [
        ("movement", "〔議員村川みどり君登壇〕"),
        ("applause", "（拍手）"),
    ]


def test_the_speaker_goes_on_after_a_note(parsed: dict[str, Minutes]) -> None:
    # katsushika 304-305: '〔「異議なし」と呼ぶ者あり〕' / '　異議なしと認め、…': one turn
    turn = _turn(parsed["katsushika"], 300)
    assert turn.span.line_end == 305
    assert turn.text.endswith("42日間と決定いたしました。")


# -- the signature block --------------------------------------------------------------------------


def test_signature_block_is_its_own_record(parsed: dict[str, Minutes]) -> None:
    # katsushika 595-601 '議　　長　　　伊藤　よしのり' / '署名議員　　　齊　藤　大　介' …
    m = parsed["katsushika"]
    (block,) = m.signatures
    assert (block.span.line_start, block.span.line_end) == (595, 601)
    names = {x.id: x.name for x in m.members}
    assert [(s.role, s.name, names.get(s.member_id or "")) for s in block.signers] == [
        ("議長", "伊藤よしのり", "伊藤よしのり"),
        ("署名議員", "齊藤大介", "齊藤大介"),
        ("署名議員", "安西まさのぶ", "安西まさのぶ"),
        ("署名議員", "秋家聡明", "秋家聡明"),
    ]
    # the last speech (590) is followed by its time (591, an event), then the block
    last = m.utterances[-1]
    assert (last.span.line_start, last.span.line_end, last.text) == (
        590,
        590,
        "本日はこれをもって散会いたします。",
    )
    assert m.events[-1].span.line_start == 591


def test_signature_statement_and_date() -> None:
    # 川西町: the attestation of 地方自治法第123条第2項, its date, the signers
    text = (
        "〇議　長（弓仲利博議員）　以上で閉会いたします。（11時10分閉会）\n\n"
        "地方自治法第123条第2項の規定により、ここに署名する。\n\n"
        "令和6年3月19日　川西町議会\n\n"
        "　　議　長　　弓　仲　利　博\n\n"
        "　　署名議員　芝　　　和　也\n"
    )
    m = _assembly(text)
    (block,) = m.signatures
    assert block.statement == "地方自治法第123条第2項の規定により、ここに署名する。"
    assert block.date == dt.date(2024, 3, 19)
    assert [(s.role, s.name) for s in block.signers] == [
        ("議長", "弓仲利博"),
        ("署名議員", "芝和也"),
    ]
    assert m.utterances[0].text == "以上で閉会いたします。（11時10分閉会）"
    # the time note inside the speech is the meeting's end as well
    assert (m.meeting.end_time, m.events[0].kind) == ("11:10", "end")


# -- the meeting ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "date", "title", "body", "number", "venue"),
    [
        # hakodate 3 '令和６年第１回函館市議会定例会会議録　第１号', 5 '令和６年２月２２日（木曜日）'
        (
            "hakodate",
            "2024-02-22",
            "令和6年第1回函館市議会定例会会議録\u3000第1号",
            "函館市議会",
            1,
            None,
        ),
        # katsushika 1 '開催日：令和 7年 2月14日'; 144 'ただいまから、令和７年第１回葛飾区議会定例会を…'
        ("katsushika", "2025-02-14", "令和7年第1回定例会（第1日2月14日）", "葛飾区議会", 1, None),
        # aomori prints no date: the file name gives it; 510 '…青森市議会定例会を閉会いたします'
        ("aomori", "2024-12-25", None, "青森市議会", None, None),
        # sendai 2 'ただいまからＤＸ推進調査特別委員会を開会いたします。'
        ("sendai", "2024-12-26", None, "DX推進調査特別委員会", None, None),
        # tokyo 1 '第四委員会室'
        ("tokyo", "2016-01-29", None, "ラグビーワールドカップ特別対策委員会", None, "第四委員会室"),
    ],
)
def test_meeting(
    parsed: dict[str, Minutes],
    sample: str,
    date: str,
    title: str | None,
    body: str,
    number: int | None,
    venue: str | None,
) -> None:
    m = parsed[sample].meeting
    assert (m.date.isoformat() if m.date else None, m.title, m.body, m.number, m.venue) == (
        date,
        title,
        body,
        number,
        venue,
    )


def test_header_keys_without_a_colon() -> None:
    # small towns' PDF minutes: '１．招集年月日　令和６年３月５日（火）' / '２．招集の場所　…'
    m = _assembly(
        "１．招集年月日　令和６年３月５日（火）\n２．招集の場所　川西町議会議場\n"
        "　　　　１０時００分開議\n○議長（山田太郎君）　ただいまから会議を開きます。\n"
    )
    assert (m.meeting.date, m.meeting.venue, m.meeting.start_time) == (
        dt.date(2024, 3, 5),
        "川西町議会議場",
        "10:00",
    )


def test_dates_in_speeches_are_not_the_meeting_date(parsed: dict[str, Minutes]) -> None:
    # aomori 257 '令和６年12月17日付事務連絡', tokyo 59 '平成三十一年…': the file name wins
    assert parsed["aomori"].meeting.date_raw is None
    assert "date-from-source-name" in {d.code for d in parsed["tokyo"].diagnostics}


def test_nothing_is_lost(parsed: dict[str, Minutes]) -> None:
    for key, minutes in parsed.items():
        assert minutes.unaccounted(read_sample(SAMPLES[key])) == [], key
        warnings = {d.code for d in minutes.diagnostics if d.severity != "info"}
        # three samples print no date at all: the parse says so (the file name gave it)
        assert warnings == ({"no-date"} if key in ("aomori", "sendai", "tokyo") else set()), key


# -- any input ------------------------------------------------------------------------------------

PIECES = st.sampled_from(
    [
        "○議長（吉田崇仁）　", "◯４番（奈良祥孝君）　", "◆総務常任委員長（島昌之）　", "◎市長　",
        "◎会期の決定", "△日程第１", "〇議事日程", "〇出席議員（２６人）", "　　１番　吉　田　崇　仁",
        "　　市長　　　大　泉　　　潤", "子ども未来部長", "委員長吉原　　修君", "出席委員　十一名",
        "日程第１　議案第146号　…　～", "　閉　会", "─────────", "＝＝＝＝＝＝",
        "午前１０時００分開会", "　　〔「異議なし」と呼ぶ者あり〕", "（拍手）", "（「異議なし」の声あり）",
        "　　　　　　　　議　　長　　　伊藤　よしのり", "地方自治法第123条第2項の規定により、ここに署名する。",
        "令和６年２月２２日（木曜日）", "開催日：令和 7年 2月14日", "　第　１　　会期について",
        "〇一九年", "です。", "　", "\n", "\r\n", "（", "〔", "」",
    ]
)  # fmt: skip
ASSEMBLY_LIKE = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40).map("".join)


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(ASSEMBLY_LIKE)
def test_any_text_read_as_assembly_loses_nothing(text: str) -> None:
    m = gijiroku.parse(text, format="assembly")
    assert m.unaccounted(text) == []
    previous_end = 0
    for u in m.utterances:
        assert u.span.start >= previous_end
        previous_end = u.span.end
        for note in u.notes:
            assert u.text[note.start : note.end] == note.text
    assert gijiroku.Minutes.model_validate_json(m.to_json()) == m
