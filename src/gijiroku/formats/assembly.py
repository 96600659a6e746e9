"""Local-assembly minutes (地方議会会議録) as the councils' minutes-search products print them.

Japan's prefectural and municipal assemblies publish through a few products (DiscussNet,
DB-Search, kensakusystem …) whose styles differ in marks, label shapes and roster layouts but
not in meaning; one family reads them all. Lines it recognises, from ``samples/assembly/``
(leading spaces left out)::

    令和６年第１回函館市議会定例会会議録　第１号                 title (hakodate, DiscussNet)
    令和６年２月２２日（木曜日）　…　午前１０時００分開会         date and opening time
    午前１１時０４分散会                  closing time, set right under the opening time
    開催日：令和 7年 2月14日 / 会議名：令和 7年第1回定例会…      key：value header (katsushika)
    第四委員会室                                               venue (tokyo-rwc)
    〇議事日程 / 日程第１ / 会議録署名議員の指名                 order of the day → agenda
    議　事　日　程 / 第　９　　議　　案　　第　８号　…補正予 / …算（第２号）   wrapped, set in
    〇出席議員（２６人） / １番　吉　田　崇　仁                  roster: seat + padded name
    １番　　むらまつ　勝康　　　　　　２番　　おおにし　順子       two columns
    市長　　　　　大　泉　　　潤                               title + padded name
    子ども未来部長 / 宿　村　篤　由                            a long title above its name
    政策経営部長兼務　…長　南　幸　紀 / ＳＤＧｓ推進担当部長       兼務: the title goes on
    事務局長　　　杉　立　敏　也　　　　次長　　　南　部　　　剛  two columns of title + name
    出席委員　十一名 / 委員長吉原　　修君                          title run into the name, 君
    午前１０時００分開会 / 午後一時開議 / 午後２時１２分休憩        events
    ○議長（吉田崇仁）　おはようございます。                       role（name）
    ◆総務常任委員長（島昌之）　… / ◎市長（大泉潤）　…           ◆ member, ◎ executive
    ◯４番（奈良祥孝君）　… / ◯議長（奈良岡隆君）　…              seat（name君）, role（name君）
    ○（伊藤よしのり議長）　… / ○２２番（筒井たかひさ議員）　…     （name role）, seat（name議員）
    ○吉原委員長　… / ◯福田ようすけ委員　　… / ◯委員長　　…      surname/name + role, role alone
    〔議員奈良祥孝君登壇〕 / （「異議なし」の声あり）              stage directions (notes)
    ──────── / ＝＝＝＝ / ――――                                rules
    日程第１　議案第146号　…　～ / 日程第３　議案第170号　…        a heading between turns
    閉　会                                                     a letter-spaced heading
    議　　長　　　伊藤　よしのり / 署名議員　　　齊　藤　大　介     the signature block

and, from other councils' minutes: ``◎日程第１　会議録署名議員の指名``, ``◎開議の宣告``,
``△日程第１　一般質問`` (◎ and △ as headings), ``〇議 長（弓仲利博議員）``, ``〇14番　松村　潤議員``,
``地方自治法第123条第2項の規定により、ここに署名する。``.

What a mark means is decided by what it does: ○ ◯ 〇 ● start speeches; △ starts headings;
◎ ◆ ◇ start speeches in a document that prints them before ``label（name）　text`` and
headings in one that prints them before agenda words (``◎会期の決定``), which the format's
survey of the whole text decides. ``〇`` followed by a kanji numeral (``〇一九年``) is text, and
``○出席議員`` / ``○議事日程`` / ``〇説明員`` are header labels, not speakers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping

import regex

from gijiroku.blocks import (
    BlockKind,
    BlockMeta,
    EntryLayout,
    Fact,
    HeaderMeta,
    HeaderName,
    MemberMeta,
    NoteMeta,
    SectionMeta,
    TurnMeta,
)
from gijiroku.dates import parse_date
from gijiroku.formats import common
from gijiroku.formats.base import (
    ChildRule,
    Context,
    Format,
    Guard,
    Head,
    Rule,
    Signal,
    header_field_name,
    in_mode,
    keyed_header,
    weigh,
)
from gijiroku.names import HONORIFICS, TITLE_END_CHARS, position_suffix, split_person
from gijiroku.normalize import char_positions, compact, memoized
from gijiroku.notes import classify_note
from gijiroku.vocabulary import (
    COURSE_WORDS,
    DATE_FIRST_CHARS,
    ERA_NAMES,
    KNUM,
    NUM,
    RULE_CHARS,
    SP,
    WHITE_SPACE,
    letter_spaced,
)

__all__ = ["Assembly"]
#: (The standard ``re`` for the plain patterns of this module's helpers: nothing in them reads
#: otherwise, ``WHITE_SPACE`` spelling ``regex``'s ``\s``, and ``re`` calls them faster.)
_SP_RE = re.compile(SP)
_SP_RUN_RE = re.compile(rf"{SP}+")
_PAREN_INNER_RE = re.compile(r"[（(](?P<inner>[^（()）]+)[)）]")
_SEAT_PREFIX_RE = re.compile(r"^[0-9０-９]{1,3}番")
_ORDER_NUMBER_RE = regex.compile(rf"(?:追加)?日程第{SP}*{NUM}")
#: A line that starts an item of the order of the day: 日程第１３, 追加日程第１.
_ITEM_START_RE = regex.compile(r"^(?:追加)?日程第")
#: A character of a personal name (or of a title) in rosters and labels.
NC = r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ・]"
#: A name in a padded or letter-spaced field: 吉　田　崇　仁, 茂　木　　　修, むらまつ　勝康.
#: Gaps of up to three spaces stay inside the name; four or more separate columns.
NAME_FIELD = rf"{NC}(?:{SP}{{1,3}}(?={NC})|{NC}){{0,12}}"

#: Marks that always start a speech (when a label follows).
SPEAKER_MARKS = "○◯〇●"
#: Marks that start a speech in some products and a heading in others (decided per document).
EITHER_MARKS = "◎◆◇■□"
#: Marks that start a heading.
HEADING_MARKS = "△▲"

# -- labels ----------------------------------------------------------------------------------

#: 〇 followed by a kanji numeral is a digit (二〇一九 wrapped to 〇一九年), not a mark.
MARK = rf"(?:〇(?![〇一二三四五六七八九十百千]+[年月日時分号番名人件円億万])|[○◯●{EITHER_MARKS}])"
LABEL = rf"""
    (?:
        [0-9０-９]{{1,3}}番(?:議員)?{SP}*(?:{NC}+{SP}){{0,2}}{NC}+?(?:議員|君)(?={SP}|$)
                                                    # 14番　松村　潤議員 (seat, spaced name)
      | (?:{NC}{SP}){{1,3}}{NC}[（(][^（()）\n]{{1,30}}[)）]
                                                    # 議 長（弓仲利博議員） (PDF letter-spacing)
      | (?:{NC}{SP}){{1,2}}{NC}(?={SP}|$)             # 町 長 (a letter-spaced title)
      | [^\s（()）：:]{{0,30}}[（(][^（()）\n]{{1,30}}[)）]{common.POSITION_WORD}?
                                                    # 議長（吉田崇仁）, ４番（奈良祥孝君）, 鈴木（貴）委員
      | [^\s（()）：:]{{1,40}}                       # 委員長, 吉原委員長, デジタル戦略推進部長
    )
"""
SPEECH_RE = regex.compile(
    rf"""
    (?P<mark>{MARK}){SP}*                           # ○ ◯ 〇 ◆ ◎ (○　當山清彦議長: a space after it)
    (?P<label>{LABEL})
    (?:
        (?:{SP}*[：:]{SP}*|{SP}+|(?<=[)）]))        # one or two 　, a colon, or nothing after ）
        (?P<text>\S.*)
    )?
    """,
    regex.VERBOSE | regex.DOTALL,
)
#: The headings of roster lists, compared with their spaces removed (出　席　議　員 → 出席議員).
ROSTER_WORDS = r"""
    (?:出席|欠席|遅刻|早退)(?:議員|委員)
  | (?:出席|欠席)?説明員 | 出席者 | 欠席者
  | (?:地方自治法第\S{1,6}条の規定により)?説明のため(?:会議に|本会議に|議場に)?出席した者
  | 職務のため(?:会議に|本会議に|議場に)?出席した(?:事務局)?(?:職員|者)
  | 議場に出席した事務局職員 | (?:出席)?事務局(?:出席)?職員
  | [都道府県市区町村]?議会事務局
