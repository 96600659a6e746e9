"""The summary family's shortcuts (issue 13) give what the long way gives.

Each shortcut of ``formats/summary.py`` is checked against the plain computation it replaces,
kept here as the reference: the owner of an item read without the owner patterns' searches,
the heading's record, and the item pattern written with fewer alternatives.
"""

from __future__ import annotations

from collections.abc import Mapping

import regex
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku.blocks import SectionMeta
from gijiroku.formats import summary
from gijiroku.formats.summary import (
    ASSIGNEE_RE,
    CLOSED_OWNER_RE,
    HEADER_RULES,
    LINK_RE,
    NAME_TOKEN_RE,
    OPEN_OWNER_RE,
    SAID_BY_RE,
)


def reference_owner(text: str) -> str | None:
    """``summary._owner`` the long way: each owner pattern searched in turn."""
    bare = LINK_RE.sub("", text).strip()
    for pattern in (OPEN_OWNER_RE, CLOSED_OWNER_RE, SAID_BY_RE, ASSIGNEE_RE):
        match = pattern.search(bare)
        if match is None:
            continue
        tokens = [t.strip() for t in regex.split(r"[、,，]", match["who"]) if t.strip()]
        if tokens and all(NAME_TOKEN_RE.match(t) for t in tokens):
            return ", ".join(tokens)
    return None


#: Characters the owner patterns and the link pattern turn on, and a few others.
OWNER_ALPHABET = st.sampled_from(
    [
        *"()（）、,， \u3000\t\nab_.-Z9担当:：[]<>httpsw/さん先生佐藤回案",
        *("terada", "sano", "http://x", "](u)", "担当：", "https://a.b"),
    ]
)
owner_texts = st.lists(OWNER_ALPHABET, max_size=24).map("".join)


@given(owner_texts)
def test_owner_is_the_reference(text: str) -> None:
    assert summary._owner(text) == reference_owner(text)


@given(st.text(max_size=80))
def test_owner_is_the_reference_on_any_text(text: str) -> None:
    assert summary._owner(text) == reference_owner(text)


def test_owner_examples() -> None:
    assert summary._owner("解散しました(terada") == "terada"
    assert summary._owner("ルール考えて提案する(sano, takanory") == "sano, takanory"
    assert summary._owner("確認した（佐藤さん）") == "佐藤さん"
    assert summary._owner("sano) 会計の件") == "sano"
    assert summary._owner("担当：kobatomo") == "kobatomo"
    assert summary._owner("12月9日(21:00-)に行う") is None
    assert summary._owner("[資料](https://example.com/a(b)") is None
    # the text after the last parenthesis has at most 60 characters
    assert summary._owner("x(" + "a" * 30) == "a" * 30
    assert summary._owner("x(" + "a" * 61) is None


def test_open_and_closed_owner_are_the_patterns() -> None:
    for bare in ("a(b", "a(b)", "(b)", "a（b）c", "a(" + "b" * 60, "a(" + "b" * 61, "()", "(", ")"):
        for way, pattern in ((summary._open_owner, OPEN_OWNER_RE),
                             (summary._closed_owner, CLOSED_OWNER_RE)):  # fmt: skip
            match = pattern.search(bare)
            assert way(bare) == (match["who"] if match else None), (bare, pattern.pattern)


# -- needs ------------------------------------------------------------------------------------


def test_every_field_key_holds_a_character_the_field_rules_need() -> None:
    for key in summary.FIELD_KEYS.split("|"):
        assert any(char in key for char in summary.FIELD_KEY_NEEDS), key


def test_every_attendees_title_holds_a_character_the_heading_needs() -> None:
    words = regex.search(r"\(\?:([^)]*)\)", summary.ATTENDEES_HEADING_RE.pattern)
    assert words is not None
    for word in words[1].split("|"):
        assert summary.ATTENDEES_HEADING_RE.match(word), word
        assert any(char in word for char in summary.ATTENDEES_HEADING_NEEDS), word


