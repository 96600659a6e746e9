"""The shared layout reader: rules every family uses, read from what a line *means*.

Families are profiles on top of these rules: they put them in their tables (the header
rules first, so that a key is never read as a speaker), and add their own vocabulary and
marks. Lines they recognise, from real minutes of several publishers::

    ○日時 / 平成23年2月10日(木)17:01~18:16            a key, the value on the next line
    １  日  時    令和元年７月26日（金）14：00～15：56   a numbered, letter-spaced key
    □ 日 時 2020年5月2日19:00-20:00                   any list marker, any separator
    1.開催日時                                         numbered key (the value below)
    ◯令和６年５月17日（金）                            a date line with a mark
    第３回　産業交通水道委員会記録                     the document's title (a record word)
    出席者：林委員、山田委員(座長)、佐藤委員           a roster key with its entries
    3.出席委員 / 委員長:星名建市、副委員長:安孫子哲     a roster key, the entries below
    岩瀬達哉委員 | 遠藤久夫委員 |                      table cells
    委員長　　　迫川　高行　　　委員　　川端　宏明     titles and names in columns
    委員 / 事務局 / （産業観光局）                     groups inside a roster
    5.主な質疑                                         the proceedings begin
    ○午後１時17分休憩 / ［午前10時　開会］ / △開会 午前10時00分   events
    ○会議録署名人選定について / ○日 程                  headings with a mark
    １．議案審査 / (1) 第８５号議案 …                   numbered headings between turns
    中村委員 / 　委員はどういう人を…                    a label alone, the speech below

A label alone on its line is a speaker's only with evidence: it recurs in the document,
names someone on the roster, or carries a mark; and the next line reads as speech.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import regex

from gijiroku.blocks import (
    BlockKind,
    BlockMeta,
    HeaderMeta,
    HeaderName,
    NoteMeta,
    RosterMeta,
    SectionMeta,
    TurnMeta,
)
from gijiroku.dates import (
    DateMatch,
    date_note,
    find_dates,
    find_times,
    find_years,
    parse_date,
    parse_number,
)
from gijiroku.formats.base import (
    COLON_ONLY_KEYS,
    KNOWN_HEADER_KEYS_RE,
    ChildRule,
    Context,
    Rule,
    header_field_name,
)
from gijiroku.layout import LABEL_WORD_PAREN, label_key
from gijiroku.models import Attendance
from gijiroku.names import (
    POSITION_WORDS,
    POSITION_WORDS_RE,
    is_place,
    position_suffix,
    split_person,
    strip_honorific,
)
from gijiroku.normalize import compact, memoized
from gijiroku.notes import classify_note
from gijiroku.rosters import iter_row, may_hold_titles, names_a_group, split_row
from gijiroku.vocabulary import (
    CELL_BORDERS,
    CLOCK,
    COURSE_WORDS,
    ERA_NAMES,
    KANJI_NUMERAL_CHARS,
    LIST_SEPARATORS,
    RULE_CHARS,
    SP,
    WHITE_SPACE,
    letter_spaced,
    letter_spaced_any,
)

__all__ = [
    "BODY_RULES",
    "BODY_TAIL_RULES",
    "ENDS_WITH_TITLE_RE",
    "POSITION_WORD",
    "EVENT_RULES",
    "HEADING_RULES",
    "HEADER_RULES",
    "AGENDA_RULES",
    "HEADER_TAIL_RULES",
    "KEY_RULES",
    "ROSTER_RULES",
    "LIST_MARKER",
    "MARKED_EVENT_RE",
    "RECORD_WORD_CHARS",
    "TITLE_RECORD_RE",
    "has_label_evidence",
    "is_bracket_heading",
    "is_header_key",
    "note_kind",
    "NONE_RE",
    "is_bare_number",
    "reads_as_speech",
    "speaks",
]

#: What may stand before a header key: ○ ◯ □ ■ ・, 1. １ (1) ⑴ ① 一、 第一.
LIST_MARKER = (
    r"(?:[○◯〇●◎□■◇◆・＊*]"
    r"|[0-9０-９]{1,2}(?:[.．、)）]|(?=[ \u3000]))"
    r"|[（(][0-9０-９一二三四五六七八九十]{1,2}[)）]"
    r"|[⑴-⒇①-⑳]"
    r"|[一二三四五六七八九十]{1,3}[、.．]"
    r"|第[一二三四五六七八九十0-9０-９]{1,3}(?:[、.．]|(?=[ \u3000])))"
)
#: The known keys (a key of :data:`COLON_ONLY_KEYS` stands only before a colon or in
#: brackets), letter-spaced, as trees of their shared starts (:func:`letter_spaced_any`: a
#: line that starts with no key's first character fails at once).
_KEYS = KNOWN_HEADER_KEYS_RE
_COLON_KEYS = letter_spaced_any(COLON_ONLY_KEYS)
#: A parenthesis or a count after a key: 出席者（委員／五十音順）, 出席委員（13名）.
_KEY_NOTE = r"(?:[ \u3000]*[（(][^（()）\n]{0,40}[)）])?"


def _key_field_pattern(keys: str, colon_keys: str) -> str:
    """:data:`KEY_FIELD_RE` with ``keys`` and ``colon_keys`` the patterns of the two kinds of
    keys."""
    return rf"""
    (?:[{CELL_BORDERS}]{SP}*)?                 # │日　　時│…│: a table drawn with borders
    (?:{LIST_MARKER}{SP}*)?
    (?:
        (?P<key>(?:{keys}){_KEY_NOTE})
      | [<＜〈《［]{SP}*(?P<key>(?:{keys}|{colon_keys}){_KEY_NOTE}){SP}*[>＞〉》］]  # <会議場所>
      | 【{SP}*(?P<key>(?:{keys}){_KEY_NOTE}){SP}*】  # 【日時】 (【委員】 is a label)
    )
    (?:
        {SP}*[：:{CELL_BORDERS}]{SP}*(?P<value>.*)   # 日時：…, 出席者| …, │日　時│…│
      | {SP}+(?P<value>\S.*)                        # 日　時　　　令和５年…
      | (?<=[)）】>＞〉》］])(?P<value>\S.*)          # 参加者（2021/12/22）21名, 【日時】令和…
    )?
    """


KEY_FIELD_RE = regex.compile(_key_field_pattern(_KEYS, _COLON_KEYS), regex.VERBOSE | regex.DOTALL)


def _standard_key_field_pattern() -> str:
    """:data:`KEY_FIELD_RE`'s pattern as the standard ``re`` reads it alike: each named
    group renamed apart (``re`` takes a name once), ``\\S`` written as the class of what is
    not ``regex``'s ``\\s`` (:data:`WHITE_SPACE`); everything else in it (literals, classes,
    ``.`` under DOTALL, greedy quantifiers, a lookahead and a lookbehind of one character)
    both modules read alike."""
    numbered = iter(range(1, 100))
    pattern = re.sub(
        r"\(\?P<(\w+)>",
        lambda m: f"(?P<{m.group(1)}{next(numbered)}>",
        KEY_FIELD_RE.pattern,
    )
    return pattern.replace(r"\S", f"[^{WHITE_SPACE}]")


#: :data:`KEY_FIELD_RE` in the standard ``re`` (its ``fullmatch`` fails about four times
#: faster): whether a text is a key's line, not how (the key rules' guards read the groups of
#: the ``regex`` match).
_KEY_FIELD_TWIN_RE = re.compile(_standard_key_field_pattern(), re.VERBOSE | re.DOTALL)


def may_be_key_field(text: str) -> bool:
    """``text`` matches :data:`KEY_FIELD_RE` in full (the same pattern, tried by ``re``): the
    ``may_match`` of the rules of keys, which share the pattern; the tokenizer tests it once
    for the run of them (a header line that is no key, most of them, skips the run)."""
    return _KEY_FIELD_TWIN_RE.fullmatch(text) is not None


COLON_KEY_RE = regex.compile(
    rf"(?:{LIST_MARKER}{SP}*)?(?P<key>(?:{_COLON_KEYS}){_KEY_NOTE}){SP}*[：:]{SP}*(?P<value>.*)",
    regex.DOTALL,
)
#: A line that names a list of people by attendance: 本会議に出席した事務局職員,
#: 説明のため会議に出席した者, 出席委員（13名）.
ATTENDANCE_HEADING_RE = regex.compile(
    rf"(?:{LIST_MARKER}{SP}*)?(?P<key>[^\s：:、。]{{0,24}}(?:出席|欠席)[^\s：:、。]{{0,16}}"
    rf"(?:者|員|委員|議員|職員))(?:{SP}*[（(][^（()）]{{0,12}}[)）])?"
)
#: The words of a key that opens a list of people.
_ROSTER_NAMES = frozenset({HeaderName.ATTENDEES, HeaderName.ABSENTEES, HeaderName.STAFF})
_AGENDA_NAMES = frozenset({HeaderName.AGENDA})
#: "Nobody" as a list's value: なし, な　し, 無し, 該当なし, ありません (in a table's cell too).
NONE_RE = re.compile(
    rf"^[{WHITE_SPACE}|｜│┃]*(?:な[{WHITE_SPACE}]*し|無[{WHITE_SPACE}]*し|該当なし|ありません)"
    rf"[{WHITE_SPACE}。.|｜│┃]*$"
)


#: A number or a count in parentheses after a key: （第1号）, （13名）, （２６人）.
_COUNT_NOTE_RE = regex.compile(
    r"[（(](?:第?[0-9０-９〇一二三四五六七八九十百]+[号名人]|なし)[)）]$"
)
#: How every text ends that :data:`_COUNT_NOTE_RE` finds a note in (its ``$`` matches only
#: at the very end of a :func:`compact` text, which holds no line break).
_COUNT_NOTE_ENDINGS = tuple(last + close for last in "号名人し" for close in ")）")


def is_header_key(text: str) -> bool:
    """``text`` is a key of the header that is never a speaker's label (日時, 出席委員,
    委員会説明員, …; not 委員 or 議長, which are labels too)."""
    bare = compact(text)
    if bare.endswith(_COUNT_NOTE_ENDINGS):  # (most keys and labels end otherwise: 議長（吉田崇仁）)
        bare = _COUNT_NOTE_RE.sub("", bare)
    if "（" in bare or "(" in bare:  # a name in parentheses: 議長（吉田崇仁）
        return False
    return bare not in COLON_ONLY_KEYS and header_field_name(bare) is not None


_UNDERLINE_RE = regex.compile(r"[=\-~^]{3,}[ \t]*")


def _key_name(match: regex.Match[str]) -> HeaderName | None:
    """The key's meaning; none when the key is the start of a letter-spaced title
    (議 事 係 長 大久保英輝 is the clerk 議事係長, not the key 議事). Found once for a match:
    the rules of keys share their pattern, so their guards ask about one match in turn
    (remembered for the last match of the parse)."""
    return memoized("common.key_name", _read_key_name, match, only_last=True)


def _read_key_name(match: regex.Match[str]) -> HeaderName | None:
    if _cut_from_title(match):
        return None
    return header_field_name(match["key"])


_SPACED_KEY_RE = re.compile(rf"[^{WHITE_SPACE}][ \u3000]+[^{WHITE_SPACE}]")
#: A separator between a key and its value (compiled once: ``regex.search`` with a pattern's
#: text looks it up in the module's cache at every call, a hundred times the search).
_KEY_SEPARATOR_RE = re.compile(r"[：:|｜]")
_SINGLE_CHARS_RE = regex.compile(r"(?:\S(?=[ \u3000]|$)[ \u3000]*){1,4}")


def _cut_from_title(match: regex.Match[str]) -> bool:
    """A letter-spaced key whose value goes on letter-spaced, the two making a title."""
    value = match.groupdict().get("value")
    if not value or match.start("value") < 0 or not _SPACED_KEY_RE.search(match["key"]):
        return False
    if _KEY_SEPARATOR_RE.search(match.string, match.end("key"), match.start("value")):
        return False  # a separator: 議 事：… is the key
    run = _SINGLE_CHARS_RE.match(value)
    if run is None:
        return False
    joined = compact(match["key"]) + compact(run.group())
    return position_suffix(joined) is not None and split_person(joined)[0] is None


def _underlined(ctx: Context) -> bool:
    """The next line underlines this one (議題 / ----): a heading, not a key."""
    return ctx.following is not None and bool(_UNDERLINE_RE.fullmatch(ctx.following))


def _is_roster_key(match: regex.Match[str], ctx: Context) -> bool:
    value = match.groupdict().get("value") or ""
    return _key_name(match) in _ROSTER_NAMES and not reads_as_speech(value)


def _is_materials_key(match: regex.Match[str], ctx: Context) -> bool:
    return _key_name(match) is HeaderName.MATERIALS and not match["value"]


def _is_material(match: regex.Match[str], ctx: Context) -> bool:
    """A line of the list under 配付資料 (a material): not a key of its own, not a rule line,
    an event or a speaker's label (○委員長（平山たかお）) that ends the list."""
    value = match["value"]
    return (
        not reads_as_speech(value)
        and not _is_other_key_text(value)
        and not RULE_LINE_RE.fullmatch(value)
        and not MARKED_EVENT_RE.fullmatch(value)
        and not (value[:1] in _SPEAKER_MARKS and label_key(value) is not None)
        and not (value[:1] == "【" and ENDS_WITH_TITLE_RE.search(value.rstrip("】 \u3000")))
    )


