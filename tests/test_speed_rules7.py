"""The header rules' shortcuts (issue 13, round 4) give what the long way gives.

- Rules whose guard is false outside one mode name that mode in ``Rule.modes``, so that their
  pattern is not tried elsewhere: the guard, given every sample line the pattern matches, is
  false in every other mode.
- The header keys' patterns, their keys a tree (:func:`gijiroku.vocabulary.letter_spaced_any`),
  match every text as the alternation of the keys sorted longest first did.
- :data:`gijiroku.vocabulary.DATE_FIRST_CHARS`: a date found at the start of a text starts with
  one of them (the label of a header, ◯令和６年５月17日, is looked for a date only then).
"""

from __future__ import annotations

import sys

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import dates, rosters
from gijiroku.blocks import HeaderName
from gijiroku.formats import FORMATS, assembly, committee, common
from gijiroku.formats.base import (
    COLON_ONLY_KEYS,
    HEADER_FIELD_NAMES,
    KNOWN_HEADER_KEYS_RE,
    Context,
    Rule,
)
from gijiroku.vocabulary import (
    DATE_FIRST_CHARS,
    KANJI_NUMERAL_CHARS,
    letter_spaced,
    letter_spaced_any,
)

from .conftest import sample_paths

#: The rules given ``modes`` in this round, and the mode they are tried in.
_MODED = {
    "roster-run-together": "roster",
    "roster-name": "roster",
    "roster-titles": "roster",
    "post": "roster",
    "post-fragment": "roster",
    "agenda-line": "agenda",
    "roster-title-line": "roster",
    "colon-heading": "roster",
}
#: Every mode a rule sets or reads in the bundled families.
_MODES = (
    None,
    "roster",
    "agenda",
    "materials",
    "proceedings",
    "dateline",
    "heading",
    "heading-open",
    "turn",
    "signature",
)


def _moded_rules() -> list[Rule]:
    found = {
        id(rule): rule
        for fmt in FORMATS.values()
        for rules in (fmt.header_rules, fmt.body_rules)
        for rule in rules
        if rule.guard is not None and rule.modes is not None and rule.name in _MODED
    }
    return list(found.values())


