"""Speaker labels read with the document's own evidence (issue 11, "Labels").

One case per line quoted in the issue, each citing where it comes from: a file in
samples/ (the bundled samples, origins in samples/README.md) with the line
number, or "issue 11" for lines from minutes the project has not got. Shapes no document
here prints are written out in the test, modelled on the quoted lines.
"""

from __future__ import annotations

import doctest
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import labels, names, resolve
from gijiroku.labels import gather_evidence, header_people, introductions, shared_titles
from gijiroku.names import (
    DEPARTMENT_WORDS,
    OLD_FORMS,
    POSITION_WORDS,
    Evidence,
    Person,
    fold_variants,
    split_person,
)
from gijiroku.normalize import compact
from gijiroku.resolve import LabelParts, MemberDraft, Roster, analyze_label

#: The bundled samples, by file name.
DATA = {p.name: p for p in (Path(__file__).resolve().parent.parent / "samples").rglob("*.txt")}


def _read(name: str) -> str:
    return DATA[name].read_bytes().decode("utf-8")


def _lines(name: str, first: int, last: int) -> str:
    """Lines ``first``..``last`` (1-based, inclusive) of a test file."""
    return "\n".join(_read(name).splitlines()[first - 1 : last])


# -- splitting a label: name and role ----------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "name", "role", "hint"),
    [
        # issue 11: a surname before a long title with katakana
        ("荒井スポーツ振興局施設担当部長", "荒井", "スポーツ振興局施設担当部長", None),
        # issue 11: a department word (消費者) after the surname
        ("宮原消費者教育推進課長", "宮原", "消費者教育推進課長", None),
        # shinagawa-somu line 9 '○古川秘書課長兼務人事課長　それでは、…': a title held twice
        ("古川秘書課長兼務人事課長", "古川", "秘書課長兼務人事課長", None),
        # mhlw line 45 '○伊奈川参事官(社会保障担当)': a portfolio, not a name; kept with the role
        ("伊奈川参事官(社会保障担当)", "伊奈川", "参事官(社会保障担当)", None),
        # shinagawa-somu line 30 '○林（宏）委員　ちょっと最初に、…': the start of the given name
        ("林（宏）委員", "林", "委員", "宏"),
        # issue 11: role（name）: all that precedes the parenthesis is the role
        ("文教委員長（藤田二郎君）", "藤田二郎", "文教委員長", None),
        # issue 11 (a 1947 Diet record): an old character form in the title
        ("米窪國務大臣", "米窪", "國務大臣", None),
        # takasago lines 35, 40, 48: surname + title
        ("迫川委員長", "迫川", "委員長", None),
        ("今竹議長", "今竹", "議長", None),
        ("北野委員", "北野", "委員", None),
        # gunma line 29 '関総務課長': a one-character surname before a department
        ("関総務課長", "関", "総務課長", None),
        # titles alone are never split: sendai-ict '情報政策課長', aomori '子ども未来部長',
        # sendai-dx line 8 '◯デジタル戦略推進部長', issue 11 '総務委員長'
        ("情報政策課長", None, "情報政策課長", None),
        ("子ども未来部長", None, "子ども未来部長", None),
        ("デジタル戦略推進部長", None, "デジタル戦略推進部長", None),
        ("総務委員長", None, "総務委員長", None),
        ("文教委員長", None, "文教委員長", None),
        # a portfolio after a title alone (issue 11's Diet roster '（金融担当）')
        ("国務大臣（金融担当）", None, "国務大臣（金融担当）", None),
    ],
)
def test_label_is_split(label: str, name: str | None, role: str | None, hint: str | None) -> None:
    parts = analyze_label(f"○{label}")
    assert (parts.name, parts.role, parts.hint) == (name, role, hint)
    assert parts.printed == label  # the label as printed, old forms and all


