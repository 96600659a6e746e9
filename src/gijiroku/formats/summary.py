"""Summary minutes (要点記録): notes of a board or study group that list points and decisions
instead of verbatim turns — Markdown, reStructuredText-style titles, or plain bulleted notes.

Lines it recognises, from ``samples/notes/pyconjp-board-77-2025-12-08.md`` and
``samples/notes/ict-kyouikukei-2013-05-01.md``::

    # 2025年12月8日(月) 一般社団法人PyCon JP Association運営会議#77     the title (date, number)
    * 日時: 2025年12月8日(月) 19:30-21:00                                  header field
    * 参加者 <https://pyconjp-staff.connpass.com/event/364988/>            attendance heading
      * 理事: takanory, shimizukawa, terada                                 roster: group and names
    ## 参加者 / * B4 中野佑（マネージャー）                                  roster as a section
    ### PyCon JP 2025(nishimotz、高、報告)                                  heading: presenter, tags
    * 解散しました(terada                                                   item with its owner
    * **TODO**: ルール考えてPyCon JP 2026側から提案する(sano, takanory      to-do
    * 【決定】来年度は初期から予算を決めて3000円*10回とか実施する          decision
    ### Todo / * **EclipseにEGitを入れる** 今日やれたっぽいぞ               to-dos by their heading

No utterances are made up: every bullet or paragraph becomes an item of its section.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping

import regex

from gijiroku.blocks import (
    BlockKind,
    BlockMeta,
    HeaderMeta,
    HeaderName,
    ItemMeta,
    MemberMeta,
    SectionMeta,
)
from gijiroku.formats import common
from gijiroku.formats.base import (
    ChildRule,
    Context,
    Format,
    Guard,
    Head,
    Rule,
    header_field_name,
    in_mode,
    keyed_header,
    title_unseen,
)
from gijiroku.normalize import clean_text, memoized
from gijiroku.vocabulary import SP_OR_TAB as SP
from gijiroku.vocabulary import WHITE_SPACE

__all__ = ["Summary"]

BULLET = r"(?:[*+\-・●◦▪■□]|[0-9０-９]{1,3}[.)．）]|[（(][0-9０-９]{1,3}[)）])"
HEADING_RE = regex.compile(rf"(?P<hashes>#{{1,6}}){SP}+(?P<title>.+?)(?:{SP}+#+)?")
#: A heading whose bullets are people: its title is the key of an attendance field.
KEY_HEADING_RE = regex.compile(rf"(?P<hashes>#{{1,6}}){SP}+(?P<key>.+?)(?:{SP}+#+)?")
TITLE_RE = regex.compile(rf"#{SP}+(?P<value>.+)")
UNDERLINE_RE = regex.compile(r"(?P<underline>[=\-~^*#]{3,})")
UNDERLINED_TITLE_RE = regex.compile(r"(?P<title>[^\s*+\-#・].*)")
FIELD_KEYS = r"日時|日程|開催日時|開催日|日付|時間|場所|会場|開催場所|参加者|出席者|欠席者|参加|出席|欠席|記録|記録者|書記"
#: A character of every key in :data:`FIELD_KEYS`: the needs of the field rules.
FIELD_KEY_NEEDS = "日時場参出欠記書"
FIELD_RE = regex.compile(
    rf"{BULLET}?{SP}*(?P<key>{FIELD_KEYS}){SP}*(?:[:：]{SP}*(?P<value>.*)|{SP}+(?P<value>.+))?"
)
#: A nested roster line: ``理事: takanory, shimizukawa`` (a group and its names).
GROUP_RE = regex.compile(rf"{BULLET}{SP}+(?P<group>[^:：\s]{{1,20}}){SP}*[:：]{SP}*(?P<entries>.+)")
#: A participant: ``B4 中野佑（マネージャー）``, ``神谷先生（仲良くする人）``, ``takanory``.
ENTRY_RE = regex.compile(
    rf"""
    (?<![^（()）、,，\s])                      # an entry starts a word (each word read once)
    (?:(?P<title>[A-Z]{{1,2}}[0-9]{{1,2}}|学部[0-9一二三四]年|[0-9一二三四]年生?){SP}+)?
    (?P<person>[^（()）、,，\s][^（()）、,，]*?){SP}*
    (?:[（(](?P<paren>[^（()）]*)[)）])?
    (?=[、,，]|$)
    """,
    regex.VERBOSE,
)
PERSON_RE = regex.compile(rf"{BULLET}{SP}+(?P<entries>.+)")
#: A bullet and its text, or a bullet alone (no text group: a bullet is never a space, so
#: the text is whatever follows the spaces after it). Written with each name once, so that
#: the standard ``re`` reads it too (the tokenizer's quicker twin of the pattern).
ITEM_RE = regex.compile(rf"(?P<marker>{BULLET})(?:{SP}+(?P<text>.*))?")
PARAGRAPH_RE = regex.compile(r"(?P<text>.+)", regex.DOTALL)
RULE_LINE_RE = regex.compile(r"(?P<text>(?:[-*_]{SP}*){3,})".replace("{SP}", SP))

#: Headings whose bullets are people, to-dos or decisions.
ATTENDEES_HEADING_RE = regex.compile(
    r"^(?:参加者|出席者|出席|参加|メンバー|出席者一覧|参加メンバー)(?:[（(].*[)）])?$"
)
TODO_HEADING_RE = regex.compile(
    r"(?i)^(?:todo|to\s*do|宿題|アクション(?:アイテム)?|action\s*items?|次回まで(?:に)?|課題)$"
)
DECISION_HEADING_RE = regex.compile(r"^(?:決定事項|決議事項|決議|結論|決定)$")
#: A character of every title :data:`ATTENDEES_HEADING_RE` takes: the attendees heading's needs.
ATTENDEES_HEADING_NEEDS = "参出メ"

#: A to-do: ``**TODO**:`` / ``TODO:`` / ``宿題:`` at the start, or an assignee (担当：kobatomo).
TODO_RE = regex.compile(r"(?i)^\**\s*(?:todo|to-do|宿題|アクション|ai)\s*\**\s*[:：]\s*\**")
#: A decision: an explicit mark or the words that settle something.
DECISION_RE = regex.compile(
    r"【決定】|^決定[:：]|決定事項|に決定|決定した|決定している|を決定|で決定|承認(?:された|した|しました)"
    r"|可決|合意した|合意しました|とした$|とする$|決まっ(?:た|てる|ている|ております)"
)
NOT_DECIDED_RE = regex.compile(
    r"決まってない|決まっていない|未定|議論中|検討中|したい|できないか|[?？]$|か[?？]?$"
)
#: Markdown links and autolinks are not owners: [text](url), <https://…>.
#: (The standard ``re``, ``WHITE_SPACE`` spelling ``regex``'s ``\s``: faster.)
LINK_RE = re.compile(rf"\[[^\]]*\]\([^)]*\)|<https?://[^>]*>|https?://[^{WHITE_SPACE}]+")
OPEN_OWNER_RE = regex.compile(r"[(（](?P<who>[^()（）]{1,60})$")
CLOSED_OWNER_RE = regex.compile(r"[(（](?P<who>[^()（）]{1,60})[)）]$")
SAID_BY_RE = regex.compile(r"^(?P<who>[A-Za-z][A-Za-z0-9_.\-]{0,30})\)\s")
ASSIGNEE_RE = regex.compile(r"担当\S*[:：]\s*(?P<who>\S+)")
NAME_TOKEN_RE = regex.compile(
    r"^(?:[A-Za-z][A-Za-z0-9_.\-]{1,30}|\p{Han}{1,4}(?:さん|先生|君)|[\p{Katakana}ー]{2,8}さん|全員|みんな"
    r"|(?!.*[回降内予定済仮案例月日年時分週])\p{Han}{2,4})$"
)


_LIST_SEPARATOR_RE = regex.compile(r"[、,，]")
_META_GROUP_RE = regex.compile(r"[(（](?P<meta>[^()（）]*)(?:[)）]|$)")
_TAG_RE = regex.compile(r"^(?:高|中|低|報告|相談|共有|議論|決議|審議|連絡)$")
#: The labels a heading's meta group may hold (``高``, ``報告`` …): the words of
#: :data:`_TAG_RE`, looked up rather than matched.
_TAGS = frozenset(("高", "中", "低", "報告", "相談", "共有", "議論", "決議", "審議", "連絡"))
_AFTER_META_RE = regex.compile(r"(?:[(（][^()（）]*[)）]\s*)*")


def _owner(text: str) -> str | None:
    """Who the item names as doing or saying it: ``…(terada``, ``sano) …``, ``担当：kobatomo``."""
    if not _may_name_owner(text):
        return None
    bare = (LINK_RE.sub("", text) if "](" in text or "http" in text else text).strip()
    # each way is tried only on text that holds one of the words it needs, in the order
    # OPEN_OWNER_RE, CLOSED_OWNER_RE, SAID_BY_RE, ASSIGNEE_RE
    if "(" in bare or "（" in bare:
        # (only one way can find one: a text that a closing parenthesis ends has nothing
        # after its last parenthesis, and any other no parentheses around its end)
        who = _closed_owner(bare) if bare[-1] in ")）" else _open_owner(bare)
        if who is not None:
            names = _names(who)
            if names is not None:
                return names
    if ")" in bare:
        match = SAID_BY_RE.match(bare)  # (the pattern starts with ^: search is match)
        if match is not None:
            names = _names(match["who"])
            if names is not None:
                return names
    if "担当" in bare:
        match = ASSIGNEE_RE.search(bare)
        if match is not None:
            return _names(match["who"])
    return None


def _last_paren(text: str, end: int) -> int:
    """The index of the last parenthesis (of ``()（）``) in ``text[:end]``, or -1."""
    return max(
        text.rfind("(", 0, end),
        text.rfind("（", 0, end),
        text.rfind(")", 0, end),
        text.rfind("）", 0, end),
    )


def _open_owner(bare: str) -> str | None:
    """The ``who`` of :data:`OPEN_OWNER_RE` in ``bare`` (stripped text): the text after the
    last parenthesis when that one opens (1 to 60 characters, none a parenthesis)."""
    last = _last_paren(bare, len(bare))
    if last >= 0 and bare[last] in "(（" and 1 <= len(bare) - last - 1 <= 60:
        return bare[last + 1 :]
    return None


def _closed_owner(bare: str) -> str | None:
    """The ``who`` of :data:`CLOSED_OWNER_RE` in ``bare`` (stripped text): the text between
    the last two parentheses, an opening one and a closing one that ends the text."""
    if not bare or bare[-1] not in ")）":
        return None
    last = _last_paren(bare, len(bare) - 1)
    if last >= 0 and bare[last] in "(（" and 1 <= len(bare) - last - 2 <= 60:
        return bare[last + 1 : -1]
    return None


def _names(who: str) -> str | None:
    """``who`` as a list of names (``sano, takanory``), or None when a part is no name."""
    if "、" not in who and "," not in who and "，" not in who:  # (one name: no split)
        token = who.strip()
        return token if token and NAME_TOKEN_RE.match(token) else None
    tokens = [t.strip() for t in _LIST_SEPARATOR_RE.split(who) if t.strip()]
    if tokens and all(NAME_TOKEN_RE.match(t) for t in tokens):
        return ", ".join(tokens)
    return None


def _may_name_owner(text: str) -> bool:
    """A necessary condition for :func:`_owner` to find one: every pattern it tries needs a
    parenthesis or 担当 (taking links out and stripping adds no character)."""
    return "(" in text or "（" in text or ")" in text or "担当" in text


#: The ends of text that :data:`DECISION_RE`'s ``…$`` alternatives match (``$`` also before
#: a final line break).
_DECIDING_ENDS = ("とした", "とする", "とした\n", "とする\n")


def _may_decide(text: str) -> bool:
    """A necessary condition for :data:`DECISION_RE` to match: every alternative holds 決,
    承認 or 合意, or ends the text with とした / とする."""
    return "決" in text or "承認" in text or "合意" in text or text.endswith(_DECIDING_ENDS)


def _item_kind(text: str) -> str:
    # (a to-do's mark ends with a colon: text without one is none)
    if (":" in text or "：" in text) and TODO_RE.search(text):
        return "todo"
    if _may_decide(text) and DECISION_RE.search(text) and not NOT_DECIDED_RE.search(text):
        return "decision"
    return "bullet"


#: An empty to-do: the bullets nested under it are the to-dos.
_TODO_ONLY_RE = regex.compile(r"(?i)^\**\s*(?:todo|to-do|宿題)\s*\**\s*[:：]?\s*\**\s*$")


#: The records of items that name no owner, by kind and ``heads_kind`` (records are frozen:
#: these few are shared).
_OWNERLESS: dict[tuple[str, bool], ItemMeta] = {
    (kind, heads): ItemMeta(kind=kind, heads_kind=heads)
    for kind in ("todo", "decision", "bullet", "paragraph")
    for heads in (False, True)
}


def _item(groups: Mapping[str, str], kind: str | None = None, plain: str = "bullet") -> ItemMeta:
    """A bullet: its kind (todo, decision, ``plain`` — bullet or paragraph —, or ``kind`` when
    the heading decides) and its owner; an empty ``TODO:`` heads the to-dos nested under it."""
    return _item_of(groups.get("text", ""), kind, plain)


def _item_of(text: str, kind: str | None, plain: str) -> ItemMeta:
    """:func:`_item` of an item whose ``text`` group is ``text``."""
    if kind is None:
        kind = _item_kind(text)
        if kind == "bullet":
            kind = plain
    heads = kind == "todo" and bool(_TODO_ONLY_RE.match(clean_text(text)))
    owner = _owner(text)
    if owner is None:
        shared = _OWNERLESS.get((kind, heads))
        if shared is not None:
            return shared
    # (a few owners name most items: their records are shared within a parse)
    return memoized("summary.item", _item_meta, (kind, owner, heads))


def _item_meta(key: tuple[str, str | None, bool]) -> ItemMeta:
    kind, owner, heads = key
    return ItemMeta(kind=kind, owner=owner, heads_kind=heads)


def _todo_item(groups: Mapping[str, str]) -> BlockMeta:
    return _item(groups, "todo")


def _decision_item(groups: Mapping[str, str]) -> BlockMeta:
    return _item(groups, "decision")


#: The characters of every mark :func:`_item` reads in an item's text, but the ends of
#: :data:`_DECIDING_ENDS`: the parentheses and 担当 of an owner (:func:`_may_name_owner`), a
#: to-do's colon (:data:`TODO_RE`), the 決, 承認 and 合意 of a decision (:func:`_may_decide`).
_MARKS = "()（:：担決承合"
_PLAIN_BULLET = _OWNERLESS["bullet", False]
_PLAIN_PARAGRAPH = _OWNERLESS["paragraph", False]


def _unmarked(text: str) -> bool:
    """``text`` holds no mark of a to-do, a decision or an owner (see :data:`_MARKS`): its
    kind is the plain one, it names no owner and heads nothing (most items of notes)."""
    # (``in`` for each character: quicker than one search of a class on Japanese text; the
    # parentheses first, the marks owners make, found soonest in the texts that hold one)
    return not (
        "(" in text
        or ")" in text
        or "（" in text
        or ":" in text
        or "：" in text
        or "担" in text
        or "決" in text
        or "承" in text
        or "合" in text
        or text.endswith(_DECIDING_ENDS)
    )


def _bullet(groups: Mapping[str, str]) -> BlockMeta:
    text = groups.get("text", "")
    if _unmarked(text):
        return _PLAIN_BULLET  # (what _item gives it: a plain bullet, no owner)
    return _item_of(text, None, "bullet")


def _paragraph(groups: Mapping[str, str]) -> BlockMeta:
    """A paragraph: an item whose kind, when the text gives none, is ``paragraph``."""
    text = groups.get("text", "")
    if _unmarked(text):
        return _PLAIN_PARAGRAPH  # (what _item gives it: a plain paragraph, no owner)
    return _item_of(text, None, "paragraph")


#: Section records of a heading without presenter or tags, by level.
_PLAIN_SECTIONS = {level: SectionMeta(level=level) for level in range(1, 7)}


def _heading_meta(groups: Mapping[str, str]) -> BlockMeta:
    """``PyCon JP 2025(nishimotz、高、報告)`` → title, owner nishimotz, tags 高 and 報告."""
    title = groups.get("title", "").strip()
    level = len(groups.get("hashes", "#"))
    if "(" not in title and "（" not in title:  # every meta group opens with one
        return _PLAIN_SECTIONS.get(level) or SectionMeta(level=level)
    found = list(_META_GROUP_RE.finditer(title))
    for meta in reversed(found):  # the last group that reads as meta (a later one may be a date)
        after = title[meta.end() :].strip()
        if after and not _AFTER_META_RE.fullmatch(after):
            break  # text follows: this group is part of the title
        parts = [p.strip() for p in _LIST_SEPARATOR_RE.split(meta["meta"]) if p.strip()]
        tags = [p for p in parts if p in _TAGS]  # (stripped: no line break before the end)
        people = [p for p in parts if p not in tags and NAME_TOKEN_RE.match(p)]
        if tags or (people and len(people) == len(parts)):
            return SectionMeta(
                level=level,
                title=title[: meta.start()].strip(),
                owner=", ".join(people) or None,
                tags=tuple(tags),
            )
    return _PLAIN_SECTIONS.get(level) or SectionMeta(level=level)


def _underlined_heading(groups: Mapping[str, str]) -> BlockMeta:
    """A title underlined with ``===`` (level 1) or ``---`` (level 2) on the next line."""
    return SectionMeta(level=1 if groups.get("underline", "=")[0] == "=" else 2)


#: The first characters of the titles :data:`TODO_HEADING_RE` and :data:`DECISION_HEADING_RE`
#: take (todo, to do, action items — in either case — 宿題, アクション, 次回まで, 課題; 決定事項,
#: 決議, 結論): a heading that starts otherwise sets no mode.
_MODE_HEADING_FIRSTS = frozenset("tTaA宿ア次課決結")
#: The first characters of the to-do titles and of the decision titles: the needs of their
#: headings' rules (a heading that holds none of them is tried as a plain one at once).
TODO_HEADING_NEEDS = "tTaA宿ア次課"
DECISION_HEADING_NEEDS = "決結"


def _mode_after_heading(match: regex.Match[str]) -> str | None:
    title = match["title"].strip()
    if title[:1] not in _MODE_HEADING_FIRSTS:
        return None
    if TODO_HEADING_RE.match(title):
        return "todo"
    if DECISION_HEADING_RE.match(title):
        return "decision"
    return None


def _attendees_heading(match: regex.Match[str], ctx: Context) -> bool:
    return bool(ATTENDEES_HEADING_RE.match(match["key"].strip()))


def _is_field(match: regex.Match[str], ctx: Context) -> bool:
    return header_field_name(match["key"]) is not None


def _is_attendees_field(match: regex.Match[str], ctx: Context) -> bool:
    return header_field_name(match["key"]) in (HeaderName.ATTENDEES, HeaderName.ABSENTEES)


_ENTRIES = ChildRule("entries", BlockKind.MEMBER, ENTRY_RE, MemberMeta(paren_is_role=True))
_ROSTER_GROUP = Rule(
    "roster-group",
    BlockKind.ROSTER,
    GROUP_RE,
    guard=in_mode("roster"),
    children=_ENTRIES,
    needs=":：",  # (the colon after the group)
)


def _heading_rule(mode: str | None, kind_guard: Guard | None = None, needs: str = "") -> Rule:
    return Rule(
        f"heading-{mode or 'plain'}",
        BlockKind.SECTION,
        HEADING_RE,
        guard=kind_guard,
        derive=_heading_meta,
        ends_header=True,
        sets_mode=mode,
        needs=needs,
    )


def _todo_heading(match: regex.Match[str], ctx: Context) -> bool:
    return _mode_after_heading(match) == "todo"


def _decision_heading(match: regex.Match[str], ctx: Context) -> bool:
    return _mode_after_heading(match) == "decision"


_ATTENDEES = Rule(
    "attendees-heading",
    BlockKind.HEADER,
    KEY_HEADING_RE,
    guard=_attendees_heading,
    meta=HeaderMeta(name=HeaderName.ATTENDEES),
    ends_header=True,
    sets_mode="roster",
    needs=ATTENDEES_HEADING_NEEDS,
)
#: The characters an underline (:data:`UNDERLINE_RE`) is made of: a line that starts with
#: none of them underlines nothing.
_UNDERLINE_FIRSTS = frozenset("=-~^*#")


def _may_be_underlined(ctx: Context) -> bool:
    """A ``Rule.when`` of the underlined heading: the next paragraph starts as an underline
    does (a test of one character, before the rule's ``absorb_next`` pattern is tried on it)."""
    following = ctx.following
    return following is not None and following[:1] in _UNDERLINE_FIRSTS


_ITEM_RULES = (
    Rule("todo-item", BlockKind.ITEM, ITEM_RE, guard=in_mode("todo"), derive=_todo_item,
         with_indent=True),
    Rule("decision-item", BlockKind.ITEM, ITEM_RE, guard=in_mode("decision"),
         derive=_decision_item, with_indent=True),
    Rule("item", BlockKind.ITEM, ITEM_RE, derive=_bullet, with_indent=True,
         ends_modes=frozenset({"roster"})),
    Rule("rule-line", BlockKind.SEPARATOR, RULE_LINE_RE),
    Rule("underlined-heading", BlockKind.SECTION, UNDERLINED_TITLE_RE, absorb_next=UNDERLINE_RE,
         requires_next=True, when=_may_be_underlined, derive=_underlined_heading,
         ends_header=True, sets_mode=None),
    Rule("paragraph", BlockKind.ITEM, PARAGRAPH_RE, derive=_paragraph, with_indent=True),
)  # fmt: skip

_TITLE = HeaderMeta(name=HeaderName.TITLE)


def _is_entry(match: regex.Match[str], ctx: Context) -> bool:
    """A bullet of people under a roster key or heading: nested under the key (* 参加者 /
    ··* 水嶌, 稲森), or flat right under a heading (## 参加者 / * B4 中野佑); a bullet back at
    the key's level ends the list (in mode ``roster``)."""
    if ctx.indent > 0:
        return True
    return ctx.previous_indent == 0 and ctx.previous_rule in ("attendees-heading", "roster-entry")


_ROSTER_ENTRY = Rule(
    "roster-entry",
    BlockKind.ROSTER,
    PERSON_RE,
    guard=_is_entry,
    children=_ENTRIES,
    modes=frozenset({"roster"}),
)


def _first_line_untitled(ctx: Context) -> bool:
    """The document's first line, no title read yet (a ``Rule.when``)."""
    return not ctx.title_seen and ctx.index == 0


HEADER_RULES: tuple[Rule, ...] = (
    Rule("title", BlockKind.HEADER, TITLE_RE, when=title_unseen,
         meta=_TITLE),
    Rule("underlined-title", BlockKind.HEADER, regex.compile(r"(?P<value>[^\s*+\-#・].*)"),
         when=_first_line_untitled, absorb_next=UNDERLINE_RE,
         requires_next=True, meta=_TITLE),
    *common.KEY_RULES,
    _ATTENDEES,
    _heading_rule("todo", _todo_heading, TODO_HEADING_NEEDS),
    _heading_rule("decision", _decision_heading, DECISION_HEADING_NEEDS),
    _heading_rule(None),
    Rule("attendees-field", BlockKind.HEADER, FIELD_RE, guard=_is_attendees_field,
         derive=keyed_header, sets_mode="roster", needs=FIELD_KEY_NEEDS),
    Rule("field", BlockKind.HEADER, FIELD_RE, guard=_is_field, derive=keyed_header,
         sets_mode=None, needs=FIELD_KEY_NEEDS),
    _ROSTER_GROUP,
    _ROSTER_ENTRY,
    *_ITEM_RULES,
)  # fmt: skip

BODY_RULES: tuple[Rule, ...] = (
    _ATTENDEES,
    _heading_rule("todo", _todo_heading, TODO_HEADING_NEEDS),
    _heading_rule("decision", _decision_heading, DECISION_HEADING_NEEDS),
    _heading_rule(None),
    _ROSTER_GROUP,
    _ROSTER_ENTRY,
    *_ITEM_RULES,
)

#: The detector's tests of one line of the head: the long way, which the searches over all
#: the lines below are tested against (tests/test_speed_summary*.py).
_ATX_RE = regex.compile(r"#{1,6}[ \t]+\S")
_UNDERLINE_ONLY_RE = regex.compile(r"[=\-~^]{3,}[ \t]*")
#: (the standard ``re``, quicker on every line of the head; ``[^{WHITE_SPACE}]`` is ``\S``)
_BULLET_START_RE = re.compile(rf"{SP}*{BULLET}{SP}+[^{WHITE_SPACE}]")
#: The characters a line :data:`_BULLET_START_RE` matches may start with: a space or the
#: first character of a bullet.
_BULLET_FIRSTS = frozenset(" \u3000\t*+-・●◦▪■□0123456789０１２３４５６７８９（(")
_LABELS_RE = regex.compile(r"[○◯〇◎◆][^\s　]{1,30}[　 ：:]")
#: A sentence that reports what was done, as a summary does (…より説明された。, 了承された。,
#: …旨報告された。); verbatim minutes quote people saying it (されました).
_REPORTED_RE = regex.compile(
    r"(?:された|なされた|報告があった|説明があった|承認した|了承した|決定した)。"
)

#: The same tests as one search each over the head's non-blank lines (:attr:`Head.filled`:
#: each after a ``\n``; a match starts at a line's break and never reaches past its line), in
#: the standard ``re`` (``[^{WHITE_SPACE}]`` is ``regex``'s ``\S``).
_ATX_LINE_RE = re.compile(rf"\n#{{1,6}}[ \t]+[^{WHITE_SPACE}]")
_UNDERLINE_LINE_RE = re.compile(r"\n[=\-~^]{3,}[ \t]*(?=\n|\Z)")
#: (Python 3.11's ``re`` takes possessive runs, twice as quick here; they match as the plain
#: ones: no bullet starts with a space, and ``[^{WHITE_SPACE}]`` takes none)
_POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""
_BULLET_LINE_RE = re.compile(rf"\n{SP}*{_POSSESSIVE}{BULLET}{SP}+{_POSSESSIVE}[^{WHITE_SPACE}]")
_LABEL_LINE_RE = re.compile(rf"\n[○◯〇◎◆][^{WHITE_SPACE}]{{1,30}}[　 ：:]")


def looks_like(head: str) -> float:
    """Markdown headings (or underlined titles), bullets, sentences that report what was
    done (…より説明された。), and no speaker labels."""
    return looks_like_head(Head(head))


def _underlines(filled: str) -> int:
    """The lines of :data:`_UNDERLINE_LINE_RE` in ``filled`` that have a line above them
    starting with no space."""
    found = 0
    for match in _UNDERLINE_LINE_RE.finditer(filled):
        above = filled.rfind("\n", 0, match.start())
        if above >= 0 and not filled[above + 1].isspace():
            found += 1
    return found


#: What comes before ``た。`` in each sentence of :data:`_REPORTED_RE` (``なされた`` ends
#: with ``された``).
_REPORTED_STEMS = ("され", "報告があっ", "説明があっ", "承認し", "了承し", "決定し")


def _reporting_lines(filled: str) -> int:
    """The lines of ``filled`` that hold a :data:`_REPORTED_RE` sentence, each counted once:
    its ``た。`` found with ``str.find``, the words before it read with ``endswith`` (no
    stem holds a line break, so a line holds a sentence where its ``た。`` is)."""
    found = 0
    at = filled.find("た。")
    while at >= 0:
        if filled.endswith(_REPORTED_STEMS, 0, at):
            found += 1
            at = filled.find("\n", at)  # (the line is counted: on to the next one)
            if at < 0:
                break
        at = filled.find("た。", at + 1)
    return found


def looks_like_head(head: Head) -> float:
    """:func:`looks_like` of ``head.text``: each test one search over the head's non-blank
    lines (:attr:`Head.filled`), counting the lines it matches."""
    lines = head.lines
    if not lines:
        return 0.0
    filled = head.filled
    headings = len(_ATX_LINE_RE.findall(filled)) if "#" in filled else 0
    headings += _underlines(filled)
    bullets = len(_BULLET_LINE_RE.findall(filled))
    labels = 0
    if "○" in filled or "◯" in filled or "〇" in filled or "◎" in filled or "◆" in filled:
        labels = len(_LABEL_LINE_RE.findall(filled))
    reported = _reporting_lines(filled)
    score = 0.0
    if headings >= 2:
        score += 0.5
    elif headings == 1 and bullets:  # a titled list of points: the smallest summary minutes
        score += 0.3
    if bullets / len(lines) >= 0.3:
        score += 0.4
    if reported >= 2 and reported / len(lines) >= 0.1:  # sentences that report, not speak
        score += 0.3
    if labels >= 3:
        score -= 0.6
    return max(0.0, min(score, 1.0))


class Summary(Format):
    """Summary minutes (要点記録): Markdown or plain notes listing points, decisions and
    to-dos instead of verbatim turns."""

    name = "summary"
    description = "Summary minutes (要点記録) in Markdown or plain notes: points, decisions, to-dos"
    example = "* **TODO**: ルール考えてPyCon JP 2026側から提案する(sano, takanory"
    suffixes = (".md", ".markdown", ".rst", ".txt")
    header_rules = HEADER_RULES
    body_rules = BODY_RULES
    paragraph_mode = "line"

    def looks_like(self, head: str) -> float:
        return looks_like(head)

    def looks_like_head(self, head: Head) -> float:
        return looks_like_head(head)
