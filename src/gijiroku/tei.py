"""TEI export valid against the ParlaMint schema (Parla-CLARIN), with the standard library.

:func:`to_tei` (``Minutes.to_tei()``) writes one *component file*, a sitting: the document
``ParlaMint-TEI.rng`` validates. :func:`write_corpus` writes many of them and the *corpus
root* that holds what components only point at: the people (``listPerson``), the bodies and
parliamentary groups (``listOrg``) and the taxonomies behind ``@ana``. In outline (the Diet
sample ``samples/diet/shugiin-monka-2023-11-01.txt``)::

    <TEI xml:id="shugiin-monka-2023-11-01" xml:lang="ja" ana="#parla.sitting #reference">
      <teiHeader>
        <fileDesc>  title, meeting (第212回国会, 第1号), edition, extent, publicationStmt
                    (publisher, URL, licence, date), sourceDesc (bibl: title, source URL, date)
        <encodingDesc>  projectDesc (the source file, its sha256), tagsDecl (element counts)
        <profileDesc><settingDesc><setting>  country, house, body, venue,
                    <date from="2023-11-01T12:11:00" to="2023-11-01T12:36:00">
      <text ana="#reference"><body>
        <div type="debateSection">
          <note type="agenda" n="1">理事の辞任及び補欠選任</note>   agenda items, events …
          <note type="speaker">○田野瀬委員長</note>               the label as printed
          <u xml:id="….u1" who="#per.…" ana="#chair" n="1">
            <seg xml:id="….u1.1">これより会議を開きます。</seg>
            <kinesic type="applause"><desc>〔拍手〕</desc></kinesic>

A heading in the proceedings opens a ``div``; a ``div`` without turns (summary minutes, whose
items are notes) is a ``commentSection``. Stage directions become ``kinesic`` / ``vocal`` /
``incident`` elements by kind (:data:`NOTE_ELEMENTS`) or ``note type="<kind>"``; a direction
standing alone as a paragraph sits between the ``seg`` elements, one inside running text stays
in its ``seg``. Events, agenda items, summary items, signatures and membership changes are
notes with their kind as ``@type``.

Person ids are stable across documents: ``per.`` and a hash of the scope and the name (see
:func:`person_id`), so the same person in two sittings of one body gets one id and one
``person`` in the corpus root. Names a roster prints apart (``池田　佳隆``) become
``surname``/``forename``; others, which ParlaMint's ``persName`` cannot hold otherwise, stay
whole in ``term``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from gijiroku.display import describe_meeting
from gijiroku.kokkai import KOKKAI_ROLES
from gijiroku.names import CHAIR_ROLES
from gijiroku.normalize import compact
from gijiroku.tables import documents

if TYPE_CHECKING:
    from gijiroku.batch import ParseResult
    from gijiroku.models import (
        Event,
        Item,
        MembershipChange,
        Minutes,
        Note,
        Section,
        Signature,
        Utterance,
    )

__all__ = [
    "CC_BY_4_0",
    "DEFAULT_CORPUS_ID",
    "DEFAULT_PUBLISHER",
    "GUEST_ROLES",
    "NOTE_ELEMENTS",
    "TEI_NS",
    "Corpus",
    "document_id",
    "person_id",
    "to_tei",
    "write_corpus",
]

TEI_NS = "http://www.tei-c.org/ns/1.0"
XI_NS = "http://www.w3.org/2001/XInclude"
_XML = "{http://www.w3.org/XML/1998/namespace}"
XML_ID = _XML + "id"
XML_LANG = _XML + "lang"

#: The licence ParlaMint's schema allows (and :func:`to_tei`'s default).
CC_BY_4_0 = "http://creativecommons.org/licenses/by/4.0/"
#: Who publishes the TEI, unless told.
DEFAULT_PUBLISHER = "gijiroku"
#: The corpus root's ``xml:id`` and file name, unless told.
DEFAULT_CORPUS_ID = "ParlaMint-JP"
#: Where a document comes from when no URL is known: ParlaMint requires one, so a URL under
#: the reserved ``.invalid`` domain (RFC 2606) names the text by its sha256.
UNKNOWN_SOURCE_URL = "https://gijiroku.invalid/sha256/{sha256}"

#: gijiroku note kind → (TEI element, ParlaMint ``@type``); other kinds become
#: ``<note type="<kind>">``.
NOTE_ELEMENTS: dict[str, tuple[str, str]] = {
    "applause": ("kinesic", "applause"),
    "laughter": ("kinesic", "laughter"),
    "voices": ("vocal", "interruption"),
    "movement": ("incident", "action"),
    "chair_change": ("incident", "action"),
    "vote": ("incident", "action"),
    "recess": ("incident", "break"),
}
#: Words in a ``movement`` note that make it ParlaMint's ``leaving`` or ``entering``.
_LEAVING = ("退席", "退場", "退室")
_ENTERING = ("入場", "入室")
#: Roles that speak as guests of the body (ParlaMint's ``#guest`` speaker type).
GUEST_ROLES: frozenset[str] = frozenset({"参考人", "政府参考人", "公述人", "証人", "説明員"})

#: The taxonomies of the corpus root: id → (description, [(category id, term, description)]).
TAXONOMIES: dict[str, tuple[str, list[tuple[str, str, str]]]] = {
    "speaker_types": (
        "Types of speakers",
        [
            ("chair", "Chairperson", "議長・委員長・座長: the person chairing the meeting"),
            ("regular", "Regular", "a member or an official speaking"),
            ("guest", "Guest", "参考人・公述人・証人: a guest of the body"),
        ],
    ),
    "parla.legislature": (
        "Legislative bodies and their meetings",
        [
            ("parla.bi", "Bicameralism", "a parliament of two houses (国会)"),
            ("parla.uni", "Unicameralism", "a body of one house (地方議会, 審議会 …)"),
            ("parla.upper", "Upper house", "参議院"),
            ("parla.lower", "Lower house", "衆議院"),
            ("parla.session", "Session", "国会の回次, e.g. 第212回国会"),
            ("parla.sitting", "Sitting", "one meeting: a component file"),
        ],
    ),
    "subcorpus": (
        "Subcorpora",
        [("reference", "Reference", "the minutes as published")],
    ),
}
_HOUSE_ANA = {"衆議院": "#parla.lower", "参議院": "#parla.upper"}
_NATIONAL_DIET = "国会"

#: Elements whose content is text (mixed content): never re-indented.
_MIXED = frozenset(
    {"seg", "note", "desc", "head", "title", "persName", "roleName", "orgName", "p", "term"}
    | {"date", "time", "idno", "meeting", "measure", "name", "edition", "publisher", "licence"}
    | {"surname", "forename", "catDesc", "language", "tagUsage", "resp"}
)
#: Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML_RE = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: Runs of what XML Schema calls white space (\s): space, tab, CR, LF.
_XSD_SPACE_RE = regex.compile(r"[ \t\n\r]+")
_ASCII_ID_RE = regex.compile(r"[A-Za-z0-9._-]+")
_ID_BAD_RE = regex.compile(r"[^A-Za-z0-9._-]+")
_URL_RE = regex.compile(r"https?://\S+")


def _clean(text: str) -> str:
    """``text`` with characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML_RE.sub("\ufffd", text)


