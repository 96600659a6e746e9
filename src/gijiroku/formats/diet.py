"""National Diet minutes (国会会議録) as the NDL minutes system serves them.

A header (the 会議録情報 record) comes first: the date, the opening time, rosters, membership
changes and the agenda; then each speech starts with ``○label`` and a full-width space.
Lines it recognises, from ``samples/diet/``::

    令和五年十一月一日（水曜日）                        date line
    午後零時十一分開議                          opening time (an event)
    出席委員 / 　　出席者は左のとおり。                attendance roster heading
    理事　池田　佳隆君　理事　中村　裕之君        roster: title, name, 君; two columns
    財務大臣 / 　　　　　　　（内閣府特命担  a post printed over several lines
    委員の異動 / 　八月七日 / 　　　　辞任　　　補欠選任  membership changes
    ○議事日程　第七号                                  order of the day (a plenary: 本会議)
    ○本日の会議に付した案件 / 　一、…                 the agenda: sections
    ――――◇―――――                           rule lines (衆議院 ―, 参議院 ─ ━)
    ○田野瀬委員長　これより会議を開きます。            surname + role
    ○議長（尾辻秀久君）　これより会議を開きます。      role（full name君）
    ○石井準一君　ただいま議題となりました…            full name君 (plenary)
    〔「異議なし」と呼ぶ者あり〕                  stage direction, kept in the turn
    〔委員長退席、理事山田太郎君着席〕            chair change
"""

from __future__ import annotations

import collections
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import regex

from gijiroku.blocks import (
    Block,
    BlockKind,
    BlockMeta,
    EntryLayout,
    Fact,
    HeaderMeta,
    HeaderName,
    MemberMeta,
    NoteMeta,
    SectionMeta,
    SeparatorMeta,
    TurnMeta,
)
from gijiroku.dates import parse_number
from gijiroku.formats import common
from gijiroku.formats.base import ChildRule, Context, Format, Head, Rule, Signal, in_mode, weigh
from gijiroku.meeting import read_title
from gijiroku.names import position_suffix
from gijiroku.notes import classify_note
from gijiroku.sessions import session_on
from gijiroku.vocabulary import COURSE_WORDS, ERA_NAMES, KNUM, RULE_CHARS, SP
from gijiroku.vocabulary import NAME_CHAR as NAME

if TYPE_CHECKING:
    from gijiroku.meeting import Diagnose, MeetingValues

__all__ = ["Diet"]