"""
_ROSTER_WORDS_RE = regex.compile(rf"^(?:{ROSTER_WORDS})$", regex.VERBOSE)
#: The last characters of the roster words (議員, 出席者, 議会事務局): a line that holds none of
#: them is no roster heading, and its costly pattern is not tried.
ROSTER_WORD_ENDS = "員者局"
#: A count after a heading: （２６人）, 十一名, （なし）.
COUNT = rf"(?:[（(]{SP}*(?:{KNUM}{SP}*[人名]|なし){SP}*[）)]|{KNUM}{SP}*[人名]|なし)"
#: Header labels printed with a speech mark: ○議事日程, 〇出席議員（２６人）, 〇説明員.
_HEADER_WORD_RE = regex.compile(
    rf"""
    ^(?:{ROSTER_WORDS} | 議事日程(?:第{NUM}号)? | 本日の会議に付した(?:事件|案件)
      | 会議に付した事件 | 会議録署名議員)
    {COUNT}?$
    """,
    regex.VERBOSE,
)
#: What a heading says (compared with its spaces removed): agenda items and the meeting's course.
HEADING_PHRASE_RE = regex.compile(
    rf"""
    ^(?:追加)?日程第
    | ^(?:議案|報告|請願|陳情|諮問|認定|承認|選挙|発議|議員提出議案|意見書案|決議案|同意)第
    | ^(?:{COURSE_WORDS})(?:の宣告)?$
    | の宣告$ | について$ | の件$ | の選挙$ | の決定$ | の指名$ | の報告$
    | ^(?:一般質問|代表質問|会期の決定|会議録署名議員の指名|諸般の報告|行政報告|議長の報告)
    """,
    regex.VERBOSE,
)
_COUNT_RE = re.compile(rf"^{KNUM}(?:人|名)$|^なし$")
_COUNT_TAIL_RE = re.compile(rf"[（(]{KNUM}(?:人|名)[)）]$")


def _is_header_word(label: str, text: str | None) -> bool:
    """○議事日程, 〇出席議員（２６人）, 出席委員　十一名: a header label, not a speaker."""
    core = compact(label)
    found = _header_label(core)
    if found != "key":
        return found == "date"
    # 説明員 and 出席者 are titles too: with a sentence after them they speak
    return not (text and position_suffix(core) and not _COUNT_RE.match(compact(text)))


def _header_label(core: str) -> str | None:
    """What a label (spaces removed) is as a header label: ``"date"`` (◯令和６年５月17日（金）),
    ``"key"`` (○議事日程, ◯委員会説明員) or None (remembered for the parse: a document prints
    its labels again and again)."""
    return memoized("assembly.header_label", _read_header_label, core)


def _read_header_label(core: str) -> str | None:
    if _HEADER_WORD_RE.match(core):
        return "key"
    if core[:1] in DATE_FIRST_CHARS:  # (no date starts with any other character)
        dated = parse_date(core)
        if dated is not None and dated.start == 0:
            return "date"
    return "key" if common.is_header_key(_COUNT_TAIL_RE.sub("", core)) else None


def _label_shape(core: str) -> str | None:
    """``"name"`` when the label names a person (parentheses, a seat, an honorific), ``"role"``
    when it ends with a title (委員長, 吉原委員長), ``None`` when it is no label (remembered
    for the parse)."""
    return memoized("assembly.label_shape", _read_label_shape, core)


def _read_label_shape(core: str) -> str | None:
    if len(core) > 40:
        return None
    paren = _PAREN_INNER_RE.search(core)
    if paren is not None:
        return None if _COUNT_RE.match(paren["inner"]) else "name"
    if _SEAT_PREFIX_RE.match(core) or core.endswith(HONORIFICS):
        return "name"
    return "role" if position_suffix(core) else None


def _speech_label(label: str) -> tuple[str, str | None, str | None]:
    """A label's spaces removed, what it is as a header label (:func:`_header_label`) and
    its shape (:func:`_label_shape`): one look-up for :func:`_is_speech` (remembered for the
    parse)."""
    return memoized("assembly.speech_label", _read_speech_label, label)


def _read_speech_label(label: str) -> tuple[str, str | None, str | None]:
    core = compact(label)
    return core, _header_label(core), _label_shape(core)


#: The numbers of :data:`SPEECH_RE`'s groups (``match.group(number)`` is read several times
#: faster than ``match[name]``).
_SPEECH_MARK, _SPEECH_LABEL, _SPEECH_TEXT = (
    SPEECH_RE.groupindex[name] for name in ("mark", "label", "text")
)


def _is_speech(match: regex.Match[str], ctx: Context) -> bool:
    """A speaker label: not a header label (:func:`_is_header_word`), shaped like a label,
    and for ◎ ◆ ◇ a speech in this document's use of the mark (a match of
    :data:`SPEECH_RE`)."""
    core, found, shape = _speech_label(match.group(_SPEECH_LABEL))
    if found is not None:
        if found == "date":
            return False
        # a key: 説明員 and 出席者 are titles too, with a sentence after them they speak
        text = match.group(_SPEECH_TEXT)
        if not (text and position_suffix(core) and not _COUNT_RE.match(compact(text))):
            return False
    if shape is None or (ctx.indent > 0 and shape != "name"):
        return False
    mark = match.group(_SPEECH_MARK)
    if mark in EITHER_MARKS:
        if HEADING_PHRASE_RE.search(core):
            return False
        return ctx.document.get(mark) == "speaker" or (
            shape == "name" and bool(match.group(_SPEECH_TEXT))
        )
    return True


#: A named speaker missing from the roster joins the members (see the parser).
_ENROL = TurnMeta(enrol=True)


# -- headings ---------------------------------------------------------------------------------

MARK_HEADING_RE = regex.compile(
    rf"(?P<mark>[{HEADING_MARKS}{EITHER_MARKS}]){SP}*(?P<title>.+)", regex.DOTALL
)
#: A heading between turns: 日程第１　議案第146号　…, 議案第５号　…, 　閉　会.
ITEM_HEADING_RE = regex.compile(
    rf"""
    (?P<title>
        (?:追加)?日程第{SP}*{NUM}.*                                 # 日程第１　議案第146号 …
      | (?:議案|報告|請願|陳情|諮問|認定|承認|選挙|発議|議員提出議案|意見書案|決議案)
        第{SP}*{NUM}{SP}*号.*                                       # 議案第５号　…
      | (?:\p{{Han}}{SP}+){{1,4}}\p{{Han}}                            # 閉　会 (letter-spaced)
    )
    """,
    regex.VERBOSE | regex.DOTALL,
)
WRAP_RE = regex.compile(r"(?P<title>.+)", regex.DOTALL)
#: The next item of a group printed together (日程第12 … / 日程第13 … / 日程第14 …).
ITEM_LINE_RE = regex.compile(
    rf"(?P<title>(?:追加)?日程第{SP}*{NUM}.*)",
    regex.DOTALL,
)
_ITEM_NUMBER_RE = regex.compile(rf"^(?:追加)?(?:日程)?第{SP}*(?P<n>{NUM})")


def _heading_open(title: str) -> bool:
    """The heading goes on in the next line: a range (…　～), an open parenthesis, or an item
    number printed alone (△日程第１)."""
    bare = title.rstrip(" \u3000")
    return (
        bare.endswith(("～", "〜"))
        or bare.count("（") + bare.count("(") > bare.count("）") + bare.count(")")
        or bool(_ORDER_NUMBER_RE.fullmatch(bare))
    )


_LETTER_SPACED_RE = regex.compile(rf"^(?:\S{SP}+)+\S$")


def _heading_fields(groups: Mapping[str, str]) -> SectionMeta:
    """The item number of a heading (日程第１ → 1); a letter-spaced heading closed up
    (閉　会 → 閉会); an item number printed alone is a placeholder for the title below it."""
    title = groups.get("title", "")
    tidy = _SP_RE.sub("", title) if _LETTER_SPACED_RE.match(title) else None
    number = _ITEM_NUMBER_RE.match(title)
    if not number:
        return SectionMeta(title=tidy)
    subject = _ITEM_PREFIX_RE.sub("", title)
    # 日程第１　会議録署名議員の指名 → 会議録署名議員の指名, 1
    return SectionMeta(title=subject or tidy, number=number["n"], placeholder=not subject)


def _continued_heading(groups: Mapping[str, str]) -> SectionMeta:
    """A line that goes on with the heading above; the next item of a group (日程第１３…)
    is set apart by a space."""
    starts_item = bool(_ITEM_START_RE.match(groups.get("title", "")))
    return SectionMeta(continues=True, joiner="\u3000" if starts_item else "")


def _is_mark_heading(match: regex.Match[str], ctx: Context) -> bool:
    """△ always; ◎ ◆ ◇ when the line did not read as a speech (the speech rule comes first);
    never a header label (◎出席議員)."""
    return not _is_header_word(match["title"], None) and not (
        ctx.region == "header" and common.may_be_key_field(match.group())
    )  # □ 日 時 2020年5月2日… is a key of the header


#: After a rule line or a heading: no speech is open, so an item line is a heading (the
#: item-heading rules' modes; they are body rules, read in the body alone).
_BETWEEN_TURNS: frozenset[str | None] = frozenset({None, "heading"})


def _opens(guard: Guard | None) -> Guard:
    if guard is None:
        return _open_title

    def check(match: regex.Match[str], ctx: Context) -> bool:
        return (guard is None or guard(match, ctx)) and _heading_open(match["title"])

    return check


def _open_title(match: regex.Match[str], ctx: Context) -> bool:
    """The heading goes on in the next line (:func:`_heading_open`)."""
    return _heading_open(match["title"])


def _heading_rules(
    name: str,
    pattern: regex.Pattern[str],
    guard: Guard | None,
    *,
    continues: bool = False,
    modes: frozenset[str | None] | None = None,
    needs: str = "",
    when: Callable[[Context], bool] | None = None,
) -> tuple[Rule, Rule]:
    """The rule twice: as a heading that goes on in the next line, and as a finished one."""

    derive = _continued_heading if continues else _heading_fields

    return (
        Rule(
            f"{name}-open",
            BlockKind.SECTION,
            pattern,
            guard=_opens(guard),
            derive=derive,
            sets_mode="heading-open",
            ends_header=not continues,
            modes=modes,
            needs=needs,
            when=when,
        ),
        Rule(
            name,
            BlockKind.SECTION,
            pattern,
            guard=guard,
            derive=derive,
            sets_mode="heading",
            ends_header=not continues,
            modes=modes,
            needs=needs,
            when=when,
        ),
    )


def _wraps_heading(match: regex.Match[str], ctx: Context) -> bool:
    """The line goes on with the heading above (in the modes ``_AFTER_HEADING``): the heading
    was left open (…　～, an open parenthesis, 日程第１ alone), or the line is set in under a
    finished one (a wrapped title)."""
    return ctx.mode == "heading-open" or (
        ctx.indent >= 2 and not ITEM_HEADING_RE.fullmatch(match.group())
    )


#: Right under a heading: left open, or finished.
#: The mode of a list of people (rules whose guards read nothing outside one).
_IN_ROSTER: frozenset[str | None] = frozenset({"roster"})
_AFTER_HEADING: frozenset[str | None] = frozenset({"heading-open", "heading"})
_UNDER_HEADING: frozenset[str | None] = frozenset({"heading"})


def _next_in_group(ctx: Context) -> bool:
    """An item line right under another (in mode ``heading``): the items are taken up
    together, one section (a ``Rule.when`` of body rules, read in the body alone)."""
    return ctx.previous is BlockKind.SECTION


# -- notes, events, rules ---------------------------------------------------------------------

CLOCK = rf"(?:(?:午前|午後)?{SP}*{KNUM}{SP}*時(?:{SP}*{KNUM}{SP}*分|半)?|正午)"
COURSE = rf"(?:{COURSE_WORDS})"
TIME_RE = regex.compile(
    rf"""
    (?P<text>
      [（(〔]?{SP}*
      (?:{CLOCK}{SP}*{COURSE}                    # 午前１０時００分開会, 午後一時開議, 開会・開議
        | {COURSE}{SP}+{CLOCK})                  # 開議　午前１０時
      {SP}*[）)〕]?
    )
    """,
    regex.VERBOSE,
)
#: A rule line: ─── (U+2500), ――― (U+2015), ＝＝＝, with at most one ornament in it.
SEPARATOR_RE = regex.compile(rf"(?P<text>[{RULE_CHARS}]{{5,}}(?:[◇・◆○●][{RULE_CHARS}]{{3,}})?)")
_NOTE = r"(?:〔[^〔〕]+〕|[（(](?:[^（()）]|[（(][^（()）]*[)）])+[)）])"
#: A line of stage directions: 〔「異議なし」と呼ぶ者あり〕, （大泉　潤市長登壇）, 〔…登壇〕（拍手）.
NOTE_RE = regex.compile(rf"(?P<text>{_NOTE}(?:{SP}*{_NOTE})*)")


def _is_note(match: regex.Match[str], ctx: Context) -> bool:
    """〔…〕 is always a note; （…） only when its words are a note's (（仮称） is not)."""
    text = match["text"]
    return text.startswith("〔") or classify_note(text) != "other"


