"""The shortcuts that make parsing quick (issue 13) give what the long way gives.

Each shortcut is checked against the plain computation it replaces: the rule index against
trying every rule, the line splitter against the regex of line breaks, the furniture test
against NFKC on every line, the character count against ``\\S``.
"""

from __future__ import annotations

import dataclasses
import functools
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

import gijiroku
from gijiroku import tokenizer
from gijiroku.batch import Digest, Task, run_tasks
from gijiroku.blocks import (
    Block,
    BlockKind,
    NoteMeta,
    OneGroup,
    Pos,
    _UnfrozenBlock,
    unchecked_block,
)
from gijiroku.formats import FORMATS, common
from gijiroku.formats.base import COLON_ONLY_KEYS, ChildRule, Rule, header_field_name, in_mode
from gijiroku.layout import (
    _BANNERS,
    LABEL_WORD_PAREN,
    PAGE_MARKER_RE,
    count_labels,
    count_lone_labels,
    is_contents_line,
    is_web_furniture,
    survey_lines,
)
from gijiroku.normalize import (
    EDITOR_LINE_BREAK_RE,
    LINE_BREAK_RE,
    Line,
    compact,
    count_lines,
    line_starts,
    split_lines,
)
from gijiroku.quality import _chars
from gijiroku.tokenizer import (
    _MARKER_STARTS,
    _groups,
    _needs_test,
    _reads_whole,
    _rule_index,
    _tried_by,
)
from gijiroku.vocabulary import SP

from .conftest import sample_paths

# -- the rule index ---------------------------------------------------------------------------


def _paragraph_texts() -> list[str]:
    """Every stripped non-blank line of the bundled samples."""
    texts = []
    for path in sample_paths():
        text = path.read_text(encoding="utf-8")
        texts += [line.strip(" \u3000\t") for line in text.splitlines()]
    return [t for t in texts if t]


def test_the_index_keeps_every_rule_whose_pattern_matches() -> None:
    """A rule left out for a paragraph's first character could not have matched it."""
    texts = _paragraph_texts()
    assert len(texts) > 5000
    checked = 0
    for fmt in FORMATS.values():
        for rules in (fmt.header_rules, fmt.body_rules):
            index = _rule_index(rules)
            for text in texts:
                kept = index._by_first(text[0])
                for rule in rules:
                    if rule not in kept:
                        assert rule.pattern.fullmatch(text) is None, (fmt.name, rule.name, text)
                        checked += 1
    assert checked > 100_000  # the index does leave rules out


def test_the_index_applies_regions_and_modes() -> None:
    fmt = FORMATS["assembly"]
    index = _rule_index(fmt.header_rules)
    in_roster = {plan.rule.name for plan in index.candidates("header", "roster", "　")}
    outside = {plan.rule.name for plan in index.candidates("header", None, "　")}
    assert "roster-row" in in_roster
    assert "roster-row" not in outside  # tried in a list of people only


def test_a_plan_tries_a_rule_as_the_rule_says() -> None:
    """Each plan carries its rule's pattern, needs, when and guard; a shared pattern is
    marked on every rule that shares it."""
    for fmt in FORMATS.values():
        for rules in (fmt.header_rules, fmt.body_rules):
            for plan in _rule_index(rules).candidates("header", None, "日"):
                rule = plan.rule
                # (the rule's, or re's for a catch-all or a pattern with a standard twin;
                # none for a catch-all read whole)
                whole = _reads_whole(rule)
                tried = _tried_by(rule, plan.shared is not None)
                assert plan.fullmatch == (None if whole else tried)
                assert (plan.needs is None) == (not rule.needs)
                assert plan.when is rule.when
                assert plan.guard is rule.guard
                sharing = sum(other.pattern is rule.pattern for other in rules)
                assert (plan.shared is not None) == (
                    sharing > 1 and plan.shared == id(rule.pattern)
                )


@given(st.text(alphabet="日時：: 　（）署名時程abc0", max_size=12))
def test_the_needs_test_is_any_character(text: str) -> None:
    for needs in ("署", "）)", "：:", "時程"):
        test = _needs_test(needs)
        assert test is not None
        assert bool(test(text)) == any(char in text for char in needs)


#: Every character some mention rule needs, and a few no rule does.
_MENTION_ALPHABET = (
    "".join(sorted({c for fmt in FORMATS.values() for r in fmt.mention_rules for c in r.needs}))
    + "会議のa（"
)


