"""Roster entries read the way a reader splits them (survey §2.2, the roster half of §2.3, and
the roster items of §2.10): each roster line the survey quotes from minutes of publishers the
bundled samples do not cover, in a small document around it, and the members a reader would
list; near misses that must not be split so; whole files of those publishers
(``tests/data/unseen/``); and properties of :func:`gijiroku.rosters.split_row`."""

from __future__ import annotations

import doctest
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import Minutes, names, rosters
from gijiroku.rosters import split_row

UNSEEN = Path(__file__).resolve().parent / "data" / "unseen"
#: A speech after the header, so that the roster is a header.
SPEECH = "○議長（林宏君）　ただいまから会議を開きます。\n"
#: The separators of a list printed on one line.
SEPARATORS = "、，,|｜"

Row = tuple[str | None, str | None, str | None, str, int | None]


def _parse(text: str) -> Minutes:
    m = gijiroku.parse(text)
    assert m.unaccounted(text) == []
    return m


def _members(m: Minutes) -> list[Row]:
    """(name, title, group, attendance, seat) of every member but the speaker of SPEECH."""
    return [(x.name, x.title, x.group, x.attendance, x.seat) for x in m.members if x.name != "林宏"]


def _unseen(name: str) -> str:
    return (UNSEEN / f"{name}.txt").read_text(encoding="utf-8")


# -- the shapes the survey quotes ---------------------------------------------------------

P, A = "present", "absent"