def _normal(text: str) -> str:
    """``text`` as ParlaMint's ``normalized-space.string``: no tab or line break, no space at
    either end, runs of spaces as one (empty when nothing else is left)."""
    return _XSD_SPACE_RE.sub(" ", _clean(text)).strip(" ")


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    attributes = {
        k.replace("xml_", _XML) if k.startswith("xml_") else k: _clean(v) for k, v in attrs.items()
    }
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = _clean(text)
    return element


# -- identities: documents, scopes, people, organisations --------------------------------------


def document_id(minutes: Minutes) -> str:
    """The ``xml:id`` of the minutes' TEI document: the source's file name without its suffix
    when that is plain ASCII (``shugiin-monka-2023-11-01``, ``121205124X00120231101``), else
    ``doc-`` and the start of the sha256."""
    name = (minutes.source.name or "").replace("\\", "/").rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name[1:] else name
    if stem and _ASCII_ID_RE.fullmatch(stem):
        return stem if stem[0].isalpha() else "d" + stem
    return "doc-" + minutes.source.sha256[:12]


def _scope(minutes: Minutes) -> str:
    """Within what a name names one person: the Diet as a whole (the same minister speaks in
    either house), else the body (会議体), else the title or the source."""
    meeting = minutes.meeting
    if meeting.house or minutes.source.format == "diet":
        return _NATIONAL_DIET
    return compact(meeting.body or meeting.title or minutes.source.name or minutes.source.sha256)


def person_id(scope: str, name: str, *qualifiers: str) -> str:
    """A person's ``xml:id``: ``per.`` and 12 hex digits of a hash of the scope and the name
    (spaces removed), so it is the same in every document of that scope.

    Example:
        >>> person_id("国会", "盛山正仁") == person_id("国会", "盛山　正仁")
        True
    """
    return "per." + _hash(scope, compact(name), *qualifiers)


def _org_id(scope: str, name: str) -> str:
    return "org." + _hash(scope, compact(name))


@dataclass
class _Org:
    id: str
    role: str
    name: str
    ana: str | None = None


@dataclass
class _Affiliation:
    role: str
    ref: str | None
    role_name: str | None
    first: dt.date | None = None
    last: dt.date | None = None

    def seen(self, date: dt.date | None) -> None:
        if date is not None:
            self.first = date if self.first is None else min(self.first, date)
            self.last = date if self.last is None else max(self.last, date)


