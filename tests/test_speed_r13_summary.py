"""The summary family's round-13 shortcuts give what the long way gives.

- an item whose text holds no mark of a to-do, a decision or an owner takes the shared plain
  record at once (``summary._unmarked``), where the long way reads its kind and owner;
- the underlined heading is tried only when the next paragraph starts as an underline does
  (``summary._may_be_underlined``), where the long way matches the underline pattern.

Each is checked against the long way on every line of the bundled samples and on generated
notes, record by record and block by block.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import regex
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import tokenizer
from gijiroku.blocks import Block, BlockMeta
from gijiroku.formats import summary
from gijiroku.formats.base import Context, Rule
from gijiroku.normalize import memo_scope

from .conftest import sample_paths


def _long_bullet(groups: Mapping[str, str]) -> BlockMeta:
    """``summary._bullet`` the long way: the kind and the owner read from every text."""
    return summary._item(groups)


def _long_paragraph(groups: Mapping[str, str]) -> BlockMeta:
    """``summary._paragraph`` the long way."""
    return summary._item(groups, plain="paragraph")


_LONG_DERIVES = {summary._bullet: _long_bullet, summary._paragraph: _long_paragraph}


def _long_rule(rule: Rule) -> Rule:
    """``rule`` as it was before the shortcuts: the long derive, no ``when`` on the
    underlined heading."""
    if rule.derive in _LONG_DERIVES:
        return dataclasses.replace(rule, derive=_LONG_DERIVES[rule.derive])
    if rule.name == "underlined-heading":
        return dataclasses.replace(rule, when=None)
    return rule


class LongSummary(summary.Summary):
    """The summary family with the long way's rules."""

    header_rules = tuple(_long_rule(rule) for rule in summary.HEADER_RULES)
    body_rules = tuple(_long_rule(rule) for rule in summary.BODY_RULES)


def test_the_long_family_differs_only_where_the_shortcuts_are() -> None:
    """(The test below compares something: the long rules are not the short ones.)"""
    changed = [
        short.name
        for short, long in zip(summary.BODY_RULES, LongSummary.body_rules, strict=True)
        if short is not long
    ]
    assert changed == ["item", "underlined-heading", "paragraph"]


def _assert_same_blocks(text: str) -> None:
    with memo_scope():
        quick = tokenizer.tokenize_lines(text, summary.Summary())
    with memo_scope():
        long = tokenizer.tokenize_lines(text, LongSummary())
    assert quick == long
    for a, b in zip(quick, long, strict=True):
        assert (a.rule, a.meta, a.children) == (b.rule, b.meta, b.children)


def _sample_texts() -> list[str]:
    return [path.read_bytes().decode("utf-8") for path in sample_paths()]


def test_the_samples_tokenize_as_the_long_way() -> None:
    texts = _sample_texts()
    assert any(path.suffix == ".md" for path in sample_paths())
    for text in texts:
        _assert_same_blocks(text)


def test_the_samples_parse_as_the_long_way() -> None:
    for text in _sample_texts():
        quick = gijiroku.parse(text, format=summary.Summary())
        long = gijiroku.parse(text, format=LongSummary())
        assert quick.model_dump() == long.model_dump()


def _item_texts() -> list[str]:
    """The text after the bullet of every line of the samples (the whole line when it has
    none), as the item rules read it."""
    found = []
    for text in _sample_texts():
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            match = summary.ITEM_RE.fullmatch(line)
            found.append(match["text"] or "" if match is not None else line)
    return found


def _assert_same_records(text: str) -> None:
    groups = {"marker": "*", "text": text}
    with memo_scope():
        assert summary._bullet(groups) == _long_bullet(groups)
        assert summary._paragraph(groups) == _long_paragraph(groups)
        if summary._unmarked(text):  # the shortcut was taken: the plain record, no owner
            assert _long_bullet(groups) is summary._PLAIN_BULLET
            assert _long_paragraph(groups) is summary._PLAIN_PARAGRAPH


def test_every_sample_line_takes_the_record_of_the_long_way() -> None:
    texts = _item_texts()
    unmarked = [text for text in texts if summary._unmarked(text)]
    assert unmarked  # both ways are taken
    assert len(unmarked) < len(texts)
    for text in texts:
        _assert_same_records(text)


