"""The parser: blocks → a validated :class:`~gijiroku.models.Minutes`, collecting diagnostics.

It reads only :class:`~gijiroku.blocks.Block` fields, never a format module. One walk over
the blocks, in document order:

- header fields give the meeting's title, date, times and venue (:mod:`gijiroku.meeting`);
  roster lines give members and membership changes (:mod:`gijiroku.rosters`);
- headings open sections; agenda items listed in the header become sections too;
- a label opens a turn, which runs to the next label or heading; notes inside a turn stay in
  its text and are listed in its ``notes``; notes about the meeting's course (開始, 散会 …)
  become events; text after a heading with no new label opens a new turn by the same speaker;
- page numbers and rule lines go to ``layout``; the closing signature block (署名) goes to
  ``signatures``; what nobody understood becomes a diagnostic.

Then speakers are resolved against the roster (:mod:`gijiroku.resolve`), following changes
of the chair in document order; a turn marked ``enrol`` whose label names someone the roster
lacks adds that speaker to the members.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import regex

from gijiroku.blocks import Block, BlockKind
from gijiroku.dates import parse_date, parse_number, parse_time
from gijiroku.meeting import MeetingBuilder
from gijiroku.models import (
    Attendance,
    Diagnostic,
    Event,
    HeaderField,
    Item,
    LayoutMark,
    Member,
    Minutes,
    Note,
    Section,
    Severity,
    Signature,
    Signer,
    Source,
    Span,
    Speaker,
    Utterance,
    in_document_order,
    slim,
)
from gijiroku.names import CHAIR_ROLES, split_person, strip_honorific
from gijiroku.normalize import clean_text, compact
from gijiroku.notes import EVENT_KINDS, InlineNote, classify_note, find_inline_notes
from gijiroku.resolve import LabelParts, Roster, analyze_label
from gijiroku.rosters import MemberDraft, RosterBuilder

__all__ = ["parse_blocks"]

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
    enrol: bool = False
    label_span: Span | None = None
    paragraphs: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    length: int = 0

    @property
    def span(self) -> Span:
        """From the first block's start to the last block's end."""
        return self.first.through(self.last)

    def add(self, text: str, span: Span, *, note_kind: str | None = None) -> None:
        """Append a paragraph; a stand-alone note is one whole paragraph of ``note_kind``."""
        self.last = span
        if not text:
            return
        offset = self.length + (1 if self.paragraphs else 0)
        inline = find_inline_notes(text)
        if note_kind is not None and not _several_notes(text, inline):
            self.notes.append(Note(kind=note_kind, text=text, start=offset, end=offset + len(text)))
        else:
            for found in inline:
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


_WHITE_RE = regex.compile(r"\s")


def _several_notes(text: str, inline: Sequence[InlineNote]) -> bool:
    """A note paragraph made of several notes (〔議員村川みどり君登壇〕（拍手）): list each one."""
    return len(inline) > 1 and not _WHITE_RE.sub(
        "", "".join(text[a.end : b.start] for a, b in itertools.pairwise(inline))
    )


@dataclass(slots=True)
class _SignatureDraft:
    """The closing signature block being read line by line."""

    first: Span
    last: Span
    lines: list[str] = field(default_factory=list)
    statement: str | None = None
    date_raw: str | None = None
    signers: list[tuple[str | None, str | None, str, Span]] = field(default_factory=list)


@dataclass(slots=True)
class _ItemDraft:
    """An item of summary minutes being assembled (continuation lines join it)."""

    kind: str
    text: str
    owner: str | None
    indent: int
    depth: int
    span: Span

    def build(self) -> Item:
        kind = self.kind if self.kind in ("bullet", "paragraph", "decision", "todo") else "bullet"
        return Item.model_validate(
            {
                "kind": kind,
                "text": self.text,
                "owner": self.owner,
                "depth": self.depth,
                "span": self.span,
            }
        )


@dataclass(slots=True)
class _State:
    """Everything the parser collects while it walks the blocks."""

    text: str
    blocks: Sequence[Block]
    meeting: MeetingBuilder
    rosters: RosterBuilder
    known_titles: set[str]
    header: list[HeaderField] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    turns: list[_TurnDraft] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    layout: list[LayoutMark] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    section_id: str | None = None
    labels: dict[tuple[str, str | None, str | None], LabelParts] = field(default_factory=dict)
    items: dict[str, list[_ItemDraft]] = field(default_factory=dict)
    current: _TurnDraft | None = None
    last_speaker: LabelParts | None = None
    open_field: str | None = None
    signatures: list[_SignatureDraft] = field(default_factory=list)
    signing: bool = False

    def diagnose(
        self,
        severity: Severity,
        code: str,
        message: str,
        span: Span | None,
        text: str | None = None,
    ) -> None:
        where = f"line {span.line_start}: " if span is not None else ""
        self.diagnostics.append(
            Diagnostic(severity=severity, code=code, message=where + message, span=span, text=text)
        )


def _known_titles(blocks: Sequence[Block]) -> set[str]:
    """Titles the document uses on their own as labels (情報政策課長, 座長 …)."""
    titles: set[str] = set()
    for label in {b.fields["label"] for b in blocks if b.kind is BlockKind.TURN and b.get("label")}:
        parts = analyze_label(label)
        if parts.name is None and parts.role:
            titles.add(parts.role)
    return titles


# -- header -----------------------------------------------------------------------------------


def _header_field(state: _State, block: Block) -> None:
    name = block.get("name")
    key = block.get("key")
    value = block.get("value") or ""
    if state.open_field is not None and name == state.open_field and not value:
        name, key, value = state.open_field, None, block.text_of(state.text)
    state.header.append(
        HeaderField(
            key=compact(key) if key else None,
            name=name,
            value=clean_text(value if key is not None else value or block.text_of(state.text)),
            span=block.span,
        )
    )
    rosters = state.rosters
    if name in ("attendees", "absentees"):
        rosters.heading_from_key(key or "", name)
    elif name == "roster_heading":
        stated = block.get("attendance")
        attendance: Attendance | None = _attendance_of(stated) if stated else None
        rosters.heading(clean_text(block.fields.get("group", value)) or None, attendance)
    elif name == "changes_heading":
        rosters.start_changes()
    elif name == "change_date":
        rosters.set_change_date(value)
    elif name == "post":
        rosters.add_post(value)
    elif name == "notice" and rosters.in_changes:
        rosters.change_notice(block)
    state.meeting.header_field(name, value, block, state.diagnose)
    rosters.meeting_date = state.meeting.date
    if key is not None:
        state.open_field = name if name and not value.strip() else None


def _attendance_of(value: str) -> Attendance:
    return "present" if value == "present" else "absent" if value == "absent" else "unknown"


def _header_value_line(state: _State, block: Block) -> bool:
    """A line under a key printed alone (１ 開催日時 / 令和５年６月６日…) holds its value."""
    if state.open_field is None:
        return False
    raw = block.fields.get("text", "")
    state.header.append(
        HeaderField(key=None, name=state.open_field, value=clean_text(raw), span=block.span)
    )
    state.meeting.header_field(state.open_field, raw, block, state.diagnose)
    return True


def _agenda_item(state: _State, block: Block) -> None:
    """An agenda item listed in the header; a wrapped line continues the item above.

    A rule may decide instead of the layout heuristics: ``continues`` ``"1"`` (this line goes
    on with the item above) or ``"0"`` (a new item), ``level`` and ``number``.
    """
    title = clean_text(block.fields.get("title", ""))
    previous = state.sections[-1] if state.sections else None
    continues = block.get("continues")
    wraps = (
        previous is not None
        and previous.kind == "agenda"
        and continues != "0"
        and (continues == "1" or _wraps_agenda_item(state, block, previous, title))
    )
    if wraps and previous is not None:
        state.sections[-1] = _extended(previous, title, block.span)
        return
    level = 2 if title.startswith(("（", "(")) and state.sections else 1
    state.sections.append(
        Section(
            id=f"s{len(state.sections) + 1}",
            number=_section_number(title, block.get("number")),
            title=title,
            kind="agenda",
            level=int(block.get("level") or level),
            heading=clean_text(block.text_of(state.text)),
            span=block.span,
        )
    )


def _wraps_agenda_item(state: _State, block: Block, previous: Section, title: str) -> bool:
    """The layout says the line goes on with the item above: it comes right after it and
    closes its parenthesis, or is indented deeper without starting an item of its own."""
    if block.span.line_start != previous.span.line_end + 1:
        return False
    deeper = _indent(state.text, block.span.start) > _indent(state.text, previous.span.start)
    return (
        title.startswith(("）", ")"))
        or previous.title.count("（") > previous.title.count("）")
        or (deeper and not _AGENDA_ITEM_START_RE.match(title))
    )


#: An item number printed alone, its title on the next line: 日程第１ / 　会議録署名議員の指名.
_BARE_ITEM_NUMBER_RE = regex.compile(
    r"^(?:追加)?(?:日程)?第[\s\u3000]*(?:[0-9０-９]+|[一二三四五六七八九十]+)$"
)


#: A line that starts an item of its own (joined with a space when it continues a group).
_ITEM_START_RE = regex.compile(r"^(?:追加)?日程第")


def _extended(section: Section, title: str, span: Span) -> Section:
    """``section`` with a line that goes on with it: a wrapped title, the title under a bare
    item number (日程第１ / 会議録署名議員の指名: the number is already ``number``), the end
    of a range (日程第１…～ / 日程第３…), or the next item of a group taken up together."""
    head = section.title
    if _BARE_ITEM_NUMBER_RE.match(head):
        head = ""
    joiner = (
        "\u3000" if head and (head.endswith(("～", "〜")) or _ITEM_START_RE.match(title)) else ""
    )
    return section.model_copy(
        update={
            "title": head + joiner + title,
            "span": section.span.through(span),
        }
    )


def _indent(text: str, offset: int) -> int:
    """How many characters of white space precede ``offset`` on its line."""
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return offset - line_start


_AGENDA_ITEM_START_RE = regex.compile(
    r"^(?:[（(]|○|第[一二三四五六七八九十〇0-9]+|[一二三四五六七八九十]+、|日程第)"
)


# -- body -------------------------------------------------------------------------------------


def _section_number(title: str, printed: str | None = None) -> int | None:
    """The section's number: the one a rule found (``number``), else read from the title."""
    if printed:
        return parse_number(compact(printed))
    match = _SECTION_NUMBER_RE.match(compact(title) + " ")
    return parse_number(match["n"]) if match else None


