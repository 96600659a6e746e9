"""Family detection's shortcuts give what the long way gave: the head cut once
(:class:`~gijiroku.formats.base.Head`, :meth:`Format.looks_like_head`), a family's tests
stopped once its score is 1.0 (:func:`~gijiroku.formats.base.weigh`), words tested with
``in``, and the committee's label candidates taken whole. The long ways are the detectors
as they were, copied here."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import gijiroku.formats as formats
from gijiroku.formats import (
    FIRST_LOOK_CHARS,
    FORMATS,
    HEAD_CHARS,
    MARGIN,
    SURE,
    Detection,
    Format,
    assembly,
    committee,
    diet,
)
from gijiroku.formats.base import Head, weigh
from gijiroku.formats.diet import Diet
from gijiroku.names import TITLE_END_CHARS, position_suffix
from gijiroku.vocabulary import KNUM, SP, WHITE_SPACE

from .conftest import sample_paths

# -- the detectors as they were ------------------------------------------------------------

_DIET_LOOKS_AS_THEY_WERE: tuple[tuple[re.Pattern[str] | regex.Pattern[str], float], ...] = (
    (regex.compile(rf"(?m)^○{diet.LABEL}\u3000", regex.VERBOSE), 0.4),
    (
        re.compile(
            rf"本国会召集日|出席者は左のとおり|委員の異動|第{SP}*{KNUM}{SP}*回{SP}*国会|"
            rf"\n{SP}*(?:国務大臣|政府参考人|大臣政務官|辞任{SP}+補欠選任)"
        ),
        0.4,
    ),
    (regex.compile(rf"(?m)^{SP}*(?:午前|午後){KNUM}時(?:{KNUM}分)?(?:開議|開会)"), 0.2),
    (
        re.compile(
            r"\n(?:令和|平成|昭和)[〇一二三四五六七八九十元]+年[〇一二三四五六七八九十]+月"
            r"[〇一二三四五六七八九十]+日（.曜日）"
        ),
        0.2,
    ),
)


def _diet_as_it_was(head: str) -> float:
    lines = "\n" + head
    return min(sum(w for pattern, w in _DIET_LOOKS_AS_THEY_WERE if pattern.search(lines)), 1.0)


_ASSEMBLY_LINES_AS_THEY_WERE = re.compile(
    rf"(?m)\n[○〇][0-9０-９]{{1,3}}番[（(]|\n[◆◎][^{WHITE_SPACE}（]{{1,20}}[（(]|"
    rf"\n(?:委員長|副委員長)[^\n]+君$|\n開催日[：:]|\n{SP}*[{assembly.SPEAKER_MARKS}]?{SP}*"
    rf"出{SP}*席{SP}*(?:議{SP}*員|説{SP}*明{SP}*員)"
)


def _assembly_as_it_was(head: str) -> float:
    lines = "\n" + regex.sub(r"\r\n?", "\n", head)
    signals = (
        assembly._SIGNALS[0],
        assembly._SIGNALS[1],
        (lambda lines: "◯" in lines or _ASSEMBLY_LINES_AS_THEY_WERE.search(lines), 0.4),
        assembly._SIGNALS[3],
    )
    return min(sum(weight for shows, weight in signals if shows(lines)), 1.0)


_COMMITTEE_TITLE_AS_IT_WAS = regex.compile(r"議事録|会議録|議事要旨|議事概要")
_LABEL_CANDIDATE_AS_IT_WAS = re.compile(
    rf"\n(?:{committee.MARK})?[ \u3000]*(?P<label>[^{WHITE_SPACE}：:、。（）()]{{1,25}})(?: |[：:])"
)


_PAGE_NUMBER_LINE_AS_IT_WAS = regex.compile(
    r"(?m)\n[ \u3000]*[-－][ \u3000]*\d+[ \u3000]*[-－][ \u3000]*$"
)


def _committee_as_it_was(head: str) -> float:
    lines = "\n" + head
    signals = (
        (_COMMITTEE_TITLE_AS_IT_WAS.search, 0.2),
        (
            re.compile(
                r"\n[ \u3000]*(?:日[ \u3000]*時|会[ \u3000]*場|場[ \u3000]*所|開催日時)"
            ).search,
            0.2,
        ),
        (re.compile(r"(?m)\n[ \u3000]*[〔【][^〔〕【】\n]+[〕】][ \u3000]*$").search, 0.1),
        (lambda lines: "\f" in lines or _PAGE_NUMBER_LINE_AS_IT_WAS.search(lines), 0.1),
    )
    score = sum(weight for shows, weight in signals if shows(lines))
    if any(position_suffix(m["label"]) for m in _LABEL_CANDIDATE_AS_IT_WAS.finditer(lines)):
        score += 0.3
    if "\u3000" not in head:
        score += 0.1
    return min(score, 1.0)


_AS_THEY_WERE = {
    "diet": _diet_as_it_was,
    "assembly": _assembly_as_it_was,
    "committee": _committee_as_it_was,
}


def _detect_as_it_was(text: str) -> Detection:
    """:func:`formats.detect_format` as it was: each family's ``looks_like`` of the head."""

    def scores(head: str) -> list[tuple[float, Format]]:
        found = [(e.fmt.looks_like(head), e.fmt) for e in formats._REGISTRY.ranked()]
        found.sort(key=lambda item: item[0], reverse=True)
        return found

    if len(text) > FIRST_LOOK_CHARS:
        first = scores(text[:FIRST_LOOK_CHARS])
        if first[0][0] >= SURE and (len(first) < 2 or first[0][0] - first[1][0] >= MARGIN):
            return formats._detection(first)
    return formats._detection(scores(text[:HEAD_CHARS]))


