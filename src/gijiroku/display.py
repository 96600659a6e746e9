"""How :class:`~gijiroku.models.Minutes` shows itself: a one-line ``repr`` and a compact HTML
table for Jupyter (``Minutes._repr_html_``).

A notebook cell that ends with minutes shows the meeting (title, body, date, time, venue,
counts) and the first turns (speaker, role, section when turns fall under headings, a preview
of the text); never the whole record. Every value is HTML-escaped; there is no JavaScript and no ``<style>`` element (inline
styles only, so nothing leaks into the rest of the notebook).

Example:
    >>> import gijiroku
    >>> m = gijiroku.parse("日時：令和6年5月17日\\n座長 それでは始めます。\\n林委員 賛成です。")
    >>> m
    <Minutes 2024-05-17: 2 utterances, 0 members, 0 sections>
    >>> "<table" in m._repr_html_()
    True
"""

from __future__ import annotations

import collections
import itertools
from html import escape
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from gijiroku.models import Meeting, Minutes

__all__ = ["HTML_PREVIEW_CHARS", "HTML_TURNS", "describe_meeting", "minutes_html", "minutes_repr"]

#: How many turns ``_repr_html_`` shows.
HTML_TURNS = 10
#: How many characters of each turn's text ``_repr_html_`` shows.
HTML_PREVIEW_CHARS = 80

_TH = 'style="text-align:left;vertical-align:top;padding:2px 8px"'
_TD = 'style="text-align:left;vertical-align:top;padding:2px 8px"'
_TD_NOWRAP = 'style="text-align:left;vertical-align:top;padding:2px 8px;white-space:nowrap"'
_NO_SECTION = ("#", "speaker", "role", "text")
#: Numbers each rendering, so that HTML ids stay unique when a notebook shows several minutes
#: (or the same minutes twice): ``gijiroku-3``, its rows ``gijiroku-3-u1`` …
_VIEWS = itertools.count(1)


def describe_meeting(meeting: Meeting) -> str:
    """A short name for the meeting: its printed title, else house, body and number.

    Example:
        >>> from gijiroku.models import Meeting
        >>> describe_meeting(Meeting(house="衆議院", body="文部科学委員会", number=1, session=212))
        '第212回国会 衆議院 文部科学委員会 第1号'
    """
    if meeting.title:
        return meeting.title
    parts: list[str] = []
    if meeting.session is not None:
        parts.append(f"第{meeting.session}回国会")
    if meeting.house:
        parts.append(meeting.house)
    if meeting.body:
        parts.append(meeting.body)
    if meeting.number is not None:
        parts.append(f"第{meeting.number}号" if meeting.house else f"第{meeting.number}回")
    return " ".join(parts)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _counts(minutes: Minutes) -> list[str]:
    return [
        _plural(len(minutes.utterances), "utterance"),
        _plural(len(minutes.members), "member"),
        _plural(len(minutes.sections), "section"),
    ]


def _severities(minutes: Minutes) -> str:
    """``2 warnings, 1 info`` (most serious first), or ``none``."""
    counted = collections.Counter(d.severity for d in minutes.diagnostics)
    found = [
        (_plural(counted[s], s) if s != "info" else f"{counted[s]} info")
        for s in ("error", "warning", "info")
        if counted[s]
    ]
    return ", ".join(found) or "none"


def minutes_repr(minutes: Minutes) -> str:
    """One line: what the meeting is, its date, and how many records it holds.

    Example:
        >>> import gijiroku
        >>> minutes_repr(gijiroku.parse("日時：令和6年5月17日\\n座長 それでは始めます。"))
        '<Minutes 2024-05-17: 1 utterance, 0 members, 0 sections>'
    """
    name = describe_meeting(minutes.meeting)
    date = minutes.meeting.date.isoformat() if minutes.meeting.date else None
    head = " ".join(p for p in (name, date) if p)
    counts = ", ".join(_counts(minutes))
    problems = [d for d in minutes.diagnostics if d.severity != "info"]
    if problems:
        counts += f", {_plural(len(problems), 'diagnostic')}"
    return f"<Minutes {head}: {counts}>" if head else f"<Minutes: {counts}>"


def _preview(text: str, limit: int) -> str:
    """One line of at most ``limit`` characters: paragraphs run on (with a space only between
    Latin letters or digits, as Japanese text has none), ``…`` where it is cut."""
    flat = _SPACES_RE.sub(" ", _LINE_BREAK_RE.sub(_join_lines, text.strip()))
    return flat if len(flat) <= limit else flat[: max(limit - 1, 0)] + "…"