#: A rule line: ―――, ───, −−−, ＝＝＝, with at most one ornament (―――◇―――).
RULE_LINE_RE = regex.compile(rf"(?P<text>[{RULE_CHARS}]{{3,}}(?:[◇・◆○●][{RULE_CHARS}]{{3,}})?)")
_SPEAKER_MARKS = "○◯〇●◎◆"


def _is_other_key_text(text: str) -> bool:
    key = KEY_FIELD_RE.fullmatch(text) if may_be_key_field(text) else None
    return key is not None and _key_name(key) not in (None, HeaderName.MATERIALS)


#: An agenda item under 議題: 1.会長の選出について, （２）その他, ・報告事項.
AGENDA_ITEM_RE = regex.compile(rf"(?:(?P<number>{LIST_MARKER}){SP}*)?(?P<title>[^\n]{{1,120}})")


def _is_agenda_item(match: regex.Match[str], ctx: Context) -> bool:
    """A line of the agenda listed under 議題 / 次第: not a sentence, not a key."""
    title = match["title"]
    if reads_as_speech(title) or label_key(match.group()) is not None:
        return False
    if is_bare_number(match.group()):
        return False  # a number alone is a table's cell (日程番号 / 1 / 会議録署名…), no item
    key = KEY_FIELD_RE.fullmatch(match.group()) if may_be_key_field(match.group()) else None
    return key is None or _key_name(key) in (None, HeaderName.AGENDA)  # ２．議　事 is an item


_SUB_MARKER_RE = regex.compile(r"^[（(⑴-⒇①-⑳・]")
_NOT_NUMERAL_RE = regex.compile(r"[^0-9０-９一二三四五六七八九十]")
_SPACES_RE = regex.compile(r"[ \u3000]+")
_LETTER_SPACED_RE = regex.compile(r"^\S(?:[ \u3000]+\S){1,5}$")


def _agenda_item(groups: Mapping[str, str]) -> BlockMeta:
    """An agenda item: its number apart from its title, one level down under （１）, ⑴, ・;
    a title letter-spaced (開　会) closed up."""
    marker = groups.get("number", "") or ""
    number = _NOT_NUMERAL_RE.sub("", marker)
    title = groups.get("title", "")
    tidy = _SPACES_RE.sub("", title) if _LETTER_SPACED_RE.match(title) else None
    level = 2 if _SUB_MARKER_RE.match(marker) else 1
    return SectionMeta(agenda=True, number=number or None, title=tidy, level=level)


#: A line that names an office (政策統括官付社会保障担当参事官室, 情報政策課): who keeps the
#: record, printed under the title.
OFFICE_RE = regex.compile(
    r"(?P<value>[\p{Han}\p{Katakana}ー・]{2,40}(?:室|課|局|部|係|事務局|センター|本部|担当))"
)


def _under_the_title(ctx: Context) -> bool:
    """The lines right under the title (a ``Rule.when``)."""
    return ctx.previous is BlockKind.HEADER and ctx.index <= 3 and ctx.title_seen


def _is_office_line(match: regex.Match[str], ctx: Context) -> bool:
    """Under the title, unless the word is a speaker's label alone over a speech (事務局)."""
    alone = LABEL_ALONE_RE.fullmatch(match["value"])
    return alone is None or not _is_label_alone(alone, ctx)


def _is_agenda_key(match: regex.Match[str], ctx: Context) -> bool:
    """議題, 協議事項 … alone: the agenda's items follow (inside an agenda, such a line is a
    group of its items, 報告事項 / ・…について)."""
    return (
        _key_name(match) in _AGENDA_NAMES
        and not match["value"]
        and ctx.mode != "agenda"
        and not _underlined(ctx)
    )


def _is_proceedings_key(match: regex.Match[str], ctx: Context) -> bool:
    return _key_name(match) is HeaderName.PROCEEDINGS and not match["value"]


def _is_other_key(match: regex.Match[str], ctx: Context) -> bool:
    name = _key_name(match)
    if name is None or reads_as_speech(match["value"] or "") or _underlined(ctx):
        return False
    return not (
        (name in _AGENDA_NAMES and ctx.mode == "agenda")
        or (name is HeaderName.MATERIALS and ctx.mode == "materials")
    )


_SENTENCE_RE = regex.compile(r"[。？！?!]|(?:ます|です|ました|でした)(?:が|ので|けれども)?(?:、|$)")
#: The second half of :data:`_SENTENCE_RE`: a polite ending; each holds す or た.
_POLITE_ENDING_RE = re.compile(r"(?:ます|です|ました|でした)(?:が|ので|けれども)?(?:、|$)")


def reads_as_speech(text: str) -> bool:
    """A sentence, not a value: …開会いたします。, …と思いますが、 (what :data:`_SENTENCE_RE`
    finds: a full stop or a mark looked for with ``in``, a polite ending only in a text that
    holds す or た)."""
    if "。" in text or "？" in text or "！" in text or "?" in text or "!" in text:
        return True
    return ("す" in text or "た" in text) and _POLITE_ENDING_RE.search(text) is not None


def _key_field(groups: Mapping[str, str]) -> BlockMeta:
    return HeaderMeta(name=header_field_name(groups.get("key", "")))


#: A link: <…>, [text](url), a URL (no bracket inside, so that a run of [ fails fast).
_LINK_RE = regex.compile(r"<[^<>\n]*>|\[[^\[\]\n]*\]\([^()\n]*\)|https?://\S+")


def _roster_row(text: str) -> list[tuple[int, int, dict[str, str], BlockMeta | None]]:
    """A roster row's entries (a count, 21名, is nobody: :func:`split_row`); a row that says
    there is nobody (なし) gives one ``nobody`` entry, which ends the list."""
    if NONE_RE.match(compact(text)):
        return [(0, len(text), {"nobody": text}, None)]
    if "<" in text or "[" in text or "http" in text:  # (what each kind of link starts with)
        text = _LINK_RE.sub(lambda m: " " * len(m.group()), text)  # a link is nobody
    return list(split_row(text))


_ENTRIES = ChildRule("value", BlockKind.MEMBER, split=_roster_row)
_ROW = ChildRule("entries", BlockKind.MEMBER, split=_roster_row)

# -- dates, titles --------------------------------------------------------------------------

#: A line that starts with a date (an era or a Western year, then month and day).
#: What separates a date line's year from its month (:data:`DATE_LINE_RE`): every date line
#: holds one of these.
DATE_SEPARATORS = "年/.．-"
DATE_LINE_RE = regex.compile(
    rf"""
    (?:{LIST_MARKER}{SP}*)?
    (?P<value>
      (?:(?:{ERA_NAMES}){SP}*(?:元|[0-9０-９〇一二三四五六七八九十]+)
         (?:{SP}*[（(][0-9０-９]{{4}}[)）])?
       | [12１２][0-9０-９]{{3}})
      {SP}*[年/.．\-]{SP}*[0-9０-９〇一二三四五六七八九十]+{SP}*[月/.．\-]
      {SP}*[0-9０-９〇一二三四五六七八九十]+{SP}*日?
      [^\n]*
    )
    """,
    regex.VERBOSE | regex.DOTALL,
)
#: A title that names the record: …委員会記録, …議事録, …会議録（案）, …速記録 第二号.
#: A character every record word holds (記録, 議事要旨 …): a ``Rule.needs``.
RECORD_WORD_CHARS = "録要"
#: A character every clock time holds (10時, 13:30, 正午): a ``Rule.needs``.
CLOCK_CHARS = "時:：正"
#: The words that name a record, as :data:`TITLE_RECORD_RE` tries them.
_RECORD_WORDS = (
    "議事録",
    "会議録",
    "速記録",
    "記録",
    "議事要旨",
    "議事概要",
    "会議要旨",
    "会議概要",
)
TITLE_RECORD_RE = regex.compile(
    rf"""
    (?P<value>[^\n]{{0,80}}?\S{SP}*
      (?:{"|".join(_RECORD_WORDS)})
      (?:{SP}*[（(][^（()）\n]{{1,30}}[)）])?   # （案）, (平成27年1月8日開催)
      (?:{SP}*第{SP}*[0-9０-９一二三四五六七八九十百]+{SP}*号)?)
    """,
    regex.VERBOSE,
)
#: The last character of every text :data:`TITLE_RECORD_RE` matches in full: a record
#: word's, the parenthesis that closes a note, or 号.
_RECORD_TITLE_ENDS = "".join(dict.fromkeys(word[-1] for word in _RECORD_WORDS)) + ")）号"


def may_be_record_title(text: str) -> bool:
    """``text`` may match :data:`TITLE_RECORD_RE` in full: it ends with a record word (…記録,
    …議事要旨), a note in parentheses or 第…号. A line that only mentions a record (この議事録を
    作成し署名する。, a table's row) fails here at once, before the lazy head is tried at each of
    its 80 lengths (a ``Rule.may_match``)."""
    return text[-1:] in _RECORD_TITLE_ENDS


