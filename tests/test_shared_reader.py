"""Issue 11, line by line: each line the issue quotes (from minutes of publishers the project
had not seen) in a small document around it, and what it becomes. The families are detected,
not chosen, so the shared reader is what reads them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import Minutes
from gijiroku.formats.common import numbering
from gijiroku.layout import FLATTENED_LINE, unflatten
from gijiroku.normalize import Line
from gijiroku.rosters import split_row
from tests.conftest import read_sample

#: A speech after the header, so that a header line has a document around it.
SPEECH = "○議長（林宏君）　ただいまから会議を開きます。\n"


def _parse(text: str) -> Minutes:
    m = gijiroku.parse(text)
    assert m.unaccounted(text) == []
    return m


def _members(m: Minutes) -> list[tuple[str | None, str | None]]:
    return [(x.name, x.title) for x in m.members if x.name != "林宏"]


# -- dates and times ------------------------------------------------------------------------

DATES: list[tuple[str, str, dt.date, str | None, str | None]] = [
    # (where, text, date, start, end)
    ("品川区議会", "2001年12月7日 総務委員会\n" + SPEECH, dt.date(2001, 12, 7), None, None),
    ("a town's committee", "1 開催月日      平成18年1月25日\n" + SPEECH, dt.date(2006, 1, 25), None, None),
    ("社会保障審議会", "○日時\n平成23年2月10日(木)17:01~18:16\n" + SPEECH, dt.date(2011, 2, 10), "17:01", "18:16"),
    ("小平市 幹事長会議", "# 幹事長会議\n令和2(2020)年5月8日（金）9:00～／会議録なし\n", dt.date(2020, 5, 8), "09:00", None),
    ("熊本 NPO 理事会", "□ 日 時 2020年5月2日19:00-20:00\n□ 場 所 KMT事務所\n", dt.date(2020, 5, 2), "19:00", "20:00"),
    ("a council", "１  日  時    令和元年７月26日（金）14：00～15：56\n" + SPEECH, dt.date(2019, 7, 26), "14:00", "15:56"),
    ("群馬県議会", "1.開催日時\n\n平成27年3月4日(水曜日)10時開始 15時46分終了\n" + SPEECH, dt.date(2015, 3, 4), "10:00", "15:46"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("where", "text", "date", "start", "end"), DATES, ids=[d[0] for d in DATES]
)
def test_dates_in_every_printed_form(
    where: str, text: str, date: dt.date, start: str | None, end: str | None
) -> None:
    m = _parse(text)
    assert (m.meeting.date, m.meeting.start_time, m.meeting.end_time) == (date, start, end)
    assert "no-date" not in {d.code for d in m.diagnostics}


def test_a_breadcrumb_range_is_no_date() -> None:
    # 群馬県議会: 現在の位置 … > 平成26年5月26日~平成27年4月29日常任委員会記録 > …
    m = _parse(read_sample("assembly/gunma-bunkyo-keisatsu-2015-03-04.txt"))
    assert m.meeting.date == dt.date(2015, 3, 4)
    assert [x.kind for x in m.layout[:3]] == ["furniture", "furniture", "furniture"]
    assert m.layout[1].text.startswith("現在の位置 議会トップページ >")


def test_the_sitting_date_not_the_selection_date() -> None:
    # a 1947 Diet record: 昭和二十二年十一月十三日 (members chosen) … 十一月十四日（金曜日）…開会
    text = (
        "第一回国会 衆議院 決算委員会議録 第二号\n"
        "昭和二十二年十一月十三日（木曜日）\n"
        "　議長において本委員を左の通り選任した。\n"
        "十一月十四日（金曜日）午前十一時二十分開会\n"
        "○委員長（田中角栄君）　これより会議を開きます。\n"
    )
    m = _parse(text)
    assert (m.meeting.date, m.meeting.start_time) == (dt.date(1947, 11, 14), "11:20")


# -- rosters ---------------------------------------------------------------------------------

ROSTERS: list[tuple[str, str, list[tuple[str | None, str | None]]]] = [
    ("出席者：… (a turn by 出席者)", "出席者：林委員、山田委員(座長)、佐藤委員\n座長 それでは始めます。\n",
     [("林", "委員"), ("山田", "委員"), ("佐藤", "委員")]),
    ("table cells", "○出席者\n委員\n岩瀬達哉委員 | 遠藤久夫委員 |\n" + SPEECH,
     [("岩瀬達哉", "委員"), ("遠藤久夫", "委員")]),
    ("委員 / names below", "出席者\n委員\n 北山会長,小川副会長,田中委員\n" + SPEECH,
     [("北山", "会長"), ("小川", "副会長"), ("田中", "委員")]),
    ("委員：spaced names", "委員：青木  秀子、東 珠実、色川 卓男\n" + SPEECH,
     [("青木秀子", "委員"), ("東珠実", "委員"), ("色川卓男", "委員")]),
    ("title:name", "出席委員\n委員長:星名建市、副委員長:安孫子哲\n" + SPEECH,
     [("星名建市", "委員長"), ("安孫子哲", "副委員長")]),
    ("name(出席)", "出席者\n伊藤忠通(出席)\n" + SPEECH, [("伊藤忠通", None)]),
    ("letter-spaced columns", "出席委員\n   委員長  清 瀬 英 也  副委員長  池 田 勝 雄\n" + SPEECH,
     [("清瀬英也", "委員長"), ("池田勝雄", "副委員長")]),
    ("organisation prefix", "出席者\n金融庁総合政策局総合政策課：佐藤総合政策管理官\n" + SPEECH,
     [("佐藤", "総合政策管理官")]),
    ("（説明員）：", "出席者\n（説明員）：細井スポーツ振興局長、松永総務課長\n" + SPEECH,
     [("細井", "スポーツ振興局長"), ("松永", "総務課長")]),
    ("本会議に出席した事務局職員", "議事日程（第1号）\n本会議に出席した事務局職員\n事務局長　　山田　太郎\n" + SPEECH,
     [("山田太郎", "事務局長")]),
]  # fmt: skip


@pytest.mark.parametrize(("where", "text", "members"), ROSTERS, ids=[r[0] for r in ROSTERS])
def test_rosters_in_every_separator_form(
    where: str, text: str, members: list[tuple[str | None, str | None]]
) -> None:
    m = _parse(text)
    assert _members(m) == members
    assert not [
        u for u in m.utterances if u.speaker.label.startswith(("出席", "議事日程", "本会議"))
    ]


def test_attendance_printed_after_a_name() -> None:
    m = _parse("出席者\n伊藤忠通(出席)\n山田花子(欠席)\n" + SPEECH)
    assert [(x.name, x.attendance) for x in m.members][:2] == [
        ("伊藤忠通", "present"),
        ("山田花子", "absent"),
    ]


def test_a_pdf_header_is_no_turn() -> None:
    # 京都市会: ◯令和６年５月17日（金） / ◯市会第３会議室 / ◯委員会説明員 in the header
    m = _parse(read_sample("pdf/kyoto-sangyo-2024-05-17.txt"))
    assert m.utterances[0].speaker.label == "委員長（平山たかお）"
    assert (m.meeting.date, m.meeting.venue) == (dt.date(2024, 5, 17), "市会第3会議室")
    staff = {x.name for x in m.members if x.group in ("委員会説明員", "産業観光局", "交通局")}
    assert {"北村信幸", "松下重志", "大塚健志", "米津好美"} <= staff


def test_a_minister_over_several_lines_keeps_every_post() -> None:
    # 財務大臣 / 国務大臣 / （金融担当）　鈴木　俊一君 (the indentation lost, as in some copies)
    text = read_sample("diet/sangiin-zaisei-2024-08-23.txt")
    flat = "\n".join(line.lstrip(" \u3000") for line in text.splitlines())
    m = gijiroku.parse(flat)
    suzuki = next(x for x in m.members if x.name == "鈴木俊一")
    assert (suzuki.title, suzuki.roles) == ("財務大臣", ("国務大臣（内閣府特命担当大臣（金融））",))
    turns = [u for u in m.utterances if u.speaker.label == "国務大臣（鈴木俊一君）"]
    assert turns
    assert {u.speaker_id for u in turns} == {suzuki.id}


# -- labels ----------------------------------------------------------------------------------

LABELS: list[tuple[str, str | None, str | None]] = [
    ("荒井スポーツ振興局施設担当部長", "荒井", "スポーツ振興局施設担当部長"),
    ("宮原消費者教育推進課長", "宮原", "消費者教育推進課長"),
    ("古川秘書課長兼務人事課長", "古川", "秘書課長兼務人事課長"),
    ("伊奈川参事官(社会保障担当)", "伊奈川", "参事官(社会保障担当)"),
    ("林（宏）委員", "林", "委員"),
    ("文教委員長（藤田二郎君）", "藤田二郎", "文教委員長"),
    ("米窪國務大臣", "米窪", "國務大臣"),
]


@pytest.mark.parametrize(("label", "name", "role"), LABELS, ids=[x[0] for x in LABELS])
def test_labels_split_into_name_and_title(label: str, name: str | None, role: str | None) -> None:
    m = _parse(f"○{label}　ご説明いたします。\n○{label}　以上です。\n")
    speaker = m.utterances[0].speaker
    assert (speaker.label, speaker.name, speaker.role) == (label, name, role)


def test_old_character_forms_resolve_like_todays() -> None:
    text = "出席国務大臣\n　　　　国務大臣　米窪　満亮君\n○米窪國務大臣　説明いたします。\n"
    m = _parse(text)
    assert m.utterances[0].speaker_id is not None
    assert m.utterances[0].speaker.name == "米窪満亮"


CLOSED_LABELS = [
    ("谷田川委員長)ただ今から会議を開きます。", "谷田川委員長", "谷田川", "委員長"),
    ("市長)本日はお忙しい中ありがとうございます。", "市長", None, "市長"),
]


@pytest.mark.parametrize(("line", "label", "name", "role"), CLOSED_LABELS, ids=["谷田川", "市長"])
def test_a_label_closed_by_a_parenthesis(
    line: str, label: str, name: str | None, role: str | None
) -> None:
    # labels printed with a closing parenthesis and the speech right after it
    for family in ("generic", "committee", "assembly"):
        m = gijiroku.parse(SPEECH + line + "\n", format=family)
        last = m.utterances[-1]
        assert (last.speaker.label, last.speaker.name, last.speaker.role) == (label, name, role)
        assert last.text == line.split(")", 1)[1], family


#: Label shapes of minutes from publishers the samples do not cover (docs/survey/REPORT.md §2.5),
#: each: the text after a header line, the (label, name, role) of every turn.
LABEL_SHAPES: list[tuple[str, str, list[tuple[str, str | None, str | None]]]] = [
    (
        "a title in parentheses, the speech right after it (名張市教育委員会)",
        "(委員長)それではただ今より定例教育委員会をはじめます。\n"
        "(事務局)大変申し訳ございません。事項書の差替えをお願いします。\n",
        [("委員長", None, "委員長"), ("事務局", None, "事務局")],
    ),
    (
        "a surname, 君 and a colon (江別市議会)",
        "委員長(相馬君):ただいまより、委員会を開会いたします。\n"
        "本間君:議案第44号について、反対の立場で討論に参加いたします。\n",
        [("委員長(相馬君)", "相馬", "委員長"), ("本間君", "本間", None)],
    ),
    (
        "labels alone, a padded name in parentheses (沼津市議会)",
        "○議長（梶　泰久）\n休憩前に引き続き会議を開きます。\n"
        "○11番議員（平野　謙）\n賛成の立場から意見を述べます。\n"
        "○議長（梶　泰久）\n討論を打ち切ります。\n",
        [("議長（梶泰久）", "梶泰久", "議長"), ("11番議員（平野謙）", "平野謙", None),
         ("議長（梶泰久）", "梶泰久", "議長")],
    ),
    (
        "【title】 alone over a sentence (狛江市子ども・若者・子育て会議)",
        "【委員】\n会議に来るモチベーションを持てなかった。\n"
        "【会長】\n同じ方向に気持ちを向けていきたい。\n",
        [("委員", None, "委員"), ("会長", None, "会長")],
    ),
    (
        "titles alone, one printed only once (長崎駅周辺土地区画整理審議会)",
        "事務局\n前回の審議会において、仮換地を審議していただいた。\n"
        "会長代理\n本日は、私の方で議事を進めさせていただきたい。\n"
        "事務局\nまず、提出された要望書について説明する。\n",
        [("事務局", None, "事務局"), ("会長代理", None, "会長代理"), ("事務局", None, "事務局")],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("where", "text", "turns"), LABEL_SHAPES, ids=[x[0] for x in LABEL_SHAPES])
def test_label_shapes_of_other_publishers(
    where: str, text: str, turns: list[tuple[str, str | None, str | None]]
) -> None:
    for family in ("generic", "committee", "assembly"):
        m = gijiroku.parse("第1回 会議録\n" + text, format=family)
        found = [(u.speaker.label, u.speaker.name, u.speaker.role) for u in m.utterances]
        assert found == turns, family
        assert not any(d.code == "no-turns" for d in m.diagnostics)


SUMMARIES = [
    ("a title underlined and a bullet", "第3回 勉強会\n============\n\n* 次回は5月。\n"),
    (
        "dashes and sentences that report (学会 理事会)",
        "理事会議事録2007年03月30日\n議題\n- 2006年度決算について\n"
        "- 関根事務局長より説明された。\n- 2007年度予算について\n"
        "- 若干の修正がなされ了承された。\n- 会員の異動について\n"
        "- 新入会員についての説明がなされ、了承された。\n",
    ),
]


@pytest.mark.parametrize(("where", "text"), SUMMARIES, ids=[x[0] for x in SUMMARIES])
def test_summary_minutes_are_detected(where: str, text: str) -> None:
    m = gijiroku.parse(text)
    assert m.source.format == "summary"
    assert not any(d.code in ("format-uncertain", "no-turns") for d in m.diagnostics)


def test_speech_that_says_what_was_done_is_no_summary() -> None:
    """Verbatim minutes quote people: されました is speech, not a summary's された。"""
    text = "第1回 会議録\n" + "○議長（林宏君）　議案は可決されました。\n" * 5
    assert gijiroku.parse(text).source.format != "summary"


