"""How sure a parse is: the :class:`~gijiroku.models.Quality` record and the warnings that say
where the parse is doubtful. Never silently wrong: a document read with no turns, no date,
by a family that fits it badly, or with a list of people nobody could read says so.

Two stages. :func:`assess` (called by the parser with the blocks) makes the quality record
and the warnings about the document as a whole:

- ``no-turns``: the document holds prose but no speaker turn was found; prose is the text of
  turns, text nobody claimed, and header lines that read as speech (:func:`speaks_in_header`:
  a flattened page's run-together speeches, a label the reader does not know);
- ``no-date``: no meeting date in the text (a date taken from the file name keeps its own
  ``date-from-source-name`` note as well; the meeting builder adds the info
  ``date-not-guessed`` when the header printed several dates, and ``date-guessed`` instead
  of ``no-date`` when it printed exactly one, naming its line);
- ``format-uncertain``: the chosen family's score is below :data:`FIT_LOW`, or the runner-up
  is within :data:`FIT_MARGIN` of it;
- ``roster-unread``: a block looks like a list of people but gave no members (a roster key
  whose value is なし, on its line or the next, is read: nobody).

:func:`review` (called on the finished :class:`~gijiroku.models.Minutes`) reads the records
themselves, whatever produced them, and reports those that do not read as what they claim to
be (:data:`OUTPUT_CHECKS`, all warnings; one diagnostic per document and code, with the count
and the first places):

- ``header-overlong``: a header value longer than :data:`HEADER_MAX` characters (beyond the
  roster entries read from it) or holding two sentences or more;
- ``roster-count-mismatch``: a head count printed beside a roster key (``出席委員(8人)``,
  ``出席者6名``) or closing a list (``以上26名``) differs from the members read in that list;
- ``member-suspect``: a member's name is no person's name (one character alone, digits, 番,
  a count, a colon, ``(以下``, ``の各``, a title or a key word, a title run into it);
- ``absent-after-none``: members marked absent under an absentee key whose value is なし;
- ``label-inside-turn``: a line inside a turn's text reads as another speaker's label;
- ``title-suspect``: the title is a list item, a place alone, holds an empty bracket
  (``( 開催)``) or is longer than :data:`TITLE_MAX` characters;
- ``venue-suspect``: the venue is a key, a number, a bracketed key (``<会議場所>``) or keeps
  a table border;
- ``turn-suspect``: a turn whose label is a header key or whose text is only なし, a count,
  a table of contents or a table of numbers.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import attrgetter, is_

import regex

from gijiroku.blocks import (
    Block,
    BlockKind,
    HeaderMeta,
    HeaderName,
    Pos,
    UnmatchedMeta,
)
from gijiroku.dates import parse_number
from gijiroku.formats.base import (
    FIT_LOW,
    FIT_MARGIN,
    HEADER_FIELD_NAMES,
    Detection,
    header_field_name,
)
from gijiroku.formats.common import (
    LABEL,
    LABEL_CHAR,
    LABEL_TURN_RE,
    LIST_MARKER,
    MARK,
    NAME_PAREN,
    NONE_RE,
    is_header_key,
    reads_as_speech,
)
from gijiroku.layout import label_key
from gijiroku.models import (
    Diagnostic,
    HeaderField,
    Meeting,
    Member,
    Minutes,
    Quality,
    Severity,
    Span,
    Utterance,
    in_document_order,
)
from gijiroku.names import HONORIFICS, POSITION_WORDS, position_suffix
from gijiroku.normalize import EDITOR_LINE_BREAK_RE, compact, line_starts
from gijiroku.vocabulary import LABEL_BRACKETS, LIST_SEPARATORS, SP

__all__ = [
    "FIT_LOW",
    "FIT_MARGIN",
    "HEADER_MAX",
    "MIN_PROSE",
    "OUTPUT_CHECKS",
    "TITLE_MAX",
    "OutputCheck",
    "assess",
    "review",
    "speaks_in_header",
    "with_review",
]

#: Non-blank characters of prose outside turns that make ``no-turns`` worth saying.
MIN_PROSE = 80

Diagnose = Callable[[Severity, str, str, Pos | Span | None], None]

#: FS, GS, RS and US: blank to ``str.split``, not to ``\\S``.
_INFORMATION_SEPARATORS_RE = regex.compile(r"[\x1c-\x1f]")
_ROSTER_KEYS = frozenset({HeaderName.ATTENDEES, HeaderName.ABSENTEES, HeaderName.STAFF})
_LIST_CONTINUES = frozenset({HeaderName.ROSTER_HEADING, HeaderName.POST})
_SEPARATOR_RE = re.compile(r"[、，,|｜・]")
_NAME_TOKEN_RE = regex.compile(r"^[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ・（）()]{1,12}$")


def _chars(text: str, pos: Pos, separators: bool = True) -> int:
    """The non-blank characters in ``pos``, as ``\\S`` counts them. ``separators=False``
    says the text holds no FS, GS, RS or US (which ``str.split`` takes for blanks), so they
    need not be counted back."""
    piece = text[pos.start : pos.end]
    found = len("".join(piece.split()))
    return found + len(_INFORMATION_SEPARATORS_RE.findall(piece)) if separators else found


def _looks_like_people(text: str) -> bool:
    """Three or more short name-like entries separated by 、 , | ・ (伊藤、竹田、冨士川、松波理事)."""
    if "。" in text:
        return False
    # (each piece stripped and the empty ones dropped by map and filter: no Python step a piece)
    tokens = list(filter(None, map(str.strip, _SEPARATOR_RE.split(text), repeat(" 　"))))
    if len(tokens) < 3:
        return False
    misses = 0  # at least four tokens in five read as names: one miss in five at most
    for token in tokens:
        words = token.split()
        word = words[-1] if words else token
        # (a match is 12 characters at most, and a line break its ``$`` may match before)
        if len(word) > 13 or not _NAME_TOKEN_RE.match(word):
            misses += 1
            if misses * 5 > len(tokens):
                return False
    return True


@dataclass(slots=True)
class _OpenList:
    key: Block
    members: int
    pending: bool
    said_none: bool = False
    lines: list[Block] = field(default_factory=list)


#: The kinds of blocks that open a list of people or may be one (:func:`_prose` tests these
#: three kinds one by one).
_MAY_LIST_PEOPLE = frozenset({BlockKind.HEADER, BlockKind.ROSTER, BlockKind.UNMATCHED})


_KIND = attrgetter("kind")
# (enum members :meth:`_RosterWatch.feed` compares every block with, read once: see BlockKind)
_MEMBER, _HEADER, _ROSTER, _UNMATCHED = (
    BlockKind.MEMBER,
    BlockKind.HEADER,
    BlockKind.ROSTER,
    BlockKind.UNMATCHED,
)
_PAGE_KINDS = (BlockKind.PAGE, BlockKind.RUNNING_HEADER)
_UNNAMED_OR_NOTICE = (None, HeaderName.NOTICE)


class _RosterWatch:
    """:func:`_unread_rosters` fed one block at a time, in order: every block of
    :data:`_MAY_LIST_PEOPLE`, and any other while a list is open (``open_list``), the blocks
    it skips left out (one pass over the blocks serves :func:`_prose` as well)."""

    __slots__ = ("found", "open_list", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[Block] = []
        self.open_list: _OpenList | None = None

    def close(self) -> None:
        open_list = self.open_list
        if (
            open_list is not None
            and open_list.members == 0
            and open_list.pending
            and not open_list.said_none
        ):
            self.found.append(open_list.key)

    def feed(self, block: Block) -> bool:
        """Read ``block``. For an UNMATCHED block, whether it reads as a list of people
        (:func:`_looks_like_people`, asked of every such block: :func:`_prose` reads the
        answer rather than asking again); False for a block it was not asked of."""
        open_list, text = self.open_list, self.text
        meta = block.meta
        name = meta.name if isinstance(meta, HeaderMeta) else None
        children = block.children
        # (the entries counted by map: a roster line holds dozens, most blocks none)
        members = sum(map(is_, map(_KIND, children), repeat(_MEMBER))) if children else 0
        if block.kind is _HEADER and name in _ROSTER_KEYS:
            self.close()
            said_none = bool(NONE_RE.match(block.groups.get("value", "")))
            self.open_list = _OpenList(block, members, pending=not said_none, said_none=said_none)
            return False
        if open_list is not None and (
            block.kind is _ROSTER
            or (block.kind is _HEADER and (name in _LIST_CONTINUES or meta is None))
        ):
            open_list.members += members
            if block.kind is _ROSTER:
                open_list.pending = True
            return False
        if open_list is not None and block.kind in _PAGE_KINDS:
            return False
        if (
            open_list is not None
            and block.kind is _HEADER
            and isinstance(meta, HeaderMeta)
            and meta.value_of_key
        ):
            if NONE_RE.match(block.text_of(text)):
                open_list.said_none = True  # 欠席委員 / なし: nobody, and that is read
            else:
                open_list.pending = True
            return False
        self.close()
        self.open_list = None
        if block.kind is _ROSTER:
            if members == 0:
                self.found.append(block)
            return False
        if block.kind is _UNMATCHED or (block.kind is _HEADER and name in _UNNAMED_OR_NOTICE):
            people = _looks_like_people(block.text_of(text))
            if people:
                self.found.append(block)
            return people
        return False

    def finish(self) -> list[Block]:
        """The blocks found, the list still open closed."""
        self.close()
        self.open_list = None
        return self.found


def _unread_rosters(blocks: Sequence[Block], text: str) -> list[Block]:
    """Blocks that look like lists of people and gave no members: a roster key whose list
    gave none (and does not say なし), a roster line without entries, a line of names that
    no rule read as a roster (:class:`_RosterWatch`; :func:`_prose` finds them too)."""
    watch = _RosterWatch(text)
    may_list_people = _MAY_LIST_PEOPLE  # (a local: read for every block)
    for block in blocks:
        if watch.open_list is not None or block.kind in may_list_people:
            watch.feed(block)  # (nothing in it applies to the other blocks)
    return watch.finish()


#: A sentence's end: 。？！, or a full stop after Japanese (…承認した.平成26年度は…).
_SENTENCE_END_RE = regex.compile(r"[。？！]|(?<=[\p{Han}\p{Hiragana}\p{Katakana}])[.．?!](?![0-9])")
#: Where :data:`_SENTENCE_END_RE` may match (every match is one of this): the standard ``re``
#: scans for the mark first, and every Han, Hiragana and Katakana character is from U+2E80 on.
_SENTENCE_END_GATE_RE = re.compile(r"[。？！.．?!](?:(?<=[。？！])|(?<=[^\x00-\u2e7f].)(?![0-9]))")


#: Spoken style: a polite predicate (ます, です, ございます, ください …), what a speech is made of
#: and a header's notices (…に選任された。, 出席者は左のとおり。) are not.
_POLITE_RE = regex.compile(r"ま(?:す|した|せん|しょう)|で(?:す|した)|ください")


def speaks_in_header(text: str) -> bool:
    """A header line that reads as speech: a sentence in spoken style (…を開会いたします。)
    or two sentences or more (…を開会する。…報告があった。), prose the reader missed; not a
    notice (…が理事に当選した。).

    Example:
        >>> speaks_in_header("(委員長)それではただ今より定例会をはじめさせていただきます。")
        True
        >>> speaks_in_header("理事橘慶一郎君委員辞任につき、その補欠として山田賢司君が理事に当選した。")
        False
    """
    if not reads_as_speech(text):
        return False
    return _POLITE_RE.search(text) is not None or len(_SENTENCE_END_RE.findall(text)) >= 2


@dataclass(slots=True)
class _Prose:
    """Where a document's prose is: ``total`` non-blank characters, ``inside`` turns,
    ``outside`` (the blocks), ``in_header`` (header lines that read as speech, counted in
    ``total`` and ``outside`` too). ``inside_only``: the prose inside turns was not counted
    (see :func:`_prose`): ``total`` and ``inside`` are 0, and there is some."""

    total: int = 0
    inside: int = 0
    outside: list[Pos] = field(default_factory=list)
    in_header: list[Pos] = field(default_factory=list)
    header_chars: int = 0
    inside_only: bool = False
    #: What :func:`_unread_rosters` finds, found in the same pass (``rosters.finish()``).
    rosters: _RosterWatch | None = None

    def share_in_turns(self) -> float | None:
        """The share of the prose inside turns (None without prose)."""
        if self.inside_only:
            return 1.0  # (what inside / total gives when all of it is inside)
        return round(self.inside / self.total, 3) if self.total else None


#: The kinds of blocks whose text is prose (header lines too, when they read as speech).
_PROSE_KINDS = frozenset({BlockKind.TURN, BlockKind.CONTINUATION, BlockKind.UNMATCHED})
#: A record's span as (start, end).
_SPAN_BOUNDS = attrgetter("span.start", "span.end")
#: After the last turn (no offset reaches it).
_NO_TURN = (sys.maxsize, sys.maxsize)
#: A character ``str.split`` keeps: what :func:`_chars` counts, when the text holds no FS,
#: GS, RS or US (the standard ``re``'s ``\\s`` is ``str.isspace``).
_NON_BLANK_RE = re.compile(r"\S")


def _prose(
    blocks: Sequence[Block],
    utterances: Sequence[Utterance],
    text: str,
    *,
    count_inside: bool = True,
) -> _Prose:
    """The prose of the document: turns, continuations, text nobody claimed, and header
    lines that read as speech (:func:`speaks_in_header`).

    Without ``count_inside``, the prose inside turns is counted only when some prose is
    outside them: when none is, the share in turns (:meth:`_Prose.share_in_turns`) is 1 if
    a block inside a turn holds a non-blank character, whatever their number, and the
    document has no prose otherwise (most documents: counting it was a third of
    :func:`assess`)."""
    spans = list(map(_SPAN_BOUNDS, utterances))  # ((start, end) of each: no Python step a turn)
    separators = any(char in text for char in "\x1c\x1d\x1e\x1f")  # (rare: looked for once)
    prose = _Prose()
    total = 0
    header, unmatched = BlockKind.HEADER, BlockKind.UNMATCHED
    turn, continuation = BlockKind.TURN, BlockKind.CONTINUATION  # (with unmatched: _PROSE_KINDS)
    bounds = iter(spans)  # the turns, in order: the one a block may be in, or the next
    turn_start, turn_end = next(bounds, _NO_TURN)
    inner: list[Pos] = []  # the prose blocks inside turns, counted below if need be
    # (the blocks _unread_rosters reads are fed to it from this pass: see _RosterWatch)
    watch = prose.rosters = _RosterWatch(text)
    roster = BlockKind.ROSTER
    for block in blocks:
        kind = block.kind
        if kind is continuation or kind is turn:  # (most blocks)
            if watch.open_list is not None:
                watch.feed(block)
            span = block.span
            if turn_start <= span[0] < turn_end:  # in the turn the block before was in (most)
                inner.append(span)  # (what the lines below do with it: the turn is the same)
                continue
            in_header = False
        elif kind is header:
            watch.feed(block)
            in_header = speaks_in_header(block.text_of(text))
            if not in_header:
                continue
        elif kind is unmatched:
            people = watch.feed(block)  # (_looks_like_people of the block, asked once)
            in_header = False
            if isinstance(block.meta, UnmatchedMeta) and people:
                continue
        else:
            if kind is roster or watch.open_list is not None:
                watch.feed(block)
            continue
        span = block.span
        start = span[0]  # (Pos.start: a tuple's item is read quicker than its field by name)
        while turn_end <= start:
            turn_start, turn_end = next(bounds, _NO_TURN)
        if turn_start <= start:  # (and start < its end: the loop above)
            inner.append(span)
            continue
        chars = _chars(text, span, separators)
        total += chars
        prose.outside.append(span)
        if in_header:
            prose.in_header.append(span)
            prose.header_chars += chars
    if count_inside or total or separators:
        inside = _inside_chars(text, inner, separators)
        prose.total, prose.inside = total + inside, inside
    else:  # nothing outside turns: is there anything inside? (the first blocks say, mostly)
        search = _NON_BLANK_RE.search
        prose.inside_only = any(search(text, pos.start, pos.end) for pos in inner)
    return prose


def _inside_chars(text: str, inner: Sequence[Pos], separators: bool) -> int:
    """The non-blank characters of the prose blocks inside turns (``inner``, in order).
    Blocks with only white space between them are counted as one stretch (its non-blank
    characters are theirs: white space is what split() drops), unless the text holds FS,
    GS, RS or US, which :func:`_chars` counts back."""
    inside = 0
    run_start = run_end = -1
    for span in inner:
        start = span.start
        if (
            not separators
            and 0 <= run_end <= start
            and (run_end == start or text[run_end:start].isspace())
        ):
            run_end = span.end  # (only white space, as str.split sees it, since the run)
            continue
        if run_end >= 0:
            inside += _chars(text, Pos(run_start, run_end, 1, 1, None), separators)
        run_start, run_end = start, span.end
    if run_end >= 0:
        inside += _chars(text, Pos(run_start, run_end, 1, 1, None), separators)
    return inside


def _header_prose_note(prose: _Prose, text: str) -> str:
    """What the ``no-turns`` message adds when header lines hold the prose."""
    if not prose.in_header:
        return ""
    first = prose.in_header[0]
    lines = ", ".join(str(pos.line_start) for pos in prose.in_header[:_SHOWN])
    more = f" and {len(prose.in_header) - _SHOWN} more" if len(prose.in_header) > _SHOWN else ""
    return (
        f"; {prose.header_chars} of them in header lines that read as speech (line {lines}"
        f"{more}: {_quote(text[first.start : first.end])}): the speeches may be run together "
        "on one line (a flattened page) or printed with a label the reader does not know"
    )


def _ignore(severity: Severity, code: str, message: str, span: Pos | Span | None) -> None:
    """Report nothing."""


_SPEAKER_ID = attrgetter("speaker_id")


def _header_fields(meeting: Meeting) -> tuple[str, ...]:
    """The meeting's facts that are set, in the order of its fields (``model_dump`` would
    copy every value to say as much)."""
    return tuple(name for name in type(meeting).model_fields if getattr(meeting, name) is not None)


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
    prose = _prose(blocks, utterances, text, count_inside=False)
    total, inside, outside = prose.total, prose.inside, prose.outside
    if not utterances and total - inside >= MIN_PROSE and outside:
        first, last = outside[0], outside[-1]
        diagnose(
            "warning",
            "no-turns",
            f"{total - inside} characters of prose and no speaker turn: no label was read"
            + _header_prose_note(prose, text),
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
    printed = bool(text) and not text.isspace()  # (what text.strip() says, with no copy)
    if printed and (detection.score < FIT_LOW or (runner is not None and margin < FIT_MARGIN)):
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
    unread = prose.rosters.finish() if prose.rosters is not None else []
    for block in unread:
        snippet = " ".join(block.text_of(text).split())[:40]
        diagnose(
            "warning",
            "roster-unread",
            f"a list of people gave no members: {snippet!r}",
            block.span,
        )
    resolved = len(utterances) - list(map(_SPEAKER_ID, utterances)).count(None)
    return Quality(
        format=detection.name,
        format_score=round(detection.score, 3),
        runner_up=runner.name if runner is not None else None,
        runner_up_score=round(detection.runner_up_score, 3) if runner is not None else None,
        turns=len(utterances),
        prose_in_turns=prose.share_in_turns(),
        speakers_resolved=(
            round(resolved / len(utterances), 3) if printed_roster and utterances else None
        ),
        header_fields=_header_fields(meeting),
    )


# -- doubts about the output ------------------------------------------------------------------
#
# The checks below read the finished :class:`Minutes` and the text it was parsed from, never
# the blocks: whatever produced the records, a record that does not read as what it claims to
# be is reported.

#: How many places a grouped diagnostic quotes (the rest are counted).
_SHOWN = 3
#: A header value longer than this (non-blank characters not read as roster entries) holds
#: more than a field: the record's lines were run together, or the header swallowed prose.
HEADER_MAX = 200
#: A title longer than this is more than a meeting's name.
TITLE_MAX = 80


def _quote(text: str, limit: int = 30) -> str:
    """``text`` on one line, cut at ``limit`` characters, quoted."""
    one_line = " ".join(text.split())
    return repr(one_line if len(one_line) <= limit else one_line[: limit - 1] + "…")


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a doubt is, and what was seen there (already quoted)."""

    span: Span
    seen: str


