"""NDL Kokkai API records: from_kokkai against parse of the same text, the lossless way back
(to_meeting_record, to_kokkai_records), and malformed input."""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gijiroku
from gijiroku import GijirokuWarning, ParseError
from gijiroku.kokkai import (
    HEADER_SPEAKER,
    kokkai_text,
    meeting_records,
    to_kokkai_records,
    to_meeting_record,
)
from tests.conftest import SAMPLES, read_sample
from tests.test_invariants import MINUTES_LIKE

PAIRS = [
    ("kokkai-api/121205124X00120231101.xml", "diet/shugiin-monka-2023-11-01.txt"),
    ("kokkai-api/121215254X00720231129.xml", "diet/sangiin-honkaigi-2023-11-29.txt"),
]
#: Every field of a speechRecord, in the API's order.
FIELDS = [
    "speechID",
    "speechOrder",
    "speaker",
    "speakerYomi",
    "speakerGroup",
    "speakerPosition",
    "speakerRole",
    "speech",
    "startPage",
    "createTime",
    "updateTime",
    "speechURL",
]


def _xml(relative: str) -> str:
    return (SAMPLES / relative).read_text(encoding="utf-8")


def _api_speeches(xml: str) -> list[dict[str, str]]:
    root = ET.fromstring(xml)
    return [{c.tag: c.text or "" for c in sr} for sr in root.iter("speechRecord")]


def _as_json(xml: str) -> dict[str, object]:
    """The XML record as the JSON API gives it (numbers as numbers, null for nothing)."""
    (record,) = meeting_records(xml)
    record = copy.deepcopy(record)
    for name in ("session", "searchObject"):
        record[name] = int(str(record[name]))
    for name in ("closing", "pdfURL"):
        record[name] = record[name] or None
    for speech in record["speechRecord"]:  # type: ignore[attr-defined]
        speech["speechOrder"] = int(speech["speechOrder"])
        speech["startPage"] = int(speech["startPage"])
        for name in ("speakerYomi", "speakerGroup", "speakerPosition", "speakerRole"):
            speech[name] = speech[name] or None
    return record


def _records() -> list[dict[str, object]]:
    """Every meeting record of the bundled API samples, as meeting_records returns it."""
    return [r for xml_path, _ in PAIRS for r in meeting_records(_xml(xml_path))]


@pytest.fixture(scope="module")
def monka_xml() -> str:
    return _xml(PAIRS[0][0])


@pytest.mark.parametrize(("xml_path", "text_path"), PAIRS)
def test_kokkai_text_is_the_ndl_text(xml_path: str, text_path: str) -> None:
    assert kokkai_text(_xml(xml_path)) == read_sample(text_path)


@pytest.mark.parametrize(("xml_path", "text_path"), PAIRS)
def test_from_kokkai_agrees_with_parse(xml_path: str, text_path: str) -> None:
    xml = _xml(xml_path)
    api = gijiroku.from_kokkai(xml)
    text = gijiroku.parse(read_sample(text_path))
    assert len(api.utterances) == len(text.utterances)
    for a, t in zip(api.utterances, text.utterances, strict=True):
        assert (a.speaker.label, a.speaker.name, a.speaker.role) == (
            t.speaker.label,
            t.speaker.name,
            t.speaker.role,
        )
        assert (a.speaker_id, a.text, a.notes, a.span) == (t.speaker_id, t.text, t.notes, t.span)
    assert api.members == text.members
    assert api.sections == text.sections
    assert not [d for d in api.diagnostics if d.code == "kokkai-mismatch"]
    # the speakers' API fields, speech by speech (record 0 is the header)
    speeches = _api_speeches(xml)
    assert speeches[0]["speaker"] == "会議録情報"
    for u, s in zip(api.utterances, speeches[1:], strict=True):
        assert u.speaker.name == s["speaker"]
        assert u.speaker.yomi == s["speakerYomi"]
        assert u.speaker.affiliation == (s["speakerGroup"] or None)
        assert u.speaker.title == (s["speakerPosition"] or None)


