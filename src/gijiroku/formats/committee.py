"""Committee and council minutes pulled out of a PDF (審議会・委員会・推進会議の議事録).

Lines it recognises, from ``samples/council/sendai-ict-2016-02-08.txt``::

     平成 27 年度 仙台市情報化推進会議（第 2回） 議事録        title (first header paragraph)
    日 時：平成 28 年 2 月 8 日（月） 13：30～15：00           header field, letter-spaced key
    出席者（仙台市情報化推進会議委員／五十音順）：             attendance heading
    及川委員、曽根委員(座長)、千葉委員、林委員                 roster: surname + title (role)
    （仙台市）：日下情報政策部長、渋谷情報政策課長             roster with a group
    事務局 まちづくり政策局情報政策部情報政策課                an office and its department
    （開始 13：30）                                            event; the proceedings begin
    座長 / （曽根委員）                                        a label split over two lines
    〔議題（１）仙台市ＩＣＴ利活用方針 2016-2020 の策定について〕   section heading
    林委員 ICT の利活用は口に出すのは簡単だが…                 label, space, text
    情報政策課長 （資料 1-1、1-2 に基づき説明）                 label whose text is a note
    （了承）                                                   note inside the current turn
    - 4 -                                                      page number

and from ``samples/council/digital-shakai-suishin-2023-06-06.txt`` (pdfminer)::

    〇河野大臣： ただいまから、第４回「デジタル社会推進会議」を開催いたします。

PDF text is double-spaced: blank lines mean nothing, and a line that ends *without* a
trailing space goes on in the next line (``paragraph_mode="auto"``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import regex

from gijiroku.blocks import (
    BlockKind,
    BlockMeta,
    MemberMeta,
    NoteMeta,
    RosterMeta,
)
from gijiroku.formats import common
from gijiroku.formats.base import (
    KNOWN_HEADER_KEYS_RE,
    ChildRule,
    Context,
    Format,
    Head,
    Rule,
    Signal,
    keyed_header,
)
from gijiroku.names import TITLE_END_CHARS, position_suffix
from gijiroku.normalize import compact
from gijiroku.notes import EVENT_KINDS, classify_note
from gijiroku.vocabulary import LABEL_BRACKETS, SP, WHITE_SPACE

__all__ = ["Committee"]

NUMBER_PREFIX = r"(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[（(][0-9０-９]{1,2}[)）])"
#: The general conventions of verbatim minutes live in the shared reader.
MARK, NAME_CHAR, LABEL = common.MARK, common.LABEL_CHAR, common.LABEL
PAREN_AFTER_LABEL, NAME_PAREN = common.PAREN_AFTER_LABEL, common.NAME_PAREN
HEADING_RE, NOTE_RE, TURN_RE = (
    common.BRACKET_HEADING_RE,
    common.BRACKET_NOTE_RE,
    common.LABEL_TURN_RE,
)

#: 【委員】 / 【山田委員】 with the text after the bracket.
BRACKET_TURN_RE = regex.compile(
    rf"""
    【{SP}*(?P<label>{LABEL}(?:{SP}*{PAREN_AFTER_LABEL})?){SP}*】   # 【委員】
    {SP}*[：:]?{SP}*(?P<text>.*)                                    # the text
    """,
    regex.VERBOSE,
)
#: A label letter-spaced by the PDF: 大 下 議 長 ただいまから…
SPACED_TURN_RE = regex.compile(
    rf"""
    (?:(?P<mark>{MARK}){SP}*)?
    (?P<label>(?:\p{{Han}}{SP}){{1,8}}\p{{Han}})              # 大 下 議 長
    (?:{SP}*[：:]{SP}*|{SP}+)(?P<text>.+)
    """,
    regex.VERBOSE,
)
#: The start of every match of :data:`SPACED_TURN_RE` (a mark maybe, a kanji, one space, a
#: kanji), for the standard ``re``.
_SPACED_TURN_START_RE = re.compile(
    rf"(?:{MARK}{SP}*)?[^{common.NEVER_HAN}]{SP}[^{common.NEVER_HAN}]"
)


def _may_be_spaced_turn(text: str) -> bool:
    """``text`` starts as every match of :data:`SPACED_TURN_RE` starts (a ``Rule.may_match``):
    prose, whose second character is no space, fails."""
    return _SPACED_TURN_START_RE.match(text) is not None


NAME_PAREN_RE = common.NAME_PAREN_RE
CONTINUATION_RE = regex.compile(r"(?P<text>.+)", regex.DOTALL)

FIELD_RE = regex.compile(
    rf"""
    (?:{NUMBER_PREFIX}[.．、]?{SP}*+)?       # 1 / １ / (1) numbering (spaces taken once)
    (?P<key>[^：:、。「」]{{1,40}}?)          # 日 時 / 出席者（…／五十音順）
    {SP}*[：:]{SP}*
    (?P<value>.*)                            # the value, possibly empty
    """,
    regex.VERBOSE,
)
KNOWN_FIELD_RE = regex.compile(
    rf"""
    (?:{NUMBER_PREFIX}[.．、]?{SP}*)?        # １ 開催日時
    (?P<key>{KNOWN_HEADER_KEYS_RE})
    (?:{SP}+(?P<value>.+))?                  # 日時 令和５年…, or the value on the next line
    """,
    regex.VERBOSE,
)
#: One roster entry: a person (surname + title), maybe a role or note in parentheses.
ENTRY_RE = regex.compile(
    rf"""
    (?P<person>[^、，,（()）\s：:]+)                     # 曽根委員 / 日下情報政策部長
    (?:{SP}*[（(](?P<paren>[^（()）]{{1,30}})[)）])?    # (座長)
    """,
    regex.VERBOSE,
)
_ENTRY_LIST = rf"[^、，,（()）\s：:]+(?:{SP}*[（(][^（()）]{{1,30}}[)）])?"
ROSTER_RE = regex.compile(
    rf"""
    (?:[（(](?P<group>[^（()）]{{1,30}})[)）]{SP}*[：:]{SP}*)?     # （仙台市）：
    (?P<entries>{_ENTRY_LIST}(?:{SP}*[、，,]{SP}*{_ENTRY_LIST})*)  # 及川委員、曽根委員(座長)
    """,
    regex.VERBOSE,
)
OFFICE_RE = regex.compile(
    rf"""
    (?P<entries>(?P<person>事務局|庶務|事務担当))         # 事務局
    (?:{SP}*[：:]{SP}*|{SP}+)
    (?P<group>{NAME_CHAR}+(?:{SP}+{NAME_CHAR}+)*)          # まちづくり政策局情報政策部情報政策課
    """,
    regex.VERBOSE,
)
ABSENT_MENTION_RES = (
    regex.compile(
        rf"(?:本日|今回)(?:は|、)?(?:御|ご)?欠席(?:の|された|されている|している)"
        rf"(?P<person>{NAME_CHAR}{{1,6}}?(?:委員|構成員|議員|理事|幹事|会長|副会長))"
    ),
    regex.compile(
        rf"(?P<person>{NAME_CHAR}{{1,6}}?(?:委員|構成員|議員|理事|幹事))(?:は|が)、?"
        rf"(?:本日|今回)(?:は)?、?(?:御|ご)?欠席"
    ),
)
#: (The standard ``re``: the title words are literals, which ``re`` reads as ``regex`` does.)
_ENTRY_ENDS_WITH_TITLE_RE = re.compile(rf"(?:{common.POSITION_WORD}|君|氏|様|さん)$")
_DIGIT_RE = regex.compile(r"[0-9０-９]")


def _is_spaced_label(match: regex.Match[str], ctx: Context) -> bool:
    """Letter-spaced characters that make a title: 大 下 議 長, 事 務 局."""
    return position_suffix(match["label"]) is not None


def _is_label_alone(match: regex.Match[str], ctx: Context) -> bool:
    return not match["text"]


def _is_event_note(match: regex.Match[str], ctx: Context) -> bool:
    return classify_note(match.group()) in EVENT_KINDS


def _is_header_field(match: regex.Match[str], ctx: Context) -> bool:
    """A ``key：value`` line: the key is short, has no digits, and is not a bracket; nor a
    speaker's label in brackets with a sentence after it (《山田委員長》：開会します。), nor a listed
    person's name over one (山田：それでは…)."""
    key = match["key"].strip()
    if _DIGIT_RE.search(key) or key.startswith(("（", "(", "・")):
        return False
    inner = key.strip(_BRACKETS)
    speech = common.reads_as_speech(match["value"] or "")
    return not (
        speech
        and (
            (inner != key and position_suffix(compact(inner)) is not None)
            or common.is_listed_name_label(key, ctx)
        )
    )


