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

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

import regex

from gijiroku.blocks import Block, BlockKind, EntryLayout, MemberMeta, Pos, RosterMeta
from gijiroku.dates import parse_number
from gijiroku.models import Attendance, MembershipChange, span_of
from gijiroku.names import (
    CHAIR_ROLES,
    POSITION_WORDS,
    is_office,
    position_suffix,
    split_person,
    strip_honorific,
)
from gijiroku.normalize import clean_text, compact

if TYPE_CHECKING:
    from gijiroku.resolve import LabelParts

__all__ = [
    "EntryParts",
    "MemberDraft",
    "RosterBuilder",
    "read_entry",
    "split_entry",
    "split_padded_name",
    "split_row",
    "split_run_together",
]

_POSITIONS = frozenset(POSITION_WORDS)
_SPACES_RE = regex.compile(r"[ \u3000\t]+")
#: Words in a roster heading's parentheses that describe the list, not a group.
_LIST_ANNOTATION_RE = regex.compile(
    r"[／/・、,，]?\s*(?:五十音順|敬称略|順不同|名簿順|役職順|席次順)"
)
_PAREN_GROUP_RE = regex.compile(r"[（(](?P<g>[^（()）]+)[)）]")
_SPACE_BEFORE_HONORIFIC_RE = regex.compile(r"(?<![ \u3000])[ \u3000]+(?=君$|議員$)")
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


def split_entry(entry: str) -> tuple[str | None, str, str | None]:
    """Read a roster entry printed in columns: (title, name, surname).

    The title is the first column when it reads as one (理事, 文部科学大臣, （…）); the name is
    the rest with its padding removed; the surname is the first part of the name when a
    space separates it from the given name.
    """
    body = entry.strip(" \u3000")
    body, _ = strip_honorific(body)
    tokens = [t for t in _SPACES_RE.split(body) if t]
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
    name = _SPACES_RE.sub("", text)
    gaps = list(_SPACES_RE.finditer(text))
    if not gaps:
        return name, None
    widest = max(len(g.group()) for g in gaps)
    wide = [g for g in gaps if len(g.group()) == widest]
    if widest >= 2 and len(wide) == 1:
        return name, _SPACES_RE.sub("", text[: wide[0].start()])
    tokens = [t for t in _SPACES_RE.split(text) if t]
    if len(tokens) == 2 or len(tokens[0]) > 1:
        return name, tokens[0]
    if len(tokens[-1]) > 1:
        return name, "".join(tokens[:-1])
    return name, None


