"""Helpers' patterns compiled with the standard ``re`` (issue 13, round 12) read as ``regex`` reads them.

The patterns below hold nothing ``re`` reads otherwise (no ``\\p{..}``, ``\\d``, ``\\w``, ``\\b``,
possessive or atomic parts, case folding); ``regex``'s ``\\s`` is spelled out as
:data:`~gijiroku.vocabulary.WHITE_SPACE` (``re``'s ``\\s`` also takes U+001C–U+001F). Each is
compiled again by ``regex`` from the same text, and both must find the same matches, groups
and spans on every line of every sample, on every whole sample text and on made-up text.
"""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import labels, layout, notes, quality, rosters
from gijiroku.formats import assembly, committee, common, summary
from gijiroku.vocabulary import SECTION_NUMBER_RE, WHITE_SPACE

from .conftest import sample_paths

SWITCHED: dict[str, re.Pattern[str]] = {
    "rosters._SPACE_BEFORE_HONORIFIC_RE": rosters._SPACE_BEFORE_HONORIFIC_RE,
    "rosters._TITLE_THEN_NAME_RE": rosters._TITLE_THEN_NAME_RE,
    "rosters._NAME_WITH_GAP_RE": rosters._NAME_WITH_GAP_RE,
    "rosters._GROUP_PREFIX_RE": rosters._GROUP_PREFIX_RE,
    "rosters._NAME_BREAK_RE": rosters._NAME_BREAK_RE,
    "rosters._SPACES_RE": rosters._SPACES_RE,
    "rosters._TOKEN_RE": rosters._TOKEN_RE,
    "layout._SPACES_RE": layout._SPACES_RE,
    "layout._BREADCRUMB_RE": layout._BREADCRUMB_RE,
    "layout._BREADCRUMB_START_RE": layout._BREADCRUMB_START_RE,
    "layout._LINK_RE": layout._LINK_RE,
    "layout._SITE_RE": layout._SITE_RE,
    "layout._BRACKETED_RE": layout._BRACKETED_RE,
    "layout._INNER_NAME_RE": layout._INNER_NAME_RE,
    "layout._HONORIFIC_END_RE": layout._HONORIFIC_END_RE,
    "assembly._SP_RE": assembly._SP_RE,
    "assembly._SP_RUN_RE": assembly._SP_RUN_RE,
    "assembly._PAREN_INNER_RE": assembly._PAREN_INNER_RE,
    "assembly._SEAT_PREFIX_RE": assembly._SEAT_PREFIX_RE,
    "assembly._COUNT_RE": assembly._COUNT_RE,
    "assembly._COUNT_TAIL_RE": assembly._COUNT_TAIL_RE,
    "assembly._SPACED_NUMBERING_RE": assembly._SPACED_NUMBERING_RE,
    "assembly._ITEM_PREFIX_RE": assembly._ITEM_PREFIX_RE,
    "assembly._STRONG_SPEECH_RE": assembly._STRONG_SPEECH_RE,
    "assembly._LABEL_ALONE_RE": assembly._LABEL_ALONE_RE,
    "labels._INNER_RE": labels._INNER_RE,
    "committee._ENTRY_ENDS_WITH_TITLE_RE": committee._ENTRY_ENDS_WITH_TITLE_RE,
    "quality._TITLE_FIRST_RE": quality._TITLE_FIRST_RE,
    "common.NONE_RE": common.NONE_RE,
    "common._SPACED_KEY_RE": common._SPACED_KEY_RE,
    "common._POLITE_ENDING_RE": common._POLITE_ENDING_RE,
    "common._NOT_A_NAME_RE": common._NOT_A_NAME_RE,
    "summary.LINK_RE": summary.LINK_RE,
    "notes._SPACES_RE": notes._SPACES_RE,
    "vocabulary.SECTION_NUMBER_RE": SECTION_NUMBER_RE,
}
_FLAGS = ((re.IGNORECASE, regex.IGNORECASE), (re.MULTILINE, regex.MULTILINE),
          (re.DOTALL, regex.DOTALL), (re.VERBOSE, regex.VERBOSE))  # fmt: skip


def _twin(pattern: re.Pattern[str]) -> regex.Pattern[str]:
    """The same pattern text and flags, compiled by ``regex``."""
    return regex.compile(pattern.pattern, sum(r for s, r in _FLAGS if pattern.flags & s))


def _reading(pattern: re.Pattern[str] | regex.Pattern[str], text: str) -> list[object]:
    """Every match of a search through ``text`` (which ``sub``, ``split`` and ``findall`` are
    made of) with its groups and their spans, and ``match`` and ``fullmatch`` at the start."""

    def facts(m: re.Match[str] | regex.Match[str] | None) -> object:
        if m is None:
            return None
        return [m.span(i) for i in range(len(m.groups()) + 1)], m.groups(), m.groupdict()

    return [
        [facts(m) for m in pattern.finditer(text)],
        facts(pattern.match(text)),
        facts(pattern.fullmatch(text)),
    ]


_TWINS = {name: _twin(pattern) for name, pattern in SWITCHED.items()}


def test_white_space_is_what_regex_calls_s() -> None:
    everything = "".join(map(chr, range(0x3000 + 1)))  # (no White_Space character after U+3000)
    assert regex.findall(f"[{WHITE_SPACE}]", everything) == regex.findall(r"\s", everything)
    assert regex.findall(r"\s", "".join(map(chr, range(0x3001, 0x110000)))) == []


def test_the_switched_patterns_hold_nothing_re_reads_otherwise() -> None:
    for name, pattern in SWITCHED.items():
        text = pattern.pattern
        for part in (r"\s", r"\S", r"\d", r"\D", r"\w", r"\W", r"\b", r"\B", r"\p", "*+", "++"):
            assert part not in text, (name, part)


def test_re_reads_every_sample_as_regex_does() -> None:
    texts = [path.read_text(encoding="utf-8") for path in sample_paths()]
    lines = sorted({line for text in texts for line in text.splitlines()})
    assert len(lines) > 5_000
    unused = []
    for name, pattern in SWITCHED.items():
        twin = _TWINS[name]
        found = 0
        for line in lines:
            reading = _reading(pattern, line)
            assert reading == _reading(twin, line), (name, line)
            found += bool(reading[0])
        for text in texts:
            assert _reading(pattern, text) == _reading(twin, text), name
        if not found:
            unused.append(name)
    assert len(unused) <= 3, unused  # (the samples put nearly every pattern to work)


#: Characters the patterns read, and white space ``re`` and ``regex`` tell apart.
_ALPHABET = sorted(
    {c for pattern in SWITCHED.values() for c in pattern.pattern if not c.isascii()}
    | set(" \t\n\r\x1c\x1f\x85\xa0\u2028\u3000()[]<>:.|-/a1Ahttps")
)


#: The words the patterns spell (会議録, 検索, 議員, ます …), for made-up text to hold.
_WORDS = sorted(
    {w for p in SWITCHED.values() for w in re.findall(r"[^\x00-\x7f|]+", p.pattern)}
    | {"https://", "<https://", "](", "PDF", "Word", "No.", "3KB", "1番", "第２"}
)
_TEXT = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.text(alphabet=_ALPHABET, max_size=4)), max_size=12
).map("".join)


@pytest.mark.parametrize("name", sorted(SWITCHED))
@given(text=_TEXT)
def test_re_reads_made_up_text_as_regex_does(name: str, text: str) -> None:
    assert _reading(SWITCHED[name], text) == _reading(_TWINS[name], text)
