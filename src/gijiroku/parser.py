"""The parser: blocks → a validated :class:`~gijiroku.models.Minutes`, collecting diagnostics.

It reads only :class:`~gijiroku.blocks.Block` objects (their groups and typed records) and
calls the family's hooks; it never imports a family module. One walk over the blocks, in
document order, dispatched through two tables that a family may extend
(:attr:`Format.block_handlers <gijiroku.formats.base.Format.block_handlers>`,
:attr:`Format.header_handlers <gijiroku.formats.base.Format.header_handlers>`):

- header fields give the meeting's title, date, times and venue (:mod:`gijiroku.meeting`);
  roster lines give members and membership changes (:mod:`gijiroku.rosters`);
- headings open sections; agenda items listed in the header become sections too;
- a label opens a turn, which runs to the next label or heading; notes inside a turn stay in
  its text and are listed in its ``notes``; notes about the meeting's course (開始, 散会 …)
  become events; text after a heading with no new label opens a new turn by the same speaker;
- page numbers and rule lines go to ``layout``; the closing signature block (署名) goes to
  ``signatures``; what nobody understood becomes a diagnostic.

Then speakers are resolved against the roster (:mod:`gijiroku.resolve`), following changes
of the chair in document order; a turn whose record says ``enrol`` and whose label names
someone the roster lacks adds that speaker to the members.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, TypeVar

import regex

from gijiroku.blocks import (
    Block,
    BlockKind,
    BlockMeta,
    HeaderMeta,
    HeaderName,
    ItemMeta,
    LayoutMeta,
    MemberMeta,
    NoteMeta,
    OneGroup,
    Pos,
    SectionMeta,
    SeparatorMeta,
    TurnMeta,
    UnmatchedMeta,
    group_reader,
)
from gijiroku.dates import parse_date, parse_number, parse_time
from gijiroku.labels import gather_evidence
from gijiroku.meeting import HEADER_CHARS, MeetingBuilder
from gijiroku.models import (
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
    _unvalidated,
    in_document_order,
    record_maker,
    record_of,
    span_between,
    span_of,
)
from gijiroku.names import CHAIR_ROLES, split_person, strip_honorific
from gijiroku.normalize import clean_line, clean_lines, clean_text, compact
from gijiroku.notes import EVENT_KINDS, InlineNote, classify_note, find_inline_notes
from gijiroku.quality import assess, start_of_line, with_review
from gijiroku.resolve import LabelParts, Resolution, Roster
from gijiroku.rosters import MemberDraft, RosterBuilder
from gijiroku.vocabulary import AGENDA_ITEM_START_RE, SECTION_NUMBER_RE

if TYPE_CHECKING:
    from gijiroku.formats.base import Detection, Format

__all__ = ["BLOCK_HANDLERS", "HEADER_HANDLERS", "Handler", "ParseState", "parse_blocks"]

_M = TypeVar("_M", bound=BlockMeta)


def meta_of(block: Block, kind: type[_M]) -> _M:
    """The block's record as the type its kind carries (the tokenizer checked it)."""
    meta = block.meta
    if not isinstance(meta, kind):  # only a hand-made Block can get here
        raise TypeError(f"a {block.kind.value} block carries {type(meta).__name__}")
    return meta


def through(first: Pos, last: Pos) -> Pos:
    """From the start of ``first`` to the end of ``last`` (a later position)."""
    return Pos(first.start, last.end, first.line_start, last.line_end, first.page)


@dataclass(slots=True)
class _TurnDraft:
    """An utterance being assembled from its blocks: its paragraphs are kept as printed, and
    cleaned and searched for notes once the turn is complete (:meth:`text_and_notes`)."""

    speaker: LabelParts
    section_id: str | None
    first: Pos
    last: Pos
    continued: bool = False
    enrol: bool = False
    #: The label as the TURN block printed it (None for a turn continued after a heading):
    #: where it is is looked up only for the rare turn that needs it (:func:`_label_span`).
    label: str | None = None
    #: The paragraphs as printed (not yet cleaned: :func:`~gijiroku.normalize.clean_lines`
    #: cleans them in one pass), but the stand-alone notes, which come cleaned.
    paragraphs: list[str] = field(default_factory=list)
    #: The paragraphs that are stand-alone notes: their index and their kind (None for the
    #: many turns without one: no dictionary made for them).
    note_paragraphs: dict[int, str] | None = None

    @property
    def span(self) -> Pos:
        """From the first block's start to the last block's end."""
        return through(self.first, self.last)

    def add(self, text: str, span: Pos, *, note_kind: str | None = None) -> None:
        """Append a paragraph as printed; a stand-alone note is one whole paragraph of
        ``note_kind``, given cleaned."""
        self.last = span
        if text:
            if note_kind is not None:
                if self.note_paragraphs is None:
                    self.note_paragraphs = {}
                self.note_paragraphs[len(self.paragraphs)] = note_kind
            self.paragraphs.append(text)

    def text_and_notes(self) -> tuple[str, list[Note]]:
        """The turn's text (its paragraphs cleaned, those left empty left out, joined by
        ``\\n``) and the notes in it: a stand-alone note paragraph is one note (or the several
        it is made of), and the bracketed notes inside the other paragraphs are found by
        :func:`find_inline_notes`, in one pass over the text (a note never runs over a line
        break, so the pass finds what one pass per paragraph would)."""
        note_paragraphs = self.note_paragraphs
        if not note_paragraphs:
            text = clean_lines(self.paragraphs)
            inline = find_inline_notes(text)
            if inline:
                return text, [_inline_note(text, found) for found in inline]
            return text, []  # (most turns: no note at all)
        paragraphs, note_paragraphs = _cleaned_paragraphs(self.paragraphs, note_paragraphs)
        text = "\n".join(paragraphs)
        inline = find_inline_notes(text)
        notes: list[Note] = []
        k = 0
        offsets = [0, *itertools.accumulate(len(p) + 1 for p in paragraphs)]
        for index, note_kind in note_paragraphs.items():  # (in paragraph order)
            start, end = offsets[index], offsets[index + 1] - 1
            while k < len(inline) and inline[k].start < start:
                notes.append(_inline_note(text, inline[k]))
                k += 1
            inside = k
            while k < len(inline) and inline[k].start < end:
                k += 1
            paragraph = paragraphs[index]
            local = [InlineNote(n.kind, n.start - start, n.end - start) for n in inline[inside:k]]
            if _several_notes(paragraph, local):
                notes.extend(_inline_note(text, n) for n in inline[inside:k])
            else:
                notes.append(_note_record(note_kind, paragraph, start, end))
        notes += [_inline_note(text, n) for n in inline[k:]]
        return text, notes


