"""Reading minutes in a notebook: turns by a speaker, a section by its title or number.

These back :meth:`Minutes.turns_by <gijiroku.models.Minutes.turns_by>`,
:meth:`Minutes.section <gijiroku.models.Minutes.section>` and
:meth:`Minutes.turns_in <gijiroku.models.Minutes.turns_in>`.

Example:
    >>> import gijiroku
    >>> m = gijiroku.parse("座長 始めます。\\n林委員 賛成です。\\n座長 では次へ。")
    >>> [u.text for u in m.turns_by("座長")]
    ['始めます。', 'では次へ。']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from gijiroku.normalize import compact

if TYPE_CHECKING:
    from gijiroku.models import Member, Minutes, Section, Utterance

__all__ = ["find_section", "turns_by", "turns_in"]


def _query(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{what} must be a str, not {type(value).__name__}")
    key = compact(value)
    if not key:
        raise ValueError(f"{what} must not be empty")
    return key


def turns_by(minutes: Minutes, speaker: str | Member) -> list[Utterance]:
    """The turns (発言) of one speaker, in order.

    ``speaker`` is a :class:`~gijiroku.models.Member` or a string, tried in this order; the
    first way that matches any turn wins:

    1. a member id (``"m18"``): turns resolved to that member;
    2. a full name (``"田野瀬太道"``), spaces ignored;
    3. a surname, i.e. the start of a name (``"田野瀬"``): every speaker whose name starts
       with it, so ``"鈴木"`` gives the turns of every 鈴木;
    4. a label as printed (``"田野瀬委員長"``, ``"議長（尾辻秀久君）"``);
    5. a role (``"委員長"``, ``"国務大臣"``): everyone who spoke in that role.

    Returns an empty list when nothing matches.

    Example:
        >>> import gijiroku
        >>> m = gijiroku.parse("座長 始めます。\\n林委員 賛成です。\\n座長 では次へ。")
        >>> [u.speaker.label for u in m.turns_by("林")]
        ['林委員']
        >>> len(m.turns_by("委員"))
        1
    """
    from gijiroku.models import Member

    if isinstance(speaker, Member):
        return [u for u in minutes.utterances if u.speaker_id == speaker.id]
    key = _query(speaker, "speaker")
    utterances = minutes.utterances
    tiers = (
        lambda u: u.speaker_id == key,
        lambda u: compact(u.speaker.name or "") == key,
        lambda u: compact(u.speaker.name or "").startswith(key),
        lambda u: compact(u.speaker.label) == key,
        lambda u: compact(u.speaker.role or "") == key,
    )
    for matches in tiers:
        found = [u for u in utterances if matches(u)]
        if found:
            return found
    return []


def find_section(minutes: Minutes, key: str | int) -> Section:
    """One section (議題・日程), found by ``key``; the first match in document order wins.

    An ``int`` is the section's printed ``number`` (議題2 → 2). A string is tried as a section
    id (``"s2"``), then an exact title, then a number written in digits, then a part of a
    title (``"国政調査"``), spaces ignored.

    Raises:
        KeyError: no section matches (the message lists the sections there are).
        TypeError: ``key`` is neither str nor int.

    Example:
        >>> import gijiroku
        >>> m = gijiroku.parse("〔議題（１）開会〕\\n座長 始めます。\\n〔議題（２）報告〕\\n林委員 報告します。")
        >>> m.section(2).title, m.section("報告").id
        ('議題（2）報告', 's2')
    """
    sections = minutes.sections
    if isinstance(key, bool) or not isinstance(key, (int, str)):
        raise TypeError(f"section key must be a str or int, not {type(key).__name__}")
    found: Section | None = None
    if isinstance(key, int):
        found = next((s for s in sections if s.number == key), None)
    else:
        text = _query(key, "section key")
        tiers = (
            lambda s: s.id == text,
            lambda s: compact(s.title) == text,
            lambda s: text.isdecimal() and s.number == int(text),
            lambda s: text in compact(s.title),
        )
        for matches in tiers:
            found = next((s for s in sections if matches(s)), None)
            if found is not None:
                break
    if found is None:
        known = "; ".join(f"{s.id} {s.title[:20]}" for s in sections[:10]) or "none"
        raise KeyError(f"no section matches {key!r} (sections: {known})")
    return found


def turns_in(minutes: Minutes, section: Section | str | int) -> list[Utterance]:
    """The turns under a section (a :class:`~gijiroku.models.Section` or a key for
    :func:`find_section`). Agenda items listed in the header (``kind == "agenda"``, e.g. the
    Diet's 本日の会議に付した案件) hold no turns, so their list is empty.

    Example:
        >>> import gijiroku
        >>> m = gijiroku.parse("〔議題（１）開会〕\\n座長 始めます。\\n〔議題（２）報告〕\\n林委員 報告します。")
        >>> [u.text for u in m.turns_in("報告")]
        ['報告します。']
    """
    from gijiroku.models import Section

    target = section if isinstance(section, Section) else find_section(minutes, section)
    return [u for u in minutes.utterances if u.section_id == target.id]
