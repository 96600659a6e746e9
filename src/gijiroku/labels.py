"""The document's own evidence about its speaker labels, gathered once before they are read.

A label runs a surname into a title (``荒井スポーツ振興局施設担当部長``) or gives a title alone
(``情報政策課長``), and names a speaker by surname only (``迫川委員長``). The vocabulary in
:mod:`gijiroku.names` splits most labels; what the document itself prints settles the rest:

- titles printed alone as labels (``総務課長``) or after several surnames (``関総務課長``,
  ``佐藤総務課長``) are titles, and split the labels that end with them;
- people named in the header with their full names (``委員長　　　迫川　高行``,
  ``委員:中村紀雄、``) give the full name of a speaker a label names by surname;
- self-introductions in the speeches (「施設担当部長の荒井俊之でございます」) show where a
  surname ends and whose it is.

:func:`gather_evidence` collects them into an :class:`~gijiroku.names.Evidence`, which the
parser passes as ``known_titles`` to the label and roster readers and to the
:class:`~gijiroku.resolve.Roster`.

Example:
    >>> from gijiroku import tokenize
    >>> text = "出席委員　委員長　迫川　高行\\n\\n○迫川委員長　開会します。\\n"
    >>> evidence = gather_evidence(tokenize(text, format="assembly"), text)
    >>> evidence.full_name("迫川")
    '迫川高行'
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

import regex

from gijiroku.blocks import Block, BlockKind, group_reader
from gijiroku.names import (
    HONORIFICS,
    PERSON_TITLES,
    POSITION_WORDS,
    Evidence,
    Person,
    fold_variants,
    position_suffix,
    reads_as_name_head,
    starts_with_department,
    strip_honorific,
)
from gijiroku.normalize import compact
from gijiroku.resolve import analyze_label

__all__ = ["gather_evidence", "header_people", "introductions", "shared_titles"]

#: A run of the characters names are printed in.
_NAME_RUN_RE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー々〆ヶ]+")
#: What may stand between a surname and the given name in a list: spaces only.
_GAP_RE = regex.compile(r"[ \u3000]+")
#: Characters that end the name of an office, never a given name (関係, 林業振興課).
_OFFICE_CHARS = frozenset("課局部室係庁省府県署館所団班隊会")
#: A self-introduction: 「…部長の荒井俊之でございます」, 「…課長の宮原です」.
_INTRODUCTION_RE = regex.compile(
    r"の(?P<name>\p{Han}{2,6}|\p{Han}{1,4}[\p{Hiragana}\p{Katakana}ー]{1,5})"
    r"(?:でございます|です|と申します)"
)
#: The endings :data:`_INTRODUCTION_RE` reads (:func:`introductions` tests each inline).
_INTRODUCTION_ENDS = ("でございます", "です", "と申します")
#: How far back from の a title may start (titles are short).
_TITLE_WINDOW = 30
_TITLE_CHARS_RE = regex.compile(r"[\p{Han}\p{Katakana}ー・]+$")
#: How much of a speech's start is searched for a self-introduction.
_OPENING = 200
#: A label's surname is at most this long.
_SURNAME_MAX = 4
#: (The standard ``re``, which calls this plain pattern faster than ``regex``.)
_INNER_RE = re.compile(r"[（(](?P<inner>[^（()）]+)[)）]")


def gather_evidence(blocks: Sequence[Block], text: str) -> Evidence:
    """The titles and people the document prints, for reading its labels.

    Titles: those its labels print alone (``情報政策課長``) and those several labels print
    after different surnames (:func:`shared_titles`). People: the full names its header
    prints for the surnames its labels use (:func:`header_people`; for a label no rule
    splits, a person listed under the very title the label ends with: ``緑化推進課長　長谷部
    誠`` for ``長谷部緑化推進課長``), and the speakers who introduce themselves
    (:func:`introductions`).
    """
    labels, header_end, openings = _labels_and_openings(blocks)
    if not labels:
        # No label: no surname is wanted from the header, no title is shared or printed
        # alone, and a self-introduction is kept only for a label's initials: the long way
        # adds nothing (a document of header lines, a page of notes, a tiny text).
        return Evidence()
    return _evidence_of(labels, text[:header_end], openings)


def _evidence_of(labels: set[tuple[str, str | None]], header: str, openings: list[str]) -> Evidence:
    """:func:`gather_evidence` of the labels of the TURN blocks, the ``header`` (the text
    before the first labelled turn) and the ``openings`` of the speeches."""
    surnames: set[str] = set()
    bodies: set[str] = set()
    unsplit: defaultdict[str, set[str]] = defaultdict(set)  # folded: possible surname → labels
    unnamed: set[str] = set()  # labels read as a title alone so far
    read = {(label, pname): analyze_label(label, pname) for label, pname in labels}
    for (label, pname), parts in read.items():
        if parts.name and len(parts.name) <= _SURNAME_MAX:
            surnames.add(parts.name)
        bare = analyze_label(label) if pname else parts  # the label line alone
        if bare.name is None:
            unnamed.add(label)
        if "（" not in bare.printed and "(" not in bare.printed:
            body = strip_honorific(bare.printed)[0]
            bodies.add(body)
            if parts.name is None:
                for head in _possible_surnames(body):
                    unsplit[fold_variants(head)].add(fold_variants(body))
    evidence = Evidence()
    wanted = {fold_variants(s) for s in surnames}
    for person in header_people(header, wanted | set(unsplit)):
        surname = fold_variants(person.surname or "")
        if surname in wanted or _listed_with_the_title(person, unsplit):
            evidence.add_person(person)
    for parts in read.values():  # 総務部長（中野晋）: the label prints the full name
        inner = _INNER_RE.search(parts.printed)
        if parts.name and parts.role and inner is not None:
            name, _ = strip_honorific(inner["inner"])
            if position_suffix(name) is None and fold_variants(name) == fold_variants(parts.name):
                evidence.add_person(Person(parts.name, title=parts.role))
    introduced = introductions(openings)
    if introduced:  # (the labels' starts are folded only for a speaker who introduced himself)
        initials = {fold_variants(body)[:2] for body in bodies}
        for person in introduced:
            if fold_variants(person.name)[:2] in initials:
                evidence.add_person(person)
    # titles: shared by several labels, or printed alone (what neither the vocabulary nor the
    # people named split: a label 緑化推進課長, 座長 above （曽根委員）), but not a name before
    # another such title (長谷部緑化推進課長 beside 緑化推進課長)
    shared = shared_titles(bodies)
    for title in shared:
        evidence.add_title(title)
    alone: set[str] = set()
    for label in unnamed:  # evidence only splits: a label with a name keeps it
        parts = analyze_label(label, known_titles=evidence)
        if parts.name is None and parts.role:
            alone.add(parts.role)
    for title in alone - {t for t in alone if _name_before_title(t, alone | shared)}:
        evidence.add_title(title)
    return evidence


def _possible_surnames(body: str) -> Iterable[str]:
    """The heads of a label no rule split that may be a surname (長谷部緑化推進課長: 長谷,
    長谷部, 長谷部緑); the header's list of people decides (:func:`_listed_with_the_title`)."""
    for cut in range(1, min(_SURNAME_MAX, len(body) - 2) + 1):
        if reads_as_name_head(fold_variants(body[:cut])):
            yield body[:cut]


