"""Body rules turn running text down before their patterns (issue 13, round 15).

A line of running text is read the short way (no rule tried) when it fails the test of every
rule before the catch-all. Body rules that had none now have one (a ``Rule.may_match``), and
others a stricter one: each fails only for a text its pattern cannot match in full.

- ``numbered-heading``: the same pattern by the standard ``re`` (３つ目に、 fails at once);
- both ``signer`` rules: a role, spaces and a name's first character start every match;
- ``label-alone``: a word alone is at most 30 characters with no space in it;
- ``paren-name-label``, ``spaced-name-label``, ``name-label``: how every match starts; the
  name label's pattern wants the speech to read as a sentence, as its guard did;
- committee's ``label-turn`` and ``spaced-turn``: how every match starts;
- ``marked-event``, both ``time`` rules, both ``note`` rules: their last character;
- ``signature-statement``: 署名 after 会議規則 or 地方自治法, or 署名する at the end.

Each test is checked against its pattern (sample lines, made-up texts), the character classes
over every code point, and every sample is tokenized as with the rules as they were.
"""

from __future__ import annotations

import dataclasses
import re
import sys

import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gijiroku.formats import FORMATS, assembly, common
from gijiroku.formats.base import Rule
from gijiroku.names import POSITION_WORDS
from gijiroku.vocabulary import SP, WHITE_SPACE
from tests.rule_tables import sample_lines, tokenizes_alike, with_rules

# -- the rules and their tests ------------------------------------------------------------------


def _body_rule(fmt: str, name: str) -> Rule:
    (rule,) = {id(r): r for r in FORMATS[fmt].body_rules if r.name == name}.values()
    return rule


#: (family, rule name) of every rule given a test in this round.
_TESTED = [
    ("assembly", "numbered-heading"),
    ("assembly", "spaced-name-label"),
    ("assembly", "paren-name-label"),
    ("assembly", "name-label"),
    ("assembly", "label-alone"),
    ("assembly", "signature-statement"),
    ("assembly", "marked-event"),
    ("assembly", "time"),
    ("assembly", "note"),
    ("diet", "time"),
    ("committee", "note"),
    ("committee", "label-turn"),
    ("committee", "spaced-turn"),
]


def test_each_rule_has_its_test() -> None:
    for fmt, name in _TESTED:
        assert _body_rule(fmt, name).may_match is not None, (fmt, name)
    signers = [r for r in FORMATS["assembly"].body_rules if r.name == "signer"]
    assert {r.may_match for r in signers} == {common.may_be_signer, assembly.may_be_signer}
    assert _body_rule("committee", "signer").may_match is common.may_be_signer


def _rules() -> list[Rule]:
    """Every rule given a test, the two signers of assembly minutes too."""
    found = [_body_rule(fmt, name) for fmt, name in _TESTED]
    return found + [r for r in FORMATS["assembly"].body_rules if r.name == "signer"]


#: Known matches of the patterns.
_MATCHES = (
    "１．議案審査",
    "(1) 第８５号議案",
    "二、その他",
    "○午後１時17分休憩",
    "（午後　１時００分　開会）",
    "△開会 午前10時00分",
    "午前１０時００分開会",
    "開議　午前１０時",
    "〔「異議なし」と呼ぶ者あり〕",
    "（拍手）",
    "山田 太郎委員長 ただいまから",
    "山田\u3000\u3000太郎委員長\u3000ただいまから、",
    "山\u3000\u3000田委員長：ただいまから",
    "議長（山田太郎君）　ただいまから、",
    "山田：それでは始めます",
    "中村委員",
    "〇河野大臣： ただいまから",
    "大 下 議 長 ただいまから",
    "会議規則第８８条により署名",
    "署名議員　山　田　太　郎",
    "議\u3000長\u3000\u3000\u3000山\u3000田\u3000太\u3000郎",
    "副委員長 山田",
    "地方自治法第１２３条の規定によりここに署名する。",
    "上記のとおり署名します",
)


def test_every_sample_line_a_rule_matches_passes_its_test() -> None:
    lines = sample_lines() | set(_MATCHES)
    for rule in _rules():
        assert rule.may_match is not None
        matched = turned_down = 0
        for line in lines:
            for text in (line, line + "。", "○" + line, "〇 " + line, line + "）"):
                passes = rule.may_match(text)
                turned_down += not passes
                if rule.pattern.fullmatch(text) is not None:
                    matched += 1
                    assert passes, (rule.name, text)
        assert matched > 0, rule.name  # (the pattern matches some: the check is no empty one)
        assert turned_down > 1000, rule.name