TITLES = [
    ("a site's place line is no title", "埼玉県 上尾市\n" + SPEECH, None),
    ("a record word alone is no title", "会則・役員・議事録・投稿\n議事録\n" + SPEECH, None),
    ("a report names the record", "平成27年度第2回理事会報告\n日 時:平成27年3月17日(火)\n", "平成27年度第2回理事会報告"),
    ("the record title beats a record word", "議事録\n\n2010年度第3回理事会議事録\n" + SPEECH, "2010年度第3回理事会議事録"),
]  # fmt: skip


@pytest.mark.parametrize(("where", "text", "title"), TITLES, ids=[x[0] for x in TITLES])
def test_first_line_titles_name_a_meeting(where: str, text: str, title: str | None) -> None:
    for family in ("committee", "assembly", "generic"):
        assert gijiroku.parse(text, format=family).meeting.title == title, family


def test_bracketed_keys_and_values_below_keys() -> None:
    m = gijiroku.parse("第15回定例会議\n<会議場所>\n教育委員室\n" + SPEECH)
    assert m.meeting.venue == "教育委員室"
    m = gijiroku.parse("教育委員会会議録\n開催場所\n4\n出席委員\n" + SPEECH)
    assert m.meeting.venue is None  # a bare item number is no place, and says so:
    assert [
        (d.code, d.span and d.span.line_start)
        for d in m.diagnostics
        if d.code.startswith("unmatched")
    ] == [("unmatched-header-line", 3)]


