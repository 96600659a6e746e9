"""The shortcuts of cutting roster rows, splitting names and reading summary items (issue 13)
give what the long way gives.

Each shortcut is checked against the computation it replaces (kept here as it was), on every
line of the bundled samples and on generated text.
"""

from __future__ import annotations

import functools
from collections.abc import Collection

from hypothesis import given
from hypothesis import strategies as st

from gijiroku.formats import common, summary
from gijiroku.names import (
    DEPARTMENT_HEADS,
    DEPARTMENT_WORDS,
    OLD_FORMS,
    POSITION_WORDS,
    TITLE_END_CHARS,
    Evidence,
    Person,
    fold_variants,
    position_suffix,
    split_person,
    starts_with_department,
)
from gijiroku.normalize import compact, memo_scope
from gijiroku.rosters import (
    _HEADING_TITLES,
    _LIST_TAIL_RE,
    _may_end_with_tail,
    iter_row,
    may_hold_titles,
    split_row,
)

from .conftest import SAMPLES, sample_paths


@functools.cache
def _sample_lines() -> tuple[str, ...]:
    """Every distinct non-blank line of the bundled samples (and of their README, a table)."""
    lines: set[str] = set()
    for path in [*sample_paths(), SAMPLES / "README.md"]:
        lines.update(line for line in path.read_text("utf-8").splitlines() if line.strip())
    return tuple(sorted(lines))


#: Characters rows are made of: names, title words and their old forms, separators, colons,
#: parentheses, spaces, digits, head counts, Latin letters, half-width katakana.
_ROW_ALPHABET = (
    "山田太郎花子岩瀬遠藤佐藤鈴木"
    + "".join(POSITION_WORDS[::7])
    + "會與當國髙"
    + "、，,|｜:：（()）　 0１2名人以上ほか外他の各欠席出席"
    + "abcXYZｶﾞｰ"
)
_ROWS = st.text(alphabet=_ROW_ALPHABET, min_size=1, max_size=40)


# -- the tail of a list ---------------------------------------------------------------------


@given(_ROWS)
def test_a_list_tail_is_only_found_where_the_row_may_end_with_one(text: str) -> None:
    assert _LIST_TAIL_RE.search(text) is None or _may_end_with_tail(text)


def test_a_list_tail_is_only_found_where_the_row_may_end_with_one_in_the_samples() -> None:
    found = 0
    for line in _sample_lines():
        if _LIST_TAIL_RE.search(line) is not None:
            found += 1
            assert _may_end_with_tail(line), line
    assert found > 0  # the samples do print tails (ほか, 以上26名, （敬称略）)


@given(
    st.sampled_from(["以上26名", "以上", "ほか", "外", "他", "（敬称略）", "(14名)", "3名"]),
    st.sampled_from(["", " ", "\u3000\u3000", "\n", " \n"]),
)
def test_a_row_ending_with_a_tail_may_end_with_one(tail: str, after: str) -> None:
    text = f"山田太郎、鈴木花子 {tail}{after}"
    assert _LIST_TAIL_RE.search(text) is not None
    assert _may_end_with_tail(text)


# -- a row's entries one by one ---------------------------------------------------------------


def test_iter_row_gives_the_entries_of_split_row_on_the_samples() -> None:
    with memo_scope():
        for line in _sample_lines():
            assert list(iter_row(line)) == split_row(line), line


@given(_ROWS)
def test_iter_row_gives_the_entries_of_split_row(text: str) -> None:
    assert list(iter_row(text)) == split_row(text)


def _is_list_of_people_the_long_way(text: str) -> bool:
    """The people-list guard as it was: the whole row cut, then every entry judged."""
    if common.reads_as_speech(text) or not common._LIST_SEPARATOR_RE.search(text):
        return False
    row = split_row(text)
    if len(row) < 2 or not all(common._is_person(groups) for _, _, groups, _ in row):
        return False
    titled = sum(
        1
        for _, _, groups, _ in row
        if "title" in groups or position_suffix(compact(groups.get("person", ""))) is not None
    )
    return titled * 2 > len(row)


def _guard(text: str) -> bool:
    match = common.ROW_RE.fullmatch(text)
    assert match is not None
    return common._is_list_of_people(match, None)  # type: ignore[arg-type]


def test_the_people_list_guard_says_what_the_long_way_says_on_the_samples() -> None:
    said = {True: 0, False: 0}
    for line in _sample_lines():
        if "\n" in line:
            continue
        expected = _is_list_of_people_the_long_way(line)
        assert _guard(line) is expected, line
        said[expected] += 1
    assert said[True] > 0
    assert said[False] > 0


