"""Worker processes for :func:`gijiroku.parse_many`: a small pool with one pipe per worker.

Why not :class:`concurrent.futures.ProcessPoolExecutor`: its workers share one result
queue, read by a thread of the parent. A worker killed while it writes a result (Ctrl-C,
SIGTERM, the out-of-memory killer) leaves half a message in that queue, and the thread
waits for the rest forever; the parent also runs threads from the first job on, which makes
every later ``fork`` unsafe. Here each worker has its own pipe and takes one job at a time:
the parent runs no thread, waits on the pipes and the workers' sentinels together, and a
worker that dies is seen at once (its pipe ends), replaced, and its job reported as lost.

The start method is ``fork`` wherever the system has it, chosen on purpose and always the
same: a forked worker starts in milliseconds with gijiroku already imported, and it never
runs the caller's ``__main__`` again, so ``parse_many`` works as written in a plain script
without an ``if __name__ == "__main__":`` guard, in a notebook, under ``python -m``, and
after pandas or pyarrow started threads of their own (``spawn`` and ``forkserver`` import
the main module again, which fails in such a script). Forking a process that runs threads
is safe here because a worker only runs gijiroku's own code (no pandas, no pyarrow, no
I/O but reading its files); Python 3.12+ warns about such forks in general, and that
warning is silenced for these forks only. Where there is no ``fork`` (Windows), workers are
spawned, and a script needs the ``__main__`` guard as for any multiprocessing code.

A worker ignores Ctrl-C (the parent stops the pool), dies on SIGTERM and SIGHUP, and on
Linux is killed when the parent dies, so it is never left behind.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import warnings
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from typing import Any, Generic, TypeVar

__all__ = ["Lost", "WorkerPool", "start_method_context"]

#: What the parent sends: ``(_JOB, job)`` or ``(_STOP, None)``.
_JOB, _STOP = "job", "stop"
Job = TypeVar("Job")
Result = TypeVar("Result")
Key = TypeVar("Key", bound=Hashable)


def start_method_context() -> BaseContext:
    """``fork`` wherever the system has it, else ``spawn`` (see the module docstring)."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _forking_with_threads() -> Iterator[None]:
    """Silence Python 3.12+'s warning that forking a process with threads may deadlock,
    for the pool's own forks only: a worker runs nothing those threads could hold."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message=r".*multi-threaded, use of fork\(\)", category=DeprecationWarning
        )
        yield


@dataclass(frozen=True)
class Lost:
    """The result of a job whose worker died before answering (``exitcode`` as
    :attr:`multiprocessing.Process.exitcode`: ``-9`` when killed by SIGKILL)."""

    exitcode: int | None

    def describe(self) -> str:
        """``killed by signal 9 (SIGKILL)``, ``exited with status 1`` …"""
        code = self.exitcode
        if code is None:
            return "stopped answering"
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = "unknown signal"
            return f"killed by signal {-code} ({name})"
        return f"exited with status {code}"


@dataclass
class _Worker:
    process: Any  # a multiprocessing Process of the chosen context
    connection: Connection


class WorkerPool(Generic[Key, Job, Result]):
    """``size`` processes that each run ``work(job)`` on one job at a time.

    ``submit`` gives a job to an idle worker; ``collect`` waits until at least one worker
    answers and returns ``(key, result)`` pairs (a :class:`Lost` result when the worker
    died; it is replaced). ``close`` ends the workers: politely, or at once with
    ``terminate=True``. ``work`` must be picklable where workers are spawned.
    """

    def __init__(self, size: int, work: Callable[[Job], Result]) -> None:
        self._context = start_method_context()
        self._work = work
        self._idle: list[_Worker] = []
        self._busy: dict[Connection, tuple[_Worker, Key]] = {}
        try:
            for _ in range(size):
                self._idle.append(self._start())
        except BaseException:
            self.close(terminate=True)
            raise

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe(duplex=True)
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_serve, args=(theirs, self._work, os.getpid()), daemon=True
        )
        with _forking_with_threads():
            process.start()
        theirs.close()  # the worker's end: once it is gone, reading ours ends (EOFError)
        return _Worker(process, ours)

    def has_idle(self) -> bool:
        """True when a worker waits for a job."""
        return bool(self._idle)

    def busy(self) -> int:
        """Jobs being worked on."""
        return len(self._busy)

    def submit(self, key: Key, job: Job) -> None:
        """Give ``job`` to an idle worker (there must be one: see :meth:`has_idle`)."""
        worker = self._idle.pop()
        try:
            try:
                worker.connection.send((_JOB, job))
            except OSError:  # it died while it waited (BrokenPipeError): a new one takes it
                self._retire(worker)
                worker = self._start()
                worker.connection.send((_JOB, job))
        except BaseException:
            self._idle.append(worker)
            raise
        self._busy[worker.connection] = (worker, key)

    def collect(self) -> list[tuple[Key, Result | Lost]]:
        """Wait for answers; every worker that answered (or died) is idle again."""
        answered: list[tuple[Key, Result | Lost]] = []
        if not self._busy:
            return answered
        for ready in wait(list(self._busy)):
            assert isinstance(ready, Connection)
            worker, key = self._busy.pop(ready)
            try:
                result: Result | Lost = ready.recv()
            except (EOFError, OSError):  # the worker died
                result = Lost(self._retire(worker))
                worker = self._start()
            self._idle.append(worker)
            answered.append((key, result))
        return answered

    def _retire(self, worker: _Worker) -> int | None:
        """Reap a worker that died; its exit code."""
        worker.process.join()
        worker.connection.close()
        return int(worker.process.exitcode) if worker.process.exitcode is not None else None

    def close(self, *, terminate: bool = False) -> None:
        """End every worker: let idle ones finish (``terminate=False``, when no job is
        left), or kill them all at once."""
        workers = self._idle + [worker for worker, _ in self._busy.values()]
        self._idle, self._busy = [], {}
        for worker in workers:
            if terminate:
                worker.process.terminate()
            else:
                with contextlib.suppress(OSError):
                    worker.connection.send((_STOP, None))
        for worker in workers:
            worker.process.join()
            worker.connection.close()


def _serve(connection: Connection, work: Callable[[Any], Any], parent: int) -> None:
    """A worker's life: answer jobs until told to stop (or the pipe ends)."""
    _worker_signals(parent)
    while True:
        try:
            kind, job = connection.recv()
        except EOFError:
            return
        if kind != _JOB:
            return
        connection.send(work(job))


def _worker_signals(parent: int) -> None:
    """Ctrl-C is for the parent, which stops the pool; SIGTERM and SIGHUP kill the worker
    (a forked worker would inherit the parent's handlers); on Linux the worker is killed
    when the parent dies."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            import ctypes

            pr_set_pdeathsig = 1
            ctypes.CDLL(None).prctl(pr_set_pdeathsig, signal.SIGTERM)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)
