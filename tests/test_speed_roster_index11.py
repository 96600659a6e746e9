"""The roster's index (:class:`gijiroku.resolve.Roster`) is built only for minutes with a
speaker or a signer to look up (issue 13): summary minutes have neither."""

from __future__ import annotations

import pytest

import gijiroku
from gijiroku import parser
from gijiroku.blocks import BlockKind
from gijiroku.formats import choose_format
from gijiroku.normalize import memo_scope
from gijiroku.parser import parse_blocks
from gijiroku.resolve import Roster
from gijiroku.tokenizer import tokenize_lines

from .conftest import read_sample, sample_paths


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[Roster]:
    built: list[Roster] = []

    class Counting(Roster):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            built.append(self)

    monkeypatch.setattr(parser, "Roster", Counting)
    return built


def test_the_index_is_built_where_a_turn_or_a_signature_needs_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = _counting(monkeypatch)
    needed = skipped = 0
    for path in sample_paths():
        built.clear()
        m = gijiroku.parse(path.read_bytes())
        wanted = bool(m.utterances or m.signatures)
        assert len(built) == int(wanted), path.name
        needed += wanted
        skipped += not wanted and bool(m.members)
    assert needed  # (both ways are taken by the samples)
    assert skipped


def test_signers_without_turns_are_still_looked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    """(the blocks of minutes with a signature, their turns left out)"""
    text = read_sample("assembly/takasago-giunkai-2023-04-12.txt")
    built = _counting(monkeypatch)
    with memo_scope():
        detection = choose_format(None, text)
        blocks = [
            block
            for block in tokenize_lines(text, detection.format)
            if block.kind not in (BlockKind.TURN, BlockKind.CONTINUATION)
        ]
        m = parse_blocks(blocks, text=text, fmt=detection.format, detection=detection)
    assert not m.utterances
    assert [(s.name, s.member_id) for s in m.signatures[0].signers] == [("迫川高行", "m1")]
    assert len(built) == 1
