"""Parse many minutes at once, in a pool of worker processes: :func:`parse_many`.

One call takes paths (or ``(name, text)`` pairs), parses them on every core and yields one
:class:`ParseResult` per input, **in input order**, as soon as it is ready. A bad file (not
text, missing, unreadable …) becomes a failure record with its path and its error; it never
stops the run.

How the pool works: inputs are cut into chunks of ``chunksize`` (by default from the number
of inputs, when it is known: a few chunks per worker, at most 16 inputs each, which halves
the pool's overhead against one input at a time); each worker parses one chunk at a time,
and at most two chunks per worker are read ahead of the one to yield next, so neither the
inputs nor the results are ever all in memory at once. ``jobs=1`` runs in the
calling process, without a pool, which is what you want in a debugger.

Workers are forked where the system allows it — one start method, chosen on purpose, so
that ``parse_many`` works in a script without a ``__main__`` guard, in a notebook and under
``python -m``, also after pandas or pyarrow were imported — and each has its own pipe, so
that stopping early (the caller stops, an exception, Ctrl-C) terminates them at once and a
worker that dies costs only its own inputs (``error_type`` ``WorkerLost``); see
:mod:`gijiroku.pool`.

Example:
    >>> import gijiroku
    >>> for r in gijiroku.parse_many(["a.txt", ("memo", "座長 はじめます。")], jobs=1):
    ...     print(r.source, r.ok, r.error_type)
    a.txt False FileNotFoundError
    memo True None
"""

from __future__ import annotations

import functools
import os
import pickle
import stat
import traceback as traceback_module
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sized
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.context import BaseContext
from typing import Literal, NoReturn, TypeAlias

from gijiroku.api import OnIssue, parse, parse_file
from gijiroku.errors import GijirokuError
from gijiroku.models import Minutes
from gijiroku.pool import Lost, WorkerPool, start_method_context

__all__ = [
    "BatchInput",
    "OnError",
    "ParseResult",
    "Task",
    "available_cores",
    "describe_file_type",
    "failure",
    "iter_tasks",
    "parse_many",
    "run_tasks",
]

OnError = Literal["collect", "raise"]
#: One input of :func:`parse_many`: a path, or a ``(name, text)`` pair (text: str or bytes).
BatchInput: TypeAlias = str | os.PathLike[str] | tuple[str, str | bytes]

_ON_ERROR = ("collect", "raise")
_ON_ISSUE = ("collect", "warn", "raise")
#: Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
_IN_FLIGHT_PER_WORKER = 2
#: The largest automatic chunk: results come back at least this often.
_MAX_CHUNK = 16


@dataclass(frozen=True)
class ParseResult:
    """The outcome of one input of :func:`parse_many`: the minutes, or why there are none.

    Attributes:
        index: the input's position (0-based); results come in this order.
        source: the path as given (``os.fspath``), or the name of a ``(name, text)`` pair.
        minutes: the parsed minutes; ``None`` when the input failed.
        error: the error message when the input failed.
        error_type: the exception's class name, e.g. ``DecodeError``, ``FileNotFoundError``.
        internal: the failure was not a :class:`~gijiroku.GijirokuError` or ``OSError`` (bad
            input) but an unexpected exception: most likely a bug in gijiroku, worth
            reporting with :attr:`traceback`.
        traceback: the formatted traceback of the failure, from the process that raised it.
        exception: the exception itself, when it could be carried over from the worker.
        json: the minutes as JSON text, as a worker made them, when the run asked for text
            (``run_tasks(..., json_indent=…)``: the command line writes it as it comes);
            ``minutes`` is then None, and :meth:`unwrap` validates the text.
        digest: what the command line counts of minutes given as ``json``.

    Example:
        >>> r = next(parse_many([("memo", "座長 はじめます。")], jobs=1))
        >>> r.ok, r.unwrap().utterances[0].speaker.role
        (True, '座長')
    """

    index: int
    source: str
    minutes: Minutes | None = None
    error: str | None = None
    error_type: str | None = None
    internal: bool = False
    traceback: str | None = field(default=None, repr=False, compare=False)
    exception: BaseException | None = field(default=None, repr=False, compare=False)
    json: str | None = field(default=None, repr=False, compare=False)
    digest: Digest | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        """True when the input parsed (``minutes``, or its ``json``, is set)."""
        return self.minutes is not None or self.json is not None

    def summary(self) -> Digest:
        """The turns and diagnostic codes of the parsed minutes (read from the worker's
        digest when the minutes came as text).

        Raises:
            ValueError: the input failed.
        """
        if self.minutes is not None:
            return Digest.of(self.minutes)
        if self.digest is None:
            raise ValueError(f"{self.source}: no minutes")
        return self.digest

    def unwrap(self) -> Minutes:
        """The minutes, or raise the input's error.

        Raises:
            Exception: the original exception when it was kept (its ``__cause__`` shows
                the original traceback), else a :class:`~gijiroku.GijirokuError` that
                quotes it.
        """
        if self.minutes is not None:
            return self.minutes
        if self.json is not None:
            return Minutes.model_validate_json(self.json)
        _raise(self)


