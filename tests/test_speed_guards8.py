"""The rules' and mention rules' gates (issue 13, round 5) turn down only what fails anyway.

- Mention rules name the characters every match holds (``ChildRule.needs``): 開/閉 of the body
  opened or closed, 専/調 of a body's staff, 欠 of an absent member. Every match of their
  patterns, on every sample line and on made-up text, holds one of them.
- ``dated-title`` needs a character of :data:`~gijiroku.formats.common.BODY_WORD_CHARS` (its guard
  says yes only to a title that names a body), ``people-list`` a list separator (its guard
  wants two entries), and ``time-line`` is tried only in the header outside a list (its
  ``when``; the guard says no elsewhere).
- The assembly roster heading's ``may_match``: what its pattern matches ends with a count or
  holds at most 62 characters besides its spaces.
- :func:`~gijiroku.formats.common.reads_as_speech` looks for a full stop with ``in`` before its
  pattern, and a title going on into the name column stops once the name left is too short:
  both agree with the long way.
- A roster row's guard counts its people only until the answer is sure (half of the entries,
  or too few left to make half; one person for an attendance key's list).
- The assembly survey finds its ◎ ◆ ◇ lines with the standard ``re``: the lines ``regex`` finds.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku.blocks import BlockKind
from gijiroku.formats import FORMATS, assembly, common
from gijiroku.formats.base import ChildRule, Context, Rule
from gijiroku.names import position_suffix
from gijiroku.normalize import compact
from gijiroku.rosters import split_row

from .conftest import sample_paths


def _lines() -> list[str]:
    lines = {
        line.strip(" \u3000\t")
        for path in sample_paths()
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    return sorted(line for line in lines if line)


def _mention_rules_with_needs() -> list[ChildRule]:
    found = {id(rule): rule for fmt in FORMATS.values() for rule in fmt.mention_rules if rule.needs}
    return list(found.values())


def _rule(name: str, family: str | None = None) -> Rule:
    for fmt in FORMATS.values() if family is None else (FORMATS[family],):
        for rule in (*fmt.header_rules, *fmt.body_rules):
            if rule.name == name:
                return rule
    raise LookupError(name)


# -- mention rules ------------------------------------------------------------------------------


def test_the_mention_rules_name_what_they_need() -> None:
    needs = {rule.needs for rule in _mention_rules_with_needs()}
    assert {"開閉", "開", "専調", "欠", "程", "時"} <= needs


@pytest.mark.parametrize(
    "rule", _mention_rules_with_needs(), ids=lambda rule: rule.pattern.pattern[:20]
)
def test_every_match_of_a_mention_rule_holds_a_character_it_needs(rule: ChildRule) -> None:
    assert rule.pattern is not None
    for line in _lines():
        for text in (line, "それでは、" + line, line + "を開会いたします。"):
            for match in rule.pattern.finditer(text):
                assert any(char in match.group() for char in rule.needs), (rule.needs, text)


_MENTION_ALPHABET = "ただいまからこれより只今にて、　本日今回はご欠席のされた委員会調査議会定例開閉を専門員室長山田日程第１について時"


@given(st.text(alphabet=_MENTION_ALPHABET, max_size=30))
def test_a_text_without_what_a_mention_rule_needs_has_no_match(text: str) -> None:
    for rule in _mention_rules_with_needs():
        assert rule.pattern is not None
        if not any(char in text for char in rule.needs):
            assert rule.pattern.search(text) is None, (rule.needs, text)


def test_the_mention_rules_find_what_they_did() -> None:
    opened = next(r for r in _mention_rules_with_needs() if r.needs == "開閉")
    assert opened.pattern is not None
    found = opened.pattern.search("ただいまから令和６年第１回函館市議会定例会を開会いたします。")
    assert found is not None
    assert found["value"] == "函館市議会"
    absent = [r for r in _mention_rules_with_needs() if r.needs == "欠"]
    assert any(r.pattern is not None and r.pattern.search("本日欠席の熊谷委員から") for r in absent)


# -- the header rules' gates --------------------------------------------------------------------


def test_every_body_word_holds_a_body_word_character() -> None:
    words = common.BODY_WORDS.removeprefix("(?:").removesuffix(")").split("|")
    assert len(words) > 25
    for word in words:
        assert regex.fullmatch(common.BODY_WORDS, word), word
        assert any(char in word for char in common.BODY_WORD_CHARS), word


@given(st.text(alphabet="委員会議事録要旨報告記総部定例第回（）() 　令和６年度山", max_size=16))
def test_a_text_that_names_a_body_holds_a_body_word_character(text: str) -> None:
    if common._names_body(text):
        assert any(char in text for char in common.BODY_WORD_CHARS), text


def _contexts() -> list[Context]:
    found = []
    for region in ("header", "body"):
        for mode in (None, "roster", "agenda", "materials", "dateline"):
            for title_seen in (False, True):
                found.append(
                    Context(
                        region=region,
                        mode=mode,
                        title_seen=title_seen,
                        previous=BlockKind.HEADER,
                        previous_rule="title",
                        following="それでは、ただいまから会議を開きます。",
                    )
                )
    return found


def test_the_dated_title_and_the_list_of_people_say_no_without_what_they_need() -> None:
    checked = 0
    for name in ("dated-title", "people-list"):
        rule = _rule(name)
        assert rule.needs
        assert rule.guard is not None
        for line in _lines():
            match = rule.pattern.fullmatch(line)
            if match is None or any(char in line for char in rule.needs):
                continue
            checked += 1
            for ctx in _contexts():
                assert not rule.guard(match, ctx), (name, line)
    assert checked > 1000


def test_the_dated_title_still_reads_dated_titles() -> None:
    rule = _rule("dated-title")
    assert rule.guard is not None
    for line in ("2001年12月7日 総務委員会", "平成29年度 総務委員会"):
        match = rule.pattern.fullmatch(line)
        assert match is not None
        assert rule.guard(match, Context()), line


def test_the_time_line_says_no_where_its_when_does() -> None:
    rule = _rule("time-line")
    assert rule.guard is not None
    assert rule.when is not None
    lines = [line for line in _lines() if any(char in line for char in rule.needs)]
    lines += ["午後2時00分", "13：30～15：00", "午後4時30分　閉会"]
    said_no = said_yes = 0
    for line in lines:
        match = rule.pattern.fullmatch(line)
        if match is None:
            continue
        for ctx in _contexts():
            if not rule.when(ctx):
                said_no += 1
                assert not rule.guard(match, ctx), (ctx.region, ctx.mode, line)
            elif rule.guard(match, ctx):
                said_yes += 1
    assert said_no > 100
    assert said_yes > 0


# -- the assembly roster heading --------------------------------------------------------------


def test_the_roster_heading_is_tried_with_its_test() -> None:
    rule = _rule("roster-heading", "assembly")
    assert rule.may_match is assembly.may_be_roster_heading


_HEADING_ALPHABET = "○◎出席議員説明者事務局（）()２６人名なし十一 　\tあ、。"


@given(
    st.text(alphabet=_HEADING_ALPHABET, max_size=90),
    st.integers(min_value=0, max_value=70),
)
def test_a_roster_heading_the_pattern_matches_passes_its_test(text: str, pad: int) -> None:
    for candidate in (text, "出" * pad + text, text + "員" * pad, "○" + "席" * pad + "（２６人）"):
        if assembly.ROSTER_HEADING_RE.fullmatch(candidate) is not None:
            assert assembly.may_be_roster_heading(candidate), candidate


def test_the_roster_heading_test_turns_down_long_prose_and_keeps_headings() -> None:
    for text in ("出　席　議　員（２６人）", "説明のため出席した者", "○出席議員　十一名", "事務局"):
        assert assembly.ROSTER_HEADING_RE.fullmatch(text) is not None
        assert assembly.may_be_roster_heading(text), text
    prose = "本日の会議に出席した者は、" + "議員" * 40 + "であります"
    assert not assembly.may_be_roster_heading(prose)
    longest = "出" * 61 + "　" * 10 + "（２６人）"
    assert assembly.ROSTER_HEADING_RE.fullmatch(longest) is not None
    assert assembly.may_be_roster_heading(longest)


# -- a sentence, looked for with ``in`` first ---------------------------------------------------


def _reads_as_speech_the_long_way(text: str) -> bool:
    return common._SENTENCE_RE.search(text) is not None


def test_every_sample_line_reads_as_speech_as_the_pattern_says() -> None:
    said = 0
    for line in _lines():
        for text in (line, line + "\n", line[:20], line + "ますが、", line + "でした"):
            assert common.reads_as_speech(text) == _reads_as_speech_the_long_way(text), text
            said += common.reads_as_speech(text)
    assert said > 1000


@given(st.text(alphabet="ますでしたがのけれども、。？！?!\n山 　", max_size=14))
def test_a_text_reads_as_speech_as_the_pattern_says(text: str) -> None:
    assert common.reads_as_speech(text) == _reads_as_speech_the_long_way(text)


# -- a letter-spaced title that goes on into the name column ------------------------------------


def _title_goes_on_the_long_way(title: str, name: str) -> int:
    """The loop before round 5: every start of the name, its rest joined each time."""
    tokens = list(assembly._TOKEN_RE.finditer(name))
    joined, best = compact(title), 0
    for k, token in enumerate(tokens[:-1]):
        joined += token.group()
        rest = "".join(t.group() for t in tokens[k + 1 :])
        suffix = position_suffix(joined)
        if suffix is not None and joined.endswith(suffix) and len(rest) >= 2:
            best = token.end()
    return best


def test_the_title_goes_on_as_it_did() -> None:
    assert assembly._title_goes_on("まちづくり", "課 長 森 沢 亜 土") == 3
    assert assembly._title_goes_on("市長", "大\u3000泉\u3000\u3000\u3000潤") == 0
    checked = 0
    for line in _lines():
        for match in assembly.ROLE_ENTRY_RE.finditer(line):
            checked += 1
            title, name = match["title"], match["name"]
            assert assembly._title_goes_on(title, name) == _title_goes_on_the_long_way(
                title, name
            ), line
    assert checked > 50


@given(
    st.text(alphabet="まちづくり課長部局次室担当", min_size=1, max_size=6),
    st.text(alphabet="課長部次室森沢亜土 　", max_size=14),
)
def test_a_title_goes_on_as_it_did(title: str, name: str) -> None:
    assert assembly._title_goes_on(title, name) == _title_goes_on_the_long_way(title, name)


# -- a roster row: people counted only until the answer is sure ---------------------------------


def _people_the_long_way(text: str) -> tuple[int, int]:
    entries = split_row(text)
    return len(entries), sum(1 for _, _, groups, _ in entries if common._is_person(groups))


def _check_row(text: str) -> tuple[bool, bool]:
    entries, people = _people_the_long_way(text)
    mostly = entries > 0 and people * 2 >= entries
    assert common._mostly_people(text) == mostly, text
    assert common._names_somebody(text) == (people > 0), text
    return mostly, 0 < people * 2 < entries


def test_every_sample_line_is_mostly_people_as_counted() -> None:
    mostly = mixed = 0
    for line in _lines():
        if len(line) <= 200:
            yes, some = _check_row(line)
            mostly += yes
            mixed += some
    assert mostly > 300
    assert mixed > 10


@given(
    st.lists(
        st.sampled_from(
            ["山田太郎委員", "鈴木委員長", "3その他", "確認事項", "田中", "21名", "（敬称略）"]
        ),
        max_size=7,
    ),
    st.sampled_from(["、", "，", " | ", "　"]),
)
def test_a_row_is_mostly_people_as_counted(entries: list[str], separator: str) -> None:
    _check_row(separator.join(entries))


# -- the survey's lines, found by the standard re -----------------------------------------------

_EITHER_LINE_BY_REGEX = regex.compile(assembly._EITHER_LINE_RE.pattern)


def _either_lines(pattern: re.Pattern[str] | regex.Pattern[str], text: str) -> list[object]:
    return [(m.span(), m["mark"], m["rest"]) for m in pattern.finditer(text)]


def test_the_survey_finds_the_lines_regex_finds_in_every_sample() -> None:
    found = 0
    for path in sample_paths():
        text = "\n" + path.read_text(encoding="utf-8").replace("\r\n", "\n")
        lines = _either_lines(assembly._EITHER_LINE_RE, text)
        assert lines == _either_lines(_EITHER_LINE_BY_REGEX, text), path.name
        found += len(lines)
    assert found > 50


@given(st.text(alphabet="\n\r\u2028\x85◎◆◇■□○ 　\t市長（）議事山", max_size=30))
def test_the_survey_finds_the_lines_regex_finds(text: str) -> None:
    text = "\n" + text
    assert _either_lines(assembly._EITHER_LINE_RE, text) == _either_lines(
        _EITHER_LINE_BY_REGEX, text
    )
