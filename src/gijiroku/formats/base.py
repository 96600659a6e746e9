"""What a minutes family is made of: :class:`Format`, its :class:`Rule` list, shared fragments.

A family is one module in ``gijiroku.formats`` that builds a :class:`Format`: compiled
patterns with named groups, an ordered tuple of rules for the header and one for the body,
and a ``looks_like(head)`` detector. The tokenizer tries the rules in order on each
paragraph; the named groups of the first rule that matches become the block's fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import regex

from gijiroku.blocks import BlockKind
from gijiroku.normalize import compact

__all__ = [
    "HEADER_FIELD_NAMES",
    "KNOWN_HEADER_KEYS_RE",
    "KEEP_MODE",
    "ChildRule",
    "Guard",
    "Context",
    "Format",
    "ParagraphMode",
    "Region",
    "Rule",
    "header_field_name",
    "in_mode",
    "letter_spaced",
]

Region = Literal["header", "body", "any"]
ParagraphMode = Literal["pdf", "line", "auto"]


#: ``Rule.sets_mode`` default: the rule leaves the mode as it is.
KEEP_MODE = "<keep>"


@dataclass(slots=True)
class Context:
    """What the tokenizer knows while it walks the paragraphs; rules' guards may read it.

    ``mode`` is set by rules (``Rule.sets_mode``) to say what a run of lines is, e.g.
    ``"roster"`` after a roster heading, ``None`` again after a rule line. ``indent`` is the
    white space before the current paragraph (full-width spaces count one each).
    ``document`` is what the format's :attr:`Format.survey` found in the whole text.
    """

    region: Literal["header", "body"] = "header"
    index: int = 0
    title_seen: bool = False
    previous: BlockKind | None = None
    mode: str | None = None
    indent: int = 0
    document: Mapping[str, str] = field(default_factory=dict)


Guard = Callable[[regex.Match[str], Context], bool]
Derive = Callable[[dict[str, str]], dict[str, str]]


def in_mode(*modes: str | None) -> Guard:
    """A guard: the rule applies only while :attr:`Context.mode` is one of ``modes``."""

    def guard(match: regex.Match[str], ctx: Context) -> bool:
        return ctx.mode in modes

    return guard


@dataclass(frozen=True, slots=True)
class ChildRule:
    """Finds child blocks inside a paragraph (roster entries, members named in the text).

    ``pattern`` is run with ``finditer`` over the text of the parent match's ``group``
    (the whole paragraph when ``group`` is empty); each match becomes a child of ``kind``
    whose fields are the match's named groups plus ``fields``. The child's span is the
    match, or its ``span_group`` when given. ``kinds`` are the blocks it looks in; with
    ``once`` it stops after the first paragraph where it finds something (a fact stated
    once, such as the body's name in the chair's opening words).
    """

    group: str
    kind: BlockKind
    pattern: regex.Pattern[str]
    fields: Mapping[str, str] = field(default_factory=dict)
    span_group: str | None = None
    kinds: tuple[BlockKind, ...] = (BlockKind.TURN, BlockKind.CONTINUATION)
    guard: Guard | None = None
    once: bool = False


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
        derive: adds fields computed from the matched ones (e.g. a header key's meaning).
        children: cuts a group into child blocks (roster entries).
        requires_next: the rule applies only when ``absorb_next`` matches the next paragraph
            (a title underlined on the next line).
        sets_mode: the :attr:`Context.mode` after a match (``KEEP_MODE``: unchanged).
        with_indent: add the paragraph's indentation (in columns, a tab counting 4) as the
            ``indent`` field.
        absorb_next: when the block has no ``text`` field and the next paragraph matches
            this in full, that paragraph joins the block (its named groups are added to
            the fields), e.g. ``座長`` / ``（曽根委員）``.
    """

    name: str
    kind: BlockKind
    pattern: regex.Pattern[str]
    region: Region = "any"
    ends_header: bool = False
    guard: Guard | None = None
    derive: Derive | None = None
    children: ChildRule | None = None
    absorb_next: regex.Pattern[str] | None = None
    requires_next: bool = False
    sets_mode: str | None = KEEP_MODE
    with_indent: bool = False