#: Words a meeting's or a record's name ends with.
BODY_WORDS = (
    r"(?:委員会|会議|審議会|協議会|議会|部会|分科会|懇談会|懇話会|研究会|検討会|総会|理事会"
    r"|役員会|幹事会|定例会|臨時会|本会議|大会|会合|集会|会|議事録|会議録|記録|速記録"
    r"|議事要旨|会議要旨|議事概要|会議概要|要録|報告)"
)
_BODY_END_RE = regex.compile(
    rf"{BODY_WORDS}(?:[（(][^（()）]{{1,30}}[)）])?(?:第{SP}*\S{{1,4}}{SP}*号)?$"
)
_BODY_WORD_ONLY_RE = regex.compile(BODY_WORDS)
#: A character every word of :data:`BODY_WORDS` holds (委員会, 会議録, 議事要旨, 報告): a
#: ``Rule.needs`` of a title that must name a body (:func:`_names_body`).
BODY_WORD_CHARS = "会録議報"
_WEEKDAY_RE = regex.compile(r"^[（(][月火水木金土日](?:曜日?)?[)）]")


def _is_dated_title(match: regex.Match[str], ctx: Context) -> bool:
    """A title with the date printed beside it (2001年12月7日 総務委員会,
    文教警察常任委員会(教育委員会関係) 平成27年3月4日(水曜日)) or the year it opens with
    (平成29年度 総務委員会, 平成20年第14回 議会運営委員会): the name of a body. A month and
    day in a bracket of their own (第6回委員会 (8月18日)) make a title too, even right under
    another title: the sitting under the body's name."""
    text = match["value"]
    if reads_as_speech(text):
        return False
    mentioned = find_dates(text)  # (parse_date's date: the first with a year)
    found = next((d for d in mentioned if d.has_year), None)
    if found is None or found.date is None:
        if ctx.mode in _LIST_MODES:  # an agenda item or a roster line that names a meeting
            return False
        return _is_titled_sitting(text, ctx, mentioned) or (
            not ctx.title_seen and _is_year_title(text)
        )
    if ctx.title_seen:
        return False
    before = text[: found.start].strip(" \u3000")
    after = _WEEKDAY_RE.sub("", text[found.end :].strip(" \u3000")).strip(" \u3000")
    return _names_body(after if not before else before if not after else "")


def _names_body(text: str) -> bool:
    """``text`` names a body: short, ending with a word such as 委員会, 会議, 定例会."""
    name = compact(text)
    return bool(name) and len(name) <= 60 and bool(_BODY_END_RE.search(name))


#: What separates the entries of a list (伊藤、竹田 / 岩瀬達哉委員 | 遠藤久夫委員).
_LIST_SEPARATOR_RE = regex.compile(f"[{LIST_SEPARATORS}]")
#: A date range or a starting date (～令和６年…, から…): a date line goes on after it.
_RANGE_START_RE = regex.compile(rf"{SP}*(?:[～〜~]|から)")

#: The rules that read a title: a line under one of them may be the sitting's.
_TITLE_RULES = frozenset({"title", "dated-title", "record-title", "first-line-title"})
#: Modes of lists whose lines are never the title.
_LIST_MODES = frozenset({"roster", "agenda", "materials"})


def _title_may_come(ctx: Context) -> bool:
    """No title yet, or the line right under it (a ``Rule.when``: where a dated title may
    stand, :func:`_is_dated_title`)."""
    return not ctx.title_seen or (
        ctx.previous is BlockKind.HEADER and ctx.previous_rule in _TITLE_RULES
    )


def _is_titled_sitting(text: str, ctx: Context, mentioned: Sequence[DateMatch]) -> bool:
    """第6回委員会 (8月18日): a body's name, then a month and day alone in a bracket
    (with 開催 …); first in the header, or right under the title. ``mentioned`` are the
    dates of ``text`` (:func:`~gijiroku.dates.find_dates`)."""
    if ctx.title_seen and not (
        ctx.previous is BlockKind.HEADER and ctx.previous_rule in _TITLE_RULES
    ):
        return False
    day = next((d for d in mentioned if not d.has_year and not d.in_range), None)
    note = date_note(text, day) if day is not None else None
    return note is not None and not text[note[1] :].strip() and _names_body(text[: note[0]])


#: A line that opens with a year: 平成29年度 総務委員会, 平成20年第14回 議会運営委員会.
_YEAR_TITLE_RE = regex.compile(rf"(?:{SP}*第{SP}*[0-9０-９〇一二三四五六七八九十]+{SP}*回)?")


def _is_year_title(text: str) -> bool:
    """A 年度, or a year with the meeting's ordinal after it, then a body's name."""
    years = find_years(text)
    if not years or years[0].start != 0 or years[0].in_range:
        return False
    year = years[0]
    ordinal = _YEAR_TITLE_RE.match(text, year.end)
    if not year.fiscal and (ordinal is None or ordinal.end() == year.end):
        return False
    return _names_body(text[year.end :])


#: Any line, as a title.
TITLE_LINE_RE = regex.compile(r"(?:[〇○◯●◎□■#＃]{1,3}[ \u3000]*)?(?P<value>[^\n]{1,100})")
#: The marks :data:`TITLE_LINE_RE` may open with.
_TITLE_MARKS = "〇○◯●◎□■#＃"
_TITLE_LINE_MAX = 100  # (the pattern's value holds 1 to 100 characters)


def may_be_title_line(text: str) -> bool:
    """``text`` may match :data:`TITLE_LINE_RE` in full: a text longer than its value may be
    must open with a mark (a ``Rule.may_match``: a long line, a table's row, fails at once,
    where the pattern would give back its hundred characters one by one)."""
    return len(text) <= _TITLE_LINE_MAX or text[0] in _TITLE_MARKS


def _on_the_first_lines(ctx: Context) -> bool:
    """The first line or two, no title read yet (a ``Rule.when``)."""
    return not ctx.title_seen and ctx.index <= 1


def _is_first_title(match: regex.Match[str], ctx: Context) -> bool:
    """The first line of the document names the meeting when nothing else does: not a
    sentence, not a list, not a date alone."""
    value = match["value"]
    bare = compact(value)
    return (
        bool(_BODY_END_RE.search(bare))
        and not _BODY_WORD_ONLY_RE.fullmatch(bare)  # 議事録 alone names no meeting
        and not reads_as_speech(value)
        and not _LIST_SEPARATOR_RE.search(value)
        and not _is_date_line(match, ctx)
    )


_TIME_WORDS_RE = regex.compile(r"(?:開会|閉会|開議|散会|閉議|開始|終了|から|まで|[～~〜\-－ー―])*")
_TIME = HeaderMeta(name=HeaderName.TIME)


def _is_time_line(match: regex.Match[str], ctx: Context) -> bool:
    """A time or a time range alone on a header line (午後2時00分, 13：30～15：00, 午後4時30分
    閉会), as printed under a date: the meeting's times (under a key of the close, 閉会の日時,
    the end time)."""
    text = match["value"]
    if ctx.region != "header" or ctx.mode in _LIST_MODES or not may_be_time_line(text):
        return False  # (40 characters at most; the first may start a time line)
    return _only_times(text)


def _only_times(text: str) -> bool:
    """``text`` holds times and time words alone (:func:`_is_time_line`'s long way)."""
    times = find_times(text)
    if not times:
        return False
    rest = "".join(
        text[end:start]
        for end, start in zip(
            (0, *(t.end for t in times)), (*(t.start for t in times), len(text)), strict=True
        )
    )
    return _TIME_WORDS_RE.fullmatch(compact(rest)) is not None


#: What a time line (:func:`_is_time_line`) may start with: a clock's first character
#: (午前, 午後, 正午, a digit, a kanji numeral: :data:`~gijiroku.vocabulary.CLOCK_PATTERN`), a
#: time word's (:data:`_TIME_WORDS_RE`), or one that :func:`compact` drops or changes (white
#: space, zero-width characters, half-width kana, full-width letters and digits).
_TIME_LINE_STARTS = frozenset(
    "午正0123456789０１２３４５６７８９"
    + KANJI_NUMERAL_CHARS
    + "開閉散終かま～~〜-－ー―"
    + "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u200b\u200c\u200d\u2060\ufeff\u00ad"
    + "".join(map(chr, range(0xFF61, 0xFFA0)))
    + "".join(map(chr, range(ord("Ａ"), ord("Ｚ") + 1)))
    + "".join(map(chr, range(ord("ａ"), ord("ｚ") + 1)))
)


def may_be_time_line(text: str) -> bool:
    """``text`` may be a time line (:func:`_is_time_line`'s first test, before its times are
    read: not a ``may_match``, which the pattern, any line, would have to imply): 40
    characters at most, and its first character starts a clock time or a time word, or is one that
    :func:`compact` drops or changes. (The guard wants the text to be times and time words
    only: the first character either starts the first time, or is the first of the words
    left when the times are cut out, compacted, which must be time words.) A line that
    opens with a bracket, a mark or a list's number (［午前10時　開会］, ○午後１時…, * 第1回:
    …10時) fails here, before its times are read."""
    return len(text) <= 40 and text[:1] in _TIME_LINE_STARTS


def _time_line_may_come(ctx: Context) -> bool:
    """In the header and outside a list (a ``Rule.when``: where :func:`_is_time_line` may
    say yes)."""
    return ctx.region == "header" and ctx.mode not in _LIST_MODES


def _is_date_line(match: regex.Match[str], ctx: Context) -> bool:
    """A date with nothing but times, a weekday or a place after it: the meeting's date line
    (a date inside a sentence or a range is not)."""
    value = match["value"]
    found = parse_date(value)
    if found is None or found.start != 0:
        return False
    rest = value[found.end :]
    return not reads_as_speech(rest) and not _RANGE_START_RE.match(rest)


def _is_record_title(match: regex.Match[str], ctx: Context) -> bool:
    return not reads_as_speech(match["value"]) and "。" not in match["value"]


#: Any line: the value of a key printed alone above it.
VALUE_RE = regex.compile(r"(?P<value>[^\n]+)")


def _key_open(ctx: Context) -> bool:
    """A key was printed alone on the line above (a ``Rule.when``)."""
    return ctx.open_key is not None


def _is_value_below_key(match: regex.Match[str], ctx: Context) -> bool:
    """The line right under a key printed alone (○日時 / 平成23年2月10日…, 2.開催場所 /
    302委員会室) is its value; lists under roster and agenda keys have rules of their own."""
    key = ctx.open_key
    if key in _ROSTER_NAMES and NONE_RE.match(compact(match["value"])):
        return True  # 欠席委員 / なし
    value = match["value"]
    return (
        key is not None
        and key not in _ROSTER_NAMES
        and key not in _AGENDA_NAMES
        and key is not HeaderName.MATERIALS
        and key is not HeaderName.PROCEEDINGS
        and not reads_as_speech(value)
        # a key's value is never another key nor a bare item number (keys printed in one
        # column and their values in the next: 開催場所 / 合併協議会委員数, 3 / 招集の場所)
        and not may_be_key_field(value)
        and not is_bare_number(value)
    )


_BARE_NUMBER_RE = regex.compile(r"[ \u3000]*[0-9０-９]{1,3}[.．]?[ \u3000]*")


def is_bare_number(text: str) -> bool:
    """A number alone (``4``, ``１２.``): an item number or a table's cell, never a value."""
    return _BARE_NUMBER_RE.fullmatch(text) is not None