@given(_ROWS.filter(lambda t: "\n" not in t))
def test_the_people_list_guard_says_what_the_long_way_says(text: str) -> None:
    assert _guard(text) is _is_list_of_people_the_long_way(text)


# -- rows that can hold no title ---------------------------------------------------------------


def _entries_with_titles(text: str) -> list[dict[str, str]]:
    return [
        groups
        for _, _, groups, _ in split_row(text)
        if "title" in groups or position_suffix(compact(groups.get("person", ""))) is not None
    ]


@given(_ROWS)
def test_a_row_that_may_hold_no_title_has_no_entry_with_one(text: str) -> None:
    if not may_hold_titles(text):
        assert _entries_with_titles(text) == []


def test_a_row_that_may_hold_no_title_has_no_entry_with_one_in_the_samples() -> None:
    skipped = 0
    for line in _sample_lines():
        if not may_hold_titles(line):
            skipped += 1
            assert _entries_with_titles(line) == [], line
    assert skipped > 0


def test_a_title_after_no_title_word_is_seen() -> None:
    """の各 gives a title of any word (氏 is no title word)."""
    assert may_hold_titles("納所、保坂の各氏")
    assert _entries_with_titles("納所、保坂の各氏") == [
        {"person": "保坂", "each": "氏", "title": "氏"}
    ]


def test_title_end_chars_cover_every_title_as_cleaned_and_folded() -> None:
    for word in [*POSITION_WORDS, *_HEADING_TITLES]:
        assert word[-1] in TITLE_END_CHARS
    for old, new in OLD_FORMS.items():  # 會長 … 参與: an old form at a title's end
        if any(word.endswith(new) for word in POSITION_WORDS):
            assert old in TITLE_END_CHARS
    assert "ｰ" in TITLE_END_CHARS  # マネｰジャｰ is マネージャー once cleaned
    assert position_suffix("田中マネｰジャｰ") == "マネージャー"


@given(st.text(alphabet="abc 123、,|（）山田花子太郎ぁアカ國", max_size=30))
def test_a_text_without_title_end_chars_ends_with_no_title(text: str) -> None:
    if TITLE_END_CHARS.isdisjoint(text):
        assert position_suffix(text) is None


# -- names ----------------------------------------------------------------------------------


def _starts_with_department_the_long_way(text: str, words: frozenset[str]) -> bool:
    folded = fold_variants(text)
    lengths = sorted({len(w) for w in DEPARTMENT_WORDS}, reverse=True)
    return any(folded[:n] in words for n in lengths)


_NAME_ALPHABET = "総務企画政策消費者教育推進課長局部宮原外口山田國會髙藤委員議長子ども未来ようすけ"


@given(st.text(alphabet=_NAME_ALPHABET, max_size=12))
def test_starts_with_department_reads_the_first_characters_as_the_long_way(text: str) -> None:
    for words in (DEPARTMENT_WORDS, DEPARTMENT_HEADS):
        assert starts_with_department(text, words) is _starts_with_department_the_long_way(
            text, words
        )


@given(st.text(alphabet=_NAME_ALPHABET, min_size=1, max_size=12), st.booleans())
def test_empty_evidence_splits_as_no_evidence(text: str, run_together: bool) -> None:
    plain = split_person(text, run_together=run_together)
    nothings: list[Collection[str]] = [(), set(), frozenset(), [], Evidence()]
    for known in nothings:
        with memo_scope():
            assert split_person(text, known_titles=known, run_together=run_together) == plain


def _surname_cut_the_long_way(evidence: Evidence, folded: str) -> int | None:
    """:meth:`Evidence.surname_cut` as it was: every length of a name tried."""
    from gijiroku.names import _common_prefix, _reads_as_title_after_name

    names = {fold_variants(p.name): p for p in evidence.people}
    surnames = {fold_variants(p.surname) for p in evidence.people if p.surname}
    for n in range(min(len(folded) - 1, 10), 1, -1):
        if folded[:n] in names and _reads_as_title_after_name(folded[n:]):
            return n
    cuts = {
        k
        for k in range(1, min(len(folded), 4 + 1))
        if folded[:k] in surnames and _reads_as_title_after_name(folded[k:])
    }
    for person in evidence.people:
        if person.surname or fold_variants(person.name)[:2] != folded[:2]:
            continue
        cut = _common_prefix(folded, fold_variants(person.name))
        rest = folded[cut:]
        if _reads_as_title_after_name(rest) and position_suffix(rest) == position_suffix(
            person.title or rest
        ):
            cuts.add(cut)
    return cuts.pop() if len(cuts) == 1 else None


