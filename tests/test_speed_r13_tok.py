"""The tokenizer's short ways (issue 13, round 13) make the blocks and the context the long
way makes.

:meth:`gijiroku.tokenizer._Reader.read_lines` reads ``"line"`` mode paragraphs straight from
the lines, and both loops make a paragraph that fails the tests of :func:`_short` a block
with no call of the rule loop, the context written only before the next paragraph that takes
the long way. The long way is taken for every paragraph when ``_match_rule`` is not the
module's own (here: a wrapper that calls it), so each test reads the same text both ways and
compares the blocks, and the context every rule loop saw, paragraph by paragraph.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gijiroku import tokenizer
from gijiroku.blocks import Block, BlockKind
from gijiroku.formats import FORMATS, choose_format
from gijiroku.formats.base import Context, Format, Rule
from gijiroku.normalize import memo_scope
from gijiroku.tokenizer import (
    _MATCH_RULE,
    _match_rule,
    _mentions_by_kind,
    _rule_index,
    _short,
    _try_runs,
)

from .conftest import sample_paths

#: A paragraph's text and what the context held when the rule loop read it.
_Seen = tuple[str, tuple[Any, ...]]


def _context(ctx: Context) -> tuple[Any, ...]:
    return (
        ctx.region,
        ctx.index,
        ctx.title_seen,
        ctx.previous,
        ctx.previous_rule,
        ctx.mode,
        ctx.indent,
        ctx.previous_indent,
        ctx.following,
        ctx.open_key,
        ctx.last_section,
        len(ctx.people),
    )


@contextmanager
def _reading(monkeypatch: pytest.MonkeyPatch, long_way: bool) -> Iterator[list[_Seen]]:
    """Every rule loop's text and context while the block is active; ``long_way``: every
    paragraph through ``_match_rule`` (a wrapper: the short ways are off)."""
    seen: list[_Seen] = []

    def try_runs(
        runs: Any, text: str, ctx: Context, following: str | None
    ) -> tuple[Rule, regex.Match[str] | None] | None:
        seen.append((text, _context(ctx)))
        return _try_runs(runs, text, ctx, following)

    with monkeypatch.context() as patch:
        patch.setattr(tokenizer, "_try_runs", try_runs)
        if long_way:
            patch.setattr(tokenizer, "_match_rule", lambda *args: _match_rule(*args))
        yield seen


def _both_ways(
    monkeypatch: pytest.MonkeyPatch, text: str, fmt: Format
) -> tuple[list[Block], list[Block], list[_Seen], list[_Seen]]:
    with _reading(monkeypatch, long_way=False) as quick_seen, memo_scope():
        quick = tokenizer.tokenize_lines(text, fmt)
    with _reading(monkeypatch, long_way=True) as long_seen, memo_scope():
        long = tokenizer.tokenize_lines(text, fmt)
    return quick, long, quick_seen, long_seen


def _assert_same(
    quick: list[Block], long: list[Block], quick_seen: list[_Seen], long_seen: list[_Seen]
) -> None:
    assert quick == long
    # (a Mapping compares by items: the groups' own types too, OneGroup where it was)
    assert [type(block.groups) for block in quick] == [type(block.groups) for block in long]
    # The paragraphs the short ways did not read met the context the long way shows them
    # (the index tells the paragraph: it counts the blocks before it).
    by_paragraph = {(text, context[1]): context for text, context in long_seen}
    for text, context in quick_seen:
        assert by_paragraph.get((text, context[1])) == context, text


def test_the_module_s_rule_loop_is_the_one_the_short_ways_stand_for() -> None:
    assert _match_rule is _MATCH_RULE


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_sample_is_read_both_ways_alike(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    fmt = FORMATS[name]
    paths = sample_paths()
    assert len(paths) >= 20
    loops = 0
    for path in paths:
        text = path.read_bytes().decode("utf-8")
        quick, long, quick_seen, long_seen = _both_ways(monkeypatch, text, fmt)
        _assert_same(quick, long, quick_seen, long_seen)
        loops += len(long_seen)
    assert loops > 1000


def test_the_short_ways_read_most_continuation_lines_of_the_samples(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The own family of each sample: a good share of its paragraphs takes the short way."""
    short = loops = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        fmt = tokenizer_format(text)
        quick, long, quick_seen, long_seen = _both_ways(monkeypatch, text, fmt)
        _assert_same(quick, long, quick_seen, long_seen)
        loops += len(long_seen)
        short += len(long_seen) - len(quick_seen)
    assert short > loops // 4


def tokenizer_format(text: str) -> Format:
    with memo_scope():
        return choose_format(None, text).format