ENTRIES: list[tuple[str, str, list[Row]]] = [
    # 見附市 (09:17–19): two letter-spaced names a row, one space between every character
    ("two names a row", "〇出席委員(8人)\n木 原 大 輔 重 信 元 子\n大 坪 正 幸 関 三 郎\n" + SPEECH,
     [("木原大輔", "委員", "出席委員", P, None), ("重信元子", "委員", "出席委員", P, None),
      ("大坪正幸", "委員", "出席委員", P, None), ("関三郎", "委員", "出席委員", P, None)]),
    # 見附市 (09:22–29): a letter-spaced title, then the name
    ("letter-spaced title", "〇委員外出席者\n副 議 長 小 林 伸 一\n〇説明のため出席した者\n総 務 課 長 池 山 久 栄\n" + SPEECH,
     [("小林伸一", "副議長", "委員外出席者", P, None),
      ("池山久栄", "総務課長", "説明のため出席した者", P, None)]),
    # 田沢湖・角館・西木 (26:15–20): names in fields of four cells, a blank cell in a padded name
    ("padded fields", "出席者\n会 長 佐 藤 清 雄\n副 会 長 石 黒 直 次 田 代 千代志\n委員 (田沢湖町)\n高 橋 正 男 千 葉   勇\n" + SPEECH,
     [("佐藤清雄", "会長", "出席者", P, None), ("石黒直次", "副会長", "出席者", P, None),
      ("田代千代志", "副会長", "出席者", P, None), ("高橋正男", "委員", "田沢湖町", P, None),
      ("千葉勇", "委員", "田沢湖町", P, None)]),
    # 目黒区 (34:13, 17): seat numbers open entries, whatever the spacing before them; a count
    # in the key's parenthesis is no group
    ("seat numbers", "３　出席議員（３４名）\n　　１０番　金　井　ひろし　　　１１番　　橋　本　しょうへい　１２番　岸　　　大　介\n" + SPEECH,
     [("金井ひろし", "議員", "出席議員", P, 10), ("橋本しょうへい", "議員", "出席議員", P, 11),
      ("岸大介", "議員", "出席議員", P, 12)]),
    # 目黒区 (34:42): a long title, one space, a padded name
    ("padded given name", "５　出席説明員\n　　選挙管理委員会事務局長　落　合　　　勝　　代表監査委員　　　　　秋　丸　俊　彦\n" + SPEECH,
     [("落合勝", "選挙管理委員会事務局長", "出席説明員", P, None),
      ("秋丸俊彦", "代表監査委員", "出席説明員", P, None)]),
    # 鎌倉市 (23:11): one title for every name before it; someone absent in an aside
    ("distributive title", "〇出席委員\n日向委員長、くり林、納所、保坂の各委員(後藤副委員長は欠席)\n" + SPEECH,
     [("日向", "委員長", "出席委員", P, None), ("くり林", "委員", "出席委員", P, None),
      ("納所", "委員", "出席委員", P, None), ("保坂", "委員", "出席委員", P, None),
      ("後藤", "副委員長", "出席委員", A, None)]),
    ("distributive title, no title from the key", "出席者\n納所、保坂の各委員\n" + SPEECH,
     [("納所", "委員", "出席者", P, None), ("保坂", "委員", "出席者", P, None)]),
    # 日本薬理学会 (22:4), 田沢湖・角館・西木 (26:33): head counts are nobody
    ("head counts", "出席者:理事長,理事16名,監事2名,オブザーバー3名\n" + SPEECH,
     [(None, "理事長", "出席者", P, None)]),
    ("以上26名", "出席者\n(秋田県)\n本 間   智 以上26名\n" + SPEECH,
     [("本間智", None, "秋田県", P, None)]),
    # 狛江市 (24:7): a group word and a colon inside the list begins a group
    ("group inside a list", "3 出席者 |\n委員:加藤会長、市川副会長、北澤委員 事務局:冨田子ども家庭部長、山口子ども若者政策課長 |\n" + SPEECH,
     [("加藤", "会長", "委員", P, None), ("市川", "副会長", "委員", P, None),
      ("北澤", "委員", "委員", P, None), ("冨田", "子ども家庭部長", "事務局", P, None),
      ("山口", "子ども若者政策課長", "事務局", P, None)]),
    # 狛江市 (06:11–14): title, space, name inside a 、 list; a list going on in the next line
    # keeps its group; a count after the last name is nobody's
    ("title name in a list", "3 出席者\n委員:奥村隆一、関谷昇、\n伊藤秀親、若山拓也(14名)\n事務局:政策室長 冨田泰、政策室市民協働推進担当 馬場麻衣子\n" + SPEECH,
     [("奥村隆一", "委員", "委員", P, None), ("関谷昇", "委員", "委員", P, None),
      ("伊藤秀親", "委員", "委員", P, None), ("若山拓也", "委員", "委員", P, None),
      ("冨田泰", "政策室長", "事務局", P, None),
      ("馬場麻衣子", "政策室市民協働推進担当", "事務局", P, None)]),
    # 石岡市 (02:11–14, 01:16–17): 役職(名前); a group before a space; an aside in
    # parentheses whose commas do not split, and which names the group of what follows
    ("title(name)", "出席委員 菱沼成房委員長\n市執行部 市長(横田凱夫),企画部長(中村栄)\n議会事務局 庶務議事課主任(塚本志保)\n" + SPEECH,
     [("菱沼成房", "委員長", "出席委員", P, None), ("横田凱夫", "市長", "市執行部", P, None),
      ("中村栄", "企画部長", "市執行部", P, None),
      ("塚本志保", "庶務議事課主任", "議会事務局", P, None)]),
    ("aside", "出席委員 菱沼成房委員長\nその他の出席者 鈴木行雄議長,久保田健一郎副議長(以下,委員外議員)山口 晟議員,小松美代子議員\n" + SPEECH,
     [("菱沼成房", "委員長", "出席委員", P, None), ("鈴木行雄", "議長", "その他の出席者", P, None),
      ("久保田健一郎", "副議長", "その他の出席者", P, None),
      ("山口晟", "委員外議員", "委員外議員", P, None),
      ("小松美代子", "委員外議員", "委員外議員", P, None)]),
    ("title space name", "出席委員 山本進委員長\n市執行部 【財務部】\n 財務部長 古内勝人,次長兼庁舎建設担当 鈴木 勉\n" + SPEECH,
     [("山本進", "委員長", "出席委員", P, None), ("古内勝人", "財務部長", "市執行部 財務部", P, None),
      ("鈴木勉", "次長兼庁舎建設担当", "市執行部 財務部", P, None)]),
    # 日南町 (15:11–20): a PDF table one cell per line
    ("table cells", "出席委員\n番\n号\n1\n番\n北 垣 寿\n成\n8 番\n内 田 章\n久\n" + SPEECH,
     [("北垣寿成", "委員", "出席委員", P, 1), ("内田章久", "委員", "出席委員", P, 8)]),
    # 日本神経化学会 (20:14–25): roles in brackets give titles; (以上 理事) gives every name
    # since the list began the title; 委任状: is a list of its own
    ("roles in brackets", "出席:\n髙坂新一(理事長),井上和秀(副理事長),岡野栄之(庶務担当),\n田代朋子,白尾智明(以上 理事),野村靖幸(監事)\n委任状:\n西川徹(以上 理事)\n" + SPEECH,
     [("髙坂新一", "理事長", "出席", P, None), ("井上和秀", "副理事長", "出席", P, None),
      ("岡野栄之", "理事", "出席", P, None), ("田代朋子", "理事", "出席", P, None),
      ("白尾智明", "理事", "出席", P, None), ("野村靖幸", "監事", "出席", P, None),
      ("西川徹", "理事", "委任状", "unknown", None)]),
    # 目黒区 (34:35–38): a post in parentheses under a row is its title's second line
    ("title's second line", "５　出席説明員\n"
     "　　文化・スポーツ部長　　　勝　島　壮　介　　健康福祉部長　　　　　保　坂　春　樹\n"
     "　　　　　　　　　　　　　　　　　　　　　　　（福祉事務所長）\n"
     "　　健康推進部長　　　　　　佐　藤　壽志子　　子育て支援部長　　　　田　中　健　二\n"
     "　　（保健所長）\n" + SPEECH,
     [("勝島壮介", "文化・スポーツ部長", "出席説明員", P, None),
      ("保坂春樹", "健康福祉部長（福祉事務所長）", "出席説明員", P, None),
      ("佐藤壽志子", "健康推進部長（保健所長）", "出席説明員", P, None),
      ("田中健二", "子育て支援部長", "出席説明員", P, None)]),
]  # fmt: skip