#: Brackets a key or a label may stand in, and spaces.
_BRACKETS = LABEL_BRACKETS + " \u3000"


def _is_roster(match: regex.Match[str], ctx: Context) -> bool:
    """Most entries end with a title or honorific: a list of people."""
    entries = [m["person"] for m in ENTRY_RE.finditer(match["entries"])]
    # a title is at most a few characters: look at the end of each entry only
    titled = sum(1 for e in entries if _ENTRY_ENDS_WITH_TITLE_RE.search(e[-16:]))
    if match["group"]:
        return titled > 0
    return len(entries) >= 2 and titled * 2 > len(entries)


def _is_heading(match: regex.Match[str], ctx: Context) -> bool:
    """【山田委員】 alone is a label whose text follows, not a heading; 〔…〕 is always one."""
    if not match.group().lstrip().startswith("【"):
        return True
    return not common.ENDS_WITH_TITLE_RE.search(match["title"])


def _is_note(match: regex.Match[str], ctx: Context) -> bool:
    """A note in brackets, not a speaker's label alone in them (（鈴木委員） / 質問が…)."""
    return not common.is_label_alone_in_brackets(match["text"], ctx)


def _note_kind(groups: Mapping[str, str]) -> BlockMeta:
    return NoteMeta(kind=classify_note(groups.get("text", "")))


