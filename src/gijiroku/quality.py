"""How sure a parse is: the :class:`~gijiroku.models.Quality` record and the warnings that say
where the parse is doubtful. Never silently wrong: a document read with no turns, no date,
by a family that fits it badly, or with a list of people nobody could read says so.

Diagnostics (all warnings, each with a span):

- ``no-turns``: the document holds prose but no speaker turn was found;
- ``no-date``: no meeting date in the text (a date taken from the file name keeps its own
  ``date-from-source-name`` note as well);
- ``format-uncertain``: the chosen family's score is below :data:`FIT_LOW`, or the runner-up
  is within :data:`FIT_MARGIN` of it;
- ``roster-unread``: a block looks like a list of people but gave no members.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import regex

from gijiroku.blocks import (
    Block,
    BlockKind,
    HeaderMeta,
    HeaderName,
    Pos,
    UnmatchedMeta,
)
from gijiroku.formats.base import FIT_LOW, FIT_MARGIN, Detection
from gijiroku.models import Meeting, Quality, Severity, Span, Utterance

__all__ = ["FIT_LOW", "FIT_MARGIN", "MIN_PROSE", "assess"]

#: Non-blank characters of prose outside turns that make ``no-turns`` worth saying.
MIN_PROSE = 80

Diagnose = Callable[[Severity, str, str, Pos | Span | None], None]

#: FS, GS, RS and US: blank to ``str.split``, not to ``\\S``.
_INFORMATION_SEPARATORS_RE = regex.compile(r"[\x1c-\x1f]")
_ROSTER_KEYS = frozenset({HeaderName.ATTENDEES, HeaderName.ABSENTEES, HeaderName.STAFF})
_LIST_CONTINUES = frozenset({HeaderName.ROSTER_HEADING, HeaderName.POST})
_NONE_RE = regex.compile(r"^[\s　]*(?:な[\s　]*し|無[\s　]*し|該当なし|ありません)[\s　。.]*$")
_SEPARATOR_RE = regex.compile(r"[、，,|｜・]")
_NAME_TOKEN_RE = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ・（）()]{1,12}$")


def _chars(text: str, pos: Pos) -> int:
    """The non-blank characters in ``pos``, as ``\\S`` counts them."""
    piece = text[pos.start : pos.end]
    return len("".join(piece.split())) + len(_INFORMATION_SEPARATORS_RE.findall(piece))


def _looks_like_people(text: str) -> bool:
    """Three or more short name-like entries separated by 、 , | ・ (伊藤、竹田、冨士川、松波理事)."""
    if "。" in text:
        return False
    tokens = [t.strip(" 　") for t in _SEPARATOR_RE.split(text)]
    tokens = [t for t in tokens if t]
    names = sum(1 for t in tokens if _NAME_TOKEN_RE.match(t.split()[-1] if t.split() else t))
    return len(tokens) >= 3 and names * 5 >= len(tokens) * 4


@dataclass(slots=True)
class _OpenList:
    key: Block
    members: int
    pending: bool
    lines: list[Block] = field(default_factory=list)


def _unread_rosters(blocks: Sequence[Block], text: str) -> list[Block]:
    """Blocks that look like lists of people and gave no members: a roster key whose list
    gave none (and does not say なし), a roster line without entries, a line of names that
    no rule read as a roster."""
    found: list[Block] = []
    open_list: _OpenList | None = None

    def close() -> None:
        if open_list is not None and open_list.members == 0 and open_list.pending:
            found.append(open_list.key)

    for block in blocks:
        meta = block.meta
        name = meta.name if isinstance(meta, HeaderMeta) else None
        members = sum(1 for child in block.children if child.kind is BlockKind.MEMBER)
        if block.kind is BlockKind.HEADER and name in _ROSTER_KEYS:
            close()
            value = block.groups.get("value", "")
            open_list = _OpenList(block, members, pending=not _NONE_RE.match(value))
            continue
        if open_list is not None and (
            block.kind is BlockKind.ROSTER
            or (block.kind is BlockKind.HEADER and (name in _LIST_CONTINUES or meta is None))
        ):
            open_list.members += members
            if block.kind is BlockKind.ROSTER:
                open_list.pending = True
            continue
        if open_list is not None and block.kind in (BlockKind.PAGE, BlockKind.RUNNING_HEADER):
            continue
        if (
            open_list is not None
            and block.kind is BlockKind.HEADER
            and isinstance(meta, HeaderMeta)
            and meta.value_of_key
        ):
            open_list.pending = open_list.pending or not _NONE_RE.match(block.text_of(text))
            continue
        close()
        open_list = None
        if (block.kind is BlockKind.ROSTER and members == 0) or (
            (
                block.kind is BlockKind.UNMATCHED
                or (block.kind is BlockKind.HEADER and name in (None, HeaderName.NOTICE))
            )
            and _looks_like_people(block.text_of(text))
        ):
            found.append(block)
    close()
    return found


def _prose(
    blocks: Sequence[Block], utterances: Sequence[Utterance], text: str
) -> tuple[int, int, list[Pos]]:
    """(prose characters, those inside turns, where the prose outside turns is)."""
    spans = [(u.span.start, u.span.end) for u in utterances]
    total = inside = 0
    outside: list[Pos] = []
    k = 0
    for block in blocks:
        if block.kind not in (BlockKind.TURN, BlockKind.CONTINUATION, BlockKind.UNMATCHED):
            continue
        if (
            block.kind is BlockKind.UNMATCHED
            and isinstance(block.meta, UnmatchedMeta)
            and _looks_like_people(block.text_of(text))
        ):
            continue
        chars = _chars(text, block.span)
        total += chars
        while k < len(spans) and spans[k][1] <= block.span.start:
            k += 1
        if k < len(spans) and spans[k][0] <= block.span.start < spans[k][1]:
            inside += chars
        else:
            outside.append(block.span)
    return total, inside, outside


def _ignore(severity: Severity, code: str, message: str, span: Pos | Span | None) -> None:
    """Report nothing."""


def _header_fields(meeting: Meeting) -> tuple[str, ...]:
    return tuple(name for name, value in meeting.model_dump().items() if value is not None)


def assess(
    *,
    quiet: bool = False,
    blocks: Sequence[Block],
    text: str,
    utterances: Sequence[Utterance],
    meeting: Meeting,
    detection: Detection,
    printed_roster: bool,
    date_from_name: bool,
    diagnose: Diagnose,
) -> Quality:
    """The quality record of a parse, reporting each doubt through ``diagnose`` (unless
    ``quiet``: an empty input says so already)."""
    if quiet:
        diagnose = _ignore
    total, inside, outside = _prose(blocks, utterances, text)
    if not utterances and total - inside >= MIN_PROSE and outside:
        first, last = outside[0], outside[-1]
        diagnose(
            "warning",
            "no-turns",
            f"{total - inside} characters of prose and no speaker turn: no label was read",
            Pos(first.start, last.end, first.line_start, last.line_end, first.page),
        )
    if meeting.date is None or date_from_name:
        head = blocks[0].span if blocks else None
        diagnose(
            "warning",
            "no-date",
            "no meeting date in the text"
            + (" (the date was taken from the source name)" if date_from_name else ""),
            head,
        )
    runner = detection.runner_up
    margin = detection.score - detection.runner_up_score
    if text.strip() and (detection.score < FIT_LOW or (runner is not None and margin < FIT_MARGIN)):
        fallback = runner is not None and detection.scores and detection.scores[0][0] == runner.name
        why = (
            f"no family fits well (the best, {runner.name}, scores {detection.score:.2f}): "
            f"read by the {detection.name} profile"
            if fallback and runner is not None and detection.score < FIT_LOW
            else f"the best family, {detection.name}, scores {detection.score:.2f}"
            if detection.score < FIT_LOW
            else f"{detection.name} ({detection.score:.2f}) is close to "
            f"{runner.name if runner else '-'} ({detection.runner_up_score:.2f})"
        )
        end = min(len(text), 2000)
        diagnose(
            "warning",
            "format-uncertain",
            f"the minutes family is uncertain: {why}",
            Pos(0, end, 1, text.count("\n", 0, end) + 1, None),
        )
    for block in _unread_rosters(blocks, text):
        snippet = " ".join(block.text_of(text).split())[:40]
        diagnose(
            "warning",
            "roster-unread",
            f"a list of people gave no members: {snippet!r}",
            block.span,
        )
    resolved = sum(1 for u in utterances if u.speaker_id is not None)
    return Quality(
        format=detection.name,
        format_score=round(detection.score, 3),
        runner_up=runner.name if runner is not None else None,
        runner_up_score=round(detection.runner_up_score, 3) if runner is not None else None,
        turns=len(utterances),
        prose_in_turns=round(inside / total, 3) if total else None,
        speakers_resolved=(
            round(resolved / len(utterances), 3) if printed_roster and utterances else None
        ),
        header_fields=_header_fields(meeting),
    )
