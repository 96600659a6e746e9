"""A family chosen by the caller is scored through the same hook as detection: one that
defines only ``looks_like_head`` is not read as a 0.0 fit when its blocks are parsed."""

from __future__ import annotations

from gijiroku.formats import FORMATS
from gijiroku.formats.base import Head
from gijiroku.formats.generic import Generic
from gijiroku.parser import assess_fit, parse_blocks
from gijiroku.tokenizer import tokenize_lines

from .conftest import read_sample


class _HeadOnly(Generic):
    name = "head-only-test"

    def looks_like_head(self, head: Head) -> float:
        return 0.75 if "委員" in head.text else 0.0


def test_a_family_with_only_the_head_hook_is_assessed_by_it() -> None:
    fit = assess_fit(_HeadOnly(), "委員長　ただいまから会議を開きます。")
    assert fit.score == 0.75
    assert fit.scores == (("head-only-test", 0.75),)


def test_parse_blocks_assesses_the_family_it_is_given_as_detection_would() -> None:
    text = read_sample("diet/shugiin-monka-2023-11-01.txt")
    diet = FORMATS["diet"]
    minutes = parse_blocks(tokenize_lines(text, diet), text=text, fmt=diet)
    assert assess_fit(diet, text).score == diet.looks_like(text[:8000]) == 1.0
    assert minutes.quality is not None
    assert minutes.quality.format_score == 1.0
