"""The family contract: a family defined here, in the test file, registered and used without
touching ``src/``; definition-time checks; the registry's order, entry points and reprs."""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

import pytest
import regex

import gijiroku
from gijiroku import formats as registry
from gijiroku.blocks import (
    Block,
    BlockKind,
    BlockMeta,
    HeaderMeta,
    HeaderName,
    NoteMeta,
    SectionMeta,
    TurnMeta,
)
from gijiroku.formats.base import Format, Rule
from gijiroku.resolve import LabelParts

ROOT = Path(__file__).resolve().parent.parent

# -- a family of its own: a timestamped transcript ------------------------------------------

TITLE_RE = regex.compile(r"#\s*(?P<value>.+)")
#: [00:01:23] 山田（委員長）: それでは始めます。
LINE_RE = regex.compile(
    r"\[(?P<clock>\d\d:\d\d:\d\d)\]\s*(?P<name>[^（(:：\s]+)(?:[（(](?P<role>[^）)]+)[）)])?"
    r"\s*[:：]\s*(?P<text>.+)"
)
TOPIC_RE = regex.compile(r"==\s*(?P<title>.+?)\s*==")
BREAK_RE = regex.compile(r"\*\*\s*(?P<text>休憩|再開)\s*\*\*")


def _label(groups: Mapping[str, str]) -> BlockMeta:
    return TurnMeta(enrol=True)


class Transcript(Format):
    """A speech-recognition transcript with a time stamp and the speaker on every line."""

    name = "transcript"
    description = "Time-stamped transcripts: [hh:mm:ss] name（role）: text"
    example = "[00:01:23] 山田（委員長）: それでは始めます。"
    body_rules = (
        Rule("topic", BlockKind.SECTION, TOPIC_RE, meta=SectionMeta()),
        Rule("break", BlockKind.NOTE, BREAK_RE, meta=NoteMeta(kind="recess")),
        Rule(
            "line",
            BlockKind.TURN,
            regex.compile(rf"(?P<label>{LINE_RE.pattern})"),
            derive=_label,
            ends_header=True,
        ),
    )
    header_rules = (
        Rule("title", BlockKind.HEADER, TITLE_RE, meta=HeaderMeta(name=HeaderName.TITLE)),
        *body_rules,
    )

    def looks_like(self, head: str) -> float:
        lines = [ln for ln in head.splitlines() if ln.strip()]
        stamped = sum(1 for ln in lines if ln.startswith("[") and LINE_RE.fullmatch(ln))
        return min(1.0, stamped / max(len(lines), 1) * 1.2)

    def read_label(self, block: Block, known_titles: Collection[str]) -> LabelParts:
        """The name and role come from the line's own groups: no second reading."""
        line = LINE_RE.fullmatch(block.groups["label"])
        assert line is not None
        return LabelParts(
            mark=None,
            printed=f"{line['name']}（{line['role']}）" if line["role"] else line["name"],
            name=line["name"],
            role=line["role"],
        )


TEXT = """# 第3回 まちづくり懇談会
[00:00:05] 山田（委員長）: それでは始めます。
[00:00:12] 佐藤: 資料について質問があります。
== 議題1 公園の整備 ==
[00:03:40] 鈴木（課長）: ご説明します。
** 休憩 **
[00:10:02] 佐藤: ありがとうございました。
"""


@pytest.fixture
def transcript() -> Iterator[Transcript]:
    family = Transcript()
    gijiroku.register_format(family, priority=50)
    try:
        yield family
    finally:
        gijiroku.unregister_format("transcript")


def test_a_family_defined_outside_the_library_is_detected(transcript: Transcript) -> None:
    found = gijiroku.detect_format(TEXT)
    assert (found.name, found.format) == ("transcript", transcript)
    assert found.score == pytest.approx(4 / 7 * 1.2)  # 4 stamped lines of 7
    assert found.runner_up is not None
    assert found.runner_up_score < found.score
    assert "transcript" in gijiroku.FORMATS


def test_a_family_defined_outside_the_library_parses_with_its_own_labels(
    transcript: Transcript,
) -> None:
    m = gijiroku.parse(TEXT)
    assert m.source.format == "transcript"
    assert m.meeting.title == "第3回 まちづくり懇談会"
    assert m.meeting.number == 3
    assert [(u.speaker.name, u.speaker.role, u.text) for u in m.utterances] == [
        ("山田", "委員長", "それでは始めます。"),
        ("佐藤", None, "資料について質問があります。"),
        ("鈴木", "課長", "ご説明します。"),
        ("佐藤", None, "ありがとうございました。"),
    ]
    assert [u.section_id for u in m.utterances] == [None, None, "s1", "s1"]
    assert m.sections[0].title == "議題1公園の整備"  # clean_text: no space after a digit
    assert [(e.kind, e.text, e.span.line_start) for e in m.events] == [("recess", "休憩", 6)]
    # enrolled from their labels: one member each, the same member for both of 佐藤's turns
    assert [mem.name for mem in m.members] == ["山田", "佐藤", "鈴木"]
    assert m.utterances[1].speaker_id == m.utterances[3].speaker_id
    assert m.unaccounted(TEXT) == []


def test_format_name_passes_through_parse_and_tokenize(transcript: Transcript) -> None:
    blocks = gijiroku.tokenize(TEXT, format="transcript")
    assert [b.kind for b in blocks][:3] == [BlockKind.HEADER, BlockKind.TURN, BlockKind.TURN]
    assert (
        gijiroku.parse("[00:00:01] 林: はい。", format="transcript").utterances[0].text == "はい。"
    )