_PEOPLE = [
    Person("中村紀雄", surname="中村"),
    Person("中村", surname="中村"),
    Person("荒井俊之", title="施設担当部長"),
    Person("日下部一郎", surname="日下部"),
    Person("林", surname="林"),
    Person("佐藤花子"),
    Person("髙橋一二三四五六", surname="髙橋"),
    Person("中村"),
    Person("中", surname="中"),
]


@given(
    st.lists(st.sampled_from(_PEOPLE), max_size=5),
    st.sampled_from(
        [
            "中村紀雄委員",
            "中村委員",
            "荒井スポーツ振興局施設担当部長",
            "日下部委員",
            "林委員",
            "佐藤議員",
            "高橋一二三四五六委員",
            "高橋部長",
            "ようすけ委員",
            "中",
            "",
        ]
    ),
)
def test_surname_cut_looks_at_the_lengths_known_as_the_long_way(
    people: list[Person], label: str
) -> None:
    evidence = Evidence(people=people)
    folded = fold_variants(label)
    assert evidence.surname_cut(folded) == _surname_cut_the_long_way(evidence, folded)


# -- summary items --------------------------------------------------------------------------


def test_surname_cut_prefers_a_short_full_name() -> None:
    """A full name of two characters wins over a surname of one (中村委員: 中村, not 中)."""
    evidence = Evidence(people=[Person("中村"), Person("中", surname="中")])
    assert evidence.surname_cut("中村委員") == 2 == _surname_cut_the_long_way(evidence, "中村委員")


@given(st.sampled_from(["山田", "林", "佐々木一郎", ""]), st.booleans())
def test_a_known_title_after_a_name_is_cut(name: str, run_together: bool) -> None:
    """A title the document prints alone (ほげ部長, no department word) after a name."""
    label = f"{name}ほげ部長"
    expected = (name, "ほげ部長") if 1 <= len(name) <= 5 else (None, "ほげ部長")
    assert split_person(label, known_titles={"ほげ部長"}, run_together=run_together) == expected
    if name:
        assert split_person(label, run_together=False) == (None, label)


def _owner_the_long_way(text: str) -> str | None:
    bare = summary.LINK_RE.sub("", text).strip()
    for pattern in (
        summary.OPEN_OWNER_RE,
        summary.CLOSED_OWNER_RE,
        summary.SAID_BY_RE,
        summary.ASSIGNEE_RE,
    ):
        match = pattern.search(bare)
        if match is None:
            continue
        tokens = [t.strip() for t in summary._LIST_SEPARATOR_RE.split(match["who"]) if t.strip()]
        if tokens and all(summary.NAME_TOKEN_RE.match(t) for t in tokens):
            return ", ".join(tokens)
    return None


def _item_kind_the_long_way(text: str) -> str:
    if summary.TODO_RE.search(text):
        return "todo"
    if summary.DECISION_RE.search(text) and not summary.NOT_DECIDED_RE.search(text):
        return "decision"
    return "bullet"


_ITEM_ALPHABET = "()（）)担当:：決定承認合意とした するまっ未定?TODOtodo宿題 abcテスト、,[]htp/\n"
_ITEMS = st.text(alphabet=_ITEM_ALPHABET, max_size=40)


@given(_ITEMS)
def test_an_items_owner_is_found_as_the_long_way(text: str) -> None:
    assert summary._owner(text) == _owner_the_long_way(text)


@given(_ITEMS)
def test_an_items_kind_is_found_as_the_long_way(text: str) -> None:
    assert summary._item_kind(text) == _item_kind_the_long_way(text)


def test_items_in_the_samples_read_as_the_long_way() -> None:
    kinds: set[str] = set()
    owners = 0
    for line in _sample_lines():
        item = summary.ITEM_RE.fullmatch(line.strip())
        line = (item["text"] or "") if item is not None else line
        kinds.add(summary._item_kind(line))
        assert summary._item_kind(line) == _item_kind_the_long_way(line), line
        owner = summary._owner(line)
        assert owner == _owner_the_long_way(line), line
        owners += owner is not None
    assert kinds == {"todo", "decision", "bullet"}
    assert owners > 0


@given(st.sampled_from(["とした", "とする"]), st.sampled_from(["", "\n"]))
def test_a_decision_at_the_end_of_the_text_is_seen(ending: str, newline: str) -> None:
    text = f"来年度も同じ形で開催すること{ending}{newline}"
    assert summary._item_kind(text) == "decision" == _item_kind_the_long_way(text)