@pytest.mark.parametrize(("where", "text", "members"), ENTRIES, ids=[e[0] for e in ENTRIES])
def test_roster_lines_read_as_a_reader_lists_them(
    where: str, text: str, members: list[Row]
) -> None:
    assert _members(_parse(text)) == members


# -- a new list key closes the list above; なし closes it too ------------------------------

KEYS: list[tuple[str, str, list[Row]]] = [
    # 富士見市 (05:32–45): the header's own numbering opens a field, whatever its word
    ("5 委員外出席者, 6 説 明 員", "3 出席委員   委員定数6名のうち出席者6名\n"
     "         委 員 長  吉 野 欽 三\n"
     "4 欠席委員   なし\n"
     "5 委員外出席者 議  長  金 子 茂 一    副 議 長  池内 八十四郎\n"
     "6 説 明 員   秘書室長  奥 村 敬 一\n" + SPEECH,
     [("吉野欽三", "委員長", "出席委員", P, None), ("金子茂一", "議長", "委員外出席者", P, None),
      ("池内八十四郎", "副議長", "委員外出席者", P, None),
      ("奥村敬一", "秘書室長", "説明員", P, None)]),
    # 名張市 (14:14–17)
    ("5.事務局", "3.出席委員 福田委員長、松尾委員\n4.欠席委員 なし\n"
     "5.事務局 高嶋教育次長、福本教育総務室主査(書記)\n6.議事 下記のとおり\n" + SPEECH,
     [("福田", "委員長", "出席委員", P, None), ("松尾", "委員", "出席委員", P, None),
      ("高嶋", "教育次長", "事務局", P, None), ("福本", "教育総務室主査", "事務局", P, None)]),
    # 加西市 (03:49–63): なし on the line below, then keys the vocabulary does not know
    ("5.執行者 / 6.事務局", "4.欠席委員\n\n    なし\n\n5.執行者\n\n    総務部長            高橋晴彦\n\n"
     "6.事務局\n\n    事務局長            三船敏博\n" + SPEECH,
     [("高橋晴彦", "総務部長", "執行者", P, None), ("三船敏博", "事務局長", "事務局", P, None)]),
    # 目黒区 (34:45)
    ("６　区議会事務局", "５　出席説明員\n　　区　長　　　　　　　　　青　木　英　二\n"
     "６　区議会事務局\n　　局長　　　　　　　　　　松　下　健　治\n" + SPEECH,
     [("青木英二", "区長", "出席説明員", P, None), ("松下健治", "局長", "区議会事務局", P, None)]),
]  # fmt: skip


@pytest.mark.parametrize(("where", "text", "members"), KEYS, ids=[k[0] for k in KEYS])
def test_a_new_key_closes_the_list_above(where: str, text: str, members: list[Row]) -> None:
    m = _parse(text)
    assert _members(m) == members
    assert "roster-unread" not in {d.code for d in m.diagnostics}


