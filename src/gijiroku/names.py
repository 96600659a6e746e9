"""People's names and titles (役職): the vocabulary every minutes family shares.

A speaker label or roster entry runs a surname and a title together (``林委員``,
``日下情報政策部長``) or gives a title alone (``座長``, ``情報政策課長``). The functions here
split them with tables kept as data; rosters and labels seen in the document refine the split.

Example:
    >>> split_person("林委員")
    ('林', '委員')
    >>> split_person("情報政策課長")
    (None, '情報政策課長')
    >>> split_person("日下情報政策部長", known_titles={"情報政策部長"})
    ('日下', '情報政策部長')
    >>> split_person("福田ようすけ委員"), split_person("子ども未来部長")
    (('福田ようすけ', '委員'), (None, '子ども未来部長'))
    >>> split_person("宮原消費者教育推進課長"), split_person("伊奈川参事官(社会保障担当)")
    (('宮原', '消費者教育推進課長'), ('伊奈川', '参事官(社会保障担当)'))
    >>> fold_variants("米窪國務大臣")
    '米窪国務大臣'
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

import regex

from gijiroku.normalize import compact, memoized

__all__ = [
    "CHAIR_ROLES",
    "DEPARTMENT_HEADS",
    "DEPARTMENT_WORDS",
    "Evidence",
    "HONORIFICS",
    "OFFICES",
    "OLD_FORMS",
    "PERSON_TITLES",
    "POSITION_WORDS",
    "POSITION_WORDS_RE",
    "TITLE_END_CHARS",
    "Person",
    "fold_variants",
    "is_office",
    "is_place",
    "position_suffix",
    "reads_as_name_head",
    "split_person",
    "split_portfolio",
    "starts_with_department",
    "strip_honorific",
    "title_family",
]

#: Words a title ends with (whitespace-separated data; grouped by where they are used).
_POSITION_TABLE = """
    座長 副座長 座長代理 会長 副会長 会長代理 部会長 分科会長 委員長 副委員長 委員長代理
    委員 専門委員 臨時委員 特別委員 議長 副議長 議員 構成員 理事長 理事 監事 幹事長 幹事
    顧問 参与 オブザーバー アドバイザー 司会 進行 座長補佐 参考人 説明員 公述人 証人
    傍聴人 発言者 出席者
    総理大臣 内閣総理大臣 内閣官房長官 官房長官 官房副長官 大臣 副大臣 大臣政務官 政務官
    長官 次官 審議官 参事官 統括官 政策統括官 局長 部長 次長 課長 室長 係長 所長 館長
    園長 校長 院長 センター長 本部長 副本部長 監 参事 主幹 主査 主任 主事 技監 技師
    専門官 調整官 管理官 企画官 分析官 監察官 補佐官 秘書官 事務官 技官 書記官 補佐 課長補佐 担当 事務総長 事務次長 総裁 副総裁
    知事 副知事 市長 副市長 町長 副町長 村長 副村長 区長 副区長 教育長 管理者 事業管理者
    会計管理者 代表監査委員 監査委員 選挙管理委員長 教育委員 事務局長 事務局次長 事務局
    書記 書記長 職員 政府参考人 先生 講師 教授 准教授 マネージャー リーダー
    国務大臣 政府特別補佐人 政府委員 分科員 小委員長 小委員 主査代理 会計検査院長
    法制局長 衆議院議員 参議院議員 最高裁判所長官代理者 常任委員会専門員 専門員 調査室長
    消防長 場長 職務代理者 会長職務代理者 委員長職務代理者 座長職務代理者 議長職務代理者
