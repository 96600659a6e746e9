"""gijiroku benchmarks: ``python benchmarks/bench.py [SECTION...]``.

Each section is a function registered in :data:`SECTIONS`; with no argument every section
runs, in order. Sections print plain lines (``name: value``) so that runs can be compared
by eye or with ``diff``. Timings are the best of ``--repeat`` runs (default 5): the least
disturbed by whatever else the machine is doing.

Sections:
    corpus  every sample under samples/ × 50 through ``gijiroku.parse_many`` with 1 and 2
            workers (and more with ``--jobs``): documents per second and the speed-up;
            then the ceiling the machine allows (as many independent processes parsing a
            share each) and the load other processes put on the machine meanwhile.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import gijiroku
from gijiroku.batch import available_cores

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_SUFFIXES = (".txt", ".md")


def sample_paths() -> list[Path]:
    """Every bundled sample (as tests/conftest.py finds them), sorted."""
    return sorted(
        p for p in SAMPLES.rglob("*") if p.suffix in SAMPLE_SUFFIXES and p.name != "README.md"
    )


def _busy_seconds() -> float | None:
    """CPU seconds the whole machine has been busy (Linux /proc/stat), or None."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = handle.readline().split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _own_seconds() -> float:
    import resource  # Unix only, as is /proc/stat

    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _best_times(runs: dict[int, Callable[[], int]], repeat: int) -> dict[int, tuple[float, int]]:
    """Best wall time (and the run's count) per key; the runs take turns, so that a burst
    of load elsewhere on the machine does not land on one of them only."""
    best: dict[int, tuple[float, int]] = {}
    for _ in range(repeat):
        for key, run in runs.items():
            started = time.perf_counter()
            count = run()
            seconds = time.perf_counter() - started
            if key not in best or seconds < best[key][0]:
                best[key] = (seconds, count)
    return best


def bench_corpus(args: argparse.Namespace) -> None:
    """All samples × ``--copies`` through parse_many, 1 worker against 2 (or ``--jobs``)."""
    paths = sample_paths() * args.copies
    print(f"corpus: {len(sample_paths())} samples x {args.copies} = {len(paths)} documents, "
          f"{available_cores()} cores available")  # fmt: skip

    def run(jobs: int) -> Callable[[], int]:
        def parse_all() -> int:
            parsed = 0
            for result in gijiroku.parse_many(paths, jobs=jobs, chunksize=args.chunksize):
                parsed += result.ok
            return parsed

        return parse_all

    runs = {jobs: run(jobs) for jobs in args.jobs}
    ceiling_jobs = max(args.jobs)
    if ceiling_jobs > 1:
        runs[-ceiling_jobs] = lambda: _independent_processes(paths, ceiling_jobs)
    busy, own, started = _busy_seconds(), _own_seconds(), time.perf_counter()
    timings = _best_times(runs, args.repeat)
    busy_after = _busy_seconds()
    if busy is not None and busy_after is not None:
        # Other processes on the machine (other users, other VMs' steal) skew the timings.
        others = (busy_after - busy) - (_own_seconds() - own)
        print(f"corpus: other load on the machine during the runs: "
              f"{max(0.0, others) / (time.perf_counter() - started):.2f} cores")  # fmt: skip
    base_rate = 0.0
    for jobs in args.jobs:
        seconds, parsed = timings[jobs]
        if parsed != len(paths):
            raise SystemExit(f"corpus: only {parsed} of {len(paths)} documents parsed")
        rate = len(paths) / seconds
        base_rate = base_rate or rate
        speedup = f", speed-up {rate / base_rate:.2f}x" if jobs != args.jobs[0] else ""
        print(f"corpus: jobs={jobs}: {seconds:.3f} s, {rate:.1f} docs/s{speedup}")
    if -ceiling_jobs in timings:
        seconds, _ = timings[-ceiling_jobs]
        rate = len(paths) / seconds
        print(f"corpus: ceiling: {ceiling_jobs} independent processes, each parsing its share "
              f"with no pool and no results sent back: {rate:.1f} docs/s, "
              f"speed-up {rate / base_rate:.2f}x")  # fmt: skip


def _parse_share(paths: Sequence[Path]) -> None:
    for path in paths:
        gijiroku.parse_file(path)


def _independent_processes(paths: Sequence[Path], count: int) -> int:
    """What this machine allows: ``count`` processes parse a share each, in parallel."""
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    processes = [
        context.Process(target=_parse_share, args=(paths[i::count],)) for i in range(count)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join()
    return len(paths) if all(p.exitcode == 0 for p in processes) else 0


SECTIONS: dict[str, Callable[[argparse.Namespace], None]] = {
    "corpus": bench_corpus,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the named sections (all when none is named)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("sections", nargs="*", choices=[*SECTIONS, []], metavar="SECTION",
                        help=f"what to run: {', '.join(SECTIONS)} (default: all)")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (best kept)")
    parser.add_argument("--copies", type=int, default=50, help="corpus: copies of each sample")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2],
                        help="corpus: worker counts to compare, the first is the baseline")  # fmt: skip
    parser.add_argument("--chunksize", type=int, default=None,
                        help="corpus: parse_many chunksize (default: parse_many's choice)")  # fmt: skip
    args = parser.parse_args(argv)
    for name in args.sections or SECTIONS:
        SECTIONS[name](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
