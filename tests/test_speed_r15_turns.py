"""Round 15 (turns): a label resolved to a member gives its member and Speaker once, while the
roster gives the same resolution; utterances made without comparing their keys with the
fields at each record. Each checked against the long way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import parser, resolve
from gijiroku.models import Note, Span, Speaker, Utterance, record_maker, record_of

_SAMPLES = Path(__file__).resolve().parent.parent / "samples"
_TEXTS = sorted(p for p in _SAMPLES.rglob("*") if p.suffix in (".txt", ".md"))

#: A chair that changes hands and comes back, labels that resolve, one that does not, a
#: speaker enrolled from a full name, a seat: what the memo must not carry over.
_CHAIR_CHANGES = """\
出席委員
委員長 山田太郎君
理事 鈴木花子君
委員 佐藤一郎君
委員 高橋次郎君

○委員長（山田太郎君） ただいまから会議を開きます。
○佐藤委員 質問します。
○委員長（山田太郎君） 高橋君。
○高橋委員 答えます。
〔委員長退席、理事鈴木花子君着席〕
○委員長 続けます。
○佐藤委員 もう一度。
○理事（鈴木花子君） どうぞ。
○委員長 はい。
〔理事鈴木花子君退席、委員長着席〕
○委員長 戻りました。
○佐藤委員 ありがとう。
○中村三郎君 初めて話します。
○中村三郎君 二度目です。
○田中委員 誰でしょう。
○田中委員 まだ誰でしょう。
○委員長 散会します。
"""


def _long_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every turn's speaker found the long way: the roster's resolution, copied, is never
    the object the memo saw before."""
    resolve_label = resolve.Roster.resolve_label

    def fresh(self: resolve.Roster, parts: resolve.LabelParts) -> tuple[object, ...]:
        found = resolve_label(self, parts)
        return (found[0], found[1])

    monkeypatch.setattr(resolve.Roster, "resolve_label", fresh)


@pytest.mark.parametrize("text", [_CHAIR_CHANGES, *(p.read_text("utf-8") for p in _TEXTS)])
def test_speakers_by_resolution_are_the_long_ways(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    quick = gijiroku.parse(text).to_json()
    with monkeypatch.context() as patched:
        _long_way(patched)
        slow = gijiroku.parse(text).to_json()
    assert quick == slow


def test_the_memo_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    speaker_of = parser._speaker_of

    def counted(*args: Any) -> tuple[str | None, Speaker]:
        calls.append(1)
        return speaker_of(*args)

    monkeypatch.setattr(parser, "_speaker_of", counted)
    minutes = gijiroku.parse(_CHAIR_CHANGES)
    assert len(minutes.utterances) == 15
    assert 0 < len(calls) < len(minutes.utterances)
    # the acting chair: the bare 委員長 label follows the change notes
    by_order = {u.order: u for u in minutes.utterances}
    assert by_order[5].speaker_id != by_order[1].speaker_id is not None
    assert by_order[9].speaker_id == by_order[1].speaker_id
    assert [d.code for d in minutes.diagnostics].count("unresolved-speaker") == 2


def test_utterance_values_name_every_field_in_order() -> None:
    for path in _TEXTS:
        for utterance in gijiroku.parse(path.read_text("utf-8")).utterances:
            assert list(utterance.__dict__) == list(Utterance.model_fields)
            validated = Utterance(**utterance.__dict__)
            assert validated == utterance
            assert validated.model_dump_json() == utterance.model_dump_json()
            assert utterance.model_fields_set == set(Utterance.model_fields)


_words = st.text(alphabet=st.sampled_from("議長あア１aZ （"), max_size=8)


@given(
    order=st.integers(min_value=1, max_value=10**6),
    speaker_id=st.none() | _words,
    section_id=st.none() | _words,
    text=_words,
    continued=st.booleans(),
    start=st.integers(min_value=0, max_value=10**6),
    length=st.integers(min_value=0, max_value=100),
    notes=st.lists(st.tuples(_words, _words), max_size=3),
)
def test_record_maker_is_record_of(
    order: int,
    speaker_id: str | None,
    section_id: str | None,
    text: str,
    continued: bool,
    start: int,
    length: int,
    notes: list[tuple[str, str]],
) -> None:
    values: dict[str, object] = {
        "id": f"u{order}",
        "order": order,
        "speaker": Speaker(label="林委員", name="林", role="委員"),
        "speaker_id": speaker_id,
        "section_id": section_id,
        "text": text,
        "notes": tuple(Note(kind=k, text=t, start=0, end=len(t)) for k, t in notes),
        "continued": continued,
        "span": Span(start=start, end=start + length, line_start=1, line_end=2),
    }
    made = record_maker(Utterance)(dict(values))
    expected = record_of(Utterance, dict(values), kept=False)
    assert made == expected
    assert made.model_dump_json() == expected.model_dump_json()
    assert made.model_fields_set == expected.model_fields_set