"""
#: Words a title ends with, longest first, so that 副委員長 wins over 委員長 and 委員.
POSITION_WORDS: tuple[str, ...] = tuple(
    sorted(set(_POSITION_TABLE.split()), key=lambda w: (-len(w), w))
)
_LONGEST_POSITION = max(len(w) for w in POSITION_WORDS)
POSITION_WORDS_RE = "|".join(regex.escape(w) for w in POSITION_WORDS)
_POSITION_SET = frozenset(POSITION_WORDS)
# (literal words: the standard re reads them as regex does, and searches several times faster)
_ENDS_WITH_POSITION_RE = re.compile(rf"(?:{POSITION_WORDS_RE})$")

#: Roles that chair a meeting: a label of one of these names the person who holds it.
CHAIR_ROLES: frozenset[str] = frozenset(
    {"座長", "会長", "委員長", "議長", "部会長", "分科会長", "理事長", "司会"}
)
#: Titles printed after a member's own name (福田ようすけ委員, 松島茂喜議長), never after the
#: name of a department or committee the way 部長 or 委員長 are (子ども未来部長, 総務委員長).
PERSON_TITLES: frozenset[str] = frozenset({"委員", "議員", "議長", "副議長", "座長", "副座長"})
#: Offices that speak as a body, not as a person.
OFFICES: frozenset[str] = frozenset({"事務局", "事務局長", "書記", "司会", "進行"})
#: Honorifics printed after a name (君 in the Diet and assemblies).
HONORIFICS: tuple[str, ...] = ("議員", "君", "さん", "氏", "様", "殿")
#: Each honorific by its last character: no two end with the same one, so the one a name
#: can end with is the one its last character names (a name ending with none has none).
_HONORIFIC_BY_END = {h[-1]: h for h in HONORIFICS}

#: Characters that show up in the names of departments and offices but hardly ever in
#: Japanese surnames: a head made of them is an organization, not a person.
ORG_CHARS = frozenset(
    "務政策画報事局課係財税契約管防災消祉健環境農商設交通院民育推総監査議会計営業庁省府県区署"
    "館団班隊系担整調統括援療医障害童齢介護衛宅湾輸施聴秘略企危機戦産労働雇経済融証券規制革"
    "発構想芸術振興際参"
)
#: Words the name of a department, bureau, section or committee starts with (消費者教育推進課,
#: 秘書課, 総務委員会). Whitespace-separated data; two characters or more each, none of them a
#: surname.
_DEPARTMENT_HEADS_TABLE = """
    総務 企画 政策 財政 財務 税務 課税 収納 納税 会計 出納 契約 管財 資産 人事 職員 秘書 広報 広聴 情報
    統計 法務 文書 行政 行革 経営 危機 防災 消防 市民 区民 町民 村民 県民 都民 住民 戸籍 窓口 生活 消費
    消費者 地域 男女 国際 観光 文化 芸術 生涯 教育 学校 学務 保健 健康 衛生 医療 医政 病院 福祉 社会 高齢
    介護 障害 障がい 児童 子ども 子育て こども 子供 家庭 青少年 保育 国保 年金 保険 環境 清掃 廃棄物 公害 産業 経済
    商工 工業 農業 農林 農政 林業 林務 水産 畜産 労働 雇用 建設 土木 道路 河川 港湾 公園 緑地 都市 用地
    住宅 建築 営繕 下水道 水道 上下水道 交通 運輸 鉄道 議会 議事 調査 選挙 監査 事務 庶務 警察 公安 金融 通商
    外務 内閣 官房 大臣 厚生 文部 科学 国土 国務 防衛 復興 予算 決算 文教 企業 公営 市長 区長 町長 村長
    知事 日本 食品 動物 墓地 斎場 空港 救急 老健 老人 総合 中央 公民 図書 博物 美術 東部 西部 北部 長寿
    耕地 地籍 人権 県土
"""
#: Words inside the names of departments as often as at their start (緑化推進課, 森林整備課):
#: a label that starts with one is a title alone, but one after a kanji head does not show
#: that the head is a surname (緑化｜推進課長 is no split).
_DEPARTMENT_INNER_TABLE = """
    改革 戦略 安全 協働 共同 交流 学習 指導 資源 循環 計画 区画 整備 開発 再開発 技術 管理 施設 特命 特別
    運営 調整 推進 振興 事業 常任 広域 生産 食育 物価 評価 監理 検査 審査 用度 工務 営業 料金 給水 浄水