def test_a_letter_spaced_title_is_no_key() -> None:
    """議 事 係 長 大久保 英 輝 is the clerk 議事係長 in a staff list, not the key 議事."""
    from gijiroku.formats.common import KEY_FIELD_RE, _key_name

    for line, name in [("議 事 係 長 大久保 英 輝", None), ("議 事 下記のとおり", "agenda"),
                       ("議 事：係長の選任", "agenda"), ("出 席 者 委 員 長 山 田", "attendees")]:  # fmt: skip
        found = KEY_FIELD_RE.fullmatch(line)
        assert found is not None
        key = _key_name(found)
        assert (key.value if key is not None else None) == name, line


def test_a_deputy_title_is_no_surname() -> None:
    m = gijiroku.parse("第10回合併協議会会議録\n○副局長　説明いたします。\n", format="generic")
    assert (m.utterances[0].speaker.name, m.utterances[0].speaker.role) == (None, "副局長")


def test_a_box_drawn_table_header() -> None:
    """│key│value│ rows: the keys are read, │なし│ is nobody, cells split a list of people."""
    text = (
        "第16回議会改革特別委員会\n"
        "┌──────┬────────────┐\n"
        "│日    時│平成25年10月29日(火)  │\n"
        "├──────┼────────────┤\n"
        "│出席委員│林委員│山田委員│\n"
        "│欠席委員  │ な し        │\n"
        "└──────┴────────────┘\n" + SPEECH
    )
    m = gijiroku.parse(text)
    assert m.meeting.date == dt.date(2013, 10, 29)
    assert [(x.name, x.attendance) for x in m.members][:2] == [
        ("林", "present"),
        ("山田", "present"),
    ]
    assert not [d for d in m.diagnostics if d.code == "roster-unread"]


