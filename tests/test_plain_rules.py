"""Blocks of plain rules (issue 13): made on a short path that reads a rule once per
document; they equal the blocks the long path makes."""

from __future__ import annotations

import dataclasses

import pytest
import regex

from gijiroku import tokenizer
from gijiroku.blocks import BlockKind, HeaderMeta, HeaderName, default_meta
from gijiroku.formats import FORMATS
from gijiroku.formats.base import ChildRule, Rule

from .conftest import sample_paths

_Mentions = dict[BlockKind, tokenizer._Mentions]


def _texts() -> list[str]:
    return [path.read_bytes().decode("utf-8") for path in sample_paths()]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_plain_blocks_equal_the_long_way(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every sample read by every format gives the same blocks with and without the short
    path, and the short path is taken."""
    fmt = FORMATS[name]
    texts = _texts()
    assert len(texts) >= 20
    asked: list[tokenizer._PlainRule | None] = []
    plain_rule = tokenizer._plain_rule

    def counting(rule: Rule, mentions: _Mentions) -> tokenizer._PlainRule | None:
        asked.append(plain_rule(rule, mentions))
        return asked[-1]

    monkeypatch.setattr(tokenizer, "_plain_rule", counting)
    quick = [tokenizer.tokenize_lines(text, fmt) for text in texts]
    if name != "summary":  # (whose rules derive their records, but for a few rare ones)
        assert any(found is not None for found in asked)
    monkeypatch.setattr(tokenizer, "_plain_rule", lambda rule, mentions: None)
    monkeypatch.setattr(tokenizer, "_item_rule", lambda rule, mentions: None)
    long = [tokenizer.tokenize_lines(text, fmt) for text in texts]
    assert quick == long
    for quick_blocks, long_blocks in zip(quick, long, strict=True):
        for a, b in zip(quick_blocks, long_blocks, strict=True):
            assert type(a.groups) is type(b.groups)
            assert a.rule == b.rule
            assert a.children == b.children


_PLAIN = Rule("plain", BlockKind.CONTINUATION, regex.compile(r"(?P<text>.+)"))


def test_a_rule_with_nothing_more_to_do_is_plain() -> None:
    found = tokenizer._plain_rule(_PLAIN, {})
    assert found == tokenizer._PlainRule(
        (("text", 1),),
        BlockKind.CONTINUATION,
        default_meta(BlockKind.CONTINUATION),
        (None, ()),
        "<keep>",
        frozenset(),
    )


@pytest.mark.parametrize(
    "change",
    [
        {"children": ChildRule(group="text", kind=BlockKind.MEMBER, pattern=regex.compile("x"))},
        {"absorb_next": regex.compile("x")},
        {"derive": lambda groups: None},
        {"kind": BlockKind.ITEM, "with_indent": True},
        {"kind": BlockKind.SECTION, "pattern": regex.compile(r"(?P<title>.+)")},
        {"kind": BlockKind.HEADER, "meta": HeaderMeta(name=HeaderName.TITLE)},
    ],
)
def test_a_rule_with_more_to_do_is_not_plain(change: dict[str, object]) -> None:
    assert tokenizer._plain_rule(dataclasses.replace(_PLAIN, **change), {}) is None  # type: ignore[arg-type]


def test_a_plain_rule_keeps_the_mention_rules_of_its_kind() -> None:
    mention = ChildRule(group="", kind=BlockKind.NOTE, pattern=regex.compile("x"))
    found = tokenizer._plain_rule(_PLAIN, {BlockKind.CONTINUATION: (None, ((mention, None),))})
    assert found is not None
    assert found.mentions == (None, ((mention, None),))


def test_a_rule_without_groups_makes_blocks_without_groups() -> None:
    rule = Rule("rule-line", BlockKind.SEPARATOR, regex.compile("-{3,}"))
    found = tokenizer._plain_rule(rule, {})
    assert found is not None
    assert found.names == ()
