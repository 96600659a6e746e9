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
from collections.abc import Iterable
from typing import TYPE_CHECKING, Annotated, Literal, NoReturn, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

if TYPE_CHECKING:  # for the annotations of helpers that import this module
    import pandas

    from gijiroku.kokkai import KokkaiSpeech
    from gijiroku.tables import SpeakerStats, UtteranceRow

__all__ = [
    "SCHEMA_VERSION",
    "Attendance",
    "Diagnostic",
    "Event",
    "HeaderField",
    "Item",
    "Meeting",
    "Member",
    "Minutes",
    "Note",
    "LayoutMark",
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
]

SCHEMA_VERSION = "1.1"

_NON_BLANK_RUN = re.compile(r"\S+")

Attendance = Literal["present", "absent", "unknown"]
Severity = Literal["error", "warning", "info"]
ClockTime = Annotated[str, StringConstraints(pattern=r"^([01]\d|2[0-9]|3[0-5]):[0-5]\d$")]


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(_Record):
    """A stretch of the original text: 0-based ``start``, exclusive ``end``, 1-based lines.

    ``page`` is the page the stretch starts on, when page markers make it known.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line_start: int = Field(ge=1)
    line_end: int = Field(ge=1)
    page: int | None = None

    def slice(self, text: str) -> str:
        """The characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def through(self, last: Span) -> Span:
        """From this span's start to the end of ``last`` (a later span)."""
        return Span.trusted(self.start, last.end, self.line_start, last.line_end, self.page)

    @classmethod
    def trusted(
        cls, start: int, end: int, line_start: int, line_end: int, page: int | None
    ) -> Span:
        """A span from values the library computed itself, built without validation.

        The tokenizer makes one per block; this is pydantic's ``model_construct`` without
        its generic bookkeeping, several times faster. Never use it for outside input.
        """
        span = cls.__new__(cls)
        object.__setattr__(
            span,
            "__dict__",
            {
                "start": start,
                "end": end,
                "line_start": line_start,
                "line_end": line_end,
                "page": page,
            },
        )
        # every field is set; one shared set serves all (model_copy only adds field names)
        object.__setattr__(span, "__pydantic_fields_set__", _SPAN_FIELDS)
        object.__setattr__(span, "__pydantic_extra__", None)
        object.__setattr__(span, "__pydantic_private__", None)
        return span


_SPAN_FIELDS = {"start", "end", "line_start", "line_end", "page"}
_FIELD_SETS: dict[type[BaseModel], set[str]] = {}
_R = TypeVar("_R", bound=BaseModel)


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


class Source(_Record):
    """Where the text came from and how it was read."""

    name: str | None = None
    sha256: str
    encoding: str
    format: str
    chars: int
    lines: int


class Meeting(_Record):
    """Header facts about the meeting (会議). Absent facts are ``None``."""

    title: str | None = None
    body: str | None = Field(default=None, description="会議体名, e.g. 仙台市情報化推進会議")
    number: int | None = Field(default=None, description="第2回 → 2")
    date: dt.date | None = None
    date_raw: str | None = Field(default=None, description="the date as printed")
    start_time: ClockTime | None = None
    end_time: ClockTime | None = None
    venue: str | None = None
    house: str | None = Field(default=None, description="衆議院 / 参議院 (the Diet), else None")
    session: int | None = Field(default=None, description="国会の回次: 第二百十二回国会 → 212")


class HeaderField(_Record):
    """One line of the header as printed: ``key`` (e.g. 日時) and ``value``.

    ``name`` is the field's meaning when gijiroku knows it (``title``, ``datetime``,
    ``venue``, ``attendees`` …), else ``None``.
    """

    key: str | None
    name: str | None
    value: str
    span: Span


class Member(_Record):
    """A person (or office) on a roster: 出席者, 委員, 説明員, 事務局 …"""

    id: str
    name: str | None = Field(description="the person's name without spaces; None for an office")
    title: str | None = Field(default=None, description="役職 as listed, e.g. 委員, 情報政策課長")
    group: str | None = Field(default=None, description="the list or body they belong to")
    roles: tuple[str, ...] = Field(default=(), description="functions in this meeting, e.g. 座長")
    attendance: Attendance = "unknown"
    seat: int | None = Field(default=None, description="議席番号, when printed")
    affiliation: str | None = Field(default=None, description="所属, e.g. a university")
    entry: str = Field(description="the roster entry as printed (normalized)")
    span: Span


class Item(_Record):
    """One entry of summary minutes (要点記録): a bullet, a paragraph, a decision or a to-do.

    ``owner`` is who does it or said it, when the text names them (``…を進めます(shimizukawa``).
    """

    kind: Literal["bullet", "paragraph", "decision", "todo"]
    text: str
    owner: str | None = None
    depth: int = Field(default=0, ge=0, description="nesting level of the bullet, 0 at the top")
    span: Span