def test_key_words_alone_over_names_stay_keys() -> None:
    """事務局 or 【委員】 over a list of people is a roster key, not a speaker."""
    for key in ("事務局", "【委員】"):
        m = gijiroku.parse(f"第1回 会議録\n{key}\n山田太郎、鈴木花子\n{SPEECH}", format="generic")
        assert [u.speaker.label for u in m.utterances] == ["議長（林宏君）"], key


# -- marked lines ----------------------------------------------------------------------------

MARKED: list[tuple[str, Callable[[Minutes], object], object]] = [
    ("○午後１時17分休憩", lambda m: [(e.kind, e.time) for e in m.events], [("recess", "13:17")]),
    ("○午後２時43分開議", lambda m: [(e.kind, e.time) for e in m.events], [("start", "14:43")]),
    ("○会議録署名人選定について", lambda m: [s.title for s in m.sections], ["会議録署名人選定について"]),
    ("○日 程", lambda m: [s.title for s in m.sections], ["日 程"]),
    ("△開会 午前10時00分", lambda m: [(e.kind, e.time) for e in m.events], [("start", "10:00")]),
]  # fmt: skip


@pytest.mark.parametrize(("line", "read", "expected"), MARKED, ids=[x[0] for x in MARKED])
def test_marked_lines_are_events_or_headings(
    line: str, read: Callable[[Minutes], object], expected: object
) -> None:
    m = _parse(SPEECH + line + "\n○議長（林宏君）　続けます。\n")
    assert read(m) == expected
    assert [u.text for u in m.utterances] == ["ただいまから会議を開きます。", "続けます。"]


def test_a_signature_block_without_its_statement() -> None:
    m = _parse(SPEECH + "議 長 林 宏\n署名人 須 藤 安 通\n")
    assert [(s.role, s.name) for s in m.signatures[0].signers] == [
        ("議長", "林宏"),
        ("署名人", "須藤安通"),
    ]
    assert len(m.utterances) == 1
    assert not m.sections


# -- page furniture --------------------------------------------------------------------------

FURNITURE = [
    "議事ロックス -地方議会議事録検索-",
    "ホーム> 政策について> 審議会・研究会等> 社会保障審議会(社会保障審議会)> 第21回社会保障審議会議事録",
    "ページの先頭です。",
    "この議事録のPDFはこちら",
]


def test_a_table_of_contents_is_layout() -> None:
    """Contents lines (an entry, a leader, a page number) are furniture, not speakers: the
    date line after them is read (新得町議会)."""
    contents = (
        "○開会の宣告 ……………………………………………… 3\n"
        "○諸般の報告(第1号) ………………………………… 3\n"
        "○日程第3 報告第 8 号 専決処分の報告について …………… 6\n"
    )
    m = gijiroku.parse(
        "新得町議会会議録\n" + contents + "平成14年8月5日(月曜日)午前10時開会\n" + SPEECH
    )
    assert [x.kind for x in m.layout] == ["furniture"] * 3
    assert m.meeting.date == dt.date(2002, 8, 5)
    assert [u.speaker.label for u in m.utterances] == ["議長（林宏君）"]


@pytest.mark.parametrize("line", FURNITURE)
def test_page_furniture_is_layout(line: str) -> None:
    m = _parse(line + "\n第1回 総務委員会 会議録\n" + SPEECH)
    assert [(x.kind, x.text) for x in m.layout] == [("furniture", line)]
    assert m.meeting.title == "第1回 総務委員会 会議録"


# -- never silently wrong ----------------------------------------------------------------------

NOVEL = (
    "吾輩は猫である。名前はまだ無い。\n"
    "どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは"
    "記憶している。吾輩はここで始めて人間というものを見た。\n"
    "「先生、どうしたんですか」と書生が言った。\n"
    "先生は黙っていた。\n"
)
TRANSCRIPT = (
    "えーそれでは時間になりましたので始めたいと思います\n"
    "本日はお忙しいところお集まりいただきありがとうございます\n"
    "まず最初に資料の確認をさせていただきます\n"
) * 4


@pytest.mark.parametrize("text", [NOVEL, TRANSCRIPT], ids=["novel", "transcript"])
def test_prose_without_labels_gets_no_turns_and_says_so(text: str) -> None:
    m = _parse(text)
    assert m.utterances == ()
    assert m.members == ()
    codes = {d.code for d in m.diagnostics}
    assert {"no-turns", "no-date", "format-uncertain"} <= codes
    assert m.quality is not None
    assert (m.quality.turns, m.quality.prose_in_turns) == (0, 0.0)


def test_a_list_of_people_nobody_read_is_reported() -> None:
    # 熊本 NPO 理事会: □ 定足数の確認 理事25人中 4人 伊藤、竹田、冨士川、松波理事 出席
    m = _parse(read_sample("notes/kumamoto-machinami-rijikai-40-2020-05-02.txt"))
    unread = [d for d in m.diagnostics if d.code == "roster-unread"]
    assert [d.span.line_start for d in unread if d.span] == [6]
    assert m.utterances == ()
    assert "no-turns" in {d.code for d in m.diagnostics}


