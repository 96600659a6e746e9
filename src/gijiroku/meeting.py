"""Meeting facts: the header fields and the facts stated elsewhere → :class:`Meeting`.

Header fields (title, 日時, 会場 …) are read first and win. Facts found elsewhere (a block's
``meta.facts``: the body named in the chair's opening words, a number shown by an order of
the day) fill what the header leaves open. Times come from the header, else from the
opening and closing events. The family has a say twice: it reads titles
(:meth:`Format.read_title <gijiroku.formats.base.Format.read_title>`) and has the last word
(:meth:`Format.finish_meeting <gijiroku.formats.base.Format.finish_meeting>`).

The meeting's date, by how surely it is the sitting's: a date key (日時：…), a date line, a
date in the title. A month and day printed alone (``第6回委員会 (8月18日)``) take the year of
the date above them or the year the header prints (``令和4年第5回臨時会``; a 年度 such as
``平成29年度 総務委員会`` runs April to March). When none of these gives a date, the one full
date the header region prints may be taken, with the ``info`` diagnostic ``date-guessed``;
two different dates there give none (``date-not-guessed`` lists them), and the body is never
searched.
"""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

import regex

from gijiroku.blocks import Block, BlockKind, Fact, HeaderMeta, HeaderName, Pos, UnmatchedMeta
from gijiroku.dates import (
    DateMatch,
    YearMatch,
    bracket_around,
    date_note,
    find_dates,
    find_years,
    may_hold_year_date,
    parse_number,
    parse_time_range,
    year_alone_at,
)
from gijiroku.models import Event, Meeting, Severity, Span, span_of
from gijiroku.normalize import clean_text, compact
from gijiroku.vocabulary import BOX_CORNERS, CELL_BORDERS, CLOSING_WORDS, ERA_NAMES, SPACES

if TYPE_CHECKING:
    from gijiroku.formats.base import Format

__all__ = ["Diagnose", "MeetingBuilder", "MeetingValues", "read_title"]

Diagnose = Callable[[Severity, str, str, Span | None], None]


class MeetingValues(TypedDict, total=False):
    """The meeting's facts while they are collected (the fields of :class:`Meeting`)."""

    title: str | None
    body: str | None
    number: int | None
    date: dt.date | None
    date_raw: str | None
    start_time: str | None
    end_time: str | None
    venue: str | None
    house: str | None
    session: int | None