class _Lines:
    """Line numbers of offsets in a text (LF, CRLF or CR, as spans count them), computed
    the first time one is asked for."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None

    def line_at(self, offset: int) -> int:
        if self._starts is None:
            self._starts = line_starts(self._text)
        return max(bisect.bisect_right(self._starts, offset), 1)

    def span(self, start: int, end: int, page: int | None = None) -> Span:
        last = max(end - 1, start)
        return Span(
            start=start,
            end=end,
            line_start=self.line_at(start),
            line_end=self.line_at(last),
            page=page,
        )


@dataclass(frozen=True, slots=True)
class _Review:
    """What a check reads: the minutes, their text, and line numbers."""

    minutes: Minutes
    text: str
    lines: _Lines


# header-overlong -------------------------------------------------------------------------


class _EntryChars:
    """Non-blank characters of the roster entries read inside a span (by bisection over
    the members in document order, so that a long roster costs no more than a short one)."""

    def __init__(self, members: Sequence[Member]) -> None:
        ordered = sorted(members, key=lambda m: m.span.start)
        self._starts = [m.span.start for m in ordered]
        self._totals = [0]
        for member in ordered:
            self._totals.append(self._totals[-1] + len(compact(member.entry)))

    def inside(self, span: Span) -> int:
        first = bisect.bisect_left(self._starts, span.start)
        last = bisect.bisect_left(self._starts, span.end)
        return self._totals[last] - self._totals[first]


def _overlong_headers(review: _Review) -> list[_Place]:
    """Header lines too long for a field (beyond the roster entries read from them), or
    holding two sentences or more. One long sentence that ends the line is a notice
    (委員の異動: …の補欠として…が理事に当選した。), not lines run together."""
    found = []
    entries: _EntryChars | None = None
    for field_ in review.minutes.header:
        value = field_.value
        if len(value) <= 40 and "。" not in value:
            continue  # the common case, cheaply
        ends = list(_SENTENCE_END_RE.finditer(value)) if _SENTENCE_END_GATE_RE.search(value) else []
        sentences = len(ends)
        notice = sentences == 1 and not value[ends[0].end() :].strip()
        if notice or len(value) <= HEADER_MAX:
            unread = 0  # (a value's compact form is never longer than the value)
        else:
            if entries is None:
                entries = _EntryChars(review.minutes.members)
            unread = len(compact(value)) - entries.inside(field_.span)
        if unread > HEADER_MAX or sentences >= 2:
            what = f"{len(value)} characters" if unread > HEADER_MAX else f"{sentences} sentences"
            found.append(_Place(field_.span, f"{_quote(value)} ({what})"))
    return found


# speech-in-header -------------------------------------------------------------------------

#: Brackets and marks a label may be printed in (《山田委員長》, ○議長, 【委員】).
_LABEL_WRAPPING = LABEL_BRACKETS + "（()）〇○◯●◎◆■◇□ \u3000"


def _speeches_in_header(review: _Review) -> list[_Place]:
    """Header fields whose key reads as a speaker's label (a title or an honorific at its end,
    brackets and marks aside; an unknown key that ends with 者), or header lines that start
    with a label, and whose value is speech (《山田委員長》：それでは開会します。): a turn the
    reader took for a field."""
    found = []
    for field_ in review.minutes.header:
        key, value = field_.key, field_.value
        if not value or not speaks_in_header(value):
            continue
        if not key:  # a line no rule read: does it start with a label? (議長（田中次郎君）　…)
            start = label_key(value[:64])
            word = compact(start.split("（")[0].split("(")[0]) if start else ""
            if (
                start is not None
                and len(value) > len(start)
                and (position_suffix(word) is not None or word.endswith("番"))
            ):
                found.append(_Place(field_.span, _quote(value)))
            continue
        bare = compact(key).strip(_LABEL_WRAPPING)
        if bare and (
            position_suffix(bare) is not None
            or bare.endswith(HONORIFICS)
            or (field_.name is None and bare.endswith("者"))  # 委員長職務代理者
        ):
            found.append(_Place(field_.span, f"{_quote(key)}: {_quote(value)}"))
    return found


# roster-count-mismatch ------------------------------------------------------------------

_NUMERAL = r"[0-9０-９]{1,3}|[〇一二三四五六七八九十百]{1,4}"
#: A head count printed beside a roster key: 出席委員(8人), 出席議員（３４名）, 出席者6名,
#: 出席議員 14名.
_KEY_COUNT_RE = regex.compile(
    rf"""
    (?P<key>[\p{{Han}}\p{{Katakana}}ー・]{{2,16}}?){SP}*
    (?:[（(]{SP}*(?P<count>{_NUMERAL}){SP}*[名人]{SP}*[)）]
      | (?P<count>{_NUMERAL}){SP}*[名人](?!\p{{Han}}))
    """,
    regex.VERBOSE,
)
#: A head count closing a list: …本 間 智 以上26名.
_CLOSING_COUNT_RE = regex.compile(rf"以上{SP}*(?P<count>{_NUMERAL}){SP}*[名人]")
#: What every match of :data:`_KEY_COUNT_RE` and :data:`_CLOSING_COUNT_RE` holds: a numeral's
#: last character, spaces, 名 or 人 (the standard ``re``: a field without one is not read
#: with those patterns).
_PRINTED_COUNT_RE = re.compile(rf"[0-9０-９〇一二三四五六七八九十百]{SP}*[名人]")
_ROSTER_NAMES = frozenset(key.value for key in _ROSTER_KEYS)
#: Header fields that belong to a list of people (its lines, its groups, its posts).
_LIST_FIELD_NAMES = frozenset({"roster", "roster_heading", "post", "notice", None})


_MARKER_RE = regex.compile(rf"^(?:{LIST_MARKER}){SP}*")


def _opens_list(field_: HeaderField) -> bool:
    """A header field that starts a list of people: a roster key (出席委員), or a heading
    naming one by attendance or office (〇欠席議員（１人）, 〇説明員)."""
    if field_.name in _ROSTER_NAMES and field_.key is not None:
        return True
    if field_.name != "roster_heading":
        return False
    return header_field_name(_MARKER_RE.sub("", field_.value)) in _ROSTER_KEYS


#: How many groups inside one list (…(角館町) / (西木村)…) a count may be compared over.
_SOFT_BOUNDS = 24


@dataclass(frozen=True, slots=True)
class _Bounds:
    """Where lists of people may end (or begin). ``hard``: surely (a new list, a field that
    is no part of a list, a section, the first turn); ``soft``: maybe (a heading inside the
    header that may be a group of the list or a list of its own: 区議会事務局, (角館町))."""

    hard: list[int]
    soft: list[int]

    @classmethod
    def of(cls, minutes: Minutes, text: str) -> _Bounds:
        hard: list[int] = []
        soft: list[int] = []
        for f in minutes.header:  # (one pass: each field's list is asked for once)
            if f.name in _LIST_FIELD_NAMES and not _opens_list(f):
                if f.name in ("roster_heading", "notice"):
                    soft.append(f.span.start)
            else:
                hard.append(f.span.start)
        hard += [s.span.start for s in minutes.sections]
        hard += [minutes.utterances[0].span.start] if minutes.utterances else []
        return cls(sorted({*hard, len(text)}), sorted(soft))

    def ends_after(self, at: int) -> list[int]:
        """Where the list that starts at ``at`` may end (the nearest soft ends), the sure
        end last."""
        end = self.hard[bisect.bisect_right(self.hard, at)] if at < self.hard[-1] else at
        first = bisect.bisect_right(self.soft, at)
        last = min(bisect.bisect_left(self.soft, end), first + _SOFT_BOUNDS)
        return [*self.soft[first:last], end]

    def starts_before(self, at: int) -> list[int]:
        """Where the list that ends at ``at`` may begin (the nearest soft starts), the sure
        start first."""
        k = bisect.bisect_left(self.hard, at)
        start = self.hard[k - 1] if k > 0 else 0
        last = bisect.bisect_left(self.soft, at)
        first = max(bisect.bisect_right(self.soft, start), last - _SOFT_BOUNDS)
        return [start, *self.soft[first:last]]


def _count_mismatches(review: _Review) -> list[_Place]:
    """Head counts printed beside a roster key (出席委員(8人)), or closing a list
    (以上26名), that no reading of where the list ends agrees with."""
    minutes, text = review.minutes, review.text
    printed_count = _PRINTED_COUNT_RE.search
    listed = [
        f
        for f in minutes.header
        if (f.name in _LIST_FIELD_NAMES or f.name in _ROSTER_NAMES)
        # (a field where no numeral comes before 名 or 人 prints no count)
        and printed_count(text, f.span.start, f.span.end) is not None
    ]
    if not listed:  # no count printed: nothing to compare (the bounds are not needed)
        return []
    starts: list[int] = []
    bounds: _Bounds | None = None  # (made for the first count a pattern reads: most print none)

    def read(start: int, end: int) -> int:
        return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)

    found = []
    for field_ in listed:
        source = text[field_.span.start : field_.span.end]
        keyed = [
            match
            for match in _KEY_COUNT_RE.finditer(source)
            if header_field_name(match["key"]) in _ROSTER_KEYS
        ]
        closing = list(_CLOSING_COUNT_RE.finditer(source))
        if not keyed and not closing:
            continue
        if bounds is None:
            starts = sorted(m.span.start for m in minutes.members)
            bounds = _Bounds.of(minutes, text)
        # (the count, what each reading of the list's extent gives, the sure one last)
        counts = [
            (match, [read(after, end) for end in bounds.ends_after(after)])
            for match in keyed
            for after in [field_.span.start + match.end()]
        ]
        counts += [
            (match, [read(start, at) for start in bounds.starts_before(at)][::-1])
            for match in closing
            for at in [field_.span.start + match.start()]
        ]
        for match, readings in counts:
            printed = parse_number(match["count"])
            if printed is not None and printed not in readings:
                seen = f"{_quote(match.group(), 20)} prints {printed}, {readings[-1]} read"
                found.append(_Place(field_.span, seen))
    return found


# member-suspect -------------------------------------------------------------------------

#: What no person's name holds: digits, a seat (番 alone), a colon, a count in kanji
#: (理事十六名; not 一人, a given name), an aside cut open ((以下, 委員外議員)山口) or a
#: distributive title (保坂の各委員).
_NOT_IN_A_NAME_RE = re.compile(  # (the standard re: quicker, and nothing of regex is needed)
    r"[0-9０-９:：]|^番号?$|[〇一二三四五六七八九十百]+名$|[（(]以下|の各$|^[^（(]*[)）]|[（(][^)）]*$"
)
#: A character every match of :data:`_NOT_IN_A_NAME_RE` holds one of (a digit, a colon, 番,
#: 名, の, a bracket): a name with none is not searched.
_NOT_IN_A_NAME_CHARS = frozenset("0123456789０１２３４５６７８９:：番名の（()）")
_POSITION_SET = frozenset(POSITION_WORDS)
#: Title words of two characters or more (監 alone starts the surname 監物).
_LONG_POSITIONS = "|".join(regex.escape(word) for word in POSITION_WORDS if len(word) >= 2)
#: A title word printed before the name, run into it (副議長小林伸一, 事務局長田伏智).
#: (The standard ``re``, which tries the literal words faster; not :data:`_TITLE_LAST_RE`,
#: whose search ``regex`` runs faster.)
_TITLE_FIRST_RE = re.compile(rf"^(?:{_LONG_POSITIONS})(?=.{{2,}})")
#: What a name must start with for :data:`_TITLE_FIRST_RE` to match.
_TITLE_FIRST_CHARS = frozenset(word[0] for word in POSITION_WORDS if len(word) >= 2)
#: A title word the name ends with (北澤委員, 武部担当): the entry was not split.
_TITLE_LAST_RE = regex.compile(rf"(?<=.)(?:{_LONG_POSITIONS})$")
#: What a name must end with (before a last line break) for :data:`_TITLE_LAST_RE` to match.
_TITLE_LAST_CHARS = frozenset(word[-1] for word in POSITION_WORDS if len(word) >= 2)


#: What separates the entries of a list printed on one line (林、森、山田).
_LIST_SEPARATOR_RE = regex.compile(f"[{LIST_SEPARATORS}]")


def _name_problem(member: Member, line: str) -> str | None:
    """Why a member's name does not read as a person's name, or None. ``line`` is the line
    the entry is printed on: a surname of one character is a name in a list (林、森、山田),
    not a cell of a table or a piece of a letter-spaced name (千 葉 勇)."""
    name = member.name
    if name is None:
        return None
    title = member.title
    if (not _NOT_IN_A_NAME_CHARS.isdisjoint(name) and _NOT_IN_A_NAME_RE.search(name)) or (
        title and (":" in title or "：" in title)
    ):
        return "not a name"
    if len(name) == 1 and compact(member.entry) == name and not _LIST_SEPARATOR_RE.search(line):
        return "one character"
    if name in _POSITION_SET or (_may_be_a_key(name) and header_field_name(name) is not None):
        return "a title or a key"
    if (name[:1] in _TITLE_FIRST_CHARS and _TITLE_FIRST_RE.match(name)) or _title_last(name):
        return "a title run into the name"
    return None


#: Han and full-width kana: what cleaning leaves as it is (it changes white space, zero-width
#: characters, half-width kana and full-width letters and digits only) and no bracket.
_PLAIN_NAME_RE = re.compile(
    r"[\u3005\u3006\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fc-\u30fe\u4e00-\u9fff]+"
)
#: The characters a key :func:`header_field_name` knows ends with, and those of the words it
#: looks for inside a key (欠席, 出席, …参加者).
_KEY_END_CHARS = frozenset({key[-1] for key in HEADER_FIELD_NAMES} | {"席", "者"})


def _may_be_a_key(name: str) -> bool:
    """False only where :func:`header_field_name` finds no key in ``name``: a name of Han
    and full-width kana alone is its own compact form, with no bracket or numbering to take
    off, and a key ends with (or holds: 欠席, 出席, 参加者) one of :data:`_KEY_END_CHARS`
    (most names hold none: the dictionary lookup and its memo are skipped)."""
    return _PLAIN_NAME_RE.fullmatch(name) is None or not _KEY_END_CHARS.isdisjoint(name)


def _title_last(name: str) -> bool:
    """A title word ends the name (:data:`_TITLE_LAST_RE`), searched for only when the name
    ends with a title word's last character (most names end with none)."""
    return name.rstrip("\n")[-1:] in _TITLE_LAST_CHARS and _TITLE_LAST_RE.search(name) is not None