def _listed_with_the_title(person: Person, unsplit: Mapping[str, set[str]]) -> bool:
    """A person the header lists under the very title a label prints after their surname
    (``緑化推進課長　長谷部　誠`` and the label ``長谷部緑化推進課長``)."""
    if person.surname is None or person.title is None:
        return False
    title = fold_variants(person.title)
    surname = fold_variants(person.surname)
    return surname + title in unsplit.get(surname, ())


def _name_before_title(text: str, titles: set[str]) -> bool:
    """``text`` is a name-like head and one of ``titles``: 長谷部｜緑化推進課長."""
    return any(
        text[cut:] in titles and reads_as_name_head(fold_variants(text[:cut]))
        for cut in range(1, min(_SURNAME_MAX + 1, len(text)))
    )


#: A TURN block's groups that name its speaker and open its speech, read at once.
_turn_groups = group_reader(("label", "pname", "text"))


def _labels_and_openings(
    blocks: Sequence[Block],
) -> tuple[set[tuple[str, str | None]], int, list[str]]:
    """The labels of the TURN blocks (with the name printed below each, or None), where the
    first labelled turn starts (0 without one), and the start of every speech (where speakers
    introduce themselves): the text on the label's line, or the paragraph below a label
    printed alone (one pass over the blocks, each turn's groups read once)."""
    labels: set[tuple[str, str | None]] = set()
    first: int | None = None
    openings: list[str] = []
    turn, continuation = BlockKind.TURN, BlockKind.CONTINUATION
    waiting = False
    for block in blocks:
        kind = block.kind
        if kind is turn:
            label, pname, text = _turn_groups(block.groups)  # ("" for a group unset)
            if label:
                labels.add((label, pname or None))
                if first is None:
                    first = block.span.start
            waiting = not text or text.isspace()  # (what `not text.strip()` says, with no copy)
            if not waiting:
                openings.append(text[:_OPENING])
        elif waiting and kind is continuation:
            waiting = False
            openings.append((block.groups.get("text") or "")[:_OPENING])
    return labels, first or 0, openings