DATE_LINE_RE = regex.compile(
    rf"(?P<value>(?:{ERA_NAMES})(?:元|{KNUM})年{KNUM}月{KNUM}日(?:（[月火水木金土日]曜日?）)?)"
)
TIME_LINE_RE = regex.compile(
    rf"""
    (?P<text>
      (?:(?:午前|午後){SP}*{KNUM}時(?:{SP}*{KNUM}分|半)?|正午)   # 午後零時十一分
      {SP}*(?:{COURSE_WORDS})                                      # 開議 / 散会 …
    )
    """,
    regex.VERBOSE,
)
#: The sitting's day printed without its year, beside the opening time (a 1947 record:
#: 十一月十四日（金曜日）午前十一時二十分開会); the year is the one printed above.
DAY_LINE_RE = regex.compile(
    rf"(?P<value>{KNUM}月{KNUM}日（[月火水木金土日]曜日?）(?:{SP}*(?:{TIME_LINE_RE.pattern}))?)",
    regex.VERBOSE,
)
#: A rule line: ―――, ───, ━━━, …… with at most one ornament (◇, ・) in it.
SEPARATOR_RE = regex.compile(rf"[{RULE_CHARS}]{{3,}}(?:[◇・◆○●][{RULE_CHARS}]{{3,}})?")
#: 第二百十二回国会　衆議院　文部科学委員会議録　第一号 (a printed title, when there is one)
TITLE_RE = regex.compile(
    rf"""
    (?P<value>
      第{SP}*(?P<session>{KNUM}){SP}*回{SP}*国会{SP}*
      (?:(?P<house>衆議院|参議院|両院){SP}*)?
      (?P<body>\S+?(?:会|審査会|調査会))(?:会議録|議録)?{SP}*
      (?:第{SP}*(?P<number>{KNUM}){SP}*号)?
      (?:{SP}*(?P<date>(?:令和|平成|昭和)\S+))?
    )
    """,
    regex.VERBOSE,
)
ORDER_OF_DAY_RE = regex.compile(rf"○?{SP}*(?P<key>議事日程){SP}*(?P<value>第{SP}*{KNUM}{SP}*号)")
#: An item of the order of the day: 第一　令和五年度一般会計補正予算（第１号）
ORDER_ITEM_RE = regex.compile(rf"(?P<key>第{KNUM}){SP}+(?P<value>.+)")
AGENDA_HEADING_RE = regex.compile(rf"○?{SP}*(?P<value>本日の会議に付した(?:案件|事件))")
CONVOCATION_RE = regex.compile(r"(?P<value>本国会召集日.*における本委員は、次のとおりである。)")
#: Roster headings: the attendance list and the lists of officials and witnesses.
ROSTER_HEADING_RE = regex.compile(
    rf"""
    (?P<value>
        出席委員 | 出席者は左のとおり。? | 出席国務大臣 | 出席政府特別補佐人 | 出席政府委員
      | 出席政府参考人 | 出席参考人 | 出席公述人 | 委員外の出席者 | 政府参考人 | 参考人 | 公述人
      | 委{SP}*員{SP}*長 | 理{SP}*事 | 委{SP}*員 | 会{SP}*長 | 幹{SP}*事 | 国務大臣 | 副大臣
      | 大臣政務官 | 事務局側 | 法制局側 | 衆議院事務局側 | 参議院事務局側 | 衆議院議員
      | 参議院議員 | 政府特別補佐人 | 会計検査院側 | 最高裁判所側 | 説明員 | 証人
    )
    """,
    regex.VERBOSE,
)
CHANGES_HEADING_RE = regex.compile(r"(?P<value>(?:委員|会員|理事)の異動)")
CHANGE_DATE_RE = regex.compile(rf"(?P<value>(?:同月)?(?:同日|(?:{KNUM}月)?{KNUM}日))")
CHANGE_COLUMNS_RE = regex.compile(rf"(?P<value>辞任{SP}+補欠選任)")
#: A roster line: entries that each end with 君 (in one or two columns).
ENTRY = rf"(?:[^君\s]|君(?!{SP}|$))(?:[^君]|君(?!{SP}|$))*?君"
ROSTER_RE = regex.compile(rf"(?P<entries>{ENTRY}(?:{SP}+{ENTRY})*)")
ENTRY_RE = regex.compile(rf"(?P<person>{ENTRY})(?={SP}|$)")
#: A post printed alone on its line (財務大臣, （内閣府特命担, 当大臣（金融）).
POST_RE = regex.compile(r"(?P<value>[^\s君。、]{1,30})")

#: Roles a speech label ends with (surname + role): longest first.
ROLE = common.POSITION_WORD  # (the words behind a test of their first character)
LABEL = rf"""
    (?P<label>
        [^（）\s○]{{1,30}}?（[^（）\s]{{1,20}}?君?）                # 議長（尾辻秀久君）
      | {NAME}{{0,15}}?(?:（[^（）\s]{{1,4}}）)?(?:{ROLE})        # 田野瀬委員長, 鈴木（貴）委員, 委員長
      | {NAME}{{1,15}}?君                                         # 石井準一君
    )
"""
SPEECH_RE = regex.compile(rf"○{LABEL}(?:{SP}+(?P<text>.*))?", regex.VERBOSE | regex.DOTALL)
STAGE_RE = regex.compile(r"(?P<text>〔[^〔〕]+〕)")
TEXT_RE = regex.compile(r"(?P<text>.+)", regex.DOTALL)
ANY_RE = regex.compile(r"(?P<value>.+)", regex.DOTALL)

#: Facts about the meeting stated in running text or rosters.
BODY_OPENED_RE = regex.compile(
    rf"(?:ただいまから|これより|只今から){SP}*(?P<value>[\p{{Han}}\p{{Katakana}}ー・]{{2,30}}?(?:委員会|調査会|審査会|憲法審査会|協議会))を開会"
)
BODY_STAFF_RE = regex.compile(
    r"(?P<value>[\p{Han}\p{Katakana}ー・]{2,30}?(?:委員会|調査会|審査会))(?:専門員|調査室長)"
)
_GENERIC_BODIES = frozenset({"常任委員会", "特別委員会", "委員会", "調査会"})


_SPACE_RE = regex.compile(r"\s")


def _not_generic(match: regex.Match[str], ctx: Context) -> bool:
    return match["value"] not in _GENERIC_BODIES


