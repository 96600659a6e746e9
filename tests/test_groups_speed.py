"""A match's named groups read from the tuple of all groups (issue 13) are the ones
``groupdict()`` gives, in the same order, unset ones left out; a catch-all rule tried with the
standard ``re`` matches as its own pattern does."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku.blocks import BlockKind
from gijiroku.formats import FORMATS
from gijiroku.formats.base import Rule
from gijiroku.tokenizer import _fullmatch_of, _groups, _groups_of, _reads_whole

from .conftest import sample_paths


def _long_way(match: regex.Match[str]) -> list[tuple[str, str]]:
    return [(k, v) for k, v in match.groupdict().items() if v is not None]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_rule_reads_the_groups_of_every_sample_line_as_groupdict_does(name: str) -> None:
    family = FORMATS[name]
    patterns = {
        id(rule.pattern): rule.pattern for rule in (*family.header_rules, *family.body_rules)
    }
    lines = {
        line.strip(" \u3000\t")
        for path in sample_paths()
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    compared = 0
    for pattern in patterns.values():
        for line in lines:
            match = pattern.fullmatch(line) if line else None
            if match is not None:
                assert list(_groups(match).items()) == _long_way(match), (pattern.pattern, line)
                compared += 1
    assert compared > 100


def test_a_name_used_in_two_branches_is_one_group_and_keeps_its_place() -> None:
    pattern = regex.compile(r"(?P<z>a)(?P<w>-)?|(?P<y>b)(?P<z>c)")
    for text in ("a", "a-", "bc"):
        match = pattern.fullmatch(text)
        assert match is not None
        assert list(_groups(match).items()) == _long_way(match)
    match = pattern.fullmatch("bc")
    assert match is not None
    assert list(_groups(match)) == ["z", "y"]  # groupindex order, not the order in the text


def _catch_alls() -> list[Rule]:
    return [
        rule
        for family in FORMATS.values()
        for rule in (*family.header_rules, *family.body_rules)
        if rule.pattern.pattern in ("(?P<text>.+)", "(?P<value>.+)")
    ]


def test_the_catch_all_rules_are_tried_with_the_standard_re() -> None:
    rules = _catch_alls()
    assert {rule.name for rule in rules} >= {"continuation", "notice"}
    for rule in rules:
        assert _fullmatch_of(rule).__self__.__class__ is re.Pattern  # type: ignore[attr-defined]


def test_a_guarded_or_other_pattern_keeps_its_own_fullmatch() -> None:
    pattern = regex.compile(r"(?P<text>.+)", regex.DOTALL)
    guarded = Rule("x", BlockKind.CONTINUATION, pattern, guard=lambda match, ctx: True)
    assert _fullmatch_of(guarded) == pattern.fullmatch
    not_dotall = Rule("y", BlockKind.CONTINUATION, regex.compile(r"(?P<text>.+)"))
    assert _fullmatch_of(not_dotall) == not_dotall.pattern.fullmatch
    longer = Rule("z", BlockKind.CONTINUATION, regex.compile(r"(?P<text>.+)x", regex.DOTALL))
    assert _fullmatch_of(longer) == longer.pattern.fullmatch


@given(st.text(min_size=1))
def test_a_catch_all_matches_as_its_own_pattern_does(text: str) -> None:
    for rule in _catch_alls():
        mine, theirs = _fullmatch_of(rule)(text), rule.pattern.fullmatch(text)
        assert mine is not None
        assert theirs is not None
        assert mine.span() == theirs.span() == (0, len(text))
        assert _groups(mine) == _groups(theirs) == {next(iter(rule.pattern.groupindex)): text}
        if _reads_whole(rule):  # (no match at all: the text whole is the group)
            assert _groups_of(rule, None, text) == _groups(theirs)


def test_a_catch_all_is_read_whole_only_when_nothing_else_reads_its_match() -> None:
    rules = _catch_alls()
    assert "continuation" in {rule.name for rule in rules if _reads_whole(rule)}
    pattern = regex.compile(r"(?P<text>.+)", regex.DOTALL)
    assert _reads_whole(Rule("x", BlockKind.CONTINUATION, pattern))
    guarded = Rule("y", BlockKind.CONTINUATION, pattern, guard=lambda match, ctx: True)
    assert not _reads_whole(guarded)
    not_dotall = Rule("z", BlockKind.CONTINUATION, regex.compile(r"(?P<text>.+)"))
    assert not _reads_whole(not_dotall)  # (a line break is not matched)
    absorbing = Rule("w", BlockKind.NOTE, pattern, absorb_next=regex.compile(r"(?P<y>.+)"))
    assert not _reads_whole(absorbing)
