"""The item way of the tokenizer (issue 13, round 15) makes the blocks the long way makes.

A paragraph that fails the tests of the rules before an item rule (the bullets and
paragraphs of notes) and that the item rule's pattern matches is made a block by
:meth:`gijiroku.tokenizer._Reader.item_block`, with no rule loop and no
:class:`~gijiroku.tokenizer.Paragraph`; the context is written before the next paragraph
that takes the long way. Each test reads a text both ways (the long way: every paragraph
through a wrapper of ``_match_rule``, as in ``test_speed_r13_tok``) and compares the blocks,
their groups' types, and the context every rule loop saw.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gijiroku import tokenizer
from gijiroku.blocks import Block, BlockKind, BlockMeta, ItemMeta, named_groups, shared_group_names
from gijiroku.formats import FORMATS
from gijiroku.formats.base import ChildRule, Format, Rule, in_mode
from gijiroku.formats.summary import Summary
from gijiroku.tokenizer import _item_way, _mentions_by_kind, _rule_index, _standard_twin

from .conftest import sample_paths
from .test_speed_r13_tok import _assert_same, _both_ways


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[Block | None]:
    """What :meth:`_Reader.item_block` gives while the patch is active."""
    made: list[Block | None] = []
    item_block = tokenizer._Reader.item_block

    def counting(self: tokenizer._Reader, *args: object) -> Block | None:
        made.append(item_block(self, *args))  # type: ignore[arg-type]
        return made[-1]

    monkeypatch.setattr(tokenizer._Reader, "item_block", counting)
    return made


def _check(monkeypatch: pytest.MonkeyPatch, text: str, fmt: Format) -> list[Block]:
    quick, long, quick_seen, long_seen = _both_ways(monkeypatch, text, fmt)
    _assert_same(quick, long, quick_seen, long_seen)
    for a, b in zip(quick, long, strict=True):
        assert (a.rule, a.meta, a.children, a.span) == (b.rule, b.meta, b.children, b.span)
        assert dict(a.groups) == dict(b.groups)
    return quick


def test_the_notes_samples_take_the_item_way_and_read_alike(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fmt = FORMATS["summary"]
    made = _counting(monkeypatch)
    for path in sample_paths():
        if "notes" in path.parts or path.suffix == ".md":
            _check(monkeypatch, path.read_bytes().decode("utf-8"), fmt)
    # most bullets take the item way; a text its pattern does not match takes the long way
    assert sum(block is not None for block in made) > 300
    assert any(block is None for block in made)


_LEADS = st.sampled_from(["", " ", "  ", "\t", "\u3000", " \t", "\u3000 ", "    ", "      "])
_LINES = st.sampled_from(
    [
        "* 解散しました(terada",
        "* **TODO**: ルール考えて提案する(sano, takanory",
        "* 【決定】来年度は予算を決める",
        "- [記事](https://example.com/a) (nishimotz)",
        "1. 議題(高、報告)",
        "(1) 議題",
        "続きの行",
        "**太字**の行",
        "*",
        "* ",
        "- 担当：kobatomo",
        "## 見出し",
        "### Todo",
        "## 決定事項",
        "## 参加者",
        "* 参加者: a, b",
        "* 理事: takanory, shimizukawa",
        "* 日時: 2025年12月8日",
        "# 表題",
        "---",
        "***",
        "===",
        "* TODO:",
        "    * 中の項目",
        "ｱｲｳ　全角　ＡＢＣ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(_LEADS, _LINES).map("".join), min_size=1, max_size=14))
def test_notes_lines_read_alike(lines: list[str]) -> None:
    """Bullets at any indentation, with owners, to-dos, decisions, rosters and headings that
    change the mode, in the header and the body: the same blocks and contexts either way."""
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _check(monkeypatch, text, FORMATS["summary"])


class _JoinedSummary(Summary):
    """Summary minutes read as PDF text (paragraphs joined over lines): the item way of
    :meth:`_Reader.read_items`."""

    name = "summary-joined"
    paragraph_mode = "pdf"  # type: ignore[assignment]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(_LEADS, _LINES, st.sampled_from(["", " ", "\n", "\n\n- 3 -\n"])).map("".join),
        min_size=1,
        max_size=10,
    )
)
def test_joined_notes_read_alike(lines: list[str]) -> None:
    text = "\n".join(lines)
    with pytest.MonkeyPatch.context() as monkeypatch:
        _check(monkeypatch, text, _JoinedSummary())


def _one_table(*rules: Rule, mentions: tuple[ChildRule, ...] = ()) -> Format:
    """A family that reads its body with ``rules`` (mention rules ``mentions``)."""

    class Rules(Format):
        name = "rules"
        paragraph_mode = "line"
        header_rules = ()
        body_rules = rules
        mention_rules = mentions
        starts_in_header = False

    return Rules()


def _kind_of(groups: Mapping[str, str]) -> BlockMeta:
    """A derived record that reads the groups as a mapping."""
    return ItemMeta(kind="todo" if groups.get("mark") == "!" else "bullet", owner=groups.get("who"))


_TEXT = regex.compile(r"(?P<text>.+)", regex.DOTALL)
#: Unnamed groups before the named ones: the values are not ``match.groups()`` as they are.
_UNNAMED = regex.compile(r"([-*])(\s+)(?P<text>.*)")
#: An optional group (unset: left out of the block's groups) and a name used twice.
_OPTIONAL = regex.compile(r"(?P<mark>[-*!])\s+(?P<text>[^@]*)(?:@(?P<who>\w+))?|(?P<mark>[-*!])")
_BODY = "\n".join(
    [
        "- 一行目",
        "  ! 二行目@sano",
        "\t* 三行目",
        "  -",
        "地の文",
        "! 担当@kobatomo",
        "\u3000- 全角の字下げ",
        "* 議長が述べた",
    ]
)


@pytest.mark.parametrize(
    "rules",
    [
        (
            Rule("item", BlockKind.ITEM, _OPTIONAL, derive=_kind_of, with_indent=True),
            Rule("para", BlockKind.ITEM, _TEXT, derive=_kind_of, with_indent=True),
        ),
        (
            Rule("item", BlockKind.ITEM, _UNNAMED, derive=_kind_of),
            Rule("para", BlockKind.ITEM, _TEXT, with_indent=True),
        ),
        (
            Rule(
                "item",
                BlockKind.ITEM,
                _OPTIONAL,
                meta=ItemMeta(kind="todo", indent=2),
                with_indent=True,
            ),
            Rule("para", BlockKind.CONTINUATION, _TEXT),
        ),
        (
            Rule("bang", BlockKind.ITEM, _OPTIONAL, needs="!", derive=_kind_of),
            Rule("item", BlockKind.ITEM, _OPTIONAL, derive=_kind_of, with_indent=True),
            Rule("para", BlockKind.ITEM, _TEXT, derive=_kind_of),
        ),
        (
            Rule(
                "guarded",
                BlockKind.ITEM,
                _OPTIONAL,
                guard=lambda match, ctx: ctx.indent > 0,
                derive=_kind_of,
            ),
            Rule("para", BlockKind.ITEM, _TEXT, derive=_kind_of, with_indent=True),
        ),
        (
            Rule("sets", BlockKind.ITEM, _OPTIONAL, derive=_kind_of, sets_mode="list"),
            Rule("in-list", BlockKind.ITEM, _TEXT, guard=in_mode("list"), derive=_kind_of),
            Rule("para", BlockKind.ITEM, _TEXT, derive=_kind_of, with_indent=True),
        ),
    ],
    ids=["optional", "unnamed", "given", "needs", "guard", "mode"],
)
def test_item_rules_of_any_shape_read_alike(
    rules: tuple[Rule, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _counting(monkeypatch)
    blocks = _check(monkeypatch, _BODY, _one_table(*rules))
    assert len(blocks) == len(_BODY.splitlines())
    if rules[0].name != "sets":  # (a rule that changes the mode has no item way)
        assert any(block is not None for block in made)


def test_items_the_mention_rules_look_in_read_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """A paragraph that passes the test of the mention rules of items takes the long way,
    and finds what they find; the others take the item way."""
    chair = ChildRule(
        "", BlockKind.MEMBER, regex.compile(r"(?P<name>議長)"), needs="議", kinds=(BlockKind.ITEM,)
    )
    fmt = _one_table(
        Rule("item", BlockKind.ITEM, _OPTIONAL, derive=_kind_of, with_indent=True),
        Rule("para", BlockKind.ITEM, _TEXT, derive=_kind_of),
        mentions=(chair,),
    )
    made = _counting(monkeypatch)
    blocks = _check(monkeypatch, _BODY, fmt)
    assert [child.kind for block in blocks for child in block.children] == [BlockKind.MEMBER]
    assert sum(block is not None for block in made) == len(blocks) - 1


def test_the_item_way_stands_only_where_the_item_rule_reads_as_the_long_way() -> None:
    fmt = FORMATS["summary"]
    mentions = _mentions_by_kind(fmt.mention_rules)
    body = _rule_index(fmt.body_rules)
    header = _rule_index(fmt.header_rules)
    # a bullet of the body: the item rule first, its pattern tried
    _, runs, _ = body.ways("body", None, "* a")
    way = _item_way(runs, "body", None, mentions)
    assert way is not None
    assert way[4] == "item"
    assert way[2] is not None
    assert way[3] == ("marker", "text")
    assert way[3] is shared_group_names(("marker", "text"))
    # the item rule ends the roster mode: no item way in it
    _, runs, _ = body.ways("body", "roster", "* a")
    assert _item_way(runs, "body", "roster", mentions) is None
    # a paragraph after the underlined heading (its ``when`` reads the next paragraph)
    _, runs, _ = body.ways("body", None, "あ")
    assert _item_way(runs, "body", None, mentions) is None
    # the header's rules before the items are tried on every text
    _, runs, _ = header.ways("header", None, "* a")
    assert _item_way(runs, "header", None, mentions) is None


def test_named_groups_are_what_frozen_groups_makes() -> None:
    from gijiroku.blocks import frozen_groups

    names = shared_group_names(("marker", "text"))
    assert names is not None
    made = named_groups(names, ("*", "本文"))
    want = frozen_groups({"marker": "*", "text": "本文"})
    assert type(made) is type(want)
    assert dict(made) == dict(want)
    assert made.get("text") == "本文"
    assert made.get("none", "x") == "x"


# -- the standard twins of patterns ------------------------------------------------------------


def _twinned() -> list[regex.Pattern[str]]:
    """The patterns of the families' rules that have a standard twin."""
    found: dict[int, regex.Pattern[str]] = {}
    for fmt in FORMATS.values():
        for rule in (*fmt.header_rules, *fmt.body_rules):
            if _standard_twin(rule.pattern) is not None:
                found[id(rule.pattern)] = rule.pattern
    return list(found.values())


