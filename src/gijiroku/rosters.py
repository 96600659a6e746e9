"""Rosters: header lines listing people → members, and membership changes (委員の異動).

The parser feeds header blocks in order to a :class:`RosterBuilder`; headings set the group
and attendance of the entries under them, posts printed on lines of their own are carried to
the next entry, and a rule line ends a list. One person listed twice (a 委員 who is also the
副大臣) stays one member with both titles.

Entry layouts (the rule that cut an entry says which one it uses, in its
:class:`~gijiroku.blocks.MemberMeta`; a family may read entries its own way with
:meth:`Format.read_entry <gijiroku.formats.base.Format.read_entry>`):

- ``COLUMNS``: title and name in space-separated columns, 君 at the end
  (``理事　池田　佳隆君``; :func:`split_entry`), posts printed on lines of their own above;
- ``PADDED``: the rule has cut the columns; the name is printed in a padded or letter-spaced
  field (``１番　吉　田　崇　仁``, ``市長　　大　泉　　　潤``; :func:`split_padded_name`);
- ``RUN_TOGETHER``: title and name with no space between them, the name in a padded field
  (``委員長吉原　　修君``; :func:`split_run_together`);
- ``PERSON``: surname + title as written in running text (``林委員``).

Example:
    >>> from gijiroku.rosters import split_entry
    >>> split_entry("理事　池田　佳隆君")
    ('理事', '池田佳隆', '池田')
    >>> split_entry("勝目　　康君")
    (None, '勝目康', '勝目')
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import regex

from gijiroku.blocks import (
    Block,
    BlockKind,
    EntryLayout,
    MemberMeta,
    Pos,
    RosterMeta,
    groups_dict,
)
from gijiroku.dates import parse_number
from gijiroku.models import Attendance, MembershipChange, span_of
from gijiroku.names import (
    CHAIR_ROLES,
    OFFICES,
    PERSON_TITLES,
    POSITION_WORDS,
    TITLE_END_CHARS,
    is_place,
    position_suffix,
    split_compact_person,
    split_person,
    strip_honorific,
)
from gijiroku.normalize import clean_text, compact, line_starts, memoized
from gijiroku.vocabulary import LIST_SEPARATORS, WHITE_SPACE

if TYPE_CHECKING:
    from gijiroku.resolve import LabelParts

__all__ = [
    "EntryParts",
    "MemberDraft",
    "RosterBuilder",
    "read_entry",
    "split_entry",
    "split_padded_name",
    "group_attendance",
    "is_head_count",
    "iter_row",
    "may_hold_titles",
    "names_a_group",
    "split_row",
    "split_run_together",
]

_POSITIONS = frozenset(POSITION_WORDS)
#: Runs of spaces, for the standard ``re`` (a class of three characters: no difference
#: between the two modules; ``re`` splits and finds them faster).
_SPACES_RE = re.compile(r"[ \u3000\t]+")
_SPACE_RUN_RE = _SPACES_RE  # (the name the splitting helpers use)
#: The same runs, kept by a split: pieces and gaps in turn.
_SPACE_GAPS_RE = re.compile(r"([ \u3000\t]+)")
#: Words in a roster heading's parentheses that describe the list, not a group.
_LIST_ANNOTATION_RE = regex.compile(
    r"[／/・、,，]?\s*(?:五十音順|敬称略|順不同|名簿順|役職順|席次順)"
)
_PAREN_GROUP_RE = regex.compile(r"[（(](?P<g>[^（()）]+)[)）]")
#: A count in a key's parenthesis, which is no group: 出席議員（３４名）, 欠席委員（なし）.
_COUNT_NOTE_RE = regex.compile(r"^(?:第?[0-9０-９〇一二三四五六七八九十百]+[号名人]|なし)$")
_SPACE_BEFORE_HONORIFIC_RE = re.compile(r"(?<![ \u3000])[ \u3000]+(?=君$|議員$)")
_CHANGE_DATE_RE = regex.compile(
    r"^(?:(?P<same_month>同月)|(?P<month>[〇一二三四五六七八九十0-9]+)月)?(?:(?P<same_day>同日)|(?P<day>[〇一二三四五六七八九十0-9]+)日)$"
)
#: Titles a heading gives to the plain names under it (理事 → 理事; 出席委員 → 委員).
_HEADING_TITLES = {
    "委員長": "委員長",
    "理事": "理事",
    "委員": "委員",
    "出席委員": "委員",
    "欠席委員": "委員",
    "出席議員": "議員",
    "欠席議員": "議員",
    "会長": "会長",
    "幹事": "幹事",
}


#: Groups that say who attended, not what they are: no title for the names under them.
_ATTENDANCE_WORDS = frozenset({"出席者", "欠席者", "参加者", "出席", "欠席", "参加"})
_ATTENDANCE_ENDINGS = tuple(_ATTENDANCE_WORDS)  # (for ``str.endswith``)
#: Groups of people who attend by their office: a list printed under one of them is of
#: people at the meeting (説明員：山田総務課長、… after 欠席者　なし).
_ATTENDING_GROUPS = frozenset(
    {"説明員", "説明者", "事務局", "事務局職員", "執行部", "執行者", "理事者", "随行者", "関係職員"}
)


def group_attendance(group: str) -> Attendance | None:
    """What a list's name says about attendance: 欠席 (absent); 出席, or an office that
    attends (説明員, 事務局) present; anything else nothing.

    Example:
        >>> group_attendance("欠席委員"), group_attendance("説明員"), group_attendance("委員")
        ('absent', 'present', None)
    """
    bare = compact(group)
    if "欠席" in bare:
        return "absent"
    return "present" if "出席" in bare or bare in _ATTENDING_GROUPS else None


def split_entry(entry: str) -> tuple[str | None, str, str | None]:
    """Read a roster entry printed in columns: (title, name, surname).

    The title is the first column when it reads as one (理事, 文部科学大臣, （…）); the name is
    the rest with its padding removed; the surname is the first part of the name when a
    space separates it from the given name.
    """
    body = entry.strip(" \u3000")
    body, _ = strip_honorific(body)
    tokens = _SPACE_RUN_RE.split(body)
    if not tokens[0] or not tokens[-1]:  # (a split on runs of spaces is empty at its ends only)
        tokens = [t for t in tokens if t]
    title: str | None = None
    if len(tokens) >= 2 and _reads_as_title(tokens[0]):
        title, tokens = tokens[0], tokens[1:]
    name = "".join(tokens)
    surname = tokens[0] if len(tokens) >= 2 else None
    return title, name, surname


def split_padded_name(field: str) -> tuple[str, str | None]:
    """Read a name printed in a fixed-width field: (name, surname when the spacing shows it).

    Assembly rosters spread a name over a field of fixed width (7 cells in most): four
    characters are letter-spaced and say nothing about the surname; a wider gap is padding
    between surname and given name; a run of two or more characters is a word of its own.

    Example:
        >>> [split_padded_name(f) for f in ("吉　田　崇　仁", "茂　木　　　修", "むらまつ　勝康")]
        [('吉田崇仁', None), ('茂木修', '茂木'), ('むらまつ勝康', 'むらまつ')]
        >>> split_padded_name("つ　た　えりな")
        ('つたえりな', 'つた')
    """
    text = field.strip(" \u3000")
    # the pieces between the gaps of spaces, and the gaps' widths: gap i follows piece i (one
    # split keeping the gaps: what splitting and then finding the gaps would give)
    parts = _SPACE_GAPS_RE.split(text)
    if len(parts) == 1:
        return text, None
    pieces = parts[::2]
    name = "".join(pieces)
    widths = [len(gap) for gap in parts[1::2]]
    widest = max(widths)
    if widest >= 2 and widths.count(widest) == 1:
        return name, "".join(pieces[: widths.index(widest) + 1])
    tokens = [t for t in pieces if t]
    if not tokens:  # (a field of tabs alone: no name in it)
        return name, None
    if len(tokens) == 2 or len(tokens[0]) > 1:
        return name, tokens[0]
    if len(tokens[-1]) > 1:
        return name, "".join(tokens[:-1])
    return name, None


#: Run-together entries pad a name of four characters or fewer to this many cells.
RUN_TOGETHER_NAME_CELLS = 5
_TITLE_THEN_NAME_RE = re.compile(
    rf"^(?P<title>.*(?:{'|'.join(re.escape(w) for w in POSITION_WORDS)}|兼務))(?P<name>.{{2,}})$"
)
#: The last gap of spaces and the word after it (a gap starts after a character that is no
#: space: a run of spaces is tried once, not from each of its spaces).
_NAME_WITH_GAP_RE = re.compile(
    r"^(?P<head>.*?)(?<![ \u3000])(?P<gap>[ \u3000]+)(?P<given>[^ \u3000]+)$"
)


def split_run_together(entry: str) -> tuple[str | None, str, str | None]:
    """Read an entry whose title runs into the name: (title, name, surname).

    A name of four characters or fewer fills a field of five cells with padding between
    surname and given name, which tells where the title ends; a longer name is printed solid
    and the title ends with the last title word (…部長, 兼務) that leaves a name after it.

    Example:
        >>> split_run_together("委員長吉原　　修君")
        ('委員長', '吉原修', '吉原')
        >>> split_run_together("オリンピック・パラリンピック準備局局長中嶋　正宏君")
        ('オリンピック・パラリンピック準備局局長', '中嶋正宏', '中嶋')
        >>> split_run_together("総合調整部長児玉英一郎君"), split_run_together("川松真一朗君")
        (('総合調整部長', '児玉英一郎', None), (None, '川松真一朗', None))
    """
    body, _ = strip_honorific(entry.strip(" \u3000"))
    gap = _NAME_WITH_GAP_RE.match(body)
    if gap is not None:
        head, given = gap["head"], gap["given"]
        length = RUN_TOGETHER_NAME_CELLS - len(gap["gap"]) - len(given)
        if length < 1:  # the gap is a column: 市長　山田太郎君
            return compact(head) or None, compact(given), None
        length = min(length, len(head))
        title, surname = head[: len(head) - length], head[len(head) - length :]
        return compact(title) or None, compact(surname + given), compact(surname)
    titled = _TITLE_THEN_NAME_RE.match(body)
    if titled is not None:
        return compact(titled["title"]), compact(titled["name"]), None
    return None, compact(body), None


#: A head count: how many, never who (理事16名, オブザーバー3名, 以上26名).
_COUNT = r"[0-9０-９]+[ \u3000]*[名人]"
#: Words after a list that are not entries: …　ほか, 以上, （敬称略）, and a head count printed
#: after the names (``本 間   智 以上26名``, ``若山拓也(14名)``, ``武 藤 昭 男 1名``).
_LIST_TAIL_RE = regex.compile(
    rf"""(?:                                    # (a space run is tried from its start only)
        (?<![ \u3000])[ \u3000]++(?:ほか|外|他|以上)(?:[ \u3000]*+{_COUNT})?
      | (?<![ \u3000])[ \u3000]++{_COUNT}
      | (?<=\S)(?:ほか|他|以上){_COUNT}
      | (?<![ \u3000])[ \u3000]*+[（(](?:敬称略|五十音順|順不同|名簿順|(?:以上|計|合計)?[ \u3000]*{_COUNT})[)）]
    )+[ \u3000]*+$""",
    regex.VERBOSE,
)
#: An entry that is a head count (理事16名, 委員定数6名のうち出席者6名, 十名): nobody.
_COUNT_ENTRY_RE = regex.compile(r"(?:[0-9０-９]+[名人]|^[〇一二三四五六七八九十百]+[名人])$")
#: Separators of a list printed on one line: 、，, and table cells |.
_LIST_SEPARATOR_RE = regex.compile(f"[{LIST_SEPARATORS}]")
#: A separator or a parenthesis: separators inside parentheses do not cut a list.
_PAREN_RE = regex.compile(r"[（()）]")
#: Columns printed with spaces: a run of two or more.
_COLUMN_GAP_RE = regex.compile(r"[ \u3000\t]{2,}")
#: An attendance printed after a name: 伊藤忠通(出席), 山田(欠席).
_ATTENDANCE_PAREN_RE = regex.compile(
    r"[（(](?P<word>出席|欠席|遅刻|早退|代理出席|オンライン出席)[)）]$"
)
#: Someone named absent in an aside after a list: （後藤副委員長は欠席）.
_ABSENT_ASIDE_RE = regex.compile(
    r"[（(][ \u3000]*(?P<who>[^（()）、，,\s]{2,20}?)(?:は|が)?[ \u3000]*欠席[)）]$"
)
#: A parenthesis inside an entry with more of the list after it: 副議長(以下,委員外議員)山口.
_INNER_PAREN_RE = regex.compile(r"[（(](?P<paren>[^（()）]{1,30})[)）](?=[ \u3000]*\S)")
#: An aside that names the group of the entries after it: (以下,委員外議員), （以下　理事）.
_FOLLOWING_RE = regex.compile(r"^以下[ \u3000、，,:：]*(?P<group>\S.*)$")
#: An aside that gives a title to every entry before it since the list began: (以上 理事).
_PRECEDING_RE = regex.compile(r"^以上[ \u3000、，,:：]*(?P<title>\S.*)$")
#: One title for every name before it: 納所、保坂の各委員 (保坂 and each name before: 委員).
_EACH_RE = regex.compile(r"^(?P<person>.+?)の各(?P<each>\S{1,12})$")
#: An entry whose title is printed before a colon: 委員長:星名建市.
_TITLED_ENTRY_RE = regex.compile(r"^(?P<title>[^：:]{1,12})[：:][ \u3000]*(?P<name>[^：:]+)$")
#: The word before a colon that ends a list cell's first part: 北澤委員 事務局:冨田….
_WORD_BEFORE_COLON_RE = regex.compile(r"[ \u3000](?P<group>[^\s:：、，,|｜（()）]{1,20})[：:]")
_PAREN_TAIL_RE = regex.compile(r"[（(](?P<paren>[^（()）]{1,30})[)）]$")
_HONORIFIC_TAIL_RE = regex.compile(r"[ \u3000]*(?P<honorific>議員|君)$")
#: A seat number, which opens an entry: １１番, 8 番 (after a space or at the start).
_SEAT_RE = regex.compile(r"(?<![^ \u3000])(?P<seat>[0-9０-９]{1,3})[ \u3000]?番(?![^ \u3000])")
#: A number alone: a seat number cut from its 番 by a table's cells.
_SEAT_CELL_RE = regex.compile(r"[0-9０-９]{1,3}")
#: A table's column headings, which are nobody: 番 / 号 / 氏 / 名 …
TABLE_HEADINGS = frozenset({"番", "号", "番号", "氏", "名", "氏名", "職", "職名", "役職", "備考"})
#: A name as printed: kanji, kana, a middle dot, the iteration mark (no digit, no mark).
_NAME_CHARS_RE = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ・]+$")
_TOKEN_RE = re.compile(f"[^{WHITE_SPACE}]+")  # (by ``re``: faster)
_LETTER_RE = regex.compile(r"\p{L}")
#: Names letter-spaced in fixed fields are this many cells wide (高 橋 正 男, 千 葉   勇).
NAME_FIELD_CELLS = 4
#: A name a table breaks over its cells grows one character a cell up to this length.
_NAME_FIELD_CHARS = 4

RowEntry = tuple[int, int, dict[str, str], MemberMeta]


def is_head_count(text: str) -> bool:
    """``text`` is a head count (理事16名, 21名, 委員定数6名のうち出席者6名), not a person.

    Example:
        >>> is_head_count("オブザーバー3名"), is_head_count("十名"), is_head_count("山田一人")
        (True, True, False)
    """
    return ("名" in text or "人" in text) and bool(_COUNT_ENTRY_RE.search(compact(text)))


def _is_somebody(person: str) -> bool:
    """An entry printed as running text names somebody: it holds a letter (not only marks,
    digits or brackets) and is no head count."""
    return bool(_LETTER_RE.search(person)) and not is_head_count(person)


def _is_title_token(token: str) -> bool:
    """A token that is a title alone (委員長, 議会事務局長, 議　　長), not a name with one."""
    bare = compact(token)
    if not bare or len(bare) > 16 or bare[0] in "（(":
        return False
    if bare in _HEADING_TITLES or bare in _POSITIONS:
        return True
    suffix = position_suffix(bare)
    if suffix is None:
        return False
    name, title = split_person(bare)
    return name is None and title == bare


def _is_bare_name(text: str) -> bool:
    """A name printed without a title (星名建市, 武石 誠, くり林): name characters only, no
    title word at its end, no place (田沢湖町)."""
    bare = compact(text)
    return (
        1 < len(bare) <= 10
        and bool(_NAME_CHARS_RE.match(bare))
        and position_suffix(bare) is None
        and not is_place(bare)
    )


def _title_then_name(text: str) -> tuple[int, int] | None:
    """Where the name starts and ends in ``title name`` (政策室長 冨田泰, 次長兼庁舎建設担当
    鈴木 勉): the first word is a title alone and the rest a name without one."""
    first = _TOKEN_RE.search(text)
    if first is None or first.end() >= len(text):
        return None
    rest = text[first.end() :].strip(" \u3000")
    if not rest or not _is_title_token(first.group()) or not _is_bare_name(rest):
        return None
    start = text.index(rest, first.end())
    return start, start + len(rest)


def _carries_title(text: str) -> bool:
    """An entry that prints its own title: 加藤会長, 市長(横田凱夫), 政策室長 冨田泰."""
    body = _PAREN_TAIL_RE.sub("", text.strip(" \u3000")) or text
    if _title_then_name(text) is not None:
        return True
    paren = _PAREN_TAIL_RE.search(text.strip(" \u3000"))
    if paren is not None and _is_title_token(body) and _is_bare_name(paren["paren"]):
        return True
    name, title = split_person(compact(body))
    return name is not None and title is not None


def _entry(text: str, start: int, groups: dict[str, str], *, absent: bool = False) -> RowEntry:
    """One entry of a row: its span in the row, its groups and its record.

    A parenthesis after a person says more about them: an attendance (伊藤忠通(出席)), a
    title for every entry since the list began (白尾智明(以上 理事)), the name of a title
    printed before it (市長(横田凱夫)), or a role or an affiliation (髙坂新一(理事長)); a
    count in it (若山拓也(14名)) is nobody's.
    """
    attendance: Attendance | None = "absent" if absent else None
    person = groups.get("person")
    if person is not None:
        closed = person.endswith((")", "）"))
        found = _ATTENDANCE_PAREN_RE.search(person) if closed else None
        if found is not None:
            attendance = "absent" if found["word"] == "欠席" else "present"
            groups["person"] = person = person[: found.start()].rstrip(" \u3000")
        paren = _PAREN_TAIL_RE.search(person) if closed else None
        if paren is not None and paren.start() > 0:
            before = person[: paren.start()].rstrip(" \u3000")
            inside = paren["paren"].strip(" \u3000")
            preceding = _PRECEDING_RE.match(inside)
            if preceding is not None:
                groups["each"] = preceding["title"]
                groups["person"] = before
            elif is_head_count(inside):
                groups["person"] = before
            elif _is_title_token(before) and _is_bare_name(inside):
                del groups["person"]
                groups["title"], groups["name"] = before, inside
            else:
                groups["paren"], groups["person"] = inside, before
        each = _EACH_RE.match(groups.get("person", "")) if "の各" in person else None
        if each is not None:
            groups["person"], groups["each"] = each["person"], each["each"]
            groups["title"] = each["each"]
    name = groups.get("name")
    if name is not None:
        honorific = _HONORIFIC_TAIL_RE.search(name)
        if honorific is not None and honorific.start() > 0:
            groups["honorific"] = honorific["honorific"]
            groups["name"] = name[: honorific.start()]
    return start, start + len(text), groups, _LISTED_META[attendance]


#: The record of an entry of a list, one for each attendance (a frozen record: shared).
_LISTED_META: dict[Attendance | None, MemberMeta] = {
    attendance: MemberMeta(layout=EntryLayout.LISTED, attendance=attendance)
    for attendance in (None, "present", "absent", "unknown")
}


def _person(text: str, start: int) -> RowEntry:
    """An entry of a list: ``title name`` (政策室長 冨田泰) or a person as printed."""
    cut = _title_then_name(text) if (" " in text or "\u3000" in text) else None
    if cut is not None:
        title = text[: cut[0]].rstrip(" \u3000")
        return _entry(text, start, {"title": title, "name": text[cut[0] : cut[1]]})
    return _entry(text, start, {"person": text})


def _outside_parens(text: str, pattern: regex.Pattern[str]) -> list[regex.Match[str]]:
    """The matches of ``pattern`` (one separator character each, never a parenthesis) that
    stand outside parentheses; when the parentheses do not pair up, all of them.

    Only the parentheses are walked: a separator is inside when it falls between an outermost
    pair, and most pairs hold none (香取政策統括官(社会保障担当) | …), which ends the work."""
    found = list(pattern.finditer(text))
    if not found or ("（" not in text and "(" not in text):
        return found
    holding: list[tuple[int, int]] = []  # outermost pairs with a separator inside
    depth = opened = 0
    for mark in _PAREN_RE.finditer(text):
        if mark.group() in "（(":
            if not depth:
                opened = mark.start()
            depth += 1
            continue
        depth -= 1
        if depth < 0:
            return found
        if not depth and pattern.search(text, opened, mark.start()) is not None:
            holding.append((opened, mark.start()))
    if depth or not holding:
        return found
    return [m for m in found if not any(a < m.start() < b for a, b in holding)]


def _separators_outside_parens(text: str) -> Iterator[regex.Match[str]]:
    """The list separators of ``text`` that :func:`_outside_parens` keeps, in order, those
    before the first parenthesis found without walking the parentheses (a separator before
    every parenthesis is outside every pair): a guard that stops at the first entry that is
    no person reads only the start of a long line."""
    opens = [i for i in (text.find("（"), text.find("(")) if i >= 0]
    first_paren = min(opens) if opens else len(text)
    for found in _LIST_SEPARATOR_RE.finditer(text, 0, first_paren):
        yield found
    if first_paren < len(text):
        for found in _outside_parens(text, _LIST_SEPARATOR_RE):
            if found.start() > first_paren:
                yield found


def _cells(
    text: str, base: int, separators: Iterable[regex.Match[str]] | regex.Pattern[str]
) -> list[tuple[int, str]]:
    """The non-blank pieces of ``text`` between separators, with their offsets."""
    if isinstance(separators, regex.Pattern):
        separators = separators.finditer(text)
    return list(_iter_cells(text, base, separators))


def _iter_cells(
    text: str, base: int, separators: Iterable[regex.Match[str]]
) -> Iterator[tuple[int, str]]:
    """:func:`_cells` one by one, each cut when asked for."""
    position = 0
    for found in itertools.chain(separators, (None,)):
        end = found.start() if found is not None else len(text)
        piece = text[position:end]
        stripped = piece.strip(" \u3000\t:：")  # a colon at a cell's edge joins nothing
        if stripped:
            yield base + position + piece.index(stripped[0]), stripped
        position = found.end() if found is not None else len(text)


def _split_title_off(tokens: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A column that runs a long title into a letter-spaced name with one space
    (選挙管理委員会事務局長　落　合) is two columns: the title and the name."""
    out: list[tuple[int, str]] = []
    for at, token in tokens:
        first = _TOKEN_RE.search(token)
        if (
            first is not None
            and first.end() < len(token)
            and _is_title_token(first.group())
            and _is_bare_name(token[first.end() :])
        ):
            rest = token[first.end() :].lstrip(" \u3000")
            out += [(at, first.group()), (at + len(token) - len(rest), rest)]
        else:
            out.append((at, token))
    return out