def shared_titles(bodies: Iterable[str]) -> set[str]:
    """Titles that several labels print after different surnames: ``総務課長`` in
    ``関総務課長`` and ``佐藤総務課長``. Only heads that read as surnames of two characters or
    more count; a label that starts with a department word (人事課長, 工事課長) has none, and
    titles printed after full names (委員, 議員, 議長: 寺谷隆子委員, 櫻井敬子委員) are not looked
    for.

    Example:
        >>> sorted(shared_titles(["山田総務課長", "佐藤総務課長", "人事課長", "工事課長"]))
        ['総務課長']
    """
    heads: defaultdict[str, set[str]] = defaultdict(set)
    for body in bodies:
        folded = fold_variants(compact(body))
        if starts_with_department(folded):
            continue
        for cut in range(2, min(_SURNAME_MAX, len(folded) - 2) + 1):
            head, tail = folded[:cut], folded[cut:]
            position = position_suffix(tail)
            if position is None or position in PERSON_TITLES or tail == position:
                continue  # before 委員 or 議員 a full name is printed: 寺谷隆子委員, 櫻井敬子委員
            if not reads_as_name_head(head):
                continue
            if starts_with_department(tail) or _TITLE_CHARS_RE.match(tail):
                heads[tail].add(head)
    shared = {
        tail
        for tail, found in heads.items()
        if len(found) >= 2 and not any(_cuts_a_word(head[-1] + tail) for head in found)
    }
    # the longest wins: 緑化推進課長, not 化推進課長 (長谷部緑 and 小野緑 read as surnames too)
    return {t for t in shared if not any(len(o) > len(t) and o.endswith(t) for o in shared)}


def _cuts_a_word(text: str) -> bool:
    """``text`` (a head's last character and a tail) starts with a department word or is a
    title word: the tail would begin inside a word (国｜務大臣, 総｜務課長)."""
    return starts_with_department(text) or text in POSITION_WORDS


