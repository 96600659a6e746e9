"""The parser's records made without the validator (issue 13) are the records the validator
makes, and a turn's notes found once per turn are the notes found paragraph by paragraph.

Each shortcut is checked against the plain computation it replaces, on generated values.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from typing import Any

import pydantic
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import gijiroku
from gijiroku import models, notes, parser, quality
from gijiroku.blocks import Block, BlockKind, Pos
from gijiroku.models import (
    HeaderField,
    Item,
    LayoutMark,
    Member,
    Note,
    Speaker,
    Utterance,
    record_of,
    slim,
    span_of,
)
from gijiroku.names import POSITION_WORDS
from gijiroku.normalize import clean_line
from gijiroku.notes import INLINE_NOTE_RE, find_inline_notes
from gijiroku.resolve import LabelParts
from gijiroku.rosters import MemberDraft

from .conftest import sample_paths

_SPAN = span_of(Pos(3, 9, 2, 2, None))
_SPEAKER = slim(Speaker(label="林委員", name="林", role="委員"))
_TEXT = st.text(alphabet="林委員（拍手）〔〕()資料説明 　\n0１a", max_size=12)
_MAYBE_TEXT = st.none() | _TEXT
_ODD = st.none() | st.booleans() | st.integers(-3, 3) | _TEXT | st.floats(allow_nan=False)


def _made(cls: type[pydantic.BaseModel], values: dict[str, Any]) -> tuple[Any, Any]:
    """The record the validator makes of ``values``, or the errors it raises."""
    try:
        return cls(**values), None
    except pydantic.ValidationError as error:
        return None, error.errors()


def _same(made: Any, validated: Any) -> None:
    assert made == validated
    assert made.model_dump_json() == validated.model_dump_json()
    assert made.model_dump() == validated.model_dump()
    assert [type(v) for v in made.model_dump().values()] == [
        type(v) for v in validated.model_dump().values()
    ]
    assert list(made.__dict__) == list(validated.__dict__)
    assert made.model_fields_set == validated.model_fields_set
    with pytest.raises(pydantic.ValidationError):
        made.span = _SPAN  # frozen, as validated ones are


@given(
    order=st.integers(1, 10**6),
    speaker_id=_MAYBE_TEXT,
    section_id=_MAYBE_TEXT,
    text=_TEXT,
    continued=st.booleans(),
)
def test_an_utterance_made_without_the_validator_is_the_validated_one(
    order: int, speaker_id: str | None, section_id: str | None, text: str, continued: bool
) -> None:
    values = {
        "id": f"u{order}",
        "order": order,
        "speaker": _SPEAKER,
        "speaker_id": speaker_id,
        "section_id": section_id,
        "text": text,
        "notes": (Note(kind="applause", text="（拍手）", start=0, end=4),),
        "continued": continued,
        "span": _SPAN,
    }
    validated, _ = _made(Utterance, values)
    _same(record_of(Utterance, dict(values), kept=True), validated)


@given(
    name=_ODD,
    title=_ODD,
    group=_ODD,
    roles=st.lists(_ODD, max_size=2),
    attendance=st.sampled_from(["present", "absent", "unknown", "here", ""]),
    seat=_ODD,
    affiliation=_ODD,
    entry=_ODD,
)
def test_a_member_is_made_as_the_validator_makes_it_or_fails_as_it_fails(
    name: Any,
    title: Any,
    group: Any,
    roles: list[Any],
    attendance: Any,
    seat: Any,
    affiliation: Any,
    entry: Any,
) -> None:
    """Whatever a family's roster reader put in a draft, the record (or the error) is the
    validator's: the checks before the shortcut let through only what it keeps as it is."""
    span = Pos(3, 9, 2, 2, None)
    draft = MemberDraft(
        id="m1",
        name=name,
        title=title,
        group=group,
        roles=roles,
        attendance=attendance,
        seat=seat,
        affiliation=affiliation,
        entry=entry,
        span=span,
    )
    values = {
        "id": "m1",
        "name": name,
        "title": title,
        "group": group,
        "roles": tuple(roles),
        "attendance": attendance,
        "seat": seat,
        "affiliation": affiliation,
        "entry": entry,
        "span": span_of(span),
    }
    validated, failure = _made(Member, values)
    try:
        made, made_failure = parser._member(draft, span), None
    except pydantic.ValidationError as error:
        made, made_failure = None, error.errors()
    assert made_failure == failure
    if validated is not None:
        _same(made, validated)