_TWINNED = _twinned()


def _alphabet(pattern: regex.Pattern[str]) -> str:
    """The characters a pattern names, and a few others (spaces, a line break, kana)."""
    return "".join(
        sorted(set(pattern.pattern) - set("()?:<>[]{}\\|^$") | set(" \u3000\n\tあア1１"))
    )


def test_the_families_have_patterns_with_twins() -> None:
    assert len(_TWINNED) >= 20
    from gijiroku.formats.summary import ITEM_RE

    assert ITEM_RE in _TWINNED


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_a_twin_matches_as_its_pattern(data: st.DataObject) -> None:
    """The same groups (or no match) for any text made of the pattern's own characters."""
    pattern = data.draw(st.sampled_from(_TWINNED))
    twin = _standard_twin(pattern)
    assert twin is not None
    text = data.draw(st.text(alphabet=_alphabet(pattern), max_size=30))
    want, got = pattern.fullmatch(text), twin.fullmatch(text)
    assert (want is None) == (got is None), (pattern.pattern, text)
    if want is not None and got is not None:
        assert want.groups() == got.groups()
        assert want.groupdict() == got.groupdict()
        assert [want.span(k) for k in range(pattern.groups + 1)] == [
            got.span(k) for k in range(pattern.groups + 1)
        ]