def _note_fields(groups: Mapping[str, str]) -> BlockMeta:
    return NoteMeta(kind=classify_note(groups.get("text", "")))


# -- the header -------------------------------------------------------------------------------

FIELD_RE = regex.compile(
    rf"(?P<key>開催日時|開催日|開催場所|会議名|日時|場所|会場|件名|委員会名){SP}*[：:]{SP}*(?P<value>.*)"
)
#: 招集年月日　令和６年３月５日, 招集の場所　○○町議会議場: keys printed without a colon.
SPACED_FIELD_RE = regex.compile(
    rf"""
    (?:[0-9０-９]{{1,2}}[.．、]?{SP}*)?
    (?P<key>{letter_spaced("招集年月日")}|{letter_spaced("開催年月日")}|{letter_spaced("開会日時")}
      |{letter_spaced("招集の場所")}|{letter_spaced("開催場所")}|{letter_spaced("会議の場所")}
      |{letter_spaced("開催日時")}|{letter_spaced("開催日")}|{letter_spaced("場所")})
    {SP}+(?P<value>\S.*)
    """,
    regex.VERBOSE,
)
#: Every key of :data:`SPACED_FIELD_RE` holds one of these (場所, 招集年月日, 開会日時).
SPACED_KEY_CHARS = "場日"
_SPACED_FIELD_NAMES = {
    "招集年月日": HeaderName.DATETIME,
    "開会日時": HeaderName.DATETIME,
    "招集の場所": HeaderName.VENUE,
    "会議の場所": HeaderName.VENUE,
}


def _spaced_field(groups: Mapping[str, str]) -> BlockMeta:
    key = compact(groups.get("key", ""))
    return HeaderMeta(name=_SPACED_FIELD_NAMES.get(key) or header_field_name(key))


