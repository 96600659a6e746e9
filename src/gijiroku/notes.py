"""Notes and events: the vocabulary of stage directions (ト書き) shared by every family.

A note is bracketed text the minutes-taker added: （了承）, （資料 1-1 に基づき説明）,
〔拍手〕, 〔「異議なし」と呼ぶ者あり〕. Its *kind* says what it records. Notes about the
meeting's course (（開始 13：30）, 午後三時散会) are *events*.

Example:
    >>> classify_note("（了承）")
    'agreement'
    >>> classify_note("（開始 13：30）")
    'start'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from gijiroku.normalize import char_positions, memoized
from gijiroku.vocabulary import CLOSING_WORDS, OPENING_WORDS, WHITE_SPACE

__all__ = ["EVENT_KINDS", "NOTE_KINDS", "InlineNote", "classify_note", "find_inline_notes"]

#: Note kinds and the words that make them, in the order they are tried.
NOTE_KINDS: tuple[tuple[str, str], ...] = (
    # the meeting's course (these are events)
    ("start", rf"^(?:{OPENING_WORDS})|(?:{OPENING_WORDS})$"),
    ("end", rf"^(?:{CLOSING_WORDS})|(?:{CLOSING_WORDS})$"),
    ("recess", r"^休憩|休憩$"),
    ("resume", r"^再開|再開$"),
    # inside a turn; the more specific kinds first (賛成者起立 is a vote, not agreement)
    ("chair_change", r"退席.*着席|着席.*退席"),
    ("editorial", r"末尾に掲載|掲載を省略|速記(?:を)?中止|速記開始|速記再開|を参照"),
    ("silence", r"発言する(?:者|もの)なし|沈黙"),
    (
        "voices",
        r"と呼ぶ(?:者|もの)あり|と言う(?:者|もの)あり|発言する(?:者|もの)(?:あり|多し)"
        r"|呼ぶ者多し|と?声あり|の声あり|議場騒然|私語",
    ),
    ("vote", r"起立|挙手|採決|可決|否決|賛成者|投票|表決|ボタン"),
    ("movement", r"登壇|降壇|退席|着席|入場|退場|退室|入室|交代|就任|復席|離席"),
    ("applause", r"拍手"),
    ("laughter", r"^笑|笑い|爆笑|笑声"),
    ("agreement", r"^(?:了承|異議なし|異議無し|承認|賛成|全員賛成|一同了承|了解)"),
    ("no_comment", r"^(?:なし|無し|特になし|特に無し|意見なし|質問なし|発言なし)$"),
    ("material", r"資料|説明|報告|朗読|配付|配布|映写|上映|スライド|動画|提示"),
)
#: Note kinds that are events of the meeting when they stand outside a turn or carry a time.
EVENT_KINDS = frozenset({"start", "end", "recess", "resume"})

_SPACES_RE = re.compile(rf"[{WHITE_SPACE}]+")  # (\u3000 is in WHITE_SPACE)
# Literal words and plain classes: compiled with the standard ``re``, which means the same by
# them and searches short texts faster than ``regex``.
_KIND_RES = tuple((kind, re.compile(pattern)) for kind, pattern in NOTE_KINDS)
_BRACKETS = "（）()〔〕［］[]【】〈〉《》｛｝{}"
_TIME_RE = re.compile(
    r"[0-9０-９]{1,2}[:：][0-9０-９]{2}|(?:午前|午後)?[〇零一二三四五六七八九十0-9０-９]+時"
    r"(?:[〇零一二三四五六七八九十0-9０-９]+分|半)?"
)
#: A bracketed stretch inside running text: （…）, 〔…〕 or [...] with no bracket inside.
INLINE_NOTE_RE = re.compile(r"[（(](?P<a>[^（()）\n]{1,80})[)）]|〔(?P<b>[^〔〕\n]{1,120})〕")
#: What every match of :data:`INLINE_NOTE_RE` opens with: the pattern is tried where one is.
_OPENINGS = "（(〔"


def _bare(text: str) -> str:
    """The note's words: brackets, spaces and a time stripped."""
    inner = text.strip().strip(_BRACKETS).strip()
    inner = _TIME_RE.sub("", inner)
    return _SPACES_RE.sub("", inner).strip("、。・:：")


def classify_note(text: str) -> str:
    """The kind of a note, or ``"other"`` when no vocabulary word fits (a note is printed
    many times in a document: during a parse, each one is classified once)."""
    return memoized("note_kind", _kind_of, text)


def _kind_of(text: str) -> str:
    bare = _bare(text)
    for kind, pattern in _KIND_RES:
        if pattern.search(bare):
            return kind
    return "other"


@dataclass(frozen=True, slots=True)
class InlineNote:
    """A note found inside a paragraph: its kind and where it sits in that paragraph."""

    kind: str
    start: int
    end: int


def find_inline_notes(text: str) -> list[InlineNote]:
    """Bracketed notes inside running text that match the vocabulary.

    Ordinary parentheses (``(IT を活用できる)``) are not notes: only a bracket whose words
    classify as a known kind counts, except 〔…〕, which minutes use for notes only.

    Example:
        >>> find_inline_notes("（資料 1-1、1-2 に基づき説明）")
        [InlineNote(kind='material', start=0, end=19)]
    """
    found: list[InlineNote] = []
    if "（" not in text and "(" not in text and "〔" not in text:
        return found  # every note opens with one of these (_OPENINGS)
    for match in _inline_matches(text):
        kind = classify_note(match.group())
        if kind == "other" and match["b"] is None:
            continue
        if kind == "material" and not _is_whole_note(match["a"] or match["b"] or ""):
            continue
        found.append(InlineNote(kind, match.start(), match.end()))
    return found


def _inline_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``INLINE_NOTE_RE.finditer(text)`` gives: the pattern tried at each opening
    bracket (:func:`~gijiroku.normalize.char_positions`: a turn holds few), from the end of
    the last match on (it matches nowhere else)."""
    match = INLINE_NOTE_RE.match
    done = 0
    for at in char_positions(text, _OPENINGS):
        if at >= done:
            found = match(text, at)
            if found is not None:
                yield found
                done = found.end()


_MATERIAL_NOTE_RE = regex.compile(
    r"(?:に基づき|により|を用いて|に沿って|で)?(?:説明|報告|朗読|映写|上映)(?:する|した)?$"
)


def _is_whole_note(inner: str) -> bool:
    """A material note describes an action (…に基づき説明), not a mere reference (資料 3)."""
    return bool(_MATERIAL_NOTE_RE.search(_SPACES_RE.sub("", inner)))
