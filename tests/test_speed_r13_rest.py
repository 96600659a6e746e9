"""Round 13's shortcuts in the fixed cost of a parse give what the long ways gave.

- spans and records made without the validator, written out (``models.span_between``,
  ``models.record_of``): the validator's records, or its errors;
- detection: the families and their hook kept by the registry, each family's score
  written out in ``_scores``, the runner-up found without a list (``formats._detection``);
- decoding: signatures and byte-order marks looked for only after a byte one of them
  starts with (``decoding._LEADS``);
- ``api``: the pipeline's modules kept after the first parse, their functions still looked
  up on each call; ``report_issues`` done at once for ``"collect"``.

Each long way is the code as it was, copied here, or the plain validator.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import Any

import pydantic
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import gijiroku
from gijiroku import api, decoding, formats, tokenizer
from gijiroku.blocks import Block, Pos
from gijiroku.errors import DecodeError, GijirokuWarning
from gijiroku.formats import FORMATS, Detection, Format
from gijiroku.formats.base import FIT_LOW, Head
from gijiroku.formats.diet import Diet
from gijiroku.models import Member, Span, Speaker, record_of, span_between, span_of

from .conftest import SAMPLES, sample_paths

# -- spans and records -------------------------------------------------------------------------

_INT_LIKE = (
    st.integers(-2, 10**12) | st.booleans() | st.floats(-1, 5) | st.none() | st.text(max_size=2)
)


def _validated(values: dict[str, Any]) -> tuple[Span | None, Any]:
    try:
        return Span(**values), None
    except pydantic.ValidationError as error:
        return None, error.errors()


def _same_record(made: pydantic.BaseModel, validated: pydantic.BaseModel) -> None:
    assert made == validated
    assert made.model_dump_json() == validated.model_dump_json()
    assert made.model_dump() == validated.model_dump()
    assert list(made.__dict__.items()) == list(validated.__dict__.items())
    assert [type(v) for v in made.__dict__.values()] == [
        type(v) for v in validated.__dict__.values()
    ]
    assert made.model_fields_set == validated.model_fields_set
    assert made.__pydantic_extra__ is validated.__pydantic_extra__
    assert made.__pydantic_private__ is validated.__pydantic_private__
    assert repr(made) == repr(validated)
    with pytest.raises(pydantic.ValidationError):
        made.start = 0  # type: ignore[attr-defined]  # frozen, as validated ones are


@given(
    start=_INT_LIKE,
    end=_INT_LIKE,
    line_start=_INT_LIKE,
    line_end=_INT_LIKE,
    page=st.none() | _INT_LIKE,
    first_end=st.integers(0, 9),
    last_start=st.integers(0, 9),
)
@example(start=0, end=0, line_start=1, line_end=1, page=None, first_end=0, last_start=0)
@example(start=-1, end=0, line_start=1, line_end=1, page=None, first_end=0, last_start=0)
@example(start=0, end=0, line_start=0, line_end=1, page=2, first_end=0, last_start=0)
@example(start=True, end=3, line_start=1, line_end=1, page=None, first_end=0, last_start=0)
def test_a_span_between_two_positions_is_the_validated_span(
    start: Any,
    end: Any,
    line_start: Any,
    line_end: Any,
    page: Any,
    first_end: int,
    last_start: int,
) -> None:
    """The span written out is the validator's, and whatever fails there fails the same."""
    first = Pos(start, first_end, line_start, 7, page)
    last = Pos(last_start, end, 5, line_end, None)
    values = {
        "start": start,
        "end": end,
        "line_start": line_start,
        "line_end": line_end,
        "page": page,
    }
    validated, failure = _validated(values)
    try:
        made, made_failure = span_between(first, last), None
    except pydantic.ValidationError as error:
        made, made_failure = None, error.errors()
    assert made_failure == failure
    if validated is not None:
        assert made is not None
        _same_record(made, validated)
        _same_record(span_of(Pos(start, end, line_start, line_end, page)), validated)