def _roster_heading(match: regex.Match[str], ctx: Context) -> bool:
    """A heading stands alone and at a shallow indent (a post at column 8 is not one); right
    after a post it is the same person's next post (財務大臣 / 国務大臣 / （金融担当）…),
    however it is indented."""
    return ctx.indent <= 5 and ctx.previous_rule != "post"


_LIST_MARK_RE = regex.compile(r"[、，,|｜：:]")


def _is_speech(match: regex.Match[str], ctx: Context) -> bool:
    """A speech, not a key of the header printed with a mark (○出席者, ○日時)."""
    return bool(match["text"]) or not common.is_header_key(match["label"])


def _post_fragment(match: regex.Match[str], ctx: Context) -> bool:
    """A post printed alone in a roster, set in; or, where the indentation is lost, a title
    that is not a heading of the lists (財務大臣)."""
    if ctx.mode != "roster" or _LIST_MARK_RE.search(match["value"]):
        return False  # a line with 、 ： | lists people
    return (
        ctx.indent > 5
        or position_suffix(match["value"]) is not None
        or ctx.previous_rule == "post"  # （内閣府特命担 / 当大臣（金融）: a post goes on
    )


_SHUGIIN = ((Fact.HOUSE, "衆議院"),)
_SANGIIN = ((Fact.HOUSE, "参議院"),)
_PLENARY = ((Fact.BODY, "本会議"),)


def _house_of_rule(groups: Mapping[str, str]) -> BlockMeta:
    """衆議院 prints rules with ― (U+2015); 参議院 with ─ (U+2500) and ━ (U+2501). A dotted
    rule (…………) only separates members from officials inside one attendance list."""
    rule = groups.get("text", "")
    if set(rule) <= {"…", "‥"}:
        return SeparatorMeta(sublist=True)
    if "―" in rule:
        return SeparatorMeta(facts=_SHUGIIN)
    if "─" in rule or "━" in rule:
        return SeparatorMeta(facts=_SANGIIN)
    return SeparatorMeta()


def _heading_facts(groups: Mapping[str, str]) -> BlockMeta:
    """出席委員 (衆議院) or 出席者は左のとおり (参議院, whose lists carry their own headings);
    headings under an attendance heading keep the attendance it states."""
    value = _SPACE_RE.sub("", groups.get("value", ""))
    facts: tuple[tuple[Fact, str], ...] = ()
    group = value
    if value == "出席委員":
        facts = _SHUGIIN
    elif value.startswith("出席者は左のとおり"):
        facts, group = _SANGIIN, ""
    return HeaderMeta(
        name=HeaderName.ROSTER_HEADING,
        group=group,
        attendance="present" if value.startswith("出席") else None,
        facts=facts,
    )


def _speech_facts(groups: Mapping[str, str]) -> BlockMeta:
    label = groups.get("label", "")
    if label.startswith(("議長（", "副議長（", "仮議長（")):
        return TurnMeta(facts=_PLENARY)
    return TurnMeta()


def _time_note(groups: Mapping[str, str]) -> BlockMeta:
    return NoteMeta(kind=classify_note(groups.get("text", "")))


_STAGE = Rule("stage-direction", BlockKind.NOTE, STAGE_RE, derive=_time_note)
_TIME = Rule(
    "time",
    BlockKind.NOTE,
    TIME_LINE_RE,
    derive=_time_note,
    may_match=common.ends_with_one_of(common.COURSE_WORD_ENDS),  # (開議, 散会 …)
)
_SEPARATOR = Rule(
    "separator",
    BlockKind.SEPARATOR,
    regex.compile(rf"(?P<text>{SEPARATOR_RE.pattern})"),
    derive=_house_of_rule,
    sets_mode=None,
)
_SPEECH = Rule(
    "speech",
    BlockKind.TURN,
    SPEECH_RE,
    guard=_is_speech,
    derive=_speech_facts,
    ends_header=True,
)
_MEMBERS = ChildRule("entries", BlockKind.MEMBER, ENTRY_RE, MemberMeta(layout=EntryLayout.COLUMNS))

