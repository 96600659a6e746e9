"""What the exports cost: ``python benchmarks/export.py [--repeat N]``.

Each export is timed on the bundled samples against the parse of the same input, in the same
process and the same run (the best of ``--repeat`` runs each, taking turns), and printed as a
ratio: ``tei/parse 0.8`` means the TEI export takes 0.8 times as long as parsing did. The
exports: ``json`` (``Minutes.to_json``, the baseline every user pays), ``tei``
(``Minutes.to_tei``), ``pandas`` (the utterances table as a DataFrame, when pandas and
pyarrow are installed) and ``kokkai`` (``gijiroku.kokkai.to_meeting_record``). Then one
sample repeated 1× and 10× shows whether the TEI export grows linearly, and the peak memory
of a TEI export (tracemalloc) divided by the input's size.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
from collections.abc import Callable, Sequence
from pathlib import Path

from timing import best_of, peak_bytes

import gijiroku
from gijiroku.kokkai import to_meeting_record

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _exports(data: bytes) -> dict[str, Callable[[], object]]:
    minutes = gijiroku.parse(data)
    text = data.decode("utf-8")
    runs: dict[str, Callable[[], object]] = {
        "parse": lambda: gijiroku.parse(data),
        "json": minutes.to_json,
        "tei": lambda: minutes.to_tei(published="2026-01-01"),
    }
    if importlib.util.find_spec("pandas") and importlib.util.find_spec("pyarrow"):
        runs["pandas"] = minutes.to_pandas
    if minutes.source.format == "diet":
        runs["kokkai"] = lambda: to_meeting_record(minutes, text)
    return runs


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (best kept)")
    args = parser.parse_args(argv)
    ratios: dict[str, list[float]] = {}
    paths = sorted(
        p for p in SAMPLES.rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.md"
    )
    for path in paths:
        data = path.read_bytes()
        times = best_of(_exports(data), args.repeat)
        parts = [f"parse {times['parse'] * 1e3:7.1f} ms"]
        for name, seconds in times.items():
            if name != "parse":
                ratio = seconds / times["parse"]
                ratios.setdefault(name, []).append(ratio)
                parts.append(f"{name}/parse {ratio:5.2f}")
        print(
            f"export: {path.relative_to(SAMPLES)!s:44s} {len(data) / 1e3:7.1f} kB  "
            + "  ".join(parts)
        )
    print(
        "export: median "
        + ", ".join(f"{n}/parse {statistics.median(r):.2f}" for n, r in ratios.items())
    )

    sample = (SAMPLES / "diet/sangiin-zaisei-2024-08-23.txt").read_bytes()
    growth = {}
    for copies in (1, 10):
        minutes = gijiroku.parse(sample * copies)
        growth[copies] = best_of(
            {"tei": lambda m=minutes: m.to_tei(published="2026-01-01")}, max(2, args.repeat // 2)
        )["tei"]
        print(f"export: tei of sangiin-zaisei x{copies:<3d} {growth[copies] * 1e3:8.1f} ms")
    print(f"export: tei time(10x)/time(1x) = {growth[10] / growth[1]:.1f} (linear: 10)")
    minutes = gijiroku.parse(sample)
    peak = peak_bytes(lambda: minutes.to_tei(published="2026-01-01"))
    print(f"export: tei peak memory {peak / 1e6:.1f} MB = {peak / len(sample):.1f}x input")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