def test_spans_made_without_the_validator_share_one_fields_set() -> None:
    one, two = span_of(Pos(0, 1, 1, 1, None)), span_of(Pos(2, 3, 1, 1, 4))
    assert one.__pydantic_fields_set__ is two.__pydantic_fields_set__
    assert one.model_fields_set == set(Span.model_fields)


@given(
    label=st.text(max_size=4),
    name=st.none() | st.text(max_size=4),
    seat=st.none() | st.integers(0, 99),
)
def test_a_record_made_by_record_of_is_the_validated_one(
    label: str, name: str | None, seat: int | None
) -> None:
    values: dict[str, object] = {
        "label": label,
        "name": name,
        "role": None,
        "mark": None,
        "seat": seat,
        "honorific": None,
        "yomi": None,
        "title": name,
        "affiliation": None,
    }
    made = record_of(Speaker, dict(values), kept=True)
    validated = Speaker(**values)
    _same_record(made, validated)
    # the fields set is the one shared by every record of the class
    assert (
        made.__pydantic_fields_set__
        is record_of(Speaker, dict(values), kept=True).__pydantic_fields_set__
    )


def test_record_of_leaves_to_the_validator_what_it_was_not_told_is_kept() -> None:
    values: dict[str, object] = {
        "id": "m1",
        "name": 3,  # not a str: the validator says so
        "title": None,
        "group": None,
        "roles": (),
        "attendance": "present",
        "seat": None,
        "affiliation": None,
        "entry": "x",
        "span": span_of(Pos(0, 1, 1, 1, None)),
    }
    with pytest.raises(pydantic.ValidationError):
        record_of(Member, values, kept=False)


# -- detection -------------------------------------------------------------------------------------


def _scores_as_they_were(text: str) -> list[tuple[float, Format]]:
    """``formats._scores`` as it was: each registered family scored through ``_score_of``."""
    head = Head(text)
    found = [(formats._score_of(e.fmt)(head), e.fmt) for e in formats._REGISTRY.ranked()]
    found.sort(key=lambda item: item[0], reverse=True)
    return found


def _detection_as_it_was(ranked: list[tuple[float, Format]]) -> Detection:
    """``formats._detection`` as it was."""
    best_score, best = ranked[0]
    scores = tuple((fmt.name, score) for score, fmt in ranked)
    fallback = FORMATS.get(formats.FALLBACK_FORMAT)
    if best_score < FIT_LOW and fallback is not None and best is not fallback:
        return Detection(fallback, best_score, best, best_score, scores)
    others = [(score, fmt) for score, fmt in ranked if fmt is not best]
    runner_score, runner = others[0] if others else (0.0, None)
    return Detection(best, best_score, runner, runner_score, scores)


def _detect_as_it_was(text: str) -> Detection:
    """``formats.detect_format`` through the long ways above."""
    if len(text) > formats.FIRST_LOOK_CHARS:
        first = _scores_as_they_were(text[: formats.FIRST_LOOK_CHARS])
        top = first[0][0]
        if top >= formats.SURE and (len(first) < 2 or top - first[1][0] >= formats.MARGIN):
            return _detection_as_it_was(first)
    return _detection_as_it_was(_scores_as_they_were(text[: formats.HEAD_CHARS]))


def _same_detection(found: Detection, expected: Detection) -> None:
    assert found.format is expected.format
    assert found.runner_up is expected.runner_up
    assert (found.score, found.runner_up_score, found.scores) == (
        expected.score,
        expected.runner_up_score,
        expected.scores,
    )


def _heads() -> list[str]:
    texts = [p.read_bytes().decode("utf-8") for p in sample_paths()]
    texts.append((SAMPLES / "README.md").read_text(encoding="utf-8"))
    heads = ["", " ", "座長 それでは始めます。"]
    for text in texts:
        heads += [text[: formats.FIRST_LOOK_CHARS], text[: formats.HEAD_CHARS], text[500:2500]]
    return heads


