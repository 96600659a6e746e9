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
- A roster row of titles and names finds its entries once for its guard and its split (the
  per-parse memo, last row only); the guard's ほか test is ``str.endswith``; a letter-spaced
  title is looked for in the name only when a token but the last ends with a character a
  title word may end with. Each agrees with the long way.
- Date lines need the separator between their year and month (common's ``date-line``:
  年 / . ． -; assembly's ``date`` and ``date-later``: 年), assembly's ``spaced-field`` a
  character every key of it holds (場 or 日): every match holds one.
- The survey reads nothing of a text that holds none of ◎ ◆ ◇ ■ □ (its lines start with
  one): it finds what reading the lines finds.
- ``dates.parse_time`` reads the first clock's time without the words around it (which only
  give a range's start or end): the time the first clock of ``_clocks`` gives.
- The speech guard reads its match's groups by their numbers: it says what it said reading
  them by name.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Literal

import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import dates, tokenize
from gijiroku.blocks import BlockKind
from gijiroku.formats import FORMATS, assembly, common
from gijiroku.formats.base import Context, Rule
from gijiroku.names import position_suffix
from gijiroku.normalize import compact, memo_scope
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


# -- rows of titles and names -------------------------------------------------------------------


@given(st.text(alphabet=" \u3000ほか他外以上\n山田", max_size=10))
def test_the_list_tail_is_found_as_the_pattern_finds_it(text: str) -> None:
    assert assembly._has_list_tail(text) == bool(assembly._LIST_TAIL_RE.search(text)), text


def _title_goes_on_the_long_way(title: str, name: str) -> int:
    tokens = list(regex.finditer(r"[^ \u3000]+", name))
    if len(tokens) < 2:
        return 0
    joined, best = compact(title), 0
    left = sum(token.end() - token.start() for token in tokens)
    for token in tokens[:-1]:
        word = token.group()
        joined += word
        left -= len(word)
        if left < 2:
            break
        suffix = position_suffix(joined)
        if suffix is not None and joined.endswith(suffix):
            best = token.end()
    return best


def _is_title_row_the_long_way(match: regex.Match[str], ctx: Context) -> bool:
    if ctx.mode != "roster" or assembly._LIST_TAIL_RE.search(match["entries"]):
        return False
    return not all(
        position_suffix(name) == name
        for name in (compact(m["name"]) for m in assembly.ROLE_ENTRY_RE.finditer(match["entries"]))
    )


def _role_entries_the_long_way(text: str) -> list[tuple[int, int, dict[str, str]]]:
    found = []
    for match in assembly.ROLE_ENTRY_RE.finditer(text):
        groups = {k: v for k, v in match.groupdict().items() if v}
        cut = _title_goes_on_the_long_way(match["title"], match["name"])
        if cut:
            name_at = match.start("name")
            groups["title"] = text[match.start("title") : name_at + cut]
            groups["name"] = text[name_at + cut : match.end("name")].lstrip(" \u3000")
        found.append((match.start(), match.end(), groups))
    return found


def _assert_row_alike(line: str) -> bool:
    match = assembly.ROLE_ROW_RE.fullmatch(line)
    if match is None:
        return False
    for mode in ("roster", None):
        ctx = Context(mode=mode)
        assert assembly._is_title_row(match, ctx) == _is_title_row_the_long_way(match, ctx), line
    entries = [entry[:3] for entry in assembly._role_entries(match["entries"])]
    assert entries == _role_entries_the_long_way(match["entries"]), line
    for entry in assembly.ROLE_ENTRY_RE.finditer(match["entries"]):
        title, name = entry["title"], entry["name"]
        assert assembly._title_goes_on(title, name) == _title_goes_on_the_long_way(title, name)
    return True


def test_every_sample_row_of_titles_reads_as_the_long_way() -> None:
    rows = 0
    for path in sample_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.strip(" \u3000\t")
            if line:
                rows += _assert_row_alike(line)
                with memo_scope():  # (the guard and the split share the row's entries)
                    _assert_row_alike(line)
    assert rows > 20


_ROW_ALPHABET = "まちづくり課長部副市議会事務局次森沢亜土田畑浩文君ほか　 "


@given(st.text(alphabet=_ROW_ALPHABET, min_size=3, max_size=30))
def test_made_up_rows_of_titles_read_as_the_long_way(line: str) -> None:
    with memo_scope():
        _assert_row_alike(line.strip(" \u3000"))
    _assert_row_alike(line.strip(" \u3000"))


@given(
    st.text(alphabet="課長部副市森沢亜土田君", min_size=1, max_size=6),
    st.text(alphabet="課長部局次議員森沢亜土田畑浩　 ", min_size=1, max_size=16),
)
def test_a_title_goes_on_into_the_name_as_the_long_way_says(title: str, name: str) -> None:
    assert assembly._title_goes_on(title, name) == _title_goes_on_the_long_way(title, name)


# -- the speech guard ---------------------------------------------------------------------------


def _is_speech_by_names(match: regex.Match[str], ctx: Context) -> bool:
    core, found, shape = assembly._speech_label(match["label"])
    if found is not None:
        if found == "date":
            return False
        text = match["text"]
        if not (text and position_suffix(core) and not assembly._COUNT_RE.match(compact(text))):
            return False
    if shape is None or (ctx.indent > 0 and shape != "name"):
        return False
    mark = match["mark"]
    if mark in assembly.EITHER_MARKS:
        if assembly.HEADING_PHRASE_RE.search(core):
            return False
        return ctx.document.get(mark) == "speaker" or (shape == "name" and bool(match["text"]))
    return True


def test_the_speech_guard_reads_the_groups_as_by_their_names() -> None:
    said = {True: 0, False: 0}
    documents: tuple[dict[str, str], ...] = ({}, {"◎": "speaker", "◆": "speaker"}, {"◎": "heading"})
    for path in sample_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            for text in (line.strip(" \u3000\t"), "◎" + line.strip(" \u3000\t")[1:]):
                match = assembly.SPEECH_RE.fullmatch(text) if text else None
                if match is None:
                    continue
                for document, indent in itertools.product(documents, (0, 2)):
                    ctx = Context(region="body", indent=indent, document=document)
                    said[assembly._is_speech(match, ctx)] += 1
                    assert assembly._is_speech(match, ctx) == _is_speech_by_names(match, ctx)
    assert said[True] > 100
    assert said[False] > 100


# -- what date lines and spaced fields need -----------------------------------------------------


def test_the_date_and_field_rules_name_what_they_need() -> None:
    assert _rule("spaced-field", "header_rules").needs == assembly.SPACED_KEY_CHARS
    assert _rule("date", "header_rules").needs == "年"
    assert _rule("date-later", "header_rules").needs == "年"
    date_lines = [
        rule
        for fmt in FORMATS.values()
        for rule in fmt.header_rules
        if rule.pattern is common.DATE_LINE_RE
    ]
    assert date_lines
    assert all(rule.needs == common.DATE_SEPARATORS for rule in date_lines)


_NEEDS = (
    (common.DATE_LINE_RE, common.DATE_SEPARATORS),
    (assembly.DATE_LINE_RE, "年"),
    (assembly.SPACED_FIELD_RE, assembly.SPACED_KEY_CHARS),
)


def _assert_holds_what_it_needs(text: str) -> int:
    matched = 0
    for pattern, needs in _NEEDS:
        if pattern.fullmatch(text) is not None:
            matched += 1
            assert any(char in text for char in needs), (pattern.pattern[:30], text)
    return matched


def test_every_sample_date_line_and_field_holds_what_it_needs() -> None:
    matched = 0
    for path in sample_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            matched += _assert_holds_what_it_needs(line.strip(" \u3000\t"))
    assert matched > 20


@given(
    st.text(
        alphabet="令和平成元１２０2四年月日/.．-（）(） 　時分開催招集の場所会議議場第一、・",
        max_size=24,
    )
)
def test_made_up_date_lines_and_fields_hold_what_they_need(text: str) -> None:
    _assert_holds_what_it_needs(text)


@given(
    st.sampled_from(
        [
            "招集年月日",
            "開催年月日",
            "開会日時",
            "招集の場所",
            "開催場所",
            "会議の場所",
            "開催日時",
            "開催日",
            "場所",
        ]
    ),
    st.sampled_from(["", "1.", "２、"]),
    st.sampled_from([" ", "　", "　　"]),
)
def test_every_spaced_key_holds_what_the_rule_needs(key: str, number: str, space: str) -> None:
    spaced = space.join(key)
    for text in (number + key + space + "令和６年", number + spaced + "　" + "議場"):
        assert assembly.SPACED_FIELD_RE.fullmatch(text) is not None, text
        assert _assert_holds_what_it_needs(text) >= 1


# -- the survey ---------------------------------------------------------------------------------


def test_the_survey_of_every_sample_is_the_lines_survey() -> None:
    marked = 0
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        assert assembly.survey(text) == assembly._survey_lines(text), path.name
        marked += bool(assembly.survey(text))
    assert marked > 0


@given(st.text(alphabet="◎◆◇■□○市長（大泉潤）会期の決定 　\n\r山田", max_size=40))
def test_the_survey_of_made_up_text_is_the_lines_survey(text: str) -> None:
    assert assembly.survey(text) == assembly._survey_lines(text)
    if not any(mark in text for mark in assembly.EITHER_MARKS):
        assert assembly.survey(text) == {}


# -- a clock's time ------------------------------------------------------------------------------


def _parse_time_the_long_way(text: str) -> str | None:
    return next((clock.text() for clock in dates._clocks(text)), None)


def test_every_sample_line_gives_the_time_of_its_first_clock() -> None:
    timed = 0
    for path in sample_paths():
        for line in path.read_text(encoding="utf-8").splitlines():
            assert dates.parse_time(line) == _parse_time_the_long_way(line), line
            timed += dates.parse_time(line) is not None
    assert timed > 20


@given(st.text(alphabet="午前後正十一二三〇零０１２９5:：時分半開会休憩から～ 　", max_size=16))
def test_made_up_text_gives_the_time_of_its_first_clock(text: str) -> None:
    assert dates.parse_time(text) == _parse_time_the_long_way(text)


def test_times_on_examples() -> None:
    assert dates.parse_time("（午後\u3000１時３３分\u3000再開）") == "13:33"
    assert dates.parse_time("一時休憩") is None  # (for a while, not one o'clock)
    assert dates.parse_time("一時休憩、午後一時開会") == "13:00"
    assert dates.parse_time("正午") == "12:00"
