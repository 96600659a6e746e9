"""Meeting facts: the header fields and the facts stated elsewhere → :class:`Meeting`.

Header fields (title, 日時, 会場 …) are read first and win. Facts found elsewhere fill what
the header leaves open: the body named in the chair's opening words (ただいまから財政金融委員会
を開会いたします), the house shown by the Diet's rule lines, the number of a plenary sitting
(議事日程　第七号). Times come from the header, else from the opening and closing events; the
Diet session comes from a printed title, else from the date (:mod:`gijiroku.sessions`).
"""

from __future__ import annotations

import collections
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from gijiroku.blocks import Block
from gijiroku.dates import parse_date, parse_number, parse_time_range
from gijiroku.models import Event, Meeting, Severity, Span
from gijiroku.normalize import clean_text
from gijiroku.sessions import session_on

__all__ = ["MeetingBuilder"]

Diagnose = Callable[[Severity, str, str, Span | None], None]

_ERA_YEAR_PREFIX_RE = regex.compile(
    r"^(?:令和|平成|昭和|大正|明治)\s*(?:元|[0-9０-９]+|[一二三四五六七八九十]+)\s*年度?\s*"
)
#: The meeting's ordinal: （第 2回）, 第４回, #77, No.5.
_ORDINAL_RE = regex.compile(
    r"[（(]?\s*第\s*(?P<n>[0-9０-９]+|[〇一二三四五六七八九十百]+)\s*回\s*[)）]?"
    r"|[#＃]\s*(?P<n>[0-9０-９]+)|No\.?\s*(?P<n>[0-9]+)"
)
_ISSUE_RE = regex.compile(r"第\s*(?P<n>[0-9０-９]+|[〇一二三四五六七八九十百]+)\s*号")
_SESSION_RE = regex.compile(r"第\s*(?P<n>[0-9０-９]+|[〇一二三四五六七八九十百]+)\s*回\s*国会")
_HOUSE_RE = regex.compile(r"衆議院|参議院")
_DOC_WORD_RE = regex.compile(
    r"(?<!\s)\s*(?:議事録|会議録|議録|議事要旨|議事概要|会議概要|会議要旨|要旨|概要|記録|速記録|議事メモ|メモ)$"
)
#: A date written in a file name: sendai-2024-12-26.txt, 20241226.
_NAME_DATE_RE = regex.compile(
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[-_.]?(?P<m>[01][0-9])[-_.]?(?P<d>[0-3][0-9])(?![0-9])"
)
#: What is left of a title that names only the kind of sitting (定例会, 臨時会（第1日…）).
_SITTING_ONLY_RE = regex.compile(r"^(?:定例会|臨時会|定例会議|臨時会議)\s*(?:[（(][^）)]*[)）])?$")
#: A time printed as the meeting's close: 午前１１時０４分散会, 閉会, 延会.
_CLOSING_RE = regex.compile(r"(?:散会|閉会|延会|閉議|終了)\s*[)）〕]?\s*$")
_SPACES_RE = regex.compile(r"\s+")
_FACT_FIELDS = ("body", "house", "session", "number", "date", "venue", "title")