def _assert_reads_as_before(head: str) -> None:
    for name, as_it_was in _AS_THEY_WERE.items():
        expected = as_it_was(head)
        assert FORMATS[name].looks_like(head) == expected, name
        assert FORMATS[name].looks_like_head(Head(head)) == expected, name
        assert type(FORMATS[name].looks_like_head(Head(head))) is type(expected), name


# -- the families' scores ----------------------------------------------------------------------

LINES = [
    "",
    " ",
    "\u3000",
    "\f",
    "議事録",
    "会議録",
    "議事概要",
    "日　時　令和6年1月1日",
    " 会場：第1会議室",
    "【開会】",
    "〔休憩〕 ",
    "〔休憩",
    "- 3 -",
    "－１２－",
    "- x -",
    "○林委員 質問します。",
    "林委員：はい",
    "座長 それでは始める。",
    "○ 委員長 はい",
    "○：",
    "○委員長（山田太郎君）　ただいまから会議を開きます。",
    "○議長（吉田崇仁）　おはようございます。",
    "◯議長　開会します。",
    "○12番（田中一郎）　質問します。",
    "◆委員（佐藤）　はい。",
    "委員長　山田太郎君",
    "副委員長　山田太郎君 ",
    "○ 出席議員",
    "　〇　出　席　説　明　員",
    "出席議員（十名）",
    "本日の出席議員",
    "〇本日の出席議員",
    "　欠席議員",
    "◎委員長（佐藤）",
    "○１２番（田中）",
    "開催日：令和6年6月1日",
    "出　席　議　員",
    "本国会召集日",
    "出席者は左のとおり",
    "委員の異動",
    "第二百十二回国会",
    "　国務大臣",
    "政府参考人",
    "辞任　　補欠選任",
    "午前十時開議",
    "　午後一時三十分開会",
    "令和五年十一月八日（水曜日）",
    "令和６年第１回定例会",
    "日程第１",
    "市長",
    "知事",
    "説明のため出席した者",
    "県議会",
]


@given(st.lists(st.sampled_from(LINES), max_size=24), st.sampled_from(["\n", "\r\n", "\r"]))
def test_generated_heads_score_as_before(lines: list[str], newline: str) -> None:
    _assert_reads_as_before(newline.join(lines))


@given(
    st.text(
        alphabet="○◯〇◎ 　：:\n\r委員長議会市知事録第一回国会午前時開議林A-\f出席説明番君（",
        max_size=80,
    )
)
def test_arbitrary_heads_score_as_before(head: str) -> None:
    _assert_reads_as_before(head)