def test_from_kokkai_meeting_and_speakers(monka_xml: str) -> None:
    m = gijiroku.from_kokkai(monka_xml)
    assert m.source.name == "121205124X00120231101"
    assert m.source.format == "diet"
    meeting = m.meeting
    assert (meeting.session, meeting.house, meeting.body, meeting.number) == (
        212,
        "衆議院",
        "文部科学委員会",
        1,
    )
    assert meeting.date is not None
    assert meeting.date.isoformat() == "2023-11-01"
    minister = m.utterances[7].speaker
    assert (minister.label, minister.name, minister.yomi, minister.title) == (
        "盛山国務大臣",
        "盛山正仁",
        "もりやままさひと",
        "文部科学大臣",
    )
    assert minister.affiliation == "自由民主党・無所属の会"
    assert m.utterances[13].speaker.title == "文部科学大臣政務官・復興大臣政務官"
    # the session now comes from the API: the text parse's inference note is gone
    assert [d.code for d in gijiroku.parse(kokkai_text(monka_xml)).diagnostics] == [
        "session-from-date"
    ]
    assert m.diagnostics == ()
    assert m.unaccounted(kokkai_text(monka_xml)) == []


def test_from_kokkai_json_round_trip(monka_xml: str) -> None:
    m = gijiroku.from_kokkai(monka_xml)
    data = json.loads(m.to_json())
    assert data["utterances"][7]["speaker"]["yomi"] == "もりやままさひと"
    assert data["utterances"][0]["speaker"]["title"] is None  # 委員長: no speakerPosition
    assert gijiroku.Minutes.model_validate_json(m.to_json()) == m


def test_text_parse_leaves_api_fields_empty() -> None:
    # every speaker has the same keys; the reading, title and affiliation come only from the API
    d = gijiroku.parse(read_sample("diet/shugiin-monka-2023-11-01.txt")).model_dump(mode="json")
    speaker = d["utterances"][0]["speaker"]
    assert set(speaker) == {
        "label", "name", "role", "mark", "seat", "honorific", "yomi", "title", "affiliation"}  # fmt: skip
    assert (speaker["yomi"], speaker["title"], speaker["affiliation"]) == (None, None, None)


@pytest.mark.parametrize("form", ["dict", "response", "json-text", "bytes", "data-xml"])
def test_input_forms_give_the_same_minutes(monka_xml: str, form: str) -> None:
    record = _as_json(monka_xml)
    data: object
    if form == "dict":
        data = record
    elif form == "response":
        data = {"numberOfRecords": 1, "numberOfReturn": 1, "meetingRecord": [record]}
    elif form == "json-text":
        data = json.dumps({"meetingRecord": [record]}, ensure_ascii=False)
    elif form == "bytes":
        data = monka_xml.encode("utf-8")
    else:
        body = monka_xml.split("?>", 1)[1]
        data = (
            "<data><numberOfRecords>1</numberOfRecords><meetingRecords>"
            f"{body}</meetingRecords></data>"
        )
    from_data = gijiroku.from_kokkai(data)
    from_xml = gijiroku.from_kokkai(monka_xml)
    source = from_data.source.model_copy(update={"kokkai": None})
    assert from_data.model_copy(update={"source": source}) == from_xml.model_copy(
        update={"source": from_xml.source.model_copy(update={"kokkai": None})}
    )
    # the record as served differs only where JSON has numbers and XML text
    served, served_xml = from_data.source.kokkai, from_xml.source.kokkai
    assert served is not None
    assert served_xml is not None
    xml_forms = ("bytes", "data-xml")
    assert (served.session, served_xml.session) == (
        ("212",) * 2 if form in xml_forms else (212, "212")
    )


def test_several_meetings(monka_xml: str) -> None:
    other = _xml(PAIRS[1][0])
    response = {"meetingRecord": [_as_json(monka_xml), _as_json(other)]}
    with pytest.raises(ParseError, match="holds 2 meetings"):
        gijiroku.from_kokkai(response)
    both = [gijiroku.from_kokkai(r) for r in meeting_records(response)]
    assert [m.meeting.body for m in both] == ["文部科学委員会", "本会議"]


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ("<meetingRecord><speechRecord>", "not well-formed"),
        ("not json, not xml", "neither JSON nor XML"),
        ("[1, 2]", "must be an object"),
        ({"foo": 1}, "not a Kokkai meeting record"),
        ({"message": "検索条件が不正です。"}, "answered with an error: 検索条件が不正です。"),
        ("<data><message>検索条件が不正です。</message></data>", "answered with an error"),
        ("<data><numberOfRecords>0</numberOfRecords></data>", "no <meetingRecord>"),
        ({"meetingRecord": []}, "no meetingRecord"),
        ({"meetingRecord": "x"}, "must be a list"),
        ({"issueID": "1", "speechRecord": []}, "no speechRecord"),
        ({"speechRecord": [{"speaker": "会議録情報"}]}, "no 'speech' text"),
        ({"speechRecord": ["○議長　はい。"]}, "must be an object"),
        ({"speechRecord": [{"speech": "○議長　はい。", "speaker": {"x": 1}}]}, "must be text"),
        ({"speechRecord": [{"speech": "○議長　はい。"}], "date": "令和5年"}, "no ISO date"),
        (b"\xff\xfe<", "UTF-8"),
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><meetingRecord/>',
            "document type declaration",
        ),
    ],
)
def test_malformed_input_raises_parse_error(data: object, match: str) -> None:
    with pytest.raises(ParseError, match=match) as caught:
        gijiroku.from_kokkai(data)  # type: ignore[arg-type]
    assert isinstance(caught.value, gijiroku.GijirokuError)
    assert isinstance(caught.value, ValueError)
    assert caught.value.__cause__ is None  # no chained traceback from json or expat