@dataclass
class _Person:
    id: str
    name: str
    surname: str | None = None
    forename: str | None = None
    yomi: str | None = None
    affiliations: dict[tuple[str, str | None, str | None], _Affiliation] = field(
        default_factory=dict
    )

    def affiliate(
        self, role: str, ref: str | None, role_name: str | None, date: dt.date | None
    ) -> None:
        key = (role, ref, role_name)
        if key not in self.affiliations:
            self.affiliations[key] = _Affiliation(role, ref, role_name)
        self.affiliations[key].seen(date)

    def merge(self, other: _Person) -> None:
        if self.surname is None and other.surname is not None:
            self.surname, self.forename = other.surname, other.forename
        self.yomi = self.yomi or other.yomi
        for a in other.affiliations.values():
            for date in {a.first, a.last}:
                self.affiliate(a.role, a.ref, a.role_name, date)


def _split_name(name: str, entry: str) -> tuple[str, str] | None:
    """(surname, forename) when the roster entry prints the name with one gap (``池田　佳隆``,
    ``吉原　　修``), or one gap wider than the others; None otherwise (``田野瀬太道``, a name
    spaced out letter by letter)."""
    if len(name) < 2:
        return None
    printed = [(i, c) for i, c in enumerate(entry) if not c.isspace()]
    at = "".join(c for _, c in printed).find(name)
    if at < 0:
        return None
    # the spaces printed after each character of the name but its last
    gaps = [printed[at + k + 1][0] - printed[at + k][0] - 1 for k in range(len(name) - 1)]
    widest = max(gaps)
    if widest == 0 or gaps.count(widest) != 1:  # printed whole, or spaced out evenly
        return None
    cut = gaps.index(widest) + 1
    return name[:cut], name[cut:]


def _affiliation_role(role: str) -> str:
    """ParlaMint's ``affiliation/@role`` for a Japanese title or role."""
    if role in CHAIR_ROLES:
        return "head"
    if (role.startswith("副") and role[1:] in CHAIR_ROLES) or role.endswith("代理"):
        return "deputyHead"
    if "大臣" in role or "政務官" in role:
        return "minister"
    return "member"


def _body_role(minutes: Minutes, body: str) -> str:
    """ParlaMint's ``org/@role`` for the meeting's body."""
    if body.endswith("議会") or body in ("衆議院", "参議院"):
        return "parliament"
    if "委員会" in body or minutes.meeting.house:
        return "committee"
    if minutes.source.format == "summary":
        return "workingGroup"
    return "commission"


@dataclass
class _Cast:
    """Who and what one document names: people, organisations, and who speaks each turn."""

    people: dict[str, _Person]
    orgs: dict[str, _Org]
    who: dict[str, str]  # utterance id → person id
    body_ref: str | None  # "#org.…" of the meeting's body (or house)


def _cast(minutes: Minutes) -> _Cast:
    scope = _scope(minutes)
    meeting = minutes.meeting
    date = meeting.date
    orgs: dict[str, _Org] = {}

    def org(name: str, role: str, org_scope: str, ana: str | None = None) -> str:
        ident = _org_id(org_scope, name)
        orgs.setdefault(ident, _Org(ident, role, name, ana))
        return ident

    diet = bool(meeting.house) or minutes.source.format == "diet"
    house: str | None = None
    if diet:
        org(_NATIONAL_DIET, "parliament", "", "#parla.bi")
        if meeting.house:
            house = org(meeting.house, "parliament", "", _HOUSE_ANA.get(meeting.house))
    body = house
    if meeting.body and meeting.body not in ("本会議", meeting.house):
        ana = None if diet else "#parla.uni"
        body = org(meeting.body, _body_role(minutes, meeting.body), scope, ana)
    body_ref = f"#{body}" if body else None

    def ref_for(kind: str) -> str | None:
        """Ministers belong to the government (内閣) in the Diet; the rest to the body."""
        if kind == "minister" and diet:
            return "#" + org("内閣", "government", "")
        return body_ref

    people: dict[str, _Person] = {}
    member_ids: dict[str, str] = {}
    taken: dict[str, str] = {}  # person id → the member who has it in this document
    for member in minutes.members:
        name = member.name or member.entry
        pid = person_id(scope, name)
        if pid in taken and taken[pid] != member.id:  # two people of one name: keep them apart
            pid = person_id(scope, name, member.title or member.entry)
        taken[pid] = member.id
        member_ids[member.id] = pid
        person = people.setdefault(pid, _Person(pid, compact(name)))
        if member.name and person.surname is None:
            split = _split_name(compact(member.name), member.entry)
            if split is not None:
                person.surname, person.forename = split
        for role in (member.title, *member.roles):
            if role:
                kind = _affiliation_role(role)
                person.affiliate(kind, ref_for(kind), role, date)

    who: dict[str, str] = {}
    for u in minutes.utterances:
        s = u.speaker
        if u.speaker_id is not None and u.speaker_id in member_ids:
            pid = member_ids[u.speaker_id]
        else:
            pid = person_id(scope, s.name or s.label)
        person = people.setdefault(pid, _Person(pid, compact(s.name or s.label)))
        person.yomi = person.yomi or s.yomi
        for role in (s.role, s.title):
            if role:
                kind = _affiliation_role(role)
                person.affiliate(kind, ref_for(kind), role, date)
        if s.affiliation:
            group = org(s.affiliation, "parliamentaryGroup", scope)
            person.affiliate("member", f"#{group}", None, date)
        who[u.id] = pid
    return _Cast(people, orgs, who, body_ref)


