"""gijiroku benchmarks: ``python benchmarks/bench.py [SECTION...]``.

Each section is a function registered in :data:`SECTIONS`; with no argument every section
runs, in order. Sections print plain lines (``name: value``) so that runs can be compared
by eye or with ``diff``. Timings are the best of ``--repeat`` runs (default 5): the least
disturbed by whatever else the machine is doing.

Every speed figure is printed next to a *floor* measured in the same run on the same input,
the floor of the project's reference measure (``shared/bench/ratio.py``, copied here as
:func:`floor`): decode the UTF-8 bytes, split the lines (``str.splitlines``), fold full-width
characters with mojimoji on each line, and run one compiled speaker-label regex on each line
— the least any minutes parser must do. ``parse/floor`` is the ratio of the two times;
memory is the peak traced by ``tracemalloc`` (in a separate run, as tracing slows
everything) divided by the input's size in bytes.

Sections:
    families every sample as ``ratio.py`` reads it (``.txt``, ``.md``, ``.rst``, README.md
             included), parse and floor taking turns, CPU time summed per folder and round,
             the median over ``--rounds``: MB/s and parse/floor per folder and overall.
    import   ``python -X importtime -c "import gijiroku"`` run ``--rounds`` times in fresh
             processes: the least and the median total (the environment as it is, e.g.
             ``PYTHONDONTWRITEBYTECODE``), and the ten slowest modules of the fastest run.
    samples  every bundled sample: MB/s, ms per document, parse/floor, peak memory.
    scaling  one sample repeated 1×, 10×, 100×: the same figures and the growth exponent
             (time grows as size^k; k = 1 is linear) with time(100×)/time(1×).
    patho    pathological inputs: a 5 MB single line, 200,000 label lines, 50,000 nested
             brackets, a roster of 100,000 names; each must finish in linear time.
    corpus   every sample under samples/ × 50 through ``gijiroku.parse_many`` with 1 and 2
             workers (and more with ``--jobs``): documents per second and the speed-up;
             then the ceiling the machine allows (as many independent processes parsing a
             share each) and the load other processes put on the machine meanwhile.
    collector a pipeline as users write it (every sample × ``--copies``, each result held
             until the next parse, the garbage collector not frozen): rounds taking turns
             between the collector paused during each parse (as shipped) and running
             throughout: CPU time, time in the collector, collections per generation.
    pdf      every PDF under samples/ (needs gijiroku[pdf]): text extraction alone (the floor
             of reading a PDF) against extraction + parse, both in this process; and the
             parse of the extracted text against the text floor.
    pdflibs  the PDF libraries compared on the same files: pypdfium2 (what gijiroku uses),
             pypdf and pdfminer.six when installed: time, characters, lines, and how many
             of pypdfium2's lines each gives verbatim and in the same order.
    growth   the shapes that once grew beyond linear (benchmarks/growth.py), 1×, 10×, 100×,
             each measurement in its own process under ``--time-limit``; the run exits
             with status 1 when one of them still grows beyond linear.

A section may fail (``growth`` does when a shape grows beyond linear): the exit status is
then 1.
"""

from __future__ import annotations

import argparse
import gc
import math
import multiprocessing
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import growth
import mojimoji
import regex
from timing import peak_bytes

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


#: Other load (cores) beyond the cores the runs leave free that makes a speed-up unreliable.
BUSY_CORES = 0.25


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
    load: float | None = None
    if busy is not None and busy_after is not None:
        # Other processes on the machine (other users, other VMs' steal) skew the timings.
        others = (busy_after - busy) - (_own_seconds() - own)
        load = max(0.0, others) / (time.perf_counter() - started)
        print(f"corpus: other load on the machine during the runs: {load:.2f} cores")
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
    spare = available_cores() - ceiling_jobs
    if load is None:
        print("corpus: the load of other processes is unknown (no /proc/stat): "
              "the speed-ups may say more about the machine than about gijiroku")  # fmt: skip
    elif load > BUSY_CORES + max(0, spare):
        print(f"corpus: the machine was too busy to measure the speed-up: other processes "
              f"used {load:.2f} cores of {available_cores()} (more than {BUSY_CORES} beyond "
              f"the {max(0, spare)} spare); compare the speed-up with the ceiling only")  # fmt: skip