DATE_LINE_RE = regex.compile(
    rf"(?P<value>(?:{ERA_NAMES}){SP}*(?:元|{KNUM}){SP}*年{SP}*{KNUM}{SP}*月{SP}*{KNUM}{SP}*日.*)"
)
#: The session a volume belongs to, printed above the title: 令和　６年第１回　２月定例会.
CAPTION_RE = regex.compile(r"(?P<value>.*(?:定例会|臨時会|定例議会|臨時議会)(?:.*[号日]）?)?)")
VENUE_RE = regex.compile(
    r"(?P<value>\S{0,20}(?:委員会室|会議室|協議会室|議場|議事堂|本会議場|議会棟\S*|庁舎\S*))"
)
#: 函館市議会, 東京都議会: the assembly's name in a title.
_ASSEMBLY_NAME_RE = regex.compile(
    rf"(?:第{SP}*{NUM}{SP}*回|(?<![\p{{Han}}\p{{Katakana}}ー・]))"  # (a name starts a run: read once)
    rf"(?P<body>[\p{{Han}}\p{{Katakana}}ー・]+?[都道府県市区町村]議会)"
)
#: The first characters of the roster words (出席議員, 説明員, 議会事務局, 市議会事務局).
ROSTER_WORD_FIRSTS = "出欠遅早説地職議事都道府県市区町村"
#: Kana and unified kanji: characters that cleaning leaves as they are (or makes a kana with
#: its voicing mark of), so a heading that starts with one of them and no roster word's first
#: character is no roster word, and :data:`ROSTER_HEADING_RE` does not take it.
_PLAIN_CHARS = "\u3041-\u30ff\u4e00-\u9fff"
ROSTER_HEADING_RE = regex.compile(
    rf"""
    [{SPEAKER_MARKS}{EITHER_MARKS}]?{SP}*
    (?P<heading>(?:[{ROSTER_WORD_FIRSTS}]|[^\s（()）0-9０-９{_PLAIN_CHARS}])
      [^（()）]{{1,60}}?)                                    # 出　席　議　員, 説明のため出席した者
    {SP}*(?P<count>{COUNT})?                                  # （２６人）, 十一名, なし
    """,
    regex.VERBOSE,
)
#: The last characters of a count (（２６人）, 十一名, なし): the only way a roster heading ends
#: other than with its words.
_COUNT_ENDS = "人名し)）"


def may_be_roster_heading(text: str) -> bool:
    """What :data:`ROSTER_HEADING_RE` matches ends with a count, or holds at most 62
    characters besides its spaces (a mark and a heading of 61); a long line of prose does
    not, and is turned down before the lazy heading is tried at each of its 60 lengths."""
    return (
        len(text) <= _ROSTER_HEADING_CHARS  # (most lines: no count taken)
        or text[-1] in _COUNT_ENDS
        or len(text) - text.count(" ") - text.count("\u3000") <= _ROSTER_HEADING_CHARS
    )


_ROSTER_HEADING_CHARS = 62
AGENDA_HEADING_RE = regex.compile(
    rf"""
    [{SPEAKER_MARKS}{EITHER_MARKS}]?{SP}*
    (?P<value>{letter_spaced("議事日程")}(?:{SP}*第{SP}*{NUM}{SP}*号)?
      | 本日の会議に付した(?:事件|案件) | 会議に付した事件)
    """,
    regex.VERBOSE,
)
#: 〇本日の会議に付した事件 / 　議事日程と同じ: the list is the order of the day's.
AGENDA_SAME_RE = regex.compile(r"(?P<value>(?:議事)?日程(?:第\S+号)?(?:と同じ|のとおり|に同じ))")

#: 君 or 議員 printed after a roster name (１番　山　田　太　郎　君).
HONORIFIC = rf"(?:{SP}*(?:君|議員))?"
SEAT_ENTRY = rf"[0-9０-９]{{1,3}}番{SP}+{NAME_FIELD}{HONORIFIC}"
SEAT_ENTRY_RE = regex.compile(
    rf"(?P<seat>[0-9０-９]{{1,3}})番{SP}+(?P<name>{NAME_FIELD}{HONORIFIC})(?={SP}{{2,}}|$)"
)
SEAT_ROW_RE = regex.compile(rf"(?P<entries>{SEAT_ENTRY}(?:{SP}{{2,}}{SEAT_ENTRY})*)")
ROLE_ENTRY = rf"[^\s]{{2,}}?{SP}+{NAME_FIELD}{HONORIFIC}"
ROLE_ENTRY_RE = regex.compile(
    rf"(?<!\S)(?P<title>[^\s]{{2,}}?){SP}+(?P<name>{NAME_FIELD}{HONORIFIC})(?={SP}{{4,}}|$)"
)
ROLE_ROW_RE = regex.compile(rf"(?P<entries>{ROLE_ENTRY}(?:{SP}{{4,}}{ROLE_ENTRY})*)")
#: Tokyo style: 委員長吉原　　修君 (title, name and 君 run together), one or more a line.
KUN_ENTRY = rf"(?:[^君\s]|君(?!{SP}|$))(?:[^君]|君(?!{SP}|$))*?君"
KUN_ENTRY_RE = regex.compile(rf"(?P<person>{KUN_ENTRY})(?={SP}|$)")
KUN_ROW_RE = regex.compile(rf"(?P<entries>{KUN_ENTRY}(?:{SP}+{KUN_ENTRY})*)")


def _is_run_together(match: regex.Match[str], ctx: Context) -> bool:
    """Entries whose title runs into the name: at most one gap inside each (委員長吉原　　修君),
    where a title column before a letter-spaced name leaves several (市長　　山　田　太　郎　君)."""
    return ctx.mode == "roster" and all(
        len(_SP_RUN_RE.findall(entry["person"])) <= 1
        for entry in KUN_ENTRY_RE.finditer(match["entries"])
    )


NAME_ROW_RE = regex.compile(rf"(?P<entries>{NAME_FIELD})")
NAME_ENTRY_RE = regex.compile(rf"(?P<name>{NAME_FIELD})")
POST_RE = regex.compile(r"(?P<value>[^\s　]{2,40})")

#: Items of the order of the day: 日程第１, 第　１　　会期について, 報告第１号　…, ・…について.
AGENDA_ITEM_RE = regex.compile(
    rf"(?P<title>(?:(?:追加)?日程)?第{SP}*(?P<number>{NUM})(?:{SP}+.*|[^号0-9０-９].*)?)",
    regex.DOTALL,
)
AGENDA_SUBITEM_RE = regex.compile(
    rf"(?P<title>(?:議{SP}*案|報{SP}*告|請{SP}*願|陳{SP}*情|諮{SP}*問|認{SP}*定|承{SP}*認|"
    rf"議員提出議案|意見書案|決議案){SP}*第{SP}*{NUM}{SP}*号.*)",
    regex.DOTALL,
)
AGENDA_LINE_RE = regex.compile(r"(?P<title>.+)", regex.DOTALL)
ANY_RE = regex.compile(r"(?P<value>.+)", regex.DOTALL)
#: Numbering printed letter-spaced in agenda lists: 議　　案　　第　８号.
_SPACED_NUMBERING_RE = re.compile(
    rf"(?:議{SP}*案|議員提出議案|報{SP}*告|請{SP}*願|陳{SP}*情){SP}*第{SP}*{NUM}(?:{SP}*号)?"
)
#: The item's own number before its subject: 日程第１, 第　９.
_ITEM_PREFIX_RE = re.compile(
    rf"^(?:(?:追加)?日程)?第{SP}*{NUM}(?=$|{SP}|[^号0-9０-９])[{WHITE_SPACE}]*"
)


def _tidy_title(title: str) -> tuple[str, bool]:
    """An agenda item's subject without its number (日程第１ → 1), the bill numbers in it
    closed up (議　　案　　第　８号 → 議案第８号); and whether the line held only the number."""
    subject = _ITEM_PREFIX_RE.sub("", title)
    tidy = _SPACED_NUMBERING_RE.sub(lambda m: _SP_RE.sub("", m.group()), subject or title)
    return tidy, not subject


def _tidy_item(groups: Mapping[str, str]) -> BlockMeta:
    """An agenda item of the order of the day (・… items are one level down)."""
    tidy, bare = _tidy_title(groups.get("title", ""))
    level = 2 if tidy.startswith("・") else None
    return SectionMeta(agenda=True, title=tidy, level=level, placeholder=bare)


def _subitem(groups: Mapping[str, str]) -> BlockMeta:
    tidy, bare = _tidy_title(groups.get("title", ""))
    return SectionMeta(agenda=True, title=tidy, level=2, continues=False, placeholder=bare)