@given(st.text(alphabet=_MENTION_ALPHABET, max_size=10))
def test_the_mention_gate_passes_whatever_a_mention_rule_would_look_at(text: str) -> None:
    """A paragraph the gate of its kind turns away holds none of the characters any mention
    rule of that kind needs: none of them would have been tried."""
    for fmt in FORMATS.values():
        for kind, (gate, looking) in tokenizer._mentions_by_kind(fmt.mention_rules).items():
            assert looking
            assert all(kind in rule.kinds for rule, _ in looking)
            tried = [test is None or bool(test(text)) for _, test in looking]
            assert (gate is None or bool(gate(text))) == any(tried), (fmt.name, kind, text)


def test_the_mention_gates_change_no_block(monkeypatch: pytest.MonkeyPatch) -> None:
    """The samples tokenize to the same blocks when every mention rule is tried on every
    paragraph of its kind (no gate)."""
    texts = [path.read_text(encoding="utf-8") for path in sample_paths()]
    gated = [gijiroku.tokenize(text) for text in texts]
    by_kind = tokenizer._mentions_by_kind

    def ungated(rules: tuple[ChildRule, ...]) -> dict[BlockKind, tokenizer._Mentions]:
        return {kind: (None, looking) for kind, (_, looking) in by_kind(rules).items()}

    monkeypatch.setattr(tokenizer, "_mentions_by_kind", ungated)
    assert [gijiroku.tokenize(text) for text in texts] == gated
    mentioned = [c for blocks in gated for b in blocks for c in b.children if c.rule == "child"]
    assert {c.kind for c in mentioned} >= {BlockKind.HEADER, BlockKind.MEMBER}  # (some found)


@given(st.text(alphabet=" \u3000-－ーPp.Ｐ0１2３/abc", max_size=10))
def test_page_markers_start_with_a_marker_character(text: str) -> None:
    """The tokenizer skips lines whose first character (after spaces) cannot start the
    shared page marker: no such line is one."""
    if text.lstrip(" \u3000")[:1] not in _MARKER_STARTS:
        assert PAGE_MARKER_RE.fullmatch(text) is None


def test_groups_are_the_group_dictionary_without_unset_groups() -> None:
    for pattern, text in [
        (r"(?P<text>.+)", "本日の会議を開きます。"),
        (r"(?P<mark>○)?(?P<label>\S+)", "議長"),
        (r"(?:(?P<text>x)|y)", "y"),
        (r"(a)(?P<text>b)", "ab"),
    ]:
        match = regex.fullmatch(pattern, text)
        assert match is not None
        assert _groups(match) == {k: v for k, v in match.groupdict().items() if v is not None}


def test_a_block_made_unchecked_is_the_block_made_checked() -> None:
    span = Pos(0, 2, 1, 1, None)
    made = unchecked_block(BlockKind.NOTE, span, {"text": "拍手"}, NoteMeta(), "note", ())
    assert made == Block(BlockKind.NOTE, span, {"text": "拍手"}, NoteMeta(), rule="note")
    assert made.meta == NoteMeta()
    assert made.children == ()
    assert type(made) is Block
    assert made == Block(BlockKind.NOTE, span, OneGroup("text", "拍手"), NoteMeta(), rule="note")
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.rule = "other"  # type: ignore[misc]
    assert _UnfrozenBlock.__slots__ == Block.__slots__


def test_a_mode_guard_becomes_the_rules_modes() -> None:
    rule = Rule("r", BlockKind.NOTE, regex.compile(r"(?P<text>.+)"), guard=in_mode("a", None))
    assert rule.modes == frozenset({"a", None})
    assert rule.guard is None


# -- lines ------------------------------------------------------------------------------------


def _split_by_regex(text: str) -> list[tuple[int, int, int, str, bool, bool]]:
    """What :func:`split_lines` gave before it used ``str.splitlines``."""
    found = []
    start = 0
    form_feed = False
    for number, brk in enumerate(LINE_BREAK_RE.finditer(text), start=1):
        content = text[start : brk.start()]
        found.append((number, start, brk.start(), content, not content.strip(), form_feed))
        form_feed = brk.group() == "\f"
        start = brk.end()
    if start < len(text) or not found or form_feed:
        content = text[start:]
        found.append((len(found) + 1, start, len(text), content, not content.strip(), form_feed))
    return found


BREAKS = ["\r\n", "\r", "\n", "\f", "\v", "\x85", "\u2028", "\u2029", "\x1c", "\x1e", "\x1f"]


@given(st.lists(st.sampled_from([*BREAKS, "a", " ", "\u3000", "議", "\t"]), max_size=30))
def test_lines_are_cut_as_the_line_break_regex_cuts_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    got = [
        (ln.number, ln.start, ln.end, ln.text, ln.is_blank, ln.after_form_feed)
        for ln in split_lines(text)
    ]
    assert got == _split_by_regex(text)


