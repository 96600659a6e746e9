"""What a minutes family is made of: a :class:`Format` subclass with class-level tables of
:class:`Rule` objects and a few hooks, the way a SQL dialect is one file in sqlglot.

The base class owns the machinery and the defaults; a family subclasses it, sets its tables
(``header_rules``, ``body_rules``, ``mention_rules``, ``page_marker`` …) and overrides only
the hooks it reads differently:

- :meth:`Format.looks_like`: how sure it is that a text is one of its documents
  (:meth:`Format.looks_like_head` reads the same from a :class:`Head`, cut once for every
  family);
- :meth:`Format.survey`: what the whole document says before the rules run (what a mark
  such as ◎ means in it), found by guards in :attr:`Context.document`;
- :meth:`Format.read_label`: a speaker label into its parts;
- :meth:`Format.read_entry`: a roster entry into name, title and roles;
- :meth:`Format.read_title`: the facts a title line states;
- :meth:`Format.finish_meeting`: the last word on the meeting's facts.

The rules are checked when the class is defined: a pattern without the groups its block kind
needs, or a record of the wrong type, fails at import, not in the output.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, Literal

import regex

from gijiroku.blocks import (
    KIND_GROUPS,
    META_TYPES,
    Block,
    BlockKind,
    BlockMeta,
    Fact,
    HeaderMeta,
    HeaderName,
)
from gijiroku.layout import PAGE_MARKER_RE, LabelCounts
from gijiroku.normalize import compact, memoized
from gijiroku.vocabulary import letter_spaced, letter_spaced_any

if TYPE_CHECKING:
    from gijiroku.meeting import Diagnose, MeetingValues
    from gijiroku.parser import Handler
    from gijiroku.resolve import LabelParts
    from gijiroku.rosters import EntryParts, RosterBuilder

__all__ = [
    "HEADER_FIELD_NAMES",
    "KEEP_MODE",
    "KNOWN_HEADER_KEYS_RE",
    "ChildRule",
    "Context",
    "Derive",
    "Detection",
    "FIT_LOW",
    "FIT_MARGIN",
    "Format",
    "Guard",
    "Head",
    "ModeGuard",
    "ParagraphMode",
    "Region",
    "Rule",
    "Signal",
    "header_field_name",
    "in_mode",
    "title_unseen",
    "keyed_header",
    "weigh",
    "letter_spaced",
]

Region = Literal["header", "body", "any"]
ParagraphMode = Literal["pdf", "line", "auto"]
MarkRole = Literal["speaker", "heading", "text"]

#: ``Rule.sets_mode`` default: the rule leaves the mode as it is.
KEEP_MODE = "<keep>"


@dataclass(slots=True)
class Context:
    """What the tokenizer knows while it walks the paragraphs; rules' guards may read it.

    ``mode`` is set by rules (``Rule.sets_mode``) to say what a run of lines is, e.g.
    ``"roster"`` after a roster heading, ``None`` again after a rule line. ``indent`` is the
    white space before the current paragraph (full-width spaces count one each).
    ``document`` is what the format's :meth:`Format.survey` found in the whole text.
    ``following`` is the text of the next paragraph (None at the end or before a page
    marker); ``labels`` counts how often each label-shaped start of a line (spaces and a
    mark removed) occurs in the document, and ``named`` the full names labels print in
    parentheses (委員長（平山たかお）), ``lone_labels`` how many lines hold a label alone
    (:func:`gijiroku.layout.count_lone_labels`) — these two read from a
    :class:`~gijiroku.layout.LabelCounts` given as ``labels`` (the tokenizer's, which counts
    each when a guard first asks: most documents' guards never do), none and 0 from another
    mapping; ``people`` holds the names, surnames and titles of
    the roster entries read so far; ``open_key`` is the meaning of a key printed alone on the
    previous line, whose value may be on this one; ``last_section`` the text of the last
    section heading read (a heading numbered next after it is one, even inside speech).
    """

    region: Literal["header", "body"] = "header"
    index: int = 0
    title_seen: bool = False
    previous: BlockKind | None = None
    previous_rule: str | None = None
    mode: str | None = None
    indent: int = 0
    previous_indent: int = 0
    document: Mapping[str, str] = field(default_factory=dict)
    following: str | None = None
    labels: Mapping[str, int] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)
    open_key: HeaderName | None = None
    last_section: str | None = None

    @property
    def lone_labels(self) -> int:
        labels = self.labels
        return labels.lone if isinstance(labels, LabelCounts) else 0

    @property
    def named(self) -> frozenset[str]:
        labels = self.labels
        return labels.named if isinstance(labels, LabelCounts) else frozenset()


Guard = Callable[[regex.Match[str], Context], bool]
#: Computes a block's record from the rule's named groups.
Derive = Callable[[Mapping[str, str]], BlockMeta]


@dataclass(frozen=True, slots=True)
class ModeGuard:
    """A guard that reads nothing but :attr:`Context.mode` (made by :func:`in_mode`): a rule
    given one takes its modes as :attr:`Rule.modes`, checked before the pattern is tried."""

    modes: frozenset[str | None]

    def __call__(self, match: regex.Match[str], ctx: Context) -> bool:
        return ctx.mode in self.modes


def in_mode(*modes: str | None) -> Guard:
    """A guard: the rule applies only while :attr:`Context.mode` is one of ``modes``."""
    return ModeGuard(frozenset(modes))


def title_unseen(ctx: Context) -> bool:
    """A ``Rule.when``: no title has been read yet."""
    return not ctx.title_seen


def _check_record(owner: str, kind: BlockKind, meta: BlockMeta | None) -> None:
    if meta is not None and not isinstance(meta, META_TYPES[kind]):
        raise TypeError(
            f"{owner}: a {kind.value} block carries {META_TYPES[kind].__name__}, "
            f"not {type(meta).__name__}"
        )


def _check_groups(owner: str, kind: BlockKind, pattern: regex.Pattern[str]) -> None:
    required, _ = KIND_GROUPS[kind]
    missing = required - set(pattern.groupindex)
    if missing:
        raise ValueError(f"{owner}: a {kind.value} pattern needs the group(s) {sorted(missing)}")


#: Cuts a text into children: (start, end, groups, record) for each.
Splitter = Callable[[str], Sequence[tuple[int, int, dict[str, str], BlockMeta | None]]]


@dataclass(frozen=True, slots=True)
class ChildRule:
    """Finds child blocks inside a paragraph (roster entries, members named in the text).

    ``pattern`` is run with ``finditer`` over the text of the parent match's ``group``
    (the whole paragraph when ``group`` is empty); each match becomes a child of ``kind``
    whose groups are the match's named groups and whose record is ``meta``; with ``fact``
    the child states that fact, its value the ``value`` group. The child's span is the
    match, or its ``span_group`` when given. Instead of a pattern, ``split`` may cut the
    text (a roster row: :func:`gijiroku.rosters.split_row`). ``kinds`` are the blocks it
    looks in; with ``once`` it stops after the first paragraph where it finds something (a
    fact stated once, such as the body's name in the chair's opening words). As for a
    :class:`Rule`, ``needs`` names characters one of which a text must hold to be searched.
    """

    group: str
    kind: BlockKind
    pattern: regex.Pattern[str] | None = None
    meta: BlockMeta | None = None
    span_group: str | None = None
    kinds: tuple[BlockKind, ...] = (BlockKind.TURN, BlockKind.CONTINUATION)
    guard: Guard | None = None
    once: bool = False
    fact: Fact | None = None
    split: Splitter | None = None
    needs: str = ""

    def __post_init__(self) -> None:
        if (self.pattern is None) == (self.split is None):
            raise ValueError("a child rule needs a pattern or a split function, not both")
        owner = f"child rule {self.pattern.pattern[:30] if self.pattern else self.split}"
        _check_record(owner, self.kind, self.meta)
        if self.fact is not None and (
            self.kind is not BlockKind.HEADER
            or self.pattern is None
            or "value" not in self.pattern.groupindex
        ):
            raise ValueError(f"{owner}: a fact is stated by a header child with a 'value' group")


@dataclass(frozen=True, slots=True)
class Rule:
    """One way a paragraph can be read.

    Attributes:
        name: shown in :attr:`Block.rule` (e.g. ``"label-turn"``).
        kind: the block kind a match makes.
        pattern: matched in full against the paragraph's text (white space stripped).
        region: where the rule applies: the header, the body, or both.
        ends_header: a match in the header region means the proceedings have begun.
        guard: a check the pattern cannot express; the rule applies only when it is true.
        meta: the block's record when it is the same for every match.
        derive: computes the block's record from the named groups (instead of ``meta``).
        children: cuts a group into child blocks (roster entries).
        requires_next: the rule applies only when ``absorb_next`` matches the next paragraph
            (a title underlined on the next line).
        sets_mode: the :attr:`Context.mode` after a match (``KEEP_MODE``: unchanged).
        ends_modes: with ``KEEP_MODE``, the modes a match ends (an item ends a list of
            people, not a list of to-dos).
        with_indent: put the paragraph's indentation (in columns, a tab counting 4) in the
            record's ``indent`` (items of summary minutes).
        absorb_next: when the block has no ``text`` group and the next paragraph matches
            this in full, that paragraph joins the block (its named groups are added), e.g.
            ``座長`` / ``（曽根委員）``.
        modes: the modes (:attr:`Context.mode`) the rule is tried in (None: any), checked
            with the region before the pattern; a guard made by :func:`in_mode` gives them.
        needs: characters one of which a paragraph must hold for the rule to be tried, a
            cheap test before a costly pattern (``"）)"``: a label closed by a parenthesis).
        when: a condition on the context alone, checked before the pattern is tried (the
            title not yet seen: :func:`title_unseen`); ``guard`` then checks the match.
        may_match: a cheap test that every text the pattern matches passes, tried before
            a costly pattern (False: the rule is not tried): a label alone holds no ``。``
            unless a parenthesis or a bracket ends it. Tested against the pattern.
    """

    name: str
    kind: BlockKind
    pattern: regex.Pattern[str]
    region: Region = "any"
    ends_header: bool = False
    guard: Guard | None = None
    meta: BlockMeta | None = None
    derive: Derive | None = None
    children: ChildRule | None = None
    absorb_next: regex.Pattern[str] | None = None
    requires_next: bool = False
    sets_mode: str | None = KEEP_MODE
    with_indent: bool = False
    ends_modes: frozenset[str] = frozenset()
    modes: frozenset[str | None] | None = None
    needs: str = ""
    when: Callable[[Context], bool] | None = None
    may_match: Callable[[str], bool] | None = None

    def __post_init__(self) -> None:
        owner = f"rule {self.name!r}"
        if isinstance(self.guard, ModeGuard):  # in_mode(…): no guard left to call
            modes = self.guard.modes if self.modes is None else self.modes & self.guard.modes
            object.__setattr__(self, "modes", modes)
            object.__setattr__(self, "guard", None)
        _check_groups(owner, self.kind, self.pattern)
        _check_record(owner, self.kind, self.meta)
        if self.meta is not None and self.derive is not None:
            raise ValueError(f"{owner}: give meta or derive, not both")
        if self.with_indent and self.kind is not BlockKind.ITEM:
            raise ValueError(f"{owner}: with_indent is for item blocks")


class Head:
    """The head of a document as the detectors read it, cut once for every family.

    Each view is made when first asked for: :attr:`after_break` (the head after a line
    break, so that every line, the first too, starts after ``\\n``: a pattern finds a
    line's start as ``\\n``, quicker than ``(?m)^``), :attr:`lf_after_break` (the same
    with ``\\r\\n`` and ``\\r`` read as ``\\n``), :attr:`lines` (the lines that are not
    blank, as ``str.splitlines`` cuts them) and :attr:`filled` (those lines, each after a
    ``\\n``: a count of lines that match a pattern is one ``findall`` over it).
    """

    __slots__ = ("_after_break", "_filled", "_lf_after_break", "_lines", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._after_break: str | None = None
        self._lf_after_break: str | None = None
        self._lines: list[str] | None = None
        self._filled: str | None = None

    @property
    def after_break(self) -> str:
        """``"\\n" + text``."""
        if self._after_break is None:
            self._after_break = "\n" + self.text
        return self._after_break

    @property
    def lf_after_break(self) -> str:
        """``"\\n" + text`` with every ``\\r\\n`` and lone ``\\r`` read as ``\\n``."""
        if self._lf_after_break is None:
            after = self.after_break
            if "\r" in after:
                after = after.replace("\r\n", "\n").replace("\r", "\n")
            self._lf_after_break = after
        return self._lf_after_break

    @property
    def lines(self) -> list[str]:
        """The lines (``str.splitlines``) that hold more than white space, in order."""
        if self._lines is None:
            self._lines = [line for line in self.text.splitlines() if line.strip()]
        return self._lines

    @property
    def filled(self) -> str:
        """:attr:`lines`, each after a ``\\n`` (``""`` when there is none)."""
        if self._filled is None:
            lines = self.lines
            self._filled = "\n" + "\n".join(lines) if lines else ""
        return self._filled


#: A detector's test of the head (truthy when the head shows it) and its weight.
Signal = tuple[Callable[[str], object], float]


def weigh(signals: Sequence[Signal], text: str) -> float:
    """``min(sum(weight for shows, weight in signals if shows(text)), 1.0)``, the tests run
    in order and stopped once the weights found sum to 1.0 or more (the weights are not
    negative: more cannot lower the score; summed by ``sum``, as the long way sums them)."""
    found: list[float] = []
    for shows, weight in signals:
        if shows(text):
            found.append(weight)
            if sum(found) >= 1.0:
                return 1.0
    return min(sum(found), 1.0)


class Format:
    """A minutes family: how its text is cut into paragraphs and read into blocks, and the
    few things its minutes mean differently. Subclass it and set the class attributes.

    Attributes:
        name: the registry key (``parse(..., format=name)``).
        description: one line for README and ``gijiroku formats``.
        example: a real line the family recognises, for README's format table.
        suffixes: file name suffixes its documents come in (folder runs read these).
        paragraph_mode: ``"pdf"`` joins lines that end without a trailing space,
            ``"line"`` makes each line a paragraph, ``"auto"`` picks ``"pdf"`` when the
            text shows the trailing-space convention.
        page_marker: a page number line (``- 4 -``); ``bare_page_numbers`` also accepts a
            line holding only a number when the page sequence or a form feed confirms it.
        running_headers: find lines printed at the top or bottom of most pages (a running
            header or footer) and take them out of the text.
        header_rules / body_rules: tried in order on each paragraph of that region.
        mention_rules: run over body paragraphs to find members or facts named in the text
            (``本日欠席の熊谷委員``); each match becomes a child block.
        starts_in_header: whether a document opens with a header region.
        post_column: rosters print posts in a column this many characters wide; a post
            that fills it goes on in the next line (None: no such column).
        block_handlers / header_handlers: the parser's handlers for a block kind or a
            header line's meaning that this family replaces or adds
            (:data:`gijiroku.parser.BLOCK_HANDLERS`, :data:`gijiroku.parser.HEADER_HANDLERS`).
    """

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    example: ClassVar[str] = ""
    suffixes: ClassVar[tuple[str, ...]] = (".txt",)
    header_rules: ClassVar[tuple[Rule, ...]] = ()
    body_rules: ClassVar[tuple[Rule, ...]] = ()
    mention_rules: ClassVar[tuple[ChildRule, ...]] = ()
    paragraph_mode: ClassVar[ParagraphMode] = "line"
    page_marker: ClassVar[regex.Pattern[str] | None] = PAGE_MARKER_RE
    bare_page_numbers: ClassVar[bool] = False
    running_headers: ClassVar[bool] = True
    starts_in_header: ClassVar[bool] = True
    post_column: ClassVar[int | None] = None
    block_handlers: ClassVar[Mapping[BlockKind, Handler]] = {}
    header_handlers: ClassVar[Mapping[HeaderName, Handler]] = {}

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        for rules in (cls.header_rules, cls.body_rules):
            for rule in rules:
                if not isinstance(rule, Rule):
                    raise TypeError(f"{cls.__name__}: {rule!r} is not a Rule")
        if cls.page_marker is not None and not {"number", "bare"} <= set(
            cls.page_marker.groupindex
        ):
            raise ValueError(f"{cls.__name__}: page_marker needs groups 'number' and 'bare'")

    def __repr__(self) -> str:
        return f"<Format {self.name}>"

    # -- hooks ------------------------------------------------------------------------------

    def looks_like(self, head: str) -> float:
        """How sure it is, 0.0 (no) to 1.0 (surely), that ``head`` (the first few thousand
        characters) opens minutes of this family."""
        return 0.0

    def looks_like_head(self, head: Head) -> float:
        """:meth:`looks_like` of ``head.text``, read from the views a :class:`Head` makes once
        for every family. Detection calls this; the default calls :meth:`looks_like`. A
        family that overrides it keeps :meth:`looks_like` giving the same score (a subclass
        that overrides only :meth:`looks_like` is read by its :meth:`looks_like`)."""
        return self.looks_like(head.text)

    def survey(self, text: str) -> Mapping[str, str]:
        """What the whole document says before the rules run; guards read it in
        :attr:`Context.document`."""
        return {}

    def read_label(self, block: Block, known_titles: Collection[str]) -> LabelParts:
        """A TURN block's label → its parts (mark, name, role, seat, hint, honorific).

        The default reads the ``label`` group, a name printed on the next line (``pname``:
        ``座長`` / ``（曽根委員）``) and the ``mark`` with :func:`~gijiroku.resolve.analyze_label`.
        """
        groups = block.groups
        return _analyze_label()(
            groups.get("label", ""),
            groups.get("pname") or None,  # (what ``block.get`` gives: None for empty)
            mark=groups.get("mark") or None,
            known_titles=known_titles,
        )

    def read_entry(self, entry: Block, roster: RosterBuilder) -> EntryParts:
        """A MEMBER block → name, title, surname and extra roles, by its layout
        (:func:`gijiroku.rosters.read_entry`)."""
        return roster.read_by_layout(entry)

    def read_title(self, title: str, block: Block) -> MeetingValues:
        """The facts a title line states: the ordinal (第2回, #77) or issue (第1号), the date,
        and what is left, the body's name."""
        from gijiroku.meeting import read_title

        meta = block.meta
        body = meta.body if isinstance(meta, HeaderMeta) else None
        return read_title(title, body=body)

    def finish_meeting(
        self, values: MeetingValues, facts: Mapping[Fact, Sequence[str]], diagnose: Diagnose
    ) -> None:
        """The family's last word on the meeting's facts, before the facts stated in the text
        fill what the header left open (the first one stated wins). ``values`` may be
        changed in place. The default does nothing."""


#: A family that scores less than this fits a document badly: detection falls back to the
#: generic profile, and the parse says ``format-uncertain``.
FIT_LOW = 0.5
#: A runner-up this close to the chosen family makes the choice uncertain.
FIT_MARGIN = 0.15


@functools.cache
def _analyze_label() -> Callable[..., LabelParts]:
    """:func:`gijiroku.resolve.analyze_label`, imported at its first use (formats load without
    the parser's modules; an import statement in :meth:`Format.read_label` cost a microsecond
    at each call)."""
    from gijiroku.resolve import analyze_label

    return analyze_label


@dataclass(frozen=True, slots=True)
class Detection:
    """What :func:`detect_format` found: the family, its score (0–1), and the runner-up.

    ``scores`` holds every family's score, best first.
    """

    format: Format
    score: float
    runner_up: Format | None
    runner_up_score: float
    scores: tuple[tuple[str, float], ...]

    @property
    def name(self) -> str:
        """The chosen family's name."""
        return self.format.name

    def __repr__(self) -> str:
        second = (
            f", runner-up {self.runner_up.name} {self.runner_up_score:.2f}"
            if self.runner_up is not None
            else ""
        )
        return f"<Detection {self.name} {self.score:.2f}{second}>"


#: Header keys and what they mean. Keys are compared with spaces removed (日 時 → 日時).
HEADER_FIELD_NAMES: Mapping[str, HeaderName] = {
    "日時": HeaderName.DATETIME,
    "開催日時": HeaderName.DATETIME,
    "日時及び場所": HeaderName.DATETIME,
    "開催日": HeaderName.DATE,
    "日付": HeaderName.DATE,
    "期日": HeaderName.DATE,
    "開催年月日": HeaderName.DATE,
    "年月日": HeaderName.DATE,
    "時間": HeaderName.TIME,
    "開催時間": HeaderName.TIME,
    "時刻": HeaderName.TIME,
    "場所": HeaderName.VENUE,
    "会場": HeaderName.VENUE,
    "開催場所": HeaderName.VENUE,
    "開催会場": HeaderName.VENUE,
    "会議名": HeaderName.TITLE,
    "件名": HeaderName.TITLE,
    "名称": HeaderName.TITLE,
    "会議の名称": HeaderName.TITLE,
    "出席者": HeaderName.ATTENDEES,
    "出席委員": HeaderName.ATTENDEES,
    "出席": HeaderName.ATTENDEES,
    "参加者": HeaderName.ATTENDEES,
    "出席議員": HeaderName.ATTENDEES,
    "構成員": HeaderName.ATTENDEES,
    "委員": HeaderName.ATTENDEES,
    "出席者名": HeaderName.ATTENDEES,
    "欠席者": HeaderName.ABSENTEES,
    "欠席委員": HeaderName.ABSENTEES,
    "欠席": HeaderName.ABSENTEES,
    "欠席議員": HeaderName.ABSENTEES,
    "議題": HeaderName.AGENDA,
    "議事": HeaderName.AGENDA,
    "次第": HeaderName.AGENDA,
    "議事次第": HeaderName.AGENDA,
    "議事日程": HeaderName.AGENDA,
    "案件": HeaderName.AGENDA,
    "会議次第": HeaderName.AGENDA,
    "内容": HeaderName.AGENDA,
    "資料": HeaderName.MATERIALS,
    "配布資料": HeaderName.MATERIALS,
    "配付資料": HeaderName.MATERIALS,
    "会議資料": HeaderName.MATERIALS,
    "傍聴者": HeaderName.AUDIENCE,
    "傍聴人": HeaderName.AUDIENCE,
    "傍聴": HeaderName.AUDIENCE,
    "傍聴者数": HeaderName.AUDIENCE,
    "事務局": HeaderName.STAFF,
    "説明員": HeaderName.STAFF,
    "説明者": HeaderName.STAFF,
    "随行者": HeaderName.STAFF,
    "記録者": HeaderName.RECORDER,
    "司会": HeaderName.CHAIR,
    "議長": HeaderName.CHAIR,
    "座長": HeaderName.CHAIR,
    "会長": HeaderName.CHAIR,
    # further spellings of the same keys, seen in councils', boards' and assemblies' minutes
    "開催月日": HeaderName.DATE,
    "開催期日": HeaderName.DATE,
    "会議日": HeaderName.DATE,
    "会議日時": HeaderName.DATETIME,
    "開会日時": HeaderName.DATETIME,
    "招集年月日": HeaderName.DATETIME,
    "招集日時": HeaderName.DATETIME,
    "開会日": HeaderName.DATE,
    "開会の日時": HeaderName.DATETIME,
    # the close: its time is the end time (gijiroku.meeting reads the key)
    "閉会日時": HeaderName.DATETIME,
    "閉会の日時": HeaderName.DATETIME,
    "開会": HeaderName.DATETIME,
    "閉会": HeaderName.DATETIME,
    # the times of the opening and the close (閉会時刻 gives the end time: gijiroku.meeting)
    "開会時間": HeaderName.TIME,
    "開会時刻": HeaderName.TIME,
    "開始時間": HeaderName.TIME,
    "開始時刻": HeaderName.TIME,
    "開催時刻": HeaderName.TIME,
    "会議時間": HeaderName.TIME,
    "閉会時間": HeaderName.TIME,
    "閉会時刻": HeaderName.TIME,
    "散会時間": HeaderName.TIME,
    "散会時刻": HeaderName.TIME,
    "終了時間": HeaderName.TIME,
    "終了時刻": HeaderName.TIME,
    "会議場所": HeaderName.VENUE,
    "会議の場所": HeaderName.VENUE,
    "招集の場所": HeaderName.VENUE,
    "招集場所": HeaderName.VENUE,
    "出席構成員": HeaderName.ATTENDEES,
    "出席理事": HeaderName.ATTENDEES,
    "委員外議員": HeaderName.ATTENDEES,
    "欠席構成員": HeaderName.ABSENTEES,
    "出席説明員": HeaderName.STAFF,
    "委員会説明員": HeaderName.STAFF,
    "理事者側出席者": HeaderName.STAFF,
    "説明のため出席した者": HeaderName.STAFF,
    "事務局職員": HeaderName.STAFF,
    "協議事項": HeaderName.AGENDA,
    "審議事項": HeaderName.AGENDA,
    "報告事項": HeaderName.AGENDA,
    "付議事件": HeaderName.AGENDA,
    "会議に付した事件": HeaderName.AGENDA,
    "本日の会議に付した事件": HeaderName.AGENDA,
    "要求資料": HeaderName.MATERIALS,
    "主な質疑": HeaderName.PROCEEDINGS,
    "主な質疑応答": HeaderName.PROCEEDINGS,
    "質疑応答": HeaderName.PROCEEDINGS,
    "議事経過": HeaderName.PROCEEDINGS,
    "議事の経過": HeaderName.PROCEEDINGS,
    "会議経過": HeaderName.PROCEEDINGS,
    "会議の経過": HeaderName.PROCEEDINGS,
    "審議経過": HeaderName.PROCEEDINGS,
    "議事の概要": HeaderName.PROCEEDINGS,
    "審議の概要": HeaderName.PROCEEDINGS,
}


#: Keys that are also speaker labels or words of running text (開会 and 閉会 are items of an
#: agenda too): known only before a colon or in angle brackets (<開会>).
COLON_ONLY_KEYS = frozenset(
    {
        "委員",
        "議長",
        "座長",
        "会長",
        "司会",
        "事務局",
        "説明員",
        "出席",
        "欠席",
        "傍聴",
        "内容",
        "構成員",
        "開会",
        "閉会",
    }
)
#: The known keys that may stand without a colon (１ 開催日時), letter-spaced, as a tree of
#: their shared starts (:func:`~gijiroku.vocabulary.letter_spaced_any`: the longer of two keys
#: one of which starts the other first, as in an alternation sorted longest first).
KNOWN_HEADER_KEYS_RE = letter_spaced_any(k for k in HEADER_FIELD_NAMES if k not in COLON_ONLY_KEYS)


_PAREN_RE = regex.compile(r"[（(].*?[)）]")
_NUMBERING_RE = regex.compile(r"^(?:[0-9]+|[（(][0-9]+[)）])[.．、]?")
#: The characters a match of :data:`_NUMBERING_RE` starts with.
_NUMBERING_FIRSTS = frozenset("0123456789（(")


def header_field_name(key: str) -> HeaderName | None:
    """The meaning of a header key, or ``None`` when it is not a known key.

    A key with a parenthetical (``出席者（仙台市情報化推進会議委員／五十音順）``) is looked up
    without it; keys that name attendance by word (…出席者, 欠席…) are understood too.

    Example:
        >>> header_field_name("日 時").value, header_field_name("出席者（委員／五十音順）").value
        ('datetime', 'attendees')

    The last key asked about is remembered (:func:`~gijiroku.normalize.memoized`): a key's
    guards ask, then its block's record.
    """
    return memoized("header_field_name", _header_field_name, key, only_last=True)


def _header_field_name(key: str) -> HeaderName | None:
    bare = compact(key)
    if "(" in bare or "（" in bare:  # (each pattern is tried only where it may match)
        bare = _PAREN_RE.sub("", bare)
    if bare[:1] in _NUMBERING_FIRSTS:
        bare = _NUMBERING_RE.sub("", bare)
    if bare in HEADER_FIELD_NAMES:
        return HEADER_FIELD_NAMES[bare]
    if "欠席" in bare:
        return HeaderName.ABSENTEES
    if "出席" in bare or bare.endswith("参加者"):
        return HeaderName.ATTENDEES
    return None


def keyed_header(groups: Mapping[str, str]) -> BlockMeta:
    """A ``derive`` for ``key：value`` lines: the key's meaning (:func:`header_field_name`)."""
    return HeaderMeta(name=header_field_name(groups.get("key", "")))