_HEADER_WORDS = st.sampled_from(
    [
        *"#* \u3000:：,、()（）ab日時場参出欠記書メ一覧者加席",
        "参加者",
        "出席",
        "メンバー",
        "日時",
        "書記",
    ]
)


@given(st.lists(_HEADER_WORDS, max_size=12).map("".join))
def test_the_summary_rules_are_tried_whenever_they_could_apply(text: str) -> None:
    """A text a field, attendees-heading or roster-group rule could take holds what it needs."""
    rules = {rule.name: rule for rule in HEADER_RULES}
    for name in ("attendees-field", "field", "roster-group"):
        if rules[name].pattern.fullmatch(text):
            assert any(char in text for char in rules[name].needs), (name, text)
    heading = rules["attendees-heading"]
    match = heading.pattern.fullmatch(text)
    if match and summary.ATTENDEES_HEADING_RE.match(match["key"].strip()):
        assert any(char in text for char in heading.needs), text


_MODE_TITLES = ("todo", "ToDo", "to do", "Action Items", "アクションアイテム", "宿題", "次回までに")
_HEADING_WORDS = st.sampled_from(
    [
        *"# \u3000()（）xyz決結宿ア次課",
        *_MODE_TITLES,
        "課題",
        "決定事項",
        "決議",
        "結論",
        "メンバー",
    ]
)


@given(st.lists(_HEADING_WORDS, max_size=8).map("".join))
def test_the_heading_rules_are_tried_whenever_they_could_apply(text: str) -> None:
    rules = {rule.name: rule for rule in HEADER_RULES}
    match = summary.HEADING_RE.fullmatch(text)
    if match is None:
        return
    for name, mode in (("heading-todo", "todo"), ("heading-decision", "decision")):
        if summary._mode_after_heading(match) == mode:
            assert any(char in text for char in rules[name].needs), (name, text)


def test_the_mode_headings_hold_what_their_rules_need() -> None:
    rules = {rule.name: rule for rule in HEADER_RULES}
    for title, name in (
        ("TODO", "heading-todo"),
        ("to do", "heading-todo"),
        ("Action Items", "heading-todo"),
        ("宿題", "heading-todo"),
        ("次回までに", "heading-todo"),
        ("課題", "heading-todo"),
        ("アクションアイテム", "heading-todo"),
        ("決定事項", "heading-decision"),
        ("結論", "heading-decision"),
    ):
        match = summary.HEADING_RE.fullmatch(f"## {title}")
        assert match is not None
        assert summary._mode_after_heading(match) == name.removeprefix("heading-")
        assert any(char in title for char in rules[name].needs), title


# -- headings ---------------------------------------------------------------------------------

_REFERENCE_TAG_RE = summary._TAG_RE


def test_the_tags_are_the_words_of_the_tag_pattern() -> None:
    words = _REFERENCE_TAG_RE.pattern.removeprefix("^(?:").removesuffix(")$").split("|")
    assert frozenset(words) == summary._TAGS


def reference_heading_meta(groups: Mapping[str, str]) -> SectionMeta:
    """``summary._heading_meta`` the long way: every meta group read with the patterns."""
    title = groups.get("title", "").strip()
    level = len(groups.get("hashes", "#"))
    for meta in reversed(list(summary._META_GROUP_RE.finditer(title))):
        if not summary._AFTER_META_RE.fullmatch(title[meta.end() :].strip()):
            break
        parts = [p.strip() for p in regex.split(r"[、,，]", meta["meta"]) if p.strip()]
        tags = [p for p in parts if _REFERENCE_TAG_RE.match(p)]
        people = [p for p in parts if p not in tags and NAME_TOKEN_RE.match(p)]
        if tags or (people and len(people) == len(parts)):
            return SectionMeta(
                level=level,
                title=title[: meta.start()].strip(),
                owner=", ".join(people) or None,
                tags=tuple(tags),
            )
    return SectionMeta(level=level)