#: Run-together entries pad a name of four characters or fewer to this many cells.
RUN_TOGETHER_NAME_CELLS = 5
_TITLE_THEN_NAME_RE = regex.compile(
    rf"^(?P<title>.*(?:{'|'.join(regex.escape(w) for w in POSITION_WORDS)}|兼務))(?P<name>.{{2,}})$"
)
#: The last gap of spaces and the word after it (a gap starts after a character that is no
#: space: a run of spaces is tried once, not from each of its spaces).
_NAME_WITH_GAP_RE = regex.compile(
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


#: Words after a list that are not entries: …　ほか, 以上, （敬称略）.
_LIST_TAIL_RE = regex.compile(
    r"(?:[ \u3000]+(?:ほか|外|他|以上)|[ \u3000]*[（(](?:敬称略|五十音順|順不同|名簿順)[)）])+[ \u3000]*$"
)
#: Separators of a list printed on one line: 、，, and table cells |.
_LIST_SEPARATOR_RE = regex.compile(r"[、，,|｜]")
#: Columns printed with spaces: a run of two or more.
_COLUMN_GAP_RE = regex.compile(r"[ \u3000\t]{2,}")
#: An attendance printed after a name: 伊藤忠通(出席), 山田(欠席).
_ATTENDANCE_PAREN_RE = regex.compile(
    r"[（(](?P<word>出席|欠席|遅刻|早退|代理出席|オンライン出席)[)）]$"
)
#: An entry whose title is printed before a colon: 委員長:星名建市.
_TITLED_ENTRY_RE = regex.compile(r"^(?P<title>[^：:]{1,12})[：:][ \u3000]*(?P<name>[^：:]+)$")
_PAREN_TAIL_RE = regex.compile(r"[（(](?P<paren>[^（()）]{1,30})[)）]$")
_HONORIFIC_TAIL_RE = regex.compile(r"[ \u3000]*(?P<honorific>議員|君)$")

RowEntry = tuple[int, int, dict[str, str], MemberMeta]


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


def _entry(text: str, start: int, groups: dict[str, str]) -> RowEntry:
    """One entry of a row: its span in the row, its groups and its record."""
    attendance: Attendance | None = None
    person = groups.get("person")
    if person is not None:
        found = _ATTENDANCE_PAREN_RE.search(person)
        if found is not None:
            word = found["word"]
            attendance = "absent" if word == "欠席" else "present"
            groups["person"] = person = person[: found.start()].rstrip(" \u3000")
        paren = _PAREN_TAIL_RE.search(person)
        if paren is not None and paren.start() > 0:
            groups["paren"] = paren["paren"]
            groups["person"] = person[: paren.start()].rstrip(" \u3000")
    name = groups.get("name")
    if name is not None:
        honorific = _HONORIFIC_TAIL_RE.search(name)
        if honorific is not None and honorific.start() > 0:
            groups["honorific"] = honorific["honorific"]
            groups["name"] = name[: honorific.start()]
    meta = MemberMeta(layout=EntryLayout.LISTED, attendance=attendance)
    return start, start + len(text), groups, meta


def _cells(text: str, base: int, separator: regex.Pattern[str]) -> list[tuple[int, str]]:
    """The non-blank pieces of ``text`` between separators, with their offsets."""
    cells: list[tuple[int, str]] = []
    position = 0
    for found in [*separator.finditer(text), None]:
        end = found.start() if found is not None else len(text)
        piece = text[position:end]
        stripped = piece.strip(" \u3000\t")
        if stripped:
            cells.append((base + position + piece.index(stripped[0]), stripped))
        position = found.end() if found is not None else len(text)
    return cells


def _columns(text: str, base: int) -> list[RowEntry]:
    """Entries printed in columns with spaces: titles alternate with names
    (委員長　　　迫川　高行　　　委員　　川端　宏明); a title letter-spaced over the gaps
    (議　　長) is closed up first; a name padded over the gaps (石﨑　　徹) is one name."""
    tokens = _cells(text, base, _COLUMN_GAP_RE)
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
            entries.append(
                _entry(
                    text[at - base : end - base],
                    at,
                    {"title": token, "name": text[name_at - base : end - base]},
                )
            )
            k = last + 1
            continue
        entries.append(_entry(token, at, {"person": token}))
        k += 1
    return entries


def split_row(text: str) -> list[RowEntry]:
    """Cut a line of a roster into entries: (start, end, groups, record) for each.

    A row separates its entries with 、 , or table cells | (``岩瀬達哉委員 | 遠藤久夫委員 |``),
    or prints them in columns (``委員長　　　迫川　高行　　　委員　　川端　宏明``). An entry is a
    title and a name (``委員長:星名建市``; ``委員長　　平山たかお議員``) or a person as printed
    in running text (``細川厚生労働大臣``, ``伊藤忠通(出席)``); words after the list (ほか,
    （敬称略）) are left out.

    Example:
        >>> [g for _, _, g, _ in split_row("委員長:星名建市、副委員長:安孫子哲")]
        [{'title': '委員長', 'name': '星名建市'}, {'title': '副委員長', 'name': '安孫子哲'}]
        >>> [g for _, _, g, _ in split_row("委員長　　　迫川　高行　　　委員　　川端　宏明")]
        [{'title': '委員長', 'name': '迫川\u3000高行'}, {'title': '委員', 'name': '川端\u3000宏明'}]
    """
    tail = _LIST_TAIL_RE.search(text)
    body = text[: tail.start()] if tail is not None else text
    offset, group = 0, None
    prefix = _GROUP_PREFIX_RE.match(body)
    if prefix is not None and not _is_title_token(prefix["group"]):
        offset, group = prefix.end(), prefix["group"].strip("（()） \u3000")
    entries = _list_entries(body[offset:], offset)
    if group:
        for _, _, groups, _ in entries:
            groups["group"] = group
    return entries


#: A group printed before a list: （仙台市）：, （説明員）：, 金融庁総合政策局総合政策課：.
_GROUP_PREFIX_RE = regex.compile(
    r"^[ \u3000]*(?P<group>[（(][^（()）]{1,30}[)）]|[^（()）、，,|｜：:\s]{2,30})[ \u3000]*[：:][ \u3000]*"
)


def _list_entries(body: str, base: int) -> list[RowEntry]:
    if not _LIST_SEPARATOR_RE.search(body):
        return _columns(body, base)
    entries: list[RowEntry] = []
    for at, cell in _cells(body, base, _LIST_SEPARATOR_RE):
        titled = _TITLED_ENTRY_RE.match(cell)
        if (
            titled is not None
            and _is_title_token(titled["title"])
            and position_suffix(compact(titled["name"])) is None
        ):
            groups = {"title": titled["title"].strip(" \u3000"), "name": titled["name"]}
            entries.append(_entry(cell, at, groups))
        else:
            entries.append(_entry(cell, at, {"person": cell}))
    return entries


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

    def heading_from_key(self, key: str, attendance: Attendance) -> None:
        """``出席者（仙台市情報化推進会議委員／五十音順）：`` → group 仙台市情報化推進会議委員;
        ``出席委員``, ``委員：`` → group and title from the key itself (委員)."""
        inner = _PAREN_GROUP_RE.search(key)
        group = None
        if inner is not None:
            group = clean_text(_LIST_ANNOTATION_RE.sub("", inner["g"]).strip(" 　／/・")) or None
        bare = compact(_PAREN_GROUP_RE.sub("", key))
        self.heading(group or bare or None, attendance, _HEADING_TITLES.get(bare))

    def end_of_list(self, *, sublist: bool = False) -> None:
        """A rule line: the list above is over (``sublist``: a new part of the same list)."""
        self.group, self.member_title, self.in_changes, self.posts = None, None, False, []
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

    def roster_line(self, block: Block) -> None:
        """A ROSTER block: members, or under 委員の異動 a resigned/appointed pair."""
        entries = [c for c in block.children if c.kind is BlockKind.MEMBER]
        if self.in_changes:
            self._change_pair(block, entries)
            return
        own = clean_text(block.get("group") or "") or None
        meta = block.meta
        inherits = meta.inherits_group if isinstance(meta, RosterMeta) else True
        group = own or (self.group if inherits else None)
        for entry in entries:
            self.add_entry(entry, group=group)

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

    def add_entry(self, entry: Block, *, group: str | None) -> MemberDraft:
        """One roster entry (a MEMBER block) → a member, merged with an earlier listing."""
        name, title, surname, roles = (self.read or read_entry)(entry, self)
        seat_printed = entry.get("seat")
        seat = parse_number(seat_printed) if seat_printed else None
        paren = entry.get("paren")
        meta = entry.meta
        paren_is_role = isinstance(meta, MemberMeta) and meta.paren_is_role
        affiliation = None
        if paren:
            paren_clean = compact(paren)
            if paren_clean in _POSITIONS or paren_clean in CHAIR_ROLES or paren_is_role:
                roles.append(clean_text(paren))
            else:
                affiliation = clean_text(paren)
        if entry.get("title"):
            title = compact(entry.groups["title"])
        if title is None and group:
            title = (
                self.member_title
                or _HEADING_TITLES.get(compact(group))
                or (group if position_suffix(group) and group not in _ATTENDANCE_WORDS else None)
            )
        own = meta.attendance if isinstance(meta, MemberMeta) else None
        attendance = own or self.attendance
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
            group=clean_text(entry.get("group") or "") or group,
            roles=roles,
            attendance=attendance,
            seat=seat,
            affiliation=affiliation,
            surname=surname,
            entry=clean_text(entry.text_of(self.text)),
            span=entry.span,
        )
        self.add(member)
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