#: A place: a room, a hall, a building (市会第３会議室, 第一委員会室, 本会議場).
VENUE_RE = regex.compile(
    rf"""
    (?:{LIST_MARKER}{SP}*)?
    (?P<value>[^\s。、]{{0,30}}(?:会議室|委員会室|協議会室|議場|議事堂|本会議場|大ホール|ホール
      |会館|庁舎|講堂|センター|集会所|事務所|研修室|応接室|会議場)(?:[^\s。、]{{0,20}}))
    """,
    regex.VERBOSE,
)
_VENUE = HeaderMeta(name=HeaderName.VENUE)


def _is_venue_under_date(ctx: Context) -> bool:
    """A place printed right under the date line (◯令和６年５月17日（金） / ◯市会第３会議室; a
    ``Rule.when``)."""
    return ctx.previous is BlockKind.HEADER


# -- people ----------------------------------------------------------------------------------

#: A group inside a roster: 委員, 事務局, （産業観光局）, 理事者側出席者.
_GROUP_WORDS = frozenset(
    {
        "委員",
        "幹事",
        "事務局",
        "説明員",
        "理事者",
        "執行部",
        "関係職員",
        "オブザーバー",
        "構成員",
        "臨時委員",
        "専門委員",
        "参考人",
        "講師",
    }
)
GROUP_RE = regex.compile(
    r"(?P<value>(?:(?P<title>[^\s、，,|｜：:（()）【】]{1,12})[ \u3000]*)?"
    r"(?P<inner>[（(][^（()）]{1,30}[)）]|(?<=\S[ \u3000]*)【[^【】]{1,30}】))"
    r"|(?P<value>[^\s、，,|｜：:（()）]{1,20})"
)


def _is_group(match: regex.Match[str], ctx: Context) -> bool:
    """A group heading inside a list of people (委員, 事務局, （産業観光局）); a title with the
    group its holders come from (委員 (田沢湖町)), not a name (委員長 (山田太郎)); a body and a
    part of it (市執行部 【財務部】)."""
    if ctx.mode != "roster":
        return False
    value = compact(match["value"])
    if match["title"]:
        title = compact(match["title"])
        name, _ = split_person(title)
        inner = compact(match["inner"])[1:-1]
        if name is None and position_suffix(title) is not None:  # 委員 (田沢湖町)
            return is_place(inner) or names_a_group(inner)
        return names_a_group(title) and names_a_group(inner)  # 市執行部 【財務部】
    if value.startswith(("（", "(")):
        return not _speaker_already_listed(value, ctx)  # （山田委員長） / それでは…: a label
    return value in _GROUP_WORDS or (
        header_field_name(value) in _ROSTER_NAMES and value not in ctx.people
    )


def _group(groups: Mapping[str, str]) -> BlockMeta:
    """A group heading (its mark or number taken off: 〇委員外出席者 → 委員外出席者); a word
    of attendance in it says whether the people below attended."""
    title = compact(groups.get("title", "")) or None
    value = groups.get("inner", "") if title is not None else groups.get("value", "")
    value = _MARKER_RE.sub("", compact(value)).strip("（()）【】")
    if title is not None and position_suffix(title) is None:  # 市執行部 【財務部】
        value, title = f"{title} {value}", None
    return HeaderMeta(
        name=HeaderName.ROSTER_HEADING,
        group=value,
        attendance=_attendance_of(value),
        member_title=title,
    )


_MARKER_RE = regex.compile(rf"^{LIST_MARKER}")


def _attendance_of(word: str) -> Attendance | None:
    """What a list's name says about attendance: 欠席 (absent), 出席 (present), or nothing."""
    if "欠席" in word:
        return "absent"
    return "present" if "出席" in word else None


ROW_RE = regex.compile(r"(?P<entries>[^\n]+)")


#: What a person's name never holds: digits, a colon, a full stop.
_NOT_A_NAME_RE = re.compile(r"[0-9０-９:：.．]")


def _is_person(groups: Mapping[str, str]) -> bool:
    """A roster entry that reads as a person: a name with a title, a title and a name, a
    seat number."""
    if "name" in groups or "seat" in groups:
        return True
    person = compact(groups.get("person", ""))
    if _NOT_A_NAME_RE.search(person) or HEADING_WORDS_RE.search(person):
        return False  # 3その他, (6)確認事項, 委任状:, 条例等について
    name, title = split_person(person, run_together=True)
    return name is not None and (title is not None or len(person) <= 8)


def _mostly_people(text: str) -> bool:
    """Half or more of the entries of a row (:func:`split_row`, one at least) read as a
    person: counted only until the answer is sure."""
    entries = split_row(text)
    needed = (len(entries) + 1) // 2  # (people * 2 >= entries)
    people = 0
    for k, (_, _, groups, _) in enumerate(entries):
        if _is_person(groups):
            people += 1
            if people >= needed:
                return True
        elif people + len(entries) - k - 1 < needed:  # (were every entry left a person)
            return False
    return False  # (no entry)


def _names_somebody(text: str) -> bool:
    """An entry of the row (:func:`split_row`) reads as a person."""
    return any(_is_person(groups) for _, _, groups, _ in split_row(text))


def _is_row(match: regex.Match[str], ctx: Context) -> bool:
    """A line of a list of people in a roster: no sentence, and most entries are people;
    not a label of someone the list already holds with speech below it
    (:func:`_speaker_already_listed`)."""
    text = match["entries"]
    if reads_as_speech(text) or NONE_RE.match(compact(text)) or _speaker_already_listed(text, ctx):
        return False
    return _mostly_people(text)


def _speaker_already_listed(text: str, ctx: Context) -> bool:
    """One person the list already named, alone on the line, and a sentence on the next
    (出席者：山田委員長、鈴木委員 … 【山田委員長】 / それでは開会します。): a list names each
    person once, so the list is over and this is a speaker's label."""
    if compact(text).strip("【】[]［］（()）") not in ctx.people:
        return False  # (looked up first: the guard has made the compact form already)
    return ctx.following is not None and reads_as_speech(ctx.following)


def _is_list_of_people(match: regex.Match[str], ctx: Context) -> bool:
    """Outside a roster: two or more entries separated by 、 , | each with a title
    (岩瀬達哉委員 | 遠藤久夫委員 |); never a sentence."""
    text = match["entries"]
    if reads_as_speech(text) or not _LIST_SEPARATOR_RE.search(text):
        return False
    if not may_hold_titles(text):
        return False  # (no entry has a title)
    entries = titled = 0
    for _, _, groups, _ in iter_row(text):  # the first entry that is no person says no
        if not _is_person(groups):
            return False
        entries += 1
        if "title" in groups or position_suffix(compact(groups.get("person", ""))) is not None:
            titled += 1
    return entries >= 2 and titled * 2 > entries


# -- lists of people: where one ends and the next begins -------------------------------------

#: The rule that reads なし as the value of a roster key: the list is empty and over.
NOBODY_RULE = "roster-none"


def _says_nobody(match: regex.Match[str], ctx: Context) -> bool:
    """A roster key whose value says there is nobody (4.欠席委員 なし): that list is over."""
    return _is_roster_key(match, ctx) and bool(NONE_RE.match(compact(match["value"] or "")))


def _is_nobody_below(match: regex.Match[str], ctx: Context) -> bool:
    """なし on the line under a roster key printed alone (4.欠席委員 / なし)."""
    return _roster_key_open(ctx) and bool(NONE_RE.match(compact(match["value"])))


def _roster_key_open(ctx: Context) -> bool:
    """The key of a list of people was printed alone on the line above (a ``Rule.when``)."""
    return ctx.open_key in _ROSTER_NAMES


#: A field opened by the header's own numbering: 5.事務局 高嶋教育次長、…, 5 委員外出席者
#: 議  長  金 子 茂 一, 6 説 明 員   秘書室長 …, ６　区議会事務局 (the word may be letter-spaced).
NUMBERED_FIELD_RE = regex.compile(
    r"""
    (?P<number>[0-9０-９]{1,2})(?:[.．、]|(?=[ \u3000]))[ \u3000]*
    (?P<key>\S(?:[ \u3000]\S){2,7}(?=[ \u3000]{2,}|$) | [^\s：:、，,|｜。（()）]{2,16})
    (?:(?:[ \u3000]*[：:][ \u3000]*|[ \u3000]+)(?P<value>\S.*))?
    """,
    regex.VERBOSE | regex.DOTALL,
)


def _is_numbered_field(match: regex.Match[str], ctx: Context) -> bool:
    """Under a list of people (3.出席委員 …, 4.欠席委員 なし), a line that starts with a field
    number of the header and a word naming a body of people (事務局, 説明員, 委員外出席者,
    区議会事務局, 執行者) opens the next field: its people are never more of the list above."""
    return (
        ctx.region == "header"
        and int(match["number"]) >= 2
        and (ctx.mode == "roster" or ctx.previous_rule == NOBODY_RULE)
        and _names_people(match["key"])
        and not reads_as_speech(match["value"] or "")
    )


def _names_people(word: str) -> bool:
    bare = compact(word)
    return header_field_name(bare) in _ROSTER_NAMES or bare in _GROUP_WORDS or names_a_group(bare)


def _numbered_field(groups: Mapping[str, str]) -> BlockMeta:
    """The field's meaning: its word's (委員外出席者: attendees), else staff (執行者)."""
    return HeaderMeta(name=header_field_name(groups.get("key", "")) or HeaderName.STAFF)


#: A list's name with 出席 or 欠席 in it and its people on the same line (その他の出席者
#: 鈴木行雄議長,…; 田沢湖・角館・西木合併協議会欠席者 武 藤 昭 男 1名).
ATTENDANCE_KEY_RE = regex.compile(
    rf"{ATTENDANCE_HEADING_RE.pattern}{SP}+(?P<value>\S.*)", regex.DOTALL
)


def _is_attendance_key(match: regex.Match[str], ctx: Context) -> bool:
    """The list's name is words (not a table's cell: │出席委員  │ 井 上   茂 …) and people
    follow it."""
    return (
        bool(_WORDS_RE.fullmatch(compact(match["key"])))
        and _is_roster_key(match, ctx)
        and _names_somebody(match["value"])
    )


_WORDS_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー・々]+")


#: A word and a colon alone on a line inside a list of people: the key of a list of its own
#: (委任状:, proxies given).
COLON_HEADING_RE = regex.compile(r"(?P<value>[^\s：:、，,|｜（()）]{2,12})[ \u3000]*[：:]")


def _is_colon_heading(match: regex.Match[str], ctx: Context) -> bool:
    return ctx.mode == "roster" and header_field_name(match["value"]) is None


def _colon_heading(groups: Mapping[str, str]) -> BlockMeta:
    """Another list: its people are not the list's above, and attended only if it says so."""
    word = compact(groups.get("value", ""))
    return HeaderMeta(
        name=HeaderName.ROSTER_HEADING, group=word, attendance=_attendance_of(word) or "unknown"
    )


#: A post in parentheses alone on its line: （福祉事務所長）.
POST_LINE_RE = regex.compile(r"(?P<entries>[（(][^（()）\n]{1,30}[)）])")


