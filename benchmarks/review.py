"""What the output checks cost: ``python benchmarks/review.py [--repeat N]``.

``gijiroku.quality.review`` reads the finished minutes again (header values, members, every
line of every turn). It is timed against the parse of the same input, in the same process
and the same run (the best of ``--repeat`` runs each, taking turns), and printed as a ratio:
``review/parse 0.02`` means the checks add 2 % to a parse. The inputs: every bundled sample,
the unseen-publisher files of ``tests/data/unseen`` (where the checks find the most), one
sample repeated 1×, 10× and 100× (the checks must grow linearly), and shapes made to give the
checks the most places: a roster of 20,000 one-cell entries, 2,000 header lines of 300
characters, one turn of 20,000 lines that read as labels.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from timing import best_of

import gijiroku
from gijiroku.quality import review

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
UNSEEN = ROOT / "tests" / "data" / "unseen"


def measure(name: str, text: str, repeat: int) -> tuple[float, float]:
    """(parse seconds, review seconds) of ``text``; prints one line."""
    minutes = gijiroku.parse(text)
    found = review(minutes, text)
    times = best_of(
        {"parse": lambda: gijiroku.parse(text), "review": lambda: review(minutes, text)},
        repeat,
    )
    places = ", ".join(d.code for d in found) or "-"
    print(f"{name}: {len(text)} chars, parse {times['parse'] * 1000:.1f} ms, "
          f"review {times['review'] * 1000:.2f} ms, review/parse {times['review'] / times['parse']:.3f}"
          f" ({places})")  # fmt: skip
    return times["parse"], times["review"]


def _shapes() -> dict[str, str]:
    """Inputs that give every check the most work."""
    cells = "出席委員（20000名）\n" + "\n".join("番号成"[k % 3] for k in range(20_000)) + "\n"
    long_lines = "".join(
        f"日時 令和5年1月{k % 28 + 1}日 " + "議事日程第1 会議録署名議員の指名 " * 12 + "\n"
        for k in range(2_000)
    )
    turn = "○議長（梶　泰久） 開会します。\n" + "○１１番議員（平野　謙）\n" * 20_000
    return {"roster-cells": cells, "long-header-lines": long_lines, "label-lines": turn}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=5, help="runs per measure (best kept)")
    args = parser.parse_args(argv)
    ratios = []
    for path in sorted(SAMPLES.rglob("*")):
        if path.suffix in (".txt", ".md") and path.name != "README.md":
            text = path.read_bytes().decode("utf-8")
            parse, checks = measure(f"sample {path.name}", text, args.repeat)
            ratios.append(checks / parse)
    print(f"samples: review/parse median {sorted(ratios)[len(ratios) // 2]:.3f}, "
          f"max {max(ratios):.3f}")  # fmt: skip
    unseen = [
        measure(f"unseen {p.name[:2]}", p.read_text(encoding="utf-8"), args.repeat)
        for p in sorted(UNSEEN.glob("*.txt"))
    ]
    total_parse = sum(parse for parse, _ in unseen)
    total_review = sum(checks for _, checks in unseen)
    print(f"unseen: {len(unseen)} files, review/parse {total_review / total_parse:.3f} overall")
    base = (SAMPLES / "assembly" / "katsushika-2025-02-14.txt").read_bytes().decode("utf-8")
    grown = {
        k: measure(f"katsushika x{k}", base * k, max(1, args.repeat // k)) for k in (1, 10, 100)
    }
    k = math.log(grown[100][1] / grown[1][1]) / math.log(100)
    print(f"growth: review time grows as size^{k:.2f} (1 is linear)")
    for name, text in _shapes().items():
        measure(f"shape {name}", text, 1)


if __name__ == "__main__":
    main()
