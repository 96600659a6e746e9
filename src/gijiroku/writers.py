"""Streaming writers for many parsed minutes: JSON, JSON Lines, CSV and Parquet.

Each writer takes minutes one at a time (``write``), keeps only what it must in memory, and
opens its output on the first write (or at ``close``), so a run that produced nothing leaves
no half-made file behind.

A file is never written in place: the writer writes a hidden temporary file in the same
folder (``.NAME.XXXXXXXX.part``) and renames it over ``NAME`` in :meth:`MinutesWriter.close`,
so the file under that name is either the old one or the complete new one, never a part;
:meth:`MinutesWriter.abort` (or leaving a ``with`` block by an exception) deletes the
temporary file. An output that exists and is no regular file (``/dev/null``, a FIFO) is
written directly; a symbolic link keeps pointing at its file, which is replaced.

A document the output cannot hold (a number too large for a Parquet column, text JSON cannot
encode) raises :class:`~gijiroku.OutputError` before anything of it is written; the writer
can go on with the next one. Used by ``gijiroku parse`` and the dask integration.

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

import contextlib
import csv
import io
import os
import secrets
import stat
from types import TracebackType
from typing import IO, Any, Literal

from gijiroku.errors import OutputError
from gijiroku.models import Minutes
from gijiroku.tables import (
    TABLES,
    TableName,
    arrow_schema,
    check_integers,
    flat_value,
    table_rows,
)

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
#: Windows: no newline translation below Python's own (which ``newline=""`` turns off).
_BINARY = getattr(os, "O_BINARY", 0)


class MinutesWriter:
    """Base class: counts what was written, opens the target lazily, and writes a file
    through a temporary file renamed into place at :meth:`close`.

    Attributes:
        documents: minutes written so far.
        rows: utterance rows written so far (CSV and Parquet; JSON counts utterances).
    """

    binary = False
    #: The JSON indentation of the documents this writer writes as text (``write_json``),
    #: or ``False`` when it needs the records (CSV, Parquet).
    json_indent: int | Literal[False] | None = False

    def __init__(self, target: Target, *, encoding: str = "utf-8") -> None:
        self._target = target
        self._encoding = encoding
        self._stream: IO[Any] | None = None
        self._owned = False
        self._temporary: str | None = None  # the file being written, renamed at close
        self._final: str | None = None  # the name it gets
        self.documents = 0
        self.rows = 0
        self.closed = False

    def _open(self) -> IO[Any]:
        if self._stream is None:
            if isinstance(self._target, (str, os.PathLike)):
                self._stream = self._open_file(os.fspath(self._target))
                self._owned = True
            else:
                self._stream = self._target
            self._start(self._stream)
        return self._stream

    def _open_file(self, path: str) -> IO[Any]:
        """A temporary file next to ``path`` (or ``path`` itself when it is a device or a
        FIFO), opened for this writer."""
        mode: int | None = None
        with contextlib.suppress(FileNotFoundError):
            mode = os.stat(path).st_mode
        if mode is not None and not stat.S_ISREG(mode):
            return self._wrap(os.open(path, os.O_WRONLY | _BINARY))
        final = os.path.realpath(path)  # a symbolic link keeps pointing at the new file
        folder, name = os.path.split(final)
        self._final = final
        while True:
            # named before it exists, so that a signal arriving just after it was created
            # still finds it to delete (abort)
            self._temporary = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.part")
            try:  # O_EXCL: never someone else's file; 0o666: the umask applies as usual
                flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
                fd = os.open(self._temporary, flags, 0o666)
            except FileExistsError:
                self._temporary = None
                continue
            break
        raw: io.FileIO | None = None
        try:
            if mode is not None:
                os.chmod(self._temporary, stat.S_IMODE(mode))  # replacing a file keeps its mode
            raw = io.FileIO(fd, "w", closefd=True)  # from here on the file object owns fd
            return self._wrap_raw(raw)
        except BaseException:
            # a signal may arrive anywhere here: close fd exactly once, through its owner
            # (closing fd by hand after a file object took it would let that object close
            # whatever file later gets the same number)
            if raw is None:
                os.close(fd)
            else:
                raw.close()
            self._discard()
            raise

    def _wrap(self, fd: int) -> IO[Any]:
        return self._wrap_raw(io.FileIO(fd, "w", closefd=True))

    def _wrap_raw(self, raw: io.FileIO) -> IO[Any]:
        buffered = io.BufferedWriter(raw)
        if self.binary:
            return buffered
        return io.TextIOWrapper(buffered, encoding=self._encoding, newline="")

    def _start(self, stream: IO[Any]) -> None:
        """Write what comes before the first document."""

    def _finish(self, stream: IO[Any]) -> None:
        """Write what comes after the last document."""

    def _needs_output_when_empty(self) -> bool:
        return True

    def _abandon(self) -> None:
        """Let go of what :meth:`abort` leaves unfinished (no error may escape)."""

    def write(self, minutes: Minutes) -> None:
        """Write one document.

        Raises:
            OutputError: the output cannot hold it; nothing of it was written.
        """
        self._write(self._open(), minutes)
        self.documents += 1

    def write_json(self, text: str, utterances: int) -> None:
        """Write one document given as its JSON text, indented as :attr:`json_indent` says
        (a worker's ready output: nothing to validate and dump again)."""
        if self.json_indent is False:
            raise TypeError(f"{type(self).__name__} writes records, not JSON text")
        self._write_json(self._open(), text)
        self.rows += utterances
        self.documents += 1

    def _write_json(self, stream: IO[Any], text: str) -> None:
        raise NotImplementedError

    def _write(self, stream: IO[Any], minutes: Minutes) -> None:
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (closing brackets, the Parquet footer) and, for a file, rename
        it into place; a stream passed in is flushed, not closed. On failure the temporary
        file is deleted and the error raised."""
        if self.closed:
            return
        if self._stream is None and not self._needs_output_when_empty():
            self.closed = True
            return
        try:
            stream = self._open()
            self._finish(stream)
            if self._owned:
                stream.close()
            else:
                stream.flush()
            if self._temporary is not None and self._final is not None:
                os.replace(self._temporary, self._final)
                self._temporary = None
        except BaseException:
            self.abort()
            raise
        self.closed = True

    def abort(self) -> None:
        """Stop without finishing: the temporary file is deleted, the file under the output
        name is left as it was. Output already sent to a stream stays there."""
        self.closed = True
        self._abandon()
        stream, self._stream = self._stream, None
        if stream is not None and self._owned:
            with contextlib.suppress(OSError, ValueError):
                stream.close()
        self._discard()

    def _discard(self) -> None:
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            self._temporary = None

    def __enter__(self) -> MinutesWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _json(minutes: Minutes, indent: int | None) -> str:
    try:
        return minutes.to_json(indent=indent)
    except ValueError as exc:  # pydantic cannot serialize a value (e.g. a lone surrogate)
        raise OutputError(
            f"{minutes.source.name or 'minutes'}: cannot be written as JSON: {exc}",
            source=minutes.source.name,
        ) from exc


class JsonWriter(MinutesWriter):
    """One JSON document (``single=True``), or a JSON array written element by element."""

    def __init__(self, target: Target, *, single: bool = False, indent: int | None = 1) -> None:
        super().__init__(target)
        self.single = single
        self.indent = indent
        self.json_indent = indent

    def _start(self, stream: IO[Any]) -> None:
        if not self.single:
            stream.write("[\n")

    def _write(self, stream: IO[Any], minutes: Minutes) -> None:
        self._write_json(stream, _json(minutes, self.indent))
        self.rows += len(minutes.utterances)

    def _write_json(self, stream: IO[Any], text: str) -> None:
        if self.single and self.documents:
            raise ValueError("a single-document JSON writer takes one document")
        if not self.single and self.documents:
            stream.write(",\n")
        stream.write(text)
        if self.single:
            stream.write("\n")

    def _finish(self, stream: IO[Any]) -> None:
        if not self.single:
            stream.write("\n]\n" if self.documents else "]\n")

    def _needs_output_when_empty(self) -> bool:
        return not self.single


class JsonLinesWriter(MinutesWriter):
    """One compact JSON document per line."""

    json_indent = None

    def _write(self, stream: IO[Any], minutes: Minutes) -> None:
        stream.write(_json(minutes, None) + "\n")
        self.rows += len(minutes.utterances)

    def _write_json(self, stream: IO[Any], text: str) -> None:
        stream.write(text + "\n")


class CsvWriter(MinutesWriter):
    """One row per utterance (or member, section, item: ``table=``), with a header row;
    dates as ISO text, lists joined with 、, missing values empty. A document's rows are
    written in one piece or not at all."""

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
        rows = io.StringIO()  # the document's rows, written in one piece or not at all
        csv.writer(rows).writerows([flat_value(row[c]) for c in self._columns] for row in table)  # type: ignore[literal-required]
        text = rows.getvalue()
        try:
            text.encode(self._encoding)
        except UnicodeEncodeError as exc:
            raise OutputError(
                f"{minutes.source.name or 'minutes'}: cannot be written as CSV: {exc}",
                source=minutes.source.name,
            ) from exc
        stream.write(text)
        self.rows += len(table)


class ParquetWriter(MinutesWriter):
    """One row per utterance (or member, section, item: ``table=``) in a Parquet file,
    about ``row_group_rows`` rows per row group (whole documents: a row group ends after the
    document that fills it); :func:`gijiroku.tables.parquet_metadata` in the file's
    key-value metadata under ``gijiroku``."""

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
        self._buffer: list[Any] = []  # one pyarrow.Table per document
        self._buffered = 0
        self._parquet: Any = None

    def _start(self, stream: IO[Any]) -> None:
        self._parquet = self._pq.ParquetWriter(stream, self._schema)

    def _write(self, stream: IO[Any], minutes: Minutes) -> None:
        table = table_rows(minutes, table=self.table)
        check_integers(table)
        try:
            self._buffer.append(self._pa.Table.from_pylist(table, schema=self._schema))
        except (self._pa.ArrowException, ValueError, OverflowError) as exc:
            raise OutputError(
                f"{minutes.source.name or 'minutes'}: cannot be written as Parquet: {exc}",
                source=minutes.source.name,
            ) from exc
        self._buffered += len(table)
        self.rows += len(table)
        if self._buffered >= self.row_group_rows:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            self._parquet.write_table(self._pa.concat_tables(self._buffer))
            self._buffer = []
            self._buffered = 0

    def _finish(self, stream: IO[Any]) -> None:
        self._flush()
        self._parquet.close()

    def _abandon(self) -> None:
        self._buffer = []
        if self._parquet is not None:  # else pyarrow closes it when collected, noisily
            with contextlib.suppress(Exception):
                self._parquet.close()
            self._parquet = None


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
