"""TEI export in the Parla-CLARIN / ParlaMint style (:meth:`Minutes.to_tei
<gijiroku.models.Minutes.to_tei>`), with the standard library's ElementTree.

The document, in outline (the Diet sample ``samples/diet/shugiin-monka-2023-11-01.txt``)::

    <TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ja">
      <teiHeader>
        <fileDesc>  title (第212回国会 衆議院 文部科学委員会 第1号), extent, source (bibl: idno, date)
        <encodingDesc>  the speaker types #chair, #regular, #guest
        <profileDesc>
          <settingDesc><setting>  house, body, venue, <date when="2023-11-01">, <time from to>
          <particDesc>
            <listOrg>  org.house (parliament), org.body (committee), org.group.N (会派)
            <listPerson>
              <person xml:id="m18"><persName>田野瀬太道</persName>
                <affiliation role="head" ref="#org.body"><roleName>委員長</roleName></affiliation>
      <text>
        <front><div type="agenda"><list><item xml:id="s1">…  agenda items (本日の会議に付した案件)
        <body><div type="debateSection"><head>…  one div per heading (or one without a head)
          <u xml:id="u1" who="#m18" ana="#chair"><seg>これより会議を開きます。</seg>
            <kinesic type="applause" subtype="applause"><desc>〔拍手〕</desc></kinesic>
          <note xml:id="e2" type="end"><time when="12:36:00">午後零時三十六分散会</time></note>

Notes (ト書き) become elements by kind (:data:`NOTE_ELEMENTS`): a note standing alone as a
paragraph sits between the ``seg`` elements of its ``u``; a note inside running text stays
inside its ``seg``. ``@type`` takes ParlaMint's vocabulary and ``@subtype`` keeps gijiroku's
kind. Every member is a ``person``; so is every speaker no member matches (``p1``, ``p2`` …).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import regex

from gijiroku.display import describe_meeting
from gijiroku.names import CHAIR_ROLES
from gijiroku.normalize import compact

if TYPE_CHECKING:
    from gijiroku.models import Event, Minutes, Note, Section, Utterance

__all__ = ["GUEST_ROLES", "NOTE_ELEMENTS", "TEI_NS", "to_tei"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
_XML = "{http://www.w3.org/XML/1998/namespace}"
XML_ID = _XML + "id"

#: gijiroku note kind → (TEI element, ParlaMint @type); other kinds become ``<note type=kind>``.
NOTE_ELEMENTS: dict[str, tuple[str, str]] = {
    "applause": ("kinesic", "applause"),
    "laughter": ("kinesic", "laughter"),
    "voices": ("vocal", "interruption"),
    "movement": ("incident", "action"),
    "chair_change": ("incident", "action"),
    "vote": ("incident", "action"),
    "recess": ("incident", "break"),
}
#: Roles that speak as guests of the body (ParlaMint's ``#guest`` speaker type).
GUEST_ROLES: frozenset[str] = frozenset({"参考人", "政府参考人", "公述人", "証人", "説明員"})

_SPEAKER_TYPES = (
    ("chair", "議長・委員長・座長: the person chairing the meeting"),
    ("regular", "a member or official speaking"),
    ("guest", "参考人・公述人・証人: a guest of the body"),
)
#: Elements whose content is text (mixed content): never re-indented.
_MIXED = frozenset(
    {"seg", "note", "desc", "head", "title", "item", "persName", "roleName", "orgName", "p"}
    | {"catDesc", "date", "time", "idno", "meeting", "measure", "language", "name"}
)
#: Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML_RE = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_NCNAME_BAD_RE = regex.compile(r"[^\w.\-]", regex.ASCII)


def _clean(text: str) -> str:
    """``text`` with characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML_RE.sub("\ufffd", text)


def _ncname(value: str) -> str:
    """``value`` made usable as an ``xml:id`` or ``@type`` (an XML NCName)."""
    name = _NCNAME_BAD_RE.sub("_", value) or "_"
    return name if name[0].isalpha() or name[0] == "_" else "x" + name


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    attributes = {k.replace("xml_", _XML): _clean(v) for k, v in attrs.items()}
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = _clean(text)
    return element


def _role_kind(role: str) -> str:
    """ParlaMint's ``affiliation/@role`` for a Japanese title or role."""
    if role in CHAIR_ROLES:
        return "head"
    if (role.startswith("副") and role[1:] in CHAIR_ROLES) or role.endswith("代理"):
        return "deputyHead"
    if "大臣" in role:
        return "minister"
    if role in GUEST_ROLES:
        return "guest"
    return "member"


def _speaker_type(u: Utterance) -> str:
    role = u.speaker.role or ""
    if role in CHAIR_ROLES:
        return "chair"
    if role in GUEST_ROLES:
        return "guest"
    return "regular"


@dataclass
class _Person:
    id: str
    name: str | None
    label: str
    yomi: str | None = None
    roles: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)


