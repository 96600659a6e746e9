"""Streaming writers for many parsed minutes: JSON, JSON Lines, CSV and Parquet.

Each writer takes minutes one at a time (``write``), keeps only what it must in memory, and
opens its file on the first write (or at ``close``), so a run that produced nothing leaves
no half-made file behind. Used by ``gijiroku parse`` and the dask integration.

=========  ================================================================================
format     what is written
=========  ================================================================================
json       one JSON document; an array of them when ``single=False`` (several inputs)
jsonl      one line of JSON per minutes (JSON Lines)
csv        one row per utterance (:data:`gijiroku.tables.COLUMNS`), or per member, section
           or item (``table=``), UTF-8; with ``bom=True`` a byte-order mark first, so that
           Excel opens the Japanese text correctly; lists joined with 、
parquet    the same rows, typed columns (:func:`gijiroku.tables.arrow_schema`), written in
           row groups as it goes, gijiroku's schema and library versions in the file's
           metadata; needs pyarrow (``gijiroku[pandas]``)
=========  ================================================================================

Example:
    >>> import gijiroku, io
    >>> out = io.StringIO()
    >>> with open_writer("jsonl", out) as writer:
    ...     writer.write(gijiroku.parse("座長 はい。"))
    >>> out.getvalue().count("\\n"), writer.documents, writer.rows
    (1, 1, 1)
"""

from __future__ import annotations

import csv
import os
from types import TracebackType
from typing import IO, Any, Literal

from gijiroku.models import Minutes
from gijiroku.tables import TABLES, TableName, arrow_schema, flat_value, table_rows

__all__ = [
    "OUTPUT_FORMATS",
    "CsvWriter",
    "JsonLinesWriter",
    "JsonWriter",
    "MinutesWriter",
    "OutputFormat",
    "ParquetWriter",
    "open_writer",
]

OutputFormat = Literal["json", "jsonl", "csv", "parquet"]
OUTPUT_FORMATS: tuple[OutputFormat, ...] = ("json", "jsonl", "csv", "parquet")
Target = str | os.PathLike[str] | IO[Any]