#: Characters the patterns are made of: marks, brackets, spaces, kanji and kana of labels,
#: titles, roles, numbers, times, the words of the course, punctuation.
_ALPHABET = [
    *"○〇◯●◆（()）［］〔〕【】 \u3000：:、。「」・番君議長委員会録署名副仮山田太郎のです",
    *"す。た午前後時分半正1２十一第.．⑴①開閉休憩散了始規則地方自治法する",
    *("議長", "委員長", "署名議員", "会議規則", "午後１時", "開会", "します", "ました", "\n"),
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=14).map("".join))
@example("議　長　　山　田　太　郎")
@example("副議長 山田")
@example("（１）経過について")
@example("第１、その他")
@example("○午後１時17分休憩")
@example("［午前10時　開会］")
@example("午後零時十一分散会")
@example("山田　委員長　それでは始めます。")
@example("山田：それでは始めます。")
@example("議長（山田太郎君）　ただいまから")
@example("上記のとおり署名する。")
@example("地方自治法第１２３条の規定によりここに署名する")
@example("大 下 議 長 ただいまから")
@example("〇河野大臣： ただいまから")
@example("中村委員")
@example("議長（梶　泰久）")
@example("【委員】")
def test_a_text_a_rule_matches_passes_its_test(text: str) -> None:
    for rule in _rules():
        assert rule.may_match is not None
        if rule.pattern.fullmatch(text) is not None:
            assert rule.may_match(text), (rule.name, text)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_TESTED),
    st.lists(st.sampled_from(_ALPHABET), max_size=8).map("".join),
)
def test_a_matched_text_with_more_around_it_still_passes(key: tuple[str, str], rest: str) -> None:
    """Known matches of each pattern, with made-up text after them: whatever matches passes."""
    rule = _body_rule(*key)
    assert rule.may_match is not None
    for start in _MATCHES:
        text = start + rest
        if rule.pattern.fullmatch(text) is not None:
            assert rule.may_match(text), (rule.name, text)


def test_running_text_fails_the_tests() -> None:
    """Lines of the samples that took the long way, tried and turned down by these rules."""
    turned_down = {
        ("assembly", "numbered-heading"): [
            "３つ目に、青森市補正予算案の概要を見れば、手続が原則申請不要となっております",
            "第１に、いつまでもいきいきと幸せに暮らせるまちについて申し上げます。",
            "２２番、筒井たかひさ議員。",
            "一方、総務省統計局が発表した消費者物価指数は、",
        ],
        ("assembly", "label-alone"): [
            "９番\u3000富\u3000山\u3000悦\u3000子\u3000議\u3000員",
            "日程第\u3000２\u3000議案第\u3000１号\u3000令和７年度葛飾区一般会計予算",
            "秋家聡明委員長。（拍手）",
            "御紹介いただきました水道施設維持負担金制度を平成28年度に全会一致で御可決いただいた",
        ],
        ("assembly", "spaced-name-label"): [
            "日程第\u3000２\u3000議案第\u3000１号\u3000令和７年度葛飾区一般会計予算",
            "総務常任委員長\u3000島\u3000昌之議員。",
        ],
        ("assembly", "name-label"): [
            "日程第４７\u3000議員提出議案第\u3000５号\u3000葛飾区公契約条例の一部を改正する条例",
            "１２番\u3000齊\u3000藤\u3000大\u3000介\u3000議員",
        ],
        ("assembly", "paren-name-label"): [
            "次に、（仮称）かつしかアート・カルチャー基本方針の策定についてです。",
            "秋家聡明委員長。（拍手）",
        ],
        ("assembly", "signature-statement"): [
            "本日の会議録署名議員については、会議規則第１２１条の規定により、",
            "りまして、そのときに私、下京消防署で勤務しておりまして、",
        ],
        ("assembly", "marked-event"): [
            "七月から九月期のＧＤＰは、前年同期以来のマイナスとなりました。",
            "午前中、駅から観光地に向かって出発される時間帯ということですので",
        ],
        ("assembly", "time"): ["午前中、駅から観光地に向かって出発される時間帯ということですので"],
        ("diet", "time"): ["午前中の質問も見ておりまして、金融経済教育推進機構の"],
        ("committee", "label-turn"): [
            "それでは、議事に入ります。",
            "データの利活用により、AIの利活用を推進",
        ],
        ("committee", "spaced-turn"): ["議事１、２につきましては、私から説明申し上げます。"],
    }
    for key, texts in turned_down.items():
        rule = _body_rule(*key)
        assert rule.may_match is not None
        for text in texts:
            assert not rule.may_match(text), (key, text)
    for signer in (common.may_be_signer, assembly.may_be_signer):
        for text in ("議案第146号については、原案のとおり", "副区長。", "委員の選任については、"):
            assert not signer(text), text
        assert signer("議\u3000長\u3000\u3000山\u3000田\u3000太\u3000郎")


