"""Round 14 (body): a turn's lines cleaned in one pass, the space rule applied at the gate's
matches only, inline notes' brackets found with ``str.find``: each checked against the long way."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from gijiroku import normalize, notes
from gijiroku.normalize import clean_line, clean_lines

_ALPHABET = "議長漢あア ー\u3000\t\u00a0\u200b\u00adｶﾞ｡２ＺａaZ1。（）(〔〕\n①"
_lines = st.lists(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=12), max_size=6)


@given(_lines)
@example(["\u00a0\u00a0"])  # (no-break spaces made a space, to strip: found by hypothesis)
@example(["議長\u00a0\u00a0", "\u3000", "a\u00a0\u00a0b\u00a0\u00a0"])
def test_clean_lines_is_each_line_cleaned(lines: list[str]) -> None:
    expected = "\n".join([cleaned for cleaned in map(clean_line, lines) if cleaned])
    assert clean_lines(lines) == expected


@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40))
def test_the_space_rule_at_the_gate_is_the_rule(text: str) -> None:
    gate = normalize._SPACE_BETWEEN_SCRIPTS_GATE_RE.search(text)
    expected = normalize.SPACE_BETWEEN_SCRIPTS_RE.sub("", text)
    if gate is None:
        assert expected == text
    else:
        assert normalize._spaces_between_scripts_removed(text, gate) == expected


def test_clean_lines_examples() -> None:
    assert clean_lines(["ＩＣＴ が", "　", "ﾃｽﾄ "]) == "ICTが\nテスト"
    assert clean_lines(["a\n ", "b"]) == "a\n\nb"  # (an inner break is no end to strip)
    assert clean_lines([]) == ""


@given(st.text(alphabet=st.sampled_from("（）()〔〕拍手了承資料説明a\n"), max_size=40))
def test_inline_matches_are_finditer(text: str) -> None:
    quick = [(m.span(), m.group()) for m in notes._inline_matches(text)]
    assert quick == [(m.span(), m.group()) for m in notes.INLINE_NOTE_RE.finditer(text)]
