"""The parser: blocks → a validated :class:`~gijiroku.models.Minutes`, collecting diagnostics.

It reads only :class:`~gijiroku.blocks.Block` fields, never a format module, in three passes:

1. the header: header fields give the meeting's title, date, times and venue; roster
   lines give members (attendance from the heading they stand under);
2. the body: headings open sections; a label opens a turn, which runs to the next label or
   heading; notes inside a turn stay in its text and are listed in its ``notes``; notes
   about the meeting's course (開始, 終了 …) become events; text after a heading with no new
   label opens a new turn by the same speaker;
3. speakers are resolved against the roster (:mod:`gijiroku.resolve`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from gijiroku.blocks import Block, BlockKind
from gijiroku.dates import parse_date, parse_number, parse_time, parse_time_range
from gijiroku.models import (
    Attendance,
    Diagnostic,
    Event,
    HeaderField,
    Meeting,
    Member,
    Minutes,
    Note,
    PageMarker,
    Section,
    Source,
    Span,
    Speaker,
    Utterance,
)
from gijiroku.names import CHAIR_ROLES, POSITION_WORDS, is_office, split_person, strip_honorific
from gijiroku.normalize import clean_text, compact
from gijiroku.notes import EVENT_KINDS, classify_note, find_inline_notes
from gijiroku.resolve import LabelParts, MemberDraft, Roster, analyze_label

__all__ = ["parse_blocks"]

_POSITIONS = frozenset(POSITION_WORDS)
#: Words in a roster heading's parentheses that describe the list, not a group.
_LIST_ANNOTATION_RE = regex.compile(
    r"[／/・、,，]?\s*(?:五十音順|敬称略|順不同|名簿順|役職順|席次順)"
)
_ERA_YEAR_PREFIX_RE = regex.compile(
    r"^(?:令和|平成|昭和|大正|明治)\s*(?:元|[0-9０-９]+|[一二三四五六七八九十]+)\s*年度?\s*"
)
_ORDINAL_RE = regex.compile(
    r"[（(]?\s*第\s*(?P<n>[0-9０-９]+|[〇一二三四五六七八九十百]+)\s*回\s*[)）]?"
)
_DOC_WORD_RE = regex.compile(
    r"(?:議事録|会議録|議事要旨|議事概要|会議概要|会議要旨|要旨|概要|記録|速記録)$"
)
_SECTION_NUMBER_RE = regex.compile(
    r"^(?:議題|日程|議案|報告|案件|協議事項|審議事項)?\s*(?:第\s*)?[（(]?\s*"
    r"(?P<n>[0-9０-９]+|[一二三四五六七八九十]+)\s*(?:[)）]|号|[.．、]|\s)"
)


@dataclass(slots=True)
class _TurnDraft:
    """An utterance being assembled from its blocks."""

    speaker: LabelParts
    section_id: str | None
    first: Span
    last: Span
    continued: bool = False
    paragraphs: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    length: int = 0

    @property
    def span(self) -> Span:
        """From the first block's start to the last block's end."""
        return self.first.model_copy(update={"end": self.last.end, "line_end": self.last.line_end})

    def add(self, text: str, span: Span, *, note_kind: str | None = None) -> None:
        """Append a paragraph; a stand-alone note is one whole paragraph of ``note_kind``."""
        self.last = span
        if not text:
            return
        offset = self.length + (1 if self.paragraphs else 0)
        if note_kind is not None:
            self.notes.append(Note(kind=note_kind, text=text, start=offset, end=offset + len(text)))
        else:
            for found in find_inline_notes(text):
                self.notes.append(
                    Note(
                        kind=found.kind,
                        text=text[found.start : found.end],
                        start=offset + found.start,
                        end=offset + found.end,
                    )
                )
        self.paragraphs.append(text)
        self.length = offset + len(text)


@dataclass(slots=True)
class _State:
    """Everything the parser collects while it walks the blocks."""

    text: str
    blocks: Sequence[Block]
    header: list[HeaderField] = field(default_factory=list)
    members: list[MemberDraft] = field(default_factory=list)
    member_spans: dict[str, Span] = field(default_factory=dict)
    member_entries: dict[str, str] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    turns: list[_TurnDraft] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    pages: list[PageMarker] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def diagnose(
        self, severity: str, code: str, message: str, span: Span | None, text: str | None = None
    ) -> None:
        where = f"line {span.line_start}: " if span is not None else ""
        self.diagnostics.append(
            Diagnostic.model_validate(
                {
                    "severity": severity,
                    "code": code,
                    "message": where + message,
                    "span": span,
                    "text": text,
                }
            )
        )


# -- header -----------------------------------------------------------------------------------


def _known_titles(blocks: Sequence[Block]) -> set[str]:
    """Titles the document uses on their own as labels (情報政策課長, 座長 …)."""
    titles: set[str] = set()
    for block in blocks:
        if block.kind is BlockKind.TURN and block.get("label"):
            parts = analyze_label(block.fields["label"])
            if parts.name is None and parts.role:
                titles.add(parts.role)
    return titles


def _roster_heading_group(key: str) -> str | None:
    """The group a roster heading names: 出席者（仙台市情報化推進会議委員／五十音順） → …委員."""
    inner = regex.search(r"[（(](?P<g>[^（()）]+)[)）]", key)
    if inner is None:
        return None
    group = _LIST_ANNOTATION_RE.sub("", inner["g"]).strip(" 　／/・")
    return clean_text(group) or None


def _member_from_entry(
    state: _State,
    entry: Block,
    *,
    group: str | None,
    attendance: str,
    known_titles: set[str],
) -> MemberDraft:
    person = entry.get("person") or ""
    name_part, _honorific = strip_honorific(compact(person))
    name: str | None
    title: str | None
    if is_office(name_part):
        name, title = None, name_part
    else:
        name, title = split_person(name_part, known_titles=known_titles, run_together=True)
    roles: list[str] = []
    affiliation = None
    paren = entry.get("paren")
    if paren:
        paren_clean = compact(paren)
        if paren_clean in _POSITIONS or paren_clean in CHAIR_ROLES:
            roles.append(paren_clean)
        else:
            affiliation = clean_text(paren)
    if entry.get("roles"):
        roles += [r for r in entry.fields["roles"].split("|") if r]
    member = MemberDraft(
        id=f"m{len(state.members) + 1}",
        name=name,
        title=title,
        group=clean_text(entry.get("group") or "") or group,
        roles=roles,
        attendance=_attendance(entry.get("attendance") or attendance),
        affiliation=affiliation,
    )
    state.members.append(member)
    state.member_spans[member.id] = entry.span
    state.member_entries[member.id] = clean_text(entry.text_of(state.text))
    return member


def _attendance(value: str | None) -> Attendance:
    if value == "present":
        return "present"
    if value == "absent":
        return "absent"
    return "unknown"


def _read_header(state: _State, meeting: dict[str, object], known_titles: set[str]) -> None:
    """Header fields, rosters, and values printed on the lines under a bare key (１ 開催日時)."""
    attendance: Attendance = "unknown"
    group: str | None = None
    open_field: str | None = None  # a key printed with no value: the next lines hold it
    for block in state.blocks:
        if block.kind is BlockKind.HEADER:
            name = block.get("name")
            key = block.get("key")
            value = block.get("value") or ""
            if open_field is not None and name == open_field and not value:
                name, key, value = open_field, None, block.text_of(state.text)
            state.header.append(
                HeaderField(
                    key=compact(key) if key else None,
                    name=name,
                    value=clean_text(value),
                    span=block.span,
                )
            )
            if name in ("attendees", "absentees"):
                attendance = "present" if name == "attendees" else "absent"
                group = _roster_heading_group(key or "")
            _apply_header_field(state, meeting, name, block.span, value)
            if key is not None:
                open_field = name if name and not value.strip() else None
        elif block.kind is BlockKind.ROSTER:
            state.header.append(
                HeaderField(
                    key=None,
                    name="roster",
                    value=clean_text(block.text_of(state.text)),
                    span=block.span,
                )
            )
            roster_group = clean_text(block.get("group") or "") or group
            if block.rule == "office":
                roster_group = clean_text(block.get("group") or "") or None
            for entry in block.children:
                if entry.kind is BlockKind.MEMBER:
                    _member_from_entry(
                        state,
                        entry,
                        group=roster_group,
                        attendance=attendance,
                        known_titles=known_titles,
                    )
        elif block.kind is BlockKind.UNMATCHED and block.get("region") == "header":
            raw = block.fields["text"]
            if open_field is not None:
                state.header.append(
                    HeaderField(key=None, name=open_field, value=clean_text(raw), span=block.span)
                )
                _apply_header_field(state, meeting, open_field, block.span, raw)
                continue
            state.diagnose(
                "warning",
                "unmatched-header-line",
                f"header line not understood: {raw[:40]!r}",
                block.span,
                clean_text(raw),
            )


def _apply_header_field(
    state: _State, meeting: dict[str, object], name: str | None, span: Span, raw: str
) -> None:
    if not raw.strip():
        return
    if name == "title" and "title" not in meeting:
        title = clean_text(raw)
        meeting["title"] = title
        ordinal = _ORDINAL_RE.search(title)
        if ordinal:
            meeting["number"] = parse_number(ordinal["n"])
        body = _DOC_WORD_RE.sub("", compact(title))
        body = _ORDINAL_RE.sub("", _ERA_YEAR_PREFIX_RE.sub("", body))
        meeting["body"] = _DOC_WORD_RE.sub("", body) or None
    elif name in ("datetime", "date") and "date" not in meeting:
        found = parse_date(raw)
        if found is not None:
            meeting["date_raw"] = found.raw
            if found.date is None:
                state.diagnose("warning", "impossible-date", found.problem or found.raw, span)
            else:
                meeting["date"] = found.date
            rest = raw[found.end :]
        else:
            rest = raw
        start, end = parse_time_range(rest)
        if start:
            meeting.setdefault("start_time", start)
        if end:
            meeting.setdefault("end_time", end)
    elif name == "time":
        start, end = parse_time_range(raw)
        if start:
            meeting.setdefault("start_time", start)
        if end:
            meeting.setdefault("end_time", end)
    elif name == "venue" and "venue" not in meeting:
        meeting["venue"] = clean_text(raw) or None


# -- body -------------------------------------------------------------------------------------


def _section_number(title: str) -> int | None:
    match = _SECTION_NUMBER_RE.match(compact(title) + " ")
    return parse_number(match["n"]) if match else None


def _add_event(state: _State, block: Block, kind: str, raw: str) -> None:
    state.events.append(
        Event(
            id=f"e{len(state.events) + 1}",
            kind=kind,
            time=parse_time(raw),
            text=clean_text(raw),
            span=block.span,
        )
    )


def _read_body(state: _State, known_titles: set[str]) -> None:
    section_id: str | None = None
    current: _TurnDraft | None = None
    last_speaker: LabelParts | None = None
    for block in state.blocks:
        for child in block.children:
            if child.kind is BlockKind.PAGE:
                _add_page(state, child)
        kind = block.kind
        if kind is BlockKind.PAGE:
            _add_page(state, block)
        elif kind is BlockKind.SECTION:
            current = None
            title = clean_text(block.fields.get("title", ""))
            section = Section(
                id=f"s{len(state.sections) + 1}",
                number=_section_number(title),
                title=title,
                level=int(block.get("level") or 1),
                heading=clean_text(block.text_of(state.text)),
                span=block.span,
            )
            state.sections.append(section)
            section_id = section.id
        elif kind is BlockKind.TURN:
            parts = analyze_label(
                block.fields.get("label", ""),
                block.get("pname"),
                mark=block.get("mark"),
                known_titles=known_titles,
            )
            current = _TurnDraft(parts, section_id, block.span, block.span)
            state.turns.append(current)
            last_speaker = parts
            current.add(clean_text(block.get("text") or ""), block.span)
            _collect_mentions(state, block)
        elif kind is BlockKind.CONTINUATION:
            text = clean_text(block.fields.get("text", ""))
            if current is None and last_speaker is not None:
                current = _TurnDraft(
                    last_speaker, section_id, block.span, block.span, continued=True
                )
                state.turns.append(current)
            if current is None:
                state.diagnose(
                    "warning",
                    "text-without-speaker",
                    f"text before any speaker label: {text[:40]!r}",
                    block.span,
                    text,
                )
            else:
                current.add(text, block.span)
            _collect_mentions(state, block)
        elif kind is BlockKind.NOTE:
            raw = block.fields.get("text", "")
            note_kind = block.get("kind") or classify_note(raw)
            if note_kind in EVENT_KINDS or current is None:
                _add_event(state, block, note_kind, raw)
            else:
                current.add(clean_text(raw), block.span, note_kind=note_kind)
        elif kind is BlockKind.UNMATCHED and block.get("region") != "header":
            text = clean_text(block.fields.get("text", ""))
            state.diagnose(
                "warning", "unmatched-text", f"text not understood: {text[:40]!r}", block.span, text
            )


def _add_page(state: _State, block: Block) -> None:
    number = block.get("number")
    state.pages.append(
        PageMarker(
            number=int(number) if number else None,
            text=clean_text(block.text_of(state.text)),
            span=block.span,
        )
    )


def _collect_mentions(state: _State, block: Block) -> None:
    """Members named in running text (本日欠席の熊谷委員) join the roster."""
    for child in block.children:
        if child.kind is not BlockKind.MEMBER:
            continue
        name, title = split_person(strip_honorific(compact(child.get("person") or ""))[0])
        if name is None:
            continue
        existing = next((m for m in state.members if m.name == name), None)
        attendance = _attendance(child.get("attendance"))
        if existing is not None:
            if existing.attendance == "unknown":
                existing.attendance = attendance
            elif existing.attendance != attendance:
                state.diagnose(
                    "info",
                    "attendance-conflict",
                    f"{name} is listed as {existing.attendance} but the text says {attendance}",
                    child.span,
                )
            continue
        member = MemberDraft(
            id=f"m{len(state.members) + 1}", name=name, title=title, attendance=attendance
        )
        state.members.append(member)
        state.member_spans[member.id] = child.span
        state.member_entries[member.id] = clean_text(child.text_of(state.text))


# -- speakers and records ---------------------------------------------------------------------


def _utterances(state: _State, roster: Roster) -> list[Utterance]:
    utterances = []
    for order, turn in enumerate(state.turns, start=1):
        parts = turn.speaker
        resolution = roster.resolve(name=parts.name, role=parts.role) if roster else None
        member_id = resolution.member_id if resolution else None
        name = parts.name
        if member_id is not None:
            member = next(m for m in state.members if m.id == member_id)
            name = member.name or name
        span = turn.span
        if resolution is not None and member_id is None and not turn.continued:
            severity = "warning" if resolution.candidates else "info"
            code = "ambiguous-speaker" if resolution.candidates else "unresolved-speaker"
            state.diagnose(severity, code, f"speaker {parts.printed}: {resolution.problem}", span)
        utterances.append(
            Utterance(
                id=f"u{order}",
                order=order,
                speaker=Speaker(label=parts.printed, name=name, role=parts.role, mark=parts.mark),
                speaker_id=member_id,
                section_id=turn.section_id,
                text="\n".join(turn.paragraphs),
                notes=tuple(turn.notes),
                continued=turn.continued,
                span=span,
            )
        )
    return utterances


def _members(state: _State) -> list[Member]:
    return [
        Member(
            id=m.id,
            name=m.name,
            title=m.title,
            group=m.group,
            roles=tuple(m.roles),
            attendance=m.attendance,
            seat=m.seat,
            affiliation=m.affiliation,
            entry=state.member_entries[m.id],
            span=state.member_spans[m.id],
        )
        for m in state.members
    ]


def parse_blocks(
    blocks: Sequence[Block],
    *,
    text: str,
    source_name: str | None = None,
    format_name: str,
    encoding: str = "unicode",
    sha256: str | None = None,
    line_count: int | None = None,
) -> Minutes:
    """Build :class:`Minutes` from the tokenizer's blocks of ``text``."""
    state = _State(text=text, blocks=blocks)
    known_titles = _known_titles(blocks)
    meeting: dict[str, object] = {}
    _read_header(state, meeting, known_titles)
    _read_body(state, known_titles)
    roster = Roster(state.members)
    utterances = _utterances(state, roster)
    for event in state.events:
        if event.kind == "start" and event.time:
            meeting.setdefault("start_time", event.time)
        elif event.kind == "end" and event.time:
            meeting.setdefault("end_time", event.time)
    if not utterances and not state.header and text.strip():
        state.diagnose("warning", "no-structure", "no header and no speaker turns found", None)
    source = Source(
        name=source_name,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=encoding,
        format=format_name,
        chars=len(text),
        lines=line_count if line_count is not None else text.count("\n") + 1,
    )
    return Minutes(
        source=source,
        meeting=Meeting.model_validate(meeting),
        header=tuple(state.header),
        members=tuple(_members(state)),
        sections=tuple(state.sections),
        utterances=tuple(utterances),
        events=tuple(state.events),
        page_markers=tuple(state.pages),
        diagnostics=tuple(sorted(state.diagnostics, key=_diagnostic_order)),
    )


def _diagnostic_order(d: Diagnostic) -> tuple[int, str]:
    return (d.span.start if d.span is not None else -1, d.code)