@given(owner=_ODD, depth=st.integers(-2, 4) | st.booleans(), kind=st.sampled_from(["todo", "x"]))
def test_an_item_is_made_as_the_validator_makes_it(owner: Any, depth: Any, kind: str) -> None:
    draft = parser._ItemDraft(kind, "本文", owner, 0, depth, Pos(3, 9, 2, 2, None))
    values = {
        "kind": kind if kind == "todo" else "bullet",
        "text": "本文",
        "owner": owner,
        "depth": depth,
        "span": _SPAN,
    }
    validated, failure = _made(Item, values)
    try:
        made, made_failure = draft.build(), None
    except pydantic.ValidationError as error:
        made, made_failure = None, error.errors()
    assert made_failure == failure
    if validated is not None:
        _same(made, validated)


def test_values_that_miss_a_field_go_through_the_validator() -> None:
    values: dict[str, object] = {"key": None, "name": None, "value": "x", "span": _SPAN}
    _same(record_of(HeaderField, dict(values), kept=True), HeaderField(**values))
    short = {"kind": "page", "text": "- 4 -", "span": _SPAN}  # number left to its default
    made = record_of(LayoutMark, dict(short), kept=True)
    _same(made, slim(LayoutMark(**short)))
    with pytest.raises(pydantic.ValidationError):
        record_of(LayoutMark, {"kind": "page", "text": "x", "span": _SPAN, "nmber": 1}, kept=True)


# -- a turn's notes ---------------------------------------------------------------------------


def _notes_paragraph_by_paragraph(paragraphs: list[tuple[str, str | None]]) -> list[Note]:
    """The notes as the turn found them before: each paragraph as it was added."""
    notes, length, seen = [], 0, False
    for text, note_kind in paragraphs:
        if not text:
            continue
        offset = length + (1 if seen else 0)
        inline = find_inline_notes(text)
        if note_kind is not None and not parser._several_notes(text, inline):
            notes.append(Note(kind=note_kind, text=text, start=offset, end=offset + len(text)))
        else:
            for found in inline:
                notes.append(
                    Note(
                        kind=found.kind,
                        text=text[found.start : found.end],
                        start=offset + found.start,
                        end=offset + found.end,
                    )
                )
        seen = True
        length = offset + len(text)
    return notes


_PARAGRAPH = st.lists(
    st.sampled_from(["（拍手）", "〔議員登壇〕", "(笑い)", "（資料に基づき説明）", "（", "〔", "(",
                     "発言", " ", "\u3000", "）", "〕", "\n", "拍手"]),
    max_size=8,
).map("".join)  # fmt: skip


@given(st.lists(st.tuples(_PARAGRAPH, st.none() | st.sampled_from(["applause", "other"]))))
def test_the_notes_of_a_turn_are_those_found_paragraph_by_paragraph(
    paragraphs: list[tuple[str, str | None]],
) -> None:
    pos = Pos(0, 1, 1, 1, None)
    turn = parser._TurnDraft(LabelParts(None, "林委員", "林", "委員"), None, pos, pos)
    for text, note_kind in paragraphs:
        turn.add(text, pos, note_kind=note_kind)
    text, found = turn.text_and_notes()
    # (a paragraph is added as printed and cleaned with the turn; a note comes cleaned)
    paragraphs = [(t if kind is not None else clean_line(t), kind) for t, kind in paragraphs]
    assert text == "\n".join(t for t, _ in paragraphs if t)
    assert found == _notes_paragraph_by_paragraph(paragraphs)
    for note in found:
        assert text[note.start : note.end] == note.text


# -- prose counted by stretches -----------------------------------------------------------------


def _prose_block_by_block(
    blocks: list[Block], utterances: Sequence[Utterance], text: str
) -> tuple[int, int, list[Pos]]:
    """The prose as it was counted before: each block's characters on their own."""
    spans = [(u.span.start, u.span.end) for u in utterances]
    total = inside = 0
    outside = []
    for block in blocks:
        if block.kind is BlockKind.HEADER:
            if not quality.speaks_in_header(block.text_of(text)):
                continue
        elif block.kind in quality._PROSE_KINDS:
            if block.kind is BlockKind.UNMATCHED and quality._looks_like_people(
                block.text_of(text)
            ):
                continue
        else:
            continue
        chars = len(regex.findall(r"\S", block.text_of(text)))
        total += chars
        if any(a <= block.span.start < b for a, b in spans):
            inside += chars
        else:
            outside.append(block.span)
    return total, inside, outside


