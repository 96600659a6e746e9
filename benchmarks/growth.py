"""Growth benchmark: does parsing stay linear on the shapes that once were not?

``python benchmarks/growth.py`` (or ``python benchmarks/bench.py growth``) grows each shape
of issue 16 to 1×, 10× and 100× its base size and measures, in a separate process capped by
``--time-limit`` seconds (a pathological case cannot hang the run), the best parse time and
the peak memory (``tracemalloc``). It fails — exit status 1 and a ``FAIL`` line that says
why — when, from 10× to 100×,

- the time grows faster than size^``--max-exponent`` (default 1.25: linear is 1, noise on a
  shared machine stays well below 0.25 over a factor of 10; quadratic is 2), or a
  measurement runs out of time;
- the peak memory grows faster than that, or exceeds ``memory_budget`` × the input;
- a shape that names a ``diagnostics`` ceiling gets more diagnostics than that (one
  diagnostic per line is itself a memory blow-up).

The shapes (``SHAPES``) are the reproducers from the issue, each a function of a size ``n``:
a committee heading bracket followed by many spaces and no closing bracket, a summary
participant line with an unclosed bracket, a run of kanji before an assembly title, flat
Markdown bullets, and prose lines no rule claims; and a control that must pass (plain
label lines).
"""

from __future__ import annotations

import argparse
import math
import multiprocessing
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection

import gijiroku

SCALES = (1, 10, 100)


@dataclass(frozen=True)
class Shape:
    """An input that grows with ``n``: ``make(base * scale)`` for each scale."""

    name: str
    make: Callable[[int], str]
    base: int
    format: str | None = None
    #: peak memory allowed at the largest size, in multiples of the input's size in bytes
    memory_budget: float = 50.0
    #: most diagnostics allowed at any size (None: no ceiling)
    diagnostics: int | None = None


SHAPES: tuple[Shape, ...] = (
    # a control: plain turns, one Utterance record each; it must pass
    Shape("control: label lines × n", lambda n: "林委員 発言です。\n" * n, base=100,
          format="committee", memory_budget=200),
    Shape("committee heading 〔 + U+3000 × n, no 〕", lambda n: "座長 はい。\n〔" + "　" * n + "議題\n",
          base=40, format="committee"),
    Shape("committee heading 【 + space × n, no 】", lambda n: "座長 はい。\n【" + " " * n + "議題\n",
          base=40, format="committee"),
    Shape("committee heading [ + space × n, no ]", lambda n: "座長 はい。\n[" + " " * n + "議題\n",
          base=40, format="committee"),
    Shape("committee heading ［ + U+3000 × n, no ］", lambda n: "座長 はい。\n［" + "　" * n + "議題\n",
          base=40, format="committee"),
    Shape("summary participant line a × n + （", lambda n: "# 第1回 会議\n* 参加者\n  * 理事: " + "a" * n + "（",
          base=100, format="summary"),
    Shape("assembly title: kanji × n + 。市議会会議録　第１号", lambda n: "漢" * n + "。市議会会議録　第１号\n",
          base=200, format="assembly"),
    # one Item record per bullet, as one Utterance per turn: records are larger than lines
    Shape("flat Markdown bullets × n", lambda n: "# 題\n" + "* 項目(sano\n" * n,
          base=150, format="summary", memory_budget=200),
    # no record at all, so a run of them should cost little: one diagnostic, one span
    Shape("prose lines without labels × n", lambda n: "何の構造もない文章です。\n" * n,
          base=50, diagnostics=10),
)  # fmt: skip


@dataclass
class Measurement:
    """One shape at one scale: best time, peak memory, diagnostics; or why there is none."""

    scale: int
    size: int = 0
    seconds: float = math.nan
    peak: int = 0
    diagnostics: int = 0
    problem: str | None = None  # "timed out after 5 s", "crashed: …"


def _measure_here(shape: Shape, scale: int, repeat: int, connection: Connection) -> None:
    """In the child process: parse ``repeat`` times (best time), once more traced."""
    text = shape.make(shape.base * scale)
    best = math.inf
    for _ in range(repeat):
        started = time.perf_counter()
        minutes = gijiroku.parse(text, format=shape.format)
        best = min(best, time.perf_counter() - started)
    del minutes
    tracemalloc.start()
    minutes = gijiroku.parse(text, format=shape.format)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    connection.send((len(text.encode()), best, peak, len(minutes.diagnostics)))