def start_of_line(text: str, offset: int) -> int:
    """Where the line holding ``offset`` starts (after LF, CRLF or CR). A CR is looked for
    after the last LF only: a text without one is not searched back to its start (each
    call stays as short as the line)."""
    lf = text.rfind("\n", 0, offset)
    return max(lf, text.rfind("\r", lf + 1, offset)) + 1


def _line_around(text: str, span: Span) -> str:
    """The line(s) ``span`` is printed on."""
    start = start_of_line(text, span.start)
    found = EDITOR_LINE_BREAK_RE.search(text, span.end)
    return text[start : found.start() if found is not None else len(text)]


def _suspect_members(review: _Review) -> list[_Place]:
    """Members whose name is no person's name."""
    found = []
    for member in review.minutes.members:
        name = member.name or ""
        line = _line_around(review.text, member.span) if len(name) == 1 else ""
        problem = _name_problem(member, line)
        if problem is not None:
            found.append(_Place(member.span, f"{_quote(member.name or '', 16)} ({problem})"))
    return found


# absent-after-none ----------------------------------------------------------------------


_ATTENDANCE = attrgetter("attendance")


def _absent_after_none(review: _Review) -> list[_Place]:
    """Members marked absent in a list whose key said nobody was (欠席委員 なし)."""
    if "absent" not in map(_ATTENDANCE, review.minutes.members):
        return []  # (nobody absent, nothing to report: the header's lists are not read)
    lists: list[tuple[int, bool]] = []  # (where a list opens, it is an absentee list of none)
    for field_ in review.minutes.header:
        if _opens_list(field_):
            said_none = field_.name == "absentees" and bool(NONE_RE.match(field_.value))
            lists.append((field_.span.start, said_none))
        elif (
            field_.name == "absentees"
            and field_.key is None
            and lists
            and NONE_RE.match(field_.value)
        ):  # the value below the key: 欠席者 / なし
            lists[-1] = (lists[-1][0], True)
    if not any(said_none for _, said_none in lists):
        return []
    opens = [start for start, _ in lists]
    found = []
    for member in review.minutes.members:
        if member.attendance != "absent":
            continue
        k = bisect.bisect_right(opens, member.span.start) - 1
        if k >= 0 and lists[k][1]:
            found.append(_Place(member.span, _quote(member.entry, 16)))
    return found


