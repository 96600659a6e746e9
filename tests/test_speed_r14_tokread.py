"""The tokenizer's mention rules (issue 13, round 14) read what the long way reads.

Two shortcuts of :class:`gijiroku.tokenizer._Reader`:

- a mention rule that looks for one fact only (``once``) leaves the reader's mention rules
  once it found it (:meth:`_Reader.spend`): a paragraph that holds only the characters it
  needs (開 of 開会) passes their test no more and takes the short way;
- a paragraph that fails the tests of the rules of a short way but passes that of the mention
  rules of its kind is read by its rule and the mention rules (:meth:`_Reader.read_mentioned`),
  the rule loop left out.

Each test reads a text both ways (the long way: every paragraph through a wrapper of
``_match_rule``, as in ``test_speed_r13_tok``) and compares the blocks and the context every
rule loop saw.
"""

from __future__ import annotations

from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gijiroku import tokenizer
from gijiroku.blocks import BlockKind
from gijiroku.formats import FORMATS
from gijiroku.formats.base import ChildRule, Context, Rule
from gijiroku.normalize import memo_scope
from gijiroku.tokenizer import _mentions_by_kind, _rule_index, _try_runs

from .test_speed_r13_tok import _assert_same, _both_ways

#: Assembly minutes: the chair opens the sitting (the body's name, a fact stated once), then
#: lines that hold 開 or 閉 again (the spent rule's characters), 時 and 程 (the other mention
#: rules'), and a time note (a NOTE child of a continuation line).
_ASSEMBLY = "\n".join(
    (
        "○議長（山田太郎君）　ただいまから令和６年第１回函館市議会定例会を開会いたします。",
        "本日の会議を開きます。",
        "次回の会議は閉会中に開くことといたします。",
        "日程第１　会議録署名議員の指名を行います。",
        "その時には改めてお知らせします。",
        "（午前10時15分休憩）",
        "休憩中の会議は（午後１時開議）といたします。",
        "○議長（山田太郎君）　これにて本日の会議を閉じます。",
        "以上で閉会とします。",
    )
)


