"""Shortcuts of the roster entries and the speaker labels (issue 13, round 6) give what the
long way gives."""

from __future__ import annotations

from collections.abc import Callable, Collection

import regex
from hypothesis import given
from hypothesis import strategies as st

from gijiroku import names, resolve
from gijiroku.blocks import Block, BlockKind
from gijiroku.formats import get_format
from gijiroku.formats.base import Format
from gijiroku.labels import gather_evidence
from gijiroku.names import Evidence, Person
from gijiroku.normalize import memo_scope
from gijiroku.resolve import LabelParts, analyze_label
from gijiroku.rosters import EntryParts, RosterBuilder, read_entry, split_padded_name
from gijiroku.tokenizer import tokenize_lines

from .conftest import read_sample, sample_paths


def _blocks_of(text: str) -> list[Block]:
    """Every block the tokenizer makes of ``text``, children included, in order."""
    with memo_scope():
        top = tokenize_lines(text, get_format(None, text))
    found: list[Block] = []
    stack = list(reversed(top))
    while stack:
        block = stack.pop()
        found.append(block)
        stack.extend(reversed(block.children))
    return found


# -- a padded name: its gaps found by the standard re ----------------------------------------

_SPACES_RE = regex.compile(r"[ \u3000\t]+")


def _split_padded_name_the_long_way(field: str) -> tuple[str, str | None]:
    """split_padded_name as it was: the regex module's runs of spaces, found one by one."""
    text = field.strip(" \u3000")
    name = _SPACES_RE.sub("", text)
    gaps = list(_SPACES_RE.finditer(text))
    if not gaps:
        return name, None
    widest = max(len(g.group()) for g in gaps)
    wide = [g for g in gaps if len(g.group()) == widest]
    if widest >= 2 and len(wide) == 1:
        return name, _SPACES_RE.sub("", text[: wide[0].start()])
    tokens = [t for t in _SPACES_RE.split(text) if t]
    if not tokens:  # (a field of tabs alone: fixed in both ways, it raised IndexError)
        return name, None
    if len(tokens) == 2 or len(tokens[0]) > 1:
        return name, tokens[0]
    if len(tokens[-1]) > 1:
        return name, "".join(tokens[:-1])
    return name, None


def _outcome(split: Callable[[str], tuple[str, str | None]], field: str) -> object:
    return split(field)


@given(st.text(alphabet=st.sampled_from("吉田崇仁つた \u3000\t\n"), max_size=24))
def test_a_padded_name_splits_as_the_long_way_splits_it(field: str) -> None:
    assert _outcome(split_padded_name, field) == _outcome(_split_padded_name_the_long_way, field)


def test_padded_names_of_the_docstring_and_tabs_at_the_ends() -> None:
    for field, expected in [
        ("吉　田　崇　仁", ("吉田崇仁", None)),
        ("茂　木　　　修", ("茂木修", "茂木")),
        ("むらまつ　勝康", ("むらまつ勝康", "むらまつ")),
        ("つ　た　えりな", ("つたえりな", "つた")),
        ("\t山 田\t", ("山田", "山")),  # (tabs are not stripped: empty pieces at the ends)
        ("", ("", None)),
        ("\t", ("", None)),  # (a field of tabs alone holds no name: no IndexError)
    ]:
        assert split_padded_name(field) == expected == _split_padded_name_the_long_way(field)


# -- the default entry reader: read_entry itself ----------------------------------------------


def test_a_roster_with_the_default_hook_reads_entries_with_read_entry() -> None:
    fmt = get_format("diet")
    roster = RosterBuilder(text="", known_titles=set(), read=fmt.read_entry)
    assert roster._reader is None  # (read_entry's own way, on the groups read once)
    assert RosterBuilder(text="", known_titles=set())._reader is None