"""
#: Words that start a department's name and hardly ever go on one: after a short kanji head
#: one marks where a surname ends (宮原｜消費者教育推進課長, 外口｜保険局長).
DEPARTMENT_HEADS: frozenset[str] = frozenset(_DEPARTMENT_HEADS_TABLE.split())
#: Every word a department's name may start with: a label that starts with one is a title
#: alone (総務委員長, 情報政策課長, 推進課長), never surname + title.
DEPARTMENT_WORDS: frozenset[str] = DEPARTMENT_HEADS | frozenset(_DEPARTMENT_INNER_TABLE.split())
_DEPARTMENT_LENGTHS = sorted({len(w) for w in DEPARTMENT_WORDS}, reverse=True)

#: Old (旧字体) and variant forms of characters, each with the form printed today: 米窪國務大臣
#: is 米窪国務大臣, 渡邉 is 渡辺, 石﨑 is 石崎. One character for one, so a folded text has the
#: length of the original and its offsets. Used to compare; what was printed is kept.
_OLD_FORMS_TABLE = """
    國国 榮栄 邊辺 邉辺 齋斎 齊斉 澤沢 濱浜 髙高 﨑崎 嵜崎 德徳 櫻桜 廣広 圓円 藏蔵 實実 壽寿
    與与 惠恵 眞真 淺浅 嶋島 嶌島 冨富 曾曽 瀨瀬 舘館 學学 會会 當当 黨党 廳庁 縣県 參参 總総
    經経 從従 禮礼 讀読 兒児 豐豊 靜静 聽聴 辯弁 辨弁 瓣弁 將将 應応 藝芸 圖図 團団 爲為 擔担
    擧挙 關関 臺台 萬万 彌弥 驛駅 鐵鉄 醫医 勞労 營営 舊旧 黑黒 澁渋 峯峰 \ufa10塚 龍竜 淸清
    氣気 來来 傳伝 價価 假仮 觀観 權権 勸勧 驗験 檢検 險険 獻献 濟済 處処 畫画 數数 樓楼 據拠
    擴拡 變変 寶宝 豫予 餘余 譯訳 藥薬 佛仏 拂払 亞亜 衞衛 圍囲 壹壱 隱隠 溫温 發発 廢廃 樂楽
    歸帰 區区 驅駆 輕軽 繼継 缺欠 嚴厳 恆恒 黃黄 雜雑 收収 肅粛 燒焼 證証 乘乗 淨浄 讓譲 觸触
    寢寝 愼慎 盡尽 粹粋 穗穂 隨随 聲声 專専 戰戦 錢銭 禪禅 雙双 壯壮 搜捜 爭争 莊荘 裝装 騷騒
    增増 臟臓 屬属 續続 對対 體体 帶帯 滯滞 瀧滝 擇択 單単 彈弾 斷断 遲遅 晝昼 蟲虫 鑄鋳 鎭鎮
    轉転 燈灯 稻稲 獨独 屆届 腦脳 賣売 麥麦 髮髪 拔抜 祕秘 竝並 舖舗 步歩 每毎 滿満 默黙 譽誉
    搖揺 樣様 賴頼 亂乱 覽覧 兩両 綠緑 勵励 靈霊 齡齢 戀恋 爐炉 錄録 灣湾 戶戸 槇槙 桒桑 廐厩
    曉暁 巖巌 瑤瑶 淵渕 邨村 穰穣 晉晋 蘆芦 藪薮 嶽岳