def _columns(text: str, base: int) -> list[RowEntry]:
    """Entries printed in columns with spaces: titles alternate with names
    (委員長　　　迫川　高行　　　委員　　川端　宏明); a title letter-spaced over the gaps
    (議　　長) is closed up first; a name padded over the gaps (石﨑　　徹) is one name."""
    tokens = _split_title_off(_cells(text, base, _COLUMN_GAP_RE))
    merged: list[tuple[int, str]] = []
    for at, token in tokens:  # 議 / 長 → 議長
        if merged and len(compact(merged[-1][1])) <= 2 and len(compact(token)) <= 2:
            joined = merged[-1][1] + token
            if _is_title_token(joined) and not _is_title_token(merged[-1][1]):
                merged[-1] = (merged[-1][0], text[merged[-1][0] - base : at - base + len(token)])
                continue
        merged.append((at, token))
    entries: list[RowEntry] = []
    k = 0
    while k < len(merged):
        at, token = merged[k]
        if _is_title_token(token) and k + 1 < len(merged) and not _is_title_token(merged[k + 1][1]):
            last = k + 1
            while (
                last + 1 < len(merged)
                and not _is_title_token(merged[last + 1][1])
                and (len(compact(merged[last + 1][1])) <= 2)
            ):
                last += 1  # a name padded over a column gap: 石﨑　　徹
            name_at = merged[k + 1][0]
            end = merged[last][0] + len(merged[last][1])
            name = text[name_at - base : end - base]
            several = _full_names(name)
            if several is not None:  # 委員　山田太郎　鈴木花子: the title of each
                entries += [
                    _entry(person, name_at + offset, {"title": token, "name": person})
                    for offset, person in several
                ]
            else:
                entries.append(
                    _entry(text[at - base : end - base], at, {"title": token, "name": name})
                )
            k = last + 1
            continue
        names = _full_names(token)
        titled = _titled_full_names(token) if names is None else None
        if names is not None:  # 山田太郎　鈴木花子: two people, one space apart
            entries += [_entry(name, at + offset, {"person": name}) for offset, name in names]
        elif titled is not None:  # 委員　佐藤一郎　田中次郎: the title of each
            title, people = titled
            entries += [
                _entry(name, at + offset, {"title": title, "name": name}) for offset, name in people
            ]
        else:
            entries.append(_entry(token, at, {"person": token}))
        k += 1
    return entries


