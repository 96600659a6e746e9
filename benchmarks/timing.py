"""Timing and memory helpers shared by the benchmarks (run as scripts from this folder)."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

__all__ = ["SUFFIXES", "best_of", "documents", "peak_bytes"]

#: The files the benchmarks read in a folder (as ``shared/bench/ratio.py`` does).
SUFFIXES = frozenset({".txt", ".md", ".rst"})
#: The bundled samples: what a benchmark reads when given no path.
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def documents(paths: Sequence[str], *, readme: bool = True) -> list[bytes]:
    """The bytes of every file under ``paths`` (the bundled samples when none is given) with
    one of :data:`SUFFIXES`, sorted per folder; a README.md too unless ``readme`` is False."""
    found: list[Path] = []
    for path in map(Path, paths or [str(SAMPLES)]):
        if path.is_dir():
            found += sorted(
                p
                for p in path.rglob("*")
                if p.suffix in SUFFIXES and (readme or p.name != "README.md")
            )
        else:
            found.append(path)
    return [p.read_bytes() for p in found]


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