@pytest.mark.parametrize(
    "text",
    [
        "4.欠席委員\nなし\n" + SPEECH,  # 群馬県 (its golden file had the false warning)
        "〇理事者側出席者\nなし\n" + SPEECH,  # 鎌倉市 23:12
        "4 欠席者\n\nなし\n\n5 配布資料\n\n資料1 進め方\n" + SPEECH,  # 狛江市 06:18
    ],
)
def test_nobody_is_a_list_read(text: str) -> None:
    m = _parse(text)
    assert _members(m) == []
    assert "roster-unread" not in {d.code for d in m.diagnostics}


def test_people_after_nobody_are_not_absent() -> None:
    m = _parse("出席者 林委員\n欠席者 なし\n説明員：山田総務課長、鈴木企画課長\n" + SPEECH)
    assert [(x.name, x.attendance) for x in m.members if x.name != "林宏"] == [
        ("林", P),
        ("山田", P),
        ("鈴木", P),
    ]


# -- near misses ---------------------------------------------------------------------------

NEAR_MISSES: list[tuple[str, str, list[Row]]] = [
    ("titles before colons are titles", "出席委員\n委員長:星名建市、副委員長:安孫子哲\n" + SPEECH,
     [("星名建市", "委員長", "出席委員", P, None), ("安孫子哲", "副委員長", "出席委員", P, None)]),
    ("one letter-spaced name", "出席委員\n吉 田 崇 仁\n" + SPEECH,
     [("吉田崇仁", "委員", "出席委員", P, None)]),
    ("six letter-spaced characters are one name", "出席委員\n池 内 八 十 四 郎\n" + SPEECH,
     [("池内八十四郎", "委員", "出席委員", P, None)]),
    ("a role in brackets after a title stays a role", "出席者：林委員、山田委員(座長)\n" + SPEECH,
     [("林", "委員", "出席者", P, None), ("山田", "委員", "出席者", P, None)]),
    ("a portfolio in brackets is no title", "出席者\n伊奈川参事官(社会保障担当)\n" + SPEECH,
     [("伊奈川", "参事官", "出席者", P, None)]),
    ("一人 in a name is no count", "出席者：山田一人委員、鈴木委員\n" + SPEECH,
     [("山田一人", "委員", "出席者", P, None), ("鈴木", "委員", "出席者", P, None)]),
    ("a name in brackets after a title is no group", "出席委員\n委員長 (山田太郎)\n" + SPEECH,
     [("山田太郎", "委員長", "出席委員", P, None)]),
    ("a body in brackets under a row is a group", "委員会説明員\n北村信幸公営企業管理者\n（産業観光局）\n松下重志産業企画室長\n" + SPEECH,
     [("北村信幸", "公営企業管理者", "委員会説明員", P, None),
      ("松下重志", "産業企画室長", "産業観光局", P, None)]),
    ("agenda items under a roster are nobody", "出席委員\n林委員長\n議会運営委員会会議事項\n"
     "1.平成20年第3回定例会の運営について\n(6)確認事項\n2.地方自治法の一部改正について\n3 その他\n" + SPEECH,
     [("林", "委員長", "出席委員", P, None)]),
    ("a first-line number under a roster is not the next field", "1.出席委員\n林委員長\n1 事務局\n" + SPEECH,
     [("林", "委員長", "出席委員", P, None)]),
]  # fmt: skip


@pytest.mark.parametrize(("where", "text", "members"), NEAR_MISSES, ids=[n[0] for n in NEAR_MISSES])
def test_near_misses(where: str, text: str, members: list[Row]) -> None:
    assert _members(_parse(text)) == members


def test_a_box_table_cell_is_no_list_key() -> None:
    # 上尾市 (10:39–42): a box-drawing table's cells are not read as lists of people
    m = _parse(
        "│出席委員  │ 井 上   茂   新 井 金 作   長 沢   純        │\n"
        "│欠席委員  │ な し                                │\n" + SPEECH
    )
    assert not [x for x in m.members if "│" in (x.name or "") + (x.title or "") + (x.group or "")]


def test_an_affiliation_in_brackets_stays_one() -> None:
    m = _parse("出席者\n伊奈川参事官(社会保障担当)\n北村信幸公営企業管理者（交通局長）\n" + SPEECH)
    assert [(x.name, x.affiliation) for x in m.members if x.name != "林宏"] == [
        ("伊奈川", "社会保障担当"),
        ("北村信幸", "交通局長"),
    ]