@pytest.mark.parametrize(
    ("entry", "name", "title"),
    [
        # mhlw lines 22-29: roster entries printed surname + title, run together
        ("細川厚生労働大臣", "細川", "厚生労働大臣"),
        ("大塚厚生労働副大臣", "大塚", "厚生労働副大臣"),
        ("香取政策統括官(社会保障担当)", "香取", "政策統括官(社会保障担当)"),
        ("外口保険局長", "外口", "保険局長"),
        ("榮畑年金局長", "榮畑", "年金局長"),
        ("清水社会・援護局長", "清水", "社会・援護局長"),
        ("高井雇用均等・児童家庭局長", "高井", "雇用均等・児童家庭局長"),
        ("鈴木会計課長", "鈴木", "会計課長"),
        ("木下参事官(総務担当)", "木下", "参事官(総務担当)"),
        ("岩崎統計情報部企画課長", "岩崎", "統計情報部企画課長"),
        ("岩渕医政局総務課長", "岩渕", "医政局総務課長"),
        ("大澤老健局総務課長", "大澤", "老健局総務課長"),
        ("亀井健康局結核感染症課長", "亀井", "健康局結核感染症課長"),
    ],
)
def test_roster_entries_run_together_split_the_same_way(entry: str, name: str, title: str) -> None:
    assert split_person(entry, run_together=True) == (name, title)
    assert split_person(entry) == (name, title)  # as a label, by the vocabulary alone


#: Titles local governments print alone as labels (written out here, not cited from a file):
#: none is a surname + title.
_TITLES_ALONE = """
    上下水道局長 消防長 生涯学習課長 保険年金課長 道路課長 下水道課長 学校給食課長 中央図書館長
    土木部長 用地課長 公園緑地課長 観光文化部長 生活安全課長 斎場長 耕地課長 地籍調査課長
    警察本部長 収納課長 国保課長 河川課長 建築指導課長 図書館長 博物館長 長寿介護課長
    西部地域振興局長 北部福祉事務所長 都市整備部長 緑化推進課長 森林整備課長 市街地整備課長
"""


@pytest.mark.parametrize("label", _TITLES_ALONE.split())
def test_common_titles_alone_are_not_split(label: str) -> None:
    assert analyze_label(f"○{label}").name is None


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("佐藤総務部長", "佐藤"),
        ("田中こども未来部長", "田中"),
        ("伊藤上下水道局長", "伊藤"),
        ("渡辺消防長", "渡辺"),
        ("山崎道路課長", "山崎"),
        ("石川中央図書館長", "石川"),
        ("山下公民館長", "山下"),
        ("長谷川総合政策部長", "長谷川"),
        ("松田人権推進課長", "松田"),
        ("上田西部地域振興局長", "上田"),
        ("酒井中央区長", "酒井"),
        ("阿部スポーツ振興課長", "阿部"),
    ],
)
def test_common_titles_after_a_surname_are_split(label: str, name: str) -> None:
    parts = analyze_label(f"○{label}")
    assert (parts.name, parts.role) == (name, label[len(name) :])


def test_a_full_name_the_header_prints_is_not_cut_at_its_surname() -> None:
    # gunma line 19 '委員:中村紀雄、…': a label that prints the full name keeps it whole
    evidence = Evidence(people=[Person("中村紀雄", "中村", "委員"), Person("中村太郎", "中村")])
    assert split_person("中村紀雄委員", known_titles=evidence) == ("中村紀雄", "委員")
    assert split_person("中村委員", known_titles=evidence) == ("中村", "委員")


def test_a_title_alone_stays_whole_whatever_the_people() -> None:
    # a person 林 named in the header does not make 林業振興課長 林 + 業振興課長
    evidence = Evidence(people=[Person("林宏", "林")])
    assert split_person("林業振興課長", known_titles=evidence) == (None, "林業振興課長")
    assert split_person("林委員", known_titles=evidence) == ("林", "委員")


# -- the document's evidence -------------------------------------------------------------------


def test_a_title_printed_alone_splits_the_labels_that_end_with_it() -> None:
    # 緑化 is no department word: only the document says where the surname ends
    assert split_person("長谷部緑化推進課長") == (None, "長谷部緑化推進課長")
    m = gijiroku.parse(
        "緑化推進課長　説明いたします。\n長谷部緑化推進課長　補足いたします。\n",
        format="committee",
    )
    assert [(u.speaker.name, u.speaker.role) for u in m.utterances] == [
        (None, "緑化推進課長"),
        ("長谷部", "緑化推進課長"),
    ]