@pytest.mark.parametrize("bad", [None, 42, ["<meetingRecord/>"], object()])
def test_wrong_type_is_a_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        gijiroku.from_kokkai(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        gijiroku.from_kokkai({"speechRecord": [{"speech": "x"}]}, source_name=1)  # type: ignore[arg-type]


def _edited(xml: str, order: int, **changes: str) -> dict[str, object]:
    record = _as_json(xml)
    speeches = record["speechRecord"]
    assert isinstance(speeches, list)
    speeches[order].update(changes)
    return record


def test_mismatched_speaker_name_is_diagnosed(monka_xml: str) -> None:
    m = gijiroku.from_kokkai(_edited(monka_xml, 8, speaker="別人太郎"))
    u = m.utterances[7]
    assert u.speaker.name == "別人太郎"  # the API's name is kept
    assert u.speaker_id == "m45"  # no member of that name: the text's link stays
    found = [d for d in m.diagnostics if d.code == "kokkai-mismatch"]
    assert [d.severity for d in found] == ["warning", "warning"]
    assert "the text reads 盛山正仁, the API says 別人太郎" in found[0].message
    assert found[0].span == u.span
    assert "resolves to 盛山正仁 (m45)" in found[1].message


def test_api_names_resolve_what_the_text_could_not(monka_xml: str) -> None:
    record = _edited(
        monka_xml,
        19,
        speech="○太郎委員　次回は、公報をもってお知らせいたします。",
        speaker="宮本岳志",
    )
    text_only = gijiroku.parse(kokkai_text(record))
    assert text_only.utterances[18].speaker_id is None
    assert "unresolved-speaker" in [d.code for d in text_only.diagnostics]
    m = gijiroku.from_kokkai(record)
    member = next(x for x in m.members if x.name == "宮本岳志")
    assert m.utterances[18].speaker_id == member.id
    codes = [d.code for d in m.diagnostics]
    assert "unresolved-speaker" not in codes
    assert "speaker-from-kokkai" in codes


def test_speech_that_is_no_turn_is_diagnosed(monka_xml: str) -> None:
    m = gijiroku.from_kokkai(_edited(monka_xml, 9, speech="次に、青山文部科学副大臣。"))
    found = [d for d in m.diagnostics if d.code == "kokkai-mismatch"]
    assert len(m.utterances) == 18
    assert any("speech 9 (田野瀬太道) is no turn" in d.message for d in found)
    assert any("the API lists 19 speeches, the text reads as 18 turns" in d.message for d in found)
    # the speeches after it still get their own speakers
    assert m.utterances[8].speaker.name == "青山周平"


def test_meeting_mismatch_keeps_the_text(monka_xml: str) -> None:
    record = _as_json(monka_xml)
    record["date"] = "2023-11-02"
    record["nameOfMeeting"] = "予算委員会"
    m = gijiroku.from_kokkai(record)
    assert m.meeting.date is not None
    assert m.meeting.date.isoformat() == "2023-11-01"
    assert m.meeting.body == "文部科学委員会"
    messages = [d.message for d in m.diagnostics if d.code == "kokkai-mismatch"]
    assert messages == [
        "meeting body: the text reads 文部科学委員会, the API says 予算委員会; "
        "the text's reading is kept",
        "meeting date: the text reads 2023-11-01, the API says 2023-11-02; "
        "the text's reading is kept",
    ]


def test_api_fills_what_the_text_lacks() -> None:
    record = {
        "issueID": "X",
        "session": 213,
        "nameOfHouse": "参議院",
        "nameOfMeeting": "財政金融委員会",
        "issue": "第3号",
        "date": "2024-06-11",
        "speechRecord": [
            {"speechOrder": 1, "speaker": "山田太郎", "speech": "○山田太郎君　質問します。"}
        ],
    }
    m = gijiroku.from_kokkai(record)
    assert (m.meeting.session, m.meeting.house, m.meeting.body, m.meeting.number) == (
        213,
        "参議院",
        "財政金融委員会",
        3,
    )
    assert m.meeting.date is not None
    assert m.meeting.date.isoformat() == "2024-06-11"
    assert m.utterances[0].speaker.name == "山田太郎"
    assert m.utterances[0].speaker.yomi is None


def test_on_issue(monka_xml: str) -> None:
    record = _edited(monka_xml, 8, speaker="別人太郎")
    with pytest.raises(ParseError, match="kokkai-mismatch") as caught:
        gijiroku.from_kokkai(record, on_issue="raise")
    assert [d.code for d in caught.value.diagnostics] == ["kokkai-mismatch", "kokkai-mismatch"]
    with pytest.warns(GijirokuWarning, match="kokkai-mismatch"):
        gijiroku.from_kokkai(record, on_issue="warn")


# -- back to the API: to_meeting_record, to_kokkai_records --------------------------------------


@pytest.mark.parametrize("record", _records(), ids=lambda r: str(r["issueID"]))
def test_every_record_comes_back_field_for_field(record: dict[str, object]) -> None:
    m = gijiroku.from_kokkai(record)
    text = kokkai_text(record)
    back = to_meeting_record(m, text)
    assert back == record
    assert list(back) == list(record)  # in the API's order too
    speeches = record["speechRecord"]
    assert isinstance(speeches, list)
    for mine, theirs in zip(back["speechRecord"], speeches, strict=True):
        assert list(mine) == FIELDS
        assert all(mine[name] == theirs[name] for name in FIELDS)  # type: ignore[literal-required]
    # the JSON of the minutes keeps it all
    again = gijiroku.Minutes.model_validate_json(m.to_json())
    assert again == m
    assert to_meeting_record(again, text) == record
    assert '"kokkai"' in m.to_json()


@pytest.mark.parametrize("xml_path", [x for x, _ in PAIRS])
def test_json_records_come_back_as_json(xml_path: str) -> None:
    record = _as_json(_xml(xml_path))
    m = gijiroku.from_kokkai(record)
    back = to_meeting_record(m, kokkai_text(record))
    assert back == record
    assert back["session"] == 212
    assert back["closing"] is None
    assert back["speechRecord"][0]["speechOrder"] == 0
    assert back["speechRecord"][0]["speakerYomi"] is None


def test_the_record_as_served(monka_xml: str) -> None:
    m = gijiroku.from_kokkai(monka_xml)
    served = m.source.kokkai
    assert served is not None
    assert (served.issue_id, served.image_kind, served.search_object, served.closing) == (
        "121205124X00120231101",
        "会議録",
        "0",
        "",
    )
    assert served.meeting_url == "https://kokkai.ndl.go.jp/txt/121205124X00120231101"
    assert len(served.speeches) == 20
    header, minister = served.speeches[0], served.speeches[8]
    assert (header.speaker, header.utterance_id, header.span.start) == (HEADER_SPEAKER, None, 0)
    assert minister.speech_id == "121205124X00120231101_008"
    assert (minister.start_page, minister.create_time, minister.update_time) == (
        "16",
        "2023-12-18 23:05:12",
        "2023-12-19 10:12:39",
    )
    assert minister.speech_url == "https://kokkai.ndl.go.jp/txt/121205124X00120231101/8"
    assert minister.utterance_id == "u8"
    text = kokkai_text(monka_xml)
    assert minister.span.slice(text).startswith("○盛山国務大臣　第二百十二回国会において")
    u8 = next(u for u in m.utterances if u.id == "u8")
    assert u8.span.start == minister.span.start
    # a text parse has no such record, and its JSON no key for one
    plain = gijiroku.parse(text)
    assert plain.source.kokkai is None
    assert "kokkai" not in plain.model_dump(mode="json")["source"]


def test_the_api_role_is_kept_beside_the_label_role(monka_xml: str) -> None:
    # a 参考人 the API names whose label says 委員: the label's role stays, the API's is kept
    m = gijiroku.from_kokkai(_edited(monka_xml, 8, speakerRole="参考人"))
    assert m.utterances[7].speaker.role == "国務大臣"
    served = m.source.kokkai
    assert served is not None
    assert served.speeches[8].speaker_role == "参考人"
    records = to_kokkai_records(m)
    assert records[7]["speakerRole"] == "参考人"
    assert to_meeting_record(m)["speechRecord"][8]["speakerRole"] == "参考人"


def test_unknown_fields_and_speeches_that_are_no_turn_come_back(monka_xml: str) -> None:
    record = _edited(monka_xml, 9, speech="次に、青山文部科学副大臣。", speakerID="X9")
    record["meetingKind"] = {"nested": [1, "二"]}
    m = gijiroku.from_kokkai(record)
    assert len(m.utterances) == 18  # speech 9 reads as no turn
    served = m.source.kokkai
    assert served is not None
    assert served.speeches[9].utterance_id is None
    assert [(f.name, f.json_value) for f in served.speeches[9].other] == [("speakerID", '"X9"')]
    assert to_meeting_record(m, kokkai_text(record)) == record
    assert gijiroku.Minutes.model_validate_json(m.to_json()) == m


def test_records_of_api_minutes(monka_xml: str) -> None:
    m = gijiroku.from_kokkai(monka_xml)
    records = m.to_kokkai_records(kokkai_text(monka_xml))
    api = _api_speeches(monka_xml)
    assert records == api[1:]  # every field as served; record 0 only on request
    assert [list(r) for r in records] == [FIELDS] * 19
    with_header = m.to_kokkai_records(kokkai_text(monka_xml), header=True)
    assert with_header == api
    r = records[7]
    assert (r["speaker"], r["speakerYomi"], r["speakerGroup"], r["speakerPosition"]) == (
        "盛山正仁",
        "もりやままさひと",
        "自由民主党・無所属の会",
        "文部科学大臣",
    )
    json.dumps(records, ensure_ascii=False)


def test_records_rebuilt_without_text() -> None:
    xml = _xml(PAIRS[1][0])
    m = gijiroku.from_kokkai(xml)
    records = m.to_kokkai_records()
    api = _api_speeches(xml)[1:]
    # rebuilt in the NDL's layout: ○label　, paragraphs indented, stage directions by three
    assert records[3]["speech"] == api[3]["speech"]
    assert records[0]["speech"] == api[0]["speech"]
    assert (
        records[10]["speech"]
        == "○議長（尾辻秀久君）\u3000足立敏之君。\n\u3000\u3000\u3000〔足立敏之君登壇、拍手〕"
    )
    assert records[10]["speechID"] == api[10]["speechID"]  # the other fields as served
    header = m.to_kokkai_records(header=True)[0]
    assert (header["speechOrder"], header["speaker"]) == ("0", "会議録情報")
    assert header["speech"].startswith("令和五年十一月二十九日（水曜日）\n午後五時十一分開議\n━━")
    assert "\n一、日程第一及び第二\n" in header["speech"]


def test_records_of_a_text_parse() -> None:
    text = read_sample("diet/sangiin-zaisei-2024-08-23.txt")
    m = gijiroku.parse(text)
    records = m.to_kokkai_records(text)
    assert len(records) == len(m.utterances)
    first = records[0]
    assert list(first) == FIELDS
    assert first["speech"].startswith("○")
    assert first["speechOrder"] == 1
    assert first["speakerYomi"] is first["speakerGroup"] is first["speakerPosition"] is None
    assert first["speechID"] is None
    assert all(r["speaker"] for r in records)
    roles = gijiroku.parse("○参考人（植田和男君）　お答えします。\n").to_kokkai_records()
    assert (roles[0]["speaker"], roles[0]["speakerRole"]) == ("植田和男", "参考人")


def test_meeting_record_of_a_text_parse() -> None:
    text = read_sample("diet/shugiin-monka-2023-11-01.txt")
    m = gijiroku.parse(text)
    record = to_meeting_record(m, text)
    assert list(record) == [
        "issueID", "imageKind", "searchObject", "session", "nameOfHouse", "nameOfMeeting",
        "issue", "date", "closing", "speechRecord", "meetingURL", "pdfURL",
    ]  # fmt: skip
    assert (record["session"], record["nameOfHouse"], record["nameOfMeeting"]) == (
        212,
        "衆議院",
        "文部科学委員会",
    )
    assert (record["issue"], record["date"], record["issueID"]) == ("第1号", "2023-11-01", None)
    speeches = record["speechRecord"]
    assert [s["speechOrder"] for s in speeches] == list(range(20))
    assert speeches[0]["speaker"] == HEADER_SPEAKER
    # read back, it is the same text and the same turns
    again = gijiroku.from_kokkai(record)
    assert kokkai_text(record) == text
    assert [u.text for u in again.utterances] == [u.text for u in m.utterances]


def test_records_bad_text(monka_xml: str) -> None:
    m = gijiroku.from_kokkai(monka_xml)
    with pytest.raises(ValueError, match="parsed from"):
        m.to_kokkai_records("短すぎる")
    with pytest.raises(ValueError, match="parsed from"):
        to_meeting_record(m, "短すぎる")
    with pytest.raises(TypeError):
        m.to_kokkai_records(b"bytes")  # type: ignore[arg-type]


# -- hostile input (issue 16) ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ("[" * 100_000, "nested too deeply"),
        ('{"a":' * 100_000, "nested too deeply"),
        ('{"speechRecord": [{"speechOrder": ' + "1" * 5000 + ', "speech": "x"}]}', "neither"),
        ({"speechRecord": [{"speechOrder": "1" * 5000, "speech": "○議長　はい。"}]}, "digits"),
        ({"speechRecord": [{"speech": "○議長　はい。"}], "session": "9" * 5000}, "digits"),
        (
            {"speechRecord": [{"speech": "○議長　はい。"}], "issue": "第" + "9" * 50 + "号"},
            "digits",
        ),
        ("https://kokkai.ndl.go.jp/api/meeting?issueID=1", "fetch"),
        ("<a>" * 50_000 + "</a>" * 50_000, "no <meetingRecord>"),
        ({"speechRecord": [{"speech": "x", "speechID": float("nan")}]}, "must be text or a num"),
        ({"speechRecord": [{"speech": "x"}], "extra": {1, 2}}, "holds what JSON cannot"),
    ],
)
def test_hostile_input_gives_a_parse_error(data: object, match: str) -> None:
    with pytest.raises(ParseError, match=match) as caught:
        gijiroku.from_kokkai(data)  # type: ignore[arg-type]
    assert isinstance(caught.value, gijiroku.GijirokuError)


