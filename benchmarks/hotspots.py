"""Where parse time goes: ``python benchmarks/hotspots.py [--rounds N] [--top N] [PATH ...]``.

Parses every ``.txt``/``.md``/``.rst`` file under the paths (the bundled samples when none are
given) once to warm up, then ``--rounds`` times under cProfile, and prints the functions by
their own time and by their cumulative time. A profile inflates the cost of small Python
functions: use it to find where to look, and ``shared/bench/ratio.py`` (or ``bench.py
families``) to measure a change.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats

from timing import documents as read_documents

import gijiroku


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("paths", nargs="*")
    args = parser.parse_args()
    documents = read_documents(args.paths, readme=False)
    for data in documents:
        gijiroku.parse(data)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.rounds):
        for data in documents:
            gijiroku.parse(data)
    profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumtime").print_stats(args.top)


if __name__ == "__main__":
    main()