@dataclass(frozen=True, slots=True)
class Format:
    """A minutes family: how its text is cut into paragraphs and read into blocks.

    Attributes:
        name: the registry key (``parse(..., format=name)``).
        description: one line for README and ``gijiroku formats``.
        example: a real line the family recognises, for README's format table.
        looks_like: scores the first few thousand characters, 0.0 (no) to 1.0 (surely).
        paragraph_mode: ``"pdf"`` joins lines that end without a trailing space,
            ``"line"`` makes each line a paragraph, ``"auto"`` picks ``"pdf"`` when the
            text shows the trailing-space convention.
        page_marker: a page number line (``- 4 -``); ``bare_page_numbers`` also accepts a
            line holding only a number when the page sequence or a form feed confirms it.
        running_headers: find lines printed at the top or bottom of most pages (a running
            header or footer) and take them out of the text.
        header_rules / body_rules: tried in order on each paragraph of that region.
        mention_rules: run over body paragraphs to find members named in the text
            (``本日欠席の熊谷委員``); each match becomes a MEMBER child.
        starts_in_header: whether a document opens with a header region.
        survey: reads the whole text once before the rules run, for choices that depend on
            the document rather than the line (what a mark such as ◎ means in it); guards
            find the result in :attr:`Context.document`.
    """

    name: str
    description: str
    example: str
    looks_like: Callable[[str], float]
    header_rules: tuple[Rule, ...]
    body_rules: tuple[Rule, ...]
    paragraph_mode: ParagraphMode = "line"
    page_marker: regex.Pattern[str] | None = None
    bare_page_numbers: bool = False
    running_headers: bool = False
    mention_rules: tuple[ChildRule, ...] = ()
    starts_in_header: bool = True
    survey: Callable[[str], Mapping[str, str]] | None = None


#: Header keys and what they mean. Keys are compared with spaces removed (日 時 → 日時).
HEADER_FIELD_NAMES: Mapping[str, str] = {
    "日時": "datetime",
    "開催日時": "datetime",
    "日時及び場所": "datetime",
    "開催日": "date",
    "日付": "date",
    "期日": "date",
    "開催年月日": "date",
    "年月日": "date",
    "時間": "time",
    "開催時間": "time",
    "時刻": "time",
    "場所": "venue",
    "会場": "venue",
    "開催場所": "venue",
    "開催会場": "venue",
    "会議名": "title",
    "件名": "title",
    "名称": "title",
    "会議の名称": "title",
    "出席者": "attendees",
    "出席委員": "attendees",
    "出席": "attendees",
    "参加者": "attendees",
    "出席議員": "attendees",
    "構成員": "attendees",
    "委員": "attendees",
    "出席者名": "attendees",
    "欠席者": "absentees",
    "欠席委員": "absentees",
    "欠席": "absentees",
    "欠席議員": "absentees",
    "議題": "agenda",
    "議事": "agenda",
    "次第": "agenda",
    "議事次第": "agenda",
    "案件": "agenda",
    "会議次第": "agenda",
    "内容": "agenda",
    "資料": "materials",
    "配布資料": "materials",
    "配付資料": "materials",
    "会議資料": "materials",
    "傍聴者": "audience",
    "傍聴人": "audience",
    "傍聴": "audience",
    "傍聴者数": "audience",
    "事務局": "staff",
    "説明員": "staff",
    "説明者": "staff",
    "随行者": "staff",
    "記録者": "recorder",
    "司会": "chair",
    "議長": "chair",
    "座長": "chair",
    "会長": "chair",
}


def letter_spaced(word: str) -> str:
    """A pattern for ``word`` with optional spaces between its characters (日 時, 会　場)."""
    return r"[ \u3000]*".join(regex.escape(ch) for ch in word)


#: Keys that are also speaker labels or words of running text: known only before a colon.
_COLON_ONLY_KEYS = frozenset(
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
    }
)
#: The known keys that may stand without a colon (１ 開催日時), longest first, letter-spaced.
KNOWN_HEADER_KEYS_RE = "|".join(
    letter_spaced(k)
    for k in sorted(HEADER_FIELD_NAMES, key=len, reverse=True)
    if k not in _COLON_ONLY_KEYS
)


_PAREN_RE = regex.compile(r"[（(].*?[)）]")
_NUMBERING_RE = regex.compile(r"^(?:[0-9]+|[（(][0-9]+[)）])[.．、]?")


def header_field_name(key: str) -> str | None:
    """The meaning of a header key, or ``None`` when it is not a known key.

    A key with a parenthetical (``出席者（仙台市情報化推進会議委員／五十音順）``) is looked up
    without it; keys that name attendance by word (…出席者, 欠席…) are understood too.

    Example:
        >>> header_field_name("日 時"), header_field_name("出席者（委員／五十音順）")
        ('datetime', 'attendees')
    """
    bare = _PAREN_RE.sub("", compact(key))
    bare = _NUMBERING_RE.sub("", bare)
    if bare in HEADER_FIELD_NAMES:
        return HEADER_FIELD_NAMES[bare]
    if "欠席" in bare:
        return "absentees"
    if "出席" in bare or bare.endswith("参加者"):
        return "attendees"
    return None