# -- the character classes ----------------------------------------------------------------------

#: Every code point but the surrogates.
_EVERY_CHARACTER = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
)


def _characters(pattern: str) -> set[str]:
    return set(regex.findall(pattern, _EVERY_CHARACTER))


def _never(chars: str) -> set[str]:
    return set(re.findall(f"[{chars}]", _EVERY_CHARACTER))


def test_no_kanji_is_among_the_characters_never_a_kanji() -> None:
    han = _characters(r"\p{Han}")
    assert len(han) > 80000
    assert not han & _never(common.NEVER_HAN)
    assert {"、", "あ", "ア", "A", "１", " ", "\u3000"} <= _never(common.NEVER_HAN)


def test_no_character_of_a_name_is_among_those_never_in_one() -> None:
    names = _characters(common.LABEL_CHAR) | _characters(common._NAME_CHAR)
    names |= {word[0] for word in POSITION_WORDS}
    assert not names & _never(common._NEVER_NAME)
    assert {"、", "。", "（", ")", "1", "１", " ", "\u3000", "："} <= _never(common._NEVER_NAME)


def test_no_character_of_a_signer_is_among_those_the_assembly_test_turns_down() -> None:
    never = assembly._SIGNER_START_RE.pattern.rsplit("[^", 1)[1][:-1]
    assert not _characters(assembly.NC) & _never(never)


def test_the_white_space_spelt_out_is_what_regex_calls_white_space() -> None:
    assert _characters(r"\s") == _never(WHITE_SPACE)


def test_the_course_word_ends_are_the_last_characters_of_the_words() -> None:
    assert set(common.COURSE_WORD_ENDS) == set("議会始了憩開")


# -- the name label's sentence ------------------------------------------------------------------

#: The pattern as it was: any text after the label's break.
_NAME_LABEL_AS_IT_WAS = regex.compile(
    rf"(?:(?P<mark>{common.MARK}){SP}*|[・･]{SP}*)?"
    rf"(?P<label>[^\s：:（()）、。「」・･]{{1,12}}+)" + common._BREAK_THEN_SPEECH,
    regex.DOTALL,
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_ALPHABET), min_size=1, max_size=12).map("".join))
@example("山田：それでは始めます。")
@example("山田 始めます")
@example("山田 始めますが、")
@example("山田 始めます\n")
@example("山田 始めます\nか")
@example("山田 する条例")
def test_the_name_label_matches_what_it_matched_that_reads_as_speech(text: str) -> None:
    now = common.NAME_LABEL_TURN_RE.fullmatch(text)
    then = _NAME_LABEL_AS_IT_WAS.fullmatch(text)
    if then is None or not common.reads_as_speech(then["text"]):
        assert now is None
    else:
        assert now is not None
        assert now.groupdict() == then.groupdict()
        assert now.spans("text") == then.spans("text")


# -- every sample, with the rules as they were --------------------------------------------------


def _as_it_was(rule: Rule) -> Rule:
    """The rule with no test before its pattern (the plain long way), the name label's
    pattern as it was."""
    if rule.pattern is common.NAME_LABEL_TURN_RE:
        rule = dataclasses.replace(rule, pattern=_NAME_LABEL_AS_IT_WAS)
    return dataclasses.replace(rule, may_match=None)


def test_every_sample_tokenizes_as_with_the_rules_as_they_were() -> None:
    changed = sum(
        tokenizes_alike(FORMATS[name], with_rules(FORMATS[name], _as_it_was), "body_rules")
        for name in ("assembly", "committee", "diet", "generic")
    )
    assert changed >= 20  # (the long way's tables really hold other rules)
