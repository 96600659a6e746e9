"""The parser's shortcuts (issue 13) give what the long way gives, and keep nothing from one
parse to the next: the memo of short strings lives for one parse only."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

import mojimoji
import pydantic
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import names, normalize, resolve
from gijiroku import notes as NOTES
from gijiroku.blocks import Pos
from gijiroku.models import Span, span_of
from gijiroku.names import Evidence, Person, fold_variants, position_suffix, split_person
from gijiroku.normalize import _clean, clean_line, clean_text, compact, memo_scope, memoized
from gijiroku.notes import INLINE_NOTE_RE, classify_note, find_inline_notes
from gijiroku.resolve import LabelParts, Resolution, Roster, analyze_label
from gijiroku.rosters import MemberDraft, split_row

from .conftest import sample_paths

_TEXTS = st.text(
    alphabet=st.sampled_from("林 山田\u3000太郎委員長議ｶﾞｷﾞＩＣＴ２0a\t\u200b（）〔〕拍手")
    | st.characters(),
    max_size=60,
)

# -- the memo of one parse --------------------------------------------------------------------


@given(st.lists(_TEXTS, max_size=8))
def test_clean_and_compact_in_a_scope_are_the_plain_computation(texts: list[str]) -> None:
    plain = [(_clean(t), normalize.WHITESPACE_RE.sub("", _clean(t))) for t in texts]
    with memo_scope():
        twice = [(clean_text(t), compact(t)) for t in texts + texts]
    assert twice == plain + plain
    assert [(clean_text(t), compact(t)) for t in texts] == plain


@given(st.lists(_TEXTS, max_size=8))
def test_a_line_cleans_as_clean_text_in_a_scope_and_outside(texts: list[str]) -> None:
    plain = [clean_text(t) for t in texts]
    with memo_scope():
        remembered = [clean_text(t) for t in texts]  # (the memo holds them: clean_line skips it)
        lines = [clean_line(t) for t in texts + texts]
    assert lines == remembered + remembered == plain + plain
    assert [clean_line(t) for t in texts] == plain


@given(st.lists(_TEXTS, max_size=8))
def test_name_splits_in_a_scope_are_the_plain_computation(texts: list[str]) -> None:
    plain = [(split_person(t, run_together=True), position_suffix(t)) for t in texts]
    with memo_scope():
        remembered = [(split_person(t, run_together=True), position_suffix(t)) for t in texts]
        again = [(split_person(t, run_together=True), position_suffix(t)) for t in texts]
    assert remembered == again == plain


def test_memoized_computes_once_in_a_scope_and_every_time_outside() -> None:
    calls: list[str] = []

    def upper(key: str) -> str | None:
        calls.append(key)
        return None if key == "none" else key.upper()

    assert memoized("test-upper", upper, "a") == "A"
    assert memoized("test-upper", upper, "a") == "A"
    assert calls == ["a", "a"]
    with memo_scope():
        assert [memoized("test-upper", upper, k) for k in ("b", "b", "none", "none")] == [
            "B",
            "B",
            None,
            None,
        ]
        with memo_scope():  # a parse inside a parse has its own memo
            assert memoized("test-upper", upper, "b") == "B"
    assert calls == ["a", "a", "b", "none", "b"]


def test_a_parse_leaves_no_memo_behind() -> None:
    assert normalize._MEMO.get() is None
    minutes = gijiroku.parse("座長 それでは始めます。\n林委員 賛成です。")
    assert [u.speaker.label for u in minutes.utterances] == ["座長", "林委員"]
    assert normalize._MEMO.get() is None
    gijiroku.tokenize("座長 それでは始めます。")
    assert normalize._MEMO.get() is None


def test_the_memo_ends_when_a_parse_fails() -> None:
    with pytest.raises(gijiroku.FormatNotFound):
        gijiroku.parse("座長 はい。", format="no-such-family")
    assert normalize._MEMO.get() is None


# -- prefilters -------------------------------------------------------------------------------


def _long_way(pattern: re.Pattern[str] | regex.Pattern[str]) -> regex.Pattern[str]:
    return regex.compile(pattern.pattern)


def _clean_the_long_way(text: str) -> str:
    """Every step of :func:`clean_text`, each one tried whatever the text holds, with the
    ``regex`` module throughout."""
    text = _long_way(normalize.ZERO_WIDTH_RE).sub("", text).replace("\t", " ")
    text = _long_way(normalize.HALF_WIDTH_KANA_RE).sub(
        lambda m: mojimoji.han_to_zen(m.group(), ascii=False, digit=False), text
    )
    text = _long_way(normalize.FULL_WIDTH_ALNUM_RE).sub(
        lambda m: mojimoji.zen_to_han(m.group(), kana=False), text
    )
    text = normalize.SPACE_BETWEEN_SCRIPTS_RE.sub("", text)
    text = _long_way(normalize.SPACE_RUN_RE).sub(" ", text)
    return text.strip(" \u3000\t")


@given(
    st.text(alphabet=st.sampled_from("議長 \u3000\t\u00a0\u200b\u00adｶﾞ｡２Ｚａa1。（"), max_size=40)
    | st.text(max_size=20)
)
def test_clean_text_is_every_step_tried(text: str) -> None:
    assert _clean(text) == _clean_the_long_way(text)
    assert clean_text(text * 3) == _clean_the_long_way(text * 3)


def test_the_sample_lines_clean_as_every_step_tried() -> None:
    lines = [line for path in sample_paths() for line in path.read_text("utf-8").splitlines()]
    assert len(lines) > 5000
    assert [_clean(line) for line in lines] == [_clean_the_long_way(line) for line in lines]


@given(st.text(alphabet=st.sampled_from("拍手）)〕［］【】起立 と呼ぶ者あり（(〔"), max_size=40))
def test_a_text_without_an_opening_bracket_holds_no_note(text: str) -> None:
    """The shortcut of find_inline_notes: no （, ( or 〔, no match of INLINE_NOTE_RE."""
    bare = text.translate({ord("（"): None, ord("("): None, ord("〔"): None})
    assert INLINE_NOTE_RE.search(bare) is None
    assert find_inline_notes(bare) == []


def test_inline_notes_are_found_in_running_text() -> None:
    found = find_inline_notes("賛成です。（拍手）〔「異議なし」と呼ぶ者あり〕(IT を活用できる)")
    assert [(n.kind, n.start, n.end) for n in found] == [("applause", 5, 9), ("voices", 9, 23)]


def _classify_the_long_way(note: str) -> str:
    """classify_note with every pattern compiled by ``regex``."""
    bare = note.strip().strip(NOTES._BRACKETS).strip()
    bare = NOTES._SPACES_RE.sub("", _long_way(NOTES._TIME_RE).sub("", bare)).strip("、。・:：")
    kinds = [(kind, regex.compile(pattern)) for kind, pattern in NOTES.NOTE_KINDS]
    return next((kind for kind, pattern in kinds if pattern.search(bare)), "other")


def _notes_the_long_way(text: str) -> list[tuple[str, int, int]]:
    """find_inline_notes with every pattern compiled by ``regex`` and no shortcut."""
    found = []
    for match in _long_way(INLINE_NOTE_RE).finditer(text):
        kind = _classify_the_long_way(match.group())
        if kind == "other" and match["b"] is None:
            continue
        if kind == "material" and not NOTES._is_whole_note(match["a"] or match["b"] or ""):
            continue
        found.append((kind, match.start(), match.end()))
    return found


def test_the_sample_lines_hold_the_notes_the_regex_module_finds() -> None:
    lines = [line for path in sample_paths() for line in path.read_text("utf-8").splitlines()]
    found = [[(n.kind, n.start, n.end) for n in find_inline_notes(line)] for line in lines]
    assert sum(map(len, found)) > 100
    assert found == [_notes_the_long_way(line) for line in lines]


@given(
    st.text(
        alphabet=st.sampled_from("拍手（）()〔〕起立時分午後１3:：３０開会散会休憩説明資料\n 　"),
        max_size=40,
    )
)
def test_notes_are_found_and_classified_as_the_regex_module_does(text: str) -> None:
    found = [(n.kind, n.start, n.end) for n in find_inline_notes(text)]
    assert found == _notes_the_long_way(text)
    assert classify_note(text) == _classify_the_long_way(text)


# -- spans made without the validator -----------------------------------------------------------


_OFFSETS = st.integers(min_value=-2, max_value=10**12) | st.booleans()


def _made(make: Callable[[], Span]) -> tuple[Span | None, object]:
    """The span ``make`` returns, or the errors it raises."""
    try:
        return make(), None
    except pydantic.ValidationError as error:
        return None, error.errors()


@given(_OFFSETS, _OFFSETS, _OFFSETS, _OFFSETS, st.none() | _OFFSETS)
def test_a_span_of_a_position_is_what_the_validator_makes(
    start: int, end: int, line_start: int, line_end: int, page: int | None
) -> None:
    pos = Pos(start, end, line_start, line_end, page)
    validated, failure = _made(
        lambda: Span(start=start, end=end, line_start=line_start, line_end=line_end, page=page)
    )
    made, made_failure = _made(lambda: span_of(pos))
    assert made_failure == failure
    if validated is None or made is None:
        assert made is validated is None
        return
    assert made == validated
    assert made.model_dump() == validated.model_dump()
    assert made.model_dump_json() == validated.model_dump_json()
    assert [type(v) for v in made.model_dump().values()] == [
        type(v) for v in validated.model_dump().values()
    ]
    assert hash(made) == hash(validated)
    assert made.model_fields_set == validated.model_fields_set
    with pytest.raises(pydantic.ValidationError):
        made.start = 1  # type: ignore[misc]  # frozen, as validated ones are


def test_a_span_made_first_in_a_fresh_process_serializes() -> None:
    code = (
        "import pickle; from gijiroku.models import span_of, Span; from gijiroku.blocks import Pos;"
        "s = span_of(Pos(1, 5, 1, 2, None)); print(s.model_dump_json());"
        "print(pickle.loads(pickle.dumps(s)) == Span(start=1, end=5, line_start=1, line_end=2))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [
        '{"start":1,"end":5,"line_start":1,"line_end":2,"page":null}',
        "True",
    ]


def test_the_character_sets_of_clean_text_are_its_patterns_classes() -> None:
    """clean_text picks its steps by the characters found: each set is its step's class."""
    every = [chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000]
    for chars, pattern in (
        (normalize._ZERO_WIDTH_CHARS, normalize.ZERO_WIDTH_RE),
        (normalize._HALF_WIDTH_KANA_CHARS, normalize.HALF_WIDTH_KANA_RE),
        (normalize._FULL_WIDTH_ALNUM_CHARS, normalize.FULL_WIDTH_ALNUM_RE),
    ):
        assert chars == {c for c in every if pattern.fullmatch(c)}
    work = {c for c in every if normalize._CLEAN_WORK_RE.fullmatch(c)}
    assert work == (
        normalize._ZERO_WIDTH_CHARS
        | normalize._HALF_WIDTH_KANA_CHARS
        | normalize._FULL_WIDTH_ALNUM_CHARS
        | normalize._SPACE_CHARS
    )


def test_folding_is_the_translation_of_every_old_form() -> None:
    """fold_variants translates only a text holding an old form: each one is found."""
    every = "".join(chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000)
    assert fold_variants(every) == every.translate(names._FOLD)
    for old, new in names.OLD_FORMS.items():
        assert fold_variants(f"米窪{old}務") == f"米窪{new}務"
    assert fold_variants("山田太郎") == "山田太郎"


# -- labels resolved once while the roster stays the same ---------------------------------------


def _fresh(roster: Roster, parts: LabelParts) -> tuple[LabelParts, Resolution | None]:
    """What the roster's label reading gives with nothing remembered."""
    return roster._resolve_label(parts)


def test_a_remembered_label_follows_the_acting_chair() -> None:
    roster = Roster(
        [
            MemberDraft("m1", "山田太郎", "委員長", surname="山田"),
            MemberDraft("m2", "佐藤花子", "理事", surname="佐藤"),
        ]
    )
    chair = analyze_label("委員長")
    assert roster.resolve_label(chair)[1] == Resolution("m1")
    roster.chair_change("〔委員長退席、理事佐藤花子君着席〕")
    assert roster.resolve_label(chair) == _fresh(roster, chair)
    assert roster.resolve_label(chair)[1] == Resolution("m2")
    roster.presides("委員長", "m2")  # the same chair again: nothing changes
    assert roster.resolve_label(chair)[1] == Resolution("m2")
    roster.presides("委員長", None)
    assert roster.resolve_label(chair)[1] == Resolution("m1")


def test_a_remembered_label_follows_new_members_and_evidence() -> None:
    evidence = Evidence()
    roster = Roster([MemberDraft("m1", "林太郎", "委員", surname="林")], evidence=evidence)
    label = analyze_label("奈良委員")
    assert roster.resolve_label(label)[1] == Resolution(None, "no member is called 奈良")
    roster.add(MemberDraft("m2", "奈良祥孝", "委員", surname="奈良"))
    assert roster.resolve_label(label)[1] == Resolution("m2")
    short = analyze_label("迫川委員長")
    before = roster.resolve_label(short)
    assert before[0].name == "迫川"
    evidence.add_person(Person("迫川高行", "迫川", "委員長"))
    after = roster.resolve_label(short)
    assert after == _fresh(roster, short)
    assert after[0].name == "迫川高行"


def test_labels_resolve_in_a_parse_as_with_nothing_remembered() -> None:
    """Every turn of the samples against a roster that remembers nothing."""
    original = Roster.resolve_label
    for path in sample_paths():
        text = path.read_text("utf-8")
        with_memo = gijiroku.parse(text)
        try:
            Roster.resolve_label = Roster._resolve_label  # type: ignore[method-assign]
            without = gijiroku.parse(text)
        finally:
            Roster.resolve_label = original  # type: ignore[method-assign]
        assert with_memo.to_json() == without.to_json()


def test_digits_alone_turn_half_width_in_one_pass_as_run_by_run() -> None:
    """clean_text converts a text whose only full-width letters are digits in one call of
    mojimoji that converts digits and nothing else."""
    every = "".join(chr(c) for c in range(0x30000) if not 0xD800 <= c < 0xE000)
    digits_only = mojimoji.zen_to_han(every, ascii=False, kana=False)
    assert [a for a, b in zip(every, digits_only, strict=True) if a != b] == list(
        "０１２３４５６７８９"
    )
    text = "令和６年５月１７日（金）午前１０時開会　議員２５名、資料Ａ"
    assert (
        clean_text(text)
        == _clean_the_long_way(text)
        == "令和6年5月17日（金）午前10時開会\u3000議員25名、資料A"
    )
    assert clean_text(text[:-2]) == _clean_the_long_way(text[:-2])


def test_a_row_cut_twice_in_a_parse_is_cut_alike_and_owned_by_each_caller() -> None:
    rows = [
        "委員長:星名建市、副委員長:安孫子哲",
        "委員長　　　迫川　高行　　　委員　　川端　宏明",
        "木 原 大 輔 重 信 元 子",
        "（説明員）：政策室長 冨田泰、北澤委員 事務局:冨田子ども家庭部長",
    ]
    plain = [split_row(row) for row in rows]
    assert [len(entries) for entries in plain] == [2, 2, 2, 3]
    with memo_scope():
        first = [split_row(row) for row in rows]
        first[0][0][2]["name"] = "changed"  # a caller's change stays its own
        again = [split_row(row) for row in rows]
    assert again == plain
    assert first[0][0][2]["name"] == "changed"


# -- patterns compiled with the standard re ----------------------------------------------------

_STANDARD_PATTERNS = {
    "names._ENDS_WITH_POSITION_RE": names._ENDS_WITH_POSITION_RE,
    "names._ANONYMOUS_RE": names._ANONYMOUS_RE,
    "names._PORTFOLIO_RE": names._PORTFOLIO_RE,
    "resolve._MARK_RE": resolve._MARK_RE,
    "resolve._PAREN_LABEL_RE": resolve._PAREN_LABEL_RE,
    "resolve._SEAT_RE": resolve._SEAT_RE,
    "resolve._SEAT_PREFIX_RE": resolve._SEAT_PREFIX_RE,
    "resolve._CHAIR_CHANGE_RE": resolve._CHAIR_CHANGE_RE,
    "resolve._TITLE_PREFIX_RE": resolve._TITLE_PREFIX_RE,
}


def _found(pattern: re.Pattern[str] | regex.Pattern[str], text: str, pos: int, end: int) -> object:
    match = pattern.search(text, pos, end)
    return None if match is None else (match.span(), match.groupdict(), match.group())


def _pieces() -> list[str]:
    """Every sample line, compacted, and every start and end of it up to 16 characters."""
    pieces = set()
    for path in sample_paths():
        for line in path.read_text("utf-8").splitlines():
            bare = compact(line)
            pieces.update({line, bare, *(bare[:k] for k in range(1, 17))})
            pieces.update(bare[-k:] for k in range(1, 17))
    return sorted(pieces)


def test_the_standard_re_patterns_match_as_the_regex_module_does() -> None:
    pieces = _pieces()
    assert len(pieces) > 20000
    for name, pattern in _STANDARD_PATTERNS.items():
        assert isinstance(pattern, re.Pattern), name
        long_way = _long_way(pattern)
        for text in pieces:
            for pos, end in ((0, len(text)), (1, len(text)), (0, max(len(text) - 2, 0))):
                assert _found(pattern, text, pos, end) == _found(long_way, text, pos, end), (
                    name,
                    text,
                )


@given(
    st.text(
        alphabet=st.sampled_from("議長委員副部局課担当（）()〔〕退席着席、番１2四君 ○◯\n"),
        max_size=20,
    ),
    st.integers(0, 5),
    st.integers(0, 25),
)
def test_generated_texts_match_as_with_the_regex_module(text: str, pos: int, end: int) -> None:
    for pattern in _STANDARD_PATTERNS.values():
        assert _found(pattern, text, pos, end) == _found(_long_way(pattern), text, pos, end)


def test_compact_removes_the_white_space_the_regex_module_calls_white_space() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert normalize.WHITESPACE_RE.sub("", every) == regex.sub(r"\s+", "", every)
    assert compact("藤丸\u3000\u2003敏\x1c") == "藤丸敏\x1c"


def test_the_memo_holds_a_bounded_number_of_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(normalize, "MEMO_ENTRIES", 3)
    calls: list[int] = []

    def double(key: int) -> int:
        calls.append(key)
        return key * 2

    with memo_scope():
        assert [memoized("test-double", double, k) for k in (1, 2, 3, 4, 4, 1)] == [
            2,
            4,
            6,
            8,
            8,
            2,
        ]
        assert calls == [1, 2, 3, 4, 4]  # 4 came after the table was full
        assert [clean_text(f"林{k}委員 ") for k in range(5)] == [f"林{k}委員" for k in range(5)]
        memo = normalize._MEMO.get()
        assert memo is not None
        assert len(memo.clean) == 3
        assert len(memo.tables["test-double"]) == 3


def test_a_table_of_the_last_key_alone_keeps_one_entry() -> None:
    calls: list[str] = []

    def upper(key: str) -> str:
        calls.append(key)
        return key.upper()

    with memo_scope():
        found = [memoized("test-last", upper, k, only_last=True) for k in "aabba"]
        memo = normalize._MEMO.get()
        assert memo is not None
        assert memo.tables["test-last"] == {"a": "A"}
    assert found == list("AABBA")
    assert calls == ["a", "b", "a"]