_NOTE = regex.compile(rf"(?P<text>{NOTE_RE.pattern})", regex.VERBOSE)
_MEMBERS = ChildRule("entries", BlockKind.MEMBER, ENTRY_RE)

HEADER_RULES: tuple[Rule, ...] = (
    Rule(
        "event-note",
        BlockKind.NOTE,
        _NOTE,
        guard=_is_event_note,
        derive=_note_kind,
        ends_header=True,
    ),
    Rule("heading", BlockKind.SECTION, HEADING_RE, guard=_is_heading, ends_header=True),
    Rule(
        "office",
        BlockKind.ROSTER,
        OFFICE_RE,
        meta=RosterMeta(inherits_group=False),
        children=_MEMBERS,
    ),
    *common.HEADER_RULES,
    Rule(
        "speech-turn",
        BlockKind.TURN,
        TURN_RE,
        guard=common.speaks,
        ends_header=True,
        needs="。？！?!、",  # (the guard's sentence mark: common.speaks)
    ),
    Rule(
        "bracket-turn", BlockKind.TURN, BRACKET_TURN_RE, ends_header=True, absorb_next=NAME_PAREN_RE
    ),
    Rule("spaced-turn", BlockKind.TURN, SPACED_TURN_RE, guard=_is_spaced_label, ends_header=True),
    Rule("roster", BlockKind.ROSTER, ROSTER_RE, guard=_is_roster, children=_MEMBERS),
    Rule("known-field", BlockKind.HEADER, KNOWN_FIELD_RE, derive=keyed_header),
    Rule("field", BlockKind.HEADER, FIELD_RE, guard=_is_header_field, derive=keyed_header),
    *common.HEADER_TAIL_RULES,
    Rule(
        "label-turn",
        BlockKind.TURN,
        TURN_RE,
        guard=_is_label_alone,
        ends_header=True,
        absorb_next=NAME_PAREN_RE,
    ),
)

BODY_RULES: tuple[Rule, ...] = (
    Rule("heading", BlockKind.SECTION, HEADING_RE, guard=_is_heading),
    *common.EVENT_RULES,
    Rule(
        "note",
        BlockKind.NOTE,
        _NOTE,
        guard=_is_note,
        derive=_note_kind,
        may_match=common.ends_with_one_of("）)"),
    ),
    *common.HEADING_RULES,
    Rule(
        "label-turn",
        BlockKind.TURN,
        TURN_RE,
        absorb_next=NAME_PAREN_RE,
        may_match=common.may_be_label_turn,
    ),
    Rule("bracket-turn", BlockKind.TURN, BRACKET_TURN_RE, absorb_next=NAME_PAREN_RE),
    Rule(
        "spaced-turn",
        BlockKind.TURN,
        SPACED_TURN_RE,
        guard=_is_spaced_label,
        may_match=_may_be_spaced_turn,
    ),
    *common.BODY_TAIL_RULES,
    Rule("continuation", BlockKind.CONTINUATION, CONTINUATION_RE),
)