def _rule_loops(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the rule loop reads while the patch is active."""
    seen: list[str] = []

    def try_runs(
        runs: Any, text: str, ctx: Context, following: str | None
    ) -> tuple[Rule, regex.Match[str] | None] | None:
        seen.append(text)
        return _try_runs(runs, text, ctx, following)

    monkeypatch.setattr(tokenizer, "_try_runs", try_runs)
    return seen


def test_the_assembly_text_is_read_both_ways_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    quick, long, quick_seen, long_seen = _both_ways(monkeypatch, _ASSEMBLY, FORMATS["assembly"])
    _assert_same(quick, long, quick_seen, long_seen)
    # the body's name was found once, in the chair's opening words
    facts = [
        child.get("value")
        for block in quick
        for child in block.children
        if child.kind is BlockKind.HEADER
    ]
    assert facts == ["函館市議会"]
    # the time notes of the continuation lines are children, as the long way finds them
    notes = [
        child.get("text")
        for block in quick
        if block.kind is BlockKind.CONTINUATION
        for child in block.children
        if child.kind is BlockKind.NOTE
    ]
    assert notes
    assert notes == [
        child.get("text")
        for block in long
        if block.kind is BlockKind.CONTINUATION
        for child in block.children
        if child.kind is BlockKind.NOTE
    ]


def test_continuation_lines_with_mention_characters_skip_the_rule_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After the opening words, 開 and 閉 send no line the long way, and a line that holds 時
    is read by the mention rules without the rule loop."""
    seen = _rule_loops(monkeypatch)
    with memo_scope():
        blocks = tokenizer.tokenize_lines(_ASSEMBLY, FORMATS["assembly"])
    continuations = [
        block.groups["text"] for block in blocks if block.kind is BlockKind.CONTINUATION
    ]
    # (lines that hold no character a rule needs: no space, no parenthesis)
    for text in (
        "本日の会議を開きます。",
        "次回の会議は閉会中に開くことといたします。",
        "その時には改めてお知らせします。",
    ):
        assert text in continuations
        assert text not in seen, text
    # the labels still take the rule loop
    assert any(text.startswith("○議長") for text in seen)


def test_a_spent_rule_leaves_the_reader_s_mention_rules() -> None:
    fmt = FORMATS["assembly"]
    once = [rule for rule in fmt.mention_rules if rule.once]
    assert once
    with memo_scope():
        ctx = Context(region="body")
        reader = tokenizer._Reader(_ASSEMBLY, fmt, ctx, tokenizer._Positions(_ASSEMBLY))
        full = reader.mentions
        assert full is _mentions_by_kind(fmt.mention_rules)
        reader.spent.add(id(once[0]))
        reader.spend()
    rest = tuple(rule for rule in fmt.mention_rules if not rule.once)
    assert reader.mentions is _mentions_by_kind(rest)
    looking = [rule for _, rules in reader.mentions.values() for rule, _ in rules]
    assert once[0] not in looking
    assert all(rule in looking for rule in rest)
    assert not reader.plain_rules


def test_the_rule_index_keeps_the_ways_of_each_mention_rule_set_apart() -> None:
    fmt = FORMATS["assembly"]
    index = _rule_index(fmt.body_rules)
    full = _mentions_by_kind(fmt.mention_rules)
    rest = _mentions_by_kind(tuple(rule for rule in fmt.mention_rules if not rule.once))
    a = index.quick_of("body", "turn", full, "本日")
    b = index.quick_of("body", "turn", rest, "本日")
    assert index.quick("body", "turn", full)["本"] is a
    assert index.quick("body", "turn", rest)["本"] is b
    # the same rule tests, the mention rules of each set
    assert a[4] is not None
    assert b[4] is not None
    assert a[4][0] == b[4][0]
    assert [rule for rule, _ in a[4][5][1]] == [rule for rule, _ in full[BlockKind.CONTINUATION][1]]
    assert [rule for rule, _ in b[4][5][1]] == [rule for rule, _ in rest[BlockKind.CONTINUATION][1]]


def test_a_mention_rule_that_needs_no_character_reads_every_short_way_paragraph(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A mention rule with no ``needs`` looks in every paragraph of its kind: the short way's
    paragraphs are read by it (no rule loop), and find what the long way finds."""
    fmt = FORMATS["assembly"]
    every = ChildRule("", BlockKind.NOTE, regex.compile(r"(?P<text>注記)"), span_group="text")
    patched = type("Everywhere", (type(fmt),), {"mention_rules": (*fmt.mention_rules, every)})()
    _assert_same(*_both_ways(monkeypatch, _ASSEMBLY + "\n別の注記です。", patched))
    seen = _rule_loops(monkeypatch)
    with memo_scope():
        blocks = tokenizer.tokenize_lines(_ASSEMBLY + "\n別の注記です。", patched)
    last = blocks[-1]
    assert last.kind is BlockKind.CONTINUATION
    assert [child.get("text") for child in last.children] == ["注記"]
    assert "別の注記です。" not in seen


_PROSE = "本日の会議を開きます閉会時間程日第一二三、。午前十時（）()分休憩再開欠席委員 　"
_LINE = st.one_of(
    st.text(alphabet=_PROSE, min_size=1, max_size=30),
    st.sampled_from(
        (
            "",
            "○議長（山田太郎君）　ただいまから令和６年第１回函館市議会定例会を開会いたします。",
            "○議長（山田太郎君）　ただいまから総務委員会を開会いたします。",
            "これより本日の会議を開きます。",
            "日程第１　会議録署名議員の指名",
            "次に、日程第２　議案第１号を議題といたします。",
            "（午前10時開議）",
            "○山田委員　質問します。時間です。",
            "本日は山田委員が欠席です。",
            "- 3 -",
        )
    ),
)


@settings(max_examples=80, deadline=None)
@given(
    name=st.sampled_from(("assembly", "diet", "committee")),
    lines=st.lists(_LINE, min_size=1, max_size=24),
    end=st.sampled_from(("\n", "\r\n")),
)
def test_made_up_minutes_with_mentions_are_read_both_ways_alike(
    name: str, lines: list[str], end: str
) -> None:
    text = end.join(lines)
    if not text.strip():
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        _assert_same(*_both_ways(monkeypatch, text, FORMATS[name]))


@settings(max_examples=40, deadline=None)
@given(lines=st.lists(_LINE, min_size=1, max_size=24))
def test_made_up_pdf_text_with_mentions_is_read_both_ways_alike(lines: list[str]) -> None:
    """Committee minutes in PDF mode (lines that end with a space go on), with assembly's
    mention rules too: :meth:`read_items`."""
    text = "\n".join(line + (" " if k % 3 else "") for k, line in enumerate(lines))
    if not text.strip():
        return
    fmt = FORMATS["committee"]
    mentions = (*fmt.mention_rules, *FORMATS["assembly"].mention_rules)
    patched = type("Pdf", (type(fmt),), {"paragraph_mode": "pdf", "mention_rules": mentions})()
    with pytest.MonkeyPatch.context() as monkeypatch:
        _assert_same(*_both_ways(monkeypatch, text, patched))