def _cleaned_paragraphs(
    printed: list[str], note_paragraphs: dict[int, str]
) -> tuple[list[str], dict[int, str]]:
    """A turn's paragraphs cleaned (but the notes, cleaned already), those left empty left
    out, and the notes' indices among the rest."""
    paragraphs: list[str] = []
    notes: dict[int, str] = {}
    for index, paragraph in enumerate(printed):
        kind = note_paragraphs.get(index)
        if kind is not None:
            notes[len(paragraphs)] = kind
            paragraphs.append(paragraph)
        else:
            cleaned = clean_line(paragraph)
            if cleaned:
                paragraphs.append(cleaned)
    return paragraphs, notes


def _inline_note(text: str, found: InlineNote) -> Note:
    return _note_record(found.kind, text[found.start : found.end], found.start, found.end)


def _note_record(kind: str, text: str, start: int, end: int) -> Note:
    """``Note(kind=…, text=…, start=…, end=…)``, made without the validator when the values
    are as it keeps them (:func:`~gijiroku.models.record_of`)."""
    return record_of(
        Note,
        {"kind": kind, "text": text, "start": start, "end": end},
        kept=type(kind) is str
        and type(text) is str
        and type(start) is int
        and type(end) is int
        and start >= 0
        and end >= 0,
    )


_WHITE_RE = regex.compile(r"\s")


def _several_notes(text: str, inline: Sequence[InlineNote]) -> bool:
    """A note paragraph made of several notes (〔議員村川みどり君登壇〕（拍手）): list each one."""
    return len(inline) > 1 and not _WHITE_RE.sub(
        "", "".join(text[a.end : b.start] for a, b in itertools.pairwise(inline))
    )


@dataclass(slots=True)
class _SignatureDraft:
    """The closing signature block being read line by line."""

    first: Pos
    last: Pos
    lines: list[str] = field(default_factory=list)
    statement: str | None = None
    date_raw: str | None = None
    signers: list[tuple[str | None, str | None, str, Pos]] = field(default_factory=list)


@dataclass(slots=True)
class _ItemDraft:
    """An item of notes being assembled (continuation lines join it)."""

    kind: str
    text: str
    owner: str | None
    indent: int
    depth: int
    span: Pos
    heads_kind: bool = False
    #: The last line joined to it (None: the item is one line); its span runs from ``span``
    #: to there, made once, when the record is (:meth:`build`).
    last: Pos | None = None

    def build(self) -> Item:
        kind = self.kind if self.kind in ("bullet", "paragraph", "decision", "todo") else "bullet"
        owner, depth = self.owner, self.depth
        return record_of(
            Item,
            {
                "kind": kind,
                "text": self.text,
                "owner": owner,
                "depth": depth,
                "span": span_between(self.span, self.last or self.span),
            },
            kept=type(self.text) is str
            and type(kind) is str
            and (owner is None or type(owner) is str)
            and type(depth) is int
            and depth >= 0,
        )


#: A run of more adjacent lines than this with the same diagnostic (a million lines that no
#: rule reads) is reported once, with one span over the run and the lines' text; a shorter
#: run line by line.
LINE_RUN = 20


@dataclass(slots=True)
class _DiagnosticRun:
    """Diagnostics of one code on adjacent lines, gathered until the run ends: up to
    :data:`LINE_RUN` of them as reported, then the texts alone."""

    severity: Severity
    code: str
    reported: list[tuple[str, Pos | Span, str | None]]
    texts: list[str] = field(default_factory=list)
    count: int = 1
    last: Pos | Span | None = None

    def goes_on(self, severity: Severity, code: str, span: Pos | Span) -> bool:
        """A diagnostic of the same code on the line right after the run's last."""
        last = self.last if self.last is not None else self.reported[-1][1]
        return (
            code == self.code
            and severity == self.severity
            and (span.line_start == last.line_end + 1)
        )

    def add(self, message: str, span: Pos | Span, text: str | None) -> None:
        self.count += 1
        self.last = span
        if self.count <= LINE_RUN + 1:
            self.reported.append((message, span, text))
            if self.count == LINE_RUN + 1:  # a long run: keep its text, not its records
                self.texts = [t for _, _, t in self.reported if t]
        elif text:
            self.texts.append(text)

    def records(self) -> list[Diagnostic]:
        """One record per line for a short run, one for the whole of a long one."""
        if self.count <= LINE_RUN:
            return [
                Diagnostic(
                    severity=self.severity,
                    code=self.code,
                    message=f"line {span.line_start}: {message}",
                    span=span_of(span),
                    text=text,
                )
                for message, span, text in self.reported
            ]
        message, first, _ = self.reported[0]
        last = self.last if self.last is not None else first
        return [
            Diagnostic(
                severity=self.severity,
                code=self.code,
                message=f"line {first.line_start}: {message} (and the same on each of the "
                f"{self.count - 1:,} lines after it, to line {last.line_end})",
                span=Span(
                    start=first.start,
                    end=last.end,
                    line_start=first.line_start,
                    line_end=last.line_end,
                    page=first.page,
                ),
                text="\n".join(self.texts) or None,
            )
        ]


