"""Shortcuts of the walk and the stages around it (issue 13, round 3) give what the long way
gives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pydantic
import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel

from gijiroku import api, names, parser
from gijiroku.blocks import Block, BlockKind
from gijiroku.formats import get_format
from gijiroku.models import Note, Speaker, slim
from gijiroku.names import fold_variants
from gijiroku.normalize import line_starts, memo_scope
from gijiroku.tokenizer import tokenize_lines

from .conftest import sample_paths


def _pages_the_long_way(blocks: list[Block]) -> list[Block]:
    def holds(block: Block) -> bool:
        return block.kind is BlockKind.PAGE or any(holds(child) for child in block.children)

    return [block for block in blocks if holds(block)]


def test_the_blocks_holding_a_page_are_those_the_long_way_finds() -> None:
    """_read asks _holds_a_page only of a block with children (a childless block holds a
    page only when it is one): its pages are those every block asked finds."""
    seen = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        _, pages = api._read(
            text,
            format=None,
            source_name=None,
            encoding="utf-8",
            sha256="0",
            line_count=1,
            with_pages=True,
        )
        with memo_scope():
            blocks = tokenize_lines(text, get_format(None, text))
        assert [(p.kind, p.span, p.children) for p in pages] == [
            (p.kind, p.span, p.children) for p in _pages_the_long_way(blocks)
        ]
        seen += len(pages)
    assert seen > 0  # (the bundled samples hold page markers)


# -- folding a long text: its old forms found and replaced ---------------------------------------


@given(
    st.text(alphabet=st.sampled_from("國澤髙﨑會議長あ　\n1Ａ渡邉嶋"), max_size=200)
    | st.text(max_size=120)
)
def test_folding_is_the_translation_whatever_the_length(text: str) -> None:
    """Up to 64 characters the text is translated, beyond that each old form is replaced."""
    assert fold_variants(text) == text.translate(names._FOLD)
    assert fold_variants(text * 5) == (text * 5).translate(names._FOLD)


def test_a_long_header_is_folded_as_translated() -> None:
    header = "委員長　　迫川　高行\n委員　　渡邉　髙﨑\n" * 40
    assert len(header) > names._TRANSLATED
    assert fold_variants(header) == header.translate(names._FOLD)
    assert "邉" not in fold_variants(header)
    assert "渡辺" in fold_variants(header)


# -- records made without the validator -----------------------------------------------------------


def _same_outcome(make: Callable[[], BaseModel], build: Callable[[], BaseModel]) -> None:
    """The same record as the constructor's (type, values, JSON, the fields set), or the same
    validation errors."""
    errors = None
    try:
        built = build()
    except pydantic.ValidationError as error:
        errors = error.errors()
    if errors is not None:
        with pytest.raises(pydantic.ValidationError) as raised:
            make()
        assert raised.value.errors() == errors
        return
    made = make()
    assert type(made) is type(built)
    assert made == built
    assert made.model_dump_json() == built.model_dump_json()
    assert made.model_fields_set == built.model_fields_set


_MAYBE_TEXT = st.one_of(st.none(), st.text(max_size=3), st.integers(0, 2), st.booleans())


@given(
    st.one_of(st.text(max_size=4), st.none(), st.integers(0, 2)),
    _MAYBE_TEXT,
    _MAYBE_TEXT,
    _MAYBE_TEXT,
    st.one_of(st.none(), st.integers(-2, 40), st.just(True), st.just("4"), st.just(2.0)),
    _MAYBE_TEXT,
)
def test_a_speaker_record_is_the_slim_constructors(
    label: Any, name: Any, role: Any, mark: Any, seat: Any, honorific: Any
) -> None:
    _same_outcome(
        lambda: parser._speaker_record(label, name, role, mark, seat, honorific),
        lambda: slim(
            Speaker(label=label, name=name, role=role, mark=mark, seat=seat, honorific=honorific)
        ),
    )


@given(
    st.one_of(st.text(max_size=3), st.integers(0, 2)),
    st.one_of(st.text(max_size=3), st.none()),
    st.integers(-1, 5),
    st.one_of(st.integers(-1, 5), st.just(2.0), st.just(True)),
)
def test_a_note_record_is_the_constructors(kind: Any, text: Any, start: int, end: Any) -> None:
    _same_outcome(
        lambda: parser._note_record(kind, text, start, end),
        lambda: Note(kind=kind, text=text, start=start, end=end),
    )


# -- line starts: one function for every reader ---------------------------------------------------


@given(st.text(alphabet=st.sampled_from("議長\r\n\f 　a"), max_size=40))
def test_the_line_starts_rosters_and_repairs_use_are_the_editors(text: str) -> None:
    """RosterBuilder._column and api._with_repairs take normalize.line_starts, where they
    scanned the text with ``regex`` for LF, CRLF and CR."""
    assert line_starts(text) == [0] + [m.end() for m in regex.finditer(r"\r\n|\r|\n", text)]
