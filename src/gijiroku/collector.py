"""The cyclic garbage collector, paused while a document is read.

A parse makes tens of thousands of objects (blocks, records, their spans) and holds most of
them until it ends. CPython's collector walks the young objects each time 700 more have been
made than freed, the older ones every tenth time, and now and then the whole heap: the
modules, pydantic's schemas, the family tables. It finds no garbage in a parse, which makes
no reference cycles, and in a pipeline over many documents those walks cost 15–18 % of the
CPU time (``python benchmarks/bench.py collector``).

:func:`collector_paused` turns the collector off for the parse and, when the parse ends,
runs the young collection the allocations made due (the first generation, or the first two
when the second one is due too), so the parse pays for what it made. The whole heap is left
to CPython's own schedule.

The collector is one switch for the whole process: while a parse runs, the cycles other
threads leave wait for it to end. :data:`PAUSE` set to False leaves it running. A collector
that is already off (``gc.disable()``) stays off, and nothing is collected for it.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["PAUSE", "collector_paused"]

#: False leaves the collector running during parses: for a process whose other threads must
#: have their cycles collected while a long document is read. Read at the start of each parse.
PAUSE = True

_LOCK = threading.Lock()
#: Parses running under the pause (in any thread), and whether the collector was on when the
#: first of them began.
_holders = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the block with the cyclic garbage collector off; on leaving it, turn the collector
    back on (if it was on) and run the young collection that is due. Nested and concurrent
    uses share one pause: the collector comes back on when the last of them ends.

    Example:
        >>> import gc
        >>> with collector_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    global _holders, _was_enabled
    if not PAUSE:
        yield
        return
    with _LOCK:
        if _holders == 0:
            _was_enabled = gc.isenabled()
            if _was_enabled:
                gc.disable()
        _holders += 1
    try:
        yield
    finally:
        with _LOCK:
            _holders -= 1
            due = None
            if _holders == 0 and _was_enabled:
                due = _generation_due()  # (read while the collector is off: reading allocates)
                gc.enable()
        if due is not None:
            gc.collect(due)


def _generation_due() -> int | None:
    """The collection CPython would start at the next allocation, had it run: the young
    generation when its count is past its threshold, the middle one with it when that is due
    too; None when none is. (The oldest is left to CPython, which weighs it against the
    heap's size.)"""
    young, middle, _ = gc.get_count()
    young_limit, middle_limit, _ = gc.get_threshold()
    if not young_limit or young <= young_limit:
        return None
    return 1 if middle > middle_limit else 0