class Section(_Record):
    """An agenda item or heading (議題・日程); utterances point at it by ``section_id``.

    ``kind`` is ``heading`` for a heading in the proceedings, ``agenda`` for an item listed
    in the header (本日の会議に付した案件), ``preamble`` for the untitled part of summary
    minutes before their first heading; turns fall under headings only.
    """

    id: str
    kind: Literal["heading", "agenda", "preamble"] = "heading"
    number: int | None = None
    title: str
    level: int = 1
    heading: str = Field(description="the heading line as printed (normalized)")
    owner: str | None = Field(default=None, description="who presents it, when the heading says")
    tags: tuple[str, ...] = Field(default=(), description="e.g. priority 高, kind 報告")
    items: tuple[Item, ...] = Field(default=(), description="summary minutes: its contents")
    span: Span


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

    kind: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Utterance(_Record):
    """One speaker turn (発言)."""

    id: str
    order: int = Field(ge=1)
    speaker: Speaker
    speaker_id: str | None = Field(description="a Member id, or None when no member matches")
    section_id: str | None
    text: str = Field(description="normalized text; paragraphs separated by \\n")
    notes: tuple[Note, ...] = ()
    continued: bool = Field(
        default=False, description="no label printed: the previous speaker goes on after a heading"
    )
    span: Span


class Event(_Record):
    """A note that stands outside any turn, e.g. （開始 13：30） → kind ``start``."""

    id: str
    kind: str
    time: ClockTime | None = None
    text: str
    span: Span


class Signer(_Record):
    """One signer of the minutes (議長, 署名議員 …) and the member it names."""

    role: str | None = Field(description="as printed, spaces removed: 議長, 署名議員")
    name: str | None = Field(description="the name without spaces")
    member_id: str | None = Field(default=None, description="a Member id, when one fits")
    text: str = Field(description="the line as printed (normalized)")
    span: Span


class Signature(_Record):
    """The closing signature block (会議録署名), kept apart from the last speech:
    ``地方自治法第123条第2項の規定により、ここに署名する。``, a date, and the signers."""

    statement: str | None = Field(default=None, description="the attestation sentence")
    date: dt.date | None = None
    date_raw: str | None = None
    signers: tuple[Signer, ...] = ()
    text: str = Field(description="the whole block as printed (normalized), lines joined by \\n")
    span: Span


class LayoutMark(_Record):
    """Print layout taken out of the text and kept here: a page number (``- 4 -``, kind
    ``page``, with its ``number``), a rule line (``―――◇―――``, kind ``separator``), or a
    running header repeated on every page (kind ``running_header``)."""

    kind: Literal["page", "separator", "running_header"]
    number: int | None = None
    text: str
    span: Span


class MembershipChange(_Record):
    """A change of a body's membership printed in the header (委員の異動): who resigned
    (辞任), who was appointed (補欠選任), on which day, or the notice as printed."""

    date: dt.date | None = None
    date_raw: str | None = None
    resigned: str | None = None
    appointed: str | None = None
    text: str
    span: Span


class Diagnostic(_Record):
    """Something the parser did not understand or had to decide; ``code`` is stable."""

    severity: Severity
    code: str
    message: str
    span: Span | None = None
    text: str | None = Field(default=None, description="the input it is about, when not elsewhere")


def in_document_order(diagnostics: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    """Diagnostics sorted by where they point (those about the whole input first), then code."""
    return tuple(
        sorted(diagnostics, key=lambda d: (d.span.start if d.span is not None else -1, d.code))
    )


class Minutes(_Record):
    """The parsed minutes (議事録): JSON-ready, see :meth:`to_json`.

    Example:
        >>> import gijiroku
        >>> m = gijiroku.parse("座長 それでは始める。")
        >>> m.utterances[0].speaker.role
        '座長'
    """

    schema_version: str = SCHEMA_VERSION
    source: Source
    meeting: Meeting
    header: tuple[HeaderField, ...] = ()
    members: tuple[Member, ...] = ()
    sections: tuple[Section, ...] = ()
    utterances: tuple[Utterance, ...] = ()
    events: tuple[Event, ...] = ()
    signatures: tuple[Signature, ...] = ()
    membership_changes: tuple[MembershipChange, ...] = ()
    layout: tuple[LayoutMark, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

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
        """The turns as NDL Kokkai API speech records (``speechOrder``, ``speaker``,
        ``speakerYomi``, ``speakerGroup``, ``speakerPosition``, ``speakerRole``, ``speech``);
        pass the parsed ``text`` to cut each speech exactly (:func:`gijiroku.kokkai.to_kokkai_records`).
        """
        from gijiroku.kokkai import to_kokkai_records

        return to_kokkai_records(self, text, header=header)

    def to_tei(self, *, indent: bool = True) -> str:
        """The minutes as a TEI XML document in the ParlaMint style (:mod:`gijiroku.tei`)."""
        from gijiroku.tei import to_tei

        return to_tei(self, indent=indent)

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

    def to_pandas(self) -> pandas.DataFrame:
        """The utterances as a ``pandas.DataFrame`` (needs the extra ``gijiroku[pandas]``).

        See :func:`gijiroku.to_pandas`, which also takes many minutes at once.

        Example:
            >>> import gijiroku
            >>> gijiroku.parse("座長 はい。").to_pandas()["speaker_role"].tolist()  # doctest: +SKIP
            ['座長']
        """
        from gijiroku.tables import to_pandas

        return to_pandas(self)
