"""TEI export: every sample valid against ParlaMint's own schema (lxml's RelaxNG), the header,
speakers, notes, sections and summary items as ParlaMint allows, no text lost; the corpus
root with person ids shared across sittings."""

from __future__ import annotations

import collections
import datetime as dt
import functools
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped]

import gijiroku
from gijiroku.tei import CC_BY_4_0, NOTE_ELEMENTS, TEI_NS, document_id, person_id, write_corpus
from tests.conftest import ROOT, SAMPLES, read_sample, sample_paths
from tests.test_invariants import MINUTES_LIKE

T = "{" + TEI_NS + "}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMAS = ROOT / "tests" / "schemas" / "parlamint"
#: Every bundled sample is exported (the golden tests cover the same files).
EXTRA: list[Path] = []
KOKKAI = sorted((SAMPLES / "kokkai-api").glob("*.xml"))
PUBLISHED = "2026-01-01"


@functools.cache
def _schema(name: str) -> Any:
    return etree.RelaxNG(etree.parse(str(SCHEMAS / name)))


@pytest.fixture
def component_schema() -> Any:
    """ParlaMint's schema of a component file (one sitting)."""
    return _schema("ParlaMint-TEI.rng")


@pytest.fixture
def lists_schema() -> Any:
    """ParlaMint's definitions of listPerson, listOrg and taxonomy."""
    return _schema("ParlaMint-lists.rng")


def _valid(schema: Any, xml: str | bytes) -> None:
    data = xml.encode("utf-8") if isinstance(xml, str) else xml
    ok = schema.validate(etree.fromstring(data))
    assert ok, [f"{e.line}: {e.message}" for e in schema.error_log][:5]


def _tei(minutes: gijiroku.Minutes, **options: Any) -> ET.Element:
    options.setdefault("published", PUBLISHED)
    xml = minutes.to_tei(**options)
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI ')
    return ET.fromstring(xml.encode("utf-8"))


def _name(path: Path) -> str:
    return str(path.relative_to(SAMPLES))


# -- validity ---------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", sample_paths() + EXTRA, ids=_name)
def test_every_sample_is_valid_parlamint(sample: Path, component_schema: Any) -> None:
    minutes = gijiroku.parse_file(sample)
    xml = minutes.to_tei(published=PUBLISHED)
    _valid(component_schema, xml)
    _valid(component_schema, minutes.to_tei(indent=False, published=PUBLISHED))
    root = ET.fromstring(xml.encode("utf-8"))
    ids = [e.get(XML_ID) for e in root.iter() if e.get(XML_ID) is not None]
    assert len(ids) == len(set(ids))
    assert root.get(XML_ID) == document_id(minutes)
    assert [u.get(XML_ID) for u in root.iter(T + "u")] == [
        f"{document_id(minutes)}.{u.id}" for u in minutes.utterances
    ]


@pytest.mark.parametrize("path", KOKKAI, ids=lambda p: p.name)
def test_kokkai_records_are_valid_parlamint(path: Path, component_schema: Any) -> None:
    minutes = gijiroku.from_kokkai(path.read_bytes())
    _valid(component_schema, minutes.to_tei(published=PUBLISHED))


def test_the_schema_refuses_what_it_should(component_schema: Any) -> None:
    minutes = gijiroku.parse(read_sample("council/sendai-ict-2016-02-08.txt"))
    xml = minutes.to_tei(published=PUBLISHED)
    for broken in (
        xml.replace(' ana="#reference"', ""),  # text/@ana is required
        xml.replace("<edition>", "<edition>\n"),  # normalized strings only
        xml.replace(CC_BY_4_0, "https://example.org/licence"),  # CC BY 4.0 only
    ):
        assert not component_schema.validate(etree.fromstring(broken.encode("utf-8")))


# -- the header ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def honkaigi() -> gijiroku.Minutes:
    return gijiroku.from_kokkai((SAMPLES / "kokkai-api/121215254X00720231129.xml").read_bytes())