def test_unregistering_restores_detection() -> None:
    assert "transcript" not in gijiroku.FORMATS
    assert gijiroku.detect_format(TEXT).name != "transcript"
    with pytest.raises(gijiroku.FormatNotFound):
        gijiroku.unregister_format("transcript")


def test_a_name_is_registered_once_unless_replaced(transcript: Transcript) -> None:
    with pytest.raises(ValueError, match="registered already"):
        gijiroku.register_format(Transcript())
    other = Transcript()
    gijiroku.register_format(other, replace=True)
    assert gijiroku.FORMATS["transcript"] is other
    with pytest.raises(TypeError):
        gijiroku.register_format("transcript")  # type: ignore[arg-type]


def test_priority_decides_between_equal_scores() -> None:
    class Quiet(Format):
        name = "quiet"

        def looks_like(self, head: str) -> float:
            return 1.0

    class Loud(Quiet):
        name = "loud"

    gijiroku.register_format(Quiet(), priority=100)
    gijiroku.register_format(Loud(), priority=200)
    try:
        found = gijiroku.detect_format("anything")
        assert (found.name, found.runner_up and found.runner_up.name) == ("loud", "quiet")
        assert list(gijiroku.FORMATS)[:2] == ["loud", "quiet"]
    finally:
        gijiroku.unregister_format("quiet")
        gijiroku.unregister_format("loud")


def test_entry_points_add_families(monkeypatch: pytest.MonkeyPatch) -> None:
    class Point:
        name = "transcript"

        def load(self) -> type[Format]:
            return Transcript

    monkeypatch.setattr(
        importlib.metadata, "entry_points", lambda group: [Point()] if group else []
    )
    monkeypatch.setattr(registry._REGISTRY, "_plugins_loaded", False)
    try:
        assert gijiroku.detect_format(TEXT).name == "transcript"
    finally:
        gijiroku.unregister_format("transcript")


# -- checks made when a family is defined ----------------------------------------------------


def test_a_pattern_without_the_groups_its_kind_needs_fails_at_definition() -> None:
    with pytest.raises(ValueError, match=r"needs the group\(s\) \['label'\]"):
        Rule("turn", BlockKind.TURN, regex.compile(r"(?P<lable>\S+) (?P<text>.+)"))
    with pytest.raises(ValueError, match="title"):
        Rule("heading", BlockKind.SECTION, regex.compile(r"〔(?P<tilte>.+)〕"))


def test_a_record_of_the_wrong_type_fails_at_definition() -> None:
    with pytest.raises(TypeError, match="HeaderMeta"):
        Rule("title", BlockKind.HEADER, TITLE_RE, meta=SectionMeta())


def test_a_misspelt_record_field_fails_at_definition() -> None:
    with pytest.raises(TypeError, match="agneda"):
        SectionMeta(agneda=True)  # type: ignore[call-arg]
    with pytest.raises(ValueError, match="tilte"):
        HeaderName("tilte")


def test_a_derived_record_of_the_wrong_type_is_caught() -> None:
    class Wrong(Format):
        name = "wrong"
        body_rules = (
            Rule(
                "turn",
                BlockKind.TURN,
                regex.compile(r"(?P<label>\S+) (?P<text>.+)"),
                derive=lambda groups: NoteMeta(),
            ),
        )
        starts_in_header = False

    with pytest.raises(TypeError, match="NoteMeta"):
        gijiroku.tokenize("林 はい。", format=Wrong())


def test_a_family_lists_rules_only() -> None:
    with pytest.raises(TypeError, match="is not a Rule"):

        class Broken(Format):
            name = "broken"
            body_rules = ("not a rule",)  # type: ignore[assignment]


# -- the registry's face ---------------------------------------------------------------------


def test_reprs_are_short() -> None:
    text = (ROOT / "samples/diet/shugiin-monka-2023-11-01.txt").read_text(encoding="utf-8")
    found = gijiroku.detect_format(text)
    assert re.fullmatch(r"<Detection diet 1\.00, runner-up \w+ 0\.\d\d>", repr(found))
    assert repr(gijiroku.FORMATS) == "<formats: committee, diet, summary, assembly, generic>"
    assert repr(gijiroku.FORMATS["diet"]) == "<Format diet>"


def test_detection_lists_every_family() -> None:
    found = gijiroku.detect_format("座長 それでは始める。")
    assert {name for name, _ in found.scores} == set(gijiroku.FORMATS)
    # no family fits a line well: the generic profile reads it, the best family is runner-up
    assert (found.name, found.runner_up and found.runner_up.name) == ("generic", "committee")
    assert found.scores[0] == ("committee", found.score)
    assert found.score < 0.5


def test_readme_family_table_is_the_registry() -> None:
    """README's table of families lists the registered families, with their examples."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Minutes families", 1)[1].split("\n\n", 2)[1]
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in table.splitlines()[2:]
        if line.startswith("|")
    ]
    assert [row[0].strip("`") for row in rows] == list(gijiroku.FORMATS)
    assert [row[2].strip("`") for row in rows] == [f.example for f in gijiroku.FORMATS.values()]


def test_readme_writing_a_family_example_runs() -> None:
    """The example of README's "Writing a family" runs as printed and gives what it says."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Writing a family", 1)[1]
    code = section.split("```python\n", 1)[1].split("```", 1)[0]
    namespace: dict[str, object] = {}
    try:
        exec(compile(code, "README.md", "exec"), namespace)
        m = namespace["m"]
        assert isinstance(m, gijiroku.Minutes)
        assert (m.source.format, m.utterances[0].speaker.name) == ("transcript", "山田")
        assert "# ('transcript', '山田')" in code
    finally:
        gijiroku.unregister_format("transcript")