def _people(minutes: Minutes) -> tuple[dict[str, _Person], dict[str, str]]:
    """Everyone who is listed or speaks, and the person id of each utterance."""
    people: dict[str, _Person] = {}
    for member in minutes.members:
        person = _Person(id=_ncname(member.id), name=member.name, label=member.entry)
        person.add_role(member.title)
        for role in member.roles:
            person.add_role(role)
        people[member.id] = person
    by_name: dict[str, str] = {}
    who: dict[str, str] = {}
    for u in minutes.utterances:
        s = u.speaker
        if u.speaker_id is not None and u.speaker_id in people:
            key = u.speaker_id
        else:
            name_key = "name:" + compact(s.name) if s.name else "label:" + compact(s.label)
            if name_key not in by_name:
                pid = f"p{len(by_name) + 1}"
                while pid in people:
                    pid += "_"
                by_name[name_key] = pid
                people[pid] = _Person(id=pid, name=s.name, label=s.label)
            key = by_name[name_key]
        person = people[key]
        person.add_role(s.role)
        person.add_role(s.title)
        person.yomi = person.yomi or s.yomi
        if s.affiliation and s.affiliation not in person.groups:
            person.groups.append(s.affiliation)
        who[u.id] = person.id
    return people, who


def _header(tei: ET.Element, minutes: Minutes, people: dict[str, _Person]) -> None:
    from gijiroku import __version__

    meeting = minutes.meeting
    name = describe_meeting(meeting) or minutes.source.name or "minutes"
    header = _sub(tei, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", name, type="main")
    if meeting.session is not None:
        _sub(title_stmt, "meeting", f"第{meeting.session}回国会", n=str(meeting.session))
    if meeting.number is not None:
        _sub(title_stmt, "meeting", f"第{meeting.number}号", n=str(meeting.number))
    extent = _sub(file_desc, "extent")
    count = len(minutes.utterances)
    _sub(extent, "measure", f"{count} speeches", unit="speeches", quantity=str(count))
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "p", f"Converted from the minutes text by gijiroku {__version__}.")
    bibl = _sub(_sub(file_desc, "sourceDesc"), "bibl")
    _sub(bibl, "title", name)
    if minutes.source.name:
        _sub(bibl, "idno", minutes.source.name, type="source")
    _sub(bibl, "idno", minutes.source.sha256, type="sha256")
    if meeting.date is not None or meeting.date_raw:
        date = _sub(bibl, "date", meeting.date_raw or meeting.date.isoformat())  # type: ignore[union-attr]
        if meeting.date is not None:
            date.set("when", meeting.date.isoformat())

    taxonomy = _sub(
        _sub(_sub(header, "encodingDesc"), "classDecl"), "taxonomy", xml_id="speaker_types"
    )
    for ident, description in _SPEAKER_TYPES:
        _sub(_sub(taxonomy, "category", xml_id=ident), "catDesc", description)

    profile = _sub(header, "profileDesc")
    _sub(_sub(profile, "langUsage"), "language", "日本語", ident="ja")
    setting = _sub(_sub(profile, "settingDesc"), "setting")
    for kind, value in (("house", meeting.house), ("body", meeting.body), ("venue", meeting.venue)):
        if value:
            _sub(setting, "name", value, type=kind)
    date = _sub(
        setting, "date", meeting.date_raw or (meeting.date.isoformat() if meeting.date else "")
    )
    if meeting.date is not None:
        date.set("when", meeting.date.isoformat())
    if meeting.start_time or meeting.end_time:
        time = _sub(
            setting, "time", "–".join(t for t in (meeting.start_time, meeting.end_time) if t)
        )
        if meeting.start_time:
            time.set("from", meeting.start_time + ":00")
        if meeting.end_time:
            time.set("to", meeting.end_time + ":00")
    _participants(profile, minutes, people)


def _participants(profile: ET.Element, minutes: Minutes, people: dict[str, _Person]) -> None:
    meeting = minutes.meeting
    orgs: list[tuple[str, str, str]] = []
    if meeting.house:
        orgs.append(("org.house", "parliament", meeting.house))
    if meeting.body and meeting.body not in ("本会議", meeting.house):
        orgs.append(("org.body", "committee", meeting.body))
    groups: dict[str, str] = {}
    for person in people.values():
        for group in person.groups:
            groups.setdefault(group, f"org.group.{len(groups) + 1}")
    orgs += [(ident, "parliamentaryGroup", group) for group, ident in groups.items()]
    if not orgs and not people:
        return
    partic = _sub(profile, "particDesc")
    if orgs:
        list_org = _sub(partic, "listOrg")
        for ident, role, org_name in orgs:
            _sub(_sub(list_org, "org", xml_id=ident, role=role), "orgName", org_name)
    body_ref = "#" + orgs[0][0] if orgs and orgs[0][1] != "parliamentaryGroup" else None
    if any(o[0] == "org.body" for o in orgs):
        body_ref = "#org.body"
    if not people:
        return
    list_person = _sub(partic, "listPerson")
    for person in people.values():
        element = _sub(list_person, "person", xml_id=person.id)
        if person.name:
            _sub(element, "persName", person.name)
        else:
            _sub(_sub(element, "persName"), "roleName", person.label)
        if person.yomi:
            _sub(element, "persName", person.yomi, type="yomi", xml_lang="ja-Hira")
        for role in person.roles:
            kind = _role_kind(role)
            attrs = {"role": kind}
            if body_ref and kind in ("head", "deputyHead", "member"):
                attrs["ref"] = body_ref
            _sub(_sub(element, "affiliation", **attrs), "roleName", role)
        for group in person.groups:
            _sub(element, "affiliation", role="member", ref="#" + groups[group])