def _heading(state: _State, block: Block) -> None:
    """A heading in the proceedings opens a section; with ``continues`` ``"1"`` the line goes
    on with the heading above (a wrapped title, the end of a range 日程第１…～日程第３)."""
    state.current = None
    title = clean_text(block.fields.get("title", ""))
    previous = state.sections[-1] if state.sections else None
    if block.get("continues") == "1" and previous is not None and previous.id == state.section_id:
        state.sections[-1] = _extended(previous, title, block.span)
        return
    section = Section(
        id=f"s{len(state.sections) + 1}",
        number=_section_number(title, block.get("number")),
        title=title,
        level=int(block.get("level") or 1),
        heading=clean_text(block.text_of(state.text)),
        owner=block.get("owner"),
        tags=tuple(t for t in (block.get("tags") or "").split("|") if t),
        span=block.span,
    )
    state.sections.append(section)
    state.section_id = section.id


def _item(state: _State, block: Block) -> None:
    """A bullet or paragraph of summary minutes: nest it, or join it to the item above."""
    if state.section_id is None:
        preamble = Section(id=f"s{len(state.sections) + 1}", kind="preamble", title="", level=0,
                           heading="", span=block.span)  # fmt: skip
        state.sections.append(preamble)
        state.section_id = preamble.id
    items = state.items.setdefault(state.section_id, [])
    text = clean_text(block.fields.get("text", ""))
    indent = int(block.get("indent") or 0)
    marker = block.get("marker")
    previous = items[-1] if items else None
    if marker is None and previous is not None and indent > previous.indent:
        previous.text = f"{previous.text}\n{text}" if previous.text else text
        previous.span = previous.span.through(block.span)
        return
    depth = 0
    kind = block.get("kind") or "bullet"
    for earlier in reversed(items):
        if earlier.indent < indent:
            depth = earlier.depth + 1
            if earlier.kind == "todo" and _TODO_ONLY_RE.match(earlier.text):
                kind = "todo"  # the bullets under an empty "TODO:" are the to-dos
            break
    items.append(_ItemDraft(kind, text, block.get("owner"), indent, depth, block.span))