def _agenda_line(groups: Mapping[str, str]) -> BlockMeta:
    """A line of the agenda; （総務・経済建設常任委員会および…） is the subtitle of the item above."""
    tidy, bare = _tidy_title(groups.get("title", ""))
    return SectionMeta(
        agenda=True,
        title=tidy,
        level=2 if tidy.startswith("・") else None,
        continues=True if tidy.startswith(("（", "(")) else None,
        placeholder=bare,
    )


def _is_agenda_line(match: regex.Match[str], ctx: Context) -> bool:
    """A line of the order of the day; a number alone is a table's cell, not an item."""
    return ctx.mode == "agenda" and not common.is_bare_number(match.group())


def _title_fields(groups: Mapping[str, str]) -> BlockMeta:
    assembly = _ASSEMBLY_NAME_RE.search(groups.get("value", ""))
    return HeaderMeta(name=HeaderName.TITLE, body=assembly["body"] if assembly else None)


def _roster_heading(groups: Mapping[str, str]) -> BlockMeta:
    """出　席　議　員　（３８名） → group 出席議員, attendance present (欠席… → absent)."""
    group = compact(groups.get("heading", ""))
    return HeaderMeta(
        name=HeaderName.ROSTER_HEADING,
        group=group,
        attendance="absent" if group.startswith("欠席") else "present",
    )


def _is_roster_heading(match: regex.Match[str], ctx: Context) -> bool:
    return bool(_ROSTER_WORDS_RE.match(compact(match["heading"])))


_LIST_TAIL_RE = regex.compile(rf"{SP}(?:ほか|他|外|以上)$")
#: What :data:`_LIST_TAIL_RE` finds, as the endings it matches (``$`` also before a last
#: ``\n``).
_LIST_TAILS = tuple(space + word for space in " \u3000" for word in ("ほか", "他", "外", "以上"))


def _has_list_tail(text: str) -> bool:
    """:data:`_LIST_TAIL_RE` finds a tail in ``text`` (with ``str.endswith``)."""
    return text.endswith(_LIST_TAILS) or (text[-1:] == "\n" and text[:-1].endswith(_LIST_TAILS))


_LIST_MARK_RE = regex.compile(r"[、，,|｜：:]")


_TOKEN_RE = regex.compile(r"[^ \u3000]+")


def _may_end_title(char: str) -> bool:
    """``position_suffix`` may find a title in a text that ends with ``char`` (it says None
    at once to any other)."""
    return char in TITLE_END_CHARS or not char.isprintable() or char.isspace()


def _title_goes_on(title: str, name: str) -> int:
    """How many characters of ``name`` still belong to the title before it: a title
    letter-spaced in its column, its first word wider than a character (まちづくり 課 長 森 沢 亜 土:
    まちづくり課長, not まちづくり and 課長森沢亜土). The longest start of the name, in whole
    tokens, that the title's word ends with a title word after, leaving a name of two
    characters or more; 0 when none does (at once when no token but the last ends with a
    character a title word may end with: :data:`~gijiroku.names.TITLE_END_CHARS`)."""
    words = [word for word in name.replace("\u3000", " ").split(" ") if word]  # (its tokens)
    if not any(_may_end_title(word[-1]) for word in words[:-1]):
        return 0
    tokens = list(_TOKEN_RE.finditer(name))
    if len(tokens) < 2:
        return 0
    joined, best = compact(title), 0
    left = sum(token.end() - token.start() for token in tokens)  # (the name's characters)
    for token in tokens[:-1]:
        word = token.group()
        joined += word
        left -= len(word)
        if left < 2:  # (what is left of the name only shrinks)
            break
        suffix = position_suffix(joined)
        if suffix is not None and joined.endswith(suffix):
            best = token.end()
    return best


def _role_matches(text: str) -> tuple[regex.Match[str], ...]:
    """The entries :data:`ROLE_ENTRY_RE` finds in a row, found once for the row's guard and
    its entries (remembered for the last row)."""
    return memoized("assembly.role_matches", _find_role_matches, text, only_last=True)


def _find_role_matches(text: str) -> tuple[regex.Match[str], ...]:
    return tuple(ROLE_ENTRY_RE.finditer(text))


def _role_entries(text: str) -> list[tuple[int, int, dict[str, str], BlockMeta | None]]:
    """Titles and names in columns (:data:`ROLE_ENTRY_RE`), a letter-spaced title taken
    whole (:func:`_title_goes_on`)."""
    found: list[tuple[int, int, dict[str, str], BlockMeta | None]] = []
    for match in _role_matches(text):
        groups = {k: v for k, v in match.groupdict().items() if v}
        cut = _title_goes_on(match["title"], match["name"])
        if cut:
            name_at = match.start("name")
            rest = text[name_at + cut : match.end("name")]
            groups["title"] = text[match.start("title") : name_at + cut]
            groups["name"] = rest.lstrip(" \u3000")
        found.append((match.start(), match.end(), groups, _PADDED))
    return found


def _is_title_row(match: regex.Match[str], ctx: Context) -> bool:
    """Titles and names in columns; a name followed by ほか (and others) is no column, and a
    title in two words (教育委員会 事務局: a post, its holder on the next line) is no entry."""
    entries = match["entries"]
    if ctx.mode != "roster" or _has_list_tail(entries):
        return False
    return not all(
        position_suffix(name) == name
        for name in (compact(m["name"]) for m in _role_matches(entries))
    )


def _is_post(match: regex.Match[str], ctx: Context) -> bool:
    """A title printed alone in a roster (its name follows on the next line); a line that
    starts with a name the labels print (松下重志産業企画室長 beside 産業企画室長（松下重志）) is
    an entry, not a post."""
    value = match["value"]
    if ctx.mode != "roster" or _LIST_MARK_RE.search(value):
        return False  # （説明員）：細井…局長、松永…課長 is a list, not a post
    if value.endswith("兼務"):
        return True
    if position_suffix(value) is None or (
        _may_start_with_a_labels_name(value, ctx)
        and any(value[:k] in ctx.named for k in range(2, min(len(value), 9)))
    ):
        return False
    return split_person(value, run_together=True)[0] is None  # 大塚健志次長 names a person


def _may_start_with_a_labels_name(value: str, ctx: Context) -> bool:
    """A start of ``value`` (two characters or more) may be a name the labels print in
    parentheses (:attr:`Context.named`): the document holds its first two characters right
    after an opening parenthesis (:meth:`_Document.follows_a_parenthesis`). When it does
    not, no start of ``value`` is such a name, and the labels are not counted for it."""
    document = ctx.document
    return not isinstance(document, _Document) or document.follows_a_parenthesis(value[:2])


#: Rosters print a name in a field this many cells wide (吉　田　崇　仁, 小笠原　　　聡).
NAME_CELLS = 7


def _is_padded_name(match: regex.Match[str], ctx: Context) -> bool:
    """A name alone on its line, letter-spaced in its field: the name for the title above;
    not a title and a name (委員長　山田太郎)."""
    name = match["entries"]
    if ctx.mode != "roster" or not _SP_RE.search(name) or len(name) > NAME_CELLS + 1:
        return False
    first = compact(_SP_RE.split(name.strip(" \u3000"), maxsplit=1)[0])
    return position_suffix(first) != first


#: The modes of the lines above the lists (none yet, or under the date line): the modes of
#: the rules whose ``when`` asks for them (:func:`_is_first_lines`, :func:`_not_seen_title`),
#: so that in a list the rules are not tried at all.
_ABOVE_THE_LISTS: frozenset[str | None] = frozenset({None, "dateline"})


def _is_first_lines(ctx: Context) -> bool:
    """The first lines, above the title (a ``Rule.when``)."""
    return ctx.index < 4 and ctx.mode in _ABOVE_THE_LISTS and not ctx.title_seen


def _not_in_roster(ctx: Context) -> bool:
    """Outside a list of people (a ``Rule.when``)."""
    return ctx.mode != "roster"


def _not_seen_title(ctx: Context) -> bool:
    """No title read yet, outside a list (a ``Rule.when``)."""
    return not ctx.title_seen and ctx.mode in _ABOVE_THE_LISTS


# -- the signature block ----------------------------------------------------------------------