def _note_element(parent: ET.Element, kind: str, text: str) -> ET.Element:
    tag, type_ = NOTE_ELEMENTS.get(kind, ("note", kind))
    if tag == "note":
        return _sub(parent, "note", text, type=_ncname(type_))
    element = _sub(parent, tag, type=type_, subtype=_ncname(kind))
    _sub(element, "desc", text)
    return element


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


def _utterance(parent: ET.Element, u: Utterance, who: str) -> ET.Element:
    element = _sub(parent, "u", xml_id=_ncname(u.id), who="#" + who, ana="#" + _speaker_type(u))
    element.set("n", str(u.order))
    for paragraph in _paragraphs(u):
        if all(not isinstance(part, str) or not part.strip() for part in paragraph):
            for part in paragraph:
                if not isinstance(part, str):
                    _note_element(element, part.kind, part.text)
            continue
        seg = _sub(element, "seg")
        last: ET.Element | None = None
        for part in paragraph:
            if isinstance(part, str):
                if last is None:
                    seg.text = (seg.text or "") + _clean(part)
                else:
                    last.tail = (last.tail or "") + _clean(part)
            else:
                last = _note_element(seg, part.kind, part.text)
    return element


def _event(parent: ET.Element, event: Event) -> None:
    note = _sub(parent, "note", xml_id=_ncname(event.id), type=_ncname(event.kind))
    if event.time:
        _sub(note, "time", event.text, when=event.time + ":00")
    else:
        note.text = _clean(event.text)


def _body(text: ET.Element, minutes: Minutes, who: dict[str, str]) -> None:
    agenda = [s for s in minutes.sections if s.kind == "agenda"]
    if agenda:
        listing = _sub(_sub(_sub(text, "front"), "div", type="agenda"), "list")
        for section in agenda:
            item = _sub(listing, "item", section.title, xml_id=_ncname(section.id))
            if section.number is not None:
                item.set("n", str(section.number))
            if section.level > 1:
                item.set("rend", f"level{section.level}")
    body = _sub(text, "body")
    items: list[tuple[int, int, Section | Utterance | Event]] = []
    items += [(s.span.start, 0, s) for s in minutes.sections if s.kind == "heading"]
    items += [(e.span.start, 1, e) for e in minutes.events]
    items += [(u.span.start, 2, u) for u in minutes.utterances]
    items.sort(key=lambda item: (item[0], item[1]))
    from gijiroku.models import Event, Section

    div: ET.Element | None = None
    previous: ET.Element | None = None
    for _, _, record in items:
        if isinstance(record, Section):
            div = _sub(body, "div", type="debateSection", xml_id=_ncname(record.id))
            if record.number is not None:
                div.set("n", str(record.number))
            _sub(div, "head", record.title)
            continue
        if div is None:
            div = _sub(body, "div", type="debateSection")
        if isinstance(record, Event):
            _event(div, record)
            continue
        element = _utterance(div, record, who[record.id])
        if record.continued and previous is not None:
            element.set("prev", "#" + previous.get(XML_ID, ""))
            previous.set("next", "#" + element.get(XML_ID, ""))
        previous = element
    if div is None:
        _sub(body, "p")


def _indent(element: ET.Element, level: int = 0) -> None:
    """Indent element-only content; text-bearing elements are left exactly as they are."""
    if element.tag in _MIXED or len(element) == 0:
        return
    pad = "\n" + "  " * (level + 1)
    element.text = pad
    for child in element:
        _indent(child, level + 1)
        child.tail = pad
    element[-1].tail = "\n" + "  " * level


def to_tei(minutes: Minutes, *, indent: bool = True) -> str:
    """The minutes as a TEI XML document (a string with an XML declaration).

    Args:
        minutes: what to export.
        indent: indent the element structure (text inside ``seg``, ``note`` … is never
            touched).

    Example:
        >>> import gijiroku
        >>> xml = gijiroku.parse("座長 始めます。（拍手）").to_tei()
        >>> '<u xml:id="u1" who="#p1" ana="#chair" n="1">' in xml
        True
    """
    tei = ET.Element("TEI", {"xmlns": TEI_NS, _XML + "lang": "ja"})
    people, who = _people(minutes)
    _header(tei, minutes, people)
    _body(_sub(tei, "text"), minutes, who)
    if indent:
        _indent(tei)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tei, encoding="unicode") + "\n"