# -- single documents: speed against the floor, memory ---------------------------------------

#: The floor's speaker label (``shared/bench/ratio.py``: the same pattern, the same use).
_FLOOR_LABEL_RE = regex.compile(r"^[○◯〇◎◆]?[^\s\u3000]{1,20}?(?:委員|君|長|局)[\s\u3000：:]")


def floor(data: bytes) -> int:
    """The least any minutes parser must do (``shared/bench/ratio.py``'s floor, copied):
    decode the UTF-8 bytes, split the lines, fold full-width characters with mojimoji on
    each line, run one compiled speaker-label regex on each line."""
    found = 0
    for line in data.decode("utf-8").splitlines():
        if _FLOOR_LABEL_RE.search(mojimoji.zen_to_han(line, kana=False)):
            found += 1
    return found


#: The files ``ratio.py`` reads in a folder.
RATIO_SUFFIXES = {".txt", ".md", ".rst"}


def bench_families(args: argparse.Namespace) -> None:
    """Parse/floor per folder of samples, measured as ``shared/bench/ratio.py`` measures it:
    both run in turn on every document, CPU time (``process_time``) summed per folder and
    round, the median over rounds (after a warm-up round)."""
    docs = [
        (p.parent.name, p.read_bytes())
        for p in sorted(SAMPLES.rglob("*"))
        if p.suffix in RATIO_SUFFIXES
    ]
    for _, data in docs:  # warm-up: compiled patterns, caches
        gijiroku.parse(data)
        floor(data)
    size: dict[str, int] = defaultdict(int)
    for group, data in docs:
        size[group] += len(data)
        size["all"] += len(data)
    times: dict[str, dict[str, list[float]]] = {
        "parse": defaultdict(list),
        "floor": defaultdict(list),
    }
    gc.collect()
    gc.freeze()
    for _ in range(args.rounds):
        spent: dict[str, dict[str, float]] = {k: defaultdict(float) for k in times}
        for group, data in docs:
            for kind, run in (("parse", gijiroku.parse), ("floor", floor)):
                started = time.process_time()
                run(data)
                seconds = time.process_time() - started
                spent[kind][group] += seconds
                spent[kind]["all"] += seconds
        for kind in times:
            for group, seconds in spent[kind].items():
                times[kind][group].append(seconds)
    gc.unfreeze()
    for group in [*sorted(g for g in size if g != "all"), "all"]:
        parse, floor_ = times["parse"][group], times["floor"][group]
        ratio = statistics.median(p / f for p, f in zip(parse, floor_, strict=True))
        print(f"families: {group:10s} {size[group] / 1e3:7.0f} kB  "
              f"parse {size[group] / 1e6 / statistics.median(parse):6.2f} MB/s  "
              f"floor {size[group] / 1e6 / statistics.median(floor_):7.1f} MB/s  "
              f"parse/floor {ratio:6.2f}")  # fmt: skip