"""
#: Each old or variant form and the form printed today (:func:`fold_variants`).
OLD_FORMS: Mapping[str, str] = {pair[0]: pair[1] for pair in _OLD_FORMS_TABLE.split()}
_FOLD = str.maketrans(dict(OLD_FORMS))
#: Any character :func:`fold_variants` replaces (the standard ``re`` scans for a class
#: quickly; ``str.translate`` looks every character up).
_OLD_FORM_RE = re.compile("[" + "".join(OLD_FORMS) + "]")
#: The characters a text must hold for a title word (:data:`POSITION_WORDS`) to end it, or
#: any part of it, once cleaned and folded (:func:`position_suffix`): the last characters of
#: the words, their old forms (會 for 会), and every half-width katakana (cleaning makes
#: full-width kana of them: ｰ is ー). A text with none of them holds no title.
TITLE_END_CHARS: frozenset[str] = frozenset(
    {w[-1] for w in POSITION_WORDS}
    | {old for old, new in OLD_FORMS.items() if any(w.endswith(new) for w in POSITION_WORDS)}
    | set(map(chr, range(0xFF61, 0xFFA0)))
)

#: The longest full name a roster entry prints before a bare title word (大塚健志｜次長).
_FULL_NAME_MAX = 5
_HAN_ONLY_RE = regex.compile(r"^[\p{Han}々〆ヶ]+$")
_HAN_RUN_RE = regex.compile(r"[\p{Han}々〆ヶ]+")
_KATAKANA_START_RE = regex.compile(r"\p{Katakana}")
#: A personal name as printed in a label: kanji and kana (ひぐちのりこ, ごうこ正太郎, 高村直也).
_NAME_RE = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ]{2,8}$")
#: Members kept anonymous in published minutes: Ａ委員, B委員, ○○委員.
_ANONYMOUS_RE = re.compile(r"^(?:[A-Za-zＡ-Ｚａ-ｚ]{1,2}|[○〇×＊*]{1,3})$")
#: A portfolio printed after a title: 参事官(社会保障担当), 国務大臣（金融担当）.
_PORTFOLIO_RE = re.compile(r"[（(][^（()）]{1,40}担当[)）]$")
#: The last character of a place name before a title: 仙台市, 葛飾区, 青森県.
_PLACE_ENDINGS = frozenset("市区町村県都府道")


def fold_variants(text: str) -> str:
    """``text`` with old and variant character forms replaced by today's (:data:`OLD_FORMS`),
    for comparison only: the result has the same length, and folding it again changes nothing.

    Example:
        >>> fold_variants("米窪國務大臣"), fold_variants("渡邉　髙﨑")
        ('米窪国務大臣', '渡辺　高崎')
    """
    if _OLD_FORM_RE.search(text) is None:
        return text
    if len(text) <= _TRANSLATED:
        return text.translate(_FOLD)
    return _OLD_FORM_RE.sub(_today_form, text)


#: Texts this long or shorter are folded by ``str.translate``, which looks each character up
#: in a dictionary (some 60 ns a character of Japanese text); a longer one (a header of
#: 4,000 characters) has each old form found and replaced, at the same result.
_TRANSLATED = 64


def _today_form(found: re.Match[str]) -> str:
    return OLD_FORMS[found.group()]


def strip_honorific(name: str) -> tuple[str, str | None]:
    """Remove a trailing honorific (君, さん, 氏 …).

    Example:
        >>> strip_honorific("山田太郎君")
        ('山田太郎', '君')
    """
    honorific = _HONORIFIC_BY_END.get(name[-1:])
    if honorific is not None and name.endswith(honorific) and len(name) > len(honorific):
        return name[: -len(honorific)], honorific
    return name, None


def position_suffix(text: str) -> str | None:
    """The title word ``text`` ends with (longest first), or ``None``; old character forms
    are read as today's (國務大臣 ends with 国務大臣).

    Example:
        >>> position_suffix("伊藤よしのり議長"), position_suffix("山田太郎")
        ('議長', None)
    """
    last = text[-1:]
    if last not in TITLE_END_CHARS and last.isprintable() and not last.isspace():
        # (cleaning keeps the last character last, or makes a Latin letter or digit of it:
        # the text ends with no title word's last character, nor its old form)
        return None
    return memoized("position_suffix", _position_suffix_of_tail, text[-_LONGEST_POSITION * 2 :])


def _position_suffix_of_tail(tail: str) -> str | None:
    """:func:`position_suffix` of the end of a text (remembered for the parse: labels and
    entries repeat)."""
    match = _ENDS_WITH_POSITION_RE.search(fold_variants(compact(tail)))
    return match.group() if match else None


def split_portfolio(title: str) -> tuple[str, str | None]:
    """A title and the portfolio printed after it in parentheses (…担当), kept as printed.

    Example:
        >>> split_portfolio("参事官(社会保障担当)"), split_portfolio("財務大臣")
        (('参事官', '(社会保障担当)'), ('財務大臣', None))
    """
    match = _PORTFOLIO_RE.search(title)
    if match is None or match.start() == 0:
        return title, None
    return title[: match.start()], match.group()


def starts_with_department(text: str, words: frozenset[str] = DEPARTMENT_WORDS) -> bool:
    """True when ``text`` starts with one of ``words`` (:data:`DEPARTMENT_WORDS`: 総務委員長)."""
    # (a word is short: only its first characters are folded)
    return _starts_with_department_folded(fold_variants(text[: _DEPARTMENT_LENGTHS[0]]), words)


def _starts_with_department_folded(folded: str, words: frozenset[str] = DEPARTMENT_WORDS) -> bool:
    """:func:`starts_with_department` of a text already folded (folding it again would
    change nothing)."""
    for n in _DEPARTMENT_LENGTHS:  # noqa: SIM110 (a loop: no generator made per call)
        if folded[:n] in words:
            return True
    return False


def _looks_like_surname(head: str) -> bool:
    """A short run of kanji with no organization characters reads as a surname."""
    return 1 <= len(head) <= 4 and ORG_CHARS.isdisjoint(head) and bool(_HAN_ONLY_RE.match(head))


_KATAKANA_ONLY_RE = regex.compile(r"^[\p{Katakana}ー]+$")


def _looks_like_name(head: str) -> bool:
    """2 to 8 kanji or kana with no organization characters, not all katakana (デジタル):
    a member's full name in a label such as ``福田ようすけ委員``."""
    return (
        bool(_NAME_RE.match(head))
        and ORG_CHARS.isdisjoint(head)
        and not _KATAKANA_ONLY_RE.match(head)
    )