_WORD_RUN_RE = regex.compile(r"[^ \u3000]+")


def _titled_full_names(token: str) -> tuple[str, list[tuple[int, str]]] | None:
    """A title, then full names one space apart (委員　佐藤一郎　田中次郎　高橋三郎): the title and
    the names with their offsets, when the names read as :func:`_full_names` does."""
    first = _WORD_RUN_RE.match(token)
    if first is None or not _is_title_token(first.group()):
        return None
    rest = token[first.end() :]
    names = _full_names(rest.lstrip(" \u3000"))
    if names is None:
        return None
    shift = len(token) - len(rest.lstrip(" \u3000"))
    return first.group(), [(shift + offset, name) for offset, name in names]


def _full_names(token: str) -> list[tuple[int, str]] | None:
    """Full names printed one space apart (山田太郎　鈴木花子, 山田太郎 鈴木一 佐藤花子): the
    pieces and their offsets, when each is a bare name (no title, no place) too long to be a
    part of one: four characters or more, or three when there are three pieces or more (a
    name has two parts: 佐々木　真理子 is one person). None otherwise."""
    if " " not in token and "\u3000" not in token:
        return None
    pieces = [(m.start(), m.group()) for m in _WORD_RUN_RE.finditer(token)]
    shortest = 4 if len(pieces) == 2 else 3
    if len(pieces) < 2 or not all(
        len(piece) >= shortest and _is_bare_name(piece) for _, piece in pieces
    ):
        return None
    return pieces