def test_header(honkaigi: gijiroku.Minutes) -> None:
    root = _tei(honkaigi)
    assert root.get(XML_ID) == "d121215254X00720231129"
    assert root.get("ana") == "#parla.sitting #reference"
    title_stmt = root.find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt")
    assert title_stmt is not None
    assert title_stmt.findtext(T + "title") == "第212回国会 参議院 本会議 第7号"
    meetings = [(m.get("n"), m.get("ana"), m.text) for m in title_stmt.iter(T + "meeting")]
    assert meetings == [
        ("212", "#parla.session #parla.upper", "第212回国会"),
        ("7", "#parla.sitting", "第7号"),
    ]
    publication = root.find(f"{T}teiHeader/{T}fileDesc/{T}publicationStmt")
    assert publication is not None
    assert publication.findtext(f"{T}publisher/{T}orgName") == "gijiroku"
    url = "https://kokkai.ndl.go.jp/txt/121215254X00720231129"  # the API's meetingURL
    assert publication.findtext(T + "idno") == url
    assert publication.findtext(f"{T}availability/{T}licence") == CC_BY_4_0
    assert publication.find(T + "date").get("when") == PUBLISHED  # type: ignore[union-attr]
    bibl = root.find(f"{T}teiHeader/{T}fileDesc/{T}sourceDesc/{T}bibl")
    assert bibl is not None
    assert bibl.findtext(T + "idno") == url
    assert bibl.find(T + "date").get("when") == "2023-11-29"  # type: ignore[union-attr]
    project = root.findtext(f"{T}teiHeader/{T}encodingDesc/{T}projectDesc/{T}p") or ""
    assert honkaigi.source.sha256 in project
    setting = root.find(f"{T}teiHeader/{T}profileDesc/{T}settingDesc/{T}setting")
    assert setting is not None
    names = {n.get("type"): n.text for n in setting.iter(T + "name")}
    assert names == {"country": "日本", "house": "参議院", "body": "本会議"}
    date = setting.find(T + "date")
    assert date is not None
    assert (date.get("from"), date.get("to")) == ("2023-11-29T17:11:00", "2023-11-29T18:24:00")
    assert date.text == "令和五年十一月二十九日（水曜日）"
    measure = root.find(f"{T}teiHeader/{T}fileDesc/{T}extent/{T}measure")
    assert measure is not None
    assert measure.get("quantity") == "36"
    usage = {
        t.get("gi"): int(t.get("occurs", "0"))
        for t in root.iter(T + "tagUsage")  # the counts are those of <text>
    }
    text = root.find(T + "text")
    assert text is not None
    actual = collections.Counter(e.tag.removeprefix(T) for e in text.iter())
    assert usage == dict(actual)
    assert usage["u"] == 36


def test_publication_options(component_schema: Any) -> None:
    minutes = gijiroku.parse(read_sample("council/sendai-ict-2016-02-08.txt"))
    root = _tei(minutes)
    url = f"https://gijiroku.invalid/sha256/{minutes.source.sha256}"  # no source known
    assert [i.text for i in root.iter(T + "idno")] == [url, url]
    xml = minutes.to_tei(
        publisher="仙台市",
        source_url="https://www.city.sendai.jp/joho/kaigi.html",
        published=dt.date(2016, 3, 1),
        id="sendai-2016-02-08",
    )
    _valid(component_schema, xml)
    root = ET.fromstring(xml.encode("utf-8"))
    assert root.get(XML_ID) == "sendai-2016-02-08"
    assert root.findtext(f".//{T}publisher/{T}orgName") == "仙台市"
    assert {i.text for i in root.iter(T + "idno")} == {"https://www.city.sendai.jp/joho/kaigi.html"}
    assert root.find(f".//{T}publicationStmt/{T}date").get("when") == "2016-03-01"  # type: ignore[union-attr]
    assert next(root.iter(T + "u")).get(XML_ID) == "sendai-2016-02-08.u1"
    today = _tei(minutes, published=None).find(f".//{T}publicationStmt/{T}date")
    assert today is not None
    assert today.get("when") == dt.date.today().isoformat()
    # another licence is written as asked, and ParlaMint's schema refuses it
    other = minutes.to_tei(licence="https://creativecommons.org/licenses/by-sa/4.0/")
    assert not component_schema.validate(etree.fromstring(other.encode("utf-8")))


