"""Shared vocabulary: the regex fragments and word lists every minutes family uses.

Each fragment is defined here once and imported where it is needed (the families in
``gijiroku.formats``, the shared readers, the parser). Fragments are strings meant to be
placed inside larger patterns compiled with :mod:`regex`; the compiled patterns at the end
are ready to use.

Example:
    >>> import regex
    >>> bool(regex.fullmatch(rf"(?:{CLOCK}){SP}*(?:{COURSE_WORDS})", "午後１時１７分休憩"))
    True
"""

from __future__ import annotations

import regex

from gijiroku.dates import ERAS

__all__ = [
    "AGENDA_ITEM_START_RE",
    "AGENDA_NUMBER_WORDS",
    "CLOCK",
    "CLOSING_WORDS",
    "COURSE_WORDS",
    "ERA_NAMES",
    "KANJI_NUMBER",
    "KNUM",
    "MARKS",
    "NAME_CHAR",
    "NUM",
    "OPENING_WORDS",
    "RULE_CHARS",
    "SECTION_NUMBER_RE",
    "SP",
    "SP_OR_TAB",
    "letter_spaced",
]

#: One space as minutes print it: ASCII or ideographic (U+3000).
SP = r"[ \u3000]"
#: One space or tab (Markdown and plain notes indent with tabs).
SP_OR_TAB = r"[ \u3000\t]"
#: A run of kanji numerals, digits or both (二百十二, 十一, ２６, 1): numbers as the Diet and
#: assemblies print them.
KNUM = r"[〇零一二三四五六七八九十百千0-9０-９]+"
#: A number printed either in digits (half- or full-width) or in kanji, not mixed.
NUM = r"(?:[0-9０-９]+|[〇一二三四五六七八九十百]+)"
#: Kanji numerals alone (no digits).
KANJI_NUMBER = r"[〇零一二三四五六七八九十百千]+"
#: The era names of :data:`gijiroku.dates.ERAS`, newest first: 令和|平成|昭和|大正|明治.
ERA_NAMES = "|".join(era.name for era in reversed(ERAS))
#: Marks printed before a speaker label or a heading (○ U+25CB, ◯ U+25EF, 〇 U+3007 …).
MARKS = "〇○◯●◎◆■◇□△▲▼☆★"
#: A character of a personal name or of a title: kanji, kana, the marks names carry.
NAME_CHAR = r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ・]"
#: Words for the meeting's course, printed after a time: 午後１時１７分休憩, 開議　午前１０時.
OPENING_WORDS = "開会・開議|開議|開会|開始"
CLOSING_WORDS = "散会|閉会|延会|閉議|終了"
COURSE_WORDS = f"{OPENING_WORDS}|{CLOSING_WORDS}|休憩|再開|休会"
#: A clock time as printed: 午前１０時００分, 午後一時, 十時半, 正午, 13：30, 9:00.
CLOCK = (
    rf"(?:(?:午前|午後){SP}*)?{KNUM}{SP}*時(?:{SP}*{KNUM}{SP}*分|半)?"
    rf"|正午|[0-9０-９]{{1,2}}{SP}*[:：]{SP}*[0-9０-９]{{2}}"
)
#: The characters of a rule line (―――, ───, ━━━, ＝＝＝, −−−, …………).
RULE_CHARS = "―─━＝=－−‐\\-~〜…‥"
#: Words that introduce a numbered agenda item: 議題（１）, 日程第１, 議案第５号, 協議事項１.
AGENDA_NUMBER_WORDS = "議題|日程|議案|報告|案件|協議事項|審議事項"

#: A line that starts an agenda item of its own: （２）, ○, 第三, 一、, 日程第１ …
AGENDA_ITEM_START_RE = regex.compile(
    r"^(?:[（(]|○|第[一二三四五六七八九十〇0-9]+|[一二三四五六七八九十]+、|日程第)"
)
#: The number of an agenda item or heading, at the start of its title: 議題（１）, 日程第２,
#: 第３, （4）, 1., 五、.
SECTION_NUMBER_RE = regex.compile(
    rf"^(?:{AGENDA_NUMBER_WORDS})?\s*(?:第\s*)?[（(]?\s*"
    r"(?P<n>[0-9０-９]+|[一二三四五六七八九十]+)\s*(?:[)）]|号|[.．、]|\s)"
)


def letter_spaced(word: str) -> str:
    """A pattern for ``word`` with optional spaces between its characters (日 時, 会　場).

    Example:
        >>> bool(regex.fullmatch(letter_spaced("日時"), "日　時"))
        True
    """
    return rf"{SP}*".join(regex.escape(ch) for ch in word)