def _seat_entries(text: str, base: int, seats: list[regex.Match[str]]) -> list[RowEntry]:
    """A row of seat numbers and names (１０番　金　井　ひろし　　　１１番　　橋　本　しょうへい):
    every seat number opens an entry, whatever the spacing before it."""
    entries: list[RowEntry] = []
    for k, seat in enumerate(seats):
        end = seats[k + 1].start() if k + 1 < len(seats) else len(text)
        piece = text[seat.start() : end].rstrip(" \u3000\t")
        name = text[seat.end() : seat.start() + len(piece)].strip(" \u3000\t")
        groups = {"seat": seat["seat"]}
        if name:
            groups["name"] = name
        entries.append(_entry(piece, base + seat.start(), groups))
    return entries


def _letter_spaced(text: str, base: int) -> list[RowEntry] | None:
    """Names letter-spaced in fields of :data:`NAME_FIELD_CELLS` cells, one space between
    characters, a title letter-spaced before them (``副 議 長 小 林 伸 一``, ``木 原 大 輔 重 信 元 子``,
    ``高 橋 正 男 千 葉   勇``); None when the row is not printed so.

    A cell is a character, a blank (the wider gap of a padded name: 千 葉 _ 勇) or a word
    printed solid (千代志, 小田嶋: two cells). A row of seven cells or more holds a name in
    every field; a shorter one is one name. A title ending with 兼 (holding also) stays open.
    """
    tokens = list(_TOKEN_RE.finditer(text))
    gaps = [text[a.end() : b.start()] for a, b in itertools.pairwise(tokens)]
    singles = sum(1 for t in tokens if len(t.group()) == 1)
    if (
        len(tokens) < 3
        or singles < 3
        or any(len(g) not in (1, 3) or len(set(g)) != 1 for g in gaps)
        or len({g[0] for g in gaps}) != 1
        or any(len(t.group()) > 4 or not _NAME_CHARS_RE.match(t.group()) for t in tokens)
    ):
        return None
    title_end = 0  # tokens of the title (a title is 16 characters at most)
    for k in range(min(len(tokens) - 2, 16), 1, -1):
        if (
            all(len(t.group()) == 1 for t in tokens[:k])
            and all(len(g) == 1 for g in gaps[: k - 1])
            and _is_title_token("".join(t.group() for t in tokens[:k]))
        ):
            title_end = k
            break
    if title_end and tokens[title_end].group() == "兼" and title_end + 2 < len(tokens):
        title_end += 1
    fields: list[list[int]] = [[]]  # token indexes of each field
    cells = 0
    for k in range(title_end, len(tokens)):
        width = 1 if len(tokens[k].group()) == 1 else 2
        blank = 1 if k > title_end and len(gaps[k - 1]) == 3 else 0
        if cells + blank >= NAME_FIELD_CELLS and fields[-1]:
            fields.append([])
            cells, blank = 0, 0
        fields[-1].append(k)
        cells += blank + width
    total = sum(1 if len(tokens[k].group()) == 1 else 2 for k in range(title_end, len(tokens)))
    if total < 7:  # one name: with a title, or padded (本 間   智)
        fields = [[k for field in fields for k in field]]
        if not title_end and all(len(g) == 1 for g in gaps):
            return None
    title = text[tokens[0].start() : tokens[title_end - 1].end()] if title_end else None
    entries: list[RowEntry] = []
    for n, field_tokens in enumerate(fields):
        first, last = tokens[field_tokens[0]], tokens[field_tokens[-1]]
        name = text[first.start() : last.end()]
        start = tokens[0].start() if n == 0 else first.start()
        groups = {"name": name} if title is None else {"title": title, "name": name}
        entries.append(_entry(text[start : last.end()], base + start, groups))
    return entries


def _spaced_entries(text: str, base: int) -> list[RowEntry]:
    """A row without separators: seat numbers, letter-spaced names, or columns."""
    seats = list(_SEAT_RE.finditer(text))
    if seats and not text[: seats[0].start()].strip(" \u3000\t"):
        return _seat_entries(text, base, seats)
    if _SEAT_CELL_RE.fullmatch(text):  # a table cell: the seat number, 番 in the next cell
        return [_entry(text, base, {"seat": text})]
    return _letter_spaced(text, base) or _columns(text, base)


def split_row(text: str) -> list[RowEntry]:
    """Cut a line of a roster into entries: (start, end, groups, record) for each.

    A row separates its entries with 、 , or table cells | (``岩瀬達哉委員 | 遠藤久夫委員 |``),
    never inside parentheses, or prints them in columns (``委員長　　　迫川　高行　　　委員
    川端　宏明``), in letter-spaced fields (``木 原 大 輔 重 信 元 子``: two names) or after seat
    numbers (``１０番　金　井　ひろし　１１番…``). An entry is a title and a name
    (``委員長:星名建市``; ``政策室長 冨田泰``; ``市長(横田凱夫)``) or a person as printed in
    running text (``細川厚生労働大臣``, ``伊藤忠通(出席)``). A word before a colon that the
    entries after it do not take as their title is their group (``委員:加藤会長、…``,
    ``事務局:政策室長 冨田泰``), also inside the list (``北澤委員 事務局:冨田子ども家庭部長``).
    Words after the list (ほか, （敬称略）) and head counts (理事16名, 以上26名) are nobody.

    Example:
        >>> [g for _, _, g, _ in split_row("委員長:星名建市、副委員長:安孫子哲")]
        [{'title': '委員長', 'name': '星名建市'}, {'title': '副委員長', 'name': '安孫子哲'}]
        >>> [g for _, _, g, _ in split_row("委員長　　　迫川　高行　　　委員　　川端　宏明")]
        [{'title': '委員長', 'name': '迫川\u3000高行'}, {'title': '委員', 'name': '川端\u3000宏明'}]
        >>> [g["name"] for _, _, g, _ in split_row("木 原 大 輔 重 信 元 子")]
        ['木 原 大 輔', '重 信 元 子']

    The tokenizer cuts a row twice in a row (to decide that it is one, then for its
    entries): within a parse the last cut of a row of ordinary length is remembered, and each
    call gets its own copy of the groups.
    """
    if len(text) > _REMEMBERED_ROW:
        return _split_row(text)
    return [
        (start, end, dict(groups), meta)
        for start, end, groups, meta in memoized("split_row", _split_row, text, only_last=True)
    ]