@dataclass(slots=True)
class ParseState:
    """Everything the parser collects while it walks the blocks; handlers change it.

    A family's own handlers (``Format.block_handlers``, ``Format.header_handlers``) receive it
    with the block: they may add records (``header``, ``sections``, ``events`` …) and report
    problems with :meth:`diagnose`.
    """

    text: str
    fmt: Format
    meeting: MeetingBuilder
    rosters: RosterBuilder
    known_titles: set[str]
    header: list[HeaderField] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    turns: list[_TurnDraft] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    layout: list[LayoutMark] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    run: _DiagnosticRun | None = None
    section_id: str | None = None
    labels: dict[tuple[str, str | None, str | None], LabelParts] = field(default_factory=dict)
    items: dict[str, list[_ItemDraft]] = field(default_factory=dict)
    item_parents: dict[str, list[_ItemDraft]] = field(default_factory=dict)
    current: _TurnDraft | None = None
    last_speaker: LabelParts | None = None
    open_field: HeaderName | None = None
    signatures: list[_SignatureDraft] = field(default_factory=list)
    signing: bool = False
    placeholders: set[str] = field(default_factory=set)
    block_handlers: Mapping[BlockKind, Handler] = field(default_factory=dict)
    header_handlers: Mapping[HeaderName, Handler] = field(default_factory=dict)

    def diagnose(
        self,
        severity: Severity,
        code: str,
        message: str,
        span: Pos | Span | None,
        text: str | None = None,
    ) -> None:
        """Report a problem at ``span`` (None: about the whole input); a run of the same
        problem on adjacent lines is gathered (see :data:`LINE_RUN`)."""
        run = self.run
        if run is not None and span is not None and run.goes_on(severity, code, span):
            run.add(message, span, text)
            return
        self.finish_diagnostics()
        if span is None:
            self.diagnostics.append(
                Diagnostic(severity=severity, code=code, message=message, span=None, text=text)
            )
        else:
            self.run = _DiagnosticRun(severity, code, [(message, span, text)])

    def finish_diagnostics(self) -> list[Diagnostic]:
        """The diagnostics so far, the run being gathered included."""
        if self.run is not None:
            self.diagnostics += self.run.records()
            self.run = None
        return self.diagnostics


#: A block handler: reads one block into the state.
Handler = Callable[[ParseState, Block], None]


# -- header -----------------------------------------------------------------------------------


#: Each meaning's name as the record keeps it (``HeaderName.value``, read once here: the
#: enum's attribute is a descriptor call at every header line).
_FIELD_NAMES: Mapping[HeaderName, str] = {name: name.value for name in HeaderName}


def _header_field(state: ParseState, block: Block) -> None:
    """A header line: a field of the meeting, a roster heading, a post …"""
    meta = meta_of(block, HeaderMeta)
    name = meta.name
    groups = block.groups  # (read directly: what ``block.get`` says, one call fewer a group)
    key = groups.get("key") or None
    value = groups.get("value") or ""
    if meta.value_of_key and state.open_field is not None:
        name = state.open_field
    if state.open_field is not None and name is state.open_field and not value:
        name, key, value = state.open_field, None, block.text_of(state.text)
    field_name = _FIELD_NAMES[name] if name is not None else None
    state.header.append(
        record_of(
            HeaderField,
            {
                "key": compact(key) if key else None,
                "name": field_name,
                "value": clean_text(
                    value if key is not None else value or block.text_of(state.text)
                ),
                "span": span_of(block.span),
            },
            kept=field_name is None or type(field_name) is str,
        )
    )
    handler = state.header_handlers.get(name) if name is not None else None
    if handler is not None:
        handler(state, block)
    if block.children and any(child.kind is BlockKind.MEMBER for child in block.children):
        state.rosters.roster_line(block)  # 出席者：林委員、山田委員(座長)、佐藤委員
    state.meeting.header_field(name, value, block, state.diagnose)
    state.rosters.meeting_date = state.meeting.date
    if key is not None:
        state.open_field = name if name is not None and not value.strip() else None


def _attendees_key(state: ParseState, block: Block) -> None:
    state.rosters.heading_from_key(block.get("key") or "", "present")


def _absentees_key(state: ParseState, block: Block) -> None:
    state.rosters.heading_from_key(block.get("key") or "", "absent")


def _roster_heading(state: ParseState, block: Block) -> None:
    meta = meta_of(block, HeaderMeta)
    group = meta.group if meta.group is not None else block.get("value") or ""
    state.rosters.heading(clean_text(group) or None, meta.attendance, meta.member_title)


def _changes_heading(state: ParseState, block: Block) -> None:
    state.rosters.start_changes()


def _change_date(state: ParseState, block: Block) -> None:
    state.rosters.set_change_date(block.get("value") or "")


def _post(state: ParseState, block: Block) -> None:
    state.rosters.add_post(block.get("value") or "")


def _notice(state: ParseState, block: Block) -> None:
    if state.rosters.in_changes:
        state.rosters.change_notice(block)


#: What the parser does with header lines beyond recording them, by meaning.
HEADER_HANDLERS: Mapping[HeaderName, Handler] = {
    HeaderName.ATTENDEES: _attendees_key,
    HeaderName.ABSENTEES: _absentees_key,
    HeaderName.STAFF: _attendees_key,
    HeaderName.ROSTER_HEADING: _roster_heading,
    HeaderName.CHANGES_HEADING: _changes_heading,
    HeaderName.CHANGE_DATE: _change_date,
    HeaderName.POST: _post,
    HeaderName.NOTICE: _notice,
}


