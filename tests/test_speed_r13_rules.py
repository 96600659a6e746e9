"""The families' rules do less for the same blocks (issue 13, round 13).

- Assembly's ``post`` guard counts the document's labels (:attr:`Context.named`) only when
  the post's first two characters follow an opening parenthesis somewhere in the text: every
  name the labels print in parentheses does, so where none does no start of the post is one.
- Assembly's ``title``, ``caption`` and ``venue`` rules take the modes their ``when`` asks
  for (none, or under the date line) as :attr:`Rule.modes`: in a list they are not tried.
- A key's meaning is found once per match (the rules of keys share their pattern and each
  guard asked again), and :func:`~gijiroku.formats.base.header_field_name` once per key in a
  parse.

Each is checked against the long way: the blocks of every sample and of made-up documents
tokenized with the rules as they were, and the helpers against what they replace.
"""

from __future__ import annotations

import dataclasses

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gijiroku.blocks import Block
from gijiroku.formats import FORMATS, assembly, common
from gijiroku.formats.base import Context, Format, Rule, header_field_name
from gijiroku.formats.base import _header_field_name as header_field_name_the_long_way
from gijiroku.layout import LabelCounts, unflatten
from gijiroku.names import position_suffix, split_person
from gijiroku.normalize import memo_scope, split_lines
from gijiroku.tokenizer import tokenize_lines
from tests.rule_tables import with_rules

from .conftest import sample_paths

# -- the rules as they were -------------------------------------------------------------------


def _is_post_the_long_way(match: regex.Match[str], ctx: Context) -> bool:
    """The ``post`` guard as it was: the labels counted for every post that ends with a
    title."""
    value = match["value"]
    if ctx.mode != "roster" or assembly._LIST_MARK_RE.search(value):
        return False
    if value.endswith("兼務"):
        return True
    if position_suffix(value) is None or any(
        value[:k] in ctx.named for k in range(2, min(len(value), 9))
    ):
        return False
    return split_person(value, run_together=True)[0] is None


def _as_it_was(rule: Rule) -> Rule:
    if rule.guard is assembly._is_post:
        return dataclasses.replace(rule, guard=_is_post_the_long_way)
    if rule.name in ("title", "caption", "venue") and rule.modes == frozenset({None, "dateline"}):
        return dataclasses.replace(rule, modes=None)  # (the ``when`` reads the mode)
    if rule.name in ("colon-roster-key", "field") and rule.needs == "：:":
        return dataclasses.replace(rule, needs="")
    if rule.may_match is common.may_be_closed_label:
        return dataclasses.replace(rule, may_match=None)
    return rule


def _as_it_was_format(fmt: Format) -> Format:
    """``fmt`` with the rules as they were, and its survey's plain mapping."""
    return with_rules(fmt, _as_it_was, plain_survey=True)


_FAMILIES = {name: (FORMATS[name], _as_it_was_format(FORMATS[name])) for name in FORMATS}


def test_the_long_way_is_another_table() -> None:
    """(The long way's tables really hold other rules: a test that cannot fail is none.)"""
    changed = 0
    for fmt, was in _FAMILIES.values():
        for now_rule, was_rule in zip(
            (*fmt.header_rules, *fmt.body_rules), (*was.header_rules, *was.body_rules), strict=True
        ):
            changed += now_rule != was_rule
    assert changed >= 8


def _tokenized(text: str, fmt: Format) -> list[Block]:
    with memo_scope():  # (as the parser reads: what is remembered is used)
        return tokenize_lines(text, fmt)


def _same_blocks(text: str, family: str = "assembly") -> None:
    now, was = _FAMILIES[family]
    assert _tokenized(text, now) == _tokenized(text, was)


def test_every_sample_tokenizes_as_with_the_rules_as_they_were() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8", "replace")
        for family in _FAMILIES:
            _same_blocks(text, family)


_ROSTER_LINES = st.sampled_from(
    [
        "〇出席説明員",
        "出席議員（２６人）",
        "○説明のため出席した者",
        "ＳＤＧｓ推進担当部長",
        "子ども未来部長",
        "産業企画室長",
        "松下重志産業企画室長",
        "大塚健志次長",
        "西山真司自動車部長",
        "◎自動車部長（西山真司）\u3000お答えします。",
        "（松下重志次長）",
        "市長\u3000\u3000\u3000\u3000大\u3000泉\u3000\u3000\u3000潤",
        "政策経営部長兼務",
        "１番\u3000吉\u3000田\u3000崇\u3000仁",
        "令和６年第１回函館市議会定例会会議録",
        "令和６年２月２２日（木曜日）",
        "第四委員会室",
        "〇議事日程",
        "日程第１\u3000会議録署名議員の指名",
        "────────",
        "○産業企画室長（松下重志）\u3000お答えします。",
        "○次長（大塚健志）\u3000はい。",
        "○（子ども未来部長）\u3000はい。",
        "◯議長（奈良岡隆君）\u3000これより本日の会議を開きます。",
        "委員長吉原\u3000\u3000修君",
        "日\u3000時\u3000\u3000令和６年３月５日",
        "",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_ROSTER_LINES, min_size=1, max_size=14))
@example(["出席説明員", "松下重志産業企画室長", "○産業企画室長（松下重志）\u3000お答えします。"])
@example(["出席説明員", "子ども未来部長", "○（子ども未来部長）\u3000はい。"])
@example(["出席説明員", "西山真司自動車部長", "◎自動車部長（西山真司）\u3000お答えします。"])
@example(["令和６年２月２２日（木曜日）", "第四委員会室", "出席議員（２６人）", "第四委員会室"])
def test_made_up_assembly_documents_tokenize_as_with_the_rules_as_they_were(
    lines: list[str],
) -> None:
    _same_blocks("\n".join(lines))


