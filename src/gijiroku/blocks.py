"""What the tokenizer emits: :class:`Block` objects, each with a kind, a position, the text
its rule matched, and a small typed record of what the rule decided.

Top-level blocks tile the input: every non-blank character belongs to exactly one of them.
A block may hold ``children`` that point into its own span: roster entries of a roster line,
a page marker that interrupts a paragraph, a member named inside a paragraph.

A block carries two kinds of data:

- ``groups``: the named groups of the rule's pattern, raw text as printed (``label``,
  ``text``, ``title``, ``value`` …); :data:`KIND_GROUPS` lists the ones the parser reads;
- ``meta``: a frozen record of the block kind's :data:`META_TYPES` type (:class:`HeaderMeta`,
  :class:`TurnMeta` …) with typed values: enums, booleans, ints. A family builds it in its
  rules, and a misspelt field fails when the family is defined, not in the output.

Positions are plain :class:`Pos` tuples; the parser turns them into
:class:`~gijiroku.models.Span` records once, when it builds a record.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from types import MappingProxyType
from typing import Literal, NamedTuple

from gijiroku.models import Attendance

__all__ = [
    "KIND_GROUPS",
    "META_TYPES",
    "Block",
    "BlockKind",
    "BlockMeta",
    "EntryLayout",
    "Fact",
    "HeaderMeta",
    "HeaderName",
    "ItemMeta",
    "LayoutMeta",
    "MemberMeta",
    "NoteMeta",
    "Pos",
    "RosterMeta",
    "SectionMeta",
    "SeparatorMeta",
    "TurnMeta",
    "UnmatchedMeta",
]


class BlockKind(str, enum.Enum):
    """The kinds of blocks, in the order a document usually shows them.

    Hot paths read the members they compare every block with once, as module constants: in
    Python 3.11 the enum metaclass defines ``__getattr__``, so each ``BlockKind.HEADER`` (or
    ``HeaderName.TITLE``) takes the slow attribute path, some 900 machine instructions against
    ~50 for a global."""

    HEADER = "header"
    """A header line: the title, or ``key：value`` (日時, 会場 …)."""
    ROSTER = "roster"
    """A line listing people; its children are MEMBER blocks."""
    MEMBER = "member"
    """One roster entry (a child)."""
    SECTION = "section"
    """An agenda heading (〔議題（１）…〕) or an agenda item listed in the header."""
    TURN = "turn"
    """A speaker label and the text on its paragraph."""
    CONTINUATION = "continuation"
    """A paragraph of text that goes on with the current turn."""
    NOTE = "note"
    """A stand-alone note (（了承）, （開始 13：30）)."""
    PAGE = "page"
    """A page marker (``- 4 -``)."""
    SIGNATURE = "signature"
    """A line of the closing signature block (…ここに署名する, 議長　伊藤　よしのり)."""
    SEPARATOR = "separator"
    """A rule line (``――――◇―――――``, ``＝＝＝``) between parts of the minutes."""
    ITEM = "item"
    """A bullet or paragraph of summary minutes."""
    RUNNING_HEADER = "running_header"
    """A line printed on every page (a running header or footer), out of the text."""
    FURNITURE = "furniture"
    """Web page furniture around the minutes (a breadcrumb, a banner, a link), out of the text."""
    UNMATCHED = "unmatched"
    """Text no rule claims; it becomes a diagnostic."""


class HeaderName(str, enum.Enum):
    """What a header line means. The values are the ``name`` of
    :class:`~gijiroku.models.HeaderField` in the JSON output."""

    TITLE = "title"
    DATETIME = "datetime"
    DATE = "date"
    TIME = "time"
    VENUE = "venue"
    ATTENDEES = "attendees"
    ABSENTEES = "absentees"
    AGENDA = "agenda"
    MATERIALS = "materials"
    AUDIENCE = "audience"
    STAFF = "staff"
    RECORDER = "recorder"
    CHAIR = "chair"
    NUMBER = "number"
    CAPTION = "caption"
    NOTICE = "notice"
    POST = "post"
    ROSTER = "roster"
    """A roster line (the header field made of a ROSTER block)."""
    ROSTER_HEADING = "roster_heading"
    CHANGES_HEADING = "changes_heading"
    CHANGE_DATE = "change_date"
    CHANGE_COLUMNS = "change_columns"
    AGENDA_HEADING = "agenda_heading"
    ORDER_OF_DAY = "order_of_day"
    PROCEEDINGS = "proceedings"
    """A key that announces the proceedings (主な質疑, 議事経過): the header is over."""


class Fact(str, enum.Enum):
    """A fact about the meeting stated outside the header fields (the body named in the
    chair's opening words, a plenary sitting shown by 議事日程); used when the header is silent."""

    BODY = "body"
    HOUSE = "house"
    SESSION = "session"
    NUMBER = "number"
    DATE = "date"
    VENUE = "venue"
    TITLE = "title"


class EntryLayout(str, enum.Enum):
    """How a roster entry is printed, which decides how it is read
    (:mod:`gijiroku.rosters`)."""

    PERSON = "person"
    """Surname + title as in running text: ``林委員``, ``日下情報政策部長``."""
    COLUMNS = "columns"
    """Title and name in space-separated columns, 君 at the end: ``理事　池田　佳隆君``; a post
    printed on lines of its own above goes with the entry."""
    PADDED = "padded"
    """The rule cut the columns: a name printed in a padded or letter-spaced field
    (``吉　田　崇　仁``), with ``title`` and ``seat`` groups when printed."""
    RUN_TOGETHER = "run_together"
    """Title and name with no space between them, the name in a padded field:
    ``委員長吉原　　修君``."""
    LISTED = "listed"
    """An entry of a list as :func:`gijiroku.rosters.split_row` cut it: a ``title`` and a
    ``name`` (``委員長:星名建市``, ``委員長　　平山たかお議員``, ``委員長  清 瀬 英 也``) or a
    ``person`` printed as in running text (``岩瀬達哉委員``, ``伊藤忠通(出席)``)."""


class Pos(NamedTuple):
    """A block's place in the source: 0-based ``start``, exclusive ``end``, 1-based lines, and
    the page it starts on (None when unknown). The same fields as
    :class:`~gijiroku.models.Span`, as a plain tuple."""

    start: int
    end: int
    line_start: int
    line_end: int
    page: int | None


@dataclass(frozen=True, slots=True)
class BlockMeta:
    """What every block may carry: facts about the meeting it states."""

    facts: tuple[tuple[Fact, str], ...] = ()


@dataclass(frozen=True, slots=True)
class HeaderMeta(BlockMeta):
    """A header line. ``name``: what it means. For a roster heading: ``group`` (the list's
    name; ``""`` for none), ``attendance`` of the entries under it (None keeps the list's),
    ``member_title`` given to plain names under it. For a title: ``body`` when the rule read
    the body's name itself. ``value_of_key``: the line is the value of a key printed alone
    on the line above (``○日時`` / ``平成23年2月10日(木)…``)."""

    name: HeaderName | None = None
    group: str | None = None
    attendance: Attendance | None = None
    member_title: str | None = None
    body: str | None = None
    value_of_key: bool = False


@dataclass(frozen=True, slots=True)
class RosterMeta(BlockMeta):
    """A roster line. ``inherits_group``: entries take the group of the heading above when
    the line names none (an office line, 事務局 …課, names its own)."""

    inherits_group: bool = True


@dataclass(frozen=True, slots=True)
class MemberMeta(BlockMeta):
    """A roster entry: its ``layout``, its own ``attendance`` when printed (本日欠席の熊谷委員),
    and whether a parenthesis after it names a role rather than an affiliation."""

    layout: EntryLayout = EntryLayout.PERSON
    attendance: Attendance | None = None
    paren_is_role: bool = False


@dataclass(frozen=True, slots=True)
class SectionMeta(BlockMeta):
    """An agenda heading or item.

    ``agenda``: listed in the header (本日の会議に付した案件) rather than a heading between
    turns; ``continues``: the line goes on with the section above (True), starts a new one
    (False), or the layout decides (None); ``joiner``: what goes between the titles when it
    continues; ``title``: the title when the rule tidied it (else the ``title`` group);
    ``placeholder``: the title is only the item number, and a line that goes on with the
    section replaces it; ``number``: the item number as printed; ``last``: the last item of
    a range taken up together; ``level``: nesting depth; ``owner`` and ``tags``: who presents
    it and its labels.
    """

    agenda: bool = False
    continues: bool | None = None
    joiner: str = ""
    title: str | None = None
    placeholder: bool = False
    number: str | None = None
    last: str | None = None
    level: int | None = None
    owner: str | None = None
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TurnMeta(BlockMeta):
    """A speaker turn. ``enrol``: a speaker the label names in full but no roster lists joins
    the members."""

    enrol: bool = False


@dataclass(frozen=True, slots=True)
class NoteMeta(BlockMeta):
    """A note: its ``kind`` (see :mod:`gijiroku.notes`), None to classify its text."""

    kind: str | None = None


@dataclass(frozen=True, slots=True)
class SeparatorMeta(BlockMeta):
    """A rule line. ``sublist``: it separates two parts of one list (members from officials),
    not two lists."""

    sublist: bool = False


@dataclass(frozen=True, slots=True)
class ItemMeta(BlockMeta):
    """A bullet or paragraph of summary minutes: ``kind`` (bullet, paragraph, decision, todo),
    ``owner`` when the text names who, ``indent`` in columns, and ``heads_kind`` when the items
    nested under it take its kind (the bullets under an empty ``TODO:``)."""

    kind: str = "bullet"
    owner: str | None = None
    indent: int = 0
    heads_kind: bool = False


@dataclass(frozen=True, slots=True)
class LayoutMeta(BlockMeta):
    """A page marker's ``number``, when it prints one."""

    number: int | None = None


@dataclass(frozen=True, slots=True)
class UnmatchedMeta(BlockMeta):
    """Text no rule claimed, and the ``region`` it stands in (header or body)."""

    region: Literal["header", "body"] = "body"


#: The meta record type of each block kind.
META_TYPES: Mapping[BlockKind, type[BlockMeta]] = MappingProxyType(
    {
        BlockKind.HEADER: HeaderMeta,
        BlockKind.ROSTER: RosterMeta,
        BlockKind.MEMBER: MemberMeta,
        BlockKind.SECTION: SectionMeta,
        BlockKind.TURN: TurnMeta,
        BlockKind.CONTINUATION: BlockMeta,
        BlockKind.NOTE: NoteMeta,
        BlockKind.PAGE: LayoutMeta,
        BlockKind.SIGNATURE: BlockMeta,
        BlockKind.SEPARATOR: SeparatorMeta,
        BlockKind.ITEM: ItemMeta,
        BlockKind.RUNNING_HEADER: LayoutMeta,
        BlockKind.FURNITURE: LayoutMeta,
        BlockKind.UNMATCHED: UnmatchedMeta,
    }
)
_DEFAULT_META = {kind: meta_type() for kind, meta_type in META_TYPES.items()}

#: The named groups the parser reads, by block kind: (required, optional). A rule's pattern
#: must have the required ones; a family may add groups of its own for its hooks.
KIND_GROUPS: Mapping[BlockKind, tuple[frozenset[str], frozenset[str]]] = MappingProxyType(
    {
        BlockKind.HEADER: (frozenset(), frozenset({"key", "value"})),
        BlockKind.ROSTER: (frozenset(), frozenset({"entries", "group"})),
        BlockKind.MEMBER: (
            frozenset(),
            frozenset({"person", "name", "title", "paren", "seat", "group", "honorific"}),
        ),
        BlockKind.SECTION: (frozenset({"title"}), frozenset({"number", "last"})),
        BlockKind.TURN: (frozenset({"label"}), frozenset({"text", "mark", "pname"})),
        BlockKind.CONTINUATION: (frozenset({"text"}), frozenset()),
        BlockKind.NOTE: (frozenset({"text"}), frozenset()),
        BlockKind.SIGNATURE: (frozenset(), frozenset({"statement", "date", "role", "name"})),
        BlockKind.SEPARATOR: (frozenset(), frozenset({"text"})),
        BlockKind.ITEM: (frozenset(), frozenset({"text", "marker"})),
        BlockKind.PAGE: (frozenset(), frozenset()),
        BlockKind.RUNNING_HEADER: (frozenset(), frozenset()),
        BlockKind.FURNITURE: (frozenset(), frozenset()),
        BlockKind.UNMATCHED: (frozenset(), frozenset({"text"})),
    }
)

_NO_GROUPS: Mapping[str, str] = MappingProxyType({})


class OneGroup(Mapping[str, str]):
    """The groups of a block that has one (a continuation line's ``text``, most blocks): a
    read-only mapping of one entry, 48 bytes where a dictionary behind a proxy takes 240.
    Made by the tokenizer (:func:`frozen_groups`); read it as any ``Mapping``. Two hot
    readers read its slots without a call: :func:`group_reader` and the parser's walk of
    continuation lines (``parser._walk``): keep the slots' names."""

    __slots__ = ("_name", "_value")

    def __init__(self, name: str, value: str) -> None:
        self._name = name
        self._value = value

    def __getitem__(self, key: str) -> str:
        if key == self._name:
            return self._value
        raise KeyError(key)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return self._value if key == self._name else default

    def __contains__(self, key: object) -> bool:
        return key == self._name

    def __iter__(self) -> Iterator[str]:
        return iter((self._name,))

    def __len__(self) -> int:
        return 1

    def __repr__(self) -> str:
        return repr({self._name: self._value})


class _Groups(Mapping[str, str]):
    """The groups of a block that has several: their names, a tuple shared by every block
    with the same names, and their values; read-only, 104 bytes for two groups where a
    dictionary behind a proxy takes 240 or more."""

    __slots__ = ("_names", "_values")

    def __init__(self, names: tuple[str, ...], values: tuple[str, ...]) -> None:
        self._names = names
        self._values = values

    def __getitem__(self, key: str) -> str:
        if key in self._names:
            return self._values[self._names.index(key)]
        raise KeyError(key)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        names = self._names
        return self._values[names.index(key)] if key in names else default

    def __contains__(self, key: object) -> bool:
        return key in self._names

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def __repr__(self) -> str:
        return repr(dict(zip(self._names, self._values, strict=True)))


#: The names of the groups blocks have, each tuple kept once (a closed set: the named groups
#: of the rules' patterns).
_GROUP_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}
_GROUP_NAMES_LIMIT = 4096


