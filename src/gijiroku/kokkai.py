"""The NDL Kokkai API (国会会議録検索システム 検索用API): meeting records in, the same records out.

``/api/meeting`` answers with ``meetingRecord`` items (JSON with ``recordPacking=json``, else
XML). Each holds the meeting's facts (``issueID``, ``imageKind``, ``searchObject``,
``session``, ``nameOfHouse``, ``nameOfMeeting``, ``issue`` 第1号, ``date``, ``closing``,
``meetingURL``, ``pdfURL``) and its ``speechRecord`` list: record 0 is the header (``speaker``
会議録情報), then one record per speech with ``speechID``, ``speechOrder``, ``speaker``,
``speakerYomi``, ``speakerGroup`` (会派), ``speakerPosition`` (肩書き), ``speakerRole``
(証人・参考人・公述人), ``speech`` (``○label　text``), ``startPage``, ``createTime``,
``updateTime`` and ``speechURL``. From ``samples/kokkai-api/``::

    <meetingRecord><issueID>121205124X00120231101</issueID>…<session>212</session>
      <nameOfHouse>衆議院</nameOfHouse><nameOfMeeting>文部科学委員会</nameOfMeeting>
      <issue>第1号</issue><date>2023-11-01</date>…
      <speechRecord><speechID>121205124X00120231101_008</speechID><speechOrder>8</speechOrder>
        <speaker>盛山正仁</speaker><speakerYomi>もりやままさひと</speakerYomi>
        <speakerGroup>自由民主党・無所属の会</speakerGroup>
        <speakerPosition>文部科学大臣</speakerPosition><speakerRole></speakerRole>
        <speech>○盛山国務大臣　第二百十二回国会において…</speech><startPage>1</startPage>…

:func:`from_kokkai` joins the speeches as the NDL's text view does (a blank line between
records), parses that text with the ``diet`` rules, takes the speakers and the meeting's facts
from the API's fields, and keeps the record itself, every field as served, in
``Minutes.source.kokkai`` (:class:`~gijiroku.models.KokkaiRecord`; the speech texts are spans
into the joined text). :func:`to_meeting_record` and :func:`to_kokkai_records` go the other
way: API record → minutes → API record gives the record back field for field.
:func:`fetch` (in :mod:`gijiroku.kokkai_client`) asks the API itself.

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
import math
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

import regex

from gijiroku.dates import parse_number
from gijiroku.errors import ParseError
from gijiroku.kokkai_client import FetchError, fetch, fetch_meetings
from gijiroku.models import in_document_order
from gijiroku.normalize import compact

if TYPE_CHECKING:
    from typing_extensions import NotRequired

    from gijiroku.api import OnIssue
    from gijiroku.models import (
        Diagnostic,
        KokkaiField,
        KokkaiRecord,
        KokkaiSpeechSource,
        KokkaiValue,
        Meeting,
        Minutes,
        Severity,
        Span,
        Utterance,
    )

__all__ = [
    "HEADER_SPEAKER",
    "KOKKAI_ROLES",
    "MAX_DIGITS",
    "FetchError",
    "KokkaiMeetingRecord",
    "KokkaiSpeech",
    "fetch",
    "fetch_meetings",
    "from_kokkai",
    "kokkai_text",
    "meeting_records",
    "to_kokkai_records",
    "to_meeting_record",
]

#: The ``speaker`` of record 0, the header (会議録情報).
HEADER_SPEAKER = "会議録情報"
#: The values the API uses in ``speakerRole`` (発言者役割).
KOKKAI_ROLES: frozenset[str] = frozenset({"証人", "参考人", "公述人"})
#: Numbers (``speechOrder``, ``session``, 第N号) longer than this are refused: no real record
#: comes near, and Python will not read more than 4,300 digits.
MAX_DIGITS = 9

#: The meeting's fields: the API's name → the attribute of :class:`~gijiroku.KokkaiRecord`,
#: in the API's order (``speechRecord`` comes after ``closing``).
MEETING_FIELDS: tuple[tuple[str, str], ...] = (
    ("issueID", "issue_id"),
    ("imageKind", "image_kind"),
    ("searchObject", "search_object"),
    ("session", "session"),
    ("nameOfHouse", "name_of_house"),
    ("nameOfMeeting", "name_of_meeting"),
    ("issue", "issue"),
    ("date", "date"),
    ("closing", "closing"),
    ("meetingURL", "meeting_url"),
    ("pdfURL", "pdf_url"),
)
#: A speech's fields: the API's name → the attribute of
#: :class:`~gijiroku.models.KokkaiSpeechSource`, in the API's order (``speech`` comes after
#: ``speakerRole``).
SPEECH_FIELDS: tuple[tuple[str, str], ...] = (
    ("speechID", "speech_id"),
    ("speechOrder", "speech_order"),
    ("speaker", "speaker"),
    ("speakerYomi", "speaker_yomi"),
    ("speakerGroup", "speaker_group"),
    ("speakerPosition", "speaker_position"),
    ("speakerRole", "speaker_role"),
    ("startPage", "start_page"),
    ("createTime", "create_time"),
    ("updateTime", "update_time"),
    ("speechURL", "speech_url"),
)
_ISSUE_RE = regex.compile(r"第\s*(?P<n>[0-9０-９]+|[〇一二三四五六七八九十百千]+)\s*号")
_RESOLVE_CODES = frozenset({"ambiguous-speaker", "unresolved-speaker"})
_INFERRED_SESSION_CODES = frozenset({"session-from-date", "session-unknown"})


class KokkaiSpeech(TypedDict):
    """One ``speechRecord`` in the API's field names (JSON shape; values as served when the
    minutes came from the API, else numbers as numbers and null for what is unknown)."""

    speechID: NotRequired[KokkaiValue]
    speechOrder: KokkaiValue
    speaker: KokkaiValue
    speakerYomi: KokkaiValue
    speakerGroup: KokkaiValue
    speakerPosition: KokkaiValue
    speakerRole: KokkaiValue
    speech: str
    startPage: NotRequired[KokkaiValue]
    createTime: NotRequired[KokkaiValue]
    updateTime: NotRequired[KokkaiValue]
    speechURL: NotRequired[KokkaiValue]


class KokkaiMeetingRecord(TypedDict, total=False):
    """One ``meetingRecord`` in the API's JSON shape (:func:`to_meeting_record`)."""

    issueID: KokkaiValue
    imageKind: KokkaiValue
    searchObject: KokkaiValue
    session: KokkaiValue
    nameOfHouse: KokkaiValue
    nameOfMeeting: KokkaiValue
    issue: KokkaiValue
    date: KokkaiValue
    closing: KokkaiValue
    speechRecord: list[KokkaiSpeech]
    meetingURL: KokkaiValue
    pdfURL: KokkaiValue