@given(st.text(alphabet=st.sampled_from(["\r", "\n", "\f", "\u2028", "a", "議"])))
def test_line_starts_and_counts_are_the_line_break_regex(text: str) -> None:
    breaks = list(EDITOR_LINE_BREAK_RE.finditer(text))
    assert line_starts(text) == [0] + [m.end() for m in breaks]
    assert count_lines(text) == (
        0 if not text else len(breaks) + (0 if text.endswith(("\n", "\r")) else 1)
    )


def test_inner_label_lines_are_found_as_the_regex_module_finds_them() -> None:
    from gijiroku.quality import _INNER_LINE_RE

    long_way = regex.compile(_INNER_LINE_RE.pattern)
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        got = [m.span("line") for m in _INNER_LINE_RE.finditer(text)]
        assert got == [m.span("line") for m in long_way.finditer(text)]


# -- web furniture ----------------------------------------------------------------------------

_SPACES_RE = regex.compile(r"\s+")


def _furniture_the_long_way(text: str) -> bool:
    """:func:`is_web_furniture` with NFKC on every line, as it was before the shortcut."""
    import gijiroku.layout as layout

    bare = _SPACES_RE.sub("", unicodedata.normalize("NFKC", text))
    if not bare or len(bare) > 200:
        return False
    if bare in _BANNERS:
        return True
    if "。" in bare or "、" in bare:
        return bool(layout._LINK_RE.search(bare)) and len(bare) <= 40
    if layout._BREADCRUMB_RE.match(bare) and (
        layout._BREADCRUMB_START_RE.match(bare) or bare.count(">") + bare.count("＞") >= 3
    ):
        return True
    return len(bare) <= 40 and bool(layout._LINK_RE.search(bare) or layout._SITE_RE.match(bare))


FURNITURE_PIECES = [
    *"ページの先頭です本文へ>＞﹥»›はこちらをダウンロード検索PDF資料。、議事録会システム-ー－ホーム",
    " ", "\u3000", "ﾍﾟｰｼﾞ", "ﾀﾞｳﾝﾛｰﾄﾞ", "タ\u3099", "\uf96a", "ここから本文です", "トップページ",
]  # fmt: skip


