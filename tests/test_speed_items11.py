"""The short way of the notes' items (issue 13): blocks of item rules made as a plain rule's,
their records at an indentation kept per document; tested against the long way."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import tokenizer
from gijiroku.blocks import Block, BlockKind, HeaderMeta, ItemMeta
from gijiroku.formats import FORMATS
from gijiroku.formats.base import Format, Rule

from .conftest import sample_paths


def _both_ways(text: str, fmt: Format, monkeypatch: pytest.MonkeyPatch) -> list[list[Block]]:
    """The blocks of ``text`` with the short way of items, then without it."""
    quick = tokenizer.tokenize_lines(text, fmt)
    with monkeypatch.context() as patched:
        patched.setattr(tokenizer, "_item_rule", lambda rule, mentions: None)
        long = tokenizer.tokenize_lines(text, fmt)
    return [quick, long]


def _assert_same(quick: list[Block], long: list[Block]) -> None:
    assert quick == long
    for a, b in zip(quick, long, strict=True):
        assert type(a.groups) is type(b.groups)
        assert (a.rule, a.children) == (b.rule, b.children)


def test_the_samples_items_equal_the_long_way(monkeypatch: pytest.MonkeyPatch) -> None:
    fmt = FORMATS["summary"]
    taken: list[tokenizer._ItemRule | None] = []
    item_rule = tokenizer._item_rule

    def counting(rule: Rule, mentions: dict[BlockKind, tokenizer._Mentions]) -> object:
        taken.append(item_rule(rule, mentions))
        return taken[-1]

    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        with monkeypatch.context() as patched:
            patched.setattr(tokenizer, "_item_rule", counting)
            quick = tokenizer.tokenize_lines(text, fmt)
        _assert_same(quick, _both_ways(text, fmt, monkeypatch)[1])
    assert any(found is not None for found in taken)


_LEADS = st.sampled_from(["", " ", "  ", "\t", "\u3000", " \t", "\u3000 ", "    "])
_LINES = st.sampled_from(
    [
        "* 解散しました(terada",
        "* **TODO**: ルール考えて提案する(sano, takanory",
        "* 【決定】来年度は予算を決める",
        "- [記事](https://example.com/a) (nishimotz)",
        "1. 議題(高、報告)",
        "続きの行",
        "## 見出し",
        "### Todo",
        "* 参加者: a, b",
        "---",
        "* TODO:",
        "担当：kobatomo",
    ]
)


@given(st.lists(st.tuples(_LEADS, _LINES).map("".join), min_size=1, max_size=12))
def test_notes_items_equal_the_long_way(lines: list[str]) -> None:
    """Bullets at any indentation (spaces, tabs, ideographic spaces), owners, to-dos and
    decisions: the same blocks either way (the indented records are shared per document)."""
    text = "\n".join(lines)
    fmt = FORMATS["summary"]
    with pytest.MonkeyPatch.context() as monkeypatch:
        quick, long = _both_ways(text, fmt, monkeypatch)
    _assert_same(quick, long)


def _one_rule(rule: Rule) -> Format:
    """A family that reads every line of its body with ``rule``."""

    class OneRule(Format):
        name = "one-rule"
        paragraph_mode = "line"
        header_rules = ()
        body_rules = (rule,)
        starts_in_header = False

    return OneRule()


_TEXT = regex.compile(r"(?P<text>.+)")


@pytest.mark.parametrize(
    "rule",
    [
        Rule("given", BlockKind.ITEM, _TEXT, meta=ItemMeta(kind="todo", indent=3)),
        Rule("given-indented", BlockKind.ITEM, _TEXT, meta=ItemMeta(indent=3), with_indent=True),
        Rule("default", BlockKind.ITEM, _TEXT),
        Rule("default-indented", BlockKind.ITEM, _TEXT, with_indent=True),
        Rule("none-derived", BlockKind.ITEM, _TEXT, derive=lambda groups: None),  # type: ignore[arg-type,return-value]
        Rule("none-indented", BlockKind.ITEM, _TEXT, derive=lambda groups: None, with_indent=True),  # type: ignore[arg-type,return-value]
    ],
)
def test_item_rules_of_any_kind_equal_the_long_way(rule: Rule) -> None:
    text = "a\n  b\n\t\u3000c\n   d\n"
    with pytest.MonkeyPatch.context() as monkeypatch:
        quick, long = _both_ways(text, _one_rule(rule), monkeypatch)
    _assert_same(quick, long)
    assert [b.kind for b in quick] == [BlockKind.ITEM] * 4


def test_a_derived_record_of_another_kind_fails_either_way() -> None:
    rule = Rule("wrong", BlockKind.ITEM, _TEXT, derive=lambda groups: HeaderMeta())
    fmt = _one_rule(rule)
    with pytest.raises(TypeError, match="derived HeaderMeta for a item block"):
        tokenizer.tokenize_lines("a", fmt)
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(tokenizer, "_item_rule", lambda rule, mentions: None)
        with pytest.raises(TypeError, match="derived HeaderMeta for a item block"):
            tokenizer.tokenize_lines("a", fmt)


def test_rules_with_children_or_of_other_kinds_take_the_long_way() -> None:
    assert tokenizer._item_rule(Rule("c", BlockKind.CONTINUATION, _TEXT), {}) is None
    absorbing = Rule("a", BlockKind.ITEM, _TEXT, absorb_next=_TEXT)
    assert tokenizer._item_rule(absorbing, {}) is None
    assert tokenizer._item_rule(Rule("i", BlockKind.ITEM, _TEXT, with_indent=True), {}) is not None


def test_the_records_at_an_indentation_are_kept_within_bounds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past the limit a record at an indentation is made afresh, and equals the long way."""
    monkeypatch.setattr(tokenizer, "_INDENTED_LIMIT", 2)
    text = "\n".join(f"{' ' * (k % 5)}* 項目{k}(owner{k}" for k in range(40))
    fmt = FORMATS["summary"]
    quick, long = _both_ways(text, fmt, monkeypatch)
    _assert_same(quick, long)
    assert len({b.meta.indent for b in quick if isinstance(b.meta, ItemMeta)}) == 5