# Minutes-like lines: a mark, a label, prose with the characters the rules and the mention
# rules look for, page markers, keys, rule lines; some end with a space (PDF text).
_LABELS = ("議長", "山田委員", "委員長（山田太郎君）", "事務局長", "【委員】", "〔議長〕", "鈴木")
_PROSE = "本日の会議を開きます。閉会時間程日第一二三、午前十時（）():：・ 　委員会議題について"
_LINE = st.one_of(
    st.tuples(
        st.sampled_from(("", " ", "\u3000", "\u3000\u3000", "\t")),
        st.sampled_from(("", "○", "◯", "〇", "◆")),
        st.sampled_from(_LABELS),
        st.sampled_from(("", " ", "\u3000", "：")),
        st.text(alphabet=_PROSE, max_size=24),
        st.sampled_from(("", "", " ")),
    ).map("".join),
    st.text(alphabet=_PROSE, min_size=1, max_size=30),
    st.sampled_from(
        (
            "",
            "",
            "- 3 -",
            "―――――――――",
            "日時：令和5年4月1日",
            "場所：第一委員会室",
            "出席委員",
            "午前十時開会",
            "（午前十時開会）",
            "日程第一　議案第1号",
            "会議録",
        )
    ),
)


@settings(max_examples=60, deadline=None)
@given(
    name=st.sampled_from(sorted(FORMATS)),
    lines=st.lists(_LINE, min_size=1, max_size=30),
    end=st.sampled_from(("\n", "\r\n")),
)
def test_made_up_minutes_are_read_both_ways_alike(name: str, lines: list[str], end: str) -> None:
    text = end.join(lines)
    if not text.strip():
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        _assert_same(*_both_ways(monkeypatch, text, FORMATS[name]))


def _keys() -> list[tuple[str, str, str, str | None, str]]:
    return [
        (name, table, region, mode, first)
        for name in sorted(FORMATS)
        for table in ("header_rules", "body_rules")
        for region in ("header", "body")
        for mode in (None, "turn", "roster", "agenda", "heading", "signature")
        for first in "本○◯（(日【〔―署第 ：議委時開"
    ]


@settings(max_examples=300, deadline=None)
@given(
    key=st.sampled_from(_keys()),
    rest=st.text(alphabet=_PROSE + "】〕署名要録", max_size=16),
    following=st.none() | st.text(alphabet=_PROSE, min_size=1, max_size=8),
)
def test_a_text_that_fails_the_short_way_s_tests_is_the_catch_all_s(
    key: tuple[str, str, str, str | None, str], rest: str, following: str | None
) -> None:
    """What :func:`_short` promises, against the rule loop: a text that fails its tests is
    read whole by its rule, whatever the context (two contexts tried)."""
    name, table, region, mode, first = key
    fmt = FORMATS[name]
    index = _rule_index(getattr(fmt, table))
    text = first + rest
    needed, runs, otherwise = index.ways(region, mode, text)
    if needed is not None and not needed(text):
        runs = otherwise
    mentions = _mentions_by_kind(fmt.mention_rules)
    way = _short(runs, region, mode, mentions)
    if way is None:
        return
    tests, kind, group, record, rule_name, _ = way
    assert all(callable(test) for test in tests)
    if any(test(text) for test in tests):
        return
    for ctx in (
        Context(region=region, mode=mode, following=following),  # type: ignore[arg-type]
        Context(region=region, mode=mode, index=5, title_seen=True, open_key=None),  # type: ignore[arg-type]
    ):
        found = _try_runs(runs, text, ctx, following)
        assert found is not None
        rule, match = found
        assert match is None  # (read whole)
        assert (rule.name, rule.kind, next(iter(rule.pattern.groupindex))) == (
            rule_name,
            kind,
            group,
        )
        assert (rule.meta if rule.meta is not None else record) == record


def test_a_rule_that_changes_the_mode_has_no_short_way() -> None:
    """The context's mode is part of the key: a catch-all that sets another mode, or ends
    the one it is read in, takes the long way."""
    catch_all = regex.compile(r"(?P<text>.+)", regex.DOTALL)
    sets = Rule("sets", BlockKind.CONTINUATION, catch_all, sets_mode="turn")
    ends = Rule("ends", BlockKind.CONTINUATION, catch_all, ends_modes=frozenset({"roster"}))
    keeps = Rule("keeps", BlockKind.CONTINUATION, catch_all)
    for rule, mode, short in (
        (sets, "turn", True),
        (sets, None, False),
        (ends, "roster", False),
        (ends, "turn", True),
        (keeps, "roster", True),
    ):
        index = _rule_index((rule,))
        _, runs, _ = index.ways("body", mode, "本")
        assert (_short(runs, "body", mode, {}) is not None) is short, (rule.name, mode)