def test_each_family_is_scored_as_through_score_of() -> None:
    for head in _heads():
        found, expected = formats._scores(head), _scores_as_they_were(head)
        assert [(score, fmt) for score, fmt in found] == expected
        assert [type(score) for score, _ in found] == [type(score) for score, _ in expected]
        _same_detection(formats._detection(found), _detection_as_it_was(expected))
        _same_detection(formats.detect_format(head), _detect_as_it_was(head))


class _OnlyLooksLike(Format):
    name = "r13-only-looks-like"

    def looks_like(self, head: str) -> float:
        return 0.95 if "ONLY" in head else 0.0


class _MyDiet(Diet):
    """A subclass whose own ``looks_like`` (below the class of the hook) decides."""

    name = "r13-my-diet"

    def looks_like(self, head: str) -> float:
        return 1.0 if "MINE" in head else 0.05


def test_families_read_by_looks_like_alone_are_scored_as_before() -> None:
    """A plugin family with ``looks_like`` alone, a subclass overriding it, and an instance
    given its own: the hook is not called for them, as ``_score_of`` says."""
    patched = Diet()
    patched.name = "r13-patched"  # type: ignore[misc]
    patched.looks_like = lambda head: 0.5 if "PATCH" in head else 0.0  # type: ignore[method-assign]
    added = [_OnlyLooksLike(), _MyDiet(), patched]
    for fmt in added:
        formats.register_format(fmt, priority=5)
    try:
        names = [fmt.name for fmt, _ in formats._REGISTRY.detectors()]
        assert all(fmt.name in names for fmt in added)
        for head in ["ONLY MINE PATCH", "MINE", "PATCH", "", *_heads()[:9]]:
            found, expected = formats._scores(head), _scores_as_they_were(head)
            assert found == expected
            _same_detection(formats._detection(found), _detection_as_it_was(expected))
        # an instance given its own looks_like after it was registered is read by it
        patched.looks_like = lambda head: 0.75  # type: ignore[method-assign]
        assert formats._scores("x") == _scores_as_they_were("x")
        assert (0.75, patched) in formats._scores("x")
    finally:
        for fmt in added:
            formats.unregister_format(fmt.name)
    assert all(fmt.name not in [f.name for f, _ in formats._REGISTRY.detectors()] for fmt in added)


_FAMILIES = [FORMATS[name] for name in FORMATS]