#: The longest row whose cut is remembered (a row of a thousand names is cut again, not kept).
_REMEMBERED_ROW = 400


def _split_row(text: str) -> list[RowEntry]:
    return list(iter_row(text))


def iter_row(text: str) -> Iterator[RowEntry]:
    """The entries of :func:`split_row`, one by one and each cut only when asked for (a guard
    that stops at the first entry that is no person cuts no further), never remembered."""
    tail = _LIST_TAIL_RE.search(text) if _may_end_with_tail(text) else None
    body = text[: tail.start()] if tail is not None else text
    offset, group, title = 0, None, None
    prefix = _GROUP_PREFIX_RE.match(body)
    if prefix is not None and _prefix_is_group(
        prefix["group"], body[prefix.end() :], spaced=prefix["space"] is not None
    ):
        offset, group = prefix.end(), prefix["group"].strip("（()） \u3000")
    elif prefix is not None and prefix["space"] is not None:
        title = _title_of_all(prefix["group"], body[prefix.end() :])
        if title is not None:
            offset = prefix.end()
    for entry in _list_entries(body[offset:], offset):
        if "person" in entry[2] and not _is_somebody(entry[2]["person"]):
            continue
        if title is not None and "person" in entry[2]:
            entry[2]["name"] = entry[2].pop("person")
            entry[2]["title"] = title
        if group:
            entry[2].setdefault("group", group)
        yield entry


def _title_of_all(word: str, rest: str) -> str | None:
    """A title printed once before a list of names none of which prints its own (委員　山田太郎、
    鈴木花子、佐藤一郎): the title of each. None otherwise."""
    if not _is_title_token(word):
        return None
    cells = _cells(rest, 0, _outside_parens(rest, _LIST_SEPARATOR_RE))
    if len(cells) < 2 or any(_carries_title(cell) for _, cell in cells):
        return None
    return word


#: What gives an entry a title without a title word: a colon (委員長:星名建市 reads any word
#: before it as a title) and の各 (納所、保坂の各委員).
_TITLE_MARKS = (":", "：", "の各")


def may_hold_titles(text: str) -> bool:
    """False when no entry :func:`split_row` cuts from ``text`` can have a title (a ``title``
    group, or a ``person`` ending with a title word): ``text`` holds no title word
    (:data:`~gijiroku.names.TITLE_END_CHARS`), no colon and no の各. An entry's title and
    person are pieces of ``text``, and every title is a title word (:func:`_is_title_token`)
    or a word after の各 (or before a colon, kept here to be safe).

    Example:
        >>> may_hold_titles("岩瀬達哉委員 | 遠藤久夫委員 |"), may_hold_titles("| file | what it is |")
        (True, False)
    """
    # (the marks of _TITLE_MARKS, looked for one by one: no generator made for each row)
    return not TITLE_END_CHARS.isdisjoint(text) or ":" in text or "：" in text or "の各" in text


#: The last character (before spaces) of every text :data:`_LIST_TAIL_RE` finds a tail in:
#: ほか, 外, 他, 以上, a head count's 名 or 人, a closing parenthesis.
_TAIL_ENDINGS = frozenset("か外他上名人)）")


def _may_end_with_tail(text: str) -> bool:
    """A necessary condition for :data:`_LIST_TAIL_RE` to find a tail (it ends at the end of
    the text or before a final line break, after spaces only): a cheap "no" for most rows."""
    return text.rstrip(" \u3000\n")[-1:] in _TAIL_ENDINGS


#: A group printed before a list: （仙台市）：, （説明員）：, 金融庁総合政策局総合政策課：,
#: and, with a space, before entries that print their own titles: 市執行部 市長(横田凱夫).
_GROUP_PREFIX_RE = re.compile(
    rf"^[ \u3000]*(?P<group>[（(][^（()）]{{1,30}}[)）]|[^（()）、，,|｜：:{WHITE_SPACE}]{{2,30}})"
    rf"(?:[ \u3000]*[：:]|(?P<space>[ \u3000]+)(?![{LIST_SEPARATORS}]))[ \u3000]*"
)
#: How the name of a body of people ends: 議会事務局, 市執行部, その他の出席者, 説明員.
_GROUP_ENDINGS = ("部", "局", "課", "室", "者", "員", "会")


def _prefix_is_group(word: str, rest: str, *, spaced: bool) -> bool:
    """The word before a list names the list's group, not the first entry's title.

    Before a colon: the word is no title (（仙台市）：), the entries print their own titles
    (委員:加藤会長, 事務局:政策室長 冨田泰), or no other entry has a title before a colon
    (委員:奥村隆一、関谷昇; 委員長:星名建市、副委員長:安孫子哲 is titles). Before a space: the
    word names a body of people (議会事務局, 市執行部) and the first entry prints its own title
    (局長(比気茂美)).
    """
    if spaced and not names_a_group(word):
        return False  # 大森 彌会長 | …: a name, not a body
    cells = _cells(rest, 0, _outside_parens(rest, _LIST_SEPARATOR_RE))
    if not cells:
        return False
    first = cells[0][1]
    if spaced:
        return _carries_title(first)
    if not _is_title_token(word) or _carries_title(first):
        return True
    return len(cells) > 1 and not any(_TITLED_ENTRY_RE.match(c) for _, c in cells[1:])


def names_a_group(word: str) -> bool:
    """A word that names a body of people (議会事務局, 市執行部, その他の出席者), never a
    person (山田委員).

    Example:
        >>> names_a_group("区議会事務局"), names_a_group("執行者"), names_a_group("山田委員")
        (True, True, False)
    """
    bare = compact(word)
    if not bare.endswith(_GROUP_ENDINGS):
        return False
    # 一健委員: a name before a person's title (read as a roster entry reads it)
    name, title = split_person(bare, run_together=position_suffix(bare) in PERSON_TITLES)
    return not (name and title)


def _list_entries(body: str, base: int) -> Iterator[RowEntry]:
    """The entries of a row (without its group prefix and tail), cut one cell at a time."""
    separators = _separators_outside_parens(body)
    first = next(separators, None)
    if first is None:
        yield from _spaced_entries(body, base)
        return
    group: str | None = None
    for at, cell in _iter_cells(body, base, itertools.chain((first,), separators)):
        inner = _group_inside(cell)
        if inner is not None:
            head, word, rest = inner
            found, _ = _cell_entries(cell[:head].rstrip(" \u3000"), at, group)
            yield from found
            group = word
            cell, at = cell[rest:], at + rest
        titled = _TITLED_ENTRY_RE.match(cell) if ":" in cell or "：" in cell else None
        if titled is not None:
            title = titled["title"].strip(" \u3000")
            if _is_title_token(title) and not _carries_title(titled["name"]):
                yield _tagged(_entry(cell, at, {"title": title, "name": titled["name"]}), group)
                continue
            group = compact(title).strip("（()）") or group
            cell, at = titled["name"], at + titled.start("name")
        found, group = _cell_entries(cell, at, group)
        yield from found


def _group_inside(cell: str) -> tuple[int, str, int] | None:
    """A group that begins inside a list cell, after a space (北澤委員 事務局:冨田子ども家庭部長):
    where the cell's first part ends, the group, and where the rest starts."""
    colon = _WORD_BEFORE_COLON_RE.search(cell) if (":" in cell or "：" in cell) else None
    if colon is None or not cell[: colon.start()].strip(" \u3000"):
        return None
    rest = len(cell) - len(cell[colon.end() :].lstrip(" \u3000"))
    word = colon["group"]
    if rest >= len(cell) or not names_a_group(word) or not _carries_title(cell[rest:]):
        return None
    return colon.start(), compact(word), rest