def is_place(head: str) -> bool:
    """A place name such as 仙台市 or 葛飾区 (three characters or more, ending in 市, 区 …).

    Example:
        >>> is_place("田沢湖町"), is_place("星名")
        (True, False)
    """
    return len(head) >= 3 and head[-1] in _PLACE_ENDINGS


def _reads_as_full_name(head: str) -> bool:
    """2 to 8 kanji or kana, not all katakana, no department word at its start, no place:
    a full name in a roster entry before a title a person holds (委員, 議長)."""
    return (
        bool(_NAME_RE.match(head))
        and not _KATAKANA_ONLY_RE.match(head)
        and not _starts_with_department_folded(head)
        and not is_place(head)
    )


def reads_as_name_head(head: str) -> bool:
    """``head`` (folded) can be the name printed before a title: a surname, a full name in
    kanji or kana, or an anonymous letter; not a department (総務) or a place (仙台市)."""
    return (
        (_looks_like_surname(head) or _looks_like_name(head) or bool(_ANONYMOUS_RE.match(head)))
        and not starts_with_department(head)
        and not is_place(head)
    )


def _department_cut(head: str, *, katakana: bool = True) -> int | None:
    """Where a surname ends in ``head`` (folded), the part of a label before its title word,
    by the vocabulary alone: a short kanji run followed by katakana (荒井｜スポーツ振興局…) or
    by a department word (宮原｜消費者教育推進, 関｜総務). Surname lengths are tried in the order
    of how common they are: 2, 3, 1 (four-character surnames are too rare to cut at)."""
    run = _HAN_RUN_RE.match(head)
    if run is None:
        return None
    end = run.end()
    if katakana and end < len(head) and end <= 4 and _KATAKANA_START_RE.match(head, end):
        surname = head[:end]
        if _looks_like_surname(surname) and not is_place(surname):
            return end
    for k in (2, 3, 1):
        if k > end or k >= len(head):
            continue
        surname = head[:k]
        if (
            _looks_like_surname(surname)
            and not is_place(surname)
            and _starts_with_department_folded(head[k:], DEPARTMENT_HEADS)
        ):
            return k
    return None


def is_office(title: str | None) -> bool:
    """True for offices that speak as a body (事務局, 司会 …)."""
    return title is not None and compact(title) in OFFICES


def _in(words: Collection[str], text: str, folded: str) -> bool:
    return text in words or folded in words


def split_person(
    text: str,
    *,
    known_titles: Collection[str] = (),
    run_together: bool = False,
    default_surname: int = 2,
) -> tuple[str | None, str | None]:
    """Split ``text`` into (name, title); either may be ``None``.

    In this order:

    1. a title the document uses alone (``known_titles``: labels such as 情報政策課長, titles
       from a roster) or a title word alone is a title (``(None, title)``); so is a text that
       starts with a department word (総務委員長, 子ども未来部長: :data:`DEPARTMENT_WORDS`);
    2. with :class:`Evidence` as ``known_titles``, the people the document names: a text
       that starts with one of their surnames (or shares the start of a full name introduced
       in the text) and ends with a title splits there;
    3. a known title after a name-like head: 日下｜情報政策部長;
    4. the title word at the end (:data:`POSITION_WORDS`): before 委員, 議員, 議長
       (:data:`PERSON_TITLES`) any name-like head is a name, kana included (``ひぐちのりこ委員``);
       before other titles a short run of kanji is, unless a word department names start
       with (:data:`DEPARTMENT_HEADS`) inside it shows where the surname ends (外口｜保険局長);
       a longer head splits where a short kanji run meets katakana or such a word
       (荒井｜スポーツ振興局施設担当部長, 古川｜秘書課長兼務人事課長);
    5. with ``run_together`` (roster entries, which always name a person) an entry that
       matches nothing known gives its first ``default_surname`` characters as the surname,
       the most common length, when the rest reads as a department; a speaker label is never
       split that way.

    A portfolio in parentheses after the title stays with it (``伊奈川参事官(社会保障担当)`` →
    伊奈川, ``参事官(社会保障担当)``). Old character forms are compared as today's (米窪國務大臣
    → 米窪, 國務大臣); what is returned is as printed.
    """
    if _no_evidence(known_titles):
        # no evidence (no title, nobody named): the same text splits the same way (remembered)
        return memoized("split_plainly", _split_plainly, (text, run_together, default_surname))
    return _split_person(text, known_titles, run_together, default_surname)


