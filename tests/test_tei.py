"""TEI export: well-formed XML read back with the standard library; ids, references, counts,
note elements by kind, and no text lost."""

from __future__ import annotations

import collections
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gijiroku
from gijiroku.tei import NOTE_ELEMENTS, TEI_NS
from tests.conftest import SAMPLES, read_sample, sample_paths

T = "{" + TEI_NS + "}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NOTE_TAGS = {"note", "kinesic", "vocal", "incident"}


def _tei(minutes: gijiroku.Minutes, **options: bool) -> ET.Element:
    xml = minutes.to_tei(**options)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI ')
    return ET.fromstring(xml.encode("utf-8"))


def _check_ids_and_references(root: ET.Element, minutes: gijiroku.Minutes) -> None:
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID) is not None]
    assert len(ids) == len(set(ids)), "xml:id values must be unique"
    persons = {p.get(XML_ID) for p in root.iter(T + "person")}
    utterances = list(root.iter(T + "u"))
    assert len(utterances) == len(minutes.utterances)
    assert [u.get(XML_ID) for u in utterances] == [u.id for u in minutes.utterances]
    for u in utterances:
        who = u.get("who", "")
        assert who.startswith("#")
        assert who[1:] in persons
    for element in root.iter():
        for name in ("ref", "ana", "prev", "next", "who"):
            value = element.get(name)
            if value is not None:
                for target in value.split():
                    assert target.startswith("#"), (name, value)
                    assert target[1:] in ids, (name, value)
    assert {m.id for m in minutes.members} <= persons


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: str(p.relative_to(SAMPLES)))
def test_every_sample_exports_valid_references(sample: object) -> None:
    minutes = gijiroku.parse_file(sample)  # type: ignore[arg-type]
    root = _tei(minutes)
    assert root.tag == T + "TEI"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "ja"
    _check_ids_and_references(root, minutes)


@pytest.fixture(scope="module")
def honkaigi() -> gijiroku.Minutes:
    return gijiroku.from_kokkai((SAMPLES / "kokkai-api/121215254X00720231129.xml").read_bytes())


def test_header(honkaigi: gijiroku.Minutes) -> None:
    root = _tei(honkaigi)
    header = root.find(T + "teiHeader")
    assert header is not None
    assert (
        header.findtext(f"{T}fileDesc/{T}titleStmt/{T}title") == "第212回国会 参議院 本会議 第7号"
    )
    bibl = header.find(f"{T}fileDesc/{T}sourceDesc/{T}bibl")
    assert bibl is not None
    idnos = {i.get("type"): i.text for i in bibl.iter(T + "idno")}
    assert idnos == {"source": "121215254X00720231129", "sha256": honkaigi.source.sha256}
    setting = header.find(f"{T}profileDesc/{T}settingDesc/{T}setting")
    assert setting is not None
    date = setting.find(T + "date")
    assert date is not None
    assert date.get("when") == "2023-11-29"
    assert date.text == "令和五年十一月二十九日（水曜日）"
    names = {n.get("type"): n.text for n in setting.iter(T + "name")}
    assert names == {"house": "参議院", "body": "本会議"}
    time = setting.find(T + "time")
    assert time is not None
    assert (time.get("from"), time.get("to")) == ("17:11:00", "18:24:00")
    measure = header.find(f"{T}fileDesc/{T}extent/{T}measure")
    assert measure is not None
    assert measure.get("quantity") == "36"


def test_persons_and_roles(honkaigi: gijiroku.Minutes) -> None:
    root = _tei(honkaigi)
    persons = {p.findtext(T + "persName"): p for p in root.iter(T + "person")}
    assert len(persons) == 12  # every speaker of the plenary; no roster printed
    chair = persons["尾辻秀久"]
    assert chair.find(f"{T}persName[@type='yomi']").text == "おつじひでひさ"  # type: ignore[union-attr]
    affiliations = [
        (a.get("role"), a.get("ref"), a.findtext(T + "roleName"))
        for a in chair.iter(T + "affiliation")
    ]
    assert ("head", "#org.house", "議長") in affiliations
    groups = {o.get(XML_ID): o.findtext(T + "orgName") for o in root.iter(T + "org")}
    refs = [groups[ref[1:]] for role, ref, _ in affiliations if ref and role == "member"]
    assert refs == ["各派に属しない議員"]
    pm = [
        a.findtext(T + "roleName")
        for a in persons["岸田文雄"].iter(T + "affiliation")
        if a.get("role") == "minister"
    ]
    assert pm == ["内閣総理大臣"]
    chairs = [u for u in root.iter(T + "u") if u.get("ana") == "#chair"]
    assert len(chairs) == 25
    assert {u.get("who") for u in chairs} == {"#" + chair.get(XML_ID, "")}


def test_committee_members_are_persons() -> None:
    minutes = gijiroku.parse(read_sample("diet/shugiin-monka-2023-11-01.txt"))
    root = _tei(minutes)
    persons = {p.get(XML_ID): p for p in root.iter(T + "person")}
    assert len(persons) == len(minutes.members) == 50
    chair = persons["m18"]
    assert chair.findtext(T + "persName") == "田野瀬太道"
    roles = [
        (a.get("role"), a.get("ref"), a.findtext(T + "roleName"))
        for a in chair.iter(T + "affiliation")
    ]
    assert roles == [("head", "#org.body", "委員長")]
    orgs = {o.get(XML_ID): (o.get("role"), o.findtext(T + "orgName")) for o in root.iter(T + "org")}
    assert orgs == {
        "org.house": ("parliament", "衆議院"),
        "org.body": ("committee", "文部科学委員会"),
    }
    first = next(root.iter(T + "u"))
    assert (first.get("who"), first.get("ana")) == ("#m18", "#chair")
    agenda = [i.text for i in root.iter(T + "item")]
    assert agenda == ["理事の辞任及び補欠選任", "国政調査承認要求に関する件"]


