"""The families' records read with shortcuts equal the long way: summary items share the
records of ownerless items, a paragraph's kind is chosen before the record is made, and a
heading without a parenthesis is not searched for a presenter or tags.

Checked on every line of the bundled samples and on generated text.
"""

from __future__ import annotations

import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from gijiroku.blocks import BlockMeta, HeaderName, ItemMeta, SectionMeta
from gijiroku.formats import base, summary
from gijiroku.normalize import clean_text, compact, memo_scope

from .conftest import SAMPLES, sample_paths


def _sample_lines() -> tuple[str, ...]:
    """Every distinct non-blank line of the bundled samples (and of their README)."""
    lines: set[str] = set()
    for path in [*sample_paths(), SAMPLES / "README.md"]:
        lines.update(line for line in path.read_text("utf-8").splitlines() if line.strip())
    return tuple(sorted(lines))


def _item_the_long_way(text: str, kind: str | None = None) -> ItemMeta:
    kind = kind or summary._item_kind(text)
    heads = kind == "todo" and bool(summary._TODO_ONLY_RE.match(clean_text(text)))
    return ItemMeta(kind=kind, owner=summary._owner(text), heads_kind=heads)


def _paragraph_the_long_way(text: str) -> BlockMeta:
    meta = _item_the_long_way(text)
    return dataclasses.replace(meta, kind="paragraph") if meta.kind == "bullet" else meta


def _heading_the_long_way(groups: dict[str, str]) -> SectionMeta:
    title = groups.get("title", "").strip()
    level = len(groups.get("hashes", "#"))
    found = list(summary._META_GROUP_RE.finditer(title))
    for meta in reversed(found):
        if not summary._AFTER_META_RE.fullmatch(title[meta.end() :].strip()):
            break
        parts = [p.strip() for p in summary._LIST_SEPARATOR_RE.split(meta["meta"]) if p.strip()]
        tags = [p for p in parts if summary._TAG_RE.match(p)]
        people = [p for p in parts if p not in tags and summary.NAME_TOKEN_RE.match(p)]
        if tags or (people and len(people) == len(parts)):
            return SectionMeta(
                level=level,
                title=title[: meta.start()].strip(),
                owner=", ".join(people) or None,
                tags=tuple(tags),
            )
    return SectionMeta(level=level)


def _assert_items_read_as_the_long_way(text: str) -> None:
    groups = {"text": text}
    assert summary._bullet(groups) == _item_the_long_way(text), text
    assert summary._todo_item(groups) == _item_the_long_way(text, "todo"), text
    assert summary._decision_item(groups) == _item_the_long_way(text, "decision"), text
    assert summary._paragraph(groups) == _paragraph_the_long_way(text), text


_ITEM_ALPHABET = "()（）)担当:：決定承認合意とした するまっ未定?TODOtodo宿題*  abcテスト、,[]htp/\n"
_ITEMS = st.text(alphabet=_ITEM_ALPHABET, max_size=40)


@given(_ITEMS)
def test_an_items_record_is_made_as_the_long_way(text: str) -> None:
    with memo_scope():
        _assert_items_read_as_the_long_way(text)


def test_items_and_headings_of_the_samples_read_as_the_long_way() -> None:
    kinds: set[str] = set()
    owned = sectioned = 0
    with memo_scope():
        for line in _sample_lines():
            item = summary.ITEM_RE.fullmatch(line.strip())
            text = (item["text"] or "") if item is not None else line
            _assert_items_read_as_the_long_way(text)
            meta = summary._paragraph({"text": text})
            assert isinstance(meta, ItemMeta)
            kinds.add(meta.kind)
            owned += meta.owner is not None
            heading = summary.HEADING_RE.fullmatch(line.strip())
            if heading is not None:
                groups = {k: v for k, v in heading.groupdict().items() if v is not None}
                section = summary._heading_meta(groups)
                assert section == _heading_the_long_way(groups), line
                sectioned += isinstance(section, SectionMeta) and section.owner is not None
    assert kinds == {"todo", "decision", "paragraph"}
    assert owned > 0
    assert sectioned > 0