@pytest.mark.parametrize(
    "options",
    [
        {"source_url": "file:///tmp/a.txt"},
        {"source_url": "https://example.org/a b"},
        {"published": "2016/03/01"},
        {"id": "1abc"},
        {"id": "議事録"},
    ],
)
def test_bad_options(options: dict[str, str]) -> None:
    with pytest.raises(ValueError, match=next(iter(options))):
        gijiroku.parse("座長 はい。").to_tei(**options)  # type: ignore[arg-type]


def test_times_after_midnight_and_undated_minutes(component_schema: Any) -> None:
    text = read_sample("diet/shugiin-monka-2023-11-01.txt").replace(
        "午後零時三十六分散会", "午前零時五分散会"
    )
    late = gijiroku.parse(text)
    late = late.model_copy(
        update={"meeting": late.meeting.model_copy(update={"end_time": "24:05"})}
    )
    root = _tei(late)
    date = root.find(f".//{T}setting/{T}date")
    assert date is not None
    assert date.get("to") == "2023-11-02T00:05:00"
    undated = gijiroku.parse("座長 はい。")
    assert undated.meeting.date is None
    xml = undated.to_tei(published=PUBLISHED)
    _valid(component_schema, xml)
    date = ET.fromstring(xml.encode()).find(f".//{T}setting/{T}date")
    assert date is not None
    assert (date.get("to"), date.text) == (PUBLISHED, "日付不明")


# -- speakers and turns --------------------------------------------------------------------------


def test_speaker_notes_and_segments() -> None:
    minutes = gijiroku.parse_file(SAMPLES / "diet/shugiin-monka-2023-11-01.txt")
    root = _tei(minutes)
    div = root.find(f"{T}text/{T}body/{T}div")
    assert div is not None
    labels = []
    for child, following in zip(div, list(div)[1:], strict=False):
        if child.get("type") == "speaker":
            assert following.tag == T + "u"  # the label as printed, right before its turn
            labels.append(child.text)
    assert labels == [u.speaker.label for u in minutes.utterances]
    u1 = next(root.iter(T + "u"))
    segs = u1.findall(T + "seg")
    assert [s.get(XML_ID) for s in segs] == [
        f"shugiin-monka-2023-11-01.u1.{k}" for k in range(1, len(segs) + 1)
    ]
    assert segs[0].text == "これより会議を開きます。"
    assert (u1.get("ana"), u1.get("n")) == ("#chair", "1")
    chair = next(m for m in minutes.members if m.name == "田野瀬太道")
    assert u1.get("who") == "#" + person_id("国会", chair.name or "")


def test_guests_by_label_and_by_the_api(monka_record: dict[str, object]) -> None:
    guest = _tei(gijiroku.parse("○参考人（植田和男君）　お答えします。\n"))
    assert next(guest.iter(T + "u")).get("ana") == "#guest"
    speeches = monka_record["speechRecord"]
    assert isinstance(speeches, list)
    speeches[8]["speakerRole"] = "証人"
    root = _tei(gijiroku.from_kokkai(monka_record))
    anas = [u.get("ana") for u in root.iter(T + "u")]
    assert anas[7] == "#guest"  # 盛山国務大臣, a 証人 by the API
    assert anas.count("#guest") == 1


@pytest.fixture
def monka_record() -> dict[str, object]:
    (record,) = gijiroku.kokkai.meeting_records((KOKKAI[0]).read_bytes())
    return record


def _note_counts_in_xml(root: ET.Element) -> collections.Counter[str]:
    found: collections.Counter[str] = collections.Counter()
    for u in root.iter(T + "u"):
        for element in u.iter():
            tag = element.tag.removeprefix(T)
            if tag in ("note", "kinesic", "vocal", "incident"):
                found[tag] += 1
    return found