def _is_second_title_line(match: regex.Match[str], ctx: Context) -> bool:
    """Under a row of titles and names, a post in parentheses on a line of its own
    (健康福祉部長 … / （福祉事務所長）) is the second line of a title above it: its words end
    with a title word (所長), where a group's name a body (（産業観光局）)."""
    inner = compact(match["entries"])[1:-1]
    return (
        ctx.mode == "roster"
        and ctx.previous is BlockKind.ROSTER
        and position_suffix(inner) is not None
        and split_person(inner)[0] is None
    )


def _post_line(text: str) -> list[tuple[int, int, dict[str, str], BlockMeta | None]]:
    return [(0, len(text), {"post": text}, None)]


# -- events, headings ------------------------------------------------------------------------

#: A marked or bracketed note of the meeting's course with its time: ○午後１時17分休憩,
#: ［午前10時　開会］, （午後　１時００分　開会）, △開会 午前10時00分.
MARKED_EVENT_RE = regex.compile(
    rf"""
    (?P<text>
      [〇○◯●◎◆■◇□△▲▼☆★]?{SP}*+[［\[（(〔]?{SP}*+     # (spaces taken once: no backtracking)
      (?:(?:{CLOCK}){SP}*(?:{COURSE_WORDS}) | (?:{COURSE_WORDS}){SP}*(?:{CLOCK}))
      {SP}*[］\]）)〕]?
    )
    """,
    regex.VERBOSE,
)
_NOTE_KIND_RE = regex.compile(r"^[〇○◯●◎◆■◇□△▲▼☆★]?[ \u3000]*")
#: The last characters of the words of the meeting's course (開会, 休憩, 終了 …).
COURSE_WORD_ENDS = "".join(sorted({word[-1] for word in re.findall(r"[^()?:|]+", COURSE_WORDS)}))
#: What every match of :data:`MARKED_EVENT_RE` ends with: a word of the course, a clock time
#: (…時, …分, …半, 正午, 13:30), a space or a closing bracket.
_EVENT_ENDS = COURSE_WORD_ENDS + "時分半午0123456789０１２３４５６７８９ \u3000］]）)〕"


def ends_with_one_of(chars: str) -> Callable[[str], bool]:
    """A ``Rule.may_match`` for a pattern whose every match ends with one of ``chars``: a
    sentence (…。) fails it."""

    def may_match(text: str) -> bool:
        return text[-1] in chars

    return may_match


may_be_marked_event = ends_with_one_of(_EVENT_ENDS)


def _is_start_event(match: regex.Match[str], ctx: Context) -> bool:
    """The meeting opens (［午前10時　開会］): the header is over."""
    return classify_note(_NOTE_KIND_RE.sub("", match["text"])) == "start"


def _event(groups: Mapping[str, str]) -> BlockMeta:
    return NoteMeta(kind=classify_note(_NOTE_KIND_RE.sub("", groups.get("text", ""))))


#: What a heading says: an item of the agenda, the meeting's course, a report.
HEADING_WORDS_RE = regex.compile(
    rf"""
    ^(?:追加)?日程第 | ^日程$ | ^議事日程 | ^議題
    | ^(?:議案|報告|請願|陳情|諮問|認定|承認|選挙|発議|議員提出議案|意見書案|決議案|同意)第
    | ^第?[0-9０-９一二三四五六七八九十]+号議案
    | ^(?:{COURSE_WORDS})(?:の宣告)?$ | の宣告$
    | について$ | の件$ | の選挙$ | の決定$ | の指名$ | の報告$ | の選定$ | の選任$ | 選定$
    | ^(?:その他|報告事項|協議事項|審議事項|議事|質疑|討論|採決|閉会中の継続審査|一般質問)$
    """,
    regex.VERBOSE,
)
MARKED_HEADING_RE = regex.compile(rf"[〇○◯●◎◆■◇□△▲]{SP}*(?P<title>[^\n]{{1,80}})")


def _is_marked_heading(match: regex.Match[str], ctx: Context) -> bool:
    """A mark before what a heading says (○会議録署名人選定について, ○日 程), not a label."""
    title = compact(match["title"])
    return bool(HEADING_WORDS_RE.search(title)) and not reads_as_speech(title)


#: A numbered heading between turns: １．議案審査, (1) 第８５号議案 …, ２．その他.
NUMBERED_HEADING_RE = regex.compile(
    rf"""
    (?P<title>
      (?:[0-9０-９]{{1,2}}[.．、]|[（(][0-9０-９一二三四五六七八九十]{{1,2}}[)）]|[⑴-⒇①-⑳]
        |[一二三四五六七八九十]{{1,3}}[、.．]|第[一二三四五六七八九十0-9０-９]{{1,3}}[、.．])
      {SP}*[^\n]{{1,100}}
    )
    """,
    regex.VERBOSE,
)


#: Characters that are never a kanji (ASCII, white space, the CJK marks and brackets, kana,
#: full-width forms): a class of the others holds every character of ``regex``'s ``\p{Han}``
#: (a test checks it over every code point), for the standard ``re``, which knows no scripts.
NEVER_HAN = rf"\x00-\x7f{WHITE_SPACE}\u3001-\u3004\u3008-\u3020\u3040-\u30ff\uff00-\uffef"
#: Characters that are never in a label's name or title (:data:`LABEL_CHAR`, a position
#: word's first character): white space, ASCII but its letters, digits, the marks 、。，「」,
#: parentheses and colons (a test checks it over every code point).
_NEVER_NAME = rf"{WHITE_SPACE}\x00-\x40\x5b-\x60\x7b-\x7f、。，「」（）：０-９"
#: :data:`NUMBERED_HEADING_RE` for the standard ``re`` (the same pattern: nothing in it is
#: ``regex``'s own), quicker to fail.
_NUMBERED_HEADING_STD_RE = re.compile(NUMBERED_HEADING_RE.pattern, re.VERBOSE)


def may_be_numbered_heading(text: str) -> bool:
    """``text`` matches :data:`NUMBERED_HEADING_RE` (a ``Rule.may_match``, exact): running
    text that starts with a number (３つ目に、, 第１款は, ２２番、) fails at its second or third
    character, and is read the short way."""
    return _NUMBERED_HEADING_STD_RE.fullmatch(text) is not None


def _between_turns(match: regex.Match[str], ctx: Context) -> bool:
    """A numbered phrase (not a sentence) where no speech is open: after a rule line, a
    heading or a header key."""
    title = match["title"]
    return (
        ctx.mode in (None, "heading", "proceedings")
        and ctx.previous
        in (BlockKind.SEPARATOR, BlockKind.SECTION, BlockKind.HEADER, BlockKind.NOTE, None)
        and not reads_as_speech(title)
    )


#: The number a heading starts with, and how it is printed: （２）, 2., ②, 二、, 第２.
_NUMBERING_RE = regex.compile(
    r"(?P<open>[（(])?(?P<first>第)?(?P<n>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3}|[⑴-⒇①-⑳])"
    r"(?P<close>[)）]|[.．、])?"
)


def numbering(text: str) -> tuple[str, int] | None:
    """How a heading is numbered and its number: ``（２）その他`` → ``("（）", 2)``,
    ``3. 閉会`` → ``(".", 3)``, ``②`` → ``("①", 2)``; None for no number.

    Example:
        >>> numbering("（２）その他"), numbering("２．報告事項"), numbering("その他")
        (('（）', 2), ('.', 2), None)
    """
    found = _NUMBERING_RE.match(text)
    if found is None:
        return None
    digits = found["n"]
    for first, last in (("①", "⑳"), ("⑴", "⒇")):
        if first <= digits <= last:
            return first, ord(digits) - ord(first) + 1
    if found["open"] is None and found["close"] is None:
        return None
    number = parse_number(digits)
    if number is None:
        return None
    style = "（）" if found["open"] else "." if found["close"] in ".．" else found["close"]
    return ("第" if found["first"] else "") + style, number


def _numbered_heading(match: regex.Match[str], ctx: Context) -> bool:
    """A numbered phrase where no speech is open (:func:`_between_turns`), or one numbered
    next after the last heading in the same way (（１）計画案について … （２）その他: a summary's
    points, even right after a reported speech); never a sentence."""
    if _between_turns(match, ctx):
        return True
    title = match["title"]
    if ctx.last_section is None or len(title) > 40 or reads_as_speech(title):
        return False
    this, last = numbering(title), numbering(ctx.last_section)
    return this is not None and last is not None and this == (last[0], last[1] + 1)


def _heading(groups: Mapping[str, str]) -> BlockMeta:
    return SectionMeta()


# -- the signature block --------------------------------------------------------------------

#: Who signs the minutes: 議長, 署名人, 会議録署名議員 …, letter-spaced or not.
SIGNER_ROLES = (
    "会議録署名議員",
    "議事録署名人",
    "会議録署名人",
    "署名議員",
    "署名委員",
    "署名人",
    "副委員長",
    "委員長",
    "副議長",
    "仮議長",
    "議長",
)
SIGNER_RE = regex.compile(
    rf"""
    (?P<role>{"|".join(letter_spaced(role) for role in SIGNER_ROLES)})
    {SP}+(?P<name>\p{{Han}}(?:{SP}{{0,3}}[\p{{Han}}\p{{Hiragana}}々]){{1,7}})
    """,
    regex.VERBOSE,
)


_SPACED_NAME_RE = regex.compile(r"\S[ \u3000]+\S")
#: The start of every match of :data:`SIGNER_RE` (a role, spaces, a kanji), for the
#: standard ``re``.
_SIGNER_START_RE = re.compile(
    "(?:" + "|".join(letter_spaced(role) for role in SIGNER_ROLES) + rf")[ \u3000]+[^{NEVER_HAN}]"
)


def may_be_signer(text: str) -> bool:
    """``text`` starts as every match of :data:`SIGNER_RE` starts (a ``Rule.may_match``):
    running text that starts with a role's first character (議案第１号は, 委員の選任) fails."""
    return _SIGNER_START_RE.match(text) is not None


def _signs(match: regex.Match[str], ctx: Context) -> bool:
    """A signer's line after the proceedings (議 長 林 宏, 署名人 須 藤 安 通): a role that
    signs, then a name printed with spaces in it."""
    return (
        ctx.region == "body"
        and ctx.previous
        in (BlockKind.TURN, BlockKind.CONTINUATION, BlockKind.SIGNATURE, BlockKind.SEPARATOR)
        and bool(_SPACED_NAME_RE.search(match["name"]))
    )


# -- labels ----------------------------------------------------------------------------------