_ROSTER_NAME: str = HeaderName.ROSTER.value
#: A roster line's record: every field named in order, each of the type kept (a ``str`` of
#: :func:`clean_text`, a :class:`Span`), so the names are not compared again at each line.
_roster_record = record_maker(HeaderField)


def _roster(state: ParseState, block: Block) -> None:
    state.header.append(
        _roster_record(
            {
                "key": None,
                "name": _ROSTER_NAME,
                "value": clean_text(block.text_of(state.text)),
                "span": span_of(block.span),
            }
        )
    )
    state.rosters.roster_line(block)


# -- sections ---------------------------------------------------------------------------------


def _section(state: ParseState, block: Block) -> None:
    if meta_of(block, SectionMeta).agenda:
        _agenda_item(state, block)
    else:
        _heading(state, block)


def _section_title(block: Block, meta: SectionMeta) -> str:
    return clean_text(meta.title if meta.title is not None else block.groups.get("title", ""))


#: The fields a section of the header's agenda, and a heading's, were given when the
#: validator made them: what their records say is set (the rest keeps its default).
_AGENDA_GIVEN = {"id", "kind", "number", "title", "level", "heading", "span"}
_HEADING_GIVEN = {"id", "number", "title", "level", "heading", "owner", "tags", "span"}


def _new_section(
    given: set[str],
    section_id: str,
    kind: Literal["heading", "agenda"],
    number: int | None,
    title: str,
    level: int,
    heading: str,
    owner: str | None,
    tags: tuple[str, ...],
    span: Span,
) -> Section:
    """``Section(...)`` of these values (``given``: the fields named, the others at their
    defaults), made without the validator when each value is of the type the record stores
    it as (what the handlers give: it would keep them as they are); else by the validator."""
    values: dict[str, object] = {
        "id": section_id,
        "kind": kind,
        "number": number,
        "title": title,
        "level": level,
        "heading": heading,
        "owner": owner,
        "tags": tags,
    }
    if (
        (number is None or type(number) is int)
        and type(title) is str
        and type(level) is int
        and type(heading) is str
        and (owner is None or type(owner) is str)
        and type(tags) is tuple
        and all(type(tag) is str for tag in tags)
    ):
        values["items"] = ()  # (the record's fields in their order)
        values["span"] = span
        return _unvalidated(Section, values, given)
    values["span"] = span
    return Section(**{name: value for name, value in values.items() if name in given})


def _agenda_item(state: ParseState, block: Block) -> None:
    """An agenda item listed in the header; a wrapped line continues the item above.

    The rule may decide instead of the layout heuristics: ``continues`` True (this line
    goes on with the item above) or False (a new item), ``level`` and ``number``.
    """
    meta = meta_of(block, SectionMeta)
    title = _section_title(block, meta)
    previous = state.sections[-1] if state.sections else None
    wraps = (
        previous is not None
        and previous.kind == "agenda"
        and meta.continues is not False
        and (meta.continues is True or _wraps_agenda_item(state, block, previous, title))
    )
    if wraps and previous is not None:
        state.sections[-1] = _extended(state, previous, title, block.span, meta.joiner)
        return
    level = meta.level or (2 if title.startswith(("（", "(")) and state.sections else 1)
    section = _new_section(
        _AGENDA_GIVEN,
        f"s{len(state.sections) + 1}",
        "agenda",
        _section_number(title, meta.number or block.get("number")),
        title,
        level,
        clean_text(block.text_of(state.text)),
        None,
        (),
        span_of(block.span),
    )
    state.sections.append(section)
    if meta.placeholder:
        state.placeholders.add(section.id)


def _wraps_agenda_item(state: ParseState, block: Block, previous: Section, title: str) -> bool:
    """The layout says the line goes on with the item above: it comes right after it and
    closes its parenthesis, or is indented deeper without starting an item of its own."""
    if block.span.line_start != previous.span.line_end + 1:
        return False
    return (
        title.startswith(("）", ")"))
        or previous.title.count("（") > previous.title.count("）")
        or (
            _indent(state.text, block.span.start) > _indent(state.text, previous.span.start)
            and not AGENDA_ITEM_START_RE.match(title)
        )
    )


def _extended(state: ParseState, section: Section, title: str, span: Pos, joiner: str) -> Section:
    """``section`` with a line that goes on with it, ``joiner`` between the two titles. A
    section whose title is a placeholder (an item number printed alone: its number is
    already ``number``) takes the line as its title."""
    head = section.title
    if section.id in state.placeholders:
        state.placeholders.discard(section.id)
        head = ""
    if not joiner and head.endswith(("～", "〜")):
        joiner = "\u3000"  # 日程第１…～ / 日程第３…: the end of a range
    return section.model_copy(
        update={
            "title": head + (joiner if head else "") + title,
            "span": span_between(section.span, span),
        }
    )


def _indent(text: str, offset: int) -> int:
    """How many characters of white space precede ``offset`` on its line."""
    return offset - start_of_line(text, offset)


def _section_number(title: str, printed: str | None = None) -> int | None:
    """The section's number: the one a rule found (``number``), else read from the title."""
    if printed:
        return parse_number(compact(printed))
    match = SECTION_NUMBER_RE.match(compact(title) + " ")
    return parse_number(match["n"]) if match else None


