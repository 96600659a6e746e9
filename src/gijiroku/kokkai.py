"""The NDL Kokkai API (国会会議録検索システム 検索用API): meeting records in, speech records out.

``/api/meeting`` answers with ``meetingRecord`` items (JSON with ``recordPacking=json``, else
XML). Each holds the meeting's facts (``issueID``, ``session``, ``nameOfHouse``,
``nameOfMeeting``, ``issue`` 第1号, ``date``) and its ``speechRecord`` list: record 0 is the
header (``speaker`` 会議録情報), then one record per speech with ``speechOrder``, ``speaker``,
``speakerYomi``, ``speakerGroup`` (会派), ``speakerPosition`` (肩書き), ``speakerRole``
(証人・参考人・公述人) and ``speech`` (``○label　text``). From ``samples/kokkai-api/``::

    <meetingRecord><issueID>121205124X00120231101</issueID>…<session>212</session>
      <nameOfHouse>衆議院</nameOfHouse><nameOfMeeting>文部科学委員会</nameOfMeeting>
      <issue>第1号</issue><date>2023-11-01</date>…
      <speechRecord><speechOrder>8</speechOrder><speaker>盛山正仁</speaker>
        <speakerYomi>もりやままさひと</speakerYomi><speakerGroup>自由民主党・無所属の会</speakerGroup>
        <speakerPosition>文部科学大臣</speakerPosition><speakerRole></speakerRole>
        <speech>○盛山国務大臣　第二百十二回国会において…</speech>…

:func:`from_kokkai` joins the speeches as the NDL's text view does (a blank line between
records), parses that text with the ``diet`` rules, and then takes the speakers and the
meeting's facts from the API's fields. :func:`to_kokkai_records` goes the other way.

Errors: a malformed record raises :class:`~gijiroku.ParseError` (a ``ValueError``) with a
message that says what is wrong; a wrong argument type raises ``TypeError``. XML is read with
the standard library; a document type declaration (``<!DOCTYPE``, which the API never sends)
is refused, so entity tricks cannot reach the parser. For input from elsewhere, parse it
with ``defusedxml`` first and pass the JSON form.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

import regex

from gijiroku.dates import parse_number
from gijiroku.errors import ParseError
from gijiroku.models import in_document_order
from gijiroku.normalize import compact

if TYPE_CHECKING:
    from gijiroku.api import OnIssue
    from gijiroku.models import Diagnostic, Meeting, Minutes, Severity, Span, Utterance

__all__ = [
    "HEADER_SPEAKER",
    "KOKKAI_ROLES",
    "KokkaiSpeech",
    "from_kokkai",
    "kokkai_text",
    "meeting_records",
    "to_kokkai_records",
]

#: The ``speaker`` of record 0, the header (会議録情報).
HEADER_SPEAKER = "会議録情報"
#: The values the API uses in ``speakerRole`` (発言者役割).
KOKKAI_ROLES: frozenset[str] = frozenset({"証人", "参考人", "公述人"})
_ISSUE_RE = regex.compile(r"第\s*(?P<n>[0-9０-９]+|[〇一二三四五六七八九十百]+)\s*号")
_RESOLVE_CODES = frozenset({"ambiguous-speaker", "unresolved-speaker"})
_INFERRED_SESSION_CODES = frozenset({"session-from-date", "session-unknown"})


class KokkaiSpeech(TypedDict):
    """One speech record in the API's field names (``/api/speech``, ``speechRecord``)."""

    speechOrder: int
    speaker: str
    speakerYomi: str
    speakerGroup: str
    speakerPosition: str
    speakerRole: str
    speech: str


@dataclass(frozen=True, slots=True)
class _Speech:
    order: int
    speaker: str
    yomi: str
    group: str
    position: str
    role: str
    speech: str

    @property
    def is_header(self) -> bool:
        return self.speaker == HEADER_SPEAKER


# -- reading the API's answer ------------------------------------------------------------------