def test_an_empty_todo_heads_its_bullets_and_shares_no_owner() -> None:
    meta = summary._bullet({"text": "**TODO**:"})
    assert meta == ItemMeta(kind="todo", heads_kind=True)
    owned = summary._bullet({"text": "解散しました(terada"})
    assert owned == ItemMeta(kind="bullet", owner="terada")
    assert summary._paragraph({"text": "解散しました(terada"}) == ItemMeta(
        kind="paragraph", owner="terada"
    )
    said = summary._bullet({"text": "sano) 来年もやります"})
    assert (
        said == ItemMeta(kind="bullet", owner="sano") == _item_the_long_way("sano) 来年もやります")
    )
    assigned = summary._bullet({"text": "会場を押さえる 担当：kobatomo"})
    assert assigned == ItemMeta(kind="bullet", owner="kobatomo")


_HEADING_ALPHABET = "#  ()（）、,高報告nishimotz山田2025年PyCon"


@given(st.integers(1, 6), st.text(alphabet=_HEADING_ALPHABET, max_size=30))
def test_a_headings_record_is_made_as_the_long_way(level: int, title: str) -> None:
    groups = {"hashes": "#" * level, "title": title}
    assert summary._heading_meta(groups) == _heading_the_long_way(groups)


def _mode_the_long_way(title: str) -> str | None:
    title = title.strip()
    if summary.TODO_HEADING_RE.match(title):
        return "todo"
    if summary.DECISION_HEADING_RE.match(title):
        return "decision"
    return None


_MODE_TITLES = st.text(
    alphabet="tToOdDaAcCiInNsS 宿題アクションイテム次回までに課決定事項議論結", max_size=14
)


def _mode_of(title: str) -> str | None:
    match = summary.HEADING_RE.fullmatch(f"## {title}")
    assert match is not None
    return summary._mode_after_heading(match)


@given(
    st.one_of(_MODE_TITLES, st.sampled_from(["Todo", "TO DO", "Action Items", "決定事項", "結論"]))
)
def test_a_headings_mode_is_found_as_the_long_way(title: str) -> None:
    if title.strip() and not title.startswith(" "):
        assert _mode_of(title) == _mode_the_long_way(title)


def test_every_mode_heading_starts_with_a_listed_character() -> None:
    titles = {
        "todo": ["todo", "TODO", "To Do", "宿題", "アクション", "アクションアイテム", "action items",
                 "ACTION ITEM", "次回まで", "次回までに", "課題"],
        "decision": ["決定事項", "決議事項", "決議", "結論", "決定"],
    }  # fmt: skip
    for mode, listed in titles.items():
        for title in listed:
            assert _mode_of(title) == mode == _mode_the_long_way(title), title
    for line in _sample_lines():
        heading = summary.HEADING_RE.fullmatch(line.strip())
        if heading is not None:
            assert summary._mode_after_heading(heading) == _mode_the_long_way(heading["title"])


def _field_name_the_long_way(key: str) -> object:
    bare = base._PAREN_RE.sub("", compact(key))
    bare = base._NUMBERING_RE.sub("", bare)
    if bare in base.HEADER_FIELD_NAMES:
        return base.HEADER_FIELD_NAMES[bare]
    if "欠席" in bare:
        return HeaderName.ABSENTEES
    if "出席" in bare or bare.endswith("参加者"):
        return HeaderName.ATTENDEES
    return None


_KEYS = st.text(alphabet="()（）0123456789.．、 　日時場所出席者欠席参加委員記録", max_size=14)


@given(_KEYS)
def test_a_header_keys_name_is_found_as_the_long_way(key: str) -> None:
    assert base.header_field_name(key) == _field_name_the_long_way(key)


def test_header_keys_of_the_samples_are_named_as_the_long_way() -> None:
    named = 0
    for key in [
        "1.日時", "（1）出席者", "出席者（委員／五十音順）", "(2)場所", "日 時", "3．欠席者",
        *(line[:12] for line in _sample_lines()),
    ]:  # fmt: skip
        name = base.header_field_name(key)
        assert name == _field_name_the_long_way(key), key
        named += name is not None
    assert named >= 6