def _heading(state: ParseState, block: Block) -> None:
    """A heading in the proceedings opens a section; with ``continues`` the line goes on
    with the heading above (a wrapped title, the end of a range 日程第１…～日程第３)."""
    state.current = None
    meta = meta_of(block, SectionMeta)
    title = _section_title(block, meta)
    previous = state.sections[-1] if state.sections else None
    if meta.continues and previous is not None and previous.id == state.section_id:
        state.sections[-1] = _extended(state, previous, title, block.span, meta.joiner)
        return
    section = _new_section(
        _HEADING_GIVEN,
        f"s{len(state.sections) + 1}",
        "heading",
        _section_number(title, meta.number or block.get("number")),
        title,
        meta.level or 1,
        clean_text(block.text_of(state.text)),
        meta.owner,
        meta.tags,
        span_of(block.span),
    )
    state.sections.append(section)
    state.section_id = section.id
    if meta.placeholder:
        state.placeholders.add(section.id)


def _item(state: ParseState, block: Block) -> None:
    """A bullet or paragraph of notes: nest it, or join it to the item above."""
    section_id = state.section_id
    if section_id is None:
        preamble = Section(id=f"s{len(state.sections) + 1}", kind="preamble", title="", level=0,
                           heading="", span=span_of(block.span))  # fmt: skip
        state.sections.append(preamble)
        section_id = state.section_id = preamble.id
    meta = meta_of(block, ItemMeta)
    groups = block.groups
    text = clean_line(groups.get("text", ""))  # (a line of notes: seldom printed twice)
    indent = meta.indent
    items = state.items.get(section_id)
    if items is None:
        items = state.items[section_id] = []
    # (the indents first: most lines are bullets, and a bullet set no deeper needs no look)
    elif items and indent > items[-1].indent and not groups.get("marker"):
        previous = items[-1]  # (a line with no bullet set in deeper goes on with it)
        previous.text = f"{previous.text}\n{text}" if previous.text else text
        previous.last = block.span
        return
    depth = 0
    kind = meta.kind
    # The parent is the nearest earlier item set in less: the items that may still be one
    # are kept in a stack of rising indents (a flat list of bullets is not rescanned).
    parents = state.item_parents.get(section_id)
    if parents is None:
        parents = state.item_parents[section_id] = []
    while parents and parents[-1].indent >= indent:
        parents.pop()
    if parents:
        parent = parents[-1]
        depth = parent.depth + 1
        if parent.heads_kind:
            kind = parent.kind  # the bullets under an empty "TODO:" are to-dos
    item = _ItemDraft(kind, text, meta.owner, indent, depth, block.span, meta.heads_kind)
    items.append(item)
    parents.append(item)


# -- turns ------------------------------------------------------------------------------------


#: A TURN block's groups read at once (:func:`~gijiroku.blocks.group_reader`; "" unset).
_turn_groups = group_reader(("label", "pname", "mark", "text"))


def _turn(state: ParseState, block: Block) -> None:
    label, pname, mark, text = _turn_groups(block.groups)
    # (``or None``: what ``block.get`` gives, None for a group unset or empty)
    key = (label, pname or None, mark or None)
    parts = state.labels.get(key)
    if parts is None:  # a label is printed many times: read each one once
        parts = state.fmt.read_label(block, state.known_titles)
        state.labels[key] = parts
    span = block.span
    meta = block.meta  # (what meta_of checks, inline: a call a turn fewer)
    enrol = meta.enrol if type(meta) is TurnMeta else meta_of(block, TurnMeta).enrol
    # (the text is cleaned with the turn's other lines, at its end; what `add(text, span)`
    # on the new draft does: the paragraph, if any, is its first)
    state.current = current = _TurnDraft(
        parts,
        state.section_id,
        span,
        span,
        enrol=enrol,
        label=label,
        paragraphs=[text] if text else [],
    )
    state.turns.append(current)
    state.last_speaker = parts


def _continuation(state: ParseState, block: Block) -> None:
    printed = block.groups.get("text", "")  # (a turn's lines are cleaned at its end)
    if state.current is None and state.last_speaker is not None:
        state.current = _TurnDraft(
            state.last_speaker, state.section_id, block.span, block.span, continued=True
        )
        state.turns.append(state.current)
    if state.current is None:
        text = clean_line(printed)
        state.diagnose(
            "warning",
            "text-without-speaker",
            f"text before any speaker label: {text[:40]!r}",
            block.span,
            text,
        )
    else:
        state.current.add(printed, block.span)


def _add_event(state: ParseState, kind: str, raw: str, span: Pos) -> None:
    """A note about the meeting's course (開会, 休憩 …) as an event, with its time."""
    state.events.append(
        Event(
            id=f"e{len(state.events) + 1}",
            kind=kind,
            time=parse_time(raw),
            text=clean_text(raw),
            span=span_of(span),
        )
    )


def _note(state: ParseState, block: Block) -> None:
    raw = block.groups.get("text", "")
    kind = meta_of(block, NoteMeta).kind or classify_note(raw)
    if kind in EVENT_KINDS or state.current is None:
        _add_event(state, kind, raw, block.span)
    else:
        state.current.add(clean_text(raw), block.span, note_kind=kind)


def _signature(state: ParseState, block: Block) -> None:
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
        draft.statement = clean_text(block.groups["statement"])
    if block.get("date") and draft.date_raw is None:
        draft.date_raw = clean_text(block.groups["date"])
    if block.get("role") or block.get("name"):
        role, name = compact(block.get("role") or ""), compact(block.get("name") or "")
        draft.signers.append((role or None, name or None, text, block.span))


# -- layout and the rest ----------------------------------------------------------------------


_LAYOUT_KINDS = frozenset(("page", "separator", "running_header", "furniture"))


def _layout_mark(
    state: ParseState,
    block: Block,
    kind: Literal["page", "separator", "running_header", "furniture"],
) -> None:
    meta = block.meta
    number = meta.number if isinstance(meta, LayoutMeta) else None
    state.layout.append(
        record_of(
            LayoutMark,
            {
                "kind": kind,
                "number": number,
                "text": clean_text(block.text_of(state.text)),
                "span": span_of(block.span),
            },
            kept=(number is None or type(number) is int) and kind in _LAYOUT_KINDS,
        )
    )