def header_people(header: str, surnames: Iterable[str]) -> list[Person]:
    """Full names the header prints for these surnames: ``迫川　高行`` (a space between
    surname and given name) or ``中村紀雄`` (solid, the surname at the start of a name),
    with the title printed just before when there is one (``委員長　　　迫川　高行``).

    A given name is one to five characters that are no title (``林委員``), no office
    (``関係``) and no department.

    Example:
        >>> [(p.name, p.surname, p.title) for p in header_people(
        ...     "委員長:星名建市、委員:中村紀雄、\\n委員長　　　迫川　高行", ["中村", "迫川", "星名"])]
        [('星名建市', '星名', '委員長'), ('中村紀雄', '中村', '委員'), ('迫川高行', '迫川', '委員長')]
    """
    wanted = {fold_variants(s) for s in surnames}
    lengths = sorted({len(s) for s in wanted}, reverse=True)
    people: list[Person] = []
    if not wanted:
        return people
    initials = {s[0] for s in wanted}
    folded_header = fold_variants(header)  # the same length: offsets hold in both
    lines = header.splitlines(keepends=True)
    ends = list(itertools.accumulate(map(len, lines)))
    for k in _lines_holding(folded_header, ends, initials):
        line, start_of_line = lines[k], ends[k - 1] if k else 0
        runs = list(_NAME_RUN_RE.finditer(line))
        for i, run in enumerate(runs):
            at = start_of_line + run.start()
            if folded_header[at] not in initials:  # (most runs: tested before the run is cut)
                continue
            start = folded_header[at : start_of_line + run.end()]
            if not any(start[:n] in wanted for n in lengths):
                continue
            word = _without_title_word(run.group())
            folded = fold_variants(word)
            if folded in wanted:  # 迫川　高行: the given name is the next run, after spaces
                after = runs[i + 1] if i + 1 < len(runs) else None
                if after is not None and _GAP_RE.fullmatch(line, run.end(), after.start()):
                    given = _without_title_word(after.group())
                    if _reads_as_given_name(given):
                        people.append(Person(word + given, word, _title_before(line, runs, i)))
                continue
            for n in lengths:  # 中村紀雄: the surname starts a solid name
                if len(folded) > n and folded[:n] in wanted and _reads_as_given_name(word[n:]):
                    people.append(Person(word, word[:n], _title_before(line, runs, i)))
                    break
    return people


def _lines_holding(text: str, ends: list[int], chars: Iterable[str]) -> list[int]:
    """The lines of ``text`` (that end at ``ends``) holding one of ``chars``, in order: each
    character found by ``str.find`` from line to line, so that the many lines holding none
    (most of a header) are never looked at one by one."""
    found: set[int] = set()
    find = text.find
    for char in chars:
        at = find(char)
        while at >= 0:
            k = bisect.bisect_right(ends, at)  # the line holding ``at``
            found.add(k)
            at = find(char, ends[k])  # (the next line on)
    return sorted(found)


def _without_title_word(word: str) -> str:
    """A name run without the honorific or member's title printed after it (中村紀雄君,
    岩瀬達哉委員, 大森彌会長)."""
    bare, _ = strip_honorific(word)
    position = position_suffix(bare)
    if position is not None and (position in PERSON_TITLES or position == "会長"):
        bare = bare[: -len(position)]
    return bare


def _title_before(line: str, runs: list[regex.Match[str]], i: int) -> str | None:
    """The title printed right before a name (``委員長　迫川``, ``委員:中村``), letter-spaced
    or not (``議　　長　　今竹``)."""
    title = ""
    end = runs[i].start()
    for before in reversed(runs[:i]):
        if line[before.end() : end].strip(" \u3000:："):
            break
        title = before.group() + title
        end = before.start()
        if len(before.group()) > 1 or position_suffix(title) is not None:
            break
    return title if title and position_suffix(title) is not None else None


def _reads_as_given_name(given: str) -> bool:
    return (
        1 <= len(given) <= 5
        and position_suffix(given) is None
        and given not in HONORIFICS
        and not any(ch in _OFFICE_CHARS for ch in given)
        and not starts_with_department(given)
    )


def introductions(texts: Iterable[str]) -> list[Person]:
    """Speakers who introduce themselves with their title: 「施設担当部長の荒井俊之でございます」.

    Example:
        >>> [(p.name, p.title) for p in introductions(["スポーツ振興局施設担当部長の荒井俊之でございます。"])]
        [('荒井俊之', 'スポーツ振興局施設担当部長')]
    """
    people: list[Person] = []
    for text in texts:
        if "の" not in text or not (
            "です" in text or "でございます" in text or "と申します" in text
        ):
            continue  # (every introduction prints both: most speeches start with neither)
        for match in _INTRODUCTION_RE.finditer(text):
            window = text[max(match.start() - _TITLE_WINDOW, 0) : match.start()]
            title = _TITLE_CHARS_RE.search(window)
            if title is None or position_suffix(title.group()) is None:
                continue
            if not reads_as_name_head(fold_variants(match["name"])):
                continue
            people.append(Person(match["name"], None, title.group()))
    return people
