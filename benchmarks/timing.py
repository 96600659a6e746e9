"""Timing and memory helpers shared by the benchmarks (run as scripts from this folder)."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Mapping

__all__ = ["best_of", "peak_bytes"]


def best_of(runs: Mapping[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Best wall time per run; the runs take turns, so a burst of load hits them all."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            started = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def peak_bytes(run: Callable[[], object]) -> int:
    """The peak of memory traced by ``tracemalloc`` while ``run`` runs."""
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