#: Marks some minutes put before a label (○ U+25CB, ◯ U+25EF, 〇 U+3007 …).
MARK = r"[〇○◯●◎◆■◇□]"
#: Characters of a name or a department in a label: kanji, kana, and Latin letters (Ａ委員).
LABEL_CHAR = r"[\p{Han}\p{Hiragana}\p{Katakana}ー・々〆ヶA-Za-zＡ-Ｚａ-ｚ]"
#: A position word (:data:`~gijiroku.names.POSITION_WORDS_RE`) behind a test of its first
#: character: the same matches (each word starts with one of those characters), but a label
#: scanned lazily (``…{0,36}?``) tries a word at every character, and the test turns most
#: tries down at once instead of running the alternation of all the words.
POSITION_WORD = (
    "(?:(?=["
    + regex.escape("".join(sorted({word[0] for word in POSITION_WORDS})))
    + f"])(?:{POSITION_WORDS_RE}))"
)
#: A speaker label: any run of name characters that ends with a position word (林委員,
#: 座長, 情報政策課長, 河野大臣, 事務局).
LABEL = rf"{LABEL_CHAR}{{0,36}}?{POSITION_WORD}"
#: A name in parentheses right after a label, or on the next line: （曽根委員）.
NAME_PAREN = rf"[（(]{SP}*(?P<pname>{LABEL_CHAR}(?:{LABEL_CHAR}|{SP}){{0,15}}?){SP}*[)）]"
PAREN_AFTER_LABEL = rf"[（(]{SP}*{LABEL_CHAR}(?:{LABEL_CHAR}|{SP}){{0,15}}?{SP}*[)）]"

#: A bracketed title from its first to its last character that is not a space (greedy, so
#: that a bracket never closed fails in one scan rather than trying every split of spaces).
_SQUARE_TITLE = r"[^〔〕［］\[\] \u3000](?:[^〔〕［］\[\]]*[^〔〕［］\[\] \u3000])?"
_LENTICULAR_TITLE = r"[^【】 \u3000](?:[^【】]*[^【】 \u3000])?"
BRACKET_HEADING_RE = regex.compile(
    rf"""
    [〔［\[]{SP}*(?P<title>{_SQUARE_TITLE}){SP}*[〕］\]]      # 〔議題（１）…〕
    | 【{SP}*(?P<title>{_LENTICULAR_TITLE}){SP}*】              # 【議事】
    """,
    regex.VERBOSE,
)
BRACKET_NOTE_RE = regex.compile(
    r"""
    [（(](?P<body>(?:[^（）()]|[（(][^（）()]*[)）]){1,80})[)）]   # （了承） / (なし) / （開始 13：30）
    """,
    regex.VERBOSE,
)
LABEL_TURN_RE = regex.compile(
    rf"""
    (?:(?P<mark>{MARK}){SP}*|[・･]{SP}*)?    # an optional mark: 〇河野大臣; a bullet: ・鈴木委員：
    (?P<label>{LABEL}                        # 林委員 / 座長 / 情報政策課長
      (?:{SP}*{PAREN_AFTER_LABEL})?          # 座長（曽根委員）
    | {LABEL_CHAR}{{1,10}}?{SP}*[（(]{SP}*{POSITION_WORD}{SP}*[)）]    # 山田（座長）
    | {LABEL_CHAR}{{1,6}}?[（(]{LABEL_CHAR}{{1,3}}[)）]{POSITION_WORD}   # 林（宏）委員
    | [（(]{SP}*{LABEL_CHAR}{{1,20}}?{POSITION_WORD}{SP}*[)）]           # （伊藤よしのり議長）
    | [0-9０-９]{{1,3}}番{SP}*[（(]{SP}*{LABEL_CHAR}{{1,20}}?{SP}*[)）]          # ４番（奈良祥孝君）
    | {LABEL_CHAR}{{1,10}}?君(?={SP}*[：:]))                                    # 本間君：
    (?:
        {SP}*[：:]{SP}*(?P<text>.*)          # 〇河野大臣： text
      | {SP}+(?P<text>.+)                    # 林委員 text
    )?
    """,
    regex.VERBOSE,
)
NAME_PAREN_RE = regex.compile(NAME_PAREN)
#: A title word and a name in parentheses: 議長（梶　泰久）.
TITLE_NAME_PAREN_RE = regex.compile(rf"(?:{POSITION_WORDS_RE}){SP}*{NAME_PAREN}")
#: A label closed by a parenthesis with none opened, the speech right after it (some
#: minutes print labels so): 谷田川委員長)ただ今から…, 市長)本日は…
CLOSED_LABEL_TURN_RE = regex.compile(
    rf"(?:(?P<mark>{MARK}){SP}*)?(?P<label>{LABEL})[)）]{SP}*(?P<text>\S.*)"
)
#: A title in parentheses at the start of a line, the speech right after it: (委員長)それでは…,
#: （事務局）大変申し訳… — a speaker when the text reads as speech (:func:`speaks`).
BRACKETED_LABEL_TURN_RE = regex.compile(
    rf"(?:(?P<mark>{MARK}){SP}*)?[（(]{SP}*(?P<label>{LABEL}){SP}*[)）]{SP}*(?P<text>\S.*)"
)
#: A text that ends with a title word (【山田委員】 is a label, not a heading).
ENDS_WITH_TITLE_RE = regex.compile(rf"{POSITION_WORD}$")


#: A 、。「」 before any space or colon: in no match of :data:`LABEL_TURN_RE` (its label and
#: mark hold none of them, and its text comes after a colon or a space).
_PUNCTUATION_BEFORE_A_BREAK_RE = re.compile(r"[^ \u3000：:、。「」]*[、。「」]")


def may_be_label_turn(text: str) -> bool:
    """``text`` may match :data:`LABEL_TURN_RE` (a ``Rule.may_match``): a sentence whose
    first 、 or 。 comes before any space or colon (それでは、議事に入ります。) fails."""
    return _PUNCTUATION_BEFORE_A_BREAK_RE.match(text) is None


def is_bracket_heading(match: regex.Match[str], ctx: Context) -> bool:
    """〔議題（１）…〕 is a heading; 【山田委員】 alone is a label whose text follows, and
    〔議長退席〕 a note (its words are a note's)."""
    if classify_note(match.group()) != "other":
        return False
    if not match.group().lstrip().startswith("【"):
        return True
    return not ENDS_WITH_TITLE_RE.search(match["title"])


_SPEECH_MARK_RE = regex.compile(r"[。？！?!、]")


def speaks(match: regex.Match[str], ctx: Context) -> bool:
    """The text after a label reads as speech (a sentence): 林委員 ICT の利活用は…。"""
    return bool(_SPEECH_MARK_RE.search(match["text"] or ""))


def speaks_after_colon(match: regex.Match[str], ctx: Context) -> bool:
    """A label, a colon and a sentence (本間君：議案第44号について…します。): a speaker in
    any family; a roster row (委員長：星名建市、副委員長：…) has no sentence."""
    text = match["text"]
    if not text:
        return False
    between = match.string[match.end("label") : match.start("text")]
    return ("：" in between or ":" in between) and reads_as_speech(text)


def has_label_evidence(match: regex.Match[str], ctx: Context) -> bool:
    """A label with text after it: the text is a sentence, or the label recurs in the
    document, carries a mark or names someone on the roster."""
    if speaks(match, ctx) or match["mark"]:
        return True
    key = label_key(match["label"])
    if key is not None and ctx.labels.get(key, 0) >= 2:
        return True
    name, title = split_person(compact(match["label"]))
    return any(part in ctx.people for part in (name, title) if part)


def note_kind(groups: Mapping[str, str]) -> BlockMeta:
    """A bracketed note's kind (了承 → agreement, 開始 13：30 → start …)."""
    return NoteMeta(kind=classify_note(groups.get("text", "")))


NOTE_LINE_RE = regex.compile(rf"(?P<text>{BRACKET_NOTE_RE.pattern})", regex.VERBOSE)


#: :data:`~gijiroku.layout.LABEL_WORD_PAREN` with its word taken whole (``{1,30}+``): a
#: shorter word is followed by one of its own characters, never by a parenthesis or the end,
#: so giving characters back finds no other match; prose fails at once.
_LABEL_WORD_PAREN_WHOLE = LABEL_WORD_PAREN.replace("{1,30}", "{1,30}+", 1)
#: A label alone on its line: an optional mark, a name or title, maybe a name in parentheses.
LABEL_ALONE_RE = regex.compile(
    rf"(?P<mark>【){SP}*(?P<label>{LABEL}){SP}*】"  # 【委員】 alone, the speech below
    rf"|(?P<mark>[〇○◯●◎◆■◇□])?[ \u3000]*(?P<label>{_LABEL_WORD_PAREN_WHOLE})"
)


#: What a word alone (a label with no parentheses) never holds.
_NOT_IN_A_WORD = "、。「」：:（()）"


#: The second form of :data:`LABEL_ALONE_RE` (a mark, spaces, a word and a name in
#: parentheses) for the standard ``re``, ``\s`` spelt out as ``regex`` reads it.
_WORD_ALONE_STD_RE = re.compile(
    "[〇○◯●◎◆■◇□]?[ \u3000]*" + LABEL_WORD_PAREN.replace(r"\s", WHITE_SPACE)
)


def may_be_label_alone(text: str) -> bool:
    """``text`` may match :data:`LABEL_ALONE_RE`: it is in 【】, or it is a word alone (a
    mark and spaces before it) of at most 30 characters with no space, ``、。「」：:`` or
    parenthesis in it, a name in parentheses after it maybe (:data:`_WORD_ALONE_STD_RE`).
    Prose fails here at once (most of it ends with 。 or holds a 、), and a wrapped line of
    prose too (a word alone is short), and a line of spaced words (日程第　２　議案第１号)."""
    last = text[-1]
    if last == "】" and text[0] == "【":
        return True
    if last not in "）)" and (last in _NOT_IN_A_WORD or "、" in text or "。" in text):
        return False  # (prose, without a pattern)
    return _WORD_ALONE_STD_RE.fullmatch(text) is not None


#: How many lines holding a label alone make a layout that prints labels so.
LONE_LABEL_LAYOUT = 3


def _is_label_alone(match: regex.Match[str], ctx: Context) -> bool:
    """A speaker's label on a line of its own, the speech below: the label recurs in the
    document, names someone on the roster, or carries a mark; the next line reads as prose
    (not another label, not a key)."""
    label = match["label"]
    key = label_key(label)
    following = ctx.following
    if key is None or following is None:
        return False
    if label_key(following) is not None and len(following) <= 31:
        return False
    if may_be_key_field(following) or may_be_numbered_heading(following):
        return False
    # the label recurs, or the minutes print their labels alone (3 lines or more) and a
    # sentence follows this one
    recurs = ctx.labels.get(key, 0) >= 2 or (
        ctx.lone_labels >= LONE_LABEL_LAYOUT and reads_as_speech(following)
    )
    keyish = header_field_name(label) is not None or compact(label) in _GROUP_WORDS
    if keyish and not (
        # a key or group word that is also a title (議長, 事務局): a label when printed again and
        # again with a name in parentheses (議長（梶　泰久）) or over a sentence, or in 【】
        # over a sentence (【委員】); over names or a value it is the key
        (recurs and (TITLE_NAME_PAREN_RE.fullmatch(label) or reads_as_speech(following)))
        or (match["mark"] == "【" and reads_as_speech(following))
    ):
        return False
    if match["mark"] or recurs:
        return True
    name, title = split_person(compact(label))
    return any(part in ctx.people for part in (name, title) if part) or any(
        person.startswith(name) for person in ctx.people if name
    )


_TURN = TurnMeta(enrol=True)

# -- the rule tables -------------------------------------------------------------------------

#: The mode of a list of people.
_ROSTER: frozenset[str | None] = frozenset({"roster"})