def test_the_quality_record_of_a_sample() -> None:
    m = gijiroku.parse(read_sample("council/mhlw-shakaihosho-21-2011-02-10.txt"))
    assert m.quality is not None
    assert (m.quality.format, m.quality.turns, m.quality.speakers_resolved) == ("committee", 1, 1.0)
    assert set(m.quality.header_fields) >= {"title", "date", "start_time", "end_time", "venue"}
    assert [d.code for d in m.diagnostics if d.severity == "warning"] == []


def test_readme_quality_example() -> None:
    """The example session in README's "Any minutes, never silently wrong" is true."""
    import doctest

    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Any minutes, never silently wrong", 1)[1].split("\n## ", 1)[0]
    session = section.split("```python\n", 1)[1].split("```", 1)[0]
    test = doctest.DocTestParser().get_doctest(
        session, {"gijiroku": gijiroku}, "README quality", "README.md", 0
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


@pytest.mark.parametrize("family", ["committee", "assembly", "diet", "generic"])
def test_every_verbatim_family_reads_them_alike(family: str) -> None:
    """The shared reader is every family's: the same lines read the same way whichever
    family the rest of a document calls for."""
    for where, text, date, start, end in DATES:
        m = gijiroku.parse(text, format=family)
        assert (m.meeting.date, m.meeting.start_time, m.meeting.end_time) == (date, start, end), (
            where
        )
    for where, text, members in ROSTERS:
        m = gijiroku.parse(text, format=family)
        assert _members(m) == members, where
    for line, read, expected in MARKED:
        m = gijiroku.parse(SPEECH + line + "\n○議長（林宏君）　続けます。\n", format=family)
        assert read(m) == expected, line
        assert [u.text for u in m.utterances] == ["ただいまから会議を開きます。", "続けます。"], (
            line
        )
    for line in FURNITURE:
        m = gijiroku.parse(line + "\n第1回 総務委員会 会議録\n" + SPEECH, format=family)
        assert [(x.kind, x.text) for x in m.layout] == [("furniture", line)], line
        assert m.meeting.title == "第1回 総務委員会 会議録", line


#: Bundled samples and the turns their family reads that the generic profile, reading them
#: alone, finds at the same places (it may find a few more).
GENERIC_AGREES = {
    "assembly/aomori-2024-12-25.txt": 122,
    "assembly/gunma-bunkyo-keisatsu-2015-03-04.txt": 7,
    "assembly/hakodate-2024-02-22.txt": 20,
    "assembly/katsushika-2025-02-14.txt": 31,
    "assembly/sendai-dx-2024-12-26.txt": 50,
    "assembly/shinagawa-somu-2001-12-07.txt": 35,
    "assembly/takasago-giunkai-2023-04-12.txt": 22,
    "assembly/tokyo-rwc-2016-01-29.txt": 83,
    "council/digital-shakai-suishin-2023-06-06.txt": 16,
    "council/mhlw-shakaihosho-21-2011-02-10.txt": 1,
    "council/sendai-ict-2016-02-08.txt": 41,
    "pdf/kyoto-sangyo-2024-05-17.txt": 472,
}


@pytest.mark.parametrize("sample", sorted(GENERIC_AGREES))
def test_the_generic_profile_alone_finds_the_families_turns(sample: str) -> None:
    """What no family fits is read by the shared reader alone: on the samples of the
    verbatim families it finds (nearly) every turn their family finds."""
    text = read_sample(sample)
    family = {u.span.start for u in gijiroku.parse(text).utterances}
    generic = gijiroku.parse(text, format="generic")
    assert len(family & {u.span.start for u in generic.utterances}) == GENERIC_AGREES[sample]
    assert generic.unaccounted(text) == []


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("開会時間", "閉会時間"),
        ("開会時刻", "閉会時刻"),
        ("開始時間", "終了時間"),
        ("開始時刻", "散会時刻"),
    ],
)
def test_the_times_of_the_opening_and_the_close_by_their_keys(opening: str, closing: str) -> None:
    """開会時間 / 閉会時間 (and their spellings) are keys: the start and the end time."""
    m = gijiroku.parse(
        "総務委員会会議録\n"
        "開会日時　令和５年９月１２日（火）\n"
        f"{opening}　午前１０時００分\n"
        f"{closing}　午前１１時３０分\n"
        "場所　第１委員会室\n"
        "○委員長（山田太郎）　ただいまから総務委員会を開会いたします。\n"
        "○委員長（山田太郎）　以上で閉会します。\n"
    )
    assert (m.meeting.start_time, m.meeting.end_time) == ("10:00", "11:30")
    assert [(h.key, h.name) for h in m.header if h.key in (opening, closing)] == [
        (opening, "time"),
        (closing, "time"),
    ]


SPACED_NAME_LABELS = """総務委員会会議録
開会日時　令和５年９月１２日（火）
出席委員　関　三郎　　山田　太郎　　鈴木　花子
〇関 三郎委員長　ただいまから総務委員会を開会いたします。
〇山田 太郎委員　質問があります。
　続けて質問します。
〇関 三郎委員長　以上で閉会します。
"""


def test_a_spaced_name_and_a_title_on_the_roster_is_a_label() -> None:
    """〇関 三郎委員長 …: the name's parts joined are on the roster (関　三郎)."""
    m = gijiroku.parse(SPACED_NAME_LABELS)
    assert [(u.speaker.name, u.text) for u in m.utterances] == [
        ("関三郎", "ただいまから総務委員会を開会いたします。"),
        ("山田太郎", "質問があります。\n続けて質問します。"),
        ("関三郎", "以上で閉会します。"),
    ]