_TODO_ONLY_RE = regex.compile(r"(?i)^\**\s*(?:todo|to-do|宿題)\s*\**\s*[:：]?\s*\**\s*$")


def _turn(state: _State, block: Block) -> None:
    key = (block.fields.get("label", ""), block.get("pname"), block.get("mark"))
    parts = state.labels.get(key)
    if parts is None:  # a label is printed many times: read each one once
        parts = analyze_label(key[0], key[1], mark=key[2], known_titles=state.known_titles)
        state.labels[key] = parts
    state.current = _TurnDraft(
        parts,
        state.section_id,
        block.span,
        block.span,
        enrol=bool(block.get("enrol")),
        label_span=_label_span(state, block),
    )
    state.turns.append(state.current)
    state.last_speaker = parts
    state.current.add(clean_text(block.get("text") or ""), block.span)


def _continuation(state: _State, block: Block) -> None:
    text = clean_text(block.fields.get("text", ""))
    if state.current is None and state.last_speaker is not None:
        state.current = _TurnDraft(
            state.last_speaker, state.section_id, block.span, block.span, continued=True
        )
        state.turns.append(state.current)
    if state.current is None:
        state.diagnose(
            "warning",
            "text-without-speaker",
            f"text before any speaker label: {text[:40]!r}",
            block.span,
            text,
        )
    else:
        state.current.add(text, block.span)