@dataclass(slots=True)
class MeetingBuilder:
    """Collects what is known about the meeting while the parser walks the blocks."""

    values: dict[str, object] = field(default_factory=dict)
    facts: dict[str, list[str]] = field(default_factory=lambda: collections.defaultdict(list))

    @property
    def date(self) -> dt.date | None:
        """The meeting's date, once a header field gave it."""
        value = self.values.get("date")
        return value if isinstance(value, dt.date) else None

    def fact(self, name: str, value: str) -> None:
        """A fact stated outside the header fields; used when the header says nothing."""
        if value:
            self.facts[name].append(value)

    def facts_of(self, block: Block) -> None:
        """Facts a rule attached to a block (``fact_house`` …)."""
        for key, value in block.fields.items():
            if key.startswith("fact_") and value:
                self.fact(key[5:], value)

    def header_field(self, name: str | None, raw: str, block: Block, diagnose: Diagnose) -> None:
        """Apply a header field of known meaning (title, 日時, 会場, 第N号 …)."""
        if not raw.strip() or name is None:
            return
        values = self.values
        if name == "title" and "title" not in values:
            self._title(clean_text(raw), block)
        elif name in ("datetime", "date"):
            self._date(raw, block, diagnose)
        elif name == "time":
            self._times(raw)
        elif name == "venue" and "venue" not in values:
            values["venue"] = clean_text(raw) or None
        elif name == "number":
            issue = _ISSUE_RE.search(raw)
            if issue:
                values.setdefault("number", parse_number(issue["n"]))

    def _title(self, title: str, block: Block) -> None:
        """A title names the body and often its ordinal (第2回, #77), the Diet session and
        house, the issue (第1号) and the date; what is left is the body's name."""
        values = self.values
        values["title"] = title
        rest = title
        session = block.get("session") or (m["n"] if (m := _SESSION_RE.search(rest)) else None)
        if session:
            values["session"] = parse_number(session)
        rest = _SESSION_RE.sub(" ", rest)
        house = block.get("house") or (m.group() if (m := _HOUSE_RE.search(rest)) else None)
        if house:
            values["house"] = house
        issue = block.get("number") or (m["n"] if (m := _ISSUE_RE.search(rest)) else None)
        ordinal = _ORDINAL_RE.search(rest)
        if issue:
            values["number"] = parse_number(issue)
        elif ordinal:
            values["number"] = parse_number(ordinal["n"])
        dated = parse_date(rest)
        if dated is not None:
            if "date" not in values and dated.date is not None:
                values["date"], values["date_raw"] = dated.date, dated.raw
            rest = rest[: dated.start] + " " + rest[dated.end :]
        body = block.get("body")
        if body is None:
            body = _ERA_YEAR_PREFIX_RE.sub("", rest.strip())
            body = _HOUSE_RE.sub(" ", _ISSUE_RE.sub(" ", _ORDINAL_RE.sub(" ", body)))
            body = _DOC_WORD_RE.sub("", body.strip())
        body = _DOC_WORD_RE.sub("", _SPACES_RE.sub(" ", body).strip()).strip()
        # 令和 7年第1回定例会（第1日 2月14日） names a sitting, not a body: facts may tell it
        values["body"] = None if _SITTING_ONLY_RE.match(body) else body or None

    def _date(self, raw: str, block: Block, diagnose: Diagnose) -> None:
        """The first date field gives the date; any of them may give the times."""
        found = parse_date(raw)
        rest = raw
        if found is not None:
            if "date" not in self.values:
                self.values["date_raw"] = found.raw
                if found.date is None:
                    diagnose("warning", "impossible-date", found.problem or found.raw, block.span)
                else:
                    self.values["date"] = found.date
            rest = raw[found.end :]
        self._times(rest)

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
        for name in _FACT_FIELDS:
            found = self.facts.get(name)
            if not found or values.get(name) is not None:
                continue
            if name == "house":
                values[name] = collections.Counter(found).most_common(1)[0][0]
            elif name in ("number", "session"):
                values[name] = parse_number(found[0])
            else:
                values[name] = found[0]
        self._times_from_events(events, first_turn)
        if "date" not in values and source_name:
            named = _NAME_DATE_RE.search(source_name)
            if named:
                try:
                    values["date"] = dt.date(int(named["y"]), int(named["m"]), int(named["d"]))
                    diagnose(
                        "info",
                        "date-from-source-name",
                        f"no date in the text; {named.group()} taken from the source name",
                        None,
                    )
                except ValueError:
                    pass
        date = values.get("date")
        if values.get("house") and values.get("session") is None and isinstance(date, dt.date):
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
        return Meeting.model_validate(values)

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
