"""One test of every character a key's rules need (issue 13, round 10).

:meth:`gijiroku.tokenizer._RuleIndex.ways` puts the runs of a key behind one test of all the
characters its rules need, when its first rule needs some: a text that holds none of them is
tried only by the rules that need none (a continuation line of assembly minutes goes straight
to the label alone and the catch-all). Checked here against the runs themselves: on made-up
text made of the characters the rules need, the way taken tries the patterns of the same
rules as the runs (a test that missed a character, or a rule dropped or moved, fails it), and
the rule and match are the plain loop's over every rule.
"""

from __future__ import annotations

from typing import Literal

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gijiroku.formats import FORMATS
from gijiroku.formats.base import Context, Format, Rule
from gijiroku.tokenizer import Paragraph, _match_rule, _rule_index, _Run

from .test_rule_loop import _long_way

_FIRSTS = "本○◯〇（(日１【〔―署第 ：・議委"
_MODES = (None, "turn", "roster", "agenda", "heading", "signature")


def _rules(fmt: Format) -> tuple[Rule, ...]:
    return (*fmt.header_rules, *fmt.body_rules)


def _keys() -> list[tuple[str, str, str, str | None, str]]:
    return [
        (name, table, region, mode, first)
        for name in sorted(FORMATS)
        for table in ("header_rules", "body_rules")
        for region in ("header", "body")
        for mode in _MODES
        for first in _FIRSTS
    ]


def test_a_text_without_the_needed_characters_is_tried_by_the_other_rules_in_order() -> None:
    gated = 0
    for name, table, region, mode, first in _keys():
        index = _rule_index(getattr(FORMATS[name], table))
        needed, passing, failing = index.ways(region, mode, first)
        assert passing == index.runs(region, mode, first)
        steps = [step for _, members in passing for step in members]
        if needed is None:
            assert failing == passing
            continue
        gated += 1
        assert steps[0][0].needs
        assert sum(bool(step[0].needs) for step in steps) >= 2
        chars = "".join(step[0].needs for step in steps)
        for char in chars:
            assert needed(f"あ{char}い")
        assert not needed("あいう")
        for gate, members in failing:  # (none, or the one may_match of a run's rules)
            assert gate is None or all(step[0].may_match is gate for step in members)
        assert [step for _, members in failing for step in members] == [
            step for step in steps if not step[0].needs
        ]
    assert gated > 20


def test_a_continuation_line_of_assembly_minutes_skips_the_label_rules() -> None:
    index = _rule_index(FORMATS["assembly"].body_rules)
    needed, _, failing = index.ways("body", "turn", "本")
    assert needed is not None
    assert not needed("本日の会議を開きます。")
    assert [step[0].name for _, members in failing for step in members] == [
        "label-alone",
        "continuation",
    ]
    text = "本日の会議を開きます。"
    found = _match_rule(index, Paragraph(text, 0, 0), Context(region="body", mode="turn"), None)
    assert found is not None
    assert found[0].name == "continuation"


def _tried(runs: tuple[_Run, ...], text: str) -> list[Rule]:
    """The rules whose pattern the runs would try on ``text``: past the run's test and the
    rule's own (its needs, its ``may_match``); ``when`` and the guard read the context."""
    return [
        step[0]
        for gate, steps in runs
        if gate is None or gate(text)
        for step in steps
        if step[2] is None or step[2](text)
    ]


#: Every character some rule needs, the keys' first characters, and some prose.
_NEEDED = "".join(
    sorted({char for fmt in FORMATS.values() for rule in _rules(fmt) for char in rule.needs})
)


@settings(max_examples=300, deadline=None)
@given(
    key=st.sampled_from(_keys()),
    rest=st.text(alphabet=_NEEDED + _FIRSTS + "あいう、。】", max_size=12),
)
def test_a_text_is_tried_by_the_rules_the_runs_try(
    key: tuple[str, str, str, str | None, str], rest: str
) -> None:
    name, table, region, mode, first = key
    index = _rule_index(getattr(FORMATS[name], table))
    text = first + rest
    needed, passing, failing = index.ways(region, mode, text)
    chosen = failing if needed is not None and not needed(text) else passing
    assert _tried(chosen, text) == _tried(index.runs(region, mode, text), text)


_REGIONS: tuple[Literal["header", "body"], ...] = ("header", "body")
_ALPHABET = "本日議長委員山田○◯（）()【】〔〕：: 　、。署名第１時分午前"


@pytest.mark.parametrize("name", sorted(FORMATS))
@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet=_ALPHABET, min_size=1, max_size=16),
    following=st.none() | st.text(alphabet=_ALPHABET, min_size=1, max_size=8),
    region=st.sampled_from(_REGIONS),
    mode=st.sampled_from(_MODES),
)
def test_the_rule_and_match_are_the_plain_loop_s_on_made_up_text(
    name: str,
    text: str,
    following: str | None,
    region: Literal["header", "body"],
    mode: str | None,
) -> None:
    fmt = FORMATS[name]
    for rules in (fmt.header_rules, fmt.body_rules):
        index = _rule_index(rules)
        para = Paragraph(text, 0, 0)
        after = Paragraph(following, 0, 0) if following is not None else None
        quick = _match_rule(
            index,
            para,
            Context(region=region, mode=mode, following=following),
            after,
        )
        plain = _long_way(
            index,
            para,
            Context(region=region, mode=mode, following=following),
            after,
        )
        assert _read(quick, text) == _read(plain, text)


def _read(found: tuple[Rule, regex.Match[str] | None] | None, text: str) -> object:
    """The rule, the span and the groups a rule loop found (a catch-all read whole: the text
    is its span and its one group)."""
    if found is None:
        return None
    rule, match = found
    if match is None:
        return rule, (0, len(text)), (text,)
    return rule, match.span(), match.groups()
