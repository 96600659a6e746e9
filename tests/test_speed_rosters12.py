"""The roster path's shortcuts (issue 13, round 12) give what the long way gives.

- :func:`~gijiroku.names.strip_honorific` answers "none" at once for a name whose last
  character ends no honorific;
- a padded name is searched for spaces before 君 or 議員 only when it holds one of them;
- a roster row has its links blanked only when it holds a character every link starts with;
- the parser cleans an entry's ``group`` and ``each`` only when they are printed;
- a row's guard asks whether the row names someone listed before it reads the next line.
"""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import rosters
from gijiroku.blocks import Block, BlockKind, EntryLayout
from gijiroku.formats import common, get_format
from gijiroku.formats.base import Context
from gijiroku.names import HONORIFICS, strip_honorific
from gijiroku.normalize import compact, memo_scope
from gijiroku.rosters import EntryParts, RosterBuilder, read_entry
from gijiroku.tokenizer import tokenize_lines

from .conftest import sample_paths

#: Characters the shortcuts look at, and some that make names and links.
_ALPHABET = st.sampled_from(
    list("議員君さん氏様殿山田太郎委員長 \u3000<>[]()（）:/.httpsw、,|｜なし番")
)
_TEXTS = st.text(_ALPHABET, max_size=24)


def _sample_lines() -> list[str]:
    lines = {
        line.strip(" \u3000\t")
        for path in sample_paths()
        for line in path.read_text(encoding="utf-8").splitlines()
    }
    return sorted(line for line in lines if line)


def _strip_honorific_long_way(name: str) -> tuple[str, str | None]:
    for honorific in HONORIFICS:
        if name.endswith(honorific) and len(name) > len(honorific):
            return name[: -len(honorific)], honorific
    return name, None


def _links_blanked(text: str) -> str:
    return common._LINK_RE.sub(lambda m: " " * len(m.group()), text)


def _may_hold_link(text: str) -> bool:
    return "<" in text or "[" in text or "http" in text


def _needs_honorific_space_cut(text: str) -> bool:
    return "君" in text or "議員" in text


# -- strip_honorific ----------------------------------------------------------------------


@given(_TEXTS)
def test_strip_honorific_matches_the_long_way(name: str) -> None:
    assert strip_honorific(name) == _strip_honorific_long_way(name)


def test_strip_honorific_matches_the_long_way_on_every_sample_line() -> None:
    for line in _sample_lines():
        for piece in (line, *regex.split(r"[ \u3000、，,|｜]+", line)):
            assert strip_honorific(piece) == _strip_honorific_long_way(piece), piece


# -- the prefilters: a text they turn away is one the pattern leaves as it is -------------


@given(_TEXTS)
def test_link_prefilter_turns_away_only_texts_without_links(text: str) -> None:
    if not _may_hold_link(text):
        assert _links_blanked(text) == text


@given(_TEXTS)
def test_honorific_space_prefilter_turns_away_only_texts_it_leaves(text: str) -> None:
    if not _needs_honorific_space_cut(text):
        assert rosters._SPACE_BEFORE_HONORIFIC_RE.sub("", text) == text


def test_prefilters_on_every_sample_line() -> None:
    for line in _sample_lines():
        if not _may_hold_link(line):
            assert _links_blanked(line) == line, line
        if not _needs_honorific_space_cut(line):
            assert rosters._SPACE_BEFORE_HONORIFIC_RE.sub("", line) == line, line


@given(_TEXTS)
def test_roster_row_matches_the_long_way(text: str) -> None:
    with memo_scope():
        got = common._roster_row(text)
    if common.NONE_RE.match(compact(text)):
        return
    with memo_scope():
        expected = list(rosters.split_row(_links_blanked(text)))
    assert got == expected


# -- the parser's reading of every sample's roster entries --------------------------------


def _entries_read(text: str, read: object) -> list[tuple[str | None, ...]]:
    """Every roster entry of ``text`` (a row's, a key's) read by ``read`` in document order,
    the rows fed to a roster as the parser feeds them (the posts above an entry matter)."""
    fmt = get_format(None, text)
    with memo_scope():
        blocks = tokenize_lines(text, fmt)
        builder = RosterBuilder(text=text, known_titles=set(), read=fmt.read_entry)
        found: list[tuple[str | None, ...]] = []
        for block in blocks:
            for child in block.children:
                if child.kind is BlockKind.MEMBER:
                    parts = read(child, builder)  # type: ignore[operator]
                    found.append((parts.name, parts.title, parts.surname, *parts.roles))
            if block.kind is BlockKind.ROSTER:
                builder.roster_line(block)
    return found


def _read_entry_long_way(entry: Block, roster: RosterBuilder) -> EntryParts:
    """:func:`read_entry` with the padded name's substitution made on every name."""
    groups = entry.groups
    meta = entry.meta
    if getattr(meta, "layout", None) is EntryLayout.PADDED:
        printed = rosters._SPACE_BEFORE_HONORIFIC_RE.sub("", groups.get("name") or "")
        printed, _ = _strip_honorific_long_way(printed)
        name, surname = rosters.split_padded_name(printed)
        title = compact(groups.get("title") or "") or None
        roles: list[str] = []
        if title is None:
            title, roles = roster.take_posts()
        return EntryParts(name or None, title, surname, roles)
    return read_entry(entry, roster)


def test_every_sample_entry_reads_the_same_both_ways() -> None:
    padded = 0
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        found = _entries_read(text, read_entry)
        assert found == _entries_read(text, _read_entry_long_way), path
        padded += "hakodate" in path.name and len(found)
    assert padded > 50  # (the padded names of an assembly's roster were read)


# -- a label of someone listed: the set looked up before the next line is read ---------------


def _speaker_already_listed_long_way(text: str, ctx: Context) -> bool:
    if ctx.following is None or not common.reads_as_speech(ctx.following):
        return False
    return compact(text).strip("【】[]［］（()）") in ctx.people


@given(_TEXTS, st.none() | _TEXTS, st.sets(_TEXTS, max_size=4))
def test_speaker_already_listed_matches_the_long_way(
    text: str, following: str | None, people: set[str]
) -> None:
    people.add(compact(text).strip("【】[]［］（()）"))  # (half the time: someone listed)
    for known in (people, set()):
        ctx = Context(following=following, people=known)
        assert common._speaker_already_listed(text, ctx) == _speaker_already_listed_long_way(
            text, ctx
        )


def test_speaker_already_listed_on_every_sample_line() -> None:
    lines = _sample_lines()
    people = {compact(line).strip("【】[]［］（()）") for line in lines[::3]}
    for line, following in zip(lines, [*lines[1:], None], strict=True):
        ctx = Context(following=following, people=people)
        assert common._speaker_already_listed(line, ctx) == _speaker_already_listed_long_way(
            line, ctx
        ), line