HEADER_RULES: tuple[Rule, ...] = (
    _SPEECH,
    _SEPARATOR,
    _TIME,
    Rule("title", BlockKind.HEADER, TITLE_RE, meta=HeaderMeta(name=HeaderName.TITLE)),
    Rule("date", BlockKind.HEADER, DATE_LINE_RE, meta=HeaderMeta(name=HeaderName.DATE)),
    Rule("day", BlockKind.HEADER, DAY_LINE_RE, meta=HeaderMeta(name=HeaderName.DATE)),
    Rule(
        "order-of-day",
        BlockKind.HEADER,
        ORDER_OF_DAY_RE,
        sets_mode="order",
        meta=HeaderMeta(name=HeaderName.NUMBER, facts=_PLENARY),
    ),
    Rule(
        "agenda-heading",
        BlockKind.HEADER,
        AGENDA_HEADING_RE,
        sets_mode="agenda",
        meta=HeaderMeta(name=HeaderName.AGENDA_HEADING),
    ),
    Rule(
        "convocation-roster",
        BlockKind.HEADER,
        CONVOCATION_RE,
        sets_mode="roster",
        meta=HeaderMeta(
            name=HeaderName.ROSTER_HEADING,
            group="本国会召集日の委員",
            member_title="委員",
            attendance="unknown",
            facts=((Fact.NUMBER, "1"),),
        ),
    ),
    Rule(
        "changes-heading",
        BlockKind.HEADER,
        CHANGES_HEADING_RE,
        sets_mode="changes",
        meta=HeaderMeta(name=HeaderName.CHANGES_HEADING),
    ),
    Rule(
        "change-date",
        BlockKind.HEADER,
        CHANGE_DATE_RE,
        guard=in_mode("changes", None),
        meta=HeaderMeta(name=HeaderName.CHANGE_DATE),
    ),
    Rule(
        "change-columns",
        BlockKind.HEADER,
        CHANGE_COLUMNS_RE,
        guard=in_mode("changes"),
        meta=HeaderMeta(name=HeaderName.CHANGE_COLUMNS),
    ),
    Rule(
        "roster-heading",
        BlockKind.HEADER,
        ROSTER_HEADING_RE,
        guard=_roster_heading,
        sets_mode="roster",
        derive=_heading_facts,
    ),
    Rule(
        "roster",
        BlockKind.ROSTER,
        ROSTER_RE,
        guard=in_mode("roster", "changes", None),
        children=_MEMBERS,
    ),
    Rule(
        "post",
        BlockKind.HEADER,
        POST_RE,
        guard=_post_fragment,
        modes=frozenset({"roster"}),
        meta=HeaderMeta(name=HeaderName.POST),
    ),
    *common.ROSTER_RULES,
    Rule(
        "agenda-item",
        BlockKind.SECTION,
        regex.compile(r"○?[ \u3000]*(?P<title>.+)", regex.DOTALL),
        guard=in_mode("agenda"),
        meta=SectionMeta(agenda=True),
    ),
    Rule(
        "order-of-day-item",
        BlockKind.HEADER,
        ORDER_ITEM_RE,
        guard=in_mode("order", None),
        meta=HeaderMeta(name=HeaderName.ORDER_OF_DAY),
    ),
    *common.KEY_RULES,
    *common.HEADER_TAIL_RULES,
    Rule("notice", BlockKind.HEADER, ANY_RE, meta=HeaderMeta(name=HeaderName.NOTICE)),
)

BODY_RULES: tuple[Rule, ...] = (
    _SPEECH,
    *common.EVENT_RULES,
    *common.HEADING_RULES,
    _STAGE,
    _TIME,
    _SEPARATOR,
    Rule("continuation", BlockKind.CONTINUATION, TEXT_RE),
)

#: What the head shows, tested on ``"\n" + head`` (:attr:`~gijiroku.formats.base.Head.after_break`),
#: with its weight, in the order the weights are summed: a pattern for the start of a line
#: starts with ``\n``, found faster than ``(?m)^``; the standard ``re`` where nothing of
#: ``regex`` is needed, and words ``in`` the text, quicker than an alternation of words.
_DIET_WORDS = ("本国会召集日", "出席者は左のとおり", "委員の異動")
_SESSION_IN_HEAD_RE = re.compile(rf"第{SP}*{KNUM}{SP}*回{SP}*国会")
_MINISTERS_LINE_RE = re.compile(rf"\n{SP}*(?:国務大臣|政府参考人|大臣政務官|辞任{SP}+補欠選任)")


class _DietLines:
    """What only the Diet's minutes print: the convocation roster, the house's attendance
    line, membership changes, the session, ministers and government witnesses listed."""

    @staticmethod
    def search(lines: str) -> object:
        return (
            any(word in lines for word in _DIET_WORDS)
            or _SESSION_IN_HEAD_RE.search(lines)
            or _MINISTERS_LINE_RE.search(lines)
        )