@dataclass(frozen=True, slots=True)
class _Speech:
    position: int  # in the order served
    order: int
    speaker: str
    yomi: str
    group: str
    position_title: str
    role: str
    speech: str
    served: Mapping[str, object]

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
    """One ``<meetingRecord>`` as a dict, its fields in the order printed."""
    record: dict[str, object] = {}
    speeches: list[dict[str, object]] = []
    for child in element:
        name = _local(child.tag)
        if name in ("speechRecord", "speechRecords"):  # speechRecords: a wrapper, if any
            record.setdefault("speechRecord", speeches)
            items = [child] if name == "speechRecord" else list(child)
            speeches.extend(
                {_local(c.tag): c.text or "" for c in item}
                for item in items
                if _local(item.tag) == "speechRecord"
            )
        else:
            record[name] = child.text or ""
    record.setdefault("speechRecord", speeches)
    return record


def meeting_records(data: Mapping[str, object] | str | bytes) -> list[dict[str, object]]:
    """The ``meetingRecord`` items of an API answer, as dicts in the JSON API's shape.

    ``data`` is one ``meetingRecord`` (a dict), a whole ``/api/meeting`` JSON answer (a dict
    with a ``meetingRecord`` list), or the same as JSON or XML text (``<data>…<meetingRecord>``
    or one ``<meetingRecord>`` element). XML values stay text, as served. Use it to convert
    an answer that holds several meetings:
    ``[gijiroku.from_kokkai(r) for r in meeting_records(answer)]``.

    Raises:
        ParseError: text that is neither JSON nor XML (or nested too deeply), or holds no
            meeting record; a URL (use :func:`fetch` for that).
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
        if stripped.startswith(("http://", "https://")):
            raise ParseError(
                "this is a URL, not an API answer; fetch it with "
                "gijiroku.kokkai.fetch_meetings(url) (or gijiroku.kokkai.fetch(...))"
            )
        try:
            data = json.loads(stripped)
        except RecursionError:
            raise ParseError("Kokkai API JSON is nested too deeply") from None
        except ValueError as error:  # JSONDecodeError, or a number of 4,300+ digits
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


def _number(text: str, name: str, where: str) -> int | None:
    """``text`` as a whole number (ASCII or full-width digits), None when it is none;
    numbers of more than :data:`MAX_DIGITS` digits raise ``ParseError``."""
    text = text.strip()
    if not text.isdecimal():
        return None
    if len(text) > MAX_DIGITS:
        raise ParseError(f"{where}: '{name}' has {len(text)} digits, more than any record has")
    return int(text)


def _speeches(meeting: Mapping[str, object]) -> list[_Speech]:
    """The speech records in ``speechOrder`` (ties and unnumbered ones in the order served)."""
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
        order = _number(_field(item, "speechOrder", where), "speechOrder", where)
        speeches.append(
            _Speech(
                position=position,
                order=position if order is None else order,
                speaker=compact(_field(item, "speaker", where)),
                yomi=compact(_field(item, "speakerYomi", where)),
                group=_field(item, "speakerGroup", where).strip(),
                position_title=_field(item, "speakerPosition", where).strip(),
                role=_field(item, "speakerRole", where).strip(),
                speech=_field(item, "speech", where),
                served=item,
            )
        )
    return sorted(speeches, key=lambda s: s.order)


def kokkai_text(record: Mapping[str, object] | str | bytes) -> str:
    """The minutes text of one meeting record, as the NDL's text view serves it: every
    ``speech`` (the 会議録情報 header first) with a blank line between them.

    :func:`from_kokkai` parses this text; its spans point into it, so pass it to
    :meth:`Minutes.unaccounted <gijiroku.models.Minutes.unaccounted>`,
    :func:`to_meeting_record` or :func:`to_kokkai_records`.
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
    The record itself, every field as served, is kept in ``source.kokkai``, so
    :func:`to_meeting_record` gives it back.

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
    utterances, turn_of = _enrich_turns(minutes, speeches, ranges, work)
    new_meeting = _enrich_meeting(minutes.meeting, meeting, work)
    served = _served_record(meeting, speeches, ranges, turn_of, work)
    diagnostics = in_document_order(work.diagnostics)
    result = minutes.model_copy(
        update={
            "source": minutes.source.model_copy(update={"kokkai": served}),
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
) -> tuple[list[Utterance], dict[int, str]]:
    """The turns with the API's speakers, and the turn each speech became (by position)."""
    starts = [start for start, _ in ranges]
    by_speech: dict[int, list[int]] = {}
    for index, utterance in enumerate(minutes.utterances):
        k = max(bisect.bisect_right(starts, utterance.span.start) - 1, 0)
        by_speech.setdefault(k, []).append(index)
    utterances = list(minutes.utterances)
    turn_of: dict[int, str] = {}
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
        turn_of[speech.position] = utterances[found[0]].id
    if turns != len(minutes.utterances):
        work.diagnose(
            "warning",
            "kokkai-mismatch",
            f"the API lists {turns} speeches, the text reads as {len(minutes.utterances)} turns",
            None,
        )
    return utterances, turn_of


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
        seat=old.seat,
        honorific=old.honorific,
        yomi=speech.yomi or None,
        title=speech.position_title or None,
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
    session = _number(_field(record, "session", where), "session", where)
    if session is not None:
        api["session"] = session
    house = compact(_field(record, "nameOfHouse", where))
    if house:
        api["house"] = house
    body = compact(_field(record, "nameOfMeeting", where))
    if body:
        api["body"] = body
    issue = _ISSUE_RE.search(_field(record, "issue", where))
    if issue:
        if len(issue["n"]) > MAX_DIGITS:
            raise ParseError(f"{where}: 'issue' has a number of {len(issue['n'])} digits")
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


def _served_value(value: object, name: str, where: str) -> KokkaiValue:
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    raise ParseError(f"{where}: '{name}' must be text or a number, not {value!r:.40}")


def _other_fields(served: Mapping[str, object], known: frozenset[str]) -> tuple[KokkaiField, ...]:
    """The fields gijiroku has no name for, each as JSON text."""
    from gijiroku.models import KokkaiField

    others: list[KokkaiField] = []
    for name, value in served.items():
        if name in known:
            continue
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError, RecursionError):  # not JSON: a circle, NaN, an object
            raise ParseError(f"field {name!r} holds what JSON cannot: {value!r:.40}") from None
        others.append(KokkaiField(name=str(name), json_value=text))
    return tuple(others)