class _CollectorClock:
    """Time spent in the cyclic garbage collector, and collections per generation (through
    ``gc.callbacks``, while installed)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.collections = [0, 0, 0]
        self._started = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.process_time()
        else:
            self.seconds += time.process_time() - self._started
            self.collections[info["generation"]] += 1


def bench_collector(args: argparse.Namespace) -> None:
    """A pipeline as a user writes it: every sample × ``--copies``, each parse's minutes held
    until the next one is made, the collector as CPython runs it (not frozen, unlike
    ``families``). Rounds take turns between the collector paused during each parse (as
    gijiroku does) and running throughout; per round, the median over ``--rounds``: CPU time,
    time in the collector and collections per generation, and parse/floor for the same
    documents."""
    from gijiroku import collector

    docs = [p.read_bytes() for p in sample_paths()] * args.copies
    for data in docs[: len(docs) // args.copies]:  # warm-up: compiled patterns, caches
        gijiroku.parse(data)
    spent: dict[str, list[tuple[float, float, list[int]]]] = {"paused": [], "running": []}
    floors: list[float] = []
    gc.collect()
    try:
        for _ in range(args.rounds):
            started = time.process_time()
            for data in docs:
                floor(data)
            floors.append(time.process_time() - started)
            for way, runs in spent.items():
                collector.PAUSE = way == "paused"
                clock = _CollectorClock()
                gc.callbacks.append(clock)
                started = time.process_time()
                minutes = None
                for data in docs:
                    minutes = gijiroku.parse(data)
                seconds = time.process_time() - started
                gc.callbacks.remove(clock)
                del minutes
                runs.append((seconds, clock.seconds, clock.collections))
    finally:
        collector.PAUSE = True
    floor_seconds = statistics.median(floors)
    for way, runs in spent.items():
        seconds = statistics.median(run[0] for run in runs)
        in_collector = statistics.median(run[1] for run in runs)
        counts = [statistics.median(run[2][g] for run in runs) for g in range(3)]
        print(f"collector: {way:8s} {len(docs)} documents  {seconds:6.2f} s  "
              f"in the collector {in_collector:5.2f} s ({in_collector / seconds:5.1%})  "
              f"collections by generation {counts[0]:.0f}/{counts[1]:.0f}/{counts[2]:.0f}  "
              f"parse/floor {seconds / floor_seconds:6.2f}")  # fmt: skip
    paused = statistics.median(run[0] for run in spent["paused"])
    running = statistics.median(run[0] for run in spent["running"])
    print(f"collector: paused/running {paused / running:.3f}")


def _import_times() -> tuple[float, dict[str, float]]:
    """One ``import gijiroku`` in a fresh process: the total, and each module's own time."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import gijiroku"],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )  # fmt: skip
    own: dict[str, float] = {}
    total = 0.0
    for line in done.stderr.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) != 3 or not fields[0].strip().isdigit():
            continue
        name = fields[2].strip()
        own[name] = int(fields[0]) / 1e6
        if name == "gijiroku":
            total = int(fields[1]) / 1e6
    return total, own


def bench_import(args: argparse.Namespace) -> None:
    """``import gijiroku`` in fresh processes: the least and the median total."""
    runs = [_import_times() for _ in range(args.rounds)]
    totals = sorted(total for total, _ in runs)
    print(f"import: {len(runs)} runs, total least {totals[0]:.3f} s, "
          f"median {statistics.median(totals):.3f} s "
          f"(PYTHONDONTWRITEBYTECODE={os.environ.get('PYTHONDONTWRITEBYTECODE', '')!r})")  # fmt: skip
    fastest = min(runs, key=lambda run: run[0])[1]
    slowest = sorted(fastest.items(), key=lambda item: item[1], reverse=True)[:10]
    print("import: slowest modules (own time): "
          + ", ".join(f"{name} {seconds * 1e3:.0f} ms" for name, seconds in slowest))  # fmt: skip


def _parse(data: bytes) -> int:
    return len(gijiroku.parse(data).utterances)


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


@dataclass
class Measure:
    """One input measured: parse and floor times (best of N), peak memory of a parse."""

    name: str
    size: int
    parse: float
    floor: float
    peak: int

    @property
    def ratio(self) -> float:
        return self.parse / self.floor if self.floor else float("nan")

    def line(self) -> str:
        mb = self.size / 1e6
        return (
            f"{self.name:44s} {mb * 1e3:9.1f} kB {mb / self.parse:7.2f} MB/s {self.parse * 1e3:9.1f} ms"
            f"  floor {mb / self.floor:7.2f} MB/s {self.floor * 1e3:8.1f} ms  parse/floor {self.ratio:5.2f}"
            f"  peak {self.peak / 1e6:7.1f} MB = {self.peak / self.size:5.1f}x input"
        )