def test_a_spaced_name_nobody_lists_is_no_label() -> None:
    """Without the roster the same lines are no speaker's, and the parse says it is unsure."""
    text = SPACED_NAME_LABELS.replace("出席委員　関　三郎　　山田　太郎　　鈴木　花子\n", "")
    m = gijiroku.parse(text)
    assert m.utterances == ()
    assert {"format-uncertain", "unmatched-header-line"} <= {d.code for d in m.diagnostics}


def test_mitsuke_chair_speaks_under_a_spaced_name() -> None:
    """Survey file 09 prints 〇関 三郎委員長 (関 三 郎 on the roster): its first turn."""
    path = Path(__file__).parent / "data/unseen/09-mitsuke-somubunkyo-2013-12-12.txt"
    m = gijiroku.parse(path.read_text(encoding="utf-8"))
    assert m.utterances[0].speaker.name == "関三郎"
    assert m.utterances[0].text.startswith("これより本日の会議を開きます。")


# -- records flattened onto one line ------------------------------------------------------------


def _unseen_text(name: str) -> str:
    return (Path(__file__).parent / "data/unseen" / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "label", "turns"),
    [
        ("29-tateyama-teirei-2019-12", "議長(村田昭君)", 5),
        ("30-nagaizumi-teirei-2019-11-27", "議長(柏木豊)", 6),
    ],
)
def test_a_record_a_web_page_flattened_is_read_turn_by_turn(
    name: str, label: str, turns: int
) -> None:
    """A web mirror that printed the whole record on one line: cut again before each label."""
    text = _unseen_text(name)
    m = gijiroku.parse(text)
    assert [u.speaker.label for u in m.utterances] == [label] * turns
    assert m.unaccounted(text) == []
    assert not {"no-turns", "header-overlong"} & {d.code for d in m.diagnostics}


def test_a_header_flattened_with_marked_keys_is_not_cut_into_speakers() -> None:
    """○出席委員, ○説明員 … once each: header keys with a mark, not labels that recur."""
    text = _unseen_text("12-nakano-kyoiku-2013-06-28")
    m = gijiroku.parse(text)
    assert m.utterances == ()


@given(
    st.lists(
        st.sampled_from(
            [
                "本日の会議を開きます。",
                " ◯議長(柏木 豊) ",
                " ○山田委員 ",
                "    ",
                "─" * 6,
                "諸",
                " ",
            ]
        ),
        max_size=120,
    )
)
def test_flattened_lines_are_cut_into_pieces_that_tile_them(parts: list[str]) -> None:
    text = "".join(parts)
    line = Line(3, 10, 10 + len(text), text, not text.strip())
    pieces = unflatten([line])
    assert all(p.number == 3 for p in pieces)
    assert "".join(p.text for p in pieces).replace(" ", "").replace("\u3000", "") == (
        text.replace(" ", "").replace("\u3000", "")
    )
    for piece in pieces:
        assert text[piece.start - 10 : piece.end - 10] == piece.text
    if len(text) < FLATTENED_LINE:
        assert pieces == [line]


@pytest.mark.parametrize(
    ("row", "people"),
    [
        ("山田太郎　鈴木花子", ["山田太郎", "鈴木花子"]),
        ("山田太郎 鈴木一 佐藤花子", ["山田太郎", "鈴木一", "佐藤花子"]),
        ("佐々木　真理子", ["佐々木\u3000真理子"]),  # one name, its two parts
        ("勅使河原　三郎", ["勅使河原\u3000三郎"]),
        ("関　三郎　　山田　太郎", ["関\u3000三郎", "山田\u3000太郎"]),  # columns
    ],
)
def test_full_names_one_space_apart_are_several_people(row: str, people: list[str]) -> None:
    assert [g.get("person") for _, _, g, _ in split_row(row)] == people


def test_a_speaker_on_a_roster_of_full_names_one_space_apart_is_resolved() -> None:
    m = gijiroku.parse(
        "総務委員会会議録\n開会日時　令和５年９月１２日（火）\n出席委員　山田太郎　鈴木花子\n"
        "○委員長（山田太郎）　開会します。\n○鈴木委員　質問があります。\n"
    )
    assert [x.name for x in m.members] == ["山田太郎", "鈴木花子"]
    assert [u.speaker.name for u in m.utterances] == ["山田太郎", "鈴木花子"]
    assert "unresolved-speaker" not in {d.code for d in m.diagnostics}


HEADER_WITH_LIST = (
    "第３回○○検討委員会　議事録\n日時：令和６年５月１０日（金）１４時～１６時\n"
    "場所：市役所会議室\n出席者：山田委員長、鈴木委員、佐藤委員\n\n"
)


@pytest.mark.parametrize(
    "body",
    [
        "【山田委員長】\nそれでは開会します。\n【鈴木委員】\n質問があります。\n【山田委員長】\nどうぞ。\n",
        "山田委員長\n　それでは開会します。\n鈴木委員\n　質問があります。\n山田委員長\n　どうぞ。\n",
    ],
    ids=["bracketed", "bare"],
)
def test_labels_alone_after_a_list_that_named_them_are_speakers(body: str) -> None:
    """出席者：山田委員長、… then 【山田委員長】 / それでは…: a list names each person once, so a
    listed person alone on a line with a sentence below is a label, not the list going on."""
    m = gijiroku.parse(HEADER_WITH_LIST + body)
    assert [(u.speaker.label, u.text) for u in m.utterances] == [
        ("山田委員長", "それでは開会します。"),
        ("鈴木委員", "質問があります。"),
        ("山田委員長", "どうぞ。"),
    ]
    assert [x.name for x in m.members] == ["山田", "鈴木", "佐藤"]