def _page(state: ParseState, block: Block) -> None:
    _layout_mark(state, block, "page")


def _running_header(state: ParseState, block: Block) -> None:
    _layout_mark(state, block, "running_header")


def _furniture(state: ParseState, block: Block) -> None:
    _layout_mark(state, block, "furniture")


def _separator(state: ParseState, block: Block) -> None:
    _layout_mark(state, block, "separator")
    state.rosters.end_of_list(sublist=meta_of(block, SeparatorMeta).sublist)
    state.open_field = None


def _unmatched(state: ParseState, block: Block) -> None:
    raw = block.groups.get("text", "")
    if meta_of(block, UnmatchedMeta).region == "header":
        state.diagnose(
            "warning",
            "unmatched-header-line",
            f"header line not understood: {raw[:40]!r}",
            block.span,
            clean_text(raw),
        )
        return
    text = clean_text(raw)
    state.diagnose(
        "warning", "unmatched-text", f"text not understood: {text[:40]!r}", block.span, text
    )


def _mention(state: ParseState, child: Block) -> None:
    """Members named in running text (本日欠席の熊谷委員) join the roster."""
    name, title = split_person(strip_honorific(compact(child.get("person") or ""))[0])
    if name is None:
        return
    members = state.rosters.members
    existing = state.rosters.by_name.get(name)
    attendance = meta_of(child, MemberMeta).attendance
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


#: Blocks whose MEMBER children are roster entries (elsewhere they are people named in text).
_LISTS = frozenset({BlockKind.ROSTER, BlockKind.HEADER})


# (read once, as most children are roster entries: see BlockKind)
_MEMBER = BlockKind.MEMBER


def _children(state: ParseState, block: Block) -> None:
    meeting = state.meeting
    # Children lie inside their block's span (see gijiroku.blocks): once the header is over,
    # or the block itself was the last one read (which _walk has just done for a header
    # line), reads_text_at is False for every child and is not asked.
    may_read = not meeting.header_over and meeting.last_block is not block.span
    for child in block.children:
        meta = child.meta
        if (meta is not None and meta.facts) or (may_read and meeting.reads_text_at(child.span)):
            meeting.facts_of(child)  # (else it would do nothing: most roster entries)
        kind = child.kind
        if kind is _MEMBER:  # (most children: the entries of a roster line)
            if block.kind not in _LISTS:
                _mention(state, child)
        elif kind is BlockKind.PAGE:
            _page(state, child)
        elif kind is BlockKind.RUNNING_HEADER:
            _running_header(state, child)
        elif kind is BlockKind.FURNITURE:
            _furniture(state, child)
        elif kind is BlockKind.SECTION:
            _taken_up(state, child)
        elif kind is BlockKind.NOTE:
            _event_in_text(state, child)


def _taken_up(state: ParseState, child: Block) -> None:
    """The chair takes up an item in a speech (日程第１　会議録署名議員の指名について。,
    日程第２、議案第１号から日程第７、…までを一括して上程): a heading section for it, titled
    from the agenda when it lists the item; the turn and those after it fall under it. A
    heading printed for the same item just before needs no second section."""
    meta = meta_of(child, SectionMeta)
    number = _section_number("", meta.number or child.get("number"))
    current = next((s for s in state.sections if s.id == state.section_id), None)
    if number is None or (current is not None and current.number == number):
        return
    listed = {s.number: s.title for s in state.sections if s.kind == "agenda" and s.level == 1}
    title = listed.get(number) or clean_text(child.get("title") or child.text_of(state.text))
    printed_last = meta.last or child.get("last")
    last = _section_number("", printed_last) if printed_last else None
    if last is not None and last in listed:
        title = f"{title}\u3000～\u3000{listed[last]}"
    section = Section(
        id=f"s{len(state.sections) + 1}",
        number=number,
        title=title,
        heading=clean_text(child.text_of(state.text)),
        span=span_of(child.span),
    )
    state.sections.append(section)
    state.section_id = section.id
    if state.current is not None:
        state.current.section_id = section.id


def _event_in_text(state: ParseState, child: Block) -> None:
    """A note of the meeting's course inside a speech (…閉会いたします。（11時10分閉会）): it
    stays in the text and is an event too."""
    raw = child.groups.get("text", "")
    kind = meta_of(child, NoteMeta).kind or classify_note(raw)
    if kind in EVENT_KINDS:
        _add_event(state, kind, raw, child.span)


#: What the parser does with each kind of block.
BLOCK_HANDLERS: Mapping[BlockKind, Handler] = {
    BlockKind.SIGNATURE: _signature,
    BlockKind.HEADER: _header_field,
    BlockKind.ROSTER: _roster,
    BlockKind.SECTION: _section,
    BlockKind.TURN: _turn,
    BlockKind.ITEM: _item,
    BlockKind.CONTINUATION: _continuation,
    BlockKind.NOTE: _note,
    BlockKind.PAGE: _page,
    BlockKind.RUNNING_HEADER: _running_header,
    BlockKind.FURNITURE: _furniture,
    BlockKind.SEPARATOR: _separator,
    BlockKind.UNMATCHED: _unmatched,
}


