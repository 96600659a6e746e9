"""Notebook accessors: turns_by (in its documented matching order), section, turns_in."""

from __future__ import annotations

import pytest

import gijiroku
from tests.conftest import read_sample


@pytest.fixture(scope="module")
def monka() -> gijiroku.Minutes:
    return gijiroku.parse(read_sample("diet/shugiin-monka-2023-11-01.txt"))


@pytest.fixture(scope="module")
def sendai() -> gijiroku.Minutes:
    return gijiroku.parse(read_sample("council/sendai-ict-2016-02-08.txt"))


def _orders(turns: list[gijiroku.Utterance]) -> list[int]:
    return [u.order for u in turns]


@pytest.mark.parametrize(
    ("query", "orders"),
    [
        ("m45", [8, 18]),  # member id (盛山正仁)
        ("盛山正仁", [8, 18]),  # full name
        ("盛山　正仁", [8, 18]),  # spaces ignored
        ("盛山", [8, 18]),  # surname
        ("盛山国務大臣", [8, 18]),  # label
        ("国務大臣", [8, 18]),  # role
        ("今枝副大臣", [12]),
        ("大臣政務官", [14, 16]),
        ("委員長", [1, 2, 3, 4, 5, 6, 7, 9, 11, 13, 15, 17, 19]),
        ("誰でもない", []),
    ],
)
def test_turns_by(monka: gijiroku.Minutes, query: str, orders: list[int]) -> None:
    assert _orders(monka.turns_by(query)) == orders


def test_turns_by_member(monka: gijiroku.Minutes) -> None:
    member = next(m for m in monka.members if m.name == "田野瀬太道")
    assert len(monka.turns_by(member)) == 13
    assert monka.turns_by(member) == monka.turns_by("田野瀬")


def test_turns_by_tries_full_name_before_surname() -> None:
    m = gijiroku.parse("林委員 はい。\n林田委員 いいえ。\n林委員 では。")
    assert [u.speaker.name for u in m.turns_by("林")] == ["林", "林"]
    assert [u.text for u in m.turns_by("林田")] == ["いいえ。"]
    assert [u.speaker.label for u in m.turns_by("委員")] == ["林委員", "林田委員", "林委員"]


def test_turns_by_plenary_labels() -> None:
    m = gijiroku.parse(read_sample("diet/sangiin-honkaigi-2023-11-29.txt"))
    assert len(m.turns_by("議長（尾辻秀久君）")) == 25
    assert len(m.turns_by("尾辻")) == 25
    assert _orders(m.turns_by("内閣総理大臣")) == [6]


@pytest.mark.parametrize("bad", [None, 42, ["林"]])
def test_turns_by_wrong_type(monka: gijiroku.Minutes, bad: object) -> None:
    with pytest.raises(TypeError):
        monka.turns_by(bad)  # type: ignore[arg-type]


def test_turns_by_empty(monka: gijiroku.Minutes) -> None:
    with pytest.raises(ValueError, match="empty"):
        monka.turns_by("　")


@pytest.mark.parametrize(
    ("key", "section_id"),
    [
        (1, "s3"),  # printed number: 議題（1）
        (3, "s5"),
        ("s4", "s4"),  # id
        ("議題（3）その他", "s5"),  # exact title
        ("2", "s4"),  # a number in digits
        ("情報セキュリティ", "s4"),  # part of a title
        ("会議の公開", "s1"),
    ],
)
def test_section(sendai: gijiroku.Minutes, key: str | int, section_id: str) -> None:
    assert sendai.section(key).id == section_id


def test_section_exact_title_wins_over_substring() -> None:
    m = gijiroku.parse("〔報告事項〕\n座長 はい。\n〔報告〕\n林委員 報告します。")
    assert [s.title for s in m.sections] == ["報告事項", "報告"]
    assert m.section("報告").id == "s2"
    assert m.section("事項").id == "s1"


def test_section_not_found(sendai: gijiroku.Minutes) -> None:
    with pytest.raises(KeyError, match="s1 会議の公開について"):
        sendai.section("存在しない議題")
    with pytest.raises(KeyError):
        sendai.section(9)


@pytest.mark.parametrize("bad", [True, 1.0, None])
def test_section_wrong_type(sendai: gijiroku.Minutes, bad: object) -> None:
    with pytest.raises(TypeError):
        sendai.section(bad)  # type: ignore[arg-type]


def test_turns_in(sendai: gijiroku.Minutes) -> None:
    turns = sendai.turns_in(1)
    assert turns == [u for u in sendai.utterances if u.section_id == "s3"]
    assert turns[0].order == 4
    assert turns[0].speaker.label == "情報政策課長"
    assert sendai.turns_in(sendai.section("s3")) == turns
    assert [u.order for u in sendai.turns_in("会議の公開について")] == [2]


def test_turns_in_agenda_items_is_empty(monka: gijiroku.Minutes) -> None:
    assert monka.section("国政調査").kind == "agenda"
    assert monka.turns_in("国政調査") == []