# label-inside-turn ----------------------------------------------------------------------

_HONORIFIC = "|".join(regex.escape(word) for word in HONORIFICS)
#: A marked label alone on its line with the name in parentheses, padded or not:
#: ○11番議員（平野　謙）, ○議長（梶　泰久）.
_MARKED_LABEL_ALONE_RE = regex.compile(
    rf"{MARK}{SP}*(?:[0-9０-９]{{1,3}}番{LABEL_CHAR}{{0,4}}|{LABEL}){SP}*{NAME_PAREN}{SP}*"
)
#: A name with an honorific and a colon, the speech after it: 本間君:議案第44号…
_HONORIFIC_LABEL_RE = regex.compile(
    rf"{MARK}?{SP}*{LABEL_CHAR}{{1,8}}?(?:{_HONORIFIC}){SP}*[：:]{SP}*\S"
)
#: The marks a label may start with (to skip most lines cheaply).
_LABEL_START_CHARS = frozenset(MARK.strip("[]"))


def _reads_as_label(line: str) -> bool:
    """A line a speaker's label starts: a marked label with speech after it, a marked label
    alone with the name in parentheses, or a name with 君 and a colon."""
    stripped = line.strip(" \u3000\t")
    if not stripped:
        return False
    if stripped[0] in _LABEL_START_CHARS:
        turn = LABEL_TURN_RE.match(stripped)
        if turn is not None and turn["mark"] and reads_as_speech(turn["text"] or ""):
            return True
        if _MARKED_LABEL_ALONE_RE.fullmatch(stripped):
            return True
    head = stripped[:16]
    return (":" in head or "：" in head) and _HONORIFIC_LABEL_RE.match(stripped) is not None