def _walk(state: ParseState, blocks: Sequence[Block]) -> None:
    handlers = state.block_handlers
    meeting = state.meeting
    signature, page = BlockKind.SIGNATURE, BlockKind.PAGE
    # Most blocks are lines that go on with a turn: read inline what _continuation would do
    # (unless the family handles them itself: then no kind takes this way).
    continuation = (
        BlockKind.CONTINUATION if handlers.get(BlockKind.CONTINUATION) is _continuation else None
    )
    for block in blocks:
        meta = block.meta
        if (meta is not None and meta.facts) or (
            not meeting.header_over and block.span.start < HEADER_CHARS
        ):
            meeting.facts_of(block)  # (what facts_of reads: its facts, a header line's text)
        kind = block.kind
        if kind is continuation:
            state.signing = False
            current = state.current
            if current is not None:  # (what current.add does)
                groups = block.groups
                if type(groups) is OneGroup:  # (most: its slots read inline, no `get` call)
                    text = groups._value if groups._name == "text" else ""
                else:
                    text = groups.get("text", "")
                current.last = block.span
                if text:
                    current.paragraphs.append(text)
            else:
                _continuation(state, block)
        else:
            if kind is not signature and kind is not page:
                state.signing = False
            handler = handlers.get(kind)
            if handler is not None:
                handler(state, block)
        if block.children:
            _children(state, block)


# -- speakers and records ---------------------------------------------------------------------


#: What a Speaker record is made of (label, name, role, mark, seat, honorific): one record
#: for each.
_Who = tuple[str, str | None, str | None, str | None, int | None, str | None]


def _utterances(state: ParseState, roster: Roster) -> list[Utterance]:
    printed_roster = bool(roster)
    by_id = {m.id: m for m in state.rosters.members}
    utterances = []
    speakers: dict[_Who, Speaker] = {}
    # The member and the Speaker of a label the roster resolved to a member, by the object
    # resolve_label gave (kept in the entry: its id is taken by no other while it lasts).
    # The roster gives that object again only while no member and no acting chair changed
    # since it made it (see Roster.resolve_label): the member, the Speaker are the same, and
    # `presides`, which the first turn called, would change nothing.
    resolved: dict[int, tuple[object, str, Speaker]] = {}
    member_id: str | None
    for order, turn in enumerate(state.turns, start=1):
        known = roster.resolve_label(turn.speaker)
        seen = resolved.get(id(known))
        if seen is not None and seen[0] is known:
            member_id, speaker = seen[1], seen[2]
        else:
            member_id, speaker = _speaker_of(
                state, roster, turn, known, printed_roster, by_id, speakers
            )
            resolution = known[1]
            if resolution is not None and resolution.member_id is not None:
                resolved[id(known)] = (known, resolution.member_id, speaker)
        text, notes = turn.text_and_notes()
        section_id = turn.section_id
        values: dict[str, object] = {
            "id": f"u{order}",
            "order": order,
            "speaker": speaker,
            "speaker_id": member_id,
            "section_id": section_id,
            "text": text,
            "notes": tuple(notes),
            "continued": turn.continued,
            "span": span_between(turn.first, turn.last),  # (turn.span: no Pos between)
        }
        # (the rest are of their types as made here; a family's hooks set these)
        if (
            (member_id is None or type(member_id) is str)
            and (section_id is None or type(section_id) is str)
            and type(turn.continued) is bool
        ):
            utterances.append(_utterance_record(values))
        else:
            utterances.append(record_of(Utterance, values, kept=False))
        for note in notes:
            if note.kind == "chair_change":
                roster.chair_change(note.text)
    return utterances


#: An utterance made without the validator (its values above name every field, in order).
_utterance_record = record_maker(Utterance)


def _speaker_of(
    state: ParseState,
    roster: Roster,
    turn: _TurnDraft,
    known: tuple[LabelParts, Resolution | None],
    printed_roster: bool,
    by_id: dict[str, MemberDraft],
    speakers: dict[_Who, Speaker],
) -> tuple[str | None, Speaker]:
    """The member a turn's speaker is (None: none) and its Speaker record, as the roster
    resolved the label (``known``); a speaker the label names in full whom no roster lists
    is enrolled, and a speaker no member fits is reported (``printed_roster``: the roster
    the document prints lists someone)."""
    parts, resolution = known
    member_id = resolution.member_id if resolution else None
    if (
        member_id is None
        and turn.enrol
        and parts.name
        and not turn.continued
        and (resolution is None or not resolution.candidates)
        and (not printed_roster or _names_in_full(parts))
    ):
        # a speaker the label names in full whom no roster lists (a newly appointed
        # 教育委員, or minutes printed without a roster)
        label = turn.label
        where = turn.first if label is None else _label_span(state.text, label, turn.first)
        member = state.rosters.enrol(parts, where)
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
            turn.span,
        )
    who = (parts.printed, name, role, parts.mark, parts.seat, parts.honorific)
    speaker = speakers.get(who)
    if speaker is None:  # records are frozen: one Speaker serves every turn it speaks
        speaker = speakers[who] = _speaker_record(*who)
    return member_id, speaker


def _speaker_record(
    label: str,
    name: str | None,
    role: str | None,
    mark: str | None,
    seat: int | None,
    honorific: str | None,
) -> Speaker:
    """``slim(Speaker(label=…, name=…, role=…, mark=…, seat=…, honorific=…))``, made without
    the validator when the values are of the types it keeps (:func:`~gijiroku.models.record_of`;
    the fields a label does not print are None, their default)."""
    return record_of(
        Speaker,
        {
            "label": label,
            "name": name,
            "role": role,
            "mark": mark,
            "seat": seat,
            "honorific": honorific,
            "yomi": None,
            "title": None,
            "affiliation": None,
        },
        kept=type(label) is str
        and (name is None or type(name) is str)
        and (role is None or type(role) is str)
        and (mark is None or type(mark) is str)
        and (seat is None or type(seat) is int)
        and (honorific is None or type(honorific) is str),
    )


