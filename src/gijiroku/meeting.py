"""Meeting facts: the header fields and the facts stated elsewhere → :class:`Meeting`.

Header fields (title, 日時, 会場 …) are read first and win. Facts found elsewhere (a block's
``meta.facts``: the body named in the chair's opening words, a number shown by an order of
the day) fill what the header leaves open. Times come from the header, else from the
opening and closing events. The family has a say twice: it reads titles
(:meth:`Format.read_title <gijiroku.formats.base.Format.read_title>`) and has the last word
(:meth:`Format.finish_meeting <gijiroku.formats.base.Format.finish_meeting>`).
"""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

import regex

from gijiroku.blocks import Block, Fact, HeaderName
from gijiroku.dates import DateMatch, find_dates, parse_date, parse_number, parse_time_range
from gijiroku.models import Event, Meeting, Severity, Span, span_of
from gijiroku.normalize import clean_text
from gijiroku.vocabulary import CLOSING_WORDS, ERA_NAMES

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
    dated = parse_date(rest)
    if dated is not None:
        if dated.date is not None:
            values["date"], values["date_raw"] = dated.date, dated.raw
            # the date printed beside the title is the meeting's, not part of its name
            named = _SPACES_RE.sub(" ", title[: dated.start] + " " + title[dated.end :]).strip()
            values["title"] = named or title
        rest = rest[: dated.start] + " " + rest[dated.end :]
    if body is None:
        body = _ERA_YEAR_PREFIX_RE.sub("", rest.strip())
        body = _ISSUE_RE.sub(" ", _ORDINAL_RE.sub(" ", body))
        body = _DOC_WORD_RE.sub("", body.strip())
    body = _DOC_WORD_RE.sub("", _SPACES_RE.sub(" ", body).strip()).strip()
    # 令和 7年第1回定例会（第1日 2月14日） names a sitting, not a body: facts may tell it
    values["body"] = None if _SITTING_ONLY_RE.match(body) else body or None
    return values


@dataclass(slots=True)
class MeetingBuilder:
    """Collects what is known about the meeting while the parser walks the blocks."""

    fmt: Format
    values: MeetingValues = field(default_factory=lambda: MeetingValues())
    title_names_record: bool = False
    date_rank: int = 0
    year: int | None = None
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
        """Facts a rule attached to a block (``meta.facts``)."""
        for fact, value in block.meta.facts if block.meta is not None else ():
            self.fact(fact, value)

    def header_field(
        self, name: HeaderName | None, raw: str, block: Block, diagnose: Diagnose
    ) -> None:
        """Apply a header field of known meaning (title, 日時, 会場, 第N号 …)."""
        if not raw.strip() or name is None:
            return
        values = self.values
        if name is HeaderName.TITLE:
            title = clean_text(raw)
            names_record = bool(_DOC_WORD_RE.search(title))
            if "title" not in values or (names_record and not self.title_names_record):
                # a title that names the record (…委員会記録, …議事録) beats a field or a line
                # that only names the meeting (会議名：…)
                found = self.fmt.read_title(title, block)
                if "date" in values:  # a date field read earlier wins over the title's
                    found.pop("date", None)
                    found.pop("date_raw", None)
                elif found.get("date") is not None:
                    self.date_rank = max(self.date_rank, 0)
                if "title" in values:
                    found = {k: v for k, v in found.items() if v is not None}  # type: ignore[assignment]
                values.update(found)
                self.title_names_record = names_record
        elif name in (HeaderName.DATETIME, HeaderName.DATE):
            self._date(raw, block, diagnose)
        elif name is HeaderName.TIME:
            self._times(raw)
        elif name is HeaderName.VENUE:
            if "venue" not in values:
                values["venue"] = clean_text(raw) or None
        elif name is HeaderName.NUMBER:
            issue = _ISSUE_RE.search(raw)
            if issue:
                values.setdefault("number", parse_number(issue["n"]))

    def _date(self, raw: str, block: Block, diagnose: Diagnose) -> None:
        """A date field or line gives the date when it says more than what was read so far
        (:meth:`_rank`); any of them may give the times. A range of dates is never the
        meeting's date; a month and a day printed alone take the year of the date above."""
        found = next((d for d in find_dates(raw) if not d.in_range), None)
        rest = raw
        if found is not None:
            if not found.has_year and self.year is not None:
                completed = found.with_year(self.year)
                if (
                    completed.date is not None
                    and self.date is not None
                    and (completed.date < self.date)
                ):
                    completed = found.with_year(self.year + 1)  # 十二月… then 一月…
                found = completed
            rank = self._rank(found, block)
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
        self._times(rest)

    def _rank(self, found: DateMatch, block: Block) -> int:
        """How surely a date is the sitting's: a date key (日時：…) 3; a date line with the
        opening time beside it (十一月十四日（金曜日）午前十一時二十分開会) 2; a date line alone 1
        (a selection or publication date printed above the sitting's loses to both)."""
        if block.get("key"):
            return 3
        return 2 if found.time is not None else 1

    def _times(self, raw: str) -> None:
        """Times in a header field; one time said to close the meeting (午前１１時０４分散会)
        is the end time."""
        start, end = parse_time_range(raw)
        if start and end is None and _CLOSING_RE.search(raw):
            start, end = None, start
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
