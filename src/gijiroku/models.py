"""The records a parse produces: validated, frozen pydantic models that serialize to JSON.

The JSON field names are public API (see README "The JSON contract"). Every record built
from the input carries a :class:`Span` into the original text.

Glossary: :class:`Minutes` 議事録・会議録, :class:`Meeting` 会議, :class:`Member` 出席者,
:class:`Section` 議題・日程, :class:`Utterance` 発言, :class:`Note` 注記 (ト書き),
:class:`Event` 開会・休憩などの経過, :class:`Signature` 署名 (会議録署名),
:class:`Diagnostic` 診断.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn, Protocol, TypeVar, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    GetJsonSchemaHandler,
    SerializerFunctionWrapHandler,
    StringConstraints,
    model_serializer,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

if TYPE_CHECKING:  # for the annotations of helpers that import this module
    import pandas
    from pydantic.config import JsonDict

    from gijiroku.kokkai import KokkaiSpeech
    from gijiroku.tables import SpeakerStats, UtteranceRow

__all__ = [
    "SCHEMA_VERSION",
    "Attendance",
    "Diagnostic",
    "Event",
    "HeaderField",
    "Item",
    "KokkaiField",
    "KokkaiRecord",
    "KokkaiSpeechSource",
    "KokkaiValue",
    "Meeting",
    "Member",
    "Minutes",
    "Note",
    "SCHEMA_ID",
    "LayoutMark",
    "Quality",
    "MembershipChange",
    "Section",
    "Severity",
    "Signature",
    "Signer",
    "Source",
    "Span",
    "Speaker",
    "Utterance",
    "in_document_order",
    "slim",
    "span_of",
]

SCHEMA_VERSION = "1.2"
#: The ``$id`` of the JSON Schema (:func:`gijiroku.json_schema`): one per schema version.
SCHEMA_ID = f"urn:gijiroku:schema:minutes:{SCHEMA_VERSION}"

_NON_BLANK_RUN = re.compile(r"\S+")

Attendance = Literal["present", "absent", "unknown"]
Severity = Literal["error", "warning", "info"]
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-9]|3[0-5]):[0-5]\d$")]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Span(_Record):
    """A stretch of the original text: 0-based ``start``, exclusive ``end``, 1-based lines.

    ``page`` is the page the stretch starts on, when page markers make it known.
    """

    start: int = Field(ge=0, description="offset of the first character, 0-based")
    end: int = Field(ge=0, description="offset after the last character (exclusive)")
    line_start: int = Field(ge=1, description="line of the first character, 1-based")
    line_end: int = Field(ge=1, description="line of the last character, 1-based")
    page: int | None = Field(
        default=None, description="the page it starts on, when page markers make it known"
    )

    def slice(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def through(self, last: Span) -> Span:
        """From this span's start to the end of ``last`` (a later span)."""
        return Span(
            start=self.start,
            end=last.end,
            line_start=self.line_start,
            line_end=last.line_end,
            page=self.page,
        )