def _same_prose(text: str) -> None:
    minutes = gijiroku.parse(text)
    blocks = gijiroku.tokenize(text, format=minutes.source.format)
    found = quality._prose(blocks, minutes.utterances, text)
    assert (found.total, found.inside, found.outside) == _prose_block_by_block(
        blocks, minutes.utterances, text
    )


def test_prose_counted_by_stretches_is_prose_counted_block_by_block() -> None:
    for path in sample_paths():
        _same_prose(path.read_bytes().decode("utf-8"))


_SPEECH_LINE = st.sampled_from(
    ["○議長（林太郎君）　開会します。", "　それでは始めます。", "（拍手）", "\u3000", "\x1c",
     "\x1f続き", "林委員　賛成です。", "出席委員", "", "  次に", "〔議員登壇〕", "。\u2003"]
)  # fmt: skip


@given(st.lists(_SPEECH_LINE, max_size=12), st.sampled_from(["\n", "\r\n", "\n\u3000\n"]))
def test_prose_of_generated_minutes_is_counted_as_block_by_block(
    lines: list[str], newline: str
) -> None:
    _same_prose(newline.join(lines))


@given(st.text(alphabet="（）()〔〕拍手説明\n 　", max_size=60))
def test_inline_notes_are_tried_where_a_bracket_opens_as_finditer_tries_everywhere(
    text: str,
) -> None:
    spans = [(m.start(), m.end(), m.groupdict()) for m in notes._inline_matches(text)]
    assert spans == [(m.start(), m.end(), m.groupdict()) for m in INLINE_NOTE_RE.finditer(text)]


def test_the_turns_of_the_samples_hold_the_notes_finditer_finds() -> None:
    texts = [
        u.text for path in sample_paths() for u in gijiroku.parse(path.read_bytes()).utterances
    ]
    found = [[m.span() for m in notes._inline_matches(t)] for t in texts]
    assert sum(map(len, found)) > 50
    assert found == [[m.span() for m in INLINE_NOTE_RE.finditer(t)] for t in texts]


def test_a_record_made_with_the_generic_setters_is_the_same() -> None:
    """Where pydantic has no descriptor for a slot, object.__setattr__ sets it."""
    slots = ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
    generic = [models._slot_setter(name, owner=object) for name in slots]
    direct = [models._slot_setter(name) for name in slots]
    assert all(g is not d for g, d in zip(generic, direct, strict=True))
    values = {"key": None, "name": None, "value": "x", "span": _SPAN}
    record = object.__new__(HeaderField)
    for set_slot, value in zip(generic, (dict(values), set(values), None, None), strict=True):
        set_slot(record, value)
    _same(record, models.record_of(HeaderField, dict(values), kept=True))
    _same(record, HeaderField(**values))


def test_records_made_first_in_a_fresh_process_serialize() -> None:
    """No record of these types was validated before: their schema is built when needed."""
    code = (
        "from gijiroku.models import record_of, span_of, Speaker, Utterance, LayoutMark;"
        "from gijiroku.blocks import Pos;"
        "s = span_of(Pos(1, 5, 1, 2, None));"
        "m = record_of(LayoutMark, {'kind': 'page', 'number': 4, 'text': '- 4 -', 'span': s},"
        " kept=True);"
        "print(m.model_dump_json());"
        "u = record_of(Utterance, {'id': 'u1', 'order': 1, 'speaker': Speaker(label='林'),"
        " 'speaker_id': None, 'section_id': None, 'text': 'x', 'notes': (), 'continued': False,"
        " 'span': s}, kept=True);"
        "print(u.model_dump_json(exclude={'speaker'}))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == [
        '{"kind":"page","number":4,"text":"-',
        "4",
        '-","span":{"start":1,"end":5,"line_start":1,"line_end":2,"page":null}}',
        '{"id":"u1","order":1,"speaker_id":null,"section_id":null,"text":"x","notes":[],'
        '"continued":false,"span":{"start":1,"end":5,"line_start":1,"line_end":2,"page":null}}',
    ]


_NAME_PIECES = st.sampled_from(
    ["委員", "議長", "山田", "長", "員", "\n", "担当", "課長", "太郎", "a"]
)


@given(st.lists(_NAME_PIECES, max_size=5).map("".join))
def test_a_title_at_a_names_end_is_found_as_the_pattern_finds_it(name: str) -> None:
    assert quality._title_last(name) == (quality._TITLE_LAST_RE.search(name) is not None)


def test_every_title_word_is_found_at_a_names_end() -> None:
    for word in POSITION_WORDS:
        if len(word) >= 2:
            assert quality._title_last("山田" + word)
            assert quality._title_last("山田" + word + "\n")
