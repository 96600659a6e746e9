"""Assembly's rules are tried only where they may read a line (issue 13, round 6).

- Guards that read only the context are the rules' ``when`` or ``modes``, so their patterns
  are not tried where the guard said no: ``signer`` (in the signature block or set far in),
  ``date-later`` (outside a list of people), ``item-group`` (right under a section) and the
  ``item-heading`` rules (modes None and ``heading``; they are body rules, read in the body
  alone, where the guard's region test always held). Each says what the old guard said, in
  every context.
- The roster heading's pattern takes only a heading that starts with a roster word's first
  character, or with a character cleaning may change (the guard compares the heading with its
  spaces removed and cleaned): what the pattern and its guard take is what the old pattern and
  the guard took, with the same groups.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Literal

import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import tokenize
from gijiroku.blocks import BlockKind
from gijiroku.formats import FORMATS, assembly
from gijiroku.formats.base import Context, Rule
from gijiroku.vocabulary import SP

from .conftest import sample_paths


def _rule(name: str, table: str = "body_rules") -> Rule:
    """Assembly's own rule of that name (the last: common's ``signer`` comes before it)."""
    rules: tuple[Rule, ...] = getattr(FORMATS["assembly"], table)
    found = [rule for rule in rules if rule.name == name]
    if not found:
        raise LookupError(name)
    return found[-1]


_MODES: tuple[str | None, ...] = (
    None,
    "heading",
    "heading-open",
    "turn",
    "roster",
    "agenda",
    "dateline",
    "signature",
    "proceedings",
)


def _contexts(region: Literal["header", "body"]) -> Iterator[Context]:
    previous = (None, BlockKind.SECTION, BlockKind.TURN, BlockKind.HEADER, BlockKind.SEPARATOR)
    for mode, kind, indent in itertools.product(_MODES, previous, (0, 2, 7, 8, 12)):
        yield Context(region=region, mode=mode, previous=kind, indent=indent)


def _tried(rule: Rule, ctx: Context) -> bool:
    """The rule's pattern is tried in this context (its modes and its ``when``)."""
    return (rule.modes is None or ctx.mode in rule.modes) and (rule.when is None or rule.when(ctx))


# -- guards that read only the context --------------------------------------------------------


def _old_signs(ctx: Context) -> bool:
    return ctx.mode == "signature" or ctx.indent >= 8


def _old_not_in_roster(ctx: Context) -> bool:
    return ctx.mode != "roster"


def _old_next_in_group(ctx: Context) -> bool:
    return ctx.region == "body" and ctx.previous is BlockKind.SECTION and ctx.mode == "heading"


def _old_between_turns(ctx: Context) -> bool:
    return ctx.region == "body" and ctx.mode in (None, "heading")


def test_the_context_guards_are_whens_or_modes_that_say_the_same() -> None:
    checks = {
        ("signer", "body_rules"): _old_signs,
        ("date-later", "header_rules"): _old_not_in_roster,
        ("item-group", "body_rules"): _old_next_in_group,
        ("item-group-open", "body_rules"): _old_next_in_group,
        ("item-heading", "body_rules"): _old_between_turns,
        ("item-heading-open", "body_rules"): _old_between_turns,
    }
    said = {True: 0, False: 0}
    for (name, table), old in checks.items():
        rule = _rule(name, table)
        for ctx in _contexts("body" if table == "body_rules" else "header"):
            assert _tried(rule, ctx) == old(ctx), (name, ctx.mode, ctx.previous, ctx.indent)
            said[old(ctx)] += 1
    assert said[True] > 50
    assert said[False] > 50


def test_the_finished_item_heading_has_no_guard_left_and_the_open_one_reads_its_title() -> None:
    assert _rule("item-heading").guard is None
    assert _rule("item-group").guard is None
    assert _rule("signer").pattern is assembly.SIGNER_RE
    assert _rule("signer").guard is None
    open_rule = _rule("item-heading-open")
    assert open_rule.guard is not None
    match = open_rule.pattern.fullmatch("日程第１")
    assert match is not None
    assert open_rule.guard(match, Context(region="body")) == assembly._heading_open("日程第１")


def test_item_lines_are_headings_between_turns_and_speech_inside_one() -> None:
    text = (
        "○議長（山田太郎君）　ただいまから本日の会議を開きます。\n"
        "日程第１　議案第１号\n"
        "──────────────────\n"
        "日程第２　議案第２号　市税条例の一部を改正する条例について\n"
    )
    blocks = tokenize(text, format="assembly")
    rules = {text[block.span.start : block.span.end].strip(): block.rule for block in blocks}
    assert rules["日程第１　議案第１号"] == "continuation"  # (a speech is open)
    assert rules["日程第２　議案第２号　市税条例の一部を改正する条例について"] == "item-heading"


# -- the roster heading's first character ------------------------------------------------------


def test_the_roster_words_start_with_their_first_characters() -> None:
    words = regex.compile(rf"(?:{assembly.ROSTER_WORDS})", regex.VERBOSE)
    firsts = {chr(c) for c in range(0x3000, 0xA000) if words.fullmatch(chr(c), partial=True)}
    assert firsts == set(assembly.ROSTER_WORD_FIRSTS)


_OLD_ROSTER_HEADING_RE = regex.compile(
    rf"""
    [{assembly.SPEAKER_MARKS}{assembly.EITHER_MARKS}]?{SP}*
    (?P<heading>[^\s（()）0-9０-９][^（()）]{{1,60}}?)
    {SP}*(?P<count>{assembly.COUNT})?
    """,
    regex.VERBOSE,
)


def _read(pattern: regex.Pattern[str], text: str) -> dict[str, str | None] | None:
    match = pattern.fullmatch(text)
    if match is None or not assembly._is_roster_heading(match, Context(mode="roster")):
        return None
    return match.groupdict()


def _assert_read_alike(text: str) -> bool:
    new = _read(assembly.ROSTER_HEADING_RE, text)
    assert new == _read(_OLD_ROSTER_HEADING_RE, text), text
    return new is not None


def test_every_sample_line_reads_as_a_roster_heading_as_before() -> None:
    taken = 0
    for path in sample_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip(" \u3000\t")
            if line:
                taken += _assert_read_alike(line)
    assert taken > 10


_HEADING_ALPHABET = (
    "○◎〇◆出席欠議員説明者事務局市のため職本場に第副委（）()２６人名なし十一 　\t"
    "\u200bｼｭﾂﾞ\uff9eＡ、。"
)


@given(st.text(alphabet=_HEADING_ALPHABET, min_size=1, max_size=24))
def test_made_up_lines_read_as_a_roster_heading_as_before(text: str) -> None:
    _assert_read_alike(text)


@given(
    st.sampled_from(["", "○", "◎　", "〇 "]), st.text(alphabet="出席議員説明者事務局", max_size=8)
)
def test_roster_words_after_a_mark_read_alike(mark: str, words: str) -> None:
    for text in (
        mark + words,
        mark + words + "（２６人）",
        mark + "副" + words,
        mark + "\u200b" + words,
    ):
        _assert_read_alike(text)


def test_the_venue_under_the_date_is_tried_right_under_a_header_line() -> None:
    said = 0
    for fmt in FORMATS.values():
        for rule in fmt.header_rules:
            if rule.name != "venue-under-date":
                continue
            assert rule.guard is None
            for ctx in _contexts("header"):
                old = ctx.mode == "dateline" and ctx.previous is BlockKind.HEADER
                assert _tried(rule, ctx) == old, (fmt.name, ctx.mode, ctx.previous)
                said += old
    assert said > 0