def test_a_title_shared_by_several_labels_is_a_title() -> None:
    assert shared_titles(["長谷部緑化推進課長", "小野緑化推進課長"]) == {"緑化推進課長"}
    # never a title that starts inside a word: 国｜務大臣, 人｜事課長
    assert shared_titles(["鈴木国務大臣", "米窪國務大臣"]) == set()
    assert shared_titles(["人事課長", "工事課長"]) == set()
    # nor one printed after full names: mhlw '寺谷隆子委員', '櫻井敬子委員'
    assert shared_titles(["寺谷隆子委員", "櫻井敬子委員"]) == set()
    m = gijiroku.parse(
        "長谷部緑化推進課長　説明いたします。\n小野緑化推進課長　補足いたします。\n",
        format="committee",
    )
    assert [u.speaker.name for u in m.utterances] == ["長谷部", "小野"]


def test_a_self_introduction_shows_where_the_surname_ends() -> None:
    # issue 11: 「施設担当部長の荒井俊之でございます」
    assert [(p.name, p.title) for p in introductions(["施設担当部長の荒井俊之でございます。"])] == [
        ("荒井俊之", "施設担当部長")
    ]
    # a title and a noun after it is no introduction that fits a label
    text = (
        "長谷部緑化推進課長　委員長、緑化推進課長の長谷部誠でございます。説明いたします。\n"
        "委員長　これは委員長の判断です。\n"
    )
    m = gijiroku.parse(text, format="committee")
    speaker = m.utterances[0].speaker
    assert (speaker.name, speaker.role) == ("長谷部誠", "緑化推進課長")


def test_header_people_give_full_names() -> None:
    # takasago lines 11-16: title, then surname and given name with a space between
    found = header_people(_lines("takasago-giunkai-2023-04-12.txt", 11, 16), ["迫川", "今竹"])
    assert [(p.name, p.surname, p.title) for p in found] == [
        ("迫川高行", "迫川", "委員長"),
        ("今竹大祐", "今竹", "議長"),
    ]
    # gunma lines 18-19 '委員長:星名建市、副委員長:安孫子哲' / '委員:中村紀雄、委員:岩井均、…'
    found = header_people(_lines("gunma-bunkyo-keisatsu-2015-03-04.txt", 18, 19), ["中村", "岩井"])
    assert [(p.name, p.title) for p in found] == [("中村紀雄", "委員"), ("岩井均", "委員")]
    # a title or an office after a surname is no given name: 林委員, 関係部局
    assert header_people("出席者：林委員、関係部局\n", ["林", "関"]) == []


def test_a_person_listed_under_the_title_a_label_ends_with() -> None:
    # the header lists '緑化推進課長　長谷部　誠': the label 長谷部緑化推進課長, which no rule
    # splits, is that person; a title alone printed the same way stays a title
    text = (
        "第1回 委員会 会議録\n"
        "説明員　緑化推進課長　長谷部　誠　　都市計画課長　山本　太郎\n\n"
        "長谷部緑化推進課長　説明いたします。\n"
        "都市計画課長　補足します。\n"
    )
    m = gijiroku.parse(text, format="committee")
    assert [(u.speaker.name, u.speaker.role) for u in m.utterances] == [
        ("長谷部誠", "緑化推進課長"),
        (None, "都市計画課長"),
    ]


def test_takasago_speakers_reach_their_full_names() -> None:
    # takasago: no roster is read (its layout is the tokenizer's part), yet every label's
    # surname is printed with a full name in the header (lines 11-16)
    m = gijiroku.parse(_read("takasago-giunkai-2023-04-12.txt"))
    assert Counter(u.speaker.name for u in m.utterances) == {
        "迫川高行": 15,
        "北野誠一郎": 2,
        "川端宏明": 2,
        "今竹大祐": 1,
        "大西由紀": 1,
        "島津明香": 1,
    }
    first = m.utterances[0]
    assert (first.speaker.label, first.speaker.role) == ("迫川委員長", "委員長")
    assert all(u.speaker_id is not None for u in m.utterances)
    assert {x.name for x in m.members} >= {"迫川高行", "今竹大祐", "北野誠一郎"}


def test_shinagawa_labels() -> None:
    m = gijiroku.parse(_read("shinagawa-somu-2001-12-07.txt"))
    by_label = {u.speaker.label: u.speaker for u in m.utterances}
    assert (
        by_label["古川秘書課長兼務人事課長"].name,
        by_label["古川秘書課長兼務人事課長"].role,
    ) == (
        "古川",
        "秘書課長兼務人事課長",
    )
    assert (by_label["林（宏）委員"].name, by_label["林（宏）委員"].role) == ("林", "委員")


# -- resolution against a roster --------------------------------------------------------------