# -- a name the labels print follows a parenthesis ----------------------------------------------


def _named(text: str) -> frozenset[str]:
    return LabelCounts(unflatten(split_lines(text))).named


def _follow_parentheses(text: str) -> None:
    """Every name :attr:`Context.named` holds starts with a pair the document finds after an
    opening parenthesis (what the post guard's shortcut takes for granted)."""
    document = assembly._Document({}, text)
    for name in _named(text):
        assert document.follows_a_parenthesis(name[:2]), name


def test_the_names_in_the_samples_labels_follow_a_parenthesis() -> None:
    named = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8", "replace")
        _follow_parentheses(text)
        named += len(_named(text))
    assert named > 0


_NAME_CHARS = st.sampled_from(list("山田太郎松下重志次長（()）君議員 \u3000○◯\n、。部課"))


@settings(max_examples=300, deadline=None)
@given(st.text(_NAME_CHARS, max_size=60))
@example("○議長（山田太郎君）\u3000はい。\n次長（松下重志）")
@example("課長(  山田)\n")
def test_the_names_in_made_up_labels_follow_a_parenthesis(text: str) -> None:
    _follow_parentheses(text)


def test_a_pair_after_no_parenthesis_is_not_found() -> None:
    document = assembly._Document({"◎": "speaker"}, "議長（山田太郎君）(松下重志)")
    assert document.follows_a_parenthesis("山田")
    assert document.follows_a_parenthesis("松下")
    assert not document.follows_a_parenthesis("太郎")
    assert not document.follows_a_parenthesis("議長")
    assert document == {"◎": "speaker"}
    assert document.get("◎") == "speaker"


def test_the_survey_of_the_family_is_the_surveys_mapping() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8", "replace")
        surveyed = assembly.Assembly().survey(text)
        assert isinstance(surveyed, assembly._Document)
        assert dict(surveyed) == assembly.survey(text)


# -- a key's meaning, found once ------------------------------------------------------------------


def _sample_lines() -> list[str]:
    lines: set[str] = set()
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8", "replace")
        lines.update(line.strip(" \u3000\t") for line in text.splitlines())
    return sorted(line for line in lines if line)


def test_a_keys_meaning_is_its_matchs_on_every_sample_line() -> None:
    matches = [
        m
        for line in _sample_lines()
        if (m := common.KEY_FIELD_RE.fullmatch(line)) is not None
        or (m := common.NUMBERED_FIELD_RE.fullmatch(line)) is not None
    ]
    assert len(matches) > 20
    with memo_scope():
        for first, second in zip(matches, [*matches[1:], matches[0]], strict=True):
            # (asked in turn, as the guards ask, and again after another match)
            for match in (first, first, second, first):
                assert common._key_name(match) == common._read_key_name(match)
    named = [m for m in matches if common._read_key_name(m) is not None]
    assert named
    assert len(named) < len(matches)


_KEY_CHARS = st.sampled_from(list("日時場所出席者欠委員議題事長会（）()1１.．、 \u3000数名"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(_KEY_CHARS, max_size=12), min_size=1, max_size=8))
@example(["日\u3000時", "出席者（委員／五十音順）", "日\u3000時", "1.開催日時"])
def test_a_keys_meaning_in_a_parse_is_the_long_ways(keys: list[str]) -> None:
    with memo_scope():
        for key in [*keys, *reversed(keys)]:
            assert header_field_name(key) == header_field_name_the_long_way(key)
    for key in keys:  # (outside a parse: computed afresh)
        assert header_field_name(key) == header_field_name_the_long_way(key)


# -- the rules' new prefilters turn down only what fails anyway ---------------------------------


def _prefiltered_rules() -> list[Rule]:
    rules = {
        rule.name: rule
        for rule in (*assembly.HEADER_RULES, *assembly.BODY_RULES)
        if rule.name in ("colon-roster-key", "field", "closed-label")
    }
    assert sorted(rules) == ["closed-label", "colon-roster-key", "field"]
    return list(rules.values())


def _passes(rule: Rule, text: str) -> bool:
    """``text`` passes ``rule``'s needs and ``may_match``."""
    return (not rule.needs or any(char in text for char in rule.needs)) and (
        rule.may_match is None or rule.may_match(text)
    )


def _prefilters_hold(text: str) -> int:
    matched = 0
    for rule in _prefiltered_rules():
        if rule.pattern.fullmatch(text) is not None:
            assert _passes(rule, text), (rule.name, text)
            matched += 1
    return matched


def test_the_prefilters_pass_every_sample_line_the_patterns_match() -> None:
    matched = sum(_prefilters_hold(line) for line in _sample_lines())
    assert matched > 0
    closed = common.CLOSED_LABEL_RULE
    assert _passes(closed, "谷田川委員長)ただ今から始めます。")
    assert not _passes(closed, "物価高騰支援給付金（こども加算）給付事業につきまして")
    assert not _passes(closed, "以上、委員長）のとおり")


_LABEL_TEXT_CHARS = st.sampled_from(
    list("○◎委員長市山田（()）、。：: \u3000日時場所会議名出席者説明ただ今から始めます")
)


@settings(max_examples=500, deadline=None)
@given(st.text(_LABEL_TEXT_CHARS, min_size=1, max_size=30))
@example("○谷田川委員長)ただ今から始めます。")
@example("日時：令和６年３月５日")
@example("出席者：山田委員長、田中委員")
@example("○ 市長）ただ今")
def test_the_prefilters_pass_made_up_text_the_patterns_match(text: str) -> None:
    _prefilters_hold(text)