# -- whole files ---------------------------------------------------------------------------


def test_fujimi_nobody_present_is_recorded_absent() -> None:
    # 5 委員外出席者 / 6 説 明 員 after 4 欠席委員 なし: 12 people present, not absent
    m = _parse(_unseen("05-fujimi-giunkai-2008-09-24"))
    assert [x.name for x in m.members if x.attendance != "present"] == []
    assert len(m.members) == 16
    assert {x.group for x in m.members} == {"出席委員", "委員外出席者", "説明員", "事務局職員"}
    assert not [x for x in m.members if x.name is None or "その他" in x.name or "事項" in x.name]


def test_nabari_staff_are_present() -> None:
    m = _parse(_unseen("14-nabari-kyoiku-2015-01-08"))
    staff = [x for x in m.members if x.group == "事務局"]
    assert len(staff) == 12
    assert {x.attendance for x in m.members} == {"present"}


def test_kasai_executives_and_staff_are_read() -> None:
    m = _parse(_unseen("03-kasai-giunkai-2014-02-19"))
    assert [(x.name, x.title, x.group) for x in m.members[-4:]] == [
        ("高橋晴彦", "総務部長", "執行者"),
        ("古角宏貴", "総務部行政課長", "執行者"),
        ("三船敏博", "事務局長", "事務局"),
        ("後藤光彦", "書記", "事務局"),
    ]
    assert "roster-unread" not in {d.code for d in m.diagnostics}


def test_meguro_seats_counts_and_second_lines() -> None:
    m = _parse(_unseen("34-meguro-teirei-2025-02-17"))
    members = {x.name: x for x in m.members}
    assert len(m.members) == 64
    assert [members[n].seat for n in ("金井ひろし", "橋本しょうへい", "岸大介")] == [10, 11, 12]
    assert {x.group for x in m.members if x.seat is not None} == {"出席議員", "欠席議員"}
    assert members["保坂春樹"].title == "健康福祉部長（福祉事務所長）"
    assert members["佐藤壽志子"].title == "健康推進部長（保健所長）"
    assert (members["落合勝"].title, members["照井美奈子"].group) == (
        "選挙管理委員会事務局長",
        "出席説明員",
    )
    assert {x.group for x in m.members if x.title == "議事・調査係長"} == {"区議会事務局"}


def test_nichinan_table_cells() -> None:
    m = _parse(_unseen("15-nichinan-nogyo-2016-01-12"))
    column = [(x.seat, x.name) for x in m.members if x.group == "出席委員" and x.seat]
    assert column[:9] == [
        (1, "北垣寿成"),
        (8, "内田章久"),
        (2, "田淵泰雄"),
        (9, "淺田昭弥"),
        (3, "矢田貝茂人"),
        (10, "絹谷澄雄"),
        (4, "坪倉正嘉"),
        (12, "山影明也"),
        (5, "吉川保"),
    ]
    assert not [x for x in m.members if x.name is None or len(x.name) < 2]
    assert not {"番", "号", "番号", "氏", "名"} & {x.name for x in m.members}
    assert len(m.members) < 25  # 79 before: every cell was a member


def test_semboku_26_present_and_one_absent() -> None:
    m = _parse(_unseen("26-semboku-gappei-2005-03-27"))
    present = [x for x in m.members if x.attendance == "present"]
    assert len(present) == 26  # 以上26名
    assert [(x.name, x.attendance) for x in m.members if x.attendance != "present"] == [
        ("武藤昭男", "absent")
    ]
    assert [x.name for x in m.members if x.title == "副会長"] == ["石黒直次", "田代千代志"]


def test_mitsuke_eight_members() -> None:
    m = _parse(_unseen("09-mitsuke-somubunkyo-2013-12-12"))
    assert [x.name for x in m.members if x.group == "出席委員"] == [
        "木原大輔", "重信元子", "大坪正幸", "関三郎", "高橋健一", "亀田満", "久住裕一", "井上慶輔",
    ]  # fmt: skip
    members = {x.name: x for x in m.members}
    assert (members["小林伸一"].title, members["高橋弥一"].title) == (
        "副議長",
        "会計管理者兼会計課長",
    )


