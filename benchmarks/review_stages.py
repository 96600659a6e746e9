"""The per-document stages around the rules, timed alone: ``python benchmarks/review_stages.py
[--rounds N] [PATH ...]``.

Parses every ``.txt``/``.md``/``.rst`` file under the paths (the bundled samples when none
are given) once, keeping what each stage was given: the line survey and the running headers
(``gijiroku.layout``), format detection (``formats.choose_format``) and the family's document
survey (``Format.survey``), the quality record (``quality.assess``) and the review of the
output (``quality.with_review``, each of its checks too). Then times each stage over all the
documents, ``--rounds`` times, and prints the best round in ms of CPU time next to the floor
of ``bench.py`` (``shared/bench/ratio.py``'s) over the same documents, as a share of it.

Each stage runs on what it got in a real parse, outside the parse: no timer wraps a call
inside it, so the figures add up (a timer around each call inside a parse adds its own cost,
and a profiler inflates small functions). The garbage collector is frozen after the parses,
as ``ratio.py`` does.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Sequence
from typing import Any

from bench import floor
from timing import documents as read_documents

import gijiroku
from gijiroku import api, layout, parser, quality, tokenizer
from gijiroku.formats import choose_format

Calls = dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]]


def _capture(documents: Sequence[bytes]) -> Calls:
    """What each stage is given while every document is parsed once."""
    calls: Calls = {}
    watched = [
        (tokenizer, "survey_lines"),
        (tokenizer, "find_running_headers"),
        (api, "choose_format"),
        (parser, "assess"),
        (parser, "with_review"),
    ]
    originals = [(module, name, getattr(module, name)) for module, name in watched]

    def keep(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def kept(*args: Any, **kwargs: Any) -> Any:
            calls.setdefault(name, []).append((args, kwargs))
            return function(*args, **kwargs)

        return kept

    try:
        for module, name, function in originals:
            setattr(module, name, keep(name, function))
        for data in documents:
            gijiroku.parse(data)
    finally:
        for module, name, function in originals:
            setattr(module, name, function)
    return calls


def _stages(calls: Calls) -> dict[str, Callable[[], object]]:
    """A run of each stage over every document, as it ran in the parses."""

    def over(function: Callable[..., Any], name: str) -> Callable[[], object]:
        return lambda: [function(*args, **kwargs) for args, kwargs in calls.get(name, [])]

    detections = [choose_format(*args) for args, _ in calls.get("choose_format", [])]
    texts = [args[1] for args, _ in calls.get("choose_format", [])]
    reviews = [
        quality._Review(minutes, text, quality._Lines(text))
        for (minutes, text), _ in calls.get("with_review", [])
    ]
    stages: dict[str, Callable[[], object]] = {
        "layout.survey_lines": over(layout.survey_lines, "survey_lines"),
        "layout.find_running_headers": over(layout.find_running_headers, "find_running_headers"),
        "formats.choose_format": over(choose_format, "choose_format"),
        "Format.survey": lambda: [
            d.format.survey(text) for d, text in zip(detections, texts, strict=True)
        ],
        "quality.assess": over(quality.assess, "assess"),
        "quality.with_review": over(quality.with_review, "with_review"),
    }
    for check in quality.OUTPUT_CHECKS:
        stages[f"  {check.code}"] = lambda check=check: [check.find(r) for r in reviews]
    return stages


def _best(run: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        run()
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--rounds", type=int, default=7)
    options.add_argument("paths", nargs="*")
    args = options.parse_args()
    documents = read_documents(args.paths)
    stages = _stages(_capture(documents))
    gc.collect()
    gc.freeze()
    floor_time = _best(lambda: [floor(data) for data in documents], args.rounds)
    size = sum(map(len, documents))
    print(f"{len(documents)} documents, {size / 1e3:.0f} kB; floor {floor_time * 1e3:.1f} ms")
    total = 0.0
    for name, run in stages.items():
        spent = _best(run, args.rounds)
        if not name.startswith(" "):
            total += spent
        print(f"{name:30s} {spent * 1e3:7.2f} ms  {spent / floor_time:5.2f}× the floor")
    print(f"{'all of the above':30s} {total * 1e3:7.2f} ms  {total / floor_time:5.2f}× the floor")


if __name__ == "__main__":
    main()