@pytest.mark.parametrize("sample", sample_paths(), ids=_name)
def test_notes_become_elements_by_kind(sample: Path) -> None:
    minutes = gijiroku.parse_file(sample)
    expected: collections.Counter[str] = collections.Counter(
        NOTE_ELEMENTS.get(n.kind, ("note", n.kind))[0] for u in minutes.utterances for n in u.notes
    )
    assert _note_counts_in_xml(_tei(minutes)) == expected


def test_note_elements_in_the_plenary(honkaigi: gijiroku.Minutes) -> None:
    root = _tei(honkaigi)
    u2 = next(u for u in root.iter(T + "u") if u.get(XML_ID, "").endswith(".u2"))
    children = [(c.tag.removeprefix(T), c.get("type")) for c in u2]
    assert children == [
        ("seg", None),
        ("seg", None),
        ("seg", None),
        ("note", "editorial"),
        ("incident", "action"),
    ]
    assert u2[4].findtext(T + "desc") == "〔石井準一君登壇、拍手〕"
    # a note inside running text stays inside its seg, without ParlaMint-foreign attributes
    inline = [s for s in root.iter(T + "seg") if s.find(T + "kinesic") is not None]
    assert inline
    kinesic = inline[0].find(T + "kinesic")
    assert kinesic is not None
    assert kinesic.attrib == {"type": "applause"}
    assert kinesic.findtext(T + "desc") == "（拍手）"
    vocal = {v.findtext(T + "desc") for v in root.iter(T + "vocal")}
    assert "〔「異議なし」と呼ぶ者あり〕" in vocal
    # events are notes with a dateTime
    events = [n for n in root.iter(T + "note") if n.find(T + "time") is not None]
    assert [(n.get("type"), n.find(T + "time").get("when")) for n in events] == [  # type: ignore[union-attr]
        ("start", "2023-11-29T17:11:00"),
        ("end", "2023-11-29T18:24:00"),
    ]


def test_movements_that_leave_or_enter() -> None:
    root = _tei(
        gijiroku.parse("○議長（山田太郎君）　はい。\n　　　〔議長退席〕\n　　　〔副議長入場〕\n")
    )
    assert [i.get("type") for i in root.iter(T + "incident")] == ["leaving", "entering"]


def _u_text(u: ET.Element) -> str:
    """The text of a ``u`` without the indentation between its children."""
    return "".join("".join(child.itertext()).strip("\n ") for child in u)


@pytest.mark.parametrize("sample", sample_paths(), ids=_name)
def test_no_text_is_lost(sample: Path) -> None:
    minutes = gijiroku.parse_file(sample)
    for indent in (True, False):
        root = _tei(minutes, indent=indent)
        texts = [_u_text(u) for u in root.iter(T + "u")]
        assert texts == [u.text.replace("\n", "") for u in minutes.utterances]


# -- sections, agenda, summary items, signatures, membership changes ----------------------------


def test_sections_become_divs(sendai_text: str) -> None:
    minutes = gijiroku.parse(sendai_text, source_name="sendai.txt")
    root = _tei(minutes)
    body = root.find(f"{T}text/{T}body")
    assert body is not None
    divs = body.findall(T + "div")
    assert [d.get("type") for d in divs] == ["debateSection"] * 6
    assert [d.get(XML_ID) for d in divs] == [None] + [f"sendai.s{k}" for k in range(1, 6)]
    assert [d.findtext(T + "head") for d in divs[1:]] == [s.title for s in minutes.sections]
    for div in divs[1:]:
        section = (div.get(XML_ID) or "").removeprefix("sendai.")
        in_div = [u.get(XML_ID) for u in div.iter(T + "u")]
        assert in_div == [f"sendai.{u.id}" for u in minutes.turns_in(section)]
    # a turn continued after a heading points back at the one before, and has no label
    u2 = next(u for u in root.iter(T + "u") if u.get(XML_ID) == "sendai.u2")
    assert u2.get("prev") == "#sendai.u1"
    speaker_notes = [n for n in root.iter(T + "note") if n.get("type") == "speaker"]
    assert len(speaker_notes) == sum(not u.continued for u in minutes.utterances)


