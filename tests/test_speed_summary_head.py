"""The summary detector read from a :class:`~gijiroku.formats.base.Head` (issue 13): each of
its counts one search over the head's non-blank lines, tested against the detector as it was
(one line at a time) on the bundled samples and on generated heads."""

from __future__ import annotations

import re

import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku.formats import FIRST_LOOK_CHARS, HEAD_CHARS, summary
from gijiroku.formats.base import Head
from gijiroku.vocabulary import SP_OR_TAB, WHITE_SPACE

from .conftest import sample_paths

_BULLET_AS_IT_WAS = regex.compile(rf"{SP_OR_TAB}*{summary.BULLET}{SP_OR_TAB}+\S")


def summary_as_it_was(head: str) -> float:
    """``summary.looks_like`` as it was: every test on every non-blank line."""
    lines = [ln for ln in head.splitlines() if ln.strip()]
    if not lines:
        return 0.0
    headings = bullets = labels = reported = 0
    for i, ln in enumerate(lines):
        first = ln[0]
        if (first == "#" and summary._ATX_RE.match(ln)) or (
            first in "=-~^"
            and i
            and summary._UNDERLINE_ONLY_RE.fullmatch(ln)
            and not lines[i - 1][0].isspace()
        ):
            headings += 1
        if _BULLET_AS_IT_WAS.match(ln):
            bullets += 1
        if summary._LABELS_RE.match(ln):
            labels += 1
        if summary._REPORTED_RE.search(ln):
            reported += 1
    score = 0.0
    if headings >= 2:
        score += 0.5
    elif headings == 1 and bullets:
        score += 0.3
    if bullets / len(lines) >= 0.3:
        score += 0.4
    if reported >= 2 and reported / len(lines) >= 0.1:
        score += 0.3
    if labels >= 3:
        score -= 0.6
    return max(0.0, min(score, 1.0))


def _assert_as_it_was(head: str) -> None:
    expected = summary_as_it_was(head)
    assert summary.looks_like(head) == expected
    assert summary.Summary().looks_like_head(Head(head)) == expected
    assert summary.Summary().looks_like(head) == expected


def test_the_sample_heads_score_as_before() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8", errors="replace")
        for head in (text[:FIRST_LOOK_CHARS], text[:HEAD_CHARS], text[:300]):
            _assert_as_it_was(head)


_PIECES = st.sampled_from(
    [
        *" \u3000\t\n\r\x0c\x1c\x85\u2028*+-・●◦▪■□09０９（()）.．)#=~^○◯◆ab。た：:",
        "\r\n",
        "# ",
        "## 議題",
        "---",
        "===",
        "* 点",
        "1. 点",
        "（2） 点",
        "○議長　",
        "◆委員：",
        "された。",
        "なされた。",
        "報告があった。",
        "説明があった。",
        "承認した。",
        "了承した。",
        "決定した。",
        "されました。",
        "した。",
    ]
)


@given(st.lists(_PIECES, max_size=40).map("".join))
def test_generated_heads_score_as_before(head: str) -> None:
    _assert_as_it_was(head)


def test_examples() -> None:
    notes = "# 会議\n\n* 一つ目\n* 二つ目\n\n  \n説明された。\n了承された。承認した。\n"
    assert summary_as_it_was(notes) == 1.0
    _assert_as_it_was(notes)
    underlined = "会議\n===\n議題\n---\n 字下げ\n---\n"
    _assert_as_it_was(underlined)
    assert summary._underlines(Head(underlined).filled) == 2
    labels = "○議長　開会します。\n○田中委員　はい。\n◆山田：どうぞ\n"
    _assert_as_it_was(labels + notes)
    assert summary.looks_like(labels + notes) < summary.looks_like(notes)
    assert summary.looks_like("") == summary.looks_like(" \n\u3000\n") == 0.0


_LINE_PIECES = st.sampled_from(
    [*" \u3000\t\n*+-・●◦▪■□09０９（()）.．)a\x1f\xa0\u2003", "12", "１２３", "1234"]
)


@given(st.lists(_LINE_PIECES, max_size=16).map("".join))
def test_the_possessive_bullet_pattern_matches_as_the_plain_one(text: str) -> None:
    """(Python 3.10 compiles the plain form: the two find the same lines)"""
    plain = re.compile(rf"\n{SP_OR_TAB}*{summary.BULLET}{SP_OR_TAB}+[^{WHITE_SPACE}]")
    filled = "\n" + text
    assert summary._BULLET_LINE_RE.findall(filled) == plain.findall(filled)


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_reporting_lines_are_the_lines_the_pattern_finds(head: str) -> None:
    filled = Head(head).filled
    lines = filled.split("\n")
    assert summary._reporting_lines(filled) == sum(
        1 for line in lines if summary._REPORTED_RE.search(line)
    )