def _cell_entries(cell: str, at: int, group: str | None) -> tuple[list[RowEntry], str | None]:
    """The entries of one cell of a list, and the group of the cells after it. An aside may
    name someone absent (保坂の各委員(後藤副委員長は欠席)) or the group of what follows
    (久保田健一郎副議長(以下,委員外議員)山口 晟議員)."""
    entries: list[RowEntry] = []
    absent = _ABSENT_ASIDE_RE.search(cell) if "欠席" in cell else None
    aside: RowEntry | None = None
    if absent is not None and absent.start() > 0:
        who = absent["who"]
        aside = _entry(who, at + absent.start("who"), {"person": who}, absent=True)
        cell = cell[: absent.start()].rstrip(" \u3000")
    inner = _INNER_PAREN_RE.search(cell) if "以下" in cell else None
    following = _FOLLOWING_RE.match(inner["paren"].strip(" \u3000")) if inner else None
    if inner is not None and following is not None:
        head = cell[: inner.start()].rstrip(" \u3000")
        if head:
            entries.append(_tagged(_person(head, at), group))
        group = compact(following["group"]).strip("、，,:：") or group
        rest = cell[inner.end() :].lstrip(" \u3000")
        cell, at = rest, at + len(cell) - len(rest)
    if cell:
        entries.append(_tagged(_person(cell, at), group))
    if aside is not None:
        entries.append(_tagged(aside, group))
    return entries, group


def _tagged(entry: RowEntry, group: str | None) -> RowEntry:
    """``entry`` in ``group`` (unless it names its own)."""
    if group:
        entry[2].setdefault("group", group)
    return entry


#: What a name never holds: a list's separator or a colon (what stands before one is a
#: label or another entry, not the name).
_NAME_BREAK_RE = re.compile(r"[、，,|｜:：]")


def _last_piece(name: str) -> str | None:
    """The name after the last separator or colon in it (委員:加藤 → 加藤)."""
    pieces = [p for p in _NAME_BREAK_RE.split(name) if p.strip(" \u3000")]
    return pieces[-1].strip(" \u3000") if pieces else None


def _reads_as_post(text: str) -> bool:
    """A role printed in parentheses after a name that is a title (理事長, 監事, 将来計画委員会
    委員長), not a portfolio (庶務担当, kept as printed) or an affiliation (交通局)."""
    return _is_title_token(text) and not text.endswith("担当")


def _reads_as_title(token: str) -> bool:
    return token[0] in "（(）)" or position_suffix(token) is not None or token in _HEADING_TITLES


def _balanced(text: str) -> bool:
    return text.count("（") + text.count("(") <= text.count("）") + text.count(")")


def _post_is_open(post: str, column: int | None) -> bool:
    """A post fragment goes on below: a parenthesis is open, it fills its ``column``, or it
    does not end with a title word (内閣府大臣政務 / 官)."""
    return (
        not _balanced(post)
        or (column is not None and len(post) >= column)
        or position_suffix(post) is None
    )


class EntryParts(NamedTuple):
    """A roster entry read: the person's ``name`` (None for an office), ``title``, ``surname``
    when the layout shows it, and further ``roles`` (posts listed with it)."""

    name: str | None
    title: str | None
    surname: str | None
    roles: list[str]


@dataclass(slots=True)
class MemberDraft:
    """A member while the parser still collects facts about them (mutable)."""

    id: str
    name: str | None
    title: str | None = None
    group: str | None = None
    roles: list[str] = field(default_factory=list)
    attendance: Attendance = "unknown"
    seat: int | None = None
    affiliation: str | None = None
    surname: str | None = None
    entry: str = ""
    span: Pos | None = None


#: Reads a MEMBER block (a family's :meth:`Format.read_entry`).
EntryReader = Callable[[Block, "RosterBuilder"], EntryParts]


