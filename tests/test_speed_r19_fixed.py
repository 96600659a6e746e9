"""The fixed cost of one parse (issue 13, round 19): shortcuts give what the long way gives.

:func:`~gijiroku.labels.gather_evidence` returns an empty
:class:`~gijiroku.names.Evidence` at once when no TURN block prints a label: with no label,
no surname is wanted from the header, no title is shared or printed alone, and a
self-introduction is kept only when it shares its first characters with a label. Each test
compares it with the long way (:func:`~gijiroku.labels._evidence_of`) on every sample and on
generated text, with labels and without.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gijiroku import tokenize
from gijiroku.formats import FORMATS
from gijiroku.labels import _evidence_of, _labels_and_openings, gather_evidence
from gijiroku.names import Evidence

from .conftest import sample_paths

#: Pieces of header lines, speeches that introduce their speaker (the long way reads
#: them), labels and plain text.
_PIECES = st.sampled_from(
    [
        "\n",
        "\n\n",
        "　",
        " ",
        "会議録",
        "委員長　　　迫川　高行",
        "委員:中村紀雄、",
        "緑化推進課長　長谷部　誠",
        "施設担当部長の荒井俊之でございます。",
        "総務課長の宮原です。",
        "それでは始めます。",
        "○迫川委員長　",
        "○長谷部緑化推進課長　",
        "座長 ",
        "林委員 ",
        "（曽根委員）",
        "令和6年2月22日",
        "| file | what |",
    ]
)
_TEXTS = st.lists(_PIECES, max_size=30).map("".join)


def _contents(evidence: Evidence) -> tuple[list[str], list[tuple[str, str | None, str | None]]]:
    """What an :class:`Evidence` holds: its titles and its people, in order."""
    return sorted(evidence), [(p.name, p.surname, p.title) for p in evidence.people]


def _long_way(text: str, fmt: str) -> tuple[Evidence, Evidence, bool]:
    """gather_evidence of the text's blocks, the long way's evidence, and whether a label
    was read (the shortcut is taken without one)."""
    blocks = tokenize(text, format=fmt)
    labels, header_end, openings = _labels_and_openings(blocks)
    return (
        gather_evidence(blocks, text),
        _evidence_of(labels, text[:header_end], openings),
        bool(labels),
    )


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.name)
def test_evidence_as_the_long_way_on_samples(path):  # type: ignore[no-untyped-def]
    text = path.read_bytes().decode("utf-8")
    for fmt in ("generic", "assembly"):
        quick, long, _ = _long_way(text, fmt)
        assert _contents(quick) == _contents(long)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, fmt=st.sampled_from(sorted(FORMATS)))
def test_evidence_as_the_long_way(text: str, fmt: str) -> None:
    quick, long, _ = _long_way(text, fmt)
    assert _contents(quick) == _contents(long)


def test_no_label_gives_empty_evidence_where_the_long_way_reads_openings() -> None:
    """A speech with a self-introduction but no label: the long way reads the opening and
    keeps no one (no label's initials to match): so does the shortcut."""
    text = "施設担当部長の荒井俊之でございます。\n"
    blocks = tokenize(text, format="generic")
    labels, _, openings = _labels_and_openings(blocks)
    if labels:
        pytest.skip("the generic profile read a label here")
    quick = gather_evidence(blocks, text)
    assert _contents(quick) == ([], [])
    assert _contents(_evidence_of(labels, "", openings or [text])) == ([], [])


def test_labels_give_the_long_way() -> None:
    """With labels, gather_evidence is the long way itself (people named in the header)."""
    text = "出席委員　委員長　迫川　高行\n\n○迫川委員長　開会します。\n"
    quick, long, labelled = _long_way(text, "assembly")
    assert labelled
    assert quick.full_name("迫川") == "迫川高行"
    assert _contents(quick) == _contents(long)
