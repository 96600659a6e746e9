"""The shortcuts for small documents (issue 13, round 3) give what the long way gives.

Each shortcut is checked against the computation it replaces, on the bundled samples and on
generated text.
"""

from __future__ import annotations

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gijiroku import dates, names, rosters
from gijiroku.dates import DATE_RE
from gijiroku.vocabulary import LIST_SEPARATORS

from .conftest import sample_paths


def _as_found(
    matches: list[regex.Match[str]],
) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]


def _same_dates(text: str) -> None:
    long_way = _as_found(list(DATE_RE.finditer(text)))
    assert _as_found(list(dates._date_matches(text))) == long_way


def test_date_matches_are_finditer_on_every_sample() -> None:
    texts = [path.read_text("utf-8") for path in sample_paths()]
    found = 0
    for text in texts:
        _same_dates(text)
        for line in text.splitlines():
            _same_dates(line)
        found += len(list(DATE_RE.finditer(text)))
    assert found > 100  # the samples print dates in many forms


#: Characters dates are made of, and a few that break them.
_DATE_ALPHABET = (
    "0123456789０１２３４５６７８９〇一二三四五六七八九十百千万廿卅元"
    "令和平成昭大正明治MTSHRmtshrＭＴＳＨＲAxＡ年月日度.．/／-－（()）曜火水木金土祝休・、,"
    " \u3000\n~～から第回号"
)


@settings(max_examples=400)
@given(st.text(alphabet=_DATE_ALPHABET, max_size=40))
def test_date_matches_are_finditer_on_generated_text(text: str) -> None:
    _same_dates(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "令和6年2月22日",
                "平成 28 年 2 月 8 日（月）",
                "R6.2.22",
                "Ｈ２８．２．８",
                "2020/5/8",
                "2020-05-08",
                "2020（令和2）年5月8日",
                "十一月十四日",
                "5/8(金)",
                "昭和二十二年十一月十三日",
                "2016-02-08.txt",
                "第2回",
                "12",
                "一二",
                "x",
                "HR2.5.8",
                " ",
                "~",
                "から",
                "\n",
            ]
        ),
        max_size=8,
    )
)
def test_date_matches_are_finditer_on_joined_dates(pieces: list[str]) -> None:
    _same_dates("".join(pieces))


def _outside_parens_long_way(text: str) -> list[tuple[int, int]]:
    """The separators outside parentheses as :func:`rosters._outside_parens` found them before
    (walking every separator and parenthesis)."""
    found = list(rosters._LIST_SEPARATOR_RE.finditer(text))
    if not found or not any(c in text for c in "（("):
        return [m.span() for m in found]
    inside: set[int] = set()
    depth = 0
    for mark in regex.finditer(f"[{LIST_SEPARATORS}（()）]", text):
        char = mark.group()
        if char in "（(":
            depth += 1
        elif char in ")）":
            depth -= 1
            if depth < 0:
                return [m.span() for m in found]
        elif depth:
            inside.add(mark.start())
    if depth:
        return [m.span() for m in found]
    return [m.span() for m in found if m.start() not in inside]


def _same_separators(text: str) -> None:
    shortcut = [m.span() for m in rosters._outside_parens(text, rosters._LIST_SEPARATOR_RE)]
    assert shortcut == _outside_parens_long_way(text)


def test_outside_parens_on_every_sample_line() -> None:
    inside = 0
    for path in sample_paths():
        for line in path.read_text("utf-8").splitlines():
            _same_separators(line)
            inside += len(_outside_parens_long_way(line)) < len(
                rosters._LIST_SEPARATOR_RE.findall(line)
            )
    assert inside > 0  # some lines hold separators inside parentheses


@example(")((、)")  # a closing parenthesis first: nothing pairs up
@example("(、(、)、")  # one left open
@example("山田(委員、理事)、鈴木（（会長）、副）|佐藤")
@settings(max_examples=300)
@given(st.text(alphabet="、，,|｜（()）山田委員 ", max_size=30))
def test_outside_parens_on_generated_text(text: str) -> None:
    _same_separators(text)


def _position_suffix_long_way(text: str) -> str | None:
    return names._position_suffix_of_tail(text[-names._LONGEST_POSITION * 2 :])


def test_position_suffix_on_every_sample_piece() -> None:
    titled = 0
    for path in sample_paths():
        for line in path.read_text("utf-8").splitlines():
            for piece in {line, *line.split(), *regex.split(r"[、，,|｜:：（()）]", line)}:
                found = names.position_suffix(piece)
                assert found == _position_suffix_long_way(piece)
                titled += found is not None
    assert titled > 100


@example("委員　")  # a space after the title word
@example("委員\u200b")  # a zero-width character after it
@example("ｶﾁｮｰ")  # half-width kana, made full-width by cleaning
@example("会議Ａ")  # a full-width letter: made Latin
@example("")
@settings(max_examples=400)
@given(
    st.text(
        alphabet=st.sampled_from(
            [*"委員長会議國務大臣局部課ー室官事山田 \u3000\t\n\u200b\u00adｰﾏﾈｼﾞｬＡａ１"]
        ),
        max_size=12,
    )
)
def test_position_suffix_on_generated_text(text: str) -> None:
    assert names.position_suffix(text) == _position_suffix_long_way(text)