#: A word before a colon, taken whole where ``re`` knows possessive quantifiers (Python 3.11
#: on): the word holds no colon, so giving characters back never finds one.
_BEFORE_COLON = "[^\\r\\n:：]{1,15}" + ("+" if sys.version_info >= (3, 11) else "")
#: The start of a line after the first that may hold a label: a mark, or a colon soon.
#: (The standard ``re``: the pattern is run over the whole text, which ``re`` scans faster.)
_INNER_LINE_RE = re.compile(rf"(?:\r\n?|\n)(?P<line>[ \u3000\t]*(?:{MARK}|{_BEFORE_COLON}[:：]))")
#: The same for a text without CR, where every line starts after LF: ``re`` skips from one
#: LF to the next (a literal first character) instead of testing each character.
_INNER_LF_LINE_RE = re.compile(rf"\n(?P<line>[ \u3000\t]*(?:{MARK}|{_BEFORE_COLON}[:：]))")
#: Its first branch alone (a mark after the indent): a few steps a line, not the word's 16.
_INNER_LF_MARK_RE = re.compile(rf"\n(?P<line>[ \u3000\t]*{MARK})")


def _inner_line_starts(text: str, first: int, last: int) -> list[int]:
    """Where the lines that may hold a label start in ``text[first:last]`` (after a line
    break): ``[m.start("line") for m in _INNER_LINE_RE.finditer(text, first, last)]``.

    For a text without a CR alone (CRLF is read as LF: its line starts after the LF, and no
    branch takes a CR into a line), the lines with a mark are found by the mark branch
    alone, and the colon branch is tried only on the lines that hold a colon (few: most
    lines hold none), one line once (the search goes on from its end). A match never spans
    a line break, so the pattern matches after a LF exactly when one branch does there.
    """
    if text.find("\r", first, last) >= 0 and text.count("\r", first, last) != text.count(
        "\r\n", first, last
    ):  # a CR alone (``find`` first: most texts hold no CR, and it stops at the first)
        return [m.start("line") for m in _INNER_LINE_RE.finditer(text, first, last)]
    starts = [m.start("line") for m in _INNER_LF_MARK_RE.finditer(text, first, last)]
    with_colon: set[int] = set()
    match, rfind, find = _INNER_LF_LINE_RE.match, text.rfind, text.find
    for colon in (":", "："):
        at = find(colon, first, last)
        while at >= 0:
            brk = rfind("\n", first, at)  # the line break the colon's line starts after
            if brk >= 0 and match(text, brk, last) is not None:
                with_colon.add(brk + 1)
            end = find("\n", at, last)
            if end < 0:
                break
            at = find(colon, end, last)
    if with_colon:
        starts = sorted(with_colon.union(starts))
    return starts