def test_a_family_that_reads_its_entries_its_own_way_is_asked() -> None:
    asked: list[Block] = []

    class OwnEntries(Format):
        name = "own-entries"

        def read_entry(self, entry: Block, roster: RosterBuilder) -> EntryParts:
            asked.append(entry)
            return EntryParts("山田太郎", "委員", "山田", [])

    fmt = OwnEntries()
    roster = RosterBuilder(text="", known_titles=set(), read=fmt.read_entry)
    assert roster._reader == fmt.read_entry
    text = read_sample("diet/shugiin-monka-2023-11-01.txt")
    entries = [b for b in _blocks_of(text) if b.kind is BlockKind.MEMBER]
    assert entries  # (a diet sample lists its members)
    member = roster.add_entry(entries[0], group=None)
    assert asked == [entries[0]]
    assert (member.name, member.title, member.surname) == ("山田太郎", "委員", "山田")


def test_the_default_hook_and_read_entry_read_every_sample_entry_alike() -> None:
    """Format.read_entry (the hook) and rosters.read_entry give the same parts for every
    entry of the bundled samples, each in a roster of its own."""
    seen = 0
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        fmt = get_format(None, text)
        for entry in _blocks_of(text):
            if entry.kind is not BlockKind.MEMBER:
                continue
            with memo_scope():
                by_hook = fmt.read_entry(entry, RosterBuilder(text=text, known_titles=set()))
                direct = read_entry(entry, RosterBuilder(text=text, known_titles=set()))
            assert by_hook == direct
            seen += 1
    assert seen > 50


# -- labels read once a parse without evidence ------------------------------------------------

_LABELS = st.text(
    alphabet=st.sampled_from("〇◎山田太郎議長委員（）()君番４1担当課 　"), max_size=16
)


@given(
    _LABELS,
    st.none() | _LABELS,
    st.none() | st.sampled_from(["〇", "◎", "○"]),
    st.sampled_from(["tuple", "set", "evidence"]),
)
def test_a_label_without_evidence_reads_as_the_long_way_reads_it(
    label: str, pname: str | None, mark: str | None, empty: str
) -> None:
    known: Collection[str] = {"tuple": (), "set": set(), "evidence": Evidence()}[empty]
    long_way = resolve._analyze_label(label, pname, mark, ())
    with memo_scope():
        plain = analyze_label(label, pname)  # (what gather_evidence asks first: no mark)
        again = analyze_label(label, pname, mark=mark, known_titles=known)
    assert again == long_way
    assert plain == resolve._analyze_label(label, pname, None, ())
    assert analyze_label(label, pname, mark=mark, known_titles=known) == long_way  # (no memo)


def test_evidence_with_people_or_titles_is_read_the_long_way() -> None:
    people = Evidence(people=[Person("長谷部誠", surname="長谷部", title="緑化推進課長")])
    titles = Evidence({"緑化推進課長"})
    label = "長谷部緑化推進課長"
    for known in (people, titles):
        with memo_scope():
            plain = analyze_label(label)
            read = analyze_label(label, known_titles=known)
        assert read == resolve._analyze_label(label, None, None, known)
        assert (plain.name, plain.role) == (None, label)
        assert (read.name, read.role) == ("長谷部", "緑化推進課長")  # (the evidence splits it)


def test_every_sample_label_reads_as_the_long_way_reads_it() -> None:
    """Each TURN label of the bundled samples, read by Format.read_label with the evidence
    the parse gathers (and with none) in one memo scope, is the long way's reading."""
    seen = 0
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        fmt = get_format(None, text)
        with memo_scope():
            blocks = tokenize_lines(text, fmt)
            evidence = gather_evidence(blocks, text)
            for block in blocks:
                if block.kind is not BlockKind.TURN:
                    continue
                groups = block.groups
                label, pname, mark = (
                    groups.get("label", ""),
                    block.get("pname"),
                    block.get("mark"),
                )
                for known in (evidence, Evidence()):
                    parts = fmt.read_label(block, known)
                    assert isinstance(parts, LabelParts)
                    assert parts == resolve._analyze_label(label, pname, mark, known)
                    seen += 1
    assert seen > 100


# -- the start two names share --------------------------------------------------------------


@given(st.text(alphabet="荒井俊之あ", max_size=8), st.text(alphabet="荒井俊之あ", max_size=8))
def test_the_common_prefix_is_the_generator_s(a: str, b: str) -> None:
    long_way = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    assert names._common_prefix(a, b) == long_way
    assert a[:long_way] == b[:long_way]