class MinutesWriter:
    """Base class: counts what was written and opens the target lazily.

    Attributes:
        documents: minutes written so far.
        rows: utterance rows written so far (CSV and Parquet; JSON counts utterances).
    """

    binary = False

    def __init__(self, target: Target, *, encoding: str = "utf-8") -> None:
        self._target = target
        self._encoding = encoding
        self._stream: IO[Any] | None = None
        self._owned = False
        self.documents = 0
        self.rows = 0
        self.closed = False

    def _open(self) -> IO[Any]:
        if self._stream is None:
            if isinstance(self._target, (str, os.PathLike)):
                if self.binary:
                    self._stream = open(self._target, "wb")  # noqa: SIM115
                else:
                    self._stream = open(  # noqa: SIM115
                        self._target, "w", encoding=self._encoding, newline=""
                    )
                self._owned = True
            else:
                self._stream = self._target
            self._start(self._stream)
        return self._stream

    def _start(self, stream: IO[Any]) -> None:
        """Write what comes before the first document."""

    def _finish(self, stream: IO[Any]) -> None:
        """Write what comes after the last document."""

    def _needs_output_when_empty(self) -> bool:
        return True

    def write(self, minutes: Minutes) -> None:
        """Write one document."""
        self._write(self._open(), minutes)
        self.documents += 1

    def _write(self, stream: IO[Any], minutes: Minutes) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (closing brackets, the Parquet footer) and close a file we
        opened; a stream passed in is flushed, not closed."""
        if self.closed:
            return
        self.closed = True
        if self._stream is None and not self._needs_output_when_empty():
            return
        stream = self._open()
        self._finish(stream)
        if self._owned:
            stream.close()
        else:
            stream.flush()

    def __enter__(self) -> MinutesWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class JsonWriter(MinutesWriter):
    """One JSON document (``single=True``), or a JSON array written element by element."""

    def __init__(self, target: Target, *, single: bool = False, indent: int | None = 1) -> None:
        super().__init__(target)
        self.single = single
        self.indent = indent

    def _start(self, stream: IO[Any]) -> None:
        if not self.single:
            stream.write("[\n")

    def _write(self, stream: IO[Any], minutes: Minutes) -> None:
        if self.single and self.documents:
            raise ValueError("a single-document JSON writer takes one document")
        if not self.single and self.documents:
            stream.write(",\n")
        stream.write(minutes.to_json(indent=self.indent))
        if self.single:
            stream.write("\n")
        self.rows += len(minutes.utterances)

    def _finish(self, stream: IO[Any]) -> None:
        if not self.single:
            stream.write("\n]\n" if self.documents else "]\n")

    def _needs_output_when_empty(self) -> bool:
        return not self.single


class JsonLinesWriter(MinutesWriter):
    """One compact JSON document per line."""

    def _write(self, stream: IO[Any], minutes: Minutes) -> None:
        stream.write(minutes.to_json(indent=None) + "\n")
        self.rows += len(minutes.utterances)


class CsvWriter(MinutesWriter):
    """One row per utterance (or member, section, item: ``table=``), with a header row;
    dates as ISO text, lists joined with 、, missing values empty."""

    def __init__(
        self, target: Target, *, bom: bool = False, table: TableName = "utterances"
    ) -> None:
        super().__init__(target, encoding="utf-8-sig" if bom else "utf-8")
        self.bom = bom
        self.table = table
        self._columns = [column.name for column in TABLES[table]]
        self._csv: Any = None

    def _start(self, stream: IO[Any]) -> None:
        if self.bom and not self._owned:
            stream.write("\ufeff")
        self._csv = csv.writer(stream)
        self._csv.writerow(self._columns)

    def _write(self, stream: IO[Any], minutes: Minutes) -> None:
        table = table_rows(minutes, table=self.table)
        self._csv.writerows([flat_value(row[c]) for c in self._columns] for row in table)  # type: ignore[literal-required]
        self.rows += len(table)


class ParquetWriter(MinutesWriter):
    """One row per utterance (or member, section, item: ``table=``) in a Parquet file,
    ``row_group_rows`` rows per row group; :func:`gijiroku.tables.parquet_metadata` in the
    file's key-value metadata under ``gijiroku``."""

    binary = True

    def __init__(
        self, target: Target, *, row_group_rows: int = 50_000, table: TableName = "utterances"
    ) -> None:
        super().__init__(target)
        import importlib

        try:
            self._pa = importlib.import_module("pyarrow")
            self._pq = importlib.import_module("pyarrow.parquet")
        except ImportError as exc:
            raise ImportError(
                "Parquet output needs pyarrow; install it with: pip install 'gijiroku[pandas]'"
            ) from exc
        self.row_group_rows = row_group_rows
        self.table = table
        self._schema = arrow_schema(table=table)
        self._buffer: list[Any] = []
        self._parquet: Any = None

    def _start(self, stream: IO[Any]) -> None:
        self._parquet = self._pq.ParquetWriter(stream, self._schema)

    def _write(self, stream: IO[Any], minutes: Minutes) -> None:
        table = table_rows(minutes, table=self.table)
        self._buffer.extend(table)
        self.rows += len(table)
        if len(self._buffer) >= self.row_group_rows:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            batch = self._pa.Table.from_pylist(self._buffer, schema=self._schema)
            self._parquet.write_table(batch)
            self._buffer = []

    def _finish(self, stream: IO[Any]) -> None:
        self._flush()
        self._parquet.close()


def open_writer(
    format: OutputFormat,
    target: Target,
    *,
    single: bool = False,
    bom: bool = False,
    table: TableName = "utterances",
) -> MinutesWriter:
    """A writer for ``format`` into ``target`` (a path, or an open stream: text for json,
    jsonl and csv, binary for parquet).

    Args:
        format: ``json``, ``jsonl``, ``csv`` or ``parquet``.
        target: where to write; a path is opened (and created) at the first write.
        single: JSON only: write one document rather than an array.
        bom: CSV only: start with a UTF-8 byte-order mark (for Excel).
        table: CSV and Parquet: which table (``utterances``, ``members``, ``sections``,
            ``items``; see :data:`gijiroku.tables.TABLES`).

    Raises:
        ValueError: an unknown format.
        ImportError: ``parquet`` without pyarrow installed.
    """
    if format == "json":
        return JsonWriter(target, single=single)
    if format == "jsonl":
        return JsonLinesWriter(target)
    if format == "csv":
        return CsvWriter(target, bom=bom, table=table)
    if format == "parquet":
        return ParquetWriter(target, table=table)
    raise ValueError(f"format must be one of {', '.join(OUTPUT_FORMATS)}, not {format!r}")