def test_an_item_without_text_is_a_plain_bullet() -> None:
    assert summary._bullet({"marker": "*"}) is summary._PLAIN_BULLET
    assert summary._bullet({"marker": "*"}) == _long_bullet({"marker": "*"})


def test_the_marks_are_read_as_the_long_way_reads_them() -> None:
    assert not summary._unmarked("解散しました(terada")
    assert not summary._unmarked("担当：kobatomo")
    assert not summary._unmarked("TODO: 資料を送る")
    assert not summary._unmarked("来年度から実施とする")
    assert not summary._unmarked("承認された")
    assert summary._unmarked("地味で大変")
    assert summary._item({"text": "来年度から実施とする"}).kind == "decision"
    assert summary._item({"text": "承認された"}).kind == "decision"


#: Pieces of item text the kinds and owners turn on, and others.
ITEM_PIECES = st.sampled_from(
    [
        *"()（）:：、,， \u3000\tab_.-Z9担当決承認合意定[]<>*?？か",
        *("terada", "sano, takanory", "佐藤さん", "**TODO**", "TODO", "todo", "宿題", "ai"),
        *("とした", "とする", "決まった", "決まってない", "【決定】", "未定", "に決定", "\n"),
        *("https://a.b", "](u)", "担当：", "可決", "合意した", "承認しました"),
    ]
)
item_texts = st.lists(ITEM_PIECES, max_size=16).map("".join)


@given(item_texts)
def test_any_item_text_takes_the_record_of_the_long_way(text: str) -> None:
    _assert_same_records(text)


@given(st.text(max_size=60))
def test_any_text_takes_the_record_of_the_long_way(text: str) -> None:
    _assert_same_records(text)


@given(st.text(max_size=12))
def test_a_paragraph_that_underlines_starts_as_an_underline(following: str) -> None:
    """Every text the underline pattern reads passes the test (the long way then matches
    it); a text that fails the test is no underline."""
    ctx = Context(following=following)
    if summary.UNDERLINE_RE.fullmatch(following):
        assert summary._may_be_underlined(ctx)
    assert summary._may_be_underlined(Context(following=None)) is False


@given(st.lists(st.sampled_from([*"=-~^*#+_ a"]), min_size=1, max_size=6).map("".join))
def test_any_underline_shape_starts_as_an_underline(following: str) -> None:
    if summary.UNDERLINE_RE.fullmatch(following):
        assert summary._may_be_underlined(Context(following=following))


def test_the_underline_firsts_are_the_underline_characters() -> None:
    chars = regex.fullmatch(r"\(\?P<underline>\[(.*)\]\{3,\}\)", summary.UNDERLINE_RE.pattern)
    assert chars is not None
    assert frozenset(chars[1].replace("\\", "")) == summary._UNDERLINE_FIRSTS


NOTE_LINES = st.sampled_from(
    [
        "# 会議",
        "会議の題",
        "========",
        "見出し",
        "--------",
        "~~~",
        "*** ",
        "* 解散しました(terada",
        "* **TODO**: ルール考えて提案する(sano, takanory",
        "* 【決定】来年度は予算を決める",
        "- [記事](https://example.com/a) (nishimotz)",
        "1. 議題(高、報告)",
        "続きの行",
        "実施とする",
        "## 見出し",
        "### Todo",
        "### 決定事項",
        "## 参加者",
        "* 参加者: a, b",
        "---",
        "* TODO:",
        "  * 下の行",
        "担当：kobatomo",
        "",
    ]
)


@given(st.lists(NOTE_LINES, min_size=1, max_size=14).map("\n".join))
def test_any_notes_tokenize_as_the_long_way(text: str) -> None:
    if text.strip():
        _assert_same_blocks(text)


def _blocks_of(text: str) -> list[Block]:
    with memo_scope():
        return tokenizer.tokenize_lines(text, summary.Summary())


def test_an_underlined_title_is_still_read() -> None:
    blocks = _blocks_of("# 会議\n見出し\n======\n* 項目\n")
    assert [block.rule for block in blocks] == ["title", "underlined-heading", "item"]


@given(item_texts)
def test_unmarked_is_no_character_of_the_marks(text: str) -> None:
    expected = not any(char in text for char in summary._MARKS) and not text.endswith(
        ("とした", "とする", "とした\n", "とする\n")
    )
    assert summary._unmarked(text) == expected