def test_kamakura_absent_vice_chair() -> None:
    m = _parse(_unseen("23-kamakura-giunkai-2025-01-24"))
    assert [(x.name, x.title) for x in m.members if x.attendance == "absent"] == [
        ("後藤", "副委員長")
    ]
    assert "roster-unread" not in {d.code for d in m.diagnostics}
    assert not [x for x in m.members if x.name and ("の各" in x.name or "その他" in x.name)]


def test_neurochem_titles() -> None:
    m = _parse(_unseen("20-neurochem-rijikai-2010-09-01"))
    titles = {x.name: x.title for x in m.members}
    assert (titles["髙坂新一"], titles["神庭重信"], titles["野村靖幸"]) == (
        "理事長",
        "理事",
        "監事",
    )
    assert titles["池中一裕"] == "将来計画委員会委員長"


# -- properties of split_row ---------------------------------------------------------------

#: Characters of names (none a title's, a body's or a place's last character).
NAME_CHARS = (
    "佐藤鈴木高橋田中渡辺伊山本村小林加吉口松井上森池清水阿坂野原岡大谷和美子太郎次花健一正明"
)
TITLES = ("委員", "委員長", "議員", "部長", "課長", "事務局長", "理事")
person_names = st.text(alphabet=NAME_CHARS, min_size=2, max_size=5)
entries = st.tuples(
    person_names, st.sampled_from(("", *TITLES)), st.sampled_from(("", "(出席)", "(座長)"))
)


@given(
    people=st.lists(entries, min_size=1, max_size=8),
    separator=st.sampled_from(("、", ",", "，", " | ", "、 ")),
    tail=st.sampled_from(("", " ほか", "（敬称略）", " 以上3名", "(14名)")),
)
def test_every_name_listed_is_in_one_entry(
    people: list[tuple[str, str, str]], separator: str, tail: str
) -> None:
    row = separator.join(name + title + paren for name, title, paren in people) + tail
    spans = [(start, end) for start, end, _, _ in split_row(row)]
    at = 0
    for name, title, paren in people:
        start = row.index(name + title + paren, at)
        end = start + len(name)
        assert [s for s in spans if s[0] <= start and end <= s[1]], (row, name, spans)
        at = start + len(name + title + paren)
    assert len(spans) == len(people)


#: Rows of anything a roster line may hold: names, titles, separators, brackets, colons,
#: digits, counts, spaces of both widths.
ROW_ALPHABET = (
    NAME_CHARS + "委員長課部議事務局会理以上の各番名人なし()（）:：、,|｜ 　0123456789１２"
)


@given(st.text(alphabet=ROW_ALPHABET, max_size=60))
def test_split_row_keeps_every_entry_in_the_row(row: str) -> None:
    found = split_row(row)
    previous = 0
    for start, end, groups, _ in found:
        assert previous <= start < end <= len(row)
        assert row[start:end].strip(" \u3000") == row[start:end]
        previous = end
        for key in ("name", "person"):
            if key in groups:
                assert groups[key].strip(" \u3000"), (row, groups)


@given(st.text(alphabet=ROW_ALPHABET, min_size=1, max_size=60))
def test_a_roster_row_loses_nothing_and_names_hold_no_separator(row: str) -> None:
    text = "出席者\n" + row.replace("\n", " ") + "\n" + SPEECH
    m = gijiroku.parse(text)
    assert m.unaccounted(text) == []
    for member in m.members:
        assert member.name or member.title, member
        if member.name is not None:
            assert member.name.strip(), member
            assert not any(c in member.name for c in SEPARATORS + " \u3000:："), member


@pytest.mark.parametrize("module", [rosters, names], ids=["rosters", "names"])
def test_the_docstring_examples_hold(module: ModuleType) -> None:
    result = doctest.testmod(module)
    assert (result.failed, result.attempted > 5) == (0, True)


def test_mitsuke_letter_spaced_titles_taken_whole() -> None:
    """まちづくり 課 長 森 沢 亜 土: the title is まちづくり課長 (its first word wider than a
    character), not まちづくり with a name 課長森沢亜土; 教育委員会 事務局 alone is a post."""
    m = _parse(_unseen("09-mitsuke-somubunkyo-2013-12-12"))
    titles = {x.name: x.title for x in m.members}
    assert titles["森沢亜土"] == "まちづくり課長"
    assert titles["神林晃正"] == "教育委員会教育長"
    assert titles["星野隆"] == "教育委員会事務局"
    assert titles["渡辺秀晃"] == "監査委員事務局長"
    assert "member-suspect" not in {d.code for d in m.diagnostics}