_LINE_BREAK_RE = regex.compile(r"(?<=(.))[ \t]*\n\s*(?=(.))", regex.DOTALL)
_SPACES_RE = regex.compile(r"[ \t]+|\u3000{2,}")


def _join_lines(match: regex.Match[str]) -> str:
    before, after = match.group(1), match.group(2)
    return " " if before.isascii() and after.isascii() else ""


def _row(key: str, value: str) -> str:
    return f"<tr><th {_TH}>{escape(key)}</th><td {_TD}>{escape(value)}</td></tr>"


def _meeting_rows(minutes: Minutes) -> list[str]:
    meeting = minutes.meeting
    rows: list[tuple[str, str | None]] = [
        ("title", describe_meeting(meeting) or None),
        ("body", meeting.body),
        ("house", meeting.house),
        ("session", str(meeting.session) if meeting.session is not None else None),
        ("number", str(meeting.number) if meeting.number is not None else None),
        ("date", _date_text(meeting)),
        ("time", "–".join(t for t in (meeting.start_time, meeting.end_time) if t) or None),
        ("venue", meeting.venue),
        ("source", _source_text(minutes)),
        ("counts", ", ".join([*_counts(minutes), _plural(len(minutes.events), "event")])),
        ("diagnostics", _severities(minutes)),
    ]
    return [_row(key, value) for key, value in rows if value]


def _date_text(meeting: Meeting) -> str | None:
    if meeting.date is None:
        return meeting.date_raw
    if meeting.date_raw:
        return f"{meeting.date.isoformat()} ({meeting.date_raw})"
    return meeting.date.isoformat()


def _source_text(minutes: Minutes) -> str:
    source = minutes.source
    name = source.name or "(text)"
    return f"{name} · {source.format} · {source.lines} lines"


def minutes_html(
    minutes: Minutes, *, turns: int = HTML_TURNS, preview: int = HTML_PREVIEW_CHARS
) -> str:
    """A compact HTML view: the meeting table and the first ``turns`` turns.

    Each rendering gets its own ``id`` (``gijiroku-N``) and each turn row ``gijiroku-N-u1``
    with the utterance id in ``data-id``, so ids never repeat in one notebook.

    Args:
        minutes: what to show.
        turns: how many turns to list (``0`` for none).
        preview: how many characters of each turn's text to show.

    Example:
        >>> import gijiroku
        >>> html = minutes_html(gijiroku.parse("座長 <b>を</b>読む。"), turns=1)
        >>> "&lt;b&gt;" in html and "<b>" not in html
        True
    """
    if isinstance(turns, bool) or not isinstance(turns, int) or turns < 0:
        raise TypeError(f"turns must be a non-negative int, not {turns!r}")
    if isinstance(preview, bool) or not isinstance(preview, int) or preview < 1:
        raise TypeError(f"preview must be a positive int, not {preview!r}")
    titles = {s.id: s.title for s in minutes.sections}
    view = f"gijiroku-{next(_VIEWS)}"
    parts = [f'<div class="gijiroku-minutes" id="{view}">']
    parts.append('<table class="gijiroku-meeting">')
    parts.extend(_meeting_rows(minutes))
    parts.append("</table>")
    shown = minutes.utterances[:turns]
    if shown:
        with_sections = any(u.section_id in titles for u in shown)
        heads = ("#", "speaker", "role", "section", "text") if with_sections else _NO_SECTION
        parts.append('<table class="gijiroku-turns">')
        parts.append(
            "<thead><tr>" + "".join(f"<th {_TH}>{h}</th>" for h in heads) + "</tr></thead>"
        )
        parts.append("<tbody>")
        for u in shown:
            cells = [
                (str(u.order), _TD_NOWRAP),
                (u.speaker.name or u.speaker.label, _TD_NOWRAP),
                (u.speaker.role or "", _TD_NOWRAP),
                (_preview(titles.get(u.section_id or "", ""), 24), _TD),
                (_preview(u.text, preview), _TD),
            ]
            if not with_sections:
                del cells[3]
            row = "".join(f"<td {style}>{escape(text)}</td>" for text, style in cells)
            turn = escape(u.id)
            parts.append(f'<tr id="{view}-{turn}" data-id="{turn}">{row}</tr>')
        parts.append("</tbody></table>")
    rest = len(minutes.utterances) - len(shown)
    if rest > 0:
        parts.append(
            f'<p class="gijiroku-more">… {_plural(rest, "more utterance")}'
            " in <code>.utterances</code></p>"
        )
    parts.append("</div>")
    return "\n".join(parts)