def test_a_list_that_goes_on_below_its_key_is_still_a_list() -> None:
    m = gijiroku.parse(
        HEADER_WITH_LIST.replace("\n\n", "\n")
        + "田中委員\n\n○山田委員長　それでは開会します。\n○鈴木委員　質問があります。\n"
    )
    assert [x.name for x in m.members] == ["山田", "鈴木", "佐藤", "田中"]


@pytest.mark.parametrize(
    ("opening", "closing"), list(zip("［[〔〈＜<《", "］]〕〉＞>》", strict=True))
)
@pytest.mark.parametrize("between", ["", "　", "："])
def test_labels_in_brackets_of_any_kind(opening: str, closing: str, between: str) -> None:
    body = "".join(
        f"{opening}{label}{closing}{between}{text}\n"
        for label, text in [
            ("山田委員長", "開会します。"),
            ("鈴木委員", "質問です。"),
            ("委員長", "どうぞ。"),
        ]
    )
    m = gijiroku.parse(HEADER_WITH_LIST + body)
    assert [(u.speaker.label, u.text) for u in m.utterances] == [
        ("山田委員長", "開会します。"),
        ("鈴木委員", "質問です。"),
        ("委員長", "どうぞ。"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "〔議長退席〕",
        "〔山田委員長〕",
        "［参考資料］ 別紙のとおり。",
        "〈田中委員〉 欠席。",
        "[事務局](https://example.jp)",
    ],
)
def test_brackets_that_hold_no_speaker(line: str) -> None:
    """A note, a label with no sentence after it, a word that is no title, someone nobody
    lists, a link: no turn."""
    m = gijiroku.parse(HEADER_WITH_LIST + line + "\n")
    assert m.utterances == ()


def test_labels_alone_in_parentheses_after_a_list_that_named_them() -> None:
    """（山田委員長） / それでは…: not the list's group, not a note."""
    m = gijiroku.parse(
        HEADER_WITH_LIST
        + "（山田委員長）\nそれでは開会します。\n（鈴木委員）\n質問があります。\n（拍手）\n"
        + "（山田委員長）\nどうぞ。\n"
    )
    assert [(u.speaker.name, u.text) for u in m.utterances] == [
        ("山田", "それでは開会します。"),
        ("鈴木", "質問があります。\n（拍手）"),
        ("山田", "どうぞ。"),
    ]


ASSEMBLY_HEAD = (
    "令和６年第２回○○市議会定例会会議録（第３号）\n令和６年６月１０日（月曜日）\n"
    "出席議員（３名）\n１番　山田太郎　２番　鈴木花子　３番　佐藤一郎\n\n"
)


def test_labels_whose_marks_were_lost_are_read_by_the_name_in_parentheses() -> None:
    """議長（山田太郎君）　… with no ○: the label recurs and names people on the roster."""
    m = gijiroku.parse(
        ASSEMBLY_HEAD + "議長（山田太郎君）　ただいまから会議を開きます。\n"
        "２番（鈴木花子君）　質問します。\n議長（山田太郎君）　答弁を求めます。\n"
    )
    assert [(u.speaker.name, u.speaker.role, u.text) for u in m.utterances] == [
        ("山田太郎", "議長", "ただいまから会議を開きます。"),
        ("鈴木花子", None, "質問します。"),
        ("山田太郎", "議長", "答弁を求めます。"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "資料（案）　別紙のとおりです。",  # no title before the parentheses
        "議長（田中次郎君）　開会します。",  # printed once, nobody of that name listed
        "議長（山田太郎君）　日程第１",  # no sentence
    ],
)
def test_words_with_parentheses_that_are_no_label(line: str) -> None:
    m = gijiroku.parse(ASSEMBLY_HEAD + line + "\n")
    assert m.utterances == ()


def test_a_label_the_reader_doubted_over_speech_in_the_header_is_a_warning() -> None:
    """議長（田中次郎君）　開会します。 printed once, nobody of that name listed: no turn, but
    the header line that reads as a label and speech is said (speech-in-header)."""
    m = gijiroku.parse(ASSEMBLY_HEAD + "議長（田中次郎君）　開会します。\n")
    (found,) = [d for d in m.diagnostics if d.code == "speech-in-header"]
    assert found.span is not None
    assert found.span.line_start == 6


def test_a_heading_numbered_next_after_the_last_is_one_even_after_speech() -> None:
    """（１）計画案について … ・事務局：…回答した。 / （２）その他: the next point, not speech."""
    m = gijiroku.parse(
        HEADER_WITH_LIST + "１　開会\n２　議事\n（１）計画案について\n"
        "・鈴木委員：計画の期間について質問があった。\n"
        "・事務局：５年間を予定していると回答した。\n（２）その他\n特になし。\n"
    )
    assert [s.title for s in m.sections][-1] == "（2）その他"
    assert [(u.speaker.label, u.speaker.name) for u in m.utterances][:2] == [
        ("鈴木委員", "鈴木"),  # the bullet is no part of the label
        ("事務局", None),
    ]
    assert "（2）その他" not in m.utterances[1].text


def test_a_numbered_point_inside_speech_stays_speech() -> None:
    """A speaker's own (１) … (２) … are speech: the last heading is not (１)."""
    m = gijiroku.parse(
        HEADER_WITH_LIST
        + "○山田委員長　２点あります。\n（１）期間について。\n（２）予算について。\n"
    )
    assert [s.title for s in m.sections] == []
    assert m.utterances[0].text.endswith("（2）予算について。")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（２）その他", ("（）", 2)),
        ("(10)その他", ("（）", 10)),
        ("２．報告事項", (".", 2)),
        ("三、議事", ("、", 3)),
        ("②意見", ("①", 2)),
        ("第3．", ("第.", 3)),
        ("その他", None),
        ("2025年", None),
    ],
)
def test_the_numbering_of_a_heading(text: str, expected: tuple[str, int] | None) -> None:
    assert numbering(text) == expected