def _note_counts_in_xml(root: ET.Element) -> collections.Counter[tuple[str, str]]:
    found: collections.Counter[tuple[str, str]] = collections.Counter()
    for u in root.iter(T + "u"):
        for element in u.iter():
            tag = element.tag.removeprefix(T)
            if tag in NOTE_TAGS:
                found[(tag, element.get("subtype") or element.get("type") or "")] += 1
    return found


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: str(p.relative_to(SAMPLES)))
def test_notes_become_elements_by_kind(sample: object) -> None:
    minutes = gijiroku.parse_file(sample)  # type: ignore[arg-type]
    expected: collections.Counter[tuple[str, str]] = collections.Counter(
        (NOTE_ELEMENTS.get(n.kind, ("note", n.kind))[0], n.kind)
        for u in minutes.utterances
        for n in u.notes
    )
    assert _note_counts_in_xml(_tei(minutes)) == expected


def test_note_elements_in_the_plenary(honkaigi: gijiroku.Minutes) -> None:
    root = _tei(honkaigi)
    counts = _note_counts_in_xml(root)
    assert counts[("kinesic", "applause")] > 10
    assert counts[("vocal", "voices")] == 4
    assert counts[("incident", "movement")] > 5
    assert counts[("incident", "vote")] == 5
    assert counts[("note", "editorial")] == 5
    u2 = next(u for u in root.iter(T + "u") if u.get(XML_ID) == "u2")
    children = [(c.tag.removeprefix(T), c.get("type")) for c in u2]
    assert children == [
        ("seg", None),
        ("seg", None),
        ("seg", None),
        ("note", "editorial"),
        ("incident", "action"),
    ]
    assert u2[4].findtext(T + "desc") == "〔石井準一君登壇、拍手〕"
    # a note inside running text stays inside its seg
    inline = [s for s in root.iter(T + "seg") if s.find(T + "kinesic") is not None]
    assert inline
    assert inline[0].find(T + "kinesic").findtext(T + "desc") == "（拍手）"  # type: ignore[union-attr]
    # events sit between the turns
    events = [n for n in root.iter(T + "note") if n.get(XML_ID, "").startswith("e")]
    assert [(n.get("type"), n.find(T + "time").get("when")) for n in events] == [  # type: ignore[union-attr]
        ("start", "17:11:00"),
        ("end", "18:24:00"),
    ]


def _u_text(u: ET.Element) -> str:
    """The text of a ``u`` without the indentation between its children."""
    return "".join("".join(child.itertext()).strip("\n ") for child in u)


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: str(p.relative_to(SAMPLES)))
def test_no_text_is_lost(sample: object) -> None:
    minutes = gijiroku.parse_file(sample)  # type: ignore[arg-type]
    for indent in (True, False):
        root = _tei(minutes, indent=indent)
        texts = [_u_text(u) for u in root.iter(T + "u")]
        assert texts == [u.text.replace("\n", "") for u in minutes.utterances]


def test_sections_become_divs(sendai_text: str) -> None:
    minutes = gijiroku.parse(sendai_text)
    root = _tei(minutes)
    body = root.find(f"{T}text/{T}body")
    assert body is not None
    divs = body.findall(T + "div")
    assert [d.get("type") for d in divs] == ["debateSection"] * 6
    assert [d.get(XML_ID) for d in divs] == [None, "s1", "s2", "s3", "s4", "s5"]
    assert [d.findtext(T + "head") for d in divs[1:]] == [s.title for s in minutes.sections]
    for div in divs[1:]:
        in_div = [u.get(XML_ID) for u in div.iter(T + "u")]
        assert in_div == [u.id for u in minutes.turns_in(div.get(XML_ID, ""))]
    # a turn continued after a heading points back at the one before
    u2 = next(u for u in root.iter(T + "u") if u.get(XML_ID) == "u2")
    assert u2.get("prev") == "#u1"


def test_escaping_and_characters_xml_cannot_hold() -> None:
    text = "座長 <script>alert('x')</script> & \"引用\" a\x01b。\n林委員 ]]> です。"
    minutes = gijiroku.parse(text)
    root = _tei(minutes)
    segs = [s.text for s in root.iter(T + "seg")]
    assert segs[0] is not None
    assert "<script>alert('x')</script> & \"引用\"" in segs[0]
    assert "\x01" not in "".join(s or "" for s in segs)
    assert segs[1] == "]]> です。"


def test_minutes_without_turns() -> None:
    root = _tei(gijiroku.parse(""))
    body = root.find(f"{T}text/{T}body")
    assert body is not None
    assert [c.tag for c in body] == [T + "p"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(
        alphabet=st.sampled_from(list("座長林委員〔拍手〕（）「」<>&\"' \n\u3000○議長君\x0b\x1f")),
        max_size=80,
    )
)
def test_any_text_gives_well_formed_tei(text: str) -> None:
    minutes = gijiroku.parse(text)
    root = _tei(minutes)
    _check_ids_and_references(root, minutes)
