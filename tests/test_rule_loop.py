"""The rule loop's shortcuts (issue 13) choose the rule the long way chooses.

:func:`gijiroku.tokenizer._match_rule` tries a table's rules in runs behind one test of the
characters they need, and skips a rule whose ``may_match`` test the text fails. Here every
bundled sample is read by every family both ways — the shortcuts, and a plain loop over every
rule of the table — and the blocks must be the same; each ``may_match`` is checked against
its pattern.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import tokenizer
from gijiroku.formats import FORMATS, assembly, common, diet
from gijiroku.formats.base import Context, Rule
from gijiroku.names import POSITION_WORDS, POSITION_WORDS_RE
from gijiroku.tokenizer import Paragraph, _match_rule, _rule_index, _RuleIndex, _runs

from .conftest import sample_paths


def _long_way(
    rules: _RuleIndex, para: Paragraph, ctx: Context, following: Paragraph | None
) -> tuple[Rule, regex.Match[str]] | None:
    """Every rule of the table in its order: region, modes, needs, when, the next paragraph,
    the pattern, the guard (no index, no runs, no shared matches, no ``may_match``)."""
    text = para.text
    for rule in rules.rules:
        if rule.region not in ("any", ctx.region):
            continue
        if rule.modes is not None and ctx.mode not in rule.modes:
            continue
        if rule.needs and not any(char in text for char in rule.needs):
            continue
        if rule.when is not None and not rule.when(ctx):
            continue
        if rule.requires_next and (
            following is None
            or rule.absorb_next is None
            or not rule.absorb_next.fullmatch(following.text)
        ):
            continue
        match = rule.pattern.fullmatch(text)
        if match is None:
            continue
        if rule.guard is not None and not rule.guard(match, ctx):
            continue
        return rule, match
    return None


def _texts() -> list[str]:
    return [path.read_bytes().decode("utf-8") for path in sample_paths()]


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_sample_is_read_as_the_plain_loop_reads_it(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fmt = FORMATS[name]
    texts = _texts()
    assert len(texts) >= 20
    quick = [tokenizer.tokenize_lines(text, fmt) for text in texts]
    monkeypatch.setattr(tokenizer, "_match_rule", _long_way)
    plain = [tokenizer.tokenize_lines(text, fmt) for text in texts]
    assert quick == plain
    assert sum(len(blocks) for blocks in quick) > 1000


def test_the_loop_skips_a_run_whose_characters_are_absent() -> None:
    """A continuation line of assembly minutes: the label rules that need a space, a colon
    or a parenthesis are passed over behind one test, and the line is a continuation."""
    index = _rule_index(FORMATS["assembly"].body_rules)
    runs = index.runs("body", "turn", "本")
    gated = [plans for gate, plans in runs if gate is not None]
    assert gated
    assert {"spaced-name-label", "name-label", "colon-label"} <= {
        step[0].name for steps in gated for step in steps
    }
    text = "本日の会議を開きます。"
    para = Paragraph(text, 0, 0)
    found = _match_rule(index, para, Context(region="body", mode="turn"), None)
    assert found is not None
    assert found[0].name == "continuation"


def _plans_in(runs: tuple[tokenizer._Run, ...]) -> Iterator[Rule]:
    for _, steps in runs:
        for step in steps:
            yield step[0]


def test_runs_keep_every_plan_in_order_and_gate_only_rules_with_needs() -> None:
    checked = 0
    for fmt in FORMATS.values():
        for rules in (fmt.header_rules, fmt.body_rules):
            index = _rule_index(rules)
            for region in ("header", "body"):
                for mode in (None, "turn", "roster", "agenda", "heading"):
                    for first in "本○◯〇（(日１【〔―":
                        plans = index.candidates(region, mode, first)
                        runs = _runs(plans)
                        assert list(_plans_in(runs)) == [plan.rule for plan in plans]
                        for gate, members in runs:
                            if gate is None:
                                continue
                            checked += 1
                            assert len(members) >= 2
                            if not members[0][0].needs:  # (rules that share a may_match)
                                assert all(step[0].may_match is gate for step in members)
                                assert all(not step[0].needs for step in members)
                                assert all(step[2] is None for step in members)
                                continue
                            assert all(step[0].needs for step in members)
                            chars = "".join(step[0].needs for step in members)
                            for char in chars:
                                assert gate(f"あ{char}い")
                            assert not gate("あいう")
    assert checked > 50


def _rules_with_a_test() -> list[Rule]:
    found = {
        id(rule): rule
        for fmt in FORMATS.values()
        for rules in (fmt.header_rules, fmt.body_rules)
        for rule in rules
        if rule.may_match is not None
    }
    return list(found.values())


def test_some_rules_have_a_test_before_their_pattern() -> None:
    assert {rule.name for rule in _rules_with_a_test()} >= {"label-alone"}


def _sample_lines() -> set[str]:
    return {
        line.strip(" \u3000\t")
        for text in _texts()
        for line in text.splitlines()
        if line.strip(" \u3000\t")
    }


def test_every_sample_line_a_rule_matches_passes_its_test() -> None:
    """Every stripped line of the samples, and each with prose put after it or inside it:
    what the pattern matches passes the rule's ``may_match``, and the test turns many down."""
    lines = _sample_lines()
    assert len(lines) > 5000
    matched = turned_down = 0
    for rule in _rules_with_a_test():
        assert rule.may_match is not None
        for line in lines:
            for text in (line, line + "。", "○" + line, line[:1] + "、" + line[1:]):
                passes = rule.may_match(text)
                turned_down += not passes
                if rule.pattern.fullmatch(text) is not None:
                    matched += 1
                    assert passes, (rule.name, text)
    assert matched > 100
    assert turned_down > 5000