def _local(tag: str) -> str:
    """An XML tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def _xml_records(text: str) -> list[dict[str, object]]:
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise ParseError("Kokkai XML with a document type declaration is not accepted")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise ParseError(f"not well-formed Kokkai API XML: {error}") from None
    records = [e for e in root.iter() if _local(e.tag) == "meetingRecord"]
    if not records:
        message = next((e.text for e in root.iter() if _local(e.tag) == "message"), None)
        if message:
            raise ParseError(f"the Kokkai API answered with an error: {message.strip()}")
        raise ParseError(f"no <meetingRecord> in the XML (root element <{_local(root.tag)}>)")
    return [_xml_record(record) for record in records]


def _xml_record(element: ET.Element) -> dict[str, object]:
    record: dict[str, object] = {}
    speeches: list[dict[str, object]] = []
    for child in element:
        name = _local(child.tag)
        if name == "speechRecord":
            speeches.append({_local(c.tag): c.text or "" for c in child})
        elif name == "speechRecords":  # a wrapper, should a response use one
            speeches.extend(
                {_local(c.tag): c.text or "" for c in s}
                for s in child
                if _local(s.tag) == "speechRecord"
            )
        else:
            record[name] = child.text or ""
    record["speechRecord"] = speeches
    return record


def meeting_records(data: Mapping[str, object] | str | bytes) -> list[dict[str, object]]:
    """The ``meetingRecord`` items of an API answer, as dicts in the JSON API's shape.

    ``data`` is one ``meetingRecord`` (a dict), a whole ``/api/meeting`` JSON answer (a dict
    with a ``meetingRecord`` list), or the same as JSON or XML text (``<data>…<meetingRecord>``
    or one ``<meetingRecord>`` element). Use it to convert an answer that holds several
    meetings: ``[gijiroku.from_kokkai(r) for r in meeting_records(answer)]``.

    Raises:
        ParseError: text that is neither JSON nor XML, or holds no meeting record.
        TypeError: ``data`` is of another type.
    """
    if isinstance(data, (bytes, bytearray)):
        try:
            data = bytes(data).decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ParseError(f"Kokkai API data must be UTF-8: {error}") from None
    if isinstance(data, str):
        stripped = data.lstrip("\ufeff \t\r\n")
        if stripped.startswith("<"):
            return _xml_records(stripped)
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise ParseError(f"Kokkai API text is neither JSON nor XML: {error}") from None
        if not isinstance(data, Mapping):
            raise ParseError(f"Kokkai API JSON must be an object, not {type(data).__name__}")
    if not isinstance(data, Mapping):
        raise TypeError(
            f"a Kokkai record must be a dict, JSON text or XML text, not {type(data).__name__}"
        )
    if "meetingRecord" in data:
        items = data["meetingRecord"]
        if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
            raise ParseError("'meetingRecord' must be a list of objects")
        if not items:
            raise ParseError("the Kokkai API answer holds no meetingRecord (no meeting found)")
        return [dict(i) for i in items]
    if "speechRecord" in data:
        return [dict(data)]
    if "message" in data:
        raise ParseError(f"the Kokkai API answered with an error: {data['message']}")
    raise ParseError("not a Kokkai meeting record: no 'meetingRecord' or 'speechRecord'")


def _one_meeting(record: Mapping[str, object] | str | bytes) -> dict[str, object]:
    records = meeting_records(record)
    if len(records) > 1:
        raise ParseError(
            f"the Kokkai API answer holds {len(records)} meetings; convert each one: "
            "[gijiroku.from_kokkai(r) for r in gijiroku.kokkai.meeting_records(answer)]"
        )
    return records[0]


def _field(record: Mapping[str, object], name: str, where: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ParseError(f"{where}: '{name}' must be text, not {type(value).__name__}")
    return str(value)


def _speeches(meeting: Mapping[str, object]) -> list[_Speech]:
    raw = meeting.get("speechRecord")
    if isinstance(raw, Mapping):  # JSON from an XML converter: one record, not a list
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        raise ParseError("the meeting record has no speechRecord")
    speeches: list[_Speech] = []
    for position, item in enumerate(raw):
        where = f"speechRecord {position}"
        if not isinstance(item, Mapping):
            raise ParseError(f"{where} must be an object, not {type(item).__name__}")
        if "speech" not in item:
            raise ParseError(
                f"{where} has no 'speech' text (a /api/meeting_list answer? use /api/meeting)"
            )
        order_text = _field(item, "speechOrder", where)
        order = int(order_text) if order_text.strip().isdecimal() else position
        speeches.append(
            _Speech(
                order=order,
                speaker=compact(_field(item, "speaker", where)),
                yomi=compact(_field(item, "speakerYomi", where)),
                group=_field(item, "speakerGroup", where).strip(),
                position=_field(item, "speakerPosition", where).strip(),
                role=_field(item, "speakerRole", where).strip(),
                speech=_field(item, "speech", where),
            )
        )
    return sorted(speeches, key=lambda s: s.order)


def kokkai_text(record: Mapping[str, object] | str | bytes) -> str:
    """The minutes text of one meeting record, as the NDL's text view serves it: every
    ``speech`` (the 会議録情報 header first) with a blank line between them.

    :func:`from_kokkai` parses this text; its spans point into it, so pass it to
    :meth:`Minutes.unaccounted <gijiroku.models.Minutes.unaccounted>` or
    :func:`to_kokkai_records`.
    """
    return _text_of(_speeches(_one_meeting(record)))[0]


def _text_of(speeches: Sequence[_Speech]) -> tuple[str, list[tuple[int, int]]]:
    """The joined text and where each speech sits in it."""
    ranges: list[tuple[int, int]] = []
    offset = 0
    for speech in speeches:
        ranges.append((offset, offset + len(speech.speech)))
        offset += len(speech.speech) + 2
    return "\n\n".join(s.speech for s in speeches) + "\n", ranges


# -- from the API ------------------------------------------------------------------------------


@dataclass(slots=True)
class _Enrichment:
    text: str
    diagnostics: list[Diagnostic]

    def span(self, start: int, end: int) -> Span:
        from gijiroku.models import Span

        end = max(start, min(end, len(self.text)))
        return Span(
            start=start,
            end=end,
            line_start=self.text.count("\n", 0, start) + 1,
            line_end=self.text.count("\n", 0, max(start, end - 1)) + 1,
        )

    def diagnose(self, severity: Severity, code: str, message: str, span: Span | None) -> None:
        from gijiroku.models import Diagnostic

        where = f"line {span.line_start}: " if span is not None else ""
        self.diagnostics.append(
            Diagnostic(severity=severity, code=code, message=where + message, span=span)
        )


def from_kokkai(
    record: Mapping[str, object] | str | bytes,
    *,
    source_name: str | None = None,
    on_issue: OnIssue = "collect",
) -> Minutes:
    """Build :class:`~gijiroku.models.Minutes` from one ``/api/meeting`` meeting record.

    The speeches are joined into the NDL's text (:func:`kokkai_text`) and parsed with the
    ``diet`` rules; then each turn's speaker takes the API's ``speaker`` (name), and
    ``speakerYomi`` / ``speakerPosition`` / ``speakerGroup`` become ``Speaker.yomi`` /
    ``title`` / ``affiliation``; ``speakerRole`` fills ``role`` when the label gives none.
    A turn whose speaker the text could not resolve is linked to the roster member the API
    names. ``session``, ``nameOfHouse`` (house), ``nameOfMeeting`` (body), ``issue`` (第1号 →
    number) and ``date`` fill what the text leaves open (a session inferred from the date is
    replaced). Where the API and the text disagree, the text's reading of the meeting is
    kept, the API's speaker is taken, and a ``kokkai-mismatch`` diagnostic says what differs.

    Args:
        record: one meeting record: a dict (JSON API), a whole JSON answer holding exactly one
            meeting, or the same as JSON or XML text (see :func:`meeting_records`).
        source_name: kept in ``source.name``; the record's ``issueID`` when omitted.
        on_issue: as for :func:`gijiroku.parse`.

    Raises:
        ParseError: a malformed record, an answer with several meetings, or (with
            ``on_issue="raise"``) warnings.
        TypeError: ``record`` is of another type.

    Example:
        >>> m = gijiroku.from_kokkai(open("samples/kokkai-api/121205124X00120231101.xml").read())  # doctest: +SKIP
        >>> m.utterances[7].speaker.name, m.utterances[7].speaker.title  # doctest: +SKIP
        ('盛山正仁', '文部科学大臣')
    """
    from gijiroku.api import parse, report_issues

    if source_name is not None and not isinstance(source_name, str):
        raise TypeError(f"source_name must be a str, not {type(source_name).__name__}")
    meeting = _one_meeting(record)
    speeches = _speeches(meeting)
    text, ranges = _text_of(speeches)
    issue_id = _field(meeting, "issueID", "meetingRecord").strip() or None
    minutes = parse(text, source_name=source_name or issue_id, format="diet")
    work = _Enrichment(text, list(minutes.diagnostics))
    utterances = _enrich_turns(minutes, speeches, ranges, work)
    new_meeting = _enrich_meeting(minutes.meeting, meeting, work)
    diagnostics = in_document_order(work.diagnostics)
    result = minutes.model_copy(
        update={
            "meeting": new_meeting,
            "utterances": tuple(utterances),
            "diagnostics": tuple(diagnostics),
        }
    )
    report_issues(result, on_issue)
    return result


def _enrich_turns(
    minutes: Minutes,
    speeches: Sequence[_Speech],
    ranges: Sequence[tuple[int, int]],
    work: _Enrichment,
) -> list[Utterance]:
    starts = [start for start, _ in ranges]
    by_speech: dict[int, list[int]] = {}
    for index, utterance in enumerate(minutes.utterances):
        k = max(bisect.bisect_right(starts, utterance.span.start) - 1, 0)
        by_speech.setdefault(k, []).append(index)
    utterances = list(minutes.utterances)
    turns = 0
    for k, speech in enumerate(speeches):
        found = by_speech.get(k, [])
        span = work.span(*ranges[k])
        if speech.is_header:
            if found:
                work.diagnose(
                    "warning",
                    "kokkai-mismatch",
                    f"the {HEADER_SPEAKER} record holds {len(found)} turn(s) by the text's rules",
                    span,
                )
            continue
        turns += 1
        if not found:
            work.diagnose(
                "warning",
                "kokkai-mismatch",
                f"speech {speech.order} ({speech.speaker}) is no turn by the text's rules: "
                f"{speech.speech[:30]!r}",
                span,
            )
            continue
        if len(found) > 1:
            work.diagnose(
                "warning",
                "kokkai-mismatch",
                f"speech {speech.order} ({speech.speaker}) reads as {len(found)} turns in the "
                "text; the API's speaker is given to the first",
                span,
            )
        utterances[found[0]] = _enrich_speaker(minutes, utterances[found[0]], speech, work)
    if turns != len(minutes.utterances):
        work.diagnose(
            "warning",
            "kokkai-mismatch",
            f"the API lists {turns} speeches, the text reads as {len(minutes.utterances)} turns",
            None,
        )
    return utterances


def _enrich_speaker(
    minutes: Minutes, utterance: Utterance, speech: _Speech, work: _Enrichment
) -> Utterance:
    from gijiroku.models import Speaker

    old = utterance.speaker
    api_name = speech.speaker
    parsed = compact(old.name or "")
    if api_name and parsed and parsed != api_name and not api_name.startswith(parsed):
        work.diagnose(
            "warning",
            "kokkai-mismatch",
            f"speaker {old.label}: the text reads {parsed}, the API says {api_name}; "
            "the API's name is kept",
            utterance.span,
        )
    speaker = Speaker(
        label=old.label,
        name=api_name or old.name,
        role=old.role or speech.role or None,
        mark=old.mark,
        yomi=speech.yomi or None,
        title=speech.position or None,
        affiliation=speech.group or None,
    )
    speaker_id = utterance.speaker_id
    named = [m for m in minutes.members if m.name is not None and compact(m.name) == api_name]
    if api_name and speaker_id is None and len(named) == 1:
        speaker_id = named[0].id
        work.diagnostics[:] = [
            d
            for d in work.diagnostics
            if not (d.code in _RESOLVE_CODES and d.span == utterance.span)
        ]
        work.diagnose(
            "info",
            "speaker-from-kokkai",
            f"speaker {old.label}: {api_name} ({speaker_id}), as the API names the speaker",
            utterance.span,
        )
    elif api_name and speaker_id is not None:
        member = next((m for m in minutes.members if m.id == speaker_id), None)
        if member is not None and member.name and compact(member.name) != api_name:
            replacement = named[0].id if len(named) == 1 else None
            work.diagnose(
                "warning",
                "kokkai-mismatch",
                f"speaker {old.label}: the text resolves to {member.name} ({member.id}), the "
                f"API says {api_name}"
                + (f"; linked to {replacement}" if replacement else "; link kept"),
                utterance.span,
            )
            speaker_id = replacement or speaker_id
    return utterance.model_copy(update={"speaker": speaker, "speaker_id": speaker_id})


def _enrich_meeting(meeting: Meeting, record: Mapping[str, object], work: _Enrichment) -> Meeting:
    from gijiroku.models import Meeting

    where = "meetingRecord"
    api: dict[str, object] = {}
    session = _field(record, "session", where).strip()
    if session.isdecimal():
        api["session"] = int(session)
    house = compact(_field(record, "nameOfHouse", where))
    if house:
        api["house"] = house
    body = compact(_field(record, "nameOfMeeting", where))
    if body:
        api["body"] = body
    issue = _ISSUE_RE.search(_field(record, "issue", where))
    if issue:
        api["number"] = parse_number(issue["n"])
    date_text = _field(record, "date", where).strip()
    if date_text:
        try:
            api["date"] = dt.date.fromisoformat(date_text)
        except ValueError:
            raise ParseError(f"meetingRecord: 'date' is no ISO date: {date_text!r}") from None
    values = meeting.model_dump()
    inferred_session = any(d.code in _INFERRED_SESSION_CODES for d in work.diagnostics)
    for name, value in api.items():
        current = values.get(name)
        if current is None or (name == "session" and inferred_session):
            values[name] = value
            continue
        if current != value and not (isinstance(current, str) and compact(current) == value):
            work.diagnose(
                "warning",
                "kokkai-mismatch",
                f"meeting {name}: the text reads {current}, the API says {value}; "
                "the text's reading is kept",
                None,
            )
    if "session" in api:
        work.diagnostics[:] = [d for d in work.diagnostics if d.code not in _INFERRED_SESSION_CODES]
    return Meeting.model_validate(values)


# -- to the API --------------------------------------------------------------------------------


def to_kokkai_records(
    minutes: Minutes, text: str | None = None, *, header: bool = False
) -> list[KokkaiSpeech]:
    """The turns as flat speech records with the API's field names, ``speechOrder`` from 1.

    ``speaker`` is the speaker's name (the label when no name is known); ``speakerYomi``,
    ``speakerGroup`` and ``speakerPosition`` are ``Speaker.yomi``, ``affiliation`` and
    ``title`` (empty strings when unknown: text alone never gives them);
    ``speakerRole`` is the role when it is one the API uses (証人, 参考人, 公述人), else empty.

    ``speech`` is ``○label　text`` as the NDL prints it. Given ``text`` (the text the minutes
    were parsed from, e.g. :func:`kokkai_text` of the record), each speech is cut from it —
    from the turn's label to the next turn — so that a record read by :func:`from_kokkai`
    comes back as the API served it; without it, the speech is rebuilt from the turn's
    normalized text with the NDL's indentation.

    With ``header=True`` a record 0 (speaker 会議録情報) comes first, holding the text before
    the first turn (or, without ``text``, the header lines as parsed).

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: ``text`` is not as long as the text the minutes were parsed from.
    """
    if text is not None:
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        if len(text) != minutes.source.chars:
            raise ValueError(
                f"text has {len(text)} characters, but the minutes were parsed from "
                f"{minutes.source.chars}: pass the text they were parsed from"
            )
    utterances = minutes.utterances
    records: list[KokkaiSpeech] = []
    if header:
        if text is not None:
            end = utterances[0].span.start if utterances else len(text)
            head = text[:end].rstrip("\r\n")
        else:
            head = _rebuilt_header(minutes)
        records.append(_record(0, HEADER_SPEAKER, "", "", "", "", head))
    for i, u in enumerate(utterances):
        if text is not None:
            end = utterances[i + 1].span.start if i + 1 < len(utterances) else len(text)
            speech = text[u.span.start : end].rstrip("\r\n")
        else:
            speech = _rebuilt_speech(u)
        s = u.speaker
        records.append(
            _record(
                i + 1,
                s.name or s.label,
                s.yomi or "",
                s.affiliation or "",
                s.title or "",
                s.role if s.role in KOKKAI_ROLES else "",
                speech,
            )
        )
    return records


def _record(
    order: int, speaker: str, yomi: str, group: str, position: str, role: str, speech: str
) -> KokkaiSpeech:
    return KokkaiSpeech(
        speechOrder=order,
        speaker=speaker,
        speakerYomi=yomi,
        speakerGroup=group,
        speakerPosition=position,
        speakerRole=role,
        speech=speech,
    )


def _rebuilt_header(minutes: Minutes) -> str:
    """The records before the first turn (header lines, agenda items, events, rules), one a
    line in document order, as the parser cleaned them up."""
    end = minutes.utterances[0].span.start if minutes.utterances else minutes.source.chars
    found: list[tuple[int, str]] = [(f.span.start, f.value) for f in minutes.header]
    found += [
        (s.span.start, s.title if s.kind == "agenda" else s.heading) for s in minutes.sections
    ]
    found += [(e.span.start, e.text) for e in minutes.events]
    found += [(mark.span.start, mark.text) for mark in minutes.layout]
    return "\n".join(text for start, text in sorted(found) if start < end and text)


def _rebuilt_speech(u: Utterance) -> str:
    """``○label　`` and the paragraphs, indented as the NDL prints them: one full-width space
    before a paragraph, three before a stage direction standing alone."""
    whole_notes = set()
    offset = 0
    paragraphs = u.text.split("\n")
    for index, paragraph in enumerate(paragraphs):
        end = offset + len(paragraph)
        if any(n.start == offset and n.end == end for n in u.notes):
            whole_notes.add(index)
        offset = end + 1
    lines = [
        ("\u3000\u3000\u3000" if i in whole_notes else "\u3000") + p if i else p
        for i, p in enumerate(paragraphs)
    ]
    return f"{u.speaker.mark or '○'}{u.speaker.label}\u3000" + "\n".join(lines)