def _no_evidence(known_titles: Collection[str]) -> bool:
    """No title is known and nobody is named: a text is split by its own words alone."""
    return not known_titles and not (isinstance(known_titles, Evidence) and known_titles.people)


def _split_plainly(key: tuple[str, bool, int]) -> tuple[str | None, str | None]:
    text, run_together, default_surname = key
    return _split_person(text, (), run_together, default_surname)


def split_compact_person(
    body: str,
    *,
    known_titles: Collection[str] = (),
    run_together: bool = False,
    default_surname: int = 2,
) -> tuple[str | None, str | None]:
    """:func:`split_person` of a text that is compact already (``compact(body) == body``, as
    what :func:`~gijiroku.normalize.compact` gives, an honorific stripped or not): the same
    split, without compacting the text again."""
    if _no_evidence(known_titles):
        return memoized("split_plainly", _split_plainly, (body, run_together, default_surname))
    return _split_compact(body, known_titles, run_together, default_surname)


def _split_person(
    text: str, known_titles: Collection[str], run_together: bool, default_surname: int
) -> tuple[str | None, str | None]:
    return _split_compact(compact(text), known_titles, run_together, default_surname)


def _split_compact(
    body: str, known_titles: Collection[str], run_together: bool, default_surname: int
) -> tuple[str | None, str | None]:
    if not body:
        return None, None
    core, portfolio = split_portfolio(body)
    if portfolio is not None:
        name, title = split_person(
            core,
            known_titles=known_titles,
            run_together=run_together,
            default_surname=default_surname,
        )
        return name, (title or "") + portfolio
    folded = fold_variants(body)
    if _in(known_titles, body, folded) or folded in _POSITION_SET:
        return None, body
    if folded[:1] == "副" and folded[1:] in _POSITION_SET:
        return None, body  # 副局長, 副市長: a deputy's title, never the surname 副
    tail = len(folded) - _LONGEST_POSITION  # a title is short: look at the end only
    match = _ENDS_WITH_POSITION_RE.search(folded, max(tail, 0))
    if match is not None and _starts_with_department_folded(folded):
        return None, body
    if isinstance(known_titles, Evidence):
        cut = known_titles.surname_cut(folded)
        if cut is not None:
            return body[:cut], body[cut:]
    cuts = range(1, min(5, len(body) - 1) + 1) if known_titles else ()  # (none: no title known)
    # (a known title inside a longer title word is not cut out of it: 鈴木｜副会長, not 鈴木副｜会長)
    longest = len(match.group()) if match is not None else 0
    for cut in cuts:  # the longest known title first
        if len(body) - cut < longest:
            continue
        if _in(known_titles, body[cut:], folded[cut:]) and reads_as_name_head(folded[:cut]):
            return body[:cut], body[cut:]
    if match is None:
        return body, None
    at = match.start()
    inner = _ENDS_WITH_POSITION_RE.search(folded, 0, at)
    if (
        inner is not None
        and len(inner.group()) > 1
        and _looks_like_surname(folded[: inner.start()])
    ):
        at = inner.start()  # a title made of two after a surname: 武部｜担当書記
    head, fhead, position = body[:at], folded[:at], match.group()
    if not head:
        return None, body
    if _looks_like_surname(fhead) or _ANONYMOUS_RE.match(fhead):
        if position not in PERSON_TITLES and len(fhead) > 2:
            cut = _department_cut(fhead, katakana=False)
            if cut is not None:
                return body[:cut], body[cut:]
        return head, body[at:]
    if position in PERSON_TITLES and (
        _looks_like_name(fhead) or (run_together and _reads_as_full_name(fhead))
    ):
        return head, body[at:]  # 久保田健一郎｜副議長 (健 is a name's as often as 健康's)
    cut = _department_cut(fhead)
    if cut is not None:
        return body[:cut], body[cut:]
    # A roster entry names a person in full: a short head right before a bare title word is
    # the full name (大塚健志｜次長), when no department word starts inside it.
    if (
        run_together
        and 2 <= len(fhead) <= _FULL_NAME_MAX
        and _NAME_RE.match(fhead)
        and _department_cut(fhead) is None
        and not _starts_with_department_folded(fhead)
    ):
        return head, body[at:]
    # A roster entry's full name runs into a department's (米津好美｜企画総務部長): cut where a
    # department word starts after a name of the usual length.
    if run_together:
        for k in (4, 3, 5):
            if (
                k < len(fhead)
                and _NAME_RE.match(fhead[:k])
                and not _starts_with_department_folded(fhead[:k])
                and _starts_with_department_folded(fhead[k:])
            ):
                return body[:k], body[k:]
    # A run-together "surname + department + position" entry: take the common surname length
    # when what follows it reads as a department.
    if run_together and len(head) > default_surname and _HAN_ONLY_RE.match(head[:default_surname]):
        rest = head[default_surname:]
        if not ORG_CHARS.isdisjoint(rest) or not _HAN_ONLY_RE.match(rest):
            return head[:default_surname], body[default_surname:]
    return None, body


