"""Rosters: header lines listing people → members, and membership changes (委員の異動).

The parser feeds header blocks in order to a :class:`RosterBuilder`; headings set the group
and attendance of the entries under them, posts printed on lines of their own are carried to
the next entry, and a rule line ends a list. One person listed twice (a 委員 who is also the
副大臣) stays one member with both titles.

Example:
    >>> from gijiroku.rosters import split_entry
    >>> split_entry("理事　池田　佳隆君")
    ('理事', '池田佳隆', '池田')
    >>> split_entry("勝目　　康君")
    (None, '勝目康', '勝目')
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from gijiroku.blocks import Block, BlockKind
from gijiroku.dates import parse_number
from gijiroku.models import Attendance, MembershipChange, Span
from gijiroku.names import (
    CHAIR_ROLES,
    POSITION_WORDS,
    is_office,
    position_suffix,
    split_person,
    strip_honorific,
)
from gijiroku.normalize import clean_text, compact

__all__ = ["RosterBuilder", "split_entry"]

_POSITIONS = frozenset(POSITION_WORDS)
_SPACES_RE = regex.compile(r"[ \u3000\t]+")
#: Words in a roster heading's parentheses that describe the list, not a group.
_LIST_ANNOTATION_RE = regex.compile(
    r"[／/・、,，]?\s*(?:五十音順|敬称略|順不同|名簿順|役職順|席次順)"
)
_PAREN_GROUP_RE = regex.compile(r"[（(](?P<g>[^（()）]+)[)）]")
#: NDL rosters print posts in a column 7 characters wide; a full line goes on below.
POST_COLUMN = 7
_CHANGE_DATE_RE = regex.compile(
    r"^(?:(?P<same_month>同月)|(?P<month>[〇一二三四五六七八九十0-9]+)月)?(?:(?P<same_day>同日)|(?P<day>[〇一二三四五六七八九十0-9]+)日)$"
)
#: Titles a heading gives to the plain names under it (理事 → 理事; 出席委員 → 委員).
_HEADING_TITLES = {
    "委員長": "委員長",
    "理事": "理事",
    "委員": "委員",
    "出席委員": "委員",
    "本国会召集日の委員": "委員",
    "会長": "会長",
    "幹事": "幹事",
}


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


def _reads_as_title(token: str) -> bool:
    return token[0] in "（(）)" or position_suffix(token) is not None or token in _HEADING_TITLES


def _balanced(text: str) -> bool:
    return text.count("（") + text.count("(") <= text.count("）") + text.count(")")


def _post_is_open(post: str) -> bool:
    """A post fragment goes on below: a parenthesis is open, it fills its column, or it does
    not end with a title word (内閣府大臣政務 / 官)."""
    return not _balanced(post) or len(post) >= POST_COLUMN or position_suffix(post) is None


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
    span: Span | None = None


@dataclass(slots=True)
class RosterBuilder:
    """Collects members and membership changes from header blocks, in document order."""

    text: str
    known_titles: set[str]
    members: list[MemberDraft] = field(default_factory=list)
    by_name: dict[str, MemberDraft] = field(default_factory=dict)
    changes: list[MembershipChange] = field(default_factory=list)
    group: str | None = None
    attendance: Attendance = "unknown"
    in_changes: bool = False
    change_date: dt.date | None = None
    change_date_raw: str | None = None
    meeting_date: dt.date | None = None
    posts: list[str] = field(default_factory=list)

    # -- context ----------------------------------------------------------------------------

    def heading(self, group: str | None, attendance: Attendance | None) -> None:
        """A roster heading: entries below belong to ``group``; ``attendance`` None keeps the
        attendance of the list the heading stands in (理　事 under 出席者は左のとおり)."""
        self.group = group
        if attendance is not None:
            self.attendance = attendance
        self.in_changes = False
        self.posts = []

    def heading_from_key(self, key: str, name: str) -> None:
        """``出席者（仙台市情報化推進会議委員／五十音順）：`` → group 仙台市情報化推進会議委員."""
        inner = _PAREN_GROUP_RE.search(key)
        group = None
        if inner is not None:
            group = clean_text(_LIST_ANNOTATION_RE.sub("", inner["g"]).strip(" 　／/・")) or None
        self.heading(group, "present" if name == "attendees" else "absent")

    def end_of_list(self, *, sublist: bool = False) -> None:
        """A rule line: the list above is over (``sublist``: a new part of the same list)."""
        self.group, self.in_changes, self.posts = None, False, []
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
        """A post printed on a line of its own: join it to the open one or start a new one."""
        fragment = compact(fragment)
        if self.posts and (fragment[0] in "（(）)" or _post_is_open(self.posts[-1])):
            self.posts[-1] += fragment
        else:
            self.posts.append(fragment)

    # -- entries ----------------------------------------------------------------------------

    def roster_line(self, block: Block) -> None:
        """A ROSTER block: members, or under 委員の異動 a resigned/appointed pair."""
        entries = [c for c in block.children if c.kind is BlockKind.MEMBER]
        if self.in_changes:
            self._change_pair(block, entries)
            return
        group = clean_text(block.get("group") or "") or self.group
        if block.rule == "office":
            group = clean_text(block.get("group") or "") or None
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
                span=block.span,
            )
        )

    def change_notice(self, block: Block) -> None:
        """A membership change written as a sentence (…辞任につき、その補欠として…)."""
        self.changes.append(
            MembershipChange(
                date=self.change_date,
                date_raw=clean_text(self.change_date_raw) if self.change_date_raw else None,
                text=clean_text(block.text_of(self.text)),
                span=block.span,
            )
        )

    def add_entry(self, entry: Block, *, group: str | None) -> MemberDraft:
        """One roster entry (a MEMBER block) → a member, merged with an earlier listing."""
        person = entry.get("person") or ""
        name, title, surname, roles = self._read_person(person, columns=bool(entry.get("columns")))
        paren = entry.get("paren")
        affiliation = None
        if paren:
            paren_clean = compact(paren)
            if paren_clean in _POSITIONS or paren_clean in CHAIR_ROLES or entry.get("paren_role"):
                roles.append(clean_text(paren))
            else:
                affiliation = clean_text(paren)
        if entry.get("title"):
            title = compact(entry.fields["title"])
        if title is None and group:
            title = _HEADING_TITLES.get(compact(group)) or (
                group if position_suffix(group) else None
            )
        own = entry.get("attendance")
        attendance = _attendance(own) if own else self.attendance
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
            return existing
        member = MemberDraft(
            id=f"m{len(self.members) + 1}",
            name=name,
            title=title,
            group=clean_text(entry.get("group") or "") or group,
            roles=roles,
            attendance=attendance,
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

    def _read_person(
        self, person: str, *, columns: bool
    ) -> tuple[str | None, str | None, str | None, list[str]]:
        """(name, title, surname, extra roles) of one entry."""
        roles: list[str] = []
        if columns:
            title, name, surname = split_entry(person)
            if self.posts:
                if title is not None and (title[0] in "（(）)" or _post_is_open(self.posts[-1])):
                    self.posts[-1] += title
                    title = None
                elif title is None and _post_is_open(self.posts[-1]) and surname is not None:
                    # the first column finishes the post: 内閣府大臣政務 / 官　神田　潤一君
                    first, _, rest = person.strip(" \u3000").partition("\u3000")
                    self.posts[-1] += first
                    _, name, surname = split_entry(rest)
                if title is not None:
                    self.posts.append(title)
                title, roles = self.posts[0], self.posts[1:]
                self.posts = []
            return name or None, title, surname, roles
        name_part, _ = strip_honorific(compact(person))
        if is_office(name_part):
            return None, name_part, None, roles
        found_name, found_title = split_person(
            name_part, known_titles=self.known_titles, run_together=True
        )
        return found_name, found_title, None, roles


def _attendance(value: str | None) -> Attendance:
    if value == "present":
        return "present"
    if value == "absent":
        return "absent"
    return "unknown"