class _OpeningTime:
    """A line that opens the sitting: 午前十時開議 (``(?m)^`` found as ``\\n`` by ``re``)."""

    pattern = re.compile(rf"\n{SP}*(?:午前|午後){KNUM}時(?:{KNUM}分)?(?:開議|開会)")

    @classmethod
    def search(cls, text: str) -> object:
        return cls.pattern.search("\n" + text)


#: (pattern, weight); a pattern is anything with a ``search``.
_LOOKS: tuple[
    tuple[regex.Pattern[str] | re.Pattern[str] | type[_DietLines | _OpeningTime], float], ...
] = (
    (regex.compile(rf"(?m)^○{LABEL}\u3000", regex.VERBOSE), 0.4),
    (_DietLines, 0.4),
    (_OpeningTime, 0.2),
    (
        re.compile(
            r"\n(?:令和|平成|昭和)[〇一二三四五六七八九十元]+年[〇一二三四五六七八九十]+月[〇一二三四五六七八九十]+日（.曜日）"
        ),
        0.2,
    ),
)
_SIGNALS: tuple[Signal, ...] = tuple((pattern.search, weight) for pattern, weight in _LOOKS)


def _looks_like(lines: str) -> float:
    """The weights of what ``lines`` (the head after a line break) shows, summed as ``sum``
    sums them; once they reach 1.0 the rest cannot change the score (1.0): not tested."""
    return weigh(_SIGNALS, lines)


_SESSION_RE = regex.compile(rf"第{SP}*(?P<n>{KNUM}){SP}*回{SP}*国会")
_HOUSE_RE = regex.compile(r"衆議院|参議院")


class Diet(Format):
    """National Diet minutes: ○label　speeches, kanji era dates, 開議 lines, rosters of
    members, ministers and 参考人 in columns, membership changes."""

    name = "diet"
    description = "National Diet minutes (国会会議録) as the NDL minutes system serves them"
    example = "○田野瀬委員長　これより会議を開きます。"
    header_rules = HEADER_RULES
    body_rules = BODY_RULES
    paragraph_mode = "line"
    #: NDL rosters print posts in a column 7 characters wide; a full line goes on below.
    post_column = 7
    mention_rules = (
        ChildRule(
            "",
            BlockKind.HEADER,
            BODY_OPENED_RE,
            span_group="value",
            once=True,
            fact=Fact.BODY,
            needs="開",  # を開会
        ),
        ChildRule(
            "",
            BlockKind.HEADER,
            BODY_STAFF_RE,
            span_group="value",
            kinds=(BlockKind.ROSTER, BlockKind.HEADER),
            guard=_not_generic,
            fact=Fact.BODY,
            needs="専調",  # 専門員, 調査室長
        ),
    )

    def looks_like(self, head: str) -> float:
        """○label　speeches, kanji era dates, 開議 lines, ministers and 参考人."""
        return _looks_like("\n" + head)  # (every line after a line break)

    def looks_like_head(self, head: Head) -> float:
        return _looks_like(head.after_break)

    def read_title(self, title: str, block: Block) -> MeetingValues:
        """第二百十二回国会　衆議院　文部科学委員会議録　第一号: the session and the house too."""
        session = block.get("session") or (m["n"] if (m := _SESSION_RE.search(title)) else None)
        rest = _SESSION_RE.sub(" ", title)
        house = block.get("house") or (m.group() if (m := _HOUSE_RE.search(rest)) else None)
        values = read_title(_HOUSE_RE.sub(" ", rest), body=block.get("body"))
        values["title"] = title
        if session:
            values["session"] = parse_number(session)
        if house:
            values["house"] = house
        return values

    def finish_meeting(
        self, values: MeetingValues, facts: Mapping[Fact, Sequence[str]], diagnose: Diagnose
    ) -> None:
        """The house most rule lines and headings show; the session from the date when no
        title prints it."""
        houses = facts.get(Fact.HOUSE)
        if values.get("house") is None and houses:
            values["house"] = collections.Counter(houses).most_common(1)[0][0]
        date = values.get("date")
        if not values.get("house") or values.get("session") is not None or date is None:
            return
        values["session"] = session_on(date)
        if values["session"] is None:
            diagnose(
                "info", "session-unknown", f"no Diet session known for {date.isoformat()}", None
            )
        else:
            diagnose(
                "info",
                "session-from-date",
                f"session {values['session']} inferred from the date (not printed)",
                None,
            )
