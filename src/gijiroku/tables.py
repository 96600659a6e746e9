"""Flat views of parsed minutes for downstream code: rows, speaker stats, pandas, Parquet.

- :func:`utterances_table` gives one plain row (a ``dict``) per utterance, with the meeting
  and section it belongs to, ready for ``csv.DictWriter``, a DataFrame or a database.
- :func:`speakers` answers "who spoke how much": turns, characters, first and last turn.
- :func:`to_pandas` and :func:`to_parquet` need the optional extra ``gijiroku[pandas]``
  (pandas and pyarrow); they are imported only when called.

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
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    import pandas
    import pyarrow

    from gijiroku.batch import ParseResult
    from gijiroku.models import Minutes, Utterance

__all__ = [
    "COLUMNS",
    "SpeakerStats",
    "UtteranceRow",
    "arrow_schema",
    "check_integers",
    "rows",
    "speakers",
    "to_arrow",
    "to_pandas",
    "to_parquet",
    "utterances_table",
]


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


#: The columns of :func:`utterances_table`, CSV and Parquet output, in order.
COLUMNS: tuple[str, ...] = tuple(UtteranceRow.__annotations__)
#: The integer columns: 32-bit in Parquet (:func:`arrow_schema`), 64-bit in pandas.
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
    table: list[UtteranceRow] = []
    for u in minutes.utterances:
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
                speaker_label=u.speaker.label,
                speaker_name=u.speaker.name,
                speaker_role=u.speaker.role,
                speaker_id=u.speaker_id,
                text=u.text,
                chars=_chars(u.text),
                line_start=u.span.line_start,
                line_end=u.span.line_end,
                page=u.span.page,
            )
        )
    return table


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


def check_integers(table: Iterable[UtteranceRow], bits: int) -> None:
    """Make sure every integer column fits a signed ``bits``-bit integer.

    Raises:
        OutputError: a value does not fit (e.g. ``第99999999999回`` in a 32-bit Parquet
            column); the message names the source, the column and the value.

    Example:
        >>> import gijiroku
        >>> check_integers(gijiroku.parse("第9999999999回 会議録\\n座長 はい。").utterances_table(), 32)
        Traceback (most recent call last):
        ...
        gijiroku.errors.OutputError: meeting_number 9999999999 does not fit a 32-bit integer column
    """
    from gijiroku.errors import OutputError

    high = (1 << (bits - 1)) - 1
    low = -high - 1
    for row in table:
        values = (row["meeting_number"], row["order"], row["chars"], row["line_start"],
                  row["line_end"], row["page"])  # fmt: skip
        for column, value in zip(INTEGER_COLUMNS, values, strict=True):
            if value is not None and not low <= value <= high:
                where = f"{row['source']}: " if row["source"] else ""
                raise OutputError(
                    f"{where}{column} {value} does not fit a {bits}-bit integer column",
                    source=row["source"],
                )


def rows(many: Minutes | ParseResult | Iterable[Minutes | ParseResult]) -> list[UtteranceRow]:
    """The rows of several minutes, one after the other; failed results are skipped.

    Example:
        >>> import gijiroku
        >>> docs = [gijiroku.parse("座長 はい。"), gijiroku.parse("林委員 いいえ。")]
        >>> [r["speaker_label"] for r in rows(docs)]
        ['座長', '林委員']
    """
    from gijiroku.batch import ParseResult
    from gijiroku.models import Minutes

    if isinstance(many, (Minutes, ParseResult)):
        many = [many]
    table: list[UtteranceRow] = []
    for item in many:
        if isinstance(item, ParseResult):
            if item.minutes is None:
                continue
            item = item.minutes
        if not isinstance(item, Minutes):
            raise TypeError(f"expected Minutes or ParseResult, not {type(item).__name__}")
        table.extend(utterances_table(item))
    return table


def _require(module: str, extra: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{module} is needed for this; install it with: pip install 'gijiroku[{extra}]'"
        ) from exc


def arrow_schema() -> pyarrow.Schema:
    """The ``pyarrow.Schema`` of the rows (needs pyarrow): explicit types, so an empty
    table or an all-null column still has the right type."""
    pa = _require("pyarrow", "pandas")
    types = {
        "meeting_number": pa.int32(),
        "meeting_date": pa.date32(),
        "order": pa.int32(),
        "chars": pa.int32(),
        "line_start": pa.int32(),
        "line_end": pa.int32(),
        "page": pa.int32(),
    }
    nullable = {"utterance_id", "order", "speaker_label", "text", "chars", "line_start", "line_end"}
    return pa.schema(
        [
            pa.field(name, types.get(name, pa.string()), nullable=name not in nullable)
            for name in COLUMNS
        ]
    )


def to_arrow(many: Minutes | ParseResult | Iterable[Minutes | ParseResult]) -> pyarrow.Table:
    """The rows as a ``pyarrow.Table`` with :func:`arrow_schema` (needs pyarrow)."""
    pa = _require("pyarrow", "pandas")
    return pa.Table.from_pylist(rows(many), schema=arrow_schema())


def to_pandas(many: Minutes | ParseResult | Iterable[Minutes | ParseResult]) -> pandas.DataFrame:
    """The rows as a ``pandas.DataFrame``, one row per utterance (needs ``gijiroku[pandas]``).

    Accepts one :class:`~gijiroku.Minutes`, or any iterable of minutes and
    :class:`~gijiroku.ParseResult` (failed results are skipped), e.g. what
    :func:`~gijiroku.parse_many` yields. Integer columns that may be missing use pandas'
    nullable ``Int64``; ``meeting_date`` is a ``datetime64`` column.

    Raises:
        OutputError: a number does not fit a 64-bit column (see :func:`check_integers`).

    Example:
        >>> import gijiroku
        >>> df = gijiroku.to_pandas(gijiroku.parse_many(["a.txt", "b.txt"]))  # doctest: +SKIP
        >>> df.groupby("speaker_name")["chars"].sum().sort_values()  # doctest: +SKIP
    """
    pd = _require("pandas", "pandas")
    table = rows(many)
    check_integers(table, 64)
    frame = pd.DataFrame.from_records(table, columns=list(COLUMNS))
    frame = frame.astype(
        {
            "meeting_number": "Int64",
            "order": "int64",
            "chars": "int64",
            "line_start": "int64",
            "line_end": "int64",
            "page": "Int64",
        }
    )
    frame["meeting_date"] = pd.to_datetime(frame["meeting_date"])
    return frame


def to_parquet(
    many: Minutes | ParseResult | Iterable[Minutes | ParseResult],
    path: str | os.PathLike[str],
) -> int:
    """Write the rows to a Parquet file (needs pyarrow); returns the number of rows.

    The rows are written in row groups as the minutes arrive, so a generator such as
    :func:`~gijiroku.parse_many` is never held in memory whole.

    Example:
        >>> import gijiroku
        >>> gijiroku.to_parquet(gijiroku.parse_many(paths), "corpus.parquet")  # doctest: +SKIP
        1234
    """
    from gijiroku.batch import ParseResult
    from gijiroku.models import Minutes
    from gijiroku.writers import ParquetWriter

    if isinstance(many, (Minutes, ParseResult)):
        many = [many]
    with ParquetWriter(path) as writer:
        for item in many:
            if isinstance(item, ParseResult):
                if item.minutes is None:
                    continue
                item = item.minutes
            writer.write(item)
    return writer.rows