@given(
    st.lists(
        st.tuples(
            st.sampled_from([0.0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.9, 1.0]),
            st.sampled_from(_FAMILIES),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_the_runner_up_is_found_as_before(items: list[tuple[float, Format]]) -> None:
    """Any ranking, the same family twice included: the same best, runner-up, scores."""
    ranked = sorted(items, key=lambda item: item[0], reverse=True)
    _same_detection(formats._detection(ranked), _detection_as_it_was(ranked))


def test_the_registry_forgets_its_families_when_they_change() -> None:
    before = formats._REGISTRY.detectors()
    formats.register_format(_OnlyLooksLike(), priority=99)
    try:
        now = formats._REGISTRY.detectors()
        assert now[0][0].name == "r13-only-looks-like"
        assert now[0][1] is False
        assert formats.detect_format("ONLY").name == "r13-only-looks-like"
    finally:
        formats.unregister_format("r13-only-looks-like")
    assert formats._REGISTRY.detectors() == before
    assert [fmt for fmt, _ in before] == [entry.fmt for entry in formats._REGISTRY.ranked()]


# -- decoding ------------------------------------------------------------------------------------

_MARKS = [mark for mark, _ in (*decoding._SIGNATURES, *decoding._BOMS)]


def _decode_as_it_was(data: bytes) -> Any:
    """``decoding._decode_bytes`` (no encoding given) with every signature and byte-order
    mark compared, as it was: the result, or the error's message."""
    try:
        for signature, what in decoding._SIGNATURES:
            if data.startswith(signature):
                raise DecodeError(f"input looks like {what}, not text", offset=0)
        for bom, codec in decoding._BOMS:
            if data.startswith(bom):
                found = decoding._tolerant(data, codec)
                if isinstance(found, int):
                    raise DecodeError(
                        f"bad {codec.replace('-sig', '')} after its byte-order mark at byte "
                        f"{found}",
                        offset=found,
                    )
                return found[0], codec.replace("-sig", ""), decoding._cut(found, data)
        # (neither: the rest of the way is the one the shortcut takes too)
        return decoding._decode_bytes(data, None)
    except DecodeError as error:
        return str(error)


def _decoded(data: bytes) -> Any:
    try:
        return decoding._decode_bytes(data, None)
    except DecodeError as error:
        return str(error)


@given(
    mark=st.sampled_from([b"", *_MARKS, *(mark[:1] for mark in _MARKS), b"\xef\xbb"]),
    rest=st.binary(max_size=12)
    | st.sampled_from(["議事録".encode(e) for e in ("utf-8", "utf-16", "cp932")]),
)
def test_marks_are_looked_for_only_after_a_byte_they_start_with(mark: bytes, rest: bytes) -> None:
    data = mark + rest
    assert _decoded(data) == _decode_as_it_was(data)
    if data[:1] not in decoding._LEADS:
        assert decoding._decode_marked(data) is None  # what the gate skips: nothing found


def test_every_mark_starts_with_a_lead_byte() -> None:
    assert {mark[:1] for mark in _MARKS} == decoding._LEADS
    assert b"" not in decoding._LEADS


# -- api -------------------------------------------------------------------------------------------


def test_the_pipeline_functions_are_looked_up_on_each_parse(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The modules are kept, not their functions: a wrapper put in place later is called."""
    gijiroku.parse("座長 はい。")
    calls: list[str] = []
    plain: Callable[..., list[Block]] = tokenizer.tokenize_lines

    def counting(text: str, fmt: Format) -> list[Block]:
        calls.append(text)
        return plain(text, fmt)

    monkeypatch.setattr(tokenizer, "tokenize_lines", counting)
    assert gijiroku.parse("座長 はい。") == gijiroku.parse("座長 はい。")
    gijiroku.tokenize("座長 はい。")
    assert calls == ["座長 はい。"] * 3
    assert api._pipeline is not None
    assert api._pipeline[0] is tokenizer


def test_collect_reports_nothing_and_the_others_report_as_before() -> None:
    text = "本文だけ"  # no turns, no date: warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        minutes = gijiroku.parse(text, on_issue="collect")
    serious = [d for d in minutes.diagnostics if d.severity in ("warning", "error")]
    assert serious
    with pytest.warns(GijirokuWarning) as caught:
        gijiroku.parse(text, on_issue="warn")
    assert [str(w.message) for w in caught] == [f"{d.code}: {d.message}" for d in serious]
    with pytest.raises(gijiroku.ParseError):
        gijiroku.parse(text, on_issue="raise")


def test_samples_parse_as_through_the_long_ways() -> None:
    """The whole parse, detection the long way, gives the same minutes."""
    for path in [*sample_paths()[:6], SAMPLES / "README.md"]:
        text = path.read_bytes().decode("utf-8")
        quick = gijiroku.parse(text)
        slow = _parse_detecting_the_long_way(text)
        assert quick.model_dump_json() == slow.model_dump_json(), path.name


def _parse_detecting_the_long_way(text: str) -> Any:
    def choose_as_it_was(fmt: object, head: str) -> Detection:
        assert fmt is None
        return _detect_as_it_was(head)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(api, "choose_format", choose_as_it_was)
        return gijiroku.parse(text)