def _add_event(state: _State, kind: str, raw: str, span: Span) -> None:
    """A note about the meeting's course (開会, 休憩 …) as an event, with its time."""
    state.events.append(
        Event(
            id=f"e{len(state.events) + 1}",
            kind=kind,
            time=parse_time(raw),
            text=clean_text(raw),
            span=span,
        )
    )


def _note(state: _State, block: Block) -> None:
    raw = block.fields.get("text", "")
    kind = block.get("kind") or classify_note(raw)
    if kind in EVENT_KINDS or state.current is None:
        _add_event(state, kind, raw, block.span)
    else:
        state.current.add(clean_text(raw), block.span, note_kind=kind)


def _signature(state: _State, block: Block) -> None:
    """A line of the closing signature block: it ends the last turn and joins the block
    above when nothing came between them."""
    state.current = None
    if not state.signing or not state.signatures:
        state.signatures.append(_SignatureDraft(block.span, block.span))
        state.signing = True
    draft = state.signatures[-1]
    draft.last = block.span
    text = clean_text(block.text_of(state.text))
    draft.lines.append(text)
    if block.get("statement") and draft.statement is None:
        draft.statement = clean_text(block.fields["statement"])
    if block.get("date") and draft.date_raw is None:
        draft.date_raw = clean_text(block.fields["date"])
    if block.get("role") or block.get("name"):
        role, name = compact(block.get("role") or ""), compact(block.get("name") or "")
        draft.signers.append((role or None, name or None, text, block.span))


def _layout(
    state: _State, block: Block, kind: Literal["page", "separator", "running_header"]
) -> None:
    number = block.get("number")
    state.layout.append(
        LayoutMark(
            kind=kind,
            number=int(number) if number else None,
            text=clean_text(block.text_of(state.text)),
            span=block.span,
        )
    )


def _mention(state: _State, child: Block) -> None:
    """Members named in running text (本日欠席の熊谷委員) join the roster."""
    name, title = split_person(strip_honorific(compact(child.get("person") or ""))[0])
    if name is None:
        return
    members = state.rosters.members
    existing = state.rosters.by_name.get(name)
    attendance = child.get("attendance")
    if existing is not None:
        if existing.attendance == "unknown" and attendance in ("present", "absent"):
            existing.attendance = "present" if attendance == "present" else "absent"
        elif attendance and existing.attendance != attendance:
            state.diagnose(
                "info",
                "attendance-conflict",
                f"{name} is listed as {existing.attendance} but the text says {attendance}",
                child.span,
            )
        return
    state.rosters.add(
        MemberDraft(
            id=f"m{len(members) + 1}",
            name=name,
            title=title,
            attendance="absent" if attendance == "absent" else "unknown",
            entry=clean_text(child.text_of(state.text)),
            span=child.span,
        )
    )


def _children(state: _State, block: Block) -> None:
    for child in block.children:
        if child.kind is BlockKind.PAGE:
            _layout(state, child, "page")
        elif child.kind is BlockKind.RUNNING_HEADER:
            _layout(state, child, "running_header")
        elif child.kind is BlockKind.MEMBER and block.kind is not BlockKind.ROSTER:
            _mention(state, child)
        elif child.kind is BlockKind.HEADER and child.get("fact"):
            state.meeting.fact(child.fields["fact"], clean_text(child.get("value") or ""))
        elif child.kind is BlockKind.SECTION:
            _taken_up(state, child)
        elif child.kind is BlockKind.NOTE:
            _event_in_text(state, child)