@dataclass(frozen=True)
class Digest:
    """What a folder run reports of one document: its turns and its diagnostics' codes."""

    turns: int
    codes: tuple[str, ...]

    @classmethod
    def of(cls, minutes: Minutes) -> Digest:
        return cls(len(minutes.utterances), tuple(d.code for d in minutes.diagnostics))


@dataclass(frozen=True)
class Task:
    """One unit of work for a worker (internal to :func:`parse_many` and the command line).

    Exactly one of ``path`` and ``content`` is set. ``source_name`` goes into
    ``Minutes.source.name``; for a path it defaults to the file's name, as in
    :func:`~gijiroku.parse_file`.
    """

    index: int
    source: str
    path: str | os.PathLike[str] | None = None
    content: str | bytes | None = None
    source_name: str | None = None


@dataclass(frozen=True)
class _Options:
    format: str | None
    encoding: str | None
    on_issue: OnIssue
    #: a worker hands the parent the minutes' JSON with this indentation, ready to write
    #: (``False``: the parent gets records)
    json_indent: int | Literal[False] | None = False


def available_cores() -> int:
    """How many cores this process may use (CPU affinity and limits respected).

    Example:
        >>> available_cores() >= 1
        True
    """
    process_cpu_count = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if process_cpu_count is not None:
        counted = process_cpu_count()
        if isinstance(counted, int):
            return max(1, counted)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def parse_many(
    inputs: Iterable[BatchInput],
    *,
    jobs: int | None = None,
    on_error: OnError = "collect",
    format: str | None = None,
    encoding: str | None = None,
    on_issue: OnIssue = "collect",
    chunksize: int | None = None,
) -> Generator[ParseResult, None, None]:
    """Parse many minutes in parallel; yield one :class:`ParseResult` per input, in order.

    Each input is either

    - a **path**: a ``str`` or an ``os.PathLike`` (``pathlib.Path``) is always a path, read
      as :func:`~gijiroku.parse_file` reads it (``source.name`` is the file's name); or
    - a **text**: a ``(name, text)`` tuple, where ``text`` is a ``str`` or ``bytes`` and
      ``name`` becomes ``source.name``.

    A bare ``str`` is never taken for minutes text, so ``parse_many(["座長 はい。"])`` reports
    a missing file; write ``parse_many([("memo", "座長 はい。")])``.

    The iterator is lazy: inputs are read as workers need them and results are yielded as
    soon as they (and every earlier one) are ready.

    Args:
        inputs: paths and ``(name, text)`` pairs, any iterable (a generator is fine).
        jobs: worker processes; ``None`` uses every available core, ``1`` parses in this
            process without a pool. Never more workers than inputs are started.
        on_error: ``"collect"`` (the default) turns a failing input into a result with
            ``error`` set and goes on; ``"raise"`` yields the results before it, then raises
            the first failure's exception.
        format: a family name for every input (see ``gijiroku.FORMATS``); detected per input
            when None.
        encoding: decode every input's bytes with this codec instead of detecting one.
        on_issue: passed to :func:`~gijiroku.parse`: ``"raise"`` turns warnings and errors
            in the diagnostics into a failure (:class:`~gijiroku.ParseError`); with ``"warn"``
            the warnings are issued in the worker processes (seen only with ``jobs=1``).
        chunksize: inputs sent to a worker at once; by default chosen from ``len(inputs)``
            (1 to 16), or 2 for an iterable without a length. Raise it for many very small
            texts; 1 gives each result as early as possible.

    Yields:
        One :class:`ParseResult` per input, in input order. To stop early, ``close()`` the
        generator (or leave the loop and drop it): the workers are terminated at once.

    Raises:
        TypeError: ``inputs`` is a single str/bytes/path, or an input is neither a path nor
            a ``(name, text)`` pair (raised when the iterator reaches it).
        ValueError: a bad ``jobs``, ``chunksize``, ``on_error`` or ``on_issue``.

    What counts as a failure: any exception while reading or parsing one input. A
    :class:`~gijiroku.GijirokuError` (e.g. ``PdfError`` for a PDF) or an ``OSError`` (a
    missing or unreadable file; a path that is no regular file, such as a FIFO, which is
    never opened) is bad input; any other exception is recorded too, so a
    corpus run never stops, but with ``internal=True`` and its traceback, because it is
    most likely a bug in gijiroku. ``KeyboardInterrupt`` stops the run.

    Example:
        >>> results = parse_many([("a", "座長 はじめます。"), ("b", b"%PDF-1.4")], jobs=1)
        >>> [(r.source, r.ok, r.error_type) for r in results]
        [('a', True, None), ('b', False, 'BrokenPdfError')]
    """
    if isinstance(inputs, (str, bytes, os.PathLike)):
        raise TypeError(
            "parse_many() takes an iterable of inputs; for one file write parse_many([path])"
        )
    return run_tasks(
        iter_tasks(inputs),
        jobs=jobs,
        on_error=on_error,
        format=format,
        encoding=encoding,
        on_issue=on_issue,
        chunksize=chunksize,
        total=len(inputs) if isinstance(inputs, Sized) else None,
    )