_OLD_ITEM_RE = regex.compile(
    r"(?P<marker>(?:[*+\-・●◦▪■□]|[0-9０-９]{1,3}[.)．）]|[（(][0-9０-９]{1,3}[)）]))[ \u3000\t]+"
    r"(?P<text>.*)|(?P<marker>(?:[*+\-・●◦▪■□]|[0-9０-９]{1,3}[.)．）]|[（(][0-9０-９]{1,3}[)）]))"
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="*+-・●1２.)．）（( \u3000\tあa\n", max_size=12))
def test_the_bullet_pattern_reads_as_it_did(text: str) -> None:
    """:data:`ITEM_RE`, each name written once, matches as the pattern that wrote the
    bullet's name twice (one alternative with text, one without)."""
    from gijiroku.formats.summary import ITEM_RE

    old, new = _OLD_ITEM_RE.fullmatch(text), ITEM_RE.fullmatch(text)
    assert (old is None) == (new is None)
    if old is not None and new is not None:
        assert old.groupdict() == new.groupdict()
        assert {k: v for k, v in old.groupdict().items() if v is not None} == {
            k: v for k, v in new.groupdict().items() if v is not None
        }


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?P<text>\s+)",
        r"(?P<text>\p{Han}+)",
        r"(?P<text>\d+)",
        r"(?i)(?P<text>abc)",
        r"(?P<text>a++)",
        r"(?P<text>(?:a|)*)b",
        r"(?P<text>(a?)+)",
        r"(?P<a>x)|(?P<a>y)",
        r"(?P<text>[[a]b])",
        r"(?P<text>[a&&b])",
        r"(?P<text>[]a])",
        r"(?P<text>a{,2})",
        r"(?>a)",
        r"(?P<text>x)(?P=text)",
        r"(?P<text>a)\1",
    ],
)
def test_patterns_read_otherwise_have_no_twin(pattern: str) -> None:
    assert _standard_twin(regex.compile(pattern)) is None
    assert _standard_twin(regex.compile(r"(?P<text>[ab]+)", regex.IGNORECASE)) is None
    assert _standard_twin(regex.compile(r"(?P<text>[ab]+)", regex.VERBOSE)) is None
    assert _standard_twin(regex.compile(r"(?P<text>[ab]+)", regex.VERSION1)) is None


def test_a_shared_pattern_keeps_its_own_match() -> None:
    """A rule whose pattern a guarded rule shares is tried by the pattern itself (the guard
    reads the match kept for both)."""
    fmt = FORMATS["summary"]
    index = _rule_index(fmt.body_rules)
    todo = [plan for plan in index.candidates("body", "todo", "* a") if plan.rule.name == "item"]
    assert todo[0].fullmatch == todo[0].rule.pattern.fullmatch
    alone = [plan for plan in index.candidates("body", None, "* a") if plan.rule.name == "item"]
    assert alone[0].shared is None
    assert alone[0].fullmatch != alone[0].rule.pattern.fullmatch