def measure(name: str, data: bytes, repeat: int) -> Measure:
    """Parse and floor times for ``data`` (taking turns), and the peak memory of a parse."""
    times = _best_times({0: lambda: _parse(data), 1: lambda: floor(data)}, repeat)
    return Measure(name, len(data), times[0][0], times[1][0], peak_bytes(lambda: _parse(data)))


def bench_samples(args: argparse.Namespace) -> None:
    """Every bundled sample, parsed whole, against the floor."""
    results = [
        measure(str(p.relative_to(SAMPLES)), p.read_bytes(), args.repeat) for p in sample_paths()
    ]
    for result in results:
        print("samples:", result.line())
    worst = max(results, key=lambda r: r.ratio)
    print(f"samples: parse/floor median {statistics.median(r.ratio for r in results):.2f}, "
          f"worst {worst.ratio:.2f} ({worst.name}); peak memory worst "
          f"{max(r.peak / r.size for r in results):.1f}x input")  # fmt: skip


def bench_scaling(args: argparse.Namespace) -> None:
    """One sample repeated 1×, 10×, 100×: linear growth means time(100×)/time(1×) ≈ 100."""
    sample = SAMPLES / args.scaling_sample
    base = sample.read_bytes()
    results = [
        measure(f"{sample.name} x{n}", base * n, max(2, args.repeat // (1 + n // 20)))
        for n in (1, 10, 100)
    ]
    for result in results:
        print("scaling:", result.line())
    hundredfold = results[-1].parse / results[0].parse
    exponent = math.log(hundredfold) / math.log(100)
    print(f"scaling: time(100x)/time(1x) = {hundredfold:.1f} (linear: 100, target <= 110); "
          f"growth exponent {exponent:.3f}")  # fmt: skip


def _pathological_inputs() -> dict[str, bytes]:
    names = [
        f"{chr(0x4E00 + i % 2000)}{chr(0x4E00 + (i * 7) % 2000)}{chr(0x4E00 + (i * 13) % 2000)}"
        for i in range(100_000)
    ]
    return {
        "a 5 MB single line": ("議事録の本文。" * 240_000)
        .encode()[:5_000_000]
        .rsplit(b"\xe3", 1)[0],
        "200,000 label lines": "".join(f"林委員 発言{i}。\n" for i in range(200_000)).encode(),
        "50,000 nested brackets": (
            "座長 " + "（" * 50_000 + "了承" + "）" * 50_000 + "\n"
        ).encode(),
        "a roster of 100,000 names": (
            "第1回 審議会 議事録\n出席者："
            + "、".join(n + "委員" for n in names)
            + "\n座長 はじめます。\n"
        ).encode(),
    }


def bench_patho(args: argparse.Namespace) -> None:
    """Pathological inputs: each must finish, in time linear in its size."""
    for name, data in _pathological_inputs().items():
        print("patho:", measure(name, data, max(1, args.repeat // 3)).line())


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


# -- PDF files ---------------------------------------------------------------------------------


def pdf_paths() -> list[Path]:
    """Every bundled PDF sample, sorted."""
    return sorted(SAMPLES.rglob("*.pdf"))


def bench_pdf(args: argparse.Namespace) -> None:
    """Extraction + parse against extraction alone (the floor of reading a PDF), per PDF."""
    for path in pdf_paths():
        data = path.read_bytes()
        extracted = gijiroku.extract_text(data)
        text_bytes = extracted.masked().encode("utf-8")
        times = _best_times(
            {
                0: lambda data=data: len(gijiroku.extract_text(data).text),
                1: lambda data=data: len(gijiroku.parse(data).utterances),
                2: lambda extracted=extracted: len(gijiroku.parse(extracted).utterances),
                3: lambda text_bytes=text_bytes: floor(text_bytes),
            },
            args.repeat,
        )
        extract, both, parse, text_floor = (times[k][0] for k in range(4))
        name = str(path.relative_to(SAMPLES))
        print(f"pdf: {name}: {len(data) / 1e6:.2f} MB, {extracted.pages} pages, "
              f"{len(extracted.text):,} characters, {len(extracted.furniture)} furniture pieces")  # fmt: skip
        print(f"pdf: {name}: extract {extract * 1e3:.1f} ms ({extract / extracted.pages * 1e3:.2f} ms/page), "
              f"extract + parse {both * 1e3:.1f} ms: (extract + parse)/extract {both / extract:.2f}")  # fmt: skip
        print(f"pdf: {name}: parse of the extracted text {parse * 1e3:.1f} ms, "
              f"text floor {text_floor * 1e3:.1f} ms: parse/floor {parse / text_floor:.2f}")  # fmt: skip


def _pypdfium2_lines(data: bytes) -> list[str]:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    pages = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    return [line for page in pages for line in page.replace("\r\n", "\n").split("\n")]


def _pypdf_lines(data: bytes) -> list[str]:
    import io

    import pypdf

    pages = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]
    return [line for page in pages for line in page.split("\n")]


def _pdfminer_lines(data: bytes) -> list[str]:
    import io

    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data)).replace("\f", "\n").split("\n")


def bench_pdflibs(args: argparse.Namespace) -> None:
    """The PDF libraries on the same files: time, and agreement with pypdfium2's lines."""
    import difflib
    import importlib.util

    libraries = {
        "pypdfium2": _pypdfium2_lines,
        "pypdf": _pypdf_lines,
        "pdfminer.six": _pdfminer_lines,
    }
    modules = {"pypdfium2": "pypdfium2", "pypdf": "pypdf", "pdfminer.six": "pdfminer"}
    for path in pdf_paths():
        data = path.read_bytes()
        reference: list[str] = []
        for library, read in libraries.items():
            if importlib.util.find_spec(modules[library]) is None:
                print(f"pdflibs: {library}: not installed")
                continue
            seconds = _best(lambda read=read, data=data: read(data), max(1, args.repeat // 2))
            lines = [line for line in read(data) if line.strip()]
            reference = reference or lines
            matcher = difflib.SequenceMatcher(None, reference, lines, autojunk=False)
            same = sum(block.size for block in matcher.get_matching_blocks())
            print(f"pdflibs: {path.name}: {library:13s} {seconds * 1e3:8.1f} ms  "
                  f"{sum(map(len, lines)):8,} characters  {len(lines):6,} lines  "
                  f"{same / len(reference):6.1%} of pypdfium2's lines verbatim, in order")  # fmt: skip


SECTIONS: dict[str, Callable[[argparse.Namespace], int | None]] = {
    "families": bench_families,
    "import": bench_import,
    "samples": bench_samples,
    "scaling": bench_scaling,
    "patho": bench_patho,
    "corpus": bench_corpus,
    "collector": bench_collector,
    "pdf": bench_pdf,
    "pdflibs": bench_pdflibs,
    "growth": growth.bench_growth,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the named sections (all when none is named)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("sections", nargs="*", choices=[*SECTIONS, []], metavar="SECTION",
                        help=f"what to run: {', '.join(SECTIONS)} (default: all)")  # fmt: skip
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (best kept)")
    parser.add_argument("--rounds", type=int, default=7,
                        help="families, import: rounds (the median is kept)")  # fmt: skip
    parser.add_argument("--copies", type=int, default=50,
                        help="corpus, collector: copies of each sample")  # fmt: skip
    parser.add_argument("--scaling-sample", default="diet/shugiin-monka-2023-11-01.txt",
                        help="scaling: the sample to repeat (relative to samples/)")  # fmt: skip
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2],
                        help="corpus: worker counts to compare, the first is the baseline")  # fmt: skip
    parser.add_argument("--chunksize", type=int, default=None,
                        help="corpus: parse_many chunksize (default: parse_many's choice)")  # fmt: skip
    growth.add_options(parser)
    args = parser.parse_args(argv)
    status = 0
    for name in args.sections or SECTIONS:
        status = max(status, SECTIONS[name](args) or 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