_END = attrgetter("end")
_START = attrgetter("start")
_SPAN = attrgetter("span")


def _labels_inside_turns(review: _Review) -> list[_Place]:
    """Lines inside a turn's text (after its first line) that read as another speaker's
    label: the turn probably holds the next speech too."""
    text = review.text
    turns: Sequence[Utterance] = review.minutes.utterances
    if not turns:
        return []
    spans = list(map(_SPAN, turns))  # (each turn's span read once: thousands of turns)
    starts = list(map(_START, spans))
    if starts != sorted(starts):  # (the parser makes turns in order: sorted only if need be)
        order = sorted(range(len(turns)), key=starts.__getitem__)  # (stable, as sorted(turns))
        turns = [turns[k] for k in order]
        spans = [spans[k] for k in order]
        starts = [starts[k] for k in order]
    first_lines = set(starts)  # (a turn's first line is not inside it)
    pages: list[int] | None = None  # where pages start: sorted when a label is found (rare)
    found = []
    first, last = starts[0], max(map(_END, spans))
    for start in _inner_line_starts(text, first, last):
        if start in first_lines:
            continue
        k = bisect.bisect_right(starts, start) - 1
        span = spans[k]
        if not span.start < start < span.end:
            continue
        stop = EDITOR_LINE_BREAK_RE.search(text, start, span.end)
        end = stop.start() if stop is not None else span.end
        line = text[start:end]
        if _reads_as_label(line):
            if pages is None:
                pages = sorted(m.span.start for m in review.minutes.layout if m.kind == "page")
            p = bisect.bisect_right(pages, span.start)
            same_page = p >= len(pages) or pages[p] >= start
            where = review.lines.span(start, end, span.page if same_page else None)
            found.append(_Place(where, f"{_quote(line, 24)} in {turns[k].id}"))
    return found