_ERA_YEAR_PREFIX_RE = regex.compile(
    rf"^(?:{ERA_NAMES})\s*(?:元|[0-9０-９]+|[一二三四五六七八九十]+)\s*年度?\s*"
)
#: The meeting's ordinal: （第 2回）, 第４回, #77, No.5.
_ORDINAL_RE = regex.compile(
    r"[（(]?\s*第\s*(?P<n>[0-9０-９]+|[〇一二三四五六七八九十百]+)\s*回\s*[)）]?"
    r"|[#＃]\s*(?P<n>[0-9０-９]+)|No\.?\s*(?P<n>[0-9]+)"
)
_ISSUE_RE = regex.compile(r"第\s*(?P<n>[0-9０-９]+|[〇一二三四五六七八九十百]+)\s*号")
_DOC_WORD_RE = regex.compile(
    r"(?<!\s)\s*(?:議事録|会議録|議録|議事要旨|議事概要|会議概要|会議要旨|要旨|概要|記録|速記録|議事メモ|メモ)"
    r"(?:\s*[（(](?:案|速報版?|未定稿|要旨)[)）])?$"
)
#: A date written in a file name: sendai-2024-12-26.txt, 20241226.
_NAME_DATE_RE = regex.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[-_.]?(?P<m>[01][0-9])[-_.]?(?P<d>[0-3][0-9])(?![0-9])"
)
#: What is left of a title that names only the kind of sitting (定例会, 臨時会（第1日…）).
_SITTING_ONLY_RE = regex.compile(r"^(?:定例会|臨時会|定例会議|臨時会議)\s*(?:[（(][^）)]*[)）])?$")
#: A time printed as the meeting's close: 午前１１時０４分散会, 閉会, 延会.
_CLOSING_RE = regex.compile(rf"(?:{CLOSING_WORDS})\s*[)）〕]?\s*$")
_SPACES_RE = regex.compile(r"\s+")
#: A key that names the close (閉会の日時, 閉会日時, 散会): its time is the end time.
_CLOSING_KEY_RE = regex.compile(rf"^[^\p{{Han}}]*(?:{CLOSING_WORDS})")
#: What follows a year that names a budget's or a settlement's 年度, not the sitting's
#: (令和5年度予算特別委員会, 令和4年度 一般会計決算).
_SUBJECT_YEAR_RE = regex.compile(rf"{SPACES}[^\s、。,]{{0,12}}?(?:予算|決算|会計|補正)")
#: Words around a date that make it the page's or the list's, not the sitting's: 更新日:2013年3月1日,
#: 最終取得日: 2023-04-24, 令和5年4月1日現在.
_PAGE_DATE_BEFORE_RE = regex.compile(
    rf"(?:更新|掲載|公開|作成|印刷|取得|発行|公表|登録|改訂|出力)(?:日時?)?{SPACES}[:：]?{SPACES}$"
)
_PAGE_DATE_AFTER_RE = regex.compile(rf"{SPACES}(?:現在|更新|掲載|公開|作成|印刷|取得|発行)")
#: How far into the text the header region is read for the year it prints and the date to
#: guess: a document whose turns were not read is all header, and a date far into it is
#: never guessed to be the sitting's.
HEADER_CHARS = 3_000
#: The most characters a date or a year takes as printed (spaces, a weekday and all).
_DATE_CHARS = 48
#: Marks and list numbers before the year that opens a header line (〇平成29年度, 1.令和5年度).
_LINE_OPENING_RE = regex.compile(r"[\s〇○◯●◎□■◇◆・＊*#＃]*")
#: Header lines whose dates are not the sitting's: lists of people (委員 (令和5年4月1日現在)),
#: the agenda's items, materials, changes of membership.
_NOT_THE_SITTING = frozenset(
    {
        HeaderName.ATTENDEES,
        HeaderName.ABSENTEES,
        HeaderName.STAFF,
        HeaderName.AUDIENCE,
        HeaderName.RECORDER,
        HeaderName.CHAIR,
        HeaderName.AGENDA,
        HeaderName.MATERIALS,
        HeaderName.POST,
        HeaderName.ROSTER,
        HeaderName.ROSTER_HEADING,
        HeaderName.CHANGES_HEADING,
        HeaderName.CHANGE_DATE,
        HeaderName.CHANGE_COLUMNS,
        HeaderName.AGENDA_HEADING,
        HeaderName.ORDER_OF_DAY,
        HeaderName.PROCEEDINGS,
    }
)
#: Blocks that mean the proceedings have begun: the header region is over.
_BODY_KINDS = frozenset(
    {BlockKind.TURN, BlockKind.CONTINUATION, BlockKind.SIGNATURE, BlockKind.ITEM}
)
#: Lines that may print the year the sitting belongs to (平成29年度 総務委員会).
_YEAR_LINES = frozenset({HeaderName.TITLE, HeaderName.NOTICE, HeaderName.CAPTION})
# (enum members the header's handlers compare with on every line, read once: see BlockKind)
_PROCEEDINGS = HeaderName.PROCEEDINGS
_HEADER_LINE_KINDS = (BlockKind.HEADER, BlockKind.UNMATCHED)
_TITLE, _TIME, _VENUE, _NUMBER = (
    HeaderName.TITLE,
    HeaderName.TIME,
    HeaderName.VENUE,
    HeaderName.NUMBER,
)
_DATE_NAMES = (HeaderName.DATETIME, HeaderName.DATE)
#: A bracket emptied by taking out what it held: 会議（第2号 令和5年3月1日） → 会議（ ）.
_EMPTY_BRACKET_RE = regex.compile(r"[（(]\s*[)）]")