@dataclass(frozen=True, slots=True)
class Person:
    """Someone the document names outside the labels: ``name`` as printed (compact),
    ``surname`` when the layout shows where it ends, ``title`` printed with the name."""

    name: str
    surname: str | None = None
    title: str | None = None


class Evidence(set[str]):
    """What one document says about its speakers' titles and names, beyond the vocabulary.

    The set holds the titles the document prints alone or shares between several labels
    (情報政策課長; 総務課長 after 関 and after 佐藤), so it goes wherever ``known_titles`` goes;
    :attr:`people` are the persons it names with their full names (a list of members in the
    header, a self-introduction 「施設担当部長の荒井俊之でございます」). Built by
    :func:`gijiroku.labels.gather_evidence`.

    Example:
        >>> e = Evidence({"総務課長"}, people=[Person("荒井俊之", title="施設担当部長")])
        >>> split_person("荒井スポーツ振興局施設担当部長", known_titles=e)
        ('荒井', 'スポーツ振興局施設担当部長')
        >>> e.full_name("荒井")
        '荒井俊之'
    """

    def __init__(self, titles: Iterable[str] = (), *, people: Iterable[Person] = ()) -> None:
        super().__init__()
        self.people: list[Person] = []
        self._names: dict[str, Person] = {}  # folded full name → person
        self._by_surname: dict[str, list[Person]] = {}  # folded surname → people
        self._introduced: dict[str, list[Person]] = {}  # no surname shown: by two characters
        self._full_names: dict[tuple[str, str | None, str | None], str | None] = {}
        # the lengths of the full names and surnames known, longest first: only these are
        # looked up at the start of a label
        self._name_lengths: list[int] = []
        self._surname_lengths: list[int] = []
        for title in titles:
            self.add_title(title)
        for person in people:
            self.add_person(person)

    def add_title(self, title: str) -> None:
        """A title the document uses (kept as printed and as folded)."""
        self.add(title)
        self.add(fold_variants(title))

    def add_person(self, person: Person) -> None:
        """Someone the document names (a full name the same as one known is kept once)."""
        folded = fold_variants(person.name)
        if not folded or folded in self._names:
            return
        self.people.append(person)
        self._names[folded] = person
        self._full_names.clear()
        _add_length(self._name_lengths, len(folded))
        if person.surname:
            surname = fold_variants(person.surname)
            self._by_surname.setdefault(surname, []).append(person)
            _add_length(self._surname_lengths, len(surname))
        else:
            self._introduced.setdefault(folded[:2], []).append(person)

    def surname_cut(self, folded: str) -> int | None:
        """Where the name ends in a label (folded) that starts with the full name or the
        surname of a person the document names, or shares two characters or more with a
        name introduced in full, and ends with a title; None when no one, or several ways,
        fit. A full name the label starts with wins (中村紀雄委員 is not 中村 + 紀雄委員)."""
        longest = min(len(folded) - 1, _NAME_MAX)
        for n in self._name_lengths:  # 2 … longest, longest first
            if (
                1 < n <= longest
                and folded[:n] in self._names
                and _reads_as_title_after_name(folded[n:])
            ):
                return n
        longest = min(len(folded) - 1, _SURNAME_MAX)
        cuts = {
            k
            for k in self._surname_lengths  # 1 … longest
            if k <= longest
            and folded[:k] in self._by_surname
            and _reads_as_title_after_name(folded[k:])
        }
        for person in self._introduced.get(folded[:2], ()):
            cut = _common_prefix(folded, fold_variants(person.name))
            rest = folded[cut:]
            if _reads_as_title_after_name(rest) and position_suffix(rest) == position_suffix(
                person.title or rest
            ):
                cuts.add(cut)
        return cuts.pop() if len(cuts) == 1 else None

    def full_name(self, name: str, hint: str | None = None, role: str | None = None) -> str | None:
        """The one full name the document prints for a surname (``hint``: the start of the
        given name, 林（宏）委員; ``role`` narrows several people down by their titles)."""
        key = (fold_variants(name), fold_variants(hint) if hint else None, role)
        if key not in self._full_names:
            self._full_names[key] = self._find_full_name(*key)
        return self._full_names[key]

    def _find_full_name(self, surname: str, hint: str | None, role: str | None) -> str | None:
        found: dict[str, Person] = {}
        for person in (*self._by_surname.get(surname, ()), *self._introduced.get(surname[:2], ())):
            folded = fold_variants(person.name)
            if len(folded) <= len(surname) or not folded.startswith(surname):
                continue
            if hint and not folded[len(surname) :].startswith(hint):
                continue
            found.setdefault(folded, person)
        if len(found) > 1 and role:  # the title printed with the name, then its family
            wanted = fold_variants(role)
            found = (
                {k: p for k, p in found.items() if p.title and fold_variants(p.title) == wanted}
                or {
                    k: p
                    for k, p in found.items()
                    if p.title and title_family(fold_variants(p.title)) == title_family(wanted)
                }
                or found
            )
        return next(iter(found.values())).name if len(found) == 1 else None


