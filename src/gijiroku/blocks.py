"""What the tokenizer emits: :class:`Block` objects, each with a kind, a span and fields.

Top-level blocks tile the input: every non-blank character belongs to exactly one of them.
A block may hold ``children`` that point into its own span: roster entries of a roster line,
a page marker that interrupts a paragraph, a member named inside a paragraph.

``fields`` are the named groups of the rule that matched (raw text, not yet normalized),
plus facts the rule adds; the parser reads them and never looks at a format module.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from gijiroku.models import Span

__all__ = ["Block", "BlockKind"]


class BlockKind(str, enum.Enum):
    """The kinds of blocks, in the order a document usually shows them."""

    HEADER = "header"
    """A header line: the title, or ``key：value`` (日時, 会場 …). fields: key, name, value."""
    ROSTER = "roster"
    """A line listing people; its children are MEMBER blocks. fields: group, attendance."""
    MEMBER = "member"
    """One roster entry (a child). fields: name, title, roles, group, attendance, seat."""
    SECTION = "section"
    """An agenda heading (〔議題（１）…〕). fields: title, number, level."""
    TURN = "turn"
    """A speaker label and the text on its paragraph. fields: label, name, role, text."""
    CONTINUATION = "continuation"
    """A paragraph of text that goes on with the current turn. fields: text, joined."""
    NOTE = "note"
    """A stand-alone note (（了承）, （開始 13：30）). fields: text, kind, time."""
    PAGE = "page"
    """A page marker (``- 4 -``). fields: number."""
    SIGNATURE = "signature"
    """A line of the closing signature block (地方自治法第123条…署名する, 議長　伊藤　よしのり).
    fields: statement, date, role, name."""
    SEPARATOR = "separator"
    """A rule line (``――――◇―――――``, ``＝＝＝``) between parts of the minutes."""
    ITEM = "item"
    """A bullet or paragraph of summary minutes. fields: text, marker, indent, kind, owner."""
    RUNNING_HEADER = "running_header"
    """A line printed on every page (a running header or footer), out of the text."""
    UNMATCHED = "unmatched"
    """Text no rule claims; it becomes a diagnostic. fields: text, region."""


def _freeze(fields: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(fields or {}))


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of the input as the tokenizer sees it.

    Attributes:
        kind: what the block is.
        span: where it is in the original text.
        fields: the matched parts, raw (not yet normalized).
        rule: the name of the rule that produced it, for debugging.
        children: blocks inside this one (roster entries, page markers, mentions).
    """

    kind: BlockKind
    span: Span
    fields: Mapping[str, str] = field(default_factory=lambda: _freeze(None))
    rule: str = ""
    children: tuple[Block, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.fields, MappingProxyType):
            object.__setattr__(self, "fields", _freeze(self.fields))

    def get(self, name: str) -> str | None:
        """A field, or ``None`` when the rule did not set it (or set it empty)."""
        value = self.fields.get(name)
        return value if value else None

    def text_of(self, source: str) -> str:
        """The characters of ``source`` this block covers."""
        return source[self.span.start : self.span.end]