#: (the lookahead settles most lines, which never say 署名, in one scan without backtracking)
STATEMENT_RE = regex.compile(
    r"(?=[^\n]*?署名)"
    r"(?P<statement>.*(?:地方自治法|会議規則).*署名.*|.*(?:ここに|よって|右|上記の?とおり).*署名(?:する|します)。?)"
)
#: How a statement the second form of :data:`STATEMENT_RE` reads ends.
_STATEMENT_ENDS = ("署名する", "署名します", "署名する。", "署名します。")


def may_be_statement(text: str) -> bool:
    """``text`` may match :data:`STATEMENT_RE` (a ``Rule.may_match``): it says 署名 after
    地方自治法 or 会議規則, or ends with 署名する or 署名します (消防署, 署名議員の指名 fail)."""
    last = text.rfind("署名")
    return last >= 0 and (
        text.endswith(_STATEMENT_ENDS)
        or text.find("会議規則", 0, last) >= 0
        or text.find("地方自治法", 0, last) >= 0
    )


#: The roles of :data:`SIGNER_RE`, each letter-spaced.
_SIGNER_ROLES = "|".join(
    letter_spaced(role)
    for role in (
        "会議録署名議員",
        "署名議員",
        "副議長",
        "仮議長",
        "議長",
        "副委員長",
        "委員長",
        "署名委員",
    )
)
SIGNER_RE = regex.compile(
    rf"""
    (?P<role>{_SIGNER_ROLES})
    {SP}+(?P<name>{NAME_FIELD})
    """,
    regex.VERBOSE,
)
#: The start of every match of :data:`SIGNER_RE` (a role, spaces, a character of a name),
#: for the standard ``re``: no character of a name is ASCII, white space, a mark of
#: punctuation or a parenthesis (a test checks the class over every code point).
_SIGNER_START_RE = re.compile(
    rf"(?:{_SIGNER_ROLES})[ \u3000]+[^\x00-\x7f{WHITE_SPACE}、。，「」（）：０-９]"
)


def may_be_signer(text: str) -> bool:
    """``text`` starts as every match of :data:`SIGNER_RE` starts (a ``Rule.may_match``):
    running text that starts with a role's first character (議案第１号は, 委員の選任) fails."""
    return _SIGNER_START_RE.match(text) is not None


SIGNATURE_DATE_RE = regex.compile(
    rf"(?P<date>(?:{ERA_NAMES}){SP}*(?:元|{KNUM}){SP}*年{SP}*{KNUM}{SP}*月{SP}*{KNUM}{SP}*日)(?:{SP}+.*)?"
)
SIGNATURE_LINE_RE = regex.compile(r"(?P<text>.{1,40})")


def _signs(ctx: Context) -> bool:
    """A signer's line: in the signature block, or set far in (the block is printed to the
    right, after the last speech; a ``Rule.when``)."""
    return ctx.mode == "signature" or ctx.indent >= 8


# -- facts in running text --------------------------------------------------------------------

#: ただいまから令和６年第１回函館市議会定例会を開会いたします / ただいまからＤＸ推進調査特別委員会を
BODY_OPENED_RE = regex.compile(
    rf"""
    (?:ただいまから|これより|ただ今から|これにて){SP}*、?{SP}*
    (?:(?:{ERA_NAMES})\S*?年\S*?第{NUM}回)?
    (?P<value>[\p{{Han}}\p{{Katakana}}Ａ-Ｚａ-ｚA-Za-zー・]{{2,40}}?(?:議会|委員会|協議会))
    (?:定例会|臨時会)?を(?:開会|閉会)
    """,
    regex.VERBOSE,
)

#: The chair takes up an item, at the start of the speech or of a line: 日程第１　…について。,
#: 次に、日程第２、議案第１号から日程第７、議案第６号までの議案６件を一括して上程いたします。
TAKEN_UP_RE = regex.compile(
    rf"""
    (?:^|(?<=^[^\s]{{1,40}}{SP}+))(?:次に、|これより)?
    (?P<taken>
      (?:追加)?日程第(?P<number>[0-9０-９]+|[一二三四五六七八九十百]+)[、{SP}]*
      (?P<title>[^。]*?)
      (?:から(?:追加)?日程第(?P<last>[0-9０-９]+|[一二三四五六七八九十百]+)[^。]*?まで[^。]*?)?
      (?:を(?:一括)?議題と|について(?!$)|を一括して|を上程)      # a list read out ends with について
    )
    """,
    regex.VERBOSE,
)
#: A time note inside a speech: （11時10分閉会）.
TIME_NOTE_RE = regex.compile(
    rf"(?P<text>[（(〔]{SP}*(?:午前|午後)?{SP}*{KNUM}{SP}*時(?:{SP}*{KNUM}{SP}*分|半)?{SP}*"
    rf"(?:{COURSE_WORDS}){SP}*[）)〕])"
)


def _is_taken_up(match: regex.Match[str], ctx: Context) -> bool:
    return ctx.region == "body"


# -- the rules --------------------------------------------------------------------------------

_PADDED = MemberMeta(layout=EntryLayout.PADDED)
_SPEECH = Rule(
    "speech",
    BlockKind.TURN,
    SPEECH_RE,
    guard=_is_speech,
    meta=_ENROL,
    ends_header=True,
    sets_mode="turn",
)
_MARK_HEADINGS = _heading_rules("mark-heading", MARK_HEADING_RE, _is_mark_heading)
_SEPARATOR = Rule("separator", BlockKind.SEPARATOR, SEPARATOR_RE, sets_mode=None)
_TIME = Rule(
    "time",
    BlockKind.NOTE,
    TIME_RE,
    derive=_note_fields,
    needs="時正",  # (…時, 正午)
    # (a word of the course, a clock time, a space or a closing bracket ends it)
    may_match=common.ends_with_one_of(common.COURSE_WORD_ENDS + "時分半午 \u3000）)〕"),
)
_NOTE_RULE = Rule(
    "note",
    BlockKind.NOTE,
    NOTE_RE,
    guard=_is_note,
    derive=_note_fields,
    may_match=common.ends_with_one_of("〕）)"),
)