# title-suspect, venue-suspect -------------------------------------------------------

#: Titles that name no meeting: a list item (1. 船橋市議会), a place alone (埼玉県 上尾市),
#: a bracket the date was cut out of (第15回定例会議( 開催)).
_TITLE_PROBLEMS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("a list item", regex.compile(r"^[0-9０-９]{1,3}[.．][ \u3000]")),
    ("a place alone", regex.compile(r"^\S{1,6}[都道府県][ \u3000]*\S{1,8}[市区町村]$")),
    (
        "an empty bracket",
        regex.compile(r"[（(][ \u3000]*(?:開催|開会|実施|開議)?[ \u3000]*[)）]"),
    ),
)
#: Venues that name no place: a bare number, a key in brackets (<会議場所>), a key or count
#: word (合併協議会委員数, 出席委員の氏名), a table cell's border left on (…会議室 |).
_VENUE_PROBLEMS: tuple[tuple[str, regex.Pattern[str]], ...] = (
    ("a number", regex.compile(r"^[0-9０-９]+$")),
    ("a bracketed key", regex.compile(r"^[<＜〈《【\[［].*[>＞〉》】\]］]$")),
    ("a key", regex.compile(r"(?:数|氏名|名簿)$")),
    ("a table border", regex.compile(r"^[|｜]|[|｜]$")),
)


def _field_span(review: _Review, name: str, value: str) -> Span | None:
    """The span of the header field ``name`` that holds ``value`` (or its start)."""
    fields = [f for f in review.minutes.header if f.name == name]
    wanted = compact(value)
    for field_ in fields:
        if compact(field_.value) == wanted:
            return field_.span
    for field_ in fields:
        if compact(field_.value).startswith(wanted[:8]):
            return field_.span
    return fields[0].span if fields else None


def _value_span(review: _Review, name: str, value: str) -> Span:
    """Where a meeting fact was printed: its header field, else the first place the text
    prints its start, else the first line."""
    span = _field_span(review, name, value)
    if span is not None:
        return span
    at = review.text.find(value[:8]) if value else -1
    if at < 0:
        at = 0
    end = max(review.text.find("\n", at), at + min(len(value), 1))
    return review.lines.span(at, min(end, len(review.text)))


def _suspect_title(review: _Review) -> list[_Place]:
    title = review.minutes.meeting.title
    if title is None:
        return []
    problems = [what for what, pattern in _TITLE_PROBLEMS if pattern.search(title)]
    if len(title) > TITLE_MAX:
        problems.append(f"{len(title)} characters")
    if not problems:
        return []
    return [_Place(_value_span(review, "title", title), f"{_quote(title)} ({', '.join(problems)})")]


def _suspect_venue(review: _Review) -> list[_Place]:
    venue = review.minutes.meeting.venue
    if venue is None:
        return []
    problems = [what for what, pattern in _VENUE_PROBLEMS if pattern.search(venue.strip())]
    if is_header_key(venue) or header_field_name(venue) is not None:
        problems.append("a key")
    if not problems:
        return []
    seen = f"{_quote(venue)} ({', '.join(dict.fromkeys(problems))})"
    return [_Place(_value_span(review, "venue", venue), seen)]


# turn-suspect ---------------------------------------------------------------------------

#: A table-of-contents line: a dotted leader, then a page number (○開会の宣告 ……… 3).
_CONTENTS_RE = regex.compile(r"[…‥・.．]{6,}[ \u3000]*[0-9０-９]+$")
#: A head count alone (他8名, 18人).
_COUNT_RE = regex.compile(rf"^(?:他|計|合計|外)?{SP}*(?:{_NUMERAL}){SP}*[名人]$")
#: The characters of :data:`_CONTENTS_RE`'s page number (one of them ends a contents line).
_DIGIT_CHARS = frozenset("0123456789０１２３４５６７８９")
_NUMBER_LINE_RE = regex.compile(r"^[0-9０-９ \u3000]+$|^[^0-9０-９。]{0,8}[0-9０-９]+$")


def _last_char_of_first_line(body: str, first_end: int) -> str:
    """``(body[:first_end] if first_end >= 0 else body).strip()[-1:]`` with no copy of the
    line (a speech's first line may be its whole paragraph): the last character that is no
    white space, looked for backwards from the line's end (a CR at most, mostly none)."""
    k = (first_end if first_end >= 0 else len(body)) - 1
    while k >= 0 and body[k].isspace():
        k -= 1
    return body[k] if k >= 0 else ""