def frozen_groups(groups: dict[str, str]) -> Mapping[str, str]:
    """``groups`` as a block keeps them: a read-only mapping, lighter than the dictionary
    (a block of one group, most blocks, takes 48 bytes). The dictionary is not copied: it
    must not change afterwards."""
    if len(groups) == 1:
        for name, value in groups.items():
            return OneGroup(name, value)
    if not groups:
        return _NO_GROUPS
    names = tuple(groups)
    shared = _GROUP_NAMES.get(names)
    if shared is None:
        if len(_GROUP_NAMES) >= _GROUP_NAMES_LIMIT:
            return MappingProxyType(dict(groups))
        shared = _GROUP_NAMES[names] = names
    return _Groups(shared, tuple(groups.values()))


def shared_group_names(names: tuple[str, ...]) -> tuple[str, ...] | None:
    """``names`` as the blocks made by :func:`frozen_groups` share them (one tuple for each
    set of names), or None when no more are kept (:func:`frozen_groups` then makes a
    dictionary behind a proxy)."""
    shared = _GROUP_NAMES.get(names)
    if shared is None:
        if len(_GROUP_NAMES) >= _GROUP_NAMES_LIMIT:
            return None
        shared = _GROUP_NAMES[names] = names
    return shared


def named_groups(names: tuple[str, ...], values: tuple[str, ...]) -> Mapping[str, str]:
    """What :func:`frozen_groups` makes of ``dict(zip(names, values))``, with no dictionary:
    ``names`` (two or more, distinct) as :func:`shared_group_names` gives them, ``values``
    of the same length (str: the tokenizer leaves unset groups out)."""
    return _Groups(names, values)