def measure(shape: Shape, scale: int, repeat: int, time_limit: float) -> Measurement:
    """Run one measurement in a forked process; give up after ``time_limit`` seconds."""
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe(duplex=False)
    process = context.Process(target=_measure_here, args=(shape, scale, repeat, theirs))
    process.start()
    theirs.close()
    found = Measurement(scale)
    if ours.poll(time_limit):
        try:
            found.size, found.seconds, found.peak, found.diagnostics = ours.recv()
        except EOFError:
            found.problem = "crashed"
    else:
        found.problem = f"timed out after {time_limit:g} s"
    process.kill()
    process.join()
    if found.problem == "crashed":
        found.problem = f"crashed (exit status {process.exitcode})"
    return found


def _exponent(
    small: Measurement, large: Measurement, value: Callable[[Measurement], float]
) -> float:
    """k in value ∝ size^k between two measurements."""
    return math.log(value(large) / value(small)) / math.log(large.size / small.size)


def judge(shape: Shape, found: Sequence[Measurement], max_exponent: float) -> list[str]:
    """What is wrong with a shape's measurements (empty when it stays linear)."""
    problems = [f"{m.scale}x {m.problem}" for m in found if m.problem]
    done = [m for m in found if not m.problem]
    if shape.diagnostics is not None:
        for m in done:
            if m.diagnostics > shape.diagnostics:
                problems.append(
                    f"{m.scale}x: {m.diagnostics} diagnostics (at most {shape.diagnostics})"
                )
    if len(done) < len(SCALES):
        return problems
    ten, hundred = done[1], done[2]
    time_k = _exponent(ten, hundred, lambda m: m.seconds)
    if time_k > max_exponent:
        problems.append(f"time grows as size^{time_k:.2f} from 10x to 100x (linear: 1)")
    memory_k = _exponent(ten, hundred, lambda m: m.peak)
    if memory_k > max_exponent:
        problems.append(f"memory grows as size^{memory_k:.2f} from 10x to 100x (linear: 1)")
    ratio = hundred.peak / hundred.size
    if ratio > shape.memory_budget:
        problems.append(
            f"peak memory {ratio:.0f}x the input at 100x (budget {shape.memory_budget:g}x)"
        )
    return problems


def _line(shape: Shape, found: Sequence[Measurement]) -> str:
    cells = []
    for m in found:
        if m.problem:
            cells.append(f"{m.scale}x {m.problem}")
        else:
            cells.append(f"{m.scale}x {m.size / 1e3:.1f} kB {m.seconds * 1e3:.1f} ms "
                         f"{m.peak / m.size:.0f}x mem {m.diagnostics} diag")  # fmt: skip
    return f"growth: {shape.name}: " + "; ".join(cells)


def run(shapes: Sequence[Shape], time_limit: float, max_exponent: float) -> int:
    """Measure every shape; print a line each and a verdict; 0 when all stay linear."""
    failed = []
    for shape in shapes:
        found: list[Measurement] = []
        for scale, repeat in zip(SCALES, (5, 3, 3), strict=True):
            if found and found[-1].problem:  # it ran out of time already: do not wait again
                found.append(Measurement(scale, problem="not run"))
                continue
            found.append(measure(shape, scale, repeat, time_limit))
        print(_line(shape, found), flush=True)
        problems = judge(shape, found, max_exponent)
        if problems:
            failed.append(shape.name)
            print(f"growth: FAIL {shape.name}: {'; '.join(problems)}", flush=True)
    if failed:
        print(f"growth: FAIL: {len(failed)} of {len(shapes)} shapes grow beyond linear: "
              f"{', '.join(failed)}")  # fmt: skip
        return 1
    print(f"growth: ok: all {len(shapes)} shapes grow linearly (time and memory exponent "
          f"<= {max_exponent:g} from 10x to 100x)")  # fmt: skip
    return 0


def add_options(parser: argparse.ArgumentParser) -> None:
    """The options of this section (also offered by bench.py)."""
    parser.add_argument("--time-limit", type=float, default=5.0,
                        help="growth: seconds one measurement may take (default 5)")  # fmt: skip
    parser.add_argument("--max-exponent", type=float, default=1.25,
                        help="growth: largest size exponent accepted (default 1.25)")  # fmt: skip
    parser.add_argument("--shape", action="append", default=None,
                        help="growth: only shapes whose name contains this (repeatable)")  # fmt: skip


def selected(args: argparse.Namespace) -> list[Shape]:
    if not args.shape:
        return list(SHAPES)
    return [s for s in SHAPES if any(part in s.name for part in args.shape)]


def bench_growth(args: argparse.Namespace) -> int:
    """The bench.py section: every shape at 1×, 10×, 100×."""
    return run(selected(args), args.time_limit, args.max_exponent)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    add_options(parser)
    return bench_growth(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
