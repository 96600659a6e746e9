"""The generic profile: minutes of a layout no family knows, read by the shared reader alone.

Detection falls back to it when no family fits well (every family scores below
``gijiroku.formats.FIT``): rather than force a document into the closest family, it is read
with the rules that encode what minutes mean (:mod:`gijiroku.formats.common`) and the
general conventions of verbatim minutes, and labels need evidence: a label followed by a
sentence, or a label that recurs, carries a mark or names someone on the roster. Lines it
recognises, from ``samples/assembly/gunma-bunkyo-keisatsu-2015-03-04.txt`` and others::

    1.開催日時 / 平成27年3月4日(水曜日)10時開始 15時46分終了     a key, its value below
    委員長:星名建市、副委員長:安孫子哲                          a roster row
    5.主な質疑                                                 the proceedings begin
    中村委員 /  委員はどういう人を選任することとなるのか。       a label alone, the speech below
    林委員 資料について伺います。                               a label and a sentence
    〔議題（１）…〕 / （了承）                                   a heading, a note
"""

from __future__ import annotations

import regex

from gijiroku.blocks import BlockKind
from gijiroku.formats import common
from gijiroku.formats.base import Format, Rule

__all__ = ["Generic"]

_HEADING = Rule(
    "bracket-heading",
    BlockKind.SECTION,
    common.BRACKET_HEADING_RE,
    guard=common.is_bracket_heading,
    ends_header=True,
)
_NOTE = Rule("note", BlockKind.NOTE, common.NOTE_LINE_RE, derive=common.note_kind)
_RULE_LINE = Rule("rule-line", BlockKind.SEPARATOR, common.RULE_LINE_RE, sets_mode=None)
_SPEECH = Rule(
    "label-speech",
    BlockKind.TURN,
    common.LABEL_TURN_RE,
    guard=common.speaks,
    ends_header=True,
)
_LABEL_TURN = Rule(
    "label-turn",
    BlockKind.TURN,
    common.LABEL_TURN_RE,
    guard=common.has_label_evidence,
    absorb_next=common.NAME_PAREN_RE,
)


class Generic(Format):
    """Minutes of any other layout, read by the shared reader alone."""

    name = "generic"
    description = "Minutes of any other layout, read by the shared reader alone"
    example = "5.主な質疑"
    #: A line is a paragraph: the trailing-space convention of PDF text is a family's
    #: knowledge (``committee``), and a label printed alone with a space after it
    #: (○迫川委員長　) must not join the speech below.
    paragraph_mode = "line"
    header_rules = (
        _RULE_LINE,
        *common.HEADER_RULES,
        _HEADING,
        _SPEECH,
        *common.HEADER_TAIL_RULES,
    )
    body_rules = (
        _RULE_LINE,
        *common.EVENT_RULES,
        _HEADING,
        _NOTE,
        *common.HEADING_RULES,
        _LABEL_TURN,
        *common.BODY_TAIL_RULES,
        Rule("continuation", BlockKind.CONTINUATION, regex.compile(r"(?P<text>.+)", regex.DOTALL)),
    )