def test_numbers_within_bounds_are_read() -> None:
    record = {
        "session": "２１２",
        "issue": "第十二号",
        "speechRecord": [{"speechOrder": "999999999", "speech": "○議長（山田太郎君）　はい。"}],
    }
    m = gijiroku.from_kokkai(record)
    assert (m.meeting.session, m.meeting.number) == (212, 12)


# -- any record comes back ------------------------------------------------------------------------

_VALUE = st.one_of(st.none(), st.text(max_size=6), st.integers(0, 10**6))
_SPEECH = st.fixed_dictionaries(
    {
        "speechID": _VALUE,
        "speechOrder": st.one_of(st.integers(0, 60), st.integers(0, 60).map(str)),
        "speaker": _VALUE,
        "speakerYomi": _VALUE,
        "speakerGroup": _VALUE,
        "speakerPosition": _VALUE,
        "speakerRole": st.sampled_from([None, "", "参考人", "証人"]),
        "speech": MINUTES_LIKE,
        "startPage": _VALUE,
        "createTime": _VALUE,
        "updateTime": _VALUE,
        "speechURL": _VALUE,
    },
    optional={"speakerID": _VALUE},
)
_RECORD = st.fixed_dictionaries(
    {
        "issueID": _VALUE,
        "imageKind": _VALUE,
        "searchObject": _VALUE,
        "session": st.one_of(st.none(), st.integers(1, 300), st.integers(1, 300).map(str)),
        "nameOfHouse": st.sampled_from([None, "", "衆議院", "参議院"]),
        "nameOfMeeting": _VALUE,
        "issue": st.sampled_from([None, "", "第1号", "第十二号", "号外"]),
        "date": st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())),
        "closing": _VALUE,
        "speechRecord": st.lists(_SPEECH, min_size=1, max_size=6),
        "meetingURL": _VALUE,
        "pdfURL": _VALUE,
    },
    optional={"meetingKind": st.one_of(_VALUE, st.lists(_VALUE, max_size=2))},
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_RECORD)
def test_any_record_comes_back(record: dict[str, object]) -> None:
    m = gijiroku.from_kokkai(record)
    text = kokkai_text(record)
    assert m.unaccounted(text) == []
    assert to_meeting_record(m, text) == record
    again = gijiroku.Minutes.model_validate_json(m.to_json())
    assert to_meeting_record(again, text) == record