def test_agenda_items_are_notes() -> None:
    minutes = gijiroku.parse(read_sample("diet/shugiin-monka-2023-11-01.txt"))
    root = _tei(minutes)
    agenda = [(n.get("n"), n.text) for n in root.iter(T + "note") if n.get("type") == "agenda"]
    assert [text for _, text in agenda] == ["理事の辞任及び補欠選任", "国政調査承認要求に関する件"]
    changes = [n.text for n in root.iter(T + "note") if n.get("type") == "membershipChange"]
    assert changes == [c.text for c in minutes.membership_changes]
    assert len(changes) == 11


def test_summary_items_are_notes_in_comment_sections(component_schema: Any) -> None:
    minutes = gijiroku.parse(read_sample("notes/pyconjp-board-77-2025-12-08.md"))
    root = _tei(minutes)
    divs = root.findall(f"{T}text/{T}body/{T}div")
    assert {d.get("type") for d in divs} == {"commentSection"}
    kinds = ("bullet", "paragraph", "decision", "todo")
    items = [n for n in root.iter(T + "note") if n.get("type") in kinds]
    assert len(items) == sum(len(s.items) for s in minutes.sections) == 306
    expected = [(i.kind, i.text, str(i.depth)) for s in minutes.sections for i in s.items]
    assert [(n.get("type"), n.text or "", n.get("n")) for n in items] == expected
    second = divs[1]
    assert second.findtext(T + "head") == "PyCon JP 2025"
    assert [(n.get("type"), n.text) for n in second.findall(T + "note")][:3] == [
        ("owner", "nishimotz"),
        ("tag", "高"),
        ("tag", "報告"),
    ]
    # a heading with nothing under it keeps the line as printed
    first = divs[0]
    assert [(c.tag.removeprefix(T), c.text) for c in first] == [
        ("head", "PyCon JP"),
        ("note", "## PyCon JP"),
    ]


def test_the_signature_block_is_a_note() -> None:
    minutes = gijiroku.parse(read_sample("assembly/katsushika-2025-02-14.txt"))
    root = _tei(minutes)
    (signature,) = [n for n in root.iter(T + "note") if n.get("type") == "signature"]
    assert signature.text == minutes.signatures[0].text
    assert "署名議員\u3000\u3000\u3000安西\u3000まさのぶ" in (signature.text or "")


def test_escaping_and_characters_xml_cannot_hold(component_schema: Any) -> None:
    text = "座長 <script>alert('x')</script> & \"引用\" a\x01b。\n林委員 ]]> です。"
    minutes = gijiroku.parse(text)
    xml = minutes.to_tei(published=PUBLISHED)
    _valid(component_schema, xml)
    segs = [s.text for s in ET.fromstring(xml.encode()).iter(T + "seg")]
    assert segs[0] is not None
    assert "<script>alert('x')</script> & \"引用\"" in segs[0]
    assert "\x01" not in "".join(s or "" for s in segs)
    assert segs[1] == "]]> です。"


def test_minutes_without_turns(component_schema: Any) -> None:
    xml = gijiroku.parse("").to_tei(published=PUBLISHED)
    _valid(component_schema, xml)
    body = ET.fromstring(xml.encode()).find(f"{T}text/{T}body")
    assert body is not None
    assert [d.get("type") for d in body] == ["commentSection"]


def test_output_is_deterministic(sendai_text: str) -> None:
    first = gijiroku.parse(sendai_text).to_tei(published=PUBLISHED)
    assert gijiroku.parse(sendai_text).to_tei(published=PUBLISHED) == first


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        MINUTES_LIKE,
        st.text(
            alphabet=st.sampled_from(
                list(
                    "座長林委員〔拍手〕（）「」<>&\"' \n\u3000○◯議長君番\x0b\x1f#*-日程第１令和5年1月2日午後時分開会"
                )
            ),
            max_size=80,
        ),
    )
)
def test_any_text_gives_valid_tei(text: str) -> None:
    minutes = gijiroku.parse(text)
    _valid(_schema("ParlaMint-TEI.rng"), minutes.to_tei(published=PUBLISHED))