@dataclass(slots=True)
class RosterBuilder:
    """Collects members and membership changes from header blocks, in document order.

    ``read`` reads one entry (the family's hook, by default :func:`read_entry`);
    ``post_column`` is the width of the column posts are printed in, when the family's
    rosters have one.
    """

    text: str
    known_titles: set[str]
    read: EntryReader | None = None
    post_column: int | None = None
    members: list[MemberDraft] = field(default_factory=list)
    by_name: dict[str, MemberDraft] = field(default_factory=dict)
    changes: list[MembershipChange] = field(default_factory=list)
    group: str | None = None
    member_title: str | None = None
    attendance: Attendance = "unknown"
    in_changes: bool = False
    change_date: dt.date | None = None
    change_date_raw: str | None = None
    meeting_date: dt.date | None = None
    posts: list[str] = field(default_factory=list)
    #: Where the current list began in :attr:`members` (a title printed for every entry
    #: before it, 以上 理事, reaches back to here).
    list_start: int = 0
    #: The group a row opened that goes on in the next row (委員:奥村隆一、… 、 at the end).
    carried_group: str | None = None
    #: The members of the last row read, with the offset each entry starts at.
    last_row: list[tuple[int, MemberDraft]] = field(default_factory=list)
    #: A table's seat cell (1 / 番) waiting for the name in the cells below it, and the
    #: member it made once a name came, whose name may go on in the next cell.
    seat_cell: Block | None = None
    open_cell: MemberDraft | None = None
    line_starts: list[int] | None = None
    #: How entries are read: the family's ``read``, or None when ``read`` is the default
    #: hook (which calls :func:`read_entry`: the roster reads the groups it has already
    #: read, by :func:`_read_entry_groups`, with no call of the hook).
    _reader: EntryReader | None = field(init=False, repr=False)

    def __post_init__(self) -> None:
        from gijiroku.formats.base import Format  # (formats are loaded before a roster)

        read = self.read
        default = read is None or getattr(read, "__func__", None) is Format.read_entry
        self._reader = None if default else read

    # -- context ----------------------------------------------------------------------------

    def heading(
        self, group: str | None, attendance: Attendance | None, member_title: str | None = None
    ) -> None:
        """A roster heading: entries below belong to ``group`` (and, printed without a title,
        hold ``member_title``); ``attendance`` None keeps the attendance of the list the
        heading stands in (理　事 under 出席者は左のとおり)."""
        self.group = group
        self.member_title = member_title
        if attendance is not None:
            self.attendance = attendance
        self.in_changes = False
        self.posts = []
        self._new_list()

    def _new_list(self) -> None:
        self._close_cell()
        self.list_start, self.carried_group, self.last_row = len(self.members), None, []

    def heading_from_key(self, key: str, attendance: Attendance) -> None:
        """``出席者（仙台市情報化推進会議委員／五十音順）：`` → group 仙台市情報化推進会議委員;
        ``出席委員``, ``委員：`` → group and title from the key itself (委員)."""
        inner = _PAREN_GROUP_RE.search(key)
        group = None
        if inner is not None and not _COUNT_NOTE_RE.match(compact(inner["g"])):
            group = clean_text(_LIST_ANNOTATION_RE.sub("", inner["g"]).strip(" 　／/・")) or None
        bare = compact(_PAREN_GROUP_RE.sub("", key))
        self.heading(group or bare or None, attendance, _HEADING_TITLES.get(bare))

    def end_of_list(self, *, sublist: bool = False) -> None:
        """A rule line: the list above is over (``sublist``: a new part of the same list)."""
        self.group, self.member_title, self.in_changes, self.posts = None, None, False, []
        self._new_list()
        if not sublist:
            self.attendance = "unknown"

    def start_changes(self) -> None:
        self.end_of_list()
        self.in_changes = True

    def set_change_date(self, raw: str) -> None:
        """A date line under 委員の異動 (八月七日, 同日, 同月三十一日); the year is the meeting's."""
        self.change_date_raw = raw
        match = _CHANGE_DATE_RE.match(compact(raw))
        if match is None:
            return
        previous = self.change_date
        month = parse_number(match["month"]) if match["month"] else None
        if match["same_month"] or match["same_day"]:
            month = previous.month if previous else None
        day = previous.day if match["same_day"] and previous else parse_number(match["day"] or "")
        year = self.meeting_date.year if self.meeting_date else None
        if month is None or day is None or year is None:
            self.change_date = None
            return
        if self.meeting_date is not None and month > self.meeting_date.month:
            year -= 1
        try:
            self.change_date = dt.date(year, month, day)
        except ValueError:
            self.change_date = None

    def add_post(self, fragment: str) -> None:
        """A post printed on a line of its own: join it to the open one or start a new one.

        After an entry whose title ends with 兼務 (holding concurrently) the post completes
        that title: 政策経営部長兼務 / ＳＤＧｓ推進担当部長.
        """
        fragment = compact(fragment)
        last = self.members[-1] if self.members else None
        if not self.posts and last is not None and (last.title or "").endswith("兼務"):
            last.title = f"{last.title}{fragment}"
            return
        if self.posts and (
            fragment[0] in "（(）)" or _post_is_open(self.posts[-1], self.post_column)
        ):
            self.posts[-1] += fragment
        else:
            self.posts.append(fragment)

    def post_is_open(self) -> bool:
        """The last post printed above goes on in what follows."""
        return bool(self.posts) and _post_is_open(self.posts[-1], self.post_column)

    def take_posts(self) -> tuple[str | None, list[str]]:
        """The posts printed above the next entry: (its title, further roles); cleared."""
        if not self.posts:
            return None, []
        title, roles = self.posts[0], self.posts[1:]
        self.posts = []
        return title, roles

    # -- entries ----------------------------------------------------------------------------

    def read_by_layout(self, entry: Block) -> EntryParts:
        """:func:`read_entry` of ``entry`` in this roster (the default of
        :meth:`Format.read_entry <gijiroku.formats.base.Format.read_entry>`)."""
        return read_entry(entry, self)

    def roster_line(self, block: Block) -> None:
        """A ROSTER block: members, or under 委員の異動 a resigned/appointed pair."""
        entries = [c for c in block.children if c.kind is _MEMBER]
        if self.in_changes:
            self._change_pair(block, entries)
            return
        printed_group = block.groups.get("group")
        own = (clean_text(printed_group) or None) if printed_group else None
        meta = block.meta
        inherits = meta.inherits_group if isinstance(meta, RosterMeta) else True
        group = own or (self.group if inherits else None)
        carried, self.carried_group = self.carried_group, None
        row: list[tuple[int, MemberDraft]] = []
        for entry in entries:
            # (each entry's groups read once, as a plain dictionary: what ``entry.get`` says,
            # as truth values; passed on to the table, the entry's reading and its member)
            groups = groups_dict(entry.groups)
            person = groups.get("person")
            if person and len(groups) == 1:
                # a person printed alone (林委員, 理事　池田　佳隆君), most entries: no なし, post,
                # seat or group of its own; a table's cell only while one is open, or short
                if (
                    self.open_cell is None and self.seat_cell is None and len(person) > 3
                ) or not self._table_cell(entry, groups, carried or group):
                    member = self._add_entry(entry, groups, group, carried, person_alone=True)
                    row.append((entry.span.start, member))
                continue
            if groups.get("nobody"):  # 欠席委員　なし: the list is empty, and over
                self.end_of_list()
                return
            if groups.get("post") and self._second_line(entry):
                continue
            if self._table_cell(entry, groups, carried or group):
                continue
            member = self._add_entry(entry, groups, group, carried, person_alone=False)
            row.append((entry.span.start, member))
            if groups.get("group"):
                carried = clean_text(groups["group"])
        if row:
            self.last_row = row
        span = block.span
        if self.text[span.start : span.end].rstrip(" \u3000\t").endswith(("、", "，", ",")):
            self.carried_group = carried  # the list goes on in the next line

    def _table_cell(self, entry: Block, groups: dict[str, str], group: str | None) -> bool:
        """A cell of a table printed one cell per line (PDF text: 1 / 番 / 北 垣 寿 / 成): a seat
        number opens a member whose name comes in the cells below it; a column's heading
        (番, 氏, 名) and a character left alone are nobody. False: not such a cell.
        ``groups``: the entry's, as :func:`~gijiroku.blocks.groups_dict` gives them."""
        raw = groups.get("person") or groups.get("name") or ""
        if (
            self.open_cell is None
            and self.seat_cell is None
            and len(raw) > 3
            and not groups.get("seat")
        ):
            return False  # no table's cell: a heading or a lone piece is short
        text = compact(raw)
        if groups.get("seat") and not groups.get("name"):
            self._close_cell()
            self.seat_cell = entry  # a member once its name comes
            return True
        if text in TABLE_HEADINGS:  # …or the 番 of the seat number above
            return True
        cell = self.open_cell
        if (
            (cell is not None or self.seat_cell is not None)
            and bool(_NAME_CHARS_RE.match(text))
            and position_suffix(text) is None
            and (cell is None or (len(text) == 1 and len(cell.name or "") < _NAME_FIELD_CHARS))
        ):
            if cell is None and self.seat_cell is not None:
                cell = self.open_cell = self.add_entry(self.seat_cell, group=group)
                cell.name, self.seat_cell = "", None
            if cell is not None and cell.span is not None:
                cell.name = f"{cell.name or ''}{text}"
                cell.span = cell.span._replace(end=entry.span.end, line_end=entry.span.line_end)
                cell.entry = clean_text(self.text[cell.span.start : cell.span.end])
                return True
        if len(text) == 1 and _NAME_CHARS_RE.match(text) and not groups.get("title"):
            return True  # a piece of a name whose cell the table lost
        self._close_cell()
        return False

    def _close_cell(self) -> None:
        """The table's member is complete: listed before (the signer 1番 北垣寿成 again), it
        is that member. A seat number no name followed is nobody."""
        cell, self.open_cell, self.seat_cell = self.open_cell, None, None
        if cell is None or not cell.name or not self.members or self.members[-1] is not cell:
            return
        earlier = self.by_name.get(cell.name)
        if earlier is not None and earlier is not cell:
            self.members.pop()
            earlier.seat = cell.seat if earlier.seat is None else earlier.seat
            return
        self.by_name.setdefault(cell.name, cell)

    def _column(self, offset: int) -> int:
        """The column of ``offset`` in its line (line starts found once, by bisection)."""
        if self.line_starts is None:
            self.line_starts = line_starts(self.text)
        return offset - self.line_starts[bisect.bisect_right(self.line_starts, offset) - 1]

    def _second_line(self, entry: Block) -> bool:
        """A post in parentheses on a line of its own under a row (健康福祉部長 / （福祉事務所長）)
        is the second line of the title above it, in the column it stands under."""
        column = self._column(entry.span.start)
        above = [member for at, member in self.last_row if self._column(at) <= column] or [
            member for _, member in self.last_row[:1]
        ]
        if not above or above[-1].title is None:
            return False
        member = above[-1]
        member.title = f"{member.title}{clean_text(entry.get('post') or '')}"
        return True

    def _change_pair(self, block: Block, entries: list[Block]) -> None:
        names = [split_entry(e.get("person") or "")[1] for e in entries]
        self.changes.append(
            MembershipChange(
                date=self.change_date,
                date_raw=clean_text(self.change_date_raw) if self.change_date_raw else None,
                resigned=names[0] if names else None,
                appointed=names[1] if len(names) > 1 else None,
                text=clean_text(block.text_of(self.text)),
                span=span_of(block.span),
            )
        )

    def change_notice(self, block: Block) -> None:
        """A membership change written as a sentence (…辞任につき、その補欠として…)."""
        self.changes.append(
            MembershipChange(
                date=self.change_date,
                date_raw=clean_text(self.change_date_raw) if self.change_date_raw else None,
                text=clean_text(block.text_of(self.text)),
                span=span_of(block.span),
            )
        )

    def add_entry(
        self, entry: Block, *, group: str | None, own_group: str | None = None
    ) -> MemberDraft:
        """One roster entry (a MEMBER block) → a member, merged with an earlier listing.

        ``group`` is the list's (its heading's); ``own_group`` the group the row printed
        before the entry (委員:奥村隆一、…), which the entry's own ``group`` overrides. A title
        ending with 兼 (holding also) goes on in a title printed alone below it; a title for
        every entry (``each``: 以上 理事, 保坂の各委員) reaches back to where the list began.
        """
        return self._add_entry(
            entry, groups_dict(entry.groups), group, own_group, person_alone=False
        )

    def _add_entry(
        self,
        entry: Block,
        groups: dict[str, str],
        group: str | None,
        own_group: str | None,
        *,
        person_alone: bool,
    ) -> MemberDraft:
        """:meth:`add_entry`, the entry's ``groups`` read already
        (:func:`~gijiroku.blocks.groups_dict`); ``person_alone``: its one group is ``person``
        (the groups it has not are not looked up)."""
        reader = self._reader
        if reader is None:
            name, title, surname, roles = _read_entry_groups(entry.meta, groups, self)
        else:
            name, title, surname, roles = reader(entry, self)
        if name is not None and _NAME_BREAK_RE.search(name):
            name = _last_piece(name)
        last = self.members[-1] if self.members else None
        if (
            last is not None
            and name is not None
            and title is None
            and (last.title or "").endswith("兼")
            and _is_title_token(name)
        ):
            last.title = f"{last.title}{name}"  # 会計管理者兼 / 会計課長
            return last
        meta = entry.meta
        affiliation: str | None = None
        seat: int | None = None
        each: str | None = None
        if not person_alone:
            printed_group = groups.get("group")
            if printed_group:
                own_group = clean_text(printed_group) or own_group
            seat_printed = groups.get("seat")
            seat = parse_number(seat_printed) if seat_printed else None
            printed_title = groups.get("title")
            if printed_title:
                title = compact(printed_title)
            paren = groups.get("paren")
            if paren:
                title, affiliation = _read_paren(paren, title, roles, meta)
            printed_each = groups.get("each")
            each = (compact(printed_each) or None) if printed_each else None
            if each is not None:
                for earlier in self.members[self.list_start :]:
                    earlier.title = earlier.title or each
                title = title or each
        group = own_group or group
        if title is None and group:
            title = (
                (self.member_title if own_group is None else None)
                or _HEADING_TITLES.get(compact(group))
                or (
                    group
                    if position_suffix(group) and not group.endswith(_ATTENDANCE_ENDINGS)
                    else None
                )
            )
        own = meta.attendance if isinstance(meta, MemberMeta) else None
        attendance = own or (group_attendance(own_group) if own_group else None) or self.attendance
        existing = self.by_name.get(name) if name else None
        if existing is not None:
            if existing.attendance != "present" and attendance == "present":
                # an attendance list is about this meeting: its title and group win
                existing.title = title or existing.title
                existing.group = group or existing.group
                existing.attendance = "present"
            elif title and title != existing.title and title not in existing.roles:
                existing.roles.append(title)  # listed twice: a 委員 who is also 副大臣
            existing.roles += [r for r in roles if r not in existing.roles]
            existing.seat = existing.seat if existing.seat is not None else seat
            return existing
        member = MemberDraft(
            id=f"m{len(self.members) + 1}",
            name=name,
            title=title,
            group=group,
            roles=roles,
            attendance=attendance,
            seat=seat,
            affiliation=affiliation,
            surname=surname,
            entry=clean_text(self.text[entry.span.start : entry.span.end]),
            span=entry.span,
        )
        self.add(member)
        if each is not None:
            self.list_start = len(self.members)
        return member

    def add(self, member: MemberDraft) -> None:
        """Add a member to the roster (and to the index by name)."""
        self.members.append(member)
        if member.name:
            self.by_name.setdefault(member.name, member)

    def enrol(self, label: LabelParts, span: Pos) -> MemberDraft:
        """A speaker whose label names them but whom no roster lists (minutes printed without
        a roster, a newly appointed 教育委員): a member from the label, present; a seat number
        (４番（奈良祥孝君）) makes them a 議員."""
        member = MemberDraft(
            id=f"m{len(self.members) + 1}",
            name=label.name,
            title=label.role or ("議員" if label.seat is not None else None),
            attendance="present",
            seat=label.seat,
            entry=label.printed,
            span=span,
        )
        self.add(member)
        return member


