"""The label counts the tokenizer's guards read (``Context.labels``, ``lone_labels``,
``named``) are counted when first read (:class:`gijiroku.layout.LabelCounts`): whatever is
read first, each is what the long way counts, and the blocks are those of counting first."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import tokenizer
from gijiroku.formats import FORMATS
from gijiroku.formats.base import Context
from gijiroku.layout import (
    LabelCounts,
    count_labels,
    count_lone_labels,
    names_in_labels,
    non_blank,
    unflatten,
)
from gijiroku.normalize import Line, split_lines

from .conftest import sample_paths
from .test_speed_mechanisms import FURNITURE_PIECES, LABEL_PIECES

_READS = ("counts", "lone", "named")


def _check(lines: list[Line]) -> None:
    """Each order of reading, with and without the non-blank texts, gives the long way."""
    labels = count_labels(lines)
    want = {"counts": labels, "lone": count_lone_labels(lines), "named": names_in_labels(labels)}
    texts = non_blank(lines).texts
    for order in itertools.permutations(_READS):
        for counts in (LabelCounts(lines), LabelCounts(lines, texts)):
            for name in order:
                assert getattr(counts, name) == want[name], name
            assert dict(counts) == labels
            assert list(counts) == list(labels)
            assert len(counts) == len(labels)
            for key, number in labels.items():
                assert counts[key] == counts.get(key) == number
                assert key in counts
    assert LabelCounts(lines).get("（ない）", 0) == 0
    assert "（ない）" not in LabelCounts(lines)


def test_the_sample_lines_are_counted_as_the_long_way_counts_them() -> None:
    for path in sample_paths():
        _check(unflatten(split_lines(path.read_text(encoding="utf-8"))))


@given(
    st.lists(st.lists(st.sampled_from(LABEL_PIECES + FURNITURE_PIECES), max_size=12), max_size=8)
)
def test_lines_are_counted_as_the_long_way_counts_them(rows: list[list[str]]) -> None:
    _check(split_lines("\n".join("".join(row) for row in rows)))


def test_a_context_reads_the_lone_labels_and_names_from_its_counts() -> None:
    lines = split_lines(
        "委員長（平山たかお）\n委員長（平山たかお）　はい。\n【委員】\n質問です。\n"
    )
    ctx = Context(labels=LabelCounts(lines))
    assert (ctx.lone_labels, ctx.named) == (2, frozenset({"平山たかお"}))
    assert ctx.labels.get("委員長（平山たかお）") == 2
    # another mapping (a context made by hand): no lone labels, no names
    assert (Context().lone_labels, Context(labels={"議長": 3}).named) == (0, frozenset())


class _CountedAtOnce(LabelCounts):
    """Counts everything when made, as the tokenizer did before the counts were lazy."""

    def __init__(self, lines: list[Line], texts: list[str] | None = None) -> None:
        super().__init__(lines, texts)
        # (each read once: what a lazy read gives later is what was counted here)
        self.counts, self.lone, self.named  # noqa: B018


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_the_blocks_are_those_of_counting_first(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = path.read_text(encoding="utf-8")
    for fmt in (FORMATS["assembly"], FORMATS["committee"], FORMATS["diet"]):
        lazy = tokenizer.tokenize_lines(text, fmt)
        with monkeypatch.context() as patch:
            patch.setattr(tokenizer, "LabelCounts", _CountedAtOnce)
            assert tokenizer.tokenize_lines(text, fmt) == lazy