def _taken_up(state: _State, child: Block) -> None:
    """The chair takes up an item in a speech (日程第１　会議録署名議員の指名について。,
    日程第２、議案第１号から日程第７、…までを一括して上程): a heading section for it, titled
    from the order of the day when it lists the item; the turn and those after it fall under
    it. A heading printed for the same item just before needs no second section."""
    number = _section_number("", child.get("number"))
    current = next((s for s in state.sections if s.id == state.section_id), None)
    if number is None or (current is not None and current.number == number):
        return
    listed = {s.number: s.title for s in state.sections if s.kind == "agenda" and s.level == 1}
    title = listed.get(number) or clean_text(child.get("title") or child.text_of(state.text))
    last = _section_number("", child.get("last")) if child.get("last") else None
    if last is not None and last in listed:
        title = f"{title}\u3000～\u3000{listed[last]}"
    section = Section(
        id=f"s{len(state.sections) + 1}",
        number=number,
        title=title,
        heading=clean_text(child.text_of(state.text)),
        span=child.span,
    )
    state.sections.append(section)
    state.section_id = section.id
    if state.current is not None:
        state.current.section_id = section.id


def _event_in_text(state: _State, child: Block) -> None:
    """A note of the meeting's course inside a speech (…閉会いたします。（11時10分閉会）): it
    stays in the text and is an event too."""
    raw = child.fields.get("text", "")
    kind = child.get("kind") or classify_note(raw)
    if kind in EVENT_KINDS:
        _add_event(state, kind, raw, child.span)


def _walk(state: _State) -> None:
    for block in state.blocks:
        state.meeting.facts_of(block)
        kind = block.kind
        if kind not in (BlockKind.SIGNATURE, BlockKind.PAGE):
            state.signing = False
        if kind is BlockKind.SIGNATURE:
            _signature(state, block)
        elif kind is BlockKind.HEADER:
            _header_field(state, block)
        elif kind is BlockKind.ROSTER:
            state.header.append(
                HeaderField(
                    key=None,
                    name="roster",
                    value=clean_text(block.text_of(state.text)),
                    span=block.span,
                )
            )
            state.rosters.roster_line(block)
        elif kind is BlockKind.SECTION and block.get("agenda"):
            _agenda_item(state, block)
        elif kind is BlockKind.SECTION:
            _heading(state, block)
        elif kind is BlockKind.TURN:
            _turn(state, block)
        elif kind is BlockKind.ITEM:
            _item(state, block)
        elif kind is BlockKind.CONTINUATION:
            _continuation(state, block)
        elif kind is BlockKind.NOTE:
            _note(state, block)
        elif kind is BlockKind.PAGE:
            _layout(state, block, "page")
        elif kind is BlockKind.RUNNING_HEADER:
            _layout(state, block, "running_header")
        elif kind is BlockKind.SEPARATOR:
            _layout(state, block, "separator")
            state.rosters.end_of_list(sublist=bool(block.get("sublist")))
            state.open_field = None
        elif kind is BlockKind.UNMATCHED:
            if block.get("region") == "header":
                if not _header_value_line(state, block):
                    raw = block.fields.get("text", "")
                    state.diagnose(
                        "warning",
                        "unmatched-header-line",
                        f"header line not understood: {raw[:40]!r}",
                        block.span,
                        clean_text(raw),
                    )
            else:
                text = clean_text(block.fields.get("text", ""))
                state.diagnose(
                    "warning",
                    "unmatched-text",
                    f"text not understood: {text[:40]!r}",
                    block.span,
                    text,
                )
        _children(state, block)


# -- speakers and records ---------------------------------------------------------------------


