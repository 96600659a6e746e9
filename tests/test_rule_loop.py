"""The rule loop's shortcuts (issue 13) choose the rule the long way chooses.

:func:`gijiroku.tokenizer._match_rule` tries a table's rules in runs behind one test of the
characters they need, and skips a rule whose ``never_ends`` the text ends with. Here every
bundled sample is read by every family both ways — the shortcuts, and a plain loop over every
rule of the table — and the blocks must be the same; each ``never_ends`` is checked against
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
    the pattern, the guard (no index, no runs, no shared matches, no end test)."""
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
        plan.rule.name for plans in gated for plan in plans
    }
    text = "本日の会議を開きます。"
    para = Paragraph(text, text, 0, 0)
    found = _match_rule(index, para, Context(region="body", mode="turn"), None)
    assert found is not None
    assert found[0].name == "continuation"


def _plans_in(runs: tuple[tuple[object, tuple[tokenizer._Plan, ...]], ...]) -> Iterator[Rule]:
    for _, plans in runs:
        for plan in plans:
            yield plan.rule


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
                            assert all(plan.rule.needs for plan in members)
                            chars = "".join(plan.rule.needs for plan in members)
                            for char in chars:
                                assert gate(f"あ{char}い")
                            assert not gate("あいう")
    assert checked > 50


def _rules_with_end_test() -> list[Rule]:
    found = {
        id(rule): rule
        for fmt in FORMATS.values()
        for rules in (fmt.header_rules, fmt.body_rules)
        for rule in rules
        if rule.never_ends
    }
    return list(found.values())


def test_some_rules_have_an_end_test() -> None:
    assert {rule.name for rule in _rules_with_end_test()} >= {"label-alone"}


def test_no_sample_line_a_rule_matches_ends_as_its_end_test_excludes() -> None:
    """Every stripped line of the samples, and each with an excluded character put at its
    end: what the pattern matches never ends with one of its ``never_ends``."""
    lines = {
        line.strip(" \u3000\t")
        for text in _texts()
        for line in text.splitlines()
        if line.strip(" \u3000\t")
    }
    assert len(lines) > 5000
    matched = 0
    for rule in _rules_with_end_test():
        for line in lines:
            for text in (line, *(line + char for char in rule.never_ends)):
                if rule.pattern.fullmatch(text) is not None:
                    matched += 1
                    assert text[-1] not in rule.never_ends, (rule.name, text)
    assert matched > 100


_LABEL_ALPHABET = "○◯【】（）()山田委員長議事局君　 ：:、。「」1番・"


@given(st.text(alphabet=_LABEL_ALPHABET, min_size=1, max_size=14))
def test_a_rule_never_matches_a_text_ending_as_its_end_test_excludes(text: str) -> None:
    for rule in _rules_with_end_test():
        if text[-1] in rule.never_ends:
            assert rule.pattern.fullmatch(text) is None, (rule.name, text)


# -- the position word behind a test of its first character ----------------------------------

_WORD_CHARS = "".join(sorted({char for word in POSITION_WORDS for char in word})) + "山田（）　 "
_PLAIN_WORD = regex.compile(f"(?:{POSITION_WORDS_RE})")
_TESTED_WORD = regex.compile(common.POSITION_WORD)


def test_every_position_word_passes_the_first_character_test() -> None:
    for word in POSITION_WORDS:
        assert _TESTED_WORD.fullmatch(word) is not None, word
        assert _TESTED_WORD.match(word + "山").span() == _PLAIN_WORD.match(word + "山").span()


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
    lines = {
        line.strip(" \u3000\t")
        for text in _texts()
        for line in text.splitlines()
        if line.strip(" \u3000\t")
    }
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