@given(st.lists(st.sampled_from(FURNITURE_PIECES), max_size=40))
def test_furniture_is_found_as_nfkc_on_every_line_finds_it(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert is_web_furniture(text) == _furniture_the_long_way(text)


def test_the_sample_lines_are_furniture_as_before() -> None:
    texts = _paragraph_texts()
    found = [t for t in texts if is_web_furniture(t)]
    assert found == [t for t in texts if _furniture_the_long_way(t)]
    assert "ページの先頭です。" in found  # the gunma page prints its banners


# -- the line survey ---------------------------------------------------------------------------

LABEL_PIECES = [
    *"○◯〇◎◆【】（）()：: 　\t\x1c\x1f\xa0\u2028議長委員君局番、。…3",
    "中村委員", "委員長", "（平山たかお）", "事務局長", "……………", "それでは", "x" * 29,
]  # fmt: skip


def _survey_the_long_way(lines: list[Line]) -> tuple[list[int], dict[str, int], int]:
    """What the tokenizer computed before :func:`survey_lines`: one loop per survey."""
    furniture = [
        i
        for i, line in enumerate(lines)
        if is_web_furniture(line.text) or is_contents_line(line.text)
    ]
    return furniture, count_labels(lines), count_lone_labels(lines)


def _label_patterns_in_regex() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The label patterns as ``regex`` compiles them, with no possessive quantifier."""
    import gijiroku.layout as layout

    start = regex.compile(
        rf"^[ \u3000\t]*[〇○◯●◎◆■◇□△▲▼☆★]?[ \u3000]*(?P<label>{layout.LABEL_WORD_PAREN})(?=[\s：:]|$)"
    )
    alone = regex.compile(
        rf"^[ \u3000\t]*(?:[〇○◯●◎◆■◇□]?[ \u3000]*{layout.LABEL_WORD_PAREN}"
        rf"|【[^【】\n]{{1,30}}】)[ \u3000\t]*$"
    )
    return start, alone


def _same_label_matches(text: str) -> None:
    import gijiroku.layout as layout

    start, alone = _label_patterns_in_regex()
    got, want = layout._LABEL_START_RE.match(text), start.match(text)
    assert (got and (got.group(), got["label"])) == (want and (want.group(), want["label"]))
    assert bool(layout._LABEL_ALONE_LINE_RE.match(text)) == bool(alone.match(text))


def test_the_survey_of_the_sample_lines_is_the_long_way() -> None:
    checked = 0
    for path in sample_paths():
        text = path.read_bytes().decode("utf-8")
        lines = split_lines(text)
        survey = survey_lines(lines)
        assert (survey.furniture, survey.labels, survey.lone_labels) == _survey_the_long_way(lines)
        for line in lines:
            _same_label_matches(line.text[:64])
        checked += len(survey.labels)
    assert checked > 100  # labels were counted


@given(
    st.lists(st.lists(st.sampled_from(LABEL_PIECES + FURNITURE_PIECES), max_size=12), max_size=6)
)
def test_the_survey_is_the_long_way(rows: list[list[str]]) -> None:
    text = "\n".join("".join(row) for row in rows)
    lines = split_lines(text)
    survey = survey_lines(lines)
    assert (survey.furniture, survey.labels, survey.lone_labels) == _survey_the_long_way(lines)
    for line in lines:
        _same_label_matches(line.text)


# -- prose characters -------------------------------------------------------------------------


BLANKS_AND_NOT = ["a", " ", "\u3000", "\t", "\n", "議", "\x1c", "\x1f", "\xa0"]


@given(st.text(alphabet=st.sampled_from(BLANKS_AND_NOT)))
def test_prose_characters_count_as_non_blank_characters(text: str) -> None:
    pos = Pos(0, len(text), 1, 1, None)
    assert _chars(text, pos) == len(regex.findall(r"\S", text))
    if not regex.search(r"[\x1c-\x1f]", text):  # the shortcut for a text without separators
        assert _chars(text, pos, separators=False) == len(regex.findall(r"\S", text))


# -- runs of diagnostics ----------------------------------------------------------------------


def test_twenty_lines_are_reported_one_by_one_twenty_one_together() -> None:
    for lines, reported in ((20, 20), (21, 1)):
        minutes = gijiroku.parse("何の構造もない文章です。\n" * lines)
        unread = [d for d in minutes.diagnostics if d.code == "unmatched-header-line"]
        assert len(unread) == reported


# -- import -----------------------------------------------------------------------------------


def test_import_leaves_the_pipeline_and_the_extras_for_later() -> None:
    """``import gijiroku`` imports no family, parser, pool, PDF or table module; naming one
    (``gijiroku.tables``, ``gijiroku.parse_many``) imports it."""
    script = (
        "import sys, gijiroku\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('gijiroku.'))\n"
        "print(' '.join(loaded))\n"
        "print(gijiroku.tables.__name__, gijiroku.parse_many.__module__)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded, named = done.stdout.splitlines()
    for module in ("formats.assembly", "parser", "tokenizer", "batch", "pdf", "tables", "kokkai"):
        assert f"gijiroku.{module}" not in loaded.split()
    assert named == "gijiroku.tables gijiroku.batch"


# -- ready output from the workers ------------------------------------------------------------


def _gijiroku(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gijiroku", *args], capture_output=True, text=True, check=False
    )


def test_workers_hand_over_the_json_the_output_holds(tmp_path: Path) -> None:
    """With workers, the parent writes the JSON they made (nothing validated and dumped
    again): the output is the same as without workers, byte for byte, and so is the
    summary on stderr."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sample_paths()[:6]:
        (folder / path.name).write_bytes(path.read_bytes())
    for form in ("json", "jsonl"):
        outputs = []
        for jobs in ("1", "2"):
            out = tmp_path / f"out-{jobs}.{form}"
            done = _gijiroku("parse", str(folder), "-j", jobs, "-f", form, "-o", str(out))
            assert done.returncode == 0, done.stderr
            summary = regex.sub(r"[0-9.]+ s, [0-9.]+ files/s", "(time)", done.stderr)
            outputs.append((out.read_bytes(), summary))
        assert outputs[0] == outputs[1]
        assert "6 parsed, 0 failed; 267 turns" in outputs[0][1]
        assert outputs[0][0].count(b'"utterances"') == 6


def test_a_result_given_as_text_reads_as_the_minutes() -> None:
    tasks = [Task(i, p.name, path=p) for i, p in enumerate(sample_paths()[:3])]
    results = list(run_tasks(tasks, jobs=2, chunksize=1, json_indent=None))
    assert all(r.ok and r.minutes is None and r.json is not None for r in results)
    for result, path in zip(results, sample_paths()[:3], strict=True):
        minutes = gijiroku.parse_file(path)
        assert result.unwrap() == minutes
        assert result.json == minutes.to_json(indent=None)
        assert result.summary() == Digest(
            len(minutes.utterances), tuple(d.code for d in minutes.diagnostics)
        )


_LABEL_ALONE_AS_WRITTEN = regex.compile(
    rf"(?P<mark>【){SP}*(?P<label>{common.LABEL}){SP}*】"
    rf"|(?P<mark>[〇○◯●◎◆■◇□])?[ \u3000]*(?P<label>{LABEL_WORD_PAREN})"
)


@given(st.text(alphabet="議長委員山田（()）　 ：:、。「」【】○abc", max_size=40))
def test_the_label_alone_pattern_takes_its_word_whole_and_matches_the_same(text: str) -> None:
    """The possessive word of ``LABEL_ALONE_RE`` gives back nothing the pattern could use."""
    ours, written = common.LABEL_ALONE_RE.fullmatch(text), _LABEL_ALONE_AS_WRITTEN.fullmatch(text)
    assert (ours is None) == (written is None)
    if ours is not None and written is not None:
        assert ours.groupdict() == written.groupdict()


def test_the_label_alone_pattern_on_sample_lines() -> None:
    for text in _paragraph_texts():
        ours = common.LABEL_ALONE_RE.fullmatch(text)
        written = _LABEL_ALONE_AS_WRITTEN.fullmatch(text)
        assert (ours and ours.groupdict()) == (written and written.groupdict()), text


def test_read_hands_back_every_block_that_holds_a_page_marker() -> None:
    """`api._read` lets the blocks go once parsed and keeps only those a PDF's layout needs:
    each block that is a page marker or holds one among its children (at any depth)."""
    from gijiroku import api

    samples = Path(__file__).resolve().parent.parent / "samples"

    def holds(block: Block) -> bool:
        return block.kind is BlockKind.PAGE or any(holds(c) for c in block.children)

    for name in ("council/sendai-ict-2016-02-08.txt", "diet/shugiin-monka-2023-11-01.txt"):
        text = (samples / name).read_text(encoding="utf-8")
        read = functools.partial(
            api._read, text, format=None, source_name=None, encoding="utf-8", sha256="0"
        )
        minutes, kept = read(line_count=1, with_pages=True)
        expected = [b for b in gijiroku.tokenize(text) if holds(b)]
        assert kept == expected
        # without pages (all but a PDF): none looked for, the same minutes
        unpaged, none = read(line_count=1, with_pages=False)
        assert none == []
        assert unpaged == minutes
    nested = (samples / "council/sendai-ict-2016-02-08.txt").read_text(encoding="utf-8")
    _, kept = api._read(
        nested,
        format=None,
        source_name=None,
        encoding="utf-8",
        sha256="0",
        line_count=1,
        with_pages=True,
    )
    assert kept
    assert all(b.kind is not BlockKind.PAGE for b in kept)  # its markers stand inside speech


# -- the header key's count note ----------------------------------------------------------------


def _is_header_key_long_way(text: str) -> bool:
    """:func:`common.is_header_key` with the count note stripped from every text."""
    bare = common._COUNT_NOTE_RE.sub("", compact(text))
    if "（" in bare or "(" in bare:
        return False
    return bare not in COLON_ONLY_KEYS and header_field_name(bare) is not None


_KEYS = st.sampled_from(["出席委員", "欠席者", "日時", "議長", "委員", "吉田", "ｱ", ""])
_NOTES = st.builds(
    "{}{}{}{}{}".format,
    st.sampled_from(["（", "(", ""]),
    st.sampled_from(["第", ""]),
    st.sampled_from(["3", "３", "十二", "なし", "", "吉田"]),
    st.sampled_from(["号", "名", "人", ""]),
    st.sampled_from(["）", ")", ""]),
)
_SPACES = st.sampled_from(["", " ", "\u3000", "\n", "\t"])


@given(st.tuples(_KEYS, _SPACES, _NOTES, _SPACES).map("".join) | st.text(max_size=12))
@example("出席委員（なし）")
@example("出席委員(13名)")
@example("説明員（２６人）\n")
@example("議事日程（第1号）")
@example("議長（吉田崇仁）")
def test_the_count_note_is_stripped_only_where_it_can_end_the_key(text: str) -> None:
    """The note is looked for only when the compact key ends as one does (号）, 名), なし）…): the same
    answer as looking for it always."""
    assert common.is_header_key(text) is _is_header_key_long_way(text)


def test_the_count_note_gate_on_sample_lines() -> None:
    for text in _paragraph_texts():
        for piece in (text, text.split("：")[0], text.split(" ")[0]):
            assert common.is_header_key(piece) is _is_header_key_long_way(piece), piece
