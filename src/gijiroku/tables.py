"""Flat views of parsed minutes for downstream code: tables of rows, speaker stats, pandas,
Parquet.

Four tables, each one plain row (a ``dict``) per record, with the keys to join them on:

==============  ===================================  ==========================================
table           one row per                          joins
==============  ===================================  ==========================================
``utterances``  turn (発言)                           ``(source, speaker_id)`` → members,
                                                     ``(source, section_id)`` → sections
``members``     roster entry (出席者)                 ``(source, member_id)``
``sections``    agenda item or heading (議題)         ``(source, section_id)``
``items``       item of summary minutes (要点)        ``(source, section_id)`` → sections
==============  ===================================  ==========================================

:data:`TABLES` lists every column with its type and meaning (the README prints the same
list). :func:`to_arrow`, :func:`to_pandas` and :func:`to_parquet` give every document the same
column types, whatever is missing from it: text is pandas' ``string[pyarrow]``, whole numbers
``Int64``, ``meeting_date`` ``date32[pyarrow]`` (a date), lists (``roles``, ``tags``) Arrow
lists; a Parquet file read back with ``pandas.read_parquet`` gives the same types again, and
carries gijiroku's schema version and library version in its metadata (:func:`parquet_metadata`).
pandas and pyarrow come with the extra ``gijiroku[pandas]`` and are imported only when called.

The same helpers hang off :class:`~gijiroku.Minutes`: ``m.utterances_table()``,
``m.speakers()``, ``m.to_pandas()``.

Example:
    >>> import gijiroku
    >>> m = gijiroku.parse("座長 それでは始めます。\\n林委員 賛成です。")
    >>> [(r["speaker_name"], r["speaker_role"], r["chars"]) for r in m.utterances_table()]
    [(None, '座長', 9), ('林', '委員', 5)]
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeAlias, TypedDict, overload

if TYPE_CHECKING:
    import pandas
    import pyarrow

    from gijiroku.batch import ParseResult
    from gijiroku.models import Member, Minutes, Utterance

    #: What the functions that take many minutes take.
    Many: TypeAlias = Minutes | ParseResult | Iterable[Minutes | ParseResult]

__all__ = [
    "COLUMNS",
    "TABLES",
    "Column",
    "ItemRow",
    "MemberRow",
    "SectionRow",
    "SpeakerStats",
    "TableName",
    "UtteranceRow",
    "arrow_schema",
    "check_integers",
    "documents",
    "items_table",
    "members_table",
    "parquet_metadata",
    "rows",
    "sections_table",
    "speakers",
    "table_rows",
    "to_arrow",
    "to_pandas",
    "to_parquet",
    "utterances_table",
]

TableName = Literal["utterances", "members", "sections", "items"]
ColumnType = Literal["string", "int", "date", "strings"]


@dataclass(frozen=True)
class Column:
    """One column: its name, its type (``string``, ``int``, ``date`` or ``strings``, a list
    of strings), whether it can be missing, and what it holds."""

    name: str
    type: ColumnType
    nullable: bool
    description: str


def _c(name: str, type: ColumnType, description: str, *, nullable: bool = True) -> Column:
    return Column(name, type, nullable, description)


_DOCUMENT = (
    _c("source", "string", "the file name or the name given (source.name): the document key"),
)
_MEETING = (
    _c("meeting_body", "string", "会議体名 (meeting.body)"),
    _c("meeting_date", "date", "the meeting's date (meeting.date)"),
)
_SPAN = (
    _c("line_start", "int", "first line in the source", nullable=False),
    _c("line_end", "int", "last line in the source", nullable=False),
    _c("page", "int", "the page, when page markers make it known"),
)

#: Every table's columns, in order.
TABLES: dict[TableName, tuple[Column, ...]] = {
    "utterances": (
        *_DOCUMENT,
        _c("meeting_title", "string", "the title as printed (meeting.title)"),
        _MEETING[0],
        _c("meeting_number", "int", "第2回 → 2 (meeting.number)"),
        _MEETING[1],
        _c("utterance_id", "string", "u1, u2 … (utterance.id)", nullable=False),
        _c("order", "int", "1 for the first turn", nullable=False),
        _c("section_id", "string", "the heading it falls under, or null"),
        _c("section_title", "string", "that section's title"),
        _c("speaker_label", "string", "the label as printed", nullable=False),
        _c("speaker_name", "string", "the speaker's name when known"),
        _c("speaker_role", "string", "役職 or function in the label (座長, 委員)"),
        _c("speaker_id", "string", "the member's id, or null when no member matches"),
        _c("text", "string", "the normalized text, paragraphs separated by \\n", nullable=False),
        _c("chars", "int", "characters of text, paragraph breaks not counted", nullable=False),
        *_SPAN,
        _c("meeting_house", "string", "衆議院 / 参議院 (meeting.house)"),
        _c("meeting_session", "int", "国会の回次 (meeting.session)"),
        _c("speaker_group", "string", "会派: the NDL API's speakerGroup (speaker.affiliation)"),
        _c("speaker_yomi", "string", "the name's reading (speaker.yomi)"),
        _c("speaker_title", "string", "肩書き: speaker.title (the API's), else the member's title"),
        _c("speaker_affiliation", "string", "所属: the member's affiliation, e.g. a university"),
        _c("speaker_seat", "int", "議席番号 in the label, else the member's seat"),
    ),
    "members": (
        *_DOCUMENT,
        *_MEETING,
        _c("member_id", "string", "m1, m2 …: what utterances.speaker_id holds", nullable=False),
        _c("name", "string", "the name without spaces; null for an office"),
        _c("title", "string", "役職 as listed (委員, 情報政策課長)"),
        _c("group", "string", "the list or body they are listed under"),
        _c("roles", "strings", "functions in this meeting (座長)", nullable=False),
        _c("attendance", "string", "present, absent or unknown", nullable=False),
        _c("seat", "int", "議席番号, when printed"),
        _c("affiliation", "string", "所属, e.g. a university"),
        _c("entry", "string", "the roster entry as printed (normalized)", nullable=False),
        _c("utterances", "int", "how many turns they took", nullable=False),
        *_SPAN,
    ),
    "sections": (
        *_DOCUMENT,
        *_MEETING,
        _c("section_id", "string", "s1, s2 …: what utterances.section_id holds", nullable=False),
        _c("kind", "string", "heading, agenda or preamble", nullable=False),
        _c("number", "int", "the printed number: 議題（１） → 1"),
        _c("title", "string", "the title without number and brackets", nullable=False),
        _c("level", "int", "1 for an item, 2 for a sub-item", nullable=False),
        _c("heading", "string", "the heading line as printed", nullable=False),
        _c("owner", "string", "who presents it, when the heading says"),
        _c("tags", "strings", "e.g. priority 高, kind 報告", nullable=False),
        _c("items", "int", "summary minutes: how many items it holds", nullable=False),
        _c("utterances", "int", "how many turns fall under it", nullable=False),
        *_SPAN,
    ),
    "items": (
        *_DOCUMENT,
        *_MEETING,
        _c("section_id", "string", "the section it belongs to", nullable=False),
        _c("section_title", "string", "that section's title", nullable=False),
        _c("item", "int", "1 for the first item of its section", nullable=False),
        _c("kind", "string", "bullet, paragraph, decision or todo", nullable=False),
        _c("text", "string", "the item's text (normalized)", nullable=False),
        _c("owner", "string", "who does it or said it, when named"),
        _c("depth", "int", "nesting level of the bullet, 0 at the top", nullable=False),
        _c("chars", "int", "characters of text", nullable=False),
        *_SPAN,
    ),
}


class UtteranceRow(TypedDict):
    """One utterance as a flat row; the keys are :data:`COLUMNS`, in that order.

    ``chars`` counts the characters of ``text`` (the normalized text, notes included,
    paragraph breaks not counted). ``meeting_date`` is a :class:`datetime.date` or None.
    """

    source: str | None
    meeting_title: str | None
    meeting_body: str | None
    meeting_number: int | None
    meeting_date: dt.date | None
    utterance_id: str
    order: int
    section_id: str | None
    section_title: str | None
    speaker_label: str
    speaker_name: str | None
    speaker_role: str | None
    speaker_id: str | None
    text: str
    chars: int
    line_start: int
    line_end: int
    page: int | None
    meeting_house: str | None
    meeting_session: int | None
    speaker_group: str | None
    speaker_yomi: str | None
    speaker_title: str | None
    speaker_affiliation: str | None
    speaker_seat: int | None


class MemberRow(TypedDict):
    """One roster member as a flat row (the ``members`` table of :data:`TABLES`)."""

    source: str | None
    meeting_body: str | None
    meeting_date: dt.date | None
    member_id: str
    name: str | None
    title: str | None
    group: str | None
    roles: list[str]
    attendance: str
    seat: int | None
    affiliation: str | None
    entry: str
    utterances: int
    line_start: int
    line_end: int
    page: int | None


class SectionRow(TypedDict):
    """One section as a flat row (the ``sections`` table of :data:`TABLES`)."""

    source: str | None
    meeting_body: str | None
    meeting_date: dt.date | None
    section_id: str
    kind: str
    number: int | None
    title: str
    level: int
    heading: str
    owner: str | None
    tags: list[str]
    items: int
    utterances: int
    line_start: int
    line_end: int
    page: int | None


class ItemRow(TypedDict):
    """One item of summary minutes as a flat row (the ``items`` table of :data:`TABLES`)."""

    source: str | None
    meeting_body: str | None
    meeting_date: dt.date | None
    section_id: str
    section_title: str
    item: int
    kind: str
    text: str
    owner: str | None
    depth: int
    chars: int
    line_start: int
    line_end: int
    page: int | None


Row = UtteranceRow | MemberRow | SectionRow | ItemRow

#: The columns of :func:`utterances_table`, CSV and Parquet output, in order.
COLUMNS: tuple[str, ...] = tuple(UtteranceRow.__annotations__)
#: The integer columns of :func:`utterances_table`: 64-bit in Arrow, Parquet and pandas.
INTEGER_COLUMNS = ("meeting_number", "order", "chars", "line_start", "line_end", "page")


@dataclass(frozen=True)
class SpeakerStats:
    """How much one speaker said in one meeting (see :func:`speakers`).

    Attributes:
        speaker_id: the roster member's id, or None when the label matched no member.
        name: the person's name when known.
        role: the role or title printed most often in their labels (座長, 委員 …).
        labels: every label printed for them, in order of first use.
        utterances: how many turns they took.
        characters: the characters of those turns (as ``chars`` in the rows).
        first_turn: ``order`` of their first turn.
        last_turn: ``order`` of their last turn.
    """

    speaker_id: str | None
    name: str | None
    role: str | None
    labels: tuple[str, ...]
    utterances: int
    characters: int
    first_turn: int
    last_turn: int


def _chars(text: str) -> int:
    return len(text) - text.count("\n")


def utterances_table(minutes: Minutes) -> list[UtteranceRow]:
    """One plain row per utterance, in order (see :class:`UtteranceRow`).

    Example:
        >>> import gijiroku
        >>> rows = gijiroku.parse("座長 はじめます。").utterances_table()
        >>> rows[0]["speaker_role"], rows[0]["text"], rows[0]["chars"]
        ('座長', 'はじめます。', 6)
    """
    meeting = minutes.meeting
    titles = {section.id: section.title for section in minutes.sections}
    members: dict[str, Member] = {member.id: member for member in minutes.members}
    table: list[UtteranceRow] = []
    for u in minutes.utterances:
        s = u.speaker
        member = members.get(u.speaker_id) if u.speaker_id else None
        table.append(
            UtteranceRow(
                source=minutes.source.name,
                meeting_title=meeting.title,
                meeting_body=meeting.body,
                meeting_number=meeting.number,
                meeting_date=meeting.date,
                utterance_id=u.id,
                order=u.order,
                section_id=u.section_id,
                section_title=titles.get(u.section_id) if u.section_id else None,
                speaker_label=s.label,
                speaker_name=s.name,
                speaker_role=s.role,
                speaker_id=u.speaker_id,
                text=u.text,
                chars=_chars(u.text),
                line_start=u.span.line_start,
                line_end=u.span.line_end,
                page=u.span.page,
                meeting_house=meeting.house,
                meeting_session=meeting.session,
                speaker_group=s.affiliation,
                speaker_yomi=s.yomi,
                speaker_title=s.title or (member.title if member else None),
                speaker_affiliation=member.affiliation if member else None,
                speaker_seat=s.seat if s.seat is not None else (member.seat if member else None),
            )
        )
    return table


def members_table(minutes: Minutes) -> list[MemberRow]:
    """One plain row per roster member (the ``members`` table of :data:`TABLES`).

    Example:
        >>> m = gijiroku.parse_file("samples/council/sendai-ict-2016-02-08.txt")  # doctest: +SKIP
        >>> members_table(m)[1]["roles"]  # doctest: +SKIP
        ['座長']
    """
    meeting = minutes.meeting
    turns = Counter(u.speaker_id for u in minutes.utterances if u.speaker_id)
    return [
        MemberRow(
            source=minutes.source.name,
            meeting_body=meeting.body,
            meeting_date=meeting.date,
            member_id=m.id,
            name=m.name,
            title=m.title,
            group=m.group,
            roles=list(m.roles),
            attendance=m.attendance,
            seat=m.seat,
            affiliation=m.affiliation,
            entry=m.entry,
            utterances=turns[m.id],
            line_start=m.span.line_start,
            line_end=m.span.line_end,
            page=m.span.page,
        )
        for m in minutes.members
    ]


def sections_table(minutes: Minutes) -> list[SectionRow]:
    """One plain row per section: agenda items, headings, the parts of summary minutes."""
    meeting = minutes.meeting
    turns = Counter(u.section_id for u in minutes.utterances if u.section_id)
    return [
        SectionRow(
            source=minutes.source.name,
            meeting_body=meeting.body,
            meeting_date=meeting.date,
            section_id=s.id,
            kind=s.kind,
            number=s.number,
            title=s.title,
            level=s.level,
            heading=s.heading,
            owner=s.owner,
            tags=list(s.tags),
            items=len(s.items),
            utterances=turns[s.id],
            line_start=s.span.line_start,
            line_end=s.span.line_end,
            page=s.span.page,
        )
        for s in minutes.sections
    ]


def items_table(minutes: Minutes) -> list[ItemRow]:
    """One plain row per item of summary minutes (bullets, paragraphs, decisions, to-dos).

    Example:
        >>> import gijiroku
        >>> m = gijiroku.parse("# 会議\\n## 議題\\n* TODO: 資料を送る(sano\\n")
        >>> [(r["section_title"], r["kind"], r["owner"]) for r in items_table(m)]
        [('議題', 'todo', 'sano')]
    """
    meeting = minutes.meeting
    return [
        ItemRow(
            source=minutes.source.name,
            meeting_body=meeting.body,
            meeting_date=meeting.date,
            section_id=s.id,
            section_title=s.title,
            item=position,
            kind=item.kind,
            text=item.text,
            owner=item.owner,
            depth=item.depth,
            chars=_chars(item.text),
            line_start=item.span.line_start,
            line_end=item.span.line_end,
            page=item.span.page,
        )
        for s in minutes.sections
        for position, item in enumerate(s.items, start=1)
    ]


_BUILDERS: dict[TableName, Callable[[Minutes], list[Any]]] = {
    "utterances": utterances_table,
    "members": members_table,
    "sections": sections_table,
    "items": items_table,
}


def _table_name(table: str) -> TableName:
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}, not {table!r}")
    return table


@overload
def table_rows(minutes: Minutes, *, table: Literal["utterances"] = ...) -> list[UtteranceRow]: ...
@overload
def table_rows(minutes: Minutes, *, table: Literal["members"]) -> list[MemberRow]: ...
@overload
def table_rows(minutes: Minutes, *, table: Literal["sections"]) -> list[SectionRow]: ...
@overload
def table_rows(minutes: Minutes, *, table: Literal["items"]) -> list[ItemRow]: ...
@overload
def table_rows(minutes: Minutes, *, table: TableName) -> list[Row]: ...
def table_rows(minutes: Minutes, *, table: TableName = "utterances") -> list[Any]:
    """The rows of one table of one document (``utterances``, ``members``, ``sections`` or
    ``items``)."""
    return _BUILDERS[_table_name(table)](minutes)


def speakers(minutes: Minutes) -> list[SpeakerStats]:
    """Per-speaker statistics, the speaker who said most first (ties: who spoke first).

    Turns are grouped by ``speaker_id`` when the label was resolved to a roster member,
    else by the printed name and role (or the label when neither is known).

    Example:
        >>> import gijiroku
        >>> m = gijiroku.parse("座長 はじめます。\\n林委員 賛成です。\\n座長 では次に。")
        >>> [(s.role, s.utterances, s.characters, s.first_turn, s.last_turn)
        ...  for s in m.speakers()]
        [('座長', 2, 11, 1, 3), ('委員', 1, 5, 2, 2)]
    """
    groups: dict[tuple[str, ...], list[Utterance]] = {}
    for u in minutes.utterances:
        if u.speaker_id is not None:
            key: tuple[str, ...] = ("id", u.speaker_id)
        elif u.speaker.name is not None or u.speaker.role is not None:
            key = ("name", u.speaker.name or "", u.speaker.role or "")
        else:
            key = ("label", u.speaker.label)
        groups.setdefault(key, []).append(u)
    stats = []
    for turns in groups.values():
        names = [u.speaker.name for u in turns if u.speaker.name]
        roles = [u.speaker.role for u in turns if u.speaker.role]
        stats.append(
            SpeakerStats(
                speaker_id=turns[0].speaker_id,
                name=_most_common(names),
                role=_most_common(roles),
                labels=tuple(dict.fromkeys(u.speaker.label for u in turns)),
                utterances=len(turns),
                characters=sum(_chars(u.text) for u in turns),
                first_turn=turns[0].order,
                last_turn=turns[-1].order,
            )
        )
    stats.sort(key=lambda s: (-s.characters, s.first_turn))
    return stats


def _most_common(values: list[str]) -> str | None:
    """The most frequent value; ties go to the one seen first."""
    if not values:
        return None
    counts = Counter(values)
    return max(counts, key=lambda value: counts[value])  # max keeps the first of equals


def check_integers(table: Iterable[Mapping[str, Any]], bits: int = 64) -> None:
    """Make sure every integer in the rows of a table fits a signed ``bits``-bit integer
    column (Arrow, Parquet and pandas columns are 64-bit).

    Raises:
        OutputError: a value does not fit; the message names the source, the column and the
            value. :func:`gijiroku.parse` reads no number above ``dates.MAX_NUMBER``, which
            fits; records built by hand or read back from JSON may hold any integer.

    Example:
        >>> import gijiroku
        >>> m = gijiroku.parse("会議録\\n座長 はい。")
        >>> m = m.model_copy(update={"meeting": m.meeting.model_copy(update={"number": 2**63})})
        >>> check_integers(m.utterances_table())
        Traceback (most recent call last):
        ...
        gijiroku.errors.OutputError: meeting_number 9223372036854775808 does not fit a 64-bit integer column
    """
    from gijiroku.errors import OutputError

    high = (1 << (bits - 1)) - 1
    low = -high - 1
    for row in table:
        for column, value in row.items():
            if type(value) is int and not low <= value <= high:
                source = row.get("source")
                where = f"{source}: " if source else ""
                raise OutputError(
                    f"{where}{column} {value} does not fit a {bits}-bit integer column",
                    source=source,
                )


def documents(many: Many) -> Iterator[Minutes]:
    """The minutes in ``many`` — one :class:`~gijiroku.Minutes`, or an iterable of minutes and
    :class:`~gijiroku.ParseResult` (failed results skipped) — one at a time, so a generator
    such as :func:`~gijiroku.parse_many` is never held whole.

    Raises:
        TypeError: an item that is neither.
    """
    from gijiroku.batch import ParseResult
    from gijiroku.models import Minutes

    if isinstance(many, (Minutes, ParseResult)):
        many = [many]
    for item in many:
        if isinstance(item, ParseResult):
            if item.minutes is None:
                continue
            item = item.minutes
        if not isinstance(item, Minutes):
            raise TypeError(f"expected Minutes or ParseResult, not {type(item).__name__}")
        yield item


@overload
def rows(many: Many, *, table: Literal["utterances"] = ...) -> list[UtteranceRow]: ...
@overload
def rows(many: Many, *, table: Literal["members"]) -> list[MemberRow]: ...
@overload
def rows(many: Many, *, table: Literal["sections"]) -> list[SectionRow]: ...
@overload
def rows(many: Many, *, table: Literal["items"]) -> list[ItemRow]: ...
@overload
def rows(many: Many, *, table: TableName) -> list[Row]: ...
def rows(many: Many, *, table: TableName = "utterances") -> list[Any]:
    """The rows of one table of several minutes, one after the other; failed results are
    skipped.

    Example:
        >>> import gijiroku
        >>> docs = [gijiroku.parse("座長 はい。"), gijiroku.parse("林委員 いいえ。")]
        >>> [r["speaker_label"] for r in rows(docs)]
        ['座長', '林委員']
    """
    build = _BUILDERS[_table_name(table)]
    table_rows_: list[Any] = []
    for minutes in documents(many):
        table_rows_.extend(build(minutes))
    return table_rows_


# -- Arrow, pandas, Parquet ----------------------------------------------------------------------


def _require(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{module} is needed for this; install it with: pip install 'gijiroku[{extra}]'"
        ) from exc


#: Column type → (pandas dtype name, pandas_type) in the pandas metadata a schema carries, so
#: that pyarrow's and pandas' readers rebuild the same dtypes, nulls or not.
_PANDAS_TYPES: dict[ColumnType, tuple[str, str]] = {
    "string": ("string[pyarrow]", "unicode"),
    "int": ("Int64", "int64"),
    "date": ("date32[day][pyarrow]", "date"),
    "strings": ("object", "list[unicode]"),
}


def parquet_metadata(*, table: TableName = "utterances") -> dict[str, str]:
    """What gijiroku writes in a Parquet file's key-value metadata under the key
    ``gijiroku``: ``schema_version`` (of the JSON contract), ``version`` (of the library) and
    ``table``.

    Example:
        >>> parquet_metadata(table="members")["table"]
        'members'
    """
    from gijiroku import __version__
    from gijiroku.models import SCHEMA_VERSION

    return {"schema_version": SCHEMA_VERSION, "version": __version__, "table": table}


def _schema_metadata(table: TableName) -> dict[bytes, bytes]:
    from gijiroku import __version__

    columns = [
        {
            "name": column.name,
            "field_name": column.name,
            "pandas_type": _PANDAS_TYPES[column.type][1],
            "numpy_type": _PANDAS_TYPES[column.type][0],
            "metadata": None,
        }
        for column in TABLES[table]
    ]
    pandas_metadata = {
        "index_columns": [],
        "column_indexes": [],
        "columns": columns,
        "creator": {"library": "gijiroku", "version": __version__},
    }
    return {
        b"pandas": json.dumps(pandas_metadata).encode("utf-8"),
        b"gijiroku": json.dumps(parquet_metadata(table=table)).encode("utf-8"),
    }


def arrow_schema(*, table: TableName = "utterances") -> pyarrow.Schema:
    """The ``pyarrow.Schema`` of a table (needs pyarrow): one fixed type per column, so an
    empty table or an all-null column still has its type; the schema's metadata holds
    :func:`parquet_metadata` and the pandas dtypes."""
    pa = _require("pyarrow", "pandas")
    name = _table_name(table)
    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "date": pa.date32(),
        "strings": pa.list_(pa.string()),
    }
    fields = [pa.field(c.name, types[c.type], nullable=c.nullable) for c in TABLES[name]]
    return pa.schema(fields, metadata=_schema_metadata(name))


def to_arrow(many: Many, *, table: TableName = "utterances") -> pyarrow.Table:
    """A table's rows as a ``pyarrow.Table`` with :func:`arrow_schema` (needs pyarrow).

    Raises:
        OutputError: a number does not fit a 64-bit column (see :func:`check_integers`).
    """
    pa = _require("pyarrow", "pandas")
    found = rows(many, table=table)
    check_integers(found)
    return pa.Table.from_pylist(found, schema=arrow_schema(table=table))


def to_pandas(many: Many, *, table: TableName = "utterances") -> pandas.DataFrame:
    """A table as a ``pandas.DataFrame`` (needs ``gijiroku[pandas]``): one row per utterance
    by default, or per member, section or summary item (``table=``).

    Accepts one :class:`~gijiroku.Minutes`, or any iterable of minutes and
    :class:`~gijiroku.ParseResult` (failed results are skipped), e.g. what
    :func:`~gijiroku.parse_many` yields. The column types are the same for every document and
    after a Parquet round trip: ``string[pyarrow]`` text, ``Int64`` numbers, ``meeting_date``
    as ``date32[pyarrow]``, lists as Python objects (see :data:`TABLES`).

    Raises:
        OutputError: a number does not fit a 64-bit column (see :func:`check_integers`).

    Example:
        >>> import gijiroku
        >>> df = gijiroku.to_pandas(gijiroku.parse_many(["a.txt", "b.txt"]))  # doctest: +SKIP
        >>> df.groupby("speaker_name")["chars"].sum().sort_values()  # doctest: +SKIP
    """
    _require("pandas", "pandas")
    try:
        return to_arrow(many, table=table).to_pandas()
    except (OverflowError, ValueError) as exc:  # pyarrow's ArrowInvalid is a ValueError
        from gijiroku.errors import OutputError

        raise OutputError(f"the table cannot be built: {exc}") from exc


def to_parquet(
    many: Many,
    path: str | os.PathLike[str],
    *,
    table: TableName = "utterances",
) -> int:
    """Write a table to a Parquet file (needs pyarrow); returns the number of rows.

    The rows are written in row groups as the minutes arrive, so a generator such as
    :func:`~gijiroku.parse_many` is never held in memory whole. The file's metadata holds
    :func:`parquet_metadata` under the key ``gijiroku``.

    Example:
        >>> import gijiroku
        >>> gijiroku.to_parquet(gijiroku.parse_many(paths), "corpus.parquet")  # doctest: +SKIP
        1234
    """
    from gijiroku.writers import ParquetWriter

    with ParquetWriter(path, table=_table_name(table)) as writer:
        for minutes in documents(many):
            writer.write(minutes)
    return writer.rows


def flat_value(value: object) -> object:
    """A row value for CSV: a list joined with 、, a date as ISO text, None as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "、".join(map(str, value))
    return value