# -- the component file ------------------------------------------------------------------------


def _published(value: dt.date | str | None) -> str:
    if value is None:
        return dt.date.today().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except (TypeError, ValueError):
        raise ValueError(f"published must be a date or YYYY-MM-DD, not {value!r}") from None


def _url(value: str, what: str) -> str:
    if not isinstance(value, str) or not _URL_RE.fullmatch(value):
        raise ValueError(f"{what} must be an http(s) URL without spaces, not {value!r}")
    return value


def _source_url(minutes: Minutes, source_url: str | None) -> str:
    if source_url is not None:
        return _url(source_url, "source_url")
    served = minutes.source.kokkai
    url = served.meeting_url if served is not None else None
    if isinstance(url, str) and _URL_RE.fullmatch(url):
        return url
    return UNKNOWN_SOURCE_URL.format(sha256=minutes.source.sha256)


def _when(date: dt.date, clock: str | None) -> str:
    """An ``xs:date``, or an ``xs:dateTime`` for a clock time (24:30 is the next day's 00:30)."""
    if clock is None:
        return date.isoformat()
    hours, minutes = (int(part) for part in clock.split(":"))
    day = date + dt.timedelta(days=hours // 24)
    return f"{day.isoformat()}T{hours % 24:02d}:{minutes:02d}:00"


@dataclass(frozen=True)
class _Options:
    publisher: str
    licence: str
    published: str
    source_url: str
    doc_id: str


def _header(tei: ET.Element, minutes: Minutes, cast: _Cast, options: _Options) -> ET.Element:
    """Write the ``teiHeader``; returns its ``tagsDecl/namespace`` for :func:`_count_tags`."""
    from gijiroku import __version__

    meeting = minutes.meeting
    name = _normal(describe_meeting(meeting) or minutes.source.name or "") or options.doc_id
    header = _sub(tei, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", name, type="main", xml_lang="ja")
    meetings = 0
    if meeting.session is not None:
        ana = " ".join(filter(None, ("#parla.session", _HOUSE_ANA.get(meeting.house or ""))))
        _sub(title_stmt, "meeting", f"第{meeting.session}回国会", n=str(meeting.session), ana=ana)
        meetings += 1
    if meeting.number is not None:
        number = f"第{meeting.number}号" if meeting.house else f"第{meeting.number}回"
        element = _sub(title_stmt, "meeting", number, n=str(meeting.number), ana="#parla.sitting")
        if cast.body_ref:
            element.set("corresp", cast.body_ref)
        meetings += 1
    if not meetings:
        element = _sub(title_stmt, "meeting", meeting.body or name, ana="#parla.sitting")
        if cast.body_ref:
            element.set("corresp", cast.body_ref)
    _sub(_sub(file_desc, "editionStmt"), "edition", f"gijiroku {__version__}")
    count = len(minutes.utterances)
    _sub(
        _sub(file_desc, "extent"),
        "measure",
        f"{count} speeches",
        unit="speeches",
        quantity=str(count),
        xml_lang="en",
    )
    publication = _sub(file_desc, "publicationStmt")
    _sub(_sub(publication, "publisher"), "orgName", _normal(options.publisher) or "-")
    _sub(publication, "idno", options.source_url, type="URI")
    availability = _sub(publication, "availability", status="free")
    _sub(availability, "licence", options.licence)
    _sub(
        availability,
        "p",
        "The encoding is available under the licence above; the minutes themselves are "
        "public statements (Copyright Act of Japan, art. 40).",
        xml_lang="en",
    )
    _sub(publication, "date", options.published, when=options.published)
    bibl = _sub(_sub(file_desc, "sourceDesc"), "bibl")
    _sub(bibl, "title", name, type="main", xml_lang="ja")
    _sub(bibl, "idno", options.source_url, type="URI")
    if meeting.date is not None:
        _sub(
            bibl,
            "date",
            meeting.date_raw or meeting.date.isoformat(),
            when=meeting.date.isoformat(),
        )

    encoding = _sub(header, "encodingDesc")
    source = minutes.source
    _sub(
        _sub(encoding, "projectDesc"),
        "p",
        f"Converted with gijiroku {__version__} from {source.name or 'text'} "
        f"(sha256 {source.sha256}), read as {source.format} minutes.",
        xml_lang="en",
    )
    namespace = _sub(_sub(encoding, "tagsDecl"), "namespace", name=TEI_NS)

    setting = _sub(_sub(_sub(header, "profileDesc"), "settingDesc"), "setting")
    _sub(setting, "name", "日本", type="country", key="JP")
    for kind, value in (("house", meeting.house), ("body", meeting.body), ("venue", meeting.venue)):
        if value and _normal(value):
            _sub(setting, "name", _normal(value), type=kind)
    _setting_date(setting, minutes, options)
    return namespace


def _setting_date(setting: ET.Element, minutes: Minutes, options: _Options) -> None:
    meeting = minutes.meeting
    if meeting.date is None:  # ParlaMint needs a date: the meeting was before the conversion
        _sub(setting, "date", meeting.date_raw or "日付不明", to=options.published)
        return
    text = meeting.date_raw or meeting.date.isoformat()
    if meeting.start_time or meeting.end_time:
        attrs = {}
        if meeting.start_time:
            attrs["from"] = _when(meeting.date, meeting.start_time)
        if meeting.end_time:
            attrs["to"] = _when(meeting.date, meeting.end_time)
        _sub(setting, "date", text, **attrs)
    else:
        _sub(setting, "date", text, when=meeting.date.isoformat())


def _count_tags(namespace: ET.Element, text: ET.Element) -> None:
    """A ``tagUsage`` per element name in ``text``, with how often it occurs."""
    counts = Counter(element.tag for element in text.iter())
    for tag, occurs in sorted(counts.items()):
        _sub(namespace, "tagUsage", gi=tag, occurs=str(occurs))


# -- the text ------------------------------------------------------------------------------------


def _speaker_type(u: Utterance, api_roles: Mapping[str, str]) -> str:
    role = u.speaker.role or ""
    if role in CHAIR_ROLES:
        return "chair"
    if role in GUEST_ROLES or api_roles.get(u.id) in KOKKAI_ROLES:
        return "guest"
    return "regular"


def _note_element(parent: ET.Element, kind: str, text: str) -> ET.Element:
    tag, type_ = NOTE_ELEMENTS.get(kind, ("note", kind))
    desc = _normal(text)
    if tag == "note" or not desc:
        return _sub(parent, "note", text, type=_ncname(kind))
    if kind == "movement":
        if any(word in text for word in _LEAVING):
            type_ = "leaving"
        elif any(word in text for word in _ENTERING):
            type_ = "entering"
    element = _sub(parent, tag, type=type_)
    _sub(element, "desc", desc)
    return element


def _ncname(value: str) -> str:
    """``value`` as an ASCII NCName (note types are gijiroku's kinds: already one)."""
    name = _ID_BAD_RE.sub("_", value) or "_"
    return name if name[0].isalpha() or name[0] == "_" else "x" + name


def _paragraphs(u: Utterance) -> list[list[str | Note]]:
    """The turn's text cut into paragraphs of text runs and notes."""
    paragraphs: list[list[str | Note]] = [[]]

    def add_text(run: str) -> None:
        pieces = run.split("\n")
        if pieces[0]:
            paragraphs[-1].append(pieces[0])
        for piece in pieces[1:]:
            paragraphs.append([piece] if piece else [])

    text = u.text
    position = 0
    for note in sorted(u.notes, key=lambda n: (n.start, n.end)):
        if note.start < position or note.end > len(text) or note.end <= note.start:
            continue  # overlapping or out of range: leave it as text
        add_text(text[position : note.start])
        paragraphs[-1].append(note)
        position = note.end
    add_text(text[position:])
    return [p for p in paragraphs if p]


def _utterance(parent: ET.Element, u: Utterance, who: str, ana: str, doc: str) -> ET.Element:
    element = _sub(parent, "u", xml_id=f"{doc}.{u.id}", who="#" + who, ana="#" + ana)
    element.set("n", str(u.order))
    segs = 0
    for paragraph in _paragraphs(u):
        if all(not isinstance(part, str) or not part.strip() for part in paragraph):
            for part in paragraph:
                if not isinstance(part, str):
                    _note_element(element, part.kind, part.text)
            continue
        segs += 1
        seg = _sub(element, "seg", xml_id=f"{doc}.{u.id}.{segs}")
        last: ET.Element | None = None
        for part in paragraph:
            if isinstance(part, str):
                if last is None:
                    seg.text = (seg.text or "") + _clean(part)
                else:
                    last.tail = (last.tail or "") + _clean(part)
            else:
                last = _note_element(seg, part.kind, part.text)
    if len(element) == 0:
        _sub(element, "seg", "", xml_id=f"{doc}.{u.id}.1")
    return element


def _event(parent: ET.Element, event: Event, date: dt.date | None, doc: str) -> None:
    note = _sub(parent, "note", xml_id=f"{doc}.{event.id}", type=_ncname(event.kind))
    if event.time and date is not None:
        _sub(note, "time", event.text, when=_when(date, event.time))
    else:
        note.text = _clean(event.text)


class _Body:
    """The ``div`` elements of ``body``, opened as headings come; each is a debateSection when
    it holds a turn and a commentSection otherwise."""

    def __init__(self, body: ET.Element) -> None:
        self.body = body
        self.div: ET.Element | None = None
        self.printed: dict[int, str] = {}  # id(div) → its heading as printed

    def current(self) -> ET.Element:
        if self.div is None:
            self.div = _sub(self.body, "div")
        return self.div

    def open(self, head: str | None, printed: str, **attrs: str) -> ET.Element:
        self.div = _sub(self.body, "div", **attrs)
        self.printed[id(self.div)] = printed
        if head:
            _sub(self.div, "head", head)
        return self.div

    def finish(self) -> None:
        """Type every ``div``; one with nothing but a head (a heading followed by the next
        one) keeps the heading as printed as a note, for a commentSection needs one."""
        if len(self.body) == 0:
            self.current()
        for div in self.body:
            has_turn = div.find("u") is not None
            div.set("type", "debateSection" if has_turn else "commentSection")
            if not has_turn and all(child.tag == "head" for child in div):
                _sub(div, "note", self.printed.get(id(div), ""), type="heading")


def _section_div(body: _Body, section: Section, doc: str) -> None:
    head = _normal(section.title) or _normal(section.heading)
    div = body.open(head or None, section.heading, xml_id=f"{doc}.{section.id}")
    if section.number is not None:
        div.set("n", str(section.number))
    if section.owner:
        _sub(div, "note", section.owner, type="owner")
    for tag in section.tags:
        _sub(div, "note", tag, type="tag")
    for item in section.items:
        _item(div, item)


def _item(parent: ET.Element, item: Item) -> None:
    _sub(parent, "note", item.text, type=item.kind, n=str(item.depth))


def _agenda_item(parent: ET.Element, section: Section, doc: str) -> None:
    kind = "agenda" if section.level <= 1 else f"agenda{section.level}"
    note = _sub(parent, "note", section.title, xml_id=f"{doc}.{section.id}", type=kind)
    if section.number is not None:
        note.set("n", str(section.number))


def _signature_text(signature: Signature) -> str:
    """The block as printed, with the statement and date first when the block lacks them."""
    lines = [x for x in (signature.statement, signature.date_raw) if x and x not in signature.text]
    return "\n".join([*lines, signature.text])


def _text(tei: ET.Element, minutes: Minutes, cast: _Cast, doc: str) -> ET.Element:
    from gijiroku.models import (
        Event,
        MembershipChange,
        Section,
        Signature,
    )

    served = minutes.source.kokkai
    api_roles = {
        s.utterance_id: str(s.speaker_role)
        for s in (served.speeches if served is not None else ())
        if s.utterance_id is not None and s.speaker_role
    }
    records: list[tuple[int, int, Section | Event | Utterance | Signature | MembershipChange]]
    records = [(s.span.start, 0, s) for s in minutes.sections]
    records += [(c.span.start, 1, c) for c in minutes.membership_changes]
    records += [(e.span.start, 1, e) for e in minutes.events]
    records += [(u.span.start, 2, u) for u in minutes.utterances]
    records += [(s.span.start, 3, s) for s in minutes.signatures]
    records.sort(key=lambda item: (item[0], item[1]))

    text = _sub(tei, "text", ana="#reference")
    body = _Body(_sub(text, "body"))
    previous: ET.Element | None = None
    for _, _, record in records:
        if isinstance(record, Section):
            if record.kind == "agenda":
                _agenda_item(body.current(), record, doc)
            else:
                _section_div(body, record, doc)
        elif isinstance(record, Event):
            _event(body.current(), record, minutes.meeting.date, doc)
        elif isinstance(record, MembershipChange):
            _sub(body.current(), "note", record.text, type="membershipChange")
        elif isinstance(record, Signature):
            _sub(body.current(), "note", _signature_text(record), type="signature")
        else:
            div = body.current()
            if not record.continued:
                label = f"{record.speaker.mark or ''}{record.speaker.label}"
                _sub(div, "note", label, type="speaker")
            ana = _speaker_type(record, api_roles)
            element = _utterance(div, record, cast.who[record.id], ana, doc)
            if record.continued and previous is not None:
                element.set("prev", "#" + previous.get(XML_ID, ""))
                previous.set("next", "#" + element.get(XML_ID, ""))
            previous = element
    body.finish()
    return text


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent element-only content; text-bearing elements are left exactly as they are."""
    if element.tag.rsplit("}", 1)[-1] in _MIXED or len(element) == 0:
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in element:
        _indent(child, level + 1)
        child.tail = pad
    element[-1].tail = "\n" + "  " * level


def _serialize(root: ET.Element, indent: bool) -> str:
    root.set("xmlns", TEI_NS)
    if root.find("xi:include") is not None:
        root.set("xmlns:xi", XI_NS)
    if indent:
        _indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _component(
    minutes: Minutes,
    cast: _Cast,
    *,
    doc_id: str,
    publisher: str,
    licence: str,
    source_url: str | None,
    published: dt.date | str | None,
) -> ET.Element:
    options = _Options(
        publisher=publisher,
        licence=licence,
        published=_published(published),
        source_url=_source_url(minutes, source_url),
        doc_id=doc_id,
    )
    tei = ET.Element("TEI", {XML_ID: doc_id, XML_LANG: "ja", "ana": "#parla.sitting #reference"})
    namespace = _header(tei, minutes, cast, options)
    _count_tags(namespace, _text(tei, minutes, cast, doc_id))
    return tei


def to_tei(
    minutes: Minutes,
    *,
    indent: bool = True,
    publisher: str = DEFAULT_PUBLISHER,
    licence: str = CC_BY_4_0,
    source_url: str | None = None,
    published: dt.date | str | None = None,
    id: str | None = None,
) -> str:
    """The minutes as a ParlaMint TEI component file (a string with an XML declaration),
    valid against ``ParlaMint-TEI.rng``.

    The people and bodies its ``@who``, ``@corresp`` and ``@ana`` point at are listed in a
    corpus root: :func:`write_corpus` writes both (a corpus of one document is fine).

    Args:
        minutes: what to export.
        indent: indent the element structure (text inside ``seg``, ``note`` … is never
            touched).
        publisher: who publishes the TEI (``publicationStmt/publisher``).
        licence: the licence's URL; ParlaMint's schema allows only CC BY 4.0 (the default),
            so another licence makes a file that schema refuses.
        source_url: where the minutes were published (``idno`` in ``publicationStmt`` and
            ``sourceDesc``): by default the API's ``meetingURL`` for minutes read by
            :func:`gijiroku.from_kokkai`, else ``https://gijiroku.invalid/sha256/<sha256>``
            (ParlaMint requires a URL; ``.invalid`` says that none is known).
        published: the publication date (``publicationStmt/date``): a date or ``YYYY-MM-DD``;
            today when omitted (pass one for output that does not change from day to day).
        id: the document's ``xml:id`` (:func:`document_id` by default), which also prefixes
            the ids of its turns and segments.

    Raises:
        ValueError: a ``source_url`` that is not an http(s) URL, a ``published`` that is not a
            date, an ``id`` that is not an XML name.

    Example:
        >>> import gijiroku
        >>> xml = gijiroku.parse("座長 始めます。（拍手）", source_name="a.txt").to_tei()
        >>> '<note type="speaker">座長</note>' in xml and '<u xml:id="a.u1" ' in xml
        True
    """
    doc_id = _checked_id(id) if id is not None else document_id(minutes)
    tei = _component(
        minutes,
        _cast(minutes),
        doc_id=doc_id,
        publisher=publisher,
        licence=licence,
        source_url=source_url,
        published=published,
    )
    return _serialize(tei, indent)


def _checked_id(value: str) -> str:
    if not isinstance(value, str) or not _ASCII_ID_RE.fullmatch(value) or not value[0].isalpha():
        raise ValueError(
            f"id must be an ASCII XML name (a letter, then A-Z a-z 0-9 . _ -): {value!r}"
        )
    return value


# -- the corpus ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    """What :func:`write_corpus` wrote: the root file and one component file per document."""

    root: Path
    components: tuple[Path, ...]
    persons: int
    organisations: int


def write_corpus(
    many: Iterable[Minutes | ParseResult] | Minutes,
    directory: str | os.PathLike[str],
    *,
    corpus_id: str = DEFAULT_CORPUS_ID,
    title: str = "日本の会議録コーパス (gijiroku)",
    indent: bool = True,
    publisher: str = DEFAULT_PUBLISHER,
    licence: str = CC_BY_4_0,
    published: dt.date | str | None = None,
    source_urls: Mapping[str, str] | None = None,
) -> Corpus:
    """Write a ParlaMint corpus: a component file per minutes and the corpus root.

    The components (``<document id>.xml``, see :func:`to_tei`) are written as the minutes
    arrive, so a generator such as :func:`gijiroku.parse_many` is never held in memory; the
    root (``<corpus_id>.xml``) comes last: its header lists every person (``listPerson``: the
    name, split into surname and forename where a roster prints it apart, the reading, and
    each role with the body it was held in and the dates it was seen), every body and
    parliamentary group (``listOrg``), the taxonomies behind ``@ana``, and an ``xi:include``
    per component. A person's id is the same in every document of one scope
    (:func:`person_id`): the same member in two sittings is one ``person``.

    Args:
        many: minutes, or what :func:`gijiroku.parse_many` yields (failures are skipped).
        directory: where to write (created when missing).
        corpus_id: the root's ``xml:id`` and file name.
        title: the corpus title.
        indent, publisher, licence, published: as for :func:`to_tei`.
        source_urls: the source URL of a document, by its ``source.name``.

    Returns:
        The paths written and how many persons and organisations the root lists.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    corpus_id = _checked_id(corpus_id)
    published_text = _published(published)
    people: dict[str, _Person] = {}
    orgs: dict[str, _Org] = {}
    components: list[Path] = []
    used: set[str] = {corpus_id}
    speeches = 0
    for minutes in documents(many):
        cast = _cast(minutes)
        doc_id = document_id(minutes)
        if doc_id in used:
            doc_id = f"{doc_id}-{minutes.source.sha256[:8]}"
            while doc_id in used:
                doc_id += "x"
        used.add(doc_id)
        url = (source_urls or {}).get(minutes.source.name or "")
        tei = _component(
            minutes,
            cast,
            doc_id=doc_id,
            publisher=publisher,
            licence=licence,
            source_url=url,
            published=published_text,
        )
        path = directory / f"{doc_id}.xml"
        path.write_text(_serialize(tei, indent), encoding="utf-8")
        components.append(path)
        speeches += len(minutes.utterances)
        for person in cast.people.values():
            if person.id in people:
                people[person.id].merge(person)
            else:
                people[person.id] = person
        for org in cast.orgs.values():
            orgs.setdefault(org.id, org)
    root = _corpus_root(
        corpus_id, title, publisher, licence, published_text, people, orgs, components, speeches
    )
    root_path = directory / f"{corpus_id}.xml"
    root_path.write_text(_serialize(root, indent), encoding="utf-8")
    return Corpus(root_path, tuple(components), len(people), len(orgs))


def _corpus_root(
    corpus_id: str,
    title: str,
    publisher: str,
    licence: str,
    published: str,
    people: Mapping[str, _Person],
    orgs: Mapping[str, _Org],
    components: Iterable[Path],
    speeches: int,
) -> ET.Element:
    from gijiroku import __version__

    root = ET.Element("teiCorpus", {XML_ID: corpus_id, XML_LANG: "ja"})
    header = _sub(root, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", _normal(title) or corpus_id, type="main")
    _sub(_sub(file_desc, "editionStmt"), "edition", f"gijiroku {__version__}")
    _sub(
        _sub(file_desc, "extent"),
        "measure",
        f"{speeches} speeches",
        unit="speeches",
        quantity=str(speeches),
        xml_lang="en",
    )
    publication = _sub(file_desc, "publicationStmt")
    _sub(_sub(publication, "publisher"), "orgName", _normal(publisher) or "-")
    availability = _sub(publication, "availability", status="free")
    _sub(availability, "licence", licence)
    _sub(publication, "date", published, when=published)

    encoding = _sub(header, "encodingDesc")
    _sub(
        _sub(encoding, "projectDesc"),
        "p",
        f"Japanese meeting minutes converted with gijiroku {__version__}.",
        xml_lang="en",
    )
    class_decl = _sub(encoding, "classDecl")
    for ident, (description, categories) in TAXONOMIES.items():
        taxonomy = _sub(class_decl, "taxonomy", xml_id=ident)
        _sub(_sub(taxonomy, "desc", xml_lang="en"), "term", description)
        for category_id, term, text in categories:
            cat_desc = _sub(_sub(taxonomy, "category", xml_id=category_id), "catDesc")
            _sub(cat_desc, "term", term).tail = ": " + text

    profile = _sub(header, "profileDesc")
    partic = _sub(profile, "particDesc")
    if orgs:
        list_org = _sub(partic, "listOrg")
        for org in sorted(orgs.values(), key=lambda o: (o.role, o.name)):
            attrs = {"xml_id": org.id, "role": org.role}
            if org.ana:
                attrs["ana"] = org.ana
            _sub(_sub(list_org, "org", **attrs), "orgName", _normal(org.name), full="yes")
    if people:
        list_person = _sub(partic, "listPerson")
        for person in sorted(people.values(), key=lambda p: (p.name, p.id)):
            _person(list_person, person)
    _sub(_sub(profile, "langUsage"), "language", "日本語", ident="ja")
    for path in components:
        ET.SubElement(root, "xi:include", {"href": path.name})
    return root


def _person(parent: ET.Element, person: _Person) -> None:
    element = _sub(parent, "person", xml_id=person.id)
    names = _sub(element, "persName")
    if person.surname and person.forename:
        _sub(names, "surname", person.surname)
        _sub(names, "forename", person.forename)
    else:
        _sub(names, "term", _normal(person.name) or "-")
    if person.yomi and _normal(person.yomi):
        _sub(_sub(element, "persName", xml_lang="ja-Hira"), "term", _normal(person.yomi))
    for affiliation in person.affiliations.values():
        attrs = {"role": affiliation.role}
        if affiliation.ref:
            attrs["ref"] = affiliation.ref
        if affiliation.first is not None and affiliation.last is not None:
            attrs["from"] = affiliation.first.isoformat()
            attrs["to"] = affiliation.last.isoformat()
        element_affiliation = _sub(element, "affiliation", **attrs)
        if affiliation.role_name and _normal(affiliation.role_name):
            _sub(element_affiliation, "roleName", _normal(affiliation.role_name))