def _add_length(lengths: list[int], length: int) -> None:
    """Add ``length`` to ``lengths`` (distinct, longest first)."""
    if length not in lengths:
        lengths.append(length)
        lengths.sort(reverse=True)


def _reads_as_title_after_name(rest: str) -> bool:
    """What follows a name in a label reads as a title: it ends with a title word and does
    not start with kana that would go on the name (ようすけ委員)."""
    return bool(rest) and not _KANA_START_RE.match(rest) and position_suffix(rest) is not None


#: A full name is at most this long; a surname at most :data:`_SURNAME_MAX`.
_NAME_MAX = 10
_SURNAME_MAX = 4
_KANA_START_RE = regex.compile(r"[\p{Hiragana}ー]")


def _common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start."""
    shorter = min(len(a), len(b))
    for i in range(shorter):  # (a loop: no generator made for two short names)
        if a[i] != b[i]:
            return i
    return shorter


#: Titles that say "a member of this body": a label with one of them fits any member listed
#: with another (委員 ~ 理事 ~ 委員長).
MEMBER_TITLES = frozenset(
    {
        "委員",
        "議員",
        "構成員",
        "君",
        "理事",
        "委員長",
        "副委員長",
        "委員長代理",
        "小委員長",
        "小委員",
    }
)
#: Title words that make a family of titles, checked in this order: a label's 国務大臣 fits a
#: member listed as 文部科学大臣 (both …大臣), 副大臣 only 副大臣.
_TITLE_FAMILY_ENDINGS = ("政務官", "副大臣", "大臣")


def title_family(title: str | None) -> str | None:
    """The family of titles ``title`` belongs to, for matching a label's title with a roster's:
    titles of a member of the body are one family (委員 ~ 理事), titles ending with the same
    ministerial word are one (国務大臣 ~ 文部科学大臣); any other title is its own.

    Example:
        >>> title_family("理事"), title_family("国務大臣"), title_family("財務副大臣")
        ('委員', '大臣', '副大臣')
    """
    if not title:
        return None
    ending = next((e for e in _TITLE_FAMILY_ENDINGS if title.endswith(e)), None)
    if ending is not None:
        return ending
    return "委員" if title in MEMBER_TITLES else title