def iter_tasks(inputs: Iterable[BatchInput]) -> Iterator[Task]:
    """Turn :func:`parse_many`'s inputs into :class:`Task` s, checking each input's type."""
    for index, item in enumerate(inputs):
        if isinstance(item, (str, os.PathLike)):
            path = os.fspath(item)
            source = os.fsdecode(path)
            yield Task(index, source, path=source, source_name=os.path.basename(source))
        elif (
            isinstance(item, tuple)
            and len(item) == 2
            and isinstance(item[0], str)
            and isinstance(item[1], (str, bytes))
        ):
            yield Task(index, item[0], content=item[1], source_name=item[0])
        else:
            raise TypeError(
                f"input {index} must be a path (str or os.PathLike) or a (name, text) tuple, "
                f"not {type(item).__name__}"
            )


def run_tasks(
    tasks: Iterable[Task],
    *,
    jobs: int | None = None,
    on_error: OnError = "collect",
    format: str | None = None,
    encoding: str | None = None,
    on_issue: OnIssue = "collect",
    chunksize: int | None = None,
    total: int | None = None,
    json_indent: int | Literal[False] | None = False,
) -> Generator[ParseResult, None, None]:
    """The engine behind :func:`parse_many` (and ``gijiroku parse``), for prepared tasks.

    With ``json_indent`` (an indentation, or None for compact JSON), the minutes parsed in
    worker processes come back as their JSON text (:attr:`ParseResult.json`), ready to be
    written, instead of records the parent would validate again.

    ``total`` is the number of tasks when ``tasks`` has no length of its own (it only
    serves to choose a chunk size). Arguments are checked at once; the work starts when the
    iterator is first advanced.
    """
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1):
        raise ValueError(f"jobs must be a positive int or None, not {jobs!r}")
    if chunksize is not None and (
        isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1
    ):
        raise ValueError(f"chunksize must be a positive int or None, not {chunksize!r}")
    if on_error not in _ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(_ON_ERROR)}, not {on_error!r}")
    if on_issue not in _ON_ISSUE:
        raise ValueError(f"on_issue must be one of {', '.join(_ON_ISSUE)}, not {on_issue!r}")
    if format is not None and not isinstance(format, str):
        raise TypeError(f"format must be a family name (str) or None, not {type(format).__name__}")
    options = _Options(format=format, encoding=encoding, on_issue=on_issue, json_indent=json_indent)
    workers = available_cores() if jobs is None else jobs
    if chunksize is None:
        if total is None and isinstance(tasks, Sized):
            total = len(tasks)
        chunksize = _auto_chunksize(total, workers)
    return _run(iter(tasks), options, workers, on_error, chunksize)