STUDY_GROUP = (
    "第３回○○研究会　議事録\n日時：令和６年５月１０日（金）１４時～１６時\n場所：会議室A\n"
    "参加者：山田、鈴木、佐藤\n\n"
)


@pytest.mark.parametrize("between", ["：", "　", ": "])
@pytest.mark.parametrize("honorific", ["", "さん"])
def test_listed_names_as_labels(between: str, honorific: str) -> None:
    """参加者：山田、鈴木 … then 山田：それでは…: a listed name before a sentence is a label."""
    body = "".join(
        f"{name}{honorific}{between}{text}\n"
        for name, text in [("山田", "それでは始めます。"), ("鈴木", "資料を説明します。")]
    )
    for head in (STUDY_GROUP, STUDY_GROUP.replace("研究会", "検討委員会")):
        m = gijiroku.parse(head + body)
        assert [(u.speaker.name, u.text) for u in m.utterances] == [
            ("山田", "それでは始めます。"),
            ("鈴木", "資料を説明します。"),
        ]


@pytest.mark.parametrize(
    "line",
    ["山田：委員長、鈴木：副委員長", "田中：それでは始めます。", "日時：それでは始めます。"],
    ids=["pairs", "unlisted", "key"],
)
def test_names_that_are_no_label(line: str) -> None:
    m = gijiroku.parse(STUDY_GROUP + line + "\n")
    assert m.utterances == ()


def test_a_name_a_space_and_a_title_listed_together_is_a_label() -> None:
    """出席者：山田委員長、… then 山田 委員長：…: the label as listed, a space inside."""
    m = gijiroku.parse(
        HEADER_WITH_LIST + "山田 委員長：それでは開会します。\n鈴木委員：質問です。\n"
    )
    assert [(u.speaker.name, u.speaker.role, u.text) for u in m.utterances] == [
        ("山田", "委員長", "それでは開会します。"),
        ("鈴木", "委員", "質問です。"),
    ]


@pytest.mark.parametrize("brackets", ["【】", "<>", "＜＞", "［］", "〈〉", "《》"])
def test_a_bracketed_key_with_its_value_right_after_it(brackets: str) -> None:
    """【日時】令和6年5月10日（金）14:00～16:15: the value follows the closing bracket."""
    opening, closing = brackets[0], brackets[1]
    m = gijiroku.parse(
        f"○○審議会 議事録\n{opening}日時{closing}令和6年5月10日（金）14:00～16:15\n"
        f"{opening}場所{closing}市役所第1会議室\n○委員長　それでは開会します。\n"
    )
    meeting = m.meeting
    assert (meeting.date, meeting.start_time, meeting.end_time, meeting.venue) == (
        dt.date(2024, 5, 10),
        "14:00",
        "16:15",
        "市役所第1会議室",
    )


ROSTER_HEAD = "○○審議会 議事録\n日時　令和6年5月10日\n"
ROSTER_BODY = "\n○会長　それでは開会します。\n○鈴木委員　質問です。\n"


@pytest.mark.parametrize(
    ("roster", "members"),
    [
        (
            "出席委員（５名）\n委員長　山田太郎\n副委員長　鈴木花子\n委員　佐藤一郎　田中次郎　高橋三郎",
            [
                ("山田太郎", "委員長"),
                ("鈴木花子", "副委員長"),
                ("佐藤一郎", "委員"),
                ("田中次郎", "委員"),
                ("高橋三郎", "委員"),
            ],
        ),
        (
            "【出席者】\n山田会長、鈴木副会長、佐藤委員",
            [("山田", "会長"), ("鈴木", "副会長"), ("佐藤", "委員")],
        ),
    ],
    ids=["title-then-names", "deputy-title"],
)
def test_rosters_with_titles(roster: str, members: list[tuple[str, str]]) -> None:
    """A title before a row of names applies to each; 副会長 is not 会長 after 鈴木副 (even
    when the labels print 会長); 委員長　山田太郎 is a title and a name, not a padded name."""
    text = ROSTER_HEAD + roster + "\n" + ROSTER_BODY
    m = gijiroku.parse(text)
    assert [(x.name, x.title) for x in m.members] == members
    assert not {"member-suspect", "roster-count-mismatch"} & {d.code for d in m.diagnostics}
    assert m.unaccounted(text) == []


def test_a_title_before_a_list_of_names_is_the_title_of_each() -> None:
    """委員　山田太郎、鈴木花子、佐藤一郎（欠席）: three 委員, the last absent."""
    text = (
        ROSTER_HEAD
        + "委員　山田太郎、鈴木花子、佐藤一郎（欠席）\n事務局　田中課長、高橋係長\n"
        + ROSTER_BODY
    )
    m = gijiroku.parse(text)
    assert [(x.name, x.title, x.attendance) for x in m.members][:3] == [
        ("山田太郎", "委員", "unknown"),
        ("鈴木花子", "委員", "unknown"),
        ("佐藤一郎", "委員", "absent"),
    ]
    assert "roster-unread" not in {d.code for d in m.diagnostics}
    assert [g for _, _, g, _ in split_row("委員長　山田太郎、副委員長　鈴木花子")] == [
        {"title": "委員長", "name": "山田太郎"},
        {"title": "副委員長", "name": "鈴木花子"},
    ]