#: A page number on a line of its own (``- 3 -``), after its line break.
_PAGE_NUMBER_LINE_RE = regex.compile(
    r"(?m)\n[ \u3000]*[-－][ \u3000]*\d+[ \u3000]*[-－][ \u3000]*$"
)
#: The words of a minutes title (tested with ``in``: quicker than an alternation of words).
_TITLE_WORDS = ("議事録", "会議録", "議事要旨", "議事概要")
#: What the head shows (a test of the head after a line break, ``"\n" + head``, and its
#: weight): a pattern for the start of a line starts with ``\n``, found faster than
#: ``(?m)^``; the standard ``re`` runs those quicker than ``regex``.
_BRACKETED_LINE_RE = re.compile(r"(?m)\n[ \u3000]*[〔【][^〔〕【】\n]+[〕】][ \u3000]*$")
_SIGNALS: tuple[Signal, ...] = (
    (lambda lines: any(word in lines for word in _TITLE_WORDS), 0.2),
    (
        re.compile(r"\n[ \u3000]*(?:日[ \u3000]*時|会[ \u3000]*場|場[ \u3000]*所|開催日時)").search,
        0.2,
    ),
    # a line in brackets (〔休憩〕); the pattern is run only where an opening bracket is
    (lambda lines: ("〔" in lines or "【" in lines) and _BRACKETED_LINE_RE.search(lines), 0.1),
    # pages: a page number on its own line, or a form feed (the pattern is run only where
    # a dash is)
    (
        lambda lines: (
            "\f" in lines
            or (("-" in lines or "－" in lines) and _PAGE_NUMBER_LINE_RE.search(lines))
        ),
        0.1,
    ),
)
#: Characters surely printed and not white space in every Unicode version Python reads
#: (ASCII, kana, the first CJK block, full-width ASCII): a word that ends with one of them,
#: not a title's last character, is no label (:func:`~gijiroku.names.position_suffix`).
_PRINTED_CHARS = "\x21-\x7e\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fa5\uff01-\uff5e"
_TITLE_END_CLASS = "".join(re.escape(char) for char in sorted(TITLE_END_CHARS))
#: A word at the start of a line followed by an ASCII space or a colon: a label when it ends
#: with a title (checked in Python: cheaper than one regex with every title in it; the
#: pattern only passes words whose last character may end one). (The standard ``re``,
#: quicker here; ``WHITE_SPACE`` is ``regex``'s ``\s``.) The word is taken whole by a
#: lookahead and a backreference, so that no shorter word is tried when no space or colon
#: follows it (none could succeed: a word holds neither); so are the mark and the spaces
#: before it, so that a word the lookbehind turns down is not read again with the mark in
#: it (``● 1:`` gives no candidate, as the pattern without the lookbehind gave ``1``).
_LABEL_CANDIDATE_RE = re.compile(
    rf"\n(?=(?P<lead>(?:{MARK})?[ \u3000]*))(?P=lead)"
    rf"(?=(?P<label>[^{WHITE_SPACE}：:、。（）()]{{1,25}}))(?P=label)"
    rf"[ ：:](?<=(?:[{_TITLE_END_CLASS}]|[^{_PRINTED_CHARS}])[ ：:])"
)


def _has_labels(lines: str) -> bool:
    """A label candidate ending with a title, in ``lines`` (the head after a line break)."""
    return any(position_suffix(m["label"]) for m in _LABEL_CANDIDATE_RE.finditer(lines))


class Committee(Format):
    """Committee and council minutes from PDF: a 議事録 title, 日時/会場 fields, labels
    followed by a space, page numbers and running headers."""

    name = "committee"
    description = "Committee and council minutes extracted from PDF (審議会・委員会の議事録)"
    example = "林委員 ICT の利活用は口に出すのは簡単だが…"
    header_rules = HEADER_RULES
    body_rules = BODY_RULES
    paragraph_mode = "auto"
    bare_page_numbers = True
    mention_rules = tuple(
        ChildRule(
            "",
            BlockKind.MEMBER,
            pattern,
            MemberMeta(attendance="absent"),
            span_group="person",
            needs="欠",  # 欠席
        )
        for pattern in ABSENT_MENTION_RES
    )

    def looks_like(self, head: str) -> float:
        """A 議事録 title, 日時/会場 fields, labels with a space, no full-width spaces."""
        return self.looks_like_head(Head(head))

    def looks_like_head(self, head: Head) -> float:
        lines = head.after_break  # (every line, the first too, after a line break)
        score = sum(weight for shows, weight in _SIGNALS if shows(lines))
        if _has_labels(lines):
            score += 0.3
        if "\u3000" not in head.text:  # PDF extraction leaves ASCII spaces only
            score += 0.1
        return min(score, 1.0)