def _utterances(state: _State, roster: Roster) -> list[Utterance]:
    printed_roster = bool(roster)
    by_id = {m.id: m for m in state.rosters.members}
    utterances = []
    speakers: dict[
        tuple[str, str | None, str | None, str | None, int | None, str | None], Speaker
    ] = {}
    for order, turn in enumerate(state.turns, start=1):
        parts = turn.speaker
        resolution = (
            roster.resolve(name=parts.name, role=parts.role, hint=parts.hint, seat=parts.seat)
            if roster
            else None
        )
        member_id = resolution.member_id if resolution else None
        if (
            member_id is None
            and turn.enrol
            and parts.name
            and not turn.continued
            and (resolution is None or not resolution.candidates)
        ):
            # a speaker the label names in full whom no roster lists (a newly appointed
            # 教育委員, or minutes printed without a roster)
            member = state.rosters.enrol(parts, turn.label_span or turn.first)
            roster.add(member)
            by_id[member.id] = member
            member_id, resolution = member.id, None
        name, role = parts.name, parts.role
        if member_id is not None:
            member = by_id[member_id]
            name = member.name or name
            if parts.role in CHAIR_ROLES and parts.name:
                roster.presides(parts.role, member_id)
            if not parts.name and role and member.surname and role.startswith(member.surname):
                role = role[len(member.surname) :]  # 土屋＋国際大会準備担当部長: the title
        span = turn.span
        if (
            resolution is not None
            and member_id is None
            and not turn.continued
            and (printed_roster or resolution.candidates)
        ):
            ambiguous = bool(resolution.candidates)
            state.diagnose(
                "warning" if ambiguous else "info",
                "ambiguous-speaker" if ambiguous else "unresolved-speaker",
                f"speaker {parts.printed}: {resolution.problem}",
                span,
            )
        who = (parts.printed, name, role, parts.mark, parts.seat, parts.honorific)
        speaker = speakers.get(who)
        if speaker is None:  # records are frozen: one Speaker serves every turn it speaks
            speaker = speakers[who] = slim(
                Speaker(
                    label=parts.printed,
                    name=name,
                    role=role,
                    mark=parts.mark,
                    seat=parts.seat,
                    honorific=parts.honorific,
                )
            )
        utterances.append(
            slim(
                Utterance(
                    id=f"u{order}",
                    order=order,
                    speaker=speaker,
                    speaker_id=member_id,
                    section_id=turn.section_id,
                    text="\n".join(turn.paragraphs),
                    notes=tuple(turn.notes),
                    continued=turn.continued,
                    span=span,
                )
            )
        )
        for note in turn.notes:
            if note.kind == "chair_change":
                roster.chair_change(note.text)
    return utterances


def _label_span(state: _State, block: Block) -> Span:
    """Where a TURN block's label is printed (the whole block when it cannot be found)."""
    raw = block.fields.get("label", "")
    at = state.text.find(raw, block.span.start, block.span.end) if raw else -1
    if at < 0:
        return block.span
    line = block.span.line_start + state.text.count("\n", block.span.start, at)
    return Span.trusted(at, at + len(raw), line, line, block.span.page)


def _signatures(state: _State, roster: Roster) -> list[Signature]:
    """The signature blocks, each signer matched to a member by name."""
    found = []
    for draft in state.signatures:
        signers = []
        for role, name, text, span in draft.signers:
            member_id = roster.resolve(name=name, role=None).member_id if name and roster else None
            signers.append(Signer(role=role, name=name, member_id=member_id, text=text, span=span))
        dated = parse_date(draft.date_raw) if draft.date_raw else None
        found.append(
            Signature(
                statement=draft.statement,
                date=dated.date if dated else None,
                date_raw=draft.date_raw,
                signers=tuple(signers),
                text="\n".join(draft.lines),
                span=draft.first.through(draft.last),
            )
        )
    return found


def _members(members: list[MemberDraft]) -> list[Member]:
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
            entry=m.entry,
            span=m.span,
        )
        for m in members
        if m.span is not None
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
    known_titles = _known_titles(blocks)
    state = _State(
        text=text,
        blocks=blocks,
        meeting=MeetingBuilder(),
        rosters=RosterBuilder(text=text, known_titles=known_titles),
        known_titles=known_titles,
    )
    _walk(state)
    roster = Roster(state.rosters.members)
    utterances = _utterances(state, roster)
    signatures = _signatures(state, roster)
    first_turn = utterances[0].span.start if utterances else None
    meeting = state.meeting.build(state.events, first_turn, source_name, state.diagnose)
    if not text.strip():
        state.diagnose("warning", "empty-input", "the input is empty or blank", None)
    elif not utterances and not state.header and not state.sections:
        state.diagnose("warning", "no-structure", "no header and no speaker turns found", None)
    source = Source(
        name=source_name,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=encoding,
        format=format_name,
        chars=len(text),
        lines=line_count if line_count is not None else text.count("\n") + 1,
    )
    sections = [
        s.model_copy(update={"items": tuple(i.build() for i in state.items[s.id])})
        if s.id in state.items
        else s
        for s in state.sections
    ]
    return Minutes(
        source=source,
        meeting=meeting,
        header=tuple(state.header),
        members=tuple(_members(state.rosters.members)),
        sections=tuple(sections),
        utterances=tuple(utterances),
        events=tuple(state.events),
        signatures=tuple(signatures),
        membership_changes=tuple(state.rosters.changes),
        layout=tuple(state.layout),
        diagnostics=in_document_order(state.diagnostics),
    )