def test_the_sample_heads_score_and_detect_as_before() -> None:
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        for head in (
            text[:FIRST_LOOK_CHARS],
            text[:HEAD_CHARS],
            text[HEAD_CHARS // 3 :][:HEAD_CHARS],
        ):
            _assert_reads_as_before(head)
        assert formats.detect_format(text) == _detect_as_it_was(text), path.name
        for fmt in FORMATS.values():
            assert formats.assess(fmt, text).score == formats.assess(_Plain(fmt), text).score


class _Plain(Format):
    """A family that only has ``looks_like``, as a user writes one: here, another's."""

    def __init__(self, fmt: Format) -> None:
        self.fmt = fmt

    def looks_like(self, head: str) -> float:
        return self.fmt.looks_like(head)


@given(st.lists(st.sampled_from(LINES), max_size=24))
def test_generated_texts_detect_as_before(lines: list[str]) -> None:
    text = "\n".join(lines) * 40  # long enough for both looks
    assert formats.detect_format(text) == _detect_as_it_was(text)


# -- the mechanisms ------------------------------------------------------------------------------


@given(st.text(alphabet="ab \u3000\n\r\x0b\x0c\x1c\x85\u2028", max_size=40))
def test_head_views_are_the_cuts_the_families_made(text: str) -> None:
    head = Head(text)
    assert head.text is text
    assert head.after_break == "\n" + text
    assert head.lf_after_break == "\n" + regex.sub(r"\r\n?", "\n", text)
    assert head.lines == [line for line in text.splitlines() if line.strip()]
    assert head.filled == "".join("\n" + line for line in head.lines)


def test_weigh_stops_only_where_the_sum_is_one_already() -> None:
    """Every subset of every family's weights: the stop (the weights found so far sum to
    1.0) gives what the whole sum gives, ``sum`` as this Python sums."""
    tables = [[w for _, w in diet._SIGNALS], [w for _, w in assembly._SIGNALS], [0.4] * 4]
    for weights in tables:
        for found in itertools.product([False, True], repeat=len(weights)):
            signals = [((lambda _t, f=f: f), w) for f, w in zip(found, weights, strict=True)]
            whole = min(sum(w for f, w in zip(found, weights, strict=True) if f), 1.0)
            got = weigh(signals, "")
            assert got == whole
            assert type(got) is type(whole)


def test_weigh_runs_no_test_after_the_score_is_one() -> None:
    ran: list[int] = []

    def shows(i: int) -> Callable[[str], object]:
        def test(_text: str) -> bool:
            ran.append(i)
            return True

        return test

    assert weigh([(shows(i), 0.4) for i in range(5)], "") == 1.0
    assert ran == [0, 1, 2]


@given(st.lists(st.sampled_from(LINES), max_size=12), st.sampled_from(LINES))
def test_assembly_lines_are_found_as_before(lines: list[str], first: str) -> None:
    for head in ("\n".join(lines), first + "\n".join(lines)):
        lines_after_break = "\n" + head
        assert assembly._shows_assembly_lines(lines_after_break) == bool(
            "◯" in lines_after_break or _ASSEMBLY_LINES_AS_THEY_WERE.search(lines_after_break)
        )
        assert assembly._shows_assembly_lines(head) == bool(
            "◯" in head or _ASSEMBLY_LINES_AS_THEY_WERE.search(head)
        )


def test_assembly_lines_on_examples() -> None:
    assert assembly._has_present_line("\n　〇　出　席　議　員")
    assert assembly._has_present_line("\n出席説明員")
    assert not assembly._has_present_line("出席議員")  # no line break before it
    assert not assembly._has_present_line("\n本日の出席議員")
    assert assembly._has_present_line("\n本日の出席議員\n出席議員")


def _has_labels_as_it_was(lines: str) -> bool:
    return any(position_suffix(m["label"]) for m in _LABEL_CANDIDATE_AS_IT_WAS.finditer(lines))


@given(st.text(alphabet="○◯〇● 　：:、\n林委員長事ｱA1\x01\x7f\u0378()（）", max_size=60))
@example("● 1:")  # (a word the lookbehind turns down is not read again with its mark)
@settings(max_examples=400)
def test_label_candidates_find_a_label_as_before(head: str) -> None:
    lines = "\n" + head
    assert committee._has_labels(lines) == _has_labels_as_it_was(lines)
    old = [m["label"] for m in _LABEL_CANDIDATE_AS_IT_WAS.finditer(lines)]
    new = [m["label"] for m in committee._LABEL_CANDIDATE_RE.finditer(lines)]
    assert {label for label in new if label != "○"} <= set(old)


def test_the_words_passed_over_end_with_no_title() -> None:
    """A word whose last character is in ``_PRINTED_CHARS`` and no title's last character
    is passed over: ``position_suffix`` says no to it."""
    printed = re.compile(rf"[{committee._PRINTED_CHARS}]")
    count = 0
    for code in range(0x110000):
        char = chr(code)
        if printed.fullmatch(char):
            count += 1
            assert char.isprintable()
            assert not char.isspace()
            if char not in TITLE_END_CHARS:
                assert position_suffix("林" + char) is None
    assert count > 20000


def test_no_mark_ends_a_title() -> None:
    assert not set("〇○◯●◎◆■◇□") & set(TITLE_END_CHARS)
    assert unicodedata.category("○") == "So"


# -- a family written by a user ------------------------------------------------------------------


class _Only(Format):
    name = "only-looks-like"

    def looks_like(self, head: str) -> float:
        return 1.0 if "ONLY" in head else 0.0


class _MyDiet(Diet):
    """A subclass that reads differently with ``looks_like`` alone."""

    name = "my-diet"

    def looks_like(self, head: str) -> float:
        return 1.0 if "MINE" in head else 0.0


def test_a_family_with_looks_like_alone_is_detected() -> None:
    formats.register_format(_Only())
    try:
        assert formats.detect_format("ONLY\n本文").format.name == "only-looks-like"
        assert formats.assess(_Only(), "ONLY").score == 1.0
    finally:
        formats.unregister_format("only-looks-like")


def test_a_subclass_overriding_looks_like_is_read_by_it() -> None:
    mine = _MyDiet()
    assert formats._score_of(mine)(Head("MINE")) == 1.0
    assert formats._score_of(mine)(Head("○委員長（山田太郎君）　はい")) == 0.0
    assert formats.assess(mine, "MINE").score == 1.0
    plain_diet = Diet()
    plain_diet.looks_like = lambda head: 0.25  # type: ignore[method-assign]
    assert formats._score_of(plain_diet)(Head("x")) == 0.25
    assert formats._score_of(Diet())(Head("x")) == Diet().looks_like("x")
