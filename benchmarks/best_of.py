"""Parse time of a few small documents, least of many batches: ``python benchmarks/best_of.py
[--batches N] [--size K] PATH ...``.

A document of a few kilobytes parses in a few milliseconds, too short for the medians of
``ratio.py`` on a busy machine (one round is a few milliseconds: a scheduler hiccup is a
tenth of it). Here the documents are parsed ``--size`` times in a batch, the batch repeated
``--batches`` times, and the least CPU time of a batch is taken (the run the machine
disturbed least), for the parse and for the reference floor of ``bench.py`` alike. To
compare two versions, run it with each in turn, a few times.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from bench import floor

import gijiroku


def least_batch(
    run: Callable[[bytes], object], documents: list[bytes], batches: int, size: int
) -> float:
    """The least CPU time, in seconds, of ``batches`` batches of ``size`` runs over every
    document, divided by ``size``."""
    times = []
    for _ in range(batches):
        started = time.process_time()
        for _ in range(size):
            for data in documents:
                run(data)
        times.append(time.process_time() - started)
    return min(times) / size


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--batches", type=int, default=20)
    options.add_argument("--size", type=int, default=30)
    options.add_argument("paths", nargs="+")
    args = options.parse_args()
    documents = [Path(p).read_bytes() for p in args.paths]
    for data in documents:  # warm up: the families' modules and patterns
        gijiroku.parse(data)
        floor(data)
    parse = least_batch(gijiroku.parse, documents, args.batches, args.size)
    least_floor = least_batch(floor, documents, args.batches, args.size)
    print(
        f"{len(documents)} document(s), {sum(map(len, documents)) / 1000:.1f} kB: "
        f"parse {parse * 1000:.2f} ms, floor {least_floor * 1000:.3f} ms, "
        f"{parse / least_floor:.1f}× the floor"
    )


if __name__ == "__main__":
    main()
