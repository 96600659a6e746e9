"""Notebook display: a short repr, and HTML checked with the standard library's html.parser."""

from __future__ import annotations

import doctest
from html.parser import HTMLParser

import pytest

import gijiroku
import gijiroku.accessors
import gijiroku.display
import gijiroku.tei
from gijiroku.display import HTML_TURNS, minutes_html
from tests.conftest import read_sample

_VOID = {"br", "hr", "img", "meta", "link", "input", "col", "wbr"}


class _Tree(HTMLParser):
    """Collects tags, attributes and text per cell, and checks that tags nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.tables: list[list[list[str]]] = []  # table → rows → cell texts
        self.text: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in _VOID:
            self.stack.append(tag)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def _tree(html: str) -> _Tree:
    tree = _Tree()
    tree.feed(html)
    tree.close()
    assert tree.errors == []
    assert tree.stack == []
    return tree


@pytest.fixture(scope="module")
def monka() -> gijiroku.Minutes:
    return gijiroku.parse(read_sample("diet/shugiin-monka-2023-11-01.txt"))


def test_html_structure(monka: gijiroku.Minutes) -> None:
    tree = _tree(monka._repr_html_())
    meeting, turns = tree.tables
    facts = {row[0]: row[1] for row in meeting}
    assert facts["title"] == "第212回国会 衆議院 文部科学委員会 第1号"
    assert facts["body"] == "文部科学委員会"
    assert facts["house"] == "衆議院"
    assert facts["session"] == "212"
    assert facts["number"] == "1"
    assert facts["date"] == "2023-11-01 (令和五年十一月一日（水曜日）)"
    assert facts["time"] == "12:11–12:36"
    assert facts["counts"] == "19 utterances, 50 members, 2 sections, 2 events"
    assert facts["diagnostics"] == "1 info"
    assert "venue" not in facts  # absent facts are left out
    # agenda items hold no turns, so there is no section column
    assert turns[0] == ["#", "speaker", "role", "text"]
    rows = turns[1:]
    assert len(rows) == HTML_TURNS
    assert rows[0][:3] == ["1", "田野瀬太道", "委員長"]
    assert rows[0][3].startswith("これより会議を開きます。この際、一言御挨拶を申し上げます。")
    assert rows[0][3].endswith("…")
    assert len(rows[0][3]) == 80
    assert rows[7][:3] == ["8", "盛山正仁", "国務大臣"]
    assert "… 9 more utterances in .utterances" in "".join(tree.text)
    assert [a["data-id"] for t, a in tree.tags if t == "tr" and "id" in a] == [
        f"u{i}" for i in range(1, 11)
    ]


def test_html_ids_are_unique_across_renderings(sendai_text: str) -> None:
    sendai = gijiroku.parse(sendai_text)
    other = gijiroku.parse("座長 はじめます。\n林委員 賛成です。")
    pages = [sendai._repr_html_(), other._repr_html_(), sendai._repr_html_()]
    ids = [a["id"] for page in pages for _, a in _tree(page).tags if "id" in a]
    assert len(ids) == 3 + 10 + 2 + 10  # a wrapper per rendering and a row per turn shown
    assert len(set(ids)) == len(ids)
    rows = [a for _, a in _tree(pages[1]).tags if "data-id" in a]
    assert [a["data-id"] for a in rows] == ["u1", "u2"]
    assert all(str(a["id"]).endswith(f"-{a['data-id']}") for a in rows)


def test_html_section_column(sendai_text: str) -> None:
    tree = _tree(gijiroku.parse(sendai_text)._repr_html_())
    turns = tree.tables[1]
    assert turns[0] == ["#", "speaker", "role", "section", "text"]
    assert turns[1][:4] == ["1", "曽根", "座長", ""]
    assert turns[2][:4] == ["2", "曽根", "座長", "会議の公開について"]
    assert turns[4][:4] == ["4", "渋谷", "情報政策課長", "議題（1）仙台市ICT利活用方針2016-20…"]


def test_html_has_no_script_and_no_global_style(monka: gijiroku.Minutes) -> None:
    tree = _tree(monka._repr_html_())
    tags = {tag for tag, _ in tree.tags}
    assert tags <= {"div", "table", "thead", "tbody", "tr", "th", "td", "p", "code"}
    for _, attrs in tree.tags:
        assert not any(name.startswith("on") for name in attrs)


def test_html_escapes_speech_text() -> None:
    text = "座長 <script>alert('x')</script> & <b>太字</b>です。\n林委員 \"引用\" と 'quote'。"
    m = gijiroku.parse(text)
    html = m._repr_html_()
    assert "<script" not in html
    assert "<b>" not in html
    tree = _tree(html)
    assert {tag for tag, _ in tree.tags}.isdisjoint({"script", "b"})
    cells = [row[3] for row in tree.tables[1][1:]]
    assert cells == ["<script>alert('x')</script> & <b>太字</b>です。", "\"引用\" と 'quote'。"]


def test_html_escapes_header_values() -> None:
    m = gijiroku.parse("第1回 <i>会議</i> & 議事録\n座長 はい。")
    tree = _tree(m._repr_html_())
    assert "i" not in {tag for tag, _ in tree.tags}
    assert any("<i>会議</i>" in cell for row in tree.tables[0] for cell in row)


def test_html_turns_and_preview_are_configurable(monka: gijiroku.Minutes) -> None:
    tree = _tree(minutes_html(monka, turns=3, preview=12))
    rows = tree.tables[1][1:]
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert all(len(r[3]) <= 12 for r in rows)
    assert rows[0][3] == "これより会議を開きます…"
    assert "16 more utterances" in "".join(tree.text)
    assert len(_tree(minutes_html(monka, turns=0)).tables) == 1
    everything = _tree(minutes_html(monka, turns=100))
    assert len(everything.tables[1]) == 1 + 19
    assert "more utterance" not in "".join(everything.text)


@pytest.mark.parametrize("bad", [-1, 1.5, "3", True])
def test_html_bad_turns(monka: gijiroku.Minutes, bad: object) -> None:
    with pytest.raises(TypeError):
        minutes_html(monka, turns=bad)  # type: ignore[arg-type]


def test_html_of_minutes_without_turns() -> None:
    tree = _tree(gijiroku.parse("")._repr_html_())
    assert len(tree.tables) == 1
    assert {r[0]: r[1] for r in tree.tables[0]}["counts"] == (
        "0 utterances, 0 members, 0 sections, 0 events"
    )


def test_repr_is_one_short_line(monka: gijiroku.Minutes) -> None:
    line = repr(monka)
    assert line == (
        "<Minutes 第212回国会 衆議院 文部科学委員会 第1号 2023-11-01: "
        "19 utterances, 50 members, 2 sections>"
    )
    assert str(monka) == line
    big = gijiroku.parse(read_sample("diet/sangiin-honkaigi-2023-11-29.txt"))
    assert len(repr(big)) < 120
    assert "\n" not in repr(big)
    assert repr(big) == (
        "<Minutes 第212回国会 参議院 本会議 第7号 2023-11-29: 36 utterances, 0 members, 5 sections>"
    )


def test_repr_counts_problems_and_names_titled_minutes(sendai_text: str) -> None:
    odd = "第1回 会議録\n日時：令和6年5月17日\n何の構造もない文章です。\n座長 はい。"
    assert repr(gijiroku.parse(odd)) == (
        "<Minutes 第1回 会議録 2024-05-17: 1 utterance, 0 members, 0 sections, 1 diagnostic>"
    )
    assert repr(gijiroku.parse(sendai_text)) == (
        "<Minutes 平成27年度 仙台市情報化推進会議（第2回） 議事録 2016-02-08: "
        "42 utterances, 11 members, 5 sections>"
    )
    # other records keep pydantic's repr
    assert repr(gijiroku.parse(sendai_text).meeting).startswith("Meeting(title=")


def test_docstring_examples() -> None:
    for module in (gijiroku.display, gijiroku.accessors, gijiroku.tei):
        result = doctest.testmod(module, extraglobs={"gijiroku": gijiroku})
        assert result.failed == 0, module.__name__
        assert result.attempted > 0


def test_readme_notebook_session_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example session in README's "Notebooks" section is true."""
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Notebooks", 1)[1].split("\n## ", 1)[0]
    session = section.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(session, {}, "README Notebooks", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0
    assert len(test.examples) >= 10