HEADER_RULES: tuple[Rule, ...] = (
    _SPEECH,
    *_MARK_HEADINGS,
    _SEPARATOR,
    Rule(
        "time-under-date",
        BlockKind.HEADER,
        regex.compile(rf"(?P<value>{TIME_RE.pattern})", regex.VERBOSE),
        guard=in_mode("dateline"),
        meta=HeaderMeta(name=HeaderName.TIME),
    ),
    _TIME,
    Rule(
        "field",
        BlockKind.HEADER,
        FIELD_RE,
        derive=keyed_header,
        needs="：:",  # (the colon after the key)
    ),
    Rule(
        "spaced-field",
        BlockKind.HEADER,
        SPACED_FIELD_RE,
        derive=_spaced_field,
        needs=SPACED_KEY_CHARS,
    ),
    Rule(
        "date",
        BlockKind.HEADER,
        DATE_LINE_RE,
        guard=in_mode(None),
        needs="年",
        meta=HeaderMeta(name=HeaderName.DATETIME),
        sets_mode="dateline",
    ),
    Rule(
        "date-later",
        BlockKind.HEADER,
        DATE_LINE_RE,
        when=_not_in_roster,
        needs="年",
        meta=HeaderMeta(name=HeaderName.DATETIME),
    ),
    Rule(
        "title",
        BlockKind.HEADER,
        common.TITLE_RECORD_RE,
        when=_not_seen_title,
        modes=_ABOVE_THE_LISTS,
        derive=_title_fields,
        needs=common.RECORD_WORD_CHARS,
        may_match=common.may_be_record_title,
    ),
    Rule(
        "caption",
        BlockKind.HEADER,
        CAPTION_RE,
        when=_is_first_lines,
        modes=_ABOVE_THE_LISTS,
        meta=HeaderMeta(name=HeaderName.CAPTION),
    ),
    Rule(
        "venue",
        BlockKind.HEADER,
        VENUE_RE,
        when=_is_first_lines,
        modes=_ABOVE_THE_LISTS,
        meta=HeaderMeta(name=HeaderName.VENUE),
    ),
    Rule(
        "roster-heading",
        BlockKind.HEADER,
        ROSTER_HEADING_RE,
        guard=_is_roster_heading,
        derive=_roster_heading,
        sets_mode="roster",
        needs=ROSTER_WORD_ENDS,  # (every roster word the guard knows ends with one of these)
        may_match=may_be_roster_heading,
    ),
    Rule(
        "agenda-heading",
        BlockKind.HEADER,
        AGENDA_HEADING_RE,
        meta=HeaderMeta(name=HeaderName.AGENDA_HEADING),
        sets_mode="agenda",
    ),
    Rule(
        "agenda-same",
        BlockKind.HEADER,
        AGENDA_SAME_RE,
        guard=in_mode("agenda"),
        meta=HeaderMeta(name=HeaderName.AGENDA),
    ),
    *common.KEY_RULES,
    Rule(
        "roster-seats",
        BlockKind.ROSTER,
        SEAT_ROW_RE,
        guard=in_mode("roster"),
        children=ChildRule("entries", BlockKind.MEMBER, SEAT_ENTRY_RE, _PADDED),
    ),
    Rule(
        "roster-run-together",
        BlockKind.ROSTER,
        KUN_ROW_RE,
        guard=_is_run_together,
        modes=_IN_ROSTER,
        children=ChildRule(
            "entries",
            BlockKind.MEMBER,
            KUN_ENTRY_RE,
            MemberMeta(layout=EntryLayout.RUN_TOGETHER),
        ),
    ),
    Rule(
        "roster-name",
        BlockKind.ROSTER,
        NAME_ROW_RE,
        guard=_is_padded_name,
        modes=_IN_ROSTER,
        children=ChildRule("entries", BlockKind.MEMBER, NAME_ENTRY_RE, _PADDED),
    ),
    Rule(
        "roster-titles",
        BlockKind.ROSTER,
        ROLE_ROW_RE,
        guard=_is_title_row,
        modes=_IN_ROSTER,
        children=ChildRule("entries", BlockKind.MEMBER, split=_role_entries),
    ),
    Rule(
        "post",
        BlockKind.HEADER,
        POST_RE,
        guard=_is_post,
        meta=HeaderMeta(name=HeaderName.POST),
        modes=_IN_ROSTER,
    ),
    *common.ROSTER_RULES,
    Rule(
        "agenda-item",
        BlockKind.SECTION,
        AGENDA_ITEM_RE,
        guard=in_mode("agenda"),
        derive=_tidy_item,
    ),
    Rule(
        "agenda-subitem",
        BlockKind.SECTION,
        AGENDA_SUBITEM_RE,
        guard=in_mode("agenda"),
        derive=_subitem,
    ),
    Rule(
        "agenda-line",
        BlockKind.SECTION,
        AGENDA_LINE_RE,
        guard=_is_agenda_line,
        modes=frozenset({"agenda"}),
        derive=_agenda_line,
    ),
    _NOTE_RULE,
    *common.HEADER_TAIL_RULES,
    Rule("notice", BlockKind.HEADER, ANY_RE, meta=HeaderMeta(name=HeaderName.NOTICE)),
)

BODY_RULES: tuple[Rule, ...] = (
    _SPEECH,
    *common.EVENT_RULES,
    *_MARK_HEADINGS,
    *common.HEADING_RULES,
    _SEPARATOR,
    _TIME,
    _NOTE_RULE,
    *_heading_rules("heading-wrap", WRAP_RE, _wraps_heading, continues=True, modes=_AFTER_HEADING),
    *_heading_rules(
        "item-group", ITEM_LINE_RE, None, continues=True, modes=_UNDER_HEADING, when=_next_in_group
    ),
    # (an item's number follows 第, a letter-spaced word holds a space)
    *_heading_rules("item-heading", ITEM_HEADING_RE, None, modes=_BETWEEN_TURNS, needs="第 \u3000"),
    *common.BODY_TAIL_RULES,
    Rule(
        "signature-statement",
        BlockKind.SIGNATURE,
        STATEMENT_RE,
        sets_mode="signature",
        needs="署",  # (the statement holds 署名)
        may_match=may_be_statement,
    ),
    Rule(
        "signer",
        BlockKind.SIGNATURE,
        SIGNER_RE,
        when=_signs,
        sets_mode="signature",
        may_match=may_be_signer,
    ),
    Rule("signature-date", BlockKind.SIGNATURE, SIGNATURE_DATE_RE, guard=in_mode("signature")),
    Rule("signature-line", BlockKind.SIGNATURE, SIGNATURE_LINE_RE, guard=in_mode("signature")),
    Rule(
        "continuation",
        BlockKind.CONTINUATION,
        regex.compile(r"(?P<text>.+)", regex.DOTALL),
        sets_mode="turn",
    ),
)

# -- the document survey and the detector -----------------------------------------------------

#: A line that starts with ◎ ◆ ◇ ■ □, found after its line break (``\n``, which is found
#: faster than ``(?m)^``) in the text after one; by the standard ``re``, which scans a whole
#: text for it in less than half the time ``regex`` takes (nothing in it reads otherwise).
_EITHER_LINE_RE = re.compile(rf"(?m)\n(?P<mark>[{EITHER_MARKS}]){SP}*(?P<rest>[^\n]*)$")
#: A label and speech after it, and a label alone on its line (by ``re`` too).
_STRONG_SPEECH_RE = re.compile(
    rf"^[^{WHITE_SPACE}（()）]{{0,30}}[（(][^（()）\n]{{1,30}}[)）]{SP}+[^{WHITE_SPACE}]"
)
_LABEL_ALONE_RE = re.compile(rf"^[^{WHITE_SPACE}（()）]{{1,30}}[（(][^（()）\n]{{1,30}}[)）]{SP}*$")


#: CRLF and CR read as LF by the line patterns of the survey and the detector.
_LINE_BREAK_RE = regex.compile(r"\r\n?")


def survey(text: str) -> Mapping[str, str]:
    """What ◎ ◆ ◇ do in this document: ``"speaker"`` when more of their lines are speeches
    (``◎市長（大泉潤）　…``) than headings (``◎会期の決定``), else ``"heading"``; nothing
    when the text holds none of them (most documents: their lines are not looked for)."""
    if not any(mark in text for mark in EITHER_MARKS):
        return {}
    return _survey_lines(text)


def _survey_lines(text: str) -> dict[str, str]:
    """:func:`survey` of a text's lines. A line's vote depends on its text alone, and the
    same lines come back (``◆委員（下村あきら）`` on a line of its own before each speech):
    each distinct (mark, text) is read once and votes as often as it is printed."""
    if "\r" in text:
        text = _LINE_BREAK_RE.sub("\n", text)
    printed = _lines_opened_by_marks(text)
    votes: Counter[tuple[str, str]] = Counter()
    for (mark, rest), times in printed.items():
        vote = _line_vote(rest)
        if vote is not None:
            votes[mark, vote] += times
    found: dict[str, str] = {}
    for mark in EITHER_MARKS:
        speaker, heading = votes[mark, "speaker"], votes[mark, "heading"]
        if speaker or heading:
            found[mark] = "speaker" if speaker > heading else "heading"
    return found


def _lines_opened_by_marks(text: str) -> Counter[tuple[str, str]]:
    """How often each line that opens with ◎ ◆ ◇ ■ □ (``mark``, and ``rest``, its text after
    the mark and the spaces after it) is printed in ``text`` (lines cut at LF alone): what
    :data:`_EITHER_LINE_RE` finds in ``"\\n" + text``, each mark found by ``str.find``
    (few are printed), not every line tried."""
    printed: Counter[tuple[str, str]] = Counter()
    find = text.find
    for mark in EITHER_MARKS:
        at = find(mark)
        while at >= 0:
            if at and text[at - 1] != "\n":  # (inside a line)
                at = find(mark, at + 1)
                continue
            end = find("\n", at)
            if end < 0:
                end = len(text)
            printed[mark, text[at + 1 : end].lstrip(" \u3000")] += 1
            at = find(mark, end)
    return printed