_DIET = """\
令和六年三月一日（金曜日）
　　　　午前九時開議
　出席委員
　　　委員長　田野瀬太道君
　　　理事　鈴木　貴子君　理事　尾身　朝子君
　　　　　　鈴木　英敬君　　　　勝目　　康君
　　　　…………………………………
　　　財務大臣
　　　国務大臣
　　　（金融担当）　　　　　　鈴木　俊一君
　　　財務副大臣　　　　　　　赤澤　亮正君
　　　　―――――――――――――
○田野瀬委員長　これより会議を開きます。鈴木国務大臣。
○鈴木国務大臣　お答えいたします。
○鈴木（貴）委員　質問いたします。
○赤澤副大臣　お答えします。
"""


def test_a_minister_listed_over_several_lines_resolves() -> None:
    # issue 11: '財務大臣' / '国務大臣' / '（金融担当）　鈴木　俊一君', then '○鈴木国務大臣' among
    # three 鈴木. However the roster reads those lines, every post the member holds counts.
    m = gijiroku.parse(_DIET, format="diet")
    speakers = {u.speaker.label: (u.speaker.name, u.speaker_id) for u in m.utterances}
    members = {x.id: x.name for x in m.members}
    assert members[speakers["鈴木国務大臣"][1] or ""] == "鈴木俊一"
    assert members[speakers["鈴木（貴）委員"][1] or ""] == "鈴木貴子"
    assert not [d for d in m.diagnostics if d.code == "ambiguous-speaker"]


@pytest.mark.parametrize(
    ("title", "roles", "group"),
    [
        ("財務大臣", ["国務大臣（金融担当）"], None),  # the posts read in full
        ("（金融担当）", [], "国務大臣"),  # only the portfolio, under a 国務大臣 heading
        ("財務大臣", [], None),  # one ministerial family: 国務大臣 ~ 財務大臣
    ],
)
def test_every_title_and_role_a_member_holds_counts(
    title: str, roles: list[str], group: str | None
) -> None:
    roster = Roster(
        [
            MemberDraft("m1", "鈴木貴子", "理事", surname="鈴木"),
            MemberDraft("m2", "鈴木英敬", "委員", surname="鈴木"),
            MemberDraft("m3", "鈴木俊一", title, group=group, roles=roles, surname="鈴木"),
        ]
    )
    _, resolution = roster.resolve_label(analyze_label("○鈴木国務大臣"))
    assert resolution is not None
    assert resolution.member_id == "m3"


_OLD = """\
昭和二十二年十一月十四日（金曜日）
　　　　午前十一時二十分開会
　出席委員
　　　委員長　石﨑　　徹君
　　　理事　渡邉　太郎君
　　　　　　渡辺　次郎君
　　　　…………………………………
　　　國務大臣　　　　　　　米窪　滿亮君
　　　　―――――――――――――
○石崎委員長　これより会議を開きます。
○米窪國務大臣　お答えいたします。
○米窪国務大臣　お答えいたします。
○渡邊（太）委員　質問いたします。
"""


def test_old_character_forms_resolve_like_todays() -> None:
    # issue 11: '米窪國務大臣' must resolve like '米窪国務大臣'; 石﨑 ~ 石崎, 渡邉 ~ 渡邊
    m = gijiroku.parse(_OLD, format="diet")
    members = {x.id: x.name for x in m.members}
    got = [(u.speaker.label, u.speaker.role, members.get(u.speaker_id or "")) for u in m.utterances]
    assert got == [
        ("石崎委員長", "委員長", "石﨑徹"),
        ("米窪國務大臣", "國務大臣", "米窪滿亮"),  # the label keeps what was printed
        ("米窪国務大臣", "国務大臣", "米窪滿亮"),
        ("渡邊（太）委員", "委員", "渡邉太郎"),
    ]


def test_the_given_name_hint_narrows_resolution() -> None:
    # shinagawa line 30 '○林（宏）委員', with two 林 in a roster
    roster = Roster([MemberDraft("m1", "林太郎", "委員"), MemberDraft("m2", "林宏樹", "委員")])
    _, resolution = roster.resolve_label(analyze_label("○林（宏）委員"))
    assert resolution is not None
    assert resolution.member_id == "m2"
    _, resolution = roster.resolve_label(analyze_label("○林委員"))
    assert resolution is not None
    assert (resolution.member_id, resolution.candidates) == (None, ("m1", "m2"))