_TITLE_WORDS = st.sampled_from(
    [
        *"()（）、,， \u3000\nx高中低",
        "報告",
        "相談",
        "terada",
        "sano",
        "佐藤さん",
        "12/8更新",
        " 報告",
    ]
)


@given(st.lists(_TITLE_WORDS, max_size=14).map("".join), st.integers(1, 6))
def test_heading_meta_is_the_reference(title: str, level: int) -> None:
    groups = {"hashes": "#" * level, "title": title}
    assert summary._heading_meta(groups) == reference_heading_meta(groups)


def test_heading_meta_examples() -> None:
    meta = summary._heading_meta({"hashes": "###", "title": "PyCon JP 2025(nishimotz、高、報告)"})
    assert meta == SectionMeta(
        level=3, title="PyCon JP 2025", owner="nishimotz", tags=("高", "報告")
    )
    meta = summary._heading_meta(
        {"hashes": "##", "title": "遠方支援(shimizukawa、低、共有)（12/8更新）"}
    )
    assert meta == SectionMeta(level=2, title="遠方支援", owner="shimizukawa", tags=("低", "共有"))
    assert summary._heading_meta({"hashes": "##", "title": "(2) 6月定例会について"}) == SectionMeta(
        level=2
    )


# -- the parser's items -----------------------------------------------------------------------

NOTES = """* 前置きの点(terada
# 会議 2025年1月1日

## 議題(terada、高、報告)
* 一つ目(sano
  続きの行
* TODO:
  * 資料を作る(sano
* 二つ目
    * 入れ子
## 次の議題
本文の段落
"""


def test_items_nest_join_and_take_their_kinds() -> None:
    minutes = gijiroku.parse(NOTES, format="summary")
    found = [
        (s.kind, s.title, [(i.kind, i.text, i.owner, i.depth) for i in s.items])
        for s in minutes.sections
    ]
    assert found == [
        ("preamble", "", [("bullet", "前置きの点(terada", "terada", 0)]),
        (
            "heading",
            "議題",
            [
                ("bullet", "一つ目(sano\n続きの行", "sano", 0),
                ("todo", "TODO:", None, 0),
                ("todo", "資料を作る(sano", "sano", 1),
                ("bullet", "二つ目", None, 0),
                ("bullet", "入れ子", None, 1),
            ],
        ),
        ("heading", "次の議題", [("paragraph", "本文の段落", None, 0)]),
    ]
    spans = [i.span for s in minutes.sections for i in s.items]
    joined = minutes.sections[1].items[0].span
    assert NOTES[joined.start : joined.end] == "* 一つ目(sano\n  続きの行"
    assert all(NOTES[span.start : span.end].strip() for span in spans)


# -- detection --------------------------------------------------------------------------------

_LINE_CHARS = st.sampled_from(
    [*" \u3000\t*+-・●◦▪■□09０９（()）.．)#=~^○◯ab。た", "された。", "承認した。", "報告があった。"]
)


@given(st.lists(_LINE_CHARS, min_size=1, max_size=12).map("".join))
def test_the_detection_gates_pass_every_line_the_patterns_take(line: str) -> None:
    if summary._BULLET_START_RE.match(line):
        assert line[0] in summary._BULLET_FIRSTS, line
    if summary._REPORTED_RE.search(line):
        assert "た。" in line, line


def test_the_bullet_firsts_are_the_first_characters_of_a_bullet_line() -> None:
    """(none is there in vain: each starts a line that the pattern takes)"""
    for first in summary._BULLET_FIRSTS:
        if first in " \u3000\t":
            line = f"{first}* 点"
        elif first in "（(":
            line = f"{first}1) 点"
        elif first.isdigit():
            line = f"{first}. 点"
        else:
            line = f"{first} 点"
        assert summary._BULLET_START_RE.match(line), repr(line)