_MEETING_KNOWN = frozenset(name for name, _ in MEETING_FIELDS) | {"speechRecord"}
_SPEECH_KNOWN = frozenset(name for name, _ in SPEECH_FIELDS) | {"speech"}


def _served_record(
    meeting: Mapping[str, object],
    speeches: Sequence[_Speech],
    ranges: Sequence[tuple[int, int]],
    turn_of: Mapping[int, str],
    work: _Enrichment,
) -> KokkaiRecord:
    """The meeting record as served, its speech texts replaced by spans."""
    from gijiroku.models import KokkaiRecord, KokkaiSpeechSource

    sources: list[tuple[int, KokkaiSpeechSource]] = []
    for speech, (start, end) in zip(speeches, ranges, strict=True):
        where = f"speechRecord {speech.position}"
        fields = {
            attr: _served_value(speech.served.get(api), api, where) for api, attr in SPEECH_FIELDS
        }
        source = KokkaiSpeechSource(
            **fields,
            other=_other_fields(speech.served, _SPEECH_KNOWN),
            utterance_id=turn_of.get(speech.position),
            span=work.span(start, end),
        )
        sources.append((speech.position, source))
    sources.sort(key=lambda item: item[0])  # back to the order served
    fields = {
        attr: _served_value(meeting.get(api), api, "meetingRecord") for api, attr in MEETING_FIELDS
    }
    return KokkaiRecord(
        **fields,
        other=_other_fields(meeting, _MEETING_KNOWN),
        speeches=tuple(source for _, source in sources),
    )