_LABEL_ALPHABET = "○◯【】（）()山田委員長議事局君　 ：:、。「」1番・"


@given(st.text(alphabet=_LABEL_ALPHABET, min_size=1, max_size=14))
def test_a_text_a_rule_matches_passes_its_test(text: str) -> None:
    for rule in _rules_with_a_test():
        assert rule.may_match is not None
        if rule.pattern.fullmatch(text) is not None:
            assert rule.may_match(text), (rule.name, text)


def test_a_label_alone_may_be_one_and_prose_may_not() -> None:
    for text in ("議長", "○山田委員", "議長（梶　泰久）", "【委員】", "事務局"):
        assert common.may_be_label_alone(text), text
    for text in ("本日の会議を開きます。", "それでは、", "委員長：", "（拍手）あり"):
        assert not common.may_be_label_alone(text), text


# -- the position word behind a test of its first character ----------------------------------

_WORD_CHARS = "".join(sorted({char for word in POSITION_WORDS for char in word})) + "山田（）　 "
_PLAIN_WORD = regex.compile(f"(?:{POSITION_WORDS_RE})")
_TESTED_WORD = regex.compile(common.POSITION_WORD)


def test_every_position_word_passes_the_first_character_test() -> None:
    for word in POSITION_WORDS:
        assert _TESTED_WORD.fullmatch(word) is not None, word
        tested, plain = _TESTED_WORD.match(word + "山"), _PLAIN_WORD.match(word + "山")
        assert tested is not None
        assert plain is not None
        assert tested.span() == plain.span()


@given(st.text(alphabet=_WORD_CHARS, max_size=10))
def test_the_position_word_matches_as_the_plain_alternation(text: str) -> None:
    for pos in range(len(text) + 1):
        plain = _PLAIN_WORD.match(text, pos)
        tested = _TESTED_WORD.match(text, pos)
        assert (plain and plain.span()) == (tested and tested.span())
    plain_end = regex.search(f"(?:{POSITION_WORDS_RE})$", text)
    tested_end = common.ENDS_WITH_TITLE_RE.search(text)
    assert (plain_end and plain_end.span()) == (tested_end and tested_end.span())


def test_labels_read_with_the_tested_word_as_with_the_plain_alternation() -> None:
    """The label patterns that use it, rebuilt with the plain alternation, give the same
    groups on every sample line."""
    lines = _sample_lines()
    patterns = [
        common.LABEL_TURN_RE,
        common.CLOSED_LABEL_TURN_RE,
        common.BRACKETED_LABEL_TURN_RE,
        common.BRACKETED_WORD_LABEL_TURN_RE,
        common.SPACED_NAME_LABEL_TURN_RE,
        assembly.SPEECH_RE,
        diet.SPEECH_RE,
    ]
    matched = 0
    for pattern in patterns:
        assert common.POSITION_WORD in pattern.pattern
        plain = regex.compile(
            pattern.pattern.replace(common.POSITION_WORD, f"(?:{POSITION_WORDS_RE})"),
            pattern.flags,
        )
        for line in lines:
            quick, slow = pattern.fullmatch(line), plain.fullmatch(line)
            assert (quick and quick.groupdict()) == (slow and slow.groupdict()), line
            matched += quick is not None
    assert matched > 1000


# -- needs ------------------------------------------------------------------------------------


#: Rules whose ``needs`` their pattern implies (others', such as the time line's, their guard).
_NEEDED_BY_THE_PATTERN = {
    "item-heading",
    "item-heading-open",
    "closed-label",
    "paren-name-label",
    "name-label",
    "spaced-name-label",
    "signature-statement",
    "marked-event",
    "start-event",
    "header-event",
    "time",
}


def test_every_sample_line_a_pattern_matches_holds_what_its_rule_needs() -> None:
    lines = _sample_lines()
    checked = set()
    for fmt in FORMATS.values():
        for rules in (fmt.header_rules, fmt.body_rules):
            for rule in rules:
                if rule.name not in _NEEDED_BY_THE_PATTERN or (
                    rule.name == "time" and fmt.name != "assembly"  # (other families' time)
                ):
                    continue
                assert rule.needs
                for line in lines:
                    if rule.pattern.fullmatch(line) is not None:
                        checked.add(rule.name)
                        assert any(char in line for char in rule.needs), (rule.name, line)
    assert checked >= {"item-heading", "spaced-name-label", "marked-event", "time"}


_ROSTER_ALPHABET = "出席欠議員委説明者事務局職会市のため本場に第条規定し地方自治法たよ遅刻早退"


@given(st.text(alphabet=_ROSTER_ALPHABET, min_size=1, max_size=16))
def test_every_roster_word_ends_as_the_roster_heading_needs(text: str) -> None:
    if assembly._ROSTER_WORDS_RE.match(text):
        assert text[-1] in assembly.ROSTER_WORD_ENDS


def test_the_roster_words_end_as_the_roster_heading_needs() -> None:
    words = ["出席議員", "欠席委員", "説明員", "出席者", "議会事務局", "市議会事務局", "事務局職員"]
    words += [
        "説明のため出席した者",
        "職務のため議場に出席した事務局職員",
        "議場に出席した事務局職員",
    ]
    for word in words:
        assert assembly._ROSTER_WORDS_RE.match(word), word
        assert word[-1] in assembly.ROSTER_WORD_ENDS


@given(st.text(alphabet="日時：: 　（）署名第程abc0", max_size=12))
def test_the_needs_test_holds_for_every_number_of_characters(text: str) -> None:
    for needs in ("署", "）)", "第 \u3000", "員者局", " \u3000：:）)第", "時:：正"):
        test = tokenizer._needs_test(needs)
        assert test is not None
        assert bool(test(text)) == any(char in text for char in needs)
    assert tokenizer._needs_test("") is None
