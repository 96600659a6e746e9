"""Round 15, the walk of header-ish blocks: each shortcut gives what the long way gave.

- sections made without the validator (``parser._new_section``): the record
  ``Section(**given)`` makes, with the same fields set, or the validator's errors;
- ``parser._wraps_agenda_item`` reads the lines' indents only when the cheaper tests have
  not decided: the answer of the old order, which read them first;
- ``rosters.split_padded_name`` cuts a field with one split that keeps the gaps: what the
  split and the search for the gaps gave.

Each long way is the code as it was, copied here, or the plain validator.
"""

from __future__ import annotations

import re
from typing import Any, Literal

import pydantic
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from gijiroku import parser
from gijiroku.blocks import Block, BlockKind, Pos, SectionMeta
from gijiroku.models import Section, span_of
from gijiroku.quality import start_of_line
from gijiroku.rosters import split_padded_name
from gijiroku.vocabulary import AGENDA_ITEM_START_RE

# -- sections ----------------------------------------------------------------------------------

_SPAN = span_of(Pos(3, 9, 2, 2, None))
_TEXT = st.text(alphabet="日程第１（）議案報告 　0a", max_size=8)
_ODD = st.none() | st.booleans() | st.integers(-3, 3) | _TEXT | st.floats(allow_nan=False)


def _validated(given: set[str], values: dict[str, Any]) -> tuple[Any, Any]:
    """The long way: the validator, given the fields the handler named."""
    try:
        return Section(**{k: v for k, v in values.items() if k in given}), None
    except pydantic.ValidationError as error:
        return None, error.errors()


@given(
    kind=st.sampled_from(["agenda", "heading"]),
    number=st.none() | st.integers(0, 10**6) | _ODD,
    title=_TEXT | _ODD,
    level=st.integers(-2, 5) | _ODD,
    heading=_TEXT | _ODD,
    owner=st.none() | _TEXT | _ODD,
    tags=st.tuples() | st.tuples(_TEXT) | st.tuples(_TEXT, _ODD) | st.lists(_TEXT) | _ODD,
)
@example(kind="heading", number=True, title="議案", level=1, heading="議案", owner=None, tags=())
@example(kind="agenda", number=2, title="議案", level=True, heading="議案", owner=None, tags=())
def test_a_section_made_without_the_validator_is_the_validated_one(
    kind: Literal["agenda", "heading"],
    number: Any,
    title: Any,
    level: Any,
    heading: Any,
    owner: Any,
    tags: Any,
) -> None:
    given_fields = parser._AGENDA_GIVEN if kind == "agenda" else parser._HEADING_GIVEN
    values = {
        "id": "s3",
        "kind": kind,
        "number": number,
        "title": title,
        "level": level,
        "heading": heading,
        "owner": owner,
        "tags": tags,
        "span": _SPAN,
    }
    if kind == "agenda":  # (an agenda item names no owner nor tags: they keep their defaults)
        values["owner"], values["tags"] = None, ()
    validated, errors = _validated(given_fields, values)
    if errors is not None:  # the validator's own errors, as it raised them
        with pytest.raises(pydantic.ValidationError) as raised:
            parser._new_section(given_fields, *values.values())
        assert raised.value.errors() == errors
        return
    made = parser._new_section(given_fields, *values.values())
    assert validated is not None
    assert made == validated
    assert made.model_dump_json() == validated.model_dump_json()
    assert [type(v) for v in made.model_dump().values()] == [
        type(v) for v in validated.model_dump().values()
    ]
    assert list(made.__dict__) == list(validated.__dict__)
    assert made.model_fields_set == validated.model_fields_set
    with pytest.raises(pydantic.ValidationError):
        made.title = "x"  # type: ignore[misc]  # frozen, as validated ones are
    wider = made.model_copy(update={"title": "y"})  # (the shared set is copied, not changed)
    assert "title" in wider.model_fields_set
    assert made.model_fields_set == validated.model_fields_set


def test_the_fields_a_handler_names_are_those_it_gave_the_validator() -> None:
    agenda = {"id", "kind", "number", "title", "level", "heading", "span"}
    heading = {"id", "number", "title", "level", "heading", "owner", "tags", "span"}
    assert agenda == parser._AGENDA_GIVEN
    assert heading == parser._HEADING_GIVEN
    assert set(Section.model_fields) >= agenda | heading


# -- a wrapped agenda line ---------------------------------------------------------------------


def _wraps_the_long_way(text: str, block: Block, previous: Section, title: str) -> bool:
    """``_wraps_agenda_item`` as it was: the indents read first."""
    if block.span.line_start != previous.span.line_end + 1:
        return False
    deeper = (block.span.start - start_of_line(text, block.span.start)) > (
        previous.span.start - start_of_line(text, previous.span.start)
    )
    return (
        title.startswith(("）", ")"))
        or previous.title.count("（") > previous.title.count("）")
        or (deeper and not AGENDA_ITEM_START_RE.match(title))
    )


class _State:
    def __init__(self, text: str) -> None:
        self.text = text


_LINE = st.text(alphabet="日程第１一、（）() 　議案", max_size=8)


@given(
    indents=st.tuples(st.integers(0, 3), st.integers(0, 3)),
    lines=st.tuples(_LINE, _LINE),
    gap=st.integers(1, 2),
)
def test_a_wrapped_agenda_line_is_told_as_before(
    indents: tuple[int, int], lines: tuple[str, str], gap: int
) -> None:
    first = " " * indents[0] + lines[0]
    second = " " * indents[1] + lines[1]
    text = first + "\n" * gap + second
    start = len(first) + gap + indents[1]
    previous = Section(
        id="s1",
        kind="agenda",
        title=lines[0].strip(),
        heading=first,
        span=span_of(Pos(indents[0], len(first), 1, 1, None)),
    )
    block = Block(
        BlockKind.SECTION, Pos(start, len(text), gap + 1, gap + 1, None), meta=SectionMeta()
    )
    title = lines[1].strip()
    state: Any = _State(text)
    assert parser._wraps_agenda_item(state, block, previous, title) == _wraps_the_long_way(
        text, block, previous, title
    )


# -- a padded name ------------------------------------------------------------------------------

_SPACE_RUN_RE = re.compile(r"[ \u3000\t]+")


def _split_padded_the_long_way(field: str) -> tuple[str, str | None]:
    """``split_padded_name`` as it was: a split, then the gaps found again."""
    text = field.strip(" \u3000")
    pieces = _SPACE_RUN_RE.split(text)
    if len(pieces) == 1:
        return text, None
    name = "".join(pieces)
    widths = [len(gap) for gap in _SPACE_RUN_RE.findall(text)]
    widest = max(widths)
    if widest >= 2 and widths.count(widest) == 1:
        return name, "".join(pieces[: widths.index(widest) + 1])
    tokens = [t for t in pieces if t]
    if not tokens:
        return name, None
    if len(tokens) == 2 or len(tokens[0]) > 1:
        return name, tokens[0]
    if len(tokens[-1]) > 1:
        return name, "".join(tokens[:-1])
    return name, None


@given(st.text(alphabet="吉田崇仁茂木修つたえりな \u3000\t\n", max_size=14))
@example("吉　田　崇　仁")
@example("茂　木　　　修")
@example("\t\t")
@example("つ　た　えりな")
def test_a_padded_name_is_cut_as_before(field: str) -> None:
    assert split_padded_name(field) == _split_padded_the_long_way(field)