# -- to the API --------------------------------------------------------------------------------


def _check_text(minutes: Minutes, text: str | None) -> None:
    if text is None:
        return
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if len(text) != minutes.source.chars:
        raise ValueError(
            f"text has {len(text)} characters, but the minutes were parsed from "
            f"{minutes.source.chars}: pass the text they were parsed from"
        )


def to_meeting_record(minutes: Minutes, text: str | None = None) -> KokkaiMeetingRecord:
    """The minutes as one ``meetingRecord`` of the API's JSON answer, ``speechRecord`` included.

    Minutes read by :func:`from_kokkai` give the record they were read from, every field as
    served (text in XML; numbers and nulls as the JSON API has them), so that
    ``to_meeting_record(from_kokkai(r), kokkai_text(r)) == r`` for a record ``r`` of the API
    (fields a hand-made record lacks come back as null). Other minutes give the record the
    API would serve for them: ``session``, ``nameOfHouse``, ``nameOfMeeting``, ``issue``
    (第N号) and ``date`` from the meeting, record 0 (会議録情報) with the text before the first
    turn when there is any, then a record per turn (:func:`to_kokkai_records`); what gijiroku
    cannot know (``issueID``, ``speechID``, URLs, times) is null.

    Args:
        minutes: what to write.
        text: the text the minutes were parsed from (for API minutes :func:`kokkai_text` of the
            record): each ``speech`` is then cut from it exactly; without it, speeches are
            rebuilt from the records (``○label　`` and the paragraphs, as the NDL indents them).

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: ``text`` is not as long as the text the minutes were parsed from.

    Example:
        >>> r = gijiroku.kokkai.meeting_records(xml)[0]  # doctest: +SKIP
        >>> to_meeting_record(gijiroku.from_kokkai(r), kokkai_text(r)) == r  # doctest: +SKIP
        True
    """
    _check_text(minutes, text)
    served = minutes.source.kokkai
    if served is None:
        return _derived_record(minutes, text)
    record: KokkaiMeetingRecord = {}
    values: dict[str, object] = {api: getattr(served, attr) for api, attr in MEETING_FIELDS}
    for api, _ in MEETING_FIELDS[:9]:
        record[api] = values[api]  # type: ignore[literal-required]
    turns = {u.id: u for u in minutes.utterances}
    record["speechRecord"] = [_served_speech(minutes, s, text, turns) for s in served.speeches]
    for api, _ in MEETING_FIELDS[9:]:
        record[api] = values[api]  # type: ignore[literal-required]
    for extra in served.other:
        record[extra.name] = json.loads(extra.json_value)  # type: ignore[literal-required]
    return record


def _served_speech(
    minutes: Minutes,
    source: KokkaiSpeechSource,
    text: str | None,
    turns: Mapping[str, Utterance],
) -> KokkaiSpeech:
    """One speech record as served; its text cut from ``text``, or rebuilt from the records."""
    if text is not None:
        speech = source.span.slice(text)
    elif source.utterance_id is not None and source.utterance_id in turns:
        speech = _rebuilt_speech(turns[source.utterance_id])
    else:
        speech = _rebuilt_region(minutes, source.span.start, source.span.end)
    values: dict[str, object] = {api: getattr(source, attr) for api, attr in SPEECH_FIELDS}
    out: dict[str, object] = {}
    for api, _ in SPEECH_FIELDS[:7]:
        out[api] = values[api]
    out["speech"] = speech
    for api, _ in SPEECH_FIELDS[7:]:
        out[api] = values[api]
    for extra in source.other:
        out[extra.name] = json.loads(extra.json_value)
    return out  # type: ignore[return-value]


