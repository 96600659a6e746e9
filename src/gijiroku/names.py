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
"""

from __future__ import annotations

from collections.abc import Collection

import regex

from gijiroku.normalize import compact

__all__ = [
    "CHAIR_ROLES",
    "HONORIFICS",
    "OFFICES",
    "PERSON_TITLES",
    "POSITION_WORDS",
    "POSITION_WORDS_RE",
    "is_office",
    "position_suffix",
    "split_person",
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
    専門官 調整官 補佐 課長補佐 担当 事務総長 事務次長 総裁 副総裁
    知事 副知事 市長 副市長 町長 副町長 村長 副村長 区長 副区長 教育長 管理者 事業管理者
    会計管理者 代表監査委員 監査委員 選挙管理委員長 教育委員 事務局長 事務局次長 事務局
    書記 書記長 職員 政府参考人 先生 講師 教授 准教授 マネージャー リーダー
    国務大臣 政府特別補佐人 政府委員 分科員 小委員長 小委員 主査代理 会計検査院長
    法制局長 衆議院議員 参議院議員 最高裁判所長官代理者 常任委員会専門員 専門員 調査室長
"""
#: Words a title ends with, longest first, so that 副委員長 wins over 委員長 and 委員.
POSITION_WORDS: tuple[str, ...] = tuple(
    sorted(set(_POSITION_TABLE.split()), key=lambda w: (-len(w), w))
)
_LONGEST_POSITION = max(len(w) for w in POSITION_WORDS)
POSITION_WORDS_RE = "|".join(regex.escape(w) for w in POSITION_WORDS)
_POSITION_SET = frozenset(POSITION_WORDS)
_ENDS_WITH_POSITION_RE = regex.compile(rf"(?:{POSITION_WORDS_RE})$")

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

#: Characters that show up in the names of departments and offices but hardly ever in
#: Japanese surnames: a head made of them is an organization, not a person.
ORG_CHARS = frozenset(
    "務政策画報事局課係財税契約管防災消祉健環境農商設交通院民育推総監査議会計営業庁省府県区署"
    "館団班隊系担整調統括援療医障害童齢介護衛宅湾輸施聴秘略企危機戦産労働雇経済融証券規制革"
    "発構想芸術振興際参"
)
_HAN_ONLY_RE = regex.compile(r"^[\p{Han}々〆ヶ]+$")
#: A personal name as printed in a label: kanji and kana (ひぐちのりこ, ごうこ正太郎, 高村直也).
_NAME_RE = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ]{2,8}$")
#: Members kept anonymous in published minutes: Ａ委員, B委員, ○○委員.
_ANONYMOUS_RE = regex.compile(r"^(?:[A-Za-zＡ-Ｚａ-ｚ]{1,2}|[○〇×＊*]{1,3})$")


def strip_honorific(name: str) -> tuple[str, str | None]:
    """Remove a trailing honorific (君, さん, 氏 …).

    Example:
        >>> strip_honorific("山田太郎君")
        ('山田太郎', '君')
    """
    for honorific in HONORIFICS:
        if name.endswith(honorific) and len(name) > len(honorific):
            return name[: -len(honorific)], honorific
    return name, None


def position_suffix(text: str) -> str | None:
    """The title word ``text`` ends with (longest first), or ``None``.

    Example:
        >>> position_suffix("伊藤よしのり議長"), position_suffix("山田太郎")
        ('議長', None)
    """
    match = _ENDS_WITH_POSITION_RE.search(compact(text[-_LONGEST_POSITION * 2 :]))
    return match.group() if match else None


def _looks_like_surname(head: str) -> bool:
    """A short run of kanji with no organization characters reads as a surname."""
    return (
        1 <= len(head) <= 4
        and bool(_HAN_ONLY_RE.match(head))
        and not any(ch in ORG_CHARS for ch in head)
    )


_KATAKANA_ONLY_RE = regex.compile(r"^[\p{Katakana}ー]+$")


def _looks_like_name(head: str) -> bool:
    """2 to 8 kanji or kana with no organization characters, not all katakana (デジタル):
    a member's full name in a label such as ``福田ようすけ委員``."""
    return (
        bool(_NAME_RE.match(head))
        and not any(ch in ORG_CHARS for ch in head)
        and not _KATAKANA_ONLY_RE.match(head)
    )


def is_office(title: str | None) -> bool:
    """True for offices that speak as a body (事務局, 司会 …)."""
    return title is not None and compact(title) in OFFICES


def split_person(
    text: str,
    *,
    known_titles: Collection[str] = (),
    run_together: bool = False,
    default_surname: int = 2,
) -> tuple[str | None, str | None]:
    """Split ``text`` into (name, title); either may be ``None``.

    ``known_titles`` are titles the document itself uses (labels such as 情報政策課長,
    titles from a roster); they win over the built-in table. A title alone gives
    ``(None, title)``; a name with no title gives ``(name, None)``. Before a title of
    :data:`PERSON_TITLES` (委員, 議員, 議長) any name-like head is a name, kana included
    (``ひぐちのりこ委員``); before other titles only a short run of kanji is. With ``run_together``
    (roster entries, which always name a person) an entry like ``佐藤情報システム課長`` that
    matches nothing known gives its first ``default_surname`` characters as the surname, the
    most common length; a speaker label is never split that way.
    """
    body = compact(text)
    if not body:
        return None, None
    if body in known_titles or body in _POSITION_SET:
        return None, body
    for cut in range(1, min(5, len(body) - 1) + 1):  # the longest known title first
        if body[cut:] in known_titles:
            return body[:cut], body[cut:]
    tail = len(body) - _LONGEST_POSITION  # a title is short: look at the end only
    match = _ENDS_WITH_POSITION_RE.search(body, max(tail, 0))
    if match is None:
        return body, None
    head, position = body[: match.start()], match.group()
    if not head:
        return None, position
    if _looks_like_surname(head) or _ANONYMOUS_RE.match(head):
        return head, position
    if position in PERSON_TITLES and _looks_like_name(head):
        return head, position
    # A run-together "surname + department + position" entry: take the common surname length
    # when what follows it reads as a department.
    if run_together and len(head) > default_surname and _HAN_ONLY_RE.match(head[:default_surname]):
        rest = head[default_surname:]
        if any(ch in ORG_CHARS for ch in rest) or not _HAN_ONLY_RE.match(rest):
            return head[:default_surname], rest + position
    return None, body


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
