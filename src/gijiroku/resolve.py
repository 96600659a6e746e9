"""Speaker resolution: from a printed label to a member of the roster, one resolver for all.

A label names a speaker by name (``（曽根委員）``, ``議長（尾辻秀久君）``), by surname and title
(``林委員``), or by title alone (``座長``, ``情報政策課長``). :class:`Roster` finds the one
member the label can mean, and says why when it cannot: no guesses.

Example:
    >>> roster = Roster([MemberDraft("m1", "曽根", "委員", roles=["座長"])])
    >>> roster.resolve(name=None, role="座長").member_id
    'm1'
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field

import regex

from gijiroku.models import Attendance
from gijiroku.names import CHAIR_ROLES, split_person, strip_honorific
from gijiroku.normalize import compact

__all__ = ["LabelParts", "MemberDraft", "Resolution", "Roster", "analyze_label"]

_MARKS = "〇○◯●◎◆■◇□△▲▼☆★"
_MARK_RE = regex.compile(rf"^[{_MARKS}][ \u3000]*")
#: Titles that say "a member of this body" and fit any member listed as one.
_MEMBER_TITLES = frozenset({"委員", "議員", "構成員", "君"})


@dataclass(slots=True)
class MemberDraft:
    """A member while the parser still collects facts about them (mutable)."""

    id: str
    name: str | None
    title: str | None = None
    group: str | None = None
    roles: list[str] = field(default_factory=list)
    attendance: Attendance = "unknown"
    seat: int | None = None
    affiliation: str | None = None


@dataclass(frozen=True, slots=True)
class LabelParts:
    """A label taken apart: the mark, the label as printed, the name and the role."""

    mark: str | None
    printed: str
    name: str | None
    role: str | None


def analyze_label(
    label: str,
    paren_name: str | None = None,
    *,
    mark: str | None = None,
    known_titles: Collection[str] = (),
) -> LabelParts:
    """Split a speaker label into mark, name and role.

    Example:
        >>> analyze_label("座長", "曽根委員")
        LabelParts(mark=None, printed='座長（曽根委員）', name='曽根', role='座長')
        >>> analyze_label("〇河野大臣")
        LabelParts(mark='〇', printed='河野大臣', name='河野', role='大臣')
    """
    mark_match = _MARK_RE.match(label)
    if mark_match:
        mark = mark_match.group().strip()
    core = compact(label[mark_match.end() :] if mark_match else label)
    if paren_name:
        inner = compact(paren_name)
        printed = f"{core}（{inner}）"
        bare, _ = strip_honorific(inner)
        name, _title = split_person(bare, known_titles=known_titles)
        role_name, role = split_person(core, known_titles=known_titles)
        return LabelParts(mark, printed, name or bare, role or role_name or core)
    bare, _ = strip_honorific(core)
    name, role = split_person(bare, known_titles=known_titles)
    return LabelParts(mark, core, name, role)


@dataclass(frozen=True, slots=True)
class Resolution:
    """The member a label means (``member_id``), or why there is none (``problem``)."""

    member_id: str | None
    problem: str | None = None
    candidates: tuple[str, ...] = ()


class Roster:
    """The members a document lists, indexed for resolving speaker labels."""

    def __init__(self, members: Iterable[MemberDraft]) -> None:
        self.members = list(members)

    def __bool__(self) -> bool:
        return bool(self.members)

    def _unique(self, found: list[MemberDraft], what: str) -> Resolution | None:
        if len(found) == 1:
            return Resolution(found[0].id)
        if len(found) > 1:
            ids = tuple(m.id for m in found)
            names = "、".join(m.name or m.title or m.id for m in found)
            return Resolution(None, f"{what} fits {len(found)} members ({names})", ids)
        return None

    def resolve(self, *, name: str | None, role: str | None) -> Resolution:
        """The member a label with this name and role means.

        A name is matched in full, then as a surname (the start of a full name); a role
        alone is matched against members' roles (座長), then their titles (情報政策課長).
        """
        if name:
            full = [m for m in self.members if m.name == name]
            found = full or [m for m in self.members if m.name and m.name.startswith(name)]
            if len(found) > 1 and role:
                fitting = [m for m in found if _fits_role(m, role)]
                found = fitting or found
            result = self._unique(found, f"name {name}")
            return result or Resolution(None, f"no member is called {name}")
        if role:
            for found in (
                [m for m in self.members if role in m.roles],
                [m for m in self.members if m.title == role],
            ):
                result = self._unique(found, f"role {role}")
                if result is not None:
                    return result
            return Resolution(None, f"no member holds the role {role}")
        return Resolution(None, "the label names nobody")


def _fits_role(member: MemberDraft, role: str) -> bool:
    if role in member.roles or member.title == role:
        return True
    if role in _MEMBER_TITLES and member.title in _MEMBER_TITLES:
        return True
    return role in CHAIR_ROLES and role in member.roles