def _derived_record(minutes: Minutes, text: str | None) -> KokkaiMeetingRecord:
    meeting = minutes.meeting
    speeches = to_kokkai_records(minutes, text, header=True)
    if speeches and not speeches[0]["speech"]:
        speeches = speeches[1:]
    return KokkaiMeetingRecord(
        issueID=None,
        imageKind=None,
        searchObject=None,
        session=meeting.session,
        nameOfHouse=meeting.house,
        nameOfMeeting=meeting.body,
        issue=f"第{meeting.number}号" if meeting.number is not None else None,
        date=meeting.date.isoformat() if meeting.date is not None else None,
        closing=None,
        speechRecord=speeches,
        meetingURL=None,
        pdfURL=None,
    )


def to_kokkai_records(
    minutes: Minutes, text: str | None = None, *, header: bool = False
) -> list[KokkaiSpeech]:
    """The speeches as ``speechRecord`` items with the API's field names.

    Minutes read by :func:`from_kokkai` give their records as served (every field: ``speechID``,
    ``speechOrder``, the speaker's, ``startPage``, ``createTime``, ``updateTime``,
    ``speechURL``), record 0 only with ``header=True``. Other minutes give a record per turn:
    ``speechOrder`` from 1; ``speaker`` the speaker's name (the label when no name is known);
    ``speakerYomi``, ``speakerGroup`` and ``speakerPosition`` from ``Speaker.yomi``,
    ``affiliation`` and ``title``; ``speakerRole`` the role when it is one the API uses
    (証人, 参考人, 公述人); ``startPage`` the page when known; null for what is unknown.
    ``header=True`` puts a record 0 (speaker 会議録情報) first, holding the text before the
    first turn.

    ``speech`` is cut from ``text`` (the text the minutes were parsed from) when given — from
    the turn's label to the next turn — and otherwise rebuilt: ``○label　text`` with the NDL's
    indentation.

    Raises:
        TypeError: ``text`` is not a str.
        ValueError: ``text`` is not as long as the text the minutes were parsed from.
    """
    _check_text(minutes, text)
    if minutes.source.kokkai is not None:
        records = to_meeting_record(minutes, text)["speechRecord"]
        if header:
            return records
        return [r for r in records if r["speaker"] != HEADER_SPEAKER]
    utterances = minutes.utterances
    records = []
    if header:
        end = utterances[0].span.start if utterances else minutes.source.chars
        head = text[:end].rstrip("\r\n") if text is not None else _rebuilt_region(minutes, 0, end)
        records.append(_record(0, HEADER_SPEAKER, None, None, None, None, head, None))
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
                s.yomi,
                s.affiliation,
                s.title,
                s.role if s.role in KOKKAI_ROLES else None,
                speech,
                u.span.page,
            )
        )
    return records


def _record(
    order: int,
    speaker: str,
    yomi: str | None,
    group: str | None,
    position: str | None,
    role: str | None,
    speech: str,
    page: int | None,
) -> KokkaiSpeech:
    return KokkaiSpeech(
        speechID=None,
        speechOrder=order,
        speaker=speaker,
        speakerYomi=yomi,
        speakerGroup=group,
        speakerPosition=position,
        speakerRole=role,
        speech=speech,
        startPage=page,
        createTime=None,
        updateTime=None,
        speechURL=None,
    )


def _rebuilt_region(minutes: Minutes, start: int, end: int) -> str:
    """The records between ``start`` and ``end`` outside any turn (header lines, agenda items,
    events, rules), one a line in document order, as the parser cleaned them up."""
    found: list[tuple[int, str]] = [(f.span.start, f.value) for f in minutes.header]
    found += [
        (s.span.start, s.title if s.kind == "agenda" else s.heading) for s in minutes.sections
    ]
    found += [(e.span.start, e.text) for e in minutes.events]
    found += [(mark.span.start, mark.text) for mark in minutes.layout]
    found += [(c.span.start, c.text) for c in minutes.membership_changes]
    return "\n".join(text for at, text in sorted(found) if start <= at < end and text)


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