def _auto_chunksize(total: int | None, workers: int) -> int:
    """About eight chunks per worker, 1 to :data:`_MAX_CHUNK` inputs each."""
    if total is None:
        return 2
    return max(1, min(_MAX_CHUNK, -(-total // (workers * 8))))


def _run(
    tasks: Iterator[Task], options: _Options, workers: int, on_error: OnError, chunksize: int
) -> Generator[ParseResult, None, None]:
    if workers == 1:
        for task in tasks:
            yield _parse_task(task, options, catch=on_error == "collect")
        return
    chunks = _chunked(tasks, chunksize)
    ahead = workers * _IN_FLIGHT_PER_WORKER  # chunks read ahead of the one to yield next
    window = list(islice(chunks, ahead))
    if sum(len(chunk) for chunk in window) <= 1:  # nothing to share out: no pool
        for chunk in window:
            for task in chunk:
                yield _parse_task(task, options, catch=on_error == "collect")
        return
    pool: WorkerPool[int, list[Task], list[_Outcome]] = WorkerPool(
        min(workers, len(window)), functools.partial(_parse_chunk, options=options)
    )
    finished = False
    try:
        yield from _through_pool(pool, window, chunks, ahead, on_error)
        finished = True
    finally:
        pool.close(terminate=not finished)  # the caller stopped, an exception, a signal


def _through_pool(
    pool: WorkerPool[int, list[Task], list[_Outcome]],
    window: list[list[Task]],
    chunks: Iterator[list[Task]],
    ahead: int,
    on_error: OnError,
) -> Iterator[ParseResult]:
    """Chunks numbered as read, sent to idle workers, yielded in order; at most ``ahead``
    chunks are read beyond the next one to yield, so memory stays bounded."""
    waiting: deque[tuple[int, list[Task]]] = deque(enumerate(window))  # read, not sent
    read = len(window)
    sent: dict[int, list[Task]] = {}
    done: dict[int, list[_Outcome]] = {}
    next_chunk = 0
    while True:
        while read - next_chunk < ahead and (chunk := next(chunks, None)) is not None:
            waiting.append((read, chunk))
            read += 1
        while waiting and pool.has_idle():
            number, chunk = waiting.popleft()
            pool.submit(number, chunk)
            sent[number] = chunk
        if next_chunk in done:
            for outcome in done.pop(next_chunk):
                result = outcome.result()
                if on_error == "raise" and not result.ok:
                    _raise(result)
                yield result
            next_chunk += 1
            continue
        if not pool.busy():
            return
        for number, answer in pool.collect():
            chunk = sent.pop(number)
            done[number] = _lost(answer, chunk) if isinstance(answer, Lost) else answer


def _lost(lost: Lost, chunk: list[Task]) -> list[_Outcome]:
    """Failures for the inputs of a chunk whose worker died (it was replaced)."""
    others = f" (or one of the {len(chunk) - 1} others sent with it)" if len(chunk) > 1 else ""
    error = f"the worker process {lost.describe()} while parsing this input{others}"
    return [
        _Outcome(task.index, task.source, None, error, "WorkerLost", internal=True)
        for task in chunk
    ]


def _chunked(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def _mp_context() -> BaseContext:
    """The start method of the workers: ``fork`` where the system has it, else ``spawn``
    (see :mod:`gijiroku.pool`)."""
    return start_method_context()


def _raise(result: ParseResult) -> NoReturn:
    exc = result.exception
    if exc is None:
        raise GijirokuError(f"{result.source}: {result.error_type}: {result.error}")
    if result.traceback:
        raise exc from _WorkerTraceback(result.traceback)
    raise exc


class _WorkerTraceback(Exception):
    """Carries the original formatted traceback as the ``__cause__`` of a re-raised error."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f'\n"""\n{self.text.rstrip()}\n"""'


def _parse_chunk(chunk: list[Task], *, options: _Options) -> list[_Outcome]:
    """Worker entry point (module level, so it pickles).

    Minutes travel back as JSON: dumping and validating it again costs about half of what
    pickling the pydantic records does, and the parent gets validated records either way;
    or, when the run asks for text (``json_indent``), as the JSON it will write, with the
    digest of what it reports, and the parent validates nothing.
    """
    outcomes = []
    for task in chunk:
        result = _parse_task(task, options, catch=True)
        if result.minutes is not None:
            outcomes.append(_ready(result.index, result.source, result.minutes, options))
            continue
        exception = result.exception
        if exception is not None and not _survives_pickling(exception):
            exception = None
        outcomes.append(
            _Outcome(
                result.index,
                result.source,
                None,
                result.error,
                result.error_type,
                result.internal,
                result.traceback,
                exception,
            )
        )
    return outcomes


def _ready(index: int, source: str, minutes: Minutes, options: _Options) -> _Outcome:
    """The outcome of minutes parsed in a worker: their JSON (as the run wants it)."""
    if options.json_indent is False:
        return _Outcome(index, source, minutes.to_json(indent=None))
    try:
        text = minutes.to_json(indent=options.json_indent)
    except ValueError as exc:  # a value JSON cannot hold (as gijiroku.writers reports it)
        error = f"{minutes.source.name or 'minutes'}: cannot be written as JSON: {exc}"
        return _Outcome(index, source, None, error, "OutputError")
    return _Outcome(index, source, text, digest=Digest.of(minutes))


@dataclass(frozen=True)
class _Outcome:
    """What a worker sends back for one task: the minutes as JSON (with their digest when
    the JSON is to be written as it is), or the failure."""

    index: int
    source: str
    minutes_json: str | None
    error: str | None = None
    error_type: str | None = None
    internal: bool = False
    traceback: str | None = None
    exception: BaseException | None = None
    digest: Digest | None = None

    def result(self) -> ParseResult:
        if self.minutes_json is not None and self.digest is not None:
            return ParseResult(
                index=self.index, source=self.source, json=self.minutes_json, digest=self.digest
            )
        if self.minutes_json is not None:
            minutes = Minutes.model_validate_json(self.minutes_json)
            return ParseResult(index=self.index, source=self.source, minutes=minutes)
        return ParseResult(
            index=self.index,
            source=self.source,
            error=self.error,
            error_type=self.error_type,
            internal=self.internal,
            traceback=self.traceback,
            exception=self.exception,
        )


def _parse_task(task: Task, options: _Options, *, catch: bool) -> ParseResult:
    try:
        if task.path is not None:
            minutes = _parse_path(task.path, task.source_name, options)
        else:
            assert task.content is not None
            minutes = parse(
                task.content,
                source_name=task.source_name,
                format=options.format,
                on_issue=options.on_issue,
                encoding=options.encoding,
            )
    except Exception as exc:
        if not catch:
            raise
        return failure(task.index, task.source, exc)
    return ParseResult(index=task.index, source=task.source, minutes=minutes)


def failure(index: int, source: str, exc: Exception) -> ParseResult:
    """The :class:`ParseResult` of an input that raised ``exc`` (see :func:`parse_many`).

    The traceback is kept as text and dropped from the exception: its frames would keep
    the input's bytes alive as long as the result.
    """
    text = "".join(traceback_module.format_exception(type(exc), exc, exc.__traceback__))
    return ParseResult(
        index=index,
        source=source,
        error=str(exc) or type(exc).__name__,
        error_type=type(exc).__name__,
        internal=not isinstance(exc, (GijirokuError, OSError)),
        traceback=text,
        exception=exc.with_traceback(None),
    )


def describe_file_type(mode: int) -> str:
    """``a FIFO``, ``a socket``, ``a character device`` … for a ``st_mode``."""
    kinds = (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
    )
    return next((kind for test, kind in kinds if test(mode)), "not a regular file")


def _parse_path(
    path: str | os.PathLike[str], source_name: str | None, options: _Options
) -> Minutes:
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = stat.S_IFREG  # missing or unreadable: opening it says why
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        # a FIFO would block the worker until someone writes to it, a device forever
        raise OSError(f"{os.fsdecode(path)}: {describe_file_type(mode)}, not a regular file")
    if source_name is None or source_name == os.path.basename(os.fspath(path)):
        return parse_file(
            path, format=options.format, on_issue=options.on_issue, encoding=options.encoding
        )
    with open(path, "rb") as handle:
        data = handle.read()
    return parse(
        data,
        source_name=source_name,
        format=options.format,
        on_issue=options.on_issue,
        encoding=options.encoding,
    )


def _survives_pickling(exc: BaseException) -> bool:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return False
    return True