# -- the corpus ------------------------------------------------------------------------------------


def _second_sitting(text: str) -> str:
    """The sendai council's next sitting: the same members, another number and date."""
    second = text.replace("（第 2回）", "（第 3回）").replace("2 月 8 日（月）", "3 月 14 日（月）")
    assert second != text
    return second


def _references(root: ET.Element) -> set[str]:
    found: set[str] = set()
    for element in root.iter():
        for name in ("who", "ana", "corresp", "ref", "prev", "next"):
            found.update(t[1:] for t in (element.get(name) or "").split())
    return found


def test_a_two_sitting_corpus(tmp_path: Path, sendai_text: str, lists_schema: Any) -> None:
    component_schema = _schema("ParlaMint-TEI.rng")
    first = gijiroku.parse(sendai_text, source_name="sendai-2016-02-08.txt")
    second = gijiroku.parse(_second_sitting(sendai_text), source_name="sendai-2016-03-14.txt")
    assert second.meeting.date == dt.date(2016, 3, 14)
    corpus = write_corpus([first, second], tmp_path / "out", published=PUBLISHED)
    assert corpus.root == tmp_path / "out" / "ParlaMint-JP.xml"
    assert [p.name for p in corpus.components] == [
        "sendai-2016-02-08.xml",
        "sendai-2016-03-14.xml",
    ]
    components = [p.read_bytes() for p in corpus.components]
    for data in components:
        _valid(component_schema, data)
    root = ET.fromstring(corpus.root.read_bytes())
    assert root.tag == T + "teiCorpus"
    includes = [e.get("href") for e in root if e.tag == "{http://www.w3.org/2001/XInclude}include"]
    assert includes == [p.name for p in corpus.components]
    lxml_root = etree.fromstring(corpus.root.read_bytes())
    for tag in ("listPerson", "listOrg", "taxonomy"):
        parts = lxml_root.findall(f".//{T}{tag}")
        assert parts
        for part in parts:
            assert lists_schema.validate(etree.ElementTree(part)), lists_schema.error_log
    # the same member is the same person in both sittings: one person, seen on two dates
    whos = [{u.get("who") for u in ET.fromstring(data).iter(T + "u")} for data in components]
    assert whos[0] == whos[1]
    chair = person_id("仙台市情報化推進会議", "曽根")
    assert f"#{chair}" in whos[0]
    persons = {p.get(XML_ID): p for p in root.iter(T + "person")}
    assert len(persons) == corpus.persons
    sone = persons[chair]
    assert sone.findtext(f"{T}persName/{T}term") == "曽根"
    roles = {
        (a.get("role"), a.findtext(T + "roleName"), a.get("from"), a.get("to"))
        for a in sone.iter(T + "affiliation")
    }
    assert ("head", "座長", "2016-02-08", "2016-03-14") in roles
    # every reference resolves in the corpus
    ids = {e.get(XML_ID) for e in root.iter()}
    for data in components:
        component = ET.fromstring(data)
        local = {e.get(XML_ID) for e in component.iter()}
        assert _references(component) <= ids | local
    assert _references(root) <= ids
    orgs = {o.get(XML_ID): o for o in root.iter(T + "org")}
    assert [o.findtext(T + "orgName") for o in orgs.values()] == ["仙台市情報化推進会議"]
    assert corpus.organisations == 1