def read_title(title: str, *, body: str | None = None) -> MeetingValues:
    """The facts a title states: the issue (第1号) or ordinal (第2回, #77), the date, and what
    is left, the body's name (``body`` when the rule read it already).

    Example:
        >>> v = read_title("平成 27 年度 仙台市情報化推進会議（第 2回） 議事録")
        >>> v["body"], v["number"]
        ('仙台市情報化推進会議', 2)
    """
    values: MeetingValues = {"title": title}
    rest = title
    issue = _ISSUE_RE.search(rest)
    ordinal = _ORDINAL_RE.search(rest)
    if issue:
        values["number"] = parse_number(issue["n"])
    elif ordinal:
        values["number"] = parse_number(ordinal["n"])
    mentioned = find_dates(rest)  # (parse_date's date first: the first with a year)
    dated = next((d for d in mentioned if d.has_year), None) or next(
        (d for d in mentioned if not d.has_year and not d.in_range), None
    )
    if dated is not None:
        if dated.date is not None:
            values["date"], values["date_raw"] = dated.date, dated.raw
        # the date printed beside the title is the meeting's, not part of its name; a month
        # and day alone (第6回委員会 (8月18日)) leave it only with their bracket
        named = _without_date(title, dated)
        if named is not None:
            values["title"] = _SPACES_RE.sub(" ", named).strip() or title
            rest = named
        elif dated.has_year:  # the title keeps it as printed; the body's name never holds it
            rest = rest[: dated.start] + " " + rest[dated.end :]
    if body is None:
        body = _ERA_YEAR_PREFIX_RE.sub("", rest.strip())
        body = _ISSUE_RE.sub(" ", _ORDINAL_RE.sub(" ", body))
        body = _DOC_WORD_RE.sub("", body.strip())
    body = _EMPTY_BRACKET_RE.sub("", body)
    body = _DOC_WORD_RE.sub("", _SPACES_RE.sub(" ", body).strip()).strip()
    # 令和 7年第1回定例会（第1日 2月14日） names a sitting, not a body: facts may tell it
    values["body"] = None if _SITTING_ONLY_RE.match(body) else body or None
    return values


def _printed_year(text: str, *, anywhere: bool) -> YearMatch | None:
    """The year a header line prints for the sitting: at the line's start (平成29年度 総務委員会,
    〇令和5年度), or anywhere in a title. Not one end of a range (平成29年度～平成30年度), nor
    the 年度 of a budget or a settlement (令和5年度予算特別委員会)."""
    opening = _LINE_OPENING_RE.match(text)
    start = opening.end() if opening is not None else 0
    read = text if anywhere else text[: start + _DATE_CHARS]
    if not anywhere and ("年" not in read or not year_alone_at(read, start)):
        return None  # (no year of the line starts where the line opens)
    for year in find_years(read):
        if not anywhere and year.start != start:
            return None
        if not year.in_range and not _SUBJECT_YEAR_RE.match(text, year.end):
            return year
        if not anywhere:
            return None
    return None


def _without_date(text: str, found: DateMatch) -> str | None:
    """``text`` without the date ``found`` printed in it, or None when the date is part of
    the name. A bracket that holds only the date (and 開催, 開会, 実施, 於…) goes with it:
    ``第15回定例会議(令和7年3月7日開催)`` → ``第15回定例会議``; a bracket that holds more keeps
    it (``定例会（第1日2月14日）``); a month and day outside a bracket stay too."""
    note = date_note(text, found)
    if note is not None:
        return text[: note[0]] + " " + text[note[1] :]
    if not found.has_year or bracket_around(text, found.start, found.end) is not None:
        return None
    return text[: found.start] + " " + text[found.end :]


def _line_text(block: Block) -> str:
    """The text of a header line as the meeting's builder reads it: its groups' values."""
    return "\n".join(value for value in block.groups.values() if value)


_BOX = "─━" + BOX_CORNERS
_BORDERS_RE = regex.compile(rf"^[{CELL_BORDERS}{_BOX}\s]+|[{CELL_BORDERS}{_BOX}\s]+$")


def _without_borders(value: str) -> str:
    """A table cell's value without the cell's borders (``防災センター会議室 |`` → the room,
    ``第16回 議会改革特別委員会 ├──┤`` → the name); the header field keeps the line as printed."""
    return _BORDERS_RE.sub("", value)