def _read_paren(
    paren: str, title: str | None, roles: list[str], meta: object
) -> tuple[str | None, str | None]:
    """An entry's parenthesis (髙坂新一(理事長)): the entry's title and affiliation, a role
    added to ``roles``."""
    paren_is_role = isinstance(meta, MemberMeta) and meta.paren_is_role
    paren_clean = compact(paren)
    if title is None and not paren_is_role and _reads_as_post(paren_clean):
        return paren_clean, None  # 髙坂新一(理事長): the role printed after the name
    if paren_clean in _POSITIONS or paren_clean in CHAIR_ROLES or paren_is_role:
        roles.append(clean_text(paren))
        return title, None
    return title, clean_text(paren)


def read_entry(entry: Block, roster: RosterBuilder) -> EntryParts:
    """Read a roster entry by the layout its rule gave it (see the module docstring); posts
    printed above it (``roster.posts``) give a title the entry lacks."""
    return _read_entry_groups(entry.meta, groups_dict(entry.groups), roster)


# (the members read once, several per entry: see BlockKind)
_MEMBER = BlockKind.MEMBER
_PERSON, _PADDED, _RUN_TOGETHER, _LISTED, _COLUMNS = (
    EntryLayout.PERSON,
    EntryLayout.PADDED,
    EntryLayout.RUN_TOGETHER,
    EntryLayout.LISTED,
    EntryLayout.COLUMNS,
)


def _read_entry_groups(meta: object, groups: dict[str, str], roster: RosterBuilder) -> EntryParts:
    """:func:`read_entry` of an entry's ``meta`` and ``groups`` (as
    :func:`~gijiroku.blocks.groups_dict` gives them: what ``entry.get`` says, as truth
    values)."""
    layout = meta.layout if isinstance(meta, MemberMeta) else _PERSON
    if layout is _PADDED or layout is _RUN_TOGETHER:
        return _read_padded(groups, roster, run_together=layout is _RUN_TOGETHER)
    if layout is _LISTED:
        printed_name = groups.get("name")
        if printed_name:
            name, surname = split_padded_name(printed_name)
            title = compact(groups.get("title") or "") or None
            return EntryParts(name or None, title, surname, [])
    person = groups.get("person") or ""
    if layout is _COLUMNS:
        return _read_columns(person, roster)
    # (compact, and so without an honorific: is_office and split_person would compact it again)
    name_part, _ = strip_honorific(compact(person))
    if name_part in OFFICES:
        return EntryParts(None, name_part, None, [])
    found_name, found_title = split_compact_person(
        name_part, known_titles=roster.known_titles, run_together=True
    )
    return EntryParts(found_name, found_title, None, [])


def _read_padded(
    groups: dict[str, str], roster: RosterBuilder, *, run_together: bool
) -> EntryParts:
    """An entry whose columns the rule has cut (``name``, ``title``) or whose title runs into
    the name. A name printed without a title takes the posts printed above it
    (子ども未来部長 / 宿　村　篤　由)."""
    if run_together:
        title, name, surname = split_run_together(groups.get("person") or "")
    else:
        printed = groups.get("name") or ""
        if "君" in printed or "議員" in printed:  # (what the pattern looks for after spaces)
            printed = _SPACE_BEFORE_HONORIFIC_RE.sub("", printed)
        printed, _ = strip_honorific(printed)
        name, surname = split_padded_name(printed)
        title = compact(groups.get("title") or "") or None
    roles: list[str] = []
    if title is None:
        title, roles = roster.take_posts()
    return EntryParts(name or None, title, surname, roles)


def _read_columns(person: str, roster: RosterBuilder) -> EntryParts:
    """An entry in columns, under posts printed on lines of their own (財務大臣 / 国務大臣 /
    （金融担当）　鈴木　俊一君): the posts are its title and roles."""
    title, name, surname = split_entry(person)
    roles: list[str] = []
    if roster.posts:
        if title is not None and (title[0] in "（(）)" or roster.post_is_open()):
            roster.posts[-1] += title
            title = None
        elif title is None and roster.post_is_open() and surname is not None:
            # the first column finishes the post: 内閣府大臣政務 / 官　神田　潤一君
            first, _, rest = person.strip(" \u3000").partition("\u3000")
            roster.posts[-1] += first
            _, name, surname = split_entry(rest)
        if title is not None:
            roster.posts.append(title)
        title, roles = roster.take_posts()
    return EntryParts(name or None, title, surname, roles)