def _turn_problem(turn: Utterance, header_keys: dict[str, bool]) -> str | None:
    """Why a turn is no speech (its label is a header key, its text a count …), or None;
    ``header_keys`` remembers what :func:`is_header_key` said of each label."""
    label = turn.speaker.label
    if label not in header_keys:
        header_keys[label] = is_header_key(label)
    if header_keys[label]:
        return "the label is a header key"
    body = turn.text.strip()
    if len(body) <= 24:  # (each pattern tried only on a text that holds its last word)
        if ("し" in body or "ありません" in body) and NONE_RE.match(body):
            return "the text is only なし"
        if ("名" in body or "人" in body) and _COUNT_RE.match(compact(body)):
            return "the text is only a count"
    first_end = body.find("\n")
    if _last_char_of_first_line(body, first_end) in _DIGIT_CHARS:
        first_line = (body if first_end < 0 else body[:first_end]).strip()
        if _CONTENTS_RE.search(first_line):
            return "the text is a table of contents"  # (it ends with a page number)
    if first_end < 0 or body.find("\n", first_end + 1) < 0:
        return None  # (fewer than three lines)
    if "。" in body or "？" in body or "！" in body or _SENTENCE_END_RE.search(body):
        return None  # (a sentence ends in it: the first marks are looked for quickly)
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    numbers = sum(1 for line in lines if _NUMBER_LINE_RE.match(line))
    return (
        "the text is a table of numbers" if len(lines) >= 3 and 2 * numbers >= len(lines) else None
    )


def _suspect_turns(review: _Review) -> list[_Place]:
    """Turns that are no speech."""
    found: list[_Place] = []
    header_keys: dict[str, bool] = {}
    for turn in review.minutes.utterances:
        problem = _turn_problem(turn, header_keys)
        if problem is not None:
            seen = f"{turn.id} {_quote(turn.speaker.label, 16)} ({problem})"
            found.append(_Place(turn.span, seen))
    return found


# -- the checks, in order ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OutputCheck:
    """A doubt about the output: its diagnostic ``code`` and ``severity``, what it says it
    saw (``seen``: ``{n}`` is the number of places; ``{s}``, ``{verb}`` and ``{be}`` agree
    with it), what a user can do (``advice``), and the function that finds the places."""

    code: str
    severity: Severity
    seen: str
    advice: str
    find: Callable[[_Review], list[_Place]]


#: The output checks, in the order their diagnostics are made.
OUTPUT_CHECKS: tuple[OutputCheck, ...] = (
    OutputCheck(
        "header-overlong",
        "warning",
        "{n} header line{s} too long for a field or holding several sentences",
        "the record's line breaks may be lost (a flattened web page or PDF text) or the "
        "header swallowed the proceedings; check the source's layout",
        _overlong_headers,
    ),
    OutputCheck(
        "speech-in-header",
        "warning",
        "{n} header line{s} that read{verb} as a speaker's label and speech",
        "a label shape the reader does not know (or a label it doubted): those turns are "
        "missing from utterances[]",
        _speeches_in_header,
    ),
    OutputCheck(
        "roster-count-mismatch",
        "warning",
        "{n} list{s} of people whose printed head count differs from the members read",
        "entries were merged, split or missed: check members[] against the list",
        _count_mismatches,
    ),
    OutputCheck(
        "member-suspect",
        "warning",
        "{n} member{s} whose name reads as no person's name",
        "the roster's layout was split wrongly (a table cell per line, letter-spaced "
        "columns, counts or titles in the list): check members[] against the source",
        _suspect_members,
    ),
    OutputCheck(
        "absent-after-none",
        "warning",
        "{n} member{s} marked absent under an absentee key that says なし",
        "the list after it was not recognised as a new list: their attendance is probably wrong",
        _absent_after_none,
    ),
    OutputCheck(
        "label-inside-turn",
        "warning",
        "{n} line{s} inside a turn that read{verb} as another speaker's label",
        "the turn probably holds the next speaker's speech too (a label shape the reader "
        "does not know): check those turns' speakers",
        _labels_inside_turns,
    ),
    OutputCheck(
        "title-suspect",
        "warning",
        "a title that names no meeting",
        "the title was taken from a line that is not the meeting's name (a web page's "
        "list item or place line, a date cut out of a bracket, a run-together line)",
        _suspect_title,
    ),
    OutputCheck(
        "venue-suspect",
        "warning",
        "a venue that names no place",
        "the venue was taken from a key, a number or a table cell next to the place: "
        "check header[]",
        _suspect_venue,
    ),
    OutputCheck(
        "turn-suspect",
        "warning",
        "{n} turn{s} that {be} no speech",
        "a header line, a count or a table of contents was read as a speaker's label: "
        "check those turns",
        _suspect_turns,
    ),
)


def _grouped(check: OutputCheck, places: Sequence[_Place]) -> Diagnostic:
    """One diagnostic for every place a check found: the count and the first places."""
    first = places[0]
    shown = ", ".join(
        place.seen + (f" (line {place.span.line_start})" if i else "")
        for i, place in enumerate(places[:_SHOWN])
    )
    more = f" and {len(places) - _SHOWN} more" if len(places) > _SHOWN else ""
    n = len(places)
    seen = check.seen.format(
        n=n, s="" if n == 1 else "s", verb="s" if n == 1 else "", be="is" if n == 1 else "are"
    )
    return Diagnostic(
        severity=check.severity,
        code=check.code,
        message=f"line {first.span.line_start}: {seen}: {shown}{more}; {check.advice}",
        span=first.span,
    )


def review(minutes: Minutes, text: str) -> tuple[Diagnostic, ...]:
    """Doubts about the output: records that do not read as what they claim to be (see
    :data:`OUTPUT_CHECKS`), one diagnostic per check with the count and the first places.

    ``text`` is the decoded input the minutes were parsed from (spans point into it).

    Example:
        >>> import gijiroku
        >>> text = "1. 港区議会 2023-09-15\\n\\n座長 それでは始めます。"
        >>> [d.code for d in review(gijiroku.parse(text), text)]
        ['title-suspect']
    """
    if not text or text.isspace():  # (no text: what text.strip() says, with no copy)
        return ()
    state = _Review(minutes, text, _Lines(text))
    found = []
    for check in OUTPUT_CHECKS:
        places = check.find(state)
        if places:
            found.append(_grouped(check, places))
    return tuple(found)


def with_review(minutes: Minutes, text: str) -> Minutes:
    """The minutes with :func:`review`'s diagnostics added, in document order."""
    found = review(minutes, text)
    if not found:
        return minutes
    diagnostics = in_document_order([*minutes.diagnostics, *found])
    return minutes.model_copy(update={"diagnostics": diagnostics})