def groups_dict(groups: Mapping[str, str]) -> dict[str, str]:
    """A block's ``groups`` as a new plain dictionary, read without a Python call per key
    (for a reader that looks several groups up: each ``get`` of the read-only mappings
    above is a call of its own)."""
    kind = type(groups)
    if kind is OneGroup:
        one: OneGroup = groups  # type: ignore[assignment]
        return {one._name: one._value}
    if kind is _Groups:
        several: _Groups = groups  # type: ignore[assignment]
        return dict(zip(several._names, several._values, strict=True))
    return dict(groups)


def group_reader(names: tuple[str, ...]) -> Callable[[Mapping[str, str]], tuple[str, ...]]:
    """A function that reads the groups ``names`` (two or more) of a block at once:
    ``read(block.groups)`` is ``tuple(block.groups.get(name, "") for name in names)``, an
    unset group ``""``. For a reader that looks several groups of many blocks up (each
    ``get`` of the read-only mappings above is a Python call of its own): the groups of a
    block that has several are picked from their values by one ``itemgetter``, made once
    for each set of names the blocks have."""
    if len(names) < 2:
        raise ValueError("group_reader reads two groups or more")
    empty = ("",) * len(names)
    getters: dict[tuple[str, ...], Callable[[tuple[str, ...]], tuple[str, ...]]] = {}
    where: dict[str, int] = {name: at for at, name in enumerate(names)}

    def getter_for(held: tuple[str, ...]) -> Callable[[tuple[str, ...]], tuple[str, ...]]:
        # (an unset group is read from the "" put after the values)
        getter = itemgetter(*[held.index(name) if name in held else len(held) for name in names])
        if len(getters) < _GROUP_NAMES_LIMIT:
            getters[held] = getter
        return getter

    def read(groups: Mapping[str, str]) -> tuple[str, ...]:
        kind = type(groups)
        if kind is _Groups:
            several: _Groups = groups  # type: ignore[assignment]
            held = several._names
            getter = getters.get(held)
            if getter is None:
                getter = getter_for(held)
            return getter(several._values + ("",))  # noqa: RUF005 (one concatenation)
        if kind is OneGroup:
            one: OneGroup = groups  # type: ignore[assignment]
            at = where.get(one._name)
            if at is None:
                return empty
            values = list(empty)
            values[at] = one._value
            return tuple(values)
        return tuple([groups.get(name, "") for name in names])

    return read


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the input as the tokenizer sees it.

    Attributes:
        kind: what the block is.
        span: where it is in the original text (a plain :class:`Pos`).
        groups: the rule's named groups, raw (not yet normalized); unset ones are absent.
        meta: what the rule decided (a record of :data:`META_TYPES` [kind]).
        rule: the name of the rule that produced it, for debugging.
        children: blocks inside this one (roster entries, page markers, mentions).
    """

    kind: BlockKind
    span: Pos
    groups: Mapping[str, str] = field(default_factory=lambda: _NO_GROUPS)
    meta: BlockMeta | None = None
    rule: str = ""
    children: tuple[Block, ...] = ()

    def __post_init__(self) -> None:
        if self.meta is None:
            object.__setattr__(self, "meta", _DEFAULT_META[self.kind])
        elif not isinstance(self.meta, META_TYPES[self.kind]):
            raise TypeError(
                f"a {self.kind.value} block carries {META_TYPES[self.kind].__name__}, "
                f"not {type(self.meta).__name__}"
            )

    @property
    def fields(self) -> Mapping[str, str]:
        """The named groups (an alias of :attr:`groups`)."""
        return self.groups

    def get(self, name: str) -> str | None:
        """A named group, or ``None`` when the rule did not set it (or set it empty)."""
        value = self.groups.get(name)
        return value if value else None

    def text_of(self, source: str) -> str:
        """The characters of ``source`` this block covers."""
        return source[self.span.start : self.span.end]


class _UnfrozenBlock:
    """:class:`Block`'s slots, in its order, without the frozen ``__setattr__``: a block
    is made as one of these, its slots stored as any attribute, then given its class (the
    same layout: ``__class__`` may be assigned). Six stores and one assignment cost about
    half of the six slot descriptors' ``__set__`` calls of a frozen class."""

    __slots__ = Block.__slots__
    # (declared for mypy: the slots above)
    kind: BlockKind
    span: Pos
    groups: Mapping[str, str]
    meta: BlockMeta
    rule: str
    children: tuple[Block, ...]