#: Header rules that come before a family's own: keys, date lines, titles, events.
KEY_RULES: tuple[Rule, ...] = (
    # (before the keys: a line it reads, なし under a roster key, holds no key, and the rules
    # of keys, which share their pattern and its pre-test, stand in one run behind it)
    Rule(
        NOBODY_RULE,
        BlockKind.HEADER,
        VALUE_RE,
        guard=_is_nobody_below,
        meta=HeaderMeta(value_of_key=True),  # the parser files it under the key above
        children=_ENTRIES,
        sets_mode=None,
        when=_roster_key_open,
    ),
    Rule(
        "proceedings-key",
        BlockKind.HEADER,
        KEY_FIELD_RE,
        may_match=may_be_key_field,
        guard=_is_proceedings_key,
        derive=_key_field,
        ends_header=True,
        sets_mode="proceedings",
    ),
    Rule(
        NOBODY_RULE,
        BlockKind.HEADER,
        KEY_FIELD_RE,
        may_match=may_be_key_field,
        guard=_says_nobody,
        derive=_key_field,
        children=_ENTRIES,
        sets_mode=None,
    ),
    Rule(
        "roster-key",
        BlockKind.HEADER,
        KEY_FIELD_RE,
        may_match=may_be_key_field,
        guard=_is_roster_key,
        derive=_key_field,
        children=_ENTRIES,
        sets_mode="roster",
    ),
    Rule(
        "agenda-key",
        BlockKind.HEADER,
        KEY_FIELD_RE,
        may_match=may_be_key_field,
        guard=_is_agenda_key,
        derive=_key_field,
        sets_mode="agenda",
    ),
    Rule(
        "materials-key",
        BlockKind.HEADER,
        KEY_FIELD_RE,
        may_match=may_be_key_field,
        guard=_is_materials_key,
        derive=_key_field,
        sets_mode="materials",
    ),
    Rule(
        "key",
        BlockKind.HEADER,
        KEY_FIELD_RE,
        may_match=may_be_key_field,
        guard=_is_other_key,
        derive=_key_field,
        sets_mode=None,
    ),
    Rule(
        "numbered-field",
        BlockKind.HEADER,
        NUMBERED_FIELD_RE,
        guard=_is_numbered_field,
        derive=_numbered_field,
        children=_ENTRIES,
        sets_mode="roster",
    ),
    Rule(
        "dated-title",
        BlockKind.HEADER,
        TITLE_LINE_RE,
        guard=_is_dated_title,
        meta=HeaderMeta(name=HeaderName.TITLE),
        when=_title_may_come,
        needs=BODY_WORD_CHARS,  # (the guard's title names a body)
        may_match=may_be_title_line,
    ),
    Rule(
        "date-line",
        BlockKind.HEADER,
        DATE_LINE_RE,
        guard=_is_date_line,
        meta=HeaderMeta(name=HeaderName.DATETIME),
        sets_mode="dateline",
        needs=DATE_SEPARATORS,  # (between the year and the month)
    ),
    Rule(
        "time-line",
        BlockKind.HEADER,
        VALUE_RE,
        guard=_is_time_line,
        meta=_TIME,
        needs=CLOCK_CHARS,
        when=_time_line_may_come,
    ),
    Rule(
        "record-title",
        BlockKind.HEADER,
        TITLE_RECORD_RE,
        guard=_is_record_title,
        meta=HeaderMeta(name=HeaderName.TITLE),
        needs=RECORD_WORD_CHARS,
        may_match=may_be_record_title,
    ),
    Rule(
        "value-below-key",
        BlockKind.HEADER,
        VALUE_RE,
        guard=_is_value_below_key,
        meta=HeaderMeta(value_of_key=True),
        sets_mode=None,
        when=_key_open,
    ),
    Rule(
        "venue-under-date",
        BlockKind.HEADER,
        VENUE_RE,
        when=_is_venue_under_date,
        meta=_VENUE,
        modes=frozenset({"dateline"}),
    ),
    Rule(
        "material",
        BlockKind.HEADER,
        VALUE_RE,
        guard=_is_material,
        meta=HeaderMeta(name=HeaderName.MATERIALS),
        modes=frozenset({"materials"}),
    ),
    Rule(
        "start-event",
        BlockKind.NOTE,
        MARKED_EVENT_RE,
        guard=_is_start_event,
        derive=_event,
        ends_header=True,
        needs=CLOCK_CHARS,  # (a time: 時, a colon or 正午)
    ),
    Rule("header-event", BlockKind.NOTE, MARKED_EVENT_RE, derive=_event, needs=CLOCK_CHARS),
)

#: Header rules for lists of people under a roster key: after a family's own roster rules.
ROSTER_RULES: tuple[Rule, ...] = (
    Rule(
        "roster-title-line",
        BlockKind.ROSTER,
        POST_LINE_RE,
        guard=_is_second_title_line,
        modes=_ROSTER,
        meta=RosterMeta(),
        children=ChildRule("entries", BlockKind.MEMBER, split=_post_line),
    ),
    Rule("roster-group", BlockKind.HEADER, GROUP_RE, guard=_is_group, derive=_group, modes=_ROSTER),
    Rule(
        "attendance-key",
        BlockKind.HEADER,
        ATTENDANCE_KEY_RE,
        guard=_is_attendance_key,
        derive=_key_field,
        children=_ENTRIES,
        sets_mode="roster",
        needs="席",  # (the list's name holds 出席 or 欠席)
    ),
    Rule(
        "colon-heading",
        BlockKind.HEADER,
        COLON_HEADING_RE,
        guard=_is_colon_heading,
        modes=_ROSTER,
        derive=_colon_heading,
        sets_mode="roster",
    ),
    Rule("roster-row", BlockKind.ROSTER, ROW_RE, guard=_is_row, children=_ROW, modes=_ROSTER),
    Rule(
        "attendance-heading",
        BlockKind.HEADER,
        ATTENDANCE_HEADING_RE,
        guard=_is_roster_key,
        derive=_key_field,
        sets_mode="roster",
        needs="席",  # (the list's name holds 出席 or 欠席)
    ),
    Rule(
        "colon-roster-key",
        BlockKind.HEADER,
        COLON_KEY_RE,
        guard=_is_roster_key,
        derive=_key_field,
        children=_ENTRIES,
        sets_mode="roster",
        needs="：:",  # (the colon after the key)
    ),
)
#: Header rules for the items listed under an agenda key: after a family's own.
AGENDA_RULES: tuple[Rule, ...] = (
    Rule(
        "agenda-item",
        BlockKind.SECTION,
        AGENDA_ITEM_RE,
        guard=_is_agenda_item,
        derive=_agenda_item,
        modes=frozenset({"agenda"}),
    ),
)
#: All of them, in that order.
HEADER_RULES: tuple[Rule, ...] = (*KEY_RULES, *ROSTER_RULES, *AGENDA_RULES)

#: What may come before the parenthesis that closes a label (:data:`CLOSED_LABEL_TURN_RE`):
#: anything but a parenthesis, 、 and 。 (a mark, spaces and a label's characters are none).
_BEFORE_A_CLOSED_LABEL_RE = re.compile(r"[^（()）、。]*[)）]")


def may_be_closed_label(text: str) -> bool:
    """``text`` may match :data:`CLOSED_LABEL_TURN_RE`: its first parenthesis closes, and no
    、 or 。 comes before it (prose that holds a parenthesis fails at its first 、)."""
    return _BEFORE_A_CLOSED_LABEL_RE.match(text) is not None


#: A label closed by a parenthesis, the speech after it (谷田川委員長)ただ今から…).
CLOSED_LABEL_RULE = Rule(
    "closed-label",
    BlockKind.TURN,
    CLOSED_LABEL_TURN_RE,
    ends_header=True,
    sets_mode="turn",
    needs="）)",
    may_match=may_be_closed_label,
)

#: A label, a colon and a sentence (see :func:`speaks_after_colon`).
COLON_LABEL_RULE = Rule(
    "colon-label",
    BlockKind.TURN,
    LABEL_TURN_RE,
    guard=speaks_after_colon,
    ends_header=True,
    sets_mode="turn",
    needs="：:",
)
#: A title in parentheses, the speech right after it ((委員長)それではただ今より…).
BRACKETED_LABEL_RULE = Rule(
    "bracketed-label",
    BlockKind.TURN,
    BRACKETED_LABEL_TURN_RE,
    guard=speaks,
    ends_header=True,
    sets_mode="turn",
)

#: What follows a label that runs into its speech: a colon or spaces, then the speech.
_BREAK_THEN_SPEECH = rf"(?:{SP}*[：:]{SP}*|{SP}+)(?P<text>\S.*)"
#: A character of a name as printed in labels (kanji, kana).
_NAME_CHAR = r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ]"
#: A name printed with a space between its parts, then a title, then the speech (〇関 三郎委員長
#: ただいまから…, 山田 太郎委員：…), or a space between the name and the title (山田 委員長：…):
#: PDF text and some publishers print labels so.
SPACED_NAME_LABEL_TURN_RE = regex.compile(
    rf"(?:(?P<mark>{MARK}){SP}*)?"
    rf"(?P<label>{_NAME_CHAR}{{1,4}}{SP}{{1,2}}{_NAME_CHAR}{{0,4}}?{POSITION_WORD})"
    + _BREAK_THEN_SPEECH,
    regex.DOTALL,
)


#: The start of every match of :data:`SPACED_NAME_LABEL_TURN_RE` (a mark maybe, one to four
#: characters of a name, one or two spaces, a character of a name or title), for the
#: standard ``re``.
_SPACED_NAME_LABEL_START_RE = re.compile(
    rf"(?:{MARK}[ \u3000]*)?[^{_NEVER_NAME}]{{1,4}}[ \u3000]{{1,2}}[^{_NEVER_NAME}]"
)


def may_be_spaced_name_label(text: str) -> bool:
    """``text`` starts as every match of :data:`SPACED_NAME_LABEL_TURN_RE` starts (a
    ``Rule.may_match``): spaced words that are no name (日程第　２　議案第　１号) fail."""
    return _SPACED_NAME_LABEL_START_RE.match(text) is not None


def _names_a_known_person(match: regex.Match[str], ctx: Context) -> bool:
    """The name before the title, its parts joined, is a person the roster or a label names
    (関 三郎委員長 and 関　三郎 on the roster): a speaker's label, not words of a sentence."""
    label = compact(match["label"])
    title = position_suffix(label)
    name = label[: len(label) - len(title)] if title else ""
    return len(name) >= 2 and (
        name in ctx.people
        or name in ctx.named
        or label in ctx.people  # 山田 委員長 listed as 山田委員長
    )


#: A name alone (an honorific may follow) before a colon or a space, the speech after it
#: (山田：それでは始めます。, 鈴木さん　資料を説明します。): minutes of study groups and boards
#: label speakers by name when the list of participants names them. (The name is taken whole:
#: a shorter one is followed by one of its own characters, never a space or a colon.)
#: (The speech reads as a sentence, as the guard wants it (:func:`reads_as_speech`): a line
#: whose words after the first space read as none is no match, and the rule's ``may_match``
#: turns it down before the pattern is tried.)
NAME_LABEL_TURN_RE = regex.compile(
    rf"(?:(?P<mark>{MARK}){SP}*|[・･]{SP}*)?(?P<label>[^\s：:（()）、。「」・･]{{1,12}}+)"
    rf"(?:{SP}*[：:]{SP}*|{SP}+)(?P<text>(?=.*?(?:{_SENTENCE_RE.pattern}))\S.*)",
    regex.DOTALL,
)