def _names_in_full(parts: LabelParts) -> bool:
    """The label prints a full name (委員長（平山たかお）, ４番（奈良祥孝君）, 石井準一君), not a
    surname before a title (関総務課長): with a roster, only such a speaker joins the members."""
    return "（" in parts.printed or "(" in parts.printed or parts.honorific is not None


def _label_span(text: str, raw: str, span: Pos) -> Pos:
    """Where the label ``raw`` of the TURN block at ``span`` is printed (the whole block when
    it cannot be found)."""
    at = text.find(raw, span.start, span.end) if raw else -1
    if at < 0:
        return span
    line = span.line_start + text.count("\n", span.start, at)
    return Pos(at, at + len(raw), line, line, span.page)


def _signatures(state: ParseState, roster: Roster) -> list[Signature]:
    """The signature blocks, each signer matched to a member by name."""
    found = []
    for draft in state.signatures:
        signers = []
        for role, name, text, span in draft.signers:
            member_id = roster.resolve(name=name, role=None).member_id if name and roster else None
            signers.append(
                Signer(role=role, name=name, member_id=member_id, text=text, span=span_of(span))
            )
        dated = parse_date(draft.date_raw) if draft.date_raw else None
        found.append(
            Signature(
                statement=draft.statement,
                date=dated.date if dated else None,
                date_raw=draft.date_raw,
                signers=tuple(signers),
                text="\n".join(draft.lines),
                span=span_between(draft.first, draft.last),
            )
        )
    return found


def _members(members: list[MemberDraft]) -> list[Member]:
    return [_member(m, m.span) for m in members if m.span is not None]


_ATTENDANCE = frozenset(("present", "absent", "unknown"))


def _member(draft: MemberDraft, span: Pos) -> Member:
    """The member record of a roster entry (validated only when a value needs it)."""
    roles = tuple(draft.roles)
    values: dict[str, object] = {
        "id": draft.id,
        "name": draft.name,
        "title": draft.title,
        "group": draft.group,
        "roles": roles,
        "attendance": draft.attendance,
        "seat": draft.seat,
        "affiliation": draft.affiliation,
        "entry": draft.entry,
        "span": span_of(span),
    }
    kept = (
        type(draft.id) is str
        and type(draft.entry) is str
        and draft.attendance in _ATTENDANCE
        and type(draft.attendance) is str
        and (draft.seat is None or type(draft.seat) is int)
        and (draft.name is None or type(draft.name) is str)
        and (draft.title is None or type(draft.title) is str)
        and (draft.group is None or type(draft.group) is str)
        and (draft.affiliation is None or type(draft.affiliation) is str)
        and (not roles or all(type(role) is str for role in roles))
    )
    return record_of(Member, values, kept=kept)


def assess_fit(fmt: Format, text: str) -> Detection:
    """How well ``text`` fits ``fmt`` when the caller chose the family itself (as
    :func:`gijiroku.formats.assess` scores it: through the family's detection hook)."""
    from gijiroku.formats import assess

    return assess(fmt, text)


def parse_blocks(
    blocks: Sequence[Block],
    *,
    text: str,
    fmt: Format,
    detection: Detection | None = None,
    source_name: str | None = None,
    encoding: str = "unicode",
    sha256: str | None = None,
    line_count: int | None = None,
) -> Minutes:
    """Build :class:`Minutes` from the tokenizer's blocks of ``text``, read with ``fmt``
    (chosen as ``detection`` says: its score goes into ``quality``)."""
    known_titles = gather_evidence(blocks, text)  # titles alone, people named: for the labels
    state = ParseState(
        text=text,
        fmt=fmt,
        meeting=MeetingBuilder(fmt),
        rosters=RosterBuilder(
            text=text, known_titles=known_titles, read=fmt.read_entry, post_column=fmt.post_column
        ),
        known_titles=known_titles,
        block_handlers={**BLOCK_HANDLERS, **fmt.block_handlers},
        header_handlers={**HEADER_HANDLERS, **fmt.header_handlers},
    )
    _walk(state, blocks)
    printed_roster = bool(state.rosters.members)
    if state.turns or state.signatures:
        roster = Roster(state.rosters.members, evidence=known_titles)
        utterances = _utterances(state, roster)
        signatures = _signatures(state, roster)
    else:  # (summary minutes: no speaker and no signer to look up, the index is not built)
        utterances, signatures = [], []
    first_turn = utterances[0].span.start if utterances else None
    meeting = state.meeting.build(state.events, first_turn, source_name, state.diagnose)
    blank = not text or text.isspace()  # (what `not text.strip()` says, without a copy)
    if blank:
        state.diagnose("warning", "empty-input", "the input is empty or blank", None)
    elif not utterances and not state.header and not state.sections:
        state.diagnose("warning", "no-structure", "no header and no speaker turns found", None)
    quality = assess(
        quiet=blank,
        blocks=blocks,
        text=text,
        utterances=utterances,
        meeting=meeting,
        detection=detection or assess_fit(fmt, text),
        printed_roster=printed_roster,
        date_from_name=any(d.code == "date-from-source-name" for d in state.finish_diagnostics()),
        diagnose=state.diagnose,
    )
    del blocks  # (a caller that handed the list over lets it go before the records are made)
    source = Source(
        name=source_name,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        encoding=encoding,
        format=fmt.name,
        chars=len(text),
        lines=line_count if line_count is not None else text.count("\n") + 1,
    )
    drafts = state.items
    sections = [
        s.model_copy(update={"items": tuple([draft.build() for draft in drafts[s.id]])})
        if s.id in drafts
        else s
        for s in state.sections
    ]
    minutes = Minutes(
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
        diagnostics=in_document_order(state.finish_diagnostics()),
        quality=quality,
    )
    return with_review(minutes, text)  # doubts about the finished output (quality.py)