_new_object = object.__new__


def unchecked_block(
    kind: BlockKind,
    span: Pos,
    groups: Mapping[str, str],
    meta: BlockMeta,
    rule: str,
    children: tuple[Block, ...],
) -> Block:
    """A :class:`Block` made without the checks of its constructor, for the tokenizer's
    inner loop: ``meta`` must already be a record of :data:`META_TYPES` [``kind``] (a rule's
    ``meta`` is checked when the rule is made, a derived one when it is derived)."""
    block = _new_object(_UnfrozenBlock)
    block.kind = kind
    block.span = span
    block.groups = groups
    block.meta = meta
    block.rule = rule
    block.children = children
    block.__class__ = Block  # type: ignore[assignment]
    return block  # type: ignore[return-value]


def one_group_block(
    kind: BlockKind, span: Pos, name: str, value: str, meta: BlockMeta, rule: str
) -> Block:
    """``unchecked_block(kind, span, OneGroup(name, value), meta, rule, ())`` in one call,
    for the tokenizer's short ways (a line's block, most blocks): the mapping made, as the
    block, without its constructor's call."""
    groups = _new_object(OneGroup)
    groups._name = name
    groups._value = value
    block = _new_object(_UnfrozenBlock)
    block.kind = kind
    block.span = span
    block.groups = groups
    block.meta = meta
    block.rule = rule
    block.children = ()
    block.__class__ = Block  # type: ignore[assignment]
    return block  # type: ignore[return-value]


def default_meta(kind: BlockKind) -> BlockMeta:
    """The record a block of ``kind`` carries when its rule gives none."""
    return _DEFAULT_META[kind]