#: The start of every match of :data:`NAME_LABEL_TURN_RE` (a word, a colon or a space, a
#: character that is no space), for the standard ``re``.
_NAME_LABEL_START_RE = re.compile(
    rf"(?:{MARK}[ \u3000]*|[・･][ \u3000]*)?[^{WHITE_SPACE}：:（()）、。「」・･]{{1,12}}"
    rf"(?:[ \u3000]*[：:][ \u3000]*|[ \u3000]+)[^{WHITE_SPACE}]"
)


def may_be_name_label(text: str) -> bool:
    """``text`` starts as every match of :data:`NAME_LABEL_TURN_RE` starts and reads as a
    sentence, as its speech does (a ``Rule.may_match``): prose with a space far in fails,
    and spaced words that are no sentence (日程第４７　議案第４６号　…条例, １２番　齊　藤　議員)."""
    return _NAME_LABEL_START_RE.match(text) is not None and reads_as_speech(text)


def is_listed_name_label(label: str, ctx: Context) -> bool:
    """``label`` is a name (an honorific aside) that the list of people names, and no key."""
    name, _ = strip_honorific(compact(label))
    return len(name) >= 2 and name in ctx.people and header_field_name(name) is None


#: A title word and a colon or a space: the rest of a label (山田 委員長：…), not speech.
_TITLE_THEN_BREAK_RE = regex.compile(rf"(?:{POSITION_WORDS_RE}){SP}*[：:{SP[1:-1]}]")


def _names_a_listed_speaker(match: regex.Match[str], ctx: Context) -> bool:
    """A listed person's name and a sentence after it (not a title, which would make the
    name and the title one label: 山田 委員長：…)."""
    text = match["text"]
    return (
        reads_as_speech(text)
        and not _TITLE_THEN_BREAK_RE.match(text)
        and is_listed_name_label(match["label"], ctx)
    )


def _someone_listed(ctx: Context) -> bool:
    """People have been listed (a ``Rule.when``: no name is a listed one before)."""
    return bool(ctx.people)


NAME_LABEL_RULE = Rule(
    "name-label",
    BlockKind.TURN,
    NAME_LABEL_TURN_RE,
    when=_someone_listed,
    guard=_names_a_listed_speaker,
    needs=" \u3000：:",
    may_match=may_be_name_label,
    ends_header=True,
    sets_mode="turn",
)

#: A title or a seat with the speaker's name in parentheses, printed without a mark, a space
#: and the speech (議長（山田太郎君）　ただいまから…, ２番（鈴木花子君）　…): minutes whose marks
#: were lost when the page was turned into text.
PAREN_NAME_LABEL_TURN_RE = regex.compile(
    rf"(?P<label>(?P<word>[^\s：:（()）、。「」]{{1,20}})"
    rf"[（(]{SP}*(?P<inner>[^（()）\s](?:[^（()）\s]|{SP}(?=[^（()）\s])){{0,19}}){SP}*[)）])"
    rf"{SP}+(?P<text>\S.*)",
    regex.DOTALL,
)


#: The start of every match of :data:`PAREN_NAME_LABEL_TURN_RE` (the word, the name in
#: parentheses, spaces, a character that is no space), for the standard ``re``.
_PAREN_NAME_LABEL_START_RE = re.compile(
    rf"[^{WHITE_SPACE}：:（()）、。「」]{{1,20}}"
    rf"[（(][ \u3000]*[^（()）{WHITE_SPACE}](?:[^（()）{WHITE_SPACE}]|[ \u3000](?=[^（()）{WHITE_SPACE}])){{0,19}}"
    rf"[ \u3000]*[)）][ \u3000]+[^{WHITE_SPACE}]"
)


def may_be_paren_name_label(text: str) -> bool:
    """``text`` starts as every match of :data:`PAREN_NAME_LABEL_TURN_RE` starts (a
    ``Rule.may_match``): prose with a parenthesis after its first 、 or 。 fails."""
    return _PAREN_NAME_LABEL_START_RE.match(text) is not None


def _is_paren_name_label(match: regex.Match[str], ctx: Context) -> bool:
    """A title or a seat (議長, ２番) with a name in parentheses, the speech after it, and the
    label printed again at the start of other lines or the name on the roster."""
    word = compact(match["word"])
    if position_suffix(word) is None and not word.endswith("番"):
        return False
    if not _SPEECH_MARK_RE.search(match["text"]):
        return False
    name, _ = strip_honorific(compact(match["inner"]))
    key = label_key(match["label"])
    return (key is not None and ctx.labels.get(key, 0) >= 2) or (
        len(name) >= 2 and name in ctx.people
    )


#: An unmarked label with a name in parentheses (see :func:`_is_paren_name_label`).
PAREN_NAME_LABEL_RULE = Rule(
    "paren-name-label",
    BlockKind.TURN,
    PAREN_NAME_LABEL_TURN_RE,
    guard=_is_paren_name_label,
    ends_header=True,
    sets_mode="turn",
    needs="）)",
    may_match=may_be_paren_name_label,
)

#: A label in brackets other than 【】 (which the families read), the speech after it on the
#: line or below it: ［委員長］ それでは…, 〈山田委員〉…, [事務局]：…, （山田委員長） alone.
BRACKETED_WORD_LABEL_TURN_RE = regex.compile(
    rf"(?P<open>[［\[〔〈＜<《（(]){SP}*(?P<label>{LABEL}(?:{SP}*{PAREN_AFTER_LABEL})?){SP}*"
    rf"(?P<close>[］\]〕〉＞>》）)]){SP}*[：:]?{SP}*(?P<text>.*)",
    regex.DOTALL,
)
_CLOSING_BRACKET = dict(zip("［[〔〈＜<《（(", "］]〕〉＞>》）)", strict=True))


def _is_bracketed_word_label(match: regex.Match[str], ctx: Context) -> bool:
    """The brackets pair, the speech follows (a sentence after the label or on the next
    line), and the label is a speaker's: a title alone (［委員長］), or someone the roster or
    another label names (〈山田委員〉 with 山田委員 listed). A note (〔議長退席〕) is none."""
    if _CLOSING_BRACKET[match["open"]] != match["close"]:
        return False
    text = match["text"]
    if text and match["open"] in "（(":
        return False  # (（委員長）それでは…: the bracketed-label rule's)
    if text:
        if not _SPEECH_MARK_RE.search(text):
            return False
    elif ctx.following is None or not reads_as_speech(ctx.following):
        return False
    label = compact(match["label"])
    if classify_note(label) != "other":
        return False
    title = position_suffix(label)
    name = label[: len(label) - len(title)] if title else label
    return (
        title == label
        or label in ctx.people
        or (len(name) >= 2 and (name in ctx.people or name in ctx.named))
    )


def is_label_alone_in_brackets(text: str, ctx: Context) -> bool:
    """``text`` is a speaker's label alone in brackets (（鈴木委員）, ［委員長］) with the speech
    on the next line, as :data:`BRACKETED_WORD_LABEL_RULE` reads one: not a note."""
    match = BRACKETED_WORD_LABEL_TURN_RE.fullmatch(text)
    return match is not None and not match["text"] and _is_bracketed_word_label(match, ctx)


BRACKETED_WORD_LABEL_RULE = Rule(
    "bracketed-word-label",
    BlockKind.TURN,
    BRACKETED_WORD_LABEL_TURN_RE,
    guard=_is_bracketed_word_label,
    ends_header=True,
    sets_mode="turn",
)

#: A spaced name and a title starting a line, the name on the roster (see
#: :func:`_names_a_known_person`).
SPACED_NAME_LABEL_RULE = Rule(
    "spaced-name-label",
    BlockKind.TURN,
    SPACED_NAME_LABEL_TURN_RE,
    guard=_names_a_known_person,
    ends_header=True,
    sets_mode="turn",
    needs=" \u3000",
    may_match=may_be_spaced_name_label,
)

#: A label alone on its line with evidence (see :func:`_is_label_alone`).
LABEL_ALONE_RULE = Rule(
    "label-alone",
    BlockKind.TURN,
    LABEL_ALONE_RE,
    guard=_is_label_alone,
    meta=_TURN,
    ends_header=True,
    sets_mode="turn",
    may_match=may_be_label_alone,
)
#: The shared label rules, tried after a family's own in both regions (the header's tail and
#: the body's).
LABEL_RULES: tuple[Rule, ...] = (
    SPACED_NAME_LABEL_RULE,
    PAREN_NAME_LABEL_RULE,
    NAME_LABEL_RULE,
    BRACKETED_WORD_LABEL_RULE,
    CLOSED_LABEL_RULE,
    BRACKETED_LABEL_RULE,
    COLON_LABEL_RULE,
    LABEL_ALONE_RULE,
)
#: Header rules that come after a family's own and before its catch-all ones.
HEADER_TAIL_RULES: tuple[Rule, ...] = (
    Rule(
        "office-line",
        BlockKind.HEADER,
        OFFICE_RE,
        guard=_is_office_line,
        meta=HeaderMeta(name=HeaderName.NOTICE),
        when=_under_the_title,
    ),
    Rule(
        "first-line-title",
        BlockKind.HEADER,
        TITLE_LINE_RE,
        guard=_is_first_title,
        meta=HeaderMeta(name=HeaderName.TITLE),
        when=_on_the_first_lines,
    ),
    Rule(
        "people-list",
        BlockKind.ROSTER,
        ROW_RE,
        guard=_is_list_of_people,
        meta=RosterMeta(),
        children=_ROW,
        needs=LIST_SEPARATORS,  # (the guard wants two entries or more)
    ),
    *LABEL_RULES,
)

#: Body rules for a note of the meeting's course with a mark or brackets and a time:
#: before a family's headings and labels.
EVENT_RULES: tuple[Rule, ...] = (
    Rule(
        "marked-event",
        BlockKind.NOTE,
        MARKED_EVENT_RE,
        derive=_event,
        needs=CLOCK_CHARS,
        may_match=may_be_marked_event,
    ),
)
#: Body rules for a heading with a mark: after a family's own marked headings.
HEADING_RULES: tuple[Rule, ...] = (
    Rule(
        "marked-heading",
        BlockKind.SECTION,
        MARKED_HEADING_RE,
        guard=_is_marked_heading,
        derive=_heading,
        sets_mode="heading",
    ),
)
#: Both, in that order.
BODY_RULES: tuple[Rule, ...] = (*EVENT_RULES, *HEADING_RULES)

#: Body rules that come after a family's own labels: signers, numbered headings, labels alone.
BODY_TAIL_RULES: tuple[Rule, ...] = (
    Rule(
        "signer",
        BlockKind.SIGNATURE,
        SIGNER_RE,
        guard=_signs,
        sets_mode="signature",
        may_match=may_be_signer,
    ),
    Rule(
        "numbered-heading",
        BlockKind.SECTION,
        NUMBERED_HEADING_RE,
        guard=_numbered_heading,
        derive=_heading,
        sets_mode="heading",
        may_match=may_be_numbered_heading,
    ),
    *LABEL_RULES,
)