class _Position(Protocol):
    """What :func:`span_of` reads: a :class:`~gijiroku.blocks.Pos` or a :class:`Span`."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def line_start(self) -> int: ...
    @property
    def line_end(self) -> int: ...
    @property
    def page(self) -> int | None: ...


def span_of(pos: _Position) -> Span:
    """The :class:`Span` record of a tokenizer position (validated once: see
    :func:`span_between`)."""
    return span_between(pos, pos)


def span_between(first: _Position, last: _Position) -> Span:
    """The :class:`Span` from the start of ``first`` to the end of ``last`` (a later
    position), read from the two directly (a turn's span from its first and last blocks,
    with no position made through them only to be read back).

    Positions hold plain ints: when each one is an ``int`` within its field's bounds the
    record is made without calling the validator, which would return the same values (one
    third of the time per span); anything else goes through it, and fails as it would.
    """
    start, end, line_start, line_end, page = (
        first.start,
        last.end,
        first.line_start,
        last.line_end,
        first.page,
    )
    if (
        type(start) is int
        and type(end) is int
        and type(line_start) is int
        and type(line_end) is int
        and (page is None or type(page) is int)
        and start >= 0
        and end >= 0
        and line_start >= 1
        and line_end >= 1
    ):
        # what _unvalidated does, written out: a span is the record made most often
        record = _new_record(Span)
        _SET_DICT(
            record,
            {
                "start": start,
                "end": end,
                "line_start": line_start,
                "line_end": line_end,
                "page": page,
            },
        )
        _SET_FIELDS_SET(record, _SPAN_FIELDS)
        _SET_EXTRA(record, None)
        _SET_PRIVATE(record, None)
        return record
    return Span(start=start, end=end, line_start=line_start, line_end=line_end, page=page)


_FIELD_SETS: dict[type[BaseModel], set[str]] = {}
_R = TypeVar("_R", bound=BaseModel)
#: The "fields set" every span made without the validator shares (:func:`slim`).
_SPAN_FIELDS: set[str] = set(Span.model_fields)
_new_record = object.__new__


def _slot_setter(name: str, owner: type = BaseModel) -> Callable[[BaseModel, object], None]:
    """What sets the slot ``name`` of a pydantic record: the slot's own descriptor in
    ``owner`` (called directly, it skips the attribute lookup of ``object.__setattr__``, half
    the cost of a record made without the validator), or ``object.__setattr__`` where
    pydantic lays its records out otherwise."""
    setter = getattr(owner.__dict__.get(name), "__set__", None)
    if setter is None:
        return lambda record, value: object.__setattr__(record, name, value)
    return cast("Callable[[BaseModel, object], None]", setter)


_SET_DICT = _slot_setter("__dict__")
_SET_FIELDS_SET = _slot_setter("__pydantic_fields_set__")
_SET_EXTRA = _slot_setter("__pydantic_extra__")
_SET_PRIVATE = _slot_setter("__pydantic_private__")


def _unvalidated(cls: type[_R], values: Mapping[str, object], fields: set[str]) -> _R:
    """A record of ``cls`` holding ``values`` as they are (what pydantic's
    ``model_construct`` does for a record without extra or private attributes)."""
    record = _new_record(cls)
    _SET_DICT(record, values)
    _SET_FIELDS_SET(record, fields)
    _SET_EXTRA(record, None)
    _SET_PRIVATE(record, None)
    return record


def slim(record: _R) -> _R:
    """Let ``record`` share one "fields set" with every record of its type.

    pydantic keeps, per instance, the set of fields that were given; the parser gives them
    all, so one shared set says the same for a fraction of the memory (minutes with 200,000
    turns hold 200,000 of them). Returns the record.
    """
    shared = _FIELD_SETS.get(type(record))
    if shared is None:
        shared = _FIELD_SETS[type(record)] = set(type(record).model_fields)
    object.__setattr__(record, "__pydantic_fields_set__", shared)
    return record


def record_of(cls: type[_R], values: dict[str, object], *, kept: bool) -> _R:
    """``cls(**values)`` sharing one "fields set" (:func:`slim`), made without the validator
    when ``kept`` says the caller checked that it would keep every value as it is: each of
    the type it is stored as (exactly: an ``int``, a ``str``, the record), within its
    field's bounds. ``values`` must then name every field, in the fields' order (checked).
    Otherwise the validator makes it, and fails as it would.

    The parser builds thousands of records from values it made itself; the validator's
    check of each costs more than the record (see ``tests/test_speed_records.py``).
    """
    fields = _FIELD_SETS.get(cls)
    if fields is None:
        fields = _FIELD_SETS[cls] = set(cls.model_fields)
    if not kept or values.keys() != fields:
        return slim(cls(**values))
    record = _new_record(cls)  # (_unvalidated, written out: thousands of records a parse)
    _SET_DICT(record, values)
    _SET_FIELDS_SET(record, fields)
    _SET_EXTRA(record, None)
    _SET_PRIVATE(record, None)
    return record


def record_maker(cls: type[_R]) -> Callable[[dict[str, object]], _R]:
    """What ``record_of(cls, values, kept=True)`` makes, for a caller that builds thousands of
    records of one type from values of the types kept, naming every field in the fields'
    order (its tests check that): the keys are not compared with the fields at each record.
    """
    fields = _FIELD_SETS.get(cls)
    if fields is None:
        fields = _FIELD_SETS[cls] = set(cls.model_fields)

    def make(values: dict[str, object]) -> _R:
        record = _new_record(cls)
        _SET_DICT(record, values)
        _SET_FIELDS_SET(record, fields)
        _SET_EXTRA(record, None)
        _SET_PRIVATE(record, None)
        return record

    return make


KokkaiValue = str | bool | int | float | None
"""A value as the NDL Kokkai API served it: text in XML; text, a number or null in JSON."""


class KokkaiField(_Record):
    """A field of an API record that gijiroku has no name for, kept as served."""

    name: str = Field(description="the field's name in the API")
    json_value: str = Field(description="its value as JSON text (json.loads gives it back)")


class KokkaiSpeechSource(_Record):
    """One ``speechRecord`` of an NDL Kokkai API meeting record, every field as served except
    ``speech``, whose text is ``span`` of the joined text (:func:`gijiroku.kokkai.kokkai_text`).

    The turn it became holds the same speaker read into :class:`Speaker`; these are the
    values as printed by the API (``date_raw`` beside ``date``, so to speak), which
    :func:`gijiroku.kokkai.to_meeting_record` writes back unchanged.
    """

    speech_id: KokkaiValue = Field(
        default=None, description="speechID, e.g. 121205124X00120231101_008"
    )
    speech_order: KokkaiValue = Field(default=None, description="speechOrder (0: the header)")
    speaker: KokkaiValue = Field(default=None, description="speaker: the name, or 会議録情報")
    speaker_yomi: KokkaiValue = Field(default=None, description="speakerYomi: the reading")
    speaker_group: KokkaiValue = Field(default=None, description="speakerGroup: 会派")
    speaker_position: KokkaiValue = Field(default=None, description="speakerPosition: 肩書き")
    speaker_role: KokkaiValue = Field(
        default=None,
        description="speakerRole: 証人, 参考人 or 公述人 (the API's, beside the label's)",
    )
    start_page: KokkaiValue = Field(default=None, description="startPage: the printed page")
    create_time: KokkaiValue = Field(default=None, description="createTime of the record")
    update_time: KokkaiValue = Field(default=None, description="updateTime of the record")
    speech_url: KokkaiValue = Field(default=None, description="speechURL")
    other: tuple[KokkaiField, ...] = Field(
        default=(), description="fields gijiroku has no name for, as served"
    )
    utterance_id: str | None = Field(
        default=None, description="the turn this speech became (None: the header, or no turn)"
    )
    span: Span = Field(description="the speech text in the joined text")


class KokkaiRecord(_Record):
    """The NDL Kokkai API ``meetingRecord`` the text was joined from, every field as served
    (speech texts as spans), so that the record can be written back exactly."""

    issue_id: KokkaiValue = Field(default=None, description="issueID, e.g. 121205124X00120231101")
    image_kind: KokkaiValue = Field(default=None, description="imageKind, e.g. 会議録")
    search_object: KokkaiValue = Field(default=None, description="searchObject")
    session: KokkaiValue = Field(default=None, description="session: 国会の回次")
    name_of_house: KokkaiValue = Field(default=None, description="nameOfHouse: 衆議院, 参議院")
    name_of_meeting: KokkaiValue = Field(default=None, description="nameOfMeeting, e.g. 本会議")
    issue: KokkaiValue = Field(default=None, description="issue, e.g. 第1号")
    date: KokkaiValue = Field(default=None, description="date, e.g. 2023-11-01")
    closing: KokkaiValue = Field(default=None, description="closing: 閉会中 when held in recess")
    meeting_url: KokkaiValue = Field(default=None, description="meetingURL")
    pdf_url: KokkaiValue = Field(default=None, description="pdfURL")
    other: tuple[KokkaiField, ...] = Field(
        default=(), description="fields gijiroku has no name for, as served"
    )
    speeches: tuple[KokkaiSpeechSource, ...] = Field(
        default=(), description="the speechRecord items, in the order served"
    )


class Source(_Record):
    """Where the text came from and how it was read."""

    name: str | None = Field(default=None, description="the file name or the name given")
    sha256: str = Field(description="SHA-256 of the input (its bytes, or its text as UTF-8)")
    encoding: str = Field(description="the encoding the bytes were read with, or unicode")
    format: str = Field(description="the minutes family the text was parsed as")
    chars: int = Field(description="characters of the decoded text")
    lines: int = Field(description="lines of the decoded text")
    kokkai: KokkaiRecord | None = Field(
        default=None,
        description="the NDL Kokkai API record the text came from (gijiroku.from_kokkai); "
        "absent from the JSON otherwise",
    )

    @model_serializer(mode="wrap")
    def _omit_empty_kokkai(self, handler: SerializerFunctionWrapHandler) -> object:
        # ``kokkai`` is left out rather than written as null: text parses keep their JSON.
        data = handler(self)
        if self.kokkai is None and isinstance(data, dict):
            data.pop("kokkai", None)
        return data

    @classmethod
    def __get_pydantic_json_schema__(
        cls, core_schema: CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # the fields, not the untyped result of the serializer above
        fields = {key: value for key, value in core_schema.items() if key != "serialization"}
        return handler(fields)


class Meeting(_Record):
    """Header facts about the meeting (会議). Absent facts are ``None``."""

    title: str | None = Field(default=None, description="the title line as printed (normalized)")
    body: str | None = Field(default=None, description="会議体名, e.g. 仙台市情報化推進会議")
    number: int | None = Field(default=None, description="第2回 → 2")
    date: dt.date | None = Field(default=None, description="the meeting's date (ISO)")
    date_raw: str | None = Field(default=None, description="the date as printed")
    start_time: ClockTime | None = Field(default=None, description="開会 time, HH:MM")
    end_time: ClockTime | None = Field(default=None, description="閉会・散会 time, HH:MM")
    venue: str | None = Field(default=None, description="場所, e.g. 第四委員会室")
    house: str | None = Field(default=None, description="衆議院 / 参議院 (the Diet), else None")
    session: int | None = Field(default=None, description="国会の回次: 第二百十二回国会 → 212")


class HeaderField(_Record):
    """One line of the header as printed: ``key`` (e.g. 日時) and ``value``.

    ``name`` is the field's meaning when gijiroku knows it (``title``, ``datetime``,
    ``venue``, ``attendees`` …), else ``None``.
    """

    key: str | None = Field(description="the key as printed, e.g. 日時; None without one")
    name: str | None = Field(description="its meaning: datetime, venue, attendees, roster …")
    value: str = Field(description="the value as printed (normalized)")
    span: Span = Field(description="the line in the source")


class Member(_Record):
    """A person (or office) on a roster: 出席者, 委員, 説明員, 事務局 …"""

    id: str = Field(description="m1, m2 …: what Utterance.speaker_id points at")
    name: str | None = Field(description="the person's name without spaces; None for an office")
    title: str | None = Field(default=None, description="役職 as listed, e.g. 委員, 情報政策課長")
    group: str | None = Field(default=None, description="the list or body they belong to")
    roles: tuple[str, ...] = Field(default=(), description="functions in this meeting, e.g. 座長")
    attendance: Attendance = Field(default="unknown", description="present, absent or unknown")
    seat: int | None = Field(default=None, description="議席番号, when printed")
    affiliation: str | None = Field(default=None, description="所属, e.g. a university")
    entry: str = Field(description="the roster entry as printed (normalized)")
    span: Span = Field(description="the roster entry in the source")


class Item(_Record):
    """One entry of summary minutes (要点記録): a bullet, a paragraph, a decision or a to-do.

    ``owner`` is who does it or said it, when the text names them (``…を進めます(shimizukawa``).
    """

    kind: Literal["bullet", "paragraph", "decision", "todo"] = Field(
        description="bullet, paragraph, decision (決定) or todo"
    )
    text: str = Field(description="the entry's text (normalized)")
    owner: str | None = Field(default=None, description="who does it or said it, when named")
    depth: int = Field(default=0, ge=0, description="nesting level of the bullet, 0 at the top")
    span: Span = Field(description="the entry in the source")


class Section(_Record):
    """An agenda item or heading (議題・日程); utterances point at it by ``section_id``.

    ``kind`` is ``heading`` for a heading in the proceedings, ``agenda`` for an item listed
    in the header (本日の会議に付した案件), ``preamble`` for the untitled part of summary
    minutes before their first heading; turns fall under headings only.
    """

    id: str = Field(description="s1, s2 …: what Utterance.section_id points at")
    kind: Literal["heading", "agenda", "preamble"] = Field(
        default="heading", description="heading, agenda (listed in the header) or preamble"
    )
    number: int | None = Field(default=None, description="the printed number: 議題（１） → 1")
    title: str = Field(description="the title without its number and brackets")
    level: int = Field(default=1, description="1 for an item, 2 for a sub-item")
    heading: str = Field(description="the heading line as printed (normalized)")
    owner: str | None = Field(default=None, description="who presents it, when the heading says")
    tags: tuple[str, ...] = Field(default=(), description="e.g. priority 高, kind 報告")
    items: tuple[Item, ...] = Field(default=(), description="summary minutes: its contents")
    span: Span = Field(description="the heading (and, in summary minutes, its contents)")


class Speaker(_Record):
    """Who speaks, as the label prints it and as resolved."""

    label: str = Field(description="the label as printed, e.g. 林委員, 座長（曽根委員）")
    name: str | None = Field(default=None, description="the person's name when known")
    role: str | None = Field(default=None, description="役職 or function, e.g. 座長, 委員")
    mark: str | None = Field(default=None, description="the mark printed before it (○, ◆ …)")
    seat: int | None = Field(default=None, description="議席番号 printed in the label (４番 → 4)")
    honorific: str | None = Field(
        default=None, description="the honorific printed after the name (君, 議員)"
    )
    yomi: str | None = Field(
        default=None, description="the name's reading (よみ), when a source gives it"
    )
    title: str | None = Field(
        default=None, description="肩書き from a source such as the NDL API, e.g. 文部科学大臣"
    )
    affiliation: str | None = Field(
        default=None, description="所属会派 from a source such as the NDL API, e.g. 公明党"
    )


class Note(_Record):
    """A stage direction or editorial note inside an utterance's text (ト書き).

    ``start``/``end`` are offsets into :attr:`Utterance.text`.
    """

    kind: str = Field(description="applause, voices, movement, editorial … (README: note kinds)")
    text: str = Field(description="the note as printed, brackets included")
    start: int = Field(ge=0, description="offset of the note in Utterance.text")
    end: int = Field(ge=0, description="offset after the note in Utterance.text")


class Utterance(_Record):
    """One speaker turn (発言)."""

    id: str = Field(description="u1, u2 …")
    order: int = Field(ge=1, description="1 for the first turn")
    speaker: Speaker = Field(description="who speaks")
    speaker_id: str | None = Field(description="a Member id, or None when no member matches")
    section_id: str | None = Field(description="the heading section it falls under, or None")
    text: str = Field(description="normalized text; paragraphs separated by \\n")
    notes: tuple[Note, ...] = Field(default=(), description="stage directions inside the text")
    continued: bool = Field(
        default=False, description="no label printed: the previous speaker goes on after a heading"
    )
    span: Span = Field(description="the turn in the source, label included")


class Event(_Record):
    """A note that stands outside any turn, e.g. （開始 13：30） → kind ``start``."""

    id: str = Field(description="e1, e2 …")
    kind: str = Field(description="start, end, recess, resume …")
    time: ClockTime | None = Field(default=None, description="the time it gives, HH:MM")
    text: str = Field(description="the line as printed (normalized)")
    span: Span = Field(description="the line in the source")


class Signer(_Record):
    """One signer of the minutes (議長, 署名議員 …) and the member it names."""

    role: str | None = Field(description="as printed, spaces removed: 議長, 署名議員")
    name: str | None = Field(description="the name without spaces")
    member_id: str | None = Field(default=None, description="a Member id, when one fits")
    text: str = Field(description="the line as printed (normalized)")
    span: Span = Field(description="the line in the source")


class Signature(_Record):
    """The closing signature block (会議録署名), kept apart from the last speech:
    ``地方自治法第123条第2項の規定により、ここに署名する。``, a date, and the signers."""

    statement: str | None = Field(default=None, description="the attestation sentence")
    date: dt.date | None = Field(default=None, description="the date of signing (ISO)")
    date_raw: str | None = Field(default=None, description="the date as printed")
    signers: tuple[Signer, ...] = Field(default=(), description="議長, 署名議員 …")
    text: str = Field(description="the whole block as printed (normalized), lines joined by \\n")
    span: Span = Field(description="the block in the source")


class LayoutMark(_Record):
    """Print layout taken out of the text and kept here: a page number (``- 4 -``, kind
    ``page``, with its ``number``), a rule line (``―――◇―――``, kind ``separator``), a
    running header or footer repeated on every page (kind ``running_header``), or web page
    furniture around the minutes: a breadcrumb, a banner, a link (kind ``furniture``)."""

    kind: Literal["page", "separator", "running_header", "furniture"] = Field(
        description="page, separator, running_header or furniture"
    )
    number: int | None = Field(default=None, description="the page number, for kind page")
    text: str = Field(description="the mark as printed")
    span: Span = Field(description="the mark in the source")


class MembershipChange(_Record):
    """A change of a body's membership printed in the header (委員の異動): who resigned
    (辞任), who was appointed (補欠選任), on which day, or the notice as printed."""

    date: dt.date | None = Field(default=None, description="the day of the change (ISO)")
    date_raw: str | None = Field(default=None, description="the date as printed")
    resigned: str | None = Field(default=None, description="who resigned (辞任)")
    appointed: str | None = Field(default=None, description="who was appointed (補欠選任)")
    text: str = Field(description="the notice as printed (normalized)")
    span: Span = Field(description="the notice in the source")


class Diagnostic(_Record):
    """Something the parser did not understand or had to decide; ``code`` is stable."""

    severity: Severity = Field(description="error, warning or info")
    code: str = Field(description="a stable code, e.g. unmatched-text")
    message: str = Field(description="what happened, quoting the input and giving the line")
    span: Span | None = Field(default=None, description="where; None when about the whole input")
    text: str | None = Field(default=None, description="the input it is about, when not elsewhere")


class Quality(_Record):
    """How sure the parse is, for the whole document: which family read it and how well it
    fits, how much of the prose sits in speaker turns, how many speakers the roster names,
    which meeting facts were found. Low values come with warnings in ``diagnostics``
    (``no-turns``, ``no-date``, ``format-uncertain``, ``roster-unread``), and so do records
    that do not read as what they claim to be (``header-overlong``, ``roster-count-mismatch``,
    ``member-suspect``, ``absent-after-none``, ``label-inside-turn``, ``title-suspect``,
    ``venue-suspect``, ``turn-suspect``: see :mod:`gijiroku.quality`)."""

    format: str = Field(description="the family that read the document")
    format_score: float = Field(
        ge=0.0, le=1.0, description="how well the document fits that family, 0 (not) to 1 (surely)"
    )
    runner_up: str | None = Field(default=None, description="the next best family")
    runner_up_score: float | None = Field(
        default=None, ge=0.0, le=1.0, description="the next best family's score"
    )
    turns: int = Field(ge=0, description="speaker turns found")
    prose_in_turns: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="share of the prose characters (turns, text nobody claimed, and header "
        "lines that read as speech) that sit inside turns; null when the document holds no prose",
    )
    speakers_resolved: float | None = Field(
        default=None,
        ge=0.0,
        le=1.0,
        description="share of turns whose speaker is a listed member (speaker_id); null when "
        "the document prints no roster",
    )
    header_fields: tuple[str, ...] = Field(
        default=(), description="the meeting fields found (title, date, start_time …)"
    )


def in_document_order(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """Diagnostics sorted by where they point (those about the whole input first), then code."""
    return tuple(
        sorted(diagnostics, key=lambda d: (d.span.start if d.span is not None else -1, d.code))
    )


def _schema_identity(schema: JsonDict) -> None:
    """The JSON Schema's ``$id``; ``schema_version`` required and fixed to this version."""
    schema["$id"] = SCHEMA_ID
    properties = schema.get("properties")
    if isinstance(properties, dict):
        version = properties.get("schema_version")
        if isinstance(version, dict):
            version["const"] = SCHEMA_VERSION
    required = schema.get("required")
    names = list(required) if isinstance(required, list) else []
    if "schema_version" not in names:
        schema["required"] = ["schema_version", *names]


class Minutes(_Record):
    """The parsed minutes (議事録): JSON-ready, see :meth:`to_json`.

    Example:
        >>> import gijiroku
        >>> m = gijiroku.parse("座長 それでは始める。")
        >>> m.utterances[0].speaker.role
        '座長'
    """

    model_config = ConfigDict(json_schema_extra=_schema_identity)

    schema_version: str = Field(
        default=SCHEMA_VERSION, description="the version of this JSON contract"
    )
    source: Source = Field(description="where the text came from and how it was read")
    meeting: Meeting = Field(description="facts about the meeting")
    header: tuple[HeaderField, ...] = Field(default=(), description="the header lines")
    members: tuple[Member, ...] = Field(default=(), description="everyone on a roster")
    sections: tuple[Section, ...] = Field(default=(), description="agenda items and headings")
    utterances: tuple[Utterance, ...] = Field(default=(), description="the speaker turns")
    events: tuple[Event, ...] = Field(default=(), description="notes outside any turn")
    signatures: tuple[Signature, ...] = Field(default=(), description="the signature block")
    membership_changes: tuple[MembershipChange, ...] = Field(default=(), description="委員の異動")
    layout: tuple[LayoutMark, ...] = Field(
        default=(), description="page numbers, rules and running headers taken out"
    )
    diagnostics: tuple[Diagnostic, ...] = Field(
        default=(), description="what the parser did not understand or had to decide"
    )
    quality: Quality | None = Field(
        default=None, description="how sure the parse is (None only for records made by hand)"
    )

    def to_json(self, *, indent: int | None = 1) -> str:
        """The minutes as JSON text (UTF-8 characters kept, not escaped)."""
        return self.model_dump_json(indent=indent)

    @classmethod
    def parse_file(cls, path: object, **kwargs: object) -> NoReturn:
        """Not pydantic's deprecated JSON reader: raises :class:`TypeError` saying what to
        call — ``gijiroku.parse_file(path)`` to parse a minutes file,
        ``Minutes.model_validate_json(text)`` to read gijiroku's own JSON back."""
        raise TypeError(
            f"Minutes.parse_file({path!r}) is pydantic's deprecated JSON reader, not the "
            "minutes parser: call gijiroku.parse_file(path) to parse a minutes file, or "
            "Minutes.model_validate_json(text) to read gijiroku's JSON output back"
        )

    def spans(self) -> list[Span]:
        """Every span a record of these minutes holds, in no particular order."""
        found: list[Span] = [f.span for f in self.header]
        found += [m.span for m in self.members]
        found += [s.span for s in self.sections]
        found += [item.span for s in self.sections for item in s.items]
        found += [u.span for u in self.utterances]
        found += [e.span for e in self.events]
        found += [s.span for s in self.signatures]
        found += [c.span for c in self.membership_changes]
        found += [mark.span for mark in self.layout]
        found += [d.span for d in self.diagnostics if d.span is not None]
        return found

    def unaccounted(self, text: str) -> list[tuple[int, int]]:
        """Stretches of non-blank ``text`` that no record or diagnostic points at.

        ``text`` is the decoded input these minutes were parsed from. An empty list means
        nothing was lost; use it to audit a corpus.

        Example:
            >>> import gijiroku
            >>> text = "座長 それでは始める。"
            >>> gijiroku.parse(text).unaccounted(text)
            []
        """
        merged: list[list[int]] = []
        for start, end in sorted((s.start, s.end) for s in self.spans()):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        missing: list[tuple[int, int]] = []
        position = 0
        for start, end in [*merged, [len(text), len(text)]]:
            if start > position:
                missing += [(position + m.start(), position + m.end())
                            for m in _NON_BLANK_RUN.finditer(text[position:start])]  # fmt: skip
            position = max(position, end)
        return missing

    # -- in a notebook and between tools: see gijiroku.display, accessors, kokkai, tei --------

    def __repr__(self) -> str:
        """One line (never the whole record): ``<Minutes 第212回国会 衆議院 文部科学委員会 第1号
        2023-11-01: 19 utterances, 50 members, 2 sections>``. ``to_json()`` shows everything."""
        from gijiroku.display import minutes_repr

        return minutes_repr(self)

    def __str__(self) -> str:
        return self.__repr__()

    def _repr_html_(self) -> str:
        """Jupyter's rich view: the meeting and the first turns (:mod:`gijiroku.display`)."""
        from gijiroku.display import minutes_html

        return minutes_html(self)

    def turns_by(self, speaker: str | Member) -> list[Utterance]:
        """The turns of one speaker: a member id, full name, surname, label or role, tried
        in that order (:func:`gijiroku.accessors.turns_by`).

        Example:
            >>> m = gijiroku.parse_file("samples/diet/shugiin-monka-2023-11-01.txt")  # doctest: +SKIP
            >>> [u.order for u in m.turns_by("盛山")]  # doctest: +SKIP
            [8, 18]
        """
        from gijiroku.accessors import turns_by

        return turns_by(self, speaker)

    def section(self, key: str | int) -> Section:
        """One section by number, id, exact title or part of a title; ``KeyError`` when none
        matches (:func:`gijiroku.accessors.find_section`).

        Example:
            >>> m = gijiroku.parse_file("samples/diet/shugiin-monka-2023-11-01.txt")  # doctest: +SKIP
            >>> m.section("国政調査").title  # doctest: +SKIP
            '国政調査承認要求に関する件'
        """
        from gijiroku.accessors import find_section

        return find_section(self, key)

    def turns_in(self, section: Section | str | int) -> list[Utterance]:
        """The turns under a section (a :class:`Section` or a key for :meth:`section`)."""
        from gijiroku.accessors import turns_in

        return turns_in(self, section)

    def to_kokkai_records(
        self, text: str | None = None, *, header: bool = False
    ) -> list[KokkaiSpeech]:
        """The speeches as NDL Kokkai API ``speechRecord`` items, every field as served when
        the minutes came from the API; pass the parsed ``text`` to cut each speech exactly
        (:func:`gijiroku.kokkai.to_kokkai_records`; the whole meeting record:
        :func:`gijiroku.kokkai.to_meeting_record`).
        """
        from gijiroku.kokkai import to_kokkai_records

        return to_kokkai_records(self, text, header=header)

    def to_tei(
        self,
        *,
        indent: bool = True,
        publisher: str | None = None,
        licence: str | None = None,
        source_url: str | None = None,
        published: dt.date | str | None = None,
        id: str | None = None,
    ) -> str:
        """The minutes as a ParlaMint TEI component file (:func:`gijiroku.tei.to_tei`, which
        documents the options; omitted ones take its defaults)."""
        from gijiroku.tei import CC_BY_4_0, DEFAULT_PUBLISHER, to_tei

        return to_tei(
            self,
            indent=indent,
            publisher=DEFAULT_PUBLISHER if publisher is None else publisher,
            licence=CC_BY_4_0 if licence is None else licence,
            source_url=source_url,
            published=published,
            id=id,
        )

    def utterances_table(self) -> list[UtteranceRow]:
        """One plain row per utterance: meeting, section, speaker, text, ``chars`` …

        See :func:`gijiroku.tables.utterances_table`; the keys are
        :data:`gijiroku.tables.COLUMNS`.

        Example:
            >>> import gijiroku
            >>> gijiroku.parse("座長 はじめます。").utterances_table()[0]["speaker_role"]
            '座長'
        """
        from gijiroku.tables import utterances_table

        return utterances_table(self)

    def speakers(self) -> list[SpeakerStats]:
        """Who spoke how much: turns, characters, first and last turn, most talkative first.

        See :func:`gijiroku.tables.speakers`.

        Example:
            >>> import gijiroku
            >>> [(s.role, s.utterances) for s in gijiroku.parse("座長 はい。").speakers()]
            [('座長', 1)]
        """
        from gijiroku.tables import speakers

        return speakers(self)

    def to_pandas(
        self, *, table: Literal["utterances", "members", "sections", "items"] = "utterances"
    ) -> pandas.DataFrame:
        """The utterances (or members, sections, summary items: ``table=``) as a
        ``pandas.DataFrame`` (needs the extra ``gijiroku[pandas]``).

        See :func:`gijiroku.to_pandas`, which also takes many minutes at once, and
        :data:`gijiroku.tables.TABLES` for the columns.

        Example:
            >>> import gijiroku
            >>> gijiroku.parse("座長 はい。").to_pandas()["speaker_role"].tolist()  # doctest: +SKIP
            ['座長']
        """
        from gijiroku.tables import to_pandas

        return to_pandas(self, table=table)
