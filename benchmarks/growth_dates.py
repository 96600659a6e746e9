"""Growth of ``gijiroku.dates`` on long inputs: ``python benchmarks/growth_dates.py``.

Each shape is one piece repeated (digits, kanji numerals, spaces, the pieces of dates and
times, and a real sample's text) to 2 kB, 20 kB and 200 kB (1×, 10×, 100×); each function
of :mod:`gijiroku.dates` that scans text runs on it (best of ``--repeat`` timings). Time
grows as size^k: k = 1 is linear. The slope between 10× and 100× is what counts (1× still
pays fixed costs); a shape fails when it exceeds ``--max-slope``: default 1.4, as linear
functions measure 0.9–1.3 on a busy 2-core machine (20 kB → 200 kB also leaves the CPU's
cache) and a quadratic pattern measures 2. A shape that grows more than 30× from 1× to 10× is not run at
100× (a quadratic pattern would take minutes) and fails at once. Exit status 1 when any
shape fails.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from gijiroku import dates

ROOT = Path(__file__).resolve().parent.parent
BASE = 2_000
SAMPLE = ROOT / "samples" / "assembly" / "hakodate-2024-02-22.txt"

#: The pieces repeated: what a backtracking pattern would choke on.
SHAPES: dict[str, str] = {
    "digits": "1",
    "full-width digits": "１",
    "kanji digits": "九",
    "kanji units": "十",
    "spaces": " ",
    "ideographic spaces": "\u3000",
    "era and spaces": "令和 ",
    "era and digits": "令和1",
    "years": "1年",
    "years and months": "1年1月",
    "months and days": "1月1日",
    "dates and line breaks": "1月1日\n",
    "slashes": "1/",
    "month/day/": "1/1/1/",
    "dotted years": "2020.",
    "dashed years": "2020-",
    "colons": "1:",
    "hours": "1時",
    "hours and minutes": "1時1分",
    "spaced hours": "1 時 ",
    "afternoons": "午後 ",
    "open ranges": "1:00～",
    "era letters": "R1.",
    "era and parenthesis": "令和1(",
    "open date ranges": "令和1年1月1日~",
    "weekday openings": "1月1日（",
    "start words": "開始 ",
    "kanji Western years": "一九八九年",
    "fiscal years": "令和1年度",
    "spaced date and time": "令和 一 年 二 月 三 日 午後 1 時 ～ ",
    "a real sample (hakodate)": SAMPLE.read_text(encoding="utf-8") if SAMPLE.exists() else "令和",
}
FUNCTIONS: dict[str, Callable[[str], object]] = {
    "find_dates": dates.find_dates,
    "find_years": dates.find_years,
    "find_times": dates.find_times,
    "parse_date": dates.parse_date,
    "parse_time_range": dates.parse_time_range,
    "parse_number": dates.parse_number,
}


def _text(piece: str, size: int) -> str:
    return (piece * (size // len(piece) + 1))[:size]


def _best(function: Callable[[str], object], text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        function(text)
        best = min(best, time.perf_counter() - started)
    return best


def measure(shape: str, piece: str, repeat: int, max_slope: float) -> list[str]:
    """One line per function for ``shape``; a line that starts with FAIL failed."""
    lines = []
    for name, function in FUNCTIONS.items():
        t1 = _best(function, _text(piece, BASE), repeat)
        t10 = _best(function, _text(piece, BASE * 10), repeat)
        if t10 > 30 * max(t1, 1e-6):
            lines.append(f"FAIL {shape:28s} {name:18s} 1x {t1 * 1e3:8.2f} ms  10x {t10 * 1e3:8.2f} ms"
                         "  (superlinear: 100x not run)")  # fmt: skip
            continue
        t100 = _best(function, _text(piece, BASE * 100), repeat)
        slope = math.log(max(t100, 1e-9) / max(t10, 1e-9)) / math.log(10)
        verdict = "FAIL" if slope > max_slope else "ok  "
        lines.append(
            f"{verdict} {shape:28s} {name:18s} 1x {t1 * 1e3:8.2f} ms  10x {t10 * 1e3:8.2f} ms"
            f"  100x {t100 * 1e3:8.2f} ms  slope(10x..100x) {slope:5.2f}"
        )
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every shape; 1 when any grows faster than linear."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="timings per size (best kept)")
    parser.add_argument("--max-slope", type=float, default=1.4, help="fail above this slope")
    args = parser.parse_args(argv)
    failures = 0
    for shape, piece in SHAPES.items():
        for line in measure(shape, piece, args.repeat, args.max_slope):
            print("dates-growth:", line, flush=True)
            failures += line.startswith("FAIL")
    print(f"dates-growth: {failures} of {len(SHAPES) * len(FUNCTIONS)} grow faster than linear")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