def test_a_label_taken_for_surname_and_title_that_is_a_members_title() -> None:
    # 三田支所長: the vocabulary reads 三田支 + 所長; the roster lists it as a title
    assert split_person("三田支所長") == ("三田支", "所長")
    roster = Roster([MemberDraft("m1", "佐藤一郎", "三田支所長")])
    parts, resolution = roster.resolve_label(analyze_label("○三田支所長"))
    assert resolution is not None
    assert (parts.name, parts.role, resolution.member_id) == (None, "三田支所長", "m1")


def test_a_surname_the_header_prints_in_full_but_two_fit() -> None:
    evidence = Evidence(
        people=[Person("迫川高行", "迫川", "委員長"), Person("迫川正", "迫川", "委員")]
    )
    assert evidence.full_name("迫川") is None
    assert evidence.full_name("迫川", role="委員長") == "迫川高行"
    roster = Roster([], evidence=evidence)
    parts, resolution = roster.resolve_label(analyze_label("○迫川委員"))
    assert (parts.name, resolution) == ("迫川正", None)


def test_full_names_never_overrule_the_roster() -> None:
    # the roster resolves 鈴木 by role: the header's one full name is not used instead
    evidence = Evidence(people=[Person("鈴木英敬", "鈴木")])
    roster = Roster(
        [MemberDraft("m1", "鈴木英敬", "委員"), MemberDraft("m2", "鈴木俊一", "財務大臣")],
        evidence=evidence,
    )
    parts, resolution = roster.resolve_label(analyze_label("○鈴木財務大臣"))
    assert resolution is not None
    assert (parts.name, resolution.member_id) == ("鈴木", "m2")


def test_a_header_name_in_an_old_form_completes_a_label_in_todays() -> None:
    # takasago line 14 prints '石﨑　　徹'; a label 石崎委員 (today's form) finds it
    text = "出席委員　委員長　石﨑　　徹\n\n○石崎委員長　開会します。\n"
    m = gijiroku.parse(text, format="assembly")
    assert (m.utterances[0].speaker.name, m.utterances[0].speaker.label) == ("石﨑徹", "石崎委員長")


def test_gather_evidence_reads_the_whole_document_once() -> None:
    text = _read("takasago-giunkai-2023-04-12.txt")
    evidence = gather_evidence(gijiroku.tokenize(text), text)
    assert evidence.full_name("北野") == "北野誠一郎"
    assert evidence.full_name("石﨑") is None  # 石﨑 speaks in no label: not looked for


# -- properties --------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [*POSITION_WORDS[:40], *sorted(DEPARTMENT_WORDS)[:60], *OLD_FORMS, "荒井", "宮原", "林",
     "迫川", "スポーツ", "ども", "（", "）", "(", ")", "担当", "・", "君", "　", "A"]
)  # fmt: skip
_LABELS = st.lists(_PIECES, min_size=1, max_size=6).map("".join)
_TEXT = st.text(
    alphabet=st.sampled_from(list("國国榮邊邉齋髙﨑德櫻廣森林山田あア 　（）")), max_size=30
)


@given(st.one_of(_TEXT, st.text(max_size=30)))
def test_folding_keeps_the_length_and_is_idempotent(text: str) -> None:
    folded = fold_variants(text)
    assert len(folded) == len(text)
    assert fold_variants(folded) == folded
    assert all(a == b or OLD_FORMS[a] == b for a, b in zip(text, folded, strict=True))


@given(_LABELS, st.booleans())
def test_a_split_rejoins_to_the_label(label: str, run_together: bool) -> None:
    evidence = Evidence({"総務課長"}, people=[Person("荒井俊之", title="施設担当部長")])
    for known in ((), evidence):
        name, role = split_person(label, known_titles=known, run_together=run_together)
        assert (name or "") + (role or "") == compact(label)


@given(_LABELS)
def test_every_label_reads_without_error(label: str) -> None:
    parts = analyze_label(f"○{label}")
    assert isinstance(parts, LabelParts)
    roster = Roster([MemberDraft("m1", "荒井俊之", "施設担当部長")], evidence=Evidence())
    completed, _ = roster.resolve_label(parts)
    assert completed.printed == parts.printed


@pytest.mark.parametrize("module", [names, labels, resolve], ids=lambda m: m.__name__)
def test_docstring_examples(module: object) -> None:
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert failures == 0
