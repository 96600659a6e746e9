"""Where a parse spends its time, stage by stage: ``python benchmarks/stages.py [--rounds N]
[PATH ...]``.

Every ``.txt``/``.md``/``.rst`` file under the paths (``shared/samples`` as ``ratio.py`` reads
it, or the bundled samples when none are given) is parsed once to warm up, then ``--rounds``
times, taking turns with the floor of ``bench.py`` (the project's reference floor) on the
same document. Each stage's CPU time is its own (the stages it calls are counted apart), so
the lines add up to the whole parse; a timer around a stage costs well under a microsecond,
against the inflation of a profiler. The figures are the median per round, in milliseconds
and as multiples of the floor: what each stage would have to lose for the parse to reach a
target ratio.

Stages: ``detect`` (choosing the family), ``tokenize`` (blocks; the calls it makes into the
normalizer and the name reader included), ``evidence`` (``labels.gather_evidence``),
``walk`` (the block handlers: header, rosters, sections, turns), ``utterances`` (speakers
resolved, the records), ``meeting`` (``MeetingBuilder.build``), ``assess`` and ``review``
(the quality passes), and ``rest``: decoding, hashing, the members' and the minutes' records,
whatever no stage above holds.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from bench import floor
from timing import documents as read_documents

import gijiroku
from gijiroku import api, meeting, parser, tokenizer


class _Clock:
    """Own CPU time per stage: a stage's time less that of the stages it calls."""

    def __init__(self) -> None:
        self.own: defaultdict[str, float] = defaultdict(float)
        self._inner: list[float] = []

    def timed(self, label: str, run: Callable[..., Any]) -> Callable[..., Any]:
        def stage(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            self._inner.append(0.0)
            try:
                return run(*args, **kwargs)
            finally:
                spent = time.process_time() - started
                self.own[label] += spent - self._inner.pop()
                if self._inner:
                    self._inner[-1] += spent

        return stage


def _install(clock: _Clock) -> None:
    """Put a timer around each stage where the pipeline looks it up."""
    api.choose_format = clock.timed("detect", api.choose_format)
    tokenizer.tokenize_lines = clock.timed("tokenize", tokenizer.tokenize_lines)
    for name, label in (
        ("gather_evidence", "evidence"),
        ("_walk", "walk"),
        ("_utterances", "utterances"),
        ("assess", "assess"),
        ("with_review", "review"),
    ):
        setattr(parser, name, clock.timed(label, getattr(parser, name)))
    meeting.MeetingBuilder.build = clock.timed("meeting", meeting.MeetingBuilder.build)  # type: ignore[method-assign]


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=5)
    options.add_argument("paths", nargs="*")
    args = options.parse_args()
    documents = read_documents(args.paths)
    clock = _Clock()
    _install(clock)
    for data in documents:
        gijiroku.parse(data)
    rounds: defaultdict[str, list[float]] = defaultdict(list)
    for _ in range(args.rounds):
        clock.own.clear()
        parse_time = floor_time = 0.0
        for data in documents:
            started = time.process_time()
            gijiroku.parse(data)
            parse_time += time.process_time() - started
            started = time.process_time()
            floor(data)
            floor_time += time.process_time() - started
        rounds["parse"].append(parse_time)
        rounds["floor"].append(floor_time)
        for label, spent in clock.own.items():
            rounds[label].append(spent)
        rounds["rest"].append(parse_time - sum(clock.own.values()))
    floor_ms = statistics.median(rounds["floor"]) * 1000
    size = sum(map(len, documents))
    print(f"{len(documents)} documents, {size / 1000:.0f} kB, median of {args.rounds} rounds")
    print(f"{'floor':12s} {floor_ms:7.1f} ms")
    stages = sorted(
        (label for label in rounds if label not in ("parse", "floor")),
        key=lambda label: -statistics.median(rounds[label]),
    )
    for label in ["parse", *stages]:
        ms = statistics.median(rounds[label]) * 1000
        print(f"{label:12s} {ms:7.1f} ms  {ms / floor_ms:5.1f}× the floor")


if __name__ == "__main__":
    main()