def test_diet_corpus_names_and_groups(tmp_path: Path, lists_schema: Any) -> None:
    docs = [gijiroku.from_kokkai(p.read_bytes()) for p in KOKKAI]
    docs.append(gijiroku.parse(read_sample("diet/sangiin-zaisei-2024-08-23.txt")))
    corpus = write_corpus(docs, tmp_path, published=PUBLISHED)
    root = ET.fromstring(corpus.root.read_bytes())
    persons = {
        "".join(p.find(T + "persName").itertext()): p  # type: ignore[union-attr]
        for p in root.iter(T + "person")
    }
    # split where a roster prints the name apart, whole where it does not
    ikeda = persons["池田佳隆"].find(T + "persName")
    assert ikeda is not None
    assert (ikeda.findtext(T + "surname"), ikeda.findtext(T + "forename")) == ("池田", "佳隆")
    assert persons["田野瀬太道"].findtext(f"{T}persName/{T}term") == "田野瀬太道"
    moriyama = persons["盛山正仁"]
    readings = [n for n in moriyama.findall(T + "persName") if n.get(XML_LANG) == "ja-Hira"]
    assert [n.findtext(T + "term") for n in readings] == ["もりやままさひと"]
    orgs = {o.get(XML_ID): (o.get("role"), o.findtext(T + "orgName")) for o in root.iter(T + "org")}
    by_name = {name: (ident, role) for ident, (role, name) in orgs.items()}
    assert by_name["国会"][1] == "parliament"
    assert by_name["衆議院"][1] == "parliament"
    assert by_name["文部科学委員会"][1] == "committee"
    assert by_name["自由民主党・無所属の会"][1] == "parliamentaryGroup"
    assert by_name["内閣"][1] == "government"
    refs = {(a.get("role"), a.get("ref")) for a in moriyama.iter(T + "affiliation")}
    assert ("minister", f"#{by_name['内閣'][0]}") in refs
    assert ("member", f"#{by_name['自由民主党・無所属の会'][0]}") in refs
    # 足立敏之 chairs 財政金融委員会 and speaks in the plenary: one person across the Diet
    adachi = [p for name, p in persons.items() if name.replace(" ", "") == "足立敏之"]
    assert len(adachi) == 1
    for tag in ("listPerson", "listOrg"):
        (part,) = etree.fromstring(corpus.root.read_bytes()).findall(f".//{T}{tag}")
        assert lists_schema.validate(etree.ElementTree(part)), lists_schema.error_log


def test_corpus_of_parse_results_and_duplicate_names(tmp_path: Path, sendai_text: str) -> None:
    results = list(
        gijiroku.parse_many(
            [("a.txt", sendai_text), ("bad", b"%PDF-1.4"), ("a.txt", "座長 はい。")], jobs=1
        )
    )
    corpus = write_corpus(results, tmp_path, published=PUBLISHED, corpus_id="test-corpus")
    assert corpus.root.name == "test-corpus.xml"
    names = [p.name for p in corpus.components]
    assert names[0] == "a.xml"
    second = results[2].minutes
    assert second is not None
    assert names[1] == f"a-{second.source.sha256[:8]}.xml"  # a name used twice
    with pytest.raises(TypeError):
        write_corpus([42], tmp_path)  # type: ignore[list-item]


@pytest.mark.parametrize(
    ("name", "entry", "split"),
    [
        ("池田佳隆", "理事　池田　佳隆君", ("池田", "佳隆")),  # diet/shugiin-monka: one gap
        ("吉原修", "委員長吉原　　修君", ("吉原", "修")),  # assembly/tokyo-rwc: a wide gap
        ("茂木修", "茂　木　　　修", ("茂木", "修")),  # letter-spaced, one gap wider
        ("むらまつ勝康", "1番\u3000\u3000むらまつ\u3000勝康", ("むらまつ", "勝康")),  # katsushika
        ("田野瀬太道", "委員長　田野瀬太道君", None),  # printed whole
        ("吉田崇仁", "1番\u3000吉\u3000田\u3000崇\u3000仁", None),  # hakodate: letter by letter
        ("つたえりな", "3番\u3000\u3000つ\u3000た\u3000えりな", None),  # katsushika: ambiguous
        ("曽根", "曽根委員(座長)", None),  # a surname only
    ],
)
def test_names_split_where_the_roster_prints_them_apart(
    name: str, entry: str, split: tuple[str, str] | None
) -> None:
    from gijiroku.tei import _split_name

    assert _split_name(name, entry) == split