def _line_vote(rest: str) -> str | None:
    """What a line that opens with ◎ ◆ ◇ ■ □ says its mark does, from the text after the
    mark (``rest``): ``"speaker"``, ``"heading"``, or nothing."""
    if _STRONG_SPEECH_RE.match(rest):
        return "speaker"
    bare = compact(rest)
    # a label alone on its line, the speech below: ◆委員（下村あきら）
    if (
        _LABEL_ALONE_RE.match(rest)
        and _label_shape(bare) == "name"
        and not HEADING_PHRASE_RE.search(bare)
    ):
        return "speaker"
    if HEADING_PHRASE_RE.search(bare) or not _SP_RE.search(rest.strip()):
        return "heading"
    return None


def _pairs_after_parentheses(text: str) -> set[str]:
    """The two characters right after each opening parenthesis of ``text`` (overlapping ones
    too), neither of them a line feed: what ``[（(](?=([^\\n]{2}))`` finds, the parentheses
    found by :func:`~gijiroku.normalize.char_positions`."""
    pairs: set[str] = set()
    for at in char_positions(text, "（("):
        pair = text[at + 1 : at + 3]
        if len(pair) == 2 and "\n" not in pair:
            pairs.add(pair)
    return pairs


class _Document(dict[str, str]):
    """:func:`survey` of a text (what ◎ ◆ ◇ do: the same mapping), with the text, from
    which a guard learns once per document what it asks of the whole of it
    (:meth:`follows_a_parenthesis`), when it first asks. Made for one tokenization (the
    tokenizer's :attr:`Context.document`) and let go of with it."""

    __slots__ = ("_after_parenthesis", "_text")

    def __init__(self, marks: Mapping[str, str], text: str) -> None:
        super().__init__(marks)
        self._text = text
        self._after_parenthesis: str | None = None

    def follows_a_parenthesis(self, pair: str) -> bool:
        """The text holds ``pair``, two characters neither of them a line feed, right after
        an opening parenthesis, （ or (. Every name the labels print in parentheses
        (:attr:`Context.named`: the inside of a label's parenthesis on a line, an honorific
        at its end left out, two characters or more) is in the text right after one, so a
        start of a word that is such a name begins with a pair this finds. (The distinct
        pairs are kept as one string, each between line feeds: a few hundred bytes.)"""
        found = self._after_parenthesis
        if found is None:
            pairs = _pairs_after_parentheses(self._text)
            found = self._after_parenthesis = "\n" + "\n".join(sorted(pairs)) + "\n"
        return len(pair) == 2 and "\n" not in pair and f"\n{pair}\n" in found


#: Lines only assembly products print (after their line break; ``WHITE_SPACE`` is
#: ``regex``'s ``\s``), each tested only where a word it needs is in the head: seat labels,
#: ◆/◎ labels, run-together roster entries, 開催日：, 出席議員.
_SEAT_LABEL_LINE_RE = re.compile(r"\n[○〇][0-9０-９]{1,3}番[（(]")
_EITHER_LABEL_LINE_RE = re.compile(rf"\n[◆◎][^{WHITE_SPACE}（]{{1,20}}[（(]")
_CHAIR_ENTRY_LINE_RE = re.compile(r"(?m)\n(?:委員長|副委員長)[^\n]+君$")
#: 出席議員 / 出席説明員, found by its first character; what opens its line before it is
#: then read: spaces and a speaker mark at most.
_PRESENT_RE = re.compile(rf"出{SP}*席{SP}*(?:議{SP}*員|説{SP}*明{SP}*員)")
_PRESENT_LINE_OPENING_RE = re.compile(rf"{SP}*[{SPEAKER_MARKS}]?{SP}*")


def _has_present_line(lines: str) -> bool:
    """A line of ``lines`` that opens with 出席議員 or 出席説明員 (after spaces and a mark):
    ``\\n{SP}*[marks]?{SP}*出{SP}*席…``, each 出席… tried (no two overlap: 出 is their
    only 出)."""
    for found in _PRESENT_RE.finditer(lines):
        start = found.start()
        line_start = lines.rfind("\n", 0, start) + 1
        if line_start and _PRESENT_LINE_OPENING_RE.fullmatch(lines, line_start, start):
            return True
    return False


def _shows_assembly_lines(lines: str) -> bool:
    """What only assembly products print: ◯ (U+25EF), or one of the lines above."""
    return bool(
        "◯" in lines
        or ("番" in lines and _SEAT_LABEL_LINE_RE.search(lines))
        or (("◆" in lines or "◎" in lines) and _EITHER_LABEL_LINE_RE.search(lines))
        or ("君" in lines and _CHAIR_ENTRY_LINE_RE.search(lines))
        or "\n開催日：" in lines
        or "\n開催日:" in lines
        or ("席" in lines and _has_present_line(lines))
    )


#: What the head shows (a test of the head after a line break, ``"\n" + head``, and its
#: weight): a pattern for the start of a line starts with ``\n``, found faster than
#: ``(?m)^``; the standard ``re`` runs those quicker than ``regex``, which keeps the words.
_SIGNALS: tuple[Signal, ...] = (
    # a speech: a mark, a label, a full-width space (○議長（吉田崇仁）　, ◯委員長　　)
    (
        re.compile(
            rf"\n{MARK}(?:(?:[^{WHITE_SPACE}（()）]|[（(][^（()）\n]{{1,30}}[)）]){{1,40}}\u3000"
            rf"|[^（()）\n]{{0,20}}[（(][^（()）\n]{{1,30}}[)）][ \u3000])"
        ).search,
        0.4,
    ),
    # the vocabulary of local government
    (
        regex.compile(
            r"[都道府県市区町村]議会|定例会|臨時会|[市区町村]長|知事|説明員|説明のため出席|"
            r"事務局出席職員|職務のため出席"
        ).search,
        0.4,
    ),
    # what only assembly products print: ◯ (U+25EF), and the lines above
    (_shows_assembly_lines, 0.4),
    # numbers in Arabic digits where the Diet prints kanji (令和６年, 日程第１)
    (
        regex.compile(
            rf"(?:{ERA_NAMES})[ \u3000]*[0-9０-９元]{{1,2}}[ \u3000]*年|日程第[0-9０-９]"
        ).search,
        0.2,
    ),
)


def looks_like(head: str) -> float:
    """Assembly minutes: mark + label + 　 speeches, local-government words, ◯ or seat
    labels, Arabic digits in dates and items."""
    return looks_like_head(Head(head))


def looks_like_head(head: Head) -> float:
    """:func:`looks_like` of ``head.text``, read in its lines after their line breaks
    (``\\r\\n`` and ``\\r`` read as ``\\n``), stopped once the score is 1.0."""
    return weigh(_SIGNALS, head.lf_after_break)


class Assembly(Format):
    """Local-assembly minutes: mark + label + 　 speeches, local-government words, ◯ or seat
    labels, rosters of seats and padded names, the order of the day, the signature block."""

    name = "assembly"
    description = "Local-assembly minutes (地方議会会議録) from the councils' minutes systems"
    example = "○議長（吉田崇仁）　おはようございます。"
    header_rules = HEADER_RULES
    body_rules = BODY_RULES
    paragraph_mode = "line"
    #: Rosters print posts (and names) in fields 7 cells wide.
    post_column = NAME_CELLS
    mention_rules = (
        ChildRule(
            "",
            BlockKind.HEADER,
            BODY_OPENED_RE,
            span_group="value",
            once=True,
            fact=Fact.BODY,
            needs="開閉",  # を開会, を閉会
        ),
        ChildRule(
            "",
            BlockKind.SECTION,
            TAKEN_UP_RE,
            span_group="taken",
            guard=_is_taken_up,
            needs="程",  # 日程第
        ),
        ChildRule("", BlockKind.NOTE, TIME_NOTE_RE, span_group="text", needs="時"),
    )

    def looks_like(self, head: str) -> float:
        return looks_like(head)

    def looks_like_head(self, head: Head) -> float:
        return looks_like_head(head)

    def survey(self, text: str) -> Mapping[str, str]:
        return _Document(survey(text), text)