def read_entry(entry: Block, roster: RosterBuilder) -> EntryParts:
    """Read a roster entry by the layout its rule gave it (see the module docstring); posts
    printed above it (``roster.posts``) give a title the entry lacks."""
    meta = entry.meta
    layout = meta.layout if isinstance(meta, MemberMeta) else EntryLayout.PERSON
    person = entry.get("person") or ""
    if layout is EntryLayout.PADDED or layout is EntryLayout.RUN_TOGETHER:
        return _read_padded(entry, roster, run_together=layout is EntryLayout.RUN_TOGETHER)
    if layout is EntryLayout.COLUMNS:
        return _read_columns(person, roster)
    if layout is EntryLayout.LISTED and entry.get("name"):
        name, surname = split_padded_name(entry.get("name") or "")
        return EntryParts(name or None, compact(entry.get("title") or "") or None, surname, [])
    name_part, _ = strip_honorific(compact(person))
    if is_office(name_part):
        return EntryParts(None, name_part, None, [])
    found_name, found_title = split_person(
        name_part, known_titles=roster.known_titles, run_together=True
    )
    return EntryParts(found_name, found_title, None, [])


def _read_padded(entry: Block, roster: RosterBuilder, *, run_together: bool) -> EntryParts:
    """An entry whose columns the rule has cut (``name``, ``title``) or whose title runs into
    the name. A name printed without a title takes the posts printed above it
    (子ども未来部長 / 宿　村　篤　由)."""
    if run_together:
        title, name, surname = split_run_together(entry.get("person") or "")
    else:
        printed, _ = strip_honorific(_SPACE_BEFORE_HONORIFIC_RE.sub("", entry.get("name") or ""))
        name, surname = split_padded_name(printed)
        title = compact(entry.get("title") or "") or None
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