@dataclass(slots=True)
class MeetingBuilder:
    """Collects what is known about the meeting while the parser walks the blocks.

    ``year`` is the year of the last full date a date field gave; ``printed_year`` the first
    year the header prints alone (令和4年, 平成29年度), read from the lines kept so far when a
    month and day need it (:meth:`_header_year`); ``title_day`` a month and day a title
    prints without a year. While the header region lasts (until the first turn), its lines
    are kept in ``header_lines`` for :meth:`_guess_date`; their text is joined only when one
    of these asks for it (most documents' date fields print their years and give the date).
    """

    fmt: Format
    values: MeetingValues = field(default_factory=lambda: MeetingValues())
    title_names_record: bool = False
    date_rank: int = 0
    year: int | None = None
    printed_year: YearMatch | None = None
    title_day: DateMatch | None = None
    open_key: str | None = None
    header_over: bool = False
    header_lines: list[Block] = field(default_factory=list)
    #: How many of :attr:`header_lines` were read for ``printed_year``.
    years_read: int = 0
    last_block: Pos | None = None
    facts: dict[Fact, list[str]] = field(default_factory=lambda: collections.defaultdict(list))

    @property
    def date(self) -> dt.date | None:
        """The meeting's date, once a header field gave it."""
        return self.values.get("date")

    def fact(self, fact: Fact, value: str) -> None:
        """A fact stated outside the header fields; used when the header says nothing."""
        value = clean_text(value)
        if value:
            self.facts[fact].append(value)

    def facts_of(self, block: Block) -> None:
        """Facts a rule attached to a block (``meta.facts``); while the header region lasts,
        the block's text too (:meth:`_header_line`). It does nothing with a block that has no
        facts and starts past the region or :data:`HEADER_CHARS` (the parser skips those)."""
        meta = block.meta
        if meta is not None and meta.facts:
            for fact, value in meta.facts:
                self.fact(fact, value)
        if self.reads_text_at(block.span):
            self._header_line(block)

    def reads_text_at(self, span: Pos) -> bool:
        """:meth:`facts_of` reads the text of a block at ``span``: the header region lasts,
        the block starts within :data:`HEADER_CHARS`, and it is no child of the block read
        just before (whose text, read with it, holds its own)."""
        if self.header_over or span.start >= HEADER_CHARS:
            return False
        last = self.last_block
        return last is None or span.start < last.start or last.end < span.end

    def _header_line(self, block: Block) -> None:
        """Keep a line of the header region (one that is no child of the line kept before
        it): for the year it opens with (a title's, anywhere in it) and, for
        :meth:`_guess_date`, the dates it prints. The region ends at the first turn,
        signature or item, or text the tokenizer put in the body; lists of people, agenda
        items and materials print dates that are not the sitting's."""
        self.last_block = block.span
        meta = block.meta
        name = meta.name if isinstance(meta, HeaderMeta) else None
        if (
            block.kind in _BODY_KINDS
            or name is _PROCEEDINGS
            or (isinstance(meta, UnmatchedMeta) and meta.region == "body")
        ):
            self.header_over = True
            return
        if block.kind not in _HEADER_LINE_KINDS or name in _NOT_THE_SITTING:
            return
        self.header_lines.append(block)

    def _header_year(self) -> YearMatch | None:
        """``printed_year``: the year the first header line kept so far that may print one
        (an unnamed line, a title, a notice, a caption) opens with, or a title prints
        anywhere; the lines are read once each, and none after the year is found."""
        if self.printed_year is None:
            lines = self.header_lines
            for k in range(self.years_read, len(lines)):
                block = lines[k]
                meta = block.meta
                name = meta.name if isinstance(meta, HeaderMeta) else None
                if name is None or name in _YEAR_LINES:
                    year = _printed_year(_line_text(block), anywhere=name is HeaderName.TITLE)
                    if year is not None:
                        self.printed_year = year
                        break
            self.years_read = len(lines)
        return self.printed_year

    def header_field(
        self, name: HeaderName | None, raw: str, block: Block, diagnose: Diagnose
    ) -> None:
        """Apply a header field of known meaning (title, 日時, 会場, 第N号 …)."""
        key = block.get("key")
        if key is not None:  # a key printed alone: the lines below hold its value
            self.open_key = None if block.get("value") else key
        if not raw.strip() or name is None:
            return
        values = self.values
        if name is _TITLE:
            self._title(_without_borders(clean_text(raw)), block)
        elif name in _DATE_NAMES:
            self._date(raw, block, diagnose)
        elif name is _TIME:
            self._times(raw, closing=self._closes(block))
        elif name is _VENUE:
            if "venue" not in values:
                values["venue"] = _without_borders(clean_text(raw)) or None
        elif name is _NUMBER:
            issue = _ISSUE_RE.search(raw)
            if issue:
                values.setdefault("number", parse_number(issue["n"]))

    def _title(self, title: str, block: Block) -> None:
        """A title line. The first one (or the first that names the record: …委員会記録,
        …議事録, over a field or a line that only names the meeting, 会議名：…) gives the
        title, the body and the number; a later one (the sitting under the body's name:
        ``平成29年度 総務委員会`` / ``第6回委員会 (8月18日)``) fills the number and the date
        left open. A date field read earlier wins over the title's date; a month and day
        printed alone wait for a year (:meth:`_date_from_title_day`)."""
        values = self.values
        names_record = bool(_DOC_WORD_RE.search(title))
        found = self.fmt.read_title(title, block)
        if found.get("date") is None and self.title_day is None:
            self.title_day = next(
                (d for d in find_dates(title) if not d.has_year and not d.in_range), None
            )
        if "title" not in values or (names_record and not self.title_names_record):
            if "date" in values:
                found.pop("date", None)
                found.pop("date_raw", None)
            if "title" in values:
                found = {k: v for k, v in found.items() if v is not None}  # type: ignore[assignment]
            values.update(found)
            self.title_names_record = names_record
            return
        if values.get("number") is None and found.get("number") is not None:
            values["number"] = found["number"]
        if "date" not in values and found.get("date") is not None:
            values["date"], values["date_raw"] = found["date"], found.get("date_raw")

    def _closes(self, block: Block) -> bool:
        """The field is the meeting's close (閉会の日時 …), by its key or the key printed
        alone above its value."""
        key = block.get("key") or self.open_key
        return key is not None and bool(_CLOSING_KEY_RE.match(compact(key)))

    def _complete(self, found: DateMatch) -> DateMatch:
        """A month and day printed alone, in the year of the date read above it (十二月…
        then 一月…: the next year), else in the year or 年度 the header prints."""
        if self.year is not None:
            completed = found.with_year(self.year)
            if completed.date is not None and self.date is not None and completed.date < self.date:
                completed = found.with_year(self.year + 1)  # 十二月… then 一月…
            return completed
        printed_year = self._header_year()
        if printed_year is not None:
            return printed_year.complete(found)
        return found

    def _date(self, raw: str, block: Block, diagnose: Diagnose) -> None:
        """A date field or line gives the date when it says more than what was read so far
        (:meth:`_rank`); any of them may give the times. A range of dates is never the
        meeting's date; a month and a day printed alone are completed (:meth:`_complete`).
        The close's field (閉会の日時) gives the end time, and a date only when none was read."""
        found = next((d for d in find_dates(raw) if not d.in_range), None)
        closing = self._closes(block)
        rest = raw
        if found is not None:
            if not found.has_year:
                found = self._complete(found)
            rank = 1 if closing else self._rank(found, block)
            if (found.has_year or found.date is not None) and rank > self.date_rank:
                self.date_rank = rank
                self.values["date_raw"] = found.raw
                if found.date is None:
                    self.values.pop("date", None)
                    diagnose(
                        "warning",
                        "impossible-date",
                        found.problem or found.raw,
                        span_of(block.span),
                    )
                else:
                    self.values["date"] = found.date
            if found.year is not None:
                self.year = found.year
            rest = raw[found.end :]
            time = found.time
            if time is not None and time.start_time and time.end_time:
                # a range printed right after the date is the first time of the rest: it
                # is what parse_time_range would read there (a start and an end: no later
                # end is looked for, no closing word asked)
                self._time_range(time.start_time, time.end_time)
                return
        self._times(rest, closing=closing)

    def _rank(self, found: DateMatch, block: Block) -> int:
        """How surely a date is the sitting's: a date key (日時：…) 3; a date line with the
        opening time beside it (十一月十四日（金曜日）午前十一時二十分開会) 2; a date line alone 1
        (a selection or publication date printed above the sitting's loses to both)."""
        if block.get("key"):
            return 3
        return 2 if found.time is not None else 1

    def _times(self, raw: str, *, closing: bool = False) -> None:
        """Times in a header field; one time said to close the meeting (午前１１時０４分散会,
        or under a key of the close, 閉会の日時) is the end time."""
        start, end = parse_time_range(raw)
        if start and end is None and (closing or _CLOSING_RE.search(raw)):
            start, end = None, start
        self._time_range(start, end)

    def _time_range(self, start: str | None, end: str | None) -> None:
        """The start and end times a header field printed, unless an earlier one did."""
        if start:
            self.values.setdefault("start_time", start)
        if end:
            self.values.setdefault("end_time", end)

    def build(
        self,
        events: Sequence[Event],
        first_turn: int | None,
        source_name: str | None,
        diagnose: Diagnose,
    ) -> Meeting:
        """The meeting, with facts and events filling what the header left open."""
        values = self.values
        self._times_from_events(events, first_turn)
        if values.get("date") is None and self.date_rank == 0:
            self._date_from_title_day()
        if values.get("date") is None and self.date_rank == 0:
            self._guess_date(diagnose)
        if values.get("date") is None and self.title_day is not None:
            values.setdefault("date_raw", self.title_day.raw)
        if "date" not in values and source_name:
            self._date_from_name(source_name, diagnose)
        self.fmt.finish_meeting(values, self.facts, diagnose)
        self._fill_from_facts()
        return Meeting.model_validate(values)

    def _fill_from_facts(self) -> None:
        """Facts stated in the text fill the fields still open; the first one stated wins."""
        values, facts = self.values, self.facts

        def first(fact: Fact) -> str | None:
            found = facts.get(fact)
            return found[0] if found else None

        if values.get("body") is None:
            values["body"] = first(Fact.BODY)
        if values.get("house") is None:
            values["house"] = first(Fact.HOUSE)
        if values.get("venue") is None:
            values["venue"] = first(Fact.VENUE)
        if values.get("title") is None:
            values["title"] = first(Fact.TITLE)
        for fact, key in ((Fact.NUMBER, "number"), (Fact.SESSION, "session")):
            printed = first(fact)
            if values.get(key) is None and printed is not None:
                values[key] = parse_number(printed)  # type: ignore[literal-required]

    def _date_from_title_day(self) -> None:
        """The month and day a title printed alone, in the year the header gave (a date
        field's, or a year printed alone: 令和 4年第5回臨時会(第1号 7月25日) → 2022-07-25)."""
        if self.title_day is None:
            return
        completed = self._complete(self.title_day)
        if completed.date is not None:
            self.values["date"], self.values["date_raw"] = completed.date, completed.raw

    def _guess_date(self, diagnose: Diagnose) -> None:
        """No date key, date line or title gave the date: the one full date the header region
        prints is taken, with the ``info`` diagnostic ``date-guessed`` naming its line. Two
        different dates (or one that disagrees with a month and day the title prints) give
        none, and ``date-not-guessed`` lists what was seen. Ranges, impossible dates, a
        page's dates (更新日:…, …現在) and dates beyond :data:`HEADER_CHARS` characters are no
        candidates; the body is never read."""
        seen: dict[dt.date, tuple[DateMatch, Pos]] = {}
        for block in self.header_lines:
            text, span = _line_text(block), block.span
            within = HEADER_CHARS - span.start
            read = text[: within + _DATE_CHARS]
            if not may_hold_year_date(read):
                continue  # (no date with a year in it: most lines, read by one scan)
            for found in find_dates(read):
                if (
                    found.has_year
                    and found.date is not None
                    and found.start < within
                    and not found.in_range
                    and not _PAGE_DATE_BEFORE_RE.search(text, max(0, found.start - 16), found.start)
                    and not _PAGE_DATE_AFTER_RE.match(text, found.end)
                ):
                    seen.setdefault(found.date, (found, span))
        if not seen:
            return
        day = self.title_day
        if len(seen) == 1 and (
            day is None or all((d.month, d.day) == (day.month, day.day) for d in seen)
        ):
            [(found, span)] = seen.values()
            self.values["date"], self.values["date_raw"] = found.date, found.raw
            diagnose(
                "info",
                "date-guessed",
                f"no date key or date line; {found.raw}, the only date in the header, taken "
                "as the meeting's",
                span_of(span),
            )
            return
        listed = ", ".join(f"{f.raw} (line {s.line_start})" for f, s in list(seen.values())[:6])
        why = (
            f"the header prints {len(seen)} different dates: {listed}"
            if len(seen) > 1
            else f"the title prints {day.raw if day else ''}, the header only {listed}"
        )
        first = next(iter(seen.values()))[1]
        diagnose("info", "date-not-guessed", f"no date taken: {why}", span_of(first))

    def _date_from_name(self, source_name: str, diagnose: Diagnose) -> None:
        named = _NAME_DATE_RE.search(source_name)
        if named is None:
            return
        try:
            self.values["date"] = dt.date(int(named["y"]), int(named["m"]), int(named["d"]))
        except ValueError:
            return
        diagnose(
            "info",
            "date-from-source-name",
            f"no date in the text; {named.group()} taken from the source name",
            None,
        )

    def _times_from_events(self, events: Sequence[Event], first_turn: int | None) -> None:
        """The opening time: the last one announced before the first speech (a printed order
        of the day may give a planned time first); the closing time: the last one."""
        starts = [e for e in events if e.kind == "start" and e.time]
        before = [e for e in starts if first_turn is None or e.span.start < first_turn]
        if "start_time" not in self.values and starts:
            self.values["start_time"] = (before or starts)[-1].time
        ends = [e for e in events if e.kind == "end" and e.time]
        if "end_time" not in self.values and ends:
            self.values["end_time"] = ends[-1].time