def _lines() -> list[str]:
    lines = {
        line.strip(" \u3000\t")
        for path in sample_paths()
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    lines |= {"委任状：", "（福祉事務所長）", "山田　太郎", "委員長　吉原　修君", "兼務"}
    return sorted(line for line in lines if line)


def test_the_moded_rules_are_found() -> None:
    names = {rule.name for rule in _moded_rules()}
    assert {"roster-titles", "post", "agenda-line", "roster-name"} <= names
    for rule in _moded_rules():
        assert rule.modes == frozenset({_MODED[rule.name]}), rule.name


@pytest.mark.parametrize("rule", _moded_rules(), ids=lambda rule: rule.name)
def test_a_moded_rules_guard_is_false_in_every_other_mode(rule: Rule) -> None:
    assert rule.guard is not None
    assert rule.modes is not None
    following = "それでは、ただいまから会議を開きます。"
    matched = 0
    for line in _lines():
        match = rule.pattern.fullmatch(line)
        if match is None:
            continue
        matched += 1
        for mode in _MODES:
            if mode in rule.modes:
                continue
            for region in ("header", "body"):
                ctx = Context(
                    region=region,
                    mode=mode,
                    indent=8,
                    following=following,
                    previous=None,
                    people={line},
                )
                assert not rule.guard(match, ctx), (rule.name, mode, line)
    assert matched > 0


# -- the characters a date starts with --------------------------------------------------------

#: After a first character, what makes it start a date if any alternative of
#: ``dates._DATE_START_RE`` lets it: the second letter of an era name, a digit after an era
#: letter, 年 after a number.
_AFTER = ("和", "成", "正", "治", "0", "年")


def test_every_character_a_date_may_start_with_is_listed() -> None:
    starts = [
        chr(code)
        for code in range(sys.maxunicode + 1)
        if not 0xD800 <= code <= 0xDFFF
        and any(dates._DATE_START_RE.match(chr(code) + after) for after in _AFTER)
    ]
    assert set(starts) == DATE_FIRST_CHARS


_DATE_ALPHABET = "令和平成6年5月1日２０２４/.-R H元十二（）金山議長◯ 　"


@given(st.text(alphabet=_DATE_ALPHABET, max_size=16))
def test_a_date_at_the_start_starts_with_a_listed_character(text: str) -> None:
    found = dates.parse_date(text)
    if found is not None and found.start == 0:
        assert text[:1] in DATE_FIRST_CHARS


def test_a_header_label_reads_a_date_only_where_one_starts() -> None:
    assert assembly._read_header_label("令和６年５月17日（金）") == "date"
    assert assembly._read_header_label("２０２４年５月17日") == "date"
    assert assembly._read_header_label("議長（令和６年５月17日）") is None
    assert set(KANJI_NUMERAL_CHARS) <= DATE_FIRST_CHARS


# -- the keys as a tree -----------------------------------------------------------------------

#: The keys' alternation as it was: every key letter-spaced, longest first.
_OLD_KEYS = "|".join(
    letter_spaced(k)
    for k in sorted(HEADER_FIELD_NAMES, key=len, reverse=True)
    if k not in COLON_ONLY_KEYS
)
_OLD_COLON_KEYS = "|".join(letter_spaced(k) for k in sorted(COLON_ONLY_KEYS, key=len, reverse=True))
_OLD_KEY_FIELD_RE = regex.compile(
    common._key_field_pattern(_OLD_KEYS, _OLD_COLON_KEYS), regex.VERBOSE | regex.DOTALL
)
_OLD_COLON_KEY_RE = regex.compile(
    common.COLON_KEY_RE.pattern.replace(common._COLON_KEYS, _OLD_COLON_KEYS), regex.DOTALL
)
_OLD_KNOWN_FIELD_RE = regex.compile(
    committee.KNOWN_FIELD_RE.pattern.replace(KNOWN_HEADER_KEYS_RE, _OLD_KEYS), regex.VERBOSE
)
_PAIRS = (
    (common.KEY_FIELD_RE, _OLD_KEY_FIELD_RE),
    (common.COLON_KEY_RE, _OLD_COLON_KEY_RE),
    (committee.KNOWN_FIELD_RE, _OLD_KNOWN_FIELD_RE),
)


def _same(new: regex.Match[str] | None, old: regex.Match[str] | None) -> bool:
    if new is None or old is None:
        return new is old
    return new.span() == old.span() and all(
        new.span(name) == old.span(name) for name in old.re.groupindex
    )


def test_the_old_patterns_are_rebuilt() -> None:
    for new, old in _PAIRS:
        assert new.pattern != old.pattern
        assert _OLD_KEYS in old.pattern or _OLD_COLON_KEYS in old.pattern


def test_the_key_patterns_match_every_sample_line_as_the_alternation_did() -> None:
    lines = _lines()
    matched = 0
    for line in lines:
        for text in (line, "○" + line, "【" + line, "<" + line, line.replace(" ", "")):
            for new, old in _PAIRS:
                found = new.fullmatch(text)
                assert _same(found, old.fullmatch(text)), (new.pattern[:20], text)
                assert _same(new.match(text), old.match(text)), (new.pattern[:20], text)
                matched += found is not None
    assert matched > 150


_KEY_ALPHABET = "日時開催及び場所出席者名委員会説明員欠傍聴数議長事務局（）()【】<>：: 　1○令和"


@given(st.text(alphabet=_KEY_ALPHABET, max_size=14))
def test_a_key_pattern_matches_any_text_as_the_alternation_did(text: str) -> None:
    for new, old in _PAIRS:
        assert _same(new.fullmatch(text), old.fullmatch(text))
        assert _same(new.match(text), old.match(text))


def test_words_sharing_a_start_make_one_branch() -> None:
    pattern = letter_spaced_any(["日時", "日時及び場所", "場所"])
    assert pattern.count("日") == 1
    assert regex.fullmatch(pattern, "日 時 及び場所")
    longer = regex.match(pattern, "日時及び場所")  # the longer first
    assert longer is not None
    assert longer.group() == "日時及び場所"
    shorter = regex.match(pattern, "日時及び")
    assert shorter is not None
    assert shorter.group() == "日時"
    assert regex.match(pattern, "時") is None
    with pytest.raises(ValueError, match="empty"):
        letter_spaced_any(["日時", ""])


# -- a list's separators, the first found without walking the parentheses ---------------------

_ROW_ALPHABET = "山田委員長、，,|｜（）()　 ab1:：欠席以下"


@given(st.text(alphabet=_ROW_ALPHABET, max_size=24))
def test_the_separators_found_lazily_are_those_outside_parentheses(text: str) -> None:
    lazily = [m.span() for m in rosters._separators_outside_parens(text)]
    assert lazily == [m.span() for m in rosters._outside_parens(text, rosters._LIST_SEPARATOR_RE)]
    assert rosters._cells(text, 3, iter(rosters._separators_outside_parens(text))) == (
        rosters._cells(text, 3, rosters._outside_parens(text, rosters._LIST_SEPARATOR_RE))
    )


def test_the_separators_before_a_parenthesis_are_kept_however_the_parentheses_pair() -> None:
    for text in (
        "山田、鈴木（a、b）",
        "山田、鈴木（a、b",
        "山田、鈴木）a、b",
        "（a、b）山田、鈴木",
    ):
        lazily = [m.start() for m in rosters._separators_outside_parens(text)]
        full = rosters._outside_parens(text, rosters._LIST_SEPARATOR_RE)
        assert lazily == [m.start() for m in full], text
    assert [m.start() for m in rosters._separators_outside_parens("山田、鈴木（a、b）")] == [2]


# -- a dated title's dates, found once --------------------------------------------------------


@given(st.text(alphabet=_DATE_ALPHABET + "～から", max_size=30))
def test_the_first_date_with_a_year_of_all_the_dates_is_parse_dates(text: str) -> None:
    found = next((d for d in dates.find_dates(text) if d.has_year), None)
    assert found == dates.parse_date(text)


def test_the_sample_lines_first_dates_with_a_year_are_parse_dates() -> None:
    checked = 0
    for line in _lines():
        found = next((d for d in dates.find_dates(line) if d.has_year), None)
        assert found == dates.parse_date(line), line
        checked += found is not None
    assert checked > 50


# -- needs and whens from the guards --------------------------------------------------------


def test_the_attendance_rules_need_what_their_patterns_hold() -> None:
    rules = [
        rule
        for rule in common.ROSTER_RULES + common.KEY_RULES + common.HEADER_RULES
        if rule.name in ("attendance-key", "attendance-heading")
    ]
    assert {rule.name for rule in rules} == {"attendance-key", "attendance-heading"}
    matched = 0
    for rule in rules:
        assert rule.needs == "席"
        for line in _lines():
            for text in (line, "○" + line, line.replace("出席", "欠席")):
                if rule.pattern.fullmatch(text) is not None:
                    matched += 1
                    assert "席" in text, (rule.name, text)
    assert matched > 20


@given(st.text(alphabet="出欠席者委員議職（）(2名) 　山田、:：○1.", max_size=20))
def test_a_text_an_attendance_pattern_matches_holds_its_need(text: str) -> None:
    for pattern in (common.ATTENDANCE_HEADING_RE, common.ATTENDANCE_KEY_RE):
        if pattern.fullmatch(text) is not None:
            assert "席" in text


def test_nobody_below_a_key_is_read_only_under_a_roster_key() -> None:
    rule = next(r for r in common.KEY_RULES if r.name == common.NOBODY_RULE and r.when is not None)
    assert rule.guard is not None
    when = rule.when
    assert when is not None
    for text in ("なし", "な　し", "該当なし", "ありません"):
        match = rule.pattern.fullmatch(text)
        assert match is not None
        for key in HeaderName:
            ctx = Context(open_key=key)
            assert rule.guard(match, ctx) == (key in common._ROSTER_NAMES)
            assert when(ctx) == (key in common._ROSTER_NAMES)
        assert not rule.guard(match, Context(open_key=None))
        assert not when(Context(open_key=None))
